package onchain_test

import (
	"bytes"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

// TestSingleJob takes a job from post (with a permit) through accept, commit and finalize,
// with the errors of wrong callers, wrong times and repeats on the way.
func TestSingleJob(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100))
	p0 := w.provider("p0", deploy.Token(200))
	p1 := w.provider("p1", deploy.Token(200))

	payment, collateral := deploy.Token(10), deploy.Token(2)
	req := w.request(payment, collateral, 1, 60*time.Second, 60*time.Second, 5*time.Second)
	since := client.Sender.Mark()
	job, err := client.S.PostJob(ctx, req)
	must(t, err)
	sent := since()
	if len(sent) != 1 || !bytes.HasPrefix(sent[0].tx.Data, selector("postJobWithPermit")) {
		t.Fatalf("post with permit sent %v, want one postJobWithPermit", ids(sent))
	}
	if job.ID != 1 || job.Status != settlement.StatusOpen || job.Client != client.Addr || job.Replicas != 1 ||
		job.SpecHash != req.SpecHash || !job.AcceptBy.Equal(req.AcceptBy) || !job.ResultBy.Equal(req.ResultBy) ||
		job.ChallengeWindow != 5*time.Second || job.FeeBps != 100 || job.ParamsID != 1 {
		t.Fatalf("posted job: %+v", job)
	}
	wantInt(t, "payment", job.Payment, payment)
	wantInt(t, "collateral", job.Collateral, collateral)
	wantInt(t, "client tokens", w.tokens(client.Addr), deploy.Token(90))
	// Every instance reads the same job from its own index.
	if got := w.job(p0.S, job.ID); got.Status != settlement.StatusOpen || got.Client != client.Addr || got.Payment.Cmp(payment) != 0 {
		t.Fatalf("p0 reads %+v", got)
	}

	wantErr(t, p1.S.CommitResult(ctx, job.ID, []byte("cid")), settlement.ErrWrongStatus, "-")
	must(t, p0.S.Accept(ctx, job.ID))
	j := w.job(client.S, job.ID)
	wantStatus(t, j, settlement.StatusAccepted)
	if j.Provider != p0.Addr {
		t.Fatalf("provider = %s, want p0", j.Provider)
	}
	wantInt(t, "p0 locked", w.providerInfo(client.S, p0.Addr).Locked, collateral)
	wantErr(t, p1.S.Accept(ctx, job.ID), settlement.ErrWrongStatus, "-")

	cid := []byte("bafy-result-of-job-1")
	wantErr(t, p1.S.CommitResult(ctx, job.ID, cid), settlement.ErrNotAllowed, "NotProvider")
	wantErr(t, p0.S.CommitResult(ctx, job.ID, nil), settlement.ErrBadRequest, "-")
	wantErr(t, p0.S.CommitResult(ctx, job.ID, make([]byte, 129)), settlement.ErrBadRequest, "-")
	must(t, p0.S.CommitResult(ctx, job.ID, cid))
	committedAt := w.chainTime()
	j = w.job(p1.S, job.ID)
	wantStatus(t, j, settlement.StatusCommitted)
	if j.Result != crypto.Keccak256Hash(cid) || !bytes.Equal(j.ResultCID, cid) || !j.CommittedAt.Equal(committedAt) ||
		!j.ChallengeEnds().Equal(committedAt.Add(5*time.Second)) {
		t.Fatalf("committed job: %+v", j)
	}
	wantErr(t, p0.S.CommitResult(ctx, job.ID, cid), settlement.ErrWrongStatus, "-")

	wantErr(t, p1.S.Finalize(ctx, job.ID), settlement.ErrTooEarly, "TooEarly")
	w.c.Advance(5 * time.Second)
	must(t, p1.S.Finalize(ctx, job.ID)) // anyone may finalize
	j = w.job(client.S, job.ID)
	wantStatus(t, j, settlement.StatusFinalized)
	if !bytes.Equal(j.ResultCID, cid) || j.Provider != p0.Addr {
		t.Fatalf("finalized job lost its record: %+v", j)
	}
	paid := sub(payment, fee(payment))
	wantInt(t, "p0 balance", w.balance(client.S, p0.Addr), paid)
	wantInt(t, "p0 locked", w.providerInfo(client.S, p0.Addr).Locked, new(big.Int))
	wantErr(t, p1.S.Finalize(ctx, job.ID), settlement.ErrWrongStatus, "-")
	wantErr(t, p1.S.Accept(ctx, job.ID), settlement.ErrWrongStatus, "-")

	got, err := p0.S.Withdraw(ctx)
	must(t, err)
	wantInt(t, "withdrawn", got, paid)
	wantInt(t, "p0 tokens", w.tokens(p0.Addr), add(deploy.Token(800), paid))
	wantInt(t, "p0 balance", w.balance(p0.S, p0.Addr), new(big.Int))
	_, err = p0.S.Withdraw(ctx)
	wantErr(t, err, settlement.ErrNothingToDo, "NothingToWithdraw")

	_, err = client.S.Job(ctx, 99)
	wantErr(t, err, settlement.ErrUnknownJob, "-")
	wantErr(t, p0.S.Accept(ctx, 99), settlement.ErrUnknownJob, "-")
	_, err = client.S.Panel(ctx, 99, true)
	wantErr(t, err, settlement.ErrUnknownJob, "-")
	wantErr(t, p0.S.CommitReplica(ctx, 99, cid, [32]byte{1}), settlement.ErrUnknownJob, "-")
}

