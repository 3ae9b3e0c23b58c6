package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/p2p"
)

// loadOptions runs a one-command app with the command's flags and the global ones, and
// returns what load made of the command line args, the environment and the config file.
func loadOptions[T any](t *testing.T, flags []cli.Flag, args []string, load func(*Config) (T, error)) (T, error) {
	t.Helper()
	var got T
	var loadErr error
	app := &cli.App{
		Name:           "brine",
		Flags:          globalFlags(),
		Writer:         new(bytes.Buffer),
		ErrWriter:      new(bytes.Buffer),
		ExitErrHandler: func(*cli.Context, error) {},
		Commands: []*cli.Command{{
			Name:  "cmd",
			Flags: append(slices.Clone(flags), globalFlags()...),
			Action: func(c *cli.Context) error {
				cfg, err := loadConfig(c, os.Getenv)
				if err != nil {
					return err
				}
				got, loadErr = load(cfg)
				return nil
			},
		}},
	}
	if err := app.Run(append([]string{"brine", "cmd", "--keystore", t.TempDir()}, args...)); err != nil {
		return got, err
	}
	return got, loadErr
}

// writeConfigFile writes body to a config file named name in a temporary directory.
func writeConfigFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// Each command option comes from its flag if given, else BRINE_<SECTION>_<KEY> (or the
// variable it had before), else the config file's section, else the flag's default.
func TestCommandOptionPrecedence(t *testing.T) {
	node := func(t *testing.T, args []string) (any, error) {
		return loadOptions(t, nodeRunFlags(), args, loadNodeRunConfig)
	}
	prober := func(t *testing.T, args []string) (any, error) {
		return loadOptions(t, proberRunFlags(), args, loadProberRunConfig)
	}
	devnetOpts := func(t *testing.T, args []string) (any, error) {
		return loadOptions(t, devnetFlags(), args, loadDevnetConfig)
	}
	for _, c := range []struct {
		section, key string
		file         string // TOML value
		env          string
		envVar       string // default: BRINE_<SECTION>_<KEY>
		flag         []string
		load         func(*testing.T, []string) (any, error)
		get          func(any) any
		def, f, e, g any // default, from the file, from the environment, from the flag
	}{
		{section: "node", key: "min-payment", file: `"0.5"`, env: "0.7", flag: []string{"--min-payment", "0.9"}, load: node,
			get: func(x any) any { return x.(*nodeRunConfig).MinPayment }, def: "", f: "0.5", e: "0.7", g: "0.9"},
		{section: "node", key: "engines", file: `["wasm", "docker"]`, env: "docker", flag: []string{"--engines", "wasm"}, load: node,
			get: func(x any) any { return strings.Trim(strings.Join(engineList(x.(*nodeRunConfig)), ","), ",") }, def: "wasm", f: "wasm,docker", e: "docker", g: "wasm"},
		{section: "node", key: "max-jobs", file: `7`, env: "8", flag: []string{"--max-jobs", "9"}, load: node,
			get: func(x any) any { return x.(*nodeRunConfig).MaxJobs }, def: 4, f: 7, e: 8, g: 9},
		{section: "node", key: "auto-claim", file: `false`, env: "true", flag: []string{"--auto-claim=false"}, load: node,
			get: func(x any) any { return x.(*nodeRunConfig).AutoClaim }, def: true, f: false, e: true, g: false},
		{section: "node", key: "step-delay", file: `"5s"`, env: "6s", flag: []string{"--step-delay", "7s"}, load: node,
			get: func(x any) any { return x.(*nodeRunConfig).StepDelay }, def: 3 * time.Second, f: 5 * time.Second, e: 6 * time.Second, g: 7 * time.Second},
		{section: "node", key: "prober", file: `["http://127.0.0.1:1"]`, env: "http://127.0.0.1:2", envVar: "BRINE_PROBER", flag: []string{"--prober", "http://127.0.0.1:3"}, load: node,
			get: func(x any) any { return strings.Join(x.(*nodeRunConfig).Probers, ",") }, def: "", f: "http://127.0.0.1:1", e: "http://127.0.0.1:2", g: "http://127.0.0.1:3"},
		{section: "prober", key: "listen", file: `["/ip4/0.0.0.0/tcp/4002"]`, env: "/ip4/0.0.0.0/tcp/4003", flag: []string{"--listen", "/ip4/0.0.0.0/tcp/4004"}, load: prober,
			get: func(x any) any { return strings.Join(x.(*proberRunConfig).Listen, ",") }, def: strings.Join(p2p.DefaultListenAddrs, ","), f: "/ip4/0.0.0.0/tcp/4002", e: "/ip4/0.0.0.0/tcp/4003", g: "/ip4/0.0.0.0/tcp/4004"},
		{section: "prober", key: "min-uptime-bps", file: `5000`, env: "6000", flag: []string{"--min-uptime-bps", "7000"}, load: prober,
			get: func(x any) any { return x.(*proberRunConfig).MinUptimeBps }, def: uint64(0), f: uint64(5000), e: uint64(6000), g: uint64(7000)},
		{section: "prober", key: "canary-webhook", file: `"https://a.example/x"`, env: "https://b.example/x", envVar: canaryWebhookEnv, flag: []string{"--canary-webhook", "https://c.example/x"}, load: prober,
			get: func(x any) any { return x.(*proberRunConfig).Canary.Webhook }, def: "", f: "https://a.example/x", e: "https://b.example/x", g: "https://c.example/x"},
		{section: "devnet", key: "period", file: `"2s"`, env: "3s", flag: []string{"--period", "4s"}, load: devnetOpts,
			get: func(x any) any { return x.(*devnetConfig).Period }, def: devnet.DefaultBlockPeriod, f: 2 * time.Second, e: 3 * time.Second, g: 4 * time.Second},
	} {
		t.Run(c.section+"."+c.key, func(t *testing.T) {
			cfgFile := writeConfigFile(t, "brine.toml", "["+c.section+"]\n"+c.key+" = "+c.file+"\n")
			empty := writeConfigFile(t, "brine.toml", "")
			envVar := c.envVar
			if envVar == "" {
				envVar = envName(c.section + "-" + c.key)
			}
			for _, step := range []struct {
				name string
				file string
				env  bool
				flag bool
				want any
			}{
				{"default", empty, false, false, c.def},
				{"file", cfgFile, false, false, c.f},
				{"env over file", cfgFile, true, false, c.e},
				{"flag over env", cfgFile, true, true, c.g},
			} {
				if step.env {
					t.Setenv(envVar, c.env)
				}
				args := []string{"--config", step.file}
				if step.flag {
					args = append(args, c.flag...)
				}
				got, err := c.load(t, args)
				if err != nil {
					t.Fatalf("%s: %v", step.name, err)
				}
				if g := c.get(got); g != step.want {
					t.Errorf("%s: %v (%T), want %v (%T)", step.name, g, g, step.want, step.want)
				}
			}
		})
	}
}

