package onchain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/chain/txmgr"
	"github.com/brine-compute/brine/deploy"
)

// ManagedSender is the Sender of an account whose transactions go through its transaction
// manager (package chain/txmgr): the one shim the CLI and the compute node share. It is a
// Resumer: Resume finishes the transactions an interrupted earlier run left unconfirmed and
// keeps the confirmed ones, which repeatable steps then adopt instead of sending the step twice.
type ManagedSender struct {
	Manager *txmgr.Manager
	// Progress, if set, sees every transaction's stages.
	Progress func(txmgr.Progress)
	// OnAdopt, if set, is told when a step adopts a recovered transaction.
	OnAdopt func(Tx)

	mu        sync.Mutex
	resumed   bool
	recovered []Tx
}

var (
	_ Sender  = (*ManagedSender)(nil)
	_ Resumer = (*ManagedSender)(nil)
)

// Send sends tx through the manager under its idempotency ID, telling tx.Sent of each
// broadcast.
func (m *ManagedSender) Send(ctx context.Context, tx Tx) (*types.Receipt, error) {
	to := tx.To
	progress := m.Progress
	if tx.Sent != nil {
		progress = func(p txmgr.Progress) {
			if p.Stage == txmgr.StageSent {
				tx.Sent(p.Nonce)
			}
			if m.Progress != nil {
				m.Progress(p)
			}
		}
	}
	return m.Manager.Send(ctx, txmgr.Request{ID: tx.ID, To: &to, Data: tx.Data, Progress: progress})
}

// Recover offers a confirmed transaction of an earlier run for adoption.
func (m *ManagedSender) Recover(tx Tx) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.recovered = append(m.recovered, tx)
}

// Resume waits for each transaction the manager resumed at Start (an interrupted earlier run
// sent or journaled it and never saw it confirmed) and offers each confirmed one with a
// recipient to Recover. report, if set, is told every outcome; a transaction that failed
// (reverted, rejected) is reported and passed over. Resume stops at the first that is still
// pending when ctx ends and returns that error (txmgr.ErrPending): the manager keeps driving
// it and the next run resumes it, while going on without it could send its step twice. Only
// the first call does anything.
func (m *ManagedSender) Resume(ctx context.Context, report func(req txmgr.Request, r *types.Receipt, err error)) error {
	m.mu.Lock()
	done := m.resumed
	m.resumed = true
	m.mu.Unlock()
	if done {
		return nil
	}
	for _, req := range m.Manager.Resumed() {
		req.Progress = m.Progress
		r, err := m.Manager.Send(ctx, req)
		if errors.Is(err, txmgr.ErrPending) || ctx.Err() != nil {
			return fmt.Errorf("finishing %s of an earlier run: %w", req.ID, err)
		}
		if report != nil {
			report(req, r, err)
		}
		if err == nil && req.To != nil {
			m.Recover(Tx{ID: req.ID, To: *req.To, Data: req.Data})
		}
	}
	return nil
}

// HasRecovered reports whether recovered transactions remain to be adopted.
func (m *ManagedSender) HasRecovered() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.recovered) > 0
}

// TakeResumed implements Resumer.
func (m *ManagedSender) TakeResumed(match func(Tx) bool) (Tx, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, tx := range m.recovered {
		if match(tx) {
			m.recovered = slices.Delete(m.recovered, i, i+1)
			if m.OnAdopt != nil {
				m.OnAdopt(tx)
			}
			return tx, true
		}
	}
	return Tx{}, false
}

// ManagedClient is what OpenManaged needs from a chain connection: both the transaction
// manager's and the Settlement's reads. *ethclient.Client has it.
type ManagedClient interface {
	txmgr.Client
	Client
}

