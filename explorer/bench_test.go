package explorer_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/big"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/explorer"
	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/internal/simchain"
)

// Environment of BenchmarkAPI.
const (
	benchJobsEnv = "BRINE_EXPLORER_BENCH_JOBS" // jobs in the synthetic index (default 100,000)
	benchDBEnv   = "BRINE_EXPLORER_BENCH_DB"   // build the index in this file, and leave it there (replaced on each run)
)

// roundJobs is how many jobs one round of the template story has: 18 finalized, a reclaimed
// one, and one challenged, voted on and upheld.
const roundJobs = 20

// template is a round of real activity on the simulated chain, replayed many times over as a
// synthetic chain: each round's blocks shifted after the last, its job IDs renumbered.
type template struct {
	addrs       deploy.Addresses
	chainID     *big.Int
	setup       map[uint64][]types.Log // blocks up to setupEnd: registration and stake, once
	setupEnd    uint64
	round       map[uint64][]types.Log // by offset in the round
	roundLen    uint64
	rounds      uint64
	firstJob    *big.Int // the smallest job ID in the round
	jobEvents   map[common.Hash]bool
	t0          int64
	hashes      []common.Hash
	clients     []common.Address
	providers   []common.Address
	headersOnce sync.Once
}

func recordTemplate(b *testing.B) *template {
	c, err := simchain.Start()
	must(b, err)
	defer c.Sim.Close()
	client := c.MustAccount(b, "client", deploy.Token(100000))
	var provs []*simchain.Account
	for i := 0; i < 10; i++ {
		p, err := c.NewProvider("p", deploy.Token(1000), deploy.Token(500))
		must(b, err)
		provs = append(provs, p)
	}
	ctx := context.Background()
	setupEnd, err := c.Client.BlockNumber(ctx)
	must(b, err)
	cid := []byte("\x01\x55\x12\x20honest-result")
	var jobs []*simchain.Job
	var first *big.Int
	for i := 0; i < roundJobs-2; i++ {
		j, _, err := c.Post(client, c.Request(deploy.Token(3), deploy.Token(1), 1, time.Hour, time.Hour, 10))
		must(b, err)
		if first == nil {
			first = j.ID
		}
		_, err = c.Accept(provs[i%len(provs)], j)
		must(b, err)
		_, err = c.CommitResult(provs[i%len(provs)], j, cid)
		must(b, err)
		jobs = append(jobs, j)
	}
	reclaimed, _, err := c.Post(client, c.Request(deploy.Token(2), deploy.Token(1), 1, 5*time.Second, time.Minute, 10))
	must(b, err)
	challenged, _, err := c.Post(client, c.Request(deploy.Token(5), deploy.Token(1), 1, time.Minute, time.Hour, 100))
	must(b, err)
	_, err = c.Accept(provs[3], challenged)
	must(b, err)
	_, err = c.CommitResult(provs[3], challenged, []byte("\x01\x55\x12\x20wrong"))
	must(b, err)
	_, err = c.Challenge(client, challenged)
	must(b, err)
	c.Advance(2 * time.Minute)
	_, err = c.FinalizeBatch(client, jobs)
	must(b, err)
	_, err = c.Reclaim(client, reclaimed)
	must(b, err)
	c.Mine(2)
	verifiers, _, err := c.DrawVerifiers(client, challenged)
	must(b, err)
	acct := map[common.Address]*simchain.Account{}
	for _, p := range provs {
		acct[p.Addr] = p
	}
	salts := make([][32]byte, len(verifiers))
	for i, v := range verifiers {
		salts[i] = simchain.Salt()
		_, err = c.CommitVote(acct[v], challenged, uint8(i), cid, salts[i])
		must(b, err)
	}
	for i, v := range verifiers {
		_, err = c.RevealVote(acct[v], challenged, uint8(i), cid, salts[i])
		must(b, err)
	}
	must(b, c.PassAppealWindow(challenged))
	_, err = c.ResolveChallenge(client, challenged)
	must(b, err)
	head, err := c.Client.BlockNumber(ctx)
	must(b, err)
	logs, err := c.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), ToBlock: new(big.Int).SetUint64(head)})
	must(b, err)
	id, err := c.Client.ChainID(ctx)
	must(b, err)
	t := &template{addrs: c.Addr, chainID: id, setup: map[uint64][]types.Log{}, round: map[uint64][]types.Log{}, setupEnd: setupEnd,
		roundLen: head - setupEnd, firstJob: first, jobEvents: map[common.Hash]bool{}, t0: 1_700_000_000, clients: []common.Address{client.Addr}}
	for _, p := range provs {
		t.providers = append(t.providers, p.Addr)
	}
	abi, err := bindings.JobMarketMetaData.ParseABI()
	must(b, err)
	for _, ev := range abi.Events {
		if len(ev.Inputs) > 0 && ev.Inputs[0].Indexed && ev.Inputs[0].Name == "id" {
			t.jobEvents[ev.ID] = true
		}
	}
	for _, l := range logs {
		if l.BlockNumber <= setupEnd {
			t.setup[l.BlockNumber] = append(t.setup[l.BlockNumber], l)
		} else {
			off := l.BlockNumber - setupEnd - 1
			t.round[off] = append(t.round[off], l)
		}
	}
	return t
}

