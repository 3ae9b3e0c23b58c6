package devnet

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/internal/atomicfile"
)

// accountsFileName lists which keystore accounts are the faucet and the dev accounts, in order
// (the keystore itself has no order or roles).
const accountsFileName = "accounts.json"

const accountsFileVersion = 1

type accountsFile struct {
	Version  int              `json:"version"`
	Faucet   common.Address   `json:"faucet"`
	Accounts []common.Address `json:"accounts"`
}

// DevAccounts reads which keystore accounts of the devnet data directory dataDir are its dev
// accounts, in order (the first is governance), and its faucet, from the accounts.json its
// first start wrote. An error wrapping fs.ErrNotExist means dataDir holds no devnet.
func DevAccounts(dataDir string) (accounts []common.Address, faucet common.Address, err error) {
	path := filepath.Join(dataDir, accountsFileName)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, common.Address{}, fmt.Errorf("devnet: %w", err)
	}
	var f accountsFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, common.Address{}, fmt.Errorf("devnet: %s: %w", path, err)
	}
	if f.Version != accountsFileVersion || len(f.Accounts) == 0 {
		return nil, common.Address{}, fmt.Errorf("devnet: %s: unknown version %d or no accounts", path, f.Version)
	}
	return f.Accounts, f.Faucet, nil
}

// openAccounts opens the keystore and, on first start, creates the faucet and the dev
// accounts in it. Keys use go-ethereum's light scrypt parameters, as `geth --dev` does.
// chainExists says whether the data directory already holds a chain, whose genesis funded
// the accounts listed in accounts.json.
func (d *Devnet) openAccounts(r *run, chainExists bool) (*keystore.KeyStore, error) {
	if err := os.MkdirAll(r.keystoreDir, 0o700); err != nil {
		return nil, fmt.Errorf("devnet: keystore: %w", err)
	}
	ks := keystore.NewKeyStore(r.keystoreDir, keystore.LightScryptN, keystore.LightScryptP)
	path := filepath.Join(r.root, accountsFileName)
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && chainExists:
		return nil, fmt.Errorf("devnet: %s holds a chain but no %s naming its dev accounts: remove the directory to start afresh",
			r.root, accountsFileName)
	case errors.Is(err, fs.ErrNotExist):
		return ks, d.createAccounts(r, ks, path)
	case err != nil:
		return nil, fmt.Errorf("devnet: %w", err)
	}
	var f accountsFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("devnet: %s: %w", path, err)
	}
	if f.Version != accountsFileVersion || len(f.Accounts) == 0 {
		return nil, fmt.Errorf("devnet: %s: unknown version %d or no accounts", path, f.Version)
	}
	find := func(addr common.Address) (accounts.Account, error) {
		a, err := ks.Find(accounts.Account{Address: addr})
		if err != nil {
			return a, fmt.Errorf("devnet: dev account %s listed in %s is not in the keystore %s: %w", addr, path, r.keystoreDir, err)
		}
		return a, nil
	}
	if r.faucet, err = find(f.Faucet); err != nil {
		return nil, err
	}
	for _, addr := range f.Accounts {
		a, err := find(addr)
		if err != nil {
			return nil, err
		}
		r.accounts = append(r.accounts, a)
	}
	// Fail now, not at the first signature, if the password is wrong.
	if err := ks.Unlock(r.accounts[0], d.cfg.Password); err != nil {
		return nil, fmt.Errorf("devnet: the password does not open dev account %s in %s: %w", r.accounts[0].Address, r.keystoreDir, err)
	}
	_ = ks.Lock(r.accounts[0].Address)
	if len(r.accounts) != d.cfg.Accounts {
		d.log.Info("devnet: keeping the dev accounts of the first start", "accounts", len(r.accounts), "configured", d.cfg.Accounts)
	}
	return ks, nil
}

func (d *Devnet) createAccounts(r *run, ks *keystore.KeyStore, path string) error {
	// Scrypt makes each key take a moment: create them in parallel, keep the order.
	created := make([]accounts.Account, 1+d.cfg.Accounts) // the faucet, then the dev accounts
	errs := make([]error, len(created))
	var wg sync.WaitGroup
	for i := range created {
		wg.Go(func() { created[i], errs[i] = ks.NewAccount(d.cfg.Password) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("devnet: creating dev accounts: %w", err)
	}
	r.faucet, r.accounts = created[0], created[1:]
	f := accountsFile{Version: accountsFileVersion, Faucet: r.faucet.Address}
	for _, a := range r.accounts {
		f.Accounts = append(f.Accounts, a.Address)
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(path, append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	return nil
}
