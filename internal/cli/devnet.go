package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/internal/atomicfile"
	"github.com/brine-compute/brine/internal/lifecycle"
	"github.com/brine-compute/brine/units"
)

func devnetCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:      "devnet",
		Usage:     "run a local chain with Brine deployed and funded dev accounts",
		ArgsUsage: " ",
		Flags:     append(devnetFlags(), protocolFlags()...),
		Description: `Runs a go-ethereum node in dev mode inside this process (chain ID 1337, mainnet gas rules),
serving JSON-RPC on loopback, until Ctrl-C (SIGINT) or SIGTERM. On first start it deploys
Brine with short dev parameters (seconds-long windows, 60 s epochs), creates dev accounts with
1000 ETH and 10000 tokens each, writes their keys to <datadir>/keystore (password printed:
these are dev keys, never use them elsewhere) and the deployment file to
<datadir>/deployment.json, and prints the RPC URLs, contract addresses and accounts.

With --datadir (or BRINE_DATADIR, or datadir in the config file) the chain, keys and
deployment persist and are reused on the next start; other commands given the same --datadir
find the keystore, the deployment file and (through <datadir>/devnet.json, written while the
devnet runs) the RPC URL by themselves. Without it the devnet is ephemeral: everything lives
in a temporary directory that is deleted when it stops.

--json prints one line of JSON with all of the above once the chain is ready.

Every protocol parameter of ` + "`brine deploy`" + ` can be set here too (first start only: a
persistent devnet keeps the contracts it deployed).

--http, --ws, --period and --accounts can also be set by $BRINE_DEVNET_<OPTION> or in the
[devnet] section of the config file (--config); the protocol parameters are flags only.

Example:
   brine devnet --datadir ~/.brine
   brine devnet --epoch-length 20s --unbonding-delay 10s --verifiers 5
   brine devnet --http 127.0.0.1:0 --ws 127.0.0.1:0 --period 0 --json`,
		Action: func(c *cli.Context) error { return devnetRun(c, stdio) },
	}
}

// devnetFlags are the devnet's own options (not the protocol parameters it shares with
// `brine deploy`); each is also a key of the config file's [devnet] section (devnetConfig).
func devnetFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "http", Value: "127.0.0.1:8545", Usage: "JSON-RPC over HTTP on `HOST:PORT` (port 0: any free port)"},
		&cli.StringFlag{Name: "ws", Value: "127.0.0.1:8546", Usage: "JSON-RPC over WebSocket on `HOST:PORT` (port 0: any free port)"},
		&cli.DurationFlag{Name: "period", Value: devnet.DefaultBlockPeriod, Usage: "time between blocks, whole seconds (0: a block per transaction, and chain time stands still)"},
		&cli.IntFlag{Name: "accounts", Value: devnet.DefaultAccounts, Usage: "dev accounts to create on first start"},
	}
}

// devnetConfig is the devnet's own options after merging its flags, BRINE_DEVNET_*
// variables, the config file's [devnet] section and the flags' defaults.
type devnetConfig struct {
	HTTP, WS string
	Period   time.Duration
	Accounts int

	from optionSources
}

func loadDevnetConfig(cfg *Config) (*devnetConfig, error) {
	o := cfg.options("devnet")
	d := &devnetConfig{HTTP: o.String("http"), WS: o.String("ws"), Period: o.Duration("period"), Accounts: o.Int("accounts"), from: o.from}
	return d, o.err
}

// Check reports the first option that is wrong (the addresses are the devnet's to check).
func (d *devnetConfig) Check() error {
	if d.Period < 0 || d.Period%time.Second != 0 {
		return badInput("%s %s: use whole seconds (0 for a block per transaction)", d.from.name("period"), d.Period)
	}
	if d.Accounts < 1 || d.Accounts > 100 {
		return badInput("%s %d: create 1 to 100 dev accounts", d.from.name("accounts"), d.Accounts)
	}
	return nil
}

type devnetReport struct {
	HTTP        string            `json:"http"`
	WS          string            `json:"ws"`
	ChainID     uint64            `json:"chainId"`
	DataDir     string            `json:"dataDir"`
	Ephemeral   bool              `json:"ephemeral"`
	Deployment  string            `json:"deployment"`
	Keystore    string            `json:"keystore"`
	Password    string            `json:"password"`
	Governance  string            `json:"governance"`
	Faucet      string            `json:"faucet"`
	Accounts    []string          `json:"accounts"`
	Contracts   map[string]string `json:"contracts"`
	DeployBlock uint64            `json:"deployBlock"`
	BlockPeriod string            `json:"blockPeriod"`
}