// head is the synthetic chain's last block.
func (t *template) head() uint64 { return t.setupEnd + t.rounds*t.roundLen }

// header is block n's header, its parent's hash in it: the index takes a header as vouching
// for its parent's hash.
func (t *template) header(n uint64) *types.Header {
	var parent common.Hash
	if n > 0 {
		parent = t.hash(n - 1)
	}
	return t.headerWith(n, parent)
}

func (t *template) headerWith(n uint64, parent common.Hash) *types.Header {
	return &types.Header{Number: new(big.Int).SetUint64(n), ParentHash: parent, Time: uint64(t.t0 + 12*int64(n)), Difficulty: new(big.Int)}
}

func (t *template) hash(n uint64) common.Hash {
	t.headersOnce.Do(func() {
		t.hashes = make([]common.Hash, t.head()+1)
		var parent common.Hash
		for i := range t.hashes {
			t.hashes[i] = t.headerWith(uint64(i), parent).Hash()
			parent = t.hashes[i]
		}
	})
	return t.hashes[n]
}

// logsAt are block n's logs: the setup's, or a round's renumbered.
func (t *template) logsAt(n uint64) []types.Log {
	if n <= t.setupEnd {
		out := slices.Clone(t.setup[n])
		for i := range out {
			out[i].BlockHash = t.hash(n)
		}
		return out
	}
	r, off := (n-t.setupEnd-1)/t.roundLen, (n-t.setupEnd-1)%t.roundLen
	src := t.round[off]
	out := make([]types.Log, len(src))
	var rb [8]byte
	binary.BigEndian.PutUint64(rb[:], r)
	for i, l := range src {
		l.BlockNumber, l.BlockHash = n, t.hash(n)
		l.TxHash = crypto.Keccak256Hash(l.TxHash[:], rb[:])
		l.Topics = slices.Clone(l.Topics)
		if l.Address == t.addrs.Market && len(l.Topics) > 1 && t.jobEvents[l.Topics[0]] {
			id := new(big.Int).SetBytes(l.Topics[1].Bytes())
			id.Add(id, new(big.Int).SetUint64(r*roundJobs))
			l.Topics[1] = common.BigToHash(id)
		}
		out[i] = l
	}
	return out
}

func (t *template) FilterLogs(_ context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	var out []types.Log
	for n := q.FromBlock.Uint64(); n <= min(q.ToBlock.Uint64(), t.head()); n++ {
		for _, l := range t.logsAt(n) {
			if len(q.Addresses) > 0 && !slices.Contains(q.Addresses, l.Address) {
				continue
			}
			ok := true
			for i, set := range q.Topics {
				if len(set) > 0 && (i >= len(l.Topics) || !slices.Contains(set, l.Topics[i])) {
					ok = false
				}
			}
			if ok {
				out = append(out, l)
			}
		}
	}
	return out, nil
}

