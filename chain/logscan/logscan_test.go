package logscan_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/chain/logscan"
)

// rpcError is a JSON-RPC error as go-ethereum's rpc client returns it.
type rpcError struct {
	code int
	msg  string
}

func (e rpcError) Error() string  { return e.msg }
func (e rpcError) ErrorCode() int { return e.code }

// fakeNode holds logs per block and refuses requests past its limits the way it is told.
type fakeNode struct {
	logs       map[uint64][]types.Log
	maxRange   uint64 // most blocks a request may span (to-from+1); 0: no limit
	maxResults int    // most logs a request may return; 0: no limit
	tooMany    error  // the refusal for too many results
	fail       error  // every request fails with this
	requests   [][2]uint64
}

func (f *fakeNode) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	from, to := q.FromBlock.Uint64(), q.ToBlock.Uint64()
	f.requests = append(f.requests, [2]uint64{from, to})
	if f.fail != nil {
		return nil, f.fail
	}
	if f.maxRange > 0 && to-from+1 > f.maxRange {
		return nil, rpcError{-32005, fmt.Sprintf("block range exceeds maximum of %d (got %d)", f.maxRange, to-from)}
	}
	var out []types.Log
	for b := from; b <= to; b++ {
		out = append(out, f.logs[b]...)
	}
	if f.maxResults > 0 && len(out) > f.maxResults {
		return nil, f.tooMany
	}
	return out, nil
}

func (f *fakeNode) SubscribeFilterLogs(context.Context, ethereum.FilterQuery, chan<- types.Log) (ethereum.Subscription, error) {
	return nil, errors.New("fakeNode: no subscriptions")
}

// chainOfLogs puts n logs at random blocks of 0..blocks-1, in chain order.
func chainOfLogs(r *rand.Rand, blocks uint64, n int) map[uint64][]types.Log {
	out := make(map[uint64][]types.Log)
	for range n {
		b := r.Uint64N(blocks)
		out[b] = append(out[b], types.Log{BlockNumber: b, Index: uint(len(out[b]))})
	}
	return out
}

func scanner(t *testing.T, f *fakeNode, span uint64) *logscan.Scanner {
	t.Helper()
	s, err := logscan.New(logscan.Config{Client: f, Span: span})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkExact fails unless got is every log of want in blocks from..to, each once, in order.
func checkExact(t *testing.T, want map[uint64][]types.Log, from, to uint64, got []types.Log) {
	t.Helper()
	i := 0
	for b := from; b <= to; b++ {
		for _, l := range want[b] {
			if i >= len(got) || got[i].BlockNumber != l.BlockNumber || got[i].Index != l.Index {
				t.Fatalf("log %d: got %+v, want block %d index %d", i, got[min(i, len(got)-1)], l.BlockNumber, l.Index)
			}
			i++
		}
	}
	if i != len(got) {
		t.Fatalf("%d logs, want %d", len(got), i)
	}
}

// checkPaged fails unless the requests that succeeded cover from..to in order, once.
func checkCovered(t *testing.T, pages []logscan.Page, from, to uint64) {
	t.Helper()
	next := from
	for _, p := range pages {
		if p.From != next || p.To < p.From {
			t.Fatalf("page %d-%d after block %d", p.From, p.To, next-1)
		}
		next = p.To + 1
	}
	if next != to+1 {
		t.Fatalf("pages end at %d, want %d", next-1, to)
	}
}

func TestScanShrinksAndResumes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	tooManyLotus := errors.New("failed to get events for filter: filter matches too many events, try a more restricted filter")
	tooManyInfura := rpcError{-32005, "query returned more than 10000 results"}
	cases := []struct {
		name       string
		span       uint64
		maxRange   uint64
		maxResults int
		tooMany    error
		blocks     uint64
		logs       int
	}{
		{name: "no limits", span: 100, blocks: 1000, logs: 3000},
		{name: "range limit below the span (Lotus's 2,880 epochs)", span: logscan.DefaultSpan * 2, maxRange: 2881, blocks: 9000, logs: 500},
		{name: "result limit said in words (Lotus)", span: 1000, maxResults: 50, tooMany: tooManyLotus, blocks: 3000, logs: 2000},
		{name: "result limit with -32005 (Infura)", span: 1000, maxResults: 50, tooMany: tooManyInfura, blocks: 3000, logs: 2000},
		{name: "both", span: 5000, maxRange: 700, maxResults: 40, tooMany: tooManyLotus, blocks: 6000, logs: 1500},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeNode{logs: chainOfLogs(r, tc.blocks, tc.logs), maxRange: tc.maxRange, maxResults: tc.maxResults, tooMany: tc.tooMany}
			s := scanner(t, f, tc.span)
			for _, rng := range [][2]uint64{{0, tc.blocks - 1}, {17, tc.blocks / 2}, {5, 5}} {
				var pages []logscan.Page
				var got []types.Log
				err := s.Scan(context.Background(), ethereum.FilterQuery{}, rng[0], rng[1], func(p logscan.Page) error {
					pages = append(pages, p)
					got = append(got, p.Logs...)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				checkCovered(t, pages, rng[0], rng[1])
				checkExact(t, f.logs, rng[0], rng[1], got)
				all, err := s.All(context.Background(), ethereum.FilterQuery{}, rng[0], rng[1])
				if err != nil {
					t.Fatal(err)
				}
				checkExact(t, f.logs, rng[0], rng[1], all)
			}
			for _, rq := range f.requests {
				if rq[1]-rq[0]+1 > tc.span {
					t.Fatalf("request %v spans more than %d blocks", rq, tc.span)
				}
			}
		})
	}
}

