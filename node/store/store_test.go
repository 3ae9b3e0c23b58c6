package store_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
)

// fakeNow is a clock that moves one second per reading.
type fakeNow struct {
	mu sync.Mutex
	t  time.Time
}

func (f *fakeNow) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.t = f.t.Add(time.Second)
	return f.t
}

// After waits on the wall clock: the store only stamps records.
func (f *fakeNow) After(d time.Duration) <-chan time.Time { return time.After(d) }

func open(t *testing.T, path string) *store.Store {
	t.Helper()
	clock := &fakeNow{t: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
	s, err := store.Open(path, store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func newStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := store.Path(t.TempDir())
	return open(t, path), path
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func get(t testing.TB, s *store.Store, id settlement.JobID) store.JobRecord {
	t.Helper()
	r, err := s.Get(id)
	must(t, err)
	return r
}

func create(t testing.TB, s *store.Store, id settlement.JobID, role store.Role) {
	t.Helper()
	created, err := s.Create(store.JobRecord{Job: id, Role: role, Seat: -1})
	must(t, err)
	if !created {
		t.Fatalf("job %d was already recorded", id)
	}
}

func salt(i int) store.Salt { return sha256.Sum256([]byte(fmt.Sprint("salt", i))) }
func cid(i int) []byte      { return []byte(fmt.Sprint("bafy-result-", i)) }

// fill is the mutate every path below uses: it sets what each state needs.
func fill(i int) func(to store.State) func(*store.JobRecord) {
	return func(to store.State) func(*store.JobRecord) {
		return func(r *store.JobRecord) {
			switch to {
			case store.StateExecuted:
				r.ResultCID = cid(i)
			case store.StateCommitting:
				if r.Role.CommitReveal() {
					r.Salt = salt(i)
				}
			case store.StateFailed, store.StateAbandoned:
				r.Reason = "because"
			}
		}
	}
}

// paths are each role's way from Seen to Done.
var paths = map[store.Role][]store.State{
	store.RoleProvider: {store.StateSeen, store.StateAccepting, store.StateAccepted, store.StateRunning, store.StateExecuted,
		store.StateCommitting, store.StateCommitted, store.StateFinalizing, store.StateDone},
	store.RoleReplica: {store.StateSeen, store.StateAccepting, store.StateAccepted, store.StateRunning, store.StateExecuted,
		store.StateCommitting, store.StateCommitted, store.StateRevealing, store.StateRevealed, store.StateFinalizing, store.StateDone},
	store.RoleVerifier: {store.StateSeen, store.StateAccepted, store.StateRunning, store.StateExecuted,
		store.StateCommitting, store.StateCommitted, store.StateRevealing, store.StateRevealed, store.StateDone},
}

// TestLegal is the transition graph as a table: every edge a role may take, and the edges it
// may not.
func TestLegal(t *testing.T) {
	P, R, V := store.RoleProvider, store.RoleReplica, store.RoleVerifier
	type tc struct {
		role     store.Role
		from, to store.State
		legal    bool
	}
	var cases []tc
	for role, path := range paths {
		for i := 1; i < len(path); i++ {
			cases = append(cases, tc{role, path[i-1], path[i], true})
		}
	}
	cases = append(cases,
		tc{P, store.StateRunning, store.StateAccepted, true},    // a run cut short
		tc{V, store.StateRunning, store.StateAccepted, true},    // for every role
		tc{P, store.StateCommitted, store.StateDone, true},      // someone else finalized
		tc{R, store.StateRevealed, store.StateDone, true},       // someone else finalized
		tc{V, store.StateRevealed, store.StateFinalizing, true}, // the verifier resolves the challenge
		tc{P, store.StateSeen, store.StateAbandoned, true},      // declined
		tc{R, store.StateRevealing, store.StateFailed, true},    // any live state can fail
		tc{V, store.StateFinalizing, store.StateAbandoned, true},
		tc{P, store.StateRunning, store.StateRunning, true}, // an update in place
		tc{R, store.StateCommitting, store.StateCommitting, true},

		tc{P, store.StateCommitted, store.StateRevealing, false}, // N=1 has no reveal
		tc{P, store.StateRevealed, store.StateFinalizing, false},
		tc{P, store.StateSeen, store.StateAccepted, false},        // a provider must send the accept
		tc{V, store.StateSeen, store.StateAccepting, false},       // a verifier accepts nothing
		tc{R, store.StateCommitted, store.StateFinalizing, false}, // a replica reveals first
		tc{R, store.StateCommitted, store.StateDone, false},
		tc{V, store.StateCommitted, store.StateDone, false},
		tc{P, store.StateSeen, store.StateRunning, false}, // no skipping
		tc{P, store.StateAccepted, store.StateCommitting, false},
		tc{P, store.StateExecuted, store.StateCommitted, false},
		tc{P, store.StateCommitted, store.StateCommitting, false}, // no going back
		tc{R, store.StateExecuted, store.StateRunning, false},
		tc{P, store.StateDone, store.StateFailed, false}, // terminal states are final
		tc{P, store.StateFailed, store.StateSeen, false},
		tc{V, store.StateAbandoned, store.StateAbandoned, false},
		tc{P, store.StateDone, store.StateDone, false},
		tc{P, store.StateUnknown, store.StateSeen, false},
		tc{P, store.StateSeen, store.StateUnknown, false},
		tc{P, store.StateSeen, store.State(99), false},
		tc{store.RoleUnknown, store.StateSeen, store.StateAccepting, false},
	)
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s/%s-%s", c.role, c.from, c.to), func(t *testing.T) {
			if got := store.Legal(c.role, c.from, c.to); got != c.legal {
				t.Fatalf("Legal(%s, %s, %s) = %v, want %v", c.role, c.from, c.to, got, c.legal)
			}
		})
	}
}

