package main_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gethcommon "github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/internal/testharness/testnode"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// nodeProc is a `brine node run` subprocess whose stderr (its log) the test reads.
type nodeProc struct {
	name string
	cmd  *exec.Cmd
	done chan struct{}

	mu    sync.Mutex
	lines []string
	next  int // the first line wait has not looked at
}

// startNode runs `brine --account account node run flags...` against n with env, and waits
// for it to say it started (startProc).
func (n *testnet) startNode(t *testing.T, name string, env []string, account string, flags ...string) *nodeProc {
	t.Helper()
	args := append([]string{"--account", account, "--log-level", "info", "node", "run", "--engines", "wasm"}, flags...)
	return n.startProc(t, name, env, `msg="node started"`, args...)
}

// startProc runs brine with args against n with env as the process name, and waits for a line
// matching ready. Whatever it writes on stdout or stderr is its log, shown when the test
// fails. It is stopped (SIGINT, and must exit 0: interrupt) when the test ends unless the test
// stopped it.
func (n *testnet) startProc(t *testing.T, name string, env []string, ready string, args ...string) *nodeProc {
	t.Helper()
	p := &nodeProc{name: name, done: make(chan struct{})}
	p.cmd = n.command(context.Background(), env, args...)
	stderr, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.cmd.Stdout = p.cmd.Stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(p.done)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			p.mu.Lock()
			p.lines = append(p.lines, sc.Text())
			p.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.interrupt(t)
		}
		if t.Failed() {
			p.mu.Lock()
			t.Logf("%s stderr:\n%s", name, strings.Join(p.lines, "\n"))
			p.mu.Unlock()
		}
	})
	p.wait(t, ready, time.Minute)
	return p
}

// interrupt stops the process with SIGINT, as Ctrl-C does, and fails the test unless it exits
// 0 within 40 s.
func (p *nodeProc) interrupt(t *testing.T) {
	t.Helper()
	_ = p.cmd.Process.Signal(syscall.SIGINT)
	exited := make(chan error, 1)
	go func() { exited <- p.cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("%s exited with %v after SIGINT", p.name, err)
		}
	case <-time.After(40 * time.Second):
		_ = p.cmd.Process.Kill()
		t.Errorf("%s did not stop within 40s of SIGINT", p.name)
	}
	<-p.done
}

// wait returns the first line after the ones already looked at that matches re, waiting
// for it up to d.
func (p *nodeProc) wait(t *testing.T, re string, d time.Duration) []string {
	t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(d)
	for {
		p.mu.Lock()
		for p.next < len(p.lines) {
			l := p.lines[p.next]
			p.next++
			if m := rx.FindStringSubmatch(l); m != nil {
				p.mu.Unlock()
				return m
			}
		}
		p.mu.Unlock()
		select {
		case <-p.done:
			p.mu.Lock()
			rest := p.next < len(p.lines)
			p.mu.Unlock()
			if !rest {
				t.Fatalf("%s exited before logging a line matching %q", p.name, re)
			}
			continue
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s logged no line matching %q within %s", p.name, re, d)
		}
	}
}

// kill stops the node with SIGKILL, as `kill -9` or a power cut would.
func (p *nodeProc) kill(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = p.cmd.Wait()
	<-p.done
}

