package results

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ipfs/go-cid"
)

func openStore(t *testing.T, dir string, max int64) *Store {
	t.Helper()
	s, err := OpenStore(StoreConfig{Dir: dir, MaxBytes: max})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func assertUsage(t *testing.T, s *Store, want int64) {
	t.Helper()
	if used, _ := s.Usage(); used != want {
		t.Fatalf("store uses %d bytes, want %d", used, want)
	}
}

func TestStoreConfigCheck(t *testing.T) {
	for _, cfg := range []StoreConfig{{}, {Dir: "x"}, {Dir: "x", MaxBytes: -1}, {MaxBytes: 1}} {
		if cfg.Check() == nil {
			t.Errorf("%+v passes Check", cfg)
		}
	}
	if _, err := OpenStore(StoreConfig{Dir: t.TempDir()}); err == nil {
		t.Error("OpenStore without a bound succeeds")
	}
	if Dir("/data") != filepath.Join("/data", "results") {
		t.Errorf("Dir = %s", Dir("/data"))
	}
}

func TestStoreRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "results")
	s := openStore(t, dir, 1<<20)
	data := []byte("an archive")
	c, err := s.Put(data)
	if err != nil {
		t.Fatal(err)
	}
	if c != CIDOf(data) || !s.Has(c) {
		t.Fatalf("Put returned %s, Has = %v", c, s.Has(c))
	}
	got, err := s.Get(c)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("Get = %q, %v", got, err)
	}
	r, size, err := s.Open(c)
	if err != nil || size != int64(len(data)) {
		t.Fatalf("Open: size %d, %v", size, err)
	}
	streamed, err := io.ReadAll(r)
	r.Close()
	if err != nil || !bytes.Equal(streamed, data) {
		t.Fatalf("Open read %q, %v", streamed, err)
	}
	st, err := os.Stat(filepath.Join(dir, c.String()))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("stored file: %v, %v", st, err)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("store directory: %v, %v", st, err)
	}

	// Storing it again changes nothing.
	if c2, err := s.Put(data); err != nil || c2 != c {
		t.Fatalf("second Put = %s, %v", c2, err)
	}
	assertUsage(t, s, int64(len(data)))
	other, err := s.Put([]byte("another"))
	if err != nil {
		t.Fatal(err)
	}
	assertUsage(t, s, int64(len(data)+len("another")))

	// A reopened store sees the same results.
	s2 := openStore(t, dir, 1<<20)
	assertUsage(t, s2, int64(len(data)+len("another")))
	want := []cid.Cid{c, other}
	if want[0].String() > want[1].String() {
		want[0], want[1] = want[1], want[0]
	}
	if l := s2.List(); len(l) != 2 || l[0] != want[0] || l[1] != want[1] {
		t.Fatalf("List = %v, want %v", l, want)
	}

	if err := s2.Delete(c); err != nil {
		t.Fatal(err)
	}
	if s2.Has(c) {
		t.Fatal("Has after Delete")
	}
	if _, err := s2.Get(c); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get after Delete: %v", err)
	}
	if _, _, err := s2.Open(c); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Open after Delete: %v", err)
	}
	if err := s2.Delete(c); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second Delete: %v", err)
	}
	assertUsage(t, s2, int64(len("another")))

	for name, c := range otherCIDs(t, data) {
		if _, err := s2.Get(c); !errors.Is(err, ErrUnsupportedCID) {
			t.Errorf("Get of a %s CID: %v", name, err)
		}
		if s2.Has(c) {
			t.Errorf("Has of a %s CID", name)
		}
	}
}

// corrupt changes the stored copy of c on disk.
func corrupt(t *testing.T, dir string, c cid.Cid, how string) {
	t.Helper()
	p := filepath.Join(dir, c.String())
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	switch how {
	case "flip":
		b[len(b)/2] ^= 0x01
	case "truncate":
		b = b[:len(b)-1]
	case "extend":
		b = append(b, '!')
	case "empty":
		b = nil
	}
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestStoreCorruption(t *testing.T) {
	data := bytes.Repeat([]byte("result bytes "), 100)
	for _, how := range []string{"flip", "truncate", "extend", "empty"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			s := openStore(t, dir, 1<<20)
			c, err := s.Put(data)
			if err != nil {
				t.Fatal(err)
			}
			corrupt(t, dir, c, how)
			got, err := s.Get(c)
			if !errors.Is(err, ErrMismatch) || got != nil {
				t.Fatalf("Get of a corrupt copy = %d bytes, %v; want ErrMismatch", len(got), err)
			}
			if s.Has(c) {
				t.Fatal("a corrupt copy is still indexed")
			}
			if _, err := os.Stat(filepath.Join(dir, c.String())); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("corrupt copy not removed: %v", err)
			}
			assertUsage(t, s, 0)

			// Put restores it.
			if _, err := s.Put(data); err != nil {
				t.Fatal(err)
			}
			if got, err := s.Get(c); err != nil || !bytes.Equal(got, data) {
				t.Fatalf("Get after restoring: %v", err)
			}

			// Streaming finds it too: at Open when the size changed, at the end otherwise.
			corrupt(t, dir, c, how)
			r, _, err := s.Open(c)
			if err == nil {
				_, err = io.ReadAll(r)
				r.Close()
			}
			if !errors.Is(err, ErrMismatch) {
				t.Fatalf("streaming a corrupt copy: %v; want ErrMismatch", err)
			}
			if s.Has(c) {
				t.Fatal("a corrupt streamed copy is still indexed")
			}

			// Put over a corrupt copy (not yet noticed) replaces it.
			if _, err := s.Put(data); err != nil {
				t.Fatal(err)
			}
			corrupt(t, dir, c, how)
			if _, err := s.Put(data); err != nil {
				t.Fatal(err)
			}
			if got, err := s.Get(c); err != nil || !bytes.Equal(got, data) {
				t.Fatalf("Get after Put over a corrupt copy: %v", err)
			}
			assertUsage(t, s, int64(len(data)))
		})
	}
}

