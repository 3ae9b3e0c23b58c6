package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/jobclient"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// dockerScript is the Docker job: the same greeting the WASM module writes (and, like it, a
// failure when name.txt is missing: cat says why on stderr and the script exits 3).
const dockerScript = `name=$(cat /brine/inputs/name.txt) || exit 3; printf 'hello, %s\n' "$name" > /brine/outputs/greeting.txt`

// terms are what a scene's job pays and when it is due.
type terms struct {
	payment, collateral string // tokens
	replicas            uint8
	acceptWithin        time.Duration
	runWithin           time.Duration
	window              time.Duration // challenge window
}

// jobSpec is the greet job for name on the demo's engine; name "" leaves the input name.txt
// out, and the job fails by its own program.
func (r *show) jobSpec(name string, t terms) (*jobspec.Spec, error) {
	limit := 10 * time.Second
	if t.runWithin < limit {
		limit = t.runWithin
	}
	inputs := []map[string]string{}
	if name != "" {
		inputs = append(inputs, map[string]string{"path": "name.txt", "content": name})
	}
	doc := map[string]any{
		"engine":           string(r.engine),
		"inputs":           inputs,
		"resources":        map[string]string{"cpu": "1", "memory": "64MiB", "disk": "16MiB", "time": limit.String()},
		"outputs":          []map[string]string{{"path": "greeting.txt"}},
		"price":            map[string]string{"payment": t.payment, "collateral": t.collateral},
		"replicas":         t.replicas,
		"deadlines":        map[string]string{"accept_within": t.acceptWithin.String(), "run_within": t.runWithin.String()},
		"challenge_window": t.window.String(),
	}
	if r.engine == jobspec.EngineDocker {
		doc["image"] = r.image
		doc["entrypoint"] = []string{"/bin/sh", "-c"}
		doc["args"] = []string{dockerScript}
	} else {
		doc["module"] = r.moduleCID
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return jobspec.Parse(b)
}

// expected is what the greet job computes for name.
func expected(name string) string { return "hello, " + name + "\n" }

// post serves the spec (and the module) from the client's host, pushes the spec to the
// providers' nodes over libp2p and posts the job. It returns the job and how many nodes took
// the spec. A node refuses a spec its policy rules out (a replicated job at a single-replica
// node): that is not an error here.
func (r *show) post(ctx context.Context, spec *jobspec.Spec) (settlement.Job, int, error) {
	res, err := r.client.submit.Submit(ctx, jobclient.Submission{Spec: spec, Module: r.module})
	if jobclient.StageOf(err) == jobclient.StagePost {
		return settlement.Job{}, 0, fmt.Errorf("demo: posting the job: %w", err)
	}
	if err != nil {
		return settlement.Job{}, 0, err
	}
	return res.Job, len(res.Offer.Took), nil
}

// waitJob waits until the job satisfies cond.
func (r *show) waitJob(ctx context.Context, id settlement.JobID, what string, timeout time.Duration, cond func(settlement.Job) bool) (settlement.Job, error) {
	var job settlement.Job
	err := r.story.wait(ctx, what, timeout, func(ctx context.Context) (bool, string, error) {
		j, err := r.client.acct.Job(ctx, id)
		if err != nil {
			return false, "", err
		}
		job = j
		return cond(j), fmt.Sprintf("job %d is %s", id, j.Status), nil
	})
	return job, err
}

func atLeast(s settlement.Status) func(settlement.Job) bool {
	return func(j settlement.Job) bool { return j.Status >= s }
}

func is(s settlement.Status) func(settlement.Job) bool {
	return func(j settlement.Job) bool { return j.Status == s }
}

// events returns job id's events of kind so far.
func (r *show) events(ctx context.Context, id settlement.JobID, kind settlement.EventKind) ([]settlement.Event, error) {
	evs, _, err := r.client.acct.Events(ctx, settlement.Cursor{Block: r.addrs.Block}, 0, 0)
	if err != nil {
		return nil, err
	}
	var out []settlement.Event
	for _, ev := range evs {
		if ev.Job == id && ev.Kind == kind {
			out = append(out, ev)
		}
	}
	return out, nil
}

// waitEvents waits until job id has at least n events of kind that pass keep (nil: all).
func (r *show) waitEvents(ctx context.Context, id settlement.JobID, kind settlement.EventKind, n int, what string, timeout time.Duration, keep func(settlement.Event) bool) ([]settlement.Event, error) {
	var got []settlement.Event
	err := r.story.wait(ctx, what, timeout, func(ctx context.Context) (bool, string, error) {
		evs, err := r.events(ctx, id, kind)
		if err != nil {
			return false, "", err
		}
		got = got[:0]
		for _, ev := range evs {
			if keep == nil || keep(ev) {
				got = append(got, ev)
			}
		}
		return len(got) >= n, fmt.Sprintf("%d of %d so far", len(got), n), nil
	})
	return got, err
}

// fetch downloads job's committed result from provider's node over libp2p, checks it
// against the CID committed on chain (jobclient.Host.Fetch) and returns greeting.txt.
func (r *show) fetch(ctx context.Context, job settlement.Job, provider common.Address) (string, string, error) {
	job.Provider = provider
	data, c, err := r.client.host.Fetch(ctx, r.client.acct, job, 1<<20)
	if err != nil {
		return "", "", fmt.Errorf("demo: downloading job %d's result: %w", job.ID, err)
	}
	dir, err := os.MkdirTemp(r.dir, "result-")
	if err != nil {
		return "", "", err
	}
	if err := results.Unpack(data, dir, results.Limits{}); err != nil {
		return "", "", fmt.Errorf("demo: unpacking job %d's result: %w", job.ID, err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "greeting.txt"))
	if err != nil {
		return "", "", fmt.Errorf("demo: job %d's result: %w", job.ID, err)
	}
	return string(b), c.String(), nil
}

// cidText is a committed CID as text.
func cidText(b []byte) string {
	c, err := results.ParseCommitment(b)
	if err != nil {
		return fmt.Sprintf("%x", b)
	}
	return c.String()
}

func bps(x *big.Int, b uint16) *big.Int {
	v := new(big.Int).Mul(x, big.NewInt(int64(b)))
	return v.Quo(v, big.NewInt(10000))
}

func sub(a, b *big.Int) *big.Int { return new(big.Int).Sub(a, b) }
func add(a, b *big.Int) *big.Int { return new(big.Int).Add(a, b) }

// sender names who sent the transaction with hash h.
func (r *show) sender(ctx context.Context, h common.Hash) string {
	tx, _, err := r.eth.TransactionByHash(ctx, h)
	if err != nil {
		return "a node"
	}
	from, err := types.Sender(types.LatestSignerForChainID(r.net.ChainID()), tx)
	if err != nil {
		return "a node"
	}
	return r.nameOf(from)
}

func (r *show) names(as []common.Address) string {
	s := ""
	for i, a := range as {
		if i > 0 {
			if i == len(as)-1 {
				s += " and "
			} else {
				s += ", "
			}
		}
		s += r.nameOf(a)
	}
	return s
}
