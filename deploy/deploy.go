package deploy

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
)

// Backend is what deployment needs from a chain connection.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
}

// Config says what to deploy. The deploying account becomes governance (owner) of every
// contract; hand ownership on with transferOwnership/acceptOwnership afterwards.
type Config struct {
	// Token is an existing ERC-20 to use. When zero, a BrineToken (dev token) is deployed and
	// owned by the deployer. An existing token must pass a test transfer first (see
	// TokenRefusedError): the deployer must hold at least one whole token (MinProbeAmount base
	// units at least), which is lent to a TokenProbe and returned.
	Token common.Address
	// TokenName and TokenSymbol name a deployed dev token.
	TokenName, TokenSymbol string
	// Treasury receives protocol fees and slashed leftovers.
	Treasury common.Address
	// MinStake is the registry's minimum stake for an active provider, in base units.
	MinStake *big.Int
	// UnbondingDelay is the registry's unstake delay (whole seconds).
	UnbondingDelay time.Duration
	// Market is the job market's first parameter set.
	Market bindings.JobMarketParams
	// EpochGenesis is when uptime epoch 0 starts (unix seconds).
	EpochGenesis uint64
	// EpochLength is the uptime epoch length (whole seconds).
	EpochLength time.Duration
	// RewardPerProvider is the most one provider earns per epoch, in base units.
	RewardPerProvider *big.Int
	// ClaimEpochs is how many epochs after its end an epoch's rewards stay claimable.
	ClaimEpochs uint64
}

// Check reports the first problem with the configuration.
func (c Config) Check() error {
	switch {
	case c.Token == (common.Address{}) && (c.TokenName == "" || c.TokenSymbol == ""):
		return errors.New("deploy: a dev token needs TokenName and TokenSymbol (or set Token to an existing ERC-20)")
	case c.Treasury == (common.Address{}):
		return errors.New("deploy: Treasury is required")
	case c.MinStake == nil || c.MinStake.Sign() <= 0:
		return errors.New("deploy: MinStake must be positive")
	case c.UnbondingDelay < 0 || c.UnbondingDelay%time.Second != 0:
		return errors.New("deploy: UnbondingDelay must be a non-negative whole number of seconds")
	case c.EpochLength < time.Second || c.EpochLength%time.Second != 0:
		return errors.New("deploy: EpochLength must be a positive whole number of seconds")
	case c.RewardPerProvider == nil || c.RewardPerProvider.Sign() <= 0:
		return errors.New("deploy: RewardPerProvider must be positive")
	case c.ClaimEpochs == 0:
		return errors.New("deploy: ClaimEpochs must be at least 1")
	case c.Market.MinCollateral == nil || c.Market.ChallengeBond == nil || c.Market.VerifierCollateral == nil:
		return errors.New("deploy: Market.MinCollateral, ChallengeBond and VerifierCollateral are required")
	case c.Market.MinCollateralBps > MaxCollateralBps:
		return fmt.Errorf("deploy: Market.MinCollateralBps must be at most %d basis points of the payment (JobMarket.MAX_COLLATERAL_BPS), e.g. %d", MaxCollateralBps, DefaultMinCollateralBps)
	}
	return nil
}

// Addresses are where the contracts live.
type Addresses struct {
	Token    common.Address `json:"token"`
	Registry common.Address `json:"registry"`
	Market   common.Address `json:"market"`
	Rewards  common.Address `json:"rewards"`
	// Block is the block of the first deployment transaction: event scans start here.
	Block uint64 `json:"deployBlock"`
}

// Deploy deploys and wires the contracts, waiting for each transaction to be mined. The
// transactions go out one at a time from auth's account.
func Deploy(ctx context.Context, backend Backend, auth *bind.TransactOpts, cfg Config) (*Addresses, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	d := deployer{ctx: ctx, backend: backend, auth: auth}
	var out Addresses
	var err error

	if cfg.Token == (common.Address{}) {
		out.Token, err = d.contract("BrineToken", bindings.BrineTokenMetaData.Bin,
			bindings.NewBrineToken().PackConstructor(cfg.TokenName, cfg.TokenSymbol, auth.From))
		if err != nil {
			return nil, err
		}
	} else {
		if err := d.probeToken(cfg.Token); err != nil {
			return nil, err
		}
		d.firstBlock = 0 // event scans start at the first Brine contract, not the probe
		out.Token = cfg.Token
	}
	out.Block = d.firstBlock

	out.Registry, err = d.contract("ProviderRegistry", bindings.ProviderRegistryMetaData.Bin,
		bindings.NewProviderRegistry().PackConstructor(out.Token, auth.From, cfg.MinStake, uint64(cfg.UnbondingDelay/time.Second)))
	if err != nil {
		return nil, err
	}
	if out.Block == 0 {
		out.Block = d.firstBlock
	}
	out.Market, err = d.contract("JobMarket", bindings.JobMarketMetaData.Bin,
		bindings.NewJobMarket().PackConstructor(out.Token, out.Registry, auth.From, cfg.Treasury, cfg.Market))
	if err != nil {
		return nil, err
	}
	if err := d.call("ProviderRegistry.setMarket", out.Registry, bindings.NewProviderRegistry().PackSetMarket(out.Market)); err != nil {
		return nil, err
	}
	out.Rewards, err = d.contract("UptimeRewards", bindings.UptimeRewardsMetaData.Bin,
		bindings.NewUptimeRewards().PackConstructor(out.Token, auth.From, cfg.EpochGenesis,
			uint64(cfg.EpochLength/time.Second), cfg.RewardPerProvider, cfg.ClaimEpochs))
	if err != nil {
		return nil, err
	}
	return &out, nil
}

