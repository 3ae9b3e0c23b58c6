// Package node is Brine's provider daemon (`brine node run`): it composes the chain watcher
// (node/watch), the state store (node/store), the executors (node/executor), the result
// store (package results) and the libp2p host (p2p) around a Chain acting as the provider's
// account: the roles of a settlement backend the node plays (chain.go; settlement/onchain's
// Managed plays them all).
//
// # Start and stop
//
// Start opens the store (binding the data directory to the deployment), the result store,
// starts the libp2p host (a listen address of port 0 gets the port it was bound to at the
// last start, kept in <datadir>/node/listen.json, unless another process holds it: then a
// new one, logged; addrs.go), publishes the node's peer ID and addresses as the provider's
// registration metadata ({"peer": ..., "addrs": [...]}, providers.Metadata) when they
// changed, and starts the watcher. A step that fails undoes the ones before it. Stop stops
// taking jobs, lets running ones finish within GracePeriod, cancels the rest (their records go
// back to Accepted with the reason, so the next start runs them again) and stops everything in
// reverse order.
//
// # The job loop
//
// The watcher hands every market event (at the confirmation depth) to the handler, which only
// records: a JobPosted creates a record in state Seen (role provider for a single-replica job,
// replica for N>1); another provider's JobAccepted abandons ours, as does the last seat of a
// replicated job going to another provider before ours was sent; ReplicasResolved settles a
// replica; JobFinalized, JobTimedOut, JobReclaimed and an upheld challenge end it. Workers (one per job at a time) take the steps, each a conditional
// transition of the store, so that a crash at any point and a restart resume every job
// exactly once:
//
//	Seen       fetch the spec (pushed earlier, else from the peers that pushed it and the
//	           other providers' nodes), check it against the hash (jobspec.ParseCanonical),
//	           check the policy and the on-chain terms (refused: Abandoned with the reason,
//	           never executed), fetch the wasm module and CID inputs, then
//	Accepting  accept on chain (after a restart: the job's provider on chain says whether the
//	           accept landed; otherwise it is resent under the same idempotency ID)
//	Accepted   run: inputs placed, docker images prepared before the clock, the executor run
//	Running    (a record found Running after a restart is run again)
//	Executed   the outputs packaged (package results) and stored; ResultCID set
//	Committing commit the CID bytes on chain (the same recovery rule as accepting)
//	Committed  the result is served over /brine/result; once the challenge window has
//	           closed, the ticker finalizes the due jobs in batches (Finalizing → Done) and
//	           withdraws the credited balance above WithdrawThreshold.
//
// Tick (after every poll) resumes live records and settles due jobs. A challenge that fails
// (rejected or inconclusive) clears the job: it is finalized at once instead of at the end of
// its challenge window.
//
// # Replicated jobs
//
// A job of N>1 replicas is taken up to Policy.MaxReplicas (default 9, every job: replicas are
// how a client buys redundancy, and a seat costs the node one run and one job's collateral;
// Policy.MinPayment is weighed against the seat's share, payment / N). The node takes one
// seat, runs the job, and sits on the replicas' commit-reveal round (docs/protocol.md,
// "Replicated jobs"), each step a conditional transition:
//
//	Seen       as above, and the seats must not all be taken already (then Abandoned)
//	Accepting  take the next seat; after a restart the panel on chain says whether the accept
//	           landed. A node never holds two seats of a job: it looks before sending, a
//	           resend carries the same idempotency ID, and the market refuses a second seat
//	Accepted   run as above (Running → Executed)
//	Executed   wait until every seat is taken (still short at accept-by: the node reclaims the
//	           job, which refunds the client and unlocks every seat's collateral, and lets it
//	           go); a fresh salt is stored with the CID (→ Committing) before CommitReplica is
//	Committing sent, so a restart resends the same commitment and can always reveal it
//	Committed  once every replica committed or the result deadline passed: RevealReplica
//	Revealing  (→ Revealed)
//	Revealed   once every replica revealed or the reveal window closed: ResolveReplicas (the
//	           first resolver wins, the others find the round resolved)
//	Finalizing our result in the majority: WindowEnds is set to the end of the challenge
//	           window and the ticker finalizes it with the provider jobs (→ Done); each
//	           majority replica is credited payment / N less the fee
//
// Outvoted (our revealed result lost to a majority's), the market keeps our collateral locked
// until the job ends and the node contests: it challenges the committed result (it ran the
// job, so it knows the majority is wrong) and appeals a Rejected first verdict (appeal.go); the
// record, marked Outvoted in Finalizing, ends Done when a challenge is upheld (collateral
// unlocked) and Failed when the job finalizes (collateral slashed to the client). Silent, the
// record ends Failed (the market slashed the collateral to the client); without a majority it
// ends Failed too (the client was refunded; a replica that revealed has its collateral back). The result is served over /brine/result like a single
// result, and providers.FetchJobResult (p2p/providers) asks the replicas' nodes for it. The
// commit and reveal steps are the verifiers' (panel.go).
//
// # Taking turns at permissionless steps
//
// Drawing a challenge's verifiers, resolving a challenge or a replicas' round, reclaiming a
// replicated job short of seats and finalizing a replicated job are anyone's to send, and
// every node that sees one due would send it in the same block: one does the step, the
// others revert and pay for it. The candidates (the active providers but the challenged one
// for a draw, the panel for the rest) take turns instead (stagger.go): ordered by
// keccak256(job ‖ address), each waits its turn × Config.StepDelay (default 3s; capped at a
// few turns and at half the time left before the step's deadline) and reads the chain again
// before it sends, so the first candidate sends at once and a later one only if the earlier
// ones did not. The last seats of a replicated job are taken the same way with shorter turns
// (the first ones by turn order accept at once); a single-replica job's accept is first come,
// first served.
//
// # Modules and CID inputs
//
// A wasm job names its module by CID (CIDv1, raw, sha2-256: the same form as a result), and a
// job's CID inputs are earlier results. Both travel over /brine/result: the node looks in its
// own result store, then asks the peers that pushed the job's spec (the client serves its
// module from its own host while it waits for the job) and the other providers' nodes (which
// hold the results they computed). Everything is checked against its CID on arrival and kept
// in the result store, so a verifier or a later job finds it locally. A CID input may select
// a path inside its result (jobspec.Input.Select, a pipeline's `from: step:path` or one
// entry of a fan-out): the result is unpacked aside and only that file or directory is moved
// to the input's path. A pipeline's client serves every result it verified, and it pushed
// the spec, so it is asked first: a pipeline goes on when its upstream provider's node is gone.
//
// # Failed jobs
//
// A job that fails by its own fault (a non-zero exit or crash, its memory or time limit, the
// log limit, outputs missing, unsafe or too large, a wasm module that cannot be a job) gets a
// failure record as its result (failrecord.go, results.FailureRecord): the provider
// commits its CID and is paid at finalize like any result, replicas commit-reveal it,
// verifiers re-run the job and vote on it by CID (docs/protocol.md, "Failure records"). The
// record holds only what every honest node reproduces; the node's own record keeps the
// executor's full words (JobRecord.Failure), served over /brine/status and shown by
// `brine job status`. The executor's reason, the node's log and the record agree on the
// cause (an output missing, unsafe or too large each has its own), and any path or message a
// reason quotes is cut to executor.MaxQuoted bytes.
//
// Every run's directory (<datadir>/jobs/<id>) is removed when the run ends, however it
// ended; at start the node removes those of jobs that ended or that its store does not know
// (jobdir.go).
//
// A failure that is not the program's (an image that could not be pulled, the node's own
// caps, the engine refusing the container) commits nothing: the job is recorded Failed with
// the reason, and the client claims the timeout after the result deadline and gets its
// payment back with the provider's collateral. The node's policy (engines, images,
// resources, price) is what keeps it from accepting jobs it cannot run. Infrastructure
// trouble is retried (at most 3 runs).
//
// # Verifier duty
//
// A challenge opened on another provider's job is recorded as a pending draw in the store
// (store.PutDraw: the watcher does not replay the event after a restart, so a draw kept in
// memory would be lost); once the chain head is past the challenge's anchor block the node
// draws the verifiers (the first draw wins, the others find it done) and forgets the pending
// draw. When the draw seats the node's account, it records the duty (role verifier,
// replacing a provider record it abandoned for the same job, store.Recast) and the worker
// takes the verifier's steps, each a conditional transition:
//
//	Seen       fetch the spec, check that the node's policy runs it, fetch the module and CID
//	           inputs as a provider does, then Accepted (a verifier's duty does not depend on
//	           the node's price policy)
//	Accepted   re-execute with the same executor (Running → Executed: the result's CID)
//	Executed   a fresh salt is stored with the CID (→ Committing) before CommitVote is sent,
//	Committing so a restart resends the same commitment and can always reveal it
//	Committed  once every verifier committed or the commit window closed: RevealVote
//	Revealing  (→ Revealed)
//	Revealed   once every verifier revealed or the reveal window closed: ResolveChallenge
//	           (a first panel's decisive verdict waits out its appeal window: TooEarly, retried)
//	Finalizing (→ Done; a challenge someone else resolved counts as done)
//
// # Appeals (appeal.go)
//
// When the first panel upholds a challenge against a result of the node's (as provider, or a
// replica in the job's majority), the node appeals to the final panel at its next tick,
// depositing the appeal bond: it computed the result, so the verdict is wrong. The watch is
// in memory and rebuilt from the store at the first tick after a start. When an appeal opens
// (by anyone), a verifier record of the node for the first panel ends and the final panel's
// draw is recorded as pending like the first; a node drawn again, to the final panel, gets a
// new verifier record (store.Recast) and takes the steps above.
//
// A drawn verifier whose policy does not run the job (an engine without executor or not in
// Policy.Engines, an image outside AllowedImages, network, resources over the caps) does not
// vote: it logs an error and ends the duty Failed with the reason. The protocol has no way to
// decline a draw, so the market slashes its verifier collateral as a silent verifier's when
// the reveal window closes. Running a job the operator excluded is not the answer: the caps
// are what the machine can run, and they are the executor's limits too, so such a run would
// fail (no vote) or produce a result that is not the job's.
//
// A node whose Chain declines the duty (DutyDecliner: a dishonest test or demo node) takes no
// verifier duty and does not draw.
//
// # Dishonest modes and the client's recourse
//
// For tests and the demo a node can lie: node/dishonest wraps its Chain, executors and result
// source before New (the job loop has no branch for it; a withheld step ends the job with the
// reason its *Withheld carries). "wrong-result" commits and serves altered outputs (the
// client challenges; verifiers uphold it and the provider is slashed);
// "never-commit" accepts, runs and withholds the result (the client claims the timeout: payment
// plus the provider's collateral); "commit-and-vanish" commits the right result, then serves
// it to no one and never finalizes. Against the last the protocol offers only a challenge:
// the drawn verifiers re-execute the job and hold the result, which
// providers.FetchJobResultAnywhere then fetches from their nodes (verified against the
// on-chain CID), but the challenge is rejected, because the committed result is right, and
// the client loses its bond to the provider and the verifiers. The market does not enforce that a result is served; anyone
// may finalize the cleared job, so the payment is not stranded (TestCommitAndVanish).
//
// # Uptime rewards
//
// The node answers probers' probes (p2p). Claiming its uptime rewards is not the node's
// job: incentives/claimer does it, a service `brine node run` starts beside the node
// (--auto-claim), fetching trees over the node's libp2p host (docs/incentives.md, "Claiming").
//
// # Not yet
//
// A provider cannot opt out of verifier draws for engines or sizes it does not run (a
// protocol change: the registry would need to know what a provider runs). A replicated job
// whose majority result is challenged is settled by the market; the replicas take no part
// in the challenge beyond finalizing a cleared job.
package node
