package cli

import (
	"log/slog"
	"math/big"
	"time"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/incentives/claimer"
	"github.com/brine-compute/brine/incentives/trees"
	"github.com/brine-compute/brine/p2p"
)

// claimRule is the auto-claim settings of `brine node run` (nodeRunConfig.claimRule),
// checked before anything starts.
type claimRule struct {
	on          bool
	factor      *big.Rat
	weiPerToken *big.Int
	interval    time.Duration
	probers     []string // the --prober option: more probers to fetch trees from
}

// autoClaimer is the claimer for the rule (nil when off), composed beside the node: the account's
// rewards client, the probers of the prober option plus those running with the data directory,
// and the node's libp2p host (host is asked when the claimer starts, after the node).
func (s *session) autoClaimer(r claimRule, host func() *p2p.Host, clk clock.Clock, log *slog.Logger) (*claimer.Claimer, error) {
	if !r.on {
		return nil, nil
	}
	extra, err := s.namedProbers(r.probers)
	if err != nil {
		return nil, err
	}
	rw, err := s.rewards(true)
	if err != nil {
		return nil, err
	}
	cl, err := claimer.New(claimer.Config{
		Rewards:       rw,
		Account:       s.account,
		Probers:       trees.Local{DataDir: s.cfg.DataDir, Extra: extra},
		Host:          host,
		Interval:      r.interval,
		Factor:        r.factor,
		WeiPerToken:   r.weiPerToken,
		TokenDecimals: s.token.Decimals,
		DataDir:       s.cfg.DataDir,
		Clock:         clk,
		Logger:        log,
	})
	if err != nil {
		return nil, badInput("%v", err)
	}
	return cl, nil
}
