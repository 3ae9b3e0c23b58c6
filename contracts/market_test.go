package contracts_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
)

func TestHappyPathSingleReplica(t *testing.T) {
	c := simchain.New(t)
	client := c.MustAccount(t, "client", deploy.Token(1000))
	prov, err := c.NewProvider("provider", deploy.Token(1000), deploy.Token(200))
	if err != nil {
		t.Fatal(err)
	}
	payment := deploy.Token(10)
	job, _, err := c.PostWithPermit(client, c.Request(payment, deploy.Token(5), 1, time.Minute, time.Minute, 10))
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	if _, err := c.Accept(prov, job); err != nil {
		t.Fatalf("accept: %v", err)
	}
	cid := []byte("\x01\x55\x12\x20result-cid-bytes-0123456789abcdef")
	if _, err := c.CommitResult(prov, job, cid); err != nil {
		t.Fatalf("commit: %v", err)
	}
	// Too early: the challenge window is still open.
	if _, err := c.Finalize(client, job); !reverts.Is(err, "TooEarly") {
		t.Fatalf("finalize inside the window: want TooEarly, got %v", err)
	}
	c.Advance(11 * time.Second)
	if _, err := c.Finalize(client, job); err != nil {
		t.Fatalf("finalize: %v", err)
	}
	bal, err := c.MarketBalance(prov.Addr)
	if err != nil {
		t.Fatal(err)
	}
	want := new(big.Int).Sub(payment, new(big.Int).Div(payment, big.NewInt(100))) // 1% fee
	if bal.Cmp(want) != 0 {
		t.Fatalf("provider credit = %s, want %s", bal, want)
	}
	// Twice: the record is gone.
	if _, err := c.Finalize(client, job); !reverts.Is(err, "UnknownJob") {
		t.Fatalf("second finalize: want UnknownJob, got %v", err)
	}
}

// ---------------------------------------------------------------------------------------------
// Shared helpers of the single-replica market tests (this file) and the challenge tests
// (challenge_test.go). Everything package-level is prefixed "mkt" to stay clear of the other
// test files of package contracts_test.
//
// Timing: go-ethereum estimates gas against the latest block (its timestamp and number), and
// the auto-miner then mines the transaction in a block of its own one second later (the harness
// clock runs ahead of the wall clock, so each block is exactly parent+1 s). So a call sent with
// c.Send while the latest block is at time T is *checked* at T (a revert is decoded there) and
// *executed* at T+1. mktEnv.sendAt skips estimation to execute a transaction at an exact time.
// ---------------------------------------------------------------------------------------------

// Job statuses, outcomes and slash reasons as the contract numbers them.
const (
	mktNone uint8 = iota
	mktOpen
	mktAccepted
	mktCommitted
	mktChallenged
	mktCleared
)

const (
	mktRejected uint8 = iota
	mktUpheld
	mktInconclusive
)

const (
	mktSlashResultTimeout    uint8 = 0
	mktSlashVerifierMinority uint8 = 3
	mktSlashVerifierSilent   uint8 = 4
	mktSlashChallengeUpheld  uint8 = 5
)

// mktJobTuple is the Job record's ABI type, written out here (not taken from the bindings) so
// the tests pin the encoding the Go adapter relies on: jobHash = keccak256(abi.encode(Job)).
var mktJobTuple = func() abi.Arguments {
	typ, err := abi.NewType("tuple", "", []abi.ArgumentMarshaling{
		{Name: "client", Type: "address"},
		{Name: "payment", Type: "uint96"},
		{Name: "provider", Type: "address"},
		{Name: "collateral", Type: "uint96"},
		{Name: "specHash", Type: "bytes32"},
		{Name: "result", Type: "bytes32"},
		{Name: "acceptBy", Type: "uint64"},
		{Name: "resultBy", Type: "uint64"},
		{Name: "committedAt", Type: "uint64"},
		{Name: "challengeWindow", Type: "uint32"},
		{Name: "paramsId", Type: "uint32"},
		{Name: "feeBps", Type: "uint16"},
		{Name: "replicas", Type: "uint8"},
		{Name: "winners", Type: "uint8"},
		{Name: "status", Type: "uint8"},
	})
	if err != nil {
		panic(err)
	}
	return abi.Arguments{{Name: "job", Type: typ}}
}()

// mktEncode is abi.encode(job) computed in Go.
func mktEncode(tb testing.TB, job bindings.JobMarketJob) []byte {
	tb.Helper()
	enc, err := mktJobTuple.Pack(job)
	if err != nil {
		tb.Fatalf("abi-encode job: %v", err)
	}
	return enc
}

// mktHash is keccak256(abi.encode(job)) computed in Go.
func mktHash(tb testing.TB, job bindings.JobMarketJob) [32]byte {
	tb.Helper()
	return crypto.Keccak256Hash(mktEncode(tb, job))
}

// mktLabel is the bytes32 label the contract uses in BadRequest / BadParams.
func mktLabel(s string) [32]byte {
	var b [32]byte
	copy(b[:], s)
	return b
}

func mktTok(n int64) *big.Int { return deploy.Token(n) }

func mktAdd(xs ...*big.Int) *big.Int {
	s := new(big.Int)
	for _, x := range xs {
		s.Add(s, x)
	}
	return s
}

func mktSub(a, b *big.Int) *big.Int { return new(big.Int).Sub(a, b) }

func mktMulDiv(a *big.Int, mul, div int64) *big.Int {
	r := new(big.Int).Mul(a, big.NewInt(mul))
	return r.Div(r, big.NewInt(div))
}

// mktFee is the protocol fee on a payment: payment*feeBps/10000 rounded down.
func mktFee(payment *big.Int, feeBps uint16) *big.Int {
	return mktMulDiv(payment, int64(feeBps), 10_000)
}

// mktEnv is a deployed chain plus everything the books need: every job posted (with the
// record last seen) and every account that may hold a market balance or registry stake.
type mktEnv struct {
	t     *testing.T
	c     *simchain.Chain
	jobs  []*simchain.Job
	addrs []common.Address
	seen  map[common.Address]bool
	named map[common.Address]string
	n     int
}

func mktNew(t *testing.T, opts ...simchain.Option) *mktEnv {
	t.Helper()
	c := simchain.New(t, opts...)
	// Keep the chain clock well ahead of the wall clock: every block is then exactly parent+1 s.
	c.Advance(time.Hour)
	e := &mktEnv{t: t, c: c, seen: map[common.Address]bool{}, named: map[common.Address]string{}}
	e.watch(c.Config.Treasury, "treasury")
	e.watch(c.Owner.Addr, "owner")
	return e
}

func (e *mktEnv) watch(a common.Address, name string) {
	if !e.seen[a] {
		e.seen[a] = true
		e.addrs = append(e.addrs, a)
		e.named[a] = name
	}
}

// account creates an account holding `tokens` (base units; nil for none).
func (e *mktEnv) account(name string, tokens *big.Int) *simchain.Account {
	e.t.Helper()
	a := e.c.MustAccount(e.t, name, tokens)
	e.watch(a.Addr, name)
	return a
}

// provider creates a registered provider with `stake` staked and 1000 tokens besides.
func (e *mktEnv) provider(name string, stake *big.Int) *simchain.Account {
	e.t.Helper()
	a, err := e.c.NewProvider(name, mktAdd(stake, mktTok(1000)), stake)
	if err != nil {
		e.t.Fatal(err)
	}
	e.watch(a.Addr, name)
	return a
}

// ok fails the test on err and returns the receipt.
func (e *mktEnv) ok(r *types.Receipt, err error) *types.Receipt {
	e.t.Helper()
	if err != nil {
		e.t.Fatalf("unexpected error: %v", err)
	}
	return r
}

// revert asserts err is the named revert and returns it.
func (e *mktEnv) revert(err error, name string) *reverts.Error {
	e.t.Helper()
	var re *reverts.Error
	if !errors.As(err, &re) || re.Name != name {
		e.t.Fatalf("want revert %s, got %v", name, err)
	}
	return re
}

// revertArgs asserts err is the named revert with exactly these decoded arguments.
func (e *mktEnv) revertArgs(err error, name string, want ...any) {
	e.t.Helper()
	re := e.revert(err, name)
	if len(re.Args) != len(want) {
		e.t.Fatalf("%s: %d args %v, want %v", name, len(re.Args), re.Args, want)
	}
	for i, w := range want {
		if !mktSame(re.Args[i], w) {
			e.t.Fatalf("%s arg %d = %v, want %v", name, i, re.Args[i], w)
		}
	}
}

func mktSame(got, want any) bool {
	switch w := want.(type) {
	case *big.Int:
		g, ok := got.(*big.Int)
		return ok && g.Cmp(w) == 0
	case int:
		switch g := got.(type) {
		case *big.Int:
			return g.IsInt64() && g.Int64() == int64(w)
		case uint8:
			return int(g) == w
		}
		return false
	case uint64:
		switch g := got.(type) {
		case *big.Int:
			return g.IsUint64() && g.Uint64() == w
		case uint64:
			return g == w
		}
		return false
	}
	return fmt.Sprint(got) == fmt.Sprint(want)
}

func mktEq(tb testing.TB, what string, got, want *big.Int) {
	tb.Helper()
	if got.Cmp(want) != 0 {
		tb.Fatalf("%s = %s, want %s", what, got, want)
	}
}

// call runs a read-only call, failing the test on error.
func mktCall[T any](e *mktEnv, contract *bind.BoundContract, data []byte, unpack func([]byte) (T, error)) T {
	e.t.Helper()
	v, err := simchain.Call(e.c, contract, data, unpack)
	if err != nil {
		e.t.Fatalf("call: %v", err)
	}
	return v
}

