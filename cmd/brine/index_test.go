package main_test

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
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
