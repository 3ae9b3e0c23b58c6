package onchain

import (
	"context"
	"fmt"
	"log/slog"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/logscan"
	"github.com/brine-compute/brine/settlement"
)

// LogChunk is the most blocks one eth_getLogs request spans; logscan shrinks it when a node
// refuses a range or a result count.
const LogChunk = logscan.DefaultSpan

// The market events the index reads.
var (
	evJobPosted         = marketABI.GetABI().Events["JobPosted"].ID
	evJobAccepted       = marketABI.GetABI().Events["JobAccepted"].ID
	evResultCommitted   = marketABI.GetABI().Events["ResultCommitted"].ID
	evPanelRevealed     = marketABI.GetABI().Events["PanelRevealed"].ID
	evReplicasResolved  = marketABI.GetABI().Events["ReplicasResolved"].ID
	evChallengeOpened   = marketABI.GetABI().Events["ChallengeOpened"].ID
	evChallengeResolved = marketABI.GetABI().Events["ChallengeResolved"].ID
	evJobFinalized      = marketABI.GetABI().Events["JobFinalized"].ID
	evJobReclaimed      = marketABI.GetABI().Events["JobReclaimed"].ID
	evJobTimedOut       = marketABI.GetABI().Events["JobTimedOut"].ID

	indexTopics = []common.Hash{evJobPosted, evJobAccepted, evResultCommitted, evPanelRevealed,
		evReplicasResolved, evChallengeOpened, evChallengeResolved, evJobFinalized, evJobReclaimed, evJobTimedOut}
)

// Outcome values of the market's ChallengeResolved event.
const outcomeUpheld = 1

// entry is what the index knows about one job.
type entry struct {
	rec     bindings.JobMarketJob  // the newest record
	end     settlement.Status      // the terminal status, or StatusUnknown while live
	cid     []byte                 // the result CID once known
	reveals map[common.Hash][]byte // N>1: revealed replica CIDs by keccak256, until resolved
}

func (e *entry) status() settlement.Status {
	if e.end != settlement.StatusUnknown {
		return e.end
	}
	return liveStatus(e.rec.Status)
}

func (e *entry) job(id settlement.JobID) settlement.Job {
	return toJob(id, e.rec, e.status(), e.cid)
}

// index rebuilds job records from the market's logs.
type index struct {
	client Client
	market common.Address
	start  uint64 // deploy block: scans begin here
	log    *slog.Logger

	mu       sync.Mutex
	next     uint64      // next block to scan
	lastHash common.Hash // hash of block next-1 when scanned (zero before the first scan)
	jobs     map[settlement.JobID]*entry
	maxID    settlement.JobID
}

func newIndex(client Client, market common.Address, start uint64, log *slog.Logger) *index {
	ix := &index{client: client, market: market, start: start, log: log}
	ix.reset()
	return ix
}

func (ix *index) reset() {
	ix.next = ix.start
	ix.lastHash = common.Hash{}
	ix.jobs = make(map[settlement.JobID]*entry)
	ix.maxID = 0
}

// view syncs the index to the chain's head and runs f on it under the lock. f must not block.
func (ix *index) view(ctx context.Context, f func(head uint64)) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := ix.sync(ctx); err != nil {
		return err
	}
	f(ix.next - 1)
	return nil
}

// rebuild drops everything and scans again from the deploy block on the next sync.
func (ix *index) rebuild() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.reset()
}

// sync scans the blocks after the last scanned one up to the head. A change of the last
// scanned block's hash means a reorg: the index is rebuilt from the deploy block.
func (ix *index) sync(ctx context.Context) error {
	for attempt := 0; ; attempt++ {
		head, err := ix.client.BlockNumber(ctx)
		if err != nil {
			return fmt.Errorf("settlement/onchain: head block: %w", err)
		}
		if ix.lastHash != (common.Hash{}) {
			if head < ix.next-1 {
				// A node behind the one we read before (load-balanced RPC): nothing new here.
				return nil
			}
			h, err := ix.client.HeaderByNumber(ctx, new(big.Int).SetUint64(ix.next-1))
			if err != nil {
				return fmt.Errorf("settlement/onchain: header %d: %w", ix.next-1, err)
			}
			if h.Hash() != ix.lastHash {
				// A reorg replaced the last block we scanned (and maybe more): start over
				// rather than keep records from a dead branch.
				ix.log.Warn("block hash changed under the job index; rebuilding", "block", ix.next-1)
				ix.reset()
			}
		}
		if ix.next > head {
			return nil
		}
		top, err := ix.client.HeaderByNumber(ctx, new(big.Int).SetUint64(head))
		if err != nil {
			return fmt.Errorf("settlement/onchain: header %d: %w", head, err)
		}
		logs, err := ix.fetch(ctx, ix.next, head)
		if err != nil {
			return err
		}
		again, err := ix.client.HeaderByNumber(ctx, new(big.Int).SetUint64(head))
		if err != nil {
			return fmt.Errorf("settlement/onchain: header %d: %w", head, err)
		}
		if again.Hash() != top.Hash() {
			// The head moved to another branch while we read: the logs may mix branches.
			if attempt >= 3 {
				return fmt.Errorf("settlement/onchain: chain keeps reorganising at block %d", head)
			}
			continue
		}
		for i := range logs {
			if err := ix.apply(&logs[i]); err != nil {
				// An undecodable event of our own market means a wrong address or ABI: the
				// index would be wrong, so stop here without advancing.
				return err
			}
		}
		ix.next, ix.lastHash = head+1, top.Hash()
		return nil
	}
}

