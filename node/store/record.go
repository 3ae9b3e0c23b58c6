package store

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/settlement"
)

// Salt is the secret of a commit-reveal commitment. It must be on disk before the commitment
// is sent: without it the node cannot reveal and loses its collateral.
type Salt [32]byte

// NewSalt returns a random salt.
func NewSalt() (Salt, error) {
	var s Salt
	if _, err := rand.Read(s[:]); err != nil {
		return s, fmt.Errorf("store: salt: %w", err)
	}
	return s, nil
}

// IsZero reports whether the salt is unset.
func (s Salt) IsZero() bool { return s == Salt{} }

// MarshalText writes the salt in hex.
func (s Salt) MarshalText() ([]byte, error) { return []byte(hex.EncodeToString(s[:])), nil }

// UnmarshalText reads a salt in hex.
func (s *Salt) UnmarshalText(b []byte) error {
	if len(b) != 2*len(s) {
		return fmt.Errorf("store: salt must be %d hex digits", 2*len(s))
	}
	_, err := hex.Decode(s[:], b)
	return err
}

// Step is one state change in a record's history.
type Step struct {
	From State     `json:"from"`
	To   State     `json:"to"`
	At   time.Time `json:"at"`
}

// maxHistory bounds a record's history; the oldest steps go first.
const maxHistory = 32

// JobRecord is the node's record of one job. The store sets State, Created, Updated and
// History; the rest is the job loop's to fill in, through Create and the mutate function of
// Transition.
type JobRecord struct {
	Job   settlement.JobID `json:"job"`
	Role  Role             `json:"role"`
	State State            `json:"state"`
	// Seat is the node's seat in the replica or verifier panel; -1 while unknown or for a
	// provider.
	Seat int `json:"seat"`
	// Replicas is the job's replica count N (a replica's record; 0 where unknown).
	Replicas uint8 `json:"replicas,omitempty"`

	SpecHash   common.Hash `json:"specHash"`
	Payment    *big.Int    `json:"payment,omitempty"`    // token base units
	Collateral *big.Int    `json:"collateral,omitempty"` // the node's collateral at stake
	// Deadlines the job loop acts on (chain time): accept by, result (or replica commit) by,
	// the vote or replica reveal windows, and the end of the challenge window.
	AcceptBy   time.Time `json:"acceptBy,omitzero"`
	ResultBy   time.Time `json:"resultBy,omitzero"`
	CommitBy   time.Time `json:"commitBy,omitzero"`
	RevealBy   time.Time `json:"revealBy,omitzero"`
	WindowEnds time.Time `json:"windowEnds,omitzero"`

	ResultCID []byte `json:"resultCID,omitempty"`
	Salt      Salt   `json:"salt"`
	// Outvoted marks a replica whose revealed result lost the replicas' round: its collateral
	// stays locked until the job ends, and the node contests the majority's result (a
	// challenge, then an appeal of a Rejected first verdict). The record ends when the job does.
	Outvoted bool `json:"outvoted,omitempty"`
	// Reason says why the job failed or was abandoned, or what last went wrong with it.
	Reason string `json:"reason,omitempty"`
	// Failure is set when the result (ResultCID) is a failure record: the job failed by its
	// own program, and this is how, in the executor's words ("exit code 3: …").
	Failure  string `json:"failure,omitempty"`
	Attempts int    `json:"attempts,omitempty"` // runs started (the executor) or sends retried

	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
	History []Step    `json:"history,omitempty"` // the latest state changes, oldest first
}

// clone returns a deep copy.
func (r JobRecord) clone() JobRecord {
	c := r
	if r.Payment != nil {
		c.Payment = new(big.Int).Set(r.Payment)
	}
	if r.Collateral != nil {
		c.Collateral = new(big.Int).Set(r.Collateral)
	}
	c.ResultCID = bytes.Clone(r.ResultCID)
	c.History = append([]Step(nil), r.History...)
	return c
}

// checkNew reports what is wrong with a record for Create.
func (r *JobRecord) checkNew() error {
	switch {
	case r.Job == 0:
		return fmt.Errorf("%w: job ID 0", ErrInvalid)
	case r.Role == RoleUnknown || r.Role > RoleVerifier:
		return fmt.Errorf("%w: job %d: role %s", ErrInvalid, r.Job, r.Role)
	case r.State != StateUnknown && r.State != StateSeen:
		return fmt.Errorf("%w: job %d: a new record starts in %s, not %s", ErrInvalid, r.Job, StateSeen, r.State)
	case !r.Salt.IsZero() || len(r.ResultCID) > 0:
		return fmt.Errorf("%w: job %d: a new record has no result or salt yet", ErrInvalid, r.Job)
	}
	return nil
}

// checkStep reports what a transition from old to r (whose State is already the new state)
// breaks.
func checkStep(old, r *JobRecord) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: job %d %s → %s: %s", ErrInvalid, old.Job, old.State, r.State, fmt.Sprintf(format, args...))
	}
	switch {
	case r.Job != old.Job || r.Role != old.Role:
		return bad("the job ID and role cannot change")
	case !r.Created.Equal(old.Created):
		return bad("the creation time cannot change")
	case !old.Salt.IsZero() && r.Salt != old.Salt:
		return bad("the salt cannot change once set")
	case old.State >= StateCommitting && !bytes.Equal(r.ResultCID, old.ResultCID):
		return bad("the result CID cannot change once it is being committed")
	}
	if r.State != old.State {
		switch r.State {
		case StateExecuted:
			if len(r.ResultCID) == 0 {
				return bad("an executed job needs its result CID")
			}
		case StateCommitting:
			if len(r.ResultCID) == 0 {
				return bad("committing needs the result CID")
			}
			if r.Role.CommitReveal() && r.Salt.IsZero() {
				return bad("a %s commits a salted result: set the salt first", r.Role)
			}
		case StateFailed, StateAbandoned:
			if r.Reason == "" {
				return bad("say why (Reason)")
			}
		}
	}
	return nil
}
