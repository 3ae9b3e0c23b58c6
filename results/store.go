package results

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/ipfs/go-cid"
)

// DirName is the store's directory under a node's data directory.
const DirName = "results"

// DefaultStoreBytes is a suggested bound on a node's stored results.
const DefaultStoreBytes = 20 << 30

// tempPrefix starts the names of files being written; OpenStore removes leftovers.
const tempPrefix = ".put-"

// Dir is the result store's directory under dataDir.
func Dir(dataDir string) string { return filepath.Join(dataDir, DirName) }

// Store errors; test with errors.Is.
var (
	ErrNotFound  = errors.New("result not in the store")
	ErrStoreFull = errors.New("result store is full")
)

// StoreConfig configures a Store.
type StoreConfig struct {
	Dir      string // where results are kept; Dir(dataDir) for a node
	MaxBytes int64  // bound on the sum of the stored results' sizes
}

// Check validates the configuration.
func (c StoreConfig) Check() error {
	if c.Dir == "" {
		return errors.New("results: store directory is required")
	}
	if c.MaxBytes <= 0 {
		return fmt.Errorf("results: store size bound is %d bytes; it must be positive", c.MaxBytes)
	}
	return nil
}

// Store is a content-addressed store of results in one directory: a result is a file named
// by its CID string, mode 0600 in a 0700 directory. Every read checks the bytes against the
// CID. It is safe for concurrent use by one process; two processes must not share a
// directory (opening it removes the temporary files of writes in progress: the remains of a
// crash in a directory nothing else writes); a brine client command running while another
// holds the data directory's client store gets a store of its own.
type Store struct {
	dir string
	max int64

	mu       sync.Mutex
	sizes    map[string]int64    // stored results by CID string
	used     int64               // sum of sizes
	reserved int64               // bytes of Puts in progress
	pending  map[string]*putCall // Puts in progress by CID string
}

type putCall struct {
	done chan struct{}
	err  error
}

// OpenStore opens (creating it if needed) the store in cfg.Dir, indexes the results already
// there and removes files left by a Put that a crash interrupted. Files whose names are not
// result CIDs are left alone and not counted.
func OpenStore(cfg StoreConfig) (*Store, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("results: store: %w", err)
	}
	des, err := os.ReadDir(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("results: store: %w", err)
	}
	s := &Store{dir: cfg.Dir, max: cfg.MaxBytes, sizes: make(map[string]int64), pending: make(map[string]*putCall)}
	for _, de := range des {
		name := de.Name()
		if strings.HasPrefix(name, tempPrefix) {
			if err := os.Remove(filepath.Join(cfg.Dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("results: store: removing an interrupted write: %w", err)
			}
			continue
		}
		c, err := cid.Decode(name)
		if err != nil || c.String() != name || Check(c) != nil || !de.Type().IsRegular() {
			continue
		}
		info, err := de.Info()
		if err != nil {
			return nil, fmt.Errorf("results: store: %w", err)
		}
		s.sizes[name] = info.Size()
		s.used += info.Size()
	}
	return s, nil
}

func (s *Store) path(key string) string { return filepath.Join(s.dir, key) }

// key checks that c is a result CID and returns its file name.
func key(c cid.Cid) (string, error) {
	if err := Check(c); err != nil {
		return "", err
	}
	return c.String(), nil
}

// Put stores data under its CID and returns the CID. Storing a result that is already there
// checks the stored copy and replaces it if it is corrupt. Concurrent Puts of the same data
// write it once. A result that would take the store over its bound wraps ErrStoreFull.
func (s *Store) Put(data []byte) (cid.Cid, error) {
	c := CIDOf(data)
	k := c.String()
	for {
		s.mu.Lock()
		if call, ok := s.pending[k]; ok {
			s.mu.Unlock()
			<-call.done
			if call.err == nil {
				return c, nil
			}
			continue // it failed; try ourselves
		}
		call := &putCall{done: make(chan struct{})}
		s.pending[k] = call
		s.mu.Unlock()

		call.err = s.put(k, data)
		s.mu.Lock()
		delete(s.pending, k)
		s.mu.Unlock()
		close(call.done)
		if call.err != nil {
			return cid.Undef, call.err
		}
		return c, nil
	}
}

