package settlement

import (
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// JobID identifies a job. IDs start at 1.
type JobID uint64

func (id JobID) String() string { return fmt.Sprintf("%d", uint64(id)) }

// Status is where a job is in its life (docs/protocol.md, "States"). The live statuses match
// the contract's; the terminal ones say how the job ended.
type Status uint8

// Statuses.
const (
	StatusUnknown    Status = iota // no such job
	StatusOpen                     // posted; waiting for a provider (or for its replicas' round)
	StatusAccepted                 // a provider owes a result
	StatusCommitted                // a result is on record; the challenge window runs
	StatusChallenged               // a challenge is open
	StatusCleared                  // a challenge failed or was inconclusive; finalizable now
	StatusFinalized                // terminal: paid to the provider(s)
	StatusReclaimed                // terminal: nobody accepted in time; client refunded
	StatusTimedOut                 // terminal: no result by the deadline; client refunded, provider slashed
	StatusRefunded                 // terminal: replicas without majority, or a challenge upheld
)

var statusNames = [...]string{"unknown", "open", "accepted", "committed", "challenged", "cleared", "finalized", "reclaimed", "timed-out", "refunded"}

func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("status(%d)", uint8(s))
}

// Terminal reports whether the job has ended.
func (s Status) Terminal() bool { return s >= StatusFinalized }

// JobRequest is what a client asks for when posting a job.
type JobRequest struct {
	SpecHash        common.Hash   // hash of the canonical job spec (served off chain)
	Payment         *big.Int      // total, in token base units, escrowed at post
	Collateral      *big.Int      // per replica, locked from the provider's stake at accept
	Replicas        uint8         // N >= 1
	AcceptBy        time.Time     // last moment a provider may accept
	ResultBy        time.Time     // last moment a result may be committed
	ChallengeWindow time.Duration // how long after the result anyone may challenge
}

// Check reports the first problem with the request that does not need chain state.
func (r JobRequest) Check(now time.Time) error {
	switch {
	case r.Payment == nil || r.Payment.Sign() <= 0:
		return fmt.Errorf("%w: payment must be positive", ErrBadRequest)
	case r.Collateral == nil || r.Collateral.Sign() <= 0:
		return fmt.Errorf("%w: collateral must be positive", ErrBadRequest)
	case r.Replicas == 0:
		return fmt.Errorf("%w: replicas must be at least 1", ErrBadRequest)
	case !r.AcceptBy.After(now):
		return fmt.Errorf("%w: accept-by %s is not in the future", ErrBadRequest, r.AcceptBy.UTC().Format(time.RFC3339))
	case !r.ResultBy.After(r.AcceptBy):
		return fmt.Errorf("%w: result-by must come after accept-by", ErrBadRequest)
	case r.ChallengeWindow < time.Second || r.ChallengeWindow%time.Second != 0:
		return fmt.Errorf("%w: challenge window must be a whole number of seconds", ErrBadRequest)
	}
	return nil
}

// Job is a job as settlement knows it.
type Job struct {
	ID              JobID
	Client          common.Address
	Provider        common.Address // N=1: the accepted provider; zero before acceptance and for N>1
	Payment         *big.Int
	Collateral      *big.Int // per replica
	SpecHash        common.Hash
	Result          common.Hash // keccak256 of the result CID bytes; zero before a result
	ResultCID       []byte      // the committed (or winning) CID bytes, when known
	AcceptBy        time.Time
	ResultBy        time.Time
	CommittedAt     time.Time
	ChallengeWindow time.Duration
	ParamsID        uint32
	FeeBps          uint16
	Replicas        uint8
	Winners         uint8 // N>1: replicas in the majority
	Status          Status
}

// ChallengeEnds is when the job's challenge window closes (zero before a result).
func (j Job) ChallengeEnds() time.Time {
	if j.CommittedAt.IsZero() {
		return time.Time{}
	}
	return j.CommittedAt.Add(j.ChallengeWindow)
}

