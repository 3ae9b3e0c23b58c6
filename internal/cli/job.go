package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/jobclient"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
	"github.com/brine-compute/brine/units"
)

func jobCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "job",
		Usage: "submit compute jobs and follow, reclaim or challenge them",
		Description: `A job is a spec file (YAML or JSON: engine, image or module, inputs, resources, outputs,
price, deadlines; see 'brine job submit --help') whose sha256 goes on chain with the escrowed
payment. Providers accept it, run it and commit a result CID; anyone may challenge the result
within the challenge window.

Example:
   brine job submit job.yaml
   brine job status 7
   brine job list --mine --live`,
		Subcommands: []*cli.Command{
			{
				Name:      "submit",
				Usage:     "post a job spec and escrow its payment",
				ArgsUsage: "<spec.yaml|spec.json>",
				Flags: []cli.Flag{
					&cli.BoolFlag{Name: "dry-run", Usage: "check the spec and print its canonical form and hash; send nothing"},
					&cli.StringFlag{Name: "module", Usage: "the wasm module `FILE` the spec names by CID (or names for it, when its module field is empty); served to the provider's node"},
					&cli.BoolFlag{Name: "wait", Usage: "follow the job until it settles, downloading the result once committed"},
					&cli.StringFlag{Name: "output", Usage: "with --wait: write the verified result into `DIR` (empty or absent)"},
					&cli.StringSliceFlag{Name: "listen", Value: cli.NewStringSlice(p2p.DefaultListenAddrs...), Usage: "libp2p listen `MULTIADDR` of the client's host; repeat"},
					&cli.BoolFlag{Name: "new", Usage: "post a new job even when this account already has an unfinished submission of this spec (by default that job is followed instead)"},
					&cli.BoolFlag{Name: "post-anyway", Usage: "post even when no provider node took the spec (it is then offered again until a node takes it or accept-by passes)"},
					&cli.DurationFlag{Name: "offer-wait", Value: time.Minute, Usage: "how long to keep offering the spec to nodes that do not answer (down, restarting) before giving up, as `DURATION`"},
				},
				Description: `Parses the spec strictly (unknown fields are errors), posts the sha256 of its canonical
encoding with the payment escrowed (one transaction with an ERC-2612 permit when the token
supports it, else approve and post) and prints the job ID. The canonical spec is saved in
<datadir>/specs/<hash>.json. The client starts a libp2p host of its own (key
<datadir>/client/identity.key), serves the spec (and, for wasm, the --module file) there and
pushes the spec to the active providers' nodes (their addresses are their registration
metadata) before posting, and prints each node's answer: took it, refused it (with the node's
reason: an engine it does not run, network access it does not allow, limits over its caps),
or did not answer. Nodes that do not answer are offered it again for up to --offer-wait.
When fewer nodes took it than the job has replicas, nothing is posted and no money moves
(exit 2) unless --post-anyway. The job ID is printed as soon as the post is mined.

A submission is not paid for twice. Run again after it was interrupted (Ctrl-C, a crash, a
lost connection; its record is <datadir>/client/submits/), the same command with the same
account and spec follows the job the first run posted instead of posting another, and so
does a run while the account has a live job with the same spec on chain; --new posts
another. While --wait follows a job it rides out chain outages (it says so and retries), a
job waiting for providers is offered again to the nodes that did not take it (a node that was
down takes it when it is back), and a failed download is retried rather than ending the wait.

Without --wait, it stays until a provider accepts when it serves a module or no node took the
spec yet (a replicated job: until every seat is taken). With --wait it shows the progress
(accepted, committed, window closing, settled) and, with --output DIR, downloads the result
from the provider's node, checks it against the CID committed on chain BEFORE writing
anything, and unpacks it into DIR; a result that does not match is refused (challenge it with
'brine job challenge').

A spec with 'replicas: N' (2..9) is run by N providers, each on a seat: the job stays open on
chain while they run it, commit sealed results, reveal them, and the round is resolved. --wait
shows each seat taken (k/N), the commits and reveals, the resolution (the majority's result,
whose challenge window then runs, or no majority: refunded) and, when it ends, what the client
got back: a reclaimed job's payment (seats still empty at accept-by: the seat holders' nodes
reclaim it), a refund plus silent replicas' collateral, the shares nobody in the majority
earned (with --json: clientCredit). The result comes from any majority replica's node.

price.collateral is per replica and must be at least the market's minimum ratio to a
replica's share of the payment (the deployment's minCollateralBps: 20000, twice the pay, by
default) and its minCollateral; a spec under either is refused before anything is signed.

A wasm spec names its module by CID ('brine cid FILE' prints it). With --module FILE it may
leave module empty: the file's CID fills it before the spec is hashed, so the posted spec names
exactly the bytes served. A spec that names a module must name the --module file's CID.

A spec:
   engine: docker
   image: alpine:3.20
   args: [sh, -c, "echo hello > /brine/outputs/hello.txt"]
   resources: {cpu: 1, memory: 256MiB, disk: 1GiB, time: 5m}
   outputs: [{path: hello.txt}]
   price: {payment: "1.5", collateral: "3"}
   deadlines: {accept_within: 10m, run_within: 1h}
   challenge_window: 2m

Example:
   brine job submit job.yaml
   brine job submit --dry-run job.yaml
   brine job submit --module hello.wasm --wait --output out wasm.yaml
   brine job submit --new job.yaml          # a second job with the same spec`,
				Action: func(c *cli.Context) error { return jobSubmit(c, stdio) },
			},
			{
				Name:      "results",
				Usage:     "download a job's committed result, verified against the chain",
				ArgsUsage: "<id>",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "output", Required: true, Usage: "write the result into `DIR` (empty or absent)"},
					&cli.StringSliceFlag{Name: "listen", Value: cli.NewStringSlice(p2p.DefaultListenAddrs...), Usage: "libp2p listen `MULTIADDR`; repeat"},
				},
				Description: `Fetches the committed result of job <id> from its provider's node over libp2p, checks it
against the CID committed on chain, and only then writes it into --output. Needs no password.
When the provider's node does not serve it (gone, or a provider that committed and vanished),
the other providers' nodes are asked: the verifiers of a challenge re-executed the job and
hold the result. The progress output says whose node served it.

Example:
   brine job results 7 --output ./out`,
				Action: func(c *cli.Context) error { return jobResults(c, stdio) },
			},
			{
				Name:      "claim-timeout",
				Usage:     "refund a job whose provider committed no result in time",
				ArgsUsage: "<id>",
				Description: `Refunds an accepted job whose result deadline passed without a result, with the provider's
collateral (credited to the client; withdraw with 'brine provider withdraw').

Example:
   brine job claim-timeout 7`,
				Action: func(c *cli.Context) error { return jobClaimTimeout(c, stdio) },
			},
			{
				Name:      "resolve",
				Usage:     "tally a replicated job's round that its replicas left unresolved",
				ArgsUsage: "<id>",
				Description: `Resolves the replicas' round of a replicated job once every replica revealed or the reveal
window closed: a strict majority's result becomes the job's (its challenge window starts);
without one the client is credited the payment plus the collateral of the replicas that never
revealed (withdraw with 'brine provider withdraw'). The replicas' nodes resolve it by
themselves; this is for a round they left (every replica failed, or went silent). Anyone may.

Example:
   brine job resolve 7`,
				Action: func(c *cli.Context) error { return jobResolve(c, stdio) },
			},
			{
				Name:      "status",
				Usage:     "show a job",
				ArgsUsage: "<id>",
				Flags: []cli.Flag{
					&cli.BoolFlag{Name: "no-node", Usage: "show the chain's record only; do not ask the provider's node"},
				},
				Description: `Shows a job's status, client and provider, payment and collateral, deadlines, result CID
when committed, and when its challenge window ends. Needs no password.

Once a provider holds the job, its node is asked over libp2p (/brine/status) for its own
record: what it is doing, and for a job that failed, why (bad module or spec, image pull
failed, out of memory, time limit, exit code with the end of the log), which the chain
cannot say. That is the node's word; the money follows the chain ('brine job claim-timeout'
refunds a job that got no result by its deadline).

A live replicated job has no single provider: it shows its replica panel instead, each seat's
provider and where it is in the round (taken, committed, revealed; once resolved: in the
majority, outvoted or silent), and asks each replica's node for its record.

Example:
   brine job status 7 --json
   brine job status 7 --no-node`,
				Action: func(c *cli.Context) error { return jobStatus(c, stdio) },
			},
			{
				Name:      "list",
				Usage:     "list jobs, newest first",
				ArgsUsage: " ",
				Flags: []cli.Flag{
					&cli.BoolFlag{Name: "mine", Usage: "only jobs the account posted"},
					&cli.BoolFlag{Name: "live", Usage: "only jobs that have not ended"},
					&cli.IntFlag{Name: "limit", Usage: "at most `N` jobs (0 = all)"},
				},
				Description: `Lists jobs from the market's events, newest first.

Example:
   brine job list --mine --live`,
				Action: func(c *cli.Context) error { return jobList(c, stdio) },
			},
			{
				Name:      "reclaim",
				Usage:     "refund a job nobody accepted in time",
				ArgsUsage: "<id>",
				Description: `Refunds an open job whose accept-by time passed without a provider (credited to the client;
withdraw with 'brine provider withdraw').

Example:
   brine job reclaim 7`,
				Action: func(c *cli.Context) error { return jobReclaim(c, stdio) },
			},
			{
				Name:      "challenge",
				Usage:     "dispute a job's committed result",
				ArgsUsage: "<id>",
				Description: `Challenges a committed result within its challenge window, depositing the challenge bond of
the job's parameter set. Verifiers drawn from the providers re-run the job and vote.

Example:
   brine job challenge 7`,
				Action: func(c *cli.Context) error { return jobChallenge(c, stdio) },
			},
			{
				Name:      "appeal",
				Usage:     "appeal the first verifier panel's verdict to the final panel",
				ArgsUsage: "<id>",
				Description: `Appeals a challenge's first verdict, once, within the appeal window (the vote reveal window
after the verifiers' reveals), depositing the appeal bond of the job's parameter set. Only the
side the verdict is against may: the challenger when it was rejected, the provider (or a
replica in the majority) when it was upheld. A final panel of 41 verifiers re-runs the job and
its verdict settles the challenge; the loser's bonds pay the winners.

Example:
   brine job appeal 7`,
				Action: func(c *cli.Context) error { return jobAppeal(c, stdio) },
			},
		},
	}
}

