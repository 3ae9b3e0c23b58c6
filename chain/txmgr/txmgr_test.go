package txmgr

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/internal/testharness"
)

// A value transfer goes through every stage in order and returns only at the confirmation
// depth; the metrics see one send and its exact fee.
func TestSendConfirmsAtDepth(t *testing.T) {
	from, to := newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{from.addr: ether})
	cfg := c.config(c.client, from, journalIn(t))
	cfg.Confirmations = 3
	metrics := cfg.Metrics.(*counters)
	m := start(t, cfg)

	var log progressLog
	req := transfer("pay/1", to.addr, 12345)
	req.Progress = log.record
	res := sendAsync(context.Background(), m, req)

	testharness.Eventually(t, 20*time.Second, func() bool { return log.has(stageIs(StageSent)) }, "sent")
	for n := uint64(1); n <= 3; n++ {
		c.sim.Commit()
		testharness.Eventually(t, 20*time.Second, func() bool {
			return log.has(func(p Progress) bool { return p.Stage == StageConfirmations && p.Confirmations == n })
		}, "%d confirmations", n)
		if n < 3 {
			select {
			case r := <-res:
				t.Fatalf("Send returned at %d of 3 confirmations: %+v", n, r)
			default:
			}
		}
	}
	r := await(t, res)
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("status %d", r.receipt.Status)
	}
	if got := c.balance(to.addr); got.Cmp(big.NewInt(12345)) != 0 {
		t.Fatalf("recipient has %v wei, want 12345", got)
	}

	events := log.snapshot()
	var stages []Stage
	for _, p := range events {
		stages = append(stages, p.Stage)
		if p.ID != "pay/1" {
			t.Errorf("event %v has ID %q", p.Stage, p.ID)
		}
	}
	want := []Stage{StageEstimating, StageSigned, StageSent, StageIncluded,
		StageConfirmations, StageConfirmations, StageConfirmations, StageConfirmed}
	if fmt.Sprint(stages) != fmt.Sprint(want) {
		t.Fatalf("stages %v, want %v", stages, want)
	}
	block := r.receipt.BlockNumber.Uint64()
	for i, p := range events[1:] {
		if p.Tx != r.receipt.TxHash || p.Nonce != 0 {
			t.Errorf("event %d (%v): tx %s nonce %d, want %s nonce 0", i+1, p.Stage, p.Tx, p.Nonce, r.receipt.TxHash)
		}
	}
	for i, p := range events[3:] {
		if p.Block != block {
			t.Errorf("event %v: block %d, want %d", p.Stage, p.Block, block)
		}
		if p.Stage == StageConfirmations && (p.Confirmations != uint64(i) || p.Depth != 3) {
			t.Errorf("confirmation event %d/%d, want %d/3", p.Confirmations, p.Depth, i)
		}
	}

	fee := new(big.Int).Mul(r.receipt.EffectiveGasPrice, new(big.Int).SetUint64(r.receipt.GasUsed))
	if metrics.sent.Load() != 1 || metrics.confirmed.Load() != 1 || metrics.fees.Cmp(fee) != 0 {
		t.Fatalf("metrics sent=%d confirmed=%d fees=%v, want 1, 1, %v", metrics.sent.Load(), metrics.confirmed.Load(), metrics.fees, fee)
	}
	if spent := new(big.Int).Sub(ether, c.balance(from.addr)); spent.Cmp(new(big.Int).Add(fee, big.NewInt(12345))) != 0 {
		t.Fatalf("sender spent %v, want fee %v + 12345", spent, fee)
	}
}

