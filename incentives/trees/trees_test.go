package trees_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/incentives/trees"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
)

// chainRoots is a Chain: the roots posted, by epoch and reporter.
type chainRoots map[uint64]map[common.Address]common.Hash

func (c chainRoots) RootOf(_ context.Context, epoch uint64, reporter common.Address) (common.Hash, *big.Int, error) {
	return c[epoch][reporter], new(big.Int), nil
}

func (c chainRoots) Reporter(_ context.Context, epoch uint64, root common.Hash) (common.Address, error) {
	for r, h := range c[epoch] {
		if h == root {
			return r, nil
		}
	}
	return common.Address{}, rewards.ErrNoRoot
}

// docs is a p2p.TreeSource.
type docs map[uint64][]byte

func (d docs) PublishedTree(epoch uint64) ([]byte, error) { return d[epoch], nil }

func build(t *testing.T, epoch uint64, amounts ...int64) (*merkle.Tree, []byte) {
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
	return tree, doc
}

func host(t *testing.T, src p2p.TreeSource) *p2p.Host {
	t.Helper()
	id, _, err := identity.LoadOrCreate(identity.Path(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	h, err := p2p.New(p2p.Config{Identity: id, DisableProbe: true, Trees: src, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Start(t.Context()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = h.Stop(ctx)
	})
	return h
}

func TestParseSource(t *testing.T) {
	id := "12D3KooWPoZfmXdsdRUNkZcMiYgbzPJNEouV9uA4Eqnia3ncFD1b"
	for _, tc := range []struct {
		in, url, peer, err string
	}{
		{in: "http://127.0.0.1:8547", url: "http://127.0.0.1:8547"},
		{in: "http://127.0.0.1:8547/", url: "http://127.0.0.1:8547"},
		{in: "https://probe.example/brine/trees/", url: "https://probe.example/brine"},
		{in: "http://h:1/x?q=1#f", url: "http://h:1/x"},
		{in: "/ip4/127.0.0.1/tcp/4001/p2p/" + id, peer: id},
		{in: "/ip4/127.0.0.1/tcp/4001", err: "/p2p/<peer ID>"},
		{in: "/nonsense", err: "not a multiaddr"},
		{in: "http://", err: "not a URL"},
		{in: "127.0.0.1:8547", err: "neither"},
	} {
		s, err := trees.ParseSource(tc.in)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: %v, want an error with %q", tc.in, err, tc.err)
			}
		case err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case s.URL != tc.url || (tc.peer != "") != (s.Peer != nil) || s.Peer != nil && s.Peer.ID.String() != tc.peer:
			t.Errorf("%q: %+v", tc.in, s)
		}
	}
}

// TestFetch: over libp2p and HTTP, a tree is returned only when its root is the one posted on
// chain, by the source's reporter when the source names one.
func TestFetch(t *testing.T) {
	honest, alice := common.Address{0xa1}, common.Address{0xa2}
	tree5, doc5 := build(t, 5, 100, 200)
	forged, forgedDoc := build(t, 6, 100, 2000) // served for epoch 6, never posted
	_, doc7 := build(t, 7, 1)                   // posted by alice, not by honest
	_, doc8 := build(t, 8, 1)                   // nobody posted it yet
	chain := chainRoots{5: {honest: tree5.Root()}, 6: {honest: common.Hash{6}}, 7: {alice: mustParse(t, doc7).Root()}}
	served := docs{5: doc5, 6: forgedDoc, 7: doc7, 8: doc8}

	h := host(t, served)
	client := host(t, nil)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var e uint64
		if _, err := fmt.Sscanf(r.URL.Path, "/trees/%d.json", &e); err != nil || served[e] == nil {
			http.NotFound(w, r)
			return
		}
		w.Write(served[e])
	}))
	t.Cleanup(srv.Close)
	info := h.AddrInfo()
	f := &trees.Fetcher{Host: client, Chain: chain}

	for _, src := range []trees.Source{{Peer: &info}, {URL: srv.URL}} {
		kind := "libp2p"
		if src.URL != "" {
			kind = "http"
		}
		t.Run(kind, func(t *testing.T) {
			named := src
			named.Reporter = honest
			for _, tc := range []struct {
				name     string
				src      trees.Source
				epoch    uint64
				want     error
				reporter common.Address
			}{
				{"posted root, reporter from the chain", src, 5, nil, honest},
				{"posted root, reporter named", named, 5, nil, honest},
				{"root not on chain", src, 6, trees.ErrNotOnChain, common.Address{}},
				{"root not on chain, reporter named", named, 6, trees.ErrNotOnChain, common.Address{}},
				{"another reporter's root", named, 7, trees.ErrNotOnChain, common.Address{}},
				{"another reporter's root, any reporter", src, 7, nil, alice},
				{"not posted yet", src, 8, trees.ErrNotOnChain, common.Address{}},
				{"no tree", src, 9, trees.ErrNotPublished, common.Address{}},
			} {
				t.Run(tc.name, func(t *testing.T) {
					got, err := f.Fetch(t.Context(), tc.src, tc.epoch)
					if !errors.Is(err, tc.want) {
						t.Fatalf("Fetch: %v, want %v", err, tc.want)
					}
					if tc.want != nil {
						if got != nil {
							t.Fatal("returned a tree with the error")
						}
						return
					}
					if got.Reporter != tc.reporter || got.Tree.Epoch() != tc.epoch {
						t.Fatalf("got reporter %s epoch %d, want %s %d", got.Reporter, got.Tree.Epoch(), tc.reporter, tc.epoch)
					}
				})
			}
		})
	}
	if forged.Root() == chain[6][honest] {
		t.Fatal("the forged tree's root must differ from the posted one")
	}
	if _, err := (&trees.Fetcher{Chain: chain}).Fetch(t.Context(), trees.Source{Peer: &info}, 5); !errors.Is(err, trees.ErrNoHost) {
		t.Errorf("libp2p source without a host: %v", err)
	}
}

