package run

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/brine-compute/brine/pipeline"
	"github.com/brine-compute/brine/settlement"
)

// CancelMarket is what cancelling a run asks of the chain (settlement/onchain has it).
type CancelMarket interface {
	Job(ctx context.Context, id settlement.JobID) (settlement.Job, error)
	Reclaim(ctx context.Context, id settlement.JobID) error
	ClaimTimeout(ctx context.Context, id settlement.JobID) error
}

// Fate is what becomes of one job of a cancelled run.
type Fate string

// Fates of a cancelled run's jobs. A job its provider accepted cannot be withdrawn (the
// market has no cancel for it: a client could otherwise pull a job from under a provider that
// has started it), so it runs and is paid unless it misses its result deadline.
const (
	// FatePaid: finalized before the cancel; its payment went to its provider.
	FatePaid Fate = "paid"
	// FateWillBePaid: its result is committed; it is paid once finalized (unless a challenge
	// against it is upheld).
	FateWillBePaid Fate = "will be paid"
	// FateWillRun: accepted and running; it is paid if it commits a result by its deadline
	// (Until), else it can be claimed back.
	FateWillRun Fate = "will run and be paid"
	// FateMayRun: open; a provider may still accept it until its accept-by (Until), and then
	// it runs and is paid; if none does, cancelling again (or the run) reclaims it.
	FateMayRun Fate = "may still be accepted"
	// FateReclaimed: nobody accepted it by its accept-by; reclaimed by this cancel, its
	// payment back in the client's wallet.
	FateReclaimed Fate = "reclaimed"
	// FateClaimedBack: accepted but no result by its deadline; claimed back by this cancel,
	// its payment back with the provider's collateral.
	FateClaimedBack Fate = "claimed back"
	// FateEnded: it ended unpaid before the cancel (reclaimed, timed out, refunded).
	FateEnded Fate = "ended unpaid"
	// FateUnknown: its post was recorded and not seen mined; resuming the run finds it on
	// chain (and then reports it here) or records that it was never posted.
	FateUnknown Fate = "post not seen"
)

// CancelledJob is one posted job of a cancelled run and what becomes of it.
type CancelledJob struct {
	Step    string           `json:"step"`
	Entry   string           `json:"entry,omitempty"`
	Job     settlement.JobID `json:"job,omitempty"`
	Status  string           `json:"status"` // on chain, after the cancel
	Fate    Fate             `json:"fate"`
	Payment *big.Int         `json:"payment"`
	// Until is the accept-by of a job that may still be accepted, the result deadline of one
	// running.
	Until *time.Time `json:"until,omitempty"`
}

// Cancellation is what cancelling a run did and leaves.
type Cancellation struct {
	Jobs []CancelledJob `json:"jobs"`
	// NotPosted are what will not be posted now: a step none of whose jobs are listed yet
	// (all of them: a fan-out's entries are not known), or one job of a step, step[entry].
	NotPosted []string `json:"notPosted,omitempty"`
	// Paid is what the jobs already paid cost; WillPay what the jobs that will still run (or
	// have run) and be paid will cost; MayPay what the open jobs would cost if a provider
	// accepts them before their accept-by. Refunded is what this cancel got back.
	Paid, WillPay, MayPay, Refunded *big.Int
}

