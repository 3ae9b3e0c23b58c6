package demo

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// sceneSettled: a job runs and settles.
func (r *show) sceneSettled(ctx context.Context) error {
	r.setScene(ctx, "1 settle")
	r.story.heading("Scene 1: a job runs and settles")
	ada := r.providers[0]
	name := "brine"
	spec, err := r.jobSpec(name, terms{payment: "2", collateral: "4", replicas: 1, acceptWithin: 30 * time.Second, runWithin: time.Minute, window: 4 * time.Second})
	if err != nil {
		return err
	}
	job, took, err := r.post(ctx, spec)
	if err != nil {
		return err
	}
	sc := &r.report.Settled
	sc.Job, sc.Payment = uint64(job.ID), job.Payment
	r.story.say("client posts job %d: greet %q (%s), paying %s, collateral %s; spec pushed to %d nodes over libp2p",
		job.ID, name, r.engine, r.fmt(job.Payment), r.fmt(job.Collateral), took)
	j, err := r.waitJob(ctx, job.ID, fmt.Sprintf("a provider to accept job %d", job.ID), 45*time.Second, atLeast(settlement.StatusAccepted))
	if err != nil {
		return err
	}
	sc.Provider = j.Provider
	if j.Provider != ada.addr {
		return fmt.Errorf("demo: job %d was accepted by %s, not ada", job.ID, r.nameOf(j.Provider))
	}
	r.story.say("%s's node accepts job %d, locking %s of its stake as collateral; it runs the job", ada.name, job.ID, r.fmt(j.Collateral))
	j, err = r.waitJob(ctx, job.ID, fmt.Sprintf("%s to commit job %d's result", ada.name, job.ID), 60*time.Second, atLeast(settlement.StatusCommitted))
	if err != nil {
		return err
	}
	sc.ResultCID = cidText(j.ResultCID)
	r.story.say("%s commits the result's CID on chain: %s", ada.name, sc.ResultCID)
	out, got, err := r.fetch(ctx, j, ada.addr)
	if err != nil {
		return err
	}
	sc.Verified, sc.Output = got == sc.ResultCID, out
	r.story.say("client downloads the result from %s's node over libp2p and verifies it: CID %s matches the commitment",
		ada.name, got)
	r.story.note("greeting.txt: %q", out)
	j, err = r.waitJob(ctx, job.ID, fmt.Sprintf("the %s challenge window, then %s's node to finalize", j.ChallengeWindow, ada.name),
		60*time.Second, atLeast(settlement.StatusFinalized))
	if err != nil {
		return err
	}
	sc.Status = j.Status.String()
	evs, err := r.events(ctx, job.ID, settlement.EventJobFinalized)
	if err != nil || len(evs) != 1 {
		return fmt.Errorf("demo: job %d's JobFinalized event: %d found (%v)", job.ID, len(evs), err)
	}
	sc.Paid, sc.Fee = evs[0].Amount, evs[0].Fee
	r.story.say("the challenge window closes unchallenged; %s's node finalizes job %d: %s credited %s (payment less the %s fee), treasury %s",
		ada.name, job.ID, ada.name, r.fmt(sc.Paid), bpsText(j.FeeBps), r.fmt(sc.Fee))
	return nil
}

