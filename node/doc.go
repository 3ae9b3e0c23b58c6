// Package node is Brine's provider daemon (`brine node run`): it composes the chain watcher
// (node/watch), the state store (node/store), the executors (node/executor), the result
// store (node/results) and the libp2p host (node/p2p) around a settlement.Settlement acting
// as the provider's account.
//
// # Start and stop
//
// Start opens the store (binding the data directory to the deployment), the result store,
// starts the libp2p host, publishes the node's peer ID and addresses as the provider's
// registration metadata ({"peer": ..., "addrs": [...]}, Metadata) when they changed, and
// starts the watcher. A step that fails undoes the ones before it. Stop stops taking jobs,
// lets running ones finish within GracePeriod, cancels the rest (their records go back to
// Accepted with the reason, so the next start runs them again) and stops everything in
// reverse order.
//
// # The job loop
//
// The watcher hands every market event (at the confirmation depth) to the handler, which only
// records: a JobPosted of a single-replica job creates a record in state Seen; another
// provider's JobAccepted abandons ours; JobFinalized, JobTimedOut, JobReclaimed and an upheld
// challenge end it. Workers (one per job at a time) take the steps, each a conditional
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
//	Executed   the outputs packaged (node/results) and stored; ResultCID set
//	Committing commit the CID bytes on chain (the same recovery rule as accepting)
//	Committed  the result is served over /brine/result; once the challenge window has
//	           closed, the ticker finalizes the due jobs in batches (Finalizing → Done) and
//	           withdraws the credited balance above WithdrawThreshold.
//
// Tick (after every poll) resumes live records and settles due jobs.
//
// # Modules and CID inputs
//
// A wasm job names its module by CID (CIDv1, raw, sha2-256: the same form as a result), and a
// job's CID inputs are earlier results. Both travel over /brine/result: the node looks in its
// own result store, then asks the peers that pushed the job's spec (the client serves its
// module from its own host while it waits for the job) and the other providers' nodes (which
// hold the results they computed). Everything is checked against its CID on arrival and kept
// in the result store, so a verifier or a later job finds it locally.
//
// # Failed jobs
//
// A job that fails because of its own spec or program (bad module, pull failure, exit code,
// time or memory limit, outputs too large or unsafe) is recorded Failed with the executor's
// reason and nothing is committed: the protocol has no failure commitment, so the client
// claims the timeout after the result deadline and gets its payment back with the provider's
// collateral. The node's policy (engines, images, resources, price) is what keeps it from
// accepting jobs it cannot run. Infrastructure trouble is retried (at most 3 runs).
//
// # Verifier duty
//
// A challenge opened on another provider's job is remembered (in memory: after a restart the
// node replays no old events, and any other node may draw); once the chain head is past the
// challenge's anchor block the node draws the verifiers (the first draw wins, the others find
// it done). When the draw seats the node's account, it records the duty (role verifier,
// replacing a provider record it abandoned for the same job, store.Recast) and the worker
// takes the verifier's steps, each a conditional transition:
//
//	Seen       fetch the spec, the module and CID inputs as a provider does, then Accepted
//	           (a verifier's duty does not depend on the node's price policy)
//	Accepted   re-execute with the same executor (Running → Executed: the result's CID)
//	Executed   a fresh salt is stored with the CID (→ Committing) before CommitVote is sent,
//	Committing so a restart resends the same commitment and can always reveal it
//	Committed  once every verifier committed or the commit window closed: RevealVote
//	Revealing  (→ Revealed)
//	Revealed   once every verifier revealed or the reveal window closed: ResolveChallenge
//	Finalizing (→ Done; a challenge someone else resolved counts as done)
//
// A dishonest node (test and demo modes) takes no verifier duty and does not draw.
//
// # Not yet
//
// Replicated jobs (N>1) are not taken: the node skips them.
package node
