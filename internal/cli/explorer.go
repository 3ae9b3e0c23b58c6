package cli

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/explorer"
	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/settlement"
)

func explorerCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:      "explorer",
		Usage:     "index the chain and serve it read-only: a JSON API and web pages",
		ArgsUsage: " ",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "listen", Value: explorer.DefaultListen, Usage: "serve on `HOST:PORT` (a loopback port by default; 0.0.0.0:PORT to expose it)"},
			&cli.StringFlag{Name: "db", Usage: "SQLite database `PATH` (default <datadir>/index.db, the one `brine index` writes)"},
			&cli.StringFlag{Name: "dsn", Usage: "PostgreSQL `URL` instead of SQLite (better in $" + indexDSNEnv + ")"},
			&cli.Uint64Flag{Name: "span", Usage: "at most `N` blocks per log request while indexing (default 2000)"},
			&cli.StringFlag{Name: "canary-client", Usage: "the prober's client `ADDRESS`: its jobs are shown as canary runs"},
			&cli.BoolFlag{Name: "fetch-reasons", Usage: "ask an ended job's provider's node (over libp2p, as `brine job status` does) why it failed, when its page is opened; answers are kept in the index"},
		},
		Description: `Runs the index (the same as ` + "`brine index`" + `, into the same database) and serves what it holds,
read-only, on --listen: web pages (overview with charts, jobs and their timelines, providers,
challenges and their panels' votes, uptime epochs as a heat map, canaries, the books) and the
JSON API they are drawn from, described at /openapi.json. The pages need no script and no
network beyond the explorer itself. Only GET and HEAD are answered; every query is bounded.

The chain is the one the data directory's deployment file names, as for every command.
While it backfills, progress goes to stderr; Ctrl-C stops the server, then the index.

With --fetch-reasons it also runs a libp2p host (a throwaway key) and asks the node of an ended
job's provider for its reason when the job is shown: at most 4 nodes at once, 4 s each, each
answer kept in the index so no node is asked twice; without it a job's failure reason is not
known here.

Example:
   brine explorer                                   # http://127.0.0.1:8547/
   brine explorer --fetch-reasons                   # and ask providers' nodes why jobs failed
   brine explorer --listen 0.0.0.0:8080 --canary-client 0xC1e...   # exposed, with canaries
   curl -s http://127.0.0.1:8547/api/jobs?status=challenged | jq '.jobs[].id'`,
		Action: func(c *cli.Context) error { return runExplorer(c, stdio) },
	}
}

func runExplorer(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine explorer [--listen HOST:PORT] [--db PATH | --dsn URL]"); err != nil {
		return err
	}
	var canary *common.Address
	if v := c.String("canary-client"); v != "" {
		if !common.IsHexAddress(v) {
			return badInput("--canary-client %q is not a 0x address", v)
		}
		a := common.HexToAddress(v)
		canary = &a
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.openToken(); err != nil {
		return err
	}
	target := s.indexTarget(c)
	srvCfg := explorer.Config{Addresses: *s.dep.Addresses(), ChainID: s.chainID, Listen: c.String("listen"), CanaryClient: canary, Log: s.log}
	db, ix, err := s.openIndex(c, target, true)
	if err != nil {
		return err
	}
	defer db.Close()
	times, err := explorer.NewTimes(explorer.TimesConfig{DB: db, Chain: s.client, Poll: s.cfg.PollInterval * 4, Log: s.log})
	if err != nil {
		return err
	}
	srvCfg.DB = db
	services := []interface {
		Start(ctx context.Context) error
		Stop(ctx context.Context) error
	}{ix, times}
	if c.Bool("fetch-reasons") {
		st, err := s.settlement()
		if err != nil {
			return err
		}
		h, err := s.askingHost()
		if err != nil {
			return err
		}
		services = append(services, h)
		srvCfg.Reasons = nodeReasons{host: h, dir: st}
	}
	srv, err := explorer.New(srvCfg)
	if err != nil {
		return badInput("%v", err) // the one thing it checks that a user gives: --listen
	}
	run := s.runner(30 * time.Second)
	defer run.Stop()
	// The index first (a backfill is reported as it goes), then the times, the host that asks
	// nodes, then the server: stopped in reverse, the server lets its requests finish before
	// the host and the database close.
	fmt.Fprintf(s.info, "Indexing into %s\n", describeTarget(target))
	for _, svc := range append(services, srv) {
		if err := run.Start(s.ctx, svc); err != nil {
			return err
		}
	}
	fmt.Fprintf(s.info, "Explorer at http://%s/ (JSON: /api/..., described at /openapi.json); Ctrl-C to stop\n", srv.Addr())
	return run.Wait(s.ctx, func() { fmt.Fprintln(s.info, "Stopping the explorer") })
}

// nodeReasons asks an ended job's provider's node for its record of the job, as `brine job
// status` does: its reason, or, when its result was a failure record, how the program failed.
type nodeReasons struct {
	host *p2p.Host
	dir  providers.Directory
}

func (r nodeReasons) FailureReason(ctx context.Context, j index.Job) (string, error) {
	id, err := strconv.ParseUint(j.ID, 10, 64)
	if err != nil {
		return "", fmt.Errorf("job ID %q: %w", j.ID, err)
	}
	st, err := providers.FetchJobStatus(ctx, r.host, r.dir, settlement.Job{ID: settlement.JobID(id), Provider: j.Provider})
	if err != nil {
		return "", err
	}
	if st.Reason != "" {
		return st.Reason, nil
	}
	return st.Failure, nil
}
