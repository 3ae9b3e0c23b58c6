package cli

import (
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/rewards"
)

// maxTreeFile bounds a Merkle tree file (a tree of 100,000 providers is about 20 MB).
const maxTreeFile = 64 << 20

func rewardsCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "rewards",
		Usage: "fund uptime rewards, see epochs and a provider's rewards, fetch trees, claim",
		Description: `Uptime rewards pay providers a fixed amount per epoch for keeping their nodes up. Anyone funds
epochs; uptime reporters ('brine prober run') post a Merkle root per ended epoch and publish the
tree over HTTP and libp2p; providers claim their leaves ('brine node run' does it by itself).
Trees come from the probers named with --prober (a URL, a libp2p multiaddr, or the reporter's
address of a prober running with this --datadir), else from every prober running with this
--datadir; each is checked against the root posted on chain before it is used.

Example:
   brine rewards fund --from-epoch 12 --epochs 10 50
   brine rewards status --epoch 12
   brine rewards tree --epoch 12 --prober http://prober.example:8547
   brine rewards claim --prober /ip4/203.0.113.7/tcp/4002/p2p/12D3KooW...
   brine rewards claim --tree epoch-12.json --tree epoch-13.json`,
		Subcommands: []*cli.Command{
			{
				Name:      "fund",
				Usage:     "add tokens to epochs' reward budgets",
				ArgsUsage: "<amount-per-epoch>",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "from-epoch", Usage: "first `EPOCH` to fund (default: the current epoch)"},
					&cli.StringFlag{Name: "epochs", Value: "1", Usage: "how many consecutive epochs (`K`, 1 to 64)"},
				},
				Description: `Adds <amount-per-epoch> tokens to each of K epochs from --from-epoch, approving amount*K first
when needed. Refused before anything is sent when the account holds fewer tokens.

Example:
   brine rewards fund --from-epoch 12 --epochs 10 50`,
				Action: func(c *cli.Context) error { return rewardsFund(c, stdio) },
			},
			{
				Name:      "status",
				Usage:     "show the current epoch, an epoch's budget, and the account's rewards",
				ArgsUsage: " ",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "epoch", Usage: "the `EPOCH` to show (default: the current one; the account's rewards: every epoch still claimable)"},
					proberFlag(),
				},
				Description: `Shows the epoch schedule and one epoch's budget, paid total, reporter count and per-provider cap;
then, for the account (--account, or the default account), every root posted for the epochs
still claimable (or for --epoch): claimed (with the amount paid), claimable (its leaf in the
reporter's tree, fetched from the probers and checked against the chain), no leaf, or no tree
(no prober served it), with the totals claimed and claimable.

Example:
   brine rewards status --account 0xProvider --prober http://127.0.0.1:8547 --json`,
				Action: func(c *cli.Context) error { return rewardsStatus(c, stdio) },
			},
			{
				Name:      "claim",
				Usage:     "claim the account's rewards, several epochs in one transaction",
				ArgsUsage: " ",
				Flags: []cli.Flag{
					&cli.StringSliceFlag{Name: "tree", Usage: "a published Merkle tree `FILE` (repeat for several epochs or reporters; default: fetch the trees from the probers)"},
					&cli.StringSliceFlag{Name: "epoch", Usage: "claim only this `EPOCH` (repeat; default: every epoch still claimable)"},
					proberFlag(),
				},
				Description: `Without --tree, fetches the trees of every root posted for the epochs still claimable (or
--epoch) from the probers, each checked against the root on chain, and claims every unclaimed
leaf of the account. With --tree, reads the tree files instead (OpenZeppelin standard-v1 JSON,
checked against its own values) and finds the reporter that posted each root. All leaves go in
one transaction (up to 64; more go in further transactions).

Example:
   brine rewards claim --prober http://127.0.0.1:8547
   brine rewards claim --epoch 12 --epoch 13
   brine rewards claim --tree epoch-12.json --tree epoch-13.json`,
				Action: func(c *cli.Context) error { return rewardsClaim(c, stdio) },
			},
			{
				Name:      "tree",
				Usage:     "fetch an epoch's rewards trees from the probers, checked against the chain",
				ArgsUsage: " ",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "epoch", Usage: "the ended `EPOCH` (required)"},
					proberFlag(),
					&cli.StringFlag{Name: "out", Usage: "also write the tree document to `FILE` (for 'brine rewards claim --tree'; one reporter's tree only)"},
				},
				Description: `Fetches the tree each prober published for the epoch (over libp2p or HTTP), rebuilds it from
its values, and keeps it only when its root is the root posted on chain (by the prober's
reporter when known, else by any reporter); prints each with its reporter, root, source and
leaves. --json prints the leaves and each tree's document (OpenZeppelin standard-v1 with the
root). A tree whose root is not on chain is refused and the command fails when no tree is left.

Example:
   brine rewards tree --epoch 12 --prober /ip4/127.0.0.1/tcp/4002/p2p/12D3KooW... --json`,
				Action: func(c *cli.Context) error { return rewardsTree(c, stdio) },
			},
			{
				Name:      "add-reporter",
				Usage:     "appoint a prober's account as a reporter (governance only)",
				ArgsUsage: "<address>",
				Description: `Appoints <address> a reporter of the UptimeRewards contract: it may then run 'brine prober run'
and post a root for every epoch that ends after now. Only the contract's governance (its owner,
the deploying account) can; an account that already is a reporter is left as it is.

Example:
   brine rewards add-reporter --account 0xGovernance 0xReporter`,
				Action: func(c *cli.Context) error { return rewardsAddReporter(c, stdio) },
			},
		},
	}
}

