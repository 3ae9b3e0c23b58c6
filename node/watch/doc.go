// Package watch is the compute node's chain watcher: it reads the market's events from a
// settlement.EventSource once they are Confirmations blocks deep, hands them one at a time,
// in chain order, to the job loop's handler, and keeps its position (a settlement.Cursor) in
// the node's store so that a restart resumes where the last run stopped.
//
// # Delivery: at least once, in order, never skipped
//
// For each event the watcher calls the handler and, only once the handler has returned nil,
// writes the cursor just after the event to the store. If the handler fails, the watcher
// writes nothing, waits (a backoff that doubles from MinBackoff up to MaxBackoff) and tries
// the same event again: it never skips ahead, so a failing handler stalls the stream rather
// than losing an event. When the whole batch is delivered the cursor moves on to the end of
// the scanned range, so quiet blocks are not scanned again.
//
// A crash, or a Stop that cancels a handler halfway, can therefore deliver one event twice:
// the event whose handler did not return nil, or whose cursor write did not reach the disk,
// before the process ended. Every earlier event's cursor write completed, so nothing before it
// is replayed, and nothing after it was delivered, so nothing is missed. The replay is safe
// because the handler is idempotent: each job step it takes is a conditional transition in
// package store (applied only from the state the step expects), so a replayed event finds the
// step already taken and changes nothing, and a transaction it sends carries the same
// idempotency ID as before, so the transaction manager answers with the first outcome.
//
// # Confirmations and reorganisations
//
// Events come only from blocks with Confirmations blocks on top (the source enforces it), so
// a reorganisation shallower than that is never seen. With Config.Finality set (a chain's
// "finalized" or "safe" block, package chain/finality), events above the block it names are
// held back too, and the cursor stops just after it: on Filecoin a finalized tipset cannot be
// reorganised at all. Events are still reports about the past:
// the handler should re-check the job's current state before acting on an old one (after a
// long downtime the stream replays days of history).
//
// # Deadlines
//
// After every poll, whether or not it found events and whether or not the handler failed,
// the watcher calls Tick with the clock's time so that the job loop can act on deadlines
// (accept by, result by, the vote and reveal windows, the end of the challenge window).
// Tick's errors are logged and the next poll ticks again. The contracts judge deadlines by
// block time; a Clock that reads the chain head's time can be injected where the two differ.
package watch
