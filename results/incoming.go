package results

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"

	"github.com/ipfs/go-cid"
)

// Incoming is a result written into the store as it arrives (a fetch from a peer), so that a
// large result never has to be held in memory: its bytes go to a temporary file in the store's
// directory, hashed on the way, and become the stored result only by Commit, once they are
// known to be the CID's. Reset discards what was written (a source that failed, before the
// next is asked); Discard removes the file. It is for one goroutine.
type Incoming struct {
	s   *Store
	f   *os.File
	sum hash.Hash
	n   int64
	// reserved is what n holds of the store's room, taken as the bytes arrive.
	reserved int64
	done     bool
}

// Incoming starts writing a result into the store (see the type). Its bytes count against
// the store's bound as they arrive: a write that would go over it fails wrapping ErrStoreFull.
func (s *Store) Incoming() (*Incoming, error) {
	f, err := os.CreateTemp(s.dir, tempPrefix+"*")
	if err != nil {
		return nil, fmt.Errorf("results: store: %w", err)
	}
	return &Incoming{s: s, f: f, sum: sha256.New()}, nil
}

// Write writes p after what was written so far.
func (in *Incoming) Write(p []byte) (int, error) {
	if in.done {
		return 0, errors.New("results: incoming result already committed or discarded")
	}
	if err := in.reserve(int64(len(p))); err != nil {
		return 0, err
	}
	n, err := in.f.Write(p)
	in.sum.Write(p[:n])
	in.n += int64(n)
	if err != nil {
		return n, fmt.Errorf("results: store: writing an incoming result: %w", err)
	}
	return n, nil
}

// reserve takes room in the store for n more bytes.
func (in *Incoming) reserve(n int64) error {
	s := in.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if free := s.max - s.used - s.reserved; n > free {
		return fmt.Errorf("results: storing an incoming result past %d bytes: %d of %d bytes used, %d being written: %w",
			in.n, s.used, s.max, s.reserved, ErrStoreFull)
	}
	s.reserved += n
	in.reserved += n
	return nil
}

// release gives back the room the written bytes held.
func (in *Incoming) release() {
	in.s.mu.Lock()
	in.s.reserved -= in.reserved
	in.s.mu.Unlock()
	in.reserved = 0
}

// Reset discards what was written: the next Write starts the result again.
func (in *Incoming) Reset() error {
	if in.done {
		return errors.New("results: incoming result already committed or discarded")
	}
	if err := in.f.Truncate(0); err != nil {
		return fmt.Errorf("results: store: %w", err)
	}
	if _, err := in.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("results: store: %w", err)
	}
	in.release()
	in.sum.Reset()
	in.n = 0
	return nil
}

// Commit stores what was written as the result c, durably, if its bytes are c's (else it
// wraps ErrMismatch and keeps nothing). A result already stored is kept as it is. The
// Incoming is done either way.
func (in *Incoming) Commit(c cid.Cid) error {
	if in.done {
		return errors.New("results: incoming result already committed or discarded")
	}
	defer in.Discard()
	k, err := key(c)
	if err != nil {
		return err
	}
	if got := cidOfDigest(in.sum.Sum(nil)); !got.Equals(c) {
		return fmt.Errorf("results: %d incoming bytes are %s, not %s: %w", in.n, got, c, ErrMismatch)
	}
	if err := in.f.Sync(); err != nil {
		return fmt.Errorf("results: store: writing %s: %w", k, err)
	}
	s := in.s
	s.mu.Lock()
	if _, have := s.sizes[k]; have {
		s.mu.Unlock()
		return nil
	}
	if err := os.Rename(in.f.Name(), s.path(k)); err != nil {
		s.mu.Unlock()
		return fmt.Errorf("results: store: %w", err)
	}
	s.sizes[k] = in.n
	s.used += in.n
	s.reserved -= in.reserved
	in.reserved = 0
	s.mu.Unlock()
	return syncDir(s.dir)
}

// Discard drops what was written (nothing, after Commit stored it). It may be called more
// than once.
func (in *Incoming) Discard() {
	if in.reserved != 0 {
		in.release()
	}
	if in.f != nil {
		in.f.Close()
		os.Remove(in.f.Name()) // gone already after a Commit's rename
		in.f = nil
	}
	in.done = true
}
