package node

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/brine-compute/brine/jobspec"

	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/results"
)

// TestFailureRecordBlame: which failures are the job's own (a record, with the limit in
// force) and which are the node's (no record); and that a record holds only what every node
// reproduces (each stream's bounded tail for an exit code, no tail at a limit).
func TestFailureRecordBlame(t *testing.T) {
	b := executor.Budget{MemoryBytes: 64 << 20, Time: 5 * time.Second, LogBytes: executor.DefaultLogBytes,
		OutputBytes: 16 << 20, OutputFiles: executor.DefaultOutputFiles, TailBytes: executor.DefaultTailBytes}
	long := strings.Repeat("x", 3000) + "\nthe end\n"
	exited := executor.Result{ExitCode: 3, StdoutTail: []byte("partial\n"), StderrTail: []byte(long), LogTail: []byte("interleaved")}
	missing := &results.OutputError{Output: "out/a.txt", Err: fmt.Errorf("results: output %q: %w", "out/a.txt", results.ErrMissingOutput)}
	unsafe := &results.OutputError{Output: "out", Err: fmt.Errorf("results: a link: %w", results.ErrUnsafe)}
	for _, tc := range []struct {
		name   string
		fail   *executor.Failure
		res    executor.Result
		pkgErr error
		want   results.FailureRecord // zero: no record
	}{
		{"exit code", executor.ExitFailure(3, exited.LogTail), exited, nil,
			results.FailureRecord{Reason: results.FailExitCode, ExitCode: 3, StdoutTail: "partial", StderrTail: strings.Repeat("x", results.MaxFailureTail-8) + "\nthe end"}},
		{"crash", executor.ExitCode.Failf("crashed: wasm error: unreachable"), executor.Result{ExitCode: -1}, nil,
			results.FailureRecord{Reason: results.FailExitCode, ExitCode: -1}},
		{"out of memory", executor.OutOfMemoryFailure(b.MemoryBytes), executor.Result{ExitCode: 137, StderrTail: []byte("at kill time")}, nil,
			results.FailureRecord{Reason: results.FailOutOfMemory, LimitBytes: 64 << 20}},
		{"time limit", executor.TimeLimitExceeded(b.Time), executor.Result{ExitCode: -1, StdoutTail: []byte("at kill time")}, nil,
			results.FailureRecord{Reason: results.FailTimeLimit, LimitTime: "5s"}},
		{"log", executor.LogLimitExceeded(b.LogBytes), executor.Result{}, nil,
			results.FailureRecord{Reason: results.FailLogTooLarge, LimitBytes: 1 << 20}},
		{"outputs", executor.OutputTooLarge.Failf("outputs exceeded 16MiB"), executor.Result{}, nil,
			results.FailureRecord{Reason: results.FailOutputTooLarge, LimitBytes: 16 << 20, LimitFiles: 10000}},
		{"bad module", executor.BadModule.Failf("bad spec: the module does not compile"), executor.Result{}, nil,
			results.FailureRecord{Reason: results.FailBadModule}},
		{"missing output", executor.OutputTooLarge.Failf("packaging"), executor.Result{}, missing,
			results.FailureRecord{Reason: results.FailOutputMissing, Output: "out/a.txt"}},
		{"unsafe output", executor.OutputTooLarge.Failf("packaging"), executor.Result{}, unsafe,
			results.FailureRecord{Reason: results.FailOutputUnsafe, Output: "out"}},
		{"packaged too large", executor.OutputTooLarge.Failf("packaging"), executor.Result{}, fmt.Errorf("x: %w", results.ErrTooLarge),
			results.FailureRecord{Reason: results.FailOutputTooLarge, LimitBytes: 16 << 20, LimitFiles: 10000}},
		// The node's problems: never a record.
		{"node caps", executor.BadSpec.Failf("bad spec: resources.memory is more than this node allows"), executor.Result{}, nil, results.FailureRecord{}},
		{"pull", executor.PullFailure("alpine", fmt.Errorf("no registry")), executor.Result{}, nil, results.FailureRecord{}},
		{"internal", executor.Internal.Failf("oops"), executor.Result{}, nil, results.FailureRecord{}},
		{"packaging error of another kind", executor.OutputTooLarge.Failf("packaging"), executor.Result{}, fmt.Errorf("disk on fire"), results.FailureRecord{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := failureRecord(b, tc.fail, tc.res, tc.pkgErr)
			if tc.want.Reason == "" {
				if ok {
					t.Fatalf("a record %+v for a failure that is not the job's", got)
				}
				return
			}
			tc.want.Version = results.FailureVersion
			if !ok || got != tc.want {
				t.Fatalf("record %+v (%v), want %+v", got, ok, tc.want)
			}
			if _, _, err := results.PackageFailure(got); err != nil {
				t.Fatal(err)
			}
		})
	}
	// A tail is bounded even when replacement characters lengthen it.
	if got := recordTail([]byte(strings.Repeat("\xff", 4000))); len(got) > results.MaxFailureTail {
		t.Errorf("tail of %d bytes", len(got))
	}
}

