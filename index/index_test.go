package index_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/internal/simchain"
)

func TestMigratesAnEmptyDatabaseAndRefusesANewerOne(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "index.db")
	db, err := index.Open(ctx, index.OpenConfig{Path: path})
	must(t, err)
	v, err := db.Version(ctx)
	must(t, err)
	if v != index.SchemaVersion() || v < 1 {
		t.Fatalf("an empty database migrated to version %d, want %d", v, index.SchemaVersion())
	}
	must(t, db.Close())
	// Opening again migrates nothing and keeps the version.
	db, err = index.Open(ctx, index.OpenConfig{Path: path})
	must(t, err)
	_, err = index.RawQuery(ctx, db, `UPDATE schema_version SET version = version + 1`)
	must(t, err)
	must(t, db.Close())
	_, err = index.Open(ctx, index.OpenConfig{Path: path})
	if !errors.Is(err, index.ErrNewerSchema) {
		t.Fatalf("a database of a newer schema opened with %v, want ErrNewerSchema", err)
	}
}

func newIndexer(t testing.TB, chain index.Chain, db *index.DB, c *simchain.Chain, span uint64) *index.Indexer {
	t.Helper()
	ix, err := index.New(context.Background(), index.Config{Chain: chain, DB: db, Addresses: c.Addr, ChainID: chainID(t, c), Span: span, Backoff: time.Millisecond})
	must(t, err)
	return ix
}

// TestIndexesTheStoryAndItsBooksMatchTheAudit: the books the index keeps from events alone
// are, at the head, exactly audit.Check's from events and state; they held at every block;
// and the audit replayed from the index's logs reports exactly what it reports from the chain.
func TestIndexesTheStoryAndItsBooksMatchTheAudit(t *testing.T) {
	indexesTheStory(t, openDB(t, filepath.Join(t.TempDir(), "index.db")))
}

// TestIndexesTheStoryOnPostgres: the story and the bogus-event break on PostgreSQL, in a
// database of the test's own (testpg: `make test` starts the cluster; skipped without it,
// failed in CI).
func TestIndexesTheStoryOnPostgres(t *testing.T) {
	db := openPostgres(t)
	c, ix := indexesTheStory(t, db)
	bogusEventBreaks(t, db, c, ix)
}

func indexesTheStory(t *testing.T, db *index.DB) (*simchain.Chain, *index.Indexer) {
	ctx := context.Background()
	c := simchain.New(t)
	story(t, c)
	var pages int
	ix, err := index.New(ctx, index.Config{Chain: c.Client, DB: db, Addresses: c.Addr, ChainID: chainID(t, c), Span: 7,
		Progress: func(index.Progress) { pages++ }})
	must(t, err)
	cur, err := ix.Sync(ctx)
	must(t, err)
	head, err := c.Client.BlockNumber(ctx)
	must(t, err)
	if cur.Block != head || pages < 3 {
		t.Fatalf("cursor at %d after %d pages, want the head %d in several pages", cur.Block, pages, head)
	}
	st, err := db.Status(ctx, c.Addr)
	must(t, err)
	if st.FirstBreak != nil {
		t.Fatalf("the books broke at block %d: %+v", st.FirstBreak.Block, st.FirstBreak)
	}
	if st.Jobs != 5 || st.LiveJobs != 1 {
		t.Fatalf("%d jobs, %d live; want 5 and 1", st.Jobs, st.LiveJobs)
	}
	rep, err := audit.Check(ctx, c.Client, c.Addr, head)
	must(t, err)
	if !rep.Balanced() {
		t.Fatalf("the audit says the story does not balance: %+v", rep)
	}
	for i, l := range rep.Ledgers {
		got := st.Ledgers[i]
		if got.Holdings.Cmp(l.Holdings) != 0 || !reflect.DeepEqual(lines(got.Owed), lines(l.Owed)) {
			t.Errorf("%s: index holds %s owes %v; audit holds %s owes %v", l.Contract, got.Holdings, lines(got.Owed), l.Holdings, lines(l.Owed))
		}
	}
	sumsMatchTheHistory(t, db, c.Addr)
	fromIndex, err := audit.CheckFrom(ctx, c.Client, c.Addr, head, db.Logs)
	must(t, err)
	if !reflect.DeepEqual(fromIndex, rep) {
		t.Fatalf("the audit from the index differs from the audit from the chain:\n%+v\n%+v", fromIndex, rep)
	}
	return c, ix
}

