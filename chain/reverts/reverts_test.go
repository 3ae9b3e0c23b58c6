package reverts

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// rpcErr mimics go-ethereum's JSON-RPC error carrying revert data.
type rpcErr struct{ data any }

func (e rpcErr) Error() string          { return "execution reverted" }
func (e rpcErr) ErrorData() interface{} { return e.data }

func encode(t *testing.T, sig string, types []string, args ...any) []byte {
	t.Helper()
	var in abi.Arguments
	for _, ty := range types {
		typ, err := abi.NewType(ty, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, abi.Argument{Type: typ})
	}
	packed, err := in.Pack(args...)
	if err != nil {
		t.Fatal(err)
	}
	return append(crypto.Keccak256([]byte(sig))[:4], packed...)
}

func TestDecode(t *testing.T) {
	var label [32]byte
	copy(label[:], "payment")
	stale := encode(t, "StaleJobRecord(uint256)", []string{"uint256"}, big.NewInt(42))
	bad := encode(t, "BadRequest(bytes32)", []string{"bytes32"}, label)
	reason := encode(t, "Error(string)", []string{"string"}, "nope")
	unknown := encode(t, "NotOurs(uint256)", []string{"uint256"}, big.NewInt(1))

	tests := []struct {
		name     string
		err      error
		wantName string // "" = not decoded
		wantText string
	}{
		{"custom error, hex string", rpcErr{"0x" + common.Bytes2Hex(stale)}, "StaleJobRecord", "StaleJobRecord(42)"},
		{"custom error, bytes", rpcErr{stale}, "StaleJobRecord", "StaleJobRecord(42)"},
		{"bytes32 label shown as text", rpcErr{bad}, "BadRequest", `BadRequest("payment")`},
		{"Error(string)", rpcErr{reason}, "Error", "nope"},
		{"wrapped", fmt.Errorf("estimate: %w", rpcErr{stale}), "StaleJobRecord", "StaleJobRecord"},
		{"unknown selector", rpcErr{unknown}, "", "execution reverted"},
		{"no data", errors.New("connection refused"), "", "connection refused"},
		{"garbage hex", rpcErr{"0xzz"}, "", "execution reverted"},
		// Hardhat (EDR) sends code -32603 with an object: {"message": ..., "data": "0x..."}.
		{"hardhat object", rpcErr{map[string]any{"message": "Error: VM Exception while processing transaction: reverted with an unrecognized custom error", "data": "0x" + common.Bytes2Hex(stale)}}, "StaleJobRecord", "StaleJobRecord(42)"},
		{"hardhat reason string", rpcErr{map[string]any{"message": "reverted with reason string 'nope'", "data": "0x" + common.Bytes2Hex(reason)}}, "Error", "nope"},
		{"hardhat object without data", rpcErr{map[string]any{"message": "Transaction reverted without a reason"}}, "", "execution reverted"},
		{"hardhat object, unknown selector", rpcErr{map[string]any{"data": "0x" + common.Bytes2Hex(unknown)}}, "", "execution reverted"},
		{"object with non-string data", rpcErr{map[string]any{"data": 42}}, "", "execution reverted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Decode(tt.err)
			if tt.wantName == "" {
				var e *Error
				if errors.As(got, &e) || got.Error() != tt.err.Error() {
					t.Fatalf("Decode changed an undecodable error: %v", got)
				}
			} else if !Is(got, tt.wantName) {
				t.Fatalf("Is(%v, %q) = false", got, tt.wantName)
			}
			if !strings.Contains(got.Error(), tt.wantText) {
				t.Fatalf("error %q does not contain %q", got.Error(), tt.wantText)
			}
		})
	}
	if Decode(nil) != nil {
		t.Fatal("Decode(nil) != nil")
	}
}

func TestDecodeDataArgs(t *testing.T) {
	data := encode(t, "InsufficientFreeStake(uint256,uint256)", []string{"uint256", "uint256"}, big.NewInt(5), big.NewInt(9))
	e := DecodeData(data)
	if e == nil || e.Name != "InsufficientFreeStake" || len(e.Args) != 2 {
		t.Fatalf("decoded %+v", e)
	}
	if e.Args[0].(*big.Int).Int64() != 5 || e.Args[1].(*big.Int).Int64() != 9 {
		t.Fatalf("args %v", e.Args)
	}
	if DecodeData([]byte{1, 2}) != nil {
		t.Fatal("short data decoded")
	}
}
