// Package docker runs jobs of engine "docker" as containers through the Docker Engine API,
// treating each one as hostile:
//
//   - no network (NetworkMode none) unless the spec asks for it and the node's Limits allow;
//   - memory (no swap), CPU (NanoCPUs) and process (pids) limits, a core-file size of zero and
//     a bounded number of open files;
//   - a read-only root filesystem; the inputs bind-mounted read-only at /brine/inputs, the
//     outputs read-write at /brine/outputs, and a small tmpfs at /tmp (its pages count
//     against the job's memory);
//   - all capabilities dropped, no-new-privileges, run as nobody (65534) when the node runs
//     as root and as the node's own user otherwise (so the node can read what the job wrote);
//   - a fixed hostname, so nothing of the container's identity leaks into the outputs;
//   - a wall-clock limit that kills, output read as a stream and the job killed once it
//     passes the log limit, the outputs on a tmpfs sized for the spec's disk size (the
//     kernel refuses writes past it; outputs.go) and the job killed once it fills it or its
//     files' lengths pass the limit, and the kernel's OOM kill reported as OutOfMemory;
//   - every container labelled brine.node=<node ID> and brine.job=<job ID>, removed by label
//     after its run; Reconcile removes what a crashed node left.
//
// Images absent locally are pulled by Prepare, before the job's clock starts, unless the
// node disables pulls. A node that cannot mount (not root) or is configured not to
// (Config.NoOutputMount) bind-mounts the outputs directory instead, measured every
// Config.OutputCheckInterval: a job can then write up to the output limit plus what it
// writes between two measurements; put the node's job directories on a filesystem with room
// for that.
package docker

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"time"

	cerrdefs "github.com/containerd/errdefs"
	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/events"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/mount"
	"github.com/docker/docker/client"
	"github.com/docker/docker/pkg/stdcopy"
	"github.com/docker/go-units"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/executor"
)

// Labels on every container this package creates.
const (
	LabelNode = "brine.node"
	LabelJob  = "brine.job"
)

// Engine is the spec engine this executor runs.
const Engine = jobspec.EngineDocker

const (
	// nobody is the user jobs run as when the node runs as root.
	nobody = 65534
	// minMemory is the smallest memory limit Docker accepts; smaller specs get this much.
	minMemory = 6 << 20
	// hostname every container gets.
	hostname = "brine"
	// cleanupTimeout bounds the API calls that clean up after a run, which run even when
	// the caller's context is done.
	cleanupTimeout = 30 * time.Second
	// exitTimeout bounds the wait for a killed container to be reported as exited.
	exitTimeout = 30 * time.Second
	// sigkillStatus is the exit status of a process killed by SIGKILL (128+9), as by the
	// kernel's OOM killer.
	sigkillStatus = 137
	// oomGrace is how long a SIGKILLed job waits for the engine's oom event.
	oomGrace = 2 * time.Second
)

// Config configures an Executor.
type Config struct {
	// NodeID labels every container (brine.node); Reconcile removes the containers that
	// carry it. Required.
	NodeID string
	// Client talks to the engine; nil: a client from the environment (DOCKER_HOST, …) with
	// API version negotiation, closed by Close.
	Client client.APIClient
	// DisablePulls: an image absent locally fails the job (PullFailed) instead of being
	// pulled.
	DisablePulls bool
	// PullTimeout bounds one pull; default 10 minutes.
	PullTimeout time.Duration
	// MaxImageBytes refuses (PullFailed) images larger than this; 0: no cap.
	MaxImageBytes int64
	// TmpBytes is the size of the job's /tmp; default 64MiB, at most the job's memory.
	TmpBytes int64
	// OpenFiles is the job's limit on open files; default 4096.
	OpenFiles int64
	// User runs the job's process ("uid:gid"); default nobody (65534:65534) when the node
	// runs as root, the node's own uid:gid otherwise.
	User string
	// OutputCheckInterval is how often the outputs are measured while a job runs; default
	// 500ms.
	OutputCheckInterval time.Duration
	// NoOutputMount gives jobs their outputs directory as a plain bind mount, measured every
	// OutputCheckInterval, instead of a tmpfs sized for the job's limit (outputs.go); a node
	// that may not mount (not root) does so anyway. A job can then write past its limit
	// between two measurements.
	NoOutputMount bool
	// Logger; default discards.
	Logger *slog.Logger
	// Clock stamps Result.Started and Finished; default clock.System.
	Clock clock.Clock
}