// TestPostJobRequests checks requests before anything is sent, and the contract's own checks.
func TestPostJobRequests(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100))
	good := w.request(deploy.Token(1), deploy.Token(1), 1, time.Minute, time.Minute, 10*time.Second)
	tooBig := new(big.Int).Lsh(big.NewInt(1), 96)
	cases := []struct {
		name   string
		change func(*settlement.JobRequest)
		revert string
	}{
		{"no payment", func(r *settlement.JobRequest) { r.Payment = nil }, "-"},
		{"zero collateral", func(r *settlement.JobRequest) { r.Collateral = new(big.Int) }, "-"},
		{"no replicas", func(r *settlement.JobRequest) { r.Replicas = 0 }, "-"},
		{"accept-by in the past", func(r *settlement.JobRequest) { r.AcceptBy = w.chainTime().Add(-time.Second) }, "-"},
		{"result-by before accept-by", func(r *settlement.JobRequest) { r.ResultBy = r.AcceptBy }, "-"},
		{"fractional window", func(r *settlement.JobRequest) { r.ChallengeWindow = 1500 * time.Millisecond }, "-"},
		{"payment over uint96", func(r *settlement.JobRequest) { r.Payment = tooBig }, "-"},
		{"collateral over uint96", func(r *settlement.JobRequest) { r.Collateral = tooBig }, "-"},
		{"ten replicas", func(r *settlement.JobRequest) { r.Replicas = 10 }, "BadRequest"},
		{"window below the minimum", func(r *settlement.JobRequest) { r.ChallengeWindow = 2 * time.Second }, "BadRequest"},
		{"collateral below the minimum", func(r *settlement.JobRequest) { r.Collateral = big.NewInt(1) }, "BadRequest"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := good
			tc.change(&req)
			since := client.Sender.Mark()
			_, err := client.S.PostJob(ctx, req)
			wantErr(t, err, settlement.ErrBadRequest, tc.revert)
			if n := len(since()); n != 0 {
				t.Errorf("a refused post sent %d transactions", n)
			}
		})
	}
	// More than the balance: the token refuses (the permit itself is fine).
	req := good
	req.Payment = deploy.Token(1000)
	_, err := client.S.PostJob(ctx, req)
	wantErr(t, err, settlement.ErrInsufficient, "ERC20InsufficientBalance")
	wantInt(t, "client tokens", w.tokens(client.Addr), deploy.Token(100))
}

