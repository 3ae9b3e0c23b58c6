package devnet

import (
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"reflect"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/deploy"
)

// Defaults.
const (
	// DefaultAddr is the default HTTPAddr and WSAddr: loopback, port chosen by the OS.
	DefaultAddr = "127.0.0.1:0"
	// DefaultBlockPeriod is the block period `brine devnet` uses. Config.BlockPeriod is 0
	// (on-demand) unless set, as in `geth --dev`.
	DefaultBlockPeriod = time.Second
	// DefaultAccounts is how many dev accounts are created.
	DefaultAccounts = 5
	// DevPassword is the default keystore password of the dev accounts. These are dev keys:
	// it is printed at start.
	DevPassword = "brine-dev"
	// GasLimit is the block gas limit.
	GasLimit = 60_000_000
)

// DefaultETHPerAccount is the default ETH each dev account gets at genesis: 1000 ETH.
func DefaultETHPerAccount() *big.Int { return new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18)) }

// DefaultTokensPerAccount is the default dev token amount minted to each dev account: 10,000 tokens.
func DefaultTokensPerAccount() *big.Int { return deploy.Token(10_000) }

// Config configures a devnet. The zero value is a usable ephemeral devnet mining on demand;
// Check fills the defaults described on each field.
type Config struct {
	// DataDir holds the chain, the keystore and deployment.json. Empty: everything is
	// ephemeral (the chain in memory, keys in a temporary directory removed at Stop).
	DataDir string
	// HTTPAddr and WSAddr are host:port for JSON-RPC over HTTP and WebSocket (default
	// 127.0.0.1:0, the port chosen by the OS). With the same host and port 0 for both, they
	// share one listener. Hosts other than loopback are refused unless AllowRemote is set.
	HTTPAddr, WSAddr string
	// AllowRemote permits non-loopback HTTP and WS hosts. The dev keys and their password are
	// public; only set this on a network you trust.
	AllowRemote bool
	// BlockPeriod is the time between blocks, in whole seconds. 0 mines on demand: a block as
	// soon as a transaction arrives and none otherwise (geth --dev.period 0), so chain time
	// stands still while nothing happens. `brine devnet` uses DefaultBlockPeriod.
	BlockPeriod time.Duration
	// Accounts is how many dev accounts to create on first start (default 5). The first one
	// deploys the contracts and is their governance (owner).
	Accounts int
	// Password encrypts the dev accounts in the keystore (default DevPassword).
	Password string
	// ETHPerAccount is each dev account's ETH at genesis, in wei (default 1000 ETH; must be
	// positive, the first account pays for the deployment).
	ETHPerAccount *big.Int
	// TokensPerAccount is minted to each dev account after deployment, in token base units
	// (default 10,000 tokens, or 0 when Deploy.Token is an existing ERC-20; 0 mints none).
	TokensPerAccount *big.Int
	// Deploy is the deployment configuration. Zero means deploy.DevConfig with the faucet as
	// treasury and the genesis block's time as epoch genesis; a non-zero value with no
	// Treasury or EpochGenesis gets those two filled in the same way.
	Deploy deploy.Config
	// Logger receives the devnet's and the node's logs (default: discarded).
	Logger *slog.Logger
	// GenesisCode places contract code at addresses in the genesis of a new chain, for tests
	// that need a contract at a fixed address (FEVM's actor-call precompile stand-in). Ignored
	// when DataDir already holds a chain.
	GenesisCode map[common.Address][]byte
}

// withDefaults returns c with the defaults filled in.
func (c Config) withDefaults() Config {
	if c.HTTPAddr == "" {
		c.HTTPAddr = DefaultAddr
	}
	if c.WSAddr == "" {
		c.WSAddr = DefaultAddr
	}
	if c.Accounts == 0 {
		c.Accounts = DefaultAccounts
	}
	if c.Password == "" {
		c.Password = DevPassword
	}
	if c.ETHPerAccount == nil {
		c.ETHPerAccount = DefaultETHPerAccount()
	}
	if c.TokensPerAccount == nil {
		c.TokensPerAccount = DefaultTokensPerAccount()
		if c.Deploy.Token != (common.Address{}) {
			c.TokensPerAccount = new(big.Int) // an existing ERC-20: nothing to mint
		}
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// deployConfig is the deployment configuration for a chain whose faucet and genesis time are
// known.
func (c Config) deployConfig(faucet common.Address, genesisTime uint64) deploy.Config {
	if reflect.ValueOf(c.Deploy).IsZero() {
		return deploy.DevConfig(faucet, genesisTime)
	}
	d := c.Deploy
	if d.Treasury == (common.Address{}) {
		d.Treasury = faucet
	}
	if d.EpochGenesis == 0 {
		d.EpochGenesis = genesisTime
	}
	return d
}

// Check reports the first problem with the configuration, after filling the defaults.
func (c Config) Check() error {
	c = c.withDefaults()
	http, err := checkAddr("HTTPAddr", c.HTTPAddr, c.AllowRemote)
	if err != nil {
		return err
	}
	ws, err := checkAddr("WSAddr", c.WSAddr, c.AllowRemote)
	if err != nil {
		return err
	}
	if http.port == ws.port && http.host != ws.host {
		return fmt.Errorf("devnet: HTTPAddr %q and WSAddr %q have the same port but different hosts: use one host:port for both, or different ports",
			c.HTTPAddr, c.WSAddr)
	}
	switch {
	case c.BlockPeriod < 0 || c.BlockPeriod%time.Second != 0:
		return fmt.Errorf("devnet: BlockPeriod %v must be 0 (on demand) or a whole number of seconds", c.BlockPeriod)
	case c.Accounts < 0:
		return fmt.Errorf("devnet: Accounts %d must be positive", c.Accounts)
	case c.Accounts > 1000:
		return fmt.Errorf("devnet: Accounts %d is more dev accounts than a devnet needs (at most 1000)", c.Accounts)
	case c.ETHPerAccount.Sign() <= 0:
		return errors.New("devnet: ETHPerAccount must be positive: the first dev account pays for the deployment")
	case c.TokensPerAccount.Sign() < 0:
		return errors.New("devnet: TokensPerAccount must not be negative")
	case c.TokensPerAccount.Sign() > 0 && c.Deploy.Token != (common.Address{}):
		return errors.New("devnet: TokensPerAccount needs the dev token: Deploy.Token is an existing ERC-20 the devnet cannot mint")
	}
	// The treasury and epoch genesis are only known at start; check the rest now.
	if err := c.deployConfig(common.Address{1}, 1).Check(); err != nil {
		return fmt.Errorf("devnet: Deploy: %w", err)
	}
	return nil
}

type hostPort struct {
	host string
	port int
}

// checkAddr parses a host:port and refuses non-loopback hosts unless remote is allowed.
func checkAddr(field, addr string, remote bool) (hostPort, error) {
	host, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return hostPort{}, fmt.Errorf("devnet: %s %q: %w", field, addr, err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil || port < 0 || port > 65535 {
		return hostPort{}, fmt.Errorf("devnet: %s %q: port must be a number from 0 to 65535 (0: chosen by the OS)", field, addr)
	}
	if !remote && !isLoopback(host) {
		return hostPort{}, fmt.Errorf("devnet: %s %q is not a loopback address: the devnet's keys and password are public, "+
			"so it listens on 127.0.0.1, ::1 or localhost only; set AllowRemote to serve other hosts", field, addr)
	}
	return hostPort{host, port}, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
