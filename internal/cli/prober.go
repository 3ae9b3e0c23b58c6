package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/incentives/prober"
	"github.com/brine-compute/brine/incentives/trees"
	"github.com/brine-compute/brine/internal/lifecycle"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
)

// DefaultProberHTTP is where `brine prober run` serves its trees unless told otherwise.
const DefaultProberHTTP = "127.0.0.1:8547"

func proberCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "prober",
		Usage: "run an uptime prober: the reporter that measures providers' uptime and posts rewards roots",
		Description: `A prober is an uptime reporter of the UptimeRewards contract: it probes providers' nodes,
and after each epoch posts the root of a Merkle tree of what each earned and publishes the tree
(docs/incentives.md). Governance appoints reporters; several run independently, each paying at
most its share.

Example:
   brine prober run --account 0xReporter --interval 30s`,
		Subcommands: []*cli.Command{{
			Name:      "run",
			Usage:     "probe providers' nodes, post each ended epoch's rewards root, publish the trees",
			ArgsUsage: " ",
			Flags:     proberRunFlags(),
			Description: `Runs an uptime prober as the account, which must be a reporter of the UptimeRewards contract
(appointed by its governance). Until SIGINT or SIGTERM, every --interval (plus up to --jitter)
it probes each active provider's node over libp2p with a fresh signed challenge, and records
every probe in <datadir>/prober/<account>/probes.db. When an epoch ends it computes each
provider's amount (floor(rewardPerProvider / reporters × answered / probed), within this
reporter's share of the epoch's budget; docs/incentives.md), builds the Merkle tree, posts its
root through the account's transaction manager, and publishes the tree over HTTP
(GET /trees/<epoch>.json on --http) and libp2p (/brine/rewards-tree/1.0.0). A restart keeps the
probes and never posts an epoch twice.

The prober's libp2p key is <datadir>/prober/<account>/identity.key (not the node's). While it
runs, <datadir>/prober/<account>/endpoint.json tells provider software with the same data
directory where the trees are ('brine node run' and 'brine rewards' read it); others pass
--prober with the URL or multiaddr it prints. Logs go to stderr.

With --metrics-addr it serves Prometheus metrics (probes by provider, posted roots, canaries,
transactions, balances; docs/operations.md) at GET /metrics. With --canary-interval it also
submits the --canary-spec job as a client every interval and records whether it settled end to
end (accepted, run, result fetched and verified, finalized) within --canary-deadline; the first
failure of an incident and the recovery are POSTed to the Slack-compatible webhook
$BRINE_CANARY_WEBHOOK (or --canary-webhook) as {"text": ...}. Canary jobs are paid by the
account.

Every option can also be set by $BRINE_PROBER_<OPTION> (BRINE_PROBER_INTERVAL=30s; lists
comma-separated) or in the [prober] section of the config file (--config; docs/operations.md,
"Configuration"), flags first; the webhook also by $BRINE_CANARY_WEBHOOK.

Example:
   brine prober run --account 0xReporter --interval 30s --http 0.0.0.0:8547 --listen /ip4/0.0.0.0/tcp/4002
   BRINE_CANARY_WEBHOOK=https://hooks.slack.com/services/... brine prober run --metrics-addr 127.0.0.1:9465 \
       --canary-interval 10m --canary-spec canary.yaml --canary-module greet.wasm`,
			Action: func(c *cli.Context) error { return proberRun(c, stdio) },
		}},
	}
}

// proberRunFlags are the options of `brine prober run`, canaries' included; each is also a
// key of the config file's [prober] section (proberRunConfig).
func proberRunFlags() []cli.Flag {
	return append([]cli.Flag{
		&cli.DurationFlag{Name: "interval", Value: time.Minute, Usage: "time between probe rounds"},
		&cli.DurationFlag{Name: "jitter", Value: 15 * time.Second, Usage: "random extra time added to each interval, so nodes cannot predict probes"},
		&cli.DurationFlag{Name: "probe-timeout", Value: 10 * time.Second, Usage: "how long one node has to answer a probe"},
		&cli.Uint64Flag{Name: "min-uptime-bps", Usage: "providers below this uptime (basis points, 10000 = 100%) earn nothing in an epoch; 0: pay by uptime alone"},
		&cli.StringFlag{Name: "http", Value: DefaultProberHTTP, Usage: "`HOST:PORT` serving GET /trees/<epoch>.json (port 0: any; 'off': no HTTP)"},
		&cli.StringSliceFlag{Name: "listen", Value: cli.NewStringSlice(p2p.DefaultListenAddrs...), Usage: "libp2p listen `MULTIADDR` (probes go out, trees are served over /brine/rewards-tree/1.0.0); repeat"},
		metricsAddrFlag(),
		pprofFlag(),
	}, canaryFlags()...)
}

