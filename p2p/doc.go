// Package p2p is a Brine node's libp2p host and the protocols nodes, clients and probers speak
// over it.
//
// # Host
//
// New(Config) checks the config; Start listens and serves; Stop closes every connection and
// waits for running handlers. The host uses the node's persisted Ed25519 key (p2p/identity),
// so its peer ID is the one registered on chain. Transports are TCP and QUIC v1 only (no
// WebSocket, WebTransport, WebRTC or relays), security Noise and TLS, the muxer yamux;
// identify and ping are on. Addrs returns the listen addresses ending in /p2p/<peer ID>.
//
// # Protocols
//
// docs/p2p.md is the wire specification, byte by byte, for implementations in other languages
// (TestDocsDescribeTheWire keeps its list of protocols, statuses and limits complete).
//
//	/brine/spec/1.0.0       request: spec hash (32 bytes)
//	                        response: ok + canonical spec bytes | not found
//	/brine/spec-push/1.0.0  request: spec hash (32 bytes) + canonical spec bytes
//	                        response: ok | invalid (hash or canonical form) | refused (by the SpecSink)
//	/brine/result/1.0.0     request: CID bytes
//	                        response: ok + size (uint64 big-endian), then exactly size raw bytes
//	                        | not found | refused (larger than MaxResultSize)
//	/brine/probe/1.0.0      request: ProbeRequest (chain ID 32, contract 20, prober 20,
//	                        epoch 8, nonce 32 bytes)
//	                        response: ok + signature by the peer key over ProbeDigest
//	/brine/status/1.0.0     request: job ID (uint64 big-endian, 8 bytes)
//	                        response: ok + JobStatus as JSON (at most 4 KiB: the node's
//	                        role and state, and the reason a job failed or was let go) | not found
//	/brine/rewards-tree/1.0.0
//	                        request: epoch (uint64 big-endian, 8 bytes)
//	                        response: ok + size (uint64 big-endian), then exactly size bytes of
//	                        a prober's published tree (incentives/merkle JSON) | not found |
//	                        refused (over MaxTreeSize)
//
// A protocol is served only when the config gives it a source or sink (Specs, SpecSink,
// Results, Status, Trees); the probe is served unless DisableProbe. Connections are authenticated
// (Noise or TLS over the peer keys), so the peer ID a SpecSink is given is the pushing peer's.
// A sink that declines says why with a Refusal; other sink errors reach the peer as a generic
// refusal.
//
// # Wire format
//
// One exchange per stream. The client sends one frame and closes its write side; the server
// answers one frame and, for a result, the raw bytes it announced, then closes. A frame is an
// unsigned varint length (minimal encoding, as libp2p's msgio writes it) and that many bytes.
// A response frame starts with a status byte: 0 ok (the payload follows), 1 not found,
// 2 refused, 3 invalid request, 4 error; a status other than ok carries a UTF-8 message of at
// most MaxMessage bytes, which the client makes printable before showing it (RemoteError).
//
// # Trust and bounds
//
// Peers are untrusted, in both directions.
//
//   - Clients verify before returning: FetchSpec checks sha256 of the bytes against the hash
//     and runs jobspec.ParseCanonical; FetchResult checks the bytes' sha2-256 multihash
//     against the CID (CIDv1 only) and refuses a size over its maxSize before reading
//     (FetchResultTo writes them into a writer as they arrive, hashing them on the way, and
//     fails with ErrCIDMismatch at the end: its caller discards what was written); Probe
//     checks the signature against the peer ID; FetchTree returns a document's bytes only
//     within its bound and as announced, and incentives/trees rebuilds the tree from its
//     values (merkle.ParseTree), checks its epoch and its root against the chain before
//     anyone trusts a leaf; FetchStatus checks that the answer is about
//     the job asked for and within bounds, and makes its text printable (a reason keeps its
//     line breaks). A status is the node's word, never a reason to move money; anyone may ask
//     for it, as anyone may fetch a spec by hash or a result by the CID committed on chain. A
//     spec pushed to a node is checked the same way before its SpecSink sees it.
//   - Sizes: a frame's length is checked against the protocol's bound before anything is
//     allocated (spec hash 32 bytes, CID 128, probe 112, job ID 8, push 32 + jobspec.MaxSize;
//     responses jobspec.MaxSize, 1 KiB signatures, 4 KiB job statuses, 256-byte messages);
//     request buffers are reserved in the stream's resource-manager scope first; a result
//     client's buffer grows with the bytes received, not with the size announced.
//   - Time: a server must receive the whole request within ReadTimeout; every read and write of
//     a response must progress within IOTimeout; a whole exchange ends at StreamTimeout (both
//     sides), which also bounds a peer dripping bytes just fast enough.
//   - Concurrency: StreamsPerPeer per protocol per peer and StreamsPerProtocol per protocol;
//     excess streams are answered "refused" without reading their request. Underneath, the
//     libp2p resource manager runs with explicit limits (Limits: connections in total and per
//     peer, inbound streams per peer, memory in total and per peer, file descriptors; the
//     Brine protocols at twice the host's own stream limits, as a backstop).
//   - A peer that sends a malformed or oversize frame, or stalls mid-request, has its stream
//     reset (protocol-violation or resource-limit error codes) and nothing else: the host keeps
//     serving everyone else. A server logs peers' misbehaviour at debug (they choose its rate)
//     and its own failures (a store error, a source serving bytes that do not match) at warn;
//     a client logs a peer that lied to it at warn (it chose to ask).
//
// # Probes
//
// A prober challenges a node with a ProbeRequest carrying a fresh 32-byte nonce; the node
// signs sha256("brine/probe/v1" || chain ID || rewards contract || prober || epoch || nonce)
// with its peer key, and the prober keeps the answer only when VerifyProbe accepts it for the
// peer ID registered on chain. The digest binds chain, contract, prober and epoch (THREATS:
// replay and cross-chain replay); the nonce makes each answer fresh; the domain tag keeps a
// probe answer from ever being a registration proof. The node signs any well-formed request:
// what a probe is worth is the prober's decision.
package p2p
