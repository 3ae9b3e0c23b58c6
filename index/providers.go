package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Each provider's running sums (schema 3): what it earned, its stake, unbonding and slashed
// amounts and how often it was slashed (provider_stats), and its jobs by status
// (provider_jobs). The writer keeps them in the transaction that stores the events, so a
// provider's page reads one row and a few, not every event it ever had; a rewind takes the
// dropped blocks' events back out of them, a rebuild recomputes them.

// statEvents are the events the sums are made of.
var statEvents = []string{"JobFinalized", "Staked", "Unstaked", "StakeWithdrawn", "Slashed"}

// providerSums is one provider_stats row as the writer changes it.
type providerSums struct {
	earned, staked, unbonding, slashed *big.Int
	slashes                            int64
	events                             int64 // the stat events summed: the row goes when none is left (a rewind took them out)
}

// jobCount is a provider_jobs key.
type jobCount struct {
	provider common.Address
	status   string
}

// stat adds (sign 1) or takes out (sign -1) one log's part of its provider's sums. The
// amounts are the data's first two words: JobFinalized(id, provider, paid, fee),
// Staked/Unstaked/StakeWithdrawn(provider, amount, ...), Slashed(provider, amount,
// fromUnbonding, to).
func (w *writer) stat(ctx context.Context, l *types.Log, event string, sign int64) error {
	var provider common.Address
	switch {
	case event == "JobFinalized" && l.Address == w.books.addrs.Market && len(l.Topics) == 3:
		provider = common.BytesToAddress(l.Topics[2].Bytes())
	case l.Address == w.books.addrs.Registry && len(l.Topics) >= 2 && (event == "Staked" || event == "Unstaked" || event == "StakeWithdrawn" || event == "Slashed"):
		provider = common.BytesToAddress(l.Topics[1].Bytes())
	default:
		return nil
	}
	word := func(i int) *big.Int {
		v := new(big.Int)
		if len(l.Data) >= 32*(i+1) {
			v.SetBytes(l.Data[32*i : 32*(i+1)])
		}
		if sign < 0 {
			v.Neg(v)
		}
		return v
	}
	s, err := w.sums(ctx, provider)
	if err != nil {
		return err
	}
	amount := word(0)
	switch event {
	case "JobFinalized":
		s.earned.Add(s.earned, amount)
	case "Staked":
		s.staked.Add(s.staked, amount)
	case "Unstaked":
		s.staked.Sub(s.staked, amount)
		s.unbonding.Add(s.unbonding, amount)
	case "StakeWithdrawn":
		s.unbonding.Sub(s.unbonding, amount)
	case "Slashed":
		fromUnbonding := word(1)
		s.staked.Sub(s.staked, new(big.Int).Sub(amount, fromUnbonding))
		s.unbonding.Sub(s.unbonding, fromUnbonding)
		s.slashed.Add(s.slashed, amount)
		s.slashes += sign
	}
	s.events += sign
	return nil
}

// sums is a provider's row as this transaction has it, read on its first use.
func (w *writer) sums(ctx context.Context, a common.Address) (*providerSums, error) {
	if s, ok := w.provs[a]; ok {
		return s, nil
	}
	s := &providerSums{earned: new(big.Int), staked: new(big.Int), unbonding: new(big.Int), slashed: new(big.Int)}
	var earned, staked, unbonding, slashed string
	err := w.tx.QueryRowContext(ctx, w.db.q(`SELECT earned, staked, unbonding, slashed, slashes, events FROM provider_stats WHERE provider = ?`), w.hex(a)).
		Scan(&earned, &staked, &unbonding, &slashed, &s.slashes, &s.events)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, fmt.Errorf("index: the sums of %s: %w", a.Hex(), err)
	default:
		for _, f := range []struct {
			v *big.Int
			s string
		}{{s.earned, earned}, {s.staked, staked}, {s.unbonding, unbonding}, {s.slashed, slashed}} {
			if _, ok := f.v.SetString(f.s, 10); !ok {
				return nil, fmt.Errorf("index: the sums of %s hold %q, not a number", a.Hex(), f.s)
			}
		}
	}
	w.provs[a] = s
	return s, nil
}

// countJobs takes the transaction's changed jobs out of the counts of the status their rows
// had and into those of their new status.
func (w *writer) countJobs() {
	for _, j := range w.books.dirty {
		if j.rowSet && j.rowProvider == j.Provider && j.rowStatus == j.Status {
			continue
		}
		if j.rowSet {
			w.jobCounts[jobCount{j.rowProvider, j.rowStatus}]--
		}
		w.jobCounts[jobCount{j.Provider, j.Status}]++
		j.rowSet, j.rowProvider, j.rowStatus = true, j.Provider, j.Status
	}
}

