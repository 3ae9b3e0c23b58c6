package contracts_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/internal/simchain"
)

// ---------------------------------------------------------------- fixture

// rwFix is a chain with reporters appointed and a funder holding tokens. It remembers every
// funded epoch so the rewards books can be checked after each step.
type rwFix struct {
	t         *testing.T
	c         *simchain.Chain
	funder    *simchain.Account
	reporters []*simchain.Account
	funded    []uint64
}

func rwNew(t *testing.T, nReporters int) *rwFix {
	t.Helper()
	c := simchain.New(t)
	f := &rwFix{t: t, c: c, funder: c.MustAccount(t, "funder", deploy.Token(1_000_000))}
	for i := 0; i < nReporters; i++ {
		r := c.MustAccount(t, fmt.Sprintf("reporter%d", i), nil)
		rwOK(t)(c.AddReporter(r.Addr))
		f.reporters = append(f.reporters, r)
	}
	return f
}

// rwTok is n whole tokens; rwMilli is n thousandths of a token.
func rwTok(n int64) *big.Int   { return deploy.Token(n) }
func rwMilli(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e15)) }

func rwSum(xs ...*big.Int) *big.Int {
	s := new(big.Int)
	for _, x := range xs {
		s.Add(s, x)
	}
	return s
}

func rwOK(t *testing.T) func(*types.Receipt, error) *types.Receipt {
	return func(r *types.Receipt, err error) *types.Receipt {
		t.Helper()
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return r
	}
}

// rwRevert asserts err is the named revert; want, when given, are its exact arguments.
func rwRevert(t *testing.T, err error, name string, want ...any) {
	t.Helper()
	var re *reverts.Error
	if !errors.As(err, &re) || re.Name != name {
		t.Fatalf("want revert %s, got %v", name, err)
	}
	if want == nil {
		return
	}
	if len(re.Args) != len(want) {
		t.Fatalf("%s: args %v, want %v", name, re.Args, want)
	}
	for i := range want {
		if fmt.Sprint(re.Args[i]) != fmt.Sprint(want[i]) {
			t.Fatalf("%s arg %d = %v, want %v", name, i, re.Args[i], want[i])
		}
	}
}

func rwEq(t *testing.T, what string, got, want *big.Int) {
	t.Helper()
	if got == nil || got.Cmp(want) != 0 {
		t.Fatalf("%s = %v, want %s", what, got, want)
	}
}

func (f *rwFix) tokens(a common.Address) *big.Int {
	f.t.Helper()
	b, err := f.c.TokenBalance(a)
	if err != nil {
		f.t.Fatal(err)
	}
	return b
}

func (f *rwFix) epochInfo(e uint64) bindings.EpochInfoOutput {
	f.t.Helper()
	info, err := f.c.EpochInfo(e)
	if err != nil {
		f.t.Fatal(err)
	}
	return info
}

func (f *rwFix) rootOf(e uint64, reporter common.Address) bindings.RootOfOutput {
	f.t.Helper()
	r, err := simchain.Call(f.c, f.c.Rewards, f.c.RewardsABI.PackRootOf(e, reporter), f.c.RewardsABI.UnpackRootOf)
	if err != nil {
		f.t.Fatal(err)
	}
	return r
}

func (f *rwFix) isClaimed(provider, reporter common.Address, e uint64) bool {
	f.t.Helper()
	ok, err := simchain.Call(f.c, f.c.Rewards, f.c.RewardsABI.PackIsClaimed(provider, reporter, e), f.c.RewardsABI.UnpackIsClaimed)
	if err != nil {
		f.t.Fatal(err)
	}
	return ok
}

// freshEpoch moves to the first seconds of the next epoch and returns it: the caller has about
// a minute of transactions before it ends. Reporters appointed so far may post for it.
func (f *rwFix) freshEpoch() uint64 {
	f.t.Helper()
	cur, err := f.c.CurrentEpoch()
	if err != nil {
		f.t.Fatal(err)
	}
	f.c.AdvancePastEpoch(cur)
	e, err := f.c.CurrentEpoch()
	if err != nil {
		f.t.Fatal(err)
	}
	if e != cur+1 || f.c.Now()+50 > f.c.EpochEnd(e) {
		f.t.Fatalf("freshEpoch: at %d, epoch %d ends at %d", f.c.Now(), e, f.c.EpochEnd(e))
	}
	return e
}

// fund funds count epochs from e with amount each, as the fixture's funder.
func (f *rwFix) fund(e, count uint64, amount *big.Int) {
	f.t.Helper()
	f.fundAs(f.funder, e, count, amount)
}

func (f *rwFix) fundAs(funder *simchain.Account, e, count uint64, amount *big.Int) *types.Receipt {
	f.t.Helper()
	r := rwOK(f.t)(f.c.FundRewards(funder, e, count, amount))
	for i := uint64(0); i < count; i++ {
		f.funded = append(f.funded, e+i)
	}
	return r
}

func (f *rwFix) books() {
	f.t.Helper()
	if err := f.c.RewardsBooks(f.funded); err != nil {
		f.t.Fatal(err)
	}
}

