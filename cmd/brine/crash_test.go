package main_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/brine-compute/brine/jobspec"
)

// Killing brine (SIGKILL) between a transaction's send (or its signing and journaling) and its
// confirmation, then running the same command again: the journaled transaction is recovered and mined once, and the retried
// command reports its outcome instead of sending a second one. On a devnet with 4 s blocks,
// so the transaction sits in the pool when the process dies. Each case runs the command as a
// fresh account and checks the chain: the effect happened exactly once, and the account sent
// exactly the transactions one run sends.
func TestCrashBetweenSendAndConfirmation(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "4s", "--accounts", "5")
	spec := filepath.Join(t.TempDir(), "job.yaml")
	if err := os.WriteFile(spec, []byte(jobSpec), 0o644); err != nil {
		t.Fatal(err)
	}
	parsed, err := jobspec.Parse([]byte(jobSpec))
	if err != nil {
		t.Fatal(err)
	}
	specHash, _ := parsed.Hash()

	tests := []struct {
		name    string
		account int
		args    []string
		step    string // the progress line's step to kill at
		stage   string // ... once it says this: "sent" (broadcast), or "signed" (journaled, maybe not broadcast)
		txs     uint64 // transactions one run sends
		mined   bool   // wait for the killed run's transaction to be mined before retrying
		check   func(t *testing.T, acct string, retry result)
	}{
		{
			// The approval is mined, the stake is in the pool when the process dies and is
			// mined while nothing runs: the retry must recognise it, not stake (and approve)
			// again.
			name: "stake, mined while down", account: 1, args: []string{"provider", "stake", "10"},
			step: "stake", stage: "sent", txs: 2, mined: true,
			check: func(t *testing.T, acct string, r result) { checkStaked(t, r, "10000000000000000000") },
		},
		{
			// Retried while the stake is still in the pool: the retry waits for it.
			name: "stake, retried while pending", account: 2, args: []string{"provider", "stake", "10"},
			step: "stake", stage: "sent", txs: 2,
			check: func(t *testing.T, acct string, r result) { checkStaked(t, r, "10000000000000000000") },
		},
		{
			// The retry computes the deadlines from a later block, so its calldata differs;
			// it is still the same post.
			name: "job submit, mined while down", account: 3, args: []string{"job", "submit", "--post-anyway", spec},
			step: "post", stage: "sent", txs: 1, mined: true,
			check: func(t *testing.T, acct string, r result) { checkOnePost(t, n, acct, specHash.Hex(), r) },
		},
		{
			name: "job submit, retried while pending", account: 4, args: []string{"job", "submit", "--post-anyway", spec},
			step: "post", stage: "sent", txs: 1,
			check: func(t *testing.T, acct string, r result) { checkOnePost(t, n, acct, specHash.Hex(), r) },
		},
		{
			// Killed between journaling the signed transaction and (perhaps) broadcasting it:
			// the retry broadcasts it if need be.
			name: "job submit, killed after signing", account: 0, args: []string{"job", "submit", "--post-anyway", spec},
			step: "post", stage: "signed", txs: 1,
			check: func(t *testing.T, acct string, r result) { checkOnePost(t, n, acct, specHash.Hex(), r) },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			acct := n.info.Accounts[tt.account]
			args := append([]string{"--account", acct}, tt.args...)
			before, _ := n.nonces(t, acct)
			killAt(t, n, tt.step, tt.stage, args...)
			_, pending := n.nonces(t, acct)
			if tt.stage == "sent" && pending != before+tt.txs {
				t.Fatalf("the killed run left %d transaction(s) in the pool or mined, want %d", pending-before, tt.txs)
			}
			if tt.mined {
				waitMined(t, n, acct, pending)
			}
			r := n.ok(t, args...)
			if !strings.Contains(r.stderr, "interrupted") {
				t.Errorf("the retry does not say it recovered an interrupted run's transaction:\n%s", r.stderr)
			}
			if !strings.Contains(r.stderr, "not sent again") {
				t.Errorf("the retry does not say the step is not sent again:\n%s", r.stderr)
			}
			mined, pending := n.nonces(t, acct)
			if mined != before+tt.txs || pending != mined {
				t.Errorf("the account sent %d transaction(s) (%d pending) in all, want %d: a double send", pending-before, pending-mined, tt.txs)
			}
			tt.check(t, acct, r)
		})
	}
}

// killAt runs brine and SIGKILLs it as soon as its progress output says the step's
// transaction reached stage ("signed" or "sent"; the step itself, not an approval for it).
func killAt(t *testing.T, n *testnet, step, stage string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := n.command(ctx, nil, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sent := regexp.MustCompile(`^\s+` + regexp.QuoteMeta(step) + `/n[0-9]+/[0-9a-f]{12}: ` + stage)
	sc := bufio.NewScanner(stderr)
	var seen []string
	killed := false
	for sc.Scan() {
		seen = append(seen, sc.Text())
		if sent.MatchString(sc.Text()) {
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			killed = true
			break
		}
	}
	go func() { _, _ = io.Copy(io.Discard, stderr) }()
	err = cmd.Wait()
	t.Logf("brine %s (killed once %s was %s): %v\n%s", strings.Join(args, " "), step, stage, err, strings.Join(seen, "\n"))
	if !killed {
		t.Fatalf("brine %s finished before %s was %s", strings.Join(args, " "), step, stage)
	}
}

// waitMined waits until the account's mined nonce reaches n.
func waitMined(t *testing.T, tn *testnet, acct string, n uint64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if mined, _ := tn.nonces(t, acct); mined >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the killed run's transactions were not mined within 30s")
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func checkStaked(t *testing.T, r result, want string) {
	t.Helper()
	v := decode[struct {
		Staked amountJSON `json:"staked"`
	}](t, r)
	if v.Staked.Units != want {
		t.Errorf("staked %s after the retry, want exactly %s", v.Staked.Units, want)
	}
}

func checkOnePost(t *testing.T, n *testnet, acct, specHash string, r result) {
	t.Helper()
	sub := decode[struct {
		Job struct {
			ID uint64 `json:"id"`
		} `json:"job"`
	}](t, r)
	jobs := decode[[]struct {
		ID       uint64 `json:"id"`
		SpecHash string `json:"specHash"`
	}](t, n.ok(t, "audit", "jobs", "--client", acct))
	if len(jobs) != 1 || jobs[0].ID != sub.Job.ID || jobs[0].SpecHash != specHash {
		t.Errorf("the account posted %+v, want exactly the one job the retry reports (%d)", jobs, sub.Job.ID)
	}
	if fmt.Sprint(sub.Job.ID) == "0" {
		t.Errorf("the retry reports no job")
	}
}
