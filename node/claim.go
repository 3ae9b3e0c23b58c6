package node

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/incentives/trees"
	"github.com/brine-compute/brine/internal/atomicfile"
)

// AutoClaim makes the node claim its uptime rewards by itself (Config.AutoClaim).
//
// Every Interval the node reads the RootPosted events of the blocks it has not read yet (each
// block once); for each root posted for an epoch still claimable that it has not settled yet,
// it fetches the tree from its probers (trees.Fetcher: a tree counts only when its root is one
// of those posted), finds its own leaves, and claims all of them in one transaction (up to
// rewards.MaxClaims) when
//
//	worth(total) >= Factor × fee,   worth(x) = x × WeiPerToken / 10^TokenDecimals
//
// where fee is the claim's estimated gas at the chain's gas price, in wei; or, once the oldest
// leaf's claim window closes within DeadlineEpochs, when worth(total) >= fee. Otherwise it
// waits: later epochs add up, and one transaction claims them all.
//
// A claim is never sent twice: the contract's claimed bitmap is read before every claim, and
// the node records every (epoch, reporter) it claimed, found no leaf in, or is claiming in
// <datadir>/node/claims.json, written before the transaction is sent. A restart finds the
// transaction manager's journal finished (or the transaction failed) and the bitmap set (or
// not), and goes on from there.
type AutoClaim struct {
	// Rewards is the rewards contract acting as the provider's account (with a Sender).
	Rewards *rewards.Rewards
	// Probers lists where probers publish trees (trees.Static, trees.Local); it is asked again
	// every round.
	Probers trees.Directory
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
	// RecordPath is the claim record (default <DataDir>/node/claims.json).
	RecordPath string
	// OnRound, if set, is told what each round did (for tests and monitoring).
	OnRound func(ClaimRound)
}

// ClaimRound is what one auto-claim round found and did.
type ClaimRound struct {
	Epoch   uint64          // the current epoch
	Pending []rewards.Claim // leaves found and not claimed yet (after a claim: none of those)
	Total   *big.Int        // their sum
	Fee     *big.Int        // the estimated fee of claiming them (nil: not estimated)
	Claimed *big.Int        // paid by this round's claim (nil: none sent)
	Err     error           // what stopped the round, if anything
}

func (a *AutoClaim) check(dataDir string) []error {
	if a == nil {
		return nil
	}
	var errs []error
	if a.Rewards == nil || a.Probers == nil {
		errs = append(errs, errors.New("AutoClaim needs Rewards and Probers"))
	}
	if a.Factor != nil && a.Factor.Sign() < 0 || a.WeiPerToken != nil && a.WeiPerToken.Sign() < 0 || a.Interval < 0 {
		errs = append(errs, errors.New("AutoClaim.Factor, WeiPerToken and Interval cannot be negative"))
	}
	if a.RecordPath == "" && dataDir == "" {
		errs = append(errs, errors.New("AutoClaim needs DataDir or RecordPath for its claim record"))
	}
	return errs
}

func (a AutoClaim) withDefaults(dataDir string) AutoClaim {
	if a.Interval == 0 {
		a.Interval = time.Minute
	}
	if a.Factor == nil {
		a.Factor = big.NewRat(2, 1)
	}
	if a.WeiPerToken == nil {
		a.WeiPerToken = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	}
	if a.TokenDecimals == 0 {
		a.TokenDecimals = 18
	}
	if a.DeadlineEpochs == 0 {
		a.DeadlineEpochs = 2
	}
	if a.RecordPath == "" {
		a.RecordPath = filepath.Join(dataDir, "node", "claims.json")
	}
	return a
}

// ShouldClaim is the auto-claim rule: claim total (token base units) at fee (wei) when its
// worth is at least factor × fee, or, near the deadline, at least the fee. A fee of zero is
// always worth it.
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

// claimer runs the node's auto-claim rounds.
type claimer struct {
	cfg     AutoClaim
	self    common.Address
	log     *slog.Logger
	fetcher *trees.Fetcher
	clock   Clock
	record  *claimRecord
	cache   map[claimKey]*merkle.Tree // verified trees of roots not settled yet
	waiting string                    // the pending total last logged as not worth claiming
	posted  postedRoots               // the RootPosted events seen (read once each)
	scanned uint64                    // the next block whose RootPosted events to read

	stop context.CancelFunc
	done chan struct{}
}

