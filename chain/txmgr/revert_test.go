package txmgr

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/revertdata"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/internal/testharness"
)

// deployToken deploys the dev token owned by the manager's wallet, through the manager.
func deployToken(t *testing.T, m *Manager) common.Address {
	t.Helper()
	code := append(common.FromHex(bindings.BrineTokenMetaData.Bin),
		bindings.NewBrineToken().PackConstructor("Brine", "BRN", m.From())...)
	r, err := m.Send(context.Background(), Request{ID: "deploy/token", Data: code})
	if err != nil {
		t.Fatal(err)
	}
	if r.ContractAddress == (common.Address{}) {
		t.Fatal("no contract address")
	}
	return r.ContractAddress
}

// A call that reverts is not sent, whether its gas is estimated or given: Send returns the
// decoded custom error and the wallet's nonce is untouched.
func TestRevertingCallIsNotSent(t *testing.T) {
	owner, other := newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{owner.addr: ether, other.addr: ether})
	c.mine(20 * time.Millisecond)
	token := deployToken(t, start(t, c.config(c.client, owner, journalIn(t))))
	m := start(t, c.config(c.client, other, journalIn(t)))
	mint := bindings.NewBrineToken().PackMint(other.addr, big.NewInt(1))

	for _, gas := range []uint64{0, 100_000} {
		_, err := m.Send(context.Background(), Request{ID: "mint", To: &token, Data: mint, GasLimit: gas})
		var rev *reverts.Error
		if !errors.As(err, &rev) {
			t.Fatalf("gas %d: got %v, want a *reverts.Error", gas, err)
		}
		if rev.Name != "OwnableUnauthorizedAccount" || len(rev.Args) != 1 || rev.Args[0] != other.addr {
			t.Fatalf("gas %d: got %s%v, want OwnableUnauthorizedAccount(%s)", gas, rev.Name, rev.Args, other.addr)
		}
		if !errors.Is(err, ErrWouldRevert) {
			t.Fatalf("gas %d: %v is not ErrWouldRevert", gas, err)
		}
	}
	if n := c.pendingNonce(other.addr); n != 0 {
		t.Fatalf("pending nonce %d: a reverting call was sent", n)
	}
	if n, _ := m.journalCount(); n != 0 {
		t.Fatalf("journal holds %d requests", n)
	}
}

// Without a configured decoder the manager knows no ABI: a custom error comes back named by
// its selector, its arguments in hex, still wrapped in ErrWouldRevert.
func TestRevertWithoutDecoderNamesTheSelector(t *testing.T) {
	owner, other := newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{owner.addr: ether, other.addr: ether})
	c.mine(20 * time.Millisecond)
	token := deployToken(t, start(t, c.config(c.client, owner, journalIn(t))))
	cfg := c.config(c.client, other, journalIn(t))
	cfg.RevertDecoder = nil
	m := start(t, cfg)
	mint := bindings.NewBrineToken().PackMint(other.addr, big.NewInt(1))

	_, err := m.Send(context.Background(), Request{ID: "mint", To: &token, Data: mint})
	selector := hexutil.Encode(crypto.Keccak256([]byte("OwnableUnauthorizedAccount(address)"))[:4])
	var rev *revertdata.Error
	if !errors.Is(err, ErrWouldRevert) || !errors.As(err, &rev) || rev.Name != selector {
		t.Fatalf("got %v, want ErrWouldRevert wrapping a revert named %s", err, selector)
	}
	if !strings.Contains(err.Error(), strings.ToLower(other.addr.Hex()[2:])) {
		t.Fatalf("%q does not show the argument (%s)", err, other.addr)
	}
}

// A transaction that passes estimation but reverts when mined (an earlier transaction in the
// same block changed the state) returns its receipt and the decoded custom error, found by
// replaying the call; sending the same ID again returns the same outcome.
func TestRevertOnChainIsDecoded(t *testing.T) {
	owner := newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{owner.addr: ether})
	cfg := c.config(c.client, owner, journalIn(t))
	metrics := cfg.Metrics.(*counters)
	m := start(t, cfg)
	stop := c.mine(20 * time.Millisecond)
	token := deployToken(t, m)
	stop()

	abi := bindings.NewBrineToken()
	var renounceLog, mintLog progressLog
	renounced := sendAsync(context.Background(), m, Request{ID: "renounce", To: &token, Data: abi.PackRenounceOwnership(), Progress: renounceLog.record})
	testharness.Eventually(t, 20*time.Second, func() bool { return renounceLog.has(stageIs(StageSent)) }, "renounce sent")
	mintReq := Request{ID: "mint", To: &token, Data: abi.PackMint(owner.addr, big.NewInt(1)), Progress: mintLog.record}
	minted := sendAsync(context.Background(), m, mintReq)
	testharness.Eventually(t, 20*time.Second, func() bool { return mintLog.has(stageIs(StageSent)) }, "mint sent")
	c.mine(20 * time.Millisecond)

	if r := await(t, renounced); r.err != nil {
		t.Fatal(r.err)
	}
	r := await(t, minted)
	if !errors.Is(r.err, ErrReverted) || !reverts.Is(r.err, "OwnableUnauthorizedAccount") {
		t.Fatalf("got %v, want ErrReverted with OwnableUnauthorizedAccount", r.err)
	}
	if r.receipt == nil || r.receipt.Status != types.ReceiptStatusFailed {
		t.Fatalf("want the failed receipt, got %+v", r.receipt)
	}
	if metrics.failed.Load() != 1 {
		t.Fatalf("TxFailed counted %d times, want 1", metrics.failed.Load())
	}

	again, err := m.Send(context.Background(), mintReq)
	if !reverts.Is(err, "OwnableUnauthorizedAccount") || again == nil || again.TxHash != r.receipt.TxHash {
		t.Fatalf("resend: %v, %v; want the journaled outcome", again, err)
	}
	if got := c.nonce(owner.addr); got != 3 {
		t.Fatalf("account nonce %d, want 3 (deploy, renounce, mint)", got)
	}
}

