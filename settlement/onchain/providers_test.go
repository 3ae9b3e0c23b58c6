package onchain_test

import (
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/settlement"
)

func TestProviderStakeAndRegistration(t *testing.T) {
	w := newWorld(t)
	p := w.actor("p", deploy.Token(1000))

	info := w.providerInfo(p.S, p.Addr)
	if info.Registered || info.Active || info.Staked.Sign() != 0 {
		t.Fatalf("fresh account: %+v", info)
	}

	// The digest is the registry's, for this account.
	peer := []byte("12D3KooW-test-peer")
	digest, err := p.S.RegistrationDigest(ctx, peer)
	must(t, err)
	strT, _ := abi.NewType("string", "", nil)
	u256, _ := abi.NewType("uint256", "", nil)
	addrT, _ := abi.NewType("address", "", nil)
	b32, _ := abi.NewType("bytes32", "", nil)
	enc, err := abi.Arguments{{Type: strT}, {Type: u256}, {Type: addrT}, {Type: addrT}, {Type: b32}}.
		Pack("brine/register/v1", w.c.ChainID, w.c.Addr.Registry, p.Addr, crypto.Keccak256Hash(peer))
	must(t, err)
	if want := crypto.Keccak256Hash(enc); digest != want {
		t.Fatalf("RegistrationDigest = %s, want %s", digest, want)
	}

	must(t, p.S.Register(ctx, peer, []byte("peer-signature"), []byte(`{"gpu":1}`)))
	info = w.providerInfo(p.S, p.Addr)
	if !info.Registered || info.Active || info.PeerIDHash != crypto.Keccak256Hash(peer) {
		t.Fatalf("after register: %+v", info)
	}

	// Stake with no allowance: approve, then stake.
	since := p.Sender.Mark()
	must(t, p.S.Stake(ctx, deploy.Token(150)))
	sent := since()
	if len(sent) != 2 || !strings.Contains(sent[0].tx.ID, "/stake/") || !strings.HasSuffix(sent[0].tx.ID, "/approve/0") || sent[1].tx.To != w.c.Addr.Registry {
		t.Fatalf("stake sent %d transactions (%v), want approve then stake", len(sent), ids(sent))
	}
	info = w.providerInfo(p.S, p.Addr)
	wantInt(t, "staked", info.Staked, deploy.Token(150))
	if !info.Active {
		t.Fatal("provider with 150 staked is not active")
	}
	wantInt(t, "tokens", w.tokens(p.Addr), deploy.Token(850))

	// With enough allowance already: one transaction.
	_, err = w.c.Approve(p.Account, w.c.Addr.Registry, deploy.Token(500))
	must(t, err)
	since = p.Sender.Mark()
	must(t, p.S.Stake(ctx, deploy.Token(50)))
	if n := len(since()); n != 1 {
		t.Fatalf("stake with allowance sent %d transactions, want 1", n)
	}
	wantInt(t, "staked", w.providerInfo(p.S, p.Addr).Staked, deploy.Token(200))

	// Unstake 120: 80 stays (below minStake 100: inactive), 120 unbonds for 30 s.
	must(t, p.S.Unstake(ctx, deploy.Token(120)))
	info = w.providerInfo(p.S, p.Addr)
	wantInt(t, "staked", info.Staked, deploy.Token(80))
	wantInt(t, "unbonding", info.Unbonding, deploy.Token(120))
	if info.Active {
		t.Error("provider with 80 staked is still active")
	}
	if want := w.chainTime().Add(30 * time.Second); !info.UnbondingEnds.Equal(want) {
		t.Errorf("unbonding ends %s, want %s", info.UnbondingEnds, want)
	}
	if info.UnbondingEnds.Location() != time.UTC {
		t.Errorf("times are not UTC: %s", info.UnbondingEnds.Location())
	}

	_, err = p.S.WithdrawStake(ctx)
	wantErr(t, err, settlement.ErrNothingToDo, "NotUnbonded")
	w.c.Advance(31 * time.Second)
	got, err := p.S.WithdrawStake(ctx)
	must(t, err)
	wantInt(t, "withdrawn stake", got, deploy.Token(120))
	wantInt(t, "tokens", w.tokens(p.Addr), deploy.Token(920))
	_, err = p.S.WithdrawStake(ctx)
	wantErr(t, err, settlement.ErrNothingToDo, "NotUnbonded")

	// Rule violations.
	wantErr(t, p.S.Unstake(ctx, deploy.Token(1000)), settlement.ErrInsufficient, "InsufficientFreeStake")
	since = p.Sender.Mark()
	wantErr(t, p.S.Stake(ctx, big.NewInt(0)), settlement.ErrBadRequest, "-")
	wantErr(t, p.S.Stake(ctx, nil), settlement.ErrBadRequest, "-")
	if n := len(since()); n != 0 {
		t.Errorf("refused stakes sent %d transactions", n)
	}
	wantErr(t, p.S.Register(ctx, nil, nil, nil), settlement.ErrBadRequest, "BadPeerId")
	other := w.actor("other", nil)
	wantErr(t, other.S.Register(ctx, peer, nil, nil), settlement.ErrNotAllowed, "PeerIdTaken")
	wantErr(t, other.S.Stake(ctx, deploy.Token(1)), settlement.ErrInsufficient, "ERC20InsufficientBalance")

	// Re-registering the same peer ID is a new step (not swallowed as a duplicate ID).
	since = p.Sender.Mark()
	must(t, p.S.Register(ctx, peer, []byte("peer-signature"), []byte(`{"gpu":1}`)))
	must(t, p.S.Register(ctx, peer, []byte("peer-signature"), []byte(`{"gpu":1}`)))
	if n := len(since()); n != 2 {
		t.Errorf("two registrations sent %d transactions, want 2", n)
	}
}
