// Package jobclient is the client side of a Brine job, for every program that submits jobs:
// `brine job submit`, the prober's canaries (incentives/canary) and the demo.
//
// A client needs a libp2p host of its own while its job is live: providers' nodes fetch the
// job's spec from the peers that pushed it, and a wasm job's module from them too. Host is that
// host (its identity, a blob store, the specs it serves). A submission is then one sequence,
// which a Submitter runs (Submit):
//
//	h.ServeModule(spec, module)                           // wasm: the bytes the spec names
//	h.Push(ctx, directory, hash, canonical)               // offer the spec to the active nodes
//	req, _ := jobclient.Request(spec, chainNow, decimals) // price and deadlines from the spec
//	job, _ := clients.PostJob(ctx, req)                   // escrow the payment on chain
//	job, _ = jobclient.Follow(ctx, reader, chain, job.ID, jobclient.FollowConfig{})
//	data, c, _ := h.Fetch(ctx, directory, job, maxSize)   // verified against the commitment
//
// What differs between its callers is in SubmitConfig: how long a spec too few nodes took is
// offered again before the post (or posted anyway), whether the posted job's spec is
// re-offered while it waits, whether the job is followed and its result fetched, and whether
// a failed download is tried again (on fresh connections, from any node that holds it). Its
// hooks tell the caller each offer, each step and the result, and run before the post and
// once it is mined: `brine job submit` records the submission there, so a run killed at any
// point is resumed (Submission.Job) and never pays twice. A retry of a job a provider
// failed names it in Submission.Avoid: its node is offered the spec only when no other took it
// (brine pipeline's retries). The caller words its own progress
// and errors (SubmitError names the step that failed).
//
// Fetch asks the provider's node only (the canaries check that the provider serves its
// result); FetchAnywhere, for a client that wants its result back, falls back to any other
// provider's node that holds it, as a challenge's verifiers do after a provider committed and
// vanished, and says whose node served it. FetchAnywhereTo writes the result into a sink as
// it arrives (a results.Incoming in the client's store), so a large result is never held in
// memory: `brine job results` and the pipeline runner fetch so.
//
// Follow polls the job until it ends (or, with UntilAccepted, until a provider holds it) and
// judges its deadlines by the chain's time, not the local clock: a job past its accept-by time
// while still open ends the wait with ErrNotAccepted, one past its result deadline with
// ErrNoResult (the client reclaims or claims the timeout).
//
// A replicated job (N>1) is open on chain until its replicas' round is resolved, so Follow
// reads its replica panel too and reports each step (OnStep): seats taken (k of N), commits,
// reveals, the round resolved (a majority's result, whose challenge window then runs, or no
// majority), the window closing, the end. Accept-by passing once every seat is taken is no
// deadline for it; with seats still empty the seat holders' nodes reclaim the job. The step
// that ends a job carries its Payout: what the client got back (a refund, the shares nobody
// earned, slashed collateral) and what each paid provider got, by the market's rules.
package jobclient
