package index_test

import (
	"context"
	"math"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/internal/simchain"
)

// TestRewindsOnlyFromTheForkPoint: a job posted before the fork point is accepted by one
// provider on the branch the index read and by another on the branch that wins. The rewind
// keeps what is stored up to the fork point as it is, without replaying it: a Credited row
// nobody emitted, slipped under the fork point, would break the market's books if the rewind
// replayed the stored history, and does not. The job is put back as it was at the fork point
// and then indexed from the new branch; without the slipped row, the database is exactly a
// clean index of the new chain.
func TestRewindsOnlyFromTheForkPoint(t *testing.T) {
	for _, tc := range []struct {
		name string
		open func(t *testing.T) *index.DB
	}{
		{"sqlite", func(t *testing.T) *index.DB { return openDB(t, filepath.Join(t.TempDir(), "index.db")) }},
		{"postgres", func(t *testing.T) *index.DB { return openPostgres(t) }},
	} {
		t.Run(tc.name, func(t *testing.T) { rewindsOnlyFromTheForkPoint(t, tc.open(t)) })
	}
}

func rewindsOnlyFromTheForkPoint(t *testing.T, db *index.DB) {
	ctx := context.Background()
	c := simchain.New(t)
	story(t, c)
	client := c.MustAccount(t, "late client", deploy.Token(100))
	lost, err := c.NewProvider("lost", deploy.Token(1000), deploy.Token(200))
	must(t, err)
	won, err := c.NewProvider("won", deploy.Token(1000), deploy.Token(200))
	must(t, err)
	j, _, err := c.Post(client, c.Request(deploy.Token(3), deploy.Token(5), 1, time.Hour, time.Hour, 10))
	must(t, err)
	forkAt, err := c.Client.HeaderByNumber(ctx, nil)
	must(t, err)
	atFork := &simchain.Job{ID: j.ID, Rec: j.Rec} // the record the contract holds on the new branch
	_, err = c.Accept(lost, j)
	must(t, err)
	_, err = c.CommitResult(lost, j, []byte("\x01\x55\x12\x20lost-branch"))
	must(t, err)
	_, _, err = c.Post(client, c.Request(deploy.Token(2), deploy.Token(5), 1, time.Hour, time.Hour, 10))
	must(t, err)

	ix := newIndexer(t, c.Client, db, c, 0)
	before, err := ix.Sync(ctx)
	must(t, err)
	bogus := slipCredited(t, db, c)
	_, err = db.RecordBlockTimes(ctx, c.Client, 1000) // the times of the branch that loses
	must(t, err)
	// What nodes said of the jobs: of the job the fork changes, and of job 1, ended before it.
	must(t, db.SetFailureReason(ctx, j.ID.String(), lost.Addr, "said on the lost branch"))
	must(t, db.SetFailureReason(ctx, "1", c.Owner.Addr, "said before the fork"))

	must(t, c.Sim.Fork(forkAt.Hash()))
	c.Sim.Rollback() // the pool would put the old branch's transactions back in the new one
	_, err = c.Accept(won, atFork)
	must(t, err)
	for head := forkAt.Number.Uint64() + 1; head <= before.Block+2; head++ {
		c.Sim.Commit()
	}
	h, err := c.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(before.Block))
	must(t, err)
	if h.Hash() == before.Hash {
		t.Fatal("the fork did not replace the indexed blocks")
	}
	if _, err := ix.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := db.Status(ctx, c.Addr)
	must(t, err)
	if st.FirstBreak != nil {
		t.Fatalf("the books broke at block %d after the rewind: it replayed the stored history under the fork point", st.FirstBreak.Block)
	}
	// The rewind took the lost branch's times with its blocks (the explorer records the new
	// branch's after the indexer).
	rows, err := index.RawQuery(ctx, db, `SELECT block FROM block_times WHERE block > `+forkAt.Number.String())
	must(t, err)
	if len(rows) != 0 {
		t.Fatalf("block times of the lost branch left after the rewind, of blocks %v", rows)
	}
	_, err = db.RecordBlockTimes(ctx, c.Client, 1000)
	must(t, err)
	if _, ok, err := db.FailureReason(ctx, j.ID.String(), lost.Addr); err != nil || ok {
		t.Fatalf("the lost branch's provider's reason for job %s survived the rewind (%v)", j.ID, err)
	}
	if r, ok, err := db.FailureReason(ctx, "1", c.Owner.Addr); err != nil || !ok || r != "said before the fork" {
		t.Fatalf("job 1's reason after the rewind: %q %v %v, want it kept", r, ok, err)
	}
	rows, err = index.RawQuery(ctx, db, `SELECT provider, status, live FROM jobs WHERE id = '`+j.ID.String()+`'`)
	must(t, err)
	if want := won.Addr.Hex() + "\t" + index.StatusAccepted + "\t1"; len(rows) != 1 || rows[0] != want {
		t.Fatalf("job %s after the rewind: %v, want %q", j.ID, rows, want)
	}

	_, err = index.RawQuery(ctx, db, `DELETE FROM logs WHERE block = `+bogus+` AND log_index = 9999`)
	must(t, err)
	clean := openDB(t, filepath.Join(t.TempDir(), "clean.db"))
	_, err = newIndexer(t, c.Client, clean, c, 0).Sync(ctx)
	must(t, err)
	_, err = clean.RecordBlockTimes(ctx, c.Client, 1000)
	must(t, err)
	must(t, clean.SetFailureReason(ctx, "1", c.Owner.Addr, "said before the fork"))
	if got, want := dumpDB(t, db), dumpDB(t, clean); got != want {
		t.Fatalf("after the rewind the index differs from a clean index of the new chain:\n%s\n---\n%s", got, want)
	}
	sumsMatchTheHistory(t, db, c.Addr)
}