// readSpec reads and parses a spec file, bounded in size. module, if not empty, is the CID of
// the --module file: it fills a wasm spec's empty module field.
func readSpec(path, module string) (*jobspec.Spec, []byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, badInput("job spec: %v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, jobspec.MaxSize+1))
	if err != nil {
		return nil, nil, badInput("job spec %s: %v", path, err)
	}
	spec, err := jobspec.ParseWithModule(data, module)
	if err != nil {
		return nil, nil, badInput("job spec %s: %v", path, err)
	}
	canon, err := spec.Canonical()
	if err != nil {
		return nil, nil, badInput("job spec %s: %v", path, err)
	}
	return spec, canon, nil
}

func jobSubmit(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine job submit <spec.yaml>")
	if err != nil {
		return err
	}
	// The module file first: its CID fills a wasm spec's empty module field, and so is hashed.
	var module []byte
	var moduleCID string
	if m := c.String("module"); m != "" {
		b, id, err := readFileCID(m)
		if err != nil {
			return badInput("--module: %v", err)
		}
		module, moduleCID = b, id.String()
	}
	spec, canon, err := readSpec(a[0], moduleCID)
	if err != nil {
		return err
	}
	hash, err := spec.Hash()
	if err != nil {
		return err
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if c.Bool("dry-run") {
		return s.emit(map[string]any{"specHash": hash.Hex(), "canonical": string(canon)}, func(w io.Writer) {
			kv(w, "Spec hash", "%s", hash.Hex())
			kv(w, "Canonical", "%s", canon)
		})
	}
	if err := s.openToken(); err != nil {
		return err
	}
	payment, collateral, err := spec.Price.Amounts(s.token.Decimals)
	if err != nil {
		return badInput("job spec %s: %v", a[0], err)
	}
	if !spec.Pinned() {
		fmt.Fprintf(s.info, "note: image %s is not pinned by digest (name@sha256:…); replicas and verifiers may run different bytes\n", spec.Image)
	}
	if _, err := s.resolveAccount(true); err != nil {
		return err
	}
	if err := s.requireGas(); err != nil {
		return err
	}
	head, err := s.client.HeaderByNumber(s.ctx, nil)
	if err != nil {
		return err
	}
	req, err := jobclient.Request(spec, time.Unix(int64(head.Time), 0), s.token.Decimals)
	if err != nil {
		return badInput("job spec %s: %v", a[0], err)
	}
	// The deployment's first parameter set; governance may have changed it since, in which
	// case the market's own check still refuses the post before anything is signed.
	mp := s.dep.Params.Market
	if min := time.Duration(mp.MinChallengeWindow) * time.Second; spec.ChallengeWindow < min {
		return badInput("job spec %s: challenge_window %s is shorter than this market's minimum %s", a[0], spec.ChallengeWindow, min)
	}
	if min, ok := new(big.Int).SetString(mp.MinCollateral, 10); ok && collateral.Cmp(min) < 0 {
		return badInput("job spec %s: price.collateral %s is below this market's minimum %s", a[0], s.fmtAmount(collateral), s.fmtAmount(min))
	}
	if min := ratioMinimum(mp, req.Payment, spec.Replicas); collateral.Cmp(min) < 0 {
		return badInput("job spec %s: price.collateral %s is below this market's minimum %s for a payment of %s to %d replica(s): collateral per replica must be at least %s of its share of the payment (set price.collateral to %s or more)",
			a[0], s.fmtAmount(collateral), s.fmtAmount(min), s.fmtAmount(req.Payment), spec.Replicas, ratioText(mp), s.fmtAmount(min))
	}
	if err := saveSpec(s.cfg.DataDir, hash, canon); err != nil {
		return err
	}
	wait, output := c.Bool("wait"), c.String("output")
	if output != "" && !wait {
		return badInput("--output needs --wait (or fetch later with 'brine job results ID --output DIR')")
	}
	// The record of an earlier run of this submission that did not see it through, if any:
	// it may have written the result already (and priorSubmission follows its job).
	prior, priorErr := loadSubmit(s.cfg.DataDir, s.account, hash)
	var fetched string
	if priorErr == nil && prior != nil && !c.Bool("new") &&
		prior.Fetched != "" && output != "" && sameDir(prior.Output, output) {
		fetched = prior.Fetched
	} else if output != "" {
		if err := checkOutputDir(output); err != nil {
			return err
		}
	}
	if spec.Engine == jobspec.EngineWasm && c.String("module") == "" {
		fmt.Fprintf(s.info, "note: no --module FILE: providers must already hold module %s\n", spec.Module)
	}
	if err := s.unlock(); err != nil {
		return err
	}
	st, err := s.settlement()
	if err != nil {
		return err
	}
	cn, err := s.openClientNet(c.StringSlice("listen"))
	if err != nil {
		return err
	}
	defer cn.close()
	if m := c.String("module"); m != "" {
		if err := checkModule(spec, m, module); err != nil {
			return err
		}
	}
	// A submission this account already made of this spec, and did not see through, is
	// followed instead of paid for twice: one whose post an interrupted run sent (recovered
	// by the transaction manager), one this data directory's record names, or a live job of
	// the account's on chain with the same spec.
	var (
		job     settlement.Job
		from    = head.Number.Uint64()
		resumed bool
		rec     *submitRecord
	)
	if !c.Bool("new") {
		if job, resumed, err = st.RecoveredPost(s.ctx, req); err != nil {
			return err
		}
		if !resumed {
			if priorErr != nil {
				return badInput("%v", priorErr)
			}
			rec = prior
			if job, resumed, err = s.priorSubmission(st, hash, rec); err != nil {
				return err
			}
		}
		if rec != nil && rec.Block > 0 {
			from = rec.Block
		}
	}
	sub := jobclient.Submission{Spec: spec, Module: module, Request: req, From: settlement.Cursor{Block: from}}
	if resumed {
		fmt.Fprintf(s.info, "Job %d is this account's earlier submission of this spec (posted, now %s): following it instead of posting again; pass --new to post another\n",
			job.ID, job.Status)
		sub.Job = &job
	} else {
		fetched = ""
		if err := s.requireTokens(payment, "the job's payment"); err != nil {
			return err
		}
		fmt.Fprintf(s.info, "Offering the spec to the providers' nodes\n")
	}
	note := "Posted. A provider's compute node accepts and runs it; follow it with 'brine job status', fetch the result with 'brine job results' (reclaim it after accept-by with 'brine job reclaim')."
	var credit *big.Int                 // with --wait: what the job credited the client, when it ended so
	var failure *results.FailureRecord  // with --output: the result is a failure record
	said := map[common.Address]string{} // each node's last answer to the spec's offers, as printed
	cfg := jobclient.SubmitConfig{Nodes: cn.host, Market: st, Chain: s.client, Decimals: s.token.Decimals,
		OfferFor: c.Duration("offer-wait"), PostShort: c.Bool("post-anyway"), Reoffer: reofferEvery,
		Follow: jobclient.FollowWhileNeeded, Events: st, Logger: s.log}
	if wait {
		cfg.Follow = jobclient.FollowToEnd
	}
	// --wait --output: a failed download (a node restarting, a stale connection, every holder
	// busy) does not end the wait the client paid for: it is tried again while the job is
	// followed, and once more after it settles.
	download := wait && output != "" && fetched == ""
	if download {
		cfg.Fetch, cfg.MaxResult, cfg.RetryFetch = jobclient.FetchAnywhere, maxResult, true
	}
	cfg.Hooks = jobclient.SubmitHooks{
		OnOffer: func(_ *jobclient.Offer, report providers.PushReport) { s.offerLines(said, report) },
		OnOfferAgain: func(o *jobclient.Offer, report providers.PushReport, pause time.Duration) {
			fmt.Fprintf(s.info, "  %d of %d node(s) took it, %d did not answer: offering again in %s (until %s; --post-anyway posts without waiting)\n",
				len(o.Took), len(o.Took)+len(report), len(report.Unreached()), pause, time.Now().Add(pause).Format(time.TimeOnly))
		},
		BeforePost: func(_ context.Context, o *jobclient.Offer, _ settlement.JobRequest) error {
			if o.Short() {
				fmt.Fprintf(s.info, "warning: %s; posting anyway (--post-anyway)\n", shortOffer(o, said))
			} else {
				fmt.Fprintf(s.info, "Spec taken by %d provider node(s)\n", len(o.Took))
			}
			// Recorded before the post, so a run killed while the post is in flight is resumed.
			rec = newSubmit(s.cfg.DataDir, s.account, hash, from, time.Now())
			if err := rec.save(); err != nil {
				return fmt.Errorf("recording the submission before posting: %w", err)
			}
			fmt.Fprintf(s.info, "Posting job %s: payment %s, collateral %s per provider, %d replica(s)\n",
				hash.Hex(), s.fmtAmount(payment), s.fmtAmount(collateral), spec.Replicas)
			return nil
		},
		AfterPost: func(_ context.Context, o *jobclient.Offer, j settlement.Job) error {
			job = j
			if rec == nil {
				rec = newSubmit(s.cfg.DataDir, s.account, hash, from, time.Now())
			}
			if rec.Job != job.ID {
				rec.Job = job.ID
				if err := rec.save(); err != nil {
					return fmt.Errorf("recording job %d: %w", job.ID, err)
				}
			}
			if !resumed {
				fmt.Fprintf(s.info, "Posted job %d. It is on chain whatever happens to this command: 'brine job status %d' shows it, running this same command again follows it (it does not post again), and 'brine job reclaim %d' refunds it if no provider takes it by %s\n",
					job.ID, job.ID, job.ID, fmtTime(job.AcceptBy))
			}
			// Without --wait the command stays while the job needs something only it serves:
			// the module, or the spec when too few nodes took it and some did not answer (a
			// node that was down takes it when it is back).
			stay := module != nil || o.Waiting()
			if !wait && !stay && o.Short() && job.Status == settlement.StatusOpen {
				fmt.Fprintf(s.info, "note: no provider node holds the spec; a node can take job %d only while a client serves it: run this same command again to serve it (it follows the job, it does not post again)\n", job.ID)
			}
			switch {
			case wait && fetched != "":
				fmt.Fprintf(s.info, "The interrupted run already wrote result %s, verified, into %s\n", fetched, output)
			case !wait && stay:
				what := "the module"
				if o.Short() {
					what = "the spec (offered again to the nodes that did not take it)"
				}
				if spec.Replicas > 1 {
					fmt.Fprintf(s.info, "Serving %s until all %d replica seats are taken\n", what, spec.Replicas)
				} else {
					fmt.Fprintf(s.info, "Serving %s until a provider accepts the job\n", what)
				}
			}
			return nil
		},
		OnStep: func(step jobclient.Step) error {
			fmt.Fprintf(s.info, "  job %d: %s\n", step.Job.ID, s.stepLine(step))
			return nil
		},
		OnRetry: func(err error, wait time.Duration) {
			fmt.Fprintf(s.info, "  job %d: cannot read the chain (%v): trying again in %s; the job goes on on chain meanwhile (Ctrl-C and run this again to resume)\n",
				job.ID, err, wait)
		},
		OnFetchFailed: func(job settlement.Job, err error, pause time.Duration) {
			fmt.Fprintf(s.info, "  job %d: downloading the result failed (%v): trying again in %s (on fresh connections, and from any node that holds it)\n",
				job.ID, s.fetchErr(st, job, err), pause)
		},
		OnResult: func(_ context.Context, job settlement.Job, r jobclient.Result) error {
			c, f, err := s.keepResult(job, r.From, r.CID, bytes.NewReader(r.Data), int64(len(r.Data)), output)
			if err != nil {
				return err
			}
			failure = f
			rec.Output, rec.Fetched = output, c.String()
			if abs, err := filepath.Abs(output); err == nil {
				rec.Output = abs
			}
			if err := rec.save(); err != nil {
				s.log.Warn("recording the download", "err", err)
			}
			return nil
		},
	}
	submitter, err := jobclient.NewSubmitter(cfg)
	if err != nil {
		return err
	}
	res, err := submitter.Submit(s.ctx, sub)
	job = res.Job
	switch {
	case err == nil:
	case !res.Followed && errors.Is(err, jobclient.ErrSpecNotTaken):
		return notTaken(res.Offer, said)
	case !res.Followed && jobclient.StageOf(err) == jobclient.StagePost &&
		(errors.Is(err, settlement.ErrInsufficient) || errors.Is(err, settlement.ErrBadRequest)):
		_ = rec.finish()
		return badInput("%v", err)
	case !res.Followed:
		return err
	case s.ctx.Err() != nil && !(res.FollowDone && jobclient.StageOf(err) == jobclient.StageFetch):
		return s.interrupted(job)
	case errors.Is(err, jobclient.ErrResultNotFetched):
		_ = rec.finish()
		return fmt.Errorf("job %d ended %s, but its result could not be downloaded (%w); fetch it with 'brine job results %d --output %s' (any node that holds it serves it)",
			job.ID, job.Status, s.fetchErr(st, job, res.FetchErr), job.ID, output)
	case jobclient.StageOf(err) == jobclient.StageFetch:
		// Bytes that do not match the commitment: the client's cue to challenge.
		_ = rec.finish()
		return s.fetchErr(st, job, err)
	case errors.Is(err, errBadResult):
		_ = rec.finish() // a result that cannot be written: trying again changes nothing
		return err
	default:
		err = followErr(job, res.Panel, err)
		if isBadInput(err) {
			_ = rec.finish() // a deadline passed: the client's move (reclaim, claim-timeout)
		}
		return err
	}
	if wait {
		note = "Settled: " + job.Status.String()
		if res.Payout != nil && res.Payout.Client != nil && res.Payout.Client.Sign() > 0 {
			credit = res.Payout.Client
			note += "; " + s.fmtAmount(credit) + " credited to the client (withdraw with 'brine provider withdraw')"
		}
		if res.Result != nil {
			fetched = res.Result.CID.String()
		}
		if fetched != "" {
			note += "; result " + fetched + " in " + output
		}
		if !download && fetched != "" {
			failure = readFailureFile(output)
		}
		if failure != nil {
			note += "; the job failed by its own program: " + failure.String() + "; the provider committed a failure record as its result"
			if job.Status == settlement.StatusFinalized {
				note += " and was paid"
			}
		}
	}
	if err := rec.finish(); err != nil {
		s.log.Warn("removing the submission record", "err", err)
	}
	v := s.jobView(job)
	out := map[string]any{"job": v, "specFile": specPath(s.cfg.DataDir, hash), "note": note, "resumed": resumed}
	if credit != nil {
		out["clientCredit"] = s.amount(credit)
	}
	if failure != nil {
		out["failure"] = failure
	}
	return s.emit(out, func(w io.Writer) {
		kv(w, "Job ID", "%d", job.ID)
		kv(w, "Spec hash", "%s", hash.Hex())
		kv(w, "Spec file", "%s", specPath(s.cfg.DataDir, hash))
		kv(w, "Accept by", "%s", fmtTime(job.AcceptBy))
		kv(w, "Result by", "%s", fmtTime(job.ResultBy))
		fmt.Fprintln(w, note)
	})
}

// priorSubmission finds a submission of spec hash by this account that was not seen
// through: the job rec (this data directory's record, nil when none) names, whatever its
// state (a re-run reports how it ended and fetches its result), else the account's newest
// live job with this spec on chain. ok is false when there is none.
func (s *session) priorSubmission(st *onchain.Settlement, hash common.Hash, rec *submitRecord) (job settlement.Job, ok bool, err error) {
	if rec != nil && rec.Job != 0 {
		job, err = st.Job(s.ctx, rec.Job)
		switch {
		case err == nil:
			return job, true, nil
		case !errors.Is(err, settlement.ErrUnknownJob):
			return job, false, err
		}
	}
	live, err := st.Jobs(s.ctx, settlement.JobFilter{Client: s.account, Live: true}, 0)
	if err != nil {
		return job, false, err
	}
	for _, j := range live { // newest first
		if j.SpecHash == hash {
			return j, true, nil
		}
	}
	return job, false, nil
}

// readFailureFile reads the failure record an earlier run wrote into dir, if the result
// there is one.
func readFailureFile(dir string) *results.FailureRecord {
	b, err := os.ReadFile(filepath.Join(dir, jobspec.FailureRecordPath))
	if err != nil {
		return nil
	}
	r, err := results.DecodeFailure(b)
	if err != nil {
		return nil
	}
	return &r
}

// interrupted is the message of a submission stopped while following its posted job.
func (s *session) interrupted(job settlement.Job) error {
	return fmt.Errorf("interrupted; job %d stays posted (%s): run the same command again to follow it (it does not post again), or 'brine job status %d': %w",
		job.ID, job.Status, job.ID, s.ctx.Err())
}

// checkOutputDir refuses an output directory that exists and is not empty.
func checkOutputDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return badInput("--output %s: %v", dir, err)
	case len(entries) > 0:
		return badInput("--output %s is not empty: results are written only into an empty or new directory", dir)
	}
	return nil
}

