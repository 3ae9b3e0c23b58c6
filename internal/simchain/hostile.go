package simchain

import (
	"context"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
)

// NewHostile is New with Brine deployed on HostileToken (contracts/src/test/HostileToken.sol):
// an ERC-20 with permit that calls ITokenHooks.onTokensReceived on every contract that opted in
// with setHooked(true), so tests can attack the contracts through reentrancy.
//
// HostileToken's ERC-20, permit and mint(address,uint256) selectors are BrineToken's, so
// c.Token, c.TokenABI, NewAccount (which mints) and SignPermit work unchanged; unlike the dev
// token, anyone may mint. An Option cannot do this (it sees only the deploy.Config, before any
// chain exists), so New deploys as usual and this redeploys the contracts on the hostile token;
// c.Addr, c.Config and the bound instances then point at the new deployment.
func NewHostile(tb testing.TB, opts ...Option) *Chain {
	tb.Helper()
	c := New(tb, opts...)
	if err := c.redeployOnHostileToken(); err != nil {
		tb.Fatalf("simchain: %v", err)
	}
	return c
}

func (c *Chain) redeployOnHostileToken() error {
	ctx := context.Background()
	addr, tx, err := bind.DeployContract(c.opts(c.Owner), common.FromHex(bindings.HostileTokenMetaData.Bin), c.Client, nil)
	if err != nil {
		return fmt.Errorf("deploy HostileToken: %w", err)
	}
	if _, err := c.receipt(tx); err != nil {
		return fmt.Errorf("deploy HostileToken: %w", err)
	}
	// The deploy tool's test transfer lends the probe one token from the deployer.
	if _, err := c.Send(c.Owner, c.TokenABI.Instance(c.Client, addr), c.TokenABI.PackMint(c.Owner.Addr, deploy.Token(1))); err != nil {
		return fmt.Errorf("mint HostileToken to the deployer: %w", err)
	}
	cfg := c.Config
	cfg.Token = addr
	addrs, err := deploy.Deploy(ctx, c.Client, c.opts(c.Owner), cfg)
	if err != nil {
		return err
	}
	c.Config = cfg
	c.Addr = *addrs
	c.Token = c.TokenABI.Instance(c.Client, addrs.Token)
	c.Registry = c.RegistryABI.Instance(c.Client, addrs.Registry)
	c.Market = c.MarketABI.Instance(c.Client, addrs.Market)
	c.Rewards = c.RewardsABI.Instance(c.Client, addrs.Rewards)
	return nil
}

// DeployReentrantActor deploys a ReentrantActor (contracts/src/test/HostileToken.sol) operated
// by operator: only operator may make it call (exec) or arm its reentry.
func (c *Chain) DeployReentrantActor(operator *Account) (common.Address, error) {
	addr, tx, err := bind.DeployContract(c.opts(operator), common.FromHex(bindings.ReentrantActorMetaData.Bin), c.Client, nil)
	if err != nil {
		return common.Address{}, fmt.Errorf("deploy ReentrantActor: %w", err)
	}
	if _, err := c.receipt(tx); err != nil {
		return common.Address{}, fmt.Errorf("deploy ReentrantActor: %w", err)
	}
	return addr, nil
}
