package p2p_test

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/p2p"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"
	rcmgr "github.com/libp2p/go-libp2p/p2p/host/resource-manager"
	ma "github.com/multiformats/go-multiaddr"
	mh "github.com/multiformats/go-multihash"
	"github.com/multiformats/go-varint"
)

// lie makes evil answer proto with answer(request, stream) instead of the Brine code.
func lie(evil *p2p.Host, proto protocol.ID, answer func(req []byte, s network.Stream)) {
	evil.LibP2P().SetStreamHandler(proto, func(s network.Stream) {
		defer s.Close()
		r := bufio.NewReader(s)
		n, err := varint.ReadUvarint(r)
		if err != nil || n > 2<<20 {
			_ = s.Reset()
			return
		}
		req := make([]byte, n)
		if _, err := io.ReadFull(r, req); err != nil {
			_ = s.Reset()
			return
		}
		answer(req, s)
	})
}

func write(b []byte) func([]byte, network.Stream) {
	return func(_ []byte, s network.Stream) { _, _ = s.Write(b) }
}

// staller makes a handler that never answers: it holds the stream until the test ends.
func staller(t *testing.T) func([]byte, network.Stream) {
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	return func(_ []byte, s network.Stream) {
		select {
		case <-done:
		case <-time.After(20 * time.Second):
		}
		_ = s.Reset()
	}
}

