package claimer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/incentives/trees"
	"github.com/brine-compute/brine/p2p"
)

// Config is what the claimer needs: the account's rewards contract, where probers publish
// trees, and the rule.
type Config struct {
	// Rewards is the rewards contract acting as the provider's account (with a Sender).
	Rewards *rewards.Rewards
	// Account is the provider whose leaves are claimed (the account Rewards sends as).
	Account common.Address
	// Probers lists where probers publish trees (trees.Static, trees.Local); it is asked again
	// every round.
	Probers trees.Directory
	// Host, if set, gives the libp2p host trees are fetched over from libp2p sources. It is
	// asked at Start, so it may be the node's (node.Node.Host), which exists once the node has
	// started. Nil, or a nil host: libp2p sources fail (trees.ErrNoHost).
	Host func() *p2p.Host
	// Interval between rounds (default 1 minute).
	Interval time.Duration
	// Factor is how many times its fee a claim must be worth (default 2). Not negative.
	Factor *big.Rat
	// WeiPerToken is what one whole reward token is worth in wei, to weigh rewards against gas
	// (default 10^18: a token worth one ether).
	WeiPerToken *big.Int
	// TokenDecimals are the reward token's decimals (default 18).
	TokenDecimals uint8
	// DeadlineEpochs: when the oldest unclaimed leaf's window closes within this many epochs,
	// a claim worth its fee at all is sent (default 2).
	DeadlineEpochs uint64
	// DataDir is the node's data directory, home of the default record.
	DataDir string
	// RecordPath is the claim record (default RecordPath(DataDir)).
	RecordPath string
	// Clock waits between rounds (default the wall clock).
	Clock clock.Clock
	// Logger (default slog.Default()).
	Logger *slog.Logger
	// OnRound, if set, is told what each round did (for tests and monitoring).
	OnRound func(Round)
}

// RecordPath is the claim record of the node with data directory dataDir.
func RecordPath(dataDir string) string { return filepath.Join(dataDir, "node", "claims.json") }

// Check reports every problem with c.
func (c Config) Check() error {
	var errs []error
	if c.Rewards == nil || c.Probers == nil || c.Account == (common.Address{}) {
		errs = append(errs, errors.New("Rewards, Account and Probers are required"))
	}
	if c.Factor != nil && c.Factor.Sign() < 0 || c.WeiPerToken != nil && c.WeiPerToken.Sign() < 0 || c.Interval < 0 {
		errs = append(errs, errors.New("Factor, WeiPerToken and Interval cannot be negative"))
	}
	if c.RecordPath == "" && c.DataDir == "" {
		errs = append(errs, errors.New("DataDir or RecordPath is required for the claim record"))
	}
	if len(errs) > 0 {
		return fmt.Errorf("claimer config: %w", errors.Join(errs...))
	}
	return nil
}

