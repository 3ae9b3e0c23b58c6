package node_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/wasm"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// The node's benchmarks (go test -bench; `make test` runs none of them). Results and the
// commands that produced them are in docs/performance.md.

// BenchmarkWasmExecutor is the executor-only figure for the job the node benchmark runs: the
// greet guest (a 3 MB Go program writing one file) through the wasm executor, compiled code
// cached after the first run.
func BenchmarkWasmExecutor(b *testing.B) {
	g := guest(b)
	w, err := wasm.New(context.Background(), wasm.Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	spec, err := jobspec.Parse([]byte(greetDoc(results.CIDOf(g).String(), "bench", 0, "")))
	if err != nil {
		b.Fatal(err)
	}
	job := func(i int) executor.Job {
		dir := b.TempDir()
		in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
		for _, d := range []string{in, out} {
			if err := os.Mkdir(d, 0o755); err != nil {
				b.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(in, "name.txt"), []byte("bench"), 0o644); err != nil {
			b.Fatal(err)
		}
		return executor.Job{ID: fmt.Sprintf("bench-%d", i), Spec: spec, InputDir: in, OutputDir: out, Module: g}
	}
	if res, err := w.Run(context.Background(), job(-1)); err != nil || res.Failure != nil { // compile once
		b.Fatalf("run: %v, %v", err, res.Failure)
	}
	jobs := make([]executor.Job, b.N)
	for i := range jobs {
		jobs[i] = job(i)
	}
	b.ResetTimer()
	for i := range b.N {
		if res, err := w.Run(context.Background(), jobs[i]); err != nil || res.Failure != nil {
			b.Fatalf("run: %v, %v", err, res.Failure)
		}
	}
}

// BenchmarkNodeWasmJobs is the full loop one node sustains: `brine node run` (the real
// binary, a process of its own so that its memory is its own) on the embedded devnet (a block
// a second, confirmation depth 1, the node's default policy: 4 jobs executing at once) takes
// b.N trivial wasm jobs (the greet guest) that a client posts at once: for each it fetches and
// checks the spec, fetches the module, accepts on chain, runs, packages, stores and commits
// the result, and finalizes after the 4 s challenge window (in batches). It reports jobs per
// second committed and finalized (from the first post to the last commit, resp. finalize), the
// median post-to-commit latency (block times), and the node process's resident memory at
// rest (after 3 s idle) and under load (peak, VmHWM).
func BenchmarkNodeWasmJobs(b *testing.B) {
	ch := chain(b)
	ctx := context.Background()
	bin := buildBrine(b)
	const nodeAccount = 4
	addr := dn.Accounts()[nodeAccount].Address.Hex()
	env := append(os.Environ(), "BRINE_DATADIR="+b.TempDir(), "BRINE_RPC="+dn.HTTPURL(), "BRINE_DEPLOYMENT="+dn.DeploymentPath(),
		"BRINE_KEYSTORE="+dn.KeystoreDir(), "BRINE_PASSWORD="+devnet.DevPassword)
	brine := func(args ...string) {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("brine %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	brine("--account", addr, "provider", "stake", "100")
	proc := startBrineNode(b, bin, env, addr)
	time.Sleep(3 * time.Second) // what "at rest" means here: started, then idle for 3 s
	rest := rss(b, proc.Process.Pid, "VmRSS")

	// Seven clients post at once (one account's posts go one after another, each waiting for
	// its receipt), each its share of the jobs.
	var clients []*client
	for _, i := range []int{0, 1, 2, 3, 5, 6, 7} {
		clients = append(clients, openClient(b, ch.DevSettlement(b, i, "client")))
	}
	c := clients[0]
	mod := c.module(b, guest(b))
	for _, cl := range clients[1:] {
		cl.module(b, guest(b))
	}
	b.ResetTimer()
	start := time.Now()
	jobs := make([]settlement.Job, b.N)
	failed := make(chan error, b.N)
	var wg sync.WaitGroup
	for k, cl := range clients {
		wg.Go(func() {
			for i := k; i < b.N; i += len(clients) {
				j, err := cl.postSpec(greetDoc(mod, fmt.Sprintf("bench %d", i), 0, "deadlines: {accept_within: 2m, run_within: 5m}\n"), b.Logf)
				if err != nil {
					failed <- err
					return
				}
				jobs[i] = j
			}
		})
	}
	wg.Wait()
	close(failed)
	for err := range failed {
		b.Fatal(err)
	}
	posted := time.Since(start)
	committed := waitAll(b, c, jobs, settlement.StatusCommitted, 5*time.Minute)
	commitElapsed := time.Since(start)
	waitAll(b, c, jobs, settlement.StatusFinalized, 5*time.Minute)
	finalElapsed := time.Since(start)
	b.StopTimer()
	peak := rss(b, proc.Process.Pid, "VmHWM")

	var lat []time.Duration
	evs, _, err := c.acct.Events(ctx, settlement.Cursor{}, 0, 0)
	if err != nil {
		b.Fatal(err)
	}
	postedAt := map[settlement.JobID]time.Time{}
	for _, ev := range evs {
		switch ev.Kind {
		case settlement.EventJobPosted:
			postedAt[ev.Job] = ev.Time
		case settlement.EventResultCommitted:
			if t0, ok := postedAt[ev.Job]; ok && committed[ev.Job] {
				lat = append(lat, ev.Time.Sub(t0))
			}
		}
	}
	slices.Sort(lat)
	b.ReportMetric(float64(b.N)/posted.Seconds(), "posted-jobs/s")
	b.ReportMetric(float64(b.N)/commitElapsed.Seconds(), "committed-jobs/s")
	b.ReportMetric(float64(b.N)/finalElapsed.Seconds(), "finalized-jobs/s")
	if len(lat) > 0 {
		b.ReportMetric(lat[len(lat)/2].Seconds(), "s-post-to-commit-p50")
	}
	b.ReportMetric(float64(rest)/(1<<20), "MiB-rss-rest")
	b.ReportMetric(float64(peak)/(1<<20), "MiB-rss-peak")
}

// BenchmarkDockerNodeOverhead is the node's overhead per job over a plain container run of
// the same image and program. b.N docker jobs (busybox `wc -c` of an inline input) run one
// after another through an in-process node on the devnet; the node's own work per job is
// taken from its record's state history: deciding (spec check, policy: Seen → Accepting) and
// running (directories, inputs, image check, the container, packaging, storing: Accepted →
// Executed), not the two transactions' confirmations (Accepting → Accepted, Executed →
// Committed), which the chain's block time sets. The same program then runs b.N times
// through the docker executor alone and through `docker run --rm`. Reported: milliseconds per
// job of each, the ratio node/docker-run, and the chain's post-to-commit time.
func BenchmarkDockerNodeOverhead(b *testing.B) {
	cli := requireDocker(b)
	img := busyboxImage(b, cli)
	m := newMarket(b)
	ctx := context.Background()
	p := stakedProvider(b, m, "provider")
	ex := dockerExecutor(b, cli)
	n := p.startEngines(b, map[jobspec.Engine]executor.Executor{jobspec.EngineDocker: ex}, node.Policy{})
	c := newClient(b, m)
	const input = "hello, docker\n"

	var nodeWork, decide, run, e2e time.Duration
	b.ResetTimer()
	for i := range b.N {
		job := c.postDoc(b, dockerDoc(img, input+strconv.Itoa(i)))
		posted := time.Now()
		waitJob(b, c.acct, job.ID, "committed", time.Minute, func(j settlement.Job) bool { return j.Status >= settlement.StatusCommitted })
		e2e += time.Since(posted)
		rec, err := n.Store().Get(job.ID)
		if err != nil {
			b.Fatal(err)
		}
		d := between(b, rec, store.StateSeen, store.StateAccepting)
		r := between(b, rec, store.StateAccepted, store.StateExecuted)
		decide, run, nodeWork = decide+d, run+r, nodeWork+d+r
	}
	b.StopTimer()

	// The executor alone and `docker run --rm`, on the same image, program and input.
	spec, err := jobspec.Parse([]byte(dockerDoc(img, input)))
	if err != nil {
		b.Fatal(err)
	}
	var exec1, plain time.Duration
	for i := range b.N {
		dir := b.TempDir()
		in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
		for _, d := range []string{in, out} {
			if err := os.Mkdir(d, 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.Chmod(d, 0o777); err != nil { // the job runs as nobody when the node is root
				b.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(in, "data.txt"), []byte(input), 0o644); err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		res, err := ex.Run(ctx, executor.Job{ID: fmt.Sprintf("bench-%d", i), Spec: spec, InputDir: in, OutputDir: out})
		if err != nil || res.Failure != nil {
			b.Fatalf("executor: %v, %v", err, res.Failure)
		}
		exec1 += time.Since(t0)
		if err := os.Remove(filepath.Join(out, "count.txt")); err != nil {
			b.Fatal(err)
		}
		t0 = time.Now()
		cmd := exec.Command("docker", "run", "--rm", "--network", "none",
			"-v", in+":/brine/inputs:ro", "-v", out+":/brine/outputs",
			"--entrypoint", "/bin/sh", img, "-c", spec.Args[0])
		if o, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("docker run: %v: %s", err, o)
		}
		plain += time.Since(t0)
	}
	per := func(d time.Duration) float64 { return float64(d.Milliseconds()) / float64(b.N) }
	b.ReportMetric(per(nodeWork), "ms-node/job")
	b.ReportMetric(per(decide), "ms-decide/job")
	b.ReportMetric(per(run), "ms-run/job")
	b.ReportMetric(per(exec1), "ms-executor/job")
	b.ReportMetric(per(plain), "ms-docker-run/job")
	b.ReportMetric(float64(nodeWork)/float64(plain), "node/docker-run")
	b.ReportMetric(per(e2e)/1000, "s-post-to-commit")
}

// between is how long rec took from entering state from to entering state to.
func between(tb testing.TB, rec store.JobRecord, from, to store.State) time.Duration {
	tb.Helper()
	at := map[store.State]time.Time{store.StateSeen: rec.Created}
	for _, s := range rec.History {
		if _, ok := at[s.To]; !ok {
			at[s.To] = s.At
		}
	}
	t0, ok0 := at[from]
	t1, ok1 := at[to]
	if !ok0 || !ok1 {
		tb.Fatalf("job %d: no %s or %s in the record's history %+v", rec.Job, from, to, rec.History)
	}
	return t1.Sub(t0)
}

// waitAll polls the jobs until every one has reached s (or, for Committed, any later
// status); it returns which reached it.
func waitAll(tb testing.TB, c *client, jobs []settlement.Job, s settlement.Status, d time.Duration) map[settlement.JobID]bool {
	tb.Helper()
	done := map[settlement.JobID]bool{}
	deadline := time.Now().Add(d)
	for len(done) < len(jobs) {
		for _, j := range jobs {
			if done[j.ID] {
				continue
			}
			got, err := c.acct.Job(context.Background(), j.ID)
			if err == nil && (got.Status == s || s == settlement.StatusCommitted && got.Status > s) {
				done[j.ID] = true
			}
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%d of %d jobs %s within %s", len(done), len(jobs), s, d)
		}
		time.Sleep(100 * time.Millisecond)
	}
	return done
}

// buildBrine builds the brine binary into a temporary directory.
func buildBrine(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "brine")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, "../cmd/brine")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("building brine: %v\n%s", err, out)
	}
	return bin
}

// startBrineNode runs `brine node run` as account and waits until it says it started; it is
// stopped (SIGINT) when the benchmark ends.
func startBrineNode(tb testing.TB, bin string, env []string, account string) *exec.Cmd {
	tb.Helper()
	cmd := exec.Command(bin, "--account", account, "--log-level", "info", "node", "run", "--engines", "wasm")
	cmd.Env = env
	stderr, err := cmd.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	started := make(chan struct{})
	var log strings.Builder
	var mu sync.Mutex
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		once := sync.Once{}
		for sc.Scan() {
			mu.Lock()
			log.WriteString(sc.Text() + "\n")
			mu.Unlock()
			if strings.Contains(sc.Text(), `msg="node started"`) {
				once.Do(func() { close(started) })
			}
		}
	}()
	tb.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(40 * time.Second):
			_ = cmd.Process.Kill()
			tb.Errorf("the node did not stop within 40s of SIGINT")
		}
		if tb.Failed() {
			mu.Lock()
			tb.Logf("node log:\n%s", log.String())
			mu.Unlock()
		}
	})
	select {
	case <-started:
	case <-time.After(time.Minute):
		tb.Fatal("the node did not start within a minute")
	}
	return cmd
}

var procField = regexp.MustCompile(`^(\w+):\s+(\d+) kB$`)

// rss reads a memory field (VmRSS, VmHWM) of process pid from /proc, in bytes.
func rss(tb testing.TB, pid int, field string) int64 {
	tb.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		tb.Fatalf("reading the node's memory: %v", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if m := procField.FindStringSubmatch(l); m != nil && m[1] == field {
			kb, _ := strconv.ParseInt(m[2], 10, 64)
			return kb << 10
		}
	}
	tb.Fatalf("no %s in /proc/%d/status", field, pid)
	return 0
}