// put writes data as k; the caller is the only Put of k in progress.
func (s *Store) put(k string, data []byte) error {
	s.mu.Lock()
	_, have := s.sizes[k]
	s.mu.Unlock()
	if have {
		info, err := s.check(k)
		if err == nil {
			return nil
		}
		if !errors.Is(err, ErrMismatch) && !errors.Is(err, ErrNotFound) {
			return err
		}
		s.forget(k, info) // corrupt or gone: write it again
	}

	size := int64(len(data))
	s.mu.Lock()
	if free := s.max - s.used - s.reserved; size > free {
		used, reserved := s.used, s.reserved
		s.mu.Unlock()
		return fmt.Errorf("results: storing %d bytes: %d of %d bytes used, %d being written: %w", size, used, s.max, reserved, ErrStoreFull)
	}
	s.reserved += size
	s.mu.Unlock()
	committed := false
	defer func() {
		if !committed {
			s.mu.Lock()
			s.reserved -= size
			s.mu.Unlock()
		}
	}()

	tmp, err := os.CreateTemp(s.dir, tempPrefix+"*")
	if err != nil {
		return fmt.Errorf("results: store: %w", err)
	}
	defer func() {
		if !committed {
			os.Remove(tmp.Name())
		}
	}()
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("results: store: writing %s: %w", k, err)
	}

	s.mu.Lock()
	if err := os.Rename(tmp.Name(), s.path(k)); err != nil {
		s.mu.Unlock()
		return fmt.Errorf("results: store: %w", err)
	}
	s.sizes[k] = size
	s.used += size
	s.reserved -= size
	committed = true
	s.mu.Unlock()
	return syncDir(s.dir)
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("results: store: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("results: store: syncing %s: %w", dir, err)
	}
	return nil
}

// check reads the stored k and verifies it, returning the file's info for forget.
func (s *Store) check(k string) (fs.FileInfo, error) {
	f, info, err := s.open(k)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, info.Size())); err != nil {
		return nil, fmt.Errorf("results: store: reading %s: %w", k, err)
	}
	if got := cidOfDigest(h.Sum(nil)).String(); got != k {
		return info, fmt.Errorf("results: stored %s is corrupt (its bytes are %s): %w", k, got, ErrMismatch)
	}
	return info, nil
}

// open opens the stored k, checking that its size is the one stored.
func (s *Store) open(k string) (*os.File, fs.FileInfo, error) {
	s.mu.Lock()
	size, have := s.sizes[k]
	s.mu.Unlock()
	if !have {
		return nil, nil, fmt.Errorf("results: %s: %w", k, ErrNotFound)
	}
	f, err := os.Open(s.path(k))
	if errors.Is(err, fs.ErrNotExist) {
		s.forget(k, nil)
		return nil, nil, fmt.Errorf("results: %s: %w (its file is gone)", k, ErrNotFound)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("results: store: %w", err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("results: store: %w", err)
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("results: stored %s is not a regular file: %w", k, ErrMismatch)
	}
	if info.Size() != size {
		f.Close()
		s.forget(k, info)
		return nil, nil, fmt.Errorf("results: stored %s is %d bytes, not the %d stored; removed: %w", k, info.Size(), size, ErrMismatch)
	}
	return f, info, nil
}

// forget drops k from the index and removes its file, if the file is still the one
// described by info (nil: whatever is there). Renames into place happen under s.mu, so a
// copy that a concurrent Put has just written is never removed for an older copy's fault.
func (s *Store) forget(k string, info fs.FileInfo) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if info != nil {
		cur, err := os.Lstat(s.path(k))
		if err != nil || !os.SameFile(cur, info) {
			return
		}
	}
	if err := os.Remove(s.path(k)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return
	}
	if size, ok := s.sizes[k]; ok {
		s.used -= size
		delete(s.sizes, k)
	}
}

// Has reports whether the result c is stored (Get may still find it corrupt).
func (s *Store) Has(c cid.Cid) bool {
	k, err := key(c)
	if err != nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.sizes[k]
	return ok
}

