package devnet_test

import (
	"context"
	"errors"
	"io/fs"
	"math/big"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/internal/testharness"
)

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

func startDevnet(t *testing.T, cfg devnet.Config) *devnet.Devnet {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = testharness.Logger(t, "")
	}
	d, err := devnet.New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := d.Start(ctx); err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if err := d.Stop(ctx); err != nil {
			t.Errorf("Stop: %v", err)
		}
	})
	return d
}

func dial(t *testing.T, rawURL string) *ethclient.Client {
	t.Helper()
	c, err := ethclient.Dial(rawURL)
	if err != nil {
		t.Fatalf("dial %s: %v", rawURL, err)
	}
	t.Cleanup(c.Close)
	return c
}

// eventually polls cond every 20 ms until it holds or the deadline passes.
func eventually(t *testing.T, within time.Duration, what string, cond func() (bool, error)) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		ok, err := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v (last error: %v)", what, within, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// wallet is what another process holding the keystore directory and the password has.
type wallet struct {
	ks       *keystore.KeyStore
	password string
	chainID  *big.Int

	mu       sync.Mutex
	unlocked map[common.Address]bool
}

func openWallet(t *testing.T, dir, password string) *wallet {
	t.Helper()
	return &wallet{ks: keystore.NewKeyStore(dir, keystore.LightScryptN, keystore.LightScryptP), password: password,
		chainID: big.NewInt(1337), unlocked: make(map[common.Address]bool)}
}

// sign unlocks a (decrypting its key once) and signs tx.
func (w *wallet) sign(a accounts.Account, tx *types.Transaction) (*types.Transaction, error) {
	w.mu.Lock()
	if !w.unlocked[a.Address] {
		if err := w.ks.Unlock(a, w.password); err != nil {
			w.mu.Unlock()
			return nil, err
		}
		w.unlocked[a.Address] = true
	}
	w.mu.Unlock()
	return w.ks.SignTx(a, tx, w.chainID)
}

func (w *wallet) opts(ctx context.Context, a accounts.Account) *bind.TransactOpts {
	return &bind.TransactOpts{From: a.Address, Context: ctx,
		Signer: func(_ common.Address, tx *types.Transaction) (*types.Transaction, error) { return w.sign(a, tx) }}
}

// sendETH signs a transfer with the keystore and sends it; nonce nil means the pending nonce.
func (w *wallet) sendETH(ctx context.Context, c *ethclient.Client, from accounts.Account, to common.Address, wei *big.Int, nonce *uint64) (*types.Transaction, error) {
	n := uint64(0)
	if nonce != nil {
		n = *nonce
	} else {
		var err error
		if n, err = c.PendingNonceAt(ctx, from.Address); err != nil {
			return nil, err
		}
	}
	head, err := c.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, err
	}
	tip := big.NewInt(1e9)
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: w.chainID, Nonce: n, GasTipCap: tip, GasFeeCap: feeCap, Gas: 21000, To: &to, Value: wei})
	signed, err := w.sign(from, tx)
	if err != nil {
		return nil, err
	}
	return signed, c.SendTransaction(ctx, signed)
}

func waitReceipt(t *testing.T, c *ethclient.Client, tx *types.Transaction) *types.Receipt {
	t.Helper()
	var r *types.Receipt
	eventually(t, 10*time.Second, "receipt of "+tx.Hash().Hex(), func() (bool, error) {
		var err error
		r, err = c.TransactionReceipt(context.Background(), tx.Hash())
		return err == nil, err
	})
	if r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("transaction %s failed", tx.Hash())
	}
	return r
}

