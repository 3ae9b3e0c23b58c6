package node_test

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/devnet"
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
	"github.com/brine-compute/brine/wallet"
)

// One devnet (blocks every second, so chain time moves) serves every test of the package.
var (
	netOnce sync.Once
	netErr  error
	dn      *devnet.Devnet
	eth     *ethclient.Client

	guestOnce  sync.Once
	guestBytes []byte
	guestErr   error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if dn != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_ = dn.Stop(ctx)
		cancel()
	}
	os.Exit(code)
}

func chain(t testing.TB) {
	t.Helper()
	netOnce.Do(func() {
		d, err := devnet.New(devnet.Config{BlockPeriod: time.Second, Accounts: 8})
		if err != nil {
			netErr = err
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if netErr = d.Start(ctx); netErr != nil {
			return
		}
		dn = d
		eth, netErr = ethclient.Dial(d.HTTPURL())
	})
	if netErr != nil {
		t.Fatalf("devnet: %v", netErr)
	}
}

// guest is the greet wasm module, built once.
func guest(t testing.TB) []byte {
	t.Helper()
	guestOnce.Do(func() {
		dir, err := os.MkdirTemp("", "brine-node-guest-")
		if err != nil {
			guestErr = err
			return
		}
		defer os.RemoveAll(dir)
		out := filepath.Join(dir, "greet.wasm")
		cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", out, "./testdata/greet")
		cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
		if b, err := cmd.CombinedOutput(); err != nil {
			guestErr = fmt.Errorf("%v: %s", err, b)
			return
		}
		guestBytes, guestErr = os.ReadFile(out)
	})
	if guestErr != nil {
		t.Fatalf("building the wasm guest: %v", guestErr)
	}
	return guestBytes
}

func testLogger(t testing.TB, name string) *slog.Logger {
	return slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelInfo})).With("who", name)
}

// account opens a writable settlement for dev account i through its own transaction manager.
func account(t testing.TB, i int, name string) *onchain.Managed {
	t.Helper()
	w, err := wallet.Open(wallet.Config{Dir: dn.KeystoreDir()})
	if err != nil {
		t.Fatal(err)
	}
	addr := dn.Accounts()[i].Address
	signer, err := w.Signer(addr, devnet.DevPassword, dn.ChainID())
	if err != nil {
		t.Fatal(err)
	}
	m, err := onchain.OpenManaged(context.Background(), onchain.ManagedConfig{
		Client:        eth,
		ChainID:       dn.ChainID(),
		Addresses:     *dn.Deployment().Addresses(),
		Account:       onchain.AccountSigner{Address: addr, SignTx: signer.SignTx},
		HashSigner:    signer,
		JournalPath:   filepath.Join(t.TempDir(), "journal.db"),
		Confirmations: 1,
		PollInterval:  100 * time.Millisecond,
		Logger:        testLogger(t, name+"/settlement"),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = m.Close(ctx)
	})
	return m
}

// provider is a staked provider account with a data directory and a peer identity.
type provider struct {
	acct    *onchain.Managed
	dataDir string
	id      *identity.Identity
}

func newProvider(t testing.TB, i int) *provider {
	t.Helper()
	p := &provider{acct: account(t, i, fmt.Sprintf("provider%d", i)), dataDir: t.TempDir()}
	var err error
	if p.id, _, err = identity.LoadOrCreate(identity.Path(p.dataDir)); err != nil {
		t.Fatal(err)
	}
	info, err := p.acct.Provider(context.Background(), p.acct.Account())
	if err != nil {
		t.Fatal(err)
	}
	// Staked up to the devnet's minimum stake: an earlier test may have slashed it below
	// (a liar's collateral, a silent verifier's), which makes the provider inactive.
	if short := new(big.Int).Sub(deploy.Token(100), info.Staked); short.Sign() > 0 {
		if err := p.acct.Stake(context.Background(), short); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// start runs a node for p with exec as its wasm executor (nil: a real one).
func (p *provider) start(t testing.TB, ex executor.Executor, mode dishonest.Mode) *node.Node {
	t.Helper()
	if ex == nil {
		w, err := wasm.New(context.Background(), wasm.Config{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { w.Close() })
		ex = w
	}
	cfg, err := dishonest.Apply(node.Config{
		DataDir:      p.dataDir,
		Deployment:   fmt.Sprintf("%d/%s", dn.ChainID(), dn.Deployment().Market),
		Settlement:   p.acct,
		Events:       p.acct,
		PollInterval: 200 * time.Millisecond,
		Executors:    map[jobspec.Engine]executor.Executor{jobspec.EngineWasm: ex},
		P2P:          p2p.Config{Identity: p.id, Logger: testLogger(t, "p2p")},
		GracePeriod:  time.Second,
		Logger:       testLogger(t, "node"),
	}, mode)
	if err != nil {
		t.Fatal(err)
	}
	n, err := node.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stop(t, n) })
	return n
}

func stop(t testing.TB, n *node.Node) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := n.Stop(ctx); err != nil {
		t.Errorf("stopping the node: %v", err)
	}
}

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

func newClient(t testing.TB, i int) *client {
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
	c := &client{acct: account(t, i, "client"), results: rs, specs: &specMap{m: map[common.Hash][]byte{}}}
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
price: {payment: "2", collateral: "1"}
deadlines: {accept_within: %s, run_within: 60s}
challenge_window: 4s
replicas: %d
`, mod, name, acceptWithin, replicas)))
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
	deadline := time.Now().Add(d)
	for {
		j, err := r.Job(context.Background(), id)
		if err == nil && cond(j) {
			return j
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %d: not %s within %s (status %s, err %v)", id, what, d, j.Status, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
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
	chain(t)
	ctx := context.Background()
	p := newProvider(t, 1)
	p.start(t, nil, dishonest.Honest)
	c := newClient(t, 2)
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
	chain(t)
	ctx := context.Background()
	p := newProvider(t, 3)
	w, err := wasm.New(ctx, wasm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	b := &blocking{Executor: w, started: make(chan struct{})}
	first := p.start(t, b, dishonest.Honest)
	c := newClient(t, 2)

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
	chain(t)
	ctx := context.Background()
	p := newProvider(t, 4)
	p.start(t, nil, dishonest.WrongResult)
	c := newClient(t, 2)
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
