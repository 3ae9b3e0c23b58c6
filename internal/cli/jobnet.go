package cli

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/jobclient"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

// clientNet is a client command's libp2p host (a jobclient.Host): it serves the client's specs
// and the blobs (wasm modules) its jobs need, and fetches results from providers' nodes. Its
// key and blob store are <datadir>/client/identity.key and <datadir>/client/blobs, apart from a
// node's in the same directory; a client command that runs while another holds those gets its
// own for the run (claimClientHome says why).
type clientNet struct {
	home  *clientHome
	host  *jobclient.Host
	blobs *results.Store
}

// openClientNet starts the session's client host.
func (s *session) openClientNet(listen []string) (*clientNet, error) {
	home, err := claimClientHome(filepath.Join(s.cfg.DataDir, "client"))
	if err != nil {
		return nil, err
	}
	cn := &clientNet{home: home}
	if err := cn.start(s, listen); err != nil {
		if rerr := home.release(); rerr != nil {
			s.log.Warn("releasing the client's data directory", "err", rerr)
		}
		return nil, err
	}
	return cn, nil
}

func (c *clientNet) start(s *session, listen []string) error {
	var err error
	c.blobs, err = results.OpenStore(results.StoreConfig{Dir: c.home.blobsDir, MaxBytes: results.DefaultStoreBytes})
	if err != nil {
		return err
	}
	c.host, err = jobclient.NewHost(jobclient.HostConfig{Identity: c.home.id, ListenAddrs: listen, Blobs: c.blobs,
		Logger: s.log.With("component", "p2p")})
	if err != nil {
		return err
	}
	return c.host.Start(s.ctx)
}

func (c *clientNet) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = c.host.Stop(ctx)
	_ = c.home.release()
}

// serveModule checks that the --module file (path, read as module) is the spec's module and
// serves it.
func (c *clientNet) serveModule(spec *jobspec.Spec, path string, module []byte) error {
	if spec.Engine != jobspec.EngineWasm {
		return badInput("--module: the spec's engine is %s, not wasm", spec.Engine)
	}
	if got := results.CIDOf(module); got.String() != spec.Module {
		return badInput("--module %s has CID %s, but the spec names module %s: name that CID in the spec, or leave its module empty for --module to fill", path, got, spec.Module)
	}
	return c.host.ServeModule(spec, module)
}

// offer is a spec offered to the providers' nodes: which took it so far. A node takes a spec
// it would run (its policy checks it at the push and says why not); it then fetches the
// job's module and inputs from the client once the job is posted.
type offer struct {
	hash  common.Hash
	canon []byte
	need  int // nodes that must take it: the job's replicas
	took  []common.Address
	said  map[common.Address]string // each node's last answer, as printed
	// silent is how many nodes did not answer the last offer (down, restarting): they may
	// take the spec when they are back.
	silent int
	next   time.Time // the next re-offer while following (wall clock)
}

// reofferEvery is how often a posted job that waits for providers is offered again to the
// nodes that did not take its spec: a node that was down or restarting when the job was
// posted takes it when it is back, within the accept window.
const reofferEvery = 10 * time.Second

func newOffer(hash common.Hash, canon []byte, need int) *offer {
	return &offer{hash: hash, canon: canon, need: max(need, 1), said: map[common.Address]string{}}
}

// push offers the spec to the nodes that have not taken it and prints what changed.
func (s *session) push(cn *clientNet, st *onchain.Settlement, o *offer) (providers.PushReport, error) {
	report, err := cn.host.Push(s.ctx, st, o.hash, o.canon, o.took...)
	if err != nil {
		return nil, err
	}
	o.silent = len(report.Unreached())
	for _, r := range report {
		said := "took the spec"
		switch {
		case r.Refused():
			said = "refused the spec: " + r.Reason()
		case r.Err != nil:
			said = "did not answer: " + r.Reason()
		default:
			o.took = append(o.took, r.Account)
		}
		if o.said[r.Account] != said {
			fmt.Fprintf(s.info, "  node of provider %s: %s\n", r.Account.Hex(), said)
			o.said[r.Account] = said
		}
	}
	return report, nil
}

