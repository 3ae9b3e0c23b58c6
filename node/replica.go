package node

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
)

// Replicated jobs (docs/protocol.md, "Replicated jobs (N > 1)").
//
// N distinct providers take the N seats of a job; once every seat is taken each replica
// commits its salted result before the result deadline, reveals it once all have committed
// (or the deadline passed) and before the reveal window closes, and anyone resolves the round
// once all have revealed (or the window closed). A strict majority's result becomes the job's
// result and the challenge window runs as for a single result; silent replicas' collateral is
// slashed to the client, the minority's stays locked until the job ends (slashed to the client
// at finalize, unlocked if a challenge is upheld); at finalize each majority replica is
// credited payment / N less the fee. Without a majority the client is refunded, revealers
// unlocked and silent replicas slashed. A replica's record takes these steps, each a
// conditional transition:
//
//	Seen       as a provider's (spec, policy, module, inputs), and the seats must not all be
//	           taken already; then
//	Accepting  take a seat (after a restart: the panel says whether the accept landed; a
//	           node never holds two seats: it looks before sending, the resend carries the
//	           same ID, and the market refuses a second seat)
//	Accepted   run as a provider's job (Running → Executed)
//	Executed   wait until every seat is taken (past accept-by with seats empty: reclaim the
//	           job, which unlocks our collateral, and let it go); then a fresh salt is stored
//	Committing with the CID before CommitReplica is sent
//	Committed  once every replica committed or the result deadline passed: RevealReplica
//	Revealing  (→ Revealed)
//	Revealed   once every replica revealed or the reveal window closed: ResolveReplicas (the
//	           first resolver wins; the others find the round resolved)
//	Finalizing resolved with our result in the majority: WindowEnds is set to the end of the
//	           challenge window and the ticker finalizes it with the provider jobs (→ Done)
//
// Outvoted (our revealed result lost to a majority's) the record goes to Finalizing marked
// Outvoted: the node ran the job, so it knows the majority is wrong (a cartel holding the
// round) and challenges the committed result (contest); appeal.go appeals a Rejected first
// verdict to the final panel. The record ends Done when a challenge is upheld (the market
// unlocks our collateral: ReplicaVindicated) and Failed when the job finalizes with the
// majority's result (our collateral slashed to the client). A node that declines verifier
// duty (node/dishonest) does not contest. Silent, or without a majority, the record ends
// Failed with what the market did with the collateral. The commit and reveal steps are the
// verifiers' (panel.go).

// replicaStep takes the next step of a replica record.
func (n *Node) replicaStep(ctx context.Context, rec store.JobRecord) (more bool, err error) {
	id := rec.Job
	switch rec.State {
	case store.StateSeen:
		return n.decide(ctx, rec)
	case store.StateAccepting:
		return n.takeSeat(ctx, rec)
	case store.StateAccepted:
		if n.isStopping() {
			return false, nil
		}
		return n.run(ctx, rec)
	case store.StateRunning:
		return n.rerun(id)
	case store.StateExecuted:
		if full, err := n.seatsFilled(ctx, rec); err != nil || !full {
			return false, err
		}
		return n.commitSalted(ctx, rec)
	case store.StateCommitting:
		return n.commitSalted(ctx, rec)
	case store.StateCommitted:
		return n.revealSalted(ctx, rec)
	case store.StateRevealing:
		return n.revealSalted(ctx, rec)
	case store.StateRevealed:
		return n.resolveReplicas(ctx, rec)
	case store.StateFinalizing:
		if rec.Outvoted {
			return false, n.contest(ctx, rec)
		}
		if rec.WindowEnds.IsZero() {
			return n.resolveReplicas(ctx, rec) // the resolve may have been sent
		}
	}
	return false, nil
}

// seatsTaken ends the record of a job whose seats are all taken by others; full reports that
// it did.
func (n *Node) seatsTaken(ctx context.Context, job settlement.Job) (full bool, err error) {
	p, err := n.st.Panel(ctx, job.ID, true)
	if err != nil {
		return false, err
	}
	if p.Seat(n.self) >= 0 || len(p.Members) < int(job.Replicas) {
		return false, nil
	}
	return true, n.end(job.ID, store.StateAbandoned, fmt.Sprintf("all %d seats were taken by other providers", job.Replicas))
}

