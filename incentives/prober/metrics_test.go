package prober_test

import (
	"context"
	"testing"
	"time"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/incentives/prober"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/metrics"
	"github.com/brine-compute/brine/metrics/metricstest"
)

// TestProberMetrics: three real probe rounds over loopback against one node that answers and
// one that is down, then the epoch's close; the prober's /metrics shows exactly three
// answered and three unanswered probes, one root posted for that epoch, and its 10 tokens.
func TestProberMetrics(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	funder := c.MustAccount(t, "funder", deploy.Token(1000))
	reporter := c.MustAccount(t, "reporter", nil)
	up, down := c.MustAccount(t, "up", nil), c.MustAccount(t, "down", nil)
	if _, err := c.AddReporter(reporter.Addr); err != nil {
		t.Fatal(err)
	}
	rw, _ := newRewards(t, c, reporter)
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

	upID, downID := newIdentity(t), newIdentity(t)
	upHost := startHost(t, upID, "", false)
	downHost := startHost(t, downID, "", false)
	downAddrs := tcpAddrs(downHost)
	stopHost(t, downHost)
	proberHost := startHost(t, newIdentity(t), "", true)
	dir := staticDirectory{
		{Account: up.Addr, PeerID: upID.Peer, Addrs: tcpAddrs(upHost)},
		{Account: down.Addr, PeerID: downID.Peer, Addrs: downAddrs},
	}

	reg := metrics.NewRegistry()
	srv, err := metrics.NewServer(metrics.ServerConfig{Addr: "127.0.0.1:0", Registry: reg, Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Stop(context.Background()) })

	st, err := prober.OpenStore(prober.StorePath(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	perProvider, err := rw.RewardPerProvider(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p, err := prober.New(prober.Config{
		Poster: rw, Directory: dir, Probe: prober.HostProbe(proberHost), Store: st,
		ChainID: c.ChainID, Rewards: c.Addr.Rewards, Reporter: reporter.Addr,
		Genesis: rw.Genesis, EpochLength: rw.EpochLength, RewardPerProvider: perProvider, Reporters: 1,
		ProbeTimeout: 5 * time.Second, Clock: clk, Logger: quiet(),
		Metrics: metrics.NewProber(reg, 18),
	})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := p.Round(ctx); err != nil {
			t.Fatal(err)
		}
		clk.Add(5 * time.Second)
	}
	c.AdvancePastEpoch(e)
	clk.Set(time.Unix(int64(c.Now()), 0))
	tree, err := p.CloseEpoch(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	if tree.Total().Cmp(deploy.Token(10)) != 0 {
		t.Fatalf("tree total %s, want 10 tokens", tree.Total())
	}
	if _, err := p.CloseEpoch(ctx, e); err != nil { // already posted: not counted again
		t.Fatal(err)
	}

	s := metricstest.Scrape(t, "http://"+srv.Addr()+"/metrics")
	s.Want(t, 3, "brine_prober_probes_total", "provider", up.Addr.Hex(), "result", "answered")
	s.Want(t, 3, "brine_prober_probes_total", "provider", down.Addr.Hex(), "result", "unanswered")
	if _, ok := s.Value("brine_prober_probes_total", "provider", up.Addr.Hex(), "result", "unanswered"); ok {
		t.Error("unanswered probes reported for the node that answered every one")
	}
	s.Want(t, 1, "brine_prober_roots_posted_total")
	s.Want(t, float64(e), "brine_prober_last_posted_epoch")
	s.Want(t, 10, "brine_prober_rewards_posted_tokens_total")
}
