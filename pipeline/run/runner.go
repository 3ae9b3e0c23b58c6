package run

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/jobclient"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/pipeline"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/units"
)

// Ready is when a step's result counts for the steps after it.
type Ready uint8

const (
	// ReadyFinalized: once its job is finalized (its challenge window closed). The default.
	ReadyFinalized Ready = iota
	// ReadyCommitted: as soon as it is committed; a challenge upheld later re-runs it and
	// everything downstream of it.
	ReadyCommitted
)

func (r Ready) String() string {
	if r == ReadyCommitted {
		return "committed"
	}
	return "finalized"
}

// ParseReady reads "finalized" or "committed".
func ParseReady(s string) (Ready, error) {
	switch s {
	case "finalized", "":
		return ReadyFinalized, nil
	case "committed":
		return ReadyCommitted, nil
	}
	return 0, fmt.Errorf("%q: use finalized or committed", s)
}

// Market is what a run asks of the client's account on chain (settlement/onchain has it).
type Market interface {
	jobclient.Market
	Reclaim(ctx context.Context, id settlement.JobID) error
	ClaimTimeout(ctx context.Context, id settlement.JobID) error
	Finalize(ctx context.Context, ids ...settlement.JobID) error
}

// PostApprover is a Market that can approve a round's posts together before they are made
// (settlement/onchain has it): they then go out at once, in one block, instead of one after
// another each with its own permit.
type PostApprover interface {
	ApprovePosts(ctx context.Context, total *big.Int) error
}

// finalizeGrace is how long after a job's challenge window closed the run finalizes it
// itself: its provider's node does it first (it is paid by it), unless it is gone.
const finalizeGrace = 15 * time.Second

// Config configures a Runner.
type Config struct {
	Pipeline *pipeline.Pipeline
	// Module is the wasm module the pipeline's jobs name, served while it runs (nil: none).
	Module []byte
	State  *State
	Nodes  jobclient.Nodes
	Market Market
	Chain  jobclient.Chain
	// Decimals are the payment token's.
	Decimals uint8
	// OfferFor is how long a spec is offered again to nodes that do not answer before a
	// post (jobclient.SubmitConfig.OfferFor).
	OfferFor time.Duration
	// Poll is the longest time between rounds (default 1s): a round runs as soon as the chain
	// has a new block (its head is read every HeadPoll, default 200ms), or after Poll without
	// one (a chain that mines only on demand).
	Poll      time.Duration
	HeadPoll  time.Duration
	MaxResult int64 // bytes of one result (default 1 GiB)
	Clock     clock.Clock
	Logger    *slog.Logger
	// OnEvent, if set, is told each thing that happens, for people.
	OnEvent func(Event)
	// Store, if set, keeps every result the run fetched and verified on disk (the client's
	// result store in its data directory), where the run reads it back when a later step
	// needs it and the client's host serves it by its CID: a step's node asks the peer that
	// pushed its spec (this client) for its inputs first, so the pipeline goes on when the
	// upstream provider's node is gone. Without one (or when it refuses a result) results
	// are held in memory for the run.
	Store Store
	// Until, if set, ends Run (nil, the run not ended) after a round it returns true for:
	// `brine pipeline submit` without --wait leaves once what could be posted is taken.
	Until func(*State) bool
}

// Check reports a config a Runner cannot run.
func (c *Config) Check() error {
	switch {
	case c.Pipeline == nil || c.State == nil:
		return errors.New("run: Pipeline and State are required")
	case c.Nodes == nil || c.Market == nil || c.Chain == nil:
		return errors.New("run: Nodes, Market and Chain are required")
	case c.Poll < 0 || c.HeadPoll < 0 || c.MaxResult < 0 || c.OfferFor < 0:
		return errors.New("run: durations and sizes cannot be negative")
	}
	return nil
}

// Store is where a run keeps the results it verified (*results.Store has it). Get checks the
// stored bytes against the CID.
type Store interface {
	Put(data []byte) (cid.Cid, error)
	Get(c cid.Cid) ([]byte, error)
}

// FileStore is a Store that takes a result as it arrives and gives it back as a file
// (*results.Store has it): with Nodes that fetch into it (StreamFetcher), no result passes
// through the run's memory whole.
type FileStore interface {
	Store
	Incoming() (*results.Incoming, error)
	OpenFile(c cid.Cid) (*os.File, int64, error)
}

// StreamFetcher is Nodes that write a job's result into a sink as it arrives
// (jobclient.Host has it).
type StreamFetcher interface {
	FetchAnywhereTo(ctx context.Context, d providers.Directory, job settlement.Job, maxSize int64, dst providers.Sink) (cid.Cid, common.Address, error)
}

// Event is a thing that happened to a step's job.
type Event struct {
	Step  string
	Entry string
	Job   settlement.JobID
	Text  string
}

// ErrFailed: a step's job failed for good (its retries spent, or it cannot be run); the
// steps that need it did not run. The state says which and why.
var ErrFailed = errors.New("the pipeline failed")

