package node

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// maxMetadata is the registry's MAX_METADATA_LENGTH.
const maxMetadata = 1024

// metadata is the JSON the node publishes.
func (n *Node) metadata() ([]byte, error) {
	m := providers.Metadata{Peer: n.host.ID().String()}
	if len(n.cfg.AnnounceAddrs) > 0 {
		m.Addrs = slices.Clone(n.cfg.AnnounceAddrs)
	} else {
		for _, a := range n.host.Addrs() {
			m.Addrs = append(m.Addrs, a.String())
		}
	}
	for {
		b, err := json.Marshal(m)
		if err != nil {
			return nil, err
		}
		if len(b) <= maxMetadata {
			return b, nil
		}
		if len(m.Addrs) <= 1 {
			return nil, errors.New("the node's address does not fit the registry's 1024 bytes of metadata")
		}
		m.Addrs = m.Addrs[:len(m.Addrs)-1]
	}
}

// publish registers the node's peer ID and addresses on chain, or updates the metadata when
// only the addresses changed; it sends nothing when both are current.
func (n *Node) publish(ctx context.Context) error {
	meta, err := n.metadata()
	if err != nil {
		return err
	}
	info, err := n.st.Provider(ctx, n.self)
	if err != nil {
		return err
	}
	id := n.cfg.P2P.Identity
	peerHash := crypto.Keccak256Hash(id.PeerIDBytes())
	if info.Registered && info.PeerIDHash == peerHash {
		have, err := n.st.ProviderMetadata(ctx, n.self)
		if err != nil {
			return err
		}
		if bytes.Equal(have, meta) {
			n.log.Info("registration current", "peer", id.Peer, "active", info.Active)
			return n.warnInactive(info)
		}
		n.log.Info("updating the node's addresses on chain", "metadata", string(meta))
		if err := n.st.UpdateMetadata(ctx, meta); err != nil {
			return err
		}
		return n.warnInactive(info)
	}
	digest, err := n.st.RegistrationDigest(ctx, id.PeerIDBytes())
	if err != nil {
		return err
	}
	sig, err := id.SignDigest(digest)
	if err != nil {
		return err
	}
	n.log.Info("registering the node's peer ID and addresses", "peer", id.Peer, "metadata", string(meta))
	if err := n.st.Register(ctx, id.PeerIDBytes(), sig, meta); err != nil {
		return err
	}
	if info, err = n.st.Provider(ctx, n.self); err != nil {
		return err
	}
	return n.warnInactive(info)
}

func (n *Node) warnInactive(info settlement.ProviderInfo) error {
	if !info.Active {
		n.log.Warn("the provider account is not active (stake at least the minimum: brine provider stake); jobs will be refused by the market", "account", n.self)
	}
	return nil
}

// acceptSpec keeps a pushed spec when the node would run it, and records who pushed it (in
// the store, so it outlives a restart) to ask that peer for the job's spec, module and CID
// inputs. A spec the node's policy rules out is refused with the reason, which the pushing
// client shows its user, and remembered: a job posted with it anyway ends at once with that
// reason instead of waiting for a spec the node will not take.
func (n *Node) acceptSpec(_ context.Context, from peer.ID, hash common.Hash, canonical []byte) error {
	spec, err := jobspec.ParseCanonical(canonical, hash)
	if err != nil {
		return p2p.Refusal("invalid spec")
	}
	if r := n.checkSpec(spec); r != "" {
		n.refuse(hash, r)
		return p2p.Refusal("not taken by this node: " + string(r))
	}
	if err := n.store.PutSpec(hash, canonical); err != nil {
		return err
	}
	src := store.SpecSource{Peer: from.String()}
	for _, a := range n.host.PeerAddrs(from) {
		src.Addrs = append(src.Addrs, a.String())
	}
	if err := n.store.AddSource(hash, src); err != nil {
		return err
	}
	n.log.Debug("spec pushed", "hash", hash, "from", from)
	return nil
}

// maxRefused bounds the refusals the node remembers.
const maxRefused = 4096

// refuse remembers why the node refused spec hash.
func (n *Node) refuse(hash common.Hash, r refusal) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if len(n.refused) >= maxRefused {
		clear(n.refused) // bounded: a forgotten refusal is found again from the spec
	}
	n.refused[hash] = r
}

// refusedSpec is why the node refused spec hash when it was pushed ("" when it did not).
func (n *Node) refusedSpec(hash common.Hash) refusal {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.refused[hash]
}

