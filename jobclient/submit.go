package jobclient

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/settlement"
)

// Nodes is what a submission asks of the providers' nodes, through the client's host (*Host
// has it).
type Nodes interface {
	ServeModule(spec *jobspec.Spec, module []byte) error
	Push(ctx context.Context, d providers.Directory, hash common.Hash, canonical []byte, except ...common.Address) (providers.PushReport, error)
	Fetch(ctx context.Context, d providers.Directory, job settlement.Job, maxSize int64) ([]byte, cid.Cid, error)
	FetchAnywhere(ctx context.Context, d providers.Directory, job settlement.Job, maxSize int64) ([]byte, cid.Cid, common.Address, error)
}

// Market is what a submission asks of the client's account on chain
// (settlement/onchain.Settlement has it): the provider directory, the post and the reads that
// follow the job.
type Market interface {
	settlement.Reader
	providers.Directory
	PostJob(ctx context.Context, req settlement.JobRequest) (settlement.Job, error)
}

// FollowMode is what a submission does once its job is posted.
type FollowMode uint8

const (
	// FollowNone returns once the job is posted.
	FollowNone FollowMode = iota
	// FollowWhileNeeded follows the job until a provider holds it (N>1: every seat), but only
	// while it needs what only this client serves: its module, or its spec when fewer nodes
	// than it needs took it and some did not answer (Offer.Waiting); otherwise it returns
	// once the job is posted.
	FollowWhileNeeded
	// FollowToEnd follows the job until it ends.
	FollowToEnd
)

// FetchMode is whether and from where a followed job's result is fetched once committed.
type FetchMode uint8

const (
	FetchNone FetchMode = iota
	// FetchFromProvider asks the job's provider's node only (Host.Fetch): a canary checks
	// that the provider serves its result.
	FetchFromProvider
	// FetchAnywhere falls back to any other provider's node that holds the result
	// (Host.FetchAnywhere): a client that wants its result back.
	FetchAnywhere
)

// Pauses of a submission: between offers of a spec too few nodes took while some did not
// answer, and between tries of a failed download.
const (
	firstOfferPause = time.Second
	maxOfferPause   = 10 * time.Second
	firstFetchPause = 2 * time.Second
	maxFetchPause   = 30 * time.Second
	// fetchTriesAfterEnd is how many more times a result that could not be fetched while
	// the job was followed is tried once it ended.
	fetchTriesAfterEnd = 3
)

// SubmitHooks are what a submission's caller is told, and where it acts, as the submission
// goes. Every hook is optional.
type SubmitHooks struct {
	// OnOffer sees each offer of the spec (before the post, each repeat, each re-offer
	// while the job waits) with the offered nodes' answers; o already counts them.
	OnOffer func(o *Offer, report providers.PushReport)
	// OnOfferAgain is told that fewer nodes than the job needs took the spec and some did
	// not answer: it is offered again after pause.
	OnOfferAgain func(o *Offer, report providers.PushReport, pause time.Duration)
	// BeforePost runs once the offer is done, before the post is sent; its error ends the
	// submission with nothing posted. A caller that must never pay twice records the
	// submission here, so that a run killed while the post is in flight finds the record.
	BeforePost func(ctx context.Context, o *Offer, req settlement.JobRequest) error
	// AfterPost runs once the post is mined (or with the job a resumed submission names),
	// before the job is followed; its error ends the submission.
	AfterPost func(ctx context.Context, o *Offer, job settlement.Job) error
	// OnStep sees every step of the followed job (FollowConfig.OnStep).
	OnStep func(Step) error
	// OnRetry is told each time a read of the chain failed while following (FollowConfig.OnRetry).
	OnRetry func(err error, wait time.Duration)
	// OnFetchFailed is told, with RetryFetch, that fetching the result failed and is tried
	// again after pause.
	OnFetchFailed func(job settlement.Job, err error, pause time.Duration)
	// OnResult sees the fetched result, verified against the on-chain commitment; its error
	// (a result that cannot be kept) ends the submission and is not retried.
	OnResult func(ctx context.Context, job settlement.Job, r Result) error
}

