package sim

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/deploy"
)

// Outside agents' roles: what a Session lets an agent from outside the population be.
const (
	RoleProvider   = "provider"   // staked: offered jobs, drawn as a verifier
	RoleClient     = "client"     // posts some of the jobs (the round loop picks it like any client)
	RoleChallenger = "challenger" // funded with bonds: challenges what it likes
)

// Kinds of an outside agent's action.
const (
	ActCommit    = "commit"    // the result to commit for a job the agent runs (default: the true one)
	ActVote      = "vote"      // the result to vote when drawn (default: the true one)
	ActChallenge = "challenge" // challenge a job's committed result
	ActAppeal    = "appeal"    // appeal the first panel's verdict against the agent's side (default: when its side is right)
	ActWithdraw  = "withdraw"  // send the agent's market credit to its wallet, in the next block
	ActDecline   = "decline"   // do not take a seat offered: it goes to another provider with free stake
	ActWithhold  = "withhold"  // do not reveal the agent's committed vote: the market treats the seat as silent
)

// remoteName is outside agents' row in a Report.
const remoteName = "remote"

// MaxOutside bounds a Session's outside agents: their keys are funded with gas money in the
// chain's genesis.
const MaxOutside = 256

func outsideKey(seed uint64, i int) *key { return seededKey(seed, fmt.Sprintf("outside-%d", i)) }

// maxNotes bounds what an outside agent's log keeps: the latest notes win.
const maxNotes = 200

var (
	// ErrAction is wrapped by every refusal of an outside agent's action: the action does not
	// fit the simulation's state (no such job, not the agent's seat, too late).
	ErrAction = errors.New("sim: action refused")
	// ErrFinished is returned by Round once every job of the run has settled.
	ErrFinished = errors.New("sim: every job has settled")
)

// remote is an outside agent's strategy: what it decided through Session.Act, and honest
// where it decided nothing (the round loop must commit and vote something for every seat).
type remote struct {
	role       string
	commits    map[[32]byte][]byte
	votes      map[[32]byte][]byte
	challenges map[[32]byte]bool
	appeals    map[[32]byte]bool
	withholds  map[panelSeat]bool
	declines   map[[32]byte]bool
	notes      []Note
	seq        uint64
}

// panelSeat is a job's verifier panel: the first (final false) or the final one after an appeal.
type panelSeat struct {
	spec  [32]byte
	final bool
}

func (*remote) Name() string { return remoteName }
func (o *remote) Run(v View) []byte {
	if res, ok := o.commits[v.Spec]; ok {
		return res
	}
	return v.Truth
}
func (o *remote) Vote(v View) []byte {
	if res, ok := o.votes[v.Spec]; ok {
		return res
	}
	return v.Truth
}
func (o *remote) Challenge(v View) bool { return o.challenges[v.Spec] }
func (*remote) Serves(View) bool        { return true }

// withholds reports whether a is an outside agent that refused to reveal its vote on j's
// first (final false) or final panel.
func (a *agent) withholds(j *job, final bool) bool {
	o, ok := a.strategy.(*remote)
	return ok && o.withholds[panelSeat{j.spec, final}]
}

// declines reports whether a is an outside agent that declined its seat on j.
func (a *agent) declines(j *job) bool {
	o, ok := a.strategy.(*remote)
	return ok && o.declines[j.spec]
}

// asksAppeal reports whether a is an outside agent that asked to appeal j.
func (a *agent) asksAppeal(j *job) bool {
	o, ok := a.strategy.(*remote)
	return ok && o.appeals[j.spec]
}

// Note is one thing that happened to an outside agent: a transaction of its that reverted, a
// slash, a payment, a draw, a challenge of its job. Seq numbers an agent's notes from 1.
type Note struct {
	Seq   uint64 `json:"seq"`
	Block uint64 `json:"block"`
	Job   uint64 `json:"job,omitempty"`
	Text  string `json:"text"`
}