func jobResults(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine job results <id> --output DIR")
	if err != nil {
		return err
	}
	id, err := parseJobID(a[0])
	if err != nil {
		return err
	}
	if err := checkOutputDir(c.String("output")); err != nil {
		return err
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	st, err := s.settlement()
	if err != nil {
		return err
	}
	job, err := st.Job(s.ctx, id)
	if err != nil {
		if errors.Is(err, settlement.ErrUnknownJob) {
			return badInput("%w", err) // it names the job
		}
		return err
	}
	if len(job.ResultCID) == 0 {
		return badInput("job %d has no committed result (it is %s)", id, job.Status)
	}
	cn, err := s.openClientNet(c.StringSlice("listen"))
	if err != nil {
		return err
	}
	defer cn.close()
	got, failure, err := s.downloadResult(cn, st, job, c.String("output"))
	if err != nil {
		return err
	}
	out := map[string]any{"job": uint64(id), "result": got.String(), "output": c.String("output"), "verified": true}
	if failure != nil {
		out["failure"] = failure
	}
	return s.emit(out, func(w io.Writer) {
		kv(w, "Job", "%d", id)
		kv(w, "Result", "%s (verified against the on-chain commitment)", got)
		if failure != nil {
			paid := "is paid for it at finalize"
			if job.Status == settlement.StatusFinalized {
				paid = "was paid for it"
			}
			kv(w, "Failure", "the job failed by its own program: %s; the provider committed a failure record as its result and %s", failure, paid)
		}
		kv(w, "Written to", "%s", c.String("output"))
	})
}

func jobClaimTimeout(c *cli.Context, stdio IO) error {
	return jobStep(c, stdio, "brine job claim-timeout <id>", claimTimeoutCheck, func(s *session, st settlement.Settlement, id settlement.JobID) error {
		return st.ClaimTimeout(s.ctx, id)
	})
}

// claimTimeoutCheck refuses a claim the market would refuse, before anything is sent: only an
// accepted single-replica job whose result deadline passed (by the chain's clock) times out.
func claimTimeoutCheck(s *session, job settlement.Job) error {
	if job.Status != settlement.StatusAccepted || job.Replicas != 1 {
		return badInput("claim-timeout job %d: it is %s; only an accepted single-replica job without a result times out", job.ID, job.Status)
	}
	head, err := s.client.HeaderByNumber(s.ctx, nil)
	if err != nil {
		return err
	}
	if now := time.Unix(int64(head.Time), 0); !now.After(job.ResultBy) {
		return badInput("claim-timeout job %d: the provider has until %s to commit a result (chain time now %s); claim after that",
			job.ID, fmtTime(job.ResultBy), fmtTime(now))
	}
	return nil
}

func specPath(dataDir string, h common.Hash) string {
	return filepath.Join(dataDir, "specs", h.Hex()+".json")
}

// saveSpec keeps the canonical spec where providers (and the client) can find it by hash.
func saveSpec(dataDir string, h common.Hash, canon []byte) error {
	p := specPath(dataDir, h)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, canon, 0o644)
}

