package hardhat_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/hardhat"
)

// Without node_modules, Launch says to run `make deps` and starts nothing.
func TestLaunchWithoutHardhat(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"hardhat.config.js", "accounts.json"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "tools", "hardhat", f))
		must(t, err)
		must(t, os.WriteFile(filepath.Join(dir, f), data, 0o644))
	}
	_, err := hardhat.Launch(t.Context(), hardhat.Options{Dir: dir})
	if !errors.Is(err, hardhat.ErrNotInstalled) || !strings.Contains(err.Error(), "make deps") {
		t.Fatalf("Launch without node_modules: %v, want ErrNotInstalled saying to run make deps", err)
	}
}

// The options reach hardhat.config.js: on the cancun hardfork (the EVM version Brine compiles
// for) Brine deploys, interval mining makes blocks without transactions, and Close stops the
// node's process.
func TestNodeOptionsAndClose(t *testing.T) {
	n := hardhat.Start(t, hardhat.WithHardfork("cancun"), hardhat.WithInterval(100*time.Millisecond))
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()

	if len(n.Keys) != 10 || n.Accounts[0] != crypto.PubkeyToAddress(n.Keys[0].PublicKey) {
		t.Fatalf("dev accounts: %d keys, first %s", len(n.Keys), n.Accounts[0])
	}
	bal, err := n.Client.BalanceAt(ctx, n.Accounts[9], nil)
	must(t, err)
	if want := "10000000000000000000000"; bal.String() != want {
		t.Fatalf("dev account balance %s, want %s wei", bal, want)
	}

	start, err := n.Client.BlockNumber(ctx)
	must(t, err)
	poll(ctx, t, "interval blocks", func() bool {
		b, err := n.Client.BlockNumber(ctx)
		return err == nil && b >= start+2
	})

	key, owner := n.Key(0)
	head, err := n.Client.HeaderByNumber(ctx, nil)
	must(t, err)
	auth := bind.NewKeyedTransactor(key, n.ChainID)
	auth.Context = ctx
	addrs, err := deploy.Deploy(ctx, n.Client, auth, deploy.DevConfig(owner, head.Time))
	must(t, err)
	code, err := n.Client.CodeAt(ctx, addrs.Market, nil)
	must(t, err)
	if len(code) == 0 {
		t.Fatal("no market code on cancun")
	}

	must(t, n.Close())
	select {
	case <-n.Exited():
	default:
		t.Fatal("the node's process is still running after Close")
	}
	must(t, n.Close()) // idempotent
}
