package rewards_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/internal/simchain"
)

// simSender sends as one simulated account and records the IDs it was given; a repeated ID
// returns the first receipt, as the transaction manager does.
type simSender struct {
	c    *simchain.Chain
	from *simchain.Account
	ids  []string
	seen map[string]*types.Receipt
}

func (s *simSender) Send(_ context.Context, tx rewards.Tx) (*types.Receipt, error) {
	if r, ok := s.seen[tx.ID]; ok {
		return r, nil
	}
	var to *bind.BoundContract
	switch tx.To {
	case s.c.Addr.Token:
		to = s.c.Token
	case s.c.Addr.Rewards:
		to = s.c.Rewards
	default:
		return nil, fmt.Errorf("unexpected recipient %s", tx.To)
	}
	s.ids = append(s.ids, tx.ID)
	r, err := s.c.Send(s.from, to, tx.Data)
	if err == nil {
		s.seen[tx.ID] = r
	}
	return r, err
}

func newClient(t *testing.T, c *simchain.Chain, a *simchain.Account) (*rewards.Rewards, *simSender) {
	t.Helper()
	s := &simSender{c: c, from: a, seen: map[string]*types.Receipt{}}
	rw, err := rewards.New(context.Background(), rewards.Config{
		Client: c.Client, Rewards: c.Addr.Rewards, Token: c.Addr.Token, FromBlock: c.Addr.Block, Account: a.Addr, Sender: s,
	})
	if err != nil {
		t.Fatal(err)
	}
	return rw, s
}

func balance(t *testing.T, c *simchain.Chain, a common.Address) *big.Int {
	t.Helper()
	v, err := c.TokenBalance(a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestFundAndClaim(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	funder := c.MustAccount(t, "funder", deploy.Token(1000))
	p1 := c.MustAccount(t, "p1", nil)
	p2 := c.MustAccount(t, "p2", nil)
	reporter := c.MustAccount(t, "reporter", nil)
	if _, err := c.AddReporter(reporter.Addr); err != nil {
		t.Fatal(err)
	}

	rw, sender := newClient(t, c, funder)
	if rw.EpochLength != c.Config.EpochLength || rw.ClaimEpochs != c.Config.ClaimEpochs {
		t.Errorf("constants: length %s claim epochs %d", rw.EpochLength, rw.ClaimEpochs)
	}
	e, err := rw.CurrentEpoch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	total, err := rw.Fund(ctx, e, 2, deploy.Token(30))
	if err != nil {
		t.Fatal(err)
	}
	if total.Cmp(deploy.Token(60)) != 0 || balance(t, c, funder.Addr).Cmp(deploy.Token(940)) != 0 {
		t.Errorf("fund took %s; funder holds %s", total, balance(t, c, funder.Addr))
	}
	if len(sender.ids) != 2 { // approve, fund
		t.Errorf("fund sent %v", sender.ids)
	}
	// Funding the same again is a new step (the account's nonce moved): the budget doubles.
	if _, err := rw.Fund(ctx, e, 1, deploy.Token(30)); err != nil {
		t.Fatal(err)
	}
	info, err := rw.Epoch(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	if info.Budget.Cmp(deploy.Token(60)) != 0 || info.Paid.Sign() != 0 {
		t.Errorf("epoch %d: budget %s paid %s", e, info.Budget, info.Paid)
	}
	if _, err := rw.Fund(ctx, e, 0, deploy.Token(1)); err == nil {
		t.Error("funding 0 epochs succeeded")
	}

	c.AdvancePastEpoch(e)
	tree, err := merkle.Build([]merkle.Leaf{{Epoch: e, Provider: p1.Addr, Amount: deploy.Token(4)}, {Epoch: e, Provider: p2.Addr, Amount: deploy.Token(3)}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.PostRoot(reporter, e, tree.Root()); err != nil {
		t.Fatal(err)
	}
	unposted, err := merkle.Build([]merkle.Leaf{{Epoch: e, Provider: p1.Addr, Amount: deploy.Token(9)}})
	if err != nil {
		t.Fatal(err)
	}
	other, err := merkle.Build([]merkle.Leaf{{Epoch: e, Provider: p2.Addr, Amount: deploy.Token(1)}})
	if err != nil {
		t.Fatal(err)
	}

	prw, psender := newClient(t, c, p1)
	claims, skipped, err := prw.Claims(ctx, p1.Addr, []*merkle.Tree{tree, unposted, other})
	if err != nil {
		t.Fatal(err)
	}
	if len(claims) != 1 || claims[0].Reporter != reporter.Addr || claims[0].Amount.Cmp(deploy.Token(4)) != 0 || claims[0].Epoch != e {
		t.Fatalf("claims: %+v", claims)
	}
	if len(skipped) != 2 {
		t.Errorf("skipped: %+v (the unposted root and the tree without p1)", skipped)
	}
	got, err := prw.Claim(ctx, claims)
	if err != nil {
		t.Fatal(err)
	}
	if got.Cmp(deploy.Token(4)) != 0 || balance(t, c, p1.Addr).Cmp(deploy.Token(4)) != 0 || len(psender.ids) != 1 {
		t.Errorf("claimed %s; p1 holds %s; sent %v", got, balance(t, c, p1.Addr), psender.ids)
	}
	claims, skipped, err = prw.Claims(ctx, p1.Addr, []*merkle.Tree{tree})
	if err != nil || len(claims) != 0 || len(skipped) != 1 || skipped[0].Reason != "already claimed" {
		t.Errorf("second Claims: %+v %+v %v", claims, skipped, err)
	}
	if _, err := prw.Claim(ctx, nil); !errors.Is(err, rewards.ErrNothingToClaim) {
		t.Errorf("empty claim: %v", err)
	}
	info, _ = rw.Epoch(ctx, e)
	if info.Paid.Cmp(deploy.Token(4)) != 0 || info.Reporters != 1 {
		t.Errorf("epoch after claim: paid %s reporters %d", info.Paid, info.Reporters)
	}
	if err := c.RewardsBooks([]uint64{e, e + 1}); err != nil {
		t.Error(err)
	}
}
