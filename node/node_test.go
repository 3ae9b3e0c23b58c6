package node_test

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/internal/testharness/testchain"
	"github.com/brine-compute/brine/internal/testharness/testnode"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/wasm"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

// The package's tests share one devnet (testchain.Shared: blocks every second, so chain
// time moves), and each story runs on a market of its own there (newMarket) with fresh
// accounts, so that the stories share no provider, no job and no books and run in parallel.
// Only BenchmarkNodeWasmJobs uses the devnet's own deployment and its dev accounts (a real
// `brine` process reads their keystore), which no test touches.
var (
	netOnce sync.Once
	dn      *devnet.Devnet
	eth     *ethclient.Client
)

// TestMain lets 8 tests run at once: the stories wait on chain time (blocks, windows,
// deadlines) far more than they compute.
func TestMain(m *testing.M) {
	testharness.SetParallel(8)
	testharness.Main(m)
}

// chain is the shared devnet (started on first use); it sets dn and eth, which the helpers
// read.
func chain(t testing.TB) *testchain.Chain {
	t.Helper()
	c := testchain.Shared(t)
	netOnce.Do(func() { dn, eth = c.Devnet, c.Client })
	return c
}

// newMarket is a market of the test's own on the shared devnet.
func newMarket(t testing.TB) *testchain.Market {
	t.Helper()
	return chain(t).Market(t)
}

// guest is the greet wasm module, built once.
func guest(t testing.TB) []byte {
	t.Helper()
	return testnode.GreetModule(t)
}

func testLogger(t testing.TB, name string) *slog.Logger { return testharness.Logger(t, name) }

// provider is a staked provider account with a data directory and a peer identity.
type provider struct {
	*testnode.Provider
	acct    *onchain.Managed
	dataDir string
	id      *identity.Identity
}

func wrapProvider(p *testnode.Provider) *provider {
	return &provider{Provider: p, acct: p.Settlement, dataDir: p.DataDir, id: p.Identity}
}

// stakedProvider is a fresh staked provider of m.
func stakedProvider(t testing.TB, m *testchain.Market, name string) *provider {
	t.Helper()
	return stakedProviders(t, m, name, 1)[0]
}

// stakedProviders is n fresh staked providers of m, staked in the same blocks.
func stakedProviders(t testing.TB, m *testchain.Market, name string, n int) []*provider {
	t.Helper()
	var out []*provider
	for _, p := range testnode.NewProviders(t, m, name, n) {
		out = append(out, wrapProvider(p))
	}
	return out
}

// start runs a node for p with ex as its wasm executor (nil: a real one).
func (p *provider) start(t testing.TB, ex executor.Executor, mode dishonest.Mode) *node.Node {
	t.Helper()
	o := testnode.Options{Dishonest: mode}
	if ex != nil {
		o.Executors = map[jobspec.Engine]executor.Executor{jobspec.EngineWasm: ex}
	}
	return p.Start(t, o)
}

func stop(t testing.TB, n *node.Node) { testnode.Stop(t, n) }

// client is a client account with its own libp2p host serving its specs and module.
type client struct {
	acct    *onchain.Managed
	host    *p2p.Host
	results *results.Store
	specs   *specMap
}

type specMap struct {
	mu sync.Mutex
	m  map[common.Hash][]byte
}

func (s *specMap) Spec(h common.Hash) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.m[h]
	return b, ok
}

// newClient is a fresh client account of m.
func newClient(t testing.TB, m *testchain.Market) *client {
	t.Helper()
	return openClient(t, m.Settlement(t, m.NewAccount(t), "client"))
}

func openClient(t testing.TB, acct *onchain.Managed) *client {
	t.Helper()
	dir := t.TempDir()
	id, _, err := identity.LoadOrCreate(identity.Path(dir))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := results.OpenStore(results.StoreConfig{Dir: results.Dir(dir), MaxBytes: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	c := &client{acct: acct, results: rs, specs: &specMap{m: map[common.Hash][]byte{}}}
	c.host, err = p2p.New(p2p.Config{Identity: id, Specs: c.specs, Results: rs, DisableProbe: true, Logger: testLogger(t, "client/p2p")})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.host.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = c.host.Stop(ctx)
	})
	return c
}

// post serves the module and spec, pushes the spec to the active providers' nodes and posts
// the job.
func (c *client) post(t *testing.T, name string) settlement.Job {
	t.Helper()
	return c.postReplicated(t, name, 1, 30*time.Second)
}

