package txmgr

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/internal/testharness"
)

// foreignTx signs a transfer from a at nonce with the given tip and fee cap, outside any
// manager: another program using the same key.
func (c *chain) foreignTx(a account, nonce uint64, to common.Address, wei int64, tip, feeCap *big.Int) *types.Transaction {
	c.t.Helper()
	tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{ChainID: c.chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap,
		Gas: 21000, To: &to, Value: big.NewInt(wei)}), types.LatestSignerForChainID(c.chainID), a.key)
	if err != nil {
		c.t.Fatal(err)
	}
	if err := c.client.SendTransaction(context.Background(), tx); err != nil {
		c.t.Fatal(err)
	}
	return tx
}

// journalOnly journals a request in a manager that "crashes" before broadcasting it.
func journalOnly(t *testing.T, c *chain, from account, journal string, req Request) {
	t.Helper()
	m, err := New(c.config(c.client, from, journal))
	if err != nil {
		t.Fatal(err)
	}
	m.testHookJournaled = func(string) bool { return true }
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Send(context.Background(), req); !errors.Is(err, errSimulatedCrash) {
		t.Fatalf("got %v, want the simulated crash", err)
	}
	if err := m.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// Another transaction took the journaled request's nonce and is mined: the rebroadcast gets
// "nonce too low", no attempt of ours has a receipt, so the request is re-signed on the next
// nonce and mined once.
func TestNonceTakenByForeignTransactionIsResigned(t *testing.T) {
	from, to, other := newAccount(t), newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{from.addr: ether})
	journal := journalIn(t)
	journalOnly(t, c, from, journal, transfer("a", to.addr, 11))

	head, err := c.client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	c.foreignTx(from, 0, other.addr, 100, big.NewInt(1e9), new(big.Int).Mul(head.BaseFee, big.NewInt(3)))
	c.sim.Commit()
	c.mine(20 * time.Millisecond)

	m := start(t, c.config(c.client, from, journal))
	r, err := m.Send(context.Background(), transfer("a", to.addr, 11))
	if err != nil {
		t.Fatal(err)
	}
	tx, _, err := c.client.TransactionByHash(context.Background(), r.TxHash)
	if err != nil {
		t.Fatal(err)
	}
	if tx.Nonce() != 1 {
		t.Fatalf("request mined at nonce %d, want 1", tx.Nonce())
	}
	if c.balance(to.addr).Cmp(big.NewInt(11)) != 0 || c.balance(other.addr).Cmp(big.NewInt(100)) != 0 || c.nonce(from.addr) != 2 {
		t.Fatalf("balances %v, %v; nonce %d", c.balance(to.addr), c.balance(other.addr), c.nonce(from.addr))
	}
}

// Another transaction holds the request's nonce in the pool with higher fees: the rebroadcast
// is "replacement transaction underpriced", the manager bumps until its replacement is taken,
// and the request, not the other transaction, is mined.
func TestReplacementUnderpricedBumpsMore(t *testing.T) {
	from, to, other := newAccount(t), newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{from.addr: ether})
	journal := journalIn(t)
	journalOnly(t, c, from, journal, transfer("b", to.addr, 12))

	head, err := c.client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	tip, err := c.client.SuggestGasTipCap(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	c.foreignTx(from, 0, other.addr, 100, new(big.Int).Mul(tip, big.NewInt(2)), new(big.Int).Mul(head.BaseFee, big.NewInt(3)))

	cfg := c.config(c.client, from, journal)
	metrics := cfg.Metrics.(*counters)
	m := start(t, cfg)
	var log progressLog
	req := transfer("b", to.addr, 12)
	req.Progress = log.record
	res := sendAsync(context.Background(), m, req)
	// Mine only once a replacement of ours is in the pool.
	testharness.Eventually(t, 20*time.Second, func() bool {
		bumped := map[common.Hash]bool{}
		for _, p := range log.snapshot() {
			if p.Stage == StageBumped {
				bumped[p.Tx] = true
			}
			if p.Stage == StageSent && bumped[p.Tx] {
				return true
			}
		}
		return false
	}, "a bumped attempt accepted")
	c.mine(20 * time.Millisecond)
	r := await(t, res)
	if r.err != nil {
		t.Fatal(r.err)
	}
	if metrics.bumped.Load() < 2 {
		t.Fatalf("bumped %d times; expected several rounds", metrics.bumped.Load())
	}
	if c.balance(to.addr).Cmp(big.NewInt(12)) != 0 || c.balance(other.addr).Sign() != 0 || c.nonce(from.addr) != 1 {
		t.Fatalf("balances %v, %v; nonce %d", c.balance(to.addr), c.balance(other.addr), c.nonce(from.addr))
	}
}
