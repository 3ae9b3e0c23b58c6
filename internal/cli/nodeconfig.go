package cli

import (
	"math/big"
	"net"
	"path"
	"strings"
	"time"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/units"
)

// nodeRunConfig is the configuration of `brine node run` after merging its flags,
// BRINE_NODE_* variables, the config file's [node] section and the flags' defaults
// (loadNodeRunConfig). Amounts stay text until the token's decimals are known.
type nodeRunConfig struct {
	Engines       []jobspec.Engine
	AllowImages   []string
	MinPayment    string // tokens; "": any
	MaxCollateral string // tokens; "": any
	MaxMemory     string // a size like 2GiB; "": any
	MaxDisk       string
	MaxTime       time.Duration
	StepDelay     time.Duration
	MaxJobs       int
	MaxReplicas   int
	AllowNetwork  bool
	NoPull        bool
	WasmCacheSize string
	Listen        []string
	Announce      []string

	WithdrawThreshold string // tokens; "": never
	Grace             time.Duration
	Metrics           daemonMetrics

	AutoClaim     bool
	Probers       []string
	ClaimInterval time.Duration
	ClaimFactor   string
	TokenPrice    string

	Dishonest string // tests and demos only: a flag, never in the file

	from optionSources
}

// loadNodeRunConfig reads the options of `brine node run`. It does not check them (Check).
func loadNodeRunConfig(cfg *Config) (*nodeRunConfig, error) {
	o := cfg.options("node")
	n := &nodeRunConfig{
		AllowImages:       o.Strings("allow-image"),
		MinPayment:        o.String("min-payment"),
		MaxCollateral:     o.String("max-collateral"),
		MaxMemory:         o.String("max-memory"),
		MaxDisk:           o.String("max-disk"),
		MaxTime:           o.Duration("max-time"),
		StepDelay:         o.Duration("step-delay"),
		MaxJobs:           o.Int("max-jobs"),
		MaxReplicas:       o.Int("max-replicas"),
		AllowNetwork:      o.Bool("allow-network"),
		NoPull:            o.Bool("no-pull"),
		WasmCacheSize:     o.String("wasm-cache-size"),
		Listen:            o.Strings("listen"),
		Announce:          o.Strings("announce"),
		WithdrawThreshold: o.String("withdraw-threshold"),
		Grace:             o.Duration("grace"),
		Metrics:           daemonMetrics{Addr: o.String("metrics-addr"), Pprof: o.Bool("pprof")},
		AutoClaim:         o.Bool("auto-claim"),
		Probers:           o.Strings("prober"),
		ClaimInterval:     o.Duration("claim-interval"),
		ClaimFactor:       o.String("claim-factor"),
		TokenPrice:        o.String("token-price"),
		Dishonest:         o.src.c.String("dishonest"),
		from:              o.from,
	}
	// --engines wasm,docker and engines = ["wasm", "docker"] alike.
	for _, e := range o.Strings("engines") {
		for _, name := range strings.Split(e, ",") {
			n.Engines = append(n.Engines, jobspec.Engine(strings.TrimSpace(name)))
		}
	}
	return n, o.err
}

// Check reports the first option that is wrong, naming it as it was given (flag, variable
// or config file key) and saying what would be right.
func (n *nodeRunConfig) Check() error {
	name := n.from.name
	if n.MaxReplicas < 1 || n.MaxReplicas > jobspec.MaxReplicas {
		return badInput("%s is %d; it must be 1 to %d", name("max-replicas"), n.MaxReplicas, jobspec.MaxReplicas)
	}
	if err := n.Metrics.check(n.from); err != nil {
		return err
	}
	if _, err := n.claimRule(); err != nil {
		return err
	}
	if len(n.Engines) == 0 {
		return badInput("%s: name at least one engine (wasm, docker)", name("engines"))
	}
	for _, e := range n.Engines {
		if e != jobspec.EngineWasm && e != jobspec.EngineDocker {
			return badInput("%s: unknown engine %q (wasm, docker)", name("engines"), e)
		}
	}
	for _, p := range n.AllowImages {
		if _, err := path.Match(p, ""); err != nil {
			return badInput("%s %q: not a path.Match pattern (e.g. 'alpine@sha256:*'): %v", name("allow-image"), p, err)
		}
	}
	for _, k := range []string{"min-payment", "max-collateral", "withdraw-threshold"} {
		if v := n.amountText(k); v != "" {
			// The token's decimals are not known yet: the syntax and the sign here, the
			// precision when the token is (session.parseAmount).
			_, frac, _ := strings.Cut(strings.TrimSpace(v), ".")
			if _, err := units.ParseAmount(v, uint8(min(len(frac), units.MaxDecimals))); err != nil {
				return badInput("%s: %v", name(k), err)
			}
		}
	}
	for k, v := range map[string]string{"max-memory": n.MaxMemory, "max-disk": n.MaxDisk} {
		if v != "" {
			if _, err := jobspec.ParseSize(v); err != nil {
				return badInput("%s: %v", name(k), err)
			}
		}
	}
	if _, err := jobspec.ParseSize(n.WasmCacheSize); err != nil {
		return badInput("%s: %v", name("wasm-cache-size"), err)
	}
	switch {
	case n.MaxJobs < 0:
		return badInput("%s is %d: at least 1 (0: the default, 4)", name("max-jobs"), n.MaxJobs)
	case n.MaxTime < 0:
		return badInput("%s %s: a longest time limit, 0 for any", name("max-time"), n.MaxTime)
	case n.Grace < 0:
		return badInput("%s %s: how long a stop lets running jobs finish, at least 0", name("grace"), n.Grace)
	}
	return nil
}

