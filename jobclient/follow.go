package jobclient

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/settlement"
)

// Chain tells the chain's time (*ethclient.Client has it).
type Chain interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// ChainTime is the timestamp of the chain's head.
func ChainTime(ctx context.Context, c Chain) (time.Time, error) {
	head, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return time.Time{}, err
	}
	return time.Unix(int64(head.Time), 0), nil
}

// Deadline errors of Follow; the job is returned with them, so the caller can reclaim it.
var (
	ErrNotAccepted = errors.New("the job was not accepted by its accept-by time")
	ErrNoResult    = errors.New("no result came by the job's deadline")
)

// windowNotice is how long before the challenge window closes Follow reports it closing.
const windowNotice = 2 * time.Second

// FollowConfig configures Follow.
type FollowConfig struct {
	// UntilAccepted returns once a provider holds the job (N>1: once every seat is taken)
	// instead of waiting for its end.
	UntilAccepted bool
	// Poll is the time between reads (default 1s).
	Poll time.Duration
	// Clock waits between polls (default the wall clock).
	Clock clock.Clock
	// OnPoll, if set, sees the job at every poll with the chain's time (zero when the head
	// could not be read); an error it returns ends Follow with that error.
	OnPoll func(job settlement.Job, chainNow time.Time) error
	// OnStep, if set, sees every step of the job's life Follow notices, in order, after
	// OnPoll; an error it returns ends Follow with that error.
	OnStep func(Step) error
	// Events, if set, is read from From (the block before the job was posted, say) when a
	// replicated job ends without a majority, to count the replicas that never revealed and
	// so what the client got back. Without it Follow counts them from the last panel it
	// read, when that panel was final.
	Events settlement.EventSource
	From   settlement.Cursor
	// OnRetry, if set, is told each time a read of the chain failed and Follow waits before
	// reading again. Follow rides out a chain outage (an RPC endpoint restarting, a dropped
	// connection) for as long as ctx allows: the job lives on chain whatever its client's
	// connection does, and a client that quit would post it again.
	OnRetry func(err error, wait time.Duration)
	// MaxBackoff caps the wait between reads of an unreachable chain (default 30s); the
	// wait starts at Poll and doubles.
	MaxBackoff time.Duration
}

// StepKind is a change in a job's life that a client reports.
type StepKind uint8

// Step kinds, in the order a job meets them (docs/protocol.md, "States").
const (
	StepPosted        StepKind = iota + 1 // open: waiting for its provider, or for N providers to take its seats
	StepAccepted                          // N=1: Account accepted the job and owes a result
	StepSeatTaken                         // N>1: Account took Seat
	StepSeatsShort                        // N>1: accept-by passed with seats empty: the job cannot run; the seat holders' nodes reclaim it
	StepCommits                           // N>1: Count replicas have committed their sealed results
	StepReveals                           // N>1: Count replicas have revealed
	StepResult                            // a result is on record (N>1: the majority's, Job.Winners of N); the challenge window runs
	StepChallenged                        // the result was challenged; drawn verifiers vote
	StepCleared                           // the challenge failed or was inconclusive: finalizable now
	StepWindowClosing                     // the challenge window closes within seconds
	StepEnded                             // the job ended with Job.Status; Payout says where the payment went
	StepAppealed                          // Account appealed the first verifier panel's verdict; the final panel votes (needs FollowConfig.Events)
)

var stepNames = [...]string{"", "posted", "accepted", "seat-taken", "seats-short", "commits", "reveals", "result",
	"challenged", "cleared", "window-closing", "ended", "appealed"}

func (k StepKind) String() string {
	if int(k) < len(stepNames) && k > 0 {
		return stepNames[k]
	}
	return fmt.Sprintf("step(%d)", uint8(k))
}