func parseJobID(text string) (settlement.JobID, error) {
	n, err := strconv.ParseUint(text, 10, 64)
	if err != nil || n == 0 {
		return 0, badInput("job ID %q is not a positive integer", text)
	}
	return settlement.JobID(n), nil
}

type jobView struct {
	ID              uint64     `json:"id"`
	Status          string     `json:"status"`
	Client          string     `json:"client"`
	ClientF410      string     `json:"clientF410,omitempty"` // on a Filecoin chain
	Provider        string     `json:"provider,omitempty"`
	ProviderF410    string     `json:"providerF410,omitempty"`
	ProviderSP      string     `json:"providerSP,omitempty"` // the provider's bound Filecoin miner (f0…)
	ProviderSPCheck bool       `json:"providerSPVerifiedOnChain,omitempty"`
	SpecHash        string     `json:"specHash"`
	Payment         amount     `json:"payment"`
	Collateral      amount     `json:"collateral"`
	Replicas        uint8      `json:"replicas"`
	Winners         uint8      `json:"winners,omitempty"`
	FeeBps          uint16     `json:"feeBps"`
	ParamsID        uint32     `json:"paramsId"`
	AcceptBy        *time.Time `json:"acceptBy,omitempty"`
	ResultBy        *time.Time `json:"resultBy,omitempty"`
	CommittedAt     *time.Time `json:"committedAt,omitempty"`
	ChallengeWindow string     `json:"challengeWindow"`
	ChallengeEnds   *time.Time `json:"challengeEnds,omitempty"`
	ResultCID       string     `json:"resultCid,omitempty"`
	ResultHash      string     `json:"resultHash,omitempty"`
	Node            *nodeView  `json:"node,omitempty"` // the provider's node's record (job status)
	// Panel is a live replicated job's replica panel (job status).
	Panel *panelView `json:"replicaPanel,omitempty"`
}

