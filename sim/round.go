package sim

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
)

// Panel kinds of the market's commitmentFor.
const (
	panelReplicas  = 0
	panelVerifiers = 1
)

// Challenge outcomes of the market's ChallengeResolved.
const (
	outcomeRejected     = 0
	outcomeUpheld       = 1
	outcomeInconclusive = 2
)

// slashChallengeUpheld is the market's SlashReason.ChallengeUpheld.
const slashChallengeUpheld = 5

// statusChallenged is the market's Status.Challenged.
const statusChallenged = 4

func ethereumCall(to common.Address, data []byte) ethereum.CallMsg {
	return ethereum.CallMsg{To: &to, Data: data}
}

// wave is one round of jobs in flight, played one block (phase) at a time: post, accept,
// commit (replicas: commit, reveal, resolve), challenge, the anchor block, draw, commit votes,
// reveal votes, appeals (the anchor block, the final panels' draw, commit and reveal votes),
// resolve once the appeal windows have passed, and finalize once the challenge windows have
// passed. Run plays a
// wave's phases back to back; a Session pauses between them so outside agents can act.
type wave struct {
	n          int
	t0         uint64
	jobs       []*job
	replicated bool
	challenged []*job
	appealed   []*job
	next       int              // index into phases of the next phase to play
	seats      map[*agent]int64 // seats each provider holds this wave
}

// phase is one step of a wave: it queues its transactions and seals them in one block.
// A phase with nothing to do returns false without sealing a block.
type phase struct {
	name string
	play func(r *runner, ctx context.Context, w *wave) (bool, error)
}

// Phase names, as a Session reports the next one.
const (
	PhasePost            = "post"
	PhaseAccept          = "accept"
	PhaseCommit          = "commit"
	PhaseRevealReplicas  = "reveal-replicas"
	PhaseResolveReplicas = "resolve-replicas"
	PhaseChallenge       = "challenge"
	PhaseAnchor          = "anchor"
	PhaseDraw            = "draw"
	PhaseCommitVotes     = "commit-votes"
	PhaseRevealVotes     = "reveal-votes"
	PhaseAppeal          = "appeal"
	PhaseAppealAnchor    = "appeal-anchor"
	PhaseFinalDraw       = "final-draw"
	PhaseFinalCommit     = "final-commit-votes"
	PhaseFinalReveal     = "final-reveal-votes"
	PhaseResolve         = "resolve"
	PhaseFinalize        = "finalize"
)

var phases = []phase{
	{PhasePost, (*runner).post},
	{PhaseAccept, (*runner).accept},
	{PhaseCommit, (*runner).commit},
	{PhaseRevealReplicas, (*runner).revealReplicas},
	{PhaseResolveReplicas, (*runner).resolveReplicas},
	{PhaseChallenge, (*runner).challenge},
	{PhaseAnchor, (*runner).anchor},
	{PhaseDraw, (*runner).drawPanels},
	{PhaseCommitVotes, (*runner).commitVotes},
	{PhaseRevealVotes, (*runner).revealVotes},
	{PhaseAppeal, (*runner).appeal},
	{PhaseAppealAnchor, (*runner).appealAnchor},
	{PhaseFinalDraw, (*runner).finalDraw},
	{PhaseFinalCommit, (*runner).finalCommitVotes},
	{PhaseFinalReveal, (*runner).finalRevealVotes},
	{PhaseResolve, (*runner).resolve},
	{PhaseFinalize, (*runner).finalize},
}

// round plays n jobs from posting to settlement, one block per phase.
func (r *runner) round(ctx context.Context, n int) error {
	w := &wave{n: n}
	for w.next < len(phases) {
		if _, err := r.playPhase(ctx, w); err != nil {
			return err
		}
	}
	return nil
}

// playPhase plays the wave's next phase and reports whether it sealed a block.
func (r *runner) playPhase(ctx context.Context, w *wave) (bool, error) {
	p := phases[w.next]
	w.next++
	return p.play(r, ctx, w)
}

