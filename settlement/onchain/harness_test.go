package onchain_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

var ctx = context.Background()

// keySigner signs digests with a raw key, as wallet.Signer does.
type keySigner struct{ key *ecdsa.PrivateKey }

func (k keySigner) SignHash(hash []byte) ([]byte, error) { return crypto.Sign(hash, k.key) }

type sentTx struct {
	tx      onchain.Tx
	receipt *types.Receipt
	err     error
}

// testSender sends with bind.Transact and waits for the (auto-mined) receipt, decoding
// reverts. Like the transaction manager, it remembers outcomes by ID: the same ID with the
// same transaction returns the remembered outcome without sending, and the same ID with a
// different transaction is an error (and fails the test). Calls refused at gas estimation are
// not remembered.
type testSender struct {
	t       testing.TB
	c       *simchain.Chain
	account *simchain.Account

	mu     sync.Mutex
	byID   map[string]*sentTx
	sent   []*sentTx // transactions that reached the chain, in order
	calls  int       // Send calls
	before func(tx onchain.Tx) error
}

func (s *testSender) Send(ctx context.Context, tx onchain.Tx) (*types.Receipt, error) {
	s.mu.Lock()
	s.calls++
	prev := s.byID[tx.ID]
	before := s.before
	s.mu.Unlock()
	if prev != nil {
		if prev.tx.To != tx.To || !bytes.Equal(prev.tx.Data, tx.Data) {
			s.t.Errorf("transaction ID %q reused for a different transaction", tx.ID)
			return nil, fmt.Errorf("request ID %q reused for a different transaction", tx.ID)
		}
		return prev.receipt, prev.err
	}
	if before != nil {
		if err := before(tx); err != nil {
			return nil, err
		}
	}
	opts := s.c.Opts(s.account)
	opts.Context = ctx
	signed, err := bind.Transact(s.c.MarketABI.Instance(s.c.Client, tx.To), opts, tx.Data)
	if err != nil {
		return nil, fmt.Errorf("test sender: %w", reverts.Decode(err))
	}
	r, err := bind.WaitMined(ctx, s.c.Client, signed.Hash())
	if err == nil && r.Status != types.ReceiptStatusSuccessful {
		err = fmt.Errorf("test sender: transaction %s reverted", signed.Hash())
	}
	st := &sentTx{tx: tx, receipt: r, err: err}
	s.mu.Lock()
	s.byID[tx.ID] = st
	s.sent = append(s.sent, st)
	s.mu.Unlock()
	return r, err
}

// Sent returns the transactions that reached the chain so far.
func (s *testSender) Sent() []*sentTx {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*sentTx(nil), s.sent...)
}

// Mark returns a function reporting the transactions sent since Mark.
func (s *testSender) Mark() func() []*sentTx {
	n := len(s.Sent())
	return func() []*sentTx { return s.Sent()[n:] }
}

// ids lists the IDs of sent transactions.
func ids(sent []*sentTx) []string {
	out := make([]string, len(sent))
	for i, s := range sent {
		out[i] = s.tx.ID
	}
	return out
}

// world is a simulated chain with Brine deployed and Settlements acting for its accounts.
type world struct {
	t *testing.T
	c *simchain.Chain
}

func newWorld(t *testing.T) *world {
	t.Helper()
	return &world{t: t, c: simchain.New(t)}
}

// actor is an account with its own Settlement.
type actor struct {
	*simchain.Account
	S      *onchain.Settlement
	Sender *testSender
}

type actorOpt func(*onchain.Config)

func noPermit(cfg *onchain.Config) { cfg.Signer = nil }

func withAddresses(a deploy.Addresses) actorOpt {
	return func(cfg *onchain.Config) { cfg.Addresses = a }
}

// actor creates an account holding tokens (dev-token base units) and a Settlement for it.
func (w *world) actor(name string, tokens *big.Int, opts ...actorOpt) *actor {
	w.t.Helper()
	return w.actorFor(w.c.MustAccount(w.t, name, tokens), opts...)
}

func (w *world) actorFor(a *simchain.Account, opts ...actorOpt) *actor {
	w.t.Helper()
	sender := &testSender{t: w.t, c: w.c, account: a, byID: make(map[string]*sentTx)}
	cfg := onchain.Config{
		Client:    w.c.Client,
		Addresses: w.c.Addr,
		Account:   a.Addr,
		Sender:    sender,
		Signer:    keySigner{a.Key},
		Logger:    testharness.LevelLogger(w.t, slog.LevelDebug, ""),
	}
	for _, o := range opts {
		o(&cfg)
	}
	s, err := onchain.New(ctx, cfg)
	if err != nil {
		w.t.Fatalf("onchain.New for %s: %v", a.Name, err)
	}
	return &actor{Account: a, S: s, Sender: sender}
}

