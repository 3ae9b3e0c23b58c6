// Package finality answers one question for a chain connection: which is the highest block
// whose contents count? A Rule says how a chain decides it, chosen per chain by the operator
// (--finality):
//
//   - depth:N — a block counts once it is N deep: N = 1 is the head itself (Brine's
//     --confirmations, and the only rule a chain without finality tags offers);
//   - safe, finalized — the block the node names by that tag (eth_getBlockByNumber "safe" or
//     "finalized"). On Filecoin, Lotus resolves them through F3 fast finality, falling back to
//     fixed depths (200 and 900 epochs); on Ethereum, the consensus layer's checkpoints.
//
// A Source is the small interface consumers hold (the transaction manager, the node's event
// watcher, an indexer): Final returns the highest block that counts, and whether any does.
// New makes one from a Rule and a client.
//
// A tag rule trusts the chain to finalize. Stall tells a waiter when it does not: the tag's
// block more than DefaultMaxLag behind the head, or neither moving for a while (a devnet that
// seals blocks only for transactions); it reports ErrNotFinalizing, and the waiter says to
// choose depth:N or safe instead of waiting forever.
package finality
