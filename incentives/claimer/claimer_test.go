package claimer_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/incentives/claimer"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/prober"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/incentives/trees"
	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/internal/testharness/testchain"
	"github.com/brine-compute/brine/internal/testharness/testnode"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
)

// The end-to-end test runs on the devnet the test binary shares (testchain.Shared), on a
// market of its own with short epochs, and testharness.Main stops the devnet.
func TestMain(m *testing.M) { testharness.Main(m) }

func TestShouldClaim(t *testing.T) {
	eth := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	tokens := func(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), eth) }
	for _, tc := range []struct {
		name        string
		total, fee  *big.Int
		factor      *big.Rat
		weiPerToken *big.Int
		near, want  bool
	}{
		{"worth twice the fee", tokens(2), big.NewInt(1e18), big.NewRat(2, 1), eth, false, true},
		{"a wei short of twice", new(big.Int).Sub(tokens(2), big.NewInt(1)), big.NewInt(1e18), big.NewRat(2, 1), eth, false, false},
		{"cheap token waits", tokens(10), big.NewInt(1e15), big.NewRat(2, 1), big.NewInt(1e14), false, false}, // 10 tokens = 1e15 wei < 2e15
		{"cheap token near the deadline", tokens(10), big.NewInt(1e15), big.NewRat(2, 1), big.NewInt(1e14), true, true},
		{"not even the fee near the deadline", tokens(9), big.NewInt(1e15), big.NewRat(2, 1), big.NewInt(1e14), true, false},
		{"fractional factor", tokens(3), big.NewInt(2e18), big.NewRat(3, 2), eth, false, true}, // 3 >= 1.5*2
		{"nothing to claim", new(big.Int), new(big.Int), big.NewRat(2, 1), eth, false, false},
		{"free", big.NewInt(1), new(big.Int), big.NewRat(2, 1), eth, false, true},
	} {
		if got := claimer.ShouldClaim(tc.total, tc.fee, tc.factor, tc.weiPerToken, 18, tc.near); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func rewardsAs(t *testing.T, m *testchain.Market, account common.Address, sender rewards.Sender) *rewards.Rewards {
	t.Helper()
	addrs := m.Addresses()
	rw, err := rewards.New(context.Background(), rewards.Config{Client: m.Chain.Client, Rewards: addrs.Rewards, Token: addrs.Token,
		FromBlock: addrs.Block, Account: account, Sender: sender})
	if err != nil {
		t.Fatal(err)
	}
	return rw
}

// running is a provider's node with its claimer beside it.
type running struct {
	node    *node.Node
	claimer *claimer.Claimer
}

// startClaiming runs p's node and, beside it, a claimer with cfg (as `brine node run` does).
func startClaiming(t *testing.T, p *testnode.Provider, cfg claimer.Config) *running {
	t.Helper()
	n := p.Start(t, testnode.Options{})
	cfg.Account, cfg.DataDir, cfg.Host, cfg.Logger = p.Settlement.Account(), p.DataDir, n.Host, testharness.Logger(t, p.Name+"/claimer")
	c, err := claimer.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	r := &running{node: n, claimer: c}
	t.Cleanup(func() { stop(t, r) }) // before the node's own cleanup, which then finds it stopped
	return r
}

// stop stops the claimer, then the node (the reverse of their start).
func stop(t testing.TB, r *running) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := r.claimer.Stop(ctx); err != nil {
		t.Errorf("stopping the claimer: %v", err)
	}
	testnode.Stop(t, r.node)
}

// forgedTrees is a lying prober's TreeSource: for every epoch, a tree paying the providers
// the whole cap, whose root nobody posted.
type forgedTrees []common.Address

func (f forgedTrees) PublishedTree(epoch uint64) ([]byte, error) {
	var leaves []merkle.Leaf
	for _, a := range f {
		leaves = append(leaves, merkle.Leaf{Epoch: epoch, Provider: a, Amount: deploy.Token(10)})
	}
	tree, err := merkle.Build(leaves)
	if err != nil {
		return nil, err
	}
	return json.Marshal(tree)
}

func p2pHost(t *testing.T, cfg p2p.Config) *p2p.Host {
	t.Helper()
	id, _, err := identity.LoadOrCreate(identity.Path(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Identity, cfg.DisableProbe, cfg.Logger = id, true, testharness.Logger(t, "prober/p2p")
	h, err := p2p.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = h.Stop(ctx)
	})
	return h
}

// rounds collects a claimer's rounds.
type rounds struct {
	mu  sync.Mutex
	all []claimer.Round
}

func (r *rounds) add(c claimer.Round) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.all = append(r.all, c)
}

func (r *rounds) snapshot() []claimer.Round {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]claimer.Round(nil), r.all...)
}

