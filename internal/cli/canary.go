package cli

import (
	"fmt"
	"log/slog"
	"net/url"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/incentives/canary"
	"github.com/brine-compute/brine/incentives/trees"
	"github.com/brine-compute/brine/internal/lifecycle"
	"github.com/brine-compute/brine/jobclient"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/metrics"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement/onchain"
)

// canaryWebhookEnv holds the webhook URL out of the process list.
const canaryWebhookEnv = "BRINE_CANARY_WEBHOOK"

// canaryFlags are `brine prober run`'s canary flags (docs/operations.md, "Canaries").
func canaryFlags() []cli.Flag {
	return []cli.Flag{
		&cli.DurationFlag{Name: "canary-interval", Usage: "submit a canary job every `DURATION` and alert when one does not settle (0: no canaries)"},
		&cli.DurationFlag{Name: "canary-deadline", Usage: "how long a canary may take to settle (default, and at most: --canary-interval)"},
		&cli.StringFlag{Name: "canary-spec", Usage: "the canary job spec `FILE` (YAML or JSON, as for 'brine job submit'): keep it tiny"},
		&cli.StringFlag{Name: "canary-module", Usage: "the wasm module `FILE` of a wasm canary spec (an empty module field takes its CID)"},
		&cli.StringSliceFlag{Name: "canary-listen", Value: cli.NewStringSlice(p2p.DefaultListenAddrs...), Usage: "libp2p listen `MULTIADDR` of the canary's client host (providers' nodes fetch the spec and module from it); repeat"},
		&cli.StringFlag{Name: "canary-webhook", Usage: "Slack-compatible incoming webhook `URL` told of canary failures and recoveries; prefer $" + canaryWebhookEnv + " (a flag shows in ps)"},
	}
}

// canaryConfig is the canary options of `brine prober run` (the [prober] section's
// canary-* keys), read by loadProberRunConfig.
type canaryConfig struct {
	Interval time.Duration // 0: no canaries
	Deadline time.Duration // 0: Interval
	Spec     string        // the job spec file
	Module   string        // the wasm module file of a wasm spec
	Listen   []string
	Webhook  string // a secret: never in a message

	from optionSources
}

// Check reports the first canary option that is wrong. Without an interval, the other canary
// options are refused when a flag or the file gives them (they would do nothing); the
// environment is ambient ($BRINE_CANARY_WEBHOOK may be exported for every prober), so it is not.
func (cc *canaryConfig) Check() error {
	name := cc.from.name
	if cc.Interval == 0 {
		for _, k := range []string{"canary-deadline", "canary-spec", "canary-module", "canary-webhook", "canary-listen"} {
			if cc.from.given(k) && !cc.from.fromEnv(k) {
				return badInput("%s needs %s (how often a canary runs)", name(k), name("canary-interval"))
			}
		}
		return nil
	}
	switch {
	case cc.Interval < 10*time.Second:
		return badInput("%s %s: a canary must be accepted, run, wait out its challenge window and be finalized; give it at least 10s", name("canary-interval"), cc.Interval)
	case cc.Deadline < 0 || cc.Deadline > cc.Interval:
		return badInput("%s %s: at most %s %s, so each canary's outcome is known before the next starts", name("canary-deadline"), cc.Deadline, name("canary-interval"), cc.Interval)
	case cc.Spec == "":
		return badInput("%s needs --canary-spec FILE: the canary job (a tiny wasm or docker job; see docs/operations.md)", name("canary-interval"))
	}
	if cc.Webhook != "" {
		if u, err := url.Parse(cc.Webhook); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			// Not the URL itself: it is a secret.
			if cc.from.fromEnv("canary-webhook") {
				return badInput("%s is not an http(s) URL", name("canary-webhook"))
			}
			return badInput("%s (or $%s) is not an http(s) URL", name("canary-webhook"), canaryWebhookEnv)
		}
	}
	return nil
}

