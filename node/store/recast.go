package store

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Recast records a job the node takes up again in another role: like Create, but a record of
// another role that the node abandoned (a provider that lost the accept race, later drawn as
// a verifier of the same job) is replaced by a new record in state Seen. A record of the same
// role changes nothing (created = false), except an ended verifier record when the node is
// drawn again to a later panel (an appeal's final panel: rec.RevealBy after the ended one's),
// which is replaced too; a live or otherwise ended record of another role fails with
// ErrExists.
func (s *Store) Recast(rec JobRecord) (created bool, err error) {
	r := rec.clone()
	if err := r.checkNew(); err != nil {
		return false, err
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		have, err := load(tx, r.Job)
		prev := StateUnknown
		switch {
		case err == nil && have.Role == RoleVerifier && r.Role == RoleVerifier && have.State.Terminal() && r.RevealBy.After(have.RevealBy):
			// Drawn again, to an appeal's final panel: the first panel's seat ended.
			prev = have.State
			if err := tx.Bucket(bucketByState).Delete(stateKey(prev, r.Job)); err != nil {
				return err
			}
		case err == nil && have.Role == r.Role:
			return nil
		case err == nil && have.State == StateAbandoned:
			prev = have.State
			if err := tx.Bucket(bucketByState).Delete(stateKey(prev, r.Job)); err != nil {
				return err
			}
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
