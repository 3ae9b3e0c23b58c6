package metrics

import (
	"context"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
)

// AccountState is an account's money as the chain has it now, in base units (wei for ETH).
// Nil fields are not exported: Stake is nil for an account that is not a provider.
type AccountState struct {
	ETH      *big.Int
	Tokens   *big.Int
	Credited *big.Int
	Stake    *Stake
}

// Stake is a provider's stake in token base units. Staked includes Locked.
type Stake struct {
	Staked, Locked, Unbonding *big.Int
}

// AccountSource reads an account's state; it is called at every scrape with a bounded context.
type AccountSource func(ctx context.Context) (AccountState, error)

// SourceTimeout bounds one scrape-time read of the chain.
const SourceTimeout = 5 * time.Second

var (
	walletETHDesc    = mWalletETH.desc()
	walletTokensDesc = mWalletTokens.desc()
	creditedDesc     = mCredited.desc()
	stakeDesc        = mStake.desc()
)

// NewAccount exports account's balances and stake (brine_wallet_*, brine_market_credited_tokens,
// brine_stake_tokens), read from src at every scrape; decimals are the token's. A second call
// for the same account replaces the first.
func NewAccount(r *Registry, account common.Address, decimals uint8, src AccountSource) {
	label := account.Hex()
	r.setSource("account/"+label, source{kind: "account", collect: func(ch chan<- prometheus.Metric) error {
		ctx, cancel := context.WithTimeout(context.Background(), SourceTimeout)
		defer cancel()
		st, err := src(ctx)
		if err != nil {
			return err
		}
		emit := func(d *prometheus.Desc, v *big.Int, dec uint8, labels ...string) {
			if v != nil {
				ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, Whole(v, dec), append([]string{label}, labels...)...)
			}
		}
		emit(walletETHDesc, st.ETH, 18)
		emit(walletTokensDesc, st.Tokens, decimals)
		emit(creditedDesc, st.Credited, decimals)
		if s := st.Stake; s != nil {
			emit(stakeDesc, s.Staked, decimals, "staked")
			emit(stakeDesc, s.Locked, decimals, "locked")
			emit(stakeDesc, s.Unbonding, decimals, "unbonding")
		}
		return nil
	}})
}

// Whole converts base units to whole units (amount / 10^decimals) as the nearest float64.
func Whole(amount *big.Int, decimals uint8) float64 {
	q := new(big.Float).SetPrec(128).SetInt(amount)
	if decimals > 0 {
		q.Quo(q, new(big.Float).SetPrec(128).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)))
	}
	f, _ := q.Float64()
	return f
}
