package sim

import (
	"context"
	"testing"
	"time"
)

// BenchmarkSweepPoint runs one sweep point (the default population, a cartel of a fifth, 1000
// jobs) per iteration and reports jobs and transactions per second of wall time, setup and the
// final audit included.
//
//	go test -bench . -run '^$' ./sim/
func BenchmarkSweepPoint(b *testing.B) {
	cfg := DefaultConfig()
	cfg.Cartel = 0.2
	var jobs, txs int
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		cfg.Seed = uint64(i + 1)
		start := time.Now()
		rep, err := Run(context.Background(), cfg)
		if err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(start)
		jobs += rep.Jobs
		txs += rep.Chain.Transactions
	}
	b.ReportMetric(float64(jobs)/elapsed.Seconds(), "jobs/s")
	b.ReportMetric(float64(txs)/elapsed.Seconds(), "tx/s")
}
