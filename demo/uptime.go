package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/prober"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
)

// probing is the prober of scene 6, probing from the moment the nodes are up so that the
// scene's epoch is probed from its start.
type probing struct {
	p      *prober.Prober
	store  *prober.Store
	host   *p2p.Host
	rw     *rewards.Rewards
	srv    *http.Server
	url    string
	stop   context.CancelFunc
	done   chan struct{}
	rounds sync.Map // epoch -> rounds
}

// probeInterval is the time between probe rounds.
const probeInterval = time.Second

// startProbing starts the prober: a libp2p host of its own, a store, and a round every
// probeInterval. Rounds are driven here rather than by Prober.Start so that only the scene's
// epoch is closed and posted.
func (r *show) startProbing(ctx context.Context) error {
	dir := filepath.Join(r.dir, "prober")
	id, _, err := identity.LoadOrCreate(identity.Path(dir))
	if err != nil {
		return err
	}
	pr := &probing{}
	r.probing = pr
	if pr.host, err = p2p.New(p2p.Config{Identity: id, DisableProbe: true, Logger: r.log.With("who", "prober", "component", "p2p")}); err != nil {
		return err
	}
	if err := pr.host.Start(ctx); err != nil {
		pr.host = nil
		return err
	}
	if pr.store, err = prober.OpenStore(prober.StorePath(dir)); err != nil {
		return err
	}
	if pr.rw, err = r.rewardsFor(ctx, r.prober); err != nil {
		return err
	}
	perProvider, err := pr.rw.RewardPerProvider(ctx)
	if err != nil {
		return err
	}
	reporters, err := pr.rw.ReporterCount(ctx)
	if err != nil {
		return err
	}
	pr.p, err = prober.New(prober.Config{
		Poster:            pr.rw,
		Directory:         prober.RegistryDirectory{Lister: r.prober.acct},
		Probe:             prober.HostProbe(pr.host),
		Store:             pr.store,
		ChainID:           r.net.ChainID(),
		Rewards:           r.addrs.Rewards,
		Reporter:          r.prober.addr,
		Genesis:           pr.rw.Genesis,
		EpochLength:       pr.rw.EpochLength,
		RewardPerProvider: perProvider,
		Reporters:         uint64(reporters),
		Terms:             pr.rw,
		ProbeTimeout:      2 * time.Second,
		Clock:             r.clock,
		Logger:            r.log.With("who", "prober"),
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	pr.url = "http://" + ln.Addr().String()
	pr.srv = &http.Server{Handler: pr.p.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go pr.srv.Serve(ln)

	lctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	pr.stop, pr.done = cancel, make(chan struct{})
	go func() {
		defer close(pr.done)
		t := time.NewTicker(probeInterval)
		defer t.Stop()
		for {
			e := pr.p.EpochAt(r.clock.Now())
			if err := pr.p.Round(lctx); err == nil {
				n, _ := pr.rounds.LoadOrStore(e, new(int))
				*(n.(*int))++
			} else if lctx.Err() == nil {
				r.log.Warn("probe round", "err", err)
			}
			select {
			case <-lctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	return nil
}

func (pr *probing) close() error {
	if pr == nil {
		return nil
	}
	var errs []error
	if pr.stop != nil {
		pr.stop()
		<-pr.done
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if pr.srv != nil {
		errs = append(errs, pr.srv.Shutdown(ctx))
	}
	if pr.host != nil {
		errs = append(errs, pr.host.Stop(ctx))
	}
	if pr.store != nil {
		errs = append(errs, pr.store.Close())
	}
	return errors.Join(errs...)
}

// sceneUptime: the prober closes an epoch, posts its root, and the providers claim.
func (r *show) sceneUptime(ctx context.Context) error {
	r.setScene(ctx, "6 uptime")
	r.story.heading("Scene 6: uptime rewards for one epoch")
	pr := r.probing
	sc := &r.report.Uptime
	sc.Reporter = r.prober.name
	e := pr.p.EpochAt(r.clock.Now())
	sc.Epoch = e
	end := pr.p.EpochEnd(e)
	perProvider, err := pr.rw.RewardPerProvider(ctx)
	if err != nil {
		return err
	}
	sc.Funded = new(big.Int).Mul(perProvider, big.NewInt(int64(len(r.providers))))
	r.story.say("the prober has been probing the four nodes over libp2p every %s since they started (a signed fresh nonce each time,", probeInterval)
	r.story.note("checked against the peer ID registered on chain); this is epoch %d, which ends at %s (chain time)", e, end.UTC().Format(time.TimeOnly))
	gov, err := r.rewardsFor(ctx, r.gov)
	if err != nil {
		return err
	}
	if _, err := gov.Fund(ctx, e, 1, sc.Funded); err != nil {
		return fmt.Errorf("demo: funding epoch %d: %w", e, err)
	}
	r.story.say("governance funds epoch %d with %s (%s per provider, the most one provider can earn)", e, r.fmt(sc.Funded), r.fmt(perProvider))
	err = r.story.wait(ctx, fmt.Sprintf("epoch %d to end", e), 2*epochLength, func(context.Context) (bool, string, error) {
		return !r.clock.Now().Before(end), "", nil
	})
	if err != nil {
		return err
	}
	tree, err := pr.p.CloseEpoch(ctx, e)
	if err != nil {
		return fmt.Errorf("demo: closing epoch %d: %w", e, err)
	}
	if tree == nil {
		return fmt.Errorf("demo: epoch %d earned nothing: no probe was answered", e)
	}
	ups, err := pr.p.Uptimes(e)
	if err != nil {
		return err
	}
	for _, u := range ups {
		sc.Uptimes = append(sc.Uptimes, Uptime{Provider: u.Provider, OK: u.OK, Attempts: u.Attempts})
	}
	if n, ok := pr.rounds.Load(e); ok {
		sc.Probes = *(n.(*int))
	}
	sc.Root, sc.Leaves, sc.Total = tree.Root(), tree.Len(), tree.Total()
	sc.TreeURL = fmt.Sprintf("%s/trees/%d.json", pr.url, e)
	r.story.say("epoch %d ends; the prober tallies its probes and posts the Merkle root %s", e, sc.Root.Hex())
	for _, u := range sc.Uptimes {
		leaf, _ := tree.Leaf(u.Provider)
		r.story.note("%-8s answered %d/%d probes: %s", r.nameOf(u.Provider), u.OK, u.Attempts, r.fmt(leaf.Amount))
	}
	r.story.note("the tree is published at %s", sc.TreeURL)

	// Each provider fetches the published tree, finds its leaf and claims with the proof.
	claims := make([]Claimed, len(r.providers))
	errs := make([]error, len(r.providers))
	var wg sync.WaitGroup
	for i, p := range r.providers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			amount, err := r.claim(ctx, &p.actor, sc.TreeURL)
			claims[i], errs[i] = Claimed{Provider: p.addr, Amount: amount}, err
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	sc.Claims = claims
	for _, c := range claims {
		r.story.say("%s fetches the tree, proves its leaf and claims: paid exactly %s (%s base units)", r.nameOf(c.Provider), r.fmt(c.Amount), c.Amount)
	}
	return nil
}

// claim fetches the tree at url and claims a's leaf, returning what the contract paid.
func (r *show) claim(ctx context.Context, a *actor, url string) (*big.Int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("demo: %s fetching %s: %w", a.name, url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("demo: %s fetching %s: %s", a.name, url, resp.Status)
	}
	doc, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	tree, err := merkle.ParseTree(doc)
	if err != nil {
		return nil, fmt.Errorf("demo: the tree at %s: %w", url, err)
	}
	rw, err := r.rewardsFor(ctx, a)
	if err != nil {
		return nil, err
	}
	claims, _, err := rw.Claims(ctx, a.addr, []*merkle.Tree{tree})
	if err != nil {
		return nil, err
	}
	if len(claims) == 0 {
		return new(big.Int), nil
	}
	paid, err := rw.Claim(ctx, claims)
	if err != nil {
		return nil, fmt.Errorf("demo: %s claiming: %w", a.name, err)
	}
	return paid, nil
}
