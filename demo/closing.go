package demo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"text/tabwriter"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/audit"
)

// balancesOf reads an account's wallet, market credit and stake.
func (r *show) balancesOf(ctx context.Context, a common.Address) (Balances, error) {
	w, err := r.token.BalanceOf(ctx, a)
	if err != nil {
		return Balances{}, err
	}
	c, err := r.client.acct.Balance(ctx, a)
	if err != nil {
		return Balances{}, err
	}
	info, err := r.client.acct.Provider(ctx, a)
	if err != nil {
		return Balances{}, err
	}
	return Balances{Wallet: w, Credit: c, Stake: new(big.Int).Add(info.Staked, info.Unbonding)}, nil
}

// ledger lists the accounts of the balance table: the cast and the treasury.
func (r *show) ledger() []Participant {
	var out []Participant
	for _, a := range r.actors() {
		out = append(out, Participant{Name: a.name, Role: a.role, Address: a.addr})
	}
	return append(out, Participant{Name: "treasury", Role: "treasury (fees; the devnet's faucet)", Address: r.treasury})
}

func (r *show) contracts() []Holding {
	return []Holding{
		{Contract: "registry", Address: r.addrs.Registry},
		{Contract: "market", Address: r.addrs.Market},
		{Contract: "rewards", Address: r.addrs.Rewards},
	}
}

// treasuryAccrued is the treasury's credit in the market (fees and its shares of slashed
// collateral), which the market keeps apart from accounts' balances until withdrawFees.
func treasuryAccrued(rep *audit.Report) (*big.Int, error) {
	for _, l := range rep.Ledgers {
		for _, o := range l.Owed {
			if o.Name == "treasury accrued" {
				return o.Amount, nil
			}
		}
	}
	return nil, errors.New("demo: the audit report has no \"treasury accrued\" line")
}

// balancesAll reads every participant's balances; the treasury's credit is what accrued to
// it in the market.
func (r *show) balancesAll(ctx context.Context) ([]Balances, *audit.Report, error) {
	rep, err := audit.Check(ctx, r.eth, r.addrs, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("demo: audit: %w", err)
	}
	accrued, err := treasuryAccrued(rep)
	if err != nil {
		return nil, nil, err
	}
	out := make([]Balances, len(r.report.Participants))
	for i, p := range r.report.Participants {
		b, err := r.balancesOf(ctx, p.Address)
		if err != nil {
			return nil, nil, err
		}
		if p.Address == r.treasury {
			b.Credit = add(b.Credit, accrued)
		}
		out[i] = b
	}
	return out, rep, nil
}

// snapshotBefore records every balance before the first transaction of the cast.
func (r *show) snapshotBefore(ctx context.Context) error {
	r.report.Participants = r.ledger()
	bs, _, err := r.balancesAll(ctx)
	if err != nil {
		return err
	}
	for i := range r.report.Participants {
		r.report.Participants[i].Before = bs[i]
	}
	r.report.Holdings = r.contracts()
	for i := range r.report.Holdings {
		v, err := r.token.BalanceOf(ctx, r.report.Holdings[i].Address)
		if err != nil {
			return err
		}
		r.report.Holdings[i].Before = v
	}
	return nil
}