// greetModule writes the node tests' wasm guest (node/testdata/greet) to a file.
func greetModule(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "greet.wasm")
	if err := os.WriteFile(out, testnode.GreetModule(t), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// greetSpec writes a spec of the greet guest (module file mod) to a file, with a 5 s time
// limit.
func greetSpec(t *testing.T, mod string, inputs, price, deadlines string) string {
	t.Helper()
	return greetSpecLimit(t, mod, inputs, price, deadlines, "5s")
}

// greetSpecLimit is greetSpec with another time limit.
func greetSpecLimit(t *testing.T, mod string, inputs, price, deadlines, limit string) string {
	t.Helper()
	b, err := os.ReadFile(mod)
	if err != nil {
		t.Fatal(err)
	}
	return writeSpec(t, fmt.Sprintf(`engine: wasm
module: %s
inputs: [%s]
resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: %s}
outputs: [{path: greeting.txt}]
price: %s
deadlines: %s
challenge_window: 4s
`, results.CIDOf(b), inputs, limit, price, deadlines))
}

// TestNodeProcess runs `brine node run` as a subprocess against a `brine devnet` of its own
// and drives it with the CLI, as a provider and a client would:
//
//   - a SIGKILL while the node runs a job (accepted, executing, nothing committed): the
//     restarted node runs it again and the chain shows exactly one accept, one commit and one
//     finalize, the provider paid exactly once; the client downloads the result;
//   - a job that fails by its own program (it exits 2): the node commits a failure record,
//     `brine job status` and `brine job results` say so, and the job finalizes;
//   - a "never-commit" node: `brine job claim-timeout` is refused before the result deadline
//     and afterwards refunds the client exactly payment + collateral, taken from the provider's
//     stake.
func TestNodeProcess(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "4")
	acc := n.info.Accounts
	provider, client, liar := acc[1], acc[2], acc[3]
	ctx := context.Background()
	_, chain := n.deployment(t)
	mod := greetModule(t)
	n.ok(t, "--account", provider, "provider", "stake", "100")
	node := n.startNode(t, "node", nil, provider, "--max-collateral", "4")

	// SIGKILL mid-job. (Steps, not subtests: the node outlives each of them.)
	{
		// About 2 s of work in the executor: the kill lands while it runs. The time limit is
		// far above it, since a loaded CI machine can take several times as long.
		const rounds = 500_000
		spec := greetSpecLimit(t, mod, `{path: name.txt, content: "crash"}, {path: rounds.txt, content: "500000"}`,
			`{payment: "2", collateral: "4"}`, "{accept_within: 30s, run_within: 2m}", "90s")
		submit := n.command(ctx, nil, "--account", client, "--json", "job", "submit", spec, "--module", mod)
		var out strings.Builder
		submit.Stdout = &out
		if err := submit.Start(); err != nil {
			t.Fatal(err)
		}
		m := node.wait(t, `msg="running job" .*job=(\d+) .*attempt=1`, time.Minute)
		node.kill(t)
		if err := submit.Wait(); err != nil {
			t.Fatalf("job submit: %v\n%s", err, out.String())
		}
		id := decode[struct {
			Job struct {
				ID uint64 `json:"id"`
			} `json:"job"`
		}](t, result{stdout: out.String()}).Job.ID
		if fmt.Sprint(id) != m[1] {
			t.Fatalf("the node ran job %s, the client posted %d", m[1], id)
		}
		jid := settlement.JobID(id)

		// Killed mid-run: accepted on chain, nothing committed, the record says running.
		job, err := chain.Job(ctx, jid)
		if err != nil {
			t.Fatal(err)
		}
		if job.Status != settlement.StatusAccepted || !strings.EqualFold(job.Provider.Hex(), provider) {
			t.Fatalf("after the kill the job is %s by %s, want accepted by %s", job.Status, job.Provider.Hex(), provider)
		}
		st, err := store.Open(store.Path(n.info.DataDir))
		if err != nil {
			t.Fatal(err)
		}
		rec, err := st.Get(jid)
		_ = st.Close()
		if err != nil || rec.State != store.StateRunning || rec.Attempts != 1 {
			t.Fatalf("after the kill the node's record is %s after %d attempt(s) (%v), want running after 1", rec.State, rec.Attempts, err)
		}
		before := marketBalance(t, chain, provider)

		node = n.startNode(t, "node (restarted)", nil, provider, "--max-collateral", "4")
		node.wait(t, fmt.Sprintf(`msg="running job" .*job=%d .*attempt=2`, id), time.Minute)
		final := waitStatus(t, chain, jid, settlement.StatusFinalized, time.Minute)
		for kind, want := range map[settlement.EventKind]int{
			settlement.EventJobAccepted: 1, settlement.EventResultCommitted: 1, settlement.EventJobFinalized: 1,
		} {
			if got := countJobEvents(t, chain, jid, kind); got != want {
				t.Errorf("%d %s event(s), want %d", got, kind, want)
			}
		}
		paid := new(big.Int).Sub(marketBalance(t, chain, provider), before)
		fee := new(big.Int).Quo(new(big.Int).Mul(final.Payment, big.NewInt(int64(final.FeeBps))), big.NewInt(10000))
		if want := new(big.Int).Sub(final.Payment, fee); paid.Cmp(want) != 0 {
			t.Errorf("the provider was credited %s, want payment minus fee %s, once", paid, want)
		}

		dir := filepath.Join(t.TempDir(), "out")
		n.ok(t, "--account", client, "job", "results", fmt.Sprint(id), "--output", dir)
		got, err := os.ReadFile(filepath.Join(dir, "greeting.txt"))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte("crash"))
		for range rounds {
			sum = sha256.Sum256(sum[:])
		}
		if want := "hello, crash\nwork: " + hex.EncodeToString(sum[:]) + "\n"; string(got) != want {
			t.Fatalf("greeting.txt = %q, want %q", got, want)
		}
	}

	// A job that fails by its own program: its failure record is the result.
	{
		// No name.txt: the guest exits 2 naming the file it could not open. The node commits
		// a failure record; the client is told so, and the provider is paid.
		spec := greetSpec(t, mod, "", `{payment: "2", collateral: "4"}`, "{accept_within: 30s, run_within: 2m}")
		id := decode[struct {
			Job struct {
				ID uint64 `json:"id"`
			} `json:"job"`
		}](t, n.ok(t, "--account", client, "job", "submit", spec, "--module", mod)).Job.ID
		node.wait(t, fmt.Sprintf(`msg="result committed" .*job=%d `, id), time.Minute)
		v := decode[struct {
			Status string `json:"status"`
			Node   struct {
				State   string `json:"state"`
				Role    string `json:"role"`
				Reason  string `json:"reason"`
				Failure string `json:"failure"`
				Error   string `json:"error"`
			} `json:"node"`
		}](t, n.ok(t, "job", "status", fmt.Sprint(id)))
		if v.Status == "accepted" || v.Node.State == "failed" || v.Node.Role != "provider" ||
			!strings.HasPrefix(v.Node.Failure, "exit code 2: ") || !strings.Contains(v.Node.Failure, "name.txt") {
			t.Fatalf("job status --json: %+v; want committed on chain, the node's failure with the exit code and the log's end", v)
		}
		r := n.run(t, nil, "job", "status", fmt.Sprint(id))
		if r.code != 0 || !strings.Contains(r.stdout, "Node result:") || !strings.Contains(r.stdout, "failure record") || !strings.Contains(r.stdout, v.Node.Failure) {
			t.Errorf("job status does not show the node's failure %q:\n%s", v.Node.Failure, r.stdout)
		}
		if r := n.ok(t, "job", "status", fmt.Sprint(id), "--no-node"); strings.Contains(r.stdout, `"node"`) {
			t.Errorf("job status --no-node asked the node: %s", r.stdout)
		}
		dir := filepath.Join(t.TempDir(), "out")
		res := decode[struct {
			Failure *struct {
				Reason     string `json:"reason"`
				ExitCode   int    `json:"exit_code"`
				StderrTail string `json:"stderr_tail"`
			} `json:"failure"`
		}](t, n.ok(t, "--account", client, "job", "results", fmt.Sprint(id), "--output", dir))
		if f := res.Failure; f == nil || f.Reason != "exit_code" || f.ExitCode != 2 || !strings.Contains(f.StderrTail, "name.txt") {
			t.Fatalf("job results --json: failure %+v; want the exit code 2 failure record", f)
		}
		if _, err := os.Stat(filepath.Join(dir, "brine-failure.json")); err != nil {
			t.Errorf("the failure record is not written to --output: %v", err)
		}
		text := n.run(t, nil, "--account", client, "job", "results", fmt.Sprint(id), "--output", filepath.Join(t.TempDir(), "again"))
		if text.code != 0 || !strings.Contains(text.stdout+text.stderr, "failed by its own program: exit code 2") {
			t.Errorf("job results does not say the job failed by its own program:\n%s\n%s", text.stdout, text.stderr)
		}
		waitStatus(t, chain, settlement.JobID(id), settlement.StatusFinalized, time.Minute)
	}

	// Never-commit and claim-timeout.
	{
		// The liar's node has its own data directory (its own key and state); it works only for
		// 5 tokens, and the honest node locks at most 4 tokens of collateral, so the job below
		// (payment 5, collateral 10: the market's minimum ratio, twice the payment) goes to the liar.
		env := []string{"BRINE_DATADIR=" + t.TempDir(), "BRINE_RPC=" + n.info.HTTP,
			"BRINE_DEPLOYMENT=" + n.info.Deployment, "BRINE_KEYSTORE=" + n.info.Keystore}
		if r := n.run(t, env, "--account", liar, "provider", "stake", "100"); r.code != 0 {
			t.Fatalf("stake: %s", r.stderr)
		}
		n.startNode(t, "never-commit node", env, liar, "--dishonest", "never-commit", "--min-payment", "5")
		spec := greetSpec(t, mod, `{path: name.txt, content: "withheld"}`, `{payment: "5", collateral: "10"}`, "{accept_within: 8s, run_within: 6s}")
		sub := decode[struct {
			Job struct {
				ID       uint64 `json:"id"`
				Provider string `json:"provider"`
			} `json:"job"`
		}](t, n.ok(t, "--account", client, "job", "submit", spec, "--module", mod))
		if !strings.EqualFold(sub.Job.Provider, liar) {
			t.Fatalf("job %d taken by %q, want the never-commit node's %s", sub.Job.ID, sub.Job.Provider, liar)
		}
		id := fmt.Sprint(sub.Job.ID)
		job, err := chain.Job(ctx, settlement.JobID(sub.Job.ID))
		if err != nil {
			t.Fatal(err)
		}

		before, _ := n.nonces(t, client)
		if r := n.run(t, nil, "--account", client, "job", "claim-timeout", id); r.code != 2 || !strings.Contains(r.stderr, "claim-timeout job "+id+": the provider has until") {
			t.Errorf("claim-timeout before the result deadline: exit %d, %q; want a refusal (exit 2)", r.code, r.stderr)
		}
		if _, pending := n.nonces(t, client); pending != before {
			t.Errorf("the refused claim-timeout sent %d transaction(s)", pending-before)
		}

		n.waitChainTime(t, job.ResultBy.Add(time.Second))
		credit := marketBalance(t, chain, client)
		staked := stakeOf(t, chain, liar)
		if v := decode[struct{ Status string }](t, n.ok(t, "--account", client, "job", "claim-timeout", id)); v.Status != "timed-out" {
			t.Fatalf("after claim-timeout the job is %s", v.Status)
		}
		if got, want := new(big.Int).Sub(marketBalance(t, chain, client), credit), new(big.Int).Add(job.Payment, job.Collateral); got.Cmp(want) != 0 {
			t.Errorf("the client was credited %s, want payment + collateral %s", got, want)
		}
		if lost := new(big.Int).Sub(staked, stakeOf(t, chain, liar)); lost.Cmp(job.Collateral) != 0 {
			t.Errorf("the never-commit provider's stake fell by %s, want its collateral %s", lost, job.Collateral)
		}
		if got := countJobEvents(t, chain, job.ID, settlement.EventResultCommitted); got != 0 {
			t.Errorf("%d ResultCommitted events from a never-commit node", got)
		}
		n.ok(t, "audit", "check")
	}
}

// waitStatus polls the job until it has status s.
func waitStatus(t *testing.T, r settlement.Reader, id settlement.JobID, s settlement.Status, d time.Duration) settlement.Job {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		j, err := r.Job(context.Background(), id)
		if err == nil && j.Status == s {
			return j
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %d is %s (%v) after %s, want %s", id, j.Status, err, d, s)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// countJobEvents counts job id's events of kind on chain.
func countJobEvents(t *testing.T, src settlement.EventSource, id settlement.JobID, kind settlement.EventKind) int {
	t.Helper()
	evs, _, err := src.Events(context.Background(), settlement.Cursor{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ev := range evs {
		if ev.Job == id && ev.Kind == kind {
			n++
		}
	}
	return n
}

func marketBalance(t *testing.T, r settlement.Reader, addr string) *big.Int {
	t.Helper()
	b, err := r.Balance(context.Background(), gethcommon.HexToAddress(addr))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func stakeOf(t *testing.T, r settlement.Reader, addr string) *big.Int {
	t.Helper()
	p, err := r.Provider(context.Background(), gethcommon.HexToAddress(addr))
	if err != nil {
		t.Fatal(err)
	}
	return p.Staked
}
