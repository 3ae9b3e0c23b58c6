package index

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/deploy"
)

// Cursor is the last block indexed and its hash. Block 0 with an empty hash: nothing yet.
type Cursor struct {
	Block uint64      `json:"block"`
	Hash  common.Hash `json:"hash"`
	Set   bool        `json:"-"`
}

// Cursor reads the cursor.
func (db *DB) Cursor(ctx context.Context) (Cursor, error) {
	var c Cursor
	var hash string
	err := db.sql.QueryRowContext(ctx, `SELECT block, hash FROM index_cursor WHERE id = 1`).Scan(&c.Block, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return Cursor{}, nil
	}
	if err != nil {
		return Cursor{}, fmt.Errorf("index: reading the cursor: %w", err)
	}
	c.Hash, c.Set = common.HexToHash(hash), true
	return c, nil
}

func (db *DB) setCursor(ctx context.Context, tx *sql.Tx, c Cursor) error {
	_, err := tx.ExecContext(ctx, db.q(`INSERT INTO index_cursor (id, block, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET block = excluded.block, hash = excluded.hash`), c.Block, c.Hash.Hex())
	if err != nil {
		return fmt.Errorf("index: writing the cursor: %w", err)
	}
	return nil
}

// Meta reads one value of the meta table ("" when absent).
func (db *DB) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := db.sql.QueryRowContext(ctx, db.q(`SELECT value FROM meta WHERE key = ?`), key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("index: reading %s: %w", key, err)
	}
	return v, nil
}

