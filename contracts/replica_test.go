package contracts_test

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
)

// Market statuses and slash reasons, as JobMarket declares them.
const (
	rpOpen      = 1
	rpCommitted = 3
	rpCleared   = 5

	rpRejected = 0
	rpUpheld   = 1

	rpReplicaMinority  = 1
	rpReplicaSilent    = 2
	rpVerifierMinority = 3
	rpVerifierSilent   = 4
	rpChallengeUpheld  = 5
)

// ---------------------------------------------------------------- fixture

// rpFix is a chain with a client and staked providers, and the test's own account of where
// every token should be: market balances, treasury credit, and each provider's staked and
// locked amounts. check() compares all of it with the chain, plus both books.
type rpFix struct {
	t        *testing.T
	c        *simchain.Chain
	params   bindings.JobMarketParams
	client   *simchain.Account
	accounts []*simchain.Account
	byAddr   map[common.Address]*simchain.Account
	jobs     []*simchain.Job

	bal      map[common.Address]*big.Int
	treasury *big.Int
	staked   map[common.Address]*big.Int
	locked   map[common.Address]*big.Int
}

const rpStake = 500 // tokens each provider stakes

func rpNew(t *testing.T) *rpFix {
	t.Helper()
	c := simchain.New(t)
	f := &rpFix{
		t: t, c: c, params: c.Config.Market,
		byAddr:   map[common.Address]*simchain.Account{},
		bal:      map[common.Address]*big.Int{},
		treasury: new(big.Int),
		staked:   map[common.Address]*big.Int{},
		locked:   map[common.Address]*big.Int{},
	}
	f.client = f.account("client", deploy.Token(100_000))
	return f
}

func (f *rpFix) account(name string, tokens *big.Int) *simchain.Account {
	f.t.Helper()
	a := f.c.MustAccount(f.t, name, tokens)
	f.accounts = append(f.accounts, a)
	f.byAddr[a.Addr] = a
	f.bal[a.Addr] = new(big.Int)
	return a
}

func (f *rpFix) provider(name string) *simchain.Account {
	f.t.Helper()
	a := f.account(name, deploy.Token(1000))
	if _, err := f.c.Register(a); err != nil {
		f.t.Fatal(err)
	}
	if err := f.c.Stake(a, deploy.Token(rpStake)); err != nil {
		f.t.Fatal(err)
	}
	f.staked[a.Addr] = deploy.Token(rpStake)
	f.locked[a.Addr] = new(big.Int)
	return a
}

func (f *rpFix) providers(prefix string, n int) []*simchain.Account {
	f.t.Helper()
	out := make([]*simchain.Account, n)
	for i := range out {
		out[i] = f.provider(fmt.Sprintf("%s%d", prefix, i))
	}
	return out
}

// Expected-state updates.
func (f *rpFix) credit(a common.Address, amt *big.Int) { f.bal[a].Add(f.bal[a], amt) }
func (f *rpFix) toTreasury(amt *big.Int)               { f.treasury.Add(f.treasury, amt) }
func (f *rpFix) lock(a common.Address, amt *big.Int)   { f.locked[a].Add(f.locked[a], amt) }
func (f *rpFix) unlock(a common.Address, amt *big.Int) { f.locked[a].Sub(f.locked[a], amt) }
func (f *rpFix) slash(a common.Address, amt *big.Int) {
	f.staked[a].Sub(f.staked[a], amt)
	f.locked[a].Sub(f.locked[a], amt)
}

func rpCall[T any](f *rpFix, data []byte, unpack func([]byte) (T, error)) T {
	f.t.Helper()
	v, err := simchain.Call(f.c, f.c.Market, data, unpack)
	if err != nil {
		f.t.Fatalf("call: %v", err)
	}
	return v
}

func (f *rpFix) tokens(a common.Address) *big.Int {
	f.t.Helper()
	b, err := f.c.TokenBalance(a)
	if err != nil {
		f.t.Fatal(err)
	}
	return b
}

// check compares the expected state with the chain and checks the market's and the
// registry's books.
func (f *rpFix) check(when string) {
	f.t.Helper()
	c := f.c
	sumBal := new(big.Int)
	for _, a := range f.accounts {
		got := rpCall(f, c.MarketABI.PackBalances(a.Addr), c.MarketABI.UnpackBalances)
		if got.Cmp(f.bal[a.Addr]) != 0 {
			f.t.Fatalf("%s: %s market balance %s, want %s", when, a.Name, got, f.bal[a.Addr])
		}
		sumBal.Add(sumBal, got)
	}
	accrued := rpCall(f, c.MarketABI.PackTreasuryAccrued(), c.MarketABI.UnpackTreasuryAccrued)
	if accrued.Cmp(f.treasury) != 0 {
		f.t.Fatalf("%s: treasuryAccrued %s, want %s", when, accrued, f.treasury)
	}
	escrow, bonds := new(big.Int), new(big.Int)
	for _, j := range f.jobs {
		if rpCall(f, c.MarketABI.PackJobHash(j.ID), c.MarketABI.UnpackJobHash) == ([32]byte{}) {
			continue
		}
		escrow.Add(escrow, j.Rec.Payment)
		bonds.Add(bonds, rpCall(f, c.MarketABI.PackChallengeInfo(j.ID), c.MarketABI.UnpackChallengeInfo).Bond)
	}
	want := new(big.Int).Add(escrow, bonds)
	want.Add(want, sumBal).Add(want, accrued)
	if have := f.tokens(c.Addr.Market); have.Cmp(want) != 0 {
		f.t.Fatalf("%s: market books: balance %s, escrow %s + bonds %s + balances %s + treasury %s = %s",
			when, have, escrow, bonds, sumBal, accrued, want)
	}
	stakeSum := new(big.Int)
	for a, st := range f.staked {
		info, err := simchain.Call(c, c.Registry, c.RegistryABI.PackProviderInfo(a), c.RegistryABI.UnpackProviderInfo)
		if err != nil {
			f.t.Fatal(err)
		}
		if info.Staked.Cmp(st) != 0 || info.Locked.Cmp(f.locked[a]) != 0 {
			f.t.Fatalf("%s: %s staked %s locked %s, want %s / %s", when, f.byAddr[a].Name, info.Staked, info.Locked, st, f.locked[a])
		}
		stakeSum.Add(stakeSum, info.Staked).Add(stakeSum, info.Unbonding)
	}
	if have := f.tokens(c.Addr.Registry); have.Cmp(stakeSum) != 0 {
		f.t.Fatalf("%s: registry books: balance %s, Σ(staked+unbonding) %s", when, have, stakeSum)
	}
}

