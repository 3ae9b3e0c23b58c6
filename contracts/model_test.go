package contracts_test

// An independent Go model of the rules in docs/protocol.md, used by the property test
// (property_test.go). It is written from the specification, not from the contract code: it
// predicts, for every call, whether the call must succeed or which rule(s) it breaks, and it
// keeps the books every account should end up with. The property test drives the deployed
// contracts and compares the chain with this model after every step.

import (
	"bytes"
	"fmt"
	"math/big"
	"slices"
	"sort"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
)

// Job statuses, as numbered in the Job record.
const (
	pmNone uint8 = iota
	pmOpen
	pmAccepted
	pmCommitted
	pmChallenged
	pmCleared
)

// Challenge outcomes.
const (
	pmRejected uint8 = iota
	pmUpheld
	pmInconclusive
)

// pmReasonReplicaMinority is SlashReason.ReplicaMinority: a minority replica slashed at finalize.
const pmReasonReplicaMinority uint8 = 1

const (
	pmMaxWindow    = 30 * 24 * 3600 // MAX_WINDOW and MAX_JOB_SPAN: 30 days
	pmMaxReplicas  = 9
	pmMaxCID       = 128
	pmMaxBatch     = 100
	pmMaxClaims    = 64
	pmMaxFeeBps    = 1000
	pmMaxVerifiers = 15
	pmMinWindow    = 4
	pmDrawPerSeat  = 4
	pmReplicas     = 0
	pmVerifiers    = 1
)

var (
	pmBps        = big.NewInt(10_000)
	pmMaxUint96  = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 96), big.NewInt(1))
	pmMaxUint128 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1))
)

// env is the block a call executes in.
type pmEnv struct {
	T, B uint64                  // timestamp and number
	hash func(n uint64) [32]byte // blockhash of an earlier block
}

// blockhash follows the EVM: zero unless B-256 <= n < B.
func (e pmEnv) blockhash(n uint64) [32]byte {
	if n >= e.B || e.B-n > 256 {
		return [32]byte{}
	}
	return e.hash(n)
}

type pmParams struct {
	minCollateral      *big.Int
	feeBps             uint16
	challengerBps      uint16
	verifierBps        uint16
	verifiers          uint8
	minChallengeWindow uint32
	voteCommit         uint32
	voteReveal         uint32
	replicaReveal      uint32
	bond               *big.Int
	verifierCollateral *big.Int
	minCollateralBps   uint32
}

func pmParamsFrom(p bindings.JobMarketParams) pmParams {
	return pmParams{
		minCollateral: new(big.Int).Set(p.MinCollateral), feeBps: p.FeeBps,
		challengerBps: p.ChallengerRewardBps, verifierBps: p.VerifierRewardBps, verifiers: p.Verifiers,
		minChallengeWindow: p.MinChallengeWindow, voteCommit: p.VoteCommitWindow, voteReveal: p.VoteRevealWindow,
		replicaReveal: p.ReplicaRevealWindow, bond: new(big.Int).Set(p.ChallengeBond),
		verifierCollateral: new(big.Int).Set(p.VerifierCollateral), minCollateralBps: p.MinCollateralBps,
	}
}

func (p pmParams) binding() bindings.JobMarketParams {
	return bindings.JobMarketParams{
		MinCollateral: p.minCollateral, FeeBps: p.feeBps, ChallengerRewardBps: p.challengerBps,
		VerifierRewardBps: p.verifierBps, Verifiers: p.verifiers, MinChallengeWindow: p.minChallengeWindow,
		VoteCommitWindow: p.voteCommit, VoteRevealWindow: p.voteReveal, ReplicaRevealWindow: p.replicaReveal,
		ChallengeBond: p.bond, VerifierCollateral: p.verifierCollateral, MinCollateralBps: p.minCollateralBps,
	}
}

// pmMaxCollateralBps is the market's MAX_COLLATERAL_BPS.
const pmMaxCollateralBps = 100_000

// ratioMinimum is the spec's collateral floor per replica from the ratio:
// ceil(payment * minCollateralBps / (10000 * replicas)).
func (p pmParams) ratioMinimum(payment *big.Int, replicas uint8) *big.Int {
	den := pmInt(10_000 * int64(replicas))
	num := pmAdd(pmMul(payment, pmU(uint64(p.minCollateralBps))), den)
	return pmDiv(pmSub(num, pmInt(1)), den)
}

// behaviour is how a panel member (replica or verifier) acts; test-side knowledge only.
type pmBehaviour uint8

const (
	pmHonest       pmBehaviour = iota // reveals the job's true result
	pmWrong                           // replica: reveals a wrong result
	pmLazy                            // verifier: reveals whatever the job's record says
	pmContrarian                      // verifier: reveals a random result
	pmSilentCommit                    // never commits
	pmSilentReveal                    // commits, never reveals
)

func (b pmBehaviour) String() string {
	return [...]string{"honest", "wrong", "lazy", "contrarian", "silent-commit", "silent-reveal"}[b]
}

type pmSeat struct {
	account    common.Address
	behaviour  pmBehaviour
	cid        []byte // what it commits to
	salt       [32]byte
	commitment [32]byte // zero until committed
	result     [32]byte // keccak of the revealed CID; zero until revealed
}

type pmPanel struct {
	seats    []*pmSeat
	target   int
	commitBy uint64
	revealBy uint64
	closed   bool
}

func (p *pmPanel) committed() int {
	n := 0
	for _, s := range p.seats {
		if s.commitment != ([32]byte{}) {
			n++
		}
	}
	return n
}

func (p *pmPanel) revealed() int {
	n := 0
	for _, s := range p.seats {
		if s.result != ([32]byte{}) {
			n++
		}
	}
	return n
}

type pmChallenge struct {
	challenger common.Address
	bond       *big.Int
	anchor     uint64
	panel      *pmPanel // verifiers; nil until drawn
	round      int      // 0: the first panel; 1: the appeal's final panel
	appellant  common.Address
	appealBond *big.Int // nil before an appeal
	// first are the appealed first panel's revealed votes, kept (collateral locked) until the
	// final verdict judges them.
	first []pmFirstVote
}

// pmFirstVote is a revealed vote of an appealed first panel.
type pmFirstVote struct {
	account common.Address
	agreed  bool // it voted the job's result
}

// pmAppealVerifiers is the market's APPEAL_VERIFIERS: the final panel's seats.
const pmAppealVerifiers = 41

// appealBond is the spec's appeal bond: challengeBond * APPEAL_VERIFIERS / verifiers.
func (m *pmModel) appealBond(j *pmJob) *big.Int {
	p := m.params[j.paramsID]
	return pmDiv(pmMul(p.bond, pmInt(pmAppealVerifiers)), pmInt(int64(p.verifiers)))
}

// tally counts the verifier panel's reveals and names its verdict.
func (j *pmJob) tally() (outcome uint8, agree, disagree int) {
	k := len(j.chal.panel.seats)
	for _, s := range j.chal.panel.seats {
		if s.result == ([32]byte{}) {
			continue
		}
		if s.result == j.result {
			agree++
		} else {
			disagree++
		}
	}
	switch {
	case 2*agree > k:
		return pmRejected, agree, disagree
	case 2*disagree > k:
		return pmUpheld, agree, disagree
	}
	return pmInconclusive, agree, disagree
}

// isWinningProvider: the job's provider (N=1) or a replica whose result is the job's.
func (j *pmJob) isWinningProvider(a common.Address) bool {
	if j.replicas == 1 {
		return a == j.provider
	}
	for _, s := range j.replicaPanel.seats {
		if s.account == a && s.result == j.result {
			return true
		}
	}
	return false
}

