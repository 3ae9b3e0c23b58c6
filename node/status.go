package node

import (
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/settlement"
)

// statusSource serves the node's job records over /brine/status: a job whose result is a
// failure record says how it failed in the executor's full words (the record itself holds
// only what every node reproduces), and a job that failed without one says why (an image
// that could not be pulled, the node's caps).
type statusSource struct{ n *Node }

func (s statusSource) JobStatus(id uint64) (p2p.JobStatus, bool) {
	rec, err := s.n.store.Get(settlement.JobID(id))
	if err != nil {
		return p2p.JobStatus{}, false
	}
	return p2p.JobStatus{
		Job:      id,
		Role:     rec.Role.String(),
		State:    rec.State.String(),
		Reason:   rec.Reason,
		Failure:  rec.Failure,
		Attempts: rec.Attempts,
		Updated:  rec.Updated,
	}, true
}
