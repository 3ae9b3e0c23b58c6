package logscan

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// DefaultSpan is the most blocks one request covers unless a Config says otherwise: within
// Lotus's default of 2,880 epochs and the ranges common public endpoints accept.
const DefaultSpan = 2000

// CodeLimitExceeded is the JSON-RPC error code of EIP-1474 for a request over a node's limit,
// which Lotus returns for an eth_getLogs range past its MaxFilterHeightRange.
const CodeLimitExceeded = -32005

// ErrStop, returned by a page function, ends a scan early without an error.
var ErrStop = errors.New("logscan: stop")

// Filterer is the one call a Scanner makes (go-ethereum's ethclient has it).
type Filterer interface {
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// Config is what a Scanner reads with and how much it asks for at once.
type Config struct {
	Client Filterer
	// Span is the most blocks one eth_getLogs request covers; zero means DefaultSpan.
	Span uint64
}

// Check names a bad field and its fix.
func (c Config) Check() error {
	if c.Client == nil {
		return errors.New("logscan: Client is nil: give the chain client whose logs to read")
	}
	return nil
}

// Scanner pages eth_getLogs. It keeps no state between scans and is safe for concurrent use.
type Scanner struct {
	client Filterer
	span   uint64
}

// New returns a Scanner reading through cfg.Client.
func New(cfg Config) (*Scanner, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	span := cfg.Span
	if span == 0 {
		span = DefaultSpan
	}
	return &Scanner{client: cfg.Client, span: span}, nil
}

// Page is one answered request: every log matching the query in blocks From..To, as the node
// returned them.
type Page struct {
	From, To uint64
	Logs     []types.Log
}

// RangeError is a request the node refused or failed for another reason than its limits.
// Blocks before From were all delivered; a caller that kept the pages can resume at From.
type RangeError struct {
	From, To uint64
	Err      error
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("logs of blocks %d-%d: %v", e.From, e.To, e.Err)
}

func (e *RangeError) Unwrap() error { return e.Err }

// Scan reads the logs matching q (its block fields are ignored) in blocks from..to and hands
// them to page one request at a time, in block order, each block exactly once. page returning
// ErrStop ends the scan with nil; any other error ends it with that error. from > to scans
// nothing.
func (s *Scanner) Scan(ctx context.Context, q ethereum.FilterQuery, from, to uint64, page func(Page) error) error {
	q.BlockHash = nil
	span := s.span
	for start := from; start <= to; {
		end := to
		if to-start >= span {
			end = start + span - 1
		}
		q.FromBlock = new(big.Int).SetUint64(start)
		q.ToBlock = new(big.Int).SetUint64(end)
		logs, err := s.client.FilterLogs(ctx, q)
		if err != nil {
			if ctx.Err() == nil && end > start && TooMuch(err) {
				span = (end - start + 1) / 2
				continue
			}
			return &RangeError{From: start, To: end, Err: err}
		}
		if err := page(Page{From: start, To: end, Logs: logs}); err != nil {
			if errors.Is(err, ErrStop) {
				return nil
			}
			return err
		}
		if end == to {
			break
		}
		start = end + 1
		span = min(span*2, s.span)
	}
	return nil
}

// All returns every log matching q in blocks from..to, in the order the pages returned them.
func (s *Scanner) All(ctx context.Context, q ethereum.FilterQuery, from, to uint64) ([]types.Log, error) {
	var out []types.Log
	err := s.Scan(ctx, q, from, to, func(p Page) error {
		out = append(out, p.Logs...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// tooMuchWords are how nodes that send no -32005 say a request covered too many blocks or
// matched too many logs: Lotus's "filter matches too many events", Infura's "query returned
// more than 10000 results", Alchemy's "Log response size exceeded", and the "block range"
// refusals of others. Matching text is the exception here because these nodes say it in no
// other way; it only ever halves a range, so a false match costs requests, never logs.
var tooMuchWords = []string{
	"too many",
	"query returned more than",
	"response size exceeded",
	"block range",
	"range is too large",
	"range too large",
	"limit exceeded",
	"exceeds maximum",
	"exceed maximum",
	"max results",
}

// TooMuch reports whether err is a node's refusal of a request for covering too many blocks
// or matching too many logs.
func TooMuch(err error) bool {
	var rerr rpc.Error
	if errors.As(err, &rerr) && rerr.ErrorCode() == CodeLimitExceeded {
		return true
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	text := strings.ToLower(err.Error())
	for _, w := range tooMuchWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}