func (db *DB) setMeta(ctx context.Context, key, value string) error {
	_, err := db.sql.ExecContext(ctx, db.q(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`), key, value)
	if err != nil {
		return fmt.Errorf("index: writing %s: %w", key, err)
	}
	return nil
}

// Logs returns the stored logs of the given contracts in blocks from..to, in chain order:
// the same logs eth_getLogs returned for them, so a reader replays them as the chain's.
func (db *DB) Logs(ctx context.Context, contracts []common.Address, from, to uint64) ([]types.Log, error) {
	want := map[string]bool{}
	for _, a := range contracts {
		want[a.Hex()] = true
	}
	var out []types.Log
	err := db.scanLogs(ctx, db.sql, from, to, func(l types.Log) error {
		if len(want) == 0 || want[l.Address.Hex()] {
			out = append(out, l)
		}
		return nil
	})
	return out, err
}

// querier is what both *sql.DB and *sql.Tx have.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// logBatch is how many rows one query of scanLogs reads: it pages by (block, log_index) so a
// long history never sits in memory whole, and no statement is left open while f writes.
const logBatch = 5000

func (db *DB) scanLogs(ctx context.Context, q querier, from, to uint64, f func(types.Log) error) error {
	return db.scanEvents(ctx, q, nil, from, to, f)
}

// scanEvents is scanLogs of the logs named one of events (all logs when events is empty).
func (db *DB) scanEvents(ctx context.Context, q querier, events []string, from, to uint64, f func(types.Log) error) error {
	var only string
	var onlyArgs []any
	if len(events) > 0 {
		only = ` AND event IN (?` + strings.Repeat(`, ?`, len(events)-1) + `)`
		for _, e := range events {
			onlyArgs = append(onlyArgs, e)
		}
	}
	afterBlock, afterIndex := int64(from)-1, int64(1<<31-1) // the largest INTEGER: no log index passes it
	for {
		rows, err := q.QueryContext(ctx, db.q(`SELECT block, log_index, block_hash, tx_hash, tx_index, address, topics, data FROM logs
			WHERE (block > ? OR (block = ? AND log_index > ?)) AND block <= ?`+only+` ORDER BY block, log_index LIMIT `+fmt.Sprint(logBatch)),
			append([]any{afterBlock, afterBlock, afterIndex, to}, onlyArgs...)...)
		if err != nil {
			return fmt.Errorf("index: reading logs: %w", err)
		}
		var batch []types.Log
		for rows.Next() {
			var l types.Log
			var blockHash, txHash, addr, topics, data string
			var index, txIndex int64
			if err := rows.Scan(&l.BlockNumber, &index, &blockHash, &txHash, &txIndex, &addr, &topics, &data); err != nil {
				rows.Close()
				return fmt.Errorf("index: reading logs: %w", err)
			}
			l.Index, l.TxIndex = uint(index), uint(txIndex)
			l.BlockHash, l.TxHash, l.Address = common.HexToHash(blockHash), common.HexToHash(txHash), common.HexToAddress(addr)
			if topics != "" {
				for _, t := range strings.Split(topics, ",") {
					l.Topics = append(l.Topics, common.HexToHash(t))
				}
			}
			if l.Data, err = hex.DecodeString(strings.TrimPrefix(data, "0x")); err != nil {
				rows.Close()
				return fmt.Errorf("index: log %d/%d has bad data: %w", l.BlockNumber, l.Index, err)
			}
			batch = append(batch, l)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("index: reading logs: %w", err)
		}
		for _, l := range batch {
			if err := f(l); err != nil {
				return err
			}
		}
		if len(batch) < logBatch {
			return nil
		}
		last := batch[len(batch)-1]
		afterBlock, afterIndex = int64(last.BlockNumber), int64(last.Index)
	}
}

func topicsText(ts []common.Hash) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.Hex()
	}
	return strings.Join(s, ",")
}

// writer writes one transaction's worth of indexing: logs, the books after each block that
// touched them, the jobs those blocks changed, and the cursor. It writes logs logBatchRows to
// a statement and reuses its prepared statements for the whole transaction: per statement,
// database/sql and the driver cost more than the row.
type writer struct {
	db      *DB
	tx      *sql.Tx
	stmts   map[string]*sql.Stmt // prepared in this transaction, by query
	rows    []any                // the arguments of the logs not written yet
	hexes   map[common.Address]string
	books   *books
	block   uint64 // the block whose book rows are pending
	pending bool
	// The providers' sums and job counts this transaction changed (providers.go).
	provs     map[common.Address]*providerSums
	jobCounts map[jobCount]int64
}

// logBatchRows is how many logs one INSERT writes (10 arguments each, far under both
// databases' limits on arguments).
const logBatchRows = 64

const logColumns = 10

func (db *DB) begin(ctx context.Context, bk *books) (*writer, error) {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	return &writer{db: db, tx: tx, stmts: map[string]*sql.Stmt{}, hexes: map[common.Address]string{}, books: bk,
		provs: map[common.Address]*providerSums{}, jobCounts: map[jobCount]int64{}}, nil
}

// exec runs query (with ? placeholders) as a statement prepared once per transaction.
func (w *writer) exec(ctx context.Context, query string, args ...any) error {
	st, ok := w.stmts[query]
	if !ok {
		var err error
		if st, err = w.tx.PrepareContext(ctx, w.db.q(query)); err != nil {
			return err
		}
		w.stmts[query] = st
	}
	_, err := st.ExecContext(ctx, args...)
	return err
}

func (w *writer) closeStmts() {
	for _, st := range w.stmts {
		st.Close()
	}
}

func (w *writer) rollback() {
	w.closeStmts()
	w.tx.Rollback()
}

// hex is an address as the tables keep it (EIP-55 checksummed, whose hash is worth keeping).
func (w *writer) hex(a common.Address) string {
	h, ok := w.hexes[a]
	if !ok {
		h = a.Hex()
		w.hexes[a] = h
	}
	return h
}

// add applies a log to the books, storing it too when store is set (a rebuild replays logs
// already stored).
func (w *writer) add(ctx context.Context, l *types.Log, store bool) error {
	if w.pending && l.BlockNumber != w.block {
		if err := w.flushBlock(ctx); err != nil {
			return err
		}
	}
	w.block, w.pending = l.BlockNumber, true
	contract, event := w.books.eventName(l)
	if store {
		w.rows = append(w.rows, l.BlockNumber, int64(l.Index), l.BlockHash.Hex(), l.TxHash.Hex(), int64(l.TxIndex), w.hex(l.Address),
			topicsText(l.Topics), "0x"+hex.EncodeToString(l.Data), contract, event)
		if len(w.rows) == logBatchRows*logColumns {
			if err := w.flushLogs(ctx); err != nil {
				return err
			}
		}
	}
	if err := w.books.apply(l); err != nil {
		return fmt.Errorf("index: block %d log %d: %w", l.BlockNumber, l.Index, err)
	}
	return w.stat(ctx, l, event, 1)
}

// flushLogs writes the logs not written yet, in one statement.
func (w *writer) flushLogs(ctx context.Context) error {
	n := len(w.rows) / logColumns
	if n == 0 {
		return nil
	}
	query := `INSERT INTO logs (block, log_index, block_hash, tx_hash, tx_index, address, topics, data, contract, event) VALUES ` +
		strings.TrimSuffix(strings.Repeat(`(?, ?, ?, ?, ?, ?, ?, ?, ?, ?), `, n), ", ")
	if err := w.exec(ctx, query, w.rows...); err != nil {
		return fmt.Errorf("index: storing the logs of blocks %v-%v: %w", w.rows[0], w.rows[len(w.rows)-logColumns], err)
	}
	w.rows = w.rows[:0]
	return nil
}

// flushBlock writes the book rows of the ledgers the pending block touched.
func (w *writer) flushBlock(ctx context.Context) error {
	for i := range w.books.ledgers {
		if !w.books.touched[i] {
			continue
		}
		l := w.books.ledgers[i]
		lines, err := json.Marshal(l.Owed)
		if err != nil {
			return err
		}
		short := 0
		if l.Shortfall().Sign() > 0 {
			short = 1
		}
		if err := w.exec(ctx, `INSERT INTO books (block, contract, holdings, owed, short, lines) VALUES (?, ?, ?, ?, ?, ?)`,
			w.block, l.Contract, l.Holdings.String(), l.OwedTotal().String(), short, string(lines)); err != nil {
			return fmt.Errorf("index: books at block %d: %w", w.block, err)
		}
	}
	clear(w.books.touched)
	w.pending = false
	return nil
}

// commit writes what is pending, the changed jobs and the cursor, and commits.
// c nil deletes the cursor: nothing is indexed.
func (w *writer) commit(ctx context.Context, c *Cursor) error {
	defer w.closeStmts()
	fail := func(err error) error {
		w.tx.Rollback()
		return err
	}
	if err := w.flushLogs(ctx); err != nil {
		return fail(err)
	}
	if w.pending {
		if err := w.flushBlock(ctx); err != nil {
			return fail(err)
		}
	}
	for id, j := range w.books.dirty {
		live := 0
		if j.Live {
			live = 1
		}
		if err := w.exec(ctx, `INSERT INTO jobs (id, client, provider, payment, bond, live, status, posted_block, last_block) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET provider = excluded.provider, bond = excluded.bond, live = excluded.live, status = excluded.status, last_block = excluded.last_block`,
			id, w.hex(j.Client), w.hex(j.Provider), j.Payment.String(), j.Bond.String(), live, j.Status, j.Posted, j.Last); err != nil {
			return fail(fmt.Errorf("index: job %s: %w", id, err))
		}
	}
	w.countJobs()
	if err := w.flushStats(ctx); err != nil {
		return fail(err)
	}
	if c == nil {
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM index_cursor`); err != nil {
			return fail(fmt.Errorf("index: clearing the cursor: %w", err))
		}
	} else if err := w.db.setCursor(ctx, w.tx, *c); err != nil {
		return fail(err)
	}
	if err := w.tx.Commit(); err != nil {
		return fmt.Errorf("index: commit: %w", err)
	}
	clear(w.books.dirty)
	return nil
}

