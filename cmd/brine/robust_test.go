package main_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A devnet killed with SIGKILL leaves <datadir>/devnet.json behind. Commands that find the RPC
// URL there say the devnet at that URL is not reachable because its process is gone, and how
// to fix it, instead of a bare connection error; nothing hangs. The first fix they name works:
// the devnet started again on the same data directory has its chain, contracts and state.
func TestStaleDevnetFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	n := launchIn(t, dir, "--period", "1s", "--accounts", "1")
	file := filepath.Join(n.info.DataDir, "devnet.json")
	acct := n.info.Accounts[0]
	r := n.ok(t, "provider", "stake", "7")
	staked := decode[struct {
		Staked amountJSON `json:"staked"`
	}](t, r).Staked.Units
	head, err := n.client.BlockNumber(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n.waitBlock(t, head+3) // a few blocks on: a kill may lose the newest ones
	n.kill(t)
	if _, err := os.Stat(file); err != nil {
		t.Fatalf("the killed devnet left no %s: %v", file, err)
	}
	for _, args := range [][]string{
		{"provider", "status"},
		{"audit", "check"},
		{"provider", "stake", "1"},
		{"wallet", "balance"},
	} {
		r := n.run(t, nil, args...)
		if r.code != 1 {
			t.Errorf("brine %s: exit %d, want 1", strings.Join(args, " "), r.code)
		}
		for _, want := range []string{
			"the devnet at " + n.info.HTTP + " is not reachable",
			"is gone (killed or crashed) and left " + file + " behind",
			"start it again with `brine devnet --datadir " + n.info.DataDir + "`",
			"or remove that file, or pass --rpc URL",
		} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("brine %s: stderr %q does not say %q", strings.Join(args, " "), r.stderr, want)
			}
		}
	}

	again := launchIn(t, dir, "--period", "1s")
	if again.info.Deployment != n.info.Deployment || again.info.Accounts[0] != acct {
		t.Fatalf("the restarted devnet is another: %+v", again.info)
	}
	v := decode[struct {
		Address string     `json:"address"`
		Staked  amountJSON `json:"staked"`
	}](t, again.ok(t, "provider", "status"))
	if v.Address != acct || v.Staked.Units != staked || staked != token(7) {
		t.Errorf("after the restart, %s has %s staked; before the kill, %s had %s", v.Address, v.Staked.Units, acct, staked)
	}
}
