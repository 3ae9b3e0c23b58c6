package txmgr

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/chain/revertdata"
	"github.com/brine-compute/brine/clock"
)

// Client is what the manager needs from a node. *ethclient.Client and the simulated backend's
// client satisfy it.
type Client interface {
	ChainID(ctx context.Context) (*big.Int, error)
	BlockNumber(ctx context.Context) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
	SuggestGasPrice(ctx context.Context) (*big.Int, error)
	EstimateGas(ctx context.Context, call ethereum.CallMsg) (uint64, error)
	CallContract(ctx context.Context, call ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error)
}

// SignerFunc signs a transaction for the configured From address. The wallet provides it; the
// manager never sees a key. It must return a transaction with the same fields, signed for the
// configured chain.
type SignerFunc func(ctx context.Context, tx *types.Transaction) (*types.Transaction, error)

// Clock is the manager's source of time, injected so that tests control resubmission.
type Clock = clock.Clock

// SystemClock is the wall clock.
var SystemClock = clock.System

// Metrics receives the manager's counters. Implementations must be safe for concurrent use.
type Metrics interface {
	TxSent()                                  // a request was signed, journaled and broadcast for the first time
	TxBumped()                                // a replacement with higher fees was signed and journaled
	TxFailed()                                // a request ended without a successful receipt (reverted or rejected)
	TxConfirmed(gasUsed uint64, fee *big.Int) // a request's receipt reached the confirmation depth; fee in wei
}

// NoopMetrics discards everything.
type NoopMetrics struct{}

func (NoopMetrics) TxSent()                      {}
func (NoopMetrics) TxBumped()                    {}
func (NoopMetrics) TxFailed()                    {}
func (NoopMetrics) TxConfirmed(uint64, *big.Int) {}

// Defaults for the zero values of Config.
const (
	DefaultConfirmations  = 1
	DefaultPollInterval   = 2 * time.Second
	DefaultResubmitAfter  = 60 * time.Second
	DefaultFeeBumpPercent = 15
	DefaultGasMargin      = 20
	DefaultCallTimeout    = 10 * time.Second
	DefaultRetryTimeout   = time.Minute
	DefaultHistory        = 4096

	// MinFeeBumpPercent is go-ethereum's txpool.PriceBump default (and Besu's, Erigon's,
	// Nethermind's): a replacement must raise both the tip and the fee cap by at least 10%.
	MinFeeBumpPercent = 10
)

// Config configures a Manager. Zero values of the optional fields take the defaults above.
type Config struct {
	Client  Client
	ChainID *big.Int       // required; checked against the node at Start
	From    common.Address // the hot wallet that signs every transaction
	Signer  SignerFunc

	// JournalPath is the bbolt file that records every signed transaction before it is
	// broadcast. One file per wallet and chain, in the caller's data directory.
	JournalPath string

	// Confirmations is the depth at which a receipt counts: 1 means "in the head block".
	Confirmations uint64
	// Finality is when a receipt counts: at or below the block the rule names (a depth, or
	// the node's "safe" or "finalized" block). Zero means finality.Depth(Confirmations); a
	// depth rule sets Confirmations to its depth.
	Finality finality.Rule
	// FinalityStall is how long, under a tag rule, neither the head nor the tag's block may
	// stay still while a receipt waits for the tag before Send gives up with
	// finality.ErrNotFinalizing (default finality.DefaultStallTime). A tag block that lags
	// the head by more than finality.DefaultMaxLag gives up at once.
	FinalityStall time.Duration
	// PollInterval is how often receipts and the head are checked.
	PollInterval time.Duration
	// ResubmitAfter is how long a transaction may stay unmined before the same nonce is
	// re-signed with higher fees (or simply rebroadcast when an earlier nonce is the one blocking).
	ResubmitAfter time.Duration
	// FeeBumpPercent raises both tip and fee cap of a replacement; at least MinFeeBumpPercent.
	// The default, 15, clears every client's 10% replacement rule with a margin for rounding
	// and outpaces the largest base-fee rise one block can bring (12.5%, EIP-1559).
	FeeBumpPercent uint64
	// GasMargin is the percentage added to gas estimates (default 20): the one margin every
	// gas limit gets, on any chain. Estimates come from the node, so a chain whose gas units
	// differ (FEVM's are ~200 times the EVM's) needs no other setting.
	GasMargin uint64
	// MaxFeePerGas caps the fee cap (or legacy gas price) of any transaction: a request whose
	// initial price would exceed it is refused, and bumps stop at it. Nil means no cap.
	MaxFeePerGas *big.Int
	// CallTimeout bounds each RPC call; a call that times out is retried.
	CallTimeout time.Duration
	// RetryTimeout is how long Send keeps retrying transient RPC failures before anything is
	// signed (estimation, fees, nonce); then it gives up, having sent nothing. Once a
	// transaction is journaled it is retried until it is confirmed or the manager stops.
	RetryTimeout time.Duration
	// History is how many finished requests the journal keeps, oldest pruned first. Sending a
	// request ID again returns its outcome only while the journal remembers it.
	History int

	// RevertDecoder names what a reverting call or transaction failed with; Send wraps its
	// error in ErrWouldRevert and ErrReverted, so callers can check it with errors.As. The
	// manager knows no ABI: nil means revertdata.Generic (Error(string), Panic(uint256), and
	// otherwise the selector in hex); Brine's commands pass reverts.DecodeError.
	RevertDecoder revertdata.Decoder

	Logger  *slog.Logger
	Metrics Metrics
	Clock   Clock
}

