package onchain_test

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

func jobIDs(jobs []settlement.Job) []settlement.JobID {
	out := make([]settlement.JobID, len(jobs))
	for i, j := range jobs {
		out[i] = j.ID
	}
	return out
}

// TestJobsFilter lists jobs by client, provider, status and liveness, newest first.
func TestJobsFilter(t *testing.T) {
	w := newWorld(t)
	alice := w.actor("alice", deploy.Token(100))
	bob := w.actor("bob", deploy.Token(100))
	p0 := w.provider("p0", deploy.Token(200))
	p1 := w.provider("p1", deploy.Token(200))
	post := func(c *actor) settlement.JobID {
		j, err := c.S.PostJob(ctx, w.request(deploy.Token(1), deploy.Token(1), 1, time.Minute, time.Minute, 4*time.Second))
		must(t, err)
		return j.ID
	}
	j1, j2, j3, j4 := post(alice), post(alice), post(bob), post(alice)
	must(t, p0.S.Accept(ctx, j1))
	must(t, p1.S.Accept(ctx, j2))
	must(t, p0.S.CommitResult(ctx, j1, []byte("r1")))
	w.c.Advance(4 * time.Second)
	must(t, bob.S.Finalize(ctx, j1))

	reader := w.actor("reader", nil) // any account reads the same index
	cases := []struct {
		name   string
		filter settlement.JobFilter
		limit  int
		want   []settlement.JobID
	}{
		{"all", settlement.JobFilter{}, 0, []settlement.JobID{j4, j3, j2, j1}},
		{"limit", settlement.JobFilter{}, 2, []settlement.JobID{j4, j3}},
		{"client", settlement.JobFilter{Client: alice.Addr}, 0, []settlement.JobID{j4, j2, j1}},
		{"client and limit", settlement.JobFilter{Client: alice.Addr}, 1, []settlement.JobID{j4}},
		{"provider", settlement.JobFilter{Provider: p0.Addr}, 0, []settlement.JobID{j1}},
		{"status open", settlement.JobFilter{Status: settlement.StatusOpen}, 0, []settlement.JobID{j4, j3}},
		{"status accepted", settlement.JobFilter{Status: settlement.StatusAccepted}, 0, []settlement.JobID{j2}},
		{"status finalized", settlement.JobFilter{Status: settlement.StatusFinalized}, 0, []settlement.JobID{j1}},
		{"live", settlement.JobFilter{Live: true}, 0, []settlement.JobID{j4, j3, j2}},
		{"live of alice", settlement.JobFilter{Client: alice.Addr, Live: true}, 0, []settlement.JobID{j4, j2}},
		{"nobody's", settlement.JobFilter{Client: common.HexToAddress("0x1")}, 0, []settlement.JobID{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := reader.S.Jobs(ctx, tc.filter, tc.limit)
			must(t, err)
			if ids := jobIDs(got); !slices.Equal(ids, tc.want) {
				t.Errorf("Jobs = %v, want %v", ids, tc.want)
			}
		})
	}
}

// TestAcceptRace: two providers race for one job through two Settlements. The loser's
// transaction carries the record it read before the winner's accept; the market calls it
// stale, the loser resyncs, sees the job accepted and reports ErrWrongStatus.
func TestAcceptRace(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100))
	p0 := w.provider("p0", deploy.Token(200))
	p1 := w.provider("p1", deploy.Token(200))
	job, err := client.S.PostJob(ctx, w.request(deploy.Token(5), deploy.Token(2), 1, time.Minute, time.Minute, 4*time.Second))
	must(t, err)

	calls := p1.Sender.calls
	raced := 0
	p1.Sender.before = func(tx onchain.Tx) error {
		if raced == 0 {
			raced++
			return p0.S.Accept(ctx, job.ID) // lands between p1's read and p1's transaction
		}
		return nil
	}
	err = p1.S.Accept(ctx, job.ID)
	if raced != 1 {
		t.Fatalf("the race hook ran %d times", raced)
	}
	wantErr(t, err, settlement.ErrWrongStatus, "-")
	if n := p1.Sender.calls - calls; n != 1 {
		t.Errorf("p1 sent %d times, want 1 (the stale attempt; the retry stops at the status check)", n)
	}
	j := w.job(p1.S, job.ID)
	if j.Status != settlement.StatusAccepted || j.Provider != p0.Addr {
		t.Fatalf("after the race: %+v", j)
	}
	wantInt(t, "p1 locked", w.providerInfo(p1.S, p1.Addr).Locked, new(big.Int))
	wantInt(t, "p0 locked", w.providerInfo(p1.S, p0.Addr).Locked, deploy.Token(2))
}