// Get returns the result c after checking its bytes against c. A stored copy that does not
// match is removed and wraps ErrMismatch; an absent one wraps ErrNotFound; a CID that is not
// a result CID wraps ErrUnsupportedCID.
func (s *Store) Get(c cid.Cid) ([]byte, error) {
	k, err := key(c)
	if err != nil {
		return nil, err
	}
	f, info, err := s.open(k)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data := make([]byte, info.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			s.forget(k, info)
			return nil, fmt.Errorf("results: stored %s is truncated; removed: %w", k, ErrMismatch)
		}
		return nil, fmt.Errorf("results: store: reading %s: %w", k, err)
	}
	if err := Verify(data, c); err != nil {
		s.forget(k, info)
		return nil, fmt.Errorf("results: stored %s is corrupt; removed: %w", k, err)
	}
	return data, nil
}

// Open returns a reader of the result c and its size in bytes, for streaming it to a peer.
// The reader checks the bytes as they pass: it returns io.EOF only after all size bytes
// matched c, and an error wrapping ErrMismatch (and removes the stored copy) instead when
// they did not, so a consumer must not treat the bytes as the result before io.EOF.
func (s *Store) Open(c cid.Cid) (io.ReadCloser, int64, error) {
	k, err := key(c)
	if err != nil {
		return nil, 0, err
	}
	want, _ := digestOf(c)
	f, info, err := s.open(k)
	if err != nil {
		return nil, 0, err
	}
	return &verifyingReader{
		f: f, r: io.LimitReader(f, info.Size()), left: info.Size(), h: sha256.New(), want: want,
		corrupt: func() { s.forget(k, info) }, name: k,
	}, info.Size(), nil
}

// OpenFile returns the stored result c as a file, read once through and checked against c
// first (a copy that does not match is removed and wraps ErrMismatch), and its size: for
// readers that go through a result more than once (UnpackFrom, EntriesFrom) without holding
// it in memory. The caller closes it.
func (s *Store) OpenFile(c cid.Cid) (*os.File, int64, error) {
	rc, size, err := s.Open(c)
	if err != nil {
		return nil, 0, err
	}
	v := rc.(*verifyingReader)
	if _, err := io.Copy(io.Discard, v); err != nil {
		v.Close()
		return nil, 0, err
	}
	if _, err := v.f.Seek(0, io.SeekStart); err != nil {
		v.Close()
		return nil, 0, fmt.Errorf("results: store: %w", err)
	}
	return v.f, size, nil
}

type verifyingReader struct {
	f       *os.File
	r       io.Reader
	left    int64
	h       hash.Hash
	want    []byte
	corrupt func()
	name    string
	err     error // sticky final result
}

func (v *verifyingReader) Read(p []byte) (int, error) {
	if v.err != nil {
		return 0, v.err
	}
	n, err := v.r.Read(p)
	v.h.Write(p[:n])
	v.left -= int64(n)
	switch {
	case errors.Is(err, io.EOF):
		if v.left != 0 || !bytes.Equal(v.h.Sum(nil), v.want) {
			v.corrupt()
			v.err = fmt.Errorf("results: stored %s is corrupt; removed: %w", v.name, ErrMismatch)
		} else {
			v.err = io.EOF
		}
		return n, v.err
	case err != nil:
		v.err = fmt.Errorf("results: store: reading %s: %w", v.name, err)
		return n, v.err
	}
	return n, nil
}

func (v *verifyingReader) Close() error { return v.f.Close() }

// Delete removes the result c. An absent one wraps ErrNotFound.
func (s *Store) Delete(c cid.Cid) error {
	k, err := key(c)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	size, ok := s.sizes[k]
	if !ok {
		return fmt.Errorf("results: %s: %w", k, ErrNotFound)
	}
	if err := os.Remove(s.path(k)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("results: store: %w", err)
	}
	delete(s.sizes, k)
	s.used -= size
	return nil
}

// Usage returns the bytes the stored results take and the store's bound.
func (s *Store) Usage() (used, max int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.used, s.max
}

// List returns the stored results' CIDs in the order of their strings.
func (s *Store) List() []cid.Cid {
	s.mu.Lock()
	keys := make([]string, 0, len(s.sizes))
	for k := range s.sizes {
		keys = append(keys, k)
	}
	s.mu.Unlock()
	slices.Sort(keys)
	out := make([]cid.Cid, 0, len(keys))
	for _, k := range keys {
		if c, err := cid.Decode(k); err == nil {
			out = append(out, c)
		}
	}
	return out
}
