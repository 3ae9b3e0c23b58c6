package node_test

import (
	"context"
	"crypto/rand"
	"errors"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/brine-compute/brine/internal/testharness/testnode"
	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/node/executor/wasm"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// TestFailureRecordsArePaid: jobs that fail because of their own module or program (a
// non-zero exit, a module that does not compile, too little memory, past the time limit) are
// accepted and run, and the provider commits a failure record as their result: the record
// says what happened (the exit code and each stream's log tail; the limit that was hit), the
// client downloads it verified against the on-chain CID, and the job finalizes like any
// other: the provider is paid payment minus fee and its collateral unlocked, and the client
// can claim no timeout. The node's record (over /brine/status too) says the result is a
// failure record and how the job failed, in the executor's words.
func TestFailureRecordsArePaid(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	ctx := context.Background()
	p := stakedProvider(t, m, "provider")
	n := p.start(t, nil, dishonest.Honest)
	c := newClient(t, m)
	greet := c.module(t, guest(t))
	junk := make([]byte, 4096)
	if _, err := rand.Read(junk); err != nil {
		t.Fatal(err)
	}
	notWasm := c.module(t, junk)
	lockedBefore := providerInfo(t, m, p.acct.Account(), head(t)).Locked

	cases := []struct {
		name   string
		doc    string
		prefix string // of the node's failure text
		want   results.FailureRecord
		stderr string // a part of the record's stderr tail
	}{
		{"exit code", greetDoc(greet, "", 0, ""), "exit code 2: ",
			results.FailureRecord{Version: 1, Reason: results.FailExitCode, ExitCode: 2}, "name.txt"},
		{"bad module", greetDoc(notWasm, "junk", 0, ""), "bad spec: the module does not compile",
			results.FailureRecord{Version: 1, Reason: results.FailBadModule}, ""},
		{"out of memory", greetDoc(greet, "tiny", 0, "resources: {cpu: 1, memory: 1MiB, disk: 16MiB, time: 5s}\n"), "out of memory (limit 1MiB)",
			results.FailureRecord{Version: 1, Reason: results.FailOutOfMemory, LimitBytes: 1 << 20}, ""},
		{"time limit", greetDoc(greet, "slow", 2_000_000_000, "resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 1s}\n"), "time limit 1s exceeded",
			results.FailureRecord{Version: 1, Reason: results.FailTimeLimit, LimitTime: "1s"}, ""},
	}
	jobs := make([]settlement.Job, len(cases))
	for i, tc := range cases {
		jobs[i] = c.postDoc(t, tc.doc)
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id := jobs[i].ID
			committed := waitJob(t, c.acct, id, "committed", 45*time.Second, func(j settlement.Job) bool { return j.Status >= settlement.StatusCommitted })
			if committed.Provider != p.acct.Account() {
				t.Fatalf("provider %s, want %s", committed.Provider, p.acct.Account())
			}
			rec := waitRecord(t, n, id, "committed", 10*time.Second, func(r store.JobRecord) bool { return r.State >= store.StateCommitted })
			if rec.State == store.StateFailed || !strings.HasPrefix(rec.Failure, tc.prefix) || !slices.Equal(rec.ResultCID, committed.ResultCID) {
				t.Fatalf("the node's record: %s, failure %q, result %x; want committed %x with a failure %q…", rec.State, rec.Failure, rec.ResultCID, committed.ResultCID, tc.prefix)
			}

			// The client downloads the record, verified against the commitment.
			data, got, err := providers.FetchJobResult(ctx, c.host, c.acct, committed, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			if want, _ := results.ParseCommitment(committed.ResultCID); !got.Equals(want) {
				t.Fatalf("fetched %s, committed %s", got, want)
			}
			fr, ok, err := results.ReadFailure(data)
			if err != nil || !ok {
				t.Fatalf("the result is not a failure record: %v, %v", ok, err)
			}
			want := tc.want
			want.StderrTail, want.StdoutTail = fr.StderrTail, fr.StdoutTail
			if fr != want || !strings.Contains(fr.StderrTail, tc.stderr) || tc.stderr == "" && fr.StderrTail != "" {
				t.Fatalf("record %+v, want %+v with %q in its stderr tail", fr, tc.want, tc.stderr)
			}
			t.Logf("job %d: %s", id, fr)

			// Paid like any result, once the challenge window closed; no timeout to claim.
			waitJob(t, c.acct, id, "finalized", 30*time.Second, status(settlement.StatusFinalized))
			fin := waitEvent(t, c.acct, id, settlement.EventJobFinalized, 5*time.Second)
			if pay := new(big.Int).Sub(committed.Payment, fee(committed.Payment, committed.FeeBps)); fin.Account != p.acct.Account() || fin.Amount.Cmp(pay) != 0 {
				t.Errorf("finalized paying %s to %s, want payment minus fee %s to the provider", fin.Amount, fin.Account, pay)
			}
			if err := c.acct.ClaimTimeout(ctx, id); !errors.Is(err, settlement.ErrWrongStatus) && !errors.Is(err, settlement.ErrUnknownJob) {
				t.Errorf("ClaimTimeout of a job with a failure record: %v, want refused", err)
			}
			if n := countEvents(t, c.acct, id, settlement.EventJobTimedOut); n != 0 {
				t.Errorf("%d JobTimedOut events", n)
			}
			rec = waitRecordState(t, n, id, store.StateDone, 10*time.Second)
			st, err := providers.FetchJobStatus(ctx, c.host, c.acct, committed)
			if err != nil {
				t.Fatal(err)
			}
			if st.Job != uint64(id) || st.Role != "provider" || st.State != "done" || st.Failure != rec.Failure || st.Attempts != 1 {
				t.Fatalf("the client got %+v; the node recorded %s, %q after %d attempt(s)", st, rec.State, rec.Failure, rec.Attempts)
			}
		})
	}
	// Every job's collateral is unlocked again.
	if locked := providerInfo(t, m, p.acct.Account(), head(t)).Locked; locked.Cmp(lockedBefore) != 0 {
		t.Errorf("the provider's locked stake is %s after the jobs settled, %s before", locked, lockedBefore)
	}

	// A job the node has no record of, and a job without a provider.
	if _, err := c.host.FetchStatus(ctx, n.Host().AddrInfo(), 1<<40); !errors.Is(err, p2p.ErrNotFound) {
		t.Errorf("status of a job the node never saw: %v, want not found", err)
	}
	if _, err := providers.FetchJobStatus(ctx, c.host, c.acct, settlement.Job{ID: 1, Status: settlement.StatusOpen}); err == nil {
		t.Error("FetchJobStatus of a job without a provider asked someone")
	}
}

