package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/docker"
	"github.com/brine-compute/brine/node/executor/wasm"
	"github.com/brine-compute/brine/node/watch"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
)

func nodeCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "node",
		Usage: "run the compute node of a provider",
		Description: `The node takes the jobs its policy allows, runs them in Docker or WASM, commits each
result's CID on chain, serves results to clients, serves as a verifier when drawn, and
collects its pay and uptime rewards (node/doc.go). Stake and register first.

Example:
   brine --account 0xProvider node run --engines wasm,docker --min-payment 0.5`,
		Subcommands: []*cli.Command{{
			Name:      "run",
			Usage:     "run the provider daemon: take jobs, execute them, commit results, get paid",
			ArgsUsage: " ",
			Flags:     nodeRunFlags(),
			Description: `Runs the provider's compute node until SIGINT or SIGTERM. It uses the node identity key
<datadir>/node/identity.key (the peer ID 'brine provider register' binds), keeps its state in
<datadir>/node/state.db and its results in <datadir>/results, publishes its libp2p addresses
as the provider's registration metadata, and then takes the jobs its policy allows: it fetches
and checks each spec, accepts (or takes a replica's seat), runs, commits the result CID (a
replica commits and reveals it with the other replicas), serves the result to the client and
finalizes after the challenge window. Drawn as a verifier of a challenged job, it re-executes
the job and votes. A stop lets running jobs finish for --grace; a
restart resumes every job where it was, listens on the ports it bound before
(<datadir>/node/listen.json; an explicit --listen port wins) so its addresses on chain stay
current, and loads compiled wasm code from <datadir>/node/wasm-cache.

The account must be staked ('brine provider stake'). Logs go to stderr. With --metrics-addr
it serves Prometheus metrics (jobs by state, executions, transactions, balances, stake; see
docs/operations.md) at GET /metrics; with --pprof also Go runtime profiles at /debug/pprof/
(keep that address private).

It claims the account's uptime rewards by itself (--auto-claim): every --claim-interval it
fetches the trees of the roots posted on chain from the probers (--prober, and every prober
running with this --datadir), each checked against the chain, and claims all its unclaimed
leaves in one transaction once they are worth --claim-factor times the gas fee at
--token-price (or the fee at all when the oldest leaf is two epochs from its claim deadline).
<datadir>/node/claims.json records what it claimed, so a restart never claims twice.

Every option can also be set by $BRINE_NODE_<OPTION> (BRINE_NODE_MIN_PAYMENT=0.5, lists
comma-separated; --prober also by $BRINE_PROBER) or in the [node] section of the config file
(--config; docs/operations.md, "Configuration"), flags first, then the environment, then the
file. Unknown keys in the section are refused. Amounts and fractions go in quotes:

   # brine.toml (YAML and JSON: a "node" object with the same keys)
   [node]
   engines = ["wasm", "docker"]
   allow-image = ["alpine@sha256:*"]
   min-payment = "0.5"
   max-memory = "2GiB"
   max-time = "10m"
   metrics-addr = "127.0.0.1:9464"

Example:
   brine node run --engines wasm,docker --allow-image 'alpine@sha256:*' --min-payment 0.5
   brine node run --engines wasm --metrics-addr 127.0.0.1:9464
   brine --config brine.toml node run`,
			Action: func(c *cli.Context) error { return nodeRun(c, stdio) },
		}},
	}
}

