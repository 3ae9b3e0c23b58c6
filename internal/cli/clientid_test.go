package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/brine-compute/brine/results"
)

// Two client commands at once in one data directory get different peer IDs and blob stores,
// and each stores and serves its module; the stored key and dir/blobs are the ones used
// whenever no other command holds them, so what was stored there is found again.
func TestClientHomeConcurrent(t *testing.T) {
	switch runtime.GOOS {
	case "linux", "darwin", "freebsd", "netbsd", "openbsd", "dragonfly":
	default:
		t.Skip("no flock here: every client command uses the stored key")
	}
	dir := t.TempDir()
	first, err := claimClientHome(dir)
	if err != nil {
		t.Fatal(err)
	}
	second, err := claimClientHome(dir)
	if err != nil {
		t.Fatal(err)
	}
	if first.id.Peer == second.id.Peer {
		t.Fatalf("two concurrent client hosts share peer %s", first.id.Peer)
	}
	if want := filepath.Join(dir, "blobs"); first.blobsDir != want {
		t.Errorf("the first command's blob store is %s, want %s", first.blobsDir, want)
	}
	if second.blobsDir == first.blobsDir {
		t.Fatalf("two concurrent client commands share the blob store %s", first.blobsDir)
	}

	// Both store at once: a module each, large enough for the writes to overlap.
	modules := [][]byte{bytes.Repeat([]byte("first module "), 1<<16), bytes.Repeat([]byte("second module "), 1<<16)}
	stores := make([]*results.Store, 2)
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, h := range []*clientHome{first, second} {
		wg.Go(func() {
			s, err := results.OpenStore(results.StoreConfig{Dir: h.blobsDir, MaxBytes: results.DefaultStoreBytes})
			if err == nil {
				_, err = s.Put(modules[i])
			}
			stores[i], errs[i] = s, err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	for i, s := range stores {
		if got, err := s.Get(results.CIDOf(modules[i])); err != nil || !bytes.Equal(got, modules[i]) {
			t.Errorf("command %d cannot serve its module: %v", i, err)
		}
	}

	if err := second.release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(second.blobsDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the concurrent command's own blob store is left after release: %v", err)
	}
	if err := first.release(); err != nil {
		t.Fatal(err)
	}
	again, err := claimClientHome(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer again.release()
	if again.id.Peer != first.id.Peer || again.blobsDir != first.blobsDir {
		t.Errorf("after the first released them, got peer %s and store %s, want the stored %s and %s",
			again.id.Peer, again.blobsDir, first.id.Peer, first.blobsDir)
	}
	s, err := results.OpenStore(results.StoreConfig{Dir: again.blobsDir, MaxBytes: results.DefaultStoreBytes})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(results.CIDOf(modules[0])); err != nil {
		t.Errorf("the module stored under the stored key is not found by a later command: %v", err)
	}
}
