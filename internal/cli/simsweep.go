package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/sim"
	"github.com/brine-compute/brine/sim/figures"
)

func simSweepCommand(stdio IO) *cli.Command {
	def := sim.DefaultSweepConfig()
	flags := []cli.Flag{
		&cli.Uint64Flag{Name: "seed", Value: def.Seed, Usage: "the sweep's `SEED`: each point's seed is derived from it and the point"},
		&cli.IntFlag{Name: "jobs", Value: def.Base.Jobs, Usage: "`N` jobs per point"},
		&cli.IntFlag{Name: "providers", Value: def.Base.Providers, Usage: "`M` providers in every point"},
		&cli.StringFlag{Name: "cartels", Value: joinFloats(def.Cartels), Usage: "the cartel shares `F,F,...` every point is run at"},
		&cli.StringFlag{Name: "vary", Usage: "the parameters to sweep, `NAME,NAME,...` or none (default: those whose values are given below, else all but fee)"},
		&cli.IntFlag{Name: "parallel", Usage: "`P` points at once, each on its own chain (default GOMAXPROCS)"},
		&cli.StringFlag{Name: "plots", Usage: "write SVG figures into `DIR`"},
	}
	var names []string
	for _, p := range sim.SweepParams() {
		names = append(names, p[0])
		values := "0,100,500" // fee: swept only when asked for
		for _, a := range def.Axes {
			if a.Param == p[0] {
				values = strings.Join(a.Values, ",")
			}
		}
		flags = append(flags, &cli.StringFlag{Name: p[0], Value: values, Usage: "values `V,V,...` of the " + p[1]})
	}
	return &cli.Command{
		Name:      "sweep",
		Usage:     "run brine sim over a grid: the cartel's share times one protocol parameter at a time",
		ArgsUsage: " ",
		Flags:     flags,
		Description: `Runs brine sim's default population at every point of a grid and prints a row per point and
strategy: profit per job (mean and 95% interval, tokens), how often its wrong results were
caught, how often its correct results were slashed when put to a vote (a challenge, or replicas
that disagreed), and return on stake. The baseline (deploy's dev parameters: K = 3, 10-token
bond, 20-token collateral on 10-token jobs, the market's minimum ratio of twice the pay, 5-token
verifier collateral, 50%/30% of slashed collateral to the challenger/verifiers, N = 3) is run at
every cartel share; then each parameter of --vary is moved off the baseline, one at a time, and
run at every cartel share (collateral moves the market's minimum ratio with it). Parameters: ` + strings.Join(names, ", ") + `.

Points run in parallel, each on its own chain; each point's seed is derived from --seed and
the point, so the output does not depend on --parallel: same flags, same bytes. Progress goes
to stderr. --plots DIR writes profit.svg, wrongly-slashed.svg and param-NAME.svg (see
docs/security.md).

Example:
   brine sim sweep --jobs 1000 --plots docs/security --json > sweep.json
   brine sim sweep --vary k --k 1,3,5,7,9 --cartels 0,0.2,0.33 --jobs 300
   brine sim sweep --vary none --cartels 0,0.1,0.2,0.3,0.4,0.45`,
		Action: func(c *cli.Context) error { return simSweep(c, stdio) },
	}
}

func simSweep(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine sim sweep [--jobs N] [--cartels F,...] [--vary NAME,...] [--NAME V,...] [--plots DIR] [--json]"); err != nil {
		return err
	}
	cfg, err := loadConfig(c, stdio.Getenv)
	if err != nil {
		return err
	}
	sc := sim.DefaultSweepConfig()
	sc.Seed = c.Uint64("seed")
	sc.Base.Jobs = c.Int("jobs")
	sc.Base.Providers = c.Int("providers")
	sc.Parallel = c.Int("parallel")
	if sc.Cartels, err = parseFloats(c.String("cartels")); err != nil {
		return badInput("--cartels: %v", err)
	}
	if sc.Axes, err = sweepAxes(c); err != nil {
		return err
	}
	points, err := sc.Points()
	if err != nil {
		return badInput("%v", err)
	}
	start := time.Now()
	fmt.Fprintf(stdio.Stderr, "sim sweep: %d points of %d jobs\n", len(points), sc.Base.Jobs)
	sc.Progress = func(done, total int, p sim.Point, took time.Duration) {
		fmt.Fprintf(stdio.Stderr, "sim sweep: %d/%d %s in %s (%s so far)\n", done, total, p, took.Round(100*time.Millisecond), time.Since(start).Round(time.Second))
	}
	out, err := sim.RunSweep(c.Context, sc)
	if err != nil {
		if errors.Is(err, sim.ErrConfig) {
			return badInput("%v", err)
		}
		return err
	}
	fmt.Fprintf(stdio.Stderr, "sim sweep: done in %s, every point's books balanced\n", time.Since(start).Round(time.Second))
	if dir := c.String("plots"); dir != "" {
		files, err := figures.Write(dir, out)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdio.Stderr, "sim sweep: wrote %s\n", strings.Join(files, ", "))
	}
	if cfg.JSON {
		enc := json.NewEncoder(stdio.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	return out.WriteTable(stdio.Stdout)
}

// sweepAxes reads --vary and the parameters' value flags: --vary names the axes; without it,
// the parameters whose values were given are, or all when none was.
func sweepAxes(c *cli.Context) ([]sim.Axis, error) {
	var vary []string
	for _, p := range sim.SweepParams() {
		if c.IsSet(p[0]) {
			vary = append(vary, p[0])
		}
	}
	if c.IsSet("vary") {
		vary = nil
		if v := strings.TrimSpace(c.String("vary")); v != "none" {
			for _, name := range strings.Split(v, ",") {
				name = strings.TrimSpace(name)
				if !isSweepParam(name) {
					return nil, badInput("--vary: no parameter %q to sweep (want none or some of %s)", name, strings.Join(sweepParamNames(), ", "))
				}
				vary = append(vary, name)
			}
		}
	} else if len(vary) == 0 {
		for _, a := range sim.DefaultAxes() {
			vary = append(vary, a.Param)
		}
	}
	var axes []sim.Axis
	for _, name := range vary {
		values := strings.Split(c.String(name), ",")
		for i := range values {
			values[i] = strings.TrimSpace(values[i])
		}
		axes = append(axes, sim.Axis{Param: name, Values: values})
	}
	return axes, nil
}

func sweepParamNames() []string {
	var out []string
	for _, p := range sim.SweepParams() {
		out = append(out, p[0])
	}
	return out
}

func isSweepParam(name string) bool {
	for _, n := range sweepParamNames() {
		if n == name {
			return true
		}
	}
	return false
}

func parseFloats(s string) ([]float64, error) {
	var out []float64
	for _, part := range strings.Split(s, ",") {
		f, err := strconv.ParseFloat(strings.TrimSpace(part), 64)
		if err != nil {
			return nil, fmt.Errorf("%q: want numbers separated by commas", s)
		}
		out = append(out, f)
	}
	return out, nil
}

func joinFloats(fs []float64) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strings.Join(parts, ",")
}
