// Package filecoin speaks Lotus's own Go API (github.com/filecoin-project/lotus/api over
// go-jsonrpc) for what only Filecoin has: the chain head and network name, the chain ID, a miner
// actor's owner, worker, control addresses and libp2p peer ID (StateMinerInfo), and the
// finalized tipset (F3 fast finality, falling back to expected-consensus depth). It also
// converts accounts between their 0x form and their f410 (delegated) form, and checks a storage
// provider's binding of its miner actor to a Brine provider off chain (VerifyBinding: the miner's
// PeerId is the node's, and the provider's account or a controlling key's signature controls it).
//
// Everything EVM (transactions, contract calls, logs) goes through Lotus's Eth JSON-RPC like any
// other chain; this room is only the Filecoin-native side. Lotus is pinned by hand in go.mod;
// its api package builds without cgo, and a test fails if Brine's import graph ever reaches
// filecoin-ffi (the cgo library Lotus's FVM needs), as Lotus's own api package tests for itself.
package filecoin
