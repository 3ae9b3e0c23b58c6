package wasm_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/executortest"
	"github.com/brine-compute/brine/node/executor/wasm"
)

// Hand-assembled modules for what a Go program cannot be made to do.

func section(id byte, payload ...byte) []byte {
	if len(payload) > 127 {
		panic("section too long for a one-byte size")
	}
	return append([]byte{id, byte(len(payload))}, payload...)
}

func module(sections ...[]byte) []byte {
	m := []byte{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00}
	for _, s := range sections {
		m = append(m, s...)
	}
	return m
}

var (
	typeVoid    = section(1, 0x01, 0x60, 0x00, 0x00)                               // one type: () -> ()
	funcOne     = section(3, 0x01, 0x00)                                           // one function of type 0
	exportStart = section(7, 0x01, 0x06, '_', 's', 't', 'a', 'r', 't', 0x00, 0x00) // _start = func 0
	codeReturn  = section(10, 0x01, 0x02, 0x00, 0x0b)                              // func 0: end
	codeTrap    = section(10, 0x01, 0x03, 0x00, 0x00, 0x0b)                        // func 0: unreachable
	memory64MiB = section(5, 0x01, 0x00, 0x80, 0x08)                               // memory, min 1024 pages
	exportBoth  = section(7, 0x02, 0x06, '_', 's', 't', 'a', 'r', 't', 0x00, 0x00, 0x06, 'm', 'e', 'm', 'o', 'r', 'y', 0x02, 0x00)
)

func TestModules(t *testing.T) {
	importEnv := section(2, 0x01, 0x03, 'e', 'n', 'v', 0x01, 'f', 0x00, 0x00)        // env.f, type 0
	exportStart1 := section(7, 0x01, 0x06, '_', 's', 't', 'a', 'r', 't', 0x00, 0x01) // _start = func 1
	for _, tc := range []struct {
		name   string
		module []byte
		reason executor.Reason // 0: success
		msg    string
	}{
		{"empty command", module(typeVoid, funcOne, exportStart, codeReturn), 0, ""},
		{"not wasm", []byte("#!/bin/sh\necho hi\n"), executor.BadModule, ""},
		{"no _start", module(), executor.BadModule, "bad spec: the module is not a WASI command (it exports no _start)"},
		{"foreign import", module(typeVoid, importEnv, funcOne, exportStart1, codeReturn), executor.BadModule,
			`bad spec: the module imports "env"; only wasi_snapshot_preview1 is provided`},
		{"trap", module(typeVoid, funcOne, exportStart, codeTrap), executor.ExitCode, "crashed: wasm error: unreachable"},
		{"exported memory over the limit", module(typeVoid, funcOne, memory64MiB, exportBoth, codeReturn), executor.OutOfMemory,
			"out of memory (limit 32MiB): the module needs 64MiB at start"},
		{"hidden memory over the limit", module(typeVoid, funcOne, memory64MiB, exportStart, codeReturn), executor.OutOfMemory,
			"out of memory (limit 32MiB)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ex := newExecutor(t)
			job := executortest.NewJob(t, wasm.Engine, executortest.Program{Module: tc.module})
			job.Spec.Resources.MemoryBytes = 32 << 20
			res := executortest.RunJob(t, ex, job)
			if tc.reason == 0 {
				executortest.WantSuccess(t, res)
				return
			}
			executortest.WantFailure(t, res, tc.reason, tc.msg)
		})
	}
}

// Links in the inputs (an earlier job's result may hold some) cannot reach the host.
func TestInputLinksStayInside(t *testing.T) {
	ex := newExecutor(t)
	job := executortest.NewJob(t, wasm.Engine, executortest.Program{Module: guest(t), Args: []string{"read"}},
		"inner", "absolute", "relative", "greeting.txt")
	secret := filepath.Join(filepath.Dir(job.InputDir), "secret")
	if err := os.WriteFile(secret, []byte("host secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"inner": "greeting.txt", "absolute": secret, "relative": "../secret"} {
		if err := os.Symlink(target, filepath.Join(job.InputDir, name)); err != nil {
			t.Fatal(err)
		}
	}
	res := executortest.RunJob(t, ex, job)
	executortest.WantSuccess(t, res)
	want := "inner: allowed\nabsolute: refused\nrelative: refused\ngreeting.txt: allowed\n"
	if got := executortest.ReadOutput(t, job, "report.txt"); got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
}

// A node that stops (its context cancelled) stops the job and reports an error, not a job
// failure.
func TestCancel(t *testing.T) {
	ex := newExecutor(t)
	job := executortest.NewJob(t, wasm.Engine, executortest.Program{Module: guest(t), Args: []string{"spin"}})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	_, err := ex.Run(ctx, job)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run after cancel: %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Run returned %s after the cancel", d)
	}
}

