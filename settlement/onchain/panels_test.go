package onchain_test

import (
	"bytes"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

// TestReplicatedJob runs an N=3 job through seats, commit-reveal, resolve and finalize (two
// replicas agree, one is outvoted), and a second N=3 job without a majority.
func TestReplicatedJob(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100))
	ps := []*actor{w.provider("p0", deploy.Token(200)), w.provider("p1", deploy.Token(200)), w.provider("p2", deploy.Token(200)), w.provider("p3", deploy.Token(200))}
	payment, collateral := deploy.Token(10), deploy.Token(2)

	job, err := client.S.PostJob(ctx, w.request(payment, collateral, 3, 30*time.Second, 30*time.Second, 4*time.Second))
	must(t, err)
	for _, p := range ps[:3] {
		must(t, p.S.Accept(ctx, job.ID))
	}
	// Accepting again is the same step (same ID): the remembered outcome, no second seat.
	since := ps[0].Sender.Mark()
	must(t, ps[0].S.Accept(ctx, job.ID))
	if n := len(since()); n != 0 {
		t.Fatalf("a repeated accept sent %d transactions", n)
	}
	wantErr(t, ps[3].S.Accept(ctx, job.ID), settlement.ErrWrongStatus, "JobFull")
	wantErr(t, ps[3].S.CommitResult(ctx, job.ID, []byte("x")), settlement.ErrWrongStatus, "-")

	panel, err := client.S.Panel(ctx, job.ID, true)
	must(t, err)
	if !slices.Equal(panel.Members, []common.Address{ps[0].Addr, ps[1].Addr, ps[2].Addr}) || !panel.CommitBy.Equal(job.ResultBy) ||
		!panel.RevealBy.Equal(job.ResultBy.Add(10*time.Second)) || panel.Committed != 0 ||
		!slices.Equal(panel.Seats, make([]settlement.SeatState, 3)) {
		t.Fatalf("replica panel: %+v", panel)
	}
	j := w.job(client.S, job.ID)
	wantStatus(t, j, settlement.StatusOpen)
	if j.Provider != (common.Address{}) {
		t.Fatalf("replicated job has provider %s", j.Provider)
	}

	good, bad := []byte("bafy-majority"), []byte("bafy-minority")
	salts := [][32]byte{simchain.Salt(), simchain.Salt(), simchain.Salt()}
	cids := [][]byte{good, good, bad}
	wantErr(t, ps[3].S.CommitReplica(ctx, job.ID, good, salts[0]), settlement.ErrNotAllowed, "-")
	wantErr(t, ps[0].S.RevealReplica(ctx, job.ID, good, salts[0]), settlement.ErrTooEarly, "TooEarly")
	for i, p := range ps[:3] {
		must(t, p.S.CommitReplica(ctx, job.ID, cids[i], salts[i]))
	}
	wantErr(t, ps[0].S.CommitReplica(ctx, job.ID, bad, salts[0]), settlement.ErrAlreadyDone, "AlreadyCommitted")
	wantErr(t, client.S.Finalize(ctx, job.ID), settlement.ErrWrongStatus, "-")
	_, err = client.S.ResolveReplicas(ctx, job.ID)
	wantErr(t, err, settlement.ErrTooEarly, "TooEarly")

	wantErr(t, ps[2].S.RevealReplica(ctx, job.ID, good, salts[2]), settlement.ErrCommitMismatch, "CommitmentMismatch")
	for i, p := range ps[:3] {
		must(t, p.S.RevealReplica(ctx, job.ID, cids[i], salts[i]))
	}
	panel, err = ps[1].S.Panel(ctx, job.ID, true)
	must(t, err)
	if panel.Committed != 3 || panel.Revealed != 3 {
		t.Fatalf("panel after reveals: %+v", panel)
	}
	for i, seat := range panel.Seats {
		if seat.Commitment == (common.Hash{}) || seat.Result != crypto.Keccak256Hash(cids[i]) {
			t.Fatalf("seat %d after reveals: %+v, want a commitment and result %s", i, seat, crypto.Keccak256Hash(cids[i]))
		}
	}

	agreed, err := client.S.ResolveReplicas(ctx, job.ID)
	must(t, err)
	if !agreed {
		t.Fatal("two of three agreed, yet no majority")
	}
	resolvedAt := w.chainTime()
	j = w.job(ps[3].S, job.ID)
	wantStatus(t, j, settlement.StatusCommitted)
	if j.Winners != 2 || j.Result != crypto.Keccak256Hash(good) || !bytes.Equal(j.ResultCID, good) || !j.CommittedAt.Equal(resolvedAt) {
		t.Fatalf("resolved job: %+v", j)
	}
	// The outvoted replica's collateral stays locked until the job ends: it may still challenge.
	wantInt(t, "client balance", w.balance(client.S, client.Addr), new(big.Int))
	wantInt(t, "p2 locked", w.providerInfo(client.S, ps[2].Addr).Locked, collateral)
	wantErr(t, ps[0].S.Challenge(ctx, job.ID), settlement.ErrNotAllowed, "SelfChallenge")

	w.c.Advance(4 * time.Second)
	must(t, ps[3].S.Finalize(ctx, job.ID))
	// Unchallenged, the job finalized: the outvoted replica's collateral went to the client.
	wantInt(t, "p2 staked", w.providerInfo(client.S, ps[2].Addr).Staked, sub(deploy.Token(200), collateral))
	wantInt(t, "p2 locked", w.providerInfo(client.S, ps[2].Addr).Locked, new(big.Int))
	wantStatus(t, w.job(client.S, job.ID), settlement.StatusFinalized)
	share := div(payment, 3)
	for _, p := range ps[:2] {
		wantInt(t, p.Name+" balance", w.balance(client.S, p.Addr), sub(share, fee(share)))
		wantInt(t, p.Name+" locked", w.providerInfo(client.S, p.Addr).Locked, new(big.Int))
	}
	wantInt(t, "client balance", w.balance(client.S, client.Addr), add(collateral, sub(payment, mul(share, 2))))

	// No majority: three different results refund the client.
	job2, err := client.S.PostJob(ctx, w.request(payment, collateral, 3, 30*time.Second, 30*time.Second, 4*time.Second))
	must(t, err)
	for _, p := range ps[1:] {
		must(t, p.S.Accept(ctx, job2.ID))
	}
	for i, p := range ps[1:] {
		must(t, p.S.CommitReplica(ctx, job2.ID, []byte{byte(i + 1)}, salts[i]))
	}
	for i, p := range ps[1:] {
		must(t, p.S.RevealReplica(ctx, job2.ID, []byte{byte(i + 1)}, salts[i]))
	}
	before := w.balance(client.S, client.Addr)
	agreed, err = ps[0].S.ResolveReplicas(ctx, job2.ID)
	must(t, err)
	if agreed {
		t.Fatal("three different results reported as agreed")
	}
	j = w.job(client.S, job2.ID)
	wantStatus(t, j, settlement.StatusRefunded)
	if j.ResultCID != nil {
		t.Fatalf("refunded job has result CID %x", j.ResultCID)
	}
	wantInt(t, "client balance", w.balance(client.S, client.Addr), add(before, payment))
	_, err = ps[0].S.ResolveReplicas(ctx, job2.ID)
	wantErr(t, err, settlement.ErrWrongStatus, "-")
}

