package index

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
)

// The ledgers in the order of audit.Check's report, and their lines in its order and words,
// so a book row reads like `brine audit check`.
const (
	ledgerMarket = iota
	ledgerRegistry
	ledgerRewards
)

const (
	lineEscrow = iota
	lineBonds
	lineCredited
	lineTreasury
)

const (
	lineStaked = iota
	lineUnbonding
)

const (
	lineFunded = iota
	lineClaimed
)

// job is what the books keep of a live job.
type job struct {
	ID       string
	Client   common.Address
	Provider common.Address
	Payment  *big.Int
	Bond     *big.Int
	Live     bool
	Status   string
	Posted   uint64
	Last     uint64
	// What the job's stored row has (rowSet: it has one), so the writer moves the job from
	// its provider's count of one status to another's (provider_jobs).
	rowSet      bool
	rowProvider common.Address
	rowStatus   string
}

// Job statuses as the index names them.
const (
	StatusOpen       = "open"
	StatusAccepted   = "accepted"
	StatusCommitted  = "committed"
	StatusChallenged = "challenged"
	StatusCleared    = "cleared"
	StatusFinalized  = "finalized"
	StatusReclaimed  = "reclaimed"
	StatusTimedOut   = "timed_out"
	StatusNoMajority = "no_majority"
	StatusUpheld     = "upheld"
)

// books is the running state of the three ledgers of docs/protocol.md, recomputed from
// events alone: holdings from the token's transfers into and out of each contract,
// obligations from the contracts' own events.
type books struct {
	addrs   deploy.Addresses
	ledgers [3]audit.Ledger
	jobs    map[string]*job // live jobs
	dirty   map[string]*job // jobs changed since the last flush (live or just ended)
	touched map[int]bool    // ledgers changed in the current block

	market   *bindings.JobMarket
	registry *bindings.ProviderRegistry
	rewards  *bindings.UptimeRewards
	ids      map[common.Hash]string
}

// ErrUnknownJob is an event that ends or changes a job the index never saw posted: the index
// did not start at the deployment block, or a log is missing.
var ErrUnknownJob = errors.New("index: event for a job that was never posted")

func newBooks(addrs deploy.Addresses) (*books, error) {
	b := &books{addrs: addrs, jobs: map[string]*job{}, dirty: map[string]*job{}, touched: map[int]bool{},
		market: bindings.NewJobMarket(), registry: bindings.NewProviderRegistry(), rewards: bindings.NewUptimeRewards(),
		ids: map[common.Hash]string{}}
	b.ledgers[ledgerMarket] = audit.Ledger{Contract: deploy.NameJobMarket, Address: addrs.Market, Holdings: new(big.Int), Owed: []audit.Line{
		{Name: "escrowed payments of live jobs", Amount: new(big.Int)},
		{Name: "open challenge bonds", Amount: new(big.Int)},
		{Name: "credited balances", Amount: new(big.Int)},
		{Name: "treasury accrued", Amount: new(big.Int)},
	}}
	b.ledgers[ledgerRegistry] = audit.Ledger{Contract: deploy.NameProviderRegistry, Address: addrs.Registry, Holdings: new(big.Int), Owed: []audit.Line{
		{Name: "staked", Amount: new(big.Int)},
		{Name: "unbonding", Amount: new(big.Int)},
	}}
	b.ledgers[ledgerRewards] = audit.Ledger{Contract: deploy.NameUptimeRewards, Address: addrs.Rewards, Holdings: new(big.Int), Owed: []audit.Line{
		{Name: "funded budgets", Amount: new(big.Int)},
		{Name: "claimed", Amount: new(big.Int)},
	}}
	for _, md := range []struct {
		md   interface{ ParseABI() (*abi.ABI, error) }
		name string
	}{{&bindings.JobMarketMetaData, "market"}, {&bindings.ProviderRegistryMetaData, "registry"}, {&bindings.UptimeRewardsMetaData, "rewards"}, {&bindings.BrineTokenMetaData, "token"}} {
		parsed, err := md.md.ParseABI()
		if err != nil {
			return nil, fmt.Errorf("index: %s ABI: %w", md.name, err)
		}
		for name, ev := range parsed.Events {
			if md.name == "token" && name != "Transfer" {
				continue
			}
			b.ids[ev.ID] = name
		}
	}
	return b, nil
}

