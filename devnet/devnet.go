package devnet

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
)

// Files and directories under the data directory.
const (
	// KeystoreDirName holds the dev accounts' encrypted keys (go-ethereum keystore format).
	KeystoreDirName = "keystore"
	// DeploymentFileName is the deployment file (deploy.File).
	DeploymentFileName = "deployment.json"
	// chainDirName is the go-ethereum node's instance directory (chaindata, nodekey, ...).
	chainDirName = "chain"
)

// httpModules are the JSON-RPC namespaces served over HTTP and WebSocket.
var httpModules = []string{"eth", "net", "web3", "txpool"}

// Devnet is a go-ethereum node in dev mode running inside this process: the node, the eth
// service and the simulated beacon of `geth --dev`, on ChainConfig (mainnet gas rules), with
// Brine deployed and dev accounts funded. Start it, connect to HTTPURL or WSURL, Stop it.
// It can be started again after Stop; with a DataDir the chain, keys and deployment persist.
type Devnet struct {
	cfg Config
	log *slog.Logger

	lifecycle sync.Mutex          // serialises Start and Stop
	current   atomic.Pointer[run] // the running instance, nil when stopped
}

// run is one start of the devnet: everything Stop tears down.
type run struct {
	root    string // DataDir, or a temporary directory
	tempDir bool   // root is removed at Stop

	stack  *node.Node
	eth    *eth.Ethereum
	sealer *sealer
	client *ethclient.Client // in-process

	keystoreDir string
	faucet      accounts.Account
	accounts    []accounts.Account
	deployment  *deploy.File
	httpURL     string
	wsURL       string
}

// New checks cfg and returns a devnet that is not started yet.
func New(cfg Config) (*Devnet, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	return &Devnet{cfg: cfg, log: cfg.Logger}, nil
}

// Start starts the node and, on first start, creates the dev accounts, deploys Brine, mints
// tokens to the dev accounts and writes the deployment file. On a later start from the same
// DataDir it checks the recorded deployment against the chain instead. ctx bounds the setup;
// the node keeps running after Start returns, until Stop.
func (d *Devnet) Start(ctx context.Context) (err error) {
	d.lifecycle.Lock()
	defer d.lifecycle.Unlock()
	if d.current.Load() != nil {
		return errors.New("devnet: already started")
	}
	r := new(run)
	defer func() {
		if err != nil {
			if cerr := r.close(); cerr != nil {
				d.log.Warn("devnet: cleaning up after a failed start", "err", cerr)
			}
		}
	}()
	if err := d.start(ctx, r); err != nil {
		return err
	}
	d.current.Store(r)
	return nil
}

