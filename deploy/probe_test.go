package deploy_test

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
)

// deployTestToken deploys one of contracts/src/test's tokens (constructor argument arg) and
// mints `amount` of it to the chain's owner, the deployer of the tests below.
func deployTestToken(t *testing.T, c *simchain.Chain, bin string, ctor []byte, amount *big.Int) common.Address {
	t.Helper()
	addr, tx, err := bind.DeployContract(c.Opts(c.Owner), common.FromHex(bin), c.Client, ctor)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bind.WaitMined(context.Background(), c.Client, tx.Hash()); err != nil {
		t.Fatal(err)
	}
	if amount != nil {
		// The test tokens' mint(address,uint256) has the dev token's selector; anyone may call it.
		if _, err := c.Send(c.Owner, c.TokenABI.Instance(c.Client, addr), c.TokenABI.PackMint(c.Owner.Addr, amount)); err != nil {
			t.Fatal(err)
		}
	}
	return addr
}

func tokenBalance(t *testing.T, c *simchain.Chain, token, of common.Address) *big.Int {
	t.Helper()
	v, err := simchain.Call(c, c.TokenABI.Instance(c.Client, token), c.TokenABI.PackBalanceOf(of), c.TokenABI.UnpackBalanceOf)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestDeployRefusesOddTokens: `deploy.Deploy` with an existing token makes a test transfer
// first. A fee-on-transfer token (1% burned per transfer) and a rebasing one (every balance grows
// each block) are refused with a TokenRefusedError that names the token and what was seen, no
// Brine contract is deployed, and the deployer keeps its tokens (the rebasing one's growth
// included: the probe returns everything it holds). A plain ERC-20 passes.
func TestDeployRefusesOddTokens(t *testing.T) {
	c := simchain.New(t)
	ctx := context.Background()
	five := deploy.Token(5)

	t.Run("fee on transfer", func(t *testing.T) {
		fot := deployTestToken(t, c, bindings.FeeOnTransferTokenMetaData.Bin, bindings.NewFeeOnTransferToken().PackConstructor(big.NewInt(100), false), five)
		cfg := c.Config
		cfg.Token = fot
		nonce, _ := c.Client.PendingNonceAt(ctx, c.Owner.Addr)
		_, err := deploy.Deploy(ctx, c.Client, c.Opts(c.Owner), cfg)
		var re *deploy.TokenRefusedError
		if !errors.As(err, &re) || !errors.Is(err, deploy.ErrTokenRefused) || re.Kind != "fee-on-transfer" || re.Token != fot {
			t.Fatalf("Deploy on a fee-on-transfer token: %v, want a fee-on-transfer TokenRefusedError", err)
		}
		// One token asked, 1% burned: 0.99 arrived.
		if want := "transferFrom of 1000000000000000000 base units took 1000000000000000000 from the sender and delivered 990000000000000000"; !strings.Contains(err.Error(), want) ||
			!strings.Contains(err.Error(), fot.Hex()) || !strings.Contains(err.Error(), "plain ERC-20") {
			t.Fatalf("error %q does not name the token, the deltas (%s) and the fix", err, want)
		}
		if got := tokenBalance(t, c, fot, c.Owner.Addr); got.Cmp(five) != 0 {
			t.Fatalf("the deployer holds %s after the refused probe, want %s (nothing may move)", got, five)
		}
		// Probe deployment, approve and the allowance's withdrawal: three transactions, no Brine contract.
		if after, _ := c.Client.PendingNonceAt(ctx, c.Owner.Addr); after != nonce+3 {
			t.Fatalf("the refused deployment sent %d transactions, want 3 (probe, approve, approve 0)", after-nonce)
		}
	})

	t.Run("fee on the way back only", func(t *testing.T) {
		// transferFrom out of the deployer is free; transfer out of a contract pays 1%: the
		// take passes, the give-back shows it.
		fot := deployTestToken(t, c, bindings.FeeOnTransferTokenMetaData.Bin, bindings.NewFeeOnTransferToken().PackConstructor(big.NewInt(100), true), five)
		cfg := c.Config
		cfg.Token = fot
		_, err := deploy.Deploy(ctx, c.Client, c.Opts(c.Owner), cfg)
		var re *deploy.TokenRefusedError
		if !errors.As(err, &re) || re.Kind != "fee-on-transfer" || !strings.Contains(err.Error(), "back to the deployer delivered 990000000000000000") {
			t.Fatalf("Deploy on a token that charges transfers from contracts: %v, want a fee-on-transfer TokenRefusedError", err)
		}
		if got, want := tokenBalance(t, c, fot, c.Owner.Addr), new(big.Int).Sub(five, new(big.Int).Div(deploy.Token(1), big.NewInt(100))); got.Cmp(want) != 0 {
			t.Fatalf("the deployer holds %s, want %s (all returned but the token's own fee)", got, want)
		}
	})

	t.Run("rebasing", func(t *testing.T) {
		growth := big.NewInt(1_000)
		reb := deployTestToken(t, c, bindings.RebasingTokenMetaData.Bin, bindings.NewRebasingToken().PackConstructor(growth), five)
		cfg := c.Config
		cfg.Token = reb
		_, err := deploy.Deploy(ctx, c.Client, c.Opts(c.Owner), cfg)
		var re *deploy.TokenRefusedError
		if !errors.As(err, &re) || re.Kind != "rebasing" || re.Token != reb {
			t.Fatalf("Deploy on a rebasing token: %v, want a rebasing TokenRefusedError", err)
		}
		if !strings.Contains(err.Error(), "changed from 1000000000000000000 base units") || !strings.Contains(err.Error(), "to 1000000000000001000") {
			t.Fatalf("error %q does not say how the probe's balance changed", err)
		}
		// The probe returned all it held; the deployer's own balance grew meanwhile.
		if got := tokenBalance(t, c, reb, c.Owner.Addr); got.Cmp(five) <= 0 {
			t.Fatalf("the deployer holds %s after the probe, want more than %s (its tokens back, with growth)", got, five)
		}
	})

	t.Run("unfunded deployer", func(t *testing.T) {
		plain := deployTestToken(t, c, bindings.HostileTokenMetaData.Bin, nil, big.NewInt(9_999))
		cfg := c.Config
		cfg.Token = plain
		if _, err := deploy.Deploy(ctx, c.Client, c.Opts(c.Owner), cfg); !errors.Is(err, deploy.ErrProbeUnfunded) {
			t.Fatalf("Deploy with 9999 base units: %v, want ErrProbeUnfunded", err)
		}
	})

	t.Run("plain token", func(t *testing.T) {
		plain := deployTestToken(t, c, bindings.HostileTokenMetaData.Bin, nil, five)
		cfg := c.Config
		cfg.Token = plain
		addrs, err := deploy.Deploy(ctx, c.Client, c.Opts(c.Owner), cfg)
		if err != nil {
			t.Fatalf("Deploy on a plain ERC-20: %v", err)
		}
		if addrs.Token != plain || addrs.Market == (common.Address{}) {
			t.Fatalf("addresses %+v", addrs)
		}
		if got := tokenBalance(t, c, plain, c.Owner.Addr); got.Cmp(five) != 0 {
			t.Fatalf("the deployer holds %s after the probe, want %s back", got, five)
		}
		// Event scans start at the registry's block, not at the probe's.
		code, err := c.Client.CodeAt(ctx, addrs.Registry, new(big.Int).SetUint64(addrs.Block))
		if err != nil || len(code) == 0 {
			t.Fatalf("deploy block %d: the registry has no code there (%v)", addrs.Block, err)
		}
		if code, _ := c.Client.CodeAt(ctx, addrs.Registry, new(big.Int).SetUint64(addrs.Block-1)); len(code) != 0 {
			t.Fatalf("deploy block %d is not the registry's first block", addrs.Block)
		}
	})
}
