package clock

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// fakeChain is a head-time source and a wall clock the test moves by hand.
type fakeChain struct {
	mu    sync.Mutex
	wall  time.Time
	head  time.Time
	err   error
	reads int
}

func (f *fakeChain) headTime(context.Context) (time.Time, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads++
	return f.head, f.err
}

func (f *fakeChain) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.wall
}

func (f *fakeChain) set(fn func(*fakeChain)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

func (f *fakeChain) readCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.reads
}

var errRPC = errors.New("rpc down")

func TestChainRefresh(t *testing.T) {
	wall := time.Unix(1_000_000, 0)
	type step struct {
		head    time.Duration // head timestamp relative to the wall clock at the read
		err     error         // the read fails
		advance time.Duration // wall time passing after the read, before Now
		want    time.Duration // Now relative to the wall clock at the read
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"chain ahead: its lead is added", []step{{head: 5 * time.Second, want: 5 * time.Second}}},
		{"lead kept as wall time passes", []step{{head: 5 * time.Second, advance: 700 * time.Millisecond, want: 5700 * time.Millisecond}}},
		{"head behind the wall clock: wall clock", []step{{head: -3 * time.Second, want: 0}}},
		{"chain level with the wall clock", []step{{head: 0, want: 0}}},
		{"failed read keeps the last lead", []step{
			{head: 4 * time.Second, want: 4 * time.Second},
			{head: 9 * time.Second, err: errRPC, want: 4 * time.Second},
		}},
		{"failed first read: wall clock", []step{{head: 4 * time.Second, err: errRPC, want: 0}}},
		{"lead shrinks as the chain stands still", []step{
			{head: 5 * time.Second, advance: 2 * time.Second, want: 7 * time.Second},
			{head: 3 * time.Second, want: 3 * time.Second}, // same block, 2 s later
			{head: -1 * time.Second, want: 0},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeChain{wall: wall}
			c := NewChain(f.headTime, time.Hour)
			c.wall = f.now
			for i, s := range tt.steps {
				var at time.Time
				f.set(func(f *fakeChain) { at = f.wall; f.head, f.err = f.wall.Add(s.head), s.err })
				err := c.Refresh(context.Background())
				if !errors.Is(err, s.err) {
					t.Fatalf("step %d: Refresh = %v, want %v", i, err, s.err)
				}
				f.set(func(f *fakeChain) { f.wall = f.wall.Add(s.advance) })
				if got := c.Now().Sub(at); got != s.want {
					t.Fatalf("step %d: Now is %s after the read's wall time, want %s", i, got, s.want)
				}
				if c.Lead() < 0 {
					t.Fatalf("step %d: negative lead %s", i, c.Lead())
				}
			}
		})
	}
}

// The clock is never ahead of the chain: right after a read, Now is the head's time at most,
// and as the wall clock moves on it only moves with it.
func TestChainNeverAheadOfHead(t *testing.T) {
	f := &fakeChain{wall: time.Unix(2_000_000, 0)}
	c := NewChain(f.headTime, time.Hour)
	c.wall = f.now
	for _, lead := range []time.Duration{0, time.Nanosecond, 999 * time.Millisecond, 5 * time.Second, 90 * time.Minute} {
		var head time.Time
		f.set(func(f *fakeChain) { head = f.wall.Add(lead); f.head = head })
		if err := c.Refresh(context.Background()); err != nil {
			t.Fatal(err)
		}
		if now := c.Now(); now.After(head) {
			t.Fatalf("lead %s: Now %s is ahead of the head %s", lead, now, head)
		}
		if !c.Now().Equal(head) {
			t.Fatalf("lead %s: Now %s, want the head's time %s right after the read", lead, c.Now(), head)
		}
	}
}

func TestChainStartStop(t *testing.T) {
	f := &fakeChain{wall: time.Unix(3_000_000, 0)}
	f.head = f.wall.Add(2 * time.Second)
	c := NewChain(f.headTime, time.Millisecond)
	c.wall = f.now
	ctx := context.Background()
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.Start(ctx); !errors.Is(err, ErrStarted) {
		t.Fatalf("second Start = %v, want ErrStarted", err)
	}
	if c.Lead() != 2*time.Second {
		t.Fatalf("lead after Start = %s, want 2s", c.Lead())
	}
	// The loop picks up a new head by itself.
	f.set(func(f *fakeChain) { f.head = f.wall.Add(7 * time.Second) })
	deadline := time.Now().Add(5 * time.Second)
	for c.Lead() != 7*time.Second {
		if time.Now().After(deadline) {
			t.Fatalf("the loop did not refresh the lead: %s, want 7s", c.Lead())
		}
		time.Sleep(time.Millisecond)
	}
	// A failing source keeps the last lead while the loop goes on reading.
	f.set(func(f *fakeChain) { f.head, f.err = f.wall.Add(time.Hour), errRPC })
	before := f.readCount()
	for f.readCount() < before+3 {
		if time.Now().After(deadline) {
			t.Fatal("the loop stopped reading after a failure")
		}
		time.Sleep(time.Millisecond)
	}
	if c.Lead() != 7*time.Second {
		t.Fatalf("lead after failed reads = %s, want the last one, 7s", c.Lead())
	}
	if err := c.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	stopped := f.readCount()
	f.set(func(f *fakeChain) { f.err = nil })
	time.Sleep(20 * time.Millisecond) // no condition to poll: asserting that nothing happens
	if n := f.readCount(); n != stopped {
		t.Fatalf("%d reads after Stop", n-stopped)
	}
	if err := c.Stop(ctx); err != nil {
		t.Fatalf("second Stop = %v", err)
	}
	// Stopped, it can start again.
	if err := c.Start(ctx); err != nil {
		t.Fatalf("Start after Stop = %v", err)
	}
	if c.Lead() != time.Hour {
		t.Fatalf("lead after restart = %s, want 1h", c.Lead())
	}
	_ = c.Stop(ctx)
}

func TestChainStartFailsOnFirstRead(t *testing.T) {
	f := &fakeChain{wall: time.Unix(4_000_000, 0), err: errRPC}
	c := NewChain(f.headTime, time.Millisecond)
	if err := c.Start(context.Background()); !errors.Is(err, errRPC) {
		t.Fatalf("Start = %v, want the read's error", err)
	}
	// Not started: Stop is a no-op and Start may be tried again.
	if err := c.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.set(func(f *fakeChain) { f.err = nil; f.head = f.wall.Add(time.Second) })
	c.wall = f.now
	if err := c.Start(context.Background()); err != nil {
		t.Fatalf("Start after the source recovered = %v", err)
	}
	defer c.Stop(context.Background())
	if c.Lead() != time.Second {
		t.Fatalf("lead = %s, want 1s", c.Lead())
	}
}

// A Chain is a Clock.
var _ Clock = (*Chain)(nil)
