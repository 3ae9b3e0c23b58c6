package cli

import (
	"math/big"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/incentives/trees"
	"github.com/brine-compute/brine/node"
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

// autoClaim is the node's AutoClaim for the rule (nil when off): the account's rewards client
// and the probers of --prober plus those running with the data directory.
func (s *session) autoClaim(c *cli.Context, r claimRule) (*node.AutoClaim, error) {
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
	return &node.AutoClaim{
		Rewards:       rw,
		Probers:       trees.Local{DataDir: s.cfg.DataDir, Extra: extra},
		Interval:      c.Duration("claim-interval"),
		Factor:        r.factor,
		WeiPerToken:   r.weiPerToken,
		TokenDecimals: s.token.Decimals,
	}, nil
}
