package contracts_test

// The property test: random action sequences by several actors (3 clients, 6 staked providers
// that also verify and challenge, anyone, the owner and up to 4 reporters) against the deployed
// contracts, compared after every step with the independent model of docs/protocol.md in
// model_test.go. The model predicts each call's outcome (success, or the rules it breaks: the
// revert must name one of them) and every account's tokens, market credit and stake. After every
// step: each account's token balance, credit and registry info equal the model's; the three books
// of docs/protocol.md hold (holdings >= obligations, the difference exactly the tokens donated
// straight to the contract and, for the market, not swept yet; market.owed() is the obligations); the token supply never changes after setup; every live job's stored
// hash is the model's record; the active list and every touched epoch match. At the end every
// job is settled and every credit withdrawn, and the market must hold nothing.
//
//	go test ./contracts -run TestPropertyRandomSequences                       # short default
//	go test ./contracts -run TestPropertyRandomSequences -brine.property.steps=3000 \
//	    -brine.property.sequences=8 -brine.property.seed=42                      # longer
//
// The seed is logged; a failure names the seed and the step and prints the last actions.
// Accounts and the deployer are created fresh on every run, and verifier draws depend on block
// hashes, so a seed reproduces the action mix, not necessarily the same verifier draws.

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
)

var (
	propertySteps = flag.Int("brine.property.steps", 0, "steps per random sequence of TestPropertyRandomSequences (0: short default)")
	propertySeqs  = flag.Int("brine.property.sequences", 0, "random sequences of TestPropertyRandomSequences (0: default)")
	propertySeed  = flag.Uint64("brine.property.seed", 0, "seed of the first sequence (0: from the clock); sequence i uses seed+i")
)

const (
	pmDefaultSequences = 3
	pmDefaultSteps     = 250
)

func TestPropertyRandomSequences(t *testing.T) {
	seqs, steps := pmDefaultSequences, pmDefaultSteps
	if *propertySeqs > 0 {
		seqs = *propertySeqs
	}
	if *propertySteps > 0 {
		steps = *propertySteps
	}
	seed := *propertySeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("property: %d sequences x %d steps, seed %d (rerun with -brine.property.seed=%d)", seqs, steps, seed, seed)
	for i := 0; i < seqs; i++ {
		s := seed + uint64(i)
		t.Run(fmt.Sprintf("seed=%d", s), func(t *testing.T) {
			t.Parallel()
			r := pmNewRunner(t, s)
			r.run(steps)
		})
	}
}

// TestPropertyReplicaMinority runs the random sequences with every job replicated (N = 3), where
// wrong replicas often share one wrong result and outvote an honest one: the minority's
// collateral stays locked from resolveReplicas until the job ends, the minority may challenge
// the majority's result, is unlocked when a challenge is upheld (ReplicaVindicated) and slashed
// to the client at finalize otherwise (no challenge, Rejected, Inconclusive); the books balance
// after every step.
func TestPropertyReplicaMinority(t *testing.T) {
	seqs, steps := 2, 400
	if *propertySteps > 0 {
		steps = *propertySteps
	}
	seed := *propertySeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("property (replicated): %d sequences x %d steps, seed %d (rerun with -brine.property.seed=%d)", seqs, steps, seed, seed)
	for i := 0; i < seqs; i++ {
		s := seed + uint64(i)
		t.Run(fmt.Sprintf("seed=%d", s), func(t *testing.T) {
			t.Parallel()
			r := pmNewRunner(t, s)
			r.replicated = true
			r.run(steps)
			for _, must := range []string{"challenge-by-minority-replica", "finalize-slashed-minority"} {
				if r.ok[must] == 0 && steps >= 400 {
					t.Errorf("seed %d: no %s in %d steps: the generator is not exercising it", s, must, steps)
				}
			}
		})
	}
}

// ---------------------------------------------------------------- the runner

type pmRunner struct {
	t    *testing.T
	c    *simchain.Chain
	m    *pmModel
	rng  *rand.Rand
	seed uint64
	step int

	clients   []*simchain.Account
	providers []*simchain.Account
	anyone    *simchain.Account
	reporters []*simchain.Account // appointed or not
	users     []*simchain.Account // clients, providers and anyone
	actors    []*simchain.Account // users and reporters (everyone but the owner)
	byAddr    map[common.Address]*simchain.Account
	watch     []common.Address // every address whose balances are checked

	trace      []string
	settledNow []uint64
	epochsNow  map[uint64]bool
	ok         map[string]int
	reverted   map[string]int
	skipped    map[string]int

	// replicated: every job posted asks for 3 replicas (TestPropertyReplicaMinority).
	replicated bool
}

func pmNewRunner(t *testing.T, seed uint64) *pmRunner {
	c := simchain.New(t)
	// Every block is one second after its parent only while the chain's clock is ahead of the
	// wall clock; move it well ahead so predictions about the next block hold.
	c.Advance(time.Hour)
	r := &pmRunner{
		t: t, c: c, m: pmNewModel(), seed: seed,
		rng:       rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		byAddr:    map[common.Address]*simchain.Account{},
		epochsNow: map[uint64]bool{},
		ok:        map[string]int{},
		reverted:  map[string]int{},
		skipped:   map[string]int{},
	}
	m := r.m
	m.chainID = c.ChainID
	m.owner, m.treasury = c.Owner.Addr, c.Config.Treasury
	m.market, m.registry, m.rewards = c.Addr.Market, c.Addr.Registry, c.Addr.Rewards
	m.minStake = new(big.Int).Set(c.Config.MinStake)
	m.unbondingDelay = uint64(c.Config.UnbondingDelay / time.Second)
	m.params[1] = pmParamsFrom(c.Config.Market)
	m.paramsID = 1
	m.genesis = c.Config.EpochGenesis
	m.claimEpochs = c.Config.ClaimEpochs
	m.epochLength = uint64(c.Config.EpochLength / time.Second)
	m.rewardPerProvider = new(big.Int).Set(c.Config.RewardPerProvider)
	m.supply = r.read(c.Token, c.TokenABI.PackTotalSupply(), c.TokenABI.UnpackTotalSupply)

	newActor := func(name string, tokens *big.Int) *simchain.Account {
		a := c.MustAccount(t, name, tokens)
		if tokens != nil {
			m.mint(a.Addr, tokens)
		}
		r.byAddr[a.Addr] = a
		r.actors = append(r.actors, a)
		return a
	}
	for i := 0; i < 3; i++ {
		r.clients = append(r.clients, newActor(fmt.Sprintf("client%d", i), deploy.Token(1_000_000)))
	}
	for i := 0; i < 6; i++ {
		p := newActor(fmt.Sprintf("provider%d", i), deploy.Token(100_000))
		if _, err := c.Register(p); err != nil {
			t.Fatalf("register: %v", err)
		}
		m.p(p.Addr).registered = true
		m.sync(p.Addr)
		r.providers = append(r.providers, p)
		r.doStake(p, pmAdd(deploy.Token(150+int64(r.rng.IntN(200))), pmInt(int64(r.rng.IntN(1000)))))
	}
	r.anyone = newActor("anyone", deploy.Token(100_000))
	r.users = slices.Clone(r.actors)
	// Four reporter accounts; governance appoints two now and adds or removes them later.
	for i := 0; i < 4; i++ {
		r.reporters = append(r.reporters, newActor(fmt.Sprintf("reporter%d", i), nil))
	}
	for _, rep := range r.reporters[:2] {
		r.doAddReporter(c.Owner, rep)
	}
	r.watch = []common.Address{m.owner, m.treasury, m.market, m.registry, m.rewards}
	for _, a := range r.actors {
		r.watch = append(r.watch, a.Addr)
	}
	r.check()
	return r
}

func (r *pmRunner) fatalf(format string, args ...any) {
	r.t.Helper()
	n := len(r.trace)
	from := max(0, n-40)
	r.t.Fatalf("seed=%d step=%d: %s\nlast actions:\n  %s\n(rerun: go test ./contracts -run 'TestPropertyRandomSequences' -brine.property.seed=%d -brine.property.sequences=1)",
		r.seed, r.step, fmt.Sprintf(format, args...), strings.Join(r.trace[from:], "\n  "), r.seed)
}

func (r *pmRunner) note(format string, args ...any) {
	r.trace = append(r.trace, fmt.Sprintf("[%d] ", r.step)+fmt.Sprintf(format, args...))
	if len(r.trace) > 400 {
		r.trace = slices.Clone(r.trace[200:])
	}
}

func pmRead[T any](r *pmRunner, contract *bind.BoundContract, data []byte, unpack func([]byte) (T, error)) T {
	r.t.Helper()
	v, err := simchain.Call(r.c, contract, data, unpack)
	if err != nil {
		r.fatalf("read: %v", err)
	}
	return v
}

func (r *pmRunner) read(contract *bind.BoundContract, data []byte, unpack func([]byte) (*big.Int, error)) *big.Int {
	return pmRead(r, contract, data, unpack)
}

func (r *pmRunner) head() *types.Header {
	h, err := r.c.Client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		r.fatalf("head: %v", err)
	}
	return h
}

// envs: e0 is the head block (where gas estimation runs), e1 the block the transaction is mined in.
func (r *pmRunner) envs() (pmEnv, pmEnv) {
	h := r.head()
	hash := func(n uint64) [32]byte {
		hd, err := r.c.Client.HeaderByNumber(context.Background(), pmU(n))
		if err != nil {
			r.fatalf("header %d: %v", n, err)
		}
		return hd.Hash()
	}
	n := h.Number.Uint64()
	return pmEnv{T: h.Time, B: n, hash: hash}, pmEnv{T: h.Time + 1, B: n + 1, hash: hash}
}

// call is one protocol transaction and the model's prediction of it.
type pmCall struct {
	what    string
	from    *simchain.Account
	to      *bind.BoundContract
	data    []byte
	predict func(e pmEnv) []string // the rules the call breaks in block e; none: it must succeed
	apply   func(e pmEnv, rc *types.Receipt)
	branch  func(e pmEnv) bool // optional: which effect the call has, when that depends on the block
}

// do sends cl and checks the outcome against the model: success and the model's effects, or a
// revert named by one of the rules the model says the call breaks. Calls on a time boundary
// (estimation in the head block and execution in the next would differ) are skipped.
func (r *pmRunner) do(cl pmCall) bool {
	r.t.Helper()
	e0, e1 := r.envs()
	v0, v1 := cl.predict(e0), cl.predict(e1)
	if (len(v0) == 0) != (len(v1) == 0) || (len(v1) == 0 && cl.branch != nil && cl.branch(e0) != cl.branch(e1)) {
		r.note("%s: skipped on a time boundary", cl.what)
		r.skipped[strings.Fields(cl.what)[0]]++
		return false
	}
	rc, err := r.c.Send(cl.from, cl.to, cl.data)
	name := strings.Fields(cl.what)[0]
	if len(v1) == 0 {
		if err != nil {
			r.fatalf("%s (by %s): the rules say it succeeds, got %v", cl.what, cl.from.Name, err)
		}
		h, herr := r.c.Client.HeaderByNumber(context.Background(), rc.BlockNumber)
		if herr != nil || h.Number.Uint64() != e1.B || h.Time != e1.T {
			r.fatalf("%s: mined in block %v at %v, expected block %d at %d (%v)", cl.what, rc.BlockNumber, h.Time, e1.B, e1.T, herr)
		}
		r.note("%s (by %s): ok", cl.what, cl.from.Name)
		cl.apply(e1, rc)
		r.ok[name]++
		return true
	}
	if err == nil {
		r.fatalf("%s (by %s): the rules say it reverts (%v), but it succeeded", cl.what, cl.from.Name, v1)
	}
	var re *reverts.Error
	if !errors.As(err, &re) {
		r.fatalf("%s (by %s): want a revert (%v), got %v", cl.what, cl.from.Name, v1, err)
	}
	if !slices.Contains(v0, re.Name) && !slices.Contains(v1, re.Name) {
		r.fatalf("%s (by %s): reverted %v, but the rules say it breaks %v", cl.what, cl.from.Name, re, v1)
	}
	r.note("%s (by %s): reverted %s, as predicted", cl.what, cl.from.Name, re.Name)
	r.reverted[name+":"+re.Name]++
	return false
}

// approve is an ERC-20 approval; it changes no balance.
func (r *pmRunner) approve(a *simchain.Account, spender common.Address, amt *big.Int) {
	if _, err := r.c.Approve(a, spender, amt); err != nil {
		r.fatalf("approve: %v", err)
	}
	r.m.approve(a.Addr, spender, amt)
}

// ---------------------------------------------------------------- the checks

