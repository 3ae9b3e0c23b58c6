package sim

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
)

// genesisTime is the simulated chain's first timestamp (2026-01-01T00:00:00Z): fixed, so
// runs repeat whatever the wall clock says.
const genesisTime = 1_767_225_600

// Job timing, in simulated seconds from the round's first block.
const (
	acceptIn        = 30
	resultIn        = 60
	challengeWindow = 60
)

// Gas limits per call: fixed (no estimation, as transactions are batched into blocks whose
// earlier transactions change the state later ones run on), with room above docs/gas.md.
const (
	gasMint     = 150_000
	gasApprove  = 100_000
	gasRegister = 300_000
	gasStake    = 300_000
	gasPost     = 400_000
	gasAccept   = 300_000
	gasCommit   = 300_000
	gasPanel    = 300_000 // commitReplica, revealReplica, commitVote, revealVote
	gasResolveR = 800_000
	gasChall    = 300_000
	gasDraw     = 800_000
	gasResolveC = 1_000_000
	gasAppeal   = 600_000
	gasDrawF    = 8_000_000 // the final panel's draw (APPEAL_VERIFIERS seats)
	gasResolveF = 8_000_000 // resolving after an appeal: the final panel's seats
	gasFinalize = 500_000
	gasBatchJob = 40_000 // per job of a finalizeBatch, over gasFinalize
	batchMax    = 100    // the market's MAX_BATCH
)

// agent is one participant: a key and a strategy.
type agent struct {
	*key
	name     string
	strategy Strategy
	provider bool
	stake    *big.Int // initial stake (providers)
	cartel   bool
	start    *big.Int // wallet + market credit + stake after setup
}

// job is one job as the simulator follows it.
type job struct {
	index     int
	id        *big.Int
	rec       bindings.JobMarketJob
	spec      [32]byte
	truth     []byte
	client    *agent
	seats     []*agent // provider (N=1) or replicas in seat order
	results   [][]byte // what each seat committed
	salts     [][32]byte
	committed []byte // the job's result once committed (or agreed by replicas)
	open      bool   // not yet ended on chain
	cleared   bool   // a challenge was resolved without slashing: finalizable now
	finalized bool   // paid out to its provider(s)

	challenger *agent
	drawn      []*agent
	votes      [][]byte
	vsalts     [][32]byte
	withheld   []bool // the votes an outside agent did not reveal
	outcome    uint8  // ChallengeResolved's outcome, when challenged
	revealBy   uint64
	appellant  *agent // who appealed the first panel's verdict (nil: no appeal)
	first      uint8  // the first panel's verdict, when appealed

	parts []*part
}

// part is what one agent did in one job and what it gained or lost there.
type part struct {
	agent   *agent
	role    string // client, provider, verifier, challenger
	delta   *big.Int
	slashed bool
	upheld  bool // its collateral was slashed by an upheld challenge (SlashReason.ChallengeUpheld)
	wrong   bool // committed (provider) or voted (verifier) something other than the truth
}

func (j *job) part(a *agent, role string) *part {
	for _, p := range j.parts {
		if p.agent == a {
			return p
		}
	}
	p := &part{agent: a, role: role, delta: new(big.Int)}
	j.parts = append(j.parts, p)
	return p
}

func (j *job) view(self *agent, rng *rand.Rand) View {
	v := View{Spec: j.spec, Truth: j.truth, Committed: j.committed, Client: j.client.addr, Self: self.addr, rng: rng}
	for i, s := range j.seats {
		v.Providers = append(v.Providers, s.addr)
		if s == self && len(j.seats) > 1 && i < len(j.results) {
			v.Own = j.results[i]
		}
	}
	return v
}

// appealVerifiers is the market's APPEAL_VERIFIERS (checked at deploy).
const appealVerifiers = 41

// appealBond is what an appeal deposits: the market's challengeBond * APPEAL_VERIFIERS / K.
func (r *runner) appealBond() *big.Int {
	b := new(big.Int).Mul(r.params.ChallengeBond, big.NewInt(appealVerifiers))
	return b.Quo(b, big.NewInt(int64(r.params.Verifiers)))
}

// runner is one run in progress.
type runner struct {
	cfg    Config
	rng    *rand.Rand
	ch     *chain
	addrs  deploy.Addresses
	params bindings.JobMarketParams
	market *bindings.JobMarket
	reg    *bindings.ProviderRegistry
	token  *bindings.BrineToken

	owner      *key
	treasury   common.Address
	providers  []*agent
	clients    []*agent
	challenger []*agent // the cartel's challenger (when there is a cartel), then the griefer
	all        []*agent
	byAddr     map[common.Address]*agent
	cartel     *Cartel

	jobs       []*job
	draws      []draw
	finalDraws []draw // appeals' final panels
	// firstJudged counts the appealed first panels' votes as the final verdicts judged them.
	firstJudged FirstJudged

	remotes []*agent // a Session's outside agents, by AgentID
	joining []*agent // outside agents whose setup is in the next block
}

