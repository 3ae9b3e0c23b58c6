package prober_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/brine-compute/brine/incentives/prober"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/settlement"
)

type nopPoster struct{ posted map[uint64]common.Hash }

func (n *nopPoster) PostRoot(_ context.Context, e uint64, root common.Hash) error {
	if _, ok := n.posted[e]; ok {
		return errors.New("posted twice")
	}
	n.posted[e] = root
	return nil
}

func unitConfig(t *testing.T, reward *big.Int, reporters, minBps uint64) prober.Config {
	st, err := prober.OpenStore(prober.StorePath(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return prober.Config{
		Poster: &nopPoster{posted: map[uint64]common.Hash{}}, Directory: staticDirectory{}, Store: st,
		Probe: func(context.Context, peer.AddrInfo, p2p.ProbeRequest) ([]byte, error) {
			return nil, errors.New("unreachable")
		},
		ChainID: big.NewInt(1), Rewards: common.Address{1}, Reporter: common.Address{2},
		Genesis: time.Unix(1000, 0), EpochLength: time.Minute,
		RewardPerProvider: reward, Reporters: reporters, MinUptimeBps: minBps, Logger: quiet(),
	}
}

func TestAmount(t *testing.T) {
	for _, tc := range []struct {
		name              string
		reward            int64
		reporters, minBps uint64
		ok, attempts      uint64
		want              int64
	}{
		{"full", 1000, 1, 0, 7, 7, 1000},
		{"three quarters", 1000, 1, 0, 3, 4, 750},
		{"floor of a third", 1000, 1, 0, 1, 3, 333},
		{"cap split among reporters, floored", 1000, 3, 0, 1, 1, 333},
		{"split then fraction", 1000, 3, 0, 2, 3, 222}, // floor(333*2/3)
		{"none answered", 1000, 1, 0, 0, 5, 0},
		{"no attempts", 1000, 1, 0, 0, 0, 0},
		{"at the threshold", 1000, 1, 5000, 2, 4, 500},
		{"below the threshold", 1000, 1, 5000, 1, 3, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := prober.New(unitConfig(t, big.NewInt(tc.reward), tc.reporters, tc.minBps))
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Amount(prober.Uptime{OK: tc.ok, Attempts: tc.attempts}); got.Cmp(big.NewInt(tc.want)) != 0 {
				t.Errorf("amount %s, want %d", got, tc.want)
			}
		})
	}
}

func TestNewRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		mod  func(*prober.Config)
	}{
		{"no store", func(c *prober.Config) { c.Store = nil }},
		{"no reporter", func(c *prober.Config) { c.Reporter = common.Address{} }},
		{"zero reporters", func(c *prober.Config) { c.Reporters = 0 }},
		{"zero reward", func(c *prober.Config) { c.RewardPerProvider = new(big.Int) }},
		{"threshold over 100%", func(c *prober.Config) { c.MinUptimeBps = 10001 }},
		{"short epochs", func(c *prober.Config) { c.EpochLength = time.Millisecond }},
	} {
		cfg := unitConfig(t, big.NewInt(10), 1, 0)
		tc.mod(&cfg)
		if _, err := prober.New(cfg); err == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
}

type lister []settlement.ProviderInfo

func (l lister) ProviderDirectory(context.Context) ([]settlement.ProviderInfo, error) { return l, nil }

func TestRegistryDirectory(t *testing.T) {
	a, b := newIdentity(t), newIdentity(t)
	meta := func(id peer.ID) []byte {
		m, _ := json.Marshal(map[string]any{"peer": id.String(), "addrs": []string{"/ip4/127.0.0.1/tcp/4001/p2p/" + id.String(), "junk"}})
		return m
	}
	hashA := crypto.Keccak256Hash([]byte(a.Peer))
	d := prober.RegistryDirectory{Lister: lister{
		{Address: common.Address{1}, Active: true, PeerIDHash: hashA, Metadata: meta(a.Peer)},
		{Address: common.Address{2}, Active: true, PeerIDHash: hashA, Metadata: meta(b.Peer)}, // names another key
		{Address: common.Address{3}, Active: true, PeerIDHash: hashA, Metadata: []byte("{")},
		{Address: common.Address{4}, Active: false, PeerIDHash: hashA, Metadata: meta(a.Peer)},
	}}
	got, err := d.ActiveProviders(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d providers, want the 3 active ones", len(got))
	}
	if got[0].PeerID != a.Peer || len(got[0].Addrs) != 1 || got[0].Addrs[0].String() != "/ip4/127.0.0.1/tcp/4001" {
		t.Errorf("registered provider: %+v", got[0])
	}
	for _, p := range got[1:] {
		if p.PeerID != "" || len(p.Addrs) != 0 {
			t.Errorf("%s: unverifiable metadata gave %+v", p.Account, p)
		}
	}
}

// TestStartStop runs the loop for real: it probes (recording failures for an unreachable node),
// closes the ended epoch without a tree (nobody earned), and serves 404 for it over HTTP.
func TestStartStop(t *testing.T) {
	cfg := unitConfig(t, big.NewInt(10), 1, 0)
	id := newIdentity(t)
	cfg.Directory = staticDirectory{{Account: common.Address{9}, PeerID: id.Peer}}
	cfg.Interval, cfg.Jitter = 10*time.Millisecond, 5*time.Millisecond
	cfg.HTTPAddr = "127.0.0.1:0"
	clk := &clock{}
	clk.Set(time.Unix(1000+30, 0)) // epoch 0
	cfg.Clock = clk
	p, err := prober.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		recs, err := cfg.Store.Probes(0)
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) >= 2 {
			if recs[0].OK || recs[0].Reason != "no registered peer or address" {
				t.Errorf("probe: %+v", recs[0])
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no rounds within 5 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
	clk.Set(time.Unix(1000+60, 0)) // epoch 0 has ended
	for {
		if _, closed, _ := cfg.Store.Tree(0); closed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("epoch 0 not closed within 5 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
	resp, err := http.Get(fmt.Sprintf("http://%s/trees/0.json", p.HTTPAddr()))
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("tree of an epoch without leaves: %d", resp.StatusCode)
	}
	if err := p.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Poster.(*nopPoster).posted) != 0 {
		t.Error("posted a root for an epoch nobody earned in")
	}
}