// eventName names a log of the deployment ("Unknown" for a topic no ABI has).
func (b *books) eventName(l *types.Log) (contract, event string) {
	switch l.Address {
	case b.addrs.Market:
		contract = deploy.NameJobMarket
	case b.addrs.Registry:
		contract = deploy.NameProviderRegistry
	case b.addrs.Rewards:
		contract = deploy.NameUptimeRewards
	case b.addrs.Token:
		contract = "Token"
	default:
		contract = "Unknown"
	}
	if len(l.Topics) == 0 {
		return contract, "Unknown"
	}
	if n, ok := b.ids[l.Topics[0]]; ok {
		return contract, n
	}
	return contract, "Unknown"
}

func (b *books) ledgerOf(a common.Address) int {
	switch a {
	case b.addrs.Market:
		return ledgerMarket
	case b.addrs.Registry:
		return ledgerRegistry
	case b.addrs.Rewards:
		return ledgerRewards
	}
	return -1
}

func (b *books) owe(ledger, line int, delta *big.Int) {
	b.ledgers[ledger].Owed[line].Amount.Add(b.ledgers[ledger].Owed[line].Amount, delta)
	b.touched[ledger] = true
}

func (b *books) hold(ledger int, delta *big.Int) {
	b.ledgers[ledger].Holdings.Add(b.ledgers[ledger].Holdings, delta)
	b.touched[ledger] = true
}

func neg(v *big.Int) *big.Int { return new(big.Int).Neg(v) }

// apply adds one log to the books.
func (b *books) apply(l *types.Log) error {
	if l.Address == b.addrs.Token {
		// Transfer(address indexed from, address indexed to, uint256 value), read by hand: it
		// is the most frequent log, and the ABI's reflection was a good part of its cost.
		if len(l.Topics) != 3 || l.Topics[0] != transferTopic() || len(l.Data) != 32 {
			return nil // not a transfer: nothing the books read
		}
		value := new(big.Int).SetBytes(l.Data)
		if i := b.ledgerOf(common.BytesToAddress(l.Topics[1].Bytes())); i >= 0 {
			b.hold(i, neg(value))
		}
		if i := b.ledgerOf(common.BytesToAddress(l.Topics[2].Bytes())); i >= 0 {
			b.hold(i, value)
		}
		return nil
	}
	_, name := b.eventName(l)
	switch l.Address {
	case b.addrs.Market:
		return b.applyMarket(l, name)
	case b.addrs.Registry:
		switch name {
		case "Staked":
			ev, err := b.registry.UnpackStakedEvent(l)
			if err != nil {
				return err
			}
			b.owe(ledgerRegistry, lineStaked, ev.Amount)
		case "Unstaked":
			ev, err := b.registry.UnpackUnstakedEvent(l)
			if err != nil {
				return err
			}
			b.owe(ledgerRegistry, lineStaked, neg(ev.Amount))
			b.owe(ledgerRegistry, lineUnbonding, ev.Amount)
		case "StakeWithdrawn":
			ev, err := b.registry.UnpackStakeWithdrawnEvent(l)
			if err != nil {
				return err
			}
			b.owe(ledgerRegistry, lineUnbonding, neg(ev.Amount))
		case "Slashed":
			ev, err := b.registry.UnpackSlashedEvent(l)
			if err != nil {
				return err
			}
			b.owe(ledgerRegistry, lineStaked, neg(new(big.Int).Sub(ev.Amount, ev.FromUnbonding)))
			b.owe(ledgerRegistry, lineUnbonding, neg(ev.FromUnbonding))
		}
	case b.addrs.Rewards:
		switch name {
		case "Funded":
			ev, err := b.rewards.UnpackFundedEvent(l)
			if err != nil {
				return err
			}
			b.owe(ledgerRewards, lineFunded, ev.Amount)
		case "RolledOver":
			// The leftover leaves its epoch; the Funded event of the receiving epoch adds it back.
			ev, err := b.rewards.UnpackRolledOverEvent(l)
			if err != nil {
				return err
			}
			b.owe(ledgerRewards, lineFunded, neg(ev.Amount))
		case "RewardClaimed":
			ev, err := b.rewards.UnpackRewardClaimedEvent(l)
			if err != nil {
				return err
			}
			b.owe(ledgerRewards, lineClaimed, neg(ev.Amount))
		}
	}
	return nil
}