// challengeWorld is a committed single-replica job with five providers, a client and a
// challenger, each acting through its own Settlement.
type challengeWorld struct {
	*world
	client, challenger *actor
	ps                 []*actor
	payment, collat    *big.Int
	cid                []byte
}

func newChallengeWorld(t *testing.T) *challengeWorld {
	w := &challengeWorld{world: newWorld(t), payment: deploy.Token(10), collat: deploy.Token(4), cid: []byte("bafy-claimed")}
	w.client = w.actor("client", deploy.Token(100))
	w.challenger = w.actor("challenger", deploy.Token(100))
	for i := 0; i < 5; i++ {
		w.ps = append(w.ps, w.provider("p"+string(rune('0'+i)), deploy.Token(200)))
	}
	return w
}

// committedJob posts a job that ps[0] accepts and commits.
func (w *challengeWorld) committedJob() settlement.JobID {
	t := w.t
	job, err := w.client.S.PostJob(ctx, w.request(w.payment, w.collat, 1, 30*time.Second, 30*time.Second, 20*time.Second))
	must(t, err)
	must(t, w.ps[0].S.Accept(ctx, job.ID))
	must(t, w.ps[0].S.CommitResult(ctx, job.ID, w.cid))
	return job.ID
}

// drawn challenges id and draws its verifiers, returning their actors.
func (w *challengeWorld) drawn(id settlement.JobID) []*actor {
	t := w.t
	must(t, w.challenger.S.Challenge(ctx, id))
	wantStatus(t, w.job(w.client.S, id), settlement.StatusChallenged)
	// The anchor is the block after the challenge's, and gas estimation runs in the context of
	// the head block: the draw is too early until a block after the anchor is mined.
	for range 2 {
		_, err := w.challenger.S.DrawVerifiers(ctx, id)
		wantErr(t, err, settlement.ErrTooEarly, "TooEarly")
		w.c.Mine(1)
	}
	vs, err := w.challenger.S.DrawVerifiers(ctx, id)
	must(t, err)
	if len(vs) == 0 || len(vs) > 3 {
		t.Fatalf("drew %d verifiers", len(vs))
	}
	panel, err := w.client.S.Panel(ctx, id, false)
	must(t, err)
	if !slices.Equal(panel.Members, vs) {
		t.Fatalf("verifier panel %v, drawn %v", panel.Members, vs)
	}
	var out []*actor
	for _, v := range vs {
		i := slices.IndexFunc(w.ps, func(p *actor) bool { return p.Addr == v })
		if i < 1 {
			t.Fatalf("drew %s: not an eligible provider", v)
		}
		out = append(out, w.ps[i])
	}
	// Drawing again is the same step: the same verifiers, no transaction. Another account's
	// draw is a new step, which the market refuses.
	since := w.challenger.Sender.Mark()
	again, err := w.challenger.S.DrawVerifiers(ctx, id)
	must(t, err)
	if !slices.Equal(again, vs) || len(since()) != 0 {
		t.Fatalf("repeated draw returned %v and sent %d transactions", again, len(since()))
	}
	_, err = w.client.S.DrawVerifiers(ctx, id)
	wantErr(t, err, settlement.ErrAlreadyDone, "AlreadyDrawn")
	return out
}