func (f *rpFix) ok(r *types.Receipt, err error) *types.Receipt {
	f.t.Helper()
	if err != nil {
		f.t.Fatalf("unexpected error: %v", err)
	}
	return r
}

func (f *rpFix) revert(err error, name string, want ...any) {
	f.t.Helper()
	var re *reverts.Error
	if !errors.As(err, &re) || re.Name != name {
		f.t.Fatalf("want revert %s, got %v", name, err)
	}
	if want == nil {
		return
	}
	if len(re.Args) != len(want) {
		f.t.Fatalf("%s: args %v, want %v", name, re.Args, want)
	}
	for i := range want {
		if fmt.Sprint(re.Args[i]) != fmt.Sprint(want[i]) {
			f.t.Fatalf("%s arg %d = %v, want %v", name, i, re.Args[i], want[i])
		}
	}
}

func rpEvents[T any](f *rpFix, r *types.Receipt, unpack func(*types.Log) (*T, error)) []*T {
	var out []*T
	for _, l := range r.Logs {
		if l.Address != f.c.Addr.Market {
			continue
		}
		if ev, err := unpack(l); err == nil {
			out = append(out, ev)
		}
	}
	return out
}

// post posts an n-replica job: acceptBy 30 s from now, resultBy 30 s later, a 10 s window.
func (f *rpFix) post(n uint8, payment, collateral *big.Int) *simchain.Job {
	f.t.Helper()
	j, _, err := f.c.Post(f.client, f.c.Request(payment, collateral, n, 30*time.Second, 30*time.Second, 10))
	if err != nil {
		f.t.Fatalf("post: %v", err)
	}
	f.jobs = append(f.jobs, j)
	return j
}

// seat makes p take the next seat of j, which must be index.
func (f *rpFix) seat(p *simchain.Account, j *simchain.Job, index uint8) {
	f.t.Helper()
	before := rpCall(f, f.c.MarketABI.PackJobHash(j.ID), f.c.MarketABI.UnpackJobHash)
	r := f.ok(f.c.Accept(p, j))
	evs := rpEvents(f, r, f.c.MarketABI.UnpackReplicaAcceptedEvent)
	if len(evs) != 1 || evs[0].Id.Cmp(j.ID) != 0 || evs[0].Provider != p.Addr || evs[0].Index != index {
		f.t.Fatalf("ReplicaAccepted %+v, want %s at %d", evs, p.Name, index)
	}
	if rpCall(f, f.c.MarketABI.PackJobHash(j.ID), f.c.MarketABI.UnpackJobHash) != before || j.Rec.Status != rpOpen {
		f.t.Fatal("taking a seat changed the job record")
	}
	f.lock(p.Addr, j.Rec.Collateral)
}

func (f *rpFix) member(j *simchain.Job, kind uint8, i int) bindings.JobMarketMember {
	f.t.Helper()
	return rpCall(f, f.c.MarketABI.PackGetMember(j.ID, kind, big.NewInt(int64(i))), f.c.MarketABI.UnpackGetMember)
}

func (f *rpFix) panel(j *simchain.Job, kind uint8) bindings.JobMarketPanel {
	f.t.Helper()
	return rpCall(f, f.c.MarketABI.PackGetPanel(j.ID, kind), f.c.MarketABI.UnpackGetPanel)
}

func rpCid(s string) []byte { return []byte("\x01\x55\x12\x20cid-" + s) }

func rpKeccak(b []byte) []byte { return crypto.Keccak256(b) }

func rpSplit(share *big.Int, feeBps uint16) (paid, fee *big.Int) {
	fee = new(big.Int).Mul(share, big.NewInt(int64(feeBps)))
	fee.Quo(fee, big.NewInt(10_000))
	return new(big.Int).Sub(share, fee), fee
}

// ---------------------------------------------------------------- seats and reclaim