// sceneChallenged: a lying provider is challenged, out-voted and slashed.
func (r *show) sceneChallenged(ctx context.Context) error {
	r.setScene(ctx, "2 challenge")
	r.story.heading("Scene 2: a lying provider is challenged, out-voted and slashed")
	mallory := r.providers[3]
	sc := &r.report.Challenged
	sc.Liar = mallory.addr
	var err error
	if sc.StakeBefore, err = r.stakeOf(ctx, mallory.addr); err != nil {
		return err
	}
	name := "mallory's client"
	sc.Expected = expected(name)
	spec, err := r.jobSpec(name, terms{payment: "3", collateral: "8", replicas: 1, acceptWithin: 30 * time.Second, runWithin: time.Minute, window: 20 * time.Second})
	if err != nil {
		return err
	}
	job, _, err := r.post(ctx, spec)
	if err != nil {
		return err
	}
	sc.Job, sc.Collateral = uint64(job.ID), job.Collateral
	r.story.say("client posts job %d paying %s with collateral %s: only mallory's policy takes it (mallory's stake: %s)",
		job.ID, r.fmt(job.Payment), r.fmt(job.Collateral), r.fmt(sc.StakeBefore))
	j, err := r.waitJob(ctx, job.ID, fmt.Sprintf("mallory to commit job %d", job.ID), 60*time.Second, atLeast(settlement.StatusCommitted))
	if err != nil {
		return err
	}
	if j.Provider != mallory.addr {
		return fmt.Errorf("demo: job %d was taken by %s, not mallory", job.ID, r.nameOf(j.Provider))
	}
	sc.ResultCID = cidText(j.ResultCID)
	r.story.say("mallory accepts job %d, runs it, alters the output and commits %s", job.ID, sc.ResultCID)
	out, _, err := r.fetch(ctx, j, mallory.addr)
	if err != nil {
		return err
	}
	sc.Output = out
	if out == sc.Expected {
		return fmt.Errorf("demo: mallory's result is the right one (%q): the dishonest node did not lie", out)
	}
	r.story.say("client downloads it: the bytes match mallory's commitment, but not what the job computes:")
	r.story.note("greeting.txt: %q, expected %q", out, sc.Expected)
	creditBefore, err := r.client.acct.Balance(ctx, r.client.addr)
	if err != nil {
		return err
	}
	if err := r.client.acct.Challenge(ctx, job.ID); err != nil {
		return fmt.Errorf("demo: challenging job %d: %w", job.ID, err)
	}
	opened, err := r.events(ctx, job.ID, settlement.EventChallengeOpened)
	if err != nil || len(opened) != 1 {
		return fmt.Errorf("demo: job %d's ChallengeOpened event: %d found (%v)", job.ID, len(opened), err)
	}
	sc.Bond = opened[0].Amount
	r.story.say("client challenges job %d inside its %s window, with a bond of %s; the draw waits for the next block's hash",
		job.ID, j.ChallengeWindow, r.fmt(sc.Bond))
	drawn, err := r.waitEvents(ctx, job.ID, settlement.EventVerifiersDrawn, 1, "a node to draw the verifiers", 30*time.Second, nil)
	if err != nil {
		return err
	}
	sc.Verifiers = drawn[0].Verifiers
	k := len(sc.Verifiers)
	noun := "verifiers"
	if k == 1 {
		noun = "verifier"
	}
	r.story.say("%s's node draws %d %s from the other providers: %s (each locks %s)", r.sender(ctx, drawn[0].TxHash), k, noun,
		r.names(sc.Verifiers), r.amountText(r.params.Market.VerifierCollateral))
	verifierVote := func(ev settlement.Event) bool { return ev.Panel == settlement.PanelVerifiers }
	if _, err := r.waitEvents(ctx, job.ID, settlement.EventPanelCommitted, k, "the verifiers to re-execute and commit sealed votes", 60*time.Second, verifierVote); err != nil {
		return err
	}
	r.story.say("each verifier re-executes the job and commits a sealed vote (a salted hash of its result): %d/%d", k, k)
	reveals, err := r.waitEvents(ctx, job.ID, settlement.EventPanelRevealed, k, "the verifiers to reveal", 60*time.Second, verifierVote)
	if err != nil {
		return err
	}
	r.story.say("the verifiers reveal: %s", r.reveals(reveals))
	resolved, err := r.waitEvents(ctx, job.ID, settlement.EventChallengeResolved, 1, "the challenge to be resolved", 60*time.Second, nil)
	if err != nil {
		return err
	}
	res := resolved[0]
	sc.Outcome, sc.Agree, sc.Disagree = res.Outcome.String(), res.Agree, res.Disagree
	if sc.StakeAfter, err = r.stakeOf(ctx, mallory.addr); err != nil {
		return err
	}
	creditAfter, err := r.client.acct.Balance(ctx, r.client.addr)
	if err != nil {
		return err
	}
	sc.ClientCredited = sub(creditAfter, creditBefore)
	if k > 0 {
		sc.VerifierReward = new(big.Int).Quo(bps(job.Collateral, r.params.Market.VerifierRewardBps), big.NewInt(int64(k)))
	}
	if j, err = r.client.acct.Job(ctx, job.ID); err != nil {
		return err
	}
	sc.Status = j.Status.String()
	r.story.say("%s's node resolves the challenge: %s, %d agree with mallory, %d disagree", r.sender(ctx, res.TxHash), sc.Outcome, sc.Agree, sc.Disagree)
	r.story.say("mallory is slashed: stake %s -> %s (its collateral of %s)", r.fmt(sc.StakeBefore), r.fmt(sc.StakeAfter), r.fmt(sub(sc.StakeBefore, sc.StakeAfter)))
	r.story.note("client credited %s: the payment back, its bond back and %s of the collateral;",
		r.fmt(sc.ClientCredited), bpsText(r.params.Market.ChallengerRewardBps))
	r.story.note("each disagreeing verifier %s (%s of the collateral, split); the treasury the rest",
		r.fmt(sc.VerifierReward), bpsText(r.params.Market.VerifierRewardBps))
	return nil
}