// claimKey is one reporter's root for one epoch.
type claimKey struct {
	Epoch    uint64
	Reporter common.Address
}

func (k claimKey) String() string { return fmt.Sprintf("%d/%s", k.Epoch, k.Reporter.Hex()) }

// startClaims starts the auto-claim loop (when configured), fetching over the node's host.
func (n *Node) startClaims() error {
	if n.cfg.AutoClaim == nil {
		return nil
	}
	cfg := n.cfg.AutoClaim.withDefaults(n.cfg.DataDir)
	rec, err := openClaimRecord(cfg.RecordPath)
	if err != nil {
		return err
	}
	c := &claimer{
		cfg:    cfg,
		self:   n.self,
		log:    n.cfg.Logger.With("component", "rewards"),
		clock:  n.cfg.Clock,
		record: rec,
		cache:  map[claimKey]*merkle.Tree{},
		posted: postedRoots{roots: map[claimKey]common.Hash{}},
		done:   make(chan struct{}),
	}
	// Trees are checked against the roots the claimer read from the chain's RootPosted events.
	c.fetcher = &trees.Fetcher{Host: n.host, Chain: c.posted}
	var ctx context.Context
	ctx, c.stop = context.WithCancel(context.Background())
	n.claims = c
	go c.loop(ctx)
	c.log.Info("auto-claim on", "interval", cfg.Interval, "factor", cfg.Factor.FloatString(2), "record", cfg.RecordPath)
	return nil
}

// stopClaims ends the loop and waits for a round in progress (a claim being mined stays in
// the transaction manager's journal).
func (n *Node) stopClaims(ctx context.Context) error {
	c := n.claims
	if c == nil {
		return nil
	}
	c.stop()
	select {
	case <-c.done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("node: auto-claim did not stop: %w", ctx.Err())
	}
}

func (c *claimer) loop(ctx context.Context) {
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
		case <-c.clock.After(c.cfg.Interval):
		}
	}
}

