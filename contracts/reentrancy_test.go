package contracts_test

// Reentrancy through the token (docs/protocol.md, "Threats and answers"): Brine deployed on
// HostileToken, whose transfers call back into receivers that opted in, with a ReentrantActor as
// client, provider, challenger or treasury. Each test checks that the reentry fails (or, across
// contracts, is harmless), that the actor is paid exactly once, and that the books balance.

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
)

var (
	reActorABI   = bindings.NewReentrantActor()
	reHostileABI = bindings.NewHostileToken()
)

// reActor is a ReentrantActor contract and the EOA that operates it.
type reActor struct {
	t    *testing.T
	c    *simchain.Chain
	op   *simchain.Account
	addr common.Address
	inst *bind.BoundContract
}

func reNewActor(t *testing.T, c *simchain.Chain, tokens *big.Int) *reActor {
	t.Helper()
	op := c.MustAccount(t, "operator", nil)
	addr, err := c.DeployReentrantActor(op)
	if err != nil {
		t.Fatal(err)
	}
	if tokens != nil {
		// HostileToken lets anyone mint.
		if _, err := c.Send(op, c.Token, c.TokenABI.PackMint(addr, tokens)); err != nil {
			t.Fatalf("mint: %v", err)
		}
	}
	return &reActor{t: t, c: c, op: op, addr: addr, inst: reActorABI.Instance(c.Client, addr)}
}

// exec makes the actor call target with data (as msg.sender = the actor).
func (a *reActor) exec(target common.Address, data []byte) (*types.Receipt, error) {
	return a.c.Send(a.op, a.inst, reActorABI.PackExec(target, data))
}

func (a *reActor) must(target common.Address, data []byte) *types.Receipt {
	a.t.Helper()
	rc, err := a.exec(target, data)
	if err != nil {
		a.t.Fatalf("actor call: %v", err)
	}
	return rc
}

// hook opts the actor into HostileToken's receive hooks.
func (a *reActor) hook() {
	a.t.Helper()
	a.must(a.c.Addr.Token, reHostileABI.PackSetHooked(true))
}

// arm makes every later token receipt call target with data.
func (a *reActor) arm(target common.Address, data []byte) {
	a.t.Helper()
	if _, err := a.c.Send(a.op, a.inst, reActorABI.PackArm(target, data)); err != nil {
		a.t.Fatalf("arm: %v", err)
	}
}

// reentries: how many reentries were tried and succeeded, and the last one's revert.
func (a *reActor) reentries() (attempts, successes int64, last *reverts.Error) {
	a.t.Helper()
	at, err1 := simchain.Call(a.c, a.inst, reActorABI.PackReentryAttempts(), reActorABI.UnpackReentryAttempts)
	su, err2 := simchain.Call(a.c, a.inst, reActorABI.PackReentrySuccesses(), reActorABI.UnpackReentrySuccesses)
	raw, err3 := simchain.Call(a.c, a.inst, reActorABI.PackLastRevert(), reActorABI.UnpackLastRevert)
	if err1 != nil || err2 != nil || err3 != nil {
		a.t.Fatalf("read actor: %v %v %v", err1, err2, err3)
	}
	return at.Int64(), su.Int64(), reverts.DecodeData(raw)
}

// expectBlocked: exactly `attempts` reentries, `successes` of them succeeded, and (when any
// failed) the last failure is the reentrancy guard.
func (a *reActor) expectBlocked(attempts, successes int64) {
	a.t.Helper()
	at, su, last := a.reentries()
	if at != attempts || su != successes {
		a.t.Fatalf("reentries: %d attempted, %d succeeded; want %d and %d", at, su, attempts, successes)
	}
	if at > su && (last == nil || last.Name != "ReentrancyGuardReentrantCall") {
		a.t.Fatalf("the reentry failed with %v, want ReentrancyGuardReentrantCall", last)
	}
}