// sceneTimedOut: a provider accepts and never commits; the client claims the timeout.
func (r *show) sceneTimedOut(ctx context.Context) error {
	r.setScene(ctx, "3 timeout")
	r.story.heading("Scene 3: a job times out and the client is refunded")
	mallory := r.providers[3]
	if err := r.stopNode(mallory); err != nil {
		return err
	}
	if err := r.startNode(ctx, mallory, dishonest.NeverCommit); err != nil {
		return err
	}
	r.story.say("mallory's node restarts (same data directory and address) as one that accepts jobs and never commits")
	sc := &r.report.TimedOut
	var err error
	if sc.StakeBefore, err = r.stakeOf(ctx, mallory.addr); err != nil {
		return err
	}
	spec, err := r.jobSpec("nobody", terms{payment: "3", collateral: "8", replicas: 1, acceptWithin: 6 * time.Second, runWithin: 2 * time.Second, window: 4 * time.Second})
	if err != nil {
		return err
	}
	job, _, err := r.post(ctx, spec)
	if err != nil {
		return err
	}
	sc.Job, sc.Payment, sc.Collateral = uint64(job.ID), job.Payment, job.Collateral
	r.story.say("client posts job %d paying %s, collateral %s, result due by %s (chain time)",
		job.ID, r.fmt(job.Payment), r.fmt(job.Collateral), job.ResultBy.UTC().Format(time.TimeOnly))
	j, err := r.waitJob(ctx, job.ID, fmt.Sprintf("mallory to accept job %d", job.ID), 30*time.Second, atLeast(settlement.StatusAccepted))
	if err != nil {
		return err
	}
	sc.Provider = j.Provider
	if j.Provider != mallory.addr {
		return fmt.Errorf("demo: job %d was taken by %s, not mallory", job.ID, r.nameOf(j.Provider))
	}
	r.story.say("mallory accepts job %d (locking %s) and runs it, but never commits a result", job.ID, r.fmt(j.Collateral))
	err = r.story.wait(ctx, "the result deadline to pass on chain", 40*time.Second, func(ctx context.Context) (bool, string, error) {
		h, err := r.eth.HeaderByNumber(ctx, nil)
		if err != nil {
			return false, "", err
		}
		now := time.Unix(int64(h.Time), 0)
		j, err := r.client.acct.Job(ctx, job.ID)
		if err != nil {
			return false, "", err
		}
		if j.Status != settlement.StatusAccepted {
			return false, "", fmt.Errorf("job %d is %s", job.ID, j.Status)
		}
		return now.After(job.ResultBy), fmt.Sprintf("chain time %s, job %s", now.UTC().Format(time.TimeOnly), j.Status), nil
	})
	if err != nil {
		return err
	}
	creditBefore, err := r.client.acct.Balance(ctx, r.client.addr)
	if err != nil {
		return err
	}
	// The head block is past the deadline, so the next block is too; a lagging view of the
	// head can still make the pre-check say too early once.
	err = r.story.wait(ctx, "the timeout claim", 20*time.Second, func(ctx context.Context) (bool, string, error) {
		err := r.client.acct.ClaimTimeout(ctx, job.ID)
		if errors.Is(err, settlement.ErrTooEarly) {
			return false, "too early", nil
		}
		return err == nil, "", err
	})
	if err != nil {
		return err
	}
	evs, err := r.events(ctx, job.ID, settlement.EventJobTimedOut)
	if err != nil || len(evs) != 1 {
		return fmt.Errorf("demo: job %d's JobTimedOut event: %d found (%v)", job.ID, len(evs), err)
	}
	creditAfter, err := r.client.acct.Balance(ctx, r.client.addr)
	if err != nil {
		return err
	}
	sc.Refund, sc.Slashed = sub(creditAfter, creditBefore), evs[0].Slashed
	if sc.StakeAfter, err = r.stakeOf(ctx, mallory.addr); err != nil {
		return err
	}
	if j, err = r.client.acct.Job(ctx, job.ID); err != nil {
		return err
	}
	sc.Status = j.Status.String()
	r.story.say("client claims the timeout: job %d is %s; client credited %s (payment %s + mallory's collateral %s)",
		job.ID, sc.Status, r.fmt(sc.Refund), r.fmt(sc.Payment), r.fmt(sc.Collateral))
	r.story.say("mallory's stake %s -> %s", r.fmt(sc.StakeBefore), r.fmt(sc.StakeAfter))

	// Mallory behaves from now on: it answers probes in scene 6 like the others.
	if err := r.stopNode(mallory); err != nil {
		return err
	}
	if err := r.startNode(ctx, mallory, dishonest.Honest); err != nil {
		return err
	}
	r.story.say("mallory's node restarts as an honest node (its price and single-replica policy keep it out of scenes 4 and 5)")
	return nil
}

