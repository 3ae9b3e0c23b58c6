package prober_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/prober"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
)

// simSender sends as one simulated account; a repeated ID returns the first receipt, as the
// transaction manager does.
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

func newRewards(t *testing.T, c *simchain.Chain, a *simchain.Account) (*rewards.Rewards, *simSender) {
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

func newIdentity(t *testing.T) *identity.Identity {
	t.Helper()
	id, _, err := identity.LoadOrCreate(identity.Path(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// startHost starts a loopback TCP host (on addr, or any port when empty).
func startHost(t *testing.T, id *identity.Identity, addr string, disableProbe bool) *p2p.Host {
	t.Helper()
	if addr == "" {
		addr = "/ip4/127.0.0.1/tcp/0"
	}
	h, err := p2p.New(p2p.Config{Identity: id, ListenAddrs: []string{addr}, Logger: quiet(), DisableProbe: disableProbe})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopHost(t, h) })
	return h
}

func stopHost(t *testing.T, h *p2p.Host) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := h.Stop(ctx); err != nil {
		t.Errorf("stop: %v", err)
	}
}

func tcpAddrs(h *p2p.Host) []ma.Multiaddr {
	var out []ma.Multiaddr
	for _, a := range h.AddrInfo().Addrs {
		if _, err := a.ValueForProtocol(ma.P_TCP); err == nil {
			out = append(out, a)
		}
	}
	return out
}

type staticDirectory []prober.Provider

func (d staticDirectory) ActiveProviders(context.Context) ([]prober.Provider, error) { return d, nil }

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time)     { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

// After waits on the wall clock: the prober judges epochs by Now and never waits on its clock.
func (c *clock) After(d time.Duration) <-chan time.Time { return time.After(d) }

func tokens(whole, tenths int64) *big.Int {
	v := new(big.Int).Mul(big.NewInt(whole*10+tenths), big.NewInt(1e17))
	return v
}

// TestProberEpoch runs one epoch of four probe rounds against real nodes on loopback:
//
//	p1 up all epoch                               4/4 → 10 tokens (the cap: 10 tokens / 1 reporter)
//	p2 down for round 2 (host stopped, restarted)  3/4 → 7.5 tokens
//	p3 answers with another key (proxies the
//	   probe to a node that is not the registered one)  0/4 → no leaf
//	p4 answers round 1, then replays that answer  1/4 → 2.5 tokens
//
// The prober restarts (store closed and reopened) between rounds 2 and 3 and keeps its probes;
// its root goes on chain once, the tree is served over HTTP, and p2 claims exactly 7.5 tokens.
func TestProberEpoch(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	funder := c.MustAccount(t, "funder", deploy.Token(1000))
	reporter := c.MustAccount(t, "reporter", nil)
	accts := []*simchain.Account{c.MustAccount(t, "p1", nil), c.MustAccount(t, "p2", nil), c.MustAccount(t, "p3", nil), c.MustAccount(t, "p4", nil)}
	if _, err := c.AddReporter(reporter.Addr); err != nil {
		t.Fatal(err)
	}
	rw, sender := newRewards(t, c, reporter)
	perProvider, err := rw.RewardPerProvider(ctx)
	if err != nil {
		t.Fatal(err)
	}
	reporters, err := rw.ReporterCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if perProvider.Cmp(deploy.Token(10)) != 0 || reporters != 1 {
		t.Fatalf("rewardPerProvider %s reporters %d", perProvider, reporters)
	}

	// Start at the beginning of a fresh epoch and fund it.
	cur, err := c.CurrentEpoch()
	if err != nil {
		t.Fatal(err)
	}
	e := cur + 1
	c.AdvanceTo(c.EpochEnd(cur))
	if _, err := c.FundRewards(funder, e, 1, deploy.Token(40)); err != nil {
		t.Fatal(err)
	}
	clk := &clock{}
	clk.Set(rw.Genesis.Add(time.Duration(e) * rw.EpochLength).Add(time.Second))

	ids := []*identity.Identity{newIdentity(t), newIdentity(t), newIdentity(t), newIdentity(t)}
	impostor := newIdentity(t)
	hosts := []*p2p.Host{startHost(t, ids[0], "", false), startHost(t, ids[1], "", false), startHost(t, impostor, "", false), startHost(t, ids[3], "", false)}
	proberHost := startHost(t, newIdentity(t), "", true)
	dir := make(staticDirectory, 4)
	for i := range dir {
		dir[i] = prober.Provider{Account: accts[i].Addr, PeerID: ids[i].Peer, Addrs: tcpAddrs(hosts[i])}
	}

	// The network as the prober sees it: honest nodes answer themselves; p3's address leads to
	// a node that forwards the challenge to the impostor's key; p4 replays its first answer.
	var mu sync.Mutex
	var replay []byte
	hostProbe := prober.HostProbe(proberHost)
	probe := func(ctx context.Context, info peer.AddrInfo, r p2p.ProbeRequest) ([]byte, error) {
		switch info.ID {
		case ids[2].Peer:
			return hostProbe(ctx, peer.AddrInfo{ID: impostor.Peer, Addrs: info.Addrs}, r)
		case ids[3].Peer:
			mu.Lock()
			defer mu.Unlock()
			if replay != nil {
				return replay, nil
			}
			sig, err := hostProbe(ctx, info, r)
			replay = sig
			return sig, err
		}
		return hostProbe(ctx, info, r)
	}

	dataDir := t.TempDir()
	open := func() (*prober.Prober, *prober.Store) {
		st, err := prober.OpenStore(prober.StorePath(dataDir))
		if err != nil {
			t.Fatal(err)
		}
		p, err := prober.New(prober.Config{
			Poster: rw, Directory: dir, Probe: probe, Store: st,
			ChainID: c.ChainID, Rewards: c.Addr.Rewards, Reporter: reporter.Addr,
			Genesis: rw.Genesis, EpochLength: rw.EpochLength,
			RewardPerProvider: perProvider, Reporters: uint64(reporters),
			ProbeTimeout: 5 * time.Second, Clock: clk, Logger: quiet(),
		})
		if err != nil {
			t.Fatal(err)
		}
		return p, st
	}
	round := func(p *prober.Prober) {
		t.Helper()
		if err := p.Round(ctx); err != nil {
			t.Fatal(err)
		}
		clk.Add(5 * time.Second)
	}

	p, st := open()
	round(p) // 1: all up
	p2addr := tcpAddrs(hosts[1])[0].String()
	stopHost(t, hosts[1])
	round(p) // 2: p2 down
	// The prober restarts mid-epoch.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	p, st = open()
	defer st.Close()
	hosts[1] = startHost(t, ids[1], p2addr, false)
	round(p) // 3: p2 back on the same address
	round(p) // 4

	ups, err := p.Uptimes(e)
	if err != nil {
		t.Fatal(err)
	}
	want := map[common.Address][2]uint64{accts[0].Addr: {4, 4}, accts[1].Addr: {3, 4}, accts[2].Addr: {0, 4}, accts[3].Addr: {1, 4}}
	if len(ups) != len(want) {
		t.Fatalf("uptimes %+v", ups)
	}
	for _, u := range ups {
		if w := want[u.Provider]; u.OK != w[0] || u.Attempts != w[1] {
			t.Errorf("%s: %d/%d probes ok, want %d/%d", u.Provider, u.OK, u.Attempts, w[0], w[1])
		}
	}
	recs, err := st.Probes(e)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if (r.Provider == accts[2].Addr || (r.Provider == accts[3].Addr && !r.OK)) && !strings.Contains(r.Reason, "signature") {
			t.Errorf("%s failed for %q, want a signature failure", r.Provider, r.Reason)
		}
	}

	if _, err := p.CloseEpoch(ctx, e); err == nil {
		t.Error("closed an epoch that has not ended")
	}
	c.AdvancePastEpoch(e)
	clk.Set(time.Unix(int64(c.Now()), 0))
	tree, err := p.CloseEpoch(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	amounts := map[common.Address]*big.Int{accts[0].Addr: tokens(10, 0), accts[1].Addr: tokens(7, 5), accts[3].Addr: tokens(2, 5)}
	if tree.Len() != len(amounts) {
		t.Errorf("tree has %d leaves, want %d", tree.Len(), len(amounts))
	}
	for a, w := range amounts {
		if l, ok := tree.Leaf(a); !ok || l.Amount.Cmp(w) != 0 {
			t.Errorf("%s: leaf %v %v, want %s", a, ok, l.Amount, w)
		}
	}
	if _, ok := tree.Leaf(accts[2].Addr); ok {
		t.Error("the provider answering with another key has a leaf")
	}
	// Closing again (and after another restart) posts nothing more and gives the same root.
	again, err := p.CloseEpoch(ctx, e)
	if err != nil || again.Root() != tree.Root() {
		t.Fatalf("second close: %v %v", err, again)
	}
	if len(sender.ids) != 1 {
		t.Errorf("sent %v, want one postRoot", sender.ids)
	}
	if got, err := rw.Reporter(ctx, e, tree.Root()); err != nil || got != reporter.Addr {
		t.Fatalf("root on chain: %s %v", got, err)
	}

	// A provider fetches the tree over HTTP, checks it and claims exactly its amount.
	srv := httptest.NewServer(p.Handler())
	defer srv.Close()
	resp, err := http.Get(fmt.Sprintf("%s/trees/%d.json", srv.URL, e))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fetched, err := merkle.ParseTree(body)
	if err != nil || fetched.Root() != tree.Root() {
		t.Fatalf("published tree: %v", err)
	}
	if resp, err := http.Get(fmt.Sprintf("%s/trees/%d.json", srv.URL, e+5)); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("unclosed epoch: %v %v", resp.StatusCode, err)
	}
	prw, _ := newRewards(t, c, accts[1])
	claims, _, err := prw.Claims(ctx, accts[1].Addr, []*merkle.Tree{fetched})
	if err != nil || len(claims) != 1 {
		t.Fatalf("claims %v %v", claims, err)
	}
	paid, err := prw.Claim(ctx, claims)
	if err != nil {
		t.Fatal(err)
	}
	bal, err := c.TokenBalance(accts[1].Addr)
	if err != nil {
		t.Fatal(err)
	}
	if paid.Cmp(tokens(7, 5)) != 0 || bal.Cmp(tokens(7, 5)) != 0 {
		t.Errorf("claimed %s, balance %s, want 7.5 tokens", paid, bal)
	}
	if err := c.RewardsBooks([]uint64{e}); err != nil {
		t.Error(err)
	}
}
