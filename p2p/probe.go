package p2p

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"
)

// ProbeDomain separates probe answers from every other signature a peer key makes (the
// registration proof signs a keccak256 digest of "brine/register/v1", ...).
const ProbeDomain = "brine/probe/v1"

// probeRequestSize: chain ID (32) | contract (20) | prober (20) | epoch (8) | nonce (32).
const probeRequestSize = 32 + common.AddressLength + common.AddressLength + 8 + 32

// maxSignature bounds a probe answer: an Ed25519 signature is 64 bytes; other libp2p key types
// stay well below this.
const maxSignature = 1024

// ProbeRequest is a prober's challenge. The node signs ProbeDigest with its peer key; the
// answer is bound to the chain, the rewards contract, the prober, the epoch and a fresh
// nonce, so it cannot be replayed to another prober, epoch, deployment or chain, nor reused.
type ProbeRequest struct {
	ChainID  *big.Int       // the chain the rewards are paid on; 0 <= ChainID < 2^256
	Contract common.Address // the UptimeRewards contract
	Prober   common.Address // the reporter account probing
	Epoch    uint64         // the rewards epoch the probe counts for
	Nonce    [32]byte       // fresh and random for every probe
}

// NewProbeRequest is a probe with a fresh random nonce.
func NewProbeRequest(chainID *big.Int, contract, prober common.Address, epoch uint64) (ProbeRequest, error) {
	r := ProbeRequest{ChainID: new(big.Int).Set(chainID), Contract: contract, Prober: prober, Epoch: epoch}
	if _, err := rand.Read(r.Nonce[:]); err != nil {
		return ProbeRequest{}, fmt.Errorf("p2p: probe nonce: %w", err)
	}
	return r, nil
}

var maxUint256 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))

// MarshalBinary is the request's wire encoding: chain ID (32 bytes, big-endian), contract
// (20), prober (20), epoch (8, big-endian), nonce (32).
func (r ProbeRequest) MarshalBinary() ([]byte, error) {
	if r.ChainID == nil || r.ChainID.Sign() < 0 || r.ChainID.Cmp(maxUint256) > 0 {
		return nil, errors.New("p2p: probe chain ID out of range")
	}
	b := make([]byte, probeRequestSize)
	r.ChainID.FillBytes(b[0:32])
	copy(b[32:52], r.Contract[:])
	copy(b[52:72], r.Prober[:])
	binary.BigEndian.PutUint64(b[72:80], r.Epoch)
	copy(b[80:112], r.Nonce[:])
	return b, nil
}

// UnmarshalBinary decodes MarshalBinary's encoding; anything but exactly its size is refused.
func (r *ProbeRequest) UnmarshalBinary(b []byte) error {
	if len(b) != probeRequestSize {
		return fmt.Errorf("p2p: probe request of %d bytes, want %d", len(b), probeRequestSize)
	}
	r.ChainID = new(big.Int).SetBytes(b[0:32])
	copy(r.Contract[:], b[32:52])
	copy(r.Prober[:], b[52:72])
	r.Epoch = binary.BigEndian.Uint64(b[72:80])
	copy(r.Nonce[:], b[80:112])
	return nil
}

// ProbeDigest is what a node signs: sha256(ProbeDomain || MarshalBinary(r)). Every field has
// a fixed length, so no two requests share an encoding.
func ProbeDigest(r ProbeRequest) ([32]byte, error) {
	enc, err := r.MarshalBinary()
	if err != nil {
		return [32]byte{}, err
	}
	return sha256.Sum256(append([]byte(ProbeDomain), enc...)), nil
}

// VerifyProbe reports whether sig is the key behind id signing r's digest. Peer IDs of Ed25519
// keys embed the key; an ID that does not cannot be verified and is false.
func VerifyProbe(id peer.ID, r ProbeRequest, sig []byte) bool {
	if len(sig) == 0 || len(sig) > maxSignature {
		return false
	}
	digest, err := ProbeDigest(r)
	if err != nil {
		return false
	}
	pub, err := id.ExtractPublicKey()
	if err != nil {
		return false
	}
	ok, err := pub.Verify(digest[:], sig)
	return err == nil && ok
}

// serveProbe answers /brine/probe/1.0.0: request the encoded ProbeRequest; response StatusOK
// and the peer key's signature over its ProbeDigest. The node signs any well-formed request:
// the digest is domain-separated, so the signature is good for nothing but this probe.
func (h *Host) serveProbe(_ context.Context, in *inbound, req []byte) error {
	var r ProbeRequest
	if err := r.UnmarshalBinary(req); err != nil {
		in.log.Debug("p2p: malformed probe", "err", err)
		return in.fail(StatusInvalid, "malformed probe request")
	}
	digest, err := ProbeDigest(r)
	if err != nil {
		return in.fail(StatusInvalid, "malformed probe request")
	}
	sig, err := h.cfg.Identity.SignDigest(digest)
	if err != nil {
		in.log.Warn("p2p: sign probe", "err", err)
		return in.fail(StatusError, "internal error")
	}
	in.log.Debug("p2p: answered probe", "prober", r.Prober, "epoch", r.Epoch, "chain", r.ChainID)
	return in.write(frame([]byte{byte(StatusOK)}, sig))
}

// Probe challenges peer info with r and returns its signature once VerifyProbe accepts it
// for info.ID (else an error wrapping ErrBadSignature). The caller records the answer; it
// proves the key behind info.ID was online and answering when the nonce was fresh.
func (h *Host) Probe(ctx context.Context, info peer.AddrInfo, r ProbeRequest) ([]byte, error) {
	sig, err := h.probe(ctx, info, r)
	if err != nil {
		return nil, fmt.Errorf("p2p: probe %s: %w", info.ID, err)
	}
	return sig, nil
}

func (h *Host) probe(ctx context.Context, info peer.AddrInfo, r ProbeRequest) (sig []byte, err error) {
	req, err := r.MarshalBinary()
	if err != nil {
		return nil, err
	}
	o, err := h.exchange(ctx, info, ProbeProtocol, frame(req))
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := o.close(err != nil); err == nil && cerr != nil {
			h.log.Debug("p2p: closing probe stream", "peer", info.ID, "err", cerr)
		}
	}()
	sig, err = o.response(maxSignature, false)
	if err != nil {
		return nil, err
	}
	if !VerifyProbe(info.ID, r, sig) {
		return nil, ErrBadSignature
	}
	return sig, nil
}