// sceneFailed: the client's program fails; the provider commits a failure record as the
// job's result and is paid for it like any result (docs/protocol.md, "Failure records").
func (r *show) sceneFailed(ctx context.Context) error {
	r.setScene(ctx, "4 failure")
	r.story.heading("Scene 4: the client's program fails; the provider is paid for its failure record")
	ada := r.providers[0]
	sc := &r.report.Failed
	spec, err := r.jobSpec("", terms{payment: "2", collateral: "4", replicas: 1, acceptWithin: 30 * time.Second, runWithin: time.Minute, window: 4 * time.Second})
	if err != nil {
		return err
	}
	job, _, err := r.post(ctx, spec)
	if err != nil {
		return err
	}
	sc.Job, sc.Payment = uint64(job.ID), job.Payment
	r.story.say("client posts job %d, paying %s, but forgets its input name.txt: the program cannot read it and fails", job.ID, r.fmt(job.Payment))
	j, err := r.waitJob(ctx, job.ID, fmt.Sprintf("a provider to commit job %d's result", job.ID), 60*time.Second, atLeast(settlement.StatusCommitted))
	if err != nil {
		return err
	}
	sc.Provider = j.Provider
	if j.Provider != ada.addr {
		return fmt.Errorf("demo: job %d was taken by %s, not ada", job.ID, r.nameOf(j.Provider))
	}
	sc.ResultCID = cidText(j.ResultCID)
	r.story.say("%s's node runs it; the program fails by its own fault, so %s commits a failure record as the result: %s", ada.name, ada.name, sc.ResultCID)
	data, got, err := r.client.host.Fetch(ctx, r.client.acct, j, 1<<20)
	if err != nil {
		return fmt.Errorf("demo: downloading job %d's result: %w", job.ID, err)
	}
	rec, ok, err := results.ReadFailure(data)
	if err != nil || !ok {
		return fmt.Errorf("demo: job %d's result is not a failure record (%v)", job.ID, err)
	}
	sc.Verified, sc.Record = got.String() == sc.ResultCID, rec.String()
	r.story.say("client downloads it and verifies it against the commitment: the job failed by its own program: %s", sc.Record)
	if st, err := providers.FetchJobStatus(ctx, r.client.host.P2P(), r.client.acct, j); err == nil {
		sc.NodeSays = st.Failure
		r.story.note("%s's node's record: %s", ada.name, strings.SplitN(st.Failure, "\n", 2)[0])
	}
	r.story.note("any verifier that re-ran the job would build the same record, so a challenge of it would be rejected")
	j, err = r.waitJob(ctx, job.ID, fmt.Sprintf("the %s challenge window, then %s's node to finalize", j.ChallengeWindow, ada.name),
		60*time.Second, atLeast(settlement.StatusFinalized))
	if err != nil {
		return err
	}
	sc.Status = j.Status.String()
	evs, err := r.events(ctx, job.ID, settlement.EventJobFinalized)
	if err != nil || len(evs) != 1 {
		return fmt.Errorf("demo: job %d's JobFinalized event: %d found (%v)", job.ID, len(evs), err)
	}
	sc.Paid, sc.Fee = evs[0].Amount, evs[0].Fee
	r.story.say("job %d finalizes like any other: %s credited %s for running it honestly, its collateral unlocked; nothing to time out",
		job.ID, ada.name, r.fmt(sc.Paid))
	return nil
}

