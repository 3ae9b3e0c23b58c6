// Package trees is how providers get the rewards trees probers publish, and why they may trust
// them. It is used by the node's auto-claim (package node) and by `brine rewards tree|status|
// claim`.
//
// # Where trees are
//
// A prober (`brine prober run`, package incentives/prober) serves the tree of every epoch it
// closed two ways: over libp2p, /brine/rewards-tree/1.0.0 on its own host (package p2p),
// and over HTTP, GET <base>/trees/<epoch>.json. A Source is one of those endpoints, written as
// its multiaddr ending in /p2p/<peer ID> or its http(s) URL (ParseSource).
//
// The UptimeRewards contract has no field where a reporter could publish its endpoints, so a
// provider is told where its probers are: node and CLI flags (--prober, repeatable), and, on
// one machine, the endpoint file each running prober writes (<datadir>/prober/<reporter>/
// endpoint.json: its reporter account, HTTP URL and libp2p addresses; Local reads them). The
// reporter list itself is on chain (ReporterAdded, RootPosted), so a provider can tell which
// reporters posted roots it has no tree for.
//
// # Why a fetched tree can be trusted
//
// A prober's server is untrusted. Fetch accepts a tree only when
//
//  1. merkle.ParseTree rebuilds it from its own values (the root, the node array and every
//     index must match what the values give), and it is for the epoch asked;
//  2. its root is the root posted on chain for that epoch: by the source's reporter when the
//     source names one (UptimeRewards.rootOf), else by any reporter (a RootPosted event with
//     that root). The reporter whose root it is comes back with the tree, and a claim names it.
//
// So a server that lies (a tree it never posted, leaves changed after posting, another epoch's
// tree) gets ErrNotOnChain or a parse error, never a claim the contract would refuse. A tree
// whose root is not posted yet (the prober closed the epoch and its postRoot is still being
// mined) is ErrNotOnChain too: fetch it again later.
package trees