// SubmitConfig configures a Submitter.
type SubmitConfig struct {
	// Nodes is the client's started host (*Host): it serves the spec and module and fetches
	// the result.
	Nodes Nodes
	// Market acts as the client's account.
	Market Market
	// Chain tells the chain's time, by which a Submission without a Request gets its
	// deadlines and the job's are judged.
	Chain Chain
	// Decimals are the payment token's (to price a Submission without a Request).
	Decimals uint8

	// OfferFor: while fewer nodes than the job needs took its spec and some did not answer
	// (down, restarting), the spec is offered again with growing pauses for up to this long
	// before the post (0: offered once).
	OfferFor time.Duration
	// PostShort posts a job whose spec fewer nodes than it needs took; otherwise that ends
	// the submission with ErrSpecNotTaken before any money moves (posting it would only
	// lock the payment until accept-by).
	PostShort bool
	// Reoffer, if set, offers the spec again at most this often, while the posted job waits
	// for providers, to the nodes that did not take it: a node that was down when the job
	// was posted takes it when it is back, within the accept window.
	Reoffer time.Duration

	// Follow is what happens once the job is posted (default FollowNone).
	Follow FollowMode
	// Poll is the time between reads of the followed job (default 1s).
	Poll time.Duration
	// Events, if set, counts a replicated job's silent replicas (FollowConfig.Events);
	// Submission.From is where it is read from.
	Events settlement.EventSource

	// Fetch is whether a followed job's result is fetched once committed (FollowToEnd only).
	Fetch FetchMode
	// MaxResult bounds the result's size (default 1 GiB).
	MaxResult int64
	// RetryFetch: a failed fetch (a node restarting, a stale connection, every holder busy)
	// does not end the submission: it is tried again, with growing pauses, while the job is
	// followed, and up to three more times once it ended. Bytes that do not match the
	// commitment (providers.ErrResultMismatch) or that OnResult refuses end it either way.
	// Without it the first failed fetch ends the submission.
	RetryFetch bool

	// Clock waits between offers, polls and fetches (default the wall clock).
	Clock  clock.Clock
	Logger *slog.Logger
	Hooks  SubmitHooks
}

// Check reports a config a Submitter cannot run.
func (c *SubmitConfig) Check() error {
	switch {
	case c.Nodes == nil || c.Market == nil || c.Chain == nil:
		return errors.New("jobclient: Nodes, Market and Chain are required")
	case c.Follow > FollowToEnd:
		return fmt.Errorf("jobclient: unknown follow mode %d", c.Follow)
	case c.Fetch > FetchAnywhere:
		return fmt.Errorf("jobclient: unknown fetch mode %d", c.Fetch)
	case c.Fetch != FetchNone && c.Follow != FollowToEnd:
		return errors.New("jobclient: fetching the result needs FollowToEnd")
	case c.OfferFor < 0 || c.Reoffer < 0 || c.Poll < 0 || c.MaxResult < 0:
		return errors.New("jobclient: durations and sizes cannot be negative")
	}
	return nil
}

// Submitter runs a job's submission: spec, module, offer, post, follow, fetch.
type Submitter struct {
	cfg SubmitConfig
	log *slog.Logger
}