// TestPackagingFailureCause: an output the packager refuses is classified by its cause, and
// the executor's reason (logs, the node's record), the failure record's reason agree; the
// detail quotes at most executor.MaxQuoted bytes of the packager's words however long the
// job made its paths. Before, every one of them was output_too_large, and a deep tree's
// reason quoted kilobytes of path.
func TestPackagingFailureCause(t *testing.T) {
	b := executor.Budget{OutputBytes: 16 << 20, OutputFiles: executor.DefaultOutputFiles}
	for _, tc := range []struct {
		name   string
		make   func(t *testing.T, dir string) // the job's outputs
		reason executor.Reason
		record string
	}{
		{"missing", func(t *testing.T, dir string) {}, executor.OutputMissing, results.FailOutputMissing},
		{"symlink", func(t *testing.T, dir string) {
			mustDo(t, os.Mkdir(filepath.Join(dir, "out"), 0o755))
			mustDo(t, os.Symlink("/etc/passwd", filepath.Join(dir, "out", "link")))
		}, executor.OutputUnsafe, results.FailOutputUnsafe},
		{"fifo", func(t *testing.T, dir string) {
			mustDo(t, os.Mkdir(filepath.Join(dir, "out"), 0o755))
			mustDo(t, syscall.Mkfifo(filepath.Join(dir, "out", "pipe"), 0o644))
		}, executor.OutputUnsafe, results.FailOutputUnsafe},
		{"deep tree", func(t *testing.T, dir string) {
			r, err := os.OpenRoot(dir)
			mustDo(t, err)
			name := "out"
			for range 80 {
				mustDo(t, r.Mkdir(name, 0o755))
				next, err := r.OpenRoot(name)
				mustDo(t, err)
				r.Close()
				r, name = next, strings.Repeat("d", 100)
			}
			r.Close()
		}, executor.OutputUnsafe, results.FailOutputUnsafe},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tc.make(t, dir)
			_, _, err := results.Package(dir, []jobspec.Output{{Path: "out"}}, results.Limits{})
			if err == nil {
				t.Fatal("packaged")
			}
			fail := packagingFailure(err)
			if fail == nil || fail.Reason != tc.reason {
				t.Fatalf("packaging error %v: failure %v, want %v", executor.Elide(err.Error(), 300), fail, tc.reason)
			}
			if len(fail.Detail) > len("packaging the outputs: ")+executor.MaxQuoted {
				t.Errorf("detail of %d bytes: %q", len(fail.Detail), fail.Detail)
			}
			rec, ok := failureRecord(b, fail, executor.Result{}, err)
			if !ok || rec.Reason != tc.record || rec.Output != "out" {
				t.Fatalf("record %+v (%v), want %s of output out", rec, ok, tc.record)
			}
			t.Logf("%s: %s", fail.Reason, fail.Detail)
		})
	}
	// Too large and the node's own trouble.
	if f := packagingFailure(fmt.Errorf("x: %w", results.ErrTooLarge)); f == nil || f.Reason != executor.OutputTooLarge {
		t.Errorf("too large: %v", f)
	}
	if f := packagingFailure(fmt.Errorf("disk on fire")); f != nil {
		t.Errorf("an error that is not the job's: %v", f)
	}
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