// Check validates the configuration.
func (c Config) Check() error {
	switch {
	case c.NodeID == "":
		return errors.New("docker executor: NodeID is required")
	case c.PullTimeout < 0, c.MaxImageBytes < 0, c.TmpBytes < 0, c.OpenFiles < 0, c.OutputCheckInterval < 0:
		return errors.New("docker executor: negative limit in config")
	}
	return nil
}

// Executor runs docker jobs. It implements executor.Executor, executor.Preparer,
// executor.Reconciler and io.Closer.
type Executor struct {
	cfg       Config
	cli       client.APIClient
	ownClient bool
	log       *slog.Logger
	user      string
	uid, gid  int // owner the job's output directory gets; -1: leave it

	mu     sync.Mutex
	active map[string]int // job IDs with a container being created, running or removed

	noMountOnce sync.Once // the warning that outputs are only measured now and then
}

var (
	_ executor.Executor   = (*Executor)(nil)
	_ executor.Preparer   = (*Executor)(nil)
	_ executor.Reconciler = (*Executor)(nil)
	_ io.Closer           = (*Executor)(nil)
)

// New returns an executor; it does not contact the engine (Ping does).
func New(cfg Config) (*Executor, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.PullTimeout == 0 {
		cfg.PullTimeout = 10 * time.Minute
	}
	if cfg.TmpBytes == 0 {
		cfg.TmpBytes = 64 << 20
	}
	if cfg.OpenFiles == 0 {
		cfg.OpenFiles = 4096
	}
	if cfg.OutputCheckInterval == 0 {
		cfg.OutputCheckInterval = 500 * time.Millisecond
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.System
	}
	e := &Executor{cfg: cfg, cli: cfg.Client, log: cfg.Logger, uid: -1, gid: -1, active: map[string]int{}}
	if e.log == nil {
		e.log = slog.New(slog.DiscardHandler)
	}
	if e.cli == nil {
		cli, err := client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
		if err != nil {
			return nil, fmt.Errorf("docker executor: %w", err)
		}
		e.cli, e.ownClient = cli, true
	}
	switch {
	case cfg.User != "":
		e.user = cfg.User
	case os.Geteuid() == 0:
		e.user = fmt.Sprintf("%d:%d", nobody, nobody)
		e.uid, e.gid = nobody, nobody
	default:
		e.user = fmt.Sprintf("%d:%d", os.Geteuid(), os.Getegid())
	}
	return e, nil
}

// NodeID is the node ID the executor labels containers with.
func (e *Executor) NodeID() string { return e.cfg.NodeID }

// Name is "docker".
func (e *Executor) Name() string { return string(Engine) }

// Ping checks that the engine answers.
func (e *Executor) Ping(ctx context.Context) error {
	if _, err := e.cli.Ping(ctx); err != nil {
		return fmt.Errorf("docker executor: engine does not answer: %w", err)
	}
	return nil
}

// Close closes the engine client if New created it.
func (e *Executor) Close() error {
	if e.ownClient {
		return e.cli.Close()
	}
	return nil
}

