package node_test

import (
	"context"
	"encoding/json"
	"net"
	"slices"
	"testing"

	ma "github.com/multiformats/go-multiaddr"

	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/p2p/providers"
)

// TestAddressesStableAcrossRestarts: a node restarted on its data directory listens on the
// ports it bound before, so its registration metadata is current and it sends no
// transaction; a kept port another process took is replaced by a new one, which the node
// publishes.
func TestAddressesStableAcrossRestarts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	p := stakedProvider(t, newMarket(t), "provider")
	nonce := func() uint64 {
		n, err := eth.PendingNonceAt(ctx, p.acct.Account())
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	addrs := func(n *node.Node) []string {
		var out []string
		for _, a := range n.Host().Addrs() {
			out = append(out, a.String())
		}
		return out
	}

	first := p.start(t, nil, dishonest.Honest)
	before := addrs(first)
	stop(t, first)
	sent := nonce()

	second := p.start(t, nil, dishonest.Honest)
	if after := addrs(second); !slices.Equal(after, before) {
		t.Errorf("addresses after a restart:\n%v\nbefore:\n%v", after, before)
	}
	if n := nonce(); n != sent {
		t.Errorf("the restarted node sent %d transaction(s); its addresses had not changed", n-sent)
	}
	var tcp string // the kept TCP listen address, taken by another process below
	for _, a := range second.Host().ListenAddrs() {
		if port, err := a.ValueForProtocol(ma.P_TCP); err == nil {
			tcp = net.JoinHostPort("127.0.0.1", port)
		}
	}
	stop(t, second)

	ln, err := net.Listen("tcp", tcp)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	third := p.start(t, nil, dishonest.Honest)
	now := addrs(third)
	if slices.Equal(now, before) {
		t.Fatalf("listening on %s, which another process holds", tcp)
	}
	have, err := p.acct.ProviderMetadata(ctx, p.acct.Account())
	if err != nil {
		t.Fatal(err)
	}
	var m providers.Metadata
	if err := json.Unmarshal(have, &m); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Addrs, now) {
		t.Errorf("published addresses %v, the node listens on %v", m.Addrs, now)
	}
}