func (r *runner) post(ctx context.Context, w *wave) (bool, error) {
	cfg := r.cfg
	w.t0 = r.ch.now() + 1
	t0 := w.t0
	w.jobs = make([]*job, w.n)
	// Seats each provider took this wave: a provider takes a seat only while its stake covers
	// the collateral of all its seats (acceptJob would revert InsufficientFreeStake otherwise).
	// Every stake is whole again at the wave's start (refill), nothing is locked.
	w.seats = map[*agent]int64{}
	seats, room := w.seats, func(a *agent) bool { return r.room(w, a) }
	for i := range w.jobs {
		idx := len(r.jobs)
		spec := crypto.Keccak256Hash([]byte(fmt.Sprintf("brine/sim/%d/spec/%d", cfg.Seed, idx)))
		j := &job{index: idx, spec: spec, truth: TrueResult(spec), client: r.clients[r.rng.IntN(len(r.clients))], open: true}
		replicas := 1
		if r.rng.Float64() < cfg.Replicated {
			replicas = cfg.Replicas
		}
		for _, p := range r.rng.Perm(len(r.providers)) {
			if len(j.seats) == replicas {
				break
			}
			if a := r.providers[p]; room(a) {
				seats[a]++
				j.seats = append(j.seats, a)
			}
		}
		if len(j.seats) < replicas {
			return false, fmt.Errorf("%w: job %d needs %d providers with %s base units of free stake; %d have it left this round (lower the collateral or the wave)", ErrConfig, idx, replicas, cfg.Collateral, len(j.seats))
		}
		w.jobs[i] = j
		r.jobs = append(r.jobs, j)
		req := bindings.JobMarketJobRequest{
			SpecHash: spec, Payment: cfg.Payment, Collateral: cfg.Collateral, Replicas: uint8(replicas),
			AcceptBy: t0 + acceptIn, ResultBy: t0 + acceptIn + resultIn, ChallengeWindow: challengeWindow,
		}
		j.part(j.client, "client")
		r.ch.queue(j.client.key, r.addrs.Market, r.market.PackPostJob(req), gasPost, "postJob", j)
	}
	return true, r.step(ctx, t0)
}

// room reports whether a's stake covers the collateral of one more seat this wave.
func (r *runner) room(w *wave, a *agent) bool {
	need := new(big.Int).Mul(r.cfg.Collateral, big.NewInt(w.seats[a]+1))
	return need.Cmp(a.stake) <= 0
}

// accept: the providers the job was offered to take it (N>1: a seat each, in seat order). A
// seat an outside agent declines is offered to another provider with room for it, drawn as
// post draws; when none has room the decliner keeps it (a note says so).
func (r *runner) accept(ctx context.Context, w *wave) (bool, error) {
	for _, j := range w.jobs {
		for i, s := range j.seats {
			if s.declines(j) {
				if sub := r.substitute(w, j); sub != nil {
					w.seats[s]--
					w.seats[sub]++
					j.seats[i] = sub
					r.note(s, j, "declined: the seat went to %s", sub.addr)
					r.note(sub, j, "offered the seat %s declined", s.addr)
					s = sub
				} else {
					r.note(s, j, "decline refused: no other provider has free stake for the seat, so it is taken")
				}
			}
			j.part(s, "provider")
			r.ch.queue(s.key, r.addrs.Market, r.market.PackAcceptJob(j.id, j.rec), gasAccept, "acceptJob", j)
		}
	}
	return true, r.step(ctx, 0)
}

// substitute is a provider to take a seat of j that its holder declined: not seated on j, not
// declining j, with room for the collateral.
func (r *runner) substitute(w *wave, j *job) *agent {
	for _, p := range r.rng.Perm(len(r.providers)) {
		if a := r.providers[p]; !slices.Contains(j.seats, a) && !a.declines(j) && r.room(w, a) {
			return a
		}
	}
	return nil
}

