// Package prober is the core of `brine prober run`: an uptime reporter for the UptimeRewards
// contract (see docs/incentives.md for the formula and the threat answers).
//
// Each round (Config.Interval plus a random Jitter) the prober asks its Directory for the
// active providers (RegistryDirectory: the provider registry, keeping a provider's peer ID only
// when it hashes to the PeerIDHash registered on chain) and probes each over libp2p with a
// fresh-nonce p2p.ProbeRequest bound to the chain ID, the rewards contract, the prober's
// account and the epoch. A probe counts only when the answer verifies (p2p.VerifyProbe)
// against the registered peer ID; every probe, answered or not, is recorded in the Store
// (bbolt at <datadir>/prober/probes.db) with its epoch, provider, time and failure reason, so
// a prober that restarts mid-epoch keeps its probes.
//
// When an epoch has ended, CloseEpoch computes each provider's amount
//
//	amount = floor( floor(RewardPerProvider / Reporters) × ok / attempted )
//
// (zero below MinUptimeBps, zero-amount providers get no leaf; with Config.Terms the cap and the
// reporter's share of the budget come from the contract, and amounts are scaled down
// proportionally when they would exceed the share), builds the incentives/merkle
// tree once (stored, so a restart rebuilds nothing), posts its root once through the Poster
// (incentives/rewards.Rewards.PostRoot; posted roots are recorded, and RootAlreadyPosted is
// taken as done), and serves the tree document at GET /trees/<epoch>.json (Handler; Start
// listens on Config.HTTPAddr) so providers fetch their proofs and auditors recompute the root.
package prober
