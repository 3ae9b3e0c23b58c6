package txmgr_test

import (
	"context"
	"errors"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/chain/txmgr"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/internal/lotusstandin"
	"github.com/brine-compute/brine/internal/testharness"
)

// TestNotFinalizing: under --finality finalized, a chain that does not finalize ends Send with
// ErrNotFinalizing instead of a wait without end. Two such chains: a devnet that seals a block
// only for a transaction (as geth --dev does: its finalized block trails in steps of 32 blocks,
// and the block that would move it never comes), and a node whose finalized block stays at
// genesis while the head runs far ahead (the Lotus stand-in with a finalized depth beyond the
// chain, 1,900 blocks in).
func TestNotFinalizing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a devnet")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	d, err := devnet.New(devnet.Config{Accounts: 2}) // BlockPeriod 0: a block per transaction
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Stop(context.Background()) })
	ks := keystore.NewKeyStore(d.KeystoreDir(), keystore.LightScryptN, keystore.LightScryptP)
	from, to := d.Accounts()[0], d.Accounts()[1]
	if err := ks.Unlock(from, devnet.DevPassword); err != nil {
		t.Fatal(err)
	}
	send := func(t *testing.T, url string, stall time.Duration) error {
		t.Helper()
		client, err := ethclient.DialContext(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer client.Close()
		m, err := txmgr.New(txmgr.Config{
			Client:  client,
			ChainID: d.ChainID(),
			From:    from.Address,
			Signer: func(_ context.Context, tx *types.Transaction) (*types.Transaction, error) {
				return ks.SignTx(from, tx, d.ChainID())
			},
			JournalPath:   filepath.Join(t.TempDir(), "journal.db"),
			Finality:      finality.Rule{Tag: finality.Finalized},
			FinalityStall: stall,
			PollInterval:  20 * time.Millisecond,
			ResubmitAfter: time.Minute,
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Start(ctx); err != nil {
			t.Fatal(err)
		}
		defer func() { _ = m.Stop(context.Background()) }()
		_, err = m.Send(ctx, txmgr.Request{ID: "pay", To: &to.Address, Value: big.NewInt(1)})
		return err
	}

	t.Run("no blocks without transactions", func(t *testing.T) {
		start := time.Now()
		err := send(t, d.HTTPURL(), time.Second)
		if !errors.Is(err, finality.ErrNotFinalizing) {
			t.Fatalf("Send: %v, want ErrNotFinalizing", err)
		}
		t.Logf("after %s: %v", time.Since(start).Round(time.Millisecond), err)
	})

	t.Run("finalized stays at genesis", func(t *testing.T) {
		s, err := lotusstandin.New(lotusstandin.Config{Upstream: d.HTTPURL(), FinalizedDepth: 100_000})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Start(ctx); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Stop(context.Background()) })
		if err := d.Mine(ctx, finality.DefaultMaxLag+100); err != nil {
			t.Fatal(err)
		}
		// The stand-in shows a receipt a tipset after its block (Lotus's "latest"): keep
		// making tipsets, as Filecoin does.
		testharness.MineSteadily(t, d, 50*time.Millisecond)
		// A stall time far longer than the test: only the lag can end the wait.
		err = send(t, s.URL(), time.Hour)
		if !errors.Is(err, finality.ErrNotFinalizing) {
			t.Fatalf("Send: %v, want ErrNotFinalizing", err)
		}
		t.Log(err)
	})
}