// Check validates c and fills in defaults.
func (c *Config) Check() error {
	var errs []error
	if c.Client == nil {
		errs = append(errs, errors.New("Client is required"))
	}
	if c.ChainID == nil || c.ChainID.Sign() <= 0 {
		errs = append(errs, errors.New("ChainID is required"))
	}
	if c.From == (common.Address{}) {
		errs = append(errs, errors.New("From is required"))
	}
	if c.Signer == nil {
		errs = append(errs, errors.New("Signer is required"))
	}
	if c.JournalPath == "" {
		errs = append(errs, errors.New("JournalPath is required"))
	}
	if c.Confirmations == 0 {
		c.Confirmations = DefaultConfirmations
	}
	if c.Finality.IsZero() {
		c.Finality = finality.Depth(c.Confirmations)
	}
	if err := c.Finality.Check(); err != nil {
		errs = append(errs, err)
	} else if c.Finality.IsDepth() {
		c.Confirmations = c.Finality.Depth
	}
	if c.PollInterval == 0 {
		c.PollInterval = DefaultPollInterval
	}
	if c.ResubmitAfter == 0 {
		c.ResubmitAfter = DefaultResubmitAfter
	}
	if c.FeeBumpPercent == 0 {
		c.FeeBumpPercent = DefaultFeeBumpPercent
	}
	if c.GasMargin == 0 {
		c.GasMargin = DefaultGasMargin
	}
	if c.CallTimeout == 0 {
		c.CallTimeout = DefaultCallTimeout
	}
	if c.RetryTimeout == 0 {
		c.RetryTimeout = DefaultRetryTimeout
	}
	if c.History == 0 {
		c.History = DefaultHistory
	}
	if c.FinalityStall == 0 {
		c.FinalityStall = finality.DefaultStallTime
	}
	if c.PollInterval < 0 || c.ResubmitAfter < 0 || c.CallTimeout < 0 || c.RetryTimeout < 0 || c.FinalityStall < 0 {
		errs = append(errs, errors.New("durations must be positive"))
	}
	if c.ResubmitAfter > 0 && c.PollInterval > 0 && c.ResubmitAfter < c.PollInterval {
		errs = append(errs, fmt.Errorf("ResubmitAfter (%v) is shorter than PollInterval (%v)", c.ResubmitAfter, c.PollInterval))
	}
	if c.FeeBumpPercent < MinFeeBumpPercent {
		errs = append(errs, fmt.Errorf("FeeBumpPercent %d is below the %d%% nodes require for a replacement", c.FeeBumpPercent, MinFeeBumpPercent))
	}
	if c.GasMargin > 1000 {
		errs = append(errs, fmt.Errorf("GasMargin %d%% is implausible", c.GasMargin))
	}
	if c.MaxFeePerGas != nil && c.MaxFeePerGas.Sign() <= 0 {
		errs = append(errs, errors.New("MaxFeePerGas must be positive (nil for no cap)"))
	}
	if c.History < 0 {
		errs = append(errs, errors.New("History must be positive"))
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Metrics == nil {
		c.Metrics = NoopMetrics{}
	}
	if c.Clock == nil {
		c.Clock = SystemClock
	}
	if c.RevertDecoder == nil {
		c.RevertDecoder = revertdata.Generic
	}
	if len(errs) > 0 {
		return fmt.Errorf("txmgr config: %w", errors.Join(errs...))
	}
	return nil
}
