package testchain

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/settlement/onchain"
	"github.com/brine-compute/brine/wallet"
)

// DevAccounts is how many dev accounts the shared devnet has.
const DevAccounts = 8

// Chain is the devnet a test binary shares: blocks every second, so chain time moves.
type Chain struct {
	Devnet *devnet.Devnet
	Client *ethclient.Client
	funder *sender // the faucet: ether for every fresh account
}

var (
	sharedOnce sync.Once
	shared     *Chain
	sharedErr  error
)

// Shared starts the binary's devnet on first use and returns it; testharness.Main stops it.
func Shared(t testing.TB) *Chain {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = start() })
	if sharedErr != nil {
		t.Fatalf("devnet: %v", sharedErr)
	}
	return shared
}

func start() (*Chain, error) {
	d, err := devnet.New(devnet.Config{BlockPeriod: time.Second, Accounts: DevAccounts})
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := d.Start(ctx); err != nil {
		return nil, err
	}
	testharness.AtExit(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_ = d.Stop(ctx)
	})
	eth, err := ethclient.Dial(d.HTTPURL())
	if err != nil {
		return nil, err
	}
	w, err := wallet.Open(wallet.Config{Dir: d.KeystoreDir()})
	if err != nil {
		return nil, err
	}
	faucet, err := w.Signer(d.Faucet().Address, devnet.DevPassword, d.ChainID())
	if err != nil {
		return nil, err
	}
	return &Chain{Devnet: d, Client: eth, funder: &sender{client: eth, from: faucet.Address, sign: faucet.SignTx}}, nil
}

// DevSigner is dev account i's signer (the accounts of the devnet's own deployment, which
// tests that drive a keystore, such as a real `brine` process, use).
func (c *Chain) DevSigner(t testing.TB, i int) *wallet.Signer {
	t.Helper()
	w, err := wallet.Open(wallet.Config{Dir: c.Devnet.KeystoreDir()})
	if err != nil {
		t.Fatal(err)
	}
	s, err := w.Signer(c.Devnet.Accounts()[i].Address, devnet.DevPassword, c.Devnet.ChainID())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Signer signs an account's transactions and digests (wallet.Signer and Account have it).
type Signer interface {
	SignTx(ctx context.Context, tx *types.Transaction) (*types.Transaction, error)
	SignHash(hash []byte) ([]byte, error)
}

// Settlement opens a writable settlement of the deployment at addrs for the account addr
// signs for, through its own transaction manager, closed when the test ends.
func (c *Chain) Settlement(t testing.TB, addrs deploy.Addresses, addr common.Address, s Signer, who string) *onchain.Managed {
	t.Helper()
	m, err := onchain.OpenManaged(context.Background(), onchain.ManagedConfig{
		Client:        c.Client,
		ChainID:       c.Devnet.ChainID(),
		Addresses:     addrs,
		Account:       onchain.AccountSigner{Address: addr, SignTx: s.SignTx},
		HashSigner:    s,
		JournalPath:   filepath.Join(t.TempDir(), "journal.db"),
		Confirmations: 1,
		PollInterval:  100 * time.Millisecond,
		Logger:        testharness.Logger(t, who+"/settlement"),
	})
	if err != nil {
		t.Fatalf("settlement for %s: %v", who, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = m.Close(ctx)
	})
	return m
}

// DevSettlement is Settlement for dev account i on the devnet's own deployment.
func (c *Chain) DevSettlement(t testing.TB, i int, who string) *onchain.Managed {
	t.Helper()
	s := c.DevSigner(t, i)
	return c.Settlement(t, *c.Devnet.Deployment().Addresses(), s.Address, s, who)
}

// DeploymentID is what node.Config.Deployment names the market at addr by.
func (c *Chain) DeploymentID(market common.Address) string {
	return fmt.Sprintf("%d/%s", c.Devnet.ChainID(), market)
}