// TestLyingServer: a peer that serves wrong, malformed, oversize or no answers gets nothing
// past the client helpers.
func TestLyingServer(t *testing.T) {
	evil := newHost(t, p2p.Config{DisableProbe: true})
	stall := staller(t) // after newHost: its cleanup runs first, freeing the handlers
	client := newClient(t, p2p.Limits{IOTimeout: 300 * time.Millisecond})
	info := evil.AddrInfo()

	hashA, _ := testSpec(t, 1)
	_, specB := testSpec(t, 2)
	yaml := []byte("engine: docker\nimage: alpine:3.20\nresources: {cpu: 1, memory: 64MiB, disk: 100MB, time: 30s}\nprice: {payment: \"2\", collateral: \"1\"}\ndeadlines: {accept_within: 1m, run_within: 2m}\nchallenge_window: 10s\n")
	ok := []byte{byte(p2p.StatusOK)}

	t.Run("spec", func(t *testing.T) {
		for _, tc := range []struct {
			name   string
			hash   common.Hash
			answer func([]byte, network.Stream)
			want   error
		}{
			{"other spec", hashA, write(frame(ok, specB)), jobspec.ErrHashMismatch},
			{"matching but not canonical", sha256Sum(yaml), write(frame(ok, yaml)), jobspec.ErrInvalid},
			{"oversize frame", hashA, write(append(varint.ToUvarint(jobspec.MaxSize+2), make([]byte, 4096)...)), p2p.ErrTooLarge},
			{"unknown status", hashA, write(frame([]byte{9})), p2p.ErrProtocol},
			{"empty frame", hashA, write(frame()), p2p.ErrProtocol},
			{"overlong message", hashA, write(frame([]byte{byte(p2p.StatusRefused)}, make([]byte, p2p.MaxMessage+1))), p2p.ErrProtocol},
			{"non-minimal length", hashA, write([]byte{0x81, 0x00, 0}), p2p.ErrProtocol},
			{"closes without answer", hashA, func([]byte, network.Stream) {}, p2p.ErrProtocol},
			{"truncated", hashA, write(frame(ok, specB)[:100]), io.ErrUnexpectedEOF},
		} {
			t.Run(tc.name, func(t *testing.T) {
				lie(evil, p2p.SpecProtocol, tc.answer)
				data, err := client.FetchSpec(t.Context(), info, tc.hash)
				if !errors.Is(err, tc.want) || data != nil {
					t.Fatalf("FetchSpec: %d bytes, %v; want %v", len(data), err, tc.want)
				}
			})
		}
	})

	t.Run("message made printable", func(t *testing.T) {
		lie(evil, p2p.SpecProtocol, write(frame([]byte{byte(p2p.StatusRefused)}, []byte("\x1b]0;owned\a\x1b[2J\nfake log line\xff"))))
		_, err := client.FetchSpec(t.Context(), info, hashA)
		var re *p2p.RemoteError
		if !errors.As(err, &re) || !errors.Is(err, p2p.ErrRefused) {
			t.Fatalf("FetchSpec: %v, want a refusal", err)
		}
		if strings.ContainsAny(re.Message, "\x1b\a\n") || !strings.Contains(re.Message, "fake log line") {
			t.Fatalf("message %q", re.Message)
		}
	})

	t.Run("never answers", func(t *testing.T) {
		lie(evil, p2p.SpecProtocol, stall)
		start := time.Now()
		_, err := client.FetchSpec(t.Context(), info, hashA)
		if !isTimeout(err) {
			t.Fatalf("FetchSpec of a silent peer: %v, want a timeout", err)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Fatalf("gave up after %v, IOTimeout is 300ms", d)
		}
	})

	t.Run("context", func(t *testing.T) {
		lie(evil, p2p.SpecProtocol, stall)
		slow := newClient(t, p2p.Limits{IOTimeout: time.Minute})
		ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := slow.FetchSpec(ctx, info, hashA)
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 3*time.Second {
			t.Fatalf("FetchSpec after the context's deadline: %v after %v", err, time.Since(start))
		}
	})

	data := randomBytes(t, 10_000)
	c := cidOf(t, data)
	header := func(size uint64) []byte {
		var b [9]byte
		b[0] = byte(p2p.StatusOK)
		binary.BigEndian.PutUint64(b[1:], size)
		return frame(b[:])
	}
	t.Run("result", func(t *testing.T) {
		other := randomBytes(t, len(data))
		for _, tc := range []struct {
			name   string
			answer func([]byte, network.Stream)
			want   error
		}{
			{"other bytes", write(append(header(uint64(len(other))), other...)), p2p.ErrCIDMismatch},
			{"over maxSize", write(append(header(uint64(len(data)+1)), data...)), p2p.ErrTooLarge},
			{"huge size", write(header(1 << 62)), p2p.ErrTooLarge},
			{"fewer bytes", write(append(header(uint64(len(data))), data[:len(data)-1]...)), p2p.ErrProtocol},
			{"more bytes", write(append(append(header(uint64(len(data))), data...), 0)), p2p.ErrProtocol},
			{"short header", write(frame(ok, []byte{0, 0, 0, 1})), p2p.ErrProtocol},
			{"long header", write(frame(ok, make([]byte, 9))), p2p.ErrTooLarge},
			{"stalls mid-result", func(_ []byte, s network.Stream) {
				_, _ = s.Write(append(header(uint64(len(data))), data[:100]...))
				stall(nil, s)
			}, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				lie(evil, p2p.ResultProtocol, tc.answer)
				got, err := client.FetchResult(t.Context(), info, c, int64(len(data)))
				if tc.want == nil {
					if !isTimeout(err) {
						t.Fatalf("FetchResult: %v, want a timeout", err)
					}
				} else if !errors.Is(err, tc.want) {
					t.Fatalf("FetchResult: %v, want %v", err, tc.want)
				}
				if got != nil {
					t.Fatalf("FetchResult returned %d bytes with an error", len(got))
				}
			})
		}
	})

	t.Run("unsupported CID", func(t *testing.T) {
		var asked atomic.Bool
		lie(evil, p2p.ResultProtocol, func(_ []byte, s network.Stream) { asked.Store(true) })
		sha3, err := mh.Sum(data, mh.SHA3_256, -1)
		if err != nil {
			t.Fatal(err)
		}
		sha256, err := mh.Sum(data, mh.SHA2_256, -1)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []cid.Cid{cid.NewCidV1(cid.Raw, sha3), cid.NewCidV0(sha256), {}} {
			if _, err := client.FetchResult(t.Context(), info, c, 1<<20); !errors.Is(err, p2p.ErrUnsupportedCID) {
				t.Fatalf("FetchResult %v: %v, want ErrUnsupportedCID", c, err)
			}
		}
		if asked.Load() {
			t.Fatalf("an unsupported CID was requested")
		}
	})

	t.Run("probe", func(t *testing.T) {
		other, _, err := crypto.GenerateEd25519Key(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		req, err := p2p.NewProbeRequest(common.Big1, common.HexToAddress("0x1"), common.HexToAddress("0x2"), 3)
		if err != nil {
			t.Fatal(err)
		}
		old := req
		old.Nonce[0] ^= 1
		oldDigest, _ := p2p.ProbeDigest(old)
		ownKey := evil.LibP2P().Peerstore().PrivKey(evil.ID())
		replayed, err := ownKey.Sign(oldDigest[:])
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			sign func(digest []byte) []byte
		}{
			{"another key", func(d []byte) []byte { s, _ := other.Sign(d); return s }},
			{"answer to an earlier nonce", func([]byte) []byte { return replayed }},
			{"empty", func([]byte) []byte { return nil }},
			{"garbage", func([]byte) []byte { return make([]byte, 64) }},
		} {
			t.Run(tc.name, func(t *testing.T) {
				lie(evil, p2p.ProbeProtocol, func(raw []byte, s network.Stream) {
					var r p2p.ProbeRequest
					if err := r.UnmarshalBinary(raw); err != nil {
						_ = s.Reset()
						return
					}
					d, _ := p2p.ProbeDigest(r)
					_, _ = s.Write(frame(ok, tc.sign(d[:])))
				})
				if _, err := client.Probe(t.Context(), info, req); !errors.Is(err, p2p.ErrBadSignature) {
					t.Fatalf("Probe: %v, want ErrBadSignature", err)
				}
			})
		}
	})
}