// provider creates an actor that registers and stakes through its Settlement.
func (w *world) provider(name string, stake *big.Int) *actor {
	w.t.Helper()
	p := w.actor(name, deploy.Token(1000))
	must(w.t, p.S.Register(ctx, []byte("peer-"+name), []byte("sig"), []byte(`{"cpu":2}`)))
	must(w.t, p.S.Stake(ctx, stake))
	return p
}

// request is a job request with deadlines relative to the chain's clock.
func (w *world) request(payment, collateral *big.Int, replicas uint8, acceptIn, resultIn, window time.Duration) settlement.JobRequest {
	now := time.Unix(int64(w.c.Now()), 0)
	var spec common.Hash
	copy(spec[:], crypto.Keccak256([]byte(fmt.Sprint(time.Now().UnixNano()))))
	return settlement.JobRequest{
		SpecHash:        spec,
		Payment:         payment,
		Collateral:      collateral,
		Replicas:        replicas,
		AcceptBy:        now.Add(acceptIn),
		ResultBy:        now.Add(acceptIn + resultIn),
		ChallengeWindow: window,
	}
}

func (w *world) job(s *onchain.Settlement, id settlement.JobID) settlement.Job {
	w.t.Helper()
	j, err := s.Job(ctx, id)
	if err != nil {
		w.t.Fatalf("job %d: %v", id, err)
	}
	return j
}

func (w *world) balance(s *onchain.Settlement, a common.Address) *big.Int {
	w.t.Helper()
	b, err := s.Balance(ctx, a)
	if err != nil {
		w.t.Fatal(err)
	}
	return b
}

func (w *world) tokens(a common.Address) *big.Int {
	w.t.Helper()
	b, err := w.c.TokenBalance(a)
	if err != nil {
		w.t.Fatal(err)
	}
	return b
}

func (w *world) providerInfo(s *onchain.Settlement, a common.Address) settlement.ProviderInfo {
	w.t.Helper()
	p, err := s.Provider(ctx, a)
	if err != nil {
		w.t.Fatal(err)
	}
	return p
}

func (w *world) chainTime() time.Time { return time.Unix(int64(w.c.Now()), 0).UTC() }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// wantErr checks that err wraps want and, when revert is not empty, the contract's revert of
// that name (or, when revert is "-", no revert at all: a check before sending).
func wantErr(t testing.TB, err, want error, revert string) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Fatalf("error = %v, want %v", err, want)
	}
	var re *reverts.Error
	switch {
	case revert == "-" && errors.As(err, &re):
		t.Fatalf("error %v carries revert %s; want a check before sending", err, re.Name)
	case revert != "" && revert != "-" && !reverts.Is(err, revert):
		t.Fatalf("error = %v, want revert %s", err, revert)
	}
}

func wantInt(t testing.TB, what string, got, want *big.Int) {
	t.Helper()
	if got == nil || got.Cmp(want) != 0 {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func wantStatus(t testing.TB, j settlement.Job, want settlement.Status) {
	t.Helper()
	if j.Status != want {
		t.Fatalf("job %d status = %s, want %s", j.ID, j.Status, want)
	}
}

// fee is the market's fee on amount at the dev config's 1%.
func fee(amount *big.Int) *big.Int {
	return new(big.Int).Div(new(big.Int).Mul(amount, big.NewInt(100)), big.NewInt(10_000))
}

func sub(a, b *big.Int) *big.Int { return new(big.Int).Sub(a, b) }
func add(xs ...*big.Int) *big.Int {
	s := new(big.Int)
	for _, x := range xs {
		s.Add(s, x)
	}
	return s
}
func mul(a *big.Int, n int64) *big.Int { return new(big.Int).Mul(a, big.NewInt(n)) }
func div(a *big.Int, n int64) *big.Int { return new(big.Int).Div(a, big.NewInt(n)) }

// selector is the 4-byte selector of a market method.
func selector(method string) []byte {
	return marketABI.GetABI().Methods[method].ID
}

var marketABI = bindings.NewJobMarket()
