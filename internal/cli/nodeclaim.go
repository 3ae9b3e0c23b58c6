package cli

import (
	"log/slog"
	"math/big"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/incentives/claimer"
	"github.com/brine-compute/brine/incentives/trees"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/units"
)

// claimRule is the auto-claim settings of `brine node run`, checked before anything starts.
type claimRule struct {
	on          bool
	factor      *big.Rat
	weiPerToken *big.Int
}

// parseClaimRule reads --auto-claim, --claim-factor and --token-price.
func parseClaimRule(c *cli.Context) (claimRule, error) {
	r := claimRule{on: c.Bool("auto-claim")}
	if !r.on {
		return r, nil
	}
	f, ok := new(big.Rat).SetString(strings.TrimSpace(c.String("claim-factor")))
	if !ok || f.Sign() < 0 || strings.ContainsAny(c.String("claim-factor"), "/eE") {
		return r, badInput("--claim-factor %q: want a decimal number, at least 0 (2: claim when the rewards are worth twice the fee)", c.String("claim-factor"))
	}
	r.factor = f
	price, err := units.ParseAmount(strings.TrimSpace(c.String("token-price")), 18)
	if err != nil {
		return r, badInput("--token-price %q: want what one reward token is worth in ETH, e.g. 0.001: %v", c.String("token-price"), err)
	}
	r.weiPerToken = price
	if c.Duration("claim-interval") < 0 {
		return r, badInput("--claim-interval must be positive")
	}
	return r, nil
}

// autoClaimer is the claimer for the rule (nil when off), composed beside the node: the account's
// rewards client, the probers of --prober plus those running with the data directory, and the
// node's libp2p host (host is asked when the claimer starts, after the node).
func (s *session) autoClaimer(c *cli.Context, r claimRule, host func() *p2p.Host, clk clock.Clock, log *slog.Logger) (*claimer.Claimer, error) {
	if !r.on {
		return nil, nil
	}
	extra, err := s.namedProbers(c)
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
		Interval:      c.Duration("claim-interval"),
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