// panelView is a replicated job's replica panel as `brine job status` shows it.
type panelView struct {
	Taken     int        `json:"taken"`
	Seats     int        `json:"seats"`
	Committed int        `json:"committed"`
	Revealed  int        `json:"revealed"`
	CommitBy  *time.Time `json:"commitBy,omitempty"`
	RevealBy  *time.Time `json:"revealBy,omitempty"`
	Members   []seatView `json:"members"`
}

// seatView is one replica's seat.
type seatView struct {
	Seat         int    `json:"seat"`
	Provider     string `json:"provider"`
	ProviderF410 string `json:"providerF410,omitempty"` // on a Filecoin chain
	// State is taken, committed, revealed, majority (revealed the job's result), outvoted
	// (revealed another) or silent (never revealed; the round is resolved).
	State string    `json:"state"`
	Node  *nodeView `json:"node,omitempty"` // the replica's node's record of the job
}

// panelOf is the view of job's replica panel p.
func panelOf(job settlement.Job, p settlement.Panel) *panelView {
	v := &panelView{Taken: len(p.Members), Seats: int(job.Replicas), Committed: p.Committed, Revealed: p.Revealed,
		CommitBy: jsonTime(p.CommitBy), RevealBy: jsonTime(p.RevealBy), Members: make([]seatView, len(p.Members))}
	resolved := job.Status != settlement.StatusOpen
	for i, m := range p.Members {
		state := "taken"
		if i < len(p.Seats) {
			switch seat := p.Seats[i]; {
			case seat.Result != (common.Hash{}) && resolved && seat.Result == job.Result:
				state = "majority"
			case seat.Result != (common.Hash{}) && resolved:
				state = "outvoted"
			case seat.Result != (common.Hash{}):
				state = "revealed"
			case resolved:
				state = "silent"
			case seat.Commitment != (common.Hash{}):
				state = "committed"
			}
		}
		v.Members[i] = seatView{Seat: i, Provider: m.Hex(), State: state}
	}
	return v
}

