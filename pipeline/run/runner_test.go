package run

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/pipeline"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

var (
	client        = common.Address{0xc}
	provA, provB  = common.Address{0xa}, common.Address{0xb}
	errNotAllowed = errors.New("test: not allowed")
)

// fate is what becomes of a posted job: the statuses it shows, one per read (the last
// repeats), and who runs it.
type fate struct {
	statuses []settlement.Status
	provider common.Address
}

// market is a chain on which each posted job lives out the next fate of its step (by the
// spec's first argument), a second passing per read of the chain's time.
type market struct {
	mu        sync.Mutex
	t         *testing.T
	now       time.Time
	jobs      []*fakeJob
	fates     map[string][]fate // by step
	posts     map[string]int    // posts per step
	nextID    settlement.JobID
	result    map[settlement.JobID][]byte
	onPost    func(*fakeJob)
	finalized []settlement.JobID // by the run
	approved  []string           // ApprovePosts' totals, in base units
}

func (m *market) ApprovePosts(_ context.Context, total *big.Int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.approved = append(m.approved, total.String())
	return nil
}

type fakeJob struct {
	job   settlement.Job
	fate  fate
	reads int
	step  string
}

func newMarket(t *testing.T, fates map[string][]fate) *market {
	if fates == nil {
		fates = map[string][]fate{}
	}
	return &market{t: t, now: time.Unix(1_700_000_000, 0), fates: fates, posts: map[string]int{}, result: map[settlement.JobID][]byte{}}
}

func (m *market) HeaderByNumber(context.Context, *big.Int) (*types.Header, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.now = m.now.Add(time.Second)
	return &types.Header{Time: uint64(m.now.Unix()), Number: big.NewInt(m.now.Unix())}, nil
}

func (m *market) ProviderDirectory(context.Context) ([]settlement.ProviderInfo, error) {
	return nil, nil
}

// specs are the specs posted, by hash, so a job's step and result can be made from its spec.
var specs sync.Map

func (m *market) PostJob(_ context.Context, req settlement.JobRequest) (settlement.Job, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, _ := specs.Load(req.SpecHash)
	spec := v.(*jobspec.Spec)
	step := spec.Args[0]
	fates := m.fates[step]
	f := fate{statuses: []settlement.Status{settlement.StatusAccepted, settlement.StatusCommitted, settlement.StatusFinalized}, provider: provA}
	if n := m.posts[step]; n < len(fates) {
		f = fates[n]
	}
	m.posts[step]++
	m.nextID++
	j := &fakeJob{step: step, fate: f, job: settlement.Job{ID: m.nextID, Client: client, SpecHash: req.SpecHash, Status: settlement.StatusOpen,
		Payment: req.Payment, AcceptBy: req.AcceptBy, ResultBy: req.AcceptBy.Add(time.Minute), Replicas: 1}}
	m.jobs = append(m.jobs, j)
	m.result[j.job.ID] = archive(m.t, fmt.Sprintf("%s of job %d", step, j.job.ID))
	if m.onPost != nil {
		m.onPost(j)
	}
	return j.job, nil
}

func (m *market) Job(_ context.Context, id settlement.JobID) (settlement.Job, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, j := range m.jobs {
		if j.job.ID != id {
			continue
		}
		st := j.fate.statuses[min(j.reads, len(j.fate.statuses)-1)]
		j.reads++
		j.job.Status = st
		if st != settlement.StatusOpen {
			j.job.Provider = j.fate.provider
		}
		if st >= settlement.StatusCommitted && st != settlement.StatusTimedOut && st != settlement.StatusReclaimed {
			j.job.ResultCID = results.Commitment(results.CIDOf(m.result[id]))
			if j.job.CommittedAt.IsZero() {
				j.job.CommittedAt = m.now
			}
		}
		if st == settlement.StatusOpen || st == settlement.StatusAccepted {
			// Deadlines pass at once for a job whose fate ends unaccepted or unfinished.
			j.job.AcceptBy, j.job.ResultBy = m.now.Add(-time.Second), m.now.Add(-time.Second)
			if j.reads < len(j.fate.statuses) {
				j.job.AcceptBy, j.job.ResultBy = m.now.Add(time.Hour), m.now.Add(time.Hour)
			}
		}
		return j.job, nil
	}
	return settlement.Job{}, settlement.ErrUnknownJob
}

