package p2p_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/p2p/protocol/ping"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/p2p"
)

// TestRoundTrips runs every protocol between two hosts, once over TCP and once over QUIC.
func TestRoundTrips(t *testing.T) {
	hashA, specA := testSpec(t, 1)
	hashB, specB := testSpec(t, 2)
	big := randomBytes(t, 3<<20+17) // many chunks and frames
	results := resultMap{}
	bigCID := cidOf(t, big)
	emptyCID := cidOf(t, nil)
	results[bigCID] = big
	results[emptyCID] = []byte{}
	hashBig, specBig := bigSpec(t)
	sink := &recordingSink{}
	server := newHost(t, p2p.Config{Specs: newSpecMap(specA, specBig), SpecSink: sink, Results: results})

	for _, tr := range []struct {
		name string
		code int
	}{{"tcp", ma.P_TCP}, {"quic", ma.P_QUIC_V1}} {
		t.Run(tr.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
			defer cancel()
			client := newClient(t, p2p.Limits{})
			info := only(server.AddrInfo(), tr.code)
			if len(info.Addrs) == 0 {
				t.Fatalf("server has no %s address: %v", tr.name, server.Addrs())
			}

			got, err := client.FetchSpec(ctx, info, hashA)
			if err != nil {
				t.Fatalf("FetchSpec: %v", err)
			}
			if !bytes.Equal(got, specA) {
				t.Fatalf("FetchSpec returned other bytes")
			}
			got, err = client.FetchSpec(ctx, info, hashBig)
			if err != nil || !bytes.Equal(got, specBig) {
				t.Fatalf("FetchSpec of a %d-byte spec: %d bytes, %v", len(specBig), len(got), err)
			}
			if err := client.PushSpec(ctx, info, hashBig, specBig); err != nil {
				t.Fatalf("PushSpec of a %d-byte spec: %v", len(specBig), err)
			}
			if _, err := client.FetchSpec(ctx, info, hashB); !errors.Is(err, p2p.ErrNotFound) {
				t.Fatalf("FetchSpec of an unknown hash: %v, want ErrNotFound", err)
			}

			before := len(sink.all())
			if err := client.PushSpec(ctx, info, hashB, specB); err != nil {
				t.Fatalf("PushSpec: %v", err)
			}
			all := sink.all()
			if len(all) != before+1 {
				t.Fatalf("sink got %d specs, want %d", len(all), before+1)
			}
			if p := all[before]; p.from != client.ID() || p.hash != hashB || !bytes.Equal(p.data, specB) {
				t.Fatalf("sink got from %s hash %s (%d bytes), want %s %s (%d bytes)", p.from, p.hash, len(p.data), client.ID(), hashB, len(specB))
			}

			data, err := client.FetchResult(ctx, info, bigCID, int64(len(big)))
			if err != nil {
				t.Fatalf("FetchResult: %v", err)
			}
			if !bytes.Equal(data, big) {
				t.Fatalf("FetchResult returned other bytes")
			}
			data, err = client.FetchResult(ctx, info, emptyCID, 1)
			if err != nil || len(data) != 0 {
				t.Fatalf("FetchResult of an empty result: %d bytes, %v", len(data), err)
			}
			if _, err := client.FetchResult(ctx, info, cidOf(t, []byte("absent")), 1<<20); !errors.Is(err, p2p.ErrNotFound) {
				t.Fatalf("FetchResult of an unknown CID: %v, want ErrNotFound", err)
			}
			if _, err := client.FetchResult(ctx, info, bigCID, int64(len(big)-1)); !errors.Is(err, p2p.ErrTooLarge) {
				t.Fatalf("FetchResult over maxSize: %v, want ErrTooLarge", err)
			}

			req, err := p2p.NewProbeRequest(common.Big1, common.HexToAddress("0xaa"), common.HexToAddress("0xbb"), 7)
			if err != nil {
				t.Fatal(err)
			}
			sig, err := client.Probe(ctx, info, req)
			if err != nil {
				t.Fatalf("Probe: %v", err)
			}
			if !p2p.VerifyProbe(server.ID(), req, sig) {
				t.Fatalf("probe answer does not verify")
			}

			// Everything went over the transport under test.
			conns := client.LibP2P().Network().ConnsToPeer(server.ID())
			if len(conns) == 0 {
				t.Fatalf("no connection to the server")
			}
			for _, c := range conns {
				if !hasProtocol(c.RemoteMultiaddr(), tr.code) {
					t.Fatalf("connection over %s, want %s", c.RemoteMultiaddr(), tr.name)
				}
			}
		})
	}
}