// TestPostJobApprovePath posts without a permit signer: approve (only when short), then post.
func TestPostJobApprovePath(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100), noPermit)
	req := w.request(deploy.Token(7), deploy.Token(1), 1, time.Minute, time.Minute, 10*time.Second)
	since := client.Sender.Mark()
	job, err := client.S.PostJob(ctx, req)
	must(t, err)
	sent := since()
	if len(sent) != 2 || !bytes.HasPrefix(sent[0].tx.Data, tokenSelector("approve")) || !bytes.HasPrefix(sent[1].tx.Data, selector("postJob")) ||
		sent[0].tx.ID != sent[1].tx.ID+"/approve/0" {
		t.Fatalf("approve path sent %v", ids(sent))
	}
	wantInt(t, "client tokens", w.tokens(client.Addr), deploy.Token(93))
	wantStatus(t, w.job(client.S, job.ID), settlement.StatusOpen)

	// An allowance that covers the payment: no approval.
	_, err = w.c.Approve(client.Account, w.c.Addr.Market, deploy.Token(50))
	must(t, err)
	since = client.Sender.Mark()
	job2, err := client.S.PostJob(ctx, req) // the identical request again is a second job
	must(t, err)
	if sent := since(); len(sent) != 1 || !bytes.HasPrefix(sent[0].tx.Data, selector("postJob")) {
		t.Fatalf("post with allowance sent %v", ids(sent))
	}
	if job2.ID != job.ID+1 {
		t.Fatalf("second post has ID %d, want %d", job2.ID, job.ID+1)
	}
	wantInt(t, "client tokens", w.tokens(client.Addr), deploy.Token(86))

	// A permit signer with an allowance already in place: plain postJob, no signature needed.
	permitted := w.actorFor(client.Account)
	since = permitted.Sender.Mark()
	_, err = permitted.S.PostJob(ctx, w.request(deploy.Token(7), deploy.Token(1), 1, time.Minute, time.Minute, 10*time.Second))
	must(t, err)
	if sent := since(); len(sent) != 1 || !bytes.HasPrefix(sent[0].tx.Data, selector("postJob")) {
		t.Fatalf("permit signer with allowance sent %v", ids(sent))
	}
}

// TestPostJobPlainToken deploys Brine on an ERC-20 without ERC-2612: a Settlement with a
// signer finds no permit support and approves.
func TestPostJobPlainToken(t *testing.T) {
	w := newWorld(t)
	plainAddr, addrs := deployOnPlainToken(t, w)
	a := w.c.MustAccount(t, "client", nil)
	mintPlain(t, w, plainAddr, a.Addr, deploy.Token(20))
	client := w.actorFor(a, withAddresses(addrs))
	since := client.Sender.Mark()
	job, err := client.S.PostJob(ctx, w.request(deploy.Token(5), deploy.Token(1), 1, time.Minute, time.Minute, 10*time.Second))
	must(t, err)
	sent := since()
	if len(sent) != 2 || sent[0].tx.To != plainAddr || !bytes.HasPrefix(sent[1].tx.Data, selector("postJob")) {
		t.Fatalf("post on a plain token sent %v", ids(sent))
	}
	held, err := bind.Call(w.c.TokenABI.Instance(w.c.Client, plainAddr), nil, w.c.TokenABI.PackBalanceOf(addrs.Market), w.c.TokenABI.UnpackBalanceOf)
	must(t, err)
	wantInt(t, "market holds", held, deploy.Token(5))
	wantStatus(t, w.job(client.S, job.ID), settlement.StatusOpen)

	// The wiring check refuses a mixed set of addresses.
	mixed := addrs
	mixed.Token = w.c.Addr.Token
	_, err = onchain.New(ctx, onchain.Config{Client: w.c.Client, Addresses: mixed})
	if err == nil || !strings.Contains(err.Error(), "not one deployment") {
		t.Fatalf("mixed addresses: err = %v", err)
	}
}

