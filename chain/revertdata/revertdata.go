package revertdata

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// Error is a decoded revert: a contract's custom error, or Solidity's Error(string) and
// Panic(uint256) (both named "Error", with the reason as the one argument).
type Error struct {
	Name string // e.g. "StaleJobRecord"
	Args []any  // decoded arguments, in declaration order
	Data []byte // the raw revert data
}

func (e *Error) Error() string {
	if len(e.Args) == 0 {
		return "reverted: " + e.Name
	}
	parts := make([]string, len(e.Args))
	for i, a := range e.Args {
		if b, ok := a.([32]byte); ok {
			parts[i] = printable32(b)
			continue
		}
		parts[i] = fmt.Sprint(a)
	}
	return fmt.Sprintf("reverted: %s(%s)", e.Name, strings.Join(parts, ", "))
}

// printable32 shows a bytes32 that holds a short ASCII label (BadRequest("payment")) as text.
func printable32(b [32]byte) string {
	n := 0
	for n < 32 && b[n] != 0 {
		if b[n] < 0x20 || b[n] > 0x7e {
			return "0x" + hex.EncodeToString(b[:])
		}
		n++
	}
	for _, c := range b[n:] {
		if c != 0 {
			return "0x" + hex.EncodeToString(b[:])
		}
	}
	return fmt.Sprintf("%q", string(b[:n]))
}

// Decoder turns raw revert data into the error it stands for; nil when it does not know the
// data. It must not return a typed nil.
type Decoder func(data []byte) error

// dataError is implemented by go-ethereum RPC errors that carry revert data.
type dataError interface {
	ErrorData() interface{}
}

// Data returns the revert data err carries, in whichever shape the node sent it: geth and most
// clients put the hex string in the JSON-RPC error's data (code 3); Hardhat (EDR) puts an
// object there, {"message": ..., "data": "0x..."} (code -32603). ok is false when err carries
// no revert data.
func Data(err error) (data []byte, ok bool) {
	var de dataError
	if err == nil || !errors.As(err, &de) {
		return nil, false
	}
	return dataOf(de.ErrorData(), 0)
}

func dataOf(v any, depth int) ([]byte, bool) {
	switch v := v.(type) {
	case string:
		b, err := hex.DecodeString(strings.TrimPrefix(v, "0x"))
		if err != nil {
			return nil, false
		}
		return b, true
	case []byte:
		return v, true
	case map[string]any:
		if depth < 2 {
			return dataOf(v["data"], depth+1)
		}
	}
	return nil, false
}

// Decode returns the decoded revert wrapping err when err carries revert data that decode
// knows, and err unchanged otherwise. The result matches errors.Is(err) as before, and
// errors.As for whatever decode returns.
func Decode(err error, decode Decoder) error {
	data, ok := Data(err)
	if !ok {
		return err
	}
	if e := decode(data); e != nil {
		return fmt.Errorf("%w (%v)", e, err)
	}
	return err
}

// Standard decodes Error(string) and Panic(uint256), which any contract may revert with; nil
// for any other data.
func Standard(data []byte) *Error {
	if len(data) < 4 {
		return nil
	}
	if reason, err := abi.UnpackRevert(data); err == nil {
		return &Error{Name: "Error", Args: []any{reason}, Data: data}
	}
	return nil
}

// Generic is the Decoder for contracts whose ABI is not known: Standard, and otherwise an
// *Error named by the selector in hex ("0x1a2b3c4d") with the undecoded arguments as one
// hexutil.Bytes, so the failure can still be read and looked up. Nil only for data too short
// to hold a selector.
func Generic(data []byte) error {
	if len(data) < 4 {
		return nil
	}
	if e := Standard(data); e != nil {
		return e
	}
	e := &Error{Name: hexutil.Encode(data[:4]), Data: data}
	if len(data) > 4 {
		e.Args = []any{hexutil.Bytes(data[4:])}
	}
	return e
}