func TestReplicaAcceptSeats(t *testing.T) {
	t.Parallel()
	f := rpNew(t)
	c := f.c
	ps := f.providers("p", 10)
	coll := deploy.Token(20)

	j := f.post(3, deploy.Token(30), coll)
	f.seat(ps[0], j, 0)
	_, err := c.Accept(ps[0], j)
	f.revert(err, "AlreadyReplica", ps[0].Addr)
	f.seat(ps[1], j, 1)
	_, err = c.Accept(ps[1], j)
	f.revert(err, "AlreadyReplica", ps[1].Addr)
	f.seat(ps[2], j, 2)
	_, err = c.Accept(ps[3], j)
	f.revert(err, "JobFull", j.ID)
	if p := f.panel(j, 0); p.Target != 3 || p.Size != 3 || p.CommitBy != j.Rec.ResultBy || p.RevealBy != j.Rec.ResultBy+uint64(f.params.ReplicaRevealWindow) {
		t.Fatalf("panel %+v", p)
	}
	for i := 0; i < 3; i++ {
		if m := f.member(j, 0, i); m.Account != ps[i].Addr || m.Commitment != ([32]byte{}) {
			t.Fatalf("seat %d: %+v", i, m)
		}
	}
	f.check("three seats")
	// Full, and past acceptBy: reclaim is refused; the seats stay locked.
	c.AdvanceTo(j.Rec.AcceptBy + 1)
	_, err = c.Reclaim(f.client, j)
	f.revert(err, "JobFull", j.ID)
	f.check("reclaim of a full job")

	// Too late to take a seat.
	late := f.post(3, deploy.Token(30), coll)
	c.AdvanceTo(late.Rec.AcceptBy + 1)
	_, err = c.Accept(ps[3], late)
	f.revert(err, "TooLate", late.Rec.AcceptBy)

	// N = 9, the most: nine distinct providers, the tenth is refused. N = 10 cannot be posted.
	big9 := f.post(9, deploy.Token(90), coll)
	for i := 0; i < 9; i++ {
		f.seat(ps[i], big9, uint8(i))
	}
	_, err = c.Accept(ps[9], big9)
	f.revert(err, "JobFull", big9.ID)
	_, _, err = c.Post(f.client, c.Request(deploy.Token(1), coll, 10, time.Minute, time.Minute, 10))
	f.revert(err, "BadRequest")

	// A provider without free stake for the collateral cannot take a seat.
	poor := f.post(2, deploy.Token(2), deploy.Token(rpStake))
	_, err = c.Accept(ps[0], poor) // ps[0] has 40 locked
	f.revert(err, "InsufficientFreeStake")
	f.check("after N=9")
}

func TestReplicaReclaim(t *testing.T) {
	t.Parallel()
	f := rpNew(t)
	c := f.c
	ps := f.providers("p", 3)
	payment, coll := deploy.Token(30), deploy.Token(20)
	anyone := f.account("anyone", nil)

	// Two of three seats taken by acceptBy: anyone may reclaim; the client gets the payment
	// back and both seat holders are unlocked.
	j := f.post(3, payment, coll)
	f.seat(ps[0], j, 0)
	f.seat(ps[1], j, 1)
	_, err := c.Reclaim(anyone, j)
	f.revert(err, "TooEarly", j.Rec.AcceptBy)
	// Seats are not full: no commits.
	_, err = c.CommitReplica(ps[0], j, 0, rpCid("a"), simchain.Salt())
	f.revert(err, "PanelNotReady", j.ID, 0)
	c.AdvanceTo(j.Rec.AcceptBy + 1)
	r := f.ok(c.Reclaim(anyone, j))
	ev := rpEvents(f, r, c.MarketABI.UnpackJobReclaimedEvent)
	if len(ev) != 1 || ev[0].Client != f.client.Addr || ev[0].Refund.Cmp(payment) != 0 {
		t.Fatalf("JobReclaimed %+v", ev)
	}
	f.credit(f.client.Addr, payment)
	f.unlock(ps[0].Addr, coll)
	f.unlock(ps[1].Addr, coll)
	f.check("reclaimed with two seats")
	if p := f.panel(j, 0); p.Target != 0 || p.Size != 0 {
		t.Fatalf("panel not cleared: %+v", p)
	}
	if m := f.member(j, 0, 0); m.Account != (common.Address{}) {
		t.Fatalf("seat not cleared: %+v", m)
	}
	_, err = c.Reclaim(anyone, j)
	f.revert(err, "UnknownJob", j.ID)

	// No seat taken at all.
	empty := f.post(3, payment, coll)
	c.AdvanceTo(empty.Rec.AcceptBy + 1)
	f.ok(c.Reclaim(f.client, empty))
	f.credit(f.client.Addr, payment)
	f.check("reclaimed with no seat")

	// The client withdraws both refunds.
	before := f.tokens(f.client.Addr)
	f.ok(c.Withdraw(f.client))
	rwEq(t, "client withdrew", new(big.Int).Sub(f.tokens(f.client.Addr), before), deploy.Token(60))
	f.bal[f.client.Addr] = new(big.Int)
	f.check("withdrawn")
}

// ---------------------------------------------------------------- commit, reveal, resolve errors