func (e *mktEnv) tokens(a common.Address) *big.Int {
	e.t.Helper()
	return mktCall(e, e.c.Token, e.c.TokenABI.PackBalanceOf(a), e.c.TokenABI.UnpackBalanceOf)
}

func (e *mktEnv) balance(a common.Address) *big.Int {
	e.t.Helper()
	return mktCall(e, e.c.Market, e.c.MarketABI.PackBalances(a), e.c.MarketABI.UnpackBalances)
}

func (e *mktEnv) accrued() *big.Int {
	e.t.Helper()
	return mktCall(e, e.c.Market, e.c.MarketABI.PackTreasuryAccrued(), e.c.MarketABI.UnpackTreasuryAccrued)
}

func (e *mktEnv) stake(a common.Address) bindings.ProviderInfoOutput {
	e.t.Helper()
	return mktCall(e, e.c.Registry, e.c.RegistryABI.PackProviderInfo(a), e.c.RegistryABI.UnpackProviderInfo)
}

func (e *mktEnv) freeStake(a common.Address) *big.Int {
	e.t.Helper()
	return mktCall(e, e.c.Registry, e.c.RegistryABI.PackFreeStake(a), e.c.RegistryABI.UnpackFreeStake)
}

func (e *mktEnv) jobHash(id *big.Int) [32]byte {
	e.t.Helper()
	return mktCall(e, e.c.Market, e.c.MarketABI.PackJobHash(id), e.c.MarketABI.UnpackJobHash)
}

func (e *mktEnv) challengeInfo(id *big.Int) bindings.ChallengeInfoOutput {
	e.t.Helper()
	return mktCall(e, e.c.Market, e.c.MarketABI.PackChallengeInfo(id), e.c.MarketABI.UnpackChallengeInfo)
}

func (e *mktEnv) params(id uint32) bindings.JobMarketParams {
	e.t.Helper()
	return mktCall(e, e.c.Market, e.c.MarketABI.PackParams(id), e.c.MarketABI.UnpackParams)
}

func (e *mktEnv) blockTime(r *types.Receipt) uint64 {
	e.t.Helper()
	h, err := e.c.Client.HeaderByNumber(context.Background(), r.BlockNumber)
	if err != nil {
		e.t.Fatal(err)
	}
	return h.Time
}

// warpTo makes the latest block's timestamp exactly ts (ts must not be in the past).
func (e *mktEnv) warpTo(ts uint64) {
	e.t.Helper()
	now := e.c.Now()
	if ts < now {
		e.t.Fatalf("warpTo(%d): chain is already at %d", ts, now)
	}
	for now < ts {
		// Advance(d) mines a block at now+d and then one more a second later.
		if ts-now >= 2 {
			e.c.Advance(time.Duration(ts-now-1) * time.Second)
		} else {
			e.c.Mine(1)
		}
		now = e.c.Now()
	}
	if got := e.c.Now(); got != ts {
		e.t.Fatalf("warpTo(%d): chain at %d", ts, got)
	}
}

// sendAt mines data from `from` in a block whose timestamp is exactly ts, without gas
// estimation. A transaction that reverts in the block returns its receipt and an error.
func (e *mktEnv) sendAt(ts uint64, from *simchain.Account, contract *bind.BoundContract, data []byte) (*types.Receipt, error) {
	e.t.Helper()
	e.warpTo(ts - 1)
	r, err := e.sendRaw(from, contract, data)
	if r != nil {
		if got := e.blockTime(r); got != ts {
			e.t.Fatalf("sendAt(%d): mined at %d", ts, got)
		}
	}
	return r, err
}

// sendRaw mines data from `from` in the next block without gas estimation. A transaction that
// reverts in the block returns its receipt and an error.
func (e *mktEnv) sendRaw(from *simchain.Account, contract *bind.BoundContract, data []byte) (*types.Receipt, error) {
	e.t.Helper()
	o := e.c.Opts(from)
	o.GasLimit = 5_000_000
	tx, err := bind.Transact(contract, o, data)
	if err != nil {
		return nil, err
	}
	r, err := bind.WaitMined(context.Background(), e.c.Client, tx.Hash())
	if err != nil {
		e.t.Fatal(err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return r, fmt.Errorf("transaction reverted in block %d", r.BlockNumber)
	}
	return r, nil
}

// sync updates j.Rec from the record a receipt carries for it.
func (e *mktEnv) sync(j *simchain.Job, r *types.Receipt) {
	e.t.Helper()
	id, rec, err := e.c.JobRecord(r)
	if err != nil {
		e.t.Fatalf("receipt carries no record: %v", err)
	}
	if id.Cmp(j.ID) != 0 {
		e.t.Fatalf("receipt carries job %s, want %s", id, j.ID)
	}
	j.Rec = rec
}

// req is a request with acceptBy one minute ahead and resultBy one minute later.
func (e *mktEnv) req(payment, collateral *big.Int, window uint32) bindings.JobMarketJobRequest {
	return e.c.Request(payment, collateral, 1, time.Minute, time.Minute, window)
}

// track adds a job posted outside e.post to the books.
func (e *mktEnv) track(j *simchain.Job) *simchain.Job {
	e.jobs = append(e.jobs, j)
	return j
}

// post approves and posts req as client.
func (e *mktEnv) post(client *simchain.Account, req bindings.JobMarketJobRequest) *simchain.Job {
	e.t.Helper()
	j, _, err := e.c.Post(client, req)
	if err != nil {
		e.t.Fatalf("post: %v", err)
	}
	return e.track(j)
}

func (e *mktEnv) accepted(client, prov *simchain.Account, payment, collateral *big.Int, window uint32) *simchain.Job {
	e.t.Helper()
	j := e.post(client, e.req(payment, collateral, window))
	e.ok(e.c.Accept(prov, j))
	if j.Rec.Status != mktAccepted || j.Rec.Provider != prov.Addr {
		e.t.Fatalf("accept did not update the record: %+v", j.Rec)
	}
	return j
}

func (e *mktEnv) committed(client, prov *simchain.Account, payment, collateral *big.Int, window uint32, cid []byte) *simchain.Job {
	e.t.Helper()
	j := e.accepted(client, prov, payment, collateral, window)
	e.ok(e.c.CommitResult(prov, j, cid))
	if j.Rec.Status != mktCommitted {
		e.t.Fatalf("commit did not update the record: %+v", j.Rec)
	}
	return j
}

// finalizable returns the time from which a committed job can be finalized.
func mktEnds(j *simchain.Job) uint64 { return j.Rec.CommittedAt + uint64(j.Rec.ChallengeWindow) }

// books checks the market's and the registry's token custody:
//
//	token.balanceOf(market)   == Σ payment of live jobs + Σ open bonds + Σ balances + treasuryAccrued == market.owed()
//	token.balanceOf(registry) == Σ (staked + unbonding)
//
// (tests that donate tokens check the surplus themselves) over every job posted and every account the test created. It also checks that each live
// job's stored hash is the Go-side hash of the record the test tracks.
func (e *mktEnv) books() {
	e.t.Helper()
	count := mktCall(e, e.c.Market, e.c.MarketABI.PackJobCount(), e.c.MarketABI.UnpackJobCount)
	if int(count) != len(e.jobs) {
		e.t.Fatalf("books: %d jobs on chain, %d tracked", count, len(e.jobs))
	}
	want := new(big.Int)
	for _, j := range e.jobs {
		if h := e.jobHash(j.ID); h != ([32]byte{}) {
			if h != mktHash(e.t, j.Rec) {
				e.t.Fatalf("books: job %s: stored hash %x is not the tracked record's", j.ID, h)
			}
			want.Add(want, j.Rec.Payment)
		}
		want.Add(want, e.challengeInfo(j.ID).Bond)
	}
	stake := new(big.Int)
	for _, a := range e.addrs {
		want.Add(want, e.balance(a))
		p := e.stake(a)
		stake.Add(stake, p.Staked).Add(stake, p.Unbonding)
	}
	want.Add(want, e.accrued())
	mktEq(e.t, "books: market.owed()", mktCall(e, e.c.Market, e.c.MarketABI.PackOwed(), e.c.MarketABI.UnpackOwed), want)
	mktEq(e.t, "books: token.balanceOf(market)", e.tokens(e.c.Addr.Market), want)
	mktEq(e.t, "books: token.balanceOf(registry)", e.tokens(e.c.Addr.Registry), stake)
}

// mktLogs returns the market events of one kind in a receipt.
func mktLogs[T any](e *mktEnv, r *types.Receipt, unpack func(*types.Log) (*T, error)) []*T {
	var out []*T
	for _, l := range r.Logs {
		if l.Address != e.c.Addr.Market {
			continue
		}
		if ev, err := unpack(l); err == nil {
			out = append(out, ev)
		}
	}
	return out
}

// mktOne returns the single market event of one kind in a receipt.
func mktOne[T any](e *mktEnv, r *types.Receipt, unpack func(*types.Log) (*T, error)) *T {
	e.t.Helper()
	evs := mktLogs(e, r, unpack)
	if len(evs) != 1 {
		e.t.Fatalf("want exactly one %T event, got %d", *new(T), len(evs))
	}
	return evs[0]
}

// ---------------------------------------------------------------------------------------------
// Posting
// ---------------------------------------------------------------------------------------------

func TestMarketPostBadRequest(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(1000))
	e.ok(c.Approve(client, c.Addr.Market, mktTok(1000)))
	const day = 24 * 3600
	const span = 30 * day
	minCol := c.Config.Market.MinCollateral

	cases := []struct {
		name  string
		field string
		edit  func(r *bindings.JobMarketJobRequest, now uint64)
	}{
		{"payment zero", "payment", func(r *bindings.JobMarketJobRequest, _ uint64) { r.Payment = new(big.Int) }},
		{"replicas zero", "replicas", func(r *bindings.JobMarketJobRequest, _ uint64) { r.Replicas = 0 }},
		{"replicas above MAX_REPLICAS", "replicas", func(r *bindings.JobMarketJobRequest, _ uint64) { r.Replicas = 10 }},
		{"collateral zero", "collateral", func(r *bindings.JobMarketJobRequest, _ uint64) { r.Collateral = new(big.Int) }},
		{"collateral below minCollateral", "collateral", func(r *bindings.JobMarketJobRequest, _ uint64) {
			r.Collateral = mktSub(minCol, big.NewInt(1))
		}},
		{"acceptBy now", "acceptBy", func(r *bindings.JobMarketJobRequest, now uint64) { r.AcceptBy = now }},
		{"acceptBy in the past", "acceptBy", func(r *bindings.JobMarketJobRequest, now uint64) { r.AcceptBy = now - 100 }},
		{"acceptBy too far", "acceptBy", func(r *bindings.JobMarketJobRequest, now uint64) {
			r.AcceptBy, r.ResultBy = now+span+1, now+span+100
		}},
		{"resultBy equal to acceptBy", "resultBy", func(r *bindings.JobMarketJobRequest, _ uint64) { r.ResultBy = r.AcceptBy }},
		{"resultBy before acceptBy", "resultBy", func(r *bindings.JobMarketJobRequest, _ uint64) { r.ResultBy = r.AcceptBy - 1 }},
		{"resultBy too far", "resultBy", func(r *bindings.JobMarketJobRequest, _ uint64) { r.ResultBy = r.AcceptBy + span + 1 }},
		{"challengeWindow zero", "challengeWindow", func(r *bindings.JobMarketJobRequest, _ uint64) { r.ChallengeWindow = 0 }},
		{"challengeWindow below minimum", "challengeWindow", func(r *bindings.JobMarketJobRequest, _ uint64) {
			r.ChallengeWindow = c.Config.Market.MinChallengeWindow - 1
		}},
		{"challengeWindow above MAX_WINDOW", "challengeWindow", func(r *bindings.JobMarketJobRequest, _ uint64) {
			r.ChallengeWindow = span + 1
		}},
	}
	for _, tc := range cases {
		for _, withPermit := range []bool{false, true} {
			name := tc.name + map[bool]string{false: "/postJob", true: "/postJobWithPermit"}[withPermit]
			t.Run(name, func(t *testing.T) {
				e.t = t
				now := c.Now() // reverts are decoded at the latest block's time
				r := e.req(mktTok(10), mktTok(1), 10)
				tc.edit(&r, now)
				var err error
				if withPermit {
					value := r.Payment
					if value.Sign() == 0 {
						value = big.NewInt(1)
					}
					p, perr := c.SignPermit(client, c.Addr.Market, value, new(big.Int).SetUint64(now+3600))
					if perr != nil {
						t.Fatal(perr)
					}
					_, err = c.Send(client, c.Market, c.MarketABI.PackPostJobWithPermit(r, p))
				} else {
					_, err = c.Send(client, c.Market, c.MarketABI.PackPostJob(r))
				}
				e.revertArgs(err, "BadRequest", mktLabel(tc.field))
			})
		}
	}
	e.t = t

	// The bounds themselves are accepted: acceptBy exactly MAX_JOB_SPAN ahead, resultBy exactly
	// MAX_JOB_SPAN after it, challengeWindow exactly MAX_WINDOW, collateral exactly minimum,
	// replicas 1.
	now := c.Now()
	r := e.req(mktTok(10), minCol, span)
	r.AcceptBy = now + span // checked at `now` by estimation, mined at now+1: both inside
	r.ResultBy = r.AcceptBy + span
	j, _, err := c.PostOnly(client, r)
	if err != nil {
		t.Fatalf("post at the bounds: %v", err)
	}
	e.track(j)
	r = e.req(mktTok(10), minCol, c.Config.Market.MinChallengeWindow)
	e.track(e.ok2(c.PostOnly(client, r)))
	mktEq(t, "escrow after two posts", e.tokens(c.Addr.Market), mktTok(20))
	e.books()
}