// servingHost serves every protocol with one spec and one result.
func servingHost(t *testing.T, limits p2p.Limits) (*p2p.Host, common.Hash, cid.Cid) {
	hash, spec := testSpec(t, 1)
	data := randomBytes(t, 1000)
	c := cidOf(t, data)
	h := newHost(t, p2p.Config{
		Specs:    newSpecMap(spec),
		SpecSink: &recordingSink{},
		Results:  resultMap{c: data},
		Limits:   limits,
	})
	return h, hash, c
}

// stillServes checks that client can use every protocol of server.
func stillServes(t *testing.T, client, server *p2p.Host, hash common.Hash, c cid.Cid) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if _, err := client.FetchSpec(ctx, server.AddrInfo(), hash); err != nil {
		t.Fatalf("FetchSpec: %v", err)
	}
	if _, err := client.FetchResult(ctx, server.AddrInfo(), c, 1<<20); err != nil {
		t.Fatalf("FetchResult: %v", err)
	}
	req, _ := p2p.NewProbeRequest(common.Big1, common.Address{}, common.Address{}, 1)
	if _, err := client.Probe(ctx, server.AddrInfo(), req); err != nil {
		t.Fatalf("Probe: %v", err)
	}
}

// TestHostileRequests: requests over their bound, malformed frames, or streams that end
// mid-request are reset with a code; well-framed nonsense is answered "invalid"; the host
// keeps serving the same peer and others, over TCP and QUIC.
func TestHostileRequests(t *testing.T) {
	server, hash, c := servingHost(t, p2p.Limits{})
	garbage := randomBytes(t, 4096)
	garbage[0], garbage[1] = 0xff, 0x7f // a length of 16383: over the bound of every request but a push

	type result struct {
		code   network.StreamErrorCode // a remote reset with this code, or
		status p2p.Status              // a response with this status
	}
	reset := func(code network.StreamErrorCode) result { return result{code: code} }
	answer := func(st p2p.Status) result { return result{status: st} }
	tooLarge := reset(network.StreamResourceLimitExceeded)
	violation := reset(network.StreamProtocolViolation)

	cases := []struct {
		name  string
		proto protocol.ID
		send  []byte
		want  result
	}{
		{"spec: 33-byte request", p2p.SpecProtocol, frame(make([]byte, 33)), tooLarge},
		{"spec: 31-byte request", p2p.SpecProtocol, frame(make([]byte, 31)), answer(p2p.StatusInvalid)},
		{"spec: empty request", p2p.SpecProtocol, frame(), answer(p2p.StatusInvalid)},
		{"push: over jobspec.MaxSize", p2p.SpecPushProtocol, append(varint.ToUvarint(32+jobspec.MaxSize+1), make([]byte, 64<<10)...), tooLarge},
		{"push: hash only", p2p.SpecPushProtocol, frame(make([]byte, 32)), answer(p2p.StatusInvalid)},
		{"push: garbage spec", p2p.SpecPushProtocol, frame(garbage), answer(p2p.StatusInvalid)},
		{"result: 129-byte request", p2p.ResultProtocol, frame(make([]byte, 129)), tooLarge},
		{"result: not a CID", p2p.ResultProtocol, frame([]byte("hello")), answer(p2p.StatusInvalid)},
		{"probe: 113-byte request", p2p.ProbeProtocol, frame(make([]byte, 113)), tooLarge},
		{"probe: 111-byte request", p2p.ProbeProtocol, frame(make([]byte, 111)), answer(p2p.StatusInvalid)},
		{"random bytes", p2p.SpecProtocol, garbage, tooLarge},
		{"overflowing length", p2p.ResultProtocol, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, violation},
		{"non-minimal length", p2p.ProbeProtocol, []byte{0x80, 0x00}, violation},
		{"truncated request", p2p.SpecProtocol, frame(make([]byte, 32))[:10], violation},
		{"nothing", p2p.SpecPushProtocol, nil, violation},
	}
	for _, tr := range []struct {
		name string
		code int
	}{{"tcp", ma.P_TCP}, {"quic", ma.P_QUIC_V1}} {
		t.Run(tr.name, func(t *testing.T) {
			attacker := newClient(t, p2p.Limits{})
			info := only(server.AddrInfo(), tr.code)
			for _, tc := range cases {
				t.Run(tc.name, func(t *testing.T) {
					s := rawStream(t, attacker, info, tc.proto)
					// A QUIC server's reset can fail the write already.
					_, werr := s.Write(tc.send)
					_ = s.CloseWrite()
					got, err := readUntilError(s)
					if tc.want.code != 0 {
						code, ok := streamErrorCode(err)
						if wcode, wok := streamErrorCode(werr); werr != nil {
							code, ok = wcode, wok
						}
						if !ok || code != tc.want.code {
							t.Fatalf("got %d bytes then %v; want a reset with code %#x", len(got), err, tc.want.code)
						}
						return
					}
					if !errors.Is(err, io.EOF) {
						t.Fatalf("read: %v", err)
					}
					st, _, rerr := readResponse(bufio.NewReader(strings.NewReader(string(got))))
					if rerr != nil || st != tc.want.status {
						t.Fatalf("response %v (%v), want %v", st, rerr, tc.want.status)
					}
				})
			}
			// The attacker is not banned (its streams were the problem, not the peer), and
			// others are served.
			stillServes(t, attacker, server, hash, c)
			stillServes(t, newClient(t, p2p.Limits{}), server, hash, c)
		})
	}
}

