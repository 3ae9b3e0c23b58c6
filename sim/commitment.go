package sim

import (
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// commitmentArgs is the market's commitment preimage (JobMarket.commitmentFor):
// abi.encode("brine/commit/v1", block.chainid, address(this), id, kind, account, resultHash, salt).
// Every vote and replica commit needs one; computing it here instead of calling the market
// saves an EVM call per commitment. TestCommitmentMatchesMarket holds it to the contract.
var commitmentArgs = func() abi.Arguments {
	must := func(t string) abi.Type {
		typ, err := abi.NewType(t, "", nil)
		if err != nil {
			panic(err) // fixed type names
		}
		return typ
	}
	return abi.Arguments{
		{Type: must("string")}, {Type: must("uint256")}, {Type: must("address")}, {Type: must("uint256")},
		{Type: must("uint8")}, {Type: must("address")}, {Type: must("bytes32")}, {Type: must("bytes32")},
	}
}()

// commitmentDomain is the commitment's domain tag in the market.
const commitmentDomain = "brine/commit/v1"

// commitmentFor is JobMarket.commitmentFor(id, kind, account, resultHash, salt) of the market
// at `market` on the chain `chainID`.
func commitmentFor(chainID *big.Int, market common.Address, id *big.Int, kind uint8, account common.Address, resultHash, salt [32]byte) [32]byte {
	enc, err := commitmentArgs.Pack(commitmentDomain, chainID, market, id, kind, account, resultHash, salt)
	if err != nil {
		panic(err) // the values match the fixed types
	}
	return crypto.Keccak256Hash(enc)
}
