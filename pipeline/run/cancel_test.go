package run

import (
	"context"
	"fmt"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/pipeline"
	"github.com/brine-compute/brine/settlement"
)

// chainJobs is a chain holding fixed jobs; Reclaim and ClaimTimeout end them as the market
// would, and refuse a job in another status.
type chainJobs struct {
	jobs     map[settlement.JobID]*settlement.Job
	reclaims []settlement.JobID
	claims   []settlement.JobID
}

func (c *chainJobs) Job(_ context.Context, id settlement.JobID) (settlement.Job, error) {
	j, ok := c.jobs[id]
	if !ok {
		return settlement.Job{}, settlement.ErrUnknownJob
	}
	return *j, nil
}

func (c *chainJobs) Reclaim(_ context.Context, id settlement.JobID) error {
	if c.jobs[id].Status != settlement.StatusOpen {
		return settlement.ErrWrongStatus
	}
	c.jobs[id].Status = settlement.StatusReclaimed
	c.reclaims = append(c.reclaims, id)
	return nil
}

func (c *chainJobs) ClaimTimeout(_ context.Context, id settlement.JobID) error {
	if c.jobs[id].Status != settlement.StatusAccepted {
		return settlement.ErrWrongStatus
	}
	c.jobs[id].Status = settlement.StatusTimedOut
	c.claims = append(c.claims, id)
	return nil
}