// canarySetup is what the canary options asked for, with the spec and module read.
type canarySetup struct {
	interval, deadline time.Duration
	spec               *jobspec.Spec
	module             []byte
	webhook            string
	listen             []string
}

// setup reads the spec and module files of a checked configuration; nil when canaries are off.
func (cc *canaryConfig) setup() (*canarySetup, error) {
	if cc.Interval == 0 {
		return nil, nil
	}
	cs := &canarySetup{interval: cc.Interval, deadline: cc.Deadline, webhook: cc.Webhook, listen: cc.Listen}
	var moduleCID string
	if cc.Module != "" {
		b, id, err := readFileCID(cc.Module)
		if err != nil {
			return nil, err
		}
		cs.module, moduleCID = b, id.String()
	}
	spec, _, err := readSpec(cc.Spec, moduleCID)
	if err != nil {
		return nil, err
	}
	if spec.Engine == jobspec.EngineWasm && cs.module == nil {
		return nil, badInput("%s %s is a wasm job: pass its module with --canary-module FILE", cc.from.name("canary-spec"), cc.Spec)
	}
	if spec.Replicas > 1 {
		return nil, badInput("%s %s: a canary is a single-replica job (replicas: 1)", cc.from.name("canary-spec"), cc.Spec)
	}
	cs.spec = spec
	return cs, nil
}

// startCanary starts the canaries as services of r, as the session's (unlocked) account, with
// a client host of their own (key and blobs in <prober dir>/canary).
func (s *session) startCanary(cs *canarySetup, st *onchain.Settlement, log *slog.Logger, r *lifecycle.Runner) error {
	if cs == nil {
		return nil
	}
	if err := s.openToken(); err != nil {
		return err
	}
	payment, _, err := cs.spec.Price.Amounts(s.token.Decimals)
	if err != nil {
		return badInput("--canary-spec: %v", err)
	}
	if err := s.requireTokens(payment, "a canary job's payment"); err != nil {
		return err
	}
	dir := filepath.Join(trees.ProberDir(s.cfg.DataDir, s.account), "canary")
	id, _, err := identity.LoadOrCreate(filepath.Join(dir, "identity.key"))
	if err != nil {
		return err
	}
	blobs, err := results.OpenStore(results.StoreConfig{Dir: filepath.Join(dir, "blobs"), MaxBytes: results.DefaultStoreBytes})
	if err != nil {
		return err
	}
	host, err := jobclient.NewHost(jobclient.HostConfig{Identity: id, ListenAddrs: cs.listen, Blobs: blobs, Logger: log.With("component", "canary/p2p")})
	if err != nil {
		return badInput("--canary-listen: %v", err)
	}
	if err := r.Start(s.ctx, quietStop{Service: host}); err != nil {
		return badInput("--canary-listen: %v", err)
	}
	runner, err := canary.NewJobRunner(canary.JobConfig{Client: st, Chain: s.client, Host: host, Spec: cs.spec, Module: cs.module,
		Decimals: s.token.Decimals, Logger: log})
	if err != nil {
		return badInput("--canary-spec: %v", err)
	}
	cfg := canary.Config{
		Runner:   runner,
		Interval: cs.interval,
		Deadline: cs.deadline,
		Webhook:  cs.webhook,
		Name:     fmt.Sprintf("chain %s, prober %s", s.chainID, s.account.Hex()),
		Logger:   log,
	}
	if s.metrics != nil {
		cfg.Metrics = metrics.NewCanary(s.metrics)
	}
	cn, err := canary.New(cfg)
	if err != nil {
		return badInput("%v", err)
	}
	if err := r.Start(s.ctx, quietStop{Service: cn}); err != nil {
		return err
	}
	deadline := cs.deadline
	if deadline == 0 {
		deadline = cs.interval
	}
	fmt.Fprintf(s.info, "Canary job %s every %s (deadline %s); webhook %s\n", runner.SpecHash().Hex(), cs.interval, deadline, onOff(cs.webhook != ""))
	return nil
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}
