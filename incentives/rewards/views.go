package rewards

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/logscan"
	"github.com/brine-compute/brine/chain/reverts"
)

// ErrNoGasEstimate: the chain client cannot estimate gas or suggest a gas price
// (*ethclient.Client can).
var ErrNoGasEstimate = errors.New("rewards: the chain client cannot estimate gas")

// Owner is the contract's governance (the account that appoints reporters).
func (r *Rewards) Owner(ctx context.Context) (common.Address, error) {
	a, err := call(ctx, r, r.cfg.Rewards, r.rw.PackOwner(), r.rw.UnpackOwner)
	if err != nil {
		return common.Address{}, fmt.Errorf("rewards: owner(): %w", err)
	}
	return a, nil
}

// ReporterSince is when account was appointed a reporter (the zero time when it is not one).
// A reporter posts roots only for epochs that end after that time.
func (r *Rewards) ReporterSince(ctx context.Context, account common.Address) (time.Time, error) {
	since, err := call(ctx, r, r.cfg.Rewards, r.rw.PackReporterSince(account), r.rw.UnpackReporterSince)
	if err != nil {
		return time.Time{}, fmt.Errorf("rewards: reporterSince(%s): %w", account, err)
	}
	if since == 0 {
		return time.Time{}, nil
	}
	return time.Unix(int64(since), 0), nil
}

// RootOf is the root reporter posted for epoch (zero if none) and what it has paid so far.
func (r *Rewards) RootOf(ctx context.Context, epoch uint64, reporter common.Address) (common.Hash, *big.Int, error) {
	out, err := call(ctx, r, r.cfg.Rewards, r.rw.PackRootOf(epoch, reporter), r.rw.UnpackRootOf)
	if err != nil {
		return common.Hash{}, nil, fmt.Errorf("rewards: rootOf(%d, %s): %w", epoch, reporter, err)
	}
	return out.Root, out.Paid, nil
}

// IsClaimed reports whether provider claimed its leaf of reporter's root for epoch (the
// contract's claimed bitmap).
func (r *Rewards) IsClaimed(ctx context.Context, provider, reporter common.Address, epoch uint64) (bool, error) {
	done, err := call(ctx, r, r.cfg.Rewards, r.rw.PackIsClaimed(provider, reporter, epoch), r.rw.UnpackIsClaimed)
	if err != nil {
		return false, fmt.Errorf("rewards: isClaimed: %w", err)
	}
	return done, nil
}

// PostedRoot is one RootPosted event.
type PostedRoot struct {
	Epoch    uint64         `json:"epoch"`
	Reporter common.Address `json:"reporter"`
	Root     common.Hash    `json:"root"`
	Block    uint64         `json:"block"`
}

