package onchain_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/chain/txmgr"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/settlement/onchain"
)

// A stake interrupted between its inclusion and its confirmation: the next run's Resume
// finishes it and reports it, a Resume whose context ends first fails with ErrPending rather
// than go on without it, and the retried Stake adopts it, so the stake is made once.
func TestManagedSenderResumeAdoptsTheInterruptedStep(t *testing.T) {
	w := newWorld(t)
	p := w.provider("p", deploy.Token(10))
	if _, err := w.c.Approve(p.Account, w.c.Addr.Registry, deploy.Token(5)); err != nil {
		t.Fatal(err) // so the stake is one transaction
	}
	signer := types.LatestSignerForChainID(w.c.ChainID)
	cfg := onchain.ManagedConfig{
		Client:  w.c.Client,
		ChainID: w.c.ChainID,
		Account: onchain.AccountSigner{Address: p.Addr, SignTx: func(_ context.Context, tx *types.Transaction) (*types.Transaction, error) {
			return types.SignTx(tx, signer, p.Key)
		}},
		JournalPath: filepath.Join(t.TempDir(), "journal.db"),
		// Nothing mines a second block until the test does: a stake stays included, unconfirmed.
		Confirmations: 2,
		PollInterval:  10 * time.Millisecond,
	}
	open := func(t *testing.T) (*onchain.ManagedSender, func()) {
		t.Helper()
		s, err := onchain.StartManagedSender(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		return s, func() { must(t, s.Manager.Stop(ctx)) }
	}
	settle := func(t *testing.T, s *onchain.ManagedSender) *onchain.Settlement {
		t.Helper()
		st, err := onchain.New(ctx, onchain.Config{Client: w.c.Client, Addresses: w.c.Addr, Account: p.Addr, Sender: s})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}

	// Run 1: "killed" once its stake is included.
	s1, stop1 := open(t)
	must(t, s1.Resume(ctx, nil))
	crash, cancel := context.WithCancel(ctx)
	s1.Progress = func(p txmgr.Progress) {
		if p.Stage == txmgr.StageIncluded {
			cancel()
		}
	}
	if err := settle(t, s1).Stake(crash, deploy.Token(5)); !errors.Is(err, txmgr.ErrPending) {
		t.Fatalf("the interrupted stake returned %v, want ErrPending", err)
	}
	stop1()

	// Run 2: its context ends before the stake confirms.
	s2, stop2 := open(t)
	if got := len(s2.Manager.Resumed()); got != 1 {
		t.Fatalf("the manager resumed %d transactions, want the stake", got)
	}
	ended, end := context.WithCancel(ctx)
	end()
	if err := s2.Resume(ended, nil); !errors.Is(err, txmgr.ErrPending) {
		t.Fatalf("Resume with an ended context returned %v, want ErrPending", err)
	}
	if s2.HasRecovered() {
		t.Error("an unconfirmed transaction was offered for adoption")
	}
	stop2()

	// Run 3: the stake confirms while Resume waits; the retried step adopts it.
	w.c.Sim.Commit()
	s3, stop3 := open(t)
	defer stop3()
	var reported []string
	must(t, s3.Resume(ctx, func(req txmgr.Request, r *types.Receipt, err error) {
		if err != nil || r == nil || r.Status != types.ReceiptStatusSuccessful {
			t.Errorf("%s: receipt %v, err %v; want a successful receipt", req.ID, r, err)
		}
		reported = append(reported, req.ID)
	}))
	if len(reported) != 1 || !onchain.IsAccountStep(reported[0], p.Addr, "stake") {
		t.Fatalf("Resume reported %q, want the stake", reported)
	}
	must(t, s3.Resume(ctx, func(req txmgr.Request, _ *types.Receipt, _ error) {
		t.Errorf("a second Resume reported %s again", req.ID)
	}))
	var adopted []string
	s3.OnAdopt = func(tx onchain.Tx) { adopted = append(adopted, tx.ID) }
	st := settle(t, s3)
	// A stake sent again would wait for a block nothing mines: bounded, it fails with ErrPending.
	bounded, stop := context.WithTimeout(ctx, 10*time.Second)
	defer stop()
	must(t, st.Stake(bounded, deploy.Token(5)))
	if len(adopted) != 1 || adopted[0] != reported[0] {
		t.Errorf("adopted %q, want %q", adopted, reported)
	}
	if s3.HasRecovered() {
		t.Error("the adopted transaction is still offered")
	}
	info, err := st.Provider(ctx, p.Addr)
	if err != nil {
		t.Fatal(err)
	}
	if want := deploy.Token(15); info.Staked.Cmp(want) != 0 {
		t.Errorf("staked %s, want %s: the interrupted stake was not made exactly once", info.Staked, want)
	}
}
