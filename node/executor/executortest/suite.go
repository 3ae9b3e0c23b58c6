// Package executortest is the conformance suite every executor passes: one set of tests,
// run against each engine with programs that engine can run, so that a job behaves — and a
// hostile job is contained and reported — the same way whichever engine runs it.
//
//	func TestConformance(t *testing.T) {
//		executortest.Run(t, func(t *testing.T) executor.Executor { … }, programs)
//	}
//
// Each case runs in parallel with the others; the executor must be safe for that.
package executortest

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multihash"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/executor"
)

// Program is how an engine runs one behaviour: what a spec names (an image or a module,
// an entrypoint, arguments) and, for wasm, the module's bytes.
type Program struct {
	Image      string   // engine docker
	Module     []byte   // engine wasm; the suite puts its CID in the spec
	Entrypoint []string // optional
	// Args come first; the suite appends the arguments a case passes, and the program sees
	// those as its trailing arguments (a shell script run by `sh -c script sh` sees them as
	// "$@").
	Args []string
}

// Programs are the behaviours the suite needs, written for one engine. Every program reads
// its input from /brine/inputs/greeting.txt when it needs one. A "report" is a file with
// one line "<name>: refused" or "<name>: allowed" per attempt, in the order listed.
type Programs struct {
	Engine jobspec.Engine

	// Outputs reads greeting.txt, writes "<greeting> world\n" to /brine/outputs/result.txt
	// and "nested\n" to /brine/outputs/dir/nested.txt, prints "done" and exits 0.
	Outputs Program
	// ArgsEnv writes its trailing arguments, one per line, to /brine/outputs/args.txt and
	// the value of $GREETING and a newline to /brine/outputs/env.txt.
	ArgsEnv Program
	// InputsReadOnly tries, in order, to overwrite /brine/inputs/greeting.txt ("overwrite"),
	// to create /brine/inputs/new.txt ("create"), to remove greeting.txt ("remove") and to
	// make the directory /brine/inputs/newdir ("mkdir"), and writes the report to
	// /brine/outputs/report.txt.
	InputsReadOnly Program
	// WriteOutside gets a token as its argument and tries to create the files
	// /escape-<token> ("root"), /brine/escape-<token> ("brine") and
	// /brine/outputs/../escape-<token> ("dotdot"); then ("symlink") to create the symbolic
	// link /brine/outputs/link -> ../secret-<token> and read a file through it (the
	// attempt counts as allowed only if both work), removing the link afterwards. It writes
	// the report to /brine/outputs/report.txt and exits 0.
	WriteOutside Program
	// Fail prints "about to fail" on stderr and exits with code 3.
	Fail Program
	// Spin runs until it is killed, without output.
	Spin Program
	// Flood writes to stdout without end.
	Flood Program
	// Hog allocates and touches memory until it is killed or allocation fails (then it
	// exits non-zero). The suite gives it 32MiB.
	Hog Program
	// Fill writes up to 64MiB to /brine/outputs/fill.bin, then runs until it is killed.
	Fill Program
	// FloodOutputs writes to /brine/outputs without end, ignoring every error: 1MiB at a
	// time, into new files of 8MiB each (flood-0.bin, flood-1.bin, …), until it is killed.
	FloodOutputs Program
	// Deterministic writes to /brine/outputs/det.txt whatever of its environment could
	// differ between two runs of the same job on the engine (clock, randomness, host
	// names, directory order, file metadata of its inputs, …) and exits 0. The executor
	// must make two runs write the same bytes.
	Deterministic Program
}

// Greeting is the content of the standard input file greeting.txt.
const Greeting = "hello"

// NewJob returns a valid job of engine running prog with the suite's case arguments appended,
// with fresh input and output directories (siblings under one t.TempDir) and the input
// greeting.txt holding Greeting. Change job.Spec and job.Limits as a case needs.
func NewJob(t testing.TB, engine jobspec.Engine, prog Program, args ...string) executor.Job {
	t.Helper()
	root := t.TempDir()
	job := executor.Job{
		ID:        "job-" + randomHex(t, 6),
		InputDir:  filepath.Join(root, "inputs"),
		OutputDir: filepath.Join(root, "outputs"),
		Spec: &jobspec.Spec{
			Version:    jobspec.Version,
			Engine:     engine,
			Image:      prog.Image,
			Entrypoint: slices.Clone(prog.Entrypoint),
			Args:       append(slices.Clone(prog.Args), args...),
			Inputs:     []jobspec.Input{{Path: "greeting.txt", Data: []byte(Greeting)}},
			Resources: jobspec.Resources{
				CPUMillis:   1000,
				MemoryBytes: 128 << 20,
				DiskBytes:   16 << 20,
				Time:        30 * time.Second,
			},
			Price:           jobspec.Price{Payment: "1", Collateral: "1"},
			Replicas:        1,
			Deadlines:       jobspec.Deadlines{AcceptWithin: 10 * time.Minute, RunWithin: time.Hour},
			ChallengeWindow: 2 * time.Minute,
		},
	}
	if prog.Module != nil {
		job.Module = prog.Module
		job.Spec.Module = ModuleCID(prog.Module)
	}
	for _, d := range []string{job.InputDir, job.OutputDir} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	SetGreeting(t, job, Greeting)
	return job
}

