package cli

import (
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/jobclient"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/pipeline"
	piperun "github.com/brine-compute/brine/pipeline/run"
	"github.com/brine-compute/brine/settlement/onchain"
	"github.com/brine-compute/brine/units"
)

func pipelineCommand(stdio IO) *cli.Command {
	runFlags := func() []cli.Flag {
		return []cli.Flag{
			&cli.BoolFlag{Name: "wait", Usage: "stay until every step's result is ready, posting each step as soon as its inputs are"},
			&cli.StringFlag{Name: "output", Usage: "with --wait: write the final steps' verified results into `DIR` (empty or absent), DIR/<step>[/<entry>]"},
			&cli.StringFlag{Name: "module", Usage: "the wasm module `FILE` the jobs name by CID (or whose CID fills their empty module fields); served to the providers' nodes"},
			&cli.StringSliceFlag{Name: "listen", Value: cli.NewStringSlice(p2p.DefaultListenAddrs...), Usage: "libp2p listen `MULTIADDR` of the client's host; repeat"},
			&cli.DurationFlag{Name: "offer-wait", Value: 30 * time.Second, Usage: "how long to keep offering a spec to nodes that do not answer before a post, as `DURATION`"},
		}
	}
	return &cli.Command{
		Name:  "pipeline",
		Usage: "submit a graph of jobs as one unit, and follow, resume or cancel it",
		Description: `A pipeline is a file (YAML or JSON) of named steps, each an ordinary job spec whose inputs may
be other steps' results, by CID: a step runs once the steps it takes from are ready. A step
can fan out (one job per entry of a directory of another step's result) and a later one fan in
(all of a fan-out's results as a directory). A budget caps what all its jobs may cost. Each
job is a full job spec ('brine job submit --help'); docs/pipelines.md has the rest.

A pipeline (a word count in three steps; busybox is any image with busybox in it):
` + helpPipeline + `
Example:
   brine pipeline submit words.yaml --wait --output out    # out/sum/total holds 5
   brine pipeline status words.yaml
   brine pipeline resume words.yaml --wait --output out    # after Ctrl-C or a crash
   brine pipeline cancel words.yaml`,
		Subcommands: []*cli.Command{
			{
				Name:      "submit",
				Usage:     "check a pipeline and run it: each step posted as soon as its inputs are ready",
				ArgsUsage: "<pipeline.yaml|pipeline.json>",
				Flags: append(runFlags(),
					&cli.BoolFlag{Name: "dry-run", Usage: "check the pipeline and print its plan, canonical form and hash; send nothing"},
					&cli.StringFlag{Name: "ready", Value: "finalized", Usage: "when a step's result counts for the next: `finalized` (its challenge window closed) or committed (at once; a challenge upheld later re-runs it and what came after)"},
					&cli.BoolFlag{Name: "new", Usage: "run the pipeline again even when this account already ran it (by default the recorded run is resumed or shown)"},
				),
				Description: `Parses the pipeline strictly and checks its plan before anything is posted: unknown fields,
unknown steps, cycles, a fan-out wider than its max_fanout bound (at most 32), inputs that would
not fit a job spec, and a plan whose worst case (each job's payment × its widest fan-out ×
(1 + retries)) is over the budget are refused with exit 2, naming the step and the reason.

Then each step whose inputs are ready is posted as an ordinary job (its own escrow, collateral
and challenge window), and each later step as soon as its inputs are: a fan-out once the
result it fans out over is ready (the client fetches it, checks its CID and lists its entries).
Results are ready when finalized, or with --ready committed as soon as committed (faster; if a
challenge against one is later upheld, it is run again and every job downstream of it is given
up and posted again with the new result); either way the run ends only once every result is
finalized, and a result its provider's node leaves unfinalized is finalized by the run.

The run's state is <datadir>/client/pipelines/<account>-<hash>.json, written before each
transaction: killed at any moment, 'brine pipeline resume' (or this same command) carries on,
posting every job exactly once and keeping every result already ready. A job nobody accepts
in time is reclaimed, one without a result by its deadline claimed back, one whose program
failed given up; each is retried (the step's retries) as a new job, offered first to other
providers' nodes. No post goes over the budget.

Without --wait, it posts what can start now, stays until those jobs are accepted, and leaves;
'brine pipeline resume --wait' carries on. With --wait it shows each job's progress and ends
when every step's result is ready; with --output DIR it writes the final steps' results,
each checked against its on-chain CID.

Example:
   brine pipeline submit mapreduce.yaml --dry-run --module wordcount.wasm
   brine pipeline submit mapreduce.yaml --module wordcount.wasm --wait --output out
   brine pipeline submit mapreduce.yaml --module wordcount.wasm --wait --ready committed`,
				Action: func(c *cli.Context) error { return pipelineSubmit(c, stdio) },
			},
			{
				Name:      "resume",
				Usage:     "carry on an interrupted pipeline run from its state",
				ArgsUsage: "<pipeline.yaml|pipeline hash>",
				Flags:     runFlags(),
				Description: `Reads the run's state and carries on: an attempt whose post was not seen mined is looked for
on chain first (never posted twice), live jobs are followed, ready results kept, and the steps
not yet posted are posted as their inputs become ready. The wasm module is served from the
client's store (or --module FILE).

Example:
   brine pipeline resume mapreduce.yaml --wait --output out`,
				Action: func(c *cli.Context) error { return pipelineResume(c, stdio) },
			},
			{
				Name:      "status",
				Usage:     "draw a pipeline run: each step, its jobs, providers, results and cost",
				ArgsUsage: "<pipeline.yaml|pipeline hash>",
				Flags: []cli.Flag{
					&cli.BoolFlag{Name: "no-chain", Usage: "show the run's state as recorded; do not read its live jobs from the chain"},
				},
				Description: `Shows the run as recorded in its state, its live jobs read from the chain: the graph of
steps (each with the steps it takes from), each step's state (waiting, running, ready,
failed), its jobs with their on-chain status, provider and result CID, retries given up and
why, the cost so far against the budget and, once done, its timing (first post to last
result beside the critical path's own jobs). --json gives the same.

Example:
   brine pipeline status mapreduce.yaml
   brine pipeline status 0x5e1f… --json`,
				Action: func(c *cli.Context) error { return pipelineStatus(c, stdio) },
			},
			{
				Name:      "cancel",
				Usage:     "post nothing more for a pipeline run, settle what can be, and say what will still be paid",
				ArgsUsage: "<pipeline.yaml|pipeline hash>",
				Description: `Marks the run cancelled: a running 'submit --wait' or 'resume' stops posting and ends, and no
later resume posts anything. Then it settles every job the run posted as far as the market
allows now: an open job past its accept-by is reclaimed and an accepted one past its result
deadline claimed back (their payments back). A job a provider accepted cannot be withdrawn
(the market has no cancel for it): it runs and is paid; an open job may still be accepted
until its accept-by. It prints every job with what becomes of it (paid, will be paid, will
run and be paid, may still be accepted until …, reclaimed, claimed back, ended unpaid), what
those still to be paid cost, and what this cancel got back; --json gives the same. Run it
again after the accept-by it names to reclaim the open jobs nobody took.

Example:
   brine pipeline cancel mapreduce.yaml
   brine pipeline cancel 0x5e1f… --json`,
				Action: func(c *cli.Context) error { return pipelineCancel(c, stdio) },
			},
		},
	}
}

