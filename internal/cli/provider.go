package cli

import (
	"errors"
	"fmt"
	"io"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/p2p/identity"
	"github.com/brine-compute/brine/settlement"
)

func providerCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "provider",
		Usage: "stake, register a node, unstake and withdraw as a compute provider",
		Description: `A provider stakes tokens in the registry (at least the minimum stake to be active), registers
its node's libp2p peer ID, and then accepts jobs, locking part of its stake as collateral. A
Filecoin storage provider may also bind its miner actor (register --miner f0…).

Example:
   brine provider stake 100
   brine provider register
   brine provider register --miner f01234
   brine provider status`,
		Subcommands: []*cli.Command{
			{
				Name:      "stake",
				Usage:     "add tokens to the account's stake",
				ArgsUsage: "<amount>",
				Description: `Stakes <amount> tokens (exact decimals, like 100 or 0.5), approving the registry first when
needed. Refused before anything is sent when the account holds fewer tokens.

Example:
   brine provider stake 150.5`,
				Action: func(c *cli.Context) error { return providerStake(c, stdio) },
			},
			{
				Name:      "register",
				Usage:     "bind this node's peer ID (and, with --miner, a Filecoin miner) to the account",
				ArgsUsage: " ",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "metadata", Usage: "opaque provider `TEXT` (at most 1024 bytes), e.g. resources or an endpoint"},
					&cli.StringFlag{Name: "miner", Usage: "bind the Filecoin miner actor `F0ADDR` (f0… or t0…) as this provider's storage-provider identity"},
					&cli.StringFlag{Name: "miner-sig", Usage: "`HEX` signature of the binding digest by the miner's owner, worker or a control key (lotus wallet sign); not needed when the account's f410 address controls the miner"},
					&cli.StringFlag{Name: "lotus", Usage: "Lotus JSON-RPC `URL` for --miner's checks (default: --rpc, which on FEVM is a Lotus /rpc/v1); token in $BRINE_LOTUS_TOKEN"},
				},
				Description: `Loads the node identity key <datadir>/node/identity.key (an Ed25519 libp2p key, created 0600
when missing; the compute node uses the same key), signs the registry's registration digest
(chain, registry, account and peer ID) with it, and registers the peer ID with that proof.

With --miner, the provider also binds a Filecoin storage provider's miner actor. Before
anything is sent, Brine asks Lotus (StateMinerInfo) that the miner's PeerId is this node's
peer ID (set it with 'lotus-miner actor set-peer-id') and that the account controls the
miner: its f410 address is the owner, worker or a control address, or --miner-sig is a
signature of the binding digest by one of their keys. Without either, the command prints
the digest and the 'lotus wallet sign' line to run, and exits 2. On Filecoin's EVM the
registry checks the peer ID again on chain (the miner actor's GetPeerID); on other chains
the binding is recorded for nodes, clients and auditors to check (docs/filecoin.md).
Registering and binding are one transaction: on Filecoin's EVM, when another account
registered this node's peer ID first without a checked miner of its own, the registry's
check proves the peer ID yours and takes it back (the other account is unregistered).

Example:
   brine provider register --metadata '{"cpu":8,"memory":"32GiB"}'
   brine provider register --miner f01234 --miner-sig 01a3f4…`,
				Action: func(c *cli.Context) error { return providerRegister(c, stdio) },
			},
			{
				Name:      "unstake",
				Usage:     "move free stake into unbonding",
				ArgsUsage: "<amount>",
				Description: `Starts unbonding <amount> of free (unlocked) stake; withdraw it with
'brine provider withdraw --stake' once the unbonding delay has passed.

Example:
   brine provider unstake 50`,
				Action: func(c *cli.Context) error { return providerUnstake(c, stdio) },
			},
			{
				Name:      "withdraw",
				Usage:     "withdraw earnings (or, with --stake, unbonded stake)",
				ArgsUsage: " ",
				Flags: []cli.Flag{
					&cli.BoolFlag{Name: "stake", Usage: "withdraw unbonded stake from the registry instead of the market balance"},
				},
				Description: `Without --stake, pays out the account's credited market balance (payments, refunds, rewards
of challenges); with --stake, the stake whose unbonding delay has passed.

Example:
   brine provider withdraw
   brine provider withdraw --stake`,
				Action: func(c *cli.Context) error { return providerWithdraw(c, stdio) },
			},
			{
				Name:      "status",
				Usage:     "show a provider's registration, stake and balance",
				ArgsUsage: "[ADDR]",
				Description: `Shows registration, stake (free, locked, unbonding) and the market balance of ADDR (default:
--account, or the default account: see 'brine --help'). Needs no password.

Example:
   brine provider status 0x8ba1f109551bD432803012645Ac136ddd64DBA72 --json`,
				Action: func(c *cli.Context) error { return providerStatus(c, stdio) },
			},
		},
	}
}

