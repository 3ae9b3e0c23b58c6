package revertdata

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

func TestData(t *testing.T) {
	stale := encode(t, "StaleJobRecord(uint256)", []string{"uint256"}, big.NewInt(42))
	tests := []struct {
		name   string
		err    error
		want   []byte
		wantOK bool
	}{
		{"geth hex string", rpcErr{"0x" + common.Bytes2Hex(stale)}, stale, true},
		{"bytes", rpcErr{stale}, stale, true},
		{"hardhat object", fmt.Errorf("estimate: %w", rpcErr{map[string]any{"message": "m", "data": "0x" + common.Bytes2Hex(stale)}}), stale, true},
		{"empty revert data", rpcErr{map[string]any{"message": "Transaction reverted without a reason", "data": "0x"}}, []byte{}, true},
		{"object without data", rpcErr{map[string]any{"message": "m"}}, nil, false},
		{"nested too deep", rpcErr{map[string]any{"data": map[string]any{"data": map[string]any{"data": "0x01"}}}}, nil, false},
		{"not hex", rpcErr{"0xzz"}, nil, false},
		{"no data method", errors.New("execution reverted"), nil, false},
		{"nil", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Data(tt.err)
			if ok != tt.wantOK || string(got) != string(tt.want) {
				t.Fatalf("Data = %x, %v; want %x, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// Generic reads what any contract can revert with and names everything else by its selector.
func TestGeneric(t *testing.T) {
	reason := encode(t, "Error(string)", []string{"string"}, "nope")
	panicked := encode(t, "Panic(uint256)", []string{"uint256"}, big.NewInt(0x11))
	unknown := encode(t, "NotOurs(uint256)", []string{"uint256"}, big.NewInt(42))
	bare := crypto.Keccak256([]byte("Bare()"))[:4]

	tests := []struct {
		name     string
		data     []byte
		wantName string // "" = not decoded
		wantText string
	}{
		{"Error(string)", reason, "Error", "reverted: Error(nope)"},
		{"Panic(uint256)", panicked, "Error", "overflow"},
		{"unknown selector", unknown, common.Bytes2Hex(unknown[:4]), "(0x" + common.Bytes2Hex(unknown[4:]) + ")"},
		{"selector without arguments", bare, common.Bytes2Hex(bare), "reverted: 0x" + common.Bytes2Hex(bare)},
		{"too short", []byte{1, 2}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Generic(tt.data)
			if tt.wantName == "" {
				if err != nil {
					t.Fatalf("Generic decoded %x: %v", tt.data, err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || strings.TrimPrefix(e.Name, "0x") != tt.wantName {
				t.Fatalf("Generic(%x) = %v, want %s", tt.data, err, tt.wantName)
			}
			if !strings.Contains(err.Error(), tt.wantText) {
				t.Fatalf("error %q does not contain %q", err.Error(), tt.wantText)
			}
		})
	}
}

// Decode wraps the decoded revert around the RPC error, and leaves what it cannot decode alone.
func TestDecode(t *testing.T) {
	reason := encode(t, "Error(string)", []string{"string"}, "nope")
	rpc := fmt.Errorf("estimate: %w", rpcErr{"0x" + common.Bytes2Hex(reason)})
	got := Decode(rpc, Generic)
	var e *Error
	if !errors.As(got, &e) || e.Name != "Error" {
		t.Fatalf("Decode = %v", got)
	}
	if !strings.Contains(got.Error(), "nope") || !strings.Contains(got.Error(), "estimate: execution reverted") {
		t.Fatalf("Decode = %q, want the reason and the RPC error", got)
	}
	never := func([]byte) error { return nil }
	if got := Decode(rpc, never); got != rpc {
		t.Fatalf("undecodable: Decode = %v, want the error unchanged", got)
	}
	plain := errors.New("connection refused")
	if got := Decode(plain, Generic); got != plain {
		t.Fatalf("no revert data: Decode = %v, want the error unchanged", got)
	}
}