// TestReclaimAndTimeout ends one job unaccepted and one without a result.
func TestReclaimAndTimeout(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100))
	p0 := w.provider("p0", deploy.Token(200))
	anyone := w.actor("anyone", nil)
	payment, collateral := deploy.Token(10), deploy.Token(3)

	a, err := client.S.PostJob(ctx, w.request(payment, collateral, 1, 10*time.Second, 20*time.Second, 5*time.Second))
	must(t, err)
	b, err := client.S.PostJob(ctx, w.request(payment, collateral, 1, 10*time.Second, 20*time.Second, 5*time.Second))
	must(t, err)
	must(t, p0.S.Accept(ctx, b.ID))

	wantErr(t, anyone.S.Reclaim(ctx, a.ID), settlement.ErrTooEarly, "TooEarly")
	wantErr(t, anyone.S.Reclaim(ctx, b.ID), settlement.ErrWrongStatus, "-")
	wantErr(t, anyone.S.ClaimTimeout(ctx, b.ID), settlement.ErrTooEarly, "TooEarly")
	wantErr(t, anyone.S.ClaimTimeout(ctx, a.ID), settlement.ErrWrongStatus, "-")

	w.c.Advance(11 * time.Second)
	wantErr(t, p0.S.Accept(ctx, a.ID), settlement.ErrTooLate, "TooLate")
	must(t, anyone.S.Reclaim(ctx, a.ID))
	wantStatus(t, w.job(client.S, a.ID), settlement.StatusReclaimed)
	wantInt(t, "client balance", w.balance(client.S, client.Addr), payment)
	wantErr(t, anyone.S.Reclaim(ctx, a.ID), settlement.ErrWrongStatus, "-")

	w.c.Advance(20 * time.Second)
	wantErr(t, p0.S.CommitResult(ctx, b.ID, []byte("late")), settlement.ErrTooLate, "TooLate")
	must(t, anyone.S.ClaimTimeout(ctx, b.ID))
	wantStatus(t, w.job(client.S, b.ID), settlement.StatusTimedOut)
	wantInt(t, "client balance", w.balance(client.S, client.Addr), add(payment, payment, collateral))
	info := w.providerInfo(client.S, p0.Addr)
	wantInt(t, "p0 staked", info.Staked, sub(deploy.Token(200), collateral))
	wantInt(t, "p0 locked", info.Locked, new(big.Int))

	got, err := client.S.Withdraw(ctx)
	must(t, err)
	wantInt(t, "client withdrew", got, add(payment, payment, collateral))
}

// TestFinalizeBatch settles jobs of two providers in one finalizeBatch, grouped by provider.
func TestFinalizeBatch(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100))
	p0 := w.provider("p0", deploy.Token(200))
	p1 := w.provider("p1", deploy.Token(200))
	payment := deploy.Token(3)
	var all []settlement.JobID
	for i := 0; i < 6; i++ {
		job, err := client.S.PostJob(ctx, w.request(payment, deploy.Token(1), 1, time.Minute, time.Minute, 4*time.Second))
		must(t, err)
		p := []*actor{p0, p1}[i%2]
		must(t, p.S.Accept(ctx, job.ID))
		must(t, p.S.CommitResult(ctx, job.ID, []byte{byte(i + 1)}))
		all = append(all, job.ID)
	}
	// One not yet finalizable job stops the whole call before anything is sent.
	since := client.Sender.Mark()
	wantErr(t, client.S.Finalize(ctx, all...), settlement.ErrTooEarly, "-")
	if n := len(since()); n != 0 {
		t.Fatalf("a refused batch sent %d transactions", n)
	}
	w.c.Advance(4 * time.Second)

	shuffled := []settlement.JobID{all[3], all[0], all[5], all[1], all[4], all[2], all[0]} // one twice
	must(t, client.S.Finalize(ctx, shuffled...))
	sent := since()
	if len(sent) != 1 || !bytes.HasPrefix(sent[0].tx.Data, selector("finalizeBatch")) {
		t.Fatalf("finalize sent %v, want one finalizeBatch", ids(sent))
	}
	// Jobs of one provider are consecutive, so the market credits each provider once.
	var finalizedBy []common.Address
	credits := 0
	for _, l := range sent[0].receipt.Logs {
		if ev, err := marketABI.UnpackJobFinalizedEvent(l); err == nil {
			finalizedBy = append(finalizedBy, ev.Provider)
		}
		if _, err := marketABI.UnpackCreditedEvent(l); err == nil {
			credits++
		}
	}
	if len(finalizedBy) != 6 || credits != 2 || !grouped(finalizedBy) {
		t.Fatalf("batch finalized %v with %d credits; want 6 jobs grouped by provider, 2 credits", finalizedBy, credits)
	}
	for _, id := range all {
		wantStatus(t, w.job(client.S, id), settlement.StatusFinalized)
	}
	each := mul(sub(payment, fee(payment)), 3)
	wantInt(t, "p0 balance", w.balance(client.S, p0.Addr), each)
	wantInt(t, "p1 balance", w.balance(client.S, p1.Addr), each)
	wantErr(t, client.S.Finalize(ctx, all[0], all[1]), settlement.ErrWrongStatus, "-")
	must(t, client.S.Finalize(ctx)) // nothing to do
}

