package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/audit/events"
	"github.com/brine-compute/brine/settlement"
)

func auditCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "audit",
		Usage: "read the contracts' state and history, and check the books (no wallet needed)",
		Description: `Reads everything from the chain: providers, jobs, balances, events, and recomputes the three
ledgers (market, registry, rewards): every token a contract owes must be in its holdings.
History (the contracts' events) comes from the index ` + "`brine index`" + ` keeps (<datadir>/index.db or
$` + indexDSNEnv + `) when one of this deployment is there, up to its cursor, and from the chain after
it; the output is the same either way. State is always read from the chain.

Example:
   brine audit jobs --json
   brine audit check`,
		Subcommands: []*cli.Command{
			{
				Name:      "providers",
				Usage:     "list every provider that ever staked or registered",
				ArgsUsage: " ",
				Description: `Lists providers found in the registry's events with their current registration and stake.

Example:
   brine audit providers --json`,
				Action: func(c *cli.Context) error { return auditProviders(c, stdio) },
			},
			{
				Name:      "jobs",
				Usage:     "list jobs, newest first",
				ArgsUsage: " ",
				Flags: []cli.Flag{
					&cli.BoolFlag{Name: "live", Usage: "only jobs that have not ended"},
					&cli.StringFlag{Name: "client", Usage: "only jobs posted by `ADDR`"},
					&cli.StringFlag{Name: "provider", Usage: "only jobs accepted by `ADDR`"},
					&cli.IntFlag{Name: "limit", Usage: "at most `N` jobs (0 = all)"},
				},
				Description: `Lists all jobs from the market's events.

Example:
   brine audit jobs --live --json`,
				Action: func(c *cli.Context) error { return auditJobs(c, stdio) },
			},
			{
				Name:      "job",
				Usage:     "show one job",
				ArgsUsage: "<id>",
				Description: `Shows one job as the market's events and state describe it.

Example:
   brine audit job 7`,
				Action: func(c *cli.Context) error { return jobStatus(c, stdio) },
			},
			{
				Name:      "balances",
				Usage:     "show what each contract holds and owes, and every credited account",
				ArgsUsage: " ",
				Description: `Shows each contract's token holdings and what it owes, and the market balance of every
account that was ever credited.

Example:
   brine audit balances --json`,
				Action: func(c *cli.Context) error { return auditBalances(c, stdio) },
			},
			{
				Name:      "events",
				Usage:     "decode the contracts' events",
				ArgsUsage: " ",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "from-block", Usage: "first `BLOCK` (default: the deployment block)"},
					&cli.StringFlag{Name: "to-block", Usage: "last `BLOCK` (default: the latest)"},
				},
				Description: `Prints every event of the market, registry and rewards contracts in chain order, decoded.

Example:
   brine audit events --from-block 1200 --json`,
				Action: func(c *cli.Context) error { return auditEvents(c, stdio) },
			},
			{
				Name:      "check",
				Usage:     "recompute the books; exit 3 when a contract holds less than it owes",
				ArgsUsage: " ",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "block", Usage: "audit at `BLOCK` (default: the latest)"},
				},
				Description: `Recomputes the three ledgers from events and state:
   JobMarket:        holdings >= live escrows + open challenge bonds + credited balances + treasury
   ProviderRegistry: holdings >= staked + unbonding
   UptimeRewards:    holdings >= funded budgets - claimed
and cross-checks state against events (and the market's own owed() counter).

Anyone can send tokens straight to a contract, so holdings above what is owed are a surplus:
printed as "balanced, surplus X" and never an error (the market's can be swept to the
treasury with ` + "`brine market sweep`" + `). Holdings below it are a shortfall: tokens someone is owed
are missing. Exits 3 (after printing the ledgers) only for a shortfall or a failed
cross-check; --json carries "surplus" and "shortfall" per ledger and in total.

Example:
   brine audit check && echo "every token owed is there"
   brine audit check --json | jq '.ledgers[] | {contract, surplus, shortfall}'`,
				Action: func(c *cli.Context) error { return auditCheck(c, stdio) },
			},
		},
	}
}

func parseBlock(text, what string) (uint64, error) {
	n, err := strconv.ParseUint(text, 10, 64)
	if err != nil {
		return 0, badInput("%s %q is not a block number", what, text)
	}
	return n, nil
}

func auditProviders(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine audit providers"); err != nil {
		return err
	}
	s, st, err := readSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	evs, err := s.fetchEvents(s.dep.DeployBlock, 0)
	if err != nil {
		return err
	}
	addrs := events.Accounts(evs, "provider", "ProviderRegistered", "Staked")
	views := make([]providerView, 0, len(addrs))
	for _, a := range addrs {
		v, err := s.providerView(st, a)
		if err != nil {
			return err
		}
		views = append(views, v)
	}
	return s.emit(views, func(w io.Writer) {
		if len(views) == 0 {
			fmt.Fprintln(w, "No providers.")
			return
		}
		fmt.Fprintln(w, "PROVIDER\tSP\tREGISTERED\tACTIVE\tSTAKED\tLOCKED\tUNBONDING\tBALANCE")
		for _, v := range views {
			sp := spText(v.SP, v.SPVerified)
			if sp == "" {
				sp = "-"
			}
			fmt.Fprintf(w, "%s\t%s\t%v\t%v\t%s\t%s\t%s\t%s\n", v.Address, sp, v.Registered, v.Active, v.Staked.Decimal, v.Locked.Decimal, v.Unbonding.Decimal, v.Balance.Decimal)
		}
	})
}

