// Package server is `brine sim serve`: an HTTP JSON API over a running sim.Session, for
// outside clients to play against the protocol. A client registers an agent (provider, client
// or challenger) and gets a secret bearer token; it reads what its agent sees (the jobs of the
// wave in play with its duties, its holdings, its notes) and queues actions (decline a seat,
// commit a result, vote, withhold a vote's reveal, challenge, appeal a verdict, withdraw,
// pass). The server advances the simulation one block per round, on a timer or as soon as
// every agent has passed, applying the queued actions through the real contracts, and keeps a scoreboard of every agent's profit (JSON and an HTML page).
//
// The clients are assumed hostile. Every request body is bounded, decoded strictly (unknown
// fields refused) and validated, with a 400 naming the reason; each agent has a rate limit
// (429) and a bounded action queue; the anonymous routes share one; agents are capped in
// number. An action that the simulation refuses, or whose transaction reverts, is reported to
// its agent and never stops a round; a panic in a handler is a 500 and in a round's action a
// note, the round goes on. Tokens are compared in constant time, as hashes. The http.Server
// has read-header, read, write and idle timeouts. The API is described by the OpenAPI 3
// document served at /openapi.json (openapi.json here); a test keeps it and the routes equal.
package server
