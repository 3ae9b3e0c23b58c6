package metrics

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
)

// Probe results (the result label of brine_prober_probes_total).
const (
	ProbeAnswered   = "answered"
	ProbeUnanswered = "unanswered"
)

// Prober is the uptime prober's group: probes and posted roots.
type Prober struct {
	decimals  uint8
	probes    *prometheus.CounterVec
	posted    prometheus.Counter
	lastEpoch prometheus.Gauge
	rewards   prometheus.Counter
}

// NewProber registers the prober metrics (once per registry); decimals are the reward token's.
func NewProber(r *Registry, decimals uint8) *Prober {
	return shared(r, "prober", func() *Prober {
		return &Prober{
			decimals:  decimals,
			probes:    mProbes.counter(),
			posted:    mRootsPosted.counter().WithLabelValues(),
			lastEpoch: mLastEpoch.gauge().WithLabelValues(),
			rewards:   mRewards.counter().WithLabelValues(),
		}
	})
}

// Probed records one probe of provider (prober.Metrics).
func (p *Prober) Probed(provider common.Address, answered bool) {
	r := ProbeUnanswered
	if answered {
		r = ProbeAnswered
	}
	p.probes.WithLabelValues(provider.Hex(), r).Inc()
}

// RootPosted records a posted epoch root and its tree's total (prober.Metrics).
func (p *Prober) RootPosted(epoch uint64, total *big.Int) {
	p.posted.Inc()
	p.lastEpoch.Set(float64(epoch))
	if total != nil {
		p.rewards.Add(Whole(total, p.decimals))
	}
}

// Describe implements prometheus.Collector.
func (p *Prober) Describe(ch chan<- *prometheus.Desc) {
	for _, c := range p.collectors() {
		c.Describe(ch)
	}
}

// Collect implements prometheus.Collector.
func (p *Prober) Collect(ch chan<- prometheus.Metric) {
	for _, c := range p.collectors() {
		c.Collect(ch)
	}
}

func (p *Prober) collectors() []prometheus.Collector {
	return []prometheus.Collector{p.probes, p.posted, p.lastEpoch, p.rewards}
}