func balance(t *testing.T, c *ethclient.Client, a common.Address) *big.Int {
	t.Helper()
	b, err := c.BalanceAt(context.Background(), a, nil)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func tokenBalance(t *testing.T, c *ethclient.Client, token, a common.Address) *big.Int {
	t.Helper()
	abi := bindings.NewBrineToken()
	b, err := bind.Call(abi.Instance(c, token), nil, abi.PackBalanceOf(a), abi.UnpackBalanceOf)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func freshAddress(t *testing.T) common.Address {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return crypto.PubkeyToAddress(key.PublicKey)
}

func TestDevnetEphemeral(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ethPer, tokensPer := ether(250), deploy.Token(1234)
	d := startDevnet(t, devnet.Config{BlockPeriod: time.Second, Accounts: 3, ETHPerAccount: ethPer, TokensPerAccount: tokensPer})

	// Both endpoints on loopback, one OS-chosen port shared by HTTP and WebSocket.
	hu, err := url.Parse(d.HTTPURL())
	if err != nil {
		t.Fatal(err)
	}
	wu, err := url.Parse(d.WSURL())
	if err != nil {
		t.Fatal(err)
	}
	if hu.Scheme != "http" || wu.Scheme != "ws" || hu.Hostname() != "127.0.0.1" || wu.Host != hu.Host || hu.Port() == "0" {
		t.Fatalf("endpoints %s and %s", d.HTTPURL(), d.WSURL())
	}
	httpc, wsc := dial(t, d.HTTPURL()), dial(t, d.WSURL())
	for name, c := range map[string]*ethclient.Client{"http": httpc, "ws": wsc} {
		id, err := c.ChainID(ctx)
		if err != nil || id.Cmp(d.ChainID()) != 0 || id.Int64() != 1337 {
			t.Fatalf("%s chain ID %v (%v), want 1337", name, id, err)
		}
	}

	// Blocks come every period, seen by a WebSocket subscription.
	heads := make(chan *types.Header, 16)
	sub, err := wsc.SubscribeNewHead(ctx, heads)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	start := time.Now()
	var got []*types.Header
	for len(got) < 3 {
		select {
		case h := <-heads:
			got = append(got, h)
		case err := <-sub.Err():
			t.Fatalf("subscription: %v", err)
		case <-time.After(5 * time.Second):
			t.Fatalf("only %d new heads in 5 s with a 1 s period", len(got))
		}
	}
	if elapsed := time.Since(start); elapsed < 1500*time.Millisecond {
		t.Fatalf("3 blocks in %v: faster than a 1 s period", elapsed)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Number.Uint64() != got[i-1].Number.Uint64()+1 || got[i].Time <= got[i-1].Time {
			t.Fatalf("heads %d@%d then %d@%d", got[i-1].Number, got[i-1].Time, got[i].Number, got[i].Time)
		}
		if got[i].GasLimit < 30_000_000 {
			t.Fatalf("gas limit %d", got[i].GasLimit)
		}
	}

	// Brine is deployed, the first dev account is governance, the dev accounts are funded.
	dep := d.Deployment()
	if err := dep.Verify(ctx, httpc); err != nil {
		t.Fatalf("Verify over HTTP: %v", err)
	}
	if _, err := os.Stat(d.DeploymentPath()); err != nil {
		t.Fatalf("deployment file: %v", err)
	}
	accs := d.Accounts()
	if len(accs) != 3 {
		t.Fatalf("%d accounts, want 3", len(accs))
	}
	owner := accs[0].Address
	for _, o := range []struct {
		name   string
		addr   common.Address
		pack   []byte
		unpack func([]byte) (common.Address, error)
	}{
		{"token", dep.Token, bindings.NewBrineToken().PackOwner(), bindings.NewBrineToken().UnpackOwner},
		{"registry", dep.Registry, bindings.NewProviderRegistry().PackOwner(), bindings.NewProviderRegistry().UnpackOwner},
		{"market", dep.Market, bindings.NewJobMarket().PackOwner(), bindings.NewJobMarket().UnpackOwner},
		{"rewards", dep.Rewards, bindings.NewUptimeRewards().PackOwner(), bindings.NewUptimeRewards().UnpackOwner},
	} {
		got, err := bind.Call(bindings.NewJobMarket().Instance(httpc, o.addr), nil, o.pack, o.unpack)
		if err != nil || got != owner {
			t.Fatalf("%s owner %s (%v), want the first dev account %s", o.name, got, err, owner)
		}
	}
	if dep.Params.Treasury != d.Faucet().Address || dep.Params.MinStake != deploy.Token(100).String() {
		t.Fatalf("deployment params %+v", dep.Params)
	}
	genesis, err := httpc.HeaderByNumber(ctx, big.NewInt(0))
	if err != nil {
		t.Fatal(err)
	}
	if dep.Params.EpochGenesis != genesis.Time {
		t.Fatalf("epoch genesis %d, want the genesis time %d", dep.Params.EpochGenesis, genesis.Time)
	}
	for i, a := range accs {
		if got := tokenBalance(t, httpc, dep.Token, a.Address); got.Cmp(tokensPer) != 0 {
			t.Errorf("account %d holds %s tokens, want %s", i, got, tokensPer)
		}
		got := balance(t, httpc, a.Address)
		if i == 0 { // the deployer paid gas
			if got.Cmp(ethPer) >= 0 || got.Cmp(ether(249)) <= 0 {
				t.Errorf("deployer holds %s wei, want a little under %s", got, ethPer)
			}
		} else if got.Cmp(ethPer) != 0 {
			t.Errorf("account %d holds %s wei, want %s", i, got, ethPer)
		}
	}

	// Another client, with only the URL, the keystore directory and the password, sends
	// transactions: ETH and a token transfer.
	w := openWallet(t, d.KeystoreDir(), devnet.DevPassword)
	to := freshAddress(t)
	tx, err := w.sendETH(ctx, httpc, accs[1], to, ether(3), nil)
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	waitReceipt(t, httpc, tx)
	if got := balance(t, httpc, to); got.Cmp(ether(3)) != 0 {
		t.Fatalf("recipient holds %s wei, want 3 ETH", got)
	}
	token := bindings.NewBrineToken()
	tx, err = bind.Transact(token.Instance(httpc, dep.Token), w.opts(ctx, accs[2]), token.PackTransfer(to, deploy.Token(5)))
	if err != nil {
		t.Fatalf("token transfer: %v", err)
	}
	waitReceipt(t, httpc, tx)
	if got := tokenBalance(t, httpc, dep.Token, to); got.Cmp(deploy.Token(5)) != 0 {
		t.Fatalf("recipient holds %s tokens, want 5", got)
	}

	// Stop removes everything of an ephemeral devnet.
	root := filepath.Dir(d.KeystoreDir())
	if err := d.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(root); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("ephemeral directory %s after Stop: %v", root, err)
	}
	if d.HTTPURL() != "" || d.Deployment() != nil {
		t.Fatal("a stopped devnet still reports an endpoint or deployment")
	}
}

func TestDevnetPersistsAcrossRestart(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "devnet")
	// A block period, so that transactions wait in the pool and some are in flight at Stop.
	cfg := devnet.Config{DataDir: dir, Accounts: 2, BlockPeriod: time.Second}
	cfg.Logger = testharness.Logger(t, "")
	first := startDevnet(t, cfg)

	// Keys: 0600 files in a 0700 directory, under the data directory.
	ksDir := first.KeystoreDir()
	if ksDir != filepath.Join(dir, devnet.KeystoreDirName) {
		t.Fatalf("keystore %s", ksDir)
	}
	st, err := os.Stat(ksDir)
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("keystore directory mode %v (%v), want 0700", st.Mode().Perm(), err)
	}
	keys, err := os.ReadDir(ksDir)
	if err != nil || len(keys) != 3 { // faucet + 2 dev accounts
		t.Fatalf("%d key files (%v), want 3", len(keys), err)
	}
	for _, k := range keys {
		info, err := k.Info()
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("key file %s mode %v (%v), want 0600", k.Name(), info.Mode().Perm(), err)
		}
	}
	depPath := filepath.Join(dir, devnet.DeploymentFileName)
	if first.DeploymentPath() != depPath {
		t.Fatalf("deployment file %s, want %s", first.DeploymentPath(), depPath)
	}
	depBytes, err := os.ReadFile(depPath)
	if err != nil {
		t.Fatal(err)
	}

	c := dial(t, first.HTTPURL())
	accs, dep := first.Accounts(), first.Deployment()
	w := openWallet(t, ksDir, devnet.DevPassword)
	to := freshAddress(t)
	tx, err := w.sendETH(ctx, c, accs[1], to, ether(7), nil)
	if err != nil {
		t.Fatal(err)
	}
	waitReceipt(t, c, tx)
	head, err := c.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	deployerNonce, err := c.NonceAt(ctx, accs[0].Address, nil)
	if err != nil {
		t.Fatal(err)
	}
	sender := balance(t, c, accs[1].Address)

	// Transactions in flight while the devnet stops must not break the database.
	var (
		wg          sync.WaitGroup
		sent        atomic.Int64
		stopSending = make(chan struct{})
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		nonce, err := c.PendingNonceAt(ctx, accs[0].Address)
		if err != nil {
			return
		}
		for {
			select {
			case <-stopSending:
				return
			default:
			}
			if _, err := w.sendETH(ctx, c, accs[0], to, big.NewInt(1), &nonce); err == nil {
				nonce++
				sent.Add(1)
			}
		}
	}()
	eventually(t, 10*time.Second, "transactions in flight", func() (bool, error) { return sent.Load() >= 5, nil })
	if err := first.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	close(stopSending)
	wg.Wait()

	// The wrong password is refused before anything starts.
	wrong := cfg
	wrong.Password = "not the dev password"
	if d, err := devnet.New(wrong); err != nil {
		t.Fatal(err)
	} else if err := d.Start(ctx); err == nil {
		_ = d.Stop(ctx)
		t.Fatal("Start with the wrong keystore password succeeded")
	}

	// A deployment file that does not match the chain is refused, not silently replaced.
	tampered := strings.Replace(string(depBytes), strings.ToLower(dep.Market.Hex()), strings.ToLower(dep.Rewards.Hex()), 1)
	if tampered == string(depBytes) {
		t.Fatal("could not tamper with the deployment file")
	}
	if err := os.WriteFile(depPath, []byte(tampered), 0o644); err != nil {
		t.Fatal(err)
	}
	if d, err := devnet.New(cfg); err != nil {
		t.Fatal(err)
	} else if err := d.Start(ctx); err == nil {
		_ = d.Stop(ctx)
		t.Fatal("Start with a deployment file of another chain succeeded")
	} else if mismatch := new(deploy.CodeMismatchError); !errors.As(err, &mismatch) || mismatch.Contract != deploy.NameJobMarket {
		t.Fatalf("Start with a tampered deployment file: %v, want a *deploy.CodeMismatchError for JobMarket", err)
	}
	if err := os.WriteFile(depPath, depBytes, 0o644); err != nil {
		t.Fatal(err)
	}

	// The same devnet starts again on the same data directory.
	if err := first.Start(ctx); err != nil {
		t.Fatalf("restart: %v", err)
	}
	second := first
	c2 := dial(t, second.HTTPURL())
	if got := second.Accounts(); len(got) != 2 || got[0].Address != accs[0].Address || got[1].Address != accs[1].Address {
		t.Fatalf("accounts after restart %v, want %v", got, accs)
	}
	if !reflect.DeepEqual(second.Deployment(), dep) {
		t.Fatalf("deployment after restart %+v, want %+v", second.Deployment(), dep)
	}
	if after, err := os.ReadFile(second.DeploymentPath()); err != nil || string(after) != string(depBytes) {
		t.Fatalf("deployment file rewritten after restart (%v)", err)
	}
	if err := second.Deployment().Verify(ctx, c2); err != nil {
		t.Fatal(err)
	}
	head2, err := c2.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if head2 < head {
		t.Fatalf("head %d after restart, was %d", head2, head)
	}
	if got := balance(t, c2, accs[1].Address); got.Cmp(sender) != 0 {
		t.Fatalf("sender holds %s after restart, had %s", got, sender)
	}
	if got := tokenBalance(t, c2, dep.Token, accs[1].Address); got.Cmp(devnet.DefaultTokensPerAccount()) != 0 {
		t.Fatalf("sender holds %s tokens after restart", got)
	}
	// No redeploy, no re-mint: the deployer sent nothing but the in-flight transfers, each of
	// which is either in a block (1 wei to `to`) or not. (Those the pool journaled may still be
	// mined after the restart, so read nonce and balance at one block.)
	at := new(big.Int).SetUint64(head2)
	nonce2, err := c2.NonceAt(ctx, accs[0].Address, at)
	if err != nil {
		t.Fatal(err)
	}
	toBalance, err := c2.BalanceAt(ctx, to, at)
	if err != nil {
		t.Fatal(err)
	}
	wantTo := new(big.Int).Add(ether(7), new(big.Int).SetUint64(nonce2-deployerNonce))
	if nonce2 < deployerNonce || toBalance.Cmp(wantTo) != 0 {
		t.Fatalf("recipient holds %s wei with deployer nonce %d (was %d), want %s", toBalance, nonce2, deployerNonce, wantTo)
	}
	t.Logf("%d of %d in-flight transfers were mined before the stop", nonce2-deployerNonce, sent.Load())

	// The restarted chain takes new transactions.
	tx, err = w.sendETH(ctx, c2, accs[1], to, ether(1), nil)
	if err != nil {
		t.Fatal(err)
	}
	r2 := waitReceipt(t, c2, tx)
	toBalance, err = c2.BalanceAt(ctx, to, r2.BlockNumber)
	if err != nil {
		t.Fatal(err)
	}
	nonce3, err := c2.NonceAt(ctx, accs[0].Address, r2.BlockNumber)
	if err != nil {
		t.Fatal(err)
	}
	want := new(big.Int).Add(ether(8), new(big.Int).SetUint64(nonce3-deployerNonce))
	if toBalance.Cmp(want) != 0 {
		t.Fatalf("recipient holds %s wei, want %s", toBalance, want)
	}
	t.Logf("%d in-flight transfers mined in all, after the restart", nonce3-deployerNonce)
}

