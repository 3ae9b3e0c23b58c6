package prober

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/p2p"
)

// Poster posts a reporter's root for an ended epoch (incentives/rewards.Rewards does).
type Poster interface {
	PostRoot(ctx context.Context, epoch uint64, root common.Hash) error
}

// Provider is an active provider as the chain knows it: its account, the peer ID it
// registered (the one whose key must sign probes) and where its node says it listens.
type Provider struct {
	Account common.Address
	PeerID  peer.ID
	Addrs   []ma.Multiaddr
}

// Terms reads what this reporter's tree for an epoch may pay (rewards.Rewards.ReporterTerms):
// the most per leaf and the most for the whole root.
type Terms interface {
	ReporterTerms(ctx context.Context, epoch uint64) (leafCap, share *big.Int, err error)
}

// Directory lists the providers to probe.
type Directory interface {
	ActiveProviders(ctx context.Context) ([]Provider, error)
}

// ProbeFunc challenges a peer and returns its signature (p2p.Host.Probe). The prober verifies
// the signature itself against the registered peer ID, whatever the function checked.
type ProbeFunc func(ctx context.Context, info peer.AddrInfo, r p2p.ProbeRequest) ([]byte, error)

// Config configures a Prober.
type Config struct {
	// Poster posts roots (the rewards adapter acting as the reporter account).
	Poster Poster
	// Directory lists active providers with their registered peer IDs.
	Directory Directory
	// Probe sends one probe (normally the prober's own p2p.Host.Probe, with DisableProbe set).
	Probe ProbeFunc
	// Store keeps probes, trees and posted roots (OpenStore(StorePath(datadir))).
	Store *Store

	// ChainID and Rewards bind every probe to this chain and contract; Reporter is the
	// prober's account (the reporter posting roots), bound into every probe too.
	ChainID  *big.Int
	Rewards  common.Address
	Reporter common.Address

	// Genesis and EpochLength are the contract's epoch geometry (rewards.Rewards has them).
	Genesis     time.Time
	EpochLength time.Duration

	// RewardPerProvider is the contract's rewardPerProvider and Reporters its reporter count:
	// a leaf is worth at most RewardPerProvider / Reporters (integer division, as the contract).
	RewardPerProvider *big.Int
	Reporters         uint64
	// MinUptimeBps is the threshold: a provider below MinUptimeBps/10000 uptime in an epoch
	// earns nothing. 0: no threshold.
	MinUptimeBps uint64
	// Terms, when set, is read at each epoch close and overrides the static cap with the
	// contract's (its snapshot if a root is already posted), and scales every amount down
	// proportionally when the tree would exceed this reporter's share of the budget.
	Terms Terms

	// Interval between rounds, plus a uniformly random Jitter in [0, Jitter). Zero Interval: 1 min.
	Interval time.Duration
	Jitter   time.Duration
	// ProbeTimeout bounds one probe. Zero: 10 s.
	ProbeTimeout time.Duration

	// HTTPAddr, when set, serves GET /trees/<epoch>.json (e.g. "127.0.0.1:8547").
	HTTPAddr string

	// Clock is the time source (nil: clock.System); epochs are judged by its Now.
	Clock  clock.Clock
	Logger *slog.Logger
	// Metrics, if set, counts probes and posted roots (metrics.Prober implements it).
	Metrics Metrics
}

// Prober probes providers, closes epochs and posts their roots.
type Prober struct {
	cfg  Config
	log  *slog.Logger
	cap  *big.Int
	mu   sync.Mutex // serialises rounds and closes
	stop context.CancelFunc
	done chan struct{}
	srv  *http.Server
	ln   net.Listener
}

// New checks the config.
func New(cfg Config) (*Prober, error) {
	switch {
	case cfg.Poster == nil || cfg.Directory == nil || cfg.Probe == nil || cfg.Store == nil:
		return nil, errors.New("prober: Poster, Directory, Probe and Store are required")
	case cfg.ChainID == nil || cfg.Rewards == (common.Address{}) || cfg.Reporter == (common.Address{}):
		return nil, errors.New("prober: ChainID, Rewards and Reporter are required")
	case cfg.EpochLength < time.Second:
		return nil, errors.New("prober: EpochLength must be at least a second")
	case cfg.RewardPerProvider == nil || cfg.RewardPerProvider.Sign() <= 0 || cfg.Reporters == 0:
		return nil, errors.New("prober: RewardPerProvider and Reporters must be positive")
	case cfg.MinUptimeBps > 10000:
		return nil, errors.New("prober: MinUptimeBps is at most 10000")
	}
	if cfg.Interval <= 0 {
		cfg.Interval = time.Minute
	}
	if cfg.ProbeTimeout <= 0 {
		cfg.ProbeTimeout = 10 * time.Second
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.System
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	cap := new(big.Int).Div(cfg.RewardPerProvider, new(big.Int).SetUint64(cfg.Reporters))
	return &Prober{cfg: cfg, log: cfg.Logger, cap: cap}, nil
}

// EpochAt is the epoch containing t (0 before genesis).
func (p *Prober) EpochAt(t time.Time) uint64 {
	if t.Before(p.cfg.Genesis) {
		return 0
	}
	return uint64(t.Sub(p.cfg.Genesis) / p.cfg.EpochLength)
}

// EpochEnd is when epoch e ends.
func (p *Prober) EpochEnd(e uint64) time.Time {
	return p.cfg.Genesis.Add(time.Duration(e+1) * p.cfg.EpochLength)
}

// Round probes every active provider once, recording each outcome in the current epoch.
func (p *Prober) Round(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	providers, err := p.cfg.Directory.ActiveProviders(ctx)
	if err != nil {
		return fmt.Errorf("prober: directory: %w", err)
	}
	var wg sync.WaitGroup
	recs := make([]Record, len(providers))
	for i, pr := range providers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			recs[i] = p.probeOne(ctx, pr)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		// Stopped mid-round: the failures are ours, not the providers'. Record nothing.
		return err
	}
	var errs []error
	for _, r := range recs {
		if err := p.cfg.Store.Add(r); err != nil {
			errs = append(errs, err)
			continue
		}
		p.metrics().Probed(r.Provider, r.OK)
	}
	return errors.Join(errs...)
}