// writeSession opens a session that will send transactions: configuration, chain, deployment
// verified, token, account unlocked, transaction manager started.
func writeSession(c *cli.Context, stdio IO) (*session, error) {
	s, err := newSession(c, stdio)
	if err != nil {
		return nil, err
	}
	if err := s.openToken(); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

func providerStake(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine provider stake <amount>")
	if err != nil {
		return err
	}
	s, err := writeSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	amt, err := s.parseAmount(a[0], "stake amount")
	if err != nil {
		return err
	}
	if _, err := s.resolveAccount(true); err != nil {
		return err
	}
	if err := s.requireTokens(amt, "staking"); err != nil {
		return err
	}
	if err := s.requireGas(); err != nil {
		return err
	}
	if err := s.unlock(); err != nil {
		return err
	}
	st, err := s.settlement()
	if err != nil {
		return err
	}
	fmt.Fprintf(s.info, "Staking %s from %s\n", s.fmtAmount(amt), s.account.Hex())
	if err := st.Stake(s.ctx, amt); err != nil {
		return fmt.Errorf("stake: %w", err)
	}
	return s.showProvider(st, s.account)
}

func providerRegister(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine provider register [--metadata TEXT] [--miner F0ADDR [--miner-sig HEX]]"); err != nil {
		return err
	}
	meta := c.String("metadata")
	if len(meta) > 1024 {
		return badInput("--metadata is %d bytes; at most 1024", len(meta))
	}
	bind, err := parseMinerFlags(c)
	if err != nil {
		return err
	}
	s, err := writeSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if _, err := s.resolveAccount(true); err != nil {
		return err
	}
	if err := s.requireGas(); err != nil {
		return err
	}
	path := identity.Path(s.cfg.DataDir)
	id, created, err := identity.LoadOrCreate(path)
	if err != nil {
		return err
	}
	if created {
		fmt.Fprintf(s.info, "Created the node identity key %s\n", path)
	}
	if err := s.unlock(); err != nil {
		return err
	}
	st, err := s.settlement()
	if err != nil {
		return err
	}
	var sp *spBinding
	if bind != nil {
		// Checked before anything is sent: a refused binding costs nothing.
		if sp, err = s.checkMinerBinding(c, bind, id.Peer); err != nil {
			return err
		}
	}
	digest, err := st.RegistrationDigest(s.ctx, id.PeerIDBytes())
	if err != nil {
		return fmt.Errorf("register: registration digest: %w", err)
	}
	sig, err := id.SignDigest(digest)
	if err != nil {
		return err
	}
	var reclaimed common.Address
	if sp == nil {
		fmt.Fprintf(s.info, "Registering peer %s for %s\n", id.Peer, s.account.Hex())
		if err := st.Register(s.ctx, id.PeerIDBytes(), sig, []byte(meta)); err != nil {
			return fmt.Errorf("register: %w", err)
		}
	} else {
		// One transaction: on FEVM the registry's check of the miner's peer ID also proves the
		// peer ID this account's, and takes it from a provider that registered it first
		// without a checked miner of its own.
		fmt.Fprintf(s.info, "Registering peer %s for %s and binding miner %s (controlled through %s)\n", id.Peer, s.account.Hex(), sp.miner, sp.controller)
		sp.onChain, reclaimed, err = st.RegisterWithMiner(s.ctx, id.PeerIDBytes(), sig, []byte(meta), sp.id, bind.sig)
		if errors.Is(err, settlement.ErrMinerCheck) {
			return badInput("the registry's on-chain check refused miner %s: %v (the miner's PeerId must be this node's %s)", sp.miner, err, id.Peer)
		}
		if err != nil {
			return fmt.Errorf("register and bind miner %s: %w", sp.miner, err)
		}
		if reclaimed != (common.Address{}) {
			fmt.Fprintf(s.info, "Peer %s was registered by %s, which has no checked miner: the registry checked that miner %s names this peer ID and gave it to %s (%s is no longer registered)\n",
				id.Peer, reclaimed.Hex(), sp.miner, s.account.Hex(), reclaimed.Hex())
		}
	}
	info, err := st.Provider(s.ctx, s.account)
	if err != nil {
		return err
	}
	out := map[string]any{"account": s.account.Hex(), "peerId": id.Peer.String(), "identityKey": path, "registered": info.Registered, "active": info.Active}
	if f := s.f410(s.account); f != "" {
		out["f410"] = f
	}
	if sp != nil {
		out["miner"] = sp.miner
		out["minerController"] = sp.controller
		out["minerVerifiedOnChain"] = sp.onChain
		if reclaimed != (common.Address{}) {
			out["peerIdReclaimedFrom"] = reclaimed.Hex()
		}
	}
	return s.emit(out, func(w io.Writer) {
		kv(w, "Account", "%s", s.showAccount(s.account))
		kv(w, "Peer ID", "%s", id.Peer)
		kv(w, "Identity key", "%s", path)
		kv(w, "Active", "%v%s", info.Active, activeNote(info))
		if sp != nil {
			how := "checked through Lotus; recorded on chain for others to check"
			if sp.onChain {
				how = "checked through Lotus and by the registry on chain (GetPeerID)"
			}
			kv(w, "Storage provider", "SP %s (%s)", sp.miner, how)
		}
	})
}

