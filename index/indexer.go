package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sort"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/brine-compute/brine/chain/logscan"
	"github.com/brine-compute/brine/deploy"
)

// Chain is what the indexer reads (an *ethclient.Client has it all).
type Chain interface {
	logscan.Filterer
	HeaderReader
	HeadReader
}

// Progress is one committed page of a pass.
type Progress struct {
	From, To uint64 // the page's blocks
	Settled  uint64 // where this pass ends
	Logs     int    // logs stored from the page
}

// Config is what an Indexer follows and where it writes.
type Config struct {
	Chain     Chain
	DB        *DB
	Addresses deploy.Addresses
	ChainID   *big.Int
	// Tip is how far to follow; nil: the head itself (Depth{Behind: 0}).
	Tip Tip
	// Span is the most blocks one log request covers (0: logscan.DefaultSpan).
	Span uint64
	// Poll is how often a started Indexer looks for new blocks (0: 2 s).
	Poll time.Duration
	// Retries is how many times a pass that failed on the chain's side is tried again, from
	// its cursor, before Sync gives up (0: 5); a started Indexer retries forever.
	Retries int
	// Backoff is the first wait between tries, doubled each time up to 30 s (0: 1 s).
	Backoff  time.Duration
	Log      *slog.Logger
	Progress func(Progress) // called after each committed page (nil: not told)
}

// Check names a bad field and its fix.
func (c Config) Check() error {
	switch {
	case c.Chain == nil:
		return errors.New("index: Chain is nil: give the chain client to follow")
	case c.DB == nil:
		return errors.New("index: DB is nil: open one with index.Open")
	case c.Addresses.Market == (common.Address{}) || c.Addresses.Registry == (common.Address{}) || c.Addresses.Rewards == (common.Address{}) || c.Addresses.Token == (common.Address{}):
		return errors.New("index: Addresses lacks a contract: give the deployment's addresses")
	case c.ChainID == nil:
		return errors.New("index: ChainID is nil: give the chain's ID (the database is bound to it)")
	}
	return nil
}

// ErrOtherDeployment is a database that indexes another chain or deployment.
var ErrOtherDeployment = errors.New("index: the database indexes another deployment")

// ErrReorged is a page whose blocks changed while it was read; the next pass rewinds.
var ErrReorged = errors.New("index: the chain reorganised during the pass")

// Indexer follows one deployment into one database.
type Indexer struct {
	cfg   Config
	scan  *logscan.Scanner
	books *books
	log   *slog.Logger

	mu     sync.Mutex // one pass at a time
	cancel context.CancelFunc
	done   chan struct{}
}

