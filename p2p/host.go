package p2p

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"

	"github.com/libp2p/go-libp2p"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"
	rcmgr "github.com/libp2p/go-libp2p/p2p/host/resource-manager"
	"github.com/libp2p/go-libp2p/p2p/muxer/yamux"
	"github.com/libp2p/go-libp2p/p2p/net/connmgr"
	"github.com/libp2p/go-libp2p/p2p/security/noise"
	tls "github.com/libp2p/go-libp2p/p2p/security/tls"
	quic "github.com/libp2p/go-libp2p/p2p/transport/quic"
	"github.com/libp2p/go-libp2p/p2p/transport/tcp"
	ma "github.com/multiformats/go-multiaddr"
)

// UserAgent is what the host announces through identify.
const UserAgent = "brine"

// streamMemory bounds what one Brine stream may reserve: one request or response frame
// (a spec of jobspec.MaxSize at most) with room to spare.
const streamMemory = 4 << 20

// Host is a Brine node's libp2p host: TCP and QUIC, Noise and TLS, yamux, identify and ping,
// a resource manager with explicit limits, and the Brine protocols the config enables.
// New checks the config; Start listens; Stop closes. The client helpers (FetchSpec, PushSpec,
// FetchResult, Probe) work between Start and Stop.
type Host struct {
	cfg     Config
	limits  Limits
	listen  []ma.Multiaddr
	rcLimit rcmgr.ConcreteLimitConfig
	log     *slog.Logger
	svcs    []*service

	mu      sync.Mutex
	state   int // stateNew, stateRunning, stateStopped
	lh      host.Host
	ctx     context.Context // cancelled by Stop: handlers' contexts derive from it
	cancel  context.CancelFunc
	handles sync.WaitGroup // running stream handlers
}

const (
	stateNew = iota
	stateRunning
	stateStopped
)

// New checks cfg and prepares a host. Nothing listens or runs until Start.
func New(cfg Config) (*Host, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	listen, err := parseListenAddrs(cfg.ListenAddrs)
	if err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	h := &Host{
		cfg:    cfg,
		limits: cfg.Limits.withDefaults(),
		listen: listen,
		log:    log.With("component", "p2p", "self", cfg.Identity.Peer),
	}
	h.svcs = h.services()
	h.rcLimit = h.resourceLimits()
	return h, nil
}

// services lists the Brine protocols this host serves.
func (h *Host) services() []*service {
	var svcs []*service
	add := func(id protocol.ID, maxRequest int, serve serveFunc) {
		svcs = append(svcs, &service{
			proto:      id,
			maxRequest: maxRequest,
			slots:      newSlots(h.limits.StreamsPerPeer, h.limits.StreamsPerProtocol),
			serve:      serve,
		})
	}
	if h.cfg.Specs != nil {
		add(SpecProtocol, specRequestSize, h.serveSpec)
	}
	if h.cfg.SpecSink != nil {
		add(SpecPushProtocol, specPushMaxRequest, h.serveSpecPush)
	}
	if h.cfg.Results != nil {
		add(ResultProtocol, maxCIDSize, h.serveResult)
	}
	if h.cfg.Status != nil {
		add(StatusProtocol, statusRequestSize, h.serveStatus)
	}
	if !h.cfg.DisableProbe {
		add(ProbeProtocol, probeRequestSize, h.serveProbe)
	}
	if h.cfg.Trees != nil {
		add(TreeProtocol, treeRequestSize, h.serveTree)
	}
	return svcs
}