// draw is one verifier draw as the market made it, with the cartel's share.
type draw struct {
	eligible int // providers the draw could pick: active ones beside the job's own
	cartel   int // cartel members among them
	k        int // seats filled
	members  int // cartel members drawn
}

// Run plays one seeded run and returns its report. It fails when a transaction reverts, when
// the books of docs/protocol.md do not balance after the run, or when an agent's holdings on
// chain differ from what its ledger in the report says it gained.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	r, err := start(ctx, cfg, 0)
	if err != nil {
		return nil, err
	}
	defer r.ch.close()
	for done := 0; done < cfg.Jobs; {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n := min(cfg.Wave, cfg.Jobs-done)
		if err := r.round(ctx, n); err != nil {
			return nil, err
		}
		done += n
		if cfg.Progress != nil {
			cfg.Progress(done, cfg.Jobs)
		}
	}
	books, err := r.balance(ctx)
	if err != nil {
		return nil, err
	}
	return r.report(books), nil
}

// start checks cfg, makes the population, starts the chain (with gas money for `outside`
// outside agents' keys in its genesis), deploys and sets up.
func start(ctx context.Context, cfg Config, outside int) (*runner, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	r := &runner{
		cfg:    cfg,
		rng:    rand.New(rand.NewPCG(cfg.Seed, 0x6272696e6573696d)),
		market: bindings.NewJobMarket(),
		reg:    bindings.NewProviderRegistry(),
		token:  bindings.NewBrineToken(),
		byAddr: map[common.Address]*agent{},
	}
	r.populate()
	alloc := []common.Address{r.owner.addr}
	for _, a := range r.all {
		alloc = append(alloc, a.addr)
	}
	for i := 0; i < outside; i++ {
		alloc = append(alloc, outsideKey(cfg.Seed, i).addr)
	}
	ch, err := newChain(cfg.Seed, genesisTime, alloc)
	if err != nil {
		return nil, err
	}
	r.ch = ch
	if err := r.deploy(ctx); err != nil {
		ch.close()
		return nil, err
	}
	if err := r.setup(ctx); err != nil {
		ch.close()
		return nil, err
	}
	return r, nil
}

// populate makes the agents and gives each its strategy.
func (r *runner) populate() {
	cfg := r.cfg
	seed := cfg.Seed
	r.owner = seededKey(seed, "owner")
	r.treasury = seededKey(seed, "treasury").addr
	minStake := cfg.Protocol.MinStake
	total := new(big.Int)
	for i := 0; i < cfg.Providers; i++ {
		a := &agent{key: seededKey(seed, fmt.Sprintf("provider-%d", i)), name: fmt.Sprintf("provider-%d", i), provider: true}
		a.stake = new(big.Int).Mul(minStake, big.NewInt(int64(2+r.rng.IntN(4)))) // 200..500 tokens
		total.Add(total, a.stake)
		r.providers = append(r.providers, a)
	}
	order := r.rng.Perm(cfg.Providers)
	r.cartel = &Cartel{ChallengeRate: cfg.CartelChallenge, members: map[common.Address]bool{}}
	next := 0
	take := func(n int, s Strategy) {
		for ; n > 0 && next < len(order); n-- {
			r.providers[order[next]].strategy = s
			next++
		}
	}
	share := func(f float64) int { return int(math.Round(f * float64(cfg.Providers))) }
	if cfg.CartelBy == CartelByStake {
		want := new(big.Float).Mul(new(big.Float).SetInt(total), big.NewFloat(cfg.Cartel))
		held := new(big.Int)
		for next < len(order) && new(big.Float).SetInt(held).Cmp(want) < 0 {
			p := r.providers[order[next]]
			p.strategy = r.cartel
			held.Add(held, p.stake)
			next++
		}
	} else {
		take(share(cfg.Cartel), r.cartel)
	}
	for _, p := range r.providers {
		if p.strategy == r.cartel {
			p.cartel = true
			r.cartel.members[p.addr] = true
		}
	}
	take(share(cfg.Lazy), Lazy{P: cfg.LazyP})
	take(share(cfg.LazyVerifiers), LazyVerifier{})
	take(share(cfg.Withholders), Withholder{})
	take(cfg.Providers, Honest{})

	for i := 0; i < cfg.Clients; i++ {
		r.clients = append(r.clients, &agent{key: seededKey(seed, fmt.Sprintf("client-%d", i)), name: fmt.Sprintf("client-%d", i), strategy: HonestClient{Detect: cfg.Detect}})
	}
	if len(r.cartel.members) > 0 {
		r.challenger = append(r.challenger, &agent{key: seededKey(seed, "cartel-challenger"), name: "cartel-challenger", strategy: r.cartel, cartel: true})
	}
	r.challenger = append(r.challenger, &agent{key: seededKey(seed, "griefer"), name: "griefer", strategy: Griefer{Rate: cfg.Grief}})
	r.all = slices.Concat(r.providers, r.clients, r.challenger)
	for _, a := range r.all {
		r.byAddr[a.addr] = a
	}
}

