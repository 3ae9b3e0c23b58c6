package node_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brine-compute/brine/internal/testharness/testnode"
	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/wasm"
	"github.com/brine-compute/brine/node/store"
)

// leaky is a wasm executor that, like a job killed half-way by infrastructure trouble,
// fills its outputs and then fails with an error of the node's (retried, then Failed).
type leaky struct{ executor.Executor }

var errEngineGone = errors.New("the engine went away")

func (l leaky) Run(ctx context.Context, job executor.Job) (executor.Result, error) {
	if err := os.WriteFile(filepath.Join(job.OutputDir, "big.bin"), make([]byte, 1<<20), 0o644); err != nil {
		return executor.Result{}, err
	}
	return executor.Result{}, errEngineGone
}

// TestJobDirsAreRemoved: every ended job's directory is removed, whatever ended it; here a
// job the node failed to run three times (before, only a result or a failure record removed
// it: 417 MB were left after a batch of hostile jobs). At start, the directories of jobs the
// store has no record of (a crash between a run and its clean-up) are removed, and an entry
// that is not a job's is left alone.
func TestJobDirsAreRemoved(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	p := stakedProvider(t, m, "provider")
	jobs := filepath.Join(p.dataDir, "jobs")
	stray := filepath.Join(jobs, "987654321", "outputs")
	other := filepath.Join(jobs, "not-a-job")
	for _, d := range []string{stray, other} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(stray, "left.bin"), make([]byte, 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	w := testnode.Wasm(t, wasm.Config{})
	n := p.start(t, leaky{w}, dishonest.Honest)
	if _, err := os.Stat(filepath.Dir(stray)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the directory of a job the store does not know is still there after the start: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("an entry that is not a job's directory was removed: %v", err)
	}

	c := newClient(t, m)
	job := c.postDoc(t, greetDoc(c.module(t, guest(t)), "leak", 0, ""))
	rec := waitRecord(t, n, job.ID, "failed", 45*time.Second, func(r store.JobRecord) bool { return r.State.Terminal() })
	if rec.State != store.StateFailed || rec.Attempts != 3 || !strings.Contains(rec.Reason, errEngineGone.Error()) {
		t.Fatalf("record %s after %d attempt(s): %q; want failed after 3 with the engine's error", rec.State, rec.Attempts, rec.Reason)
	}
	if _, err := os.Stat(filepath.Join(jobs, job.ID.String())); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the failed job's directory is still there: %v", err)
	}
}