// check compares the chain with the model: every account's tokens, market credit and stake, the
// three books, the token supply, every live job's stored hash, epochs' accounting.
func (r *pmRunner) check() {
	r.t.Helper()
	c, m := r.c, r.m
	eq := func(what string, got, want *big.Int) {
		if got.Cmp(want) != 0 {
			r.fatalf("%s = %s, model says %s (diff %s)", what, got, want, pmSub(got, want))
		}
	}
	nonNeg := func(what string, v *big.Int) {
		if v.Sign() < 0 {
			r.fatalf("model: %s is negative (%s)", what, v)
		}
	}
	sumCredit := new(big.Int)
	for _, a := range r.watch {
		eq("token balance of "+r.name(a), r.read(c.Token, c.TokenABI.PackBalanceOf(a), c.TokenABI.UnpackBalanceOf), pmGet(m.wallet, a))
		cr := r.read(c.Market, c.MarketABI.PackBalances(a), c.MarketABI.UnpackBalances)
		eq("market credit of "+r.name(a), cr, pmGet(m.credit, a))
		sumCredit.Add(sumCredit, cr)
		nonNeg("wallet of "+r.name(a), pmGet(m.wallet, a))
		nonNeg("credit of "+r.name(a), pmGet(m.credit, a))
	}
	sumStake := new(big.Int)
	for _, p := range r.users { // clients and anyone too: they may stake without registering
		info := pmRead(r, c.Registry, c.RegistryABI.PackProviderInfo(p.Addr), c.RegistryABI.UnpackProviderInfo)
		mp := m.p(p.Addr)
		eq("staked of "+p.Name, info.Staked, mp.staked)
		eq("locked of "+p.Name, info.Locked, mp.locked)
		eq("unbonding of "+p.Name, info.Unbonding, mp.unbonding)
		if info.UnbondingEnds != mp.unbondingEnds || info.Registered != mp.registered {
			r.fatalf("provider %s: unbondingEnds/registered = %d/%v, model says %d/%v", p.Name, info.UnbondingEnds, info.Registered, mp.unbondingEnds, mp.registered)
		}
		for _, v := range []*big.Int{mp.staked, mp.locked, mp.unbonding, m.free(p.Addr)} {
			nonNeg("stake of "+p.Name, v)
		}
		sumStake.Add(sumStake, pmAdd(info.Staked, info.Unbonding))
	}
	accrued := r.read(c.Market, c.MarketABI.PackTreasuryAccrued(), c.MarketABI.UnpackTreasuryAccrued)
	eq("treasuryAccrued", accrued, m.accrued)

	// The books of docs/protocol.md, with the chain's own numbers: holdings >= obligations, and
	// the difference is exactly what was sent straight to the contract (and, for the market, not
	// swept yet).
	books := func(what string, holdings, obligations *big.Int, contract common.Address) {
		if holdings.Cmp(obligations) < 0 {
			r.fatalf("%s: holdings %s < obligations %s: a shortfall of %s", what, holdings, obligations, pmSub(obligations, holdings))
		}
		eq(what+": holdings − obligations (the surplus)", pmSub(holdings, obligations), pmGet(m.surplus, contract))
	}
	escrow, bonds := m.escrow()
	marketOwes := pmAdd(pmAdd(escrow, bonds), pmAdd(sumCredit, accrued))
	marketTokens := r.read(c.Token, c.TokenABI.PackBalanceOf(m.market), c.TokenABI.UnpackBalanceOf)
	books("market books: balanceOf(market) vs escrow+bonds+Σbalances+treasuryAccrued", marketTokens, marketOwes, m.market)
	eq("market.owed() vs escrow+bonds+Σbalances+treasuryAccrued", r.read(c.Market, c.MarketABI.PackOwed(), c.MarketABI.UnpackOwed), marketOwes)
	registryTokens := r.read(c.Token, c.TokenABI.PackBalanceOf(m.registry), c.TokenABI.UnpackBalanceOf)
	books("registry books: balanceOf(registry) vs Σ(staked+unbonding)", registryTokens, sumStake, m.registry)
	rewardsTokens := r.read(c.Token, c.TokenABI.PackBalanceOf(m.rewards), c.TokenABI.UnpackBalanceOf)
	held := new(big.Int)
	for e, ep := range m.epochs {
		held.Add(held, pmSub(ep.budget, ep.paid))
		nonNeg(fmt.Sprintf("unpaid budget of epoch %d", e), pmSub(ep.budget, ep.paid))
		if !r.epochsNow[e] {
			continue
		}
		info := pmRead(r, c.Rewards, c.RewardsABI.PackEpochInfo(e), c.RewardsABI.UnpackEpochInfo)
		eq(fmt.Sprintf("budget of epoch %d", e), info.Budget, ep.budget)
		eq(fmt.Sprintf("paid of epoch %d", e), info.Paid, ep.paid)
		if info.Reporters != ep.reporters || (ep.reporters != 0 && info.PerProviderCap.Cmp(ep.cap) != 0) {
			r.fatalf("epoch %d snapshot = %d reporters, cap %s; model says %d, %s", e, info.Reporters, info.PerProviderCap, ep.reporters, ep.cap)
		}
		for _, rep := range r.reporters {
			root := pmRead(r, c.Rewards, c.RewardsABI.PackRootOf(e, rep.Addr), c.RewardsABI.UnpackRootOf)
			want, wantPaid := [32]byte{}, new(big.Int)
			if mr := ep.roots[rep.Addr]; mr != nil {
				want, wantPaid = mr.root, mr.paid
			}
			if root.Root != want {
				r.fatalf("root of epoch %d by %s = %x, model says %x", e, rep.Name, root.Root, want)
			}
			eq(fmt.Sprintf("paid under %s's root of epoch %d", rep.Name, e), root.Paid, wantPaid)
		}
	}
	books("rewards books: balanceOf(rewards) vs Σbudget−Σpaid", rewardsTokens, held, m.rewards)
	eq("totalSupply (only the setup mints)", r.read(c.Token, c.TokenABI.PackTotalSupply(), c.TokenABI.UnpackTotalSupply), m.supply)

	// Records: every live job's stored hash is the model's record; settled jobs are cleared.
	for _, j := range m.liveJobs() {
		h := pmRead(r, c.Market, c.MarketABI.PackJobHash(pmU(j.id)), c.MarketABI.UnpackJobHash)
		if h != pmJobHash(j.rec()) {
			r.fatalf("job %d: stored hash %x is not the model's record %+v", j.id, h, j.rec())
		}
	}
	for _, id := range r.settledNow {
		if h := pmRead(r, c.Market, c.MarketABI.PackJobHash(pmU(id)), c.MarketABI.UnpackJobHash); h != ([32]byte{}) {
			r.fatalf("job %d settled but its slot still holds %x", id, h)
		}
	}
	if n := pmRead(r, c.Market, c.MarketABI.PackJobCount(), c.MarketABI.UnpackJobCount); n != m.jobCount {
		r.fatalf("jobCount = %d, model says %d", n, m.jobCount)
	}
	if n := r.read(c.Registry, c.RegistryABI.PackActiveCount(), c.RegistryABI.UnpackActiveCount); n.Cmp(pmInt(int64(len(m.active)))) != 0 {
		r.fatalf("activeCount = %s, model says %d", n, len(m.active))
	}
	for i, a := range m.active {
		if got := pmRead(r, c.Registry, c.RegistryABI.PackActiveAt(pmInt(int64(i))), c.RegistryABI.UnpackActiveAt); got != a {
			r.fatalf("activeAt(%d) = %s, model says %s", i, r.name(got), r.name(a))
		}
	}
	r.settledNow = r.settledNow[:0]
	clear(r.epochsNow)
}

func (r *pmRunner) name(a common.Address) string {
	if acc := r.byAddr[a]; acc != nil {
		return acc.Name
	}
	switch a {
	case r.m.owner:
		return "owner"
	case r.m.treasury:
		return "treasury"
	case r.m.market:
		return "market"
	case r.m.registry:
		return "registry"
	case r.m.rewards:
		return "rewards"
	}
	return a.Hex()
}

// ---------------------------------------------------------------- random values

func (r *pmRunner) chance(p float64) bool { return r.rng.Float64() < p }

func pmPick[T any](r *pmRunner, xs []T) T { return xs[r.rng.IntN(len(xs))] }

func (r *pmRunner) rand32() [32]byte {
	var b [32]byte
	for i := range b {
		b[i] = byte(r.rng.UintN(256))
	}
	return b
}

// amount: a payment or collateral-sized amount, often with odd base units to exercise rounding.
func (r *pmRunner) amount(maxTokens int64) *big.Int {
	switch r.rng.IntN(6) {
	case 0:
		return pmInt(1 + r.rng.Int64N(1000)) // dust
	case 1:
		return deploy.Token(1 + r.rng.Int64N(maxTokens))
	case 2:
		return pmAdd(deploy.Token(r.rng.Int64N(maxTokens)), pmInt(1+r.rng.Int64N(1e18-1)))
	case 3:
		return pmPick(r, []*big.Int{pmInt(1), pmInt(3), pmInt(7), pmInt(10_001), pmInt(9_999), pmInt(99)})
	default:
		return pmAdd(deploy.Token(1+r.rng.Int64N(maxTokens)), pmInt(r.rng.Int64N(10_000)))
	}
}

func (r *pmRunner) collateral() *big.Int {
	p := r.m.params[r.m.paramsID]
	return pmAdd(p.minCollateral, pmPick(r, []*big.Int{new(big.Int), pmInt(1 + r.rng.Int64N(1e6)), deploy.Token(r.rng.Int64N(15)), pmAdd(deploy.Token(r.rng.Int64N(10)), pmInt(r.rng.Int64N(1e17)))}))
}

func (r *pmRunner) randomActor() *simchain.Account {
	return pmPick(r, r.users)
}

// ---------------------------------------------------------------- actions

func (r *pmRunner) doPost(client *simchain.Account, bad bool) {
	c, m := r.c, r.m
	permit := r.chance(0.5)
	req := bindings.JobMarketJobRequest{
		SpecHash: r.rand32(), Payment: r.amount(40), Collateral: r.collateral(),
		Replicas: pmPick(r, []uint8{1, 1, 1, 1, 2, 3, 3}), ChallengeWindow: uint32(4 + r.rng.IntN(20)),
	}
	if r.replicated {
		req.Replicas = 3
	}
	// Often exactly at (or one base unit under) the larger of the two floors, minCollateral and
	// the ratio's, so both sides of CollateralBelowRatio are taken.
	if req.Replicas > 0 && r.chance(0.4) {
		p := m.params[m.paramsID]
		floor := p.ratioMinimum(req.Payment, req.Replicas)
		if floor.Cmp(p.minCollateral) < 0 {
			floor = new(big.Int).Set(p.minCollateral)
		}
		req.Collateral = pmAdd(floor, pmPick(r, []*big.Int{pmInt(0), pmInt(0), pmInt(1), deploy.Token(1)}))
	}
	allowance := req.Payment
	if bad {
		switch r.rng.IntN(9) {
		case 8:
			// Under the ratio's floor (above minCollateral when the ratio's floor is the larger).
			if floor := m.params[m.paramsID].ratioMinimum(req.Payment, req.Replicas); floor.Sign() > 0 {
				req.Collateral = pmSub(floor, pmInt(1))
			} else { // no ratio in force: under minCollateral instead
				req.Collateral = pmSub(m.params[m.paramsID].minCollateral, pmInt(1))
			}
		case 0:
			req.Payment = new(big.Int)
		case 1:
			req.Replicas = pmPick(r, []uint8{0, 10})
		case 2:
			req.Collateral = pmSub(m.params[m.paramsID].minCollateral, pmInt(1))
		case 3:
			req.ChallengeWindow = pmPick(r, []uint32{0, 3, pmMaxWindow + 1})
		case 4, 5:
			permit = false
			allowance = pmSub(req.Payment, pmInt(1))
		}
	}
	if !permit {
		r.approve(client, m.market, allowance)
	}
	now := r.head().Time + 1
	req.AcceptBy = now + uint64(5+r.rng.IntN(40))
	req.ResultBy = req.AcceptBy + uint64(5+r.rng.IntN(50))
	if bad && r.chance(0.2) {
		req.ResultBy = req.AcceptBy
	}
	var data []byte
	if permit {
		sig, err := c.SignPermit(client, m.market, req.Payment, pmU(now+3600))
		if err != nil {
			r.fatalf("permit: %v", err)
		}
		data = c.MarketABI.PackPostJobWithPermit(req, sig)
	} else {
		data = c.MarketABI.PackPostJob(req)
	}
	good := []byte(fmt.Sprintf("bafy-good-%x", req.SpecHash[:6]))
	wrong := []byte(fmt.Sprintf("bafy-wrong-%x", req.SpecHash[:6]))
	r.do(pmCall{
		what: fmt.Sprintf("post N=%d payment=%s collateral=%s permit=%v", req.Replicas, req.Payment, req.Collateral, permit),
		from: client, to: c.Market, data: data,
		predict: func(e pmEnv) []string { return m.postViolations(client.Addr, req, permit, e) },
		apply: func(e pmEnv, rc *types.Receipt) {
			j := m.applyPost(client.Addr, req, permit, good, wrong)
			r.expectRecord(j, rc)
		},
	})
}

// expectRecord compares the record a receipt's events carry with the model's.
func (r *pmRunner) expectRecord(j *pmJob, rc *types.Receipt) {
	id, rec, err := r.c.JobRecord(rc)
	if err != nil {
		r.fatalf("job %d: %v", j.id, err)
	}
	if id.Uint64() != j.id || pmJobHash(rec) != pmJobHash(j.rec()) {
		r.fatalf("job %d: event record (id %s) %+v, model says %+v", j.id, id, rec, j.rec())
	}
}

func (r *pmRunner) recOr(j *pmJob, rec *bindings.JobMarketJob) bindings.JobMarketJob {
	if rec != nil {
		return *rec
	}
	return j.rec()
}

func (r *pmRunner) doAccept(j *pmJob, p *simchain.Account, rec *bindings.JobMarketJob) {
	c, m := r.c, r.m
	rc0 := r.recOr(j, rec)
	b := pmHonest
	switch x := r.rng.Float64(); {
	case x < 0.14:
		b = pmWrong
	case x < 0.21:
		b = pmSilentCommit
	case x < 0.28:
		b = pmSilentReveal
	}
	if j.replicas > 1 && b == pmHonest && r.chance(0.2) {
		// More wrong replicas on replicated jobs, mostly sharing one wrong result: a majority
		// that outvotes an honest minority, which then challenges (and is vindicated or slashed).
		b = pmWrong
	}
	cid := j.good
	if b == pmWrong && r.chance(0.5) && (j.replicas == 1 || r.chance(0.4)) {
		cid = []byte(fmt.Sprintf("bafy-wrong-%d-%d", j.id, r.rng.IntN(1000)))
	} else if b == pmWrong {
		cid = j.wrong
	}
	salt := r.rand32()
	willCommit := r.chance(0.85)
	r.do(pmCall{
		what: fmt.Sprintf("accept job %d (N=%d) seat-behaviour=%v", j.id, j.replicas, b), from: p, to: c.Market,
		data:    c.MarketABI.PackAcceptJob(pmU(j.id), rc0),
		predict: func(e pmEnv) []string { return m.acceptViolations(p.Addr, j.id, rc0, e) },
		apply: func(e pmEnv, rc *types.Receipt) {
			m.applyAccept(p.Addr, j, b, willCommit, cid, salt)
			if j.replicas == 1 {
				r.expectRecord(j, rc)
			}
		},
	})
}