// seatStates says what each seat state means for the replica.
var seatStates = map[string]string{
	"taken":     "seat taken; no result committed yet",
	"committed": "committed a sealed result",
	"revealed":  "revealed its result",
	"majority":  "revealed the majority's result",
	"outvoted":  "revealed another result: outvoted; its collateral is slashed to the client at finalize unless a challenge is upheld",
	"silent":    "never revealed: its collateral slashed to the client",
}

// printPanel writes a replicated job's panel under its chain record.
func printPanel(w io.Writer, v *panelView) {
	if v == nil {
		return
	}
	kv(w, "Replicas", "%d of %d seats taken; %d committed, %d revealed (commit by %s, reveal by %s)",
		v.Taken, v.Seats, v.Committed, v.Revealed, fmtPtr(v.CommitBy), fmtPtr(v.RevealBy))
	for _, m := range v.Members {
		kv(w, fmt.Sprintf("Seat %d", m.Seat+1), "%s: %s", withF410(m.Provider, m.ProviderF410), seatStates[m.State])
		if n := m.Node; n != nil {
			if n.Error != "" {
				fmt.Fprintf(w, "\tnode not reached: %s\n", n.Error)
				continue
			}
			fmt.Fprintf(w, "\tnode: %s (%s, %d run(s), at %s)\n", n.State, n.Role, n.Attempts, fmtPtr(n.Updated))
			if n.Failure != "" {
				fmt.Fprintf(w, "\t  result: a failure record (the job failed by its own program): %s\n", strings.ReplaceAll(n.Failure, "\n", "\n\t  "))
			}
			if n.Reason != "" {
				for _, l := range strings.Split(n.Reason, "\n") {
					fmt.Fprintf(w, "\t  %s\n", l)
				}
			}
		}
	}
}

func (s *session) jobView(j settlement.Job) jobView {
	v := jobView{
		ID:              uint64(j.ID),
		Status:          j.Status.String(),
		Client:          j.Client.Hex(),
		ClientF410:      s.f410(j.Client),
		SpecHash:        j.SpecHash.Hex(),
		Payment:         s.amount(j.Payment),
		Collateral:      s.amount(j.Collateral),
		Replicas:        j.Replicas,
		Winners:         j.Winners,
		FeeBps:          j.FeeBps,
		ParamsID:        j.ParamsID,
		AcceptBy:        jsonTime(j.AcceptBy),
		ResultBy:        jsonTime(j.ResultBy),
		CommittedAt:     jsonTime(j.CommittedAt),
		ChallengeWindow: j.ChallengeWindow.String(),
		ChallengeEnds:   jsonTime(j.ChallengeEnds()),
	}
	if j.Provider != (common.Address{}) {
		v.Provider, v.ProviderF410 = j.Provider.Hex(), s.f410(j.Provider)
	}
	if j.Result != (common.Hash{}) {
		v.ResultHash = j.Result.Hex()
	}
	if len(j.ResultCID) > 0 {
		v.ResultCID = cidText(j.ResultCID)
	}
	return v
}

