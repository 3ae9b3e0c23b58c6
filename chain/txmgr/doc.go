// Package txmgr is the one place that sends Brine's transactions. The CLI, the node and the
// prober each hold one Manager per hot wallet and call Send; nothing else assigns nonces,
// prices gas or broadcasts.
//
// # Sending
//
// Send(ctx, Request) checks the call (gas estimation, or an eth_call when the caller fixes
// the gas limit), so a call that would revert is never signed: it returns ErrWouldRevert
// wrapping the decoded revert. The gas limit is the node's estimate plus Config.GasMargin
// percent, never a constant: FEVM's gas units are about 200 times the EVM's and change at
// network upgrades. Otherwise it prices the transaction from the chain (EIP-1559: tip from
// eth_maxPriorityFeePerGas, fee cap twice the head's base fee plus the tip; a legacy gas price
// when the head has no base fee), assigns a nonce, has the wallet sign it, journals it, and
// broadcasts it. Send returns the receipt once the including block counts under
// Config.Finality (package chain/finality): Confirmations deep, or at or below the node's
// "safe" or "finalized" block. A
// receipt with status 0 is replayed as an eth_call on its block to recover the revert data:
// Send returns the receipt with ErrReverted wrapping the decoded revert.
//
// The manager knows no contract: Config.RevertDecoder turns revert data into an error (Brine's
// commands pass chain/reverts' decoder, so callers check *reverts.Error with errors.As); without
// one it reads Error(string) and Panic(uint256) and names anything else by its selector.
//
// Request.ID is an idempotency key chosen by the caller ("job/42/accept"). Sending an ID again
// waits for the transaction in flight or returns the journaled outcome; it never sends a second
// transaction. The journal keeps the last Config.History finished requests; callers must still
// check contract state before acting on old work, as the protocol requires anyway.
//
// # Nonces
//
// Concurrent Sends from one wallet get consecutive nonces: a mutex is held from nonce
// assignment until the signed transaction is on disk (never while waiting for receipts). The
// next nonce is the larger of the node's pending nonce and the highest journaled nonce plus
// one. One Manager per wallet: another sender using the same key makes nonces collide; the
// manager recovers (below) but each collision costs a retry.
//
// # Crash safety
//
// The order is: sign, write the signed raw transaction with its request ID and nonce to the
// bbolt journal (each commit is fsynced), broadcast. A crash before the journal write leaves
// nothing broadcast, so the nonce is simply reused. A crash after it is recovered by Start,
// which rebroadcasts every unfinished journaled transaction and drives it to confirmation;
// Resumed lists them.
// Fee-bumped replacements are journaled before they are broadcast too, and the receipts of all
// attempts are checked, since any of them may be the one mined. A request is re-signed on a
// different nonce only when another transaction took its nonce at the confirmation depth and
// none of its own attempts has a receipt on two separate checks: then none of them can ever
// be mined. The one other case where a request ID may be signed again is ErrRejected: the node
// refused every attempt outright, no broadcast of it can have succeeded, and no later nonce was
// assigned, so the request is forgotten and its nonce released.
//
// Once journaled, a transaction is the manager's, not the caller's: its nonce must be used or
// every later transaction stalls. Send's context bounds the wait (ErrPending), not the
// transaction; Stop leaves it journaled for the next Start.
//
// # Fees, resubmission and confirmation
//
// A transaction unmined for ResubmitAfter is re-signed on the same nonce with tip and fee cap
// raised by FeeBumpPercent (at least the 10% nodes require of a replacement) or to the market
// price if higher; only when its nonce is the next one the chain expects, because when an
// earlier nonce is pending, more fees would not help and it is simply rebroadcast. Bumps stop
// at MaxFeePerGas (StageFeeCapReached: the transaction waits at the cap). A receipt counts once
// its block is canonical and final under Config.Finality (on Filecoin "finalized" is F3's
// tipset, or 900 epochs deep without F3); a receipt that disappears (reorg) puts the
// request back to waiting and rebroadcasting. Under a tag rule, a chain that does not
// finalize (the tag's block more than finality.DefaultMaxLag behind the head, or neither
// moving for FinalityStall) ends Send with an error wrapping finality.ErrNotFinalizing
// instead of a wait without end; the request stays journaled.
//
// # Node errors
//
// RPC failures are retried, not believed: timeouts, 5xx, dropped connections, "already known"
// (the transaction was sent), "nonce too low" (look for our receipts, then reconcile the
// nonce), "replacement transaction underpriced" (bump more). go-ethereum's error values are
// matched with errors.Is; where only a JSON-RPC message arrives, classify matches its text —
// the one place in Brine that does.
package txmgr