// minority: the replicas (N>1) that revealed a result other than the job's, in seat order;
// their collateral stays locked from resolveReplicas until the job ends.
func (j *pmJob) minority() []common.Address {
	var out []common.Address
	if j.replicas == 1 || j.replicaPanel == nil {
		return nil
	}
	for _, s := range j.replicaPanel.seats {
		if s.result != ([32]byte{}) && s.result != j.result {
			out = append(out, s.account)
		}
	}
	return out
}

type pmJob struct {
	id          uint64
	client      common.Address
	payment     *big.Int
	provider    common.Address
	collateral  *big.Int
	specHash    [32]byte
	result      [32]byte
	acceptBy    uint64
	resultBy    uint64
	committedAt uint64
	window      uint32
	paramsID    uint32
	feeBps      uint16
	replicas    uint8
	winners     uint8
	status      uint8

	replicaPanel *pmPanel // N>1
	chal         *pmChallenge
	settled      bool
	lastRec      bindings.JobMarketJob // the record when it settled

	// Test-side knowledge: the true result and whether the N=1 provider will deliver.
	good       []byte
	wrong      []byte
	willCommit bool
	cids       map[[32]byte][]byte
}

func (j *pmJob) rec() bindings.JobMarketJob {
	if j.settled {
		return j.lastRec
	}
	return bindings.JobMarketJob{
		Client: j.client, Payment: new(big.Int).Set(j.payment), Provider: j.provider,
		Collateral: new(big.Int).Set(j.collateral), SpecHash: j.specHash, Result: j.result,
		AcceptBy: j.acceptBy, ResultBy: j.resultBy, CommittedAt: j.committedAt, ChallengeWindow: j.window,
		ParamsId: j.paramsID, FeeBps: j.feeBps, Replicas: j.replicas, Winners: j.winners, Status: j.status,
	}
}

// isProvider: the job's provider (N=1) or any replica seat (N>1).
func (j *pmJob) isProvider(a common.Address) bool {
	if j.replicas == 1 {
		return a == j.provider
	}
	if j.replicaPanel == nil {
		return false
	}
	for _, s := range j.replicaPanel.seats {
		if s.account == a {
			return true
		}
	}
	return false
}

func (j *pmJob) panel(kind uint8) *pmPanel {
	if j.settled {
		return nil
	}
	if kind == pmReplicas {
		return j.replicaPanel
	}
	if j.chal == nil {
		return nil
	}
	return j.chal.panel
}

type pmProv struct {
	staked, locked, unbonding *big.Int
	unbondingEnds             uint64
	registered                bool
}

type pmLeaf struct {
	provider common.Address
	amount   *big.Int
	proof    [][32]byte
}

type pmRoot struct {
	root   [32]byte
	paid   *big.Int
	leaves []pmLeaf
}

type pmEpoch struct {
	budget, paid *big.Int
	reporters    uint8
	cap          *big.Int
	roots        map[common.Address]*pmRoot
}

type pmClaimKey struct {
	provider, reporter common.Address
	epoch              uint64
}

// model is the expected state of every account and contract.
type pmModel struct {
	chainID                   *big.Int
	owner, treasury           common.Address
	market, registry, rewards common.Address

	minStake       *big.Int
	unbondingDelay uint64
	params         map[uint32]pmParams
	paramsID       uint32

	supply    *big.Int
	wallet    map[common.Address]*big.Int
	allowance map[[2]common.Address]*big.Int
	credit    map[common.Address]*big.Int
	accrued   *big.Int
	// surplus: tokens sent straight to a contract (market, registry, rewards), owed to nobody.
	// The books are holdings == obligations + surplus; only the market's can be swept.
	surplus map[common.Address]*big.Int

	prov   map[common.Address]*pmProv
	active []common.Address

	jobs     map[uint64]*pmJob
	jobCount uint64

	genesis, epochLength uint64
	claimEpochs          uint64 // epochs after its end an epoch stays claimable
	rewardPerProvider    *big.Int
	reporterSince        map[common.Address]uint64
	reporterCount        uint8
	epochs               map[uint64]*pmEpoch
	claimed              map[pmClaimKey]bool
}

func pmNewModel() *pmModel {
	return &pmModel{
		params:        map[uint32]pmParams{},
		supply:        new(big.Int),
		wallet:        map[common.Address]*big.Int{},
		allowance:     map[[2]common.Address]*big.Int{},
		credit:        map[common.Address]*big.Int{},
		accrued:       new(big.Int),
		surplus:       map[common.Address]*big.Int{},
		prov:          map[common.Address]*pmProv{},
		jobs:          map[uint64]*pmJob{},
		reporterSince: map[common.Address]uint64{},
		epochs:        map[uint64]*pmEpoch{},
		claimed:       map[pmClaimKey]bool{},
	}
}

// ---------------------------------------------------------------- small helpers

func pmGet(m map[common.Address]*big.Int, a common.Address) *big.Int {
	if v, ok := m[a]; ok {
		return v
	}
	v := new(big.Int)
	m[a] = v
	return v
}

func pmAdd(x, y *big.Int) *big.Int { return new(big.Int).Add(x, y) }
func pmSub(x, y *big.Int) *big.Int { return new(big.Int).Sub(x, y) }
func pmMul(x, y *big.Int) *big.Int { return new(big.Int).Mul(x, y) }
func pmDiv(x, y *big.Int) *big.Int { return new(big.Int).Quo(x, y) }
func pmInt(n int64) *big.Int       { return big.NewInt(n) }
func pmU(n uint64) *big.Int        { return new(big.Int).SetUint64(n) }

func (m *pmModel) p(a common.Address) *pmProv {
	if v, ok := m.prov[a]; ok {
		return v
	}
	v := &pmProv{staked: new(big.Int), locked: new(big.Int), unbonding: new(big.Int)}
	m.prov[a] = v
	return v
}

func (m *pmModel) transfer(from, to common.Address, amt *big.Int) {
	f, t := pmGet(m.wallet, from), pmGet(m.wallet, to)
	f.Sub(f, amt)
	t.Add(t, amt)
}

func (m *pmModel) mint(to common.Address, amt *big.Int) {
	w := pmGet(m.wallet, to)
	w.Add(w, amt)
	m.supply.Add(m.supply, amt)
}

func (m *pmModel) allow(owner, spender common.Address) *big.Int {
	k := [2]common.Address{owner, spender}
	if v, ok := m.allowance[k]; ok {
		return v
	}
	v := new(big.Int)
	m.allowance[k] = v
	return v
}

func (m *pmModel) approve(owner, spender common.Address, amt *big.Int) {
	m.allowance[[2]common.Address{owner, spender}] = new(big.Int).Set(amt)
}

// pullViolations: what a transferFrom of amt from owner by spender breaks.
func (m *pmModel) pullViolations(owner, spender common.Address, amt *big.Int) []string {
	var v []string
	if m.allow(owner, spender).Cmp(amt) < 0 {
		v = append(v, "ERC20InsufficientAllowance")
	}
	if pmGet(m.wallet, owner).Cmp(amt) < 0 {
		v = append(v, "ERC20InsufficientBalance")
	}
	return v
}

func (m *pmModel) pull(owner, spender common.Address, amt *big.Int) {
	a := m.allow(owner, spender)
	a.Sub(a, amt)
	m.transfer(owner, spender, amt)
}

func (m *pmModel) creditTo(a common.Address, amt *big.Int) {
	if amt.Sign() == 0 {
		return
	}
	c := pmGet(m.credit, a)
	c.Add(c, amt)
}

