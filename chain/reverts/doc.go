// Package reverts turns the revert data of a failed call or transaction into the custom error
// one of Brine's contracts declared (its name and decoded arguments), so callers check failures
// with errors.As instead of matching text. Finding the data in an RPC error and the standard
// Error(string)/Panic(uint256) are chain/revertdata's; this package adds Brine's ABIs, and
// DecodeError is the decoder the transaction manager is configured with.
package reverts
