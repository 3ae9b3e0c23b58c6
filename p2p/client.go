package p2p

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"
	"github.com/libp2p/go-libp2p/p2p/protocol/ping"
)

// outbound is a client exchange in progress: the request is written by its own goroutine
// while the response is read, so a server that answers early (refused, busy) is heard even
// when it never reads the whole request.
type outbound struct {
	ctx      context.Context
	s        network.Stream
	r        *bufio.Reader
	timeout  time.Duration
	cancel   context.CancelFunc
	stop     func() bool
	werr     chan error
	reserved int
}

// writeChunk bounds one write of a request, so IOTimeout measures progress, not the whole
// request.
const writeChunk = 64 << 10

// exchange connects to info, opens a stream for proto and starts sending req (a whole frame).
// The exchange is bounded by ctx, StreamTimeout, and IOTimeout for every read and write.
func (h *Host) exchange(ctx context.Context, info peer.AddrInfo, proto protocol.ID, req []byte) (*outbound, error) {
	lh, err := h.running()
	if err != nil {
		return nil, err
	}
	if info.ID == "" {
		return nil, errors.New("p2p: no peer ID to dial")
	}
	if info.ID == lh.ID() {
		return nil, errors.New("p2p: cannot dial self")
	}
	ctx, cancel := context.WithTimeout(ctx, h.limits.StreamTimeout)
	s, err := h.openStream(ctx, lh, info, proto)
	if err != nil {
		cancel()
		return nil, err
	}
	o := &outbound{
		ctx:     ctx,
		s:       s,
		timeout: h.limits.IOTimeout,
		cancel:  cancel,
		werr:    make(chan error, 1),
	}
	o.r = bufio.NewReaderSize(readerFunc(o.read), 4096)
	o.stop = context.AfterFunc(ctx, func() { _ = s.Reset() })
	go func() { o.werr <- o.writeRequest(req) }()
	return o, nil
}

// openStream opens a stream for proto to info. A connection the host already holds is pinged
// first, within ReuseTimeout: a peer killed and restarted (a new process, maybe on new ports)
// leaves a QUIC connection that looks alive until its idle timeout, and a stream on it is
// accepted at once (protocol negotiation is lazy) and then answers nothing. A connection that
// fails the ping is closed and the peer dialled afresh, at info's addresses when it names any
// (a registry's current metadata beats what the peerstore remembers). The ping costs one
// round trip per exchange on a held connection.
func (h *Host) openStream(ctx context.Context, lh host.Host, info peer.AddrInfo, proto protocol.ID) (network.Stream, error) {
	// Every exchange is one the caller asked for, paced by its own retries: libp2p's dial
	// backoff (seconds to minutes after a failed dial) would refuse a node that restarted on
	// the same addresses, as a node does by default, until it expired.
	ctx = network.WithForceDirectDial(ctx, "brine exchange")
	if lh.Network().Connectedness(info.ID) == network.Connected && !h.alive(ctx, lh, info.ID) {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("p2p: connect to %s: %w", info.ID, ctx.Err())
		}
		h.log.Debug("p2p: the held connection does not answer; dialling afresh", "peer", info.ID)
		_ = lh.Network().ClosePeer(info.ID)
		if len(info.Addrs) > 0 {
			lh.Peerstore().ClearAddrs(info.ID)
		}
	}
	if err := lh.Connect(ctx, info); err != nil {
		return nil, fmt.Errorf("p2p: connect to %s: %w", info.ID, err)
	}
	s, err := lh.NewStream(ctx, info.ID, proto)
	if err != nil {
		return nil, fmt.Errorf("p2p: open %s to %s: %w", proto, info.ID, err)
	}
	return s, nil
}

// alive pings peer id over the connection the host holds, within ReuseTimeout.
func (h *Host) alive(ctx context.Context, lh host.Host, id peer.ID) bool {
	ctx, cancel := context.WithTimeout(ctx, h.limits.ReuseTimeout)
	defer cancel()
	select {
	case r := <-ping.Ping(ctx, lh, id):
		return r.Error == nil
	case <-ctx.Done():
		return false
	}
}

func (o *outbound) writeRequest(req []byte) error {
	for len(req) > 0 {
		n := min(len(req), writeChunk)
		if err := o.s.SetWriteDeadline(time.Now().Add(o.timeout)); err != nil {
			return err
		}
		if _, err := o.s.Write(req[:n]); err != nil {
			return err
		}
		req = req[n:]
	}
	return o.s.CloseWrite()
}