// SetGreeting replaces the content of the job's greeting.txt, in the spec and on disk.
func SetGreeting(t testing.TB, job executor.Job, greeting string) {
	t.Helper()
	job.Spec.Inputs = []jobspec.Input{{Path: "greeting.txt", Data: []byte(greeting)}}
	if err := os.WriteFile(filepath.Join(job.InputDir, "greeting.txt"), []byte(greeting), 0o600); err != nil {
		t.Fatal(err)
	}
}

// ModuleCID is the CID a spec names a module by (CIDv1, raw, sha2-256, like results).
func ModuleCID(module []byte) string {
	sum := sha256.Sum256(module)
	mh, err := multihash.Encode(sum[:], multihash.SHA2_256)
	if err != nil {
		panic(err)
	}
	return cid.NewCidV1(cid.Raw, mh).String()
}

// RunJob runs job and fails the test on an infrastructure error.
func RunJob(t testing.TB, ex executor.Executor, job executor.Job) executor.Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := ex.Run(ctx, job)
	if err != nil {
		t.Fatalf("Run(%s): %v", job.ID, err)
	}
	t.Logf("job %s: exit %d, failure %v, %s, log %d bytes, tail %q", job.ID, res.ExitCode, res.Failure,
		res.Duration().Round(time.Millisecond), res.LogBytes, executor.QuoteTail(res.LogTail, 200))
	return res
}

// WantSuccess fails the test unless res is a success.
func WantSuccess(t testing.TB, res executor.Result) {
	t.Helper()
	if res.Failure != nil || res.ExitCode != 0 {
		t.Fatalf("want success, got exit code %d, failure %v; log tail %q", res.ExitCode, res.Failure, res.LogTail)
	}
	if res.Started.IsZero() || res.Finished.Before(res.Started) {
		t.Errorf("Started %v, Finished %v: want a started job that finished after it started", res.Started, res.Finished)
	}
}

// WantFailure fails the test unless res failed for reason with exactly the message msg
// (msg "" skips the message check).
func WantFailure(t testing.TB, res executor.Result, reason executor.Reason, msg string) {
	t.Helper()
	if res.Failure == nil {
		t.Fatalf("want a %v failure, got success (exit code %d)", reason, res.ExitCode)
	}
	if !errors.Is(res.Failure, reason) {
		t.Fatalf("want a %v failure, got %v: %q", reason, res.Failure.Reason, res.Failure)
	}
	if msg != "" && res.Failure.Error() != msg {
		t.Errorf("failure message %q, want %q", res.Failure.Error(), msg)
	}
}

// ReadOutput returns the content of a file under the job's outputs.
func ReadOutput(t testing.TB, job executor.Job, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(job.OutputDir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatalf("output %s: %v", name, err)
	}
	return string(b)
}

// Tree lists a directory without following links: "path kind size sha256" per entry, sorted.
func Tree(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out = append(out, fmt.Sprintf("%s symlink -> %s", rel, target))
		case d.IsDir():
			out = append(out, rel+" dir")
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(b)
			out = append(out, fmt.Sprintf("%s file %d %x", rel, len(b), sum[:8]))
		}
		return nil
	})
	if err != nil {
		t.Fatalf("listing %s: %v", dir, err)
	}
	slices.Sort(out)
	return out
}

// diskUsage is what the regular files under dir take: their apparent sizes and the space
// allocated to them. Errors (the job still writing, removing) count as nothing.
func diskUsage(dir string) (bytes, allocated int64) {
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		bytes += info.Size()
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			allocated += st.Blocks * 512
		}
		return nil
	})
	return bytes, allocated
}

func randomHex(t testing.TB, n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

func report(lines ...string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l + ": refused\n")
	}
	return b.String()
}

