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

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/executor"
)

// Engine is the spec engine this executor runs.
const Engine = jobspec.EngineWasm

const pageSize = 64 << 10

// Config configures an Executor.
type Config struct {
	// CompilationCache shares compiled code between executors (tests share an in-memory
	// one); nil: none beyond the modules kept in memory. Not with CacheDir.
	CompilationCache wazero.CompilationCache
	// CacheDir keeps compiled code on disk across restarts (wazero's file cache), so a
	// node that restarts does not compile its modules again (seconds for a few MB of Go).
	// Files are written whole and renamed into place, so processes may share the
	// directory; a file that cannot be read back (corrupt, removed by another process) only
	// costs a compile. "": no disk cache.
	CacheDir string
	// CacheDirBytes bounds the files in CacheDir; past it the oldest written are removed.
	// Default 1GiB.
	CacheDirBytes int64
	// CachedModules is how many compiled modules stay in memory between jobs; default 8.
	CachedModules int
	// CachedBytes bounds the memory the compiled modules kept between jobs hold, as
	// estimated from their size and their types and functions (moduleCost); a module over
	// it is not kept. Default 64MiB. Without a bound in bytes, eight hostile modules of
	// 64MiB of data held half a gigabyte until other modules evicted them.
	CachedBytes int64
	// RuntimeTypes is how many function types the modules compiled on one wazero runtime
	// may declare before new modules compile on a fresh runtime and the old one is closed
	// once its jobs end. wazero's store keeps every distinct function type it has seen for
	// the runtime's life, so without this a stream of modules declaring many types grows
	// the heap without bound (20MiB per module of 200k types). Default 65536.
	RuntimeTypes int
	// MaxModuleBytes refuses (BadSpec) larger modules; default 64MiB.
	MaxModuleBytes int
	// OutputCheckInterval is how often the outputs are measured while a job runs; default
	// 500ms.
	OutputCheckInterval time.Duration
	// Logger; default discards.
	Logger *slog.Logger
	// Clock stamps Result.Started and Finished; default clock.System. (The guest never sees
	// it.)
	Clock clock.Clock
}

// Check reports every problem with c.
func (c Config) Check() error {
	var errs []error
	if c.CachedModules < 0 || c.CachedBytes < 0 || c.RuntimeTypes < 0 || c.MaxModuleBytes < 0 || c.OutputCheckInterval < 0 || c.CacheDirBytes < 0 {
		errs = append(errs, errors.New("negative limit"))
	}
	if c.CacheDir != "" && c.CompilationCache != nil {
		errs = append(errs, errors.New("CacheDir and CompilationCache are exclusive"))
	}
	if len(errs) > 0 {
		return fmt.Errorf("wasm executor: config: %w", errors.Join(errs...))
	}
	return nil
}

func (c *Config) defaults() {
	if c.CachedModules == 0 {
		c.CachedModules = 8
	}
	if c.CachedBytes == 0 {
		c.CachedBytes = 64 << 20
	}
	if c.RuntimeTypes == 0 {
		c.RuntimeTypes = 1 << 16
	}
	if c.CacheDirBytes == 0 {
		c.CacheDirBytes = 1 << 30
	}
	if c.MaxModuleBytes == 0 {
		c.MaxModuleBytes = 64 << 20
	}
	if c.OutputCheckInterval == 0 {
		c.OutputCheckInterval = 500 * time.Millisecond
	}
	if c.Clock == nil {
		c.Clock = clock.System
	}
}

// Executor runs wasm jobs. It implements executor.Executor and io.Closer.
type Executor struct {
	cfg      Config
	cache    wazero.CompilationCache // cfg.CompilationCache, or the one over cfg.CacheDir
	ownCache bool                    // the one over CacheDir: closed by Close
	log      *slog.Logger

	closing context.Context // done when Close starts: running jobs stop
	stopAll context.CancelFunc
	runs    sync.WaitGroup // Close waits for them before closing the runtimes
	pruneMu sync.Mutex     // one pruning of CacheDir at a time

	mu          sync.Mutex
	closed      bool
	cur         *runtimeGen                // where modules compile now
	gens        map[*runtimeGen]struct{}   // not yet closed
	lru         *list.List                 // of *cached, most recently used first
	byHash      map[[32]byte]*list.Element // into lru
	cachedBytes int64                      // moduleCost of the modules in lru
}

