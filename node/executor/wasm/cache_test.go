package wasm_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/executortest"
	"github.com/brine-compute/brine/node/executor/wasm"
)

// cacheFiles are the finished files of a compilation cache directory, by path.
func cacheFiles(t testing.TB, dir string) map[string]fs.FileInfo {
	t.Helper()
	out := map[string]fs.FileInfo{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || filepath.Ext(path) == ".tmp" {
			return err
		}
		info, err := d.Info()
		out[path] = info
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// runIn runs module once on a fresh executor over the cache directory dir, as a node does
// after a restart, and closes it.
func runIn(t testing.TB, cfg wasm.Config, module []byte) executor.Result {
	t.Helper()
	ex, err := wasm.New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer ex.Close()
	return executortest.RunJob(t, ex, executortest.NewJob(t, wasm.Engine, executortest.Program{Module: module}))
}

// TestCompilationCacheDir: compiled code outlives the executor in its directory, and a
// directory that lies (corrupt files) or grows costs at most a compile, never a job.
func TestCompilationCacheDir(t *testing.T) {
	trivial := module(typeVoid, funcOne, exportStart, codeReturn)
	for _, tc := range []struct {
		name  string
		check func(t *testing.T, dir string)
	}{
		{"a second executor reuses the files", func(t *testing.T, dir string) {
			executortest.WantSuccess(t, runIn(t, wasm.Config{CacheDir: dir}, trivial))
			first := cacheFiles(t, dir)
			if len(first) == 0 {
				t.Fatal("no compiled code on disk after a run")
			}
			executortest.WantSuccess(t, runIn(t, wasm.Config{CacheDir: dir}, trivial))
			second := cacheFiles(t, dir)
			if len(second) != len(first) {
				t.Fatalf("%d files after the second executor, %d after the first", len(second), len(first))
			}
			for path, info := range first {
				// A compile writes a new file and renames it over the old one: the same
				// file means the second executor loaded the code instead of compiling.
				if again, ok := second[path]; !ok || !os.SameFile(info, again) {
					t.Errorf("%s was written again: the second executor compiled the module", path)
				}
			}
		}},
		{"corrupt files are replaced, the job runs", func(t *testing.T, dir string) {
			executortest.WantSuccess(t, runIn(t, wasm.Config{CacheDir: dir}, trivial))
			for path := range cacheFiles(t, dir) {
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				b[len(b)/2] ^= 0xff // in the machine code: its checksum no longer matches
				if err := os.WriteFile(path, b, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			executortest.WantSuccess(t, runIn(t, wasm.Config{CacheDir: dir}, trivial))
			executortest.WantSuccess(t, runIn(t, wasm.Config{CacheDir: dir}, trivial)) // from a sound cache again
		}},
		{"a module that does not compile is still the module's fault", func(t *testing.T, dir string) {
			res := runIn(t, wasm.Config{CacheDir: dir}, module(typeVoid, funcOne, exportStart, section(10, 0x01, 0x02, 0x00, 0x00)))
			executortest.WantFailure(t, res, executor.BadModule, "")
		}},
		{"the directory stays within its bound", func(t *testing.T, dir string) {
			executortest.WantSuccess(t, runIn(t, wasm.Config{CacheDir: dir}, trivial))
			var one int64
			for _, info := range cacheFiles(t, dir) {
				one = max(one, info.Size())
			}
			bound := one * 3 / 2 // room for one module's code, not two
			cfg := wasm.Config{CacheDir: dir, CacheDirBytes: bound}
			for i := range 4 {
				nops := make([]byte, i+1) // module i: _start is i+1 nops
				for j := range nops {
					nops[j] = 0x01
				}
				body := append(append([]byte{0x00}, nops...), 0x0b)
				m := module(typeVoid, funcOne, exportStart, section(10, append([]byte{0x01, byte(len(body))}, body...)...))
				executortest.WantSuccess(t, runIn(t, cfg, m))
			}
			var total int64
			for _, info := range cacheFiles(t, dir) {
				total += info.Size()
			}
			if total > bound {
				t.Errorf("%d bytes in the cache directory, bound %d", total, bound)
			}
		}},
		{"executors share the directory at once", func(t *testing.T, dir string) {
			var wg sync.WaitGroup
			for range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range 3 {
						if res := runIn(t, wasm.Config{CacheDir: dir}, trivial); res.Failure != nil {
							t.Errorf("failure %v", res.Failure)
						}
					}
				}()
			}
			wg.Wait()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.check(t, t.TempDir()) })
	}
}

// BenchmarkRestartCompile measures the first job of a fresh executor (a node just
// restarted) running the Go test guest (3.3MB of wasm): compiled from scratch, or loaded
// from the compilation cache directory the previous executor left. See
// docs/performance.md.
func BenchmarkRestartCompile(b *testing.B) {
	prog := executortest.Program{Module: guest(b), Args: []string{"outputs"}}
	warm := b.TempDir()
	runIn(b, wasm.Config{CacheDir: warm}, prog.Module) // fills the directory
	for _, bc := range []struct {
		name string
		cfg  func() wasm.Config
	}{
		{"no-cache", func() wasm.Config { return wasm.Config{} }},
		{"cache-dir", func() wasm.Config { return wasm.Config{CacheDir: warm} }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				job := executortest.NewJob(b, wasm.Engine, prog)
				b.StartTimer()
				ex, err := wasm.New(context.Background(), bc.cfg())
				if err != nil {
					b.Fatal(err)
				}
				res, err := ex.Run(context.Background(), job)
				if err != nil || res.Failure != nil {
					b.Fatalf("run: %v, %v", err, res.Failure)
				}
				ex.Close()
			}
		})
	}
}