// TestPaths walks each role from Seen to Done through the store, and refuses the illegal steps
// with a clear error, leaving the record as it was.
func TestPaths(t *testing.T) {
	s, _ := newStore(t)
	id := settlement.JobID(0)
	for _, role := range []store.Role{store.RoleProvider, store.RoleReplica, store.RoleVerifier} {
		path := paths[role]
		id++
		create(t, s, id, role)
		for i := 1; i < len(path); i++ {
			// Skipping ahead is refused when it is not an edge.
			if i+1 < len(path) && !store.Legal(role, path[i-1], path[i+1]) {
				before := get(t, s, id)
				err := s.Transition(id, path[i-1], path[i+1], fill(int(id))(path[i+1]))
				var te *store.TransitionError
				if !errors.Is(err, store.ErrIllegal) || !errors.As(err, &te) || te.From != path[i-1] || te.To != path[i+1] || te.Role != role {
					t.Fatalf("%s %s → %s: err = %v, want a TransitionError", role, path[i-1], path[i+1], err)
				}
				want := fmt.Sprintf("job %d: %s cannot go from %s to %s", id, role, path[i-1], path[i+1])
				if !strings.Contains(err.Error(), want) {
					t.Fatalf("error %q does not say %q", err, want)
				}
				if after := get(t, s, id); !reflect.DeepEqual(after, before) {
					t.Fatalf("a refused transition changed the record:\n%+v\n%+v", before, after)
				}
			}
			must(t, s.Transition(id, path[i-1], path[i], fill(int(id))(path[i])))
		}
		r := get(t, s, id)
		if r.State != store.StateDone || len(r.History) != len(path)-1 || !bytes.Equal(r.ResultCID, cid(int(id))) {
			t.Fatalf("%s record after its path: %+v", role, r)
		}
		if role.CommitReveal() != !r.Salt.IsZero() {
			t.Fatalf("%s salt %x", role, r.Salt)
		}
		for i, st := range r.History {
			if st.From != path[i] || st.To != path[i+1] || (i > 0 && !st.At.After(r.History[i-1].At)) {
				t.Fatalf("history %d: %+v", i, st)
			}
		}
		err := s.Transition(id, store.StateDone, store.StateFailed, fill(0)(store.StateFailed))
		if !errors.Is(err, store.ErrIllegal) {
			t.Fatalf("a done job failed: %v", err)
		}
	}
}

