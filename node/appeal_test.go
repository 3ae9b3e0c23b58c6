package node_test

import (
	"context"
	"errors"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

// TestProviderAppealsAWrongVerdict: three colluding accounts (no node; the test votes for them)
// are the only providers eligible when a client challenges an honest node's correct result,
// and they uphold the challenge. The honest node appeals on its own; four honest verifier
// nodes, staked after the first draw, are drawn to the final panel with the three (who stay
// silent), re-execute and vote, and the final verdict rejects the challenge: the provider gets
// its appeal bond back with its share of the challenger's bond, and its job settles.
func TestProviderAppealsAWrongVerdict(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	ctx := context.Background()
	judges := stakedProviders(t, m, "judge", 3)
	for _, j := range judges {
		// Registered (so active and drawable) without a node: the test votes for them.
		if err := j.acct.Register(ctx, []byte(j.id.Peer), []byte("no node"), nil); err != nil {
			t.Fatal(err)
		}
	}
	honest := stakedProvider(t, m, "honest")
	hn := honest.start(t, nil, "")
	c := newClient(t, m)
	job := c.post(t, "appeal")
	committed := waitJob(t, c.acct, job.ID, "committed", 45*time.Second, status(settlement.StatusCommitted))
	if committed.Provider != honest.acct.Account() {
		t.Fatalf("provider %s, want the honest node %s", committed.Provider, honest.acct.Account())
	}
	if err := c.acct.Challenge(ctx, job.ID); err != nil {
		t.Fatal(err)
	}
	drawn := drawByHand(t, c.acct, job.ID)
	byAddr := map[common.Address]*provider{}
	for _, j := range judges {
		byAddr[j.acct.Account()] = j
	}
	for _, v := range drawn {
		if byAddr[v] == nil {
			t.Fatalf("first panel drew %s, not one of the colluding accounts", v)
		}
	}
	wrong := []byte("bafy-a-wrong-verdict")
	salts := map[common.Address][32]byte{}
	for _, v := range drawn {
		salts[v] = [32]byte{byte(len(salts) + 1)}
		if err := byAddr[v].acct.CommitVote(ctx, job.ID, wrong, salts[v]); err != nil {
			t.Fatal(err)
		}
	}
	// The final panel's honest nodes: staked (and so eligible) only now.
	verifiers := map[common.Address]bool{}
	for _, p := range stakedProviders(t, m, "final", 4) {
		p.start(t, nil, "")
		verifiers[p.acct.Account()] = true
	}
	for _, v := range drawn {
		if err := byAddr[v].acct.RevealVote(ctx, job.ID, wrong, salts[v]); err != nil {
			t.Fatal(err)
		}
	}

	appeal := waitEvent(t, c.acct, job.ID, settlement.EventAppealOpened, 30*time.Second)
	if appeal.Account != honest.acct.Account() || appeal.Outcome != settlement.OutcomeUpheld || appeal.Amount.Sign() <= 0 {
		t.Fatalf("appeal %+v: want the honest provider appealing an upheld verdict", appeal)
	}
	t.Logf("appealed by the provider with a bond of %s", appeal.Amount)
	final := drawByHand(t, c.acct, job.ID)
	if len(final) != len(judges)+len(verifiers) {
		t.Fatalf("final panel %v: want all %d eligible providers", final, len(judges)+len(verifiers))
	}

	resolved := waitEvent(t, c.acct, job.ID, settlement.EventChallengeResolved, 90*time.Second)
	if resolved.Outcome != settlement.OutcomeRejected || resolved.Agree != len(verifiers) || resolved.Disagree != 0 {
		t.Fatalf("final verdict %s (%d agree, %d disagree); want rejected by the %d honest verifiers", resolved.Outcome, resolved.Agree, resolved.Disagree, len(verifiers))
	}
	// The provider: its appeal bond back and a share of the challenger's bond (split among it
	// and the agreeing verifiers).
	bond, _ := new(big.Int).SetString(m.Deployment.Params.Market.ChallengeBond, 10)
	share := new(big.Int).Quo(bond, big.NewInt(int64(1+len(verifiers))))
	got := new(big.Int).Sub(marketBalance(t, m, honest.acct.Account(), resolved.Block), marketBalance(t, m, honest.acct.Account(), resolved.Block-1))
	got.Sub(got, otherCredits(t, m, resolved)[honest.acct.Account()])
	if want := new(big.Int).Add(appeal.Amount, share); got.Cmp(want) != 0 {
		t.Errorf("the provider was credited %s by the final verdict, want its appeal bond and bond share %s", got, want)
	}
	waitJob(t, c.acct, job.ID, "finalized", 60*time.Second, status(settlement.StatusFinalized))
	var rec store.JobRecord
	if !testharness.Poll(30*time.Second, func() bool {
		rec, _ = hn.Store().Get(job.ID)
		return rec.State == store.StateDone
	}) {
		t.Errorf("the provider's record: %s (%s), want done", rec.State, rec.Reason)
	}
}

// drawByHand draws job id's (next) verifier panel as its anchor allows and returns it.
func drawByHand(t *testing.T, acct *onchain.Managed, id settlement.JobID) []common.Address {
	t.Helper()
	var drawn []common.Address
	var err error
	if !testharness.Poll(30*time.Second, func() bool {
		drawn, err = acct.DrawVerifiers(context.Background(), id)
		if errors.Is(err, settlement.ErrAlreadyDone) {
			p, perr := acct.Panel(context.Background(), id, false)
			drawn, err = p.Members, perr
		}
		return err == nil && len(drawn) > 0 || err != nil && !errors.Is(err, settlement.ErrTooEarly)
	}) || err != nil {
		t.Fatalf("drawing job %d's verifiers: %v", id, err)
	}
	return slices.Clone(drawn)
}
