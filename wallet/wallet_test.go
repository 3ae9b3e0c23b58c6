package wallet

import (
	"context"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

func openTest(t *testing.T) *Wallet {
	t.Helper()
	w, err := Open(Config{Dir: filepath.Join(t.TempDir(), "keystore"), Light: true})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestNewAccountFilesArePrivate(t *testing.T) {
	w := openTest(t)
	acc, err := w.New("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	dirInfo, err := os.Stat(w.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if perm := dirInfo.Mode().Perm(); perm != 0o700 {
		t.Errorf("keystore dir mode %o, want 700", perm)
	}
	path, err := w.KeyFile(acc.Address)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("key file mode %o, want 600", perm)
	}
	raw, _ := os.ReadFile(path)
	if strings.Contains(string(raw), "correct horse") {
		t.Fatal("key file contains the password")
	}
}

func TestSignerUnlocksAndSigns(t *testing.T) {
	w := openTest(t)
	acc, err := w.New("pw")
	if err != nil {
		t.Fatal(err)
	}
	chainID := big.NewInt(1337)
	s, err := w.Signer(acc.Address, "pw", chainID)
	if err != nil {
		t.Fatal(err)
	}
	to := common.HexToAddress("0x01")
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: chainID, Nonce: 3, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(2), Gas: 21000, To: &to})
	signed, err := s.SignTx(context.Background(), tx)
	if err != nil {
		t.Fatal(err)
	}
	from, err := types.Sender(types.LatestSignerForChainID(chainID), signed)
	if err != nil || from != acc.Address {
		t.Fatalf("signed by %s (%v), want %s", from, err, acc.Address)
	}
}

// A key with an empty password (geth --dev's own account, copied into the keystore) unlocks
// with the empty password an empty --password-file gives; new keys still need a password.
func TestEmptyPasswordKey(t *testing.T) {
	w := openTest(t)
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	ks := keystore.NewKeyStore(w.dir, keystore.LightScryptN, keystore.LightScryptP)
	acc, err := ks.ImportECDSA(key, "")
	if err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	pw, err := PasswordSource{File: empty}.Read()
	if err != nil || pw != "" {
		t.Fatalf("empty password file: %q, %v", pw, err)
	}
	w, err = Open(Config{Dir: w.dir, Light: true}) // sees the key written behind its back
	if err != nil {
		t.Fatal(err)
	}
	s, err := w.Signer(acc.Address, pw, big.NewInt(1337))
	if err != nil {
		t.Fatalf("unlocking a key with an empty password: %v", err)
	}
	if s.Address != acc.Address {
		t.Errorf("signer for %s, want %s", s.Address, acc.Address)
	}
	if _, err := w.Signer(acc.Address, "not empty", big.NewInt(1337)); !errors.Is(err, ErrWrongPassword) {
		t.Errorf("a wrong password for it: %v", err)
	}
	if _, err := w.New(""); !errors.Is(err, ErrNoPassword) {
		t.Errorf("a new key with an empty password: %v", err)
	}
}

func TestSignerErrors(t *testing.T) {
	w := openTest(t)
	acc, err := w.New("right password")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		addr     common.Address
		password string
		want     error
	}{
		{"wrong password", acc.Address, "wrong password 123", ErrWrongPassword},
		{"empty password for a key that has one", acc.Address, "", ErrWrongPassword},
		{"unknown account", common.HexToAddress("0xdead"), "right password", ErrNoSuchAccount},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := w.Signer(tt.addr, tt.password, big.NewInt(1))
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if tt.password != "" && strings.Contains(err.Error(), tt.password) {
				t.Fatalf("error leaks the password: %v", err)
			}
			if !strings.Contains(err.Error(), "brine wallet") && !strings.Contains(err.Error(), "BRINE_PASSWORD") {
				t.Fatalf("error does not say how to fix it: %v", err)
			}
		})
	}
}

func TestImportHexKeyFile(t *testing.T) {
	w := openTest(t)
	key, _ := crypto.GenerateKey()
	dir := t.TempDir()
	good := filepath.Join(dir, "key.hex")
	if err := os.WriteFile(good, []byte("0x"+common.Bytes2Hex(crypto.FromECDSA(key))+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	acc, err := w.ImportHexKeyFile(good, "pw")
	if err != nil {
		t.Fatal(err)
	}
	if acc.Address != crypto.PubkeyToAddress(key.PublicKey) {
		t.Fatalf("imported %s, want %s", acc.Address, crypto.PubkeyToAddress(key.PublicKey))
	}
	if _, err := w.ImportHexKeyFile(good, "pw"); err == nil || !strings.Contains(err.Error(), "already") {
		t.Fatalf("second import: %v", err)
	}
	for name, content := range map[string]string{
		"short":  "abcd",
		"nothex": strings.Repeat("zz", 32),
		"zero":   strings.Repeat("00", 32),
	} {
		p := filepath.Join(dir, name)
		_ = os.WriteFile(p, []byte(content), 0o600)
		_, err := w.ImportHexKeyFile(p, "pw")
		if err == nil || !strings.Contains(err.Error(), "not a private key") {
			t.Errorf("%s: got %v", name, err)
		}
		if err != nil && strings.Contains(err.Error(), content) && len(content) > 8 {
			t.Errorf("%s: error echoes the key material", name)
		}
	}
}

func TestPasswordSources(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "pw")
	_ = os.WriteFile(file, []byte("from-file\n"), 0o600)
	empty := filepath.Join(dir, "empty")
	_ = os.WriteFile(empty, nil, 0o600)
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == PasswordEnv {
				return v
			}
			return ""
		}
	}
	tests := []struct {
		name    string
		src     PasswordSource
		want    string
		wantErr string
	}{
		{"file wins over env", PasswordSource{File: file, Getenv: env("from-env")}, "from-file", ""},
		{"env", PasswordSource{Getenv: env("from-env")}, "from-env", ""},
		{"empty file: an empty password", PasswordSource{File: empty, Getenv: env("from-env")}, "", ""},
		{"missing file", PasswordSource{File: filepath.Join(dir, "nope")}, "", "password file"},
		{"nothing and no terminal", PasswordSource{Getenv: env(""), Interactive: true, In: devNull(t)}, "", "--password-file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.src.Read()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %q, %v; want error containing %q", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func devNull(t *testing.T) *os.File {
	f, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
