package prober

import (
	"context"
	"encoding/json"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/brine-compute/brine/settlement"
)

// ProviderLister lists providers with their metadata (settlement/onchain.Settlement does).
type ProviderLister interface {
	ProviderDirectory(ctx context.Context) ([]settlement.ProviderInfo, error)
}

// RegistryDirectory is the Directory of the provider registry: every active provider, probed
// at the peer ID its metadata names only when that ID hashes to the PeerIDHash registered on
// chain. A provider whose metadata is missing, unparsable or names another peer ID is still
// listed (with no peer ID), so its probes are recorded as failures.
type RegistryDirectory struct {
	Lister ProviderLister
}

// ActiveProviders implements Directory.
func (d RegistryDirectory) ActiveProviders(ctx context.Context) ([]Provider, error) {
	infos, err := d.Lister.ProviderDirectory(ctx)
	if err != nil {
		return nil, err
	}
	var out []Provider
	for _, in := range infos {
		if !in.Active {
			continue
		}
		p := Provider{Account: in.Address}
		var m struct {
			Peer  string   `json:"peer"`
			Addrs []string `json:"addrs"`
		}
		if json.Unmarshal(in.Metadata, &m) == nil {
			if id, err := peer.Decode(m.Peer); err == nil && crypto.Keccak256Hash([]byte(id)) == in.PeerIDHash {
				p.PeerID = id
				for _, s := range m.Addrs {
					a, err := ma.NewMultiaddr(s)
					if err != nil {
						continue
					}
					if a, _ = peer.SplitAddr(a); a != nil {
						p.Addrs = append(p.Addrs, a)
					}
				}
			}
		}
		out = append(out, p)
	}
	return out, nil
}