func TestReplicaCommitRevealErrors(t *testing.T) {
	t.Parallel()
	f := rpNew(t)
	c := f.c
	ps := f.providers("p", 4)
	a, b, d, outsider := ps[0], ps[1], ps[2], ps[3]
	j := f.post(3, deploy.Token(30), deploy.Token(20))
	f.seat(a, j, 0)
	salt := simchain.Salt()
	_, err := c.CommitReplica(a, j, 0, rpCid("x"), salt)
	f.revert(err, "PanelNotReady", j.ID, 0)
	f.seat(b, j, 1)
	f.seat(d, j, 2)

	mk := c.MarketABI
	good, err := c.Commitment(j, 0, a.Addr, rpCid("x"), salt)
	if err != nil {
		t.Fatal(err)
	}
	// The commitment binds the member: b's commitment for the same cid and salt differs.
	if other, _ := c.Commitment(j, 0, b.Addr, rpCid("x"), salt); other == good {
		t.Fatal("commitment does not bind the member")
	}
	_, err = c.Send(outsider, c.Market, mk.PackCommitReplica(j.ID, 0, good))
	f.revert(err, "NotPanelMember", outsider.Addr)
	_, err = c.Send(a, c.Market, mk.PackCommitReplica(j.ID, 1, good))
	f.revert(err, "NotPanelMember", a.Addr)
	_, err = c.Send(a, c.Market, mk.PackCommitReplica(j.ID, 3, good))
	f.revert(err, "PanelNotReady", j.ID, 0)
	_, err = c.Send(a, c.Market, mk.PackCommitReplica(j.ID, 0, [32]byte{}))
	f.revert(err, "CommitmentMismatch")
	f.ok(c.Send(a, c.Market, mk.PackCommitReplica(j.ID, 0, good)))
	_, err = c.Send(a, c.Market, mk.PackCommitReplica(j.ID, 0, good))
	f.revert(err, "AlreadyCommitted")

	// Reveals wait for every commitment (or resultBy).
	_, err = c.RevealReplica(a, j, 0, rpCid("x"), salt)
	f.revert(err, "TooEarly", j.Rec.ResultBy)
	// Resolution waits for every reveal (or the reveal window).
	revealBy := j.Rec.ResultBy + uint64(f.params.ReplicaRevealWindow)
	_, err = c.ResolveReplicas(outsider, j)
	f.revert(err, "TooEarly", revealBy)

	saltB, saltD := simchain.Salt(), simchain.Salt()
	f.ok(c.CommitReplica(b, j, 1, rpCid("x"), saltB))
	_, err = c.RevealReplica(b, j, 1, rpCid("x"), saltB)
	f.revert(err, "TooEarly", j.Rec.ResultBy)
	f.ok(c.CommitReplica(d, j, 2, rpCid("y"), saltD))

	// Reveals open now. Wrong cid, wrong salt, wrong seat, empty cid.
	_, err = c.RevealReplica(a, j, 0, rpCid("y"), salt)
	f.revert(err, "CommitmentMismatch")
	_, err = c.RevealReplica(a, j, 0, rpCid("x"), saltB)
	f.revert(err, "CommitmentMismatch")
	_, err = c.RevealReplica(b, j, 0, rpCid("x"), salt)
	f.revert(err, "NotPanelMember", b.Addr)
	_, err = c.RevealReplica(a, j, 0, nil, salt)
	f.revert(err, "BadCid")
	// b cannot reveal a's result under its own seat (the commitment binds the member).
	_, err = c.RevealReplica(b, j, 1, rpCid("x"), salt)
	f.revert(err, "CommitmentMismatch")
	f.ok(c.RevealReplica(a, j, 0, rpCid("x"), salt))
	_, err = c.RevealReplica(a, j, 0, rpCid("x"), salt)
	f.revert(err, "AlreadyRevealed")
	if m := f.member(j, 0, 0); common.Hash(m.Result) != common.BytesToHash(rpKeccak(rpCid("x"))) {
		t.Fatalf("revealed result %x", m.Result)
	}
	_, err = c.ResolveReplicas(outsider, j)
	f.revert(err, "TooEarly", revealBy)

	// After the reveal window: too late to reveal.
	c.AdvanceTo(revealBy + 1)
	_, err = c.RevealReplica(b, j, 1, rpCid("x"), saltB)
	f.revert(err, "TooLate", revealBy)

	// Too late to commit: a second job whose third seat never commits.
	j2 := f.post(3, deploy.Token(30), deploy.Token(20))
	f.seat(a, j2, 0)
	f.seat(b, j2, 1)
	f.seat(d, j2, 2)
	f.ok(c.CommitReplica(a, j2, 0, rpCid("x"), salt))
	c.AdvanceTo(j2.Rec.ResultBy + 1)
	_, err = c.CommitReplica(d, j2, 2, rpCid("x"), saltD)
	f.revert(err, "TooLate", j2.Rec.ResultBy)

	// resolveReplicas on a single-replica job.
	single := f.post(1, deploy.Token(3), deploy.Token(2))
	_, err = c.ResolveReplicas(outsider, single)
	f.revert(err, "WrongReplicaMode", single.ID)
	// ...and on a replicated job whose seats are not all taken.
	partial := f.post(3, deploy.Token(3), deploy.Token(2))
	f.seat(a, partial, 0)
	_, err = c.ResolveReplicas(outsider, partial)
	f.revert(err, "PanelNotReady", partial.ID, 0)
	f.check("errors")
}

// ---------------------------------------------------------------- outcomes

// rpSilent marks a seat that commits but never reveals; rpAbsent one that never commits.
const (
	rpSilent = "(silent)"
	rpAbsent = "(absent)"
)

