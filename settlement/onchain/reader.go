package onchain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/settlement"
)

// Job returns a job's current state from the index; ended jobs keep their last record and
// their end status.
func (s *Settlement) Job(ctx context.Context, id settlement.JobID) (settlement.Job, error) {
	var (
		job   settlement.Job
		known bool
		head  uint64
	)
	if err := s.index.view(ctx, func(h uint64) { job, _, known = s.index.get(id); head = h }); err != nil {
		return settlement.Job{}, err
	}
	if !known {
		return settlement.Job{}, fmt.Errorf("%w: job %d (no JobPosted up to block %d)", settlement.ErrUnknownJob, id, head)
	}
	return job, nil
}

// Jobs lists the jobs that pass filter, newest (highest ID) first, at most limit (0 = all).
func (s *Settlement) Jobs(ctx context.Context, filter settlement.JobFilter, limit int) ([]settlement.Job, error) {
	var out []settlement.Job
	err := s.index.view(ctx, func(uint64) {
		for id := s.index.maxID; id > 0; id-- {
			job, _, known := s.index.get(id)
			if !known || !filter.Match(job) {
				continue
			}
			out = append(out, job)
			if limit > 0 && len(out) == limit {
				return
			}
		}
	})
	return out, err
}

// Panel returns a job's replica panel (replicas=true) or verifier panel as the market holds it
// now. Panels are deleted when their job settles, so an ended job's panel is empty.
func (s *Settlement) Panel(ctx context.Context, id settlement.JobID, replicas bool) (settlement.Panel, error) {
	if err := s.knownJob(ctx, id); err != nil {
		return settlement.Panel{}, err
	}
	kind := kindVerifiers
	if replicas {
		kind = kindReplicas
	}
	return s.rawPanel(ctx, id, kind)
}

// Balance is account's credited, withdrawable market balance.
func (s *Settlement) Balance(ctx context.Context, account common.Address) (*big.Int, error) {
	return call(ctx, s, s.addrs.Market, marketABI.PackBalances(account), marketABI.UnpackBalances)
}

// Provider is account's registration and stake.
func (s *Settlement) Provider(ctx context.Context, account common.Address) (settlement.ProviderInfo, error) {
	info, err := call(ctx, s, s.addrs.Registry, registryABI.PackProviderInfo(account), registryABI.UnpackProviderInfo)
	if err != nil {
		return settlement.ProviderInfo{}, fmt.Errorf("settlement/onchain: providerInfo(%s): %w", account, err)
	}
	active, err := call(ctx, s, s.addrs.Registry, registryABI.PackIsActive(account), registryABI.UnpackIsActive)
	if err != nil {
		return settlement.ProviderInfo{}, fmt.Errorf("settlement/onchain: isActive(%s): %w", account, err)
	}
	miner, err := call(ctx, s, s.addrs.Registry, registryABI.PackMinerOf(account), registryABI.UnpackMinerOf)
	if err != nil {
		return settlement.ProviderInfo{}, fmt.Errorf("settlement/onchain: minerOf(%s): %w", account, err)
	}
	return settlement.ProviderInfo{
		Address:       account,
		Registered:    info.Registered,
		Active:        active,
		PeerIDHash:    info.PeerIdHash,
		Staked:        info.Staked,
		Locked:        info.Locked,
		Unbonding:     info.Unbonding,
		UnbondingEnds: unixTime(info.UnbondingEnds),
		MinerID:       miner.MinerId,
		MinerVerified: miner.VerifiedOnChain,
	}, nil
}

// MarketSurplus is what the market holds (token.balanceOf) and what it owes (its owed()
// counter: escrows, bonds, credited balances, the treasury's credit). Holdings above owed are a
// surplus: tokens sent straight to the market, which SweepSurplus credits to the treasury.
func (s *Settlement) MarketSurplus(ctx context.Context) (held, owed *big.Int, err error) {
	if held, err = call(ctx, s, s.addrs.Token, tokenABI.PackBalanceOf(s.addrs.Market), tokenABI.UnpackBalanceOf); err != nil {
		return nil, nil, fmt.Errorf("settlement/onchain: market holdings: %w", err)
	}
	if owed, err = call(ctx, s, s.addrs.Market, marketABI.PackOwed(), marketABI.UnpackOwed); err != nil {
		return nil, nil, fmt.Errorf("settlement/onchain: market owed(): %w", err)
	}
	return held, owed, nil
}
