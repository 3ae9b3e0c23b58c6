package simchain

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
)

// Job is a job ID with the record the caller last saw. Actions that change the record update
// Rec from the receipt's events, as a node would.
type Job struct {
	ID  *big.Int
	Rec bindings.JobMarketJob
}

// track updates j.Rec from r when r carries a record for j.
func (c *Chain) track(j *Job, r *types.Receipt) {
	if r == nil {
		return
	}
	if id, rec, err := c.JobRecord(r); err == nil && id.Cmp(j.ID) == 0 {
		j.Rec = rec
	}
}

// Approve lets spender move amount of a's tokens.
func (c *Chain) Approve(a *Account, spender common.Address, amount *big.Int) (*types.Receipt, error) {
	return c.Send(a, c.Token, c.TokenABI.PackApprove(spender, amount))
}

// Register binds a random peer ID to a (the signature is opaque to the contract).
func (c *Chain) Register(a *Account) (*types.Receipt, error) {
	peer := make([]byte, 38)
	_, _ = rand.Read(peer)
	return c.Send(a, c.Registry, c.RegistryABI.PackRegister(peer, []byte("sig"), []byte(`{"cpu":2}`)))
}

// Stake approves and stakes amount.
func (c *Chain) Stake(a *Account, amount *big.Int) error {
	if _, err := c.Approve(a, c.Addr.Registry, amount); err != nil {
		return err
	}
	_, err := c.Send(a, c.Registry, c.RegistryABI.PackStake(amount))
	return err
}

// NewProvider creates an account holding `tokens`, registers it and stakes `stake` of them.
func (c *Chain) NewProvider(name string, tokens, stake *big.Int) (*Account, error) {
	a, err := c.NewAccount(name, tokens)
	if err != nil {
		return nil, err
	}
	if _, err := c.Register(a); err != nil {
		return nil, fmt.Errorf("register %s: %w", name, err)
	}
	if err := c.Stake(a, stake); err != nil {
		return nil, fmt.Errorf("stake %s: %w", name, err)
	}
	return a, nil
}

// Request builds a job request with deadlines relative to the chain's clock.
func (c *Chain) Request(payment, collateral *big.Int, replicas uint8, acceptIn, resultIn time.Duration, window uint32) bindings.JobMarketJobRequest {
	now := c.Now()
	var spec [32]byte
	_, _ = rand.Read(spec[:])
	return bindings.JobMarketJobRequest{
		SpecHash:        spec,
		Payment:         payment,
		Collateral:      collateral,
		Replicas:        replicas,
		AcceptBy:        now + uint64(acceptIn/time.Second),
		ResultBy:        now + uint64(acceptIn/time.Second) + uint64(resultIn/time.Second),
		ChallengeWindow: window,
	}
}

// Post approves the payment and posts req.
func (c *Chain) Post(client *Account, req bindings.JobMarketJobRequest) (*Job, *types.Receipt, error) {
	if _, err := c.Approve(client, c.Addr.Market, req.Payment); err != nil {
		return nil, nil, err
	}
	return c.PostOnly(client, req)
}

// PostOnly posts req relying on an existing allowance.
func (c *Chain) PostOnly(client *Account, req bindings.JobMarketJobRequest) (*Job, *types.Receipt, error) {
	r, err := c.Send(client, c.Market, c.MarketABI.PackPostJob(req))
	if err != nil {
		return nil, r, err
	}
	id, rec, err := c.JobRecord(r)
	if err != nil {
		return nil, r, err
	}
	return &Job{ID: id, Rec: rec}, r, nil
}

// SignPermit signs an ERC-2612 permit of the dev token for owner → spender.
func (c *Chain) SignPermit(owner *Account, spender common.Address, value *big.Int, deadline *big.Int) (bindings.JobMarketPermit, error) {
	nonce, err := Call(c, c.Token, c.TokenABI.PackNonces(owner.Addr), c.TokenABI.UnpackNonces)
	if err != nil {
		return bindings.JobMarketPermit{}, err
	}
	name, err := Call(c, c.Token, c.TokenABI.PackName(), c.TokenABI.UnpackName)
	if err != nil {
		return bindings.JobMarketPermit{}, err
	}
	domain := crypto.Keccak256(
		crypto.Keccak256([]byte("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")),
		crypto.Keccak256([]byte(name)),
		crypto.Keccak256([]byte("1")),
		common.LeftPadBytes(c.ChainID.Bytes(), 32),
		common.LeftPadBytes(c.Addr.Token.Bytes(), 32),
	)
	structHash := crypto.Keccak256(
		crypto.Keccak256([]byte("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)")),
		common.LeftPadBytes(owner.Addr.Bytes(), 32),
		common.LeftPadBytes(spender.Bytes(), 32),
		common.LeftPadBytes(value.Bytes(), 32),
		common.LeftPadBytes(nonce.Bytes(), 32),
		common.LeftPadBytes(deadline.Bytes(), 32),
	)
	digest := crypto.Keccak256(append([]byte{0x19, 0x01}, append(domain, structHash...)...))
	sig, err := crypto.Sign(digest, owner.Key)
	if err != nil {
		return bindings.JobMarketPermit{}, err
	}
	var p bindings.JobMarketPermit
	p.Deadline = deadline
	copy(p.R[:], sig[:32])
	copy(p.S[:], sig[32:64])
	p.V = sig[64] + 27
	return p, nil
}

