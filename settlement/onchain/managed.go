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

	"github.com/brine-compute/brine/chain/txmgr"
	"github.com/brine-compute/brine/deploy"
)

// ManagedSender is the Sender of an account whose transactions go through its transaction
// manager (package chain/txmgr): the one shim the CLI and the compute node share. It is a
// Resumer: Recover hands it the confirmed transactions of an interrupted earlier run, which
// repeatable steps then adopt instead of sending the step twice.
type ManagedSender struct {
	Manager *txmgr.Manager
	// Progress, if set, sees every transaction's stages.
	Progress func(txmgr.Progress)
	// OnAdopt, if set, is told when a step adopts a recovered transaction.
	OnAdopt func(Tx)

	mu        sync.Mutex
	recovered []Tx
}

var (
	_ Sender  = (*ManagedSender)(nil)
	_ Resumer = (*ManagedSender)(nil)
)

// Send sends tx through the manager under its idempotency ID.
func (m *ManagedSender) Send(ctx context.Context, tx Tx) (*types.Receipt, error) {
	to := tx.To
	return m.Manager.Send(ctx, txmgr.Request{ID: tx.ID, To: &to, Data: tx.Data, Progress: m.Progress})
}

// Recover offers a confirmed transaction of an earlier run for adoption.
func (m *ManagedSender) Recover(tx Tx) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.recovered = append(m.recovered, tx)
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
	PollInterval  time.Duration
	Progress      func(txmgr.Progress)
	Logger        *slog.Logger
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

// OpenManaged starts the account's transaction manager (which first resumes what an
// earlier run left journaled; those that confirm are offered to repeatable steps, see
// Resumer) and returns a writable Settlement that sends through it. Close stops the manager.
func OpenManaged(ctx context.Context, cfg ManagedConfig) (*Managed, error) {
	if cfg.Client == nil || cfg.ChainID == nil || cfg.Account.SignTx == nil || cfg.JournalPath == "" {
		return nil, errors.New("settlement/onchain: OpenManaged needs Client, ChainID, Account.SignTx and JournalPath")
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	mgr, err := txmgr.New(txmgr.Config{
		Client:        cfg.Client,
		ChainID:       cfg.ChainID,
		From:          cfg.Account.Address,
		Signer:        cfg.Account.SignTx,
		JournalPath:   cfg.JournalPath,
		Confirmations: cfg.Confirmations,
		PollInterval:  cfg.PollInterval,
		Logger:        log.With("component", "txmgr"),
	})
	if err != nil {
		return nil, err
	}
	if err := mgr.Start(ctx); err != nil {
		return nil, fmt.Errorf("starting the transaction manager: %w", err)
	}
	sender := &ManagedSender{Manager: mgr, Progress: cfg.Progress}
	for _, req := range mgr.Resumed() {
		req.Progress = cfg.Progress
		if _, err := mgr.Send(ctx, req); err == nil && req.To != nil {
			sender.Recover(Tx{ID: req.ID, To: *req.To, Data: req.Data})
		} else if err != nil {
			log.Warn("a transaction of an earlier run failed", "id", req.ID, "err", err)
		}
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
		stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = mgr.Stop(stopCtx)
		return nil, err
	}
	return &Managed{Settlement: st, Manager: mgr, Sender: sender}, nil
}

// Close stops the transaction manager; journaled transactions are resumed by the next run.
func (m *Managed) Close(ctx context.Context) error { return m.Manager.Stop(ctx) }
