package contracts_test

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
)

// Challenges of single-replica jobs: opening, the verifier draw, commit-reveal votes and the
// three outcomes, with exact amounts and the market's books after each scenario. Helpers are
// in market_test.go (mktEnv).

var (
	mktGoodCID = []byte("\x01\x55\x12\x20the-committed-result")
	mktBadCID  = []byte("\x01\x55\x12\x20a-different-result")
)

// mktArena is a chain with a client, a provider, a challenger and a pool of staked providers
// that can be drawn as verifiers.
type mktArena struct {
	*mktEnv
	client, prov, challenger *simchain.Account
	pool                     []*simchain.Account
	byAddr                   map[common.Address]*simchain.Account
	bond, vcol               *big.Int
	k                        int
}

// mktNewArena stakes `pool` verifiers of 200 tokens. With partiesStaked, the client and the
// challenger are registered, staked providers too (so the draw must skip them).
func mktNewArena(t *testing.T, pool int, partiesStaked bool, opts ...simchain.Option) *mktArena {
	t.Helper()
	e := mktNew(t, opts...)
	a := &mktArena{mktEnv: e, byAddr: map[common.Address]*simchain.Account{}}
	if partiesStaked {
		a.client = e.provider("client", mktTok(200))
		a.challenger = e.provider("challenger", mktTok(200))
	} else {
		a.client = e.account("client", mktTok(1000))
		a.challenger = e.account("challenger", mktTok(1000))
	}
	a.prov = e.provider("provider", mktTok(200))
	for i := 0; i < pool; i++ {
		v := e.provider(fmt.Sprintf("verifier-%d", i), mktTok(200))
		a.pool = append(a.pool, v)
		a.byAddr[v.Addr] = v
	}
	for _, x := range []*simchain.Account{a.client, a.challenger, a.prov} {
		a.byAddr[x.Addr] = x
	}
	a.bond = e.c.Config.Market.ChallengeBond
	a.vcol = e.c.Config.Market.VerifierCollateral
	a.k = int(e.c.Config.Market.Verifiers)
	return a
}

// job is a committed job of a.prov for a.client with mktGoodCID and a 60 s window.
func (a *mktArena) job(payment, collateral *big.Int) *simchain.Job {
	a.t.Helper()
	return a.committed(a.client, a.prov, payment, collateral, 60, mktGoodCID)
}

// challenge approves the bond and challenges j as `by`.
func (a *mktArena) challenge(by *simchain.Account, j *simchain.Job) *types.Receipt {
	a.t.Helper()
	r := a.ok(a.c.Challenge(by, j))
	if j.Rec.Status != mktChallenged {
		a.t.Fatalf("challenge did not update the record: %+v", j.Rec)
	}
	return r
}

// draw draws j's verifiers once the anchor block is old enough for gas estimation (which runs
// at the latest block's number) and returns them in seat order.
func (a *mktArena) draw(j *simchain.Job) ([]*simchain.Account, *types.Receipt) {
	a.t.Helper()
	anchor := a.challengeInfo(j.ID).AnchorBlock
	for {
		head, err := a.c.Client.BlockNumber(context.Background())
		if err != nil {
			a.t.Fatal(err)
		}
		if head > anchor {
			break
		}
		a.c.Mine(1)
	}
	addrs, r, err := a.c.DrawVerifiers(a.client, j)
	if err != nil {
		a.t.Fatalf("draw: %v", err)
	}
	if len(mktLogs(a.mktEnv, r, a.c.MarketABI.UnpackVerifiersDrawnEvent)) != 1 {
		a.t.Fatal("draw emitted no VerifiersDrawn")
	}
	out := make([]*simchain.Account, len(addrs))
	for i, ad := range addrs {
		v, ok := a.byAddr[ad]
		if !ok {
			a.t.Fatalf("drew unknown account %s", ad.Hex())
		}
		out[i] = v
	}
	return out, r
}

// panel returns a challenged job of a.prov with a full panel of K verifiers. The draw is
// random; a draw that found fewer than K (rare with a large pool) is left open and the job is
// tried again.
func (a *mktArena) panel(payment, collateral *big.Int) (*simchain.Job, []*simchain.Account) {
	a.t.Helper()
	for try := 0; try < 5; try++ {
		j := a.job(payment, collateral)
		a.challenge(a.challenger, j)
		vs, _ := a.draw(j)
		if len(vs) == a.k {
			return j, vs
		}
	}
	a.t.Fatalf("five draws in a row found fewer than %d verifiers", a.k)
	return nil, nil
}

func (a *mktArena) commitVote(v *simchain.Account, j *simchain.Job, seat int, cid []byte) [32]byte {
	a.t.Helper()
	salt := simchain.Salt()
	a.ok(a.c.CommitVote(v, j, uint8(seat), cid, salt))
	return salt
}

func (a *mktArena) revealVote(v *simchain.Account, j *simchain.Job, seat int, cid []byte, salt [32]byte) {
	a.t.Helper()
	a.ok(a.c.RevealVote(v, j, uint8(seat), cid, salt))
}

func (a *mktArena) panelOf(j *simchain.Job) bindings.JobMarketPanel {
	a.t.Helper()
	return mktCall(a.mktEnv, a.c.Market, a.c.MarketABI.PackGetPanel(j.ID, 1), a.c.MarketABI.UnpackGetPanel)
}

// passAppealWindow checks that the first panel's decisive verdict cannot be resolved inside
// its appeal window and moves the clock past it.
func (a *mktArena) passAppealWindow(j *simchain.Job) {
	a.t.Helper()
	p := mktCall(a.mktEnv, a.c.Market, a.c.MarketABI.PackParams(j.Rec.ParamsId), a.c.MarketABI.UnpackParams)
	_, err := a.c.ResolveChallenge(a.client, j)
	a.revertArgs(err, "TooEarly", a.panelOf(j).RevealBy+uint64(p.VoteRevealWindow))
	if err := a.c.PassAppealWindow(j); err != nil {
		a.t.Fatal(err)
	}
}

// snapshot of every watched account's market balance and registry stake.
type mktSnap struct {
	bal     map[common.Address]*big.Int
	staked  map[common.Address]*big.Int
	locked  map[common.Address]*big.Int
	accrued *big.Int
}

func (e *mktEnv) snap() mktSnap {
	e.t.Helper()
	s := mktSnap{bal: map[common.Address]*big.Int{}, staked: map[common.Address]*big.Int{}, locked: map[common.Address]*big.Int{}}
	for _, ad := range e.addrs {
		s.bal[ad] = e.balance(ad)
		p := e.stake(ad)
		s.staked[ad], s.locked[ad] = p.Staked, p.Locked
	}
	s.accrued = e.accrued()
	return s
}

