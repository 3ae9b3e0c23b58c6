package finality_test

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/brine-compute/brine/chain/finality"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want finality.Rule
		bad  bool
	}{
		{in: "depth:1", want: finality.Depth(1)},
		{in: "depth:12", want: finality.Depth(12)},
		{in: " Depth:3 ", want: finality.Depth(3)},
		{in: "safe", want: finality.Rule{Tag: finality.Safe}},
		{in: "FINALIZED", want: finality.Rule{Tag: finality.Finalized}},
		{in: "depth:0", bad: true},
		{in: "depth:1001", bad: true},
		{in: "depth:-1", bad: true},
		{in: "depth:", bad: true},
		{in: "12", bad: true},
		{in: "latest", bad: true},
		{in: "", bad: true},
	} {
		got, err := finality.Parse(tc.in)
		if tc.bad {
			if !errors.Is(err, finality.ErrBadRule) {
				t.Errorf("Parse(%q) = %v, %v; want ErrBadRule", tc.in, got, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
		if again, err := finality.Parse(got.String()); err != nil || again != got {
			t.Errorf("Parse(%q.String()) = %v, %v", tc.in, again, err)
		}
	}
	if err := (finality.Rule{Tag: finality.Safe, Depth: 3}).Check(); !errors.Is(err, finality.ErrBadRule) {
		t.Errorf("safe with a depth: %v", err)
	}
}

// chain answers the head and the tags as a node would; a nil tag is a node that names none.
type chain struct {
	head       uint64
	safe, fin  *uint64
	err        error
	headerCall int
}

func (c *chain) BlockNumber(context.Context) (uint64, error) { return c.head, c.err }

func (c *chain) HeaderByNumber(_ context.Context, n *big.Int) (*types.Header, error) {
	c.headerCall++
	if c.err != nil {
		return nil, c.err
	}
	var at *uint64
	switch n.Int64() {
	case int64(rpc.SafeBlockNumber):
		at = c.safe
	case int64(rpc.FinalizedBlockNumber):
		at = c.fin
	default:
		return nil, errors.New("the test reads only tags")
	}
	if at == nil {
		return nil, nil
	}
	return &types.Header{Number: new(big.Int).SetUint64(*at)}, nil
}

func at(n uint64) *uint64 { return &n }

func TestFinal(t *testing.T) {
	boom := errors.New("node down")
	for _, tc := range []struct {
		name   string
		rule   finality.Rule
		chain  chain
		want   uint64
		ok     bool
		err    error
		errAny bool
	}{
		{name: "depth 1 is the head", rule: finality.Depth(1), chain: chain{head: 100}, want: 100, ok: true},
		{name: "depth 12", rule: finality.Depth(12), chain: chain{head: 100}, want: 89, ok: true},
		{name: "depth as deep as the chain", rule: finality.Depth(101), chain: chain{head: 100}, want: 0, ok: true},
		{name: "a chain younger than the depth", rule: finality.Depth(102), chain: chain{head: 100}},
		{name: "finalized", rule: finality.Rule{Tag: finality.Finalized}, chain: chain{head: 1000, fin: at(100), safe: at(800)}, want: 100, ok: true},
		{name: "safe", rule: finality.Rule{Tag: finality.Safe}, chain: chain{head: 1000, fin: at(100), safe: at(800)}, want: 800, ok: true},
		{name: "finalized at genesis", rule: finality.Rule{Tag: finality.Finalized}, chain: chain{head: 10, fin: at(0)}, want: 0, ok: true},
		{name: "no finalized block named", rule: finality.Rule{Tag: finality.Finalized}, chain: chain{head: 10}, errAny: true},
		{name: "depth, node down", rule: finality.Depth(3), chain: chain{err: boom}, err: boom},
		{name: "tag, node down", rule: finality.Rule{Tag: finality.Safe}, chain: chain{err: boom}, err: boom},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.chain
			got, ok, err := finality.New(&c, tc.rule).Final(context.Background())
			switch {
			case tc.err != nil:
				if !errors.Is(err, tc.err) {
					t.Fatalf("err %v, want %v", err, tc.err)
				}
				return
			case tc.errAny:
				if err == nil {
					t.Fatal("no error")
				}
				return
			case err != nil:
				t.Fatal(err)
			}
			if got != tc.want || ok != tc.ok {
				t.Fatalf("Final = %d, %v; want %d, %v", got, ok, tc.want, tc.ok)
			}
			if tc.rule.IsDepth() && c.headerCall != 0 {
				t.Fatal("a depth rule read a header")
			}
		})
	}
}

func TestCounts(t *testing.T) {
	c := &chain{head: 50, fin: at(40)}
	src := finality.New(c, finality.Rule{Tag: finality.Finalized})
	for block, want := range map[uint64]bool{39: true, 40: true, 41: false, 50: false} {
		if got, err := finality.Counts(context.Background(), src, block); err != nil || got != want {
			t.Errorf("Counts(%d) = %v, %v; want %v", block, got, err, want)
		}
	}
	young := finality.New(&chain{head: 2}, finality.Depth(5))
	if got, err := finality.Counts(context.Background(), young, 0); err != nil || got {
		t.Errorf("a block counts on a chain younger than the depth: %v, %v", got, err)
	}
}

func TestStall(t *testing.T) {
	t0 := time.Unix(1_000_000, 0)
	after := func(d time.Duration) time.Time { return t0.Add(d) }
	type obs struct {
		at          time.Duration
		head, final uint64
		ok          bool
	}
	for _, tc := range []struct {
		name string
		obs  []obs
		bad  bool // the last observation reports ErrNotFinalizing
	}{
		{name: "a young chain, finalized at genesis", obs: []obs{{0, 50, 0, true}, {time.Minute, 60, 0, true}}},
		{name: "Lotus without F3, 900 behind", obs: []obs{{0, 5000, 4100, true}, {time.Minute, 5002, 4102, true}}},
		{name: "finalized at genesis, the head far past", obs: []obs{{0, 1801, 0, true}}, bad: true},
		{name: "finality stalled behind a moving head", obs: []obs{{0, 1000, 900, true}, {time.Hour, 2701, 900, true}}, bad: true},
		{name: "no block for the stall time", obs: []obs{{0, 7, 0, true}, {time.Minute, 7, 0, true}, {finality.DefaultStallTime, 7, 0, true}}, bad: true},
		{name: "no block, not yet the stall time", obs: []obs{{0, 7, 0, true}, {finality.DefaultStallTime - time.Second, 7, 0, true}}},
		{name: "the head moves, the tag does not yet", obs: []obs{{0, 7, 0, true}, {3 * time.Minute, 8, 0, true}, {finality.DefaultStallTime + time.Minute, 9, 0, true}}},
		{name: "the tag moves, the head does not", obs: []obs{{0, 70, 32, true}, {3 * time.Minute, 70, 64, true}, {finality.DefaultStallTime + time.Minute, 70, 64, true}}},
		{name: "no tag named, nothing moves", obs: []obs{{0, 7, 0, false}, {finality.DefaultStallTime, 7, 0, false}}, bad: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &finality.Stall{Rule: finality.Rule{Tag: finality.Finalized}}
			for i, o := range tc.obs {
				err := s.Observe(after(o.at), o.head, o.final, o.ok)
				last := i == len(tc.obs)-1
				switch {
				case last && tc.bad && !errors.Is(err, finality.ErrNotFinalizing):
					t.Fatalf("observation %d: %v, want ErrNotFinalizing", i, err)
				case (!last || !tc.bad) && err != nil:
					t.Fatalf("observation %d: %v, want none", i, err)
				}
			}
		})
	}
}
