// Package pipeline defines Brine's pipeline spec: a graph of jobs submitted, paid for,
// followed and recovered as one unit. It sits beside jobspec and keeps its discipline: strict
// YAML or JSON, checked before anything is posted, a canonical encoding and its sha256.
// Running a pipeline is pipeline/run's job; this package only reads, checks and expands it.
//
// # Format
//
//	version: 1                   # optional; 1 is the only version
//	budget: "20"                 # tokens: the most all its jobs may cost together, retries
//	                             #   and the widest fan-outs included (checked before any post)
//	steps:
//	  - name: split               # [a-z][a-z0-9-]*, unique
//	    job: {engine: wasm, …}    # an ordinary job spec (jobspec), inputs and all
//	  - name: count
//	    foreach: split:shards/*   # fan-out: one job per entry of split's result under shards/
//	    as: shard.txt             #   placed at /brine/inputs/shard.txt (default "entry")
//	    max_fanout: 8             #   at most this many entries (default 16, at most 32)
//	    retries: 1                # a job that times out or fails is posted again (0..5)
//	    job: {…}
//	  - name: merge
//	    inputs:                   # results of other steps, by CID, added to the job's inputs
//	      - path: counts          # fan-in: a fan-out step gives a directory of its results,
//	        from: count           #   counts/<entry> for each entry
//	      - path: words.txt
//	        from: split:words.txt # a path inside a step's result ("split:shards/" a directory)
//	    job: {…}
//
// A step runs once the steps it names are ready (by default finalized: their challenge
// windows closed; a runner may count committed results as ready). Parse refuses, naming the
// step and the reason, before anything is posted: unknown fields, unknown or self
// references, cycles, a fan-out over a fan-out, a fan-out wider than MaxFanout, inputs that
// would overlap or overflow jobspec's limits at the widest fan-out, and a plan whose worst
// case (every job's payment × its widest fan-out × (1 + retries)) is over the budget.
//
// # Canonical encoding
//
// JSON with every object's keys sorted and no insignificant white space: steps sorted by
// name, a step's inputs by path, each job in jobspec's canonical encoding, a fan-out's as and
// max_fanout always written, retries left out when 0. Hash is sha256 of it: it names the
// pipeline's state in the client's data directory.
package pipeline
