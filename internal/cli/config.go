package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/viper"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/internal/process"
)

// Config is the CLI's configuration after merging, highest first: flags, BRINE_*
// environment variables, the config file (--config, TOML, YAML or JSON), defaults. The
// long-running commands' own options have typed configs of their own (nodeRunConfig,
// proberRunConfig, devnetConfig), read the same way from the file's section named after the
// command (Config.options).
type Config struct {
	DataDir    string
	DataDirSet bool // given by flag, environment or file (not the default): `brine devnet` keeps its chain there

	RPC       string
	RPCSource string      // where RPC came from, for error messages
	Devnet    *devnetInfo // the devnet file RPC came from, if it did
	// DevnetStarting is the data directory's devnet file while that devnet is still starting:
	// the endpoint is not known yet (Config.awaitDevnet waits for it).
	DevnetStarting *devnetInfo

	Deployment   string
	Keystore     string
	Account      common.Address // zero: the default account (session.defaultAccount)
	PasswordFile string
	JSON         bool

	Confirmations uint64
	// Finality is when a transaction or an event counts on this chain: depth:N (N =
	// Confirmations), or the node's "safe" or "finalized" block (Lotus: F3, else 200 and 900
	// epochs deep).
	Finality     finality.Rule
	PollInterval time.Duration
	LogLevel     string

	// src is where the settings came from; the commands with options of their own read
	// theirs from it too (Config.options).
	src *configSource
}

// configSource is what loadConfig merged: the command line, the one viper instance that
// holds the BRINE_* variables and the config file, and the file's path ("" without one).
type configSource struct {
	c      *cli.Context
	v      *viper.Viper
	getenv func(string) string
	file   string
}

// Configuration keys: flag names, config file keys and, upper-cased with _ for -, the
// BRINE_* environment variables.
const (
	keyConfig        = "config"
	keyDataDir       = "datadir"
	keyRPC           = "rpc"
	keyDeployment    = "deployment"
	keyKeystore      = "keystore"
	keyAccount       = "account"
	keyPasswordFile  = "password-file"
	keyJSON          = "json"
	keyConfirmations = "confirmations"
	keyFinality      = "finality"
	keyPollInterval  = "poll-interval"
	keyLogLevel      = "log-level"
)

// DefaultRPC is the RPC endpoint when neither a flag, BRINE_RPC, the config file nor a
// running `brine devnet` in the data directory says otherwise: a local node's usual port.
const DefaultRPC = "http://127.0.0.1:8545"

// devnetFile is written by `brine devnet` into its data directory while it runs, so that
// other commands given the same --datadir find its RPC endpoint without --rpc.
const devnetFile = "devnet.json"

type devnetInfo struct {
	HTTP string `json:"http"`
	WS   string `json:"ws"`
	PID  int    `json:"pid"`
	// Starting: the devnet PID is starting (its RPC may answer before it is ready, and before
	// its endpoint is known); commands wait for the file to name the endpoint.
	Starting bool `json:"starting,omitempty"`
}

var stringKeys = []string{keyDataDir, keyRPC, keyDeployment, keyKeystore, keyAccount, keyPasswordFile, keyLogLevel, keyPollInterval, keyFinality}

