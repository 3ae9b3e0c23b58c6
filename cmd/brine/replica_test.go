package main_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/settlement"
)

// syncBuffer is a command's stderr, read while it is written.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestReplicatedJobProcess runs a three-replica job through the binary: three `brine node
// run` processes (one of them commits and never reveals), and `brine job submit --wait
// --output` as the client. The round outlasts the job's accept-by (the two honest replicas
// wait for the silent one until the reveal window closes), which the client must not take for
// "nobody accepted it". The client sees each seat, the commits and reveals, the 2-of-3
// resolution, the window closing and the settlement with what it got back; `brine job status`
// shows the panel mid-round; the result is verified and written; the amounts are exact.
func TestReplicatedJobProcess(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "5", "--replica-reveal-window", "5s")
	acc := n.info.Accounts
	honest, silent, client := acc[1:3], acc[3], acc[4]
	ctx := context.Background()
	_, chain := n.deployment(t)
	mod := greetModule(t)

	// Each node its own data directory (key, state); all against the same chain.
	nodeEnv := func() []string {
		return []string{"BRINE_DATADIR=" + t.TempDir(), "BRINE_RPC=" + n.info.HTTP,
			"BRINE_DEPLOYMENT=" + n.info.Deployment, "BRINE_KEYSTORE=" + n.info.Keystore}
	}
	type prov struct {
		addr string
		env  []string
		node *nodeProc
	}
	provs := []*prov{{addr: honest[0], env: nodeEnv()}, {addr: honest[1], env: nodeEnv()}, {addr: silent, env: nodeEnv()}}
	var wg sync.WaitGroup
	for _, p := range provs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if r := n.run(t, p.env, "--account", p.addr, "provider", "stake", "100"); r.code != 0 {
				t.Errorf("stake %s: %s", p.addr, r.stderr)
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	for i, p := range provs {
		flags := []string{"--max-collateral", "2"}
		name := fmt.Sprintf("replica node %d", i+1)
		if p.addr == silent {
			flags = append(flags, "--dishonest", "commit-and-vanish")
			name = "commit-and-vanish node"
		}
		p.node = n.startNode(t, name, p.env, p.addr, flags...)
	}

	spec := replicatedSpec(t, mod, 3, "{accept_within: 10s, run_within: 5s}")
	dir := filepath.Join(t.TempDir(), "out")
	creditBefore := marketBalance(t, chain, client)
	paidBefore := []*big.Int{marketBalance(t, chain, honest[0]), marketBalance(t, chain, honest[1])}
	stakeBefore := stakeOf(t, chain, silent)

	start := time.Now()
	submit := n.command(ctx, nil, "--account", client, "--json", "job", "submit", spec, "--module", mod, "--wait", "--output", dir)
	var stdout strings.Builder
	stderr := &syncBuffer{}
	submit.Stdout, submit.Stderr = &stdout, stderr
	if err := submit.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- submit.Wait() }()
	waitOutput := func(re string) []string {
		t.Helper()
		rx := regexp.MustCompile(re)
		deadline := time.After(90 * time.Second)
		for {
			if m := rx.FindStringSubmatch(stderr.String()); m != nil {
				return m
			}
			select {
			case err := <-exited:
				exited <- err
				if m := rx.FindStringSubmatch(stderr.String()); m != nil {
					return m
				}
				t.Fatalf("job submit exited (%v) without printing %q:\n%s", err, re, stderr)
			case <-deadline:
				t.Fatalf("job submit printed no line matching %q within 90s:\n%s", re, stderr)
			case <-time.After(100 * time.Millisecond):
			}
		}
	}

	// Mid-round: two revealed, the silent replica holds up the resolution until its reveal
	// window closes. The status shows the panel and each replica's node.
	id := waitOutput(`job (\d+): replicas revealed 2/3`)[1]
	v := decode[struct {
		Status string `json:"status"`
		Panel  *struct {
			Taken, Seats, Committed, Revealed int
			Members                           []struct {
				Provider, State string
				Node            *struct{ State, Role, Error string }
			}
		} `json:"replicaPanel"`
	}](t, n.ok(t, "job", "status", id))
	if v.Status != "open" || v.Panel == nil || v.Panel.Taken != 3 || v.Panel.Seats != 3 || v.Panel.Committed != 3 || v.Panel.Revealed != 2 || len(v.Panel.Members) != 3 {
		t.Fatalf("job status mid-round: %+v; want open with 3 of 3 seats, 3 committed, 2 revealed", v)
	}
	for _, m := range v.Panel.Members {
		want := "revealed"
		if strings.EqualFold(m.Provider, silent) {
			want = "committed"
		}
		if m.State != want || m.Node == nil || m.Node.Role != "replica" {
			t.Errorf("seat of %s: %s, node %+v; want %s, asked the replica's node", m.Provider, m.State, m.Node, want)
		}
	}
	if r := n.run(t, nil, "job", "status", id, "--no-node"); r.code != 0 || !strings.Contains(r.stdout, "3 of 3 seats taken; 3 committed, 2 revealed") ||
		!strings.Contains(r.stdout, silent+": committed a sealed result") {
		t.Errorf("job status (text) does not show the panel:\n%s", r.stdout)
	}

	if err := <-exited; err != nil {
		t.Fatalf("job submit --wait: %v\n%s", err, stderr)
	}
	t.Logf("job submit --wait took %s:\n%s", time.Since(start).Round(time.Second), stderr)
	out := stderr.String()
	for _, want := range []string{
		"posted, waiting for 3 providers to take its replica seats",
		"seat 1/3 taken by ", "seat 2/3 taken by ", "seat 3/3 taken by ",
		"every seat taken: the replicas run it",
		"replicas committed 3/3",
		"replicas revealed 2/3",
		"replicas resolved: 2 of 3 agree on result ",
		"challenge window closing",
		"settled: each of the 2 majority replicas credited 0.99 ",
		"the client credited 3 ", // the payment's rest (1) and the silent replica's collateral (2)
		"Result ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("job submit --wait did not print %q", want)
		}
	}
	if strings.Contains(out, "no provider accepted") {
		t.Errorf("job submit --wait reported the job unaccepted")
	}
	var res struct {
		Job struct {
			ID       uint64 `json:"id"`
			Status   string `json:"status"`
			Replicas int    `json:"replicas"`
			Winners  int    `json:"winners"`
		} `json:"job"`
		Note         string `json:"note"`
		ClientCredit struct {
			Units string `json:"units"`
		} `json:"clientCredit"`
	}
	if err := json.Unmarshal([]byte(stdout.String()), &res); err != nil {
		t.Fatalf("job submit --json: %v\n%s", err, stdout.String())
	}
	if fmt.Sprint(res.Job.ID) != id || res.Job.Status != "finalized" || res.Job.Replicas != 3 || res.Job.Winners != 2 {
		t.Fatalf("job submit --wait ended with %+v", res.Job)
	}
	got, err := os.ReadFile(filepath.Join(dir, "greeting.txt"))
	if err != nil || string(got) != "hello, replicas\n" {
		t.Fatalf("greeting.txt = %q (%v)", got, err)
	}

	// The money, exactly (docs/protocol.md, "Replicated jobs"): payment 3, collateral 2, fee
	// 1%: each majority replica 1 less 0.01; the client the payment's rest (1) and the silent
	// replica's collateral (2), which the silent replica's stake lost.
	job, err := chain.Job(ctx, settlement.JobID(res.Job.ID))
	if err != nil {
		t.Fatal(err)
	}
	if !job.CommittedAt.After(job.AcceptBy) {
		t.Errorf("the round was resolved at %s, before accept-by %s: the test no longer shows a round outlasting accept-by", job.CommittedAt, job.AcceptBy)
	}
	share := new(big.Int).Quo(job.Payment, big.NewInt(3))
	perReplica := new(big.Int).Sub(share, new(big.Int).Quo(new(big.Int).Mul(share, big.NewInt(int64(job.FeeBps))), big.NewInt(10_000)))
	wantCredit := new(big.Int).Add(new(big.Int).Sub(job.Payment, new(big.Int).Mul(share, big.NewInt(2))), job.Collateral)
	if credit := new(big.Int).Sub(marketBalance(t, chain, client), creditBefore); credit.Cmp(wantCredit) != 0 || res.ClientCredit.Units != wantCredit.String() {
		t.Errorf("the client was credited %s (reported %s), want %s", credit, res.ClientCredit.Units, wantCredit)
	}
	for i, h := range honest {
		if paid := new(big.Int).Sub(marketBalance(t, chain, h), paidBefore[i]); paid.Cmp(perReplica) != 0 {
			t.Errorf("majority replica %s was credited %s, want %s", h, paid, perReplica)
		}
	}
	if lost := new(big.Int).Sub(stakeBefore, stakeOf(t, chain, silent)); lost.Cmp(job.Collateral) != 0 {
		t.Errorf("the silent replica's stake fell by %s, want its collateral %s", lost, job.Collateral)
	}

	// Four seats and three nodes: the active ones take theirs (the silent replica's stake fell
	// below the minimum with its slashed collateral: it takes none), accept-by passes, their
	// nodes reclaim the job, and the client is told it got its payment back.
	active := 0
	for _, p := range provs {
		if info, err := chain.Provider(ctx, common.HexToAddress(p.addr)); err != nil {
			t.Fatal(err)
		} else if info.Active {
			active++
		}
	}
	if active == 0 {
		t.Fatal("no provider is active any more")
	}
	creditBefore = marketBalance(t, chain, client)
	r := n.run(t, nil, "--account", client, "--json", "job", "submit", replicatedSpec(t, mod, 4, "{accept_within: 5s, run_within: 5s}"),
		"--module", mod, "--wait", "--post-anyway")
	if r.code != 0 {
		t.Fatalf("job submit --wait (4 seats, 3 nodes): exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{fmt.Sprintf("seat %d/4 taken by ", active), fmt.Sprintf("accept-by passed with %d of 4 seats taken: the job cannot run", active),
		fmt.Sprintf("reclaimed (%d of 4 seats were taken): the payment 3 BRINE was credited back to the client", active)} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("job submit --wait (4 seats, 3 nodes) did not print %q", want)
		}
	}
	if credit := new(big.Int).Sub(marketBalance(t, chain, client), creditBefore); credit.Cmp(job.Payment) != 0 {
		t.Errorf("the reclaimed job credited the client %s, want its payment %s", credit, job.Payment)
	}
	for _, p := range provs {
		if info, err := chain.Provider(ctx, common.HexToAddress(p.addr)); err != nil || info.Locked.Sign() != 0 {
			t.Errorf("after the reclaim %s has %v locked (%v), want none", p.addr, info.Locked, err)
		}
	}
	// Its round is over: resolving it is refused before anything is sent.
	if r := n.run(t, nil, "--account", client, "job", "resolve", id); r.code != 2 || !strings.Contains(r.stderr, "resolve job "+id+": it is finalized; its replicas' round is over") {
		t.Errorf("job resolve on a settled job: exit %d, %q; want a refusal (exit 2)", r.code, r.stderr)
	}
	n.ok(t, "audit", "check")
}

// replicatedSpec writes a spec of the greet guest run by n replicas (payment 3, collateral 2:
// twice a replica's share of the payment when n >= 3, the market's minimum ratio).
func replicatedSpec(t *testing.T, mod string, n int, deadlines string) string {
	t.Helper()
	spec := greetSpec(t, mod, `{path: name.txt, content: "replicas"}`, `{payment: "3", collateral: "2"}`, deadlines)
	f, err := os.OpenFile(spec, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := fmt.Fprintf(f, "replicas: %d\n", n); err != nil {
		t.Fatal(err)
	}
	return spec
}
