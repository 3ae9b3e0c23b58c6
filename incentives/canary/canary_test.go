package canary_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brine-compute/brine/clock/clocktest"
	"github.com/brine-compute/brine/incentives/canary"
	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/metrics"
	"github.com/brine-compute/brine/metrics/metricstest"
)

// scripted is a Runner the test answers run by run.
type scripted struct{ calls chan chan result }

type result struct {
	r   canary.Report
	err error
}

func (s *scripted) Run(ctx context.Context) (canary.Report, error) {
	reply := make(chan result, 1)
	select {
	case s.calls <- reply:
	case <-ctx.Done():
		return canary.Report{}, ctx.Err()
	}
	select {
	case r := <-reply:
		return r.r, r.err
	case <-ctx.Done():
		return canary.Report{}, ctx.Err()
	}
}

// next waits for the canary's next run.
func (s *scripted) next(t *testing.T) chan result {
	t.Helper()
	select {
	case r := <-s.calls:
		return r
	case <-time.After(20 * time.Second):
		t.Fatal("no canary ran")
		return nil
	}
}

// receiver is a Slack-compatible webhook on loopback: it keeps every message with the canary
// clock's time at receipt, and answers failStatus while that is set.
type receiver struct {
	t     *testing.T
	clock *clocktest.Manual
	srv   *httptest.Server

	mu         sync.Mutex
	msgs       []message
	failStatus int
	attempts   int
}

type message struct {
	text string
	at   time.Time
}

func newReceiver(t *testing.T, clk *clocktest.Manual) *receiver {
	r := &receiver{t: t, clock: clk}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.attempts++
		if r.failStatus != 0 {
			w.WriteHeader(r.failStatus)
			return
		}
		if req.Method != http.MethodPost || req.Header.Get("Content-Type") != "application/json" {
			t.Errorf("webhook got %s with Content-Type %q", req.Method, req.Header.Get("Content-Type"))
		}
		var body map[string]any
		if err := json.NewDecoder(req.Body).Decode(&body); err != nil {
			t.Errorf("webhook body: %v", err)
		}
		text, ok := body["text"].(string)
		if len(body) != 1 || !ok || text == "" {
			t.Errorf("webhook body %v: want exactly {\"text\": \"...\"}", body)
		}
		r.msgs = append(r.msgs, message{text, clk.Now()})
		w.Write([]byte("ok"))
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) messages() []message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]message(nil), r.msgs...)
}

func (r *receiver) setFail(status int) {
	r.mu.Lock()
	r.failStatus = status
	r.mu.Unlock()
}

const (
	interval = time.Minute
	deadline = 30 * time.Second
)

func start(t *testing.T, cfg canary.Config) (*canary.Canary, string) {
	t.Helper()
	reg := metrics.NewRegistry()
	cfg.Metrics = metrics.NewCanary(reg)
	cfg.Interval, cfg.Deadline = interval, deadline
	if cfg.Logger == nil {
		cfg.Logger = testharness.Logger(t, "")
	}
	c, err := canary.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := metrics.NewServer(metrics.ServerConfig{Addr: "127.0.0.1:0", Registry: reg, Logger: cfg.Logger})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := c.Stop(ctx); err != nil {
			t.Error(err)
		}
		_ = srv.Stop(ctx)
	})
	return c, "http://" + srv.Addr() + "/metrics"
}

var errDown = errors.New("no provider node took the spec (1 offered): connection refused")

