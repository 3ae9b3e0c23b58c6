// Package canary watches the network the way its users meet it: on a schedule it submits a
// tiny real job as a client and records whether the job settled end to end — accepted by a
// provider, run, its result committed, fetched from the provider's node and verified against
// the commitment, and finalized — within a deadline. `brine prober run --canary-interval`
// runs it beside the uptime prober.
//
// # Schedule and deadline
//
// A canary starts every Interval (measured from the previous start) and must settle within
// Deadline, which is at most Interval (default: Interval). So every canary's outcome is known
// before the next one starts, and a failure shows in the metrics (brine_canary_runs_total,
// brine_canary_failing) and the log within one canary period of the run that saw it. Time
// comes from an injected clock.
//
// # Incidents and the webhook
//
// The first failed canary opens an incident: Webhook (a Slack-compatible incoming webhook)
// gets one POST of {"text": "..."} naming the failure. Further failures during the incident
// send nothing. The first canary that settles closes the incident with one recovery message
// (only if the failure message was delivered: nobody is told of a recovery from an outage they
// never heard of). A POST that fails (no answer, non-2xx) is tried again after the next canary
// with the same outcome, and is counted in brine_canary_notifications_total{result="error"}.
// The incident state is kept in memory: a prober restarted during an incident reports it again.
//
// # The job
//
// JobRunner is the real canary (Runner): a spec from the operator (--canary-spec; for a wasm
// spec, the module file too), posted by the prober's account through a jobclient.Submitter, whose
// libp2p host serves the spec and module to the providers' nodes. A spec no node takes fails
// at once without posting. Canary jobs cost their payment (paid to the provider that runs
// them) and gas; a canary job that ended unsettled is refunded to the canary account by a
// later run (Reclaim after its accept-by time, ClaimTimeout after its result deadline), found
// on chain by its spec hash, so nothing is stranded across restarts either.
package canary