// New checks cfg, binds the database to the deployment (or refuses one bound to another) and
// loads the books as the last pass left them.
func New(ctx context.Context, cfg Config) (*Indexer, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.Tip == nil {
		cfg.Tip = Depth{Chain: cfg.Chain}
	}
	if cfg.Poll == 0 {
		cfg.Poll = 2 * time.Second
	}
	if cfg.Retries == 0 {
		cfg.Retries = 5
	}
	if cfg.Backoff == 0 {
		cfg.Backoff = time.Second
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	scan, err := logscan.New(logscan.Config{Client: cfg.Chain, Span: cfg.Span})
	if err != nil {
		return nil, err
	}
	ix := &Indexer{cfg: cfg, scan: scan, log: log}
	if err := ix.bind(ctx); err != nil {
		return nil, err
	}
	if err := ix.reload(ctx); err != nil {
		return nil, err
	}
	return ix, nil
}

// deploymentKey is what binds a database to one deployment on one chain.
func deploymentKey(chainID *big.Int, a deploy.Addresses) string {
	b, _ := json.Marshal(map[string]any{"chainId": chainID.String(), "market": a.Market, "registry": a.Registry, "rewards": a.Rewards, "token": a.Token, "block": a.Block})
	return string(b)
}

func (ix *Indexer) bind(ctx context.Context) error {
	want := deploymentKey(ix.cfg.ChainID, ix.cfg.Addresses)
	got, err := ix.cfg.DB.Meta(ctx, "deployment")
	if err != nil {
		return err
	}
	switch got {
	case want:
		return nil
	case "":
		return ix.cfg.DB.setMeta(ctx, "deployment", want)
	}
	return fmt.Errorf("%w: it holds %s, this is %s: use another database", ErrOtherDeployment, got, want)
}

// BoundTo reports whether db indexes this deployment (false for an empty database).
func BoundTo(ctx context.Context, db *DB, chainID *big.Int, a deploy.Addresses) (bool, error) {
	got, err := db.Meta(ctx, "deployment")
	if err != nil {
		return false, err
	}
	return got == deploymentKey(chainID, a), nil
}

func (ix *Indexer) reload(ctx context.Context) error {
	bk, err := newBooks(ix.cfg.Addresses)
	if err != nil {
		return err
	}
	if err := ix.cfg.DB.loadBooks(ctx, bk); err != nil {
		return err
	}
	ix.books = bk
	return nil
}

// Sync indexes up to the settled tip once, retrying what failed on the chain's side from
// the cursor, and returns where it stopped.
func (ix *Indexer) Sync(ctx context.Context) (Cursor, error) {
	wait := ix.cfg.Backoff
	var last Cursor
	for try := 0; ; try++ {
		c, err := ix.pass(ctx)
		if err == nil || ctx.Err() != nil || !retryable(err) || try >= ix.cfg.Retries {
			return c, err
		}
		if c != last { // the pass got somewhere: the chain works, wait as little as at first
			last, wait, try = c, ix.cfg.Backoff, 0
		}
		ix.log.Warn("index pass failed; trying again from the cursor", "err", err, "wait", wait)
		select {
		case <-ctx.Done():
			return c, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 30*time.Second)
	}
}

// retryable: the chain failed or moved, not the database or the history.
func retryable(err error) bool {
	var rerr *logscan.RangeError
	var cerr *chainError
	return errors.As(err, &rerr) || errors.As(err, &cerr) || errors.Is(err, ErrReorged)
}

// chainError is a failed call to the chain (other than a log page, which logscan reports).
type chainError struct{ err error }

func (e *chainError) Error() string { return e.err.Error() }
func (e *chainError) Unwrap() error { return e.err }

func (ix *Indexer) header(ctx context.Context, n uint64) (*types.Header, error) {
	h, err := ix.cfg.Chain.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if err != nil {
		return nil, &chainError{fmt.Errorf("index: header %d: %w", n, err)}
	}
	return h, nil
}

// pass is one attempt: rewind if the cursor's block left the chain, then index pages up to
// the settled tip, each committed with the cursor.
func (ix *Indexer) pass(ctx context.Context) (Cursor, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	db := ix.cfg.DB
	cur, err := db.Cursor(ctx)
	if err != nil {
		return cur, err
	}
	if cur.Set {
		h, err := ix.header(ctx, cur.Block)
		if err != nil {
			return cur, err
		}
		if h.Hash() != cur.Hash {
			if err := ix.rewind(ctx, cur); err != nil {
				return cur, err
			}
			if cur, err = db.Cursor(ctx); err != nil {
				return cur, err
			}
		}
	}
	settled, err := ix.cfg.Tip.Settled(ctx)
	if err != nil {
		return cur, &chainError{err}
	}
	start := ix.cfg.Addresses.Block
	if cur.Set {
		start = cur.Block + 1
	}
	if start > settled {
		return cur, nil
	}
	span := ix.cfg.Span
	if span == 0 {
		span = logscan.DefaultSpan
	}
	for from := start; from <= settled; {
		to := settled
		if settled-from >= span {
			to = from + span - 1
		}
		next, n, err := ix.page(ctx, cur, from, to)
		if err != nil {
			return cur, err
		}
		cur = next
		if ix.cfg.Progress != nil {
			ix.cfg.Progress(Progress{From: from, To: to, Settled: settled, Logs: n})
		}
		from = to + 1
	}
	return cur, nil
}

// page indexes blocks from..to, which follow cur, in one transaction with the cursor, and
// returns the new cursor and how many logs it stored. It stores them only when they are one
// branch of the chain, the one cur ends: to's header is the same before and after the logs
// are read, every log's block hash is the header's at its height (read after the logs), and
// the first block's parent is cur's block. Otherwise the chain reorganised while the page was
// read, inside it or under it: ErrReorged, and the pass is tried again (rewinding first when
// cur's block left the chain). Since to's hash, which the cursor keeps, was read before the
// logs, a reorganisation after that read leaves a cursor the next pass finds stale.
func (ix *Indexer) page(ctx context.Context, cur Cursor, from, to uint64) (Cursor, int, error) {
	last, err := ix.header(ctx, to)
	if err != nil {
		return cur, 0, err
	}
	q := ethereum.FilterQuery{Addresses: []common.Address{ix.cfg.Addresses.Market, ix.cfg.Addresses.Registry, ix.cfg.Addresses.Rewards}}
	ours, err := ix.scan.All(ctx, q, from, to)
	if err != nil {
		return cur, 0, err
	}
	transfers, err := ix.transfers(ctx, from, to)
	if err != nil {
		return cur, 0, err
	}
	logs := merge(ours, transfers)
	if err := ix.oneBranch(ctx, cur, from, to, last, logs); err != nil {
		return cur, 0, err
	}
	next := Cursor{Block: to, Hash: last.Hash(), Set: true}
	if err := ix.commit(ctx, logs, next); err != nil {
		return cur, 0, err
	}
	return next, len(logs), nil
}

// oneBranch checks a page's logs (in chain order) against headers read after them; see page.
// A header vouches for its parent's hash too, so of a run of blocks with logs every other
// header is read.
func (ix *Indexer) oneBranch(ctx context.Context, cur Cursor, from, to uint64, last *types.Header, logs []types.Log) error {
	need := []uint64{to} // descending
	for i := len(logs) - 1; i >= 0; i-- {
		if n := logs[i].BlockNumber; need[len(need)-1] != n {
			need = append(need, n)
		}
	}
	link := cur.Set && from == cur.Block+1
	if link {
		need = append(need, cur.Block)
	}
	var read []uint64
	covered := func(n uint64) bool { return len(read) > 0 && (read[len(read)-1] == n || read[len(read)-1] == n+1) }
	for _, n := range need {
		if !covered(n) {
			read = append(read, n)
		}
	}
	hs, err := ix.headers(ctx, read)
	if err != nil {
		return err
	}
	known := make(map[uint64]common.Hash, 2*len(hs))
	vouch := func(n uint64, h common.Hash) error {
		if k, ok := known[n]; ok && k != h {
			return fmt.Errorf("%w: block %d read as both %s and %s", ErrReorged, n, k, h)
		}
		known[n] = h
		return nil
	}
	for n, h := range hs {
		if err := vouch(n, h.Hash()); err != nil {
			return err
		}
		if n > 0 {
			if err := vouch(n-1, h.ParentHash); err != nil {
				return err
			}
		}
	}
	for i := range logs {
		l := &logs[i]
		if h := known[l.BlockNumber]; l.BlockHash != h {
			return fmt.Errorf("%w: block %d's logs are of %s, the chain's block is %s", ErrReorged, l.BlockNumber, l.BlockHash, h)
		}
	}
	if h := known[cur.Block]; link && h != cur.Hash {
		return fmt.Errorf("%w: the indexed block %d was %s, the chain's is %s", ErrReorged, cur.Block, cur.Hash, h)
	}
	if h := hs[to]; h.Hash() != last.Hash() {
		return fmt.Errorf("%w: block %d changed from %s to %s while its page was read", ErrReorged, to, last.Hash(), h.Hash())
	}
	return nil
}

// rpcChain is a chain that can send JSON-RPC batches (an ethclient.Client has it).
type rpcChain interface{ Client() *rpc.Client }

// headerBatch is how many headers one batch asks for: public endpoints cap batches (often
// at 100 or fewer calls).
const headerBatch = 50

// headers reads the headers of the given blocks, in JSON-RPC batches when the chain can send
// them (one request per header was most of a page's cost against a node), one by one
// otherwise or when a batch fails as a whole (an endpoint that refuses batches).
func (ix *Indexer) headers(ctx context.Context, numbers []uint64) (map[uint64]*types.Header, error) {
	out := make(map[uint64]*types.Header, len(numbers))
	var want []uint64
	for _, n := range numbers {
		if _, ok := out[n]; !ok {
			out[n] = nil
			want = append(want, n)
		}
	}
	if rc, ok := ix.cfg.Chain.(rpcChain); ok && len(want) > 1 && rc.Client() != nil {
		for i := 0; i < len(want); i += headerBatch {
			part := want[i:min(i+headerBatch, len(want))]
			batch := make([]rpc.BatchElem, len(part))
			hs := make([]*types.Header, len(part))
			for j, n := range part {
				batch[j] = rpc.BatchElem{Method: "eth_getBlockByNumber", Args: []any{hexutil.EncodeUint64(n), false}, Result: &hs[j]}
			}
			if err := rc.Client().BatchCallContext(ctx, batch); err != nil {
				ix.log.Debug("header batch refused; reading headers one by one", "err", err)
				break
			}
			for j, n := range part {
				if batch[j].Error != nil {
					return nil, &chainError{fmt.Errorf("index: header %d: %w", n, batch[j].Error)}
				}
				if hs[j] == nil {
					return nil, &chainError{fmt.Errorf("index: header %d: %w", n, ethereum.NotFound)}
				}
				out[n] = hs[j]
			}
		}
	}
	for _, n := range want {
		if out[n] != nil {
			continue
		}
		h, err := ix.header(ctx, n)
		if err != nil {
			return nil, err
		}
		out[n] = h
	}
	return out, nil
}

func (ix *Indexer) commit(ctx context.Context, logs []types.Log, next Cursor) error {
	w, err := ix.cfg.DB.begin(ctx, ix.books)
	if err != nil {
		return err
	}
	for i := range logs {
		if err := w.add(ctx, &logs[i], true); err != nil {
			w.rollback()
			return ix.afterFailure(ctx, err)
		}
	}
	if err := w.commit(ctx, &next); err != nil {
		return ix.afterFailure(ctx, err)
	}
	return nil
}

// afterFailure puts the books back as the database has them: the failed transaction's
// changes to them were never committed.
func (ix *Indexer) afterFailure(ctx context.Context, err error) error {
	if rerr := ix.reload(context.WithoutCancel(ctx)); rerr != nil {
		return errors.Join(err, rerr)
	}
	return err
}

// transfers are the token's Transfer logs out of and into the three contracts in from..to,
// each once (a transfer between two of them matches both queries).
func (ix *Indexer) transfers(ctx context.Context, from, to uint64) ([]types.Log, error) {
	a := ix.cfg.Addresses
	ours := []common.Hash{common.BytesToHash(a.Market.Bytes()), common.BytesToHash(a.Registry.Bytes()), common.BytesToHash(a.Rewards.Bytes())}
	transfer := transferTopic()
	var out []types.Log
	for _, topics := range [][][]common.Hash{{{transfer}, ours}, {{transfer}, nil, ours}} {
		logs, err := ix.scan.All(ctx, ethereum.FilterQuery{Addresses: []common.Address{a.Token}, Topics: topics}, from, to)
		if err != nil {
			return nil, err
		}
		out = append(out, logs...)
	}
	return out, nil
}

func transferTopic() common.Hash {
	return common.HexToHash("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef") // Transfer(address,address,uint256)
}

// merge orders logs by chain position and drops repeats.
func merge(a, b []types.Log) []types.Log {
	all := append(append(make([]types.Log, 0, len(a)+len(b)), a...), b...)
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].BlockNumber != all[j].BlockNumber {
			return all[i].BlockNumber < all[j].BlockNumber
		}
		return all[i].Index < all[j].Index
	})
	out := all[:0]
	for i, l := range all {
		if i > 0 && l.BlockNumber == all[i-1].BlockNumber && l.Index == all[i-1].Index {
			continue
		}
		out = append(out, l)
	}
	return out
}