// ok2 is ok for (job, receipt, error) results.
func (e *mktEnv) ok2(j *simchain.Job, _ *types.Receipt, err error) *simchain.Job {
	e.t.Helper()
	if err != nil {
		e.t.Fatalf("unexpected error: %v", err)
	}
	return j
}

func TestMarketPostAllowanceAndBalance(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(100))
	payment := mktTok(10)
	req := e.req(payment, mktTok(1), 10)

	// No allowance at all.
	_, err := c.Send(client, c.Market, c.MarketABI.PackPostJob(req))
	e.revertArgs(err, "ERC20InsufficientAllowance", c.Addr.Market, 0, payment)
	// One base unit short.
	e.ok(c.Approve(client, c.Addr.Market, mktSub(payment, big.NewInt(1))))
	_, err = c.Send(client, c.Market, c.MarketABI.PackPostJob(req))
	e.revertArgs(err, "ERC20InsufficientAllowance", c.Addr.Market, mktSub(payment, big.NewInt(1)), payment)

	// Allowance but not the balance.
	poor := e.account("poor", mktTok(5))
	e.ok(c.Approve(poor, c.Addr.Market, payment))
	_, err = c.Send(poor, c.Market, c.MarketABI.PackPostJob(req))
	e.revertArgs(err, "ERC20InsufficientBalance", poor.Addr, mktTok(5), payment)
	// With a valid permit the whole transaction still reverts and the permit's nonce is unused.
	poor2 := e.account("poor2", mktTok(5))
	deadline := new(big.Int).SetUint64(c.Now() + 3600)
	p, err := c.SignPermit(poor2, c.Addr.Market, payment, deadline)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Send(poor2, c.Market, c.MarketABI.PackPostJobWithPermit(req, p))
	e.revertArgs(err, "ERC20InsufficientBalance", poor2.Addr, mktTok(5), payment)
	nonce := mktCall(e, c.Token, c.TokenABI.PackNonces(poor2.Addr), c.TokenABI.UnpackNonces)
	mktEq(t, "poor2 permit nonce", nonce, big.NewInt(0))

	// Bad permits without allowance: the permit's failure is swallowed and the transfer fails.
	rich := e.account("rich", mktTok(100))
	stranger := e.account("stranger", nil)
	wrongSigner, err := c.SignPermit(stranger, c.Addr.Market, payment, deadline)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Send(rich, c.Market, c.MarketABI.PackPostJobWithPermit(req, wrongSigner))
	e.revertArgs(err, "ERC20InsufficientAllowance", c.Addr.Market, 0, payment)
	lowValue, err := c.SignPermit(rich, c.Addr.Market, mktSub(payment, big.NewInt(1)), deadline)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Send(rich, c.Market, c.MarketABI.PackPostJobWithPermit(req, lowValue))
	e.revertArgs(err, "ERC20InsufficientAllowance", c.Addr.Market, 0, payment)
	expired, err := c.SignPermit(rich, c.Addr.Market, payment, new(big.Int).SetUint64(c.Now()-1))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Send(rich, c.Market, c.MarketABI.PackPostJobWithPermit(req, expired))
	e.revertArgs(err, "ERC20InsufficientAllowance", c.Addr.Market, 0, payment)

	// A bad permit with an allowance already in place: the post goes through.
	e.ok(c.Approve(rich, c.Addr.Market, payment))
	r := e.ok(c.Send(rich, c.Market, c.MarketABI.PackPostJobWithPermit(req, wrongSigner)))
	id, rec, err := c.JobRecord(r)
	if err != nil {
		t.Fatal(err)
	}
	e.track(&simchain.Job{ID: id, Rec: rec})
	mktEq(t, "rich tokens", e.tokens(rich.Addr), mktTok(90))
	mktEq(t, "market tokens", e.tokens(c.Addr.Market), payment)
	e.books()
}