// TestNodeSideFailureCommitsNothing: a job that fails for a reason of the node's own (here a
// wasm executor configured for smaller modules than the job's) gets no failure record: the
// node records it Failed with the reason and commits nothing, so the job times out at the
// provider's expense as before. Only the program's own failures are committed.
func TestNodeSideFailureCommitsNothing(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	ctx := context.Background()
	p := stakedProvider(t, m, "provider")
	w := testnode.Wasm(t, wasm.Config{MaxModuleBytes: 1024})
	n := p.start(t, w, dishonest.Honest)
	c := newClient(t, m)
	job := c.postDoc(t, greetDoc(c.module(t, guest(t)), "small", 0, ""))
	rec := waitRecord(t, n, job.ID, "failed", 45*time.Second, func(r store.JobRecord) bool { return r.State.Terminal() })
	if rec.State != store.StateFailed || !strings.Contains(rec.Reason, "this node runs modules of at most 1KiB") || rec.Failure != "" || len(rec.ResultCID) != 0 {
		t.Fatalf("the node's record: %s, %q, failure %q, result %x; want failed, nothing committed", rec.State, rec.Reason, rec.Failure, rec.ResultCID)
	}
	if j, _ := c.acct.Job(ctx, job.ID); j.Status != settlement.StatusAccepted || len(j.ResultCID) != 0 {
		t.Fatalf("on chain: %s with result %x; want accepted, nothing committed", j.Status, j.ResultCID)
	}
}

// TestChallengedFailureRecordIsRejected: a client challenges the failure record an honest
// provider committed for its failing job; the drawn verifiers re-run the job, fail the same
// way, build the same record (the same CID) and reject the challenge; the provider is paid at
// finalize as for any result.
func TestChallengedFailureRecordIsRejected(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	ctx := context.Background()
	prov := stakedProvider(t, m, "provider")
	panel := honestPanel(t, m, prov.acct.Account(), 4)
	prov.start(t, nil, dishonest.Honest)
	c := newClient(t, m)

	job := c.postDoc(t, greetDoc(c.module(t, guest(t)), "", 0, "challenge_window: 20s\n"))
	committed := waitJob(t, c.acct, job.ID, "committed", 45*time.Second, status(settlement.StatusCommitted))
	if committed.Provider != prov.acct.Account() {
		t.Fatalf("provider %s, want %s", committed.Provider, prov.acct.Account())
	}
	if err := c.acct.Challenge(ctx, job.ID); err != nil {
		t.Fatal(err)
	}
	resolved := waitEvent(t, c.acct, job.ID, settlement.EventChallengeResolved, 60*time.Second)
	drawn := waitEvent(t, c.acct, job.ID, settlement.EventVerifiersDrawn, time.Second).Verifiers
	t.Logf("drawn %v; resolved %s (%d agree, %d disagree)", drawn, resolved.Outcome, resolved.Agree, resolved.Disagree)
	if len(drawn) == 0 || resolved.Outcome != settlement.OutcomeRejected || resolved.Agree != len(drawn) || resolved.Disagree != 0 {
		t.Fatalf("%d drawn, outcome %s with %d agree, %d disagree; want rejected with every verifier agreeing", len(drawn), resolved.Outcome, resolved.Agree, resolved.Disagree)
	}
	for _, v := range drawn {
		vn := panel[v]
		if vn == nil {
			t.Fatalf("drew %s, which runs no honest node", v)
		}
		rec := waitRecordState(t, vn, job.ID, store.StateDone, 10*time.Second)
		if rec.Role != store.RoleVerifier || !slices.Equal(rec.ResultCID, committed.ResultCID) || !strings.HasPrefix(rec.Failure, "exit code 2: ") {
			t.Errorf("verifier %s: %s, result %x, failure %q; want the committed record %x", v, rec.Role, rec.ResultCID, rec.Failure, committed.ResultCID)
		}
	}
	fin := waitEvent(t, c.acct, job.ID, settlement.EventJobFinalized, 30*time.Second)
	if pay := new(big.Int).Sub(committed.Payment, fee(committed.Payment, committed.FeeBps)); fin.Account != prov.acct.Account() || fin.Amount.Cmp(pay) != 0 {
		t.Errorf("finalized paying %s to %s, want payment minus fee %s to the provider", fin.Amount, fin.Account, pay)
	}
	checkBooks(t, m)
}

// head is the chain's latest block number.
func head(t *testing.T) uint64 {
	t.Helper()
	b, err := eth.BlockNumber(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return b
}
