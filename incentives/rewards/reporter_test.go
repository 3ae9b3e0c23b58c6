package rewards_test

import (
	"context"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/internal/simchain"
)

func TestPostRoot(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	reporter := c.MustAccount(t, "reporter", nil)
	stranger := c.MustAccount(t, "stranger", nil)
	if _, err := c.AddReporter(reporter.Addr); err != nil {
		t.Fatal(err)
	}
	rw, sender := newClient(t, c, reporter)
	if v, err := rw.RewardPerProvider(ctx); err != nil || v.Cmp(deploy.Token(10)) != 0 {
		t.Errorf("rewardPerProvider %s %v", v, err)
	}
	if n, err := rw.ReporterCount(ctx); err != nil || n != 1 {
		t.Errorf("reporterCount %d %v", n, err)
	}
	e, err := rw.CurrentEpoch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if leafCap, share, err := rw.ReporterTerms(ctx, e); err != nil || leafCap.Cmp(deploy.Token(10)) != 0 || share.Sign() != 0 {
		t.Errorf("terms of an unfunded epoch without roots: %v %v %v", leafCap, share, err)
	}
	root := common.Hash{7}
	if err := rw.PostRoot(ctx, e, root); !reverts.Is(err, "EpochNotEnded") {
		t.Errorf("posting before the end: %v", err)
	}
	c.AdvancePastEpoch(e)
	srw, _ := newClient(t, c, stranger)
	if err := srw.PostRoot(ctx, e, root); !reverts.Is(err, "NotReporter") {
		t.Errorf("stranger posting: %v", err)
	}
	sender.ids = nil
	if err := rw.PostRoot(ctx, e, root); err != nil {
		t.Fatal(err)
	}
	if got, err := rw.Reporter(ctx, e, root); err != nil || got != reporter.Addr {
		t.Errorf("root's reporter %s %v", got, err)
	}
	// A second reporter appointed now does not change the epoch's snapshot (R = 1).
	if _, err := c.AddReporter(stranger.Addr); err != nil {
		t.Fatal(err)
	}
	if leafCap, _, err := rw.ReporterTerms(ctx, e); err != nil || leafCap.Cmp(deploy.Token(10)) != 0 {
		t.Errorf("terms after the first root: %v %v", leafCap, err)
	}
	if leafCap, _, err := rw.ReporterTerms(ctx, e+5); err != nil || leafCap.Cmp(deploy.Token(5)) != 0 {
		t.Errorf("terms of a later epoch with 2 reporters: %v %v", leafCap, err)
	}
	// The same epoch again is the same step: no second transaction, even for another root.
	if err := rw.PostRoot(ctx, e, common.Hash{8}); err != nil {
		t.Fatal(err)
	}
	if len(sender.ids) != 1 {
		t.Errorf("sent %v, want one transaction", sender.ids)
	}
	ro, err := rewards.New(ctx, rewards.Config{Client: c.Client, Rewards: c.Addr.Rewards, Token: c.Addr.Token})
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.PostRoot(ctx, e, root); !errors.Is(err, rewards.ErrReadOnly) {
		t.Errorf("read-only: %v", err)
	}
}
