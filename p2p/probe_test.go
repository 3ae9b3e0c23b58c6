package p2p_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"math/big"
	"strings"
	"testing"

	"github.com/brine-compute/brine/p2p"
	"github.com/ethereum/go-ethereum/common"
)

func fixedProbe() p2p.ProbeRequest {
	r := p2p.ProbeRequest{
		ChainID:  big.NewInt(31337),
		Contract: common.HexToAddress("0x1111111111111111111111111111111111111111"),
		Prober:   common.HexToAddress("0x2222222222222222222222222222222222222222"),
		Epoch:    0x0102030405060708,
	}
	copy(r.Nonce[:], bytes.Repeat([]byte{0x33}, 32))
	return r
}

// TestProbeEncoding pins the wire encoding and the digest a prober verifies, written out by
// hand so a change to either is a deliberate protocol version change.
func TestProbeEncoding(t *testing.T) {
	want := strings.Join([]string{
		"0000000000000000000000000000000000000000000000000000000000007a69", // chain ID 31337
		"1111111111111111111111111111111111111111",                         // contract
		"2222222222222222222222222222222222222222",                         // prober
		"0102030405060708", // epoch
		"3333333333333333333333333333333333333333333333333333333333333333", // nonce
	}, "")
	enc, err := fixedProbe().MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if hex.EncodeToString(enc) != want {
		t.Fatalf("encoding %x\nwant     %s", enc, want)
	}
	raw, _ := hex.DecodeString(want)
	digest, err := p2p.ProbeDigest(fixedProbe())
	if err != nil {
		t.Fatal(err)
	}
	if digest != sha256.Sum256(append([]byte("brine/probe/v1"), raw...)) {
		t.Fatalf("digest is not sha256(domain || encoding)")
	}
	var back p2p.ProbeRequest
	if err := back.UnmarshalBinary(enc); err != nil {
		t.Fatal(err)
	}
	if back.ChainID.Cmp(big.NewInt(31337)) != 0 || back.Contract != fixedProbe().Contract || back.Prober != fixedProbe().Prober || back.Epoch != fixedProbe().Epoch || back.Nonce != fixedProbe().Nonce {
		t.Fatalf("round trip: %+v", back)
	}
	for _, n := range []int{0, 111, 113} {
		if err := back.UnmarshalBinary(make([]byte, n)); err == nil {
			t.Fatalf("UnmarshalBinary accepted %d bytes", n)
		}
	}
	max := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	for _, id := range []*big.Int{nil, big.NewInt(-1), new(big.Int).Add(max, big.NewInt(1))} {
		r := fixedProbe()
		r.ChainID = id
		if _, err := r.MarshalBinary(); err == nil {
			t.Fatalf("chain ID %v accepted", id)
		}
	}
	r := fixedProbe()
	r.ChainID = max
	if _, err := r.MarshalBinary(); err != nil {
		t.Fatalf("chain ID 2^256-1: %v", err)
	}
}

// TestVerifyProbe: an answer verifies for the request it signed and the key that signed it,
// and for nothing else.
func TestVerifyProbe(t *testing.T) {
	id := newIdentity(t)
	other := newIdentity(t)
	req := fixedProbe()
	digest, err := p2p.ProbeDigest(req)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := id.SignDigest(digest)
	if err != nil {
		t.Fatal(err)
	}
	if !p2p.VerifyProbe(id.Peer, req, sig) {
		t.Fatalf("a good answer does not verify")
	}
	for _, tc := range []struct {
		name string
		mod  func(r *p2p.ProbeRequest)
	}{
		{"chain", func(r *p2p.ProbeRequest) { r.ChainID = big.NewInt(1) }},
		{"contract", func(r *p2p.ProbeRequest) { r.Contract[19] ^= 1 }},
		{"prober", func(r *p2p.ProbeRequest) { r.Prober[0] ^= 1 }},
		{"epoch", func(r *p2p.ProbeRequest) { r.Epoch++ }},
		{"nonce", func(r *p2p.ProbeRequest) { r.Nonce[31] ^= 1 }},
	} {
		r := fixedProbe()
		tc.mod(&r)
		if p2p.VerifyProbe(id.Peer, r, sig) {
			t.Fatalf("answer verifies for another %s", tc.name)
		}
	}
	if p2p.VerifyProbe(other.Peer, req, sig) {
		t.Fatalf("answer verifies for another peer")
	}
	// A registration-style signature over the bare digest of the same fields (no domain) fails.
	enc, _ := req.MarshalBinary()
	bare, _ := id.SignDigest(sha256.Sum256(enc))
	for name, s := range map[string][]byte{"empty": nil, "truncated": sig[:63], "no domain": bare, "huge": make([]byte, 2048)} {
		if p2p.VerifyProbe(id.Peer, req, s) {
			t.Fatalf("%s signature verifies", name)
		}
	}
	if p2p.VerifyProbe("not a peer id", req, sig) {
		t.Fatalf("verifies for a malformed peer ID")
	}
	a, _ := p2p.NewProbeRequest(big.NewInt(1), common.Address{}, common.Address{}, 1)
	b, _ := p2p.NewProbeRequest(big.NewInt(1), common.Address{}, common.Address{}, 1)
	if a.Nonce == b.Nonce || a.Nonce == [32]byte{} {
		t.Fatalf("nonces are not fresh")
	}
}