// offerSpec offers the spec to the active providers' nodes before the job is posted. While
// fewer than o.need took it and some did not answer (down, restarting), it offers again with
// growing pauses for up to wait. Then, unless anyway, a spec too few nodes took is refused
// (exit 2) before any money moves: posting it would only lock the payment until accept-by.
func (s *session) offerSpec(cn *clientNet, st *onchain.Settlement, o *offer, wait time.Duration, anyway bool) error {
	fmt.Fprintf(s.info, "Offering the spec to the providers' nodes\n")
	until := time.Now().Add(wait)
	pause := time.Second
	var report providers.PushReport
	for {
		var err error
		if report, err = s.push(cn, st, o); err != nil {
			return err
		}
		unreached := len(report.Unreached())
		if len(o.took) >= o.need || unreached == 0 || anyway || !time.Now().Add(pause).Before(until) {
			break
		}
		fmt.Fprintf(s.info, "  %d of %d node(s) took it, %d did not answer: offering again in %s (until %s; --post-anyway posts without waiting)\n",
			len(o.took), len(o.took)+len(report), unreached, pause, time.Now().Add(pause).Format(time.TimeOnly))
		select {
		case <-s.ctx.Done():
			return s.ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, 10*time.Second)
	}
	if len(o.took) >= o.need {
		fmt.Fprintf(s.info, "Spec taken by %d provider node(s)\n", len(o.took))
		return nil
	}
	var why []string
	for _, r := range report {
		if r.Err != nil {
			why = append(why, fmt.Sprintf("%s: %s", r.Account.Hex(), o.said[r.Account]))
		}
	}
	what := "no provider node took the spec"
	switch {
	case len(o.said) == 0:
		what = "no active provider publishes a node address, so no node could take the spec"
	case o.need > 1 && len(o.took) > 0:
		what = fmt.Sprintf("only %d of the %d provider nodes this %d-replica job needs took the spec", len(o.took), o.need, o.need)
	}
	if anyway {
		fmt.Fprintf(s.info, "warning: %s; posting anyway (--post-anyway)\n", what)
		return nil
	}
	msg := what + ", so nothing was posted and no money moved"
	if len(why) > 0 {
		msg += " (" + strings.Join(why, "; ") + ")"
	}
	return badInput("%s. Change the spec where a node says why it refused it, wait for a node and run this again, or pass --post-anyway to post it now (this command then keeps offering it until a node takes it or accept-by passes)", msg)
}

// reoffer offers the spec again, at most every reofferEvery, while job waits for providers.
func (s *session) reoffer(cn *clientNet, st *onchain.Settlement, o *offer, job settlement.Job, seats int) {
	if o == nil || job.Status != settlement.StatusOpen || job.Replicas > 1 && seats >= int(job.Replicas) || time.Now().Before(o.next) {
		return
	}
	o.next = time.Now().Add(reofferEvery)
	if _, err := s.push(cn, st, o); err != nil {
		s.log.Info("offering the spec again", "err", err)
	}
}

// followOpts is how follow follows a job.
type followOpts struct {
	// untilAccepted returns once a provider holds the job (N>1: every seat).
	untilAccepted bool
	// offer, with cn, is re-offered to the nodes that did not take it while the job waits
	// for providers (nil: not).
	offer *offer
	cn    *clientNet
	// onPoll sees the job at every poll (the result's download); its error ends the wait.
	onPoll func(settlement.Job) error
}

// followed is what follow saw of a job: its last replica panel (N>1) and, once it ended, its
// payout.
type followed struct {
	panel  settlement.Panel
	payout *jobclient.Payout
}

