package demo

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/executortest"
	"github.com/brine-compute/brine/node/executor/wasm"
)

// The hand-assembled module greets like the Docker job, and traps (a crash the client can
// read) when it cannot open its input.
func TestGreetModule(t *testing.T) {
	ex, err := wasm.New(context.Background(), wasm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer ex.Close()
	for _, tc := range []struct {
		name   string
		input  string // "": no name.txt
		want   string
		reason executor.Reason
	}{
		{"greets", "brine", "hello, brine\n", 0},
		{"spaces and quotes kept", "mallory's client", "hello, mallory's client\n", 0},
		{"no input", "", "", executor.ExitCode},
	} {
		t.Run(tc.name, func(t *testing.T) {
			job := executortest.NewJob(t, wasm.Engine, executortest.Program{Module: greetModule()})
			job.Spec.Inputs = nil
			if tc.input != "" {
				job.Spec.Inputs = []jobspec.Input{{Path: "name.txt", Data: []byte(tc.input)}}
				if err := os.WriteFile(filepath.Join(job.InputDir, "name.txt"), []byte(tc.input), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			res := executortest.RunJob(t, ex, job)
			if tc.reason != 0 {
				executortest.WantFailure(t, res, tc.reason, "crashed: wasm error: unreachable")
				return
			}
			executortest.WantSuccess(t, res)
			if got := executortest.ReadOutput(t, job, "greeting.txt"); got != tc.want {
				t.Fatalf("greeting.txt = %q, want %q", got, tc.want)
			}
		})
	}
}
