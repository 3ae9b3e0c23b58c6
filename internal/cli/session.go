package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/chain/erc20"
	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/chain/txmgr"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/filecoin"
	"github.com/brine-compute/brine/internal/process"
	"github.com/brine-compute/brine/metrics"
	"github.com/brine-compute/brine/settlement/onchain"
	"github.com/brine-compute/brine/wallet"
)

// session is one command's connection to the world: configuration, output, and whatever
// the command opened (chain, deployment, wallet, transaction manager), closed by close.
type session struct {
	ctx   context.Context
	cfg   *Config
	stdio IO
	log   *slog.Logger
	out   io.Writer // data: stdout
	info  io.Writer // progress and notes: stderr

	client  *ethclient.Client
	chainID *big.Int
	dep     *deploy.File
	token   *erc20.Token

	wallet  *wallet.Wallet
	account common.Address
	signer  *wallet.Signer
	sender  *onchain.ManagedSender // the account's transactions, made by unlock
	settle  *onchain.Settlement

	metrics *metrics.Registry // a daemon's --metrics-addr registry (nil: none)

	fcChain *filecoinChain // whether the chain is Filecoin's (nil: not asked yet)
}

// newSession loads the configuration for the command.
func newSession(c *cli.Context, stdio IO) (*session, error) {
	cfg, err := loadConfig(c, stdio.Getenv)
	if err != nil {
		return nil, err
	}
	return sessionFor(c, stdio, cfg)
}

// sessionFor is newSession with the configuration loaded: a command with options of its
// own (loadNodeRunConfig...) checks them between the two, before anything waits or dials.
func sessionFor(c *cli.Context, stdio IO, cfg *Config) (*session, error) {
	if c.Command.Name != "devnet" {
		if err := cfg.awaitDevnet(c.Context, stdio.Stderr, devnetStartWait); err != nil {
			return nil, err
		}
	}
	return &session{
		ctx:   c.Context,
		cfg:   cfg,
		stdio: stdio,
		log:   logger(stdio.Stderr, cfg.LogLevel),
		out:   stdio.Stdout,
		info:  stdio.Stderr,
	}, nil
}

func (s *session) close() {
	if s.sender != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if err := s.sender.Manager.Stop(ctx); err != nil {
			s.log.Warn("stopping the transaction manager", "err", err)
		}
		cancel()
	}
	if s.signer != nil {
		_ = s.signer.Lock()
	}
	if s.client != nil {
		s.client.Close()
	}
}

// connect dials the RPC endpoint, loads the deployment file and verifies it against the
// chain: the chain ID and every contract's code must match, or nothing else runs.
func (s *session) connect() error {
	if s.dep != nil {
		return nil
	}
	dep, err := deploy.Load(s.cfg.Deployment)
	switch {
	case errors.Is(err, deploy.ErrFileNotFound):
		return badInput("no deployment file at %s: pass --deployment FILE (the file `brine deploy` or `brine devnet` wrote), or --datadir of a devnet", s.cfg.Deployment)
	case err != nil:
		return badInput("deployment file %s: %v", s.cfg.Deployment, err)
	}
	if err := s.dial(); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	if err := dep.Verify(ctx, s.client); err != nil {
		var chain *deploy.ChainMismatchError
		var code *deploy.CodeMismatchError
		switch {
		case errors.As(err, &chain):
			return badInput("the deployment file %s is for chain %d, but %s (from %s) serves chain %d: pass the --rpc of chain %d, or the --deployment file of this chain",
				s.cfg.Deployment, chain.FileChainID, s.cfg.RPC, s.cfg.RPCSource, chain.ChainChainID, chain.FileChainID)
		case errors.As(err, &code):
			what := "different code"
			if code.Got == (common.Hash{}) {
				what = "no code"
			}
			return badInput("the deployment file %s does not describe the chain at %s: %s at %s has %s (an ephemeral devnet restarted? a file from another chain?): pass the right --deployment or --rpc",
				s.cfg.Deployment, s.cfg.RPC, code.Contract, code.Address, what)
		}
		return fmt.Errorf("checking the deployment against %s: %w", s.cfg.RPC, err)
	}
	s.dep = dep
	return nil
}

