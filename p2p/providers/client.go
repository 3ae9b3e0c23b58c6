package providers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// What `brine job submit` and `brine job results` do with a libp2p host of their own.

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

// pushParallel bounds the pushes PushSpec makes at once.
const pushParallel = 8

// PushOutcome is one node's answer to a spec push: Err nil when it took the spec.
type PushOutcome struct {
	Account common.Address
	Err     error
}

// Refused reports whether the node answered and declined the spec (its policy rules the job
// out, or it found the spec invalid), as opposed to not answering at all.
func (o PushOutcome) Refused() bool {
	return errors.Is(o.Err, p2p.ErrRefused) || errors.Is(o.Err, p2p.ErrInvalid)
}

// Reason is why the node did not take the spec, in the node's words when it refused.
func (o PushOutcome) Reason() string {
	if o.Err == nil {
		return ""
	}
	var re *p2p.RemoteError
	if errors.As(o.Err, &re) && re.Message != "" {
		return re.Message
	}
	return o.Err.Error()
}

// PushReport is every offered node's answer, in the order the nodes were given.
type PushReport []PushOutcome

// Took lists the accounts whose node took the spec.
func (r PushReport) Took() []common.Address {
	var out []common.Address
	for _, o := range r {
		if o.Err == nil {
			out = append(out, o.Account)
		}
	}
	return out
}

// Refusals are the nodes that answered and declined; Unreached the ones that did not answer.
func (r PushReport) Refusals() PushReport { return r.filter(PushOutcome.Refused) }

// Unreached are the nodes that could not be asked (down, restarting, unreachable).
func (r PushReport) Unreached() PushReport {
	return r.filter(func(o PushOutcome) bool { return o.Err != nil && !o.Refused() })
}

func (r PushReport) filter(keep func(PushOutcome) bool) PushReport {
	var out PushReport
	for _, o := range r {
		if keep(o) {
			out = append(out, o)
		}
	}
	return out
}

// Err joins the reasons of every node that did not take the spec (nil when all took it).
func (r PushReport) Err() error {
	var errs []error
	for _, o := range r {
		if o.Err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", o.Account.Hex(), o.Err))
		}
	}
	return errors.Join(errs...)
}

// PushSpec offers a spec to every node and returns each one's answer (in the order of nodes):
// took it, refused it (with the node's reason) or did not answer. The pushes run
// concurrently (at most pushParallel at once), each bounded by 15 s: a registered node that
// is down (its QUIC address never answers) costs the wait once, not once per node.
func PushSpec(ctx context.Context, h *p2p.Host, nodes []ProviderNode, hash common.Hash, canonical []byte) PushReport {
	report := make(PushReport, len(nodes))
	sem := make(chan struct{}, pushParallel)
	var wg sync.WaitGroup
	for i, n := range nodes {
		report[i].Account = n.Account
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			c, cancel := context.WithTimeout(ctx, 15*time.Second)
			defer cancel()
			report[i].Err = h.PushSpec(c, n.Info, hash, canonical)
		})
	}
	wg.Wait()
	return report
}

// ErrResultMismatch: the bytes the provider served are not the result it committed on chain.
var ErrResultMismatch = errors.New("the provider's result does not match its on-chain commitment")

// FetchJobResult downloads the committed result of job and checks it against the CID
// committed on chain before returning it: from its provider's node, or for a replicated job
// from its replicas' nodes (the panel's members while the job is live, when d can read
// panels) and then any other provider's node, since every replica in the majority holds the
// same bytes. Bytes that do not match wrap ErrResultMismatch. Errors do not name the job:
// the caller says which job it fetched (wrapping once).
func FetchJobResult(ctx context.Context, h *p2p.Host, d Directory, job settlement.Job, maxSize int64) ([]byte, cid.Cid, error) {
	var data []byte
	c, err := fetchJobResult(ctx, h, d, job, inMemory(h, maxSize, &data))
	if err != nil {
		return nil, c, err
	}
	return data, c, nil
}

// Sink receives a result as it arrives (results.Incoming is one, in the result store):
// Reset discards what it holds before another node is asked.
type Sink interface {
	io.Writer
	Reset() error
}