func (d *Devnet) start(ctx context.Context, r *run) error {
	cfg := d.cfg
	if cfg.DataDir != "" {
		if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
			return fmt.Errorf("devnet: data directory: %w", err)
		}
		r.root = cfg.DataDir
	} else {
		dir, err := os.MkdirTemp("", "brine-devnet-")
		if err != nil {
			return fmt.Errorf("devnet: temporary directory: %w", err)
		}
		r.root, r.tempDir = dir, true
	}
	r.keystoreDir = filepath.Join(r.root, KeystoreDirName)

	// The node first: with a DataDir it locks the directory against a second devnet.
	stack, err := node.New(d.nodeConfig(r))
	if err != nil {
		if errors.Is(err, node.ErrDatadirUsed) {
			return fmt.Errorf("devnet: data directory %s is in use by another devnet or geth: %w", cfg.DataDir, err)
		}
		return fmt.Errorf("devnet: node: %w", err)
	}
	r.stack = stack

	exists, err := chainExists(stack)
	if err != nil {
		return fmt.Errorf("devnet: reading the chain in %s: %w", cfg.DataDir, err)
	}
	ks, err := d.openAccounts(r, exists)
	if err != nil {
		return err
	}
	ethCfg := d.ethConfig(r)
	if !exists {
		ethCfg.Genesis = d.genesis(r)
		// A chain that survives kill -9: the hash scheme in archive mode (NoPruning, in
		// ethConfig) commits every block's state to the database as it is imported. The path
		// scheme keeps the last 128 blocks' state in memory until a clean shutdown, so a
		// killed devnet would come back without its contracts.
		ethCfg.StateScheme = rawdb.HashScheme
	} // else: nil, the stored genesis (as geth --dev does with an existing datadir), and the stored scheme
	backend, err := eth.New(stack, ethCfg)
	if err != nil {
		return fmt.Errorf("devnet: eth service: %w", err)
	}
	r.eth = backend
	filterSystem := filters.NewFilterSystem(backend.APIBackend, filters.Config{
		LogCacheSize:  ethCfg.FilterLogCacheSize,
		LogQueryLimit: ethCfg.LogQueryLimit,
		RangeLimit:    ethCfg.RangeLimit,
	})
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(filterSystem)}})
	if err := stack.Start(); err != nil {
		return fmt.Errorf("devnet: starting the node: %w", err)
	}
	beacon, err := catalyst.NewSimulatedBeacon(0, r.faucet.Address, backend)
	if err != nil {
		return fmt.Errorf("devnet: simulated beacon: %w", err)
	}
	r.sealer = startSealer(beacon, backend, cfg.BlockPeriod, d.log)
	r.client = ethclient.NewClient(stack.Attach())
	r.httpURL = stack.HTTPEndpoint()
	r.wsURL = stack.WSEndpoint()

	if err := d.ensureDeployment(ctx, r, ks); err != nil {
		return err
	}

	head, err := r.client.BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	dataDir := cfg.DataDir
	if dataDir == "" {
		dataDir = "(ephemeral)"
	}
	d.log.Info("devnet started", "http", r.httpURL, "ws", r.wsURL, "chainID", ChainConfig().ChainID,
		"blockPeriod", cfg.BlockPeriod, "head", head, "dataDir", dataDir, "deployment", r.deployment.Path())
	password := "(as configured)"
	if cfg.Password == DevPassword {
		password = DevPassword
	}
	addrs := make([]string, len(r.accounts))
	for i, a := range r.accounts {
		addrs[i] = a.Address.Hex()
	}
	d.log.Info("devnet dev accounts (dev keys: never use them elsewhere)", "keystore", r.keystoreDir, "password", password,
		"governance", r.accounts[0].Address, "faucet", r.faucet.Address, "accounts", addrs)
	return nil
}

// nodeConfig is what `geth --dev` configures: no p2p, JSON-RPC on the configured addresses.
func (d *Devnet) nodeConfig(r *run) *node.Config {
	cfg := node.DefaultConfig
	cfg.Name = chainDirName
	cfg.DataDir = d.cfg.DataDir // empty: in-memory databases
	cfg.KeyStoreDir = r.keystoreDir
	cfg.UseLightweightKDF = true
	cfg.IPCPath = ""
	cfg.HTTPHost, cfg.HTTPPort = splitAddr(d.cfg.HTTPAddr)
	cfg.WSHost, cfg.WSPort = splitAddr(d.cfg.WSAddr)
	if d.cfg.AllowRemote {
		cfg.HTTPVirtualHosts = []string{"*"} // reached by whatever name the host has
	}
	cfg.HTTPModules = httpModules
	cfg.WSModules = httpModules
	cfg.AuthAddr, cfg.AuthPort = "127.0.0.1", 0 // no authenticated APIs are registered; never a fixed port
	cfg.P2P = p2p.Config{MaxPeers: 0, NoDiscovery: true, NoDial: true, ListenAddr: ""}
	cfg.Logger = log.NewLogger(d.log.Handler())
	return &cfg
}

func splitAddr(addr string) (string, int) {
	host, port, _ := net.SplitHostPort(addr) // checked by Config.Check
	p, _ := strconv.Atoi(port)
	return host, p
}

