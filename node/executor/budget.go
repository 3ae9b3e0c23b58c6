package executor

import (
	"fmt"
	"os"
	"time"

	"github.com/brine-compute/brine/jobspec"
)

// Budget is what one run may use: the spec's resources within the node's Limits, with the
// defaults filled in. Executors enforce every field they can (see each executor's package
// documentation for the ones its engine cannot).
type Budget struct {
	MemoryBytes uint64
	CPUMillis   uint64
	Time        time.Duration
	Pids        int64
	LogBytes    int64
	TailBytes   int
	OutputBytes int64 // the spec's disk size, within Limits.OutputBytes
	OutputFiles int
	Network     bool
}

// NewBudget checks a job against the engine that is to run it and the node's caps, and
// returns its budget. A job that cannot run (invalid spec, another engine, asking for more
// than the caps, network where the node allows none) gets a BadSpec failure.
func NewBudget(job Job, engine jobspec.Engine) (Budget, *Failure) {
	spec := job.Spec
	if spec == nil {
		return Budget{}, BadSpec.Failf("bad spec: no spec")
	}
	if spec.Engine != engine {
		return Budget{}, BadSpec.Failf("bad spec: engine %q cannot run on the %s executor", spec.Engine, engine)
	}
	if err := spec.Validate(); err != nil {
		return Budget{}, BadSpec.Failf("bad spec: %v", err)
	}
	l := job.Limits
	r := spec.Resources
	over := func(what, asked, limit string) *Failure {
		return BadSpec.Failf("bad spec: resources.%s %s is more than this node allows (%s)", what, asked, limit)
	}
	switch {
	case l.MemoryBytes > 0 && r.MemoryBytes > l.MemoryBytes:
		return Budget{}, over("memory", FormatBytes(r.MemoryBytes), FormatBytes(l.MemoryBytes))
	case l.CPUMillis > 0 && r.CPUMillis > l.CPUMillis:
		return Budget{}, over("cpu", formatCPU(r.CPUMillis), formatCPU(l.CPUMillis))
	case l.Time > 0 && r.Time > l.Time:
		return Budget{}, over("time", r.Time.String(), l.Time.String())
	case spec.Network && !l.Network:
		return Budget{}, BadSpec.Failf("bad spec: the job asks for network and this node runs jobs without network")
	}
	b := Budget{
		MemoryBytes: r.MemoryBytes,
		CPUMillis:   r.CPUMillis,
		Time:        r.Time,
		Pids:        orDefault(l.Pids, DefaultPids),
		LogBytes:    orDefault(l.LogBytes, DefaultLogBytes),
		TailBytes:   orDefault(l.TailBytes, DefaultTailBytes),
		OutputBytes: int64(min(r.DiskBytes, uint64(1)<<62)),
		OutputFiles: orDefault(l.OutputFiles, DefaultOutputFiles),
		Network:     spec.Network,
	}
	if l.OutputBytes > 0 && l.OutputBytes < b.OutputBytes {
		b.OutputBytes = l.OutputBytes
	}
	return b, nil
}

// CheckDirs checks the job's directories: InputDir an existing directory, OutputDir an
// existing empty one. A problem is the caller's, so it is an error, not a Failure.
func CheckDirs(job Job) error {
	if job.ID == "" {
		return fmt.Errorf("executor: job has no ID")
	}
	for _, d := range []struct{ name, path string }{{"input", job.InputDir}, {"output", job.OutputDir}} {
		if d.path == "" {
			return fmt.Errorf("executor: job %s has no %s directory", job.ID, d.name)
		}
		fi, err := os.Lstat(d.path)
		if err != nil {
			return fmt.Errorf("executor: job %s %s directory: %w", job.ID, d.name, err)
		}
		if !fi.IsDir() {
			return fmt.Errorf("executor: job %s %s directory %s is not a directory", job.ID, d.name, d.path)
		}
	}
	entries, err := os.ReadDir(job.OutputDir)
	if err != nil {
		return fmt.Errorf("executor: job %s output directory: %w", job.ID, err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("executor: job %s output directory %s is not empty", job.ID, job.OutputDir)
	}
	return nil
}

func orDefault[T int | int64](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

func formatCPU(millis uint64) string {
	if millis%1000 == 0 {
		return fmt.Sprintf("%d cores", millis/1000)
	}
	return fmt.Sprintf("%dm", millis)
}
