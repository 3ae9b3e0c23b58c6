package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/internal/simchain"
)

// Fixed inputs: the same every run, so the calldata (and so the gas) is too.
const (
	seed = "brine/gasreport/v1"
	// genesisTime is the simulated chain's first timestamp (2096-10-02): ahead of the wall clock, so
	// blocks follow it one second apart instead of following the wall clock.
	genesisTime = 4_000_000_000
	// challengeWindow of every job, in seconds.
	challengeWindow = 10
	acceptIn        = 600 // seconds from posting to acceptBy
	resultIn        = 600 // seconds from acceptBy to resultBy
	batchSize       = 50
)

var (
	payment    = deploy.Token(10) // per job (replicated: per replica)
	collateral = deploy.Token(5)
	stake      = deploy.Token(1000)
	specHash   = nonzero32("brine/gasreport/spec")
	resultCID  = cid("brine/gasreport/result")
	wrongCID   = cid("brine/gasreport/wrong-result")
)

// step is one measured transaction.
type step struct {
	Name string
	Gas  uint64
	B    breakdown
}

// path is one measured protocol path.
type path struct {
	Name   string
	Title  string // what the path does, one line
	Setup  string // the state it is measured in
	Steps  []step
	Jobs   int      // > 0: a batch path, reported per job too
	Target uint64   // > 0: the budget for Gas (or for per-job gas when Jobs > 0)
	Notes  []string // context measured alongside (not counted)
}

// Gas is the path's total: the sum of its transactions' gasUsed.
func (p path) Gas() uint64 {
	var g uint64
	for _, s := range p.Steps {
		g += s.Gas
	}
	return g
}

// PerJob is Gas / Jobs, rounded to the nearest unit.
func (p path) PerJob() uint64 {
	if p.Jobs == 0 {
		return 0
	}
	return (p.Gas() + uint64(p.Jobs)/2) / uint64(p.Jobs)
}

// Measured is the figure the target applies to.
func (p path) Measured() uint64 {
	if p.Jobs > 0 {
		return p.PerJob()
	}
	return p.Gas()
}

// step looks a name up.
func (p path) step(name string) step {
	for _, s := range p.Steps {
		if s.Name == name {
			return s
		}
	}
	return step{Name: name}
}

// run is one scenario: a fresh reproducible chain and the transactions measured on it.
type run struct {
	c         *simchain.Chain
	col       *collector
	recording bool
	steps     []step
}

// gethDevRules runs a chain under geth --dev's own rules (params.AllDevChainProtocolChanges),
// the Bogota fork and its EIP-8037 state-gas metering included, which `brine devnet` and the
// figures above leave out: what a user of an external `geth --dev` pays.
func gethDevRules(_ *node.Config, eth *ethconfig.Config) {
	eth.Genesis.Config = params.AllDevChainProtocolChanges
}

func newRun(backend ...func(*node.Config, *ethconfig.Config)) (*run, error) {
	col, install := newCollector()
	c, err := simchain.StartSeeded(simchain.Seeded{Seed: seed, Time: genesisTime, Backend: append([]func(*node.Config, *ethconfig.Config){install}, backend...)})
	if err != nil {
		col.release()
		return nil, err
	}
	col.setGroups(c.Addr.Market, c.Addr.Token, c.Addr.Registry, c.Addr.Rewards)
	return &run{c: c, col: col}, nil
}

func (r *run) close() {
	_ = r.c.Sim.Close()
	r.col.release()
}

// rec checks a transaction and, while recording, measures it.
func (r *run) rec(name string, receipt *types.Receipt, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if receipt == nil || receipt.Status != types.ReceiptStatusSuccessful {
		return fmt.Errorf("%s: transaction failed", name)
	}
	if !r.recording {
		return nil
	}
	b, err := r.col.breakdownOf(receipt)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	r.steps = append(r.steps, step{Name: name, Gas: receipt.GasUsed, B: b})
	return nil
}

// measure runs f with recording on and returns what it recorded.
func (r *run) measure(f func() error) ([]step, error) {
	r.recording, r.steps = true, nil
	err := f()
	r.recording = false
	return r.steps, err
}

func (r *run) account(name string, tokens *big.Int) (*simchain.Account, error) {
	return r.c.NewAccountWithKey(name, simchain.SeededKey(seed, name), tokens)
}

// provider creates a registered provider with `stake` staked (and as much again in its wallet).
func (r *run) provider(name string) (*simchain.Account, error) {
	a, err := r.account(name, new(big.Int).Mul(stake, big.NewInt(2)))
	if err != nil {
		return nil, err
	}
	peer := append([]byte{0x00, 0x24, 0x08, 0x01, 0x12, 0x20}, crypto.Keccak256([]byte("peer/"+name))...)
	if _, err := r.c.Send(a, r.c.Registry, r.c.RegistryABI.PackRegister(peer, []byte("sig"), []byte(`{"cpu":2}`))); err != nil {
		return nil, fmt.Errorf("register %s: %w", name, err)
	}
	if err := r.c.Stake(a, stake); err != nil {
		return nil, fmt.Errorf("stake %s: %w", name, err)
	}
	return a, nil
}

