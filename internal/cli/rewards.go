package cli

import (
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"strconv"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/rewards"
)

// maxTreeFile bounds a Merkle tree file (a tree of 100,000 providers is about 20 MB).
const maxTreeFile = 64 << 20

func rewardsCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "rewards",
		Usage: "fund uptime rewards, see epochs, claim a provider's rewards",
		Description: `Uptime rewards pay providers a fixed amount per epoch for keeping their nodes up. Anyone funds
epochs; uptime reporters post a Merkle root per ended epoch and publish the tree; providers
claim their leaves with the tree files.

Example:
   brine rewards fund --from-epoch 12 --epochs 10 50
   brine rewards status --epoch 12
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
				Usage:     "show the current epoch and an epoch's budget",
				ArgsUsage: " ",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "epoch", Usage: "the `EPOCH` to show (default: the current one)"},
				},
				Description: `Shows the epoch schedule and one epoch's budget, paid total, reporter count and per-provider cap.

Example:
   brine rewards status --epoch 12 --json`,
				Action: func(c *cli.Context) error { return rewardsStatus(c, stdio) },
			},
			{
				Name:      "claim",
				Usage:     "claim the account's rewards from published trees",
				ArgsUsage: " ",
				Flags: []cli.Flag{
					&cli.StringSliceFlag{Name: "tree", Usage: "a published Merkle tree `FILE` (repeat for several epochs or reporters)"},
				},
				Description: `Reads each tree (OpenZeppelin standard-v1 JSON, checked against its own values), finds the
reporter that posted its root, and claims every unclaimed leaf of the account in one
transaction (up to 64 leaves; more go in further transactions).

Example:
   brine rewards claim --tree epoch-12.json --tree epoch-13.json`,
				Action: func(c *cli.Context) error { return rewardsClaim(c, stdio) },
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
	if err := s.requireGas(); err != nil {
		return err
	}
	if err := s.unlock(); err != nil {
		return err
	}
	rw, err := s.rewards(true)
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
	if _, err := args(c, 0, "brine rewards claim --tree FILE [--tree FILE...]"); err != nil {
		return err
	}
	files := c.StringSlice("tree")
	if len(files) == 0 {
		return badInput("brine rewards claim: give the published tree files with --tree FILE")
	}
	trees := make([]*merkle.Tree, 0, len(files))
	for _, f := range files {
		t, err := readTree(f)
		if err != nil {
			return err
		}
		trees = append(trees, t)
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
	claims, skipped, err := ro.Claims(s.ctx, s.account, trees)
	if err != nil {
		return err
	}
	for _, sk := range skipped {
		fmt.Fprintf(s.info, "skipping epoch %d (root %s): %s\n", sk.Epoch, sk.Root, sk.Reason)
	}
	if len(claims) == 0 {
		return badInput("nothing to claim for %s in the given trees", s.account.Hex())
	}
	if err := s.requireGas(); err != nil {
		return err
	}
	if err := s.unlock(); err != nil {
		return err
	}
	rw, err := s.rewards(true)
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
