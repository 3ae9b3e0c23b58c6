package hardhat_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/chain/txmgr"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/hardhat"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
	"github.com/brine-compute/brine/wallet"
)

var (
	marketABI = bindings.NewJobMarket()
	tokenABI  = bindings.NewBrineToken()
)

// TestBrineOnHardhat runs Brine against a Hardhat node, an EVM node Brine does not embed:
// deploy with deploy.Deploy, a deployment file that verifies on Hardhat (and one written on the
// simulated chain that is refused), then a job's whole life through wallet keys, the
// transaction manager and settlement/onchain, with reverts decoded from Hardhat's error format
// and the books audited at the end.
func TestBrineOnHardhat(t *testing.T) {
	n := hardhat.Start(t)
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Second)
	defer cancel()

	if got, err := n.Client.ChainID(ctx); err != nil || got.Cmp(big.NewInt(hardhat.ChainID)) != 0 {
		t.Fatalf("chain ID = %v, %v; want %d", got, err, hardhat.ChainID)
	}
	ownerKey, _ := n.Key(0)
	provKey, prov := n.Key(1)
	clientKey, client := n.Key(2)
	_, treasury := n.Key(9)

	// Deploy with a plain bind.TransactOpts from a Hardhat key.
	head, err := n.Client.HeaderByNumber(ctx, nil)
	must(t, err)
	cfg := deploy.DevConfig(treasury, head.Time)
	auth := bind.NewKeyedTransactor(ownerKey, n.ChainID)
	auth.Context = ctx
	addrs, err := deploy.Deploy(ctx, n.Client, auth, cfg)
	must(t, err)

	// The deployment file: written, loaded and verified on Hardhat.
	dir := t.TempDir()
	file, err := deploy.NewFile(ctx, n.Client, addrs, cfg)
	must(t, err)
	if file.ChainID != hardhat.ChainID {
		t.Fatalf("deployment file chain ID %d, want %d", file.ChainID, hardhat.ChainID)
	}
	hhPath := filepath.Join(dir, "hardhat.json")
	must(t, file.Write(hhPath))
	loaded, err := deploy.Load(hhPath)
	must(t, err)
	must(t, loaded.Verify(ctx, n.Client))
	if *loaded.Addresses() != *addrs {
		t.Fatalf("loaded addresses %+v, deployed %+v", loaded.Addresses(), addrs)
	}

	// A deployment file written on the simulated chain (chain ID 1337, as the devnet) is refused
	// by Hardhat's chain ID, and Hardhat's file is refused by the simulated chain.
	sim := simchain.New(t)
	simFile, err := deploy.NewFile(ctx, sim.Client, &sim.Addr, sim.Config)
	must(t, err)
	simPath := filepath.Join(dir, "simulated.json")
	must(t, simFile.Write(simPath))
	simLoaded, err := deploy.Load(simPath)
	must(t, err)
	wantChainMismatch(t, simLoaded.Verify(ctx, n.Client), sim.ChainID.Uint64(), hardhat.ChainID)
	wantChainMismatch(t, loaded.Verify(ctx, sim.Client), hardhat.ChainID, sim.ChainID.Uint64())
	// Same chain ID, other code: a file whose market address holds the token's code.
	swapped := *loaded
	swapped.Market = loaded.Token
	var codeErr *deploy.CodeMismatchError
	if err := swapped.Verify(ctx, n.Client); !errors.As(err, &codeErr) || codeErr.Contract != deploy.NameJobMarket {
		t.Fatalf("verify with the market's address swapped: %v, want a CodeMismatchError for %s", err, deploy.NameJobMarket)
	}

	// Tokens for the provider and the client, minted by the owner (plain bind, as deploy does).
	token := tokenABI.Instance(n.Client, addrs.Token)
	for _, to := range []common.Address{prov, client} {
		tx, err := bind.Transact(token, auth, tokenABI.PackMint(to, deploy.Token(1000)))
		must(t, err)
		r, err := bind.WaitMined(ctx, n.Client, tx.Hash())
		must(t, err)
		if r.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("mint to %s reverted", to)
		}
	}

	// Provider and client act as the CLI does: keys in a keystore, one transaction manager
	// each, settlement/onchain on top.
	p := newActor(ctx, t, n, provKey, addrs)
	c := newActor(ctx, t, n, clientKey, addrs)

	peerID := []byte("12D3KooW-hardhat-provider")
	digest, err := p.S.RegistrationDigest(ctx, peerID)
	must(t, err)
	peerKey, err := crypto.GenerateKey()
	must(t, err)
	peerSig, err := crypto.Sign(digest[:], peerKey)
	must(t, err)
	must(t, p.S.Register(ctx, peerID, peerSig, []byte(`{"cpu":4}`)))
	stake := deploy.Token(200)
	must(t, p.S.Stake(ctx, stake))
	info, err := p.S.Provider(ctx, prov)
	must(t, err)
	if !info.Registered || !info.Active || info.Staked.Cmp(stake) != 0 || info.Locked.Sign() != 0 {
		t.Fatalf("provider after register and stake: %+v", info)
	}

	// The client posts a job with a permit: one transaction, postJobWithPermit.
	payment, collateral := deploy.Token(10), deploy.Token(20) // the market asks 2× the payment
	window := 60 * time.Second
	head, err = n.Client.HeaderByNumber(ctx, nil)
	must(t, err)
	now := time.Unix(int64(head.Time), 0)
	since := c.Sender.mark()
	job, err := c.S.PostJob(ctx, settlement.JobRequest{
		SpecHash:        crypto.Keccak256Hash([]byte("hardhat e2e spec")),
		Payment:         payment,
		Collateral:      collateral,
		Replicas:        1,
		AcceptBy:        now.Add(5 * time.Minute),
		ResultBy:        now.Add(10 * time.Minute),
		ChallengeWindow: window,
	})
	must(t, err)
	if sent := since(); len(sent) != 1 || !bytes.HasPrefix(sent[0].Data, marketABI.GetABI().Methods["postJobWithPermit"].ID) {
		t.Fatalf("posting sent %d transactions (%v), want one postJobWithPermit", len(sent), sent)
	}
	wantInt(t, "client allowance to the market after the permit", view(ctx, t, n, addrs.Token, tokenABI.PackAllowance(client, addrs.Market), tokenABI.UnpackAllowance), new(big.Int))

	must(t, p.S.Accept(ctx, job.ID))
	cid := []byte("\x01\x55\x12\x20hardhat-result")
	must(t, p.S.CommitResult(ctx, job.ID, cid))
	committed, err := p.S.Job(ctx, job.ID)
	must(t, err)
	if committed.Status != settlement.StatusCommitted || !bytes.Equal(committed.ResultCID, cid) {
		t.Fatalf("job after commit: status %s, CID %q", committed.Status, committed.ResultCID)
	}
	info, err = p.S.Provider(ctx, prov)
	must(t, err)
	wantInt(t, "locked collateral", info.Locked, collateral)

	// Too early: the market's TooEarly comes back from Hardhat's error format decoded, through
	// settlement (estimation) and through the manager directly with a fixed gas limit (a
	// pre-flight eth_call); nothing is sent.
	ends := big.NewInt(committed.ChallengeEnds().Unix())
	nonce, err := n.Client.NonceAt(ctx, prov, nil)
	must(t, err)
	err = p.S.Finalize(ctx, job.ID)
	if !errors.Is(err, settlement.ErrTooEarly) || !errors.Is(err, txmgr.ErrWouldRevert) {
		t.Fatalf("finalize too early: %v, want ErrTooEarly and ErrWouldRevert", err)
	}
	wantRevert(t, err, "TooEarly", ends)
	finalize, err := marketABI.TryPackFinalize(big.NewInt(int64(job.ID)), committedRecord(ctx, t, n, addrs, job.ID))
	must(t, err)
	for _, gas := range []uint64{0, 300_000} {
		_, err := p.Mgr.Send(ctx, txmgr.Request{ID: "raw-finalize-too-early", To: &addrs.Market, Data: finalize, GasLimit: gas})
		if !errors.Is(err, txmgr.ErrWouldRevert) {
			t.Fatalf("raw finalize (gas %d): %v, want ErrWouldRevert", gas, err)
		}
		wantRevert(t, err, "TooEarly", ends)
	}
	if after, err := n.Client.NonceAt(ctx, prov, nil); err != nil || after != nonce {
		t.Fatalf("provider nonce %d after refused calls, was %d (%v): a reverting call was sent", after, nonce, err)
	}

	// Time passes on Hardhat (evm_increaseTime, evm_mine); finalize and withdraw.
	headTime, err := n.Advance(ctx, window)
	must(t, err)
	if headTime < ends.Uint64() {
		t.Fatalf("head time %d after Advance, challenge window ends %d", headTime, ends)
	}
	must(t, p.S.Finalize(ctx, job.ID))
	fee := new(big.Int).Div(new(big.Int).Mul(payment, big.NewInt(int64(cfg.Market.FeeBps))), big.NewInt(10_000))
	paid := new(big.Int).Sub(payment, fee)
	credited, err := p.S.Balance(ctx, prov)
	must(t, err)
	wantInt(t, "provider's credited balance", credited, paid)
	got, err := p.S.Withdraw(ctx)
	must(t, err)
	wantInt(t, "withdrawn", got, paid)
	final, err := c.S.Job(ctx, job.ID)
	must(t, err)
	if final.Status != settlement.StatusFinalized {
		t.Fatalf("job status %s, want finalized", final.Status)
	}

	// Exact figures: balances, stake, and the audit.
	thousand := deploy.Token(1000)
	wantInt(t, "provider tokens", tokens(ctx, t, n, addrs.Token, prov), sum(thousand, neg(stake), paid))
	wantInt(t, "client tokens", tokens(ctx, t, n, addrs.Token, client), sum(thousand, neg(payment)))
	info, err = p.S.Provider(ctx, prov)
	must(t, err)
	wantInt(t, "stake after finalize", info.Staked, stake)
	wantInt(t, "locked after finalize", info.Locked, new(big.Int))
	wantAudit(ctx, t, n, *addrs, map[string]*big.Int{
		"JobMarket":        fee, // the treasury's accrued fee
		"ProviderRegistry": stake,
		"UptimeRewards":    new(big.Int),
	})

	// A transaction that passes its checks but reverts when mined: two withdrawFees wait in
	// Hardhat's mempool (automine off) and are mined in one block; the second finds nothing to
	// withdraw. The manager returns its failed receipt and the revert, recovered by replaying
	// the call on Hardhat (its error object again).
	must(t, n.SetAutomine(ctx, false))
	cNonce, err := n.Client.NonceAt(ctx, client, nil)
	must(t, err)
	withdrawFees := marketABI.PackWithdrawFees()
	type result struct {
		r   *types.Receipt
		err error
	}
	results := make([]result, 2)
	var wg sync.WaitGroup
	for i, gas := range []uint64{0, 200_000} { // the second with a fixed limit: estimation would see the first in the pending block
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := c.Mgr.Send(ctx, txmgr.Request{ID: []string{"fees-1", "fees-2"}[i], To: &addrs.Market, Data: withdrawFees, GasLimit: gas})
			results[i] = result{r, err}
		}()
		// Both in the mempool, in this order, before anything is mined.
		poll(ctx, t, "withdrawFees in the mempool", func() bool {
			pn, err := n.Client.PendingNonceAt(ctx, client)
			return err == nil && pn == cNonce+uint64(i)+1
		})
	}
	must(t, n.Mine(ctx))
	must(t, n.SetAutomine(ctx, true))
	wg.Wait()
	if results[0].err != nil || results[0].r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("first withdrawFees: %v", results[0].err)
	}
	second := results[1]
	if !errors.Is(second.err, txmgr.ErrReverted) || second.r == nil || second.r.Status != types.ReceiptStatusFailed {
		t.Fatalf("second withdrawFees: %v (receipt %v), want ErrReverted with the failed receipt", second.err, second.r)
	}
	wantRevert(t, second.err, "NothingToWithdraw")
	if second.r.BlockNumber.Cmp(results[0].r.BlockNumber) != 0 {
		t.Fatalf("the withdrawFees were mined in blocks %v and %v, want one block", results[0].r.BlockNumber, second.r.BlockNumber)
	}
	wantInt(t, "treasury tokens", tokens(ctx, t, n, addrs.Token, treasury), fee)
	wantAudit(ctx, t, n, *addrs, map[string]*big.Int{
		"JobMarket":        new(big.Int),
		"ProviderRegistry": stake,
		"UptimeRewards":    new(big.Int),
	})
}