// dial connects to the RPC endpoint and reads the chain ID.
func (s *session) dial() error {
	if s.client != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(s.ctx, 15*time.Second)
	defer cancel()
	client, err := ethclient.DialContext(ctx, s.cfg.RPC)
	if err != nil {
		return s.unreachable(err)
	}
	id, err := client.ChainID(ctx)
	if err != nil {
		client.Close()
		return s.unreachable(err)
	}
	s.client, s.chainID = client, id
	return nil
}

// checkFinalizing refuses a tag rule (--finality safe or finalized) on a chain whose tag block
// lags its head by more than any finalizing chain's does, before anything is sent: every
// transaction would wait for it forever. A chain that stops making blocks is caught while
// waiting, by the transaction manager (finality.Stall).
func (s *session) checkFinalizing() error {
	if s.cfg.Finality.IsDepth() || s.cfg.Finality.IsZero() {
		return nil
	}
	ctx, cancel := context.WithTimeout(s.ctx, 15*time.Second)
	defer cancel()
	final, ok, err := finality.New(s.client, s.cfg.Finality).Final(ctx)
	if err != nil {
		return fmt.Errorf("--finality %s: %w", s.cfg.Finality, err)
	}
	head, err := s.client.BlockNumber(ctx)
	if err != nil {
		return err
	}
	stall := finality.Stall{Rule: s.cfg.Finality}
	if err := stall.Observe(time.Now(), head, final, ok); err != nil {
		return notFinalizing(fmt.Errorf("--finality %s: %w", s.cfg.Finality, err))
	}
	return nil
}

// notFinalizing is the bad-input error for a tag rule on a chain that does not finalize: it
// names what was seen and the fix.
func notFinalizing(err error) error {
	return &exitError{code: ExitBadInput, err: fmt.Errorf("%w. Choose a rule this chain follows: --finality depth:N (a transaction or event counts N blocks deep; N=1 is the head) or --finality safe (or BRINE_FINALITY, or finality in the config file)", err)}
}

// unreachable explains a failure to reach the RPC endpoint. When the endpoint came from the
// devnet file <datadir>/devnet.json, the devnet that wrote it has most likely stopped without
// removing it (kill -9, a crash, a reboot): say so, and how to fix it.
func (s *session) unreachable(err error) error {
	if s.cfg.Devnet == nil {
		return fmt.Errorf("cannot reach the chain at %s (from %s): %w: start `brine devnet` or pass --rpc URL", s.cfg.RPC, s.cfg.RPCSource, err)
	}
	file := filepath.Join(s.cfg.DataDir, devnetFile)
	if pid := s.cfg.Devnet.PID; pid > 0 {
		if alive, known := process.Alive(pid); known && !alive {
			return fmt.Errorf("the devnet at %s is not reachable: %v. Its process %d is gone (killed or crashed) and left %s behind: start it again with `brine devnet --datadir %s`, or remove that file, or pass --rpc URL for another chain",
				s.cfg.RPC, err, pid, file, s.cfg.DataDir)
		}
	}
	return fmt.Errorf("the devnet at %s (named by %s) is not reachable: %v. Restart it with `brine devnet --datadir %s`, or remove that file, or pass --rpc URL for another chain",
		s.cfg.RPC, file, err, s.cfg.DataDir)
}

// openToken reads the deployment's token (symbol and decimals).
func (s *session) openToken() error {
	if s.token != nil {
		return nil
	}
	if err := s.connect(); err != nil {
		return err
	}
	t, err := erc20.Open(s.ctx, s.client, s.dep.Token)
	if err != nil {
		return err
	}
	s.token = t
	return nil
}

// openWallet opens the keystore.
func (s *session) openWallet() error {
	if s.wallet != nil {
		return nil
	}
	w, err := wallet.Open(wallet.Config{Dir: s.cfg.Keystore})
	if err != nil {
		return err
	}
	s.wallet = w
	return nil
}

