package sim

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"math/big"
	"text/tabwriter"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/units"
)

// Report is one run's outcome: a row per strategy, the verifier draws against their closed
// form, the chain's totals and the audited books. Amounts are token base units as decimal
// strings (exact); floats are rates and interval bounds only.
type Report struct {
	Seed       uint64  `json:"seed"`
	Jobs       int     `json:"jobs"`
	Providers  int     `json:"providers"`
	Cartel     float64 `json:"cartel"`
	CartelBy   string  `json:"cartel_by"`
	Params     Params  `json:"params"`
	Strategies []Row   `json:"strategies"`
	Draws      Draws   `json:"draws"`
	FinalDraws Draws   `json:"final_draws"` // appeals' final panels (APPEAL_VERIFIERS seats)
	// FirstJudged is what the final verdicts made of the appealed first panels' votes.
	FirstJudged FirstJudged `json:"first_panels_judged"`
	Chain       Totals      `json:"chain"`
	Books       Books       `json:"books"`
}

// Params are the contracts' and the population's parameters of the run.
type Params struct {
	Verifiers           int     `json:"verifiers"`
	ChallengeBond       string  `json:"challenge_bond"`
	VerifierCollateral  string  `json:"verifier_collateral"`
	Payment             string  `json:"payment"`
	Collateral          string  `json:"collateral"`
	FeeBps              int     `json:"fee_bps"`
	ChallengerRewardBps int     `json:"challenger_reward_bps"`
	VerifierRewardBps   int     `json:"verifier_reward_bps"`
	MinCollateralBps    int     `json:"min_collateral_bps"`
	Replicas            int     `json:"replicas"`
	Replicated          float64 `json:"replicated"`
	LazyP               float64 `json:"lazy_p"`
	Detect              float64 `json:"detect"`
	Grief               float64 `json:"grief"`
	CartelChallenge     float64 `json:"cartel_challenge"`
}

// Row is one strategy's results. A sample of "profit per job" is what one of its agents
// gained or lost in one job it took part in (as client, provider, replica, verifier or
// challenger).
type Row struct {
	Strategy string `json:"strategy"`
	Agents   int    `json:"agents"`
	Jobs     int    `json:"jobs"`

	ProfitTotal      string     `json:"profit_total"`
	ProfitPerJob     string     `json:"profit_per_job"` // mean, base units, rounded toward zero
	ProfitPerJobCI95 [2]float64 `json:"profit_per_job_ci95_tokens"`
	Stake            string     `json:"stake,omitempty"`
	ReturnOnStake    *float64   `json:"return_on_stake,omitempty"`

	// ProfitPerResult is the mean of what a result the strategy's agents committed (as
	// provider or replica) earned them, base units rounded toward zero: the provider's side
	// alone, without what they earned as verifiers.
	ProfitPerResult     string     `json:"profit_per_result,omitempty"`
	ProfitPerResultCI95 [2]float64 `json:"profit_per_result_ci95_tokens"`
	// ProfitPerWrong is the same mean over its wrong results only: what a cheat earned.
	ProfitPerWrong     string     `json:"profit_per_wrong_result,omitempty"`
	ProfitPerWrongCI95 [2]float64 `json:"profit_per_wrong_result_ci95_tokens"`

	Results        int      `json:"results"`       // results committed as provider or replica
	Wrong          int      `json:"wrong_results"` // of which not the true result
	Caught         int      `json:"wrong_caught"`  // wrong results whose committer was slashed for them
	CatchRate      *float64 `json:"catch_rate,omitempty"`
	RightSlashed   int      `json:"right_slashed"` // true results whose committer was slashed anyway
	RightSlashRate *float64 `json:"right_slashed_rate,omitempty"`
	// RightDisputed counts true results put to a vote: their job was challenged, or its
	// replicas did not all agree. Issue 14's target for wrongful slashing is per such result.
	RightDisputed         int      `json:"right_disputed"`
	RightSlashDisputeRate *float64 `json:"right_slashed_per_disputed,omitempty"`
	// RightChallenged are true results that were challenged; RightChallengeSlashed of them
	// cost their committer its collateral (the wrongful slashes per challenged job).
	RightChallenged           int      `json:"right_challenged"`
	RightChallengeSlashed     int      `json:"right_challenge_slashed"`
	RightChallengeSlashedRate *float64 `json:"right_challenge_slashed_rate,omitempty"`

	Seats            int `json:"verifier_seats"`
	SeatsSlashed     int `json:"verifier_seats_slashed"`
	RightVoteSlashed int `json:"right_votes_slashed"` // voted the true result and lost the verifier collateral
	// ProfitPerSeat is the mean of what a verifier seat (an agent's part in a job it was drawn
	// to judge, first or final panel) gained or lost, base units rounded toward zero.
	ProfitPerSeat     string     `json:"profit_per_seat,omitempty"`
	ProfitPerSeatCI95 [2]float64 `json:"profit_per_seat_ci95_tokens"`

	Challenges   int `json:"challenges"`
	Upheld       int `json:"challenges_upheld"`
	Rejected     int `json:"challenges_rejected"`
	Inconclusive int `json:"challenges_inconclusive"`
	// Appeals the strategy's agents made of a first verdict against them, and how many the
	// final panel turned.
	Appeals    int `json:"appeals"`
	AppealsWon int `json:"appeals_won"`

	Unserved int `json:"unserved,omitempty"` // clients: paid jobs whose result nobody serves
}

