package txmgr

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/internal/testharness"
)

// A crash after the journal write and before the broadcast: nothing reached the node, and a
// new manager on the same journal broadcasts exactly the journaled transactions, then
// continues with the next nonce.
func TestCrashBeforeBroadcastIsRecovered(t *testing.T) {
	from, to := newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{from.addr: ether})
	journal := journalIn(t)

	m1, err := New(c.config(c.client, from, journal))
	if err != nil {
		t.Fatal(err)
	}
	m1.testHookJournaled = func(string) bool { return true } // die before every broadcast
	if err := m1.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	signed := map[string]common.Hash{}
	for i := range 3 {
		var log progressLog
		req := transfer(fmt.Sprintf("crash/%d", i), to.addr, int64(i+1))
		req.Progress = log.record
		if _, err := m1.Send(context.Background(), req); !errors.Is(err, errSimulatedCrash) {
			t.Fatalf("send %d: %v, want the simulated crash", i, err)
		}
		for _, p := range log.snapshot() {
			if p.Stage == StageSigned {
				signed[req.ID] = p.Tx
			}
		}
	}
	if err := m1.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := c.pendingNonce(from.addr); n != 0 {
		t.Fatalf("pending nonce %d: something was broadcast before the crash", n)
	}

	c.mine(20 * time.Millisecond)
	m2 := start(t, c.config(c.client, from, journal))
	for i := range 3 {
		id := fmt.Sprintf("crash/%d", i)
		r, err := m2.Send(context.Background(), transfer(id, to.addr, int64(i+1)))
		if err != nil {
			t.Fatalf("%s after restart: %v", id, err)
		}
		if r.TxHash != signed[id] {
			t.Fatalf("%s mined as %s, journaled as %s", id, r.TxHash, signed[id])
		}
	}
	r, err := m2.Send(context.Background(), transfer("after", to.addr, 10))
	if err != nil {
		t.Fatal(err)
	}
	tx, _, err := c.client.TransactionByHash(context.Background(), r.TxHash)
	if err != nil {
		t.Fatal(err)
	}
	if tx.Nonce() != 3 {
		t.Fatalf("next request got nonce %d, want 3", tx.Nonce())
	}
	if got := c.nonce(from.addr); got != 4 {
		t.Fatalf("%d transactions mined, want 4", got)
	}
	if got := c.balance(to.addr); got.Cmp(big.NewInt(1+2+3+10)) != 0 {
		t.Fatalf("recipient has %v, want 16", got)
	}
}

// A crash after the broadcast and before confirmation, with the node keeping the transaction
// in its pool or having lost it: a new manager recovers each from the journal, and every
// request is mined exactly once.
func TestCrashAfterBroadcastIsRecovered(t *testing.T) {
	for _, lostByNode := range []bool{false, true} {
		t.Run(fmt.Sprintf("lostByNode=%v", lostByNode), func(t *testing.T) {
			from, to := newAccount(t), newAccount(t)
			c := newChain(t, map[common.Address]*big.Int{from.addr: ether})
			journal := journalIn(t)

			m1, err := New(c.config(c.client, from, journal))
			if err != nil {
				t.Fatal(err)
			}
			if err := m1.Start(context.Background()); err != nil {
				t.Fatal(err)
			}
			const n = 4
			var pending []<-chan result
			for i := range n {
				var log progressLog
				req := transfer(fmt.Sprintf("bcast/%d", i), to.addr, int64(i+1))
				req.Progress = log.record
				pending = append(pending, sendAsync(context.Background(), m1, req))
				testharness.Eventually(t, 20*time.Second, func() bool { return log.has(stageIs(StageSent)) }, "sent")
			}
			if got := c.pendingNonce(from.addr); got != n {
				t.Fatalf("pending nonce %d, want %d", got, n)
			}
			// "Crash": stop without waiting for any receipt; nothing was mined.
			if err := m1.Stop(context.Background()); err != nil {
				t.Fatal(err)
			}
			for _, ch := range pending {
				if r := await(t, ch); !errors.Is(r.err, ErrStopped) {
					t.Fatalf("interrupted Send returned %v, want ErrStopped", r.err)
				}
			}
			if lostByNode {
				c.sim.Rollback() // the node forgets its pool, as a restarted node would
				if got := c.pendingNonce(from.addr); got != 0 {
					t.Fatalf("pending nonce %d after clearing the pool", got)
				}
			}

			c.mine(20 * time.Millisecond)
			m2 := start(t, c.config(c.client, from, journal))
			for i := range n {
				if _, err := m2.Send(context.Background(), transfer(fmt.Sprintf("bcast/%d", i), to.addr, int64(i+1))); err != nil {
					t.Fatal(err)
				}
			}
			if got := c.nonce(from.addr); got != n {
				t.Fatalf("%d transactions mined, want %d", got, n)
			}
			if got := c.balance(to.addr); got.Cmp(big.NewInt(1+2+3+4)) != 0 {
				t.Fatalf("recipient has %v, want 10", got)
			}
		})
	}
}
