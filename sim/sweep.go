package sim

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/big"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/units"
)

// tokenDecimals is the dev token's: grid values of amounts are whole or decimal tokens.
const tokenDecimals = 18

// sweepParam is one parameter a sweep can vary: how a grid value sets it on a Config and how
// the Config's value reads back as a grid value (so "10" and "10.0" are the same point).
type sweepParam struct {
	name  string
	about string
	set   func(c *Config, v string) error
	get   func(c Config) string
}

func intParam(name, about string, field func(c *Config) *int) sweepParam {
	return sweepParam{
		name: name, about: about,
		set: func(c *Config, v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				return fmt.Errorf("%w: %s = %q: want a whole number", ErrConfig, name, v)
			}
			*field(c) = n
			return nil
		},
		get: func(c Config) string { return strconv.Itoa(*field(&c)) },
	}
}

func tokenParam(name, about string, field func(c *Config) **big.Int) sweepParam {
	return sweepParam{
		name: name, about: about,
		set: func(c *Config, v string) error {
			a, err := units.ParsePositive(v, tokenDecimals)
			if err != nil {
				return fmt.Errorf("%w: %s = %q: want a positive amount of tokens: %w", ErrConfig, name, v, err)
			}
			*field(c) = a
			return nil
		},
		get: func(c Config) string { return units.Format(*field(&c), tokenDecimals) },
	}
}

// collateralParam sweeps the job's collateral and the market's minimum ratio with it: the
// ratio (MinCollateralBps) becomes collateral / payment, so that the point measures what a
// market enforcing that ratio gets (below the baseline's ratio, postJob would refuse the job).
func collateralParam() sweepParam {
	p := tokenParam("collateral", "job collateral per replica (tokens), with the market's minimum ratio at collateral/payment", func(c *Config) **big.Int { return &c.Collateral })
	set := p.set
	p.set = func(c *Config, v string) error {
		if err := set(c, v); err != nil {
			return err
		}
		if c.Payment == nil || c.Payment.Sign() <= 0 {
			return fmt.Errorf("%w: collateral: the baseline's payment must be positive", ErrConfig)
		}
		bps := new(big.Int).Mul(c.Collateral, big.NewInt(allBps))
		bps.Quo(bps, c.Payment)
		if bps.Cmp(big.NewInt(maxRatioBps)) > 0 { // the market's bound; the collateral is above it anyway
			bps.SetInt64(maxRatioBps)
		}
		c.Protocol.MinCollateralBps = int(bps.Int64())
		return nil
	}
	return p
}

// sweepParams are the parameters a sweep varies, one at a time, beside the cartel's share.
var sweepParams = []sweepParam{
	intParam("k", "verifiers drawn per challenge (K)", func(c *Config) *int { return &c.Protocol.Verifiers }),
	tokenParam("bond", "challenge bond (tokens)", func(c *Config) **big.Int { return &c.Protocol.ChallengeBond }),
	collateralParam(),
	tokenParam("verifier-collateral", "verifier collateral (tokens)", func(c *Config) **big.Int { return &c.Protocol.VerifierCollateral }),
	intParam("challenger-reward", "challenger's share of slashed collateral (bps)", func(c *Config) *int { return &c.Protocol.ChallengerRewardBps }),
	intParam("verifier-reward", "upholding verifiers' share of slashed collateral (bps)", func(c *Config) *int { return &c.Protocol.VerifierRewardBps }),
	intParam("fee", "protocol fee on payments (bps)", func(c *Config) *int { return &c.Protocol.FeeBps }),
	intParam("replicas", "replicas N of the replicated fifth of jobs", func(c *Config) *int { return &c.Replicas }),
}

// SweepParams names the parameters a sweep can vary, with what each is.
func SweepParams() [][2]string {
	out := make([][2]string, len(sweepParams))
	for i, p := range sweepParams {
		out[i] = [2]string{p.name, p.about}
	}
	return out
}

func findParam(name string) (sweepParam, bool) {
	for _, p := range sweepParams {
		if p.name == name {
			return p, true
		}
	}
	return sweepParam{}, false
}

// DefaultCartels are the cartel shares a sweep covers by default: none to nearly half.
var DefaultCartels = []float64{0, 0.1, 0.2, 0.33, 0.45}

