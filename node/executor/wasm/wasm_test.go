package wasm_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/tetratelabs/wazero"

	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/executortest"
	"github.com/brine-compute/brine/node/executor/wasm"
)

// The guest program, built once per test binary run.
var (
	guestOnce  sync.Once
	guestBytes []byte
	guestErr   error
	// compiled code shared by the executors of all tests, so the guest compiles once.
	cache = wazero.NewCompilationCache()
)

func guest(t testing.TB) []byte {
	t.Helper()
	guestOnce.Do(func() {
		dir, err := os.MkdirTemp("", "brine-wasm-guest-")
		if err != nil {
			guestErr = err
			return
		}
		defer os.RemoveAll(dir)
		out := filepath.Join(dir, "guest.wasm")
		goTool, err := exec.LookPath("go")
		if err != nil {
			guestErr = err
			return
		}
		cmd := exec.Command(goTool, "build", "-o", out, "./testdata/guest")
		cmd.Env = append(os.Environ(), "GOOS=wasip1", "GOARCH=wasm", "CGO_ENABLED=0")
		if b, err := cmd.CombinedOutput(); err != nil {
			guestErr = err
			t.Logf("go build: %s", b)
			return
		}
		guestBytes, guestErr = os.ReadFile(out)
	})
	if guestErr != nil {
		t.Fatalf("building the wasm guest: %v", guestErr)
	}
	return guestBytes
}

func newExecutor(t *testing.T) executor.Executor {
	t.Helper()
	ex, err := wasm.New(context.Background(), wasm.Config{CompilationCache: cache})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ex.Close() })
	return ex
}

func programs(t *testing.T) executortest.Programs {
	mod := guest(t)
	p := func(behaviour string) executortest.Program {
		return executortest.Program{Module: mod, Args: []string{behaviour}}
	}
	return executortest.Programs{
		Engine:         wasm.Engine,
		Outputs:        p("outputs"),
		ArgsEnv:        p("args"),
		InputsReadOnly: p("inputs"),
		WriteOutside:   p("outside"),
		Fail:           p("fail"),
		Spin:           p("spin"),
		Flood:          p("flood"),
		Hog:            p("hog"),
		Fill:           p("fill"),
		FloodOutputs:   p("floodout"),
		Deterministic:  p("det"),
	}
}

func TestConformance(t *testing.T) {
	executortest.Run(t, newExecutor, programs(t))
}