func printJob(w io.Writer, v jobView) {
	kv(w, "Job", "%d", v.ID)
	kv(w, "Status", "%s", v.Status)
	kv(w, "Client", "%s", withF410(v.Client, v.ClientF410))
	if v.Provider != "" {
		kv(w, "Provider", "%s", withSP(withF410(v.Provider, v.ProviderF410), v.ProviderSP, v.ProviderSPCheck))
	}
	kv(w, "Spec hash", "%s", v.SpecHash)
	kv(w, "Payment", "%s %s (fee %s%%)", v.Payment.Decimal, v.Payment.Symbol, units.Format(bigFrom(uint64(v.FeeBps)), 2))
	kv(w, "Collateral", "%s %s per provider, %d replica(s)", v.Collateral.Decimal, v.Collateral.Symbol, v.Replicas)
	kv(w, "Accept by", "%s", fmtPtr(v.AcceptBy))
	kv(w, "Result by", "%s", fmtPtr(v.ResultBy))
	if v.CommittedAt != nil {
		kv(w, "Committed at", "%s", fmtPtr(v.CommittedAt))
	}
	if v.ResultCID != "" {
		kv(w, "Result CID", "%s", v.ResultCID)
	}
	kv(w, "Challenge window", "%s", v.ChallengeWindow)
	if v.ChallengeEnds != nil {
		kv(w, "Challenges until", "%s", fmtPtr(v.ChallengeEnds))
	}
}

func fmtPtr(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return fmtTime(*t)
}

// readSession opens a read-only session: chain, deployment verified, token.
func readSession(c *cli.Context, stdio IO) (*session, settlement.Reader, error) {
	s, err := newSession(c, stdio)
	if err != nil {
		return nil, nil, err
	}
	if err := s.openToken(); err != nil {
		s.close()
		return nil, nil, err
	}
	st, err := s.settlement()
	if err != nil {
		s.close()
		return nil, nil, err
	}
	return s, st, nil
}

func jobStatus(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine job status <id>")
	if err != nil {
		return err
	}
	id, err := parseJobID(a[0])
	if err != nil {
		return err
	}
	s, st, err := readSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	job, err := st.Job(s.ctx, id)
	if err != nil {
		if errors.Is(err, settlement.ErrUnknownJob) {
			return badInput("%w", err) // it names the job
		}
		return err
	}
	v := s.jobView(job)
	if job.Provider != (common.Address{}) {
		info, err := st.Provider(s.ctx, job.Provider)
		if err != nil {
			return err
		}
		v.ProviderSP, v.ProviderSPCheck = s.spName(info.MinerID), info.MinerVerified
	}
	if job.Replicas > 1 && !job.Status.Terminal() {
		// The panel lives until the job ends.
		p, err := st.Panel(s.ctx, id, true)
		if err != nil {
			return err
		}
		v.Panel = panelOf(job, p)
		for i := range v.Panel.Members {
			if i < len(p.Members) {
				v.Panel.Members[i].ProviderF410 = s.f410(p.Members[i])
			}
		}
	}
	if d, ok := st.(providers.Directory); ok && !c.Bool("no-node") {
		v.Node = s.nodeStatus(d, job)
		if v.Panel != nil {
			// No single provider: ask each replica's node.
			for i := range v.Panel.Members {
				seat := job
				seat.Provider = common.HexToAddress(v.Panel.Members[i].Provider)
				v.Panel.Members[i].Node = s.nodeStatus(d, seat)
			}
		}
	}
	return s.emit(v, func(w io.Writer) {
		printJob(w, v)
		printPanel(w, v.Panel)
		printNode(w, v.Node)
	})
}

func jobList(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine job list [--mine] [--live]"); err != nil {
		return err
	}
	if c.Int("limit") < 0 {
		return badInput("--limit must not be negative")
	}
	s, st, err := readSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	filter := settlement.JobFilter{Live: c.Bool("live")}
	if c.Bool("mine") {
		if filter.Client, err = s.resolveAccount(false); err != nil {
			return err
		}
	}
	return s.listJobs(st, filter, c.Int("limit"))
}

func (s *session) listJobs(st settlement.Reader, filter settlement.JobFilter, limit int) error {
	jobs, err := st.Jobs(s.ctx, filter, limit)
	if err != nil {
		return err
	}
	views := make([]jobView, len(jobs))
	for i, j := range jobs {
		views[i] = s.jobView(j)
	}
	return s.emit(views, func(w io.Writer) {
		if len(views) == 0 {
			fmt.Fprintln(w, "No jobs.")
			return
		}
		fmt.Fprintln(w, "ID\tSTATUS\tCLIENT\tPROVIDER\tPAYMENT\tACCEPT BY\tRESULT BY")
		for _, v := range views {
			p := v.Provider
			switch {
			case p == "" && v.Replicas > 1:
				p = fmt.Sprintf("(%d replicas)", v.Replicas)
			case p == "":
				p = "-"
			}
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s %s\t%s\t%s\n", v.ID, v.Status, v.Client, p, v.Payment.Decimal, v.Payment.Symbol, fmtPtr(v.AcceptBy), fmtPtr(v.ResultBy))
		}
	})
}

