package txmgr

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/internal/testharness"
)

var ether = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

// chain is a simulated go-ethereum node (a real txpool and block builder) on Brine's chain
// rules, with funded accounts.
type chain struct {
	t       *testing.T
	sim     *simulated.Backend
	client  simulated.Client
	chainID *big.Int
}

type account struct {
	key  *ecdsa.PrivateKey
	addr common.Address
}

func newAccount(t *testing.T) account {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return account{key, crypto.PubkeyToAddress(key.PublicKey)}
}

type simOption = func(*node.Config, *ethconfig.Config)

func withMainnetRules(_ *node.Config, eth *ethconfig.Config) {
	eth.Genesis.Config = devnet.ChainConfig()
}

// newChain starts a simulated chain where each account holds balance wei.
func newChain(t *testing.T, balances map[common.Address]*big.Int, opts ...simOption) *chain {
	t.Helper()
	alloc := types.GenesisAlloc{}
	for a, b := range balances {
		alloc[a] = types.Account{Balance: b}
	}
	sim := simulated.NewBackend(alloc, append([]simOption{withMainnetRules}, opts...)...)
	t.Cleanup(func() { _ = sim.Close() })
	c := &chain{t: t, sim: sim, client: sim.Client()}
	id, err := c.client.ChainID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	c.chainID = id
	return c
}

// mine commits a block every interval until the returned stop is called (or the test ends).
func (c *chain) mine(interval time.Duration) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				c.sim.Commit()
			}
		}
	}()
	stop = sync.OnceFunc(func() { close(done); wg.Wait() })
	c.t.Cleanup(stop)
	return stop
}

// nonce is how many transactions from a are mined.
func (c *chain) nonce(a common.Address) uint64 {
	c.t.Helper()
	n, err := c.client.NonceAt(context.Background(), a, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return n
}

func (c *chain) pendingNonce(a common.Address) uint64 {
	c.t.Helper()
	n, err := c.client.PendingNonceAt(context.Background(), a)
	if err != nil {
		c.t.Fatal(err)
	}
	return n
}

func (c *chain) balance(a common.Address) *big.Int {
	c.t.Helper()
	b, err := c.client.BalanceAt(context.Background(), a, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return b
}

func keySigner(key *ecdsa.PrivateKey, chainID *big.Int) SignerFunc {
	signer := types.LatestSignerForChainID(chainID)
	return func(_ context.Context, tx *types.Transaction) (*types.Transaction, error) {
		return types.SignTx(tx, signer, key)
	}
}

// config is a fast configuration for tests: 10 ms polling, generous resubmission, and the
// revert decoder Brine's commands configure, so tests read the contracts' custom errors.
func (c *chain) config(client Client, from account, journal string) Config {
	return Config{
		Client:        client,
		ChainID:       c.chainID,
		From:          from.addr,
		Signer:        keySigner(from.key, c.chainID),
		JournalPath:   journal,
		PollInterval:  10 * time.Millisecond,
		ResubmitAfter: 5 * time.Second,
		CallTimeout:   5 * time.Second,
		RevertDecoder: reverts.DecodeError,
		Logger:        testharness.Logger(c.t, ""),
		Metrics:       &counters{},
	}
}

// start creates and starts a manager, stopped when the test ends.
func start(t *testing.T, cfg Config) *Manager {
	t.Helper()
	m, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Stop(context.Background()) })
	return m
}

func journalIn(t *testing.T) string { return filepath.Join(t.TempDir(), "txjournal.db") }

// counters is a Metrics that counts.
type counters struct {
	sent, bumped, failed, confirmed atomic.Int64
	mu                              sync.Mutex
	fees                            *big.Int
}

func (c *counters) TxSent()   { c.sent.Add(1) }
func (c *counters) TxBumped() { c.bumped.Add(1) }
func (c *counters) TxFailed() { c.failed.Add(1) }
func (c *counters) TxConfirmed(_ uint64, fee *big.Int) {
	c.confirmed.Add(1)
	c.mu.Lock()
	if c.fees == nil {
		c.fees = new(big.Int)
	}
	c.fees.Add(c.fees, fee)
	c.mu.Unlock()
}

// progressLog records Progress callbacks.
type progressLog struct {
	mu     sync.Mutex
	events []Progress
}

func (l *progressLog) record(p Progress) {
	l.mu.Lock()
	l.events = append(l.events, p)
	l.mu.Unlock()
}

func (l *progressLog) snapshot() []Progress {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Progress{}, l.events...)
}

// has reports whether an event matching f was recorded.
func (l *progressLog) has(f func(Progress) bool) bool {
	for _, p := range l.snapshot() {
		if f(p) {
			return true
		}
	}
	return false
}

func stageIs(s Stage) func(Progress) bool { return func(p Progress) bool { return p.Stage == s } }

// result is a Send's return, delivered on a channel by sendAsync.
type result struct {
	receipt *types.Receipt
	err     error
}

func sendAsync(ctx context.Context, m *Manager, req Request) <-chan result {
	ch := make(chan result, 1)
	go func() {
		r, err := m.Send(ctx, req)
		ch <- result{r, err}
	}()
	return ch
}

func await(t *testing.T, ch <-chan result) result {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(20 * time.Second):
		t.Fatal("Send did not return")
		return result{}
	}
}

func transfer(id string, to common.Address, wei int64) Request {
	return Request{ID: id, To: &to, Value: big.NewInt(wei)}
}