func (s *session) rewards(write bool) (*rewards.Rewards, error) {
	if err := s.openToken(); err != nil {
		return nil, err
	}
	cfg := rewards.Config{Client: s.client, Rewards: s.dep.Rewards, Token: s.dep.Token, FromBlock: s.dep.DeployBlock}
	if write {
		cfg.Account, cfg.Sender = s.account, s.sender
	}
	return rewards.New(s.ctx, cfg)
}

// rewardsToSend is the rewards contract bound to send as the account, once the account is
// known to hold gas and is unlocked.
func (s *session) rewardsToSend() (*rewards.Rewards, error) {
	if err := s.requireGas(); err != nil {
		return nil, err
	}
	if err := s.unlock(); err != nil {
		return nil, err
	}
	return s.rewards(true)
}

func parseEpoch(text, what string) (uint64, error) {
	n, err := strconv.ParseUint(text, 10, 64)
	if err != nil {
		return 0, badInput("%s %q is not an epoch number (0, 1, 2, ...)", what, text)
	}
	return n, nil
}

func rewardsFund(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine rewards fund [--from-epoch N] [--epochs K] <amount-per-epoch>")
	if err != nil {
		return err
	}
	count, err := strconv.ParseUint(c.String("epochs"), 10, 64)
	if err != nil || count == 0 || count > rewards.MaxClaims {
		return badInput("--epochs %q: fund 1 to %d epochs at once", c.String("epochs"), rewards.MaxClaims)
	}
	s, err := writeSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	amt, err := s.parseAmount(a[0], "amount per epoch")
	if err != nil {
		return err
	}
	ro, err := s.rewards(false)
	if err != nil {
		return err
	}
	from, err := ro.CurrentEpoch(s.ctx)
	if err != nil {
		return err
	}
	if c.IsSet("from-epoch") {
		if from, err = parseEpoch(c.String("from-epoch"), "--from-epoch"); err != nil {
			return err
		}
	}
	if _, err := s.resolveAccount(true); err != nil {
		return err
	}
	total := new(big.Int).Mul(amt, bigFrom(count))
	if err := s.requireTokens(total, fmt.Sprintf("funding %d epoch(s)", count)); err != nil {
		return err
	}
	rw, err := s.rewardsToSend()
	if err != nil {
		return err
	}
	fmt.Fprintf(s.info, "Funding epochs %d to %d with %s each\n", from, from+count-1, s.fmtAmount(amt))
	paid, err := rw.Fund(s.ctx, from, count, amt)
	if err != nil {
		return err
	}
	return s.emit(map[string]any{"fromEpoch": from, "epochs": count, "perEpoch": s.amount(amt), "total": s.amount(paid)}, func(w io.Writer) {
		kv(w, "Funded", "epochs %d to %d, %s each (%s in all)", from, from+count-1, s.fmtAmount(amt), s.fmtAmount(paid))
	})
}