func activeNote(p settlement.ProviderInfo) string {
	if p.Active {
		return ""
	}
	if !p.Registered {
		return " (not registered)"
	}
	return " (stake at least the minimum: brine provider stake)"
}

func providerUnstake(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine provider unstake <amount>")
	if err != nil {
		return err
	}
	s, err := writeSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	amt, err := s.parseAmount(a[0], "unstake amount")
	if err != nil {
		return err
	}
	if _, err := s.resolveAccount(true); err != nil {
		return err
	}
	ro, err := s.settlement()
	if err != nil {
		return err
	}
	info, err := ro.Provider(s.ctx, s.account)
	if err != nil {
		return err
	}
	if free := info.Free(); free.Cmp(amt) < 0 {
		return badInput("cannot unstake %s: %s has %s of free stake (staked %s, locked %s, unbonding %s)",
			s.fmtAmount(amt), s.account.Hex(), s.fmtAmount(free), s.fmtAmount(info.Staked), s.fmtAmount(info.Locked), s.fmtAmount(info.Unbonding))
	}
	st, err := s.writableSettlement()
	if err != nil {
		return err
	}
	if err := st.Unstake(s.ctx, amt); err != nil {
		return fmt.Errorf("unstake: %w", err)
	}
	return s.showProvider(st, s.account)
}

func providerWithdraw(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine provider withdraw [--stake]"); err != nil {
		return err
	}
	s, err := writeSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if _, err := s.resolveAccount(true); err != nil {
		return err
	}
	if err := s.requireGas(); err != nil {
		return err
	}
	if err := s.unlock(); err != nil {
		return err
	}
	st, err := s.settlement()
	if err != nil {
		return err
	}
	// Checked after unlock, which first finishes an interrupted earlier run's transactions.
	if err := s.checkWithdrawable(st, c.Bool("stake")); err != nil {
		return err
	}
	what := "market balance"
	var paid *big.Int
	if c.Bool("stake") {
		what = "unbonded stake"
		paid, err = st.WithdrawStake(s.ctx)
	} else {
		paid, err = st.Withdraw(s.ctx)
	}
	if err != nil {
		return fmt.Errorf("withdraw %s: %w", what, err)
	}
	return s.emit(map[string]any{"account": s.account.Hex(), "withdrawn": s.amount(paid), "what": what}, func(w io.Writer) {
		kv(w, "Withdrew", "%s of %s", s.fmtAmount(paid), what)
	})
}

