package onchain

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/chain/logscan"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/settlement"
)

// The market events an EventReader delivers, beyond those the index reads.
var (
	evReplicaAccepted = marketABI.GetABI().Events["ReplicaAccepted"].ID
	evPanelCommitted  = marketABI.GetABI().Events["PanelCommitted"].ID
	evDrawReanchored  = marketABI.GetABI().Events["DrawReanchored"].ID
	evVerifiersDrawn  = marketABI.GetABI().Events["VerifiersDrawn"].ID
	evAppealOpened    = marketABI.GetABI().Events["AppealOpened"].ID

	eventTopics = append(slices.Clone(indexTopics), evReplicaAccepted, evPanelCommitted, evDrawReanchored, evVerifiersDrawn, evAppealOpened)
)

// EventReader is settlement.EventSource on the market's logs. It keeps no state between calls
// (the caller keeps the cursor), so it is safe for concurrent use.
//
// A call reads the head block number, then the market's logs from the cursor's block (or the
// deploy block, if later) to head − confirmations in eth_getLogs requests of at most Chunk
// blocks, stopping after the request that reached the limit of events. Reorganisations shallower than
// the confirmation depth are thus never seen; a deeper one can deliver events of a dead branch
// or skip events of the new one, which is the risk the depth bounds (choose it from the
// chain's finality, or set Finality to read no further than the chain's finalized block). An
// RPC node behind the one read before (a load-balanced endpoint) only makes the call return
// fewer events.
type EventReader struct {
	Client Client
	Market common.Address
	Start  uint64 // the market's deploy block: no events before it
	Chunk  uint64 // most blocks per eth_getLogs request (logscan shrinks it when the node refuses); zero means LogChunk
	// Finality, if set, also bounds the scan by the block it names final (the chain's
	// "finalized" or "safe" block): events above it are left for a later call.
	Finality finality.Source
}

var (
	_ settlement.EventSource = (*EventReader)(nil)
	_ settlement.EventSource = (*Settlement)(nil)
)

// NewEventReader reads the events of the market of addrs.
func NewEventReader(client Client, addrs deploy.Addresses) *EventReader {
	return &EventReader{Client: client, Market: addrs.Market, Start: addrs.Block}
}

// Events implements settlement.EventSource for the Settlement's market.
func (s *Settlement) Events(ctx context.Context, after settlement.Cursor, confirmations uint64, limit int) ([]settlement.Event, settlement.Cursor, error) {
	r := EventReader{Client: s.client, Market: s.addrs.Market, Start: s.addrs.Block}
	return r.Events(ctx, after, confirmations, limit)
}

