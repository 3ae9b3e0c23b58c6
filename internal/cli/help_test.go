package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestEveryCommandHasAnExample walks the whole command tree, so a command added later cannot
// ship a --help without an example (cmd/brine's TestHelpHasExamples checks a fixed list
// through the binary).
func TestEveryCommandHasAnExample(t *testing.T) {
	var paths [][]string
	var walk func(prefix []string, cmds []*cli.Command)
	walk = func(prefix []string, cmds []*cli.Command) {
		for _, c := range cmds {
			if c.Hidden || c.Name == "help" {
				continue
			}
			p := append(append([]string(nil), prefix...), c.Name)
			paths = append(paths, p)
			walk(p, c.Subcommands)
		}
	}
	walk(nil, newApp(IO{Stdout: new(bytes.Buffer), Stderr: new(bytes.Buffer)}).Commands)
	if len(paths) < 40 {
		t.Fatalf("found only %d commands: the walk is broken", len(paths))
	}
	for _, p := range paths {
		var out, errOut bytes.Buffer
		code := Main(append(append([]string{"brine"}, p...), "--help"), IO{Stdout: &out, Stderr: &errOut})
		if code != 0 || !strings.Contains(out.String(), "Example:") {
			t.Errorf("brine %s --help (exit %d) has no example:\n%s%s", strings.Join(p, " "), code, out.String(), errOut.String())
		}
	}
}
