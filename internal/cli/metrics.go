package cli

import (
	"fmt"
	"log/slog"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/chain/txmgr"
	"github.com/brine-compute/brine/incentives/prober"
	"github.com/brine-compute/brine/internal/lifecycle"
	"github.com/brine-compute/brine/metrics"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/settlement"
)

// metricsAddrFlag is --metrics-addr of the daemons (brine node run, brine prober run).
func metricsAddrFlag() cli.Flag {
	return &cli.StringFlag{Name: "metrics-addr", Usage: "serve Prometheus metrics at GET /metrics on `HOST:PORT` (port 0: any; docs/operations.md); default: none"}
}

// pprofFlag is --pprof of the daemons: the Go runtime's profiles beside the metrics.
func pprofFlag() cli.Flag {
	return &cli.BoolFlag{Name: "pprof", Usage: "also serve Go runtime profiles (net/http/pprof) at /debug/pprof/ on --metrics-addr; never on a public address (docs/operations.md)"}
}

// startMetrics serves the registry the daemon's parts report to at --metrics-addr (nothing
// without it), as a service of r. It runs before unlock, so that the account's transaction
// manager reports too.
func (s *session) startMetrics(m daemonMetrics, log *slog.Logger, r *lifecycle.Runner) error {
	addr := m.Addr
	if addr == "" {
		return nil
	}
	reg := metrics.NewRegistry()
	srv, err := metrics.NewServer(metrics.ServerConfig{Addr: addr, Registry: reg, Logger: log, Profiling: m.Pprof})
	if err != nil {
		return badInput("--metrics-addr: %v", err)
	}
	if err := r.Start(s.ctx, quietStop{Service: srv}); err != nil {
		return badInput("--metrics-addr: %v (another process listens there? pick another port, or 0 for any)", err)
	}
	s.metrics = reg
	fmt.Fprintf(s.info, "Metrics at http://%s/metrics\n", srv.Addr())
	if m.Pprof {
		fmt.Fprintf(s.info, "Profiles at http://%s/debug/pprof/ (keep this address private)\n", srv.Addr())
	}
	return nil
}

// txMetrics is what the account's transaction manager reports to (nil: no metrics).
func (s *session) txMetrics(account common.Address) txmgr.Metrics {
	if s.metrics == nil {
		return nil
	}
	return metrics.NewTx(s.metrics).For(account)
}

// watchInFlight reports the unlocked account's transactions in flight.
func (s *session) watchInFlight() {
	if s.metrics != nil && s.sender != nil {
		metrics.NewTx(s.metrics).For(s.account).WatchInFlight(s.sender.Manager.InFlight)
	}
}

// watchAccount reports the account's balances (and, for a provider, its stake) at each scrape.
func (s *session) watchAccount(st settlement.Reader, provider bool) error {
	if s.metrics == nil {
		return nil
	}
	if err := s.openToken(); err != nil {
		return err
	}
	metrics.NewAccount(s.metrics, s.account, s.token.Decimals, metrics.ChainAccount(s.client, s.token, st, s.account, provider))
	return nil
}

// nodeMetrics is node.Config.Metrics (nil without --metrics-addr).
func (s *session) nodeMetrics() node.Metrics {
	if s.metrics == nil {
		return nil
	}
	return metrics.NewNode(s.metrics)
}

// watchNode reports the node's jobs by state from its store, and the provider's account.
func (s *session) watchNode(n *node.Node, st settlement.Reader) error {
	if s.metrics == nil {
		return nil
	}
	metrics.NewNode(s.metrics).WatchJobs(n.JobCounts)
	return s.watchAccount(st, true)
}

// proberMetrics is prober.Config.Metrics (nil without --metrics-addr).
func (s *session) proberMetrics() prober.Metrics {
	if s.metrics == nil {
		return nil
	}
	decimals := uint8(18) // watchAccount opened the token first
	if s.token != nil {
		decimals = s.token.Decimals
	}
	return metrics.NewProber(s.metrics, decimals)
}