// read reads from the stream within the IO timeout.
func (o *outbound) read(b []byte) (int, error) {
	if err := o.s.SetReadDeadline(time.Now().Add(o.timeout)); err != nil {
		return 0, err
	}
	return o.s.Read(b)
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(b []byte) (int, error) { return f(b) }

// response reads the response frame and returns its payload (at most maxPayload bytes), or the
// peer's status as a *RemoteError. reserve charges the payload to the stream's memory scope.
func (o *outbound) response(maxPayload int, reserve bool) ([]byte, error) {
	var res func(int) error
	if reserve {
		res = func(n int) error {
			if err := o.s.Scope().ReserveMemory(n, network.ReservationPriorityHigh); err != nil {
				return fmt.Errorf("p2p: reserve %d bytes for the response: %w", n, err)
			}
			o.reserved = n
			return nil
		}
	}
	body, err := readFrame(o.r, 1+max(maxPayload, MaxMessage), res)
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = fmt.Errorf("%w: stream closed before a response", ErrProtocol)
		}
		return nil, o.cause(err)
	}
	payload, err := parseResponse(body)
	if err != nil {
		return nil, err
	}
	if len(payload) > maxPayload {
		return nil, fmt.Errorf("%w: response of %d bytes, at most %d", ErrTooLarge, len(payload), maxPayload)
	}
	return payload, nil
}

// cause prefers the context's error when the exchange was cut by it (the reset is its effect).
func (o *outbound) cause(err error) error {
	if cerr := o.ctx.Err(); cerr != nil {
		return fmt.Errorf("%w (%v)", cerr, err)
	}
	return err
}

// expectEOF checks that the peer sent nothing after its response.
// sized reads a payload sent outside the frame after a success response: its size in
// headerSize big-endian bytes (refused past maxSize before anything is read), the bytes, then
// the end of the stream. what names the payload in errors.
func (o *outbound) sized(what string, headerSize int, maxSize int64) ([]byte, error) {
	var buf bytes.Buffer
	if _, err := o.sizedTo(what, headerSize, maxSize, &buf, func(size uint64) { buf.Grow(int(min(size, 1<<20))) }); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sizedTo is sized writing the payload into w as it arrives (told its announced size first,
// when announce is set): memory stays at a copy buffer whatever the size. It returns the
// bytes written; on an error w may hold part of the payload.
func (o *outbound) sizedTo(what string, headerSize int, maxSize int64, w io.Writer, announce func(uint64)) (int64, error) {
	hdr, err := o.response(headerSize, false)
	if err != nil {
		return 0, err
	}
	if len(hdr) != headerSize {
		return 0, fmt.Errorf("%w: %s header of %d bytes", ErrProtocol, what, len(hdr))
	}
	size := binary.BigEndian.Uint64(hdr)
	if size > uint64(maxSize) {
		return 0, fmt.Errorf("%w: %s of %d bytes, at most %d", ErrTooLarge, what, size, maxSize)
	}
	if announce != nil {
		announce(size)
	}
	n, err := io.CopyN(w, o.r, int64(size))
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = fmt.Errorf("%w: %s ended after %d of %d bytes", ErrProtocol, what, n, size)
		}
		return n, o.cause(err)
	}
	if err := o.expectEOF(); err != nil {
		return n, err
	}
	return n, nil
}

func (o *outbound) expectEOF() error {
	var b [1]byte
	n, err := io.ReadFull(o.r, b[:])
	if n > 0 {
		return fmt.Errorf("%w: bytes after the response", ErrProtocol)
	}
	if errors.Is(err, io.EOF) {
		return nil
	}
	return o.cause(err)
}

// close ends the exchange: cleanly after a good response, by reset otherwise. It waits for
// the request writer, which a reset unblocks.
func (o *outbound) close(failed bool) error {
	defer o.cancel()
	defer o.stop()
	defer func() {
		if o.reserved > 0 {
			o.s.Scope().ReleaseMemory(o.reserved)
			o.reserved = 0
		}
	}()
	if failed {
		_ = o.s.Reset()
		<-o.werr
		return nil
	}
	// A server answers after reading the whole request, so the writer is done or about to be;
	// one that answered without reading it is not waited for.
	timer := time.NewTimer(closeGrace)
	defer timer.Stop()
	select {
	case err := <-o.werr:
		if err != nil {
			_ = o.s.Reset()
			return fmt.Errorf("p2p: sending request: %w", o.cause(err))
		}
	case <-timer.C:
		_ = o.s.Reset()
		<-o.werr
		return fmt.Errorf("%w: answered before reading the request", ErrProtocol)
	}
	return o.s.Close()
}

// closeGrace is how long close waits for the request writer after a good response.
const closeGrace = time.Second
