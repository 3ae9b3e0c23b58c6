package main_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// mapreduceModule builds the map-reduce example's wasm guest (examples/mapreduce).
func mapreduceModule(t *testing.T) string { return exampleModule(t, "mapreduce") }

// exampleModule builds the wasm guest of examples/<example>.
func exampleModule(t *testing.T, example string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), example+".wasm")
	build := exec.Command("go", "build", "-trimpath", "-o", out, ".")
	build.Dir = filepath.Join("..", "..", "examples", example)
	build.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the map-reduce guest: %v\n%s", err, b)
	}
	return out
}

// pipelineFile writes a map-reduce pipeline over text in two shards.
func pipelineFile(t *testing.T, text string) string {
	t.Helper()
	job := func(args, outputs, inputs string) string {
		return fmt.Sprintf(`{engine: wasm, args: [%s], inputs: [%s], outputs: [%s],
      resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 30s}, price: {payment: "1", collateral: "2"},
      deadlines: {accept_within: 1m, run_within: 1m}, challenge_window: 4s}`, args, inputs, outputs)
	}
	doc := `budget: "10"
steps:
  - name: split
    job: ` + job(`split, "2"`, "{path: shards}", fmt.Sprintf("{path: text.txt, content: %q}", text)) + `
  - name: count
    foreach: split:shards/*
    as: shard.txt
    max_fanout: 4
    job: ` + job("count", "{path: counts.txt}", "") + `
  - name: merge
    inputs: [{path: counts, from: "count:counts.txt"}]
    job: ` + job("merge", "{path: counts.txt}", "") + `
`
	p := filepath.Join(t.TempDir(), "mapreduce.yaml")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPipelineKilledPostsEachJobOnce runs a map-reduce pipeline (split → 2 counts → merge) and
// kills it with SIGKILL at one point after another: while the split's post is in flight (sent,
// not mined), once the fan-out is listed, while a count's post is in flight, right after a
// count's job is known, and right after the merge's post is mined; each
// time `brine pipeline resume` carries on. On chain, every job of the pipeline is posted
// exactly once (one job per spec hash, four in all), the client paid four payments, and the
// merged counts are in the output.
func TestPipelineKilledPostsEachJobOnce(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "3")
	acc := n.info.Accounts
	provider, client := acc[1], acc[2]
	n.ok(t, "--account", provider, "provider", "stake", "100")
	n.startNode(t, "node", nil, provider)
	mod := mapreduceModule(t)
	file := pipelineFile(t, "one fish two fish red fish blue fish\n")
	out := filepath.Join(t.TempDir(), "out")
	before := n.tokens(t, client)
	args := func(cmd string) []string {
		return []string{"--account", client, "pipeline", cmd, file, "--module", mod, "--wait", "--output", out}
	}

	// Each run is killed at the first line matching its pattern after it starts.
	kills := []struct {
		cmd, at string
	}{
		{"submit", `post/.*: sent, waiting to be mined`}, // the split's post in flight
		{"resume", `count: fans out over 2 entries`},
		{"resume", `post/.*: sent, waiting to be mined`}, // a count's post in flight
		{"resume", `count\[shard-0\d.txt\]: (posted|found) job`},
		{"resume", `merge: posted job`},
	}
	for i, k := range kills {
		p := n.startProc(t, fmt.Sprintf("pipeline %s (killed %d)", k.cmd, i), nil, "Pipeline 0x", args(k.cmd)...)
		line := p.wait(t, k.at, 2*time.Minute)
		p.kill(t)
		t.Logf("killed at %q", line[0])
	}
	r := n.run(t, nil, append(args("resume"), "--json")...)
	if r.code != 0 {
		t.Fatalf("the last resume exited %d", r.code)
	}
	v := decode[struct {
		State string `json:"state"`
		Steps []struct {
			Name string `json:"name"`
			Jobs []struct {
				Attempts []struct {
					Job uint64 `json:"job"`
				} `json:"attempts"`
			} `json:"jobs"`
		} `json:"steps"`
	}](t, r)
	if v.State != "done" {
		t.Errorf("the pipeline is %s, want done", v.State)
	}
	perStep := map[string]int{}
	for _, s := range v.Steps {
		for _, j := range s.Jobs {
			perStep[s.Name] += len(j.Attempts)
		}
	}
	if fmt.Sprint(perStep) != "map[count:2 merge:1 split:1]" {
		t.Errorf("attempts per step %v, want split 1, count 2, merge 1", perStep)
	}

	// On chain: four jobs, each spec posted once.
	jobs := decode[[]struct {
		ID       uint64 `json:"id"`
		SpecHash string `json:"specHash"`
		Status   string `json:"status"`
	}](t, n.ok(t, "audit", "jobs", "--client", client))
	posts := map[string]int{}
	for _, j := range jobs {
		posts[j.SpecHash]++
		if j.Status != "finalized" {
			t.Errorf("job %d is %s", j.ID, j.Status)
		}
	}
	if len(jobs) != 4 || len(posts) != 4 {
		t.Errorf("the client posted %d jobs of %d specs, want 4 jobs of 4 specs (one post per job of the pipeline): %v", len(jobs), len(posts), posts)
	}
	n.paid(t, client, before, ether(4))
	b, err := os.ReadFile(filepath.Join(out, "merge", "counts.txt"))
	if err != nil || !strings.HasPrefix(string(b), "4 fish\n") {
		t.Errorf("merge/counts.txt: %q %v", b, err)
	}
}

