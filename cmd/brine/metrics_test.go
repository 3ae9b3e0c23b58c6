package main_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gethcommon "github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/metrics"
	"github.com/brine-compute/brine/metrics/metricstest"
	"github.com/brine-compute/brine/settlement"
)

// metricsURL finds the "Metrics at URL" line a daemon printed before it started.
func (p *nodeProc) metricsURL(t *testing.T) string {
	t.Helper()
	rx := regexp.MustCompile(`Metrics at (http://\S+/metrics)`)
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, l := range p.lines {
		if m := rx.FindStringSubmatch(l); m != nil {
			return m[1]
		}
	}
	t.Fatalf("%s printed no metrics URL", p.name)
	return ""
}

// TestMetricsAndCanaries runs `brine node run --metrics-addr` and `brine prober run
// --metrics-addr` with canaries against a devnet of their own, as operators would: the
// prober's canary job settles on the node; both endpoints show exactly what happened (the
// node's execution and job, the provider's stake and earnings, the canary's transactions and
// outcome); with the node stopped, the next canary fails and the webhook (a receiver on
// loopback) gets one failure message, and no log line names the webhook's secret URL.
func TestMetricsAndCanaries(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "3")
	gov, provider, prober := n.info.Accounts[0], n.info.Accounts[1], n.info.Accounts[2]
	ctx := context.Background()
	dep, chain := n.deployment(t)
	n.sender(t, gov).send(t, "add-reporter", dep.Rewards, bindings.NewUptimeRewards().PackAddReporter(gethcommon.HexToAddress(prober)), nil)

	var (
		hookMu sync.Mutex
		hooked []string
	)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Text string `json:"text"`
		}
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Text == "" {
			t.Errorf("webhook body: %v %q", err, body.Text)
		}
		hookMu.Lock()
		hooked = append(hooked, body.Text)
		hookMu.Unlock()
	}))
	defer hook.Close()
	hookURL := hook.URL + "/services/T000/B000/s3cretWebhookToken"

	n.ok(t, "--account", provider, "provider", "stake", "100")
	node := n.startNode(t, "node", nil, provider, "--metrics-addr", "127.0.0.1:0", "--pprof")
	nodeMetrics := node.metricsURL(t)

	mod := greetModule(t)
	spec := greetSpec(t, mod, `{path: name.txt, content: "canary"}`, `{payment: "0.5", collateral: "1"}`, "{accept_within: 15s, run_within: 30s}")
	proberNonce, _ := n.nonces(t, prober)
	proc := n.startProber(t, prober, "--canary-webhook", hookURL,
		"--metrics-addr", "127.0.0.1:0", "--http", "off", "--listen", "/ip4/127.0.0.1/tcp/0", "--interval", "2s", "--jitter", "0s",
		"--canary-interval", "25s", "--canary-spec", spec, "--canary-module", mod)
	proberMetrics := proc.metricsURL(t)
	m := proc.wait(t, `msg="canary settled" .*job=(\d+)`, 90*time.Second)
	job, err := chain.Job(ctx, settlement.JobID(mustAtoi(t, m[1])))
	if err != nil {
		t.Fatal(err)
	}
	if job.Status != settlement.StatusFinalized || !strings.EqualFold(job.Provider.Hex(), provider) || !strings.EqualFold(job.Client.Hex(), prober) {
		t.Fatalf("the canary job: %s, provider %s, client %s", job.Status, job.Provider.Hex(), job.Client.Hex())
	}

	// The node: one wasm execution, the job done (recorded once its finalize confirmed),
	// 100 staked and nothing locked, payment minus fee credited.
	s := metricstest.Scrape(t, nodeMetrics)
	for deadline := time.Now().Add(15 * time.Second); ; s = metricstest.Scrape(t, nodeMetrics) {
		if v, _ := s.Value("brine_node_jobs", "state", "done"); v == 1 || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if c, _ := s.Count("brine_node_execution_duration_seconds", "engine", "wasm", "outcome", "succeeded"); c != 1 {
		t.Errorf("node: %d succeeded wasm executions, want 1 (%s)", c, s.Series("brine_node_execution_duration_seconds"))
	}
	s.Want(t, 1, "brine_node_jobs", "state", "done")
	pa := gethcommon.HexToAddress(provider).Hex()
	s.Want(t, 100, "brine_stake_tokens", "account", pa, "kind", "staked")
	s.Want(t, 0, "brine_stake_tokens", "account", pa, "kind", "locked")
	fee := new(big.Int).Quo(new(big.Int).Mul(job.Payment, big.NewInt(int64(job.FeeBps))), big.NewInt(10000))
	s.Want(t, metrics.Whole(new(big.Int).Sub(job.Payment, fee), 18), "brine_market_credited_tokens", "account", pa)
	s.Want(t, 0, "brine_tx_failed_total", "account", pa)
	s.Want(t, 0, "brine_tx_in_flight", "account", pa)

	// The prober: the canary settled, its transactions (the canary's post; no epoch has ended)
	// are exactly the account's new nonces, all confirmed; every probe of the node answered.
	s = metricstest.Scrape(t, proberMetrics)
	s.Want(t, 1, "brine_canary_runs_total", "result", "settled")
	s.Want(t, 0, "brine_canary_runs_total", "result", "failed")
	s.Want(t, 0, "brine_canary_failing")
	now, _ := n.nonces(t, prober)
	pr := gethcommon.HexToAddress(prober).Hex()
	s.Want(t, float64(now-proberNonce), "brine_tx_sent_total", "account", pr)
	s.Want(t, float64(now-proberNonce), "brine_tx_confirmed_total", "account", pr)
	s.Want(t, 0, "brine_tx_failed_total", "account", pr)
	if v, ok := s.Value("brine_prober_probes_total", "provider", pa, "result", "answered"); !ok || v < 1 {
		t.Errorf("answered probes of the node: %v (%s)", v, s.Series("brine_prober_probes_total"))
	}
	if _, ok := s.Value("brine_prober_probes_total", "provider", pa, "result", "unanswered"); ok {
		t.Error("unanswered probes of a node that was up")
	}
	if v, _ := s.Value("brine_wallet_tokens", "account", pr); v != metrics.Whole(n.tokens(t, prober), 18) {
		t.Errorf("prober wallet %v tokens, chain says %s base units", v, n.tokens(t, prober))
	}

	// Profiles: served beside the node's metrics (--pprof), absent from the prober's (no flag).
	for url, want := range map[string]int{
		strings.TrimSuffix(nodeMetrics, "/metrics") + "/debug/pprof/heap":   http.StatusOK,
		strings.TrimSuffix(proberMetrics, "/metrics") + "/debug/pprof/heap": http.StatusNotFound,
	} {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", url, resp.StatusCode, want)
		}
	}

	// The node goes away: the next canary fails at once and the webhook hears of it once.
	_ = node.cmd.Process.Signal(syscall.SIGINT)
	_ = node.cmd.Wait()
	proc.wait(t, `msg="canary failed"`, 40*time.Second)
	proc.wait(t, `msg="webhook notified" .*kind=failure`, 5*time.Second)
	hookMu.Lock()
	got := append([]string(nil), hooked...)
	hookMu.Unlock()
	if len(got) != 1 || !strings.Contains(got[0], "FAILING") || !strings.Contains(got[0], "no provider node took the spec") {
		t.Fatalf("webhook messages: %q", got)
	}
	s = metricstest.Scrape(t, proberMetrics)
	s.Want(t, 1, "brine_canary_failing")
	s.Want(t, 1, "brine_canary_notifications_total", "kind", "failure", "result", "sent")
	proc.mu.Lock()
	log := strings.Join(proc.lines, "\n")
	proc.mu.Unlock()
	if strings.Contains(log, "s3cretWebhookToken") {
		t.Error("the prober's log names the webhook URL")
	}
}

func mustAtoi(t *testing.T, s string) uint64 {
	t.Helper()
	var v uint64
	if _, err := fmt.Sscan(s, &v); err != nil {
		t.Fatal(err)
	}
	return v
}
