package testnode

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/tetratelabs/wazero"

	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/internal/testharness/testchain"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/wasm"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
	"github.com/brine-compute/brine/settlement/onchain"
)

// Provider is a fresh account of a market staked to its minimum stake, with a data directory
// and a peer identity in it. Nothing else uses it: its stake is what its own test left of it.
// A Provider built by hand (Market nil) may stand for another account, such as a dev
// account of the devnet's own deployment.
type Provider struct {
	Market *testchain.Market
	// Deployment is what the node names the market by (node.Config.Deployment).
	Deployment string
	Account    *testchain.Account
	Settlement *onchain.Managed
	DataDir    string
	Identity   *identity.Identity
	Name       string
}

// NewProvider is a staked provider of m named name (in its logs).
func NewProvider(t testing.TB, m *testchain.Market, name string) *Provider {
	t.Helper()
	return NewProviders(t, m, name, 1)[0]
}

// NewProviders is n staked providers of m, named name0, name1, ..., funded and staked in
// the same blocks.
func NewProviders(t testing.TB, m *testchain.Market, name string, n int) []*Provider {
	t.Helper()
	accts := m.NewAccounts(t, n)
	ps := make([]*Provider, n)
	for i, a := range accts {
		who := name
		if n > 1 {
			who = fmt.Sprintf("%s%d", name, i)
		}
		p := &Provider{Market: m, Deployment: m.DeploymentID(), Account: a, Settlement: m.Settlement(t, a, who), DataDir: t.TempDir(), Name: who}
		var err error
		if p.Identity, _, err = identity.LoadOrCreate(identity.Path(p.DataDir)); err != nil {
			t.Fatal(err)
		}
		ps[i] = p
	}
	cfg, err := m.Deployment.Config()
	if err != nil {
		t.Fatal(err)
	}
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i, p := range ps {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			if err := p.Settlement.Stake(ctx, cfg.MinStake); err != nil {
				errs[i] = fmt.Errorf("staking %s: %w", p.Name, err)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	return ps
}

var (
	compiledOnce sync.Once
	compiled     wazero.CompilationCache
)

// Wasm is a wasm executor with cfg, closed when the test ends. Unless cfg says otherwise it
// shares the test binary's in-memory compilation cache, so that the many nodes of parallel
// tests compile a module once rather than each for itself (seconds of CPU for a Go guest).
func Wasm(t testing.TB, cfg wasm.Config) *wasm.Executor {
	t.Helper()
	if cfg.CompilationCache == nil && cfg.CacheDir == "" {
		compiledOnce.Do(func() { compiled = wazero.NewCompilationCache() })
		cfg.CompilationCache = compiled
	}
	w, err := wasm.New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// Options are how a provider's node differs from the plain honest wasm node.
type Options struct {
	// Executors run the jobs (nil: a real wasm executor, Wasm's).
	Executors map[jobspec.Engine]executor.Executor
	// Settlement is what the node acts through (nil: the provider's own settlement); a test
	// wraps it to make calls fail.
	Settlement node.Chain
	// Policy is the node's policy.
	Policy node.Policy
	// Dishonest is the node's test-only dishonest mode (dishonest.Honest when empty).
	Dishonest dishonest.Mode
}

// Config is the node configuration Start uses: the provider's data directory, identity and
// settlement, polling every 200 ms, logs to the test's output.
func (p *Provider) Config(t testing.TB, o Options) node.Config {
	t.Helper()
	if o.Executors == nil {
		o.Executors = map[jobspec.Engine]executor.Executor{jobspec.EngineWasm: Wasm(t, wasm.Config{})}
	}
	if o.Settlement == nil {
		o.Settlement = p.Settlement
	}
	if o.Dishonest == "" {
		o.Dishonest = dishonest.Honest
	}
	cfg, err := dishonest.Apply(node.Config{
		DataDir:      p.DataDir,
		Deployment:   p.Deployment,
		Settlement:   o.Settlement,
		Events:       p.Settlement,
		PollInterval: 200 * time.Millisecond,
		Executors:    o.Executors,
		P2P:          p2p.Config{Identity: p.Identity, Logger: testharness.Logger(t, p.Name+"/p2p")},
		GracePeriod:  time.Second,
		Logger:       testharness.Logger(t, p.Name),
		Policy:       o.Policy,
	}, o.Dishonest)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// Start starts a node for p, stopped when the test ends.
func (p *Provider) Start(t testing.TB, o Options) *node.Node {
	t.Helper()
	return Run(t, p.Config(t, o))
}

// Run starts a node with cfg, stopped when the test ends.
func Run(t testing.TB, cfg node.Config) *node.Node {
	t.Helper()
	n, err := node.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { Stop(t, n) })
	return n
}

// Stop stops n (again: stopping a stopped node is a no-op), failing the test if it cannot.
func Stop(t testing.TB, n *node.Node) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := n.Stop(ctx); err != nil {
		t.Errorf("stopping the node: %v", err)
	}
}

var (
	greetOnce sync.Once
	greet     []byte
	greetErr  error
)

// GreetModule is the greet wasm guest (node/testdata/greet: it writes "hello, <name>" to
// greeting.txt), built once per test binary.
func GreetModule(t testing.TB) []byte {
	t.Helper()
	greetOnce.Do(func() { greet, greetErr = buildGreet() })
	if greetErr != nil {
		t.Fatalf("building the wasm guest: %v", greetErr)
	}
	return greet
}

func buildGreet() ([]byte, error) {
	_, here, _, ok := runtime.Caller(0)
	if !ok {
		return nil, errors.New("no source path for the guest")
	}
	root := filepath.Join(filepath.Dir(here), "..", "..", "..")
	dir, err := os.MkdirTemp("", "brine-greet-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "greet.wasm")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", out, "./node/testdata/greet")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("%w: %s", err, b)
	}
	return os.ReadFile(out)
}