// Step is one change Follow noticed.
type Step struct {
	Kind StepKind
	Job  settlement.Job
	Now  time.Time // the chain's time when it was noticed (zero if the head could not be read)
	// Panel is a replicated job's replica panel as Follow last read it (it is deleted on
	// chain when the job ends).
	Panel   settlement.Panel
	Account common.Address // StepAccepted, StepSeatTaken, StepAppealed (the appellant)
	Seat    int            // StepSeatTaken
	Count   int            // StepCommits, StepReveals
	Payout  *Payout        // StepEnded
}

// Payout is where an ended job's payment and slashed collateral went, by the market's rules
// (docs/protocol.md, "Replicated jobs" and "Money"). A challenge's bond is not in it.
type Payout struct {
	// Client is what the job credited its client over its life (a refund, the replica
	// shares nobody earned, collateral slashed to it); nil when it cannot be told (Slashed
	// is -1 then).
	Client *big.Int
	// Paid providers were credited PerProvider each: the payment (N>1: its 1/N share) less
	// the fee.
	Paid        int
	PerProvider *big.Int
	// Slashed providers' collateral went to the client: a timed-out provider, replicas
	// outside the majority or silent; -1 when unknown.
	Slashed int
}

// PayoutOf is the payout of an ended job. silent is, for a replicated job that ended without
// a majority, how many replicas never revealed (-1: unknown).
func PayoutOf(job settlement.Job, silent int) Payout {
	pay, coll := orZero(job.Payment), orZero(job.Collateral)
	n := int64(max(job.Replicas, 1))
	times := func(x *big.Int, k int64) *big.Int { return new(big.Int).Mul(x, big.NewInt(k)) }
	fee := func(x *big.Int) *big.Int {
		return new(big.Int).Quo(new(big.Int).Mul(x, big.NewInt(int64(job.FeeBps))), big.NewInt(10_000))
	}
	// Replicas outside an agreed majority lost their collateral to the client when the
	// round was resolved.
	losers := n - int64(job.Winners)
	switch job.Status {
	case settlement.StatusFinalized:
		if n == 1 {
			return Payout{Client: new(big.Int), Paid: 1, PerProvider: new(big.Int).Sub(pay, fee(pay))}
		}
		share := new(big.Int).Quo(pay, big.NewInt(n))
		client := new(big.Int).Sub(pay, times(share, int64(job.Winners)))
		client.Add(client, times(coll, losers))
		return Payout{Client: client, Paid: int(job.Winners), PerProvider: new(big.Int).Sub(share, fee(share)), Slashed: int(losers)}
	case settlement.StatusReclaimed:
		return Payout{Client: new(big.Int).Set(pay)}
	case settlement.StatusTimedOut:
		return Payout{Client: new(big.Int).Add(pay, coll), Slashed: 1}
	case settlement.StatusRefunded:
		switch {
		case n == 1:
			// An upheld challenge: the provider's collateral went to the challenger, the
			// verifiers and the treasury.
			return Payout{Client: new(big.Int).Set(pay)}
		case job.Winners > 0:
			// The majority's result was challenged and the challenge upheld.
			return Payout{Client: new(big.Int).Add(pay, times(coll, losers)), Slashed: int(losers)}
		case silent < 0:
			return Payout{Slashed: -1}
		}
		// No majority: revealers were unlocked, silent replicas slashed to the client.
		return Payout{Client: new(big.Int).Add(pay, times(coll, int64(silent))), Slashed: silent}
	}
	return Payout{Client: new(big.Int)}
}

func orZero(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return x
}

