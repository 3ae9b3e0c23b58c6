// Package index follows a Brine deployment's events into a SQL database, for auditors,
// explorers and `brine audit` on long chains.
//
// It stores every log of the market, registry and rewards contracts, and the token's
// transfers into and out of them, raw (topics and data, so `brine audit` can replay them
// exactly as it would the chain's) and named; a row per job; and the books of
// docs/protocol.md after every block that touched them, so a break is found at the block it
// happened, not only at the head.
//
// The database is SQLite by default (modernc.org/sqlite: pure Go, no cgo, no server) or
// PostgreSQL given a DSN; one schema of portable SQL, versioned by schema_version, migrated
// forward on open and refused when newer than this binary. Amounts are decimal text of base
// units, never floats.
//
// Crash safety: the cursor (the last indexed block and its hash) is written in the same
// transaction as that page's rows, so a kill at any moment leaves the database at a page
// boundary and a restart resumes after it: nothing indexed twice, nothing skipped. Reorgs: a
// cursor hash the chain no longer has rewinds to the newest stored block the chain still has,
// keeping what is stored up to it as it is (the books are its stored rows; only the jobs the
// dropped blocks changed are replayed, from their own events), and indexes again from there.
// A page is stored only when its logs, its last block's hash (read before and after them) and
// its first block's parent are one branch with the cursor, so a reorganisation while a page
// is read, inside it or under it, is caught in that pass. The indexer follows the chain only up to what a Tip calls
// settled (a confirmation depth today; a finality tag plugs in as another Tip).
//
// Each provider's running sums (earned, staked, unbonding, slashed, how often slashed) and
// its jobs by status are kept by the writer in the transaction that stores the events
// (schema 3, providers.go): a rewind takes the dropped blocks' part back out, a rebuild
// recomputes them, and migrating a version-2 database fills them from what it stores.
//
// Reads for the explorer (read.go) are bounded pages over schema version 2's indexes and
// those sums: jobs by filter and time, a job's events, a provider's stake, slashes, jobs and
// earnings, challenges, epochs, claims, the books and totals per bucket of time. Block times
// live in block_times, written by RecordBlockTimes beside the indexer; a rewind drops those
// of the blocks it drops.
package index
