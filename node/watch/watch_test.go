package watch_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/brine-compute/brine/clock/clocktest"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/node/watch"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

const (
	poll    = 5 * time.Second
	backoff = time.Second
)

// recorder is the handler: it counts handler starts and completions per event and can be
// told to fail or block on some.
type recorder struct {
	mu      sync.Mutex
	started map[settlement.Cursor]int
	done    map[settlement.Cursor]int
	order   []settlement.Event // completed, in order
	ticks   []time.Time
	hook    func(ctx context.Context, ev settlement.Event, attempt int) error
}

func newRecorder() *recorder {
	return &recorder{started: map[settlement.Cursor]int{}, done: map[settlement.Cursor]int{}}
}

func (r *recorder) handle(ctx context.Context, ev settlement.Event) error {
	r.mu.Lock()
	r.started[ev.Position()]++
	attempt, hook := r.started[ev.Position()], r.hook
	r.mu.Unlock()
	if hook != nil {
		if err := hook(ctx, ev, attempt); err != nil {
			return err
		}
	}
	r.mu.Lock()
	r.done[ev.Position()]++
	r.order = append(r.order, ev)
	r.mu.Unlock()
	return nil
}

func (r *recorder) tick(_ context.Context, now time.Time) error {
	r.mu.Lock()
	r.ticks = append(r.ticks, now)
	r.mu.Unlock()
	return errors.New("ticks may fail; the watcher goes on")
}

func (r *recorder) delivered() []settlement.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.order)
}

func (r *recorder) counts(pos settlement.Cursor) (started, done int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.started[pos], r.done[pos]
}

func (r *recorder) tickCount() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.ticks)
}

// world is a simulated chain, a store and a source for its market.
type world struct {
	t      *testing.T
	c      *simchain.Chain
	client *simchain.Account
	p      *simchain.Account
	src    *onchain.EventReader
	path   string
	store  *store.Store
}

func newWorld(t *testing.T) *world {
	t.Helper()
	c := simchain.New(t)
	p, err := c.NewProvider("p0", deploy.Token(1000), deploy.Token(500))
	must(t, err)
	w := &world{t: t, c: c, client: c.MustAccount(t, "client", deploy.Token(1000)), p: p,
		src: onchain.NewEventReader(c.Client, c.Addr), path: store.Path(t.TempDir())}
	w.openStore()
	return w
}

func (w *world) openStore() {
	s, err := store.Open(w.path)
	must(w.t, err)
	w.store = s
	w.t.Cleanup(func() { _ = s.Close() })
}

// committedJob posts a job that p accepts and commits: three market events.
func (w *world) committedJob() *simchain.Job {
	w.t.Helper()
	j, _, err := w.c.Post(w.client, w.c.Request(deploy.Token(5), deploy.Token(2), 1, time.Minute, time.Minute, 4))
	must(w.t, err)
	_, err = w.c.Accept(w.p, j)
	must(w.t, err)
	_, err = w.c.CommitResult(w.p, j, []byte(fmt.Sprint("bafy-", j.ID)))
	must(w.t, err)
	return j
}

// all is every event up to the head, straight from the source.
func (w *world) all(conf uint64) []settlement.Event {
	w.t.Helper()
	evs, _, err := w.src.Events(context.Background(), settlement.Cursor{}, conf, 0)
	must(w.t, err)
	return evs
}

func (w *world) head() uint64 {
	w.t.Helper()
	h, err := w.c.Client.BlockNumber(context.Background())
	must(w.t, err)
	return h
}

func (w *world) cursor() settlement.Cursor {
	w.t.Helper()
	c, _, err := w.store.GetCursor(watch.DefaultCursorName)
	must(w.t, err)
	return c
}