type deployer struct {
	ctx        context.Context
	backend    Backend
	auth       *bind.TransactOpts
	firstBlock uint64
}

func (d *deployer) opts() *bind.TransactOpts {
	o := *d.auth
	o.Context = d.ctx
	return &o
}

func (d *deployer) contract(name, bin string, ctorInput []byte) (common.Address, error) {
	addr, tx, err := bind.DeployContract(d.opts(), common.FromHex(bin), d.backend, ctorInput)
	if err != nil {
		return common.Address{}, fmt.Errorf("deploy %s: %w", name, err)
	}
	if _, err := d.wait(name, tx); err != nil {
		return common.Address{}, err
	}
	return addr, nil
}

func (d *deployer) call(what string, to common.Address, input []byte) error {
	_, err := d.send(what, to, input)
	return err
}

// send sends input to the contract at `to` and waits for it to be mined.
func (d *deployer) send(what string, to common.Address, input []byte) (*types.Receipt, error) {
	return d.sendGas(what, to, input, 0)
}

// sendGas is send with a gas limit (0: estimated).
func (d *deployer) sendGas(what string, to common.Address, input []byte, gas uint64) (*types.Receipt, error) {
	instance := bindings.NewProviderRegistry().Instance(d.backend, to)
	o := d.opts()
	if gas != 0 {
		o.GasLimit = gas
	}
	tx, err := bind.Transact(instance, o, input)
	if err != nil {
		return nil, fmt.Errorf("deploy: %s: %w", what, reverts.Decode(err))
	}
	return d.wait(what, tx)
}

func (d *deployer) wait(name string, tx *types.Transaction) (*types.Receipt, error) {
	receipt, err := bind.WaitMined(d.ctx, d.backend, tx.Hash())
	if err != nil {
		return nil, fmt.Errorf("deploy %s: waiting for %s: %w", name, tx.Hash(), err)
	}
	if receipt.Status != types.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("deploy %s: transaction %s reverted", name, tx.Hash())
	}
	if d.firstBlock == 0 {
		d.firstBlock = receipt.BlockNumber.Uint64()
	}
	return receipt, nil
}

// Token returns n whole tokens of 18 decimals in base units.
func Token(n int64) *big.Int {
	return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18))
}

// DevConfig is a configuration for dev chains and tests: seconds-long windows and epochs so a
// whole job, challenge and epoch fit in a minute. Treasury must still be set.
func DevConfig(treasury common.Address, epochGenesis uint64) Config {
	return Config{
		TokenName:         "Brine Dev Token",
		TokenSymbol:       "BRINE",
		Treasury:          treasury,
		MinStake:          Token(100),
		UnbondingDelay:    30 * time.Second,
		Market:            DevMarketParams(),
		EpochGenesis:      epochGenesis,
		EpochLength:       60 * time.Second,
		RewardPerProvider: Token(10),
		ClaimEpochs:       30,
	}
}

// DevMarketParams are the market parameters DevConfig uses: 1% fee, K=3 verifiers,
// short windows.
func DevMarketParams() bindings.JobMarketParams {
	return bindings.JobMarketParams{
		MinCollateral:       Token(1),
		FeeBps:              100,
		ChallengerRewardBps: 5000,
		VerifierRewardBps:   3000,
		Verifiers:           3,
		MinChallengeWindow:  4,
		VoteCommitWindow:    10,
		VoteRevealWindow:    10,
		ReplicaRevealWindow: 10,
		ChallengeBond:       Token(10),
		VerifierCollateral:  Token(5),
		MinCollateralBps:    DefaultMinCollateralBps,
	}
}

// MaxCollateralBps is JobMarket.MAX_COLLATERAL_BPS: the highest minimum collateral ratio.
const MaxCollateralBps = 100_000

// DefaultMinCollateralBps is the least collateral per replica a job may ask for, in basis
// points of the replica's share of the payment: twice the payment. docs/security.md derives it
// from the lazy provider's bound p·q·S > (1 − p·q)·g (above 1.70 at the catch rate measured
// with a one-third cartel) and measures it with `brine sim`.
const DefaultMinCollateralBps = 20_000