func (r *pmRunner) doCommitResult(j *pmJob, p *simchain.Account, cid []byte, rec *bindings.JobMarketJob) {
	c, m := r.c, r.m
	rc0 := r.recOr(j, rec)
	r.do(pmCall{
		what: fmt.Sprintf("commitResult job %d cid=%s", j.id, cid), from: p, to: c.Market,
		data:    c.MarketABI.PackCommitResult(pmU(j.id), rc0, cid),
		predict: func(e pmEnv) []string { return m.commitResultViolations(p.Addr, j.id, rc0, cid, e) },
		apply: func(e pmEnv, rc *types.Receipt) {
			m.applyCommitResult(j, cid, e)
			r.expectRecord(j, rc)
		},
	})
}

func pmKindName(kind uint8) string {
	if kind == pmReplicas {
		return "Replica"
	}
	return "Vote"
}

func (r *pmRunner) doPanelCommit(j *pmJob, kind uint8, index int, who *simchain.Account, cid []byte, salt [32]byte) {
	c, m := r.c, r.m
	cm := m.commitment(j.id, kind, who.Addr, cid, salt)
	data := c.MarketABI.PackCommitReplica(pmU(j.id), uint8(index), cm)
	if kind == pmVerifiers {
		data = c.MarketABI.PackCommitVote(pmU(j.id), uint8(index), cm)
	}
	r.do(pmCall{
		what: fmt.Sprintf("commit%s job %d seat %d", pmKindName(kind), j.id, index), from: who, to: c.Market, data: data,
		predict: func(e pmEnv) []string { return m.panelCommitViolations(who.Addr, j.id, kind, index, cm, e) },
		apply: func(pmEnv, *types.Receipt) {
			// The chain computes the same commitment: checked once here, by a read.
			onChain := pmRead(r, c.Market, c.MarketABI.PackCommitmentFor(pmU(j.id), kind, who.Addr, crypto.Keccak256Hash(cid), salt), c.MarketABI.UnpackCommitmentFor)
			if onChain != cm {
				r.fatalf("commitmentFor = %x, the spec's encoding gives %x", onChain, cm)
			}
			m.applyPanelCommit(j.id, kind, index, cm)
		},
	})
}

func (r *pmRunner) doPanelReveal(j *pmJob, kind uint8, index int, who *simchain.Account, cid []byte, salt [32]byte) {
	c, m := r.c, r.m
	data := c.MarketABI.PackRevealReplica(pmU(j.id), uint8(index), cid, salt)
	if kind == pmVerifiers {
		data = c.MarketABI.PackRevealVote(pmU(j.id), uint8(index), cid, salt)
	}
	r.do(pmCall{
		what: fmt.Sprintf("reveal%s job %d seat %d cid=%s", pmKindName(kind), j.id, index, cid), from: who, to: c.Market, data: data,
		predict: func(e pmEnv) []string { return m.panelRevealViolations(who.Addr, j.id, kind, index, cid, salt, e) },
		apply:   func(pmEnv, *types.Receipt) { m.applyPanelReveal(j.id, kind, index, cid) },
	})
}

func (r *pmRunner) doResolveReplicas(j *pmJob, caller *simchain.Account, rec *bindings.JobMarketJob) {
	c, m := r.c, r.m
	rc0 := r.recOr(j, rec)
	r.do(pmCall{
		what: fmt.Sprintf("resolveReplicas job %d", j.id), from: caller, to: c.Market,
		data:    c.MarketABI.PackResolveReplicas(pmU(j.id), rc0),
		predict: func(e pmEnv) []string { return m.resolveReplicasViolations(j.id, rc0, e) },
		apply: func(e pmEnv, rc *types.Receipt) {
			agreed := m.applyResolveReplicas(j, e)
			var ev *bindings.JobMarketReplicasResolved
			for _, l := range rc.Logs {
				if x, err := c.MarketABI.UnpackReplicasResolvedEvent(l); err == nil {
					ev = x
				}
			}
			if ev == nil || ev.Agreed != agreed || (agreed && ev.Winners != j.winners) {
				r.fatalf("job %d: ReplicasResolved %+v, model says agreed=%v winners=%d", j.id, ev, agreed, j.winners)
			}
			if agreed {
				r.expectRecord(j, rc)
			} else {
				r.settledNow = append(r.settledNow, j.id)
			}
			r.note("  job %d replicas agreed=%v winners=%d", j.id, agreed, j.winners)
			r.ok[fmt.Sprintf("replicas-agreed=%v", agreed)]++
		},
	})
}

func (r *pmRunner) doChallenge(j *pmJob, ch *simchain.Account, rec *bindings.JobMarketJob) {
	c, m := r.c, r.m
	rc0 := r.recOr(j, rec)
	r.approve(ch, m.market, m.params[j.paramsID].bond)
	r.do(pmCall{
		what: fmt.Sprintf("challenge job %d (result good=%v)", j.id, j.result == crypto.Keccak256Hash(j.good)), from: ch, to: c.Market,
		data:    c.MarketABI.PackChallenge(pmU(j.id), rc0),
		predict: func(e pmEnv) []string { return m.challengeViolations(ch.Addr, j.id, rc0, e) },
		apply: func(e pmEnv, rc *types.Receipt) {
			if j.isProvider(ch.Addr) {
				r.ok["challenge-by-minority-replica"]++
			}
			m.applyChallenge(ch.Addr, j, e)
			r.expectRecord(j, rc)
		},
	})
}

func (r *pmRunner) doDraw(j *pmJob, caller *simchain.Account, rec *bindings.JobMarketJob) {
	c, m := r.c, r.m
	rc0 := r.recOr(j, rec)
	k := int(m.params[j.paramsID].verifiers)
	if j.chal.round == 1 {
		k = pmAppealVerifiers
	}
	behaviours := make([]pmBehaviour, k)
	cids := make([][]byte, k)
	salts := make([][32]byte, k)
	for i := range behaviours {
		b := pmHonest
		switch x := r.rng.Float64(); {
		case x < 0.10:
			b = pmLazy
		case x < 0.18:
			b = pmContrarian
		case x < 0.24:
			b = pmSilentCommit
		case x < 0.30:
			b = pmSilentReveal
		}
		behaviours[i] = b
		salts[i] = r.rand32()
		switch b {
		case pmLazy:
			cids[i] = j.cids[j.result]
		case pmContrarian:
			cids[i] = []byte(fmt.Sprintf("bafy-random-%d", r.rng.IntN(1_000_000)))
		default:
			cids[i] = j.good
		}
	}
	r.do(pmCall{
		what: fmt.Sprintf("drawVerifiers job %d", j.id), from: caller, to: c.Market,
		data:    c.MarketABI.PackDrawVerifiers(pmU(j.id), rc0),
		predict: func(e pmEnv) []string { return m.drawViolations(j.id, rc0, e) },
		branch:  func(e pmEnv) bool { return j.chal != nil && m.drawReanchors(j, e) },
		apply: func(e pmEnv, rc *types.Receipt) {
			reanchor := m.drawReanchors(j, e)
			chosen := m.applyDraw(j, e, behaviours, cids, salts)
			var drawn []common.Address
			var gotDraw, gotReanchor bool
			for _, l := range rc.Logs {
				if ev, err := c.MarketABI.UnpackVerifiersDrawnEvent(l); err == nil {
					drawn, gotDraw = ev.Verifiers, true
					if !reanchor && (ev.CommitBy != j.chal.panel.commitBy || ev.RevealBy != j.chal.panel.revealBy) {
						r.fatalf("job %d: vote windows %d/%d, model says %d/%d", j.id, ev.CommitBy, ev.RevealBy, j.chal.panel.commitBy, j.chal.panel.revealBy)
					}
				}
				if ev, err := c.MarketABI.UnpackDrawReanchoredEvent(l); err == nil {
					gotReanchor = true
					if ev.AnchorBlock != j.chal.anchor {
						r.fatalf("job %d: reanchored to %d, model says %d", j.id, ev.AnchorBlock, j.chal.anchor)
					}
				}
			}
			if reanchor {
				if !gotReanchor || gotDraw {
					r.fatalf("job %d: the anchor's hash aged out: want DrawReanchored only", j.id)
				}
				r.note("  job %d reanchored to block %d", j.id, j.chal.anchor)
				r.ok["reanchored"]++
				return
			}
			if !gotDraw || !slices.Equal(drawn, chosen) {
				r.fatalf("job %d: drew %v, the spec's draw gives %v (active %v)", j.id, r.names(drawn), r.names(chosen), r.names(m.active))
			}
			r.note("  job %d verifiers %v behaviours %v", j.id, r.names(chosen), behaviours[:len(chosen)])
		},
	})
}

func (r *pmRunner) names(as []common.Address) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = r.name(a)
	}
	return out
}

func (r *pmRunner) doAppeal(j *pmJob, a *simchain.Account, rec *bindings.JobMarketJob) {
	c, m := r.c, r.m
	rc0 := r.recOr(j, rec)
	r.approve(a, m.market, m.appealBond(j))
	r.do(pmCall{
		what: fmt.Sprintf("appeal job %d", j.id), from: a, to: c.Market,
		data:    c.MarketABI.PackAppeal(pmU(j.id), rc0),
		predict: func(e pmEnv) []string { return m.appealViolations(a.Addr, j.id, rc0, e) },
		apply: func(e pmEnv, rc *types.Receipt) {
			first, _, _ := j.tally()
			m.applyAppeal(a.Addr, j, e)
			var ev *bindings.JobMarketAppealOpened
			for _, l := range rc.Logs {
				if x, err := c.MarketABI.UnpackAppealOpenedEvent(l); err == nil {
					ev = x
				}
			}
			if ev == nil || ev.Appellant != a.Addr || ev.FirstOutcome != first || ev.AnchorBlock != j.chal.anchor || ev.Bond.Cmp(j.chal.appealBond) != 0 {
				r.fatalf("job %d: AppealOpened %+v, model says appellant %s outcome %d anchor %d bond %s", j.id, ev, r.name(a.Addr), first, j.chal.anchor, j.chal.appealBond)
			}
			r.note("  job %d appealed (first outcome %d) by %s", j.id, first, r.name(a.Addr))
			r.ok[[...]string{"appealed-rejected", "appealed-upheld"}[first]]++
		},
	})
}

// appellant is the side the first panel ruled against (or, now and then, someone else).
func (r *pmRunner) appellant(j *pmJob, outcome uint8) *simchain.Account {
	if r.chance(0.15) {
		return r.randomActor()
	}
	if outcome == pmRejected {
		return r.byAddr[j.chal.challenger]
	}
	if j.replicas == 1 {
		return r.byAddr[j.provider]
	}
	for _, s := range j.replicaPanel.seats {
		if s.result == j.result {
			return r.byAddr[s.account]
		}
	}
	return r.randomActor()
}

func (r *pmRunner) doResolveChallenge(j *pmJob, caller *simchain.Account, rec *bindings.JobMarketJob) {
	c, m := r.c, r.m
	rc0 := r.recOr(j, rec)
	r.do(pmCall{
		what: fmt.Sprintf("resolveChallenge job %d", j.id), from: caller, to: c.Market,
		data:    c.MarketABI.PackResolveChallenge(pmU(j.id), rc0),
		predict: func(e pmEnv) []string { return m.resolveChallengeViolations(j.id, rc0, e) },
		apply: func(e pmEnv, rc *types.Receipt) {
			k := len(j.chal.panel.seats)
			minority := j.minority()
			outcome, agree, disagree := m.applyResolveChallenge(j)
			var vindicated []common.Address
			for _, l := range rc.Logs {
				if x, err := c.MarketABI.UnpackReplicaVindicatedEvent(l); err == nil {
					vindicated = append(vindicated, x.Account)
				}
			}
			if outcome != pmUpheld {
				minority = nil
			}
			if !slices.Equal(vindicated, minority) {
				r.fatalf("job %d: ReplicaVindicated for %v, model says %v (outcome %d)", j.id, vindicated, minority, outcome)
			}
			if len(vindicated) > 0 {
				r.ok["replica-vindicated"]++
			}
			var ev *bindings.JobMarketChallengeResolved
			for _, l := range rc.Logs {
				if x, err := c.MarketABI.UnpackChallengeResolvedEvent(l); err == nil {
					ev = x
				}
			}
			if ev == nil || ev.Outcome != outcome || int(ev.Agree) != agree || int(ev.Disagree) != disagree {
				r.fatalf("job %d: ChallengeResolved %+v, model says outcome %d agree %d disagree %d", j.id, ev, outcome, agree, disagree)
			}
			if j.settled {
				r.settledNow = append(r.settledNow, j.id)
			} else {
				r.expectRecord(j, rc)
			}
			r.note("  job %d challenge outcome %d (agree %d, disagree %d)", j.id, outcome, agree, disagree)
			r.ok[[...]string{"rejected", "upheld", "inconclusive"}[outcome]]++
			r.ok[fmt.Sprintf("votes(k=%d,agree=%d,disagree=%d)", k, agree, disagree)]++
		},
	})
}

func (r *pmRunner) doFinalize(j *pmJob, caller *simchain.Account, rec *bindings.JobMarketJob) {
	c, m := r.c, r.m
	rc0 := r.recOr(j, rec)
	r.do(pmCall{
		what: fmt.Sprintf("finalize job %d", j.id), from: caller, to: c.Market,
		data:    c.MarketABI.PackFinalize(pmU(j.id), rc0),
		predict: func(e pmEnv) []string { return m.finalizeViolations(j.id, rc0, e) },
		apply: func(_ pmEnv, rc *types.Receipt) {
			minority := j.minority()
			m.applyFinalize(j)
			var slashed []common.Address
			for _, l := range rc.Logs {
				if x, err := c.MarketABI.UnpackCollateralSlashedEvent(l); err == nil && x.Reason == pmReasonReplicaMinority {
					slashed = append(slashed, x.Account)
				}
			}
			if !slices.Equal(slashed, minority) {
				r.fatalf("job %d: minority slashed at finalize %v, model says %v", j.id, slashed, minority)
			}
			if len(minority) > 0 {
				r.ok["finalize-slashed-minority"]++
			}
			r.settledNow = append(r.settledNow, j.id)
		},
	})
}