func TestMarketPostEscrowAndRecord(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(100))
	payment := big.NewInt(12345)
	req := e.req(payment, mktTok(3), 17)
	e.ok(c.Approve(client, c.Addr.Market, payment))
	r := e.ok(c.Send(client, c.Market, c.MarketABI.PackPostJob(req)))

	mktEq(t, "market tokens", e.tokens(c.Addr.Market), payment)
	mktEq(t, "client tokens", e.tokens(client.Addr), mktSub(mktTok(100), payment))
	allowance := mktCall(e, c.Token, c.TokenABI.PackAllowance(client.Addr, c.Addr.Market), c.TokenABI.UnpackAllowance)
	mktEq(t, "allowance left", allowance, new(big.Int))

	ev := mktOne(e, r, c.MarketABI.UnpackJobPostedEvent)
	want := bindings.JobMarketJob{
		Client:          client.Addr,
		Payment:         payment,
		Collateral:      mktTok(3),
		SpecHash:        req.SpecHash,
		AcceptBy:        req.AcceptBy,
		ResultBy:        req.ResultBy,
		ChallengeWindow: 17,
		ParamsId:        1,
		FeeBps:          c.Config.Market.FeeBps,
		Replicas:        1,
		Status:          mktOpen,
	}
	if ev.Id.Cmp(big.NewInt(1)) != 0 || ev.Client != client.Addr {
		t.Fatalf("JobPosted id %s client %s", ev.Id, ev.Client.Hex())
	}
	if !bytes.Equal(mktEncode(t, ev.Job), mktEncode(t, want)) {
		t.Fatalf("JobPosted record\n got %+v\nwant %+v", ev.Job, want)
	}
	job := e.track(&simchain.Job{ID: ev.Id, Rec: ev.Job})

	// The stored hash is hashJob(record), is keccak256 of the Go-side abi.encode of the record
	// (a 15-word static tuple), and matches the bindings' own encoding of hashJob's argument.
	stored := e.jobHash(job.ID)
	onchain := mktCall(e, c.Market, c.MarketABI.PackHashJob(job.Rec), c.MarketABI.UnpackHashJob)
	enc := mktEncode(t, job.Rec)
	if len(enc) != 15*32 {
		t.Fatalf("abi.encode(Job) is %d bytes, want 480", len(enc))
	}
	goHash := crypto.Keccak256Hash(enc)
	parsed, err := abi.JSON(strings.NewReader(bindings.JobMarketMetaData.ABI))
	if err != nil {
		t.Fatal(err)
	}
	bindEnc, err := parsed.Methods["hashJob"].Inputs.Pack(job.Rec)
	if err != nil {
		t.Fatal(err)
	}
	if stored != onchain || stored != [32]byte(goHash) || !bytes.Equal(bindEnc, enc) {
		t.Fatalf("jobHash %x, hashJob %x, Go keccak(abi.encode) %x (bindings encoding equal: %v)",
			stored, onchain, goHash, bytes.Equal(bindEnc, enc))
	}
	// A one-field change gives another hash, and the stale record is refused.
	stale := job.Rec
	stale.ChallengeWindow++
	if mktHash(t, stale) == stored {
		t.Fatal("hash ignores challengeWindow")
	}

	// A second job through the permit path: ID 2, escrow adds up.
	j2, r2, err := c.PostWithPermit(client, e.req(mktTok(2), mktTok(1), 10))
	if err != nil {
		t.Fatal(err)
	}
	e.track(j2)
	if j2.ID.Cmp(big.NewInt(2)) != 0 || j2.Rec.Client != client.Addr || j2.Rec.Status != mktOpen {
		t.Fatalf("second job %s %+v", j2.ID, j2.Rec)
	}
	if e.jobHash(j2.ID) != mktHash(t, mktOne(e, r2, c.MarketABI.UnpackJobPostedEvent).Job) {
		t.Fatal("permit-path jobHash is not the Go hash of its JobPosted record")
	}
	mktEq(t, "market tokens", e.tokens(c.Addr.Market), mktAdd(payment, mktTok(2)))
	e.books()
}

// Threats: permit front-running. Someone submits the client's permit to the token first; the
// client's postJobWithPermit still succeeds, using the allowance the permit set.
func TestMarketPermitFrontRun(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(100))
	frontRunner := e.account("front-runner", nil)
	payment := mktTok(10)
	req := e.req(payment, mktTok(1), 10)
	deadline := new(big.Int).SetUint64(c.Now() + 3600)
	p, err := c.SignPermit(client, c.Addr.Market, payment, deadline)
	if err != nil {
		t.Fatal(err)
	}
	e.ok(c.Send(frontRunner, c.Token, c.TokenABI.PackPermit(client.Addr, c.Addr.Market, payment, deadline, p.V, p.R, p.S)))
	allowance := func() *big.Int {
		return mktCall(e, c.Token, c.TokenABI.PackAllowance(client.Addr, c.Addr.Market), c.TokenABI.UnpackAllowance)
	}
	mktEq(t, "allowance after the front-run permit", allowance(), payment)

	r := e.ok(c.Send(client, c.Market, c.MarketABI.PackPostJobWithPermit(req, p)))
	id, rec, err := c.JobRecord(r)
	if err != nil {
		t.Fatal(err)
	}
	e.track(&simchain.Job{ID: id, Rec: rec})
	if rec.Client != client.Addr || rec.Payment.Cmp(payment) != 0 {
		t.Fatalf("record %+v", rec)
	}
	mktEq(t, "allowance after post", allowance(), new(big.Int))
	mktEq(t, "market tokens", e.tokens(c.Addr.Market), payment)
	mktEq(t, "client tokens", e.tokens(client.Addr), mktTok(90))
	nonce := mktCall(e, c.Token, c.TokenABI.PackNonces(client.Addr), c.TokenABI.UnpackNonces)
	mktEq(t, "permit nonce", nonce, big.NewInt(1))

	// The same permit once more: spent, no allowance left, so the post reverts.
	_, err = c.Send(client, c.Market, c.MarketABI.PackPostJobWithPermit(e.req(payment, mktTok(1), 10), p))
	e.revertArgs(err, "ERC20InsufficientAllowance", c.Addr.Market, 0, payment)
	e.books()
}

// ---------------------------------------------------------------------------------------------
// Accepting and committing
// ---------------------------------------------------------------------------------------------

func TestMarketAccept(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(1000))
	prov := e.provider("provider", mktTok(200))
	other := e.provider("other", mktTok(200))
	payment, collateral := mktTok(10), mktTok(5)

	job := e.post(client, e.req(payment, collateral, 10))
	accept := func(p *simchain.Account, id *big.Int, rec bindings.JobMarketJob) error {
		_, err := c.Send(p, c.Market, c.MarketABI.PackAcceptJob(id, rec))
		return err
	}

	t.Run("stale record", func(t *testing.T) {
		e.t = t
		for _, edit := range []func(*bindings.JobMarketJob){
			func(r *bindings.JobMarketJob) { r.Payment = mktAdd(r.Payment, big.NewInt(1)) },
			func(r *bindings.JobMarketJob) { r.Collateral = big.NewInt(1) },
			func(r *bindings.JobMarketJob) { r.AcceptBy += 100 },
			func(r *bindings.JobMarketJob) { r.Provider = prov.Addr },
			func(r *bindings.JobMarketJob) { r.FeeBps = 0 },
		} {
			rec := job.Rec
			edit(&rec)
			e.revertArgs(accept(prov, job.ID, rec), "StaleJobRecord", job.ID)
		}
	})
	t.Run("unknown job", func(t *testing.T) {
		e.t = t
		e.revertArgs(accept(prov, big.NewInt(2), job.Rec), "UnknownJob", 2)
		e.revertArgs(accept(prov, big.NewInt(0), job.Rec), "UnknownJob", 0)
	})
	t.Run("not registered", func(t *testing.T) {
		e.t = t
		outsider := e.account("outsider", mktTok(500))
		e.revertArgs(accept(outsider, job.ID, job.Rec), "NotActive", outsider.Addr)
	})
	t.Run("below minStake", func(t *testing.T) {
		e.t = t
		small := e.provider("small", mktSub(c.Config.MinStake, big.NewInt(1)))
		e.revertArgs(accept(small, job.ID, job.Rec), "NotActive", small.Addr)
	})
	t.Run("collateral above free stake", func(t *testing.T) {
		e.t = t
		huge := e.post(client, e.req(payment, mktAdd(mktTok(200), big.NewInt(1)), 10))
		e.revertArgs(accept(prov, huge.ID, huge.Rec), "InsufficientFreeStake", mktTok(200), mktAdd(mktTok(200), big.NewInt(1)))
	})
	e.t = t

	// Accept: collateral moves from free to locked; the record names the provider.
	r := e.ok(c.Accept(prov, job))
	ev := mktOne(e, r, c.MarketABI.UnpackJobAcceptedEvent)
	if ev.Provider != prov.Addr || ev.Job.Provider != prov.Addr || ev.Job.Status != mktAccepted {
		t.Fatalf("JobAccepted %+v", ev)
	}
	if job.Rec.Status != mktAccepted || e.jobHash(job.ID) != mktHash(t, job.Rec) {
		t.Fatal("stored hash is not the hash of the JobAccepted record")
	}
	info := e.stake(prov.Addr)
	mktEq(t, "staked", info.Staked, mktTok(200))
	mktEq(t, "locked", info.Locked, collateral)
	mktEq(t, "free stake", e.freeStake(prov.Addr), mktTok(195))

	// Twice: with the new record it is the wrong status, with the old one it is stale.
	err := accept(other, job.ID, job.Rec)
	e.revertArgs(err, "WrongStatus", job.ID, int(mktAccepted))
	err = accept(prov, job.ID, job.Rec)
	e.revertArgs(err, "WrongStatus", job.ID, int(mktAccepted))
	open := job.Rec
	open.Provider, open.Status = common.Address{}, mktOpen
	e.revertArgs(accept(other, job.ID, open), "StaleJobRecord", job.ID)

	// Free stake, not stake, bounds the next collateral.
	j2 := e.post(client, e.req(payment, mktAdd(mktTok(195), big.NewInt(1)), 10))
	e.revertArgs(accept(prov, j2.ID, j2.Rec), "InsufficientFreeStake", mktTok(195), mktAdd(mktTok(195), big.NewInt(1)))
	// ...and exactly the free stake is fine.
	j3 := e.post(client, e.req(payment, mktTok(195), 10))
	e.ok(c.Accept(prov, j3))
	mktEq(t, "free stake after a full lock", e.freeStake(prov.Addr), new(big.Int))
	mktEq(t, "locked after two jobs", e.stake(prov.Addr).Locked, mktTok(200))

	// acceptBy: accepted exactly at acceptBy, refused one second later.
	jAt := e.post(client, e.req(payment, collateral, 10))
	jLate := e.post(client, e.req(payment, collateral, 10))
	if jLate.Rec.AcceptBy <= jAt.Rec.AcceptBy {
		t.Fatal("test setup: jobs posted out of order")
	}
	r, err = e.sendAt(jAt.Rec.AcceptBy, other, c.Market, c.MarketABI.PackAcceptJob(jAt.ID, jAt.Rec))
	if err != nil {
		t.Fatalf("accept at acceptBy: %v", err)
	}
	e.sync(jAt, r)
	e.warpTo(jLate.Rec.AcceptBy + 1)
	e.revertArgs(accept(other, jLate.ID, jLate.Rec), "TooLate", jLate.Rec.AcceptBy)
	// Mined (not just estimated) one second late: reverts in the block too.
	jLate2 := e.post(client, e.req(payment, collateral, 10))
	if _, err := e.sendAt(jLate2.Rec.AcceptBy+1, other, c.Market, c.MarketABI.PackAcceptJob(jLate2.ID, jLate2.Rec)); err == nil {
		t.Fatal("accept one second after acceptBy was mined successfully")
	}

	// A provider that falls below a raised minStake is refused lazily.
	j4 := e.post(client, e.req(payment, collateral, 10))
	e.ok(c.Send(c.Owner, c.Registry, c.RegistryABI.PackSetStakingParams(mktTok(300), 30)))
	e.revertArgs(accept(other, j4.ID, j4.Rec), "NotActive", other.Addr)
	e.books()
}