func (w *world) watcher(clock *clocktest.Manual, rec *recorder, conf uint64, batch int, cs watch.CursorStore) *watch.Watcher {
	w.t.Helper()
	if cs == nil {
		cs = w.store
	}
	wt, err := watch.New(watch.Config{
		Source: w.src, Store: cs, Confirmations: conf, PollInterval: poll, BatchSize: batch,
		MinBackoff: backoff, MaxBackoff: 3 * backoff, Clock: clock,
		Logger: testharness.Logger(w.t, ""),
		Handle: rec.handle, Tick: rec.tick,
	})
	must(w.t, err)
	return wt
}

func start(t *testing.T, wt *watch.Watcher) {
	t.Helper()
	must(t, wt.Start(context.Background()))
	t.Cleanup(func() { _ = wt.Stop(context.Background()) })
}

func stop(t *testing.T, wt *watch.Watcher) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	must(t, wt.Stop(ctx))
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func positions(evs []settlement.Event) []settlement.Cursor {
	out := make([]settlement.Cursor, len(evs))
	for i, e := range evs {
		out[i] = e.Position()
	}
	return out
}

// sameEvents fails unless got is want, position by position and kind by kind.
func sameEvents(t *testing.T, got, want []settlement.Event) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("delivered %d events %v, want %d %v", len(got), positions(got), len(want), positions(want))
	}
	for i := range want {
		if got[i].Position() != want[i].Position() || got[i].Kind != want[i].Kind || got[i].Job != want[i].Job {
			t.Fatalf("event %d: %s, want %s", i, got[i], want[i])
		}
	}
}

// TestDeliversInOrder: events of real market activity reach the handler once each, in chain
// order, across several batches; the cursor follows; every poll ticks.
func TestDeliversInOrder(t *testing.T) {
	w := newWorld(t)
	j1 := w.committedJob()
	w.committedJob()
	w.committedJob()
	w.c.Advance(5 * time.Second)
	_, err := w.c.Finalize(w.client, j1)
	must(t, err)

	clock, rec := clocktest.NewManual(time.Time{}), newRecorder()
	wt := w.watcher(clock, rec, 0, 4, nil)
	start(t, wt)
	if d := clock.NextWait(t); d != poll {
		t.Fatalf("waits %s after draining, want the poll interval", d)
	}
	want := w.all(0)
	if len(want) != 10 {
		t.Fatalf("%d events on chain, want 10", len(want))
	}
	sameEvents(t, rec.delivered(), want)
	end := settlement.Cursor{Block: w.head() + 1}
	if w.cursor() != end || wt.Cursor() != end {
		t.Fatalf("cursor stored %s, watcher %s; want %s", w.cursor(), wt.Cursor(), end)
	}
	// Three batches (4+4+2) ran back to back and each ticked.
	if n := rec.tickCount(); n != 3 {
		t.Fatalf("%d ticks, want 3", n)
	}

	// New activity is picked up by the next poll; a quiet poll delivers nothing and ticks.
	w.committedJob()
	clock.Step(t, poll)
	want = w.all(0)
	sameEvents(t, rec.delivered(), want)
	clock.Step(t, poll)
	sameEvents(t, rec.delivered(), want)
	if n := rec.tickCount(); n != 5 {
		t.Fatalf("%d ticks, want 5", n)
	}
	rec.mu.Lock()
	last := rec.ticks[len(rec.ticks)-1]
	rec.mu.Unlock()
	if !last.Equal(clock.Now()) {
		t.Fatalf("tick at %s, clock says %s", last, clock.Now())
	}
	for _, ev := range want {
		if s, d := rec.counts(ev.Position()); s != 1 || d != 1 {
			t.Fatalf("%s: handler started %d, completed %d times", ev, s, d)
		}
	}
}

