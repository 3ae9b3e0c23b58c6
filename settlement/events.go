package settlement

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// EventKind says what happened to a job.
type EventKind uint8

// Event kinds. Each names the market step it reports (docs/protocol.md, "States").
const (
	EventUnknown           EventKind = iota
	EventJobPosted                   // a client posted the job; Account is the client
	EventJobAccepted                 // N=1: a provider took the job; Account is the provider
	EventReplicaAccepted             // N>1: a provider took Seat; Account is the provider
	EventResultCommitted             // N=1: the provider committed CID; Account is the provider
	EventPanelCommitted              // a panel member committed at Seat; Account, Panel, Commitment
	EventPanelRevealed               // a panel member revealed CID at Seat; Account, Panel
	EventReplicasResolved            // N>1: the replicas were tallied; Agreed says whether a majority agreed
	EventChallengeOpened             // Account challenged the result, depositing Amount; Anchor is the draw's anchor block
	EventDrawReanchored              // the anchor block's hash expired before the draw; Anchor is the new one
	EventVerifiersDrawn              // Verifiers were drawn; CommitBy and RevealBy are their vote windows
	EventChallengeResolved           // the challenge ended with Outcome (Agree and Disagree votes)
	EventJobFinalized                // the job paid out: Amount to the provider(s), Fee to the treasury
	EventJobReclaimed                // nobody (or too few replicas) accepted: Amount refunded to the client (Account)
	EventJobTimedOut                 // no result by the deadline: Amount refunded, Slashed from the provider (Account)
	EventAppealOpened                // Account appealed the first panel's Outcome, depositing Amount; Anchor is the final panel's anchor block
)

var eventKindNames = [...]string{"unknown", "job-posted", "job-accepted", "replica-accepted", "result-committed",
	"panel-committed", "panel-revealed", "replicas-resolved", "challenge-opened", "draw-reanchored",
	"verifiers-drawn", "challenge-resolved", "job-finalized", "job-reclaimed", "job-timed-out", "appeal-opened"}

func (k EventKind) String() string {
	if int(k) < len(eventKindNames) {
		return eventKindNames[k]
	}
	return fmt.Sprintf("event(%d)", uint8(k))
}

// PanelKind says which commit-reveal round a panel event belongs to.
type PanelKind uint8

// Panel kinds (the market's REPLICAS and VERIFIERS).
const (
	PanelReplicas  PanelKind = 0
	PanelVerifiers PanelKind = 1
)

func (p PanelKind) String() string {
	switch p {
	case PanelReplicas:
		return "replicas"
	case PanelVerifiers:
		return "verifiers"
	}
	return fmt.Sprintf("panel(%d)", uint8(p))
}

// Event is one step in a job's life as the settlement backend recorded it. Fields that do not
// apply to the kind are zero (Seat is -1 then).
type Event struct {
	Kind     EventKind
	Job      JobID
	Block    uint64      // the block that holds the event
	TxHash   common.Hash // the transaction that emitted it
	LogIndex uint        // the event's index in its block
	Time     time.Time   // the block's time: the clock the contracts judge deadlines by

	// Account is who acted or is concerned: the client (posted, reclaimed), the provider
	// (accepted, replica accepted, committed, finalized (zero for N>1), timed out), the panel
	// member (panel events), the challenger (challenge opened) or the appellant (appeal opened).
	Account common.Address
	// Seat is the member's seat in its panel (replica accepted, panel events); -1 for other
	// kinds.
	Seat int
	// Panel is the round of a panel event.
	Panel PanelKind
	// CID is the result committed (result committed) or revealed (panel revealed).
	CID []byte
	// Commitment is a panel member's salted commitment (panel committed).
	Commitment common.Hash
	// Agreed reports whether a replicated job's replicas reached a majority (replicas
	// resolved). Without one the job ended: refunded.
	Agreed bool
	// Outcome, Agree and Disagree are a challenge's result and votes (challenge resolved);
	// Outcome is the appealed first verdict (appeal opened).
	Outcome         Outcome
	Agree, Disagree int
	// Anchor is the block whose hash seeds the verifier draw (challenge opened, draw
	// reanchored, appeal opened).
	Anchor uint64
	// Verifiers, CommitBy and RevealBy are the drawn panel and its vote deadlines (verifiers
	// drawn).
	Verifiers          []common.Address
	CommitBy, RevealBy time.Time
	// Amount is the bond (challenge opened, appeal opened), the provider(s)' pay after the fee (finalized)
	// or the client's refund (reclaimed, timed out); Fee is the treasury's fee (finalized);
	// Slashed is the provider's collateral taken (timed out). Nil where not applicable.
	Amount, Fee, Slashed *big.Int
	// Record is the job as the event left it, for the kinds that carry the whole record
	// (posted, accepted, result committed, replicas resolved, challenge opened, challenge
	// resolved); nil for the others. A record that ends the job (replicas without majority,
	// challenge upheld) has the terminal Status. ResultCID is set for result committed only;
	// after replicas resolve, Record.Result is keccak256 of the majority's CID.
	Record *Job
}

// Position is where the event sits in the chain.
func (e Event) Position() Cursor { return Cursor{Block: e.Block, LogIndex: e.LogIndex} }

// Next is the cursor just after the event: pass it to Events to continue after it.
func (e Event) Next() Cursor { return Cursor{Block: e.Block, LogIndex: e.LogIndex + 1} }

func (e Event) String() string {
	return fmt.Sprintf("%s job %d at %d/%d", e.Kind, e.Job, e.Block, e.LogIndex)
}

// Cursor is a position in the event stream: the position just after the last event delivered.
// Events at positions before it have been consumed; the next event to deliver is the first at
// or after it. The zero Cursor is the start of the chain. A Cursor {B+1, 0} says every event up
// to and including block B has been consumed.
type Cursor struct {
	Block    uint64
	LogIndex uint
}

// Before reports whether c is an earlier position than d.
func (c Cursor) Before(d Cursor) bool {
	return c.Block < d.Block || (c.Block == d.Block && c.LogIndex < d.LogIndex)
}

func (c Cursor) String() string { return fmt.Sprintf("%d/%d", c.Block, c.LogIndex) }

// EventSource delivers the market's job events.
type EventSource interface {
	// Events returns, in chain order, the events at or after cursor `after` (so strictly after
	// every event already consumed), only from blocks with at least `confirmations` blocks
	// built on them (0: the head itself), at most max of them (max <= 0: no limit). It also
	// returns the cursor to pass next time: just after the last event returned when max cut
	// the list short, or else just after the last block scanned. It never returns a cursor
	// before `after`. An error means nothing was consumed: call again with the same cursor.
	Events(ctx context.Context, after Cursor, confirmations uint64, max int) ([]Event, Cursor, error)
}