func auditJobs(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine audit jobs [--live] [--client ADDR] [--provider ADDR]"); err != nil {
		return err
	}
	filter := settlement.JobFilter{Live: c.Bool("live")}
	var err error
	if t := c.String("client"); t != "" {
		if filter.Client, err = parseAddress(t, "--client"); err != nil {
			return err
		}
	}
	if t := c.String("provider"); t != "" {
		if filter.Provider, err = parseAddress(t, "--provider"); err != nil {
			return err
		}
	}
	if c.Int("limit") < 0 {
		return badInput("--limit must not be negative")
	}
	s, st, err := readSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	return s.listJobs(st, filter, c.Int("limit"))
}

// fetchEvents decodes the deployment's events in [from, to] (to 0: the latest block).
func (s *session) fetchEvents(from, to uint64) ([]events.Event, error) {
	dec, err := events.NewDecoder(*s.dep.Addresses())
	if err != nil {
		return nil, err
	}
	if to == 0 {
		if to, err = s.client.BlockNumber(s.ctx); err != nil {
			return nil, err
		}
	}
	if from > to {
		return nil, nil
	}
	history, closeIndex := s.indexedHistory()
	defer closeIndex()
	if history == nil {
		return dec.Fetch(s.ctx, s.client, from, to)
	}
	logs, err := history(s.ctx, dec.Addresses(), from, to)
	if err != nil {
		return nil, err
	}
	out := make([]events.Event, 0, len(logs))
	for i := range logs {
		out = append(out, dec.Decode(&logs[i]))
	}
	return out, nil
}

func auditEvents(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine audit events [--from-block N] [--to-block N]"); err != nil {
		return err
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.connect(); err != nil {
		return err
	}
	from, to := s.dep.DeployBlock, uint64(0)
	if c.IsSet("from-block") {
		if from, err = parseBlock(c.String("from-block"), "--from-block"); err != nil {
			return err
		}
	}
	if c.IsSet("to-block") {
		if to, err = parseBlock(c.String("to-block"), "--to-block"); err != nil {
			return err
		}
		if to < from {
			return badInput("--to-block %d is before --from-block %d", to, from)
		}
	}
	evs, err := s.fetchEvents(from, to)
	if err != nil {
		return err
	}
	if evs == nil {
		evs = []events.Event{}
	}
	return s.emit(evs, func(w io.Writer) {
		for _, e := range evs {
			args := make([]string, 0, len(e.Args))
			for _, a := range e.Args {
				args = append(args, fmt.Sprintf("%s=%v", a.Name, a.Value))
			}
			fmt.Fprintf(w, "%d\t%s.%s\t%s\n", e.Block, e.Contract, e.Name, strings.Join(args, " "))
		}
	})
}

type ledgerView struct {
	Contract  string     `json:"contract"`
	Address   string     `json:"address"`
	Holdings  amount     `json:"holdings"`
	Owed      []lineView `json:"owed"`
	OwedTotal amount     `json:"owedTotal"`
	// Balanced: holdings >= owedTotal and every cross-check passed.
	Balanced   bool     `json:"balanced"`
	Surplus    amount   `json:"surplus"`   // holdings beyond owedTotal: owed to nobody
	Shortfall  amount   `json:"shortfall"` // owedTotal beyond holdings: missing
	Swept      *amount  `json:"swept,omitempty"`
	Mismatches []string `json:"mismatches,omitempty"`
}

type lineView struct {
	Name   string `json:"name"`
	Amount amount `json:"amount"`
}

func (s *session) ledgers(rep *audit.Report) []ledgerView {
	out := make([]ledgerView, 0, len(rep.Ledgers))
	for _, l := range rep.Ledgers {
		v := ledgerView{Contract: l.Contract, Address: l.Address.Hex(), Holdings: s.amount(l.Holdings), OwedTotal: s.amount(l.OwedTotal()),
			Balanced: l.Balanced(), Surplus: s.amount(l.Surplus()), Shortfall: s.amount(l.Shortfall()), Mismatches: l.Mismatches}
		if l.Swept != nil {
			sw := s.amount(l.Swept)
			v.Swept = &sw
		}
		for _, line := range l.Owed {
			v.Owed = append(v.Owed, lineView{line.Name, s.amount(line.Amount)})
		}
		out = append(out, v)
	}
	return out
}