// Run runs the job's container to completion and removes it.
func (e *Executor) Run(ctx context.Context, job executor.Job) (executor.Result, error) {
	res := executor.Result{ExitCode: -1}
	if err := executor.CheckDirs(job); err != nil {
		return res, err
	}
	b, fail := executor.NewBudget(job, Engine)
	if fail != nil {
		res.Failure = fail
		return res, nil
	}
	if err := e.Prepare(ctx, job.Spec); err != nil {
		if f, ok := executor.AsFailure(err); ok {
			res.Failure = f
			return res, nil
		}
		return res, err
	}
	// Bind mounts need absolute paths.
	var err error
	if job.InputDir, err = filepath.Abs(job.InputDir); err != nil {
		return res, fmt.Errorf("docker executor: input directory of job %s: %w", job.ID, err)
	}
	if job.OutputDir, err = filepath.Abs(job.OutputDir); err != nil {
		return res, fmt.Errorf("docker executor: output directory of job %s: %w", job.ID, err)
	}
	if err := e.prepareDirs(job); err != nil {
		return res, err
	}
	if !e.begin(job.ID) {
		return res, fmt.Errorf("docker executor: job %s is already running", job.ID)
	}
	defer e.end(job.ID)
	var outputs *outputsMount
	if !e.cfg.NoOutputMount {
		if outputs, err = e.mountOutputs(job, b); err != nil {
			outputs = nil
			e.noMountOnce.Do(func() {
				e.log.Warn("cannot mount size-limited outputs (tmpfs); jobs' outputs are measured every interval and can pass their limit in between",
					"interval", e.cfg.OutputCheckInterval, "err", err)
			})
		}
		defer outputs.drop()
	}
	defer e.removeJob(ctx, job.ID)
	return e.run(ctx, job, b, outputs)
}

func (e *Executor) begin(jobID string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.active[jobID] > 0 {
		return false
	}
	e.active[jobID]++
	return true
}

func (e *Executor) end(jobID string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.active, jobID)
}

func (e *Executor) isActive(jobID string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.active[jobID] > 0
}

// containerConfig turns the spec into the container's configuration.
func (e *Executor) containerConfig(job executor.Job, b executor.Budget, outputs *outputsMount) (*container.Config, *container.HostConfig) {
	spec := job.Spec
	env := make([]string, 0, len(spec.Env))
	for k, v := range spec.Env {
		env = append(env, k+"="+v)
	}
	slices.Sort(env)
	cfg := &container.Config{
		Hostname:        hostname,
		User:            e.user,
		AttachStdout:    true,
		AttachStderr:    true,
		Env:             env,
		Cmd:             spec.Args,
		Entrypoint:      spec.Entrypoint,
		Image:           spec.Image,
		NetworkDisabled: !b.Network,
		Labels:          map[string]string{LabelNode: e.cfg.NodeID, LabelJob: job.ID},
	}
	memory := int64(min(max(b.MemoryBytes, minMemory), 1<<62))
	tmp := min(e.cfg.TmpBytes, memory)
	if outputs != nil {
		// The outputs tmpfs is charged to the job's memory: room for it on top.
		memory = min(memory+outputs.bytes, 1<<62)
	}
	pids := b.Pids
	network := container.NetworkMode("none")
	if b.Network {
		network = "default"
	}
	hc := &container.HostConfig{
		NetworkMode: network,
		LogConfig:   container.LogConfig{Type: "none"}, // output is read from the attach stream, never stored
		Resources: container.Resources{
			Memory:     memory,
			MemorySwap: memory, // no swap
			NanoCPUs:   int64(b.CPUMillis) * 1_000_000,
			PidsLimit:  &pids,
			Ulimits: []*units.Ulimit{
				{Name: "core", Soft: 0, Hard: 0},
				{Name: "nofile", Soft: e.cfg.OpenFiles, Hard: e.cfg.OpenFiles},
			},
		},
		OomScoreAdj:    500, // under host memory pressure, jobs go before the node
		ReadonlyRootfs: true,
		CapDrop:        []string{"ALL"},
		SecurityOpt:    []string{"no-new-privileges"},
		IpcMode:        "private",
		Mounts: []mount.Mount{
			{Type: mount.TypeBind, Source: job.InputDir, Target: jobspec.InputsDir, ReadOnly: true},
			{Type: mount.TypeBind, Source: job.OutputDir, Target: jobspec.OutputsDir},
		},
		Tmpfs: map[string]string{"/tmp": "rw,nosuid,nodev,noexec,mode=1777,size=" + strconv.FormatInt(tmp, 10)},
	}
	return cfg, hc
}