func TestMarketCommitResult(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(1000))
	prov := e.provider("provider", mktTok(200))
	other := e.provider("other", mktTok(200))
	payment, collateral := mktTok(10), mktTok(5)
	commit := func(p *simchain.Account, j *simchain.Job, cid []byte) error {
		_, err := c.Send(p, c.Market, c.MarketABI.PackCommitResult(j.ID, j.Rec, cid))
		return err
	}

	// The one to commit late goes first so its deadline passes first.
	late := e.accepted(client, prov, payment, collateral, 10)
	atDeadline := e.accepted(client, prov, payment, collateral, 10)
	open := e.post(client, e.req(payment, collateral, 10))
	job := e.accepted(client, prov, payment, collateral, 10)

	e.revertArgs(commit(prov, open, []byte("cid")), "WrongStatus", open.ID, int(mktOpen))
	e.revertArgs(commit(other, job, []byte("cid")), "NotProvider", other.Addr)
	e.revertArgs(commit(client, job, []byte("cid")), "NotProvider", client.Addr)
	e.revert(commit(prov, job, nil), "BadCid")
	e.revert(commit(prov, job, bytes.Repeat([]byte{7}, 129)), "BadCid")
	stale := job.Rec
	stale.Status = mktCommitted
	e.revertArgs(commit(prov, &simchain.Job{ID: job.ID, Rec: stale}, []byte("cid")), "StaleJobRecord", job.ID)

	cid := bytes.Repeat([]byte{0xab}, 128) // MAX_CID_LENGTH is fine
	r := e.ok(c.CommitResult(prov, job, cid))
	ev := mktOne(e, r, c.MarketABI.UnpackResultCommittedEvent)
	if !bytes.Equal(ev.Cid, cid) || ev.Provider != prov.Addr {
		t.Fatalf("ResultCommitted %+v", ev)
	}
	if job.Rec.Result != crypto.Keccak256Hash(cid) || job.Rec.CommittedAt != e.blockTime(r) || job.Rec.Status != mktCommitted {
		t.Fatalf("committed record %+v", job.Rec)
	}
	if e.jobHash(job.ID) != mktHash(t, job.Rec) {
		t.Fatal("stored hash is not the hash of the ResultCommitted record")
	}
	e.revertArgs(commit(prov, job, []byte("again")), "WrongStatus", job.ID, int(mktCommitted))

	// resultBy: one second after it is TooLate; exactly at it is fine. `late` was posted first,
	// so its deadline comes first.
	if late.Rec.ResultBy+1 >= atDeadline.Rec.ResultBy {
		t.Fatal("test setup: deadlines too close")
	}
	e.warpTo(late.Rec.ResultBy + 1)
	e.revertArgs(commit(prov, late, []byte("cid")), "TooLate", late.Rec.ResultBy)
	r, err := e.sendAt(atDeadline.Rec.ResultBy, prov, c.Market, c.MarketABI.PackCommitResult(atDeadline.ID, atDeadline.Rec, []byte("cid")))
	if err != nil {
		t.Fatalf("commit at resultBy: %v", err)
	}
	e.sync(atDeadline, r)
	if atDeadline.Rec.CommittedAt != atDeadline.Rec.ResultBy {
		t.Fatalf("committedAt %d, want resultBy %d", atDeadline.Rec.CommittedAt, atDeadline.Rec.ResultBy)
	}
	e.books()
}

// ---------------------------------------------------------------------------------------------
// Settlement
// ---------------------------------------------------------------------------------------------

func TestMarketFinalize(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(1000))
	prov := e.provider("provider", mktTok(200))
	stranger := e.account("stranger", nil)
	treasury := c.Config.Treasury
	payment, collateral := big.NewInt(12345), mktTok(3)
	finalize := func(j *simchain.Job) error {
		_, err := c.Send(stranger, c.Market, c.MarketABI.PackFinalize(j.ID, j.Rec))
		return err
	}

	open := e.post(client, e.req(payment, collateral, 10))
	accepted := e.accepted(client, prov, payment, collateral, 10)
	e.revertArgs(finalize(open), "WrongStatus", open.ID, int(mktOpen))
	e.revertArgs(finalize(accepted), "WrongStatus", accepted.ID, int(mktAccepted))

	job := e.committed(client, prov, payment, collateral, 10, []byte("cid"))
	ends := mktEnds(job)
	e.revertArgs(finalize(job), "TooEarly", ends)
	mined, err := e.sendAt(ends-1, stranger, c.Market, c.MarketABI.PackFinalize(job.ID, job.Rec))
	if err == nil {
		t.Fatalf("finalize mined one second before the window closed succeeded (block %v)", mined.BlockNumber)
	}
	e.revertArgs(finalize(job), "TooEarly", ends) // checked at ends-1
	stale := job.Rec
	stale.CommittedAt -= 100 // a record claiming an older commit is refused
	e.revertArgs(finalize(&simchain.Job{ID: job.ID, Rec: stale}), "StaleJobRecord", job.ID)

	lockedBefore := e.stake(prov.Addr).Locked
	// Exactly at committedAt + challengeWindow, by a stranger.
	r, err := e.sendAt(ends, stranger, c.Market, c.MarketABI.PackFinalize(job.ID, job.Rec))
	if err != nil {
		t.Fatalf("finalize at the boundary: %v", err)
	}
	fee := big.NewInt(123) // 12345 * 100 / 10000 = 123.45, rounded down
	paid := big.NewInt(12222)
	ev := mktOne(e, r, c.MarketABI.UnpackJobFinalizedEvent)
	if ev.Id.Cmp(job.ID) != 0 || ev.Provider != prov.Addr {
		t.Fatalf("JobFinalized %+v", ev)
	}
	mktEq(t, "JobFinalized.paid", ev.Paid, paid)
	mktEq(t, "JobFinalized.fee", ev.Fee, fee)
	mktEq(t, "provider balance", e.balance(prov.Addr), paid)
	mktEq(t, "stranger balance", e.balance(stranger.Addr), new(big.Int))
	mktEq(t, "treasuryAccrued", e.accrued(), fee)
	mktEq(t, "provider locked", e.stake(prov.Addr).Locked, mktSub(lockedBefore, collateral))
	mktEq(t, "provider staked", e.stake(prov.Addr).Staked, mktTok(200))
	if e.jobHash(job.ID) != ([32]byte{}) {
		t.Fatal("job slot not cleared")
	}
	e.revertArgs(finalize(job), "UnknownJob", job.ID)
	e.books()

	// Withdrawals: the provider gets exactly its credit, the treasury its fees.
	before := e.tokens(prov.Addr)
	r = e.ok(c.Withdraw(prov))
	w := mktOne(e, r, c.MarketABI.UnpackWithdrawnEvent)
	if w.Account != prov.Addr {
		t.Fatalf("Withdrawn %+v", w)
	}
	mktEq(t, "Withdrawn.amount", w.Amount, paid)
	mktEq(t, "provider tokens", e.tokens(prov.Addr), mktAdd(before, paid))
	mktEq(t, "provider balance after withdraw", e.balance(prov.Addr), new(big.Int))
	_, err = c.Withdraw(prov)
	e.revert(err, "NothingToWithdraw")
	_, err = c.Withdraw(stranger)
	e.revert(err, "NothingToWithdraw")

	r = e.ok(c.Send(stranger, c.Market, c.MarketABI.PackWithdrawFees()))
	fw := mktOne(e, r, c.MarketABI.UnpackFeesWithdrawnEvent)
	if fw.Treasury != treasury {
		t.Fatalf("FeesWithdrawn to %s", fw.Treasury.Hex())
	}
	mktEq(t, "FeesWithdrawn.amount", fw.Amount, fee)
	mktEq(t, "treasury tokens", e.tokens(treasury), fee)
	mktEq(t, "treasuryAccrued after withdrawFees", e.accrued(), new(big.Int))
	_, err = c.Send(stranger, c.Market, c.MarketABI.PackWithdrawFees())
	e.revert(err, "NothingToWithdraw")
	e.books()
}