func (m *pmModel) toTreasury(amt *big.Int) { m.accrued.Add(m.accrued, amt) }

// ---------------------------------------------------------------- registry rules

func (m *pmModel) isActive(a common.Address) bool {
	p := m.p(a)
	return p.registered && p.staked.Cmp(m.minStake) >= 0
}

func (m *pmModel) free(a common.Address) *big.Int {
	p := m.p(a)
	return pmSub(p.staked, p.locked)
}

// sync keeps the active list: push on becoming active, swap-and-pop on leaving.
func (m *pmModel) sync(a common.Address) {
	want := m.isActive(a)
	idx := slices.Index(m.active, a)
	switch {
	case want && idx < 0:
		m.active = append(m.active, a)
	case !want && idx >= 0:
		last := len(m.active) - 1
		m.active[idx] = m.active[last]
		m.active = m.active[:last]
	}
}

func (m *pmModel) lockViolations(a common.Address, amt *big.Int) []string {
	if !m.isActive(a) {
		return []string{"NotActive"}
	}
	if m.free(a).Cmp(amt) < 0 {
		return []string{"InsufficientFreeStake"}
	}
	return nil
}

func (m *pmModel) lock(a common.Address, amt *big.Int) {
	p := m.p(a)
	p.locked.Add(p.locked, amt)
}

func (m *pmModel) unlock(a common.Address, amt *big.Int) {
	p := m.p(a)
	if p.locked.Cmp(amt) < 0 {
		panic(fmt.Sprintf("model: unlock %s of %s with only %s locked", amt, a, p.locked))
	}
	p.locked.Sub(p.locked, amt)
}

// slash takes amt from staked (locked first), then from unbonding, into the market.
func (m *pmModel) slash(a common.Address, amt *big.Int) {
	p := m.p(a)
	fromStake := new(big.Int).Set(amt)
	if fromStake.Cmp(p.staked) > 0 {
		fromStake.Set(p.staked)
	}
	p.staked.Sub(p.staked, fromStake)
	if fromStake.Cmp(p.locked) >= 0 {
		p.locked.SetInt64(0)
	} else {
		p.locked.Sub(p.locked, fromStake)
	}
	p.unbonding.Sub(p.unbonding, pmSub(amt, fromStake))
	m.transfer(m.registry, m.market, amt)
	m.sync(a)
}

func (m *pmModel) stakeViolations(a common.Address, amt *big.Int) []string {
	var v []string
	if amt.Sign() == 0 {
		v = append(v, "ZeroAmount")
	}
	if pmAdd(pmAdd(m.p(a).staked, m.p(a).unbonding), amt).Cmp(pmMaxUint96) > 0 { // 96-bit accounting
		v = append(v, "AmountTooLarge")
	}
	return append(v, m.pullViolations(a, m.registry, amt)...)
}

func (m *pmModel) applyStake(a common.Address, amt *big.Int) {
	p := m.p(a)
	p.staked.Add(p.staked, amt)
	m.sync(a)
	m.pull(a, m.registry, amt)
}

func (m *pmModel) unstakeViolations(a common.Address, amt *big.Int) []string {
	var v []string
	if amt.Sign() == 0 {
		v = append(v, "ZeroAmount")
	}
	if amt.Cmp(m.free(a)) > 0 {
		v = append(v, "InsufficientFreeStake")
	}
	return v
}

func (m *pmModel) applyUnstake(a common.Address, amt *big.Int, e pmEnv) {
	p := m.p(a)
	p.staked.Sub(p.staked, amt)
	p.unbonding.Add(p.unbonding, amt)
	p.unbondingEnds = e.T + m.unbondingDelay
	m.sync(a)
}

func (m *pmModel) withdrawStakeViolations(a common.Address, e pmEnv) []string {
	p := m.p(a)
	if p.unbonding.Sign() == 0 || e.T < p.unbondingEnds {
		return []string{"NotUnbonded"}
	}
	return nil
}

func (m *pmModel) applyWithdrawStake(a common.Address) {
	p := m.p(a)
	m.transfer(m.registry, a, p.unbonding)
	p.unbonding = new(big.Int)
	p.unbondingEnds = 0
}

// ---------------------------------------------------------------- market: records

// loadViolations is the record check every job call starts with: unknown, stale, then status.
func (m *pmModel) loadViolations(id uint64, rec bindings.JobMarketJob, want ...uint8) []string {
	j := m.jobs[id]
	if j == nil || j.settled {
		return []string{"UnknownJob"}
	}
	if pmJobHash(rec) != pmJobHash(j.rec()) {
		return []string{"StaleJobRecord"}
	}
	if len(want) > 0 && !slices.Contains(want, j.status) {
		return []string{"WrongStatus"}
	}
	return nil
}

func (m *pmModel) settle(j *pmJob) {
	j.lastRec = j.rec()
	j.settled = true
	j.replicaPanel = nil
	j.chal = nil
}

// escrow is Σ payment over live jobs; bonds is Σ bond over open challenges.
func (m *pmModel) escrow() (escrow, bonds *big.Int) {
	escrow, bonds = new(big.Int), new(big.Int)
	for _, j := range m.jobs {
		if j.settled {
			continue
		}
		escrow.Add(escrow, j.payment)
		if j.chal != nil {
			bonds.Add(bonds, j.chal.bond)
			if j.chal.appealBond != nil {
				bonds.Add(bonds, j.chal.appealBond)
			}
		}
	}
	return escrow, bonds
}

// ---------------------------------------------------------------- market: posting

func (m *pmModel) postViolations(client common.Address, req bindings.JobMarketJobRequest, permit bool, e pmEnv) []string {
	p := m.params[m.paramsID]
	var v []string
	if req.Payment.Sign() == 0 {
		v = append(v, "BadRequest")
	}
	if req.Replicas == 0 || req.Replicas > pmMaxReplicas {
		v = append(v, "BadRequest")
	}
	if req.Collateral.Cmp(p.minCollateral) < 0 {
		v = append(v, "BadRequest")
	}
	if req.Replicas != 0 && req.Replicas <= pmMaxReplicas && req.Collateral.Cmp(p.ratioMinimum(req.Payment, req.Replicas)) < 0 {
		v = append(v, "CollateralBelowRatio")
	}
	if req.AcceptBy <= e.T || req.AcceptBy > e.T+pmMaxWindow {
		v = append(v, "BadRequest")
	}
	if req.ResultBy <= req.AcceptBy || req.ResultBy > req.AcceptBy+pmMaxWindow {
		v = append(v, "BadRequest")
	}
	if req.ChallengeWindow < p.minChallengeWindow || req.ChallengeWindow > pmMaxWindow {
		v = append(v, "BadRequest")
	}
	if permit {
		// A valid permit sets the allowance to the payment first.
		if pmGet(m.wallet, client).Cmp(req.Payment) < 0 {
			v = append(v, "ERC20InsufficientBalance")
		}
		return v
	}
	return append(v, m.pullViolations(client, m.market, req.Payment)...)
}

func (m *pmModel) applyPost(client common.Address, req bindings.JobMarketJobRequest, permit bool, good, wrong []byte) *pmJob {
	p := m.params[m.paramsID]
	m.jobCount++
	j := &pmJob{
		id: m.jobCount, client: client, payment: new(big.Int).Set(req.Payment),
		collateral: new(big.Int).Set(req.Collateral), specHash: req.SpecHash, acceptBy: req.AcceptBy,
		resultBy: req.ResultBy, window: req.ChallengeWindow, paramsID: m.paramsID, feeBps: p.feeBps,
		replicas: req.Replicas, status: pmOpen, good: good, wrong: wrong, cids: map[[32]byte][]byte{},
	}
	j.cids[crypto.Keccak256Hash(good)] = good
	j.cids[crypto.Keccak256Hash(wrong)] = wrong
	if req.Replicas > 1 {
		j.replicaPanel = &pmPanel{target: int(req.Replicas), commitBy: req.ResultBy, revealBy: req.ResultBy + uint64(p.replicaReveal)}
	}
	m.jobs[j.id] = j
	if permit {
		m.approve(client, m.market, req.Payment)
	}
	m.pull(client, m.market, req.Payment)
	return j
}