// commit: each seat's strategy says what it commits.
func (r *runner) commit(ctx context.Context, w *wave) (bool, error) {
	for _, j := range w.jobs {
		j.results = make([][]byte, len(j.seats))
		j.salts = make([][32]byte, len(j.seats))
		for i, s := range j.seats {
			res := s.strategy.Run(j.view(s, r.rng))
			j.results[i] = res
			j.part(s, "provider").wrong = !bytes.Equal(res, j.truth)
			if len(j.seats) == 1 {
				r.ch.queue(s.key, r.addrs.Market, r.market.PackCommitResult(j.id, j.rec, res), gasCommit, "commitResult", j)
				continue
			}
			w.replicated = true
			j.salts[i] = r.salt("replica", j, i)
			cm, err := r.commitment(ctx, j, panelReplicas, s.addr, res, j.salts[i])
			if err != nil {
				return false, err
			}
			r.ch.queue(s.key, r.addrs.Market, r.market.PackCommitReplica(j.id, uint8(i), cm), gasPanel, "commitReplica", j)
		}
		if len(j.seats) == 1 {
			j.committed = j.results[0]
		}
	}
	return true, r.step(ctx, 0)
}

func (r *runner) revealReplicas(ctx context.Context, w *wave) (bool, error) {
	if !w.replicated {
		return false, nil
	}
	for _, j := range w.jobs {
		for i, s := range j.seats {
			if len(j.seats) > 1 {
				r.ch.queue(s.key, r.addrs.Market, r.market.PackRevealReplica(j.id, uint8(i), j.results[i], j.salts[i]), gasPanel, "revealReplica", j)
			}
		}
	}
	return true, r.step(ctx, 0)
}

func (r *runner) resolveReplicas(ctx context.Context, w *wave) (bool, error) {
	if !w.replicated {
		return false, nil
	}
	for _, j := range w.jobs {
		if len(j.seats) > 1 {
			r.ch.queue(r.owner, r.addrs.Market, r.market.PackResolveReplicas(j.id, j.rec), gasResolveR, "resolveReplicas", j)
		}
	}
	return true, r.step(ctx, 0)
}

// challenge: the client first, then the replicas the majority outvoted (their collateral is
// locked until the job ends and slashed at finalize unless a challenge is upheld), then the
// cartel, then the griefer; one challenge per job. An outside agent's challenge (a Session's)
// goes before all of them.
func (r *runner) challenge(ctx context.Context, w *wave) (bool, error) {
	var sent []*job
	for _, j := range w.jobs {
		if !j.open || j.committed == nil {
			continue
		}
		for _, a := range slices.Concat(r.remoteChallengers(j), []*agent{j.client}, j.minority(), r.challenger) {
			if a.strategy.Challenge(j.view(a, r.rng)) {
				j.challenger = a
				j.part(a, "challenger")
				r.ch.queue(a.key, r.addrs.Market, r.market.PackChallenge(j.id, j.rec), gasChall, "challenge", j)
				sent = append(sent, j)
				break
			}
		}
	}
	if len(sent) == 0 {
		return false, nil
	}
	if err := r.step(ctx, 0); err != nil {
		return false, err
	}
	// Only a challenge the market opened goes on (an outside agent's may revert).
	for _, j := range sent {
		if j.rec.Status == statusChallenged {
			w.challenged = append(w.challenged, j)
			continue
		}
		j.dropPart(j.challenger)
		j.challenger = nil
	}
	return true, nil
}

// anchor seals the anchor block: the draw is seeded by its hash, unknown when the challenge was sent.
func (r *runner) anchor(ctx context.Context, w *wave) (bool, error) {
	if len(w.challenged) == 0 {
		return false, nil
	}
	return true, r.step(ctx, 0)
}

func (r *runner) drawPanels(ctx context.Context, w *wave) (bool, error) {
	if len(w.challenged) == 0 {
		return false, nil
	}
	for _, j := range w.challenged {
		r.ch.queue(r.owner, r.addrs.Market, r.market.PackDrawVerifiers(j.id, j.rec), gasDraw, "drawVerifiers", j)
	}
	return true, r.step(ctx, 0)
}

func (r *runner) commitVotes(ctx context.Context, w *wave) (bool, error) {
	return r.vote(ctx, w.challenged, false)
}

