package watch_test

import (
	"context"
	"math/big"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/internal/lotusstandin"
	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/node/watch"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
	"github.com/brine-compute/brine/wallet"
)

// TestFinalizedEventsOnLotus: the watcher follows the market through the Lotus stand-in with
// null rounds (every third empty height), eth_getLogs limits that make the reader page, and
// --finality finalized (5 tipsets deep). Every job posted is delivered once, in order, and
// never before the stand-in's finalized block has reached it.
func TestFinalizedEventsOnLotus(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a devnet")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	d, err := devnet.New(devnet.Config{Accounts: 2})
	must(t, err)
	must(t, d.Start(ctx))
	t.Cleanup(func() { _ = d.Stop(context.Background()) })
	s, err := lotusstandin.New(lotusstandin.Config{
		Upstream:       d.HTTPURL(),
		FinalizedDepth: 5,
		MaxLogRange:    8,
		MaxLogResults:  2,
		NullRound:      func(h uint64) bool { return h%3 == 0 },
	})
	must(t, err)
	must(t, s.Start(ctx))
	t.Cleanup(func() { _ = s.Stop(context.Background()) })
	lotus, err := ethclient.DialContext(ctx, s.URL())
	must(t, err)
	defer lotus.Close()

	defer testharness.MineSteadily(t, d, 60*time.Millisecond)()

	addrs := *d.Deployment().Addresses()
	w, err := wallet.Open(wallet.Config{Dir: d.KeystoreDir()})
	must(t, err)
	signer, err := w.Signer(d.Accounts()[1].Address, devnet.DevPassword, d.ChainID())
	must(t, err)
	client, err := onchain.OpenManaged(ctx, onchain.ManagedConfig{
		Client: lotus, ChainID: d.ChainID(), Addresses: addrs,
		Account:    onchain.AccountSigner{Address: signer.Address, SignTx: signer.SignTx},
		HashSigner: signer, JournalPath: filepath.Join(t.TempDir(), "journal.db"),
		Confirmations: 1, PollInterval: 20 * time.Millisecond,
	})
	must(t, err)
	defer func() { _ = client.Close(context.Background()) }()

	final := finality.New(lotus, finality.Rule{Tag: finality.Finalized})
	var (
		mu        sync.Mutex
		delivered []settlement.Event
		early     []string
	)
	st, err := store.Open(store.Path(t.TempDir()))
	must(t, err)
	defer st.Close()
	wt, err := watch.New(watch.Config{
		Source: onchain.NewEventReader(lotus, addrs), Store: st, Finality: final,
		PollInterval: 50 * time.Millisecond, BatchSize: 2, Logger: testharness.Logger(t, "watch"),
		Handle: func(ctx context.Context, ev settlement.Event) error {
			h, err := lotus.HeaderByNumber(ctx, big.NewInt(int64(rpc.FinalizedBlockNumber)))
			if err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			if h.Number.Uint64() < ev.Block {
				early = append(early, ev.String())
			}
			delivered = append(delivered, ev)
			return nil
		},
	})
	must(t, err)
	must(t, wt.Start(ctx))
	defer func() { _ = wt.Stop(context.Background()) }()

	var posted []settlement.JobID
	for range 3 {
		now := time.Now()
		job, err := client.PostJob(ctx, settlement.JobRequest{
			Payment: deploy.Token(2), Collateral: deploy.Token(4), Replicas: 1,
			AcceptBy: now.Add(24 * time.Hour), ResultBy: now.Add(48 * time.Hour), ChallengeWindow: time.Minute,
		})
		must(t, err)
		posted = append(posted, job.ID)
	}
	jobsPosted := func() []settlement.JobID {
		mu.Lock()
		defer mu.Unlock()
		var ids []settlement.JobID
		for _, ev := range delivered {
			if ev.Kind == settlement.EventJobPosted {
				ids = append(ids, ev.Job)
			}
		}
		return ids
	}
	testharness.Eventually(t, time.Minute, func() bool { return len(jobsPosted()) >= len(posted) }, "the watcher delivers %d posts", len(posted))
	got := jobsPosted()
	mu.Lock()
	defer mu.Unlock()
	if len(early) > 0 {
		t.Fatalf("delivered before the finalized block reached them: %v", early)
	}
	for i := 1; i < len(delivered); i++ {
		if !delivered[i-1].Position().Before(delivered[i].Position()) {
			t.Fatalf("out of order or twice: %s then %s", delivered[i-1], delivered[i])
		}
	}
	for i, id := range posted {
		if i >= len(got) || got[i] != id {
			t.Fatalf("posts delivered %v, want %v", got, posted)
		}
	}
}
