package prober_test

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/prober"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/p2p"
)

// TestTwoProbers: two reporters see the same node differently (B cannot reach it for two of
// four rounds). Each pays within its half of the cap (5 tokens): A 5, B 2.5; the provider
// claims both roots in one transaction and receives exactly 7.5 tokens.
func TestTwoProbers(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	funder := c.MustAccount(t, "funder", deploy.Token(1000))
	prov := c.MustAccount(t, "provider", nil)
	ra, rb := c.MustAccount(t, "reporterA", nil), c.MustAccount(t, "reporterB", nil)
	for _, r := range []*simchain.Account{ra, rb} {
		if _, err := c.AddReporter(r.Addr); err != nil {
			t.Fatal(err)
		}
	}
	cur, err := c.CurrentEpoch()
	if err != nil {
		t.Fatal(err)
	}
	e := cur + 1
	c.AdvanceTo(c.EpochEnd(cur))
	if _, err := c.FundRewards(funder, e, 1, deploy.Token(40)); err != nil {
		t.Fatal(err)
	}
	id := newIdentity(t)
	node := startHost(t, id, "", false)
	dir := staticDirectory{{Account: prov.Addr, PeerID: id.Peer, Addrs: tcpAddrs(node)}}
	clk := &clock{}

	var probers []*prober.Prober
	for i, r := range []*simchain.Account{ra, rb} {
		rw, _ := newRewards(t, c, r)
		if i == 0 {
			clk.Set(rw.Genesis.Add(time.Duration(e) * rw.EpochLength).Add(time.Second))
		}
		host := prober.HostProbe(startHost(t, newIdentity(t), "", true))
		calls := 0
		probe := host
		if i == 1 {
			probe = func(ctx context.Context, info peer.AddrInfo, req p2p.ProbeRequest) ([]byte, error) {
				calls++
				if calls <= 2 {
					return nil, errors.New("partitioned")
				}
				return host(ctx, info, req)
			}
		}
		st, err := prober.OpenStore(prober.StorePath(t.TempDir()))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		p, err := prober.New(prober.Config{
			Poster: rw, Directory: dir, Probe: probe, Store: st,
			ChainID: c.ChainID, Rewards: c.Addr.Rewards, Reporter: r.Addr,
			Genesis: rw.Genesis, EpochLength: rw.EpochLength,
			RewardPerProvider: deploy.Token(10), Reporters: 2, Clock: clk, Logger: quiet(),
		})
		if err != nil {
			t.Fatal(err)
		}
		for range 4 {
			if err := p.Round(ctx); err != nil {
				t.Fatal(err)
			}
		}
		probers = append(probers, p)
	}
	c.AdvancePastEpoch(e)
	clk.Set(time.Unix(int64(c.Now()), 0))
	var trees []*merkle.Tree
	for i, p := range probers {
		tree, err := p.CloseEpoch(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		want := []*big.Int{tokens(5, 0), tokens(2, 5)}[i]
		if l, ok := tree.Leaf(prov.Addr); !ok || l.Amount.Cmp(want) != 0 {
			t.Errorf("prober %d: leaf %v, want %s", i, l.Amount, want)
		}
		trees = append(trees, tree)
	}
	prw, _ := newRewards(t, c, prov)
	claims, skipped, err := prw.Claims(ctx, prov.Addr, trees)
	if err != nil || len(claims) != 2 || len(skipped) != 0 {
		t.Fatalf("claims %v skipped %v: %v", claims, skipped, err)
	}
	paid, err := prw.Claim(ctx, claims)
	if err != nil {
		t.Fatal(err)
	}
	bal, err := c.TokenBalance(prov.Addr)
	if err != nil {
		t.Fatal(err)
	}
	if paid.Cmp(tokens(7, 5)) != 0 || bal.Cmp(tokens(7, 5)) != 0 {
		t.Errorf("paid %s, balance %s, want 7.5 tokens", paid, bal)
	}
	info, err := c.EpochInfo(e)
	if err != nil {
		t.Fatal(err)
	}
	if info.Paid.Cmp(tokens(7, 5)) != 0 || info.Reporters != 2 {
		t.Errorf("epoch paid %s reporters %d", info.Paid, info.Reporters)
	}
}

// TestTermsScaleToShare: the budget (10 tokens, one reporter) is below what the uptime earns
// (two providers up all epoch: 2 × 10 tokens). With Terms read from the contract, the prober
// scales both leaves to 5 tokens, so both claims succeed and the budget is spent exactly
// (without scaling the second claim would revert ShareExceeded). The static config says 3
// reporters; the contract's count (1) wins.
func TestTermsScaleToShare(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	funder := c.MustAccount(t, "funder", deploy.Token(1000))
	reporter := c.MustAccount(t, "reporter", nil)
	provs := []*simchain.Account{c.MustAccount(t, "p1", nil), c.MustAccount(t, "p2", nil)}
	if _, err := c.AddReporter(reporter.Addr); err != nil {
		t.Fatal(err)
	}
	cur, err := c.CurrentEpoch()
	if err != nil {
		t.Fatal(err)
	}
	e := cur + 1
	c.AdvanceTo(c.EpochEnd(cur))
	if _, err := c.FundRewards(funder, e, 1, deploy.Token(10)); err != nil {
		t.Fatal(err)
	}
	var dir staticDirectory
	for _, a := range provs {
		id := newIdentity(t)
		dir = append(dir, prober.Provider{Account: a.Addr, PeerID: id.Peer, Addrs: tcpAddrs(startHost(t, id, "", false))})
	}
	rw, _ := newRewards(t, c, reporter)
	clk := &clock{}
	clk.Set(rw.Genesis.Add(time.Duration(e) * rw.EpochLength).Add(time.Second))
	st, err := prober.OpenStore(prober.StorePath(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p, err := prober.New(prober.Config{
		Poster: rw, Directory: dir, Probe: prober.HostProbe(startHost(t, newIdentity(t), "", true)), Store: st, Terms: rw,
		ChainID: c.ChainID, Rewards: c.Addr.Rewards, Reporter: reporter.Addr,
		Genesis: rw.Genesis, EpochLength: rw.EpochLength,
		RewardPerProvider: deploy.Token(10), Reporters: 3, Clock: clk, Logger: quiet(),
	})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := p.Round(ctx); err != nil {
			t.Fatal(err)
		}
	}
	c.AdvancePastEpoch(e)
	clk.Set(time.Unix(int64(c.Now()), 0))
	tree, err := p.CloseEpoch(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range provs {
		l, ok := tree.Leaf(a.Addr)
		if !ok || l.Amount.Cmp(deploy.Token(5)) != 0 {
			t.Fatalf("%s: leaf %v, want 5 tokens", a.Name, l.Amount)
		}
		prw, _ := newRewards(t, c, a)
		claims, _, err := prw.Claims(ctx, a.Addr, []*merkle.Tree{tree})
		if err != nil {
			t.Fatal(err)
		}
		if paid, err := prw.Claim(ctx, claims); err != nil || paid.Cmp(deploy.Token(5)) != 0 {
			t.Errorf("%s claimed %v: %v", a.Name, paid, err)
		}
	}
	if err := c.RewardsBooks([]uint64{e}); err != nil {
		t.Error(err)
	}
}
