package index_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/index"
)

// taggedChain answers the finalized tag with one block and the head with another.
type taggedChain struct{ finalized, head uint64 }

func (c taggedChain) HeaderByNumber(_ context.Context, n *big.Int) (*types.Header, error) {
	if n != nil && n.Int64() == rpc.FinalizedBlockNumber.Int64() {
		return &types.Header{Number: new(big.Int).SetUint64(c.finalized)}, nil
	}
	return &types.Header{Number: new(big.Int).SetUint64(c.head)}, nil
}

func (c taggedChain) BlockNumber(context.Context) (uint64, error) { return c.head, nil }

// TestTips: Depth settles the head less its depth (0 on a shorter chain); Tag settles the
// block the node tags, whatever the head; Final applies a --finality rule (depth:1 is the head).
func TestTips(t *testing.T) {
	ctx := context.Background()
	c := taggedChain{finalized: 40, head: 100}
	for _, tc := range []struct {
		tip  index.Tip
		want uint64
	}{
		{index.Depth{Chain: c}, 100},
		{index.Depth{Chain: c, Behind: 10}, 90},
		{index.Depth{Chain: c, Behind: 200}, 0},
		{index.Tag{Chain: c, Tag: rpc.FinalizedBlockNumber}, 40},
		// The commands' tip: the --finality rule through chain/finality.
		{index.Final{Source: finality.New(c, finality.Depth(1))}, 100},
		{index.Final{Source: finality.New(c, finality.Depth(11))}, 90},
		{index.Final{Source: finality.New(c, finality.Depth(200))}, 0},
		{index.Final{Source: finality.New(c, finality.Rule{Tag: finality.Finalized})}, 40},
	} {
		got, err := tc.tip.Settled(ctx)
		if err != nil || got != tc.want {
			t.Errorf("%#v settles %d (%v), want %d", tc.tip, got, err, tc.want)
		}
	}
}
