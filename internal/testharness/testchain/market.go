package testchain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/settlement/onchain"
)

// Market is a Brine deployment of one test's own on the shared devnet, with the devnet's
// parameters and a dev token of its own: its providers are the only ones its jobs see and its
// verifier draws pick from, its books hold its jobs only, and its governance is the test's.
type Market struct {
	Chain *Chain
	// Deployment describes the contracts (addresses, parameters), as a deployment file would.
	Deployment *deploy.File
	// Governance deployed the contracts, owns them and mints the token. A test may act as
	// governance itself (m.Settlement(t, m.Governance, who): add a reporter, post roots);
	// NewAccount mints from the same account, so make accounts before or after governance's
	// own transactions, not while they are in flight.
	Governance *Account

	minter *sender

	mu       sync.Mutex
	accounts []common.Address
}

// Account is a fresh key: a test's own account.
type Account struct {
	Address common.Address
	Key     *ecdsa.PrivateKey
	chainID *big.Int
}

func newAccount(chainID *big.Int) (*Account, error) {
	k, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	return &Account{Address: crypto.PubkeyToAddress(k.PublicKey), Key: k, chainID: chainID}, nil
}

// SignTx signs tx for the devnet's chain.
func (a *Account) SignTx(_ context.Context, tx *types.Transaction) (*types.Transaction, error) {
	return types.SignTx(tx, types.LatestSignerForChainID(a.chainID), a.Key)
}

// SignHash signs a 32-byte digest ([R || S || V], V 0/1).
func (a *Account) SignHash(hash []byte) ([]byte, error) { return crypto.Sign(hash, a.Key) }

// What each fresh account (and a market's governance) gets: what a dev account gets.
func fundingETH() *big.Int    { return devnet.DefaultETHPerAccount() }
func fundingTokens() *big.Int { return devnet.DefaultTokensPerAccount() }

// Market deploys a market of the test's own on the shared devnet.
func (c *Chain) Market(t testing.TB) *Market {
	t.Helper()
	return c.MarketWith(t, nil)
}

// MarketWith is Market with the deployment configuration (the devnet's) changed by adjust
// before it is deployed: shorter uptime epochs, say. The token is always the market's own.
func (c *Chain) MarketWith(t testing.TB, adjust func(*deploy.Config)) *Market {
	t.Helper()
	m, err := c.newMarket(t, adjust)
	if err != nil {
		t.Fatalf("deploying the test's market: %v", err)
	}
	return m
}

func (c *Chain) newMarket(t testing.TB, adjust func(*deploy.Config)) (*Market, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cfg, err := c.Devnet.Deployment().Config()
	if err != nil {
		return nil, err
	}
	if adjust != nil {
		adjust(&cfg)
	}
	dev := deploy.DevConfig(cfg.Treasury, cfg.EpochGenesis)
	cfg.Token, cfg.TokenName, cfg.TokenSymbol = common.Address{}, dev.TokenName, dev.TokenSymbol

	gov, err := newAccount(c.Devnet.ChainID())
	if err != nil {
		return nil, err
	}
	tx, err := c.funder.send(ctx, gov.Address, fundingETH(), nil)
	if err != nil {
		return nil, fmt.Errorf("funding governance: %w", err)
	}
	if err := waitMined(ctx, c.Client, tx); err != nil {
		return nil, fmt.Errorf("funding governance: %w", err)
	}
	auth := &bind.TransactOpts{From: gov.Address, Context: ctx, Signer: func(_ common.Address, tx *types.Transaction) (*types.Transaction, error) {
		return gov.SignTx(ctx, tx)
	}}
	addrs, err := deploy.Deploy(ctx, c.Client, auth, cfg)
	if err != nil {
		return nil, err
	}
	f, err := deploy.NewFile(ctx, c.Client, addrs, cfg)
	if err != nil {
		return nil, err
	}
	t.Logf("the test's market: %s (token %s, registry %s)", addrs.Market, addrs.Token, addrs.Registry)
	return &Market{Chain: c, Deployment: f, Governance: gov, accounts: []common.Address{gov.Address},
		minter: &sender{client: c.Client, from: gov.Address, sign: gov.SignTx}}, nil
}

// Addresses are the market's contracts.
func (m *Market) Addresses() deploy.Addresses { return *m.Deployment.Addresses() }

// DeploymentID is what node.Config.Deployment names the market by.
func (m *Market) DeploymentID() string { return m.Chain.DeploymentID(m.Deployment.Market) }

// NewAccount is a fresh account holding what a dev account holds: 1000 ether and 10,000 of
// the market's tokens.
func (m *Market) NewAccount(t testing.TB) *Account {
	t.Helper()
	return m.NewAccounts(t, 1)[0]
}

// NewAccounts is n fresh accounts funded as NewAccount's, in the same blocks.
func (m *Market) NewAccounts(t testing.TB, n int) []*Account {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	token := bindings.NewBrineToken()
	var out []*Account
	var txs []*types.Transaction
	for range n {
		a, err := newAccount(m.Chain.Devnet.ChainID())
		if err != nil {
			t.Fatal(err)
		}
		eth, err := m.Chain.funder.send(ctx, a.Address, fundingETH(), nil)
		if err != nil {
			t.Fatalf("funding %s with ether: %v", a.Address, err)
		}
		mint, err := m.minter.send(ctx, m.Deployment.Token, nil, token.PackMint(a.Address, fundingTokens()))
		if err != nil {
			t.Fatalf("minting to %s: %v", a.Address, err)
		}
		out, txs = append(out, a), append(txs, eth, mint)
	}
	if err := waitMined(ctx, m.Chain.Client, txs...); err != nil {
		t.Fatalf("funding fresh accounts: %v", err)
	}
	m.mu.Lock()
	for _, a := range out {
		m.accounts = append(m.accounts, a.Address)
	}
	m.mu.Unlock()
	return out
}

// Accounts are the market's governance and every account NewAccount made, in order.
func (m *Market) Accounts() []common.Address {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.accounts)
}

// Settlement opens a writable settlement of the market for a through its own transaction
// manager, closed when the test ends.
func (m *Market) Settlement(t testing.TB, a *Account, who string) *onchain.Managed {
	t.Helper()
	return m.Chain.Settlement(t, m.Addresses(), a.Address, a, who)
}