// rewind finds the newest stored block the chain still has and indexes again from there.
// Hashes chain, so the stored blocks the chain still has are a prefix: a binary search finds
// the fork point in a logarithmic number of header reads.
func (ix *Indexer) rewind(ctx context.Context, cur Cursor) error {
	blocks, err := ix.cfg.DB.storedBlocks(ctx, cur.Block)
	if err != nil {
		return err
	}
	var firstErr error
	i := sort.Search(len(blocks), func(i int) bool {
		if firstErr != nil {
			return true
		}
		h, err := ix.header(ctx, blocks[i].Block)
		if err != nil {
			firstErr = err
			return true
		}
		return h.Hash() != blocks[i].Hash
	})
	if firstErr != nil {
		return firstErr
	}
	var to *Cursor
	from := uint64(0)
	if i > 0 {
		to = &blocks[i-1]
		from = to.Block
	}
	ix.log.Warn("the chain reorganised under the index: rewinding", "cursor", cur.Block, "cursorHash", cur.Hash, "forkAfter", from)
	if to == nil {
		return ix.rebuild(ctx, nil) // nothing stored is on the chain any more
	}
	return ix.rewindTo(ctx, *to)
}

// jobEvents are the market's events that change a job's row; each has the job's ID as its
// first indexed topic.
var jobEvents = []string{"JobPosted", "JobAccepted", "ReplicaAccepted", "ResultCommitted", "ReplicasResolved",
	"ChallengeOpened", "AppealOpened", "ChallengeResolved", "JobFinalized", "JobReclaimed", "JobTimedOut"}