// TestIncidentNotifiedOnceAndRecoveredOnce: one canary settles; then one hangs past its
// deadline and two fail at once; then two settle. The webhook gets exactly one failure
// message, within one canary period of the start of the first failing canary, and exactly
// one recovery message; the metrics count every outcome.
func TestIncidentNotifiedOnceAndRecoveredOnce(t *testing.T) {
	clk := clocktest.NewManual(time.Time{})
	hook := newReceiver(t, clk)
	run := &scripted{calls: make(chan chan result)}
	_, scrape := start(t, canary.Config{Runner: run, Webhook: hook.srv.URL + "/services/T0/B0/secret", Clock: clk, Name: "chain 1337"})
	t0 := clk.Now()

	settle := func(job uint64) {
		run.next(t) <- result{r: canary.Report{Job: job, Result: fmt.Sprintf("bafyresult%d", job)}}
		clk.ExpectWait(t, deadline)
		clk.ExpectWait(t, interval)
	}
	fail := func() {
		run.next(t) <- result{err: errDown}
		clk.ExpectWait(t, deadline)
		clk.ExpectWait(t, interval)
	}

	settle(1) // T0
	if n := len(hook.messages()); n != 0 {
		t.Fatalf("%d messages while canaries settle", n)
	}
	clk.Advance(interval)

	// T0+1m: the network is down; this canary never settles.
	firstFailing := clk.Now()
	run.next(t)
	clk.ExpectWait(t, deadline)
	clk.Advance(deadline)
	clk.ExpectWait(t, interval-deadline)
	msgs := hook.messages()
	if len(msgs) != 1 || !strings.Contains(msgs[0].text, "FAILING") || !strings.Contains(msgs[0].text, "chain 1337") ||
		!strings.Contains(msgs[0].text, "did not settle within the 30s deadline") {
		t.Fatalf("after the first failed canary: %+v", msgs)
	}
	if lag := msgs[0].at.Sub(firstFailing); lag > interval {
		t.Fatalf("the failure reached the webhook %s after the failing canary started: more than one period (%s)", lag, interval)
	}
	s := metricstest.Scrape(t, scrape)
	s.Want(t, 1, "brine_canary_failing")
	s.Want(t, 1, "brine_canary_runs_total", "result", "failed")
	s.Want(t, 1, "brine_canary_runs_total", "result", "settled")
	clk.Advance(interval - deadline)

	fail() // T0+2m
	clk.Advance(interval)
	fail() // T0+3m
	if n := len(hook.messages()); n != 1 {
		t.Fatalf("%d messages during one incident, want 1", n)
	}
	clk.Advance(interval)

	settle(5) // T0+4m
	clk.Advance(interval)
	settle(6) // T0+5m
	msgs = hook.messages()
	if len(msgs) != 2 {
		t.Fatalf("%d messages, want the failure and one recovery: %+v", len(msgs), msgs)
	}
	if r := msgs[1]; !strings.Contains(r.text, "RECOVERED") || !strings.Contains(r.text, "job 5") || !strings.Contains(r.text, "3 failed canaries") ||
		!r.at.Equal(t0.Add(4*interval)) {
		t.Fatalf("recovery message %q at %s", r.text, r.at)
	}
	s = metricstest.Scrape(t, scrape)
	s.Want(t, 0, "brine_canary_failing")
	s.Want(t, 3, "brine_canary_runs_total", "result", "failed")
	s.Want(t, 3, "brine_canary_runs_total", "result", "settled")
	s.Want(t, 1, "brine_canary_notifications_total", "kind", "failure", "result", "sent")
	s.Want(t, 1, "brine_canary_notifications_total", "kind", "recovery", "result", "sent")
	s.Want(t, 0, "brine_canary_notifications_total", "kind", "failure", "result", "error")
	s.Want(t, float64(t0.Add(5*interval).Unix()), "brine_canary_last_success_timestamp_seconds")
}