func (r *pmRunner) doFinalizeBatch(js []*pmJob, caller *simchain.Account) {
	c, m := r.c, r.m
	ids := make([]*big.Int, len(js))
	uids := make([]uint64, len(js))
	recs := make([]bindings.JobMarketJob, len(js))
	for i, j := range js {
		ids[i], uids[i], recs[i] = pmU(j.id), j.id, j.rec()
	}
	r.do(pmCall{
		what: fmt.Sprintf("finalizeBatch jobs %v", uids), from: caller, to: c.Market,
		data:    c.MarketABI.PackFinalizeBatch(ids, recs),
		predict: func(e pmEnv) []string { return m.finalizeBatchViolations(uids, recs, e) },
		apply: func(pmEnv, *types.Receipt) {
			for _, j := range js {
				m.applyFinalize(j)
				r.settledNow = append(r.settledNow, j.id)
			}
		},
	})
}

func (r *pmRunner) doReclaim(j *pmJob, caller *simchain.Account, rec *bindings.JobMarketJob) {
	c, m := r.c, r.m
	rc0 := r.recOr(j, rec)
	r.do(pmCall{
		what: fmt.Sprintf("reclaim job %d", j.id), from: caller, to: c.Market,
		data:    c.MarketABI.PackReclaim(pmU(j.id), rc0),
		predict: func(e pmEnv) []string { return m.reclaimViolations(j.id, rc0, e) },
		apply: func(pmEnv, *types.Receipt) {
			m.applyReclaim(j)
			r.settledNow = append(r.settledNow, j.id)
		},
	})
}

func (r *pmRunner) doClaimTimeout(j *pmJob, caller *simchain.Account, rec *bindings.JobMarketJob) {
	c, m := r.c, r.m
	rc0 := r.recOr(j, rec)
	r.do(pmCall{
		what: fmt.Sprintf("claimTimeout job %d", j.id), from: caller, to: c.Market,
		data:    c.MarketABI.PackClaimTimeout(pmU(j.id), rc0),
		predict: func(e pmEnv) []string { return m.claimTimeoutViolations(j.id, rc0, e) },
		apply: func(pmEnv, *types.Receipt) {
			m.applyClaimTimeout(j)
			r.settledNow = append(r.settledNow, j.id)
		},
	})
}

func (r *pmRunner) doWithdraw(a *simchain.Account) {
	m := r.m
	r.do(pmCall{
		what: "withdraw " + pmGet(m.credit, a.Addr).String(), from: a, to: r.c.Market, data: r.c.MarketABI.PackWithdraw(),
		predict: func(pmEnv) []string { return m.withdrawViolations(a.Addr) },
		apply:   func(pmEnv, *types.Receipt) { m.applyWithdraw(a.Addr) },
	})
}

func (r *pmRunner) doWithdrawFees(caller *simchain.Account) {
	m := r.m
	r.do(pmCall{
		what: "withdrawFees " + m.accrued.String(), from: caller, to: r.c.Market, data: r.c.MarketABI.PackWithdrawFees(),
		predict: func(pmEnv) []string { return m.withdrawFeesViolations() },
		apply:   func(pmEnv, *types.Receipt) { m.applyWithdrawFees() },
	})
}

// doDonate sends tokens straight to a contract with a plain ERC-20 transfer: no path of the
// contract sees them, so they are owed to nobody (a surplus).
func (r *pmRunner) doDonate(a *simchain.Account, to common.Address, amt *big.Int) {
	m := r.m
	r.do(pmCall{
		what: "donate " + amt.String() + " to " + r.name(to), from: a, to: r.c.Token, data: r.c.TokenABI.PackTransfer(to, amt),
		predict: func(pmEnv) []string { return m.donateViolations(a.Addr, amt) },
		apply:   func(pmEnv, *types.Receipt) { m.applyDonate(a.Addr, to, amt) },
	})
}

// doSweep is sweepSurplus: the market's surplus goes to the treasury's credit. Beyond the model
// comparison after the step (every credit, escrow, bond and the treasury's credit), the event
// must carry the model's surplus and the obligations other than the treasury's must not move.
func (r *pmRunner) doSweep(caller *simchain.Account) {
	m := r.m
	escrow, bonds := m.escrow()
	others := pmAdd(escrow, bonds)
	for _, a := range r.watch {
		others.Add(others, pmGet(m.credit, a))
	}
	r.do(pmCall{
		what: "sweepSurplus " + pmGet(m.surplus, m.market).String(), from: caller, to: r.c.Market, data: r.c.MarketABI.PackSweepSurplus(),
		predict: func(pmEnv) []string { return m.sweepViolations() },
		apply: func(_ pmEnv, rc *types.Receipt) {
			want := m.applySweep()
			var swept *big.Int
			for _, l := range rc.Logs {
				if ev, err := r.c.MarketABI.UnpackSurplusSweptEvent(l); err == nil {
					swept = ev.Amount
				}
			}
			if swept == nil || swept.Cmp(want) != 0 {
				r.fatalf("sweepSurplus: SurplusSwept carries %v, the model's surplus is %s", swept, want)
			}
			escrow, bonds := m.escrow()
			after := pmAdd(escrow, bonds)
			for _, a := range r.watch {
				after.Add(after, r.read(r.c.Market, r.c.MarketABI.PackBalances(a), r.c.MarketABI.UnpackBalances))
			}
			if after.Cmp(others) != 0 {
				r.fatalf("sweepSurplus moved obligations: escrow+bonds+Σbalances %s before, %s after", others, after)
			}
		},
	})
}

func (r *pmRunner) doStake(p *simchain.Account, amt *big.Int) {
	m := r.m
	r.approve(p, m.registry, amt)
	r.do(pmCall{
		what: "stake " + amt.String(), from: p, to: r.c.Registry, data: r.c.RegistryABI.PackStake(amt),
		predict: func(pmEnv) []string { return m.stakeViolations(p.Addr, amt) },
		apply:   func(pmEnv, *types.Receipt) { m.applyStake(p.Addr, amt) },
	})
}

func (r *pmRunner) doUnstake(p *simchain.Account, amt *big.Int) {
	m := r.m
	r.do(pmCall{
		what: "unstake " + amt.String(), from: p, to: r.c.Registry, data: r.c.RegistryABI.PackUnstake(amt),
		predict: func(pmEnv) []string { return m.unstakeViolations(p.Addr, amt) },
		apply:   func(e pmEnv, _ *types.Receipt) { m.applyUnstake(p.Addr, amt, e) },
	})
}

func (r *pmRunner) doWithdrawStake(p *simchain.Account) {
	m := r.m
	r.do(pmCall{
		what: "withdrawStake " + m.p(p.Addr).unbonding.String(), from: p, to: r.c.Registry, data: r.c.RegistryABI.PackWithdrawStake(),
		predict: func(e pmEnv) []string { return m.withdrawStakeViolations(p.Addr, e) },
		apply:   func(pmEnv, *types.Receipt) { m.applyWithdrawStake(p.Addr) },
	})
}

func (r *pmRunner) doFund(f *simchain.Account, from, count uint64, amt *big.Int) {
	m := r.m
	r.approve(f, m.rewards, pmMul(amt, pmU(count)))
	r.do(pmCall{
		what: fmt.Sprintf("fund epochs %d..%d with %s each", from, from+count-1, amt), from: f, to: r.c.Rewards,
		data:    r.c.RewardsABI.PackFund(from, count, amt),
		predict: func(e pmEnv) []string { return m.fundViolations(f.Addr, from, count, amt, e) },
		apply: func(pmEnv, *types.Receipt) {
			m.applyFund(f.Addr, from, count, amt)
			for e := from; e < from+count; e++ {
				r.epochsNow[e] = true
			}
		},
	})
}

// doPostRoot builds a tree of random leaves (amounts around the per-leaf cap) and posts its root.
func (r *pmRunner) doPostRoot(rep *simchain.Account, epoch uint64) {
	m := r.m
	leafCap, _ := m.capsFor(epoch)
	var leaves []pmLeaf
	for _, a := range r.users {
		isProv := slices.Contains(r.providers, a)
		if !(isProv && r.chance(0.75)) && !(!isProv && r.chance(0.08)) {
			continue
		}
		amt := new(big.Int)
		switch x := r.rng.Float64(); {
		case x < 0.06:
			amt = pmAdd(leafCap, pmInt(1)) // over the cap: never payable
		case x < 0.15:
			amt.Set(leafCap)
		case x < 0.25:
			amt = pmInt(1 + r.rng.Int64N(1000))
		default:
			if leafCap.Sign() > 0 {
				amt = pmAdd(r.below(leafCap), pmInt(1))
				if amt.Cmp(leafCap) > 0 {
					amt.Set(leafCap)
				}
			} else {
				amt = pmInt(1)
			}
		}
		leaves = append(leaves, pmLeaf{provider: a.Addr, amount: amt})
	}
	if len(leaves) == 0 {
		leaves = append(leaves, pmLeaf{provider: r.providers[0].Addr, amount: pmInt(1)})
	}
	hashes := make([][32]byte, len(leaves))
	for i, l := range leaves {
		hashes[i] = pmLeafHash(epoch, l.provider, l.amount)
	}
	root, proofs := pmMerkleTree(hashes)
	for i := range leaves {
		leaves[i].proof = proofs[i]
		if !pmMerkleVerify(proofs[i], root, hashes[i]) {
			r.fatalf("merkle builder: proof %d does not verify", i)
		}
	}
	r.do(pmCall{
		what: fmt.Sprintf("postRoot epoch %d (%d leaves)", epoch, len(leaves)), from: rep, to: r.c.Rewards,
		data:    r.c.RewardsABI.PackPostRoot(epoch, root),
		predict: func(e pmEnv) []string { return m.postRootViolations(rep.Addr, epoch, root, e) },
		apply: func(pmEnv, *types.Receipt) {
			m.applyPostRoot(rep.Addr, epoch, root, leaves)
			r.epochsNow[epoch] = true
		},
	})
}

// below returns a random integer in [0, n) (n > 0).
func (r *pmRunner) below(n *big.Int) *big.Int {
	buf := make([]byte, len(n.Bytes())+8)
	for i := range buf {
		buf[i] = byte(r.rng.UintN(256))
	}
	return new(big.Int).Mod(new(big.Int).SetBytes(buf), n)
}

func (r *pmRunner) doClaim(p *simchain.Account, claims []bindings.UptimeRewardsClaim) {
	m := r.m
	desc := make([]string, len(claims))
	for i, cl := range claims {
		desc[i] = fmt.Sprintf("%d/%s/%s", cl.Epoch, r.name(cl.Reporter), cl.Amount)
	}
	r.do(pmCall{
		what: fmt.Sprintf("claim %v", desc), from: p, to: r.c.Rewards, data: r.c.RewardsABI.PackClaim(claims),
		predict: func(e pmEnv) []string { return m.claimViolations(p.Addr, claims, e) },
		apply: func(pmEnv, *types.Receipt) {
			m.applyClaim(p.Addr, claims)
			for _, cl := range claims {
				r.epochsNow[cl.Epoch] = true
			}
		},
	})
}

func (r *pmRunner) doRollOver(caller *simchain.Account, epoch uint64) {
	m := r.m
	r.do(pmCall{
		what: fmt.Sprintf("rollOver epoch %d", epoch), from: caller, to: r.c.Rewards, data: r.c.RewardsABI.PackRollOver(epoch),
		predict: func(e pmEnv) []string { return m.rollOverViolations(epoch, e) },
		// The budget moves to the epoch after the current one: across an epoch boundary the
		// estimate (head block) and the execution (next block) write different slots, and the gas
		// estimate can fall short. A client should add a margin; the test skips that block.
		branch: func(e pmEnv) bool { return m.currentEpoch(e.T)%2 == 0 },
		apply: func(e pmEnv, rc *types.Receipt) {
			to, amount := m.applyRollOver(epoch, e)
			r.epochsNow[epoch], r.epochsNow[to] = true, true
			var ev *bindings.UptimeRewardsRolledOver
			for _, l := range rc.Logs {
				if x, err := r.c.RewardsABI.UnpackRolledOverEvent(l); err == nil {
					ev = x
				}
			}
			if ev == nil || ev.ToEpoch != to || ev.Amount.Cmp(amount) != 0 {
				r.fatalf("rollOver of epoch %d: event %+v, the rules say %s into epoch %d", epoch, ev, amount, to)
			}
		},
	})
}

// doSync is registry.sync(p): anyone re-lists or unlists p after a minStake change.
func (r *pmRunner) doSync(caller *simchain.Account, p common.Address) {
	m := r.m
	r.do(pmCall{
		what: "sync " + r.name(p), from: caller, to: r.c.Registry, data: r.c.RegistryABI.PackSync(p),
		predict: func(pmEnv) []string { return nil },
		apply:   func(pmEnv, *types.Receipt) { m.sync(p) },
	})
}

func (r *pmRunner) doSetParams(caller *simchain.Account, p pmParams) {
	m := r.m
	r.do(pmCall{
		what: fmt.Sprintf("setParams fee=%d bond=%s K=%d", p.feeBps, p.bond, p.verifiers), from: caller, to: r.c.Market,
		data:    r.c.MarketABI.PackSetParams(p.binding()),
		predict: func(pmEnv) []string { return m.setParamsViolations(caller.Addr, p) },
		apply:   func(pmEnv, *types.Receipt) { m.applySetParams(p) },
	})
}