// follow reports the job's progress on stderr until it settles (or, with untilAccepted, until
// a provider holds it, every seat for N>1: the client's host must serve the spec and module
// until then). from is a block at or before the job's post: the replicas' reveals are counted
// from there when a round ends without a majority.
func (s *session) follow(st *onchain.Settlement, id settlement.JobID, from uint64, f followOpts) (settlement.Job, followed, error) {
	var seen followed
	job, err := jobclient.Follow(s.ctx, st, s.client, id, jobclient.FollowConfig{
		UntilAccepted: f.untilAccepted,
		Events:        st,
		From:          settlement.Cursor{Block: from},
		OnRetry: func(err error, wait time.Duration) {
			fmt.Fprintf(s.info, "  job %d: cannot read the chain (%v): trying again in %s; the job goes on on chain meanwhile (Ctrl-C and run this again to resume)\n",
				id, err, wait)
		},
		OnPoll: func(j settlement.Job, _ time.Time) error {
			if f.offer != nil {
				s.reoffer(f.cn, st, f.offer, j, len(seen.panel.Members))
			}
			if f.onPoll != nil {
				return f.onPoll(j)
			}
			return nil
		},
		OnStep: func(step jobclient.Step) error {
			seen.panel = step.Panel
			if step.Payout != nil {
				seen.payout = step.Payout
			}
			fmt.Fprintf(s.info, "  job %d: %s\n", id, s.stepLine(step))
			return nil
		},
	})
	n, seats := int(job.Replicas), len(seen.panel.Members)
	switch {
	case errors.Is(err, jobclient.ErrNotAccepted) && n > 1 && seats > 0:
		return job, seen, badInput("job %d: only %d of its %d replica seats were taken by %s, so it cannot run; 'brine job reclaim %d' refunds the payment (the seat holders' nodes reclaim it too)",
			id, seats, n, fmtTime(job.AcceptBy), id)
	case errors.Is(err, jobclient.ErrNotAccepted):
		return job, seen, badInput("job %d: no provider accepted it by %s: reclaim the payment with 'brine job reclaim %d'", id, fmtTime(job.AcceptBy), id)
	case errors.Is(err, jobclient.ErrNoResult) && n > 1:
		what := fmt.Sprintf("none of its %d replicas committed a result by %s", n, fmtTime(seen.panel.CommitBy))
		if seen.panel.Committed > 0 {
			what = fmt.Sprintf("none of its %d replicas revealed a result by %s", n, fmtTime(seen.panel.RevealBy))
		}
		return job, seen, badInput("job %d: %s; once the reveal window closed (%s), 'brine job resolve %d' refunds the payment with the silent replicas' collateral",
			id, what, fmtTime(seen.panel.RevealBy), id)
	case errors.Is(err, jobclient.ErrNoResult):
		return job, seen, badInput("job %d: the provider committed no result by %s: 'brine job claim-timeout %d' refunds it with the provider's collateral", id, fmtTime(job.ResultBy), id)
	}
	return job, seen, err
}

// stepLine is one progress line.
func (s *session) stepLine(step jobclient.Step) string {
	job, p := step.Job, step.Panel
	n := int(job.Replicas)
	switch step.Kind {
	case jobclient.StepPosted:
		if n > 1 {
			return fmt.Sprintf("posted, waiting for %d providers to take its replica seats (until %s)", n, fmtTime(job.AcceptBy))
		}
		return fmt.Sprintf("posted, waiting for a provider (until %s)", fmtTime(job.AcceptBy))
	case jobclient.StepAccepted:
		return fmt.Sprintf("accepted by %s; running (result due by %s)", step.Account.Hex(), fmtTime(job.ResultBy))
	case jobclient.StepSeatTaken:
		line := fmt.Sprintf("seat %d/%d taken by %s", step.Seat+1, n, step.Account.Hex())
		if step.Seat+1 == n {
			line += fmt.Sprintf("; every seat taken: the replicas run it and seal their results by %s", fmtTime(p.CommitBy))
		}
		return line
	case jobclient.StepSeatsShort:
		return fmt.Sprintf("accept-by passed with %d of %d seats taken: the job cannot run; the seat holders' nodes reclaim it (or 'brine job reclaim %d')",
			len(p.Members), n, job.ID)
	case jobclient.StepCommits:
		return fmt.Sprintf("replicas committed %d/%d (sealed; revealed once all committed or at %s)", step.Count, n, fmtTime(p.CommitBy))
	case jobclient.StepReveals:
		return fmt.Sprintf("replicas revealed %d/%d (reveal window until %s)", step.Count, n, fmtTime(p.RevealBy))
	case jobclient.StepResult:
		if n > 1 {
			return fmt.Sprintf("replicas resolved: %d of %d agree on result %s; challenge window until %s",
				job.Winners, n, cidText(job.ResultCID), fmtTime(job.ChallengeEnds()))
		}
		return fmt.Sprintf("result committed; challenge window until %s", fmtTime(job.ChallengeEnds()))
	case jobclient.StepChallenged:
		return "challenged; verifiers vote"
	case jobclient.StepCleared:
		return "the challenge failed or was inconclusive: the job can be finalized now"
	case jobclient.StepWindowClosing:
		return "challenge window closing"
	case jobclient.StepEnded:
		return s.endLine(job, p, step.Payout)
	}
	return step.Kind.String()
}

