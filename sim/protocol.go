package sim

import (
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
)

// The market's and the registry's bounds (contracts/src/JobMarket.sol's constants and
// _setParams, ProviderRegistry.sol's _setStakingParams): a Protocol outside them would make
// the deployment revert, so Check refuses it first and names the revert.
const (
	maxVerifiers = 15      // JobMarket.MAX_VERIFIERS
	maxReplicas  = 9       // JobMarket.MAX_REPLICAS
	maxFeeBps    = 1000    // JobMarket.MAX_FEE_BPS
	maxRatioBps  = 100_000 // JobMarket.MAX_COLLATERAL_BPS
	allBps       = 10_000
)

// maxUint96 is the largest amount the contracts store (their amounts are uint96).
var maxUint96 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 96), big.NewInt(1))

// Protocol is the part of the contracts' parameters that decides who profits: the market's
// Params but its windows (which only pace the rounds: every agent acts in time, so they are
// deploy.DevMarketParams's), and the registry's minimum stake. Amounts are base units.
type Protocol struct {
	Verifiers           int      // K: verifiers drawn per challenge (odd, 1..15)
	ChallengeBond       *big.Int // what a challenger deposits
	VerifierCollateral  *big.Int // what each drawn verifier locks, and loses outside the majority
	MinCollateral       *big.Int // the least collateral per replica a job may ask for
	MinCollateralBps    int      // ... and at least this ratio to the replica's share of the payment (bps)
	FeeBps              int      // protocol fee on payments (0..1000)
	ChallengerRewardBps int      // share of slashed collateral to an upheld challenge's challenger
	VerifierRewardBps   int      // share of slashed collateral to the verifiers who upheld it
	MinStake            *big.Int // registry: a provider's stake to be active (stakes are 2..5 times it)
}

// DevProtocol is deploy.DevConfig's: K = 3, a 10-token bond, 5-token verifier collateral, a
// 1-token minimum collateral and a minimum ratio of twice the payment, a 1% fee, 50% of slashed collateral to the challenger and 30% to
// the verifiers, a 100-token minimum stake.
func DevProtocol() Protocol {
	m := deploy.DevMarketParams()
	return Protocol{
		Verifiers:           int(m.Verifiers),
		ChallengeBond:       new(big.Int).Set(m.ChallengeBond),
		VerifierCollateral:  new(big.Int).Set(m.VerifierCollateral),
		MinCollateral:       new(big.Int).Set(m.MinCollateral),
		MinCollateralBps:    int(m.MinCollateralBps),
		FeeBps:              int(m.FeeBps),
		ChallengerRewardBps: int(m.ChallengerRewardBps),
		VerifierRewardBps:   int(m.VerifierRewardBps),
		MinStake:            deploy.DevConfig(common.Address{}, 0).MinStake,
	}
}

// Check refuses what the contracts would refuse, naming the revert: JobMarket's constructor
// reverts BadParams("verifiers") unless K is odd and 1..15, BadParams("feeBps") above 10%,
// BadParams("rewardBps") when the two reward shares add up to more than 100%, and
// BadParams("challengeBond"/"verifierCollateral"/"minCollateral") on zero,
// BadParams("minCollateralBps") above MAX_COLLATERAL_BPS; the amounts are
// uint96 in the contracts; ProviderRegistry's reverts ParamOutOfRange("minStake") on zero.
func (p Protocol) Check() error {
	if p.Verifiers < 1 || p.Verifiers > maxVerifiers || p.Verifiers%2 == 0 {
		return fmt.Errorf("%w: K = %d verifiers: want odd, 1..%d (the market reverts BadParams(\"verifiers\"))", ErrConfig, p.Verifiers, maxVerifiers)
	}
	if p.FeeBps < 0 || p.FeeBps > maxFeeBps {
		return fmt.Errorf("%w: fee = %d bps: want 0..%d (the market reverts BadParams(\"feeBps\"))", ErrConfig, p.FeeBps, maxFeeBps)
	}
	if p.ChallengerRewardBps < 0 || p.VerifierRewardBps < 0 || p.ChallengerRewardBps+p.VerifierRewardBps > allBps {
		return fmt.Errorf("%w: challenger reward %d bps + verifier reward %d bps: want each >= 0 and together at most %d (the market reverts BadParams(\"rewardBps\"))",
			ErrConfig, p.ChallengerRewardBps, p.VerifierRewardBps, allBps)
	}
	if p.MinCollateralBps < 0 || p.MinCollateralBps > maxRatioBps {
		return fmt.Errorf("%w: minimum collateral ratio = %d bps: want 0..%d (the market reverts BadParams(\"minCollateralBps\") above)", ErrConfig, p.MinCollateralBps, maxRatioBps)
	}
	for _, a := range []struct {
		name, revert string
		v            *big.Int
	}{
		{"challenge bond", `BadParams("challengeBond")`, p.ChallengeBond},
		{"verifier collateral", `BadParams("verifierCollateral")`, p.VerifierCollateral},
		{"minimum collateral", `BadParams("minCollateral")`, p.MinCollateral},
		{"minimum stake", `ParamOutOfRange("minStake")`, p.MinStake},
	} {
		if a.v == nil || a.v.Sign() <= 0 {
			return fmt.Errorf("%w: %s must be positive (the contracts revert %s on zero)", ErrConfig, a.name, a.revert)
		}
		if a.v.Cmp(maxUint96) > 0 {
			return fmt.Errorf("%w: %s = %s base units does not fit the contracts' uint96", ErrConfig, a.name, a.v)
		}
	}
	return nil
}

// marketParams is the market's first parameter set: deploy.DevMarketParams with p's fields.
func (p Protocol) marketParams() bindings.JobMarketParams {
	m := deploy.DevMarketParams()
	m.Verifiers = uint8(p.Verifiers)
	m.ChallengeBond = new(big.Int).Set(p.ChallengeBond)
	m.VerifierCollateral = new(big.Int).Set(p.VerifierCollateral)
	m.MinCollateral = new(big.Int).Set(p.MinCollateral)
	m.MinCollateralBps = uint32(p.MinCollateralBps)
	m.FeeBps = uint16(p.FeeBps)
	m.ChallengerRewardBps = uint16(p.ChallengerRewardBps)
	m.VerifierRewardBps = uint16(p.VerifierRewardBps)
	return m
}

// ratioMinimum is the collateral per replica postJob asks of a job paying payment to n
// replicas: ceil(payment · MinCollateralBps / (10000 · n)) (JobMarket._ratioMinimum).
func (p Protocol) ratioMinimum(payment *big.Int, n int) *big.Int {
	num := new(big.Int).Mul(payment, big.NewInt(int64(p.MinCollateralBps)))
	den := big.NewInt(int64(allBps * n))
	num.Add(num, den).Sub(num, big.NewInt(1))
	return num.Quo(num, den)
}