func (r *pmRunner) doSetRewardPerProvider(caller *simchain.Account, v *big.Int) {
	m := r.m
	r.do(pmCall{
		what: "setRewardPerProvider " + v.String(), from: caller, to: r.c.Rewards, data: r.c.RewardsABI.PackSetRewardPerProvider(v),
		predict: func(pmEnv) []string {
			if caller.Addr != m.owner {
				return []string{"OwnableUnauthorizedAccount"}
			}
			if v.Sign() == 0 {
				return []string{"BadReward"}
			}
			return nil
		},
		apply: func(pmEnv, *types.Receipt) { m.rewardPerProvider = new(big.Int).Set(v) },
	})
}

func (r *pmRunner) doAddReporter(caller, rep *simchain.Account) {
	m := r.m
	r.do(pmCall{
		what: "addReporter " + rep.Name, from: caller, to: r.c.Rewards, data: r.c.RewardsABI.PackAddReporter(rep.Addr),
		predict: func(pmEnv) []string { return m.addReporterViolations(caller.Addr, rep.Addr) },
		apply:   func(e pmEnv, _ *types.Receipt) { m.applyAddReporter(rep.Addr, e) },
	})
}

func (r *pmRunner) doRemoveReporter(caller, rep *simchain.Account) {
	m := r.m
	r.do(pmCall{
		what: "removeReporter " + rep.Name, from: caller, to: r.c.Rewards, data: r.c.RewardsABI.PackRemoveReporter(rep.Addr),
		predict: func(pmEnv) []string { return m.removeReporterViolations(caller.Addr, rep.Addr) },
		apply:   func(pmEnv, *types.Receipt) { m.applyRemoveReporter(rep.Addr) },
	})
}

func (r *pmRunner) doSetStakingParams(caller *simchain.Account, minStake *big.Int, delay uint64) {
	m := r.m
	r.do(pmCall{
		what: fmt.Sprintf("setStakingParams minStake=%s delay=%d", minStake, delay), from: caller, to: r.c.Registry,
		data:    r.c.RegistryABI.PackSetStakingParams(minStake, delay),
		predict: func(pmEnv) []string { return m.setStakingParamsViolations(caller.Addr, minStake, delay) },
		apply:   func(pmEnv, *types.Receipt) { m.applySetStakingParams(minStake, delay) },
	})
}

func (r *pmRunner) advance(d time.Duration) {
	r.c.Advance(d)
	r.note("advance %s", d)
}

// ---------------------------------------------------------------- choosing moves

type pmMove struct {
	w   float64
	run func()
}

// unclaimed lists (epoch, reporter, leaf) of a's leaves not yet claimed.
func (r *pmRunner) unclaimed(a common.Address) []bindings.UptimeRewardsClaim {
	var out []bindings.UptimeRewardsClaim
	for e, ep := range r.m.epochs {
		for rep, root := range ep.roots {
			for _, l := range root.leaves {
				if l.provider == a && !r.m.claimed[pmClaimKey{a, rep, e}] {
					out = append(out, bindings.UptimeRewardsClaim{Epoch: e, Reporter: rep, Amount: new(big.Int).Set(l.amount), Proof: l.proof})
				}
			}
		}
	}
	slices.SortFunc(out, func(x, y bindings.UptimeRewardsClaim) int {
		if x.Epoch != y.Epoch {
			return int(x.Epoch) - int(y.Epoch)
		}
		return x.Reporter.Cmp(y.Reporter)
	})
	return out
}

func (r *pmRunner) finalizable(t uint64) []*pmJob {
	var out []*pmJob
	for _, j := range r.m.liveJobs() {
		if j.status == pmCleared || (j.status == pmCommitted && t >= j.committedAt+uint64(j.window)) {
			out = append(out, j)
		}
	}
	return out
}

func (r *pmRunner) acceptor(j *pmJob) *simchain.Account {
	var ok []*simchain.Account
	for _, p := range r.providers {
		if !j.isProvider(p.Addr) && r.m.isActive(p.Addr) && r.m.free(p.Addr).Cmp(j.collateral) >= 0 {
			ok = append(ok, p)
		}
	}
	if len(ok) == 0 || r.chance(0.05) {
		return pmPick(r, r.providers)
	}
	return pmPick(r, ok)
}

func (r *pmRunner) challenger(j *pmJob) *simchain.Account {
	// A minority replica challenges the majority's result it lost to (it ran the job).
	if j.replicas > 1 && (r.chance(0.3) || (r.replicated && r.chance(0.5))) {
		var minority []*simchain.Account
		for _, s := range j.replicaPanel.seats {
			if s.result != ([32]byte{}) && s.result != j.result {
				minority = append(minority, r.byAddr[s.account])
			}
		}
		if len(minority) > 0 {
			return pmPick(r, minority)
		}
	}
	var ok []*simchain.Account
	for _, a := range r.users {
		if !j.isProvider(a.Addr) {
			ok = append(ok, a)
		}
	}
	return pmPick(r, ok)
}

func (r *pmRunner) seatAccount(s *pmSeat) *simchain.Account { return r.byAddr[s.account] }

// jobMoves are the natural next steps of each live job.
func (r *pmRunner) jobMoves(t, b uint64) []pmMove {
	var mv []pmMove
	addMove := func(w float64, f func()) { mv = append(mv, pmMove{w, f}) }
	for _, j := range r.m.liveJobs() {
		switch j.status {
		case pmOpen:
			p := j.replicaPanel
			if j.replicas == 1 || len(p.seats) < p.target {
				if t <= j.acceptBy {
					addMove(12, func() { r.doAccept(j, r.acceptor(j), nil) })
				} else {
					addMove(10, func() { r.doReclaim(j, r.randomActor(), nil) })
				}
				continue
			}
			for i, s := range p.seats {
				if s.commitment == ([32]byte{}) && s.behaviour != pmSilentCommit && t <= p.commitBy {
					addMove(25, func() { r.doPanelCommit(j, pmReplicas, i, r.seatAccount(s), s.cid, s.salt) })
				}
				if s.commitment != ([32]byte{}) && s.result == ([32]byte{}) && s.behaviour != pmSilentReveal &&
					(p.committed() == len(p.seats) || t > p.commitBy) && t <= p.revealBy {
					addMove(25, func() { r.doPanelReveal(j, pmReplicas, i, r.seatAccount(s), s.cid, s.salt) })
				}
			}
			if p.revealed() == p.target || t > p.revealBy {
				addMove(10, func() { r.doResolveReplicas(j, r.randomActor(), nil) })
			}
		case pmAccepted:
			if j.willCommit && t <= j.resultBy {
				cid := j.good
				if r.chance(0.35) {
					cid = j.wrong
				}
				addMove(10, func() { r.doCommitResult(j, r.byAddr[j.provider], cid, nil) })
			}
			if t > j.resultBy {
				addMove(10, func() { r.doClaimTimeout(j, r.randomActor(), nil) })
			}
		case pmCommitted:
			if t < j.committedAt+uint64(j.window) {
				w := 3.0
				if j.result != crypto.Keccak256Hash(j.good) {
					w = 30
				}
				addMove(w, func() { r.doChallenge(j, r.challenger(j), nil) })
				if ms := j.minority(); r.replicated && len(ms) > 0 {
					addMove(20, func() { r.doChallenge(j, r.byAddr[pmPick(r, ms)], nil) })
				}
			} else {
				addMove(4, func() { r.doFinalize(j, r.randomActor(), nil) })
			}
		case pmChallenged:
			p := j.chal.panel
			if p == nil {
				// Estimation runs in the head block, so the draw needs the head past the anchor.
				if b-1 > j.chal.anchor {
					addMove(10, func() { r.doDraw(j, r.randomActor(), nil) })
				} else {
					addMove(3, func() { r.c.Mine(1); r.note("mine 1 block") })
				}
				continue
			}
			for i, s := range p.seats {
				if s.commitment == ([32]byte{}) && s.behaviour != pmSilentCommit && t <= p.commitBy {
					addMove(25, func() { r.doPanelCommit(j, pmVerifiers, i, r.seatAccount(s), s.cid, s.salt) })
				}
				if s.commitment != ([32]byte{}) && s.result == ([32]byte{}) && s.behaviour != pmSilentReveal &&
					(p.committed() == len(p.seats) || t > p.commitBy) && t <= p.revealBy {
					addMove(25, func() { r.doPanelReveal(j, pmVerifiers, i, r.seatAccount(s), s.cid, s.salt) })
				}
			}
			if p.revealed() == len(p.seats) || t > p.revealBy {
				addMove(10, func() { r.doResolveChallenge(j, r.randomActor(), nil) })
				if outcome, _, _ := j.tally(); j.chal.round == 0 && outcome != pmInconclusive && t <= r.m.appealEnds(j) {
					addMove(8, func() { r.doAppeal(j, r.appellant(j, outcome), nil) })
				}
			}
		case pmCleared:
			addMove(4, func() { r.doFinalize(j, r.randomActor(), nil) })
		}
	}
	return mv
}

func (r *pmRunner) globalMoves(t uint64) []pmMove {
	m := r.m
	var mv []pmMove
	addMove := func(w float64, f func()) { mv = append(mv, pmMove{w, f}) }
	live := len(m.liveJobs())
	addMove(max(1.5, 12-2*float64(live)), func() {
		client := pmPick(r, r.clients)
		if r.chance(0.15) {
			client = pmPick(r, r.providers)
		}
		r.doPost(client, false)
	})
	if fin := r.finalizable(t); len(fin) >= 2 {
		addMove(10, func() {
			n := 2 + r.rng.IntN(len(fin)-1)
			sel := slices.Clone(fin)
			r.rng.Shuffle(len(sel), func(a, b int) { sel[a], sel[b] = sel[b], sel[a] })
			r.doFinalizeBatch(sel[:n], r.randomActor())
		})
	}
	var owed []*simchain.Account
	for _, a := range r.actors {
		if pmGet(m.credit, a.Addr).Sign() > 0 {
			owed = append(owed, a)
		}
	}
	if len(owed) > 0 {
		addMove(3, func() { r.doWithdraw(pmPick(r, owed)) })
	}
	if m.accrued.Sign() > 0 {
		addMove(1, func() { r.doWithdrawFees(r.randomActor()) })
	}
	// Donations: anyone sends tokens straight to a contract (1 base unit, or an odd amount).
	// Likelier until the first one, so every sequence has donations and sweeps to check.
	donate, sweep := 0.4, 0.3
	if r.ok["donate"] == 0 {
		donate = 3
	}
	if r.ok["sweepSurplus"] == 0 && pmGet(m.surplus, m.market).Sign() > 0 {
		sweep = 2
	}
	addMove(donate, func() {
		amt := pmInt(1)
		if r.chance(0.5) {
			amt = r.amount(5)
		}
		to := pmPick(r, []common.Address{m.market, m.market, m.registry, m.rewards})
		if r.ok["sweepSurplus"] == 0 {
			to = m.market // until a sweep has been seen
		}
		r.doDonate(pmPick(r, r.users), to, amt)
	})
	addMove(sweep, func() { r.doSweep(r.randomActor()) }) // also when there is nothing to sweep: NoSurplus
	addMove(1, func() { r.doStake(pmPick(r, r.providers), r.amount(60)) })
	// Keep the active set from wasting away under slashes and unstakes: top up the poorest.
	poorest := r.providers[0]
	for _, p := range r.providers {
		if m.p(p.Addr).staked.Cmp(m.p(poorest.Addr).staked) < 0 {
			poorest = p
		}
	}
	if short := pmSub(pmAdd(m.minStake, deploy.Token(30)), m.p(poorest.Addr).staked); short.Sign() > 0 {
		addMove(2, func() { r.doStake(poorest, pmAdd(short, r.amount(50))) })
	}
	addMove(0.1, func() { r.doStake(r.anyone, r.amount(150)) }) // staked but never registered: never active
	if mp := m.p(r.anyone.Addr); mp.staked.Sign() > 0 {
		addMove(0.1, func() { r.doUnstake(r.anyone, pmAdd(r.below(mp.staked), pmInt(1))) })
	}
	addMove(1, func() {
		p := pmPick(r, r.providers)
		free := m.free(p.Addr)
		if free.Sign() == 0 {
			return
		}
		amt := pmAdd(r.below(free), pmInt(1))
		if lim := deploy.Token(80); amt.Cmp(lim) > 0 && r.chance(0.8) {
			amt = r.amount(80)
		}
		if amt.Cmp(free) > 0 {
			amt.Set(free)
		}
		r.doUnstake(p, amt)
	})
	for _, p := range append(slices.Clone(r.providers), r.anyone) {
		if mp := m.p(p.Addr); mp.unbonding.Sign() > 0 && t >= mp.unbondingEnds {
			addMove(2, func() { r.doWithdrawStake(p) })
		}
	}
	cur := m.currentEpoch(t)
	addMove(1.5, func() {
		from := cur - 3 + uint64(r.rng.IntN(6))
		amt := pmAdd(deploy.Token(5+r.rng.Int64N(60)), pmInt(r.rng.Int64N(1e6)))
		if r.chance(0.2) {
			amt = r.amount(10)
		}
		r.doFund(pmPick(r, append(slices.Clone(r.clients), r.anyone)), from, uint64(1+r.rng.IntN(3)), amt)
	})
	for _, rep := range r.reporters {
		for e := cur - min(cur, 6); e < cur; e++ {
			if m.reporterSince[rep.Addr] != 0 && m.reporterSince[rep.Addr] < m.epochEnd(e) && (m.epochs[e] == nil || m.epochs[e].roots[rep.Addr] == nil) && m.epochEnd(e) < t {
				addMove(0.5, func() { r.doPostRoot(rep, e) })
			}
		}
	}
	for _, a := range r.actors {
		cl := r.unclaimed(a.Addr)
		var payable []bindings.UptimeRewardsClaim
		for _, c := range cl {
			if m.claimViolations(a.Addr, []bindings.UptimeRewardsClaim{c}, pmEnv{T: t}) == nil {
				payable = append(payable, c)
			}
		}
		if len(payable) > 0 {
			addMove(1.5, func() {
				r.rng.Shuffle(len(payable), func(x, y int) { payable[x], payable[y] = payable[y], payable[x] })
				r.doClaim(a, payable[:1+r.rng.IntN(min(3, len(payable)))])
			})
		}
		if len(cl) > 0 {
			addMove(0.2, func() { r.doClaim(a, cl[:1+r.rng.IntN(min(3, len(cl)))]) })
		}
	}
	addMove(0.15, func() {
		p := m.params[m.paramsID]
		p.feeBps = uint16(r.rng.IntN(pmMaxFeeBps + 1))
		p.challengerBps = uint16(r.rng.IntN(6000))
		p.verifierBps = uint16(r.rng.IntN(10_001 - int(p.challengerBps)))
		p.bond = r.amount(20)
		p.verifierCollateral = pmAdd(pmInt(1), r.amount(8))
		p.minCollateral = pmPick(r, []*big.Int{pmInt(1), deploy.Token(1), pmInt(7)})
		p.minCollateralBps = pmPick(r, []uint32{0, 1, 5000, 10_000, 20_000, pmMaxCollateralBps})
		p.verifiers = pmPick(r, []uint8{1, 3, 3, 5})
		p.minChallengeWindow = uint32(4 + r.rng.IntN(6))
		p.voteCommit = uint32(4 + r.rng.IntN(15))
		p.voteReveal = uint32(4 + r.rng.IntN(15))
		p.replicaReveal = uint32(4 + r.rng.IntN(15))
		r.doSetParams(r.c.Owner, p)
	})
	addMove(0.1, func() { r.doSetRewardPerProvider(r.c.Owner, pmAdd(r.amount(12), pmInt(1))) })
	addMove(0.1, func() {
		r.doSetStakingParams(r.c.Owner, deploy.Token(pmPick(r, []int64{60, 100, 100, 150, 200})), pmPick(r, []uint64{0, 10, 30, 60}))
	})
	addMove(0.4, func() { r.doSync(r.randomActor(), pmPick(r, r.users).Addr) })
	for e, ep := range m.epochs {
		if m.closed(e, pmEnv{T: t}) && ep.budget.Cmp(ep.paid) > 0 {
			addMove(1, func() { r.doRollOver(r.randomActor(), e) })
		}
	}
	addMove(0.12, func() {
		rep := pmPick(r, r.reporters)
		if m.reporterSince[rep.Addr] != 0 && m.reporterCount > 1 {
			r.doRemoveReporter(r.c.Owner, rep)
		} else if m.reporterSince[rep.Addr] == 0 {
			r.doAddReporter(r.c.Owner, rep)
		}
	})
	addMove(3, func() {
		switch x := r.rng.Float64(); {
		case x < 0.7:
			r.advance(time.Duration(1+r.rng.IntN(20)) * time.Second)
		case x < 0.95:
			r.advance(time.Duration(20+r.rng.IntN(70)) * time.Second)
		default:
			r.advance(time.Duration(100+r.rng.IntN(300)) * time.Second)
		}
	})
	for _, j := range m.liveJobs() {
		if j.status == pmChallenged && j.chal.panel == nil {
			addMove(0.3, func() { r.c.Mine(257); r.note("mine 257 blocks (the anchor's hash ages out)") })
			break
		}
	}
	return mv
}

