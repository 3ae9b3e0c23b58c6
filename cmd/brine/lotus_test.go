package main_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/filecoin-project/lotus/api"

	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/internal/lotusstandin"
)

// TestStoryOnLotus runs the whole CLI story against the Lotus stand-in's RPC, as an SP would
// against a Lotus node's /rpc/v1: deploy, mint, stake, provider register, node run, job submit
// --wait, audit; with --finality finalized (the stand-in's "finalized" 3 tipsets deep, so every
// transaction and every event the node acts on waits for it), null rounds (every third height
// that has no transaction), receipts a tipset after inclusion, and eth_getLogs limits so tight
// (16 epochs, 4 results) that every log scan pages. The chain makes a tipset every 250 ms,
// empty or not, as Filecoin makes one every 30 s.
func TestStoryOnLotus(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	d, err := devnet.New(devnet.Config{Accounts: 3})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Stop(context.Background()) })
	var refusals refusalLog
	s, err := lotusstandin.New(lotusstandin.Config{
		Upstream:       d.HTTPURL(),
		NetworkName:    "localnet",
		FinalizedDepth: 3,
		SafeDepth:      1,
		MaxLogRange:    16,
		MaxLogResults:  4,
		NullRound:      func(h uint64) bool { return h%3 == 0 },
		Logger:         slog.New(slog.NewTextHandler(&refusals, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Stop(context.Background()) })
	mining, stopMining := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for mining.Err() == nil {
			_ = d.Mine(mining, 1)
			select {
			case <-mining.Done():
			case <-time.After(250 * time.Millisecond):
			}
		}
	}()
	t.Cleanup(func() { stopMining(); wg.Wait() })

	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	n := &testnet{devnetProc: &devnetProc{home: home, info: devnetInfo{DataDir: filepath.Join(dir, "brine"), Password: devnet.DevPassword}}}
	env := []string{"BRINE_RPC=" + s.URL(), "BRINE_KEYSTORE=" + d.KeystoreDir(), "BRINE_FINALITY=finalized", "BRINE_POLL_INTERVAL=100ms"}
	ok := func(args ...string) result {
		t.Helper()
		r := n.run(t, env, append(args, "--json")...)
		if r.code != 0 {
			t.Fatalf("brine %s exited %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
		checkJSON(t, args, r.stdout)
		return r
	}
	var accts []string
	for _, a := range d.Accounts() {
		accts = append(accts, a.Address.Hex())
	}
	owner, provider, client := accts[0], accts[1], accts[2]
	start := time.Now()

	dep := decode[struct {
		Chain   string `json:"chain"`
		ChainID uint64 `json:"chainId"`
	}](t, ok("--account", owner, "deploy"))
	if dep.Chain != "filecoin-localnet" || dep.ChainID != d.ChainID().Uint64() {
		t.Fatalf("deploy recorded chain %q (ID %d), want filecoin-localnet (%d)", dep.Chain, dep.ChainID, d.ChainID())
	}
	r := n.run(t, env, "--account", owner, "token", "mint", "200", "--to", provider)
	if r.code != 0 || !strings.Contains(r.stderr, "waiting for the finalized block") {
		t.Fatalf("token mint: exit %d; want it to wait for the finalized block:\n%s", r.code, r.stderr)
	}
	ok("--account", owner, "token", "mint", "20", "--to", client)
	ok("--account", provider, "provider", "stake", "100")
	reg := decode[struct {
		Active bool   `json:"active"`
		F410   string `json:"f410"`
	}](t, ok("--account", provider, "provider", "register"))
	if !reg.Active || !strings.HasPrefix(reg.F410, "t410f") {
		t.Fatalf("provider register: %+v; want active, shown as t410f…", reg)
	}
	t.Logf("deployed, funded and registered in %s", time.Since(start).Round(time.Second))

	node := n.startNode(t, "node", env, provider, "--max-collateral", "4")
	mod := greetModule(t)
	spec := greetSpec(t, mod, `{path: name.txt, content: "lotus"}`, `{payment: "2", collateral: "4"}`, "{accept_within: 2m, run_within: 4m}")
	out := filepath.Join(t.TempDir(), "out")
	res := decode[struct {
		Job struct {
			ID     uint64 `json:"id"`
			Status string `json:"status"`
		} `json:"job"`
	}](t, ok("--account", client, "job", "submit", spec, "--module", mod, "--wait", "--output", out))
	if res.Job.Status != "finalized" {
		t.Fatalf("job submit --wait ended with job %d %s, want finalized", res.Job.ID, res.Job.Status)
	}
	node.wait(t, fmt.Sprintf(`msg="result committed" .*job=%d `, res.Job.ID), 10*time.Second)
	if got, err := os.ReadFile(filepath.Join(out, "greeting.txt")); err != nil || !strings.HasPrefix(string(got), "hello, lotus\n") {
		t.Fatalf("greeting.txt: %q, %v", got, err)
	}
	t.Logf("job %d posted, run and settled by %s", res.Job.ID, time.Since(start).Round(time.Second))

	check := decode[struct {
		Balanced bool `json:"balanced"`
	}](t, ok("audit", "check"))
	if !check.Balanced {
		t.Fatal("audit check: the books do not balance")
	}
	jobs := decode[[]struct {
		ID     uint64 `json:"id"`
		Status string `json:"status"`
	}](t, ok("audit", "jobs"))
	if len(jobs) != 1 || jobs[0].ID != res.Job.ID || jobs[0].Status != "finalized" {
		t.Fatalf("audit jobs: %+v", jobs)
	}
	nulls := 0
	lotus, err := ethclient.DialContext(ctx, s.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer lotus.Close()
	latest, err := lotus.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for h := uint64(1); h <= latest; h++ {
		var rerr rpc.Error
		if _, err := lotus.HeaderByNumber(ctx, new(big.Int).SetUint64(h)); errors.As(err, &rerr) && rerr.ErrorCode() == int(api.ENullRound) {
			nulls++
		}
	}
	if nulls == 0 {
		t.Fatalf("no null round among %d tipsets", latest)
	}
	t.Logf("%d null rounds among %d tipsets", nulls, latest)
	if ranges, results := refusals.count("range refused"), refusals.count("results refused"); ranges == 0 || results == 0 {
		t.Fatalf("the stand-in refused %d log ranges and %d result sets: the scans did not page", ranges, results)
	} else {
		t.Logf("the stand-in refused %d log ranges and %d result sets; the story took %s", ranges, results, time.Since(start).Round(time.Second))
	}
}

// refusalLog is the stand-in's log, to count the requests it refused as Lotus would.
type refusalLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *refusalLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *refusalLog) count(what string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Count(l.b.String(), what)
}
