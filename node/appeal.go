package node

import (
	"context"
	"errors"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
)

// Appeals (docs/protocol.md, "Appeals").
//
// When the first verifier panel upholds a challenge against a result the node committed (as
// the provider, or a replica in the job's majority), the node appeals to the final panel,
// depositing the appeal bond: it computed the result, so the verdict is wrong (a cartel
// holding the small first panel). A replica the round outvoted, which challenged the
// majority's result (replica.go, contest), appeals a first verdict that Rejects its challenge
// the same way; when someone else challenged, the market refuses its appeal (only the
// challenger may appeal a Rejected verdict) and the watch ends. The watch is kept in memory and rebuilt from the store's
// committed records at the first tick after a start, so a restart mid-challenge still
// appeals. A node whose Chain declines the duty (a dishonest one) never appeals.
//
// When an appeal opens, the first panel's votes are cast: a verifier record of the node ends
// (the market keeps the seat's collateral locked and, at the final verdict, unlocks it with a
// share of the overturned votes' collateral, or slashes it), and the final panel is drawn like
// the first (a pending draw at the new anchor). A
// node drawn again, for the final panel, gets a new verifier record (store.Recast).

// watchAppeal starts watching job id's challenge for a verdict against the node's result.
func (n *Node) watchAppeal(id settlement.JobID) {
	n.mu.Lock()
	n.appeals[id] = true
	n.mu.Unlock()
}

// appealDue appeals the watched challenges whose first panel ruled against the node's result.
// live is the store's live records, read by the tick.
func (n *Node) appealDue(ctx context.Context, live []store.JobRecord) {
	if declinesDuty(n.st) {
		return
	}
	n.mu.Lock()
	load := !n.appealsLoaded
	n.appealsLoaded = true
	n.mu.Unlock()
	if load {
		for _, r := range live {
			if r.Role != store.RoleVerifier && (r.State == store.StateCommitted || r.State == store.StateFinalizing) {
				if job, err := n.st.Job(ctx, r.Job); err == nil && job.Status == settlement.StatusChallenged {
					n.watchAppeal(r.Job)
				}
			}
		}
	}
	n.mu.Lock()
	ids := make([]settlement.JobID, 0, len(n.appeals))
	for id := range n.appeals {
		ids = append(ids, id)
	}
	n.mu.Unlock()
	slices.Sort(ids)
	for _, id := range ids {
		if ctx.Err() != nil {
			return
		}
		if n.maybeAppeal(ctx, id) {
			n.mu.Lock()
			delete(n.appeals, id)
			n.mu.Unlock()
		}
	}
}

// maybeAppeal appeals job id's first verdict when it is against the node's result; done
// reports that nothing is left to watch.
func (n *Node) maybeAppeal(ctx context.Context, id settlement.JobID) (done bool) {
	rec, ok, err := n.record(id)
	if err != nil {
		return false
	}
	if !ok || rec.Role == store.RoleVerifier || rec.State.Terminal() {
		return true
	}
	job, err := n.st.Job(ctx, id)
	if err != nil {
		return errors.Is(err, settlement.ErrUnknownJob)
	}
	if job.Status != settlement.StatusChallenged {
		return true
	}
	outvoted := common.Hash(crypto.Keccak256Hash(rec.ResultCID)) != job.Result
	if outvoted && !rec.Outvoted {
		return true // a replica outside the job's majority that does not contest it
	}
	p, err := n.st.Panel(ctx, id, false)
	if err != nil || len(p.Members) == 0 || len(p.Seats) != len(p.Members) {
		return false // not drawn yet (an empty draw is inconclusive: nothing to appeal)
	}
	if p.Revealed < len(p.Members) && !n.now().After(p.RevealBy) {
		return false
	}
	agree, disagree := 0, 0
	for _, s := range p.Seats {
		switch {
		case s.Result == (common.Hash{}):
		case s.Result == job.Result:
			agree++
		default:
			disagree++
		}
	}
	// Against us: a challenge upheld against our result, or (outvoted, contesting the
	// majority's) a challenge rejected. Only the challenger may appeal a Rejected verdict: if
	// someone else challenged, the market refuses ours (NotAppealable) and the watch ends.
	against, side := disagree, "upheld a challenge against our result"
	if outvoted {
		against, side = agree, "rejected a challenge of the majority's result that outvoted ours"
	}
	if 2*against <= len(p.Members) {
		return false // not against us: wait for the resolution
	}
	err = n.st.Appeal(ctx, id)
	switch {
	case err == nil:
		n.log.Warn("the first verifier panel "+side+": appealed to the final panel",
			"job", id, "against", against, "of", len(p.Members))
		return true
	case errors.Is(err, settlement.ErrTooEarly):
		return false
	case errors.Is(err, settlement.ErrNotAllowed), errors.Is(err, settlement.ErrTooLate),
		errors.Is(err, settlement.ErrWrongStatus), errors.Is(err, settlement.ErrUnknownJob):
		// Appealed already (this is the final panel), the window passed, or it resolved.
		n.log.Info("not appealing the verdict", "job", id, "err", err)
		return true
	}
	n.log.Warn("appeal failed; will retry", "job", id, "err", err)
	return false
}

// onAppealOpened ends the node's duty in the first panel (its vote is cast; the market keeps
// its verifier collateral locked until the final verdict judges the vote, and credits or slashes
// it then, with nothing for the node to send) and records the pending draw of the final panel.
func (n *Node) onAppealOpened(ev settlement.Event) error {
	rec, ok, err := n.record(ev.Job)
	if err != nil {
		return err
	}
	if ok && rec.Role == store.RoleVerifier && !rec.State.Terminal() {
		if err := n.end(ev.Job, store.StateDone, "the verdict was appealed: the final verdict judges the first panel's vote"); err != nil {
			return err
		}
	}
	if declinesDuty(n.st) || ok && rec.Role != store.RoleVerifier {
		return nil
	}
	n.log.Info("the verdict was appealed: drawing the final panel", "job", ev.Job, "appellant", ev.Account, "anchor", ev.Anchor)
	return n.store.PutDraw(ev.Job, ev.Anchor)
}
