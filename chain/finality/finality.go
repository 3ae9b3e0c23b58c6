package finality

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// Tag is a block tag a node resolves: "safe" or "finalized"; empty for a depth rule.
type Tag string

// The tags a Rule may name.
const (
	Safe      Tag = "safe"
	Finalized Tag = "finalized"
)

// MaxDepth bounds a depth rule, as --confirmations has always been bounded.
const MaxDepth = 1000

// Rule is how a chain decides which blocks count: a depth (Tag empty) or a tag. The zero Rule
// is no rule; callers replace it by their default (Depth of their confirmations).
type Rule struct {
	Tag   Tag
	Depth uint64 // with an empty Tag: a block counts once it is Depth deep, 1 = the head
}

// Depth is the rule "a block counts once it is n deep" (n = 1: the head counts).
func Depth(n uint64) Rule { return Rule{Depth: n} }

// ErrBadRule is what Parse and Check wrap.
var ErrBadRule = errors.New("finality")

// Parse reads "depth:N", "safe" or "finalized".
func Parse(s string) (Rule, error) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case string(Safe):
		return Rule{Tag: Safe}, nil
	case string(Finalized):
		return Rule{Tag: Finalized}, nil
	}
	if n, ok := strings.CutPrefix(strings.ToLower(s), "depth:"); ok {
		d, err := strconv.ParseUint(strings.TrimSpace(n), 10, 64)
		if err != nil {
			return Rule{}, fmt.Errorf("%w: %q: the depth must be a whole number of blocks, like depth:12", ErrBadRule, s)
		}
		r := Depth(d)
		return r, r.Check()
	}
	return Rule{}, fmt.Errorf("%w: %q: want depth:N, safe or finalized", ErrBadRule, s)
}

// Check reports a rule no chain can follow.
func (r Rule) Check() error {
	switch r.Tag {
	case "":
		if r.Depth == 0 || r.Depth > MaxDepth {
			return fmt.Errorf("%w: depth must be 1 to %d, not %d", ErrBadRule, MaxDepth, r.Depth)
		}
	case Safe, Finalized:
		if r.Depth != 0 {
			return fmt.Errorf("%w: %s takes no depth", ErrBadRule, r.Tag)
		}
	default:
		return fmt.Errorf("%w: unknown tag %q: want safe or finalized", ErrBadRule, r.Tag)
	}
	return nil
}

// IsZero reports the zero Rule (no rule given).
func (r Rule) IsZero() bool { return r == Rule{} }

// IsDepth reports a depth rule.
func (r Rule) IsDepth() bool { return r.Tag == "" }

// String is the rule as Parse reads it.
func (r Rule) String() string {
	if r.Tag != "" {
		return string(r.Tag)
	}
	return "depth:" + strconv.FormatUint(r.Depth, 10)
}

// Client is what a Source reads. *ethclient.Client and the simulated backend's client have it.
type Client interface {
	BlockNumber(ctx context.Context) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Source answers the highest block that counts. ok is false while no block does (a chain
// younger than the depth). Implementations are safe for concurrent use.
type Source interface {
	Final(ctx context.Context) (block uint64, ok bool, err error)
}

// New is the Source that applies r to what c reads. r must pass Check.
func New(c Client, r Rule) Source { return reader{client: c, rule: r} }

type reader struct {
	client Client
	rule   Rule
}

func (f reader) Final(ctx context.Context) (uint64, bool, error) {
	if f.rule.IsDepth() {
		head, err := f.client.BlockNumber(ctx)
		if err != nil {
			return 0, false, fmt.Errorf("finality: head block: %w", err)
		}
		if head+1 < f.rule.Depth {
			return 0, false, nil
		}
		return head + 1 - f.rule.Depth, true, nil
	}
	tag := rpc.SafeBlockNumber
	if f.rule.Tag == Finalized {
		tag = rpc.FinalizedBlockNumber
	}
	h, err := f.client.HeaderByNumber(ctx, big.NewInt(int64(tag)))
	if err != nil {
		return 0, false, fmt.Errorf("finality: the %s block: %w", f.rule.Tag, err)
	}
	if h == nil || h.Number == nil {
		return 0, false, fmt.Errorf("finality: the node named no %s block", f.rule.Tag)
	}
	return h.Number.Uint64(), true, nil
}

// Counts reports whether block counts under src: at or below its final block.
func Counts(ctx context.Context, src Source, block uint64) (bool, error) {
	final, ok, err := src.Final(ctx)
	if err != nil || !ok {
		return false, err
	}
	return block <= final, nil
}