// endLine says how the job ended and where its money went.
func (s *session) endLine(job settlement.Job, p settlement.Panel, pay *jobclient.Payout) string {
	n := int(job.Replicas)
	switch {
	case job.Status == settlement.StatusFinalized && n > 1:
		line := fmt.Sprintf("settled: each of the %d majority replicas credited %s (its 1/%d share less the fee)", pay.Paid, s.fmtAmount(pay.PerProvider), n)
		if pay.Client.Sign() > 0 {
			line += fmt.Sprintf("; the client credited %s (the shares nobody earned", s.fmtAmount(pay.Client))
			if pay.Slashed > 0 {
				line += fmt.Sprintf(" and the collateral of %d replica(s) outside the majority", pay.Slashed)
			}
			line += ")"
		}
		return line
	case job.Status == settlement.StatusFinalized:
		return fmt.Sprintf("settled: the provider credited %s (the payment less the fee)", s.fmtAmount(pay.PerProvider))
	case job.Status == settlement.StatusReclaimed && n > 1:
		return fmt.Sprintf("reclaimed (%d of %d seats were taken): the payment %s was credited back to the client", len(p.Members), n, s.fmtAmount(pay.Client))
	case job.Status == settlement.StatusReclaimed:
		return fmt.Sprintf("reclaimed: the payment %s was credited back to the client", s.fmtAmount(pay.Client))
	case job.Status == settlement.StatusTimedOut:
		return fmt.Sprintf("timed out: the client credited %s (the payment and the provider's collateral)", s.fmtAmount(pay.Client))
	case job.Status == settlement.StatusRefunded && n > 1 && job.Winners == 0:
		switch {
		case pay.Client == nil:
			return fmt.Sprintf("the replicas reached no majority: refunded; the client credited the payment %s plus the collateral of every replica that did not reveal", s.fmtAmount(job.Payment))
		case pay.Slashed > 0:
			return fmt.Sprintf("the replicas reached no majority: refunded; the client credited %s (the payment and the collateral of %d silent replica(s))", s.fmtAmount(pay.Client), pay.Slashed)
		}
		return fmt.Sprintf("the replicas reached no majority: refunded; the payment %s was credited back to the client", s.fmtAmount(pay.Client))
	case job.Status == settlement.StatusRefunded:
		line := fmt.Sprintf("the challenge was upheld: refunded; the client credited %s (the payment", s.fmtAmount(pay.Client))
		if pay.Slashed > 0 {
			line += fmt.Sprintf(" and the collateral of %d replica(s) outside the majority", pay.Slashed)
		}
		return line + ")"
	}
	return job.Status.String()
}

// cidText prints CID bytes as a CID when they are one.
func cidText(b []byte) string {
	if c, err := cid.Cast(b); err == nil {
		return c.String()
	}
	return "0x" + hex.EncodeToString(b)
}

// downloadResult fetches the committed result from the provider's node (or, when that node
// does not serve it, from any other provider's node that holds it: the verifiers of a
// challenge re-executed the job), verifies it against the on-chain commitment and only then
// unpacks it into dir. A result that is a failure record (the job failed by its own program)
// is written too (dir/brine-failure.json), said so, and returned.
func (s *session) downloadResult(cn *clientNet, st *onchain.Settlement, job settlement.Job, dir string) (cid.Cid, *results.FailureRecord, error) {
	c, data, err := s.fetchResult(cn, st, job)
	if err != nil {
		return c, nil, err
	}
	rec, failed, err := results.ReadFailure(data)
	if err != nil {
		return c, nil, fmt.Errorf("job %d: the committed result %s holds %s but is not a valid failure record; nothing was written. Dispute it within the challenge window with 'brine job challenge %d': %w: %w",
			job.ID, c, jobspec.FailureRecordPath, job.ID, errBadResult, err)
	}
	if err := results.Unpack(data, dir, results.Limits{}); err != nil {
		return c, nil, fmt.Errorf("job %d: writing the result into %s: %w: %w", job.ID, dir, errBadResult, err)
	}
	fmt.Fprintf(s.info, "Result %s verified against the on-chain commitment and written to %s\n", c, dir)
	if !failed {
		return c, nil, nil
	}
	fmt.Fprintf(s.info, "The job failed by its own program: %s.\n"+
		"The provider committed this failure record (%s) as the job's result and is paid for it like any result.\n"+
		"Verifiers that re-run the job reach the same record; challenge it within the window ('brine job challenge %d') only if the program does not fail so.\n",
		rec, filepath.Join(dir, jobspec.FailureRecordPath), job.ID)
	return c, &rec, nil
}