// TestConflict: a transition from a state the record is not in is refused with the state
// found, and changes nothing.
func TestConflict(t *testing.T) {
	s, _ := newStore(t)
	create(t, s, 7, store.RoleProvider)
	must(t, s.Transition(7, store.StateSeen, store.StateAccepting, nil))
	before := get(t, s, 7)
	called := false
	err := s.Transition(7, store.StateSeen, store.StateAccepting, func(*store.JobRecord) { called = true })
	var ce *store.ConflictError
	if !errors.Is(err, store.ErrConflict) || !errors.As(err, &ce) || ce.Actual != store.StateAccepting || ce.Expected != store.StateSeen || ce.Job != 7 {
		t.Fatalf("err = %v, want a conflict finding accepting", err)
	}
	if called {
		t.Fatal("mutate ran on a conflicting transition")
	}
	if after := get(t, s, 7); !reflect.DeepEqual(after, before) {
		t.Fatal("a conflicting transition changed the record")
	}
	if err := s.Transition(8, store.StateSeen, store.StateAccepting, nil); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown job: %v", err)
	}
}

// TestConcurrentTransitions: goroutines race for the same step of each job; exactly one wins
// each race and every loser learns the state the winner left.
func TestConcurrentTransitions(t *testing.T) {
	s, _ := newStore(t)
	const jobs, racers = 20, 12
	for id := settlement.JobID(1); id <= jobs; id++ {
		create(t, s, id, store.RoleReplica)
	}
	var (
		wg        sync.WaitGroup
		mu        sync.Mutex
		wins      = map[settlement.JobID]int{}
		conflicts = map[settlement.JobID]int{}
		start     = make(chan struct{})
	)
	for id := settlement.JobID(1); id <= jobs; id++ {
		for range racers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				err := s.Transition(id, store.StateSeen, store.StateAccepting, func(r *store.JobRecord) { r.Attempts++ })
				var ce *store.ConflictError
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					wins[id]++
				case errors.As(err, &ce) && ce.Actual == store.StateAccepting:
					conflicts[id]++
				default:
					t.Errorf("job %d: %v", id, err)
				}
			}()
		}
	}
	close(start)
	wg.Wait()
	for id := settlement.JobID(1); id <= jobs; id++ {
		if wins[id] != 1 || conflicts[id] != racers-1 {
			t.Errorf("job %d: %d wins, %d conflicts", id, wins[id], conflicts[id])
		}
		if r := get(t, s, id); r.Attempts != 1 || r.State != store.StateAccepting {
			t.Errorf("job %d: %+v", id, r)
		}
	}
}

// TestCreate: creating is idempotent for the same role, refused for another role or a record
// that is not new.
func TestCreate(t *testing.T) {
	s, _ := newStore(t)
	rec := store.JobRecord{Job: 3, Role: store.RoleProvider, Seat: -1, SpecHash: common.Hash{1}, Payment: big.NewInt(5)}
	created, err := s.Create(rec)
	must(t, err)
	if !created {
		t.Fatal("first create reported the job as known")
	}
	first := get(t, s, 3)
	if first.State != store.StateSeen || first.Created.IsZero() || first.Payment.Cmp(big.NewInt(5)) != 0 {
		t.Fatalf("created %+v", first)
	}
	must(t, s.Transition(3, store.StateSeen, store.StateAccepting, nil))
	moved := get(t, s, 3)

	rec.Payment = big.NewInt(6) // a replayed event: nothing changes
	created, err = s.Create(rec)
	if err != nil || created {
		t.Fatalf("second create: created=%v err=%v", created, err)
	}
	if again := get(t, s, 3); !reflect.DeepEqual(again, moved) {
		t.Fatalf("a repeated create changed the record:\n%+v\n%+v", moved, again)
	}
	if _, err := s.Create(store.JobRecord{Job: 3, Role: store.RoleVerifier}); !errors.Is(err, store.ErrExists) {
		t.Fatalf("create with another role: %v", err)
	}
	bad := []store.JobRecord{
		{Job: 0, Role: store.RoleProvider},
		{Job: 9, Role: store.RoleUnknown},
		{Job: 9, Role: store.Role(7)},
		{Job: 9, Role: store.RoleProvider, State: store.StateAccepted},
		{Job: 9, Role: store.RoleReplica, Salt: salt(1)},
		{Job: 9, Role: store.RoleProvider, ResultCID: []byte("x")},
	}
	for _, r := range bad {
		if _, err := s.Create(r); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("create %+v: %v, want ErrInvalid", r, err)
		}
	}
	if _, err := s.Get(9); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("a refused create left a record: %v", err)
	}
}

