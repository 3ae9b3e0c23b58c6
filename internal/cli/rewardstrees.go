package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/incentives/claimer"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/incentives/trees"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
)

// proberFlag names probers to fetch trees from.
func proberFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: "prober", EnvVars: []string{"BRINE_PROBER"},
		Usage: "fetch trees from this prober: `URL` (http://HOST:PORT), libp2p multiaddr (/ip4/…/p2p/<peer ID>) or reporter ADDR of a prober running with this --datadir; repeat (default: the probers running with this --datadir)"}
}

// namedProbers are the sources the --prober flags name (repeated or comma-separated).
func (s *session) namedProbers(probers []string) ([]trees.Source, error) {
	var out []trees.Source
	for _, arg := range probers {
		for _, a := range strings.Split(arg, ",") {
			if a = strings.TrimSpace(a); a == "" {
				continue
			}
			srcs, err := trees.Resolve(a, s.cfg.DataDir)
			if err != nil {
				return nil, badInput("--prober: %v", err)
			}
			out = append(out, srcs...)
		}
	}
	return out, nil
}

// proberSources are the sources the --prober flags name, else those of the probers running
// with the data directory.
func (s *session) proberSources(c *cli.Context) ([]trees.Source, error) {
	out, err := s.namedProbers(c.StringSlice("prober"))
	if err != nil || len(out) > 0 {
		return out, err
	}
	local, err := trees.Local{DataDir: s.cfg.DataDir}.Sources(s.ctx)
	if err != nil {
		return nil, err
	}
	return local, nil
}

// treeFetcher fetches trees for one command: an HTTP client, and a libp2p host with a key of
// its own for this run (only when a source needs it).
type treeFetcher struct {
	*trees.Fetcher
	host *p2p.Host
}

func (s *session) treeFetcher(srcs []trees.Source, chain trees.Chain) (*treeFetcher, error) {
	f := &treeFetcher{Fetcher: &trees.Fetcher{Chain: chain}}
	for _, src := range srcs {
		if src.Peer == nil {
			continue
		}
		tmp, err := os.MkdirTemp("", "brine-trees-")
		if err != nil {
			return nil, err
		}
		id, _, err := identity.LoadOrCreate(tmp + "/identity.key")
		os.RemoveAll(tmp) // the key is needed only in memory, for this run
		if err != nil {
			return nil, err
		}
		h, err := p2p.New(p2p.Config{Identity: id, DisableProbe: true, Logger: s.log})
		if err != nil {
			return nil, err
		}
		if err := h.Start(s.ctx); err != nil {
			return nil, err
		}
		f.host, f.Host = h, h
		break
	}
	return f, nil
}

func (f *treeFetcher) close() {
	if f.host != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = f.host.Stop(ctx)
	}
}

// fetchEpoch fetches epoch's trees from every source, one per reporter (the first source
// that serves a reporter's verified tree wins), and says what failed.
func (f *treeFetcher) fetchEpoch(ctx context.Context, srcs []trees.Source, epoch uint64) ([]*trees.Published, []error) {
	var out []*trees.Published
	var failures []error
	have := map[common.Address]bool{}
	for _, src := range srcs {
		if src.Reporter != (common.Address{}) && have[src.Reporter] {
			continue
		}
		pub, err := f.Fetch(ctx, src, epoch)
		if err != nil {
			failures = append(failures, err)
			continue
		}
		if !have[pub.Reporter] {
			have[pub.Reporter] = true
			out = append(out, pub)
		}
	}
	return out, failures
}