// rpOutcome runs a replicated job through seats, commits, reveals and resolution where seat
// i's provider reveals results[i], and checks every token against the spec: slashes at
// resolution, and (when a majority agreed) the split at finalize.
func (f *rpFix) rpOutcome(ps []*simchain.Account, payment, coll *big.Int, results []string) *simchain.Job {
	f.t.Helper()
	c := f.c
	n := len(results)
	j := f.post(uint8(n), payment, coll)
	f.check("posted")
	for i := 0; i < n; i++ {
		f.seat(ps[i], j, uint8(i))
	}
	f.check("seated")
	salts := make([][32]byte, n)
	allCommit := true
	for i, res := range results {
		if res == rpAbsent {
			allCommit = false
			continue
		}
		salts[i] = simchain.Salt()
		cid := rpCid(res)
		f.ok(c.CommitReplica(ps[i], j, uint8(i), cid, salts[i]))
	}
	if !allCommit {
		c.AdvanceTo(j.Rec.ResultBy + 1) // reveals open once resultBy passes
	}
	allReveal := true
	for i, res := range results {
		if res == rpAbsent || res == rpSilent {
			allReveal = false
			continue
		}
		f.ok(c.RevealReplica(ps[i], j, uint8(i), rpCid(res), salts[i]))
	}
	f.check("revealed")
	if !allReveal {
		c.AdvanceTo(j.Rec.ResultBy + uint64(f.params.ReplicaRevealWindow) + 1)
	}

	// The expected tally.
	counts := map[string]int{}
	best, bestCount := "", 0
	for _, res := range results {
		if res == rpAbsent || res == rpSilent {
			continue
		}
		counts[res]++
		if counts[res] > bestCount {
			best, bestCount = res, counts[res]
		}
	}
	agreed := bestCount*2 > n

	r := f.ok(c.ResolveReplicas(f.client, j))
	rr := rpEvents(f, r, c.MarketABI.UnpackReplicasResolvedEvent)
	if len(rr) != 1 || rr[0].Agreed != agreed || (agreed && int(rr[0].Winners) != bestCount) || (!agreed && rr[0].Winners != 0) {
		f.t.Fatalf("ReplicasResolved %+v, want agreed %v winners %d", rr, agreed, bestCount)
	}
	slashes := rpEvents(f, r, c.MarketABI.UnpackCollateralSlashedEvent)
	wantSlashes := 0
	for i, res := range results {
		silent := res == rpAbsent || res == rpSilent
		switch {
		case agreed && !silent:
			// The majority stays locked until finalize; so does the minority, which may still
			// challenge the majority's result (slashed at finalize, unlocked if upheld).
		case silent:
			f.slash(ps[i].Addr, coll)
			f.credit(f.client.Addr, coll)
			reason := uint8(rpReplicaMinority)
			if silent {
				reason = rpReplicaSilent
			}
			if wantSlashes >= len(slashes) || slashes[wantSlashes].Account != ps[i].Addr || slashes[wantSlashes].Reason != reason || slashes[wantSlashes].Amount.Cmp(coll) != 0 {
				f.t.Fatalf("CollateralSlashed events %+v: want %s slashed for reason %d", slashes, ps[i].Name, reason)
			}
			wantSlashes++
		default: // no majority, revealed: unlocked
			f.unlock(ps[i].Addr, coll)
		}
	}
	if len(slashes) != wantSlashes {
		f.t.Fatalf("%d CollateralSlashed events, want %d", len(slashes), wantSlashes)
	}
	if !agreed {
		f.credit(f.client.Addr, payment)
		f.check("resolved without a majority")
		_, err := c.Finalize(f.client, j)
		f.revert(err, "UnknownJob", j.ID)
		if p := f.panel(j, 0); p.Target != 0 {
			f.t.Fatalf("panel left behind: %+v", p)
		}
		for i := 0; i < n; i++ {
			if m := f.member(j, 0, i); m.Account != (common.Address{}) {
				f.t.Fatalf("seat %d left behind: %+v", i, m)
			}
		}
		return j
	}
	if j.Rec.Status != rpCommitted || common.Hash(j.Rec.Result) != common.BytesToHash(rpKeccak(rpCid(best))) || int(j.Rec.Winners) != bestCount {
		f.t.Fatalf("record after resolution %+v", j.Rec)
	}
	f.check("resolved with a majority")
	return j
}

// rpFinalize finalizes an agreed replicated job after its window and checks the split: each
// winner payment/N less the fee, the client the rest (with the rounding remainder), the treasury
// the fees, winners unlocked.
func (f *rpFix) rpFinalize(j *simchain.Job, winners []*simchain.Account) {
	f.t.Helper()
	c := f.c
	_, err := c.Finalize(f.client, j)
	f.revert(err, "TooEarly", j.Rec.CommittedAt+uint64(j.Rec.ChallengeWindow))
	c.AdvanceTo(j.Rec.CommittedAt + uint64(j.Rec.ChallengeWindow))
	minority := f.minority(j)
	r := f.ok(c.Finalize(f.client, j))
	f.minoritySlashed(j, r, minority)
	share := new(big.Int).Quo(j.Rec.Payment, big.NewInt(int64(j.Rec.Replicas)))
	paid, fee := rpSplit(share, j.Rec.FeeBps)
	for _, w := range winners {
		f.credit(w.Addr, paid)
		f.unlock(w.Addr, j.Rec.Collateral)
	}
	k := big.NewInt(int64(len(winners)))
	f.credit(f.client.Addr, new(big.Int).Sub(j.Rec.Payment, new(big.Int).Mul(share, k)))
	f.toTreasury(new(big.Int).Mul(fee, k))
	fin := rpEvents(f, r, c.MarketABI.UnpackJobFinalizedEvent)
	if len(fin) != 1 || fin[0].Paid.Cmp(new(big.Int).Mul(paid, k)) != 0 || fin[0].Fee.Cmp(new(big.Int).Mul(fee, k)) != 0 {
		f.t.Fatalf("JobFinalized %+v", fin)
	}
	f.check("finalized")
	_, err = c.Finalize(f.client, j)
	f.revert(err, "UnknownJob", j.ID)
}