// note records what happened to a, if a is an outside agent.
func (r *runner) note(a *agent, j *job, format string, args ...any) {
	if a == nil {
		return
	}
	o, ok := a.strategy.(*remote)
	if !ok {
		return
	}
	o.seq++
	n := Note{Seq: o.seq, Block: r.ch.head(), Text: fmt.Sprintf(format, args...)}
	if j != nil && j.id != nil {
		n.Job = j.id.Uint64()
	}
	o.notes = append(o.notes, n)
	if len(o.notes) > maxNotes {
		o.notes = slices.Delete(o.notes, 0, len(o.notes)-maxNotes)
	}
}

// remoteChallengers are the outside agents that decided to challenge j and may (none of its
// providers: the market refuses a self-challenge).
func (r *runner) remoteChallengers(j *job) []*agent {
	var out []*agent
	for _, a := range r.remotes {
		if a.strategy.(*remote).challenges[j.spec] && !slices.Contains(j.seats, a) {
			out = append(out, a)
		}
	}
	return out
}

func (j *job) dropPart(a *agent) {
	j.parts = slices.DeleteFunc(j.parts, func(p *part) bool { return p.agent == a && p.delta.Sign() == 0 })
}

// Session is a run played one block at a time, so that agents from outside the population
// (a server's clients) can join it and act between blocks through the same contracts. Run is
// a Session played to the end without outside agents. A Session is not safe for concurrent
// use: one goroutine calls Round, AddAgent, Act and the readers in turn.
type Session struct {
	r    *runner
	w    *wave // the wave in play; nil between waves
	done int   // jobs whose wave has ended
}

// NewSession starts the chain, deploys the contracts and sets up the population of cfg.
func NewSession(ctx context.Context, cfg Config) (*Session, error) {
	r, err := start(ctx, cfg, MaxOutside)
	if err != nil {
		return nil, err
	}
	return &Session{r: r}, nil
}

// Close stops the session's chain.
func (s *Session) Close() { s.r.ch.close() }

// Round plays the next phase of the wave in play (starting a wave when none is), sealing one
// block, and returns the phase's name. Outside agents' decisions are read as the phase needs
// them; their transactions that revert are noted to them. Once every job has settled it
// returns ErrFinished.
func (s *Session) Round(ctx context.Context) (string, error) {
	r := s.r
	if s.w == nil {
		if s.done >= r.cfg.Jobs {
			return "", ErrFinished
		}
		s.w = &wave{n: min(r.cfg.Wave, r.cfg.Jobs-s.done)}
	}
	name := ""
	for s.w.next < len(phases) {
		name = phases[s.w.next].name
		played, err := r.playPhase(ctx, s.w)
		if err != nil {
			return name, err
		}
		if played {
			break
		}
	}
	if s.w.next == len(phases) {
		s.done += s.w.n
		s.w = nil
		if r.cfg.Progress != nil {
			r.cfg.Progress(s.done, r.cfg.Jobs)
		}
	}
	return name, s.join(ctx)
}

// Next is the phase the next Round plays (PhasePost between waves).
func (s *Session) Next() string {
	if s.w == nil {
		return PhasePost
	}
	return phases[s.w.next].name
}

// Block is the chain's head.
func (s *Session) Block() uint64 { return s.r.ch.head() }

// JobsDone is how many jobs have settled.
func (s *Session) JobsDone() int { return s.done }

// Report audits the books and returns the run's report so far. It is only possible between
// waves (no job in flight).
func (s *Session) Report(ctx context.Context) (*Report, error) {
	if s.w != nil {
		return nil, fmt.Errorf("%w: a wave is in flight (next phase %s)", ErrAction, s.Next())
	}
	books, err := s.r.balance(ctx)
	if err != nil {
		return nil, err
	}
	rep := s.r.report(books)
	rep.Jobs = s.done
	return rep, nil
}

// AgentID names an outside agent of a Session.
type AgentID int