func TestMarketFinalizeFeeRounding(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(1000))
	prov := e.provider("provider", mktTok(200))
	cases := []struct{ payment, fee int64 }{
		{1, 0}, {99, 0}, {100, 1}, {199, 1}, {12345, 123}, {1_000_000_000_000_000_099, 10_000_000_000_000_000},
	}
	var jobs []*simchain.Job
	for _, tc := range cases {
		jobs = append(jobs, e.committed(client, prov, big.NewInt(tc.payment), mktTok(1), 4, []byte("cid")))
	}
	e.warpTo(mktEnds(jobs[len(jobs)-1]))
	credit, fees := new(big.Int), new(big.Int)
	for i, tc := range cases {
		r := e.ok(c.Finalize(client, jobs[i]))
		ev := mktOne(e, r, c.MarketABI.UnpackJobFinalizedEvent)
		mktEq(t, fmt.Sprintf("fee on %d", tc.payment), ev.Fee, big.NewInt(tc.fee))
		mktEq(t, fmt.Sprintf("paid on %d", tc.payment), ev.Paid, big.NewInt(tc.payment-tc.fee))
		credit.Add(credit, ev.Paid)
		fees.Add(fees, ev.Fee)
	}
	mktEq(t, "provider balance", e.balance(prov.Addr), credit)
	mktEq(t, "treasuryAccrued", e.accrued(), fees)
	mktEq(t, "provider locked", e.stake(prov.Addr).Locked, new(big.Int))
	e.books()
}

func TestMarketFinalizeBatch(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(1000))
	provA := e.provider("provider-a", mktTok(200))
	provB := e.provider("provider-b", mktTok(200))
	stranger := e.account("stranger", nil)
	batch := func(ids []*big.Int, recs []bindings.JobMarketJob) (*types.Receipt, error) {
		return c.Send(stranger, c.Market, c.MarketABI.PackFinalizeBatch(ids, recs))
	}

	one := e.committed(client, provA, big.NewInt(1000), mktTok(1), 4, []byte("cid"))
	e.warpTo(mktEnds(one))
	t.Run("BadBatch", func(t *testing.T) {
		e.t = t
		_, err := batch([]*big.Int{one.ID, one.ID}, []bindings.JobMarketJob{one.Rec})
		e.revert(err, "BadBatch")
		_, err = batch([]*big.Int{one.ID}, []bindings.JobMarketJob{one.Rec, one.Rec})
		e.revert(err, "BadBatch")
		_, err = batch(nil, nil)
		e.revert(err, "BadBatch")
		ids, recs := make([]*big.Int, 101), make([]bindings.JobMarketJob, 101)
		for i := range ids {
			ids[i], recs[i] = one.ID, one.Rec
		}
		_, err = batch(ids, recs)
		e.revert(err, "BadBatch")
		// 100 passes the size check: the first entry settles, its repeat is then unknown and the
		// whole batch reverts.
		_, err = batch(ids[:100], recs[:100])
		e.revertArgs(err, "UnknownJob", one.ID)
		if e.jobHash(one.ID) == ([32]byte{}) {
			t.Fatal("reverted batch left the job settled")
		}
	})
	e.t = t
	e.ok(e.c.FinalizeBatch(stranger, []*simchain.Job{one}))
	mktEq(t, "single-entry batch credit", e.balance(provA.Addr), big.NewInt(990))
	mktEq(t, "single-entry batch fee", e.accrued(), big.NewInt(10))

	// Interleaved providers, odd payments: fees round per job, credits and unlocks per provider.
	type spec struct {
		prov       *simchain.Account
		payment    int64
		collateral int64
	}
	specs := []spec{
		{provA, 101, 1}, {provB, 777, 4}, {provA, 12345, 2}, {provB, 5001, 5}, {provB, 199, 6}, {provA, 999_999, 3}, {provB, 1, 7},
	}
	var jobs []*simchain.Job
	for _, s := range specs {
		jobs = append(jobs, e.committed(client, s.prov, big.NewInt(s.payment), mktTok(s.collateral), 4, []byte("cid")))
	}
	// A job still inside its window makes the whole batch revert.
	young := e.committed(client, provA, big.NewInt(5555), mktTok(1), 60, []byte("cid"))
	e.warpTo(mktEnds(jobs[len(jobs)-1]))
	mixed := append(append(append([]*simchain.Job{}, jobs[:3]...), young), jobs[3:]...)
	balA, balB, accrued := e.balance(provA.Addr), e.balance(provB.Addr), e.accrued()
	lockedA, lockedB := e.stake(provA.Addr).Locked, e.stake(provB.Addr).Locked
	_, err := e.c.FinalizeBatch(stranger, mixed)
	e.revertArgs(err, "TooEarly", mktEnds(young))
	for _, j := range mixed {
		if e.jobHash(j.ID) != mktHash(t, j.Rec) {
			t.Fatalf("job %s changed by a reverted batch", j.ID)
		}
	}
	mktEq(t, "A balance after reverted batch", e.balance(provA.Addr), balA)
	mktEq(t, "B balance after reverted batch", e.balance(provB.Addr), balB)
	mktEq(t, "treasury after reverted batch", e.accrued(), accrued)
	mktEq(t, "A locked after reverted batch", e.stake(provA.Addr).Locked, lockedA)
	mktEq(t, "B locked after reverted batch", e.stake(provB.Addr).Locked, lockedB)

	// A stale record anywhere in the batch reverts it too.
	staleJobs := append([]*simchain.Job{}, jobs...)
	s := *jobs[4]
	s.Rec.Payment = big.NewInt(1_000_000)
	staleJobs[4] = &s
	_, err = e.c.FinalizeBatch(stranger, staleJobs)
	e.revertArgs(err, "StaleJobRecord", jobs[4].ID)

	r := e.ok(e.c.FinalizeBatch(stranger, jobs))
	evs := mktLogs(e, r, c.MarketABI.UnpackJobFinalizedEvent)
	if len(evs) != len(jobs) {
		t.Fatalf("%d JobFinalized events, want %d", len(evs), len(jobs))
	}
	wantA, wantB, fees := new(big.Int), new(big.Int), new(big.Int)
	colA, colB := new(big.Int), new(big.Int)
	for i, s := range specs {
		p := big.NewInt(s.payment)
		fee := mktFee(p, c.Config.Market.FeeBps)
		paid := mktSub(p, fee)
		if evs[i].Id.Cmp(jobs[i].ID) != 0 || evs[i].Provider != s.prov.Addr {
			t.Fatalf("event %d: %+v", i, evs[i])
		}
		mktEq(t, fmt.Sprintf("job %d paid", i), evs[i].Paid, paid)
		mktEq(t, fmt.Sprintf("job %d fee", i), evs[i].Fee, fee)
		fees.Add(fees, fee)
		if s.prov == provA {
			wantA.Add(wantA, paid)
			colA.Add(colA, mktTok(s.collateral))
		} else {
			wantB.Add(wantB, paid)
			colB.Add(colB, mktTok(s.collateral))
		}
	}
	// The per-job rounding matters: the fee on the sum would be larger.
	if total := mktFee(big.NewInt(101+777+12345+5001+199+999_999+1), c.Config.Market.FeeBps); total.Cmp(fees) == 0 {
		t.Fatalf("test setup: per-job fees %s equal the fee on the sum", fees)
	}
	mktEq(t, "A credited", mktSub(e.balance(provA.Addr), balA), wantA)
	mktEq(t, "B credited", mktSub(e.balance(provB.Addr), balB), wantB)
	mktEq(t, "treasury credited", mktSub(e.accrued(), accrued), fees)
	mktEq(t, "A unlocked", mktSub(lockedA, e.stake(provA.Addr).Locked), colA)
	mktEq(t, "B unlocked", mktSub(lockedB, e.stake(provB.Addr).Locked), colB)
	// Only the young job keeps collateral locked (provider A's 1 token).
	mktEq(t, "A locked", e.stake(provA.Addr).Locked, mktTok(1))
	mktEq(t, "B locked", e.stake(provB.Addr).Locked, new(big.Int))
	e.books()

	// The young job after its window, alone.
	e.warpTo(mktEnds(young))
	e.ok(e.c.FinalizeBatch(stranger, []*simchain.Job{young}))
	mktEq(t, "A locked at the end", e.stake(provA.Addr).Locked, new(big.Int))
	e.books()
}

func TestMarketReclaim(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(1000))
	prov := e.provider("provider", mktTok(200))
	stranger := e.account("stranger", nil)
	payment := mktTok(10)
	reclaim := func(j *simchain.Job) error {
		_, err := c.Send(stranger, c.Market, c.MarketABI.PackReclaim(j.ID, j.Rec))
		return err
	}

	open := e.post(client, e.req(payment, mktTok(1), 10))
	acc := e.accepted(client, prov, payment, mktTok(1), 10)
	e.revertArgs(reclaim(open), "TooEarly", open.Rec.AcceptBy)
	e.warpTo(open.Rec.AcceptBy)
	e.revertArgs(reclaim(open), "TooEarly", open.Rec.AcceptBy)
	r, err := e.sendAt(open.Rec.AcceptBy+1, stranger, c.Market, c.MarketABI.PackReclaim(open.ID, open.Rec))
	if err != nil {
		t.Fatalf("reclaim one second after acceptBy: %v", err)
	}
	ev := mktOne(e, r, c.MarketABI.UnpackJobReclaimedEvent)
	if ev.Id.Cmp(open.ID) != 0 || ev.Client != client.Addr {
		t.Fatalf("JobReclaimed %+v", ev)
	}
	mktEq(t, "JobReclaimed.refund", ev.Refund, payment)
	mktEq(t, "client balance", e.balance(client.Addr), payment)
	mktEq(t, "stranger balance", e.balance(stranger.Addr), new(big.Int))
	mktEq(t, "treasuryAccrued", e.accrued(), new(big.Int))
	e.revertArgs(reclaim(open), "UnknownJob", open.ID)
	e.revertArgs(func() error { _, err := c.Accept(prov, open); return err }(), "UnknownJob", open.ID)

	e.warpTo(acc.Rec.AcceptBy + 1)
	e.revertArgs(reclaim(acc), "WrongStatus", acc.ID, int(mktAccepted))
	e.books()

	before := e.tokens(client.Addr)
	e.ok(c.Withdraw(client))
	mktEq(t, "client refund withdrawn", e.tokens(client.Addr), mktAdd(before, payment))
	e.books()
}