func TestScanRequestsWithoutLimits(t *testing.T) {
	f := &fakeNode{}
	s := scanner(t, f, 16)
	if err := s.Scan(context.Background(), ethereum.FilterQuery{}, 10, 50, func(logscan.Page) error { return nil }); err != nil {
		t.Fatal(err)
	}
	want := [][2]uint64{{10, 25}, {26, 41}, {42, 50}}
	if fmt.Sprint(f.requests) != fmt.Sprint(want) {
		t.Fatalf("requests %v, want %v", f.requests, want)
	}
	f.requests = nil
	if err := s.Scan(context.Background(), ethereum.FilterQuery{}, 51, 50, func(logscan.Page) error { return nil }); err != nil || len(f.requests) != 0 {
		t.Fatalf("an empty range: %v, requests %v", err, f.requests)
	}
}

func TestScanErrors(t *testing.T) {
	ctx := context.Background()
	// One block with more logs than the node returns cannot be read exactly.
	f := &fakeNode{logs: map[uint64][]types.Log{7: make([]types.Log, 11)}, maxResults: 10, tooMany: rpcError{-32005, "too many"}}
	err := scanner(t, f, 100).Scan(ctx, ethereum.FilterQuery{}, 0, 20, func(logscan.Page) error { return nil })
	var re *logscan.RangeError
	if !errors.As(err, &re) || re.From != 7 || re.To != 7 {
		t.Fatalf("dense block: %v", err)
	}

	// Any other failure is not retried, and says where the scan stopped.
	down := errors.New("connection refused")
	f = &fakeNode{fail: down}
	err = scanner(t, f, 100).Scan(ctx, ethereum.FilterQuery{}, 0, 1000, func(logscan.Page) error { return nil })
	if !errors.Is(err, down) || !errors.As(err, &re) || re.From != 0 || re.To != 99 || len(f.requests) != 1 {
		t.Fatalf("node down: %v after %d requests", err, len(f.requests))
	}

	// ErrStop ends the scan without an error; another error from the page function is returned.
	f = &fakeNode{}
	n := 0
	err = scanner(t, f, 10).Scan(ctx, ethereum.FilterQuery{}, 0, 100, func(logscan.Page) error { n++; return logscan.ErrStop })
	if err != nil || n != 1 {
		t.Fatalf("stop: %v after %d pages", err, n)
	}
	mine := errors.New("mine")
	err = scanner(t, f, 10).Scan(ctx, ethereum.FilterQuery{}, 0, 100, func(logscan.Page) error { return mine })
	if !errors.Is(err, mine) {
		t.Fatalf("page error: %v", err)
	}

	if _, err := logscan.New(logscan.Config{}); err == nil {
		t.Fatal("a Config without a Client passed Check")
	}
}

func TestTooMuch(t *testing.T) {
	cases := []struct {
		err  error
		want bool
	}{
		{rpcError{-32005, "block range exceeds maximum of 2880 (got 5000)"}, true},
		{rpcError{-32005, "anything"}, true},
		{errors.New("failed to get events for filter: filter matches too many events, try a more restricted filter"), true},
		{rpcError{-32005, "query returned more than 10000 results"}, true},
		{rpcError{-32602, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range"}, true},
		{rpcError{-32000, "eth_getLogs block range is too large"}, true},
		{fmt.Errorf("wrapped: %w", rpcError{-32005, "limit exceeded"}), true},
		{errors.New("connection refused"), false},
		{rpcError{-32000, "header not found"}, false},
		{context.DeadlineExceeded, false},
		{fmt.Errorf("post: %w", context.Canceled), false},
	}
	for _, tc := range cases {
		if got := logscan.TooMuch(tc.err); got != tc.want {
			t.Errorf("TooMuch(%q) = %v, want %v", tc.err, got, tc.want)
		}
	}
}
