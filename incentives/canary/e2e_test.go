package canary_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/brine-compute/brine/clock/clocktest"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/incentives/canary"
	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/internal/testharness/testnode"
	"github.com/brine-compute/brine/jobclient"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/metrics"
	"github.com/brine-compute/brine/metrics/metricstest"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/wasm"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
	"github.com/brine-compute/brine/wallet"
)

// account opens a writable settlement for dev account i through its own transaction manager.
func account(t *testing.T, dn *devnet.Devnet, eth *ethclient.Client, i int, who string, reg *metrics.Registry) *onchain.Managed {
	t.Helper()
	w, err := wallet.Open(wallet.Config{Dir: dn.KeystoreDir()})
	if err != nil {
		t.Fatal(err)
	}
	addr := dn.Accounts()[i].Address
	signer, err := w.Signer(addr, devnet.DevPassword, dn.ChainID())
	if err != nil {
		t.Fatal(err)
	}
	m, err := onchain.OpenManaged(context.Background(), onchain.ManagedConfig{
		Client:        eth,
		ChainID:       dn.ChainID(),
		Addresses:     *dn.Deployment().Addresses(),
		Account:       onchain.AccountSigner{Address: addr, SignTx: signer.SignTx},
		HashSigner:    signer,
		JournalPath:   filepath.Join(t.TempDir(), "journal.db"),
		Confirmations: 1,
		PollInterval:  100 * time.Millisecond,
		Logger:        testharness.Logger(t, who),
		Metrics:       metrics.NewTx(reg).For(addr),
	})
	if err != nil {
		t.Fatal(err)
	}
	metrics.NewTx(reg).For(addr).WatchInFlight(m.Manager.InFlight)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = m.Close(ctx)
	})
	return m
}