func (m *pmModel) reclaimViolations(id uint64, rec bindings.JobMarketJob, e pmEnv) []string {
	if v := m.loadViolations(id, rec, pmOpen); v != nil {
		return v
	}
	j := m.jobs[id]
	var v []string
	if e.T <= j.acceptBy {
		v = append(v, "TooEarly")
	}
	if j.replicas > 1 && len(j.replicaPanel.seats) == j.replicaPanel.target {
		v = append(v, "JobFull")
	}
	return v
}

func (m *pmModel) applyReclaim(j *pmJob) {
	if j.replicas > 1 {
		for _, s := range j.replicaPanel.seats {
			m.unlock(s.account, j.collateral)
		}
	}
	m.creditTo(j.client, j.payment)
	m.settle(j)
}

func (m *pmModel) claimTimeoutViolations(id uint64, rec bindings.JobMarketJob, e pmEnv) []string {
	if v := m.loadViolations(id, rec, pmAccepted); v != nil {
		return v
	}
	if e.T <= m.jobs[id].resultBy {
		return []string{"TooEarly"}
	}
	return nil
}

func (m *pmModel) applyClaimTimeout(j *pmJob) {
	m.slash(j.provider, j.collateral)
	m.creditTo(j.client, pmAdd(j.payment, j.collateral))
	m.settle(j)
}

// ---------------------------------------------------------------- market: providers

func (m *pmModel) acceptViolations(a common.Address, id uint64, rec bindings.JobMarketJob, e pmEnv) []string {
	if v := m.loadViolations(id, rec, pmOpen); v != nil {
		return v
	}
	j := m.jobs[id]
	var v []string
	if e.T > j.acceptBy {
		v = append(v, "TooLate")
	}
	if j.replicas > 1 {
		if len(j.replicaPanel.seats) >= j.replicaPanel.target {
			v = append(v, "JobFull")
		}
		if j.isProvider(a) {
			v = append(v, "AlreadyReplica")
		}
	}
	return append(v, m.lockViolations(a, j.collateral)...)
}

func (m *pmModel) applyAccept(a common.Address, j *pmJob, b pmBehaviour, willCommit bool, cid []byte, salt [32]byte) {
	if j.replicas == 1 {
		j.provider = a
		j.status = pmAccepted
		j.willCommit = willCommit
	} else {
		j.replicaPanel.seats = append(j.replicaPanel.seats, &pmSeat{account: a, behaviour: b, cid: cid, salt: salt})
	}
	m.lock(a, j.collateral)
}

func (m *pmModel) commitResultViolations(a common.Address, id uint64, rec bindings.JobMarketJob, cid []byte, e pmEnv) []string {
	if v := m.loadViolations(id, rec, pmAccepted); v != nil {
		return v
	}
	j := m.jobs[id]
	var v []string
	if a != j.provider {
		v = append(v, "NotProvider")
	}
	if e.T > j.resultBy {
		v = append(v, "TooLate")
	}
	if len(cid) == 0 || len(cid) > pmMaxCID {
		v = append(v, "BadCid")
	}
	return v
}

func (m *pmModel) applyCommitResult(j *pmJob, cid []byte, e pmEnv) {
	j.result = crypto.Keccak256Hash(cid)
	j.cids[j.result] = cid
	j.committedAt = e.T
	j.status = pmCommitted
}

// ---------------------------------------------------------------- panels (replicas and verifiers)

// commitment is commitmentFor: keccak256(abi.encode("brine/commit/v1", chainid, market, id, kind,
// account, resultHash, salt)).
func (m *pmModel) commitment(id uint64, kind uint8, a common.Address, cid []byte, salt [32]byte) [32]byte {
	enc, err := pmCommitArgs.Pack("brine/commit/v1", m.chainID, m.market, pmU(id), kind, a, crypto.Keccak256Hash(cid), salt)
	if err != nil {
		panic(err)
	}
	return crypto.Keccak256Hash(enc)
}

var pmCommitArgs = func() abi.Arguments {
	t := func(s string) abi.Argument {
		ty, err := abi.NewType(s, "", nil)
		if err != nil {
			panic(err)
		}
		return abi.Argument{Type: ty}
	}
	return abi.Arguments{t("string"), t("uint256"), t("address"), t("uint256"), t("uint8"), t("address"), t("bytes32"), t("bytes32")}
}()

func (m *pmModel) panelReady(j *pmJob, kind uint8, index int) *pmPanel {
	if j == nil {
		return nil
	}
	p := j.panel(kind)
	if p == nil || p.closed || len(p.seats) == 0 || len(p.seats) < p.target || index >= len(p.seats) {
		return nil
	}
	return p
}

func (m *pmModel) panelCommitViolations(a common.Address, id uint64, kind uint8, index int, commitment [32]byte, e pmEnv) []string {
	p := m.panelReady(m.jobs[id], kind, index)
	if p == nil {
		return []string{"PanelNotReady"}
	}
	var v []string
	if e.T > p.commitBy {
		v = append(v, "TooLate")
	}
	s := p.seats[index]
	if s.account != a {
		v = append(v, "NotPanelMember")
	}
	if s.commitment != ([32]byte{}) {
		v = append(v, "AlreadyCommitted")
	}
	if commitment == ([32]byte{}) {
		v = append(v, "CommitmentMismatch")
	}
	return v
}

func (m *pmModel) applyPanelCommit(id uint64, kind uint8, index int, commitment [32]byte) {
	m.jobs[id].panel(kind).seats[index].commitment = commitment
}

func (m *pmModel) panelRevealViolations(a common.Address, id uint64, kind uint8, index int, cid []byte, salt [32]byte, e pmEnv) []string {
	p := m.panelReady(m.jobs[id], kind, index)
	if p == nil {
		return []string{"PanelNotReady"}
	}
	var v []string
	if p.committed() < len(p.seats) && e.T <= p.commitBy {
		v = append(v, "TooEarly")
	}
	if e.T > p.revealBy {
		v = append(v, "TooLate")
	}
	s := p.seats[index]
	if s.account != a {
		v = append(v, "NotPanelMember")
	}
	if s.commitment == ([32]byte{}) {
		v = append(v, "NotCommitted")
	}
	if s.result != ([32]byte{}) {
		v = append(v, "AlreadyRevealed")
	}
	if len(cid) == 0 || len(cid) > pmMaxCID {
		v = append(v, "BadCid")
	}
	if m.commitment(id, kind, a, cid, salt) != s.commitment {
		v = append(v, "CommitmentMismatch")
	}
	return v
}

func (m *pmModel) applyPanelReveal(id uint64, kind uint8, index int, cid []byte) {
	j := m.jobs[id]
	r := crypto.Keccak256Hash(cid)
	j.panel(kind).seats[index].result = r
	j.cids[r] = cid
}