// AddAgent adds an outside agent with role: its key is derived from the seed and the order it
// joined in; its funding (and for a provider, registration and a stake of twice the minimum)
// goes into the next block, after which it is offered jobs, drawn and picked like the others.
func (s *Session) AddAgent(role string) (AgentID, common.Address, error) {
	r := s.r
	switch role {
	case RoleProvider, RoleClient, RoleChallenger:
	default:
		return 0, common.Address{}, fmt.Errorf("%w: role %q: want %s, %s or %s", ErrAction, role, RoleProvider, RoleClient, RoleChallenger)
	}
	id := AgentID(len(r.remotes))
	if id >= MaxOutside {
		return 0, common.Address{}, fmt.Errorf("%w: the session holds its %d outside agents", ErrAction, MaxOutside)
	}
	name := fmt.Sprintf("outside-%d-%s", id, role)
	a := &agent{key: outsideKey(r.cfg.Seed, int(id)), name: name, provider: role == RoleProvider,
		strategy: &remote{role: role, commits: map[[32]byte][]byte{}, votes: map[[32]byte][]byte{}, challenges: map[[32]byte]bool{}, appeals: map[[32]byte]bool{},
			withholds: map[panelSeat]bool{}, declines: map[[32]byte]bool{}}}
	a.outside = true
	if _, taken := r.byAddr[a.addr]; taken {
		return 0, common.Address{}, fmt.Errorf("sim: outside agent %s collides with %s", name, a.addr)
	}
	r.remotes = append(r.remotes, a)
	r.byAddr[a.addr] = a
	r.joining = append(r.joining, a)

	maxAllowance := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	perJob := new(big.Int).Add(r.cfg.Payment, new(big.Int).Add(r.params.ChallengeBond, r.appealBond()))
	amount := new(big.Int).Mul(perJob, big.NewInt(int64(r.cfg.Jobs)))
	if a.provider {
		a.stake = new(big.Int).Mul(deploy.DevConfig(common.Address{}, 0).MinStake, big.NewInt(2))
		amount.Add(amount, new(big.Int).Mul(a.stake, big.NewInt(21)))
	}
	r.ch.queue(r.owner, r.addrs.Token, r.token.PackMint(a.addr, amount), gasMint, "mint for "+a.name, nil)
	r.ch.queue(a.key, r.addrs.Token, r.token.PackApprove(r.addrs.Market, maxAllowance), gasApprove, "approve "+a.name, nil)
	if a.provider {
		peer := outsidePeer(a.addr)
		r.ch.queue(a.key, r.addrs.Registry, r.reg.PackRegister(peer, []byte("sim"), []byte(`{"sim":true}`)), gasRegister, "register "+a.name, nil)
		r.ch.queue(a.key, r.addrs.Token, r.token.PackApprove(r.addrs.Registry, maxAllowance), gasApprove, "approve "+a.name, nil)
		r.ch.queue(a.key, r.addrs.Registry, r.reg.PackStake(a.stake), gasStake, "stake "+a.name, nil)
	}
	return id, a.addr, nil
}

// join lets the agents whose setup block has been sealed into the population.
func (s *Session) join(ctx context.Context) error {
	r := s.r
	for _, a := range r.joining {
		h, err := r.holdings(ctx, a.addr)
		if err != nil {
			return err
		}
		a.start = h
		switch a.strategy.(*remote).role {
		case RoleProvider:
			r.providers = append(r.providers, a)
		case RoleClient:
			r.clients = append(r.clients, a)
		}
		r.all = append(r.all, a)
		r.note(a, nil, "joined as %s", a.strategy.(*remote).role)
	}
	r.joining = nil
	return nil
}

// Action is what an outside agent asks for. Job is the market's job ID; Result is a result
// CID's bytes (1 to 128, the market's bound) for commit and vote.
type Action struct {
	Kind   string
	Job    uint64
	Result []byte
}

// maxCID is the market's MAX_CID_LENGTH.
const maxCID = 128

