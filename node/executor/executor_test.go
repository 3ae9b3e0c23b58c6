package executor_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/executor"
)

func TestFailureMessages(t *testing.T) {
	for _, tc := range []struct {
		f      *executor.Failure
		reason executor.Reason
		want   string
	}{
		{executor.TimeLimitExceeded(5 * time.Second), executor.TimeLimit, "time limit 5s exceeded"},
		{executor.TimeLimitExceeded(90 * time.Second), executor.TimeLimit, "time limit 1m30s exceeded"},
		{executor.OutOfMemoryFailure(64 << 20), executor.OutOfMemory, "out of memory (limit 64MiB)"},
		{executor.OutOfMemoryFailure(1536 << 20), executor.OutOfMemory, "out of memory (limit 1.5GiB)"},
		{executor.LogLimitExceeded(1 << 20), executor.LogTooLarge, "log output exceeded 1MiB; the job was stopped"},
		{executor.PullFailure("alpine:3.20", errors.New("not found")), executor.PullFailed, "image pull failed: alpine:3.20: not found"},
		{executor.ExitFailure(3, []byte("line 1\nboom\n")), executor.ExitCode, "exit code 3: line 1\nboom"},
		{executor.ExitFailure(1, nil), executor.ExitCode, "exit code 1"},
		{executor.ExitFailure(2, []byte{0xff, 'x'}), executor.ExitCode, "exit code 2: \uFFFDx"},
		{&executor.Failure{Reason: executor.Internal}, executor.Internal, "internal error"},
	} {
		if got := tc.f.Error(); got != tc.want {
			t.Errorf("%v: message %q, want %q", tc.reason, got, tc.want)
		}
		if !errors.Is(tc.f, tc.reason) {
			t.Errorf("errors.Is(%q, %v) = false", tc.f, tc.reason)
		}
		if errors.Is(tc.f, executor.BadSpec) {
			t.Errorf("errors.Is(%q, BadSpec) = true", tc.f)
		}
		wrapped := fmt.Errorf("preparing: %w", tc.f)
		if f, ok := executor.AsFailure(wrapped); !ok || f != tc.f {
			t.Errorf("AsFailure(wrapped %q) = %v, %v", tc.f, f, ok)
		}
	}
	if _, ok := executor.AsFailure(errors.New("plain")); ok {
		t.Error("AsFailure of a plain error: ok")
	}
}

// The exit failure quotes at most 1KiB of the end of the log, from a line start.
func TestExitFailureQuotesTheEnd(t *testing.T) {
	var log bytes.Buffer
	for i := range 200 {
		fmt.Fprintf(&log, "line %03d\n", i)
	}
	msg := executor.ExitFailure(1, log.Bytes()).Error()
	quoted := strings.TrimPrefix(msg, "exit code 1: ")
	if len(quoted) > 1024 || !strings.HasPrefix(quoted, "line ") || !strings.HasSuffix(quoted, "line 199") {
		t.Errorf("quoted %d bytes: %q…%q", len(quoted), quoted[:20], quoted[len(quoted)-20:])
	}
}

func TestReasonText(t *testing.T) {
	for r := executor.BadSpec; r <= executor.OutputUnsafe; r++ {
		text, err := r.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back executor.Reason
		if err := back.UnmarshalText(text); err != nil || back != r {
			t.Errorf("%v: %s parsed back as %v, %v", r, text, back, err)
		}
	}
	b, err := json.Marshal(executor.TimeLimitExceeded(time.Second))
	if err != nil || string(b) != `{"reason":"time_limit","detail":"time limit 1s exceeded"}` {
		t.Errorf("JSON %s, %v", b, err)
	}
	var r executor.Reason
	if err := r.UnmarshalText([]byte("bogus")); err == nil {
		t.Error("bogus reason parsed")
	}
	if _, err := executor.Reason(0).MarshalText(); err == nil {
		t.Error("zero reason marshalled")
	}
}

