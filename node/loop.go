package node

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// maxRunAttempts bounds how often a job is started again after infrastructure trouble.
const maxRunAttempts = 3

func (n *Node) now() time.Time { return n.cfg.Clock.Now() }

// handle is the watcher's handler: it records what the events say and hands the work to a
// worker. It never blocks on a job's work, and every record change is a conditional
// transition, so a replayed event changes nothing.
func (n *Node) handle(ctx context.Context, ev settlement.Event) error {
	switch ev.Kind {
	case settlement.EventJobPosted:
		if ev.Record == nil || n.isStopping() {
			return nil
		}
		job := *ev.Record
		if !n.now().Before(job.AcceptBy) {
			return nil // an old event: its acceptance window is over
		}
		role := store.RoleProvider
		if job.Replicas > 1 {
			role = store.RoleReplica
		}
		created, err := n.store.Create(store.JobRecord{
			Job: ev.Job, Role: role, Seat: -1, Replicas: job.Replicas, SpecHash: job.SpecHash,
			Payment: job.Payment, Collateral: job.Collateral, AcceptBy: job.AcceptBy, ResultBy: job.ResultBy,
		})
		if err != nil && !errors.Is(err, store.ErrExists) {
			return err
		}
		if created {
			n.log.Info("job posted", "job", ev.Job, "spec", job.SpecHash, "payment", job.Payment, "collateral", job.Collateral, "replicas", job.Replicas)
			n.kick(ev.Job)
		}
	case settlement.EventJobAccepted:
		rec, ok, err := n.record(ev.Job)
		if !ok || err != nil || ev.Account == n.self {
			return err
		}
		if rec.Role == store.RoleProvider && (rec.State == store.StateSeen || rec.State == store.StateAccepting) {
			return n.end(ev.Job, store.StateAbandoned, fmt.Sprintf("accepted by another provider, %s", ev.Account))
		}
	case settlement.EventReplicaAccepted:
		return n.onReplicaAccepted(ev)
	case settlement.EventReplicasResolved:
		return n.onReplicasResolved(ev)
	case settlement.EventChallengeOpened:
		if rec, ok, _ := n.record(ev.Job); ok && rec.Role != store.RoleVerifier && rec.State >= store.StateCommitted && !rec.State.Terminal() {
			n.log.Warn("our result is challenged", "job", ev.Job, "challenger", ev.Account)
			n.watchAppeal(ev.Job)
		}
		return n.onChallengeOpened(ev)
	case settlement.EventAppealOpened:
		return n.onAppealOpened(ev)
	case settlement.EventDrawReanchored:
		return n.onReanchored(ev)
	case settlement.EventVerifiersDrawn:
		return n.onVerifiersDrawn(ev)
	case settlement.EventChallengeResolved:
		if rec, ok, _ := n.record(ev.Job); ok && rec.Role == store.RoleVerifier {
			return n.end(ev.Job, store.StateDone, "")
		} else if ok && rec.Outvoted && ev.Outcome == settlement.OutcomeUpheld {
			n.log.Info("the challenge against the majority that outvoted us was upheld: our collateral is unlocked", "job", ev.Job)
			return n.end(ev.Job, store.StateDone, fmt.Sprintf("vindicated: the replicas outvoted our result, and a challenge of theirs was upheld (%d against, %d for); our collateral was unlocked", ev.Disagree, ev.Agree))
		} else if ok && rec.Outvoted {
			n.log.Warn("the challenge against the majority that outvoted us failed: our collateral is slashed at finalize", "job", ev.Job, "outcome", ev.Outcome)
			return nil // the record ends when the job finalizes
		} else if ok && ev.Outcome == settlement.OutcomeUpheld {
			return n.end(ev.Job, store.StateFailed, fmt.Sprintf("challenge upheld (%d against, %d for): collateral slashed", ev.Disagree, ev.Agree))
		} else if ok {
			n.log.Info("challenge resolved: the job is cleared for finalizing", "job", ev.Job, "outcome", ev.Outcome)
			return n.cleared(ev.Job, ev.Time)
		}
	case settlement.EventJobFinalized:
		if rec, ok, _ := n.record(ev.Job); ok && rec.Outvoted {
			return n.end(ev.Job, store.StateFailed, "the job finalized with the majority's result that outvoted ours: our collateral was slashed to the client")
		} else if ok {
			if ev.Account == n.self {
				n.log.Info("job finalized", "job", ev.Job, "paid", ev.Amount, "fee", ev.Fee)
			}
			return n.end(ev.Job, store.StateDone, "")
		}
	case settlement.EventJobTimedOut:
		if _, ok, _ := n.record(ev.Job); ok {
			return n.end(ev.Job, store.StateFailed, "the job timed out on chain: no result by its deadline")
		}
	case settlement.EventJobReclaimed:
		if _, ok, _ := n.record(ev.Job); ok {
			return n.end(ev.Job, store.StateAbandoned, "the job was reclaimed: the client refunded and any seat's collateral unlocked")
		}
	}
	return nil
}

