package onchain

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/settlement"
)

var kindNames = [...]string{kindReplicas: "replica", kindVerifiers: "verifier"}

// seat finds the account's seat on a job's panel.
func (s *Settlement) seat(ctx context.Context, id settlement.JobID, kind uint8) (uint8, error) {
	p, err := s.rawPanel(ctx, id, kind)
	if err != nil {
		return 0, err
	}
	if i := p.Seat(s.account); i >= 0 {
		return uint8(i), nil
	}
	return 0, fmt.Errorf("%w: %s holds no %s seat of job %d", settlement.ErrNotAllowed, s.account, kindNames[kind], id)
}

// rawPanel reads a panel and its seats from the market's views.
func (s *Settlement) rawPanel(ctx context.Context, id settlement.JobID, kind uint8) (settlement.Panel, error) {
	p, err := call(ctx, s, s.addrs.Market, marketABI.PackGetPanel(jobInt(id), kind), marketABI.UnpackGetPanel)
	if err != nil {
		return settlement.Panel{}, fmt.Errorf("settlement/onchain: getPanel(%d, %d): %w", id, kind, err)
	}
	out := settlement.Panel{
		Members:   make([]common.Address, p.Size),
		Committed: int(p.Committed),
		Revealed:  int(p.Revealed),
		CommitBy:  unixTime(p.CommitBy),
		RevealBy:  unixTime(p.RevealBy),
		Seats:     make([]settlement.SeatState, p.Size),
	}
	for i := range out.Members {
		m, err := call(ctx, s, s.addrs.Market, marketABI.PackGetMember(jobInt(id), kind, big.NewInt(int64(i))), marketABI.UnpackGetMember)
		if err != nil {
			return settlement.Panel{}, fmt.Errorf("settlement/onchain: getMember(%d, %d, %d): %w", id, kind, i, err)
		}
		out.Members[i] = m.Account
		out.Seats[i] = settlement.SeatState{Commitment: m.Commitment, Result: m.Result}
	}
	return out, nil
}

// panelStep commits or reveals at the account's seat of a panel. Panel steps carry no record.
func (s *Settlement) panelStep(ctx context.Context, id settlement.JobID, kind uint8, step string, pack func(seat uint8) ([]byte, error)) error {
	if err := s.writable(); err != nil {
		return err
	}
	what := fmt.Sprintf("%s job %d", step, id)
	if err := s.knownJob(ctx, id); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	seat, err := s.seat(ctx, id, kind)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	data, err := pack(seat)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	_, err = s.send(ctx, what, Tx{ID: s.jobTxID(id, step, data), To: s.addrs.Market, Data: data})
	return err
}

// knownJob syncs the index and fails when it has never seen job id.
func (s *Settlement) knownJob(ctx context.Context, id settlement.JobID) error {
	var known bool
	var head uint64
	if err := s.index.view(ctx, func(h uint64) { _, _, known = s.index.get(id); head = h }); err != nil {
		return err
	}
	if !known {
		return fmt.Errorf("%w: job %d (no JobPosted up to block %d)", settlement.ErrUnknownJob, id, head)
	}
	return nil
}

func (s *Settlement) commitAt(ctx context.Context, id settlement.JobID, kind uint8, step string, cid []byte, salt [32]byte,
	pack func(id *big.Int, seat uint8, c [32]byte) ([]byte, error)) error {
	if err := checkCID(cid); err != nil {
		return fmt.Errorf("%s job %d: %w", step, id, err)
	}
	c, err := commitment(s.chainID, s.addrs.Market, id, kind, s.account, cid, salt)
	if err != nil {
		return err
	}
	return s.panelStep(ctx, id, kind, step, func(seat uint8) ([]byte, error) { return pack(jobInt(id), seat, c) })
}

// CommitReplica commits a replica's salted result at the account's seat.
func (s *Settlement) CommitReplica(ctx context.Context, id settlement.JobID, cid []byte, salt [32]byte) error {
	return s.commitAt(ctx, id, kindReplicas, "commit-replica", cid, salt, marketABI.TryPackCommitReplica)
}

// RevealReplica reveals the replica's result committed with CommitReplica.
func (s *Settlement) RevealReplica(ctx context.Context, id settlement.JobID, cid []byte, salt [32]byte) error {
	return s.panelStep(ctx, id, kindReplicas, "reveal-replica", func(seat uint8) ([]byte, error) {
		return marketABI.TryPackRevealReplica(jobInt(id), seat, cid, salt)
	})
}

