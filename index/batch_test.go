package index_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/internal/simchain"
)

// rpcReplay is a replay that also answers eth_getBlockByNumber over an in-process JSON-RPC
// client, as an ethclient.Client's Client() does, for the index's header batches.
type rpcReplay struct {
	*replay
	rc      *rpc.Client
	batched *atomic.Int64 // headers served through it
}

func (r rpcReplay) Client() *rpc.Client { return r.rc }

type headerService struct {
	rec    *recording
	served *atomic.Int64
}

func (s *headerService) GetBlockByNumber(n hexutil.Uint64, _ bool) (*types.Header, error) {
	if uint64(n) >= uint64(len(s.rec.Headers)) {
		return nil, fmt.Errorf("no block %d", n)
	}
	s.served.Add(1)
	return s.rec.Headers[n], nil
}

func newRPCReplay(t *testing.T, rec *recording) rpcReplay {
	srv := rpc.NewServer()
	served := new(atomic.Int64)
	must(t, srv.RegisterName("eth", &headerService{rec: rec, served: served}))
	rc := rpc.DialInProc(srv)
	t.Cleanup(func() { rc.Close(); srv.Stop() })
	return rpcReplay{replay: &replay{rec: rec}, rc: rc, batched: served}
}

// TestReadsHeadersInBatches: given a chain client that can send JSON-RPC batches, the index
// reads the headers it checks a page's logs against in batches, one header per page alone
// (the last block's, before the logs), and ends equal to an index that read them one by one.
func TestReadsHeadersInBatches(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	story(t, c)
	rec := record(t, c)
	dir := t.TempDir()
	chain := newRPCReplay(t, rec)
	pages := 0
	ix, err := index.New(ctx, index.Config{Chain: chain, DB: openDB(t, filepath.Join(dir, "batched.db")), Addresses: c.Addr, ChainID: chainID(t, c),
		Span: 7, Progress: func(index.Progress) { pages++ }})
	must(t, err)
	_, err = ix.Sync(ctx)
	must(t, err)
	if single := chain.headers.Load(); single != int64(pages) || chain.batched.Load() < int64(pages) {
		t.Fatalf("%d pages read %d headers alone and %d in batches; want one alone per page, the rest batched", pages, single, chain.batched.Load())
	}
	_, err = newIndexer(t, &replay{rec: rec}, openDB(t, filepath.Join(dir, "clean.db")), c, 7).Sync(ctx)
	must(t, err)
	if got, want := dump(t, filepath.Join(dir, "batched.db")), dump(t, filepath.Join(dir, "clean.db")); got != want {
		t.Fatal("the index that batched its header reads differs from one that did not")
	}
}
