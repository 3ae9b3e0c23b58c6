package cli

import (
	"encoding/json"
	"errors"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/demo"
)

func demoCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:      "demo",
		Usage:     "play Brine's whole story on an embedded chain with four real nodes (make demo)",
		ArgsUsage: " ",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "engine", Value: "auto", EnvVars: []string{"BRINE_DEMO_ENGINE"},
				Usage: "where jobs run: `auto` (Docker when an engine answers, else WASM), docker or wasm [$BRINE_DEMO_ENGINE]"},
		},
		Description: `Starts an embedded go-ethereum dev chain with Brine deployed in a temporary directory,
stakes four providers (ada, bob and cy, honest; mallory, not), starts their four compute nodes
in this process (libp2p on loopback) and a client, and plays five scenes, printing each step
as it happens:

  1. a job runs and settles: the client verifies the result's CID against the on-chain
     commitment, the challenge window passes, the provider is paid;
  2. mallory commits a wrong result; the client challenges; verifiers drawn from the other
     providers (up to three) re-execute and vote by commit-reveal; mallory is slashed;
  3. mallory accepts a job and never commits; the client claims the timeout refund;
  4. a job with three replicas agrees;
  5. a prober probes the nodes for one uptime epoch, posts the Merkle root, and the
     providers claim their rewards.

It ends with every participant's balances before and after (wallet, market credit, stake),
the transaction of every step and an audit of the books, then removes everything it made.
Jobs run in Docker (an image built FROM scratch with the static /bin/busybox of Debian's
busybox-static; nothing is pulled) when a Docker engine answers, else in WASM; the first line
says which. It takes under two minutes. --datadir, --rpc and the account flags are not used.

The story goes to stdout and what it waits for to stderr; with --json the story goes to
stderr and stdout gets the report (amounts in token base units). Component logs go to
stderr at --log-level (default: errors only).

Example:
   brine demo
   brine demo --engine wasm
   brine demo --json > report.json`,
		Action: func(c *cli.Context) error { return demoRun(c, stdio) },
	}
}

func demoRun(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine demo [--engine auto|docker|wasm] [--json]"); err != nil {
		return err
	}
	cfg, err := loadConfig(c, stdio.Getenv)
	if err != nil {
		return err
	}
	engine, err := demo.ParseEngine(c.String("engine"))
	if err != nil {
		return badInput("--engine: %v", err)
	}
	level := "error"
	if _, ok := flagValue(c, keyLogLevel); ok || stdio.Getenv(envName(keyLogLevel)) != "" {
		level = cfg.LogLevel
	}
	if _, err := parseLevel(level); err != nil {
		return badInput("--log-level: %v", err)
	}
	story := stdio.Stdout
	if cfg.JSON {
		story = stdio.Stderr
	}
	rep, err := demo.Run(c.Context, demo.Config{
		Out:      story,
		Progress: stdio.Stderr,
		Engine:   engine,
		Logger:   logger(stdio.Stderr, level),
	})
	if err != nil {
		if errors.Is(err, c.Context.Err()) && c.Context.Err() != nil {
			return errors.New("demo: interrupted; everything it started was stopped and removed")
		}
		return err
	}
	if cfg.JSON {
		enc := json.NewEncoder(stdio.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return nil
}