// ErrCancelled: the run was cancelled (brine pipeline cancel); nothing more is posted.
var ErrCancelled = errors.New("the pipeline was cancelled")

// Runner runs one pipeline.
type Runner struct {
	cfg    Config
	p      *pipeline.Pipeline
	st     *State
	sub    *jobclient.Submitter
	budget *big.Int
	log    *slog.Logger
	cache  map[string][]byte // verified results by CID that cfg.Store does not hold
	// files and streamer, when set, take each result to disk as it arrives.
	files    FileStore
	streamer StreamFetcher
	// offered are the open jobs whose spec this process offered (reoffer).
	offered map[settlement.JobID]bool
	now     time.Time // the chain's time this round
	// queue is this round's posts, made together at its end (postQueued).
	queue []*queuedPost
	// approvals are approvals of the budget left, sent beside the rounds (approveAhead).
	approvals   sync.WaitGroup
	approving   bool // one is in flight
	approveFail bool // one failed: the posts approve their own payments
	// mu guards the state, offered and events while the round's posts run.
	mu sync.Mutex
}

// queuedPost is a post a round makes at its end.
type queuedPost struct {
	s       *pipeline.Step
	in      *Instance
	spec    *jobspec.Spec
	hash    common.Hash
	a       *Attempt // an attempt whose post was never seen, posted again; nil: a new one
	payment *big.Int
}

// New checks cfg.
func New(cfg Config) (*Runner, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.Poll == 0 {
		cfg.Poll = time.Second
	}
	if cfg.HeadPoll == 0 {
		cfg.HeadPoll = min(200*time.Millisecond, cfg.Poll)
	}
	if cfg.MaxResult == 0 {
		cfg.MaxResult = 1 << 30
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.System
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	budget, err := units.ParsePositive(cfg.Pipeline.Budget, cfg.Decimals)
	if err != nil {
		return nil, fmt.Errorf("run: budget: %w", err)
	}
	r := &Runner{cfg: cfg, p: cfg.Pipeline, st: cfg.State, budget: budget, log: cfg.Logger, cache: map[string][]byte{},
		offered: map[settlement.JobID]bool{}}
	// A provider's node serves a few spec pushes of one peer at once and refuses the rest
	// (busy) or its host does not open their streams (then the offer backs off, 1 s, 2 s,
	// 4 s…): a fan-out of 16 offered all at once went out in four batches seconds apart.
	// Offered a few at a time, each push waits its turn for a few milliseconds instead.
	r.cfg.Nodes = &offerSlots{Nodes: cfg.Nodes, slots: make(chan struct{}, p2p.DefaultLimits.StreamsPerPeer)}
	r.files, _ = cfg.Store.(FileStore)
	r.streamer, _ = cfg.Nodes.(StreamFetcher)
	return r, nil
}

func (r *Runner) event(step string, in *Instance, job settlement.JobID, format string, args ...any) {
	if r.cfg.OnEvent != nil {
		e := Event{Step: step, Job: job, Text: fmt.Sprintf(format, args...)}
		if in != nil {
			e.Entry = in.Entry
		}
		r.cfg.OnEvent(e)
	}
}

// Run runs the pipeline until every step's results are ready and finalized (nil), a step failed for good
// (ErrFailed, once nothing else can progress), it was cancelled (ErrCancelled), or ctx ends.
// A chain or network error ends it too: the state keeps everything; run it again to resume.
func (r *Runner) Run(ctx context.Context) error {
	defer r.approvals.Wait()
	head, err := r.cfg.Chain.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("reading the chain's head: %w", err)
	}
	for {
		if err := r.round(ctx, head); err != nil {
			return err
		}
		switch done, failed := r.finished(); {
		case done && failed:
			return r.end(ErrFailed)
		case done:
			return r.end(nil)
		case r.st.Cancelled && r.quiet():
			return r.end(ErrCancelled)
		case r.cfg.Until != nil && r.cfg.Until(r.st):
			return nil
		}
		if head, err = r.nextHead(ctx, head.Number); err != nil {
			return fmt.Errorf("reading the chain's head: %w", err)
		}
	}
}

// nextHead waits for a block after seen, looking every HeadPoll, for Poll at most, and
// returns the head then: a round runs as soon as the jobs may have moved, not up to a
// second later.
func (r *Runner) nextHead(ctx context.Context, seen *big.Int) (*types.Header, error) {
	until := r.cfg.Clock.Now().Add(r.cfg.Poll)
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-r.cfg.Clock.After(r.cfg.HeadPoll):
		}
		head, err := r.cfg.Chain.HeaderByNumber(ctx, nil)
		if err != nil {
			return nil, err
		}
		if head.Number == nil || seen == nil || head.Number.Cmp(seen) > 0 || !r.cfg.Clock.Now().Before(until) {
			return head, nil
		}
	}
}

// offerSlots offers a spec to the nodes a few pushes at a time (New).
type offerSlots struct {
	jobclient.Nodes
	slots chan struct{}
}