// Draws compares the verifier panels the market drew with the closed form: the chance a
// cartel holds a strict majority of K seats drawn without replacement from the eligible
// providers (hypergeometric), averaged over the draws.
type Draws struct {
	Panels         int        `json:"panels"`
	ShortPanels    int        `json:"short_panels"` // fewer than K seats filled
	CartelMajority int        `json:"cartel_majority"`
	Rate           float64    `json:"rate"`
	RateCI95       [2]float64 `json:"rate_ci95"`
	Theory         float64    `json:"theory"`
}

// FirstJudged counts an appealed first panel's revealed votes as the final verdict judged them
// (the market's FirstPanelJudged events): kept (with the verdict, or an inconclusive one:
// collateral unlocked, a share of the others' collateral credited) or slashed (against it).
type FirstJudged struct {
	Panels  int `json:"panels"`
	Kept    int `json:"kept"`
	Slashed int `json:"slashed"`
}

// Totals is what the run asked of the chain.
type Totals struct {
	Blocks       int    `json:"blocks"`
	Transactions int    `json:"transactions"`
	Gas          uint64 `json:"gas"`
}

// Books are the audited ledgers after the run (docs/protocol.md, *The books*).
type Books struct {
	Balanced bool     `json:"balanced"`
	Block    uint64   `json:"block"`
	Ledgers  []Ledger `json:"ledgers"`
}

// Ledger is one contract's holdings against what it owes.
type Ledger struct {
	Contract string `json:"contract"`
	Holdings string `json:"holdings"`
	Owed     string `json:"owed"`
}

// balance audits the books over the simulated chain and reconciles every agent's ledger with
// its holdings on chain.
func (r *runner) balance(ctx context.Context) (Books, error) {
	rep, err := audit.CheckFrom(ctx, r.ch.client, r.addrs, r.ch.head(), r.ch.logs)
	if err != nil {
		return Books{}, fmt.Errorf("sim: audit: %w", err)
	}
	b := Books{Balanced: rep.Balanced(), Block: rep.Block}
	for _, l := range rep.Ledgers {
		b.Ledgers = append(b.Ledgers, Ledger{Contract: l.Contract, Holdings: l.Holdings.String(), Owed: l.OwedTotal().String()})
		if !l.Balanced() {
			return b, fmt.Errorf("sim: the books do not balance: %s holds %s, owes %s (mismatches: %v)", l.Contract, l.Holdings, l.OwedTotal(), l.Mismatches)
		}
	}
	if s := rep.Surplus(); s.Sign() != 0 {
		return b, fmt.Errorf("sim: the books show a surplus of %s base units nobody sent", s)
	}
	if rep.LiveJobs != 0 || rep.OpenChallenges != 0 {
		return b, fmt.Errorf("sim: %d jobs and %d challenges still live after the run", rep.LiveJobs, rep.OpenChallenges)
	}
	ledger := map[*agent]*big.Int{}
	for _, j := range r.jobs {
		for _, p := range j.parts {
			if ledger[p.agent] == nil {
				ledger[p.agent] = new(big.Int)
			}
			ledger[p.agent].Add(ledger[p.agent], p.delta)
		}
	}
	for _, a := range r.all {
		now, err := r.holdings(ctx, a.addr)
		if err != nil {
			return b, err
		}
		got := new(big.Int).Sub(now, a.start)
		want := ledger[a]
		if want == nil {
			want = new(big.Int)
		}
		if got.Cmp(want) != 0 {
			return b, fmt.Errorf("sim: %s's holdings changed by %s base units but its jobs account for %s", a.name, got, want)
		}
	}
	return b, nil
}

