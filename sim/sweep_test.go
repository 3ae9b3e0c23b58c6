package sim

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/brine-compute/brine/deploy"
)

// Check refuses every protocol the contracts would refuse at deployment, and what a run
// could not play.
func TestProtocolCheck(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Config)
	}{
		{"K zero", func(c *Config) { c.Protocol.Verifiers = 0 }},
		{"K even", func(c *Config) { c.Protocol.Verifiers = 4 }},
		{"K above MAX_VERIFIERS", func(c *Config) { c.Protocol.Verifiers = 17 }},
		{"fee above MAX_FEE_BPS", func(c *Config) { c.Protocol.FeeBps = 1001 }},
		{"fee negative", func(c *Config) { c.Protocol.FeeBps = -1 }},
		{"rewards above 100%", func(c *Config) { c.Protocol.ChallengerRewardBps, c.Protocol.VerifierRewardBps = 7000, 3001 }},
		{"reward negative", func(c *Config) { c.Protocol.VerifierRewardBps = -1 }},
		{"bond zero", func(c *Config) { c.Protocol.ChallengeBond = new(big.Int) }},
		{"bond nil", func(c *Config) { c.Protocol.ChallengeBond = nil }},
		{"bond above uint96", func(c *Config) { c.Protocol.ChallengeBond = new(big.Int).Lsh(big.NewInt(1), 96) }},
		{"verifier collateral zero", func(c *Config) { c.Protocol.VerifierCollateral = new(big.Int) }},
		{"min collateral zero", func(c *Config) { c.Protocol.MinCollateral = new(big.Int) }},
		{"min stake zero", func(c *Config) { c.Protocol.MinStake = new(big.Int) }},
		{"collateral below the minimum", func(c *Config) { c.Protocol.MinCollateral = new(big.Int).Add(c.Collateral, big.NewInt(1)) }},
		{"min collateral ratio negative", func(c *Config) { c.Protocol.MinCollateralBps = -1 }},
		{"min collateral ratio above MAX_COLLATERAL_BPS", func(c *Config) { c.Protocol.MinCollateralBps = 100_001 }},
		{"collateral below the ratio", func(c *Config) { c.Collateral = new(big.Int).Sub(c.Collateral, big.NewInt(1)) }},
		{"collateral above the smallest stake", func(c *Config) { c.Collateral = deploy.Token(201) }},
		{"replicas above MAX_REPLICAS", func(c *Config) { c.Replicas = 10 }},
		{"K and replicas above the providers", func(c *Config) { c.Providers, c.Protocol.Verifiers, c.Replicas = 10, 9, 2 }},
		{"zero protocol", func(c *Config) { c.Protocol = Protocol{} }},
	} {
		cfg := DefaultConfig()
		tc.change(&cfg)
		if err := cfg.Check(); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: Check() = %v, want ErrConfig", tc.name, err)
		}
	}
	for _, tc := range []struct {
		name   string
		change func(*Config)
	}{
		{"K = 1", func(c *Config) { c.Protocol.Verifiers = 1 }},
		{"K = 15", func(c *Config) { c.Protocol.Verifiers = 15 }},
		{"rewards at 100%", func(c *Config) { c.Protocol.ChallengerRewardBps, c.Protocol.VerifierRewardBps = 7000, 3000 }},
		{"no fee", func(c *Config) { c.Protocol.FeeBps = 0 }},
		{"fee at the bound", func(c *Config) { c.Protocol.FeeBps = 1000 }},
		{"collateral at the minimum", func(c *Config) { c.Collateral, c.Protocol.MinCollateralBps = deploy.Token(1), 1000 }},
		{"collateral at the ratio", func(c *Config) { c.Collateral = c.Protocol.ratioMinimum(c.Payment, 1) }},
		{"replicas 9", func(c *Config) { c.Replicas = 9 }},
	} {
		cfg := DefaultConfig()
		tc.change(&cfg)
		if err := cfg.Check(); err != nil {
			t.Errorf("%s: Check() = %v, want nil", tc.name, err)
		}
	}
}

