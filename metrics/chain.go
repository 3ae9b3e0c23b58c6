package metrics

import (
	"context"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/settlement"
)

// BalanceReader reads an account's ETH (*ethclient.Client has it).
type BalanceReader interface {
	BalanceAt(ctx context.Context, account common.Address, block *big.Int) (*big.Int, error)
}

// TokenReader reads an account's wallet tokens in base units (*erc20.Token has it).
type TokenReader interface {
	BalanceOf(ctx context.Context, account common.Address) (*big.Int, error)
}

// MarketReader reads an account's credited market balance and its stake (settlement.Reader
// has both).
type MarketReader interface {
	Balance(ctx context.Context, account common.Address) (*big.Int, error)
	Provider(ctx context.Context, account common.Address) (settlement.ProviderInfo, error)
}

// ChainAccount reads account's state from the chain: ETH from eth, wallet tokens from token,
// the credited market balance and (when provider is set) the stake from st.
func ChainAccount(eth BalanceReader, token TokenReader, st MarketReader, account common.Address, provider bool) AccountSource {
	return func(ctx context.Context) (AccountState, error) {
		var (
			s    AccountState
			errs []error
			err  error
		)
		if s.ETH, err = eth.BalanceAt(ctx, account, nil); err != nil {
			errs = append(errs, err)
		}
		if s.Tokens, err = token.BalanceOf(ctx, account); err != nil {
			errs = append(errs, err)
		}
		if s.Credited, err = st.Balance(ctx, account); err != nil {
			errs = append(errs, err)
		}
		if provider {
			info, err := st.Provider(ctx, account)
			if err != nil {
				errs = append(errs, err)
			} else {
				s.Stake = &Stake{Staked: info.Staked, Locked: info.Locked, Unbonding: info.Unbonding}
			}
		}
		return s, errors.Join(errs...)
	}
}
