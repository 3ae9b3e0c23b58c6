package prober

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

var (
	bucketProbes = []byte("probes") // epoch(8) provider(20) unix nanos(8) seq(8) -> Record JSON
	bucketTrees  = []byte("trees")  // epoch(8) -> tree JSON ("" when the epoch had no leaf)
	bucketPosted = []byte("posted") // epoch(8) -> root (32 bytes)
)

// ErrLocked: another process (another prober of the same reporter) has the store open.
var ErrLocked = errors.New("prober: the store is open in another process")

// Record is one probe as the store keeps it.
type Record struct {
	Epoch    uint64         `json:"epoch"`
	Provider common.Address `json:"provider"`
	Time     time.Time      `json:"time"`
	OK       bool           `json:"ok"`
	Reason   string         `json:"reason,omitempty"`
}

// Store is the prober's embedded database (bbolt): every probe, the tree built for each closed
// epoch and the roots posted, so a restarted prober keeps its probes and never posts twice.
type Store struct {
	db *bolt.DB
}

// StorePath is where a prober keeps its database under a data directory.
func StorePath(dataDir string) string { return filepath.Join(dataDir, "prober", "probes.db") }

// OpenStore opens (creating) the database at path.
func OpenStore(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("prober store %s: %w", path, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("prober store: %w", err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketProbes, bucketTrees, bucketPosted} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func epochKey(e uint64) []byte { return binary.BigEndian.AppendUint64(nil, e) }

// Add records one probe.
func (s *Store) Add(r Record) error {
	v, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketProbes)
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		k := epochKey(r.Epoch)
		k = append(k, r.Provider.Bytes()...)
		k = binary.BigEndian.AppendUint64(k, uint64(r.Time.UnixNano()))
		k = binary.BigEndian.AppendUint64(k, seq)
		return b.Put(k, v)
	})
}

// Probes returns every probe of an epoch, by provider then time.
func (s *Store) Probes(epoch uint64) ([]Record, error) {
	var out []Record
	prefix := epochKey(epoch)
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketProbes).Cursor()
		for k, v := c.Seek(prefix); k != nil && len(k) >= 8 && string(k[:8]) == string(prefix); k, v = c.Next() {
			var r Record
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// Epochs lists the epochs with at least one probe, ascending.
func (s *Store) Epochs() ([]uint64, error) {
	var out []uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketProbes).Cursor()
		for k, _ := c.First(); k != nil; {
			e := binary.BigEndian.Uint64(k[:8])
			out = append(out, e)
			if e == ^uint64(0) {
				break
			}
			k, _ = c.Seek(epochKey(e + 1))
		}
		return nil
	})
	return out, err
}

// ErrNoTree: the epoch has not been closed (or had no leaf).
var ErrNoTree = errors.New("prober: no tree for this epoch")

// PutTree records an epoch's tree document (nil: closed without a leaf). An existing tree is
// kept: an epoch is closed once.
func (s *Store) PutTree(epoch uint64, doc []byte) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTrees)
		if b.Get(epochKey(epoch)) != nil {
			return nil
		}
		if doc == nil {
			doc = []byte{}
		}
		return b.Put(epochKey(epoch), doc)
	})
}

// Tree returns an epoch's tree document; closed reports whether the epoch was closed at all
// (a closed epoch without leaves has a nil document).
func (s *Store) Tree(epoch uint64) (doc []byte, closed bool, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketTrees).Get(epochKey(epoch))
		if v != nil {
			closed = true
			if len(v) > 0 {
				doc = append([]byte(nil), v...)
			}
		}
		return nil
	})
	return doc, closed, err
}

// MarkPosted records that the root of epoch is on chain.
func (s *Store) MarkPosted(epoch uint64, root common.Hash) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPosted).Put(epochKey(epoch), root.Bytes())
	})
}

// Posted returns the root posted for epoch, if any.
func (s *Store) Posted(epoch uint64) (common.Hash, bool, error) {
	var root common.Hash
	var ok bool
	err := s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketPosted).Get(epochKey(epoch)); v != nil {
			root, ok = common.BytesToHash(v), true
		}
		return nil
	})
	return root, ok, err
}

// PublishedTree is the tree document of a closed epoch with leaves (nil otherwise): the
// p2p.TreeSource of the prober's host, serving /brine/rewards-tree/1.0.0 as Handler serves
// GET /trees/<epoch>.json.
func (s *Store) PublishedTree(epoch uint64) ([]byte, error) {
	doc, _, err := s.Tree(epoch)
	return doc, err
}
