package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	bolt "go.etcd.io/bbolt"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/settlement"
)

// DirName and FileName place the database under the data directory.
const (
	DirName  = "node"
	FileName = "state.db"
)

// Path is the database's path under dataDir.
func Path(dataDir string) string { return filepath.Join(dataDir, DirName, FileName) }

// schema is the layout version written into the meta bucket.
const schema = "1"

var (
	bucketMeta    = []byte("meta")
	bucketJobs    = []byte("jobs")     // job ID (8 bytes, big-endian) → JSON JobRecord
	bucketByState = []byte("by-state") // state (1 byte) ‖ job ID → nothing
	bucketCursors = []byte("cursors")  // name → block (8 bytes) ‖ log index (8 bytes)
	bucketSpecs   = []byte("specs")    // spec hash (32 bytes) → canonical spec bytes
	bucketDraws   = []byte("draws")    // job ID → anchor block (8 bytes): challenges to draw verifiers for
	bucketSources = []byte("sources")  // spec hash → JSON []SpecSource: the peers that pushed it

	keySchema     = []byte("schema")
	keyDeployment = []byte("deployment")
)

// Store is the node's database. It is safe for concurrent use; writes are serialized.
type Store struct {
	db    *bolt.DB
	clock clock.Clock
}

// Option changes how Open opens the database.
type Option func(*options)

type options struct {
	clock   clock.Clock
	timeout time.Duration
}

// WithClock sets the clock that stamps records (default clock.System).
func WithClock(c clock.Clock) Option { return func(o *options) { o.clock = c } }

// WithLockTimeout sets how long Open waits for another process's lock on the file (default
// one second).
func WithLockTimeout(d time.Duration) Option { return func(o *options) { o.timeout = d } }

// Open opens (creating if needed) the database at path. Its directory is created 0700, the
// file 0600. Only one process may have it open: a second Open fails after the lock timeout.
func Open(path string, opts ...Option) (*Store, error) {
	o := options{clock: clock.System, timeout: time.Second}
	for _, opt := range opts {
		opt(&o)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: o.timeout})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, fmt.Errorf("store: %s is locked by another process (is another node running on this data directory?): %w", path, err)
		}
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s := &Store{db: db, clock: o.clock}
	if err := db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketJobs, bucketByState, bucketCursors, bucketSpecs, bucketDraws, bucketSources} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		switch v := meta.Get(keySchema); {
		case v == nil:
			return meta.Put(keySchema, []byte(schema))
		case string(v) != schema:
			return fmt.Errorf("store: %s has schema %q; this node reads %q", path, v, schema)
		}
		return nil
	}); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Bind ties the data directory to a deployment (for example "<chain ID>/<market address>"):
// the first call records it, later calls fail with ErrBound when it differs.
func (s *Store) Bind(deployment string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		switch have := meta.Get(keyDeployment); {
		case have == nil:
			return meta.Put(keyDeployment, []byte(deployment))
		case string(have) != deployment:
			return fmt.Errorf("%w: it holds the state of %q, not %q; use another data directory", ErrBound, have, deployment)
		}
		return nil
	})
}

func jobKey(id settlement.JobID) []byte { return binary.BigEndian.AppendUint64(nil, uint64(id)) }

func stateKey(st State, id settlement.JobID) []byte {
	return binary.BigEndian.AppendUint64([]byte{byte(st)}, uint64(id))
}

func load(tx *bolt.Tx, id settlement.JobID) (*JobRecord, error) {
	v := tx.Bucket(bucketJobs).Get(jobKey(id))
	if v == nil {
		return nil, fmt.Errorf("%w: job %d", ErrNotFound, id)
	}
	var r JobRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return nil, fmt.Errorf("store: decode job %d: %w", id, err)
	}
	return &r, nil
}

// save writes r and moves its state index entry from prev (StateUnknown: none).
func save(tx *bolt.Tx, r *JobRecord, prev State) error {
	v, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("store: encode job %d: %w", r.Job, err)
	}
	if err := tx.Bucket(bucketJobs).Put(jobKey(r.Job), v); err != nil {
		return err
	}
	idx := tx.Bucket(bucketByState)
	if prev != StateUnknown && prev != r.State {
		if err := idx.Delete(stateKey(prev, r.Job)); err != nil {
			return err
		}
	}
	return idx.Put(stateKey(r.State, r.Job), nil)
}

// Create records a job the node saw, in state Seen (rec.State must be Seen or unset; the
// store sets the times). Creating a job that is already recorded with the same role changes
// nothing and reports created = false, so a replayed event is harmless; with another role it
// fails with ErrExists.
func (s *Store) Create(rec JobRecord) (created bool, err error) {
	r := rec.clone()
	if err := r.checkNew(); err != nil {
		return false, err
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		have, err := load(tx, r.Job)
		switch {
		case err == nil && have.Role == r.Role:
			return nil
		case err == nil:
			return fmt.Errorf("%w: job %d is recorded as %s (%s), not %s", ErrExists, r.Job, have.Role, have.State, r.Role)
		case !errors.Is(err, ErrNotFound):
			return err
		}
		now := s.clock.Now().UTC()
		r.State, r.Created, r.Updated, r.History = StateSeen, now, now, nil
		created = true
		return save(tx, &r, StateUnknown)
	})
	if err != nil {
		return false, err
	}
	return created, nil
}