func TestReplicaOutcomes(t *testing.T) {
	t.Parallel()
	// 100 tokens + 1 base unit: not divisible by 3 (remainder 2) nor by 9 (remainder 1).
	payment := new(big.Int).Add(deploy.Token(100), big.NewInt(1))
	coll := deploy.Token(20)
	A, B, C := "A", "B", "C"
	cases := []struct {
		name    string
		results []string
		winners []int // seats in the majority; nil: no majority
	}{
		{"3/3 agree", []string{A, A, A}, []int{0, 1, 2}},
		{"2 agree, 1 different", []string{A, B, A}, []int{0, 2}},
		{"2 agree, 1 committed but silent", []string{A, A, rpSilent}, []int{0, 1}},
		{"2 agree, 1 never committed", []string{rpAbsent, A, A}, []int{1, 2}},
		{"no majority: 1, 1, silent", []string{A, B, rpSilent}, nil},
		{"no majority: 3 different", []string{A, B, C}, nil},
		{"all silent", []string{rpSilent, rpSilent, rpAbsent}, nil},
		{"N=2 both agree", []string{A, A}, []int{0, 1}},
		{"N=2 split", []string{A, B}, nil},
		{"N=2 one silent", []string{A, rpSilent}, nil},
		{"N=9 5 of 9", []string{A, B, A, rpSilent, A, B, A, rpAbsent, A}, []int{0, 2, 4, 6, 8}},
		{"N=9 4 of 9 is no majority", []string{A, A, A, A, B, B, B, B, rpSilent}, nil},
	}
	f := rpNew(t)
	ps := f.providers("p", 9)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			parent := f.t
			f.t = t
			defer func() { f.t = parent }()
			j := f.rpOutcome(ps, payment, coll, tc.results)
			if tc.winners == nil {
				return
			}
			var winners []*simchain.Account
			for _, i := range tc.winners {
				winners = append(winners, ps[i])
			}
			f.rpFinalize(j, winners)
		})
	}
	// Everyone withdraws; the market then holds exactly the treasury's credit.
	for _, a := range f.accounts {
		if f.bal[a.Addr].Sign() == 0 {
			continue
		}
		before := f.tokens(a.Addr)
		f.ok(f.c.Withdraw(a))
		rwEq(t, a.Name+" withdrew", new(big.Int).Sub(f.tokens(a.Addr), before), f.bal[a.Addr])
		f.bal[a.Addr] = new(big.Int)
	}
	f.check("all withdrawn")
	rwEq(t, "market holds the treasury credit", f.tokens(f.c.Addr.Market), f.treasury)
}

// ---------------------------------------------------------------- challenges on replicated jobs

// rpChallengeSetup resolves a 3-replica job 2-to-1 (seats 0 and 2 win), then opens a challenge
// by a staked provider and draws verifiers from eight more staked providers.
func rpChallengeSetup(t *testing.T) (f *rpFix, j *simchain.Job, replicas []*simchain.Account, challenger *simchain.Account, verifiers []*simchain.Account) {
	return rpChallengeSetupBy(t, false)
}

// rpChallengeSetupBy is rpChallengeSetup with the challenge opened by the minority replica
// (seat 1) when byMinority.
func rpChallengeSetupBy(t *testing.T, byMinority bool) (f *rpFix, j *simchain.Job, replicas []*simchain.Account, challenger *simchain.Account, verifiers []*simchain.Account) {
	f = rpNew(t)
	c := f.c
	replicas = f.providers("r", 3)
	challenger = f.provider("challenger")
	if byMinority {
		challenger = replicas[1]
	}
	f.providers("v", 8)
	payment := new(big.Int).Add(deploy.Token(100), big.NewInt(1))
	coll := deploy.Token(20)
	j = f.rpOutcome(replicas, payment, coll, []string{"A", "B", "A"})

	// The majority replicas cannot challenge their own result; the minority may (it is locked
	// until the job ends, and challenging is how it escapes a cartel's majority).
	for _, r := range []*simchain.Account{replicas[0], replicas[2]} {
		_, err := c.Challenge(r, j)
		f.revert(err, "SelfChallenge")
	}
	r := f.ok(c.Challenge(challenger, j))
	bond := f.params.ChallengeBond
	opened := rpEvents(f, r, c.MarketABI.UnpackChallengeOpenedEvent)
	if len(opened) != 1 || opened[0].Bond.Cmp(bond) != 0 || opened[0].Challenger != challenger.Addr {
		t.Fatalf("ChallengeOpened %+v", opened)
	}
	f.check("challenged")
	c.Mine(2) // the anchor block, and one after it
	addrs, _, err := c.DrawVerifiers(f.client, j)
	if err != nil {
		t.Fatalf("draw: %v", err)
	}
	if len(addrs) == 0 {
		t.Fatal("no verifier drawn from eight eligible providers")
	}
	seen := map[common.Address]bool{}
	for _, a := range addrs {
		for _, r := range replicas {
			if a == r.Addr {
				t.Fatalf("replica %s drawn as a verifier", r.Name)
			}
		}
		if a == challenger.Addr || a == f.client.Addr || seen[a] {
			t.Fatalf("verifier %s: challenger, client or drawn twice", a.Hex())
		}
		seen[a] = true
		v := f.byAddr[a]
		if v == nil {
			t.Fatalf("unknown verifier %s", a.Hex())
		}
		verifiers = append(verifiers, v)
		f.lock(a, f.params.VerifierCollateral)
	}
	f.check("drawn")
	return f, j, replicas, challenger, verifiers
}