// report folds the jobs into rows.
func (r *runner) report(books Books) *Report {
	cfg := r.cfg
	rep := &Report{
		Seed: cfg.Seed, Jobs: cfg.Jobs, Providers: cfg.Providers, Cartel: cfg.Cartel, CartelBy: cfg.CartelBy,
		Params: Params{
			Verifiers: int(r.params.Verifiers), ChallengeBond: r.params.ChallengeBond.String(),
			VerifierCollateral: r.params.VerifierCollateral.String(), Payment: cfg.Payment.String(),
			Collateral: cfg.Collateral.String(), FeeBps: int(r.params.FeeBps),
			ChallengerRewardBps: int(r.params.ChallengerRewardBps), VerifierRewardBps: int(r.params.VerifierRewardBps),
			MinCollateralBps: int(r.params.MinCollateralBps),
			Replicas:         cfg.Replicas, Replicated: cfg.Replicated, LazyP: cfg.LazyP, Detect: cfg.Detect,
			Grief: cfg.Grief, CartelChallenge: cfg.CartelChallenge,
		},
		Chain:       Totals{Blocks: r.ch.blocks, Transactions: r.ch.txs, Gas: r.ch.gasUsed},
		FirstJudged: r.firstJudged,
		Books:       books,
	}
	type acc struct {
		row     Row
		total   *big.Int
		stake   *big.Int
		samples []float64
		seat    *big.Int
		seats   []float64
		result  *big.Int
		results []float64
		wrong   *big.Int
		wrongs  []float64
	}
	accs := make([]*acc, len(strategyOrder))
	for i, n := range strategyOrder {
		accs[i] = &acc{row: Row{Strategy: n}, total: new(big.Int), stake: new(big.Int), seat: new(big.Int), result: new(big.Int), wrong: new(big.Int)}
	}
	for _, a := range r.all {
		x := accs[rowIndex(a.strategy.Name())]
		x.row.Agents++
		if a.stake != nil {
			x.stake.Add(x.stake, a.stake)
		}
	}
	for _, j := range r.jobs {
		for _, p := range j.parts {
			x := accs[rowIndex(p.agent.strategy.Name())]
			x.row.Jobs++
			x.total.Add(x.total, p.delta)
			x.samples = append(x.samples, tokens(p.delta))
			switch p.role {
			case "provider":
				x.row.Results++
				x.result.Add(x.result, p.delta)
				x.results = append(x.results, tokens(p.delta))
				if p.wrong {
					x.row.Wrong++
					x.wrong.Add(x.wrong, p.delta)
					x.wrongs = append(x.wrongs, tokens(p.delta))
					if p.slashed {
						x.row.Caught++
					}
				} else {
					if p.slashed {
						x.row.RightSlashed++
					}
					if j.disputed() {
						x.row.RightDisputed++
					}
				}
				if !p.wrong && j.challenger != nil && bytes.Equal(j.committed, j.truth) {
					x.row.RightChallenged++
					if p.upheld {
						x.row.RightChallengeSlashed++
					}
				}
			case "verifier":
				x.row.Seats++
				x.seat.Add(x.seat, p.delta)
				x.seats = append(x.seats, tokens(p.delta))
				if p.slashed {
					x.row.SeatsSlashed++
					if !p.wrong {
						x.row.RightVoteSlashed++
					}
				}
			case "client":
				if j.finalized && !r.served(j) {
					x.row.Unserved++
				}
			}
			if j.challenger == p.agent { // a client challenging its own job keeps its client part
				x.row.Challenges++
				switch j.outcome {
				case outcomeUpheld:
					x.row.Upheld++
				case outcomeRejected:
					x.row.Rejected++
				case outcomeInconclusive:
					x.row.Inconclusive++
				}
			}
			if j.appellant == p.agent {
				x.row.Appeals++
				if j.outcome != j.first {
					x.row.AppealsWon++
				}
			}
		}
	}
	for _, x := range accs {
		if x.row.Agents == 0 {
			continue
		}
		row := x.row
		row.ProfitTotal = x.total.String()
		if row.Jobs > 0 {
			row.ProfitPerJob = new(big.Int).Quo(x.total, big.NewInt(int64(row.Jobs))).String()
			row.ProfitPerJobCI95 = meanCI(x.samples)
		} else {
			row.ProfitPerJob = "0"
		}
		if x.stake.Sign() > 0 {
			row.Stake = x.stake.String()
			ros, _ := new(big.Rat).SetFrac(x.total, x.stake).Float64()
			row.ReturnOnStake = &ros
		}
		row.CatchRate = rate(row.Caught, row.Wrong)
		row.RightSlashRate = rate(row.RightSlashed, row.Results-row.Wrong)
		row.RightSlashDisputeRate = rate(row.RightSlashed, row.RightDisputed)
		row.RightChallengeSlashedRate = rate(row.RightChallengeSlashed, row.RightChallenged)
		if row.Results > 0 {
			row.ProfitPerResult = new(big.Int).Quo(x.result, big.NewInt(int64(row.Results))).String()
			row.ProfitPerResultCI95 = meanCI(x.results)
		}
		if row.Wrong > 0 {
			row.ProfitPerWrong = new(big.Int).Quo(x.wrong, big.NewInt(int64(row.Wrong))).String()
			row.ProfitPerWrongCI95 = meanCI(x.wrongs)
		}
		if row.Seats > 0 {
			row.ProfitPerSeat = new(big.Int).Quo(x.seat, big.NewInt(int64(row.Seats))).String()
			row.ProfitPerSeatCI95 = meanCI(x.seats)
		}
		rep.Strategies = append(rep.Strategies, row)
	}
	rep.Draws = drawStats(r.draws, int(r.params.Verifiers))
	rep.FinalDraws = drawStats(r.finalDraws, appealVerifiers)
	return rep
}