// actor is one account: a keystore signer, a transaction manager and a Settlement.
type actor struct {
	Addr   common.Address
	Mgr    *txmgr.Manager
	S      *onchain.Settlement
	Sender *recordingSender
}

func newActor(ctx context.Context, t *testing.T, n *hardhat.Node, key *ecdsa.PrivateKey, addrs *deploy.Addresses) *actor {
	t.Helper()
	w, err := wallet.Open(wallet.Config{Dir: filepath.Join(t.TempDir(), "keystore"), Light: true})
	must(t, err)
	acc, err := w.ImportKey(key, "hardhat")
	must(t, err)
	signer, err := w.Signer(acc.Address, "hardhat", n.ChainID)
	must(t, err)
	mgr, err := txmgr.New(txmgr.Config{
		Client:        n.Client,
		ChainID:       n.ChainID,
		From:          acc.Address,
		Signer:        signer.SignTx,
		JournalPath:   filepath.Join(t.TempDir(), "journal.db"),
		PollInterval:  20 * time.Millisecond,
		RevertDecoder: reverts.DecodeError,
	})
	must(t, err)
	must(t, mgr.Start(ctx))
	t.Cleanup(func() {
		if err := mgr.Stop(context.Background()); err != nil {
			t.Errorf("stopping the transaction manager: %v", err)
		}
	})
	sender := &recordingSender{m: mgr}
	s, err := onchain.New(ctx, onchain.Config{
		Client:    n.Client,
		Addresses: *addrs,
		Account:   acc.Address,
		Sender:    sender,
		Signer:    signer,
	})
	must(t, err)
	return &actor{Addr: acc.Address, Mgr: mgr, S: s, Sender: sender}
}