// postReplicated posts the greet job for name to be run by replicas providers that accept it
// within acceptWithin.
func (c *client) postReplicated(t *testing.T, name string, replicas int, acceptWithin time.Duration) settlement.Job {
	t.Helper()
	return c.postReplicatedWindow(t, name, replicas, acceptWithin, 4*time.Second)
}

// postReplicatedWindow is postReplicated with a challenge window of its own.
func (c *client) postReplicatedWindow(t *testing.T, name string, replicas int, acceptWithin, window time.Duration) settlement.Job {
	t.Helper()
	ctx := context.Background()
	mod, err := c.results.Put(guest(t))
	if err != nil {
		t.Fatal(err)
	}
	spec, err := jobspec.Parse([]byte(fmt.Sprintf(`
engine: wasm
module: %s
inputs: [{path: name.txt, content: %q}]
resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 30s}
outputs: [{path: greeting.txt}]
price: {payment: "2", collateral: "4"}
deadlines: {accept_within: %s, run_within: 60s}
challenge_window: %s
replicas: %d
`, mod, name, acceptWithin, window, replicas)))
	if err != nil {
		t.Fatal(err)
	}
	canon, err := spec.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	hash, err := spec.Hash()
	if err != nil {
		t.Fatal(err)
	}
	c.specs.mu.Lock()
	c.specs.m[hash] = canon
	c.specs.mu.Unlock()
	nodes, err := providers.ProviderNodes(ctx, c.acct)
	if err != nil {
		t.Fatal(err)
	}
	pushed := providers.PushSpec(ctx, c.host, nodes, hash, canon)
	t.Logf("spec %s pushed to %d of %d node(s) (%v)", hash, len(pushed.Took()), len(nodes), pushed.Err())
	head, err := eth.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	acceptBy, resultBy := spec.Deadlines.At(time.Unix(int64(head.Time), 0))
	payment, collateral, err := spec.Price.Amounts(18)
	if err != nil {
		t.Fatal(err)
	}
	job, err := c.acct.PostJob(ctx, settlement.JobRequest{SpecHash: hash, Payment: payment, Collateral: collateral,
		Replicas: spec.Replicas, AcceptBy: acceptBy, ResultBy: resultBy, ChallengeWindow: spec.ChallengeWindow})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("posted job %d", job.ID)
	return job
}

// waitJob polls the job until cond holds.
func waitJob(t testing.TB, r settlement.Reader, id settlement.JobID, what string, d time.Duration, cond func(settlement.Job) bool) settlement.Job {
	t.Helper()
	var j settlement.Job
	var err error
	if !testharness.Poll(d, func() bool {
		j, err = r.Job(context.Background(), id)
		return err == nil && cond(j)
	}) {
		t.Fatalf("job %d: not %s within %s (status %s, err %v)", id, what, d, j.Status, err)
	}
	return j
}

func status(s settlement.Status) func(settlement.Job) bool {
	return func(j settlement.Job) bool { return j.Status == s }
}

