package cli

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
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

// checkModule checks that the --module file (path, read as module) is the spec's module, in
// the command's words (the submission serves it).
func checkModule(spec *jobspec.Spec, path string, module []byte) error {
	if spec.Engine != jobspec.EngineWasm {
		return badInput("--module: the spec's engine is %s, not wasm", spec.Engine)
	}
	if got := results.CIDOf(module); got.String() != spec.Module {
		return badInput("--module %s has CID %s, but the spec names module %s: name that CID in the spec, or leave its module empty for --module to fill", path, got, spec.Module)
	}
	return nil
}

// reofferEvery is how often a posted job that waits for providers is offered again to the
// nodes that did not take its spec: a node that was down or restarting when the job was
// posted takes it when it is back, within the accept window.
const reofferEvery = 10 * time.Second

// offerLines prints what changed in the nodes' answers to an offer of the spec; said is each
// node's last answer, as printed.
func (s *session) offerLines(said map[common.Address]string, report providers.PushReport) {
	for _, r := range report {
		line := "took the spec"
		switch {
		case r.Refused():
			line = "refused the spec: " + r.Reason()
		case r.Err != nil:
			line = "did not answer: " + r.Reason()
		}
		if said[r.Account] != line {
			fmt.Fprintf(s.info, "  node of provider %s: %s\n", r.Account.Hex(), line)
			said[r.Account] = line
		}
	}
}

// shortOffer says why too few nodes took the spec.
func shortOffer(o *jobclient.Offer, said map[common.Address]string) string {
	switch {
	case len(said) == 0:
		return "no active provider publishes a node address, so no node could take the spec"
	case o.Need > 1 && len(o.Took) > 0:
		return fmt.Sprintf("only %d of the %d provider nodes this %d-replica job needs took the spec", len(o.Took), o.Need, o.Need)
	}
	return "no provider node took the spec"
}

// notTaken refuses (exit 2) a spec too few nodes took, before any money moves: posting it
// would only lock the payment until accept-by.
func notTaken(o *jobclient.Offer, said map[common.Address]string) error {
	var why []string
	for _, r := range o.Last {
		if r.Err != nil {
			why = append(why, fmt.Sprintf("%s: %s", r.Account.Hex(), said[r.Account]))
		}
	}
	msg := shortOffer(o, said) + ", so nothing was posted and no money moved"
	if len(why) > 0 {
		msg += " (" + strings.Join(why, "; ") + ")"
	}
	return badInput("%s. Change the spec where a node says why it refused it, wait for a node and run this again, or pass --post-anyway to post it now (this command then keeps offering it until a node takes it or accept-by passes)", msg)
}

