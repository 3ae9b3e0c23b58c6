package main_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/internal/hardhat"
)

// TestSuiteAgainstHardhat runs the provider/client/auditor story through the real binary
// against a Hardhat node, an EVM node Brine does not embed: `brine deploy` to it, a provider
// stakes and registers, a client posts a job with a permit (one transaction), an auditor lists
// it and the books balance.
func TestSuiteAgainstHardhat(t *testing.T) {
	hh := hardhat.Start(t)
	dir := t.TempDir()
	const password = "hardhat-suite"
	env := []string{"HOME=" + dir, "BRINE_DATADIR=" + dir, "BRINE_PASSWORD=" + password, "BRINE_RPC=" + hh.URL}
	run := func(args ...string) result {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, binary, args...)
		cmd.Env = append(os.Environ(), env...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		r := result{stdout: out.String(), stderr: errb.String()}
		var ee *exec.ExitError
		switch {
		case err == nil:
		case errors.As(err, &ee):
			r.code = ee.ExitCode()
		default:
			t.Fatalf("brine %s: %v", strings.Join(args, " "), err)
		}
		t.Logf("brine %s -> %d\n%s%s", strings.Join(args, " "), r.code, r.stderr, r.stdout)
		if r.code != 0 {
			t.Fatalf("brine %s exited %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
		return r
	}

	// Import three of Hardhat's dev keys: deployer (governance), provider, client.
	var addrs []string
	for i := 0; i < 3; i++ {
		key, addr := hh.Key(i)
		file := filepath.Join(t.TempDir(), "key.hex")
		if err := os.WriteFile(file, []byte(common.Bytes2Hex(crypto.FromECDSA(key))), 0o600); err != nil {
			t.Fatal(err)
		}
		run("wallet", "import", file)
		addrs = append(addrs, addr.Hex())
	}
	deployer, provider, client := addrs[0], addrs[1], addrs[2]

	r := run("--account", deployer, "--json", "deploy", "--out", filepath.Join(dir, "deployment.json"))
	d := decode[struct {
		ChainID uint64 `json:"chainId"`
		Token   string `json:"token"`
	}](t, r)
	if d.ChainID != hardhat.ChainID || !common.IsHexAddress(d.Token) {
		t.Fatalf("deploy to hardhat: %+v", d)
	}

	// The deployer owns the dev token: mint the provider's and the client's tokens.
	key0, _ := hh.Key(0)
	opts := bind.NewKeyedTransactor(key0, hh.ChainID)
	tok := bindings.NewBrineToken()
	inst := tok.Instance(hh.Client, common.HexToAddress(d.Token))
	for _, to := range []string{provider, client} {
		tx, err := bind.Transact(inst, opts, tok.PackMint(common.HexToAddress(to), mustTokens(t, 1000)))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := bind.WaitMined(context.Background(), hh.Client, tx.Hash()); err != nil {
			t.Fatal(err)
		}
	}

	run("--account", provider, "--json", "provider", "stake", "150")
	r = run("--account", provider, "--json", "provider", "register")
	if reg := decode[struct {
		Active bool `json:"active"`
	}](t, r); !reg.Active {
		t.Fatalf("the provider is not active after staking and registering: %s", r.stdout)
	}

	spec := filepath.Join(t.TempDir(), "job.yaml")
	if err := os.WriteFile(spec, []byte(jobSpec), 0o644); err != nil {
		t.Fatal(err)
	}
	before, err := hh.Client.PendingNonceAt(context.Background(), common.HexToAddress(client))
	if err != nil {
		t.Fatal(err)
	}
	r = run("--account", client, "--json", "job", "submit", "--post-anyway", spec)
	after, err := hh.Client.PendingNonceAt(context.Background(), common.HexToAddress(client))
	if err != nil {
		t.Fatal(err)
	}
	if after != before+1 {
		t.Errorf("job submit on hardhat sent %d transactions; the permit path sends one", after-before)
	}
	sub := decode[struct {
		Job struct {
			ID uint64 `json:"id"`
		} `json:"job"`
	}](t, r)

	r = run("audit", "jobs", "--json")
	if !strings.Contains(r.stdout, fmt.Sprintf(`"id": %d`, sub.Job.ID)) && !strings.Contains(r.stdout, fmt.Sprintf(`"id":%d`, sub.Job.ID)) {
		t.Errorf("audit jobs does not list job %d: %s", sub.Job.ID, r.stdout)
	}
	r = run("audit", "check", "--json")
	check := decode[struct {
		Balanced bool `json:"balanced"`
		Ledgers  []struct {
			Contract string     `json:"contract"`
			Holdings amountJSON `json:"holdings"`
		} `json:"ledgers"`
	}](t, r)
	if !check.Balanced {
		t.Fatalf("audit check on hardhat: %s", r.stdout)
	}
	for _, l := range check.Ledgers {
		want := map[string]string{"ProviderRegistry": token(150), "JobMarket": "2500000000000000000"}[l.Contract]
		if want != "" && l.Holdings.Units != want {
			t.Errorf("%s holds %s, want %s", l.Contract, l.Holdings.Units, want)
		}
	}
}

func mustTokens(t *testing.T, n int64) *big.Int {
	t.Helper()
	return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18))
}