// record returns job id's record, ok false when the node has none.
func (n *Node) record(id settlement.JobID) (store.JobRecord, bool, error) {
	rec, err := n.store.Get(id)
	if errors.Is(err, store.ErrNotFound) {
		return rec, false, nil
	}
	return rec, err == nil, err
}

// end moves job id to a terminal state from whatever live state it is in.
func (n *Node) end(id settlement.JobID, to store.State, reason string) error {
	for range 8 {
		rec, err := n.store.Get(id)
		if err != nil || rec.State.Terminal() {
			return err
		}
		if to == store.StateDone && !store.Legal(rec.Role, rec.State, to) {
			to, reason = store.StateAbandoned, "the job was settled by others"
		}
		err = n.store.Transition(id, rec.State, to, func(r *store.JobRecord) {
			if reason != "" {
				r.Reason = reason
			}
		})
		if !errors.Is(err, store.ErrConflict) {
			if err == nil {
				n.log.Info("job ended", "job", id, "state", to, "reason", reason)
			}
			return err
		}
	}
	return fmt.Errorf("job %d: state kept changing", id)
}

// kick starts a worker for job id unless one runs.
func (n *Node) kick(id settlement.JobID) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.inflight[id] || n.stopping && n.runCtx.Err() != nil {
		return
	}
	n.inflight[id] = true
	n.workers.Add(1)
	go func() {
		defer func() {
			n.mu.Lock()
			delete(n.inflight, id)
			n.mu.Unlock()
			n.workers.Done()
		}()
		n.advance(n.runCtx, id)
	}()
}

// tick resumes live records (after a restart, or a step that failed), settles the jobs whose
// challenge window closed, and withdraws.
func (n *Node) tick(ctx context.Context, now time.Time) error {
	live, err := n.store.List(store.StateSeen, store.StateAccepting, store.StateAccepted, store.StateRunning,
		store.StateExecuted, store.StateCommitting, store.StateCommitted,
		store.StateRevealing, store.StateRevealed, store.StateFinalizing)
	if err != nil {
		return err
	}
	n.drawDue(n.runCtx)
	n.appealDue(n.runCtx, live)
	for _, r := range live {
		if settledByFinalize(r) {
			continue // finalize (below) takes it from here
		}
		if n.isStopping() && (r.State == store.StateSeen || r.State == store.StateAccepted) {
			continue
		}
		n.kick(r.Job)
	}
	return n.finalize(ctx, now)
}

// advance drives one job through its steps until it waits for something (a deadline, the
// chain, another try).
func (n *Node) advance(ctx context.Context, id settlement.JobID) {
	for ctx.Err() == nil {
		rec, err := n.store.Get(id)
		if err != nil || rec.State.Terminal() {
			return
		}
		more, err := n.step(ctx, rec)
		var withheld *Withheld
		if err != nil {
			switch {
			case errors.As(err, &withheld):
				// The chain will not take the job further (a dishonest test or demo node).
				if err := n.end(id, withheld.End, withheld.Reason); err != nil {
					n.log.Warn("ending a job whose step was withheld", "job", id, "err", err)
				}
			case ctx.Err() != nil || errors.Is(err, store.ErrConflict):
			case errors.Is(err, errSpecUnavailable):
				// Asked again every tick until accept-by: not worth a warning each time.
				n.log.Debug("waiting for the job's spec", "job", id, "err", err)
			default:
				n.log.Warn("job step failed; will retry", "job", id, "state", rec.State, "err", err)
			}
			return
		}
		if !more {
			return
		}
	}
}

