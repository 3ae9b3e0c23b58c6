// Package wasm runs jobs of engine "wasm": WebAssembly modules (WASI preview 1 commands)
// in-process with wazero, deterministically, so that a verifier re-running a job gets the
// provider's outputs byte for byte.
//
// A job's module sees:
//
//   - its arguments (argv[0] is the spec's entrypoint when it has one, else the module's CID,
//     then the spec's args) and exactly the spec's environment;
//   - an empty stdin; stdout and stderr captured together, the job stopped once they pass
//     the log limit;
//   - /brine/inputs read-only (through os.Root: symbolic links cannot leave the inputs) and
//     /brine/outputs read-write (creating symbolic links is refused, so nothing in it can
//     point outside); no other files, no network, no threads;
//   - wazero's fake clocks and random source (a fixed starting time that advances 1ms per
//     read, a seeded random stream, sleeps that return at once), directory entries sorted by
//     name and file times, inode numbers and directory sizes of zero: nothing that differs
//     between two runs;
//   - linear memory limited to the spec's memory (a refused grow that kills the guest is
//     reported as out of memory), a wall-clock limit that stops the guest wherever it is,
//     and the outputs' limits (the spec's disk size, the file count) enforced at every write:
//     the write that would pass one fails (EIO) and stops the guest, so the outputs on disk
//     never exceed the limit (quota.go).
//
// What wasm cannot enforce: a CPU share below one core (a job uses at most one core and its
// time limit bounds the rest); the host memory wazero needs besides the linear memory (code,
// stacks) is not counted.
package wasm

import (
	"container/list"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/experimental"
	experimentalsysfs "github.com/tetratelabs/wazero/experimental/sysfs"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/executor"
)

// Engine is the spec engine this executor runs.
const Engine = jobspec.EngineWasm

const pageSize = 64 << 10

// Config configures an Executor.
type Config struct {
	// CompilationCache shares compiled code between executors, and across restarts when made
	// with wazero.NewCompilationCacheWithDir; nil: none beyond CachedModules.
	CompilationCache wazero.CompilationCache
	// CachedModules is how many compiled modules stay in memory between jobs; default 8.
	CachedModules int
	// MaxModuleBytes refuses (BadSpec) larger modules; default 64MiB.
	MaxModuleBytes int
	// OutputCheckInterval is how often the outputs are measured while a job runs; default
	// 500ms.
	OutputCheckInterval time.Duration
	// Logger; default discards.
	Logger *slog.Logger
	// Now is the clock for Result.Started and Finished; default time.Now. (The guest never
	// sees it.)
	Now func() time.Time
}

// Executor runs wasm jobs. It implements executor.Executor and io.Closer.
type Executor struct {
	cfg Config
	rt  wazero.Runtime
	log *slog.Logger

	closing context.Context // done when Close starts: running jobs stop
	stopAll context.CancelFunc
	runs    sync.WaitGroup // Close waits for them before closing the runtime
	mu      sync.Mutex
	closed  bool
	lru     *list.List                 // of *cached, most recently used first
	byHash  map[[32]byte]*list.Element // into lru
}

type cached struct {
	hash     [32]byte
	compiled wazero.CompiledModule
	refs     int  // runs using it
	evicted  bool // out of the cache: closed when refs reaches zero
}

var (
	_ executor.Executor = (*Executor)(nil)
	_ io.Closer         = (*Executor)(nil)
)

// New returns an executor with its own wazero runtime.
func New(ctx context.Context, cfg Config) (*Executor, error) {
	if cfg.CachedModules < 0 || cfg.MaxModuleBytes < 0 || cfg.OutputCheckInterval < 0 {
		return nil, errors.New("wasm executor: negative limit in config")
	}
	if cfg.CachedModules == 0 {
		cfg.CachedModules = 8
	}
	if cfg.MaxModuleBytes == 0 {
		cfg.MaxModuleBytes = 64 << 20
	}
	if cfg.OutputCheckInterval == 0 {
		cfg.OutputCheckInterval = 500 * time.Millisecond
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	rc := wazero.NewRuntimeConfig().
		WithCloseOnContextDone(true) // the time limit stops a guest wherever it is
	if cfg.CompilationCache != nil {
		rc = rc.WithCompilationCache(cfg.CompilationCache)
	}
	rt := wazero.NewRuntimeWithConfig(ctx, rc)
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		_ = rt.Close(ctx)
		return nil, fmt.Errorf("wasm executor: WASI: %w", err)
	}
	e := &Executor{cfg: cfg, rt: rt, log: cfg.Logger, lru: list.New(), byHash: map[[32]byte]*list.Element{}}
	e.closing, e.stopAll = context.WithCancel(context.Background())
	if e.log == nil {
		e.log = slog.New(slog.DiscardHandler)
	}
	return e, nil
}

