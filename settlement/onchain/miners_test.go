package onchain_test

import (
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

func TestMinerBinding(t *testing.T) {
	w := newWorld(t)
	p := w.actor("p", deploy.Token(1000))
	q := w.actor("q", deploy.Token(1000))
	peer := []byte("12D3KooW-test-peer")
	must(t, p.S.Register(ctx, peer, []byte("sig"), nil))
	must(t, q.S.Register(ctx, []byte("12D3KooW-other-peer"), []byte("sig"), nil))

	digest, err := p.S.MinerBindingDigest(ctx, 1234)
	must(t, err)
	if want := onchain.MinerBindingDigest(w.c.ChainID, w.c.Addr.Registry, 1234, p.Addr, crypto.Keccak256Hash(peer)); digest != want {
		t.Fatalf("MinerBindingDigest: registry %s, Go %s", digest, want)
	}
	if _, ok, err := p.S.MinerBindingOf(ctx, p.Addr); err != nil || ok {
		t.Fatalf("before binding: %v %v", ok, err)
	}
	sig := []byte{1, 2, 3}
	verified, err := p.S.BindMiner(ctx, 1234, sig)
	must(t, err)
	if verified {
		t.Fatal("verified on chain on a chain without FEVM's precompile")
	}
	if info := w.providerInfo(p.S, p.Addr); info.MinerID != 1234 {
		t.Fatalf("Provider().MinerID = %d", info.MinerID)
	}
	b, ok, err := q.S.MinerBindingOf(ctx, p.Addr)
	must(t, err)
	if !ok || b.MinerID != 1234 || string(b.ControllerSig) != string(sig) || b.PeerIDHash != crypto.Keccak256Hash(peer) {
		t.Fatalf("MinerBindingOf = %+v, %v", b, ok)
	}
	// Off FEVM a binding is a claim: q may claim the same miner (the signatures decide off chain).
	if _, err := q.S.BindMiner(ctx, 1234, nil); err != nil {
		t.Fatalf("q claiming p's miner: %v", err)
	}
	if info := w.providerInfo(q.S, q.Addr); info.MinerID != 1234 || info.MinerVerified {
		t.Fatalf("q's claim: %+v", info)
	}
	if _, err := q.S.BindMiner(ctx, 7, nil); !errors.Is(err, settlement.ErrBadRequest) {
		t.Fatalf("a system actor's ID: %v, want ErrBadRequest", err)
	}
	must(t, p.S.UnbindMiner(ctx))
	if _, ok, err := q.S.MinerBindingOf(ctx, p.Addr); err != nil || ok {
		t.Fatalf("after unbinding: %v %v", ok, err)
	}
	if info := w.providerInfo(p.S, p.Addr); info.MinerID != 0 {
		t.Fatalf("Provider().MinerID = %d after unbinding", info.MinerID)
	}
}
