package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/sim"
	"github.com/brine-compute/brine/sim/server"
)

func simServeCommand(stdio IO) *cli.Command {
	def := server.DefaultConfig()
	return &cli.Command{
		Name:      "serve",
		Usage:     "serve a running simulation over HTTP for outside agents to attack (the public attack server)",
		ArgsUsage: " ",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "listen", Value: def.Listen, Usage: "`ADDR` to listen on (host:port; port 0 picks a free one)"},
			&cli.DurationFlag{Name: "round", Value: def.Round, Usage: "the longest a round waits for agents before the next block (`DURATION`)"},
			&cli.Uint64Flag{Name: "seed", Value: def.Sim.Seed, Usage: "the simulation's `SEED`"},
			&cli.IntFlag{Name: "jobs", Value: def.Sim.Jobs, Usage: "`N` jobs in the whole run; the server stops advancing once they settle"},
			&cli.IntFlag{Name: "wave", Value: def.Sim.Wave, Usage: "`N` jobs in flight per wave"},
			&cli.IntFlag{Name: "providers", Value: def.Sim.Providers, Usage: "`M` simulated providers"},
			&cli.Float64Flag{Name: "cartel", Value: def.Sim.Cartel, Usage: "share `F` of simulated providers in the simulated cartel"},
			&cli.IntFlag{Name: "max-agents", Value: def.MaxAgents, Usage: "outside agents the server accepts (`N`)"},
			&cli.Float64Flag{Name: "agent-rate", Value: def.AgentRate, Usage: "requests per second per agent (`RATE`; burst twice that)"},
			&cli.IntFlag{Name: "audit-jobs", Value: def.AuditJobs, Usage: "audit the books every `N` settled jobs (between waves) and at the end"},
		},
		Description: `Starts a simulation (as brine sim does: the real contracts on an in-process chain, a seeded
population) and serves it over an HTTP JSON API. Outside clients register agents (provider,
client, challenger) with POST /v1/agents and get a secret bearer token; GET /v1/agent shows
what the agent sees (the wave's jobs with its duties: decline, commit, vote, withhold,
challenge, appeal; its holdings; its notes: draws, slashes, payments, reverted
transactions); POST /v1/actions queues an action for the next round (decline a seat, commit,
vote, withhold a vote's reveal, challenge, appeal, withdraw, or pass: done for this round).
The server seals one block per round, every --round or as soon as every agent has passed,
applying the queued actions through the contracts. The scoreboard of every agent's profit is
at / (HTML) and /v1/scoreboard; the API's OpenAPI 3 document at /openapi.json. The books are
audited between waves every --audit-jobs settled jobs and when the run ends (shown on the page
and in /v1/status); books that do not balance stop the simulation with the reason.

The clients are assumed hostile: bodies are bounded (4 KiB) and strictly decoded, inputs are
validated (400 with the reason), each agent is rate limited and has a bounded action queue
(429), agents are capped (409), a refused or reverted action is reported to its agent and
never stops a round. docs/security.md, "The attack server", says more. It listens on
loopback unless told otherwise; stop it with Ctrl-C.

Example:
   brine sim serve --listen 127.0.0.1:8645 --round 500ms --providers 20
   curl -s -X POST -H 'Content-Type: application/json' -d '{"role":"provider"}' http://127.0.0.1:8645/v1/agents
   curl -s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8645/v1/agent`,
		Action: func(c *cli.Context) error { return simServe(c, stdio) },
	}
}

func simServe(c *cli.Context, stdio IO) error {
	if _, err := args(c, 0, "brine sim serve [--listen ADDR] [--round DURATION]"); err != nil {
		return err
	}
	cfg := server.DefaultConfig()
	cfg.Listen = c.String("listen")
	cfg.Round = c.Duration("round")
	cfg.Sim.Seed = c.Uint64("seed")
	cfg.Sim.Jobs = c.Int("jobs")
	cfg.Sim.Wave = c.Int("wave")
	cfg.Sim.Providers = c.Int("providers")
	cfg.Sim.Cartel = c.Float64("cartel")
	cfg.MaxAgents = c.Int("max-agents")
	cfg.AgentRate = c.Float64("agent-rate")
	cfg.AuditJobs = c.Int("audit-jobs")
	cfg.Logger = slog.New(slog.NewTextHandler(stdio.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if err := cfg.Check(); err != nil {
		return badInput("%v", err)
	}
	srv, err := server.New(c.Context, cfg)
	if err != nil {
		if errors.Is(err, sim.ErrConfig) {
			return badInput("%v", err)
		}
		return err
	}
	if err := srv.Start(c.Context); err != nil {
		return err
	}
	fmt.Fprintf(stdio.Stdout, "brine sim serve: listening on http://%s (scoreboard at /, API at /openapi.json)\n", srv.Addr())
	<-c.Context.Done()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Context), 10*time.Second)
	defer cancel()
	return srv.Stop(ctx)
}