// invalidMove tries something the rules forbid (wrong caller, too early or late, twice, a
// stale record); the model names the rule, and the check after the step shows nothing changed.
func (r *pmRunner) invalidMove(t uint64) bool {
	m := r.m
	live := m.liveJobs()
	var settled []*pmJob
	for _, j := range m.jobs {
		if j.settled {
			settled = append(settled, j)
		}
	}
	slices.SortFunc(settled, func(a, b *pmJob) int { return int(a.id) - int(b.id) })
	withStatus := func(st ...uint8) []*pmJob {
		var out []*pmJob
		for _, j := range live {
			if slices.Contains(st, j.status) {
				out = append(out, j)
			}
		}
		return out
	}
	anyA := r.randomActor()
	switch r.rng.IntN(22) {
	case 0: // finalize something not finalizable
		js := withStatus(pmOpen, pmAccepted, pmCommitted, pmChallenged)
		if len(js) == 0 {
			return false
		}
		r.doFinalize(pmPick(r, js), anyA, nil)
	case 1: // any call on a settled job
		if len(settled) == 0 {
			return false
		}
		j := pmPick(r, settled)
		switch r.rng.IntN(6) {
		case 0:
			r.doFinalize(j, anyA, nil)
		case 1:
			r.doAccept(j, pmPick(r, r.providers), nil)
		case 2:
			r.doChallenge(j, anyA, nil)
		case 3:
			r.doReclaim(j, anyA, nil)
		case 4:
			r.doClaimTimeout(j, anyA, nil)
		default:
			r.doResolveChallenge(j, anyA, nil)
		}
	case 2: // a stale record
		if len(live) == 0 {
			return false
		}
		j := pmPick(r, live)
		rec := j.rec()
		switch r.rng.IntN(3) {
		case 0:
			rec.Payment = pmAdd(rec.Payment, pmInt(1))
		case 1:
			rec.Status = (rec.Status % 5) + 1
		default:
			rec.CommittedAt++
		}
		switch r.rng.IntN(3) {
		case 0:
			r.doFinalize(j, anyA, &rec)
		case 1:
			r.doAccept(j, pmPick(r, r.providers), &rec)
		default:
			r.doChallenge(j, anyA, &rec)
		}
	case 3: // accept by someone who is not an active provider, or twice
		js := withStatus(pmOpen, pmAccepted)
		if len(js) == 0 {
			return false
		}
		j := pmPick(r, js)
		who := pmPick(r, r.clients)
		if j.replicas > 1 && len(j.replicaPanel.seats) > 0 && r.chance(0.6) {
			who = r.seatAccount(j.replicaPanel.seats[0])
		} else if j.status == pmAccepted {
			who = r.byAddr[j.provider]
		}
		r.doAccept(j, who, nil)
	case 4: // commit a result as someone else, or late
		js := withStatus(pmAccepted)
		if len(js) == 0 {
			return false
		}
		j := pmPick(r, js)
		who := r.byAddr[j.provider]
		if r.chance(0.7) {
			who = anyA
		}
		r.doCommitResult(j, who, j.good, nil)
	case 5: // challenge your own job, or late, or twice
		js := withStatus(pmCommitted, pmChallenged, pmCleared)
		if len(js) == 0 {
			return false
		}
		j := pmPick(r, js)
		who := anyA
		if j.replicas == 1 {
			who = r.byAddr[j.provider]
		} else if r.chance(0.7) {
			who = r.seatAccount(pmPick(r, j.replicaPanel.seats))
		}
		r.doChallenge(j, who, nil)
	case 6: // withdraw with nothing credited
		var none []*simchain.Account
		for _, a := range r.actors {
			if pmGet(m.credit, a.Addr).Sign() == 0 {
				none = append(none, a)
			}
		}
		if len(none) == 0 {
			return false
		}
		r.doWithdraw(pmPick(r, none))
	case 7: // withdraw stake early or with nothing unbonding
		r.doWithdrawStake(pmPick(r, append(slices.Clone(r.providers), r.clients[0])))
	case 8: // unstake more than is free, or zero
		p := pmPick(r, r.providers)
		amt := pmAdd(m.free(p.Addr), pmInt(1+r.rng.Int64N(1000)))
		if r.chance(0.2) {
			amt = new(big.Int)
		}
		r.doUnstake(p, amt)
	case 9: // draw twice, or too early
		js := withStatus(pmChallenged)
		if len(js) == 0 {
			return false
		}
		r.doDraw(pmPick(r, js), anyA, nil)
	case 10, 11: // panel misuse: wrong salt, twice, wrong seat, too early
		var js []*pmJob
		for _, j := range live {
			if j.panel(pmReplicas) != nil && len(j.replicaPanel.seats) > 0 || (j.chal != nil && j.chal.panel != nil && len(j.chal.panel.seats) > 0) {
				js = append(js, j)
			}
		}
		if len(js) == 0 {
			return false
		}
		j := pmPick(r, js)
		kind := uint8(pmReplicas)
		if j.chal != nil && j.chal.panel != nil && len(j.chal.panel.seats) > 0 && (j.replicaPanel == nil || r.chance(0.5)) {
			kind = pmVerifiers
		}
		p := j.panel(kind)
		i := r.rng.IntN(len(p.seats))
		s := p.seats[i]
		who := r.seatAccount(s)
		if r.chance(0.25) {
			who = anyA
		}
		switch r.rng.IntN(3) {
		case 0:
			r.doPanelReveal(j, kind, i, who, s.cid, r.rand32())
		case 1:
			r.doPanelCommit(j, kind, i, who, s.cid, s.salt)
		default:
			r.doPanelReveal(j, kind, i, who, s.cid, s.salt)
		}
	case 12: // resolve too early, or the wrong kind of job
		js := withStatus(pmOpen, pmChallenged, pmCommitted)
		if len(js) == 0 {
			return false
		}
		j := pmPick(r, js)
		if j.status == pmChallenged && r.chance(0.7) {
			r.doResolveChallenge(j, anyA, nil)
		} else {
			r.doResolveReplicas(j, anyA, nil)
		}
	case 13: // reclaim or time out too early
		js := withStatus(pmOpen, pmAccepted, pmCommitted)
		if len(js) == 0 {
			return false
		}
		j := pmPick(r, js)
		if j.status == pmOpen && r.chance(0.6) {
			r.doReclaim(j, anyA, nil)
		} else {
			r.doClaimTimeout(j, anyA, nil)
		}
	case 14, 15: // a bad request, or too small an allowance
		r.doPost(pmPick(r, r.clients), true)
	case 16: // claim twice, another's leaf, a wrong amount, no root
		var done []bindings.UptimeRewardsClaim
		var who *simchain.Account
		for k := range m.claimed {
			ep := m.epochs[k.epoch]
			for _, l := range ep.roots[k.reporter].leaves {
				if l.provider == k.provider {
					done = append(done, bindings.UptimeRewardsClaim{Epoch: k.epoch, Reporter: k.reporter, Amount: l.amount, Proof: l.proof})
					who = r.byAddr[k.provider]
				}
			}
			break
		}
		if who == nil {
			return false
		}
		cl := done[0]
		switch r.rng.IntN(4) {
		case 0:
		case 1:
			who = pmPick(r, r.users)
		case 2:
			cl.Amount = pmAdd(cl.Amount, pmInt(1))
		default:
			cl.Epoch += 1000
		}
		r.doClaim(who, []bindings.UptimeRewardsClaim{cl})
	case 17: // post a root as a non-reporter, twice, or for an epoch not over
		cur := m.currentEpoch(t)
		who := pmPick(r, r.reporters)
		if r.chance(0.3) {
			who = anyA
		}
		r.doPostRoot(who, cur-1+uint64(r.rng.IntN(3)))
	case 18: // governance by someone else, or out of bounds
		p := m.params[m.paramsID]
		switch x := r.rng.Float64(); {
		case x < 0.15:
			r.doSetStakingParams(pmPick(r, []*simchain.Account{anyA, r.c.Owner}), pmPick(r, []*big.Int{new(big.Int), deploy.Token(100)}), pmPick(r, []uint64{30, 90*24*3600 + 1}))
		case x < 0.3:
			rep := pmPick(r, r.reporters)
			if r.chance(0.5) {
				r.doAddReporter(pmPick(r, []*simchain.Account{anyA, r.c.Owner}), rep)
			} else {
				r.doRemoveReporter(pmPick(r, []*simchain.Account{anyA, r.c.Owner}), rep)
			}
		case x < 0.5:
			p.feeBps = pmMaxFeeBps + 1
			r.doSetParams(r.c.Owner, p)
		case x < 0.65:
			p.minCollateralBps = pmPick(r, []uint32{pmMaxCollateralBps + 1, 1 << 31})
			r.doSetParams(r.c.Owner, p)
		default:
			r.doSetParams(anyA, p)
		}
	case 19: // a batch with a job that cannot be finalized, or a job twice
		fin := r.finalizable(t)
		if len(fin) == 0 {
			return false
		}
		batch := []*pmJob{pmPick(r, fin)}
		if others := withStatus(pmOpen, pmAccepted, pmChallenged); len(others) > 0 && r.chance(0.5) {
			batch = append(batch, pmPick(r, others))
		} else {
			batch = append(batch, batch[0])
		}
		r.rng.Shuffle(len(batch), func(a, b int) { batch[a], batch[b] = batch[b], batch[a] })
		r.doFinalizeBatch(batch, anyA)
	case 20: // fund nothing, or a closed epoch; roll over an epoch still open
		cur := m.currentEpoch(t)
		switch r.rng.IntN(3) {
		case 0:
			r.doFund(anyA, cur, uint64(r.rng.IntN(2)), pmInt(int64(r.rng.IntN(2))))
		case 1:
			r.doFund(anyA, cur-m.claimEpochs-1-uint64(r.rng.IntN(3)), 1+uint64(r.rng.IntN(4)), deploy.Token(1))
		default:
			r.doRollOver(anyA, cur-uint64(r.rng.IntN(int(m.claimEpochs)+2)))
		}
	default: // fees with none accrued, or stake zero
		if m.accrued.Sign() == 0 {
			r.doWithdrawFees(anyA)
		} else {
			r.doStake(pmPick(r, r.providers), new(big.Int))
		}
	}
	return true
}

func (r *pmRunner) pickMove(moves []pmMove) func() {
	total := 0.0
	for _, mv := range moves {
		total += mv.w
	}
	x := r.rng.Float64() * total
	for _, mv := range moves {
		if x < mv.w {
			return mv.run
		}
		x -= mv.w
	}
	return moves[len(moves)-1].run
}

