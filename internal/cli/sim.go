package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/sim"
)

func simCommand(stdio IO) *cli.Command {
	def := sim.DefaultConfig()
	return &cli.Command{
		Name:      "sim",
		Usage:     "simulate a population of honest and cheating agents on the real contracts and measure who profits",
		ArgsUsage: " ",
		Flags: []cli.Flag{
			&cli.Uint64Flag{Name: "seed", Value: def.Seed, Usage: "the run's `SEED`: the same seed and flags give the same report"},
			&cli.IntFlag{Name: "jobs", Value: def.Jobs, Usage: "`N` jobs posted in the run"},
			&cli.Float64Flag{Name: "cartel", Value: def.Cartel, Usage: "share `F` (0..0.9) of providers in the cartel"},
			&cli.StringFlag{Name: "cartel-by", Value: def.CartelBy, Usage: "cartel share counted by `count` of providers or by stake"},
			&cli.IntFlag{Name: "providers", Value: def.Providers, Usage: "`M` providers, each staked through the contracts"},
		}, // prepare adds the global flags: sim runs by itself beside its subcommands
		Description: `Starts an in-process go-ethereum chain on mainnet rules, deploys Brine's contracts, funds
and stakes M providers, and plays N jobs through the contracts' bindings: clients post jobs
(a fifth with three replicas), providers commit results, clients and challengers challenge,
verifiers are drawn by the market and vote by commit-reveal, jobs are slashed or paid. Every
agent plays a strategy:

  honest          computes, votes what it computed
  lazy            commits a made-up result half the time (a tenth of providers)
  lazy-verifier   votes the provider's public result without re-executing (a tenth)
  withholder      commits the right result, never serves it (one in twenty)
  cartel          a share F of providers: all commit the same wrong result, vote for it, and
                  challenge a quarter of other providers' results to farm slashes
  honest-client   challenges a wrong result of its own job nine times in ten
  griefer         challenges 2% of correct results

It prints a row per strategy: profit per job (mean in tokens and its 95% interval), return on
stake, wrong results and how many were caught, correct results slashed anyway, verifier seats
slashed, challenges won and lost; then how often the cartel held a verifier panel's majority
against the closed form. The run fails if the books of docs/protocol.md do not balance.
Everything is seeded: the chain's time and block hashes (and so the verifier draws) come from
--seed, never the wall clock. Progress goes to stderr. docs/security.md shows what it models.

Example:
   brine sim --seed 7 --jobs 2000 --cartel 0.33
   brine sim --cartel 0.2 --cartel-by stake --json > run.json
   brine sim sweep --jobs 500 --plots docs/security   # a grid of runs: see brine sim sweep --help`,
		Action:      func(c *cli.Context) error { return simRun(c, stdio) },
		Subcommands: []*cli.Command{simSweepCommand(stdio), simServeCommand(stdio)},
	}
}

func simRun(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine sim [--seed S] [--jobs N] [--cartel F] [--json]"); err != nil {
		return err
	}
	cfg, err := loadConfig(c, stdio.Getenv)
	if err != nil {
		return err
	}
	sc := sim.DefaultConfig()
	sc.Seed = c.Uint64("seed")
	sc.Jobs = c.Int("jobs")
	sc.Cartel = c.Float64("cartel")
	sc.CartelBy = c.String("cartel-by")
	sc.Providers = c.Int("providers")
	if err := sc.Check(); err != nil {
		return badInput("%v", err)
	}
	start := time.Now()
	sc.Progress = func(done, total int) {
		fmt.Fprintf(stdio.Stderr, "sim: %d/%d jobs (%s)\n", done, total, time.Since(start).Round(100*time.Millisecond))
	}
	rep, err := sim.Run(c.Context, sc)
	if err != nil {
		if errors.Is(err, sim.ErrConfig) {
			return badInput("%v", err)
		}
		return err
	}
	el := time.Since(start)
	fmt.Fprintf(stdio.Stderr, "sim: done in %s: %d transactions (%.0f/s), books balanced\n",
		el.Round(100*time.Millisecond), rep.Chain.Transactions, float64(rep.Chain.Transactions)/el.Seconds())
	if cfg.JSON {
		enc := json.NewEncoder(stdio.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return rep.WriteTable(stdio.Stdout)
}