// checkWithdrawable refuses a withdrawal that has nothing to pay. When an interrupted run's
// transactions were just finished, one of them may be this withdrawal: the step then reports
// it (see session.finishInterrupted), so nothing is refused.
func (s *session) checkWithdrawable(st settlement.Reader, stake bool) error {
	if s.sender.HasRecovered() {
		return nil
	}
	if !stake {
		bal, err := st.Balance(s.ctx, s.account)
		if err != nil {
			return err
		}
		if bal.Sign() == 0 {
			return badInput("nothing to withdraw: the market balance of %s is 0 (payments, refunds and challenge rewards are credited there)", s.account.Hex())
		}
		return nil
	}
	info, err := st.Provider(s.ctx, s.account)
	if err != nil {
		return err
	}
	if info.Unbonding.Sign() == 0 {
		return badInput("nothing to withdraw: %s has no unbonding stake (start unbonding with 'brine provider unstake AMOUNT')", s.account.Hex())
	}
	head, err := s.client.HeaderByNumber(s.ctx, nil)
	if err != nil {
		return err
	}
	if now := time.Unix(int64(head.Time), 0); now.Before(info.UnbondingEnds) {
		return badInput("the %s unbonding stake of %s can be withdrawn from %s, after the unbonding delay (%s from now)",
			s.fmtAmount(info.Unbonding), s.account.Hex(), fmtTime(info.UnbondingEnds), info.UnbondingEnds.Sub(now).Round(time.Second))
	}
	return nil
}

func providerStatus(c *cli.Context, stdio IO) error {
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	addr, err := s.addressArg(c, "provider", "brine provider status [ADDR]")
	if err != nil {
		return err
	}
	if err := s.openToken(); err != nil {
		return err
	}
	st, err := s.settlement()
	if err != nil {
		return err
	}
	return s.showProvider(st, addr)
}

type providerView struct {
	Address       string     `json:"address"`
	F410          string     `json:"f410,omitempty"` // on a Filecoin chain
	Registered    bool       `json:"registered"`
	Active        bool       `json:"active"`
	PeerIDHash    string     `json:"peerIdHash"`
	SP            string     `json:"sp,omitempty"` // the bound Filecoin miner, f0…
	SPVerified    bool       `json:"spVerifiedOnChain,omitempty"`
	Staked        amount     `json:"staked"`
	Locked        amount     `json:"locked"`
	Free          amount     `json:"free"`
	Unbonding     amount     `json:"unbonding"`
	UnbondingEnds *time.Time `json:"unbondingEnds,omitempty"`
	Balance       amount     `json:"marketBalance"`
}

func (s *session) providerView(st settlement.Reader, addr common.Address) (providerView, error) {
	info, err := st.Provider(s.ctx, addr)
	if err != nil {
		return providerView{}, err
	}
	bal, err := st.Balance(s.ctx, addr)
	if err != nil {
		return providerView{}, err
	}
	v := providerView{
		Address:    addr.Hex(),
		F410:       s.f410(addr),
		Registered: info.Registered,
		Active:     info.Active,
		PeerIDHash: info.PeerIDHash.Hex(),
		SP:         s.spName(info.MinerID),
		SPVerified: info.MinerVerified,
		Staked:     s.amount(info.Staked),
		Locked:     s.amount(info.Locked),
		Free:       s.amount(info.Free()),
		Unbonding:  s.amount(info.Unbonding),
		Balance:    s.amount(bal),
	}
	if t := jsonTime(info.UnbondingEnds); t != nil && info.Unbonding.Sign() > 0 {
		v.UnbondingEnds = t
	}
	return v, nil
}

func (s *session) showProvider(st settlement.Reader, addr common.Address) error {
	v, err := s.providerView(st, addr)
	if err != nil {
		return err
	}
	return s.emit(v, func(w io.Writer) {
		kv(w, "Provider", "%s", withF410(v.Address, v.F410))
		kv(w, "Registered", "%v", v.Registered)
		if v.SP != "" {
			kv(w, "Storage provider", "SP %s", spText(v.SP, v.SPVerified))
		}
		kv(w, "Active", "%v", v.Active)
		kv(w, "Staked", "%s %s (free %s, locked %s)", v.Staked.Decimal, v.Staked.Symbol, v.Free.Decimal, v.Locked.Decimal)
		if v.UnbondingEnds != nil {
			kv(w, "Unbonding", "%s %s until %s", v.Unbonding.Decimal, v.Unbonding.Symbol, fmtTime(*v.UnbondingEnds))
		} else {
			kv(w, "Unbonding", "%s %s", v.Unbonding.Decimal, v.Unbonding.Symbol)
		}
		kv(w, "Market balance", "%s %s", v.Balance.Decimal, v.Balance.Symbol)
	})
}
