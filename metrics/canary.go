package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Canary results and notification kinds (labels of the canary metrics).
const (
	CanarySettled = "settled"
	CanaryFailed  = "failed"

	NoteFailure  = "failure"
	NoteRecovery = "recovery"
	NoteSent     = "sent"
	NoteError    = "error"
)

// canaryBuckets: a canary waits for a provider, a run and a challenge window (seconds to an hour).
var canaryBuckets = []float64{5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600}

// Canary is the canaries' group.
type Canary struct {
	runs     *prometheus.CounterVec
	duration prometheus.Histogram
	failing  prometheus.Gauge
	lastOK   prometheus.Gauge
	notes    *prometheus.CounterVec
}

// NewCanary registers the canary metrics (once per registry).
func NewCanary(r *Registry) *Canary {
	return shared(r, "canary", func() *Canary {
		c := &Canary{
			runs:     mCanaryRuns.counter(),
			duration: mCanaryDuration.histogram(canaryBuckets).WithLabelValues().(prometheus.Histogram),
			failing:  mCanaryFailing.gauge().WithLabelValues(),
			lastOK:   mCanaryLastOK.gauge().WithLabelValues(),
			notes:    mCanaryNotes.counter(),
		}
		c.runs.WithLabelValues(CanarySettled)
		c.runs.WithLabelValues(CanaryFailed)
		for _, k := range []string{NoteFailure, NoteRecovery} {
			for _, r := range []string{NoteSent, NoteError} {
				c.notes.WithLabelValues(k, r)
			}
		}
		return c
	})
}

// CanaryRan records one canary (canary.Metrics): settled or not, how long it took, and when
// it ended.
func (c *Canary) CanaryRan(settled bool, took time.Duration, at time.Time) {
	if !settled {
		c.runs.WithLabelValues(CanaryFailed).Inc()
		return
	}
	c.runs.WithLabelValues(CanarySettled).Inc()
	c.duration.Observe(took.Seconds())
	c.lastOK.Set(float64(at.UnixNano()) / 1e9)
}

// CanaryFailing records whether an incident is open (canary.Metrics).
func (c *Canary) CanaryFailing(failing bool) {
	v := 0.0
	if failing {
		v = 1
	}
	c.failing.Set(v)
}

// CanaryNotified records a webhook notification of kind (failure, recovery) and whether it
// was delivered (canary.Metrics).
func (c *Canary) CanaryNotified(kind string, err error) {
	r := NoteSent
	if err != nil {
		r = NoteError
	}
	c.notes.WithLabelValues(kind, r).Inc()
}

// Describe implements prometheus.Collector.
func (c *Canary) Describe(ch chan<- *prometheus.Desc) {
	for _, x := range c.collectors() {
		x.Describe(ch)
	}
}

// Collect implements prometheus.Collector.
func (c *Canary) Collect(ch chan<- prometheus.Metric) {
	for _, x := range c.collectors() {
		x.Collect(ch)
	}
}

func (c *Canary) collectors() []prometheus.Collector {
	return []prometheus.Collector{c.runs, c.duration, c.failing, c.lastOK, c.notes}
}
