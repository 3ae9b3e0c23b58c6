package index

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/brine-compute/brine/chain/finality"
)

// Tip says how far the index may follow the chain: the newest block it takes as settled.
// Blocks after it are left for a later pass, so a reorg above it never reaches the database
// (one below it still rewinds; see Indexer.Sync).
type Tip interface {
	Settled(ctx context.Context) (uint64, error)
}

// HeadReader is what a Depth tip reads.
type HeadReader interface {
	BlockNumber(ctx context.Context) (uint64, error)
}

// Depth settles blocks Behind blocks under the head: Behind 0 follows the head itself.
type Depth struct {
	Chain  HeadReader
	Behind uint64
}

// Settled is the head less Behind (0 while the chain is shorter).
func (d Depth) Settled(ctx context.Context) (uint64, error) {
	n, err := d.Chain.BlockNumber(ctx)
	if err != nil {
		return 0, fmt.Errorf("index: chain head: %w", err)
	}
	if n < d.Behind {
		return 0, nil
	}
	return n - d.Behind, nil
}

// HeaderReader is what a Tag tip reads.
type HeaderReader interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Tag settles the block a node names by a block tag: rpc.FinalizedBlockNumber or
// rpc.SafeBlockNumber (a Filecoin node's finalized tipset, an L1's finalized epoch).
type Tag struct {
	Chain HeaderReader
	Tag   rpc.BlockNumber
}

// Settled is the number of the tagged block.
func (t Tag) Settled(ctx context.Context) (uint64, error) {
	h, err := t.Chain.HeaderByNumber(ctx, big.NewInt(t.Tag.Int64()))
	if err != nil {
		return 0, fmt.Errorf("index: %s block: %w", t.Tag, err)
	}
	return h.Number.Uint64(), nil
}

// Final settles what a chain/finality source counts as final: the chain's rule (depth:N, safe
// or finalized) as the commands take it from --finality, so the index waits as the node and
// the transaction manager do. While nothing counts yet (a chain younger than the depth) it is 0.
type Final struct {
	Source finality.Source
}

// Settled is the source's final block.
func (f Final) Settled(ctx context.Context) (uint64, error) {
	n, ok, err := f.Source.Final(ctx)
	if err != nil || !ok {
		return 0, err
	}
	return n, nil
}
