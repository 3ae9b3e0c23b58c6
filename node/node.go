package node

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/node/watch"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// Node is the provider daemon. New checks the config; Start opens the store, starts the
// libp2p host, publishes the node's addresses on chain and starts the chain watcher, which
// drives the job loop; Stop stops taking jobs, lets running ones finish within the grace
// period, and stops everything in reverse order.
type Node struct {
	cfg     Config
	log     *slog.Logger
	st      Chain
	self    common.Address
	store   *store.Store
	results *results.Store
	host    *p2p.Host
	watcher *watch.Watcher

	ownStore, ownResults bool

	// runCtx bounds the job work; cancelled at the end of Stop's grace period.
	runCtx    context.Context
	runCancel context.CancelFunc
	sem       chan struct{} // bounds running executions

	mu       sync.Mutex
	started  bool
	stopping bool
	inflight map[settlement.JobID]bool
	workers  sync.WaitGroup
	refused  map[common.Hash]refusal   // why pushed specs were refused (bounded)
	dir      []settlement.ProviderInfo // provider directory cache
	dirAt    time.Time
	finalMu  sync.Mutex // one finalize batch at a time
	drawing  bool       // a draw of the pending ones (store.Draws) runs
	// appeals are the jobs whose result of the node's is challenged: appealDue appeals a
	// first panel's verdict against it. Rebuilt from the store at the first tick after Start.
	appeals       map[settlement.JobID]bool
	appealsLoaded bool
}

// New checks cfg and returns a node that is not started.
func New(cfg Config) (*Node, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	cfg.defaults()
	return &Node{
		cfg:      cfg,
		log:      cfg.Logger.With("component", "node"),
		st:       cfg.Settlement,
		self:     cfg.Settlement.Account(),
		inflight: make(map[settlement.JobID]bool),
		appeals:  make(map[settlement.JobID]bool),
		refused:  make(map[common.Hash]refusal),
		sem:      make(chan struct{}, cfg.Policy.MaxJobs),
	}, nil
}

// Host is the node's libp2p host (nil before Start).
func (n *Node) Host() *p2p.Host { return n.host }

// Store is the node's state database (nil before Start).
func (n *Node) Store() *store.Store { return n.store }

// Results is the node's result store (nil before Start).
func (n *Node) Results() *results.Store { return n.results }