// exitStatus is how ContainerWait ended.
type exitStatus struct {
	code int64
	err  error
}

func (e *Executor) run(ctx context.Context, job executor.Job, b executor.Budget, outputs *outputsMount) (executor.Result, error) {
	res := executor.Result{ExitCode: -1}
	cfg, hc := e.containerConfig(job, b, outputs)
	// Create and start are not cancelled half-way: the engine would go on creating or
	// starting a container the node no longer knows about. They are bounded instead, and the
	// caller's context is checked after them.
	createCtx, cancelCreate := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancelCreate()
	created, err := e.cli.ContainerCreate(createCtx, cfg, hc, nil, nil, "")
	if err != nil {
		if cerrdefs.IsInvalidArgument(err) {
			res.Failure = executor.BadSpec.Failf("bad spec: the engine refused the container: %v", err)
			return res, nil
		}
		return res, fmt.Errorf("docker executor: create container for job %s: %w", job.ID, err)
	}
	id := created.ID
	log := e.log.With("job", job.ID, "container", id)

	// Attach before starting so no output is missed; the stream ends when the container
	// exits. Past the log limit the stream is closed and the job killed.
	attach, err := e.cli.ContainerAttach(ctx, id, container.AttachOptions{Stream: true, Stdout: true, Stderr: true})
	if err != nil {
		return res, fmt.Errorf("docker executor: attach to job %s: %w", job.ID, err)
	}
	defer attach.Close()
	logExceeded := make(chan struct{})
	logs := executor.NewLogCapture(b.LogBytes, b.TailBytes, func() { close(logExceeded) })
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		_, err := stdcopy.StdCopy(logs.Stdout(), logs.Stderr(), attach.Reader)
		if errors.Is(err, executor.ErrLogLimit) {
			// Stop reading altogether: the engine does not report the exit of a container
			// whose attached stream is blocked on a reader that stopped.
			attach.Close()
		}
	}()

	// The engine may report a container's exit before it notices the OOM kill that caused
	// it, leaving State.OOMKilled false; its "oom" event comes through in any order.
	eventsCtx, stopEvents := context.WithCancel(context.WithoutCancel(ctx))
	defer stopEvents()
	oomSeen := make(chan struct{})
	oomEvents, eventErrs := e.cli.Events(eventsCtx, events.ListOptions{Filters: filters.NewArgs(
		filters.Arg("type", string(events.ContainerEventType)), filters.Arg("container", id), filters.Arg("event", string(events.ActionOOM)))})
	go func() {
		select {
		case <-oomEvents:
			close(oomSeen)
		case <-eventErrs:
		}
	}()

	// Register the wait before starting (next-exit), so a fast exit is not missed.
	waitCtx, stopWait := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWait()
	exited := make(chan exitStatus, 1)
	waitC, waitErr := e.cli.ContainerWait(waitCtx, id, container.WaitConditionNextExit)
	go func() {
		select {
		case w := <-waitC:
			if w.Error != nil && w.Error.Message != "" {
				exited <- exitStatus{err: errors.New(w.Error.Message)}
				return
			}
			exited <- exitStatus{code: w.StatusCode}
		case err := <-waitErr:
			exited <- exitStatus{err: err}
		}
	}()

	if err := ctx.Err(); err != nil {
		return res, fmt.Errorf("docker executor: job %s stopped: %w", job.ID, context.Cause(ctx))
	}
	if err := e.cli.ContainerStart(createCtx, id, container.StartOptions{}); err != nil {
		if cerrdefs.IsInvalidArgument(err) || cerrdefs.IsNotFound(err) {
			// For example an entrypoint that is not in the image.
			res.Failure = executor.BadSpec.Failf("bad spec: the container cannot start: %v", err)
			return res, nil
		}
		return res, fmt.Errorf("docker executor: start job %s: %w", job.ID, err)
	}
	res.Started = e.cfg.Clock.Now()
	log.Debug("job started", "memory", b.MemoryBytes, "cpu_millis", b.CPUMillis, "time", b.Time)

	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	outputFailure := make(chan *executor.Failure, 1)
	go watchOutputs(watchCtx, job.OutputDir, outputs, b, e.cfg.OutputCheckInterval, func(f *executor.Failure) {
		outputFailure <- f
	})
	timer := time.NewTimer(b.Time)
	defer timer.Stop()

	var (
		status      exitStatus
		exitedAlone bool              // the container exited without the node killing it
		fail        *executor.Failure // set when the node stops the job for a limit
	)
	select {
	case status = <-exited:
		exitedAlone = true
	case <-timer.C:
		fail = executor.TimeLimitExceeded(b.Time)
	case <-logExceeded:
		fail = executor.LogLimitExceeded(b.LogBytes)
	case fail = <-outputFailure:
	case <-ctx.Done():
	}
	killed := !exitedAlone
	if killed {
		log.Debug("killing job", "reason", fail)
		e.kill(ctx, id)
		select {
		case status = <-exited:
		case <-time.After(exitTimeout):
			return res, fmt.Errorf("docker executor: job %s: container did not exit after SIGKILL", job.ID)
		}
	}
	res.Finished = e.cfg.Clock.Now()
	stopWatch()
	// The stream ends when the container has exited; a job killed for its log may have left
	// unread output in it, which is not waited for.
	select {
	case <-copied:
	case <-time.After(2 * time.Second):
		_ = attach.CloseWrite()
		attach.Close()
	}
	res.LogTail, res.LogBytes = logs.Tail(), logs.Total()
	res.StdoutTail, res.StderrTail = logs.StdoutTail(), logs.StderrTail()

	if ctx.Err() != nil && fail == nil {
		return res, fmt.Errorf("docker executor: job %s stopped: %w", job.ID, context.Cause(ctx))
	}
	if status.err != nil && !killed {
		return res, fmt.Errorf("docker executor: wait for job %s: %w", job.ID, status.err)
	}
	if !killed {
		res.ExitCode = int(status.code)
	}

	if fail == nil && logs.Exceeded() {
		// It ended on its own, having written past the limit.
		fail = executor.LogLimitExceeded(b.LogBytes)
	}
	if fail == nil {
		inspectCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
		info, err := e.cli.ContainerInspect(inspectCtx, id)
		cancel()
		if err != nil {
			return res, fmt.Errorf("docker executor: inspect job %s: %w", job.ID, err)
		}
		oom := info.State != nil && info.State.OOMKilled
		if !oom && res.ExitCode == sigkillStatus {
			// Killed, and not by the node: wait a moment for the engine's oom event.
			select {
			case <-oomSeen:
				oom = true
			case <-time.After(oomGrace):
			}
		}
		switch {
		case oom && res.ExitCode != 0:
			fail = executor.OutOfMemoryFailure(b.MemoryBytes)
		case res.ExitCode != 0:
			fail = executor.ExitFailure(res.ExitCode, res.LogTail)
		}
	}
	if fail == nil && outputs != nil {
		fail = outputs.full(b) // it tried to write past its limit, then ended on its own
	}
	usage, outFail, err := executor.MeasureOutputs(job.OutputDir, b.OutputBytes, b.OutputFiles)
	if err != nil {
		return res, fmt.Errorf("docker executor: measure outputs of job %s: %w", job.ID, err)
	}
	res.OutputBytes = usage.Bytes
	if fail == nil {
		fail = outFail
	}
	if outputs != nil {
		if err := outputs.release(fail == nil); err != nil {
			return res, fmt.Errorf("docker executor: outputs of job %s: %w", job.ID, err)
		}
	}
	res.Failure = fail
	log.Debug("job finished", "exit_code", res.ExitCode, "failure", fail, "duration", res.Duration())
	return res, nil
}