// FetchJobResultTo is FetchJobResult writing the result into dst as it arrives
// (p2p.Host.FetchResultTo), so memory stays small whatever its size: the same nodes are asked
// in the same order, dst reset before each. Once it returns nil, dst holds exactly the bytes
// of the committed CID; on an error what dst holds must not be used.
func FetchJobResultTo(ctx context.Context, h *p2p.Host, d Directory, job settlement.Job, maxSize int64, dst Sink) (cid.Cid, error) {
	return fetchJobResult(ctx, h, d, job, toSink(h, maxSize, dst))
}

// getter fetches c from one node, CID-checked, keeping the bytes where its caller wants them.
type getter func(ctx context.Context, info peer.AddrInfo, c cid.Cid) error

func inMemory(h *p2p.Host, maxSize int64, data *[]byte) getter {
	return func(ctx context.Context, info peer.AddrInfo, c cid.Cid) error {
		b, err := h.FetchResult(ctx, info, c, maxSize)
		if err == nil {
			err = results.Verify(b, c)
		}
		if err == nil {
			*data = b
		}
		return err
	}
}

func toSink(h *p2p.Host, maxSize int64, dst Sink) getter {
	return func(ctx context.Context, info peer.AddrInfo, c cid.Cid) error {
		if err := dst.Reset(); err != nil {
			return err
		}
		_, err := h.FetchResultTo(ctx, info, c, maxSize, dst)
		if errors.Is(err, p2p.ErrCIDMismatch) {
			err = fmt.Errorf("%w: %w", results.ErrMismatch, err)
		}
		return err
	}
}

func fetchJobResult(ctx context.Context, h *p2p.Host, d Directory, job settlement.Job, get getter) (cid.Cid, error) {
	if len(job.ResultCID) == 0 {
		return cid.Undef, fmt.Errorf("no committed result (the job is %s)", job.Status)
	}
	c, err := results.ParseCommitment(job.ResultCID)
	if err != nil {
		return cid.Undef, fmt.Errorf("the committed result is not a Brine result CID: %w", err)
	}
	list, err := d.ProviderDirectory(ctx)
	if err != nil {
		return c, err
	}
	if job.Replicas > 1 && job.Provider == (common.Address{}) {
		return c, fetchReplicated(ctx, d, job, list, c, get)
	}
	var info peer.AddrInfo
	for _, p := range list {
		if p.Address == job.Provider {
			if info, err = ParseMetadata(p.Metadata); err != nil {
				return c, fmt.Errorf("provider %s publishes no usable node address: %w", job.Provider.Hex(), err)
			}
		}
	}
	if info.ID == "" {
		return c, fmt.Errorf("provider %s is not in the registry's directory", job.Provider.Hex())
	}
	return c, fetchFrom(ctx, get, info, job.Provider, c)
}

// fetchFrom downloads c from one node and verifies it.
func fetchFrom(ctx context.Context, get getter, info peer.AddrInfo, who common.Address, c cid.Cid) error {
	err := get(ctx, info, c)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, p2p.ErrCIDMismatch), errors.Is(err, results.ErrMismatch):
		return fmt.Errorf("%w: %v", ErrResultMismatch, err)
	}
	return fmt.Errorf("fetching %s from provider %s: %w", c, who.Hex(), err)
}

// panelReader reads a job's replica panel (settlement.Reader has it).
type panelReader interface {
	Panel(ctx context.Context, id settlement.JobID, replicas bool) (settlement.Panel, error)
}

// fetchReplicated tries the replicas' nodes, then the other providers' nodes, until one
// serves bytes that match c. A node that serves other bytes is skipped.
func fetchReplicated(ctx context.Context, d Directory, job settlement.Job, list []settlement.ProviderInfo, c cid.Cid, get getter) error {
	var order []common.Address
	if pr, ok := d.(panelReader); ok {
		if p, err := pr.Panel(ctx, job.ID, true); err == nil {
			order = append(order, p.Members...)
		}
	}
	nodes := make(map[common.Address]peer.AddrInfo)
	for _, p := range list {
		if info, err := ParseMetadata(p.Metadata); err == nil {
			nodes[p.Address] = info
			if !slices.Contains(order, p.Address) {
				order = append(order, p.Address)
			}
		}
	}
	var errs []error
	for _, who := range order {
		info, ok := nodes[who]
		if !ok {
			continue
		}
		try, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := fetchFrom(try, get, info, who, c)
		cancel()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		errs = append(errs, err)
	}
	if len(errs) == 0 {
		return errors.New("no provider in the registry's directory publishes a node address")
	}
	return fmt.Errorf("no replica's node served the result %s: %w", c, errors.Join(errs...))
}
