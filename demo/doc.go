// Package demo is `make demo` (`brine demo`): Brine's whole story on one machine, in one
// process, in under two minutes, printed scene by scene as it happens.
//
// Run starts an embedded go-ethereum dev chain (package devnet) in a temporary directory with
// Brine deployed, whose dev accounts are the cast: governance (the deployer), four providers
// (ada, bob and cy, honest, and mallory, who is not), a client and a prober. The providers
// stake; then four real compute nodes (package node, settling through settlement/onchain,
// talking libp2p on loopback) start in this process and register their peer IDs. Every
// transaction goes through each account's own transaction manager, exactly as in
// `brine node run` and `brine job submit`. Jobs run in Docker (a FROM scratch image holding
// Debian's static busybox, built locally) when a Docker engine answers, else in WASM (a
// hand-assembled WASI module, greetModule); both compute the same "hello, <name>" greeting.
//
// # Who takes which job
//
// Nothing is steered behind the nodes' backs: each node runs with a price policy
// (node.Policy), and the client posts each scene's job at a price that only the scene's
// provider(s) accept, as a market would route it:
//
//	ada      takes jobs paying >= 2 with collateral <= 6, up to 3 replicas
//	bob, cy  take jobs paying >= 3 (a replica's share) with collateral <= 6, up to 3 replicas
//	mallory  takes jobs paying >= 3 (single replica), any collateral
//
// Verifier duty does not depend on a node's price policy, so every honest node can be drawn.
//
// # Time
//
// A fresh devnet's chain time runs a few seconds ahead of the wall clock (the deployment's
// blocks are sealed back to back). The contracts judge deadlines and epochs by block time, so
// the nodes and the prober run on a clock.Chain, the wall clock shifted to the chain head's
// time, instead of waiting that lead again at every window.
// Mallory's node runs dishonest (node/dishonest's WrongResult) in scene 2 and is restarted, on
// the same data directory and address, as NeverCommit for scene 3 and as an honest node after.
//
// # Scenes
//
//  1. A job runs and settles: post, accept, execute, commit the CID; the client downloads the
//     result over libp2p and verifies it against the on-chain commitment; the challenge
//     window passes; finalize; the provider is credited payment minus the fee.
//  2. Mallory commits a tampered result. It matches its own commitment, but not what the job
//     computes, so the client challenges; verifiers drawn from the other providers (three,
//     the protocol's K, unless the draw's 4·K attempts find fewer of the three eligible)
//     re-execute and vote by commit-reveal; the challenge is upheld and mallory's collateral
//     slashed from its stake.
//  3. Mallory accepts a job and never commits; after the result deadline the client claims
//     the timeout: its payment back plus mallory's collateral (docs/protocol.md).
//  4. The client forgets a job's input and its program fails by its own fault: ada commits a
//     failure record (what failed: the exit code or crash and the stderr tail) as the
//     result, the client downloads and verifies it, and ada is paid at finalize as for any
//     result (docs/protocol.md, "Failure records").
//  5. A replicated job (3 replicas) agrees by commit-reveal, is challenge-free and finalizes.
//     A node build that does not take replicated jobs makes the scene say so and skip.
//  6. A prober (incentives/prober) probes the four nodes through one short uptime epoch,
//     posts the epoch's Merkle root, serves the tree over HTTP, and the providers claim their
//     rewards (incentives/rewards).
//
// It ends with every participant's balances before and after (token wallet, market credit,
// stake), the transaction of every step, and an audit of the books (package audit).
package demo