func (p *Prober) probeOne(ctx context.Context, pr Provider) Record {
	now := p.cfg.Clock.Now()
	rec := Record{Epoch: p.EpochAt(now), Provider: pr.Account, Time: now}
	fail := func(reason string) Record {
		rec.Reason = reason
		p.log.Debug("probe failed", "provider", pr.Account, "peer", pr.PeerID, "reason", reason)
		return rec
	}
	if pr.PeerID == "" || len(pr.Addrs) == 0 {
		return fail("no registered peer or address")
	}
	req, err := p2p.NewProbeRequest(p.cfg.ChainID, p.cfg.Rewards, p.cfg.Reporter, rec.Epoch)
	if err != nil {
		return fail(err.Error())
	}
	// Always dial the registered peer ID, whatever the metadata claims.
	info := peer.AddrInfo{ID: pr.PeerID, Addrs: pr.Addrs}
	pctx, cancel := context.WithTimeout(ctx, p.cfg.ProbeTimeout)
	defer cancel()
	sig, err := p.cfg.Probe(pctx, info, req)
	if err != nil {
		return fail(err.Error())
	}
	if !p2p.VerifyProbe(pr.PeerID, req, sig) {
		return fail("signature does not verify against the registered peer ID")
	}
	rec.OK = true
	return rec
}

// Uptime is a provider's probes in one epoch.
type Uptime struct {
	Provider common.Address
	OK       uint64
	Attempts uint64
}

// Amount is what a provider earns from this prober for an epoch:
// floor(RewardPerProvider / Reporters) × ok / attempts, in integer arithmetic, and zero
// below the MinUptimeBps threshold.
func (p *Prober) Amount(u Uptime) *big.Int { return p.amount(p.cap, u) }

func (p *Prober) amount(cap *big.Int, u Uptime) *big.Int {
	if u.Attempts == 0 || u.OK == 0 {
		return new(big.Int)
	}
	if u.OK*10000 < p.cfg.MinUptimeBps*u.Attempts {
		return new(big.Int)
	}
	a := new(big.Int).Mul(cap, new(big.Int).SetUint64(u.OK))
	return a.Div(a, new(big.Int).SetUint64(u.Attempts))
}

// Uptimes tallies an epoch's probes per provider.
func (p *Prober) Uptimes(epoch uint64) ([]Uptime, error) {
	recs, err := p.cfg.Store.Probes(epoch)
	if err != nil {
		return nil, err
	}
	idx := map[common.Address]int{}
	var out []Uptime
	for _, r := range recs {
		i, ok := idx[r.Provider]
		if !ok {
			i = len(out)
			idx[r.Provider] = i
			out = append(out, Uptime{Provider: r.Provider})
		}
		out[i].Attempts++
		if r.OK {
			out[i].OK++
		}
	}
	return out, nil
}

