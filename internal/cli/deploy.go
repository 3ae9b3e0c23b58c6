package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/big"
	"os"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/chain/erc20"
	"github.com/brine-compute/brine/chain/txmgr"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/filecoin"
	"github.com/brine-compute/brine/units"
)

// Limits of the contracts' parameter checks, repeated here so that a bad value is refused
// before the first contract is deployed rather than half-way through.
const (
	maxFeeBps         = 1000            // JobMarket.MAX_FEE_BPS
	maxVerifiers      = 15              // JobMarket.MAX_VERIFIERS
	minWindow         = 4 * time.Second // JobMarket.MIN_WINDOW
	maxWindow         = 30 * 24 * time.Hour
	maxUnbondingDelay = 90 * 24 * time.Hour // ProviderRegistry.MAX_UNBONDING_DELAY
)

// protocolFlags are the protocol parameters `brine deploy` and `brine devnet` both take, with
// the dev defaults.
func protocolFlags() []cli.Flag {
	dev := deploy.DevConfig(common.Address{}, 0)
	m := dev.Market
	tok := func(v *big.Int) string { return units.Format(v, 18) }
	return []cli.Flag{
		&cli.StringFlag{Name: "min-stake", Value: tok(dev.MinStake), Usage: "tokens a provider must stake to be active"},
		&cli.DurationFlag{Name: "unbonding-delay", Value: dev.UnbondingDelay, Usage: "delay before unstaked tokens can be withdrawn"},
		&cli.UintFlag{Name: "fee-bps", Value: uint(m.FeeBps), Usage: "protocol fee on payments, in basis points (at most 1000)"},
		&cli.UintFlag{Name: "challenger-reward-bps", Value: uint(m.ChallengerRewardBps), Usage: "challenger's share of a slashed collateral, basis points"},
		&cli.UintFlag{Name: "verifier-reward-bps", Value: uint(m.VerifierRewardBps), Usage: "verifiers' share of a slashed collateral, basis points"},
		&cli.UintFlag{Name: "verifiers", Value: uint(m.Verifiers), Usage: "verifiers drawn per challenge (odd, 1 to 15)"},
		&cli.StringFlag{Name: "min-collateral", Value: tok(m.MinCollateral), Usage: "tokens: least collateral a job may ask for"},
		&cli.UintFlag{Name: "min-collateral-bps", Value: uint(m.MinCollateralBps), Usage: "least collateral per replica, in basis points of its share of the payment (20000: twice; docs/security.md derives it), 1 to 100000"},
		&cli.StringFlag{Name: "challenge-bond", Value: tok(m.ChallengeBond), Usage: "tokens a challenger deposits"},
		&cli.StringFlag{Name: "verifier-collateral", Value: tok(m.VerifierCollateral), Usage: "tokens each drawn verifier locks"},
		&cli.DurationFlag{Name: "min-challenge-window", Value: time.Duration(m.MinChallengeWindow) * time.Second, Usage: "shortest challenge window a job may ask for"},
		&cli.DurationFlag{Name: "vote-commit-window", Value: time.Duration(m.VoteCommitWindow) * time.Second, Usage: "verifiers' commit window"},
		&cli.DurationFlag{Name: "vote-reveal-window", Value: time.Duration(m.VoteRevealWindow) * time.Second, Usage: "verifiers' reveal window"},
		&cli.DurationFlag{Name: "replica-reveal-window", Value: time.Duration(m.ReplicaRevealWindow) * time.Second, Usage: "replicas' reveal window"},
		&cli.DurationFlag{Name: "epoch-length", Value: dev.EpochLength, Usage: "uptime reward epoch length"},
		&cli.StringFlag{Name: "reward-per-provider", Value: tok(dev.RewardPerProvider), Usage: "tokens: most a provider earns per epoch"},
		&cli.Uint64Flag{Name: "claim-epochs", Value: dev.ClaimEpochs, Usage: "epochs after its end an epoch's rewards stay claimable"},
	}
}

// applyProtocolFlags sets cfg's protocol parameters from the flags (amounts in tokens of
// `decimals` decimals).
func applyProtocolFlags(c *cli.Context, cfg *deploy.Config, decimals uint8) error {
	amt := func(flag string) (*big.Int, error) {
		v, err := units.ParsePositive(c.String(flag), decimals)
		if err != nil {
			return nil, badInput("--%s: %v", flag, err)
		}
		return v, nil
	}
	var err error
	if cfg.MinStake, err = amt("min-stake"); err != nil {
		return err
	}
	if cfg.RewardPerProvider, err = amt("reward-per-provider"); err != nil {
		return err
	}
	if cfg.Market.MinCollateral, err = amt("min-collateral"); err != nil {
		return err
	}
	if cfg.Market.ChallengeBond, err = amt("challenge-bond"); err != nil {
		return err
	}
	if cfg.Market.VerifierCollateral, err = amt("verifier-collateral"); err != nil {
		return err
	}
	return deployParams(c, cfg)
}

