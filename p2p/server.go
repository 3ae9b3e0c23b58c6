package p2p

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"sync"
	"time"

	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"
)

// A Brine server exchange: the client opens a stream, sends one request frame and closes its
// side; the server reads that frame (bounded by the protocol's request size and ReadTimeout),
// answers, and closes. A frame over the bound, a malformed length, or a stream that ends or
// stalls mid-request is reset; a well-framed request the server cannot use is answered
// StatusInvalid.

// serveFunc answers one well-framed request. It writes the response through in; an error
// means the stream is broken and is reset.
type serveFunc func(ctx context.Context, in *inbound, req []byte) error

// service is one Brine protocol the host serves.
type service struct {
	proto      protocol.ID
	maxRequest int
	slots      *slots
	serve      serveFunc
}

// inbound is a stream being served.
type inbound struct {
	s       network.Stream
	peer    peer.ID
	log     *slog.Logger
	timeout time.Duration // IOTimeout: each write must complete within it
}

// write writes b within the IO timeout.
func (in *inbound) write(b []byte) error {
	_, err := in.Write(b)
	return err
}

// fail answers a status other than ok. The message goes to the peer: keep it short and free
// of internals.
func (in *inbound) fail(st Status, msg string) error {
	return in.write(statusFrame(st, msg))
}

// Write implements io.Writer with the IO timeout refreshed before every write, so a transfer
// continues while the peer keeps reading and is cut when it stops.
func (in *inbound) Write(b []byte) (int, error) {
	if err := in.s.SetWriteDeadline(time.Now().Add(in.timeout)); err != nil {
		return 0, err
	}
	return in.s.Write(b)
}

// errNoMemory: the resource manager would not reserve memory for a request.
var errNoMemory = errors.New("no memory for the request")

// handler is the stream handler of svc: concurrency, request framing, deadlines, logging.
func (h *Host) handler(svc *service) network.StreamHandler {
	return func(s network.Stream) {
		base, ok := h.track()
		if !ok {
			_ = s.ResetWithError(network.StreamShutdown)
			return
		}
		defer h.handles.Done()

		remote := s.Conn().RemotePeer()
		log := h.log.With("protocol", svc.proto, "peer", remote)
		if !svc.slots.acquire(remote) {
			log.Debug("p2p: refusing stream: too many concurrent streams")
			h.refuse(s, StatusRefused, "busy: too many concurrent streams")
			return
		}
		end := h.serve(base, svc, s, remote, log)
		// The slot is free before the peer sees the stream end, so a peer that opens its next
		// stream after this one ended always finds it.
		svc.slots.release(remote)
		end()
	}
}

// serve reads and answers one request on s and returns how to end the stream (close after a
// good exchange, reset otherwise).
func (h *Host) serve(base context.Context, svc *service, s network.Stream, remote peer.ID, log *slog.Logger) (end func()) {
	reset := func() { _ = s.Reset() }
	ctx, cancel := context.WithTimeout(base, h.limits.StreamTimeout)
	defer cancel()
	// Whatever the handler is doing when the stream's time is up (or the host stops),
	// resetting the stream makes its reads and writes fail at once.
	stop := context.AfterFunc(ctx, reset)
	defer stop()

	reserved := 0
	defer func() {
		if reserved > 0 {
			s.Scope().ReleaseMemory(reserved)
		}
	}()
	reserve := func(n int) error {
		if err := s.Scope().ReserveMemory(n, network.ReservationPriorityMedium); err != nil {
			return fmt.Errorf("%w: %v", errNoMemory, err)
		}
		reserved = n
		return nil
	}

	if err := s.SetReadDeadline(time.Now().Add(h.limits.ReadTimeout)); err != nil {
		return reset
	}
	req, err := readFrame(bufio.NewReaderSize(s, 512), svc.maxRequest, reserve)
	if err != nil {
		return h.badRequest(s, log, err)
	}
	// One request per stream: anything the peer writes after it is not read.
	_ = s.CloseRead()

	in := &inbound{s: s, peer: remote, log: log, timeout: h.limits.IOTimeout}
	if err := svc.serve(ctx, in, req); err != nil {
		log.Debug("p2p: stream reset while answering", "err", err)
		return reset
	}
	return func() {
		if err := s.Close(); err != nil {
			log.Debug("p2p: close stream", "err", err)
		}
	}
}

// badRequest logs why a request could not be read and returns how to end its stream.
func (h *Host) badRequest(s network.Stream, log *slog.Logger, err error) func() {
	resetWith := func(code network.StreamErrorCode) func() {
		return func() { _ = s.ResetWithError(code) }
	}
	switch {
	case errors.Is(err, errNoMemory):
		log.Debug("p2p: refusing stream: resource manager", "err", err)
		return func() { h.refuse(s, StatusRefused, "busy: out of memory") }
	case errors.Is(err, ErrTooLarge):
		log.Debug("p2p: resetting stream: request too large", "err", err)
		return resetWith(network.StreamResourceLimitExceeded)
	case errors.Is(err, ErrProtocol), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		log.Debug("p2p: resetting stream: malformed request", "err", err)
		return resetWith(network.StreamProtocolViolation)
	case isTimeout(err):
		log.Debug("p2p: resetting stream: request not received in time", "timeout", h.limits.ReadTimeout)
	default:
		log.Debug("p2p: resetting stream: reading request", "err", err)
	}
	return func() { _ = s.Reset() }
}

// isTimeout reports a deadline error of any transport (yamux and quic-go do not all wrap
// os.ErrDeadlineExceeded, but all are net.Errors that say Timeout).
func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// refuse answers st without reading the request, within a short deadline, and closes.
func (h *Host) refuse(s network.Stream, st Status, msg string) {
	_ = s.SetWriteDeadline(time.Now().Add(min(h.limits.IOTimeout, 5*time.Second)))
	if _, err := s.Write(statusFrame(st, msg)); err != nil {
		_ = s.Reset()
		return
	}
	_ = s.Close()
}

// slots bounds concurrent streams of one protocol, per peer and in total. Excess streams are
// refused rather than queued: a queue would hold them open at the peer's pleasure.
type slots struct {
	perPeer, total int

	mu     sync.Mutex
	n      int
	byPeer map[peer.ID]int
}

func newSlots(perPeer, total int) *slots {
	return &slots{perPeer: perPeer, total: total, byPeer: make(map[peer.ID]int)}
}

func (sl *slots) acquire(p peer.ID) bool {
	sl.mu.Lock()
	defer sl.mu.Unlock()
	if sl.n >= sl.total || sl.byPeer[p] >= sl.perPeer {
		return false
	}
	sl.n++
	sl.byPeer[p]++
	return true
}

func (sl *slots) release(p peer.ID) {
	sl.mu.Lock()
	defer sl.mu.Unlock()
	sl.n--
	if sl.byPeer[p]--; sl.byPeer[p] <= 0 {
		delete(sl.byPeer, p)
	}
}