// loadBooks reads the books as the last committed transaction left them.
func (db *DB) loadBooks(ctx context.Context, bk *books) error {
	for i := range bk.ledgers {
		var holdings, lines string
		err := db.sql.QueryRowContext(ctx, db.q(`SELECT holdings, lines FROM books WHERE contract = ? ORDER BY block DESC LIMIT 1`), bk.ledgers[i].Contract).Scan(&holdings, &lines)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return fmt.Errorf("index: reading the books: %w", err)
		}
		if err := parseLedger(&bk.ledgers[i], holdings, lines); err != nil {
			return err
		}
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT id, client, provider, payment, bond, status, posted_block, last_block FROM jobs WHERE live = 1`)
	if err != nil {
		return fmt.Errorf("index: reading live jobs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		j := &job{Live: true, rowSet: true}
		var client, provider, payment, bond string
		if err := rows.Scan(&j.ID, &client, &provider, &payment, &bond, &j.Status, &j.Posted, &j.Last); err != nil {
			return fmt.Errorf("index: reading live jobs: %w", err)
		}
		j.Client, j.Provider = common.HexToAddress(client), common.HexToAddress(provider)
		j.rowProvider, j.rowStatus = j.Provider, j.Status
		var ok1, ok2 bool
		j.Payment, ok1 = new(big.Int).SetString(payment, 10)
		j.Bond, ok2 = new(big.Int).SetString(bond, 10)
		if !ok1 || !ok2 {
			return fmt.Errorf("index: job %s has a bad amount (%q, %q)", j.ID, payment, bond)
		}
		bk.jobs[j.ID] = j
	}
	return rows.Err()
}

func parseLedger(l *audit.Ledger, holdings, lines string) error {
	h, ok := new(big.Int).SetString(holdings, 10)
	if !ok {
		return fmt.Errorf("index: %s holdings %q is not a number", l.Contract, holdings)
	}
	var owed []audit.Line
	if err := json.Unmarshal([]byte(lines), &owed); err != nil {
		return fmt.Errorf("index: %s lines: %w", l.Contract, err)
	}
	if len(owed) != len(l.Owed) {
		return fmt.Errorf("index: %s has %d lines, the books %d", l.Contract, len(owed), len(l.Owed))
	}
	l.Holdings = h
	for i := range owed {
		l.Owed[i].Amount = owed[i].Amount
	}
	return nil
}

// addrs are the addresses of the deployment the database is bound to (none when it is not
// bound yet), read in tx.
func (db *DB) addrs(ctx context.Context, tx *sql.Tx) (deploy.Addresses, error) {
	var v string
	err := tx.QueryRowContext(ctx, db.q(`SELECT value FROM meta WHERE key = ?`), "deployment").Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return deploy.Addresses{}, nil
	}
	if err != nil {
		return deploy.Addresses{}, fmt.Errorf("index: reading the deployment: %w", err)
	}
	var a deploy.Addresses
	if err := json.Unmarshal([]byte(v), &a); err != nil {
		return deploy.Addresses{}, fmt.Errorf("index: the database's deployment %q: %w", v, err)
	}
	return a, nil
}
