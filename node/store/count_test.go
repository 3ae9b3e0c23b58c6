package store_test

import (
	"testing"

	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
)

// TestCount: the per-state counts follow creates and transitions, with every state present.
func TestCount(t *testing.T) {
	s, _ := newStore(t)
	for id := settlement.JobID(1); id <= 3; id++ {
		create(t, s, id, store.RoleProvider)
	}
	must(t, s.Transition(2, store.StateSeen, store.StateAccepting, nil))
	must(t, s.Transition(3, store.StateSeen, store.StateAbandoned, fill(3)(store.StateAbandoned)))
	got, err := s.Count()
	must(t, err)
	want := map[store.State]int{store.StateSeen: 1, store.StateAccepting: 1, store.StateAbandoned: 1}
	if len(got) != len(store.States()) {
		t.Fatalf("%d states counted, want all %d", len(got), len(store.States()))
	}
	for _, st := range store.States() {
		if got[st] != want[st] {
			t.Errorf("%s: %d, want %d", st, got[st], want[st])
		}
	}
}