// Name is "wasm".
func (e *Executor) Name() string { return string(Engine) }

// enter registers a run; false once the executor is closed.
func (e *Executor) enter() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return false
	}
	e.runs.Add(1)
	return true
}

// Close stops the running jobs (their Run returns an error), waits for them and releases
// the runtime and the compiled modules.
func (e *Executor) Close() error {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil
	}
	e.closed = true
	e.lru.Init()
	clear(e.byHash)
	e.mu.Unlock()
	e.stopAll()
	e.runs.Wait()
	return e.rt.Close(context.Background())
}

// compile returns the compiled module and a release function. Compiled modules are cached
// by the hash of their bytes and shared between runs; beyond CachedModules the least
// recently used is evicted, and closed once no run holds it.
func (e *Executor) compile(ctx context.Context, module []byte) (wazero.CompiledModule, func(), error) {
	hash := sha256.Sum256(module)
	if c := e.cachedModule(hash); c != nil {
		return c.compiled, func() { e.releaseModule(c) }, nil
	}
	compiled, err := e.rt.CompileModule(ctx, module)
	if err != nil {
		return nil, nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		_ = compiled.Close(context.Background())
		return nil, nil, errClosed
	}
	if el, ok := e.byHash[hash]; ok { // compiled concurrently by another run
		_ = compiled.Close(context.Background())
		c := el.Value.(*cached)
		c.refs++
		return c.compiled, func() { e.releaseModule(c) }, nil
	}
	c := &cached{hash: hash, compiled: compiled, refs: 1}
	e.byHash[hash] = e.lru.PushFront(c)
	for e.lru.Len() > e.cfg.CachedModules {
		old := e.lru.Remove(e.lru.Back()).(*cached)
		delete(e.byHash, old.hash)
		old.evicted = true
		if old.refs == 0 {
			_ = old.compiled.Close(context.Background())
		}
	}
	return compiled, func() { e.releaseModule(c) }, nil
}

func (e *Executor) cachedModule(hash [32]byte) *cached {
	e.mu.Lock()
	defer e.mu.Unlock()
	el, ok := e.byHash[hash]
	if !ok || e.closed {
		return nil
	}
	e.lru.MoveToFront(el)
	c := el.Value.(*cached)
	c.refs++
	return c
}

func (e *Executor) releaseModule(c *cached) {
	e.mu.Lock()
	defer e.mu.Unlock()
	c.refs--
	if c.refs == 0 && c.evicted {
		_ = c.compiled.Close(context.Background())
	}
}

var errClosed = errors.New("wasm executor: closed")

// Causes of stopping a guest.
var (
	errMemory    = errors.New("memory limit")
	errTimeLimit = errors.New("time limit")
	errLogLimit  = errors.New("log limit")
	errOutputs   = errors.New("output limit")
)

