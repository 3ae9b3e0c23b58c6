package cli

import (
	"fmt"
	"io"
	"math/big"

	"github.com/urfave/cli/v2"
)

func marketCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "market",
		Usage: "upkeep of the job market contract that any account may do",
		Description: `Commands on the job market as a whole rather than on one job or account.

Example:
   brine audit check
   brine market sweep`,
		Subcommands: []*cli.Command{
			{
				Name:      "sweep",
				Usage:     "credit the market's surplus (tokens sent straight to it, owed to nobody) to the treasury",
				ArgsUsage: " ",
				Description: `Anyone can send tokens straight to the market with a plain ERC-20 transfer; nobody is owed
them, and ` + "`brine audit check`" + ` reports them as the market's surplus. sweep calls the market's
sweepSurplus(): the surplus (token balance minus the market's owed() counter of escrows, bonds,
credited balances and the treasury's credit) is credited to the treasury, which withdrawFees
pays out. Nothing anyone is owed moves. Any account may send it (it pays the gas); the tokens
can only go to the treasury. Exits 2 without sending when there is no surplus.

Example:
   brine market sweep --account 0x8ba1f109551bD432803012645Ac136ddd64DBA72 --json`,
				Action: func(c *cli.Context) error { return marketSweep(c, stdio) },
			},
		},
	}
}

func marketSweep(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine market sweep"); err != nil {
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
	if err := s.openToken(); err != nil {
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
	held, owed, err := st.MarketSurplus(s.ctx)
	if err != nil {
		return err
	}
	// After unlock, which first finishes an interrupted earlier run's transactions (one of them
	// may be this sweep: then its outcome is reported below instead of a refusal).
	if held.Cmp(owed) <= 0 && !s.sender.HasRecovered() {
		if held.Cmp(owed) < 0 {
			return fmt.Errorf("nothing to sweep: the market holds %s but owes %s, a shortfall of %s: run `brine audit check`",
				s.fmtAmount(held), s.fmtAmount(owed), s.fmtAmount(new(big.Int).Sub(owed, held)))
		}
		return badInput("nothing to sweep: the market holds %s, exactly what it owes", s.fmtAmount(held))
	}
	fmt.Fprintf(s.info, "Sweeping the market's surplus of %s to the treasury's credit\n", s.fmtAmount(new(big.Int).Sub(held, owed)))
	swept, err := st.SweepSurplus(s.ctx)
	if err != nil {
		return fmt.Errorf("sweep: %w", err)
	}
	return s.emit(map[string]any{"market": s.dep.Market.Hex(), "swept": s.amount(swept), "holdings": s.amount(held), "owed": s.amount(owed)}, func(w io.Writer) {
		kv(w, "Swept", "%s to the treasury's credit (withdrawFees pays it out)", s.fmtAmount(swept))
	})
}