// step takes the next step of rec; more reports whether another step may follow at once.
func (n *Node) step(ctx context.Context, rec store.JobRecord) (more bool, err error) {
	id := rec.Job
	switch rec.Role {
	case store.RoleVerifier:
		return n.verifierStep(ctx, rec)
	case store.RoleReplica:
		return n.replicaStep(ctx, rec)
	}
	switch rec.State {
	case store.StateSeen:
		return n.decide(ctx, rec)
	case store.StateAccepting:
		return n.accept(ctx, rec)
	case store.StateAccepted:
		if n.isStopping() {
			return false, nil
		}
		return n.run(ctx, rec)
	case store.StateRunning:
		return n.rerun(id)
	case store.StateExecuted, store.StateCommitting:
		return n.commit(ctx, rec)
	}
	return false, nil
}

// rerun puts back a job whose run the process did not see end (a crash), to run it again.
func (n *Node) rerun(id settlement.JobID) (bool, error) {
	return true, n.store.Transition(id, store.StateRunning, store.StateAccepted, func(r *store.JobRecord) {
		r.Reason = "the run was interrupted (node restarted)"
	})
}

// decide fetches and checks the spec of a job the node saw and accepts it, or lets it go
// with the reason.
func (n *Node) decide(ctx context.Context, rec store.JobRecord) (bool, error) {
	id := rec.Job
	if n.isStopping() {
		return false, nil
	}
	job, err := n.st.Job(ctx, id)
	if err != nil {
		return false, err
	}
	if job.Status != settlement.StatusOpen {
		return false, n.end(id, store.StateAbandoned, fmt.Sprintf("the job is %s", job.Status))
	}
	if !n.now().Before(job.AcceptBy) {
		return false, n.end(id, store.StateAbandoned, "its accept-by time passed before the node could take it")
	}
	if rec.Role == store.RoleReplica {
		if full, err := n.seatsTaken(ctx, job); err != nil || full {
			return false, err
		}
	}
	if r := n.refusedSpec(job.SpecHash); r != "" {
		// The node refused the spec when it was pushed (its client was told) and the client
		// posted it anyway: no need to fetch it.
		n.log.Info("refusing job", "job", id, "reason", r)
		return false, n.end(id, store.StateAbandoned, "refused: "+string(r))
	}
	canon, err := n.spec(ctx, job.SpecHash)
	if err != nil {
		return false, err // keep trying until accept-by: its client may push it yet
	}
	spec, err := jobspec.ParseCanonical(canon, job.SpecHash)
	if err != nil {
		n.log.Warn("refusing job: bad spec", "job", id, "err", err)
		return false, n.end(id, store.StateAbandoned, "refused: "+err.Error())
	}
	if r := n.checkJob(job, spec); r != "" {
		n.log.Info("refusing job", "job", id, "reason", r)
		return false, n.end(id, store.StateAbandoned, "refused: "+string(r))
	}
	if spec.RequiresSP {
		// Read now, not cached: the binding can change while the node runs.
		info, err := n.st.Provider(ctx, n.self)
		if err != nil {
			return false, err
		}
		if info.MinerID == 0 {
			r := "the job requires a Filecoin storage provider and this provider has bound no miner (brine provider register --miner)"
			n.log.Info("refusing job", "job", id, "reason", r)
			return false, n.end(id, store.StateAbandoned, "refused: "+r)
		}
	}
	// Everything the run needs from peers comes first: a job whose module or inputs cannot
	// be had is not accepted.
	if err := n.fetchDeps(ctx, spec, job.SpecHash); err != nil {
		return false, err
	}
	if err := n.store.Transition(id, store.StateSeen, store.StateAccepting, nil); err != nil {
		return false, err
	}
	n.log.Info("accepting job", "job", id, "engine", spec.Engine, "replicas", job.Replicas)
	if rec.Role == store.RoleReplica {
		return n.takeSeat(ctx, rec)
	}
	return n.accept(ctx, rec)
}