// tree builds the Merkle tree of epoch e paying each account its amount.
func rwTree(t *testing.T, e uint64, pay map[*simchain.Account]*big.Int) *merkle.Tree {
	t.Helper()
	var leaves []merkle.Leaf
	for a, amt := range pay {
		leaves = append(leaves, merkle.Leaf{Epoch: e, Provider: a.Addr, Amount: amt})
	}
	tree, err := merkle.Build(leaves)
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func (f *rwFix) post(reporter *simchain.Account, tree *merkle.Tree) *bindings.UptimeRewardsRootPosted {
	f.t.Helper()
	r := rwOK(f.t)(f.c.PostRoot(reporter, tree.Epoch(), tree.Root()))
	for _, l := range r.Logs {
		if ev, err := f.c.RewardsABI.UnpackRootPostedEvent(l); err == nil {
			if ev.Epoch != tree.Epoch() || ev.Reporter != reporter.Addr || ev.Root != tree.Root() {
				f.t.Fatalf("RootPosted %+v", ev)
			}
			return ev
		}
	}
	f.t.Fatal("no RootPosted event")
	return nil
}

func (f *rwFix) claimOf(tree *merkle.Tree, reporter, provider *simchain.Account) bindings.UptimeRewardsClaim {
	f.t.Helper()
	cl, err := simchain.RewardClaim(tree, reporter.Addr, provider.Addr)
	if err != nil {
		f.t.Fatal(err)
	}
	return cl
}

// claim sends claims as p and checks the transfer is exactly their sum, one RewardClaimed
// event per claim, the claimed bits, and the books.
func (f *rwFix) claim(p *simchain.Account, claims ...bindings.UptimeRewardsClaim) {
	f.t.Helper()
	before := f.tokens(p.Addr)
	r := rwOK(f.t)(f.c.ClaimRewards(p, claims))
	want := new(big.Int)
	for _, cl := range claims {
		want.Add(want, cl.Amount)
	}
	rwEq(f.t, p.Name+" claimed", new(big.Int).Sub(f.tokens(p.Addr), before), want)
	var events []*bindings.UptimeRewardsRewardClaimed
	for _, l := range r.Logs {
		if ev, err := f.c.RewardsABI.UnpackRewardClaimedEvent(l); err == nil {
			events = append(events, ev)
		}
	}
	if len(events) != len(claims) {
		f.t.Fatalf("%d RewardClaimed events for %d claims", len(events), len(claims))
	}
	for i, cl := range claims {
		ev := events[i]
		if ev.Epoch != cl.Epoch || ev.Provider != p.Addr || ev.Reporter != cl.Reporter || ev.Amount.Cmp(cl.Amount) != 0 {
			f.t.Fatalf("RewardClaimed %d = %+v, want claim %+v", i, ev, cl)
		}
		if !f.isClaimed(p.Addr, cl.Reporter, cl.Epoch) {
			f.t.Fatalf("claim %d not marked claimed", i)
		}
	}
	f.books()
}

// claimFails sends claims as p, expects the named revert, and checks nothing moved.
func (f *rwFix) claimFails(p *simchain.Account, name string, args []any, claims ...bindings.UptimeRewardsClaim) {
	f.t.Helper()
	before := f.tokens(p.Addr)
	_, err := f.c.ClaimRewards(p, claims)
	rwRevert(f.t, err, name, args...)
	rwEq(f.t, p.Name+" balance after a failed claim", f.tokens(p.Addr), before)
	f.books()
}

// ---------------------------------------------------------------- funding and governance

func TestRewardsFund(t *testing.T) {
	t.Parallel()
	f := rwNew(t, 0)
	c := f.c
	e, err := c.CurrentEpoch()
	if err != nil {
		t.Fatal(err)
	}
	rejects := []struct {
		name   string
		from   uint64
		count  uint64
		amount *big.Int
		want   string
	}{
		{"zero amount", e, 1, big.NewInt(0), "ZeroAmount"},
		{"zero count", e, 0, rwTok(1), "ZeroAmount"},
		{"65 epochs", e, 65, rwTok(1), "TooMany"},
		{"budget over uint128", e, 1, new(big.Int).Lsh(big.NewInt(1), 128), "TooMany"},
	}
	for _, tc := range rejects {
		t.Run(tc.name, func(t *testing.T) {
			before := f.tokens(f.funder.Addr)
			_, err := c.FundRewards(f.funder, tc.from, tc.count, tc.amount)
			rwRevert(t, err, tc.want)
			rwEq(t, "funder balance", f.tokens(f.funder.Addr), before)
		})
	}
	// Without an allowance the token refuses.
	if _, err := c.Approve(f.funder, c.Addr.Rewards, big.NewInt(0)); err != nil {
		t.Fatal(err)
	}
	_, err = c.Send(f.funder, c.Rewards, c.RewardsABI.PackFund(e, 1, rwTok(1)))
	rwRevert(t, err, "ERC20InsufficientAllowance")

	// 64 epochs in one call: the funder pays exactly 64 × amount; one Funded event per epoch.
	before := f.tokens(f.funder.Addr)
	r := f.fundAs(f.funder, e+1, 64, rwTok(1))
	rwEq(t, "funder paid", new(big.Int).Sub(before, f.tokens(f.funder.Addr)), rwTok(64))
	n := 0
	for _, l := range r.Logs {
		if ev, err := c.RewardsABI.UnpackFundedEvent(l); err == nil {
			if ev.Epoch != e+1+uint64(n) || ev.Funder != f.funder.Addr || ev.Amount.Cmp(rwTok(1)) != 0 || ev.Budget.Cmp(rwTok(1)) != 0 {
				t.Fatalf("Funded event %d: %+v", n, ev)
			}
			n++
		}
	}
	if n != 64 {
		t.Fatalf("%d Funded events, want 64", n)
	}
	f.books()

	// Anyone may fund; budgets add up; the event carries the new total.
	other := c.MustAccount(t, "other", rwTok(100))
	r = f.fundAs(other, e+2, 3, rwMilli(2500))
	rwEq(t, "other paid", f.tokens(other.Addr), new(big.Int).Sub(rwTok(100), rwMilli(7500)))
	for _, l := range r.Logs {
		if ev, err := c.RewardsABI.UnpackFundedEvent(l); err == nil {
			rwEq(t, "Funded.budget", ev.Budget, rwMilli(3500))
		}
	}
	for ep, want := range map[uint64]*big.Int{
		e: big.NewInt(0), e + 1: rwTok(1), e + 2: rwMilli(3500), e + 3: rwMilli(3500), e + 4: rwMilli(3500), e + 5: rwTok(1), e + 64: rwTok(1), e + 65: big.NewInt(0),
	} {
		rwEq(t, fmt.Sprintf("budget of epoch %d", ep), f.epochInfo(ep).Budget, want)
	}
	// An ended epoch may be funded too while its claim window is open (closed ones: see
	// TestRewardsRollOverAfterTheClaimWindow).
	cur, cerr := c.CurrentEpoch()
	if cerr != nil || cur == 0 {
		t.Fatalf("current epoch %d, %v: want an ended epoch to fund", cur, cerr)
	}
	prior := f.epochInfo(cur - 1).Budget
	f.fundAs(other, cur-1, 1, rwTok(3))
	rwEq(t, fmt.Sprintf("budget of ended epoch %d", cur-1), f.epochInfo(cur-1).Budget, new(big.Int).Add(prior, rwTok(3)))
	f.funded = append(f.funded, cur-1)
	f.books()
}

func TestRewardsReporters(t *testing.T) {
	t.Parallel()
	f := rwNew(t, 0)
	c := f.c
	stranger := c.MustAccount(t, "stranger", nil)
	rep := c.MustAccount(t, "rep", nil)
	count := func() uint8 {
		t.Helper()
		n, err := simchain.Call(c, c.Rewards, c.RewardsABI.PackReporterCount(), c.RewardsABI.UnpackReporterCount)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	since := func(a common.Address) uint64 {
		t.Helper()
		s, err := simchain.Call(c, c.Rewards, c.RewardsABI.PackReporterSince(a), c.RewardsABI.UnpackReporterSince)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}

	steps := []struct {
		name string
		from *simchain.Account
		data []byte
		want string // revert name, "" for success
	}{
		{"stranger adds", stranger, c.RewardsABI.PackAddReporter(rep.Addr), "OwnableUnauthorizedAccount"},
		{"zero address", c.Owner, c.RewardsABI.PackAddReporter(common.Address{}), "ZeroAddress"},
		{"remove a non-reporter", c.Owner, c.RewardsABI.PackRemoveReporter(rep.Addr), "NotReporter"},
		{"add", c.Owner, c.RewardsABI.PackAddReporter(rep.Addr), ""},
		{"add twice", c.Owner, c.RewardsABI.PackAddReporter(rep.Addr), "AlreadyReporter"},
		{"stranger removes", stranger, c.RewardsABI.PackRemoveReporter(rep.Addr), "OwnableUnauthorizedAccount"},
		{"remove", c.Owner, c.RewardsABI.PackRemoveReporter(rep.Addr), ""},
		{"remove twice", c.Owner, c.RewardsABI.PackRemoveReporter(rep.Addr), "NotReporter"},
		{"re-add", c.Owner, c.RewardsABI.PackAddReporter(rep.Addr), ""},
		{"stranger sets reward", stranger, c.RewardsABI.PackSetRewardPerProvider(rwTok(1)), "OwnableUnauthorizedAccount"},
		{"zero reward", c.Owner, c.RewardsABI.PackSetRewardPerProvider(big.NewInt(0)), "BadReward"},
	}
	for _, s := range steps {
		_, err := c.Send(s.from, c.Rewards, s.data)
		if s.want == "" {
			if err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			continue
		}
		if !reverts.Is(err, s.want) {
			t.Fatalf("%s: want %s, got %v", s.name, s.want, err)
		}
	}
	if count() != 1 || since(rep.Addr) == 0 || since(stranger.Addr) != 0 {
		t.Fatalf("count %d, since(rep) %d, since(stranger) %d", count(), since(rep.Addr), since(stranger.Addr))
	}

	// MAX_REPORTERS: 64 in all, the 65th is refused until one leaves.
	max, err := simchain.Call(c, c.Rewards, c.RewardsABI.PackMAXREPORTERS(), c.RewardsABI.UnpackMAXREPORTERS)
	if err != nil || max.Int64() != 64 {
		t.Fatalf("MAX_REPORTERS = %v (%v)", max, err)
	}
	var last common.Address
	for i := 1; i < 64; i++ {
		last = common.BigToAddress(big.NewInt(int64(0x1000 + i)))
		rwOK(t)(c.AddReporter(last))
	}
	if count() != 64 {
		t.Fatalf("count %d, want 64", count())
	}
	extra := common.BigToAddress(big.NewInt(0x9999))
	_, err = c.AddReporter(extra)
	rwRevert(t, err, "TooMany")
	rwOK(t)(c.Send(c.Owner, c.Rewards, c.RewardsABI.PackRemoveReporter(last)))
	rwOK(t)(c.AddReporter(extra))
	if count() != 64 || since(last) != 0 || since(extra) == 0 {
		t.Fatalf("after swap: count %d since(last) %d since(extra) %d", count(), since(last), since(extra))
	}
}

func TestRewardsPostRoot(t *testing.T) {
	t.Parallel()
	f := rwNew(t, 2)
	c := f.c
	a, b := f.reporters[0], f.reporters[1]
	late := c.MustAccount(t, "late", nil)
	stranger := c.MustAccount(t, "stranger", nil)
	p := c.MustAccount(t, "p", nil)
	e := f.freshEpoch()
	tree := rwTree(t, e, map[*simchain.Account]*big.Int{p: rwTok(1)})
	root := tree.Root()

	// Before the epoch ends.
	_, err := c.PostRoot(a, e, root)
	rwRevert(t, err, "EpochNotEnded", e, c.EpochEnd(e))
	// Not a reporter.
	_, err = c.PostRoot(stranger, e, root)
	rwRevert(t, err, "NotReporter", stranger.Addr)

	c.AdvancePastEpoch(e)
	// Appointed after the epoch ended: cannot post for it (but may for the next one).
	rwOK(t)(c.AddReporter(late.Addr))
	_, err = c.PostRoot(late, e, root)
	rwRevert(t, err, "NotReporter", late.Addr)
	// Zero root.
	_, err = c.PostRoot(a, e, common.Hash{})
	rwRevert(t, err, "InvalidProof", e, a.Addr)
	if info := f.epochInfo(e); info.Reporters != 0 {
		t.Fatalf("snapshot taken by a refused root: %+v", info)
	}

	// The first root snapshots the reporter count (a, b and late: 3) and the reward.
	ev := f.post(a, tree)
	if ev.Reporters != 3 || ev.PerProviderCap.Cmp(rwTok(10)) != 0 {
		t.Fatalf("first root snapshot: reporters %d cap %s", ev.Reporters, ev.PerProviderCap)
	}
	_, err = c.PostRoot(a, e, root)
	rwRevert(t, err, "RootAlreadyPosted", e, a.Addr)

	// Governance changes after the first root do not move the snapshot.
	rwOK(t)(c.Send(c.Owner, c.Rewards, c.RewardsABI.PackSetRewardPerProvider(rwTok(40))))
	rwOK(t)(c.Send(c.Owner, c.Rewards, c.RewardsABI.PackRemoveReporter(late.Addr)))
	other := rwTree(t, e, map[*simchain.Account]*big.Int{p: rwTok(2)})
	ev = f.post(b, other)
	if ev.Reporters != 3 || ev.PerProviderCap.Cmp(rwTok(10)) != 0 {
		t.Fatalf("second root snapshot: reporters %d cap %s", ev.Reporters, ev.PerProviderCap)
	}
	if info := f.epochInfo(e); info.Reporters != 3 || info.PerProviderCap.Cmp(rwTok(10)) != 0 {
		t.Fatalf("epochInfo after changes: %+v", info)
	}
	if r := f.rootOf(e, a.Addr); r.Root != root || r.Paid.Sign() != 0 {
		t.Fatalf("rootOf(a) = %+v", r)
	}
	if r := f.rootOf(e, b.Addr); r.Root != other.Root() {
		t.Fatalf("rootOf(b) = %+v", r)
	}
	if r := f.rootOf(e, late.Addr); r.Root != (common.Hash{}) {
		t.Fatalf("rootOf(late) = %+v", r)
	}

	// The next epoch's first root takes the new values (a, b: 2 reporters; 40 tokens).
	e2 := e + 1
	c.AdvancePastEpoch(e2)
	ev = f.post(b, rwTree(t, e2, map[*simchain.Account]*big.Int{p: rwTok(1)}))
	if ev.Reporters != 2 || ev.PerProviderCap.Cmp(rwTok(40)) != 0 {
		t.Fatalf("next epoch snapshot: reporters %d cap %s", ev.Reporters, ev.PerProviderCap)
	}
	// A removed reporter cannot post.
	rwOK(t)(c.Send(c.Owner, c.Rewards, c.RewardsABI.PackRemoveReporter(a.Addr)))
	_, err = c.PostRoot(a, e2, root)
	rwRevert(t, err, "NotReporter", a.Addr)
}

// ---------------------------------------------------------------- claims

func TestRewardsClaimSingle(t *testing.T) {
	t.Parallel()
	f := rwNew(t, 1)
	c := f.c
	rep := f.reporters[0]
	p1, p2, p3 := c.MustAccount(t, "p1", nil), c.MustAccount(t, "p2", nil), c.MustAccount(t, "p3", nil)
	e := f.freshEpoch()
	f.fund(e, 1, rwTok(100))
	tree := rwTree(t, e, map[*simchain.Account]*big.Int{p1: rwMilli(4321), p2: rwTok(6), p3: rwTok(10)})
	// No root yet.
	f.claimFails(p1, "NoRoot", []any{e, rep.Addr}, f.claimOf(tree, rep, p1))
	c.AdvancePastEpoch(e)
	f.post(rep, tree)

	f.claim(p1, f.claimOf(tree, rep, p1))
	if r := f.rootOf(e, rep.Addr); r.Paid.Cmp(rwMilli(4321)) != 0 {
		t.Fatalf("root paid %s", r.Paid)
	}
	if f.isClaimed(p2.Addr, rep.Addr, e) || f.isClaimed(p1.Addr, rep.Addr, e+1) {
		t.Fatal("unclaimed leaves marked claimed")
	}
	// A leaf at exactly the cap (rewardPerProvider / 1 reporter) pays.
	f.claim(p3, f.claimOf(tree, rep, p3))
	f.claim(p2, f.claimOf(tree, rep, p2))
	info := f.epochInfo(e)
	rwEq(t, "epoch paid", info.Paid, rwSum(rwMilli(4321), rwTok(6), rwTok(10)))
	rwEq(t, "rewards balance", f.tokens(c.Addr.Rewards), new(big.Int).Sub(rwTok(100), info.Paid))
}

func TestRewardsClaimManyEpochsTwoReporters(t *testing.T) {
	t.Parallel()
	f := rwNew(t, 2)
	c := f.c
	a, b := f.reporters[0], f.reporters[1]
	p := c.MustAccount(t, "p", nil)
	q := c.MustAccount(t, "q", nil)
	e := f.freshEpoch()
	f.fund(e, 3, rwTok(50))
	c.AdvancePastEpoch(e + 2)

	var claims []bindings.UptimeRewardsClaim
	want := new(big.Int)
	for i := uint64(0); i < 3; i++ {
		for j, rep := range []*simchain.Account{a, b} {
			amt := rwMilli(int64(1000*(i+1) + 100*uint64(j) + 7)) // ≤ 5 tokens: cap 10 / 2 reporters
			tree := rwTree(t, e+i, map[*simchain.Account]*big.Int{p: amt, q: rwTok(1)})
			f.post(rep, tree)
			claims = append(claims, f.claimOf(tree, rep, p))
			want.Add(want, amt)
		}
	}
	before := f.tokens(p.Addr)
	f.claim(p, claims...)
	rwEq(t, "total", new(big.Int).Sub(f.tokens(p.Addr), before), want)
	for i := uint64(0); i < 3; i++ {
		info := f.epochInfo(e + i)
		rwEq(t, fmt.Sprintf("epoch %d paid", e+i), info.Paid, rwSum(claims[2*i].Amount, claims[2*i+1].Amount))
		rwEq(t, "root a paid", f.rootOf(e+i, a.Addr).Paid, claims[2*i].Amount)
		rwEq(t, "root b paid", f.rootOf(e+i, b.Addr).Paid, claims[2*i+1].Amount)
	}
	// Every one of them is now refused, alone or mixed with others.
	for _, cl := range claims {
		f.claimFails(p, "AlreadyClaimed", []any{cl.Epoch, cl.Reporter}, cl)
	}
}

func TestRewardsClaimRejects(t *testing.T) {
	t.Parallel()
	f := rwNew(t, 3)
	c := f.c
	a, b, silent := f.reporters[0], f.reporters[1], f.reporters[2]
	p1, p2, p3, p4 := c.MustAccount(t, "p1", nil), c.MustAccount(t, "p2", nil), c.MustAccount(t, "p3", nil), c.MustAccount(t, "p4", nil)
	e := f.freshEpoch()
	f.fund(e, 1, rwTok(90))
	c.AdvancePastEpoch(e)

	// Three reporters: a leaf pays at most 10/3 tokens, rounded down.
	leafCap := new(big.Int).Quo(rwTok(10), big.NewInt(3))
	over := new(big.Int).Add(leafCap, big.NewInt(1))
	treeA := rwTree(t, e, map[*simchain.Account]*big.Int{p1: rwTok(3), p2: rwTok(2), p3: leafCap, p4: over})
	treeB := rwTree(t, e, map[*simchain.Account]*big.Int{p1: rwTok(1)})
	f.post(a, treeA)
	f.post(b, treeB)

	good1 := f.claimOf(treeA, a, p1)
	good2 := f.claimOf(treeA, a, p2)
	forged := good1
	forged.Proof = append([][32]byte(nil), good1.Proof...)
	forged.Proof[0][31] ^= 1
	moreAmount := good1
	moreAmount.Amount = rwTok(4)
	otherEpoch := good1
	otherEpoch.Epoch = e + 1
	wrongReporter := good1
	wrongReporter.Reporter = b.Addr
	noRoot := good1
	noRoot.Reporter = silent.Addr
	zero := good1
	zero.Amount = big.NewInt(0)
	tooMany := make([]bindings.UptimeRewardsClaim, 65)
	for i := range tooMany {
		tooMany[i] = good1
	}

	steps := []struct {
		name   string
		who    *simchain.Account
		claims []bindings.UptimeRewardsClaim
		revert string // "" for success
		args   []any
	}{
		{"no claims", p1, nil, "ZeroAmount", nil},
		{"65 claims", p1, tooMany, "TooMany", nil},
		{"forged proof", p1, []bindings.UptimeRewardsClaim{forged}, "InvalidProof", []any{e, a.Addr}},
		{"amount raised", p1, []bindings.UptimeRewardsClaim{moreAmount}, "InvalidProof", []any{e, a.Addr}},
		{"proof under another reporter's root", p1, []bindings.UptimeRewardsClaim{wrongReporter}, "InvalidProof", []any{e, b.Addr}},
		{"epoch without a root", p1, []bindings.UptimeRewardsClaim{otherEpoch}, "NoRoot", []any{e + 1, a.Addr}},
		{"reporter without a root", p1, []bindings.UptimeRewardsClaim{noRoot}, "NoRoot", []any{e, silent.Addr}},
		{"zero amount", p1, []bindings.UptimeRewardsClaim{zero}, "ZeroAmount", nil},
		// The leaf hashes msg.sender: p2 cannot use p1's leaf and proof, nor p1 p2's.
		{"p1's leaf sent by p2", p2, []bindings.UptimeRewardsClaim{good1}, "InvalidProof", []any{e, a.Addr}},
		{"p2's leaf sent by p1", p1, []bindings.UptimeRewardsClaim{good2}, "InvalidProof", []any{e, a.Addr}},
		{"leaf over the cap", p4, []bindings.UptimeRewardsClaim{f.claimOf(treeA, a, p4)}, "LeafOverCap", []any{over, leafCap}},
		{"leaf at the cap", p3, []bindings.UptimeRewardsClaim{f.claimOf(treeA, a, p3)}, "", nil},
		{"same claim twice in one transaction", p1, []bindings.UptimeRewardsClaim{good1, good1}, "AlreadyClaimed", []any{e, a.Addr}},
		{"a good claim with a bad one: all or nothing", p1, []bindings.UptimeRewardsClaim{good1, forged}, "InvalidProof", []any{e, a.Addr}},
		{"p1 from both reporters", p1, []bindings.UptimeRewardsClaim{good1, f.claimOf(treeB, b, p1)}, "", nil},
		{"p1 again", p1, []bindings.UptimeRewardsClaim{good1}, "AlreadyClaimed", []any{e, a.Addr}},
		{"p2's own claim", p2, []bindings.UptimeRewardsClaim{good2}, "", nil},
		{"p2 again", p2, []bindings.UptimeRewardsClaim{good2}, "AlreadyClaimed", []any{e, a.Addr}},
	}
	for _, s := range steps {
		t.Run(s.name, func(sub *testing.T) {
			parent := f.t
			f.t = sub
			defer func() { f.t = parent }()
			if s.revert == "" {
				f.claim(s.who, s.claims...)
				return
			}
			f.claimFails(s.who, s.revert, s.args, s.claims...)
		})
	}
	if f.isClaimed(p4.Addr, a.Addr, e) {
		t.Fatal("refused leaf marked claimed")
	}
	rwEq(t, "epoch paid", f.epochInfo(e).Paid, rwSum(rwTok(3), rwTok(1), rwTok(2), leafCap))
}

// A reporter whose tree promises more than its share (budget / reporters) cannot make the
// contract pay more: the claim that would cross the share fails, earlier ones stand, and late
// funding raises the share.
func TestRewardsShareExceeded(t *testing.T) {
	t.Parallel()
	f := rwNew(t, 2)
	c := f.c
	a := f.reporters[0]
	p1, p2, p3 := c.MustAccount(t, "p1", nil), c.MustAccount(t, "p2", nil), c.MustAccount(t, "p3", nil)
	e := f.freshEpoch()
	f.fund(e, 1, rwTok(8)) // share 4 per reporter; leaf cap 5
	c.AdvancePastEpoch(e)
	tree := rwTree(t, e, map[*simchain.Account]*big.Int{p1: rwTok(3), p2: rwTok(3), p3: rwTok(1)}) // 7 > 4
	f.post(a, tree)

	f.claim(p1, f.claimOf(tree, a, p1))
	f.claimFails(p2, "ShareExceeded", []any{rwTok(6), rwTok(4)}, f.claimOf(tree, a, p2))
	f.claim(p3, f.claimOf(tree, a, p3)) // exactly the share
	rwEq(t, "root paid", f.rootOf(e, a.Addr).Paid, rwTok(4))
	f.claimFails(p2, "ShareExceeded", []any{rwTok(7), rwTok(4)}, f.claimOf(tree, a, p2))

	// Late funding: 10 tokens → share 5, still short; 14 → share 7, enough.
	f.fund(e, 1, rwTok(2))
	f.claimFails(p2, "ShareExceeded", []any{rwTok(7), rwTok(5)}, f.claimOf(tree, a, p2))
	f.fund(e, 1, rwTok(4))
	f.claim(p2, f.claimOf(tree, a, p2))
	info := f.epochInfo(e)
	rwEq(t, "budget", info.Budget, rwTok(14))
	rwEq(t, "paid", info.Paid, rwTok(7))
	rwEq(t, "rewards balance", f.tokens(c.Addr.Rewards), rwTok(7))
}

// Two reporters with different views of one epoch each pay within their share, and together
// exactly what was paid leaves the contract.
func TestRewardsTwoReporterViews(t *testing.T) {
	t.Parallel()
	f := rwNew(t, 2)
	c := f.c
	a, b := f.reporters[0], f.reporters[1]
	p1, p2, p3, p4 := c.MustAccount(t, "p1", nil), c.MustAccount(t, "p2", nil), c.MustAccount(t, "p3", nil), c.MustAccount(t, "p4", nil)
	e := f.freshEpoch()
	f.fund(e, 1, rwTok(20)) // share 10 each, leaf cap 5
	c.AdvancePastEpoch(e)
	treeA := rwTree(t, e, map[*simchain.Account]*big.Int{p1: rwTok(5), p2: rwTok(5), p3: rwTok(4)}) // 14 > 10
	treeB := rwTree(t, e, map[*simchain.Account]*big.Int{p1: rwTok(3), p3: rwTok(5), p4: rwTok(2)}) // 10
	f.post(a, treeA)
	f.post(b, treeB)

	f.claim(p1, f.claimOf(treeA, a, p1), f.claimOf(treeB, b, p1))
	f.claim(p2, f.claimOf(treeA, a, p2))
	f.claimFails(p3, "ShareExceeded", []any{rwTok(14), rwTok(10)}, f.claimOf(treeA, a, p3), f.claimOf(treeB, b, p3))
	f.claim(p3, f.claimOf(treeB, b, p3))
	f.claim(p4, f.claimOf(treeB, b, p4))
	f.claimFails(p3, "ShareExceeded", []any{rwTok(14), rwTok(10)}, f.claimOf(treeA, a, p3))

	for acct, want := range map[*simchain.Account]*big.Int{p1: rwTok(8), p2: rwTok(5), p3: rwTok(5), p4: rwTok(2)} {
		rwEq(t, acct.Name+" tokens", f.tokens(acct.Addr), want)
	}
	rwEq(t, "root a paid", f.rootOf(e, a.Addr).Paid, rwTok(10))
	rwEq(t, "root b paid", f.rootOf(e, b.Addr).Paid, rwTok(10))
	info := f.epochInfo(e)
	rwEq(t, "epoch paid", info.Paid, rwTok(20))
	rwEq(t, "rewards balance", f.tokens(c.Addr.Rewards), big.NewInt(0))
	f.books()
}

// A removed reporter's roots stay claimable.
func TestRewardsRemovedReporterRootStaysClaimable(t *testing.T) {
	t.Parallel()
	f := rwNew(t, 1)
	c := f.c
	a := f.reporters[0]
	p := c.MustAccount(t, "p", nil)
	e := f.freshEpoch()
	f.fund(e, 1, rwTok(10))
	c.AdvancePastEpoch(e)
	tree := rwTree(t, e, map[*simchain.Account]*big.Int{p: rwTok(7)})
	f.post(a, tree)
	rwOK(t)(c.Send(c.Owner, c.Rewards, c.RewardsABI.PackRemoveReporter(a.Addr)))
	f.claim(p, f.claimOf(tree, a, p))
}

// ---------------------------------------------------------------- the merkle package against the contract

func TestMerkleLeafHashMatchesContract(t *testing.T) {
	t.Parallel()
	c := simchain.New(t)
	maxU256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	cases := []merkle.Leaf{
		{Epoch: 0, Provider: common.HexToAddress("0x0000000000000000000000000000000000000001"), Amount: big.NewInt(1)},
		{Epoch: 7, Provider: c.Owner.Addr, Amount: rwTok(10)},
		{Epoch: ^uint64(0), Provider: common.HexToAddress("0xffffffffffffffffffffffffffffffffffffffff"), Amount: maxU256},
		{Epoch: 1 << 40, Provider: c.Addr.Market, Amount: new(big.Int).Lsh(big.NewInt(3), 130)},
	}
	for i, l := range cases {
		got, err := simchain.Call(c, c.Rewards, c.RewardsABI.PackLeafHash(l.Epoch, l.Provider, l.Amount), c.RewardsABI.UnpackLeafHash)
		if err != nil {
			t.Fatal(err)
		}
		if common.Hash(got) != merkle.LeafHash(l) {
			t.Fatalf("case %d: contract leafHash %x, merkle.LeafHash %s", i, got, merkle.LeafHash(l).Hex())
		}
	}
}

// Trees of every shape from 1 to 9 leaves, published as JSON and parsed back: every provider's
// proof verifies on chain and pays exactly its leaf.
func TestMerkleProofsVerifyOnChain(t *testing.T) {
	t.Parallel()
	f := rwNew(t, 1)
	c := f.c
	rep := f.reporters[0]
	providers := make([]*simchain.Account, 9)
	for i := range providers {
		providers[i] = c.MustAccount(t, fmt.Sprintf("p%d", i), nil)
	}
	e := f.freshEpoch()
	f.fund(e, 9, rwTok(100))
	c.AdvancePastEpoch(e + 8)
	var trees []*merkle.Tree
	for n := 1; n <= 9; n++ {
		pay := make(map[*simchain.Account]*big.Int)
		for i := 0; i < n; i++ {
			pay[providers[i]] = new(big.Int).Add(rwMilli(int64(100*n+i)), big.NewInt(int64(i))) // odd amounts
		}
		built := rwTree(t, e+uint64(n-1), pay)
		published, err := json.Marshal(built)
		if err != nil {
			t.Fatal(err)
		}
		tree, err := merkle.ParseTree(published)
		if err != nil {
			t.Fatal(err)
		}
		f.post(rep, tree)
		trees = append(trees, tree)
	}
	// Provider i claims its leaves of all trees that have one, in one transaction.
	for i, p := range providers {
		var claims []bindings.UptimeRewardsClaim
		for _, tree := range trees {
			if _, ok := tree.Leaf(p.Addr); ok {
				claims = append(claims, f.claimOf(tree, rep, p))
			}
		}
		if len(claims) != 9-i {
			t.Fatalf("p%d has %d leaves", i, len(claims))
		}
		f.claim(p, claims...)
	}
	for n, tree := range trees {
		rwEq(t, fmt.Sprintf("tree %d paid", n+1), f.rootOf(tree.Epoch(), rep.Addr).Paid, tree.Total())
	}
}

// TestRewardsRollOverAfterTheClaimWindow: an epoch's claims close claimEpochs epochs after it
// ends; then anyone may move its unclaimed budget to the epoch after the current one, where it
// can be earned again. No token is stranded or created.
func TestRewardsRollOverAfterTheClaimWindow(t *testing.T) {
	t.Parallel()
	f := rwNew(t, 2)
	c := f.c
	rw := c.RewardsABI
	p1, p2 := c.MustAccount(t, "p1", nil), c.MustAccount(t, "p2", nil)
	e := f.freshEpoch()
	f.fund(e, 1, rwTok(100))
	tree := rwTree(t, e, map[*simchain.Account]*big.Int{p1: rwTok(5), p2: rwTok(3)})
	c.AdvancePastEpoch(e)
	f.post(f.reporters[0], tree) // the second reporter never posts: half the budget is unclaimable
	f.claim(p1, f.claimOf(tree, f.reporters[0], p1))

	claimEpochs := c.Config.ClaimEpochs
	_, err := c.Send(p1, c.Rewards, rw.PackRollOver(e))
	rwRevert(t, err, "ClaimWindowOpen", e, new(big.Int).SetUint64(e+claimEpochs))

	c.AdvancePastEpoch(e + claimEpochs) // the last claimable epoch ends
	_, err = c.Send(p2, c.Rewards, rw.PackClaim([]bindings.UptimeRewardsClaim{f.claimOf(tree, f.reporters[0], p2)}))
	rwRevert(t, err, "ClaimWindowClosed", e)
	_, err = c.Send(f.funder, c.Rewards, rw.PackFund(e, 1, rwTok(1)))
	rwRevert(t, err, "ClaimWindowClosed", e)

	now, err := c.CurrentEpoch()
	if err != nil {
		t.Fatal(err)
	}
	r := rwOK(t)(c.Send(p2, c.Rewards, rw.PackRollOver(e)))
	var rolled *bindings.UptimeRewardsRolledOver
	for _, l := range r.Logs {
		if ev, err := rw.UnpackRolledOverEvent(l); err == nil {
			rolled = ev
		}
	}
	if rolled == nil || rolled.Epoch != e || rolled.ToEpoch != now+1 {
		t.Fatalf("RolledOver event %+v, want epoch %d to %d", rolled, e, now+1)
	}
	rwEq(t, "rolled amount", rolled.Amount, rwTok(95))
	info := f.epochInfo(e)
	rwEq(t, "closed epoch budget", info.Budget, rwTok(5))
	rwEq(t, "closed epoch paid", info.Paid, rwTok(5))
	rwEq(t, "receiving epoch budget", f.epochInfo(now+1).Budget, rwTok(95))
	rwEq(t, "rewards balance", f.tokens(c.Addr.Rewards), rwTok(95))
	_, err = c.Send(p2, c.Rewards, rw.PackRollOver(e))
	rwRevert(t, err, "ZeroAmount")
	f.funded = append(f.funded, now+1)
	f.books()
}
