// Package dishonest makes a node lie, for tests and the demo only: no operator runs it. Each
// behaviour is a decorator around one part of the node, built before the node is, so the
// node's job loop has no test-only branches:
//
//   - "wrong-result" wraps the executors: a run that succeeds has its declared outputs altered
//     before the node packages them, so the node commits (and serves) a wrong result;
//   - "never-commit" wraps the chain's commit steps (CommitResult, CommitReplica): nothing is
//     sent and the job's record ends Failed, so the job times out (a replica stays silent);
//   - "commit-and-vanish" wraps the chain's CommitResult and the node's result source: the
//     result is hidden before the commitment is sent, the commitment goes on chain, and the
//     record ends Abandoned, so the node neither serves nor finalizes it; a replica commits and
//     never reveals (RevealReplica is withheld).
//
// A withheld step returns *node.Withheld, which ends the job's record with its reason. Every
// dishonest chain declines verifier duty (node.DutyDecliner): a node that lies neither draws
// a challenge's verifiers nor votes. Apply picks the decorators of a mode in one place.
package dishonest