// Follow polls job id until it is terminal (or accepted, with UntilAccepted), until one of its
// deadlines passes by chain time with nobody left to act but the client (ErrNotAccepted,
// ErrNoResult), or until ctx ends, reporting its steps to cfg.OnStep.
//
// A replicated job (N>1) stays open on chain until its replicas' round is resolved, so
// Follow reads its replica panel at every poll: seats taken, commits, reveals. Its deadlines:
//   - accept-by passed with no seat taken: ErrNotAccepted. With some taken, the seat holders'
//     nodes reclaim it once their run ends (StepSeatsShort, then StepEnded: reclaimed), so
//     Follow waits for that until the round's last deadline, the replicas' reveal deadline
//     (ErrNotAccepted after it: nobody reclaimed); with UntilAccepted it returns
//     ErrNotAccepted at once.
//   - every seat taken but no replica committed by the commit deadline, or none revealed by
//     the reveal deadline: nobody will resolve the round; ErrNoResult (the client resolves
//     it once the reveal window closed, and is refunded).
func Follow(ctx context.Context, r settlement.Reader, c Chain, id settlement.JobID, cfg FollowConfig) (settlement.Job, error) {
	if cfg.Poll <= 0 {
		cfg.Poll = time.Second
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.System
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 30 * time.Second
	}
	f := &follower{cfg: cfg, r: r, id: id}
	backoff := cfg.Poll
	for {
		job, more, err := f.poll(ctx, c)
		if err != nil && !errors.Is(err, settlement.ErrUnknownJob) && !errors.Is(err, errStop) {
			if ctx.Err() != nil {
				return job, ctx.Err()
			}
			// The chain could not be read: wait and read again.
			if cfg.OnRetry != nil {
				cfg.OnRetry(err, backoff)
			}
			select {
			case <-ctx.Done():
				return job, ctx.Err()
			case <-cfg.Clock.After(backoff):
			}
			backoff = min(2*backoff, cfg.MaxBackoff)
			continue
		}
		if errors.Is(err, errStop) {
			err = errors.Unwrap(err)
		}
		if err != nil || !more {
			return job, err
		}
		backoff = cfg.Poll
		select {
		case <-ctx.Done():
			return job, ctx.Err()
		case <-cfg.Clock.After(cfg.Poll):
		}
	}
}

// errStop wraps an error that ends Follow as it is (a callback's, a deadline's): only reads
// of the chain are retried.
var errStop = errors.New("stop")

// stop marks err as ending Follow.
func stop(err error) error {
	if err == nil {
		return nil
	}
	return stopError{err}
}

type stopError struct{ err error }

func (e stopError) Error() string        { return e.err.Error() }
func (e stopError) Unwrap() error        { return e.err }
func (e stopError) Is(target error) bool { return target == errStop }

// poll reads the job once and reports its steps; more is false once Follow is done. A
// read error of the chain comes back as is (retried); everything else that ends Follow is
// wrapped by stop.
func (f *follower) poll(ctx context.Context, c Chain) (settlement.Job, bool, error) {
	cfg, r, id := f.cfg, f.r, f.id
	// The chain's time first, then the job: every block at or before that time is in the
	// job read, so a job still open at accept-by was not accepted.
	now, err := ChainTime(ctx, c)
	if err != nil {
		now = time.Time{}
	}
	job, err := r.Job(ctx, id)
	if err != nil {
		return job, false, err
	}
	fresh := true
	if job.Replicas > 1 && !job.Status.Terminal() {
		p, err := r.Panel(ctx, id, true)
		if err != nil {
			return job, false, err
		}
		// A replicated job's panel has its deadlines from the post until the job ends;
		// without them it was deleted after the job was read (reclaimed, or resolved
		// without a majority): the next poll sees the end.
		if fresh = !p.CommitBy.IsZero(); fresh {
			f.panel, f.panelAt = p, now
		}
	}
	steps := f.steps(ctx, job, now)
	if cfg.OnPoll != nil {
		if err := cfg.OnPoll(job, now); err != nil {
			return job, false, stop(err)
		}
	}
	if cfg.OnStep != nil {
		for _, s := range steps {
			if err := cfg.OnStep(s); err != nil {
				return job, false, stop(err)
			}
		}
	}
	if job.Status.Terminal() || cfg.UntilAccepted && f.accepted(job) {
		return job, false, nil
	}
	if fresh {
		if err := f.overdue(job, now); err != nil {
			return job, false, stop(err)
		}
	}
	return job, true, nil
}

// follower is what Follow remembers between polls.
type follower struct {
	cfg FollowConfig
	r   settlement.Reader
	id  settlement.JobID

	last                   settlement.Status
	panel                  settlement.Panel // N>1: the last replica panel read
	panelAt                time.Time        // the chain's time it was read at
	seats, commits, reveal int              // N>1: reported so far
	short, closing         bool
	appealed               bool               // StepAppealed reported
	appealFrom             *settlement.Cursor // where the search for the appeal's event goes on
}

