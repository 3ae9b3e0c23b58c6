package clocktest

import (
	"sync"
	"testing"
	"time"
)

// Start is where a Manual clock begins unless told otherwise: a fixed instant, so times in
// failures read the same on every run.
var Start = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// waitBuffer bounds the waits a test has not read yet. After blocks beyond it, which makes a
// test that never reads its waits hang visibly instead of growing without bound.
const waitBuffer = 64

// noticeDeadline is how long NextWait waits, in real time, for the code under test to wait
// on the clock: far longer than any step of a loop under test takes, even on a loaded machine.
const noticeDeadline = 20 * time.Second

// Manual is a clock.Clock whose time changes only by Advance. Each After registers a timer
// due at the clock's time plus d and reports d to NextWait.
type Manual struct {
	mu      sync.Mutex
	now     time.Time
	pending []timer
	waits   chan time.Duration
}

type timer struct {
	at time.Time
	ch chan time.Time
}

// NewManual returns a Manual clock at start (the zero time: Start).
func NewManual(start time.Time) *Manual {
	if start.IsZero() {
		start = Start
	}
	return &Manual{now: start, waits: make(chan time.Duration, waitBuffer)}
}

// Now is the clock's time.
func (c *Manual) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// After returns a channel that receives the clock's time once Advance has moved it d or more.
func (c *Manual) After(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	c.mu.Lock()
	c.pending = append(c.pending, timer{c.now.Add(d), ch})
	c.mu.Unlock()
	c.waits <- d
	return ch
}

// Advance moves the clock by d and fires every timer that is then due.
func (c *Manual) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.pending[:0]
	for _, t := range c.pending {
		if t.at.After(c.now) {
			kept = append(kept, t)
			continue
		}
		t.ch <- c.now
	}
	c.pending = kept
}

// NextWait waits until the code under test next calls After and returns the duration it asked
// for; the test fails if that does not happen within a generous real-time deadline.
func (c *Manual) NextWait(t testing.TB) time.Duration {
	t.Helper()
	select {
	case d := <-c.waits:
		return d
	case <-time.After(noticeDeadline):
		t.Fatal("clocktest: the code under test never waited on the clock")
		return 0
	}
}

// Step advances the clock by d (firing what is due) and returns the next wait.
func (c *Manual) Step(t testing.TB, d time.Duration) time.Duration {
	t.Helper()
	c.Advance(d)
	return c.NextWait(t)
}

// ExpectWait fails the test unless the code under test next waits for exactly want.
func (c *Manual) ExpectWait(t testing.TB, want time.Duration) {
	t.Helper()
	if d := c.NextWait(t); d != want {
		t.Fatalf("clocktest: the code under test waits %s, want %s", d, want)
	}
}
