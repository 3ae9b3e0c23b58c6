package node

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/brine-compute/brine/node/p2p"
	"github.com/brine-compute/brine/node/results"
	"github.com/brine-compute/brine/settlement"
)

// The client side of the node's protocols: what `brine job submit` and `brine job results`
// do with a libp2p host of their own.

// Directory lists registered providers with their metadata (settlement/onchain has it).
type Directory interface {
	ProviderDirectory(ctx context.Context) ([]settlement.ProviderInfo, error)
}

// ProviderNode is an active provider and its node's address, from its registration metadata.
type ProviderNode struct {
	Account common.Address
	Info    peer.AddrInfo
}

// ProviderNodes lists the active providers whose metadata names a node.
func ProviderNodes(ctx context.Context, d Directory) ([]ProviderNode, error) {
	list, err := d.ProviderDirectory(ctx)
	if err != nil {
		return nil, err
	}
	var out []ProviderNode
	for _, p := range list {
		if !p.Active {
			continue
		}
		info, err := ParseMetadata(p.Metadata)
		if err != nil {
			continue
		}
		out = append(out, ProviderNode{Account: p.Address, Info: info})
	}
	return out, nil
}

// PushSpec offers a spec to every node and returns the accounts whose node took it, and
// why the others did not.
func PushSpec(ctx context.Context, h *p2p.Host, nodes []ProviderNode, hash common.Hash, canonical []byte) ([]common.Address, error) {
	var (
		took []common.Address
		errs []error
	)
	for _, n := range nodes {
		c, cancel := context.WithTimeout(ctx, 15*time.Second)
		err := h.PushSpec(c, n.Info, hash, canonical)
		cancel()
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", n.Account.Hex(), err))
			continue
		}
		took = append(took, n.Account)
	}
	return took, errors.Join(errs...)
}

// ErrResultMismatch: the bytes the provider served are not the result it committed on chain.
var ErrResultMismatch = errors.New("the provider's result does not match its on-chain commitment")

// FetchJobResult downloads the committed result of job from its provider's node and checks
// it against the CID committed on chain before returning it. Bytes that do not match wrap
// ErrResultMismatch.
func FetchJobResult(ctx context.Context, h *p2p.Host, d Directory, job settlement.Job, maxSize int64) ([]byte, cid.Cid, error) {
	if len(job.ResultCID) == 0 {
		return nil, cid.Undef, fmt.Errorf("job %d has no committed result (it is %s)", job.ID, job.Status)
	}
	c, err := results.ParseCommitment(job.ResultCID)
	if err != nil {
		return nil, cid.Undef, fmt.Errorf("job %d: the committed result is not a Brine result CID: %w", job.ID, err)
	}
	list, err := d.ProviderDirectory(ctx)
	if err != nil {
		return nil, c, err
	}
	var info peer.AddrInfo
	for _, p := range list {
		if p.Address == job.Provider {
			if info, err = ParseMetadata(p.Metadata); err != nil {
				return nil, c, fmt.Errorf("provider %s publishes no usable node address: %w", job.Provider.Hex(), err)
			}
		}
	}
	if info.ID == "" {
		return nil, c, fmt.Errorf("provider %s is not in the registry's directory", job.Provider.Hex())
	}
	data, err := h.FetchResult(ctx, info, c, maxSize)
	if err != nil {
		if errors.Is(err, p2p.ErrCIDMismatch) {
			return nil, c, fmt.Errorf("%w: %v", ErrResultMismatch, err)
		}
		return nil, c, fmt.Errorf("fetching %s from provider %s: %w", c, job.Provider.Hex(), err)
	}
	if err := results.Verify(data, c); err != nil {
		return nil, c, fmt.Errorf("%w: %v", ErrResultMismatch, err)
	}
	return data, c, nil
}