func TestMarketClaimTimeout(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(1000))
	// Exactly minStake: the slash drops the provider out of the active set.
	prov := e.provider("provider", c.Config.MinStake)
	other := e.provider("other", mktTok(200))
	stranger := e.account("stranger", nil)
	payment, collateral := mktTok(10), mktTok(3)
	claim := func(j *simchain.Job) error {
		_, err := c.Send(stranger, c.Market, c.MarketABI.PackClaimTimeout(j.ID, j.Rec))
		return err
	}

	job := e.accepted(client, prov, payment, collateral, 10)
	done := e.committed(client, other, payment, collateral, 10, []byte("cid"))
	open := e.post(client, e.req(payment, collateral, 10))
	e.revertArgs(claim(job), "TooEarly", job.Rec.ResultBy)
	e.warpTo(job.Rec.ResultBy)
	e.revertArgs(claim(job), "TooEarly", job.Rec.ResultBy)

	regTokens, mktTokens := e.tokens(c.Addr.Registry), e.tokens(c.Addr.Market)
	active := mktCall(e, c.Registry, c.RegistryABI.PackActiveCount(), c.RegistryABI.UnpackActiveCount)
	r, err := e.sendAt(job.Rec.ResultBy+1, stranger, c.Market, c.MarketABI.PackClaimTimeout(job.ID, job.Rec))
	if err != nil {
		t.Fatalf("claimTimeout one second after resultBy: %v", err)
	}
	to := mktOne(e, r, c.MarketABI.UnpackJobTimedOutEvent)
	if to.Id.Cmp(job.ID) != 0 || to.Provider != prov.Addr {
		t.Fatalf("JobTimedOut %+v", to)
	}
	mktEq(t, "JobTimedOut.refund", to.Refund, payment)
	mktEq(t, "JobTimedOut.slashed", to.Slashed, collateral)
	sl := mktOne(e, r, c.MarketABI.UnpackCollateralSlashedEvent)
	if sl.Account != prov.Addr || sl.Reason != mktSlashResultTimeout {
		t.Fatalf("CollateralSlashed %+v", sl)
	}
	mktEq(t, "CollateralSlashed.amount", sl.Amount, collateral)
	mktEq(t, "client balance", e.balance(client.Addr), mktAdd(payment, collateral))
	mktEq(t, "stranger balance", e.balance(stranger.Addr), new(big.Int))
	info := e.stake(prov.Addr)
	mktEq(t, "provider staked", info.Staked, mktSub(c.Config.MinStake, collateral))
	mktEq(t, "provider locked", info.Locked, new(big.Int))
	mktEq(t, "registry tokens", e.tokens(c.Addr.Registry), mktSub(regTokens, collateral))
	mktEq(t, "market tokens", e.tokens(c.Addr.Market), mktAdd(mktTokens, collateral))
	isActive := mktCall(e, c.Registry, c.RegistryABI.PackIsActive(prov.Addr), c.RegistryABI.UnpackIsActive)
	nowActive := mktCall(e, c.Registry, c.RegistryABI.PackActiveCount(), c.RegistryABI.UnpackActiveCount)
	if isActive || nowActive.Cmp(mktSub(active, big.NewInt(1))) != 0 {
		t.Fatalf("slashed below minStake: active=%v, active count %s (was %s)", isActive, nowActive, active)
	}
	e.revertArgs(claim(job), "UnknownJob", job.ID)
	_, err = c.CommitResult(prov, job, []byte("too late anyway"))
	e.revertArgs(err, "UnknownJob", job.ID)

	e.warpTo(done.Rec.ResultBy + 1)
	e.revertArgs(claim(done), "WrongStatus", done.ID, int(mktCommitted))
	e.revertArgs(claim(open), "WrongStatus", open.ID, int(mktOpen))
	e.books()
}

// ---------------------------------------------------------------------------------------------
// Governance
// ---------------------------------------------------------------------------------------------

func TestMarketSetParams(t *testing.T) {
	e := mktNew(t)
	c := e.c
	stranger := e.account("stranger", nil)
	const maxWindow = 30 * 24 * 3600
	base := func() bindings.JobMarketParams { // the set simchain deployed (its ratio 1 bps)
		p := deploy.DevMarketParams()
		p.MinCollateralBps = c.Config.Market.MinCollateralBps
		return p
	}

	_, err := c.Send(stranger, c.Market, c.MarketABI.PackSetParams(base()))
	e.revertArgs(err, "OwnableUnauthorizedAccount", stranger.Addr)

	bad := []struct {
		field string
		edit  func(p *bindings.JobMarketParams)
	}{
		{"feeBps", func(p *bindings.JobMarketParams) { p.FeeBps = 1001 }},
		{"feeBps", func(p *bindings.JobMarketParams) { p.FeeBps = 65535 }},
		{"rewardBps", func(p *bindings.JobMarketParams) { p.ChallengerRewardBps, p.VerifierRewardBps = 5001, 5000 }},
		{"rewardBps", func(p *bindings.JobMarketParams) { p.ChallengerRewardBps, p.VerifierRewardBps = 10001, 0 }},
		{"rewardBps", func(p *bindings.JobMarketParams) { p.ChallengerRewardBps, p.VerifierRewardBps = 0, 10001 }},
		{"verifiers", func(p *bindings.JobMarketParams) { p.Verifiers = 0 }},
		{"verifiers", func(p *bindings.JobMarketParams) { p.Verifiers = 2 }},
		{"verifiers", func(p *bindings.JobMarketParams) { p.Verifiers = 14 }},
		{"verifiers", func(p *bindings.JobMarketParams) { p.Verifiers = 16 }},
		{"verifiers", func(p *bindings.JobMarketParams) { p.Verifiers = 17 }},
		{"minChallengeWindow", func(p *bindings.JobMarketParams) { p.MinChallengeWindow = 3 }},
		{"minChallengeWindow", func(p *bindings.JobMarketParams) { p.MinChallengeWindow = maxWindow + 1 }},
		{"voteCommitWindow", func(p *bindings.JobMarketParams) { p.VoteCommitWindow = 3 }},
		{"voteCommitWindow", func(p *bindings.JobMarketParams) { p.VoteCommitWindow = maxWindow + 1 }},
		{"voteRevealWindow", func(p *bindings.JobMarketParams) { p.VoteRevealWindow = 0 }},
		{"voteRevealWindow", func(p *bindings.JobMarketParams) { p.VoteRevealWindow = maxWindow + 1 }},
		{"replicaRevealWindow", func(p *bindings.JobMarketParams) { p.ReplicaRevealWindow = 3 }},
		{"replicaRevealWindow", func(p *bindings.JobMarketParams) { p.ReplicaRevealWindow = maxWindow + 1 }},
		{"challengeBond", func(p *bindings.JobMarketParams) { p.ChallengeBond = new(big.Int) }},
		{"verifierCollateral", func(p *bindings.JobMarketParams) { p.VerifierCollateral = new(big.Int) }},
		{"minCollateral", func(p *bindings.JobMarketParams) { p.MinCollateral = new(big.Int) }},
		{"minCollateralBps", func(p *bindings.JobMarketParams) { p.MinCollateralBps = 1 << 31 }},
		{"minCollateralBps", func(p *bindings.JobMarketParams) { p.MinCollateralBps = 100_001 }},
	}
	for _, tc := range bad {
		p := base()
		tc.edit(&p)
		_, err := c.Send(c.Owner, c.Market, c.MarketABI.PackSetParams(p))
		e.revertArgs(err, "BadParams", mktLabel(tc.field))
	}
	if id := mktCall(e, c.Market, c.MarketABI.PackParamsId(), c.MarketABI.UnpackParamsId); id != 1 {
		t.Fatalf("paramsId %d after refused changes", id)
	}

	// Every bound itself is accepted, each as a new numbered set.
	good := []func(p *bindings.JobMarketParams){
		func(p *bindings.JobMarketParams) { p.FeeBps = 1000 },
		func(p *bindings.JobMarketParams) { p.FeeBps = 0 },
		func(p *bindings.JobMarketParams) { p.ChallengerRewardBps, p.VerifierRewardBps = 10000, 0 },
		func(p *bindings.JobMarketParams) { p.ChallengerRewardBps, p.VerifierRewardBps = 2500, 7500 },
		func(p *bindings.JobMarketParams) { p.Verifiers = 1 },
		func(p *bindings.JobMarketParams) { p.Verifiers = 15 },
		func(p *bindings.JobMarketParams) {
			p.MinChallengeWindow, p.VoteCommitWindow, p.VoteRevealWindow, p.ReplicaRevealWindow = 4, 4, 4, 4
		},
		func(p *bindings.JobMarketParams) {
			p.MinChallengeWindow, p.VoteCommitWindow, p.VoteRevealWindow, p.ReplicaRevealWindow = maxWindow, maxWindow, maxWindow, maxWindow
		},
		func(p *bindings.JobMarketParams) {
			p.ChallengeBond, p.VerifierCollateral, p.MinCollateral = big.NewInt(1), big.NewInt(1), big.NewInt(1)
		},
	}
	for i, edit := range good {
		p := base()
		edit(&p)
		r := e.ok(c.Send(c.Owner, c.Market, c.MarketABI.PackSetParams(p)))
		ev := mktOne(e, r, c.MarketABI.UnpackParamsSetEvent)
		wantID := uint32(i + 2)
		if ev.ParamsId != wantID || fmt.Sprint(ev.Params) != fmt.Sprint(p) {
			t.Fatalf("ParamsSet %d %+v, want %d %+v", ev.ParamsId, ev.Params, wantID, p)
		}
		if got := e.params(wantID); fmt.Sprint(got) != fmt.Sprint(p) {
			t.Fatalf("params(%d) = %+v, want %+v", wantID, got, p)
		}
		if id := mktCall(e, c.Market, c.MarketABI.PackParamsId(), c.MarketABI.UnpackParamsId); id != wantID {
			t.Fatalf("paramsId %d, want %d", id, wantID)
		}
	}
	if got := e.params(1); fmt.Sprint(got) != fmt.Sprint(base()) {
		t.Fatalf("params(1) changed: %+v", got)
	}
	e.books()
}