func deployCommand(stdio IO) *cli.Command {
	dev := deploy.DevConfig(common.Address{}, 0)
	return &cli.Command{
		Name:      "deploy",
		Usage:     "deploy Brine's contracts to a chain and write the deployment file",
		ArgsUsage: " ",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "token", Usage: "use the existing ERC-20 at `ADDR` (default: deploy a dev token with no supply, owned by the deployer, who mints it with 'brine token mint')"},
			&cli.StringFlag{Name: "token-name", Value: dev.TokenName, Usage: "name of a deployed dev token"},
			&cli.StringFlag{Name: "token-symbol", Value: dev.TokenSymbol, Usage: "symbol of a deployed dev token"},
			&cli.StringFlag{Name: "treasury", Usage: "`ADDR` receiving protocol fees (default: the deploying account)"},
			&cli.StringFlag{Name: "out", Usage: "write the deployment file to `FILE` (default: --deployment, i.e. <datadir>/deployment.json)"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite an existing deployment file"},
			&cli.Int64Flag{Name: "epoch-genesis", Usage: "unix `TIME` epoch 0 starts (default: the latest block's time)"},
		}, protocolFlags()...),
		Description: `Deploys the token (unless --token), registry, market and rewards contracts from --account,
each transaction through the transaction manager (journaled, confirmed at --confirmations),
wires them, and writes the deployment file (chain ID, addresses, deploy block, parameters,
code and artifact hashes) that every other command reads and checks against the chain.

The defaults are the dev parameters (seconds-long windows, 60 s epochs): set each for a
real deployment. Amounts are tokens with the token's decimals. The deploying account becomes
governance (owner) of every contract. Parameters are checked before the first transaction.

Without --token, a dev token (BrineToken, ERC-20 with permits) is deployed with no supply: its
owner, the deploying account, mints it to whoever needs it with 'brine token mint AMOUNT --to
ADDR' (dev tokens only; 'brine devnet' mints to its dev accounts by itself).

With --token, a test transfer runs first: the deploying account lends one whole token to a
small probe contract, which pulls it with transferFrom, checks that exactly that amount left
the account and arrived, and returns everything it holds in a later block. A fee-on-transfer
token (less arrives than was sent) or a rebasing one (the probe's balance changes by itself) is
refused and nothing else is deployed: Brine's escrow needs a plain ERC-20. The account must
hold at least one token (10,000 base units at least; exit 2 otherwise); it gets it back.

Example:
   brine deploy --rpc https://rpc.example.org --account 0x8ba1f109551bD432803012645Ac136ddd64DBA72 \
       --token 0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238 --treasury 0x2546BcD3c84621e976D8185a91A922aE77ECEc30 \
       --min-stake 1000 --fee-bps 50 --challenge-bond 100 --unbonding-delay 168h --epoch-length 24h \
       --out mainnet.json`,
		Action: func(c *cli.Context) error { return deployRun(c, stdio) },
	}
}

