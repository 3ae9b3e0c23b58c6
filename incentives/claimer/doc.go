// Package claimer claims a provider's uptime rewards by itself: a service (New, Start, Stop)
// that `brine node run` composes beside the node when --auto-claim is on.
//
// Every Config.Interval it reads the RootPosted events of the blocks it has not read yet (each
// block once); for each root posted for an epoch still claimable that it has not settled yet,
// it fetches the tree from the probers (trees.Fetcher: a tree counts only when its root is one
// of those posted), finds the account's leaves, and claims all of them in one transaction (up
// to rewards.MaxClaims) when
//
//	worth(total) >= Factor × fee,   worth(x) = x × WeiPerToken / 10^TokenDecimals
//
// where fee is the claim's estimated gas at the chain's gas price, in wei; or, once the oldest
// leaf's claim window closes within DeadlineEpochs, when worth(total) >= fee. Otherwise it
// waits: later epochs add up, and one transaction claims them all.
//
// A claim is never sent twice: the contract's claimed bitmap is read before every claim, and
// the claimer records every (epoch, reporter) it claimed, found no leaf in, or is claiming in
// <datadir>/node/claims.json (the path it had when the claimer lived in the node, so data
// directories keep working), written before the transaction is sent. A restart finds the
// transaction manager's journal finished (or the transaction failed) and the bitmap set (or
// not), and goes on from there.
//
// FetchTrees and LeafClaim are the part `brine rewards status` and `brine rewards claim` share
// with the loop: fetching the trees of posted roots and finding an account's leaf in them.
//
// The package knows no daemon: what it needs from the node (the data directory, the account,
// the libp2p host trees are fetched over, the clock, a logger) comes through its Config.
package claimer