func TestDevnetsSideBySide(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var nets [2]*devnet.Devnet
	var wg sync.WaitGroup
	for i := range nets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := devnet.New(devnet.Config{Accounts: 1, Logger: testharness.Logger(t, "")})
			if err != nil {
				t.Error(err)
				return
			}
			if err := d.Start(ctx); err != nil {
				t.Errorf("Start %d: %v", i, err)
				return
			}
			nets[i] = d
		}()
	}
	wg.Wait()
	for _, d := range nets {
		if d != nil {
			t.Cleanup(func() { _ = d.Stop(context.Background()) })
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	a, b := nets[0], nets[1]
	if a.HTTPURL() == b.HTTPURL() {
		t.Fatalf("both devnets on %s", a.HTTPURL())
	}
	ca, cb := dial(t, a.HTTPURL()), dial(t, b.HTTPURL())
	if err := a.Deployment().Verify(ctx, ca); err != nil {
		t.Fatal(err)
	}
	if err := b.Deployment().Verify(ctx, cb); err != nil {
		t.Fatal(err)
	}
	// Same chain ID, different chains: each deployment file is refused by the other chain.
	var mismatch *deploy.CodeMismatchError
	if err := a.Deployment().Verify(ctx, cb); !errors.As(err, &mismatch) {
		t.Fatalf("a's deployment against b: %v, want a *deploy.CodeMismatchError", err)
	}

	// A transaction on a does not touch b (both mine on demand).
	headB, err := cb.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	to := freshAddress(t)
	w := openWallet(t, a.KeystoreDir(), devnet.DevPassword)
	tx, err := w.sendETH(ctx, ca, a.Accounts()[0], to, ether(1), nil)
	if err != nil {
		t.Fatal(err)
	}
	r := waitReceipt(t, ca, tx)
	if h, err := ca.BlockNumber(ctx); err != nil || h != r.BlockNumber.Uint64() {
		t.Fatalf("on demand: a's head %d (%v), want the transaction's block %d and no other", h, err, r.BlockNumber)
	}
	if got := balance(t, ca, to); got.Cmp(ether(1)) != 0 {
		t.Fatalf("recipient on a holds %s", got)
	}
	if got := balance(t, cb, to); got.Sign() != 0 {
		t.Fatalf("recipient on b holds %s", got)
	}
	if h, err := cb.BlockNumber(ctx); err != nil || h != headB {
		t.Fatalf("b's head moved from %d to %d (%v)", headB, h, err)
	}
}

func withToken(c deploy.Config) deploy.Config {
	c.Token = common.HexToAddress("0x00000000000000000000000000000000000000E2")
	return c
}

func TestConfigCheck(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  devnet.Config
		ok   bool
	}{
		{"zero value", devnet.Config{}, true},
		{"localhost", devnet.Config{HTTPAddr: "localhost:0", WSAddr: "localhost:0"}, true},
		{"ipv6 loopback", devnet.Config{HTTPAddr: "[::1]:8545", WSAddr: "[::1]:8546"}, true},
		{"fixed loopback ports", devnet.Config{HTTPAddr: "127.0.0.1:8545", WSAddr: "127.0.0.1:8546"}, true},
		{"all interfaces", devnet.Config{HTTPAddr: "0.0.0.0:0"}, false},
		{"empty host", devnet.Config{HTTPAddr: ":8545"}, false},
		{"ipv6 all interfaces", devnet.Config{WSAddr: "[::]:0"}, false},
		{"lan address", devnet.Config{HTTPAddr: "192.0.2.10:0"}, false},
		{"host name", devnet.Config{WSAddr: "example.com:0"}, false},
		{"remote allowed", devnet.Config{HTTPAddr: "0.0.0.0:0", WSAddr: "0.0.0.0:0", AllowRemote: true}, true},
		{"no port", devnet.Config{HTTPAddr: "127.0.0.1"}, false},
		{"bad port", devnet.Config{HTTPAddr: "127.0.0.1:70000"}, false},
		{"shared port, two hosts", devnet.Config{HTTPAddr: "127.0.0.1:0", WSAddr: "localhost:0"}, false},
		{"fractional period", devnet.Config{BlockPeriod: 1500 * time.Millisecond}, false},
		{"negative period", devnet.Config{BlockPeriod: -time.Second}, false},
		{"negative accounts", devnet.Config{Accounts: -1}, false},
		{"negative ETH", devnet.Config{ETHPerAccount: big.NewInt(-1)}, false},
		{"no ETH for the deployer", devnet.Config{ETHPerAccount: new(big.Int)}, false},
		{"existing token", devnet.Config{Deploy: withToken(deploy.DevConfig(common.Address{}, 0))}, true},
		{"existing token, tokens to mint", devnet.Config{Deploy: withToken(deploy.DevConfig(common.Address{}, 0)), TokensPerAccount: deploy.Token(1)}, false},
		{"negative tokens", devnet.Config{TokensPerAccount: big.NewInt(-1)}, false},
		{"bad deploy config", devnet.Config{Deploy: deploy.Config{TokenName: "T", TokenSymbol: "T"}}, false},
		{"custom deploy config", devnet.Config{Deploy: deploy.DevConfig(common.Address{}, 0)}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.cfg.Check()
			if (err == nil) != tc.ok {
				t.Fatalf("Check: %v, want ok=%v", err, tc.ok)
			}
			if _, err := devnet.New(tc.cfg); (err == nil) != tc.ok {
				t.Fatalf("New: %v, want ok=%v", err, tc.ok)
			}
		})
	}
}