func (m *market) Jobs(_ context.Context, f settlement.JobFilter, _ int) ([]settlement.Job, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []settlement.Job
	for i := len(m.jobs) - 1; i >= 0; i-- {
		if f.Match(m.jobs[i].job) {
			out = append(out, m.jobs[i].job)
		}
	}
	return out, nil
}

func (m *market) Panel(context.Context, settlement.JobID, bool) (settlement.Panel, error) {
	return settlement.Panel{}, nil
}
func (m *market) Balance(context.Context, common.Address) (*big.Int, error) { return new(big.Int), nil }
func (m *market) Provider(context.Context, common.Address) (settlement.ProviderInfo, error) {
	return settlement.ProviderInfo{}, nil
}
func (m *market) Finalize(_ context.Context, ids ...settlement.JobID) error {
	m.mu.Lock()
	m.finalized = append(m.finalized, ids...)
	m.mu.Unlock()
	return m.end(ids[0], settlement.StatusFinalized)
}
func (m *market) Reclaim(_ context.Context, id settlement.JobID) error {
	return m.end(id, settlement.StatusReclaimed)
}
func (m *market) ClaimTimeout(_ context.Context, id settlement.JobID) error {
	return m.end(id, settlement.StatusTimedOut)
}

func (m *market) end(id settlement.JobID, st settlement.Status) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, j := range m.jobs {
		if j.job.ID == id {
			j.fate.statuses = []settlement.Status{st}
			j.reads = 0
			return nil
		}
	}
	return errNotAllowed
}

// nodes take every spec offered (remembering it for the market) and serve each job's result.
type nodes struct {
	m       *market
	mu      sync.Mutex // a round's posts offer their specs at once
	avoided [][]common.Address
	fetches int
}

func (n *nodes) ServeModule(*jobspec.Spec, []byte) error { return nil }
func (n *nodes) Push(_ context.Context, _ providers.Directory, hash common.Hash, canonical []byte, except ...common.Address) (providers.PushReport, error) {
	spec, err := jobspec.ParseCanonical(canonical, hash)
	if err != nil {
		return nil, err
	}
	specs.Store(hash, spec)
	n.mu.Lock()
	n.avoided = append(n.avoided, except)
	n.mu.Unlock()
	return providers.PushReport{{Account: provA}}, nil
}
func (n *nodes) Fetch(ctx context.Context, d providers.Directory, job settlement.Job, max int64) ([]byte, cid.Cid, error) {
	b, c, _, err := n.FetchAnywhere(ctx, d, job, max)
	return b, c, err
}
func (n *nodes) FetchAnywhere(_ context.Context, _ providers.Directory, job settlement.Job, _ int64) ([]byte, cid.Cid, common.Address, error) {
	n.mu.Lock()
	n.fetches++
	n.mu.Unlock()
	n.m.mu.Lock()
	b := n.m.result[job.ID]
	n.m.mu.Unlock()
	return b, results.CIDOf(b), job.Provider, nil
}

