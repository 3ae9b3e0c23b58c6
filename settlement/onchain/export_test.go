package onchain

import (
	"math/big"

	"github.com/brine-compute/brine/settlement"
)

// CorruptRecord changes the indexed record of job id, as an indexing bug would.
func CorruptRecord(s *Settlement, id settlement.JobID) {
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	e := s.index.jobs[id]
	e.rec.Payment = new(big.Int).Add(e.rec.Payment, big.NewInt(1))
}
