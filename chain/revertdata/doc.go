// Package revertdata finds the revert data a failed call's RPC error carries (each node sends
// it in its own shape) and decodes what any contract can revert with: Error(string) and
// Panic(uint256). Which custom error a selector names depends on the contracts, so that is
// the caller's Decoder: chain/reverts knows Brine's; the transaction manager takes one in its
// config and stays ignorant of every ABI.
package revertdata