// TestRestart: the watcher is stopped while a handler is halfway (its context cancelled) and
// the store closed, as a crash would leave them; more happens on chain; a new watcher on the
// reopened store delivers everything after the cursor. Only the interrupted event is
// delivered twice, and it completes once.
func TestRestart(t *testing.T) {
	w := newWorld(t)
	j1 := w.committedJob()
	w.committedJob()
	w.committedJob()
	before := w.all(0)
	victim := before[4]

	clock, rec := clocktest.NewManual(time.Time{}), newRecorder()
	blocked := make(chan struct{})
	rec.hook = func(ctx context.Context, ev settlement.Event, attempt int) error {
		if ev.Position() == victim.Position() && attempt == 1 {
			close(blocked)
			<-ctx.Done() // the handler is working when the node goes down
			return ctx.Err()
		}
		return nil
	}
	wt := w.watcher(clock, rec, 0, 0, nil)
	start(t, wt)
	select {
	case <-blocked:
	case <-time.After(20 * time.Second):
		t.Fatal("the handler never reached the victim event")
	}
	stop(t, wt)
	if got := w.cursor(); got != before[3].Next() {
		t.Fatalf("cursor after the stop %s, want %s (just after the last completed event)", got, before[3].Next())
	}
	sameEvents(t, rec.delivered(), before[:4])
	must(t, w.store.Close())

	// While the node is down.
	w.c.Advance(5 * time.Second)
	_, err := w.c.Finalize(w.client, j1)
	must(t, err)
	w.committedJob()

	w.openStore()
	wt = w.watcher(clock, rec, 0, 2, nil)
	start(t, wt)
	clock.NextWait(t)
	all := w.all(0)
	if len(all) != len(before)+4 {
		t.Fatalf("%d events on chain", len(all))
	}
	sameEvents(t, rec.delivered(), all)
	for _, ev := range all {
		s, d := rec.counts(ev.Position())
		wantStarts := 1
		if ev.Position() == victim.Position() {
			wantStarts = 2
		}
		if s != wantStarts || d != 1 {
			t.Errorf("%s: handler started %d times (want %d), completed %d (want 1)", ev, s, wantStarts, d)
		}
	}
	if got := w.cursor(); got != (settlement.Cursor{Block: w.head() + 1}) {
		t.Fatalf("cursor %s after catching up to block %d", got, w.head())
	}
}

// flakyCursors fails to write the cursor just after one event, once: as a crash between the
// handler's success and the cursor's write would.
type flakyCursors struct {
	*store.Store
	failAt settlement.Cursor
	failed bool
}

func (f *flakyCursors) PutCursor(name string, c settlement.Cursor) error {
	if c == f.failAt && !f.failed {
		f.failed = true
		return errors.New("disk full")
	}
	return f.Store.PutCursor(name, c)
}

// TestCursorWriteFails: when the cursor cannot be written after a handler succeeded, that
// event is delivered again (its handler runs twice, which idempotent handlers allow); no other
// event is, and none is skipped.
func TestCursorWriteFails(t *testing.T) {
	w := newWorld(t)
	w.committedJob()
	w.committedJob()
	all := w.all(0)
	victim := all[2]

	clock, rec := clocktest.NewManual(time.Time{}), newRecorder()
	wt := w.watcher(clock, rec, 0, 0, &flakyCursors{Store: w.store, failAt: victim.Next()})
	start(t, wt)
	if d := clock.NextWait(t); d != backoff {
		t.Fatalf("waits %s after a failed cursor write, want the backoff %s", d, backoff)
	}
	if got := w.cursor(); got != all[1].Next() {
		t.Fatalf("cursor %s, want %s", got, all[1].Next())
	}
	if d := clock.Step(t, backoff); d != poll {
		t.Fatalf("waits %s after recovering, want %s", d, poll)
	}
	for _, ev := range all {
		s, d := rec.counts(ev.Position())
		want := 1
		if ev.Position() == victim.Position() {
			want = 2
		}
		if s != want || d != want {
			t.Errorf("%s: started %d, completed %d; want %d", ev, s, d, want)
		}
	}
}