// Upheld on a replicated job: every winner is slashed, the client gets the full payment back,
// the challenger its bond and its reward, the disagreeing verifiers theirs; a silent verifier
// loses its collateral to the treasury; the minority replica, proved right, is unlocked
// (ReplicaVindicated). Challenged by an outsider, and by the minority replica itself.
func TestReplicaChallengeUpheld(t *testing.T) {
	t.Parallel()
	for _, byMinority := range []bool{false, true} {
		t.Run(fmt.Sprintf("by-minority=%v", byMinority), func(t *testing.T) {
			t.Parallel()
			rpUpheldCase(t, byMinority)
		})
	}
}

func rpUpheldCase(t *testing.T, byMinority bool) {
	f, j, replicas, challenger, verifiers := rpChallengeSetupBy(t, byMinority)
	c := f.c
	k := len(verifiers)
	silent := -1
	if k >= 3 {
		silent = k - 1 // one verifier stays silent; the rest are still a majority
	}
	salts := make([][32]byte, k)
	for i, v := range verifiers {
		salts[i] = simchain.Salt()
		f.ok(c.CommitVote(v, j, uint8(i), rpCid("B"), salts[i]))
	}
	for i, v := range verifiers {
		if i == silent {
			continue
		}
		f.ok(c.RevealVote(v, j, uint8(i), rpCid("B"), salts[i]))
	}
	if silent >= 0 {
		c.AdvanceTo(f.panel(j, 1).RevealBy + 1)
	}
	if err := c.PassAppealWindow(j); err != nil {
		t.Fatal(err)
	}
	r := f.ok(c.ResolveChallenge(f.client, j))
	disagree := k
	if silent >= 0 {
		disagree--
	}
	res := rpEvents(f, r, c.MarketABI.UnpackChallengeResolvedEvent)
	if len(res) != 1 || res[0].Outcome != rpUpheld || int(res[0].Disagree) != disagree || res[0].Agree != 0 {
		t.Fatalf("ChallengeResolved %+v", res)
	}

	coll := j.Rec.Collateral
	winners := []*simchain.Account{replicas[0], replicas[2]}
	slashed := new(big.Int).Mul(coll, big.NewInt(int64(len(winners))))
	for _, w := range winners {
		f.slash(w.Addr, coll)
	}
	f.unlock(replicas[1].Addr, coll)
	if v := rpEvents(f, r, c.MarketABI.UnpackReplicaVindicatedEvent); len(v) != 1 || v[0].Account != replicas[1].Addr || v[0].Collateral.Cmp(coll) != 0 || v[0].Id.Cmp(j.ID) != 0 {
		t.Fatalf("ReplicaVindicated %+v, want the minority replica %s", v, replicas[1].Name)
	}
	f.credit(f.client.Addr, j.Rec.Payment)
	toChallenger := new(big.Int).Quo(new(big.Int).Mul(slashed, big.NewInt(int64(f.params.ChallengerRewardBps))), big.NewInt(10_000))
	vShare := new(big.Int).Quo(new(big.Int).Mul(slashed, big.NewInt(int64(f.params.VerifierRewardBps))), big.NewInt(10_000))
	vShare.Quo(vShare, big.NewInt(int64(disagree)))
	f.credit(challenger.Addr, new(big.Int).Add(f.params.ChallengeBond, toChallenger))
	rest := new(big.Int).Sub(slashed, toChallenger)
	rest.Sub(rest, new(big.Int).Mul(vShare, big.NewInt(int64(disagree))))
	f.toTreasury(rest)
	for i, v := range verifiers {
		if i == silent {
			f.slash(v.Addr, f.params.VerifierCollateral)
			f.toTreasury(f.params.VerifierCollateral)
			continue
		}
		f.credit(v.Addr, vShare)
		f.unlock(v.Addr, f.params.VerifierCollateral)
	}
	// Exactly the two winners were slashed for the upheld challenge, and the silent verifier.
	var upheldSlashes []common.Address
	for _, ev := range rpEvents(f, r, c.MarketABI.UnpackCollateralSlashedEvent) {
		switch {
		case ev.Reason == rpChallengeUpheld:
			upheldSlashes = append(upheldSlashes, ev.Account)
		case ev.Reason == rpVerifierSilent && silent >= 0 && ev.Account == verifiers[silent].Addr:
		default:
			t.Fatalf("unexpected CollateralSlashed %+v", ev)
		}
	}
	if len(upheldSlashes) != 2 || upheldSlashes[0] != replicas[0].Addr || upheldSlashes[1] != replicas[2].Addr {
		t.Fatalf("ChallengeUpheld slashes %v", upheldSlashes)
	}
	f.check("upheld")
	_, err := c.Finalize(f.client, j)
	f.revert(err, "UnknownJob", j.ID)
	for i := 0; i < 3; i++ {
		if m := f.member(j, 0, i); m.Account != (common.Address{}) {
			t.Fatalf("replica seat %d left behind", i)
		}
	}
}