// vote commits the drawn verifiers' votes of js: the first panels, or the final ones.
func (r *runner) vote(ctx context.Context, js []*job, final bool) (bool, error) {
	if len(js) == 0 {
		return false, nil
	}
	kind := "vote"
	if final {
		kind = "final-vote"
	}
	for _, j := range js {
		r.countDraw(j, final)
		j.votes = make([][]byte, len(j.drawn))
		j.withheld = make([]bool, len(j.drawn))
		j.vsalts = make([][32]byte, len(j.drawn))
		for i, v := range j.drawn {
			vote := v.strategy.Vote(j.view(v, r.rng))
			j.votes[i] = vote
			j.vsalts[i] = r.salt(kind, j, i)
			j.part(v, "verifier").wrong = !bytes.Equal(vote, j.truth)
			cm, err := r.commitment(ctx, j, panelVerifiers, v.addr, vote, j.vsalts[i])
			if err != nil {
				return false, err
			}
			r.ch.queue(v.key, r.addrs.Market, r.market.PackCommitVote(j.id, uint8(i), cm), gasPanel, "commitVote", j)
		}
	}
	return true, r.step(ctx, 0)
}

func (r *runner) revealVotes(ctx context.Context, w *wave) (bool, error) {
	return r.reveal(ctx, w.challenged, false)
}

// reveal reveals the votes of js's drawn verifiers (the first panels, or the final ones), but
// for an outside agent's that it withholds: the market counts that seat silent.
func (r *runner) reveal(ctx context.Context, js []*job, final bool) (bool, error) {
	if len(js) == 0 {
		return false, nil
	}
	for _, j := range js {
		for i, v := range j.drawn {
			if v.withholds(j, final) {
				j.withheld[i] = true
				r.note(v, j, "vote withheld: the seat is silent")
				continue
			}
			r.ch.queue(v.key, r.addrs.Market, r.market.PackRevealVote(j.id, uint8(i), j.votes[i], j.vsalts[i]), gasPanel, "revealVote", j)
		}
	}
	return true, r.step(ctx, 0)
}

// firstVerdict is the first panel's verdict by the market's rule: a strict majority of the
// drawn seats, of the revealed votes (a withheld one counts for neither side).
func (j *job) firstVerdict() uint8 {
	agree, disagree := 0, 0
	for i, v := range j.votes {
		if j.withheld[i] {
			continue
		}
		if bytes.Equal(v, j.committed) {
			agree++
		} else {
			disagree++
		}
	}
	switch k := len(j.drawn); {
	case 2*agree > k:
		return outcomeRejected
	case 2*disagree > k:
		return outcomeUpheld
	}
	return outcomeInconclusive
}

// minority are j's replicas whose revealed result is not the committed one (N>1), seat order.
// A silent replica is not among them: it was slashed at resolveReplicas.
func (j *job) minority() []*agent {
	var out []*agent
	if len(j.seats) < 2 {
		return nil
	}
	for i, s := range j.seats {
		if i < len(j.results) && j.results[i] != nil && !bytes.Equal(j.results[i], j.committed) {
			out = append(out, s)
		}
	}
	return out
}

// silent reports whether a seat of j's panel in play withheld its vote.
func (j *job) silent() bool { return slices.Contains(j.withheld, true) }

// appealSide is who may appeal j's first verdict by the market's rule: against Upheld the
// job's providers in its majority, against Rejected the challenger; nobody against an
// Inconclusive one.
func (j *job) appealSide(first uint8) []*agent {
	switch first {
	case outcomeUpheld:
		var side []*agent
		for i, s := range j.seats {
			if bytes.Equal(j.results[i], j.committed) {
				side = append(side, s)
			}
		}
		return side
	case outcomeRejected:
		return []*agent{j.challenger}
	}
	return nil
}