// The runner approves a round's posts together through the settlement (one block for a fan-out).
var _ piperun.PostApprover = (*onchain.Settlement)(nil)

// helpPipeline is the complete pipeline 'brine pipeline --help' shows (a test parses it).
const helpPipeline = `
   budget: "6"                      # tokens: the most all its jobs may cost (worst case 4 here)
   steps:
     - name: split                  # two shards of words
       job:
         engine: docker
         image: busybox
         args: [sh, -c, "mkdir -p /brine/outputs/shards && echo a b c > /brine/outputs/shards/1 && echo d e > /brine/outputs/shards/2"]
         resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 30s}
         outputs: [{path: shards}]
         price: {payment: "1", collateral: "2"}
         deadlines: {accept_within: 1m, run_within: 1m}
         challenge_window: 4s
     - name: count                  # fan-out: one job per file of split's result under shards/
       foreach: split:shards/*
       as: shard.txt                # each job's file, at /brine/inputs/shard.txt
       max_fanout: 4
       job:
         engine: docker
         image: busybox
         args: [sh, -c, "wc -w < /brine/inputs/shard.txt > /brine/outputs/n"]
         resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 30s}
         outputs: [{path: n}]
         price: {payment: "0.5", collateral: "1"}
         deadlines: {accept_within: 1m, run_within: 1m}
         challenge_window: 4s
     - name: sum                    # fan-in: counts/1 and counts/2, each count job's n
       inputs: [{path: counts, from: "count:n"}]
       job:
         engine: docker
         image: busybox
         args: [sh, -c, "cat /brine/inputs/counts/* | awk '{s += $1} END {print s}' > /brine/outputs/total"]
         resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 30s}
         outputs: [{path: total}]
         price: {payment: "1", collateral: "2"}
         deadlines: {accept_within: 1m, run_within: 1m}
         challenge_window: 4s
`

