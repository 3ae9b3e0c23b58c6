package settlement

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// Every method acts as the backend's own account (the wallet it was opened with) and returns
// when the step is final in the backend's sense (on chain: mined at the confirmation depth).
// Rule violations come back wrapping one of the Err* values of this package.

// Clients post and pay for jobs.
type Clients interface {
	// PostJob escrows req.Payment and posts the job.
	PostJob(ctx context.Context, req JobRequest) (Job, error)
	// Reclaim refunds a job nobody (or not enough replicas) accepted by its accept-by time.
	Reclaim(ctx context.Context, id JobID) error
	// ClaimTimeout refunds a job whose provider committed no result by its deadline, with the
	// provider's collateral.
	ClaimTimeout(ctx context.Context, id JobID) error
}

// Providers run jobs and commit their results.
type Providers interface {
	// Register binds the node's peer ID (with the peer key's signature over RegistrationDigest).
	Register(ctx context.Context, peerID, peerSig, metadata []byte) error
	// RegistrationDigest is what the peer key signs for Register.
	RegistrationDigest(ctx context.Context, peerID []byte) (common.Hash, error)
	// Stake adds to the account's stake.
	Stake(ctx context.Context, amount *big.Int) error
	// Unstake moves free stake into unbonding.
	Unstake(ctx context.Context, amount *big.Int) error
	// WithdrawStake pays out unbonded stake; returns the amount.
	WithdrawStake(ctx context.Context) (*big.Int, error)
	// Accept takes the job (N=1) or the next replica seat (N>1), locking collateral.
	Accept(ctx context.Context, id JobID) error
	// CommitResult commits the result CID of a single-replica job.
	CommitResult(ctx context.Context, id JobID, cid []byte) error
}

// Panels runs the commit-reveal rounds of replicas and verifiers.
type Panels interface {
	// CommitReplica commits a replica's salted result at its seat.
	CommitReplica(ctx context.Context, id JobID, cid []byte, salt [32]byte) error
	// RevealReplica reveals it.
	RevealReplica(ctx context.Context, id JobID, cid []byte, salt [32]byte) error
	// ResolveReplicas tallies a replicated job; true when a majority agreed.
	ResolveReplicas(ctx context.Context, id JobID) (bool, error)
	// Challenge disputes a committed result, depositing the bond.
	Challenge(ctx context.Context, id JobID) error
	// DrawVerifiers draws a challenge's verifiers.
	DrawVerifiers(ctx context.Context, id JobID) ([]common.Address, error)
	// CommitVote commits a drawn verifier's salted result.
	CommitVote(ctx context.Context, id JobID, cid []byte, salt [32]byte) error
	// RevealVote reveals it.
	RevealVote(ctx context.Context, id JobID, cid []byte, salt [32]byte) error
	// Appeal appeals the first verifier panel's verdict to the final panel, depositing the
	// appeal bond; only the side the verdict is against may, inside the appeal window.
	Appeal(ctx context.Context, id JobID) error
	// ResolveChallenge pays out a challenge.
	ResolveChallenge(ctx context.Context, id JobID) (Outcome, error)
}

// Payouts settles jobs and pays credited balances.
type Payouts interface {
	// Finalize settles finalizable jobs (many at once where the backend can).
	Finalize(ctx context.Context, ids ...JobID) error
	// Withdraw pays the account's credited balance; returns the amount.
	Withdraw(ctx context.Context) (*big.Int, error)
}

// Reader answers questions about state; it needs no account.
type Reader interface {
	// Job returns a job's current state (terminal jobs keep their last state and end status).
	Job(ctx context.Context, id JobID) (Job, error)
	// Jobs lists jobs, newest first, at most limit (0 = all).
	Jobs(ctx context.Context, filter JobFilter, limit int) ([]Job, error)
	// Panel returns a job's replica panel (replicas=true) or verifier panel.
	Panel(ctx context.Context, id JobID, replicas bool) (Panel, error)
	// Balance is an account's credited, withdrawable balance.
	Balance(ctx context.Context, account common.Address) (*big.Int, error)
	// Provider is a provider's registration and stake.
	Provider(ctx context.Context, account common.Address) (ProviderInfo, error)
}

// JobFilter narrows Jobs. Zero fields match everything.
type JobFilter struct {
	Client   common.Address
	Provider common.Address
	Status   Status
	Live     bool // only jobs that have not ended
}

// Match reports whether j passes the filter.
func (f JobFilter) Match(j Job) bool {
	if f.Client != (common.Address{}) && j.Client != f.Client {
		return false
	}
	if f.Provider != (common.Address{}) && j.Provider != f.Provider {
		return false
	}
	if f.Status != StatusUnknown && j.Status != f.Status {
		return false
	}
	return !f.Live || !j.Status.Terminal()
}

// Settlement is everything a Brine account can do.
type Settlement interface {
	Clients
	Providers
	Panels
	Payouts
	Reader
	// Account is the account the backend acts as.
	Account() common.Address
}