// TestWebhookRetriedAfterTheNextCanary: the webhook answers 500 to the first failure message;
// it is posted again after the next failed canary (delivered once), and the recovery too.
// A webhook that is down throughout the incident tells nobody of a recovery either.
func TestWebhookRetriedAfterTheNextCanary(t *testing.T) {
	clk := clocktest.NewManual(time.Time{})
	hook := newReceiver(t, clk)
	hook.setFail(http.StatusInternalServerError)
	run := &scripted{calls: make(chan chan result)}
	_, scrape := start(t, canary.Config{Runner: run, Webhook: hook.srv.URL, Clock: clk})
	step := func(err error, job uint64) {
		run.next(t) <- result{r: canary.Report{Job: job, Result: "bafy"}, err: err}
		clk.ExpectWait(t, deadline)
		clk.ExpectWait(t, interval)
		clk.Advance(interval)
	}
	step(errDown, 0)
	if n := len(hook.messages()); n != 0 {
		t.Fatalf("%d messages through a failing webhook", n)
	}
	hook.setFail(0)
	step(errDown, 0)
	step(errDown, 0)
	step(nil, 4)
	step(nil, 5)
	msgs := hook.messages()
	if len(msgs) != 2 || !strings.Contains(msgs[0].text, "FAILING") || !strings.Contains(msgs[1].text, "RECOVERED") {
		t.Fatalf("messages: %+v", msgs)
	}
	s := metricstest.Scrape(t, scrape)
	s.Want(t, 1, "brine_canary_notifications_total", "kind", "failure", "result", "error")
	s.Want(t, 1, "brine_canary_notifications_total", "kind", "failure", "result", "sent")
	s.Want(t, 1, "brine_canary_notifications_total", "kind", "recovery", "result", "sent")

	// A second incident during which the webhook is down throughout: nothing is delivered,
	// and no recovery is announced for a failure nobody heard of.
	hook.setFail(http.StatusBadGateway)
	step(errDown, 0)
	step(errDown, 0)
	hook.setFail(0)
	hook.mu.Lock()
	attempts := hook.attempts
	hook.mu.Unlock()
	step(nil, 8)
	hook.mu.Lock()
	after := hook.attempts
	hook.mu.Unlock()
	if after != attempts || len(hook.messages()) != 2 {
		t.Fatalf("a recovery from an unannounced incident was posted (%d attempts, %d messages)", after-attempts, len(hook.messages()))
	}
}

// TestWebhookSecretNotLogged: a webhook URL carries its secret in the path; a failed POST logs
// and returns the error without it.
func TestWebhookSecretNotLogged(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now: the POST fails to connect
	var logs bytes.Buffer
	clk := clocktest.NewManual(time.Time{})
	run := &scripted{calls: make(chan chan result)}
	start(t, canary.Config{Runner: run, Webhook: "http://" + addr + "/services/T0/B0/SuperSecretToken", Clock: clk,
		Logger: slog.New(slog.NewTextHandler(&syncWriter{w: &logs}, nil))})
	run.next(t) <- result{err: errDown}
	clk.ExpectWait(t, deadline)
	clk.ExpectWait(t, interval)
	out := logs.String()
	if !strings.Contains(out, "webhook notification failed") {
		t.Fatalf("no failure logged: %s", out)
	}
	if strings.Contains(out, "SuperSecretToken") {
		t.Fatalf("the webhook's secret is in the log: %s", out)
	}
}

type syncWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// TestConfigCheck: bad configurations are refused with the reason.
func TestConfigCheck(t *testing.T) {
	run := &scripted{}
	for _, c := range []struct {
		name string
		cfg  canary.Config
		want string
	}{
		{"no runner", canary.Config{Interval: time.Minute}, "Runner is required"},
		{"no interval", canary.Config{Runner: run}, "Interval must be positive"},
		{"deadline past the interval", canary.Config{Runner: run, Interval: time.Minute, Deadline: 2 * time.Minute}, "must be between 0 and the interval"},
		{"webhook not a URL", canary.Config{Runner: run, Interval: time.Minute, Webhook: "hooks.slack.com/x"}, "not an http(s) URL"},
		{"webhook of another scheme", canary.Config{Runner: run, Interval: time.Minute, Webhook: "ftp://example/x"}, "not an http(s) URL"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := canary.New(c.cfg)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
		})
	}
	if _, err := canary.New(canary.Config{Runner: run, Interval: time.Minute, Webhook: "https://hooks.example/services/x"}); err != nil {
		t.Fatalf("a good config: %v", err)
	}
}