func (e *Executor) kill(ctx context.Context, id string) {
	kctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()
	if err := e.cli.ContainerKill(kctx, id, "KILL"); err != nil && !cerrdefs.IsNotFound(err) && !cerrdefs.IsConflict(err) {
		e.log.Warn("kill container", "container", id, "err", err)
	}
}

// removeJob removes every container labelled with this node and the job, even when the
// create call failed half-way.
func (e *Executor) removeJob(ctx context.Context, jobID string) {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
	defer cancel()
	list, err := e.cli.ContainerList(rctx, container.ListOptions{
		All:     true,
		Filters: filters.NewArgs(filters.Arg("label", LabelNode+"="+e.cfg.NodeID), filters.Arg("label", LabelJob+"="+jobID)),
	})
	if err != nil {
		e.log.Warn("list containers of job; Reconcile will remove them", "job", jobID, "err", err)
		return
	}
	for _, c := range list {
		if err := e.remove(rctx, c.ID); err != nil {
			e.log.Warn("remove container; Reconcile will remove it", "job", jobID, "container", c.ID, "err", err)
		}
	}
}

func (e *Executor) remove(ctx context.Context, id string) error {
	err := e.cli.ContainerRemove(ctx, id, container.RemoveOptions{Force: true, RemoveVolumes: true})
	if err != nil && !cerrdefs.IsNotFound(err) {
		return err
	}
	return nil
}