// recordingSender is the shim from the transaction manager to settlement's Sender (as the CLI
// has), remembering what reached the chain.
type recordingSender struct {
	m    *txmgr.Manager
	mu   sync.Mutex
	sent []onchain.Tx
}

func (s *recordingSender) Send(ctx context.Context, tx onchain.Tx) (*types.Receipt, error) {
	to := tx.To
	r, err := s.m.Send(ctx, txmgr.Request{ID: tx.ID, To: &to, Data: tx.Data})
	if r != nil {
		s.mu.Lock()
		s.sent = append(s.sent, tx)
		s.mu.Unlock()
	}
	return r, err
}

// mark returns a function that lists the transactions sent since mark.
func (s *recordingSender) mark() func() []onchain.Tx {
	s.mu.Lock()
	from := len(s.sent)
	s.mu.Unlock()
	return func() []onchain.Tx {
		s.mu.Lock()
		defer s.mu.Unlock()
		return append([]onchain.Tx(nil), s.sent[from:]...)
	}
}

// committedRecord is job id's record as the market's ResultCommitted event carries it.
func committedRecord(ctx context.Context, t *testing.T, n *hardhat.Node, addrs *deploy.Addresses, id settlement.JobID) bindings.JobMarketJob {
	t.Helper()
	logs, err := n.Client.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(addrs.Block),
		Addresses: []common.Address{addrs.Market},
		Topics:    [][]common.Hash{{marketABI.GetABI().Events["ResultCommitted"].ID}},
	})
	must(t, err)
	for i := len(logs) - 1; i >= 0; i-- {
		ev, err := marketABI.UnpackResultCommittedEvent(&logs[i])
		must(t, err)
		if ev.Id.Uint64() == uint64(id) {
			return ev.Job
		}
	}
	t.Fatalf("no ResultCommitted for job %d", id)
	return bindings.JobMarketJob{}
}

