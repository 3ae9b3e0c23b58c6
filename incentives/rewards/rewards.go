// Package rewards is the UptimeRewards contract in Brine's types: epochs and their budgets,
// funding, and claiming a provider's rewards with the proofs of published Merkle trees
// (package incentives/merkle). Transactions go through the same Sender as settlement's
// (the transaction manager behind a shim), with idempotency IDs following the rule of
// settlement/onchain:
//
//	<account>/rewards-fund/n<nonce>/<h>     funding (repeatable: <nonce> is the account's
//	                                        confirmed transaction count when the call began)
//	<account>/rewards-claim/<h>             a claim (a claim cannot repeat)
//	<parent ID>/approve/<allowance>         the token approval funding needs first
//
// <h> is the first 6 bytes of keccak256(calldata) in hex.
package rewards

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/settlement/onchain"
)

// MaxClaims is UptimeRewards.MAX_CLAIMS: the most claims (and funded epochs) one
// transaction may carry.
const MaxClaims = 64

// Sender and Tx are settlement/onchain's: one shim over the transaction manager serves both.
type (
	Sender = onchain.Sender
	Tx     = onchain.Tx
)

// Errors callers can test with errors.Is.
var (
	ErrNothingToClaim = errors.New("nothing to claim")
	ErrNoRoot         = errors.New("no reporter posted this tree's root")
	ErrReadOnly       = errors.New("read-only rewards client (no Sender configured)")
)