func (d *Devnet) ethConfig(r *run) *ethconfig.Config {
	cfg := ethconfig.Defaults
	cfg.NetworkId = ChainConfig().ChainID.Uint64()
	cfg.SyncMode = ethconfig.FullSync
	cfg.NoPruning = true                             // archive: see start
	cfg.Miner.PendingFeeRecipient = r.faucet.Address // the etherbase
	cfg.Miner.GasCeil = GasLimit
	cfg.Miner.GasPrice = big.NewInt(1) // geth --dev: accept any tip
	// A dev chain is small: modest caches.
	cfg.DatabaseCache = 64
	cfg.TrieCleanCache = 32
	cfg.TrieDirtyCache = 32
	cfg.SnapshotCache = 16
	return &cfg
}

// genesis is `geth --dev`'s genesis (precompiles and the system contracts the forks call into
// pre-deployed, the faucet holding FaucetBalance) on ChainConfig, with the dev accounts
// funded.
func (d *Devnet) genesis(r *run) *core.Genesis {
	faucet := r.faucet.Address
	g := core.DeveloperGenesisBlock(GasLimit, &faucet)
	// Not geth's 2^256-9: the faucet is the etherbase, and the first tip it receives would wrap
	// that balance around to a few wei (balances are uint256 and the addition is unchecked).
	g.Alloc[faucet] = types.Account{Balance: FaucetBalance()}
	g.Config = ChainConfig()
	g.Timestamp = uint64(time.Now().Unix())
	for _, a := range r.accounts {
		g.Alloc[a.Address] = types.Account{Balance: new(big.Int).Set(d.cfg.ETHPerAccount)}
	}
	for addr, code := range d.cfg.GenesisCode {
		acct := g.Alloc[addr]
		if acct.Balance == nil {
			acct.Balance = new(big.Int)
		}
		acct.Code = code
		g.Alloc[addr] = acct
	}
	return g
}

// chainExists reports whether the node's data directory already holds a chain.
func chainExists(stack *node.Node) (bool, error) {
	if stack.Config().DataDir == "" {
		return false, nil
	}
	if _, err := os.Stat(stack.ResolvePath("chaindata")); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	db, err := stack.OpenDatabaseWithOptions("chaindata", node.DatabaseOptions{ReadOnly: true, Cache: 16, Handles: 16})
	if err != nil {
		return false, err
	}
	defer db.Close()
	return rawdb.ReadCanonicalHash(db, 0) != (common.Hash{}), nil
}

// ensureDeployment loads and verifies the recorded deployment, or deploys when there is none.
func (d *Devnet) ensureDeployment(ctx context.Context, r *run, ks *keystore.KeyStore) error {
	path := filepath.Join(r.root, DeploymentFileName)
	f, err := deploy.Load(path)
	switch {
	case err == nil:
		if err := f.Verify(ctx, r.client); err != nil {
			var chain *deploy.ChainMismatchError
			var code *deploy.CodeMismatchError
			if errors.As(err, &chain) || errors.As(err, &code) {
				return fmt.Errorf("devnet: the deployment file does not match the chain in %s (remove the directory to start afresh): %w", r.root, err)
			}
			return fmt.Errorf("devnet: %w", err)
		}
		r.deployment = f
		return nil
	case errors.Is(err, deploy.ErrFileNotFound):
		// First start, or a first start that stopped before writing the file: deploy.
	default:
		return fmt.Errorf("devnet: %w", err)
	}
	head, err := r.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	if head.Number.Sign() > 0 {
		d.log.Warn("devnet: the chain has blocks but no deployment file; deploying again", "path", path, "head", head.Number)
	}
	f, err = d.deploy(ctx, r, ks)
	if err != nil {
		return err
	}
	if err := f.Write(path); err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	r.deployment = f
	return nil
}

