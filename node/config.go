package node

import (
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"path"
	"path/filepath"
	"time"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/node/watch"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// Policy is which jobs the node takes.
type Policy struct {
	// Engines the node runs; empty: every engine it has an executor for.
	Engines []jobspec.Engine
	// AllowedImages are path.Match patterns a docker image must match ("alpine@sha256:*",
	// "ghcr.io/acme/*"); empty: any image.
	AllowedImages []string
	// MinPayment is the least payment (base units) the node works for, per seat (payment / N
	// of a replicated job); nil: any.
	MinPayment *big.Int
	// MaxCollateral is the most collateral (base units) the node locks for one job; nil: any.
	MaxCollateral *big.Int
	// MaxReplicas is the largest replica count N of the jobs the node takes a seat of
	// (default jobspec.MaxReplicas: every job; 1: single-replica jobs only). Replicas are how
	// a client buys redundancy, and a seat costs the node no more than a single job: it runs
	// the job once, locks the job's collateral, and is paid payment / N (MinPayment is
	// weighed against that share).
	MaxReplicas uint8
	// Caps on one job's resources (zero: no cap); also passed to the executors as Limits.
	MaxMemoryBytes uint64
	MaxCPUMillis   uint64
	MaxDiskBytes   uint64
	MaxTime        time.Duration
	// AllowNetwork lets jobs whose spec asks for network have it; otherwise they are refused.
	AllowNetwork bool
	// MaxJobs bounds the jobs running at once (default 4).
	MaxJobs int
}

// Config configures a Node.
type Config struct {
	// DataDir holds the node's state (node/state.db), results (results/) and job directories
	// (jobs/).
	DataDir string
	// Deployment names the chain and market the data directory belongs to ("<chain ID>/<market>");
	// the store refuses a data directory of another deployment.
	Deployment string
	// Settlement acts as the provider account, in the roles the node plays (chain.go).
	Settlement Chain
	// Events is the market's event stream (onchain.Settlement is one).
	Events settlement.EventSource
	// Confirmations is the depth at which events are acted on.
	Confirmations uint64
	// Finality, if set, also holds back events above the block it names final (the chain's
	// "finalized" or "safe" block: --finality). chain/finality.Source is one.
	Finality watch.Finality
	// PollInterval is how often the watcher polls the chain (default 1s).
	PollInterval time.Duration
	// Executors by engine.
	Executors map[jobspec.Engine]executor.Executor
	// P2P configures the libp2p host (Identity is required); the node sets its Specs,
	// SpecSink and Results.
	P2P p2p.Config
	// Store and Results, when nil, are opened in DataDir (and closed by Stop).
	Store        *store.Store
	Results      *results.Store
	ResultsBytes int64 // bound of a results store the node opens (default results.DefaultStoreBytes)
	Policy       Policy
	// StepDelay spaces the nodes that may all send the same permissionless step (drawing a
	// challenge's verifiers, resolving a challenge or a replicas' round, reclaiming a
	// replicated job short of seats, finalizing a replicated job, taking the last seats of
	// one): each waits its turn × StepDelay, reading the chain again before it sends, so one
	// sends and the others do not pay for a reverted transaction (stagger.go). Default 3s;
	// negative: no stagger (every node sends at once).
	StepDelay time.Duration
	// FinalizeBatch caps the jobs one finalize transaction settles (default 16).
	FinalizeBatch int
	// WithdrawThreshold: the credited balance is withdrawn once it reaches this (nil: never).
	WithdrawThreshold *big.Int
	// GracePeriod is how long Stop lets running jobs finish (default 30s).
	GracePeriod time.Duration
	// Clock is the node's time (default wall clock).
	Clock Clock
	// Logger (default slog.Default()).
	Logger *slog.Logger
	// ServeResults, if set, wraps the source the node serves its stored results from (a
	// test's or the demo's dishonest node hides some, node/dishonest); nil: all are served.
	ServeResults func(p2p.ResultSource) p2p.ResultSource
	// AnnounceAddrs, if set, are the addresses the node publishes in its registration
	// metadata ({"peer": ..., "addrs": [...]}) instead of its listen addresses.
	AnnounceAddrs []string
	// Metrics, if set, receives the node's measurements (metrics.Node implements it).
	Metrics Metrics
}

// WasmCacheDir is where the node keeps compiled wasm code across restarts
// (wasm.Config.CacheDir).
func WasmCacheDir(dataDir string) string { return filepath.Join(dataDir, "node", "wasm-cache") }

// Clock is the node's source of time.
type Clock = clock.Clock

// Check reports every problem with c.
func (c Config) Check() error {
	var errs []error
	if c.DataDir == "" && (c.Store == nil || c.Results == nil) {
		errs = append(errs, errors.New("DataDir is required"))
	}
	if c.Settlement == nil {
		errs = append(errs, errors.New("Settlement is required"))
	}
	if c.Events == nil {
		errs = append(errs, errors.New("Events is required"))
	}
	if len(c.Executors) == 0 {
		errs = append(errs, errors.New("at least one executor is required"))
	}
	for e, ex := range c.Executors {
		if ex == nil || ex.Name() != string(e) {
			errs = append(errs, fmt.Errorf("executor for engine %q is missing or runs another engine", e))
		}
	}
	for _, e := range c.Policy.Engines {
		if c.Executors[e] == nil {
			errs = append(errs, fmt.Errorf("policy allows engine %q but no executor runs it", e))
		}
	}
	for _, p := range c.Policy.AllowedImages {
		if _, err := path.Match(p, ""); err != nil {
			errs = append(errs, fmt.Errorf("allowed image pattern %q: %w", p, err))
		}
	}
	if c.Policy.MaxReplicas > jobspec.MaxReplicas {
		errs = append(errs, fmt.Errorf("Policy.MaxReplicas is %d; jobs have at most %d replicas", c.Policy.MaxReplicas, jobspec.MaxReplicas))
	}
	if c.Policy.MinPayment != nil && c.Policy.MinPayment.Sign() < 0 || c.Policy.MaxCollateral != nil && c.Policy.MaxCollateral.Sign() < 0 {
		errs = append(errs, errors.New("MinPayment and MaxCollateral cannot be negative"))
	}
	if c.P2P.Identity == nil {
		errs = append(errs, errors.New("P2P.Identity is required"))
	}
	if c.FinalizeBatch < 0 || c.GracePeriod < 0 || c.PollInterval < 0 || c.Policy.MaxJobs < 0 {
		errs = append(errs, errors.New("FinalizeBatch, GracePeriod, PollInterval and MaxJobs cannot be negative"))
	}
	if len(errs) > 0 {
		return fmt.Errorf("node config: %w", errors.Join(errs...))
	}
	return nil
}

func (c *Config) defaults() {
	if c.PollInterval == 0 {
		c.PollInterval = time.Second
	}
	if c.FinalizeBatch == 0 {
		c.FinalizeBatch = 16
	}
	if c.StepDelay == 0 {
		c.StepDelay = defaultStepDelay
	}
	if c.GracePeriod == 0 {
		c.GracePeriod = 30 * time.Second
	}
	if c.Policy.MaxJobs == 0 {
		c.Policy.MaxJobs = 4
	}
	if c.Policy.MaxReplicas == 0 {
		c.Policy.MaxReplicas = jobspec.MaxReplicas
	}
	if c.ResultsBytes == 0 {
		c.ResultsBytes = results.DefaultStoreBytes
	}
	if c.Clock == nil {
		c.Clock = clock.System
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
}

// limits are the executor limits the policy implies.
func (p Policy) limits() executor.Limits {
	return executor.Limits{
		MemoryBytes: p.MaxMemoryBytes,
		CPUMillis:   p.MaxCPUMillis,
		Time:        p.MaxTime,
		Network:     p.AllowNetwork,
	}
}
