package wasm_test

import (
	"context"
	"encoding/binary"
	"os"
	"os/exec"
	"runtime"
	"testing"

	"github.com/brine-compute/brine/node/executor/executortest"
	"github.com/brine-compute/brine/node/executor/wasm"
)

// uleb is n in unsigned LEB128, the encoding of every size and index in a module.
func uleb(n uint64) []byte {
	var b []byte
	for {
		c := byte(n & 0x7f)
		n >>= 7
		if n == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// bigSection is a section of any size (section takes at most 127 bytes).
func bigSection(id byte, payload ...[]byte) []byte {
	var p []byte
	for _, b := range payload {
		p = append(p, b...)
	}
	return append(append([]byte{id}, uleb(uint64(len(p)))...), p...)
}

// hostileModule is what a job costs a node most for its size: a data segment of dataBytes
// (distinct for each seed, so no two modules share compiled code), and linear memory of
// pages, all of it written by _start so it is resident.
func hostileModule(seed uint64, pages uint32, dataBytes int) []byte {
	data := make([]byte, dataBytes)
	for i := 0; i+8 <= len(data); i += 8 {
		binary.LittleEndian.PutUint64(data[i:], seed*0x9e3779b97f4a7c15+uint64(i))
	}
	fill := uint64(pages) * 64 << 10
	body := []byte{0x00}                        // no locals
	body = append(body, 0x41, 0x00)             // i32.const 0 (destination)
	body = append(body, 0x41, 0x2a)             // i32.const 42 (value)
	body = append(body, 0x41)                   // i32.const fill (length)
	body = append(body, sleb32(int32(fill))...) //
	body = append(body, 0xfc, 0x0b, 0x00)       // memory.fill
	body = append(body, 0x0b)                   // end
	return module(
		typeVoid,
		funcOne,
		bigSection(5, []byte{0x01, 0x00}, uleb(uint64(pages))),
		exportStart,
		bigSection(10, []byte{0x01}, uleb(uint64(len(body))), body),
		bigSection(11, []byte{0x01, 0x00, 0x41, 0x00, 0x0b}, uleb(uint64(len(data))), data),
	)
}

// sleb32 is v in signed LEB128 (i32.const's immediate).
func sleb32(v int32) []byte {
	var b []byte
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// liveHeap is the heap still reachable: allocated bytes after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// typesModule declares n function types (of 12 parameters each), distinct from those of
// any other seed.
func typesModule(seed uint64, n int) []byte {
	types := uleb(uint64(n + 1))
	types = append(types, 0x60, 0x00, 0x00) // type 0: () -> (), _start's
	vt := []byte{0x7f, 0x7e, 0x7d, 0x7c}    // i32 i64 f32 f64
	for i := range n {
		v := seed*uint64(n) + uint64(i)
		types = append(types, 0x60, 12)
		for range 12 {
			types = append(types, vt[v%4])
			v /= 4
		}
		types = append(types, 0x00)
	}
	return module(bigSection(1, types), funcOne, exportStart, codeReturn)
}

// heapBound is what a default executor may keep on the heap after any number of jobs: its
// in-memory cache of compiled modules (CachedBytes, 64MiB) and some slack.
const heapBound = 100 << 20

// heapChildEnv marks the process TestHeapAfterHostileJobs measures in.
const heapChildEnv = "BRINE_WASM_HEAP_CHILD"

// TestHeapAfterHostileJobs runs streams of distinct hostile modules through an executor
// with the default config and checks that the heap they leave behind stays bounded. Before
// the bounds, 10 modules of 24MiB of data each kept 192MiB (eight held by the cache), and
// modules of 200k function types each added 20MiB for the life of the runtime.
//
// The heap is the process's, so the test measures in a process of its own (this test binary
// run again for this test alone): work another test left running in the background (a
// compilation that outlives its cancelled job) would otherwise count as this test's.
func TestHeapAfterHostileJobs(t *testing.T) {
	if os.Getenv(heapChildEnv) == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHeapAfterHostileJobs$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), heapChildEnv+"=1")
		out, err := cmd.CombinedOutput()
		t.Logf("measured in a process of its own:\n%s", out)
		if err != nil {
			t.Fatalf("the heap measurement failed: %v", err)
		}
		return
	}
	for _, tc := range []struct {
		name   string
		jobs   int
		module func(seed uint64) []byte
		memory uint64
	}{
		{"large data and memory", 10, func(seed uint64) []byte { return hostileModule(seed, 1024, 24<<20) }, 128 << 20},
		{"many function types", 10, func(seed uint64) []byte { return typesModule(seed, 200_000) }, 64 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ex, err := wasm.New(context.Background(), wasm.Config{})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ex.Close() })
			before := liveHeap()
			var peak uint64
			for i := range tc.jobs {
				job := executortest.NewJob(t, wasm.Engine, executortest.Program{Module: tc.module(uint64(i))})
				job.Spec.Resources.MemoryBytes = tc.memory
				executortest.WantSuccess(t, executortest.RunJob(t, ex, job))
				job.Module = nil
				if h := liveHeap(); h > before {
					peak = max(peak, h-before)
				}
			}
			t.Logf("%d jobs: the heap grew by at most %d MiB", tc.jobs, peak>>20)
			if peak > heapBound {
				t.Errorf("the heap grew by %d MiB after %d hostile jobs; bound %d MiB", peak>>20, tc.jobs, heapBound>>20)
			}
		})
	}
}
