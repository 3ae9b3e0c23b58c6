package onchain

import (
	"errors"
	"fmt"
	"testing"

	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/settlement"
)

func TestMapError(t *testing.T) {
	cases := []struct {
		name string
		want error
	}{
		{"UnknownJob", settlement.ErrUnknownJob},
		{"StaleJobRecord", settlement.ErrStaleRecord},
		{"WrongStatus", settlement.ErrWrongStatus},
		{"PanelNotReady", settlement.ErrWrongStatus},
		{"NotAppealable", settlement.ErrNotAllowed},
		{"NotDrawn", settlement.ErrWrongStatus},
		{"JobFull", settlement.ErrWrongStatus},
		{"WrongReplicaMode", settlement.ErrWrongStatus},
		{"NotCommitted", settlement.ErrWrongStatus},
		{"TooEarly", settlement.ErrTooEarly},
		{"TooLate", settlement.ErrTooLate},
		{"NotProvider", settlement.ErrNotAllowed},
		{"SelfChallenge", settlement.ErrNotAllowed},
		{"NotPanelMember", settlement.ErrNotAllowed},
		{"NotMarket", settlement.ErrNotAllowed},
		{"OwnableUnauthorizedAccount", settlement.ErrNotAllowed},
		{"NotReporter", settlement.ErrNotAllowed},
		{"PeerIdTaken", settlement.ErrNotAllowed},
		{"NotRegistered", settlement.ErrNotAllowed},
		{"InsufficientFreeStake", settlement.ErrInsufficient},
		{"NotActive", settlement.ErrInsufficient},
		{"ERC20InsufficientBalance", settlement.ErrInsufficient},
		{"ERC20InsufficientAllowance", settlement.ErrInsufficient},
		{"NothingToWithdraw", settlement.ErrNothingToDo},
		{"NotUnbonded", settlement.ErrNothingToDo},
		{"CommitmentMismatch", settlement.ErrCommitMismatch},
		{"AlreadyCommitted", settlement.ErrAlreadyDone},
		{"AlreadyRevealed", settlement.ErrAlreadyDone},
		{"AlreadyDrawn", settlement.ErrAlreadyDone},
		{"AlreadyReplica", settlement.ErrAlreadyDone},
		{"AlreadyClaimed", settlement.ErrAlreadyDone},
		{"RootAlreadyPosted", settlement.ErrAlreadyDone},
		{"BadRequest", settlement.ErrBadRequest},
		{"BadCid", settlement.ErrBadRequest},
		{"BadBatch", settlement.ErrBadRequest},
		{"ZeroAmount", settlement.ErrBadRequest},
		{"AmountTooLarge", settlement.ErrBadRequest},
		{"BadPeerId", settlement.ErrBadRequest},
		{"MetadataTooLong", settlement.ErrBadRequest},
	}
	all := []error{settlement.ErrBadRequest, settlement.ErrUnknownJob, settlement.ErrWrongStatus, settlement.ErrTooEarly,
		settlement.ErrTooLate, settlement.ErrNotAllowed, settlement.ErrInsufficient, settlement.ErrNothingToDo,
		settlement.ErrCommitMismatch, settlement.ErrAlreadyDone, settlement.ErrStaleRecord, settlement.ErrNotImplemented}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// As the transaction manager returns it: wrapped in its own error.
			raw := fmt.Errorf("txmgr: call would revert; not sent: %w", &reverts.Error{Name: tc.name})
			err := mapError(raw)
			if !errors.Is(err, tc.want) {
				t.Fatalf("mapError(%s) = %v, want it to wrap %v", tc.name, err, tc.want)
			}
			for _, other := range all {
				if other != tc.want && errors.Is(err, other) {
					t.Errorf("mapError(%s) also wraps %v", tc.name, other)
				}
			}
			var re *reverts.Error
			if !errors.As(err, &re) || re.Name != tc.name {
				t.Errorf("mapError(%s) lost the revert: %v", tc.name, err)
			}
		})
	}

	t.Run("unmapped revert passes through", func(t *testing.T) {
		raw := &reverts.Error{Name: "ReentrancyGuardReentrantCall"}
		if err := mapError(raw); err != error(raw) {
			t.Errorf("mapError changed an unmapped revert: %v", err)
		}
	})
	t.Run("plain error passes through", func(t *testing.T) {
		raw := errors.New("connection refused")
		if err := mapError(raw); err != raw {
			t.Errorf("mapError changed a plain error: %v", err)
		}
	})
	t.Run("every mapped name is a real contract error", func(t *testing.T) {
		for name := range revertErrors {
			if _, ok := contractErrors()[name]; !ok {
				t.Errorf("revertErrors maps %q, which no Brine contract declares", name)
			}
		}
	})
}
