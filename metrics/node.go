package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Execution outcomes (the outcome label of brine_node_execution_duration_seconds).
const (
	OutcomeSucceeded     = "succeeded"      // the result was packaged and stored
	OutcomeFailureRecord = "failure_record" // the job's own fault (its program, limits, module): a failure record packaged and stored, committed like a result
	OutcomeFailed        = "failed"         // a failure not the program's (image pull, the node's caps): recorded Failed, nothing committed
	OutcomeError         = "error"          // the node's fault (infrastructure): retried
	OutcomeInterrupted   = "interrupted"    // the node stopped while it ran: runs again at the next start
)

// executionBuckets span a wasm greeting (milliseconds) to a long docker job (hours).
var executionBuckets = []float64{0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600, 14400}

// JobCounts reads the node's job records by state name (node.Node.JobCounts; a bare store's
// store.Store.CountByName).
type JobCounts func() (map[string]int, error)

// Node is the compute node's group: executions and jobs by state.
type Node struct {
	r    *Registry
	exec *prometheus.HistogramVec
}

// NewNode registers the node metrics (once per registry).
func NewNode(r *Registry) *Node {
	return shared(r, "node", func() *Node { return &Node{r: r, exec: mNodeExec.histogram(executionBuckets)} })
}

// Executed records one execution (node.Metrics).
func (n *Node) Executed(engine, outcome string, d time.Duration) {
	n.exec.WithLabelValues(engine, outcome).Observe(d.Seconds())
}

// WatchJobs reads f at every scrape as brine_node_jobs (a node has one store).
func (n *Node) WatchJobs(f JobCounts) {
	n.r.setSource("jobs", source{kind: "jobs", collect: func(ch chan<- prometheus.Metric) error {
		counts, err := f()
		if err != nil {
			return err
		}
		for state, c := range counts {
			ch <- prometheus.MustNewConstMetric(nodeJobsDesc, prometheus.GaugeValue, float64(c), state)
		}
		return nil
	}})
}

var nodeJobsDesc = mNodeJobs.desc()

// Describe implements prometheus.Collector.
func (n *Node) Describe(ch chan<- *prometheus.Desc) { n.exec.Describe(ch) }

// Collect implements prometheus.Collector.
func (n *Node) Collect(ch chan<- prometheus.Metric) { n.exec.Collect(ch) }
