// Package sim is `brine sim`: a seeded population of providers, clients and challengers, each
// playing a strategy (honest, lazy, cartel, lazy verifier, griefer, withholder), driving the
// real contracts through the generated bindings on an in-process go-ethereum chain, and
// measuring what each strategy earns and how often cheating is caught.
//
// Nothing here re-implements the protocol's rules: every job, challenge, verifier draw, vote,
// slash and payment happens in the contracts, and the money each agent made is read from the
// events they emit (Credited, CollateralSlashed, ChallengeOpened, AppealOpened, JobFinalized).
// The side a first verifier panel rules against may appeal to the final panel: a strategy
// decides through the optional Appealer capability (the cartel appeals every loss), others
// appeal when their side is right (AppealsWhenRight). A replica the replica round outvoted on a
// result it computed challenges the majority's result (View.OutvotedRight): the market keeps
// its collateral locked until the job ends and unlocks it when a challenge is upheld. After every
// run the books are recomputed by audit/ over the simulated chain and each agent's ledger is
// reconciled with its on-chain holdings; a run that does not balance is an error.
//
// The chain is reproducible: keys, genesis, block timestamps and each block's prevrandao come
// from the seed, so block hashes, and with them the market's verifier draws (seeded by
// blockhash(anchorBlock)), repeat exactly. The same Config gives the same Report, byte for byte.
//
// The contracts' parameters that decide who profits (K, the challenge bond, collateral, verifier
// collateral, the fee, the reward splits, the minimum stake) are a run's Protocol, checked
// against the bounds the contracts enforce and deployed as given. RunSweep runs a grid of
// runs, the cartel's share times one parameter at a time, in parallel, each point seeded from
// the sweep's seed and its name; package sim/figures draws it.
//
// Speed: the simulator builds each block itself, the way go-ethereum's miner does, and inserts
// it without executing it a second time (build.go); read-only calls, commitments and the
// audit's log scan stay in process, off JSON-RPC. docs/security.md "Speed" has the figures.
//
// Time is the simulator's own: each block's timestamp is set by the round loop (windows pass
// by sealing a block later), never the wall clock.
package sim