// CommitVote commits a drawn verifier's salted result at the account's seat.
func (s *Settlement) CommitVote(ctx context.Context, id settlement.JobID, cid []byte, salt [32]byte) error {
	return s.commitAt(ctx, id, kindVerifiers, "commit-vote", cid, salt, marketABI.TryPackCommitVote)
}

// RevealVote reveals the verifier's result committed with CommitVote.
func (s *Settlement) RevealVote(ctx context.Context, id settlement.JobID, cid []byte, salt [32]byte) error {
	return s.panelStep(ctx, id, kindVerifiers, "reveal-vote", func(seat uint8) ([]byte, error) {
		return marketABI.TryPackRevealVote(jobInt(id), seat, cid, salt)
	})
}

// ResolveReplicas tallies a replicated job; true when a majority agreed (the job is Committed),
// false when it was refunded.
func (s *Settlement) ResolveReplicas(ctx context.Context, id settlement.JobID) (bool, error) {
	r, err := s.onJob(ctx, id, jobStep{
		name: "resolve-replicas",
		want: []settlement.Status{settlement.StatusOpen},
		pack: marketABI.TryPackResolveReplicas,
	})
	if err != nil {
		return false, err
	}
	ev, ok := findEvent(r, s.addrs.Market, marketABI.UnpackReplicasResolvedEvent)
	if !ok {
		return false, fmt.Errorf("resolve-replicas job %d: receipt has no ReplicasResolved event", id)
	}
	return ev.Agreed, nil
}

// Challenge disputes a committed result, approving and depositing the bond of the job's
// parameter set. An account holding less than the bond is refused (ErrInsufficient) before the
// approval is sent.
func (s *Settlement) Challenge(ctx context.Context, id settlement.JobID) error {
	s.spendMu.Lock()
	defer s.spendMu.Unlock()
	if err := s.waitPostsLanded(ctx); err != nil {
		return err
	}
	_, err := s.onJob(ctx, id, jobStep{
		name: "challenge",
		want: []settlement.Status{settlement.StatusCommitted},
		pack: marketABI.TryPackChallenge,
		prepare: func(ctx context.Context, rec bindings.JobMarketJob, txID string) error {
			bond, err := s.paramsBond(ctx, id, rec.ParamsId)
			if err != nil {
				return err
			}
			have, err := call(ctx, s, s.addrs.Token, tokenABI.PackBalanceOf(s.account), tokenABI.UnpackBalanceOf)
			if err != nil {
				return fmt.Errorf("challenge job %d: balanceOf: %w", id, err)
			}
			if have.Cmp(bond) < 0 {
				return fmt.Errorf("%w: challenge job %d: the bond is %s base units, %s holds %s", settlement.ErrInsufficient, id, bond, s.account, have)
			}
			return s.ensureAllowance(ctx, s.addrs.Market, bond, txID, fmt.Sprintf("challenge job %d", id))
		},
	})
	return err
}

