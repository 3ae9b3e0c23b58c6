package node_test

import (
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/settlement/onchain"
)

// The backend every command gives the node, and the tests' fakes around it, play every role
// the node asks for.
var (
	_ node.Chain = (*onchain.Managed)(nil)
	_ node.Chain = (*crashing)(nil)
	_ node.Chain = (*crashingReplica)(nil)
)