// Run runs the conformance suite. newExecutor returns the executor under test (called once
// per case; close it with t.Cleanup if it needs closing).
func Run(t *testing.T, newExecutor func(t *testing.T) executor.Executor, prog Programs) {
	engine := prog.Engine
	cases := []struct {
		name string
		run  func(t *testing.T, ex executor.Executor)
	}{
		{"Outputs", func(t *testing.T, ex executor.Executor) {
			job := NewJob(t, engine, prog.Outputs)
			res := RunJob(t, ex, job)
			WantSuccess(t, res)
			if got := ReadOutput(t, job, "result.txt"); got != Greeting+" world\n" {
				t.Errorf("result.txt = %q, want %q", got, Greeting+" world\n")
			}
			if got := ReadOutput(t, job, "dir/nested.txt"); got != "nested\n" {
				t.Errorf("dir/nested.txt = %q, want %q", got, "nested\n")
			}
			if want := int64(len(Greeting+" world\n") + len("nested\n")); res.OutputBytes != want {
				t.Errorf("OutputBytes = %d, want %d", res.OutputBytes, want)
			}
			if !bytes.Contains(res.LogTail, []byte("done")) {
				t.Errorf("log tail %q does not hold the program's output \"done\"", res.LogTail)
			}
		}},
		{"ArgsAndEnv", func(t *testing.T, ex executor.Executor) {
			args := []string{"alpha", "two words", "$HOME;`id`|*", "-n", "", "ünïcødé"}
			job := NewJob(t, engine, prog.ArgsEnv, args...)
			job.Spec.Env = map[string]string{"GREETING": "héllo wörld=1 $PATH", "OTHER": "x"}
			res := RunJob(t, ex, job)
			WantSuccess(t, res)
			if got, want := ReadOutput(t, job, "args.txt"), strings.Join(args, "\n")+"\n"; got != want {
				t.Errorf("args.txt = %q, want %q (arguments must reach the program unchanged, never through a shell)", got, want)
			}
			if got, want := ReadOutput(t, job, "env.txt"), "héllo wörld=1 $PATH\n"; got != want {
				t.Errorf("env.txt = %q, want %q", got, want)
			}
		}},
		{"InputsAreReadOnly", func(t *testing.T, ex executor.Executor) {
			job := NewJob(t, engine, prog.InputsReadOnly)
			before := Tree(t, job.InputDir)
			res := RunJob(t, ex, job)
			WantSuccess(t, res)
			if got, want := ReadOutput(t, job, "report.txt"), report("overwrite", "create", "remove", "mkdir"); got != want {
				t.Errorf("report.txt:\n%s\nwant:\n%s", got, want)
			}
			if after := Tree(t, job.InputDir); !slices.Equal(before, after) {
				t.Errorf("inputs changed on the host:\nbefore %q\nafter  %q", before, after)
			}
		}},
		{"NoWritesOutsideOutputs", func(t *testing.T, ex executor.Executor) {
			token := randomHex(t, 8)
			job := NewJob(t, engine, prog.WriteOutside, token)
			root := filepath.Dir(job.OutputDir)
			secret := filepath.Join(root, "secret-"+token)
			if err := os.WriteFile(secret, []byte("host secret\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			beforeRoot, beforeIn := Tree(t, root), Tree(t, job.InputDir)
			res := RunJob(t, ex, job)
			WantSuccess(t, res)
			if got, want := ReadOutput(t, job, "report.txt"), report("root", "brine", "dotdot", "symlink"); got != want {
				t.Errorf("report.txt:\n%s\nwant:\n%s", got, want)
			}
			// Nothing new anywhere near the job on the host but the report; nothing at the
			// host paths a careless mount would map the job's paths to.
			afterRoot := Tree(t, root)
			var added []string
			for _, e := range afterRoot {
				if !slices.Contains(beforeRoot, e) && !strings.HasPrefix(e, "outputs/report.txt ") && e != "outputs dir" {
					added = append(added, e)
				}
			}
			if len(added) > 0 {
				t.Errorf("the job changed the host next to its outputs: %q", added)
			}
			if got := Tree(t, job.InputDir); !slices.Equal(got, beforeIn) {
				t.Errorf("inputs changed: %q, want %q", got, beforeIn)
			}
			for _, p := range []string{"/escape-" + token, "/brine/escape-" + token, filepath.Join(root, "escape-"+token)} {
				if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("host path %s: %v; want it absent", p, err)
				}
			}
		}},
		{"ExitCode", func(t *testing.T, ex executor.Executor) {
			job := NewJob(t, engine, prog.Fail)
			res := RunJob(t, ex, job)
			WantFailure(t, res, executor.ExitCode, "exit code 3: about to fail")
			if res.ExitCode != 3 {
				t.Errorf("ExitCode = %d, want 3", res.ExitCode)
			}
			if !bytes.Contains(res.LogTail, []byte("about to fail")) {
				t.Errorf("log tail %q lacks the program's stderr", res.LogTail)
			}
			if !bytes.Contains(res.StderrTail, []byte("about to fail")) || bytes.Contains(res.StdoutTail, []byte("about to fail")) {
				t.Errorf("stream tails: stdout %q, stderr %q; want the program's message in stderr's only", res.StdoutTail, res.StderrTail)
			}
		}},
		{"TimeLimit", func(t *testing.T, ex executor.Executor) {
			job := NewJob(t, engine, prog.Spin)
			job.Spec.Resources.Time = time.Second
			start := time.Now()
			res := RunJob(t, ex, job)
			WantFailure(t, res, executor.TimeLimit, "time limit 1s exceeded")
			if res.ExitCode != -1 {
				t.Errorf("ExitCode = %d, want -1 (killed)", res.ExitCode)
			}
			if d := res.Duration(); d < time.Second || d > 10*time.Second {
				t.Errorf("job ran %s; want 1s to 10s", d)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("Run took %s for a 1s limit", d)
			}
		}},
		{"EndlessOutput", func(t *testing.T, ex executor.Executor) {
			job := NewJob(t, engine, prog.Flood)
			job.Limits.LogBytes = 64 << 10
			job.Limits.TailBytes = 1 << 10
			res := RunJob(t, ex, job)
			WantFailure(t, res, executor.LogTooLarge, "log output exceeded 64KiB; the job was stopped")
			if res.LogBytes != 64<<10 {
				t.Errorf("LogBytes = %d, want exactly the limit %d", res.LogBytes, 64<<10)
			}
			if n := len(res.LogTail); n == 0 || n > 1<<10 {
				t.Errorf("log tail is %d bytes; want 1 to 1024", n)
			}
			if d := res.Duration(); d > 15*time.Second {
				t.Errorf("job ran %s: it was not stopped when its log passed the limit", d)
			}
		}},
		{"MemoryHog", func(t *testing.T, ex executor.Executor) {
			job := NewJob(t, engine, prog.Hog)
			job.Spec.Resources.MemoryBytes = 32 << 20
			res := RunJob(t, ex, job)
			WantFailure(t, res, executor.OutOfMemory, "out of memory (limit 32MiB)")
			if d := res.Duration(); d > 20*time.Second {
				t.Errorf("job ran %s", d)
			}
		}},
		{"OutputTooLarge", func(t *testing.T, ex executor.Executor) {
			job := NewJob(t, engine, prog.Fill)
			job.Spec.Resources.DiskBytes = 1 << 20
			res := RunJob(t, ex, job)
			WantFailure(t, res, executor.OutputTooLarge, "outputs exceeded 1MiB")
			if d := res.Duration(); d > 15*time.Second {
				t.Errorf("job ran %s: it was not stopped when its outputs passed the limit", d)
			}
		}},
		{"OutputsHeldAtTheWrite", func(t *testing.T, ex executor.Executor) {
			// A job writing far past its disk size, as fast as it can: the limit holds where
			// the bytes are written, so what is on the disk never passes it by more than a
			// small bound at any time during the run (measured while it runs: checking the
			// outputs now and then let 345MiB through against 16MiB).
			const limit, bound = 16 << 20, 1 << 20
			job := NewJob(t, engine, prog.FloodOutputs)
			job.Spec.Resources.DiskBytes = limit
			job.Limits.OutputFiles = 100
			done := make(chan executor.Result, 1)
			go func() { done <- RunJob(t, ex, job) }()
			var peak, peakBlocks int64
			var res executor.Result
			for running := true; running; {
				select {
				case res = <-done:
					running = false
				case <-time.After(2 * time.Millisecond):
				}
				bytes, blocks := diskUsage(job.OutputDir)
				peak, peakBlocks = max(peak, bytes), max(peakBlocks, blocks)
			}
			t.Logf("peak during the run: %d bytes in files, %d bytes allocated (limit %d)", peak, peakBlocks, limit)
			WantFailure(t, res, executor.OutputTooLarge, "outputs exceeded 16MiB")
			if peak > limit+bound || peakBlocks > limit+bound {
				t.Errorf("the outputs reached %s (%s allocated) during the run; the limit is %s (+%s)",
					executor.FormatBytes(uint64(peak)), executor.FormatBytes(uint64(peakBlocks)), executor.FormatBytes(limit), executor.FormatBytes(bound))
			}
			if d := res.Duration(); d > 15*time.Second {
				t.Errorf("job ran %s: it was not stopped when its outputs reached the limit", d)
			}
		}},
		{"Deterministic", func(t *testing.T, ex executor.Executor) {
			var trees [2][]string
			var dets [2]string
			for i := range trees {
				job := NewJob(t, engine, prog.Deterministic, "arg")
				job.Spec.Env = map[string]string{"GREETING": "hi", "A": "1", "Z": "2"}
				// Inputs with several entries, written in a different order each run.
				names := []string{"b.txt", "a.txt", "c.txt"}
				if i == 1 {
					slices.Reverse(names)
				}
				for _, n := range names {
					if err := os.WriteFile(filepath.Join(job.InputDir, n), []byte(n), 0o600); err != nil {
						t.Fatal(err)
					}
					job.Spec.Inputs = append(job.Spec.Inputs, jobspec.Input{Path: n, Data: []byte(n)})
				}
				if i == 1 {
					time.Sleep(1100 * time.Millisecond) // so file times and clocks differ between the runs
				}
				WantSuccess(t, RunJob(t, ex, job))
				trees[i] = Tree(t, job.OutputDir)
				dets[i] = ReadOutput(t, job, "det.txt")
			}
			if dets[0] == "" {
				t.Fatal("det.txt is empty")
			}
			if dets[0] != dets[1] {
				t.Errorf("two runs of the same job wrote different det.txt:\n--- first\n%s\n--- second\n%s", dets[0], dets[1])
			}
			if !slices.Equal(trees[0], trees[1]) {
				t.Errorf("two runs of the same job wrote different outputs:\n%q\n%q", trees[0], trees[1])
			}
		}},
		{"Concurrent", func(t *testing.T, ex executor.Executor) {
			const n = 4
			var wg sync.WaitGroup
			jobs := make([]executor.Job, n)
			results := make([]executor.Result, n)
			errs := make([]error, n)
			for i := range jobs {
				jobs[i] = NewJob(t, engine, prog.Outputs)
				SetGreeting(t, jobs[i], fmt.Sprintf("job-%d", i))
			}
			for i := range jobs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
					defer cancel()
					results[i], errs[i] = ex.Run(ctx, jobs[i])
				}()
			}
			wg.Wait()
			for i := range jobs {
				if errs[i] != nil {
					t.Fatalf("job %d: %v", i, errs[i])
				}
				WantSuccess(t, results[i])
				if got, want := ReadOutput(t, jobs[i], "result.txt"), fmt.Sprintf("job-%d world\n", i); got != want {
					t.Errorf("job %d result.txt = %q, want %q", i, got, want)
				}
				if got := Tree(t, jobs[i].OutputDir); len(got) != 3 {
					t.Errorf("job %d outputs %q; want result.txt, dir, dir/nested.txt", i, got)
				}
			}
		}},
		{"BadSpec", func(t *testing.T, ex executor.Executor) {
			other := jobspec.EngineDocker
			if engine == jobspec.EngineDocker {
				other = jobspec.EngineWasm
			}
			for _, tc := range []struct {
				name   string
				change func(*executor.Job)
				msg    string
			}{
				{"other engine", func(j *executor.Job) { j.Spec.Engine = other },
					fmt.Sprintf("bad spec: engine %q cannot run on the %s executor", other, engine)},
				{"over the memory cap", func(j *executor.Job) { j.Limits.MemoryBytes = 64 << 20 },
					"bad spec: resources.memory 128MiB is more than this node allows (64MiB)"},
				{"over the time cap", func(j *executor.Job) { j.Limits.Time = 10 * time.Second },
					"bad spec: resources.time 30s is more than this node allows (10s)"},
				{"network not allowed", func(j *executor.Job) { j.Spec.Network = true },
					"bad spec: the job asks for network and this node runs jobs without network"},
				{"invalid", func(j *executor.Job) { j.Spec.Replicas = 0 }, ""},
			} {
				t.Run(tc.name, func(t *testing.T) {
					job := NewJob(t, engine, prog.Outputs)
					tc.change(&job)
					res := RunJob(t, ex, job)
					WantFailure(t, res, executor.BadSpec, tc.msg)
					if !res.Started.IsZero() {
						t.Error("a job with a bad spec was started")
					}
					if got := Tree(t, job.OutputDir); len(got) != 0 {
						t.Errorf("outputs %q; want none", got)
					}
				})
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.run(t, newExecutor(t))
		})
	}
}
