package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProberCanaryAndMetricsFlags: bad canary and metrics flags are bad input naming the flag
// and the fix, before anything is opened; a bad webhook URL is refused without being echoed
// (it is a secret).
func TestProberCanaryAndMetricsFlags(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	docker := write("docker.yaml", `engine: docker
image: alpine:3.20
args: [sh, -c, "echo ok > /brine/outputs/ok.txt"]
resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 30s}
outputs: [{path: ok.txt}]
price: {payment: "0.1", collateral: "1"}
deadlines: {accept_within: 1m, run_within: 2m}
challenge_window: 4s
`)
	wasm := write("wasm.yaml", `engine: wasm
module: bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku
resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 30s}
outputs: [{path: ok.txt}]
price: {payment: "0.1", collateral: "1"}
deadlines: {accept_within: 1m, run_within: 2m}
challenge_window: 4s
`)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"prober", "run", "--canary-spec", docker}, "--canary-spec needs --canary-interval"},
		{[]string{"prober", "run", "--canary-webhook", "https://hooks.example/x"}, "--canary-webhook needs --canary-interval"},
		{[]string{"prober", "run", "--canary-interval", "1m"}, "needs --canary-spec FILE"},
		{[]string{"prober", "run", "--canary-interval", "5s", "--canary-spec", docker}, "at least 10s"},
		{[]string{"prober", "run", "--canary-interval", "1m", "--canary-deadline", "2m", "--canary-spec", docker}, "at most --canary-interval"},
		{[]string{"prober", "run", "--canary-interval", "1m", "--canary-spec", wasm}, "pass its module with --canary-module"},
		{[]string{"prober", "run", "--canary-interval", "1m", "--canary-spec", filepath.Join(dir, "none.yaml")}, "none.yaml"},
		{[]string{"prober", "run", "--canary-interval", "1m", "--canary-spec", docker, "--canary-webhook", "hooks.example/services/TopSecret"}, "not an http(s) URL"},
		{[]string{"prober", "run", "--metrics-addr", "9465"}, "--metrics-addr"},
		{[]string{"node", "run", "--metrics-addr", "localhost"}, "--metrics-addr"},
		{[]string{"node", "run", "--pprof"}, "--pprof needs --metrics-addr"},
		{[]string{"prober", "run", "--pprof"}, "--pprof needs --metrics-addr"},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), append([]string{"brine", "--keystore", t.TempDir(), "--datadir", t.TempDir()}, c.args...),
				IO{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }})
			var ee *exitError
			if !errors.As(err, &ee) || ee.code != ExitBadInput || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want bad input containing %q", err, c.want)
			}
			if strings.Contains(err.Error(), "TopSecret") || strings.Contains(errb.String(), "TopSecret") {
				t.Fatalf("the webhook URL was echoed: %v", err)
			}
		})
	}
}
