package onchain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/txmgr"
	"github.com/brine-compute/brine/settlement"
)

// permitTypeHash is EIP-2612's PERMIT_TYPEHASH.
var permitTypeHash = crypto.Keccak256Hash([]byte("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"))

// supportsPermit reports whether the token answers ERC-2612's nonces() and DOMAIN_SEPARATOR().
func (s *Settlement) supportsPermit(ctx context.Context) bool {
	if _, err := call(ctx, s, s.addrs.Token, tokenABI.PackNonces(s.account), tokenABI.UnpackNonces); err != nil {
		s.log.Debug("token has no ERC-2612 nonces(); posting with approve", "err", err)
		return false
	}
	if _, err := call(ctx, s, s.addrs.Token, tokenABI.PackDOMAINSEPARATOR(), tokenABI.UnpackDOMAINSEPARATOR); err != nil {
		s.log.Debug("token has no ERC-2612 DOMAIN_SEPARATOR(); posting with approve", "err", err)
		return false
	}
	return true
}

// signPermit signs an ERC-2612 permit letting spender take value of the account's tokens until
// deadline, under the token's own DOMAIN_SEPARATOR.
func (s *Settlement) signPermit(ctx context.Context, spender common.Address, value *big.Int, deadline uint64) (bindings.JobMarketPermit, error) {
	var p bindings.JobMarketPermit
	nonce, err := call(ctx, s, s.addrs.Token, tokenABI.PackNonces(s.account), tokenABI.UnpackNonces)
	if err != nil {
		return p, fmt.Errorf("permit: nonces(): %w", err)
	}
	domain, err := call(ctx, s, s.addrs.Token, tokenABI.PackDOMAINSEPARATOR(), tokenABI.UnpackDOMAINSEPARATOR)
	if err != nil {
		return p, fmt.Errorf("permit: DOMAIN_SEPARATOR(): %w", err)
	}
	dl := new(big.Int).SetUint64(deadline)
	structHash := crypto.Keccak256(
		permitTypeHash[:],
		common.LeftPadBytes(s.account[:], 32),
		common.LeftPadBytes(spender[:], 32),
		common.LeftPadBytes(value.Bytes(), 32),
		common.LeftPadBytes(nonce.Bytes(), 32),
		common.LeftPadBytes(dl.Bytes(), 32),
	)
	digest := crypto.Keccak256([]byte{0x19, 0x01}, domain[:], structHash)
	sig, err := s.signer.SignHash(digest)
	if err != nil {
		return p, fmt.Errorf("permit: sign: %w", err)
	}
	if len(sig) != crypto.SignatureLength {
		return p, fmt.Errorf("permit: signature is %d bytes, want %d", len(sig), crypto.SignatureLength)
	}
	rsv := append([]byte(nil), sig...)
	if rsv[64] >= 27 {
		rsv[64] -= 27
	}
	// The market swallows a failing permit (front-running defence), so a signer for another
	// account would only show up as a missing allowance. Catch it here.
	pub, err := crypto.SigToPub(digest, rsv)
	if err != nil || crypto.PubkeyToAddress(*pub) != s.account {
		return p, fmt.Errorf("permit: the signer does not sign for %s", s.account)
	}
	p.Deadline = dl
	p.V = rsv[64] + 27
	copy(p.R[:], rsv[:32])
	copy(p.S[:], rsv[32:64])
	return p, nil
}

// PostJob escrows req.Payment and posts the job. With a Signer and an ERC-2612 token it is one
// transaction (postJobWithPermit); otherwise it approves the market first when the allowance
// is short. An allowance that already covers it (ApprovePosts) needs neither. The request is
// checked against the head block's time before anything is sent. Posts of one Settlement go
// out concurrently: each holds the account's spend lock only until it is broadcast (see
// posts.go for what keeps them from counting on the same tokens).
func (s *Settlement) PostJob(ctx context.Context, req settlement.JobRequest) (settlement.Job, error) {
	if err := s.writable(); err != nil {
		return settlement.Job{}, err
	}
	now, err := s.now(ctx)
	if err != nil {
		return settlement.Job{}, err
	}
	if err := req.Check(now); err != nil {
		return settlement.Job{}, fmt.Errorf("post job: %w", err)
	}
	breq, err := toRequest(req)
	if err != nil {
		return settlement.Job{}, fmt.Errorf("post job: %w", err)
	}
	plain, err := marketABI.TryPackPostJob(breq)
	if err != nil {
		return settlement.Job{}, fmt.Errorf("post job: %w", err)
	}

	s.spendMu.Lock()
	release := sync.OnceFunc(s.spendMu.Unlock)
	defer release()
	if tx, ok := s.adopt("post", s.addrs.Market, plain, samePost); ok {
		// An earlier process posted this request (with its own deadlines) and did not see
		// it confirmed: that post is the outcome, and its approval, if any, is done.
		return s.postOutcome(ctx, tx, nil, release)
	}
	// The ID hashes the plain request so the permit path and the approve path of one call
	// (and its retries) share it.
	var (
		id string
		rm room
	)
	for {
		if id, err = s.accountTxID(ctx, "post", plain); err != nil {
			return settlement.Job{}, err
		}
		if rm, err = s.waitForRoom(ctx, id, breq.Payment); err != nil {
			return settlement.Job{}, fmt.Errorf("post job: %w", err)
		}
		// Waiting for the posts ahead moved the account's nonce: the ID must name the
		// nonce of now, or a retry of this call could not find it.
		again, err := s.accountTxID(ctx, "post", plain)
		if err != nil {
			return settlement.Job{}, err
		}
		if again == id {
			break
		}
	}
	data := plain
	if rm.allowance.Cmp(breq.Payment) < 0 {
		// No post of ours is ahead (waitForRoom): the allowance read is the allowance.
		if s.permit {
			// The permit is good until acceptBy: posting later is refused anyway.
			permit, err := s.signPermit(ctx, s.addrs.Market, breq.Payment, breq.AcceptBy)
			if err != nil {
				return settlement.Job{}, fmt.Errorf("post job: %w", err)
			}
			if data, err = marketABI.TryPackPostJobWithPermit(breq, permit); err != nil {
				return settlement.Job{}, fmt.Errorf("post job: %w", err)
			}
		} else if err := s.ensureAllowance(ctx, s.addrs.Market, breq.Payment, id, "post job"); err != nil {
			return settlement.Job{}, err
		}
	}
	return s.postOutcome(ctx, Tx{ID: id, To: s.addrs.Market, Data: data}, breq.Payment, release)
}