// TestHostBasics: addresses with /p2p/<id> on both transports, identify (protocols and agent
// announced), ping, the peer ID of the persisted identity, and the lifecycle.
func TestHostBasics(t *testing.T) {
	id := newIdentity(t)
	_, spec := testSpec(t, 1)
	server := newHost(t, p2p.Config{Identity: id, Specs: newSpecMap(spec), Results: resultMap{}})
	if server.ID() != id.Peer {
		t.Fatalf("host ID %s, identity %s", server.ID(), id.Peer)
	}
	var tcp, quic bool
	for _, a := range server.Addrs() {
		info, err := peer.AddrInfoFromP2pAddr(a)
		if err != nil || info.ID != id.Peer {
			t.Fatalf("address %s does not end in /p2p/%s (%v)", a, id.Peer, err)
		}
		tcp = tcp || hasProtocol(a, ma.P_TCP)
		quic = quic || hasProtocol(a, ma.P_QUIC_V1)
		if !strings.HasPrefix(a.String(), "/ip4/127.0.0.1/") {
			t.Fatalf("address %s is not on loopback", a)
		}
	}
	if !tcp || !quic {
		t.Fatalf("addresses %v: want TCP and QUIC", server.Addrs())
	}
	want := []string{string(p2p.SpecProtocol), string(p2p.ResultProtocol), string(p2p.ProbeProtocol)}
	var got []string
	for _, p := range server.Protocols() {
		got = append(got, string(p))
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("serves %v, want %v", got, want)
	}

	client := newClient(t, p2p.Limits{})
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if err := client.LibP2P().Connect(ctx, server.AddrInfo()); err != nil {
		t.Fatal(err)
	}
	res := <-ping.Ping(ctx, client.LibP2P(), server.ID())
	if res.Error != nil {
		t.Fatalf("ping: %v", res.Error)
	}
	ps := client.LibP2P().Peerstore()
	testharness.Eventually(t, 5*time.Second, func() bool {
		supported, _ := ps.SupportsProtocols(server.ID(), p2p.SpecProtocol, p2p.SpecPushProtocol)
		av, _ := ps.Get(server.ID(), "AgentVersion")
		return len(supported) == 1 && supported[0] == p2p.SpecProtocol && av == p2p.UserAgent
	}, "identify")

	// Lifecycle: a second Start fails; Stop is idempotent; a stopped host serves and fetches
	// nothing.
	if err := server.Start(ctx); err == nil {
		t.Fatalf("second Start succeeded")
	}
	stopped := newHost(t, p2p.Config{})
	info := stopped.AddrInfo()
	if err := stopped.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if err := stopped.Stop(ctx); err != nil {
		t.Fatalf("second Stop: %v", err)
	}
	if _, err := stopped.FetchSpec(ctx, server.AddrInfo(), common.Hash{}); !errors.Is(err, p2p.ErrNotStarted) {
		t.Fatalf("FetchSpec on a stopped host: %v, want ErrNotStarted", err)
	}
	if len(stopped.Addrs()) != 0 {
		t.Fatalf("stopped host has addresses %v", stopped.Addrs())
	}
	// TCP: a closed port refuses at once (a QUIC dial would wait for its handshake timeout).
	if _, err := client.Probe(ctx, only(info, ma.P_TCP), p2p.ProbeRequest{ChainID: common.Big1}); err == nil {
		t.Fatalf("probe of a stopped host succeeded")
	}
}

