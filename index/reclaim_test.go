package index_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/internal/simchain"
)

// TestReclaimedPeerIDUnregisters: on FEVM a storage provider whose miner the registry checks
// takes its peer ID from a squatter (PeerIdReclaimed), which leaves the squatter unregistered
// though it never sent anything; the index says so (registeredBlock 0, the block it lost the
// peer ID), and a later registration of the squatter's own counts again.
func TestReclaimedPeerIDUnregisters(t *testing.T) {
	ctx := context.Background()
	c := simchain.NewFEVM(t)
	mockABI := bindings.NewCallActorByIdMock()
	mock := mockABI.Instance(c.Client, simchain.CallActorID)
	squatter, err := c.NewAccount("squatter", deploy.Token(200))
	must(t, err)
	sp, err := c.NewAccount("sp", deploy.Token(200))
	must(t, err)
	must(t, c.Stake(squatter, deploy.Token(100)))
	spPeer := []byte("the-sp-node-peer-id")
	first, err := c.Send(squatter, c.Registry, c.RegistryABI.PackRegister(spPeer, []byte("sig"), nil))
	must(t, err)
	_, err = c.Send(c.Owner, mock, mockABI.PackSetPeerId(1000, spPeer))
	must(t, err)
	taken, err := c.Send(sp, c.Registry, c.RegistryABI.PackRegisterWithMiner(spPeer, []byte("sig"), nil, 1000, bytes.Repeat([]byte{1}, 66)))
	must(t, err)

	db := openDB(t, filepath.Join(t.TempDir(), "index.db"))
	sync := func() {
		t.Helper()
		ix, err := index.New(ctx, index.Config{Chain: c.Client, DB: db, Addresses: c.Addr, ChainID: chainID(t, c)})
		must(t, err)
		_, err = ix.Sync(ctx)
		must(t, err)
	}
	sync()
	p, err := db.ProviderByAddress(ctx, c.Addr, squatter.Addr)
	must(t, err)
	if p.Registered != 0 || p.PeerIDReclaimed != taken.BlockNumber.Uint64() || p.Active || p.Staked != deploy.Token(100).String() {
		t.Fatalf("the squatter after the reclaim: registered %d (first at %d), reclaimed at %d (want %d), active %v, staked %s",
			p.Registered, first.BlockNumber, p.PeerIDReclaimed, taken.BlockNumber, p.Active, p.Staked)
	}
	q, err := db.ProviderByAddress(ctx, c.Addr, sp.Addr)
	must(t, err)
	if q.Registered != taken.BlockNumber.Uint64() || q.PeerIDReclaimed != 0 {
		t.Fatalf("the SP: registered %d (want %d), reclaimed %d", q.Registered, taken.BlockNumber, q.PeerIDReclaimed)
	}

	again, err := c.Send(squatter, c.Registry, c.RegistryABI.PackRegister([]byte("squatter-own-peer"), []byte("sig"), nil))
	must(t, err)
	sync()
	p, err = db.ProviderByAddress(ctx, c.Addr, squatter.Addr)
	must(t, err)
	if p.Registered != again.BlockNumber.Uint64() || p.PeerIDReclaimed != taken.BlockNumber.Uint64() || !p.Active {
		t.Fatalf("the squatter registered again with its own peer ID: registered %d (want %d), reclaimed %d, active %v",
			p.Registered, again.BlockNumber, p.PeerIDReclaimed, p.Active)
	}
}
