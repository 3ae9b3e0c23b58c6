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

// TestPipelineCommittedChallengeUpheld runs a map-reduce pipeline with --ready committed whose
// split goes to a node that commits a wrong result (it appends a line to every shard). The
// counts and the merge start on that result at once; a third account challenges the split,
// the honest node's verifier panel upholds it, and the market refunds the split. The run then
// posts the split again (on the honest node), gives up every job downstream that took the
// wrong result, posts them again with the new one, and writes the right counts. On chain:
// the wrong split refunded, no spec posted twice, and the client paid exactly the payments of
// the jobs that ended finalized (the given-up ones that ran to their end included).
func TestPipelineCommittedChallengeUpheld(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "4", "--verifiers", "1", "--vote-commit-window", "20s")
	acc := n.info.Accounts
	challenger, liar, honest, client := acc[0], acc[1], acc[2], acc[3]
	// Each node has its own data directory (its own node key and state).
	envFor := func() []string {
		return []string{"BRINE_DATADIR=" + t.TempDir(), "BRINE_RPC=" + n.info.HTTP,
			"BRINE_DEPLOYMENT=" + n.info.Deployment, "BRINE_KEYSTORE=" + n.info.Keystore}
	}
	liarEnv, honestEnv := envFor(), envFor()
	for _, p := range []struct {
		account string
		env     []string
	}{{liar, liarEnv}, {honest, honestEnv}} {
		if r := n.run(t, p.env, "--account", p.account, "provider", "stake", "100"); r.code != 0 {
			t.Fatalf("stake: %s", r.stderr)
		}
	}
	// The liar takes only the split (64 MiB; the counts and the merge ask for 128 MiB), and is
	// the only node up when the split is posted.
	liarNode := n.startNode(t, "liar", liarEnv, liar, "--dishonest", "wrong-result", "--max-memory", "64MiB")

	job := func(args, memory, window, outputs, inputs string) string {
		return fmt.Sprintf(`{engine: wasm, args: [%s], inputs: [%s], outputs: [%s],
      resources: {cpu: 1, memory: %s, disk: 16MiB, time: 30s}, price: {payment: "1", collateral: "2"},
      deadlines: {accept_within: 1m, run_within: 1m}, challenge_window: %s}`, args, inputs, outputs, memory, window)
	}
	text := "one fish two fish red fish blue fish\n"
	doc := `budget: "20"
steps:
  - name: split
    job: ` + job(`split, "2"`, "64MiB", "20s", "{path: shards}", fmt.Sprintf("{path: text.txt, content: %q}", text)) + `
  - name: count
    foreach: split:shards/*
    as: shard.txt
    max_fanout: 4
    job: ` + job("count", "128MiB", "4s", "{path: counts.txt}", "") + `
  - name: merge
    inputs: [{path: counts, from: "count:counts.txt"}]
    job: ` + job("merge", "128MiB", "4s", "{path: counts.txt}", "") + `
`
	file := filepath.Join(t.TempDir(), "mapreduce.yaml")
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	mod := mapreduceModule(t)
	out := filepath.Join(t.TempDir(), "out")
	before := n.tokens(t, client)
	p := n.startProc(t, "pipeline", nil, "Pipeline 0x", "--account", client, "pipeline", "submit", file, "--module", mod,
		"--ready", "committed", "--wait", "--output", out)
	wrong := p.wait(t, `split: job (\d+) accepted \(provider `+regexp.QuoteMeta(liar)+`\)`, 2*time.Minute)[1]
	honestNode := n.startNode(t, "honest", honestEnv, honest)
	p.wait(t, `split: result \S+ ready \(committed\)`, time.Minute)
	p.wait(t, `count\[shard-0\d.txt\]: posted job`, time.Minute)
	v := decode[struct {
		Status string `json:"status"`
	}](t, n.ok(t, "--account", challenger, "job", "challenge", wrong))
	if v.Status != "challenged" {
		t.Fatalf("split job %s after the challenge: %s", wrong, v.Status)
	}
	// The honest node is the panel. It fetches the split's spec and module from the liar's
	// node, the only other that has them; once it has voted the liar goes, so that it cannot
	// take the split's second job (which is offered to the honest node only, but every node
	// sees the post).
	honestNode.wait(t, `job/`+wrong+`/commit-vote/\S+: sent`, 2*time.Minute)
	liarNode.interrupt(t)
	p.wait(t, `split: job `+wrong+` given up: its result was overturned by a challenge`, 2*time.Minute)
	if code := p.exit(t, 4*time.Minute); code != 0 {
		t.Fatalf("the pipeline exited %d:\n%s", code, p.log())
	}

	// The right counts, from the split run again.
	b, err := os.ReadFile(filepath.Join(out, "merge", "counts.txt"))
	if err != nil || !strings.HasPrefix(string(b), "4 fish\n") || strings.Contains(string(b), "tampered") {
		t.Errorf("merge/counts.txt: %q %v", b, err)
	}

	// The run's record: the split twice, the first overturned; every count and merge job that
	// took the wrong split given up as overturned, and the last attempt of each finalized.
	st := decode[struct {
		State string `json:"state"`
		Steps []struct {
			Name string `json:"name"`
			Jobs []struct {
				Attempts []struct {
					Job        uint64 `json:"job"`
					Status     string `json:"status"`
					Overturned bool   `json:"overturned"`
					Provider   string `json:"provider"`
				} `json:"attempts"`
			} `json:"jobs"`
		} `json:"steps"`
	}](t, n.ok(t, "--account", client, "pipeline", "status", file, "--json"))
	if st.State != "done" {
		t.Errorf("the pipeline is %s, want done", st.State)
	}
	overturned := map[string]int{}
	for _, s := range st.Steps {
		for _, j := range s.Jobs {
			last := j.Attempts[len(j.Attempts)-1]
			if last.Status != "finalized" || last.Overturned {
				t.Errorf("step %s: the last attempt (job %d) is %s (overturned %v), want finalized", s.Name, last.Job, last.Status, last.Overturned)
			}
			for _, a := range j.Attempts[:len(j.Attempts)-1] {
				if !a.Overturned {
					t.Errorf("step %s: job %d was given up, not overturned: %+v", s.Name, a.Job, a)
				}
				overturned[s.Name]++
			}
		}
		if s.Name == "split" && (len(s.Jobs) != 1 || len(s.Jobs[0].Attempts) != 2 || fmt.Sprint(s.Jobs[0].Attempts[0].Job) != wrong ||
			!strings.EqualFold(s.Jobs[0].Attempts[1].Provider, honest)) {
			t.Errorf("split's attempts: %+v, want job %s overturned and one by the honest node", s.Jobs, wrong)
		}
	}
	if overturned["split"] != 1 || overturned["count"] != 2 {
		t.Errorf("attempts overturned per step %v, want split 1 and both counts", overturned)
	}

	// On chain: the wrong split refunded; no spec posted twice but the split's (its job and
	// the one run again); the client's wallet paid every post (1 token each), and the market
	// holds the wrong split's payment for it to withdraw (refunds are pulled).
	jobs := decode[[]struct {
		ID       uint64 `json:"id"`
		SpecHash string `json:"specHash"`
		Status   string `json:"status"`
	}](t, n.ok(t, "audit", "jobs", "--client", client))
	posts, finalized := map[string]int{}, 0
	var splitSpec string
	for _, j := range jobs {
		posts[j.SpecHash]++
		switch {
		case fmt.Sprint(j.ID) == wrong:
			splitSpec = j.SpecHash
			if j.Status != "refunded" {
				t.Errorf("the wrong split, job %d, is %s, want refunded", j.ID, j.Status)
			}
		case j.Status == "finalized":
			finalized++
		case j.Status != "reclaimed":
			t.Errorf("job %d is %s, want finalized (or, given up before anyone took it, reclaimed)", j.ID, j.Status)
		}
	}
	for h, k := range posts {
		if want := map[bool]int{true: 2, false: 1}[h == splitSpec]; k != want {
			t.Errorf("spec %s posted %d times, want %d", h, k, want)
		}
	}
	// At least: the run again (split, 2 counts, merge) and the 2 counts that took the wrong
	// split, which had started by the time it was challenged.
	if finalized < 6 {
		t.Errorf("%d of the client's %d jobs finalized, want at least 6", finalized, len(jobs))
	}
	n.paid(t, client, before, ether(int64(len(jobs))))
	bal := decode[struct {
		Balance amountJSON `json:"marketBalance"`
	}](t, n.ok(t, "provider", "status", client))
	if bal.Balance.Units != ether(1).String() {
		t.Errorf("the client's market balance is %s, want the wrong split's refund, %s", bal.Balance.Units, ether(1))
	}
	n.ok(t, "audit", "check")
}

