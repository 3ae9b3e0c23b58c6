package jobclient

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// HostConfig configures a Host.
type HostConfig struct {
	// Identity is the client's peer key (not a provider node's: two hosts with one key
	// confuse the peers that dial them).
	Identity *identity.Identity
	// ListenAddrs are libp2p listen multiaddrs (empty: p2p.DefaultListenAddrs).
	ListenAddrs []string
	// Blobs holds what the host serves besides specs: wasm modules and earlier results.
	Blobs  *results.Store
	Logger *slog.Logger
}

// Host is a client's libp2p host: it serves the client's specs and blobs to providers' nodes
// and fetches results from them. It answers no probes.
type Host struct {
	p2p   *p2p.Host
	blobs *results.Store

	mu    sync.Mutex
	specs map[common.Hash][]byte
}

// ErrModuleMismatch: the module bytes are not the module the spec names.
var ErrModuleMismatch = errors.New("the module is not the one the spec names")

// NewHost checks cfg and returns a host that is not started.
func NewHost(cfg HostConfig) (*Host, error) {
	if cfg.Identity == nil || cfg.Blobs == nil {
		return nil, errors.New("jobclient: Identity and Blobs are required")
	}
	h := &Host{blobs: cfg.Blobs, specs: map[common.Hash][]byte{}}
	var err error
	h.p2p, err = p2p.New(p2p.Config{Identity: cfg.Identity, ListenAddrs: cfg.ListenAddrs, Specs: h, Results: cfg.Blobs,
		DisableProbe: true, Logger: cfg.Logger})
	if err != nil {
		return nil, err
	}
	return h, nil
}

// Start listens.
func (h *Host) Start(ctx context.Context) error {
	if err := h.p2p.Start(ctx); err != nil {
		return fmt.Errorf("starting the client's libp2p host: %w", err)
	}
	return nil
}

// Stop closes the host.
func (h *Host) Stop(ctx context.Context) error { return h.p2p.Stop(ctx) }

// P2P is the underlying libp2p host.
func (h *Host) P2P() *p2p.Host { return h.p2p }

// Spec serves the specs handed to Push (p2p.SpecSource).
func (h *Host) Spec(hash common.Hash) ([]byte, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	b, ok := h.specs[hash]
	return b, ok
}

// ServeModule checks that module is the wasm module spec names by CID and serves it.
func (h *Host) ServeModule(spec *jobspec.Spec, module []byte) error {
	if spec.Engine != jobspec.EngineWasm {
		return fmt.Errorf("%w: the spec's engine is %s, not wasm", ErrModuleMismatch, spec.Engine)
	}
	if got := results.CIDOf(module); got.String() != spec.Module {
		return fmt.Errorf("%w: the module has CID %s, the spec names %s", ErrModuleMismatch, got, spec.Module)
	}
	_, err := h.blobs.Put(module)
	return err
}

// Push serves the spec and offers it to every active provider's node in d but the accounts in
// except (a re-offer skips the nodes that took it). It returns each offered node's answer
// (providers.PushReport: took it, refused it with its reason, or did not answer); the error
// is the directory's.
func (h *Host) Push(ctx context.Context, d providers.Directory, hash common.Hash, canonical []byte, except ...common.Address) (providers.PushReport, error) {
	h.mu.Lock()
	h.specs[hash] = canonical
	h.mu.Unlock()
	nodes, err := providers.ProviderNodes(ctx, d)
	if err != nil {
		return nil, fmt.Errorf("listing the providers' nodes: %w", err)
	}
	nodes = slices.DeleteFunc(nodes, func(n providers.ProviderNode) bool { return slices.Contains(except, n.Account) })
	return providers.PushSpec(ctx, h.p2p, nodes, hash, canonical), nil
}

// Fetch downloads job's committed result from its provider's node and verifies it against the
// CID committed on chain (providers.FetchJobResult: bytes that do not match wrap
// providers.ErrResultMismatch).
func (h *Host) Fetch(ctx context.Context, d providers.Directory, job settlement.Job, maxSize int64) ([]byte, cid.Cid, error) {
	return providers.FetchJobResult(ctx, h.p2p, d, job, maxSize)
}

// FetchAnywhere is Fetch that, when the provider's node does not serve the result (gone, or a
// provider that committed and vanished), asks the other providers' nodes for it
// (providers.FetchJobResultAnywhere): the verifiers that re-executed the job after a
// challenge hold it. Whoever serves the bytes, they are checked against the on-chain
// commitment. from is whose node served them: the job's provider, another provider, or zero
// for a replicated job (Fetch already asks its replicas' nodes and then every other one). A
// provider that served other bytes is not bypassed: that wraps providers.ErrResultMismatch,
// and the client challenges.
func (h *Host) FetchAnywhere(ctx context.Context, d providers.Directory, job settlement.Job, maxSize int64) (data []byte, c cid.Cid, from common.Address, err error) {
	return providers.FetchJobResultAnywhere(ctx, h.p2p, d, job, maxSize)
}

// FetchAnywhereTo is FetchAnywhere writing the result into dst as it arrives
// (providers.FetchJobResultAnywhereTo; a results.Incoming keeps it in the result store), so a
// large result is never held in memory. Once it returns nil, dst holds exactly the bytes of
// the committed CID.
func (h *Host) FetchAnywhereTo(ctx context.Context, d providers.Directory, job settlement.Job, maxSize int64, dst providers.Sink) (cid.Cid, common.Address, error) {
	return providers.FetchJobResultAnywhereTo(ctx, h.p2p, d, job, maxSize, dst)
}

// PanelReader reads a job's replica panel (settlement.Reader has it).
type PanelReader interface {
	Panel(ctx context.Context, id settlement.JobID, replicas bool) (settlement.Panel, error)
}

// ResultHolders names, for messages, the nodes a job's result is asked from first: its
// provider's, or a replicated job's replicas' as its panel names them (the panel is deleted
// when the job ends: then just "the replicas' nodes").
func ResultHolders(ctx context.Context, r PanelReader, job settlement.Job) string {
	if job.Replicas <= 1 || job.Provider != (common.Address{}) {
		return "provider " + job.Provider.Hex() + "'s node"
	}
	p, err := r.Panel(ctx, job.ID, true)
	if err != nil || len(p.Members) == 0 {
		return "the replicas' nodes"
	}
	names := make([]string, len(p.Members))
	for i, m := range p.Members {
		names[i] = m.Hex()
	}
	return "the nodes of replicas " + strings.Join(names, ", ")
}