// appeal: the side the first panel ruled against decides whether to appeal: against Upheld
// the job's provider (for N>1, the first replica in its majority, or an outside agent of the
// majority that asked to appeal), against Rejected the challenger. An outside agent that asked
// to appeal a job it may not appeal sends its appeal anyway: the market refuses it, and the
// revert is a note to the agent, as is an appeal of an outside agent the market refuses.
func (r *runner) appeal(ctx context.Context, w *wave) (bool, error) {
	var sent []*job
	sides := map[*job][]*agent{}
	for _, j := range w.challenged {
		first := j.firstVerdict()
		side := j.appealSide(first)
		sides[j] = side
		var a *agent
		if i := slices.IndexFunc(side, func(s *agent) bool { return s.asksAppeal(j) }); i >= 0 {
			a = side[i]
		} else if len(side) > 0 && appeals(side[0].strategy, j.view(side[0], r.rng), first == outcomeUpheld) {
			a = side[0]
		}
		if a == nil {
			continue
		}
		j.appellant, j.first = a, first
		r.ch.queue(a.key, r.addrs.Market, r.market.PackAppeal(j.id, j.rec), gasAppeal, "appeal", j)
		sent = append(sent, j)
	}
	refused := false
	for _, j := range w.jobs {
		for _, a := range r.remotes {
			if a == j.appellant || !a.asksAppeal(j) || j.id == nil {
				continue
			}
			if slices.Contains(sides[j], a) {
				r.note(a, j, "appeal not sent: %s appeals for the same side", j.appellant.addr)
				continue
			}
			r.ch.queue(a.key, r.addrs.Market, r.market.PackAppeal(j.id, j.rec), gasAppeal, "appeal", j)
			refused = true
		}
	}
	if len(sent) == 0 && !refused {
		return false, nil
	}
	// The market takes an appeal once every verifier revealed or the reveal window closed.
	var at uint64
	for _, j := range w.challenged {
		if j.silent() {
			at = max(at, j.revealBy+1)
		}
	}
	if at <= r.ch.now() {
		at = 0
	}
	if err := r.step(ctx, at); err != nil {
		return false, err
	}
	for _, j := range sent {
		if j.drawn == nil { // AppealOpened: the final panel is drawn next
			w.appealed = append(w.appealed, j)
			continue
		}
		j.appellant = nil
	}
	return true, nil
}

// appealAnchor seals the final panels' anchor block.
func (r *runner) appealAnchor(ctx context.Context, w *wave) (bool, error) {
	if len(w.appealed) == 0 {
		return false, nil
	}
	return true, r.step(ctx, 0)
}

func (r *runner) finalDraw(ctx context.Context, w *wave) (bool, error) {
	if len(w.appealed) == 0 {
		return false, nil
	}
	for _, j := range w.appealed {
		r.ch.queue(r.owner, r.addrs.Market, r.market.PackDrawVerifiers(j.id, j.rec), gasDrawF, "drawVerifiers (final)", j)
	}
	return true, r.step(ctx, 0)
}

func (r *runner) finalCommitVotes(ctx context.Context, w *wave) (bool, error) {
	return r.vote(ctx, w.appealed, true)
}

func (r *runner) finalRevealVotes(ctx context.Context, w *wave) (bool, error) {
	return r.reveal(ctx, w.appealed, true)
}

// resolve once the first panels' appeal windows have passed (an appealed challenge's final
// panel has no window).
func (r *runner) resolve(ctx context.Context, w *wave) (bool, error) {
	if len(w.challenged) == 0 {
		return false, nil
	}
	var at uint64
	for _, j := range w.challenged {
		gas := gasResolveC
		if j.appellant != nil {
			gas = gasResolveF
			if j.silent() { // the final panel's reveal window must close first
				at = max(at, j.revealBy+1)
			}
		} else {
			at = max(at, j.revealBy+uint64(r.params.VoteRevealWindow)+1)
		}
		r.ch.queue(r.owner, r.addrs.Market, r.market.PackResolveChallenge(j.id, j.rec), uint64(gas), "resolveChallenge", j)
	}
	if at <= r.ch.now() {
		at = 0
	}
	return true, r.step(ctx, at)
}

