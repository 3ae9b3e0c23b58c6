package lotusstandin_test

import (
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/filecoin-project/go-address"
	"github.com/filecoin-project/go-state-types/crypto"
	"github.com/filecoin-project/lotus/api"
	"github.com/filecoin-project/lotus/lib/sigs"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/brine-compute/brine/filecoin"
	"github.com/brine-compute/brine/internal/lotusstandin"
)

// secpKey is a Filecoin secp256k1 key and its f1 address.
type secpKey struct {
	priv []byte
	addr address.Address
}

func newSecpKey(t *testing.T) secpKey {
	t.Helper()
	priv, a, err := lotusstandin.NewSecpKey()
	if err != nil {
		t.Fatal(err)
	}
	return secpKey{priv: priv, addr: a}
}

// sign signs msg as `lotus wallet sign` does and encodes it as Lotus prints it.
func (k secpKey) sign(t *testing.T, msg []byte) []byte {
	t.Helper()
	sig, err := sigs.Sign(crypto.SigTypeSecp256k1, k.priv, msg)
	if err != nil {
		t.Fatal(err)
	}
	b, err := sig.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestMinerBinding: the off-chain check of a storage provider's binding, through Lotus's API
// on the stand-in, both ways: the provider's own account controls the miner, or a controlling
// key signed the binding digest; and each way it fails.
func TestMinerBinding(t *testing.T) {
	id := func(n uint64) address.Address { a, _ := address.NewIDAddress(n); return a }
	miner, owner, worker, control := id(1234), id(1001), id(1002), id(1003)
	spMiner := id(1235)
	ownerKey, workerKey, stranger := newSecpKey(t), newSecpKey(t), newSecpKey(t)
	nodePeer, err := peer.Decode("12D3KooWGzxzKZYveHXtpG6AsrUJBcWxHBFS2HsEoGTxrMLvKXtf")
	if err != nil {
		t.Fatal(err)
	}
	otherPeer, err := peer.Decode("12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN")
	if err != nil {
		t.Fatal(err)
	}
	provider := common.HexToAddress("0x8ba1f109551bD432803012645Ac136ddd64DBA72")
	f410, err := address.NewDelegatedAddress(10, provider.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	w := newWorld(t, lotusstandin.Config{
		NetworkName: "brine-standin",
		Miners: map[address.Address]api.MinerInfo{
			miner:   {Owner: owner, Worker: worker, ControlAddresses: []address.Address{control}, PeerId: &nodePeer},
			spMiner: {Owner: owner, Worker: worker, ControlAddresses: []address.Address{id(1004)}, PeerId: &nodePeer},
		},
		IDs:         map[address.Address]address.Address{f410: id(1004)},
		AccountKeys: map[address.Address]address.Address{owner: ownerKey.addr, worker: workerKey.addr},
	})
	fc, err := filecoin.Dial(w.ctx, filecoin.Config{URL: w.s.URL()})
	if err != nil {
		t.Fatal(err)
	}
	defer fc.Close()
	digest := []byte("0123456789abcdef0123456789abcdef")
	bind := func(m address.Address, p peer.ID, sig []byte) (filecoin.Verified, error) {
		n, _ := address.IDFromAddress(m)
		return fc.VerifyBinding(w.ctx, filecoin.Binding{Miner: n, Peer: p, Provider: provider, Digest: digest, Signature: sig})
	}

	// The provider's f410 account is a control address of spMiner: no signature needed.
	v, err := bind(spMiner, nodePeer, nil)
	if err != nil || v.Controller != id(1004) || v.Key != address.Undef {
		t.Fatalf("own control address: %+v, %v", v, err)
	}
	// It is not one of miner's: without a signature, refused.
	if _, err := bind(miner, nodePeer, nil); !errors.Is(err, filecoin.ErrNotController) {
		t.Fatalf("no signature, not a controller: %v", err)
	}
	// The worker's key signed the digest: bound through the worker.
	if v, err := bind(miner, nodePeer, workerKey.sign(t, digest)); err != nil || v.Controller != worker || v.Key != workerKey.addr {
		t.Fatalf("worker signature: %+v, %v", v, err)
	}
	if v, err := bind(miner, nodePeer, ownerKey.sign(t, digest)); err != nil || v.Controller != owner {
		t.Fatalf("owner signature: %+v, %v", v, err)
	}
	// A key that controls nothing, a signature over other bytes, garbage: refused.
	for name, sig := range map[string][]byte{
		"a stranger's key": stranger.sign(t, digest),
		"another digest":   workerKey.sign(t, []byte("another digest, another binding")),
	} {
		if _, err := bind(miner, nodePeer, sig); !errors.Is(err, filecoin.ErrNotController) {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if _, err := bind(miner, nodePeer, []byte{9, 1, 2}); !errors.Is(err, filecoin.ErrBadSignature) {
		t.Fatalf("an unknown signature type: %v", err)
	}
	// The miner's PeerId is not the node's; an unknown miner.
	if _, err := bind(miner, otherPeer, workerKey.sign(t, digest)); !errors.Is(err, filecoin.ErrPeerMismatch) {
		t.Fatalf("another peer: %v", err)
	}
	if _, err := bind(id(4242), nodePeer, nil); !errors.Is(err, filecoin.ErrNoMiner) {
		t.Fatalf("an unknown miner: %v", err)
	}
	// The opt-in real-Lotus test's binding checks, here against the stand-in.
	info, err := fc.MinerInfo(w.ctx, miner)
	if err != nil {
		t.Fatal(err)
	}
	realBinding(w.ctx, t, fc, miner, info)
}