// DefaultAxes are the values each parameter takes in a default sweep: the baseline's and a
// lower and a higher one (K: 1, 3, 5, 7).
func DefaultAxes() []Axis {
	return []Axis{
		{Param: "k", Values: []string{"1", "3", "5", "7"}},
		{Param: "bond", Values: []string{"2", "10", "30"}},
		{Param: "collateral", Values: []string{"1", "5", "20"}},
		{Param: "verifier-collateral", Values: []string{"1", "5", "20"}},
		{Param: "challenger-reward", Values: []string{"2000", "5000", "7000"}},
		{Param: "verifier-reward", Values: []string{"1000", "3000", "5000"}},
		{Param: "replicas", Values: []string{"2", "3", "5"}},
	}
}

// Axis is one parameter a sweep varies and the values it takes (grid values: whole numbers,
// or tokens for amounts).
type Axis struct {
	Param  string   `json:"param"`
	Values []string `json:"values"`
}

// SweepConfig is a grid: every cartel share at the baseline, and for each axis every cartel
// share at each of its values, the other parameters at the baseline.
type SweepConfig struct {
	Seed    uint64
	Base    Config // the baseline; its Seed, Cartel and Progress are the sweep's to set
	Cartels []float64
	Axes    []Axis
	// Parallel is how many points run at once, each on its own chain (0: GOMAXPROCS).
	Parallel int
	// Progress, when set, is called (from one goroutine at a time) after each point.
	Progress func(done, total int, p Point, took time.Duration)
}

// DefaultSweepConfig is the default grid over the default population, 1000 jobs per point.
func DefaultSweepConfig() SweepConfig {
	return SweepConfig{Seed: 1, Base: DefaultConfig(), Cartels: DefaultCartels, Axes: DefaultAxes()}
}

// maxPoints bounds a sweep's grid.
const maxPoints = 2000

// Point is one run of a sweep: the baseline at a cartel share (Param empty), or one
// parameter moved off the baseline. Its seed is derived from the sweep's seed and the point,
// so a point's result does not depend on the rest of the grid or the order points ran in.
type Point struct {
	Param  string  `json:"param,omitempty"`
	Value  string  `json:"value,omitempty"`
	Cartel float64 `json:"cartel"`
	Seed   uint64  `json:"seed"`
	cfg    Config
}

// String names the point ("f=0.2", "bond=30 f=0.2").
func (p Point) String() string {
	f := "f=" + strconv.FormatFloat(p.Cartel, 'f', -1, 64)
	if p.Param == "" {
		return f
	}
	return p.Param + "=" + p.Value + " " + f
}

// pointSeed derives a point's seed from the sweep's seed and the point's name.
func pointSeed(seed uint64, name string) uint64 {
	h := crypto.Keccak256([]byte(fmt.Sprintf("brine/sim/sweep/%d/%s", seed, name)))
	return binary.BigEndian.Uint64(h[:8])
}