func engineList(n *nodeRunConfig) []string {
	var out []string
	for _, e := range n.Engines {
		out = append(out, string(e))
	}
	return out
}

// YAML and JSON files have the same shape as TOML: the command's options in an object named
// after it.
func TestCommandOptionFileFormats(t *testing.T) {
	for name, body := range map[string]string{
		"brine.toml": "[node]\nmin-payment = \"0.5\"\nengines = [\"wasm\", \"docker\"]\nmax-memory = \"2GiB\"\n",
		"brine.yaml": "node:\n  min-payment: \"0.5\"\n  engines: [wasm, docker]\n  max-memory: 2GiB\n",
		"brine.json": `{"node": {"min-payment": "0.5", "engines": ["wasm", "docker"], "max-memory": "2GiB"}}`,
	} {
		t.Run(name, func(t *testing.T) {
			n, err := loadOptions(t, nodeRunFlags(), []string{"--config", writeConfigFile(t, name, body)}, loadNodeRunConfig)
			if err != nil {
				t.Fatal(err)
			}
			if err := n.Check(); err != nil {
				t.Fatal(err)
			}
			if n.MinPayment != "0.5" || strings.Join(engineList(n), ",") != "wasm,docker" || n.policy().MaxMemoryBytes != 2<<30 {
				t.Errorf("read %+v", n)
			}
		})
	}
}