// RecoveredPost returns the job that an interrupted earlier run of this account posted with
// req (the same request up to its deadlines), when the transaction manager recovered that
// post at start: a re-run of the same submission then follows it instead of posting again.
// ok is false when there is none. It sends nothing new: the recovered transaction was
// finished when the manager resumed.
func (s *Settlement) RecoveredPost(ctx context.Context, req settlement.JobRequest) (job settlement.Job, ok bool, err error) {
	if err := s.writable(); err != nil {
		return settlement.Job{}, false, err
	}
	breq, err := toRequest(req)
	if err != nil {
		return settlement.Job{}, false, fmt.Errorf("post job: %w", err)
	}
	plain, err := marketABI.TryPackPostJob(breq)
	if err != nil {
		return settlement.Job{}, false, fmt.Errorf("post job: %w", err)
	}
	tx, ok := s.adopt("post", s.addrs.Market, plain, samePost)
	if !ok {
		return settlement.Job{}, false, nil
	}
	job, err = s.postOutcome(ctx, tx, nil, func() {})
	return job, err == nil, err
}

// postOutcome sends a post and returns the job its receipt's JobPosted announces. A post of
// payment (nil: an earlier process's, recovered and finished) is booked as in flight from its
// first broadcast until Send returns, and release (the spend lock) is called at that broadcast.
func (s *Settlement) postOutcome(ctx context.Context, tx Tx, payment *big.Int, release func()) (settlement.Job, error) {
	var (
		mu     sync.Mutex // Sent runs on the Sender's goroutine
		booked bool
	)
	if payment != nil {
		if s.posts.join(tx.ID) {
			booked = true // a retry of a post in flight: its nonce is known, nothing is sent
			release()
		} else {
			tx.Sent = func(nonce uint64) {
				mu.Lock()
				defer mu.Unlock()
				s.posts.fly(tx.ID, nonce, payment, !booked)
				booked = true
				release()
			}
		}
	}
	r, err := s.send(ctx, "post job", tx)
	mu.Lock()
	if booked {
		// A call that stopped waiting leaves its post booked while it may still be mined.
		s.posts.land(tx.ID, !(errors.Is(err, txmgr.ErrPending) || ctx.Err() != nil))
	}
	mu.Unlock()
	release()
	if err != nil {
		return settlement.Job{}, err
	}
	ev, ok := findEvent(r, s.addrs.Market, marketABI.UnpackJobPostedEvent)
	if !ok {
		return settlement.Job{}, errors.New("post job: receipt has no JobPosted event")
	}
	return toJob(settlement.JobID(ev.Id.Uint64()), ev.Job, settlement.StatusOpen, nil), nil
}

// Reclaim refunds an open job nobody (or not enough replicas) accepted by its accept-by time.
func (s *Settlement) Reclaim(ctx context.Context, id settlement.JobID) error {
	_, err := s.onJob(ctx, id, jobStep{
		name: "reclaim",
		want: []settlement.Status{settlement.StatusOpen},
		pack: marketABI.TryPackReclaim,
	})
	return err
}

// ClaimTimeout refunds a job whose provider committed no result by its result-by time.
func (s *Settlement) ClaimTimeout(ctx context.Context, id settlement.JobID) error {
	_, err := s.onJob(ctx, id, jobStep{
		name: "claim-timeout",
		want: []settlement.Status{settlement.StatusAccepted},
		pack: marketABI.TryPackClaimTimeout,
	})
	return err
}