func printLedgers(w io.Writer, ls []ledgerView) {
	for _, l := range ls {
		fmt.Fprintf(w, "%s %s: %s\n", l.Contract, l.Address, ledgerState(l))
		fmt.Fprintf(w, "  holds\t%s %s\n", l.Holdings.Decimal, l.Holdings.Symbol)
		for _, o := range l.Owed {
			fmt.Fprintf(w, "  %s\t%s %s\n", o.Name, o.Amount.Decimal, o.Amount.Symbol)
		}
		fmt.Fprintf(w, "  owed in all\t%s %s\n", l.OwedTotal.Decimal, l.OwedTotal.Symbol)
		if l.Surplus.Units != "0" {
			fmt.Fprintf(w, "  surplus (owed to nobody)\t%s %s\n", l.Surplus.Decimal, l.Surplus.Symbol)
		}
		if l.Shortfall.Units != "0" {
			fmt.Fprintf(w, "  SHORTFALL (missing)\t%s %s\n", l.Shortfall.Decimal, l.Shortfall.Symbol)
		}
		if l.Swept != nil && l.Swept.Units != "0" {
			fmt.Fprintf(w, "  surplus swept to the treasury so far\t%s %s\n", l.Swept.Decimal, l.Swept.Symbol)
		}
		for _, m := range l.Mismatches {
			fmt.Fprintf(w, "  mismatch: %s\n", m)
		}
	}
}

// ledgerState is a ledger's one-line verdict: a surplus balances, a shortfall does not.
func ledgerState(l ledgerView) string {
	switch {
	case l.Shortfall.Units != "0":
		return fmt.Sprintf("SHORT by %s %s", l.Shortfall.Decimal, l.Shortfall.Symbol)
	case !l.Balanced:
		return "NOT BALANCED (a cross-check failed)"
	case l.Surplus.Units != "0":
		return fmt.Sprintf("balanced, surplus %s %s", l.Surplus.Decimal, l.Surplus.Symbol)
	}
	return "balanced"
}

func auditCheck(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine audit check [--block N]"); err != nil {
		return err
	}
	var at uint64
	var err error
	if c.IsSet("block") {
		if at, err = parseBlock(c.String("block"), "--block"); err != nil {
			return err
		}
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.openToken(); err != nil {
		return err
	}
	history, closeIndex := s.indexedHistory()
	defer closeIndex()
	rep, err := audit.CheckFrom(s.ctx, s.client, *s.dep.Addresses(), at, history)
	if err != nil {
		return err
	}
	ls := s.ledgers(rep)
	out := map[string]any{"block": rep.Block, "balanced": rep.Balanced(), "surplus": s.amount(rep.Surplus()), "shortfall": s.amount(rep.Shortfall()),
		"liveJobs": rep.LiveJobs, "openChallenges": rep.OpenChallenges, "ledgers": ls}
	if err := s.emit(out, func(w io.Writer) {
		fmt.Fprintf(w, "Books at block %d (%d live jobs, %d open challenges)\n", rep.Block, rep.LiveJobs, rep.OpenChallenges)
		printLedgers(w, ls)
	}); err != nil {
		return err
	}
	if short := rep.Shortfall(); short.Sign() > 0 {
		return &exitError{code: ExitUnbalanced, err: fmt.Errorf("the books are short at block %d: the contracts hold %s less than they owe", rep.Block, s.fmtAmount(short))}
	}
	if !rep.Balanced() {
		return &exitError{code: ExitUnbalanced, err: fmt.Errorf("the books do not balance at block %d: a cross-check between events and state failed (see mismatch lines)", rep.Block)}
	}
	return nil
}

func auditBalances(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine audit balances"); err != nil {
		return err
	}
	s, st, err := readSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	history, closeIndex := s.indexedHistory()
	defer closeIndex()
	rep, err := audit.CheckFrom(s.ctx, s.client, *s.dep.Addresses(), 0, history)
	if err != nil {
		return err
	}
	evs, err := s.fetchEvents(s.dep.DeployBlock, rep.Block)
	if err != nil {
		return err
	}
	type accountView struct {
		Address string `json:"address"`
		F410    string `json:"f410,omitempty"` // on a Filecoin chain
		Balance amount `json:"marketBalance"`
		Tokens  amount `json:"tokens"`
	}
	var accounts []accountView
	for _, a := range events.Accounts(evs, "account", "Credited", "Withdrawn") {
		bal, err := st.Balance(s.ctx, a)
		if err != nil {
			return err
		}
		tok, err := s.token.BalanceOf(s.ctx, a)
		if err != nil {
			return err
		}
		accounts = append(accounts, accountView{a.Hex(), s.f410(a), s.amount(bal), s.amount(tok)})
	}
	ls := s.ledgers(rep)
	out := map[string]any{"block": rep.Block, "ledgers": ls, "accounts": accounts}
	return s.emit(out, func(w io.Writer) {
		fmt.Fprintf(w, "At block %d\n", rep.Block)
		printLedgers(w, ls)
		if len(accounts) > 0 {
			fmt.Fprintln(w, "\nACCOUNT\tMARKET BALANCE\tTOKENS HELD")
			for _, a := range accounts {
				fmt.Fprintf(w, "%s\t%s\t%s\n", withF410(a.Address, a.F410), a.Balance.Decimal, a.Tokens.Decimal)
			}
		}
	})
}
