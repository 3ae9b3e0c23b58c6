// Package run runs a pipeline (package pipeline) as one unit: each step's jobs are ordinary
// Brine jobs posted through jobclient.Submitter, each as soon as the results it takes are
// ready, while the others run.
//
// The runner keeps the pipeline's State in one file, replaced whole (internal/atomicfile)
// before each transaction: an attempt is recorded with its spec hash and a block at or before
// its post before the post is sent, and given its job ID once the post is mined. A run
// killed at any moment is resumed from that file (brine pipeline resume): an attempt without
// a job ID is first looked for on chain (the account's jobs with its spec hash, posted since
// its block, that no other attempt holds), and only if none is found posted again, through
// the same settlement, whose transaction manager adopts a post that was still in flight. So
// every job is paid for once, and every result already ready is kept.
//
// A round runs at each new block (the head is read every Config.HeadPoll), so a job's move
// is seen within a fraction of a block. A round's posts (a fan-out's jobs, the retries that
// fell due) are made together, each in its own goroutine, each recorded in the State before
// its post is sent; their specs are offered to the nodes a few at a time (a node serves four
// pushes of one peer at once and refuses the rest), several are approved together
// (PostApprover), and after each round that posted, what the budget leaves for the posts
// still to come is approved beside the next rounds, so a fan-out finds its allowance in
// place and settlement/onchain sends its posts without waiting for one to be mined before
// the next: a fan-out of N goes out in one block.
//
// A result is ready when its job is finalized (its challenge window closed), or, with
// ReadyCommitted, as soon as it is committed; either way it is fetched from whichever node
// serves it and checked against the on-chain CID before any step uses it (a fan-out lists
// its entries from it), and kept in Config.Store for the client's host to serve: the nodes
// of the next steps ask the client, which pushed their specs, first, so the pipeline goes on
// when an upstream provider's node is gone. With ReadyCommitted, a result whose challenge is later upheld (the
// job refunded) stops counting: its job is run again, and every job downstream whose spec
// named it is given up and re-posted with the new result. A job already posted cannot be
// withdrawn on chain: a given-up one nobody accepted is reclaimed after its accept-by, one
// accepted without a result by its deadline is claimed back (the run does not end before
// either), and one that commits runs to its end and is paid.
//
// Results are kept in Config.Store (the client's result store on disk) and read back from it
// when needed, not held in memory for the run; with a FileStore and Nodes that stream
// (StreamFetcher), each is written there as it arrives and read back from its file, so no
// result passes through memory whole.
//
// Cancel cancels a run: nothing more is posted, every job that can be settled now is
// (reclaimed past its accept-by, claimed back past its result deadline), and it reports what
// becomes of each job: one its provider accepted cannot be withdrawn and runs and is paid.
//
// A job that nobody accepts by its accept-by is reclaimed, one that misses its result
// deadline is claimed back (claim-timeout), and one whose result is a failure record (its
// program failed) or that ends refunded is given up; each is retried as a new job (the
// step's retries), offered first to the nodes of other providers than the ones that failed
// it. No post goes over the pipeline's budget.
package run