// Run runs the job's module to completion.
func (e *Executor) Run(ctx context.Context, job executor.Job) (executor.Result, error) {
	res := executor.Result{ExitCode: -1}
	if !e.enter() {
		return res, errClosed
	}
	defer e.runs.Done()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	defer context.AfterFunc(e.closing, func() { cancel(errClosed) })()
	if err := executor.CheckDirs(job); err != nil {
		return res, err
	}
	b, fail := executor.NewBudget(job, Engine)
	if fail != nil {
		res.Failure = fail
		return res, nil
	}
	if len(job.Module) == 0 {
		return res, fmt.Errorf("wasm executor: job %s has no module bytes", job.ID)
	}
	if b.Network {
		res.Failure = executor.BadSpec.Failf("bad spec: wasm jobs have no network")
		return res, nil
	}
	if len(job.Module) > e.cfg.MaxModuleBytes {
		res.Failure = executor.BadSpec.Failf("bad spec: the module is %s; this node runs modules of at most %s",
			executor.FormatBytes(uint64(len(job.Module))), executor.FormatBytes(uint64(e.cfg.MaxModuleBytes)))
		return res, nil
	}
	compiled, release, err := e.compile(ctx, job.Module)
	if err != nil {
		if ctx.Err() != nil || errors.Is(err, errClosed) {
			return res, fmt.Errorf("wasm executor: job %s: %w", job.ID, errors.Join(context.Cause(ctx), err))
		}
		res.Failure = executor.BadModule.Failf("bad spec: the module does not compile: %s", firstLine(err))
		return res, nil
	}
	defer release()
	if fail := checkModule(compiled, b); fail != nil {
		res.Failure = fail
		return res, nil
	}

	inputs, err := os.OpenRoot(job.InputDir)
	if err != nil {
		return res, fmt.Errorf("wasm executor: inputs of job %s: %w", job.ID, err)
	}
	defer inputs.Close()
	runCtx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	timeCtx, cancelTime := context.WithTimeoutCause(runCtx, b.Time, errTimeLimit)
	defer cancelTime()
	logs := executor.NewLogCapture(b.LogBytes, b.TailBytes, func() { stop(errLogLimit) })
	var outputFailure *executor.Failure
	var outputMu sync.Mutex
	outputsPassed := func(f *executor.Failure) {
		outputMu.Lock()
		if outputFailure == nil {
			outputFailure = f
		}
		outputMu.Unlock()
		stop(errOutputs)
	}
	// The outputs' limits hold at every write (quota.go); the periodic measurement below
	// remains for what the quota cannot see (nothing, as long as the guest writes only
	// through its file system).
	outFS := quotaFS{FS: noLinksFS{experimentalsysfs.DirFS(job.OutputDir)}, q: newQuota(b.OutputBytes, b.OutputFiles, outputsPassed)}
	fsc := wazero.NewFSConfig().(experimentalsysfs.FSConfig).
		WithSysFSMount(detFS{FS: &experimentalsysfs.ReadFS{FS: &experimentalsysfs.AdaptFS{FS: inputs.FS()}}, readOnly: true}, jobspec.InputsDir).(experimentalsysfs.FSConfig).
		WithSysFSMount(detFS{FS: outFS}, jobspec.OutputsDir)

	argv := slices.Clone(job.Spec.Entrypoint)
	if len(argv) == 0 {
		argv = []string{job.Spec.Module}
	}
	argv = append(argv, job.Spec.Args...)
	mc := wazero.NewModuleConfig().
		WithName("").
		WithArgs(argv...).
		WithStdin(eofReader{}).
		WithStdout(logs.Stdout()).
		WithStderr(logs.Stderr()).
		WithFSConfig(fsc).
		WithStartFunctions() // _start is called below, so instantiation and exit are told apart
	keys := make([]string, 0, len(job.Spec.Env))
	for k := range job.Spec.Env {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		mc = mc.WithEnv(k, job.Spec.Env[k])
	}

	alloc := &limitedAllocator{limit: b.MemoryBytes, tooLargeAtStart: func() { stop(errMemory) }}
	guestCtx := experimental.WithMemoryAllocator(timeCtx, alloc)

	res.Started = e.cfg.Now()
	watchCtx, stopWatch := context.WithCancel(runCtx)
	defer stopWatch()
	go executor.WatchOutputs(watchCtx, job.OutputDir, b, e.cfg.OutputCheckInterval, outputsPassed)

	var callErr error
	mod, err := e.rt.InstantiateModule(guestCtx, compiled, mc)
	if err == nil {
		start := mod.ExportedFunction("_start")
		_, callErr = start.Call(guestCtx)
		_ = mod.Close(context.Background())
	}
	res.Finished = e.cfg.Now()
	stopWatch()
	res.LogTail, res.LogBytes = logs.Tail(), logs.Total()
	res.StdoutTail, res.StderrTail = logs.StdoutTail(), logs.StderrTail()

	// Why the guest stopped. A limit the job passed is its failure even if the guest ended
	// on its own before the node stopped it; the time limit only when it was stopped.
	stopped := false // ended through its context (time limit, node stopping)
	for _, e := range []error{err, callErr} {
		var exit *sys.ExitError
		if errors.As(e, &exit) && (exit.ExitCode() == sys.ExitCodeDeadlineExceeded || exit.ExitCode() == sys.ExitCodeContextCanceled) {
			stopped = true
		}
	}
	cause := context.Cause(timeCtx)
	outputMu.Lock()
	outFail := outputFailure
	outputMu.Unlock()
	switch {
	case errors.Is(cause, errMemory):
		res.Failure = executor.OutOfMemoryFailure(b.MemoryBytes)
	case logs.Exceeded():
		res.Failure = executor.LogLimitExceeded(b.LogBytes)
	case outFail != nil:
		res.Failure = outFail
	case stopped && errors.Is(cause, errTimeLimit):
		res.Failure = executor.TimeLimitExceeded(b.Time)
	case stopped:
		return res, fmt.Errorf("wasm executor: job %s stopped: %w", job.ID, context.Cause(ctx))
	case err != nil: // instantiation: memory, imports, start section
		if alloc.refused.Load() {
			res.Failure = executor.OutOfMemoryFailure(b.MemoryBytes)
		} else {
			res.Failure = executor.BadModule.Failf("bad spec: the module cannot be instantiated: %s", firstLine(err))
		}
	default:
		res.Failure = e.exitFailure(&res, callErr, alloc, b)
	}
	if res.Failure != nil && res.Failure.Reason != executor.ExitCode && res.Failure.Reason != executor.OutOfMemory {
		res.ExitCode = -1
	}

	usage, outFail, err := executor.MeasureOutputs(job.OutputDir, b.OutputBytes, b.OutputFiles)
	if err != nil {
		return res, fmt.Errorf("wasm executor: measure outputs of job %s: %w", job.ID, err)
	}
	res.OutputBytes = usage.Bytes
	if res.Failure == nil {
		res.Failure = outFail
	}
	e.log.Debug("job finished", "job", job.ID, "exit_code", res.ExitCode, "failure", res.Failure, "duration", res.Duration())
	return res, nil
}

