package simchain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/devnet"
)

// Account is a funded externally owned account.
type Account struct {
	Name string
	Key  *ecdsa.PrivateKey
	Addr common.Address
}

// Chain is a simulated chain with Brine deployed.
type Chain struct {
	Sim     *simulated.Backend
	Client  *AutoMiner
	ChainID *big.Int
	Owner   *Account // deployer and governance; also mints the dev token
	Addr    deploy.Addresses
	Config  deploy.Config

	// ABIs (stateless packers/unpackers) and bound instances.
	TokenABI    *bindings.BrineToken
	RegistryABI *bindings.ProviderRegistry
	MarketABI   *bindings.JobMarket
	RewardsABI  *bindings.UptimeRewards
	Token       *bind.BoundContract
	Registry    *bind.BoundContract
	Market      *bind.BoundContract
	Rewards     *bind.BoundContract

	mu       sync.Mutex
	accounts int
}

// withMainnetRules runs the simulated chain on devnet.ChainConfig: mainnet gas rules.
func withMainnetRules(_ *node.Config, eth *ethconfig.Config) {
	eth.Genesis.Config = devnet.ChainConfig()
}

// Option changes the deployment configuration before deploying.
type Option func(*deploy.Config)

// mechanicsRatioBps is the minimum collateral ratio the chain deploys with unless an Option
// sets another: none (0), so that tests of the contracts' mechanics choose job amounts freely
// (their arithmetic is about splits and rounding, up to uint96 payments, not the ratio).
// deploy.DevConfig's is deploy.DefaultMinCollateralBps; WithDevRatio restores it for tests of
// the ratio.
const mechanicsRatioBps = 0

// WithDevRatio deploys with deploy.DevConfig's minimum collateral ratio
// (deploy.DefaultMinCollateralBps) instead of the mechanics tests' none.
func WithDevRatio() Option {
	return func(c *deploy.Config) { c.Market.MinCollateralBps = deploy.DefaultMinCollateralBps }
}

// AutoMiner is the simulated client with SendTransaction committing a block at once.
type AutoMiner struct {
	simulated.Client
	sim *simulated.Backend
}

// SendTransaction sends and mines tx in a block of its own.
//
// The transaction pool learns of each new block in the background, so right after a block
// that funded an account the pool may still judge the account's first transaction against the
// old state ("insufficient funds"). That is the pool lagging, not the account being short: the
// send is retried until the pool has caught up, for at most two seconds.
func (a *AutoMiner) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	deadline := time.Now().Add(2 * time.Second)
	for {
		err := a.Client.SendTransaction(ctx, tx)
		if err == nil {
			break
		}
		if !errors.Is(err, core.ErrInsufficientFunds) && !strings.Contains(err.Error(), core.ErrInsufficientFunds.Error()) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(10 * time.Millisecond):
		}
	}
	a.sim.Commit()
	return nil
}

// New starts a simulated chain and deploys Brine with deploy.DevConfig without its minimum
// collateral ratio (see WithDevRatio), changed by opts.
// The chain is closed when the test ends.
func New(tb testing.TB, opts ...Option) *Chain {
	tb.Helper()
	c, err := Start(opts...)
	if err != nil {
		tb.Fatalf("simchain: %v", err)
	}
	tb.Cleanup(func() { _ = c.Sim.Close() })
	return c
}

// Start is New without a testing.TB, for programs (the gas report). Close c.Sim when done.
func Start(opts ...Option) (*Chain, error) {
	ownerKey, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	treasuryKey, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	return start(ownerKey, crypto.PubkeyToAddress(treasuryKey.PublicKey), nil, opts)
}

// start runs a simulated chain on mainnet rules (plus backendOpts), funds the owner and deploys
// Brine with deploy.DevConfig changed by opts.
func start(ownerKey *ecdsa.PrivateKey, treasury common.Address, backendOpts []func(*node.Config, *ethconfig.Config), opts []Option) (*Chain, error) {
	owner := &Account{Name: "owner", Key: ownerKey, Addr: crypto.PubkeyToAddress(ownerKey.PublicKey)}
	rich := new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil)
	all := append([]func(*node.Config, *ethconfig.Config){simulated.WithBlockGasLimit(60_000_000), withMainnetRules}, backendOpts...)
	sim := simulated.NewBackend(types.GenesisAlloc{owner.Addr: {Balance: rich}}, all...)
	c := &Chain{
		Sim:         sim,
		Client:      &AutoMiner{Client: sim.Client(), sim: sim},
		Owner:       owner,
		TokenABI:    bindings.NewBrineToken(),
		RegistryABI: bindings.NewProviderRegistry(),
		MarketABI:   bindings.NewJobMarket(),
		RewardsABI:  bindings.NewUptimeRewards(),
	}
	ctx := context.Background()
	var err error
	if c.ChainID, err = c.Client.ChainID(ctx); err != nil {
		sim.Close()
		return nil, err
	}
	cfg := deploy.DevConfig(treasury, c.Now())
	cfg.Market.MinCollateralBps = mechanicsRatioBps
	for _, o := range opts {
		o(&cfg)
	}
	c.Config = cfg
	addrs, err := deploy.Deploy(ctx, c.Client, c.opts(owner), cfg)
	if err != nil {
		sim.Close()
		return nil, err
	}
	c.Addr = *addrs
	c.Token = c.TokenABI.Instance(c.Client, addrs.Token)
	c.Registry = c.RegistryABI.Instance(c.Client, addrs.Registry)
	c.Market = c.MarketABI.Instance(c.Client, addrs.Market)
	c.Rewards = c.RewardsABI.Instance(c.Client, addrs.Rewards)
	return c, nil
}

