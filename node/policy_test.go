package node

import (
	"math/big"
	"strings"
	"testing"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/settlement"
)

// namedExecutor is an executor that only has a name: the policy looks no further.
type namedExecutor struct {
	executor.Executor
	name string
}

func (e namedExecutor) Name() string { return e.name }

// TestPolicy: what a provider, a replica and a verifier refuse, and why. A replica's payment
// is weighed per seat; a verifier's duty ignores price and replica count but not what the
// node can run.
func TestPolicy(t *testing.T) {
	wasmOnly := map[jobspec.Engine]executor.Executor{jobspec.EngineWasm: namedExecutor{name: "wasm"}}
	spec := func(replicas uint8, memory uint64) *jobspec.Spec {
		return &jobspec.Spec{Engine: jobspec.EngineWasm, Replicas: replicas, Resources: jobspec.Resources{MemoryBytes: memory}}
	}
	job := func(replicas uint8, payment int64) settlement.Job {
		return settlement.Job{Replicas: replicas, Payment: big.NewInt(payment), Collateral: big.NewInt(5)}
	}
	cases := []struct {
		name         string
		policy       Policy
		executor     map[jobspec.Engine]executor.Executor
		spec         *jobspec.Spec
		job          settlement.Job
		wantJob      string // the refusal's text for the job ("" when taken)
		wantVerifier string // the refusal's text for a verifier's duty ("" when run)
	}{
		{"single job, no limits", Policy{MaxReplicas: 9}, wasmOnly, spec(1, 1<<20), job(1, 100), "", ""},
		{"three replicas by default", Policy{MaxReplicas: 9}, wasmOnly, spec(3, 1<<20), job(3, 100), "", ""},
		{"replicas over the node's limit", Policy{MaxReplicas: 1}, wasmOnly, spec(3, 1<<20), job(3, 100), "3 replicas: this node takes jobs of at most 1", ""},
		{"a seat's share over the minimum", Policy{MaxReplicas: 9, MinPayment: big.NewInt(33)}, wasmOnly, spec(3, 1<<20), job(3, 100), "", ""},
		{"a seat's share under the minimum", Policy{MaxReplicas: 9, MinPayment: big.NewInt(34)}, wasmOnly, spec(3, 1<<20), job(3, 100), "a replica's share 33 (payment 100 / 3) below the minimum 34", ""},
		{"single payment under the minimum", Policy{MaxReplicas: 9, MinPayment: big.NewInt(101)}, wasmOnly, spec(1, 1<<20), job(1, 100), "payment 100 below the minimum 101", ""},
		{"chain and spec disagree on replicas", Policy{MaxReplicas: 9}, wasmOnly, spec(3, 1<<20), job(2, 100), "the job has 2 replicas on chain, its spec 3", ""},
		{"collateral over the maximum", Policy{MaxReplicas: 9, MaxCollateral: big.NewInt(4)}, wasmOnly, spec(1, 1<<20), job(1, 100), "collateral 5 above the maximum 4", ""},
		{"memory over the cap", Policy{MaxReplicas: 9, MaxMemoryBytes: 1 << 20}, wasmOnly, spec(1, 2<<20), job(1, 100), "memory 2097152 bytes over the cap 1048576", "memory 2097152 bytes over the cap 1048576"},
		{"no executor for the engine", Policy{MaxReplicas: 9}, map[jobspec.Engine]executor.Executor{jobspec.EngineDocker: namedExecutor{name: "docker"}}, spec(1, 1<<20), job(1, 100), `engine "wasm" is not run by this node`, `engine "wasm" is not run by this node`},
		{"engine left out of the policy", Policy{MaxReplicas: 9, Engines: []jobspec.Engine{jobspec.EngineDocker}}, wasmOnly, spec(1, 1<<20), job(1, 100), `engine "wasm" is not run by this node`, `engine "wasm" is not run by this node`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := &Node{cfg: Config{Policy: c.policy, Executors: c.executor}}
			if got := string(n.checkJob(c.job, c.spec)); got != c.wantJob {
				t.Errorf("job: %q, want %q", got, c.wantJob)
			}
			if got := string(n.checkRunnable(c.spec)); got != c.wantVerifier {
				t.Errorf("verifier: %q, want %q", got, c.wantVerifier)
			}
		})
	}
}

// TestConfigMaxReplicas: the default takes every replica count; more than a job can have is
// refused.
func TestConfigMaxReplicas(t *testing.T) {
	var c Config
	c.defaults()
	if c.Policy.MaxReplicas != jobspec.MaxReplicas {
		t.Errorf("default MaxReplicas %d, want %d", c.Policy.MaxReplicas, jobspec.MaxReplicas)
	}
	c = Config{Policy: Policy{MaxReplicas: jobspec.MaxReplicas + 1}}
	if err := c.Check(); err == nil || !strings.Contains(err.Error(), "MaxReplicas is 10") {
		t.Errorf("Check with MaxReplicas 10: %v", err)
	}
}