func (w *challengeWorld) vote(id settlement.JobID, vs []*actor, cid []byte) {
	t := w.t
	salts := make([][32]byte, len(vs))
	for i, v := range vs {
		salts[i] = simchain.Salt()
		must(t, v.S.CommitVote(ctx, id, cid, salts[i]))
	}
	_, err := w.client.S.ResolveChallenge(ctx, id)
	wantErr(t, err, settlement.ErrTooEarly, "TooEarly")
	for i, v := range vs {
		must(t, v.S.RevealVote(ctx, id, cid, salts[i]))
	}
	must(t, vs[0].S.RevealVote(ctx, id, cid, salts[0])) // the same step again: its remembered outcome
	wantErr(t, vs[0].S.RevealVote(ctx, id, cid, simchain.Salt()), settlement.ErrAlreadyDone, "AlreadyRevealed")
}

// passAppealWindow checks that the first panel's verdict waits out its appeal window and moves
// the clock past it.
func (w *challengeWorld) passAppealWindow(id settlement.JobID) {
	t := w.t
	_, err := w.client.S.ResolveChallenge(ctx, id)
	wantErr(t, err, settlement.ErrTooEarly, "TooEarly")
	j := w.job(w.client.S, id)
	p, err := simchain.Call(w.c, w.c.Market, w.c.MarketABI.PackParams(j.ParamsID), w.c.MarketABI.UnpackParams)
	must(t, err)
	panel, err := simchain.Call(w.c, w.c.Market, w.c.MarketABI.PackGetPanel(new(big.Int).SetUint64(uint64(id)), 1), w.c.MarketABI.UnpackGetPanel)
	must(t, err)
	w.c.AdvanceTo(panel.RevealBy + uint64(p.VoteRevealWindow) + 1)
}