func (c *Chain) opts(a *Account) *bind.TransactOpts {
	o := bind.NewKeyedTransactor(a.Key, c.ChainID)
	o.Context = context.Background()
	return o
}

// Opts returns fresh transact options for a (not shared between goroutines).
func (c *Chain) Opts(a *Account) *bind.TransactOpts { return c.opts(a) }

// NewAccount creates an account with 1000 ETH and `tokens` dev tokens (base units; nil for none).
func (c *Chain) NewAccount(name string, tokens *big.Int) (*Account, error) {
	key, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	return c.NewAccountWithKey(name, key, tokens)
}

// MustAccount is NewAccount failing the test on error.
func (c *Chain) MustAccount(tb testing.TB, name string, tokens *big.Int) *Account {
	tb.Helper()
	a, err := c.NewAccount(name, tokens)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// SendETH transfers wei.
func (c *Chain) SendETH(from *Account, to common.Address, wei *big.Int) error {
	ctx := context.Background()
	nonce, err := c.Client.PendingNonceAt(ctx, from.Addr)
	if err != nil {
		return err
	}
	head, err := c.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	tip := big.NewInt(1e9)
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: c.ChainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21000, To: &to, Value: wei})
	signed, err := types.SignTx(tx, types.LatestSignerForChainID(c.ChainID), from.Key)
	if err != nil {
		return err
	}
	if err := c.Client.SendTransaction(ctx, signed); err != nil {
		return err
	}
	_, err = c.receipt(signed)
	return err
}

// Send sends a transaction with calldata to contract from account, mines it and returns the
// receipt. A revert (at estimation or in the block) comes back as a *reverts.Error.
func (c *Chain) Send(from *Account, contract *bind.BoundContract, data []byte) (*types.Receipt, error) {
	tx, err := bind.Transact(contract, c.opts(from), data)
	if err != nil {
		return nil, reverts.Decode(err)
	}
	return c.receipt(tx)
}

func (c *Chain) receipt(tx *types.Transaction) (*types.Receipt, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := bind.WaitMined(ctx, c.Client, tx.Hash())
	if err != nil {
		return nil, err
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return r, fmt.Errorf("transaction %s failed in block %d", tx.Hash(), r.BlockNumber)
	}
	return r, nil
}

// Call runs a read-only call and unpacks its result.
func Call[T any](c *Chain, contract *bind.BoundContract, data []byte, unpack func([]byte) (T, error)) (T, error) {
	v, err := bind.Call(contract, &bind.CallOpts{Context: context.Background()}, data, unpack)
	return v, reverts.Decode(err)
}

// Now is the latest block's timestamp.
func (c *Chain) Now() uint64 {
	h, err := c.Client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		panic(err)
	}
	return h.Time
}

// Advance moves the chain's clock forward by d and mines a block. The simulated beacon adds
// one second per block, so the new head is d+1 seconds after the old one.
func (c *Chain) Advance(d time.Duration) {
	if err := c.Sim.AdjustTime(d); err != nil {
		// The pool resets in the background after each block, so right after a mined
		// transaction it may still list it as pending and AdjustTime refuses ("could not
		// adjust time on non-empty block"). Every sent transaction is already mined here, so
		// clearing the pool is safe; then retry once.
		c.Sim.Rollback()
		if err := c.Sim.AdjustTime(d); err != nil {
			panic(err)
		}
	}
	c.Sim.Commit()
}

// Mine mines n empty blocks.
func (c *Chain) Mine(n int) {
	for i := 0; i < n; i++ {
		c.Sim.Commit()
	}
}

// TokenBalance is the dev token balance of addr.
func (c *Chain) TokenBalance(addr common.Address) (*big.Int, error) {
	return Call(c, c.Token, c.TokenABI.PackBalanceOf(addr), c.TokenABI.UnpackBalanceOf)
}

// ErrNoRecord is returned when a receipt carries no job record.
var ErrNoRecord = errors.New("simchain: receipt carries no job record")

// JobRecord returns the job ID and the newest record carried by a receipt's market events
// (JobPosted, JobAccepted, ResultCommitted, ReplicasResolved, ChallengeOpened,
// ChallengeResolved): exactly what a node would rebuild from logs.
func (c *Chain) JobRecord(r *types.Receipt) (*big.Int, bindings.JobMarketJob, error) {
	var (
		id    *big.Int
		job   bindings.JobMarketJob
		found bool
	)
	for _, l := range r.Logs {
		if l.Address != c.Addr.Market || len(l.Topics) == 0 {
			continue
		}
		if ev, err := c.MarketABI.UnpackJobPostedEvent(l); err == nil {
			id, job, found = ev.Id, ev.Job, true
		} else if ev, err := c.MarketABI.UnpackJobAcceptedEvent(l); err == nil {
			id, job, found = ev.Id, ev.Job, true
		} else if ev, err := c.MarketABI.UnpackResultCommittedEvent(l); err == nil {
			id, job, found = ev.Id, ev.Job, true
		} else if ev, err := c.MarketABI.UnpackReplicasResolvedEvent(l); err == nil {
			id, job, found = ev.Id, ev.Job, true
		} else if ev, err := c.MarketABI.UnpackChallengeOpenedEvent(l); err == nil {
			id, job, found = ev.Id, ev.Job, true
		} else if ev, err := c.MarketABI.UnpackChallengeResolvedEvent(l); err == nil {
			id, job, found = ev.Id, ev.Job, true
		}
	}
	if !found {
		return nil, job, ErrNoRecord
	}
	return id, job, nil
}
