// Package testharness is what every package's tests share, in one place: waiting by polling
// with a deadline (Eventually, and Poll for a caller whose message tells the last state it
// saw), a logger writing to the test's output (Logger), skipping a test whose environment is
// missing locally but failing it in CI (SkipOrFail), and a TestMain wrapper (Main) that tears
// down the fixtures a test binary shares, with SetParallel for packages whose tests mostly
// wait.
//
// It imports the standard library only, so that any package's tests can use it, however low
// the package (chain/txmgr's in-package tests do). The fixtures built on it live below it:
// testchain (a devnet the test binary shares, a market of a test's own on it, fresh funded
// accounts) and testnode (a staked provider with its identity and data directory, a started
// node, the greet guest).
package testharness