// The protocol a run is given is the one the market is deployed with.
func TestRunDeploysTheProtocol(t *testing.T) {
	t.Parallel()
	cfg := tinyConfig(12)
	cfg.Protocol.Verifiers = 5
	cfg.Protocol.ChallengeBond = deploy.Token(7)
	cfg.Protocol.VerifierCollateral = deploy.Token(2)
	cfg.Protocol.FeeBps = 250
	cfg.Protocol.ChallengerRewardBps, cfg.Protocol.VerifierRewardBps = 4000, 6000
	cfg.Protocol.MinCollateralBps = 15_000
	rep := run(t, cfg)
	p := rep.Params
	if p.Verifiers != 5 || p.ChallengeBond != deploy.Token(7).String() || p.VerifierCollateral != deploy.Token(2).String() ||
		p.FeeBps != 250 || p.ChallengerRewardBps != 4000 || p.VerifierRewardBps != 6000 || p.MinCollateralBps != 15_000 {
		t.Fatalf("deployed params %+v", p)
	}
}

// The sweep's collateral axis moves the market's minimum ratio with the collateral, so every
// value is a market that enforces it (and values under the baseline's ratio can be posted).
func TestCollateralAxisMovesTheRatio(t *testing.T) {
	p, ok := findParam("collateral")
	if !ok {
		t.Fatal("no collateral parameter")
	}
	for _, tc := range []struct {
		value string
		bps   int
	}{{"1", 1000}, {"5", 5000}, {"20", 20_000}, {"0.000000000000000001", 0}, {"150", maxRatioBps}} {
		cfg := DefaultConfig()
		if err := p.set(&cfg, tc.value); err != nil {
			t.Fatalf("collateral %s: %v", tc.value, err)
		}
		if cfg.Protocol.MinCollateralBps != tc.bps {
			t.Errorf("collateral %s: ratio %d bps, want %d", tc.value, cfg.Protocol.MinCollateralBps, tc.bps)
		}
		if least := cfg.Protocol.ratioMinimum(cfg.Payment, 1); cfg.Collateral.Cmp(least) < 0 {
			t.Errorf("collateral %s is under the ratio's minimum %s", tc.value, least)
		}
	}
}

// tinyConfig is a population small enough for a sweep to run in seconds.
func tinyConfig(jobs int) Config {
	c := DefaultConfig()
	c.Jobs = jobs
	c.Providers = 20
	c.Clients = 4
	c.Wave = jobs
	c.Grief = 0.3
	c.CartelChallenge = 0.5
	return c
}

func tinySweep() SweepConfig {
	return SweepConfig{
		Seed:    5,
		Base:    tinyConfig(16),
		Cartels: []float64{0, 0.3},
		Axes:    []Axis{{Param: "k", Values: []string{"1", "3"}}, {Param: "bond", Values: []string{"10.0", "2.5"}}},
	}
}

