package p2p_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/libp2p/go-libp2p/core/network"

	"github.com/brine-compute/brine/p2p"
)

// treeMap is a TreeSource.
type treeMap map[uint64][]byte

func (m treeMap) PublishedTree(epoch uint64) ([]byte, error) {
	if d, ok := m[epoch]; ok {
		return d, nil
	}
	return nil, p2p.ErrNotFound
}

// treeDoc stands for a tree's document: the wire carries it as bytes, and what a tree is
// (incentives/merkle) is the caller's to check (incentives/trees tests it).
func treeDoc(epoch uint64) []byte {
	return fmt.Appendf(nil, `{"format":"standard-v1","epoch":%d}`, epoch)
}

// treeAnswer is a well-formed tree response carrying doc, announcing size bytes.
func treeAnswer(size int, doc []byte) []byte {
	hdr := binary.BigEndian.AppendUint64([]byte{byte(p2p.StatusOK)}, uint64(size))
	return append(frame(hdr), doc...)
}

func TestTreeRoundTrip(t *testing.T) {
	doc7 := treeDoc(7)
	server := newHost(t, p2p.Config{DisableProbe: true, Trees: treeMap{7: doc7, 8: nil}})
	client := newClient(t, p2p.Limits{})
	info := server.AddrInfo()

	got, err := client.FetchTree(t.Context(), info, 7, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, doc7) {
		t.Fatalf("fetched %q, want %q", got, doc7)
	}
	for _, e := range []uint64{8, 9} { // closed without a tree; never closed
		if _, err := client.FetchTree(t.Context(), info, e, 0); !errors.Is(err, p2p.ErrNotFound) {
			t.Errorf("epoch %d: %v, want not found", e, err)
		}
	}
	if _, err := client.FetchTree(t.Context(), info, 7, int64(len(doc7)-1)); !errors.Is(err, p2p.ErrTooLarge) {
		t.Errorf("a tree over the caller's bound: %v, want ErrTooLarge", err)
	}
	// A host without a TreeSource does not offer the protocol at all.
	plain := newHost(t, p2p.Config{DisableProbe: true})
	if _, err := client.FetchTree(t.Context(), plain.AddrInfo(), 7, 0); err == nil || errors.Is(err, p2p.ErrNotFound) {
		t.Errorf("a host serving no trees: %v, want the protocol refused", err)
	}
}

// TestTreeLyingServer: whatever a peer serves, FetchTree returns only a document of the size
// announced, within the bound, followed by nothing. Whether the document is a tree for the epoch
// asked is the caller's check (incentives/trees TestFetchChecksTheDocument).
func TestTreeLyingServer(t *testing.T) {
	evil := newHost(t, p2p.Config{DisableProbe: true})
	client := newClient(t, p2p.Limits{})
	info := evil.AddrInfo()
	doc7 := treeDoc(7)

	for _, tc := range []struct {
		name   string
		answer func([]byte, network.Stream)
		want   error
	}{
		{"announces more than the bound", write(treeAnswer(p2p.MaxTreeSize+1, nil)), p2p.ErrTooLarge},
		{"shorter than announced", write(treeAnswer(len(doc7)+10, doc7)), p2p.ErrProtocol},
		{"bytes after the tree", write(append(treeAnswer(len(doc7), doc7), '!')), p2p.ErrProtocol},
		{"short header", write(frame([]byte{byte(p2p.StatusOK), 1, 2})), p2p.ErrProtocol},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lie(evil, p2p.TreeProtocol, tc.answer)
			doc, err := client.FetchTree(t.Context(), info, 7, 0)
			if !errors.Is(err, tc.want) || doc != nil {
				t.Fatalf("FetchTree: %q, %v; want %v", doc, err, tc.want)
			}
		})
	}
}

// TestTreeHostileRequest: a request that is not an 8-byte epoch is answered invalid; one over
// 8 bytes is reset before it is read.
func TestTreeHostileRequest(t *testing.T) {
	server := newHost(t, p2p.Config{DisableProbe: true, Trees: treeMap{1: treeDoc(1)}})
	client := newClient(t, p2p.Limits{})

	s := rawStream(t, client, server.AddrInfo(), p2p.TreeProtocol)
	if _, err := s.Write(frame([]byte("one"))); err != nil {
		t.Fatal(err)
	}
	_ = s.CloseWrite()
	body, err := io.ReadAll(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(body) < 2 || p2p.Status(body[1]) != p2p.StatusInvalid || !strings.Contains(string(body), "8-byte epoch") {
		t.Fatalf("answer %q, want invalid request", body)
	}

	s = rawStream(t, client, server.AddrInfo(), p2p.TreeProtocol)
	if _, err := s.Write(frame([]byte("epoch one"))); err != nil {
		t.Fatal(err)
	}
	_ = s.CloseWrite()
	_, err = readUntilError(s)
	if code, ok := streamErrorCode(err); !ok || code != network.StreamResourceLimitExceeded {
		t.Fatalf("an oversize request: %v, want a reset for exceeding the limit", err)
	}
}
