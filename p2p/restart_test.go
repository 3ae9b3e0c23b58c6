package p2p_test

import (
	"bufio"
	"context"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
	mh "github.com/multiformats/go-multihash"

	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
)

// The environment variables that make this test binary a serving peer (servingPeer).
const (
	peerKeyEnv    = "BRINE_P2P_TEST_PEER_KEY"
	peerBlobEnv   = "BRINE_P2P_TEST_PEER_BLOB"
	peerListenEnv = "BRINE_P2P_TEST_PEER_LISTEN"
)

// TestMain lets the test binary run as a separate serving peer, so a test can SIGKILL it: a
// host stopped in-process closes its QUIC connections politely, a killed process does not.
func TestMain(m *testing.M) {
	if key := os.Getenv(peerKeyEnv); key != "" {
		servingPeer(key, os.Getenv(peerBlobEnv), os.Getenv(peerListenEnv))
		return
	}
	os.Exit(m.Run())
}

// servingPeer serves one result blob (hex) over QUIC only (at listen, default a free port)
// with the identity at keyPath, prints its addresses and blocks until killed.
func servingPeer(keyPath, blobHex, listen string) {
	fail := func(err error) {
		os.Stderr.WriteString("serving peer: " + err.Error() + "\n")
		os.Exit(1)
	}
	id, err := identity.Load(keyPath)
	if err != nil {
		fail(err)
	}
	blob, err := hex.DecodeString(blobHex)
	if err != nil {
		fail(err)
	}
	sum, err := mh.Sum(blob, mh.SHA2_256, -1)
	if err != nil {
		fail(err)
	}
	c := cid.NewCidV1(cid.Raw, sum)
	if listen == "" {
		listen = "/ip4/127.0.0.1/udp/0/quic-v1"
	}
	h, err := p2p.New(p2p.Config{Identity: id, ListenAddrs: []string{listen},
		Results: resultMap{c: blob}, DisableProbe: true})
	if err != nil {
		fail(err)
	}
	if err := h.Start(context.Background()); err != nil {
		fail(err)
	}
	var addrs []string
	for _, a := range h.Addrs() {
		addrs = append(addrs, a.String())
	}
	os.Stdout.WriteString("ADDRS " + strings.Join(addrs, " ") + "\n")
	select {}
}

// startServingPeer runs the test binary as a serving peer and returns its address.
func startServingPeer(t *testing.T, keyPath string, blob []byte, listen string) (*exec.Cmd, peer.AddrInfo) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), peerKeyEnv+"="+keyPath, peerBlobEnv+"="+hex.EncodeToString(blob), peerListenEnv+"="+listen)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "ADDRS ") {
		t.Fatalf("serving peer did not start: %q %v", line, err)
	}
	id, err := identity.Load(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	info := peer.AddrInfo{ID: id.Peer}
	for _, s := range strings.Fields(strings.TrimPrefix(line, "ADDRS ")) {
		a, err := ma.NewMultiaddr(s)
		if err != nil {
			t.Fatal(err)
		}
		a, _ = peer.SplitAddr(a)
		info.Addrs = append(info.Addrs, a)
	}
	return cmd, info
}

// A provider's node killed (SIGKILL) and restarted under the same peer ID on a new port:
// the client's QUIC connection to the dead process still looks alive (UDP has no reset), and
// a stream opened on it used to hang until the exchange's deadline ("deadline exceeded" for
// half the clients of a kill campaign). The fetch must give up on the held connection after
// ReuseTimeout and dial the addresses it was given.
func TestFetchAfterPeerKilledAndRestarted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	keyPath := filepath.Join(dir, "peer.key")
	if _, _, err := identity.LoadOrCreate(keyPath); err != nil {
		t.Fatal(err)
	}
	blob := randomBytes(t, 4096)
	c := cidOf(t, blob)
	client := newClient(t, p2p.Limits{ReuseTimeout: time.Second})

	first, info := startServingPeer(t, keyPath, blob, "")
	fetch := func(info peer.AddrInfo, d time.Duration) error {
		ctx, cancel := context.WithTimeout(t.Context(), d)
		defer cancel()
		_, err := client.FetchResult(ctx, info, c, 1<<20)
		return err
	}
	if err := fetch(info, 20*time.Second); err != nil {
		t.Fatalf("first fetch: %v", err)
	}
	if err := first.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = first.Wait()
	if got := client.LibP2P().Network().Connectedness(info.ID); got.String() != "Connected" {
		t.Logf("the client already noticed the dead peer (%s); the test still checks the refetch", got)
	}
	second, restarted := startServingPeer(t, keyPath, blob, "")
	began := time.Now()
	if err := fetch(restarted, 15*time.Second); err != nil {
		t.Fatalf("fetch from the restarted peer at %v: %v", restarted.Addrs, err)
	}
	t.Logf("fetched from the restarted peer in %v", time.Since(began).Round(time.Millisecond))

	if err := second.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = second.Wait()

	// Restarted on the same address, as a node keeps its ports by default: a fetch while it
	// was down (TCP: connection refused) put its address in libp2p's dial backoff, which
	// used to refuse the next fetch at once for seconds to minutes ("dial backoff").
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	tcp := fmt.Sprintf("/ip4/127.0.0.1/tcp/%d", l.Addr().(*net.TCPAddr).Port)
	_ = l.Close()
	third, onTCP := startServingPeer(t, keyPath, blob, tcp)
	if err := fetch(onTCP, 15*time.Second); err != nil {
		t.Fatalf("fetch over TCP: %v", err)
	}
	if err := third.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = third.Wait()
	if err := fetch(onTCP, 5*time.Second); err == nil {
		t.Fatal("fetched from a killed peer")
	}
	_, same := startServingPeer(t, keyPath, blob, tcp)
	if err := fetch(same, 15*time.Second); err != nil {
		t.Fatalf("fetch from the peer restarted at the same address %v: %v", same.Addrs, err)
	}
}