// Points checks the grid and lists its points: the baseline's first, then each axis's in
// order, with a value equal to the baseline's folded into the baseline's point.
func (s SweepConfig) Points() ([]Point, error) {
	if len(s.Cartels) == 0 {
		return nil, fmt.Errorf("%w: a sweep needs at least one cartel share", ErrConfig)
	}
	for i, f := range s.Cartels {
		if !(f >= 0 && f <= 0.9) {
			return nil, fmt.Errorf("%w: cartel share %v: want 0..0.9", ErrConfig, f)
		}
		if slices.Contains(s.Cartels[:i], f) {
			return nil, fmt.Errorf("%w: cartel share %v listed twice", ErrConfig, f)
		}
	}
	if s.Parallel < 0 {
		return nil, fmt.Errorf("%w: parallel = %d: want 0 (GOMAXPROCS) or more", ErrConfig, s.Parallel)
	}
	base := s.Base
	base.Progress = nil
	var out []Point
	add := func(param, value string, cfg Config) error {
		for _, f := range s.Cartels {
			p := Point{Param: param, Value: value, Cartel: f}
			p.Seed = pointSeed(s.Seed, p.String())
			p.cfg = cfg
			p.cfg.Cartel, p.cfg.Seed = f, p.Seed
			if err := p.cfg.Check(); err != nil {
				return fmt.Errorf("point %s: %w", p, err)
			}
			out = append(out, p)
		}
		return nil
	}
	if err := add("", "", base); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, a := range s.Axes {
		sp, ok := findParam(a.Param)
		if !ok {
			return nil, fmt.Errorf("%w: no parameter %q to sweep (want one of %s)", ErrConfig, a.Param, strings.Join(paramNames(), ", "))
		}
		if seen[a.Param] {
			return nil, fmt.Errorf("%w: parameter %q swept twice", ErrConfig, a.Param)
		}
		seen[a.Param] = true
		if len(a.Values) == 0 {
			return nil, fmt.Errorf("%w: parameter %q has no values to sweep", ErrConfig, a.Param)
		}
		var done []string
		for _, v := range a.Values {
			cfg := base
			if err := sp.set(&cfg, v); err != nil {
				return nil, err
			}
			norm := sp.get(cfg)
			if slices.Contains(done, norm) {
				return nil, fmt.Errorf("%w: %s = %s listed twice", ErrConfig, a.Param, norm)
			}
			done = append(done, norm)
			if norm == sp.get(base) {
				continue // the baseline's points
			}
			if err := add(a.Param, norm, cfg); err != nil {
				return nil, err
			}
		}
	}
	if len(out) > maxPoints {
		return nil, fmt.Errorf("%w: %d points: at most %d", ErrConfig, len(out), maxPoints)
	}
	return out, nil
}

func paramNames() []string {
	var out []string
	for _, p := range sweepParams {
		out = append(out, p.name)
	}
	return out
}

// Sweep is a sweep's outcome: the grid, a summary of each point, and a row per point and
// strategy. Nothing in it depends on the wall clock or the order points ran in: the same
// SweepConfig gives the same Sweep, byte for byte.
type Sweep struct {
	Seed    uint64        `json:"seed"`
	Jobs    int           `json:"jobs_per_point"`
	Cartels []float64     `json:"cartels"`
	Axes    []SweepAxis   `json:"axes"`
	Points  []PointResult `json:"points"`
	Rows    []SweepRow    `json:"rows"`
}

// SweepAxis is an axis of the grid with the baseline's value of its parameter.
type SweepAxis struct {
	Param    string   `json:"param"`
	About    string   `json:"about"`
	Baseline string   `json:"baseline"`
	Values   []string `json:"values"`
}

// PointResult is one point's verifier draws and chain totals.
type PointResult struct {
	Point
	Draws Draws  `json:"draws"`
	Chain Totals `json:"chain"`
}

// SweepRow is one strategy at one point. Profit is in tokens per (agent, job) sample, its
// interval the normal 95% one; WronglySlashed is per correct result put to a vote (issue 14's
// target: below 1% for honest providers).
type SweepRow struct {
	Param            string     `json:"param,omitempty"`
	Value            string     `json:"value,omitempty"`
	Cartel           float64    `json:"cartel"`
	Strategy         string     `json:"strategy"`
	Agents           int        `json:"agents"`
	Jobs             int        `json:"jobs"`
	ProfitPerJob     float64    `json:"profit_per_job"`
	ProfitPerJobCI95 [2]float64 `json:"profit_per_job_ci95"`
	CatchRate        *float64   `json:"catch_rate,omitempty"`
	WronglySlashed   *float64   `json:"wrongly_slashed_rate,omitempty"`
	// WronglySlashedCI95 is the Wilson 95% interval of WronglySlashed.
	WronglySlashedCI95 *[2]float64 `json:"wrongly_slashed_ci95,omitempty"`
	Disputed           int         `json:"disputed_correct_results"`
	ReturnOnStake      *float64    `json:"return_on_stake,omitempty"`
}