func TestStoreBound(t *testing.T) {
	s := openStore(t, t.TempDir(), 100)
	a := bytes.Repeat([]byte("a"), 60)
	b := bytes.Repeat([]byte("b"), 50)
	ca, err := s.Put(a)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Put(b)
	if !errors.Is(err, ErrStoreFull) || !strings.Contains(err.Error(), "100 bytes") {
		t.Fatalf("Put over the bound: %v; want ErrStoreFull naming the bound", err)
	}
	if s.Has(CIDOf(b)) {
		t.Fatal("refused result is stored")
	}
	if _, err := s.Put(bytes.Repeat([]byte("c"), 101)); !errors.Is(err, ErrStoreFull) {
		t.Fatalf("Put of a result larger than the store: %v", err)
	}
	if _, err := s.Put(bytes.Repeat([]byte("d"), 40)); err != nil {
		t.Fatalf("Put that exactly fills the store: %v", err)
	}
	assertUsage(t, s, 100)
	if err := s.Delete(ca); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(b); err != nil {
		t.Fatalf("Put after Delete made room: %v", err)
	}
	assertUsage(t, s, 90)
}

// TestStoreConcurrentPuts stores the same result from many goroutines in a store with room
// for exactly one copy: each must succeed and it must be written once.
func TestStoreConcurrentPuts(t *testing.T) {
	dir := t.TempDir()
	data := bytes.Repeat([]byte("same result "), 1000)
	s := openStore(t, dir, int64(len(data)))
	var wg sync.WaitGroup
	errs := make(chan error, 32)
	for range 32 {
		wg.Go(func() {
			c, err := s.Put(data)
			if err == nil && c != CIDOf(data) {
				err = fmt.Errorf("Put returned %s", c)
			}
			if err == nil {
				var got []byte
				got, err = s.Get(c)
				if err == nil && !bytes.Equal(got, data) {
					err = errors.New("Get returned other bytes")
				}
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	assertUsage(t, s, int64(len(data)))
	names, err := os.ReadDir(dir)
	if err != nil || len(names) != 1 || names[0].Name() != CIDOf(data).String() {
		t.Fatalf("store directory holds %v (%v); want only the result", names, err)
	}
}

// TestStoreConcurrentMixed runs Puts, Gets, Opens and Deletes of several results at once
// (run with -race); the books must match the files at the end.
func TestStoreConcurrentMixed(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, 1<<20)
	results := make([][]byte, 8)
	for i := range results {
		results[i] = bytes.Repeat([]byte{byte('a' + i)}, 100*(i+1))
	}
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for i := range 50 {
				data := results[(g+i)%len(results)]
				c := CIDOf(data)
				switch i % 4 {
				case 0, 1:
					if _, err := s.Put(data); err != nil {
						t.Error(err)
					}
				case 2:
					if got, err := s.Get(c); err == nil && !bytes.Equal(got, data) {
						t.Error("Get returned other bytes")
					} else if err != nil && !errors.Is(err, ErrNotFound) {
						t.Error(err)
					}
				case 3:
					if err := s.Delete(c); err != nil && !errors.Is(err, ErrNotFound) {
						t.Error(err)
					}
				}
			}
		})
	}
	wg.Wait()
	var onDisk int64
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(e.Name(), tempPrefix) {
			t.Errorf("temporary file %s left behind", e.Name())
		}
		onDisk += info.Size()
	}
	assertUsage(t, s, onDisk)
	if len(s.List()) != len(entries) {
		t.Fatalf("index holds %d results, directory %d files", len(s.List()), len(entries))
	}
}

func TestOpenStoreCleansUp(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, 1<<20)
	c, err := s.Put([]byte("kept"))
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		tempPrefix + "123": "interrupted write",
		"README":           "not a result",
		"bafyfoo":          "not a CID",
		otherCIDs(t, []byte("v0"))["CIDv0"].String():  "v0",
		otherCIDs(t, []byte("pb"))["dag-pb"].String(): "pb",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s2 := openStore(t, dir, 1<<20)
	if _, err := os.Stat(filepath.Join(dir, tempPrefix+"123")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("interrupted write not removed: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "README")); err != nil {
		t.Fatalf("unrelated file removed: %v", err)
	}
	if l := s2.List(); len(l) != 1 || l[0] != c {
		t.Fatalf("List = %v, want [%s]", l, c)
	}
	assertUsage(t, s2, int64(len("kept")))
}
