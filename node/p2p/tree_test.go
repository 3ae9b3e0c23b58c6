package p2p_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/network"

	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/node/p2p"
)

// treeMap is a TreeSource.
type treeMap map[uint64][]byte

func (m treeMap) PublishedTree(epoch uint64) ([]byte, error) {
	if d, ok := m[epoch]; ok {
		return d, nil
	}
	return nil, p2p.ErrNotFound
}

func treeDoc(t testing.TB, epoch uint64, amounts ...int64) ([]byte, *merkle.Tree) {
	t.Helper()
	var leaves []merkle.Leaf
	for i, a := range amounts {
		leaves = append(leaves, merkle.Leaf{Epoch: epoch, Provider: common.Address{byte(i + 1)}, Amount: big.NewInt(a)})
	}
	tree, err := merkle.Build(leaves)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := json.Marshal(tree)
	if err != nil {
		t.Fatal(err)
	}
	return doc, tree
}

// treeAnswer is a well-formed tree response carrying doc, announcing size bytes.
func treeAnswer(size int, doc []byte) []byte {
	hdr := binary.BigEndian.AppendUint64([]byte{byte(p2p.StatusOK)}, uint64(size))
	return append(frame(hdr), doc...)
}

func TestTreeRoundTrip(t *testing.T) {
	doc7, tree7 := treeDoc(t, 7, 5, 10, 15)
	server := newHost(t, p2p.Config{DisableProbe: true, Trees: treeMap{7: doc7, 8: nil}})
	client := newClient(t, p2p.Limits{})
	info := server.AddrInfo()

	tree, got, err := client.FetchTree(t.Context(), info, 7, 0)
	if err != nil {
		t.Fatal(err)
	}
	if tree.Root() != tree7.Root() || tree.Len() != 3 || !bytes.Equal(got, doc7) {
		t.Fatalf("fetched root %s (%d leaves), want %s (3)", tree.Root(), tree.Len(), tree7.Root())
	}
	for _, e := range []uint64{8, 9} { // closed without a tree; never closed
		if _, _, err := client.FetchTree(t.Context(), info, e, 0); !errors.Is(err, p2p.ErrNotFound) {
			t.Errorf("epoch %d: %v, want not found", e, err)
		}
	}
	if _, _, err := client.FetchTree(t.Context(), info, 7, int64(len(doc7)-1)); !errors.Is(err, p2p.ErrTooLarge) {
		t.Errorf("a tree over the caller's bound: %v, want ErrTooLarge", err)
	}
	// A host without a TreeSource does not offer the protocol at all.
	plain := newHost(t, p2p.Config{DisableProbe: true})
	if _, _, err := client.FetchTree(t.Context(), plain.AddrInfo(), 7, 0); err == nil || errors.Is(err, p2p.ErrNotFound) {
		t.Errorf("a host serving no trees: %v, want the protocol refused", err)
	}
}

// TestTreeLyingServer: whatever a peer serves, FetchTree returns only a tree that rebuilds from
// its own values, for the epoch asked.
func TestTreeLyingServer(t *testing.T) {
	evil := newHost(t, p2p.Config{DisableProbe: true})
	client := newClient(t, p2p.Limits{})
	info := evil.AddrInfo()
	doc7, _ := treeDoc(t, 7, 5, 10)
	doc8, _ := treeDoc(t, 8, 5, 10)
	// The values pay 5 and 10, the root claims another tree's: ParseTree recomputes it.
	var forged map[string]any
	if err := json.Unmarshal(doc7, &forged); err != nil {
		t.Fatal(err)
	}
	_, other := treeDoc(t, 7, 5, 1000)
	forged["root"] = other.Root().Hex()
	forgedDoc, _ := json.Marshal(forged)

	for _, tc := range []struct {
		name   string
		answer func([]byte, network.Stream)
		want   error
	}{
		{"another epoch's tree", write(treeAnswer(len(doc8), doc8)), p2p.ErrTreeMismatch},
		{"root not from its values", write(treeAnswer(len(forgedDoc), forgedDoc)), merkle.ErrInvalidDocument},
		{"not JSON", write(treeAnswer(5, []byte("hello"))), merkle.ErrInvalidDocument},
		{"announces more than the bound", write(treeAnswer(p2p.MaxTreeSize+1, nil)), p2p.ErrTooLarge},
		{"shorter than announced", write(treeAnswer(len(doc7)+10, doc7)), p2p.ErrProtocol},
		{"bytes after the tree", write(append(treeAnswer(len(doc7), doc7), '!')), p2p.ErrProtocol},
		{"short header", write(frame([]byte{byte(p2p.StatusOK), 1, 2})), p2p.ErrProtocol},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lie(evil, p2p.TreeProtocol, tc.answer)
			tree, doc, err := client.FetchTree(t.Context(), info, 7, 0)
			if !errors.Is(err, tc.want) || tree != nil || doc != nil {
				t.Fatalf("FetchTree: %v, %v; want %v", tree, err, tc.want)
			}
		})
	}
}

// TestTreeHostileRequest: a request that is not an 8-byte epoch is answered invalid; one over
// 8 bytes is reset before it is read.
func TestTreeHostileRequest(t *testing.T) {
	doc, _ := treeDoc(t, 1, 1)
	server := newHost(t, p2p.Config{DisableProbe: true, Trees: treeMap{1: doc}})
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
