package p2p

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/brine-compute/brine/p2p/identity"
	ma "github.com/multiformats/go-multiaddr"
	"github.com/prometheus/client_golang/prometheus"
)

// DefaultListenAddrs are the addresses a host listens on when Config.ListenAddrs is empty:
// loopback TCP and QUIC on ports the OS chooses. A node that serves others sets its own.
var DefaultListenAddrs = []string{
	"/ip4/127.0.0.1/tcp/0",
	"/ip4/127.0.0.1/udp/0/quic-v1",
}

// Config is what New needs. Identity is required; everything else has a default.
type Config struct {
	// Identity is the node's persisted peer key (p2p/identity). Its peer ID is the one
	// registered on chain and the one probes are verified against.
	Identity *identity.Identity

	// ListenAddrs are multiaddrs to listen on: /ip4|ip6/<address>/tcp/<port> or
	// /ip4|ip6/<address>/udp/<port>/quic-v1 (port 0: the OS chooses). Empty: DefaultListenAddrs.
	ListenAddrs []string

	// Logger receives the host's logs; peers' misbehaviour is logged at debug (they choose
	// how often it happens), failures of our own at warn. Nil: slog.Default().
	Logger *slog.Logger

	// Limits bound what peers can make the host spend. Zero fields take DefaultLimits.
	Limits Limits

	// Specs serves /brine/spec/1.0.0; nil: the protocol is not offered.
	Specs SpecSource
	// SpecSink receives verified specs pushed over /brine/spec-push/1.0.0; nil: not offered.
	SpecSink SpecSink
	// Results serves /brine/result/1.0.0; nil: not offered.
	Results ResultSource
	// Status serves /brine/status/1.0.0 (the node's own record of a job); nil: not offered.
	Status StatusSource
	// Trees serves /brine/rewards-tree/1.0.0 (a prober's published rewards trees); nil: not
	// offered.
	Trees TreeSource
	// DisableProbe stops the host answering /brine/probe/1.0.0. A provider's node must
	// answer probes to earn uptime rewards; clients and probers may turn it off.
	DisableProbe bool

	// Registerer receives libp2p's own metrics (swarm, identify, resource manager).
	// Nil: libp2p metrics are disabled.
	Registerer prometheus.Registerer
}

// Limits bound every resource a peer can make the host spend. The libp2p resource manager
// enforces the connection, stream and memory limits below the protocols; the host enforces
// the per-protocol concurrency, sizes and deadlines above them.
type Limits struct {
	// MaxConns bounds all connections, inbound and outbound.
	MaxConns int
	// MaxConnsPerPeer bounds connections to one peer.
	MaxConnsPerPeer int
	// MaxStreamsPerPeer bounds one peer's inbound streams over all protocols (identify and
	// ping included).
	MaxStreamsPerPeer int
	// MaxMemory bounds the memory libp2p and the Brine protocols reserve in total; MaxPeerMemory
	// what one peer can make them reserve (muxer windows, request buffers).
	MaxMemory     int64
	MaxPeerMemory int64
	// MaxFD bounds the file descriptors libp2p uses.
	MaxFD int

	// StreamsPerPeer bounds one peer's concurrent inbound streams on each Brine protocol;
	// StreamsPerProtocol all peers' together. Excess streams are answered StatusRefused.
	StreamsPerPeer     int
	StreamsPerProtocol int

	// ReadTimeout bounds receiving a whole request (a server) once its stream is open.
	ReadTimeout time.Duration
	// IOTimeout bounds each read or write of a response: a peer that stops making progress
	// for this long has its stream reset, on either side.
	IOTimeout time.Duration
	// StreamTimeout bounds one exchange from open to close, on either side (it is what stops a
	// peer that makes just enough progress to dodge IOTimeout).
	StreamTimeout time.Duration
	// ReuseTimeout bounds the ping that checks a held connection before an exchange uses it.
	// A peer whose process was killed leaves its QUIC connection looking alive until the idle
	// timeout (UDP has no reset), and a stream on it answers nothing: a connection that does
	// not answer the ping in time is closed and the peer dialled afresh.
	ReuseTimeout time.Duration

	// MaxResultSize is the largest result this host serves. Fetchers pass their own bound.
	MaxResultSize int64
}

// DefaultLimits are the limits a zero Limits field takes. They suit a provider node: a few
// hundred peers, a handful of concurrent transfers each, a few hundred MiB of buffers.
var DefaultLimits = Limits{
	MaxConns:           256,
	MaxConnsPerPeer:    8, // libp2p dials up to 8 addresses of a peer at once
	MaxStreamsPerPeer:  64,
	MaxMemory:          512 << 20,
	MaxPeerMemory:      64 << 20,
	MaxFD:              512,
	StreamsPerPeer:     4,
	StreamsPerProtocol: 64,
	ReadTimeout:        15 * time.Second,
	IOTimeout:          15 * time.Second,
	StreamTimeout:      10 * time.Minute,
	ReuseTimeout:       5 * time.Second,
	MaxResultSize:      256 << 20,
}