// globalFlags are accepted by the app and by every command, so they may come before or after
// the command name ("brine --json audit jobs" and "brine audit jobs --json").
func globalFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: keyConfig, Usage: "config `FILE` (TOML, YAML or JSON) with any of the global options, and the options of node run, prober run and devnet in sections [node], [prober], [devnet] [$BRINE_CONFIG]"},
		&cli.StringFlag{Name: keyDataDir, Usage: "data `DIR`: keystore, deployment file, transaction journals, node identity (default ~/.brine) [$BRINE_DATADIR]"},
		&cli.StringFlag{Name: keyRPC, Usage: "JSON-RPC `URL` of the chain (default: the devnet running in --datadir, else " + DefaultRPC + ") [$BRINE_RPC]"},
		&cli.StringFlag{Name: keyDeployment, Usage: "deployment `FILE` (default <datadir>/deployment.json) [$BRINE_DEPLOYMENT]"},
		&cli.StringFlag{Name: keyKeystore, Usage: "keystore `DIR` (default <datadir>/keystore) [$BRINE_KEYSTORE]"},
		&cli.StringFlag{Name: keyAccount, Usage: "account `ADDR` to act as (default: the keystore's only account, or a devnet's first dev account) [$BRINE_ACCOUNT]"},
		&cli.StringFlag{Name: keyPasswordFile, Usage: "read the account password from `FILE`; an empty file is an empty password, as geth --dev's account has (else $BRINE_PASSWORD, else a prompt) [$BRINE_PASSWORD_FILE]"},
		&cli.BoolFlag{Name: keyJSON, Usage: "print data as JSON on stdout [$BRINE_JSON]"},
		&cli.Uint64Flag{Name: keyConfirmations, Usage: "blocks a transaction must be deep before it counts (default 1) [$BRINE_CONFIRMATIONS]"},
		&cli.StringFlag{Name: keyFinality, Usage: "`RULE` for when a transaction or event counts on this chain: depth:N (N blocks deep, as --confirmations), safe or finalized (the node's safe or finalized block; on Filecoin F3's, else 200 or 900 epochs deep) (default depth:<confirmations>) [$BRINE_FINALITY]"},
		&cli.DurationFlag{Name: keyPollInterval, Hidden: true, Usage: "how often to check for receipts (default 500ms) [$BRINE_POLL_INTERVAL]"},
		&cli.StringFlag{Name: keyLogLevel, Usage: "log `LEVEL` on stderr: debug, info, warn, error (default warn) [$BRINE_LOG_LEVEL]"},
	}
}

// flagValue finds the innermost context in which the flag was given.
func flagValue(c *cli.Context, name string) (*cli.Context, bool) {
	for _, cc := range c.Lineage() {
		if cc == nil {
			continue
		}
		if slices.Contains(cc.LocalFlagNames(), name) {
			return cc, true
		}
	}
	return nil, false
}

// envName is the environment variable of a configuration key.
func envName(key string) string {
	return "BRINE_" + strings.ToUpper(strings.ReplaceAll(key, "-", "_"))
}