// Events implements settlement.EventSource.
func (r *EventReader) Events(ctx context.Context, after settlement.Cursor, confirmations uint64, limit int) ([]settlement.Event, settlement.Cursor, error) {
	if r.Client == nil || r.Market == (common.Address{}) {
		return nil, after, errors.New("settlement/onchain: event reader needs a Client and the Market address")
	}
	head, err := r.Client.BlockNumber(ctx)
	if err != nil {
		return nil, after, fmt.Errorf("settlement/onchain: head block: %w", err)
	}
	if head < confirmations {
		return nil, after, nil
	}
	to := head - confirmations
	if r.Finality != nil {
		final, ok, err := r.Finality.Final(ctx)
		if err != nil {
			return nil, after, fmt.Errorf("settlement/onchain: %w", err)
		}
		if !ok {
			return nil, after, nil
		}
		to = min(to, final)
	}
	from := max(after.Block, r.Start)
	if from > to {
		return nil, after, nil
	}
	chunk := r.Chunk
	if chunk == 0 {
		chunk = LogChunk
	}
	scan, err := logscan.New(logscan.Config{Client: r.Client, Span: chunk})
	if err != nil {
		return nil, after, fmt.Errorf("settlement/onchain: %w", err)
	}
	var (
		out     []settlement.Event
		scanned uint64 // last block fully scanned
		times   = make(map[uint64]uint64)
	)
	q := ethereum.FilterQuery{Addresses: []common.Address{r.Market}, Topics: [][]common.Hash{eventTopics}}
	err = scan.Scan(ctx, q, from, to, func(p logscan.Page) error {
		logs, start, end := p.Logs, p.From, p.To
		// Nodes return logs in chain order; sort anyway, since the cursor depends on it.
		slices.SortStableFunc(logs, func(a, b types.Log) int {
			if a.BlockNumber != b.BlockNumber {
				return cmp.Compare(a.BlockNumber, b.BlockNumber)
			}
			return cmp.Compare(a.Index, b.Index)
		})
		for i := range logs {
			l := &logs[i]
			if l.Removed || l.Address != r.Market || len(l.Topics) == 0 || l.BlockNumber < start || l.BlockNumber > end {
				continue
			}
			pos := settlement.Cursor{Block: l.BlockNumber, LogIndex: l.Index}
			if pos.Before(after) {
				continue
			}
			ev, err := decodeEvent(l)
			if err != nil {
				// An undecodable event of our own market means a wrong address or ABI: stop
				// here without advancing rather than skip it.
				return err
			}
			if l.BlockTimestamp != 0 {
				times[l.BlockNumber] = l.BlockTimestamp
			}
			out = append(out, ev)
		}
		scanned = end
		if limit > 0 && len(out) >= limit {
			return logscan.ErrStop
		}
		return nil
	})
	if rerr := (*logscan.RangeError)(nil); errors.As(err, &rerr) {
		return nil, after, fmt.Errorf("settlement/onchain: market %w", err)
	} else if err != nil {
		return nil, after, err
	}
	next := settlement.Cursor{Block: scanned + 1}
	if limit > 0 && len(out) > limit {
		out = out[:limit]
		next = out[limit-1].Next()
	}
	if err := r.stamp(ctx, out, times); err != nil {
		return nil, after, err
	}
	return out, next, nil
}

// stamp sets each event's Time to its block's time: from the log when the node sent it
// (blockTimestamp, go-ethereum 1.16 and later), else from the block's header.
func (r *EventReader) stamp(ctx context.Context, evs []settlement.Event, times map[uint64]uint64) error {
	for i := range evs {
		ts, ok := times[evs[i].Block]
		if !ok {
			h, err := r.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(evs[i].Block))
			if err != nil {
				return fmt.Errorf("settlement/onchain: header %d: %w", evs[i].Block, err)
			}
			ts = h.Time
			times[evs[i].Block] = ts
		}
		evs[i].Time = unixTime(ts)
	}
	return nil
}