// ChallengeBond is what a challenge of job id deposits: the bond of the job's parameter set.
func (s *Settlement) ChallengeBond(ctx context.Context, id settlement.JobID) (*big.Int, error) {
	job, err := s.Job(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.paramsBond(ctx, id, job.ParamsID)
}

func (s *Settlement) paramsBond(ctx context.Context, id settlement.JobID, paramsID uint32) (*big.Int, error) {
	p, err := call(ctx, s, s.addrs.Market, marketABI.PackParams(paramsID), marketABI.UnpackParams)
	if err != nil {
		return nil, fmt.Errorf("challenge job %d: params(%d): %w", id, paramsID, err)
	}
	return p.ChallengeBond, nil
}

// DrawVerifiers draws the challenge's verifiers and returns them. It needs the challenge's
// anchor block mined (the block after the challenge); before that it fails with ErrTooEarly.
// When the anchor's hash has aged out, the market sets a new anchor instead of drawing: that
// comes back as ErrTooEarly too, and a later call draws.
func (s *Settlement) DrawVerifiers(ctx context.Context, id settlement.JobID) ([]common.Address, error) {
	if err := s.writable(); err != nil {
		return nil, err
	}
	info, err := call(ctx, s, s.addrs.Market, marketABI.PackChallengeInfo(jobInt(id)), marketABI.UnpackChallengeInfo)
	if err != nil {
		return nil, fmt.Errorf("draw job %d: challengeInfo: %w", id, err)
	}
	r, err := s.onJob(ctx, id, jobStep{
		// A re-anchored draw is a new step with the same calldata: the anchor tells them apart.
		name: fmt.Sprintf("draw-a%d", info.AnchorBlock),
		want: []settlement.Status{settlement.StatusChallenged},
		pack: marketABI.TryPackDrawVerifiers,
	})
	if err != nil {
		return nil, err
	}
	if ev, ok := findEvent(r, s.addrs.Market, marketABI.UnpackVerifiersDrawnEvent); ok {
		return ev.Verifiers, nil
	}
	if ev, ok := findEvent(r, s.addrs.Market, marketABI.UnpackDrawReanchoredEvent); ok {
		return nil, fmt.Errorf("%w: draw job %d: the anchor block's hash aged out; re-anchored at block %d, draw after it", settlement.ErrTooEarly, id, ev.AnchorBlock)
	}
	return nil, errors.New("draw: receipt has neither VerifiersDrawn nor DrawReanchored")
}

// Appeal appeals the first verifier panel's verdict to the final panel, approving and
// depositing the appeal bond of the job's parameter set. Only the side the verdict is against
// may (ErrNotAllowed otherwise, or when the challenge was appealed already), after the reveals
// and inside the appeal window (ErrTooEarly, ErrTooLate). An account holding less than the
// bond is refused (ErrInsufficient) before the approval is sent.
func (s *Settlement) Appeal(ctx context.Context, id settlement.JobID) error {
	s.spendMu.Lock()
	defer s.spendMu.Unlock()
	if err := s.waitPostsLanded(ctx); err != nil {
		return err
	}
	_, err := s.onJob(ctx, id, jobStep{
		name: "appeal",
		want: []settlement.Status{settlement.StatusChallenged},
		pack: marketABI.TryPackAppeal,
		prepare: func(ctx context.Context, rec bindings.JobMarketJob, txID string) error {
			bond, err := call(ctx, s, s.addrs.Market, marketABI.PackAppealBond(rec.ParamsId), marketABI.UnpackAppealBond)
			if err != nil {
				return fmt.Errorf("appeal job %d: appealBond(%d): %w", id, rec.ParamsId, err)
			}
			have, err := call(ctx, s, s.addrs.Token, tokenABI.PackBalanceOf(s.account), tokenABI.UnpackBalanceOf)
			if err != nil {
				return fmt.Errorf("appeal job %d: balanceOf: %w", id, err)
			}
			if have.Cmp(bond) < 0 {
				return fmt.Errorf("%w: appeal job %d: the appeal bond is %s base units, %s holds %s", settlement.ErrInsufficient, id, bond, s.account, have)
			}
			return s.ensureAllowance(ctx, s.addrs.Market, bond, txID, fmt.Sprintf("appeal job %d", id))
		},
	})
	return err
}

// ResolveChallenge pays out a challenge once every verifier revealed or the reveal window
// closed and, for the first panel's Upheld or Rejected verdict, its appeal window passed
// (ErrTooEarly before).
func (s *Settlement) ResolveChallenge(ctx context.Context, id settlement.JobID) (settlement.Outcome, error) {
	r, err := s.onJob(ctx, id, jobStep{
		name: "resolve-challenge",
		want: []settlement.Status{settlement.StatusChallenged},
		pack: marketABI.TryPackResolveChallenge,
	})
	if err != nil {
		return 0, err
	}
	ev, ok := findEvent(r, s.addrs.Market, marketABI.UnpackChallengeResolvedEvent)
	if !ok {
		return 0, fmt.Errorf("resolve-challenge job %d: receipt has no ChallengeResolved event", id)
	}
	switch ev.Outcome {
	case 0:
		return settlement.OutcomeRejected, nil
	case outcomeUpheld:
		return settlement.OutcomeUpheld, nil
	case 2:
		return settlement.OutcomeInconclusive, nil
	}
	return 0, fmt.Errorf("resolve-challenge job %d: unknown outcome %d", id, ev.Outcome)
}