// mktDelta describes the expected change of one account between two snapshots.
type mktDelta struct {
	credit, staked, locked *big.Int // nil means unchanged
}

// expect compares the changes since `before` with want; accounts not in want must not change.
func (e *mktEnv) expect(before mktSnap, treasury *big.Int, want map[*simchain.Account]mktDelta) {
	e.t.Helper()
	after := e.snap()
	byAddr := map[common.Address]mktDelta{}
	for a, d := range want {
		byAddr[a.Addr] = d
	}
	zero := new(big.Int)
	or0 := func(x *big.Int) *big.Int {
		if x == nil {
			return zero
		}
		return x
	}
	for _, ad := range e.addrs {
		if before.bal[ad] == nil {
			e.t.Fatalf("expect: %s was created after the snapshot", e.named[ad])
		}
		d := byAddr[ad]
		name := e.named[ad]
		mktEq(e.t, name+" credited", mktSub(after.bal[ad], before.bal[ad]), or0(d.credit))
		mktEq(e.t, name+" staked change", mktSub(after.staked[ad], before.staked[ad]), or0(d.staked))
		mktEq(e.t, name+" locked change", mktSub(after.locked[ad], before.locked[ad]), or0(d.locked))
	}
	mktEq(e.t, "treasury credited", mktSub(after.accrued, before.accrued), or0(treasury))
}

func mktNeg(x *big.Int) *big.Int { return new(big.Int).Neg(x) }

// ---------------------------------------------------------------------------------------------

func TestChallengeOpen(t *testing.T) {
	a := mktNewArena(t, 3, false)
	c := a.c
	payment, collateral := mktTok(10), mktTok(5)
	challenge := func(by *simchain.Account, j *simchain.Job) error {
		_, err := c.Send(by, c.Market, c.MarketABI.PackChallenge(j.ID, j.Rec))
		return err
	}

	// Only a committed result can be challenged.
	acc := a.accepted(a.client, a.prov, payment, collateral, 60)
	a.ok(c.Approve(a.challenger, c.Addr.Market, mktTok(1000)))
	a.revertArgs(challenge(a.challenger, acc), "WrongStatus", acc.ID, int(mktAccepted))

	j := a.job(payment, collateral)
	// The provider may not challenge its own job.
	a.ok(c.Approve(a.prov, c.Addr.Market, a.bond))
	a.revert(challenge(a.prov, j), "SelfChallenge")
	// The bond must be approved and held.
	noAllowance := a.account("no-allowance", mktTok(100))
	a.revertArgs(challenge(noAllowance, j), "ERC20InsufficientAllowance", c.Addr.Market, 0, a.bond)
	broke := a.account("broke", mktTok(1))
	a.ok(c.Approve(broke, c.Addr.Market, a.bond))
	a.revertArgs(challenge(broke, j), "ERC20InsufficientBalance", broke.Addr, mktTok(1), a.bond)

	// Anyone but the provider: here the client itself.
	marketBefore, clientBefore := a.tokens(c.Addr.Market), a.tokens(a.client.Addr)
	old := j.Rec
	r := a.challenge(a.client, j)
	ev := mktOne(a.mktEnv, r, c.MarketABI.UnpackChallengeOpenedEvent)
	if ev.Challenger != a.client.Addr || ev.AnchorBlock != r.BlockNumber.Uint64()+1 || ev.Job.Status != mktChallenged {
		t.Fatalf("ChallengeOpened %+v (block %s)", ev, r.BlockNumber)
	}
	mktEq(t, "ChallengeOpened.bond", ev.Bond, a.bond)
	ci := a.challengeInfo(j.ID)
	if ci.Challenger != a.client.Addr || ci.AnchorBlock != ev.AnchorBlock {
		t.Fatalf("challengeInfo %+v", ci)
	}
	mktEq(t, "challengeInfo.bond", ci.Bond, a.bond)
	mktEq(t, "market tokens", a.tokens(c.Addr.Market), mktAdd(marketBefore, a.bond))
	mktEq(t, "client tokens", a.tokens(a.client.Addr), mktSub(clientBefore, a.bond))
	if a.jobHash(j.ID) != mktHash(t, j.Rec) {
		t.Fatal("stored hash is not the ChallengeOpened record's")
	}
	// Twice: the job is Challenged now (and the old record is stale).
	a.revertArgs(challenge(a.challenger, j), "WrongStatus", j.ID, int(mktChallenged))
	a.revertArgs(challenge(a.challenger, &simchain.Job{ID: j.ID, Rec: old}), "StaleJobRecord", j.ID)
	// A challenged job cannot be finalized or timed out.
	_, err := c.Finalize(a.challenger, j)
	a.revertArgs(err, "WrongStatus", j.ID, int(mktChallenged))
	// Nothing to resolve before the draw.
	_, err = c.ResolveChallenge(a.challenger, j)
	a.revert(err, "NotDrawn")
	a.books()

	// The window: challenged at committedAt + window - 1, refused at committedAt + window.
	x := a.job(payment, collateral)
	y := a.job(payment, collateral)
	a.ok(c.Approve(a.challenger, c.Addr.Market, mktTok(1000)))
	r, err = a.sendAt(mktEnds(x)-1, a.challenger, c.Market, c.MarketABI.PackChallenge(x.ID, x.Rec))
	if err != nil {
		t.Fatalf("challenge in the last second of the window: %v", err)
	}
	a.sync(x, r)
	a.warpTo(mktEnds(y))
	a.revertArgs(challenge(a.challenger, y), "TooLate", mktEnds(y))
	if _, err := a.sendRaw(a.challenger, c.Market, c.MarketABI.PackChallenge(y.ID, y.Rec)); err == nil {
		t.Fatal("challenge after the window was mined successfully")
	}
	// ...and y is finalizable as usual.
	a.ok(c.Finalize(a.challenger, y))
	a.books()
}

