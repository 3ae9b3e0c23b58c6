package txmgr

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/core/types"
)

// fees are a transaction's prices: tip and fee cap for EIP-1559, or a legacy gas price (held
// in feeCap, with tip nil).
type fees struct {
	tip, feeCap *big.Int
}

func (f fees) legacy() bool { return f.tip == nil }

func (f fees) String() string {
	if f.legacy() {
		return fmt.Sprintf("gasPrice=%v", f.feeCap)
	}
	return fmt.Sprintf("tip=%v feeCap=%v", f.tip, f.feeCap)
}

func feesOf(tx *types.Transaction) fees {
	if tx.Type() == types.LegacyTxType {
		return fees{feeCap: new(big.Int).Set(tx.GasPrice())}
	}
	return fees{tip: new(big.Int).Set(tx.GasTipCap()), feeCap: new(big.Int).Set(tx.GasFeeCap())}
}

// marketFees prices a transaction for the next block: tip from the node's suggestion and a fee
// cap of twice the head's base fee plus the tip (room for six blocks of maximal base-fee rise),
// or the suggested gas price when the head has no base fee (a pre-London chain).
func (m *Manager) marketFees(ctx context.Context) (f fees, head *types.Header, err error) {
	err = m.retry(ctx, "head", func(ctx context.Context) (err error) {
		head, err = m.cfg.Client.HeaderByNumber(ctx, nil)
		return err
	})
	if err != nil {
		return fees{}, nil, err
	}
	if head.BaseFee == nil {
		var price *big.Int
		err = m.retry(ctx, "gas price", func(ctx context.Context) (err error) {
			price, err = m.cfg.Client.SuggestGasPrice(ctx)
			return err
		})
		return fees{feeCap: price}, head, err
	}
	var tip *big.Int
	err = m.retry(ctx, "gas tip", func(ctx context.Context) (err error) {
		tip, err = m.cfg.Client.SuggestGasTipCap(ctx)
		return err
	})
	if err != nil {
		return fees{}, nil, err
	}
	feeCap := new(big.Int).Mul(head.BaseFee, big.NewInt(2))
	feeCap.Add(feeCap, tip)
	return fees{tip: tip, feeCap: feeCap}, head, nil
}

// capFees applies MaxFeePerGas to a first attempt: it refuses a price the cap cannot pay at
// the current base fee, and lowers the fee cap to the cap otherwise.
func capFees(f fees, baseFee, maxFee *big.Int) (fees, error) {
	if maxFee == nil {
		return f, nil
	}
	if f.legacy() {
		if f.feeCap.Cmp(maxFee) > 0 {
			return fees{}, fmt.Errorf("%w: gas price %v > %v", ErrFeeCapExceeded, f.feeCap, maxFee)
		}
		return f, nil
	}
	if need := new(big.Int).Add(baseFee, f.tip); need.Cmp(maxFee) > 0 {
		return fees{}, fmt.Errorf("%w: base fee %v + tip %v > %v", ErrFeeCapExceeded, baseFee, f.tip, maxFee)
	}
	if f.feeCap.Cmp(maxFee) > 0 {
		f.feeCap = new(big.Int).Set(maxFee)
	}
	return f, nil
}

// raise returns v increased by pct percent, rounded up, and by at least one wei.
func raise(v *big.Int, pct uint64) *big.Int {
	r := new(big.Int).Mul(v, new(big.Int).SetUint64(100+pct))
	r.Add(r, big.NewInt(99))
	r.Div(r, big.NewInt(100))
	if r.Cmp(v) <= 0 {
		r.Add(v, big.NewInt(1))
	}
	return r
}

func maxBig(a, b *big.Int) *big.Int {
	if a.Cmp(b) >= 0 {
		return new(big.Int).Set(a)
	}
	return new(big.Int).Set(b)
}

// bumpFees prices a replacement for old: each of tip and fee cap raised by pct percent, or to
// the market's price when that is higher. Under MaxFeePerGas the raise is clipped to the cap,
// and when the clipped price no longer clears the nodes' 10% replacement rule the bump is
// refused with ErrFeeCapExceeded.
func bumpFees(old, market fees, pct uint64, maxFee *big.Int) (fees, error) {
	if old.legacy() { // a replacement keeps its original's type
		price := maxBig(raise(old.feeCap, pct), market.feeCap)
		if maxFee != nil && price.Cmp(maxFee) > 0 {
			price.Set(maxFee)
			if price.Cmp(raise(old.feeCap, MinFeeBumpPercent)) < 0 {
				return fees{}, fmt.Errorf("%w: gas price %v cannot be raised", ErrFeeCapExceeded, old.feeCap)
			}
		}
		return fees{feeCap: price}, nil
	}
	marketTip := market.tip
	if marketTip == nil {
		marketTip = market.feeCap
	}
	tip := maxBig(raise(old.tip, pct), marketTip)
	feeCap := maxBig(raise(old.feeCap, pct), market.feeCap)
	if feeCap.Cmp(tip) < 0 {
		feeCap.Set(tip)
	}
	if maxFee != nil && feeCap.Cmp(maxFee) > 0 {
		feeCap.Set(maxFee)
		if tip.Cmp(feeCap) > 0 {
			tip.Set(feeCap)
		}
		if feeCap.Cmp(raise(old.feeCap, MinFeeBumpPercent)) < 0 || tip.Cmp(raise(old.tip, MinFeeBumpPercent)) < 0 {
			return fees{}, fmt.Errorf("%w: tip %v fee cap %v cannot be raised", ErrFeeCapExceeded, old.tip, old.feeCap)
		}
	}
	return fees{tip: tip, feeCap: feeCap}, nil
}