// flushStats writes the sums and counts the transaction changed.
func (w *writer) flushStats(ctx context.Context) error {
	for a, s := range w.provs {
		var err error
		if s.events == 0 {
			err = w.exec(ctx, `DELETE FROM provider_stats WHERE provider = ?`, w.hex(a))
		} else {
			err = w.exec(ctx, `INSERT INTO provider_stats (provider, earned, staked, unbonding, slashed, slashes, events) VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (provider) DO UPDATE SET earned = excluded.earned, staked = excluded.staked, unbonding = excluded.unbonding,
				slashed = excluded.slashed, slashes = excluded.slashes, events = excluded.events`,
				w.hex(a), s.earned.String(), s.staked.String(), s.unbonding.String(), s.slashed.String(), s.slashes, s.events)
		}
		if err != nil {
			return fmt.Errorf("index: the sums of %s: %w", a.Hex(), err)
		}
	}
	clear(w.provs)
	for k, n := range w.jobCounts {
		if n == 0 {
			continue
		}
		if err := w.exec(ctx, `INSERT INTO provider_jobs (provider, status, jobs) VALUES (?, ?, ?)
			ON CONFLICT (provider, status) DO UPDATE SET jobs = provider_jobs.jobs + excluded.jobs`, w.hex(k.provider), k.status, n); err != nil {
			return fmt.Errorf("index: the jobs of %s: %w", k.provider.Hex(), err)
		}
		if n < 0 {
			if err := w.exec(ctx, `DELETE FROM provider_jobs WHERE provider = ? AND status = ? AND jobs = 0`, w.hex(k.provider), k.status); err != nil {
				return fmt.Errorf("index: the jobs of %s: %w", k.provider.Hex(), err)
			}
		}
	}
	clear(w.jobCounts)
	return nil
}

// unstatAfter takes out of the sums and counts what the blocks after `to` put in them, before
// a rewind drops those blocks: their stat events, and the rows of the jobs they changed (a job
// posted after `to` goes; one posted before it is replayed and counted again as it was).
func (w *writer) unstatAfter(ctx context.Context, to uint64) error {
	err := w.db.scanEvents(ctx, w.tx, statEvents, to+1, math.MaxInt64, func(l types.Log) error {
		_, event := w.books.eventName(&l)
		return w.stat(ctx, &l, event, -1)
	})
	if err != nil {
		return err
	}
	return w.countStoredJobs(ctx, `WHERE last_block > ?`, -1, int64(to))
}

// countStoredJobs adds sign times the stored jobs the clause selects to the counts.
func (w *writer) countStoredJobs(ctx context.Context, where string, sign int64, args ...any) error {
	rows, err := w.tx.QueryContext(ctx, w.db.q(`SELECT provider, status, COUNT(*) FROM jobs `+where+` GROUP BY provider, status`), args...)
	if err != nil {
		return fmt.Errorf("index: counting jobs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var provider, status string
		var n int64
		if err := rows.Scan(&provider, &status, &n); err != nil {
			return fmt.Errorf("index: counting jobs: %w", err)
		}
		w.jobCounts[jobCount{common.HexToAddress(provider), status}] += sign * n
	}
	return rows.Err()
}

// fillStats computes schema 3's sums and counts from what a database of schema 2 stores, in
// the migration's transaction.
func (db *DB) fillStats(ctx context.Context, tx *sql.Tx) error {
	addrs, err := db.addrs(ctx, tx)
	if err != nil {
		return err
	}
	bk, err := newBooks(addrs)
	if err != nil {
		return err
	}
	w := &writer{db: db, tx: tx, stmts: map[string]*sql.Stmt{}, hexes: map[common.Address]string{}, books: bk,
		provs: map[common.Address]*providerSums{}, jobCounts: map[jobCount]int64{}}
	defer w.closeStmts()
	err = db.scanEvents(ctx, tx, statEvents, 0, math.MaxInt64, func(l types.Log) error {
		_, event := bk.eventName(&l)
		return w.stat(ctx, &l, event, 1)
	})
	if err != nil {
		return err
	}
	if err := w.countStoredJobs(ctx, ``, 1); err != nil {
		return err
	}
	return w.flushStats(ctx)
}

// ProviderSums is a provider's running sums (decimal base units) and its jobs by status.
type ProviderSums struct {
	Earned, Staked, Unbonding, Slashed string
	Slashes                            int64
	Jobs                               map[string]int64
	Found                              bool // the index holds a stake move, a payment or a job of it
}

// SumsOf reads a provider's sums: two keyed reads, however long its history.
func (db *DB) SumsOf(ctx context.Context, a common.Address) (ProviderSums, error) {
	s := ProviderSums{Earned: "0", Staked: "0", Unbonding: "0", Slashed: "0", Jobs: map[string]int64{}}
	err := db.sql.QueryRowContext(ctx, db.q(`SELECT earned, staked, unbonding, slashed, slashes FROM provider_stats WHERE provider = ?`), a.Hex()).
		Scan(&s.Earned, &s.Staked, &s.Unbonding, &s.Slashed, &s.Slashes)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return s, fmt.Errorf("index: reading the sums of %s: %w", a.Hex(), err)
	default:
		s.Found = true
	}
	rows, err := db.sql.QueryContext(ctx, db.q(`SELECT status, jobs FROM provider_jobs WHERE provider = ?`), a.Hex())
	if err != nil {
		return s, fmt.Errorf("index: reading the jobs of %s: %w", a.Hex(), err)
	}
	defer rows.Close()
	for rows.Next() {
		var status string
		var n int64
		if err := rows.Scan(&status, &n); err != nil {
			return s, fmt.Errorf("index: reading the jobs of %s: %w", a.Hex(), err)
		}
		s.Jobs[status], s.Found = n, true
	}
	return s, rows.Err()
}