// Twenty goroutines sending from one wallet get twenty consecutive nonces, all mined.
func TestConcurrentSendsUseConsecutiveNonces(t *testing.T) {
	from := newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{from.addr: ether})
	m := start(t, c.config(c.client, from, journalIn(t)))
	c.mine(20 * time.Millisecond)

	const n = 20
	receipts := make([]*types.Receipt, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			to := common.BigToAddress(big.NewInt(int64(0x1000 + i)))
			receipts[i], errs[i] = m.Send(context.Background(), transfer(fmt.Sprintf("pay/%d", i), to, int64(i+1)))
		}()
	}
	wg.Wait()
	seen := map[uint64]bool{}
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("send %d: %v", i, errs[i])
		}
		tx, _, err := c.client.TransactionByHash(context.Background(), receipts[i].TxHash)
		if err != nil {
			t.Fatal(err)
		}
		if seen[tx.Nonce()] {
			t.Fatalf("nonce %d used twice", tx.Nonce())
		}
		seen[tx.Nonce()] = true
		if got := c.balance(common.BigToAddress(big.NewInt(int64(0x1000 + i)))); got.Cmp(big.NewInt(int64(i+1))) != 0 {
			t.Fatalf("recipient %d has %v", i, got)
		}
	}
	for k := range uint64(n) {
		if !seen[k] {
			t.Fatalf("nonce %d unused; nonces %v", k, seen)
		}
	}
	if got := c.nonce(from.addr); got != n {
		t.Fatalf("account nonce %d, want %d", got, n)
	}
}

// The same request ID, sent again or concurrently, yields one transaction; reusing an ID for a
// different transaction is refused.
func TestSameIDSendsOnce(t *testing.T) {
	from, to := newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{from.addr: ether})
	m := start(t, c.config(c.client, from, journalIn(t)))
	c.mine(20 * time.Millisecond)

	const n = 5
	results := make([]result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := m.Send(context.Background(), transfer("job/42/accept", to.addr, 7))
			results[i] = result{r, err}
		}()
	}
	wg.Wait()
	again, err := m.Send(context.Background(), transfer("job/42/accept", to.addr, 7))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range append(results, result{again, nil}) {
		if r.err != nil {
			t.Fatalf("send %d: %v", i, r.err)
		}
		if r.receipt.TxHash != results[0].receipt.TxHash {
			t.Fatalf("send %d got tx %s, send 0 got %s", i, r.receipt.TxHash, results[0].receipt.TxHash)
		}
	}
	if got := c.nonce(from.addr); got != 1 {
		t.Fatalf("%d transactions sent, want 1", got)
	}
	if got := c.balance(to.addr); got.Cmp(big.NewInt(7)) != 0 {
		t.Fatalf("recipient has %v, want 7", got)
	}
	if _, err := m.Send(context.Background(), transfer("job/42/accept", to.addr, 8)); !errors.Is(err, ErrRequestMismatch) {
		t.Fatalf("reused ID with another value: %v, want ErrRequestMismatch", err)
	}
}

// A request whose transaction the node refuses outright (here: cannot pay for gas) is dropped
// with ErrRejected, and its nonce is released for the next request.
func TestRejectedRequestReleasesNonce(t *testing.T) {
	poor, rich, to := newAccount(t), newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{poor.addr: big.NewInt(1000), rich.addr: ether})
	m := start(t, c.config(c.client, poor, journalIn(t)))
	c.mine(20 * time.Millisecond)

	req := transfer("poor/1", to.addr, 0)
	req.GasLimit = 21000 // skip estimation: the pre-flight call succeeds, the pool refuses
	_, err := m.Send(context.Background(), req)
	if !errors.Is(err, ErrRejected) {
		t.Fatalf("got %v, want ErrRejected", err)
	}
	if n, _ := m.journalCount(); n != 0 {
		t.Fatalf("journal holds %d requests after a rejection", n)
	}

	funder := start(t, c.config(c.client, rich, journalIn(t)))
	if _, err := funder.Send(context.Background(), transfer("fund", poor.addr, 1e16)); err != nil {
		t.Fatal(err)
	}
	r, err := m.Send(context.Background(), req) // the same ID starts afresh
	if err != nil {
		t.Fatal(err)
	}
	tx, _, err := c.client.TransactionByHash(context.Background(), r.TxHash)
	if err != nil {
		t.Fatal(err)
	}
	if tx.Nonce() != 0 || c.nonce(poor.addr) != 1 {
		t.Fatalf("nonce %d, account nonce %d: want the released nonce 0 reused", tx.Nonce(), c.nonce(poor.addr))
	}
}