// rewindTo drops everything after the stored block `to` (still on the chain) and puts the
// jobs and the books back as they were at it, in one transaction, replaying nothing before
// it but the events of the jobs the dropped blocks changed: the books are the rows stored at
// or before `to`, a job posted after it goes, and a job posted before it and changed after
// it is replayed from its own events up to `to`.
func (ix *Indexer) rewindTo(ctx context.Context, to Cursor) error {
	db := ix.cfg.DB
	scratch, err := newBooks(ix.cfg.Addresses) // only its jobs count; its ledgers are dropped
	if err != nil {
		return err
	}
	w, err := db.begin(ctx, scratch)
	if err != nil {
		return err
	}
	fail := func(err error) error {
		w.rollback()
		return fmt.Errorf("index: rewinding to block %d: %w", to.Block, err)
	}
	// The providers' sums first, while the dropped blocks' events and jobs are still there to
	// be taken out of them.
	if err := w.unstatAfter(ctx, to.Block); err != nil {
		return fail(err)
	}
	// A job the dropped blocks changed may end otherwise on the new branch, or with another
	// provider: what its old provider's node said of it goes.
	if _, err := w.tx.ExecContext(ctx, db.q(`DELETE FROM failure_reasons WHERE job IN (SELECT id FROM jobs WHERE last_block > ?)`), int64(to.Block)); err != nil {
		return fail(err)
	}
	for _, stmt := range []string{`DELETE FROM logs WHERE block > ?`, `DELETE FROM books WHERE block > ?`, `DELETE FROM jobs WHERE posted_block > ?`,
		`DELETE FROM block_times WHERE block > ?`} {
		if _, err := w.tx.ExecContext(ctx, db.q(stmt), int64(to.Block)); err != nil {
			return fail(err)
		}
	}
	changed, oldest, err := db.jobsChangedAfter(ctx, w.tx, to.Block)
	if err != nil {
		return fail(err)
	}
	if len(changed) > 0 {
		err := db.scanEvents(ctx, w.tx, jobEvents, oldest, to.Block, func(l types.Log) error {
			if len(l.Topics) < 2 || !changed[l.Topics[1]] {
				return nil
			}
			return scratch.apply(&l)
		})
		if err != nil {
			return fail(err)
		}
	}
	if err := w.commit(ctx, &to); err != nil {
		return fmt.Errorf("index: rewinding to block %d: %w", to.Block, err)
	}
	return ix.reload(ctx)
}