// TestHandlerErrorRetries: a failing handler is retried with a doubling, capped backoff; the
// cursor stays before the event and nothing after it is delivered until it succeeds. Ticks go
// on meanwhile.
func TestHandlerErrorRetries(t *testing.T) {
	w := newWorld(t)
	w.committedJob()
	w.committedJob()
	all := w.all(0)
	stuck := all[3]

	clock, rec := clocktest.NewManual(time.Time{}), newRecorder()
	rec.hook = func(_ context.Context, ev settlement.Event, attempt int) error {
		if ev.Position() == stuck.Position() && attempt <= 4 {
			return fmt.Errorf("executor busy (attempt %d)", attempt)
		}
		return nil
	}
	wt := w.watcher(clock, rec, 0, 0, nil)
	start(t, wt)
	waits := []time.Duration{clock.NextWait(t)}
	for i := 0; i < 3; i++ {
		if got := w.cursor(); got != all[2].Next() {
			t.Fatalf("retry %d: cursor %s, want %s", i, got, all[2].Next())
		}
		sameEvents(t, rec.delivered(), all[:3])
		waits = append(waits, clock.Step(t, waits[len(waits)-1]))
	}
	waits = append(waits, clock.Step(t, waits[len(waits)-1]))
	want := []time.Duration{backoff, 2 * backoff, 3 * backoff, 3 * backoff, poll}
	if !slices.Equal(waits, want) {
		t.Fatalf("waits %v, want %v", waits, want)
	}
	sameEvents(t, rec.delivered(), all)
	if s, d := rec.counts(stuck.Position()); s != 5 || d != 1 {
		t.Fatalf("stuck event: started %d, completed %d", s, d)
	}
	if n := rec.tickCount(); n != 5 {
		t.Fatalf("%d ticks, want one per poll (5)", n)
	}
	if got := w.cursor(); got != (settlement.Cursor{Block: w.head() + 1}) {
		t.Fatalf("cursor %s", got)
	}
}

// TestConfirmations: an event is delivered once its block has the confirmation depth, not
// before, and the cursor never passes it meanwhile.
func TestConfirmations(t *testing.T) {
	w := newWorld(t)
	clock, rec := clocktest.NewManual(time.Time{}), newRecorder()
	wt := w.watcher(clock, rec, 2, 0, nil)
	start(t, wt)
	clock.NextWait(t)
	base := len(rec.delivered())

	j, r, err := w.c.Post(w.client, w.c.Request(deploy.Token(5), deploy.Token(2), 1, time.Minute, time.Minute, 4))
	must(t, err)
	postBlock := r.BlockNumber.Uint64()
	for depth := 0; depth < 2; depth++ {
		clock.Step(t, poll)
		if n := len(rec.delivered()); n != base {
			t.Fatalf("at depth %d: delivered %v", depth, rec.delivered()[base:])
		}
		if c := w.cursor(); c.Block > postBlock {
			t.Fatalf("at depth %d: cursor %s passed block %d", depth, c, postBlock)
		}
		w.c.Mine(1)
	}
	clock.Step(t, poll)
	got := rec.delivered()[base:]
	if len(got) != 1 || got[0].Kind != settlement.EventJobPosted || got[0].Job != settlement.JobID(j.ID.Uint64()) || got[0].Block != postBlock {
		t.Fatalf("at depth 2: %v", got)
	}
	if got[0].Record == nil || got[0].Record.Payment.Cmp(deploy.Token(5)) != 0 || got[0].Account != w.client.Addr {
		t.Fatalf("posted event: %+v", got[0])
	}
	if c := w.cursor(); c != (settlement.Cursor{Block: w.head() - 2 + 1}) {
		t.Fatalf("cursor %s with head %d", c, w.head())
	}
}

// fakeSource fails a number of times, then returns its events, whatever the cursor.
type fakeSource struct {
	mu    sync.Mutex
	fails int
	evs   []settlement.Event
	calls []settlement.Cursor
}