// resourceLimits turns Limits into the resource manager's configuration: libp2p's defaults
// (with its bundled services' limits) scaled to MaxMemory and MaxFD, then the system, peer,
// stream and Brine protocol limits set explicitly.
func (h *Host) resourceLimits() rcmgr.ConcreteLimitConfig {
	l := h.limits
	scaling := rcmgr.DefaultLimits
	libp2p.SetDefaultServiceLimits(&scaling)
	base := scaling.Scale(l.MaxMemory, l.MaxFD)

	v := func(n int) rcmgr.LimitVal { return rcmgr.LimitVal(n) }
	partial := rcmgr.PartialLimitConfig{
		System: rcmgr.ResourceLimits{
			Conns:           v(l.MaxConns),
			ConnsInbound:    v(l.MaxConns),
			ConnsOutbound:   v(l.MaxConns),
			Streams:         v(16 * l.MaxConns),
			StreamsInbound:  v(8 * l.MaxConns),
			StreamsOutbound: v(8 * l.MaxConns),
			FD:              v(l.MaxFD),
			Memory:          rcmgr.LimitVal64(l.MaxMemory),
		},
		PeerDefault: rcmgr.ResourceLimits{
			Conns:           v(l.MaxConnsPerPeer),
			ConnsInbound:    v(l.MaxConnsPerPeer),
			ConnsOutbound:   v(l.MaxConnsPerPeer),
			Streams:         v(2 * l.MaxStreamsPerPeer),
			StreamsInbound:  v(l.MaxStreamsPerPeer),
			StreamsOutbound: v(l.MaxStreamsPerPeer),
			FD:              v(l.MaxConnsPerPeer),
			Memory:          rcmgr.LimitVal64(l.MaxPeerMemory),
		},
		Stream:       rcmgr.ResourceLimits{Memory: rcmgr.LimitVal64(streamMemory)},
		Protocol:     map[protocol.ID]rcmgr.ResourceLimits{},
		ProtocolPeer: map[protocol.ID]rcmgr.ResourceLimits{},
	}
	// The host's own semaphores refuse excess streams with a status; the resource manager's
	// per-protocol limits sit above them (twice as many) as a backstop that resets.
	for _, id := range Protocols {
		partial.Protocol[id] = rcmgr.ResourceLimits{
			Streams:         v(4 * l.StreamsPerProtocol),
			StreamsInbound:  v(2 * l.StreamsPerProtocol),
			StreamsOutbound: v(2 * l.StreamsPerProtocol),
			Memory:          rcmgr.LimitVal64(min(l.MaxMemory/2, int64(2*l.StreamsPerProtocol)*streamMemory)),
		}
		partial.ProtocolPeer[id] = rcmgr.ResourceLimits{
			Streams:         v(4 * l.StreamsPerPeer),
			StreamsInbound:  v(2 * l.StreamsPerPeer),
			StreamsOutbound: v(2 * l.StreamsPerPeer),
			Memory:          rcmgr.LimitVal64(min(l.MaxPeerMemory, int64(2*l.StreamsPerPeer)*streamMemory)),
		}
	}
	return partial.Build(base)
}

// Start listens on the configured addresses and serves the enabled protocols.
func (h *Host) Start(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.state != stateNew {
		return errors.New("p2p: host already started")
	}

	mgr, err := rcmgr.NewResourceManager(rcmgr.NewFixedLimiter(h.rcLimit))
	if err != nil {
		return fmt.Errorf("p2p: resource manager: %w", err)
	}
	cm, err := connmgr.NewConnManager(max(1, h.limits.MaxConns*3/4), max(1, h.limits.MaxConns*7/8))
	if err != nil {
		mgr.Close()
		return fmt.Errorf("p2p: connection manager: %w", err)
	}
	opts := []libp2p.Option{
		libp2p.Identity(h.cfg.Identity.Key),
		libp2p.ListenAddrs(h.listen...),
		libp2p.Transport(tcp.NewTCPTransport),
		libp2p.Transport(quic.NewTransport),
		libp2p.Security(noise.ID, noise.New),
		libp2p.Security(tls.ID, tls.New),
		libp2p.Muxer(yamux.ID, yamux.DefaultTransport),
		libp2p.ResourceManager(mgr),
		libp2p.ConnectionManager(cm),
		libp2p.Ping(true),
		libp2p.DisableRelay(),
		libp2p.UserAgent(UserAgent),
	}
	if h.cfg.Registerer != nil {
		opts = append(opts, libp2p.PrometheusRegisterer(h.cfg.Registerer))
	} else {
		opts = append(opts, libp2p.DisableMetrics())
	}
	lh, err := libp2p.New(opts...)
	if err != nil {
		// libp2p closes them on some failure paths, not all; closing twice is harmless.
		cm.Close()
		mgr.Close()
		return fmt.Errorf("p2p: start host: %w", err)
	}
	h.lh = lh
	h.ctx, h.cancel = context.WithCancel(context.Background())
	h.state = stateRunning
	for _, svc := range h.svcs {
		lh.SetStreamHandler(svc.proto, h.handler(svc))
	}
	h.log.Info("p2p: host started", "addrs", lh.Addrs(), "protocols", h.Protocols())
	return nil
}

