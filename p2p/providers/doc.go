// Package providers is the client half of the peer protocols: it finds providers' nodes
// through the registry's directory (the Metadata each node publishes, ParseMetadata) and talks
// to them over a p2p.Host: PushSpec offers a spec to every node, FetchJobResult and
// FetchJobResultAnywhere download a committed result and check it against the CID committed
// on chain (a mismatch wraps ErrResultMismatch), FetchJobStatus asks a job's provider for its
// record. jobclient, the canary, the demo and the CLI use it, and so does the node (it
// publishes Metadata and reads its peers' from the directory); it knows no daemon.
package providers