// Act records an outside agent's decision for the phase that needs it, or (withdraw) queues
// its transaction for the next block. It refuses, wrapping ErrAction, what does not fit: a
// job not in the wave in play, a seat that is not the agent's, a phase already played.
func (s *Session) Act(id AgentID, act Action) error {
	r := s.r
	if int(id) < 0 || int(id) >= len(r.remotes) {
		return fmt.Errorf("%w: no agent %d", ErrAction, id)
	}
	a := r.remotes[id]
	o := a.strategy.(*remote)
	if slices.Contains(r.joining, a) {
		return fmt.Errorf("%w: the agent joins in the next block", ErrAction)
	}
	if act.Kind == ActWithdraw {
		r.ch.queue(a.key, r.addrs.Market, r.market.PackWithdraw(), gasChall, "withdraw", nil)
		return nil
	}
	if act.Kind == ActCommit || act.Kind == ActVote {
		if len(act.Result) == 0 || len(act.Result) > maxCID {
			return fmt.Errorf("%w: result of %d bytes: want 1 to %d", ErrAction, len(act.Result), maxCID)
		}
	}
	j := s.inWave(act.Job)
	if j == nil {
		return fmt.Errorf("%w: job %d is not in the wave in play", ErrAction, act.Job)
	}
	next := s.w.next
	switch act.Kind {
	case ActCommit:
		if !slices.Contains(j.seats, a) {
			return fmt.Errorf("%w: job %d: the agent holds no seat", ErrAction, act.Job)
		}
		if next > phaseIndex(PhaseCommit) {
			return fmt.Errorf("%w: job %d: its results are committed already", ErrAction, act.Job)
		}
		o.commits[j.spec] = slices.Clone(act.Result)
	case ActVote:
		if !slices.Contains(j.drawn, a) {
			return fmt.Errorf("%w: job %d: the agent was not drawn to its panel", ErrAction, act.Job)
		}
		if next > phaseIndex(PhaseCommitVotes) {
			return fmt.Errorf("%w: job %d: the votes are committed already", ErrAction, act.Job)
		}
		o.votes[j.spec] = slices.Clone(act.Result)
	case ActDecline:
		if !slices.Contains(j.seats, a) {
			return fmt.Errorf("%w: job %d: the agent holds no seat", ErrAction, act.Job)
		}
		if next > phaseIndex(PhaseAccept) {
			return fmt.Errorf("%w: job %d: its seats are taken already", ErrAction, act.Job)
		}
		o.declines[j.spec] = true
	case ActWithhold:
		// j.drawn is the panel in play: the first, or after an appeal the final one (nil
		// between the appeal and the final draw).
		if !slices.Contains(j.drawn, a) {
			return fmt.Errorf("%w: job %d: the agent sits on none of its panels now", ErrAction, act.Job)
		}
		final := slices.Contains(s.w.appealed, j)
		reveal := PhaseRevealVotes
		if final {
			reveal = PhaseFinalReveal
		}
		if next > phaseIndex(reveal) {
			return fmt.Errorf("%w: job %d: the agent's vote is revealed already", ErrAction, act.Job)
		}
		o.withholds[panelSeat{j.spec, final}] = true
	case ActChallenge:
		if slices.Contains(j.seats, a) {
			return fmt.Errorf("%w: job %d: the agent is its provider (the market refuses a self-challenge)", ErrAction, act.Job)
		}
		if next > phaseIndex(PhaseChallenge) {
			return fmt.Errorf("%w: job %d: the challenge phase has passed", ErrAction, act.Job)
		}
		o.challenges[j.spec] = true
	case ActAppeal:
		// Whether the agent may appeal is the market's to say (the verdict may not be known
		// yet): an appeal it refuses is a note.
		if next > phaseIndex(PhaseAppeal) {
			return fmt.Errorf("%w: job %d: the appeal phase has passed", ErrAction, act.Job)
		}
		o.appeals[j.spec] = true
	default:
		return fmt.Errorf("%w: kind %q: want %s, %s, %s, %s, %s, %s or %s", ErrAction, act.Kind, ActDecline, ActCommit, ActVote, ActWithhold, ActChallenge, ActAppeal, ActWithdraw)
	}
	return nil
}

