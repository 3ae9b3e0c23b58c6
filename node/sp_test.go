package node_test

import (
	"strings"
	"testing"
	"time"

	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/node/store"
)

// A job whose spec requires a Filecoin storage provider is let go by a node whose provider
// bound no miner, with the reason, and taken once the provider has bound one.
func TestRequiresSPJob(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	p := stakedProvider(t, m, "provider")
	n := p.start(t, nil, dishonest.Honest)
	c := newClient(t, m)
	mod := c.module(t, guest(t))

	job := c.postDoc(t, greetDoc(mod, "sp", 0, "requires_sp: true\n"))
	rec := waitRecord(t, n, job.ID, "abandoned", 15*time.Second, func(r store.JobRecord) bool { return r.State.Terminal() })
	if rec.State != store.StateAbandoned || !strings.Contains(rec.Reason, "requires a Filecoin storage provider") {
		t.Fatalf("record %s (%q), want abandoned: no miner bound", rec.State, rec.Reason)
	}

	// Off FEVM the registry records the binding without an on-chain check.
	if _, err := p.acct.BindMiner(t.Context(), 1000, nil); err != nil {
		t.Fatal(err)
	}
	job = c.postDoc(t, greetDoc(mod, "sp", 0, "requires_sp: true\n"))
	rec = waitRecord(t, n, job.ID, "committed", 30*time.Second, func(r store.JobRecord) bool {
		return r.State >= store.StateCommitted || r.State.Terminal()
	})
	if rec.State == store.StateAbandoned || rec.State == store.StateFailed {
		t.Fatalf("record %s (%q), want the SP's node to run it", rec.State, rec.Reason)
	}
}
