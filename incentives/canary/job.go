package canary

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/jobclient"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/settlement"
)

// Client is what a canary job needs from the canary account's settlement
// (settlement/onchain.Settlement has it): post, refund, read, and the provider directory.
type Client interface {
	settlement.Clients
	settlement.Reader
	providers.Directory
	Account() common.Address
}

// JobConfig configures a JobRunner.
type JobConfig struct {
	// Client acts as the canary account (the prober's, normally).
	Client Client
	// Chain tells the chain's time, by which the job's deadlines are set and judged.
	Chain jobclient.Chain
	// Host is the canary's started client host; it serves the spec and the module.
	Host *jobclient.Host
	// Spec is the canary job; Module its wasm module (wasm specs only).
	Spec   *jobspec.Spec
	Module []byte
	// Decimals are the payment token's.
	Decimals uint8
	// MaxResult bounds the result download (default 16 MiB: a canary's result is tiny).
	MaxResult int64
	// Poll is how often the job is read while it runs (default 1 s).
	Poll   time.Duration
	Logger *slog.Logger
}

// JobRunner submits the canary job and follows it to its end (Runner).
type JobRunner struct {
	cfg    JobConfig
	hash   common.Hash
	submit *jobclient.Submitter
	log    *slog.Logger
}

// NewJobRunner checks the spec (a single-replica job whose price parses) and serves its module.
func NewJobRunner(cfg JobConfig) (*JobRunner, error) {
	if cfg.Client == nil || cfg.Chain == nil || cfg.Host == nil || cfg.Spec == nil {
		return nil, errors.New("canary: Client, Chain, Host and Spec are required")
	}
	if cfg.Spec.Replicas > 1 {
		return nil, errors.New("canary: the canary spec must be a single-replica job")
	}
	if _, _, err := cfg.Spec.Price.Amounts(cfg.Decimals); err != nil {
		return nil, fmt.Errorf("canary spec: %w", err)
	}
	if _, err := cfg.Spec.Canonical(); err != nil {
		return nil, fmt.Errorf("canary spec: %w", err)
	}
	hash, err := cfg.Spec.Hash()
	if err != nil {
		return nil, fmt.Errorf("canary spec: %w", err)
	}
	if cfg.Spec.Engine == jobspec.EngineWasm {
		if len(cfg.Module) == 0 {
			return nil, fmt.Errorf("canary: the wasm spec names module %s: its file is required", cfg.Spec.Module)
		}
		if err := cfg.Host.ServeModule(cfg.Spec, cfg.Module); err != nil {
			return nil, fmt.Errorf("canary: %w", err)
		}
	}
	if cfg.MaxResult <= 0 {
		cfg.MaxResult = 16 << 20
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	r := &JobRunner{cfg: cfg, hash: hash, log: cfg.Logger.With("component", "canary")}
	r.submit, err = jobclient.NewSubmitter(jobclient.SubmitConfig{Nodes: cfg.Host, Market: cfg.Client, Chain: cfg.Chain,
		Decimals: cfg.Decimals, Follow: jobclient.FollowToEnd, Poll: cfg.Poll, Fetch: jobclient.FetchFromProvider,
		MaxResult: cfg.MaxResult, Logger: r.log, Hooks: jobclient.SubmitHooks{
			BeforePost: func(_ context.Context, o *jobclient.Offer, _ settlement.JobRequest) error {
				if err := o.Last.Err(); err != nil {
					r.log.Debug("some nodes refused the spec", "took", len(o.Took), "offered", len(o.Last), "err", err)
				}
				return nil
			},
			AfterPost: func(_ context.Context, _ *jobclient.Offer, job settlement.Job) error {
				r.log.Debug("canary job posted", "job", job.ID)
				return nil
			},
		}})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// SpecHash is the canary job's spec hash (every canary job has it).
func (r *JobRunner) SpecHash() common.Hash { return r.hash }

// Run posts one canary job and follows it until it is finalized with a result that verified
// against its commitment.
func (r *JobRunner) Run(ctx context.Context) (Report, error) {
	r.refund(ctx)
	now, err := jobclient.ChainTime(ctx, r.cfg.Chain)
	if err != nil {
		return Report{}, fmt.Errorf("reading the chain's time: %w", err)
	}
	req, err := jobclient.Request(r.cfg.Spec, now, r.cfg.Decimals)
	if err != nil {
		return Report{}, fmt.Errorf("canary spec: %w", err)
	}
	res, err := r.submit.Submit(ctx, jobclient.Submission{Spec: r.cfg.Spec, Request: req})
	job := res.Job
	switch {
	case errors.Is(err, jobclient.ErrSpecNotTaken):
		// Nobody could run it: posting would only lock the payment until accept-by.
		pushed := res.Offer.Last
		return Report{}, fmt.Errorf("no provider node took the spec (%d offered): %v", len(pushed), pushed.Err())
	case err != nil && !res.Posted:
		if jobclient.StageOf(err) == jobclient.StagePost {
			return Report{}, fmt.Errorf("posting the canary job: %w", err)
		}
		return Report{}, err
	case jobclient.StageOf(err) == jobclient.StageFetch:
		// The result must be served and match its commitment while the window is open:
		// that is what the job's client relies on.
		return Report{Job: uint64(job.ID)}, fmt.Errorf("job %d: fetching its result from %s: %w", job.ID, jobclient.ResultHolders(ctx, r.cfg.Client, job), err)
	case err != nil:
		return Report{Job: uint64(job.ID)}, err
	case job.Status != settlement.StatusFinalized:
		return Report{Job: uint64(job.ID)}, fmt.Errorf("job %d ended %s", job.ID, job.Status)
	case res.Result == nil:
		return Report{Job: uint64(job.ID)}, fmt.Errorf("job %d was finalized before its result could be fetched", job.ID)
	}
	return Report{Job: uint64(job.ID), Result: res.Result.CID.String()}, nil
}

// refund gets back the payment of earlier canary jobs that ended unsettled: open past accept-by
// (Reclaim), accepted past the result deadline (ClaimTimeout). Failures are logged; the next
// run tries again.
func (r *JobRunner) refund(ctx context.Context) {
	jobs, err := r.cfg.Client.Jobs(ctx, settlement.JobFilter{Client: r.cfg.Client.Account(), Live: true}, 0)
	if err != nil {
		r.log.Warn("listing earlier canary jobs", "err", err)
		return
	}
	now, err := jobclient.ChainTime(ctx, r.cfg.Chain)
	if err != nil {
		return
	}
	for _, j := range jobs {
		if j.SpecHash != r.hash {
			continue
		}
		// The market refunds only strictly after the deadline (a block at the deadline may
		// still accept or commit).
		switch {
		case j.Status == settlement.StatusOpen && now.After(j.AcceptBy):
			err = r.cfg.Client.Reclaim(ctx, j.ID)
		case j.Status == settlement.StatusAccepted && now.After(j.ResultBy):
			err = r.cfg.Client.ClaimTimeout(ctx, j.ID)
		default:
			continue
		}
		if err != nil && !errors.Is(err, settlement.ErrWrongStatus) {
			r.log.Warn("refunding an unsettled canary job", "job", j.ID, "status", j.Status, "err", err)
		} else {
			r.log.Info("refunded an unsettled canary job", "job", j.ID, "was", j.Status)
		}
	}
}