func (t *template) HeaderByNumber(_ context.Context, n *big.Int) (*types.Header, error) {
	if n == nil || n.Uint64() > t.head() {
		return t.header(t.head()), nil
	}
	return t.header(n.Uint64()), nil
}

func (t *template) BlockNumber(context.Context) (uint64, error) { return t.head(), nil }

var (
	benchOnce sync.Once
	bench     struct {
		t    *template
		db   *index.DB
		srv  *explorer.Server
		path string
		jobs int
	}
)

// benchIndex fills an index with the synthetic chain through the index's own writer (and
// Times), once per test binary; with BRINE_EXPLORER_BENCH_DB set, into that file, kept after
// the run for inspection (each run's template chain is new, so it is rebuilt every time).
func benchIndex(b *testing.B) {
	benchOnce.Do(func() {
		jobs := 100_000
		if v, err := strconv.Atoi(os.Getenv(benchJobsEnv)); err == nil && v > 0 {
			jobs = v
		}
		t := recordTemplate(b)
		t.rounds = uint64((jobs + roundJobs - 1) / roundJobs)
		path := os.Getenv(benchDBEnv)
		if path != "" {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				if err := os.Remove(path + suffix); err != nil && !os.IsNotExist(err) {
					b.Fatal(err)
				}
			}
		} else {
			dir, err := os.MkdirTemp("", "explorer-bench-")
			must(b, err)
			path = filepath.Join(dir, "index.db")
			// Not kept: at 100,000 jobs it is over a gigabyte. The next run builds it again.
			b.Cleanup(func() {
				bench.db.Close()
				os.RemoveAll(dir)
				benchOnce = sync.Once{}
			})
		}
		ctx := context.Background()
		db, err := index.Open(ctx, index.OpenConfig{Path: path})
		must(b, err)
		start, cpuStart := time.Now(), cpuTime(b)
		ix, err := index.New(ctx, index.Config{Chain: t, DB: db, Addresses: t.addrs, ChainID: t.chainID, Span: 2000})
		must(b, err)
		_, err = ix.Sync(ctx)
		must(b, err)
		synced, cpuSynced := time.Now(), cpuTime(b)
		tm, err := explorer.NewTimes(explorer.TimesConfig{DB: db, Chain: t})
		must(b, err)
		must(b, tm.CatchUp(ctx))
		st, err := db.Status(ctx, t.addrs)
		must(b, err)
		b.Logf("indexed %d jobs, %d events in %s (%s by the index's writer, %s of CPU; %s recording block times, %s of CPU; %s)", st.Jobs, st.Logs,
			time.Since(start).Round(time.Second), synced.Sub(start).Round(100*time.Millisecond), (cpuSynced - cpuStart).Round(100*time.Millisecond),
			time.Since(synced).Round(100*time.Millisecond), (cpuTime(b) - cpuSynced).Round(100*time.Millisecond), path)
		srv, err := explorer.New(explorer.Config{DB: db, Addresses: t.addrs, ChainID: t.chainID, CanaryClient: &t.clients[0]})
		must(b, err)
		bench.t, bench.db, bench.srv, bench.path, bench.jobs = t, db, srv, path, int(st.Jobs)
	})
	if bench.srv == nil {
		b.Fatal("the synthetic index failed to build (see the first benchmark)")
	}
}

