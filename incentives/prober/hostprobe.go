package prober

import (
	"context"

	"github.com/libp2p/go-libp2p/core/peer"
	swarm "github.com/libp2p/go-libp2p/p2p/net/swarm"

	"github.com/brine-compute/brine/p2p"
)

// HostProbe is the ProbeFunc of a prober's own libp2p host. Before each probe it clears the
// swarm's dial backoff for the peer: libp2p refuses to redial a peer for a while after a failed
// dial, which would count a node that came back as down for rounds it actually answered.
func HostProbe(h *p2p.Host) ProbeFunc {
	return func(ctx context.Context, info peer.AddrInfo, r p2p.ProbeRequest) ([]byte, error) {
		if sw, ok := h.LibP2P().Network().(*swarm.Swarm); ok {
			sw.Backoff().Clear(info.ID)
		}
		return h.Probe(ctx, info, r)
	}
}