func rewardsTree(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine rewards tree --epoch N [--prober URL|MULTIADDR|ADDR]"); err != nil {
		return err
	}
	if !c.IsSet("epoch") {
		return badInput("brine rewards tree: which epoch? pass --epoch N")
	}
	epoch, err := parseEpoch(c.String("epoch"), "--epoch")
	if err != nil {
		return err
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	rw, err := s.rewards(false)
	if err != nil {
		return err
	}
	srcs, err := s.proberSources(c)
	if err != nil {
		return err
	}
	if len(srcs) == 0 {
		return badInput("no prober to fetch trees from: pass --prober URL|MULTIADDR|REPORTER (`brine prober run` prints its addresses), or use the --datadir a prober runs with")
	}
	f, err := s.treeFetcher(srcs, rw)
	if err != nil {
		return err
	}
	defer f.close()
	fmt.Fprintf(s.info, "Fetching the trees of epoch %d from %d source(s)\n", epoch, len(srcs))
	pubs, failures := f.fetchEpoch(s.ctx, srcs, epoch)
	for _, err := range failures {
		fmt.Fprintf(s.info, "  %v\n", err)
	}
	if len(pubs) == 0 {
		return fmt.Errorf("no tree of epoch %d whose root is on chain could be fetched (see above)", epoch)
	}
	if out := c.String("out"); out != "" {
		if len(pubs) != 1 {
			return badInput("--out: %d reporters' trees for epoch %d: pick one with --prober", len(pubs), epoch)
		}
		if err := os.WriteFile(out, append(pubs[0].Doc, '\n'), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(s.info, "Wrote the tree to %s (use it with `brine rewards claim --tree %s`)\n", out, out)
	}
	type leafOut struct {
		Provider string `json:"provider"`
		Amount   amount `json:"amount"`
	}
	type treeOut struct {
		Reporter string          `json:"reporter"`
		Root     string          `json:"root"`
		Source   string          `json:"source"`
		Total    amount          `json:"total"`
		Leaves   []leafOut       `json:"leaves"`
		Document json.RawMessage `json:"document"`
	}
	outs := make([]treeOut, len(pubs))
	for i, p := range pubs {
		o := treeOut{Reporter: p.Reporter.Hex(), Root: p.Tree.Root().Hex(), Source: p.Source.String(), Total: s.amount(p.Tree.Total()), Document: p.Doc}
		leaves := p.Tree.Leaves()
		sort.Slice(leaves, func(a, b int) bool { return leaves[a].Provider.Cmp(leaves[b].Provider) < 0 })
		for _, l := range leaves {
			o.Leaves = append(o.Leaves, leafOut{l.Provider.Hex(), s.amount(l.Amount)})
		}
		outs[i] = o
	}
	return s.emit(map[string]any{"epoch": epoch, "trees": outs}, func(w io.Writer) {
		for i, p := range pubs {
			if i > 0 {
				fmt.Fprintln(w)
			}
			kv(w, "Epoch", "%d", epoch)
			kv(w, "Reporter", "%s", p.Reporter.Hex())
			kv(w, "Root", "%s (the root it posted on chain)", p.Tree.Root().Hex())
			kv(w, "Source", "%s", p.Source)
			for _, l := range outs[i].Leaves {
				kv(w, "  "+l.Provider, "%s", l.Amount.Decimal+" "+l.Amount.Symbol)
			}
			kv(w, "Total", "%s in %d leaves", s.fmtAmount(p.Tree.Total()), p.Tree.Len())
		}
	})
}

// rewardRow is one reporter's root for one epoch as it concerns one account.
type rewardRow struct {
	Epoch    uint64
	Reporter common.Address
	Root     common.Hash
	// State: claimed (the account was paid Amount), claimable (Amount is its leaf), no leaf
	// (the tree pays it nothing), no tree (no prober served the tree of this root).
	State  string
	Amount *big.Int
	Claim  *rewards.Claim // when claimable
	Tx     *common.Hash   // the claim, when claimed
	Source string         // where its tree came from
}

// Row states.
const (
	rowClaimed   = "claimed"
	rowClaimable = "claimable"
	rowNoLeaf    = "no leaf"
	rowNoTree    = "no tree"
)

// rewardRows lists the roots posted for epochs from..to and what each means for account:
// claimed (from the RewardClaimed events), else its leaf in the tree fetched from srcs.
func (s *session) rewardRows(rw *rewards.Rewards, account common.Address, from, to uint64, srcs []trees.Source) ([]rewardRow, error) {
	posted, err := rw.PostedRoots(s.ctx, from, to)
	if err != nil {
		return nil, err
	}
	claimed, err := rw.ClaimedRewards(s.ctx, account)
	if err != nil {
		return nil, err
	}
	paid := map[claimer.Key]rewards.ClaimedReward{}
	for _, c := range claimed {
		paid[claimer.Key{Epoch: c.Epoch, Reporter: c.Reporter}] = c
	}
	rows := make([]rewardRow, len(posted))
	missing := map[uint64]bool{}
	for i, p := range posted {
		rows[i] = rewardRow{Epoch: p.Epoch, Reporter: p.Reporter, Root: p.Root, State: rowNoTree}
		if c, ok := paid[claimer.Key{Epoch: p.Epoch, Reporter: p.Reporter}]; ok {
			tx := c.Tx
			rows[i].State, rows[i].Amount, rows[i].Tx = rowClaimed, c.Amount, &tx
			continue
		}
		missing[p.Epoch] = true
	}
	if len(missing) == 0 || len(srcs) == 0 {
		return rows, nil
	}
	// Every root of an epoch with a leaf still to find, claimed ones too: a reporter's prober
	// serves the tree of any other reporter that posted the same root.
	need := map[claimer.Key]common.Hash{}
	for _, r := range rows {
		if missing[r.Epoch] {
			need[claimer.Key{Epoch: r.Epoch, Reporter: r.Reporter}] = r.Root
		}
	}
	f, err := s.treeFetcher(srcs, rw)
	if err != nil {
		return nil, err
	}
	defer f.close()
	found := claimer.FetchTrees(s.ctx, f.Fetcher, srcs, need, func(_ trees.Source, _ uint64, err error) {
		if errors.Is(err, trees.ErrNotOnChain) {
			fmt.Fprintf(s.info, "note: refused a tree: %v\n", err)
		} else {
			s.log.Debug("fetching a tree", "err", err)
		}
	})
	for i := range rows {
		r := &rows[i]
		k := claimer.Key{Epoch: r.Epoch, Reporter: r.Reporter}
		pub := found[k]
		if r.State != rowNoTree || pub == nil {
			continue
		}
		r.Source = pub.Source.String()
		cl, ok, err := claimer.LeafClaim(pub.Tree, account, k)
		if err != nil {
			return nil, err
		}
		if !ok {
			r.State = rowNoLeaf
			continue
		}
		r.State, r.Amount, r.Claim = rowClaimable, cl.Amount, &cl
	}
	return rows, nil
}

// claimWindow is the epochs whose rewards can still be claimed: the last ClaimEpochs ended
// epochs, up to the current one's predecessor.
func claimWindow(rw *rewards.Rewards, cur uint64) (from, to uint64, ok bool) {
	if cur == 0 {
		return 0, 0, false
	}
	if cur > rw.ClaimEpochs {
		from = cur - rw.ClaimEpochs
	}
	return from, cur - 1, true
}

// accountRewards is `rewards status`'s section about one account.
func (s *session) accountRewards(c *cli.Context, rw *rewards.Rewards, cur uint64, only *uint64) (map[string]any, []rewardRow, error) {
	account, err := s.resolveAccount(false)
	if err != nil {
		return nil, nil, err
	}
	from, to, ok := claimWindow(rw, cur)
	if only != nil {
		from, to, ok = *only, *only, *only < cur
	}
	var rows []rewardRow
	if ok {
		srcs, err := s.proberSources(c)
		if err != nil {
			return nil, nil, err
		}
		if rows, err = s.rewardRows(rw, account, from, to, srcs); err != nil {
			return nil, nil, err
		}
	}
	claimed, claimable := new(big.Int), new(big.Int)
	type rowOut struct {
		Epoch    uint64  `json:"epoch"`
		Reporter string  `json:"reporter"`
		Root     string  `json:"root"`
		State    string  `json:"state"`
		Amount   *amount `json:"amount,omitempty"`
		Tx       string  `json:"tx,omitempty"`
		Source   string  `json:"source,omitempty"`
	}
	outs := make([]rowOut, len(rows))
	for i, r := range rows {
		outs[i] = rowOut{Epoch: r.Epoch, Reporter: r.Reporter.Hex(), Root: r.Root.Hex(), State: r.State, Source: r.Source}
		if r.Amount != nil {
			a := s.amount(r.Amount)
			outs[i].Amount = &a
		}
		if r.Tx != nil {
			outs[i].Tx = r.Tx.Hex()
		}
		switch r.State {
		case rowClaimed:
			claimed.Add(claimed, r.Amount)
		case rowClaimable:
			claimable.Add(claimable, r.Amount)
		}
	}
	return map[string]any{"address": account.Hex(), "fromEpoch": from, "toEpoch": to, "claimed": s.amount(claimed),
		"claimable": s.amount(claimable), "roots": outs}, rows, nil
}

// printRows prints account rows as a table under kv lines.
func (s *session) printRows(w io.Writer, rows []rewardRow) {
	if len(rows) == 0 {
		kv(w, "Roots", "none posted for these epochs")
		return
	}
	for _, r := range rows {
		what := r.State
		if r.Amount != nil {
			what = fmt.Sprintf("%s %s", r.State, s.fmtAmount(r.Amount))
		}
		// Not a kv cell: the epoch's width would move the whole block's alignment.
		fmt.Fprintf(w, "  epoch %d: %s (reporter %s)\n", r.Epoch, what, r.Reporter.Hex())
	}
}

// claimFromProbers is `rewards claim` without --tree: the account's claimable leaves of the
// epochs given (default: every epoch still claimable), from the probers' trees.
func (s *session) claimFromProbers(c *cli.Context, rw *rewards.Rewards) ([]rewards.Claim, []rewards.Skipped, error) {
	cur, err := rw.CurrentEpoch(s.ctx)
	if err != nil {
		return nil, nil, err
	}
	srcs, err := s.proberSources(c)
	if err != nil {
		return nil, nil, err
	}
	if len(srcs) == 0 {
		return nil, nil, badInput("no prober to fetch trees from: pass --prober URL|MULTIADDR|REPORTER, or --tree FILE")
	}
	var epochs []uint64
	for _, text := range c.StringSlice("epoch") {
		for _, t := range strings.Split(text, ",") {
			e, err := parseEpoch(strings.TrimSpace(t), "--epoch")
			if err != nil {
				return nil, nil, err
			}
			if e >= cur {
				return nil, nil, badInput("--epoch %d has not ended (the current epoch is %d)", e, cur)
			}
			epochs = append(epochs, e)
		}
	}
	from, to, ok := claimWindow(rw, cur)
	if len(epochs) > 0 {
		sort.Slice(epochs, func(i, j int) bool { return epochs[i] < epochs[j] })
		from, to, ok = epochs[0], epochs[len(epochs)-1], true
	}
	if !ok {
		return nil, nil, nil
	}
	wanted := func(e uint64) bool {
		if len(epochs) == 0 {
			return true
		}
		for _, x := range epochs {
			if x == e {
				return true
			}
		}
		return false
	}
	rows, err := s.rewardRows(rw, s.account, from, to, srcs)
	if err != nil {
		return nil, nil, err
	}
	var claims []rewards.Claim
	var skipped []rewards.Skipped
	for _, r := range rows {
		if !wanted(r.Epoch) {
			continue
		}
		switch r.State {
		case rowClaimable:
			done, err := rw.IsClaimed(s.ctx, s.account, r.Reporter, r.Epoch)
			if err != nil {
				return nil, nil, err
			}
			if done {
				skipped = append(skipped, rewards.Skipped{Epoch: r.Epoch, Root: r.Root.Hex(), Reason: "already claimed"})
				continue
			}
			claims = append(claims, *r.Claim)
		case rowNoTree:
			skipped = append(skipped, rewards.Skipped{Epoch: r.Epoch, Root: r.Root.Hex(), Reason: fmt.Sprintf("no prober served reporter %s's tree", r.Reporter.Hex())})
		case rowClaimed:
			skipped = append(skipped, rewards.Skipped{Epoch: r.Epoch, Root: r.Root.Hex(), Reason: "already claimed"})
		}
	}
	return claims, skipped, nil
}

// readTrees reads --tree files.
func readTrees(files []string) ([]*merkle.Tree, error) {
	out := make([]*merkle.Tree, 0, len(files))
	for _, f := range files {
		t, err := readTree(f)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}