// lowTipClient lies about the market tip for the first few requests.
type lowTipClient struct {
	Client
	lies atomic.Int32
}

func (c *lowTipClient) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	if c.lies.Add(-1) >= 0 {
		return big.NewInt(1), nil
	}
	return c.Client.SuggestGasTipCap(ctx)
}

const minerMinTip = 1_000_000_000 // 1 gwei

// A transaction priced below what block builders accept sits in the pool until ResubmitAfter,
// is replaced by a bumped one, and that one is mined.
func TestStuckTransactionIsBumped(t *testing.T) {
	from, to := newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{from.addr: ether}, simulated.WithMinerMinTip(big.NewInt(minerMinTip)))
	client := &lowTipClient{Client: c.client}
	client.lies.Store(1)
	cfg := c.config(client, from, journalIn(t))
	cfg.ResubmitAfter = 200 * time.Millisecond
	metrics := cfg.Metrics.(*counters)
	m := start(t, cfg)
	c.mine(20 * time.Millisecond)

	var log progressLog
	req := transfer("stuck", to.addr, 3)
	req.Progress = log.record
	r, err := m.Send(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	var first, bumped common.Hash
	for _, p := range log.snapshot() {
		switch p.Stage {
		case StageSigned:
			first = p.Tx
		case StageBumped:
			if p.Replaced == first {
				bumped = p.Tx
			}
		}
	}
	if bumped == (common.Hash{}) || metrics.bumped.Load() != 1 {
		t.Fatalf("bumps: metric %d, events %v", metrics.bumped.Load(), log.snapshot())
	}
	if r.TxHash != bumped {
		t.Fatalf("mined %s, want the replacement %s", r.TxHash, bumped)
	}
	tx, _, err := c.client.TransactionByHash(context.Background(), r.TxHash)
	if err != nil {
		t.Fatal(err)
	}
	if tx.Nonce() != 0 || tx.GasTipCap().Cmp(big.NewInt(minerMinTip)) < 0 {
		t.Fatalf("replacement nonce %d tip %v", tx.Nonce(), tx.GasTipCap())
	}
	if got := c.nonce(from.addr); got != 1 {
		t.Fatalf("account nonce %d, want 1", got)
	}
}

// With MaxFeePerGas too low for the builders, the stuck transaction is not bumped past the cap:
// it waits (StageFeeCapReached, Send returns ErrPending). A manager restarted on the same
// journal without the cap recovers it and gets it mined.
func TestStuckAtFeeCapWaitsAndRecovers(t *testing.T) {
	from, to := newAccount(t), newAccount(t)
	c := newChain(t, map[common.Address]*big.Int{from.addr: ether}, simulated.WithMinerMinTip(big.NewInt(minerMinTip)))
	head, err := c.client.HeaderByNumber(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	client := &lowTipClient{Client: c.client}
	client.lies.Store(1)
	journal := journalIn(t)
	cfg := c.config(client, from, journal)
	cfg.ResubmitAfter = 100 * time.Millisecond
	// Enough for the base fee, never enough for the builders' minimum tip on top of it.
	cfg.MaxFeePerGas = new(big.Int).Add(head.BaseFee, big.NewInt(minerMinTip/2))
	metrics := cfg.Metrics.(*counters)
	m1 := start(t, cfg)
	c.mine(20 * time.Millisecond)

	var log progressLog
	req := transfer("capped", to.addr, 4)
	req.Progress = log.record
	ctx, cancel := context.WithCancel(context.Background())
	res := sendAsync(ctx, m1, req)
	testharness.Eventually(t, 20*time.Second, func() bool { return log.has(stageIs(StageFeeCapReached)) }, "fee cap reached")
	cancel()
	if r := await(t, res); !errors.Is(r.err, ErrPending) {
		t.Fatalf("got %v, want ErrPending", r.err)
	}
	if metrics.bumped.Load() != 0 || c.nonce(from.addr) != 0 {
		t.Fatalf("bumped %d times, nonce %d: want neither", metrics.bumped.Load(), c.nonce(from.addr))
	}
	if err := m1.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}

	cfg2 := c.config(c.client, from, journal)
	cfg2.ResubmitAfter = 100 * time.Millisecond
	m2 := start(t, cfg2)
	if _, err := m2.Send(context.Background(), transfer("capped", to.addr, 4)); err != nil {
		t.Fatal(err)
	}
	if got := cfg2.Metrics.(*counters).bumped.Load(); got < 1 {
		t.Fatalf("recovered manager bumped %d times", got)
	}
	if got := c.nonce(from.addr); got != 1 {
		t.Fatalf("account nonce %d, want 1", got)
	}
}