// round runs one auto-claim round.
func (c *claimer) round(ctx context.Context) (r ClaimRound) {
	rw := c.cfg.Rewards
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
		c.posted.roots[claimKey{p.Epoch, p.Reporter}] = p.Root
	}
	need := map[claimKey]common.Hash{}
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
		leaf, ok := t.Leaf(c.self)
		if !ok {
			c.settle(k, recordNone, nil)
			continue
		}
		done, err := rw.IsClaimed(ctx, c.self, k.Reporter, k.Epoch)
		if err != nil {
			r.Err = err
			return r
		}
		if done { // by an earlier run, or by hand with `brine rewards claim`
			c.settle(k, recordClaimed, nil)
			continue
		}
		proof, err := t.Proof(c.self)
		if err != nil {
			r.Err = err
			return r
		}
		claims = append(claims, rewards.Claim{Epoch: k.Epoch, Reporter: k.Reporter, Amount: leaf.Amount, Proof: proof})
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
		c.record.set(claimKey{cl.Epoch, cl.Reporter}, recordSending, cl.Amount)
	}
	if err := c.record.save(); err != nil {
		r.Err = fmt.Errorf("node: claim record: %w", err)
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
		k := claimKey{cl.Epoch, cl.Reporter}
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
func (c *claimer) fetch(ctx context.Context, need map[claimKey]common.Hash) {
	srcs, err := c.cfg.Probers.Sources(ctx)
	if err != nil {
		c.log.Warn("listing probers", "err", err)
	}
	epochs := map[uint64]bool{}
	for k := range need {
		epochs[k.Epoch] = true
	}
	for _, src := range srcs {
		for e := range epochs {
			if src.Reporter != (common.Address{}) {
				k := claimKey{e, src.Reporter}
				if _, ok := need[k]; !ok || c.cache[k] != nil {
					continue // this reporter posted nothing for e, or its tree is here
				}
			}
			pub, err := c.fetcher.Fetch(ctx, src, e)
			if err != nil {
				if errors.Is(err, trees.ErrNotOnChain) {
					c.log.Warn("refused a tree whose root is not on chain", "epoch", e, "source", src, "err", err)
				} else {
					c.log.Debug("fetching a tree", "epoch", e, "source", src, "err", err)
				}
				continue
			}
			// The tree serves every reporter that posted its root for e.
			for k, root := range need {
				if k.Epoch == e && root == pub.Tree.Root() && c.cache[k] == nil {
					c.cache[k] = pub.Tree
					c.log.Debug("fetched a tree", "epoch", e, "reporter", k.Reporter, "source", src, "root", root)
				}
			}
		}
	}
}

// claimable keeps the claims the record does not hold and the contract would pay: a claim the
// contract refuses (an epoch not funded yet, a share exhausted) would revert all the others.
func (c *claimer) claimable(ctx context.Context, claims []rewards.Claim) []rewards.Claim {
	var out []rewards.Claim
	for _, cl := range claims {
		if c.record.state(claimKey{cl.Epoch, cl.Reporter}) == "" {
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
// before the node started), so a later round claims it again.
func (c *claimer) settleSending(ctx context.Context) error {
	changed := false
	for k := range c.record.sending() {
		done, err := c.cfg.Rewards.IsClaimed(ctx, c.self, k.Reporter, k.Epoch)
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

func (c *claimer) settle(k claimKey, state string, amount *big.Int) {
	c.record.set(k, state, amount)
	delete(c.cache, k)
	if err := c.record.save(); err != nil {
		c.log.Warn("claim record", "err", err)
	}
}

// postedRoots is the trees.Chain of the claimer: the roots it read from RootPosted events.
// Only the claim loop's goroutine uses it.
type postedRoots struct {
	roots map[claimKey]common.Hash
}

// RootOf implements trees.Chain.
func (p postedRoots) RootOf(_ context.Context, epoch uint64, reporter common.Address) (common.Hash, *big.Int, error) {
	return p.roots[claimKey{epoch, reporter}], nil, nil
}

// Reporter implements trees.Chain.
func (p postedRoots) Reporter(_ context.Context, epoch uint64, root common.Hash) (common.Address, error) {
	for k, r := range p.roots {
		if k.Epoch == epoch && r == root {
			return k.Reporter, nil
		}
	}
	return common.Address{}, fmt.Errorf("node: epoch %d root %s: %w", epoch, root, rewards.ErrNoRoot)
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

// Claim record states.
const (
	recordSending = "sending" // written before the claim transaction is sent
	recordClaimed = "claimed" // the bitmap is set
	recordNone    = "none"    // the reporter's tree has no leaf for this node
)

type recordEntry struct {
	State  string    `json:"state"`
	Amount string    `json:"amount,omitempty"`
	At     time.Time `json:"at"`
}

// claimRecord is the persisted record of settled (epoch, reporter) roots, a JSON file
// replaced atomically.
type claimRecord struct {
	path string
	mu   sync.Mutex
	m    map[string]recordEntry
}

func openClaimRecord(path string) (*claimRecord, error) {
	r := &claimRecord{path: path, m: map[string]recordEntry{}}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return r, nil
	case err != nil:
		return nil, fmt.Errorf("node: claim record: %w", err)
	}
	if err := json.Unmarshal(data, &r.m); err != nil {
		return nil, fmt.Errorf("node: claim record %s: %w", path, err)
	}
	return r, nil
}

func parseKey(s string) (claimKey, bool) {
	e, rep, ok := strings.Cut(s, "/")
	n, err := strconv.ParseUint(e, 10, 64)
	if !ok || err != nil || !common.IsHexAddress(rep) {
		return claimKey{}, false
	}
	return claimKey{n, common.HexToAddress(rep)}, true
}

func (r *claimRecord) state(k claimKey) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.m[k.String()].State
}

func (r *claimRecord) set(k claimKey, state string, amount *big.Int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e := r.m[k.String()]
	e.State, e.At = state, time.Now().UTC()
	if amount != nil {
		e.Amount = amount.String()
	}
	r.m[k.String()] = e
}

func (r *claimRecord) drop(k claimKey) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.m, k.String())
}

func (r *claimRecord) sending() map[claimKey]bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[claimKey]bool{}
	for s, e := range r.m {
		if k, ok := parseKey(s); ok && e.State == recordSending {
			out[k] = true
		}
	}
	return out
}

// prune forgets epochs before from: their claim window has closed.
func (r *claimRecord) prune(from uint64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for s := range r.m {
		if k, ok := parseKey(s); !ok || k.Epoch < from {
			delete(r.m, s)
		}
	}
}

func (r *claimRecord) save() error {
	r.mu.Lock()
	data, err := json.MarshalIndent(r.m, "", "  ")
	r.mu.Unlock()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(r.path), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(r.path, data, 0o600)
}
