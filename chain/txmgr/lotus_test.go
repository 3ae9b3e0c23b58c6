package txmgr_test

import (
	"context"
	"math/big"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/chain/txmgr"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/internal/lotusstandin"
	"github.com/brine-compute/brine/internal/testharness"
)

// TestFinalizedOnLotus sends through the Lotus stand-in with Lotus's behaviour on: null rounds,
// receipts a tipset after inclusion, "finalized" a depth below the head, and gas estimates at
// Filecoin scale (200 times the EVM's). A transfer and a contract creation go through with
// the scaled estimates plus the margin, and Send returns only once the finalized block has
// reached the receipt's block, not at a confirmation depth.
func TestFinalizedOnLotus(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a devnet")
	}
	const finalizedDepth = 6
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	d, err := devnet.New(devnet.Config{Accounts: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Stop(context.Background()) })
	s, err := lotusstandin.New(lotusstandin.Config{
		Upstream:       d.HTTPURL(),
		FinalizedDepth: finalizedDepth,
		SafeDepth:      2,
		GasScale:       lotusstandin.FilecoinGasScale,
		NullRound:      func(h uint64) bool { return h%3 == 0 },
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Stop(context.Background()) })
	lotus, err := ethclient.DialContext(ctx, s.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer lotus.Close()
	geth, err := ethclient.DialContext(ctx, d.HTTPURL())
	if err != nil {
		t.Fatal(err)
	}
	defer geth.Close()

	// Filecoin makes a tipset every 30 s whether or not there are messages: mine steadily, so
	// that empty heights (null rounds, where the rule picks them) pass while the manager waits.
	defer testharness.MineSteadily(t, d, 40*time.Millisecond)()

	ks := keystore.NewKeyStore(d.KeystoreDir(), keystore.LightScryptN, keystore.LightScryptP)
	from, to := d.Accounts()[0], d.Accounts()[1]
	if err := ks.Unlock(from, devnet.DevPassword); err != nil {
		t.Fatal(err)
	}
	m, err := txmgr.New(txmgr.Config{
		Client:  lotus,
		ChainID: d.ChainID(),
		From:    from.Address,
		Signer: func(_ context.Context, tx *types.Transaction) (*types.Transaction, error) {
			return ks.SignTx(from, tx, d.ChainID())
		},
		JournalPath:   filepath.Join(t.TempDir(), "journal.db"),
		Finality:      finality.Rule{Tag: finality.Finalized},
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

	// A contract whose code is one STOP: creating it costs about 53,000 EVM gas.
	create := common.FromHex("0x600180600b6000396000f300")
	for _, req := range []txmgr.Request{
		{ID: "pay", To: &to.Address, Value: big.NewInt(12345)},
		{ID: "create", Data: create},
	} {
		var (
			mu       sync.Mutex
			awaiting []txmgr.Progress
		)
		req.Progress = func(p txmgr.Progress) {
			if p.Stage == txmgr.StageConfirmations {
				mu.Lock()
				awaiting = append(awaiting, p)
				mu.Unlock()
			}
		}
		evm, err := geth.EstimateGas(ctx, ethereum.CallMsg{From: from.Address, To: req.To, Value: req.Value, Data: req.Data})
		if err != nil {
			t.Fatal(err)
		}
		r, err := m.Send(ctx, req)
		if err != nil {
			t.Fatalf("%s: %v", req.ID, err)
		}
		if r.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("%s: status %d", req.ID, r.Status)
		}
		block := r.BlockNumber.Uint64()
		fin, err := lotus.HeaderByNumber(ctx, big.NewInt(int64(rpc.FinalizedBlockNumber)))
		if err != nil {
			t.Fatal(err)
		}
		if fin.Number.Uint64() < block {
			t.Fatalf("%s: Send returned with block %d not finalized (finalized %d)", req.ID, block, fin.Number)
		}
		head, err := geth.BlockNumber(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if head < block+finalizedDepth {
			t.Fatalf("%s: Send returned at head %d, block %d: less than the finalized depth %d", req.ID, head, block, finalizedDepth)
		}
		mu.Lock()
		waited := len(awaiting) > 0 && awaiting[0].Tag == finality.Finalized && awaiting[0].Final < block && awaiting[0].Depth == 0
		mu.Unlock()
		if !waited {
			t.Fatalf("%s: no progress while waiting for the finalized block: %+v", req.ID, awaiting)
		}
		tx, _, err := geth.TransactionByHash(ctx, r.TxHash)
		if err != nil {
			t.Fatal(err)
		}
		scaled := evm * lotusstandin.FilecoinGasScale
		if want := scaled + scaled*txmgr.DefaultGasMargin/100; tx.Gas() != want {
			t.Fatalf("%s: gas limit %d, want the Filecoin-scale estimate %d plus %d%%: %d", req.ID, tx.Gas(), scaled, txmgr.DefaultGasMargin, want)
		}
		t.Logf("%s: block %d, finalized at %d; gas limit %d for %d EVM gas used", req.ID, block, fin.Number, tx.Gas(), r.GasUsed)
	}
}