func lines(ls []audit.Line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Name+"="+l.Amount.String())
	}
	return out
}

// TestFirstBreakIsTheBlockOfABogusEvent: a Credited event nobody emitted, slipped into the
// stored history, makes the market owe more than it holds from that block on; rebuilding the
// books from the logs finds that block and shows its events.
func TestFirstBreakIsTheBlockOfABogusEvent(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	story(t, c)
	db := openDB(t, filepath.Join(t.TempDir(), "index.db"))
	ix := newIndexer(t, c.Client, db, c, 0)
	_, err := ix.Sync(ctx)
	must(t, err)
	bogusEventBreaks(t, db, c, ix)
}

func bogusEventBreaks(t *testing.T, db *index.DB, c *simchain.Chain, ix *index.Indexer) {
	ctx := context.Background()
	rows, err := index.RawQuery(ctx, db, `SELECT block FROM logs WHERE event = 'JobPosted' ORDER BY block LIMIT 1 OFFSET 2`)
	must(t, err)
	if len(rows) != 1 {
		t.Fatal("no third JobPosted")
	}
	bogus := rows[0]
	topic := creditedTopic(t)
	_, err = index.RawQuery(ctx, db, `INSERT INTO logs (block, log_index, block_hash, tx_hash, tx_index, address, topics, data, contract, event)
		SELECT block, 9999, block_hash, tx_hash, tx_index, address, '`+topic.Hex()+`,`+common.BytesToHash(c.Owner.Addr.Bytes()).Hex()+`',
		'0x`+common.BytesToHash(deploy.Token(1000).Bytes()).Hex()[2:]+`', 'JobMarket', 'Credited' FROM logs WHERE block = `+bogus+` LIMIT 1`)
	must(t, err)
	must(t, ix.Rebuild(ctx))
	br, err := db.FirstBreak(ctx, c.Addr)
	must(t, err)
	if br == nil || (new(big.Int).SetUint64(br.Block)).String() != bogus {
		t.Fatalf("first break %+v, want block %s", br, bogus)
	}
	if len(br.Ledgers) != 1 || br.Ledgers[0].Contract != deploy.NameJobMarket || br.Ledgers[0].Shortfall().Sign() == 0 {
		t.Fatalf("short ledgers %+v, want the market's", br.Ledgers)
	}
	var names []string
	for _, e := range br.Events {
		names = append(names, e.Name)
	}
	if !strings.Contains(strings.Join(names, " "), "Credited") || br.Events[len(br.Events)-1].Block != br.Block {
		t.Fatalf("events around the break: %v", names)
	}
}

func creditedTopic(t testing.TB) common.Hash {
	t.Helper()
	// Credited(address,uint256)
	return crypto.Keccak256Hash([]byte("Credited(address,uint256)"))
}

// TestRewindsAReorg: blocks the index holds leave the chain (the simulated backend forks
// below them and the fork grows longer); the next pass rewinds to the fork point and indexes
// the new branch: the database is then exactly a clean index of the new chain.
func TestRewindsAReorg(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	story(t, c)
	forkAt, err := c.Client.HeaderByNumber(ctx, nil)
	must(t, err)
	client := c.MustAccount(t, "late client", deploy.Token(100))
	for i := 0; i < 3; i++ {
		_, _, err := c.Post(client, c.Request(deploy.Token(int64(2+i)), deploy.Token(5), 1, time.Hour, time.Hour, 10))
		must(t, err)
	}
	dir := t.TempDir()
	db := openDB(t, filepath.Join(dir, "index.db"))
	ix := newIndexer(t, c.Client, db, c, 0)
	before, err := ix.Sync(ctx)
	must(t, err)
	st, err := db.Status(ctx, c.Addr)
	must(t, err)
	if st.Jobs != 8 {
		t.Fatalf("%d jobs before the reorg, want 8", st.Jobs)
	}

	must(t, c.Sim.Fork(forkAt.Hash()))
	for i := uint64(0); i < before.Block-forkAt.Number.Uint64()+3; i++ {
		c.Sim.Commit()
	}
	head, err := c.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(before.Block))
	must(t, err)
	if head.Hash() == before.Hash {
		t.Fatal("the fork did not replace the indexed blocks")
	}
	after, err := ix.Sync(ctx)
	must(t, err)
	if after.Block <= before.Block {
		t.Fatalf("cursor %d after the reorg, want past %d", after.Block, before.Block)
	}
	clean := filepath.Join(dir, "clean.db")
	cix := newIndexer(t, c.Client, openDB(t, clean), c, 0)
	_, err = cix.Sync(ctx)
	must(t, err)
	if got, want := dump(t, filepath.Join(dir, "index.db")), dump(t, clean); got != want {
		t.Fatalf("after the rewind the index differs from a clean index of the new chain:\n%s\n---\n%s", got, want)
	}
	st, err = db.Status(ctx, c.Addr)
	must(t, err)
	if st.FirstBreak != nil {
		t.Fatalf("the books broke after the rewind at block %d", st.FirstBreak.Block)
	}
}

