package clock

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// HeadTime reads the timestamp of the chain's head block (for go-ethereum:
// jobclient.ChainTime bound to a client).
type HeadTime func(ctx context.Context) (time.Time, error)

// DefaultChainRefresh is how often a Chain re-reads the head when NewChain is given 0: a
// quarter of the devnet's one-second block period, so the clock lags the chain by little more
// than the age of the head.
const DefaultChainRefresh = 250 * time.Millisecond

// Chain is the time as the contracts see it: the wall clock moved forward by how far the chain
// head's timestamp is ahead of it. The contracts judge every deadline, window and epoch by
// block time, and a chain can run ahead of the wall clock (a fresh devnet's does by seconds:
// its deployment's blocks are sealed back to back, each at least a second after its parent,
// and later blocks keep that lead). A node, prober or demo judging windows by the wall clock
// would then act late at every window, by the whole lead.
//
// The lead is measured from the head every refresh. Between blocks the head's timestamp is up
// to a block period old, so the clock may run behind the chain by that much (acting a little
// late) but never ahead of it: the next block is stamped no earlier than the head. A lead is
// never negative: a chain whose head is older than the wall clock (one sealing on demand that
// stood still, or a public chain between slots) stamps its next block about now, so the clock
// is then the wall clock. A failed read keeps the last lead.
//
// Durations are the same on both clocks, so After waits on the wall clock.
type Chain struct {
	head    HeadTime
	refresh time.Duration
	wall    func() time.Time // time.Now; tests move it

	lead atomic.Int64 // nanoseconds, >= 0

	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
}

// NewChain returns a stopped Chain reading head every refresh (0: DefaultChainRefresh).
// Until Start, or a Refresh, it is the wall clock.
func NewChain(head HeadTime, refresh time.Duration) *Chain {
	if refresh <= 0 {
		refresh = DefaultChainRefresh
	}
	return &Chain{head: head, refresh: refresh, wall: time.Now}
}

// ErrStarted is returned by Start on a Chain already started.
var ErrStarted = errors.New("clock: chain clock already started")

// Start measures the lead once and, if that succeeds, keeps measuring it every refresh until
// Stop (not until ctx ends: a clock that silently froze with a caller's ctx would drift behind
// the chain unnoticed).
func (c *Chain) Start(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done != nil {
		return ErrStarted
	}
	if err := c.Refresh(ctx); err != nil {
		return err
	}
	lctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	c.cancel, c.done = cancel, make(chan struct{})
	go c.loop(lctx, c.done)
	return nil
}

func (c *Chain) loop(ctx context.Context, done chan struct{}) {
	defer close(done)
	t := time.NewTicker(c.refresh)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			rctx, cancel := context.WithTimeout(ctx, c.refresh*4)
			_ = c.Refresh(rctx) // a failed read keeps the last lead
			cancel()
		}
	}
}

// Stop ends the refreshing (the clock keeps its last lead). It waits for the loop's read in
// flight, or ctx.
func (c *Chain) Stop(ctx context.Context) error {
	c.mu.Lock()
	cancel, done := c.cancel, c.done
	c.cancel, c.done = nil, nil
	c.mu.Unlock()
	if cancel == nil {
		return nil
	}
	cancel()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Refresh measures the lead now; on error the last lead stays.
func (c *Chain) Refresh(ctx context.Context) error {
	head, err := c.head(ctx)
	if err != nil {
		return err
	}
	c.lead.Store(int64(max(head.Sub(c.wall()), 0)))
	return nil
}

// Lead is how far the chain's time is ahead of the wall clock (never negative).
func (c *Chain) Lead() time.Duration { return time.Duration(c.lead.Load()) }

// Now is the chain's time.
func (c *Chain) Now() time.Time { return c.wall().Add(c.Lead()) }

// After waits d.
func (c *Chain) After(d time.Duration) <-chan time.Time { return time.After(d) }