// Start runs the ordered init: store, result store, host, on-chain metadata, watcher. A step
// that fails undoes the ones before it.
func (n *Node) Start(ctx context.Context) (err error) {
	n.mu.Lock()
	if n.started {
		n.mu.Unlock()
		return errors.New("node: already started")
	}
	n.started = true
	n.mu.Unlock()

	var undo []func()
	defer func() {
		if err != nil {
			for i := len(undo) - 1; i >= 0; i-- {
				undo[i]()
			}
		}
	}()

	n.store = n.cfg.Store
	if n.store == nil {
		if n.store, err = store.Open(store.Path(n.cfg.DataDir), store.WithClock(n.cfg.Clock)); err != nil {
			return err
		}
		n.ownStore = true
		undo = append(undo, func() { _ = n.store.Close() })
	}
	if n.cfg.Deployment != "" {
		if err := n.store.Bind(n.cfg.Deployment); err != nil {
			return err
		}
	}
	n.reconcileJobDirs()
	n.results = n.cfg.Results
	if n.results == nil {
		if n.results, err = results.OpenStore(results.StoreConfig{Dir: results.Dir(n.cfg.DataDir), MaxBytes: n.cfg.ResultsBytes}); err != nil {
			return err
		}
		n.ownResults = true
	}

	n.runCtx, n.runCancel = context.WithCancel(context.Background())
	undo = append(undo, n.runCancel)

	pc := n.cfg.P2P
	pc.SpecSink = sinkFunc(n.acceptSpec)
	pc.Specs = specSource{n}
	pc.Results = n.results
	if n.cfg.ServeResults != nil {
		pc.Results = n.cfg.ServeResults(n.results)
	}
	pc.Status = statusSource{n}
	if pc.Logger == nil {
		pc.Logger = n.cfg.Logger
	}
	configured := pc.ListenAddrs
	pc.ListenAddrs = n.stableListenAddrs(configured)
	if n.host, err = p2p.New(pc); err != nil {
		return err
	}
	if err := n.host.Start(ctx); err != nil {
		if slices.Equal(pc.ListenAddrs, configured) {
			return fmt.Errorf("node: libp2p host: %w", err)
		}
		// A kept port taken between the check and the bind: the OS chooses again.
		pc.ListenAddrs = configured
		if n.host, err = p2p.New(pc); err != nil {
			return err
		}
		if err := n.host.Start(ctx); err != nil {
			return fmt.Errorf("node: libp2p host: %w", err)
		}
	}
	n.keepBoundPorts(configured)
	undo = append(undo, func() {
		c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = n.host.Stop(c)
	})
	n.log.Info("libp2p host listening", "peer", n.host.ID(), "addrs", n.host.Addrs())

	if err := n.publish(ctx); err != nil {
		return fmt.Errorf("node: publishing the node's addresses on chain: %w", err)
	}

	n.watcher, err = watch.New(watch.Config{
		Source:        n.cfg.Events,
		Store:         n.store,
		Confirmations: n.cfg.Confirmations,
		Finality:      n.cfg.Finality,
		PollInterval:  n.cfg.PollInterval,
		MinBackoff:    n.cfg.PollInterval,
		Clock:         n.cfg.Clock,
		Logger:        n.cfg.Logger,
		Handle:        n.handle,
		Tick:          n.tick,
	})
	if err != nil {
		return err
	}
	if err := n.watcher.Start(ctx); err != nil {
		return err
	}
	n.log.Info("node started", "account", n.self, "verifier_duty", !declinesDuty(n.st))
	return nil
}

// Stop stops taking jobs, lets running jobs finish up to the grace period (or ctx), then
// cancels the rest (their records go back to Accepted with the reason, and the next start
// runs them again) and stops the watcher, the host and the store.
func (n *Node) Stop(ctx context.Context) error {
	n.mu.Lock()
	if !n.started || n.stopping {
		n.mu.Unlock()
		return nil
	}
	n.stopping = true
	n.mu.Unlock()
	n.log.Info("stopping: taking no new jobs; waiting for running ones", "grace", n.cfg.GracePeriod)

	var errs []error
	if n.watcher != nil {
		if err := n.watcher.Stop(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	done := make(chan struct{})
	go func() { n.workers.Wait(); close(done) }()
	select {
	case <-done:
	case <-n.cfg.Clock.After(n.cfg.GracePeriod):
		n.log.Warn("grace period over: interrupting the jobs still running")
	case <-ctx.Done():
	}
	if n.runCancel != nil {
		n.runCancel()
	}
	select {
	case <-done:
	case <-ctx.Done():
		errs = append(errs, fmt.Errorf("node: workers did not stop: %w", ctx.Err()))
	}
	if n.host != nil {
		if err := n.host.Stop(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	if n.ownStore && n.store != nil {
		if err := n.store.Close(); err != nil {
			errs = append(errs, err)
		}
	}
	n.log.Info("node stopped")
	return errors.Join(errs...)
}

func (n *Node) isStopping() bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.stopping
}

// jobDir is where job id's inputs and outputs are prepared.
func (n *Node) jobDir(id settlement.JobID) string {
	return filepath.Join(n.cfg.DataDir, "jobs", id.String())
}

// sinkFunc adapts a function to p2p.SpecSink.
type sinkFunc func(ctx context.Context, from peer.ID, hash common.Hash, canonical []byte) error

func (f sinkFunc) AcceptSpec(ctx context.Context, from peer.ID, hash common.Hash, canonical []byte) error {
	return f(ctx, from, hash, canonical)
}

// specSource serves the specs the node holds, so other nodes (verifiers) can fetch them.
type specSource struct{ n *Node }

func (s specSource) Spec(hash common.Hash) ([]byte, bool) {
	b, err := s.n.store.GetSpec(hash)
	return b, err == nil
}