// TestRetriesAFlakyChain: every fourth log request fails; Sync tries again from its cursor
// and the index ends as a clean one.
func TestRetriesAFlakyChain(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	story(t, c)
	rec := record(t, c)
	dir := t.TempDir()
	flaky := &replay{rec: rec, failEvery: 4}
	ix, err := index.New(ctx, index.Config{Chain: flaky, DB: openDB(t, filepath.Join(dir, "flaky.db")), Addresses: c.Addr, ChainID: chainID(t, c),
		Span: 5, Retries: 1000, Backoff: time.Millisecond})
	must(t, err)
	_, err = ix.Sync(ctx)
	must(t, err)
	cix := newIndexer(t, &replay{rec: rec}, openDB(t, filepath.Join(dir, "clean.db")), c, 0)
	_, err = cix.Sync(ctx)
	must(t, err)
	if got, want := dump(t, filepath.Join(dir, "flaky.db")), dump(t, filepath.Join(dir, "clean.db")); got != want {
		t.Fatal("the index of a flaky chain differs from a clean one")
	}
}

const (
	killChildEnv = "BRINE_INDEX_TEST_CHILD"
	killRecEnv   = "BRINE_INDEX_TEST_RECORDING"
	killDBEnv    = "BRINE_INDEX_TEST_DB"
)

// TestKillAnywhere: a child process indexing a story one block per page is killed (SIGKILL)
// at random moments, again and again, each restart resuming from what the last one
// committed; at the end the database is exactly a clean index: no log twice, none missing,
// the same jobs and books.
func TestKillAnywhere(t *testing.T) {
	if os.Getenv(killChildEnv) != "" {
		killChild(t)
		return
	}
	ctx := context.Background()
	c := simchain.New(t)
	story(t, c)
	rec := record(t, c)
	dir := t.TempDir()
	recPath, dbPath := filepath.Join(dir, "chain.json"), filepath.Join(dir, "index.db")
	saveRecording(t, rec, recPath)
	saveAddrs(t, c, recPath+".addrs")

	head := uint64(len(rec.Headers) - 1)
	killedAt := map[uint64]bool{}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 40; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillAnywhere$", "-test.count=1")
		cmd.Env = append(os.Environ(), killChildEnv+"=1", killRecEnv+"="+recPath, killDBEnv+"="+dbPath)
		must(t, cmd.Start())
		time.Sleep(time.Duration(20+rng.IntN(300)) * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		cur, err := cursorOf(dbPath)
		must(t, err)
		killedAt[cur] = true
		if cur == head {
			break
		}
	}
	t.Logf("cursors after the kills: %v (head %d)", sortedKeys(killedAt), head)
	inside := 0
	for b := range killedAt {
		if b > c.Addr.Block && b < head {
			inside++
		}
	}
	if inside < 3 {
		t.Fatalf("only %d kills landed mid-way (cursors %v): the test did not test", inside, sortedKeys(killedAt))
	}
	ix := newIndexer(t, &replay{rec: rec}, openDB(t, dbPath), c, 1)
	_, err := ix.Sync(ctx)
	must(t, err)
	clean := filepath.Join(dir, "clean.db")
	cix := newIndexer(t, &replay{rec: rec}, openDB(t, clean), c, 0)
	_, err = cix.Sync(ctx)
	must(t, err)
	if got, want := dump(t, dbPath), dump(t, clean); got != want {
		t.Fatalf("after the kills the index differs from a clean one:\n%s\n---\n%s", got, want)
	}
}

