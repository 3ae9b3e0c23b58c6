package onchain

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/chain/reverts"
)

// Posts in flight.
//
// PostJob holds spendMu from its allowance check until its transaction is broadcast (the
// Sender calls Tx.Sent; one that cannot tell releases it when Send returns), not until it is
// mined: a fan-out of N posts then goes out in one block instead of N. What the lock
// protected now has to hold across posts that are broadcast and not yet mined:
//
//   - the balance and the allowance: a post must not count on tokens or an allowance that
//     posts ahead of it will take. Every transaction of the account executes in nonce order,
//     so the posts ahead of a new one are exactly those in flight whose nonce is at or above
//     the account's nonce at the block the balance and allowance are read at (one block for
//     all three reads). A new post goes out while posts are ahead of it only when the balance
//     and the allowance left after them cover it; otherwise it waits for them to be mined.
//   - approvals and permits: they set the allowance outright, so one sent while posts are
//     ahead could take the allowance those posts count on, and a permit's token nonce would
//     be off by the permits ahead. So an approval or a permit is only made with no post of
//     ours ahead (as before: the posts ahead are waited for), and a post made with one
//     leaves no allowance for the posts behind it, which therefore wait for it.
//     ApprovePosts approves a fan-out's total in one transaction ahead of its posts, so they
//     need neither.
//   - the ID: two identical requests made at once would share a repeatable step's ID (the
//     confirmed nonce is the same), and the second would get the first's job. A post whose ID
//     a live post holds waits for it.
//
// Nothing here is kept on disk: after a crash every post of the earlier process is either
// journaled by the transaction manager and finished before the Settlement opens
// (OpenManaged), or never signed.

// postPollInterval is how often a post waiting for the posts ahead of it looks again, in case
// one of them ends without its Send returning (its caller gave up waiting).
const postPollInterval = time.Second

// flyingPost is one post broadcast and not yet seen landed.
type flyingPost struct {
	payment *big.Int
	nonce   uint64
	// waiting counts the PostJob calls waiting on this ID; an ID nobody waits on (its caller's
	// context ended while it was in flight) still takes its payment but is open to a retry,
	// which joins it.
	waiting int
}

// postBook is the account's posts in flight.
type postBook struct {
	mu     sync.Mutex
	byID   map[string]*flyingPost
	landed chan struct{} // closed and replaced each time a post lands
}

func (b *postBook) init() {
	b.byID = map[string]*flyingPost{}
	b.landed = make(chan struct{})
}

// join books one more caller waiting on the post id when it is in flight with its nonce known
// (a retry of a call that stopped waiting): it need not wait for a broadcast.
func (b *postBook) join(id string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	p, ok := b.byID[id]
	if ok {
		p.waiting++
	}
	return ok
}

// fly records the post id as broadcast with nonce; first: by a caller not yet booked (later
// broadcasts may carry a re-signed nonce).
func (b *postBook) fly(id string, nonce uint64, payment *big.Int, first bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.byID[id]
	if p == nil {
		p = &flyingPost{payment: new(big.Int).Set(payment)}
		b.byID[id] = p
	}
	p.nonce = nonce
	if first {
		p.waiting++
	}
}

// land ends a PostJob's wait on id (booked or not); gone is whether its transaction is finished (mined or
// dropped), not merely left by a caller that stopped waiting.
func (b *postBook) land(id string, gone bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.byID[id]
	if p == nil {
		return
	}
	p.waiting--
	if gone {
		delete(b.byID, id)
	}
	close(b.landed)
	b.landed = make(chan struct{})
}

// ahead is what the posts in flight that the account's nonce n has not reached will take,
// whether one of them is id with a caller still waiting, and a channel that is closed when a
// post lands.
func (b *postBook) ahead(n uint64, id string) (total *big.Int, busy bool, landed <-chan struct{}) {
	b.mu.Lock()
	defer b.mu.Unlock()
	total = new(big.Int)
	for pid, p := range b.byID {
		if p.nonce >= n {
			total.Add(total, p.payment)
		} else if p.waiting == 0 {
			delete(b.byID, pid) // mined, and nobody waits for it any more
			continue
		}
		if pid == id && p.waiting > 0 {
			busy = true
		}
	}
	return total, busy, b.landed
}

// room is the account's balance and allowance to the market at one block, less what the
// posts in flight ahead of a new post will take.
type room struct {
	balance, allowance *big.Int
	ahead              *big.Int // what the posts ahead take (zero: none)
	busy               bool     // a live post holds the new post's ID
	landed             <-chan struct{}
}