// loadConfig merges flags, BRINE_* environment variables, the config file and defaults
// through one viper instance (viper.New, never the global one), in viper's order: a flag
// given on the command line, then the environment, then the file; then the defaults here.
// It checks the result.
func loadConfig(c *cli.Context, getenv func(string) string) (*Config, error) {
	v := viper.New()
	keys := append(slices.Clone(stringKeys), keyJSON, keyConfirmations)
	for _, k := range keys {
		if err := v.BindEnv(k, envName(k)); err != nil {
			return nil, err
		}
	}
	sections := commandSections()
	for sec, known := range sections {
		for _, k := range known {
			if err := v.BindEnv(append([]string{sec + "." + k}, sectionEnvNames(sec, k)...)...); err != nil {
				return nil, err
			}
		}
	}
	for _, k := range keys {
		if cc, ok := flagValue(c, k); ok {
			v.Set(k, cc.Value(k))
		}
	}
	source := func(k string) string {
		if _, ok := flagValue(c, k); ok {
			return "--" + k
		}
		if getenv(envName(k)) != "" {
			return "$" + envName(k)
		}
		return "config file " + v.ConfigFileUsed()
	}

	path := getenv(envName(keyConfig))
	if cc, ok := flagValue(c, keyConfig); ok {
		path = cc.String(keyConfig)
	}
	if path != "" {
		path = expandHome(path)
		switch strings.ToLower(filepath.Ext(path)) {
		case ".toml", ".yaml", ".yml", ".json":
		default:
			return nil, badInput("config file %s: unknown format %q: name it .toml, .yaml or .json", path, filepath.Ext(path))
		}
		// A separate instance reads the file alone, to refuse keys we do not know (a typo
		// would otherwise be silently ignored) and any password.
		file := viper.New()
		file.SetConfigFile(path)
		if err := file.ReadInConfig(); err != nil {
			return nil, badInput("config file %s: %v", path, err)
		}
		for _, k := range file.AllKeys() {
			if strings.Contains(k, "password") && k != keyPasswordFile {
				return nil, badInput("config file %s: %q: passwords are never read from a config file; use password-file or $%s", path, k, envName("password"))
			}
			if err := checkFileKey(path, k, keys, sections); err != nil {
				return nil, err
			}
		}
		v.SetConfigFile(path)
		if err := v.ReadInConfig(); err != nil {
			return nil, badInput("config file %s: %v", path, err)
		}
	}
	str := func(k string) (string, bool) {
		if !v.IsSet(k) {
			return "", false
		}
		s := v.GetString(k)
		return s, s != ""
	}

	cfg := &Config{Confirmations: 1, PollInterval: 500 * time.Millisecond, LogLevel: "warn",
		src: &configSource{c: c, v: v, getenv: getenv, file: v.ConfigFileUsed()}}
	if dir, ok := str(keyDataDir); ok {
		cfg.DataDir, cfg.DataDirSet = expandHome(dir), true
	} else {
		home, err := os.UserHomeDir()
		if err != nil {
			return nil, badInput("no home directory for the default data directory: pass --datadir DIR")
		}
		cfg.DataDir = filepath.Join(home, ".brine")
	}
	cfg.Deployment = filepath.Join(cfg.DataDir, "deployment.json")
	if s, ok := str(keyDeployment); ok {
		cfg.Deployment = expandHome(s)
	}
	cfg.Keystore = filepath.Join(cfg.DataDir, "keystore")
	if s, ok := str(keyKeystore); ok {
		cfg.Keystore = expandHome(s)
	}
	switch s, ok := str(keyRPC); {
	case ok:
		cfg.RPC, cfg.RPCSource = s, source(keyRPC)
	default:
		if info, ok := readDevnetInfo(cfg.DataDir); ok && info.Starting {
			cfg.RPC, cfg.RPCSource, cfg.DevnetStarting = DefaultRPC, "the default", &info
		} else if ok {
			cfg.useDevnet(info)
		} else {
			cfg.RPC, cfg.RPCSource = DefaultRPC, "the default"
		}
	}
	if s, ok := str(keyAccount); ok {
		a, err := parseAddress(s, source(keyAccount))
		if err != nil {
			return nil, err
		}
		cfg.Account = a
	}
	if s, ok := str(keyPasswordFile); ok {
		cfg.PasswordFile = expandHome(s)
	}
	if v.IsSet(keyJSON) {
		b, err := asBool(v.Get(keyJSON))
		if err != nil {
			return nil, badInput("%s: json: %v", source(keyJSON), err)
		}
		cfg.JSON = b
	}
	if v.IsSet(keyConfirmations) {
		n, err := asUint(v.Get(keyConfirmations))
		if err != nil {
			return nil, badInput("%s: confirmations: %v", source(keyConfirmations), err)
		}
		cfg.Confirmations = n
	}
	cfg.Finality = finality.Depth(cfg.Confirmations)
	if s, ok := str(keyFinality); ok {
		r, err := finality.Parse(s)
		if err != nil {
			return nil, badInput("%s: %v", source(keyFinality), err)
		}
		if r.IsDepth() && v.IsSet(keyConfirmations) && r.Depth != cfg.Confirmations {
			return nil, badInput("%s says %s but %s says %d confirmations: give one of them", source(keyFinality), r, source(keyConfirmations), cfg.Confirmations)
		}
		if r.IsDepth() {
			cfg.Confirmations = r.Depth
		}
		cfg.Finality = r
	}
	if v.IsSet(keyPollInterval) {
		d, err := asDuration(v.Get(keyPollInterval))
		if err != nil {
			return nil, badInput("%s: poll-interval: %v", source(keyPollInterval), err)
		}
		cfg.PollInterval = d
	}
	if s, ok := str(keyLogLevel); ok {
		cfg.LogLevel = s
	}
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// checkFileKey refuses a config file key that no command reads: a typo would otherwise be
// silently ignored. Top-level keys are the global options; a command's options live in its
// section ([node], [prober], [devnet]), whose keys are the command's flag names.
func checkFileKey(path, k string, global []string, sections map[string][]string) error {
	if slices.Contains(global, k) {
		return nil
	}
	if sec, key, nested := strings.Cut(k, "."); nested {
		if known, ok := sections[sec]; ok {
			if slices.Contains(known, key) {
				return nil
			}
			return badInput("config file %s: unknown key %q in [%s] (known keys there: %s)", path, key, sec, strings.Join(known, ", "))
		}
	}
	var where []string
	for _, sec := range slices.Sorted(maps.Keys(sections)) {
		if slices.Contains(sections[sec], k) {
			where = append(where, fmt.Sprintf("the [%s] section ('brine %s')", sec, commandOfSection[sec]))
		}
	}
	if len(where) > 0 {
		return badInput("config file %s: unknown key %q at the top level: it is a command's option; put it in %s", path, k, strings.Join(where, " or "))
	}
	return badInput("config file %s: unknown key %q (known keys: %s; and the sections %s)", path, k, strings.Join(global, ", "), strings.Join(slices.Sorted(maps.Keys(sections)), ", "))
}

func asDuration(v any) (time.Duration, error) {
	if d, ok := v.(time.Duration); ok {
		return d, nil
	}
	d, err := time.ParseDuration(fmt.Sprint(v))
	if err != nil {
		return 0, fmt.Errorf("%v is not a duration like 500ms or 2s", v)
	}
	return d, nil
}

// Check reports the first problem with the configuration.
func (c *Config) Check() error {
	switch {
	case c.DataDir == "":
		return badInput("no data directory: pass --datadir DIR")
	case c.Confirmations == 0 || c.Confirmations > 1000:
		return badInput("confirmations must be 1 to 1000, not %d", c.Confirmations)
	case !c.Finality.IsZero() && c.Finality.Check() != nil:
		return badInput("%v", c.Finality.Check())
	case c.PollInterval < 10*time.Millisecond || c.PollInterval > time.Minute:
		return badInput("poll interval must be between 10ms and 1m, not %s", c.PollInterval)
	}
	if _, err := parseLevel(c.LogLevel); err != nil {
		return badInput("%v", err)
	}
	u, err := url.Parse(c.RPC)
	if err != nil || u.Host == "" || !slices.Contains([]string{"http", "https", "ws", "wss"}, u.Scheme) {
		return badInput("RPC endpoint %q (from %s) is not an http(s):// or ws(s):// URL", c.RPC, c.RPCSource)
	}
	return nil
}

func readDevnetInfo(dataDir string) (devnetInfo, bool) {
	raw, err := os.ReadFile(filepath.Join(dataDir, devnetFile))
	if err != nil || len(raw) > 4096 {
		return devnetInfo{}, false
	}
	var info devnetInfo
	if json.Unmarshal(raw, &info) != nil || info.HTTP == "" && !info.Starting {
		return devnetInfo{}, false
	}
	return info, true
}

// useDevnet takes the RPC endpoint from a running devnet's file.
func (c *Config) useDevnet(info devnetInfo) {
	c.RPC, c.RPCSource, c.Devnet = info.HTTP, "the devnet file "+filepath.Join(c.DataDir, devnetFile), &info
}

// devnetStartWait bounds how long a command waits for a starting devnet in its data directory.
const devnetStartWait = 3 * time.Minute

// awaitDevnet waits, when the data directory's devnet is starting, until its file names its
// RPC endpoint: a command run in the instant after `brine devnet` (re)starts would otherwise
// take the default endpoint, or reach a chain whose contracts are not deployed yet. It says so
// on w while it waits. A starting devnet whose process is gone is ignored (the default stays).
func (c *Config) awaitDevnet(ctx context.Context, w io.Writer, limit time.Duration) error {
	starting := c.DevnetStarting
	if starting == nil {
		return nil
	}
	told := false
	deadline := time.Now().Add(limit)
	for {
		info, ok := readDevnetInfo(c.DataDir)
		switch {
		case ok && !info.Starting:
			c.DevnetStarting = nil
			c.useDevnet(info)
			return nil
		case !ok || info.PID <= 0:
			c.DevnetStarting = nil
			return nil
		}
		if alive, known := process.Alive(info.PID); known && !alive {
			c.DevnetStarting = nil
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the devnet (process %d) in %s has been starting for over %s: wait for it, or pass --rpc URL", info.PID, c.DataDir, limit)
		}
		if !told {
			fmt.Fprintf(w, "Waiting for the devnet (process %d) in %s to start\n", info.PID, c.DataDir)
			told = true
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
	return p
}

func asBool(v any) (bool, error) {
	switch x := v.(type) {
	case bool:
		return x, nil
	case string:
		switch strings.ToLower(x) {
		case "1", "true", "yes", "on":
			return true, nil
		case "0", "false", "no", "off", "":
			return false, nil
		}
	}
	return false, fmt.Errorf("%v is not true or false", v)
}

func asUint(v any) (uint64, error) {
	switch x := v.(type) {
	case uint64:
		return x, nil
	case int:
		if x >= 0 {
			return uint64(x), nil
		}
	case int64:
		if x >= 0 {
			return uint64(x), nil
		}
	case float64:
		if x >= 0 && x == float64(uint64(x)) {
			return uint64(x), nil
		}
	case string:
		var n uint64
		if _, err := fmt.Sscan(x, &n); err == nil && fmt.Sprint(n) == strings.TrimSpace(x) {
			return n, nil
		}
	}
	return 0, fmt.Errorf("%v is not a non-negative integer", v)
}

// commandOfSection names the command each config file section configures.
var commandOfSection = map[string]string{"node": "node run", "prober": "prober run", "devnet": "devnet"}

// commandSections are the config file's sections, one per long-running command, with their
// keys: the command's flag names, hidden (test-only) flags left out.
func commandSections() map[string][]string {
	return map[string][]string{
		"node":   optionKeys(nodeRunFlags()),
		"prober": optionKeys(proberRunFlags()),
		"devnet": optionKeys(devnetFlags()),
	}
}

func optionKeys(flags []cli.Flag) []string {
	var out []string
	for _, f := range flags {
		if vf, ok := f.(cli.VisibleFlag); ok && !vf.IsVisible() {
			continue
		}
		out = append(out, f.Names()[0])
	}
	return out
}

// sectionEnvNames are the environment variables of a command's option, first wins:
// BRINE_<SECTION>_<KEY> (BRINE_NODE_MIN_PAYMENT; a flat BRINE_LISTEN would set both the
// node's and the prober's), then the name the option had before it had a section.
func sectionEnvNames(section, key string) []string {
	names := []string{envName(section + "-" + key)}
	switch section + "." + key {
	case "node.prober":
		names = append(names, "BRINE_PROBER")
	case "prober.canary-webhook":
		names = append(names, canaryWebhookEnv)
	}
	return names
}

// optionSources says where each of a command's options came from, for error messages:
// "--min-payment", "$BRINE_NODE_MIN_PAYMENT" or "node.min-payment (config file F)".
type optionSources map[string]string

// name is how an error message names the option key.
func (o optionSources) name(key string) string {
	if s, ok := o[key]; ok {
		return s
	}
	return "--" + key
}

// given reports whether the option was given (by flag, environment or file), not defaulted.
func (o optionSources) given(key string) bool {
	_, ok := o[key]
	return ok
}

// fromEnv reports whether the option came from an environment variable.
func (o optionSources) fromEnv(key string) bool {
	return strings.HasPrefix(o[key], "$")
}

// commandOptions reads the options of one command, section of the config file, through the
// global configuration's viper instance: for each key the command's flag if given, else the
// environment (sectionEnvNames), else the key in the file's [section], else the flag's
// default. Err is the first value it could not read.
type commandOptions struct {
	src     *configSource
	section string
	from    optionSources
	err     error
}

// options reads the options of the command whose config file section is section.
func (c *Config) options(section string) *commandOptions {
	return &commandOptions{src: c.src, section: section, from: optionSources{}}
}

// raw is the key's value from the environment or the file, when no flag gives it.
func (o *commandOptions) raw(key string) (any, bool) {
	if _, ok := flagValue(o.src.c, key); ok {
		o.from[key] = "--" + key
		return nil, false
	}
	full := o.section + "." + key
	if !o.src.v.IsSet(full) {
		return nil, false // the flag's default
	}
	o.from[key] = fmt.Sprintf("%s (config file %s)", full, o.src.file)
	for _, e := range sectionEnvNames(o.section, key) {
		if o.src.getenv(e) != "" {
			o.from[key] = "$" + e
			break
		}
	}
	return o.src.v.Get(full), true
}

func (o *commandOptions) fail(key string, err error) {
	if o.err == nil {
		o.err = badInput("%s: %v", o.from.name(key), err)
	}
}

// String reads a text option. A number in the file is taken as written when it is an
// integer; a fraction must be quoted ("0.5"), so that amounts are read exactly.
func (o *commandOptions) String(key string) string {
	x, ok := o.raw(key)
	if !ok {
		return o.src.c.String(key)
	}
	switch s := x.(type) {
	case string:
		return s
	case int, int64, uint64:
		return fmt.Sprint(s)
	}
	o.fail(key, fmt.Errorf("%v: write it in quotes, like \"%v\"", x, x))
	return ""
}

// Strings reads a list option: a list in the file, or one comma-separated text.
func (o *commandOptions) Strings(key string) []string {
	x, ok := o.raw(key)
	if !ok {
		return o.src.c.StringSlice(key)
	}
	list, err := asStrings(x)
	if err != nil {
		o.fail(key, err)
	}
	return list
}

func (o *commandOptions) Bool(key string) bool {
	x, ok := o.raw(key)
	if !ok {
		return o.src.c.Bool(key)
	}
	b, err := asBool(x)
	if err != nil {
		o.fail(key, err)
	}
	return b
}

func (o *commandOptions) Uint(key string) uint64 {
	x, ok := o.raw(key)
	if !ok {
		return o.src.c.Uint64(key)
	}
	n, err := asUint(x)
	if err != nil {
		o.fail(key, err)
	}
	return n
}

func (o *commandOptions) Int(key string) int {
	x, ok := o.raw(key)
	if !ok {
		return o.src.c.Int(key)
	}
	n, err := asUint(x)
	if err == nil && n > math.MaxInt32 {
		err = fmt.Errorf("%d is too large", n)
	}
	if err != nil {
		o.fail(key, err)
	}
	return int(n)
}

func (o *commandOptions) Duration(key string) time.Duration {
	x, ok := o.raw(key)
	if !ok {
		return o.src.c.Duration(key)
	}
	d, err := asDuration(x)
	if err != nil {
		o.fail(key, err)
	}
	return d
}

// asStrings reads a list: a file's list of texts, or a comma-separated text (an environment
// variable), with empty items dropped.
func asStrings(v any) ([]string, error) {
	var items []string
	switch x := v.(type) {
	case []string:
		items = x
	case []any:
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("%v is not a list of texts", v)
			}
			items = append(items, s)
		}
	case string:
		items = strings.Split(x, ",")
	default:
		return nil, fmt.Errorf("%v is not a list of texts", v)
	}
	var out []string
	for _, s := range items {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out, nil
}