func (b *books) liveJob(id *big.Int, l *types.Log) (*job, error) {
	j, ok := b.jobs[id.String()]
	if !ok {
		return nil, fmt.Errorf("%w: job %s at block %d (log %d)", ErrUnknownJob, id, l.BlockNumber, l.Index)
	}
	j.Last = l.BlockNumber
	b.dirty[j.ID] = j
	return j, nil
}

// end settles a job: its escrow leaves the books (to credits, which their own events add).
func (b *books) end(j *job, status string) {
	b.owe(ledgerMarket, lineEscrow, neg(j.Payment))
	j.Live, j.Status = false, status
	delete(b.jobs, j.ID)
}

func (b *books) applyMarket(l *types.Log, name string) error {
	m := b.market
	switch name {
	case "JobPosted":
		ev, err := m.UnpackJobPostedEvent(l)
		if err != nil {
			return err
		}
		j := &job{ID: ev.Id.String(), Client: ev.Client, Payment: new(big.Int).Set(ev.Job.Payment), Bond: new(big.Int), Live: true, Status: StatusOpen, Posted: l.BlockNumber, Last: l.BlockNumber}
		b.jobs[j.ID], b.dirty[j.ID] = j, j
		b.owe(ledgerMarket, lineEscrow, ev.Job.Payment)
	case "JobAccepted":
		id, provider, err := idAndAddress(l, name)
		if err != nil {
			return err
		}
		j, err := b.liveJob(id, l)
		if err != nil {
			return err
		}
		j.Provider, j.Status = provider, StatusAccepted
	case "ReplicaAccepted":
		ev, err := m.UnpackReplicaAcceptedEvent(l)
		if err != nil {
			return err
		}
		j, err := b.liveJob(ev.Id, l)
		if err != nil {
			return err
		}
		j.Status = StatusAccepted
	case "ResultCommitted":
		id, provider, err := idAndAddress(l, name)
		if err != nil {
			return err
		}
		j, err := b.liveJob(id, l)
		if err != nil {
			return err
		}
		j.Provider, j.Status = provider, StatusCommitted
	case "ReplicasResolved":
		ev, err := m.UnpackReplicasResolvedEvent(l)
		if err != nil {
			return err
		}
		j, err := b.liveJob(ev.Id, l)
		if err != nil {
			return err
		}
		if ev.Agreed {
			j.Status = StatusCommitted
		} else {
			b.end(j, StatusNoMajority)
		}
	case "ChallengeOpened":
		ev, err := m.UnpackChallengeOpenedEvent(l)
		if err != nil {
			return err
		}
		j, err := b.liveJob(ev.Id, l)
		if err != nil {
			return err
		}
		j.Bond, j.Status = new(big.Int).Set(ev.Bond), StatusChallenged
		b.owe(ledgerMarket, lineBonds, ev.Bond)
	case "AppealOpened":
		// The appeal bond is held with the challenge's until the challenge resolves, and
		// released with it (ChallengeResolved), as audit/books.go counts it.
		ev, err := m.UnpackAppealOpenedEvent(l)
		if err != nil {
			return err
		}
		j, err := b.liveJob(ev.Id, l)
		if err != nil {
			return err
		}
		j.Bond = new(big.Int).Add(j.Bond, ev.Bond)
		b.owe(ledgerMarket, lineBonds, ev.Bond)
	case "ChallengeResolved":
		ev, err := m.UnpackChallengeResolvedEvent(l)
		if err != nil {
			return err
		}
		j, err := b.liveJob(ev.Id, l)
		if err != nil {
			return err
		}
		b.owe(ledgerMarket, lineBonds, neg(j.Bond))
		j.Bond = new(big.Int)
		if ev.Outcome == audit.OutcomeUpheld {
			b.end(j, StatusUpheld)
		} else {
			j.Status = StatusCleared
		}
	case "JobFinalized", "JobReclaimed", "JobTimedOut":
		// Each carries the job ID as its first topic.
		if len(l.Topics) < 2 {
			return fmt.Errorf("index: %s without a job ID at block %d", name, l.BlockNumber)
		}
		j, err := b.liveJob(new(big.Int).SetBytes(l.Topics[1].Bytes()), l)
		if err != nil {
			return err
		}
		b.end(j, map[string]string{"JobFinalized": StatusFinalized, "JobReclaimed": StatusReclaimed, "JobTimedOut": StatusTimedOut}[name])
	case "Credited":
		amount, err := firstWord(l, name)
		if err != nil {
			return err
		}
		b.owe(ledgerMarket, lineCredited, amount)
	case "Withdrawn":
		amount, err := firstWord(l, name)
		if err != nil {
			return err
		}
		b.owe(ledgerMarket, lineCredited, neg(amount))
	case "TreasuryCredited":
		// Fees, slashed leftovers and swept surpluses (SurplusSwept is followed by one).
		amount, err := firstWord(l, name)
		if err != nil {
			return err
		}
		b.owe(ledgerMarket, lineTreasury, amount)
	case "FeesWithdrawn":
		ev, err := m.UnpackFeesWithdrawnEvent(l)
		if err != nil {
			return err
		}
		b.owe(ledgerMarket, lineTreasury, neg(ev.Amount))
	}
	return nil
}