func phaseIndex(name string) int {
	return slices.IndexFunc(phases, func(p phase) bool { return p.name == name })
}

// inWave is the job with market ID id if it is in the wave in play.
func (s *Session) inWave(id uint64) *job {
	if s.w == nil || id == 0 || id > uint64(len(s.r.jobs)) {
		return nil
	}
	j := s.r.jobs[id-1]
	if !slices.Contains(s.w.jobs, j) {
		return nil
	}
	return j
}

// JobView is a job of the wave in play as an outside agent sees it. CIDs are hex.
type JobView struct {
	ID         uint64   `json:"id"`
	Spec       string   `json:"spec"`
	Truth      string   `json:"truth"`               // the true result: a function of the spec
	Committed  string   `json:"committed,omitempty"` // the result on record, once committed
	Client     string   `json:"client"`
	Providers  []string `json:"providers"`
	Challenger string   `json:"challenger,omitempty"`
	Verifiers  []string `json:"verifiers,omitempty"`
	Open       bool     `json:"open"`
	// Duties are what the agent may decide for this job now: decline (it was offered a seat not
	// yet taken: the seat goes to another provider with free stake), commit (it holds a seat and the
	// results are not committed), vote (it was drawn and the votes are not committed),
	// withhold (it sits on the panel in play and its reveal is still to come: the seat is then
	// silent and loses its verifier collateral), challenge (the result is committed and the
	// challenge phase is still to come), appeal
	// (the first panel's revealed verdict is against the agent's side and the appeal phase is
	// still to come).
	Duties []string `json:"duties,omitempty"`
}

// AgentView is what an outside agent sees: itself, its holdings, the wave's jobs it can act
// on, and its notes after Since.
type AgentView struct {
	ID      AgentID   `json:"id"`
	Address string    `json:"address"`
	Role    string    `json:"role"`
	Joined  bool      `json:"joined"`
	Wallet  string    `json:"wallet"` // base units
	Credit  string    `json:"credit"` // market balance, base units (withdraw sends it to the wallet)
	Staked  string    `json:"staked"` // base units
	Profit  string    `json:"profit"` // what its jobs gained or lost so far, base units
	Jobs    []JobView `json:"jobs"`
	Notes   []Note    `json:"notes"`
}

