package claimer_test

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/incentives/claimer"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/p2p/identity"
	"github.com/brine-compute/brine/settlement/onchain"
	"github.com/brine-compute/brine/wallet"
)

// The claimer's end-to-end test needs a chain, staked providers and their nodes (a prober
// probes them): a devnet of the package's own, blocks every second so chain time moves.
var (
	netOnce sync.Once
	netErr  error
	dn      *devnet.Devnet
	eth     *ethclient.Client
)

func TestMain(m *testing.M) {
	code := m.Run()
	if dn != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_ = dn.Stop(ctx)
		cancel()
	}
	os.Exit(code)
}

func chain(t testing.TB) {
	t.Helper()
	netOnce.Do(func() {
		d, err := devnet.New(devnet.Config{BlockPeriod: time.Second, Accounts: 4})
		if err != nil {
			netErr = err
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if netErr = d.Start(ctx); netErr != nil {
			return
		}
		dn = d
		eth, netErr = ethclient.Dial(d.HTTPURL())
	})
	if netErr != nil {
		t.Fatalf("devnet: %v", netErr)
	}
}

func testLogger(t testing.TB, name string) *slog.Logger {
	return slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelInfo})).With("who", name)
}

// account opens a writable settlement for dev account i through its own transaction manager.
func account(t testing.TB, i int, name string) *onchain.Managed {
	t.Helper()
	w, err := wallet.Open(wallet.Config{Dir: dn.KeystoreDir()})
	if err != nil {
		t.Fatal(err)
	}
	addr := dn.Accounts()[i].Address
	signer, err := w.Signer(addr, devnet.DevPassword, dn.ChainID())
	if err != nil {
		t.Fatal(err)
	}
	m, err := onchain.OpenManaged(context.Background(), onchain.ManagedConfig{
		Client:        eth,
		ChainID:       dn.ChainID(),
		Addresses:     *dn.Deployment().Addresses(),
		Account:       onchain.AccountSigner{Address: addr, SignTx: signer.SignTx},
		HashSigner:    signer,
		JournalPath:   filepath.Join(t.TempDir(), "journal.db"),
		Confirmations: 1,
		PollInterval:  100 * time.Millisecond,
		Logger:        testLogger(t, name+"/settlement"),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = m.Close(ctx)
	})
	return m
}

// provider is a staked provider account with a data directory and a peer identity.
type provider struct {
	acct    *onchain.Managed
	dataDir string
	id      *identity.Identity
}

func newProvider(t testing.TB, i int) *provider {
	t.Helper()
	p := &provider{acct: account(t, i, fmt.Sprintf("provider%d", i)), dataDir: t.TempDir()}
	var err error
	if p.id, _, err = identity.LoadOrCreate(identity.Path(p.dataDir)); err != nil {
		t.Fatal(err)
	}
	info, err := p.acct.Provider(context.Background(), p.acct.Account())
	if err != nil {
		t.Fatal(err)
	}
	if short := new(big.Int).Sub(deploy.Token(100), info.Staked); short.Sign() > 0 {
		if err := p.acct.Stake(context.Background(), short); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// running is a provider's node with its claimer beside it.
type running struct {
	node    *node.Node
	claimer *claimer.Claimer
}

// stop stops the claimer, then the node (the reverse of their start).
func stop(t testing.TB, r *running) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := r.claimer.Stop(ctx); err != nil {
		t.Errorf("stopping the claimer: %v", err)
	}
	if err := r.node.Stop(ctx); err != nil {
		t.Errorf("stopping the node: %v", err)
	}
}
