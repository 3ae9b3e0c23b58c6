// Package explorer serves what the index holds, read-only, to people and programs: a JSON API
// (described by /openapi.json) and web pages rendered on the server with html/template, their
// charts drawn in Go as inline SVG. No script, no CDN: the pages work offline and the only
// asset is one embedded stylesheet.
//
// It is written to face the open internet: GET and HEAD only, every query bounded (pages of
// at most index.MaxPage rows, windows of at most index.MaxBuckets buckets), every parameter
// validated (an unknown, repeated or malformed one is a 400 naming it), no request body, a cap
// on requests in flight, server timeouts, and security headers on every answer (a CSP of
// default-src 'self' with frame-ancestors 'none', nosniff, no referrer).
//
// It reaches no peer itself: with a Reasons (brine explorer --fetch-reasons wires one over a
// libp2p host) it asks an ended job's provider's node why the job failed, a few at a time,
// and keeps the answer in the index.
//
// The explorer does not index: `brine explorer` runs the index package's Indexer beside it
// on the same database, and Times beside both to record the time of each indexed block.
package explorer
