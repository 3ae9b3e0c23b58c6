package rewards_test

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/internal/simchain"
)

// TestViews: what the prober, the node's auto-claim and `brine rewards` read: governance and
// reporters, posted roots (all at once or block by block), the claimed bitmap and events, and
// the cost of a claim, which fails with the revert of a claim the contract would refuse.
func TestViews(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	funder := c.MustAccount(t, "funder", deploy.Token(100))
	p := c.MustAccount(t, "p", nil)
	reporter := c.MustAccount(t, "reporter", nil)
	rw, _ := newClient(t, c, funder)

	if owner, err := rw.Owner(ctx); err != nil || owner != c.Owner.Addr {
		t.Fatalf("owner %s, %v; want %s", owner, err, c.Owner.Addr)
	}
	if since, err := rw.ReporterSince(ctx, reporter.Addr); err != nil || !since.IsZero() {
		t.Fatalf("reporterSince before appointment: %v, %v", since, err)
	}
	if _, err := c.AddReporter(reporter.Addr); err != nil {
		t.Fatal(err)
	}
	if since, err := rw.ReporterSince(ctx, reporter.Addr); err != nil || since.IsZero() {
		t.Fatalf("reporterSince after appointment: %v, %v", since, err)
	}
	_, next, err := rw.PostedRootsSince(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}

	e, err := rw.CurrentEpoch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rw.Fund(ctx, e, 1, deploy.Token(10)); err != nil {
		t.Fatal(err)
	}
	c.AdvancePastEpoch(e)
	tree, err := merkle.Build([]merkle.Leaf{{Epoch: e, Provider: p.Addr, Amount: deploy.Token(4)}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.PostRoot(reporter, e, tree.Root()); err != nil {
		t.Fatal(err)
	}

	posted, err := rw.PostedRoots(ctx, e, e)
	if err != nil || len(posted) != 1 || posted[0].Reporter != reporter.Addr || posted[0].Root != tree.Root() || posted[0].Epoch != e {
		t.Fatalf("PostedRoots: %+v, %v", posted, err)
	}
	if none, err := rw.PostedRoots(ctx, e+1, e+5); err != nil || len(none) != 0 {
		t.Errorf("PostedRoots of later epochs: %+v, %v", none, err)
	}
	fresh, after, err := rw.PostedRootsSince(ctx, next)
	if err != nil || len(fresh) != 1 || fresh[0] != posted[0] || after <= next {
		t.Fatalf("PostedRootsSince(%d): %+v, next %d, %v", next, fresh, after, err)
	}
	if again, _, err := rw.PostedRootsSince(ctx, after); err != nil || len(again) != 0 {
		t.Errorf("PostedRootsSince(%d) read a root twice: %+v, %v", after, again, err)
	}
	if root, paid, err := rw.RootOf(ctx, e, reporter.Addr); err != nil || root != tree.Root() || paid.Sign() != 0 {
		t.Errorf("RootOf: %s paid %s, %v", root, paid, err)
	}
	if root, _, err := rw.RootOf(ctx, e, p.Addr); err != nil || root != (common.Hash{}) {
		t.Errorf("RootOf a non-reporter: %s, %v", root, err)
	}

	prw, _ := newClient(t, c, p)
	claims, _, err := prw.Claims(ctx, p.Addr, []*merkle.Tree{tree})
	if err != nil || len(claims) != 1 {
		t.Fatalf("claims %+v, %v", claims, err)
	}
	gas, fee, err := prw.ClaimCost(ctx, claims)
	if err != nil || gas == 0 || fee.Sign() <= 0 {
		t.Fatalf("ClaimCost: gas %d fee %v, %v", gas, fee, err)
	}
	forged := []rewards.Claim{{Epoch: e, Reporter: reporter.Addr, Amount: deploy.Token(5), Proof: claims[0].Proof}}
	if _, _, err := prw.ClaimCost(ctx, forged); !reverts.Is(err, "InvalidProof") {
		t.Errorf("ClaimCost of a forged leaf: %v, want InvalidProof", err)
	}
	if done, err := prw.IsClaimed(ctx, p.Addr, reporter.Addr, e); err != nil || done {
		t.Errorf("IsClaimed before the claim: %v, %v", done, err)
	}
	if _, err := prw.Claim(ctx, claims); err != nil {
		t.Fatal(err)
	}
	if done, err := prw.IsClaimed(ctx, p.Addr, reporter.Addr, e); err != nil || !done {
		t.Errorf("IsClaimed after the claim: %v, %v", done, err)
	}
	got, err := rw.ClaimedRewards(ctx, p.Addr)
	if err != nil || len(got) != 1 || got[0].Epoch != e || got[0].Reporter != reporter.Addr || got[0].Amount.Cmp(deploy.Token(4)) != 0 || got[0].Tx == (common.Hash{}) {
		t.Fatalf("ClaimedRewards: %+v, %v", got, err)
	}
	if _, _, err := prw.ClaimCost(ctx, claims); !reverts.Is(err, "AlreadyClaimed") {
		t.Errorf("ClaimCost of a claimed leaf: %v, want AlreadyClaimed", err)
	}
	if other, err := rw.ClaimedRewards(ctx, funder.Addr); err != nil || len(other) != 0 {
		t.Errorf("ClaimedRewards of an account that claimed nothing: %+v, %v", other, err)
	}
}

// TestSameRootTwoReporters: two probers that saw the same uptimes post the same root; the
// provider's one tree is a claim under each, and both are paid.
func TestSameRootTwoReporters(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	funder := c.MustAccount(t, "funder", deploy.Token(100))
	p := c.MustAccount(t, "p", nil)
	r1, r2 := c.MustAccount(t, "r1", nil), c.MustAccount(t, "r2", nil)
	for _, r := range []*simchain.Account{r1, r2} {
		if _, err := c.AddReporter(r.Addr); err != nil {
			t.Fatal(err)
		}
	}
	rw, _ := newClient(t, c, funder)
	e, err := rw.CurrentEpoch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rw.Fund(ctx, e, 1, deploy.Token(10)); err != nil {
		t.Fatal(err)
	}
	c.AdvancePastEpoch(e)
	tree, err := merkle.Build([]merkle.Leaf{{Epoch: e, Provider: p.Addr, Amount: deploy.Token(4)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*simchain.Account{r1, r2} {
		if _, err := c.PostRoot(r, e, tree.Root()); err != nil {
			t.Fatal(err)
		}
	}
	prw, _ := newClient(t, c, p)
	claims, skipped, err := prw.Claims(ctx, p.Addr, []*merkle.Tree{tree, tree})
	if err != nil || len(claims) != 2 || len(skipped) != 0 || claims[0].Reporter == claims[1].Reporter {
		t.Fatalf("claims %+v, skipped %+v, %v; want one under each reporter", claims, skipped, err)
	}
	paid, err := prw.Claim(ctx, claims)
	if err != nil || paid.Cmp(deploy.Token(8)) != 0 {
		t.Fatalf("claimed %v, %v; want 8 tokens (4 from each reporter's share)", paid, err)
	}
	claims, skipped, err = prw.Claims(ctx, p.Addr, []*merkle.Tree{tree})
	if err != nil || len(claims) != 0 || len(skipped) != 2 {
		t.Errorf("after claiming: claims %+v, skipped %+v, %v", claims, skipped, err)
	}
}
