package p2p

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"

	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/peer"
	mh "github.com/multiformats/go-multihash"
)

// maxCIDSize bounds a result request: a CIDv1 with a sha2-256 multihash is 36 bytes; other
// CIDs a store might hold are still far below this.
const maxCIDSize = 128

// resultHeaderSize: StatusOK then the result's size as 8 bytes, big-endian.
const resultHeaderSize = 8

// ResultSource opens a stored result by CID for serving. A result the source does not hold is
// an error matching ErrNotFound or fs.ErrNotExist. size is the exact number of bytes the reader
// yields; the host sends exactly that many.
type ResultSource interface {
	Open(c cid.Cid) (rc io.ReadCloser, size int64, err error)
}

// ErrUnsupportedCID: FetchResult verifies CIDv1 with a sha2-256 multihash only.
var ErrUnsupportedCID = errors.New("p2p: unsupported CID: want CIDv1 with a sha2-256 multihash")

// serveResult answers /brine/result/1.0.0: request the CID's bytes; response StatusOK, the
// size (uint64, big-endian) and then exactly size raw bytes, or a status.
func (h *Host) serveResult(_ context.Context, in *inbound, req []byte) error {
	c, err := cid.Cast(req)
	if err != nil {
		in.log.Debug("p2p: result request is not a CID", "err", err)
		return in.fail(StatusInvalid, "not a CID")
	}
	rc, size, err := h.cfg.Results.Open(c)
	switch {
	case errors.Is(err, ErrNotFound), errors.Is(err, fs.ErrNotExist):
		in.log.Debug("p2p: result not found", "cid", c)
		return in.fail(StatusNotFound, "no such result")
	case err != nil:
		in.log.Warn("p2p: open result", "cid", c, "err", err)
		return in.fail(StatusError, "internal error")
	}
	defer rc.Close()
	switch {
	case size < 0:
		in.log.Warn("p2p: result source gave a negative size", "cid", c, "size", size)
		return in.fail(StatusError, "internal error")
	case size > h.limits.MaxResultSize:
		in.log.Debug("p2p: result larger than served", "cid", c, "size", size, "max", h.limits.MaxResultSize)
		return in.fail(StatusRefused, fmt.Sprintf("result of %d bytes exceeds this node's limit of %d", size, h.limits.MaxResultSize))
	}
	var hdr [1 + resultHeaderSize]byte
	hdr[0] = byte(StatusOK)
	binary.BigEndian.PutUint64(hdr[1:], uint64(size))
	if err := in.write(frame(hdr[:])); err != nil {
		return err
	}
	n, err := io.CopyN(in, rc, size)
	if err != nil {
		if n < size && (errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)) {
			in.log.Warn("p2p: result shorter than its size", "cid", c, "size", size, "read", n)
		}
		return fmt.Errorf("result %s after %d of %d bytes: %w", c, n, size, err)
	}
	in.log.Debug("p2p: served result", "cid", c, "size", size)
	return nil
}

// FetchResult asks peer info for the result c and returns its bytes once their sha2-256
// multihash is c's (else an error wrapping ErrCIDMismatch). A result over maxSize bytes is
// refused (ErrTooLarge) before it is read; memory grows with the bytes received, not with the
// size announced. c must be a CIDv1 with a sha2-256 multihash (ErrUnsupportedCID).
func (h *Host) FetchResult(ctx context.Context, info peer.AddrInfo, c cid.Cid, maxSize int64) ([]byte, error) {
	data, err := h.fetchResult(ctx, info, c, maxSize)
	if err != nil {
		return nil, fmt.Errorf("p2p: fetch result %s from %s: %w", c, info.ID, err)
	}
	return data, nil
}

func (h *Host) fetchResult(ctx context.Context, info peer.AddrInfo, c cid.Cid, maxSize int64) (_ []byte, err error) {
	if err := checkResultCID(c); err != nil {
		return nil, err
	}
	if maxSize <= 0 || maxSize > math.MaxInt {
		return nil, fmt.Errorf("p2p: maxSize %d out of range", maxSize)
	}
	o, err := h.exchange(ctx, info, ResultProtocol, frame(c.Bytes()))
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := o.close(err != nil); err == nil && cerr != nil {
			h.log.Debug("p2p: closing result stream", "peer", info.ID, "err", cerr)
		}
	}()
	data, err := o.sized("result", resultHeaderSize, maxSize)
	if err != nil {
		return nil, err
	}
	if err := verifyCID(c, data); err != nil {
		h.log.Warn("p2p: peer served a result that does not match its CID", "peer", info.ID, "cid", c)
		return nil, err
	}
	return data, nil
}

// FetchResultTo is FetchResult writing the result into w as it arrives, hashing it on the
// way, so that memory stays at a copy buffer whatever the result's size: a client keeps a
// large result on disk, not in memory. It returns the bytes written once their sha2-256
// multihash is c's; on any error (ErrCIDMismatch once every byte is written) w holds bytes
// that must not be used: the caller discards them.
func (h *Host) FetchResultTo(ctx context.Context, info peer.AddrInfo, c cid.Cid, maxSize int64, w io.Writer) (int64, error) {
	n, err := h.fetchResultTo(ctx, info, c, maxSize, w)
	if err != nil {
		return n, fmt.Errorf("p2p: fetch result %s from %s: %w", c, info.ID, err)
	}
	return n, nil
}

func (h *Host) fetchResultTo(ctx context.Context, info peer.AddrInfo, c cid.Cid, maxSize int64, w io.Writer) (_ int64, err error) {
	if err := checkResultCID(c); err != nil {
		return 0, err
	}
	if maxSize <= 0 {
		return 0, fmt.Errorf("p2p: maxSize %d out of range", maxSize)
	}
	o, err := h.exchange(ctx, info, ResultProtocol, frame(c.Bytes()))
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := o.close(err != nil); err == nil && cerr != nil {
			h.log.Debug("p2p: closing result stream", "peer", info.ID, "err", cerr)
		}
	}()
	sum := sha256.New()
	n, err := o.sizedTo("result", resultHeaderSize, maxSize, io.MultiWriter(w, sum), nil)
	if err != nil {
		return n, err
	}
	digest, err := mh.Encode(sum.Sum(nil), mh.SHA2_256)
	if err != nil {
		return n, fmt.Errorf("p2p: hash result: %w", err)
	}
	if !bytes.Equal(digest, c.Hash()) {
		h.log.Warn("p2p: peer served a result that does not match its CID", "peer", info.ID, "cid", c)
		return n, ErrCIDMismatch
	}
	return n, nil
}

// checkResultCID accepts the CIDs FetchResult can verify.
func checkResultCID(c cid.Cid) error {
	if !c.Defined() || c.Version() != 1 {
		return ErrUnsupportedCID
	}
	dec, err := mh.Decode(c.Hash())
	if err != nil || dec.Code != mh.SHA2_256 || dec.Length != 32 {
		return ErrUnsupportedCID
	}
	return nil
}

// verifyCID checks that data's sha2-256 multihash is c's.
func verifyCID(c cid.Cid, data []byte) error {
	sum, err := mh.Sum(data, mh.SHA2_256, -1)
	if err != nil {
		return fmt.Errorf("p2p: hash result: %w", err)
	}
	if !bytes.Equal(sum, c.Hash()) {
		return ErrCIDMismatch
	}
	return nil
}
