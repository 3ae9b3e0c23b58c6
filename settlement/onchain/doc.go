// Package onchain implements settlement.Settlement with Brine's contracts: escrow, results,
// replicas, challenges and payouts in JobMarket, stake in ProviderRegistry, payments in the
// network token.
//
// # Records
//
// The market stores only keccak256(abi.encode(Job)) per live job; callers pass the whole record
// back. The record of a job is the Job carried by the newest of its JobPosted, JobAccepted,
// ResultCommitted, ReplicasResolved, ChallengeOpened and ChallengeResolved events. A Settlement
// keeps an index of those records built from the market's logs, synced from the deploy block
// and then incrementally (paged by chain/logscan, at most LogChunk blocks a request) before every read
// and write. The index also records how jobs ended (JobFinalized, JobReclaimed, JobTimedOut,
// ReplicasResolved without agreement, ChallengeResolved upheld) and the result CIDs
// (ResultCommitted, or the majority's PanelRevealed for replicated jobs). A reorg is detected
// by the hash of the last synced block and rebuilds the index from the deploy block.
//
// Before a call that carries a record, the record's hash is checked against jobHash on chain.
// When the check or the contract finds the record stale (StaleJobRecord), or the contract no
// longer knows the job (UnknownJob: it ended meanwhile), the index is synced and the call is
// checked and sent once more; a job that ended then fails the status check with
// settlement.ErrWrongStatus. When our own hash check fails twice the index is rebuilt from the
// deploy block for a last try.
//
// # Sending
//
// Transactions go through a Sender (the transaction manager, through a small shim). Each
// carries an idempotency ID; the same ID always means the same step with the same calldata:
//
//	<account>/job/<id>/<step>/<h>        a step on one job (accept, commit, challenge, ...)
//	<account>/job/<id>/draw-a<block>/<h> a verifier draw, per anchor block (a re-anchor is a new step)
//	<account>/finalize/<h>               a finalizeBatch of several jobs
//	<account>/<step>/n<nonce>/<h>        a repeatable account step (post, register, stake,
//	                                     unstake, withdraw-stake, withdraw)
//	<parent ID>/approve/<allowance>      the token approval a step needs first
//
// <h> is the first 6 bytes of keccak256(calldata) in hex (for a post, of the plain postJob
// calldata, so the permit and approve paths share it). A different record or argument is a
// different ID; the identical call is the same ID, and the Sender answers it with the first
// outcome: calling a step again before anything changed is idempotent (a second DrawVerifiers
// returns the same verifiers, a second Accept of a replicated job takes no second seat).
// Repeatable account steps have calldata that can legitimately repeat (withdraw(),
// stake(100)): they add <nonce>, the account's confirmed transaction count when the call
// began, so a retry of a call still in flight keeps its ID and a later call gets a new one.
// An approval's ID carries the allowance it replaces for the same reason.
//
// A retry after a crash cannot recompute that nonce: the earlier transaction may have been mined
// while nothing ran, and a post's deadlines (so its calldata) come from a later block. So a
// Sender that recovers an earlier process's unconfirmed transactions offers them (Resumer), and
// a repeatable step first adopts the one that was the same step: <account>/<step>/n<any>/<h>,
// the same contract, the same calldata (for a post, the same request up to its deadlines). It
// sends that Tx, which returns its outcome, and skips its own approval and ID; each recovered
// transaction is adopted once. The step is then done once, and the retry reports it.
//
// # Spending
//
// The steps that spend the account's tokens (posts, bonds, stakes) hold one lock from their
// balance and allowance checks on. A post holds it only until it is broadcast (the Sender
// tells Tx.Sent), so a fan-out's posts go out in one block; the posts in flight are booked with
// their nonces, and a new post counts on the balance and allowance left after those its nonce
// comes after, or waits for them (posts.go). ApprovePosts approves a fan-out's total ahead.
//
// # Errors
//
// Rule violations wrap a settlement.Err* value. When the contract refused the call, the error
// also wraps the decoded *reverts.Error (both errors.Is and errors.As work); checks made
// before sending (status, seat, request) wrap only the settlement error.
package onchain