// TestAutoClaim is the uptime loop end to end on a market of its own with 12-second epochs:
// a prober probes two provider nodes over libp2p and posts each epoch's root; node A is up
// throughout and claims each epoch as its root appears; node B is down for part of epoch e
// and, with a rule that first holds its claims back, claims epochs e-1 and e in one
// transaction after a restart. Each claims exactly its leaf: floor(cap × ok / attempted) over the prober's probes,
// never twice (a second restart sends nothing), and neither takes the lying prober's tree
// (served first, over libp2p, with the whole cap for both) whose root is not on chain.
func TestAutoClaim(t *testing.T) {
	ctx := context.Background()
	const epochLength = 12 * time.Second
	m := testchain.Shared(t).MarketWith(t, func(cfg *deploy.Config) { cfg.EpochLength = epochLength })
	// The accounts first: the market mints their tokens as its governance, which the test
	// then acts as (reporter and prober).
	funding := m.NewAccount(t)
	ps := testnode.NewProviders(t, m, "provider", 2)
	gov := m.Settlement(t, m.Governance, "governance")
	rwGov := rewardsAs(t, m, gov.Account(), gov.Sender)
	if err := rwGov.AddReporter(ctx, gov.Account()); err != nil {
		t.Fatal(err)
	}
	cur, err := rwGov.CurrentEpoch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	funder := m.Settlement(t, funding, "funder") // governance holds none of the market's tokens
	if _, err := rewardsAs(t, m, funder.Account(), funder.Sender).Fund(ctx, cur, 8, deploy.Token(100)); err != nil {
		t.Fatal(err)
	}
	leafCap := deploy.Token(10) // DevConfig's rewardPerProvider, one reporter

	// The prober, serving its trees over libp2p.
	st, err := prober.OpenStore(prober.StorePath(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ph := p2pHost(t, p2p.Config{Trees: st})
	pr, err := prober.New(prober.Config{
		Poster: rwGov, Directory: prober.RegistryDirectory{Lister: gov}, Probe: prober.HostProbe(ph), Store: st, Terms: rwGov,
		ChainID: m.Chain.Devnet.ChainID(), Rewards: m.Deployment.Rewards, Reporter: gov.Account(),
		Genesis: rwGov.Genesis, EpochLength: rwGov.EpochLength,
		RewardPerProvider: leafCap, Reporters: 1,
		Interval: time.Second, Jitter: 200 * time.Millisecond, ProbeTimeout: 2 * time.Second,
		Logger: testharness.Logger(t, "prober"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := pr.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = pr.Stop(context.Background()) })

	pa, pb := ps[0], ps[1]
	a, b := pa.Settlement.Account(), pb.Settlement.Account()
	liar := p2pHost(t, p2p.Config{Trees: forgedTrees{a, b}})
	liarInfo, honestInfo := liar.AddrInfo(), ph.AddrInfo()
	sources := trees.Static{{Peer: &liarInfo}, {Peer: &honestInfo}} // the liar first
	auto := func(p *testnode.Provider, factor *big.Rat, r *rounds) claimer.Config {
		return claimer.Config{Rewards: rewardsAs(t, m, p.Settlement.Account(), p.Settlement.Sender), Probers: sources,
			Interval: time.Second, Factor: factor, OnRound: r.add}
	}
	var roundsA, roundsB rounds
	startClaiming(t, pa, auto(pa, nil, &roundsA))
	// B holds its claims back: no reward is worth 10^30 times its fee.
	nb := startClaiming(t, pb, auto(pb, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil)), &roundsB))

	uptime := func(epoch uint64, who common.Address) prober.Uptime {
		ups, err := pr.Uptimes(epoch)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range ups {
			if u.Provider == who {
				return u
			}
		}
		return prober.Uptime{Provider: who}
	}
	// e: an epoch that starts with both nodes up and after B answered a probe in e-1.
	e := uint64(0)
	testharness.Eventually(t, 2*epochLength, func() bool {
		now, err := rwGov.CurrentEpoch(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if uptime(now, b).OK > 0 {
			e = now + 1
		}
		return e > 0
	}, "B answered a probe")
	testharness.Eventually(t, 2*epochLength, func() bool { return uptime(e, b).OK >= 2 }, "B answered two probes in epoch %d", e)
	stop(t, nb)
	t.Logf("node B stopped in epoch %d", e)
	testharness.Eventually(t, epochLength, func() bool { u := uptime(e, b); return u.Attempts-u.OK >= 2 }, "B missed two probes")
	testharness.Eventually(t, 2*epochLength, func() bool {
		_, ok, err := st.Posted(e)
		return err == nil && ok
	}, "the root of epoch %d posted", e)

	// Restarted with the default rule, B claims both epochs at once.
	var roundsB2 rounds
	nb = startClaiming(t, pb, auto(pb, nil, &roundsB2))
	rwB := rewardsAs(t, m, b, nil)
	claimedOf := func(rw *rewards.Rewards, who common.Address) map[uint64]rewards.ClaimedReward {
		evs, err := rw.ClaimedRewards(ctx, who)
		if err != nil {
			t.Fatal(err)
		}
		out := map[uint64]rewards.ClaimedReward{}
		for _, ev := range evs {
			if _, dup := out[ev.Epoch]; dup {
				t.Fatalf("%s claimed epoch %d twice", who, ev.Epoch)
			}
			if ev.Reporter != gov.Account() {
				t.Fatalf("%s claimed from reporter %s", who, ev.Reporter)
			}
			out[ev.Epoch] = ev
		}
		return out
	}
	testharness.Eventually(t, 30*time.Second, func() bool { _, ok := claimedOf(rwB, b)[e]; return ok }, "B claimed epoch %d", e)

	// Exactly the documented amounts: the leaf is floor(cap × ok / attempted) over the probes,
	// and the claim is the leaf.
	leaf := func(epoch uint64, who common.Address) *big.Int {
		doc, err := st.PublishedTree(epoch)
		if err != nil || doc == nil {
			t.Fatalf("tree of epoch %d: %v", epoch, err)
		}
		tree, err := merkle.ParseTree(doc)
		if err != nil {
			t.Fatal(err)
		}
		l, ok := tree.Leaf(who)
		if !ok {
			return nil
		}
		return l.Amount
	}
	documented := func(u prober.Uptime) *big.Int {
		x := new(big.Int).Mul(leafCap, new(big.Int).SetUint64(u.OK))
		return x.Div(x, new(big.Int).SetUint64(u.Attempts))
	}
	ub := uptime(e, b)
	if ub.OK == 0 || ub.OK >= ub.Attempts {
		t.Fatalf("B in epoch %d: %d of %d probes answered; want down for part of the epoch", e, ub.OK, ub.Attempts)
	}
	claimedB := claimedOf(rwB, b)
	want := documented(ub)
	if got := claimedB[e].Amount; got.Cmp(want) != 0 || leaf(e, b).Cmp(want) != 0 {
		t.Fatalf("B claimed %s for epoch %d, leaf %s; documented floor(%s × %d / %d) = %s", got, e, leaf(e, b), leafCap, ub.OK, ub.Attempts, want)
	}
	if want.Cmp(leafCap) >= 0 {
		t.Fatalf("B earned the whole cap while down")
	}
	t.Logf("B: epoch %d, %d of %d probes answered, claimed %s of %s", e, ub.OK, ub.Attempts, want, leafCap)
	if prev, ok := claimedB[e-1]; !ok || prev.Tx != claimedB[e].Tx {
		t.Fatalf("B's claims of epochs %d and %d: %+v and %+v, want one transaction", e-1, e, prev, claimedB[e])
	}

	// A, up throughout, claims each epoch as it comes, its leaf exactly.
	rwA := rewardsAs(t, m, a, nil)
	testharness.Eventually(t, 30*time.Second, func() bool { _, ok := claimedOf(rwA, a)[e]; return ok }, "A claimed epoch %d", e)
	for epoch, c := range claimedOf(rwA, a) {
		if want := documented(uptime(epoch, a)); c.Amount.Cmp(want) != 0 || leaf(epoch, a).Cmp(want) != 0 {
			t.Errorf("A claimed %s for epoch %d, leaf %s, probes say %s", c.Amount, epoch, leaf(epoch, a), want)
		}
	}
	if u := uptime(e, a); u.OK != u.Attempts {
		t.Logf("note: A missed %d of %d probes in epoch %d", u.Attempts-u.OK, u.Attempts, e)
	}

	// Restarted again (perhaps stopped while its claim was being confirmed: the record then
	// says "sending" and the restart settles it from the bitmap), B sends nothing for what it
	// claimed.
	stop(t, nb)
	var roundsB3 rounds
	startClaiming(t, pb, auto(pb, nil, &roundsB3))
	testharness.Eventually(t, 20*time.Second, func() bool { return len(roundsB3.snapshot()) >= 2 }, "two rounds after the restart")
	for _, r := range roundsB3.snapshot() {
		for _, c := range r.Pending {
			if c.Epoch <= e {
				t.Errorf("after a restart B's round still has epoch %d pending", c.Epoch)
			}
		}
	}
	var record map[string]struct{ State string }
	data, err := os.ReadFile(filepath.Join(pb.DataDir, "node", "claims.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &record); err != nil {
		t.Fatal(err)
	}
	for _, epoch := range []uint64{e - 1, e} {
		if s := record[fmt.Sprintf("%d/%s", epoch, gov.Account().Hex())].State; s != "claimed" {
			t.Fatalf("B's claim record for epoch %d: %q, want claimed (%s)", epoch, s, data)
		}
	}
	before := claimedB
	for epoch, c := range claimedOf(rwB, b) {
		if epoch <= e && c.Tx != before[epoch].Tx {
			t.Errorf("epoch %d claimed again in %s", epoch, c.Tx)
		}
	}
	for epoch, c := range claimedOf(rwB, b) {
		if want := documented(uptime(epoch, b)); c.Amount.Cmp(want) != 0 || leaf(epoch, b).Cmp(want) != 0 {
			t.Errorf("B claimed %s for epoch %d, leaf %s, probes say %s", c.Amount, epoch, leaf(epoch, b), want)
		}
	}
}
