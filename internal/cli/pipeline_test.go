package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brine-compute/brine/pipeline"
)

// The pipeline 'brine pipeline --help' shows is complete and valid.
func TestPipelineHelpExample(t *testing.T) {
	var lines []string
	for _, l := range strings.Split(helpPipeline, "\n") {
		lines = append(lines, strings.TrimPrefix(l, "   "))
	}
	p, err := pipeline.Parse([]byte(strings.Join(lines, "\n")), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Steps) != 3 || p.WorstCost().FloatString(0) != "4" {
		t.Errorf("steps %d, worst cost %s", len(p.Steps), p.WorstCost().FloatString(1))
	}
	var out bytes.Buffer
	if code := Main([]string{"brine", "pipeline", "--help"}, IO{Stdout: &out, Stderr: new(bytes.Buffer)}); code != 0 ||
		!strings.Contains(out.String(), "foreach: split:shards/*") {
		t.Errorf("brine pipeline --help (exit %d) lacks the example:\n%s", code, out.String())
	}
}

// A pipeline with a cycle, a step that names no step or a plan over its budget is refused
// before anything is read from a chain: exit 2, naming the step and the reason.
func TestPipelineSubmitRefusesBadPlans(t *testing.T) {
	job := `{engine: docker, image: busybox, resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 30s},
      price: {payment: "1", collateral: "1"}, deadlines: {accept_within: 1m, run_within: 1m}, challenge_window: 4s}`
	for _, c := range []struct{ doc, want string }{
		{"budget: \"9\"\nsteps:\n  - name: a\n    inputs: [{path: x, from: b}]\n    job: " + job + "\n  - name: b\n    inputs: [{path: x, from: a}]\n    job: " + job + "\n",
			"step a: its inputs go round in a cycle: a → b → a"},
		{"budget: \"9\"\nsteps:\n  - name: a\n    foreach: nope:*\n    job: " + job + "\n", `step a: foreach: "nope" is not a step`},
		{"budget: \"3\"\nsteps:\n  - name: a\n    job: " + job + "\n  - name: b\n    foreach: a:*\n    job: " + job + "\n",
			"step b: over budget: the plan may cost up to 17.000000 tokens"},
	} {
		file := filepath.Join(t.TempDir(), "p.yaml")
		if err := os.WriteFile(file, []byte(c.doc), 0o644); err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		// No chain answers at this RPC: the plan is refused before one is needed.
		code := Main([]string{"brine", "--rpc", "http://127.0.0.1:1", "pipeline", "submit", file}, IO{Stdout: new(bytes.Buffer), Stderr: &stderr,
			Getenv: func(string) string { return "" }})
		if code != ExitBadInput || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("exit %d, stderr %q; want exit %d naming %q", code, stderr.String(), ExitBadInput, c.want)
		}
	}
}