// Every option of a section is read by its command's loader: an option added as a flag but
// not read would be accepted in the file and silently ignored.
func TestEverySectionKeyIsRead(t *testing.T) {
	loads := map[string]func(*testing.T) optionSources{
		"node": func(t *testing.T) optionSources {
			n, _ := loadOptions(t, nodeRunFlags(), nil, loadNodeRunConfig)
			return n.from
		},
		"prober": func(t *testing.T) optionSources {
			p, _ := loadOptions(t, proberRunFlags(), nil, loadProberRunConfig)
			return p.from
		},
		"devnet": func(t *testing.T) optionSources {
			d, _ := loadOptions(t, devnetFlags(), nil, loadDevnetConfig)
			return d.from
		},
	}
	for sec, keys := range commandSections() {
		load, ok := loads[sec]
		if !ok {
			t.Errorf("section [%s] has no loader in this test", sec)
			continue
		}
		for _, k := range keys {
			t.Setenv(envName(sec+"-"+k), "1")
		}
		from := load(t)
		for _, k := range keys {
			if !from.given(k) {
				t.Errorf("[%s] %s: the loader does not read it", sec, k)
			}
		}
	}
}

// A bad value or an unknown key in a command's section is bad input naming the file's key
// and the fix, before anything is opened; so is a command option at the top level.
func TestCommandOptionFileErrors(t *testing.T) {
	for _, c := range []struct {
		cmd  []string
		body string
		want []string
	}{
		{[]string{"node", "run"}, "[node]\nmax-replicas = 12\n", []string{"node.max-replicas (config file ", "must be 1 to 9"}},
		{[]string{"node", "run"}, "[node]\nmax-jobs = \"four\"\n", []string{"node.max-jobs (config file ", "not a non-negative integer"}},
		{[]string{"node", "run"}, "[node]\nmin-payment = 0.5\n", []string{"node.min-payment (config file ", `write it in quotes, like "0.5"`}},
		{[]string{"node", "run"}, "[node]\nmin-payment = \"lots\"\n", []string{"node.min-payment (config file "}},
		{[]string{"node", "run"}, "[node]\nengines = [\"wasm\", \"jvm\"]\n", []string{"node.engines (config file ", `unknown engine "jvm" (wasm, docker)`}},
		{[]string{"node", "run"}, "[node]\nmax-memory = \"2 lots\"\n", []string{"node.max-memory (config file ", "not a size"}},
		{[]string{"node", "run"}, "[node]\npprof = true\n", []string{"node.pprof (config file ", "needs --metrics-addr"}},
		{[]string{"node", "run"}, "[node]\nclaim-factor = \"1/2\"\n", []string{"node.claim-factor (config file ", "want a decimal number"}},
		{[]string{"node", "run"}, "[node]\nmin-paymnet = \"1\"\n", []string{`unknown key "min-paymnet" in [node]`, "min-payment"}},
		{[]string{"node", "run"}, "[node]\ndishonest = \"wrong-result\"\n", []string{`unknown key "dishonest" in [node]`}},
		{[]string{"node", "run"}, "min-payment = \"1\"\n", []string{`unknown key "min-payment" at the top level`, "[node] section"}},
		{[]string{"node", "run"}, "listen = [\"/ip4/0.0.0.0/tcp/4001\"]\n", []string{"the [node] section ('brine node run') or the [prober] section ('brine prober run')"}},
		{[]string{"wallet", "list"}, "[node]\nmin-paymnet = \"1\"\n", []string{`unknown key "min-paymnet" in [node]`}},
		{[]string{"prober", "run"}, "[prober]\ninterval = \"1ms\"\n", []string{"prober.interval (config file ", "at most once a second"}},
		{[]string{"prober", "run"}, "[prober]\nhttp = \"nowhere\"\n", []string{"prober.http (config file ", "want HOST:PORT"}},
		{[]string{"prober", "run"}, "[prober]\ncanary-spec = \"canary.yaml\"\n", []string{"prober.canary-spec (config file ", "needs --canary-interval"}},
		{[]string{"prober", "run"}, "[prober]\ncanary-interval = \"1m\"\ncanary-webhook = \"hooks.example/TopSecret\"\ncanary-spec = \"x.yaml\"\n", []string{"prober.canary-webhook (config file ", "not an http(s) URL"}},
		{[]string{"prober", "run"}, "[prober]\nlisten = 4002\n", []string{"prober.listen (config file ", "not a list of texts"}},
		{[]string{"prober", "run"}, "[prober]\nprobe-timout = \"1s\"\n", []string{`unknown key "probe-timout" in [prober]`}},
		{[]string{"devnet"}, "[devnet]\nperiod = \"1500ms\"\n", []string{"devnet.period (config file ", "whole seconds"}},
		{[]string{"devnet"}, "[devnet]\nepoch-length = \"20s\"\n", []string{`unknown key "epoch-length" in [devnet]`}},
	} {
		t.Run(c.body, func(t *testing.T) {
			cfgFile := writeConfigFile(t, "brine.toml", c.body)
			var out, errb bytes.Buffer
			err := run(context.Background(), append([]string{"brine", "--config", cfgFile, "--keystore", t.TempDir(), "--datadir", t.TempDir()}, c.cmd...),
				IO{Stdout: &out, Stderr: &errb, Getenv: os.Getenv})
			var ee *exitError
			if !errors.As(err, &ee) || ee.code != ExitBadInput {
				t.Fatalf("error %v, want bad input", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "TopSecret") {
				t.Errorf("the webhook URL was echoed: %v", err)
			}
		})
	}
}

// A bad value from the environment names the variable.
func TestCommandOptionEnvError(t *testing.T) {
	t.Setenv("BRINE_NODE_MAX_REPLICAS", "0")
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"brine", "--keystore", t.TempDir(), "node", "run"}, IO{Stdout: &out, Stderr: &errb, Getenv: os.Getenv})
	if !isBadInput(err) || !strings.Contains(err.Error(), "$BRINE_NODE_MAX_REPLICAS is 0") {
		t.Fatalf("error %v, want bad input naming $BRINE_NODE_MAX_REPLICAS", err)
	}
}

