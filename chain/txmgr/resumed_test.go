package txmgr

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Resumed lists what Start found journaled and unconfirmed, in nonce order, and nothing once
// those are confirmed.
func TestResumedListsWhatStartRecovered(t *testing.T) {
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
	if got := m1.Resumed(); len(got) != 0 {
		t.Fatalf("a fresh journal resumed %v", got)
	}
	m1.testHookJournaled = func(string) bool { return true }
	for i := range 2 {
		if _, err := m1.Send(context.Background(), transfer(fmt.Sprintf("r/%d", i), to.addr, int64(i+1))); !errors.Is(err, errSimulatedCrash) {
			t.Fatalf("send %d: %v, want the simulated crash", i, err)
		}
	}
	if err := m1.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}

	c.mine(20 * time.Millisecond)
	m2 := start(t, c.config(c.client, from, journal))
	got := m2.Resumed()
	if len(got) != 2 {
		t.Fatalf("resumed %d requests, want 2", len(got))
	}
	for i, req := range got {
		want := transfer(fmt.Sprintf("r/%d", i), to.addr, int64(i+1))
		if req.ID != want.ID || *req.To != *want.To || req.Value.Cmp(want.Value) != 0 {
			t.Errorf("resumed[%d] = %s to %s value %v, want %s to %s value %v", i, req.ID, req.To, req.Value, want.ID, want.To, want.Value)
		}
		if _, err := m2.Send(context.Background(), req); err != nil {
			t.Fatalf("%s: %v", req.ID, err)
		}
	}
	if err := m2.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	m3 := start(t, c.config(c.client, from, journal))
	if got := m3.Resumed(); len(got) != 0 {
		t.Errorf("confirmed requests resumed again: %v", got)
	}
}
