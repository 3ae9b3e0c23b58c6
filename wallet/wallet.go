package wallet

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// Errors callers can test with errors.Is.
var (
	ErrWrongPassword = errors.New("wrong password")
	ErrNoSuchAccount = errors.New("no such account in the keystore")
	ErrNoPassword    = errors.New("no password given")
)

// Config says where the keystore lives and how hard its encryption is.
type Config struct {
	// Dir is the keystore directory (created 0700 when missing).
	Dir string
	// Light uses geth's light scrypt parameters: for dev chains and tests only.
	Light bool
}

// Wallet is an open keystore.
type Wallet struct {
	dir string
	ks  *keystore.KeyStore
}

// Open opens (creating if needed) the keystore in cfg.Dir.
func Open(cfg Config) (*Wallet, error) {
	if cfg.Dir == "" {
		return nil, errors.New("wallet: no keystore directory: set --datadir or --keystore")
	}
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("wallet: create keystore directory: %w", err)
	}
	if err := os.Chmod(cfg.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("wallet: restrict keystore directory: %w", err)
	}
	n, p := keystore.StandardScryptN, keystore.StandardScryptP
	if cfg.Light {
		n, p = keystore.LightScryptN, keystore.LightScryptP
	}
	return &Wallet{dir: cfg.Dir, ks: keystore.NewKeyStore(cfg.Dir, n, p)}, nil
}

// Dir is the keystore directory.
func (w *Wallet) Dir() string { return w.dir }

// New creates an account encrypted with password.
func (w *Wallet) New(password string) (accounts.Account, error) {
	if password == "" {
		return accounts.Account{}, fmt.Errorf("wallet: new account: %w: a new key needs a password (use --password-file or BRINE_PASSWORD; an empty one unlocks only keys made elsewhere with one)", ErrNoPassword)
	}
	return w.ks.NewAccount(password)
}

// ImportHexKeyFile imports the hex private key in path (one line, with or without 0x) and
// encrypts it with password.
func (w *Wallet) ImportHexKeyFile(path, password string) (accounts.Account, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return accounts.Account{}, fmt.Errorf("wallet: read key file: %w", err)
	}
	key, err := ParseHexKey(string(raw))
	if err != nil {
		return accounts.Account{}, fmt.Errorf("wallet: key file %s: %w", path, err)
	}
	return w.ImportKey(key, password)
}

// ImportKey encrypts key with password into the keystore.
func (w *Wallet) ImportKey(key *ecdsa.PrivateKey, password string) (accounts.Account, error) {
	if password == "" {
		return accounts.Account{}, fmt.Errorf("wallet: import: %w: an imported key is encrypted with a password (use --password-file or BRINE_PASSWORD)", ErrNoPassword)
	}
	acc, err := w.ks.ImportECDSA(key, password)
	if errors.Is(err, keystore.ErrAccountAlreadyExists) {
		return acc, fmt.Errorf("wallet: account %s is already in the keystore", crypto.PubkeyToAddress(key.PublicKey))
	}
	return acc, err
}

// ParseHexKey parses a secp256k1 private key in hex. The error never contains the key.
func ParseHexKey(s string) (*ecdsa.PrivateKey, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "0x")
	if len(s) != 64 {
		return nil, fmt.Errorf("not a private key: want 64 hex digits, got %d characters", len(s))
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil, errors.New("not a private key: not hexadecimal")
	}
	key, err := crypto.ToECDSA(b)
	if err != nil {
		return nil, errors.New("not a private key: out of range for secp256k1")
	}
	return key, nil
}

// Accounts lists the keystore's accounts, sorted by file name (creation order).
func (w *Wallet) Accounts() []accounts.Account { return w.ks.Accounts() }

// Find returns the account for addr.
func (w *Wallet) Find(addr common.Address) (accounts.Account, error) {
	acc, err := w.ks.Find(accounts.Account{Address: addr})
	if err != nil {
		return acc, fmt.Errorf("wallet: %s: %w in %s (run `brine wallet list`, or `brine wallet import`)", addr, ErrNoSuchAccount, w.dir)
	}
	return acc, nil
}

// Signer is a transaction signer bound to one unlocked account.
type Signer struct {
	Address common.Address
	chainID *big.Int
	ks      *keystore.KeyStore
	acc     accounts.Account
}

// Signer checks password against addr's key and returns a signer for chainID. A wrong password
// is ErrWrongPassword, and the password never appears in the error. An empty password is tried
// like any other: a key made elsewhere may have one (geth --dev's own account does).
func (w *Wallet) Signer(addr common.Address, password string, chainID *big.Int) (*Signer, error) {
	acc, err := w.Find(addr)
	if err != nil {
		return nil, err
	}
	if err := w.ks.Unlock(acc, password); err != nil {
		if errors.Is(err, keystore.ErrDecrypt) {
			return nil, fmt.Errorf("wallet: unlock %s: %w (check --password-file or BRINE_PASSWORD)", addr, ErrWrongPassword)
		}
		return nil, fmt.Errorf("wallet: unlock %s: %w", addr, err)
	}
	return &Signer{Address: addr, chainID: new(big.Int).Set(chainID), ks: w.ks, acc: acc}, nil
}

// SignTx signs tx for the signer's chain. Its shape fits the transaction manager.
func (s *Signer) SignTx(_ context.Context, tx *types.Transaction) (*types.Transaction, error) {
	return s.ks.SignTx(s.acc, tx, s.chainID)
}

// SignHash signs a 32-byte digest (EIP-2612 permits, typed data).
func (s *Signer) SignHash(hash []byte) ([]byte, error) {
	return s.ks.SignHash(s.acc, hash)
}

// Lock forgets the decrypted key.
func (s *Signer) Lock() error { return s.ks.Lock(s.Address) }

// KeyFile returns the path of addr's key file.
func (w *Wallet) KeyFile(addr common.Address) (string, error) {
	acc, err := w.Find(addr)
	if err != nil {
		return "", err
	}
	return filepath.Clean(acc.URL.Path), nil
}
