package index_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/rpc"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/internal/simchain"
)

// benchJobsEnv sets how many jobs BenchmarkIndex's chain settles (default 1000).
const benchJobsEnv = "BRINE_INDEX_BENCH_JOBS"

var (
	benchOnce  sync.Once
	benchChain *simchain.Chain
	benchJobs  int
	benchErr   error
)

// manyJobs settles n jobs the common way, each posted, accepted, committed and finalized
// (in batches of 50) by ten providers: about ten events per job.
func manyJobs(n int) (*simchain.Chain, error) {
	c, err := simchain.Start()
	if err != nil {
		return nil, err
	}
	client, err := c.NewAccount("client", deploy.Token(int64(2*n+10)))
	if err != nil {
		return nil, err
	}
	var provs []*simchain.Account
	for i := 0; i < 10; i++ {
		p, err := c.NewProvider("p", deploy.Token(int64(n+200)), deploy.Token(int64(n/10+150)))
		if err != nil {
			return nil, err
		}
		provs = append(provs, p)
	}
	var jobs []*simchain.Job
	for i := 0; i < n; i++ {
		j, _, err := c.Post(client, c.Request(deploy.Token(1), deploy.Token(1), 1, time.Hour, time.Hour, 10))
		if err != nil {
			return nil, err
		}
		p := provs[i%len(provs)]
		if _, err := c.Accept(p, j); err != nil {
			return nil, err
		}
		if _, err := c.CommitResult(p, j, []byte(fmt.Sprintf("\x01\x55\x12\x20result-%d", i))); err != nil {
			return nil, err
		}
		jobs = append(jobs, j)
	}
	c.Advance(time.Minute)
	for i := 0; i < len(jobs); i += 50 {
		if _, err := c.FinalizeBatch(client, jobs[i:min(i+50, len(jobs))]); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// BenchmarkIndex indexes the history of BRINE_INDEX_BENCH_JOBS settled jobs into a fresh
// SQLite database per iteration, and reports events indexed per second, the CPU time per
// event (cpu-µs/event: what a shared machine does not distort) and the database's bytes per
// 1,000 jobs. "chain" reads a local chain (go-ethereum's simulated backend over
// in-process JSON-RPC: its eth_getLogs is part of the time); "recorded" reads the same
// history from memory, which is the index's own speed.
//
//	go test ./index -run '^$' -bench Index -benchtime 3x
func BenchmarkIndex(b *testing.B) {
	benchOnce.Do(func() {
		benchJobs = 1000
		if v, err := strconv.Atoi(os.Getenv(benchJobsEnv)); err == nil && v > 0 {
			benchJobs = v
		}
		benchChain, benchErr = manyJobs(benchJobs)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	c := benchChain
	var chain index.Chain = c.Client
	// The index batches its header reads through an ethclient's JSON-RPC client, as against a
	// node; simchain's client hides it, the simulated backend's own has it.
	if rc, ok := c.Sim.Client().(interface{ Client() *rpc.Client }); ok {
		chain = withRPC{Chain: c.Client, rc: rc.Client()}
	} else {
		b.Log("the simulated client has no JSON-RPC client: headers are read one by one")
	}
	b.Run("chain", func(b *testing.B) { benchIndex(b, c, chain) })
	rec := record(b, c)
	b.Run("recorded", func(b *testing.B) { benchIndex(b, c, &replay{rec: rec}) })
}

// withRPC is a chain with the JSON-RPC client an ethclient.Client has.
type withRPC struct {
	index.Chain
	rc *rpc.Client
}

func (w withRPC) Client() *rpc.Client { return w.rc }

func benchIndex(b *testing.B, c *simchain.Chain, chain index.Chain) {
	ctx := context.Background()
	var events int64
	var size int64
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "index.db")
		db, err := index.Open(ctx, index.OpenConfig{Path: path})
		must(b, err)
		ix := newIndexer(b, chain, db, c, 0)
		b.StartTimer()
		before := cpuTime(b)
		_, err = ix.Sync(ctx)
		must(b, err)
		cpu += cpuTime(b) - before
		b.StopTimer()
		st, err := db.Status(ctx, c.Addr)
		must(b, err)
		if st.FirstBreak != nil || st.Jobs != int64(benchJobs) {
			b.Fatalf("%d jobs indexed (want %d), first break %v", st.Jobs, benchJobs, st.FirstBreak)
		}
		events += st.Logs
		must(b, db.Close()) // checkpoints the write-ahead log into the file
		fi, err := os.Stat(path)
		must(b, err)
		size = fi.Size()
		b.StartTimer()
	}
	b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(size)*1000/float64(benchJobs), "dbbytes/1000jobs")
	b.ReportMetric(float64(events)/float64(b.N)/float64(benchJobs), "events/job")
	b.ReportMetric(float64(cpu.Microseconds())/float64(events), "cpu-µs/event")
}

// cpuTime is the CPU time (user and system) the process has used: on a shared machine it
// measures the index's cost where wall-clock time measures the neighbours. It counts the
// process's other goroutines too (for "chain", the simulated node answering the requests).
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
