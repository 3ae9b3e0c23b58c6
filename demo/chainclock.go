package demo

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
)

// chainClock is the time as the contracts see it: the wall clock shifted by how far the chain
// head's timestamp is ahead of it. A fresh devnet's chain runs ahead of the wall clock (the
// deployment's blocks are sealed back to back, each at least a second after its parent, and
// later blocks keep that lead), and the contracts judge every deadline and epoch by block
// time; nodes and the prober that kept wall-clock time would wait that lead again at every
// challenge window (node/watch's documentation suggests exactly this Clock).
//
// The offset is refreshed from the head every refresh; between blocks the head's timestamp
// is up to a block period old, so the clock may run behind the chain by that much (acting a
// little late), never ahead of it.
type chainClock struct {
	offset atomic.Int64 // nanoseconds
	stop   context.CancelFunc
	done   chan struct{}
}

const clockRefresh = 250 * time.Millisecond

func startChainClock(ctx context.Context, eth *ethclient.Client) (*chainClock, error) {
	c := &chainClock{done: make(chan struct{})}
	if err := c.refresh(ctx, eth); err != nil {
		return nil, err
	}
	lctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	c.stop = cancel
	go func() {
		defer close(c.done)
		t := time.NewTicker(clockRefresh)
		defer t.Stop()
		for {
			select {
			case <-lctx.Done():
				return
			case <-t.C:
				_ = c.refresh(lctx, eth) // a failed read keeps the last offset
			}
		}
	}()
	return c, nil
}

func (c *chainClock) refresh(ctx context.Context, eth *ethclient.Client) error {
	h, err := eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	c.offset.Store(int64(time.Unix(int64(h.Time), 0).Sub(time.Now())))
	return nil
}

// Offset is how far the chain's time is ahead of the wall clock.
func (c *chainClock) Offset() time.Duration { return time.Duration(c.offset.Load()) }

// Now is the chain's time.
func (c *chainClock) Now() time.Time { return time.Now().Add(c.Offset()) }

// After waits d (durations are the same on both clocks).
func (c *chainClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

func (c *chainClock) close() {
	if c == nil || c.stop == nil {
		return
	}
	c.stop()
	<-c.done
}