// nodeRunFlags are the options of `brine node run`; each is also a key of the config file's
// [node] section (nodeRunConfig).
func nodeRunFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "engines", Value: cli.NewStringSlice("wasm"), Usage: "engines to run: wasm, docker"},
		&cli.StringSliceFlag{Name: "allow-image", Usage: "docker image `PATTERN` the node runs (path.Match, e.g. 'alpine@sha256:*'); repeat; default any"},
		&cli.StringFlag{Name: "min-payment", Usage: "least payment in tokens the node works for"},
		&cli.StringFlag{Name: "max-collateral", Usage: "most collateral in tokens the node locks for one job"},
		&cli.StringFlag{Name: "max-memory", Usage: "most memory one job may ask for (e.g. 2GiB)"},
		&cli.StringFlag{Name: "max-disk", Usage: "most disk one job may ask for (e.g. 10GiB)"},
		&cli.DurationFlag{Name: "max-time", Usage: "longest time limit one job may ask for"},
		&cli.DurationFlag{Name: "step-delay", Value: 3 * time.Second, Usage: "per turn, how long the node lets other nodes go first with a step any of them may send (drawing verifiers, resolving, reclaiming), so only one pays for it; keep it above the chain's block time; 0: send at once"},
		&cli.IntFlag{Name: "max-jobs", Value: 4, Usage: "jobs run at once"},
		&cli.IntFlag{Name: "max-replicas", Value: jobspec.MaxReplicas, Usage: "take a seat of replicated jobs of at most `N` replicas (1: single-provider jobs only)"},
		&cli.BoolFlag{Name: "allow-network", Usage: "run jobs that ask for network access (docker)"},
		&cli.BoolFlag{Name: "no-pull", Usage: "never pull images: run only images present locally"},
		&cli.StringFlag{Name: "wasm-cache-size", Value: "1GiB", Usage: "keep compiled wasm code in <datadir>/node/wasm-cache, at most `SIZE`, so a restart does not compile modules again; 0: no cache"},
		&cli.StringSliceFlag{Name: "listen", Value: cli.NewStringSlice(p2p.DefaultListenAddrs...), Usage: "libp2p listen `MULTIADDR`; repeat"},
		&cli.StringSliceFlag{Name: "announce", Usage: "addresses to publish on chain instead of the listen addresses; repeat"},
		&cli.StringFlag{Name: "withdraw-threshold", Usage: "withdraw the market balance once it reaches this many tokens"},
		&cli.DurationFlag{Name: "grace", Value: 30 * time.Second, Usage: "how long a stop lets running jobs finish"},
		metricsAddrFlag(),
		pprofFlag(),
		&cli.BoolFlag{Name: "auto-claim", Value: true, Usage: "claim the account's uptime rewards by itself (--auto-claim=false: never)"},
		&cli.StringSliceFlag{Name: "prober",
			Usage: "also fetch trees from this prober: `URL` (http://HOST:PORT), libp2p multiaddr (/ip4/…/p2p/<peer ID>) or reporter ADDR; repeat (the probers running with this --datadir are always asked) [$BRINE_PROBER]"},
		&cli.DurationFlag{Name: "claim-interval", Value: time.Minute, Usage: "how often to look for rewards to claim"},
		&cli.StringFlag{Name: "claim-factor", Value: "2", Usage: "claim once the rewards are worth `X` times the claim's gas fee"},
		&cli.StringFlag{Name: "token-price", Value: "1", Usage: "what one reward token is worth in `ETH`, to weigh rewards against gas"},
		&cli.StringFlag{Name: "dishonest", Hidden: true, Usage: "tests and demos only: wrong-result | commit-and-vanish | never-commit"},
	}
}

func nodeRun(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine node run [flags]"); err != nil {
		return err
	}
	cfg, err := loadConfig(c, stdio.Getenv)
	if err != nil {
		return err
	}
	nc, err := loadNodeRunConfig(cfg)
	if err != nil {
		return err
	}
	if err := nc.Check(); err != nil {
		return err
	}
	claims, _ := nc.claimRule() // checked
	s, err := sessionFor(c, stdio, cfg)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.openToken(); err != nil {
		return err
	}
	level, _ := parseLevel(s.cfg.LogLevel)
	log := slog.New(slog.NewTextHandler(s.info, &slog.HandlerOptions{Level: min(level, slog.LevelInfo)}))

	policy := nc.policy()
	if policy.MinPayment, err = s.optionalAmount(nc.MinPayment, nc.from.name("min-payment")); err != nil {
		return err
	}
	if policy.MaxCollateral, err = s.optionalAmount(nc.MaxCollateral, nc.from.name("max-collateral")); err != nil {
		return err
	}
	threshold, err := s.optionalAmount(nc.WithdrawThreshold, nc.from.name("withdraw-threshold"))
	if err != nil {
		return err
	}
	id, created, err := identity.LoadOrCreate(identity.Path(s.cfg.DataDir))
	if err != nil {
		return err
	}
	if created {
		fmt.Fprintf(s.info, "Created the node identity key %s (peer %s)\n", identity.Path(s.cfg.DataDir), id.Peer)
	}
	executors, closers, err := openExecutors(s.ctx, nc, id, s.cfg.DataDir, log)
	defer func() {
		for _, cl := range closers {
			_ = cl.Close()
		}
	}()
	if err != nil {
		return err
	}
	for e := range executors {
		policy.Engines = append(policy.Engines, e)
	}

	if _, err := s.resolveAccount(true); err != nil {
		return err
	}
	if err := s.requireGas(); err != nil {
		return err
	}
	// The node's stop lets running jobs finish for --grace; the rest bounds the others' stops.
	run := s.runner(nc.Grace + 30*time.Second)
	defer run.Stop()
	if err := s.startMetrics(nc.Metrics, log, run); err != nil {
		return err
	}
	if err := s.unlock(); err != nil {
		return err
	}
	s.settle = nil // writable now
	st, err := s.settlement()
	if err != nil {
		return err
	}
	var depth uint64 // the watcher counts blocks on top; the config counts the including block
	if s.cfg.Confirmations > 0 {
		depth = s.cfg.Confirmations - 1
	}
	// Deadlines and windows are the contracts', judged by block time, which can run ahead of
	// this machine's clock (a fresh devnet's does by seconds).
	chainClock, err := s.startChainClock(run)
	if err != nil {
		return err
	}
	nodeCfg, err := dishonest.Apply(node.Config{
		Clock:             chainClock,
		StepDelay:         stepDelay(nc.StepDelay),
		DataDir:           s.cfg.DataDir,
		Deployment:        fmt.Sprintf("%s/%s", s.chainID, s.dep.Market.Hex()),
		Settlement:        st,
		Events:            st,
		Confirmations:     depth,
		Finality:          s.eventFinality(),
		PollInterval:      time.Second,
		Executors:         executors,
		P2P:               p2p.Config{Identity: id, ListenAddrs: nc.Listen, Logger: log},
		Policy:            policy,
		WithdrawThreshold: threshold,
		GracePeriod:       nc.Grace,
		Logger:            log,
		AnnounceAddrs:     nc.Announce,
		Metrics:           s.nodeMetrics(),
	}, dishonest.Mode(nc.Dishonest))
	if err != nil {
		return badInput("--dishonest: %v", err)
	}
	n, err := node.New(nodeCfg)
	if err != nil {
		return badInput("%v", err)
	}
	// Beside the node, the claimer fetches trees over the node's host (so it starts after it).
	claimer, err := s.autoClaimer(claims, n.Host, chainClock, log)
	if err != nil {
		return err
	}
	if err := s.watchNode(n, st); err != nil {
		return err
	}
	if err := run.Start(s.ctx, n); err != nil {
		return err
	}
	if claimer != nil {
		if err := run.Start(s.ctx, claimer); err != nil {
			return err
		}
	}
	fmt.Fprintf(s.info, "Node running as %s, peer %s, engines %s; Ctrl-C stops it\n", s.showAccount(s.account), id.Peer, strings.Join(engineNames(executors), ","))
	for _, a := range n.Host().Addrs() {
		fmt.Fprintf(s.info, "  listening on %s\n", a)
	}
	return run.Wait(s.ctx, func() { fmt.Fprintln(s.info, "Stopping: finishing running jobs (up to the grace period)") })
}

