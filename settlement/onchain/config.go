package onchain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/deploy"
)

// Client is what a Settlement needs from a chain connection. *ethclient.Client and the
// simulated backend's client satisfy it. Transactions never go through it: see Sender.
type Client interface {
	ChainID(ctx context.Context) (*big.Int, error)
	BlockNumber(ctx context.Context) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	CallContract(ctx context.Context, call ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// Tx is one transaction for the Sender to sign, send and wait for.
type Tx struct {
	// ID is the idempotency key (see the package documentation for the rule): sending the same
	// ID again must not send a second transaction.
	ID   string
	To   common.Address
	Data []byte
	// Sent, if set, is told the transaction's nonce each time it is broadcast (the first time:
	// every later transaction of the account executes after it). A Sender that cannot tell
	// never calls it; its caller takes Send's return for the broadcast.
	Sent func(nonce uint64) `json:"-"`
}

// Sender sends transactions from the Settlement's account and returns the receipt once the
// transaction is final. A call that would revert comes back as an error wrapping the decoded
// *reverts.Error (package chain/reverts); a mined transaction that failed comes back as an
// error too.
type Sender interface {
	Send(ctx context.Context, tx Tx) (*types.Receipt, error)
}

// HashSigner signs a 32-byte digest with the account's key, returning [R || S || V] (65
// bytes, V 0/1 or 27/28). wallet.Signer has it.
type HashSigner interface {
	SignHash(hash []byte) ([]byte, error)
}

// Config configures a Settlement.
type Config struct {
	// Client reads the chain.
	Client Client
	// Addresses are the deployment; Addresses.Block is where log scans start.
	Addresses deploy.Addresses
	// Account is the account the Settlement acts as (may be zero for a read-only Settlement).
	Account common.Address
	// Sender sends Account's transactions. Nil makes the Settlement read-only: every write
	// fails with settlement.ErrNotAllowed.
	Sender Sender
	// Signer signs ERC-2612 permits for Account, so PostJob needs one transaction instead of
	// two. Optional: nil means approve-then-post.
	Signer HashSigner
	// Logger receives debug logs of sends and retries. Nil discards them.
	Logger *slog.Logger
	// Clock paces a post waiting for the account's posts in flight (nil: the wall clock).
	Clock clock.Clock
}

// Check reports every problem with c.
func (c Config) Check() error {
	var errs []error
	if c.Client == nil {
		errs = append(errs, errors.New("Client is required"))
	}
	if c.Addresses.Token == (common.Address{}) || c.Addresses.Registry == (common.Address{}) || c.Addresses.Market == (common.Address{}) {
		errs = append(errs, errors.New("Addresses.Token, Registry and Market are required"))
	}
	if c.Sender != nil && c.Account == (common.Address{}) {
		errs = append(errs, errors.New("Account is required with a Sender"))
	}
	if c.Signer != nil && c.Sender == nil {
		errs = append(errs, errors.New("Signer without Sender: a read-only Settlement signs nothing"))
	}
	if len(errs) > 0 {
		return fmt.Errorf("settlement/onchain config: %w", errors.Join(errs...))
	}
	return nil
}