// runtimeGen is one wazero runtime and what uses it. A compiled module can only be
// instantiated on the runtime that compiled it, so a retired runtime stays open until its
// last compiled module is closed.
type runtimeGen struct {
	rt      wazero.Runtime
	types   int  // function types declared by the modules compiled on it
	users   int  // compiles in progress and compiled modules not closed
	retired bool // no new compiles: closed when users reaches zero
}

type cached struct {
	hash     [32]byte
	compiled wazero.CompiledModule
	gen      *runtimeGen
	cost     int64
	refs     int  // runs using it
	evicted  bool // out of the cache: closed when refs reaches zero
}

var (
	_ executor.Executor = (*Executor)(nil)
	_ io.Closer         = (*Executor)(nil)
)

// New returns an executor with its own wazero runtime.
func New(ctx context.Context, cfg Config) (*Executor, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	cfg.defaults()
	e := &Executor{cfg: cfg, cache: cfg.CompilationCache, log: cfg.Logger, lru: list.New(),
		byHash: map[[32]byte]*list.Element{}, gens: map[*runtimeGen]struct{}{}}
	if e.log == nil {
		e.log = slog.New(slog.DiscardHandler)
	}
	if cfg.CacheDir != "" {
		c, err := wazero.NewCompilationCacheWithDir(cfg.CacheDir)
		if err != nil {
			return nil, fmt.Errorf("wasm executor: compilation cache in %s: %w", cfg.CacheDir, err)
		}
		e.cache, e.ownCache = c, true
		e.pruneDisk()
	}
	rt, err := newRuntime(ctx, e.cache)
	if err != nil {
		if e.ownCache {
			_ = e.cache.Close(ctx)
		}
		return nil, err
	}
	e.cur = &runtimeGen{rt: rt}
	e.gens[e.cur] = struct{}{}
	e.closing, e.stopAll = context.WithCancel(context.Background())
	return e, nil
}

// newRuntime is a wazero runtime with WASI, compiling through cache (nil: none).
func newRuntime(ctx context.Context, cache wazero.CompilationCache) (wazero.Runtime, error) {
	rc := wazero.NewRuntimeConfig().
		WithCloseOnContextDone(true) // the time limit stops a guest wherever it is
	if cache != nil {
		rc = rc.WithCompilationCache(cache)
	}
	rt := wazero.NewRuntimeWithConfig(ctx, rc)
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		_ = rt.Close(ctx)
		return nil, fmt.Errorf("wasm executor: WASI: %w", err)
	}
	return rt, nil
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
// the runtimes, the compiled modules and the compilation cache it opened.
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
	e.mu.Lock()
	var errs []error
	for g := range e.gens {
		errs = append(errs, g.rt.Close(context.Background()))
	}
	clear(e.gens)
	e.mu.Unlock()
	if e.ownCache {
		errs = append(errs, e.cache.Close(context.Background()))
	}
	return errors.Join(errs...)
}

// compile returns the compiled module, held for the caller until releaseModule. Compiled
// modules are cached by the hash of their bytes and shared between runs; beyond
// CachedModules or CachedBytes the least recently used is evicted, and closed once no run
// holds it.
func (e *Executor) compile(ctx context.Context, module []byte) (*cached, error) {
	hash := sha256.Sum256(module)
	if c := e.cachedModule(hash); c != nil {
		return c, nil
	}
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil, errClosed
	}
	g := e.cur
	g.users++
	e.mu.Unlock()

	compiled, err := g.rt.CompileModule(ctx, module)
	if err != nil && e.cfg.CacheDir != "" && ctx.Err() == nil {
		compiled, g, err = e.compileWithoutCache(ctx, module, g, err)
	}
	if e.ownCache {
		defer e.pruneDisk()
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if err != nil {
		e.releaseGen(g)
		return nil, err
	}
	if e.closed {
		_ = compiled.Close(context.Background())
		e.releaseGen(g)
		return nil, errClosed
	}
	if g == e.cur {
		if g.types += declaredTypes(module); g.types > e.cfg.RuntimeTypes {
			e.retire()
		}
	}
	if el, ok := e.byHash[hash]; ok { // compiled concurrently by another run
		_ = compiled.Close(context.Background())
		e.releaseGen(g)
		c := el.Value.(*cached)
		c.refs++
		return c, nil
	}
	c := &cached{hash: hash, compiled: compiled, gen: g, cost: moduleCost(module), refs: 1}
	if g.retired || c.cost > e.cfg.CachedBytes {
		c.evicted = true // not kept: closed after this run
		return c, nil
	}
	e.byHash[hash] = e.lru.PushFront(c)
	e.cachedBytes += c.cost
	for e.lru.Len() > e.cfg.CachedModules || e.cachedBytes > e.cfg.CachedBytes {
		e.evict(e.lru.Back())
	}
	return c, nil
}