// A price the cap cannot pay is refused before anything is signed.
func TestFeeCapRefusesBeforeSigning(t *testing.T) {
	from, to := newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{from.addr: ether})
	cfg := c.config(c.client, from, journalIn(t))
	cfg.MaxFeePerGas = big.NewInt(1)
	m := start(t, cfg)
	if _, err := m.Send(context.Background(), transfer("capped", to.addr, 1)); !errors.Is(err, ErrFeeCapExceeded) {
		t.Fatalf("got %v, want ErrFeeCapExceeded", err)
	}
	if n := c.pendingNonce(from.addr); n != 0 {
		t.Fatalf("pending nonce %d: something was sent", n)
	}
}

// The journal keeps a bounded history of finished requests.
func TestJournalPrunesFinishedRequests(t *testing.T) {
	from, to := newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{from.addr: ether})
	cfg := c.config(c.client, from, journalIn(t))
	cfg.History = 3
	m := start(t, cfg)
	c.mine(20 * time.Millisecond)
	for i := range 6 {
		if _, err := m.Send(context.Background(), transfer(fmt.Sprintf("p/%d", i), to.addr, 1)); err != nil {
			t.Fatal(err)
		}
	}
	n, err := m.journalCount()
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Fatalf("journal holds %d requests, want 3", n)
	}
	// The most recent outcome is still remembered: no new transaction.
	if _, err := m.Send(context.Background(), transfer("p/5", to.addr, 1)); err != nil {
		t.Fatal(err)
	}
	if got := c.nonce(from.addr); got != 6 {
		t.Fatalf("account nonce %d, want 6", got)
	}
}

// A receipt whose block is reorged out does not count: the manager waits, the transaction is
// mined again, and Send returns the receipt from the new chain.
func TestReorgedReceiptIsNotFinal(t *testing.T) {
	from, to := newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{from.addr: ether})
	cfg := c.config(c.client, from, journalIn(t))
	cfg.Confirmations = 2
	m := start(t, cfg)

	var log progressLog
	req := transfer("reorg/1", to.addr, 5)
	req.Progress = log.record
	res := sendAsync(context.Background(), m, req)
	testharness.Eventually(t, 20*time.Second, func() bool { return log.has(stageIs(StageSent)) }, "sent")

	head, err := c.client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	first := c.sim.Commit()
	testharness.Eventually(t, 20*time.Second, func() bool { return log.has(stageIs(StageIncluded)) }, "included")
	if err := c.sim.Fork(head.Hash()); err != nil {
		t.Fatal(err)
	}
	testharness.Eventually(t, 20*time.Second, func() bool { return log.has(stageIs(StageReorged)) }, "reorg noticed")
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		c.sim.Commit()
		select {
		case r := <-res:
			if r.err != nil {
				t.Fatal(r.err)
			}
			if r.receipt.BlockHash == first {
				t.Fatal("receipt from the reorged block")
			}
			if got := c.nonce(from.addr); got != 1 {
				t.Fatalf("account nonce %d, want 1", got)
			}
			if got := c.balance(to.addr); got.Cmp(big.NewInt(5)) != 0 {
				t.Fatalf("recipient has %v, want 5", got)
			}
			return
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatal("Send did not return")
}

// preLondonClient hides the head's base fee, as a chain without EIP-1559 would.
type preLondonClient struct{ Client }

func (c preLondonClient) HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error) {
	h, err := c.Client.HeaderByNumber(ctx, number)
	if err != nil || number != nil {
		return h, err
	}
	cp := types.CopyHeader(h)
	cp.BaseFee = nil
	return cp, nil
}

// Without a base fee in the head, the manager falls back to a legacy gas price.
func TestLegacyFallback(t *testing.T) {
	from, to := newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{from.addr: ether})
	m := start(t, c.config(preLondonClient{c.client}, from, journalIn(t)))
	c.mine(20 * time.Millisecond)
	r, err := m.Send(context.Background(), transfer("legacy", to.addr, 9))
	if err != nil {
		t.Fatal(err)
	}
	tx, _, err := c.client.TransactionByHash(context.Background(), r.TxHash)
	if err != nil {
		t.Fatal(err)
	}
	if tx.Type() != types.LegacyTxType || !tx.Protected() {
		t.Fatalf("type %d protected %v, want a replay-protected legacy transaction", tx.Type(), tx.Protected())
	}
	if got := c.balance(to.addr); got.Cmp(big.NewInt(9)) != 0 {
		t.Fatalf("recipient has %v, want 9", got)
	}
}