func (m *pmModel) resolveReplicasViolations(id uint64, rec bindings.JobMarketJob, e pmEnv) []string {
	if v := m.loadViolations(id, rec, pmOpen); v != nil {
		return v
	}
	j := m.jobs[id]
	if j.replicas == 1 {
		return []string{"WrongReplicaMode"}
	}
	p := j.replicaPanel
	if len(p.seats) < p.target || p.closed {
		return []string{"PanelNotReady"}
	}
	if p.revealed() < p.target && e.T <= p.revealBy {
		return []string{"TooEarly"}
	}
	return nil
}

// majority returns the result revealed by more than half of n seats, if any.
func pmMajority(seats []*pmSeat, n int) (result [32]byte, count int, ok bool) {
	counts := map[[32]byte]int{}
	for _, s := range seats {
		if s.result != ([32]byte{}) {
			counts[s.result]++
		}
	}
	for r, c := range counts {
		if 2*c > n {
			return r, c, true
		}
	}
	return [32]byte{}, 0, false
}

// applyResolveReplicas returns whether the replicas agreed.
func (m *pmModel) applyResolveReplicas(j *pmJob, e pmEnv) bool {
	p := j.replicaPanel
	winner, count, agreed := pmMajority(p.seats, p.target)
	if agreed {
		p.closed = true
		j.result = winner
		j.winners = uint8(count)
		j.committedAt = e.T
		j.status = pmCommitted
		toClient := new(big.Int)
		for _, s := range p.seats {
			if s.result != ([32]byte{}) {
				// The majority, and the minority until the job ends, stay locked.
				continue
			}
			// Silent replicas are slashed to the client now.
			m.slash(s.account, j.collateral)
			toClient.Add(toClient, j.collateral)
		}
		m.creditTo(j.client, toClient)
		return true
	}
	toClient := new(big.Int).Set(j.payment)
	for _, s := range p.seats {
		if s.result == ([32]byte{}) {
			m.slash(s.account, j.collateral)
			toClient.Add(toClient, j.collateral)
		} else {
			m.unlock(s.account, j.collateral)
		}
	}
	m.creditTo(j.client, toClient)
	m.settle(j)
	return false
}

// ---------------------------------------------------------------- challenges

func (m *pmModel) challengeViolations(a common.Address, id uint64, rec bindings.JobMarketJob, e pmEnv) []string {
	if v := m.loadViolations(id, rec, pmCommitted); v != nil {
		return v
	}
	j := m.jobs[id]
	var v []string
	if e.T >= j.committedAt+uint64(j.window) {
		v = append(v, "TooLate")
	}
	// The provider, or a replica standing for the job's result; a minority replica may.
	if j.isWinningProvider(a) {
		v = append(v, "SelfChallenge")
	}
	return append(v, m.pullViolations(a, m.market, m.params[j.paramsID].bond)...)
}

func (m *pmModel) applyChallenge(a common.Address, j *pmJob, e pmEnv) {
	bond := new(big.Int).Set(m.params[j.paramsID].bond)
	j.chal = &pmChallenge{challenger: a, bond: bond, anchor: e.B + 1}
	j.status = pmChallenged
	m.pull(a, m.market, bond)
}

// appealEnds is the end of the first panel's appeal window.
func (m *pmModel) appealEnds(j *pmJob) uint64 {
	return j.chal.panel.revealBy + uint64(m.params[j.paramsID].voteReveal)
}

func (m *pmModel) appealViolations(a common.Address, id uint64, rec bindings.JobMarketJob, e pmEnv) []string {
	if v := m.loadViolations(id, rec, pmChallenged); v != nil {
		return v
	}
	j := m.jobs[id]
	if j.chal.round != 0 {
		return []string{"NotAppealable"}
	}
	p := j.chal.panel
	if p == nil {
		return []string{"NotDrawn"}
	}
	if p.revealed() < len(p.seats) && e.T <= p.revealBy {
		return []string{"TooEarly"}
	}
	if e.T > m.appealEnds(j) {
		return []string{"TooLate"}
	}
	outcome, _, _ := j.tally()
	if !(outcome == pmUpheld && j.isWinningProvider(a)) && !(outcome == pmRejected && a == j.chal.challenger) {
		return []string{"NotAppealable"}
	}
	return m.pullViolations(a, m.market, m.appealBond(j))
}

// applyAppeal: the first panel's revealed votes are kept for the final verdict to judge (their
// collateral stays locked), its silent seats slashed; the appeal bond is taken and the final
// panel waits for its draw.
func (m *pmModel) applyAppeal(a common.Address, j *pmJob, e pmEnv) {
	vc := m.params[j.paramsID].verifierCollateral
	for _, s := range j.chal.panel.seats {
		if s.result != ([32]byte{}) {
			j.chal.first = append(j.chal.first, pmFirstVote{account: s.account, agreed: s.result == j.result})
		} else {
			m.slash(s.account, vc)
			m.toTreasury(vc)
		}
	}
	bond := m.appealBond(j)
	j.chal.panel = nil
	j.chal.round = 1
	j.chal.appellant = a
	j.chal.appealBond = bond
	j.chal.anchor = e.B + 1
	m.pull(a, m.market, bond)
}

func (m *pmModel) drawViolations(id uint64, rec bindings.JobMarketJob, e pmEnv) []string {
	if v := m.loadViolations(id, rec, pmChallenged); v != nil {
		return v
	}
	j := m.jobs[id]
	if j.chal.panel != nil {
		return []string{"AlreadyDrawn"}
	}
	if e.B <= j.chal.anchor {
		return []string{"TooEarly"}
	}
	return nil
}

// drawReanchors: the anchor's hash has aged out, so the call sets a new anchor instead.
func (m *pmModel) drawReanchors(j *pmJob, e pmEnv) bool {
	return e.blockhash(j.chal.anchor) == ([32]byte{})
}

// draw is the spec's verifier draw: positions keccak256(keccak256(seed, id), attempt) mod
// activeCount in the active list, at most 4K attempts, skipping ineligible candidates.
func (m *pmModel) draw(j *pmJob, seed [32]byte) []common.Address {
	p := m.params[j.paramsID]
	k := int(p.verifiers)
	if j.chal.round == 1 {
		k = pmAppealVerifiers
	}
	n := len(m.active)
	s := crypto.Keccak256Hash(seed[:], common.LeftPadBytes(pmU(j.id).Bytes(), 32))
	var chosen []common.Address
	for a := 0; a < k*pmDrawPerSeat && len(chosen) < k && n > 0; a++ {
		h := crypto.Keccak256(s[:], common.LeftPadBytes(pmInt(int64(a)).Bytes(), 32))
		pos := new(big.Int).Mod(new(big.Int).SetBytes(h), pmInt(int64(n))).Int64()
		cand := m.active[pos]
		if !m.isActive(cand) || m.free(cand).Cmp(p.verifierCollateral) < 0 {
			continue
		}
		if cand == j.chal.challenger || cand == j.client || j.isProvider(cand) || slices.Contains(chosen, cand) {
			continue
		}
		chosen = append(chosen, cand)
	}
	return chosen
}

func (m *pmModel) applyDraw(j *pmJob, e pmEnv, behaviours []pmBehaviour, cids [][]byte, salts [][32]byte) []common.Address {
	if m.drawReanchors(j, e) {
		j.chal.anchor = e.B + 1
		return nil
	}
	p := m.params[j.paramsID]
	chosen := m.draw(j, e.blockhash(j.chal.anchor))
	panel := &pmPanel{target: len(chosen), commitBy: e.T + uint64(p.voteCommit)}
	panel.revealBy = panel.commitBy + uint64(p.voteReveal)
	for i, a := range chosen {
		panel.seats = append(panel.seats, &pmSeat{account: a, behaviour: behaviours[i], cid: cids[i], salt: salts[i]})
		m.lock(a, p.verifierCollateral)
	}
	j.chal.panel = panel
	return chosen
}