// finalize once every window has passed: single jobs in batches ordered by provider (as the
// market suggests), replicated jobs one by one.
func (r *runner) finalize(ctx context.Context, w *wave) (bool, error) {
	var single []*job
	var ends uint64
	for _, j := range w.jobs {
		if !j.open {
			continue
		}
		ends = max(ends, j.rec.CommittedAt+uint64(j.rec.ChallengeWindow))
		if len(j.seats) == 1 {
			single = append(single, j)
			continue
		}
		r.ch.queue(r.owner, r.addrs.Market, r.market.PackFinalize(j.id, j.rec), gasFinalize, "finalize", j)
	}
	slices.SortStableFunc(single, func(a, b *job) int { return bytes.Compare(a.seats[0].addr[:], b.seats[0].addr[:]) })
	for len(single) > 0 {
		chunk := single[:min(batchMax, len(single))]
		single = single[len(chunk):]
		ids := make([]*big.Int, len(chunk))
		recs := make([]bindings.JobMarketJob, len(chunk))
		for i, j := range chunk {
			ids[i], recs[i] = j.id, j.rec
		}
		r.ch.queue(r.owner, r.addrs.Market, r.market.PackFinalizeBatch(ids, recs), gasFinalize+gasBatchJob*uint64(len(chunk)), "finalizeBatch", nil)
	}
	if err := r.step(ctx, ends); err != nil {
		return false, err
	}
	for _, j := range w.jobs {
		if j.open {
			return false, fmt.Errorf("sim: job %s still open after its round", j.id)
		}
	}
	return true, r.refill(ctx, w.jobs)
}

// refill stakes again, from the provider's wallet, what slashes took from a provider's stake,
// so the population stays the same from round to round (queued for the next round's first
// block). It moves tokens from wallet to stake: no profit or loss.
func (r *runner) refill(ctx context.Context, jobs []*job) error {
	seen := map[common.Address]bool{}
	for _, j := range jobs {
		for _, p := range j.parts {
			if !p.slashed || !p.agent.provider || seen[p.agent.addr] {
				continue
			}
			seen[p.agent.addr] = true
			info, err := call(ctx, r, r.addrs.Registry, r.reg.PackProviderInfo(p.agent.addr), r.reg.UnpackProviderInfo)
			if err != nil {
				return err
			}
			if info.Locked.Sign() != 0 {
				return fmt.Errorf("sim: %s still has %s locked after its round", p.agent.name, info.Locked)
			}
			if short := new(big.Int).Sub(p.agent.stake, info.Staked); short.Sign() > 0 {
				r.ch.queue(p.agent.key, r.addrs.Registry, r.reg.PackStake(short), gasStake, "stake (refill) "+p.agent.name, nil)
			}
		}
	}
	return nil
}

// salt is a commit-reveal salt, from the seed.
func (r *runner) salt(kind string, j *job, seat int) [32]byte {
	return crypto.Keccak256Hash([]byte(fmt.Sprintf("brine/sim/%d/salt/%s/%d/%d", r.cfg.Seed, kind, j.index, seat)))
}

// commitment is a panel member's commitment, the market's commitmentFor computed in Go
// (commitment.go).
func (r *runner) commitment(_ context.Context, j *job, kind uint8, member common.Address, res []byte, salt [32]byte) ([32]byte, error) {
	return commitmentFor(r.ch.chainID, r.addrs.Market, j.id, kind, member, crypto.Keccak256Hash(res), salt), nil
}

// countDraw records the draw's panel against the cartel's share of the providers it could
// have drawn: every provider is active with free stake (refill keeps them so), and the market
// excludes the job's own providers and the challenger (a client is never a provider here).
func (r *runner) countDraw(j *job, final bool) {
	d := draw{eligible: len(r.providers) - len(j.seats), cartel: len(r.cartel.members), k: len(j.drawn)}
	// A provider challenging (an outside one, not a replica already excluded): never drawn.
	if j.challenger != nil && j.challenger.provider && !slices.Contains(j.seats, j.challenger) {
		d.eligible--
	}
	for _, s := range j.seats {
		if s.cartel {
			d.cartel--
		}
	}
	for _, v := range j.drawn {
		if v.cartel {
			d.members++
		}
	}
	if final {
		r.finalDraws = append(r.finalDraws, d)
		return
	}
	r.draws = append(r.draws, d)
}