// exitFailure classifies how _start returned: an exit code (zero is success), or a trap.
func (e *Executor) exitFailure(res *executor.Result, callErr error, alloc *limitedAllocator, b executor.Budget) *executor.Failure {
	var exit *sys.ExitError
	switch {
	case callErr == nil:
		res.ExitCode = 0
		return nil
	case errors.As(callErr, &exit):
		res.ExitCode = int(exit.ExitCode())
		switch {
		case res.ExitCode == 0:
			return nil
		case alloc.refused.Load():
			return executor.OutOfMemoryFailure(b.MemoryBytes)
		}
		return executor.ExitFailure(res.ExitCode, res.LogTail)
	case alloc.refused.Load():
		return executor.OutOfMemoryFailure(b.MemoryBytes)
	default:
		res.ExitCode = -1
		tail := executor.QuoteTail(res.LogTail, 1024)
		if tail == "" {
			return executor.ExitCode.Failf("crashed: %s", firstLine(callErr))
		}
		return executor.ExitCode.Failf("crashed: %s: %s", firstLine(callErr), tail)
	}
}

// checkModule refuses modules that cannot be a job: not a WASI command, memory imported
// from elsewhere, or more memory at start than the job may have.
func checkModule(compiled wazero.CompiledModule, b executor.Budget) *executor.Failure {
	if _, ok := compiled.ExportedFunctions()["_start"]; !ok {
		return executor.BadModule.Failf("bad spec: the module is not a WASI command (it exports no _start)")
	}
	for _, imp := range compiled.ImportedFunctions() {
		if mod, _, _ := imp.Import(); mod != wasi_snapshot_preview1.ModuleName {
			return executor.BadModule.Failf("bad spec: the module imports %q; only %s is provided", mod, wasi_snapshot_preview1.ModuleName)
		}
	}
	if len(compiled.ImportedMemories()) > 0 {
		return executor.BadModule.Failf("bad spec: the module imports its memory; it must define it")
	}
	for _, m := range compiled.ExportedMemories() {
		if need := uint64(m.Min()) * pageSize; need > b.MemoryBytes {
			return executor.OutOfMemory.Failf("out of memory (limit %s): the module needs %s at start",
				executor.FormatBytes(b.MemoryBytes), executor.FormatBytes(need))
		}
	}
	return nil
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// eofReader is an empty stdin.
type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