// compileWithoutCache tells a module that does not compile from a compilation cache that
// fails: wazero reports a cache file it cannot read back or write (corrupt, disk full,
// removed by another process sharing the directory) as a compile error, which would
// otherwise fail an honest job as the module's fault. The module is compiled again on a
// runtime of its own without the cache; when that works the cache was at fault, its files
// are removed (which one failed is not known) and the job runs on that runtime.
func (e *Executor) compileWithoutCache(ctx context.Context, module []byte, g *runtimeGen, cacheErr error) (wazero.CompiledModule, *runtimeGen, error) {
	rt, err := newRuntime(ctx, nil)
	if err != nil {
		return nil, g, errors.Join(cacheErr, err)
	}
	compiled, err := rt.CompileModule(ctx, module)
	if err != nil { // the module's own fault
		_ = rt.Close(context.Background())
		return nil, g, err
	}
	e.log.Warn("the compilation cache failed; compiled without it and cleared it", "dir", e.cfg.CacheDir, "err", cacheErr)
	e.clearDisk()
	e.mu.Lock()
	e.releaseGen(g)
	own := &runtimeGen{rt: rt, users: 1, retired: true}
	e.gens[own] = struct{}{}
	e.mu.Unlock()
	return compiled, own, nil
}

// retire moves new compiles to a fresh runtime and lets the current one close once its
// modules are done. Called with e.mu held.
func (e *Executor) retire() {
	rt, err := newRuntime(context.Background(), e.cache)
	if err != nil {
		e.log.Error("starting a fresh wasm runtime; keeping the old one", "err", err)
		return
	}
	old := e.cur
	e.cur = &runtimeGen{rt: rt}
	e.gens[e.cur] = struct{}{}
	old.retired = true
	for e.lru.Len() > 0 { // every cached module is the old runtime's
		e.evict(e.lru.Back())
	}
	e.log.Debug("fresh wasm runtime", "types_on_the_old_one", old.types)
}

// evict takes el out of the cache. Called with e.mu held.
func (e *Executor) evict(el *list.Element) {
	c := e.lru.Remove(el).(*cached)
	delete(e.byHash, c.hash)
	e.cachedBytes -= c.cost
	c.evicted = true
	if c.refs == 0 {
		e.closeModule(c)
	}
}

// closeModule closes a compiled module no run holds. Called with e.mu held.
func (e *Executor) closeModule(c *cached) {
	_ = c.compiled.Close(context.Background())
	e.releaseGen(c.gen)
}

// releaseGen drops one user of g, closing a retired runtime nothing uses. Called with e.mu
// held.
func (e *Executor) releaseGen(g *runtimeGen) {
	g.users--
	if g.users == 0 && g.retired {
		if _, open := e.gens[g]; open {
			delete(e.gens, g)
			_ = g.rt.Close(context.Background())
		}
	}
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
	if c.refs == 0 && c.evicted && !e.closed {
		e.closeModule(c)
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
	mod, err := e.compile(ctx, job.Module)
	if err != nil {
		if ctx.Err() != nil || errors.Is(err, errClosed) {
			return res, fmt.Errorf("wasm executor: job %s: %w", job.ID, errors.Join(context.Cause(ctx), err))
		}
		res.Failure = executor.BadModule.Failf("bad spec: the module does not compile: %s", firstLine(err))
		return res, nil
	}
	defer e.releaseModule(mod)
	compiled := mod.compiled
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

	res.Started = e.cfg.Clock.Now()
	watchCtx, stopWatch := context.WithCancel(runCtx)
	defer stopWatch()
	go executor.WatchOutputs(watchCtx, job.OutputDir, b, e.cfg.OutputCheckInterval, outputsPassed)

	var callErr error
	inst, err := mod.gen.rt.InstantiateModule(guestCtx, compiled, mc)
	if err == nil {
		start := inst.ExportedFunction("_start")
		_, callErr = start.Call(guestCtx)
		_ = inst.Close(context.Background())
	}
	res.Finished = e.cfg.Clock.Now()
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