// covers reports whether the room left covers amount without an approval.
func (r room) covers(amount *big.Int) bool {
	return r.allowance.Cmp(amount) >= 0 && r.balance.Cmp(amount) >= 0
}

// roomFor reads the account's room for a post with transaction ID id at the head block.
func (s *Settlement) roomFor(ctx context.Context, id string) (room, error) {
	head, err := s.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return room{}, fmt.Errorf("head header: %w", err)
	}
	at := head.Number
	n, err := s.client.NonceAt(ctx, s.account, at)
	if err != nil {
		return room{}, fmt.Errorf("nonce of %s at block %s: %w", s.account, at, err)
	}
	balance, err := callAt(ctx, s, s.addrs.Token, at, tokenABI.PackBalanceOf(s.account), tokenABI.UnpackBalanceOf)
	if err != nil {
		return room{}, fmt.Errorf("balance at block %s: %w", at, err)
	}
	allowance, err := callAt(ctx, s, s.addrs.Token, at, tokenABI.PackAllowance(s.account, s.addrs.Market), tokenABI.UnpackAllowance)
	if err != nil {
		return room{}, fmt.Errorf("allowance at block %s: %w", at, err)
	}
	r := room{}
	r.ahead, r.busy, r.landed = s.posts.ahead(n, id)
	r.balance = new(big.Int).Sub(balance, r.ahead)
	r.allowance = new(big.Int).Sub(allowance, r.ahead)
	return r, nil
}

// waitForRoom reads the room for a post of payment with ID id until no post ahead stands in
// its way: none is ahead, or those ahead leave it enough balance and allowance, and no live
// post holds its ID. Hold spendMu.
func (s *Settlement) waitForRoom(ctx context.Context, id string, payment *big.Int) (room, error) {
	for {
		r, err := s.roomFor(ctx, id)
		if err != nil {
			return r, err
		}
		if !r.busy && (r.ahead.Sign() == 0 || r.covers(payment)) {
			return r, nil
		}
		s.log.Debug("post waits for the posts ahead of it", "id", id, "ahead", r.ahead, "busy", r.busy)
		select {
		case <-ctx.Done():
			return r, ctx.Err()
		case <-r.landed:
		case <-s.clock.After(postPollInterval):
		}
	}
}

// waitPostsLanded waits until no post of ours is in flight ahead of the next transaction: a
// step that spends the account's tokens other than a post (a bond, a stake) checks its balance
// and allowance at the latest block, which the posts ahead have not taken from yet. Hold
// spendMu.
func (s *Settlement) waitPostsLanded(ctx context.Context) error {
	for {
		r, err := s.roomFor(ctx, "")
		if err != nil || r.ahead.Sign() == 0 {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-r.landed:
		case <-s.clock.After(postPollInterval):
		}
	}
}

// ApprovePosts makes the market's allowance cover total more than the posts in flight will
// take, approving total when it does not, and waits for the approval to be mined: the posts
// of a fan-out, made right after, then need no approval or permit each and go out at once
// (see PostJob). An allowance to the market can only be spent by this account's own posts
// (the market pulls a post's payment from its sender), so one a failed post leaves unused
// stays harmless. The balance is not checked here: each post checks its own.
func (s *Settlement) ApprovePosts(ctx context.Context, total *big.Int) error {
	if err := s.writable(); err != nil {
		return err
	}
	if total == nil || total.Sign() <= 0 {
		return nil
	}
	s.spendMu.Lock()
	defer s.spendMu.Unlock()
	r, err := s.roomFor(ctx, "")
	if err != nil {
		return fmt.Errorf("approve posts: %w", err)
	}
	if r.allowance.Cmp(total) >= 0 {
		return nil
	}
	data, err := tokenABI.TryPackApprove(s.addrs.Market, total)
	if err != nil {
		return err
	}
	// The approval sets the allowance outright once the posts ahead of it took theirs.
	id, err := s.accountTxID(ctx, "approve-posts", data)
	if err != nil {
		return err
	}
	_, err = s.send(ctx, "approve posts", Tx{ID: id, To: s.addrs.Token, Data: data})
	return err
}

// callAt is call on the state at block at.
func callAt[T any](ctx context.Context, s *Settlement, to common.Address, at *big.Int, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := s.client.CallContract(ctx, ethereum.CallMsg{From: s.account, To: &to, Data: data}, at)
	if err != nil {
		return zero, mapError(reverts.Decode(err))
	}
	v, err := unpack(out)
	if err != nil {
		return zero, fmt.Errorf("unpack result: %w", err)
	}
	return v, nil
}
