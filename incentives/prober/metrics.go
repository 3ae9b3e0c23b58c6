package prober

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// Metrics receives the prober's measurements (package metrics' Prober implements it).
// Implementations must be safe for concurrent use.
type Metrics interface {
	// Probed is one recorded probe of provider: answered with a signature that verified, or not.
	Probed(provider common.Address, answered bool)
	// RootPosted is an epoch's root posted, with its tree's total in base units.
	RootPosted(epoch uint64, total *big.Int)
}

type noMetrics struct{}

func (noMetrics) Probed(common.Address, bool) {}
func (noMetrics) RootPosted(uint64, *big.Int) {}

func (p *Prober) metrics() Metrics {
	if p.cfg.Metrics == nil {
		return noMetrics{}
	}
	return p.cfg.Metrics
}
