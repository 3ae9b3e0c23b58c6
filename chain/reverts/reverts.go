package reverts

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi"

	"github.com/brine-compute/brine/bindings"
)

// Error is a decoded custom error (or Solidity Error(string)/Panic(uint256)).
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

// Is reports whether err is (or wraps) a revert with the given error name.
func Is(err error, name string) bool {
	var e *Error
	return errors.As(err, &e) && e.Name == name
}

var (
	once   sync.Once
	errMap map[[4]byte]abi.Error
)

func table() map[[4]byte]abi.Error {
	once.Do(func() {
		errMap = make(map[[4]byte]abi.Error)
		for _, md := range []string{
			bindings.JobMarketMetaData.ABI,
			bindings.ProviderRegistryMetaData.ABI,
			bindings.UptimeRewardsMetaData.ABI,
			bindings.BrineTokenMetaData.ABI,
			bindings.TokenProbeMetaData.ABI,
		} {
			parsed, err := abi.JSON(strings.NewReader(md))
			if err != nil {
				panic(fmt.Sprintf("reverts: generated ABI does not parse: %v", err))
			}
			for _, e := range parsed.Errors {
				var sel [4]byte
				copy(sel[:], e.ID[:4])
				errMap[sel] = e
			}
		}
	})
	return errMap
}

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

// Decode returns a *Error wrapping err when err carries revert data of a known error, and err
// unchanged otherwise.
func Decode(err error) error {
	data, ok := Data(err)
	if !ok {
		return err
	}
	if e := DecodeData(data); e != nil {
		return fmt.Errorf("%w (%v)", e, err)
	}
	return err
}

// DecodeData decodes raw revert data; nil when the selector is unknown.
func DecodeData(data []byte) *Error {
	if len(data) < 4 {
		return nil
	}
	if reason, err := abi.UnpackRevert(data); err == nil {
		return &Error{Name: "Error", Args: []any{reason}, Data: data}
	}
	var sel [4]byte
	copy(sel[:], data[:4])
	e, ok := table()[sel]
	if !ok {
		return nil
	}
	args, err := e.Inputs.Unpack(data[4:])
	if err != nil {
		return &Error{Name: e.Name, Data: data}
	}
	return &Error{Name: e.Name, Args: args, Data: data}
}
