package index_test

import (
	"context"
	"encoding/json"
	"math/big"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/internal/simchain"
)

// TestMarketBooksMatchTheContractAtEveryBlock: at every block that touched the market's books,
// the index's holdings are the token's balance of the market at that block, and what it owes
// is the market's own running total, owed(), at that block: the books are checked block by
// block against state, not only at the head, where an event the index failed to count can be
// hidden by a later one that undoes it. The appeal's block is one of them, and its bonds line
// grew there by the appeal's bond (AppealOpened): an index that stopped counting the appeal
// bond would owe less than the market at that block, until ChallengeResolved released it.
func TestMarketBooksMatchTheContractAtEveryBlock(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	story(t, c)
	db := openDB(t, filepath.Join(t.TempDir(), "index.db"))
	_, err := newIndexer(t, c.Client, db, c, 3).Sync(ctx)
	must(t, err)

	rows, err := index.RawQuery(ctx, db, `SELECT block, holdings, owed, lines FROM books WHERE contract = '`+deploy.NameJobMarket+`' ORDER BY block`)
	must(t, err)
	appeals, err := index.RawQuery(ctx, db, `SELECT block, data FROM logs WHERE event = 'AppealOpened'`)
	must(t, err)
	if len(appeals) != 1 {
		t.Fatalf("%d AppealOpened logs, want the story's one", len(appeals))
	}
	appealBlock, _ := strconv.ParseUint(strings.Split(appeals[0], "\t")[0], 10, 64)
	var prevBonds *big.Int
	sawAppeal := false
	for _, r := range rows {
		f := strings.Split(r, "\t")
		block, _ := strconv.ParseUint(f[0], 10, 64)
		opts := &bind.CallOpts{Context: ctx, BlockNumber: new(big.Int).SetUint64(block)}
		owed, err := bind.Call(c.Market, opts, c.MarketABI.PackOwed(), c.MarketABI.UnpackOwed)
		must(t, err)
		held, err := bind.Call(c.Token, opts, c.TokenABI.PackBalanceOf(c.Addr.Market), c.TokenABI.UnpackBalanceOf)
		must(t, err)
		if f[1] != held.String() || f[2] != owed.String() {
			t.Errorf("block %d: the index holds %s and owes %s; the market holds %s and its owed() is %s", block, f[1], f[2], held, owed)
		}
		var lines []audit.Line
		must(t, json.Unmarshal([]byte(f[3]), &lines))
		bonds := lines[1].Amount // "open challenge bonds"
		if block == appealBlock {
			sawAppeal = true
			ev, err := c.MarketABI.UnpackAppealOpenedEvent(appealLog(t, c, appealBlock))
			must(t, err)
			if prevBonds == nil || new(big.Int).Sub(bonds, prevBonds).Cmp(ev.Bond) != 0 {
				t.Errorf("at the appeal's block %d the bonds line is %s, after %v: it did not grow by the appeal's bond %s", block, bonds, prevBonds, ev.Bond)
			}
		}
		prevBonds = bonds
	}
	if !sawAppeal || len(rows) < 10 {
		t.Fatalf("%d book rows of the market, the appeal's block %d among them: %v; the test did not test", len(rows), appealBlock, sawAppeal)
	}
}

// appealLog is the AppealOpened log of block n, as the chain has it.
func appealLog(t *testing.T, c *simchain.Chain, n uint64) *types.Log {
	t.Helper()
	parsed, err := bindings.JobMarketMetaData.ParseABI()
	must(t, err)
	b := new(big.Int).SetUint64(n)
	logs, err := c.Client.FilterLogs(context.Background(), ethereum.FilterQuery{FromBlock: b, ToBlock: b, Addresses: []common.Address{c.Addr.Market},
		Topics: [][]common.Hash{{parsed.Events["AppealOpened"].ID}}})
	must(t, err)
	if len(logs) != 1 {
		t.Fatalf("%d AppealOpened logs at block %d on the chain, want 1", len(logs), n)
	}
	return &logs[0]
}