func TestClosed(t *testing.T) {
	ex, err := wasm.New(context.Background(), wasm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ex.Close(); err != nil {
		t.Fatal(err)
	}
	job := executortest.NewJob(t, wasm.Engine, executortest.Program{Module: module(typeVoid, funcOne, exportStart, codeReturn)})
	if _, err := ex.Run(context.Background(), job); err == nil {
		t.Fatal("Run on a closed executor: no error")
	}
}

// With room for one compiled module, modules evict each other and still run.
func TestModuleCacheEviction(t *testing.T) {
	ex, err := wasm.New(context.Background(), wasm.Config{CachedModules: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ex.Close() })
	a := module(typeVoid, funcOne, exportStart, codeReturn)
	b := module(typeVoid, funcOne, exportStart, section(10, 0x01, 0x03, 0x00, 0x01, 0x0b)) // nop; end
	for _, m := range [][]byte{a, b, a, b, a} {
		job := executortest.NewJob(t, wasm.Engine, executortest.Program{Module: m})
		executortest.WantSuccess(t, executortest.RunJob(t, ex, job))
	}
}

// BenchmarkTrivialJob measures one trivial job (a module whose _start returns) through the
// executor, compiled module cached: directories checked, filesystem mounted, instantiated,
// run, outputs measured. See docs/performance.md.
func BenchmarkTrivialJob(b *testing.B) {
	ex, err := wasm.New(context.Background(), wasm.Config{})
	if err != nil {
		b.Fatal(err)
	}
	defer ex.Close()
	prog := executortest.Program{Module: module(typeVoid, funcOne, exportStart, codeReturn)}
	jobs := make([]executor.Job, b.N)
	for i := range jobs {
		jobs[i] = executortest.NewJob(b, wasm.Engine, prog)
	}
	b.ResetTimer()
	for i := range b.N {
		res, err := ex.Run(context.Background(), jobs[i])
		if err != nil || res.Failure != nil {
			b.Fatalf("run: %v, %v", err, res.Failure)
		}
	}
}

// Closing the executor under a running job is not a result: Run reports an error.
func TestCloseDuringRun(t *testing.T) {
	ex, err := wasm.New(context.Background(), wasm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	job := executortest.NewJob(t, wasm.Engine, executortest.Program{Module: guest(t), Args: []string{"spin"}})
	time.AfterFunc(500*time.Millisecond, func() { ex.Close() })
	res, err := ex.Run(context.Background(), job)
	if err == nil {
		t.Fatalf("Run under Close: no error; result %+v", res)
	}
}

// Runs of modules evicting each other concurrently share compiled code safely.
func TestModuleCacheConcurrent(t *testing.T) {
	ex, err := wasm.New(context.Background(), wasm.Config{CachedModules: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ex.Close() })
	mods := [][]byte{
		module(typeVoid, funcOne, exportStart, codeReturn),
		module(typeVoid, funcOne, exportStart, section(10, 0x01, 0x03, 0x00, 0x01, 0x0b)),
		module(typeVoid, funcOne, exportStart, section(10, 0x01, 0x04, 0x00, 0x01, 0x01, 0x0b)),
	}
	var wg sync.WaitGroup
	for i := range 24 {
		job := executortest.NewJob(t, wasm.Engine, executortest.Program{Module: mods[i%len(mods)]})
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := ex.Run(context.Background(), job)
			if err != nil || res.Failure != nil {
				t.Errorf("run %d: %v, %v", i, err, res.Failure)
			}
		}()
	}
	wg.Wait()
}

// BenchmarkGoJob measures a small Go program (the test guest, 3.3MB of wasm, writing two
// output files) once its compiled code is cached: mostly the Go runtime's start-up.
func BenchmarkGoJob(b *testing.B) {
	ex, err := wasm.New(context.Background(), wasm.Config{})
	if err != nil {
		b.Fatal(err)
	}
	defer ex.Close()
	prog := executortest.Program{Module: guest(b), Args: []string{"outputs"}}
	executortest.RunJob(b, ex, executortest.NewJob(b, wasm.Engine, prog)) // compile
	jobs := make([]executor.Job, b.N)
	for i := range jobs {
		jobs[i] = executortest.NewJob(b, wasm.Engine, prog)
	}
	b.ResetTimer()
	for i := range b.N {
		res, err := ex.Run(context.Background(), jobs[i])
		if err != nil || res.Failure != nil {
			b.Fatalf("run: %v, %v", err, res.Failure)
		}
	}
}