func killChild(t *testing.T) {
	ctx := context.Background()
	rec, err := loadRecording(os.Getenv(killRecEnv))
	must(t, err)
	addrs, id := loadAddrs(t, os.Getenv(killRecEnv))
	db, err := index.Open(ctx, index.OpenConfig{Path: os.Getenv(killDBEnv)})
	must(t, err)
	ix, err := index.New(ctx, index.Config{Chain: &replay{rec: rec, delay: 10 * time.Millisecond}, DB: db, Addresses: addrs, ChainID: id, Span: 1})
	must(t, err)
	_, err = ix.Sync(ctx)
	must(t, err)
}

func cursorOf(path string) (uint64, error) {
	db, err := index.Open(context.Background(), index.OpenConfig{Path: path})
	if err != nil {
		return 0, err
	}
	defer db.Close()
	c, err := db.Cursor(context.Background())
	return c.Block, err
}

var _ = types.Log{}

type deployment struct {
	Addrs   deploy.Addresses `json:"addrs"`
	ChainID *big.Int         `json:"chainId"`
}

func saveAddrs(t testing.TB, c *simchain.Chain, path string) {
	b, err := json.Marshal(deployment{c.Addr, chainID(t, c)})
	must(t, err)
	must(t, os.WriteFile(path, b, 0o600))
}

func loadAddrs(t testing.TB, recPath string) (deploy.Addresses, *big.Int) {
	b, err := os.ReadFile(recPath + ".addrs")
	must(t, err)
	var d deployment
	must(t, json.Unmarshal(b, &d))
	return d.Addrs, d.ChainID
}

// TestFollowsNewBlocks: a started Indexer keeps up with blocks mined after it started, and
// Stop ends it.
func TestFollowsNewBlocks(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	db := openDB(t, filepath.Join(t.TempDir(), "index.db"))
	ix, err := index.New(ctx, index.Config{Chain: c.Client, DB: db, Addresses: c.Addr, ChainID: chainID(t, c), Poll: 10 * time.Millisecond})
	must(t, err)
	must(t, ix.Start(ctx))
	story(t, c)
	head, err := c.Client.BlockNumber(ctx)
	must(t, err)
	deadline := time.Now().Add(20 * time.Second)
	for {
		cur, err := db.Cursor(ctx)
		must(t, err)
		if cur.Block >= head {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the index is at block %d, the chain at %d", cur.Block, head)
		}
		time.Sleep(20 * time.Millisecond)
	}
	stopCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	must(t, ix.Stop(stopCtx))
	st, err := db.Status(ctx, c.Addr)
	must(t, err)
	if st.Jobs != 5 || st.FirstBreak != nil {
		t.Fatalf("%d jobs, first break %v; want 5 and none", st.Jobs, st.FirstBreak)
	}
}

// TestWaitsForConfirmations: with a Depth tip the index stops that many blocks under the
// head, and takes those blocks once the chain has grown past them.
func TestWaitsForConfirmations(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	story(t, c)
	db := openDB(t, filepath.Join(t.TempDir(), "index.db"))
	ix, err := index.New(ctx, index.Config{Chain: c.Client, DB: db, Addresses: c.Addr, ChainID: chainID(t, c), Tip: index.Depth{Chain: c.Client, Behind: 5}})
	must(t, err)
	head, err := c.Client.BlockNumber(ctx)
	must(t, err)
	cur, err := ix.Sync(ctx)
	must(t, err)
	if cur.Block != head-5 {
		t.Fatalf("cursor at %d with the head at %d, want 5 blocks under it", cur.Block, head)
	}
	for i := 0; i < 5; i++ {
		c.Sim.Commit()
	}
	if cur, err = ix.Sync(ctx); err != nil || cur.Block != head {
		t.Fatalf("after 5 more blocks the cursor is at %d (%v), want %d", cur.Block, err, head)
	}
}
