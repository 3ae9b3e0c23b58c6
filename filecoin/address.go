package filecoin

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/filecoin-project/go-address"
	"github.com/filecoin-project/go-state-types/builtin"
	"github.com/filecoin-project/lotus/chain/types/ethtypes"
)

// Network is which Filecoin network an address is written for: its string starts with "f" on
// mainnet and "t" on every testnet (calibration, devnets). The bytes, and so the checksum, are
// the same on both.
type Network int

const (
	Mainnet Network = iota
	Testnet
)

// The EVM chain IDs of Filecoin's public networks.
const (
	MainnetChainID     = 314
	CalibrationChainID = 314159
)

// NetworkOfChain is the Filecoin network of an EVM chain ID, and false for a chain that is not
// one of Filecoin's public networks (a Filecoin devnet has a chain ID of its own: ask its node,
// IsFilecoinNode).
func NetworkOfChain(chainID uint64) (Network, bool) {
	switch chainID {
	case MainnetChainID:
		return Mainnet, true
	case CalibrationChainID:
		return Testnet, true
	}
	return Mainnet, false
}

// ErrNotEthAccount means a Filecoin address is not the f410 form of an Ethereum-style account.
var ErrNotEthAccount = errors.New("not an f410 (Ethereum account) address")

// F410 is the delegated address of an Ethereum-style account: namespace 10 (the Ethereum
// Address Manager actor), the 20 bytes as sub-address, written "f410f…" on mainnet and
// "t410f…" on testnets. go-address computes the checksum.
func F410(a common.Address, net Network) string {
	d, err := address.NewDelegatedAddress(builtin.EthereumAddressManagerActorID, a.Bytes())
	if err != nil {
		panic(err) // 20 bytes are always a valid sub-address
	}
	s := d.String() // in go-address's current network: Brine never changes it
	if net == Testnet {
		s = address.TestnetPrefix + s[1:]
	} else {
		s = address.MainnetPrefix + s[1:]
	}
	return s
}

// ParseAccount reads an account typed as 0x followed by 40 hexadecimal digits, or as its f410
// address (f410f… or t410f…, checksum verified by go-address).
func ParseAccount(s string) (common.Address, error) {
	if common.IsHexAddress(s) {
		return common.HexToAddress(s), nil
	}
	if len(s) < 5 || !strings.EqualFold(s[1:4], "410") || (s[0] != 'f' && s[0] != 't') {
		return common.Address{}, fmt.Errorf("%q is not an account: expected 0x followed by 40 hexadecimal digits, or an f410f… address", s)
	}
	a, err := address.NewFromString(s)
	if err != nil {
		return common.Address{}, fmt.Errorf("%q: %w", s, err)
	}
	return EthAccount(a)
}

// EthAccount is the 0x account of an f410 address (Lotus's own conversion).
func EthAccount(a address.Address) (common.Address, error) {
	if a.Protocol() != address.Delegated {
		return common.Address{}, fmt.Errorf("%s: %w", a, ErrNotEthAccount)
	}
	eth, err := ethtypes.EthAddressFromFilecoinAddress(a)
	if err != nil {
		return common.Address{}, fmt.Errorf("%s: %w: %w", a, ErrNotEthAccount, err)
	}
	return common.Address(eth), nil
}

// Caller is a JSON-RPC client, as go-ethereum's rpc.Client is.
type Caller interface {
	CallContext(ctx context.Context, result any, method string, args ...any) error
}

// NetworkOf says which Filecoin network the node behind c follows: from the chain ID for
// Filecoin's public networks, else from whether the node answers Lotus's StateNetworkName (a
// Filecoin devnet, whose addresses are written as a testnet's). False means not Filecoin; an
// error from the node counts as that, so that a chain that is not Filecoin is shown as always.
func NetworkOf(ctx context.Context, c Caller, chainID uint64) (Network, bool) {
	if net, ok := NetworkOfChain(chainID); ok {
		return net, true
	}
	name, ok := NetworkName(ctx, c)
	if !ok {
		return Mainnet, false
	}
	if name == "mainnet" {
		return Mainnet, true
	}
	return Testnet, true
}

// NetworkName is the name the node behind c gives its Filecoin network (Lotus's
// StateNetworkName: "mainnet", "calibrationnet", a devnet's own), and false when the node does
// not answer it (not a Lotus node).
func NetworkName(ctx context.Context, c Caller) (string, bool) {
	var name string
	if err := c.CallContext(ctx, &name, "Filecoin.StateNetworkName"); err != nil || name == "" {
		return "", false
	}
	return name, true
}
