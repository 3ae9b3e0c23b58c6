package p2p_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"
	ma "github.com/multiformats/go-multiaddr"
	mh "github.com/multiformats/go-multihash"
	"github.com/multiformats/go-varint"
)

// testSpec is a valid spec; variant n differs in its arguments, so in its hash.
func testSpec(t testing.TB, n int) (common.Hash, []byte) {
	t.Helper()
	doc := fmt.Sprintf(`engine: docker
image: alpine:3.20
args: ["echo %d"]
resources: {cpu: 1, memory: 64MiB, disk: 100MB, time: 30s}
price: {payment: "2", collateral: "1"}
deadlines: {accept_within: 1m, run_within: 2m}
challenge_window: 10s
`, n)
	spec, err := jobspec.Parse([]byte(doc))
	if err != nil {
		t.Fatalf("parse test spec: %v", err)
	}
	data, err := spec.Canonical()
	if err != nil {
		t.Fatalf("canonical: %v", err)
	}
	hash, err := spec.Hash()
	if err != nil {
		t.Fatalf("hash: %v", err)
	}
	return hash, data
}

// bigSpec is a valid spec of about 700 KB: an inline input near jobspec.MaxInlineBytes.
func bigSpec(t testing.TB) (common.Hash, []byte) {
	t.Helper()
	doc := fmt.Sprintf(`engine: docker
image: alpine:3.20
inputs: [{path: blob.bin, content_base64: %s}]
resources: {cpu: 1, memory: 64MiB, disk: 100MB, time: 30s}
price: {payment: "2", collateral: "1"}
deadlines: {accept_within: 1m, run_within: 2m}
challenge_window: 10s
`, base64.StdEncoding.EncodeToString(randomBytes(t, jobspec.MaxInlineBytes)))
	spec, err := jobspec.Parse([]byte(doc))
	if err != nil {
		t.Fatalf("parse big spec: %v", err)
	}
	data, err := spec.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data), data
}

func newIdentity(t testing.TB) *identity.Identity {
	t.Helper()
	id, _, err := identity.LoadOrCreate(identity.Path(t.TempDir()))
	if err != nil {
		t.Fatalf("identity: %v", err)
	}
	return id
}

// newHost starts a host on loopback (TCP and QUIC) and stops it when the test ends.
func newHost(t testing.TB, cfg p2p.Config) *p2p.Host {
	t.Helper()
	if cfg.Identity == nil {
		cfg.Identity = newIdentity(t)
	}
	if cfg.Logger == nil {
		cfg.Logger = testharness.LevelLogger(t, slog.LevelDebug, "")
	}
	h, err := p2p.New(cfg)
	if err != nil {
		t.Fatalf("p2p.New: %v", err)
	}
	if err := h.Start(t.Context()); err != nil {
		t.Fatalf("start: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := h.Stop(ctx); err != nil {
			t.Errorf("stop: %v", err)
		}
	})
	return h
}

// newClient is a host that serves nothing.
func newClient(t testing.TB, limits p2p.Limits) *p2p.Host {
	return newHost(t, p2p.Config{DisableProbe: true, Limits: limits})
}

// only keeps the addresses of one transport (ma.P_TCP or ma.P_QUIC_V1).
func only(info peer.AddrInfo, code int) peer.AddrInfo {
	out := peer.AddrInfo{ID: info.ID}
	for _, a := range info.Addrs {
		if hasProtocol(a, code) {
			out.Addrs = append(out.Addrs, a)
		}
	}
	return out
}

func hasProtocol(a ma.Multiaddr, code int) bool {
	for _, c := range a {
		if c.Code() == code {
			return true
		}
	}
	return false
}

// specMap is a SpecSource.
type specMap struct {
	mu sync.Mutex
	m  map[common.Hash][]byte
}

func newSpecMap(specs ...[]byte) *specMap {
	s := &specMap{m: map[common.Hash][]byte{}}
	for _, d := range specs {
		s.m[common.Hash(sha256Sum(d))] = d
	}
	return s
}

func (s *specMap) Spec(h common.Hash) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.m[h]
	return d, ok
}

// sinkFunc is a SpecSink.
type sinkFunc func(ctx context.Context, from peer.ID, hash common.Hash, data []byte) error

func (f sinkFunc) AcceptSpec(ctx context.Context, from peer.ID, hash common.Hash, data []byte) error {
	return f(ctx, from, hash, data)
}

// recordingSink keeps what it accepts.
type recordingSink struct {
	mu  sync.Mutex
	got []pushed
}

type pushed struct {
	from peer.ID
	hash common.Hash
	data []byte
}

func (r *recordingSink) AcceptSpec(_ context.Context, from peer.ID, hash common.Hash, data []byte) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, pushed{from, hash, data})
	return nil
}

func (r *recordingSink) all() []pushed {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]pushed(nil), r.got...)
}

// resultMap is a ResultSource.
type resultMap map[cid.Cid][]byte

func (m resultMap) Open(c cid.Cid) (io.ReadCloser, int64, error) {
	d, ok := m[c]
	if !ok {
		return nil, 0, p2p.ErrNotFound
	}
	return io.NopCloser(bytes.NewReader(d)), int64(len(d)), nil
}

func cidOf(t testing.TB, data []byte) cid.Cid {
	t.Helper()
	sum, err := mh.Sum(data, mh.SHA2_256, -1)
	if err != nil {
		t.Fatal(err)
	}
	return cid.NewCidV1(cid.Raw, sum)
}

func randomBytes(t testing.TB, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

// rawStream opens a stream from client to server on proto without any of the host's
// protocol code: what a hostile peer does.
func rawStream(t testing.TB, client *p2p.Host, server peer.AddrInfo, proto protocol.ID) network.Stream {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	lh := client.LibP2P()
	if err := lh.Connect(ctx, server); err != nil {
		t.Fatalf("connect: %v", err)
	}
	s, err := lh.NewStream(ctx, server.ID, proto)
	if err != nil {
		t.Fatalf("open %s: %v", proto, err)
	}
	_ = s.SetDeadline(time.Now().Add(10 * time.Second))
	t.Cleanup(func() { _ = s.Reset() })
	return s
}

// frame is a varint-length-prefixed frame.
func frame(parts ...[]byte) []byte {
	body := bytes.Join(parts, nil)
	return append(varint.ToUvarint(uint64(len(body))), body...)
}

// readResponse reads one response frame from a raw stream.
func readResponse(r *bufio.Reader) (p2p.Status, []byte, error) {
	n, err := varint.ReadUvarint(r)
	if err != nil {
		return 0, nil, err
	}
	if n == 0 || n > 1<<21 {
		return 0, nil, fmt.Errorf("response frame of %d bytes", n)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return 0, nil, err
	}
	return p2p.Status(b[0]), b[1:], nil
}

// streamErrorCode returns the code of a remote stream reset, or false.
func streamErrorCode(err error) (network.StreamErrorCode, bool) {
	var se *network.StreamError
	if errors.As(err, &se) && se.Remote {
		return se.ErrorCode, true
	}
	return 0, false
}

// readUntilError reads s until an error and returns it with the bytes read.
func readUntilError(s network.Stream) ([]byte, error) {
	var buf bytes.Buffer
	_, err := io.Copy(&buf, s)
	if err == nil {
		err = io.EOF
	}
	return buf.Bytes(), err
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

func sha256Sum(b []byte) [32]byte { return sha256.Sum256(b) }