// Client is what the adapter needs from a chain connection.
type Client interface {
	CallContract(ctx context.Context, call ethereum.CallMsg, blockNumber *big.Int) ([]byte, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
	BlockNumber(ctx context.Context) (uint64, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
}

// Config configures a Rewards client.
type Config struct {
	Client  Client
	Rewards common.Address // the UptimeRewards contract
	Token   common.Address // its reward token
	// FromBlock is where event scans start (the deployment block).
	FromBlock uint64
	// Account acts; zero with a nil Sender for reading only.
	Account common.Address
	Sender  Sender
}

// Rewards is a client of one UptimeRewards contract, acting as Config.Account.
type Rewards struct {
	cfg       Config
	rw        *bindings.UptimeRewards
	token     *bindings.BrineToken
	rootTopic common.Hash

	Genesis     time.Time
	EpochLength time.Duration
	ClaimEpochs uint64
}

// New reads the contract's constants and returns a client.
func New(ctx context.Context, cfg Config) (*Rewards, error) {
	if cfg.Client == nil || cfg.Rewards == (common.Address{}) || cfg.Token == (common.Address{}) {
		return nil, errors.New("rewards: Client, Rewards and Token are required")
	}
	if cfg.Sender != nil && cfg.Account == (common.Address{}) {
		return nil, errors.New("rewards: Account is required with a Sender")
	}
	parsed, err := bindings.UptimeRewardsMetaData.ParseABI()
	if err != nil {
		return nil, err
	}
	r := &Rewards{cfg: cfg, rw: bindings.NewUptimeRewards(), token: bindings.NewBrineToken(), rootTopic: parsed.Events["RootPosted"].ID}
	genesis, err := call(ctx, r, cfg.Rewards, r.rw.PackGenesis(), r.rw.UnpackGenesis)
	if err != nil {
		return nil, fmt.Errorf("rewards: %s: genesis(): %w (is it the UptimeRewards contract?)", cfg.Rewards, err)
	}
	length, err := call(ctx, r, cfg.Rewards, r.rw.PackEpochLength(), r.rw.UnpackEpochLength)
	if err != nil {
		return nil, fmt.Errorf("rewards: epochLength(): %w", err)
	}
	claimEpochs, err := call(ctx, r, cfg.Rewards, r.rw.PackClaimEpochs(), r.rw.UnpackClaimEpochs)
	if err != nil {
		return nil, fmt.Errorf("rewards: claimEpochs(): %w", err)
	}
	r.Genesis = time.Unix(int64(genesis), 0)
	r.EpochLength = time.Duration(length) * time.Second
	r.ClaimEpochs = claimEpochs
	return r, nil
}

// Epoch is one epoch's accounting.
type Epoch struct {
	Epoch          uint64    `json:"epoch"`
	Start          time.Time `json:"start"`
	End            time.Time `json:"end"`
	Budget         *big.Int  `json:"budget"`
	Paid           *big.Int  `json:"paid"`
	Reporters      uint8     `json:"reporters"`      // snapshot at the first root (0 before)
	PerProviderCap *big.Int  `json:"perProviderCap"` // snapshot at the first root
	ClaimableUntil time.Time `json:"claimableUntil"` // claims are refused from this time on
}

// CurrentEpoch is the epoch of the latest block.
func (r *Rewards) CurrentEpoch(ctx context.Context) (uint64, error) {
	e, err := call(ctx, r, r.cfg.Rewards, r.rw.PackCurrentEpoch(), r.rw.UnpackCurrentEpoch)
	if err != nil {
		return 0, fmt.Errorf("rewards: currentEpoch(): %w", err)
	}
	return e, nil
}

// Epoch returns an epoch's accounting.
func (r *Rewards) Epoch(ctx context.Context, epoch uint64) (Epoch, error) {
	info, err := call(ctx, r, r.cfg.Rewards, r.rw.PackEpochInfo(epoch), r.rw.UnpackEpochInfo)
	if err != nil {
		return Epoch{}, fmt.Errorf("rewards: epochInfo(%d): %w", epoch, err)
	}
	start := r.Genesis.Add(time.Duration(epoch) * r.EpochLength)
	return Epoch{
		Epoch:          epoch,
		Start:          start,
		End:            start.Add(r.EpochLength),
		Budget:         info.Budget,
		Paid:           info.Paid,
		Reporters:      info.Reporters,
		PerProviderCap: info.PerProviderCap,
		ClaimableUntil: start.Add(time.Duration(r.ClaimEpochs+1) * r.EpochLength),
	}, nil
}

// Fund adds amount (base units) to each of count epochs from fromEpoch, approving
// amount*count first when the allowance is short. It returns the total taken.
func (r *Rewards) Fund(ctx context.Context, fromEpoch, count uint64, amount *big.Int) (*big.Int, error) {
	if r.cfg.Sender == nil {
		return nil, ErrReadOnly
	}
	switch {
	case amount == nil || amount.Sign() <= 0:
		return nil, errors.New("rewards: fund: the amount per epoch must be positive")
	case count == 0 || count > MaxClaims:
		return nil, fmt.Errorf("rewards: fund: epochs must be 1 to %d", MaxClaims)
	}
	total := new(big.Int).Mul(amount, new(big.Int).SetUint64(count))
	data, err := r.rw.TryPackFund(fromEpoch, count, amount)
	if err != nil {
		return nil, fmt.Errorf("rewards: fund: %w", err)
	}
	// The same funding sent by an earlier process that did not see it confirmed (see
	// settlement/onchain's repeatable steps): its outcome is this call's.
	if res, ok := r.cfg.Sender.(onchain.Resumer); ok {
		if tx, ok := res.TakeResumed(func(tx Tx) bool {
			return tx.To == r.cfg.Rewards && onchain.IsAccountStep(tx.ID, r.cfg.Account, "rewards-fund") && bytes.Equal(tx.Data, data)
		}); ok {
			if _, err := r.cfg.Sender.Send(ctx, tx); err != nil {
				return nil, fmt.Errorf("rewards: fund: %w", reverts.Decode(err))
			}
			return total, nil
		}
	}
	nonce, err := r.cfg.Client.NonceAt(ctx, r.cfg.Account, nil)
	if err != nil {
		return nil, fmt.Errorf("rewards: fund: nonce: %w", err)
	}
	id := fmt.Sprintf("%s/rewards-fund/n%d/%s", r.cfg.Account.Hex(), nonce, shortHash(data))
	have, err := call(ctx, r, r.cfg.Token, r.token.PackAllowance(r.cfg.Account, r.cfg.Rewards), r.token.UnpackAllowance)
	if err != nil {
		return nil, fmt.Errorf("rewards: fund: allowance: %w", err)
	}
	if have.Cmp(total) < 0 {
		approve := Tx{ID: fmt.Sprintf("%s/approve/%s", id, have), To: r.cfg.Token, Data: r.token.PackApprove(r.cfg.Rewards, total)}
		if _, err := r.cfg.Sender.Send(ctx, approve); err != nil {
			return nil, fmt.Errorf("rewards: fund: approve: %w", reverts.Decode(err))
		}
	}
	if _, err := r.cfg.Sender.Send(ctx, Tx{ID: id, To: r.cfg.Rewards, Data: data}); err != nil {
		return nil, fmt.Errorf("rewards: fund: %w", reverts.Decode(err))
	}
	return total, nil
}

// Claim is one leaf the account can claim.
type Claim struct {
	Epoch    uint64         `json:"epoch"`
	Reporter common.Address `json:"reporter"`
	Amount   *big.Int       `json:"amount"`
	Proof    []common.Hash  `json:"proof"`
}

// Skipped is a leaf of the account that will not be claimed, and why.
type Skipped struct {
	Epoch  uint64 `json:"epoch"`
	Root   string `json:"root"`
	Reason string `json:"reason"`
}

// Claims finds the account's unclaimed leaves in trees: for each tree that has a leaf for the
// account, every reporter that posted its root (from RootPosted events; probers that saw the
// same uptimes build the same tree, and each pays from its own share) and the proof. Trees
// without a leaf for the account, already-claimed leaves and roots nobody posted are skipped
// with the reason.
func (r *Rewards) Claims(ctx context.Context, account common.Address, trees []*merkle.Tree) ([]Claim, []Skipped, error) {
	var claims []Claim
	var skipped []Skipped
	seen := map[[2]common.Hash]bool{}
	for _, t := range trees {
		root := t.Root()
		leaf, ok := t.Leaf(account)
		if !ok {
			skipped = append(skipped, Skipped{Epoch: t.Epoch(), Root: root.Hex(), Reason: "no leaf for " + account.Hex()})
			continue
		}
		key := [2]common.Hash{root, common.BigToHash(new(big.Int).SetUint64(t.Epoch()))}
		if seen[key] {
			continue
		}
		seen[key] = true
		posted, err := r.PostedRoots(ctx, t.Epoch(), t.Epoch())
		if err != nil {
			return nil, nil, err
		}
		var reporters []common.Address
		for _, p := range posted {
			if p.Root == root {
				reporters = append(reporters, p.Reporter)
			}
		}
		if len(reporters) == 0 {
			skipped = append(skipped, Skipped{Epoch: t.Epoch(), Root: root.Hex(), Reason: "no reporter posted this root for the epoch"})
			continue
		}
		proof, err := t.Proof(account)
		if err != nil {
			return nil, nil, err
		}
		for _, reporter := range reporters {
			done, err := r.IsClaimed(ctx, account, reporter, t.Epoch())
			if err != nil {
				return nil, nil, err
			}
			if done {
				skipped = append(skipped, Skipped{Epoch: t.Epoch(), Root: root.Hex(), Reason: "already claimed"})
				continue
			}
			claims = append(claims, Claim{Epoch: leaf.Epoch, Reporter: reporter, Amount: leaf.Amount, Proof: proof})
		}
	}
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Epoch < claims[j].Epoch })
	return claims, skipped, nil
}