func (m *pmModel) resolveChallengeViolations(id uint64, rec bindings.JobMarketJob, e pmEnv) []string {
	if v := m.loadViolations(id, rec, pmChallenged); v != nil {
		return v
	}
	p := m.jobs[id].chal.panel
	if p == nil {
		return []string{"NotDrawn"}
	}
	if p.revealed() < len(p.seats) && e.T <= p.revealBy {
		return []string{"TooEarly"}
	}
	if outcome, _, _ := m.jobs[id].tally(); outcome != pmInconclusive && m.jobs[id].chal.round == 0 && e.T <= m.appealEnds(m.jobs[id]) {
		return []string{"TooEarly"}
	}
	return nil
}

// applyResolveChallenge pays out the outcome per the table in docs/protocol.md.
func (m *pmModel) applyResolveChallenge(j *pmJob) (outcome uint8, agree, disagree int) {
	params := m.params[j.paramsID]
	c := j.chal
	vc := params.verifierCollateral
	outcome, agree, disagree = j.tally()
	defer m.judgeFirstVotes(c, outcome, vc)
	appealed := new(big.Int)
	if c.appealBond != nil {
		appealed = c.appealBond
	}
	challengerAppealed := c.round == 1 && c.appellant == c.challenger
	switch outcome {
	case pmRejected:
		winners := 1
		if j.replicas > 1 {
			winners = int(j.winners)
		}
		pot := new(big.Int).Set(c.bond)
		if challengerAppealed {
			pot.Add(pot, appealed)
		} else {
			m.creditTo(c.appellant, appealed)
		}
		recipients := pmInt(int64(winners + agree))
		share := pmDiv(pot, recipients)
		m.toTreasury(pmSub(pot, pmMul(share, recipients)))
		if j.replicas == 1 {
			m.creditTo(j.provider, share)
		} else {
			for _, s := range j.replicaPanel.seats {
				if s.result == j.result {
					m.creditTo(s.account, share)
				}
			}
		}
		for _, s := range c.panel.seats {
			if s.result == j.result {
				m.creditTo(s.account, share)
				m.unlock(s.account, vc)
			} else {
				m.slash(s.account, vc)
				m.toTreasury(vc)
			}
		}
		j.status = pmCleared
		j.chal = nil
	case pmUpheld:
		m.creditTo(j.client, j.payment)
		slashed := new(big.Int)
		if j.replicas == 1 {
			m.slash(j.provider, j.collateral)
			slashed.Add(slashed, j.collateral)
		} else {
			for _, s := range j.replicaPanel.seats {
				switch {
				case s.result == j.result:
					m.slash(s.account, j.collateral)
					slashed.Add(slashed, j.collateral)
				case s.result != ([32]byte{}):
					// A minority replica, proved right: unlocked (silent ones went at resolve).
					m.unlock(s.account, j.collateral)
				}
			}
		}
		toChallenger := pmDiv(pmMul(slashed, pmInt(int64(params.challengerBps))), pmBps)
		forfeited, back := appealed, new(big.Int)
		if challengerAppealed {
			forfeited, back = new(big.Int), appealed
		}
		each := pmDiv(pmAdd(pmDiv(pmMul(slashed, pmInt(int64(params.verifierBps))), pmBps), forfeited), pmInt(int64(disagree)))
		m.creditTo(c.challenger, pmAdd(pmAdd(c.bond, toChallenger), back))
		m.toTreasury(pmSub(pmSub(pmAdd(slashed, forfeited), toChallenger), pmMul(each, pmInt(int64(disagree)))))
		for _, s := range c.panel.seats {
			if s.result != ([32]byte{}) && s.result != j.result {
				m.creditTo(s.account, each)
				m.unlock(s.account, vc)
			} else {
				m.slash(s.account, vc)
				m.toTreasury(vc)
			}
		}
		m.settle(j)
	default:
		m.creditTo(c.challenger, c.bond)
		m.creditTo(c.appellant, appealed)
		for _, s := range c.panel.seats {
			if s.result != ([32]byte{}) {
				m.unlock(s.account, vc)
			} else {
				m.slash(s.account, vc)
				m.toTreasury(vc)
			}
		}
		j.status = pmCleared
		j.chal = nil
	}
	return outcome, agree, disagree
}

// judgeFirstVotes is the spec of an appealed first panel's judgment, after the final panel's
// settlement: votes against the final verdict are slashed, their collateral split evenly among
// the votes with it (unlocked), the remainder to the treasury; inconclusive unlocks them all.
func (m *pmModel) judgeFirstVotes(c *pmChallenge, outcome uint8, vc *big.Int) {
	var kept []common.Address
	slashed := 0
	for _, v := range c.first {
		if outcome == pmInconclusive || v.agreed == (outcome == pmRejected) {
			kept = append(kept, v.account)
			m.unlock(v.account, vc)
		} else {
			slashed++
			m.slash(v.account, vc)
		}
	}
	pot := pmMul(vc, pmInt(int64(slashed)))
	share := new(big.Int)
	if len(kept) > 0 {
		share = pmDiv(pot, pmInt(int64(len(kept))))
	}
	for _, a := range kept {
		m.creditTo(a, share)
	}
	m.toTreasury(pmSub(pot, pmMul(share, pmInt(int64(len(kept))))))
}

// ---------------------------------------------------------------- settlement

func (m *pmModel) finalizeViolations(id uint64, rec bindings.JobMarketJob, e pmEnv) []string {
	if v := m.loadViolations(id, rec); v != nil {
		return v
	}
	j := m.jobs[id]
	switch j.status {
	case pmCommitted:
		if e.T < j.committedAt+uint64(j.window) {
			return []string{"TooEarly"}
		}
	case pmCleared:
	default:
		return []string{"WrongStatus"}
	}
	return nil
}

// fee is payment × feeBps / 10000 rounded down.
func pmFee(amount *big.Int, feeBps uint16) *big.Int {
	return pmDiv(pmMul(amount, pmInt(int64(feeBps))), pmBps)
}

func (m *pmModel) applyFinalize(j *pmJob) {
	if j.replicas == 1 {
		f := pmFee(j.payment, j.feeBps)
		m.creditTo(j.provider, pmSub(j.payment, f))
		m.toTreasury(f)
		m.unlock(j.provider, j.collateral)
	} else {
		share := pmDiv(j.payment, pmInt(int64(j.replicas)))
		paidOut := new(big.Int)
		for _, s := range j.replicaPanel.seats {
			if s.result != j.result {
				if s.result != ([32]byte{}) {
					// The minority's collateral, kept locked since resolve, goes to the client.
					m.slash(s.account, j.collateral)
					m.creditTo(j.client, j.collateral)
				}
				continue
			}
			f := pmFee(share, j.feeBps)
			m.creditTo(s.account, pmSub(share, f))
			m.toTreasury(f)
			paidOut.Add(paidOut, share)
			m.unlock(s.account, j.collateral)
		}
		m.creditTo(j.client, pmSub(j.payment, paidOut))
	}
	m.settle(j)
}

// finalizeBatchViolations checks the jobs in order, as if finalized one after another.
func (m *pmModel) finalizeBatchViolations(ids []uint64, recs []bindings.JobMarketJob, e pmEnv) []string {
	if len(ids) != len(recs) || len(ids) == 0 || len(ids) > pmMaxBatch {
		return []string{"BadBatch"}
	}
	seen := map[uint64]bool{}
	for i, id := range ids {
		if seen[id] {
			return []string{"UnknownJob"}
		}
		if v := m.finalizeViolations(id, recs[i], e); v != nil {
			return v
		}
		seen[id] = true
	}
	return nil
}