// BenchmarkAPI answers each kind of call on an index of BRINE_EXPLORER_BENCH_JOBS (100,000)
// jobs, with random IDs, providers and pages, through the whole handler (guard, query, JSON),
// and reports each call's p50 and p99 latency and the database's bytes per 1,000 jobs.
//
//	go test ./explorer -run '^$' -bench API -benchtime 200x
func BenchmarkAPI(b *testing.B) {
	benchIndex(b)
	t, h := bench.t, bench.srv.Handler()
	rng := rand.New(rand.NewPCG(1, 2))
	maxID := new(big.Int).Add(t.firstJob, big.NewInt(int64(t.rounds*roundJobs-1)))
	jobID := func() string {
		return new(big.Int).Add(t.firstJob, big.NewInt(rng.Int64N(maxID.Int64()-t.firstJob.Int64()+1))).String()
	}
	provider := func() string { return t.providers[rng.IntN(len(t.providers))].Hex() }
	span := int64(12 * t.head())
	calls := []struct {
		name string
		path func() string
	}{
		{"status", func() string { return "/api/status" }},
		{"jobs", func() string { return "/api/jobs" }},
		{"jobs-100", func() string { return "/api/jobs?limit=100" }},
		{"jobs-deep-cursor", func() string {
			return fmt.Sprintf("/api/jobs?cursor=%d-%s", t.setupEnd+uint64(rng.Int64N(int64(t.head()-t.setupEnd))), jobID())
		}},
		{"jobs-status", func() string { return "/api/jobs?status=" + []string{"finalized", "reclaimed", "upheld"}[rng.IntN(3)] }},
		{"jobs-provider", func() string { return "/api/jobs?provider=" + provider() }},
		{"jobs-provider-status", func() string { return "/api/jobs?status=upheld&provider=" + provider() }},
		{"jobs-client", func() string { return "/api/jobs?limit=100&client=" + t.clients[0].Hex() }},
		{"jobs-since", func() string { return fmt.Sprintf("/api/jobs?since=%d", t.t0+rng.Int64N(span)) }},
		{"job", func() string { return "/api/jobs/" + jobID() }},
		{"providers", func() string { return "/api/providers" }},
		{"provider", func() string { return "/api/providers/" + provider() }},
		{"challenges", func() string { return "/api/challenges" }},
		{"challenges-deep", func() string {
			return fmt.Sprintf("/api/challenges?before=%d", t.setupEnd+uint64(rng.Int64N(int64(t.head()-t.setupEnd))))
		}},
		{"epochs", func() string { return "/api/epochs" }},
		{"claims", func() string { return "/api/claims" }},
		{"books", func() string { return "/api/books" }},
		{"totals-48h", func() string { return "/api/totals" }},
		{"totals-30d-daily", func() string { return "/api/totals?hours=720&step=86400" }},
		{"canaries", func() string { return "/api/canaries" }},
		{"page-overview", func() string { return "/" }},
		{"page-jobs", func() string { return "/jobs" }},
		{"page-job", func() string { return "/jobs/" + jobID() }},
		{"page-provider", func() string { return "/providers/" + provider() }},
	}
	// A provider's first call, timed once per provider and reported with "provider": it used to
	// sum all the provider's earnings (10,000 payments), and now reads the sums the writer keeps;
	// the metric shows it stays bounded.
	var cold time.Duration
	for _, p := range t.providers {
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/providers/"+p.Hex(), nil))
		cold = max(cold, time.Since(start))
	}
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			if c.name == "provider" {
				b.ReportMetric(float64(cold.Microseconds())/1000, "first-call-max-ms")
			}
			lat := make([]time.Duration, 0, b.N)
			for i := 0; i < b.N; i++ {
				req := httptest.NewRequest(http.MethodGet, c.path(), nil)
				rec := httptest.NewRecorder()
				start := time.Now()
				h.ServeHTTP(rec, req)
				lat = append(lat, time.Since(start))
				if rec.Code != 200 {
					b.Fatalf("GET %s: %d %s", req.URL, rec.Code, rec.Body.String())
				}
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
	must(b, bench.db.Close()) // checkpoints the write-ahead log into the file
	fi, err := os.Stat(bench.path)
	must(b, err)
	b.ReportMetric(float64(fi.Size())*1000/float64(bench.jobs)/1e6, "MB/1000jobs")
	db, err := index.Open(context.Background(), index.OpenConfig{Path: bench.path})
	must(b, err)
	bench.db = db
	bench.srv, err = explorer.New(explorer.Config{DB: db, Addresses: t.addrs, ChainID: t.chainID, CanaryClient: &t.clients[0]})
	must(b, err)
}

// cpuTime is the process's CPU time so far (user and system): on a machine shared with other
// builds, wall-clock time says more about the neighbours than about the index.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