// post approves and posts req as the actor.
func (a *reActor) post(req bindings.JobMarketJobRequest) *simchain.Job {
	a.t.Helper()
	a.must(a.c.Addr.Token, a.c.TokenABI.PackApprove(a.c.Addr.Market, req.Payment))
	rc := a.must(a.c.Addr.Market, a.c.MarketABI.PackPostJob(req))
	id, rec, err := a.c.JobRecord(rc)
	if err != nil {
		a.t.Fatal(err)
	}
	return &simchain.Job{ID: id, Rec: rec}
}

func reTokens(t *testing.T, c *simchain.Chain, a common.Address) *big.Int {
	t.Helper()
	v, err := c.TokenBalance(a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func reCredit(t *testing.T, c *simchain.Chain, a common.Address) *big.Int {
	t.Helper()
	v, err := c.MarketBalance(a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func reAccrued(t *testing.T, c *simchain.Chain) *big.Int {
	t.Helper()
	v, err := simchain.Call(c, c.Market, c.MarketABI.PackTreasuryAccrued(), c.MarketABI.UnpackTreasuryAccrued)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func reJobHash(t *testing.T, c *simchain.Chain, id *big.Int) [32]byte {
	t.Helper()
	v, err := simchain.Call(c, c.Market, c.MarketABI.PackJobHash(id), c.MarketABI.UnpackJobHash)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func reEq(t *testing.T, what string, got, want *big.Int) {
	t.Helper()
	if got.Cmp(want) != 0 {
		t.Fatalf("%s = %s, want %s", what, got, want)
	}
}

// reMarketBooks: balanceOf(market) == escrow + bonds + Σ balances(accounts) + treasuryAccrued.
func reMarketBooks(t *testing.T, c *simchain.Chain, escrowAndBonds *big.Int, accounts ...common.Address) {
	t.Helper()
	sum := new(big.Int).Add(escrowAndBonds, reAccrued(t, c))
	for _, a := range accounts {
		sum.Add(sum, reCredit(t, c, a))
	}
	reEq(t, "balanceOf(market) (the market's books)", reTokens(t, c, c.Addr.Market), sum)
}

// reRegistryBooks: balanceOf(registry) == Σ (staked + unbonding).
func reRegistryBooks(t *testing.T, c *simchain.Chain, providers ...common.Address) {
	t.Helper()
	sum := new(big.Int)
	for _, p := range providers {
		info, err := simchain.Call(c, c.Registry, c.RegistryABI.PackProviderInfo(p), c.RegistryABI.UnpackProviderInfo)
		if err != nil {
			t.Fatal(err)
		}
		sum.Add(sum, new(big.Int).Add(info.Staked, info.Unbonding))
	}
	reEq(t, "balanceOf(registry) (the registry's books)", reTokens(t, c, c.Addr.Registry), sum)
}

func reProvider(t *testing.T, c *simchain.Chain, name string) *simchain.Account {
	t.Helper()
	p, err := c.NewProvider(name, deploy.Token(1000), deploy.Token(200))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// reOK unwraps a (receipt, error) pair.
func reOK(t *testing.T) func(*types.Receipt, error) *types.Receipt {
	return func(rc *types.Receipt, err error) *types.Receipt {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return rc
	}
}

// TestReentrancyWithdrawPaysOnce: the actor's refund is withdrawn; on receipt it calls withdraw
// again. The reentry hits the guard and the actor is paid exactly once.
func TestReentrancyWithdrawPaysOnce(t *testing.T) {
	c := simchain.NewHostile(t)
	a := reNewActor(t, c, deploy.Token(100))
	pay := new(big.Int).Add(deploy.Token(10), big.NewInt(7))
	job := a.post(c.Request(pay, deploy.Token(1), 1, 5*time.Second, 10*time.Second, 10))
	c.Advance(6 * time.Second)
	stranger := c.MustAccount(t, "stranger", nil)
	reOK(t)(c.Reclaim(stranger, job))
	reEq(t, "refund credited", reCredit(t, c, a.addr), pay)

	a.hook()
	a.arm(c.Addr.Market, c.MarketABI.PackWithdraw())
	before := reTokens(t, c, a.addr)
	a.must(c.Addr.Market, c.MarketABI.PackWithdraw())
	a.expectBlocked(1, 0)
	reEq(t, "tokens received", new(big.Int).Sub(reTokens(t, c, a.addr), before), pay)
	reEq(t, "credit after withdraw", reCredit(t, c, a.addr), new(big.Int))
	reMarketBooks(t, c, new(big.Int), a.addr)
	reEq(t, "market holds nothing", reTokens(t, c, c.Addr.Market), new(big.Int))
	if _, err := a.exec(c.Addr.Market, c.MarketABI.PackWithdraw()); !reverts.Is(err, "NothingToWithdraw") {
		t.Fatalf("second withdraw: want NothingToWithdraw, got %v", err)
	}
}

// reMarketFix is a market with an actor holding a credit and other jobs in every state a
// reentry could try to move: a finalizable job, a timed-out job, a reclaimable job, accrued fees.
type reMarketFix struct {
	c                           *simchain.Chain
	a                           *reActor
	prov, client, stranger      *simchain.Account
	credit                      *big.Int
	finalizable, timedOut, open *simchain.Job
	newReq                      bindings.JobMarketJobRequest
	cid                         []byte
}

func reNewMarketFix(t *testing.T) *reMarketFix {
	t.Helper()
	c := simchain.NewHostile(t)
	f := &reMarketFix{c: c, cid: []byte("bafy-result")}
	f.a = reNewActor(t, c, deploy.Token(100))
	f.prov = reProvider(t, c, "provider")
	f.client = c.MustAccount(t, "client", deploy.Token(1000))
	f.stranger = c.MustAccount(t, "stranger", nil)

	// Fees: one job finalized.
	paid, _ := reMust2(t)(c.Post(f.client, c.Request(deploy.Token(7), deploy.Token(1), 1, 60*time.Second, 60*time.Second, 4)))
	reOK(t)(c.Accept(f.prov, paid))
	reOK(t)(c.CommitResult(f.prov, paid, f.cid))
	// The actor's credit: its own job, reclaimed.
	f.credit = new(big.Int).Add(deploy.Token(3), big.NewInt(1))
	own := f.a.post(c.Request(f.credit, deploy.Token(1), 1, 5*time.Second, 10*time.Second, 4))
	// A job that will time out, one that will stay open past acceptBy, one to finalize.
	f.timedOut, _ = reMust2(t)(c.Post(f.client, c.Request(deploy.Token(2), deploy.Token(1), 1, 30*time.Second, 5*time.Second, 4)))
	reOK(t)(c.Accept(f.prov, f.timedOut))
	f.open, _ = reMust2(t)(c.Post(f.client, c.Request(deploy.Token(2), deploy.Token(1), 1, 5*time.Second, 10*time.Second, 4)))
	f.finalizable, _ = reMust2(t)(c.Post(f.client, c.Request(deploy.Token(5), deploy.Token(1), 1, 60*time.Second, 60*time.Second, 4)))
	reOK(t)(c.Accept(f.prov, f.finalizable))
	reOK(t)(c.CommitResult(f.prov, f.finalizable, f.cid))
	c.Advance(40 * time.Second)
	reOK(t)(c.Finalize(f.stranger, paid))
	reOK(t)(c.Reclaim(f.stranger, own))
	// The actor may post another job: allowance set, tokens held.
	f.newReq = c.Request(deploy.Token(1), deploy.Token(1), 1, time.Hour, time.Hour, 4)
	f.a.must(c.Addr.Token, c.TokenABI.PackApprove(c.Addr.Market, f.newReq.Payment))
	return f
}

// reMust2 unwraps a (job, receipt, error) triple.
func reMust2(t *testing.T) func(*simchain.Job, *types.Receipt, error) (*simchain.Job, *types.Receipt) {
	return func(j *simchain.Job, rc *types.Receipt, err error) (*simchain.Job, *types.Receipt) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return j, rc
	}
}

// TestReentrancyIntoOtherMarketCalls: during its withdrawal the actor re-enters other market
// entry points that would succeed on their own. Every reentry hits the guard, nothing else
// moves, the actor is paid exactly once, and the same call then succeeds outside the withdrawal.
func TestReentrancyIntoOtherMarketCalls(t *testing.T) {
	for _, tc := range []struct {
		name string
		data func(f *reMarketFix) []byte
	}{
		{"withdrawFees", func(f *reMarketFix) []byte { return f.c.MarketABI.PackWithdrawFees() }},
		{"finalize another job", func(f *reMarketFix) []byte {
			return f.c.MarketABI.PackFinalize(f.finalizable.ID, f.finalizable.Rec)
		}},
		{"finalizeBatch", func(f *reMarketFix) []byte {
			return f.c.MarketABI.PackFinalizeBatch([]*big.Int{f.finalizable.ID}, []bindings.JobMarketJob{f.finalizable.Rec})
		}},
		{"claimTimeout", func(f *reMarketFix) []byte { return f.c.MarketABI.PackClaimTimeout(f.timedOut.ID, f.timedOut.Rec) }},
		{"reclaim", func(f *reMarketFix) []byte { return f.c.MarketABI.PackReclaim(f.open.ID, f.open.Rec) }},
		{"postJob", func(f *reMarketFix) []byte { return f.c.MarketABI.PackPostJob(f.newReq) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := reNewMarketFix(t)
			c, a := f.c, f.a
			accrued := reAccrued(t, c)
			if accrued.Sign() == 0 {
				t.Fatal("fixture: no fees accrued")
			}
			jobs := []*simchain.Job{f.finalizable, f.timedOut, f.open}
			hashes := make([][32]byte, len(jobs))
			for i, j := range jobs {
				hashes[i] = reJobHash(t, c, j.ID)
			}
			count, _ := simchain.Call(c, c.Market, c.MarketABI.PackJobCount(), c.MarketABI.UnpackJobCount)
			provCredit, clientCredit := reCredit(t, c, f.prov.Addr), reCredit(t, c, f.client.Addr)
			escrow := big.NewInt(0)
			for _, j := range jobs {
				escrow.Add(escrow, j.Rec.Payment)
			}
			reMarketBooks(t, c, escrow, a.addr, f.prov.Addr, f.client.Addr)

			a.hook()
			a.arm(c.Addr.Market, tc.data(f))
			before := reTokens(t, c, a.addr)
			a.must(c.Addr.Market, c.MarketABI.PackWithdraw())
			a.expectBlocked(1, 0)
			reEq(t, "tokens received", new(big.Int).Sub(reTokens(t, c, a.addr), before), f.credit)
			reEq(t, "actor's credit", reCredit(t, c, a.addr), new(big.Int))
			reEq(t, "treasuryAccrued", reAccrued(t, c), accrued)
			reEq(t, "provider's credit", reCredit(t, c, f.prov.Addr), provCredit)
			reEq(t, "client's credit", reCredit(t, c, f.client.Addr), clientCredit)
			for i, j := range jobs {
				if h := reJobHash(t, c, j.ID); h != hashes[i] {
					t.Fatalf("job %s changed during the blocked reentry", j.ID)
				}
			}
			if n, _ := simchain.Call(c, c.Market, c.MarketABI.PackJobCount(), c.MarketABI.UnpackJobCount); n != count {
				t.Fatalf("jobCount %d -> %d during the blocked reentry", count, n)
			}
			reMarketBooks(t, c, escrow, a.addr, f.prov.Addr, f.client.Addr)

			// The same call on its own succeeds: the guard, not the state, stopped it.
			a.arm(common.Address{}, nil)
			a.must(c.Addr.Market, tc.data(f))
		})
	}
}

// TestReentrancyWithdrawStake: a provider contract re-enters during withdrawStake. The registry
// guard stops withdrawStake; unstake (not token-moving) and the market's withdraw (another
// contract's guard) go through, and every book still balances with each amount paid once.
func TestReentrancyWithdrawStake(t *testing.T) {
	const unbond, restake = 50, 10
	for _, tc := range []struct {
		name               string
		data               func(c *simchain.Chain) []byte
		attempts, succeeds int64
		wantStaked         *big.Int // after
		wantUnbonding      *big.Int
		wantPaid           *big.Int // tokens received by the actor
	}{
		{"withdrawStake again", func(c *simchain.Chain) []byte { return c.RegistryABI.PackWithdrawStake() },
			1, 0, deploy.Token(150), new(big.Int), deploy.Token(unbond)},
		{"unstake more", func(c *simchain.Chain) []byte { return c.RegistryABI.PackUnstake(deploy.Token(restake)) },
			1, 1, deploy.Token(150 - restake), deploy.Token(restake), deploy.Token(unbond)},
		{"market withdraw", nil, 2, 1, deploy.Token(150), new(big.Int), deploy.Token(unbond + 3)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := simchain.NewHostile(t)
			a := reNewActor(t, c, deploy.Token(1000))
			a.must(c.Addr.Registry, c.RegistryABI.PackRegister([]byte("peer-reentrant"), []byte("sig"), nil))
			a.must(c.Addr.Token, c.TokenABI.PackApprove(c.Addr.Registry, deploy.Token(200)))
			a.must(c.Addr.Registry, c.RegistryABI.PackStake(deploy.Token(200)))
			a.must(c.Addr.Registry, c.RegistryABI.PackUnstake(deploy.Token(unbond)))
			data := []byte(nil)
			if tc.data != nil {
				data = tc.data(c)
			} else {
				// Give the actor a market credit of 3 tokens (a reclaimed job).
				job := a.post(c.Request(deploy.Token(3), deploy.Token(1), 1, 5*time.Second, 10*time.Second, 4))
				c.Advance(6 * time.Second)
				reOK(t)(c.Reclaim(c.Owner, job))
				data = c.MarketABI.PackWithdraw()
			}
			c.Advance(c.Config.UnbondingDelay + time.Second)

			a.hook()
			target := c.Addr.Registry
			if tc.data == nil {
				target = c.Addr.Market
			}
			a.arm(target, data)
			before := reTokens(t, c, a.addr)
			a.must(c.Addr.Registry, c.RegistryABI.PackWithdrawStake())
			a.expectBlocked(tc.attempts, tc.succeeds)
			reEq(t, "tokens received", new(big.Int).Sub(reTokens(t, c, a.addr), before), tc.wantPaid)
			info, err := simchain.Call(c, c.Registry, c.RegistryABI.PackProviderInfo(a.addr), c.RegistryABI.UnpackProviderInfo)
			if err != nil {
				t.Fatal(err)
			}
			reEq(t, "staked", info.Staked, tc.wantStaked)
			reEq(t, "unbonding", info.Unbonding, tc.wantUnbonding)
			reRegistryBooks(t, c, a.addr)
			reMarketBooks(t, c, new(big.Int), a.addr)
			if tc.wantUnbonding.Sign() == 0 {
				if _, err := a.exec(c.Addr.Registry, c.RegistryABI.PackWithdrawStake()); !reverts.Is(err, "NotUnbonded") {
					t.Fatalf("second withdrawStake: want NotUnbonded, got %v", err)
				}
			}
		})
	}
}

// TestReentrancyClaimPaysOnce: the actor claims an uptime reward and, on receipt, claims the
// same leaf again. The reentry hits the guard; the leaf is paid once and is then AlreadyClaimed.
func TestReentrancyClaimPaysOnce(t *testing.T) {
	c := simchain.NewHostile(t)
	a := reNewActor(t, c, nil)
	reporter := c.MustAccount(t, "reporter", nil)
	funder := c.MustAccount(t, "funder", deploy.Token(100))
	reOK(t)(c.Send(c.Owner, c.Rewards, c.RewardsABI.PackAddReporter(reporter.Addr)))
	epoch, err := simchain.Call(c, c.Rewards, c.RewardsABI.PackCurrentEpoch(), c.RewardsABI.UnpackCurrentEpoch)
	if err != nil {
		t.Fatal(err)
	}
	budget := deploy.Token(30)
	reOK(t)(c.Approve(funder, c.Addr.Rewards, budget))
	reOK(t)(c.Send(funder, c.Rewards, c.RewardsABI.PackFund(epoch, 1, budget)))
	c.Advance(c.Config.EpochLength)

	amt := new(big.Int).Add(deploy.Token(4), big.NewInt(3)) // under the 10-token cap with one reporter
	other := common.HexToAddress("0x00000000000000000000000000000000000b0b00")
	leaves := [][32]byte{pmLeafHash(epoch, a.addr, amt), pmLeafHash(epoch, other, deploy.Token(2))}
	root, proofs := pmMerkleTree(leaves)
	reOK(t)(c.Send(reporter, c.Rewards, c.RewardsABI.PackPostRoot(epoch, root)))
	claim := c.RewardsABI.PackClaim([]bindings.UptimeRewardsClaim{{Epoch: epoch, Reporter: reporter.Addr, Amount: amt, Proof: proofs[0]}})

	a.hook()
	a.arm(c.Addr.Rewards, claim)
	a.must(c.Addr.Rewards, claim)
	a.expectBlocked(1, 0)
	reEq(t, "tokens received", reTokens(t, c, a.addr), amt)
	info, err := simchain.Call(c, c.Rewards, c.RewardsABI.PackEpochInfo(epoch), c.RewardsABI.UnpackEpochInfo)
	if err != nil {
		t.Fatal(err)
	}
	reEq(t, "epoch paid", info.Paid, amt)
	reEq(t, "balanceOf(rewards) (budget − paid)", reTokens(t, c, c.Addr.Rewards), new(big.Int).Sub(budget, amt))
	a.arm(common.Address{}, nil)
	if _, err := a.exec(c.Addr.Rewards, claim); !reverts.Is(err, "AlreadyClaimed") {
		t.Fatalf("second claim: want AlreadyClaimed, got %v", err)
	}
}

// TestReentrancySlashCredits: slashes move tokens registry → market (the market is not hooked),
// so the hostile party is the one credited: a client refunded by claimTimeout, a challenger paid
// by an upheld challenge, a treasury paid fees. Each re-enters during its payout: blocked, paid
// once, the slashed provider's stake and every book exact.
func TestReentrancySlashCredits(t *testing.T) {
	t.Run("client refunded after timeout", func(t *testing.T) {
		c := simchain.NewHostile(t)
		a := reNewActor(t, c, deploy.Token(100))
		prov := reProvider(t, c, "provider")
		stranger := c.MustAccount(t, "stranger", nil)
		payA, collA := big.NewInt(10_000_000_000_000_007), big.NewInt(1_000_000_000_000_000_003)
		payB, collB := deploy.Token(3), deploy.Token(2)
		jobA := a.post(c.Request(payA, collA, 1, 10*time.Second, 5*time.Second, 4))
		jobB := a.post(c.Request(payB, collB, 1, 10*time.Second, 5*time.Second, 4))
		reOK(t)(c.Accept(prov, jobA))
		reOK(t)(c.Accept(prov, jobB))
		c.Advance(20 * time.Second)
		reOK(t)(c.ClaimTimeout(stranger, jobA))
		reEq(t, "client credit after timeout", reCredit(t, c, a.addr), new(big.Int).Add(payA, collA))
		hashB := reJobHash(t, c, jobB.ID)

		a.hook()
		a.arm(c.Addr.Market, c.MarketABI.PackClaimTimeout(jobB.ID, jobB.Rec))
		before := reTokens(t, c, a.addr)
		a.must(c.Addr.Market, c.MarketABI.PackWithdraw())
		a.expectBlocked(1, 0)
		reEq(t, "tokens received", new(big.Int).Sub(reTokens(t, c, a.addr), before), new(big.Int).Add(payA, collA))
		if reJobHash(t, c, jobB.ID) != hashB {
			t.Fatal("job B changed during the blocked reentry")
		}
		reMarketBooks(t, c, payB, a.addr, prov.Addr)

		reOK(t)(c.ClaimTimeout(stranger, jobB))
		a.arm(c.Addr.Market, c.MarketABI.PackWithdraw())
		before = reTokens(t, c, a.addr)
		a.must(c.Addr.Market, c.MarketABI.PackWithdraw())
		a.expectBlocked(2, 0)
		reEq(t, "tokens received (job B)", new(big.Int).Sub(reTokens(t, c, a.addr), before), new(big.Int).Add(payB, collB))
		info, err := simchain.Call(c, c.Registry, c.RegistryABI.PackProviderInfo(prov.Addr), c.RegistryABI.UnpackProviderInfo)
		if err != nil {
			t.Fatal(err)
		}
		reEq(t, "provider's stake after two slashes", info.Staked, new(big.Int).Sub(deploy.Token(200), new(big.Int).Add(collA, collB)))
		reEq(t, "provider's locked", info.Locked, new(big.Int))
		reRegistryBooks(t, c, prov.Addr)
		reMarketBooks(t, c, new(big.Int), a.addr, prov.Addr)
		reEq(t, "market holds nothing", reTokens(t, c, c.Addr.Market), new(big.Int))
	})

	t.Run("challenger paid by an upheld challenge", func(t *testing.T) {
		c := simchain.NewHostile(t)
		a := reNewActor(t, c, deploy.Token(100))
		prov := reProvider(t, c, "provider")
		verifiers := map[common.Address]*simchain.Account{}
		for _, n := range []string{"v1", "v2", "v3"} {
			v := reProvider(t, c, n)
			verifiers[v.Addr] = v
		}
		client := c.MustAccount(t, "client", deploy.Token(100))
		pay, coll := deploy.Token(9), new(big.Int).Add(deploy.Token(7), big.NewInt(1))
		job, _ := reMust2(t)(c.Post(client, c.Request(pay, coll, 1, 60*time.Second, 60*time.Second, 30)))
		reOK(t)(c.Accept(prov, job))
		reOK(t)(c.CommitResult(prov, job, []byte("bafy-wrong")))

		bond := c.Config.Market.ChallengeBond
		a.must(c.Addr.Token, c.TokenABI.PackApprove(c.Addr.Market, bond))
		rc := a.must(c.Addr.Market, c.MarketABI.PackChallenge(job.ID, job.Rec))
		if _, rec, err := c.JobRecord(rc); err == nil {
			job.Rec = rec
		}
		c.Mine(2)
		drawn, _, err := c.DrawVerifiers(client, job)
		if err != nil || len(drawn) == 0 {
			t.Fatalf("draw: %v (%d drawn)", err, len(drawn))
		}
		good := []byte("bafy-right")
		salts := make([][32]byte, len(drawn))
		for i, v := range drawn {
			salts[i] = simchain.Salt()
			reOK(t)(c.CommitVote(verifiers[v], job, uint8(i), good, salts[i]))
		}
		for i, v := range drawn {
			reOK(t)(c.RevealVote(verifiers[v], job, uint8(i), good, salts[i]))
		}
		if err := c.PassAppealWindow(job); err != nil {
			t.Fatal(err)
		}
		reOK(t)(c.ResolveChallenge(client, job))

		// The table of docs/protocol.md, Upheld: client gets the payment, challenger the bond plus
		// challengerRewardBps of the slashed collateral, each disagreeing verifier an equal part of
		// verifierRewardBps of it, the treasury the rest.
		p := c.Config.Market
		toChallenger := new(big.Int).Div(new(big.Int).Mul(coll, big.NewInt(int64(p.ChallengerRewardBps))), big.NewInt(10_000))
		pool := new(big.Int).Div(new(big.Int).Mul(coll, big.NewInt(int64(p.VerifierRewardBps))), big.NewInt(10_000))
		each := new(big.Int).Div(pool, big.NewInt(int64(len(drawn))))
		toTreasury := new(big.Int).Sub(new(big.Int).Sub(coll, toChallenger), new(big.Int).Mul(each, big.NewInt(int64(len(drawn)))))
		want := new(big.Int).Add(bond, toChallenger)
		reEq(t, "challenger's credit", reCredit(t, c, a.addr), want)
		reEq(t, "client's credit", reCredit(t, c, client.Addr), pay)
		for _, v := range drawn {
			reEq(t, "verifier's credit", reCredit(t, c, v), each)
		}
		reEq(t, "treasury", reAccrued(t, c), toTreasury)
		all := []common.Address{a.addr, client.Addr, prov.Addr}
		all = append(all, drawn...)
		reMarketBooks(t, c, new(big.Int), all...)

		a.hook()
		a.arm(c.Addr.Market, c.MarketABI.PackWithdraw())
		before := reTokens(t, c, a.addr)
		a.must(c.Addr.Market, c.MarketABI.PackWithdraw())
		a.expectBlocked(1, 0)
		reEq(t, "tokens received", new(big.Int).Sub(reTokens(t, c, a.addr), before), want)
		reMarketBooks(t, c, new(big.Int), all...)
		regs := []common.Address{prov.Addr}
		for v := range verifiers {
			regs = append(regs, v)
		}
		reRegistryBooks(t, c, regs...)
		info, err := simchain.Call(c, c.Registry, c.RegistryABI.PackProviderInfo(prov.Addr), c.RegistryABI.UnpackProviderInfo)
		if err != nil {
			t.Fatal(err)
		}
		reEq(t, "slashed provider's stake", info.Staked, new(big.Int).Sub(deploy.Token(200), coll))
	})

	t.Run("treasury paid fees", func(t *testing.T) {
		c := simchain.NewHostile(t)
		a := reNewActor(t, c, nil)
		reOK(t)(c.Send(c.Owner, c.Market, c.MarketABI.PackSetTreasury(a.addr)))
		prov := reProvider(t, c, "provider")
		client := c.MustAccount(t, "client", deploy.Token(100))
		pay := new(big.Int).Add(deploy.Token(12), big.NewInt(345))
		job, _ := reMust2(t)(c.Post(client, c.Request(pay, deploy.Token(1), 1, 60*time.Second, 60*time.Second, 4)))
		reOK(t)(c.Accept(prov, job))
		reOK(t)(c.CommitResult(prov, job, []byte("bafy-result")))
		c.Advance(5 * time.Second)
		reOK(t)(c.Finalize(client, job))
		fee := new(big.Int).Div(new(big.Int).Mul(pay, big.NewInt(int64(c.Config.Market.FeeBps))), big.NewInt(10_000))
		reEq(t, "treasuryAccrued", reAccrued(t, c), fee)

		a.hook()
		a.arm(c.Addr.Market, c.MarketABI.PackWithdrawFees())
		stranger := c.MustAccount(t, "stranger", nil)
		reOK(t)(c.Send(stranger, c.Market, c.MarketABI.PackWithdrawFees()))
		a.expectBlocked(1, 0)
		reEq(t, "treasury received", reTokens(t, c, a.addr), fee)
		reEq(t, "treasuryAccrued after", reAccrued(t, c), new(big.Int))
		reMarketBooks(t, c, new(big.Int), prov.Addr, client.Addr)
	})
}