// TestInvariants: mutations that would lose a commit-reveal or rewrite history are refused and
// leave the record as it was.
func TestInvariants(t *testing.T) {
	s, _ := newStore(t)
	walk := func(id settlement.JobID, role store.Role, to store.State) {
		t.Helper()
		create(t, s, id, role)
		path := paths[role]
		for i := 1; i < len(path) && path[i-1] != to; i++ {
			must(t, s.Transition(id, path[i-1], path[i], fill(int(id))(path[i])))
		}
	}
	walk(1, store.RoleReplica, store.StateExecuted)
	walk(2, store.RoleProvider, store.StateExecuted)
	walk(3, store.RoleVerifier, store.StateCommitting)
	walk(4, store.RoleProvider, store.StateRunning)

	cases := []struct {
		name     string
		id       settlement.JobID
		from, to store.State
		mutate   func(*store.JobRecord)
	}{
		{"replica commits without a salt", 1, store.StateExecuted, store.StateCommitting, nil},
		{"commit without a CID", 1, store.StateExecuted, store.StateCommitting, func(r *store.JobRecord) { r.Salt = salt(1); r.ResultCID = nil }},
		{"executed without a CID", 4, store.StateRunning, store.StateExecuted, nil},
		{"salt changes", 3, store.StateCommitting, store.StateCommitted, func(r *store.JobRecord) { r.Salt = salt(99) }},
		{"salt cleared", 3, store.StateCommitting, store.StateCommitting, func(r *store.JobRecord) { r.Salt = store.Salt{} }},
		{"CID changes while committing", 3, store.StateCommitting, store.StateCommitted, func(r *store.JobRecord) { r.ResultCID = []byte("other") }},
		{"failed without a reason", 2, store.StateExecuted, store.StateFailed, nil},
		{"abandoned without a reason", 4, store.StateRunning, store.StateAbandoned, nil},
		{"job ID changes", 2, store.StateExecuted, store.StateExecuted, func(r *store.JobRecord) { r.Job = 77 }},
		{"role changes", 2, store.StateExecuted, store.StateExecuted, func(r *store.JobRecord) { r.Role = store.RoleVerifier }},
		{"mutate sets the state", 2, store.StateExecuted, store.StateExecuted, func(r *store.JobRecord) { r.State = store.StateDone }},
		{"creation time changes", 2, store.StateExecuted, store.StateExecuted, func(r *store.JobRecord) { r.Created = time.Time{} }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := get(t, s, c.id)
			if err := s.Transition(c.id, c.from, c.to, c.mutate); !errors.Is(err, store.ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			if after := get(t, s, c.id); !reflect.DeepEqual(after, before) {
				t.Fatal("a refused transition changed the record")
			}
		})
	}
	// A provider commits without a salt; the CID may still change before committing.
	must(t, s.Transition(2, store.StateExecuted, store.StateExecuted, func(r *store.JobRecord) { r.ResultCID = []byte("repackaged") }))
	must(t, s.Transition(2, store.StateExecuted, store.StateCommitting, nil))
}

// TestList lists by state through the state index, which follows every transition.
func TestList(t *testing.T) {
	s, _ := newStore(t)
	for id := settlement.JobID(1); id <= 6; id++ {
		create(t, s, id, store.RoleProvider)
	}
	for _, id := range []settlement.JobID{2, 4, 6} {
		must(t, s.Transition(id, store.StateSeen, store.StateAccepting, nil))
	}
	must(t, s.Transition(4, store.StateAccepting, store.StateAccepted, nil))
	must(t, s.Transition(5, store.StateSeen, store.StateAbandoned, func(r *store.JobRecord) { r.Reason = "price too low" }))
	ids := func(rs []store.JobRecord, err error) []settlement.JobID {
		t.Helper()
		must(t, err)
		var out []settlement.JobID
		for _, r := range rs {
			out = append(out, r.Job)
		}
		return out
	}
	cases := []struct {
		states []store.State
		want   []settlement.JobID
	}{
		{[]store.State{store.StateSeen}, []settlement.JobID{1, 3}},
		{[]store.State{store.StateAccepting}, []settlement.JobID{2, 6}},
		{[]store.State{store.StateAccepted, store.StateSeen}, []settlement.JobID{4, 1, 3}},
		{[]store.State{store.StateAbandoned}, []settlement.JobID{5}},
		{[]store.State{store.StateDone}, nil},
		{nil, []settlement.JobID{1, 3, 2, 6, 4, 5}},
	}
	for _, c := range cases {
		if got := ids(s.List(c.states...)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("List(%v) = %v, want %v", c.states, got, c.want)
		}
	}
}