// peersFor lists whom to ask for a job's spec, module and inputs: the peers that pushed the
// spec (latest first, at the addresses they had), then the other providers' nodes.
func (n *Node) peersFor(ctx context.Context, hash common.Hash) []peer.AddrInfo {
	var out []peer.AddrInfo
	srcs, err := n.store.Sources(hash)
	if err != nil {
		n.log.Warn("reading a spec's sources", "spec", hash, "err", err)
	}
	for _, src := range slices.Backward(srcs) {
		id, err := peer.Decode(src.Peer)
		if err != nil {
			continue
		}
		info := peer.AddrInfo{ID: id}
		for _, s := range src.Addrs {
			if a, err := ma.NewMultiaddr(s); err == nil {
				info.Addrs = append(info.Addrs, a)
			}
		}
		out = append(out, info)
	}
	for _, p := range n.directory(ctx) {
		if p.Address == n.self || !p.Registered {
			continue
		}
		info, err := providers.ParseMetadata(p.Metadata)
		if err != nil || info.ID == n.host.ID() {
			continue
		}
		out = append(out, info)
	}
	return out
}

// directory returns the registered providers, cached for half a minute.
func (n *Node) directory(ctx context.Context) []settlement.ProviderInfo {
	n.mu.Lock()
	if n.dir != nil && n.cfg.Clock.Now().Sub(n.dirAt) < 30*time.Second {
		defer n.mu.Unlock()
		return n.dir
	}
	n.mu.Unlock()
	list, err := n.st.ProviderDirectory(ctx)
	if err != nil {
		n.log.Warn("reading the provider directory", "err", err)
		return nil
	}
	n.mu.Lock()
	n.dir, n.dirAt = list, n.cfg.Clock.Now()
	n.mu.Unlock()
	return list
}

// errSpecUnavailable: no peer asked served the spec (yet: its client may push it later).
var errSpecUnavailable = errors.New("not available")

// spec returns the canonical spec of hash: from the store, else from peers (each answer is
// checked against the hash before it is kept).
func (n *Node) spec(ctx context.Context, hash common.Hash) ([]byte, error) {
	if b, err := n.store.GetSpec(hash); err == nil {
		return b, nil
	}
	var errs []error
	for _, p := range n.peersFor(ctx, hash) {
		c, cancel := context.WithTimeout(ctx, 20*time.Second)
		b, err := n.host.FetchSpec(c, p, hash)
		cancel()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if err := n.store.PutSpec(hash, b); err != nil {
			return nil, err
		}
		return b, nil
	}
	if len(errs) == 0 {
		return nil, fmt.Errorf("spec %s: %w: no peer pushed it and no other provider's node is known", hash, errSpecUnavailable)
	}
	return nil, fmt.Errorf("spec %s: %w from %d peer(s): %w", hash, errSpecUnavailable, len(errs), errors.Join(errs...))
}

// blob makes the content c (a module or an earlier result) present in the result store:
// there already, else fetched from the spec's pushers and the other providers' nodes.
func (n *Node) blob(ctx context.Context, c cid.Cid, specHash common.Hash, maxSize int64) ([]byte, error) {
	if err := n.storeBlob(ctx, c, specHash, maxSize); err != nil {
		return nil, err
	}
	return n.results.Get(c)
}

// storeBlob is blob that leaves the bytes in the result store: a fetch is written there as it
// arrives (results.Incoming) and checked against c, so an input of any size never passes
// through memory whole; the caller reads it back from its file (results.Store.OpenFile).
func (n *Node) storeBlob(ctx context.Context, c cid.Cid, specHash common.Hash, maxSize int64) error {
	if n.results.Has(c) {
		if f, _, err := n.results.OpenFile(c); err == nil {
			f.Close()
			return nil
		}
	}
	var errs []error
	for _, p := range n.peersFor(ctx, specHash) {
		in, err := n.results.Incoming()
		if err != nil {
			return err
		}
		fc, cancel := context.WithTimeout(ctx, 2*time.Minute)
		_, err = n.host.FetchResultTo(fc, p, c, maxSize, in)
		cancel()
		if err == nil {
			err = in.Commit(c)
			if err != nil {
				return err
			}
			return nil
		}
		in.Discard()
		if errors.Is(err, results.ErrStoreFull) {
			return err
		}
		errs = append(errs, err)
	}
	if len(errs) == 0 {
		return fmt.Errorf("%s not available: no peer pushed the spec and no other provider's node is known", c)
	}
	return fmt.Errorf("%s not available from %d peer(s): %w", c, len(errs), errors.Join(errs...))
}
