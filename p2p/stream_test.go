package p2p_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"

	"github.com/brine-compute/brine/p2p"
)

// generated serves one result of size pseudo-random bytes made as they are read, so the
// server holds none of it in memory either.
type generated struct {
	c    cid.Cid
	size int64
}

func (g generated) Open(c cid.Cid) (io.ReadCloser, int64, error) {
	if !c.Equals(g.c) {
		return nil, 0, p2p.ErrNotFound
	}
	return io.NopCloser(io.LimitReader(rand.NewChaCha8([32]byte{7}), g.size)), g.size, nil
}

func generatedResult(t testing.TB, size int64) generated {
	t.Helper()
	sum := sha256.New()
	if _, err := io.Copy(sum, io.LimitReader(rand.NewChaCha8([32]byte{7}), size)); err != nil {
		t.Fatal(err)
	}
	digest, err := mh.Encode(sum.Sum(nil), mh.SHA2_256)
	if err != nil {
		t.Fatal(err)
	}
	return generated{c: cid.NewCidV1(cid.Raw, digest), size: size}
}

// peakHeap runs f while sampling the live heap, and returns the most it grew above what it
// was before f.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var s runtime.MemStats
		for {
			runtime.ReadMemStats(&s)
			if s.HeapAlloc > base && s.HeapAlloc-base > peak.Load() {
				peak.Store(s.HeapAlloc - base)
			}
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	})
	f()
	close(stop)
	wg.Wait()
	return peak.Load()
}

// TestFetchResultToStreams: a 64 MiB result fetched into a file lands whole and verified,
// while the heap grows by a small part of its size (the whole fetch into memory grows it by
// at least the size).
func TestFetchResultToStreams(t *testing.T) {
	const size = 64 << 20
	g := generatedResult(t, size)
	server := newHost(t, p2p.Config{Results: g})
	client := newClient(t, p2p.Limits{})
	f, err := os.Create(filepath.Join(t.TempDir(), "result"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var n int64
	grew := peakHeap(func() { n, err = client.FetchResultTo(t.Context(), server.AddrInfo(), g.c, size, f) })
	if err != nil || n != size {
		t.Fatalf("FetchResultTo: %d bytes, %v", n, err)
	}
	if info, err := f.Stat(); err != nil || info.Size() != size {
		t.Fatalf("the file holds %v bytes (%v), want %d", info.Size(), err, size)
	}
	whole := peakHeap(func() {
		var data []byte
		data, err = client.FetchResult(t.Context(), server.AddrInfo(), g.c, size)
		runtime.KeepAlive(data)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("heap grew by %d KiB fetching %d MiB to a file, %d KiB fetching it into memory", grew>>10, size>>20, whole>>10)
	if grew > size/8 {
		t.Errorf("the heap grew by %d bytes while %d were streamed to a file: not bounded", grew, size)
	}
	if whole < size {
		t.Errorf("the whole fetch grew the heap by %d bytes only, less than the result: the measure is wrong", whole)
	}
}

// TestFetchResultToRefusesOtherBytes: bytes that are not the CID's are written (they arrive
// before the hash is known) and refused once complete.
func TestFetchResultToRefusesOtherBytes(t *testing.T) {
	data := randomBytes(t, 4096)
	wrong := cidOf(t, []byte("other bytes"))
	server := newHost(t, p2p.Config{Results: resultMap{wrong: data}})
	client := newClient(t, p2p.Limits{})
	var buf bytes.Buffer
	n, err := client.FetchResultTo(t.Context(), server.AddrInfo(), wrong, 1<<20, &buf)
	if !errors.Is(err, p2p.ErrCIDMismatch) {
		t.Fatalf("FetchResultTo of bytes that are not the CID's: %d bytes, %v; want ErrCIDMismatch", n, err)
	}
	if _, err := client.FetchResultTo(t.Context(), server.AddrInfo(), wrong, 4095, &buf); !errors.Is(err, p2p.ErrTooLarge) {
		t.Fatalf("FetchResultTo over maxSize: %v, want ErrTooLarge", err)
	}
}