// disputed reports whether the job's result was put to a vote: challenged, or its replicas'
// results not all the same (the only ways a provider's collateral is slashed in the run).
func (j *job) disputed() bool {
	if j.challenger != nil {
		return true
	}
	if len(j.results) < 2 {
		return false
	}
	for _, res := range j.results[1:] {
		if !bytes.Equal(res, j.results[0]) {
			return true
		}
	}
	return false
}

// served reports whether the client of a paid job can fetch its result: some provider whose
// result is the job's serves it.
func (r *runner) served(j *job) bool {
	for i, s := range j.seats {
		if bytes.Equal(j.results[i], j.committed) && s.strategy.Serves(j.view(s, nil)) {
			return true
		}
	}
	return false
}

// drawStats compares panels of k seats with the closed form.
func drawStats(draws []draw, k int) Draws {
	d := Draws{Panels: len(draws)}
	var theory float64
	for _, x := range draws {
		if x.k < k {
			d.ShortPanels++
		}
		if 2*x.members > x.k {
			d.CartelMajority++
		}
		theory += MajorityHypergeometric(x.eligible, x.cartel, k)
	}
	if d.Panels > 0 {
		d.Rate = float64(d.CartelMajority) / float64(d.Panels)
		d.RateCI95 = wilson(d.CartelMajority, d.Panels)
		d.Theory = theory / float64(d.Panels)
	}
	return d
}

func rate(n, of int) *float64 {
	if of == 0 {
		return nil
	}
	v := float64(n) / float64(of)
	return &v
}

// tokens is base units as a float number of 18-decimal tokens, for interval statistics only.
func tokens(v *big.Int) float64 {
	f, _ := new(big.Rat).SetFrac(v, big.NewInt(1e18)).Float64()
	return f
}

// meanCI is the normal 95% interval of the mean of xs.
func meanCI(xs []float64) [2]float64 {
	n := float64(len(xs))
	var sum float64
	for _, x := range xs {
		sum += x
	}
	mean := sum / n
	if len(xs) < 2 {
		return [2]float64{mean, mean}
	}
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	half := 1.96 * math.Sqrt(ss/(n-1)/n)
	return [2]float64{mean - half, mean + half}
}

// wilson is the Wilson score 95% interval of a proportion k/n.
func wilson(k, n int) [2]float64 { return wilsonZ(k, n, 1.96) }

// wilsonZ is the Wilson score interval of a proportion k/n for the normal quantile z.
func wilsonZ(k, n int, z float64) [2]float64 {
	if n == 0 {
		return [2]float64{0, 1}
	}
	p, nf := float64(k)/float64(n), float64(n)
	den := 1 + z*z/nf
	mid := (p + z*z/(2*nf)) / den
	half := z * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf)) / den
	return [2]float64{math.Max(0, mid-half), math.Min(1, mid+half)}
}

