package contracts_test

import (
	"bytes"
	"encoding/binary"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/crypto/blake2b"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
)

// A storage provider binds its Filecoin miner actor (issue 15): recorded everywhere, checked on
// chain through FEVM's actor-call precompile where it answers.

// minerBound is the receipt's MinerBound event (fails when there is none).
func minerBound(t *testing.T, c *simchain.Chain, r *types.Receipt) *bindings.ProviderRegistryMinerBound {
	t.Helper()
	for _, l := range r.Logs {
		if ev, err := c.RegistryABI.UnpackMinerBoundEvent(l); err == nil {
			return ev
		}
	}
	t.Fatal("no MinerBound event")
	return nil
}

func minerUnbound(c *simchain.Chain, r *types.Receipt) (uint64, bool) {
	for _, l := range r.Logs {
		if ev, err := c.RegistryABI.UnpackMinerUnboundEvent(l); err == nil {
			return ev.MinerId, true
		}
	}
	return 0, false
}

func (g *rgReg) minerOf(a *simchain.Account) uint64 {
	g.t.Helper()
	return rgCall(g, g.c.RegistryABI.PackMinerOf(a.Addr), g.c.RegistryABI.UnpackMinerOf).MinerId
}

func (g *rgReg) minerVerified(a *simchain.Account) bool {
	g.t.Helper()
	return rgCall(g, g.c.RegistryABI.PackMinerOf(a.Addr), g.c.RegistryABI.UnpackMinerOf).VerifiedOnChain
}

func (g *rgReg) minerOwner(m uint64) common.Address {
	g.t.Helper()
	return rgCall(g, g.c.RegistryABI.PackMinerOwner(m), g.c.RegistryABI.UnpackMinerOwner)
}

func TestRegistryMinerBindingRecordedOffFEVM(t *testing.T) {
	t.Parallel()
	c := simchain.New(t) // nothing at the precompile address, as on any EVM chain but FEVM
	g := rgMain(t, c)
	reg := c.RegistryABI
	a, b := g.account("a", 0), g.account("b", 0)

	_, err := g.send(a, reg.PackBindMiner(1234, nil))
	g.revert(err, "NotRegistered", a.Addr)
	peerA, peerB := []byte("peer-a-multihash"), []byte("peer-b-multihash")
	g.register(a, peerA)
	g.register(b, peerB)
	_, err = g.send(a, reg.PackBindMiner(99, nil))
	g.revert(err, "BadMinerId", 99)
	_, err = g.send(a, reg.PackBindMiner(1234, bytes.Repeat([]byte{1}, 257)))
	g.revert(err, "ControllerSigTooLong", 257)

	sig := bytes.Repeat([]byte{1}, 66) // type byte + 65, a secp256k1 signature's shape
	ev := minerBound(t, c, g.ok(g.send(a, reg.PackBindMiner(1234, sig))))
	if ev.Provider != a.Addr || ev.MinerId != 1234 || ev.VerifiedOnChain || !bytes.Equal(ev.ControllerSig, sig) {
		t.Fatalf("MinerBound = %+v; want a, 1234, not verified on chain, the signature", ev)
	}
	if got := g.minerOf(a); got != 1234 || g.minerVerified(a) {
		t.Fatalf("minerOf(a) = %d, verified %v; want 1234, unverified", got, g.minerVerified(a))
	}
	// An unverified binding is a claim: it reserves nothing (no one can squat a miner ID), and
	// another provider may claim the same miner; off chain, the signatures decide.
	if got := g.minerOwner(1234); got != (common.Address{}) {
		t.Fatalf("minerOwner(1234) = %s after an unverified binding", got.Hex())
	}
	g.ok(g.send(b, reg.PackBindMiner(1234, nil)))
	if g.minerOf(a) != 1234 || g.minerOf(b) != 1234 {
		t.Fatalf("two claims of 1234: a %d, b %d", g.minerOf(a), g.minerOf(b))
	}

	// Binding another miner releases the first; re-registering another peer ID ends the binding
	// (it was proven for the old peer ID); re-registering the same one keeps it.
	r := g.ok(g.send(a, reg.PackBindMiner(5678, nil)))
	if id, ok := minerUnbound(c, r); !ok || id != 1234 {
		t.Fatalf("binding 5678 unbound %d (%v), want 1234", id, ok)
	}
	if id, ok := minerUnbound(c, g.register(a, peerA)); ok {
		t.Fatalf("re-registering the same peer ID unbound %d", id)
	}
	if id, ok := minerUnbound(c, g.register(a, []byte("peer-a-new"))); !ok || id != 5678 || g.minerOf(a) != 0 {
		t.Fatalf("a new peer ID left miner %d bound (event %d, %v)", g.minerOf(a), id, ok)
	}

	// unbindMiner ends b's binding; a second call has nothing to end.
	if id, ok := minerUnbound(c, g.ok(g.send(b, reg.PackUnbindMiner()))); !ok || id != 1234 {
		t.Fatalf("unbindMiner: event %d %v", id, ok)
	}
	_, err = g.send(b, reg.PackUnbindMiner())
	g.revert(err, "NoMinerBound", b.Addr)
	g.books()
}