func (ix *index) fetch(ctx context.Context, from, to uint64) ([]types.Log, error) {
	scan, err := logscan.New(logscan.Config{Client: ix.client, Span: LogChunk})
	if err != nil {
		return nil, fmt.Errorf("settlement/onchain: %w", err)
	}
	q := ethereum.FilterQuery{Addresses: []common.Address{ix.market}, Topics: [][]common.Hash{indexTopics}}
	out, err := scan.All(ctx, q, from, to)
	if err != nil {
		return nil, fmt.Errorf("settlement/onchain: market %w", err)
	}
	return out, nil
}

func (ix *index) entry(id *big.Int) *entry {
	jid := settlement.JobID(id.Uint64())
	e := ix.jobs[jid]
	if e == nil {
		e = &entry{}
		ix.jobs[jid] = e
		if jid > ix.maxID {
			ix.maxID = jid
		}
	}
	return e
}

// apply folds one market log into the index. Logs arrive in chain order.
func (ix *index) apply(l *types.Log) error {
	if l.Removed || len(l.Topics) == 0 || l.Address != ix.market {
		return nil
	}
	bad := func(err error) error {
		return fmt.Errorf("settlement/onchain: decode market log %d/%d in block %d: %w", l.TxIndex, l.Index, l.BlockNumber, err)
	}
	switch l.Topics[0] {
	case evJobPosted:
		ev, err := marketABI.UnpackJobPostedEvent(l)
		if err != nil {
			return bad(err)
		}
		ix.entry(ev.Id).rec = ev.Job
	case evJobAccepted:
		ev, err := marketABI.UnpackJobAcceptedEvent(l)
		if err != nil {
			return bad(err)
		}
		ix.entry(ev.Id).rec = ev.Job
	case evResultCommitted:
		ev, err := marketABI.UnpackResultCommittedEvent(l)
		if err != nil {
			return bad(err)
		}
		e := ix.entry(ev.Id)
		e.rec, e.cid = ev.Job, ev.Cid
	case evPanelRevealed:
		ev, err := marketABI.UnpackPanelRevealedEvent(l)
		if err != nil {
			return bad(err)
		}
		if ev.Kind == kindReplicas {
			e := ix.entry(ev.Id)
			if e.reveals == nil {
				e.reveals = make(map[common.Hash][]byte)
			}
			e.reveals[crypto.Keccak256Hash(ev.Cid)] = ev.Cid
		}
	case evReplicasResolved:
		ev, err := marketABI.UnpackReplicasResolvedEvent(l)
		if err != nil {
			return bad(err)
		}
		e := ix.entry(ev.Id)
		e.rec = ev.Job
		if ev.Agreed {
			e.cid = e.reveals[ev.Job.Result]
		} else {
			e.end = settlement.StatusRefunded
		}
		e.reveals = nil
	case evChallengeOpened:
		ev, err := marketABI.UnpackChallengeOpenedEvent(l)
		if err != nil {
			return bad(err)
		}
		ix.entry(ev.Id).rec = ev.Job
	case evChallengeResolved:
		ev, err := marketABI.UnpackChallengeResolvedEvent(l)
		if err != nil {
			return bad(err)
		}
		e := ix.entry(ev.Id)
		e.rec = ev.Job
		if ev.Outcome == outcomeUpheld {
			e.end = settlement.StatusRefunded
		}
	case evJobFinalized:
		ev, err := marketABI.UnpackJobFinalizedEvent(l)
		if err != nil {
			return bad(err)
		}
		ix.entry(ev.Id).end = settlement.StatusFinalized
	case evJobReclaimed:
		ev, err := marketABI.UnpackJobReclaimedEvent(l)
		if err != nil {
			return bad(err)
		}
		ix.entry(ev.Id).end = settlement.StatusReclaimed
	case evJobTimedOut:
		ev, err := marketABI.UnpackJobTimedOutEvent(l)
		if err != nil {
			return bad(err)
		}
		ix.entry(ev.Id).end = settlement.StatusTimedOut
	}
	return nil
}

// get returns a copy of the job's entry; ok is false when the index has never seen the job.
// Call with ix.mu held.
func (ix *index) get(id settlement.JobID) (settlement.Job, bindings.JobMarketJob, bool) {
	e := ix.jobs[id]
	if e == nil || e.rec.Client == (common.Address{}) {
		return settlement.Job{}, bindings.JobMarketJob{}, false
	}
	rec := e.rec
	rec.Payment, rec.Collateral = copyInt(rec.Payment), copyInt(rec.Collateral)
	return e.job(id), rec, true
}
