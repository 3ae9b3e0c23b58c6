package node_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/settlement"
)

// push serves doc's spec from the client's host and offers it to the active providers' nodes,
// without posting anything.
func (c *client) push(t *testing.T, doc string) (*jobspec.Spec, providers.PushReport) {
	t.Helper()
	spec, err := jobspec.Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	canon, err := spec.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	hash, _ := spec.Hash()
	c.specs.mu.Lock()
	c.specs.m[hash] = canon
	c.specs.mu.Unlock()
	nodes, err := providers.ProviderNodes(t.Context(), c.acct)
	if err != nil {
		t.Fatal(err)
	}
	return spec, providers.PushSpec(t.Context(), c.host, nodes, hash, canon)
}

// postPushed posts spec's job (its spec already pushed).
func (c *client) postPushed(t *testing.T, spec *jobspec.Spec) settlement.Job {
	t.Helper()
	hash, _ := spec.Hash()
	head, err := eth.HeaderByNumber(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	acceptBy, resultBy := spec.Deadlines.At(time.Unix(int64(head.Time), 0))
	payment, collateral, err := spec.Price.Amounts(18)
	if err != nil {
		t.Fatal(err)
	}
	job, err := c.acct.PostJob(t.Context(), settlement.JobRequest{SpecHash: hash, Payment: payment, Collateral: collateral,
		Replicas: spec.Replicas, AcceptBy: acceptBy, ResultBy: resultBy, ChallengeWindow: spec.ChallengeWindow})
	if err != nil {
		t.Fatal(err)
	}
	return job
}

// outcomeOf is the push outcome of account's node.
func outcomeOf(t *testing.T, r providers.PushReport, account common.Address) providers.PushOutcome {
	t.Helper()
	for _, o := range r {
		if o.Account == account {
			return o
		}
	}
	t.Fatalf("the push report has no outcome for %s: %+v", account, r)
	return providers.PushOutcome{}
}

// A spec the node's policy rules out is refused at the push with the node's reason, and a job
// posted with it anyway is let go at once with that reason: the node used to ask for the spec
// every second until accept-by, with a malformed error.
func TestRefusedSpecIsToldAndNotRetried(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	p := stakedProvider(t, m, "provider")
	n := p.start(t, nil, dishonest.Honest) // runs wasm only
	c := newClient(t, m)
	spec, report := c.push(t, `
engine: docker
image: busybox
args: [sh, -c, "echo hi > /brine/outputs/out.txt"]
resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 5s}
outputs: [{path: out.txt}]
price: {payment: "2", collateral: "4"}
deadlines: {accept_within: 40s, run_within: 60s}
challenge_window: 4s
`)
	o := outcomeOf(t, report, p.acct.Account())
	if !o.Refused() || !strings.Contains(o.Reason(), `engine "docker" is not run by this node`) {
		t.Fatalf("push outcome: refused=%v reason %q (err %v); want the node's refusal with its reason", o.Refused(), o.Reason(), o.Err)
	}
	job := c.postPushed(t, spec)
	rec := waitRecord(t, n, job.ID, "abandoned", 15*time.Second, func(r store.JobRecord) bool { return r.State.Terminal() })
	if rec.State != store.StateAbandoned || !strings.Contains(rec.Reason, "refused: engine") {
		t.Errorf("record %s (%q), want abandoned with the refusal", rec.State, rec.Reason)
	}
}

// The peers that pushed a spec are kept in the node's store with their addresses: a node
// restarted between the push and the post fetches the job's module from the client that
// pushed it (its peerstore is empty after the restart, and no other node has the module).
func TestPushedSourceOutlivesRestart(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	p := stakedProvider(t, m, "provider")
	first := p.start(t, nil, dishonest.Honest)
	c := newClient(t, m)
	spec, report := c.push(t, greetDoc(c.module(t, guest(t)), "restart", 0, ""))
	if o := outcomeOf(t, report, p.acct.Account()); o.Err != nil {
		t.Fatalf("the node did not take the spec: %v", o.Err)
	}
	stop(t, first)
	job := c.postPushed(t, spec)
	p.start(t, nil, dishonest.Honest)
	waitJob(t, c.acct, job.ID, "finalized", 60*time.Second, status(settlement.StatusFinalized))
}