// openExecutors opens the executors of the engines option (nodeRunConfig.Check knows them).
func openExecutors(ctx context.Context, nc *nodeRunConfig, id *identity.Identity, dataDir string, log *slog.Logger) (map[jobspec.Engine]executor.Executor, []io.Closer, error) {
	out := map[jobspec.Engine]executor.Executor{}
	var closers []io.Closer
	wcfg := wasm.Config{Logger: log}
	cacheSize, err := jobspec.ParseSize(nc.WasmCacheSize)
	if err != nil {
		return nil, nil, badInput("%s: %v", nc.from.name("wasm-cache-size"), err)
	}
	if cacheSize > 0 {
		wcfg.CacheDir, wcfg.CacheDirBytes = node.WasmCacheDir(dataDir), int64(min(cacheSize, 1<<62))
	}
	for _, e := range nc.Engines {
		switch e {
		case jobspec.EngineWasm:
			w, err := wasm.New(ctx, wcfg)
			if err != nil {
				return nil, closers, err
			}
			out[jobspec.EngineWasm], closers = w, append(closers, w)
		case jobspec.EngineDocker:
			d, err := docker.New(docker.Config{NodeID: id.Peer.String(), DisablePulls: nc.NoPull, Logger: log})
			if err != nil {
				return nil, closers, fmt.Errorf("docker engine: %w", err)
			}
			if n, err := d.Reconcile(ctx); err != nil {
				log.Warn("removing containers a crashed run left", "err", err)
			} else if n > 0 {
				log.Info("removed containers a crashed run left", "count", n)
			}
			out[jobspec.EngineDocker] = d
			if cl, ok := any(d).(io.Closer); ok {
				closers = append(closers, cl)
			}
		default:
			return nil, closers, badInput("%s: unknown engine %q (wasm, docker)", nc.from.name("engines"), e)
		}
	}
	return out, closers, nil
}

func engineNames(m map[jobspec.Engine]executor.Executor) []string {
	var out []string
	for e := range m {
		out = append(out, string(e))
	}
	return out
}

// stepDelay maps the --step-delay flag to node.Config.StepDelay, where zero means the default
// and a negative value turns the stagger off.
func stepDelay(d time.Duration) time.Duration {
	if d <= 0 {
		return -1
	}
	return d
}

// eventFinality is what holds the node's events back under a tag rule (--finality safe or
// finalized); nil under a depth rule, which the watcher's confirmation depth already is.
func (s *session) eventFinality() watch.Finality {
	if s.cfg.Finality.IsDepth() {
		return nil
	}
	return finality.New(s.client, s.cfg.Finality)
}
