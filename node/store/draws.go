package store

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/brine-compute/brine/settlement"
)

// Pending draws: challenges the node saw opened and will draw verifiers for once the chain is
// past their anchor block. They are kept here, not in memory, because the watcher's cursor
// moves past the ChallengeOpened event once it is handled: a node restarted before the draw
// would never see it again.

// PutDraw records that job id's verifiers are to be drawn after block anchor (replacing the
// anchor of a draw already pending: a re-anchored draw).
func (s *Store) PutDraw(id settlement.JobID, anchor uint64) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDraws).Put(jobKey(id), binary.BigEndian.AppendUint64(nil, anchor))
	})
}

// Reanchor moves job id's pending draw to anchor; ok is false (and nothing is written) when no
// draw of that job is pending.
func (s *Store) Reanchor(id settlement.JobID, anchor uint64) (ok bool, err error) {
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDraws)
		if b.Get(jobKey(id)) == nil {
			return nil
		}
		ok = true
		return b.Put(jobKey(id), binary.BigEndian.AppendUint64(nil, anchor))
	})
	return ok, err
}

// DeleteDraw forgets job id's pending draw when its anchor is anchor (0: whatever the anchor),
// so a draw finished for an old anchor does not drop the re-anchored one.
func (s *Store) DeleteDraw(id settlement.JobID, anchor uint64) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDraws)
		v := b.Get(jobKey(id))
		if v == nil || anchor != 0 && (len(v) != 8 || binary.BigEndian.Uint64(v) != anchor) {
			return nil
		}
		return b.Delete(jobKey(id))
	})
}

// Draws returns the pending draws: job ID → anchor block.
func (s *Store) Draws() (map[settlement.JobID]uint64, error) {
	out := make(map[settlement.JobID]uint64)
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDraws).ForEach(func(k, v []byte) error {
			if len(k) != 8 || len(v) != 8 {
				return fmt.Errorf("store: bad pending draw %x → %x", k, v)
			}
			out[settlement.JobID(binary.BigEndian.Uint64(k))] = binary.BigEndian.Uint64(v)
			return nil
		})
	})
	return out, err
}