// resolveAccount picks the account: --account (which must be in the keystore when mustHave),
// else the keystore's only account, else its first (in creation order).
func (s *session) resolveAccount(mustHave bool) (common.Address, error) {
	if s.account != (common.Address{}) {
		return s.account, nil
	}
	if s.cfg.Account != (common.Address{}) && !mustHave {
		s.account = s.cfg.Account
		return s.account, nil
	}
	if err := s.openWallet(); err != nil {
		return common.Address{}, err
	}
	if s.cfg.Account != (common.Address{}) {
		if _, err := s.wallet.Find(s.cfg.Account); err != nil {
			return common.Address{}, badInput("%v", err)
		}
		s.account = s.cfg.Account
		return s.account, nil
	}
	addr, why, err := s.defaultAccount()
	if err != nil {
		return common.Address{}, err
	}
	if why != "" {
		fmt.Fprintf(s.info, "note: acting as %s, %s (pass --account to choose another)\n", addr.Hex(), why)
	}
	s.account = addr
	return s.account, nil
}

// defaultAccount is the account commands act as without --account (documented in the app's
// help): the keystore's only account; or, in a devnet's data directory (the keystore is
// <datadir>/keystore and <datadir>/accounts.json names the dev accounts), the devnet's first
// dev account; otherwise none, and the command asks for --account rather than guess (the
// keystore has no order that means anything). why explains a choice among several accounts.
func (s *session) defaultAccount() (addr common.Address, why string, err error) {
	if err := s.openWallet(); err != nil {
		return common.Address{}, "", err
	}
	accs := s.wallet.Accounts()
	switch len(accs) {
	case 0:
		return common.Address{}, "", badInput("no account in the keystore %s: run `brine wallet new` or `brine wallet import KEYFILE`, or pass --keystore/--datadir", s.cfg.Keystore)
	case 1:
		return accs[0].Address, "", nil
	}
	if filepath.Clean(s.cfg.Keystore) == filepath.Join(s.cfg.DataDir, "keystore") {
		if devs, _, err := devnet.DevAccounts(s.cfg.DataDir); err == nil {
			if _, err := s.wallet.Find(devs[0]); err == nil {
				return devs[0], "the devnet's first dev account (governance)", nil
			}
		}
	}
	return common.Address{}, "", badInput("%d accounts in the keystore %s and no --account: pass --account ADDR (or set $BRINE_ACCOUNT, or account in the config file); `brine wallet list` shows them",
		len(accs), s.cfg.Keystore)
}

// password reads the account password: --password-file, $BRINE_PASSWORD, or a prompt.
func (s *session) password(prompt string, confirm bool) (string, error) {
	src := wallet.PasswordSource{
		File:        s.cfg.PasswordFile,
		Getenv:      s.stdio.Getenv,
		Interactive: true,
		Prompt:      prompt,
		Confirm:     confirm,
		In:          s.stdio.Stdin,
		Out:         s.stdio.Stderr,
	}
	pw, err := src.Read()
	if err != nil {
		return "", badInput("%v", err)
	}
	return pw, nil
}

// unlock connects, resolves and unlocks the account, and starts its transaction manager
// (which first resumes whatever an earlier run left journaled).
func (s *session) unlock() error {
	if s.sender != nil {
		return nil
	}
	if err := s.connect(); err != nil {
		return err
	}
	return s.unlockAccount()
}

// unlockAccount is unlock without the deployment file: `brine deploy` signs on a chain that has
// none yet, so it needs only the RPC connection.
func (s *session) unlockAccount() error {
	if s.sender != nil {
		return nil
	}
	if err := s.dial(); err != nil {
		return err
	}
	if err := s.checkFinalizing(); err != nil {
		return err
	}
	addr, err := s.resolveAccount(true)
	if err != nil {
		return err
	}
	pw, err := s.password(fmt.Sprintf("Password for %s: ", addr.Hex()), false)
	if err != nil {
		return err
	}
	signer, err := s.wallet.Signer(addr, pw, s.chainID)
	if err != nil {
		if errors.Is(err, wallet.ErrWrongPassword) || errors.Is(err, wallet.ErrNoSuchAccount) || errors.Is(err, wallet.ErrNoPassword) {
			return badInput("%v", err)
		}
		return err
	}
	s.signer = signer
	journal := filepath.Join(s.cfg.DataDir, "txjournal", strings.ToLower(addr.Hex())+".db")
	sender, err := onchain.StartManagedSender(s.ctx, onchain.ManagedConfig{
		Client:        s.client,
		ChainID:       s.chainID,
		Account:       onchain.AccountSigner{Address: addr, SignTx: signer.SignTx},
		JournalPath:   journal,
		Confirmations: s.cfg.Confirmations,
		Finality:      s.cfg.Finality,
		PollInterval:  s.cfg.PollInterval,
		Progress:      s.progress,
		Logger:        s.log,
		Metrics:       s.txMetrics(addr),
	})
	if err != nil {
		if errors.Is(err, txmgr.ErrJournalMismatch) {
			return badInput("the transaction journal %s belongs to another chain: use a separate --datadir per chain", journal)
		}
		var busy *txmgr.JournalBusyError
		if errors.As(err, &busy) {
			who := "Another Brine process"
			if busy.PID > 0 {
				who = fmt.Sprintf("Another Brine process (pid %d: %s)", busy.PID, busy.Command)
			}
			return badInput("%s holds the transaction journal of account %s (%s): every transaction of an account goes through one process at a time, so this command cannot send from it now. Wait for that process to finish, stop it (a `brine node run` for this account: stop the node, run this, start it again), or send from another account",
				who, addr.Hex(), journal)
		}
		return err
	}
	sender.OnAdopt = func(tx onchain.Tx) {
		fmt.Fprintf(s.info, "  %s: the interrupted run sent this same step (confirmed above): reporting its outcome; not sent again\n", stepName(tx.ID))
	}
	s.sender = sender
	s.watchInFlight()
	return s.finishInterrupted()
}