func TestCancelSaysWhatRunsAndCancelsTheRest(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	early, soon, late := now.Add(-time.Minute), now.Add(30*time.Second), now.Add(time.Minute)
	tokens := func(n int64) *big.Int { return big.NewInt(n * 1e18) }
	job := func(id settlement.JobID, st settlement.Status, acceptBy, resultBy time.Time, pay int64) *settlement.Job {
		return &settlement.Job{ID: id, Status: st, AcceptBy: acceptBy, ResultBy: resultBy, Payment: tokens(pay), Replicas: 1}
	}
	chain := &chainJobs{jobs: map[settlement.JobID]*settlement.Job{
		1: job(1, settlement.StatusFinalized, early, early, 2),
		2: job(2, settlement.StatusCommitted, early, late, 1),
		3: job(3, settlement.StatusAccepted, early, late, 1),   // running: cannot be stopped
		4: job(4, settlement.StatusAccepted, early, early, 1),  // past its deadline: claimed back
		5: job(5, settlement.StatusOpen, soon, late, 1),        // may still be accepted
		6: job(6, settlement.StatusOpen, early, late, 1),       // past its accept-by: reclaimed
		7: job(7, settlement.StatusReclaimed, early, early, 1), // a retry's first attempt
		8: job(8, settlement.StatusAccepted, early, late, 3),   // a given-up job still running
	}}
	at := func(id settlement.JobID, pay int64, closed string) *Attempt {
		return &Attempt{Job: id, Payment: tokens(pay).String(), Closed: closed, Settled: closed != "" && id == 7}
	}
	st := NewState(filepath.Join(t.TempDir(), "run.json"), common.Address{0xc}, common.Hash{1}, []byte(`{}`), ReadyCommitted, now)
	st.Steps = map[string]*StepState{
		"split": {Expanded: true, Jobs: []*Instance{{Attempts: []*Attempt{at(1, 2, "")}, CID: "bafy-split"}}},
		"count": {Expanded: true, Jobs: []*Instance{
			{Entry: "a", Attempts: []*Attempt{at(8, 3, "its input was overturned"), at(2, 1, "")}, CID: "bafy-a"},
			{Entry: "b", Attempts: []*Attempt{at(3, 1, "")}},
			{Entry: "c", Attempts: []*Attempt{at(4, 1, "")}},
			{Entry: "d", Attempts: []*Attempt{at(7, 1, "nobody accepted it"), at(5, 1, "")}},
			{Entry: "e", Attempts: []*Attempt{at(6, 1, "")}},
			{Entry: "f", Attempts: []*Attempt{{Payment: tokens(1).String()}}}, // post not seen mined
		}},
		"merge": {},
	}
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Parse([]byte(testPipeline), "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Cancel(context.Background(), p, st, chain, now)
	if err != nil {
		t.Fatal(err)
	}
	want := map[settlement.JobID]Fate{1: FatePaid, 2: FateWillBePaid, 3: FateWillRun, 4: FateClaimedBack, 5: FateMayRun,
		6: FateReclaimed, 7: FateEnded, 8: FateWillRun, 0: FateUnknown}
	if len(c.Jobs) != len(want) {
		t.Fatalf("%d jobs reported, want %d: %+v", len(c.Jobs), len(want), c.Jobs)
	}
	for _, j := range c.Jobs {
		if j.Fate != want[j.Job] {
			t.Errorf("job %d (%s[%s]): %q, want %q", j.Job, j.Step, j.Entry, j.Fate, want[j.Job])
		}
	}
	for _, j := range c.Jobs {
		switch j.Job {
		case 3, 8:
			if j.Until == nil || !j.Until.Equal(late) {
				t.Errorf("job %d: until %v, want its result deadline %v", j.Job, j.Until, late)
			}
		case 5:
			if j.Until == nil || !j.Until.Equal(soon) {
				t.Errorf("job 5: until %v, want its accept-by %v", j.Until, soon)
			}
		}
	}
	if len(chain.reclaims) != 1 || chain.reclaims[0] != 6 || len(chain.claims) != 1 || chain.claims[0] != 4 {
		t.Errorf("reclaimed %v and claimed back %v; want [6] and [4]", chain.reclaims, chain.claims)
	}
	for name, got := range map[string]*big.Int{"paid": c.Paid, "will pay": c.WillPay, "may pay": c.MayPay, "refunded": c.Refunded} {
		wantAmount := map[string]*big.Int{"paid": tokens(2), "will pay": tokens(1 + 1 + 3), "may pay": tokens(1 + 1), "refunded": tokens(2)}[name]
		if got.Cmp(wantAmount) != 0 {
			t.Errorf("%s: %s, want %s", name, got, wantAmount)
		}
	}
	if len(c.NotPosted) != 1 || c.NotPosted[0] != "merge" {
		t.Errorf("not posted: %v; want merge (none of its jobs listed yet)", c.NotPosted)
	}
	disk, err := Load(st.FilePath())
	if err != nil || !disk.Cancelled {
		t.Fatalf("the state on disk is not cancelled (%v)", err)
	}
	// Again, once job 5's accept-by has passed: it is reclaimed, nothing else changes.
	again, err := Cancel(context.Background(), p, disk, chain, soon.Add(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range again.Jobs {
		if j.Job == 5 && j.Fate != FateReclaimed {
			t.Errorf("job 5 after its accept-by: %q, want reclaimed", j.Fate)
		}
	}
	if len(chain.reclaims) != 2 || len(chain.claims) != 1 {
		t.Errorf("the second cancel reclaimed %v and claimed %v; only job 5 was due", chain.reclaims, chain.claims)
	}
}

func TestCancelListsJobsNotYetPosted(t *testing.T) {
	st := NewState(filepath.Join(t.TempDir(), "run.json"), common.Address{0xc}, common.Hash{1}, []byte(`{}`), ReadyFinalized, time.Now())
	st.Steps = map[string]*StepState{"split": {Expanded: true, Jobs: []*Instance{{CID: "bafy-split"}}},
		"count": {Expanded: true, Jobs: []*Instance{{Entry: "a"}, {Entry: "b", Failed: "over budget"}}}}
	p, err := pipeline.Parse([]byte(testPipeline), "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Cancel(context.Background(), p, st, &chainJobs{}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(c.NotPosted) != "[count[a] merge]" || len(c.Jobs) != 0 {
		t.Errorf("not posted %v, jobs %v; want [count[a] merge] and none", c.NotPosted, c.Jobs)
	}
}