// WriteTable writes the report as a readable table.
func (rep *Report) WriteTable(w io.Writer) error {
	fmt.Fprintf(w, "seed %d, %d jobs, %d providers, cartel %.2f by %s, K=%d\n\n", rep.Seed, rep.Jobs, rep.Providers, rep.Cartel, rep.CartelBy, rep.Params.Verifiers)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "strategy\tagents\tjobs\tprofit/job\t95% interval\treturn on stake\twrong\tcaught\tright slashed\tof challenged\tseats slashed\tprofit/seat\tprofit/result\tprofit/wrong\tchallenges (up/rej)\tappeals (won)\t")
	for _, s := range rep.Strategies {
		mean, _ := new(big.Int).SetString(s.ProfitPerJob, 10)
		mean.Quo(mean, big.NewInt(1e14)) // shown to 4 decimals; the JSON has it to the base unit
		ros := "-"
		if s.ReturnOnStake != nil {
			ros = fmt.Sprintf("%+.2f%%", 100**s.ReturnOnStake)
		}
		seat := "-"
		if s.ProfitPerSeat != "" {
			v, _ := new(big.Int).SetString(s.ProfitPerSeat, 10)
			seat = units.Format(v.Quo(v, big.NewInt(1e14)), 4)
		}
		result := "-"
		if s.ProfitPerResult != "" {
			v, _ := new(big.Int).SetString(s.ProfitPerResult, 10)
			result = units.Format(v.Quo(v, big.NewInt(1e14)), 4)
		}
		wrong := "-"
		if s.ProfitPerWrong != "" {
			v, _ := new(big.Int).SetString(s.ProfitPerWrong, 10)
			wrong = units.Format(v.Quo(v, big.NewInt(1e14)), 4)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t[%+.3f, %+.3f]\t%s\t%d\t%s\t%s\t%s\t%d/%d\t%s\t%s\t%s\t%d (%d/%d)\t%d (%d)\t\n",
			s.Strategy, s.Agents, s.Jobs, units.Format(mean, 4), s.ProfitPerJobCI95[0], s.ProfitPerJobCI95[1], ros,
			s.Wrong, pct(s.Caught, s.CatchRate), pct(s.RightSlashed, s.RightSlashRate),
			pctOf(s.RightChallengeSlashed, s.RightChallenged, s.RightChallengeSlashedRate), s.SeatsSlashed, s.Seats, seat, result, wrong,
			s.Challenges, s.Upheld, s.Rejected, s.Appeals, s.AppealsWon)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	d := rep.Draws
	fmt.Fprintf(w, "\nverifier panels: %d drawn, the cartel held the majority of %d (%.3f, 95%% interval [%.3f, %.3f]; closed form %.3f)\n",
		d.Panels, d.CartelMajority, d.Rate, d.RateCI95[0], d.RateCI95[1], d.Theory)
	if f := rep.FinalDraws; f.Panels > 0 {
		fmt.Fprintf(w, "final panels (appeals): %d drawn, %d short of %d seats, the cartel held the majority of %d (%.4f, 95%% interval [%.4f, %.4f]; closed form %.4f)\n",
			f.Panels, f.ShortPanels, appealVerifiers, f.CartelMajority, f.Rate, f.RateCI95[0], f.RateCI95[1], f.Theory)
	}
	if j := rep.FirstJudged; j.Panels > 0 {
		fmt.Fprintf(w, "appealed first panels judged by the final verdict: %d, their revealed votes kept %d, slashed %d\n", j.Panels, j.Kept, j.Slashed)
	}
	fmt.Fprintf(w, "chain: %d blocks, %d transactions, %d gas; books balanced at block %d\n", rep.Chain.Blocks, rep.Chain.Transactions, rep.Chain.Gas, rep.Books.Block)
	return nil
}

// pctOf is n of m with its rate.
func pctOf(n, m int, r *float64) string {
	if r == nil {
		return "-"
	}
	return fmt.Sprintf("%d/%d (%.1f%%)", n, m, 100**r)
}

func pct(n int, r *float64) string {
	if r == nil {
		return fmt.Sprintf("%d", n)
	}
	return fmt.Sprintf("%d (%.0f%%)", n, 100**r)
}
