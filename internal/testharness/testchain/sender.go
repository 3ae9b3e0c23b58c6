package testchain

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
)

// sender sends one account's transactions with consecutive nonces it holds under a lock, so
// that tests running in parallel can fund from the same account; the waiting for receipts
// happens outside the lock, so parallel fundings share blocks. Its next nonce is the larger of
// its own count and the node's pending nonce, as the transaction manager's is, so that a test
// acting as the same account in between (a market's governance) does not make it reuse one.
type sender struct {
	client *ethclient.Client
	from   common.Address
	sign   func(context.Context, *types.Transaction) (*types.Transaction, error)

	mu     sync.Mutex
	nonce  uint64
	loaded bool // nonce is the next one; false after a failed send, which may have left a gap
}

// send signs and sends a transaction to `to` with value and data; it does not wait for it.
func (s *sender) send(ctx context.Context, to common.Address, value *big.Int, data []byte) (*types.Transaction, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	pending, err := s.client.PendingNonceAt(ctx, s.from)
	if err != nil {
		return nil, err
	}
	if !s.loaded || pending > s.nonce {
		s.nonce, s.loaded = pending, true
	}
	gas, err := s.client.EstimateGas(ctx, ethereum.CallMsg{From: s.from, To: &to, Value: value, Data: data})
	if err != nil {
		return nil, fmt.Errorf("estimating gas: %w", err)
	}
	price, err := s.client.SuggestGasPrice(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := s.sign(ctx, types.NewTx(&types.LegacyTx{Nonce: s.nonce, To: &to, Value: value, Data: data,
		Gas: gas + gas/4, GasPrice: new(big.Int).Mul(price, big.NewInt(2))}))
	if err != nil {
		return nil, err
	}
	if err := s.client.SendTransaction(ctx, tx); err != nil {
		s.loaded = false
		return nil, err
	}
	s.nonce++
	return tx, nil
}

// waitMined waits for each transaction's receipt and checks that it succeeded.
func waitMined(ctx context.Context, client *ethclient.Client, txs ...*types.Transaction) error {
	for _, tx := range txs {
		for {
			r, err := client.TransactionReceipt(ctx, tx.Hash())
			if err == nil {
				if r.Status != types.ReceiptStatusSuccessful {
					return fmt.Errorf("transaction %s reverted", tx.Hash())
				}
				break
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("waiting for %s: %w", tx.Hash(), ctx.Err())
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
	return nil
}
