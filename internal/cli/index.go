package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/audit/events"
	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/index"
)

// indexDSNEnv names a PostgreSQL index for `brine index` and `brine audit` (a DSN holds a
// password, so the environment is the place for it rather than a flag a process list shows).
const indexDSNEnv = "BRINE_INDEX_DSN"

func indexCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:      "index",
		Usage:     "follow the contracts' events into a database, and check the books at every block",
		ArgsUsage: " ",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "db", Usage: "SQLite database `PATH` (default <datadir>/index.db)"},
			&cli.StringFlag{Name: "dsn", Usage: "PostgreSQL `URL` instead of SQLite (postgres://user@host/db; better in $" + indexDSNEnv + ", which keeps its password out of process lists)"},
			&cli.BoolFlag{Name: "once", Usage: "index up to the settled head, print the summary and exit (default: follow until Ctrl-C)"},
			&cli.Uint64Flag{Name: "span", Usage: "at most `N` blocks per log request (default 2000; a node that refuses a range gets halves)"},
		},
		Description: `Follows the deployment named by the data directory (its deployment file) into a database:
every event of the market, registry and rewards contracts and the token's transfers into and
out of them, a row per job, and the books of docs/protocol.md after every block that touched
them. Only blocks --confirmations deep are indexed; the cursor keeps its block's hash, so a
reorganised chain is rewound and indexed again from the fork. Interrupted at any moment (even
kill -9), the next run resumes where the last committed page ended.

The books are checked at every block, not only at the head: if a contract ever held less than
it owed, the first such block is reported with the events around it and the command exits 3.
` + "`brine audit`" + ` reads its history from <datadir>/index.db (or $` + indexDSNEnv + `) when that index is
of this deployment, up to its cursor, and from the chain after it: same output, faster.

Example:
   brine index --once                        # backfill, print the books, exit
   brine index                               # keep following; Ctrl-C to stop
   BRINE_INDEX_DSN=postgres://brine@localhost/brine brine index --once --json`,
		Action: func(c *cli.Context) error { return runIndex(c, stdio) },
	}
}

// indexTarget is where the index lives: the flag, then the environment, then the data dir.
func (s *session) indexTarget(c *cli.Context) index.OpenConfig {
	if c != nil && c.String("dsn") != "" {
		return index.OpenConfig{DSN: c.String("dsn")}
	}
	if dsn := s.stdio.Getenv(indexDSNEnv); dsn != "" && (c == nil || !c.IsSet("db")) {
		return index.OpenConfig{DSN: dsn}
	}
	if c != nil && c.String("db") != "" {
		return index.OpenConfig{Path: expandHome(c.String("db"))}
	}
	return index.OpenConfig{Path: filepath.Join(s.cfg.DataDir, "index.db")}
}

func describeTarget(t index.OpenConfig) string {
	if t.DSN != "" {
		return "PostgreSQL"
	}
	return t.Path
}

func runIndex(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine index [--db PATH | --dsn URL] [--once]"); err != nil {
		return err
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
	db, ix, err := s.openIndex(c, target, !s.cfg.JSON)
	if err != nil {
		return err
	}
	defer db.Close()
	if c.Bool("once") {
		if _, err := ix.Sync(s.ctx); err != nil {
			return err
		}
		return s.indexSummary(db, target)
	}
	run := s.runner(30 * time.Second)
	defer run.Stop()
	fmt.Fprintf(s.info, "Indexing into %s; Ctrl-C to stop\n", describeTarget(target))
	if err := run.Start(s.ctx, ix); err != nil {
		return err
	}
	if err := run.Wait(s.ctx, func() { fmt.Fprintln(s.info, "Stopping the index") }); err != nil {
		return err
	}
	return s.indexSummary(db, target)
}