// slipCredited stores a Credited log nobody emitted at the block of the third JobPosted, as
// log 9999, and returns that block.
func slipCredited(t *testing.T, db *index.DB, c *simchain.Chain) string {
	ctx := context.Background()
	rows, err := index.RawQuery(ctx, db, `SELECT block FROM logs WHERE event = 'JobPosted' ORDER BY block LIMIT 1 OFFSET 2`)
	must(t, err)
	if len(rows) != 1 {
		t.Fatal("no third JobPosted")
	}
	_, err = index.RawQuery(ctx, db, `INSERT INTO logs (block, log_index, block_hash, tx_hash, tx_index, address, topics, data, contract, event)
		SELECT block, 9999, block_hash, tx_hash, tx_index, address, '`+creditedTopic(t).Hex()+`,`+common.BytesToHash(c.Owner.Addr.Bytes()).Hex()+`',
		'0x`+common.BytesToHash(deploy.Token(1000).Bytes()).Hex()[2:]+`', 'JobMarket', 'Credited' FROM logs WHERE block = `+rows[0]+` LIMIT 1`)
	must(t, err)
	return rows[0]
}

// forkOnRead is a chain that reorganises once, in the middle of the indexer's first log
// request whose range ends at or after `at`: the request is answered before the fork
// (answerFirst) or after it.
type forkOnRead struct {
	index.Chain
	at          uint64
	answerFirst bool
	fork        func()
	forked      bool
}

func (f *forkOnRead) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	if f.forked || q.ToBlock == nil || q.ToBlock.Uint64() < f.at {
		return f.Chain.FilterLogs(ctx, q)
	}
	f.forked = true
	if !f.answerFirst {
		f.fork()
		return f.Chain.FilterLogs(ctx, q)
	}
	logs, err := f.Chain.FilterLogs(ctx, q)
	f.fork()
	return logs, err
}

// TestCatchesAReorgWhileReadingAPage: the chain reorganises while the indexer reads a page,
// inside the page (blocks with logs of the page leave the chain; the page's last block has
// none, so only its hash would not tell) or under it (the indexed head leaves the chain after
// the pass checked it), with the page's logs read before the fork or after it. Sync notices,
// tries again, and leaves exactly a clean index of the new chain; the reorganisation is not
// left for a later pass to find.
func TestCatchesAReorgWhileReadingAPage(t *testing.T) {
	for _, where := range []string{"inside", "under"} {
		for _, answerFirst := range []bool{true, false} {
			name := where + "/logs before the fork"
			if !answerFirst {
				name = where + "/logs after the fork"
			}
			t.Run(name, func(t *testing.T) { catchesAReorgWhileReadingAPage(t, where == "under", answerFirst) })
		}
	}
}

func catchesAReorgWhileReadingAPage(t *testing.T, under, answerFirst bool) {
	ctx := context.Background()
	c := simchain.New(t)
	story(t, c)
	client := c.MustAccount(t, "late client", deploy.Token(100))
	// The new branch's client: it sends nothing on the old one, so its nonce is the same on both.
	other := c.MustAccount(t, "other client", deploy.Token(100))
	post := func(n int) {
		for i := 0; i < n; i++ {
			_, _, err := c.Post(client, c.Request(deploy.Token(int64(2+i)), deploy.Token(5), 1, time.Hour, time.Hour, 10))
			must(t, err)
		}
	}
	dir := t.TempDir()
	db := openDB(t, filepath.Join(dir, "index.db"))
	fc := &forkOnRead{Chain: c.Client, at: math.MaxUint64, answerFirst: answerFirst}
	ix, err := index.New(ctx, index.Config{Chain: fc, DB: db, Addresses: c.Addr, ChainID: chainID(t, c), Backoff: time.Millisecond})
	must(t, err)

	forkAt, err := c.Client.HeaderByNumber(ctx, nil)
	must(t, err)
	post(3) // blocks with logs after the fork point
	if under {
		// The index holds them; the next page, above them, is being read when they leave.
		cur, err := ix.Sync(ctx)
		must(t, err)
		fc.at = cur.Block + 1
		post(2)
	}
	c.Mine(1) // the page ends in a block without logs
	head, err := c.Client.BlockNumber(ctx)
	must(t, err)
	if !under {
		fc.at = head
	}
	fc.fork = func() {
		must(t, c.Sim.Fork(forkAt.Hash()))
		// The new branch has other logs: a job of another price, then empty blocks past the old head.
		_, _, err := c.Post(other, c.Request(deploy.Token(40), deploy.Token(5), 1, time.Hour, time.Hour, 10))
		must(t, err)
		for n := forkAt.Number.Uint64() + 1; n <= head+1; n++ {
			c.Sim.Commit()
		}
	}
	_, err = ix.Sync(ctx)
	must(t, err)
	if !fc.forked {
		t.Fatal("the chain did not fork during the pass: the test did not test")
	}
	clean := openDB(t, filepath.Join(dir, "clean.db"))
	_, err = newIndexer(t, c.Client, clean, c, 0).Sync(ctx)
	must(t, err)
	if got, want := dumpDB(t, db), dumpDB(t, clean); got != want {
		t.Fatalf("after a reorganisation during the pass the index differs from a clean index of the new chain:\n%s\n---\n%s", got, want)
	}
}