// view calls a view function on the head block.
func view[T any](ctx context.Context, t *testing.T, n *hardhat.Node, to common.Address, data []byte, unpack func([]byte) (T, error)) T {
	t.Helper()
	out, err := n.Client.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, nil)
	must(t, err)
	v, err := unpack(out)
	must(t, err)
	return v
}

func tokens(ctx context.Context, t *testing.T, n *hardhat.Node, token, of common.Address) *big.Int {
	t.Helper()
	return view(ctx, t, n, token, tokenABI.PackBalanceOf(of), tokenABI.UnpackBalanceOf)
}

// wantAudit runs audit.Check and wants every ledger balanced with the given holdings.
func wantAudit(ctx context.Context, t *testing.T, n *hardhat.Node, addrs deploy.Addresses, holdings map[string]*big.Int) {
	t.Helper()
	rep, err := audit.Check(ctx, n.Client, addrs, 0)
	must(t, err)
	if !rep.Balanced() {
		t.Fatalf("audit does not balance: %+v", rep.Ledgers)
	}
	if rep.LiveJobs != 0 || rep.OpenChallenges != 0 {
		t.Fatalf("audit: %d live jobs, %d open challenges; want none", rep.LiveJobs, rep.OpenChallenges)
	}
	if len(rep.Ledgers) != len(holdings) {
		t.Fatalf("audit has %d ledgers, want %d", len(rep.Ledgers), len(holdings))
	}
	for _, l := range rep.Ledgers {
		want, ok := holdings[l.Contract]
		if !ok {
			t.Fatalf("audit has an unexpected ledger %s", l.Contract)
		}
		wantInt(t, l.Contract+" holdings", l.Holdings, want)
		wantInt(t, l.Contract+" owed", l.OwedTotal(), want)
	}
}