// finishInterrupted finishes what an interrupted earlier run left: the transactions it sent
// (or signed and journaled) and never saw confirmed, which the manager resumed at start. It
// waits for each and reports it. Those that succeeded are offered to settlement's repeatable
// steps (see onchain.Resumer): when this command is the same step again, such as `brine
// provider stake 10` retried after the first run was killed, it reports that transaction's
// outcome instead of sending the step twice.
func (s *session) finishInterrupted() error {
	if n := len(s.sender.Manager.Resumed()); n > 0 {
		fmt.Fprintf(s.info, "An interrupted earlier run left %d transaction(s) of %s unconfirmed; finishing them first\n", n, s.account.Hex())
	}
	return s.sender.Resume(s.ctx, func(req txmgr.Request, r *types.Receipt, err error) {
		if err != nil {
			fmt.Fprintf(s.info, "  %s: failed: %v\n", stepName(req.ID), err)
			return
		}
		fmt.Fprintf(s.info, "  %s: done, block %d\n", stepName(req.ID), r.BlockNumber)
	})
}

// stepName is a transaction ID without its account prefix.
func stepName(id string) string {
	if i := strings.Index(id, "/"); i > 0 {
		return id[i+1:]
	}
	return id
}

// settlement returns the account's Settlement (writable after unlock, else read-only).
func (s *session) settlement() (*onchain.Settlement, error) {
	if s.settle != nil {
		return s.settle, nil
	}
	if err := s.connect(); err != nil {
		return nil, err
	}
	cfg := onchain.Config{Client: s.client, Addresses: *s.dep.Addresses(), Logger: s.log}
	if s.sender != nil {
		cfg.Account = s.account
		cfg.Sender = s.sender
		cfg.Signer = s.signer
	}
	st, err := onchain.New(s.ctx, cfg)
	if err != nil {
		return nil, err
	}
	s.settle = st
	return st, nil
}

// writableSettlement unlocks the account, which must hold ETH for fees, and returns its
// writable Settlement, in place of a read-only one the command opened for its checks.
func (s *session) writableSettlement() (*onchain.Settlement, error) {
	if err := s.requireGas(); err != nil {
		return nil, err
	}
	if err := s.unlock(); err != nil {
		return nil, err
	}
	s.settle = nil
	return s.settlement()
}