// deploy deploys Brine from the first dev account and mints tokens to every dev account.
// Transactions are sealed as soon as they are sent, whatever the block period.
func (d *Devnet) deploy(ctx context.Context, r *run, ks *keystore.KeyStore) (*deploy.File, error) {
	genesis, err := r.client.HeaderByNumber(ctx, big.NewInt(0))
	if err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	cfg := d.cfg.deployConfig(r.faucet.Address, genesis.Time)
	deployer := r.accounts[0]
	// Unlocked for the setup only: this keystore instance is private to the devnet.
	if err := ks.Unlock(deployer, d.cfg.Password); err != nil {
		return nil, fmt.Errorf("devnet: unlocking the deployer %s: %w", deployer.Address, err)
	}
	defer ks.Lock(deployer.Address)
	opts := d.transactor(ctx, ks, deployer)
	backend := &sealingBackend{Client: r.client, seal: r.sealer.seal}
	addrs, err := deploy.Deploy(ctx, backend, opts, cfg)
	if err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}

	if cfg.Token == (common.Address{}) && d.cfg.TokensPerAccount.Sign() > 0 {
		// All mints in one block: send them with consecutive nonces, then seal.
		token := bindings.NewBrineToken()
		instance := token.Instance(r.client, addrs.Token)
		nonce, err := r.client.PendingNonceAt(ctx, deployer.Address)
		if err != nil {
			return nil, fmt.Errorf("devnet: %w", err)
		}
		var txs []*types.Transaction
		for i, a := range r.accounts {
			o := *opts
			o.Nonce = new(big.Int).SetUint64(nonce + uint64(i))
			tx, err := bind.Transact(instance, &o, token.PackMint(a.Address, d.cfg.TokensPerAccount))
			if err != nil {
				return nil, fmt.Errorf("devnet: minting dev tokens to %s: %w", a.Address, err)
			}
			txs = append(txs, tx)
		}
		if err := r.sealer.seal(ctx); err != nil {
			return nil, err
		}
		for _, tx := range txs {
			receipt, err := bind.WaitMined(ctx, r.client, tx.Hash())
			if err != nil {
				return nil, fmt.Errorf("devnet: minting dev tokens: %w", err)
			}
			if receipt.Status != types.ReceiptStatusSuccessful {
				return nil, fmt.Errorf("devnet: minting dev tokens: transaction %s reverted", tx.Hash())
			}
		}
	}
	f, err := deploy.NewFile(ctx, r.client, addrs, cfg)
	if err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	d.log.Info("devnet: deployed Brine", "token", addrs.Token, "registry", addrs.Registry, "market", addrs.Market,
		"rewards", addrs.Rewards, "governance", deployer.Address)
	return f, nil
}

// transactor signs with an unlocked keystore account.
func (d *Devnet) transactor(ctx context.Context, ks *keystore.KeyStore, a accounts.Account) *bind.TransactOpts {
	chainID := ChainConfig().ChainID
	return &bind.TransactOpts{
		From:    a.Address,
		Context: ctx,
		Signer: func(addr common.Address, tx *types.Transaction) (*types.Transaction, error) {
			if addr != a.Address {
				return nil, bind.ErrNotAuthorized
			}
			return ks.SignTx(a, tx, chainID)
		},
	}
}

// sealingBackend seals a block right after each transaction it sends, so that deploy.Deploy,
// which waits for each transaction, does not wait for the block period.
type sealingBackend struct {
	*ethclient.Client
	seal func(context.Context) error
}

func (b *sealingBackend) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if err := b.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	return b.seal(ctx)
}

// Stop stops block production, then the node (its RPC servers, the eth service, which writes
// its state, and the databases), and removes an ephemeral devnet's files. If ctx ends first,
// Stop returns its error while the shutdown goes on in the background.
func (d *Devnet) Stop(ctx context.Context) error {
	d.lifecycle.Lock()
	defer d.lifecycle.Unlock()
	r := d.current.Swap(nil)
	if r == nil {
		return nil
	}
	done := make(chan error, 1)
	go func() { done <- r.close() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("devnet: stop: %w (the node is still shutting down)", ctx.Err())
	}
}

