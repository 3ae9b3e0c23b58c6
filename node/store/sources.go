package store

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	bolt "go.etcd.io/bbolt"
)

// MaxSpecSources bounds the sources kept per spec: a peer that pushes a spec many times under
// many identities pushes out only older sources of that spec.
const MaxSpecSources = 4

// SpecSource is a peer that pushed a spec, and the multiaddrs it was reached at then.
type SpecSource struct {
	Peer  string   `json:"peer"`
	Addrs []string `json:"addrs,omitempty"`
}

// AddSource records that src pushed the spec hash: a peer already recorded gets its addresses
// replaced and moves to the end; past MaxSpecSources the oldest is dropped.
func (s *Store) AddSource(hash common.Hash, src SpecSource) error {
	if src.Peer == "" {
		return fmt.Errorf("%w: spec source without a peer", ErrInvalid)
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSources)
		list, err := decodeSources(b.Get(hash[:]))
		if err != nil {
			return err
		}
		list = slices.DeleteFunc(list, func(o SpecSource) bool { return o.Peer == src.Peer })
		list = append(list, src)
		if len(list) > MaxSpecSources {
			list = list[len(list)-MaxSpecSources:]
		}
		v, err := json.Marshal(list)
		if err != nil {
			return err
		}
		return b.Put(hash[:], v)
	})
}

// Sources returns the recorded sources of spec hash, oldest first (none: an empty list).
func (s *Store) Sources(hash common.Hash) ([]SpecSource, error) {
	var out []SpecSource
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		out, err = decodeSources(tx.Bucket(bucketSources).Get(hash[:]))
		return err
	})
	return out, err
}

func decodeSources(v []byte) ([]SpecSource, error) {
	if v == nil {
		return nil, nil
	}
	var list []SpecSource
	if err := json.Unmarshal(v, &list); err != nil {
		return nil, fmt.Errorf("store: spec sources: %w", err)
	}
	return list, nil
}