// TestSlowPeer: the whole request must arrive within ReadTimeout, however the peer paces it;
// its slot is freed when it is cut.
func TestSlowPeer(t *testing.T) {
	const readTimeout = 300 * time.Millisecond
	server, hash, c := servingHost(t, p2p.Limits{ReadTimeout: readTimeout, StreamsPerPeer: 1, StreamsPerProtocol: 1})
	client := newClient(t, p2p.Limits{})

	for _, tc := range []struct {
		name string
		send func(s network.Stream, stop <-chan struct{})
	}{
		{"stalls", func(s network.Stream, _ <-chan struct{}) {
			_, _ = s.Write(frame(make([]byte, 32))[:10])
		}},
		{"drips", func(s network.Stream, stop <-chan struct{}) {
			tick := time.NewTicker(readTimeout / 6)
			defer tick.Stop()
			for _, b := range frame(make([]byte, 32)) {
				select {
				case <-stop:
					return
				case <-tick.C:
				}
				if _, err := s.Write([]byte{b}); err != nil {
					return
				}
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := rawStream(t, client, server.AddrInfo(), p2p.SpecProtocol)
			stop := make(chan struct{})
			var wg sync.WaitGroup
			wg.Go(func() { tc.send(s, stop) })
			start := time.Now()
			_, err := readUntilError(s)
			elapsed := time.Since(start)
			close(stop)
			wg.Wait()
			if !errors.Is(err, network.ErrReset) {
				t.Fatalf("read: %v, want a reset", err)
			}
			if elapsed < readTimeout-50*time.Millisecond || elapsed > 3*time.Second {
				t.Fatalf("reset after %v, ReadTimeout is %v", elapsed, readTimeout)
			}
			// StreamsPerPeer is 1: this works only if the cut stream gave its slot back.
			stillServes(t, client, server, hash, c)
		})
	}
}

// blockingSpecs is a SpecSource whose lookups wait until released.
type blockingSpecs struct {
	specs   *specMap
	entered chan struct{}
	release chan struct{}
}

func (b *blockingSpecs) Spec(h common.Hash) ([]byte, bool) {
	b.entered <- struct{}{}
	select {
	case <-b.release:
	case <-time.After(20 * time.Second):
	}
	return b.specs.Spec(h)
}

// TestConcurrencyLimits: a peer gets StreamsPerPeer streams per protocol and all peers
// StreamsPerProtocol; the excess is refused at once, and the slots come back.
func TestConcurrencyLimits(t *testing.T) {
	hash, spec := testSpec(t, 1)
	src := &blockingSpecs{specs: newSpecMap(spec), entered: make(chan struct{}, 10), release: make(chan struct{})}
	server := newHost(t, p2p.Config{Specs: src, Limits: p2p.Limits{StreamsPerPeer: 2, StreamsPerProtocol: 3}})
	a := newClient(t, p2p.Limits{})
	b := newClient(t, p2p.Limits{})
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()

	errs := make(chan error, 3)
	fetch := func(h *p2p.Host) {
		_, err := h.FetchSpec(ctx, server.AddrInfo(), hash)
		errs <- err
	}
	entered := func(n int) {
		t.Helper()
		for range n {
			select {
			case <-src.entered:
			case <-ctx.Done():
				t.Fatal("fetches never reached the source")
			}
		}
	}
	refused := func(h *p2p.Host, why string) {
		t.Helper()
		_, err := h.FetchSpec(ctx, server.AddrInfo(), hash)
		var re *p2p.RemoteError
		if !errors.Is(err, p2p.ErrRefused) || !errors.As(err, &re) || !strings.Contains(re.Message, "busy") {
			t.Fatalf("%s: %v, want a busy refusal", why, err)
		}
	}

	go fetch(a)
	go fetch(a)
	entered(2)
	refused(a, "a's third stream")
	// The limit is per protocol: a may still probe.
	req, _ := p2p.NewProbeRequest(common.Big1, common.Address{}, common.Address{}, 1)
	if _, err := a.Probe(ctx, server.AddrInfo(), req); err != nil {
		t.Fatalf("probe while a's spec slots are full: %v", err)
	}
	go fetch(b)
	entered(1)
	refused(b, "a fourth stream on the protocol")

	close(src.release)
	for range 3 {
		if err := <-errs; err != nil {
			t.Fatalf("held fetch: %v", err)
		}
	}
	for _, h := range []*p2p.Host{a, b} {
		if _, err := h.FetchSpec(ctx, server.AddrInfo(), hash); err != nil {
			t.Fatalf("fetch after release: %v", err)
		}
	}
}

// TestResourceManager: the libp2p resource manager runs with the configured limits (not
// libp2p's auto-scaled or unlimited defaults) and refuses connections over MaxConns.
func TestResourceManager(t *testing.T) {
	limits := p2p.Limits{
		MaxConns:          2,
		MaxConnsPerPeer:   1,
		MaxStreamsPerPeer: 10,
		MaxMemory:         96 << 20,
		MaxPeerMemory:     32 << 20,
		StreamsPerPeer:    3,
	}
	server, hash, c := servingHost(t, limits)
	rm := server.LibP2P().Network().ResourceManager()
	limit := func(view func(func(network.ResourceScope) error) error) rcmgr.Limit {
		var l rcmgr.Limit
		if err := view(func(s network.ResourceScope) error {
			l = s.(rcmgr.ResourceScopeLimiter).Limit()
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return l
	}
	sys := limit(rm.ViewSystem)
	if sys.GetConnTotalLimit() != 2 || sys.GetMemoryLimit() != 96<<20 {
		t.Fatalf("system limits: %d connections, %d bytes", sys.GetConnTotalLimit(), sys.GetMemoryLimit())
	}
	someone := peer.ID("someone")
	pl := limit(func(f func(network.ResourceScope) error) error {
		return rm.ViewPeer(someone, func(s network.PeerScope) error { return f(s) })
	})
	if pl.GetConnTotalLimit() != 1 || pl.GetStreamLimit(network.DirInbound) != 10 || pl.GetMemoryLimit() != 32<<20 {
		t.Fatalf("peer limits: %d connections, %d inbound streams, %d bytes", pl.GetConnTotalLimit(), pl.GetStreamLimit(network.DirInbound), pl.GetMemoryLimit())
	}
	pp := limit(func(f func(network.ResourceScope) error) error {
		return rm.ViewProtocol(p2p.SpecProtocol, func(s network.ProtocolScope) error { return f(s) })
	})
	if pp.GetStreamLimit(network.DirInbound) != 2*p2p.DefaultLimits.StreamsPerProtocol {
		t.Fatalf("spec protocol: %d inbound streams", pp.GetStreamLimit(network.DirInbound))
	}

	// Two clients fill MaxConns (TCP only: one connection each); a third is turned away.
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	info := only(server.AddrInfo(), ma.P_TCP)
	for range 2 {
		cl := newClient(t, p2p.Limits{})
		if _, err := cl.FetchSpec(ctx, info, hash); err != nil {
			t.Fatalf("FetchSpec: %v", err)
		}
	}
	third := newClient(t, p2p.Limits{})
	if _, err := third.FetchResult(ctx, info, c, 1<<20); err == nil {
		t.Fatalf("a third connection was served with MaxConns 2")
	}
}
