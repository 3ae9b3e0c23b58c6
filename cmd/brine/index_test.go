package main_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"math/big"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/index"
)

// TestAuditFromIndex: `brine index --once` indexes a devnet's history into <datadir>/index.db
// with the books held at every block; `brine audit check` and `brine audit events` then read
// their history from it and print exactly what they print from the chain, also when the
// index stops short of the audited block (the rest comes from the chain).
func TestAuditFromIndex(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "2")
	acc := n.info.Accounts
	n.ok(t, "--account", acc[1], "provider", "stake", "50")
	tok := bindings.NewBrineToken()
	k := n.sender(t, acc[1])
	token, market := common.HexToAddress(n.info.Contracts["token"]), common.HexToAddress(n.info.Contracts["market"])
	k.send(t, "donate", token, tok.PackTransfer(market, big.NewInt(1)), nil)

	head := func() string {
		b, err := n.client.BlockNumber(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return strconv.FormatUint(b, 10)
	}
	at := head()
	dbPath := filepath.Join(n.info.DataDir, "index.db")
	audits := func() (string, string) {
		return n.ok(t, "audit", "check", "--block", at).stdout, n.ok(t, "audit", "events", "--to-block", at).stdout
	}
	checkChain, eventsChain := audits()

	sum := decode[struct {
		Block      uint64 `json:"block"`
		Events     int    `json:"events"`
		HeldAll    bool   `json:"heldAtEveryBlock"`
		FirstBreak any    `json:"firstBreak"`
	}](t, n.ok(t, "index", "--once"))
	if atN, _ := strconv.ParseUint(at, 10, 64); !sum.HeldAll || sum.FirstBreak != nil || sum.Events == 0 || sum.Block < atN {
		t.Fatalf("index summary: %+v", sum)
	}
	if r := n.run(t, nil, "index", "--once"); r.code != 0 || !strings.Contains(r.stdout, "The books held at every block") || !strings.Contains(r.stdout, "JobMarket") {
		t.Fatalf("brine index --once (text): exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(dbPath); err != nil {
		t.Fatalf("no index at %s: %v", dbPath, err)
	}
	if r := n.run(t, nil, "audit", "check", "--block", at, "--log-level", "debug"); r.code != 0 || !strings.Contains(r.stderr, "reading history from the index") {
		t.Fatalf("audit check did not read the index: exit %d\n%s", r.code, r.stderr)
	}
	if checkIndex, eventsIndex := audits(); checkIndex != checkChain || eventsIndex != eventsChain {
		t.Fatalf("the audit from the index differs from the audit from the chain:\n%s\n---\n%s\n===\n%s\n---\n%s", checkIndex, checkChain, eventsIndex, eventsChain)
	}

	// More history after the index's cursor: the audit joins the index and the chain.
	k.send(t, "donate again", token, tok.PackTransfer(market, big.NewInt(2)), nil)
	at = head()
	checkMixed, eventsMixed := audits()
	if err := os.Rename(dbPath, dbPath+".away"); err != nil {
		t.Fatal(err)
	}
	checkChain, eventsChain = audits()
	if checkMixed != checkChain || eventsMixed != eventsChain {
		t.Fatalf("the audit from the index and the chain differs from the audit from the chain:\n%s\n---\n%s", checkMixed, checkChain)
	}
}

// TestIndexKilledAnywhere: `brine index --once --span 1` (a page, and so a transaction, per
// block) on a devnet's history is killed with SIGKILL at random moments, again and again; once
// a last run completes, its database holds exactly what a clean run's holds: the same logs,
// jobs and books. Kill -9 at any moment and a restart index nothing twice and skip nothing.
func TestIndexKilledAnywhere(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "0", "--accounts", "2")
	acc := n.info.Accounts
	n.ok(t, "--account", acc[1], "provider", "stake", "50")
	tok := bindings.NewBrineToken()
	k := n.sender(t, acc[1])
	token, market := common.HexToAddress(n.info.Contracts["token"]), common.HexToAddress(n.info.Contracts["market"])
	for i := 0; i < 60; i++ { // a block each, as the devnet mines one per transaction
		k.send(t, "donate "+strconv.Itoa(i), token, tok.PackTransfer(market, big.NewInt(int64(i+1))), nil)
	}
	dir := t.TempDir()
	killed, clean := filepath.Join(dir, "killed.db"), filepath.Join(dir, "clean.db")
	// The index reads through a proxy that answers each eth_getLogs 5 ms late, as a remote
	// node would, so that a run lasts long enough for kills to land inside it.
	target, err := url.Parse(n.info.HTTP)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if bytes.Contains(body, []byte("eth_getLogs")) {
			time.Sleep(5 * time.Millisecond)
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(slow.Close)
	head, err := n.client.BlockNumber(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Each run is killed once it has committed a few more blocks than the last, after a
	// random pause of up to 3 ms (a page here takes about 15 ms): at a random point of a page.
	cursors := map[uint64]bool{}
	rng := rand.New(rand.NewPCG(3, 4))
	var prev uint64
	for i := 0; i < 60 && prev < head; i++ {
		cmd := n.command(context.Background(), nil, "--rpc", slow.URL, "index", "--once", "--span", "1", "--db", killed)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		want := prev + 2 + uint64(rng.IntN(6))
		for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline) && peekCursor(killed) < want; {
			time.Sleep(2 * time.Millisecond)
		}
		time.Sleep(time.Duration(rng.IntN(3000)) * time.Microsecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		prev = peekCursor(killed)
		cursors[prev] = true
	}
	t.Logf("cursors after the kills: %v", cursors)
	n.ok(t, "index", "--once", "--span", "1", "--db", killed)
	n.ok(t, "index", "--once", "--db", clean)
	if c := indexCursor(t, clean); c != head {
		t.Fatalf("the clean index ends at %d, the chain at %d", c, head)
	}
	mid := 0
	for c := range cursors {
		if c > 0 && c < head {
			mid++
		}
	}
	if mid < 3 {
		t.Fatalf("only %d kills landed mid-way (%v, head %d): the test did not test", mid, cursors, head)
	}
	if a, b := indexContent(t, killed, n), indexContent(t, clean, n); a != b {
		t.Fatalf("the killed and restarted index differs from a clean one:\n%s\n---\n%s", a, b)
	}
}

// peekCursor reads an index's cursor read-only while another process writes it (0: none yet).
func peekCursor(path string) uint64 {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return 0
	}
	defer db.Close()
	var b uint64
	if err := db.QueryRow(`SELECT block FROM index_cursor`).Scan(&b); err != nil {
		return 0
	}
	return b
}

func indexCursor(t *testing.T, path string) uint64 {
	t.Helper()
	db, err := index.Open(context.Background(), index.OpenConfig{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, err := db.Cursor(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c.Block
}

// indexContent is an index's logs and status (jobs, books, first break) as JSON.
func indexContent(t *testing.T, path string, n *testnet) string {
	t.Helper()
	ctx := context.Background()
	db, err := index.Open(ctx, index.OpenConfig{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dep, err := deploy.Load(filepath.Join(n.info.DataDir, "deployment.json"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := db.Status(ctx, *dep.Addresses())
	if err != nil {
		t.Fatal(err)
	}
	logs, err := db.Logs(ctx, nil, 0, st.Cursor.Block)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(map[string]any{"status": st, "logs": logs})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
