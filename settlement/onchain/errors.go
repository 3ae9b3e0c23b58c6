package onchain

import (
	"errors"
	"fmt"

	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/settlement"
)

// revertErrors maps the contracts' custom errors (and the token's) to settlement's errors.
var revertErrors = map[string]error{
	// JobMarket
	"UnknownJob":         settlement.ErrUnknownJob,
	"StaleJobRecord":     settlement.ErrStaleRecord,
	"WrongStatus":        settlement.ErrWrongStatus,
	"PanelNotReady":      settlement.ErrWrongStatus,
	"NotDrawn":           settlement.ErrWrongStatus,
	"JobFull":            settlement.ErrWrongStatus,
	"WrongReplicaMode":   settlement.ErrWrongStatus,
	"NotCommitted":       settlement.ErrWrongStatus,
	"TooEarly":           settlement.ErrTooEarly,
	"TooLate":            settlement.ErrTooLate,
	"NotProvider":        settlement.ErrNotAllowed,
	"SelfChallenge":      settlement.ErrNotAllowed,
	"NotAppealable":      settlement.ErrNotAllowed,
	"NotPanelMember":     settlement.ErrNotAllowed,
	"NothingToWithdraw":  settlement.ErrNothingToDo,
	"NoSurplus":          settlement.ErrNothingToDo,
	"CommitmentMismatch": settlement.ErrCommitMismatch,
	"AlreadyCommitted":   settlement.ErrAlreadyDone,
	"AlreadyRevealed":    settlement.ErrAlreadyDone,
	"AlreadyDrawn":       settlement.ErrAlreadyDone,
	"AlreadyReplica":     settlement.ErrAlreadyDone,
	"BadRequest":         settlement.ErrBadRequest,
	"BadCid":             settlement.ErrBadRequest,
	"BadBatch":           settlement.ErrBadRequest,
	// ProviderRegistry
	"NotMarket":                settlement.ErrNotAllowed,
	"InsufficientFreeStake":    settlement.ErrInsufficient,
	"NotActive":                settlement.ErrInsufficient,
	"NotUnbonded":              settlement.ErrNothingToDo,
	"ZeroAmount":               settlement.ErrBadRequest,
	"AmountTooLarge":           settlement.ErrBadRequest,
	"BadPeerId":                settlement.ErrBadRequest,
	"MetadataTooLong":          settlement.ErrBadRequest,
	"PeerIdTaken":              settlement.ErrNotAllowed,
	"PeerIdHeldByCheckedMiner": settlement.ErrNotAllowed,
	"NotRegistered":            settlement.ErrNotAllowed,
	"BadMinerId":               settlement.ErrBadRequest,
	"ControllerSigTooLong":     settlement.ErrBadRequest,
	"NoMinerBound":             settlement.ErrNothingToDo,
	"MinerPeerIdMismatch":      settlement.ErrMinerCheck,
	"MinerActorError":          settlement.ErrMinerCheck,
	"MinerCallFailed":          settlement.ErrMinerCheck,
	"MinerReturnMalformed":     settlement.ErrMinerCheck,
	"MinerCheckUnavailable":    settlement.ErrMinerCheck,
	// UptimeRewards
	"NotReporter":       settlement.ErrNotAllowed,
	"AlreadyClaimed":    settlement.ErrAlreadyDone,
	"RootAlreadyPosted": settlement.ErrAlreadyDone,
	// Shared: OpenZeppelin Ownable and ERC-20
	"OwnableUnauthorizedAccount": settlement.ErrNotAllowed,
	"ERC20InsufficientBalance":   settlement.ErrInsufficient,
	"ERC20InsufficientAllowance": settlement.ErrInsufficient,
}

// mapError wraps err with the settlement error its revert stands for, keeping the revert:
// errors.Is(err, settlement.ErrX) and errors.As(err, **reverts.Error) both hold. Errors
// without a known revert come back unchanged.
func mapError(err error) error {
	var re *reverts.Error
	if err == nil || !errors.As(err, &re) {
		return err
	}
	if target, ok := revertErrors[re.Name]; ok {
		return fmt.Errorf("%w: %w", target, err)
	}
	return err
}
