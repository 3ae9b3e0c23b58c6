// Package devnet runs a real go-ethereum node in dev mode inside the Brine process: the node,
// the eth service and the simulated beacon that `geth --dev` uses, producing blocks on a
// period and serving JSON-RPC on loopback, with Brine's contracts deployed and dev accounts
// funded. It is the default chain for `brine devnet`, `make demo` and end-to-end tests.
package devnet
