package node

import (
	"context"
	"errors"

	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
)

// The commit-reveal rounds the node sits on (docs/protocol.md): a replicated job's replicas
// and a challenge's verifiers follow the same rules. A member commits
// commitmentFor(job, panel, account, keccak256(cid), salt) before the commit deadline,
// reveals (cid, salt) once every member committed or that deadline passed, and anyone may
// resolve once every member revealed or the reveal deadline passed. The salt is stored with
// the result (Executed → Committing) before the commitment is sent, so a restart resends the
// same commitment and can always reveal it; the "-ing" states make every send exactly once
// (the transaction manager answers a resend under the same ID with the first outcome).

// round is one member's view of a commit-reveal round.
type round struct {
	name     string // "vote" or "replica", for logs and reasons
	replicas bool   // which panel Reader.Panel reads
	commit   func(ctx context.Context, id settlement.JobID, cid []byte, salt [32]byte) error
	reveal   func(ctx context.Context, id settlement.JobID, cid []byte, salt [32]byte) error
}

// roundOf is the round a record of role sits on.
func (n *Node) roundOf(role store.Role) round {
	if role == store.RoleReplica {
		return round{name: "replica", replicas: true, commit: n.st.CommitReplica, reveal: n.st.RevealReplica}
	}
	return round{name: "vote", commit: n.st.CommitVote, reveal: n.st.RevealVote}
}

// commitSalted stores a fresh salt with the result (Executed → Committing), then sends the
// commitment (Committing → Committed).
func (n *Node) commitSalted(ctx context.Context, rec store.JobRecord) (bool, error) {
	id, r := rec.Job, n.roundOf(rec.Role)
	if rec.State == store.StateExecuted {
		if !n.now().Before(rec.CommitBy) {
			return false, n.end(id, store.StateFailed, "the commit window closed before the "+r.name+" commit")
		}
		salt, err := store.NewSalt()
		if err != nil {
			return false, err
		}
		if err := n.store.Transition(id, store.StateExecuted, store.StateCommitting, func(r *store.JobRecord) {
			if r.Salt.IsZero() {
				r.Salt = salt
			}
		}); err != nil {
			return false, err
		}
		if rec, err = n.store.Get(id); err != nil {
			return false, err
		}
	}
	if err := r.commit(ctx, id, rec.ResultCID, rec.Salt); err != nil && !errors.Is(err, settlement.ErrAlreadyDone) {
		if errors.Is(err, settlement.ErrTooLate) || errors.Is(err, settlement.ErrWrongStatus) || errors.Is(err, settlement.ErrUnknownJob) {
			return false, n.end(id, store.StateFailed, r.name+" commit refused: "+err.Error())
		}
		return false, err
	}
	err := n.store.Transition(id, store.StateCommitting, store.StateCommitted, nil)
	if err == nil {
		n.log.Info(r.name+" committed", "job", id, "seat", rec.Seat)
	}
	return err == nil, err
}

// revealSalted reveals the committed result once every member committed or the commit
// window closed (Committed → Revealing → Revealed).
func (n *Node) revealSalted(ctx context.Context, rec store.JobRecord) (bool, error) {
	id, r := rec.Job, n.roundOf(rec.Role)
	if rec.State == store.StateCommitted {
		p, err := n.st.Panel(ctx, id, r.replicas)
		if err != nil {
			if errors.Is(err, settlement.ErrUnknownJob) {
				return false, n.end(id, store.StateDone, "")
			}
			return false, err
		}
		if p.Committed < len(p.Members) && n.now().Before(rec.CommitBy) {
			return false, nil // wait
		}
		if err := n.store.Transition(id, store.StateCommitted, store.StateRevealing, nil); err != nil {
			return false, err
		}
	}
	if err := r.reveal(ctx, id, rec.ResultCID, rec.Salt); err != nil && !errors.Is(err, settlement.ErrAlreadyDone) {
		if errors.Is(err, settlement.ErrTooEarly) {
			return false, nil // the chain's clock lags ours
		}
		if errors.Is(err, settlement.ErrTooLate) || errors.Is(err, settlement.ErrWrongStatus) || errors.Is(err, settlement.ErrUnknownJob) ||
			errors.Is(err, settlement.ErrCommitMismatch) {
			return false, n.end(id, store.StateFailed, r.name+" reveal refused: "+err.Error())
		}
		return false, err
	}
	err := n.store.Transition(id, store.StateRevealing, store.StateRevealed, nil)
	if err == nil {
		n.log.Info(r.name+" revealed", "job", id, "seat", rec.Seat)
	}
	return err == nil, err
}

// revealsDone reports whether the round can be resolved: every member revealed or the
// reveal window closed. gone is true when the panel no longer exists (the round was
// resolved and its job settled).
func (n *Node) revealsDone(ctx context.Context, rec store.JobRecord) (ready, gone bool, err error) {
	p, err := n.st.Panel(ctx, rec.Job, n.roundOf(rec.Role).replicas)
	if err != nil {
		if errors.Is(err, settlement.ErrUnknownJob) {
			return false, true, nil
		}
		return false, false, err
	}
	return p.Revealed >= len(p.Members) || !n.now().Before(rec.RevealBy), false, nil
}