func (r *runner) deploy(ctx context.Context) error {
	cfg := deploy.DevConfig(r.treasury, r.ch.now())
	cfg.Market = r.cfg.Protocol.marketParams()
	cfg.MinStake = r.cfg.Protocol.MinStake
	auth := bind.NewKeyedTransactor(r.owner.priv, r.ch.chainID)
	auth.Context = ctx
	addrs, err := deploy.Deploy(ctx, autoMiner{Client: r.ch.client, c: r.ch}, auth, cfg)
	if err != nil {
		return fmt.Errorf("sim: deploy: %w", err)
	}
	r.addrs = *addrs
	if r.owner.nonce, err = r.ch.client.NonceAt(ctx, r.owner.addr, nil); err != nil {
		return err
	}
	m := r.market.Instance(r.ch.client, addrs.Market)
	p, err := bind.Call(m, &bind.CallOpts{Context: ctx}, r.market.PackParams(1), r.market.UnpackParams)
	if err != nil {
		return fmt.Errorf("sim: market params: %w", err)
	}
	r.params = p
	k, err := bind.Call(m, &bind.CallOpts{Context: ctx}, r.market.PackAPPEALVERIFIERS(), r.market.UnpackAPPEALVERIFIERS)
	if err != nil {
		return fmt.Errorf("sim: market APPEAL_VERIFIERS: %w", err)
	}
	if k != appealVerifiers {
		return fmt.Errorf("sim: the market's final panel has %d seats, the simulator's gas limits are for %d", k, appealVerifiers)
	}
	return nil
}

// setup funds every agent with tokens, registers and stakes the providers, and gives every
// allowance the run needs once (so a job costs the same transactions it would in steady state).
func (r *runner) setup(ctx context.Context) error {
	cfg := r.cfg
	perJob := new(big.Int).Add(cfg.Payment, new(big.Int).Add(r.params.ChallengeBond, r.appealBond()))
	spend := new(big.Int).Mul(perJob, big.NewInt(int64(cfg.Jobs)))
	maxAllowance := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	for _, a := range r.all {
		amount := spend
		if a.provider {
			// Its stake and as much again in 20 top-ups: slashes are refilled (see round); and
			// an appeal bond for every job of the run, should it appeal (and lose) them all.
			amount = new(big.Int).Mul(a.stake, big.NewInt(21))
			amount.Add(amount, new(big.Int).Mul(r.appealBond(), big.NewInt(int64(cfg.Jobs))))
		}
		r.ch.queue(r.owner, r.addrs.Token, r.token.PackMint(a.addr, amount), gasMint, "mint for "+a.name, nil)
	}
	if _, err := r.ch.seal(ctx, r.ch.now()+1); err != nil {
		return err
	}
	for _, a := range r.all {
		if !a.provider {
			r.ch.queue(a.key, r.addrs.Token, r.token.PackApprove(r.addrs.Market, maxAllowance), gasApprove, "approve "+a.name, nil)
			continue
		}
		peer := crypto.Keccak256([]byte("brine/sim/peer"), a.addr[:])
		peer = append([]byte{0x00, 0x24, 0x08, 0x01, 0x12, 0x20}, peer...) // 38 bytes, an Ed25519 peer ID's shape
		r.ch.queue(a.key, r.addrs.Registry, r.reg.PackRegister(peer, []byte("sim"), []byte(`{"sim":true}`)), gasRegister, "register "+a.name, nil)
		r.ch.queue(a.key, r.addrs.Token, r.token.PackApprove(r.addrs.Registry, maxAllowance), gasApprove, "approve "+a.name, nil)
		r.ch.queue(a.key, r.addrs.Token, r.token.PackApprove(r.addrs.Market, maxAllowance), gasApprove, "approve (appeals) "+a.name, nil)
		r.ch.queue(a.key, r.addrs.Registry, r.reg.PackStake(a.stake), gasStake, "stake "+a.name, nil)
	}
	if _, err := r.ch.seal(ctx, r.ch.now()+1); err != nil {
		return err
	}
	for _, a := range r.all {
		h, err := r.holdings(ctx, a.addr)
		if err != nil {
			return err
		}
		a.start = h
	}
	return nil
}

// call runs a read-only call against the head (in process, see chain.call).
func call[T any](_ context.Context, r *runner, to common.Address, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := r.ch.call(to, data)
	if err != nil {
		return zero, err
	}
	return unpack(out)
}

// holdings is what addr has in Brine's token: its wallet, its market credit, and its stake
// (staked + unbonding) in the registry.
func (r *runner) holdings(ctx context.Context, addr common.Address) (*big.Int, error) {
	wallet, err := call(ctx, r, r.addrs.Token, r.token.PackBalanceOf(addr), r.token.UnpackBalanceOf)
	if err != nil {
		return nil, err
	}
	credit, err := call(ctx, r, r.addrs.Market, r.market.PackBalances(addr), r.market.UnpackBalances)
	if err != nil {
		return nil, err
	}
	info, err := call(ctx, r, r.addrs.Registry, r.reg.PackProviderInfo(addr), r.reg.UnpackProviderInfo)
	if err != nil {
		return nil, err
	}
	h := new(big.Int).Add(wallet, credit)
	h.Add(h, info.Staked)
	return h.Add(h, info.Unbonding), nil
}