// Reporter returns the reporter that posted root for epoch.
func (r *Rewards) Reporter(ctx context.Context, epoch uint64, root common.Hash) (common.Address, error) {
	posted, err := r.PostedRoots(ctx, epoch, epoch)
	if err != nil {
		return common.Address{}, err
	}
	for _, p := range posted {
		if p.Root == root {
			return p.Reporter, nil
		}
	}
	return common.Address{}, fmt.Errorf("rewards: epoch %d root %s: %w", epoch, root, ErrNoRoot)
}

// Claim claims the given leaves for the account, MaxClaims per transaction (one transaction
// for up to MaxClaims), and returns the total paid.
func (r *Rewards) Claim(ctx context.Context, claims []Claim) (*big.Int, error) {
	if r.cfg.Sender == nil {
		return nil, ErrReadOnly
	}
	if len(claims) == 0 {
		return nil, ErrNothingToClaim
	}
	total := new(big.Int)
	for start := 0; start < len(claims); start += MaxClaims {
		data, err := r.packClaims(claims[start:min(start+MaxClaims, len(claims))])
		if err != nil {
			return total, err
		}
		rcpt, err := r.cfg.Sender.Send(ctx, Tx{ID: fmt.Sprintf("%s/rewards-claim/%s", r.cfg.Account.Hex(), shortHash(data)), To: r.cfg.Rewards, Data: data})
		if err != nil {
			return total, fmt.Errorf("rewards: claim (%s claimed before this batch): %w", total, reverts.Decode(err))
		}
		for _, l := range rcpt.Logs {
			if l.Address != r.cfg.Rewards {
				continue
			}
			if ev, err := r.rw.UnpackRewardClaimedEvent(l); err == nil {
				total.Add(total, ev.Amount)
			}
		}
	}
	return total, nil
}

func call[T any](ctx context.Context, r *Rewards, to common.Address, data []byte, unpack func([]byte) (T, error)) (T, error) {
	var zero T
	out, err := r.cfg.Client.CallContract(ctx, ethereum.CallMsg{From: r.cfg.Account, To: &to, Data: data}, nil)
	if err != nil {
		return zero, reverts.Decode(err)
	}
	if len(out) == 0 {
		return zero, fmt.Errorf("no code at %s", to)
	}
	return unpack(out)
}

func shortHash(data []byte) string {
	h := crypto.Keccak256(data)
	return fmt.Sprintf("%x", h[:6])
}