func proberRun(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine prober run [flags]"); err != nil {
		return err
	}
	cfg, err := loadConfig(c, stdio.Getenv)
	if err != nil {
		return err
	}
	pc, err := loadProberRunConfig(cfg)
	if err != nil {
		return err
	}
	if err := pc.Check(); err != nil {
		return err
	}
	canaries, err := pc.Canary.setup()
	if err != nil {
		return err
	}
	interval, jitter, timeout, httpAddr := pc.Interval, pc.Jitter, pc.ProbeTimeout, pc.httpAddr()
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

	if _, err := s.resolveAccount(true); err != nil {
		return err
	}
	ro, err := s.rewards(false)
	if err != nil {
		return err
	}
	since, err := ro.ReporterSince(s.ctx, s.account)
	if err != nil {
		return err
	}
	if since.IsZero() {
		owner, _ := ro.Owner(s.ctx)
		return badInput("%s is not a reporter of the rewards contract %s: its governance must appoint it first (brine rewards add-reporter --account %s %s, i.e. UptimeRewards.addReporter), or pass --account of a reporter",
			s.account.Hex(), s.dep.Rewards.Hex(), owner.Hex(), s.account.Hex())
	}
	if err := s.requireGas(); err != nil {
		return err
	}
	run := s.runner(proberGrace)
	defer run.Stop()
	if err := s.startMetrics(pc.Metrics, log, run); err != nil {
		return err
	}
	if err := s.unlock(); err != nil {
		return err
	}
	rw, err := s.rewards(true)
	if err != nil {
		return err
	}
	st, err := s.settlement()
	if err != nil {
		return err
	}
	if err := s.watchAccount(st, false); err != nil {
		return err
	}
	perProvider, err := rw.RewardPerProvider(s.ctx)
	if err != nil {
		return err
	}
	reporters, err := rw.ReporterCount(s.ctx)
	if err != nil {
		return err
	}

	dir := trees.ProberDir(s.cfg.DataDir, s.account)
	id, created, err := identity.LoadOrCreate(filepath.Join(dir, "identity.key"))
	if err != nil {
		return err
	}
	if created {
		fmt.Fprintf(s.info, "Created the prober's libp2p key %s (peer %s)\n", filepath.Join(dir, "identity.key"), id.Peer)
	}
	store, err := prober.OpenStore(filepath.Join(dir, "probes.db"))
	if err != nil {
		if errors.Is(err, prober.ErrLocked) {
			return badInput("another prober of %s runs with the data directory %s (its database %s is locked): stop it, or use another --datadir",
				s.account.Hex(), s.cfg.DataDir, filepath.Join(dir, "probes.db"))
		}
		return err
	}
	_ = run.Start(s.ctx, lifecycle.Funcs{OnStop: func(context.Context) error { store.Close(); return nil }})

	host, err := p2p.New(p2p.Config{Identity: id, ListenAddrs: pc.Listen, DisableProbe: true, Trees: store, Logger: log})
	if err != nil {
		return badInput("%v", err)
	}
	if err := run.Start(s.ctx, quietStop{Service: host}); err != nil {
		return fmt.Errorf("prober: libp2p host: %w", err)
	}

	// Epochs are the contract's, which counts them by block time: a prober on the wall clock
	// behind a chain that runs ahead (a dev chain's often does) would record probes in an epoch
	// the chain already ended, and close epochs late.
	chainClock, err := s.startChainClock(run)
	if err != nil {
		return err
	}
	rounds := &roundLog{dir: prober.RegistryDirectory{Lister: st}, probe: prober.HostProbe(host), log: log, clock: chainClock, epochOf: func(t time.Time) uint64 {
		if t.Before(rw.Genesis) {
			return 0
		}
		return uint64(t.Sub(rw.Genesis) / rw.EpochLength)
	}}
	p, err := prober.New(prober.Config{
		Poster:            rw,
		Directory:         rounds,
		Probe:             rounds.Probe,
		Store:             store,
		ChainID:           s.chainID,
		Rewards:           s.dep.Rewards,
		Reporter:          s.account,
		Genesis:           rw.Genesis,
		EpochLength:       rw.EpochLength,
		RewardPerProvider: perProvider,
		Reporters:         uint64(reporters),
		MinUptimeBps:      pc.MinUptimeBps,
		Terms:             rw,
		Interval:          interval,
		Jitter:            jitter,
		ProbeTimeout:      timeout,
		HTTPAddr:          httpAddr,
		Logger:            log,
		Metrics:           s.proberMetrics(),
		Clock:             chainClock,
	})
	if err != nil {
		return badInput("%v", err)
	}
	if err := run.Start(s.ctx, quietStop{Service: p, onErr: func(err error) { log.Warn("stopping the prober", "err", err) }}); err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return badInput("%s %s is in use (another prober?): pass --http HOST:PORT (port 0: any), or --http off", pc.from.name("http"), httpAddr)
		}
		return err
	}
	if err := s.startCanary(canaries, st, log, run); err != nil {
		return err
	}

	ep := trees.Endpoint{Reporter: s.account, PID: os.Getpid()}
	if a := p.HTTPAddr(); a != "" {
		ep.HTTP = "http://" + a
	}
	addrs, _ := peer.AddrInfoToP2pAddrs(&peer.AddrInfo{ID: host.ID(), Addrs: host.AddrInfo().Addrs})
	for _, a := range addrs {
		ep.Addrs = append(ep.Addrs, a.String())
	}
	if err := trees.WriteEndpoint(s.cfg.DataDir, ep); err != nil {
		return fmt.Errorf("prober: endpoint file: %w", err)
	}
	_ = run.Start(s.ctx, lifecycle.Funcs{OnStop: func(context.Context) error { trees.RemoveEndpoint(s.cfg.DataDir, s.account); return nil }})

	fmt.Fprintf(s.info, "Prober running as %s (reporter since %s, 1 of %d), peer %s; epochs of %s; probing every %s (+ up to %s); Ctrl-C stops it\n",
		s.account.Hex(), fmtTime(since), reporters, id.Peer, rw.EpochLength, interval, jitter)
	if ep.HTTP != "" {
		fmt.Fprintf(s.info, "  trees over HTTP:   %s/trees/<epoch>.json\n", ep.HTTP)
	}
	for _, a := range ep.Addrs {
		fmt.Fprintf(s.info, "  trees over libp2p: %s\n", a)
	}
	return run.Wait(s.ctx, func() { fmt.Fprintln(s.info, "Stopping the prober") })
}

