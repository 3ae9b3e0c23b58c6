package onchain

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/settlement"
)

var finalizable = []settlement.Status{settlement.StatusCommitted, settlement.StatusCleared}

// Finalize settles finalizable jobs: one id with finalize, several with finalizeBatch in
// chunks of at most 100, ordered by provider so the market coalesces each provider's credit
// and unlock. Every job is checked first (known, live, past its challenge window or cleared);
// if one is not finalizable nothing is sent. Duplicate ids count once. Chunks are sent in
// order; an error names how many jobs were settled before it.
func (s *Settlement) Finalize(ctx context.Context, ids ...settlement.JobID) error {
	if err := s.writable(); err != nil {
		return err
	}
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	switch len(ids) {
	case 0:
		return nil
	case 1:
		_, err := s.onJob(ctx, ids[0], jobStep{name: "finalize", want: finalizable, pack: marketABI.TryPackFinalize})
		return err
	}
	jobs, err := s.finalizableJobs(ctx, ids)
	if err != nil {
		return fmt.Errorf("finalize: %w", err)
	}
	// The market coalesces consecutive jobs of one provider (replicated jobs have none and
	// sort first; they are settled one by one anyway).
	slices.SortStableFunc(jobs, func(a, b settlement.Job) int {
		if c := bytes.Compare(a.Provider[:], b.Provider[:]); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	done := 0
	for chunk := range slices.Chunk(jobs, maxBatch) {
		chunkIDs := make([]settlement.JobID, len(chunk))
		for i, j := range chunk {
			chunkIDs[i] = j.ID
		}
		if err := s.finalizeBatch(ctx, chunkIDs); err != nil {
			if done > 0 {
				return fmt.Errorf("finalize: %d of %d jobs settled, then: %w", done, len(jobs), err)
			}
			return err
		}
		done += len(chunk)
	}
	return nil
}

// finalizableJobs checks that every job can be finalized now (by the head block's time).
func (s *Settlement) finalizableJobs(ctx context.Context, ids []settlement.JobID) ([]settlement.Job, error) {
	now, err := s.now(ctx)
	if err != nil {
		return nil, err
	}
	jobs := make([]settlement.Job, 0, len(ids))
	var ferr error
	err = s.index.view(ctx, func(head uint64) {
		for _, id := range ids {
			job, _, known := s.index.get(id)
			if ferr = checkStatus(id, job, known, head, finalizable); ferr != nil {
				return
			}
			if !job.Finalizable(now) {
				ferr = fmt.Errorf("%w: job %d's challenge window ends at %s", settlement.ErrTooEarly, id, job.ChallengeEnds().Format("2006-01-02T15:04:05Z"))
				return
			}
			jobs = append(jobs, job)
		}
	})
	if err != nil {
		return nil, err
	}
	return jobs, ferr
}

// finalizeBatch sends one finalizeBatch in the given order, retrying like onJob.
func (s *Settlement) finalizeBatch(ctx context.Context, ids []settlement.JobID) error {
	what := fmt.Sprintf("finalize %d jobs", len(ids))
	return s.retry("finalize-batch", func() error { return s.tryFinalizeBatch(ctx, ids, what) })
}

func (s *Settlement) tryFinalizeBatch(ctx context.Context, ids []settlement.JobID, what string) error {
	bigIDs := make([]*big.Int, len(ids))
	recs := make([]bindings.JobMarketJob, len(ids))
	for i, id := range ids {
		rec, err := s.liveRecord(ctx, id, finalizable...)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		bigIDs[i], recs[i] = jobInt(id), rec
	}
	data, err := marketABI.TryPackFinalizeBatch(bigIDs, recs)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	id := fmt.Sprintf("%s/finalize/%s", strings.ToLower(s.account.Hex()), dataHash(data))
	_, err = s.send(ctx, what, Tx{ID: id, To: s.addrs.Market, Data: data})
	return err
}

// Withdraw pays the account's credited market balance and returns the amount.
func (s *Settlement) Withdraw(ctx context.Context) (*big.Int, error) {
	if err := s.writable(); err != nil {
		return nil, err
	}
	data := marketABI.PackWithdraw()
	tx, ok := s.adopt("withdraw", s.addrs.Market, data, bytes.Equal)
	if !ok {
		id, err := s.accountTxID(ctx, "withdraw", data)
		if err != nil {
			return nil, err
		}
		tx = Tx{ID: id, To: s.addrs.Market, Data: data}
	}
	r, err := s.send(ctx, "withdraw", tx)
	if err != nil {
		return nil, err
	}
	ev, ok := findEvent(r, s.addrs.Market, marketABI.UnpackWithdrawnEvent)
	if !ok {
		return nil, errors.New("withdraw: receipt has no Withdrawn event")
	}
	return ev.Amount, nil
}

// SweepSurplus credits the market's surplus (tokens it holds beyond what it owes) to the
// treasury and returns the amount. Anyone may send it; withdrawFees pays the treasury.
func (s *Settlement) SweepSurplus(ctx context.Context) (*big.Int, error) {
	if err := s.writable(); err != nil {
		return nil, err
	}
	data := marketABI.PackSweepSurplus()
	tx, ok := s.adopt("sweep", s.addrs.Market, data, bytes.Equal)
	if !ok {
		id, err := s.accountTxID(ctx, "sweep", data)
		if err != nil {
			return nil, err
		}
		tx = Tx{ID: id, To: s.addrs.Market, Data: data}
	}
	r, err := s.send(ctx, "sweep surplus", tx)
	if err != nil {
		return nil, err
	}
	ev, ok := findEvent(r, s.addrs.Market, marketABI.UnpackSurplusSweptEvent)
	if !ok {
		return nil, errors.New("sweep surplus: receipt has no SurplusSwept event")
	}
	return ev.Amount, nil
}

// MintDevToken mints amount of the deployment's dev token (a BrineToken: `brine deploy`
// without --token deploys one with no supply, owned by the deployer) to to. Only the token's
// owner may: another account gets ErrNotAllowed before anything is sent. The caller checks
// that the deployment's token is a dev token; a real ERC-20 has no such function.
func (s *Settlement) MintDevToken(ctx context.Context, to common.Address, amount *big.Int) error {
	if err := s.writable(); err != nil {
		return err
	}
	if amount == nil || amount.Sign() <= 0 {
		return fmt.Errorf("mint: %w: the amount must be positive", settlement.ErrBadRequest)
	}
	owner, err := call(ctx, s, s.addrs.Token, tokenABI.PackOwner(), tokenABI.UnpackOwner)
	if err != nil {
		return fmt.Errorf("mint: reading the token's owner: %w", err)
	}
	if owner != s.account {
		return fmt.Errorf("mint: %w: only the token's owner %s may mint, not %s", settlement.ErrNotAllowed, owner.Hex(), s.account.Hex())
	}
	data := tokenABI.PackMint(to, amount)
	tx, ok := s.adopt("mint", s.addrs.Token, data, bytes.Equal)
	if !ok {
		id, err := s.accountTxID(ctx, "mint", data)
		if err != nil {
			return err
		}
		tx = Tx{ID: id, To: s.addrs.Token, Data: data}
	}
	_, err = s.send(ctx, "mint", tx)
	return err
}