// takeSeat takes (or, after a restart, finds) the node's seat and records it.
func (n *Node) takeSeat(ctx context.Context, rec store.JobRecord) (bool, error) {
	id := rec.Job
	job, err := n.st.Job(ctx, id)
	if err != nil {
		return false, err
	}
	p, err := n.st.Panel(ctx, id, true)
	if err != nil {
		return false, err
	}
	if p.Seat(n.self) < 0 {
		for turn := range 2 {
			switch {
			case job.Status != settlement.StatusOpen:
				return false, n.end(id, store.StateAbandoned, fmt.Sprintf("the job is %s", job.Status))
			case len(p.Members) >= int(job.Replicas):
				return false, n.end(id, store.StateAbandoned, fmt.Sprintf("all %d seats were taken by other providers", job.Replicas))
			case !n.now().Before(job.AcceptBy):
				return false, n.end(id, store.StateAbandoned, "accept-by passed")
			}
			if turn > 0 {
				break
			}
			// The free seats go to whoever accepts first, but when more providers want them
			// than there are seats, the late accepts revert (JobFull). The first ones by
			// turn order (stagger.go) send at once; the others wait their turn past them and
			// look at the panel again. (A single-replica job is not staggered: accept.) A seat's
			// turn is shorter than a step's: a candidate ahead may not want the job at all.
			free := int(job.Replicas) - len(p.Members)
			r := rank(id, n.self, common.Address{}, outside(n.activeProviders(ctx, common.Address{}), p))
			if r < free {
				break
			}
			if !n.waitTurn(ctx, id, "take the last seats", r-free+1, n.cfg.StepDelay/seatTurns, job.AcceptBy) {
				return false, ctx.Err()
			}
			if job, err = n.st.Job(ctx, id); err != nil {
				return false, err
			}
			if p, err = n.st.Panel(ctx, id, true); err != nil {
				return false, err
			}
		}
		if err := n.st.Accept(ctx, id); err != nil {
			if !errors.Is(err, settlement.ErrWrongStatus) && !errors.Is(err, settlement.ErrTooLate) &&
				!errors.Is(err, settlement.ErrNotAllowed) && !errors.Is(err, settlement.ErrInsufficient) &&
				!errors.Is(err, settlement.ErrAlreadyDone) {
				return false, err
			}
			// Refused: a seat taken by an earlier try (AlreadyReplica) still counts.
			if again, perr := n.st.Panel(ctx, id, true); perr != nil || again.Seat(n.self) < 0 {
				return false, n.end(id, store.StateAbandoned, "accept refused: "+err.Error())
			}
		}
		if p, err = n.st.Panel(ctx, id, true); err != nil {
			return false, err
		}
		if p.Seat(n.self) < 0 {
			return false, fmt.Errorf("job %d: the accept went through but the panel shows no seat of %s yet", id, n.self)
		}
	}
	seat := p.Seat(n.self)
	err = n.store.Transition(id, store.StateAccepting, store.StateAccepted, func(r *store.JobRecord) {
		r.Seat = seat
		r.Replicas = job.Replicas
		r.ResultBy = job.ResultBy
		r.CommitBy = p.CommitBy
		r.RevealBy = p.RevealBy
		r.Collateral = job.Collateral
		r.Reason = ""
	})
	if err == nil {
		n.log.Info("replica seat taken", "job", id, "seat", seat, "of", job.Replicas, "commit_by", p.CommitBy, "reveal_by", p.RevealBy)
	}
	return err == nil, err
}

// outside is the providers without a seat on panel p.
func outside(providers []common.Address, p settlement.Panel) []common.Address {
	var out []common.Address
	for _, a := range providers {
		if p.Seat(a) < 0 {
			out = append(out, a)
		}
	}
	return out
}

// seatsFilled reports whether every seat is taken, so commits are open. A job still short of
// replicas after its accept-by never runs its round: the node reclaims it (anyone may; the
// client is refunded and every seat's collateral unlocked) and lets it go.
func (n *Node) seatsFilled(ctx context.Context, rec store.JobRecord) (bool, error) {
	id := rec.Job
	job, err := n.st.Job(ctx, id)
	if err != nil {
		return false, err
	}
	p, err := n.st.Panel(ctx, id, true)
	if err != nil {
		return false, err
	}
	if len(p.Members) >= int(job.Replicas) {
		return true, nil
	}
	if job.Status != settlement.StatusOpen || n.now().Before(job.AcceptBy) {
		return false, nil // wait for the other replicas (or the event that ends the job)
	}
	// Every seated replica may reclaim: they take turns (stagger.go).
	if !n.waitTurn(ctx, id, "reclaim the job", rank(id, n.self, common.Address{}, p.Members), n.cfg.StepDelay, time.Time{}) {
		return false, ctx.Err()
	}
	if job, err = n.st.Job(ctx, id); err != nil {
		return false, err
	}
	if job.Status == settlement.StatusOpen {
		err = n.st.Reclaim(ctx, id)
	} else {
		err = settlement.ErrWrongStatus // an earlier turn reclaimed it
	}
	switch {
	case err == nil:
		n.log.Info("reclaimed a replicated job whose seats were not all taken by accept-by", "job", id, "seats", len(p.Members), "of", job.Replicas)
	case errors.Is(err, settlement.ErrTooEarly):
		return false, nil // the chain's clock lags ours
	case errors.Is(err, settlement.ErrWrongStatus) || errors.Is(err, settlement.ErrUnknownJob):
		// someone else reclaimed it
	default:
		return false, err
	}
	return false, n.end(id, store.StateAbandoned, fmt.Sprintf("only %d of %d seats were taken by accept-by: the job was reclaimed and our collateral unlocked", len(p.Members), job.Replicas))
}