// NewSubmitter checks cfg.
func NewSubmitter(cfg SubmitConfig) (*Submitter, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.MaxResult == 0 {
		cfg.MaxResult = 1 << 30
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.System
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &Submitter{cfg: cfg, log: cfg.Logger}, nil
}

// Submission is one job to submit.
type Submission struct {
	Spec *jobspec.Spec
	// Module, if set, is the wasm module the spec names: it is checked and served before the
	// spec is offered.
	Module []byte
	// Request is the post; zero: built from Spec at the chain's time just before the post
	// (Request).
	Request settlement.JobRequest
	// Job, if set, is the job an earlier run of this submission posted: it is offered again
	// once when still open, and followed; nothing is posted.
	Job *settlement.Job
	// From is a block at or before the job's post (SubmitConfig.Events).
	From settlement.Cursor
	// Avoid are providers whose nodes are offered the spec only when no other node took it:
	// a retry of a job one of them failed goes to another provider when one will run it.
	Avoid []common.Address
}

// Offer is a spec offered to the providers' nodes: which took it so far. A node takes a spec
// it would run (its policy checks it at the push and says why not); it then fetches the
// job's module and inputs from the client once the job is posted.
type Offer struct {
	Hash      common.Hash
	Canonical []byte
	// Need is how many nodes must take it: the job's replicas.
	Need int
	Took []common.Address
	// Silent is how many nodes did not answer the last offer (down, restarting): they may
	// take the spec when they are back.
	Silent int
	// Last is the last offer's answers (the nodes that took the spec before are not asked
	// again).
	Last providers.PushReport
	next time.Time // the next re-offer while following
	// avoid are offered the spec only once the others fell short (Submission.Avoid).
	avoid []common.Address
}

// Short reports whether fewer nodes than the job needs took its spec.
func (o *Offer) Short() bool { return len(o.Took) < o.Need }

// Waiting reports whether the spec is short and some nodes did not answer its last offer:
// a client that serves it on may still see it taken.
func (o *Offer) Waiting() bool { return o.Short() && o.Silent > 0 }

// Result is a job's result, verified against its on-chain commitment.
type Result struct {
	Data []byte
	CID  cid.Cid
	// From is whose node served it: the job's provider, another provider, or zero for a
	// replicated job (FetchAnywhere).
	From common.Address
}

// Submitted is what a submission did, as far as it got.
type Submitted struct {
	Offer *Offer
	// Job is the job as last read; its ID is zero until it is posted.
	Job settlement.Job
	// Posted: this submission posted the job (not a resumed one).
	Posted bool
	// Followed: the job was followed (FollowToEnd, or FollowWhileNeeded when it needed the
	// client); FollowDone: until it ended (or, FollowWhileNeeded, was taken).
	Followed, FollowDone bool
	// Panel is a replicated job's replica panel as last followed.
	Panel settlement.Panel
	// Payout is, once the followed job ended, where its payment went.
	Payout *Payout
	// Result is the fetched result (nil: not fetched).
	Result *Result
	// FetchErr is the last failed fetch.
	FetchErr error
}

// Stage is a step of a submission, as a SubmitError names it.
type Stage uint8

const (
	StageOffer Stage = iota + 1 // listing the providers' nodes and offering the spec
	StagePost                   // building and sending the post
	StageFetch                  // fetching its result
)

// SubmitError is a failed step of a submission, so that its caller says what failed in its
// own words; its text is the step's error's. A hook's error is returned as it is.
type SubmitError struct {
	Stage Stage
	Err   error
}

func (e *SubmitError) Error() string { return e.Err.Error() }
func (e *SubmitError) Unwrap() error { return e.Err }

// StageOf is the stage of a submission's error (0: a hook's, or none).
func StageOf(err error) Stage {
	var se *SubmitError
	if errors.As(err, &se) {
		return se.Stage
	}
	return 0
}

// ErrSpecNotTaken: fewer provider nodes than the job needs took its spec, and the job was not
// posted (SubmitConfig.PostShort); Submitted.Offer says who answered what.
var ErrSpecNotTaken = errors.New("too few provider nodes took the spec")

// ErrResultNotFetched: with RetryFetch, the ended job's result could still not be fetched
// (Submitted.FetchErr is the last failure); any node that holds it serves it later.
var ErrResultNotFetched = errors.New("the result could not be fetched")

// Submit runs one submission: the module served, the spec offered to the providers' nodes,
// the job posted (BeforePost, then AfterPost once mined), then followed and its result
// fetched as the config says. The error of the offer, the post or the fetch is a *SubmitError;
// a deadline that passes while following is ErrNotAccepted or ErrNoResult, with the job in
// Submitted.
func (s *Submitter) Submit(ctx context.Context, sub Submission) (Submitted, error) {
	res := Submitted{}
	if sub.Spec == nil {
		return res, errors.New("jobclient: a submission needs its spec")
	}
	canon, err := sub.Spec.Canonical()
	if err != nil {
		return res, err
	}
	hash, err := sub.Spec.Hash()
	if err != nil {
		return res, err
	}
	res.Offer = &Offer{Hash: hash, Canonical: canon, Need: max(int(sub.Spec.Replicas), 1), avoid: sub.Avoid}
	if sub.Module != nil {
		if err := s.cfg.Nodes.ServeModule(sub.Spec, sub.Module); err != nil {
			return res, err
		}
	}
	if sub.Job != nil {
		res.Job = *sub.Job
		if res.Job.Status == settlement.StatusOpen {
			if _, err := s.offer(ctx, res.Offer); err != nil {
				s.log.Info("offering the spec again", "err", err)
			}
		}
	} else if err := s.post(ctx, sub, &res); err != nil {
		return res, err
	}
	if h := s.cfg.Hooks.AfterPost; h != nil {
		if err := h(ctx, res.Offer, res.Job); err != nil {
			return res, err
		}
	}
	switch s.cfg.Follow {
	case FollowNone:
		return res, nil
	case FollowWhileNeeded:
		if sub.Module == nil && !res.Offer.Waiting() {
			return res, nil
		}
	}
	return res, s.follow(ctx, sub, &res)
}

// post offers the spec until enough nodes took it (or the offer gives up) and posts the job.
func (s *Submitter) post(ctx context.Context, sub Submission, res *Submitted) error {
	o := res.Offer
	until := s.cfg.Clock.Now().Add(s.cfg.OfferFor)
	pause := firstOfferPause
	for {
		report, err := s.offer(ctx, o)
		if err != nil {
			return &SubmitError{StageOffer, err}
		}
		if o.Short() && len(o.avoid) > 0 {
			// No other provider's node took enough: the avoided ones are better than none.
			o.avoid = nil
			if report, err = s.offer(ctx, o); err != nil {
				return &SubmitError{StageOffer, err}
			}
		}
		unreached := len(report.Unreached())
		if !o.Short() || unreached == 0 || s.cfg.PostShort || !s.cfg.Clock.Now().Add(pause).Before(until) {
			break
		}
		if h := s.cfg.Hooks.OnOfferAgain; h != nil {
			h(o, report, pause)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-s.cfg.Clock.After(pause):
		}
		pause = min(2*pause, maxOfferPause)
	}
	if o.Short() && !s.cfg.PostShort {
		return &SubmitError{StageOffer, ErrSpecNotTaken}
	}
	req := sub.Request
	if req.SpecHash == (common.Hash{}) {
		now, err := ChainTime(ctx, s.cfg.Chain)
		if err != nil {
			return &SubmitError{StagePost, fmt.Errorf("reading the chain's time: %w", err)}
		}
		if req, err = Request(sub.Spec, now, s.cfg.Decimals); err != nil {
			return &SubmitError{StagePost, err}
		}
	}
	if h := s.cfg.Hooks.BeforePost; h != nil {
		if err := h(ctx, o, req); err != nil {
			return err
		}
	}
	job, err := s.cfg.Market.PostJob(ctx, req)
	if err != nil {
		return &SubmitError{StagePost, err}
	}
	res.Job, res.Posted = job, true
	return nil
}

// offer offers the spec to the nodes that have not taken it.
func (s *Submitter) offer(ctx context.Context, o *Offer) (providers.PushReport, error) {
	report, err := s.cfg.Nodes.Push(ctx, s.cfg.Market, o.Hash, o.Canonical, append(slices.Clone(o.Took), o.avoid...)...)
	if err != nil {
		return nil, err
	}
	o.Last = report
	o.Silent = len(report.Unreached())
	o.Took = append(o.Took, report.Took()...)
	if h := s.cfg.Hooks.OnOffer; h != nil {
		h(o, report)
	}
	return report, nil
}

// reoffer offers the spec again, at most every Reoffer, while job waits for providers.
func (s *Submitter) reoffer(ctx context.Context, o *Offer, job settlement.Job, seats int) {
	if s.cfg.Reoffer == 0 || job.Status != settlement.StatusOpen || job.Replicas > 1 && seats >= int(job.Replicas) ||
		s.cfg.Clock.Now().Before(o.next) {
		return
	}
	o.next = s.cfg.Clock.Now().Add(s.cfg.Reoffer)
	if _, err := s.offer(ctx, o); err != nil {
		s.log.Info("offering the spec again", "err", err)
	}
}

// follow follows the posted job and fetches its result as the config says.
func (s *Submitter) follow(ctx context.Context, sub Submission, res *Submitted) error {
	res.Followed = true
	d := &download{}
	job, err := Follow(ctx, s.cfg.Market, s.cfg.Chain, res.Job.ID, FollowConfig{
		UntilAccepted: s.cfg.Follow == FollowWhileNeeded,
		Poll:          s.cfg.Poll,
		Clock:         s.cfg.Clock,
		Events:        s.cfg.Events,
		From:          sub.From,
		OnRetry:       s.cfg.Hooks.OnRetry,
		OnPoll: func(j settlement.Job, _ time.Time) error {
			s.reoffer(ctx, res.Offer, j, len(res.Panel.Members))
			return s.tryFetch(ctx, d, res, j)
		},
		OnStep: func(step Step) error {
			res.Panel = step.Panel
			if step.Payout != nil {
				res.Payout = step.Payout
			}
			if h := s.cfg.Hooks.OnStep; h != nil {
				return h(step)
			}
			return nil
		},
	})
	res.Job = job
	if err != nil {
		// A deadline's (ErrNotAccepted, ErrNoResult), ctx's, a fetch's or a hook's.
		return err
	}
	res.FollowDone = true
	if s.cfg.Fetch == FetchNone || !s.cfg.RetryFetch || len(job.ResultCID) == 0 {
		return nil
	}
	for try := 0; res.Result == nil && try < fetchTriesAfterEnd; try++ {
		if d.bad != nil {
			return d.bad
		}
		if wait := d.next.Sub(s.cfg.Clock.Now()); wait > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-s.cfg.Clock.After(wait):
			}
		}
		if err := s.tryFetch(ctx, d, res, job); err != nil {
			return err
		}
	}
	if res.Result == nil {
		return &SubmitError{StageFetch, fmt.Errorf("%w: %w", ErrResultNotFetched, res.FetchErr)}
	}
	return nil
}

