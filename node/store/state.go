package store

import (
	"errors"
	"fmt"
	"slices"

	"github.com/brine-compute/brine/settlement"
)

// Role is the node's part in a job.
type Role uint8

// Roles.
const (
	RoleUnknown  Role = iota
	RoleProvider      // the provider of a single-replica job
	RoleReplica       // one replica of a replicated job
	RoleVerifier      // a verifier drawn for a challenge
)

var roleNames = [...]string{"unknown", "provider", "replica", "verifier"}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("role(%d)", uint8(r))
}

// CommitReveal reports whether the role commits a salted result and reveals it later.
func (r Role) CommitReveal() bool { return r == RoleReplica || r == RoleVerifier }

// MarshalText writes the role's name.
func (r Role) MarshalText() ([]byte, error) {
	if r > RoleVerifier {
		return nil, fmt.Errorf("store: invalid role %d", uint8(r))
	}
	return []byte(r.String()), nil
}

// UnmarshalText reads a role's name.
func (r *Role) UnmarshalText(b []byte) error {
	i := slices.Index(roleNames[:], string(b))
	if i < 0 {
		return fmt.Errorf("store: unknown role %q", b)
	}
	*r = Role(i)
	return nil
}

// State is where the node's work on a job stands (see the package documentation for the
// graph).
type State uint8

// States.
const (
	StateUnknown    State = iota
	StateSeen             // the node saw the job (or was drawn) and has not decided or acted yet
	StateAccepting        // the accept transaction may have been sent
	StateAccepted         // the node holds the job (or the verifier duty)
	StateRunning          // the executor runs the job
	StateExecuted         // the result is packaged and stored; ResultCID is set
	StateCommitting       // the commit transaction may have been sent
	StateCommitted        // the commitment (or N=1 result) is on chain
	StateRevealing        // the reveal transaction may have been sent
	StateRevealed         // the reveal is on chain
	StateFinalizing       // the finalize (or resolve) transaction may have been sent
	StateDone             // terminal: the job settled as far as the node is concerned
	StateFailed           // terminal: the job failed; Reason says why
	StateAbandoned        // terminal: the node let the job go (declined, lost a race, reclaimed); Reason says why
)

var stateNames = [...]string{"unknown", "seen", "accepting", "accepted", "running", "executed", "committing",
	"committed", "revealing", "revealed", "finalizing", "done", "failed", "abandoned"}

func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("state(%d)", uint8(s))
}

// Terminal reports whether nothing more happens to a record in state s.
func (s State) Terminal() bool { return s >= StateDone }

func (s State) valid() bool { return s > StateUnknown && s <= StateAbandoned }

// MarshalText writes the state's name.
func (s State) MarshalText() ([]byte, error) {
	if !s.valid() {
		return nil, fmt.Errorf("store: invalid state %d", uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads a state's name.
func (s *State) UnmarshalText(b []byte) error {
	i := slices.Index(stateNames[:], string(b))
	if i <= 0 {
		return fmt.Errorf("store: unknown state %q", b)
	}
	*s = State(i)
	return nil
}

// States lists every valid state.
func States() []State {
	out := make([]State, 0, len(stateNames)-1)
	for s := StateSeen; s <= StateAbandoned; s++ {
		out = append(out, s)
	}
	return out
}

// edge is one forward step of the graph; roles nil means every role.
type edge struct {
	from, to State
	roles    []Role
}

var edges = []edge{
	{StateSeen, StateAccepting, []Role{RoleProvider, RoleReplica}},
	{StateSeen, StateAccepted, []Role{RoleVerifier}}, // the draw is the verifier's acceptance
	{StateAccepting, StateAccepted, []Role{RoleProvider, RoleReplica}},
	{StateAccepted, StateRunning, nil},
	{StateRunning, StateExecuted, nil},
	{StateRunning, StateAccepted, nil}, // a run cut short (crash, shutdown) waits for another
	{StateExecuted, StateCommitting, nil},
	{StateCommitting, StateCommitted, nil},
	{StateCommitted, StateFinalizing, []Role{RoleProvider}},
	{StateCommitted, StateDone, []Role{RoleProvider}}, // someone else finalized
	{StateCommitted, StateRevealing, []Role{RoleReplica, RoleVerifier}},
	{StateRevealing, StateRevealed, []Role{RoleReplica, RoleVerifier}},
	{StateRevealed, StateFinalizing, []Role{RoleReplica, RoleVerifier}},
	{StateRevealed, StateDone, []Role{RoleReplica, RoleVerifier}},
	{StateFinalizing, StateDone, nil},
}

// Legal reports whether a record of role may go from one state to another: an edge of the
// graph, a non-terminal state to Failed or Abandoned, or an in-place update of a
// non-terminal state.
func Legal(role Role, from, to State) bool {
	if role == RoleUnknown || role > RoleVerifier || !from.valid() || !to.valid() || from.Terminal() {
		return false
	}
	if from == to || to == StateFailed || to == StateAbandoned {
		return true
	}
	for _, e := range edges {
		if e.from == from && e.to == to && (e.roles == nil || slices.Contains(e.roles, role)) {
			return true
		}
	}
	return false
}

// Errors. Use errors.Is; the typed errors below carry the detail.
var (
	ErrNotFound = errors.New("store: no record")
	ErrExists   = errors.New("store: job already recorded with another role")
	ErrConflict = errors.New("store: job is not in the expected state")
	ErrIllegal  = errors.New("store: illegal transition")
	ErrInvalid  = errors.New("store: invalid record")
	ErrSpecHash = errors.New("store: spec bytes do not hash to the key")
	ErrBound    = errors.New("store: data directory belongs to another deployment")
)

// ConflictError is a transition refused because the stored state was not the expected one.
type ConflictError struct {
	Job              settlement.JobID
	Expected, Actual State
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("store: job %d is %s, expected %s", e.Job, e.Actual, e.Expected)
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// TransitionError is a transition the graph does not have for the role.
type TransitionError struct {
	Job      settlement.JobID
	Role     Role
	From, To State
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("store: job %d: %s cannot go from %s to %s", e.Job, e.Role, e.From, e.To)
}

// Is makes errors.Is(err, ErrIllegal) true.
func (e *TransitionError) Is(target error) bool { return target == ErrIllegal }
