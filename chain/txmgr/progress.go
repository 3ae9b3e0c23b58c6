package txmgr

import (
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/chain/finality"
)

// Request is one transaction to send.
type Request struct {
	// ID is the idempotency key chosen by the caller ("job/42/accept"). Sending the same ID
	// again returns the existing outcome (or waits for the one in flight) instead of sending a
	// second transaction. At most MaxIDLength bytes.
	ID string
	// To is the recipient; nil deploys Data as a contract.
	To    *common.Address
	Data  []byte
	Value *big.Int // wei; nil for none
	// GasLimit 0 means estimate and add Config.GasMargin percent.
	GasLimit uint64
	// Progress, if set, is called synchronously from the manager's goroutines as the request
	// advances. It must return quickly.
	Progress func(Progress)
}

// MaxIDLength bounds Request.ID.
const MaxIDLength = 256

// Stage is a step in a request's life.
type Stage int

const (
	StageEstimating    Stage = iota + 1 // estimating gas (the call is checked for reverts)
	StageSigned                         // signed and journaled: Nonce and Tx are set
	StageSent                           // broadcast accepted by the node: Tx
	StageBumped                         // replaced by a higher-fee attempt: Replaced -> Tx
	StageIncluded                       // a receipt exists: Tx, Block
	StageConfirmations                  // Confirmations of Depth blocks
	StageReorged                        // the including block left the canonical chain: Block
	StageFeeCapReached                  // a bump would exceed Config.MaxFeePerGas; waiting
	StageConfirmed                      // final: Tx, Block
)

var stageNames = map[Stage]string{
	StageEstimating:    "estimating",
	StageSigned:        "signed",
	StageSent:          "sent",
	StageBumped:        "bumped",
	StageIncluded:      "included",
	StageConfirmations: "confirmations",
	StageReorged:       "reorged",
	StageFeeCapReached: "fee-cap-reached",
	StageConfirmed:     "confirmed",
}

func (s Stage) String() string {
	if n, ok := stageNames[s]; ok {
		return n
	}
	return "unknown"
}

// Progress reports one step of a request.
type Progress struct {
	ID            string
	Stage         Stage
	Nonce         uint64
	Tx            common.Hash // the attempt concerned
	Replaced      common.Hash // StageBumped: the attempt replaced
	Block         uint64      // StageIncluded, StageReorged, StageConfirmed
	Confirmations uint64      // StageConfirmations
	Depth         uint64      // StageConfirmations: the configured depth (0 under a tag rule)
	// StageConfirmations under a tag rule (Config.Finality "safe" or "finalized"): the tag
	// and the block it names now; the receipt counts once Final reaches Block.
	Tag   finality.Tag
	Final uint64
}

var (
	// ErrWouldRevert: the call reverts (gas estimation or the pre-flight call returned revert
	// data), so nothing was signed or sent. The error Config.RevertDecoder decodes is wrapped too.
	ErrWouldRevert = errors.New("txmgr: call would revert; not sent")
	// ErrReverted: the transaction was mined with status 0. Send returns the receipt along
	// with it, and the decoded error when replaying the call yields revert data.
	ErrReverted = errors.New("txmgr: transaction reverted")
	// ErrRejected: the node refused every attempt of the request outright (for example
	// insufficient funds) and none can have been broadcast, so the request was dropped and its
	// nonce released. Sending the same ID again starts afresh.
	ErrRejected = errors.New("txmgr: transaction rejected by the node")
	// ErrFeeCapExceeded: the fees the request needs exceed Config.MaxFeePerGas; nothing sent.
	ErrFeeCapExceeded = errors.New("txmgr: fees exceed MaxFeePerGas")
	// ErrRequestMismatch: the ID was already used for a different To, Data or Value.
	ErrRequestMismatch = errors.New("txmgr: request ID reused for a different transaction")
	// ErrStopped: the manager is not running. A request already journaled is resumed by the
	// next Start on the same journal.
	ErrStopped = errors.New("txmgr: manager not running")
	// ErrPending: Send's context ended while the transaction was in flight. The manager keeps
	// driving it; Send again with the same ID to wait for its outcome.
	ErrPending = errors.New("txmgr: transaction still pending")
)