// TestStaleRecordRetry: a StaleJobRecord from the sender makes the Settlement resync and send
// once more; a second one is returned as ErrStaleRecord.
func TestStaleRecordRetry(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100))
	p0 := w.provider("p0", deploy.Token(200))
	job, err := client.S.PostJob(ctx, w.request(deploy.Token(5), deploy.Token(2), 1, time.Minute, time.Minute, 4*time.Second))
	must(t, err)

	stale := func(n int) func(onchain.Tx) error {
		return func(tx onchain.Tx) error {
			if n == 0 {
				return nil
			}
			n--
			// As the transaction manager reports a revert at gas estimation.
			return fmt.Errorf("txmgr: call would revert; not sent: %w", &reverts.Error{Name: "StaleJobRecord", Args: []any{big.NewInt(int64(job.ID))}})
		}
	}
	calls := p0.Sender.calls
	p0.Sender.before = stale(2)
	err = p0.S.Accept(ctx, job.ID)
	wantErr(t, err, settlement.ErrStaleRecord, "StaleJobRecord")
	if n := p0.Sender.calls - calls; n != 2 {
		t.Fatalf("sent %d times, want 2", n)
	}
	wantStatus(t, w.job(p0.S, job.ID), settlement.StatusOpen)

	p0.Sender.before = stale(1)
	must(t, p0.S.Accept(ctx, job.ID))
	if n := p0.Sender.calls - calls; n != 4 {
		t.Fatalf("sent %d times in all, want 4", n)
	}
	wantStatus(t, w.job(p0.S, job.ID), settlement.StatusAccepted)
}

// TestReadOnly: a Settlement without a Sender reads and refuses to write.
func TestReadOnly(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100))
	job, err := client.S.PostJob(ctx, w.request(deploy.Token(5), deploy.Token(2), 1, time.Minute, time.Minute, 4*time.Second))
	must(t, err)
	ro, err := onchain.New(ctx, onchain.Config{Client: w.c.Client, Addresses: w.c.Addr})
	must(t, err)
	j, err := ro.Job(ctx, job.ID)
	must(t, err)
	if j.Client != client.Addr || j.Status != settlement.StatusOpen {
		t.Fatalf("read-only job: %+v", j)
	}
	wantInt(t, "balance", w.balance(ro, client.Addr), new(big.Int))
	writes := map[string]error{
		"post": func() error {
			_, err := ro.PostJob(ctx, w.request(deploy.Token(5), deploy.Token(2), 1, time.Minute, time.Minute, 4*time.Second))
			return err
		}(),
		"accept":   ro.Accept(ctx, job.ID),
		"stake":    ro.Stake(ctx, deploy.Token(1)),
		"finalize": ro.Finalize(ctx, job.ID),
		"vote":     ro.CommitVote(ctx, job.ID, []byte("x"), [32]byte{}),
		"withdraw": func() error { _, err := ro.Withdraw(ctx); return err }(),
	}
	for name, err := range writes {
		if !errors.Is(err, settlement.ErrNotAllowed) {
			t.Errorf("read-only %s: err = %v, want ErrNotAllowed", name, err)
		}
	}
}

func TestConfigCheck(t *testing.T) {
	w := newWorld(t)
	cases := []struct {
		name string
		cfg  onchain.Config
		ok   bool
	}{
		{"read-only", onchain.Config{Client: w.c.Client, Addresses: w.c.Addr}, true},
		{"no client", onchain.Config{Addresses: w.c.Addr}, false},
		{"no market", onchain.Config{Client: w.c.Client, Addresses: deploy.Addresses{Token: w.c.Addr.Token, Registry: w.c.Addr.Registry}}, false},
		{"sender without account", onchain.Config{Client: w.c.Client, Addresses: w.c.Addr, Sender: &testSender{}}, false},
		{"signer without sender", onchain.Config{Client: w.c.Client, Addresses: w.c.Addr, Account: w.c.Owner.Addr, Signer: keySigner{w.c.Owner.Key}}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.cfg.Check(); (err == nil) != tc.ok {
				t.Fatalf("Check() = %v, want ok=%v", err, tc.ok)
			}
			if _, err := onchain.New(ctx, tc.cfg); (err == nil) != tc.ok {
				t.Fatalf("New() = %v, want ok=%v", err, tc.ok)
			}
		})
	}
}