// TestPipelineCancelSaysWhatStillRuns: a map-reduce run is stopped once its split is accepted,
// and cancelled. The split cannot be withdrawn: cancel says it runs (or ran) and is paid, at
// its payment; nothing else was posted, and a resume afterwards posts nothing.
func TestPipelineCancelSaysWhatStillRuns(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "3")
	acc := n.info.Accounts
	provider, client := acc[1], acc[2]
	n.ok(t, "--account", provider, "provider", "stake", "100")
	n.startNode(t, "node", nil, provider)
	mod := mapreduceModule(t)
	file := pipelineFile(t, "one fish two fish\n")
	p := n.startProc(t, "pipeline submit", nil, "Pipeline 0x", "--account", client, "pipeline", "submit", file, "--module", mod, "--wait")
	p.wait(t, `split: job \d+ accepted`, 2*time.Minute)
	p.kill(t)

	type amount struct {
		Units string `json:"units"`
	}
	v := decode[struct {
		Jobs []struct {
			Step    string `json:"step"`
			Job     uint64 `json:"job"`
			Fate    string `json:"fate"`
			Payment amount `json:"payment"`
		} `json:"jobs"`
		NotPosted []string `json:"notPosted"`
		WillPay   amount   `json:"willPay"`
		Paid      amount   `json:"paid"`
		MayPay    amount   `json:"mayPay"`
		Refunded  amount   `json:"refunded"`
	}](t, n.ok(t, "--account", client, "pipeline", "cancel", file))
	if len(v.Jobs) != 1 || v.Jobs[0].Step != "split" {
		t.Fatalf("cancel reported %+v, want the split's job only", v.Jobs)
	}
	one := ether(1).String()
	switch j := v.Jobs[0]; {
	case j.Payment.Units != one:
		t.Errorf("the split's payment %s, want %s", j.Payment.Units, one)
	case j.Fate == "will run and be paid" || j.Fate == "will be paid":
		if v.WillPay.Units != one || v.Paid.Units != "0" {
			t.Errorf("will pay %s and paid %s, want %s and 0", v.WillPay.Units, v.Paid.Units, one)
		}
	case j.Fate == "paid":
		if v.Paid.Units != one || v.WillPay.Units != "0" {
			t.Errorf("paid %s and will pay %s, want %s and 0", v.Paid.Units, v.WillPay.Units, one)
		}
	default:
		t.Errorf("the accepted split's fate is %q, want that it runs and is paid", j.Fate)
	}
	if fmt.Sprint(v.NotPosted) != "[count merge]" {
		t.Errorf("not posted %v, want [count merge]", v.NotPosted)
	}
	if v.MayPay.Units != "0" || v.Refunded.Units != "0" {
		t.Errorf("may pay %s, refunded %s; want 0 and 0", v.MayPay.Units, v.Refunded.Units)
	}
	text := n.run(t, nil, "--account", client, "pipeline", "cancel", file)
	if text.code != 0 || !strings.Contains(text.stdout, "Will be paid") || !strings.Contains(text.stdout, "split") {
		t.Errorf("cancel's text says neither what will be paid nor the split:\n%s", text.stdout)
	}

	// A resume of the cancelled run posts nothing.
	r := n.run(t, nil, "--account", client, "pipeline", "resume", file, "--module", mod)
	t.Logf("resume after cancel exited %d: %s", r.code, r.stderr)
	if jobs := n.jobsOf(t, client); len(jobs) != 1 {
		t.Errorf("the client posted jobs %v, want the split's only", jobs)
	}
}
