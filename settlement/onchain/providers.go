package onchain

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/settlement"
)

// accountStep sends a repeatable step of the account to contract.
func (s *Settlement) accountStep(ctx context.Context, what, step string, to common.Address, data []byte) error {
	if err := s.writable(); err != nil {
		return err
	}
	if tx, ok := s.adopt(step, to, data, bytes.Equal); ok {
		_, err := s.send(ctx, what, tx)
		return err
	}
	id, err := s.accountTxID(ctx, step, data)
	if err != nil {
		return err
	}
	_, err = s.send(ctx, what, Tx{ID: id, To: to, Data: data})
	return err
}

// Register binds peerID to the account (peerSig is the peer key's signature over
// RegistrationDigest; the registry records it for others to verify).
func (s *Settlement) Register(ctx context.Context, peerID, peerSig, metadata []byte) error {
	data, err := registryABI.TryPackRegister(peerID, peerSig, metadata)
	if err != nil {
		return fmt.Errorf("register: %w", err)
	}
	return s.accountStep(ctx, "register", "register", s.addrs.Registry, data)
}

// RegistrationDigest is what the peer key signs for Register, for this account.
func (s *Settlement) RegistrationDigest(ctx context.Context, peerID []byte) (common.Hash, error) {
	data, err := registryABI.TryPackRegistrationDigest(s.account, peerID)
	if err != nil {
		return common.Hash{}, err
	}
	h, err := call(ctx, s, s.addrs.Registry, data, registryABI.UnpackRegistrationDigest)
	return common.Hash(h), err
}

func checkAmount(amount *big.Int) error {
	if amount == nil || amount.Sign() <= 0 {
		return fmt.Errorf("%w: amount must be positive", settlement.ErrBadRequest)
	}
	if amount.Cmp(maxUint96) > 0 {
		return fmt.Errorf("%w: amount exceeds 2^96-1 base units", settlement.ErrBadRequest)
	}
	return nil
}

// Stake adds amount to the account's stake, approving the registry first when the allowance
// is short.
func (s *Settlement) Stake(ctx context.Context, amount *big.Int) error {
	if err := s.writable(); err != nil {
		return err
	}
	if err := checkAmount(amount); err != nil {
		return fmt.Errorf("stake: %w", err)
	}
	data, err := registryABI.TryPackStake(amount)
	if err != nil {
		return fmt.Errorf("stake: %w", err)
	}
	s.spendMu.Lock()
	defer s.spendMu.Unlock()
	if err := s.waitPostsLanded(ctx); err != nil {
		return err
	}
	if tx, ok := s.adopt("stake", s.addrs.Registry, data, bytes.Equal); ok {
		_, err := s.send(ctx, "stake", tx) // an earlier process's stake: its approval is done
		return err
	}
	id, err := s.accountTxID(ctx, "stake", data)
	if err != nil {
		return err
	}
	if err := s.ensureAllowance(ctx, s.addrs.Registry, amount, id, "stake"); err != nil {
		return err
	}
	_, err = s.send(ctx, "stake", Tx{ID: id, To: s.addrs.Registry, Data: data})
	return err
}

// Unstake moves amount of free stake into unbonding.
func (s *Settlement) Unstake(ctx context.Context, amount *big.Int) error {
	if err := checkAmount(amount); err != nil {
		return fmt.Errorf("unstake: %w", err)
	}
	data, err := registryABI.TryPackUnstake(amount)
	if err != nil {
		return fmt.Errorf("unstake: %w", err)
	}
	return s.accountStep(ctx, "unstake", "unstake", s.addrs.Registry, data)
}

// WithdrawStake pays out the account's unbonded stake and returns the amount.
func (s *Settlement) WithdrawStake(ctx context.Context) (*big.Int, error) {
	if err := s.writable(); err != nil {
		return nil, err
	}
	data := registryABI.PackWithdrawStake()
	tx, ok := s.adopt("withdraw-stake", s.addrs.Registry, data, bytes.Equal)
	if !ok {
		id, err := s.accountTxID(ctx, "withdraw-stake", data)
		if err != nil {
			return nil, err
		}
		tx = Tx{ID: id, To: s.addrs.Registry, Data: data}
	}
	r, err := s.send(ctx, "withdraw stake", tx)
	if err != nil {
		return nil, err
	}
	ev, ok := findEvent(r, s.addrs.Registry, registryABI.UnpackStakeWithdrawnEvent)
	if !ok {
		return nil, errors.New("withdraw stake: receipt has no StakeWithdrawn event")
	}
	return ev.Amount, nil
}

// Accept takes job id (N=1) or its next replica seat (N>1), locking collateral.
func (s *Settlement) Accept(ctx context.Context, id settlement.JobID) error {
	_, err := s.onJob(ctx, id, jobStep{
		name: "accept",
		want: []settlement.Status{settlement.StatusOpen},
		pack: marketABI.TryPackAcceptJob,
	})
	return err
}

// CommitResult commits the result CID of a single-replica job the account accepted.
func (s *Settlement) CommitResult(ctx context.Context, id settlement.JobID, cid []byte) error {
	if err := checkCID(cid); err != nil {
		return fmt.Errorf("commit job %d: %w", id, err)
	}
	_, err := s.onJob(ctx, id, jobStep{
		name: "commit",
		want: []settlement.Status{settlement.StatusAccepted},
		pack: func(id *big.Int, rec bindings.JobMarketJob) ([]byte, error) {
			return marketABI.TryPackCommitResult(id, rec, cid)
		},
	})
	return err
}