// TestCanaryOnDevnet: on an embedded devnet with a real provider node, a canary job settles
// end to end (its result fetched and verified, the job finalized). With the node stopped the
// next canary fails at once without posting anything and the webhook hears of it; with the
// node back, the next canary settles and the webhook hears of the recovery.
func TestCanaryOnDevnet(t *testing.T) {
	ctx := context.Background()
	module := testnode.GreetModule(t)
	dn, err := devnet.New(devnet.Config{BlockPeriod: time.Second, Accounts: 3, DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if err := dn.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_ = dn.Stop(c)
	})
	eth, err := ethclient.Dial(dn.HTTPURL())
	if err != nil {
		t.Fatal(err)
	}

	// One registry stands for both processes' endpoints: the node's and the prober's.
	reg := metrics.NewRegistry()
	nodeMetrics := metrics.NewNode(reg)

	// The provider: staked, with a wasm node (which registers its peer ID and addresses).
	prov := account(t, dn, eth, 1, "provider", reg)
	if err := prov.Stake(ctx, deploy.Token(100)); err != nil {
		t.Fatal(err)
	}
	provDir := t.TempDir()
	provID, _, err := identity.LoadOrCreate(identity.Path(provDir))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := wasm.New(ctx, wasm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ex.Close() })
	startNode := func(minPayment *big.Int) *node.Node {
		n, err := node.New(node.Config{
			DataDir:      provDir,
			Deployment:   fmt.Sprintf("%d/%s", dn.ChainID(), dn.Deployment().Market),
			Settlement:   prov,
			Events:       prov,
			PollInterval: 200 * time.Millisecond,
			Executors:    map[jobspec.Engine]executor.Executor{jobspec.EngineWasm: ex},
			P2P:          p2p.Config{Identity: provID, ListenAddrs: []string{"/ip4/127.0.0.1/tcp/0"}, Logger: testharness.Logger(t, "p2p")},
			GracePeriod:  time.Second,
			Logger:       testharness.Logger(t, "node"),
			Metrics:      nodeMetrics,
			Policy:       node.Policy{MinPayment: minPayment},
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := n.Start(ctx); err != nil {
			t.Fatal(err)
		}
		return n
	}
	stopNode := func(n *node.Node) {
		c, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := n.Stop(c); err != nil {
			t.Errorf("stopping the node: %v", err)
		}
	}
	n := startNode(nil)
	nodeMetrics.WatchJobs(func() (map[string]int, error) { return n.JobCounts() }) // n is replaced when the node restarts

	// The canary: its own account and client host.
	client := account(t, dn, eth, 2, "canary", reg)
	clientDir := t.TempDir()
	clientID, _, err := identity.LoadOrCreate(filepath.Join(clientDir, "canary.key"))
	if err != nil {
		t.Fatal(err)
	}
	blobs, err := results.OpenStore(results.StoreConfig{Dir: filepath.Join(clientDir, "blobs"), MaxBytes: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	host, err := jobclient.NewHost(jobclient.HostConfig{Identity: clientID, ListenAddrs: []string{"/ip4/127.0.0.1/tcp/0"}, Blobs: blobs, Logger: testharness.Logger(t, "canary/p2p")})
	if err != nil {
		t.Fatal(err)
	}
	if err := host.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = host.Stop(context.Background()) })
	spec, err := jobspec.ParseWithModule([]byte(`
engine: wasm
inputs: [{path: name.txt, content: "canary"}]
resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 30s}
outputs: [{path: greeting.txt}]
price: {payment: "0.5", collateral: "1"}
deadlines: {accept_within: 30s, run_within: 60s}
challenge_window: 4s
`), results.CIDOf(module).String())
	if err != nil {
		t.Fatal(err)
	}
	runner, err := canary.NewJobRunner(canary.JobConfig{Client: client, Chain: eth, Host: host, Spec: spec, Module: module,
		Decimals: 18, Poll: 250 * time.Millisecond, Logger: testharness.Logger(t, "canary")})
	if err != nil {
		t.Fatal(err)
	}
	hook := newReceiver(t, clocktest.NewManual(time.Time{}))
	c, err := canary.New(canary.Config{Runner: runner, Interval: 2 * time.Minute, Webhook: hook.srv.URL, Name: "devnet",
		Metrics: metrics.NewCanary(reg), Logger: testharness.Logger(t, "canary")})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := metrics.NewServer(metrics.ServerConfig{Addr: "127.0.0.1:0", Registry: reg, Logger: testharness.Logger(t, "metrics")})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Stop(context.Background()) })
	scrape := "http://" + srv.Addr() + "/metrics"

	began := time.Now()
	if !c.RunOnce(ctx) {
		t.Fatal("the canary did not settle with a healthy node")
	}
	t.Logf("canary settled in %s", time.Since(began))
	jobs, err := client.Jobs(ctx, settlementFilter(client), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(jobs) != 1 || jobs[0].Status.String() != "finalized" || jobs[0].Provider != prov.Account() || jobs[0].SpecHash != runner.SpecHash() {
		t.Fatalf("the canary account's jobs: %+v", jobs)
	}
	if len(hook.messages()) != 0 {
		t.Fatalf("messages while healthy: %+v", hook.messages())
	}

	stopNode(n)
	if c.RunOnce(ctx) {
		t.Fatal("a canary settled with the only node stopped")
	}
	if jobs, _ := client.Jobs(ctx, settlementFilter(client), 0); len(jobs) != 1 {
		t.Fatalf("a canary posted a job nobody could take: %d jobs", len(jobs))
	}
	msgs := hook.messages()
	if len(msgs) != 1 || !strings.Contains(msgs[0].text, "FAILING") || !strings.Contains(msgs[0].text, "no provider node took the spec") {
		t.Fatalf("after the failed canary: %+v", msgs)
	}

	n = startNode(nil)
	if !c.RunOnce(ctx) {
		t.Fatal("the canary did not settle once the node was back")
	}
	msgs = hook.messages()
	if len(msgs) != 2 || !strings.Contains(msgs[1].text, "RECOVERED") || !strings.Contains(msgs[1].text, "job 2") {
		t.Fatalf("after the recovery: %+v", msgs)
	}
	// The node records a job done once its finalize transaction confirmed, which the canary
	// may see on chain a moment earlier.
	s := metricstest.Scrape(t, scrape)
	for deadline := time.Now().Add(10 * time.Second); ; s = metricstest.Scrape(t, scrape) {
		if v, _ := s.Value("brine_node_jobs", "state", "done"); v == 2 || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.Want(t, 2, "brine_canary_runs_total", "result", "settled")
	s.Want(t, 1, "brine_canary_runs_total", "result", "failed")
	s.Want(t, 0, "brine_canary_failing")
	s.Want(t, 1, "brine_canary_notifications_total", "kind", "failure", "result", "sent")
	s.Want(t, 1, "brine_canary_notifications_total", "kind", "recovery", "result", "sent")

	// The node ran both canary jobs and holds both records as done; the canary account sent
	// exactly the transactions its nonce counts, all confirmed.
	if c, _ := s.Count("brine_node_execution_duration_seconds", "engine", "wasm", "outcome", "succeeded"); c != 2 {
		t.Errorf("node: %d succeeded wasm executions, want 2 (series %s)", c, s.Series("brine_node_execution_duration_seconds"))
	}
	s.Want(t, 2, "brine_node_jobs", "state", "done")
	s.Want(t, 0, "brine_node_jobs", "state", "failed")
	nonce, err := eth.NonceAt(ctx, client.Account(), nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Want(t, float64(nonce), "brine_tx_sent_total", "account", client.Account().Hex())
	s.Want(t, float64(nonce), "brine_tx_confirmed_total", "account", client.Account().Hex())
	s.Want(t, 0, "brine_tx_failed_total", "account", client.Account().Hex())
	s.Want(t, 0, "brine_tx_in_flight", "account", client.Account().Hex())

	// A node that takes the spec but not the job (it works for 10 tokens at least): a canary
	// job is posted, nobody accepts it by its accept-by time, and the next canary refunds it to
	// the canary account (exactly its payment) before posting its own.
	stopNode(n)
	n = startNode(deploy.Token(10))
	t.Cleanup(func() { stopNode(n) })
	stingy, err := jobspec.ParseWithModule([]byte(`
engine: wasm
inputs: [{path: name.txt, content: "unpaid"}]
resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 30s}
outputs: [{path: greeting.txt}]
price: {payment: "0.5", collateral: "1"}
deadlines: {accept_within: 3s, run_within: 30s}
challenge_window: 4s
`), results.CIDOf(module).String())
	if err != nil {
		t.Fatal(err)
	}
	unpaid, err := canary.NewJobRunner(canary.JobConfig{Client: client, Chain: eth, Host: host, Spec: stingy, Module: module,
		Decimals: 18, Poll: 250 * time.Millisecond, Logger: testharness.Logger(t, "canary")})
	if err != nil {
		t.Fatal(err)
	}
	first, err := unpaid.Run(ctx)
	if !errors.Is(err, jobclient.ErrNotAccepted) {
		t.Fatalf("a canary nobody accepts: %v, want ErrNotAccepted", err)
	}
	// The market refunds strictly after accept-by; a canary period is normally far longer.
	j, err := client.Job(ctx, settlement.JobID(first.Job))
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		now, err := jobclient.ChainTime(ctx, eth)
		if err == nil && now.After(j.AcceptBy) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("chain time never passed accept-by %s", j.AcceptBy)
		}
	}
	before, err := client.Balance(ctx, client.Account())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := unpaid.Run(ctx); !errors.Is(err, jobclient.ErrNotAccepted) {
		t.Fatalf("the second canary nobody accepts: %v, want ErrNotAccepted", err)
	}
	after, err := client.Balance(ctx, client.Account())
	if err != nil {
		t.Fatal(err)
	}
	jobs, err = client.Jobs(ctx, settlement.JobFilter{Client: client.Account()}, 0)
	if err != nil {
		t.Fatal(err)
	}
	byStatus := map[settlement.Status]int{}
	for _, j := range jobs {
		if j.SpecHash == unpaid.SpecHash() {
			byStatus[j.Status]++
		}
	}
	if byStatus[settlement.StatusReclaimed] != 1 || byStatus[settlement.StatusOpen] != 1 || len(byStatus) != 2 {
		t.Fatalf("the unaccepted canary jobs: %v, want one reclaimed and the latest open", byStatus)
	}
	if got := new(big.Int).Sub(after, before); got.Cmp(stingyPayment()) != 0 {
		t.Fatalf("the refund credited %s, want the payment %s", got, stingyPayment())
	}
}

// stingyPayment is the unaccepted canary's payment: 0.5 tokens.
func stingyPayment() *big.Int { return new(big.Int).Div(deploy.Token(1), big.NewInt(2)) }

func settlementFilter(m *onchain.Managed) settlement.JobFilter {
	return settlement.JobFilter{Client: m.Account()}
}
