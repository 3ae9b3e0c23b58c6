package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/internal/lifecycle"
	"github.com/brine-compute/brine/jobclient"
)

// startChainClock starts, as a service of r, the clock the long-running commands (node,
// prober) judge windows and epochs by: the chain's time, which the contracts use and which can
// run ahead of this machine's (see clock.Chain).
func (s *session) startChainClock(r *lifecycle.Runner) (*clock.Chain, error) {
	c := clock.NewChain(func(ctx context.Context) (time.Time, error) { return jobclient.ChainTime(ctx, s.client) }, 0)
	if err := r.Start(s.ctx, quietStop{Service: c}); err != nil {
		return nil, fmt.Errorf("reading the chain head's time: %w", err)
	}
	return c, nil
}