// Rejected on a replicated job: the bond is split between the winners and the agreeing
// verifiers (remainder to the treasury), a disagreeing verifier is slashed, and the job is
// cleared for finalize at once.
func TestReplicaChallengeRejected(t *testing.T) {
	t.Parallel()
	f, j, replicas, _, verifiers := rpChallengeSetup(t)
	c := f.c
	k := len(verifiers)
	dissent := -1
	if k >= 3 {
		dissent = 0 // one verifier disagrees; the rest are still a majority
	}
	salts := make([][32]byte, k)
	votes := make([]string, k)
	for i, v := range verifiers {
		votes[i] = "A"
		if i == dissent {
			votes[i] = "C"
		}
		salts[i] = simchain.Salt()
		f.ok(c.CommitVote(v, j, uint8(i), rpCid(votes[i]), salts[i]))
	}
	for i, v := range verifiers {
		f.ok(c.RevealVote(v, j, uint8(i), rpCid(votes[i]), salts[i]))
	}
	if err := c.PassAppealWindow(j); err != nil {
		t.Fatal(err)
	}
	r := f.ok(c.ResolveChallenge(f.client, j))
	agree := k
	if dissent >= 0 {
		agree--
	}
	res := rpEvents(f, r, c.MarketABI.UnpackChallengeResolvedEvent)
	if len(res) != 1 || res[0].Outcome != rpRejected || int(res[0].Agree) != agree || int(res[0].Disagree) != k-agree {
		t.Fatalf("ChallengeResolved %+v", res)
	}
	if j.Rec.Status != rpCleared {
		t.Fatalf("status %d after a rejected challenge", j.Rec.Status)
	}
	winners := []*simchain.Account{replicas[0], replicas[2]}
	bond := f.params.ChallengeBond
	recipients := big.NewInt(int64(len(winners) + agree))
	share := new(big.Int).Quo(bond, recipients)
	for _, w := range winners {
		f.credit(w.Addr, share)
	}
	f.toTreasury(new(big.Int).Sub(bond, new(big.Int).Mul(share, recipients)))
	for i, v := range verifiers {
		if i == dissent {
			f.slash(v.Addr, f.params.VerifierCollateral)
			f.toTreasury(f.params.VerifierCollateral)
			continue
		}
		f.credit(v.Addr, share)
		f.unlock(v.Addr, f.params.VerifierCollateral)
	}
	for _, ev := range rpEvents(f, r, c.MarketABI.UnpackCollateralSlashedEvent) {
		if dissent < 0 || ev.Account != verifiers[dissent].Addr || ev.Reason != rpVerifierMinority {
			t.Fatalf("unexpected CollateralSlashed %+v", ev)
		}
	}
	f.check("rejected")
	// Cleared: finalize at once, with the usual split.
	f.rpFinalizeCleared(j, winners)
}

// rpFinalizeCleared finalizes a Cleared replicated job (no window to wait for).
func (f *rpFix) rpFinalizeCleared(j *simchain.Job, winners []*simchain.Account) {
	f.t.Helper()
	minority := f.minority(j)
	r := f.ok(f.c.Finalize(f.client, j))
	f.minoritySlashed(j, r, minority)
	share := new(big.Int).Quo(j.Rec.Payment, big.NewInt(int64(j.Rec.Replicas)))
	paid, fee := rpSplit(share, j.Rec.FeeBps)
	k := big.NewInt(int64(len(winners)))
	for _, w := range winners {
		f.credit(w.Addr, paid)
		f.unlock(w.Addr, j.Rec.Collateral)
	}
	f.credit(f.client.Addr, new(big.Int).Sub(j.Rec.Payment, new(big.Int).Mul(share, k)))
	f.toTreasury(new(big.Int).Mul(fee, k))
	if fin := rpEvents(f, r, f.c.MarketABI.UnpackJobFinalizedEvent); len(fin) != 1 || fin[0].Fee.Cmp(new(big.Int).Mul(fee, k)) != 0 {
		f.t.Fatalf("JobFinalized %+v", fin)
	}
	f.check("finalized after the challenge")
}

// minority reads the replicas that revealed a result other than the job's, in seat order: their
// collateral stays locked from resolveReplicas until the job ends.
func (f *rpFix) minority(j *simchain.Job) []common.Address {
	f.t.Helper()
	var out []common.Address
	for i := 0; i < int(j.Rec.Replicas); i++ {
		m := f.member(j, 0, i)
		if m.Result != ([32]byte{}) && m.Result != j.Rec.Result {
			out = append(out, m.Account)
		}
	}
	return out
}

// minoritySlashed expects finalize to have slashed each minority replica's collateral to the
// client (CollateralSlashed, ReplicaMinority), and nothing else.
func (f *rpFix) minoritySlashed(j *simchain.Job, r *types.Receipt, minority []common.Address) {
	f.t.Helper()
	var got []common.Address
	for _, ev := range rpEvents(f, r, f.c.MarketABI.UnpackCollateralSlashedEvent) {
		if ev.Reason != rpReplicaMinority || ev.Amount.Cmp(j.Rec.Collateral) != 0 {
			f.t.Fatalf("unexpected CollateralSlashed at finalize %+v", ev)
		}
		got = append(got, ev.Account)
	}
	if !slices.Equal(got, minority) {
		f.t.Fatalf("finalize slashed %v, want the minority %v", got, minority)
	}
	for _, a := range minority {
		f.slash(a, j.Rec.Collateral)
		f.credit(f.client.Addr, j.Rec.Collateral)
	}
}