// PostWithPermit posts req with a permit signed by client, in one transaction.
func (c *Chain) PostWithPermit(client *Account, req bindings.JobMarketJobRequest) (*Job, *types.Receipt, error) {
	permit, err := c.SignPermit(client, c.Addr.Market, req.Payment, new(big.Int).SetUint64(c.Now()+3600))
	if err != nil {
		return nil, nil, err
	}
	r, err := c.Send(client, c.Market, c.MarketABI.PackPostJobWithPermit(req, permit))
	if err != nil {
		return nil, r, err
	}
	id, rec, err := c.JobRecord(r)
	if err != nil {
		return nil, r, err
	}
	return &Job{ID: id, Rec: rec}, r, nil
}

// Accept accepts j as provider p (N=1: the record moves to Accepted; N>1: p takes a seat).
func (c *Chain) Accept(p *Account, j *Job) (*types.Receipt, error) {
	r, err := c.Send(p, c.Market, c.MarketABI.PackAcceptJob(j.ID, j.Rec))
	c.track(j, r)
	return r, err
}

// CommitResult commits cid for j as provider p.
func (c *Chain) CommitResult(p *Account, j *Job, cid []byte) (*types.Receipt, error) {
	r, err := c.Send(p, c.Market, c.MarketABI.PackCommitResult(j.ID, j.Rec, cid))
	c.track(j, r)
	return r, err
}

// Finalize finalizes j as caller.
func (c *Chain) Finalize(caller *Account, j *Job) (*types.Receipt, error) {
	return c.Send(caller, c.Market, c.MarketABI.PackFinalize(j.ID, j.Rec))
}

// FinalizeBatch finalizes jobs as caller.
func (c *Chain) FinalizeBatch(caller *Account, jobs []*Job) (*types.Receipt, error) {
	ids := make([]*big.Int, len(jobs))
	recs := make([]bindings.JobMarketJob, len(jobs))
	for i, j := range jobs {
		ids[i], recs[i] = j.ID, j.Rec
	}
	return c.Send(caller, c.Market, c.MarketABI.PackFinalizeBatch(ids, recs))
}

// Reclaim refunds an unaccepted job.
func (c *Chain) Reclaim(caller *Account, j *Job) (*types.Receipt, error) {
	return c.Send(caller, c.Market, c.MarketABI.PackReclaim(j.ID, j.Rec))
}

// ClaimTimeout refunds a job whose provider missed resultBy.
func (c *Chain) ClaimTimeout(caller *Account, j *Job) (*types.Receipt, error) {
	return c.Send(caller, c.Market, c.MarketABI.PackClaimTimeout(j.ID, j.Rec))
}

// Challenge approves the bond and challenges j.
func (c *Chain) Challenge(challenger *Account, j *Job) (*types.Receipt, error) {
	p, err := Call(c, c.Market, c.MarketABI.PackParams(j.Rec.ParamsId), c.MarketABI.UnpackParams)
	if err != nil {
		return nil, err
	}
	if _, err := c.Approve(challenger, c.Addr.Market, p.ChallengeBond); err != nil {
		return nil, err
	}
	r, err := c.Send(challenger, c.Market, c.MarketABI.PackChallenge(j.ID, j.Rec))
	c.track(j, r)
	return r, err
}

// DrawVerifiers draws j's verifiers and returns them. Gas estimation runs against the latest
// block, so the latest block must already be past the anchor (challenge block + 1): mine two
// blocks after the challenge first.
func (c *Chain) DrawVerifiers(caller *Account, j *Job) ([]common.Address, *types.Receipt, error) {
	r, err := c.Send(caller, c.Market, c.MarketABI.PackDrawVerifiers(j.ID, j.Rec))
	if err != nil {
		return nil, r, err
	}
	for _, l := range r.Logs {
		if ev, err := c.MarketABI.UnpackVerifiersDrawnEvent(l); err == nil {
			return ev.Verifiers, r, nil
		}
	}
	return nil, r, nil
}

