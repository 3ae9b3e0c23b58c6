// Package simchain runs go-ethereum's simulated backend with Brine's contracts deployed, for
// contract tests and the gas report. Every transaction is mined in a block of its own as soon
// as it is sent, so callers get receipts synchronously and read exact gasUsed figures.
//
// NewFEVM starts the chain with the test contract CallActorByIdMock at FEVM's call-actor-by-ID
// precompile address, so the registry's on-chain check of a miner's peer ID runs against the
// precompile's documented convention; CallActorMockCode gives that code to other test chains
// (the devnet's GenesisCode).
package simchain