func TestChallengeDraw(t *testing.T) {
	a := mktNewArena(t, 6, false)
	c := a.c
	j := a.job(mktTok(10), mktTok(5))
	r := a.challenge(a.challenger, j)
	anchor := a.challengeInfo(j.ID).AnchorBlock
	if anchor != r.BlockNumber.Uint64()+1 {
		t.Fatalf("anchorBlock %d, challenge mined in %s", anchor, r.BlockNumber)
	}
	// Gas estimation runs at the latest block (the challenge's): TooEarly.
	_, _, err := c.DrawVerifiers(a.client, j)
	a.revertArgs(err, "TooEarly", anchor)
	// Mined in the anchor block itself: reverts in the block.
	r, err = a.sendRaw(a.client, c.Market, c.MarketABI.PackDrawVerifiers(j.ID, j.Rec))
	if err == nil || r.BlockNumber.Uint64() != anchor {
		t.Fatalf("draw mined in block %v (anchor %d): err %v", r.BlockNumber, anchor, err)
	}
	if p := a.panelOf(j); p.CommitBy != 0 || p.Size != 0 {
		t.Fatalf("failed draw left a panel: %+v", p)
	}

	before := a.snap()
	vs, r := a.draw(j)
	if len(vs) == 0 || len(vs) > a.k {
		t.Fatalf("drew %d verifiers", len(vs))
	}
	ev := mktOne(a.mktEnv, r, c.MarketABI.UnpackVerifiersDrawnEvent)
	now := a.blockTime(r)
	vc, vr := uint64(c.Config.Market.VoteCommitWindow), uint64(c.Config.Market.VoteRevealWindow)
	if ev.CommitBy != now+vc || ev.RevealBy != now+vc+vr {
		t.Fatalf("VerifiersDrawn windows %d/%d, drawn at %d", ev.CommitBy, ev.RevealBy, now)
	}
	p := a.panelOf(j)
	if int(p.Target) != len(vs) || int(p.Size) != len(vs) || p.CommitBy != ev.CommitBy || p.RevealBy != ev.RevealBy || p.Committed != 0 || p.Revealed != 0 {
		t.Fatalf("panel %+v", p)
	}
	want := map[*simchain.Account]mktDelta{}
	for i, v := range vs {
		m := mktCall(a.mktEnv, c.Market, c.MarketABI.PackGetMember(j.ID, 1, big.NewInt(int64(i))), c.MarketABI.UnpackGetMember)
		if m.Account != v.Addr || m.Commitment != ([32]byte{}) || m.Result != ([32]byte{}) {
			t.Fatalf("seat %d: %+v", i, m)
		}
		if _, dup := want[v]; dup {
			t.Fatalf("%s drawn twice", v.Name)
		}
		want[v] = mktDelta{locked: a.vcol}
		mktEq(t, v.Name+" free stake", a.freeStake(v.Addr), mktSub(mktTok(200), a.vcol))
	}
	a.expect(before, nil, want)

	_, _, err = c.DrawVerifiers(a.client, j)
	a.revert(err, "AlreadyDrawn")
	a.books()
}

