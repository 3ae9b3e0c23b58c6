package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/jobclient"
)

// startChainClock starts the clock the long-running commands (node, prober) judge windows
// and epochs by: the chain's time, which the contracts use and which can run ahead of this
// machine's (see clock.Chain). stop ends its refreshing.
func (s *session) startChainClock() (c *clock.Chain, stop func(), err error) {
	c = clock.NewChain(func(ctx context.Context) (time.Time, error) { return jobclient.ChainTime(ctx, s.client) }, 0)
	if err := c.Start(s.ctx); err != nil {
		return nil, nil, fmt.Errorf("reading the chain head's time: %w", err)
	}
	return c, func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = c.Stop(ctx)
	}, nil
}
