package explorer_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brine-compute/brine/explorer"
	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/internal/testharness"
)

// nodes stands for the providers' nodes: it answers each job with its reason or error, counts
// the questions, and holds them while hold is set.
type nodes struct {
	mu      sync.Mutex
	reasons map[string]string
	errs    map[string]error
	asked   map[string]int
	waiting int
	hold    chan struct{} // nil: answer at once
}

func (n *nodes) FailureReason(ctx context.Context, j index.Job) (string, error) {
	n.mu.Lock()
	n.asked[j.ID]++
	n.waiting++
	hold := n.hold
	n.mu.Unlock()
	defer func() { n.mu.Lock(); n.waiting--; n.mu.Unlock() }()
	if hold != nil {
		select {
		case <-hold:
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
	return n.reasons[j.ID], n.errs[j.ID]
}

func (n *nodes) count(id string) int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.asked[id]
}

// TestFailureReasonsAreAskedOnceAndKept: with Reasons, an ended job's page asks its provider's
// node once and keeps the answer in the index (another explorer over it shows it without asking);
// a live job, or one whose node is not reached, is shown without a reason and a note saying why
// (the unreached one is asked again next time); at most a few nodes are asked at once, and a
// request that finds them all busy says so rather than waiting; without Reasons nothing is asked.
func TestFailureReasonsAreAskedOnceAndKept(t *testing.T) {
	f := storyFixture(t)
	ctx := context.Background()
	db, err := index.Open(ctx, index.OpenConfig{Path: filepath.Join(t.TempDir(), "index.db")})
	must(t, err)
	t.Cleanup(func() { db.Close() })
	plain, err := f.indexAndServe(ctx, db)
	must(t, err)
	challenged, finalized, live := f.challenged.String(), f.finalized.String(), f.live.String()
	n := &nodes{reasons: map[string]string{challenged: "the program exited with status 3"}, errs: map[string]error{}, asked: map[string]int{}}
	serve := func(r explorer.Reasons) *httptest.Server {
		srv, err := explorer.New(explorer.Config{DB: db, Addresses: f.chain.Addr, ChainID: f.id, Reasons: r})
		must(t, err)
		h := httptest.NewServer(srv.Handler())
		t.Cleanup(h.Close)
		return h
	}
	job := func(h *httptest.Server, id string) explorer.JobDetail {
		t.Helper()
		resp, err := http.Get(h.URL + "/api/jobs/" + id)
		must(t, err)
		defer resp.Body.Close()
		var d explorer.JobDetail
		if err := json.NewDecoder(resp.Body).Decode(&d); err != nil || resp.StatusCode != 200 {
			t.Fatalf("job %s: %d %v", id, resp.StatusCode, err)
		}
		return d
	}
	asking := serve(n)

	// Without Reasons: not asked, and the note says how to ask.
	bare := httptest.NewServer(plain.Handler())
	t.Cleanup(bare.Close)
	if d := job(bare, challenged); d.FailureReason != nil || !strings.Contains(d.FailureReasonNote, "--fetch-reasons") {
		t.Fatalf("without Reasons: %v %q", d.FailureReason, d.FailureReasonNote)
	}

	// All the slots taken: the next request is told so at once.
	n.hold = make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); job(asking, challenged) }()
	}
	testharness.Eventually(t, 10*time.Second, func() bool { n.mu.Lock(); defer n.mu.Unlock(); return n.waiting == 4 }, "four requests did not reach the nodes")
	start := time.Now()
	if d := job(asking, finalized); d.FailureReason != nil || !strings.Contains(d.FailureReasonNote, "asking other nodes") {
		t.Fatalf("with every slot taken: %v %q", d.FailureReason, d.FailureReasonNote)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("a request that found every slot taken waited %s", time.Since(start))
	}
	close(n.hold)
	wg.Wait()
	n.mu.Lock()
	n.hold = nil
	n.mu.Unlock()

	// Answered: shown, kept, and not asked again (here or by another explorer).
	before := n.count(challenged)
	for _, h := range []*httptest.Server{asking, serve(&nodes{errs: map[string]error{challenged: errors.New("must not be asked")}, asked: map[string]int{}})} {
		if d := job(h, challenged); d.FailureReason == nil || *d.FailureReason != "the program exited with status 3" || d.FailureReasonNote != "" {
			t.Fatalf("challenged job: %v %q", d.FailureReason, d.FailureReasonNote)
		}
	}
	if got := n.count(challenged); got != before {
		t.Errorf("the node was asked %d more times for a kept reason", got-before)
	}
	resp, err := http.Get(asking.URL + "/jobs/" + challenged)
	must(t, err)
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), "the program exited with status 3") {
		t.Errorf("the job's page does not show its reason")
	}

	// A node that is not reached: no reason, the error in the note, asked again next time.
	n.errs[finalized] = errors.New("dial backoff")
	for i := 1; i <= 2; i++ {
		if d := job(asking, finalized); d.FailureReason != nil || !strings.Contains(d.FailureReasonNote, "dial backoff") {
			t.Fatalf("unreached node: %v %q", d.FailureReason, d.FailureReasonNote)
		}
		if got := n.count(finalized); got != i {
			t.Fatalf("the unreached node was asked %d times after %d requests", got, i)
		}
	}
	// Reached and silent: kept as no reason.
	delete(n.errs, finalized)
	for i := 0; i < 2; i++ {
		if d := job(asking, finalized); d.FailureReason != nil || d.FailureReasonNote != "the provider's node gave no reason" {
			t.Fatalf("silent node: %v %q", d.FailureReason, d.FailureReasonNote)
		}
	}
	if got := n.count(finalized); got != 3 {
		t.Errorf("the node was asked %d times, want 3 (twice unreached, once answered)", got)
	}

	// A live job is not asked about.
	if d := job(asking, live); d.FailureReason != nil || d.FailureReasonNote != "the job has not ended" || n.count(live) != 0 {
		t.Fatalf("live job: %v %q, asked %d times", d.FailureReason, d.FailureReasonNote, n.count(live))
	}
}