// readPipeline reads and checks a pipeline file; module is the --module file's CID ("" none).
func readPipeline(path, module string) (*pipeline.Pipeline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, badInput("pipeline: %v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, pipeline.MaxSize+1))
	if err != nil {
		return nil, badInput("pipeline %s: %v", path, err)
	}
	p, err := pipeline.Parse(data, module)
	if err != nil {
		return nil, badInput("pipeline %s: %v", path, err)
	}
	return p, nil
}

// readModule reads the --module file, if any.
func readModule(c *cli.Context) ([]byte, string, error) {
	m := c.String("module")
	if m == "" {
		return nil, "", nil
	}
	b, id, err := readFileCID(m)
	if err != nil {
		return nil, "", badInput("--module: %v", err)
	}
	return b, id.String(), nil
}

func pipelineSubmit(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine pipeline submit <pipeline.yaml>")
	if err != nil {
		return err
	}
	module, moduleCID, err := readModule(c)
	if err != nil {
		return err
	}
	p, err := readPipeline(a[0], moduleCID)
	if err != nil {
		return err
	}
	ready, err := piperun.ParseReady(c.String("ready"))
	if err != nil {
		return badInput("--ready %v", err)
	}
	canon, err := p.Canonical()
	if err != nil {
		return err
	}
	hash, _ := p.Hash()
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if c.Bool("dry-run") {
		return s.emit(map[string]any{"pipeline": hash.Hex(), "worstCost": p.WorstCost().FloatString(6), "budget": p.Budget,
			"order": stepNames(p.Order()), "canonical": string(canon)}, func(w io.Writer) {
			kv(w, "Pipeline", "%s", hash.Hex())
			kv(w, "Steps", "%s", strings.Join(stepNames(p.Order()), " → "))
			kv(w, "Worst cost", "%s tokens of a budget of %s", strings.TrimRight(strings.TrimRight(p.WorstCost().FloatString(6), "0"), "."), p.Budget)
			kv(w, "Canonical", "%s", canon)
		})
	}
	if err := s.openToken(); err != nil {
		return err
	}
	if err := s.checkPipelineJobs(a[0], p); err != nil {
		return err
	}
	account, err := s.resolveAccount(true)
	if err != nil {
		return err
	}
	path := piperun.Path(s.cfg.DataDir, account, hash)
	st, err := piperun.Load(path)
	switch {
	case errors.Is(err, piperun.ErrNoState):
		st = piperun.NewState(path, account, hash, canon, ready, time.Now())
	case err != nil:
		return err
	case c.Bool("new"):
		aside := strings.TrimSuffix(path, ".json") + "." + time.Now().UTC().Format("20060102T150405") + ".json"
		if err := os.Rename(path, aside); err != nil {
			return err
		}
		fmt.Fprintf(s.info, "The earlier run's state is kept as %s; running the pipeline again\n", aside)
		st = piperun.NewState(path, account, hash, canon, ready, time.Now())
	default:
		fmt.Fprintf(s.info, "This account already ran this pipeline (state %s): resuming that run instead of posting again; pass --new to run it again\n", path)
	}
	return s.runPipeline(c, p, st, module)
}

func pipelineResume(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine pipeline resume <pipeline.yaml|hash>")
	if err != nil {
		return err
	}
	module, _, err := readModule(c)
	if err != nil {
		return err
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.openToken(); err != nil {
		return err
	}
	if _, err := s.resolveAccount(true); err != nil {
		return err
	}
	st, p, err := s.loadPipelineRun(a[0])
	if err != nil {
		return err
	}
	if s.account != st.Account {
		return badInput("the run %s is account %s's; resume it as that account (--account)", st.FilePath(), st.Account.Hex())
	}
	return s.runPipeline(c, p, st, module)
}

// loadPipelineRun finds a run by its pipeline file or hash: this account's, else the only one.
func (s *session) loadPipelineRun(arg string) (*piperun.State, *pipeline.Pipeline, error) {
	var hash common.Hash
	if strings.HasPrefix(arg, "0x") && len(arg) == 66 {
		hash = common.HexToHash(arg)
	} else {
		data, err := os.ReadFile(arg)
		if err != nil {
			return nil, nil, badInput("pipeline: %v (give the pipeline file or its hash)", err)
		}
		// The module fills the jobs' empty module fields: the recorded runs name theirs.
		runs, _ := filepath.Glob(filepath.Join(s.cfg.DataDir, "client", "pipelines", "*.json"))
		p, err := pipeline.Parse(data, "")
		if err == nil {
			hash, _ = p.Hash()
		}
		for _, r := range runs {
			if err == nil {
				break
			}
			if st, lerr := piperun.Load(r); lerr == nil {
				if q, perr := pipeline.Parse(st.Canonical, ""); perr == nil && samePipelineFile(data, q) {
					hash = st.Pipeline
					err = nil
				}
			}
		}
		if err != nil && hash == (common.Hash{}) {
			return nil, nil, badInput("pipeline %s: %v", arg, err)
		}
	}
	runs, _ := filepath.Glob(filepath.Join(s.cfg.DataDir, "client", "pipelines", "*-"+hash.Hex()+".json"))
	if len(runs) == 0 {
		return nil, nil, badInput("no run of pipeline %s is recorded in %s (start one with 'brine pipeline submit')", hash.Hex(), s.cfg.DataDir)
	}
	path := runs[0]
	if acct, _ := s.resolveAccount(false); acct != (common.Address{}) {
		if mine := piperun.Path(s.cfg.DataDir, acct, hash); slices.Contains(runs, mine) {
			path = mine
		}
	}
	st, err := piperun.Load(path)
	if err != nil {
		return nil, nil, err
	}
	p, err := pipeline.Parse(st.Canonical, "")
	if err != nil {
		return nil, nil, fmt.Errorf("the run's recorded pipeline: %w", err)
	}
	return st, p, nil
}

// samePipelineFile reports whether the pipeline file data is q once q's module CIDs fill its
// empty module fields.
func samePipelineFile(data []byte, q *pipeline.Pipeline) bool {
	for _, s := range q.Steps {
		if s.Job.Engine == jobspec.EngineWasm {
			p, err := pipeline.Parse(data, s.Job.Module)
			if err != nil {
				return false
			}
			a, _ := p.Hash()
			b, _ := q.Hash()
			return a == b
		}
	}
	return false
}

// checkPipelineJobs refuses jobs the market would refuse, naming the step, before anything is
// posted: a challenge window under the market's minimum, collateral under its minimum or its
// minimum ratio to the payment.
func (s *session) checkPipelineJobs(file string, p *pipeline.Pipeline) error {
	if _, err := units.ParsePositive(p.Budget, s.token.Decimals); err != nil {
		return badInput("pipeline %s: budget: %v", file, err)
	}
	mp := s.dep.Params.Market
	for _, st := range p.Steps {
		spec := st.Job
		payment, collateral, err := spec.Price.Amounts(s.token.Decimals)
		if err != nil {
			return badInput("pipeline %s: step %s: %v", file, st.Name, err)
		}
		if min := time.Duration(mp.MinChallengeWindow) * time.Second; spec.ChallengeWindow < min {
			return badInput("pipeline %s: step %s: challenge_window %s is shorter than this market's minimum %s", file, st.Name, spec.ChallengeWindow, min)
		}
		if min, ok := new(big.Int).SetString(mp.MinCollateral, 10); ok && collateral.Cmp(min) < 0 {
			return badInput("pipeline %s: step %s: price.collateral %s is below this market's minimum %s", file, st.Name, s.fmtAmount(collateral), s.fmtAmount(min))
		}
		if min := ratioMinimum(mp, payment, spec.Replicas); collateral.Cmp(min) < 0 {
			return badInput("pipeline %s: step %s: price.collateral %s is below this market's minimum %s for a payment of %s to %d replica(s): collateral per replica must be at least %s of its share of the payment (set price.collateral to %s or more)",
				file, st.Name, s.fmtAmount(collateral), s.fmtAmount(min), s.fmtAmount(payment), spec.Replicas, ratioText(mp), s.fmtAmount(min))
		}
	}
	return nil
}

// runPipeline runs (or resumes) st until it ends, or without --wait until what could be
// posted is taken, and shows it.
func (s *session) runPipeline(c *cli.Context, p *pipeline.Pipeline, st *piperun.State, module []byte) error {
	wait, output := c.Bool("wait"), c.String("output")
	if output != "" && !wait {
		return badInput("--output needs --wait")
	}
	if output != "" && !(st.Written && sameDir(st.Output, output)) {
		if err := checkOutputDir(output); err != nil {
			return err
		}
	}
	if err := s.requireGas(); err != nil {
		return err
	}
	if err := s.unlock(); err != nil {
		return err
	}
	market, err := s.settlement()
	if err != nil {
		return err
	}
	cn, err := s.openClientNet(c.StringSlice("listen"))
	if err != nil {
		return err
	}
	defer cn.close()
	if module == nil {
		// Served from the client's store, where the first run put it.
		for _, step := range p.Steps {
			if step.Job.Engine != jobspec.EngineWasm {
				continue
			}
			if id, err := cid.Decode(step.Job.Module); err == nil {
				if b, err := cn.blobs.Get(id); err == nil {
					module = b
					break
				}
			}
		}
	}
	if err := st.Save(); err != nil {
		return fmt.Errorf("recording the pipeline's run: %w", err)
	}
	fmt.Fprintf(s.info, "Pipeline %s: %d step(s), budget %s; state %s\n", st.Pipeline.Hex(), len(p.Steps), p.Budget, st.FilePath())
	cfg := piperun.Config{Pipeline: p, Module: module, State: st, Nodes: cn.host, Market: market, Chain: s.client,
		Decimals: s.token.Decimals, OfferFor: c.Duration("offer-wait"), Logger: s.log,
		Store: cn.blobs,
		OnEvent: func(e piperun.Event) {
			who := e.Step
			if e.Entry != "" {
				who += "[" + e.Entry + "]"
			}
			if who == "" {
				who = "pipeline"
			}
			fmt.Fprintf(s.info, "  %s: %s\n", who, e.Text)
		}}
	if !wait {
		cfg.Until = func(st *piperun.State) bool { return pipelineTaken(st) }
	}
	r, err := piperun.New(cfg)
	if err != nil {
		return err
	}
	runErr := r.Run(s.ctx)
	switch {
	case runErr == nil && st.Ended != nil && output != "":
		if err := r.WriteOutput(s.ctx, output); err != nil {
			return err
		}
	case errors.Is(runErr, piperun.ErrFailed), errors.Is(runErr, piperun.ErrCancelled):
	case runErr != nil && s.ctx.Err() != nil:
		return fmt.Errorf("interrupted; the jobs posted stay posted: 'brine pipeline resume %s' carries on (it posts nothing twice): %w", st.Pipeline.Hex(), s.ctx.Err())
	case runErr != nil:
		return fmt.Errorf("%w; the run's state is kept: 'brine pipeline resume %s' carries on", runErr, st.Pipeline.Hex())
	}
	v := s.pipelineView(p, st)
	if err := s.emit(v, func(w io.Writer) { printPipeline(w, v) }); err != nil {
		return err
	}
	if runErr != nil {
		return fmt.Errorf("pipeline %s: %w", st.Pipeline.Hex(), runErr)
	}
	return nil
}

// pipelineTaken reports whether every job posted so far was taken by a provider (or ended),
// and none waits to be posted: a submit without --wait may leave.
func pipelineTaken(st *piperun.State) bool {
	for _, ss := range st.Steps {
		for _, in := range ss.Jobs {
			if a := in.Live(); a != nil && (a.Job == 0 || a.Status == "open") {
				return false
			}
		}
	}
	return true
}

func pipelineStatus(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine pipeline status <pipeline.yaml|hash>")
	if err != nil {
		return err
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	st, p, err := s.loadPipelineRun(a[0])
	if err != nil {
		return err
	}
	if err := s.openToken(); err != nil {
		s.log.Debug("reading the token", "err", err) // amounts are shown in base units
	}
	if !c.Bool("no-chain") {
		s.refreshAttempts(st)
	}
	v := s.pipelineView(p, st)
	return s.emit(v, func(w io.Writer) { printPipeline(w, v) })
}

// refreshAttempts reads the live jobs of a run's state from the chain: the state is as of its
// run's last round (shown, not written back: the run's file is its runner's).
func (s *session) refreshAttempts(st *piperun.State) {
	rd, err := s.settlement()
	if err != nil {
		s.log.Debug("reading the chain", "err", err)
		return
	}
	for _, ss := range st.Steps {
		for _, in := range ss.Jobs {
			for _, a := range in.Attempts {
				if a.Job == 0 || a.Settled || a.Status == "finalized" {
					continue
				}
				j, err := rd.Job(s.ctx, a.Job)
				if err != nil {
					continue
				}
				a.Status = j.Status.String()
				if j.Provider != (common.Address{}) {
					a.Provider = j.Provider.Hex()
				}
				if a.ResultCID == "" && len(j.ResultCID) > 0 {
					a.ResultCID = cidText(j.ResultCID)
				}
			}
		}
	}
}

func pipelineCancel(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine pipeline cancel <pipeline.yaml|hash>")
	if err != nil {
		return err
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.openToken(); err != nil {
		return err
	}
	if _, err := s.resolveAccount(true); err != nil {
		return err
	}
	st, p, err := s.loadPipelineRun(a[0])
	if err != nil {
		return err
	}
	if s.account != st.Account {
		return badInput("the run %s is account %s's; cancel it as that account (--account)", st.FilePath(), st.Account.Hex())
	}
	if err := s.requireGas(); err != nil {
		return err
	}
	if err := s.unlock(); err != nil {
		return err
	}
	market, err := s.settlement()
	if err != nil {
		return err
	}
	now, err := jobclient.ChainTime(s.ctx, s.client)
	if err != nil {
		return fmt.Errorf("reading the chain's time: %w", err)
	}
	cancelled, err := piperun.Cancel(s.ctx, p, st, market, now)
	if err != nil {
		// The run is marked cancelled (nothing more is posted) before any job is read.
		return fmt.Errorf("pipeline %s is cancelled (nothing more is posted), but settling its jobs stopped: %w; run 'brine pipeline cancel' again", st.Pipeline.Hex(), err)
	}
	v := s.cancelView(st, cancelled)
	return s.emit(v, func(w io.Writer) { printCancel(w, v) })
}

// cancelView is what 'brine pipeline cancel' shows.
type cancelView struct {
	Pipeline  string               `json:"pipeline"`
	Jobs      []cancelledJobView   `json:"jobs"`
	NotPosted []string             `json:"notPosted"`
	Paid      amount               `json:"paid"`
	WillPay   amount               `json:"willPay"`
	MayPay    amount               `json:"mayPay"`
	Refunded  amount               `json:"refunded"`
	byFate    map[piperun.Fate]int // jobs per fate, for the summary
}

type cancelledJobView struct {
	Step    string     `json:"step"`
	Entry   string     `json:"entry,omitempty"`
	Job     uint64     `json:"job,omitempty"`
	Status  string     `json:"status"`
	Fate    string     `json:"fate"`
	Payment amount     `json:"payment"`
	Until   *time.Time `json:"until,omitempty"`
}

func (s *session) cancelView(st *piperun.State, c piperun.Cancellation) cancelView {
	v := cancelView{Pipeline: st.Pipeline.Hex(), Jobs: []cancelledJobView{}, NotPosted: c.NotPosted, Paid: s.amount(c.Paid),
		WillPay: s.amount(c.WillPay), MayPay: s.amount(c.MayPay), Refunded: s.amount(c.Refunded), byFate: map[piperun.Fate]int{}}
	if v.NotPosted == nil {
		v.NotPosted = []string{}
	}
	for _, j := range c.Jobs {
		v.Jobs = append(v.Jobs, cancelledJobView{Step: j.Step, Entry: j.Entry, Job: uint64(j.Job), Status: j.Status, Fate: string(j.Fate),
			Payment: s.amount(j.Payment), Until: j.Until})
		v.byFate[j.Fate]++
	}
	return v
}

// printCancel says what the cancel stopped and, job by job, what still runs and is paid.
func printCancel(w io.Writer, v cancelView) {
	kv(w, "Cancelled", "pipeline %s: nothing more is posted", v.Pipeline)
	if len(v.NotPosted) > 0 {
		kv(w, "Not posted", "%s", strings.Join(v.NotPosted, ", "))
	}
	kv(w, "Will be paid", "%s %s: %d job(s) accepted or committed cannot be withdrawn (the market has no cancel for them)",
		v.WillPay.Decimal, v.WillPay.Symbol, v.byFate[piperun.FateWillRun]+v.byFate[piperun.FateWillBePaid])
	if n := v.byFate[piperun.FateMayRun] + v.byFate[piperun.FateUnknown]; n > 0 {
		kv(w, "May be paid", "%s %s more if a provider accepts the %d open job(s) before their accept-by; run this again after it to reclaim the rest",
			v.MayPay.Decimal, v.MayPay.Symbol, n)
	}
	kv(w, "Refunded now", "%s %s (jobs reclaimed or claimed back by this cancel)", v.Refunded.Decimal, v.Refunded.Symbol)
	kv(w, "Paid before", "%s %s", v.Paid.Decimal, v.Paid.Symbol)
	fmt.Fprintln(w)
	for _, j := range v.Jobs {
		name := j.Step
		if j.Entry != "" {
			name += "[" + j.Entry + "]"
		}
		id := "posting"
		if j.Job != 0 {
			id = fmt.Sprintf("job %d", j.Job)
		}
		fate := j.Fate
		switch {
		case j.Until != nil && j.Fate == string(piperun.FateMayRun):
			fate += " until " + fmtTime(*j.Until)
		case j.Until != nil:
			fate += " (result due by " + fmtTime(*j.Until) + ")"
		case j.Fate == string(piperun.FateUnknown):
			fate += " ('brine pipeline resume' finds it on chain)"
		}
		fmt.Fprintf(w, "  %s\t%s\t%s\t%s %s\t%s\n", name, id, orDash(j.Status), j.Payment.Decimal, j.Payment.Symbol, fate)
	}
}

func stepNames(steps []*pipeline.Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.Name
	}
	return out
}

// pipelineView is a run as status shows it.
type pipelineView struct {
	Pipeline  string     `json:"pipeline"`
	Ready     string     `json:"ready"`
	State     string     `json:"state"` // running, done, failed, cancelled
	Started   time.Time  `json:"started"`
	Ended     *time.Time `json:"ended,omitempty"`
	Budget    string     `json:"budget"`
	Spent     amount     `json:"spent"`
	Output    string     `json:"output,omitempty"`
	Steps     []stepView `json:"steps"`
	StateFile string     `json:"stateFile"`
	// Timing is a finished run's overhead beside its critical path, by the chain's clock.
	Timing *piperun.Timing `json:"timing,omitempty"`
}

type stepView struct {
	Name    string         `json:"name"`
	Needs   []string       `json:"needs,omitempty"`
	Foreach string         `json:"foreach,omitempty"`
	State   string         `json:"state"` // waiting, running, ready, failed
	Failed  string         `json:"failed,omitempty"`
	Jobs    []instanceView `json:"jobs"`
}

type instanceView struct {
	Entry    string             `json:"entry,omitempty"`
	CID      string             `json:"cid,omitempty"`
	Failed   string             `json:"failed,omitempty"`
	Attempts []*piperun.Attempt `json:"attempts"`
}

func (s *session) pipelineView(p *pipeline.Pipeline, st *piperun.State) pipelineView {
	v := pipelineView{Pipeline: st.Pipeline.Hex(), Ready: st.Ready, Started: st.Started, Ended: st.Ended, Budget: p.Budget,
		Spent: s.amount(st.Spent()), StateFile: st.FilePath()}
	if st.Written {
		v.Output = st.Output
	}
	failed, done := false, true
	for _, step := range p.Order() {
		sv := stepView{Name: step.Name, Needs: step.Deps(), State: "waiting"}
		if step.Foreach != nil {
			sv.Foreach = step.Foreach.String() + "/*"
		}
		ss := st.Steps[step.Name]
		if ss != nil {
			sv.Failed = ss.Failed
			readyAll := ss.Expanded && len(ss.Jobs) > 0
			for _, in := range ss.Jobs {
				sv.Jobs = append(sv.Jobs, instanceView{Entry: in.Entry, CID: in.CID, Failed: in.Failed, Attempts: in.Attempts})
				if in.Failed != "" {
					sv.Failed = "a job failed: " + in.Failed
				}
				if in.CID == "" {
					readyAll = false
				}
				if len(in.Attempts) > 0 && sv.State == "waiting" {
					sv.State = "running"
				}
			}
			if readyAll {
				sv.State = "ready"
			}
		}
		if sv.Failed != "" {
			sv.State, failed = "failed", true
		}
		if sv.State != "ready" {
			done = false
		}
		v.Steps = append(v.Steps, sv)
	}
	if t, ok := st.Timing(p); ok {
		v.Timing = &t
	}
	switch {
	case st.Cancelled:
		v.State = "cancelled"
	case failed && st.Ended != nil:
		v.State = "failed"
	case done:
		v.State = "done"
	default:
		v.State = "running"
	}
	return v
}

// printPipeline draws the run: the steps in order, each with what it takes from, its jobs
// and their attempts.
func printPipeline(w io.Writer, v pipelineView) {
	kv(w, "Pipeline", "%s (%s; results count once %s)", v.Pipeline, v.State, v.Ready)
	kv(w, "Cost so far", "%s %s of a budget of %s", v.Spent.Decimal, v.Spent.Symbol, v.Budget)
	if v.Output != "" {
		kv(w, "Output", "%s", v.Output)
	}
	if t := v.Timing; t != nil {
		var path []string
		for _, j := range t.Critical {
			name := j.Step
			if j.Entry != "" {
				name += "[" + j.Entry + "]"
			}
			path = append(path, fmt.Sprintf("%s %s", name, j.Took))
		}
		kv(w, "Timing", "%s from the first post to the last result; the critical path's own jobs %s (%s): %.2f×; at most %d job(s) at once",
			t.Total, t.Path, strings.Join(path, " → "), t.Ratio, t.MostAtOnce)
	}
	fmt.Fprintln(w)
	for i, s := range v.Steps {
		from := ""
		if len(s.Needs) > 0 {
			from = " ◀── " + strings.Join(s.Needs, ", ")
		}
		if s.Foreach != "" {
			from += " (one job per " + s.Foreach + ")"
		}
		fmt.Fprintf(w, "[%s] %s%s\n", s.Name, s.State, from)
		if s.Failed != "" {
			fmt.Fprintf(w, "  │ %s\n", s.Failed)
		}
		for _, in := range s.Jobs {
			name := "job"
			if in.Entry != "" {
				name = in.Entry
			}
			for k, a := range in.Attempts {
				line := fmt.Sprintf("  ├─ %s\t", name)
				if k > 0 {
					line = "  │   retry\t"
				}
				id := "posting"
				if a.Job != 0 {
					id = fmt.Sprintf("job %d", a.Job)
				}
				line += fmt.Sprintf("%s\t%s\t%s\t%s", id, orDash(a.Status), shortAddr(a.Provider), orDash(a.ResultCID))
				if a.Closed != "" {
					line += "\t(given up: " + a.Closed + ")"
				}
				fmt.Fprintln(w, line)
			}
			if len(in.Attempts) == 0 {
				fmt.Fprintf(w, "  ├─ %s\tnot posted yet\n", name)
			}
		}
		if i < len(v.Steps)-1 {
			fmt.Fprintln(w, "  │")
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func shortAddr(a string) string {
	if len(a) < 10 {
		return orDash(a)
	}
	return a[:6] + "…" + a[len(a)-4:]
}