// close tears down whatever part of the run was started.
func (r *run) close() error {
	var errs []error
	if r.sealer != nil {
		r.sealer.stop() // no block is being written when the database closes
	}
	if r.client != nil {
		r.client.Close()
	}
	if r.stack != nil {
		if err := r.stack.Close(); err != nil && !errors.Is(err, node.ErrNodeStopped) {
			errs = append(errs, fmt.Errorf("devnet: closing the node: %w", err))
		}
	}
	if r.tempDir {
		if err := os.RemoveAll(r.root); err != nil {
			errs = append(errs, fmt.Errorf("devnet: removing %s: %w", r.root, err))
		}
	}
	return errors.Join(errs...)
}

// HTTPURL is the JSON-RPC over HTTP endpoint ("" when stopped).
func (d *Devnet) HTTPURL() string {
	if r := d.current.Load(); r != nil {
		return r.httpURL
	}
	return ""
}

// Mine seals n blocks now, empty unless transactions are pending, as a chain that ran on
// without this devnet's transactions would have (tests use it to build long chains and gaps).
// Each block is a second after its parent at least, so chain time runs ahead of the clock.
func (d *Devnet) Mine(ctx context.Context, n int) error {
	r := d.current.Load()
	if r == nil || r.sealer == nil {
		return errStopped
	}
	return r.sealer.mine(ctx, n)
}

// WSURL is the JSON-RPC over WebSocket endpoint ("" when stopped).
func (d *Devnet) WSURL() string {
	if r := d.current.Load(); r != nil {
		return r.wsURL
	}
	return ""
}

// ChainID is the chain ID (1337, go-ethereum's dev chain ID).
func (d *Devnet) ChainID() *big.Int {
	return new(big.Int).Set(ChainConfig().ChainID)
}

// Accounts are the dev accounts in the keystore, in creation order. The first deployed the
// contracts and is their governance (owner) and the dev token's minter. Nil when stopped.
func (d *Devnet) Accounts() []accounts.Account {
	if r := d.current.Load(); r != nil {
		return append([]accounts.Account(nil), r.accounts...)
	}
	return nil
}

// FaucetBalance is the faucet's genesis balance, 2^255 wei: as good as unlimited, and far
// enough from 2^256 that the fees it earns as the etherbase cannot overflow it.
func FaucetBalance() *big.Int { return new(big.Int).Lsh(big.NewInt(1), 255) }

// Faucet is the etherbase: it starts with FaucetBalance, receives the block rewards and tips
// and is the default treasury. Its key is in the keystore too.
func (d *Devnet) Faucet() accounts.Account {
	if r := d.current.Load(); r != nil {
		return r.faucet
	}
	return accounts.Account{}
}

// KeystoreDir is the keystore directory holding the dev accounts and the faucet, encrypted
// with Config.Password ("" when stopped).
func (d *Devnet) KeystoreDir() string {
	if r := d.current.Load(); r != nil {
		return r.keystoreDir
	}
	return ""
}

// Deployment is the Brine deployment on this chain: a copy (nil when stopped).
func (d *Devnet) Deployment() *deploy.File {
	r := d.current.Load()
	if r == nil {
		return nil
	}
	f := *r.deployment
	f.CodeHashes = maps.Clone(f.CodeHashes)
	f.ArtifactHashes = maps.Clone(f.ArtifactHashes)
	return &f
}

// DeploymentPath is where the deployment file is: DataDir/deployment.json, or a file in the
// ephemeral devnet's temporary directory ("" when stopped).
func (d *Devnet) DeploymentPath() string {
	if r := d.current.Load(); r != nil {
		return r.deployment.Path()
	}
	return ""
}
