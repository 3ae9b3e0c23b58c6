package cli

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/chain/finality"
)

// loadWith runs loadConfig on the global flags args, the environment env and, when file is
// not empty, a YAML config file holding it.
func loadWith(t *testing.T, args []string, env map[string]string, file string) (*Config, error) {
	t.Helper()
	dir := t.TempDir()
	args = append([]string{"brine", "--datadir", dir}, args...)
	if file != "" {
		path := filepath.Join(dir, "brine.yaml")
		if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--config", path)
	}
	var (
		cfg *Config
		err error
	)
	app := &cli.App{Flags: globalFlags(), Action: func(c *cli.Context) error {
		cfg, err = loadConfig(c, func(k string) string { return env[k] })
		return nil
	}}
	for k, v := range env {
		t.Setenv(k, v) // viper reads the process environment
	}
	if runErr := app.Run(args); runErr != nil {
		t.Fatal(runErr)
	}
	return cfg, err
}

// --finality, $BRINE_FINALITY and the config file's finality key choose the rule; the
// default is depth:<confirmations>; a depth rule and --confirmations must agree.
func TestFinalityConfig(t *testing.T) {
	finalized := finality.Rule{Tag: finality.Finalized}
	for _, tc := range []struct {
		name  string
		args  []string
		env   map[string]string
		file  string
		want  finality.Rule
		confs uint64
		bad   bool
	}{
		{name: "default", want: finality.Depth(1), confs: 1},
		{name: "default follows confirmations", args: []string{"--confirmations", "5"}, want: finality.Depth(5), confs: 5},
		{name: "flag", args: []string{"--finality", "finalized"}, want: finalized, confs: 1},
		{name: "flag depth", args: []string{"--finality", "depth:7"}, want: finality.Depth(7), confs: 7},
		{name: "environment", env: map[string]string{"BRINE_FINALITY": "safe"}, want: finality.Rule{Tag: finality.Safe}, confs: 1},
		{name: "file", file: "finality: finalized\n", want: finalized, confs: 1},
		{name: "flag beats file", args: []string{"--finality", "depth:2"}, file: "finality: finalized\n", want: finality.Depth(2), confs: 2},
		{name: "tag with confirmations", args: []string{"--finality", "finalized", "--confirmations", "3"}, want: finalized, confs: 3},
		{name: "depth agreeing", args: []string{"--finality", "depth:3", "--confirmations", "3"}, want: finality.Depth(3), confs: 3},
		{name: "depth disagreeing", args: []string{"--finality", "depth:3", "--confirmations", "4"}, bad: true},
		{name: "unknown", args: []string{"--finality", "latest"}, bad: true},
		{name: "depth zero", env: map[string]string{"BRINE_FINALITY": "depth:0"}, bad: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := loadWith(t, tc.args, tc.env, tc.file)
			if tc.bad {
				var ee *exitError
				if !errors.As(err, &ee) || ee.code != ExitBadInput {
					t.Fatalf("want bad input, got %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Finality != tc.want || cfg.Confirmations != tc.confs {
				t.Fatalf("finality %v, confirmations %d; want %v, %d", cfg.Finality, cfg.Confirmations, tc.want, tc.confs)
			}
		})
	}
}