func (m *pmModel) withdrawViolations(a common.Address) []string {
	if pmGet(m.credit, a).Sign() == 0 {
		return []string{"NothingToWithdraw"}
	}
	return nil
}

func (m *pmModel) applyWithdraw(a common.Address) {
	m.transfer(m.market, a, pmGet(m.credit, a))
	m.credit[a] = new(big.Int)
}

func (m *pmModel) withdrawFeesViolations() []string {
	if m.accrued.Sign() == 0 {
		return []string{"NothingToWithdraw"}
	}
	return nil
}

func (m *pmModel) applyWithdrawFees() {
	m.transfer(m.market, m.treasury, m.accrued)
	m.accrued = new(big.Int)
}

// donateViolations: a plain ERC-20 transfer of amt from a to anyone.
func (m *pmModel) donateViolations(a common.Address, amt *big.Int) []string {
	if pmGet(m.wallet, a).Cmp(amt) < 0 {
		return []string{"ERC20InsufficientBalance"}
	}
	return nil
}

// applyDonate: the tokens arrive without any of the contract's own paths; they are owed to nobody.
func (m *pmModel) applyDonate(a, to common.Address, amt *big.Int) {
	m.transfer(a, to, amt)
	pmGet(m.surplus, to).Add(pmGet(m.surplus, to), amt)
}

// sweepViolations: sweepSurplus needs a surplus; anyone may call it.
func (m *pmModel) sweepViolations() []string {
	if pmGet(m.surplus, m.market).Sign() == 0 {
		return []string{"NoSurplus"}
	}
	return nil
}

// applySweep credits the market's surplus to the treasury; nothing else that is owed changes.
func (m *pmModel) applySweep() *big.Int {
	amt := new(big.Int).Set(pmGet(m.surplus, m.market))
	m.accrued.Add(m.accrued, amt)
	m.surplus[m.market] = new(big.Int)
	return amt
}

// ---------------------------------------------------------------- governance

func (m *pmModel) setParamsViolations(caller common.Address, p pmParams) []string {
	if caller != m.owner {
		return []string{"OwnableUnauthorizedAccount"}
	}
	var v []string
	if p.feeBps > pmMaxFeeBps {
		v = append(v, "BadParams")
	}
	if int(p.challengerBps)+int(p.verifierBps) > 10_000 {
		v = append(v, "BadParams")
	}
	if p.verifiers == 0 || p.verifiers > pmMaxVerifiers || p.verifiers%2 == 0 {
		v = append(v, "BadParams")
	}
	for _, w := range []uint32{p.minChallengeWindow, p.voteCommit, p.voteReveal, p.replicaReveal} {
		if w < pmMinWindow || w > pmMaxWindow {
			v = append(v, "BadParams")
		}
	}
	if p.bond.Sign() == 0 || p.verifierCollateral.Sign() == 0 || p.minCollateral.Sign() == 0 {
		v = append(v, "BadParams")
	}
	if p.minCollateralBps > pmMaxCollateralBps {
		v = append(v, "BadParams")
	}
	return v
}

func (m *pmModel) applySetParams(p pmParams) {
	m.paramsID++
	m.params[m.paramsID] = p
}

func (m *pmModel) setStakingParamsViolations(caller common.Address, minStake *big.Int, delay uint64) []string {
	if caller != m.owner {
		return []string{"OwnableUnauthorizedAccount"}
	}
	if minStake.Sign() == 0 || delay > 90*24*3600 {
		return []string{"ParamOutOfRange"}
	}
	return nil
}

// applySetStakingParams: the active list is not touched; a provider's place in it changes only
// when its own stake or registration next changes (the lazy re-check of the spec).
func (m *pmModel) applySetStakingParams(minStake *big.Int, delay uint64) {
	m.minStake = new(big.Int).Set(minStake)
	m.unbondingDelay = delay
}

func (m *pmModel) addReporterViolations(caller, rep common.Address) []string {
	if caller != m.owner {
		return []string{"OwnableUnauthorizedAccount"}
	}
	var v []string
	if rep == (common.Address{}) {
		v = append(v, "ZeroAddress")
	}
	if m.reporterSince[rep] != 0 {
		v = append(v, "AlreadyReporter")
	}
	if m.reporterCount >= 64 {
		v = append(v, "TooMany")
	}
	return v
}

func (m *pmModel) applyAddReporter(rep common.Address, e pmEnv) {
	m.reporterSince[rep] = e.T
	m.reporterCount++
}

func (m *pmModel) removeReporterViolations(caller, rep common.Address) []string {
	if caller != m.owner {
		return []string{"OwnableUnauthorizedAccount"}
	}
	if m.reporterSince[rep] == 0 {
		return []string{"NotReporter"}
	}
	return nil
}

func (m *pmModel) applyRemoveReporter(rep common.Address) {
	m.reporterSince[rep] = 0
	m.reporterCount--
}

// ---------------------------------------------------------------- uptime rewards

func (m *pmModel) epoch(e uint64) *pmEpoch {
	if ep, ok := m.epochs[e]; ok {
		return ep
	}
	ep := &pmEpoch{budget: new(big.Int), paid: new(big.Int), cap: new(big.Int), roots: map[common.Address]*pmRoot{}}
	m.epochs[e] = ep
	return ep
}

func (m *pmModel) epochEnd(e uint64) uint64 { return m.genesis + (e+1)*m.epochLength }

func (m *pmModel) currentEpoch(t uint64) uint64 {
	if t < m.genesis {
		return 0
	}
	return (t - m.genesis) / m.epochLength
}

// closed: the epoch's claim window is over (epoch e + claimEpochs has ended).
func (m *pmModel) closed(e uint64, ev pmEnv) bool {
	return ev.T >= m.genesis && m.currentEpoch(ev.T) > e+m.claimEpochs
}

func (m *pmModel) fundViolations(funder common.Address, from, count uint64, amount *big.Int, ev pmEnv) []string {
	var v []string
	if amount.Sign() == 0 || count == 0 {
		v = append(v, "ZeroAmount")
	}
	if count > pmMaxClaims || from+count < from {
		v = append(v, "TooMany")
	}
	for e := from; e < from+count && count <= pmMaxClaims; e++ {
		if m.closed(e, ev) {
			v = append(v, "ClaimWindowClosed")
		}
		if ep := m.epochs[e]; ep != nil && pmAdd(ep.budget, amount).Cmp(pmMaxUint128) > 0 {
			v = append(v, "TooMany")
		} else if ep == nil && amount.Cmp(pmMaxUint128) > 0 {
			v = append(v, "TooMany")
		}
	}
	return append(v, m.pullViolations(funder, m.rewards, pmMul(amount, pmU(count)))...)
}

func (m *pmModel) applyFund(funder common.Address, from, count uint64, amount *big.Int) {
	for e := from; e < from+count; e++ {
		ep := m.epoch(e)
		ep.budget.Add(ep.budget, amount)
	}
	m.pull(funder, m.rewards, pmMul(amount, pmU(count)))
}

func (m *pmModel) postRootViolations(r common.Address, e uint64, root [32]byte, ev pmEnv) []string {
	since := m.reporterSince[r]
	end := m.epochEnd(e)
	var v []string
	if since == 0 || since >= end {
		v = append(v, "NotReporter")
	}
	if ev.T < end {
		v = append(v, "EpochNotEnded")
	}
	if ep, ok := m.epochs[e]; ok && ep.roots[r] != nil {
		v = append(v, "RootAlreadyPosted")
	}
	if root == ([32]byte{}) {
		v = append(v, "InvalidProof")
	}
	return v
}