// Reconcile removes the containers labelled with this node that no Run of this executor
// owns: strays of a crashed node. Call it at start-up (running it later is safe).
func (e *Executor) Reconcile(ctx context.Context) (int, error) {
	list, err := e.cli.ContainerList(ctx, container.ListOptions{
		All:     true,
		Filters: filters.NewArgs(filters.Arg("label", LabelNode+"="+e.cfg.NodeID)),
	})
	if err != nil {
		return 0, fmt.Errorf("docker executor: list containers of node %s: %w", e.cfg.NodeID, err)
	}
	removed := 0
	var errs []error
	for _, c := range list {
		if e.isActive(c.Labels[LabelJob]) {
			continue
		}
		if err := e.remove(ctx, c.ID); err != nil {
			errs = append(errs, fmt.Errorf("remove %s: %w", c.ID, err))
			continue
		}
		e.log.Info("removed stray container", "container", c.ID, "job", c.Labels[LabelJob])
		removed++
	}
	if len(errs) > 0 {
		return removed, fmt.Errorf("docker executor: reconcile: %w", errors.Join(errs...))
	}
	return removed, nil
}

// prepareDirs lets the job's user use its directories: the outputs owned by it (when the
// node runs as root), the inputs readable by everyone. Symbolic links are never followed.
func (e *Executor) prepareDirs(job executor.Job) error {
	if e.uid >= 0 {
		if err := os.Lchown(job.OutputDir, e.uid, e.gid); err != nil {
			return fmt.Errorf("docker executor: output directory of job %s: %w", job.ID, err)
		}
		if err := os.Chmod(job.OutputDir, 0o700); err != nil {
			return fmt.Errorf("docker executor: output directory of job %s: %w", job.ID, err)
		}
	}
	err := filepath.WalkDir(job.InputDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		var add fs.FileMode
		switch {
		case d.IsDir():
			add = 0o555
		case d.Type().IsRegular():
			add = 0o444
		default:
			return nil // symbolic links and others: chmod would follow or fail
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if mode := info.Mode().Perm(); mode&add != add {
			return os.Chmod(path, mode|add)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("docker executor: input directory of job %s: %w", job.ID, err)
	}
	return nil
}
