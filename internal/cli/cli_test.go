package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestInterspersed(t *testing.T) {
	app := newApp(IO{Stdout: new(bytes.Buffer), Stderr: new(bytes.Buffer)})
	tests := []struct{ in, want string }{
		{"brine provider stake 100 --json", "brine provider stake --json -- 100"},
		{"brine --datadir /d provider stake 100 --account 0xA", "brine --datadir /d provider stake --account 0xA -- 100"},
		{"brine job submit spec.yaml --dry-run --rpc http://x", "brine job submit --dry-run --rpc http://x -- spec.yaml"},
		{"brine rewards claim --tree a.json --tree b.json", "brine rewards claim --tree a.json --tree b.json"},
		{"brine audit jobs", "brine audit jobs"},
		{"brine unknown 1 --json", "brine unknown 1 --json"},
		{"brine provider stake -- 5 --json", "brine provider stake -- 5 --json"},
		{"brine --json=true audit check --block=7", "brine --json=true audit check --block=7"},
	}
	for _, tt := range tests {
		got := strings.Join(interspersed(app, strings.Fields(tt.in)), " ")
		if got != tt.want {
			t.Errorf("interspersed(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnquoteUsage(t *testing.T) {
	name, usage := unquoteUsage("read from `FILE` now")
	if name != "FILE" || usage != "read from FILE now" {
		t.Errorf("got %q %q", name, usage)
	}
	if name, usage := unquoteUsage("plain"); name != "" || usage != "plain" {
		t.Errorf("got %q %q", name, usage)
	}
}

func TestConfigCheck(t *testing.T) {
	good := Config{DataDir: "/d", RPC: "http://127.0.0.1:8545", RPCSource: "x", Confirmations: 1, PollInterval: time.Second, LogLevel: "warn"}
	if err := good.Check(); err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(*Config){
		"no datadir":         func(c *Config) { c.DataDir = "" },
		"zero confirmations": func(c *Config) { c.Confirmations = 0 },
		"rpc without scheme": func(c *Config) { c.RPC = "127.0.0.1:8545" },
		"rpc ftp":            func(c *Config) { c.RPC = "ftp://x" },
		"log level":          func(c *Config) { c.LogLevel = "loud" },
		"poll interval":      func(c *Config) { c.PollInterval = time.Nanosecond },
	} {
		c := good
		change(&c)
		err := c.Check()
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != ExitBadInput {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Flags beat BRINE_* variables (read from the process environment by viper), which beat the config file; the file may not hold passwords
// or unknown keys. Checked through `wallet list`, which only needs the keystore.
func TestConfigPrecedence(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"file", "env", "flag"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	cfgFile := filepath.Join(dir, "brine.yaml")
	if err := os.WriteFile(cfgFile, []byte("keystore: "+filepath.Join(dir, "file")+"\njson: true\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	runList := func(extra ...string) (string, error) {
		var out, errb bytes.Buffer
		args := append([]string{"brine", "--config", cfgFile, "wallet", "list"}, extra...)
		err := run(context.Background(), args, IO{Stdout: &out, Stderr: &errb, Getenv: os.Getenv})
		return out.String() + errb.String(), err
	}
	// json: true from the file; the keystore from the file (empty list).
	out, err := runList()
	if err != nil || strings.TrimSpace(out) != "[]" {
		t.Fatalf("file: %q %v", out, err)
	}
	t.Setenv("BRINE_KEYSTORE", filepath.Join(dir, "env"))
	t.Setenv("BRINE_JSON", "false")
	out, err = runList()
	if err != nil || !strings.Contains(out, filepath.Join(dir, "env")) {
		t.Fatalf("env: %q %v", out, err)
	}
	out, err = runList("--keystore", filepath.Join(dir, "flag"))
	if err != nil || !strings.Contains(out, filepath.Join(dir, "flag")) {
		t.Fatalf("flag: %q %v", out, err)
	}
	for _, bad := range []string{"password: hunter2\n", "keystroe: /x\n", "account: 0xnope\n"} {
		if err := os.WriteFile(cfgFile, []byte(bad), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := runList()
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != ExitBadInput || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("config %q: %v", bad, err)
		}
	}
	if !slices.Contains(stringKeys, keyRPC) {
		t.Error("rpc is not a configuration key")
	}
}

// A command run while `brine devnet` (re)starts in its data directory waits for the devnet
// file to name the RPC endpoint: it used to take the default endpoint in that instant. A
// starting file whose process is gone is not waited for.
func TestAwaitStartingDevnet(t *testing.T) {
	dir := t.TempDir()
	hint := filepath.Join(dir, devnetFile)
	if err := writeDevnetInfo(hint, devnetInfo{PID: os.Getpid(), Starting: true}); err != nil {
		t.Fatal(err)
	}
	cfg := &Config{DataDir: dir}
	info, ok := readDevnetInfo(dir)
	if !ok || !info.Starting {
		t.Fatalf("starting file: %+v %v", info, ok)
	}
	cfg.RPC, cfg.DevnetStarting = DefaultRPC, &info
	go func() {
		time.Sleep(300 * time.Millisecond)
		_ = writeDevnetInfo(hint, devnetInfo{HTTP: "http://127.0.0.1:40123", PID: os.Getpid()})
	}()
	var out bytes.Buffer
	if err := cfg.awaitDevnet(context.Background(), &out, time.Minute); err != nil {
		t.Fatal(err)
	}
	if cfg.RPC != "http://127.0.0.1:40123" || cfg.Devnet == nil || !strings.Contains(out.String(), "Waiting for the devnet") {
		t.Errorf("after the devnet started: RPC %s (devnet %v), said %q", cfg.RPC, cfg.Devnet, out.String())
	}

	// A starting file left by a devnet that died is ignored; a devnet starting too long is an error.
	dead := &Config{DataDir: dir, RPC: DefaultRPC, DevnetStarting: &devnetInfo{PID: 999999999, Starting: true}}
	if err := writeDevnetInfo(hint, *dead.DevnetStarting); err != nil {
		t.Fatal(err)
	}
	if err := dead.awaitDevnet(context.Background(), io.Discard, time.Minute); err != nil || dead.RPC != DefaultRPC {
		t.Errorf("dead starting devnet: %v, RPC %s", err, dead.RPC)
	}
	slow := &Config{DataDir: dir, RPC: DefaultRPC, DevnetStarting: &devnetInfo{PID: os.Getpid(), Starting: true}}
	if err := writeDevnetInfo(hint, *slow.DevnetStarting); err != nil {
		t.Fatal(err)
	}
	if err := slow.awaitDevnet(context.Background(), io.Discard, 0); err == nil || !strings.Contains(err.Error(), "--rpc") {
		t.Errorf("a devnet starting for too long: %v", err)
	}
}