func (r *pmRunner) run(steps int) {
	for r.step = 0; r.step < steps; r.step++ {
		h := r.head()
		t, b := h.Time+1, h.Number.Uint64()+1
		if r.chance(0.12) && r.invalidMove(t) {
			r.check()
			continue
		}
		moves := append(r.jobMoves(t, b), r.globalMoves(t)...)
		r.pickMove(moves)()
		r.check()
	}
	r.windDown()
	r.t.Logf("seed %d: %d steps; successes %v; predicted reverts %v; skipped on a time boundary %v",
		r.seed, steps, r.ok, r.reverted, r.skipped)
	for _, must := range []string{"post", "accept", "commitResult", "finalize", "challenge", "drawVerifiers", "resolveChallenge", "withdraw", "donate", "sweepSurplus"} {
		if r.replicated && must == "commitResult" {
			continue // no N=1 jobs
		}
		if r.ok[must] == 0 && steps >= pmDefaultSteps {
			r.t.Errorf("seed %d: no successful %s in %d steps: the generator is not exercising it", r.seed, must, steps)
		}
	}
}

// windDown settles every job, withdraws every credit and the fees, and checks that the market
// then holds nothing: every token that came in went out to someone the rules name.
func (r *pmRunner) windDown() {
	r.note("wind-down: settle every job, withdraw everything")
	for i := 0; i < 2000 && len(r.m.liveJobs()) > 0; i, r.step = i+1, r.step+1 {
		h := r.head()
		moves := r.jobMoves(h.Time+1, h.Number.Uint64()+1)
		if len(moves) == 0 || r.chance(0.1) {
			r.advance(time.Duration(5+r.rng.IntN(20)) * time.Second)
		} else {
			r.pickMove(moves)()
		}
		r.check()
	}
	if live := r.m.liveJobs(); len(live) > 0 {
		r.fatalf("wind-down: %d jobs still live", len(live))
	}
	for _, a := range r.actors {
		if pmGet(r.m.credit, a.Addr).Sign() > 0 {
			r.doWithdraw(a)
		}
	}
	if pmGet(r.m.surplus, r.m.market).Sign() > 0 {
		r.doSweep(r.anyone)
	}
	if r.m.accrued.Sign() > 0 {
		r.doWithdrawFees(r.anyone)
	}
	r.check()
	if bal := r.read(r.c.Token, r.c.TokenABI.PackBalanceOf(r.m.market), r.c.TokenABI.UnpackBalanceOf); bal.Sign() != 0 {
		r.fatalf("wind-down: the market still holds %s with no jobs, credits, fees or surplus", bal)
	}
	if n := r.read(r.c.Market, r.c.MarketABI.PackOwed(), r.c.MarketABI.UnpackOwed); n.Sign() != 0 {
		r.fatalf("wind-down: market.owed() is %s with nothing owed", n)
	}
	var locked []string
	for _, p := range r.providers {
		if r.m.p(p.Addr).locked.Sign() != 0 {
			locked = append(locked, p.Name)
		}
	}
	if len(locked) > 0 {
		r.fatalf("wind-down: collateral still locked for %v with no jobs", locked)
	}
}

// ---------------------------------------------------------------- rounding

