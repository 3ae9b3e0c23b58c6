package jobclient_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/jobclient"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// market is a chain whose job moves on one status per poll: each wait of the test's clock
// moves it to the next of its statuses (the last repeats). Every call is logged.
type market struct {
	*script
	log     *[]string
	posted  bool
	postErr error
	result  cid.Cid
}

func (m *market) PostJob(_ context.Context, req settlement.JobRequest) (settlement.Job, error) {
	*m.log = append(*m.log, "post")
	if m.postErr != nil {
		return settlement.Job{}, m.postErr
	}
	m.posted = true
	return settlement.Job{ID: 7, Status: settlement.StatusOpen, SpecHash: req.SpecHash, AcceptBy: acceptBy, ResultBy: resultBy}, nil
}

func (m *market) Job(ctx context.Context, id settlement.JobID) (settlement.Job, error) {
	j, err := m.script.Job(ctx, id)
	j.Provider = common.Address{1}
	if j.Status >= settlement.StatusCommitted && j.Status != settlement.StatusReclaimed {
		j.ResultCID = results.Commitment(m.result)
	}
	return j, err
}

func (m *market) ProviderDirectory(context.Context) ([]settlement.ProviderInfo, error) {
	return nil, nil
}

// nodes answers offers with the next of its pushes (the last repeats) and fetches with the
// next of its fetches; every call is logged.
type nodes struct {
	log     *[]string
	pushes  []providers.PushReport
	fetches []fetchAnswer
	offered [][]common.Address // each push's except list
}

type fetchAnswer struct {
	from common.Address
	err  error
}

func (n *nodes) ServeModule(*jobspec.Spec, []byte) error {
	*n.log = append(*n.log, "module")
	return nil
}

func (n *nodes) Push(_ context.Context, _ providers.Directory, _ common.Hash, _ []byte, except ...common.Address) (providers.PushReport, error) {
	*n.log = append(*n.log, "push")
	n.offered = append(n.offered, slices.Clone(except))
	r := n.pushes[min(len(n.offered)-1, len(n.pushes)-1)]
	return slices.DeleteFunc(slices.Clone(r), func(o providers.PushOutcome) bool { return slices.Contains(except, o.Account) }), nil
}

func (n *nodes) fetch(anywhere bool) ([]byte, cid.Cid, common.Address, error) {
	what := "fetch"
	if anywhere {
		what = "fetch-anywhere"
	}
	*n.log = append(*n.log, what)
	a := n.fetches[0]
	if len(n.fetches) > 1 {
		n.fetches = n.fetches[1:]
	}
	if a.err != nil {
		return nil, cid.Undef, common.Address{}, a.err
	}
	return []byte("result"), results.CIDOf([]byte("result")), a.from, nil
}

func (n *nodes) Fetch(context.Context, providers.Directory, settlement.Job, int64) ([]byte, cid.Cid, error) {
	b, c, _, err := n.fetch(false)
	return b, c, err
}

func (n *nodes) FetchAnywhere(context.Context, providers.Directory, settlement.Job, int64) ([]byte, cid.Cid, common.Address, error) {
	return n.fetch(true)
}

var (
	nodeA, nodeB = common.Address{0xa}, common.Address{0xb}
	took         = func(a common.Address) providers.PushOutcome { return providers.PushOutcome{Account: a} }
	silent       = func(a common.Address) providers.PushOutcome {
		return providers.PushOutcome{Account: a, Err: errors.New("dial backoff")}
	}
)

func submitSpec(t *testing.T, replicas int) *jobspec.Spec {
	t.Helper()
	spec, err := jobspec.Parse([]byte(fmt.Sprintf(`{"engine": "docker", "image": "busybox", "replicas": %d,
		"price": {"payment": "1", "collateral": "0.5"}, "deadlines": {"accept_within": "10s", "run_within": "10s"},
		"resources": {"cpu": "1", "memory": "64MiB", "disk": "16MiB", "time": "5s"}, "challenge_window": "4s"}`, replicas)))
	if err != nil {
		t.Fatal(err)
	}
	return spec
}

