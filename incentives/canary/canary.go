package canary

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/brine-compute/brine/clock"
)

// Runner runs one canary: it returns when the canary job settled end to end, or with why not.
// It must return soon after ctx ends.
type Runner interface {
	Run(ctx context.Context) (Report, error)
}

// Report describes a settled canary, for the log and the recovery message.
type Report struct {
	Job    uint64 // the job's ID on chain
	Result string // the verified result CID
}

// Metrics receives the canaries' outcomes (metrics.Canary implements it). Safe for concurrent use.
type Metrics interface {
	CanaryRan(settled bool, took time.Duration, at time.Time)
	CanaryFailing(failing bool)
	CanaryNotified(kind string, err error)
}

// Notification kinds (CanaryNotified).
const (
	KindFailure  = "failure"
	KindRecovery = "recovery"
)

type noMetrics struct{}

func (noMetrics) CanaryRan(bool, time.Duration, time.Time) {}
func (noMetrics) CanaryFailing(bool)                       {}
func (noMetrics) CanaryNotified(string, error)             {}

// Config configures a Canary.
type Config struct {
	Runner Runner
	// Interval between canary starts.
	Interval time.Duration
	// Deadline for a canary to settle; at most Interval (zero: Interval).
	Deadline time.Duration
	// Webhook, if set, is the http(s) URL incidents are POSTed to as {"text": ...}.
	Webhook string
	// HTTPClient posts to the webhook (default: a client with a 10 s timeout).
	HTTPClient *http.Client
	// Name says which network and prober the messages are about ("chain 1337, prober 0xab…").
	Name    string
	Clock   clock.Clock
	Logger  *slog.Logger
	Metrics Metrics
}

// Check reports every problem with c.
func (c Config) Check() error {
	var errs []error
	if c.Runner == nil {
		errs = append(errs, errors.New("Runner is required"))
	}
	if c.Interval <= 0 {
		errs = append(errs, errors.New("Interval must be positive"))
	}
	if c.Deadline < 0 || c.Deadline > c.Interval {
		errs = append(errs, fmt.Errorf("Deadline %s must be between 0 and the interval %s: a canary's outcome must be known before the next starts", c.Deadline, c.Interval))
	}
	if c.Webhook != "" {
		u, err := url.Parse(c.Webhook)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("webhook %q is not an http(s) URL", c.Webhook))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("canary config: %w", errors.Join(errs...))
	}
	return nil
}

// Canary runs canaries on a schedule and reports incidents.
type Canary struct {
	cfg Config
	log *slog.Logger

	mu       sync.Mutex // one canary at a time; guards the incident state
	incident *incident  // nil while canaries settle
	owed     *incident  // a closed incident whose recovery message is not delivered yet

	stop context.CancelFunc
	done chan struct{}
}

// incident is a run of failed canaries.
type incident struct {
	since    time.Time
	failures int
	first    error
	notified bool // the failure message was delivered
	ended    time.Time
	report   Report
}

