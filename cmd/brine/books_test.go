package main_test

import (
	"context"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/txmgr"
)

// TestBooksSurplusAndTokenProbe is issue 11's items 6 and 7 through the binary, on a devnet of
// its own.
//
// A donation: one base unit sent straight to the market with a plain ERC-20 transfer. `brine
// audit check` still exits 0, printing the market "balanced, surplus" and carrying surplus 1 and
// shortfall 0 in --json. `brine market sweep` credits the unit to the treasury; a second sweep
// finds nothing (exit 2, nothing sent), and the audit then shows no surplus and 1 swept.
//
// A fee-on-transfer token: `brine deploy --token` on it fails with the token, what the test
// transfer saw and the fix, and the deploying account keeps its tokens.
func TestBooksSurplusAndTokenProbe(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "2")
	acc := n.info.Accounts
	market := common.HexToAddress(n.info.Contracts["market"])
	tok := bindings.NewBrineToken()
	k := n.sender(t, acc[1])
	k.send(t, "donate", common.HexToAddress(n.info.Contracts["token"]), tok.PackTransfer(market, big.NewInt(1)), nil)

	type amt struct {
		Units string `json:"units"`
	}
	type checkOut struct {
		Balanced  bool `json:"balanced"`
		Surplus   amt  `json:"surplus"`
		Shortfall amt  `json:"shortfall"`
		Ledgers   []struct {
			Contract  string `json:"contract"`
			Balanced  bool   `json:"balanced"`
			Surplus   amt    `json:"surplus"`
			Shortfall amt    `json:"shortfall"`
			Swept     *amt   `json:"swept"`
		} `json:"ledgers"`
	}
	check := decode[checkOut](t, n.ok(t, "audit", "check"))
	if !check.Balanced || check.Surplus.Units != "1" || check.Shortfall.Units != "0" || check.Ledgers[0].Contract != "JobMarket" ||
		check.Ledgers[0].Surplus.Units != "1" || !check.Ledgers[0].Balanced {
		t.Fatalf("audit check after a 1-unit donation: %+v", check)
	}
	r := n.run(t, nil, "audit", "check")
	if r.code != 0 || !strings.Contains(r.stdout, "balanced, surplus 0.000000000000000001 BRINE") {
		t.Fatalf("audit check (text) after a donation: exit %d\n%s", r.code, r.stdout)
	}

	sweep := decode[struct {
		Swept amt `json:"swept"`
	}](t, n.ok(t, "--account", acc[1], "market", "sweep"))
	if sweep.Swept.Units != "1" {
		t.Fatalf("market sweep swept %s, want 1", sweep.Swept.Units)
	}
	mined, _ := n.nonces(t, acc[0])
	if r := n.run(t, nil, "--account", acc[0], "market", "sweep"); r.code != 2 || !strings.Contains(r.stderr, "nothing to sweep") {
		t.Fatalf("second sweep: exit %d, %q; want 2, nothing to sweep", r.code, r.stderr)
	}
	if after, _ := n.nonces(t, acc[0]); after != mined {
		t.Fatalf("the refused sweep sent a transaction")
	}
	check = decode[checkOut](t, n.ok(t, "audit", "check"))
	if m := check.Ledgers[0]; !check.Balanced || check.Surplus.Units != "0" || m.Swept == nil || m.Swept.Units != "1" {
		t.Fatalf("audit check after the sweep: %+v", check)
	}

	// A fee-on-transfer token (1% burned per transfer), deployed and minted from the test.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	fotABI := bindings.NewFeeOnTransferToken()
	rc, err := k.mgr.Send(ctx, txmgr.Request{ID: "deploy-fot", Data: append(common.FromHex(bindings.FeeOnTransferTokenMetaData.Bin), fotABI.PackConstructor(big.NewInt(100), false)...)})
	if err != nil {
		t.Fatal(err)
	}
	fot := rc.ContractAddress
	k.send(t, "mint-fot", fot, tok.PackMint(common.HexToAddress(acc[1]), big.NewInt(5e18)), nil)
	r = n.run(t, nil, "--account", acc[1], "deploy", "--token", fot.Hex(), "--out", filepath.Join(t.TempDir(), "fot.json"))
	if r.code == 0 || !strings.Contains(r.stderr, fot.Hex()) || !strings.Contains(r.stderr, "fee-on-transfer") ||
		!strings.Contains(r.stderr, "delivered 990000000000000000") || !strings.Contains(r.stderr, "plain ERC-20") {
		t.Fatalf("deploy --token on a fee-on-transfer token: exit %d, %q", r.code, r.stderr)
	}
	out, err := n.client.CallContract(ctx, callMsg(fot, tok.PackBalanceOf(common.HexToAddress(acc[1]))), nil)
	if err != nil {
		t.Fatal(err)
	}
	if bal, _ := tok.UnpackBalanceOf(out); bal.Cmp(big.NewInt(5e18)) != 0 {
		t.Fatalf("the deployer holds %s of the refused token, want 5e18", bal)
	}
}