// jobsChangedAfter are the stored jobs changed after block n, by their ID as a log topic, and
// the oldest block one of them was posted in.
func (db *DB) jobsChangedAfter(ctx context.Context, q querier, n uint64) (map[common.Hash]bool, uint64, error) {
	rows, err := q.QueryContext(ctx, db.q(`SELECT id, posted_block FROM jobs WHERE last_block > ?`), int64(n))
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	ids := map[common.Hash]bool{}
	oldest := n
	for rows.Next() {
		var id string
		var posted uint64
		if err := rows.Scan(&id, &posted); err != nil {
			return nil, 0, err
		}
		v, ok := new(big.Int).SetString(id, 10)
		if !ok {
			return nil, 0, fmt.Errorf("job ID %q is not a number", id)
		}
		ids[common.BigToHash(v)] = true
		oldest = min(oldest, posted)
	}
	return ids, oldest, rows.Err()
}

// Rebuild recomputes the jobs and the books from the stored logs, as a fresh pass over the
// same history would write them (after a hand repair, or to check the stored books).
func (ix *Indexer) Rebuild(ctx context.Context) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	cur, err := ix.cfg.DB.Cursor(ctx)
	if err != nil {
		return err
	}
	if !cur.Set {
		return ix.rebuild(ctx, nil)
	}
	return ix.rebuild(ctx, &cur)
}

