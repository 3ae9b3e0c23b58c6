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

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/incentives/claimer"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/prober"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/incentives/trees"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/wasm"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
	"github.com/brine-compute/brine/wallet"
)

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

// shortRewards deploys, on the shared devnet, an UptimeRewards with epochs of epochLength
// paying in the devnet's token, from dev account gov (its governance), and returns it.
func shortRewards(t *testing.T, gov int, epochLength time.Duration) *deploy.Addresses {
	t.Helper()
	ctx := context.Background()
	w, err := wallet.Open(wallet.Config{Dir: dn.KeystoreDir()})
	if err != nil {
		t.Fatal(err)
	}
	addr := dn.Accounts()[gov].Address
	signer, err := w.Signer(addr, devnet.DevPassword, dn.ChainID())
	if err != nil {
		t.Fatal(err)
	}
	head, err := eth.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := deploy.DevConfig(addr, head.Time)
	cfg.Token = dn.Deployment().Token
	cfg.EpochLength = epochLength
	auth := &bind.TransactOpts{From: addr, Context: ctx, Signer: func(_ common.Address, tx *types.Transaction) (*types.Transaction, error) {
		return signer.SignTx(ctx, tx)
	}}
	addrs, err := deploy.Deploy(ctx, eth, auth, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return addrs
}

func rewardsAs(t *testing.T, addrs *deploy.Addresses, account common.Address, sender rewards.Sender) *rewards.Rewards {
	t.Helper()
	rw, err := rewards.New(context.Background(), rewards.Config{Client: eth, Rewards: addrs.Rewards, Token: addrs.Token,
		FromBlock: addrs.Block, Account: account, Sender: sender})
	if err != nil {
		t.Fatal(err)
	}
	return rw
}

// startClaiming runs p's node and, beside it, a claimer with cfg (as `brine node run` does).
func (p *provider) startClaiming(t *testing.T, cfg claimer.Config) *running {
	t.Helper()
	w, err := wasm.New(context.Background(), wasm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	n, err := node.New(node.Config{
		DataDir:      p.dataDir,
		Deployment:   fmt.Sprintf("%d/%s", dn.ChainID(), dn.Deployment().Market),
		Settlement:   p.acct,
		Events:       p.acct,
		PollInterval: 200 * time.Millisecond,
		Executors:    map[jobspec.Engine]executor.Executor{jobspec.EngineWasm: w},
		P2P:          p2p.Config{Identity: p.id, Logger: testLogger(t, "p2p")},
		GracePeriod:  time.Second,
		Logger:       testLogger(t, "node"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	cfg.Account, cfg.DataDir, cfg.Host, cfg.Logger = p.acct.Account(), p.dataDir, n.Host, testLogger(t, "claimer")
	c, err := claimer.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	r := &running{node: n, claimer: c}
	t.Cleanup(func() { stop(t, r) })
	return r
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
	cfg.Identity, cfg.DisableProbe, cfg.Logger = id, true, testLogger(t, "prober/p2p")
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

func poll(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not %s within %s", what, d)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestAutoClaim is the uptime loop end to end on the devnet, with 12-second epochs: a prober
// probes two provider nodes over libp2p and posts each epoch's root; node A is up throughout
// and claims each epoch as its root appears; node B is down for part of epoch e and, with a
// rule that first holds its claims back, claims epochs e-1 and e in one transaction after a
// restart. Each claims exactly its leaf: floor(cap × ok / attempted) over the prober's probes,
// never twice (a second restart sends nothing), and neither takes the lying prober's tree
// (served first, over libp2p, with the whole cap for both) whose root is not on chain.
func TestAutoClaim(t *testing.T) {
	chain(t)
	ctx := context.Background()
	const epochLength = 12 * time.Second
	addrs := shortRewards(t, 0, epochLength)
	gov := account(t, 0, "governance")
	rwGov := rewardsAs(t, addrs, gov.Account(), gov.Sender)
	if err := rwGov.AddReporter(ctx, gov.Account()); err != nil {
		t.Fatal(err)
	}
	cur, err := rwGov.CurrentEpoch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rwGov.Fund(ctx, cur, 8, deploy.Token(100)); err != nil {
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
		ChainID: dn.ChainID(), Rewards: addrs.Rewards, Reporter: gov.Account(),
		Genesis: rwGov.Genesis, EpochLength: rwGov.EpochLength,
		RewardPerProvider: leafCap, Reporters: 1,
		Interval: time.Second, Jitter: 200 * time.Millisecond, ProbeTimeout: 2 * time.Second,
		Logger: testLogger(t, "prober"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := pr.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = pr.Stop(context.Background()) })

	pa, pb := newProvider(t, 1), newProvider(t, 3)
	a, b := pa.acct.Account(), pb.acct.Account()
	liar := p2pHost(t, p2p.Config{Trees: forgedTrees{a, b}})
	liarInfo, honestInfo := liar.AddrInfo(), ph.AddrInfo()
	sources := trees.Static{{Peer: &liarInfo}, {Peer: &honestInfo}} // the liar first
	auto := func(p *provider, factor *big.Rat, r *rounds) claimer.Config {
		return claimer.Config{Rewards: rewardsAs(t, addrs, p.acct.Account(), p.acct.Sender), Probers: sources,
			Interval: time.Second, Factor: factor, OnRound: r.add}
	}
	var roundsA, roundsB rounds
	pa.startClaiming(t, auto(pa, nil, &roundsA))
	// B holds its claims back: no reward is worth 10^30 times its fee.
	nb := pb.startClaiming(t, auto(pb, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(30), nil)), &roundsB))

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
	poll(t, "B answered a probe", 2*epochLength, func() bool {
		now, err := rwGov.CurrentEpoch(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if uptime(now, b).OK > 0 {
			e = now + 1
		}
		return e > 0
	})
	poll(t, fmt.Sprintf("B answered two probes in epoch %d", e), 2*epochLength, func() bool { return uptime(e, b).OK >= 2 })
	stop(t, nb)
	t.Logf("node B stopped in epoch %d", e)
	poll(t, "B missed two probes", epochLength, func() bool { u := uptime(e, b); return u.Attempts-u.OK >= 2 })
	poll(t, fmt.Sprintf("the root of epoch %d posted", e), 2*epochLength, func() bool {
		_, ok, err := st.Posted(e)
		return err == nil && ok
	})

	// Restarted with the default rule, B claims both epochs at once.
	var roundsB2 rounds
	nb = pb.startClaiming(t, auto(pb, nil, &roundsB2))
	rwB := rewardsAs(t, addrs, b, nil)
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
	poll(t, fmt.Sprintf("B claimed epoch %d", e), 30*time.Second, func() bool { _, ok := claimedOf(rwB, b)[e]; return ok })

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
	rwA := rewardsAs(t, addrs, a, nil)
	poll(t, fmt.Sprintf("A claimed epoch %d", e), 30*time.Second, func() bool { _, ok := claimedOf(rwA, a)[e]; return ok })
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
	pb.startClaiming(t, auto(pb, nil, &roundsB3))
	poll(t, "two rounds after the restart", 20*time.Second, func() bool { return len(roundsB3.snapshot()) >= 2 })
	for _, r := range roundsB3.snapshot() {
		for _, c := range r.Pending {
			if c.Epoch <= e {
				t.Errorf("after a restart B's round still has epoch %d pending", c.Epoch)
			}
		}
	}
	var record map[string]struct{ State string }
	data, err := os.ReadFile(filepath.Join(pb.dataDir, "node", "claims.json"))
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