// submitter is a Submitter over m and n whose hooks log what they see.
func submitter(t *testing.T, m *market, n *nodes, cfg jobclient.SubmitConfig) *jobclient.Submitter {
	t.Helper()
	cfg.Nodes, cfg.Market, cfg.Chain, cfg.Clock, cfg.Decimals = n, m, m, newStepping(m.script), 18
	log := m.log
	cfg.Hooks = jobclient.SubmitHooks{
		OnOffer: func(o *jobclient.Offer, r providers.PushReport) {
			*log = append(*log, fmt.Sprintf("offered: %d took", len(o.Took)))
		},
		OnOfferAgain: func(*jobclient.Offer, providers.PushReport, time.Duration) { *log = append(*log, "again") },
		BeforePost: func(context.Context, *jobclient.Offer, settlement.JobRequest) error {
			*log = append(*log, "before-post")
			return nil
		},
		AfterPost: func(_ context.Context, _ *jobclient.Offer, j settlement.Job) error {
			*log = append(*log, fmt.Sprintf("after-post %d", j.ID))
			return nil
		},
		OnStep: func(s jobclient.Step) error {
			*log = append(*log, "step "+s.Kind.String())
			return nil
		},
		OnFetchFailed: func(settlement.Job, error, time.Duration) { *log = append(*log, "fetch-failed") },
		OnResult: func(_ context.Context, _ settlement.Job, r jobclient.Result) error {
			*log = append(*log, "result from "+r.From.Hex()[:4])
			return nil
		},
	}
	s, err := jobclient.NewSubmitter(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newMarket(log *[]string, statuses ...settlement.Status) *market {
	var steps []step
	for _, s := range statuses {
		steps = append(steps, at(s, 1))
	}
	return &market{script: &script{steps: steps}, log: log, result: results.CIDOf([]byte("result"))}
}

// TestSubmitOrder: a submission offers the spec, runs BeforePost, posts, runs AfterPost, then
// follows the job and fetches its result once committed, in that order.
func TestSubmitOrder(t *testing.T) {
	var log []string
	O, A, C, F := settlement.StatusOpen, settlement.StatusAccepted, settlement.StatusCommitted, settlement.StatusFinalized
	m := newMarket(&log, O, A, C, F)
	n := &nodes{log: &log, pushes: []providers.PushReport{{took(nodeA)}}, fetches: []fetchAnswer{{from: common.Address{1}}}}
	s := submitter(t, m, n, jobclient.SubmitConfig{Follow: jobclient.FollowToEnd, Fetch: jobclient.FetchAnywhere, RetryFetch: true})
	res, err := s.Submit(context.Background(), jobclient.Submission{Spec: submitSpec(t, 1), Module: nil})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"push", "offered: 1 took", "before-post", "post", "after-post 7",
		"step posted", "step accepted", "fetch-anywhere", "result from 0x01", "step result", "step window-closing", "step ended"}
	if !slices.Equal(log, want) {
		t.Fatalf("calls:\n  %s\nwant\n  %s", strings.Join(log, "\n  "), strings.Join(want, "\n  "))
	}
	if !res.Posted || !res.FollowDone || res.Job.Status != F || res.Result == nil || res.Payout == nil {
		t.Fatalf("submitted %+v", res)
	}
}

// TestSubmitHooksAroundThePost: nothing is posted when BeforePost fails or too few nodes took
// the spec; AfterPost runs once the post is mined, and for a resumed job without a post.
func TestSubmitHooksAroundThePost(t *testing.T) {
	O := settlement.StatusOpen
	t.Run("before-post refuses", func(t *testing.T) {
		var log []string
		m := newMarket(&log, O)
		n := &nodes{log: &log, pushes: []providers.PushReport{{took(nodeA)}}}
		refused := errors.New("cannot record the submission")
		s := submitterWith(t, m, n, func(h *jobclient.SubmitHooks) {
			h.BeforePost = func(context.Context, *jobclient.Offer, settlement.JobRequest) error { return refused }
		})
		if _, err := s.Submit(context.Background(), jobclient.Submission{Spec: submitSpec(t, 1)}); !errors.Is(err, refused) {
			t.Fatalf("err = %v, want the hook's", err)
		}
		if m.posted || slices.Contains(log, "after-post 7") {
			t.Fatalf("posted after BeforePost failed: %v", log)
		}
	})
	t.Run("too few nodes took it", func(t *testing.T) {
		var log []string
		m := newMarket(&log, O)
		// Two replicas: one node took it, one did not answer; offered again while OfferFor lasts.
		n := &nodes{log: &log, pushes: []providers.PushReport{{took(nodeA), silent(nodeB)}}}
		s := submitter(t, m, n, jobclient.SubmitConfig{OfferFor: 5 * time.Second})
		res, err := s.Submit(context.Background(), jobclient.Submission{Spec: submitSpec(t, 2)})
		if !errors.Is(err, jobclient.ErrSpecNotTaken) || jobclient.StageOf(err) != jobclient.StageOffer {
			t.Fatalf("err = %v, want ErrSpecNotTaken", err)
		}
		if m.posted || slices.Contains(log, "before-post") {
			t.Fatalf("posted a spec too few nodes took: %v", log)
		}
		if len(n.offered) < 2 || !slices.Equal(n.offered[1], []common.Address{nodeA}) {
			t.Fatalf("offers (except lists) %v: want it offered again to the nodes that did not take it", n.offered)
		}
		if !slices.Contains(log, "again") || !res.Offer.Waiting() {
			t.Fatalf("log %v, offer %+v", log, res.Offer)
		}
	})
	t.Run("a failed post", func(t *testing.T) {
		var log []string
		m := newMarket(&log, O)
		m.postErr = settlement.ErrInsufficient
		n := &nodes{log: &log, pushes: []providers.PushReport{{took(nodeA)}}}
		s := submitter(t, m, n, jobclient.SubmitConfig{Follow: jobclient.FollowToEnd})
		res, err := s.Submit(context.Background(), jobclient.Submission{Spec: submitSpec(t, 1)})
		if !errors.Is(err, settlement.ErrInsufficient) || jobclient.StageOf(err) != jobclient.StagePost || res.Posted {
			t.Fatalf("err = %v (stage %d), posted %v", err, jobclient.StageOf(err), res.Posted)
		}
		if want := []string{"push", "offered: 1 took", "before-post", "post"}; !slices.Equal(log, want) {
			t.Fatalf("calls %v, want %v", log, want)
		}
	})
	t.Run("resumed", func(t *testing.T) {
		var log []string
		m := newMarket(&log, O)
		n := &nodes{log: &log, pushes: []providers.PushReport{{took(nodeA)}}}
		s := submitter(t, m, n, jobclient.SubmitConfig{})
		job := settlement.Job{ID: 5, Status: O}
		res, err := s.Submit(context.Background(), jobclient.Submission{Spec: submitSpec(t, 1), Job: &job})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"push", "offered: 1 took", "after-post 5"}; !slices.Equal(log, want) || res.Posted || m.posted {
			t.Fatalf("calls %v, want %v (posted %v)", log, want, res.Posted)
		}
	})
}