// PostedRoots lists the roots posted for the epochs from..to (inclusive), by epoch then block.
func (r *Rewards) PostedRoots(ctx context.Context, from, to uint64) ([]PostedRoot, error) {
	if to < from {
		return nil, nil
	}
	var epochs []common.Hash
	if to-from < 256 {
		for e := from; e <= to; e++ {
			epochs = append(epochs, common.BigToHash(new(big.Int).SetUint64(e)))
		}
	}
	var out []PostedRoot
	err := r.scan(ctx, [][]common.Hash{{r.rootTopic}, epochs}, func(l *types.Log) {
		ev, err := r.rw.UnpackRootPostedEvent(l)
		if err == nil && ev.Epoch >= from && ev.Epoch <= to {
			out = append(out, PostedRoot{Epoch: ev.Epoch, Reporter: ev.Reporter, Root: ev.Root, Block: l.BlockNumber})
		}
	})
	if err != nil {
		return nil, fmt.Errorf("rewards: RootPosted logs: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Epoch < out[j].Epoch })
	return out, nil
}

// PostedRootsSince lists the roots posted in blocks from fromBlock (at least the deployment
// block) to the head, and returns the block to scan from next time: a caller that keeps what it
// saw reads each block's logs once.
func (r *Rewards) PostedRootsSince(ctx context.Context, fromBlock uint64) (roots []PostedRoot, next uint64, err error) {
	head, err := r.cfg.Client.BlockNumber(ctx)
	if err != nil {
		return nil, fromBlock, err
	}
	from := max(fromBlock, r.cfg.FromBlock)
	err = r.scanBlocks(ctx, from, head, [][]common.Hash{{r.rootTopic}}, func(l *types.Log) {
		if ev, err := r.rw.UnpackRootPostedEvent(l); err == nil {
			roots = append(roots, PostedRoot{Epoch: ev.Epoch, Reporter: ev.Reporter, Root: ev.Root, Block: l.BlockNumber})
		}
	})
	if err != nil {
		return nil, fromBlock, fmt.Errorf("rewards: RootPosted logs: %w", err)
	}
	return roots, max(from, head+1), nil
}

// ClaimedReward is one RewardClaimed event.
type ClaimedReward struct {
	Epoch    uint64         `json:"epoch"`
	Reporter common.Address `json:"reporter"`
	Amount   *big.Int       `json:"amount"`
	Block    uint64         `json:"block"`
	Tx       common.Hash    `json:"tx"`
}

// ClaimedRewards lists what provider has claimed, by epoch.
func (r *Rewards) ClaimedRewards(ctx context.Context, provider common.Address) ([]ClaimedReward, error) {
	topic := r.claimedTopic()
	var out []ClaimedReward
	err := r.scan(ctx, [][]common.Hash{{topic}, nil, {common.BytesToHash(provider.Bytes())}}, func(l *types.Log) {
		ev, err := r.rw.UnpackRewardClaimedEvent(l)
		if err == nil && ev.Provider == provider {
			out = append(out, ClaimedReward{Epoch: ev.Epoch, Reporter: ev.Reporter, Amount: ev.Amount, Block: l.BlockNumber, Tx: l.TxHash})
		}
	})
	if err != nil {
		return nil, fmt.Errorf("rewards: RewardClaimed logs: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Epoch < out[j].Epoch })
	return out, nil
}

func (r *Rewards) claimedTopic() common.Hash {
	parsed, err := bindings.UptimeRewardsMetaData.ParseABI()
	if err != nil {
		panic(err) // the embedded ABI parsed in New
	}
	return parsed.Events["RewardClaimed"].ID
}

// scan runs every log of the contract matching topics, from the deployment block to the head,
// through fn, paged by logscan.
func (r *Rewards) scan(ctx context.Context, topics [][]common.Hash, fn func(*types.Log)) error {
	head, err := r.cfg.Client.BlockNumber(ctx)
	if err != nil {
		return err
	}
	return r.scanBlocks(ctx, r.cfg.FromBlock, head, topics, fn)
}

// scanBlocks is scan over the blocks from..to.
func (r *Rewards) scanBlocks(ctx context.Context, from, to uint64, topics [][]common.Hash, fn func(*types.Log)) error {
	scan, err := logscan.New(logscan.Config{Client: r.cfg.Client})
	if err != nil {
		return err
	}
	q := ethereum.FilterQuery{Addresses: []common.Address{r.cfg.Rewards}, Topics: topics}
	return scan.Scan(ctx, q, from, to, func(p logscan.Page) error {
		for i := range p.Logs {
			fn(&p.Logs[i])
		}
		return nil
	})
}

// ClaimCost estimates what claiming claims costs: the gas of the first transaction Claim would
// send (all of them when there are at most MaxClaims) and that gas at the chain's suggested gas
// price, in wei. A claim the contract would refuse fails the estimate with its revert.
func (r *Rewards) ClaimCost(ctx context.Context, claims []Claim) (gas uint64, fee *big.Int, err error) {
	if len(claims) == 0 {
		return 0, nil, ErrNothingToClaim
	}
	est, ok1 := r.cfg.Client.(ethereum.GasEstimator)
	pricer, ok2 := r.cfg.Client.(ethereum.GasPricer)
	if !ok1 || !ok2 {
		return 0, nil, ErrNoGasEstimate
	}
	data, err := r.packClaims(claims[:min(len(claims), MaxClaims)])
	if err != nil {
		return 0, nil, err
	}
	to := r.cfg.Rewards
	gas, err = est.EstimateGas(ctx, ethereum.CallMsg{From: r.cfg.Account, To: &to, Data: data})
	if err != nil {
		return 0, nil, fmt.Errorf("rewards: estimating a claim: %w", reverts.Decode(err))
	}
	price, err := pricer.SuggestGasPrice(ctx)
	if err != nil {
		return 0, nil, fmt.Errorf("rewards: gas price: %w", err)
	}
	return gas, new(big.Int).Mul(price, new(big.Int).SetUint64(gas)), nil
}

// packClaims is the calldata of claim(claims).
func (r *Rewards) packClaims(claims []Claim) ([]byte, error) {
	in := make([]bindings.UptimeRewardsClaim, len(claims))
	for i, c := range claims {
		proof := make([][32]byte, len(c.Proof))
		for j, p := range c.Proof {
			proof[j] = p
		}
		in[i] = bindings.UptimeRewardsClaim{Epoch: c.Epoch, Reporter: c.Reporter, Amount: c.Amount, Proof: proof}
	}
	data, err := r.rw.TryPackClaim(in)
	if err != nil {
		return nil, fmt.Errorf("rewards: claim: %w", err)
	}
	return data, nil
}