// countEvents counts job id's events of kind on chain.
func countEvents(t *testing.T, src settlement.EventSource, id settlement.JobID, kind settlement.EventKind) int {
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

// fee is the treasury's share of payment.
func fee(payment *big.Int, bps uint16) *big.Int {
	f := new(big.Int).Mul(payment, big.NewInt(int64(bps)))
	return f.Quo(f, big.NewInt(10000))
}

// TestNodeRunsAWasmJob: a client posts a wasm job, a real provider node accepts and runs it,
// commits the CID, the client downloads and verifies the result, and the job finalizes with
// the provider credited exactly payment minus fee.
func TestNodeRunsAWasmJob(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	ctx := context.Background()
	p := stakedProvider(t, m, "provider")
	p.start(t, nil, dishonest.Honest)
	c := newClient(t, m)
	before, err := p.acct.Balance(ctx, p.acct.Account())
	if err != nil {
		t.Fatal(err)
	}

	job := c.post(t, "brine")
	committed := waitJob(t, c.acct, job.ID, "committed", 45*time.Second, func(j settlement.Job) bool { return j.Status >= settlement.StatusCommitted })
	if committed.Provider != p.acct.Account() {
		t.Fatalf("provider %s, want %s", committed.Provider, p.acct.Account())
	}
	data, got, err := providers.FetchJobResult(ctx, c.host, c.acct, committed, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := results.ParseCommitment(committed.ResultCID); !got.Equals(want) {
		t.Fatalf("fetched %s, committed %s", got, want)
	}
	out := t.TempDir()
	if err := results.Unpack(data, out, results.Limits{}); err != nil {
		t.Fatal(err)
	}
	greeting, err := os.ReadFile(filepath.Join(out, "greeting.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if string(greeting) != "hello, brine\n" {
		t.Fatalf("greeting.txt = %q", greeting)
	}

	final := waitJob(t, c.acct, job.ID, "finalized", 30*time.Second, status(settlement.StatusFinalized))
	after, err := p.acct.Balance(ctx, p.acct.Account())
	if err != nil {
		t.Fatal(err)
	}
	want := new(big.Int).Sub(final.Payment, fee(final.Payment, final.FeeBps))
	if gained := new(big.Int).Sub(after, before); gained.Cmp(want) != 0 {
		t.Fatalf("provider balance grew by %s, want %s (payment %s, fee %d bps)", gained, want, final.Payment, final.FeeBps)
	}
}

// blocking is a wasm executor whose first run blocks until its context ends.
type blocking struct {
	executor.Executor
	started chan struct{}
	once    sync.Once
}

func (b *blocking) Run(ctx context.Context, job executor.Job) (executor.Result, error) {
	b.once.Do(func() { close(b.started) })
	<-ctx.Done()
	return executor.Result{}, ctx.Err()
}

// TestNodeRestartMidJob: the node is stopped while the job runs (after the accept, before
// the commit); a new node on the same data directory finishes it, and the chain shows one
// accept and one commit.
func TestNodeRestartMidJob(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	ctx := context.Background()
	p := stakedProvider(t, m, "provider")
	w := testnode.Wasm(t, wasm.Config{})
	b := &blocking{Executor: w, started: make(chan struct{})}
	first := p.start(t, b, dishonest.Honest)
	c := newClient(t, m)

	job := c.post(t, "restart")
	select {
	case <-b.started:
	case <-time.After(45 * time.Second):
		t.Fatal("the job never started running")
	}
	stop(t, first)
	rec := record(t, p, job.ID)
	if rec.State != store.StateAccepted || rec.Attempts != 1 {
		t.Fatalf("after the stop: %s after %d attempt(s) (%s), want accepted after 1", rec.State, rec.Attempts, rec.Reason)
	}
	if j, _ := c.acct.Job(ctx, job.ID); j.Status != settlement.StatusAccepted {
		t.Fatalf("job is %s on chain after the stop, want accepted", j.Status)
	}

	p.start(t, w, dishonest.Honest)
	waitJob(t, c.acct, job.ID, "finalized", 45*time.Second, status(settlement.StatusFinalized))
	if n := countEvents(t, c.acct, job.ID, settlement.EventJobAccepted); n != 1 {
		t.Errorf("%d JobAccepted events, want 1", n)
	}
	if n := countEvents(t, c.acct, job.ID, settlement.EventResultCommitted); n != 1 {
		t.Errorf("%d ResultCommitted events, want 1", n)
	}
}

// record reads the job's record from the stopped node's store.
func record(t *testing.T, p *provider, id settlement.JobID) store.JobRecord {
	t.Helper()
	s, err := store.Open(store.Path(p.dataDir))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rec, err := s.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestWrongResultIsVisible: a dishonest node commits a tampered result; it matches its own
// commitment (so the download verifies) but not what the job computes, which is what the
// client challenges.
func TestWrongResultIsVisible(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	ctx := context.Background()
	p := stakedProvider(t, m, "liar")
	p.start(t, nil, dishonest.WrongResult)
	c := newClient(t, m)
	job := c.post(t, "liar")
	committed := waitJob(t, c.acct, job.ID, "committed", 45*time.Second, status(settlement.StatusCommitted))
	data, _, err := providers.FetchJobResult(ctx, c.host, c.acct, committed, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := results.Unpack(data, out, results.Limits{}); err != nil {
		t.Fatal(err)
	}
	greeting, _ := os.ReadFile(filepath.Join(out, "greeting.txt"))
	if !strings.Contains(string(greeting), "tampered") {
		t.Fatalf("greeting.txt = %q, want the dishonest node's tampered output", greeting)
	}
	if err := c.acct.Challenge(ctx, job.ID); err != nil {
		t.Fatal(err)
	}
	if j, _ := c.acct.Job(ctx, job.ID); j.Status != settlement.StatusChallenged {
		t.Fatalf("after the challenge the job is %s", j.Status)
	}
}