func (f *fakeSource) Events(_ context.Context, after settlement.Cursor, _ uint64, _ int) ([]settlement.Event, settlement.Cursor, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, after)
	if f.fails > 0 {
		f.fails--
		return nil, after, errors.New("rpc: 503")
	}
	return slices.Clone(f.evs), settlement.Cursor{Block: 100}, nil
}

// TestSourceErrors: a failing source is retried with backoff from the same cursor, ticking
// meanwhile; a source that goes backwards is not believed.
func TestSourceErrors(t *testing.T) {
	s, err := store.Open(store.Path(t.TempDir()))
	must(t, err)
	defer s.Close()
	must(t, s.PutCursor("x", settlement.Cursor{Block: 10, LogIndex: 2}))
	src := &fakeSource{fails: 2, evs: []settlement.Event{
		{Kind: settlement.EventJobPosted, Job: 1, Block: 10, LogIndex: 1}, // before the cursor: a lying source
	}}
	clock, rec := clocktest.NewManual(time.Time{}), newRecorder()
	wt, err := watch.New(watch.Config{Source: src, Store: s, CursorName: "x", PollInterval: poll, MinBackoff: backoff,
		MaxBackoff: time.Minute, Clock: clock, Handle: rec.handle, Tick: rec.tick})
	must(t, err)
	start(t, wt)
	waits := []time.Duration{clock.NextWait(t)}
	for range 2 {
		waits = append(waits, clock.Step(t, waits[len(waits)-1]))
	}
	if want := []time.Duration{backoff, 2 * backoff, 4 * backoff}; !slices.Equal(waits, want) {
		t.Fatalf("waits %v, want %v", waits, want)
	}
	if n := len(rec.delivered()); n != 0 {
		t.Fatalf("delivered %d events from a source that went backwards", n)
	}
	src.mu.Lock()
	src.evs = []settlement.Event{{Kind: settlement.EventJobPosted, Job: 1, Block: 10, LogIndex: 2}, {Kind: settlement.EventJobAccepted, Job: 1, Block: 12}}
	calls := slices.Clone(src.calls)
	src.mu.Unlock()
	for _, c := range calls {
		if c != (settlement.Cursor{Block: 10, LogIndex: 2}) {
			t.Fatalf("polled from %s, want the stored cursor", c)
		}
	}
	if d := clock.Step(t, waits[len(waits)-1]); d != poll {
		t.Fatalf("waits %s after a good poll", d)
	}
	if got := rec.delivered(); len(got) != 2 || rec.tickCount() != 4 {
		t.Fatalf("delivered %v with %d ticks", got, rec.tickCount())
	}
	if c, _, _ := s.GetCursor("x"); c != (settlement.Cursor{Block: 100}) {
		t.Fatalf("cursor %s, want the end of the scan", c)
	}
}

func TestConfigCheck(t *testing.T) {
	s, err := store.Open(store.Path(t.TempDir()))
	must(t, err)
	defer s.Close()
	src := &fakeSource{}
	h := func(context.Context, settlement.Event) error { return nil }
	cases := []struct {
		name string
		cfg  watch.Config
		ok   bool
	}{
		{"minimal", watch.Config{Source: src, Store: s, Handle: h}, true},
		{"no source", watch.Config{Store: s, Handle: h}, false},
		{"no store", watch.Config{Source: src, Handle: h}, false},
		{"no handler", watch.Config{Source: src, Store: s}, false},
		{"negative poll", watch.Config{Source: src, Store: s, Handle: h, PollInterval: -1}, false},
		{"backoffs crossed", watch.Config{Source: src, Store: s, Handle: h, MinBackoff: time.Minute, MaxBackoff: time.Second}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := watch.New(c.cfg)
			if (err == nil) != c.ok {
				t.Fatalf("New: %v, want ok=%v", err, c.ok)
			}
		})
	}
	wt, err := watch.New(cases[0].cfg)
	must(t, err)
	must(t, wt.Stop(context.Background())) // never started: nothing to do
	must(t, wt.Start(context.Background()))
	defer wt.Stop(context.Background())
	if err := wt.Start(context.Background()); err == nil {
		t.Fatal("started twice")
	}
}