func (n *nodeRunConfig) amountText(key string) string {
	switch key {
	case "min-payment":
		return n.MinPayment
	case "max-collateral":
		return n.MaxCollateral
	}
	return n.WithdrawThreshold
}

// claimRule is the auto-claim rule the options ask for.
func (n *nodeRunConfig) claimRule() (claimRule, error) {
	name := n.from.name
	r := claimRule{on: n.AutoClaim, interval: n.ClaimInterval, probers: n.Probers}
	if !r.on {
		return r, nil
	}
	f, ok := new(big.Rat).SetString(strings.TrimSpace(n.ClaimFactor))
	if !ok || f.Sign() < 0 || strings.ContainsAny(n.ClaimFactor, "/eE") {
		return r, badInput("%s %q: want a decimal number, at least 0 (2: claim when the rewards are worth twice the fee)", name("claim-factor"), n.ClaimFactor)
	}
	r.factor = f
	price, err := units.ParseAmount(strings.TrimSpace(n.TokenPrice), 18)
	if err != nil {
		return r, badInput("%s %q: want what one reward token is worth in ETH, e.g. 0.001: %v", name("token-price"), n.TokenPrice, err)
	}
	r.weiPerToken = price
	if n.ClaimInterval < 0 {
		return r, badInput("%s must be positive", name("claim-interval"))
	}
	return r, nil
}

// policy is the node's policy but for the amounts (in base units of the token: the caller
// parses them) and the engines (those that opened). Check has passed.
func (n *nodeRunConfig) policy() node.Policy {
	p := node.Policy{
		MaxReplicas:   uint8(n.MaxReplicas),
		AllowedImages: n.AllowImages,
		MaxTime:       n.MaxTime,
		MaxJobs:       n.MaxJobs,
		AllowNetwork:  n.AllowNetwork,
	}
	if n.MaxMemory != "" {
		p.MaxMemoryBytes, _ = jobspec.ParseSize(n.MaxMemory)
	}
	if n.MaxDisk != "" {
		p.MaxDiskBytes, _ = jobspec.ParseSize(n.MaxDisk)
	}
	return p
}

// daemonMetrics is --metrics-addr and --pprof of the daemons (node run, prober run).
type daemonMetrics struct {
	Addr  string // HOST:PORT; "": no metrics
	Pprof bool
}

// check refuses an address that is not HOST:PORT, and pprof without an address.
func (m daemonMetrics) check(from optionSources) error {
	if m.Addr != "" {
		if _, _, err := net.SplitHostPort(m.Addr); err != nil {
			return badInput("%s %q: want HOST:PORT (e.g. 127.0.0.1:9464; port 0: any)", from.name("metrics-addr"), m.Addr)
		}
	}
	if m.Addr == "" && m.Pprof {
		return badInput("%s needs %s: the profiles are served on the metrics address", from.name("pprof"), from.name("metrics-addr"))
	}
	return nil
}

// optionalAmount parses an amount option in the token's base units; "" is nil (no bound).
func (s *session) optionalAmount(text, what string) (*big.Int, error) {
	if text == "" {
		return nil, nil
	}
	return s.parseAmount(text, what)
}