// withDefaults fills zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	setInt := func(v *int, def int) {
		if *v == 0 {
			*v = def
		}
	}
	setInt64 := func(v *int64, def int64) {
		if *v == 0 {
			*v = def
		}
	}
	setDur := func(v *time.Duration, def time.Duration) {
		if *v == 0 {
			*v = def
		}
	}
	setInt(&l.MaxConns, d.MaxConns)
	setInt(&l.MaxConnsPerPeer, d.MaxConnsPerPeer)
	setInt(&l.MaxStreamsPerPeer, d.MaxStreamsPerPeer)
	setInt64(&l.MaxMemory, d.MaxMemory)
	setInt64(&l.MaxPeerMemory, d.MaxPeerMemory)
	setInt(&l.MaxFD, d.MaxFD)
	setInt(&l.StreamsPerPeer, d.StreamsPerPeer)
	setInt(&l.StreamsPerProtocol, d.StreamsPerProtocol)
	setDur(&l.ReadTimeout, d.ReadTimeout)
	setDur(&l.IOTimeout, d.IOTimeout)
	setDur(&l.StreamTimeout, d.StreamTimeout)
	setDur(&l.ReuseTimeout, d.ReuseTimeout)
	setInt64(&l.MaxResultSize, d.MaxResultSize)
	return l
}

// minPeerMemory is the least MaxPeerMemory that lets a peer push one spec of jobspec.MaxSize
// while its muxer windows take their share.
const minPeerMemory = 4 * specPushMaxRequest

// Check reports the first problem with the limits (after defaults are applied).
func (l Limits) Check() error {
	for _, f := range []struct {
		name string
		v    int64
	}{
		{"MaxConns", int64(l.MaxConns)},
		{"MaxConnsPerPeer", int64(l.MaxConnsPerPeer)},
		{"MaxStreamsPerPeer", int64(l.MaxStreamsPerPeer)},
		{"MaxMemory", l.MaxMemory},
		{"MaxPeerMemory", l.MaxPeerMemory},
		{"MaxFD", int64(l.MaxFD)},
		{"StreamsPerPeer", int64(l.StreamsPerPeer)},
		{"StreamsPerProtocol", int64(l.StreamsPerProtocol)},
		{"ReadTimeout", int64(l.ReadTimeout)},
		{"IOTimeout", int64(l.IOTimeout)},
		{"StreamTimeout", int64(l.StreamTimeout)},
		{"ReuseTimeout", int64(l.ReuseTimeout)},
		{"MaxResultSize", l.MaxResultSize},
	} {
		if f.v < 0 {
			return fmt.Errorf("p2p: limits: %s is negative (%d)", f.name, f.v)
		}
	}
	switch {
	case l.MaxConnsPerPeer > l.MaxConns:
		return fmt.Errorf("p2p: limits: MaxConnsPerPeer (%d) exceeds MaxConns (%d)", l.MaxConnsPerPeer, l.MaxConns)
	case l.MaxPeerMemory > l.MaxMemory:
		return fmt.Errorf("p2p: limits: MaxPeerMemory (%d) exceeds MaxMemory (%d)", l.MaxPeerMemory, l.MaxMemory)
	case l.MaxPeerMemory < minPeerMemory:
		return fmt.Errorf("p2p: limits: MaxPeerMemory (%d) is below %d: a peer could not push one spec", l.MaxPeerMemory, minPeerMemory)
	case l.StreamsPerPeer > l.StreamsPerProtocol:
		return fmt.Errorf("p2p: limits: StreamsPerPeer (%d) exceeds StreamsPerProtocol (%d)", l.StreamsPerPeer, l.StreamsPerProtocol)
	case l.StreamsPerPeer > l.MaxStreamsPerPeer:
		return fmt.Errorf("p2p: limits: StreamsPerPeer (%d) exceeds MaxStreamsPerPeer (%d)", l.StreamsPerPeer, l.MaxStreamsPerPeer)
	case l.StreamTimeout < l.ReadTimeout || l.StreamTimeout < l.IOTimeout:
		return fmt.Errorf("p2p: limits: StreamTimeout (%v) is shorter than ReadTimeout (%v) or IOTimeout (%v)", l.StreamTimeout, l.ReadTimeout, l.IOTimeout)
	}
	return nil
}

// Check reports the first problem with the config, with the defaults applied.
func (c Config) Check() error {
	if c.Identity == nil || c.Identity.Key == nil {
		return errors.New("p2p: config: no identity key")
	}
	if c.Identity.Peer == "" {
		return errors.New("p2p: config: identity has no peer ID")
	}
	if _, err := parseListenAddrs(c.ListenAddrs); err != nil {
		return err
	}
	return c.Limits.withDefaults().Check()
}

// parseListenAddrs parses and checks listen addresses: only TCP and QUIC v1 are supported.
func parseListenAddrs(addrs []string) ([]ma.Multiaddr, error) {
	if len(addrs) == 0 {
		addrs = DefaultListenAddrs
	}
	out := make([]ma.Multiaddr, 0, len(addrs))
	for _, s := range addrs {
		a, err := ma.NewMultiaddr(s)
		if err != nil {
			return nil, fmt.Errorf("p2p: listen address %q: %w", s, err)
		}
		if !supportedListenAddr(a) {
			return nil, fmt.Errorf("p2p: listen address %q: want /ip4|ip6/<ip>/tcp/<port> or /ip4|ip6/<ip>/udp/<port>/quic-v1", s)
		}
		out = append(out, a)
	}
	return out, nil
}

func supportedListenAddr(a ma.Multiaddr) bool {
	var codes []int
	for _, c := range a {
		codes = append(codes, c.Code())
	}
	if len(codes) < 2 || (codes[0] != ma.P_IP4 && codes[0] != ma.P_IP6) {
		return false
	}
	switch {
	case len(codes) == 2 && codes[1] == ma.P_TCP:
		return true
	case len(codes) == 3 && codes[1] == ma.P_UDP && codes[2] == ma.P_QUIC_V1:
		return true
	}
	return false
}