func rewardsStatus(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine rewards status [--epoch N]"); err != nil {
		return err
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	rw, err := s.rewards(false)
	if err != nil {
		return err
	}
	cur, err := rw.CurrentEpoch(s.ctx)
	if err != nil {
		return err
	}
	e := cur
	if c.IsSet("epoch") {
		if e, err = parseEpoch(c.String("epoch"), "--epoch"); err != nil {
			return err
		}
	}
	info, err := rw.Epoch(s.ctx, e)
	if err != nil {
		return err
	}
	type epochOut struct {
		Epoch          uint64    `json:"epoch"`
		Start          time.Time `json:"start"`
		End            time.Time `json:"end"`
		Budget         amount    `json:"budget"`
		Paid           amount    `json:"paid"`
		Reporters      uint8     `json:"reporters"`
		PerProviderCap amount    `json:"perProviderCap"`
		ClaimableUntil time.Time `json:"claimableUntil"`
	}
	out := map[string]any{
		"currentEpoch": cur,
		"genesis":      rw.Genesis.UTC(),
		"epochLength":  rw.EpochLength.String(),
		"claimEpochs":  rw.ClaimEpochs,
		"epoch": epochOut{info.Epoch, info.Start.UTC(), info.End.UTC(), s.amount(info.Budget), s.amount(info.Paid),
			info.Reporters, s.amount(info.PerProviderCap), info.ClaimableUntil.UTC()},
	}
	var only *uint64
	if c.IsSet("epoch") {
		only = &e
	}
	acct, rows, err := s.accountRewards(c, rw, cur, only)
	switch {
	case err == nil:
		out["account"] = acct
	case s.cfg.Account != (common.Address{}) || c.IsSet("prober"):
		return err
	default: // no account to speak of: the epoch alone
		fmt.Fprintf(s.info, "note: no account's rewards shown: %v\n", err)
	}
	return s.emit(out, func(w io.Writer) {
		kv(w, "Current epoch", "%d (epochs of %s from %s; claimable for %d epochs after they end)", cur, rw.EpochLength, fmtTime(rw.Genesis), rw.ClaimEpochs)
		kv(w, "Epoch", "%d: %s to %s", e, fmtTime(info.Start), fmtTime(info.End))
		kv(w, "Budget", "%s", s.fmtAmount(info.Budget))
		kv(w, "Paid", "%s", s.fmtAmount(info.Paid))
		if info.Reporters > 0 {
			kv(w, "Reporters", "%d (cap per provider %s)", info.Reporters, s.fmtAmount(info.PerProviderCap))
		} else {
			kv(w, "Reporters", "no root posted yet")
		}
		kv(w, "Claimable until", "%s", fmtTime(info.ClaimableUntil))
		if acct != nil {
			claimed, claimable := acct["claimed"].(amount), acct["claimable"].(amount)
			kv(w, "Account", "%s: claimed %s %s, claimable %s %s (epochs %d to %d)", acct["address"], claimed.Decimal, claimed.Symbol,
				claimable.Decimal, claimable.Symbol, acct["fromEpoch"], acct["toEpoch"])
			s.printRows(w, rows)
		}
	})
}

func readTree(path string) (*merkle.Tree, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, badInput("tree file: %v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxTreeFile+1))
	if err != nil {
		return nil, badInput("tree file %s: %v", path, err)
	}
	if len(data) > maxTreeFile {
		return nil, badInput("tree file %s is over %d MiB", path, maxTreeFile>>20)
	}
	t, err := merkle.ParseTree(data)
	if err != nil {
		return nil, badInput("tree file %s: %v", path, err)
	}
	return t, nil
}

func rewardsClaim(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine rewards claim [--epoch N...] [--prober URL|MULTIADDR|ADDR] | --tree FILE [--tree FILE...]"); err != nil {
		return err
	}
	files := c.StringSlice("tree")
	if len(files) > 0 && (c.IsSet("epoch") || c.IsSet("prober")) {
		return badInput("brine rewards claim: --tree claims the leaves of the files given; --epoch and --prober choose trees fetched from probers instead: pass one or the other")
	}
	trees, err := readTrees(files)
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
	ro, err := s.rewards(false)
	if err != nil {
		return err
	}
	var claims []rewards.Claim
	var skipped []rewards.Skipped
	if len(files) > 0 {
		claims, skipped, err = ro.Claims(s.ctx, s.account, trees)
	} else {
		claims, skipped, err = s.claimFromProbers(c, ro)
	}
	if err != nil {
		return err
	}
	for _, sk := range skipped {
		fmt.Fprintf(s.info, "skipping epoch %d (root %s): %s\n", sk.Epoch, sk.Root, sk.Reason)
	}
	if len(claims) == 0 {
		where := "in the given trees"
		switch {
		case len(files) == 0 && c.IsSet("epoch"):
			where = fmt.Sprintf("in the probers' trees of epoch(s) %s", strings.Join(c.StringSlice("epoch"), ", "))
		case len(files) == 0:
			where = "in the probers' trees of the epochs still claimable"
		}
		return badInput("nothing to claim for %s %s", s.account.Hex(), where)
	}
	rw, err := s.rewardsToSend()
	if err != nil {
		return err
	}
	fmt.Fprintf(s.info, "Claiming %d leaf(s)\n", len(claims))
	total, err := rw.Claim(s.ctx, claims)
	if err != nil {
		if errors.Is(err, rewards.ErrNothingToClaim) {
			return badInput("%v", err)
		}
		return err
	}
	return s.emit(map[string]any{"account": s.account.Hex(), "claimed": s.amount(total), "claims": claims, "skipped": skipped}, func(w io.Writer) {
		kv(w, "Claimed", "%s for %s from %d leaf(s)", s.fmtAmount(total), s.account.Hex(), len(claims))
	})
}