// accept sends (or, after a restart, resends under the same ID) the accept and records the
// outcome.
func (n *Node) accept(ctx context.Context, rec store.JobRecord) (bool, error) {
	id := rec.Job
	job, err := n.st.Job(ctx, id)
	if err != nil {
		return false, err
	}
	if job.Provider != n.self {
		switch {
		case job.Status != settlement.StatusOpen:
			return false, n.end(id, store.StateAbandoned, fmt.Sprintf("the job is %s (provider %s)", job.Status, job.Provider))
		case !n.now().Before(job.AcceptBy):
			return false, n.end(id, store.StateAbandoned, "accept-by passed")
		}
		if err := n.st.Accept(ctx, id); err != nil {
			if errors.Is(err, settlement.ErrWrongStatus) || errors.Is(err, settlement.ErrTooLate) ||
				errors.Is(err, settlement.ErrNotAllowed) || errors.Is(err, settlement.ErrInsufficient) {
				if j, jerr := n.st.Job(ctx, id); jerr == nil && j.Provider == n.self {
					job = j
				} else {
					return false, n.end(id, store.StateAbandoned, "accept refused: "+err.Error())
				}
			} else {
				return false, err
			}
		} else if job, err = n.st.Job(ctx, id); err != nil {
			return false, err
		}
	}
	err = n.store.Transition(id, store.StateAccepting, store.StateAccepted, func(r *store.JobRecord) {
		r.ResultBy = job.ResultBy
		r.Collateral = job.Collateral
		r.Reason = ""
	})
	if err == nil {
		n.log.Info("job accepted", "job", id, "result_by", job.ResultBy)
	}
	return err == nil, err
}

// fetchDeps makes a spec's module and CID inputs present in the result store.
func (n *Node) fetchDeps(ctx context.Context, spec *jobspec.Spec, specHash [32]byte) error {
	var cids []string
	if spec.Engine == jobspec.EngineWasm {
		cids = append(cids, spec.Module)
	}
	for _, in := range spec.Inputs {
		if !in.Inline() {
			cids = append(cids, in.CID)
		}
	}
	for _, s := range cids {
		c, err := cid.Decode(s)
		if err != nil {
			return err
		}
		if err := n.storeBlob(ctx, c, specHash, 1<<30); err != nil {
			return err
		}
	}
	return nil
}