func (c Config) withDefaults() Config {
	if c.Interval == 0 {
		c.Interval = time.Minute
	}
	if c.Factor == nil {
		c.Factor = big.NewRat(2, 1)
	}
	if c.WeiPerToken == nil {
		c.WeiPerToken = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	}
	if c.TokenDecimals == 0 {
		c.TokenDecimals = 18
	}
	if c.DeadlineEpochs == 0 {
		c.DeadlineEpochs = 2
	}
	if c.RecordPath == "" {
		c.RecordPath = RecordPath(c.DataDir)
	}
	if c.Clock == nil {
		c.Clock = clock.System
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// Round is what one claim round found and did.
type Round struct {
	Epoch   uint64          // the current epoch
	Pending []rewards.Claim // leaves found and not claimed yet (after a claim: none of those)
	Total   *big.Int        // their sum
	Fee     *big.Int        // the estimated fee of claiming them (nil: not estimated)
	Claimed *big.Int        // paid by this round's claim (nil: none sent)
	Err     error           // what stopped the round, if anything
}

// ShouldClaim is the claim rule: claim total (token base units) at fee (wei) when its worth
// is at least factor × fee, or, near the deadline, at least the fee. A fee of zero is always
// worth it.
func ShouldClaim(total, fee *big.Int, factor *big.Rat, weiPerToken *big.Int, decimals uint8, nearDeadline bool) bool {
	if total == nil || total.Sign() <= 0 {
		return false
	}
	// worth = total × weiPerToken / 10^decimals, compared as exact rationals.
	worth := new(big.Rat).SetFrac(new(big.Int).Mul(total, weiPerToken), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil))
	need := new(big.Rat).SetInt(fee)
	if !nearDeadline {
		need.Mul(need, factor)
	}
	return worth.Cmp(need) >= 0
}

// Claimer runs the claim rounds (see the package doc).
type Claimer struct {
	cfg     Config
	log     *slog.Logger
	fetcher *trees.Fetcher
	record  *record
	cache   map[Key]*merkle.Tree // verified trees of roots not settled yet
	waiting string               // the pending total last logged as not worth claiming
	posted  postedRoots          // the RootPosted events seen (read once each)
	scanned uint64               // the next block whose RootPosted events to read

	mu      sync.Mutex
	started bool
	stop    context.CancelFunc
	done    chan struct{}
}

// Key is one reporter's root for one epoch.
type Key struct {
	Epoch    uint64
	Reporter common.Address
}

func (k Key) String() string { return fmt.Sprintf("%d/%s", k.Epoch, k.Reporter.Hex()) }

// New checks cfg and returns a claimer that is not started.
func New(cfg Config) (*Claimer, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	return &Claimer{
		cfg:    cfg,
		log:    cfg.Logger.With("component", "rewards"),
		cache:  map[Key]*merkle.Tree{},
		posted: postedRoots{roots: map[Key]common.Hash{}},
	}, nil
}

// Start opens the claim record and starts the rounds, fetching over Config.Host.
func (c *Claimer) Start(context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.started {
		return errors.New("claimer: already started")
	}
	rec, err := openRecord(c.cfg.RecordPath)
	if err != nil {
		return err
	}
	c.record = rec
	// Trees are checked against the roots the claimer read from the chain's RootPosted events.
	c.fetcher = &trees.Fetcher{Chain: c.posted}
	if c.cfg.Host != nil {
		if h := c.cfg.Host(); h != nil {
			c.fetcher.Host = h
		}
	}
	var ctx context.Context
	ctx, c.stop = context.WithCancel(context.Background())
	c.done = make(chan struct{})
	c.started = true
	go c.loop(ctx)
	c.log.Info("auto-claim on", "interval", c.cfg.Interval, "factor", c.cfg.Factor.FloatString(2), "record", c.cfg.RecordPath)
	return nil
}

// Stop ends the rounds and waits for a round in progress (a claim being mined stays in the
// transaction manager's journal).
func (c *Claimer) Stop(ctx context.Context) error {
	c.mu.Lock()
	started := c.started
	c.mu.Unlock()
	if !started {
		return nil
	}
	c.stop()
	select {
	case <-c.done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("claimer: did not stop: %w", ctx.Err())
	}
}

func (c *Claimer) loop(ctx context.Context) {
	defer close(c.done)
	for {
		r := c.round(ctx)
		if r.Err != nil && ctx.Err() == nil {
			c.log.Warn("auto-claim round", "err", r.Err)
		}
		if c.cfg.OnRound != nil && ctx.Err() == nil {
			c.cfg.OnRound(r)
		}
		select {
		case <-ctx.Done():
			return
		case <-c.cfg.Clock.After(c.cfg.Interval):
		}
	}
}

// round runs one claim round.
func (c *Claimer) round(ctx context.Context) (r Round) {
	rw, self := c.cfg.Rewards, c.cfg.Account
	cur, err := rw.CurrentEpoch(ctx)
	if err != nil {
		r.Err = err
		return r
	}
	r.Epoch = cur
	if cur == 0 {
		return r
	}
	from := uint64(0)
	if cur > rw.ClaimEpochs {
		from = cur - rw.ClaimEpochs
	}
	if err := c.settleSending(ctx); err != nil {
		r.Err = err
		return r
	}
	c.record.prune(from)
	for k := range c.cache {
		if k.Epoch < from {
			delete(c.cache, k)
		}
	}
	fresh, next, err := rw.PostedRootsSince(ctx, c.scanned)
	if err != nil {
		r.Err = err
		return r
	}
	c.scanned = next
	for _, p := range fresh {
		c.posted.roots[Key{p.Epoch, p.Reporter}] = p.Root
	}
	need := map[Key]common.Hash{}
	for k, root := range c.posted.roots {
		if k.Epoch < from {
			delete(c.posted.roots, k)
			continue
		}
		if c.record.state(k) == "" && c.cache[k] == nil {
			need[k] = root
		}
	}
	if len(need) > 0 {
		c.fetch(ctx, need)
	}
	// The claims name the reporter of each root (several reporters may post the same root:
	// probers that saw the same uptimes build the same tree, and each pays its own share).
	var claims []rewards.Claim
	for k, t := range c.cache {
		cl, ok, err := LeafClaim(t, self, k)
		if err != nil {
			r.Err = err
			return r
		}
		if !ok {
			c.settle(k, recordNone, nil)
			continue
		}
		done, err := rw.IsClaimed(ctx, self, k.Reporter, k.Epoch)
		if err != nil {
			r.Err = err
			return r
		}
		if done { // by an earlier run, or by hand with `brine rewards claim`
			c.settle(k, recordClaimed, nil)
			continue
		}
		claims = append(claims, cl)
	}
	sort.Slice(claims, func(i, j int) bool {
		if claims[i].Epoch != claims[j].Epoch {
			return claims[i].Epoch < claims[j].Epoch
		}
		return claims[i].Reporter.Cmp(claims[j].Reporter) < 0
	})
	claims = c.claimable(ctx, claims)
	r.Pending = claims
	r.Total = sum(claims)
	if len(claims) == 0 {
		return r
	}
	_, fee, err := rw.ClaimCost(ctx, claims)
	if err != nil {
		r.Err = err
		return r
	}
	r.Fee = fee
	oldest := claims[0].Epoch
	near := oldest+rw.ClaimEpochs < cur+c.cfg.DeadlineEpochs
	if !ShouldClaim(r.Total, fee, c.cfg.Factor, c.cfg.WeiPerToken, c.cfg.TokenDecimals, near) {
		level := slog.LevelDebug
		if w := fmt.Sprint(len(claims), r.Total); w != c.waiting {
			level, c.waiting = slog.LevelInfo, w // said once per new total, not every round
		}
		c.log.Log(ctx, level, "rewards not worth claiming yet", "leaves", len(claims), "total", r.Total, "fee_wei", fee, "factor", c.cfg.Factor.FloatString(2))
		return r
	}
	batch := claims[:min(len(claims), rewards.MaxClaims)]
	for _, cl := range batch {
		c.record.set(Key{cl.Epoch, cl.Reporter}, recordSending, cl.Amount)
	}
	if err := c.record.save(); err != nil {
		r.Err = fmt.Errorf("claimer: claim record: %w", err)
		return r
	}
	c.log.Info("claiming uptime rewards", "leaves", len(batch), "epochs", epochsOf(batch), "total", sum(batch), "fee_wei", fee)
	paid, err := rw.Claim(ctx, batch)
	if err != nil {
		r.Err = err
		// Whatever happened, the bitmap says next round (settleSending) whether it landed.
		return r
	}
	for _, cl := range batch {
		k := Key{cl.Epoch, cl.Reporter}
		c.record.set(k, recordClaimed, cl.Amount)
		delete(c.cache, k)
	}
	if err := c.record.save(); err != nil {
		c.log.Warn("claim record", "err", err)
	}
	r.Claimed, r.Pending = paid, claims[len(batch):]
	c.log.Info("claimed uptime rewards", "paid", paid, "epochs", epochsOf(batch))
	return r
}

// fetch gets the trees of the roots in need from the probers, keeping the verified ones.
func (c *Claimer) fetch(ctx context.Context, need map[Key]common.Hash) {
	srcs, err := c.cfg.Probers.Sources(ctx)
	if err != nil {
		c.log.Warn("listing probers", "err", err)
	}
	found := FetchTrees(ctx, c.fetcher, srcs, need, func(src trees.Source, epoch uint64, err error) {
		if errors.Is(err, trees.ErrNotOnChain) {
			c.log.Warn("refused a tree whose root is not on chain", "epoch", epoch, "source", src, "err", err)
		} else {
			c.log.Debug("fetching a tree", "epoch", epoch, "source", src, "err", err)
		}
	})
	for k, pub := range found {
		c.cache[k] = pub.Tree
		c.log.Debug("fetched a tree", "epoch", k.Epoch, "reporter", k.Reporter, "source", pub.Source, "root", need[k])
	}
}

// FetchTrees fetches from srcs the trees of the roots in need, each checked by f against the
// chain, and returns them by key: a tree serves every reporter that posted its root for the
// epoch (probers that saw the same uptimes build the same tree). A source that names its
// reporter is asked only for the epochs in which that reporter's root is needed and its tree
// not found yet. failed, if set, is told of every fetch that failed.
func FetchTrees(ctx context.Context, f *trees.Fetcher, srcs []trees.Source, need map[Key]common.Hash, failed func(src trees.Source, epoch uint64, err error)) map[Key]*trees.Published {
	found := map[Key]*trees.Published{}
	var epochs []uint64
	seen := map[uint64]bool{}
	for k := range need {
		if !seen[k.Epoch] {
			seen[k.Epoch] = true
			epochs = append(epochs, k.Epoch)
		}
	}
	sort.Slice(epochs, func(i, j int) bool { return epochs[i] < epochs[j] })
	for _, src := range srcs {
		for _, e := range epochs {
			if src.Reporter != (common.Address{}) {
				k := Key{e, src.Reporter}
				if _, ok := need[k]; !ok || found[k] != nil {
					continue // this reporter posted nothing needed for e, or its tree is here
				}
			}
			pub, err := f.Fetch(ctx, src, e)
			if err != nil {
				if failed != nil {
					failed(src, e, err)
				}
				continue
			}
			for k, root := range need {
				if k.Epoch == e && root == pub.Tree.Root() && found[k] == nil {
					found[k] = pub
				}
			}
		}
	}
	return found
}

// LeafClaim is account's claim of k's root in t, its leaf with its proof; false when t has no
// leaf for account.
func LeafClaim(t *merkle.Tree, account common.Address, k Key) (rewards.Claim, bool, error) {
	leaf, ok := t.Leaf(account)
	if !ok {
		return rewards.Claim{}, false, nil
	}
	proof, err := t.Proof(account)
	if err != nil {
		return rewards.Claim{}, false, err
	}
	return rewards.Claim{Epoch: k.Epoch, Reporter: k.Reporter, Amount: leaf.Amount, Proof: proof}, true, nil
}

// claimable keeps the claims the record does not hold and the contract would pay: a claim the
// contract refuses (an epoch not funded yet, a share exhausted) would revert all the others.
func (c *Claimer) claimable(ctx context.Context, claims []rewards.Claim) []rewards.Claim {
	var out []rewards.Claim
	for _, cl := range claims {
		if c.record.state(Key{cl.Epoch, cl.Reporter}) == "" {
			out = append(out, cl)
		}
	}
	if len(out) == 0 {
		return nil
	}
	if _, _, err := c.cfg.Rewards.ClaimCost(ctx, out); err == nil {
		return out
	}
	ok := out[:0]
	for _, cl := range out {
		if _, _, err := c.cfg.Rewards.ClaimCost(ctx, []rewards.Claim{cl}); err != nil {
			c.log.Info("leaving out a claim the contract refuses for now", "epoch", cl.Epoch, "reporter", cl.Reporter, "amount", cl.Amount, "err", err)
			continue
		}
		ok = append(ok, cl)
	}
	return ok
}

// settleSending resolves the claims recorded as being sent: the bitmap says whether they
// landed. One that did not is let go (the transaction failed: the manager finished its journal
// before the claimer started), so a later round claims it again.
func (c *Claimer) settleSending(ctx context.Context) error {
	changed := false
	for k := range c.record.sending() {
		done, err := c.cfg.Rewards.IsClaimed(ctx, c.cfg.Account, k.Reporter, k.Epoch)
		if err != nil {
			return err
		}
		if done {
			c.record.set(k, recordClaimed, nil)
		} else {
			c.record.drop(k)
		}
		changed = true
	}
	if changed {
		return c.record.save()
	}
	return nil
}

func (c *Claimer) settle(k Key, state string, amount *big.Int) {
	c.record.set(k, state, amount)
	delete(c.cache, k)
	if err := c.record.save(); err != nil {
		c.log.Warn("claim record", "err", err)
	}
}

// postedRoots is the trees.Chain of the claimer: the roots it read from RootPosted events.
// Only the loop's goroutine uses it.
type postedRoots struct {
	roots map[Key]common.Hash
}

// RootOf implements trees.Chain.
func (p postedRoots) RootOf(_ context.Context, epoch uint64, reporter common.Address) (common.Hash, *big.Int, error) {
	return p.roots[Key{epoch, reporter}], nil, nil
}

// Reporter implements trees.Chain.
func (p postedRoots) Reporter(_ context.Context, epoch uint64, root common.Hash) (common.Address, error) {
	for k, r := range p.roots {
		if k.Epoch == epoch && r == root {
			return k.Reporter, nil
		}
	}
	return common.Address{}, fmt.Errorf("claimer: epoch %d root %s: %w", epoch, root, rewards.ErrNoRoot)
}

func sum(claims []rewards.Claim) *big.Int {
	t := new(big.Int)
	for _, c := range claims {
		t.Add(t, c.Amount)
	}
	return t
}

func epochsOf(claims []rewards.Claim) string {
	var s []string
	for _, c := range claims {
		s = append(s, strconv.FormatUint(c.Epoch, 10))
	}
	return strings.Join(s, ",")
}
