package p2p

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/brine-compute/brine/jobspec"
	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"
)

// Protocol IDs. A change to a protocol's wire format is a new version.
const (
	SpecProtocol     protocol.ID = "/brine/spec/1.0.0"
	SpecPushProtocol protocol.ID = "/brine/spec-push/1.0.0"
	ResultProtocol   protocol.ID = "/brine/result/1.0.0"
	ProbeProtocol    protocol.ID = "/brine/probe/1.0.0"
	StatusProtocol   protocol.ID = "/brine/status/1.0.0"
	TreeProtocol     protocol.ID = "/brine/rewards-tree/1.0.0"
)

// Protocols lists every Brine protocol.
var Protocols = []protocol.ID{SpecProtocol, SpecPushProtocol, ResultProtocol, ProbeProtocol, StatusProtocol, TreeProtocol}

// Request bounds.
const (
	specRequestSize    = common.HashLength                   // the spec hash
	specPushMaxRequest = common.HashLength + jobspec.MaxSize // hash and canonical bytes
)

// SpecSource gives the canonical bytes of a spec by hash (the client that posted the job
// serves its specs). The host checks the bytes against the hash before serving them.
type SpecSource interface {
	Spec(hash common.Hash) ([]byte, bool)
}

// SpecSink receives a spec a peer pushed, after the host checked that sha256(canonical) is
// hash and that jobspec.ParseCanonical accepts it. The sink decides whether to keep it (a
// node keeps only specs of jobs posted on chain); an error refuses it. The sink owns
// canonical. ctx ends with the stream.
type SpecSink interface {
	AcceptSpec(ctx context.Context, from peer.ID, hash common.Hash, canonical []byte) error
}

// Refusal is an error a SpecSink returns to tell the pushing peer why (say, "no such job on
// chain yet"). Any other error is answered with a generic refusal, so internals do not leak.
type Refusal string

func (r Refusal) Error() string { return string(r) }

// serveSpec answers /brine/spec/1.0.0: request the 32-byte hash; response StatusOK and the
// canonical bytes, or StatusNotFound.
func (h *Host) serveSpec(_ context.Context, in *inbound, req []byte) error {
	if len(req) != specRequestSize {
		in.log.Debug("p2p: spec request is not a 32-byte hash", "len", len(req))
		return in.fail(StatusInvalid, "want a 32-byte spec hash")
	}
	hash := common.BytesToHash(req)
	data, ok := h.cfg.Specs.Spec(hash)
	if !ok {
		in.log.Debug("p2p: spec not found", "hash", hash)
		return in.fail(StatusNotFound, "no such spec")
	}
	if len(data) > jobspec.MaxSize || sha256.Sum256(data) != hash {
		in.log.Warn("p2p: spec source returned bytes that do not match the hash", "hash", hash, "len", len(data))
		return in.fail(StatusError, "internal error")
	}
	in.log.Debug("p2p: serving spec", "hash", hash, "len", len(data))
	return in.write(frame([]byte{byte(StatusOK)}, data))
}

// serveSpecPush answers /brine/spec-push/1.0.0: request the 32-byte hash then the canonical
// bytes; response StatusOK when the sink took the spec, StatusInvalid when the bytes do not
// match the hash or are not a canonical spec, StatusRefused when the sink declined.
func (h *Host) serveSpecPush(ctx context.Context, in *inbound, req []byte) error {
	if len(req) <= specRequestSize {
		in.log.Debug("p2p: spec push without a spec", "len", len(req))
		return in.fail(StatusInvalid, "want a 32-byte spec hash and the spec")
	}
	hash := common.BytesToHash(req[:specRequestSize])
	data := req[specRequestSize:]
	if sha256.Sum256(data) != hash {
		in.log.Debug("p2p: pushed spec does not match its hash", "hash", hash)
		return in.fail(StatusInvalid, "spec does not match its hash")
	}
	if _, err := jobspec.ParseCanonical(data, hash); err != nil {
		in.log.Debug("p2p: pushed spec is not canonical", "hash", hash, "err", err)
		return in.fail(StatusInvalid, "not a canonical job spec")
	}
	if err := h.cfg.SpecSink.AcceptSpec(ctx, in.peer, hash, data); err != nil {
		var r Refusal
		if errors.As(err, &r) {
			in.log.Debug("p2p: pushed spec refused", "hash", hash, "reason", string(r))
			return in.fail(StatusRefused, string(r))
		}
		in.log.Debug("p2p: pushed spec refused", "hash", hash, "err", err)
		return in.fail(StatusRefused, "spec not accepted")
	}
	in.log.Debug("p2p: pushed spec accepted", "hash", hash, "len", len(data))
	return in.write(frame([]byte{byte(StatusOK)}))
}

// FetchSpec asks peer info for the spec whose hash is hash, and returns its canonical bytes
// once their sha256 is hash (else an error wrapping jobspec.ErrHashMismatch) and
// jobspec.ParseCanonical accepts them (else an error wrapping jobspec.ErrInvalid).
func (h *Host) FetchSpec(ctx context.Context, info peer.AddrInfo, hash common.Hash) ([]byte, error) {
	data, err := h.fetchSpec(ctx, info, hash)
	if err != nil {
		return nil, fmt.Errorf("p2p: fetch spec %s from %s: %w", hash, info.ID, err)
	}
	return data, nil
}

func (h *Host) fetchSpec(ctx context.Context, info peer.AddrInfo, hash common.Hash) (data []byte, err error) {
	o, err := h.exchange(ctx, info, SpecProtocol, frame(hash[:]))
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := o.close(err != nil); err == nil && cerr != nil {
			h.log.Debug("p2p: closing spec stream", "peer", info.ID, "err", cerr)
		}
	}()
	data, err = o.response(jobspec.MaxSize, true)
	if err != nil {
		return nil, err
	}
	if sha256.Sum256(data) != hash {
		h.log.Warn("p2p: peer served a spec that does not match its hash", "peer", info.ID, "hash", hash)
		return nil, jobspec.ErrHashMismatch
	}
	if _, err := jobspec.ParseCanonical(data, hash); err != nil {
		h.log.Warn("p2p: peer served a spec that is not canonical", "peer", info.ID, "hash", hash, "err", err)
		return nil, err
	}
	return data, nil
}

// PushSpec offers the spec (hash and canonical bytes) to peer info. It returns nil when the
// peer took it, an error matching ErrRefused when its sink declined (the message says why
// when the sink told), ErrInvalid when the peer found the bytes do not match hash or are not
// canonical.
func (h *Host) PushSpec(ctx context.Context, info peer.AddrInfo, hash common.Hash, canonical []byte) error {
	if err := h.pushSpec(ctx, info, hash, canonical); err != nil {
		return fmt.Errorf("p2p: push spec %s to %s: %w", hash, info.ID, err)
	}
	return nil
}

func (h *Host) pushSpec(ctx context.Context, info peer.AddrInfo, hash common.Hash, canonical []byte) (err error) {
	if len(canonical) == 0 {
		return fmt.Errorf("%w: empty spec", ErrInvalid)
	}
	if len(canonical) > jobspec.MaxSize {
		return fmt.Errorf("%w: spec of %d bytes, at most %d", ErrTooLarge, len(canonical), jobspec.MaxSize)
	}
	o, err := h.exchange(ctx, info, SpecPushProtocol, frame(hash[:], canonical))
	if err != nil {
		return err
	}
	defer func() {
		if cerr := o.close(err != nil); err == nil && cerr != nil {
			h.log.Debug("p2p: closing spec-push stream", "peer", info.ID, "err", cerr)
		}
	}()
	_, err = o.response(0, false)
	return err
}