// closing prints the balances before and after, the transactions and the audit.
func (r *show) closing(ctx context.Context) error {
	r.setScene(ctx, "end")
	bs, rep, err := r.balancesAll(ctx)
	if err != nil {
		return err
	}
	for i := range r.report.Participants {
		r.report.Participants[i].After = bs[i]
	}
	for i := range r.report.Holdings {
		v, err := r.token.BalanceOf(ctx, r.report.Holdings[i].Address)
		if err != nil {
			return err
		}
		r.report.Holdings[i].After = v
	}
	r.txMu.Lock()
	r.report.Transactions = append([]Tx(nil), r.txs...)
	for i := range r.report.Transactions {
		r.report.Transactions[i].Scene = r.sceneOf(r.report.Transactions[i].Block)
	}
	r.txMu.Unlock()
	sort.SliceStable(r.report.Transactions, func(i, j int) bool {
		return r.report.Transactions[i].Block < r.report.Transactions[j].Block
	})
	for i := range r.report.Transactions {
		t := &r.report.Transactions[i]
		rc, err := r.eth.TransactionReceipt(ctx, t.Hash)
		if err != nil {
			return fmt.Errorf("demo: receipt of %s: %w", t.Hash, err)
		}
		t.Reverted = rc.Status != types.ReceiptStatusSuccessful
		t.GasUsed = rc.GasUsed
	}

	r.story.heading("Balances (" + r.token.Symbol + ")")
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\twallet before\twallet after\tcredit before\tcredit after\tstake before\tstake after\tnet change\t")
	net := new(big.Int)
	for _, p := range r.report.Participants {
		d := sub(p.After.Total(), p.Before.Total())
		net.Add(net, d)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", p.Name,
			r.num(p.Before.Wallet), r.num(p.After.Wallet), r.num(p.Before.Credit), r.num(p.After.Credit),
			r.num(p.Before.Stake), r.num(p.After.Stake), r.signed(d))
	}
	// The uptime budget funded and not claimed stays in the rewards contract.
	for _, h := range r.report.Holdings {
		if h.Contract == "rewards" {
			d := sub(h.After, h.Before)
			net.Add(net, d)
			fmt.Fprintf(tw, "rewards pool\t%s\t%s\t\t\t\t\t%s\t\n", r.num(h.Before), r.num(h.After), r.signed(d))
		}
	}
	fmt.Fprintf(tw, "all\t\t\t\t\t\t\t%s\t\n", r.signed(net))
	tw.Flush()
	r.story.raw(buf.String())
	r.story.note("wallet: tokens held; credit: withdrawable from the market (the treasury's: fees and its share of")
	r.story.note("slashed collateral, withdrawn by anyone's withdrawFees); stake: in the registry, slashable.")
	r.story.note("The net changes add up to %s: tokens moved between participants, none were made or lost.", r.signed(net))
	buf.Reset()
	tw = tabwriter.NewWriter(&buf, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "contract holds\tbefore\tafter\t")
	for _, h := range r.report.Holdings {
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", h.Contract, r.num(h.Before), r.num(h.After))
	}
	tw.Flush()
	r.story.raw(buf.String())

	r.story.heading("Transactions")
	buf.Reset()
	tw = tabwriter.NewWriter(&buf, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "scene\twho\tstep\tblock\tgas\ttransaction")
	for _, t := range r.report.Transactions {
		step := t.Step
		if t.Reverted {
			step += " (reverted)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", t.Scene, t.Who, step, t.Block, t.GasUsed, t.Hash.Hex())
	}
	tw.Flush()
	r.story.raw(buf.String())
	for _, t := range r.report.Transactions {
		if t.Reverted {
			r.story.note("(reverted): anyone may draw, resolve and finalize, and every node that sees the step due sends it;")
			r.story.note("the first one mined does it, the others revert, spending gas and changing nothing.")
			break
		}
	}

	r.report.BooksBalanced, r.report.AuditBlock = rep.Balanced(), rep.Block
	r.story.heading("Audit")
	for _, l := range rep.Ledgers {
		mark := "balances"
		switch {
		case l.Shortfall().Sign() > 0:
			mark = "SHORT by " + r.fmt(l.Shortfall())
		case !l.Balanced():
			mark = "DOES NOT BALANCE"
		case l.Surplus().Sign() > 0:
			mark = "balances, surplus " + r.fmt(l.Surplus()) + " (owed to nobody)"
		}
		r.story.say("%-16s holds %s, owes %s: %s", l.Contract, r.fmt(l.Holdings), r.fmt(l.OwedTotal()), mark)
		for _, m := range l.Mismatches {
			r.story.note("%s", m)
		}
	}
	if !r.report.BooksBalanced {
		return fmt.Errorf("demo: the books do not balance at block %d", rep.Block)
	}
	return nil
}

// num prints an amount in tokens without the symbol (the table's heading names it).
func (r *show) num(v *big.Int) string {
	s := r.token.Format(v)
	if i := len(s) - len(r.token.Symbol) - 1; i > 0 && s[i:] == " "+r.token.Symbol {
		return s[:i]
	}
	return s
}

func (r *show) signed(v *big.Int) string {
	if v.Sign() > 0 {
		return "+" + r.num(v)
	}
	if v.Sign() == 0 {
		return "0"
	}
	return r.num(v)
}