// TestStopCancelsHandlers: Stop does not wait on a sink blocked in a push beyond cancelling
// its context.
func TestStopCancelsHandlers(t *testing.T) {
	hash, spec := testSpec(t, 1)
	entered := make(chan struct{})
	sink := sinkFunc(func(ctx context.Context, _ peer.ID, _ common.Hash, _ []byte) error {
		close(entered)
		<-ctx.Done()
		return ctx.Err()
	})
	server, err := p2p.New(p2p.Config{Identity: newIdentity(t), Logger: testharness.LevelLogger(t, slog.LevelDebug, ""), SpecSink: sink})
	if err != nil {
		t.Fatal(err)
	}
	if err := server.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	client := newClient(t, p2p.Limits{})
	done := make(chan error, 1)
	go func() { done <- client.PushSpec(t.Context(), server.AddrInfo(), hash, spec) }()
	select {
	case <-entered:
	case <-time.After(10 * time.Second):
		t.Fatal("push never reached the sink")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	start := time.Now()
	if err := server.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("Stop took %v", d)
	}
	if err := <-done; err == nil {
		t.Fatalf("push to a stopping host succeeded")
	}
}

// TestStartFails: a host that cannot listen reports it from Start and holds nothing.
func TestStartFails(t *testing.T) {
	h, err := p2p.New(p2p.Config{Identity: newIdentity(t), Logger: testharness.LevelLogger(t, slog.LevelDebug, ""), ListenAddrs: []string{"/ip4/192.0.2.1/tcp/0"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(t.Context()); err == nil {
		_ = h.Stop(t.Context())
		t.Fatalf("Start listening on an address this machine does not have succeeded")
	}
	if h.LibP2P() != nil || len(h.Addrs()) != 0 {
		t.Fatalf("a failed host is running")
	}
	if err := h.Stop(t.Context()); err != nil {
		t.Fatalf("Stop after a failed Start: %v", err)
	}
}

func TestConfigCheck(t *testing.T) {
	id := newIdentity(t)
	for _, tc := range []struct {
		name string
		cfg  p2p.Config
		want string
	}{
		{"no identity", p2p.Config{}, "no identity key"},
		{"bad address", p2p.Config{Identity: id, ListenAddrs: []string{"/ip4/1.2.3/tcp/0"}}, "listen address"},
		{"websocket", p2p.Config{Identity: id, ListenAddrs: []string{"/ip4/127.0.0.1/tcp/0/ws"}}, "want /ip4|ip6"},
		{"webtransport", p2p.Config{Identity: id, ListenAddrs: []string{"/ip4/127.0.0.1/udp/0/quic-v1/webtransport"}}, "want /ip4|ip6"},
		{"dns", p2p.Config{Identity: id, ListenAddrs: []string{"/dns4/localhost/tcp/0"}}, "want /ip4|ip6"},
		{"negative", p2p.Config{Identity: id, Limits: p2p.Limits{IOTimeout: -1}}, "IOTimeout is negative"},
		{"per peer over total", p2p.Config{Identity: id, Limits: p2p.Limits{StreamsPerPeer: 9, StreamsPerProtocol: 8}}, "StreamsPerPeer"},
		{"peer memory", p2p.Config{Identity: id, Limits: p2p.Limits{MaxPeerMemory: 1 << 20}}, "could not push one spec"},
		{"stream timeout", p2p.Config{Identity: id, Limits: p2p.Limits{StreamTimeout: time.Second}}, "StreamTimeout"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := p2p.New(tc.cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("New: %v, want an error with %q", err, tc.want)
			}
		})
	}
	if _, err := p2p.New(p2p.Config{Identity: id, ListenAddrs: []string{"/ip6/::1/tcp/0", "/ip4/0.0.0.0/udp/0/quic-v1"}}); err != nil {
		t.Fatalf("valid config: %v", err)
	}
}

// TestPushRejected: the provider checks a pushed spec before its sink sees it, and tells the
// client why it refused.
func TestPushRejected(t *testing.T) {
	hashA, specA := testSpec(t, 1)
	_, specB := testSpec(t, 2)
	yaml := []byte("engine: docker\nimage: alpine:3.20\nresources: {cpu: 1, memory: 64MiB, disk: 100MB, time: 30s}\nprice: {payment: \"2\", collateral: \"1\"}\ndeadlines: {accept_within: 1m, run_within: 2m}\nchallenge_window: 10s\n")
	if _, err := jobspec.Parse(yaml); err != nil {
		t.Fatalf("yaml spec: %v", err)
	}
	hash3, spec3 := testSpec(t, 3)
	hash4, spec4 := testSpec(t, 4)
	refuse := map[common.Hash]error{ // read-only once the server runs
		hash3: p2p.Refusal("no such job on chain yet"),
		hash4: errors.New("bbolt: database at /var/secret is locked"),
	}
	var calls atomic.Int32 // the sink runs on the server's goroutines
	sink := sinkFunc(func(_ context.Context, _ peer.ID, hash common.Hash, _ []byte) error {
		calls.Add(1)
		return refuse[hash]
	})
	server := newHost(t, p2p.Config{SpecSink: sink})
	client := newClient(t, p2p.Limits{})
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()

	for _, tc := range []struct {
		name    string
		hash    common.Hash
		data    []byte
		want    error
		message string
		reached bool
	}{
		{"hash mismatch", hashA, specB, p2p.ErrInvalid, "spec does not match its hash", false},
		{"not canonical", sha256Sum(yaml), yaml, p2p.ErrInvalid, "not a canonical job spec", false},
		{"sink refusal", hash3, spec3, p2p.ErrRefused, "no such job on chain yet", true},
		{"sink error stays private", hash4, spec4, p2p.ErrRefused, "spec not accepted", true},
		{"accepted", hashA, specA, nil, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := calls.Load()
			err := client.PushSpec(ctx, server.AddrInfo(), tc.hash, tc.data)
			if !errors.Is(err, tc.want) {
				t.Fatalf("PushSpec: %v, want %v", err, tc.want)
			}
			var re *p2p.RemoteError
			if tc.want != nil && (!errors.As(err, &re) || re.Message != tc.message) {
				t.Fatalf("PushSpec: %v, want message %q", err, tc.message)
			}
			if reached := calls.Load() > before; reached != tc.reached {
				t.Fatalf("sink reached: %v, want %v", reached, tc.reached)
			}
		})
	}
	if err := client.PushSpec(ctx, server.AddrInfo(), hashA, make([]byte, jobspec.MaxSize+1)); !errors.Is(err, p2p.ErrTooLarge) {
		t.Fatalf("PushSpec of an oversize spec: %v, want ErrTooLarge", err)
	}
}

// TestResultLimitServer: a result over the server's MaxResultSize is refused, not streamed.
func TestResultLimitServer(t *testing.T) {
	data := randomBytes(t, 4096)
	c := cidOf(t, data)
	server := newHost(t, p2p.Config{Results: resultMap{c: data}, Limits: p2p.Limits{MaxResultSize: 4095}})
	client := newClient(t, p2p.Limits{})
	_, err := client.FetchResult(t.Context(), server.AddrInfo(), c, 1<<20)
	var re *p2p.RemoteError
	if !errors.Is(err, p2p.ErrRefused) || !errors.As(err, &re) || !strings.Contains(re.Message, "exceeds") {
		t.Fatalf("FetchResult over the server's limit: %v, want ErrRefused", err)
	}
}