func balances(w *challengeWorld, as ...*actor) []*big.Int {
	out := make([]*big.Int, len(as))
	for i, a := range as {
		out[i] = w.balance(w.client.S, a.Addr)
	}
	return out
}

// TestChallengeUpheld: the verifiers disagree with the result; the client is refunded and the
// provider slashed.
func TestChallengeUpheld(t *testing.T) {
	w := newChallengeWorld(t)
	id := w.committedJob()

	wantErr(t, w.ps[0].S.Challenge(ctx, id), settlement.ErrNotAllowed, "SelfChallenge")
	vs := w.drawn(id)
	wantErr(t, w.client.S.Challenge(ctx, id), settlement.ErrWrongStatus, "-")
	wantErr(t, w.client.S.CommitVote(ctx, id, []byte("x"), simchain.Salt()), settlement.ErrNotAllowed, "-")
	wantErr(t, w.ps[0].S.CommitVote(ctx, id, []byte("x"), simchain.Salt()), settlement.ErrNotAllowed, "-")
	wantInt(t, "challenger tokens", w.tokens(w.challenger.Addr), deploy.Token(90))
	for _, v := range vs {
		wantInt(t, v.Name+" locked", w.providerInfo(w.client.S, v.Addr).Locked, deploy.Token(5))
	}

	before := balances(w, vs...)
	w.vote(id, vs, []byte("bafy-the-real-result"))
	w.passAppealWindow(id)
	outcome, err := w.client.S.ResolveChallenge(ctx, id)
	must(t, err)
	if outcome != settlement.OutcomeUpheld {
		t.Fatalf("outcome %s, want upheld", outcome)
	}
	j := w.job(w.challenger.S, id)
	wantStatus(t, j, settlement.StatusRefunded)
	if !bytes.Equal(j.ResultCID, w.cid) {
		t.Fatalf("refunded job lost its result CID: %+v", j)
	}

	k := int64(len(vs))
	wantInt(t, "client balance", w.balance(w.client.S, w.client.Addr), w.payment)
	wantInt(t, "challenger balance", w.balance(w.client.S, w.challenger.Addr), add(deploy.Token(10), div(mul(w.collat, 5000), 10_000)))
	share := div(div(mul(w.collat, 3000), 10_000), k)
	for i, v := range vs {
		wantInt(t, v.Name+" balance", w.balance(w.client.S, v.Addr), add(before[i], share))
		wantInt(t, v.Name+" locked", w.providerInfo(w.client.S, v.Addr).Locked, new(big.Int))
	}
	info := w.providerInfo(w.client.S, w.ps[0].Addr)
	wantInt(t, "p0 staked", info.Staked, sub(deploy.Token(200), w.collat))
	wantInt(t, "p0 locked", info.Locked, new(big.Int))
	wantErr(t, w.client.S.Finalize(ctx, id), settlement.ErrWrongStatus, "-")
	_, err = w.client.S.ResolveChallenge(ctx, id)
	wantErr(t, err, settlement.ErrWrongStatus, "-")

	got, err := w.challenger.S.Withdraw(ctx)
	must(t, err)
	wantInt(t, "challenger withdrew", got, add(deploy.Token(10), div(mul(w.collat, 5000), 10_000)))
}