// seatsTaken is how many of a replicated job's seats the last panel read shows taken.
func (f *follower) seatsTaken() int { return len(f.panel.Members) }

// accepted reports whether the job no longer waits for providers.
func (f *follower) accepted(job settlement.Job) bool {
	if job.Status != settlement.StatusOpen {
		return true
	}
	return job.Replicas > 1 && f.seatsTaken() >= int(job.Replicas)
}

// steps compares the job (and its panel) with the previous poll.
func (f *follower) steps(ctx context.Context, job settlement.Job, now time.Time) []Step {
	var out []Step
	add := func(s Step) {
		s.Job, s.Now, s.Panel = job, now, f.panel
		out = append(out, s)
	}
	changed := job.Status != f.last
	f.last = job.Status
	if changed && job.Status == settlement.StatusOpen {
		add(Step{Kind: StepPosted})
	}
	if job.Replicas > 1 {
		// Seats, commits and reveals before the status they led to (a round resolved between
		// two polls shows its final counts on the closed panel).
		for i := f.seats; i < len(f.panel.Members); i++ {
			add(Step{Kind: StepSeatTaken, Seat: i, Account: f.panel.Members[i]})
		}
		f.seats = max(f.seats, len(f.panel.Members))
		if f.panel.Committed > f.commits {
			f.commits = f.panel.Committed
			add(Step{Kind: StepCommits, Count: f.commits})
		}
		if f.panel.Revealed > f.reveal {
			f.reveal = f.panel.Revealed
			add(Step{Kind: StepReveals, Count: f.reveal})
		}
		if !f.short && !f.cfg.UntilAccepted && job.Status == settlement.StatusOpen && !now.IsZero() && !now.Before(job.AcceptBy) &&
			f.seatsTaken() > 0 && f.seatsTaken() < int(job.Replicas) {
			f.short = true
			add(Step{Kind: StepSeatsShort})
		}
	}
	if changed {
		switch job.Status {
		case settlement.StatusAccepted:
			add(Step{Kind: StepAccepted, Account: job.Provider})
		case settlement.StatusCommitted:
			add(Step{Kind: StepResult})
		case settlement.StatusChallenged:
			add(Step{Kind: StepChallenged})
		case settlement.StatusCleared:
			add(Step{Kind: StepCleared})
		default:
			if job.Status.Terminal() {
				p := PayoutOf(job, f.silent(ctx, job))
				add(Step{Kind: StepEnded, Payout: &p})
			}
		}
	}
	if job.Status == settlement.StatusChallenged && !f.appealed {
		if who, ok := f.appeal(ctx); ok {
			f.appealed = true
			add(Step{Kind: StepAppealed, Account: who})
		}
	}
	if !f.closing && job.Status == settlement.StatusCommitted && !now.IsZero() && !now.Add(windowNotice).Before(job.ChallengeEnds()) {
		f.closing = true
		add(Step{Kind: StepWindowClosing})
	}
	return out
}

// appeal looks for the job's AppealOpened event in the events since the last look (from
// FollowConfig.From at first) and returns the appellant; false without an Events source, on
// a read error (the next poll looks again) or when there is none yet.
func (f *follower) appeal(ctx context.Context) (common.Address, bool) {
	if f.cfg.Events == nil {
		return common.Address{}, false
	}
	from := f.cfg.From
	if f.appealFrom != nil {
		from = *f.appealFrom
	}
	evs, next, err := f.cfg.Events.Events(ctx, from, 0, 0)
	if err != nil {
		return common.Address{}, false
	}
	f.appealFrom = &next
	for _, e := range evs {
		if e.Kind == settlement.EventAppealOpened && e.Job == f.id {
			return e.Account, true
		}
	}
	return common.Address{}, false
}

