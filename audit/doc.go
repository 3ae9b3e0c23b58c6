// Package audit recomputes Brine's books from chain history and state, for auditors and for
// `brine audit check`. Every token each contract owes must be there:
//
//	JobMarket:        balance >= live escrows + open challenge (and appeal) bonds + Σ credited balances + treasuryAccrued (== owed())
//	ProviderRegistry: balance >= Σ (staked + unbonding)
//	UptimeRewards:    balance >= Σ budget − Σ paid
//
// Anyone can send tokens straight to a contract, so a balance above what is owed is a surplus,
// reported on its own (Ledger.Surplus) and never an alarm; the market's can be swept to the
// treasury (SurplusSwept). A balance below it is a shortfall (Ledger.Shortfall): money is missing.
//
// Escrows and bonds come from the market's events (only a hash of each job is stored); the
// credited balances, stakes and reward figures are read from contract state at the audited
// block, and each is cross-checked against what the events say it should be.
package audit
