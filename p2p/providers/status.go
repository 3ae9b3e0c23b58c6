package providers

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/settlement"
)

// What a client learns from providers' nodes besides the result: the node's own record of a
// job (/brine/status), and the result from a node other than the provider's when the
// provider does not serve it.

// ErrNoNode: the account publishes no usable node address in the registry.
var ErrNoNode = errors.New("no usable node address in the registry")

// nodeOf is account's node address from its registration metadata.
func nodeOf(ctx context.Context, d Directory, account common.Address) (peer.AddrInfo, error) {
	list, err := d.ProviderDirectory(ctx)
	if err != nil {
		return peer.AddrInfo{}, err
	}
	for _, p := range list {
		if p.Address != account {
			continue
		}
		info, err := ParseMetadata(p.Metadata)
		if err != nil {
			return peer.AddrInfo{}, fmt.Errorf("provider %s: %w: %v", account.Hex(), ErrNoNode, err)
		}
		return info, nil
	}
	return peer.AddrInfo{}, fmt.Errorf("provider %s: %w: not registered", account.Hex(), ErrNoNode)
}

// FetchJobStatus asks the node of job's provider for its record of the job (what the node
// did, and why a job failed). A job without a provider has no node to ask.
func FetchJobStatus(ctx context.Context, h *p2p.Host, d Directory, job settlement.Job) (p2p.JobStatus, error) {
	if job.Provider == (common.Address{}) {
		return p2p.JobStatus{}, fmt.Errorf("job %d has no provider (it is %s)", job.ID, job.Status)
	}
	info, err := nodeOf(ctx, d, job.Provider)
	if err != nil {
		return p2p.JobStatus{}, err
	}
	return h.FetchStatus(ctx, info, uint64(job.ID))
}

// FetchJobResultAnywhere is FetchJobResult that, when the provider's node does not serve the
// result (gone, or a provider that committed and vanished), asks every other registered
// provider's node for the committed CID: verifiers that re-executed the job after a challenge
// hold it, as does any node that computed it. The bytes are checked against the on-chain
// commitment whoever serves them; from says whose node did (the job's provider, zero for a
// replicated job, whose replicas FetchJobResult itself tries). Bytes that do not match wrap
// ErrResultMismatch when the provider served them (a node other than the provider's that lies
// is skipped).
func FetchJobResultAnywhere(ctx context.Context, h *p2p.Host, d Directory, job settlement.Job, maxSize int64) (data []byte, c cid.Cid, from common.Address, err error) {
	c, from, err = fetchJobResultAnywhere(ctx, h, d, job, inMemory(h, maxSize, &data))
	if err != nil {
		return nil, c, from, err
	}
	return data, c, from, nil
}

// FetchJobResultAnywhereTo is FetchJobResultAnywhere writing the result into dst as it
// arrives (FetchJobResultTo): memory stays small whatever its size.
func FetchJobResultAnywhereTo(ctx context.Context, h *p2p.Host, d Directory, job settlement.Job, maxSize int64, dst Sink) (cid.Cid, common.Address, error) {
	return fetchJobResultAnywhere(ctx, h, d, job, toSink(h, maxSize, dst))
}

func fetchJobResultAnywhere(ctx context.Context, h *p2p.Host, d Directory, job settlement.Job, get getter) (c cid.Cid, from common.Address, err error) {
	c, err = fetchJobResult(ctx, h, d, job, get)
	// A replicated job's fetch has already asked the replicas and every other node.
	replicated := job.Replicas > 1 && job.Provider == (common.Address{})
	if err == nil || replicated || errors.Is(err, ErrResultMismatch) || !c.Defined() {
		return c, job.Provider, err
	}
	first := err
	list, derr := d.ProviderDirectory(ctx)
	if derr != nil {
		return c, common.Address{}, errors.Join(first, derr)
	}
	errs := []error{first}
	for _, p := range list {
		if p.Address == job.Provider || !p.Registered {
			continue
		}
		info, err := ParseMetadata(p.Metadata)
		if err != nil || info.ID == h.ID() {
			continue
		}
		fc, cancel := context.WithTimeout(ctx, 2*time.Minute)
		err = get(fc, info, c)
		cancel()
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p.Address.Hex(), err))
			continue
		}
		return c, p.Address, nil
	}
	return c, common.Address{}, fmt.Errorf("no node served result %s: %w", c, errors.Join(errs...))
}
