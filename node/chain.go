package node

import (
	"context"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
)

// The roles the node plays on the market: the parts of a settlement backend (settlement's
// interfaces, whose comments say what each method does) it uses, and no more, so a fake or a
// decorator (node/dishonest) need only know the steps it alters. settlement/onchain's Managed
// plays them all.

// JobReader reads the jobs and panels the node takes part in.
type JobReader interface {
	Job(ctx context.Context, id settlement.JobID) (settlement.Job, error)
	Panel(ctx context.Context, id settlement.JobID, replicas bool) (settlement.Panel, error)
}

// Provider takes jobs, commits single results, settles them and is paid.
type Provider interface {
	Accept(ctx context.Context, id settlement.JobID) error
	CommitResult(ctx context.Context, id settlement.JobID, cid []byte) error
	// Reclaim lets go of a replicated job short of seats past its accept-by (anyone may).
	Reclaim(ctx context.Context, id settlement.JobID) error
	Finalize(ctx context.Context, ids ...settlement.JobID) error
	// Appeal appeals a first verifier panel's verdict against the node's result.
	Appeal(ctx context.Context, id settlement.JobID) error
	Balance(ctx context.Context, account common.Address) (*big.Int, error)
	Withdraw(ctx context.Context) (*big.Int, error)
}

// Replica sits on a replicated job's commit-reveal round, and challenges the majority's result
// when the round outvoted its own.
type Replica interface {
	CommitReplica(ctx context.Context, id settlement.JobID, cid []byte, salt [32]byte) error
	RevealReplica(ctx context.Context, id settlement.JobID, cid []byte, salt [32]byte) error
	ResolveReplicas(ctx context.Context, id settlement.JobID) (bool, error)
	Challenge(ctx context.Context, id settlement.JobID) error
}

// Verifier draws a challenge's verifiers and votes when drawn.
type Verifier interface {
	DrawVerifiers(ctx context.Context, id settlement.JobID) ([]common.Address, error)
	CommitVote(ctx context.Context, id settlement.JobID, cid []byte, salt [32]byte) error
	RevealVote(ctx context.Context, id settlement.JobID, cid []byte, salt [32]byte) error
	ResolveChallenge(ctx context.Context, id settlement.JobID) (settlement.Outcome, error)
}

// Registry publishes the node's peer ID and addresses and lists the other providers (to
// find their nodes and to take turns with them, stagger.go).
type Registry interface {
	Register(ctx context.Context, peerID, peerSig, metadata []byte) error
	RegistrationDigest(ctx context.Context, peerID []byte) (common.Hash, error)
	Provider(ctx context.Context, account common.Address) (settlement.ProviderInfo, error)
	ProviderMetadata(ctx context.Context, account common.Address) ([]byte, error)
	UpdateMetadata(ctx context.Context, metadata []byte) error
	ProviderDirectory(ctx context.Context) ([]settlement.ProviderInfo, error)
}

// Chain is every role the node plays, acting as one provider account.
type Chain interface {
	JobReader
	Provider
	Replica
	Verifier
	Registry
	// Account is the provider account the chain acts as.
	Account() common.Address
}

// DutyDecliner is the optional capability of a Chain whose node takes no verifier duty: it
// neither draws a challenge's verifiers nor votes when drawn. node/dishonest's chains decline
// (a node that lies is no judge); a Chain without it takes the duty.
type DutyDecliner interface {
	DeclinesVerifierDuty() bool
}

// Withheld is the error of a Chain step withheld on purpose (only node/dishonest's
// decorators, for tests and the demo, return it): the job's record ends in End with Reason,
// and the node takes no further step of the job.
type Withheld struct {
	End    store.State // StateFailed or StateAbandoned
	Reason string
}

func (w *Withheld) Error() string { return "step withheld: " + w.Reason }

// declinesDuty reports whether c takes no verifier duty.
func declinesDuty(c Chain) bool {
	d, ok := c.(DutyDecliner)
	return ok && d.DeclinesVerifierDuty()
}
