package rewards

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/chain/reverts"
)

// PostRoot posts the account's Merkle root for an ended epoch (the account must be a
// reporter). Its idempotency ID is <account>/rewards-root/e<epoch>: a reporter posts one root
// per epoch, so a repeated call never sends a second transaction. The contract refuses a
// second root for the same epoch with RootAlreadyPosted (check with reverts.Is).
func (r *Rewards) PostRoot(ctx context.Context, epoch uint64, root common.Hash) error {
	if r.cfg.Sender == nil {
		return ErrReadOnly
	}
	data := r.rw.PackPostRoot(epoch, root)
	id := fmt.Sprintf("%s/rewards-root/e%d", r.cfg.Account.Hex(), epoch)
	if _, err := r.cfg.Sender.Send(ctx, Tx{ID: id, To: r.cfg.Rewards, Data: data}); err != nil {
		return fmt.Errorf("rewards: postRoot(%d, %s): %w", epoch, root, reverts.Decode(err))
	}
	return nil
}

// RewardPerProvider is the contract's current rewardPerProvider (base units): the most one
// provider may earn in one epoch across all reporters.
func (r *Rewards) RewardPerProvider(ctx context.Context) (*big.Int, error) {
	return call(ctx, r, r.cfg.Rewards, r.rw.PackRewardPerProvider(), r.rw.UnpackRewardPerProvider)
}

// ReporterCount is the contract's current number of reporters.
func (r *Rewards) ReporterCount(ctx context.Context) (uint8, error) {
	return call(ctx, r, r.cfg.Rewards, r.rw.PackReporterCount(), r.rw.UnpackReporterCount)
}

// ReporterTerms is what one reporter's tree for epoch may pay, as the contract will enforce it
// at claim: leafCap = perProviderCap / reporters for each leaf and share = budget / reporters
// for the whole root. It uses the epoch's snapshots once a first root is posted, else the
// current rewardPerProvider and reporter count (what the first root will snapshot). The budget
// is the epoch's budget now; funding later only raises the share.
func (r *Rewards) ReporterTerms(ctx context.Context, epoch uint64) (leafCap, share *big.Int, err error) {
	ep, err := r.Epoch(ctx, epoch)
	if err != nil {
		return nil, nil, err
	}
	perProvider, reporters := ep.PerProviderCap, uint64(ep.Reporters)
	if reporters == 0 {
		if perProvider, err = r.RewardPerProvider(ctx); err != nil {
			return nil, nil, err
		}
		n, err := r.ReporterCount(ctx)
		if err != nil {
			return nil, nil, err
		}
		if n == 0 {
			return nil, nil, fmt.Errorf("rewards: no reporters")
		}
		reporters = uint64(n)
	}
	d := new(big.Int).SetUint64(reporters)
	return new(big.Int).Div(perProvider, d), new(big.Int).Div(ep.Budget, d), nil
}
