// Package settlement is how Brine reaches settlement, in Brine's own types: jobs, results,
// escrow, collateral, challenges, votes and payouts. The node, the CLI and the prober depend on
// the interfaces here, never on contract bindings.
//
// Two backends are planned: settlement/onchain implements them with the Solidity contracts
// (escrow in JobMarket, stake in ProviderRegistry) through the transaction manager; a later
// ledger in PostgreSQL can implement the same interfaces for an operator who wants the protocol
// without a chain. The rules both must follow are docs/protocol.md.
package settlement
