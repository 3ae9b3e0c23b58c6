// Package executor runs one job of a compute node: the program a job spec names, with the
// spec's inputs mounted read-only at /brine/inputs, an empty writable /brine/outputs, and the
// spec's resources enforced. Engines implement Executor (node/executor/docker,
// node/executor/wasm); every implementation passes the one conformance suite in
// node/executor/executortest.
//
// An executor treats the program as hostile: fork bombs, memory hogs, endless output,
// network attempts, writes outside the outputs and huge outputs are contained and reported
// as a Failure the client can read, and none of them takes the node down. The outputs'
// limits hold where the bytes are written (each executor says how), not only when they are
// measured: the conformance suite measures the outputs while a job floods them.
//
// # Job failures and errors
//
// Run returns an error only for infrastructure trouble (the engine does not answer, the
// caller's context was cancelled, the job's directories are unusable); the node retries or
// gives up on the job, and the client learns nothing from it. Everything the job's own spec
// or program caused (a bad spec, an absent image, a non-zero exit, a limit exceeded) is a
// Result whose Failure says why, in words a client can read:
//
//	time limit 5s exceeded
//	exit code 3: <last lines of the job's output>
//	out of memory (limit 64MiB)
//	image pull failed: alpine:3.20: …
//
// # Optional capabilities
//
// Beyond Run an executor may implement, found by type assertion:
//
//   - Preparer: make a job runnable before its clock starts (docker pulls the image here, so
//     pull time never counts against the job's time limit);
//   - Reconciler: remove what a crashed node left behind (docker removes containers labelled
//     with the node's ID);
//   - io.Closer: release the engine's resources when the node stops.
package executor

import (
	"context"
	"time"

	"github.com/brine-compute/brine/jobspec"
)

// Executor runs jobs with one engine. Implementations are safe for concurrent use: a node
// runs several jobs at once through one Executor.
type Executor interface {
	// Name is the engine the executor implements, as a spec names it ("docker", "wasm").
	Name() string
	// Run executes the job to completion and reports how it ended. Job failures are in
	// Result.Failure; the error is non-nil only for infrastructure trouble, and then the
	// Result is meaningless. When ctx is cancelled the job is stopped, cleaned up and Run
	// returns ctx's error.
	Run(ctx context.Context, job Job) (Result, error)
}

// Preparer is implemented by executors that can do a job's slow set-up (pulling an image)
// before the job's clock starts. Prepare returns a *Failure (errors.As) when the job cannot
// run because of its spec (the image does not exist, pulls are disabled, the image is too
// large), and any other error for infrastructure trouble. Run prepares on its own when the
// caller did not; preparing twice is cheap.
type Preparer interface {
	Prepare(ctx context.Context, spec *jobspec.Spec) error
}

// Reconciler is implemented by executors that leave state in an engine outside the node's
// process (containers). Reconcile removes what this node left behind and is not running now,
// for example after a crash, and reports how much it removed.
type Reconciler interface {
	Reconcile(ctx context.Context) (removed int, err error)
}

// Job is one execution of a spec on this node.
type Job struct {
	// ID names this execution on this node (the node's job record); it labels the
	// execution's engine objects. Required.
	ID string
	// Spec is the parsed, hash-checked job spec. Its engine must be the executor's.
	Spec *jobspec.Spec
	// InputDir is a host directory, prepared by the caller, that the job sees read-only at
	// jobspec.InputsDir. Executors may add read permission for the job's user to it.
	InputDir string
	// OutputDir is an existing, empty host directory that the job sees read-write at
	// jobspec.OutputsDir. What is in it when Run returns without a Failure is the job's
	// result; after a Failure it holds whatever the job left and should be discarded.
	OutputDir string
	// Module is the WebAssembly module (engine wasm), fetched and checked against
	// Spec.Module by the caller. Unused by other engines.
	Module []byte
	// Limits are the node's caps on this job.
	Limits Limits
}

// Limits are a node's policy caps. A spec asking for more memory, CPU or time than the caps
// fails as BadSpec (the node's policy should have refused it before accepting). Zero means
// "no cap" for MemoryBytes, CPUMillis, Time and OutputBytes (the spec's own values still
// apply) and "the default" for the others.
type Limits struct {
	MemoryBytes uint64        // most memory a job may ask for
	CPUMillis   uint64        // most CPU a job may ask for, in thousandths of a core
	Time        time.Duration // longest wall-clock time a job may ask for
	Pids        int64         // processes and threads of one job; default DefaultPids
	LogBytes    int64         // combined stdout and stderr; past it the job is stopped (LogTooLarge); default DefaultLogBytes
	TailBytes   int           // how much of the end of the output Result.LogTail keeps; default DefaultTailBytes
	OutputBytes int64         // total size of the output files, on top of the spec's disk size
	OutputFiles int           // number of entries under the outputs; default DefaultOutputFiles
	Network     bool          // whether a job whose spec asks for network gets it
}

// Defaults for zero Limits fields.
const (
	DefaultPids        = 256
	DefaultLogBytes    = 1 << 20
	DefaultTailBytes   = 4 << 10
	DefaultOutputFiles = 10000
)

// Result is how a run ended.
type Result struct {
	// ExitCode is the program's exit status as the engine reports it (137 for a process the
	// kernel's OOM killer ended); -1 when the node stopped it for a limit, when it trapped
	// (wasm), or when it never started.
	ExitCode int
	// Failure says why the job failed; nil when it succeeded (exit code 0 and every limit
	// respected).
	Failure *Failure
	// LogTail is the end of the job's combined stdout and stderr, at most Limits.TailBytes.
	LogTail []byte
	// StdoutTail and StderrTail are the ends of each stream on its own, at most
	// Limits.TailBytes each: unlike LogTail's interleaving, each is exactly what the program
	// wrote to that stream, so a deterministic program gives the same on every node.
	StdoutTail, StderrTail []byte
	// LogBytes is how much the job wrote to stdout and stderr (counted up to the log limit).
	LogBytes int64
	// OutputBytes is the total size of the regular files under OutputDir after the run.
	OutputBytes int64
	// Started is when the job's clock started (after any preparation), Finished when it
	// ended. Both are zero when the job never started (a BadSpec or PullFailed failure).
	Started, Finished time.Time
}

// Duration is how long the job ran.
func (r Result) Duration() time.Duration {
	if r.Started.IsZero() || r.Finished.IsZero() {
		return 0
	}
	return r.Finished.Sub(r.Started)
}
