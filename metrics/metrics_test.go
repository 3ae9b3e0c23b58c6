package metrics_test

import (
	"context"
	"errors"
	"math/big"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/prometheus/client_golang/prometheus/testutil/promlint"

	"github.com/brine-compute/brine/chain/erc20"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/chain/txmgr"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/metrics"
	"github.com/brine-compute/brine/metrics/metricstest"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

// TxAccount is what a transaction manager reports to.
var _ txmgr.Metrics = (*metrics.TxAccount)(nil)

// serve starts a metrics server for reg on a loopback port and returns its /metrics URL.
func serve(t *testing.T, reg *metrics.Registry) string {
	t.Helper()
	srv, err := metrics.NewServer(metrics.ServerConfig{Addr: "127.0.0.1:0", Registry: reg})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Stop(ctx); err != nil {
			t.Error(err)
		}
	})
	return "http://" + srv.Addr() + "/metrics"
}

// TestTransactionsAndAccountAfterRealTransactions: a provider stakes and unstakes through a
// real transaction manager on a simulated chain with Brine deployed; the scrape shows exactly
// the transactions it sent, their gas and fees from the receipts, nothing in flight, and the
// wallet, market and stake amounts the chain holds.
func TestTransactionsAndAccountAfterRealTransactions(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	acct := c.MustAccount(t, "provider", deploy.Token(500))
	reg := metrics.NewRegistry()
	txm := metrics.NewTx(reg).For(acct.Addr)

	var (
		mu     sync.Mutex
		hashes []common.Hash
	)
	mgr, err := txmgr.New(txmgr.Config{
		Client:  c.Client,
		ChainID: c.ChainID,
		From:    acct.Addr,
		Signer: func(_ context.Context, tx *types.Transaction) (*types.Transaction, error) {
			return types.SignTx(tx, types.LatestSignerForChainID(c.ChainID), acct.Key)
		},
		JournalPath:   filepath.Join(t.TempDir(), "journal.db"),
		PollInterval:  20 * time.Millisecond,
		RevertDecoder: reverts.DecodeError,
		Metrics:       txm,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := mgr.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = mgr.Stop(context.Background()) })
	txm.WatchInFlight(mgr.InFlight)
	sender := &onchain.ManagedSender{Manager: mgr, Progress: func(p txmgr.Progress) {
		if p.Stage == txmgr.StageConfirmed {
			mu.Lock()
			hashes = append(hashes, p.Tx)
			mu.Unlock()
		}
	}}
	st, err := onchain.New(ctx, onchain.Config{Client: c.Client, Addresses: c.Addr, Account: acct.Addr, Sender: sender})
	if err != nil {
		t.Fatal(err)
	}
	token, err := erc20.Open(ctx, c.Client, c.Addr.Token)
	if err != nil {
		t.Fatal(err)
	}
	metrics.NewAccount(reg, acct.Addr, token.Decimals, metrics.ChainAccount(c.Client, token, st, acct.Addr, true))
	url := serve(t, reg)

	// Before anything: every transaction counter exists at 0.
	s := metricstest.Scrape(t, url)
	a := acct.Addr.Hex()
	for _, name := range []string{"brine_tx_sent_total", "brine_tx_bumped_total", "brine_tx_failed_total", "brine_tx_confirmed_total", "brine_tx_gas_used_total", "brine_tx_fees_wei_total", "brine_tx_in_flight"} {
		s.Want(t, 0, name, "account", a)
	}
	s.Want(t, 500, "brine_wallet_tokens", "account", a)
	s.Want(t, 0, "brine_stake_tokens", "account", a, "kind", "staked")

	if err := st.Stake(ctx, deploy.Token(100)); err != nil {
		t.Fatal(err)
	}
	if err := st.Unstake(ctx, deploy.Token(30)); err != nil {
		t.Fatal(err)
	}

	mu.Lock()
	sent := append([]common.Hash(nil), hashes...)
	mu.Unlock()
	nonce, err := c.Client.NonceAt(ctx, acct.Addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	if int(nonce) != len(sent) || len(sent) < 2 {
		t.Fatalf("%d transactions confirmed, the account's nonce is %d", len(sent), nonce)
	}
	var gas uint64
	fees := new(big.Int)
	for _, h := range sent {
		r, err := c.Client.TransactionReceipt(ctx, h)
		if err != nil {
			t.Fatal(err)
		}
		gas += r.GasUsed
		fees.Add(fees, new(big.Int).Mul(r.EffectiveGasPrice, new(big.Int).SetUint64(r.GasUsed)))
	}
	if !fees.IsInt64() || fees.Int64() > 1<<53 {
		t.Fatalf("fees %s wei do not fit a float64 exactly; the test's exact comparison needs them to", fees)
	}
	eth, err := c.Client.BalanceAt(ctx, acct.Addr, nil)
	if err != nil {
		t.Fatal(err)
	}

	s = metricstest.Scrape(t, url)
	s.Want(t, float64(len(sent)), "brine_tx_sent_total", "account", a)
	s.Want(t, float64(len(sent)), "brine_tx_confirmed_total", "account", a)
	s.Want(t, 0, "brine_tx_failed_total", "account", a)
	s.Want(t, 0, "brine_tx_bumped_total", "account", a)
	s.Want(t, 0, "brine_tx_in_flight", "account", a)
	s.Want(t, float64(gas), "brine_tx_gas_used_total", "account", a)
	s.Want(t, float64(fees.Int64()), "brine_tx_fees_wei_total", "account", a)
	s.Want(t, 400, "brine_wallet_tokens", "account", a)
	s.Want(t, 0, "brine_market_credited_tokens", "account", a)
	s.Want(t, 70, "brine_stake_tokens", "account", a, "kind", "staked")
	s.Want(t, 0, "brine_stake_tokens", "account", a, "kind", "locked")
	s.Want(t, 30, "brine_stake_tokens", "account", a, "kind", "unbonding")
	s.Want(t, metrics.Whole(eth, 18), "brine_wallet_eth", "account", a)
}

// TestNodeJobsAndExecutions: jobs by state come from the node's store at each scrape (every
// state present), executions by engine and outcome from Executed.
func TestNodeJobsAndExecutions(t *testing.T) {
	s, err := store.Open(store.Path(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for id := settlement.JobID(1); id <= 3; id++ {
		if _, err := s.Create(store.JobRecord{Job: id, Role: store.RoleProvider, Seat: -1}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Transition(1, store.StateSeen, store.StateAccepting, nil); err != nil {
		t.Fatal(err)
	}
	reg := metrics.NewRegistry()
	n := metrics.NewNode(reg)
	n.WatchJobs(s.CountByName)
	n.Executed("wasm", metrics.OutcomeSucceeded, 2*time.Second)
	n.Executed("wasm", metrics.OutcomeSucceeded, 3*time.Second)
	n.Executed("docker", metrics.OutcomeFailed, time.Second)
	url := serve(t, reg)

	got := metricstest.Scrape(t, url)
	got.Want(t, 2, "brine_node_jobs", "state", "seen")
	got.Want(t, 1, "brine_node_jobs", "state", "accepting")
	for _, st := range store.States() {
		if st != store.StateSeen && st != store.StateAccepting {
			got.Want(t, 0, "brine_node_jobs", "state", st.String())
		}
	}
	if c, _ := got.Count("brine_node_execution_duration_seconds", "engine", "wasm", "outcome", "succeeded"); c != 2 {
		t.Errorf("wasm succeeded executions: %d, want 2", c)
	}
	if c, _ := got.Count("brine_node_execution_duration_seconds", "engine", "docker", "outcome", "failed"); c != 1 {
		t.Errorf("docker failed executions: %d, want 1", c)
	}
	if m := got["brine_node_execution_duration_seconds"]; m != nil {
		for _, x := range m.GetMetric() {
			if x.GetLabel()[0].GetValue() == "wasm" && x.Histogram.GetSampleSum() != 5 {
				t.Errorf("wasm execution seconds sum %v, want 5", x.Histogram.GetSampleSum())
			}
		}
	}

	// The store closing (node stopped) leaves the gauge out and counts the source error.
	s.Close()
	got = metricstest.Scrape(t, url)
	if _, ok := got.Value("brine_node_jobs", "state", "seen"); ok {
		t.Error("jobs reported from a closed store")
	}
	got.Want(t, 1, "brine_metrics_source_errors_total", "source", "jobs")
}

// TestAccountSourceFailure: a chain that does not answer leaves the account's gauges out of the
// scrape (the rest is still served) and counts the error.
func TestAccountSourceFailure(t *testing.T) {
	reg := metrics.NewRegistry()
	addr := common.HexToAddress("0x1")
	metrics.NewAccount(reg, addr, 18, func(context.Context) (metrics.AccountState, error) {
		return metrics.AccountState{}, errors.New("connection refused")
	})
	metrics.NewTx(reg).For(addr).TxSent()
	got := metricstest.Scrape(t, serve(t, reg))
	if _, ok := got.Value("brine_wallet_eth", "account", addr.Hex()); ok {
		t.Error("a failed read was exported")
	}
	got.Want(t, 1, "brine_tx_sent_total", "account", addr.Hex())
	got.Want(t, 1, "brine_metrics_source_errors_total", "source", "account")
}

// TestProberAndCanary: probes by provider and result, posted roots, canary outcomes.
func TestProberAndCanary(t *testing.T) {
	reg := metrics.NewRegistry()
	p := metrics.NewProber(reg, 18)
	up, down := common.HexToAddress("0xa"), common.HexToAddress("0xb")
	p.Probed(up, true)
	p.Probed(up, true)
	p.Probed(down, false)
	p.RootPosted(7, deploy.Token(15))
	p.RootPosted(8, new(big.Int).Div(deploy.Token(5), big.NewInt(2)))
	c := metrics.NewCanary(reg)
	at := time.Unix(1_900_000_000, 0)
	c.CanaryRan(true, 12*time.Second, at)
	c.CanaryRan(false, 0, at.Add(time.Minute))
	c.CanaryFailing(true)
	c.CanaryNotified("failure", nil)
	c.CanaryNotified("recovery", errors.New("502"))
	got := metricstest.Scrape(t, serve(t, reg))
	got.Want(t, 2, "brine_prober_probes_total", "provider", up.Hex(), "result", "answered")
	got.Want(t, 1, "brine_prober_probes_total", "provider", down.Hex(), "result", "unanswered")
	got.Want(t, 2, "brine_prober_roots_posted_total")
	got.Want(t, 8, "brine_prober_last_posted_epoch")
	got.Want(t, 17.5, "brine_prober_rewards_posted_tokens_total")
	got.Want(t, 1, "brine_canary_runs_total", "result", "settled")
	got.Want(t, 1, "brine_canary_runs_total", "result", "failed")
	got.Want(t, 1, "brine_canary_failing")
	got.Want(t, 1_900_000_000, "brine_canary_last_success_timestamp_seconds")
	got.Want(t, 1, "brine_canary_notifications_total", "kind", "failure", "result", "sent")
	got.Want(t, 1, "brine_canary_notifications_total", "kind", "recovery", "result", "error")
	got.Want(t, 0, "brine_canary_notifications_total", "kind", "recovery", "result", "sent")
	if c, _ := got.Count("brine_canary_duration_seconds"); c != 1 {
		t.Errorf("canary durations: %d, want 1", c)
	}
}

// TestEveryGroupTogether: all groups register on one registry (twice over, as two accounts
// would), the exported families are exactly the catalogue's, and they pass promlint.
func TestEveryGroupTogether(t *testing.T) {
	reg := everything(t)
	fams, err := reg.Gatherer().Gather()
	if err != nil {
		t.Fatal(err)
	}
	ours := map[string]string{}
	for _, f := range fams {
		if strings.HasPrefix(f.GetName(), "brine_") {
			ours[f.GetName()] = strings.ToLower(f.GetType().String())
		}
	}
	for _, i := range metrics.Catalogue() {
		if ours[i.Name] != string(i.Type) {
			t.Errorf("%s: exported as %q, catalogued as %s", i.Name, ours[i.Name], i.Type)
		}
		delete(ours, i.Name)
	}
	for name := range ours {
		t.Errorf("%s is exported but not catalogued", name)
	}
	problems, err := promlint.NewWithMetricFamilies(fams).Lint()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		if strings.HasPrefix(p.Metric, "brine_") {
			t.Errorf("promlint: %s: %s", p.Metric, p.Text)
		}
	}
}

// everything is a registry with every group registered and one sample of each metric.
func everything(t *testing.T) *metrics.Registry {
	t.Helper()
	reg := metrics.NewRegistry()
	for _, a := range []common.Address{common.HexToAddress("0x1"), common.HexToAddress("0x2")} {
		tx := metrics.NewTx(reg).For(a)
		tx.WatchInFlight(func() int { return 0 })
		metrics.NewAccount(reg, a, 18, func(context.Context) (metrics.AccountState, error) {
			one := big.NewInt(1)
			return metrics.AccountState{ETH: one, Tokens: one, Credited: one, Stake: &metrics.Stake{Staked: one, Locked: one, Unbonding: one}}, nil
		})
	}
	n := metrics.NewNode(reg)
	n.Executed("wasm", metrics.OutcomeSucceeded, time.Second)
	n.WatchJobs(func() (map[string]int, error) { return nil, errors.New("closed") })
	metrics.NewNode(reg).WatchJobs(func() (map[string]int, error) { return map[string]int{"seen": 1}, nil })
	metrics.NewProber(reg, 18).Probed(common.HexToAddress("0x3"), true)
	metrics.NewProber(reg, 18).RootPosted(1, big.NewInt(1))
	metrics.NewCanary(reg).CanaryRan(true, time.Second, time.Now())
	// One failed source, so brine_metrics_source_errors_total has a sample.
	metrics.NewAccount(reg, common.HexToAddress("0x4"), 18, func(context.Context) (metrics.AccountState, error) {
		return metrics.AccountState{}, errors.New("down")
	})
	return reg
}

// TestServerErrors: a bad address is refused before listening, a busy port at Start.
func TestServerErrors(t *testing.T) {
	reg := metrics.NewRegistry()
	if _, err := metrics.NewServer(metrics.ServerConfig{Addr: "9464", Registry: reg}); err == nil || !strings.Contains(err.Error(), "HOST:PORT") {
		t.Errorf("address without a port: %v", err)
	}
	if _, err := metrics.NewServer(metrics.ServerConfig{Addr: "127.0.0.1:0"}); err == nil {
		t.Error("no registry: accepted")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	srv, err := metrics.NewServer(metrics.ServerConfig{Addr: ln.Addr().String(), Registry: reg})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(context.Background()); err == nil {
		t.Error("listening on a busy port: no error")
		_ = srv.Stop(context.Background())
	}
}

// TestWhole: base units to whole tokens.
func TestWhole(t *testing.T) {
	for _, c := range []struct {
		amount   *big.Int
		decimals uint8
		want     float64
	}{
		{deploy.Token(100), 18, 100},
		{big.NewInt(15), 1, 1.5},
		{big.NewInt(7), 0, 7},
		{new(big.Int), 18, 0},
		{big.NewInt(1), 18, 1e-18},
	} {
		if got := metrics.Whole(c.amount, c.decimals); got != c.want {
			t.Errorf("Whole(%s, %d) = %v, want %v", c.amount, c.decimals, got, c.want)
		}
	}
}