// ManagedConfig configures OpenManaged.
type ManagedConfig struct {
	Client    ManagedClient
	ChainID   *big.Int
	Addresses deploy.Addresses
	// Account signs with SignTx (transactions) and, optionally, HashSigner (ERC-2612 permits).
	Account    AccountSigner
	HashSigner HashSigner
	// JournalPath is the manager's journal (one file per account and chain).
	JournalPath   string
	Confirmations uint64
	// Finality is when the manager counts a transaction as confirmed (txmgr.Config.Finality;
	// zero: Confirmations deep).
	Finality     finality.Rule
	PollInterval time.Duration
	Progress     func(txmgr.Progress)
	Logger       *slog.Logger
	// Metrics, if set, receives the manager's counters (metrics.Tx.For(account) does).
	Metrics txmgr.Metrics
}

// AccountSigner is the account and its transaction signer.
type AccountSigner struct {
	Address common.Address
	SignTx  txmgr.SignerFunc
}

// Managed is a writable Settlement with its running transaction manager.
type Managed struct {
	*Settlement
	Manager *txmgr.Manager
	Sender  *ManagedSender
}

// StartManagedSender starts the account's transaction manager and returns its sender, for a
// caller that also sends what no Settlement makes (contract deployment) or opens its
// Settlement later. Call Resume before the first step, as OpenManaged does: until then no
// recovered transaction can be adopted. Stop the manager when done. cfg.Addresses and
// cfg.HashSigner are not used.
func StartManagedSender(ctx context.Context, cfg ManagedConfig) (*ManagedSender, error) {
	if cfg.Client == nil || cfg.ChainID == nil || cfg.Account.SignTx == nil || cfg.JournalPath == "" {
		return nil, errors.New("settlement/onchain: a managed sender needs Client, ChainID, Account.SignTx and JournalPath")
	}
	mgr, err := txmgr.New(txmgr.Config{
		Client:        cfg.Client,
		ChainID:       cfg.ChainID,
		From:          cfg.Account.Address,
		Signer:        cfg.Account.SignTx,
		JournalPath:   cfg.JournalPath,
		Confirmations: cfg.Confirmations,
		Finality:      cfg.Finality,
		PollInterval:  cfg.PollInterval,
		RevertDecoder: reverts.DecodeError,
		Logger:        cfg.logger().With("component", "txmgr"),
		Metrics:       cfg.Metrics,
	})
	if err != nil {
		return nil, err
	}
	if err := mgr.Start(ctx); err != nil {
		return nil, fmt.Errorf("starting the transaction manager: %w", err)
	}
	return &ManagedSender{Manager: mgr, Progress: cfg.Progress}, nil
}

func stopManager(mgr *txmgr.Manager) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = mgr.Stop(ctx)
}

func (cfg ManagedConfig) logger() *slog.Logger {
	if cfg.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return cfg.Logger
}

// OpenManaged starts the account's transaction manager (which first resumes what an
// earlier run left journaled; those that confirm are offered to repeatable steps, see
// Resumer) and returns a writable Settlement that sends through it. Close stops the manager.
func OpenManaged(ctx context.Context, cfg ManagedConfig) (*Managed, error) {
	sender, err := StartManagedSender(ctx, cfg)
	if err != nil {
		return nil, err
	}
	log := cfg.logger()
	err = sender.Resume(ctx, func(req txmgr.Request, _ *types.Receipt, err error) {
		if err != nil {
			log.Warn("a transaction of an earlier run failed", "id", req.ID, "err", err)
		}
	})
	if err != nil {
		stopManager(sender.Manager)
		return nil, err
	}
	st, err := New(ctx, Config{
		Client:    cfg.Client,
		Addresses: cfg.Addresses,
		Account:   cfg.Account.Address,
		Sender:    sender,
		Signer:    cfg.HashSigner,
		Logger:    log,
	})
	if err != nil {
		stopManager(sender.Manager)
		return nil, err
	}
	return &Managed{Settlement: st, Manager: sender.Manager, Sender: sender}, nil
}

// Close stops the transaction manager; journaled transactions are resumed by the next run.
func (m *Managed) Close(ctx context.Context) error { return m.Manager.Stop(ctx) }
