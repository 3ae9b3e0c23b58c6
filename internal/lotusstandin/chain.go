package lotusstandin

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/filecoin-project/go-address"
	"github.com/filecoin-project/go-state-types/abi"
	"github.com/filecoin-project/go-state-types/crypto"
	"github.com/filecoin-project/lotus/chain/types"
	"github.com/filecoin-project/lotus/chain/types/ethtypes"
	"github.com/ipfs/go-cid"
)

// chainView is the upstream chain as Lotus would show it: some empty heights are null rounds,
// and the tags sit at a depth below the newest tipset.
type chainView struct {
	cfg Config
	up  *rpc.Client

	mu   sync.Mutex
	null map[uint64]bool // decided heights; upstream blocks never change under a devnet
}

// upstreamBlock is what the stand-in reads of an upstream block.
type upstreamBlock struct {
	Number       hexutil.Uint64 `json:"number"`
	Hash         common.Hash    `json:"hash"`
	StateRoot    common.Hash    `json:"stateRoot"`
	ReceiptsRoot common.Hash    `json:"receiptsRoot"`
	TxRoot       common.Hash    `json:"transactionsRoot"`
	Timestamp    hexutil.Uint64 `json:"timestamp"`
	BaseFee      *hexutil.Big   `json:"baseFeePerGas"`
	Transactions []common.Hash  `json:"transactions"`
}

var errNoBlock = errors.New("lotusstandin: the upstream has no such block")

func (c *chainView) block(ctx context.Context, height uint64) (*upstreamBlock, error) {
	var b *upstreamBlock
	if err := c.up.CallContext(ctx, &b, "eth_getBlockByNumber", hexutil.EncodeUint64(height), false); err != nil {
		return nil, fmt.Errorf("lotusstandin: upstream block %d: %w", height, err)
	}
	if b == nil {
		return nil, fmt.Errorf("%w: %d", errNoBlock, height)
	}
	return b, nil
}

// upstreamHead is the upstream's newest block number.
func (c *chainView) upstreamHead(ctx context.Context) (uint64, error) {
	var n hexutil.Uint64
	if err := c.up.CallContext(ctx, &n, "eth_blockNumber"); err != nil {
		return 0, fmt.Errorf("lotusstandin: upstream block number: %w", err)
	}
	return uint64(n), nil
}

// isNull reports whether height is a null round: picked by NullRound and empty upstream.
func (c *chainView) isNull(ctx context.Context, height uint64) (bool, error) {
	if height == 0 || c.cfg.NullRound == nil || !c.cfg.NullRound(height) {
		return false, nil
	}
	c.mu.Lock()
	null, ok := c.null[height]
	c.mu.Unlock()
	if ok {
		return null, nil
	}
	var n *hexutil.Uint64
	if err := c.up.CallContext(ctx, &n, "eth_getBlockTransactionCountByNumber", hexutil.EncodeUint64(height)); err != nil {
		return false, fmt.Errorf("lotusstandin: upstream transactions of block %d: %w", height, err)
	}
	if n == nil {
		return false, fmt.Errorf("%w: %d", errNoBlock, height)
	}
	null = *n == 0
	c.mu.Lock()
	c.null[height] = null
	c.mu.Unlock()
	return null, nil
}

// atOrBelow is the newest non-null height at or below height.
func (c *chainView) atOrBelow(ctx context.Context, height uint64) (uint64, error) {
	for ; height > 0; height-- {
		null, err := c.isNull(ctx, height)
		if err != nil {
			return 0, err
		}
		if !null {
			return height, nil
		}
	}
	return 0, nil
}

// head is the height of the newest tipset.
func (c *chainView) head(ctx context.Context) (uint64, error) {
	h, err := c.upstreamHead(ctx)
	if err != nil {
		return 0, err
	}
	return c.atOrBelow(ctx, h)
}

// latest is what Lotus's Eth API calls "latest": the newest tipset whose messages have been
// executed, the first non-null parent of the head (the head's own messages are only included).
func (c *chainView) latest(ctx context.Context) (uint64, error) {
	h, err := c.head(ctx)
	if err != nil || h == 0 {
		return h, err
	}
	return c.atOrBelow(ctx, h-1)
}

// below is the newest tipset at least depth below the head.
func (c *chainView) below(ctx context.Context, depth uint64) (uint64, error) {
	h, err := c.head(ctx)
	if err != nil {
		return 0, err
	}
	if h < depth {
		return 0, nil
	}
	return c.atOrBelow(ctx, h-depth)
}

// resolve turns a block parameter (a tag or a hex height) into a height, as Lotus reads it.
func (c *chainView) resolve(ctx context.Context, param string) (uint64, error) {
	switch param {
	case "", ethtypes.BlockTagLatest, ethtypes.BlockTagPending:
		return c.latest(ctx)
	case ethtypes.BlockTagEarliest:
		return 0, nil
	case ethtypes.BlockTagFinalized:
		return c.below(ctx, c.cfg.FinalizedDepth)
	case ethtypes.BlockTagSafe:
		return c.below(ctx, c.cfg.SafeDepth)
	}
	n, err := hexutil.DecodeUint64(param)
	if err != nil {
		return 0, fmt.Errorf("cannot parse block number %q: %w", param, err)
	}
	return n, nil
}

// tipset makes the Lotus tipset of the upstream block at height (which must not be null): one
// block, its CIDs derived from the upstream hashes so that they are stable and distinct.
func (c *chainView) tipset(ctx context.Context, height uint64) (*types.TipSet, error) {
	b, err := c.block(ctx, height)
	if err != nil {
		return nil, err
	}
	var parents []cid.Cid
	if height > 0 {
		ph, err := c.atOrBelow(ctx, height-1)
		if err != nil {
			return nil, err
		}
		p, err := c.block(ctx, ph)
		if err != nil {
			return nil, err
		}
		parents = []cid.Cid{ethtypes.EthHash(p.Hash).ToCid()}
	}
	miner, err := address.NewIDAddress(1000)
	if err != nil {
		return nil, err
	}
	baseFee := big.NewInt(100)
	if b.BaseFee != nil {
		baseFee = b.BaseFee.ToInt()
	}
	sig := &crypto.Signature{Type: crypto.SigTypeBLS, Data: b.Hash.Bytes()}
	hdr := &types.BlockHeader{
		Miner:                 miner,
		Ticket:                &types.Ticket{VRFProof: b.Hash.Bytes()},
		ElectionProof:         &types.ElectionProof{WinCount: 1, VRFProof: b.Hash.Bytes()},
		Parents:               parents,
		ParentWeight:          types.NewInt(height),
		Height:                abi.ChainEpoch(height),
		ParentStateRoot:       ethtypes.EthHash(b.StateRoot).ToCid(),
		ParentMessageReceipts: ethtypes.EthHash(b.ReceiptsRoot).ToCid(),
		Messages:              ethtypes.EthHash(b.TxRoot).ToCid(),
		BLSAggregate:          sig,
		Timestamp:             uint64(b.Timestamp),
		BlockSig:              sig,
		ParentBaseFee:         types.BigInt{Int: baseFee},
	}
	return types.NewTipSet([]*types.BlockHeader{hdr})
}
