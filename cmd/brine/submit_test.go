package main_test

import (
	"errors"
	"fmt"
	"io"
	"math/big"
	stdnet "net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/brine-compute/brine/settlement"
)

// submitted is what `job submit --json` prints that these tests read.
type submitted struct {
	Job struct {
		ID     uint64 `json:"id"`
		Status string `json:"status"`
	} `json:"job"`
	Resumed bool   `json:"resumed"`
	Note    string `json:"note"`
}

// exit waits up to d for p to exit by itself and returns its exit code.
func (p *nodeProc) exit(t *testing.T, d time.Duration) int {
	t.Helper()
	exited := make(chan error, 1)
	go func() { exited <- p.cmd.Wait() }()
	select {
	case err := <-exited:
		<-p.done
		var ee interface{ ExitCode() int }
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		return 0
	case <-time.After(d):
		_ = p.cmd.Process.Kill()
		t.Fatalf("%s did not exit within %s", p.name, d)
	}
	return -1
}

// log is everything p printed.
func (p *nodeProc) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.lines, "\n")
}

// jobsOf lists the jobs account posted (from the chain's events, through `brine audit jobs`).
func (n *testnet) jobsOf(t *testing.T, account string) []uint64 {
	t.Helper()
	jobs := decode[[]struct {
		ID uint64 `json:"id"`
	}](t, n.ok(t, "audit", "jobs", "--client", account))
	var ids []uint64
	for _, j := range jobs {
		ids = append(ids, j.ID)
	}
	return ids
}

// paid checks that account's token balance fell by exactly want since before: one payment.
func (n *testnet) paid(t *testing.T, account string, before, want *big.Int) {
	t.Helper()
	if got := new(big.Int).Sub(before, n.tokens(t, account)); got.Cmp(want) != 0 {
		t.Errorf("%s paid %s in all, want exactly %s (one payment)", account, got, want)
	}
}