func deployRun(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine deploy [flags]"); err != nil {
		return err
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	out := s.cfg.Deployment
	if c.IsSet("out") {
		out = expandHome(c.String("out"))
	}
	if _, err := os.Stat(out); err == nil && !c.Bool("force") {
		return badInput("deployment file %s exists: pass --out FILE for another, or --force to overwrite", out)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := s.dial(); err != nil {
		return err
	}
	addr, err := s.resolveAccount(true)
	if err != nil {
		return err
	}
	cfg := deploy.DevConfig(addr, 0)
	decimals := uint8(18)
	if t := c.String("token"); t != "" {
		if cfg.Token, err = parseAddress(t, "--token"); err != nil {
			return err
		}
		et, err := erc20.Open(s.ctx, s.client, cfg.Token)
		if err != nil {
			return badInput("--token: %v", err)
		}
		decimals = et.Decimals
	} else {
		cfg.TokenName, cfg.TokenSymbol = c.String("token-name"), c.String("token-symbol")
		if cfg.TokenName == "" || cfg.TokenSymbol == "" {
			return badInput("a dev token needs --token-name and --token-symbol (or pass --token ADDR)")
		}
	}
	if t := c.String("treasury"); t != "" {
		if cfg.Treasury, err = parseAddress(t, "--treasury"); err != nil {
			return err
		}
	}
	if err := applyProtocolFlags(c, &cfg, decimals); err != nil {
		return err
	}
	if c.IsSet("epoch-genesis") {
		if g := c.Int64("epoch-genesis"); g > 0 {
			cfg.EpochGenesis = uint64(g)
		} else {
			return badInput("--epoch-genesis must be a positive unix time")
		}
	} else {
		head, err := s.client.HeaderByNumber(s.ctx, nil)
		if err != nil {
			return err
		}
		cfg.EpochGenesis = head.Time
	}
	if err := cfg.Check(); err != nil {
		return badInput("%v", err)
	}
	s.account = addr
	if err := s.requireGas(); err != nil {
		return err
	}
	if err := s.unlockAccount(); err != nil {
		return err
	}
	backend := &managedBackend{Client: s.client, mgr: s.sender.Manager, from: addr, progress: s.progress, receipts: map[common.Hash]*types.Receipt{}}
	opts := &bind.TransactOpts{
		From:    addr,
		Context: s.ctx,
		// The transaction manager prices, signs and sends; bind only builds the calldata.
		GasPrice: big.NewInt(1),
		GasLimit: placeholderGas,
		Signer: func(from common.Address, tx *types.Transaction) (*types.Transaction, error) {
			if from != addr {
				return nil, bind.ErrNotAuthorized
			}
			return tx, nil
		},
	}
	fmt.Fprintf(s.info, "Deploying Brine to chain %s from %s\n", s.chainID, addr.Hex())
	addrs, err := deploy.Deploy(s.ctx, backend, opts, cfg)
	switch {
	case errors.Is(err, deploy.ErrProbeUnfunded):
		return badInput("--token: %v", err) // checked before anything is sent
	case errors.Is(err, deploy.ErrTokenRefused):
		return err // only the test transfer's probe was deployed; another run needs another --token
	case err != nil:
		return fmt.Errorf("deploy: %w (contracts deployed before the failure are abandoned; run it again)", err)
	}
	f, err := deploy.NewFile(s.ctx, s.client, addrs, cfg)
	if err != nil {
		return err
	}
	if name, ok := filecoin.NetworkName(s.ctx, s.client.Client()); ok {
		f.Chain = deploy.ChainName(f.ChainID, name) // a Filecoin devnet is known by its Lotus node
	}
	if err := f.Write(out); err != nil {
		return err
	}
	o := map[string]any{"deployment": out, "chain": f.Chain, "chainId": f.ChainID, "token": f.Token.Hex(), "registry": f.Registry.Hex(),
		"market": f.Market.Hex(), "rewards": f.Rewards.Hex(), "deployBlock": f.DeployBlock, "governance": addr.Hex()}
	return s.emit(o, func(w io.Writer) {
		kv(w, "Deployment file", "%s", out)
		kv(w, "Chain", "%s", f.Chain)
		kv(w, "Chain ID", "%d", f.ChainID)
		kv(w, "Token", "%s", f.Token.Hex())
		kv(w, "Registry", "%s", f.Registry.Hex())
		kv(w, "Market", "%s", f.Market.Hex())
		kv(w, "Rewards", "%s", f.Rewards.Hex())
		kv(w, "Deploy block", "%d", f.DeployBlock)
		kv(w, "Governance", "%s", addr.Hex())
	})
}

// deployParams reads and checks the market, registry and epoch parameters.
func deployParams(c *cli.Context, cfg *deploy.Config) error {
	bps := func(flag string) (uint16, error) {
		v := c.Uint(flag)
		if v > 10_000 {
			return 0, badInput("--%s %d: basis points are at most 10000", flag, v)
		}
		return uint16(v), nil
	}
	window := func(flag string) (uint32, error) {
		d := c.Duration(flag)
		if d < minWindow || d > maxWindow || d%time.Second != 0 {
			return 0, badInput("--%s %s: a window is whole seconds from %s to 30 days", flag, d, minWindow)
		}
		return uint32(d / time.Second), nil
	}
	var err error
	m := &cfg.Market
	if m.FeeBps, err = bps("fee-bps"); err != nil {
		return err
	}
	if m.FeeBps > maxFeeBps {
		return badInput("--fee-bps %d: the fee is at most %d basis points (10%%)", m.FeeBps, maxFeeBps)
	}
	if m.ChallengerRewardBps, err = bps("challenger-reward-bps"); err != nil {
		return err
	}
	if m.VerifierRewardBps, err = bps("verifier-reward-bps"); err != nil {
		return err
	}
	if int(m.ChallengerRewardBps)+int(m.VerifierRewardBps) > 10_000 {
		return badInput("--challenger-reward-bps plus --verifier-reward-bps exceed 10000")
	}
	ratio := c.Uint("min-collateral-bps")
	if ratio == 0 || ratio > deploy.MaxCollateralBps {
		return badInput("--min-collateral-bps %d: the minimum collateral ratio is 1 to %d basis points of the payment (default %d, twice the payment: a lazy provider then loses money)", ratio, deploy.MaxCollateralBps, deploy.DefaultMinCollateralBps)
	}
	m.MinCollateralBps = uint32(ratio)
	v := c.Uint("verifiers")
	if v == 0 || v > maxVerifiers || v%2 == 0 {
		return badInput("--verifiers %d: an odd number from 1 to %d", v, maxVerifiers)
	}
	m.Verifiers = uint8(v)
	if m.MinChallengeWindow, err = window("min-challenge-window"); err != nil {
		return err
	}
	if m.VoteCommitWindow, err = window("vote-commit-window"); err != nil {
		return err
	}
	if m.VoteRevealWindow, err = window("vote-reveal-window"); err != nil {
		return err
	}
	if m.ReplicaRevealWindow, err = window("replica-reveal-window"); err != nil {
		return err
	}
	cfg.UnbondingDelay = c.Duration("unbonding-delay")
	if cfg.UnbondingDelay < 0 || cfg.UnbondingDelay > maxUnbondingDelay || cfg.UnbondingDelay%time.Second != 0 {
		return badInput("--unbonding-delay %s: whole seconds, at most 90 days", cfg.UnbondingDelay)
	}
	cfg.EpochLength = c.Duration("epoch-length")
	if cfg.EpochLength < time.Second || cfg.EpochLength%time.Second != 0 {
		return badInput("--epoch-length %s: a positive whole number of seconds", cfg.EpochLength)
	}
	cfg.ClaimEpochs = c.Uint64("claim-epochs")
	if cfg.ClaimEpochs == 0 {
		return badInput("--claim-epochs must be at least 1")
	}
	return nil
}

// placeholderGas is the gas limit bind puts in the transactions it hands managedBackend when
// deploy did not choose one.
const placeholderGas = 1

// managedBackend lets deploy.Deploy, which builds transactions with bind, send them through
// the transaction manager: bind's "signed" transaction (unsigned, with placeholder gas) is
// turned into a txmgr request, which estimates, prices, signs, journals, sends and waits;
// WaitMined then finds the receipt under bind's hash. The manager must assign the nonce bind
// assumed (deploy addresses derive from it), which holds when nothing else is pending from
// the account; a mismatch fails the deployment instead of recording wrong addresses.
type managedBackend struct {
	*ethclient.Client
	mgr      *txmgr.Manager
	from     common.Address
	progress func(txmgr.Progress)

	mu       sync.Mutex
	receipts map[common.Hash]*types.Receipt
}

func (b *managedBackend) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	h := crypto.Keccak256(tx.Data())
	req := txmgr.Request{
		ID:       fmt.Sprintf("%s/deploy/n%d/%x", b.from.Hex(), tx.Nonce(), h[:6]),
		To:       tx.To(),
		Data:     tx.Data(),
		Value:    tx.Value(),
		Progress: b.progress,
	}
	if tx.Gas() > placeholderGas {
		req.GasLimit = tx.Gas() // deploy chose it (the token probe's give-back); otherwise the manager estimates
	}
	rcpt, err := b.mgr.Send(ctx, req)
	if err != nil {
		return err
	}
	sent, _, err := b.Client.TransactionByHash(ctx, rcpt.TxHash)
	if err != nil {
		return fmt.Errorf("reading back %s: %w", rcpt.TxHash, err)
	}
	if sent.Nonce() != tx.Nonce() {
		return fmt.Errorf("the transaction went out with nonce %d, not %d: %s had other transactions pending; wait for them and deploy again",
			sent.Nonce(), tx.Nonce(), b.from.Hex())
	}
	if tx.To() == nil && rcpt.ContractAddress != crypto.CreateAddress(b.from, tx.Nonce()) {
		return fmt.Errorf("contract created at %s, not at the expected %s", rcpt.ContractAddress, crypto.CreateAddress(b.from, tx.Nonce()))
	}
	b.mu.Lock()
	b.receipts[tx.Hash()] = rcpt
	b.mu.Unlock()
	return nil
}

func (b *managedBackend) TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	b.mu.Lock()
	r, ok := b.receipts[hash]
	b.mu.Unlock()
	if ok {
		return r, nil
	}
	return b.Client.TransactionReceipt(ctx, hash)
}