// resolveReplicas tallies the round once every replica revealed or the reveal window closed.
// Anyone may; a round someone else resolved is settled the same way.
func (n *Node) resolveReplicas(ctx context.Context, rec store.JobRecord) (bool, error) {
	id := rec.Job
	if rec.State == store.StateRevealed {
		job, err := n.st.Job(ctx, id)
		if err != nil {
			return false, err
		}
		if job.Status != settlement.StatusOpen {
			return false, n.replicasSettled(id, job)
		}
		ready, _, err := n.revealsDone(ctx, rec)
		if err != nil || !ready {
			return false, err
		}
		// Every replica may resolve: they take turns (stagger.go), and a later one finds the
		// round resolved.
		if p, err := n.st.Panel(ctx, id, true); err == nil {
			if !n.waitTurn(ctx, id, "resolve the replicas", rank(id, n.self, common.Address{}, p.Members), n.cfg.StepDelay, time.Time{}) {
				return false, ctx.Err()
			}
			if job, err := n.st.Job(ctx, id); err == nil && job.Status != settlement.StatusOpen {
				return false, n.replicasSettled(id, job)
			}
		}
		if err := n.store.Transition(id, store.StateRevealed, store.StateFinalizing, nil); err != nil {
			return false, err
		}
	}
	agreed, err := n.st.ResolveReplicas(ctx, id)
	switch {
	case err == nil:
		n.log.Info("replicas resolved", "job", id, "agreed", agreed)
	case errors.Is(err, settlement.ErrWrongStatus) || errors.Is(err, settlement.ErrUnknownJob) || errors.Is(err, settlement.ErrAlreadyDone):
		// someone else resolved it
	case errors.Is(err, settlement.ErrTooEarly):
		return false, nil // the chain's clock lags ours
	default:
		return false, err
	}
	job, err := n.st.Job(ctx, id)
	if err != nil {
		return false, err
	}
	if job.Status == settlement.StatusOpen {
		return false, fmt.Errorf("job %d: the replicas' round is still open after resolving", id)
	}
	return false, n.replicasSettled(id, job)
}

// onReplicaAccepted notes a seat taken: a record that has sent nothing yet lets the job go
// when the last seat went to another provider; otherwise the worker looks (its own accept may
// be the one that landed, or the panel is full and commits are open).
func (n *Node) onReplicaAccepted(ev settlement.Event) error {
	rec, ok, err := n.record(ev.Job)
	if !ok || err != nil || rec.Role != store.RoleReplica || rec.State.Terminal() {
		return err
	}
	last := rec.Replicas > 0 && ev.Seat == int(rec.Replicas)-1
	if ev.Account != n.self && last && rec.State == store.StateSeen {
		return n.end(ev.Job, store.StateAbandoned, fmt.Sprintf("all %d seats were taken by other providers", rec.Replicas))
	}
	if ev.Account == n.self || last {
		n.kick(ev.Job)
	}
	return nil
}

// onReplicasResolved settles a replica record by the round's outcome.
func (n *Node) onReplicasResolved(ev settlement.Event) error {
	rec, ok, err := n.record(ev.Job)
	if !ok || err != nil || rec.Role != store.RoleReplica || rec.State.Terminal() || ev.Record == nil {
		return err
	}
	if rec.State == store.StateRevealing && ev.Agreed {
		// The reveal may have landed: the worker resends it (the transaction manager answers
		// with the first outcome) and settles the record from what it finds.
		n.kick(ev.Job)
		return nil
	}
	return n.replicasSettled(ev.Job, *ev.Record)
}