// Stop stops serving, closes every connection and waits for running handlers until ctx ends.
// It is safe to call more than once and before Start.
func (h *Host) Stop(ctx context.Context) error {
	h.mu.Lock()
	if h.state != stateRunning {
		h.state = stateStopped
		h.mu.Unlock()
		return nil
	}
	h.state = stateStopped
	lh := h.lh
	for _, svc := range h.svcs {
		lh.RemoveStreamHandler(svc.proto)
	}
	h.cancel()
	h.mu.Unlock()

	err := lh.Close()
	done := make(chan struct{})
	go func() {
		h.handles.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
		return errors.Join(err, fmt.Errorf("p2p: stop: handlers still running: %w", ctx.Err()))
	}
	if err != nil {
		return fmt.Errorf("p2p: stop: %w", err)
	}
	h.log.Info("p2p: host stopped")
	return nil
}

// running returns the libp2p host, or ErrNotStarted.
func (h *Host) running() (host.Host, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.state != stateRunning {
		return nil, ErrNotStarted
	}
	return h.lh, nil
}

// track registers a stream handler that is starting; false when the host is stopping.
func (h *Host) track() (context.Context, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.state != stateRunning {
		return nil, false
	}
	h.handles.Add(1)
	return h.ctx, true
}

// ID is the host's peer ID (the identity's).
func (h *Host) ID() peer.ID { return h.cfg.Identity.Peer }

// Addrs are the addresses the host listens on, each ending in /p2p/<peer ID>: what another
// node dials. Empty before Start and after Stop.
func (h *Host) Addrs() []ma.Multiaddr {
	info := h.AddrInfo()
	if len(info.Addrs) == 0 {
		return nil
	}
	addrs, err := peer.AddrInfoToP2pAddrs(&info)
	if err != nil {
		return nil
	}
	return addrs
}

// ListenAddrs are the addresses the host's transports are bound to, with the ports the OS
// chose for port 0 (unexpanded: 0.0.0.0 stays 0.0.0.0); nil before Start.
func (h *Host) ListenAddrs() []ma.Multiaddr {
	lh, err := h.running()
	if err != nil {
		return nil
	}
	return lh.Network().ListenAddresses()
}

// AddrInfo is the host's peer ID and listen addresses, as the client helpers take them.
func (h *Host) AddrInfo() peer.AddrInfo {
	lh, err := h.running()
	if err != nil {
		return peer.AddrInfo{ID: h.ID()}
	}
	return peer.AddrInfo{ID: lh.ID(), Addrs: lh.Addrs()}
}

// PeerAddrs are the addresses peer id can be dialled back at: the listen addresses identify
// learned from it, and the remote addresses of the host's connections to it. Identify runs
// in the background after a connection opens, so a peer that just dialled may have none of
// the first yet; the second are dialable when the peer dialled from its listening port, as
// libp2p's QUIC and its reuseport TCP do. Nil when the host is not running.
func (h *Host) PeerAddrs(id peer.ID) []ma.Multiaddr {
	lh, err := h.running()
	if err != nil {
		return nil
	}
	addrs := lh.Peerstore().Addrs(id)
	for _, c := range lh.Network().ConnsToPeer(id) {
		a := c.RemoteMultiaddr()
		if !slices.ContainsFunc(addrs, a.Equal) {
			addrs = append(addrs, a)
		}
	}
	return addrs
}

// Protocols are the Brine protocols this host serves.
func (h *Host) Protocols() []protocol.ID {
	ids := make([]protocol.ID, len(h.svcs))
	for i, svc := range h.svcs {
		ids[i] = svc.proto
	}
	return ids
}

// LibP2P is the underlying libp2p host (nil before Start), for services built beside the
// Brine protocols. Handlers registered on it get none of the host's bounds.
func (h *Host) LibP2P() host.Host {
	lh, _ := h.running()
	return lh
}