// New checks cfg and returns a canary that is not started.
func New(cfg Config) (*Canary, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.Deadline == 0 {
		cfg.Deadline = cfg.Interval
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.System
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Metrics == nil {
		cfg.Metrics = noMetrics{}
	}
	return &Canary{cfg: cfg, log: cfg.Logger.With("component", "canary")}, nil
}

// Start runs a canary at once and then every Interval until Stop.
func (c *Canary) Start(ctx context.Context) error {
	if c.done != nil {
		return errors.New("canary: already started")
	}
	ctx, c.stop = context.WithCancel(context.WithoutCancel(ctx))
	c.done = make(chan struct{})
	go c.loop(ctx)
	c.log.Info("canaries started", "interval", c.cfg.Interval, "deadline", c.cfg.Deadline, "webhook", c.cfg.Webhook != "")
	return nil
}

// Stop ends the loop, interrupting a canary in progress (its outcome is not recorded), and
// waits for it until ctx ends.
func (c *Canary) Stop(ctx context.Context) error {
	if c.done == nil {
		return nil
	}
	c.stop()
	select {
	case <-c.done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("canary: not stopped: %w", ctx.Err())
	}
}

func (c *Canary) loop(ctx context.Context) {
	defer close(c.done)
	for {
		start := c.cfg.Clock.Now()
		c.RunOnce(ctx)
		wait := c.cfg.Interval - c.cfg.Clock.Now().Sub(start)
		if wait < 0 {
			wait = 0
		}
		select {
		case <-ctx.Done():
			return
		case <-c.cfg.Clock.After(wait):
		}
	}
}

// RunOnce runs one canary within the deadline, records its outcome and sends what the
// incident state calls for. It reports whether the canary settled; a canary interrupted by
// ctx is not recorded.
func (c *Canary) RunOnce(ctx context.Context) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	start := c.cfg.Clock.Now()
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	type outcome struct {
		r   Report
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		r, err := c.cfg.Runner.Run(runCtx)
		done <- outcome{r, err}
	}()
	var out outcome
	select {
	case out = <-done:
	case <-c.cfg.Clock.After(c.cfg.Deadline):
		cancel()
		<-done
		out.err = fmt.Errorf("did not settle within the %s deadline", c.cfg.Deadline)
	case <-ctx.Done():
		cancel()
		<-done
		return false
	}
	if out.err == nil && ctx.Err() != nil {
		return false
	}
	now := c.cfg.Clock.Now()
	took := now.Sub(start)
	settled := out.err == nil
	c.cfg.Metrics.CanaryRan(settled, took, now)
	if settled {
		c.log.Info("canary settled", "job", out.r.Job, "result", out.r.Result, "took", took)
		c.settled(ctx, now, out.r)
	} else {
		c.log.Warn("canary failed", "err", out.err, "took", took)
		c.failed(ctx, now, out.err)
	}
	c.cfg.Metrics.CanaryFailing(c.incident != nil)
	return settled
}

func (c *Canary) failed(ctx context.Context, now time.Time, err error) {
	switch {
	case c.incident != nil:
		c.incident.failures++
	case c.owed != nil:
		// The recovery never reached anyone: to them the first incident has not ended.
		c.incident, c.owed = c.owed, nil
		c.incident.failures++
	default:
		c.incident = &incident{since: now, failures: 1, first: err}
	}
	in := c.incident
	if in.notified {
		return
	}
	text := fmt.Sprintf(":rotating_light: Brine canary FAILING%s: %v (since %s, %d failed canar%s)",
		c.about(), in.first, in.since.UTC().Format(time.RFC3339), in.failures, plural(in.failures, "y", "ies"))
	if in.failures > 1 {
		text += fmt.Sprintf("; latest: %v", err)
	}
	in.notified = c.notify(ctx, KindFailure, text) == nil
}

func (c *Canary) settled(ctx context.Context, now time.Time, r Report) {
	if in := c.incident; in != nil {
		c.incident = nil
		if in.notified {
			in.ended, in.report = now, r
			c.owed = in
		}
	}
	in := c.owed
	if in == nil {
		return
	}
	text := fmt.Sprintf(":white_check_mark: Brine canary RECOVERED%s: job %d settled with result %s after %d failed canar%s (failing from %s to %s)",
		c.about(), in.report.Job, in.report.Result, in.failures, plural(in.failures, "y", "ies"),
		in.since.UTC().Format(time.RFC3339), in.ended.UTC().Format(time.RFC3339))
	if c.notify(ctx, KindRecovery, text) == nil {
		c.owed = nil
	}
}

func (c *Canary) about() string {
	if c.cfg.Name == "" {
		return ""
	}
	return " (" + c.cfg.Name + ")"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// notify posts text to the webhook (Slack's incoming-webhook format) and records the outcome.
// Without a webhook it only logs.
func (c *Canary) notify(ctx context.Context, kind, text string) error {
	if c.cfg.Webhook == "" {
		c.log.Info("incident "+kind+" (no webhook configured)", "text", text)
		return nil
	}
	err := c.post(ctx, text)
	c.cfg.Metrics.CanaryNotified(kind, err)
	if err != nil {
		c.log.Error("webhook notification failed; tried again after the next canary", "kind", kind, "err", err)
	} else {
		c.log.Info("webhook notified", "kind", kind)
	}
	return err
}

func (c *Canary) post(ctx context.Context, text string) error {
	body, err := json.Marshal(map[string]string{"text": text})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.cfg.Webhook, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.cfg.HTTPClient.Do(req)
	if err != nil {
		// A webhook URL carries its secret in the path: keep it out of errors and logs.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("posting to the webhook: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("the webhook answered %s", resp.Status)
	}
	return nil
}