// TestChallengeRejected: the verifiers agree with the result; the challenger loses the bond,
// the job is cleared and finalizable at once.
func TestChallengeRejected(t *testing.T) {
	w := newChallengeWorld(t)
	id := w.committedJob()
	vs := w.drawn(id)
	wantErr(t, w.client.S.Finalize(ctx, id), settlement.ErrWrongStatus, "-")

	before := balances(w, vs...)
	w.vote(id, vs, w.cid)
	w.passAppealWindow(id)
	outcome, err := w.ps[4].S.ResolveChallenge(ctx, id)
	must(t, err)
	if outcome != settlement.OutcomeRejected {
		t.Fatalf("outcome %s, want rejected", outcome)
	}
	j := w.job(w.client.S, id)
	wantStatus(t, j, settlement.StatusCleared)
	if !j.Finalizable(w.chainTime()) {
		t.Fatal("cleared job is not finalizable")
	}
	bondShare := div(deploy.Token(10), int64(len(vs))+1)
	for i, v := range vs {
		wantInt(t, v.Name+" balance", w.balance(w.client.S, v.Addr), add(before[i], bondShare))
	}
	wantInt(t, "p0 balance", w.balance(w.client.S, w.ps[0].Addr), bondShare)
	wantInt(t, "challenger balance", w.balance(w.client.S, w.challenger.Addr), new(big.Int))

	must(t, w.client.S.Finalize(ctx, id)) // no need to wait out the window
	wantStatus(t, w.job(w.challenger.S, id), settlement.StatusFinalized)
	wantInt(t, "p0 balance", w.balance(w.client.S, w.ps[0].Addr), add(bondShare, sub(w.payment, fee(w.payment))))
	wantInt(t, "p0 locked", w.providerInfo(w.client.S, w.ps[0].Addr).Locked, new(big.Int))
}

// TestChallengeInconclusive: no verifier reveals; the bond goes back, the silent verifiers are
// slashed, and the job is cleared for finalize.
func TestChallengeInconclusive(t *testing.T) {
	w := newChallengeWorld(t)
	id := w.committedJob()
	vs := w.drawn(id)
	must(t, vs[0].S.CommitVote(ctx, id, w.cid, simchain.Salt())) // commits, never reveals
	w.c.Advance(10 * time.Second)
	wantErr(t, vs[len(vs)-1].S.CommitVote(ctx, id, w.cid, simchain.Salt()), settlement.ErrTooLate, "TooLate")
	w.c.Advance(11 * time.Second)
	outcome, err := w.client.S.ResolveChallenge(ctx, id)
	must(t, err)
	if outcome != settlement.OutcomeInconclusive {
		t.Fatalf("outcome %s, want inconclusive", outcome)
	}
	wantStatus(t, w.job(w.client.S, id), settlement.StatusCleared)
	wantInt(t, "challenger balance", w.balance(w.client.S, w.challenger.Addr), deploy.Token(10))
	for _, v := range vs {
		info := w.providerInfo(w.client.S, v.Addr)
		wantInt(t, v.Name+" staked", info.Staked, deploy.Token(195))
		wantInt(t, v.Name+" locked", info.Locked, new(big.Int))
	}
	must(t, w.challenger.S.Finalize(ctx, id))
	wantStatus(t, w.job(w.client.S, id), settlement.StatusFinalized)
	wantInt(t, "p0 balance", w.balance(w.client.S, w.ps[0].Addr), sub(w.payment, fee(w.payment)))
}

// TestDrawReanchored: when the anchor block's hash has aged out, the draw sets a new anchor
// (ErrTooEarly), and drawing after the new anchor is a new step that draws.
func TestDrawReanchored(t *testing.T) {
	w := newChallengeWorld(t)
	id := w.committedJob()
	must(t, w.challenger.S.Challenge(ctx, id))
	w.c.Mine(260)
	since := w.challenger.Sender.Mark()
	_, err := w.challenger.S.DrawVerifiers(ctx, id)
	wantErr(t, err, settlement.ErrTooEarly, "-")
	if n := len(since()); n != 1 {
		t.Fatalf("re-anchoring sent %d transactions, want 1", n)
	}
	w.c.Mine(2)
	vs, err := w.challenger.S.DrawVerifiers(ctx, id)
	must(t, err)
	if len(vs) == 0 {
		t.Fatal("no verifiers drawn after the re-anchor")
	}
	if sent := since(); len(sent) != 2 || sent[0].tx.ID == sent[1].tx.ID {
		t.Fatalf("draws sent %v; want two transactions with different IDs", ids(sent))
	}
}