// rebuild drops the logs after `to` (all of them and the cursor when to is nil) and replays
// the rest into fresh jobs and books, in one transaction.
func (ix *Indexer) rebuild(ctx context.Context, to *Cursor) error {
	bk, err := newBooks(ix.cfg.Addresses)
	if err != nil {
		return err
	}
	db := ix.cfg.DB
	w, err := db.begin(ctx, bk)
	if err != nil {
		return err
	}
	upTo := int64(-1)
	if to != nil {
		upTo = int64(to.Block)
	}
	// The jobs, the books and the providers' sums are all replayed, so they go whole; the logs
	// and the block times only after `to`.
	for _, del := range []struct {
		stmt string
		args []any
	}{{`DELETE FROM logs WHERE block > ?`, []any{upTo}}, {`DELETE FROM block_times WHERE block > ?`, []any{upTo}}, {`DELETE FROM books`, nil}, {`DELETE FROM jobs`, nil},
		{`DELETE FROM provider_stats`, nil}, {`DELETE FROM provider_jobs`, nil}} {
		if _, err := w.tx.ExecContext(ctx, db.q(del.stmt), del.args...); err != nil {
			w.rollback()
			return fmt.Errorf("index: rewinding: %w", err)
		}
	}
	if to == nil {
		// Nothing stored is on the chain any more: neither are the jobs the reasons were of.
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM failure_reasons`); err != nil {
			w.rollback()
			return fmt.Errorf("index: rewinding: %w", err)
		}
	} else {
		err = db.scanLogs(ctx, w.tx, 0, to.Block, func(l types.Log) error { return w.add(ctx, &l, false) })
		if err != nil {
			w.rollback()
			return err
		}
	}
	if err := w.commit(ctx, to); err != nil {
		return err
	}
	ix.books = bk
	return nil
}

// storedBlocks are the distinct blocks with stored logs up to `upTo`, with their hashes,
// in order.
func (db *DB) storedBlocks(ctx context.Context, upTo uint64) ([]Cursor, error) {
	rows, err := db.sql.QueryContext(ctx, db.q(`SELECT DISTINCT block, block_hash FROM logs WHERE block <= ? ORDER BY block`), upTo)
	if err != nil {
		return nil, fmt.Errorf("index: reading stored blocks: %w", err)
	}
	defer rows.Close()
	var out []Cursor
	for rows.Next() {
		var c Cursor
		var h string
		if err := rows.Scan(&c.Block, &h); err != nil {
			return nil, fmt.Errorf("index: reading stored blocks: %w", err)
		}
		c.Hash, c.Set = common.HexToHash(h), true
		out = append(out, c)
	}
	return out, rows.Err()
}

// Start follows the chain in the background until Stop: a pass every Poll, failures logged
// and retried.
func (ix *Indexer) Start(ctx context.Context) error {
	ctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	ix.cancel, ix.done = cancel, make(chan struct{})
	go func() {
		defer close(ix.done)
		wait := ix.cfg.Backoff
		for {
			_, err := ix.pass(ctx)
			next := ix.cfg.Poll
			if err != nil && ctx.Err() == nil {
				ix.log.Warn("index pass failed; trying again", "err", err, "wait", wait)
				next, wait = wait, min(2*wait, 30*time.Second)
			} else {
				wait = ix.cfg.Backoff
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(next):
			}
		}
	}()
	return nil
}

// Stop ends the background passes: the page being written commits or rolls back whole.
func (ix *Indexer) Stop(ctx context.Context) error {
	if ix.cancel == nil {
		return nil
	}
	ix.cancel()
	select {
	case <-ix.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