// followErr is the message of a followed job whose deadline passed with nobody left to act
// but the client (exit 2: the client's move); other errors are returned as they are. panel
// is the job's replica panel as last followed.
func followErr(job settlement.Job, panel settlement.Panel, err error) error {
	id, n, seats := job.ID, int(job.Replicas), len(panel.Members)
	switch {
	case errors.Is(err, jobclient.ErrNotAccepted) && n > 1 && seats > 0:
		return badInput("job %d: only %d of its %d replica seats were taken by %s, so it cannot run; 'brine job reclaim %d' refunds the payment (the seat holders' nodes reclaim it too)",
			id, seats, n, fmtTime(job.AcceptBy), id)
	case errors.Is(err, jobclient.ErrNotAccepted):
		return badInput("job %d: no provider accepted it by %s: reclaim the payment with 'brine job reclaim %d'", id, fmtTime(job.AcceptBy), id)
	case errors.Is(err, jobclient.ErrNoResult) && n > 1:
		what := fmt.Sprintf("none of its %d replicas committed a result by %s", n, fmtTime(panel.CommitBy))
		if panel.Committed > 0 {
			what = fmt.Sprintf("none of its %d replicas revealed a result by %s", n, fmtTime(panel.RevealBy))
		}
		return badInput("job %d: %s; once the reveal window closed (%s), 'brine job resolve %d' refunds the payment with the silent replicas' collateral",
			id, what, fmtTime(panel.RevealBy), id)
	case errors.Is(err, jobclient.ErrNoResult):
		return badInput("job %d: the provider committed no result by %s: 'brine job claim-timeout %d' refunds it with the provider's collateral", id, fmtTime(job.ResultBy), id)
	}
	return err
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
	case jobclient.StepAppealed:
		return fmt.Sprintf("the verdict was appealed by %s: a final panel of verifiers votes", step.Account.Hex())
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
// is written too (dir/brine-failure.json), said so, and returned. The result goes into the
// client's store as it arrives and is unpacked from its file there (a result of any size
// never passes through memory whole); only one the store has no room for is fetched into
// memory.
func (s *session) downloadResult(cn *clientNet, st *onchain.Settlement, job settlement.Job, dir string) (cid.Cid, *results.FailureRecord, error) {
	in, err := cn.blobs.Incoming()
	if err != nil {
		return cid.Undef, nil, err
	}
	defer in.Discard()
	c, from, err := cn.host.FetchAnywhereTo(s.ctx, st, job, maxResult, in)
	if errors.Is(err, results.ErrStoreFull) {
		s.log.Warn("the client's result store is full: fetching the result into memory", "err", err)
		data, c, from, err := cn.host.FetchAnywhere(s.ctx, st, job, maxResult)
		if err != nil {
			return c, nil, s.fetchErr(st, job, err)
		}
		return s.keepResult(job, from, c, bytes.NewReader(data), int64(len(data)), dir)
	}
	if err != nil {
		return c, nil, s.fetchErr(st, job, err)
	}
	if err := in.Commit(c); err != nil {
		return c, nil, fmt.Errorf("job %d: keeping result %s in the client's store: %w", job.ID, c, err)
	}
	f, size, err := cn.blobs.OpenFile(c)
	if err != nil {
		return c, nil, fmt.Errorf("job %d: reading result %s back from the client's store: %w", job.ID, c, err)
	}
	defer f.Close()
	return s.keepResult(job, from, c, f, size, dir)
}

// maxResult bounds a result's download.
const maxResult = 1 << 30

// fetchErr is the message of a failed fetch of job's result.
func (s *session) fetchErr(r jobclient.PanelReader, job settlement.Job, err error) error {
	c, perr := results.ParseCommitment(job.ResultCID)
	if perr != nil {
		c = cid.Undef
	}
	if errors.Is(err, providers.ErrResultMismatch) && job.Replicas > 1 {
		// A replicated job has no single provider: its replicas' nodes were asked first, then
		// the other providers', and none served the majority's result (one at least served
		// other bytes; the error says which).
		return fmt.Errorf("job %d: no node served a result matching the replicas' on-chain commitment %s (%s were asked first, then the other providers'), and at least one served other bytes; nothing was written. Dispute it within the challenge window with 'brine job challenge %d': %w",
			job.ID, c, jobclient.ResultHolders(s.ctx, r, job), job.ID, err)
	}
	if errors.Is(err, providers.ErrResultMismatch) {
		return fmt.Errorf("job %d: the result served by provider %s does NOT match its on-chain commitment %s; nothing was written. Dispute it within the challenge window with 'brine job challenge %d': %w",
			job.ID, job.Provider.Hex(), c, job.ID, err)
	}
	return fmt.Errorf("job %d: %w", job.ID, err)
}

// keepResult says whose node (from) served a verified result c, the size bytes of archive,
// and unpacks it into dir.
func (s *session) keepResult(job settlement.Job, from common.Address, c cid.Cid, archive io.ReadSeeker, size int64, dir string) (cid.Cid, *results.FailureRecord, error) {
	switch from {
	case job.Provider:
		if from != (common.Address{}) {
			fmt.Fprintf(s.info, "Result %s served by provider %s's node\n", c, from.Hex())
		}
	default:
		fmt.Fprintf(s.info, "Provider %s's node did not serve result %s; provider %s's node did (a verifier of a challenge, or another node that computed it)\n",
			job.Provider.Hex(), c, from.Hex())
	}
	rec, failed, err := results.ReadFailureFrom(archive, size)
	if err != nil {
		return c, nil, fmt.Errorf("job %d: the committed result %s holds %s but is not a valid failure record; nothing was written. Dispute it within the challenge window with 'brine job challenge %d': %w: %w",
			job.ID, c, jobspec.FailureRecordPath, job.ID, errBadResult, err)
	}
	if _, err := archive.Seek(0, io.SeekStart); err != nil {
		return c, nil, fmt.Errorf("job %d: reading the result again: %w", job.ID, err)
	}
	if err := results.UnpackFrom(archive, dir, results.Limits{}); err != nil {
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

// errBadResult: a verified result could not be written into the output directory, or is not
// what it claims to be (a malformed failure record). Trying again changes nothing.
var errBadResult = errors.New("the result cannot be written")