// run executes an accepted job and records its result (Executed) or its failure.
func (n *Node) run(ctx context.Context, rec store.JobRecord) (bool, error) {
	id := rec.Job
	canon, err := n.store.GetSpec(rec.SpecHash)
	if err != nil {
		if canon, err = n.spec(ctx, rec.SpecHash); err != nil {
			return false, err
		}
	}
	spec, err := jobspec.ParseCanonical(canon, rec.SpecHash)
	if err != nil {
		return false, n.end(id, store.StateFailed, "invalid spec: "+err.Error())
	}
	if !n.now().Before(rec.ResultBy) {
		return false, n.end(id, store.StateFailed, "its result deadline passed before it could run")
	}
	select {
	case n.sem <- struct{}{}:
	case <-ctx.Done():
		return false, ctx.Err()
	}
	defer func() { <-n.sem }()
	attempts := rec.Attempts + 1
	if err := n.store.Transition(id, store.StateAccepted, store.StateRunning, func(r *store.JobRecord) { r.Attempts = attempts }); err != nil {
		return false, err
	}
	n.log.Info("running job", "job", id, "engine", spec.Engine, "attempt", attempts)
	began := n.now()
	c, fail, err := n.execute(ctx, id, spec, rec.SpecHash)
	n.observeExecution(ctx, spec.Engine, c.Defined(), fail, err, n.now().Sub(began))
	switch {
	case ctx.Err() != nil:
		return false, n.store.Transition(id, store.StateRunning, store.StateAccepted, func(r *store.JobRecord) {
			r.Reason = "interrupted by the node's shutdown; runs again at the next start"
		})
	case err != nil && attempts >= maxRunAttempts:
		return false, n.end(id, store.StateFailed, fmt.Sprintf("the node failed to run it %d times: %s", attempts, executor.Elide(err.Error(), executor.MaxQuoted)))
	case err != nil:
		n.log.Warn("run failed; will retry", "job", id, "err", executor.Elide(err.Error(), executor.MaxQuoted))
		return false, n.store.Transition(id, store.StateRunning, store.StateAccepted, func(r *store.JobRecord) { r.Reason = executor.Elide(err.Error(), executor.MaxQuoted) })
	case fail != nil && !c.Defined():
		// The job could not run for a reason that is not its program's (the image could not
		// be pulled, the node's caps, the engine refused it): nothing is committed, and the
		// client reclaims payment and collateral with ClaimTimeout after the result deadline.
		n.log.Warn("job failed, not by its own program: nothing to commit", "job", id, "reason", fail.Reason, "detail", fail.Detail)
		return false, n.end(id, store.StateFailed, fail.Error())
	}
	err = n.store.Transition(id, store.StateRunning, store.StateExecuted, func(r *store.JobRecord) {
		r.ResultCID = results.Commitment(c)
		r.Reason = ""
		r.Failure = ""
		if fail != nil {
			r.Failure = fail.Error()
		}
	})
	switch {
	case err != nil:
	case fail != nil:
		n.log.Info("job failed by its own program: its failure record is the result", "job", id, "result", c, "reason", fail.Reason, "detail", fail.Detail)
	default:
		n.log.Info("job executed", "job", id, "result", c)
	}
	return err == nil, err
}

// execute prepares the job's directories, runs it and packages and stores its result. A
// job that failed by its own fault returns its failure and the CID of its failure record
// (failrecord.go), stored like a result; a failure that is not the program's returns the
// failure and no CID. However it ends (a result, a failure, an error, the node stopping),
// the job's directory is removed before it returns: a job that failed must not leave its
// inputs and outputs on the node's disk.
func (n *Node) execute(ctx context.Context, id settlement.JobID, spec *jobspec.Spec, specHash [32]byte) (cid.Cid, *executor.Failure, error) {
	ex := n.cfg.Executors[spec.Engine]
	dir := n.jobDir(id)
	defer n.removeJobDir(dir)
	if err := prepareDirs(dir); err != nil {
		return cid.Undef, nil, err
	}
	inputs, outputs := inputsDir(dir), outputsDir(dir)
	if err := n.placeInputs(ctx, spec, specHash, inputs); err != nil {
		return cid.Undef, nil, err
	}
	job := executor.Job{ID: fmt.Sprintf("job-%d", id), Spec: spec, InputDir: inputs, OutputDir: outputs, Limits: n.cfg.Policy.limits()}
	if spec.Engine == jobspec.EngineWasm {
		c, err := cid.Decode(spec.Module)
		if err != nil {
			return cid.Undef, executor.BadSpec.Failf("module CID: %v", err), nil
		}
		if job.Module, err = n.blob(ctx, c, specHash, 1<<30); err != nil {
			return cid.Undef, nil, err
		}
	}
	if p, ok := ex.(executor.Preparer); ok {
		if err := p.Prepare(ctx, spec); err != nil {
			if f, ok := executor.AsFailure(err); ok {
				return cid.Undef, f, nil
			}
			return cid.Undef, nil, err
		}
	}
	res, err := ex.Run(ctx, job)
	if err != nil {
		return cid.Undef, nil, err
	}
	if res.Failure != nil {
		return n.recordFailure(job, res.Failure, res, nil)
	}
	archive, c, err := results.Package(outputs, spec.Outputs, results.Limits{})
	if err != nil {
		if fail := packagingFailure(err); fail != nil {
			return n.recordFailure(job, fail, executor.Result{}, err)
		}
		return cid.Undef, nil, err
	}
	if _, err := n.results.Put(archive); err != nil {
		return cid.Undef, nil, err
	}
	return c, nil, nil
}