func (r *run) providers(prefix string, n int) ([]*simchain.Account, error) {
	out := make([]*simchain.Account, n)
	for i := range out {
		p, err := r.provider(fmt.Sprintf("%s-%d", prefix, i+1))
		if err != nil {
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}

func (r *run) client() (*simchain.Account, error) {
	return r.account("client", deploy.Token(1_000_000))
}

func (r *run) request(replicas uint8) bindings.JobMarketJobRequest {
	now := r.c.Now()
	return bindings.JobMarketJobRequest{
		SpecHash:        specHash,
		Payment:         new(big.Int).Mul(payment, big.NewInt(int64(replicas))),
		Collateral:      collateral,
		Replicas:        replicas,
		AcceptBy:        now + acceptIn,
		ResultBy:        now + acceptIn + resultIn,
		ChallengeWindow: challengeWindow,
	}
}

// post posts a job with approve + postJob, or postJobWithPermit.
func (r *run) post(client *simchain.Account, replicas uint8, permit bool) (*simchain.Job, error) {
	req := r.request(replicas)
	if permit {
		j, receipt, err := r.c.PostWithPermit(client, req)
		return j, r.rec("postJobWithPermit", receipt, err)
	}
	receipt, err := r.c.Approve(client, r.c.Addr.Market, req.Payment)
	if err := r.rec("approve", receipt, err); err != nil {
		return nil, err
	}
	j, receipt, err := r.c.PostOnly(client, req)
	return j, r.rec("postJob", receipt, err)
}

// committed posts, accepts and commits a single-replica job.
func (r *run) committed(client, prov *simchain.Account, permit bool) (*simchain.Job, error) {
	j, err := r.post(client, 1, permit)
	if err != nil {
		return nil, err
	}
	receipt, err := r.c.Accept(prov, j)
	if err := r.rec("acceptJob", receipt, err); err != nil {
		return nil, err
	}
	receipt, err = r.c.CommitResult(prov, j, resultCID)
	return j, r.rec("commitResult", receipt, err)
}

// job runs the whole happy path of one single-replica job.
func (r *run) job(client, prov *simchain.Account, permit bool) error {
	j, err := r.committed(client, prov, permit)
	if err != nil {
		return err
	}
	r.c.Advance((challengeWindow + 1) * time.Second)
	receipt, err := r.c.Finalize(client, j)
	return r.rec("finalize", receipt, err)
}

// ---------------------------------------------------------------- paths

type scenario struct {
	name string
	run  func() (path, error)
}

func scenarios() []scenario {
	return []scenario{
		{"happy", func() (path, error) { return happyPath(false, false) }},
		{"happy_permit", func() (path, error) { return happyPath(true, false) }},
		{"happy_first", func() (path, error) { return happyPath(true, true) }},
		{"replicated_3", replicated3},
		{"challenge_upheld", func() (path, error) { return challengePath(true) }},
		{"challenge_rejected", func() (path, error) { return challengePath(false) }},
		{"challenge_appealed", appealPath},
		{"accept_timeout", acceptTimeout},
		{"result_timeout", resultTimeout},
		{"finalize_batch_50", func() (path, error) { return finalizeBatch(1) }},
		{"finalize_batch_50_5providers", func() (path, error) { return finalizeBatch(5) }},
		{"rewards_claim_10", rewardsClaim10},
		{"withdraw", withdrawPath},
		{"bind_miner", func() (path, error) { return bindMinerPath(false) }},
		{"bind_miner_fevm", func() (path, error) { return bindMinerPath(true) }},
		{"reclaim_peer_fevm", reclaimPeerPath},
	}
}

// gethDevScenarios are paths measured again under geth --dev's own rules (gethDevRules).
func gethDevScenarios() []scenario {
	return []scenario{
		{"happy_permit_gethdev", func() (path, error) { return gethDev(happyPath(true, false, gethDevRules)) }},
		{"happy_first_gethdev", func() (path, error) { return gethDev(happyPath(true, true, gethDevRules)) }},
	}
}

// gethDev renames a path measured under geth --dev's rules.
func gethDev(p path, err error) (path, error) {
	p.Name += "_gethdev"
	p.Setup += "; under geth --dev's rules (Bogota, EIP-8037)"
	return p, err
}

// happyPath: one client, one provider. Steady state: a warm-up job ran first (the provider has a
// credited balance, the treasury has accrued fees, the client's permit nonce is non-zero). first:
// the very first job on a fresh deployment.
func happyPath(permit, first bool, backend ...func(*node.Config, *ethconfig.Config)) (path, error) {
	p := path{Name: "happy", Title: "approve + postJob + acceptJob + commitResult + finalize", Setup: "steady state: same client and provider after a warm-up job"}
	if permit {
		p.Name, p.Title = "happy_permit", "postJobWithPermit + acceptJob + commitResult + finalize"
	}
	if first {
		p.Name, p.Setup = "happy_first", "first job ever on a fresh deployment (new slots everywhere)"
		p.Title += ", the first job ever"
	}
	if !permit && len(backend) == 0 {
		p.Target = 300_000
	}
	r, err := newRun(backend...)
	if err != nil {
		return p, err
	}
	defer r.close()
	client, err := r.client()
	if err != nil {
		return p, err
	}
	prov, err := r.provider("provider")
	if err != nil {
		return p, err
	}
	if !first {
		if err := r.job(client, prov, permit); err != nil {
			return p, fmt.Errorf("warm-up: %w", err)
		}
	}
	p.Steps, err = r.measure(func() error { return r.job(client, prov, permit) })
	return p, err
}

// withdrawPath: the provider withdraws its credited balance (it has withdrawn before).
func withdrawPath() (path, error) {
	p := path{Name: "withdraw", Title: "withdraw (one per many jobs)", Setup: "steady state: the provider's balance credited by a finalized job; it holds tokens and has withdrawn before"}
	r, err := newRun()
	if err != nil {
		return p, err
	}
	defer r.close()
	client, err := r.client()
	if err != nil {
		return p, err
	}
	prov, err := r.provider("provider")
	if err != nil {
		return p, err
	}
	if err := r.job(client, prov, false); err != nil {
		return p, fmt.Errorf("warm-up: %w", err)
	}
	receipt, err := r.c.Withdraw(prov)
	if err := r.rec("withdraw", receipt, err); err != nil {
		return p, fmt.Errorf("warm-up: %w", err)
	}
	if err := r.job(client, prov, false); err != nil {
		return p, err
	}
	p.Steps, err = r.measure(func() error {
		receipt, err := r.c.Withdraw(prov)
		return r.rec("withdraw", receipt, err)
	})
	return p, err
}

// replicated3: N=3, all agree.
func replicated3() (path, error) {
	p := path{Name: "replicated_3", Title: "N=3 replicas agreeing: approve + postJob, 3 acceptJob, 3 commitReplica, 3 revealReplica, resolveReplicas, finalize",
		Setup: "steady state: the same client and three providers after a warm-up replicated job"}
	r, err := newRun()
	if err != nil {
		return p, err
	}
	defer r.close()
	client, err := r.client()
	if err != nil {
		return p, err
	}
	provs, err := r.providers("replica", 3)
	if err != nil {
		return p, err
	}
	once := func() error {
		j, err := r.post(client, 3, false)
		if err != nil {
			return err
		}
		for i, pr := range provs {
			receipt, err := r.c.Accept(pr, j)
			if err := r.rec(fmt.Sprintf("acceptJob #%d", i+1), receipt, err); err != nil {
				return err
			}
		}
		salts := make([][32]byte, len(provs))
		for i, pr := range provs {
			salt, err := r.salt(j, 0, pr, resultCID)
			if err != nil {
				return err
			}
			salts[i] = salt
			receipt, err := r.c.CommitReplica(pr, j, uint8(i), resultCID, salt)
			if err := r.rec(fmt.Sprintf("commitReplica #%d", i+1), receipt, err); err != nil {
				return err
			}
		}
		for i, pr := range provs {
			receipt, err := r.c.RevealReplica(pr, j, uint8(i), resultCID, salts[i])
			if err := r.rec(fmt.Sprintf("revealReplica #%d", i+1), receipt, err); err != nil {
				return err
			}
		}
		receipt, err := r.c.ResolveReplicas(client, j)
		if err := r.rec("resolveReplicas", receipt, err); err != nil {
			return err
		}
		r.c.Advance((challengeWindow + 1) * time.Second)
		receipt, err = r.c.Finalize(client, j)
		return r.rec("finalize", receipt, err)
	}
	if err := once(); err != nil {
		return p, fmt.Errorf("warm-up: %w", err)
	}
	p.Steps, err = r.measure(once)
	return p, err
}

// challengePath: a committed job is challenged; 3 verifiers are drawn from 5 eligible providers
// and vote against (upheld) or for (rejected) the provider's result.
func challengePath(upheld bool) (path, error) {
	p := path{Name: "challenge_rejected", Title: "happy path up to commitResult, then approve bond + challenge + drawVerifiers + 3 commitVote + 3 revealVote + resolveChallenge + finalize"}
	if upheld {
		p.Name, p.Title = "challenge_upheld", "happy path up to commitResult, then approve bond + challenge + drawVerifiers + 3 commitVote + 3 revealVote + resolveChallenge"
	}
	p.Setup = "steady state: 6 staked providers, each with a finalized job behind it; a challenger with tokens and no market balance; the draw hits 3 eligible providers in 3 attempts"
	r, err := newRun()
	if err != nil {
		return p, err
	}
	defer r.close()
	client, err := r.client()
	if err != nil {
		return p, err
	}
	provs, err := r.providers("provider", 6)
	if err != nil {
		return p, err
	}
	for _, pr := range provs {
		if err := r.job(client, pr, false); err != nil {
			return p, fmt.Errorf("warm-up: %w", err)
		}
	}
	challenger, err := r.account("challenger", deploy.Token(1000))
	if err != nil {
		return p, err
	}
	prov := provs[0]
	p.Steps, err = r.measure(func() error {
		j, err := r.committed(client, prov, false)
		if err != nil {
			return err
		}
		params, err := simchain.Call(r.c, r.c.Market, r.c.MarketABI.PackParams(j.Rec.ParamsId), r.c.MarketABI.UnpackParams)
		if err != nil {
			return err
		}
		receipt, err := r.c.Approve(challenger, r.c.Addr.Market, params.ChallengeBond)
		if err := r.rec("approve (bond)", receipt, err); err != nil {
			return err
		}
		receipt, err = r.c.Send(challenger, r.c.Market, r.c.MarketABI.PackChallenge(j.ID, j.Rec))
		if receipt != nil {
			if id, rec, e := r.c.JobRecord(receipt); e == nil && id.Cmp(j.ID) == 0 {
				j.Rec = rec
			}
		}
		if err := r.rec("challenge", receipt, err); err != nil {
			return err
		}
		want, err := r.cleanAnchor(j, challenger.Addr, int(params.Verifiers), int(params.Verifiers), params.VerifierCollateral)
		if err != nil {
			return err
		}
		drawn, receipt, err := r.c.DrawVerifiers(client, j)
		if err := r.rec("drawVerifiers", receipt, err); err != nil {
			return err
		}
		if fmt.Sprint(drawn) != fmt.Sprint(want) {
			return fmt.Errorf("drawVerifiers drew %v, expected %v", drawn, want)
		}
		byAddr := map[common.Address]*simchain.Account{}
		for _, pr := range provs {
			byAddr[pr.Addr] = pr
		}
		vote := resultCID
		if upheld {
			vote = wrongCID
		}
		salts := make([][32]byte, len(drawn))
		for i, v := range drawn {
			salt, err := r.salt(j, 1, byAddr[v], vote)
			if err != nil {
				return err
			}
			salts[i] = salt
			receipt, err := r.c.CommitVote(byAddr[v], j, uint8(i), vote, salt)
			if err := r.rec(fmt.Sprintf("commitVote #%d", i+1), receipt, err); err != nil {
				return err
			}
		}
		for i, v := range drawn {
			receipt, err := r.c.RevealVote(byAddr[v], j, uint8(i), vote, salts[i])
			if err := r.rec(fmt.Sprintf("revealVote #%d", i+1), receipt, err); err != nil {
				return err
			}
		}
		// The first panel's verdict waits out its appeal window (nobody appeals here).
		if err := r.c.PassAppealWindow(j); err != nil {
			return err
		}
		receipt, err = r.c.ResolveChallenge(client, j)
		if err := r.rec("resolveChallenge", receipt, err); err != nil {
			return err
		}
		if upheld {
			return nil
		}
		receipt, err = r.c.Finalize(client, j)
		return r.rec("finalize", receipt, err)
	})
	return p, err
}

// appealProviders and appealAttempts fix the shape of the appeal's final draw: APPEAL_VERIFIERS
// seats filled from the 59 eligible providers in exactly the attempts the draw needs on
// average (59 · (H(59) − H(18)) ≈ 69).
const (
	appealProviders = 60
	appealAttempts  = 69
)

// appealPath: the first panel upholds a challenge against a correct result; the provider
// appeals and the final panel of APPEAL_VERIFIERS rejects the challenge.
func appealPath() (path, error) {
	p := path{Name: "challenge_appealed", Title: "happy path up to commitResult, then approve bond + challenge + drawVerifiers + 3 commitVote + 3 revealVote (upheld) + approve appeal bond + appeal + drawVerifiers (final panel) + 41 commitVote + 41 revealVote + resolveChallenge (rejected) + finalize"}
	p.Setup = fmt.Sprintf("steady state: %d staked providers, each with a finalized job behind it; a challenger with tokens and no market balance; the first draw hits 3 eligible providers in 3 attempts, the final draw fills 41 seats in %d attempts", appealProviders, appealAttempts)
	r, err := newRun()
	if err != nil {
		return p, err
	}
	defer r.close()
	client, err := r.client()
	if err != nil {
		return p, err
	}
	provs, err := r.providers("provider", appealProviders)
	if err != nil {
		return p, err
	}
	for _, pr := range provs {
		if err := r.job(client, pr, false); err != nil {
			return p, fmt.Errorf("warm-up: %w", err)
		}
	}
	challenger, err := r.account("challenger", deploy.Token(1000))
	if err != nil {
		return p, err
	}
	// 41 voters send one transaction per block here: vote windows of two minutes (governance's
	// choice; the dev deployment's 10 s fit a panel of 3).
	params, err := simchain.Call(r.c, r.c.Market, r.c.MarketABI.PackParams(1), r.c.MarketABI.UnpackParams)
	if err != nil {
		return p, err
	}
	params.VoteCommitWindow, params.VoteRevealWindow = 120, 120
	if _, err := r.c.Send(r.c.Owner, r.c.Market, r.c.MarketABI.PackSetParams(params)); err != nil {
		return p, fmt.Errorf("setParams: %w", err)
	}
	byAddr := map[common.Address]*simchain.Account{}
	for _, pr := range provs {
		byAddr[pr.Addr] = pr
	}
	prov := provs[0]
	p.Steps, err = r.measure(func() error {
		j, err := r.committed(client, prov, false)
		if err != nil {
			return err
		}
		params, err := simchain.Call(r.c, r.c.Market, r.c.MarketABI.PackParams(j.Rec.ParamsId), r.c.MarketABI.UnpackParams)
		if err != nil {
			return err
		}
		receipt, err := r.c.Approve(challenger, r.c.Addr.Market, params.ChallengeBond)
		if err := r.rec("approve (bond)", receipt, err); err != nil {
			return err
		}
		receipt, err = r.c.Send(challenger, r.c.Market, r.c.MarketABI.PackChallenge(j.ID, j.Rec))
		if receipt != nil {
			if id, rec, e := r.c.JobRecord(receipt); e == nil && id.Cmp(j.ID) == 0 {
				j.Rec = rec
			}
		}
		if err := r.rec("challenge", receipt, err); err != nil {
			return err
		}
		panel := func(label string, k, attempts int, vote []byte) error {
			want, err := r.cleanAnchor(j, challenger.Addr, k, attempts, params.VerifierCollateral)
			if err != nil {
				return err
			}
			drawn, receipt, err := r.c.DrawVerifiers(client, j)
			if err := r.rec("drawVerifiers"+label, receipt, err); err != nil {
				return err
			}
			if fmt.Sprint(drawn) != fmt.Sprint(want) {
				return fmt.Errorf("drawVerifiers drew %v, expected %v", drawn, want)
			}
			salts := make([][32]byte, len(drawn))
			for i, v := range drawn {
				salt, err := r.salt(j, 1, byAddr[v], vote)
				if err != nil {
					return err
				}
				salts[i] = salt
				receipt, err := r.c.CommitVote(byAddr[v], j, uint8(i), vote, salt)
				if err := r.rec(fmt.Sprintf("commitVote%s #%d", label, i+1), receipt, err); err != nil {
					return err
				}
			}
			for i, v := range drawn {
				receipt, err := r.c.RevealVote(byAddr[v], j, uint8(i), vote, salts[i])
				if err := r.rec(fmt.Sprintf("revealVote%s #%d", label, i+1), receipt, err); err != nil {
					return err
				}
			}
			return nil
		}
		if err := panel("", int(params.Verifiers), int(params.Verifiers), wrongCID); err != nil {
			return err
		}
		bond, err := simchain.Call(r.c, r.c.Market, r.c.MarketABI.PackAppealBond(j.Rec.ParamsId), r.c.MarketABI.UnpackAppealBond)
		if err != nil {
			return err
		}
		receipt, err = r.c.Approve(prov, r.c.Addr.Market, bond)
		if err := r.rec("approve (appeal bond)", receipt, err); err != nil {
			return err
		}
		receipt, err = r.c.Send(prov, r.c.Market, r.c.MarketABI.PackAppeal(j.ID, j.Rec))
		if err := r.rec("appeal", receipt, err); err != nil {
			return err
		}
		k, err := simchain.Call(r.c, r.c.Market, r.c.MarketABI.PackAPPEALVERIFIERS(), r.c.MarketABI.UnpackAPPEALVERIFIERS)
		if err != nil {
			return err
		}
		if err := panel(" (final)", int(k), appealAttempts, resultCID); err != nil {
			return err
		}
		receipt, err = r.c.ResolveChallenge(client, j)
		if err := r.rec("resolveChallenge", receipt, err); err != nil {
			return err
		}
		receipt, err = r.c.Finalize(client, j)
		return r.rec("finalize", receipt, err)
	})
	return p, err
}

// cleanAnchor mines the challenge's anchor block, re-mining it (on a fork from the challenge
// block) until its hash draws K eligible verifiers in exactly `attempts` attempts (K: the first
// K attempts are clean). Block hashes are random on the simulated chain (prevrandao), and each
// skipped candidate adds an attempt's gas: fixing the draw's shape keeps the figures identical
// from run to run. It returns the verifiers the draw will pick, in seat order.
func (r *run) cleanAnchor(j *simchain.Job, challenger common.Address, k, attempts int, need *big.Int) ([]common.Address, error) {
	ctx := context.Background()
	head, err := r.c.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, err
	}
	n, err := simchain.Call(r.c, r.c.Registry, r.c.RegistryABI.PackActiveCount(), r.c.RegistryABI.UnpackActiveCount)
	if err != nil {
		return nil, err
	}
	type cand struct {
		addr     common.Address
		eligible bool
	}
	list := make([]cand, n.Int64())
	for i := range list {
		out, err := simchain.Call(r.c, r.c.Registry, r.c.RegistryABI.PackCandidateAt(big.NewInt(int64(i)), need), r.c.RegistryABI.UnpackCandidateAt)
		if err != nil {
			return nil, err
		}
		list[i] = cand{out.Provider, out.Eligible}
	}
	excluded := map[common.Address]bool{challenger: true, j.Rec.Client: true, j.Rec.Provider: true}
	draw := func(anchor common.Hash) []common.Address {
		s := crypto.Keccak256(anchor[:], common.LeftPadBytes(j.ID.Bytes(), 32))
		var chosen []common.Address
		taken := map[common.Address]bool{}
		for a := 0; a < attempts; a++ {
			h := new(big.Int).SetBytes(crypto.Keccak256(s, common.LeftPadBytes(big.NewInt(int64(a)).Bytes(), 32)))
			c := list[new(big.Int).Mod(h, n).Int64()]
			if !c.eligible || excluded[c.addr] || taken[c.addr] {
				continue
			}
			taken[c.addr] = true
			chosen = append(chosen, c.addr)
			if len(chosen) == k && a != attempts-1 {
				return nil // filled before the attempts wanted
			}
		}
		if len(chosen) != k {
			return nil
		}
		return chosen
	}
	for try := 0; try < 10_000; try++ {
		hash := r.c.Sim.Commit()
		anchor, err := r.c.Client.HeaderByNumber(ctx, new(big.Int).Add(head.Number, big.NewInt(1)))
		if err != nil {
			return nil, err
		}
		if anchor.Hash() != hash {
			return nil, fmt.Errorf("anchor block %d is not the block just mined", anchor.Number)
		}
		if chosen := draw(hash); chosen != nil {
			// One more block: calls (gas estimation) run at the latest block's number, which
			// must be past the anchor.
			r.c.Sim.Commit()
			return chosen, nil
		}
		if err := r.c.Sim.Fork(head.Hash()); err != nil {
			return nil, err
		}
	}
	return nil, fmt.Errorf("no anchor block gave a clean draw")
}

// salt returns a salt for member's commitment such that neither the salt nor the commitment has
// a zero byte: calldata prices zero bytes lower, and the commitment depends on which verifiers
// were drawn, so this keeps the figures identical from run to run.
func (r *run) salt(j *simchain.Job, kind uint8, member *simchain.Account, cid []byte) ([32]byte, error) {
	for i := 0; ; i++ {
		salt := nonzero32(fmt.Sprintf("brine/gasreport/salt/%d", i))
		cm, err := r.c.Commitment(j, kind, member.Addr, cid, salt)
		if err != nil {
			return salt, err
		}
		if !hasZero(cm[:]) {
			return salt, nil
		}
	}
}

// acceptTimeout: nobody accepts; anyone reclaims after acceptBy.
func acceptTimeout() (path, error) {
	p := path{Name: "accept_timeout", Title: "approve + postJob, nobody accepts, reclaim after acceptBy", Setup: "steady state: the client posted and finalized a job before"}
	r, err := newRun()
	if err != nil {
		return p, err
	}
	defer r.close()
	client, err := r.client()
	if err != nil {
		return p, err
	}
	prov, err := r.provider("provider")
	if err != nil {
		return p, err
	}
	if err := r.job(client, prov, false); err != nil {
		return p, fmt.Errorf("warm-up: %w", err)
	}
	p.Steps, err = r.measure(func() error {
		j, err := r.post(client, 1, false)
		if err != nil {
			return err
		}
		r.c.Advance((acceptIn + 1) * time.Second)
		receipt, err := r.c.Reclaim(client, j)
		return r.rec("reclaim", receipt, err)
	})
	return p, err
}

// resultTimeout: the provider accepts and never commits; anyone claims the timeout.
func resultTimeout() (path, error) {
	p := path{Name: "result_timeout", Title: "approve + postJob + acceptJob, no result, claimTimeout after resultBy", Setup: "steady state: the same client and provider after a warm-up job"}
	r, err := newRun()
	if err != nil {
		return p, err
	}
	defer r.close()
	client, err := r.client()
	if err != nil {
		return p, err
	}
	prov, err := r.provider("provider")
	if err != nil {
		return p, err
	}
	if err := r.job(client, prov, false); err != nil {
		return p, fmt.Errorf("warm-up: %w", err)
	}
	p.Steps, err = r.measure(func() error {
		j, err := r.post(client, 1, false)
		if err != nil {
			return err
		}
		receipt, err := r.c.Accept(prov, j)
		if err := r.rec("acceptJob", receipt, err); err != nil {
			return err
		}
		r.c.Advance((acceptIn + resultIn + 1) * time.Second)
		receipt, err = r.c.ClaimTimeout(client, j)
		return r.rec("claimTimeout", receipt, err)
	})
	return p, err
}

// finalizeBatch: 50 committed jobs finalized by one finalizeBatch, ordered by provider.
func finalizeBatch(nProviders int) (path, error) {
	p := path{Name: "finalize_batch_50", Title: "one finalizeBatch of 50 jobs of one provider", Jobs: batchSize, Target: 15_000,
		Setup: "steady state: the provider has a credited balance from an earlier job"}
	if nProviders > 1 {
		p.Name, p.Title, p.Target = "finalize_batch_50_5providers", "one finalizeBatch of 50 jobs of 5 providers (10 each), ordered by provider", 0
		p.Setup = "steady state: each provider has a credited balance from an earlier job"
	}
	r, err := newRun()
	if err != nil {
		return p, err
	}
	defer r.close()
	client, err := r.client()
	if err != nil {
		return p, err
	}
	provs, err := r.providers("provider", nProviders)
	if err != nil {
		return p, err
	}
	for _, pr := range provs {
		if err := r.job(client, pr, false); err != nil {
			return p, fmt.Errorf("warm-up: %w", err)
		}
	}
	jobs := make([]*simchain.Job, 0, batchSize)
	for i := 0; i < batchSize; i++ {
		j, err := r.committed(client, provs[i*nProviders/batchSize], false)
		if err != nil {
			return p, err
		}
		jobs = append(jobs, j)
	}
	r.c.Advance((challengeWindow + 1) * time.Second)
	p.Steps, err = r.measure(func() error {
		receipt, err := r.c.FinalizeBatch(client, jobs)
		return r.rec("finalizeBatch (50 jobs)", receipt, err)
	})
	return p, err
}

// rewardsClaim10: one provider claims 10 epochs in one transaction. One reporter posts a root per
// epoch over 16 providers' leaves (trees built with incentives/merkle, checked against the
// contract's leafHash). Steady state: the claimant has claimed before (its claimed-bitmap
// word is set) and another provider claimed these epochs first (the roots' paid counters are set).
func rewardsClaim10() (path, error) {
	p := path{Name: "rewards_claim_10", Title: "claim of 10 epochs in one transaction",
		Setup: "steady state: 16 providers per tree, one reporter; the claimant claimed an earlier epoch and another provider claimed these epochs first"}
	const nProviders, nEpochs = 16, 10
	r, err := newRun()
	if err != nil {
		return p, err
	}
	defer r.close()
	c := r.c
	reporter, err := r.account("reporter", nil)
	if err != nil {
		return p, err
	}
	if _, err := c.Send(c.Owner, c.Rewards, c.RewardsABI.PackAddReporter(reporter.Addr)); err != nil {
		return p, fmt.Errorf("addReporter: %w", err)
	}
	amount := new(big.Int).Set(c.Config.RewardPerProvider) // one reporter: the whole cap
	budget := new(big.Int).Mul(amount, big.NewInt(nProviders))
	funder, err := r.account("funder", new(big.Int).Mul(budget, big.NewInt(nEpochs+1)))
	if err != nil {
		return p, err
	}
	cur, err := simchain.Call(c, c.Rewards, c.RewardsABI.PackCurrentEpoch(), c.RewardsABI.UnpackCurrentEpoch)
	if err != nil {
		return p, err
	}
	first := cur + 1 // epochs first .. first+10: a warm-up epoch and the 10 measured
	if _, err := c.Approve(funder, c.Addr.Rewards, new(big.Int).Mul(budget, big.NewInt(nEpochs+1))); err != nil {
		return p, err
	}
	receipt, err := c.Send(funder, c.Rewards, c.RewardsABI.PackFund(first, nEpochs+1, budget))
	if err != nil {
		return p, fmt.Errorf("fund: %w", err)
	}
	fundGas := receipt.GasUsed
	// The 16 providers of every tree; the first two claim (they need gas money only).
	addrs := make([]common.Address, nProviders)
	accts := make([]*simchain.Account, 2)
	for i := range addrs {
		name := fmt.Sprintf("uptime-%02d", i)
		if i < len(accts) {
			if accts[i], err = r.account(name, nil); err != nil {
				return p, err
			}
		}
		addrs[i] = crypto.PubkeyToAddress(simchain.SeededKey(seed, name).PublicKey)
	}
	ends := c.Config.EpochGenesis + (first+nEpochs+1)*uint64(c.Config.EpochLength/time.Second)
	c.Advance(time.Duration(ends-c.Now()+1) * time.Second)
	trees := map[uint64]*merkle.Tree{}
	var rootGas []uint64
	for e := first; e <= first+nEpochs; e++ {
		leaves := make([]merkle.Leaf, nProviders)
		for i, a := range addrs {
			leaves[i] = merkle.Leaf{Epoch: e, Provider: a, Amount: amount}
		}
		want, err := simchain.Call(c, c.Rewards, c.RewardsABI.PackLeafHash(e, addrs[0], amount), c.RewardsABI.UnpackLeafHash)
		if err != nil {
			return p, err
		}
		if got := merkle.LeafHash(leaves[0]); got != want {
			return p, fmt.Errorf("incentives/merkle: leaf %x, the contract says %x", got, want)
		}
		if trees[e], err = merkle.Build(leaves); err != nil {
			return p, err
		}
		receipt, err := c.Send(reporter, c.Rewards, c.RewardsABI.PackPostRoot(e, trees[e].Root()))
		if err != nil {
			return p, fmt.Errorf("postRoot: %w", err)
		}
		rootGas = append(rootGas, receipt.GasUsed)
	}
	claims := func(who int, from, count uint64) ([]bindings.UptimeRewardsClaim, error) {
		var out []bindings.UptimeRewardsClaim
		for e := from; e < from+count; e++ {
			proof, err := trees[e].Proof(addrs[who])
			if err != nil {
				return nil, err
			}
			words := make([][32]byte, len(proof))
			for i, h := range proof {
				words[i] = h
			}
			out = append(out, bindings.UptimeRewardsClaim{Epoch: e, Reporter: reporter.Addr, Amount: amount, Proof: words})
		}
		return out, nil
	}
	send := func(who int, from, count uint64) (*types.Receipt, error) {
		cl, err := claims(who, from, count)
		if err != nil {
			return nil, err
		}
		return c.Send(accts[who], c.Rewards, c.RewardsABI.PackClaim(cl))
	}
	// Warm-up: the claimant claims the first epoch, another provider claims the next ten first.
	if _, err := send(0, first, 1); err != nil {
		return p, fmt.Errorf("warm-up claim: %w", err)
	}
	receipt, err = send(1, first+1, nEpochs)
	if err != nil {
		return p, fmt.Errorf("first claimant: %w", err)
	}
	firstGas := receipt.GasUsed
	p.Steps, err = r.measure(func() error {
		receipt, err := send(0, first+1, nEpochs)
		return r.rec("claim (10 epochs)", receipt, err)
	})
	if err != nil {
		return p, err
	}
	p.Notes = append(p.Notes,
		fmt.Sprintf("The first provider to claim under these 10 roots paid %s: it sets each root's paid counter and its own claimed-bitmap word from zero.", num(firstGas)),
		fmt.Sprintf("Setup, not counted: fund(11 epochs) %s; postRoot %s each (the first root of an epoch also snapshots its caps).", num(fundGas), num(rootGas[0])))
	return p, nil
}

// ---------------------------------------------------------------- fixed values

// nonzero32 hashes label (with a counter) until the hash has no zero byte.
func nonzero32(label string) [32]byte {
	for i := 0; ; i++ {
		var h [32]byte
		copy(h[:], crypto.Keccak256([]byte(fmt.Sprintf("%s/%d", label, i))))
		if !hasZero(h[:]) {
			return h
		}
	}
}

// cid is a 36-byte CIDv1 (raw, sha2-256) whose digest has no zero byte.
func cid(label string) []byte {
	for i := 0; ; i++ {
		d := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", label, i)))
		if !hasZero(d[:]) {
			return append([]byte{0x01, 0x55, 0x12, 0x20}, d[:]...)
		}
	}
}

func hasZero(b []byte) bool {
	for _, x := range b {
		if x == 0 {
			return true
		}
	}
	return false
}

// bindMinerPath: a registered provider binds a Filecoin miner actor. fevm: FEVM's actor-call
// precompile answers (CallActorByIdMock stands at its address; the real precompile's own cost
// on FEVM is not what an EVM measures), so the registry checks the miner's peer ID on chain.
func bindMinerPath(fevm bool) (path, error) {
	p := path{Name: "bind_miner", Title: "bindMiner (recorded; no precompile at CALL_ACTOR_ID)", Setup: "a registered, staked provider"}
	var backend []func(*node.Config, *ethconfig.Config)
	if fevm {
		p.Name, p.Title = "bind_miner_fevm", "bindMiner checked on chain through the actor-call precompile (its test stand-in)"
		code, err := simchain.CallActorMockCode()
		if err != nil {
			return p, err
		}
		backend = append(backend, func(_ *node.Config, eth *ethconfig.Config) {
			eth.Genesis.Alloc[simchain.CallActorID] = types.Account{Code: code, Balance: new(big.Int)}
		})
	}
	r, err := newRun(backend...)
	if err != nil {
		return p, err
	}
	defer r.close()
	prov, err := r.provider("provider")
	if err != nil {
		return p, err
	}
	peer := append([]byte{0x00, 0x24, 0x08, 0x01, 0x12, 0x20}, crypto.Keccak256([]byte("peer/provider"))...)
	if fevm {
		mock := bindings.NewCallActorByIdMock()
		if _, err := r.c.Send(r.c.Owner, mock.Instance(r.c.Client, simchain.CallActorID), mock.PackSetPeerId(1000, peer)); err != nil {
			return p, fmt.Errorf("set the miner's peer ID: %w", err)
		}
	}
	p.Steps, err = r.measure(func() error {
		receipt, err := r.c.Send(prov, r.c.Registry, r.c.RegistryABI.PackBindMiner(1000, make([]byte, 66)))
		return r.rec("bindMiner", receipt, err)
	})
	return p, err
}

// reclaimPeerPath: a squatter registered a storage provider's peer ID first; the SP's
// registerWithMiner proves it its own through the actor-call precompile (its test stand-in) and
// takes it: the squatter is unregistered (and leaves the active list) and the SP registered
// and bound in one transaction.
func reclaimPeerPath() (path, error) {
	p := path{Name: "reclaim_peer_fevm", Title: "registerWithMiner taking a squatted peer ID (actor-call precompile stand-in)",
		Setup: "a staked squatter registered the SP's peer ID; the SP is staked and unregistered"}
	code, err := simchain.CallActorMockCode()
	if err != nil {
		return p, err
	}
	r, err := newRun(func(_ *node.Config, eth *ethconfig.Config) {
		eth.Genesis.Alloc[simchain.CallActorID] = types.Account{Code: code, Balance: new(big.Int)}
	})
	if err != nil {
		return p, err
	}
	defer r.close()
	if _, err := r.provider("squatter"); err != nil {
		return p, err
	}
	sp, err := r.account("sp", new(big.Int).Mul(stake, big.NewInt(2)))
	if err != nil {
		return p, err
	}
	if err := r.c.Stake(sp, stake); err != nil {
		return p, err
	}
	peer := append([]byte{0x00, 0x24, 0x08, 0x01, 0x12, 0x20}, crypto.Keccak256([]byte("peer/squatter"))...)
	mock := bindings.NewCallActorByIdMock()
	if _, err := r.c.Send(r.c.Owner, mock.Instance(r.c.Client, simchain.CallActorID), mock.PackSetPeerId(1000, peer)); err != nil {
		return p, fmt.Errorf("set the miner's peer ID: %w", err)
	}
	p.Steps, err = r.measure(func() error {
		receipt, err := r.c.Send(sp, r.c.Registry, r.c.RegistryABI.PackRegisterWithMiner(peer, []byte("sig"), []byte(`{"cpu":2}`), 1000, make([]byte, 66)))
		return r.rec("registerWithMiner", receipt, err)
	})
	return p, err
}