func TestElide(t *testing.T) {
	long := strings.Repeat("d/", 3000) + "leaf.txt"
	for _, tc := range []struct {
		name, in string
		max      int
		want     string
	}{
		{"short is kept", "outputs/a.txt", 200, "outputs/a.txt"},
		{"exactly max", "abcdef", 6, "abcdef"},
		{"middle elided", "abcdefghij", 7, "ab…ij"},
		{"deep path keeps both ends", long, 40, "d/d/d/d/d/d/d/d/d/…/d/d/d/d/d/leaf.txt"},
		{"no rune is cut", "ééééé" + "xxxxxxxxxx" + "ééééé", 12, "éé…éé"},
		{"invalid UTF-8 replaced", "a\xffb", 200, "a\uFFFDb"},
		{"tiny max", "abcdef", 3, "…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := executor.Elide(tc.in, tc.max)
			if got != tc.want {
				t.Errorf("Elide(%q, %d) = %q, want %q", executor.Elide(tc.in, 60), tc.max, got, tc.want)
			}
			if len(got) > max(tc.max, len("…")) {
				t.Errorf("%d bytes, more than %d", len(got), tc.max)
			}
		})
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[uint64]string{
		0: "0B", 512: "512B", 1024: "1KiB", 1536: "1.5KiB", 64 << 20: "64MiB", 3 << 30: "3GiB", 1 << 40: "1TiB",
	} {
		if got := executor.FormatBytes(n); got != want {
			t.Errorf("FormatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestLogCapture(t *testing.T) {
	calls := 0
	c := executor.NewLogCapture(10, 4, func() { calls++ })
	if n, err := c.Write([]byte("abc")); n != 3 || err != nil {
		t.Fatalf("Write: %d, %v", n, err)
	}
	if got := string(c.Tail()); got != "abc" {
		t.Errorf("tail %q", got)
	}
	if n, err := c.Write([]byte("defg")); n != 4 || err != nil {
		t.Fatalf("Write: %d, %v", n, err)
	}
	if got := string(c.Tail()); got != "defg" {
		t.Errorf("tail %q, want defg", got)
	}
	// 7 written, room for 3: "hij" kept, the rest refused.
	if n, err := c.Write([]byte("hijklm")); n != 3 || !errors.Is(err, executor.ErrLogLimit) {
		t.Fatalf("Write past the limit: %d, %v", n, err)
	}
	if n, err := c.Write([]byte("x")); n != 0 || !errors.Is(err, executor.ErrLogLimit) {
		t.Fatalf("Write after the limit: %d, %v", n, err)
	}
	if got := string(c.Tail()); got != "ghij" {
		t.Errorf("tail %q, want ghij", got)
	}
	if c.Total() != 10 || !c.Exceeded() || calls != 1 {
		t.Errorf("total %d, exceeded %v, onExceed called %d times", c.Total(), c.Exceeded(), calls)
	}
	// Exactly the limit is not over it.
	c = executor.NewLogCapture(4, 8, nil)
	if _, err := c.Write([]byte("abcd")); err != nil || c.Exceeded() {
		t.Errorf("writing exactly the limit: %v, exceeded %v", err, c.Exceeded())
	}
	// Each stream keeps its own tail besides the combined one.
	c = executor.NewLogCapture(100, 4, nil)
	c.Stdout().Write([]byte("out1"))
	c.Stderr().Write([]byte("err1"))
	c.Stdout().Write([]byte("O"))
	c.Write([]byte("?"))
	if out, errs, all := string(c.StdoutTail()), string(c.StderrTail()), string(c.Tail()); out != "ut1O" || errs != "err1" || all != "r1O?" {
		t.Errorf("tails: stdout %q, stderr %q, combined %q; want ut1O, err1, r1O?", out, errs, all)
	}
	// A write larger than the tail keeps its end.
	c = executor.NewLogCapture(100, 3, nil)
	c.Write([]byte("a"))
	c.Write([]byte("0123456789"))
	if got := string(c.Tail()); got != "789" {
		t.Errorf("tail %q, want 789", got)
	}
}

func validSpec() *jobspec.Spec {
	return &jobspec.Spec{
		Version: 1, Engine: jobspec.EngineDocker, Image: "busybox:1.36",
		Resources: jobspec.Resources{CPUMillis: 500, MemoryBytes: 256 << 20, DiskBytes: 1 << 30, Time: time.Minute},
		Price:     jobspec.Price{Payment: "1", Collateral: "1"}, Replicas: 1,
		Deadlines:       jobspec.Deadlines{AcceptWithin: time.Minute, RunWithin: time.Hour},
		ChallengeWindow: time.Minute,
	}
}

func TestNewBudget(t *testing.T) {
	defaults := executor.Budget{
		MemoryBytes: 256 << 20, CPUMillis: 500, Time: time.Minute, Pids: executor.DefaultPids,
		LogBytes: executor.DefaultLogBytes, TailBytes: executor.DefaultTailBytes, OutputBytes: 1 << 30,
		OutputFiles: executor.DefaultOutputFiles,
	}
	for _, tc := range []struct {
		name   string
		spec   func(*jobspec.Spec)
		limits executor.Limits
		want   executor.Budget
		fail   string
	}{
		{name: "defaults", want: defaults},
		{name: "caps above the spec", limits: executor.Limits{MemoryBytes: 1 << 30, CPUMillis: 2000, Time: time.Hour, Pids: 64, LogBytes: 1 << 10, TailBytes: 100, OutputFiles: 5},
			want: executor.Budget{MemoryBytes: 256 << 20, CPUMillis: 500, Time: time.Minute, Pids: 64, LogBytes: 1 << 10, TailBytes: 100, OutputBytes: 1 << 30, OutputFiles: 5}},
		{name: "output cap below the disk size", limits: executor.Limits{OutputBytes: 1 << 20},
			want: func() executor.Budget { b := defaults; b.OutputBytes = 1 << 20; return b }()},
		{name: "network allowed", spec: func(s *jobspec.Spec) { s.Network = true }, limits: executor.Limits{Network: true},
			want: func() executor.Budget { b := defaults; b.Network = true; return b }()},
		{name: "memory over the cap", limits: executor.Limits{MemoryBytes: 128 << 20},
			fail: "bad spec: resources.memory 256MiB is more than this node allows (128MiB)"},
		{name: "cpu over the cap", limits: executor.Limits{CPUMillis: 250},
			fail: "bad spec: resources.cpu 500m is more than this node allows (250m)"},
		{name: "time over the cap", limits: executor.Limits{Time: 30 * time.Second},
			fail: "bad spec: resources.time 1m0s is more than this node allows (30s)"},
		{name: "network refused", spec: func(s *jobspec.Spec) { s.Network = true },
			fail: "bad spec: the job asks for network and this node runs jobs without network"},
		{name: "wrong engine", spec: func(s *jobspec.Spec) { s.Engine = jobspec.EngineWasm },
			fail: `bad spec: engine "wasm" cannot run on the docker executor`},
		{name: "invalid", spec: func(s *jobspec.Spec) { s.Resources.Time = 0 },
			fail: "bad spec: invalid job spec: resources.time is required: the run's wall-clock limit, like 10m"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := validSpec()
			if tc.spec != nil {
				tc.spec(spec)
			}
			b, f := executor.NewBudget(executor.Job{ID: "j", Spec: spec, Limits: tc.limits}, jobspec.EngineDocker)
			if tc.fail != "" {
				if f == nil || f.Reason != executor.BadSpec || f.Error() != tc.fail {
					t.Fatalf("failure %v, want BadSpec %q", f, tc.fail)
				}
				return
			}
			if f != nil {
				t.Fatalf("failure %v", f)
			}
			if b != tc.want {
				t.Errorf("budget %+v\nwant   %+v", b, tc.want)
			}
		})
	}
	if _, f := executor.NewBudget(executor.Job{ID: "j"}, jobspec.EngineDocker); f == nil || f.Reason != executor.BadSpec {
		t.Errorf("no spec: %v", f)
	}
}

func TestMeasureOutputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a", 100)
	write("sub/b", 200)
	// A link to a large file outside counts nothing: it is never followed.
	outside := filepath.Join(t.TempDir(), "big")
	if err := os.WriteFile(outside, make([]byte, 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Dir(outside), filepath.Join(dir, "linkdir")); err != nil {
		t.Fatal(err)
	}
	// A sparse file counts its full length.
	f, err := os.Create(filepath.Join(dir, "sparse"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1000); err != nil {
		t.Fatal(err)
	}
	f.Close()

	for _, tc := range []struct {
		maxBytes int64
		maxFiles int
		fail     string
	}{
		{1 << 20, 100, ""},
		{1300, 6, ""},
		{1299, 100, "outputs exceeded 1.3KiB"},
		{1 << 20, 5, "outputs exceeded 5 files"},
	} {
		u, f, err := executor.MeasureOutputs(dir, tc.maxBytes, tc.maxFiles)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tc.fail == "" && f != nil:
			t.Errorf("limits %d/%d: failure %v", tc.maxBytes, tc.maxFiles, f)
		case tc.fail != "" && (f == nil || f.Reason != executor.OutputTooLarge || f.Error() != tc.fail):
			t.Errorf("limits %d/%d: failure %v, want %q", tc.maxBytes, tc.maxFiles, f, tc.fail)
		case tc.fail == "" && (u.Bytes != 1300 || u.Files != 6):
			t.Errorf("usage %+v, want 1300 bytes in 6 entries", u)
		}
	}
}

func TestCheckDirs(t *testing.T) {
	root := t.TempDir()
	in, out, file := filepath.Join(root, "in"), filepath.Join(root, "out"), filepath.Join(root, "file")
	link := filepath.Join(root, "link")
	for _, d := range []string{in, out} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(file, nil, 0o600)
	os.Symlink(out, link)
	full := filepath.Join(root, "full")
	os.Mkdir(full, 0o700)
	os.WriteFile(filepath.Join(full, "x"), nil, 0o600)
	for _, tc := range []struct {
		job executor.Job
		ok  bool
	}{
		{executor.Job{ID: "j", InputDir: in, OutputDir: out}, true},
		{executor.Job{InputDir: in, OutputDir: out}, false},
		{executor.Job{ID: "j", OutputDir: out}, false},
		{executor.Job{ID: "j", InputDir: in, OutputDir: filepath.Join(root, "missing")}, false},
		{executor.Job{ID: "j", InputDir: in, OutputDir: file}, false},
		{executor.Job{ID: "j", InputDir: in, OutputDir: link}, false},
		{executor.Job{ID: "j", InputDir: in, OutputDir: full}, false},
	} {
		if err := executor.CheckDirs(tc.job); (err == nil) != tc.ok {
			t.Errorf("CheckDirs(%+v) = %v, want ok %v", tc.job, err, tc.ok)
		}
	}
}

// A tree whose paths run past PATH_MAX (a job's doing) is measured, not an error: the node
// used to blame itself for it and run the job three times. Below MaxOutputDepth nothing is
// counted (the packager refuses such an output as unsafe).
func TestMeasureOutputsDeepTree(t *testing.T) {
	dir := t.TempDir()
	name := strings.Repeat("d", 100)
	const levels = 80 // 8KB of path
	r, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range levels {
		if i == 3 {
			if err := r.WriteFile("f", make([]byte, 10), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := r.Mkdir(name, 0o755); err != nil {
			t.Fatal(err)
		}
		next, err := r.OpenRoot(name)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		r = next
	}
	r.Close()
	u, fail, err := executor.MeasureOutputs(dir, 1<<20, 1000)
	if err != nil || fail != nil {
		t.Fatalf("MeasureOutputs: %v, %v; want a measurement", err, fail)
	}
	if want := (executor.Usage{Bytes: 10, Files: executor.MaxOutputDepth + 1}); u != want {
		t.Errorf("usage %+v, want %+v", u, want)
	}
	if _, fail, _ := executor.MeasureOutputs(dir, 1<<20, 20); fail == nil || fail.Reason != executor.OutputTooLarge {
		t.Errorf("20 files allowed: failure %v, want output_too_large", fail)
	}
}