// proberGrace bounds the stop of `brine prober run` (the prober's own stop had 30 s, its host
// and canary 10 s each).
const proberGrace = 45 * time.Second

// roundLog is the prober's Directory and ProbeFunc with a line of progress per round: how
// many providers the last round probed and how many answered.
type roundLog struct {
	dir     prober.Directory
	probe   prober.ProbeFunc
	log     *slog.Logger
	clock   clock.Clock
	epochOf func(time.Time) uint64

	mu               sync.Mutex
	round            int
	epoch            uint64
	probed, answered atomic.Int64
	providers        int
}

// ActiveProviders implements prober.Directory: a round starts.
func (r *roundLog) ActiveProviders(ctx context.Context) ([]prober.Provider, error) {
	r.mu.Lock()
	if r.round > 0 {
		r.log.Info("probe round", "round", r.round, "epoch", r.epoch, "providers", r.providers, "answered", r.answered.Load(), "probed", r.probed.Load())
	}
	r.round++
	r.epoch = r.epochOf(r.clock.Now())
	r.probed.Store(0)
	r.answered.Store(0)
	r.mu.Unlock()
	ps, err := r.dir.ActiveProviders(ctx)
	r.mu.Lock()
	r.providers = len(ps)
	r.mu.Unlock()
	return ps, err
}

// Probe implements prober.ProbeFunc (the prober verifies the signature again itself).
func (r *roundLog) Probe(ctx context.Context, info peer.AddrInfo, req p2p.ProbeRequest) ([]byte, error) {
	r.probed.Add(1)
	sig, err := r.probe(ctx, info, req)
	if err == nil {
		r.answered.Add(1)
	}
	return sig, err
}