// replicasSettled moves a replica record on once its round was resolved, by the job as the
// resolution (or anything after it) left it.
func (n *Node) replicasSettled(id settlement.JobID, job settlement.Job) error {
	for range 8 {
		rec, err := n.store.Get(id)
		if err != nil || rec.State.Terminal() {
			return err
		}
		switch rec.State {
		case store.StateSeen:
			return n.end(id, store.StateAbandoned, "the replicas' round ran without this node")
		case store.StateAccepting:
			n.kick(id) // the worker looks whether its accept landed
			return nil
		}
		revealed := rec.State == store.StateRevealed || rec.State == store.StateFinalizing
		won := revealed && job.Result != (common.Hash{}) && crypto.Keccak256Hash(rec.ResultCID) == job.Result
		switch {
		case job.Result == (common.Hash{}) && job.Status.Terminal():
			why := "the replicas reached no majority: the client was refunded"
			switch {
			case revealed:
				why += " and our collateral unlocked"
			case rec.State < store.StateRevealing:
				why += "; our collateral was slashed (no reveal)"
			}
			return n.end(id, store.StateFailed, why)
		case !won && rec.State == store.StateRevealing:
			return nil // the worker finds out whether its reveal landed
		case !won && rec.Outvoted:
			return nil // contesting: the record ends with the job
		case !won && revealed && !job.Status.Terminal() && !declinesDuty(n.st):
			err = n.store.Transition(id, rec.State, store.StateFinalizing, func(r *store.JobRecord) {
				r.Outvoted = true
				r.WindowEnds = job.ChallengeEnds()
			})
			if err == nil {
				n.log.Warn("the replicas outvoted our result: contesting the majority's result (our collateral stays locked until the job ends)", "job", id, "winners", job.Winners, "of", job.Replicas)
				n.kick(id)
				return nil
			}
			if !errors.Is(err, store.ErrConflict) {
				return err
			}
			continue
		case !won && revealed:
			n.log.Warn("the replicas outvoted our result: our collateral is slashed to the client when the job finalizes", "job", id)
			return n.end(id, store.StateFailed, "outvoted when the replicas were resolved: our collateral stays locked until the job ends and is slashed to the client at finalize unless a challenge is upheld")
		case !won:
			n.log.Warn("our replica result was never revealed: collateral slashed", "job", id)
			return n.end(id, store.StateFailed, "silent when the replicas were resolved: our collateral was slashed to the client")
		case job.Status == settlement.StatusFinalized:
			return n.end(id, store.StateDone, "")
		case job.Status.Terminal():
			return n.end(id, store.StateFailed, fmt.Sprintf("the majority's result was challenged and the job ended %s: our collateral was slashed", job.Status))
		case rec.State == store.StateFinalizing && !rec.WindowEnds.IsZero():
			return nil // already settled
		}
		ends := job.ChallengeEnds()
		if job.Status == settlement.StatusCleared || ends.IsZero() {
			ends = n.now() // finalizable now (or the record lacks the time: finalize reads the chain)
		}
		err = n.store.Transition(id, rec.State, store.StateFinalizing, func(r *store.JobRecord) { r.WindowEnds = ends })
		if err == nil {
			n.log.Info("replicas agreed with our result; finalizing after the challenge window", "job", id, "winners", job.Winners, "of", job.Replicas, "window_ends", ends)
			return nil
		}
		if !errors.Is(err, store.ErrConflict) {
			return err
		}
	}
	return fmt.Errorf("job %d: state kept changing", id)
}

// contest challenges the committed result of a job whose replicas outvoted the node's own
// (rec.Outvoted): the node ran the job and the majority's result differs, so it is wrong. It
// is idempotent (the tick runs it again): a job already challenged (by the node, its client or
// anyone), past its window, or ended is left to the challenge's course and the handlers.
func (n *Node) contest(ctx context.Context, rec store.JobRecord) error {
	id := rec.Job
	job, err := n.st.Job(ctx, id)
	if err != nil {
		return err
	}
	switch {
	case job.Status == settlement.StatusChallenged:
		n.watchAppeal(id) // ours or another's: a Rejected first verdict is appealed if ours
		return nil
	case job.Status != settlement.StatusCommitted || !n.now().Before(job.ChallengeEnds()):
		return nil
	}
	err = n.st.Challenge(ctx, id)
	switch {
	case err == nil:
		n.log.Warn("challenged the majority's result of a replicated job that outvoted ours", "job", id, "result", job.Result)
		n.watchAppeal(id)
		return nil
	case errors.Is(err, settlement.ErrWrongStatus), errors.Is(err, settlement.ErrTooLate), errors.Is(err, settlement.ErrUnknownJob):
		return nil // challenged by someone else, past the window, or ended: the next look settles it
	}
	return fmt.Errorf("job %d: challenging the majority's result: %w", id, err)
}