// TestPipelineSurvivesUpstreamProviderGone: step 1 runs on the only node that will take it,
// which then goes away; step 2, which only a second node takes (it asks for more memory than
// the first allows), gets step 1's result by CID all the same, from the client that verified
// it (the peer that pushed step 2's spec, asked first), checked against the CID.
func TestPipelineSurvivesUpstreamProviderGone(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "4")
	acc := n.info.Accounts
	first, second, client := acc[1], acc[2], acc[3]
	n.ok(t, "--account", first, "provider", "stake", "100")
	// The second node has its own data directory (its own node key and state).
	env2 := []string{"BRINE_DATADIR=" + t.TempDir(), "BRINE_RPC=" + n.info.HTTP,
		"BRINE_DEPLOYMENT=" + n.info.Deployment, "BRINE_KEYSTORE=" + n.info.Keystore}
	if r := n.run(t, env2, "--account", second, "provider", "stake", "100"); r.code != 0 {
		t.Fatalf("stake: %s", r.stderr)
	}
	node1 := n.startNode(t, "node 1", nil, first, "--max-memory", "64MiB")
	mod := exampleModule(t, "pipeline")
	job := func(args, memory, inputs, outputs string) string {
		return fmt.Sprintf(`{engine: wasm, args: [%s], inputs: [%s], outputs: [%s],
      resources: {cpu: 1, memory: %s, disk: 16MiB, time: 30s}, price: {payment: "1", collateral: "2"},
      deadlines: {accept_within: 1m, run_within: 1m}, challenge_window: 4s}`, args, inputs, outputs, memory)
	}
	file := filepath.Join(t.TempDir(), "two.yaml")
	doc := "budget: \"2\"\nsteps:\n  - name: split\n    job: " + job("split", "64MiB", `{path: text.txt, content: "b a b\n"}`, "{path: words.txt}") +
		"\n  - name: count\n    inputs: [{path: previous, from: split}]\n    job: " + job("count", "128MiB", "", "{path: counts.txt}") + "\n"
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	p := n.startProc(t, "pipeline", nil, "Pipeline 0x", "--account", client, "pipeline", "submit", file, "--module", mod, "--wait", "--output", out)
	p.wait(t, `split: result \S+ ready`, 2*time.Minute)
	p.wait(t, `count: no provider node took the spec yet`, time.Minute) // node 1 refuses it
	node1.interrupt(t)
	n.startNode(t, "node 2", env2, second)
	p.wait(t, `count: job \d+ accepted \(provider `+regexp.QuoteMeta(second)+`\)`, 2*time.Minute)
	if code := p.exit(t, 2*time.Minute); code != 0 {
		t.Fatalf("the pipeline exited %d:\n%s", code, p.log())
	}
	if b, err := os.ReadFile(filepath.Join(out, "count", "counts.txt")); err != nil || string(b) != "2 b\n1 a\n" {
		t.Errorf("count/counts.txt: %q %v", b, err)
	}
}