// chainSource serves events from a list, after the cursor, with the scan ending at head.
type chainSource struct {
	mu   sync.Mutex
	evs  []settlement.Event
	head uint64
}

func (c *chainSource) Events(_ context.Context, after settlement.Cursor, _ uint64, limit int) ([]settlement.Event, settlement.Cursor, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []settlement.Event
	for _, ev := range c.evs {
		if !ev.Position().Before(after) && ev.Block <= c.head {
			out = append(out, ev)
		}
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
		return out, out[limit-1].Next(), nil
	}
	return out, settlement.Cursor{Block: c.head + 1}, nil
}

// finalAt is a finality.Source the test moves.
type finalAt struct {
	mu    sync.Mutex
	block uint64
	ok    bool
}

func (f *finalAt) Final(context.Context) (uint64, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.block, f.ok, nil
}

func (f *finalAt) set(block uint64) {
	f.mu.Lock()
	f.block, f.ok = block, true
	f.mu.Unlock()
}

// TestFinality: with a finality source, only events at or below its final block are
// delivered and the cursor stops just after it, whatever the source scanned; nothing is
// delivered while no block is final; the rest follows as the final block moves up.
func TestFinality(t *testing.T) {
	s, err := store.Open(store.Path(t.TempDir()))
	must(t, err)
	defer s.Close()
	ev := func(block uint64, i uint) settlement.Event {
		return settlement.Event{Block: block, LogIndex: i, Kind: settlement.EventJobPosted, Job: settlement.JobID(block)}
	}
	src := &chainSource{head: 40, evs: []settlement.Event{ev(5, 0), ev(10, 0), ev(10, 1), ev(15, 0), ev(30, 0)}}
	final := &finalAt{}
	clock, rec := clocktest.NewManual(time.Time{}), newRecorder()
	wt, err := watch.New(watch.Config{
		Source: src, Store: s, PollInterval: poll, BatchSize: 2, Finality: final,
		MinBackoff: backoff, MaxBackoff: 3 * backoff, Clock: clock,
		Logger: testharness.Logger(t, ""), Handle: rec.handle, Tick: rec.tick,
	})
	must(t, err)
	start(t, wt)
	cursor := func() settlement.Cursor {
		c, _, err := s.GetCursor(watch.DefaultCursorName)
		must(t, err)
		return c
	}
	for _, step := range []struct {
		final     uint64 // 0: none yet
		delivered []settlement.Event
		cursor    settlement.Cursor
	}{
		{final: 0, cursor: settlement.Cursor{}},
		{final: 4, cursor: settlement.Cursor{Block: 5}},
		{final: 10, delivered: []settlement.Event{ev(5, 0), ev(10, 0), ev(10, 1)}, cursor: settlement.Cursor{Block: 11}},
		{final: 29, delivered: []settlement.Event{ev(5, 0), ev(10, 0), ev(10, 1), ev(15, 0)}, cursor: settlement.Cursor{Block: 30}},
		{final: 60, delivered: []settlement.Event{ev(5, 0), ev(10, 0), ev(10, 1), ev(15, 0), ev(30, 0)}, cursor: settlement.Cursor{Block: 41}},
	} {
		if step.final > 0 {
			final.set(step.final)
		}
		// Enough rounds for every batch the final block lets through.
		for range 4 {
			clock.Step(t, poll)
		}
		sameEvents(t, rec.delivered(), step.delivered)
		if c := cursor(); c != step.cursor {
			t.Fatalf("final %d: cursor %s, want %s", step.final, c, step.cursor)
		}
	}
}