// jobStep runs a transaction on one job: the job must exist; precheck (optional) refuses bad
// input before anything is unlocked or sent; then do sends.
func jobStep(c *cli.Context, stdio IO, usage string, precheck func(s *session, job settlement.Job) error,
	do func(s *session, st settlement.Settlement, id settlement.JobID) error) error {
	a, err := args(c, 1, usage)
	if err != nil {
		return err
	}
	id, err := parseJobID(a[0])
	if err != nil {
		return err
	}
	s, err := writeSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	ro, err := s.settlement()
	if err != nil {
		return err
	}
	job, err := ro.Job(s.ctx, id)
	if err != nil {
		if errors.Is(err, settlement.ErrUnknownJob) {
			return badInput("%w", err) // it names the job
		}
		return err
	}
	if _, err := s.resolveAccount(true); err != nil {
		return err
	}
	if precheck != nil {
		if err := precheck(s, job); err != nil {
			return err
		}
	}
	st, err := s.writableSettlement()
	if err != nil {
		return err
	}
	// The settlement's job steps name the step and the job ("reclaim job 3: ..."): adding
	// them here again printed "reclaim job 3: reclaim job 3: ...".
	if err := do(s, st, id); err != nil {
		if errors.Is(err, settlement.ErrWrongStatus) || errors.Is(err, settlement.ErrTooEarly) || errors.Is(err, settlement.ErrTooLate) ||
			errors.Is(err, settlement.ErrNotAllowed) || errors.Is(err, settlement.ErrInsufficient) {
			return badInput("%w", err)
		}
		return err
	}
	if job, err = st.Job(s.ctx, id); err != nil {
		return err
	}
	v := s.jobView(job)
	return s.emit(v, func(w io.Writer) { printJob(w, v) })
}

func jobResolve(c *cli.Context, stdio IO) error {
	return jobStep(c, stdio, "brine job resolve <id>", resolveCheck, func(s *session, st settlement.Settlement, id settlement.JobID) error {
		_, err := st.ResolveReplicas(s.ctx, id)
		return err
	})
}

// resolveCheck refuses a resolve the market would refuse, before anything is sent: only an open
// replicated job whose seats are all taken, once every replica revealed or the reveal window
// closed (by the chain's clock).
func resolveCheck(s *session, job settlement.Job) error {
	if job.Replicas <= 1 {
		return badInput("resolve job %d: it has one provider; only a replicated job has a replicas' round", job.ID)
	}
	if job.Status != settlement.StatusOpen {
		return badInput("resolve job %d: it is %s; its replicas' round is over", job.ID, job.Status)
	}
	st, err := s.settlement()
	if err != nil {
		return err
	}
	p, err := st.Panel(s.ctx, job.ID, true)
	if err != nil {
		return err
	}
	if len(p.Members) < int(job.Replicas) {
		return badInput("resolve job %d: only %d of its %d seats were taken, so its round never started; after accept-by (%s) 'brine job reclaim %d' refunds it",
			job.ID, len(p.Members), job.Replicas, fmtTime(job.AcceptBy), job.ID)
	}
	head, err := s.client.HeaderByNumber(s.ctx, nil)
	if err != nil {
		return err
	}
	if now := time.Unix(int64(head.Time), 0); p.Revealed < len(p.Members) && !now.After(p.RevealBy) {
		return badInput("resolve job %d: %d of %d replicas revealed, and the others may reveal until %s (chain time now %s); resolve after that",
			job.ID, p.Revealed, len(p.Members), fmtTime(p.RevealBy), fmtTime(now))
	}
	return nil
}

func jobReclaim(c *cli.Context, stdio IO) error {
	return jobStep(c, stdio, "brine job reclaim <id>", nil, func(s *session, st settlement.Settlement, id settlement.JobID) error {
		return st.Reclaim(s.ctx, id)
	})
}

func jobChallenge(c *cli.Context, stdio IO) error {
	return jobStep(c, stdio, "brine job challenge <id>", challengeCheck, func(s *session, st settlement.Settlement, id settlement.JobID) error {
		return st.Challenge(s.ctx, id)
	})
}

func jobAppeal(c *cli.Context, stdio IO) error {
	return jobStep(c, stdio, "brine job appeal <id>", appealCheck, func(s *session, st settlement.Settlement, id settlement.JobID) error {
		return st.Appeal(s.ctx, id)
	})
}

// appealCheck refuses an appeal of a job that is not challenged before the bond's approval
// is sent; the market judges the rest (who may appeal, the window) and the settlement checks
// the bond against the wallet.
func appealCheck(_ *session, job settlement.Job) error {
	if job.Status != settlement.StatusChallenged {
		return badInput("appeal job %d: it is %s; only a challenged job's verdict can be appealed", job.ID, job.Status)
	}
	return nil
}

// challengeCheck refuses a challenge the market would refuse, before the bond's approval is
// sent: a challenge needs a committed result within its window, a challenger other than the
// job's provider, and the bond of the job's parameter set in the challenger's wallet.
func challengeCheck(s *session, job settlement.Job) error {
	if job.Status != settlement.StatusCommitted {
		return badInput("challenge job %d: it is %s; only a committed result can be challenged", job.ID, job.Status)
	}
	head, err := s.client.HeaderByNumber(s.ctx, nil)
	if err != nil {
		return err
	}
	if ends := job.ChallengeEnds(); !time.Unix(int64(head.Time), 0).Before(ends) {
		return badInput("challenge job %d: its challenge window ended at %s", job.ID, fmtTime(ends))
	}
	if job.Provider == s.account {
		return badInput("challenge job %d: %s is the job's provider, which cannot challenge its own result", job.ID, s.account.Hex())
	}
	st, err := s.settlement()
	if err != nil {
		return err
	}
	bond, err := st.ChallengeBond(s.ctx, job.ID)
	if err != nil {
		return err
	}
	return s.requireTokens(bond, "the challenge bond")
}

// ratioMinimum is the collateral per replica the market's minimum ratio asks of a job paying
// payment to n replicas: ceil(payment · minCollateralBps / (10000 · n)), as JobMarket's
// postJob computes it (CollateralBelowRatio). The deployment's first parameter set; governance
// may have changed it since, in which case the market's own check still refuses the post.
func ratioMinimum(mp deploy.MarketParams, payment *big.Int, n uint8) *big.Int {
	if n == 0 {
		n = 1
	}
	den := big.NewInt(10_000 * int64(n))
	min := new(big.Int).Mul(payment, big.NewInt(int64(mp.MinCollateralBps)))
	min.Add(min, den).Sub(min, big.NewInt(1))
	return min.Quo(min, den)
}

// ratioText says the market's minimum collateral ratio as a multiple of the payment ("2×").
func ratioText(mp deploy.MarketParams) string {
	return units.Format(big.NewInt(int64(mp.MinCollateralBps)), 4) + "×"
}