// TestSubmitNeverPaysTwice interrupts `brine job submit --wait` at several points (SIGKILL
// right after the post, Ctrl-C after the result, a chain outage while waiting) and runs the
// same command again: every submission is one job and one payment, the re-run follows the job
// the first run posted, and the result ends up in the output directory. Against a devnet of
// its own with one provider node; each case is its own client account and spec.
func TestSubmitNeverPaysTwice(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "6")
	acc := n.info.Accounts
	provider := acc[1]
	_, chain := n.deployment(t)
	mod := greetModule(t)
	n.ok(t, "--account", provider, "provider", "stake", "100")
	n.startNode(t, "node", nil, provider)
	payment := ether(2)
	spec := func(name string) string {
		return greetSpec(t, mod, fmt.Sprintf(`{path: name.txt, content: %q}`, name), `{payment: "2", collateral: "4"}`,
			"{accept_within: 1m, run_within: 2m}")
	}
	greeting := func(t *testing.T, dir string) {
		t.Helper()
		if b, err := os.ReadFile(filepath.Join(dir, "greeting.txt")); err != nil || !strings.HasPrefix(string(b), "hello, ") {
			t.Errorf("greeting.txt in %s: %q %v", dir, b, err)
		}
	}

	t.Run("killed right after the post", func(t *testing.T) {
		t.Parallel()
		client, out := acc[2], filepath.Join(t.TempDir(), "out")
		args := []string{"--account", client, "--json", "job", "submit", spec("kill"), "--module", mod, "--wait", "--output", out}
		before := n.tokens(t, client)
		p := n.startProc(t, "submit (killed)", nil, "Offering the spec", args...)
		id := p.wait(t, `Posted job (\d+)\.`, time.Minute)[1]
		p.kill(t)
		r := n.run(t, nil, args...)
		if r.code != 0 {
			t.Fatalf("re-run exited %d", r.code)
		}
		v := decode[submitted](t, r)
		if fmt.Sprint(v.Job.ID) != id || !v.Resumed || v.Job.Status != "finalized" {
			t.Errorf("re-run reports job %d (resumed %v, %s), want job %s resumed and finalized", v.Job.ID, v.Resumed, v.Job.Status, id)
		}
		if !strings.Contains(r.stderr, "following it instead of posting again") {
			t.Errorf("the re-run does not say it follows the earlier job:\n%s", r.stderr)
		}
		if jobs := n.jobsOf(t, client); len(jobs) != 1 {
			t.Errorf("the client posted jobs %v, want one", jobs)
		}
		n.paid(t, client, before, payment)
		greeting(t, out)

		// The submission is complete: the same command again is a new job (its record is
		// gone and no live job has the spec)... (A long challenge window keeps it live.)
		long := spec("kill")
		b, err := os.ReadFile(long)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(long, []byte(strings.Replace(string(b), "challenge_window: 4s", "challenge_window: 5m", 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		second := n.ok(t, "--account", client, "job", "submit", long, "--module", mod)
		if v := decode[submitted](t, second); v.Resumed || fmt.Sprint(v.Job.ID) == id {
			t.Errorf("a submission after the first completed resumed job %d", v.Job.ID)
		}
		// ... and while that one is live, running it again follows it, --new posts another.
		if v := decode[submitted](t, n.ok(t, "--account", client, "job", "submit", long, "--module", mod)); !v.Resumed {
			t.Errorf("a re-run while the job is live posted job %d", v.Job.ID)
		}
		n.ok(t, "--account", client, "job", "submit", long, "--module", mod, "--new")
		if jobs := n.jobsOf(t, client); len(jobs) != 3 {
			t.Errorf("after a completed submission, a re-run and --new the client posted %v, want three jobs", jobs)
		}
	})

	t.Run("ctrl-c after the result", func(t *testing.T) {
		t.Parallel()
		client, out := acc[3], filepath.Join(t.TempDir(), "out")
		args := []string{"--account", client, "--json", "job", "submit", spec("ctrl-c"), "--module", mod, "--wait", "--output", out}
		before := n.tokens(t, client)
		p := n.startProc(t, "submit (interrupted)", nil, "Offering the spec", args...)
		id := p.wait(t, `Posted job (\d+)\.`, time.Minute)[1]
		p.wait(t, `result committed`, time.Minute)
		_ = p.cmd.Process.Signal(syscall.SIGINT)
		if code := p.exit(t, 30*time.Second); code == 0 {
			t.Errorf("an interrupted wait exited 0")
		}
		if !strings.Contains(p.log(), "interrupted; job "+id+" stays posted") {
			t.Errorf("the interrupted run does not say the job stays posted:\n%s", p.log())
		}
		// The job ends while nothing follows it; the re-run reports its end.
		var jid uint64
		fmt.Sscan(id, &jid)
		waitStatus(t, chain, settlement.JobID(jid), settlement.StatusFinalized, time.Minute)
		r := n.run(t, nil, args...)
		v := decode[submitted](t, r)
		if r.code != 0 || fmt.Sprint(v.Job.ID) != id || !v.Resumed || !strings.Contains(v.Note, "Settled: finalized") {
			t.Errorf("re-run: exit %d, job %d resumed %v, note %q; want job %s followed to its end", r.code, v.Job.ID, v.Resumed, v.Note, id)
		}
		if jobs := n.jobsOf(t, client); len(jobs) != 1 {
			t.Errorf("the client posted jobs %v, want one", jobs)
		}
		n.paid(t, client, before, payment)
		greeting(t, out)
	})

	t.Run("chain outage while waiting", func(t *testing.T) {
		t.Parallel()
		client, out := acc[4], filepath.Join(t.TempDir(), "out")
		px := newCutProxy(t, strings.TrimPrefix(n.info.HTTP, "http://"))
		before := n.tokens(t, client)
		p := n.startProc(t, "submit (outage)", nil, "Offering the spec", "--rpc", "http://"+px.addr(), "--account", client, "--json",
			"job", "submit", spec("outage"), "--module", mod, "--wait", "--output", out)
		p.wait(t, `accepted by`, time.Minute)
		px.cut(true)
		p.wait(t, `cannot read the chain .*trying again in`, 30*time.Second)
		time.Sleep(3 * time.Second) // an outage of a few seconds, several failed reads
		px.cut(false)
		if code := p.exit(t, 2*time.Minute); code != 0 {
			t.Fatalf("submit --wait exited %d across a chain outage:\n%s", code, p.log())
		}
		if jobs := n.jobsOf(t, client); len(jobs) != 1 {
			t.Errorf("the client posted jobs %v, want one", jobs)
		}
		n.paid(t, client, before, payment)
		greeting(t, out)
	})
}

// TestSubmitToNodesDownOrRefusing: a spec no node takes is not posted (each node's reason is
// shown, nothing is paid), unless --post-anyway; and a job posted while its only node is down
// is taken when the node is back, within the accept window, because the waiting client
// offers the spec again.
func TestSubmitToNodesDownOrRefusing(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "5")
	acc := n.info.Accounts
	provider := acc[1]
	mod := greetModule(t)
	n.ok(t, "--account", provider, "provider", "stake", "100")
	node := n.startNode(t, "node", nil, provider)

	// While the node holds its account's transaction journal, another command sending from
	// that account is told who holds it (it used to fail with "journal …: timeout").
	if r := n.run(t, nil, "--account", provider, "provider", "stake", "1"); r.code != 2 ||
		!regexp.MustCompile(`Another Brine process \(pid \d+: brine .*node run.*\) holds the transaction journal of account`).MatchString(r.stderr) {
		t.Errorf("a second sender from the node's account: exit %d, want 2 naming the node's process\n%s", r.code, r.stderr)
	}

	// Refused by the node's policy: the client is told why, and nothing moves.
	client := acc[2]
	before := n.tokens(t, client)
	network := greetSpec(t, mod, `{path: name.txt, content: "net"}`, `{payment: "2", collateral: "4"}`,
		"{accept_within: 1m, run_within: 2m}")
	b, err := os.ReadFile(network)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(network, append(b, []byte("network: true\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	r := n.run(t, nil, "--account", client, "job", "submit", network, "--module", mod, "--wait")
	if r.code != 2 || !strings.Contains(r.stderr, "refused the spec: not taken by this node: the job asks for network access and this node allows none") ||
		!strings.Contains(r.stderr, "nothing was posted and no money moved") {
		t.Errorf("a spec every node refuses: exit %d, want 2 with the node's reason\n%s", r.code, r.stderr)
	}
	if jobs := n.jobsOf(t, client); len(jobs) != 0 {
		t.Errorf("a refused spec was posted: jobs %v", jobs)
	}
	n.paid(t, client, before, new(big.Int))

	// The only node is down: not posted after --offer-wait...
	node.kill(t)
	client = acc[3]
	spec := greetSpec(t, mod, `{path: name.txt, content: "down"}`, `{payment: "2", collateral: "4"}`, "{accept_within: 90s, run_within: 2m}")
	r = n.run(t, nil, "--account", client, "job", "submit", spec, "--module", mod, "--wait", "--offer-wait", "3s")
	if r.code != 2 || !strings.Contains(r.stderr, "did not answer") || !strings.Contains(r.stderr, "nothing was posted and no money moved") {
		t.Errorf("every node down: exit %d, want 2 saying the node did not answer\n%s", r.code, r.stderr)
	}
	if jobs := n.jobsOf(t, client); len(jobs) != 0 {
		t.Errorf("a spec no node took was posted: jobs %v", jobs)
	}
	// ... and with --post-anyway it is posted, offered again, and taken once the node is back.
	out := filepath.Join(t.TempDir(), "out")
	p := n.startProc(t, "submit (node down)", nil, "Offering the spec", "--account", client, "--json", "job", "submit", spec,
		"--module", mod, "--wait", "--output", out, "--offer-wait", "1s", "--post-anyway")
	p.wait(t, `Posted job (\d+)\.`, time.Minute)
	n.startNode(t, "node (back)", nil, provider)
	if code := p.exit(t, 2*time.Minute); code != 0 {
		t.Fatalf("the job posted while its node was down did not settle: exit %d\n%s", code, p.log())
	}
	if !strings.Contains(p.log(), "took the spec") {
		t.Errorf("the waiting client did not say the node took the spec when it came back:\n%s", p.log())
	}
	if b, err := os.ReadFile(filepath.Join(out, "greeting.txt")); err != nil || string(b) == "" {
		t.Errorf("greeting.txt: %q %v", b, err)
	}
}

// cutProxy forwards TCP to a target until cut: then it drops every connection and refuses
// new ones (an RPC endpoint going away), until restored.
type cutProxy struct {
	ln     stdnet.Listener
	target string
	mu     sync.Mutex
	down   bool
	conns  map[stdnet.Conn]bool
}

func newCutProxy(t *testing.T, target string) *cutProxy {
	t.Helper()
	ln, err := stdnet.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{ln: ln, target: target, conns: map[stdnet.Conn]bool{}}
	t.Cleanup(func() { _ = ln.Close(); p.cut(true) })
	go p.serve()
	return p
}

func (p *cutProxy) addr() string { return p.ln.Addr().String() }

func (p *cutProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		down := p.down
		if !down {
			p.conns[c] = true
		}
		p.mu.Unlock()
		if down {
			_ = c.Close()
			continue
		}
		go p.pipe(c)
	}
}

func (p *cutProxy) pipe(c stdnet.Conn) {
	defer func() {
		p.mu.Lock()
		delete(p.conns, c)
		p.mu.Unlock()
		_ = c.Close()
	}()
	u, err := stdnet.DialTimeout("tcp", p.target, 5*time.Second)
	if err != nil {
		return
	}
	defer u.Close()
	done := make(chan struct{}, 2)
	go func() { _, _ = io.Copy(u, c); done <- struct{}{} }()
	go func() { _, _ = io.Copy(c, u); done <- struct{}{} }()
	<-done
}

// cut takes the endpoint down (closing every open connection) or brings it back.
func (p *cutProxy) cut(down bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = down
	if down {
		for c := range p.conns {
			_ = c.Close()
		}
	}
}

// TestKillCampaign: clients post jobs with --wait while the only provider node is killed
// (SIGKILL) and restarted again and again, some of them while it is down. Every job is taken
// and settled (none orphaned), and every client posted exactly one job and paid once.
func TestKillCampaign(t *testing.T) {
	t.Parallel()
	const clients = 4
	n := launch(t, "--period", "1s", "--accounts", fmt.Sprint(clients+2))
	acc := n.info.Accounts
	provider := acc[1]
	mod := greetModule(t)
	n.ok(t, "--account", provider, "provider", "stake", "100")
	node := n.startNode(t, "node", nil, provider)

	before := make([]*big.Int, clients)
	procs := make([]*nodeProc, clients)
	for i := range clients {
		client := acc[2+i]
		before[i] = n.tokens(t, client)
		spec := greetSpec(t, mod, fmt.Sprintf(`{path: name.txt, content: "campaign %d"}`, i), `{payment: "2", collateral: "4"}`,
			"{accept_within: 90s, run_within: 2m}")
		// Every other client posts while the node is down (killed just before), the others
		// while it runs (killed soon after, maybe mid-job).
		if i%2 == 1 {
			node.kill(t)
		}
		procs[i] = n.startProc(t, fmt.Sprintf("submit %d", i), nil, "Offering the spec", "--account", client, "--json", "job", "submit", spec,
			"--module", mod, "--wait", "--output", filepath.Join(t.TempDir(), "out"), "--offer-wait", "2s", "--post-anyway")
		if i%2 == 1 {
			procs[i].wait(t, `Posted job \d+\.`, time.Minute)
			node = n.startNode(t, fmt.Sprintf("node (restart %d)", i/2+1), nil, provider)
		}
	}
	node.kill(t)
	time.Sleep(time.Second)
	n.startNode(t, "node (last restart)", nil, provider)
	for i, p := range procs {
		if code := p.exit(t, 3*time.Minute); code != 0 {
			t.Errorf("client %d: submit --wait exited %d:\n%s", i, code, p.log())
			continue
		}
		if !strings.Contains(p.log(), `Settled: finalized`) {
			t.Errorf("client %d: the job did not settle as finalized:\n%s", i, p.log())
		}
		if jobs := n.jobsOf(t, acc[2+i]); len(jobs) != 1 {
			t.Errorf("client %d posted jobs %v, want one", i, jobs)
		}
		n.paid(t, acc[2+i], before[i], ether(2))
	}
}