// decodeEvent turns one market log into an Event (Time is set later).
func decodeEvent(l *types.Log) (settlement.Event, error) {
	ev := settlement.Event{Block: l.BlockNumber, TxHash: l.TxHash, LogIndex: l.Index, Seat: -1}
	bad := func(err error) (settlement.Event, error) {
		return settlement.Event{}, fmt.Errorf("settlement/onchain: decode market log %d in block %d: %w", l.Index, l.BlockNumber, err)
	}
	record := func(id *big.Int, rec bindings.JobMarketJob, status settlement.Status, cid []byte) {
		ev.Job = settlement.JobID(id.Uint64())
		if status == settlement.StatusUnknown {
			status = liveStatus(rec.Status)
		}
		j := toJob(ev.Job, rec, status, cid)
		ev.Record = &j
	}
	switch l.Topics[0] {
	case evJobPosted:
		e, err := marketABI.UnpackJobPostedEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Account = settlement.EventJobPosted, e.Client
		record(e.Id, e.Job, settlement.StatusUnknown, nil)
	case evJobAccepted:
		e, err := marketABI.UnpackJobAcceptedEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Account = settlement.EventJobAccepted, e.Provider
		record(e.Id, e.Job, settlement.StatusUnknown, nil)
	case evReplicaAccepted:
		e, err := marketABI.UnpackReplicaAcceptedEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Job, ev.Account, ev.Seat = settlement.EventReplicaAccepted, eventJobID(e.Id), e.Provider, int(e.Index)
	case evResultCommitted:
		e, err := marketABI.UnpackResultCommittedEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Account, ev.CID = settlement.EventResultCommitted, e.Provider, e.Cid
		record(e.Id, e.Job, settlement.StatusUnknown, e.Cid)
	case evPanelCommitted:
		e, err := marketABI.UnpackPanelCommittedEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Job, ev.Account, ev.Seat = settlement.EventPanelCommitted, eventJobID(e.Id), e.Account, int(e.Index)
		ev.Panel, ev.Commitment = settlement.PanelKind(e.Kind), e.Commitment
	case evPanelRevealed:
		e, err := marketABI.UnpackPanelRevealedEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Job, ev.Account, ev.Seat = settlement.EventPanelRevealed, eventJobID(e.Id), e.Account, int(e.Index)
		ev.Panel, ev.CID = settlement.PanelKind(e.Kind), e.Cid
	case evReplicasResolved:
		e, err := marketABI.UnpackReplicasResolvedEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Agreed = settlement.EventReplicasResolved, e.Agreed
		end := settlement.StatusUnknown
		if !e.Agreed {
			end = settlement.StatusRefunded
		}
		record(e.Id, e.Job, end, nil)
	case evChallengeOpened:
		e, err := marketABI.UnpackChallengeOpenedEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Account, ev.Amount, ev.Anchor = settlement.EventChallengeOpened, e.Challenger, copyInt(e.Bond), e.AnchorBlock
		record(e.Id, e.Job, settlement.StatusUnknown, nil)
	case evDrawReanchored:
		e, err := marketABI.UnpackDrawReanchoredEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Job, ev.Anchor = settlement.EventDrawReanchored, eventJobID(e.Id), e.AnchorBlock
	case evAppealOpened:
		e, err := marketABI.UnpackAppealOpenedEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Job, ev.Account, ev.Amount, ev.Anchor = settlement.EventAppealOpened, eventJobID(e.Id), e.Appellant, copyInt(e.Bond), e.AnchorBlock
		switch e.FirstOutcome {
		case 0:
			ev.Outcome = settlement.OutcomeRejected
		case outcomeUpheld:
			ev.Outcome = settlement.OutcomeUpheld
		default:
			return bad(fmt.Errorf("appeal of outcome %d", e.FirstOutcome))
		}
	case evVerifiersDrawn:
		e, err := marketABI.UnpackVerifiersDrawnEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Job = settlement.EventVerifiersDrawn, eventJobID(e.Id)
		ev.Verifiers = slices.Clone(e.Verifiers)
		ev.CommitBy, ev.RevealBy = unixTime(e.CommitBy), unixTime(e.RevealBy)
	case evChallengeResolved:
		e, err := marketABI.UnpackChallengeResolvedEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Agree, ev.Disagree = settlement.EventChallengeResolved, int(e.Agree), int(e.Disagree)
		end := settlement.StatusUnknown
		switch e.Outcome {
		case 0:
			ev.Outcome = settlement.OutcomeRejected
		case outcomeUpheld:
			ev.Outcome, end = settlement.OutcomeUpheld, settlement.StatusRefunded
		case 2:
			ev.Outcome = settlement.OutcomeInconclusive
		default:
			return bad(fmt.Errorf("unknown challenge outcome %d", e.Outcome))
		}
		record(e.Id, e.Job, end, nil)
	case evJobFinalized:
		e, err := marketABI.UnpackJobFinalizedEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Job, ev.Account = settlement.EventJobFinalized, eventJobID(e.Id), e.Provider
		ev.Amount, ev.Fee = copyInt(e.Paid), copyInt(e.Fee)
	case evJobReclaimed:
		e, err := marketABI.UnpackJobReclaimedEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Job, ev.Account, ev.Amount = settlement.EventJobReclaimed, eventJobID(e.Id), e.Client, copyInt(e.Refund)
	case evJobTimedOut:
		e, err := marketABI.UnpackJobTimedOutEvent(l)
		if err != nil {
			return bad(err)
		}
		ev.Kind, ev.Job, ev.Account = settlement.EventJobTimedOut, eventJobID(e.Id), e.Provider
		ev.Amount, ev.Slashed = copyInt(e.Refund), copyInt(e.Slashed)
	default:
		return bad(fmt.Errorf("unexpected topic %s", l.Topics[0]))
	}
	return ev, nil
}

func eventJobID(id *big.Int) settlement.JobID { return settlement.JobID(id.Uint64()) }