// download is the state of a result's fetch while its job is followed.
type download struct {
	bad   error // a failure that ends the submission
	next  time.Time
	pause time.Duration
}

// tryFetch fetches job's result once it is committed, unless fetched already or the last
// failure's pause has not passed. Its error ends the submission.
func (s *Submitter) tryFetch(ctx context.Context, d *download, res *Submitted, job settlement.Job) error {
	if s.cfg.Fetch == FetchNone || res.Result != nil || d.bad != nil || len(job.ResultCID) == 0 ||
		s.cfg.Clock.Now().Before(d.next) {
		return d.bad
	}
	var r Result
	var err error
	if s.cfg.Fetch == FetchFromProvider {
		r.Data, r.CID, err = s.cfg.Nodes.Fetch(ctx, s.cfg.Market, job, s.cfg.MaxResult)
		r.From = job.Provider
	} else {
		r.Data, r.CID, r.From, err = s.cfg.Nodes.FetchAnywhere(ctx, s.cfg.Market, job, s.cfg.MaxResult)
	}
	if err == nil && s.cfg.Hooks.OnResult != nil {
		if err = s.cfg.Hooks.OnResult(ctx, job, r); err != nil {
			d.bad = err // the result is what it is: fetching it again changes nothing
			return err
		}
	}
	switch {
	case err == nil:
		res.Result = &r
		return nil
	case !s.cfg.RetryFetch || errors.Is(err, providers.ErrResultMismatch) || ctx.Err() != nil:
		d.bad = &SubmitError{StageFetch, err}
		res.FetchErr = err
		return d.bad
	}
	res.FetchErr = err
	d.pause = min(max(2*d.pause, firstFetchPause), maxFetchPause)
	d.next = s.cfg.Clock.Now().Add(d.pause)
	if h := s.cfg.Hooks.OnFetchFailed; h != nil {
		h(job, err, d.pause)
	}
	return nil
}