// TestChallengeAppealed: the first panel upholds a correct result; the provider appeals, the
// final panel rejects the challenge, and the provider gets its appeal bond back with its
// share of the challenger's bond; the first panel's votes, overturned, lose their collateral.
// The appeal is reported as an event.
func TestChallengeAppealed(t *testing.T) {
	w := newChallengeWorld(t)
	id := w.committedJob()
	vs := w.drawn(id)
	w.vote(id, vs, []byte("bafy-a-wrong-verdict"))

	bond, err := simchain.Call(w.c, w.c.Market, w.c.MarketABI.PackAppealBond(w.job(w.client.S, id).ParamsID), w.c.MarketABI.UnpackAppealBond)
	must(t, err)
	tokens := w.tokens(w.ps[0].Addr)
	wantErr(t, w.challenger.S.Appeal(ctx, id), settlement.ErrInsufficient, "-")
	wantErr(t, w.ps[4].S.Appeal(ctx, id), settlement.ErrNotAllowed, "NotAppealable")
	must(t, w.ps[0].S.Appeal(ctx, id))
	wantStatus(t, w.job(w.client.S, id), settlement.StatusChallenged)
	wantInt(t, "p0 tokens after the appeal", w.tokens(w.ps[0].Addr), sub(tokens, bond))
	// The first panel's votes stay locked until the final verdict judges them.
	vcol := w.c.Config.Market.VerifierCollateral
	for _, v := range vs {
		wantInt(t, v.Name+" locked after the appeal", w.providerInfo(w.client.S, v.Addr).Locked, vcol)
	}
	// Appealing again is the same step: its remembered outcome, no transaction.
	since := w.ps[0].Sender.Mark()
	must(t, w.ps[0].S.Appeal(ctx, id))
	if len(since()) != 0 {
		t.Fatalf("a repeated appeal sent %d transactions", len(since()))
	}

	// The final panel: every eligible provider (four here, fewer than APPEAL_VERIFIERS).
	for range 2 {
		w.c.Mine(1)
	}
	final, err := w.challenger.S.DrawVerifiers(ctx, id)
	must(t, err)
	if len(final) != len(w.ps)-1 {
		t.Fatalf("final panel %v, want the %d eligible providers", final, len(w.ps)-1)
	}
	var fs []*actor
	for _, v := range final {
		fs = append(fs, w.ps[slices.IndexFunc(w.ps, func(p *actor) bool { return p.Addr == v })])
	}
	before := balances(w, fs...)
	w.vote(id, fs, w.cid)
	// The final verdict has no appeal window.
	outcome, err := w.client.S.ResolveChallenge(ctx, id)
	must(t, err)
	if outcome != settlement.OutcomeRejected {
		t.Fatalf("outcome %s, want rejected", outcome)
	}
	share := div(deploy.Token(10), int64(len(fs))+1)
	wantInt(t, "p0 balance", w.balance(w.client.S, w.ps[0].Addr), add(bond, share))
	for i, v := range fs {
		wantInt(t, v.Name+" balance", w.balance(w.client.S, v.Addr), add(before[i], share))
	}
	wantStatus(t, w.job(w.client.S, id), settlement.StatusCleared)
	// The first panel upheld what the final panel rejected: each of its votes lost its verifier
	// collateral (nobody on it voted right, so nobody shares it).
	for _, v := range vs {
		info := w.providerInfo(w.client.S, v.Addr)
		wantInt(t, v.Name+" locked after the final verdict", info.Locked, new(big.Int))
		wantInt(t, v.Name+" staked after the final verdict", info.Staked, sub(deploy.Token(200), vcol))
	}

	evs, _ := allEvents(t, onchain.NewEventReader(w.c.Client, w.c.Addr), settlement.Cursor{}, 0)
	var appeals []settlement.Event
	for _, e := range ofJob(evs, id) {
		if e.Kind == settlement.EventAppealOpened {
			appeals = append(appeals, e)
		}
	}
	if len(appeals) != 1 || appeals[0].Account != w.ps[0].Addr || appeals[0].Amount.Cmp(bond) != 0 ||
		appeals[0].Outcome != settlement.OutcomeUpheld || appeals[0].Anchor == 0 {
		t.Fatalf("appeal events %+v", appeals)
	}
}
