package node

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
)

// Verifier duty (docs/protocol.md, "Challenges and verifiers").
//
// A challenge opened on another provider's job is recorded as a pending draw in the store (so a
// restart does not forget it: the watcher does not replay the event); once the chain is past
// the challenge's anchor block the node draws the verifiers (anyone may; the first draw wins,
// the others find it done). When the draw seats the node's account, the node creates a
// verifier record and its worker takes the steps, each a conditional transition:
//
//	Seen       fetch the spec, check that the node's policy runs it (engine, images, network,
//	           resources; not the price), fetch the module and CID inputs, then Accepted
//	Accepted   re-execute with the same executor (Running → Executed: the result's CID)
//	Executed   a fresh salt is stored with the CID (→ Committing) before CommitVote is sent
//	Committing CommitVote (resent after a restart under the same ID, with the stored salt)
//	Committed  once every verifier committed or the commit window closed: RevealVote
//	Revealing  (→ Revealed)
//	Revealed   once every verifier revealed or the reveal window closed: ResolveChallenge
//	           (a first panel's Upheld or Rejected verdict waits out its appeal window)
//	Finalizing (→ Done; a challenge someone else resolved is done too)
//
// Appeals (the provider's, and the final panel's draw) are appeal.go's.
//
// The commit and reveal steps are the replicas' too (panel.go). A node whose Chain declines
// the duty (DutyDecliner: a dishonest test or demo node) neither draws nor votes.

// onChallengeOpened records a pending draw for the challenge.
func (n *Node) onChallengeOpened(ev settlement.Event) error {
	if declinesDuty(n.st) || (ev.Record != nil && ev.Record.Provider == n.self) {
		return nil
	}
	return n.store.PutDraw(ev.Job, ev.Anchor)
}

// onReanchored moves a pending draw to its new anchor.
func (n *Node) onReanchored(ev settlement.Event) error {
	_, err := n.store.Reanchor(ev.Job, ev.Anchor)
	return err
}

// onVerifiersDrawn records the duty when the draw seated the node's account.
func (n *Node) onVerifiersDrawn(ev settlement.Event) error {
	if err := n.store.DeleteDraw(ev.Job, 0); err != nil {
		return err
	}
	seat := -1
	for i, v := range ev.Verifiers {
		if v == n.self {
			seat = i
		}
	}
	if seat < 0 {
		return nil
	}
	if declinesDuty(n.st) {
		n.log.Warn("drawn as a verifier by a node that takes no verifier duty (a dishonest one): not voting", "job", ev.Job)
		return nil
	}
	created, err := n.store.Recast(store.JobRecord{
		Job: ev.Job, Role: store.RoleVerifier, Seat: seat,
		ResultBy: ev.CommitBy, CommitBy: ev.CommitBy, RevealBy: ev.RevealBy,
	})
	if err != nil {
		if errors.Is(err, store.ErrExists) {
			n.log.Warn("drawn as a verifier of a job the node has another part in", "job", ev.Job, "err", err)
			return nil
		}
		return err
	}
	if created {
		n.log.Info("drawn as a verifier", "job", ev.Job, "seat", seat, "commit_by", ev.CommitBy, "reveal_by", ev.RevealBy)
		n.kick(ev.Job)
	}
	return nil
}

// drawDue draws the verifiers of the pending challenges whose anchor block has passed, one
// draw at a time in the background.
func (n *Node) drawDue(ctx context.Context) {
	if n.isStopping() {
		return
	}
	due, err := n.store.Draws()
	if err != nil {
		n.log.Warn("reading the pending draws", "err", err)
		return
	}
	n.mu.Lock()
	if n.drawing || len(due) == 0 || n.stopping {
		n.mu.Unlock()
		return
	}
	n.drawing = true
	n.workers.Add(1)
	n.mu.Unlock()
	go func() {
		defer func() {
			n.mu.Lock()
			n.drawing = false
			n.mu.Unlock()
			n.workers.Done()
		}()
		for id, anchor := range due {
			if ctx.Err() != nil {
				return
			}
			if done := n.draw(ctx, id, anchor); done {
				if err := n.store.DeleteDraw(id, anchor); err != nil {
					n.log.Warn("forgetting a finished draw", "job", id, "err", err)
				}
			}
		}
	}()
}

// draw draws job id's verifiers once the chain is past anchor; done reports that nothing is
// left to do for it.
func (n *Node) draw(ctx context.Context, id settlement.JobID, anchor uint64) (done bool) {
	// Gas estimation judges the draw at the head: it must be past the anchor block.
	after := settlement.Cursor{Block: anchor + 1}
	evs, next, err := n.cfg.Events.Events(ctx, after, 0, 1)
	if err != nil || (len(evs) == 0 && !after.Before(next)) {
		return false
	}
	job, err := n.st.Job(ctx, id)
	if errors.Is(err, settlement.ErrUnknownJob) {
		return true
	} else if err != nil {
		return false
	}
	if job.Status != settlement.StatusChallenged {
		return true
	}
	if p, err := n.st.Panel(ctx, id, false); err == nil && len(p.Members) > 0 {
		return true
	}
	// Every honest node but the challenged provider may draw: they take turns (stagger.go).
	if r := rank(id, n.self, common.Address{}, n.activeProviders(ctx, job.Provider)); r > 0 {
		if !n.waitTurn(ctx, id, "draw the verifiers", r, n.cfg.StepDelay, time.Time{}) {
			return false
		}
		if job, err := n.st.Job(ctx, id); err == nil && job.Status != settlement.StatusChallenged {
			return true
		}
		if p, err := n.st.Panel(ctx, id, false); err == nil && len(p.Members) > 0 {
			return true
		}
	}
	drawn, err := n.st.DrawVerifiers(ctx, id)
	switch {
	case err == nil:
		n.log.Info("verifiers drawn", "job", id, "verifiers", drawn)
		return true
	case errors.Is(err, settlement.ErrAlreadyDone) || errors.Is(err, settlement.ErrWrongStatus) || errors.Is(err, settlement.ErrUnknownJob):
		return true
	}
	n.log.Debug("draw failed; will retry", "job", id, "err", err)
	return false
}