func grouped(xs []common.Address) bool {
	seen := map[common.Address]bool{}
	for i, x := range xs {
		if i > 0 && xs[i-1] != x && seen[x] {
			return false
		}
		seen[x] = true
	}
	return true
}

// TestFinalizeBatchChunks settles 101 jobs: two finalizeBatch transactions (100 + 1).
func TestFinalizeBatchChunks(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(1000))
	p0 := w.provider("p0", deploy.Token(300))
	var all []settlement.JobID
	for i := 0; i < 101; i++ {
		job, err := client.S.PostJob(ctx, w.request(big.NewInt(1000), deploy.Token(1), 1, time.Minute, time.Minute, 4*time.Second))
		must(t, err)
		must(t, p0.S.Accept(ctx, job.ID))
		must(t, p0.S.CommitResult(ctx, job.ID, []byte("r")))
		all = append(all, job.ID)
	}
	w.c.Advance(4 * time.Second)
	since := client.Sender.Mark()
	must(t, client.S.Finalize(ctx, all...))
	sent := since()
	if len(sent) != 2 {
		t.Fatalf("101 jobs took %d transactions, want 2", len(sent))
	}
	if n := finalizedIn(sent[0].receipt); n != 100 || finalizedIn(sent[1].receipt) != 1 {
		t.Fatalf("chunks finalized %d and %d jobs", finalizedIn(sent[0].receipt), finalizedIn(sent[1].receipt))
	}
	// 1000 base units at 1%: 10 fee, 990 paid, per job.
	wantInt(t, "p0 balance", w.balance(client.S, p0.Addr), big.NewInt(990*101))
	live, err := client.S.Jobs(ctx, settlement.JobFilter{Live: true}, 0)
	must(t, err)
	if len(live) != 0 {
		t.Fatalf("%d jobs still live", len(live))
	}
}

func finalizedIn(r *types.Receipt) int {
	n := 0
	for _, l := range r.Logs {
		if _, err := marketABI.UnpackJobFinalizedEvent(l); err == nil {
			n++
		}
	}
	return n
}

func tokenSelector(method string) []byte { return tokenABI.GetABI().Methods[method].ID }

var tokenABI = bindings.NewBrineToken()

// deployOnPlainToken deploys testdata/PlainToken.bin and a second Brine deployment on it.
func deployOnPlainToken(t *testing.T, w *world) (common.Address, deploy.Addresses) {
	t.Helper()
	bin, err := os.ReadFile("testdata/PlainToken.bin")
	must(t, err)
	opts := w.c.Opts(w.c.Owner)
	plain, tx, err := bind.DeployContract(opts, common.FromHex(strings.TrimSpace(string(bin))), w.c.Client, nil)
	must(t, err)
	_, err = bind.WaitDeployed(ctx, w.c.Client, tx.Hash())
	must(t, err)
	mintPlain(t, w, plain, w.c.Owner.Addr, deploy.Token(1)) // lent to the deploy tool's test transfer
	cfg := w.c.Config
	cfg.Token = plain
	addrs, err := deploy.Deploy(ctx, w.c.Client, w.c.Opts(w.c.Owner), cfg)
	must(t, err)
	return plain, *addrs
}

// mintPlain mints PlainToken (its mint has BrineToken's signature; anyone may call it).
func mintPlain(t *testing.T, w *world, token, to common.Address, amount *big.Int) {
	t.Helper()
	_, err := w.c.Send(w.c.Owner, w.c.TokenABI.Instance(w.c.Client, token), w.c.TokenABI.PackMint(to, amount))
	must(t, err)
}
