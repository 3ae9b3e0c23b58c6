package txmgr

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/rpc"
)

// class is what the manager does about an error from the node.
type class int

const (
	classOther              class = iota // unknown: not believed; retried when a transaction is in flight
	classTransient                       // the call may not have reached the node, or the node is lagging: retry
	classKnown                           // the node already has this transaction: it was sent
	classNonceTooLow                     // the nonce is used: reconcile (maybe ours was mined)
	classReplaceUnderpriced              // another transaction at this nonce pays more: bump more
	classFeeTooLow                       // the fees are below what the node or block requires: bump
	classRejected                        // the node refuses this transaction outright
	classReverted                        // the call reverts (only from estimation and calls)
)

func (c class) String() string {
	return [...]string{"other", "transient", "known", "nonce-too-low", "replace-underpriced",
		"fee-too-low", "rejected", "reverted"}[c]
}

// errorValues maps go-ethereum's error values to classes. They match with errors.Is when a
// client returns them as values (an in-process backend); over JSON-RPC only their text
// arrives, which messageTable matches.
var errorValues = []struct {
	err error
	c   class
}{
	{txpool.ErrAlreadyKnown, classKnown},
	{core.ErrNonceTooLow, classNonceTooLow},
	{txpool.ErrReplaceUnderpriced, classReplaceUnderpriced}, // before ErrUnderpriced: its text contains it
	{txpool.ErrUnderpriced, classFeeTooLow},
	{txpool.ErrTxGasPriceTooLow, classFeeTooLow},
	{core.ErrFeeCapTooLow, classFeeTooLow},
	{core.ErrNonceTooHigh, classTransient}, // an earlier nonce is still on its way
	{txpool.ErrOutOfCapacity, classTransient},
	{txpool.ErrAccountLimitExceeded, classTransient},
	{txpool.ErrAlreadyReserved, classTransient},
	{txpool.ErrInflightTxLimitReached, classTransient},
	{core.ErrInsufficientFunds, classRejected},
	{core.ErrInsufficientFundsForTransfer, classRejected},
	{core.ErrIntrinsicGas, classRejected},
	{core.ErrFloorDataGas, classRejected},
	{core.ErrGasLimitTooHigh, classRejected},
	{core.ErrTipAboveFeeCap, classRejected},
	{core.ErrTxTypeNotSupported, classRejected},
	{txpool.ErrGasLimit, classRejected},
	{txpool.ErrInvalidSender, classRejected},
	{txpool.ErrOversizedData, classRejected},
	{txpool.ErrNegativeValue, classRejected},
	{vm.ErrExecutionReverted, classReverted},
}

// messageTable matches the text of JSON-RPC error messages, lower-cased, first match wins.
// This is the one place in Brine where error text is matched: a remote node's errors reach
// us only as text. go-ethereum's own messages come from errorValues; the rest are other
// clients' and providers' spellings of the same conditions.
var messageTable = func() []struct {
	substr string
	c      class
} {
	var t []struct {
		substr string
		c      class
	}
	for _, v := range errorValues {
		t = append(t, struct {
			substr string
			c      class
		}{strings.ToLower(v.err.Error()), v.c})
	}
	for _, v := range []struct {
		substr string
		c      class
	}{
		{"known transaction", classKnown},      // Nethermind, older geth
		{"alreadyknown", classKnown},           // Nethermind
		{"already imported", classKnown},       // Besu
		{"oldnonce", classNonceTooLow},         // Nethermind
		{"nonce is too low", classNonceTooLow}, // Besu
		{"replacement_underpriced", classReplaceUnderpriced},
		{"feetoolow", classFeeTooLow}, // Nethermind
		{"gas price too low", classFeeTooLow},
		// Hardhat (EDR): code -32603 for everything; reverts carry their data in an object
		// (see revertdata.Data). Its nonce, known-transaction and replacement texts match above.
		{"vm exception while processing transaction: revert", classReverted},
		{"transaction reverted without a reason", classReverted},
		{"transaction reverted: function", classReverted}, // "...: function selector was not recognized ..."
		{"is too low for the next block", classFeeTooLow},
		{"doesn't have enough funds", classRejected},
		{"transaction requires at least", classRejected}, // intrinsic gas
		{"exceeds transaction gas cap", classRejected},
		{"is bigger than maxfeepergas", classRejected},
		{"invalid chainid", classRejected},

		{"txpool is full", classTransient}, // geth legacypool.ErrTxPoolOverflow
		{"future transaction tries to replace pending", classTransient},
		{"transaction indexing is in progress", classTransient},
		{"header not found", classTransient}, // a lagging node behind a load balancer
		{"too many requests", classTransient},
		{"rate limit", classTransient},
		{"request timed out", classTransient},
		{"timeout", classTransient},
		{"connection reset", classTransient},
		{"connection refused", classTransient},
		{"broken pipe", classTransient},
		{"unexpected eof", classTransient},
		{"service unavailable", classTransient},
		{"bad gateway", classTransient},
		{"gateway timeout", classTransient},
	} {
		t = append(t, v)
	}
	return t
}()

// classify decides what an error from the node means. It checks error values and types first
// and falls back to the message text.
func classify(err error) class {
	if err == nil {
		return classOther
	}
	for _, v := range errorValues {
		if errors.Is(err, v.err) {
			return v.c
		}
	}
	// A revert carries code 3 (geth's revertError), with its data.
	var rpcErr rpc.Error
	if errors.As(err, &rpcErr) && rpcErr.ErrorCode() == 3 {
		return classReverted
	}
	var httpErr rpc.HTTPError
	if errors.As(err, &httpErr) {
		switch {
		case httpErr.StatusCode >= 500, httpErr.StatusCode == http.StatusTooManyRequests,
			httpErr.StatusCode == http.StatusRequestTimeout:
			return classTransient
		}
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.EOF) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNABORTED) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, net.ErrClosed) {
		return classTransient
	}
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return classTransient
	}
	if rpcErr != nil && rpcErr.ErrorCode() == -32005 { // EIP-1474 "limit exceeded"
		return classTransient
	}
	msg := strings.ToLower(err.Error())
	for _, m := range messageTable {
		if strings.Contains(msg, m.substr) {
			return m.c
		}
	}
	if msg == "eof" || strings.HasSuffix(msg, ": eof") {
		return classTransient
	}
	return classOther
}
