package sim

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/brine-compute/brine/deploy"
)

// Cartel membership: by count (a fraction of the providers) or by stake (members until they
// hold a fraction of all stake).
const (
	CartelByCount = "count"
	CartelByStake = "stake"
)

// Config is one run: the contracts' parameters, the population, its strategies' parameters and
// the jobs.
type Config struct {
	Seed uint64
	// Protocol is what the market and the registry are deployed with (DevProtocol by default).
	Protocol Protocol

	Jobs      int // jobs posted in the run
	Providers int // M

	Cartel          float64 // f: the cartel's share of providers (by count or by stake)
	CartelBy        string  // CartelByCount or CartelByStake
	CartelChallenge float64 // probability the cartel challenges a non-member's committed result

	Lazy          float64 // share of providers that are lazy
	LazyP         float64 // a lazy provider's probability of committing a made-up result
	LazyVerifiers float64 // share of providers that vote the public result without re-executing
	Withholders   float64 // share of providers that never serve results

	Clients int     // honest clients posting the jobs
	Detect  float64 // d: an honest client's probability of detecting (and challenging) a wrong result
	Grief   float64 // the griefer's probability of challenging a correct result

	Replicated float64 // share of jobs posted with Replicas > 1
	Replicas   int     // N of those jobs

	Payment    *big.Int // per job, base units
	Collateral *big.Int // per replica, base units

	// Wave is how many jobs are in flight in one round of blocks (posted, accepted, committed,
	// challenged, voted, finalized together).
	Wave int

	// Progress, when set, is called after each round with the jobs done so far.
	Progress func(done, total int)
}

// DefaultConfig is the population the issue names: 100 providers, a tenth lazy (half their
// results made up), a tenth lazy verifiers, one in twenty withholding, no cartel; 20 honest
// clients who catch nine wrong results in ten; a griefer challenging 2% of correct results; a
// fifth of jobs with three replicas; 10-token jobs with 20-token collateral. The collateral is
// the client's choice; 20 is derived from the bound (docs/security.md, *Lazy providers*): a
// provider that makes up half its results and is caught on two in three must lose money
// (p·q·collateral > (1 − p·q)·pay), which needs collateral ≥ 2 × the pay.
func DefaultConfig() Config {
	return Config{
		Seed:            1,
		Protocol:        DevProtocol(),
		Jobs:            1000,
		Providers:       100,
		CartelBy:        CartelByCount,
		CartelChallenge: 0.25,
		Lazy:            0.1,
		LazyP:           0.5,
		LazyVerifiers:   0.1,
		Withholders:     0.05,
		Clients:         20,
		Detect:          0.9,
		Grief:           0.02,
		Replicated:      0.2,
		Replicas:        3,
		Payment:         deploy.Token(10),
		Collateral:      deploy.Token(20),
		Wave:            200,
	}
}

// ErrConfig is wrapped by every Check error.
var ErrConfig = errors.New("sim: bad config")

func checkRate(name string, v, max float64) error {
	if !(v >= 0 && v <= max) { // also refuses NaN
		return fmt.Errorf("%w: %s = %v: want a fraction in [0, %v]", ErrConfig, name, v, max)
	}
	return nil
}

// Check names the first bad field and what it should be.
func (c Config) Check() error {
	if c.Jobs < 1 || c.Jobs > 1_000_000 {
		return fmt.Errorf("%w: jobs = %d: want 1..1000000", ErrConfig, c.Jobs)
	}
	if c.Providers < 8 || c.Providers > 2000 {
		return fmt.Errorf("%w: providers = %d: want 8..2000 (a panel of K needs K eligible providers beside the job's)", ErrConfig, c.Providers)
	}
	if c.Clients < 1 || c.Clients > 10_000 {
		return fmt.Errorf("%w: clients = %d: want 1..10000", ErrConfig, c.Clients)
	}
	for _, r := range []struct {
		name string
		v    float64
		max  float64
	}{
		{"cartel", c.Cartel, 0.9}, {"cartel-challenge", c.CartelChallenge, 1}, {"lazy", c.Lazy, 1},
		{"lazy-p", c.LazyP, 1}, {"lazy-verifiers", c.LazyVerifiers, 1}, {"withholders", c.Withholders, 1},
		{"detect", c.Detect, 1}, {"grief", c.Grief, 1}, {"replicated", c.Replicated, 1},
	} {
		if err := checkRate(r.name, r.v, r.max); err != nil {
			return err
		}
	}
	if c.Cartel+c.Lazy+c.LazyVerifiers+c.Withholders > 1 {
		return fmt.Errorf("%w: cartel + lazy + lazy-verifiers + withholders = %v: the shares of providers add up to more than 1", ErrConfig, c.Cartel+c.Lazy+c.LazyVerifiers+c.Withholders)
	}
	if c.CartelBy != CartelByCount && c.CartelBy != CartelByStake {
		return fmt.Errorf("%w: cartel-by = %q: want %q or %q", ErrConfig, c.CartelBy, CartelByCount, CartelByStake)
	}
	if err := c.Protocol.Check(); err != nil {
		return err
	}
	if c.Replicas < 2 || c.Replicas > maxReplicas {
		return fmt.Errorf("%w: replicas = %d: want 2..%d (the market's MAX_REPLICAS; postJob reverts BadRequest(\"replicas\")) for replicated jobs", ErrConfig, c.Replicas, maxReplicas)
	}
	if k := c.Protocol.Verifiers; c.Replicas+k > c.Providers {
		return fmt.Errorf("%w: replicas = %d and K = %d with %d providers: a replicated job's panel of K needs K providers beside its replicas", ErrConfig, c.Replicas, k, c.Providers)
	}
	if c.Payment == nil || c.Payment.Sign() <= 0 || c.Payment.Cmp(maxUint96) > 0 {
		return fmt.Errorf("%w: payment must be positive and fit the market's uint96 (postJob reverts BadRequest(\"payment\") on zero)", ErrConfig)
	}
	if c.Collateral == nil || c.Collateral.Cmp(c.Protocol.MinCollateral) < 0 || c.Collateral.Cmp(maxUint96) > 0 {
		return fmt.Errorf("%w: collateral must be at least the market's minimum collateral (%s base units; postJob reverts BadRequest(\"collateral\") below it) and fit a uint96", ErrConfig, c.Protocol.MinCollateral)
	}
	if least := c.Protocol.ratioMinimum(c.Payment, 1); c.Collateral.Cmp(least) < 0 {
		return fmt.Errorf("%w: collateral %s is below the market's minimum ratio (%d bps of the payment: %s base units for a single job; postJob reverts CollateralBelowRatio)", ErrConfig, c.Collateral, c.Protocol.MinCollateralBps, least)
	}
	// The smallest stake in the population is twice the minimum (populate): every provider must
	// be able to lock at least one seat's collateral, or no one could accept.
	if least := new(big.Int).Lsh(c.Protocol.MinStake, 1); c.Collateral.Cmp(least) > 0 {
		return fmt.Errorf("%w: collateral %s is more than the smallest provider's stake (%s, twice the minimum stake): acceptJob would revert InsufficientFreeStake", ErrConfig, c.Collateral, least)
	}
	if c.Wave < 1 || c.Wave > 2000 {
		return fmt.Errorf("%w: wave = %d: want 1..2000 jobs in flight", ErrConfig, c.Wave)
	}
	return nil
}