// capsFor: the per-leaf cap and reporter count a root for epoch e would have (snapshot, or now).
func (m *pmModel) capsFor(e uint64) (leafCap *big.Int, reporters uint8) {
	if ep := m.epochs[e]; ep != nil && ep.reporters != 0 {
		return pmDiv(ep.cap, pmInt(int64(ep.reporters))), ep.reporters
	}
	if m.reporterCount == 0 {
		return new(big.Int), 0
	}
	return pmDiv(m.rewardPerProvider, pmInt(int64(m.reporterCount))), m.reporterCount
}

func (m *pmModel) applyPostRoot(r common.Address, e uint64, root [32]byte, leaves []pmLeaf) {
	ep := m.epoch(e)
	if ep.reporters == 0 {
		ep.reporters = m.reporterCount
		ep.cap = new(big.Int).Set(m.rewardPerProvider)
	}
	ep.roots[r] = &pmRoot{root: root, paid: new(big.Int), leaves: leaves}
}

// claimViolations checks the claims in order; the first failing claim decides.
func (m *pmModel) claimViolations(a common.Address, claims []bindings.UptimeRewardsClaim, ev pmEnv) []string {
	if len(claims) == 0 {
		return []string{"ZeroAmount"}
	}
	if len(claims) > pmMaxClaims {
		return []string{"TooMany"}
	}
	done := map[pmClaimKey]bool{}
	paid := map[[2]any]*big.Int{}
	for _, c := range claims {
		if m.closed(c.Epoch, ev) {
			return []string{"ClaimWindowClosed"}
		}
		ep, ok := m.epochs[c.Epoch]
		var root *pmRoot
		if ok {
			root = ep.roots[c.Reporter]
		}
		if root == nil {
			return []string{"NoRoot"}
		}
		var v []string
		if c.Amount.Sign() == 0 {
			v = append(v, "ZeroAmount")
		}
		if !pmMerkleVerify(c.Proof, root.root, pmLeafHash(c.Epoch, a, c.Amount)) {
			v = append(v, "InvalidProof")
		}
		k := pmClaimKey{a, c.Reporter, c.Epoch}
		if m.claimed[k] || done[k] {
			v = append(v, "AlreadyClaimed")
		}
		if c.Amount.Cmp(pmDiv(ep.cap, pmInt(int64(ep.reporters)))) > 0 {
			v = append(v, "LeafOverCap")
		}
		pk := [2]any{c.Epoch, c.Reporter}
		if paid[pk] == nil {
			paid[pk] = new(big.Int).Set(root.paid)
		}
		next := pmAdd(paid[pk], c.Amount)
		if next.Cmp(pmDiv(ep.budget, pmInt(int64(ep.reporters)))) > 0 {
			v = append(v, "ShareExceeded")
		}
		if v != nil {
			return v
		}
		done[k] = true
		paid[pk] = next
	}
	return nil
}

// rollOverViolations: rollOver(e) needs e's claim window closed and something left to move.
func (m *pmModel) rollOverViolations(e uint64, ev pmEnv) []string {
	if !m.closed(e, ev) {
		return []string{"ClaimWindowOpen"}
	}
	if ep := m.epochs[e]; ep == nil || ep.budget.Cmp(ep.paid) == 0 {
		return []string{"ZeroAmount"}
	}
	return nil
}

// applyRollOver moves budget − paid of a closed epoch into the epoch after the current one.
func (m *pmModel) applyRollOver(e uint64, ev pmEnv) (to uint64, amount *big.Int) {
	ep := m.epochs[e]
	amount = pmSub(ep.budget, ep.paid)
	ep.budget = new(big.Int).Set(ep.paid)
	to = m.currentEpoch(ev.T) + 1
	next := m.epoch(to)
	next.budget.Add(next.budget, amount)
	return to, amount
}

func (m *pmModel) applyClaim(a common.Address, claims []bindings.UptimeRewardsClaim) {
	total := new(big.Int)
	for _, c := range claims {
		ep := m.epochs[c.Epoch]
		root := ep.roots[c.Reporter]
		m.claimed[pmClaimKey{a, c.Reporter, c.Epoch}] = true
		root.paid.Add(root.paid, c.Amount)
		ep.paid.Add(ep.paid, c.Amount)
		total.Add(total, c.Amount)
	}
	m.transfer(m.rewards, a, total)
}

// ---------------------------------------------------------------- hashing

func pmWord(b []byte) []byte { return common.LeftPadBytes(b, 32) }

func pmWordU(n uint64) []byte { return pmWord(pmU(n).Bytes()) }

// jobHashOf is keccak256(abi.encode(Job)): fifteen static words.
func pmJobHash(r bindings.JobMarketJob) [32]byte {
	var buf []byte
	for _, w := range [][]byte{
		pmWord(r.Client.Bytes()), pmWord(r.Payment.Bytes()), pmWord(r.Provider.Bytes()), pmWord(r.Collateral.Bytes()),
		r.SpecHash[:], r.Result[:], pmWordU(r.AcceptBy), pmWordU(r.ResultBy), pmWordU(r.CommittedAt),
		pmWordU(uint64(r.ChallengeWindow)), pmWordU(uint64(r.ParamsId)), pmWordU(uint64(r.FeeBps)),
		pmWordU(uint64(r.Replicas)), pmWordU(uint64(r.Winners)), pmWordU(uint64(r.Status)),
	} {
		buf = append(buf, w...)
	}
	return crypto.Keccak256Hash(buf)
}

// leafHash is OpenZeppelin's double-hashed leaf over abi.encode(uint64 epoch, address, uint256).
func pmLeafHash(epoch uint64, provider common.Address, amount *big.Int) [32]byte {
	inner := crypto.Keccak256(pmWordU(epoch), pmWord(provider.Bytes()), pmWord(amount.Bytes()))
	return crypto.Keccak256Hash(inner)
}

// hashPair is the commutative inner node: keccak256 of the sorted pair.
func pmHashPair(a, b [32]byte) [32]byte {
	if bytes.Compare(a[:], b[:]) > 0 {
		a, b = b, a
	}
	return crypto.Keccak256Hash(a[:], b[:])
}

// merkleTree builds a tree over leaves (an odd node is carried up unchanged) and returns the
// root and each leaf's proof.
func pmMerkleTree(leaves [][32]byte) ([32]byte, [][][32]byte) {
	proofs := make([][][32]byte, len(leaves))
	pos := make([]int, len(leaves))
	for i := range pos {
		pos[i] = i
	}
	level := slices.Clone(leaves)
	for len(level) > 1 {
		for i := range leaves {
			if sib := pos[i] ^ 1; sib < len(level) {
				proofs[i] = append(proofs[i], level[sib])
			}
			pos[i] /= 2
		}
		var next [][32]byte
		for i := 0; i < len(level); i += 2 {
			if i+1 < len(level) {
				next = append(next, pmHashPair(level[i], level[i+1]))
			} else {
				next = append(next, level[i])
			}
		}
		level = next
	}
	return level[0], proofs
}

func pmMerkleVerify(proof [][32]byte, root, leaf [32]byte) bool {
	h := leaf
	for _, p := range proof {
		h = pmHashPair(h, p)
	}
	return h == root
}

// sortedJobs returns the live jobs by ID.
func (m *pmModel) liveJobs() []*pmJob {
	var out []*pmJob
	for _, j := range m.jobs {
		if !j.settled {
			out = append(out, j)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].id < out[b].id })
	return out
}