// Get returns the record of job id (ErrNotFound when there is none).
func (s *Store) Get(id settlement.JobID) (JobRecord, error) {
	var r *JobRecord
	err := s.db.View(func(tx *bolt.Tx) (err error) {
		r, err = load(tx, id)
		return err
	})
	if err != nil {
		return JobRecord{}, err
	}
	return *r, nil
}

// Transition moves job id from state `from` to state `to` and applies mutate (which may be
// nil) to the record, all in one database transaction, and only if the stored state is
// `from`: otherwise it fails with a *ConflictError (errors.Is ErrConflict) naming the state
// found. A step the graph does not have for the record's role fails with a *TransitionError
// (ErrIllegal) whatever the stored state; a mutate that breaks an invariant (see the package
// documentation) fails with ErrInvalid. On any error nothing is written.
//
// mutate must not change Job, Role or State and must not block: it runs inside the write
// transaction. Transition returns once the change is on disk.
func (s *Store) Transition(id settlement.JobID, from, to State, mutate func(*JobRecord)) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		old, err := load(tx, id)
		if err != nil {
			return err
		}
		if !Legal(old.Role, from, to) {
			return &TransitionError{Job: id, Role: old.Role, From: from, To: to}
		}
		if old.State != from {
			return &ConflictError{Job: id, Expected: from, Actual: old.State}
		}
		r := old.clone()
		if mutate != nil {
			mutate(&r)
			if r.State != from {
				return fmt.Errorf("%w: job %d: mutate changed the state; pass it to Transition instead", ErrInvalid, id)
			}
		}
		r.State = to
		if err := checkStep(old, &r); err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		r.Updated = now
		if to != from {
			r.History = append(r.History, Step{From: from, To: to, At: now})
			if n := len(r.History) - maxHistory; n > 0 {
				r.History = append([]Step(nil), r.History[n:]...)
			}
		}
		return save(tx, &r, from)
	})
}

// List returns the records in any of the given states (every record when none is given), by
// job ID within each state, states in the order given.
func (s *Store) List(states ...State) ([]JobRecord, error) {
	if len(states) == 0 {
		states = States()
	}
	var out []JobRecord
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketByState).Cursor()
		for _, st := range states {
			prefix := []byte{byte(st)}
			for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
				if len(k) != 9 {
					return fmt.Errorf("store: bad state index key %x", k)
				}
				r, err := load(tx, settlement.JobID(binary.BigEndian.Uint64(k[1:])))
				if err != nil {
					return fmt.Errorf("store: state index: %w", err)
				}
				if r.State != st {
					return fmt.Errorf("store: state index lists job %d as %s; its record says %s", r.Job, st, r.State)
				}
				out = append(out, *r)
			}
		}
		return nil
	})
	return out, err
}

// PutCursor records the event cursor called name.
func (s *Store) PutCursor(name string, c settlement.Cursor) error {
	v := binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64(nil, c.Block), uint64(c.LogIndex))
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketCursors).Put([]byte(name), v)
	})
}

// GetCursor returns the event cursor called name; ok is false (and the cursor zero) when none
// was recorded.
func (s *Store) GetCursor(name string) (c settlement.Cursor, ok bool, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketCursors).Get([]byte(name))
		if v == nil {
			return nil
		}
		if len(v) != 16 {
			return fmt.Errorf("store: cursor %q: %d bytes, want 16", name, len(v))
		}
		c = settlement.Cursor{Block: binary.BigEndian.Uint64(v), LogIndex: uint(binary.BigEndian.Uint64(v[8:]))}
		ok = true
		return nil
	})
	return c, ok, err
}

// PutSpec stores a canonical job spec under its hash (sha256 of the bytes, as package jobspec
// defines the spec hash). Bytes that do not hash to hash, or are larger than jobspec.MaxSize,
// are refused.
func (s *Store) PutSpec(hash common.Hash, canonical []byte) error {
	if len(canonical) > jobspec.MaxSize {
		return fmt.Errorf("%w: spec %s is %d bytes, more than %d", ErrInvalid, hash, len(canonical), jobspec.MaxSize)
	}
	if got := common.Hash(sha256.Sum256(canonical)); got != hash {
		return fmt.Errorf("%w: sha256 is %s, key %s", ErrSpecHash, got, hash)
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSpecs).Put(hash[:], canonical)
	})
}

// GetSpec returns the canonical spec stored under hash (ErrNotFound when there is none).
func (s *Store) GetSpec(hash common.Hash) ([]byte, error) {
	var out []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketSpecs).Get(hash[:])
		if v == nil {
			return fmt.Errorf("%w: spec %s", ErrNotFound, hash)
		}
		out = bytes.Clone(v) // bbolt's bytes are valid only inside the transaction
		return nil
	})
	return out, err
}
