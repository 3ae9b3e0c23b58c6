// Package jobspec defines Brine's job specification: what a client asks a provider to run,
// with which inputs and limits, and what it pays. A client writes a spec in YAML or JSON;
// `brine job submit` parses it strictly, turns it into its canonical encoding and posts the
// sha256 of that encoding on chain as the job's spec hash. A compute node that takes the job
// fetches the canonical bytes, checks them against the hash before parsing (ParseCanonical)
// and runs exactly what they say.
//
// # Format
//
//	version: 1                  # optional; 1 is the only version
//	engine: docker              # docker | wasm
//	image: alpine@sha256:…      # docker: an image reference (pin it by digest so every
//	                            #   replica and verifier runs the same bytes)
//	# module: bafy…             # wasm: the module's CID
//	entrypoint: [/bin/sh, -c]   # optional: replaces the image's entrypoint
//	args: ["wc -c /brine/inputs/data.txt > /brine/outputs/count.txt"]
//	env: {LANG: C.UTF-8}        # names [A-Za-z_][A-Za-z0-9_]*, BRINE_* is reserved
//	inputs:                     # files placed under /brine/inputs before the run
//	  - path: data.txt
//	    content: "hello\n"      # inline text, or
//	  - path: blob.bin
//	    content_base64: AAEC    # inline bytes, or
//	  - path: previous
//	    cid: bafy…              # the result of an earlier job, by CID
//	    select: shards/a.txt    # optional: only this file or directory of that result
//	resources:
//	  cpu: 0.5                  # cores: 2, 0.5 or 500m
//	  memory: 256MiB            # bytes with an optional unit: B, KiB, MiB, GiB, TiB, KB, MB, GB, TB
//	  disk: 1GiB
//	  time: 5m                  # wall-clock limit of one run
//	outputs:                    # paths under /brine/outputs that make the result
//	  - path: count.txt
//	network: false              # no network unless true
//	price:
//	  payment: "1.5"            # tokens, exact decimals: paid to the provider(s) on success
//	  collateral: "3"           # tokens each provider locks from its stake when accepting (the
//	                            # market asks at least its minimum ratio: 2× a replica's pay by default)
//	replicas: 1                 # 1..9 providers run it; >1 settles by majority
//	deadlines:
//	  accept_within: 10m        # a provider must accept within this of posting
//	  run_within: 1h            # and commit a result within this after the accept deadline
//	challenge_window: 2m        # anyone may challenge the result within this of its commit
//	requires_sp: false          # true: only a provider with a bound Filecoin miner (an SP) takes it
//
// Decoding is strict: unknown fields, duplicate YAML keys, several YAML documents, trailing
// JSON, invalid UTF-8 and documents over MaxSize are refused, and every field is checked
// (Validate) with errors that name the field and the fix.
//
// # Canonical encoding
//
// Canonical is JSON with the keys of every object sorted, no insignificant white space and
// no HTML escaping; empty optional lists and maps are left out; sizes are integers of bytes,
// CPU a decimal number of cores in a string ("0.5"), durations Go duration strings ("5m0s"),
// amounts the shortest decimal ("1.5", never "1.50"), inputs and outputs sorted by path, an
// inline input "content" when its bytes are UTF-8 and "content_base64" otherwise. Parsing the
// canonical encoding gives back the same spec, whose canonical encoding is the same bytes.
// Hash is sha256 of it.
package jobspec