func (o *offerSlots) Push(ctx context.Context, d providers.Directory, hash common.Hash, canonical []byte, except ...common.Address) (providers.PushReport, error) {
	select {
	case o.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-o.slots }()
	return o.Nodes.Push(ctx, d, hash, canonical, except...)
}

func (r *Runner) end(err error) error {
	if r.st.Ended == nil {
		now := r.cfg.Clock.Now().UTC()
		r.st.Ended = &now
		if serr := r.st.Save(); serr != nil {
			return serr
		}
	}
	return err
}

// finished reports whether nothing more can happen: every instance is ready or failed, or
// waits on one that failed. failed: some failed.
func (r *Runner) finished() (done, failed bool) {
	blocked := map[string]bool{} // steps that failed or wait on one that failed
	for _, s := range r.p.Order() {
		ss := r.st.Steps[s.Name]
		for _, d := range s.Deps() {
			if blocked[d] {
				blocked[s.Name] = true
			}
		}
		if ss != nil && ss.Failed != "" {
			blocked[s.Name] = true
		}
		if blocked[s.Name] {
			failed = true
			continue
		}
		if ss == nil || !ss.Expanded {
			return false, failed
		}
		for _, in := range ss.Jobs {
			switch a := in.Live(); {
			case in.Failed != "":
				blocked[s.Name], failed = true, true
			case in.CID == "" || unsettled(in):
				return false, failed
			case a != nil && a.Status != settlement.StatusFinalized.String():
				// ReadyCommitted: the next steps started on it, but the run ends only once
				// no challenge can overturn it any more.
				return false, failed
			}
		}
	}
	return true, failed
}

// quiet reports whether no attempt is waiting for its post to be seen.
func (r *Runner) quiet() bool {
	for _, ss := range r.st.Steps {
		for _, in := range ss.Jobs {
			if a := in.Live(); a != nil && a.Job == 0 {
				return false
			}
		}
	}
	return true
}

// round moves every step as far as it can go at the chain's head.
func (r *Runner) round(ctx context.Context, head *types.Header) error {
	// brine pipeline cancel writes the flag into the file this run keeps.
	if disk, err := Load(r.st.path); err == nil && disk.Cancelled && !r.st.Cancelled {
		r.st.Cancelled = true
		r.event("", nil, 0, "cancelled: nothing more is posted")
	}
	r.now = time.Unix(int64(head.Time), 0)
	for _, s := range r.p.Order() {
		ss := r.st.Steps[s.Name]
		if ss == nil {
			ss = &StepState{}
			r.st.Steps[s.Name] = ss
		}
		if ss.Failed != "" {
			continue
		}
		up, ready := r.upstream(s)
		if ready && s.Foreach != nil && ss.Expanded && ss.From != up[s.Foreach.Step][0].CID {
			ss.Expanded = false // its upstream result was overturned and run again
		}
		if !ss.Expanded {
			if !ready {
				continue
			}
			if err := r.expand(ctx, s, ss, up); err != nil {
				return err
			}
			if ss.Failed != "" {
				continue
			}
		}
		for _, in := range ss.Jobs {
			if err := r.advance(ctx, s, in, up, ready); err != nil {
				r.queue = nil
				return err
			}
		}
	}
	return r.postQueued(ctx)
}

// upstream is what s takes from the steps it needs, and whether all of it is ready.
func (r *Runner) upstream(s *pipeline.Step) (map[string][]pipeline.Upstream, bool) {
	up := map[string][]pipeline.Upstream{}
	for _, d := range s.Deps() {
		ss := r.st.Steps[d]
		if ss == nil || !ss.Expanded || len(ss.Jobs) == 0 {
			return nil, false
		}
		for _, in := range ss.Jobs {
			if in.CID == "" {
				return nil, false
			}
			up[d] = append(up[d], pipeline.Upstream{Entry: in.Entry, CID: in.CID})
		}
	}
	return up, true
}