// silent counts the replicas of a job that ended without a majority that never revealed;
// -1 when it cannot tell.
func (f *follower) silent(ctx context.Context, job settlement.Job) int {
	if job.Replicas <= 1 || job.Status != settlement.StatusRefunded || job.Winners > 0 {
		return 0
	}
	n := int(job.Replicas)
	if f.cfg.Events != nil {
		evs, _, err := f.cfg.Events.Events(ctx, f.cfg.From, 0, 0)
		if err == nil {
			revealed := 0
			for _, ev := range evs {
				if ev.Job == job.ID && ev.Kind == settlement.EventPanelRevealed && ev.Panel == settlement.PanelReplicas {
					revealed++
				}
			}
			return n - revealed
		}
	}
	// The last panel read is final once every replica revealed or the reveal window had
	// closed when it was read: the round was resolved after it.
	p := f.panel
	if len(p.Members) == n && (p.Revealed == n || !f.panelAt.IsZero() && f.panelAt.After(p.RevealBy)) {
		return n - p.Revealed
	}
	return -1
}

// overdue is the deadline error of a live job that only its client can move on now.
func (f *follower) overdue(job settlement.Job, now time.Time) error {
	if now.IsZero() {
		return nil
	}
	at := func(t time.Time) string { return t.UTC().Format(time.RFC3339) }
	n, seats := int(job.Replicas), f.seatsTaken()
	// The seat holders of a job short of replicas reclaim it after their run, by their own
	// clocks: they have until the round's last deadline.
	lastCall := f.panel.RevealBy
	if lastCall.IsZero() {
		lastCall = job.ResultBy
	}
	switch {
	case job.Status == settlement.StatusOpen && n <= 1 && !now.Before(job.AcceptBy):
		return fmt.Errorf("job %d: %w (%s)", f.id, ErrNotAccepted, at(job.AcceptBy))
	case job.Status == settlement.StatusOpen && n > 1 && seats < n && !now.Before(job.AcceptBy) &&
		(f.cfg.UntilAccepted || seats == 0 || !now.Before(lastCall)):
		return fmt.Errorf("job %d: %w (%s): %d of %d replica seats taken", f.id, ErrNotAccepted, at(job.AcceptBy), seats, n)
	case job.Status == settlement.StatusAccepted && !now.Before(job.ResultBy):
		return fmt.Errorf("job %d: %w (%s): the provider committed none", f.id, ErrNoResult, at(job.ResultBy))
	case job.Status == settlement.StatusOpen && n > 1 && seats >= n && f.panel.Committed == 0 && !now.Before(f.panel.CommitBy):
		return fmt.Errorf("job %d: %w (%s): none of its %d replicas committed one", f.id, ErrNoResult, at(f.panel.CommitBy), n)
	case job.Status == settlement.StatusOpen && n > 1 && seats >= n && f.panel.Revealed == 0 && !now.Before(f.panel.RevealBy):
		return fmt.Errorf("job %d: %w (%s): none of its %d replicas revealed one", f.id, ErrNoResult, at(f.panel.RevealBy), n)
	}
	return nil
}

// Request is the job request for spec posted at chain time now: its price in base units of a
// token with decimals, its deadlines from now, checked (settlement.ErrBadRequest).
func Request(spec *jobspec.Spec, now time.Time, decimals uint8) (settlement.JobRequest, error) {
	hash, err := spec.Hash()
	if err != nil {
		return settlement.JobRequest{}, err
	}
	payment, collateral, err := spec.Price.Amounts(decimals)
	if err != nil {
		return settlement.JobRequest{}, fmt.Errorf("%w: %v", settlement.ErrBadRequest, err)
	}
	acceptBy, resultBy := spec.Deadlines.At(now)
	req := settlement.JobRequest{
		SpecHash:        hash,
		Payment:         payment,
		Collateral:      collateral,
		Replicas:        spec.Replicas,
		AcceptBy:        acceptBy,
		ResultBy:        resultBy,
		ChallengeWindow: spec.ChallengeWindow,
	}
	return req, req.Check(now)
}
