package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/brine-compute/brine/node/store"
)

// TestRecast: a provider record the node abandoned (it lost the accept race) becomes a
// verifier record when the node is drawn for the same job; a replay changes nothing; a live
// or settled record of another role is kept and refused; the state index follows.
func TestRecast(t *testing.T) {
	s, _ := newStore(t)
	verifier := store.JobRecord{Job: 1, Role: store.RoleVerifier, Seat: 2}

	create(t, s, 1, store.RoleProvider)
	if _, err := s.Recast(verifier); !errors.Is(err, store.ErrExists) {
		t.Fatalf("recasting a live provider record: %v, want ErrExists", err)
	}
	must(t, s.Transition(1, store.StateSeen, store.StateAbandoned, func(r *store.JobRecord) { r.Reason = "lost the race" }))
	created, err := s.Recast(verifier)
	if err != nil || !created {
		t.Fatalf("Recast = %v, %v; want created", created, err)
	}
	rec := get(t, s, 1)
	if rec.Role != store.RoleVerifier || rec.State != store.StateSeen || rec.Seat != 2 || rec.Reason != "" || len(rec.History) != 0 {
		t.Fatalf("recast record %+v", rec)
	}
	if created, err := s.Recast(verifier); err != nil || created {
		t.Fatalf("replayed Recast = %v, %v; want not created", created, err)
	}
	if l, err := s.List(store.StateAbandoned); err != nil || len(l) != 0 {
		t.Fatalf("abandoned index after the recast: %v, %v", l, err)
	}
	if l, err := s.List(store.StateSeen); err != nil || len(l) != 1 || l[0].Role != store.RoleVerifier {
		t.Fatalf("seen index after the recast: %v, %v", l, err)
	}
	// The verifier's record runs the verifier's graph: Seen → Accepted directly.
	must(t, s.Transition(1, store.StateSeen, store.StateAccepted, nil))

	create(t, s, 2, store.RoleProvider)
	must(t, s.Transition(2, store.StateSeen, store.StateFailed, func(r *store.JobRecord) { r.Reason = "failed" }))
	if _, err := s.Recast(store.JobRecord{Job: 2, Role: store.RoleVerifier}); !errors.Is(err, store.ErrExists) {
		t.Fatalf("recasting a failed provider record: %v, want ErrExists", err)
	}

	created, err = s.Recast(store.JobRecord{Job: 3, Role: store.RoleVerifier, Seat: 0})
	if err != nil || !created || get(t, s, 3).Role != store.RoleVerifier {
		t.Fatalf("Recast of a new job = %v, %v", created, err)
	}

	// An appeal: the first panel's seat ended; drawn again to the final panel (a later reveal
	// deadline), the node gets a new verifier record. A replay of the first draw does not.
	first := time.Unix(1_000, 0)
	created, err = s.Recast(store.JobRecord{Job: 4, Role: store.RoleVerifier, Seat: 1, CommitBy: first, RevealBy: first})
	if err != nil || !created {
		t.Fatalf("Recast of the first panel = %v, %v", created, err)
	}
	if created, err := s.Recast(store.JobRecord{Job: 4, Role: store.RoleVerifier, Seat: 1, CommitBy: first, RevealBy: first}); err != nil || created {
		t.Fatalf("replayed first draw of a live seat = %v, %v; want not created", created, err)
	}
	must(t, s.Transition(4, store.StateSeen, store.StateAbandoned, func(r *store.JobRecord) { r.Reason = "appealed" }))
	if created, err := s.Recast(store.JobRecord{Job: 4, Role: store.RoleVerifier, Seat: 1, CommitBy: first, RevealBy: first}); err != nil || created {
		t.Fatalf("replayed first draw of an ended seat = %v, %v; want not created", created, err)
	}
	final := first.Add(time.Minute)
	created, err = s.Recast(store.JobRecord{Job: 4, Role: store.RoleVerifier, Seat: 7, CommitBy: final, RevealBy: final})
	if rec := get(t, s, 4); err != nil || !created || rec.State != store.StateSeen || rec.Seat != 7 || !rec.RevealBy.Equal(final) {
		t.Fatalf("Recast to the final panel = %v, %v: %+v", created, err, rec)
	}
	if l, err := s.List(store.StateAbandoned); err != nil || len(l) != 0 {
		t.Fatalf("abandoned index after the recast: %v, %v", l, err)
	}
}