// sceneReplicated: a job run by three replicas that agree.
func (r *show) sceneReplicated(ctx context.Context) error {
	r.setScene(ctx, "5 replicas")
	r.story.heading("Scene 5: a replicated job agrees")
	sc := &r.report.Replicated
	if r.replicas < 3 {
		sc.Skipped = "this node build does not take replicated jobs (" + r.noReplica + ")"
		r.story.say("skipped: this node build does not take replicated jobs (%s)", r.noReplica)
		return nil
	}
	const n = 3
	name := "replicas"
	spec, err := r.jobSpec(name, terms{payment: "9", collateral: "6", replicas: n, acceptWithin: 30 * time.Second, runWithin: time.Minute, window: 4 * time.Second})
	if err != nil {
		return err
	}
	job, _, err := r.post(ctx, spec)
	if err != nil {
		return err
	}
	sc.Job, sc.Payment = uint64(job.ID), job.Payment
	r.story.say("client posts job %d for %d replicas paying %s in all, collateral %s each: ada, bob and cy's policies take it",
		job.ID, n, r.fmt(job.Payment), r.fmt(job.Collateral))
	seats, err := r.waitEvents(ctx, job.ID, settlement.EventReplicaAccepted, n, fmt.Sprintf("%d providers to take job %d's seats", n, job.ID), 20*time.Second, nil)
	if err != nil {
		if errors.As(err, new(*errTimeout)) {
			sc.Skipped = "the nodes did not take the replicated job: " + err.Error()
			r.story.say("skipped: this node build does not take replicated jobs (%d of %d seats taken in time)", len(seats), n)
			return nil
		}
		return err
	}
	for _, ev := range seats {
		sc.Replicas = append(sc.Replicas, ev.Account)
	}
	r.story.say("seats taken by %s; each runs the job and commits a sealed result (commit-reveal)", r.names(sc.Replicas))
	replicaVote := func(ev settlement.Event) bool { return ev.Panel == settlement.PanelReplicas }
	if _, err := r.waitEvents(ctx, job.ID, settlement.EventPanelCommitted, n, "the replicas to commit", 60*time.Second, replicaVote); err != nil {
		return err
	}
	reveals, err := r.waitEvents(ctx, job.ID, settlement.EventPanelRevealed, n, "the replicas to reveal", 60*time.Second, replicaVote)
	if err != nil {
		return err
	}
	r.story.say("the replicas reveal: %s", r.reveals(reveals))
	res, err := r.waitEvents(ctx, job.ID, settlement.EventReplicasResolved, 1, "the replicas to be tallied", 60*time.Second, nil)
	if err != nil {
		return err
	}
	sc.Agreed = res[0].Agreed
	j, err := r.client.acct.Job(ctx, job.ID)
	if err != nil {
		return err
	}
	sc.Winners = int(j.Winners)
	if !sc.Agreed {
		sc.Status = j.Status.String()
		return fmt.Errorf("demo: job %d's replicas did not agree (%s)", job.ID, sc.Status)
	}
	sc.ResultCID = cidText(j.ResultCID)
	r.story.say("%s tallies the replicas: %d of %d agree on %s; the job is committed", r.sender(ctx, res[0].TxHash), sc.Winners, n, sc.ResultCID)
	out, got, err := r.fetch(ctx, j, sc.Replicas[0])
	if err != nil {
		return err
	}
	sc.Verified, sc.Output = got == sc.ResultCID, out
	r.story.say("client downloads the result from %s's node and verifies it against the agreed CID: %q", r.nameOf(sc.Replicas[0]), out)
	j, err = r.waitJob(ctx, job.ID, fmt.Sprintf("the %s challenge window, then the finalize", j.ChallengeWindow), 60*time.Second, atLeast(settlement.StatusFinalized))
	if err != nil {
		return err
	}
	sc.Status = j.Status.String()
	evs, err := r.events(ctx, job.ID, settlement.EventJobFinalized)
	if err != nil || len(evs) != 1 {
		return fmt.Errorf("demo: job %d's JobFinalized event: %d found (%v)", job.ID, len(evs), err)
	}
	sc.Fee = evs[0].Fee
	if sc.Winners > 0 {
		sc.PaidEach = new(big.Int).Quo(evs[0].Amount, big.NewInt(int64(sc.Winners)))
	}
	r.story.say("job %d finalizes: each replica credited %s (its third of the payment less the fee), treasury %s",
		job.ID, r.fmt(sc.PaidEach), r.fmt(sc.Fee))
	return nil
}

// reveals groups revealed results: "ada, bob and cy: bafk…".
func (r *show) reveals(evs []settlement.Event) string {
	var order []string
	by := map[string][]common.Address{}
	for _, ev := range evs {
		c := cidText(ev.CID)
		if by[c] == nil {
			order = append(order, c)
		}
		by[c] = append(by[c], ev.Account)
	}
	parts := make([]string, len(order))
	for i, c := range order {
		parts[i] = r.names(by[c]) + ": " + c
	}
	return strings.Join(parts, "; ")
}