// progress reports a transaction's steps on stderr while the command waits on the chain.
func (s *session) progress(p txmgr.Progress) {
	step := stepName(p.ID)
	switch p.Stage {
	case txmgr.StageSigned:
		fmt.Fprintf(s.info, "  %s: signed %s (nonce %d)\n", step, p.Tx.Hex(), p.Nonce)
	case txmgr.StageSent:
		fmt.Fprintf(s.info, "  %s: sent, waiting to be mined\n", step)
	case txmgr.StageBumped:
		fmt.Fprintf(s.info, "  %s: fees raised, replaced by %s\n", step, p.Tx.Hex())
	case txmgr.StageIncluded:
		fmt.Fprintf(s.info, "  %s: included in block %d\n", step, p.Block)
	case txmgr.StageConfirmations:
		if p.Tag != "" {
			fmt.Fprintf(s.info, "  %s: waiting for the %s block (now %d) to reach block %d\n", step, p.Tag, p.Final, p.Block)
			break
		}
		fmt.Fprintf(s.info, "  %s: %d of %d confirmations\n", step, p.Confirmations, p.Depth)
	case txmgr.StageReorged:
		fmt.Fprintf(s.info, "  %s: block %d was reorganised away; waiting again\n", step, p.Block)
	case txmgr.StageFeeCapReached:
		fmt.Fprintf(s.info, "  %s: at the fee cap; waiting\n", step)
	case txmgr.StageConfirmed:
		fmt.Fprintf(s.info, "  %s: confirmed in block %d\n", step, p.Block)
	}
}

// requireGas refuses to start when the account has no ETH for fees.
func (s *session) requireGas() error {
	bal, err := s.client.BalanceAt(s.ctx, s.account, nil)
	if err != nil {
		return err
	}
	if bal.Sign() == 0 {
		return badInput("account %s has no ETH to pay transaction fees: fund it first", s.account.Hex())
	}
	return nil
}

// requireTokens refuses when the account holds less than need of the token.
func (s *session) requireTokens(need *big.Int, what string) error {
	if err := s.openToken(); err != nil {
		return err
	}
	have, err := s.token.BalanceOf(s.ctx, s.account)
	if err != nil {
		return err
	}
	if have.Cmp(need) < 0 {
		return badInput("insufficient token balance: %s needs %s but %s holds %s", what, s.token.Format(need), s.account.Hex(), s.token.Format(have))
	}
	return nil
}

// parseAmount parses a token amount on the command line with the token's decimals.
func (s *session) parseAmount(text, what string) (*big.Int, error) {
	if err := s.openToken(); err != nil {
		return nil, err
	}
	v, err := s.token.Parse(text)
	if err != nil {
		return nil, badInput("%s: %v", what, err)
	}
	return v, nil
}

// parseAddress validates an address argument: 0x and 40 hexadecimal digits, or the account's
// f410 address (f410f… or t410f…) as Filecoin tools show it.
func parseAddress(text, what string) (common.Address, error) {
	if common.IsHexAddress(text) {
		return common.HexToAddress(text), nil
	}
	a, err := filecoin.ParseAccount(text)
	if err != nil {
		return common.Address{}, badInput("%s %q is not an address: expected 0x followed by 40 hexadecimal digits, or an f410f… address", what, text)
	}
	return a, nil
}

// filecoinNetwork is the Filecoin network of the session's chain, asked once; false on other
// chains, where accounts are shown as 0x alone.
func (s *session) filecoinNetwork() (filecoin.Network, bool) {
	if s.fcChain == nil {
		if s.client == nil || s.chainID == nil {
			return filecoin.Mainnet, false // not connected (yet): ask again once connected
		}
		ctx, cancel := context.WithTimeout(s.ctx, 2*time.Second)
		defer cancel()
		net, ok := filecoin.NetworkOf(ctx, s.client.Client(), s.chainID.Uint64())
		s.fcChain = &filecoinChain{net: net, ok: ok}
	}
	return s.fcChain.net, s.fcChain.ok
}

// filecoinChain caches filecoinNetwork's answer.
type filecoinChain struct {
	net filecoin.Network
	ok  bool
}

// showAccount is an account as a user reads it: 0x, and its f410 address beside it on a
// Filecoin chain.
func (s *session) showAccount(a common.Address) string {
	return withF410(a.Hex(), s.f410(a))
}

// withF410 is a 0x account with its f410 address beside it, when it has one to show.
func withF410(hex, f410 string) string {
	if f410 == "" {
		return hex
	}
	return hex + " (" + f410 + ")"
}

// f410 is an account's f410 address on a Filecoin chain, "" elsewhere (JSON omits it then).
func (s *session) f410(a common.Address) string {
	net, ok := s.filecoinNetwork()
	if !ok {
		return ""
	}
	return filecoin.F410(a, net)
}

// accountsList prints accounts as checksummed hex.
func accountsList(accs []accounts.Account) []string {
	out := make([]string, len(accs))
	for i, a := range accs {
		out[i] = a.Address.Hex()
	}
	return out
}