// packagingFailure classifies a packaging error that is the job's doing by its cause, in
// the words of results' errors with any path they quote bounded (a deep tree's path runs to
// kilobytes); nil for an error that is the node's (a directory it cannot read).
func packagingFailure(err error) *executor.Failure {
	var reason executor.Reason
	switch {
	case errors.Is(err, results.ErrTooLarge):
		reason = executor.OutputTooLarge
	case errors.Is(err, results.ErrMissingOutput):
		reason = executor.OutputMissing
	case errors.Is(err, results.ErrUnsafe):
		reason = executor.OutputUnsafe
	default:
		return nil
	}
	return reason.Failf("packaging the outputs: %s", executor.Elide(err.Error(), executor.MaxQuoted))
}

// recordFailure stores the failure record of a job that failed by its own fault and returns
// its CID with the failure; a failure that is not the job's own returns no CID.
func (n *Node) recordFailure(job executor.Job, fail *executor.Failure, res executor.Result, pkgErr error) (cid.Cid, *executor.Failure, error) {
	b, bad := executor.NewBudget(job, job.Spec.Engine)
	if bad != nil {
		return cid.Undef, fail, nil // the executor would not have run it: not the program's doing
	}
	rec, ok := failureRecord(b, fail, res, pkgErr)
	if !ok {
		return cid.Undef, fail, nil
	}
	archive, c, err := results.PackageFailure(rec)
	if err != nil {
		return cid.Undef, nil, err
	}
	if _, err := n.results.Put(archive); err != nil {
		return cid.Undef, nil, err
	}
	return c, fail, nil
}

// commit sends (or resends) the result commitment and records it.
func (n *Node) commit(ctx context.Context, rec store.JobRecord) (bool, error) {
	id := rec.Job
	job, err := n.st.Job(ctx, id)
	if err != nil {
		return false, err
	}
	if rec.State == store.StateExecuted {
		if !n.now().Before(job.ResultBy) {
			return false, n.end(id, store.StateFailed, "the result deadline passed before the commit")
		}
		if err := n.store.Transition(id, store.StateExecuted, store.StateCommitting, nil); err != nil {
			return false, err
		}
	}
	c, _ := cid.Cast(rec.ResultCID)
	mine := job.Provider == n.self && bytes.Equal(job.ResultCID, rec.ResultCID) && job.Status >= settlement.StatusCommitted
	if !mine {
		if job.Status != settlement.StatusAccepted || job.Provider != n.self {
			return false, n.end(id, store.StateFailed, fmt.Sprintf("cannot commit: the job is %s", job.Status))
		}
		if err := n.st.CommitResult(ctx, id, rec.ResultCID); err != nil {
			if errors.Is(err, settlement.ErrWrongStatus) || errors.Is(err, settlement.ErrTooLate) {
				return false, n.end(id, store.StateFailed, "commit refused: "+err.Error())
			}
			return false, err
		}
		if job, err = n.st.Job(ctx, id); err != nil {
			return false, err
		}
	}
	err = n.store.Transition(id, store.StateCommitting, store.StateCommitted, func(r *store.JobRecord) {
		r.WindowEnds = job.ChallengeEnds()
	})
	if err != nil {
		return false, err
	}
	n.log.Info("result committed", "job", id, "result", c, "window_ends", job.ChallengeEnds())
	return false, nil
}

// settledByFinalize reports whether r waits only for the ticker's finalize: a provider's
// committed result, or a replica in a majority that was resolved (WindowEnds set).
func settledByFinalize(r store.JobRecord) bool {
	switch r.Role {
	case store.RoleProvider:
		return r.State == store.StateCommitted || r.State == store.StateFinalizing
	case store.RoleReplica:
		// An outvoted replica contests instead (replica.go): it never finalizes the job.
		return r.State == store.StateFinalizing && !r.WindowEnds.IsZero() && !r.Outvoted
	}
	return false
}