func wantChainMismatch(t *testing.T, err error, file, chain uint64) {
	t.Helper()
	var e *deploy.ChainMismatchError
	if !errors.As(err, &e) || e.FileChainID != file || e.ChainChainID != chain {
		t.Fatalf("verify: %v, want a ChainMismatchError (file chain %d, connected chain %d)", err, file, chain)
	}
}

// wantRevert wants err to carry the decoded revert name, with args when given.
func wantRevert(t *testing.T, err error, name string, args ...*big.Int) {
	t.Helper()
	var re *reverts.Error
	if !errors.As(err, &re) || re.Name != name {
		t.Fatalf("error %v, want the decoded revert %s", err, name)
	}
	if len(args) == 0 {
		return
	}
	if len(re.Args) != len(args) {
		t.Fatalf("revert %s has args %v, want %v", name, re.Args, args)
	}
	for i, a := range args {
		if got, ok := re.Args[i].(*big.Int); !ok || got.Cmp(a) != 0 {
			t.Fatalf("revert %s arg %d = %v, want %v", name, i, re.Args[i], a)
		}
	}
}

// poll waits for cond, checking every 10 ms until ctx ends.
func poll(ctx context.Context, t *testing.T, what string, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("waiting for %s: %v", what, ctx.Err())
		case <-tick.C:
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantInt(t *testing.T, what string, got, want *big.Int) {
	t.Helper()
	if got == nil || got.Cmp(want) != 0 {
		t.Fatalf("%s = %v, want %v", what, got, want)
	}
}

func sum(xs ...*big.Int) *big.Int {
	s := new(big.Int)
	for _, x := range xs {
		s.Add(s, x)
	}
	return s
}

func neg(x *big.Int) *big.Int { return new(big.Int).Neg(x) }