// TestPropertyRoundingCreatesNothing: fee, replica-share, bond and slashed-collateral splits and
// reward caps with awkward amounts (1, 3, 7, 10001 base units, 2^96−1). Every split is checked
// against the rule of docs/protocol.md, and the credits it makes add up exactly to what flowed in:
// a remainder goes to its named home, never nowhere and never twice.
func TestPropertyRoundingCreatesNothing(t *testing.T) {
	max96 := new(big.Int).Set(pmMaxUint96)
	type acct = *simchain.Account
	ok := func(t *testing.T) func(*types.Receipt, error) *types.Receipt {
		return func(rc *types.Receipt, err error) *types.Receipt {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			return rc
		}
	}
	credit := func(t *testing.T, c *simchain.Chain, a common.Address) *big.Int {
		t.Helper()
		v, err := c.MarketBalance(a)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	accrued := func(t *testing.T, c *simchain.Chain) *big.Int {
		t.Helper()
		v, err := simchain.Call(c, c.Market, c.MarketABI.PackTreasuryAccrued(), c.MarketABI.UnpackTreasuryAccrued)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	eq := func(t *testing.T, what string, got, want *big.Int) {
		t.Helper()
		if got.Cmp(want) != 0 {
			t.Fatalf("%s = %s, want %s", what, got, want)
		}
	}
	mint := func(t *testing.T, c *simchain.Chain, a common.Address, amt *big.Int) {
		t.Helper()
		ok(t)(c.Send(c.Owner, c.Token, c.TokenABI.PackMint(a, amt)))
	}
	setParams := func(t *testing.T, c *simchain.Chain, f func(p *bindings.JobMarketParams)) {
		t.Helper()
		p := deploy.DevMarketParams()
		p.MinCollateralBps = c.Config.Market.MinCollateralBps
		f(&p)
		ok(t)(c.Send(c.Owner, c.Market, c.MarketABI.PackSetParams(p)))
	}
	// snapshot of credits of accounts and the treasury; delta returns each change.
	type snap struct {
		c       *simchain.Chain
		who     []common.Address
		credits []*big.Int
		accrued *big.Int
	}
	take := func(t *testing.T, c *simchain.Chain, who ...common.Address) *snap {
		s := &snap{c: c, who: who, accrued: accrued(t, c)}
		for _, a := range who {
			s.credits = append(s.credits, credit(t, c, a))
		}
		return s
	}
	delta := func(t *testing.T, s *snap, a common.Address) *big.Int {
		t.Helper()
		i := slices.Index(s.who, a)
		return pmSub(credit(t, s.c, a), s.credits[i])
	}
	totalDelta := func(t *testing.T, s *snap) *big.Int {
		t.Helper()
		sum := pmSub(accrued(t, s.c), s.accrued)
		for _, a := range s.who {
			sum.Add(sum, delta(t, s, a))
		}
		return sum
	}
	books := func(t *testing.T, c *simchain.Chain, escrow *big.Int, who ...common.Address) {
		t.Helper()
		sum := pmAdd(escrow, accrued(t, c))
		for _, a := range who {
			sum.Add(sum, credit(t, c, a))
		}
		bal, err := c.TokenBalance(c.Addr.Market)
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "balanceOf(market) vs escrow+Σbalances+treasuryAccrued", bal, sum)
	}
	feeOf := func(x *big.Int, bps uint16) *big.Int { return pmFee(x, bps) }
	cid := []byte("bafy-right")
	wrongCID := []byte("bafy-wrong")

	t.Run("fee", func(t *testing.T) {
		c := simchain.New(t)
		client := c.MustAccount(t, "client", nil)
		mint(t, c, client.Addr, pmMul(max96, pmInt(4)))
		prov, err := c.NewProvider("provider", deploy.Token(1000), deploy.Token(200))
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			payment *big.Int
			feeBps  uint16
		}{
			{pmInt(1), 100}, {pmInt(3), 1000}, {pmInt(7), 999}, {pmInt(99), 100}, {pmInt(10_001), 1},
			{pmInt(10_001), 1000}, {pmInt(10_001), 0}, {max96, 1000}, {max96, 999}, {max96, 0},
		} {
			setParams(t, c, func(p *bindings.JobMarketParams) { p.FeeBps = tc.feeBps })
			s := take(t, c, prov.Addr, client.Addr)
			job, _, err := c.Post(client, c.Request(tc.payment, deploy.Token(1), 1, time.Minute, time.Minute, 4))
			if err != nil {
				t.Fatal(err)
			}
			ok(t)(c.Accept(prov, job))
			ok(t)(c.CommitResult(prov, job, cid))
			c.Advance(5 * time.Second)
			ok(t)(c.Finalize(client, job))
			f := feeOf(tc.payment, tc.feeBps)
			eq(t, fmt.Sprintf("payment %s fee %d bps: provider credit", tc.payment, tc.feeBps), delta(t, s, prov.Addr), pmSub(tc.payment, f))
			eq(t, fmt.Sprintf("payment %s fee %d bps: treasury", tc.payment, tc.feeBps), pmSub(accrued(t, c), s.accrued), f)
			eq(t, "Σ credits vs the payment", totalDelta(t, s), tc.payment)
			books(t, c, new(big.Int), prov.Addr, client.Addr)
		}
	})

	t.Run("replica shares", func(t *testing.T) {
		c := simchain.New(t)
		client := c.MustAccount(t, "client", nil)
		mint(t, c, client.Addr, pmMul(max96, pmInt(3)))
		var provs []acct
		for i := 0; i < 9; i++ {
			p, err := c.NewProvider(fmt.Sprintf("p%d", i), deploy.Token(1000), deploy.Token(200))
			if err != nil {
				t.Fatal(err)
			}
			provs = append(provs, p)
		}
		coll := pmAdd(deploy.Token(1), pmInt(3))
		for _, tc := range []struct {
			n       int
			payment *big.Int
			feeBps  uint16
			wrong   int // minority replicas
		}{
			{3, pmInt(1), 100, 0}, {3, pmInt(2), 1000, 0}, {3, pmInt(7), 1000, 1}, {2, pmInt(3), 999, 0},
			{3, pmInt(10_001), 1000, 1}, {9, pmInt(10_001), 1, 4}, {9, pmInt(7), 1000, 0},
			{3, max96, 1000, 1}, {9, max96, 999, 2},
		} {
			name := fmt.Sprintf("N=%d payment=%s fee=%d wrong=%d", tc.n, tc.payment, tc.feeBps, tc.wrong)
			setParams(t, c, func(p *bindings.JobMarketParams) { p.FeeBps = tc.feeBps })
			who := []common.Address{client.Addr}
			for _, p := range provs {
				who = append(who, p.Addr)
			}
			s := take(t, c, who...)
			job, _, err := c.Post(client, c.Request(tc.payment, coll, uint8(tc.n), time.Minute, time.Minute, 4))
			if err != nil {
				t.Fatal(err)
			}
			seats := provs[:tc.n]
			salts := make([][32]byte, tc.n)
			for _, p := range seats {
				ok(t)(c.Accept(p, job))
			}
			result := func(i int) []byte {
				if i < tc.wrong {
					return wrongCID
				}
				return cid
			}
			for i, p := range seats {
				salts[i] = simchain.Salt()
				ok(t)(c.CommitReplica(p, job, uint8(i), result(i), salts[i]))
			}
			for i, p := range seats {
				ok(t)(c.RevealReplica(p, job, uint8(i), result(i), salts[i]))
			}
			ok(t)(c.ResolveReplicas(client, job))
			c.Advance(5 * time.Second)
			ok(t)(c.Finalize(client, job))
			share := pmDiv(tc.payment, pmInt(int64(tc.n)))
			winners := int64(tc.n - tc.wrong)
			for i, p := range seats {
				want := new(big.Int)
				if i >= tc.wrong {
					want = pmSub(share, feeOf(share, tc.feeBps))
				}
				eq(t, name+": replica credit", delta(t, s, p.Addr), want)
			}
			slashed := pmMul(coll, pmInt(int64(tc.wrong)))
			eq(t, name+": client credit (rest of the payment + minority collateral)", delta(t, s, client.Addr),
				pmAdd(pmSub(tc.payment, pmMul(share, pmInt(winners))), slashed))
			eq(t, name+": treasury", pmSub(accrued(t, c), s.accrued), pmMul(feeOf(share, tc.feeBps), pmInt(winners)))
			eq(t, name+": Σ credits vs payment + slashed", totalDelta(t, s), pmAdd(tc.payment, slashed))
			books(t, c, new(big.Int), who...)
			// Top the minority back up so every provider stays active.
			for i := 0; i < tc.wrong; i++ {
				if err := c.Stake(seats[i], coll); err != nil {
					t.Fatal(err)
				}
			}
		}
	})

	// challenged posts a job for seats, commits `committed` (N=1: commitResult; N>1: every
	// replica reveals it), challenges it, draws, has every drawn verifier reveal the right CID and
	// resolves. It returns the drawn verifiers.
	challenged := func(t *testing.T, c *simchain.Chain, byAddr map[common.Address]acct, client, challenger acct, seats []acct, payment, coll *big.Int, committed []byte) []common.Address {
		t.Helper()
		job, _, err := c.Post(client, c.Request(payment, coll, uint8(len(seats)), time.Minute, time.Minute, 30))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range seats {
			ok(t)(c.Accept(p, job))
		}
		if len(seats) == 1 {
			ok(t)(c.CommitResult(seats[0], job, committed))
		} else {
			salts := make([][32]byte, len(seats))
			for i, p := range seats {
				salts[i] = simchain.Salt()
				ok(t)(c.CommitReplica(p, job, uint8(i), committed, salts[i]))
			}
			for i, p := range seats {
				ok(t)(c.RevealReplica(p, job, uint8(i), committed, salts[i]))
			}
			ok(t)(c.ResolveReplicas(client, job))
		}
		ok(t)(c.Challenge(challenger, job))
		c.Mine(2)
		drawn, _, err := c.DrawVerifiers(client, job)
		if err != nil {
			t.Fatal(err)
		}
		if len(drawn) == 0 {
			t.Fatal("no verifiers drawn")
		}
		salts := make([][32]byte, len(drawn))
		for i, v := range drawn {
			salts[i] = simchain.Salt()
			ok(t)(c.CommitVote(byAddr[v], job, uint8(i), cid, salts[i]))
		}
		for i, v := range drawn {
			ok(t)(c.RevealVote(byAddr[v], job, uint8(i), cid, salts[i]))
		}
		if err := c.PassAppealWindow(job); err != nil {
			t.Fatal(err)
		}
		ok(t)(c.ResolveChallenge(client, job))
		if job.Rec.Status == pmCleared {
			c.Advance(time.Second)
			ok(t)(c.Finalize(client, job))
		}
		return drawn
	}
	newPanel := func(t *testing.T, n int) (*simchain.Chain, map[common.Address]acct, []acct, acct, acct) {
		c := simchain.New(t)
		byAddr := map[common.Address]acct{}
		var provs []acct
		for i := 0; i < n; i++ {
			p, err := c.NewProvider(fmt.Sprintf("p%d", i), deploy.Token(1000), deploy.Token(200))
			if err != nil {
				t.Fatal(err)
			}
			provs = append(provs, p)
			byAddr[p.Addr] = p
		}
		client := c.MustAccount(t, "client", nil)
		challenger := c.MustAccount(t, "challenger", nil)
		mint(t, c, client.Addr, pmMul(max96, pmInt(2)))
		mint(t, c, challenger.Addr, pmMul(max96, pmInt(3)))
		return c, byAddr, provs, client, challenger
	}

	t.Run("bond split on a rejected challenge", func(t *testing.T) {
		c, byAddr, provs, client, challenger := newPanel(t, 7)
		for _, tc := range []struct {
			bond *big.Int
			n    int
		}{
			{pmInt(1), 1}, {pmInt(3), 1}, {pmInt(7), 1}, {pmInt(10_001), 1}, {max96, 1},
			{pmInt(1), 3}, {pmInt(7), 3}, {pmInt(10_001), 3}, {max96, 3},
		} {
			name := fmt.Sprintf("bond %s N=%d", tc.bond, tc.n)
			setParams(t, c, func(p *bindings.JobMarketParams) { p.ChallengeBond = tc.bond; p.FeeBps = 0 })
			who := []common.Address{client.Addr, challenger.Addr}
			for _, p := range provs {
				who = append(who, p.Addr)
			}
			s := take(t, c, who...)
			payment := pmInt(9)
			seats := provs[:tc.n]
			drawn := challenged(t, c, byAddr, client, challenger, seats, payment, deploy.Token(1), cid)
			// Rejected: the bond is split among the provider(s) and the agreeing verifiers; the
			// remainder goes to the treasury. The payment went to the provider(s) at finalize (0% fee).
			recipients := pmInt(int64(tc.n + len(drawn)))
			share := pmDiv(tc.bond, recipients)
			payShare := pmDiv(payment, pmInt(int64(tc.n)))
			for _, p := range seats {
				eq(t, name+": provider credit (bond share + payment share)", delta(t, s, p.Addr), pmAdd(share, payShare))
			}
			for _, v := range drawn {
				eq(t, name+": verifier credit", delta(t, s, v), share)
			}
			eq(t, name+": treasury (bond remainder)", pmSub(accrued(t, c), s.accrued), pmSub(tc.bond, pmMul(share, recipients)))
			eq(t, name+": client credit (payment remainder)", delta(t, s, client.Addr), pmSub(payment, pmMul(payShare, pmInt(int64(tc.n)))))
			eq(t, name+": Σ credits vs bond + payment", totalDelta(t, s), pmAdd(tc.bond, payment))
			books(t, c, new(big.Int), who...)
		}
	})

	t.Run("slashed collateral split on an upheld challenge", func(t *testing.T) {
		c, byAddr, provs, client, challenger := newPanel(t, 5)
		whale := c.MustAccount(t, "whale", nil)
		mint(t, c, whale.Addr, max96)
		if _, err := c.Register(whale); err != nil {
			t.Fatal(err)
		}
		if err := c.Stake(whale, max96); err != nil {
			t.Fatal(err)
		}
		byAddr[whale.Addr] = whale
		for _, tc := range []struct {
			coll      *big.Int
			chBps, vB uint16
			whale     bool
		}{
			{pmInt(1), 5000, 3000, false}, {pmInt(3), 3333, 3333, false}, {pmInt(7), 1, 9999, false},
			{pmInt(10_001), 3333, 6667, false}, {pmInt(10_001), 0, 10_000, false}, {pmInt(10_001), 10_000, 0, false},
			{pmSub(max96, pmInt(1)), 3333, 3333, true},
		} {
			name := fmt.Sprintf("collateral %s bps %d/%d", tc.coll, tc.chBps, tc.vB)
			setParams(t, c, func(p *bindings.JobMarketParams) {
				p.ChallengerRewardBps, p.VerifierRewardBps, p.MinCollateral = tc.chBps, tc.vB, pmInt(1)
			})
			who := []common.Address{client.Addr, challenger.Addr, whale.Addr}
			for _, p := range provs {
				who = append(who, p.Addr)
			}
			s := take(t, c, who...)
			seat := provs[0]
			if tc.whale {
				seat = whale
			}
			payment := pmInt(10_001)
			drawn := challenged(t, c, byAddr, client, challenger, []acct{seat}, payment, tc.coll, wrongCID)
			bond := c.Config.Market.ChallengeBond
			toCh := pmDiv(pmMul(tc.coll, pmInt(int64(tc.chBps))), pmBps)
			each := pmDiv(pmDiv(pmMul(tc.coll, pmInt(int64(tc.vB))), pmBps), pmInt(int64(len(drawn))))
			eq(t, name+": challenger (bond + reward)", delta(t, s, challenger.Addr), pmAdd(bond, toCh))
			eq(t, name+": client (full payment)", delta(t, s, client.Addr), payment)
			for _, v := range drawn {
				eq(t, name+": verifier", delta(t, s, v), each)
			}
			eq(t, name+": treasury (the rest)", pmSub(accrued(t, c), s.accrued), pmSub(pmSub(tc.coll, toCh), pmMul(each, pmInt(int64(len(drawn))))))
			eq(t, name+": Σ credits vs payment + bond + slashed", totalDelta(t, s), pmAdd(pmAdd(payment, bond), tc.coll))
			books(t, c, new(big.Int), who...)
			if accrued(t, c).Sign() > 0 {
				ok(t)(c.Send(client, c.Market, c.MarketABI.PackWithdrawFees())) // keep treasuryAccrued (uint96) small
			}
			if !tc.whale {
				if err := c.Stake(seat, tc.coll); err != nil {
					t.Fatal(err)
				}
			}
		}
	})

	// One upheld challenge can slash more than 2^96 into the treasury's credit (N replicas'
	// collateral, each up to 2^96−1). The credit must hold it: before the fix treasuryAccrued was
	// a uint96 behind SafeCast, and such a challenge could never be resolved.
	t.Run("treasury credit beyond 2^96", func(t *testing.T) {
		c, byAddr, provs, client, challenger := newPanel(t, 3)
		var whales []acct
		for i := 0; i < 2; i++ {
			w := c.MustAccount(t, fmt.Sprintf("whale%d", i), nil)
			mint(t, c, w.Addr, max96)
			if _, err := c.Register(w); err != nil {
				t.Fatal(err)
			}
			if err := c.Stake(w, max96); err != nil {
				t.Fatal(err)
			}
			byAddr[w.Addr] = w
			whales = append(whales, w)
		}
		setParams(t, c, func(p *bindings.JobMarketParams) { p.ChallengerRewardBps, p.VerifierRewardBps = 0, 0 })
		coll := pmAdd(pmDiv(max96, pmInt(2)), pmInt(1000))
		who := []common.Address{client.Addr, challenger.Addr, whales[0].Addr, whales[1].Addr}
		for _, p := range provs {
			who = append(who, p.Addr)
		}
		s := take(t, c, who...)
		payment := pmInt(3)
		challenged(t, c, byAddr, client, challenger, whales, payment, coll, wrongCID)
		slashed := pmMul(coll, pmInt(2))
		eq(t, "treasury (all of the slashed collateral)", pmSub(accrued(t, c), s.accrued), slashed)
		bond := c.Config.Market.ChallengeBond
		eq(t, "Σ credits vs payment + bond + slashed", totalDelta(t, s), pmAdd(pmAdd(payment, bond), slashed))
		books(t, c, new(big.Int), who...)
		ok(t)(c.Send(client, c.Market, c.MarketABI.PackWithdrawFees()))
		bal, err := c.TokenBalance(c.Config.Treasury)
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "treasury received", bal, slashed)
	})

	// Staked plus unbonding stays within 96 bits: before the fix, staking again while 2^96−1 was
	// unbonding and unstaking it truncated `unbonding`, losing tokens in the registry.
	t.Run("stake and unbonding at the uint96 limit", func(t *testing.T) {
		c := simchain.New(t)
		a := c.MustAccount(t, "provider", nil)
		mint(t, c, a.Addr, pmMul(max96, pmInt(2)))
		if _, err := c.Register(a); err != nil {
			t.Fatal(err)
		}
		registryBooks := func(wantStaked, wantUnbonding *big.Int) {
			t.Helper()
			info, err := simchain.Call(c, c.Registry, c.RegistryABI.PackProviderInfo(a.Addr), c.RegistryABI.UnpackProviderInfo)
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "staked", info.Staked, wantStaked)
			eq(t, "unbonding", info.Unbonding, wantUnbonding)
			bal, err := c.TokenBalance(c.Addr.Registry)
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "balanceOf(registry) vs staked + unbonding", bal, pmAdd(info.Staked, info.Unbonding))
		}
		if err := c.Stake(a, max96); err != nil {
			t.Fatal(err)
		}
		ok(t)(c.Send(a, c.Registry, c.RegistryABI.PackUnstake(max96)))
		registryBooks(new(big.Int), max96)
		for _, amt := range []*big.Int{max96, pmInt(1)} {
			ok(t)(c.Approve(a, c.Addr.Registry, amt))
			if _, err := c.Send(a, c.Registry, c.RegistryABI.PackStake(amt)); !reverts.Is(err, "AmountTooLarge") {
				t.Fatalf("stake %s with 2^96-1 unbonding: want AmountTooLarge, got %v", amt, err)
			}
		}
		registryBooks(new(big.Int), max96)
		c.Advance(c.Config.UnbondingDelay + time.Second)
		ok(t)(c.Send(a, c.Registry, c.RegistryABI.PackWithdrawStake()))
		if err := c.Stake(a, max96); err != nil {
			t.Fatalf("stake after withdrawing: %v", err)
		}
		registryBooks(max96, new(big.Int))
	})

	t.Run("reward caps", func(t *testing.T) {
		// rewardPerProvider 10 base units, 3 reporters: a leaf pays at most 10/3 = 3; a budget of
		// 7 gives each root at most 7/3 = 2. The remainder 7 − 3·2 = 1 is never payable.
		c := simchain.New(t, func(cfg *deploy.Config) { cfg.RewardPerProvider = pmInt(10) })
		funder := c.MustAccount(t, "funder", deploy.Token(1))
		p := c.MustAccount(t, "p", nil)
		q := c.MustAccount(t, "q", nil)
		var reps []acct
		for i := 0; i < 3; i++ {
			rep := c.MustAccount(t, fmt.Sprintf("reporter%d", i), nil)
			ok(t)(c.Send(c.Owner, c.Rewards, c.RewardsABI.PackAddReporter(rep.Addr)))
			reps = append(reps, rep)
		}
		epoch, err := simchain.Call(c, c.Rewards, c.RewardsABI.PackCurrentEpoch(), c.RewardsABI.UnpackCurrentEpoch)
		if err != nil {
			t.Fatal(err)
		}
		budget := pmInt(7)
		ok(t)(c.Approve(funder, c.Addr.Rewards, budget))
		ok(t)(c.Send(funder, c.Rewards, c.RewardsABI.PackFund(epoch, 1, budget)))
		c.Advance(c.Config.EpochLength)
		// Each reporter's tree: p and q with the amounts below.
		amounts := [3][2]int64{{2, 1}, {3, 2}, {4, 2}}
		proofs := [3][2][][32]byte{}
		for i, rep := range reps {
			leaves := [][32]byte{pmLeafHash(epoch, p.Addr, pmInt(amounts[i][0])), pmLeafHash(epoch, q.Addr, pmInt(amounts[i][1]))}
			root, pr := pmMerkleTree(leaves)
			proofs[i] = [2][][32]byte{pr[0], pr[1]}
			ok(t)(c.Send(rep, c.Rewards, c.RewardsABI.PackPostRoot(epoch, root)))
		}
		claim := func(who acct, i, leaf int) error {
			_, err := c.Send(who, c.Rewards, c.RewardsABI.PackClaim([]bindings.UptimeRewardsClaim{{
				Epoch: epoch, Reporter: reps[i].Addr, Amount: pmInt(amounts[i][leaf]), Proof: proofs[i][leaf]}}))
			return err
		}
		for _, step := range []struct {
			who       acct
			rep, leaf int
			revert    string
		}{
			{p, 0, 0, ""},              // 2 ≤ cap 3, root 0 pays 2 ≤ share 2
			{q, 0, 1, "ShareExceeded"}, // root 0 would pay 3 > 2
			{p, 1, 0, "ShareExceeded"}, // 3 ≤ cap, but 3 > share 2
			{q, 1, 1, ""},              // 2
			{p, 2, 0, "LeafOverCap"},   // 4 > cap 3
			{q, 2, 1, ""},              // 2
		} {
			err := claim(step.who, step.rep, step.leaf)
			if step.revert == "" && err != nil {
				t.Fatalf("claim %s from reporter %d: %v", step.who.Name, step.rep, err)
			}
			if step.revert != "" && !reverts.Is(err, step.revert) {
				t.Fatalf("claim %s from reporter %d: want %s, got %v", step.who.Name, step.rep, step.revert, err)
			}
		}
		info, err := simchain.Call(c, c.Rewards, c.RewardsABI.PackEpochInfo(epoch), c.RewardsABI.UnpackEpochInfo)
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "paid", info.Paid, pmInt(6))
		for _, x := range []struct {
			a    acct
			want int64
		}{{p, 2}, {q, 4}} {
			bal, err := c.TokenBalance(x.a.Addr)
			if err != nil {
				t.Fatal(err)
			}
			eq(t, x.a.Name+" received", bal, pmInt(x.want))
		}
		bal, err := c.TokenBalance(c.Addr.Rewards)
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "balanceOf(rewards) == budget − paid (the rounding remainder stays)", bal, pmInt(1))
	})
}
