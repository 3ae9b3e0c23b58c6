// Package testnode is the node half of the test harness: a staked provider of a test's own
// market (testchain.Market) with its peer identity and data directory, a node started for it
// and stopped when the test ends, and the wasm guest the node tests run (node/testdata/greet),
// built once per test binary.
package testnode
