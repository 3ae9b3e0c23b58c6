// Package testharness is what every package's tests share, in one place: waiting by polling
// with a deadline (Eventually), a logger writing to the test's output (Logger), skipping a
// test whose environment is missing locally but failing it in CI (SkipOrFail), and a
// TestMain wrapper (Main) that tears down the fixtures a test binary shares.
//
// It imports the standard library only, so that any package's tests can use it, however low
// the package. The fixtures built on it live below it: testchain (a shared devnet, a market
// of a test's own on it, fresh funded accounts) and testnode (a staked provider with its
// identity and data directory, a started node).
package testharness