// The config file of docs/operations.md passes the checks of the commands it configures.
func TestOperationsDocConfigExample(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "operations.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(doc), "```toml\n")
	block, _, _ = strings.Cut(block, "```")
	if !ok || !strings.Contains(block, "[node]") {
		t.Fatal("docs/operations.md has no TOML config example with a [node] section")
	}
	var lines []string
	for _, l := range strings.Split(block, "\n") {
		if !strings.HasPrefix(l, "account ") { // a placeholder address
			lines = append(lines, l)
		}
	}
	cfgFile := writeConfigFile(t, "brine.toml", strings.Join(lines, "\n"))
	n, err := loadOptions(t, nodeRunFlags(), []string{"--config", cfgFile}, loadNodeRunConfig)
	if err == nil {
		err = n.Check()
	}
	if err != nil {
		t.Errorf("[node]: %v", err)
	}
	p, err := loadOptions(t, proberRunFlags(), []string{"--config", cfgFile}, loadProberRunConfig)
	if err == nil {
		err = p.Check()
	}
	if err != nil {
		t.Errorf("[prober]: %v", err)
	}
	d, err := loadOptions(t, devnetFlags(), []string{"--config", cfgFile}, loadDevnetConfig)
	if err == nil {
		err = d.Check()
	}
	if err != nil {
		t.Errorf("[devnet]: %v", err)
	}
}