// fetchResult is downloadResult's fetch and check, without writing anything.
func (s *session) fetchResult(cn *clientNet, st *onchain.Settlement, job settlement.Job) (cid.Cid, []byte, error) {
	data, c, from, err := cn.host.FetchAnywhere(s.ctx, st, job, 1<<30)
	if errors.Is(err, providers.ErrResultMismatch) && job.Replicas > 1 {
		// A replicated job has no single provider: its replicas' nodes were asked first, then
		// the other providers', and none served the majority's result (one at least served
		// other bytes; the error says which).
		return c, nil, fmt.Errorf("job %d: no node served a result matching the replicas' on-chain commitment %s (%s were asked first, then the other providers'), and at least one served other bytes; nothing was written. Dispute it within the challenge window with 'brine job challenge %d': %w",
			job.ID, c, jobclient.ResultHolders(s.ctx, st, job), job.ID, err)
	}
	if errors.Is(err, providers.ErrResultMismatch) {
		return c, nil, fmt.Errorf("job %d: the result served by provider %s does NOT match its on-chain commitment %s; nothing was written. Dispute it within the challenge window with 'brine job challenge %d': %w",
			job.ID, job.Provider.Hex(), c, job.ID, err)
	}
	if err != nil {
		return c, nil, fmt.Errorf("job %d: %w", job.ID, err)
	}
	switch from {
	case job.Provider:
		if from != (common.Address{}) {
			fmt.Fprintf(s.info, "Result %s served by provider %s's node\n", c, from.Hex())
		}
	default:
		fmt.Fprintf(s.info, "Provider %s's node did not serve result %s; provider %s's node did (a verifier of a challenge, or another node that computed it)\n",
			job.Provider.Hex(), c, from.Hex())
	}
	return c, data, nil
}

// errBadResult: a verified result could not be written into the output directory, or is not
// what it claims to be (a malformed failure record). Trying again changes nothing.
var errBadResult = errors.New("the result cannot be written")

// resultDownload is a --wait --output download of a job's result. A failed fetch (a node
// restarting, a stale connection, every holder busy) does not end the wait the client paid
// for: it is tried again, with growing pauses, while the job is followed, and once more
// after it settles. Bytes that do not match the commitment, or a result that cannot be
// written, end it (the first is the client's cue to challenge).
type resultDownload struct {
	dir  string
	done func(cid.Cid) // told once the result is written
	got  cid.Cid
	// failure is the failure record the result is, when the job failed by its own program.
	failure *results.FailureRecord
	err     error // the last failure
	bad     error // a failure that ends the wait
	next    time.Time
	pause   time.Duration
}

// fatal is the failure that ends the wait, if any (d may be nil).
func (d *resultDownload) fatal() error {
	if d == nil {
		return nil
	}
	return d.bad
}

// tryDownload fetches job's result into d once it is committed, unless fetched already or
// the last failure's pause has not passed. A failure ends the wait (OnPoll's error) only
// when it is fatal.
func (s *session) tryDownload(cn *clientNet, st *onchain.Settlement, d *resultDownload, job settlement.Job) error {
	if d == nil || d.got.Defined() || d.bad != nil || len(job.ResultCID) == 0 || time.Now().Before(d.next) {
		return d.fatal()
	}
	c, failure, err := s.downloadResult(cn, st, job, d.dir)
	switch {
	case err == nil:
		d.got, d.failure = c, failure
		if d.done != nil {
			d.done(c)
		}
		return nil
	case errors.Is(err, providers.ErrResultMismatch) || errors.Is(err, errBadResult) || s.ctx.Err() != nil:
		d.bad = err
		return err
	}
	d.err = err
	d.pause = min(max(2*d.pause, 2*time.Second), 30*time.Second)
	d.next = time.Now().Add(d.pause)
	fmt.Fprintf(s.info, "  job %d: downloading the result failed (%v): trying again in %s (on fresh connections, and from any node that holds it)\n",
		job.ID, err, d.pause)
	return nil
}

// finishDownload makes sure the result of an ended job is in d: a few more tries, then an
// error that says how to fetch it later.
func (s *session) finishDownload(cn *clientNet, st *onchain.Settlement, d *resultDownload, job settlement.Job) (cid.Cid, error) {
	for try := 0; !d.got.Defined() && try < 3; try++ {
		if d.bad != nil {
			return cid.Undef, d.bad
		}
		if wait := time.Until(d.next); wait > 0 {
			select {
			case <-s.ctx.Done():
				return cid.Undef, s.interrupted(job)
			case <-time.After(wait):
			}
		}
		if err := s.tryDownload(cn, st, d, job); err != nil {
			return cid.Undef, err
		}
	}
	if !d.got.Defined() {
		return cid.Undef, fmt.Errorf("job %d ended %s, but its result could not be downloaded (%w); fetch it with 'brine job results %d --output %s' (any node that holds it serves it)",
			job.ID, job.Status, d.err, job.ID, d.dir)
	}
	return d.got, nil
}
