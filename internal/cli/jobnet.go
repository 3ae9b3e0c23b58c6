package cli

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/jobclient"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/results"
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

// push offers the spec to the active providers' nodes.
func (s *session) pushSpec(cn *clientNet, st *onchain.Settlement, hash common.Hash, canon []byte) {
	took, offered, err := cn.host.Push(s.ctx, st, hash, canon)
	if offered == 0 && err != nil {
		fmt.Fprintf(s.info, "warning: %v\n", err)
		return
	}
	fmt.Fprintf(s.info, "Spec sent to %d of %d provider node(s)\n", len(took), offered)
	if err != nil {
		s.log.Info("spec push refused or failed", "err", err)
	}
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
func (s *session) follow(st *onchain.Settlement, id settlement.JobID, from uint64, untilAccepted bool, onCommitted func(settlement.Job) error) (settlement.Job, followed, error) {
	var seen followed
	job, err := jobclient.Follow(s.ctx, st, s.client, id, jobclient.FollowConfig{
		UntilAccepted: untilAccepted,
		Events:        st,
		From:          settlement.Cursor{Block: from},
		OnStep: func(step jobclient.Step) error {
			seen.panel = step.Panel
			if step.Payout != nil {
				seen.payout = step.Payout
			}
			fmt.Fprintf(s.info, "  job %d: %s\n", id, s.stepLine(step))
			if step.Kind == jobclient.StepResult && onCommitted != nil {
				return onCommitted(step.Job)
			}
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
		return c, nil, fmt.Errorf("job %d: the committed result %s holds %s but is not a valid failure record; nothing was written. Dispute it within the challenge window with 'brine job challenge %d': %w",
			job.ID, c, jobspec.FailureRecordPath, job.ID, err)
	}
	if err := results.Unpack(data, dir, results.Limits{}); err != nil {
		return c, nil, fmt.Errorf("job %d: writing the result into %s: %w", job.ID, dir, err)
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
	if errors.Is(err, node.ErrResultMismatch) && job.Replicas > 1 {
		// A replicated job has no single provider: its replicas' nodes were asked first, then
		// the other providers', and none served the majority's result (one at least served
		// other bytes; the error says which).
		return c, nil, fmt.Errorf("job %d: no node served a result matching the replicas' on-chain commitment %s (%s were asked first, then the other providers'), and at least one served other bytes; nothing was written. Dispute it within the challenge window with 'brine job challenge %d': %w",
			job.ID, c, jobclient.ResultHolders(s.ctx, st, job), job.ID, err)
	}
	if errors.Is(err, node.ErrResultMismatch) {
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