// Governance changes never touch posted jobs: each job keeps its parameter set and fee.
func TestMarketParamsSnapshot(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(1000))
	prov := e.provider("provider", mktTok(200))
	payment := big.NewInt(1_000_001)

	old := e.committed(client, prov, payment, mktTok(1), 10, []byte("cid"))
	oldOpen := e.post(client, e.req(payment, mktTok(1), 10))
	p := deploy.DevMarketParams()
	p.MinCollateralBps = c.Config.Market.MinCollateralBps
	p.FeeBps = 1000
	p.MinCollateral = mktTok(2)
	p.MinChallengeWindow = 20
	e.ok(c.Send(c.Owner, c.Market, c.MarketABI.PackSetParams(p)))

	// New requests are checked against the new set.
	_, err := c.Send(client, c.Market, c.MarketABI.PackPostJob(e.req(payment, mktTok(1), 20)))
	e.revertArgs(err, "BadRequest", mktLabel("collateral"))
	_, err = c.Send(client, c.Market, c.MarketABI.PackPostJob(e.req(payment, mktTok(2), 10)))
	e.revertArgs(err, "BadRequest", mktLabel("challengeWindow"))
	fresh := e.committed(client, prov, payment, mktTok(2), 20, []byte("cid"))
	if fresh.Rec.ParamsId != 2 || fresh.Rec.FeeBps != 1000 {
		t.Fatalf("new job snapshot %d/%d, want 2/1000", fresh.Rec.ParamsId, fresh.Rec.FeeBps)
	}
	if old.Rec.ParamsId != 1 || old.Rec.FeeBps != 100 {
		t.Fatalf("old job snapshot %d/%d, want 1/100", old.Rec.ParamsId, old.Rec.FeeBps)
	}
	// The job posted under set 1 with 1 token of collateral can still be accepted.
	e.ok(c.Accept(prov, oldOpen))
	e.ok(c.CommitResult(prov, oldOpen, []byte("cid")))

	e.warpTo(mktEnds(fresh))
	for _, tc := range []struct {
		job *simchain.Job
		fee int64
	}{{old, 10_000}, {oldOpen, 10_000}, {fresh, 100_000}} {
		r := e.ok(c.Finalize(client, tc.job))
		ev := mktOne(e, r, c.MarketABI.UnpackJobFinalizedEvent)
		mktEq(t, fmt.Sprintf("fee of job %s", tc.job.ID), ev.Fee, big.NewInt(tc.fee))
		mktEq(t, fmt.Sprintf("paid of job %s", tc.job.ID), ev.Paid, big.NewInt(1_000_001-tc.fee))
	}
	mktEq(t, "treasuryAccrued", e.accrued(), big.NewInt(120_000))
	e.books()
}

func TestMarketSetTreasury(t *testing.T) {
	e := mktNew(t)
	c := e.c
	client := e.account("client", mktTok(1000))
	prov := e.provider("provider", mktTok(200))
	stranger := e.account("stranger", nil)
	oldTreasury := c.Config.Treasury
	newTreasury := e.account("new-treasury", nil)

	_, err := c.Send(stranger, c.Market, c.MarketABI.PackSetTreasury(stranger.Addr))
	e.revertArgs(err, "OwnableUnauthorizedAccount", stranger.Addr)
	_, err = c.Send(c.Owner, c.Market, c.MarketABI.PackSetTreasury(common.Address{}))
	e.revert(err, "ZeroAddress")

	job := e.committed(client, prov, mktTok(10), mktTok(1), 4, []byte("cid"))
	e.warpTo(mktEnds(job))
	e.ok(c.Finalize(stranger, job))
	fee := mktFee(mktTok(10), 100)
	mktEq(t, "accrued", e.accrued(), fee)

	r := e.ok(c.Send(c.Owner, c.Market, c.MarketABI.PackSetTreasury(newTreasury.Addr)))
	if ev := mktOne(e, r, c.MarketABI.UnpackTreasurySetEvent); ev.Treasury != newTreasury.Addr {
		t.Fatalf("TreasurySet %s", ev.Treasury.Hex())
	}
	if got := mktCall(e, c.Market, c.MarketABI.PackTreasury(), c.MarketABI.UnpackTreasury); got != newTreasury.Addr {
		t.Fatalf("treasury() = %s", got.Hex())
	}
	// Fees accrued before the change go to the new treasury.
	e.ok(c.Send(stranger, c.Market, c.MarketABI.PackWithdrawFees()))
	mktEq(t, "new treasury tokens", e.tokens(newTreasury.Addr), fee)
	mktEq(t, "old treasury tokens", e.tokens(oldTreasury), new(big.Int))
	e.books()
}

// ---------------------------------------------------------------------------------------------
// Donations and the sweep
// ---------------------------------------------------------------------------------------------

// TestMarketDonationIsSurplusAndSweeps: tokens sent straight to the market (1 base unit, then
// more) are owed to nobody: owed() does not move, the holdings exceed it by exactly the donation.
// sweepSurplus (anyone may call) credits that surplus to the treasury and nothing else: the live
// job's escrow and every credited balance keep their amounts and can still be paid out in full
// (the property test adds bonds, slashes and random orders); withdrawFees pays the treasury fees plus the surplus; a second
// sweep finds NoSurplus. Every token that came in leaves: the market ends holding nothing.
func TestMarketDonationIsSurplusAndSweeps(t *testing.T) {
	e := mktNew(t)
	client := e.account("client", mktTok(1000))
	donor := e.account("donor", mktTok(100))
	anyone := e.account("anyone", nil)
	prov := e.provider("provider", mktTok(200))
	pay := mktTok(10)

	live := e.post(client, e.req(pay, mktTok(5), 10))                    // stays open: escrow owed
	done := e.committed(client, prov, pay, mktTok(5), 10, []byte("cid")) // finalized: credits owed
	e.warpTo(mktEnds(done))
	e.ok(e.c.Finalize(anyone, done))
	e.books()
	owed := func() *big.Int {
		return mktCall(e, e.c.Market, e.c.MarketABI.PackOwed(), e.c.MarketABI.UnpackOwed)
	}
	before := owed()
	provCredit, fees := e.balance(prov.Addr), e.accrued()

	_, err := e.c.Send(anyone, e.c.Market, e.c.MarketABI.PackSweepSurplus())
	e.revertArgs(err, "NoSurplus", before, before) // nothing donated yet
	donation := mktAdd(big.NewInt(1), mktTok(3))
	e.ok(e.c.Send(donor, e.c.Token, e.c.TokenABI.PackTransfer(e.c.Addr.Market, big.NewInt(1))))
	e.ok(e.c.Send(donor, e.c.Token, e.c.TokenABI.PackTransfer(e.c.Addr.Market, mktTok(3))))
	mktEq(t, "owed() after donations", owed(), before)
	mktEq(t, "holdings − owed()", mktSub(e.tokens(e.c.Addr.Market), owed()), donation)

	r := e.ok(e.c.Send(anyone, e.c.Market, e.c.MarketABI.PackSweepSurplus()))
	sw := mktOne(e, r, e.c.MarketABI.UnpackSurplusSweptEvent)
	if sw.Caller != anyone.Addr || sw.Amount.Cmp(donation) != 0 {
		t.Fatalf("SurplusSwept = %+v, want %s by anyone", sw, donation)
	}
	if tc := mktOne(e, r, e.c.MarketABI.UnpackTreasuryCreditedEvent); tc.Amount.Cmp(donation) != 0 {
		t.Fatalf("TreasuryCredited %s, want %s", tc.Amount, donation)
	}
	mktEq(t, "treasuryAccrued after the sweep", e.accrued(), mktAdd(fees, donation))
	mktEq(t, "provider credit after the sweep", e.balance(prov.Addr), provCredit)
	mktEq(t, "owed() after the sweep", owed(), mktAdd(before, donation))
	e.books() // holdings == owed again, with the surplus now the treasury's
	_, err = e.c.Send(anyone, e.c.Market, e.c.MarketABI.PackSweepSurplus())
	e.revert(err, "NoSurplus")

	// Everything owed is still paid in full: the refund of the open job, the provider's credit,
	// the treasury's fees and the swept surplus.
	e.warpTo(live.Rec.AcceptBy + 1)
	e.ok(e.c.Reclaim(anyone, live))
	e.ok(e.c.Withdraw(client))
	e.ok(e.c.Withdraw(prov))
	tre := e.tokens(e.c.Config.Treasury)
	e.ok(e.c.Send(anyone, e.c.Market, e.c.MarketABI.PackWithdrawFees()))
	mktEq(t, "treasury paid", mktSub(e.tokens(e.c.Config.Treasury), tre), mktAdd(fees, donation))
	mktEq(t, "market holdings at the end", e.tokens(e.c.Addr.Market), new(big.Int))
	mktEq(t, "owed() at the end", owed(), new(big.Int))
}