// cborPeerID is what a miner actor's GetPeerID returns: CBOR [bytes].
func cborPeerID(p []byte) []byte {
	switch {
	case len(p) < 24:
		return append([]byte{0x81, byte(0x40 + len(p))}, p...)
	case len(p) < 256:
		return append([]byte{0x81, 0x58, byte(len(p))}, p...)
	default:
		return append([]byte{0x81, 0x59, byte(len(p) >> 8), byte(len(p))}, p...)
	}
}

func TestRegistryMinerBindingCheckedOnFEVM(t *testing.T) {
	t.Parallel()
	c := simchain.NewFEVM(t)
	g := rgMain(t, c)
	reg := c.RegistryABI
	mockABI := bindings.NewCallActorByIdMock()
	mock := mockABI.Instance(c.Client, simchain.CallActorID)
	setMiner := func(data []byte) {
		t.Helper()
		if _, err := c.Send(c.Owner, mock, data); err != nil {
			t.Fatal(err)
		}
	}
	a, b := g.account("a", 0), g.account("b", 0)
	peerA := append([]byte{0x00, 0x24, 0x08, 0x01, 0x12, 0x20}, bytes.Repeat([]byte{0xa}, 32)...) // 38 bytes, an Ed25519 peer ID's size
	peerB := []byte("short-peer")                                                                 // < 24 bytes: the one-byte CBOR header
	g.register(a, peerA)
	g.register(b, peerB)

	// Matching peer IDs bind, verified on chain (both CBOR length forms).
	setMiner(mockABI.PackSetPeerId(1000, peerA))
	setMiner(mockABI.PackSetPeerId(1001, peerB))
	if ev := minerBound(t, c, g.ok(g.send(a, reg.PackBindMiner(1000, nil)))); !ev.VerifiedOnChain || ev.MinerId != 1000 {
		t.Fatalf("MinerBound = %+v, want verified on chain", ev)
	}
	if ev := minerBound(t, c, g.ok(g.send(b, reg.PackBindMiner(1001, nil)))); !ev.VerifiedOnChain {
		t.Fatalf("MinerBound = %+v, want verified on chain", ev)
	}

	// A miner whose peer ID is another's is refused, with both hashes.
	setMiner(mockABI.PackSetPeerId(1002, peerB))
	_, err := g.send(a, reg.PackBindMiner(1002, nil))
	g.revert(err, "MinerPeerIdMismatch", 1002, [32]byte(crypto.Keccak256Hash(peerA)), [32]byte(crypto.Keccak256Hash(peerB)))
	// An unknown actor and an actor error are the actor's exit codes.
	_, err = g.send(a, reg.PackBindMiner(4242, nil))
	g.revert(err, "MinerActorError", 4242, 17)
	setMiner(mockABI.PackSetExitCode(1003, big.NewInt(-5)))
	_, err = g.send(a, reg.PackBindMiner(1003, nil))
	g.revert(err, "MinerActorError", 1003, -5)
	// Answers that are not a CBOR [bytes] are malformed, whatever their shape.
	for i, raw := range [][]byte{
		{0x80}, // an empty array
		append([]byte{0x82, 0x4a}, peerA[:10]...),      // two-element array header
		append([]byte{0x81, 0x58, 0x27}, peerA...),     // length one more than the bytes
		append([]byte{0x81, 0x60 + 10}, peerA[:10]...), // a text string
		{0x81, 0x5a, 0, 0, 0, 1, 0},                    // a 32-bit length
	} {
		id := uint64(2000 + i)
		setMiner(mockABI.PackSetRawReturn(id, raw))
		_, err = g.send(a, reg.PackBindMiner(id, nil))
		g.revert(err, "MinerReturnMalformed", id)
	}
	// Still bound to 1000 after all the refusals, verified, and 1000 is a's.
	if got := g.minerOf(a); got != 1000 || !g.minerVerified(a) || g.minerOwner(1000) != a.Addr {
		t.Fatalf("minerOf(a) = %d (verified %v), minerOwner(1000) = %s; want 1000, verified, a", got, g.minerVerified(a), g.minerOwner(1000).Hex())
	}
	// The miner's peer ID changes to b's (ChangePeerID): b's verified binding ends a's, which
	// the chain now shows is stale.
	setMiner(mockABI.PackSetPeerId(1000, peerB))
	r := g.ok(g.send(b, reg.PackBindMiner(1000, nil)))
	if id, ok := minerUnbound(c, r); !ok || id != 1001 {
		t.Fatalf("b's rebinding: unbound %d (%v), want its own 1001 first", id, ok)
	}
	var evicted bool
	for _, l := range r.Logs {
		if ev, err := reg.UnpackMinerUnboundEvent(l); err == nil && ev.Provider == a.Addr && ev.MinerId == 1000 {
			evicted = true
		}
	}
	if !evicted || g.minerOf(a) != 0 || g.minerOf(b) != 1000 || g.minerOwner(1000) != b.Addr || g.minerOwner(1001) != (common.Address{}) {
		t.Fatalf("after b's verified binding of 1000: a %d, b %d, owner %s (a's binding ended: %v)", g.minerOf(a), g.minerOf(b), g.minerOwner(1000).Hex(), evicted)
	}
	g.books()
}

