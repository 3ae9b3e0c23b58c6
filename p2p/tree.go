package p2p

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"

	"github.com/libp2p/go-libp2p/core/peer"
)

// MaxTreeSize bounds a published rewards tree (about 250 bytes per provider: a quarter of a
// million providers). A server refuses to serve a larger one; FetchTree refuses to read one.
const MaxTreeSize = 64 << 20

// treeRequestSize: the epoch, 8 bytes big-endian.
const treeRequestSize = 8

// treeHeaderSize: StatusOK then the document's size as 8 bytes, big-endian.
const treeHeaderSize = 8

// TreeSource gives the tree a prober published for an ended epoch: the incentives/merkle JSON
// document (OpenZeppelin standard-v1 plus the root) whose root it posted on chain. A nil
// document, or an error matching ErrNotFound or fs.ErrNotExist, is "no tree for that epoch".
type TreeSource interface {
	PublishedTree(epoch uint64) ([]byte, error)
}

// serveTree answers /brine/rewards-tree/1.0.0: request the epoch (8 bytes, big-endian);
// response StatusOK, the document's size (uint64, big-endian) and then exactly that many
// bytes of JSON, or StatusNotFound.
func (h *Host) serveTree(_ context.Context, in *inbound, req []byte) error {
	if len(req) != treeRequestSize {
		in.log.Debug("p2p: tree request is not an 8-byte epoch", "len", len(req))
		return in.fail(StatusInvalid, "want an 8-byte epoch")
	}
	epoch := binary.BigEndian.Uint64(req)
	doc, err := h.cfg.Trees.PublishedTree(epoch)
	switch {
	case errors.Is(err, ErrNotFound), errors.Is(err, fs.ErrNotExist), err == nil && len(doc) == 0:
		in.log.Debug("p2p: no tree", "epoch", epoch)
		return in.fail(StatusNotFound, "no tree for this epoch")
	case err != nil:
		in.log.Warn("p2p: tree source", "epoch", epoch, "err", err)
		return in.fail(StatusError, "internal error")
	case len(doc) > MaxTreeSize:
		in.log.Warn("p2p: tree larger than served", "epoch", epoch, "size", len(doc))
		return in.fail(StatusRefused, fmt.Sprintf("tree of %d bytes exceeds %d", len(doc), MaxTreeSize))
	}
	var hdr [1 + treeHeaderSize]byte
	hdr[0] = byte(StatusOK)
	binary.BigEndian.PutUint64(hdr[1:], uint64(len(doc)))
	if err := in.write(frame(hdr[:])); err != nil {
		return err
	}
	// In chunks, so IOTimeout measures progress rather than the whole document.
	for rest := doc; len(rest) > 0; {
		n := min(len(rest), writeChunk)
		if _, err := in.Write(rest[:n]); err != nil {
			return fmt.Errorf("tree of epoch %d: %w", epoch, err)
		}
		rest = rest[n:]
	}
	in.log.Debug("p2p: served tree", "epoch", epoch, "size", len(doc))
	return nil
}

// FetchTree asks peer info for the rewards tree of epoch and returns the document's bytes as
// served. A document over maxSize bytes (at most MaxTreeSize; 0 means MaxTreeSize) is refused
// before it is read. The peer layer does not know what a tree is: the caller parses the
// document, checks that it is for epoch and compares its root with the one posted on chain
// (incentives/trees does all three) before trusting a leaf.
func (h *Host) FetchTree(ctx context.Context, info peer.AddrInfo, epoch uint64, maxSize int64) ([]byte, error) {
	doc, err := h.fetchTree(ctx, info, epoch, maxSize)
	if err != nil {
		return nil, fmt.Errorf("p2p: fetch tree of epoch %d from %s: %w", epoch, info.ID, err)
	}
	return doc, nil
}

func (h *Host) fetchTree(ctx context.Context, info peer.AddrInfo, epoch uint64, maxSize int64) (_ []byte, err error) {
	if maxSize <= 0 || maxSize > MaxTreeSize {
		maxSize = MaxTreeSize
	}
	req := binary.BigEndian.AppendUint64(nil, epoch)
	o, err := h.exchange(ctx, info, TreeProtocol, frame(req))
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := o.close(err != nil); err == nil && cerr != nil {
			h.log.Debug("p2p: closing tree stream", "peer", info.ID, "err", cerr)
		}
	}()
	return o.sized("tree", treeHeaderSize, maxSize)
}
