// Package store is the compute node's embedded database: a bbolt file at
// <datadir>/node/state.db holding the node's own record of every job it takes part in, the
// chain watcher's cursor, and the job specs it fetched, by hash.
//
// # Job records
//
// A JobRecord is the node's side of one job: its role (provider of a single-replica job,
// replica of a replicated one, or drawn verifier), where the node's work on it stands (State),
// and what the node must not forget across a crash: the result CID, the salt of its
// commit-reveal, attempts, deadlines and the reason a job failed.
//
// Every change of state is a conditional transition: Transition(id, from, to, mutate) applies
// only when the stored state is `from`, checks that from → to is an edge of the graph below
// for the record's role, and writes the new state and the mutated fields in one bbolt
// transaction (fsynced before Transition returns). Two goroutines, or a duplicate event after
// a restart, racing for the same step: exactly one wins, the others get a *ConflictError
// naming the state they found. A crash leaves each record either before or after a
// transition, never between.
//
// # The state graph
//
//	Seen ──▶ Accepting ──▶ Accepted ──▶ Running ──▶ Executed ──▶ Committing ──▶ Committed
//	  └──(verifier: drawn)──▶ ▲  ◀──(re-run)──┘                                     │
//	                                                                                 │
//	  provider:           Committed ──▶ Finalizing ──▶ Done      (Committed ──▶ Done)
//	  replica, verifier:  Committed ──▶ Revealing ──▶ Revealed ──▶ Finalizing ──▶ Done
//	                                                         └──────────────────▶ Done
//
// From any state that is not terminal the record may also go to Failed or Abandoned (with a
// Reason), or be updated in place (from == to: fields change under the state's guard).
// Done, Failed and Abandoned are terminal. The "-ing" states are recorded before the
// transaction that performs the step and the state after it once the transaction is final,
// so a restart can tell a step that may have been sent (resend it with the same
// idempotency ID: the transaction manager answers with the first outcome) from one that was
// not.
//
// Transitions also keep a few invariants the protocol depends on: a record entering
// Committing has its result CID and, for a replica or verifier, a non-zero salt — so the salt
// is on disk before any commitment that uses it can be sent —, the salt never changes once
// set, and the result CID never changes once the record has reached Committing.
//
// Recast is Create for a node that takes a job up again in another role: a record it
// abandoned (a provider that lost the accept race, later drawn as the job's verifier) is
// replaced by a new record in state Seen; any other record of another role is kept
// (ErrExists).
//
// # Other buckets
//
// Cursors are positions in the settlement event stream by name (the watcher keeps one per
// deployment). Specs are canonical job specs keyed by their hash (sha256 of the canonical
// bytes, as package jobspec defines it); PutSpec refuses bytes that do not hash to the key.
// Sources are, per spec hash, the peers that pushed the spec (at most MaxSpecSources, the
// latest kept) with the addresses they were reached at: the node asks them for the job's
// spec, module and inputs, also after a restart, when libp2p's peerstore is empty. Draws are
// the challenges the node will draw verifiers for once the chain is past their
// anchor block (job ID → anchor): the watcher's cursor moves past the ChallengeOpened event
// once it is handled, so a pending draw kept only in memory would be lost by a restart. Bind
// records which deployment the data directory belongs to, so a node pointed at a fresh chain
// with an old data directory stops instead of trusting stale state.
package store
