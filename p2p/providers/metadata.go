package providers

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
)

// Metadata is what a Brine node publishes as its provider's registration metadata, so
// clients and other nodes can reach it: {"peer": "<peer ID>", "addrs": ["<multiaddr>", ...]}.
type Metadata struct {
	Peer  string   `json:"peer"`
	Addrs []string `json:"addrs"`
}

// ParseMetadata reads a provider's registration metadata as a libp2p address.
func ParseMetadata(b []byte) (peer.AddrInfo, error) {
	var m Metadata
	if err := json.Unmarshal(b, &m); err != nil {
		return peer.AddrInfo{}, fmt.Errorf("node metadata: %w", err)
	}
	id, err := peer.Decode(m.Peer)
	if err != nil {
		return peer.AddrInfo{}, fmt.Errorf("node metadata: peer: %w", err)
	}
	info := peer.AddrInfo{ID: id}
	for _, s := range m.Addrs {
		a, err := ma.NewMultiaddr(s)
		if err != nil {
			continue
		}
		a, _ = peer.SplitAddr(a) // drop a /p2p/<id> suffix
		if a != nil {
			info.Addrs = append(info.Addrs, a)
		}
	}
	if len(info.Addrs) == 0 {
		return peer.AddrInfo{}, errors.New("node metadata: no usable address")
	}
	return info, nil
}