// Cancel cancels a run: nothing more is posted (a running runner reads the flag from the
// state file and stops), every open job past its accept-by is reclaimed and every accepted
// job past its result deadline claimed back, now. It reports every job the run posted and
// what becomes of it: an accepted job cannot be withdrawn, so it runs and is paid; an open
// one may still be accepted until its accept-by (cancelling again after it reclaims it).
// now is the chain's time.
func Cancel(ctx context.Context, p *pipeline.Pipeline, st *State, m CancelMarket, now time.Time) (Cancellation, error) {
	c := Cancellation{Paid: new(big.Int), WillPay: new(big.Int), MayPay: new(big.Int), Refunded: new(big.Int)}
	if !st.Cancelled {
		st.Cancelled = true
		if err := st.Save(); err != nil {
			return c, err
		}
	}
	for _, s := range p.Order() {
		name := s.Name
		ss := st.Steps[name]
		if ss == nil || !ss.Expanded {
			if ss == nil || ss.Failed == "" {
				c.NotPosted = append(c.NotPosted, name)
			}
			continue
		}
		for _, in := range ss.Jobs {
			who := name
			if in.Entry != "" {
				who += "[" + in.Entry + "]"
			}
			if in.CID == "" && in.Failed == "" && in.Live() == nil {
				c.NotPosted = append(c.NotPosted, who)
			}
			for _, a := range in.Attempts {
				if a.Job == 0 && a.Settled {
					continue // never posted
				}
				cj, err := cancelJob(ctx, m, now, a)
				if err != nil {
					return c, fmt.Errorf("step %s: %w", who, err)
				}
				cj.Step, cj.Entry = name, in.Entry
				switch cj.Fate {
				case FatePaid:
					c.Paid.Add(c.Paid, cj.Payment)
				case FateWillBePaid, FateWillRun:
					c.WillPay.Add(c.WillPay, cj.Payment)
				case FateMayRun, FateUnknown:
					c.MayPay.Add(c.MayPay, cj.Payment)
				case FateReclaimed, FateClaimedBack:
					c.Refunded.Add(c.Refunded, cj.Payment)
				}
				c.Jobs = append(c.Jobs, cj)
			}
		}
	}
	return c, nil
}

// cancelJob settles one attempt's job as far as the rules allow now and says what becomes of
// it.
func cancelJob(ctx context.Context, m CancelMarket, now time.Time, a *Attempt) (CancelledJob, error) {
	payment, ok := new(big.Int).SetString(a.Payment, 10)
	if !ok {
		payment = new(big.Int)
	}
	cj := CancelledJob{Job: a.Job, Payment: payment, Status: a.Status}
	if a.Job == 0 {
		cj.Fate = FateUnknown
		return cj, nil
	}
	job, err := m.Job(ctx, a.Job)
	if err != nil {
		return cj, fmt.Errorf("reading job %d: %w", a.Job, err)
	}
	if job.Payment != nil {
		cj.Payment = new(big.Int).Set(job.Payment)
	}
	switch {
	case job.Status == settlement.StatusFinalized:
		cj.Fate = FatePaid
	case job.Status == settlement.StatusCommitted || job.Status == settlement.StatusCleared ||
		job.Status == settlement.StatusChallenged:
		cj.Fate = FateWillBePaid
	case job.Status == settlement.StatusOpen && now.After(job.AcceptBy):
		if err := m.Reclaim(ctx, a.Job); err != nil && !errors.Is(err, settlement.ErrWrongStatus) {
			return cj, fmt.Errorf("reclaiming job %d: %w", a.Job, err)
		}
		cj.Fate, job.Status = FateReclaimed, settlement.StatusReclaimed
	case job.Status == settlement.StatusOpen:
		t := job.AcceptBy
		cj.Fate, cj.Until = FateMayRun, &t
	case job.Status == settlement.StatusAccepted && job.Replicas <= 1 && now.After(job.ResultBy):
		if err := m.ClaimTimeout(ctx, a.Job); err != nil && !errors.Is(err, settlement.ErrWrongStatus) {
			return cj, fmt.Errorf("claiming job %d's timeout: %w", a.Job, err)
		}
		cj.Fate, job.Status = FateClaimedBack, settlement.StatusTimedOut
	case job.Status == settlement.StatusAccepted:
		t := job.ResultBy
		cj.Fate, cj.Until = FateWillRun, &t
	default:
		cj.Fate = FateEnded
	}
	cj.Status = job.Status.String()
	return cj, nil
}
