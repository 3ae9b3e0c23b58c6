// Package reverts turns the revert data of a failed call or transaction into the custom error
// the contract declared (its name and decoded arguments), so callers check failures with
// errors.As instead of matching text.
package reverts