// TestReopen: everything committed is there after closing and opening again, and a second
// process cannot open the file meanwhile.
func TestReopen(t *testing.T) {
	dir := t.TempDir()
	path := store.Path(dir)
	if path != filepath.Join(dir, "node", "state.db") {
		t.Fatalf("path %s", path)
	}
	s, err := store.Open(path)
	must(t, err)
	if _, err := store.Open(path, store.WithLockTimeout(50*time.Millisecond)); err == nil {
		t.Fatal("opened a database another handle holds")
	}
	for i, role := range []store.Role{store.RoleProvider, store.RoleReplica, store.RoleVerifier} {
		id := settlement.JobID(i + 1)
		_, err := s.Create(store.JobRecord{Job: id, Role: role, Seat: i, Payment: big.NewInt(1e18), AcceptBy: time.Unix(1e9, 0).UTC()})
		must(t, err)
		path := paths[role]
		for j := 1; j < 7; j++ {
			must(t, s.Transition(id, path[j-1], path[j], fill(int(id))(path[j])))
		}
	}
	must(t, s.PutCursor("market", settlement.Cursor{Block: 1234, LogIndex: 7}))
	spec := []byte(`{"engine":"wasm"}`)
	must(t, s.PutSpec(sha256.Sum256(spec), spec))
	must(t, s.Bind("1337/0xabc"))
	before, err := s.List()
	must(t, err)
	must(t, s.Close())

	s = open(t, path)
	after, err := s.List()
	must(t, err)
	if !reflect.DeepEqual(after, before) {
		t.Fatalf("records after reopening:\n%+v\nbefore:\n%+v", after, before)
	}
	if r := get(t, s, 2); r.Salt != salt(2) || r.State != store.StateCommitted || r.Seat != 1 || r.Payment.Cmp(big.NewInt(1e18)) != 0 {
		t.Fatalf("replica after reopening: %+v", r)
	}
	c, ok, err := s.GetCursor("market")
	must(t, err)
	if !ok || c != (settlement.Cursor{Block: 1234, LogIndex: 7}) {
		t.Fatalf("cursor %v %v", c, ok)
	}
	got, err := s.GetSpec(sha256.Sum256(spec))
	must(t, err)
	if !bytes.Equal(got, spec) {
		t.Fatalf("spec %q", got)
	}
	must(t, s.Bind("1337/0xabc"))
	if err := s.Bind("31337/0xdef"); !errors.Is(err, store.ErrBound) {
		t.Fatalf("bind to another deployment: %v", err)
	}
}

func TestCursorsAndSpecs(t *testing.T) {
	s, _ := newStore(t)
	if c, ok, err := s.GetCursor("none"); err != nil || ok || c != (settlement.Cursor{}) {
		t.Fatalf("missing cursor: %v %v %v", c, ok, err)
	}
	must(t, s.PutCursor("a", settlement.Cursor{Block: 1, LogIndex: 2}))
	must(t, s.PutCursor("a", settlement.Cursor{Block: 3}))
	if c, ok, err := s.GetCursor("a"); err != nil || !ok || c != (settlement.Cursor{Block: 3}) {
		t.Fatalf("cursor a: %v %v %v", c, ok, err)
	}

	spec := []byte("canonical spec bytes")
	if err := s.PutSpec(common.Hash{1}, spec); !errors.Is(err, store.ErrSpecHash) {
		t.Fatalf("spec under the wrong hash: %v", err)
	}
	big := make([]byte, jobspec.MaxSize+1)
	if err := s.PutSpec(sha256.Sum256(big), big); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("oversized spec: %v", err)
	}
	if _, err := s.GetSpec(sha256.Sum256(spec)); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("missing spec: %v", err)
	}
	must(t, s.PutSpec(sha256.Sum256(spec), spec))
	got, err := s.GetSpec(sha256.Sum256(spec))
	must(t, err)
	if !bytes.Equal(got, spec) {
		t.Fatalf("spec %q", got)
	}
}