// TestReorg: a job whose post is reorganised away disappears from the index.
func TestReorg(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100))
	job, err := client.S.PostJob(ctx, w.request(deploy.Token(5), deploy.Token(2), 1, time.Minute, time.Minute, 4*time.Second))
	must(t, err)
	wantStatus(t, w.job(client.S, job.ID), settlement.StatusOpen)

	posted := client.Sender.Sent()[len(client.Sender.Sent())-1].receipt
	parent, err := w.c.Client.HeaderByNumber(ctx, new(big.Int).Sub(posted.BlockNumber, big.NewInt(1)))
	must(t, err)
	must(t, w.c.Sim.Fork(parent.Hash()))
	// On the new branch the client's nonce goes to a plain transfer instead of the post (with a
	// fee high enough to replace the post should the pool have taken it back).
	replaceWithTransfer(t, w, client, parent)
	w.c.Mine(1)

	_, err = client.S.Job(ctx, job.ID)
	wantErr(t, err, settlement.ErrUnknownJob, "-")
	all, err := client.S.Jobs(ctx, settlement.JobFilter{}, 0)
	must(t, err)
	if len(all) != 0 {
		t.Fatalf("after the reorg the index lists %v", jobIDs(all))
	}
}

func replaceWithTransfer(t *testing.T, w *world, a *actor, parent *types.Header) {
	t.Helper()
	nonce, err := w.c.Client.NonceAt(ctx, a.Addr, parent.Number)
	must(t, err)
	tip := big.NewInt(100e9)
	feeCap := new(big.Int).Add(new(big.Int).Mul(parent.BaseFee, big.NewInt(2)), tip)
	to := a.Addr
	repl := types.NewTx(&types.DynamicFeeTx{ChainID: w.c.ChainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21000, To: &to})
	signed, err := types.SignTx(repl, types.LatestSignerForChainID(w.c.ChainID), a.Key)
	must(t, err)
	must(t, w.c.Client.SendTransaction(ctx, signed)) // mines it
	r, err := w.c.Client.TransactionReceipt(ctx, signed.Hash())
	must(t, err)
	if r.BlockNumber.Cmp(new(big.Int).Add(parent.Number, big.NewInt(1))) != 0 {
		t.Fatalf("the replacement landed in block %s, want %s+1", r.BlockNumber, parent.Number)
	}
}

// TestIndexSelfHeal: an indexed record that disagrees with jobHash is never sent; the index is
// rebuilt and the step goes through with the chain's record.
func TestIndexSelfHeal(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100))
	p0 := w.provider("p0", deploy.Token(200))
	job, err := client.S.PostJob(ctx, w.request(deploy.Token(5), deploy.Token(2), 1, time.Minute, time.Minute, 4*time.Second))
	must(t, err)
	_, err = p0.S.Job(ctx, job.ID)
	must(t, err)
	onchain.CorruptRecord(p0.S, job.ID)
	calls := p0.Sender.calls
	must(t, p0.S.Accept(ctx, job.ID))
	if n := p0.Sender.calls - calls; n != 1 {
		t.Fatalf("sent %d times, want 1", n)
	}
	j := w.job(p0.S, job.ID)
	wantStatus(t, j, settlement.StatusAccepted)
	wantInt(t, "payment", j.Payment, deploy.Token(5))
}

// TestConcurrentUse reads through one Settlement from several goroutines while it posts.
func TestConcurrentUse(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100))
	done := make(chan struct{})
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for {
				select {
				case <-done:
					errs <- nil
					return
				default:
				}
				jobs, err := client.S.Jobs(ctx, settlement.JobFilter{Client: client.Addr}, 0)
				if err == nil && len(jobs) > 0 {
					_, err = client.S.Job(ctx, jobs[0].ID)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i := 0; i < 5; i++ {
		_, err := client.S.PostJob(ctx, w.request(deploy.Token(1), deploy.Token(1), 1, time.Minute, time.Minute, 4*time.Second))
		must(t, err)
	}
	close(done)
	for g := 0; g < 4; g++ {
		must(t, <-errs)
	}
	jobs, err := client.S.Jobs(ctx, settlement.JobFilter{}, 0)
	must(t, err)
	if len(jobs) != 5 {
		t.Fatalf("%d jobs, want 5", len(jobs))
	}
}