func devnetRun(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine devnet [--datadir DIR] [--http ADDR] [--ws ADDR] [--period 1s] [--accounts 5]"); err != nil {
		return err
	}
	conf, err := loadConfig(c, stdio.Getenv)
	if err != nil {
		return err
	}
	dc, err := loadDevnetConfig(conf)
	if err != nil {
		return err
	}
	s, err := sessionFor(c, stdio, conf)
	if err != nil {
		return err
	}
	defer s.close()
	if err := dc.Check(); err != nil {
		return err
	}
	period := dc.Period
	params := deploy.DevConfig(common.Address{}, 0) // treasury and genesis filled in by the devnet
	if err := applyProtocolFlags(c, &params, 18); err != nil {
		return err
	}
	cfg := devnet.Config{
		Deploy:      params,
		HTTPAddr:    dc.HTTP,
		WSAddr:      dc.WS,
		BlockPeriod: period,
		Accounts:    dc.Accounts,
		Logger:      s.log.With("component", "devnet"),
	}
	if s.cfg.DataDirSet {
		cfg.DataDir = s.cfg.DataDir
	}
	d, err := devnet.New(cfg)
	if err != nil {
		return badInput("%v", err)
	}
	if cfg.DataDir != "" {
		// Said before the RPC answers: commands in this data directory wait for the file to
		// name the endpoint instead of taking the default one, or a half-deployed chain.
		hint := filepath.Join(cfg.DataDir, devnetFile)
		if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
			return err
		}
		if err := writeDevnetInfo(hint, devnetInfo{PID: os.Getpid(), Starting: true}); err != nil {
			return err
		}
		defer os.Remove(hint)
	}
	run := s.runner(30 * time.Second)
	defer run.Stop()
	startCtx, cancel := context.WithTimeout(s.ctx, 5*time.Minute)
	err = run.Start(startCtx, quietStop{Service: d, onErr: func(err error) { fmt.Fprintf(s.info, "brine: stopping the devnet: %v\n", err) }})
	cancel()
	if err != nil {
		return fmt.Errorf("%w (if the port is taken, pass --http 127.0.0.1:0 --ws 127.0.0.1:0 for free ports)", err)
	}

	dep := d.Deployment()
	root := filepath.Dir(d.DeploymentPath())
	rep := devnetReport{
		HTTP:        d.HTTPURL(),
		WS:          d.WSURL(),
		ChainID:     d.ChainID().Uint64(),
		DataDir:     root,
		Ephemeral:   cfg.DataDir == "",
		Deployment:  d.DeploymentPath(),
		Keystore:    d.KeystoreDir(),
		Password:    devnet.DevPassword,
		Faucet:      d.Faucet().Address.Hex(),
		Accounts:    accountsList(d.Accounts()),
		Contracts:   map[string]string{"token": dep.Token.Hex(), "registry": dep.Registry.Hex(), "market": dep.Market.Hex(), "rewards": dep.Rewards.Hex()},
		DeployBlock: dep.DeployBlock,
		BlockPeriod: period.String(),
	}
	if len(rep.Accounts) > 0 {
		rep.Governance = rep.Accounts[0]
	}
	hint := filepath.Join(root, devnetFile)
	if err := writeDevnetInfo(hint, devnetInfo{HTTP: rep.HTTP, WS: rep.WS, PID: os.Getpid()}); err != nil {
		return err
	}
	// Removed before the chain stops: commands in this data directory stop finding it at once.
	_ = run.Start(s.ctx, lifecycle.Funcs{OnStop: func(context.Context) error { os.Remove(hint); return nil }})

	if s.cfg.JSON {
		line, err := json.Marshal(rep)
		if err != nil {
			return err
		}
		fmt.Fprintf(s.out, "%s\n", line)
	} else {
		printDevnet(s.out, rep)
	}
	return run.Wait(s.ctx, func() { fmt.Fprintln(s.info, "Stopping the devnet...") })
}

func writeDevnetInfo(path string, info devnetInfo) error {
	data, err := json.Marshal(info)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, append(data, '\n'), 0o600)
}

func printDevnet(w io.Writer, r devnetReport) {
	if r.Ephemeral {
		fmt.Fprintf(w, "Brine devnet (ephemeral: the chain and keys are deleted when it stops; pass --datadir DIR to keep them)\n\n")
	} else {
		fmt.Fprintf(w, "Brine devnet (data directory %s: the chain, keys and deployment persist)\n\n", r.DataDir)
	}
	fmt.Fprintf(w, "RPC:          %s   WebSocket: %s\n", r.HTTP, r.WS)
	fmt.Fprintf(w, "Chain ID:     %d, a block every %s\n", r.ChainID, r.BlockPeriod)
	fmt.Fprintf(w, "Token:        %s\n", r.Contracts["token"])
	fmt.Fprintf(w, "Registry:     %s\n", r.Contracts["registry"])
	fmt.Fprintf(w, "Market:       %s\n", r.Contracts["market"])
	fmt.Fprintf(w, "Rewards:      %s\n", r.Contracts["rewards"])
	fmt.Fprintf(w, "Deployment:   %s\n", r.Deployment)
	fmt.Fprintf(w, "Keystore:     %s   password: %s (dev keys: never use them elsewhere)\n", r.Keystore, r.Password)
	fmt.Fprintf(w, "Dev accounts: %s ETH and %s tokens each; the first is governance\n",
		units.Format(devnet.DefaultETHPerAccount(), 18), units.Format(devnet.DefaultTokensPerAccount(), 18))
	for _, a := range r.Accounts {
		fmt.Fprintf(w, "  %s\n", a)
	}
	fmt.Fprintf(w, "Faucet:       %s (treasury)\n\n", r.Faucet)
	acct := ""
	if len(r.Accounts) > 1 {
		acct = " --account " + r.Accounts[1]
	}
	fmt.Fprintf(w, "Try, in another terminal:\n  export BRINE_PASSWORD=%s\n  brine --datadir %s%s provider stake 100\n\nPress Ctrl-C to stop.\n",
		r.Password, r.DataDir, acct)
}