// The anchor's hash is readable for 256 blocks: a draw in block anchor+256 still uses it, one in
// block anchor+257 re-anchors, and a draw after the new anchor works.
func TestChallengeReanchor(t *testing.T) {
	a := mktNewArena(t, 6, false)
	c := a.c
	head := func() uint64 {
		n, err := c.Client.BlockNumber(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	inTime := a.job(mktTok(10), mktTok(5))
	a.challenge(a.challenger, inTime)
	anchor := a.challengeInfo(inTime.ID).AnchorBlock
	c.Mine(int(anchor + 255 - head()))
	r, err := a.sendRaw(a.client, c.Market, c.MarketABI.PackDrawVerifiers(inTime.ID, inTime.Rec))
	if err != nil || r.BlockNumber.Uint64() != anchor+256 {
		t.Fatalf("draw in block %v (anchor %d): %v", r.BlockNumber, anchor, err)
	}
	if len(mktLogs(a.mktEnv, r, c.MarketABI.UnpackVerifiersDrawnEvent)) != 1 || len(mktLogs(a.mktEnv, r, c.MarketABI.UnpackDrawReanchoredEvent)) != 0 {
		t.Fatal("a draw 256 blocks after the anchor did not draw")
	}

	late := a.job(mktTok(10), mktTok(5))
	a.challenge(a.challenger, late)
	anchor = a.challengeInfo(late.ID).AnchorBlock
	c.Mine(260)
	before := a.snap()
	_, r, err = c.DrawVerifiers(a.client, late)
	if err != nil {
		t.Fatal(err)
	}
	re := mktOne(a.mktEnv, r, c.MarketABI.UnpackDrawReanchoredEvent)
	newAnchor := r.BlockNumber.Uint64() + 1
	if re.Id.Cmp(late.ID) != 0 || re.AnchorBlock != newAnchor || a.challengeInfo(late.ID).AnchorBlock != newAnchor {
		t.Fatalf("DrawReanchored %+v, block %s, old anchor %d", re, r.BlockNumber, anchor)
	}
	if len(mktLogs(a.mktEnv, r, c.MarketABI.UnpackVerifiersDrawnEvent)) != 0 {
		t.Fatal("re-anchoring draw also drew")
	}
	a.expect(before, nil, nil) // nothing locked
	if p := a.panelOf(late); p.CommitBy != 0 {
		t.Fatalf("re-anchoring set a panel: %+v", p)
	}
	_, err = c.ResolveChallenge(a.client, late)
	a.revert(err, "NotDrawn")
	_, _, err = c.DrawVerifiers(a.client, late)
	a.revertArgs(err, "TooEarly", newAnchor)

	vs, _ := a.draw(late)
	if len(vs) == 0 {
		t.Fatal("draw after re-anchoring drew nobody")
	}
	a.books()
}

// Drawn verifiers are distinct pool members, never the job's client, provider or challenger,
// even when those are staked providers in the active set; each locks the verifier collateral.
func TestChallengeDrawExcludesParties(t *testing.T) {
	a := mktNewArena(t, 4, true)
	c := a.c
	// Two staked parties swap the provider and challenger roles from job to job.
	a.ok(c.Approve(a.prov, c.Addr.Market, mktTok(1000)))
	roles := [][2]*simchain.Account{{a.prov, a.challenger}, {a.challenger, a.prov}}
	parties := map[common.Address]bool{a.client.Addr: true, a.prov.Addr: true, a.challenger.Addr: true}
	active := mktCall(a.mktEnv, c.Registry, c.RegistryABI.PackActiveCount(), c.RegistryABI.UnpackActiveCount)
	mktEq(t, "active providers", active, big.NewInt(7))

	times := map[common.Address]int64{}
	collateral := map[common.Address]*big.Int{a.prov.Addr: new(big.Int), a.challenger.Addr: new(big.Int)}
	total := 0
	for i := 0; i < 10; i++ {
		prov, challenger := roles[i%2][0], roles[i%2][1]
		j := a.committed(a.client, prov, mktTok(1), mktTok(2), 60, mktGoodCID)
		collateral[prov.Addr].Add(collateral[prov.Addr], mktTok(2))
		a.challenge(challenger, j)
		vs, _ := a.draw(j)
		if len(vs) > a.k {
			t.Fatalf("job %d: %d verifiers", i, len(vs))
		}
		seen := map[common.Address]bool{}
		for _, v := range vs {
			if parties[v.Addr] {
				t.Fatalf("job %d: drew party %s", i, v.Name)
			}
			if seen[v.Addr] {
				t.Fatalf("job %d: drew %s twice", i, v.Name)
			}
			seen[v.Addr] = true
			times[v.Addr]++
		}
		total += len(vs)
	}
	if total == 0 {
		t.Fatal("no verifier drawn in ten challenges")
	}
	for _, v := range a.pool {
		mktEq(t, v.Name+" locked", a.stake(v.Addr).Locked, mktMulDiv(a.vcol, times[v.Addr], 1))
	}
	// The parties locked only their own jobs' collateral, never a verifier seat.
	mktEq(t, "client locked", a.stake(a.client.Addr).Locked, new(big.Int))
	mktEq(t, "provider locked", a.stake(a.prov.Addr).Locked, collateral[a.prov.Addr])
	mktEq(t, "challenger locked", a.stake(a.challenger.Addr).Locked, collateral[a.challenger.Addr])
	a.books()
}

func TestChallengeVoteReverts(t *testing.T) {
	a := mktNewArena(t, 10, false)
	c := a.c
	j, vs := a.panel(mktTok(10), mktTok(5))
	A, B, C := vs[0], vs[1], vs[2]
	p := a.panelOf(j)
	commitRaw := func(v *simchain.Account, seat uint8, cm [32]byte) error {
		_, err := c.Send(v, c.Market, c.MarketABI.PackCommitVote(j.ID, seat, cm))
		return err
	}
	reveal := func(v *simchain.Account, seat uint8, cid []byte, salt [32]byte) error {
		_, err := c.RevealVote(v, j, seat, cid, salt)
		return err
	}
	stranger := a.account("stranger", nil)
	var notDrawn *simchain.Account
	for _, v := range a.pool {
		if v != A && v != B && v != C {
			notDrawn = v
			break
		}
	}

	saltA := simchain.Salt()
	cmA, err := c.Commitment(j, 1, A.Addr, mktGoodCID, saltA)
	if err != nil {
		t.Fatal(err)
	}
	// Not a member, or not this member's seat.
	a.revertArgs(commitRaw(stranger, 0, cmA), "NotPanelMember", stranger.Addr)
	a.revertArgs(commitRaw(notDrawn, 0, cmA), "NotPanelMember", notDrawn.Addr)
	a.revertArgs(commitRaw(B, 0, cmA), "NotPanelMember", B.Addr)
	a.revertArgs(commitRaw(A, 1, cmA), "NotPanelMember", A.Addr)
	a.revertArgs(commitRaw(A, 3, cmA), "PanelNotReady", j.ID, 1)
	a.revert(commitRaw(A, 0, [32]byte{}), "CommitmentMismatch")
	// The replica panel of a single-replica job does not exist.
	_, err = c.Send(A, c.Market, c.MarketABI.PackCommitReplica(j.ID, 0, cmA))
	a.revertArgs(err, "PanelNotReady", j.ID, 0)

	if err := commitRaw(A, 0, cmA); err != nil {
		t.Fatal(err)
	}
	a.revert(commitRaw(A, 0, cmA), "AlreadyCommitted")
	// Reveals wait for every commitment or the end of the commit window.
	a.revertArgs(reveal(A, 0, mktGoodCID, saltA), "TooEarly", p.CommitBy)
	saltB := a.commitVote(B, j, 1, mktBadCID)
	a.revertArgs(reveal(B, 1, mktBadCID, saltB), "TooEarly", p.CommitBy)
	// C misses the commit window.
	a.warpTo(p.CommitBy + 1)
	cmC, err := c.Commitment(j, 1, C.Addr, mktGoodCID, simchain.Salt())
	if err != nil {
		t.Fatal(err)
	}
	a.revertArgs(commitRaw(C, 2, cmC), "TooLate", p.CommitBy)
	// Reveals are open now.
	a.revert(reveal(C, 2, mktGoodCID, [32]byte{}), "NotCommitted")
	a.revertArgs(reveal(B, 0, mktBadCID, saltB), "NotPanelMember", B.Addr)
	a.revert(reveal(A, 0, mktGoodCID, simchain.Salt()), "CommitmentMismatch")
	a.revert(reveal(A, 0, mktBadCID, saltA), "CommitmentMismatch")
	a.revert(reveal(A, 0, nil, saltA), "BadCid")
	r := a.ok(c.RevealVote(A, j, 0, mktGoodCID, saltA))
	rv := mktOne(a.mktEnv, r, c.MarketABI.UnpackPanelRevealedEvent)
	if rv.Account != A.Addr || rv.Index != 0 || rv.Kind != 1 || !bytes.Equal(rv.Cid, mktGoodCID) {
		t.Fatalf("PanelRevealed %+v", rv)
	}
	a.revert(reveal(A, 0, mktGoodCID, saltA), "AlreadyRevealed")
	// Not everyone revealed: resolution waits for the reveal window.
	_, err = c.ResolveChallenge(stranger, j)
	a.revertArgs(err, "TooEarly", p.RevealBy)
	a.warpTo(p.RevealBy)
	_, err = c.ResolveChallenge(stranger, j)
	a.revertArgs(err, "TooEarly", p.RevealBy)
	a.warpTo(p.RevealBy + 1)
	a.revertArgs(reveal(B, 1, mktBadCID, saltB), "TooLate", p.RevealBy)

	// One agrees, one committed but stayed silent, one never committed: inconclusive. The
	// bond goes back; both silent verifiers are slashed to the treasury.
	before := a.snap()
	r = a.ok(c.ResolveChallenge(stranger, j))
	res := mktOne(a.mktEnv, r, c.MarketABI.UnpackChallengeResolvedEvent)
	if res.Outcome != mktInconclusive || res.Agree != 1 || res.Disagree != 0 || j.Rec.Status != mktCleared {
		t.Fatalf("ChallengeResolved %+v", res)
	}
	for _, s := range mktLogs(a.mktEnv, r, c.MarketABI.UnpackCollateralSlashedEvent) {
		if (s.Account != B.Addr && s.Account != C.Addr) || s.Reason != mktSlashVerifierSilent || s.Amount.Cmp(a.vcol) != 0 {
			t.Fatalf("CollateralSlashed %+v", s)
		}
	}
	a.expect(before, mktMulDiv(a.vcol, 2, 1), map[*simchain.Account]mktDelta{
		a.challenger: {credit: a.bond},
		A:            {locked: mktNeg(a.vcol)},
		B:            {staked: mktNeg(a.vcol), locked: mktNeg(a.vcol)},
		C:            {staked: mktNeg(a.vcol), locked: mktNeg(a.vcol)},
	})
	if p := a.panelOf(j); p != (bindings.JobMarketPanel{}) {
		t.Fatalf("panel not cleared: %+v", p)
	}
	a.revertArgs(commitRaw(A, 0, cmA), "PanelNotReady", j.ID, 1)
	a.books()
}

// Rejected: two of three verifiers agree with the committed result.
func TestChallengeRejected(t *testing.T) {
	a := mktNewArena(t, 10, false)
	c := a.c
	payment, collateral := mktTok(10), mktTok(7)
	j, vs := a.panel(payment, collateral)
	votes := [][]byte{mktGoodCID, mktGoodCID, mktBadCID}
	salts := make([][32]byte, 3)
	for i, v := range vs {
		salts[i] = a.commitVote(v, j, i, votes[i])
	}
	p := a.panelOf(j)
	// Everyone committed: reveals open before commitBy.
	if a.c.Now() >= p.CommitBy {
		t.Fatal("test setup: commit window already over")
	}
	for i, v := range vs {
		a.revealVote(v, j, i, votes[i], salts[i])
	}
	// Everyone revealed: resolution does not wait for revealBy, only for the appeal window.
	a.passAppealWindow(j)
	before := a.snap()
	r := a.ok(c.ResolveChallenge(a.client, j))
	res := mktOne(a.mktEnv, r, c.MarketABI.UnpackChallengeResolvedEvent)
	if res.Outcome != mktRejected || res.Agree != 2 || res.Disagree != 1 {
		t.Fatalf("ChallengeResolved %+v", res)
	}
	if j.Rec.Status != mktCleared || a.jobHash(j.ID) != mktHash(t, j.Rec) {
		t.Fatalf("record after rejection %+v", j.Rec)
	}
	sl := mktOne(a.mktEnv, r, c.MarketABI.UnpackCollateralSlashedEvent)
	if sl.Account != vs[2].Addr || sl.Reason != mktSlashVerifierMinority || sl.Amount.Cmp(a.vcol) != 0 {
		t.Fatalf("CollateralSlashed %+v", sl)
	}
	// The bond is split among the provider and the two agreeing verifiers: bond/3 each, the
	// remainder (1 base unit of 10 tokens) and the minority's collateral to the treasury.
	share := mktMulDiv(a.bond, 1, 3)
	rem := mktSub(a.bond, mktMulDiv(share, 3, 1))
	if rem.Sign() == 0 {
		t.Fatal("test setup: the bond divides evenly; pick one that does not")
	}
	a.expect(before, mktAdd(rem, a.vcol), map[*simchain.Account]mktDelta{
		a.prov: {credit: share},
		vs[0]:  {credit: share, locked: mktNeg(a.vcol)},
		vs[1]:  {credit: share, locked: mktNeg(a.vcol)},
		vs[2]:  {staked: mktNeg(a.vcol), locked: mktNeg(a.vcol)},
	})
	mktEq(t, "challengeInfo bond after resolution", a.challengeInfo(j.ID).Bond, new(big.Int))
	a.books()

	// Cleared: cannot be challenged again, and is finalizable at once (inside the window).
	_, err := c.Send(a.client, c.Market, c.MarketABI.PackChallenge(j.ID, j.Rec))
	a.revertArgs(err, "WrongStatus", j.ID, int(mktCleared))
	if a.c.Now()+1 >= mktEnds(j) {
		t.Fatal("test setup: the challenge window is over")
	}
	before = a.snap()
	r = a.ok(c.Finalize(a.challenger, j))
	fee := mktFee(payment, j.Rec.FeeBps)
	fin := mktOne(a.mktEnv, r, c.MarketABI.UnpackJobFinalizedEvent)
	mktEq(t, "JobFinalized.paid", fin.Paid, mktSub(payment, fee))
	a.expect(before, fee, map[*simchain.Account]mktDelta{
		a.prov: {credit: mktSub(payment, fee), locked: mktNeg(collateral)},
	})
	// An agreeing verifier withdraws its share.
	tokens := a.tokens(vs[0].Addr)
	a.ok(c.Withdraw(vs[0]))
	mktEq(t, "verifier withdrawal", a.tokens(vs[0].Addr), mktAdd(tokens, share))
	a.books()
}

// Upheld: two of three verifiers disagree with the committed result.
func TestChallengeUpheld(t *testing.T) {
	a := mktNewArena(t, 10, false)
	c := a.c
	payment := mktTok(10)
	collateral := mktAdd(mktTok(7), big.NewInt(1)) // odd, so the reward split rounds
	j, vs := a.panel(payment, collateral)
	votes := [][]byte{mktBadCID, mktGoodCID, mktBadCID}
	salts := make([][32]byte, 3)
	for i, v := range vs {
		salts[i] = a.commitVote(v, j, i, votes[i])
	}
	for i, v := range vs {
		a.revealVote(v, j, i, votes[i], salts[i])
	}
	resolver := a.stranger()
	a.passAppealWindow(j)
	before := a.snap()
	clientTokens := a.tokens(a.client.Addr)
	r := a.ok(c.ResolveChallenge(resolver, j))
	res := mktOne(a.mktEnv, r, c.MarketABI.UnpackChallengeResolvedEvent)
	if res.Outcome != mktUpheld || res.Agree != 1 || res.Disagree != 2 {
		t.Fatalf("ChallengeResolved %+v", res)
	}
	if a.jobHash(j.ID) != ([32]byte{}) {
		t.Fatal("upheld job not deleted")
	}
	slashes := mktLogs(a.mktEnv, r, c.MarketABI.UnpackCollateralSlashedEvent)
	if len(slashes) != 2 ||
		slashes[0].Account != a.prov.Addr || slashes[0].Reason != mktSlashChallengeUpheld || slashes[0].Amount.Cmp(collateral) != 0 ||
		slashes[1].Account != vs[1].Addr || slashes[1].Reason != mktSlashVerifierMinority || slashes[1].Amount.Cmp(a.vcol) != 0 {
		t.Fatalf("CollateralSlashed events %+v", slashes)
	}
	m := c.Config.Market
	toChallenger := mktMulDiv(collateral, int64(m.ChallengerRewardBps), 10_000)
	perVerifier := mktMulDiv(mktMulDiv(collateral, int64(m.VerifierRewardBps), 10_000), 1, 2)
	toTreasury := mktSub(mktSub(collateral, toChallenger), mktMulDiv(perVerifier, 2, 1))
	// 7e18+1: challenger 3.5e18 (rounded down), verifiers 1.05e18 each, treasury 1.4e18 + 1.
	mktEq(t, "challenger reward", toChallenger, big.NewInt(3_500_000_000_000_000_000))
	mktEq(t, "verifier reward", perVerifier, big.NewInt(1_050_000_000_000_000_000))
	mktEq(t, "treasury share", toTreasury, big.NewInt(1_400_000_000_000_000_001))
	a.expect(before, mktAdd(toTreasury, a.vcol), map[*simchain.Account]mktDelta{
		a.client:     {credit: payment},
		a.challenger: {credit: mktAdd(a.bond, toChallenger)},
		a.prov:       {staked: mktNeg(collateral), locked: mktNeg(collateral)},
		vs[0]:        {credit: perVerifier, locked: mktNeg(a.vcol)},
		vs[1]:        {staked: mktNeg(a.vcol), locked: mktNeg(a.vcol)},
		vs[2]:        {credit: perVerifier, locked: mktNeg(a.vcol)},
	})
	a.books()

	// The job is gone: no finalize, no second challenge.
	_, err := c.Finalize(a.prov, j)
	a.revertArgs(err, "UnknownJob", j.ID)
	_, err = c.Send(a.challenger, c.Market, c.MarketABI.PackChallenge(j.ID, j.Rec))
	a.revertArgs(err, "UnknownJob", j.ID)
	// The client withdraws its full payment.
	a.ok(c.Withdraw(a.client))
	mktEq(t, "client refund", a.tokens(a.client.Addr), mktAdd(clientTokens, payment))
	a.books()
}

// stranger is a fresh account without tokens, for "anyone may call".
func (a *mktArena) stranger() *simchain.Account {
	a.t.Helper()
	a.n++
	return a.account(fmt.Sprintf("stranger-%d", a.n), nil)
}

// Inconclusive: one agrees, one disagrees, one never votes.
func TestChallengeInconclusive(t *testing.T) {
	a := mktNewArena(t, 10, false)
	c := a.c
	payment, collateral := mktTok(10), mktTok(5)
	j, vs := a.panel(payment, collateral)
	p := a.panelOf(j)
	saltA := a.commitVote(vs[0], j, 0, mktGoodCID)
	saltB := a.commitVote(vs[1], j, 1, mktBadCID)
	a.warpTo(p.CommitBy + 1)
	a.revealVote(vs[0], j, 0, mktGoodCID, saltA)
	a.revealVote(vs[1], j, 1, mktBadCID, saltB)
	_, err := c.ResolveChallenge(a.client, j)
	a.revertArgs(err, "TooEarly", p.RevealBy)
	if _, err := a.sendAt(p.RevealBy, a.client, c.Market, c.MarketABI.PackResolveChallenge(j.ID, j.Rec)); err == nil {
		t.Fatal("resolution mined at revealBy with a reveal missing succeeded")
	}

	before := a.snap()
	r, err := a.sendAt(p.RevealBy+1, a.client, c.Market, c.MarketABI.PackResolveChallenge(j.ID, j.Rec))
	if err != nil {
		t.Fatalf("resolve right after the reveal window: %v", err)
	}
	a.sync(j, r)
	res := mktOne(a.mktEnv, r, c.MarketABI.UnpackChallengeResolvedEvent)
	if res.Outcome != mktInconclusive || res.Agree != 1 || res.Disagree != 1 || j.Rec.Status != mktCleared {
		t.Fatalf("ChallengeResolved %+v", res)
	}
	sl := mktOne(a.mktEnv, r, c.MarketABI.UnpackCollateralSlashedEvent)
	if sl.Account != vs[2].Addr || sl.Reason != mktSlashVerifierSilent {
		t.Fatalf("CollateralSlashed %+v", sl)
	}
	a.expect(before, a.vcol, map[*simchain.Account]mktDelta{
		a.challenger: {credit: a.bond},
		vs[0]:        {locked: mktNeg(a.vcol)},
		vs[1]:        {locked: mktNeg(a.vcol)},
		vs[2]:        {staked: mktNeg(a.vcol), locked: mktNeg(a.vcol)},
	})
	a.books()

	_, err = c.Send(a.challenger, c.Market, c.MarketABI.PackChallenge(j.ID, j.Rec))
	a.revertArgs(err, "WrongStatus", j.ID, int(mktCleared))
	before = a.snap()
	a.ok(c.Finalize(a.client, j))
	fee := mktFee(payment, j.Rec.FeeBps)
	a.expect(before, fee, map[*simchain.Account]mktDelta{
		a.prov: {credit: mktSub(payment, fee), locked: mktNeg(collateral)},
	})
	a.books()
}

// Fewer eligible providers than K: the draw settles for what it finds. Here the only active
// provider is one verifier (the job's provider drops out of the active set by unstaking), so
// the draw is deterministic.
func TestChallengeFewEligible(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(1000))
	challenger := e.account("challenger", mktTok(1000))
	v := e.provider("verifier", mktTok(200))
	bond, vcol := c.Config.Market.ChallengeBond, c.Config.Market.VerifierCollateral
	a := &mktArena{mktEnv: e, client: client, challenger: challenger, byAddr: map[common.Address]*simchain.Account{v.Addr: v}, bond: bond, vcol: vcol, k: 3}
	m := c.Config.Market

	// setup commits a job of a fresh provider staked at exactly minStake, which then unstakes
	// one token and leaves the active set: v is the only candidate.
	setup := func(name string, collateral *big.Int) (*simchain.Account, *simchain.Job) {
		prov := e.provider(name, c.Config.MinStake)
		a.byAddr[prov.Addr] = prov
		j := e.committed(client, prov, mktTok(10), collateral, 60, mktGoodCID)
		e.ok(c.Send(prov, c.Registry, c.RegistryABI.PackUnstake(mktTok(1))))
		n := mktCall(e, c.Registry, c.RegistryABI.PackActiveCount(), c.RegistryABI.UnpackActiveCount)
		at := mktCall(e, c.Registry, c.RegistryABI.PackActiveAt(big.NewInt(0)), c.RegistryABI.UnpackActiveAt)
		if n.Cmp(big.NewInt(1)) != 0 || at != v.Addr {
			t.Fatalf("active set: %s providers, first %s", n, at.Hex())
		}
		a.challenge(challenger, j)
		vs, _ := a.draw(j)
		if len(vs) != 1 || vs[0] != v {
			t.Fatalf("drew %d verifiers", len(vs))
		}
		if p := a.panelOf(j); p.Size != 1 || p.Target != 1 {
			t.Fatalf("panel %+v", p)
		}
		return prov, j
	}

	// One verifier agrees: rejected, the bond split between the provider and it.
	prov, j := setup("provider-1", mktTok(1))
	salt := a.commitVote(v, j, 0, mktGoodCID)
	a.revealVote(v, j, 0, mktGoodCID, salt)
	a.passAppealWindow(j)
	before := e.snap()
	r := e.ok(c.ResolveChallenge(client, j))
	res := mktOne(e, r, c.MarketABI.UnpackChallengeResolvedEvent)
	if res.Outcome != mktRejected || res.Agree != 1 || res.Disagree != 0 {
		t.Fatalf("ChallengeResolved %+v", res)
	}
	half := mktMulDiv(bond, 1, 2)
	e.expect(before, mktSub(bond, mktMulDiv(half, 2, 1)), map[*simchain.Account]mktDelta{
		prov: {credit: half},
		v:    {credit: half, locked: mktNeg(vcol)},
	})
	before = e.snap()
	e.ok(c.Finalize(client, j))
	fee := mktFee(mktTok(10), j.Rec.FeeBps)
	e.expect(before, fee, map[*simchain.Account]mktDelta{prov: {credit: mktSub(mktTok(10), fee), locked: mktNeg(mktTok(1))}})
	e.books()

	// One verifier disagrees: upheld, it alone takes the verifiers' reward.
	collateral := mktAdd(mktTok(1), big.NewInt(3))
	prov2, j2 := setup("provider-2", collateral)
	salt = a.commitVote(v, j2, 0, mktBadCID)
	a.revealVote(v, j2, 0, mktBadCID, salt)
	a.passAppealWindow(j2)
	before = e.snap()
	r = e.ok(c.ResolveChallenge(client, j2))
	res = mktOne(e, r, c.MarketABI.UnpackChallengeResolvedEvent)
	if res.Outcome != mktUpheld || res.Agree != 0 || res.Disagree != 1 {
		t.Fatalf("ChallengeResolved %+v", res)
	}
	toChallenger := mktMulDiv(collateral, int64(m.ChallengerRewardBps), 10_000)
	toVerifier := mktMulDiv(collateral, int64(m.VerifierRewardBps), 10_000)
	e.expect(before, mktSub(mktSub(collateral, toChallenger), toVerifier), map[*simchain.Account]mktDelta{
		client:     {credit: mktTok(10)},
		challenger: {credit: mktAdd(bond, toChallenger)},
		prov2:      {staked: mktNeg(collateral), locked: mktNeg(collateral)},
		v:          {credit: toVerifier, locked: mktNeg(vcol)},
	})
	e.books()
}

// No eligible provider at all (everyone active is the client, the provider or the challenger):
// the draw finds nobody and the challenge is inconclusive at once.
func TestChallengeNoEligibleVerifiers(t *testing.T) {
	a := mktNewArena(t, 0, true)
	c := a.c
	payment, collateral := mktTok(10), mktTok(5)
	j := a.job(payment, collateral)
	a.challenge(a.challenger, j)
	vs, r := a.draw(j)
	if len(vs) != 0 {
		t.Fatalf("drew %d verifiers", len(vs))
	}
	p := a.panelOf(j)
	if p.Size != 0 || p.Target != 0 || p.CommitBy == 0 {
		t.Fatalf("panel %+v", p)
	}
	_, err := c.Send(a.client, c.Market, c.MarketABI.PackCommitVote(j.ID, 0, [32]byte{1}))
	a.revertArgs(err, "PanelNotReady", j.ID, 1)

	resolver := a.stranger()
	before := a.snap()
	r = a.ok(c.ResolveChallenge(resolver, j))
	if a.blockTime(r) > p.CommitBy {
		t.Fatal("test setup: resolution was not immediate")
	}
	res := mktOne(a.mktEnv, r, c.MarketABI.UnpackChallengeResolvedEvent)
	if res.Outcome != mktInconclusive || res.Agree != 0 || res.Disagree != 0 || j.Rec.Status != mktCleared {
		t.Fatalf("ChallengeResolved %+v", res)
	}
	a.expect(before, nil, map[*simchain.Account]mktDelta{a.challenger: {credit: a.bond}})
	before = a.snap()
	a.ok(c.Finalize(a.client, j))
	fee := mktFee(payment, j.Rec.FeeBps)
	a.expect(before, fee, map[*simchain.Account]mktDelta{a.prov: {credit: mktSub(payment, fee), locked: mktNeg(collateral)}})
	a.books()
}

// A challenge runs under the job's parameter set: bond, K and verifier collateral of the set
// the job was posted under, whatever governance set since.
func TestChallengeUsesJobParams(t *testing.T) {
	a := mktNewArena(t, 10, false)
	c := a.c
	old := a.job(mktTok(10), mktTok(5))
	p := deploy.DevMarketParams()
	p.MinCollateralBps = c.Config.Market.MinCollateralBps
	p.ChallengeBond, p.VerifierCollateral, p.Verifiers = mktTok(20), mktTok(7), 1
	a.ok(c.Send(c.Owner, c.Market, c.MarketABI.PackSetParams(p)))

	before := a.tokens(c.Addr.Market)
	r := a.challenge(a.challenger, old)
	mktEq(t, "bond of set 1", mktOne(a.mktEnv, r, c.MarketABI.UnpackChallengeOpenedEvent).Bond, mktTok(10))
	mktEq(t, "market tokens", a.tokens(c.Addr.Market), mktAdd(before, mktTok(10)))
	vs, _ := a.draw(old)
	if len(vs) < 2 || len(vs) > 3 {
		t.Fatalf("drew %d verifiers under set 1 (K=3)", len(vs))
	}
	for _, v := range vs {
		mktEq(t, v.Name+" locked", a.stake(v.Addr).Locked, mktTok(5))
	}

	fresh := a.job(mktTok(10), mktTok(5))
	r = a.challenge(a.challenger, fresh)
	mktEq(t, "bond of set 2", mktOne(a.mktEnv, r, c.MarketABI.UnpackChallengeOpenedEvent).Bond, mktTok(20))
	vs2, _ := a.draw(fresh)
	if len(vs2) > 1 {
		t.Fatalf("drew %d verifiers under set 2 (K=1)", len(vs2))
	}

	// Resolve the old one: one agrees, the rest stay silent and lose set 1's collateral (5).
	salt := a.commitVote(vs[0], old, 0, mktGoodCID)
	pan := a.panelOf(old)
	a.warpTo(pan.CommitBy + 1)
	a.revealVote(vs[0], old, 0, mktGoodCID, salt)
	a.warpTo(pan.RevealBy + 1)
	snap := a.snap()
	r = a.ok(c.ResolveChallenge(a.client, old))
	if res := mktOne(a.mktEnv, r, c.MarketABI.UnpackChallengeResolvedEvent); res.Outcome != mktInconclusive {
		t.Fatalf("outcome %d", res.Outcome)
	}
	want := map[*simchain.Account]mktDelta{
		a.challenger: {credit: mktTok(10)},
		vs[0]:        {locked: mktTok(-5)},
	}
	for _, v := range vs[1:] {
		want[v] = mktDelta{staked: mktTok(-5), locked: mktTok(-5)}
	}
	a.expect(snap, mktMulDiv(mktTok(5), int64(len(vs)-1), 1), want)
	a.books()
}

// mktSlashAppealOverturned is the market's SlashReason.AppealOverturned.
const mktSlashAppealOverturned uint8 = 6

// An appealed first panel is judged by the final verdict: its two voters who upheld a correct
// result lose their verifier collateral to the one who voted it right, whose collateral stayed
// locked through the appeal and is unlocked with their share.
func TestAppealJudgesFirstPanel(t *testing.T) {
	// The final panel's 41 votes go one block (one second) each: windows to fit them.
	a := mktNewArena(t, 45, false, func(cfg *deploy.Config) {
		cfg.Market.VoteCommitWindow, cfg.Market.VoteRevealWindow = 120, 120
	})
	c := a.c
	j, vs := a.panel(mktTok(10), mktTok(20))
	votes := [][]byte{mktBadCID, mktGoodCID, mktBadCID}
	salts := make([][32]byte, 3)
	for i, v := range vs {
		salts[i] = a.commitVote(v, j, i, votes[i])
	}
	for i, v := range vs {
		a.revealVote(v, j, i, votes[i], salts[i])
	}
	// The first verdict (upheld) is against the provider: it appeals.
	r := a.ok(c.Appeal(a.prov, j))
	if ev := mktOne(a.mktEnv, r, c.MarketABI.UnpackAppealOpenedEvent); ev.FirstOutcome != mktUpheld {
		t.Fatalf("AppealOpened %+v", ev)
	}
	if n := len(mktLogs(a.mktEnv, r, c.MarketABI.UnpackCollateralSlashedEvent)); n != 0 {
		t.Fatalf("the appeal slashed %d revealed first-panel voters", n)
	}
	for _, v := range vs {
		if got := a.stake(v.Addr).Locked; got.Cmp(a.vcol) != 0 {
			t.Fatalf("%s locked %s after the appeal, want its verifier collateral %s kept", v.Name, got, a.vcol)
		}
	}
	final, _ := a.draw(j)
	fsalts := make([][32]byte, len(final))
	for i, v := range final {
		fsalts[i] = a.commitVote(v, j, i, mktGoodCID)
	}
	for i, v := range final {
		a.revealVote(v, j, i, mktGoodCID, fsalts[i])
	}
	r = a.ok(c.ResolveChallenge(a.stranger(), j))
	if res := mktOne(a.mktEnv, r, c.MarketABI.UnpackChallengeResolvedEvent); res.Outcome != mktRejected {
		t.Fatalf("ChallengeResolved %+v", res)
	}
	judged := mktOne(a.mktEnv, r, c.MarketABI.UnpackFirstPanelJudgedEvent)
	share := mktMulDiv(a.vcol, 2, 1) // both overturned voters' collateral, to the one kept
	if judged.Kept != 1 || judged.Slashed != 2 || judged.Share.Cmp(share) != 0 {
		t.Fatalf("FirstPanelJudged %+v, want kept 1, slashed 2, share %s", judged, share)
	}
	var overturned []common.Address
	for _, s := range mktLogs(a.mktEnv, r, c.MarketABI.UnpackCollateralSlashedEvent) {
		if s.Reason == mktSlashAppealOverturned {
			if s.Amount.Cmp(a.vcol) != 0 {
				t.Fatalf("AppealOverturned slash of %s, want %s", s.Amount, a.vcol)
			}
			overturned = append(overturned, s.Account)
		}
	}
	if len(overturned) != 2 || overturned[0] != vs[0].Addr || overturned[1] != vs[2].Addr {
		t.Fatalf("AppealOverturned slashes %v, want seats 0 and 2 (%s, %s)", overturned, vs[0].Addr, vs[2].Addr)
	}
	credited := new(big.Int)
	for _, cr := range mktLogs(a.mktEnv, r, c.MarketABI.UnpackCreditedEvent) {
		if cr.Account == vs[1].Addr {
			credited.Add(credited, cr.Amount)
		}
	}
	if credited.Cmp(share) < 0 {
		t.Fatalf("the first panel's right voter was credited %s, want at least its share %s", credited, share)
	}
	for _, v := range vs {
		if got := a.stake(v.Addr).Locked; got.Sign() != 0 {
			t.Fatalf("%s still locks %s after the final verdict", v.Name, got)
		}
	}
	for _, v := range []*simchain.Account{vs[0], vs[2]} {
		if got := a.stake(v.Addr).Staked; got.Cmp(mktSub(mktTok(200), a.vcol)) != 0 {
			t.Fatalf("%s staked %s, want 200 tokens less its verifier collateral", v.Name, got)
		}
	}
	a.books()
}

// The minimum collateral ratio: postJob refuses collateral per replica under
// ceil(payment · minCollateralBps / (10000 · N)) with CollateralBelowRatio, and
// minCollateralFor says the floor.
func TestPostCollateralRatio(t *testing.T) {
	e := mktNew(t, simchain.WithDevRatio())
	c := e.c
	client := e.account("client", mktTok(1000))
	bps := c.Config.Market.MinCollateralBps
	if bps != deploy.DefaultMinCollateralBps {
		t.Fatalf("params minCollateralBps %d, want %d", bps, deploy.DefaultMinCollateralBps)
	}
	if got := e.params(1).MinCollateralBps; got != bps {
		t.Fatalf("params(1).minCollateralBps = %d, want %d", got, bps)
	}
	for _, tc := range []struct {
		payment *big.Int
		n       uint8
		want    *big.Int
	}{
		{mktTok(10), 1, mktTok(20)},
		{mktTok(10), 3, mktAdd(big.NewInt(6_666_666_666_666_666_666), big.NewInt(1))}, // rounds up
		{big.NewInt(3), 1, mktTok(1)}, // minCollateral is the larger
		{mktTok(9), 9, mktTok(2)},
	} {
		got := mktCall(e, c.Market, c.MarketABI.PackMinCollateralFor(tc.payment, tc.n), c.MarketABI.UnpackMinCollateralFor)
		mktEq(t, fmt.Sprintf("minCollateralFor(%s, %d)", tc.payment, tc.n), got, tc.want)
		under := mktSub(tc.want, big.NewInt(1))
		req := c.Request(tc.payment, under, tc.n, time.Minute, time.Minute, 10)
		if _, err := c.Approve(client, c.Addr.Market, tc.payment); err != nil {
			t.Fatal(err)
		}
		_, err := c.Send(client, c.Market, c.MarketABI.PackPostJob(req))
		if under.Cmp(c.Config.Market.MinCollateral) < 0 {
			e.revertArgs(err, "BadRequest", mktLabel("collateral"))
		} else {
			e.revertArgs(err, "CollateralBelowRatio", under, tc.want)
		}
		e.post(client, c.Request(tc.payment, tc.want, tc.n, time.Minute, time.Minute, 10))
	}
	_, err := c.Send(client, c.Market, c.MarketABI.PackMinCollateralFor(mktTok(1), 0))
	e.revertArgs(err, "BadRequest", mktLabel("replicas"))
	e.books()
}