// verifierStep takes the next step of a verifier record.
func (n *Node) verifierStep(ctx context.Context, rec store.JobRecord) (more bool, err error) {
	id := rec.Job
	switch rec.State {
	case store.StateSeen:
		return n.verifierPrepare(ctx, rec)
	case store.StateAccepted:
		return n.run(ctx, rec)
	case store.StateRunning:
		return true, n.store.Transition(id, store.StateRunning, store.StateAccepted, func(r *store.JobRecord) {
			r.Reason = "the run was interrupted (node restarted)"
		})
	case store.StateExecuted, store.StateCommitting:
		return n.commitSalted(ctx, rec)
	case store.StateCommitted, store.StateRevealing:
		return n.revealSalted(ctx, rec)
	case store.StateRevealed, store.StateFinalizing:
		return n.resolveChallenge(ctx, rec)
	}
	return false, nil
}

// verifierPrepare fetches what the re-execution needs.
func (n *Node) verifierPrepare(ctx context.Context, rec store.JobRecord) (bool, error) {
	id := rec.Job
	job, err := n.st.Job(ctx, id)
	if err != nil {
		return false, err
	}
	if job.Status != settlement.StatusChallenged {
		return false, n.end(id, store.StateAbandoned, fmt.Sprintf("the job is %s", job.Status))
	}
	if !n.now().Before(rec.CommitBy) {
		return false, n.end(id, store.StateFailed, "the commit window closed before the node could verify")
	}
	canon, err := n.spec(ctx, job.SpecHash)
	if err != nil {
		return false, err
	}
	spec, err := jobspec.ParseCanonical(canon, job.SpecHash)
	if err != nil {
		return false, n.end(id, store.StateFailed, "invalid spec: "+err.Error())
	}
	if why := n.checkRunnable(spec); why != "" {
		// The protocol has no way to decline a draw: a verifier that does not reveal loses its
		// verifier collateral when the reveal window closes. Running a job the operator's
		// policy excludes (an engine it has no executor for, an image it does not trust,
		// resources over its caps) is not an option either, so the node stays silent.
		n.log.Error("drawn as a verifier of a job this node's policy does not run: not voting; "+
			"the market slashes a silent verifier's collateral when the reveal window closes",
			"job", id, "reason", why, "reveal_by", rec.RevealBy)
		return false, n.end(id, store.StateFailed, fmt.Sprintf("verifier duty declined (%s): the verifier collateral is forfeited", why))
	}
	if err := n.fetchDeps(ctx, spec, job.SpecHash); err != nil {
		return false, err
	}
	err = n.store.Transition(id, store.StateSeen, store.StateAccepted, func(r *store.JobRecord) {
		r.SpecHash = job.SpecHash
		r.Payment = job.Payment
	})
	return err == nil, err
}

// resolveChallenge resolves the challenge once every verifier revealed or the reveal window
// closed. Anyone may; a challenge resolved by someone else is done.
func (n *Node) resolveChallenge(ctx context.Context, rec store.JobRecord) (bool, error) {
	id := rec.Job
	if rec.State == store.StateRevealed {
		ready, gone, err := n.revealsDone(ctx, rec)
		if gone {
			return false, n.end(id, store.StateDone, "")
		}
		if err != nil {
			return false, err
		}
		if job, err := n.st.Job(ctx, id); err == nil && job.Status != settlement.StatusChallenged {
			return false, n.end(id, store.StateDone, "")
		}
		if !ready {
			return false, nil // wait
		}
	}
	// Every verifier may resolve: they take turns (stagger.go), and a later one finds the
	// challenge resolved. Also when a try was refused as too early and is repeated from
	// Finalizing: a first verdict resolves only after its appeal window, which every verifier
	// sees close at once, so without a turn there they all sent the resolve together (the
	// demo's two reverted resolves).
	if p, err := n.st.Panel(ctx, id, false); err == nil {
		if !n.waitTurn(ctx, id, "resolve the challenge", rank(id, n.self, common.Address{}, p.Members), n.cfg.StepDelay, time.Time{}) {
			return false, ctx.Err()
		}
		if job, err := n.st.Job(ctx, id); err == nil && job.Status != settlement.StatusChallenged {
			return false, n.end(id, store.StateDone, "")
		}
	}
	if rec.State == store.StateRevealed {
		if err := n.store.Transition(id, store.StateRevealed, store.StateFinalizing, nil); err != nil {
			return false, err
		}
	}
	outcome, err := n.st.ResolveChallenge(ctx, id)
	switch {
	case err == nil:
		n.log.Info("challenge resolved", "job", id, "outcome", outcome)
	case errors.Is(err, settlement.ErrWrongStatus) || errors.Is(err, settlement.ErrUnknownJob) || errors.Is(err, settlement.ErrAlreadyDone):
		// someone else resolved it
	case errors.Is(err, settlement.ErrTooEarly):
		return false, nil
	default:
		return false, err
	}
	err = n.store.Transition(id, store.StateFinalizing, store.StateDone, nil)
	if errors.Is(err, store.ErrConflict) {
		return false, nil
	}
	return false, err
}