// cleared makes a job whose challenge failed finalizable at once (its record waited for the
// end of the challenge window; a Cleared job does not).
func (n *Node) cleared(id settlement.JobID, at time.Time) error {
	rec, ok, err := n.record(id)
	if !ok || err != nil || !settledByFinalize(rec) || !at.Before(rec.WindowEnds) {
		return err
	}
	err = n.store.Transition(id, rec.State, rec.State, func(r *store.JobRecord) { r.WindowEnds = at })
	if errors.Is(err, store.ErrConflict) {
		return nil // it moved on: finalize reads the chain anyway
	}
	return err
}

// finalize settles, in batches, the jobs whose challenge window closed, then withdraws.
func (n *Node) finalize(ctx context.Context, now time.Time) error {
	if !n.finalMu.TryLock() {
		return nil
	}
	defer n.finalMu.Unlock()
	recs, err := n.store.List(store.StateFinalizing, store.StateCommitted)
	if err != nil {
		return err
	}
	var due []settlement.JobID
	for _, r := range recs {
		if len(due) >= n.cfg.FinalizeBatch {
			break
		}
		if !settledByFinalize(r) {
			continue // verifiers resolve their challenge, replicas their round, in their own steps
		}
		if r.State == store.StateCommitted && now.Before(r.WindowEnds) ||
			r.Role == store.RoleReplica && now.Before(r.WindowEnds) {
			continue
		}
		job, err := n.st.Job(ctx, r.Job)
		if err != nil {
			return err
		}
		switch {
		case job.Status == settlement.StatusFinalized:
			_ = n.end(r.Job, store.StateDone, "")
			continue
		case job.Status.Terminal():
			_ = n.end(r.Job, store.StateFailed, fmt.Sprintf("the job ended %s", job.Status))
			continue
		case !job.Finalizable(now):
			continue
		case r.Role == store.RoleReplica && !n.finalizeTurn(ctx, r, now):
			continue
		}
		if r.State == store.StateCommitted {
			if err := n.store.Transition(r.Job, store.StateCommitted, store.StateFinalizing, nil); err != nil {
				continue
			}
		}
		due = append(due, r.Job)
	}
	if len(due) == 0 {
		return nil
	}
	n.log.Info("finalizing", "jobs", due)
	if err := n.st.Finalize(ctx, due...); err != nil {
		if errors.Is(err, settlement.ErrTooEarly) {
			return nil // the chain's clock lags ours: next tick
		}
		if errors.Is(err, settlement.ErrWrongStatus) || errors.Is(err, settlement.ErrUnknownJob) {
			// Another party (a fellow replica, the client) finalized one of them first: the
			// next tick reads the job's end and settles the rest.
			n.log.Info("finalize lost a race; settling again at the next tick", "jobs", due, "err", err)
			return nil
		}
		return fmt.Errorf("finalize %v: %w", due, err)
	}
	for _, id := range due {
		if err := n.store.Transition(id, store.StateFinalizing, store.StateDone, nil); err != nil && !errors.Is(err, store.ErrConflict) {
			return err
		}
	}
	return n.withdraw(ctx)
}

// finalizeTurn reports whether it is the node's turn to finalize replica record r: every
// majority replica may, so they take turns from the end of the challenge window
// (stagger.go); the job read just before is the re-check.
func (n *Node) finalizeTurn(ctx context.Context, r store.JobRecord, now time.Time) bool {
	p, err := n.st.Panel(ctx, r.Job, true)
	if err != nil {
		return true
	}
	wait := stagger(rank(r.Job, n.self, common.Address{}, p.Members), n.cfg.StepDelay, now, time.Time{})
	return !now.Before(r.WindowEnds.Add(wait))
}

// withdraw pays out the credited balance once it reaches the threshold.
func (n *Node) withdraw(ctx context.Context) error {
	if n.cfg.WithdrawThreshold == nil {
		return nil
	}
	bal, err := n.st.Balance(ctx, n.self)
	if err != nil || bal.Sign() == 0 || bal.Cmp(n.cfg.WithdrawThreshold) < 0 {
		return err
	}
	paid, err := n.st.Withdraw(ctx)
	if err != nil {
		return fmt.Errorf("withdraw: %w", err)
	}
	n.log.Info("withdrew the market balance", "amount", paid)
	return nil
}