func TestSweepPoints(t *testing.T) {
	ps, err := tinySweep().Points()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	seeds := map[uint64]bool{}
	for _, p := range ps {
		names = append(names, p.String())
		seeds[p.Seed] = true
	}
	// K = 3 and a 10-token bond are the baseline's: their points are the baseline's.
	want := "f=0 f=0.3 k=1 f=0 k=1 f=0.3 bond=2.5 f=0 bond=2.5 f=0.3"
	if got := strings.Join(names, " "); got != want {
		t.Fatalf("points %q, want %q", got, want)
	}
	if len(seeds) != len(ps) {
		t.Fatalf("points share seeds: %v", ps)
	}
	again, _ := tinySweep().Points()
	other := tinySweep()
	other.Seed++
	moved, _ := other.Points()
	if again[3].Seed != ps[3].Seed || moved[3].Seed == ps[3].Seed {
		t.Fatalf("point seeds: %d, again %d, another sweep seed %d", ps[3].Seed, again[3].Seed, moved[3].Seed)
	}

	for _, tc := range []struct {
		name   string
		change func(*SweepConfig)
	}{
		{"unknown parameter", func(s *SweepConfig) { s.Axes[0].Param = "quorum" }},
		{"parameter twice", func(s *SweepConfig) { s.Axes[1].Param = "k" }},
		{"no values", func(s *SweepConfig) { s.Axes[0].Values = nil }},
		{"value twice", func(s *SweepConfig) { s.Axes[1].Values = []string{"2.5", "2.50"} }},
		{"K even", func(s *SweepConfig) { s.Axes[0].Values = []string{"2"} }},
		{"K not a number", func(s *SweepConfig) { s.Axes[0].Values = []string{"three"} }},
		{"bond zero", func(s *SweepConfig) { s.Axes[1].Values = []string{"0"} }},
		{"bond negative", func(s *SweepConfig) { s.Axes[1].Values = []string{"-1"} }},
		{"no cartel shares", func(s *SweepConfig) { s.Cartels = nil }},
		{"cartel share too large", func(s *SweepConfig) { s.Cartels = []float64{0.95} }},
		{"cartel share twice", func(s *SweepConfig) { s.Cartels = []float64{0.1, 0.1} }},
		{"bad baseline", func(s *SweepConfig) { s.Base.Jobs = 0 }},
		{"parallel negative", func(s *SweepConfig) { s.Parallel = -1 }},
	} {
		s := tinySweep()
		tc.change(&s)
		if _, err := s.Points(); !errors.Is(err, ErrConfig) {
			t.Errorf("%s: Points() = %v, want ErrConfig", tc.name, err)
		}
	}
	if _, err := DefaultSweepConfig().Points(); err != nil {
		t.Fatalf("default sweep: %v", err)
	}
}

// A sweep has a row per point and strategy, in the grid's order, and the same grid gives the
// same bytes however many points run at once.
func TestSweepShapeAndDeterminism(t *testing.T) {
	t.Parallel()
	s := tinySweep()
	s.Parallel = 1
	var progress []string
	s.Progress = func(done, total int, p Point, _ time.Duration) { progress = append(progress, p.String()) }
	a := runSweep(t, s)
	if len(progress) != 6 {
		t.Errorf("progress: %v", progress)
	}
	if len(a.Points) != 6 || len(a.Axes) != 2 || a.Axes[0].Baseline != "3" || a.Axes[1].Baseline != "10" {
		t.Fatalf("points %d, axes %+v", len(a.Points), a.Axes)
	}
	if got := strings.Join(a.Axes[1].Values, ","); got != "10,2.5" {
		t.Errorf("bond values %q", got)
	}
	for _, p := range a.Points {
		n := 0
		for _, r := range a.Rows {
			if r.Param == p.Param && r.Value == p.Value && r.Cartel == p.Cartel {
				n++
			}
		}
		want := 6 // honest, lazy, lazy-verifier, withholder, honest-client, griefer
		if p.Cartel > 0 {
			want++
		}
		if n != want {
			t.Errorf("point %s: %d rows, want %d", p.Point, n, want)
		}
	}
	if r, ok := a.AxisRow("k", "3", 0.3, "cartel"); !ok || r.Param != "" || r.Jobs == 0 {
		t.Errorf("the baseline's cartel row at K = 3: %+v %v", r, ok)
	}
	if r, ok := a.AxisRow("k", "1", 0.3, "honest"); !ok || r.Param != "k" || r.WronglySlashed == nil {
		t.Errorf("the honest row at K = 1: %+v %v", r, ok)
	}
	s.Parallel = 3
	s.Progress = nil
	b := runSweep(t, s)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Fatalf("same sweep, different bytes with 1 and 3 points at once:\n%s\n%s", ja, jb)
	}
	var table bytes.Buffer
	if err := a.WriteTable(&table); err != nil || !strings.Contains(table.String(), "baseline") || !strings.Contains(table.String(), "bond") {
		t.Errorf("table (%v):\n%s", err, table.String())
	}
}

func runSweep(t *testing.T, s SweepConfig) *Sweep {
	t.Helper()
	out, err := RunSweep(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
