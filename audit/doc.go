// Package audit recomputes Brine's books from chain history and state, for auditors and for
// `brine audit check`. Every token each contract holds must be owed to someone:
//
//	JobMarket:        balance == live escrows + open challenge bonds + Σ credited balances + treasuryAccrued
//	ProviderRegistry: balance == Σ (staked + unbonding)
//	UptimeRewards:    balance == Σ budget − Σ paid
//
// Escrows and bonds come from the market's events (only a hash of each job is stored); the
// credited balances, stakes and reward figures are read from contract state at the audited
// block, and each is cross-checked against what the events say it should be.
package audit