// step seals the queued transactions in one block (at `at`, or one second after the head when
// at is 0) and folds their events into the jobs they were for.
func (r *runner) step(ctx context.Context, at uint64) error {
	ms, err := r.ch.seal(ctx, at)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if m.failed != nil {
			r.note(r.byAddr[m.from.addr], m.job, "%v", m.failed)
			continue
		}
		if err := r.absorb(m); err != nil {
			return err
		}
	}
	return nil
}

// absorb reads one receipt's market events: the job's new record, who was drawn, and every
// token that moved to or from an agent because of the job.
func (r *runner) absorb(m mined) error {
	batch := m.what == "finalizeBatch"
	for _, l := range m.receipt.Logs {
		if l.Address != r.addrs.Market || len(l.Topics) == 0 {
			continue
		}
		j := m.job
		switch l.Topics[0] {
		case r.market.GetABI().Events["JobPosted"].ID:
			ev, err := r.market.UnpackJobPostedEvent(l)
			if err != nil {
				return err
			}
			j.id, j.rec = ev.Id, ev.Job
			if j.id.Cmp(big.NewInt(int64(j.index+1))) != 0 {
				return fmt.Errorf("sim: job %d got ID %s: the simulator expects the market to number jobs 1, 2, ... in posting order", j.index, j.id)
			}
			j.part(j.client, "client").delta.Sub(j.part(j.client, "client").delta, ev.Job.Payment)
		case r.market.GetABI().Events["JobAccepted"].ID:
			ev, err := r.market.UnpackJobAcceptedEvent(l)
			if err != nil {
				return err
			}
			j.rec = ev.Job
		case r.market.GetABI().Events["ReplicaAccepted"].ID:
			ev, err := r.market.UnpackReplicaAcceptedEvent(l)
			if err != nil {
				return err
			}
			if int(ev.Index) >= len(j.seats) || j.seats[ev.Index].addr != ev.Provider {
				return fmt.Errorf("sim: job %s: seat %d went to %s, not in the order sent", j.id, ev.Index, ev.Provider)
			}
		case r.market.GetABI().Events["ResultCommitted"].ID:
			ev, err := r.market.UnpackResultCommittedEvent(l)
			if err != nil {
				return err
			}
			j.rec = ev.Job
		case r.market.GetABI().Events["ReplicasResolved"].ID:
			ev, err := r.market.UnpackReplicasResolvedEvent(l)
			if err != nil {
				return err
			}
			j.rec = ev.Job
			if !ev.Agreed {
				j.open = false
				break
			}
			for _, res := range j.results {
				if crypto.Keccak256Hash(res) == ev.Job.Result {
					j.committed = res
				}
			}
		case r.market.GetABI().Events["ChallengeOpened"].ID:
			ev, err := r.market.UnpackChallengeOpenedEvent(l)
			if err != nil {
				return err
			}
			j.rec = ev.Job
			p := j.part(r.byAddr[ev.Challenger], "challenger")
			p.delta.Sub(p.delta, ev.Bond)
			for _, a := range append([]*agent{p.agent, j.client}, j.seats...) {
				r.note(a, j, "challenged by %s (bond %s base units)", ev.Challenger, ev.Bond)
			}
		case r.market.GetABI().Events["VerifiersDrawn"].ID:
			ev, err := r.market.UnpackVerifiersDrawnEvent(l)
			if err != nil {
				return err
			}
			j.revealBy = ev.RevealBy
			for _, v := range ev.Verifiers {
				a := r.byAddr[v]
				if a == nil || !a.provider {
					return fmt.Errorf("sim: job %s drew %s, not a provider of the run", j.id, v)
				}
				j.drawn = append(j.drawn, a)
				j.part(a, "verifier")
				r.note(a, j, "drawn as verifier %d", len(j.drawn)-1)
			}
		case r.market.GetABI().Events["AppealOpened"].ID:
			ev, err := r.market.UnpackAppealOpenedEvent(l)
			if err != nil {
				return err
			}
			a := r.byAddr[ev.Appellant]
			if a == nil {
				return fmt.Errorf("sim: job %s appealed by %s, not an agent", j.id, ev.Appellant)
			}
			p := j.part(a, "challenger")
			p.delta.Sub(p.delta, ev.Bond)
			j.drawn, j.votes, j.vsalts, j.withheld = nil, nil, nil, nil // the final panel is drawn next
			for _, x := range append([]*agent{j.challenger, j.client}, j.seats...) {
				r.note(x, j, "the verdict (%s) appealed by %s (bond %s base units)", outcomeName(ev.FirstOutcome), ev.Appellant, ev.Bond)
			}
		case r.market.GetABI().Events["FirstPanelJudged"].ID:
			ev, err := r.market.UnpackFirstPanelJudgedEvent(l)
			if err != nil {
				return err
			}
			r.firstJudged.Panels++
			r.firstJudged.Kept += int(ev.Kept)
			r.firstJudged.Slashed += int(ev.Slashed)
		case r.market.GetABI().Events["ChallengeResolved"].ID:
			ev, err := r.market.UnpackChallengeResolvedEvent(l)
			if err != nil {
				return err
			}
			j.outcome = ev.Outcome
			for _, a := range append([]*agent{j.challenger, j.client}, j.seats...) {
				r.note(a, j, "challenge resolved: %s", outcomeName(ev.Outcome))
			}
			if ev.Outcome == outcomeUpheld {
				j.open = false
			} else {
				j.rec = ev.Job
				j.cleared = true
			}
		case r.market.GetABI().Events["CollateralSlashed"].ID:
			ev, err := r.market.UnpackCollateralSlashedEvent(l)
			if err != nil {
				return err
			}
			a := r.byAddr[ev.Account]
			if a == nil {
				return fmt.Errorf("sim: job %s slashed %s, not an agent", ev.Id, ev.Account)
			}
			sj := r.byIDJob(ev.Id)
			p := sj.part(a, "provider")
			p.delta.Sub(p.delta, ev.Amount)
			p.slashed = true
			p.upheld = p.upheld || ev.Reason == slashChallengeUpheld
			r.note(a, sj, "slashed %s base units", ev.Amount)
		case r.market.GetABI().Events["Credited"].ID:
			if batch {
				continue // finalizeBatch credits each provider's run once: JobFinalized says per job
			}
			ev, err := r.market.UnpackCreditedEvent(l)
			if err != nil {
				return err
			}
			a := r.byAddr[ev.Account]
			if a == nil {
				return fmt.Errorf("sim: job %s credited %s, not an agent", j.id, ev.Account)
			}
			p := j.part(a, "provider")
			p.delta.Add(p.delta, ev.Amount)
			r.note(a, j, "credited %s base units", ev.Amount)
		case r.market.GetABI().Events["JobFinalized"].ID:
			ev, err := r.market.UnpackJobFinalizedEvent(l)
			if err != nil {
				return err
			}
			fj := r.byIDJob(ev.Id)
			fj.open = false
			fj.finalized = true
			if batch {
				if len(fj.seats) != 1 || fj.seats[0].addr != ev.Provider {
					return fmt.Errorf("sim: batch finalized job %s for %s, not its provider", ev.Id, ev.Provider)
				}
				p := fj.part(fj.seats[0], "provider")
				p.delta.Add(p.delta, ev.Paid)
				r.note(fj.seats[0], fj, "paid %s base units", ev.Paid)
			}
		}
	}
	return nil
}

// byIDJob is the job with on-chain ID id (the market numbers jobs 1, 2, ... in posting order).
func (r *runner) byIDJob(id *big.Int) *job { return r.jobs[id.Int64()-1] }

func outcomeName(o uint8) string {
	switch o {
	case outcomeRejected:
		return "rejected"
	case outcomeUpheld:
		return "upheld"
	case outcomeInconclusive:
		return "inconclusive"
	}
	return fmt.Sprintf("outcome %d", o)
}