// The market's most frequent events are read by hand, from what the books use of them, rather
// than through the ABI's reflection: JobAccepted(uint256 indexed id, address indexed provider,
// Job) and ResultCommitted(uint256 indexed id, address indexed provider, bytes, Job) by their
// topics; Credited(address indexed, uint256 amount), Withdrawn(address indexed, uint256
// amount) and TreasuryCredited(uint256 amount) by their data's first word.

// idAndAddress is a job event's indexed ID and indexed address.
func idAndAddress(l *types.Log, name string) (*big.Int, common.Address, error) {
	if len(l.Topics) != 3 {
		return nil, common.Address{}, fmt.Errorf("index: %s with %d topics at block %d log %d, want 3", name, len(l.Topics), l.BlockNumber, l.Index)
	}
	return new(big.Int).SetBytes(l.Topics[1].Bytes()), common.BytesToAddress(l.Topics[2].Bytes()), nil
}

// firstWord is the first word of an event's data, an amount.
func firstWord(l *types.Log, name string) (*big.Int, error) {
	if len(l.Data) != 32 {
		return nil, fmt.Errorf("index: %s with %d bytes of data at block %d log %d, want 32", name, len(l.Data), l.BlockNumber, l.Index)
	}
	return new(big.Int).SetBytes(l.Data), nil
}

// copyLedger is a deep copy of a ledger, safe to keep while the books move on.
func copyLedger(l audit.Ledger) audit.Ledger {
	out := audit.Ledger{Contract: l.Contract, Address: l.Address, Holdings: new(big.Int).Set(l.Holdings)}
	for _, o := range l.Owed {
		out.Owed = append(out.Owed, audit.Line{Name: o.Name, Amount: new(big.Int).Set(o.Amount)})
	}
	return out
}