// RunSweep runs every point of the grid, up to Parallel at once, and gathers the rows in the
// grid's order. The first point that fails stops the sweep.
func RunSweep(ctx context.Context, s SweepConfig) (*Sweep, error) {
	points, err := s.Points()
	if err != nil {
		return nil, err
	}
	workers := s.Parallel
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(points))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	reports := make([]*Report, len(points))
	next := make(chan int)
	var (
		mu    sync.Mutex
		done  int
		first error
		wg    sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				start := time.Now()
				rep, err := Run(ctx, points[i].cfg)
				mu.Lock()
				if err != nil {
					if first == nil {
						first = fmt.Errorf("sim: sweep point %s: %w", points[i], err)
					}
					cancel()
				} else {
					reports[i] = rep
					done++
					if s.Progress != nil {
						s.Progress(done, len(points), points[i], time.Since(start))
					}
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for i := range points {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if first != nil {
		return nil, first
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return gather(s, points, reports), nil
}

func gather(s SweepConfig, points []Point, reports []*Report) *Sweep {
	out := &Sweep{Seed: s.Seed, Jobs: s.Base.Jobs, Cartels: s.Cartels}
	for _, a := range s.Axes {
		sp, _ := findParam(a.Param)
		ax := SweepAxis{Param: a.Param, About: sp.about, Baseline: sp.get(s.Base)}
		for _, v := range a.Values {
			cfg := s.Base
			_ = sp.set(&cfg, v) // Points parsed it
			ax.Values = append(ax.Values, sp.get(cfg))
		}
		out.Axes = append(out.Axes, ax)
	}
	for i, p := range points {
		rep := reports[i]
		out.Points = append(out.Points, PointResult{Point: p, Draws: rep.Draws, Chain: rep.Chain})
		for _, r := range rep.Strategies {
			total, _ := new(big.Int).SetString(r.ProfitTotal, 10)
			row := SweepRow{
				Param: p.Param, Value: p.Value, Cartel: p.Cartel, Strategy: r.Strategy, Agents: r.Agents, Jobs: r.Jobs,
				ProfitPerJobCI95: r.ProfitPerJobCI95, CatchRate: r.CatchRate, WronglySlashed: r.RightSlashDisputeRate,
				Disputed: r.RightDisputed, ReturnOnStake: r.ReturnOnStake,
			}
			if r.RightDisputed > 0 {
				ci := wilson(r.RightSlashed, r.RightDisputed)
				row.WronglySlashedCI95 = &ci
			}
			if r.Jobs > 0 {
				row.ProfitPerJob = tokens(total) / float64(r.Jobs)
			}
			out.Rows = append(out.Rows, row)
		}
	}
	return out
}

// Row finds the row of a strategy at a point (param "" for the baseline).
func (s *Sweep) Row(param, value string, cartel float64, strategy string) (SweepRow, bool) {
	for _, r := range s.Rows {
		if r.Param == param && r.Value == value && r.Cartel == cartel && r.Strategy == strategy {
			return r, true
		}
	}
	return SweepRow{}, false
}

// Axis finds an axis of the sweep by its parameter.
func (s *Sweep) Axis(param string) (SweepAxis, bool) {
	for _, a := range s.Axes {
		if a.Param == param {
			return a, true
		}
	}
	return SweepAxis{}, false
}

// AxisRow is the row of a strategy at an axis's value and a cartel share: the baseline's row
// when the value is the baseline's.
func (s *Sweep) AxisRow(param, value string, cartel float64, strategy string) (SweepRow, bool) {
	if a, ok := s.Axis(param); ok && a.Baseline == value {
		return s.Row("", "", cartel, strategy)
	}
	return s.Row(param, value, cartel, strategy)
}

// WriteTable writes a row per point and strategy.
func (s *Sweep) WriteTable(w io.Writer) error {
	fmt.Fprintf(w, "seed %d, %d jobs per point, %d points; profit in tokens per (agent, job); wrongly slashed: correct results slashed per correct result put to a vote\n\n", s.Seed, s.Jobs, len(s.Points))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "param\tvalue\tf\tstrategy\tjobs\tprofit/job\t95% interval\tcaught\twrongly slashed\treturn on stake\t")
	for _, r := range s.Rows {
		param, value := r.Param, r.Value
		if param == "" {
			param, value = "baseline", "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%.2f\t%s\t%d\t%+.3f\t[%+.3f, %+.3f]\t%s\t%s\t%s\t\n", param, value, r.Cartel, r.Strategy, r.Jobs,
			r.ProfitPerJob, r.ProfitPerJobCI95[0], r.ProfitPerJobCI95[1], percent(r.CatchRate), percent(r.WronglySlashed), percent(r.ReturnOnStake))
	}
	return tw.Flush()
}

func percent(v *float64) string {
	if v == nil || math.IsNaN(*v) {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100**v)
}