// expand lists a step's jobs: one, or one per entry of the upstream result (kept by entry
// when an overturned upstream was run again).
func (r *Runner) expand(ctx context.Context, s *pipeline.Step, ss *StepState, up map[string][]pipeline.Upstream) error {
	if s.Foreach == nil {
		ss.Jobs, ss.Expanded = []*Instance{{}}, true
		return r.st.Save()
	}
	from := up[s.Foreach.Step][0].CID
	var entries []string
	err := r.withResult(ctx, s.Foreach.Step, from, func(rd io.ReadSeeker, _ int64) error {
		var err error
		if entries, err = results.EntriesFrom(rd, s.Foreach.Path); err != nil {
			return fmt.Errorf("step %s: listing %s: %w", s.Name, s.Foreach, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	switch {
	case len(entries) == 0:
		ss.Failed = fmt.Sprintf("%s holds no entries under %s/: nothing to fan out over", s.Foreach.Step, s.Foreach.Path)
	case len(entries) > s.MaxFanout:
		ss.Failed = fmt.Sprintf("%s has %d entries under %s/, more than max_fanout %d: nothing of the step was posted", s.Foreach.Step, len(entries), s.Foreach.Path, s.MaxFanout)
	}
	if ss.Failed != "" {
		r.event(s.Name, nil, 0, "cannot run: %s", ss.Failed)
		return r.st.Save()
	}
	old := map[string]*Instance{}
	for _, in := range ss.Jobs {
		old[in.Entry] = in
	}
	jobs := make([]*Instance, 0, len(entries))
	for _, e := range entries {
		if in := old[e]; in != nil {
			jobs = append(jobs, in)
		} else {
			jobs = append(jobs, &Instance{Entry: e})
		}
	}
	ss.Jobs, ss.From, ss.Expanded = jobs, from, true
	r.event(s.Name, nil, 0, "fans out over %d entries of %s: %s", len(entries), s.Foreach, strings.Join(entries, ", "))
	return r.st.Save()
}

// withResult hands use a ready result, verified against its CID: its file in the run's store
// (or its bytes, for one the store does not hold), fetched first from whichever node serves
// the job that committed it when the run does not have it yet.
func (r *Runner) withResult(ctx context.Context, step, c string, use func(rd io.ReadSeeker, size int64) error) error {
	id, err := cid.Decode(c)
	if err != nil {
		return fmt.Errorf("step %s: result CID %q: %w", step, c, err)
	}
	for fetched := false; ; fetched = true {
		if b, ok := r.cache[c]; ok {
			return use(bytes.NewReader(b), int64(len(b)))
		}
		if r.files != nil {
			if f, size, err := r.files.OpenFile(id); err == nil {
				defer f.Close()
				return use(f, size)
			}
		} else if r.cfg.Store != nil {
			if b, err := r.cfg.Store.Get(id); err == nil {
				return use(bytes.NewReader(b), int64(len(b)))
			}
		}
		if fetched {
			return fmt.Errorf("step %s: result %s was fetched but cannot be read back from the store", step, c)
		}
		if err := r.fetch(ctx, step, id); err != nil {
			return err
		}
	}
}

// fetch gets the result c from whichever node serves the job of this run that committed it,
// checked against c, into the run's store: as it arrives, when the store and the nodes can
// (a large result never passes through memory whole), else whole, then kept (keep).
func (r *Runner) fetch(ctx context.Context, step string, id cid.Cid) error {
	c := id.String()
	for _, in := range r.st.Steps[step].Jobs {
		for _, a := range in.Attempts {
			if a.ResultCID != c || a.Job == 0 {
				continue
			}
			job, err := r.cfg.Market.Job(ctx, a.Job)
			if err != nil {
				return err
			}
			if r.files != nil && r.streamer != nil {
				err := r.fetchToStore(ctx, job, id)
				if err == nil || !errors.Is(err, results.ErrStoreFull) {
					if err != nil {
						return fmt.Errorf("step %s: fetching result %s of job %d: %w", step, c, a.Job, err)
					}
					return nil
				}
				r.log.Warn("fetching a result into the store; holding it in memory for this run", "cid", c, "err", err)
			}
			b, got, _, err := r.cfg.Nodes.FetchAnywhere(ctx, r.cfg.Market, job, r.cfg.MaxResult)
			if err != nil {
				return fmt.Errorf("step %s: fetching result %s of job %d: %w", step, c, a.Job, err)
			}
			if !got.Equals(id) {
				return fmt.Errorf("step %s: job %d served %s, not %s", step, a.Job, got, c)
			}
			r.keep(c, b)
			return nil
		}
	}
	return fmt.Errorf("step %s: no job of this run committed %s", step, c)
}

// fetchToStore streams job's result into the run's store as the CID id.
func (r *Runner) fetchToStore(ctx context.Context, job settlement.Job, id cid.Cid) error {
	in, err := r.files.Incoming()
	if err != nil {
		return err
	}
	defer in.Discard()
	got, _, err := r.streamer.FetchAnywhereTo(ctx, r.cfg.Market, job, r.cfg.MaxResult, in)
	if err != nil {
		return err
	}
	if !got.Equals(id) {
		return fmt.Errorf("job %d served %s, not %s", job.ID, got, id)
	}
	return in.Commit(id)
}

// keep puts a verified result in the run's store, or in its memory when there is no store or
// the store refuses it (full).
func (r *Runner) keep(c string, b []byte) {
	if r.cfg.Store != nil {
		_, err := r.cfg.Store.Put(b)
		if err == nil {
			return
		}
		r.log.Warn("keeping a result in the store; holding it in memory for this run", "cid", c, "err", err)
	}
	r.cache[c] = b
}

// advance moves one instance: posts its job when it can, follows it, gives it up and
// retries, or takes its result.
func (r *Runner) advance(ctx context.Context, s *pipeline.Step, in *Instance, up map[string][]pipeline.Upstream, ready bool) error {
	if err := r.settleGivenUp(ctx, s, in); err != nil {
		return err
	}
	if in.Failed != "" {
		return nil
	}
	a := in.Live()
	if a != nil && a.Job != 0 {
		if err := r.follow(ctx, s, in, a); err != nil {
			return err
		}
		a = in.Live()
	}
	if !ready {
		if in.CID != "" && a == nil {
			in.CID = "" // its input was overturned; it runs again once the input is ready
		}
		return nil
	}
	spec, err := s.Instance(in.Entry, up)
	if err != nil {
		in.Failed = err.Error()
		r.event(s.Name, in, 0, "cannot run: %v", err)
		return r.st.Save()
	}
	hash, err := spec.Hash()
	if err != nil {
		return err
	}
	if a != nil && a.SpecHash != hash && a.Job != 0 {
		// An upstream result it took was overturned: its inputs are not what they were.
		a.Closed, a.Overturned, in.CID = "its input was overturned by a challenge; posted again with the new result", true, ""
		r.event(s.Name, in, a.Job, "given up: %s", a.Closed)
		if err := r.st.Save(); err != nil {
			return err
		}
		a = nil
	}
	if a != nil && a.Job != 0 && a.SpecHash == hash && a.Status == settlement.StatusOpen.String() && !r.offered[a.Job] {
		r.reoffer(ctx, s, in, spec, a)
	}
	if in.CID != "" {
		return nil
	}
	if a == nil {
		if r.st.Cancelled {
			return nil
		}
		if n := tries(in); n > s.Retries {
			in.Failed = fmt.Sprintf("gave up after %d attempt(s); the last: %s", n, in.Attempts[len(in.Attempts)-1].Closed)
			r.event(s.Name, in, 0, "failed: %s", in.Failed)
			return r.st.Save()
		}
		return r.enqueue(s, in, spec, hash, nil)
	}
	if a.Job != 0 {
		return nil // followed above
	}
	// A post recorded but not seen mined: find it on chain before posting anything.
	found, err := r.recover(ctx, s, in, spec, a)
	if err != nil || found {
		return err
	}
	if r.st.Cancelled {
		a.Closed, a.Settled = "cancelled before it was posted", true
		return r.st.Save()
	}
	return r.enqueue(s, in, spec, hash, a)
}

// settleGivenUp follows the jobs of attempts given up while their jobs were live (an input
// overturned). A posted job cannot be withdrawn: one nobody accepted is reclaimed after its
// accept-by, and one accepted whose provider commits nothing by its deadline is claimed back,
// so no payment stays locked; one that commits runs to its end (its provider finalizes it and
// is paid: it did the work it was posted for).
func (r *Runner) settleGivenUp(ctx context.Context, s *pipeline.Step, in *Instance) error {
	for _, a := range in.Attempts {
		if a.Closed == "" || a.Settled || a.Job == 0 {
			continue
		}
		job, err := r.cfg.Market.Job(ctx, a.Job)
		if err != nil {
			return fmt.Errorf("step %s: reading job %d: %w", s.Name, a.Job, err)
		}
		switch {
		case job.Status.Terminal():
		case job.Status == settlement.StatusOpen && r.now.After(job.AcceptBy):
			if err := r.cfg.Market.Reclaim(ctx, a.Job); err != nil && !errors.Is(err, settlement.ErrWrongStatus) {
				return fmt.Errorf("step %s: reclaiming job %d: %w", s.Name, a.Job, err)
			}
			r.event(s.Name, in, a.Job, "job %d, given up, reclaimed", a.Job)
			job.Status = settlement.StatusReclaimed
		case job.Status == settlement.StatusAccepted && job.Replicas == 1 && r.now.After(job.ResultBy):
			if err := r.cfg.Market.ClaimTimeout(ctx, a.Job); err != nil && !errors.Is(err, settlement.ErrWrongStatus) {
				return fmt.Errorf("step %s: claiming job %d's timeout: %w", s.Name, a.Job, err)
			}
			r.event(s.Name, in, a.Job, "job %d, given up, claimed back (no result by its deadline)", a.Job)
			job.Status = settlement.StatusTimedOut
		case job.Status == settlement.StatusOpen || job.Status == settlement.StatusAccepted:
			if a.Status != job.Status.String() {
				a.Status = job.Status.String()
				if err := r.st.Save(); err != nil {
					return err
				}
			}
			continue
		}
		a.Settled, a.Status = true, job.Status.String()
		if err := r.st.Save(); err != nil {
			return err
		}
	}
	return nil
}

// unsettled reports whether a given-up job may still need the client: open (to be reclaimed
// after its accept-by) or accepted (to be claimed back if no result comes). The run does not
// end before they are settled, so their payments come back where the rules allow.
func unsettled(in *Instance) bool {
	for _, a := range in.Attempts {
		if a.Closed != "" && !a.Settled && a.Job != 0 &&
			(a.Status == settlement.StatusOpen.String() || a.Status == settlement.StatusAccepted.String()) {
			return true
		}
	}
	return false
}

// tries counts an instance's attempts against its retries: not those a challenge overturned.
func tries(in *Instance) int {
	n := 0
	for _, a := range in.Attempts {
		if !a.Overturned {
			n++
		}
	}
	return n
}

// recover looks on chain for the job an attempt without a job ID posted: the account's job
// with its spec hash, posted since the attempt was recorded, that no other attempt holds.
func (r *Runner) recover(ctx context.Context, s *pipeline.Step, in *Instance, spec *jobspec.Spec, a *Attempt) (bool, error) {
	jobs, err := r.cfg.Market.Jobs(ctx, settlement.JobFilter{Client: r.st.Account}, 0)
	if err != nil {
		return false, fmt.Errorf("looking for an interrupted post: %w", err)
	}
	after := time.Unix(a.Since, 0)
	for _, j := range slices.Backward(jobs) { // oldest first
		if j.SpecHash != a.SpecHash || r.st.known(j.ID) || j.AcceptBy.Add(-spec.Deadlines.AcceptWithin).Before(after) {
			continue
		}
		a.Job = j.ID
		posted := j.AcceptBy.Add(-spec.Deadlines.AcceptWithin)
		a.Posted, a.Status = &posted, j.Status.String()
		r.event(s.Name, in, j.ID, "found job %d on chain: an interrupted run posted it (not posting again)", j.ID)
		return true, r.st.Save()
	}
	return false, nil
}

// enqueue queues the instance's job for the round's posts (again, for an attempt whose post
// was never seen), or fails the instance when a new job would go over the budget: what every
// attempt escrowed and the posts queued before it, counted at their payments.
func (r *Runner) enqueue(s *pipeline.Step, in *Instance, spec *jobspec.Spec, hash common.Hash, a *Attempt) error {
	payment, _, err := spec.Price.Amounts(r.cfg.Decimals)
	if err != nil {
		return err
	}
	if a == nil {
		spent := r.st.Spent()
		for _, q := range r.queue {
			if q.a == nil {
				spent.Add(spent, q.payment)
			}
		}
		if new(big.Int).Add(spent, payment).Cmp(r.budget) > 0 {
			in.Failed = fmt.Sprintf("over budget: %s spent of %s; another job costs %s", units.Format(spent, r.cfg.Decimals),
				r.p.Budget, units.Format(payment, r.cfg.Decimals))
			r.event(s.Name, in, 0, "failed: %s", in.Failed)
			return r.st.Save()
		}
	}
	r.queue = append(r.queue, &queuedPost{s: s, in: in, spec: spec, hash: hash, a: a, payment: payment})
	return nil
}

// postQueued makes the round's posts together: a fan-out's jobs go out at once, each recorded
// in the state before its post is sent, as one post alone would be. Several posts are first
// approved together (PostApprover) so none needs its own permit, which would make the next
// wait for it to be mined.
func (r *Runner) postQueued(ctx context.Context) error {
	queue := r.queue
	r.queue = nil
	if len(queue) == 0 {
		return nil
	}
	if ap, ok := r.cfg.Market.(PostApprover); ok && len(queue) > 1 {
		total := new(big.Int)
		for _, q := range queue {
			total.Add(total, q.payment)
		}
		if err := ap.ApprovePosts(ctx, total); err != nil {
			// Each post can still approve its own payment, one after another.
			r.log.Warn("approving the round's posts together", "posts", len(queue), "err", err)
		}
	}
	errs := make([]error, len(queue))
	var wg sync.WaitGroup
	for i, q := range queue {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = r.post(ctx, q)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	r.approveAhead(ctx)
	return nil
}

// approveAhead approves, beside the next rounds, what the budget leaves for the posts still
// to come, once a round's posts are made: the next round's posts (a fan-out after its split)
// then find their allowance in place instead of waiting a block for an approval of their own
// (a post alone would otherwise sign a permit for its payment alone). The allowance never
// exceeds what the user's budget lets the run spend; nothing is approved once every job is
// posted.
func (r *Runner) approveAhead(ctx context.Context) {
	ap, ok := r.cfg.Market.(PostApprover)
	r.mu.Lock()
	busy := r.approving || r.approveFail
	r.mu.Unlock()
	if !ok || busy || !r.morePosts() {
		return
	}
	left := new(big.Int).Sub(r.budget, r.st.Spent())
	if left.Sign() <= 0 {
		return
	}
	r.approving = true
	r.approvals.Add(1)
	go func() {
		defer r.approvals.Done()
		err := ap.ApprovePosts(ctx, left)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.approving = false
		if err != nil && ctx.Err() == nil {
			r.approveFail = true
			r.log.Warn("approving the budget left for the posts to come; each post approves its own", "err", err)
		}
	}()
}

// morePosts reports whether a step's jobs are still to be posted (not listed yet, or one
// without an attempt).
func (r *Runner) morePosts() bool {
	for _, s := range r.p.Steps {
		ss := r.st.Steps[s.Name]
		if ss == nil || !ss.Expanded {
			return true
		}
		for _, in := range ss.Jobs {
			if len(in.Attempts) == 0 && in.Failed == "" {
				return true
			}
		}
	}
	return false
}

// post posts a queued job. It runs beside the round's other posts: the state is touched
// under r.mu.
func (r *Runner) post(ctx context.Context, q *queuedPost) error {
	s, in, spec, hash, a, payment := q.s, q.in, q.spec, q.hash, q.a, q.payment
	r.mu.Lock()
	var avoid []common.Address
	for _, old := range in.Attempts {
		if old.Provider != "" && old.Closed != "" {
			avoid = append(avoid, common.HexToAddress(old.Provider))
		}
	}
	r.mu.Unlock()
	sub, err := jobclient.NewSubmitter(jobclient.SubmitConfig{
		Nodes: r.cfg.Nodes, Market: r.cfg.Market, Chain: r.cfg.Chain, Decimals: r.cfg.Decimals,
		OfferFor: r.cfg.OfferFor, Clock: r.cfg.Clock, Logger: r.log,
		Hooks: jobclient.SubmitHooks{
			BeforePost: func(_ context.Context, _ *jobclient.Offer, req settlement.JobRequest) error {
				r.mu.Lock()
				defer r.mu.Unlock()
				if a != nil {
					return nil // recorded already: its Since is older, so a search covers both posts
				}
				// The request's deadlines count from the chain's time it was built at: the
				// job on chain says the same (accept-by less accept_within).
				since := req.AcceptBy.Add(-spec.Deadlines.AcceptWithin)
				a = &Attempt{SpecHash: hash, Since: since.Unix(), Payment: payment.String()}
				in.Attempts = append(in.Attempts, a)
				return r.st.Save()
			},
			AfterPost: func(_ context.Context, _ *jobclient.Offer, job settlement.Job) error {
				r.mu.Lock()
				defer r.mu.Unlock()
				a.Job, a.Status = job.ID, job.Status.String()
				r.offered[job.ID] = true
				posted := job.AcceptBy.Add(-spec.Deadlines.AcceptWithin)
				a.Posted = &posted
				return r.st.Save()
			},
		},
	})
	if err != nil {
		return err
	}
	res, err := sub.Submit(ctx, jobclient.Submission{Spec: spec, Module: r.cfg.Module, Avoid: avoid})
	r.mu.Lock()
	defer r.mu.Unlock()
	switch {
	case err == nil:
		r.event(s.Name, in, res.Job.ID, "posted job %d (payment %s)", res.Job.ID, units.Format(payment, r.cfg.Decimals))
		return nil
	case errors.Is(err, jobclient.ErrSpecNotTaken):
		r.event(s.Name, in, 0, "no provider node took the spec yet; offering it again")
		return nil
	case jobclient.StageOf(err) == jobclient.StagePost && a != nil &&
		(errors.Is(err, settlement.ErrInsufficient) || errors.Is(err, settlement.ErrBadRequest)):
		// The market refused the post: nothing was paid.
		a.Closed, a.Settled, in.Failed = "not posted: "+err.Error(), true, "the market refused its post: "+err.Error()
		r.event(s.Name, in, 0, "failed: %s", in.Failed)
		return r.st.Save()
	}
	return fmt.Errorf("step %s: posting: %w", s.Name, err)
}

// reoffer offers the spec of a posted job still waiting for a provider once to the nodes, from
// this process: a node that took it from an earlier, killed run has that run's addresses,
// and fetches the spec, module and inputs from where this one listens only once it is told.
func (r *Runner) reoffer(ctx context.Context, s *pipeline.Step, in *Instance, spec *jobspec.Spec, a *Attempt) {
	r.offered[a.Job] = true
	sub, err := jobclient.NewSubmitter(jobclient.SubmitConfig{Nodes: r.cfg.Nodes, Market: r.cfg.Market, Chain: r.cfg.Chain,
		Decimals: r.cfg.Decimals, Clock: r.cfg.Clock, Logger: r.log})
	if err != nil {
		return
	}
	job, err := r.cfg.Market.Job(ctx, a.Job)
	if err == nil {
		_, err = sub.Submit(ctx, jobclient.Submission{Spec: spec, Module: r.cfg.Module, Job: &job})
	}
	if err != nil {
		r.event(s.Name, in, a.Job, "offering job %d's spec again: %v", a.Job, err)
	}
}

// Spent is what every attempt of this run escrowed, in base units (refunds are not counted
// back).
func (st *State) Spent() *big.Int {
	total := new(big.Int)
	for _, ss := range st.Steps {
		for _, in := range ss.Jobs {
			for _, a := range in.Attempts {
				if p, ok := new(big.Int).SetString(a.Payment, 10); ok && !(a.Job == 0 && a.Settled) {
					total.Add(total, p)
				}
			}
		}
	}
	return total
}

// follow reads an attempt's job and acts on it: its result ready, or the attempt given up.
func (r *Runner) follow(ctx context.Context, s *pipeline.Step, in *Instance, a *Attempt) error {
	if in.CID != "" && (a.Status == settlement.StatusFinalized.String() || r.cfg.State.Ready != ReadyCommitted.String()) {
		return nil // ready for good
	}
	job, err := r.cfg.Market.Job(ctx, a.Job)
	if err != nil {
		return fmt.Errorf("step %s: reading job %d: %w", s.Name, a.Job, err)
	}
	changed := a.Status != job.Status.String()
	a.Status = job.Status.String()
	if job.Provider != (common.Address{}) {
		a.Provider = job.Provider.Hex()
	}
	if len(job.ResultCID) > 0 && a.ResultCID == "" {
		if c, err := results.ParseCommitment(job.ResultCID); err == nil {
			a.ResultCID = c.String()
			t := job.CommittedAt
			a.Committed = &t
		}
	}
	if changed {
		r.event(s.Name, in, a.Job, "job %d %s%s", a.Job, job.Status, providerNote(job))
	}
	readyNow := job.Status == settlement.StatusFinalized ||
		r.st.Ready == ReadyCommitted.String() && (job.Status == settlement.StatusCommitted || job.Status == settlement.StatusCleared)
	switch {
	case in.CID != "" && job.Status == settlement.StatusRefunded:
		a.Closed, a.Overturned, in.CID = "its result was overturned by a challenge (refunded)", true, ""
	case in.CID == "" && readyNow && a.ResultCID != "":
		var rec results.FailureRecord
		var failed bool
		err := r.withResult(ctx, s.Name, a.ResultCID, func(rd io.ReadSeeker, size int64) error {
			rec, failed, _ = results.ReadFailureFrom(rd, size)
			return nil
		})
		if err != nil {
			return err
		}
		if failed {
			a.Closed = "the job failed by its own program: " + rec.String()
			break
		}
		t := r.now
		a.Ready, in.CID = &t, a.ResultCID
		r.event(s.Name, in, a.Job, "result %s ready (%s)", a.ResultCID, job.Status)
	case job.Finalizable(r.now) && r.now.After(job.ChallengeEnds().Add(finalizeGrace)):
		if err := r.cfg.Market.Finalize(ctx, a.Job); err != nil && !errors.Is(err, settlement.ErrWrongStatus) {
			return fmt.Errorf("step %s: finalizing job %d: %w", s.Name, a.Job, err)
		}
		r.event(s.Name, in, a.Job, "job %d finalized by this run (its provider's node did not)", a.Job)
	case in.CID != "":
	case job.Status == settlement.StatusOpen && r.now.After(job.AcceptBy):
		if err := r.cfg.Market.Reclaim(ctx, a.Job); err != nil && !errors.Is(err, settlement.ErrWrongStatus) {
			return fmt.Errorf("step %s: reclaiming job %d: %w", s.Name, a.Job, err)
		}
		a.Closed, a.Settled, a.Status = "nobody accepted it by its accept-by; reclaimed", true, settlement.StatusReclaimed.String()
	case job.Status == settlement.StatusAccepted && job.Replicas == 1 && r.now.After(job.ResultBy):
		if err := r.cfg.Market.ClaimTimeout(ctx, a.Job); err != nil && !errors.Is(err, settlement.ErrWrongStatus) {
			return fmt.Errorf("step %s: claiming job %d's timeout: %w", s.Name, a.Job, err)
		}
		a.Closed, a.Settled, a.Status = "no result by its deadline; claimed back with the provider's collateral", true, settlement.StatusTimedOut.String()
	case job.Status.Terminal() && job.Status != settlement.StatusFinalized:
		a.Closed, a.Settled = "it ended "+job.Status.String(), true
	}
	if a.Closed != "" {
		r.event(s.Name, in, a.Job, "job %d given up: %s", a.Job, a.Closed)
	}
	if changed || a.Closed != "" || a.Ready != nil {
		return r.st.Save()
	}
	return nil
}

func providerNote(j settlement.Job) string {
	if j.Provider == (common.Address{}) {
		return ""
	}
	return " (provider " + j.Provider.Hex() + ")"
}

// WriteOutput writes the results of the final steps (those no step takes from), each
// verified against its CID, under dir: dir/<step>, or dir/<step>/<entry> for a fan-out.
func (r *Runner) WriteOutput(ctx context.Context, dir string) error {
	if r.st.Written {
		return nil
	}
	used := map[string]bool{}
	for _, s := range r.p.Steps {
		for _, d := range s.Deps() {
			used[d] = true
		}
	}
	for _, s := range r.p.Steps {
		if used[s.Name] {
			continue
		}
		for _, in := range r.st.Steps[s.Name].Jobs {
			dest := filepath.Join(dir, s.Name)
			if in.Entry != "" {
				dest = filepath.Join(dest, in.Entry)
			}
			err := r.withResult(ctx, s.Name, in.CID, func(rd io.ReadSeeker, _ int64) error {
				if err := results.UnpackFrom(rd, dest, results.Limits{}); err != nil {
					return fmt.Errorf("step %s: writing its result into %s: %w", s.Name, dest, err)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
	}
	r.st.Output, r.st.Written = dir, true
	return r.st.Save()
}
