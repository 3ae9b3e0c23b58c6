package node

import (
	"context"
	"errors"
	"time"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/executor"
)

// Metrics receives the node's measurements (package metrics' Node implements it; jobs by
// state are read from the store at scrape time, not reported here). Implementations must be
// safe for concurrent use.
type Metrics interface {
	// Executed is one execution of a job (or a verifier's re-execution) by engine, with its
	// outcome (ExecSucceeded, ExecFailureRecord, ExecFailed, ExecError, ExecInterrupted) and
	// how long it took.
	Executed(engine, outcome string, took time.Duration)
}

// Execution outcomes.
const (
	ExecSucceeded     = "succeeded"      // the result was packaged and stored
	ExecFailureRecord = "failure_record" // the job's own fault: its failure record was packaged and stored, committed like a result
	ExecFailed        = "failed"         // a failure not the program's (image pull, the node's caps, an engine refusal): recorded Failed, nothing committed
	ExecError         = "error"          // the node's fault: retried
	ExecInterrupted   = "interrupted"    // the node stopped while it ran: runs again at the next start
)

// JobCounts is the node's job records counted by state name (metrics.JobCounts, read at each
// scrape); an error before Start, when the store is not open.
func (n *Node) JobCounts() (map[string]int, error) {
	s := n.Store()
	if s == nil {
		return nil, errors.New("the node's store is not open")
	}
	return s.CountByName()
}

type noMetrics struct{}

func (noMetrics) Executed(string, string, time.Duration) {}

func (n *Node) metrics() Metrics {
	if n.cfg.Metrics == nil {
		return noMetrics{}
	}
	return n.cfg.Metrics
}

// observeExecution reports one execute call.
func (n *Node) observeExecution(ctx context.Context, engine jobspec.Engine, recorded bool, fail *executor.Failure, err error, took time.Duration) {
	outcome := ExecSucceeded
	switch {
	case ctx.Err() != nil:
		outcome = ExecInterrupted
	case err != nil:
		outcome = ExecError
	case fail != nil && recorded:
		outcome = ExecFailureRecord
	case fail != nil:
		outcome = ExecFailed
	}
	n.metrics().Executed(string(engine), outcome, took)
}