// archive is a result holding shards/one, shards/two and out.txt (saying what it is).
func archive(t *testing.T, what string) []byte {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "shards"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"shards/one": "1", "shards/two": "2", "out.txt": what} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, _, err := results.Package(dir, []jobspec.Output{{Path: "shards"}, {Path: "out.txt"}}, results.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type now struct{}

func (now) Now() time.Time { return time.Now() }
func (now) After(time.Duration) <-chan time.Time {
	c := make(chan time.Time, 1)
	c <- time.Now()
	return c
}

const testPipeline = `
budget: "20"
steps:
  - name: split
    retries: 1
    job: {engine: docker, image: busybox, args: [split], outputs: [{path: shards}, {path: out.txt}], resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 5s},
          price: {payment: "1", collateral: "1"}, deadlines: {accept_within: 10s, run_within: 10s}, challenge_window: 4s}
  - name: count
    foreach: split:shards/*
    max_fanout: 2
    retries: 1
    job: {engine: docker, image: busybox, args: [count], outputs: [{path: shards}, {path: out.txt}], resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 5s},
          price: {payment: "1", collateral: "1"}, deadlines: {accept_within: 10s, run_within: 10s}, challenge_window: 4s}
  - name: merge
    inputs: [{path: counts, from: "count:out.txt"}]
    job: {engine: docker, image: busybox, args: [merge], outputs: [{path: out.txt}], resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 5s},
          price: {payment: "1", collateral: "1"}, deadlines: {accept_within: 10s, run_within: 10s}, challenge_window: 4s}
`

func runner(t *testing.T, m *market, ready Ready, st *State) (*Runner, *nodes, *State) {
	t.Helper()
	p, err := pipeline.Parse([]byte(testPipeline), "")
	if err != nil {
		t.Fatal(err)
	}
	if st == nil {
		canon, _ := p.Canonical()
		hash, _ := p.Hash()
		st = NewState(filepath.Join(t.TempDir(), "state.json"), client, hash, canon, ready, time.Now())
	}
	n := &nodes{m: m}
	r, err := New(Config{Pipeline: p, State: st, Nodes: n, Market: m, Chain: m, Decimals: 18, Clock: now{},
		OnEvent: func(e Event) { t.Logf("%s[%s]: %s", e.Step, e.Entry, e.Text) }})
	if err != nil {
		t.Fatal(err)
	}
	return r, n, st
}

func attempts(st *State, step string) string {
	var out []string
	for _, in := range st.Steps[step].Jobs {
		for _, a := range in.Attempts {
			s := fmt.Sprintf("%d:%s", a.Job, a.Status)
			if a.Closed != "" {
				s += "(closed)"
			}
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

func TestRunFanOutFanIn(t *testing.T) {
	m := newMarket(t, nil)
	r, _, st := runner(t, m, ReadyFinalized, nil)
	if err := r.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(m.posts) != "map[count:2 merge:1 split:1]" {
		t.Errorf("posts %v", m.posts)
	}
	// After the split's post, what the budget leaves (19 of 20 tokens) is approved beside
	// the rounds for the posts to come; the fan-out's two posts ask for their total (2, which
	// the settlement finds covered already); after them the 17 left; after the merge, the
	// last post, nothing.
	if fmt.Sprint(m.approved) != "[19000000000000000000 2000000000000000000 17000000000000000000]" {
		t.Errorf("approved %v, want the budget left after the split, the counts' total, the budget left after them", m.approved)
	}
	// The merge's spec names both counts' results, by CID, as counts/<entry>.
	merge := st.Steps["merge"].Jobs[0].Live()
	v, _ := specs.Load(merge.SpecHash)
	var ins []string
	for _, in := range v.(*jobspec.Spec).Inputs {
		ins = append(ins, in.Path+"="+in.Select)
	}
	if got := strings.Join(ins, " "); got != "counts/one=out.txt counts/two=out.txt" {
		t.Errorf("merge's inputs: %s", got)
	}
	if tm, ok := st.Timing(r.p); !ok || len(tm.Critical) != 3 || tm.MostAtOnce < 2 {
		t.Errorf("timing %+v %v", tm, ok)
	}
	out := filepath.Join(t.TempDir(), "out")
	if err := r.WriteOutput(t.Context(), out); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "merge", "out.txt")); err != nil || !strings.HasPrefix(string(b), "merge of job") {
		t.Errorf("output: %q %v", b, err)
	}
}

// A job that times out, one nobody accepts and one whose program failed are each given up
// and posted again, offered first to other providers' nodes; a step out of retries fails the
// pipeline, and what depends on it is never posted.
func TestRunRetries(t *testing.T) {
	failure, _, err := results.PackageFailure(results.FailureRecord{Version: results.FailureVersion, Reason: results.FailExitCode, ExitCode: 3})
	if err != nil {
		t.Fatal(err)
	}
	m := newMarket(t, map[string][]fate{
		"split": {{statuses: []settlement.Status{settlement.StatusAccepted}, provider: provB}}, // never commits
		"count": {{statuses: []settlement.Status{settlement.StatusOpen}}},                      // nobody accepts
	})
	r, n, st := runner(t, m, ReadyFinalized, nil)
	if err := r.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got, want := attempts(st, "split"), "1:"+settlement.StatusTimedOut.String()+"(closed) 2:finalized"; got != want {
		t.Errorf("split's attempts: %s", got)
	}
	if len(n.avoided) < 2 || fmt.Sprint(n.avoided[1]) != fmt.Sprint([]common.Address{provB}) {
		t.Errorf("the retry was not offered away from the provider that timed out: %v", n.avoided)
	}
	if !strings.Contains(attempts(st, "count"), "(closed)") {
		t.Errorf("count's attempts: %s", attempts(st, "count"))
	}

	// A program that fails twice: the step fails, the merge never runs.
	m = newMarket(t, nil)
	fin := []settlement.Status{settlement.StatusAccepted, settlement.StatusCommitted, settlement.StatusFinalized}
	m.fates["split"] = []fate{{statuses: fin, provider: provA}, {statuses: fin, provider: provB}}
	r, _, st = runner(t, m, ReadyFinalized, nil)
	m.result = failingResults{m.result, failure}.fill(m)
	err = r.Run(t.Context())
	if !errors.Is(err, ErrFailed) {
		t.Fatalf("run: %v, want ErrFailed", err)
	}
	if in := st.Steps["split"].Jobs[0]; !strings.Contains(in.Failed, "gave up after 2 attempt(s)") || !strings.Contains(in.Failed, "failed by its own program") {
		t.Errorf("split: %q", in.Failed)
	}
	if m.posts["count"] != 0 || m.posts["merge"] != 0 {
		t.Errorf("steps after a failed one were posted: %v", m.posts)
	}
}

// failingResults makes every split job's result a failure record.
type failingResults struct {
	m       map[settlement.JobID][]byte
	failure []byte
}

func (f failingResults) fill(m *market) map[settlement.JobID][]byte {
	m.onPost = func(j *fakeJob) {
		if j.step == "split" {
			m.result[j.job.ID] = f.failure
		}
	}
	return f.m
}

// With --ready committed, a result a challenge later overturns (the job refunded) is run again,
// and the jobs downstream that took it are given up and posted again with the new result.
func TestRunCommittedOverturned(t *testing.T) {
	m := newMarket(t, map[string][]fate{
		"split": {{statuses: []settlement.Status{settlement.StatusAccepted, settlement.StatusCommitted, settlement.StatusCommitted,
			settlement.StatusCommitted, settlement.StatusChallenged, settlement.StatusRefunded}, provider: provB}},
	})
	r, _, st := runner(t, m, ReadyCommitted, nil)
	if err := r.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := attempts(st, "split"); !strings.HasPrefix(got, "1:refunded(closed) ") || strings.Count(got, ":") != 2 {
		t.Errorf("split's attempts: %s", got)
	}
	if m.posts["split"] != 2 || m.posts["count"] < 3 {
		t.Errorf("posts %v: want the split run again and its counts posted again", m.posts)
	}
	for _, in := range st.Steps["count"].Jobs {
		a := in.Live()
		v, _ := specs.Load(a.SpecHash)
		if sel := v.(*jobspec.Spec).Inputs[0]; sel.CID != st.Steps["split"].Jobs[0].CID {
			t.Errorf("count %s took %s, not the split's new result", in.Entry, sel.CID)
		}
	}
}

// A run killed after its post was mined but before the job's ID was recorded finds the job on
// chain instead of posting it again.
func TestRunRecoversAnUnrecordedPost(t *testing.T) {
	m := newMarket(t, nil)
	r, _, st := runner(t, m, ReadyFinalized, nil)
	r.cfg.Until = func(st *State) bool { return st.Steps["split"] != nil && len(st.Steps["split"].Jobs[0].Attempts) > 0 }
	if err := r.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	a := st.Steps["split"].Jobs[0].Attempts[0]
	a.Job, a.Status, a.Posted = 0, "", nil // as if killed before AfterPost's save
	if err := st.Save(); err != nil {
		t.Fatal(err)
	}
	again, err := Load(st.FilePath())
	if err != nil {
		t.Fatal(err)
	}
	r, _, st = runner(t, m, ReadyFinalized, again)
	if err := r.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	if m.posts["split"] != 1 || st.Steps["split"].Jobs[0].Attempts[0].Job != 1 {
		t.Errorf("split posted %d times; attempt holds job %d", m.posts["split"], st.Steps["split"].Jobs[0].Attempts[0].Job)
	}
}

// A result whose provider's node never finalizes it (gone after its commit) is finalized by
// the run once its challenge window closed and a grace passed.
func TestRunFinalizesWhenTheProviderDoesNot(t *testing.T) {
	m := newMarket(t, map[string][]fate{
		"split": {{statuses: []settlement.Status{settlement.StatusAccepted, settlement.StatusCommitted}, provider: provB}},
	})
	r, _, st := runner(t, m, ReadyFinalized, nil)
	if err := r.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(m.finalized) != "[1]" || st.Steps["split"].Jobs[0].CID == "" {
		t.Errorf("the run finalized %v; split's result %q", m.finalized, st.Steps["split"].Jobs[0].CID)
	}
}

// memStore is a result store in a map.
type memStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (s *memStore) Put(b []byte) (cid.Cid, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := results.CIDOf(b)
	s.m[c.String()] = b
	return c, nil
}

func (s *memStore) Get(c cid.Cid) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.m[c.String()]
	if !ok {
		return nil, results.ErrNotFound
	}
	return b, nil
}

// With a store, a run holds no result in memory: each is put in the store once fetched and
// read back from it, so a later run (resume, or writing the output) fetches nothing again.
func TestRunKeepsResultsInTheStore(t *testing.T) {
	m := newMarket(t, nil)
	store := &memStore{m: map[string][]byte{}}
	r, n, st := runner(t, m, ReadyFinalized, nil)
	r.cfg.Store = store
	if err := r.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	if len(r.cache) != 0 {
		t.Errorf("the run held %d results in memory", len(r.cache))
	}
	var ready []string
	for _, ss := range st.Steps {
		for _, in := range ss.Jobs {
			ready = append(ready, in.CID)
			if _, ok := store.m[in.CID]; !ok {
				t.Errorf("result %s is not in the store", in.CID)
			}
		}
	}
	if n.fetches != len(ready) { // each is read once ready (is it a failure record?)
		t.Errorf("%d fetches for %d results", n.fetches, len(ready))
	}

	again, n2, _ := runner(t, m, ReadyFinalized, st)
	again.cfg.Store = store
	out := filepath.Join(t.TempDir(), "out")
	if err := again.WriteOutput(t.Context(), out); err != nil {
		t.Fatal(err)
	}
	if n2.fetches != 0 {
		t.Errorf("writing the output fetched %d results again, want none: the store holds them", n2.fetches)
	}
	if b, err := os.ReadFile(filepath.Join(out, "merge", "out.txt")); err != nil || !strings.HasPrefix(string(b), "merge of job") {
		t.Errorf("output: %q %v", b, err)
	}
}

// Downstream jobs given up because their input was overturned, which nobody accepted: the run
// does not end before each is reclaimed after its accept-by (its payment back), and they do
// not count against retries.
func TestRunReclaimsGivenUpJobs(t *testing.T) {
	open := fate{statuses: slices.Repeat([]settlement.Status{settlement.StatusOpen}, 30)}
	m := newMarket(t, map[string][]fate{
		"split": {{statuses: []settlement.Status{settlement.StatusAccepted, settlement.StatusCommitted, settlement.StatusCommitted,
			settlement.StatusChallenged, settlement.StatusRefunded}, provider: provB}},
		"count": {open, open},
	})
	r, _, st := runner(t, m, ReadyCommitted, nil)
	if err := r.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	if m.posts["count"] != 4 {
		t.Errorf("posts %v: want the two counts posted again", m.posts)
	}
	reclaimed := 0
	for _, in := range st.Steps["count"].Jobs {
		for _, a := range in.Attempts[:len(in.Attempts)-1] {
			if !a.Overturned || !a.Settled || a.Status != settlement.StatusReclaimed.String() {
				t.Errorf("count %s: given-up attempt %+v, want overturned, reclaimed and settled", in.Entry, a)
			}
			reclaimed++
		}
	}
	if reclaimed != 2 {
		t.Errorf("%d given-up counts reclaimed, want 2: %s", reclaimed, attempts(st, "count"))
	}
}

// streamNodes serve each job's result into the sink they are given, as a node's host does.
type streamNodes struct {
	*nodes
	streamed int
}

func (n *streamNodes) FetchAnywhereTo(_ context.Context, _ providers.Directory, job settlement.Job, _ int64, dst providers.Sink) (cid.Cid, common.Address, error) {
	n.m.mu.Lock()
	b := n.m.result[job.ID]
	n.m.mu.Unlock()
	if err := dst.Reset(); err != nil {
		return cid.Undef, common.Address{}, err
	}
	if _, err := dst.Write(b); err != nil {
		return cid.Undef, common.Address{}, err
	}
	n.mu.Lock()
	n.streamed++
	n.mu.Unlock()
	return results.CIDOf(b), job.Provider, nil
}

// With a store on disk and nodes that stream, every result goes to the store as it arrives:
// none is fetched whole into memory, and the fan-out's entries and the output are read from
// the stored files.
func TestRunStreamsResultsToTheStore(t *testing.T) {
	m := newMarket(t, nil)
	store, err := results.OpenStore(results.StoreConfig{Dir: t.TempDir(), MaxBytes: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Parse([]byte(testPipeline), "")
	if err != nil {
		t.Fatal(err)
	}
	canon, _ := p.Canonical()
	hash, _ := p.Hash()
	st := NewState(filepath.Join(t.TempDir(), "state.json"), client, hash, canon, ReadyFinalized, time.Now())
	n := &streamNodes{nodes: &nodes{m: m}}
	r, err := New(Config{Pipeline: p, State: st, Nodes: n, Market: m, Chain: m, Decimals: 18, Clock: now{}, Store: store,
		OnEvent: func(e Event) { t.Logf("%s[%s]: %s", e.Step, e.Entry, e.Text) }})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if err := r.WriteOutput(t.Context(), out); err != nil {
		t.Fatal(err)
	}
	if n.fetches != 0 || n.streamed != 4 || len(r.cache) != 0 {
		t.Errorf("%d whole fetches, %d streamed, %d held in memory; want 0, one per job (4), 0", n.fetches, n.streamed, len(r.cache))
	}
	for _, ss := range st.Steps {
		for _, in := range ss.Jobs {
			if c, _ := cid.Decode(in.CID); !store.Has(c) {
				t.Errorf("result %s is not in the store", in.CID)
			}
		}
	}
	if b, err := os.ReadFile(filepath.Join(out, "merge", "out.txt")); err != nil || !strings.HasPrefix(string(b), "merge of job") {
		t.Errorf("output: %q %v", b, err)
	}
}
