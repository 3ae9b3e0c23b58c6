package reverts

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/revertdata"
)

// Error is a decoded custom error (or Solidity Error(string)/Panic(uint256)).
type Error = revertdata.Error

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

// Decode returns a *Error wrapping err when err carries revert data of a known error, and err
// unchanged otherwise.
func Decode(err error) error {
	return revertdata.Decode(err, DecodeError)
}

// DecodeError is DecodeData as a revertdata.Decoder, the one txmgr.Config.RevertDecoder takes
// for Brine's contracts: nil (not a typed nil) when the selector is unknown.
func DecodeError(data []byte) error {
	if e := DecodeData(data); e != nil {
		return e
	}
	return nil
}

// DecodeData decodes raw revert data; nil when the selector is unknown.
func DecodeData(data []byte) *Error {
	if len(data) < 4 {
		return nil
	}
	if e := revertdata.Standard(data); e != nil {
		return e
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
