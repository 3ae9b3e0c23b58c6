// Package testchain is the chain half of the test harness: one devnet a test binary shares
// (Shared, stopped by testharness.Main), a Brine deployment of a test's own on it (Market, or
// MarketWith a configuration of its own, such as shorter epochs), and fresh accounts funded
// with ether and the market's token (Market.NewAccount), so that tests share no account, no
// provider set and no books, and can run with t.Parallel. A test may also act as its
// market's governance (Market.Governance).
//
// The devnet's faucet pays the ether and each market's governance mints its token; each of
// them sends through one sender that holds its nonce under a lock, so parallel tests never
// race on it.
package testchain