// View is what outside agent id sees now.
func (s *Session) View(ctx context.Context, id AgentID) (AgentView, error) {
	r := s.r
	if int(id) < 0 || int(id) >= len(r.remotes) {
		return AgentView{}, fmt.Errorf("%w: no agent %d", ErrAction, id)
	}
	a := r.remotes[id]
	o := a.strategy.(*remote)
	v := AgentView{ID: id, Address: a.addr.Hex(), Role: o.role, Joined: !slices.Contains(r.joining, a),
		Profit: s.profit(a).String(), Jobs: []JobView{}, Notes: slices.Clone(o.notes)}
	if v.Notes == nil {
		v.Notes = []Note{}
	}
	wallet, err := call(ctx, r, r.addrs.Token, r.token.PackBalanceOf(a.addr), r.token.UnpackBalanceOf)
	if err != nil {
		return v, err
	}
	credit, err := call(ctx, r, r.addrs.Market, r.market.PackBalances(a.addr), r.market.UnpackBalances)
	if err != nil {
		return v, err
	}
	info, err := call(ctx, r, r.addrs.Registry, r.reg.PackProviderInfo(a.addr), r.reg.UnpackProviderInfo)
	if err != nil {
		return v, err
	}
	v.Wallet, v.Credit, v.Staked = wallet.String(), credit.String(), info.Staked.String()
	if s.w == nil || s.w.jobs == nil || s.w.jobs[0].id == nil {
		return v, nil
	}
	next := s.w.next
	for _, j := range s.w.jobs {
		seated, drawn := slices.Contains(j.seats, a), slices.Contains(j.drawn, a)
		var duties []string
		if seated && next <= phaseIndex(PhaseAccept) {
			duties = append(duties, ActDecline)
		}
		if seated && next <= phaseIndex(PhaseCommit) {
			duties = append(duties, ActCommit)
		}
		if drawn && next <= phaseIndex(PhaseCommitVotes) {
			duties = append(duties, ActVote)
		}
		if reveal := PhaseRevealVotes; drawn {
			if slices.Contains(s.w.appealed, j) {
				reveal = PhaseFinalReveal
			}
			if next <= phaseIndex(reveal) {
				duties = append(duties, ActWithhold)
			}
		}
		if !seated && j.open && j.committed != nil && j.challenger == nil && next <= phaseIndex(PhaseChallenge) {
			duties = append(duties, ActChallenge)
		}
		if next > phaseIndex(PhaseRevealVotes) && next <= phaseIndex(PhaseAppeal) && slices.Contains(s.w.challenged, j) &&
			slices.Contains(j.appealSide(j.firstVerdict()), a) {
			duties = append(duties, ActAppeal)
		}
		if len(duties) == 0 && !seated && !drawn && j.client != a && j.challenger != a {
			continue
		}
		jv := JobView{ID: j.id.Uint64(), Spec: hex.EncodeToString(j.spec[:]), Truth: hex.EncodeToString(j.truth),
			Client: j.client.addr.Hex(), Open: j.open, Duties: duties}
		if j.committed != nil {
			jv.Committed = hex.EncodeToString(j.committed)
		}
		for _, p := range j.seats {
			jv.Providers = append(jv.Providers, p.addr.Hex())
		}
		for _, p := range j.drawn {
			jv.Verifiers = append(jv.Verifiers, p.addr.Hex())
		}
		if j.challenger != nil {
			jv.Challenger = j.challenger.addr.Hex()
		}
		v.Jobs = append(v.Jobs, jv)
	}
	return v, nil
}

// Score is one agent's standing: what its jobs gained or lost so far.
type Score struct {
	Name     string `json:"name"`
	Address  string `json:"address"`
	Strategy string `json:"strategy"` // "remote" for outside agents
	Outside  bool   `json:"outside"`
	Profit   string `json:"profit"` // base units
	Jobs     int    `json:"jobs"`
	Slashed  int    `json:"slashed"`
}

// Scores is every agent's standing (the population's and the outside agents'), in the order
// they joined.
func (s *Session) Scores() []Score {
	r := s.r
	type acc struct {
		profit        *big.Int
		jobs, slashed int
	}
	by := map[*agent]*acc{}
	for _, a := range r.all {
		by[a] = &acc{profit: new(big.Int)}
	}
	for _, j := range r.jobs {
		for _, p := range j.parts {
			x := by[p.agent]
			if x == nil {
				continue
			}
			x.profit.Add(x.profit, p.delta)
			x.jobs++
			if p.slashed {
				x.slashed++
			}
		}
	}
	out := make([]Score, 0, len(r.all))
	for _, a := range r.all {
		x := by[a]
		out = append(out, Score{Name: a.name, Address: a.addr.Hex(), Strategy: a.strategy.Name(), Outside: a.outside,
			Profit: x.profit.String(), Jobs: x.jobs, Slashed: x.slashed})
	}
	return out
}

func (s *Session) profit(a *agent) *big.Int {
	sum := new(big.Int)
	for _, j := range s.r.jobs {
		for _, p := range j.parts {
			if p.agent == a {
				sum.Add(sum, p.delta)
			}
		}
	}
	return sum
}

// outsidePeer is an outside provider's registered peer ID: 38 bytes, an Ed25519 peer ID's shape.
func outsidePeer(addr common.Address) []byte {
	return append([]byte{0x00, 0x24, 0x08, 0x01, 0x12, 0x20}, common.LeftPadBytes(addr[:], 32)...)
}
