package simchain

import (
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/incentives/merkle"
)

// AdvanceTo mines until the latest block's timestamp is at least ts (it may pass ts by a
// second or two when the wall clock is ahead of the chain). The next transaction is then
// estimated at that timestamp and mined at least one second later.
func (c *Chain) AdvanceTo(ts uint64) {
	now := c.Now()
	if now >= ts {
		return
	}
	if ts-now == 1 {
		c.Mine(1)
		return
	}
	// Advance mines a block at now+d and then one more a second later.
	c.Advance(time.Duration(ts-now-1) * time.Second)
}

// CurrentEpoch is the rewards contract's current epoch.
func (c *Chain) CurrentEpoch() (uint64, error) {
	return Call(c, c.Rewards, c.RewardsABI.PackCurrentEpoch(), c.RewardsABI.UnpackCurrentEpoch)
}

// EpochEnd is when epoch e ends (its last second is EpochEnd-1), from the deployed genesis and
// epoch length.
func (c *Chain) EpochEnd(e uint64) uint64 {
	length := uint64(c.Config.EpochLength / time.Second)
	return c.Config.EpochGenesis + (e+1)*length
}

// AdvancePastEpoch mines until epoch e has ended, so reporters may post its root.
func (c *Chain) AdvancePastEpoch(e uint64) { c.AdvanceTo(c.EpochEnd(e)) }

// EpochInfo reads an epoch's budget, paid total and snapshots.
func (c *Chain) EpochInfo(e uint64) (bindings.EpochInfoOutput, error) {
	return Call(c, c.Rewards, c.RewardsABI.PackEpochInfo(e), c.RewardsABI.UnpackEpochInfo)
}

// AddReporter appoints reporter as governance.
func (c *Chain) AddReporter(reporter common.Address) (*types.Receipt, error) {
	return c.Send(c.Owner, c.Rewards, c.RewardsABI.PackAddReporter(reporter))
}

// FundRewards approves amount*count and funds count epochs from fromEpoch with amount each.
func (c *Chain) FundRewards(funder *Account, fromEpoch, count uint64, amount *big.Int) (*types.Receipt, error) {
	total := new(big.Int).Mul(amount, new(big.Int).SetUint64(count))
	if _, err := c.Approve(funder, c.Addr.Rewards, total); err != nil {
		return nil, err
	}
	return c.Send(funder, c.Rewards, c.RewardsABI.PackFund(fromEpoch, count, amount))
}

// PostRoot posts reporter's root for epoch.
func (c *Chain) PostRoot(reporter *Account, epoch uint64, root common.Hash) (*types.Receipt, error) {
	return c.Send(reporter, c.Rewards, c.RewardsABI.PackPostRoot(epoch, root))
}

// ClaimRewards sends provider's claims in one transaction.
func (c *Chain) ClaimRewards(provider *Account, claims []bindings.UptimeRewardsClaim) (*types.Receipt, error) {
	return c.Send(provider, c.Rewards, c.RewardsABI.PackClaim(claims))
}

// RewardClaim is provider's claim of its leaf in tree (posted by reporter).
func RewardClaim(tree *merkle.Tree, reporter, provider common.Address) (bindings.UptimeRewardsClaim, error) {
	leaf, ok := tree.Leaf(provider)
	if !ok {
		return bindings.UptimeRewardsClaim{}, fmt.Errorf("simchain: %s has no leaf in the tree", provider.Hex())
	}
	proof, err := tree.Proof(provider)
	if err != nil {
		return bindings.UptimeRewardsClaim{}, err
	}
	out := bindings.UptimeRewardsClaim{Epoch: leaf.Epoch, Reporter: reporter, Amount: leaf.Amount, Proof: make([][32]byte, len(proof))}
	for i, h := range proof {
		out.Proof[i] = h
	}
	return out, nil
}

// RewardsBooks checks token.balanceOf(UptimeRewards) == Σ budget − Σ paid over epochs, which
// must list every epoch ever funded.
func (c *Chain) RewardsBooks(epochs []uint64) error {
	want := new(big.Int)
	seen := make(map[uint64]bool)
	for _, e := range epochs {
		if seen[e] {
			continue
		}
		seen[e] = true
		info, err := c.EpochInfo(e)
		if err != nil {
			return err
		}
		if info.Paid.Cmp(info.Budget) > 0 {
			return fmt.Errorf("epoch %d paid %s of a %s budget", e, info.Paid, info.Budget)
		}
		want.Add(want, info.Budget).Sub(want, info.Paid)
	}
	have, err := c.TokenBalance(c.Addr.Rewards)
	if err != nil {
		return err
	}
	if have.Cmp(want) != 0 {
		return fmt.Errorf("rewards books: balance %s, Σbudget−Σpaid %s", have, want)
	}
	return nil
}