// submitterWith is submitter with its hooks changed by change.
func submitterWith(t *testing.T, m *market, n *nodes, change func(*jobclient.SubmitHooks)) *jobclient.Submitter {
	t.Helper()
	var hooks jobclient.SubmitHooks
	cfg := jobclient.SubmitConfig{Nodes: n, Market: m, Chain: m, Clock: newStepping(m.script), Decimals: 18}
	change(&hooks)
	cfg.Hooks = hooks
	s, err := jobclient.NewSubmitter(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSubmitRetriesDownload: a fetch that fails (the provider's node restarting) is tried
// again and the result comes from another node; bytes that do not match the commitment end
// the submission at once; a fetch that keeps failing is tried three times after the end.
func TestSubmitRetriesDownload(t *testing.T) {
	C, F := settlement.StatusCommitted, settlement.StatusFinalized
	down := errors.New("fetching from provider 0x01: dial backoff")
	t.Run("another node serves it", func(t *testing.T) {
		var log []string
		m := newMarket(&log, C, C, C, F)
		n := &nodes{log: &log, pushes: []providers.PushReport{{took(nodeA)}}, fetches: []fetchAnswer{{err: down}, {from: nodeB}}}
		s := submitter(t, m, n, jobclient.SubmitConfig{Follow: jobclient.FollowToEnd, Fetch: jobclient.FetchAnywhere, RetryFetch: true})
		res, err := s.Submit(context.Background(), jobclient.Submission{Spec: submitSpec(t, 1)})
		if err != nil {
			t.Fatal(err)
		}
		if res.Result == nil || res.Result.From != nodeB {
			t.Fatalf("result %+v: want it from node B", res.Result)
		}
		i := slices.Index(log, "fetch-failed")
		if i < 0 || !slices.Contains(log[i:], "result from "+nodeB.Hex()[:4]) {
			t.Fatalf("calls %v: want a failed fetch, then the result from node B", log)
		}
	})
	t.Run("mismatch ends it", func(t *testing.T) {
		var log []string
		m := newMarket(&log, C, F)
		mismatch := fmt.Errorf("%w: other bytes", providers.ErrResultMismatch)
		n := &nodes{log: &log, pushes: []providers.PushReport{{took(nodeA)}}, fetches: []fetchAnswer{{err: mismatch}, {from: nodeB}}}
		s := submitter(t, m, n, jobclient.SubmitConfig{Follow: jobclient.FollowToEnd, Fetch: jobclient.FetchAnywhere, RetryFetch: true})
		res, err := s.Submit(context.Background(), jobclient.Submission{Spec: submitSpec(t, 1)})
		if !errors.Is(err, providers.ErrResultMismatch) || jobclient.StageOf(err) != jobclient.StageFetch || res.Result != nil {
			t.Fatalf("err = %v, result %+v: want the mismatch", err, res.Result)
		}
	})
	t.Run("never served", func(t *testing.T) {
		var log []string
		m := newMarket(&log, C, F)
		n := &nodes{log: &log, pushes: []providers.PushReport{{took(nodeA)}}, fetches: []fetchAnswer{{err: down}}}
		s := submitter(t, m, n, jobclient.SubmitConfig{Follow: jobclient.FollowToEnd, Fetch: jobclient.FetchAnywhere, RetryFetch: true})
		res, err := s.Submit(context.Background(), jobclient.Submission{Spec: submitSpec(t, 1)})
		if !errors.Is(err, jobclient.ErrResultNotFetched) || !errors.Is(res.FetchErr, down) {
			t.Fatalf("err = %v, last fetch error %v", err, res.FetchErr)
		}
		// Once while committed, then three more times once it ended (the poll that saw it
		// end came within the first failure's pause).
		if got := countOf(log, "fetch-anywhere"); got != 4 {
			t.Fatalf("%d fetches, want 4: %v", got, log)
		}
	})
	t.Run("without retries the first failure ends it", func(t *testing.T) {
		var log []string
		m := newMarket(&log, C, F)
		n := &nodes{log: &log, pushes: []providers.PushReport{{took(nodeA)}}, fetches: []fetchAnswer{{err: down}, {}}}
		s := submitter(t, m, n, jobclient.SubmitConfig{Follow: jobclient.FollowToEnd, Fetch: jobclient.FetchFromProvider})
		res, err := s.Submit(context.Background(), jobclient.Submission{Spec: submitSpec(t, 1)})
		if !errors.Is(err, down) || jobclient.StageOf(err) != jobclient.StageFetch || res.Job.Status != C {
			t.Fatalf("err = %v, job %s", err, res.Job.Status)
		}
		if countOf(log, "fetch") != 1 {
			t.Fatalf("calls %v: want one provider-only fetch", log)
		}
	})
}

// TestSubmitReoffers: while the posted job waits for providers, its spec is offered again to
// the nodes that did not take it.
func TestSubmitReoffers(t *testing.T) {
	O, A := settlement.StatusOpen, settlement.StatusAccepted
	var log []string
	m := newMarket(&log, O, O, A)
	n := &nodes{log: &log, pushes: []providers.PushReport{{took(nodeA), silent(nodeB)}, {took(nodeB)}}}
	s := submitter(t, m, n, jobclient.SubmitConfig{PostShort: true, Reoffer: time.Nanosecond, Follow: jobclient.FollowWhileNeeded})
	spec := submitSpec(t, 2)
	res, err := s.Submit(context.Background(), jobclient.Submission{Spec: spec})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.offered) < 2 || !slices.Equal(n.offered[1], []common.Address{nodeA}) || len(res.Offer.Took) != 2 {
		t.Fatalf("offers (except lists) %v, took %v: want node B offered again and taking it", n.offered, res.Offer.Took)
	}
}

func countOf(log []string, what string) int {
	n := 0
	for _, l := range log {
		if l == what {
			n++
		}
	}
	return n
}

// stepping is a clock whose waits end at once and move its time on by the wait; every wait
// moves the market's script on.
type stepping struct {
	s   *script
	now *time.Time
}

func (c stepping) Now() time.Time { return *c.now }
func (c stepping) After(d time.Duration) <-chan time.Time {
	c.s.i++
	*c.now = c.now.Add(d)
	ch := make(chan time.Time, 1)
	ch <- *c.now
	return ch
}

func newStepping(s *script) stepping {
	now := t0
	return stepping{s: s, now: &now}
}

// TestSubmitAvoids: a retry's spec goes first to the nodes of providers it does not avoid,
// and to the avoided ones only when no other node took it.
func TestSubmitAvoids(t *testing.T) {
	for _, c := range []struct {
		name    string
		pushes  []providers.PushReport
		offered string // each push's except list
	}{
		{"another provider takes it", []providers.PushReport{{took(nodeA), took(nodeB)}}, "[b] "},
		{"only the avoided one runs it", []providers.PushReport{{took(nodeB)}}, "[b] [] "},
	} {
		t.Run(c.name, func(t *testing.T) {
			var log []string
			m := newMarket(&log, settlement.StatusOpen)
			n := &nodes{log: &log, pushes: c.pushes}
			s := submitter(t, m, n, jobclient.SubmitConfig{})
			res, err := s.Submit(t.Context(), jobclient.Submission{Spec: submitSpec(t, 1), Avoid: []common.Address{nodeB}})
			if err != nil || !res.Posted {
				t.Fatalf("posted %v, %v", res.Posted, err)
			}
			var got strings.Builder
			for _, ex := range n.offered {
				got.WriteString("[")
				for i, a := range ex {
					if i > 0 {
						got.WriteString(" ")
					}
					got.WriteString(fmt.Sprintf("%x", a[0]))
				}
				got.WriteString("] ")
			}
			if got.String() != c.offered {
				t.Errorf("offers excluded %s, want %s", got.String(), c.offered)
			}
		})
	}
}