// Salt returns 32 random bytes.
func Salt() [32]byte {
	var s [32]byte
	_, _ = rand.Read(s[:])
	return s
}

// Commitment computes the panel commitment for a member, as the market does.
func (c *Chain) Commitment(j *Job, kind uint8, member common.Address, cid []byte, salt [32]byte) ([32]byte, error) {
	var rh [32]byte
	copy(rh[:], crypto.Keccak256(cid))
	return Call(c, c.Market, c.MarketABI.PackCommitmentFor(j.ID, kind, member, rh, salt), c.MarketABI.UnpackCommitmentFor)
}

// CommitVote commits a verifier's vote for cid at seat index.
func (c *Chain) CommitVote(v *Account, j *Job, index uint8, cid []byte, salt [32]byte) (*types.Receipt, error) {
	cm, err := c.Commitment(j, 1, v.Addr, cid, salt)
	if err != nil {
		return nil, err
	}
	return c.Send(v, c.Market, c.MarketABI.PackCommitVote(j.ID, index, cm))
}

// RevealVote reveals a verifier's vote.
func (c *Chain) RevealVote(v *Account, j *Job, index uint8, cid []byte, salt [32]byte) (*types.Receipt, error) {
	return c.Send(v, c.Market, c.MarketABI.PackRevealVote(j.ID, index, cid, salt))
}

// PassAppealWindow moves the clock past the appeal window of j's first verifier panel (its
// revealBy plus the vote reveal window), after which the panel's Upheld or Rejected verdict
// can be resolved.
func (c *Chain) PassAppealWindow(j *Job) error {
	p, err := Call(c, c.Market, c.MarketABI.PackParams(j.Rec.ParamsId), c.MarketABI.UnpackParams)
	if err != nil {
		return err
	}
	panel, err := Call(c, c.Market, c.MarketABI.PackGetPanel(j.ID, 1), c.MarketABI.UnpackGetPanel)
	if err != nil {
		return err
	}
	c.AdvanceTo(panel.RevealBy + uint64(p.VoteRevealWindow) + 1)
	return nil
}

// Appeal approves the appeal bond and appeals j's first verifier panel's verdict.
func (c *Chain) Appeal(appellant *Account, j *Job) (*types.Receipt, error) {
	bond, err := Call(c, c.Market, c.MarketABI.PackAppealBond(j.Rec.ParamsId), c.MarketABI.UnpackAppealBond)
	if err != nil {
		return nil, err
	}
	if _, err := c.Approve(appellant, c.Addr.Market, bond); err != nil {
		return nil, err
	}
	return c.Send(appellant, c.Market, c.MarketABI.PackAppeal(j.ID, j.Rec))
}

// ResolveChallenge resolves j's challenge.
func (c *Chain) ResolveChallenge(caller *Account, j *Job) (*types.Receipt, error) {
	r, err := c.Send(caller, c.Market, c.MarketABI.PackResolveChallenge(j.ID, j.Rec))
	c.track(j, r)
	return r, err
}

// CommitReplica commits a replica's result at seat index.
func (c *Chain) CommitReplica(p *Account, j *Job, index uint8, cid []byte, salt [32]byte) (*types.Receipt, error) {
	cm, err := c.Commitment(j, 0, p.Addr, cid, salt)
	if err != nil {
		return nil, err
	}
	return c.Send(p, c.Market, c.MarketABI.PackCommitReplica(j.ID, index, cm))
}

// RevealReplica reveals a replica's result.
func (c *Chain) RevealReplica(p *Account, j *Job, index uint8, cid []byte, salt [32]byte) (*types.Receipt, error) {
	return c.Send(p, c.Market, c.MarketABI.PackRevealReplica(j.ID, index, cid, salt))
}

// ResolveReplicas tallies a replicated job.
func (c *Chain) ResolveReplicas(caller *Account, j *Job) (*types.Receipt, error) {
	r, err := c.Send(caller, c.Market, c.MarketABI.PackResolveReplicas(j.ID, j.Rec))
	c.track(j, r)
	return r, err
}

// Withdraw withdraws a's market balance.
func (c *Chain) Withdraw(a *Account) (*types.Receipt, error) {
	return c.Send(a, c.Market, c.MarketABI.PackWithdraw())
}

// MarketBalance is a's credited market balance.
func (c *Chain) MarketBalance(addr common.Address) (*big.Int, error) {
	return Call(c, c.Market, c.MarketABI.PackBalances(addr), c.MarketABI.UnpackBalances)
}
