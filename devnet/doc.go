// Package devnet runs a real go-ethereum node in dev mode inside the Brine process: the node,
// the eth service and the simulated beacon that `geth --dev` uses, producing blocks on a
// period and serving JSON-RPC on loopback, with Brine's contracts deployed and dev accounts
// funded. It is the default chain for `brine devnet`, `make demo` and end-to-end tests.
//
// With a data directory, a devnet keeps everything there and picks it up again on the next
// start (the contracts are deployed once):
//
//	<DataDir>/chain/            the node: chaindata, nodekey, transaction journal
//	<DataDir>/keystore/         the faucet and dev account keys (0600 files, 0700 directory)
//	<DataDir>/accounts.json     which keys are the faucet and the dev accounts, in order
//	<DataDir>/deployment.json   the deployment (deploy.File), checked against the chain at start
//
// The node runs as an archive node on the hash state scheme, which writes every block's state
// as the block is imported: a devnet killed without a clean stop (SIGKILL, a crash) restarts on
// its chain, losing at most the last few blocks, not its contracts. Chains created before this
// keep the scheme they were created with.
//
// Without one, the chain lives in memory and the rest in a temporary directory removed at Stop.
package devnet