// mbDigest is minerBindingDigest computed in Go.
func mbDigest(t *testing.T, chainID *big.Int, registry, provider [20]byte, minerID uint64, peerIDHash [32]byte) [32]byte {
	t.Helper()
	ty := func(s string) abi.Type {
		x, err := abi.NewType(s, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	args := abi.Arguments{{Type: ty("string")}, {Type: ty("uint256")}, {Type: ty("address")}, {Type: ty("uint64")}, {Type: ty("address")}, {Type: ty("bytes32")}}
	enc, err := args.Pack("brine/miner/v1", chainID, registry, minerID, provider, peerIDHash)
	if err != nil {
		t.Fatal(err)
	}
	return crypto.Keccak256Hash(enc)
}

func TestRegistryMinerBindingDigest(t *testing.T) {
	t.Parallel()
	c := simchain.New(t)
	g := rgMain(t, c)
	a := g.account("a", 0)
	peer := []byte("peer-a")
	g.register(a, peer)
	got := rgCall(g, c.RegistryABI.PackMinerBindingDigest(a.Addr, 1234), c.RegistryABI.UnpackMinerBindingDigest)
	if want := mbDigest(t, c.ChainID, g.addr, a.Addr, 1234, crypto.Keccak256Hash(peer)); got != want {
		t.Fatalf("minerBindingDigest = %x, Go %x", got, want)
	}
	if other := rgCall(g, c.RegistryABI.PackMinerBindingDigest(a.Addr, 1235), c.RegistryABI.UnpackMinerBindingDigest); other == got {
		t.Fatal("digest does not depend on the miner")
	}
}

// TestGetPeerIDMethodNumber checks the registry's GET_PEER_ID_METHOD against FRC-0042: the first
// four bytes (big-endian) of blake2b-512("1|GetPeerID") that are at least 2^24.
func TestGetPeerIDMethodNumber(t *testing.T) {
	t.Parallel()
	sum := blake2b.Sum512([]byte("1|GetPeerID"))
	var want uint32
	for i := 0; i+4 <= len(sum); i += 4 {
		if v := binary.BigEndian.Uint32(sum[i:]); v >= 1<<24 {
			want = v
			break
		}
	}
	c := simchain.New(t)
	g := rgMain(t, c)
	got := rgCall(g, c.RegistryABI.PackGETPEERIDMETHOD(), c.RegistryABI.UnpackGETPEERIDMETHOD)
	if got != uint64(want) || got != 2812875329 {
		t.Fatalf("GET_PEER_ID_METHOD = %d; FRC-0042 gives %d (filecoin-solidity: 2812875329)", got, want)
	}
}

// TestRegistryPeerIdReclaimedByCheckedMiner: peer IDs are first come (PeerIdTaken), so whoever
// registers a storage provider's libp2p peer ID first blocks the SP. On FEVM a checked miner
// binding proves the peer ID is the SP's: registerWithMiner takes it from a holder without a
// checked binding (PeerIdReclaimed; the holder is no longer registered, so no longer active),
// never from a holder whose own binding was checked. Off FEVM nothing proves it: PeerIdTaken.
func TestRegistryPeerIdReclaimedByCheckedMiner(t *testing.T) {
	t.Parallel()
	c := simchain.NewFEVM(t)
	g := rgMain(t, c)
	reg := c.RegistryABI
	mockABI := bindings.NewCallActorByIdMock()
	mock := mockABI.Instance(c.Client, simchain.CallActorID)
	setPeer := func(miner uint64, peer []byte) {
		t.Helper()
		if _, err := c.Send(c.Owner, mock, mockABI.PackSetPeerId(miner, peer)); err != nil {
			t.Fatal(err)
		}
	}
	sp, squatter, other, late := g.account("sp", 200), g.account("squatter", 200), g.account("other", 0), g.account("late", 0)
	spPeer, otherPeer := []byte("the-sp-node-peer-id"), []byte("other-node-peer-id")
	g.stake(squatter, deploy.Token(100))
	g.register(squatter, spPeer)
	if !g.isActive(squatter.Addr) {
		t.Fatal("the squatter is not active")
	}
	_, err := g.send(sp, reg.PackRegister(spPeer, []byte("sig"), nil))
	g.revert(err, "PeerIdTaken", squatter.Addr)

	// The miner's actor names the SP's peer ID: the SP takes it.
	setPeer(1000, spPeer)
	sig := bytes.Repeat([]byte{1}, 66)
	// A miner that names another peer ID proves nothing: refused, the squatter keeps it.
	setPeer(1001, otherPeer)
	_, err = g.send(sp, reg.PackRegisterWithMiner(spPeer, []byte("sig"), nil, 1001, sig))
	g.revert(err, "MinerPeerIdMismatch", 1001, [32]byte(crypto.Keccak256Hash(spPeer)), [32]byte(crypto.Keccak256Hash(otherPeer)))
	r := g.ok(g.send(sp, reg.PackRegisterWithMiner(spPeer, []byte("sig"), []byte("meta"), 1000, sig)))
	var reclaimed *bindings.ProviderRegistryPeerIdReclaimed
	for _, l := range r.Logs {
		if ev, err := reg.UnpackPeerIdReclaimedEvent(l); err == nil {
			reclaimed = ev
		}
	}
	if reclaimed == nil || reclaimed.Holder != squatter.Addr || reclaimed.Claimant != sp.Addr || reclaimed.MinerId != 1000 ||
		reclaimed.PeerIdHash != [32]byte(crypto.Keccak256Hash(spPeer)) {
		t.Fatalf("PeerIdReclaimed = %+v; want the squatter's peer ID taken by the SP through miner 1000", reclaimed)
	}
	if ev := minerBound(t, c, r); ev.Provider != sp.Addr || ev.MinerId != 1000 || !ev.VerifiedOnChain || !bytes.Equal(ev.ControllerSig, sig) {
		t.Fatalf("MinerBound = %+v", ev)
	}
	if owner := rgCall(g, reg.PackPeerOwner(crypto.Keccak256Hash(spPeer)), reg.UnpackPeerOwner); owner != sp.Addr {
		t.Fatalf("peerOwner = %s, want the SP", owner.Hex())
	}
	if in := g.info(squatter.Addr); in.Registered || in.PeerIdHash != ([32]byte{}) || g.isActive(squatter.Addr) || in.Staked.Cmp(deploy.Token(100)) != 0 {
		t.Fatalf("the squatter after: %+v, active %v; want unregistered, inactive, its stake kept", in, g.isActive(squatter.Addr))
	}
	if g.minerOf(sp) != 1000 || !g.minerVerified(sp) || g.minerOwner(1000) != sp.Addr {
		t.Fatalf("the SP's binding: %d verified %v owner %s", g.minerOf(sp), g.minerVerified(sp), g.minerOwner(1000).Hex())
	}
	// The squatter cannot take it back: it is the SP's now, and a checked binding keeps it.
	_, err = g.send(squatter, reg.PackRegister(spPeer, []byte("sig"), nil))
	g.revert(err, "PeerIdTaken", sp.Addr)
	setPeer(1002, spPeer) // even through a miner of its own that names the same peer ID
	_, err = g.send(squatter, reg.PackRegisterWithMiner(spPeer, []byte("sig"), nil, 1002, nil))
	g.revert(err, "PeerIdHeldByCheckedMiner", sp.Addr, uint64(1000))
	// With its own peer ID the squatter registers again, active again.
	g.register(squatter, []byte("squatter-own-peer"))
	if !g.isActive(squatter.Addr) {
		t.Fatal("the squatter re-registered with its own peer ID is not active")
	}
	// A free peer ID: registerWithMiner is register then bindMiner; the holder itself re-binds.
	setPeer(1003, otherPeer)
	g.ok(g.send(other, reg.PackRegisterWithMiner(otherPeer, []byte("sig"), nil, 1003, nil)))
	if g.minerOf(other) != 1003 || !g.minerVerified(other) {
		t.Fatalf("other: miner %d", g.minerOf(other))
	}
	_, err = g.send(late, reg.PackRegisterWithMiner(otherPeer, []byte("sig"), nil, 1001, nil))
	g.revert(err, "PeerIdHeldByCheckedMiner", other.Addr, uint64(1003))
	_, err = g.send(late, reg.PackRegisterWithMiner(otherPeer, []byte("sig"), nil, 99, nil))
	g.revert(err, "BadMinerId", uint64(99))
	_, err = g.send(late, reg.PackRegisterWithMiner(nil, []byte("sig"), nil, 1001, nil))
	g.revert(err, "BadPeerId")
	g.books()
}

// Off FEVM nothing is checked, so registerWithMiner takes no peer ID: a held one is refused as
// by register, and a free one is registered with the miner claimed, unverified.
func TestRegistryRegisterWithMinerOffFEVM(t *testing.T) {
	t.Parallel()
	c := simchain.New(t)
	g := rgMain(t, c)
	reg := c.RegistryABI
	sp, squatter := g.account("sp", 0), g.account("squatter", 0)
	peer := []byte("the-sp-node-peer-id")
	g.register(squatter, peer)
	_, err := g.send(sp, reg.PackRegisterWithMiner(peer, []byte("sig"), nil, 1000, nil))
	g.revert(err, "PeerIdTaken", squatter.Addr)
	ev := minerBound(t, c, g.ok(g.send(sp, reg.PackRegisterWithMiner([]byte("sp-own-peer"), []byte("sig"), nil, 1000, nil))))
	if ev.VerifiedOnChain || g.minerOf(sp) != 1000 || !g.info(sp.Addr).Registered {
		t.Fatalf("MinerBound %+v, minerOf %d", ev, g.minerOf(sp))
	}
}