// Finalizable reports whether Finalize would succeed at time now.
func (j Job) Finalizable(now time.Time) bool {
	return j.Status == StatusCleared || (j.Status == StatusCommitted && !now.Before(j.ChallengeEnds()))
}

// Outcome is how a challenge ended.
type Outcome uint8

// Outcomes.
const (
	OutcomeRejected     Outcome = iota // the verifiers' majority agreed with the result
	OutcomeUpheld                      // the majority disagreed: the provider is slashed
	OutcomeInconclusive                // no majority
)

func (o Outcome) String() string {
	switch o {
	case OutcomeRejected:
		return "rejected"
	case OutcomeUpheld:
		return "upheld"
	case OutcomeInconclusive:
		return "inconclusive"
	}
	return fmt.Sprintf("outcome(%d)", uint8(o))
}

// Panel is a commit-reveal round: a replicated job's replicas or a challenge's verifiers.
type Panel struct {
	Members   []common.Address // seat i is Members[i]
	Committed int
	Revealed  int
	CommitBy  time.Time
	RevealBy  time.Time
	// Seats is each member's part in the round (seat i is Seats[i]) when the backend reads it;
	// nil otherwise.
	Seats []SeatState
}

// SeatState is one panel member's part in a commit-reveal round.
type SeatState struct {
	Commitment common.Hash // the salted commitment; zero until the member committed
	Result     common.Hash // keccak256 of the revealed CID; zero until the member revealed
}

// Seat returns addr's seat, or -1.
func (p Panel) Seat(addr common.Address) int {
	for i, m := range p.Members {
		if m == addr {
			return i
		}
	}
	return -1
}

// ProviderInfo is a provider's registration and stake.
type ProviderInfo struct {
	Address       common.Address
	Registered    bool
	Active        bool
	PeerIDHash    common.Hash
	Staked        *big.Int // including Locked
	Locked        *big.Int
	Unbonding     *big.Int
	UnbondingEnds time.Time
	// MinerID is the Filecoin miner actor (f0…) bound to the provider; 0 when none.
	MinerID uint64
	// MinerVerified: the registry checked the binding on chain (FEVM). Otherwise the binding
	// is the provider's claim, to be checked off chain (docs/filecoin.md).
	MinerVerified bool
	// Metadata is the provider's latest registration metadata (opaque to the protocol; a
	// Brine node publishes {"peer": ..., "addrs": [...]} there so clients can reach it). Only
	// the backends' provider listings fill it; nil elsewhere.
	Metadata []byte
}

// Free is the stake that is neither locked nor unbonding.
func (p ProviderInfo) Free() *big.Int { return new(big.Int).Sub(p.Staked, p.Locked) }

// Errors every backend returns for rule violations, so callers can errors.Is them whatever the
// backend. Backends wrap them with the detail (the contract's error name and arguments).
var (
	ErrBadRequest     = errors.New("bad job request")
	ErrUnknownJob     = errors.New("unknown job")
	ErrWrongStatus    = errors.New("job is not in the right state for this")
	ErrTooEarly       = errors.New("too early")
	ErrTooLate        = errors.New("too late")
	ErrNotAllowed     = errors.New("not allowed for this account")
	ErrInsufficient   = errors.New("insufficient balance, allowance or stake")
	ErrNothingToDo    = errors.New("nothing to withdraw or claim")
	ErrCommitMismatch = errors.New("reveal does not match the commitment")
	ErrAlreadyDone    = errors.New("already done")
	ErrStaleRecord    = errors.New("job record out of date")
	ErrNotImplemented = errors.New("not supported by this settlement backend")
	// ErrMinerCheck: the chain's own check of a Filecoin miner binding refused it (FEVM's
	// miner actor answered another peer ID, an error, or nothing).
	ErrMinerCheck = errors.New("the chain refused the miner binding")
)
