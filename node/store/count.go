package store

import (
	bolt "go.etcd.io/bbolt"
)

// Count returns how many records are in each state (every valid state, zero included), from
// the state index alone: cheap enough for every metrics scrape.
func (s *Store) Count() (map[State]int, error) {
	out := make(map[State]int, len(stateNames))
	for _, st := range States() {
		out[st] = 0
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketByState).ForEach(func(k, _ []byte) error {
			if len(k) == 9 && State(k[0]).valid() {
				out[State(k[0])]++
			}
			return nil
		})
	})
	return out, err
}

// CountByName is Count keyed by state name, for reports outside the node that know no State
// (metrics' brine_node_jobs).
func (s *Store) CountByName() (map[string]int, error) {
	counts, err := s.Count()
	if err != nil {
		return nil, err
	}
	out := make(map[string]int, len(counts))
	for st, n := range counts {
		out[st.String()] = n
	}
	return out, nil
}