// CloseEpoch builds the epoch's tree once (kept in the store), and posts its root once.
// It returns the tree (nil when no provider earned anything: nothing is posted). The epoch
// must have ended by the Clock.
func (p *Prober) CloseEpoch(ctx context.Context, epoch uint64) (*merkle.Tree, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if end := p.EpochEnd(epoch); p.cfg.Clock.Now().Before(end) {
		return nil, fmt.Errorf("prober: epoch %d ends at %s", epoch, end)
	}
	doc, closed, err := p.cfg.Store.Tree(epoch)
	if err != nil {
		return nil, err
	}
	var tree *merkle.Tree
	if closed {
		if doc == nil {
			return nil, nil
		}
		if tree, err = merkle.ParseTree(doc); err != nil {
			return nil, fmt.Errorf("prober: stored tree of epoch %d: %w", epoch, err)
		}
	} else {
		ups, err := p.Uptimes(epoch)
		if err != nil {
			return nil, err
		}
		leafCap, share := p.cap, (*big.Int)(nil)
		if p.cfg.Terms != nil {
			if leafCap, share, err = p.cfg.Terms.ReporterTerms(ctx, epoch); err != nil {
				return nil, fmt.Errorf("prober: terms of epoch %d: %w", epoch, err)
			}
		}
		amounts := make([]*big.Int, len(ups))
		total := new(big.Int)
		for i, u := range ups {
			amounts[i] = p.amount(leafCap, u)
			total.Add(total, amounts[i])
		}
		// An unfunded epoch (share 0) is not scaled to nothing: its tree keeps the capped
		// amounts, claimable once someone funds the epoch.
		if share != nil && share.Sign() > 0 && total.Cmp(share) > 0 {
			// Scale down so every leaf can be claimed: amount × share / total, floored.
			for _, a := range amounts {
				a.Mul(a, share).Div(a, total)
			}
		}
		var leaves []merkle.Leaf
		for i, u := range ups {
			if amounts[i].Sign() > 0 {
				leaves = append(leaves, merkle.Leaf{Epoch: epoch, Provider: u.Provider, Amount: amounts[i]})
			}
		}
		if len(leaves) > 0 {
			if tree, err = merkle.Build(leaves); err != nil {
				return nil, err
			}
			if doc, err = json.Marshal(tree); err != nil {
				return nil, err
			}
		}
		if err := p.cfg.Store.PutTree(epoch, doc); err != nil {
			return nil, err
		}
		if tree == nil {
			p.log.Info("epoch closed without rewards", "epoch", epoch)
			return nil, nil
		}
	}
	if _, posted, err := p.cfg.Store.Posted(epoch); err != nil || posted {
		return tree, err
	}
	if err := p.cfg.Poster.PostRoot(ctx, epoch, tree.Root()); err != nil && !reverts.Is(err, "RootAlreadyPosted") {
		return tree, err
	}
	if err := p.cfg.Store.MarkPosted(epoch, tree.Root()); err != nil {
		return tree, err
	}
	p.metrics().RootPosted(epoch, tree.Total())
	p.log.Info("root posted", "epoch", epoch, "root", tree.Root(), "leaves", tree.Len(), "total", tree.Total())
	return tree, nil
}

// closeEnded closes every probed epoch that has ended and is not yet posted.
func (p *Prober) closeEnded(ctx context.Context) {
	epochs, err := p.cfg.Store.Epochs()
	if err != nil {
		p.log.Warn("prober store", "err", err)
		return
	}
	now := p.cfg.Clock.Now()
	for _, e := range epochs {
		if now.Before(p.EpochEnd(e)) {
			continue
		}
		if _, posted, err := p.cfg.Store.Posted(e); err != nil || posted {
			continue
		}
		if doc, closed, _ := p.cfg.Store.Tree(e); closed && doc == nil {
			continue
		}
		if _, err := p.CloseEpoch(ctx, e); err != nil {
			p.log.Warn("closing epoch", "epoch", e, "err", err)
		}
	}
}

// Handler serves GET /trees/<epoch>.json: the published tree of a closed epoch.
func (p *Prober) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /trees/{file}", func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutSuffix(r.PathValue("file"), ".json")
		if !ok {
			http.NotFound(w, r)
			return
		}
		e, err := strconv.ParseUint(name, 10, 64)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		doc, _, err := p.cfg.Store.Tree(e)
		if err != nil {
			http.Error(w, "store error", http.StatusInternalServerError)
			return
		}
		if doc == nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(doc)
	})
	return mux
}

// Start serves HTTP (when configured) and runs rounds until Stop.
func (p *Prober) Start(ctx context.Context) error {
	if p.done != nil {
		return errors.New("prober: already started")
	}
	if p.cfg.HTTPAddr != "" {
		ln, err := net.Listen("tcp", p.cfg.HTTPAddr)
		if err != nil {
			return fmt.Errorf("prober: http: %w", err)
		}
		p.ln = ln
		p.srv = &http.Server{Handler: p.Handler(), ReadHeaderTimeout: 5 * time.Second}
		go p.srv.Serve(ln)
	}
	ctx, p.stop = context.WithCancel(context.WithoutCancel(ctx))
	p.done = make(chan struct{})
	go p.loop(ctx)
	return nil
}

// HTTPAddr is the address the tree server listens on (empty without HTTPAddr).
func (p *Prober) HTTPAddr() string {
	if p.ln == nil {
		return ""
	}
	return p.ln.Addr().String()
}

// Stop ends the loop and the HTTP server and waits for them.
func (p *Prober) Stop(ctx context.Context) error {
	if p.done == nil {
		return nil
	}
	p.stop()
	<-p.done
	if p.srv != nil {
		return p.srv.Shutdown(ctx)
	}
	return nil
}

func (p *Prober) loop(ctx context.Context) {
	defer close(p.done)
	for {
		if err := p.Round(ctx); err != nil && ctx.Err() == nil {
			p.log.Warn("probe round", "err", err)
		}
		p.closeEnded(ctx)
		t := time.NewTimer(p.cfg.Interval + jitter(p.cfg.Jitter))
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

func jitter(max time.Duration) time.Duration {
	if max <= 0 {
		return 0
	}
	var b [8]byte
	rand.Read(b[:])
	return time.Duration(binary.BigEndian.Uint64(b[:]) % uint64(max))
}