func (s *session) indexSummary(db *index.DB, target index.OpenConfig) error {
	st, err := db.Status(s.ctx, *s.dep.Addresses())
	if err != nil {
		return err
	}
	ls := s.ledgers(&audit.Report{Ledgers: st.Ledgers})
	out := map[string]any{"database": describeTarget(target), "block": st.Cursor.Block, "hash": st.Cursor.Hash, "events": st.Logs, "jobs": st.Jobs,
		"liveJobs": st.LiveJobs, "ledgers": ls, "heldAtEveryBlock": st.FirstBreak == nil}
	var brk map[string]any
	if st.FirstBreak != nil {
		if st.FirstBreak.Events == nil {
			st.FirstBreak.Events = []events.Event{}
		}
		brk = map[string]any{"block": st.FirstBreak.Block, "ledgers": s.ledgers(&audit.Report{Ledgers: st.FirstBreak.Ledgers}), "events": st.FirstBreak.Events}
		out["firstBreak"] = brk
	}
	if err := s.emit(out, func(w io.Writer) {
		fmt.Fprintf(w, "Indexed to block %d (%s) in %s: %d events, %d jobs (%d live)\n", st.Cursor.Block, st.Cursor.Hash.Hex(), describeTarget(target), st.Logs, st.Jobs, st.LiveJobs)
		fmt.Fprintln(w, "Books from events alone (holdings from the token's transfers):")
		printLedgers(w, ls)
		if st.FirstBreak == nil {
			fmt.Fprintln(w, "The books held at every block that touched them.")
			return
		}
		fmt.Fprintf(w, "FIRST BREAK at block %d:\n", st.FirstBreak.Block)
		printLedgers(w, brk["ledgers"].([]ledgerView))
		fmt.Fprintln(w, "Events up to it:")
		for _, e := range st.FirstBreak.Events {
			args := make([]string, 0, len(e.Args))
			for _, a := range e.Args {
				args = append(args, fmt.Sprintf("%s=%v", a.Name, a.Value))
			}
			fmt.Fprintf(w, "%d\t%s.%s\t%s\n", e.Block, e.Contract, e.Name, strings.Join(args, " "))
		}
	}); err != nil {
		return err
	}
	if st.FirstBreak != nil {
		return &exitError{code: ExitUnbalanced, err: fmt.Errorf("the books broke at block %d: a contract held less than it owed", st.FirstBreak.Block)}
	}
	return nil
}

// indexedHistory is the audit's history from the index when one of this deployment is there
// and its cursor's block is still on the chain: the blocks it holds from its database, the
// rest from the chain. nil (read the chain) otherwise; close releases the database.
func (s *session) indexedHistory() (src audit.LogSource, close func()) {
	none := func() {}
	target := s.indexTarget(nil)
	if target.DSN == "" {
		if _, err := os.Stat(target.Path); err != nil {
			return nil, none
		}
	}
	db, err := index.Open(s.ctx, target)
	if err != nil {
		s.log.Debug("not reading the index", "db", describeTarget(target), "err", err)
		return nil, none
	}
	skip := func(why string, err error) (audit.LogSource, func()) {
		s.log.Debug("not reading the index: "+why, "db", describeTarget(target), "err", err)
		db.Close()
		return nil, none
	}
	bound, err := index.BoundTo(s.ctx, db, s.chainID, *s.dep.Addresses())
	if err != nil || !bound {
		return skip("another deployment", err)
	}
	cur, err := db.Cursor(s.ctx)
	if err != nil || !cur.Set {
		return skip("nothing indexed", err)
	}
	h, err := s.client.HeaderByNumber(s.ctx, new(big.Int).SetUint64(cur.Block))
	if err != nil || h.Hash() != cur.Hash {
		return skip("its cursor's block left the chain (a reorg the index has not followed yet)", err)
	}
	s.log.Debug("reading history from the index", "db", describeTarget(target), "to", cur.Block)
	return func(ctx context.Context, contracts []common.Address, from, to uint64) ([]types.Log, error) {
		if from > cur.Block {
			return audit.FetchLogs(ctx, s.client, contracts, from, to)
		}
		logs, err := db.Logs(ctx, contracts, from, min(to, cur.Block))
		if err != nil || to <= cur.Block {
			return logs, err
		}
		rest, err := audit.FetchLogs(ctx, s.client, contracts, cur.Block+1, to)
		if err != nil {
			return nil, err
		}
		return append(logs, rest...), nil
	}, func() { db.Close() }
}

// openIndex opens the index at target and an indexer over the deployment that waits for the
// chain's --finality rule; progress lines go to the info stream (only the last when quiet).
// `brine index` and `brine explorer` both index this way.
func (s *session) openIndex(c *cli.Context, target index.OpenConfig, chatty bool) (*index.DB, *index.Indexer, error) {
	if err := target.Check(); err != nil {
		return nil, nil, badInput("%v", err)
	}
	db, err := index.Open(s.ctx, target)
	if errors.Is(err, index.ErrNewerSchema) {
		return nil, nil, badInput("%v", err)
	}
	if err != nil {
		return nil, nil, err
	}
	var last time.Time
	progress := func(p index.Progress) {
		if p.To != p.Settled && (!chatty || time.Since(last) < time.Second) {
			return
		}
		last = time.Now()
		fmt.Fprintf(s.info, "indexed blocks to %d of %d (%d events in the last page)\n", p.To, p.Settled, p.Logs)
	}
	ix, err := index.New(s.ctx, index.Config{Chain: s.client, DB: db, Addresses: *s.dep.Addresses(), ChainID: s.chainID,
		Tip: index.Final{Source: finality.New(s.client, s.cfg.Finality)}, Span: c.Uint64("span"), Poll: s.cfg.PollInterval * 4,
		Log: s.log, Progress: progress})
	if errors.Is(err, index.ErrOtherDeployment) {
		db.Close()
		return nil, nil, badInput("%s indexes another chain or deployment: pass another --db, or remove it to start over", describeTarget(target))
	}
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, ix, nil
}
