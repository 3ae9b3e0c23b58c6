package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/settlement"
)

func tokenCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "token",
		Usage: "the deployment's dev token: mint it (dev tokens only)",
		Description: `A deployment made by 'brine deploy' without --token uses a dev token (a BrineToken, ERC-20
with permits) that starts with no supply; its owner, the deploying account, mints it.
A deployment on an existing ERC-20 (--token) has no such command: get that token as usual.

Example:
   brine token mint 1000 --to 0x2546BcD3c84621e976D8185a91A922aE77ECEc30`,
		Subcommands: []*cli.Command{
			{
				Name:      "mint",
				Usage:     "mint dev tokens (the token's owner only)",
				ArgsUsage: "<amount>",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "to", Usage: "`ADDR` receiving the tokens (default: the minting account)"},
				},
				Description: `Mints <amount> tokens (a decimal in the token's units, e.g. 1000 or 2.5) of the deployment's
dev token to --to. Only the token's owner (the account that ran 'brine deploy') may; any other
account, or a deployment on an existing ERC-20, is refused before anything is sent (exit 2).

Example:
   brine --account 0x8ba1f109551bD432803012645Ac136ddd64DBA72 token mint 1000 --to 0x2546BcD3c84621e976D8185a91A922aE77ECEc30 --json`,
				Action: func(c *cli.Context) error { return tokenMint(c, stdio) },
			},
		},
	}
}

func tokenMint(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine token mint <amount> [--to ADDR]")
	if err != nil {
		return err
	}
	s, err := writeSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.connect(); err != nil {
		return err
	}
	if !s.dep.DevToken() {
		return badInput("the deployment's token %s is an existing ERC-20 (deployed with --token), not a dev token Brine can mint: get it the way that token is issued", s.dep.Token.Hex())
	}
	amount, err := s.parseAmount(a[0], "amount")
	if err != nil {
		return err
	}
	if amount.Sign() <= 0 {
		return badInput("amount: %s is not positive", a[0])
	}
	from, err := s.resolveAccount(true)
	if err != nil {
		return err
	}
	to := from
	if t := c.String("to"); t != "" {
		if to, err = parseAddress(t, "--to"); err != nil {
			return err
		}
	}
	st, err := s.writableSettlement() // checks the account has gas, then unlocks
	if err != nil {
		return err
	}
	fmt.Fprintf(s.info, "Minting %s to %s\n", s.fmtAmount(amount), to.Hex())
	if err := st.MintDevToken(s.ctx, to, amount); err != nil {
		if errors.Is(err, settlement.ErrNotAllowed) || errors.Is(err, settlement.ErrBadRequest) {
			return badInput("%v", err)
		}
		return err
	}
	bal, err := s.token.BalanceOf(s.ctx, to)
	if err != nil {
		return err
	}
	return s.emit(map[string]any{"token": s.dep.Token.Hex(), "to": to.Hex(), "minted": s.amount(amount), "balance": s.amount(bal)}, func(w io.Writer) {
		kv(w, "Minted", "%s to %s", s.fmtAmount(amount), to.Hex())
		kv(w, "Balance", "%s", s.fmtAmount(bal))
	})
}