// TestFetchChecksTheDocument: the peer layer returns the bytes a source served; Fetch returns
// a tree only when the document rebuilds from its own values, for the epoch asked, and hands
// back the document as served.
func TestFetchChecksTheDocument(t *testing.T) {
	honest := common.Address{0xa1}
	tree7, doc7 := build(t, 7, 5, 10, 15)
	_, doc8 := build(t, 8, 5, 10)
	// The values pay 5 and 10, the root claims another tree's: ParseTree recomputes it.
	_, small := build(t, 7, 5, 10)
	var forged map[string]any
	if err := json.Unmarshal(small, &forged); err != nil {
		t.Fatal(err)
	}
	other, _ := build(t, 7, 5, 1000)
	forged["root"] = other.Root().Hex()
	forgedDoc, err := json.Marshal(forged)
	if err != nil {
		t.Fatal(err)
	}
	chain := chainRoots{7: {honest: tree7.Root()}}
	client := host(t, nil)
	f := &trees.Fetcher{Host: client, Chain: chain}

	info := host(t, docs{7: doc7}).AddrInfo()
	got, err := f.Fetch(t.Context(), trees.Source{Peer: &info}, 7)
	if err != nil {
		t.Fatal(err)
	}
	if got.Tree.Root() != tree7.Root() || got.Tree.Len() != 3 || !bytes.Equal(got.Doc, doc7) {
		t.Fatalf("fetched root %s (%d leaves), want %s (3)", got.Tree.Root(), got.Tree.Len(), tree7.Root())
	}

	for _, tc := range []struct {
		name   string
		served []byte
		want   error
	}{
		{"another epoch's tree", doc8, trees.ErrTreeMismatch},
		{"root not from its values", forgedDoc, merkle.ErrInvalidDocument},
		{"not JSON", []byte("hello"), merkle.ErrInvalidDocument},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info := host(t, docs{7: tc.served}).AddrInfo()
			got, err := f.Fetch(t.Context(), trees.Source{Peer: &info}, 7)
			if !errors.Is(err, tc.want) || got != nil {
				t.Fatalf("Fetch: %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}

func mustParse(t *testing.T, doc []byte) *merkle.Tree {
	t.Helper()
	tree, err := merkle.ParseTree(doc)
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// TestLocalEndpoints: a prober's endpoint file is found by its data directory, resolves by the
// reporter's address, and is gone once removed.
func TestLocalEndpoints(t *testing.T) {
	dir := t.TempDir()
	id := "12D3KooWPoZfmXdsdRUNkZcMiYgbzPJNEouV9uA4Eqnia3ncFD1b"
	rep := common.HexToAddress("0x00000000000000000000000000000000000000aB")
	e := trees.Endpoint{Reporter: rep, HTTP: "http://127.0.0.1:8547", PID: 42, Addrs: []string{
		"/ip4/127.0.0.1/tcp/4001/p2p/" + id, "/ip4/127.0.0.1/udp/4001/quic-v1/p2p/" + id,
	}}
	if err := trees.WriteEndpoint(dir, e); err != nil {
		t.Fatal(err)
	}
	srcs, err := trees.Resolve(strings.ToLower(rep.Hex()), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 2 || srcs[0].Peer == nil || len(srcs[0].Peer.Addrs) != 2 || srcs[1].URL != e.HTTP || srcs[0].Reporter != rep || srcs[1].Reporter != rep {
		t.Fatalf("sources %+v", srcs)
	}
	all, err := trees.Local{DataDir: dir, Extra: []trees.Source{{URL: "http://other:1"}}}.Sources(t.Context())
	if err != nil || len(all) != 3 || all[0].URL != "http://other:1" {
		t.Fatalf("local sources %+v, %v", all, err)
	}
	if err := trees.RemoveEndpoint(dir, rep); err != nil {
		t.Fatal(err)
	}
	if _, err := trees.Resolve(rep.Hex(), dir); err == nil || !strings.Contains(err.Error(), "pass its tree URL") {
		t.Fatalf("after removal: %v", err)
	}
}
