package cli

import (
	"net"
	"time"
)

// proberRunConfig is the configuration of `brine prober run` after merging its flags,
// BRINE_PROBER_* variables, the config file's [prober] section and the flags' defaults
// (loadProberRunConfig).
type proberRunConfig struct {
	Interval     time.Duration
	Jitter       time.Duration
	ProbeTimeout time.Duration
	MinUptimeBps uint64
	HTTP         string // HOST:PORT, or "off"
	Listen       []string
	Metrics      daemonMetrics
	Canary       canaryConfig

	from optionSources
}

// loadProberRunConfig reads the options of `brine prober run`. It does not check them (Check).
func loadProberRunConfig(cfg *Config) (*proberRunConfig, error) {
	o := cfg.options("prober")
	p := &proberRunConfig{
		Interval:     o.Duration("interval"),
		Jitter:       o.Duration("jitter"),
		ProbeTimeout: o.Duration("probe-timeout"),
		MinUptimeBps: o.Uint("min-uptime-bps"),
		HTTP:         o.String("http"),
		Listen:       o.Strings("listen"),
		Metrics:      daemonMetrics{Addr: o.String("metrics-addr"), Pprof: o.Bool("pprof")},
		Canary: canaryConfig{
			Interval: o.Duration("canary-interval"),
			Deadline: o.Duration("canary-deadline"),
			Spec:     o.String("canary-spec"),
			Module:   o.String("canary-module"),
			Listen:   o.Strings("canary-listen"),
			Webhook:  o.String("canary-webhook"),
			from:     o.from,
		},
		from: o.from,
	}
	return p, o.err
}

// Check reports the first option that is wrong, naming it as it was given (flag, variable
// or config file key) and saying what would be right.
func (p *proberRunConfig) Check() error {
	name := p.from.name
	switch {
	case p.Interval < time.Second:
		return badInput("%s %v: probe at most once a second", name("interval"), p.Interval)
	case p.Jitter < 0 || p.ProbeTimeout <= 0:
		return badInput("%s and %s must be positive", name("jitter"), name("probe-timeout"))
	case p.MinUptimeBps > 10000:
		return badInput("%s %d: at most 10000 (100%%)", name("min-uptime-bps"), p.MinUptimeBps)
	}
	if p.HTTP != "off" {
		if _, _, err := net.SplitHostPort(p.HTTP); err != nil {
			return badInput("%s %q: want HOST:PORT (port 0: any), or off", name("http"), p.HTTP)
		}
	}
	if err := p.Metrics.check(p.from); err != nil {
		return err
	}
	return p.Canary.Check()
}

// httpAddr is where the trees are served; "" for none.
func (p *proberRunConfig) httpAddr() string {
	if p.HTTP == "off" {
		return ""
	}
	return p.HTTP
}
