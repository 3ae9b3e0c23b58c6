// Command gasreport measures the gas every Brine protocol path costs and checks it against the
// budgets of the gas issue. It is what `make gas` runs.
//
// Each path runs as its own scenario on a fresh simulated chain (internal/simchain: go-ethereum's
// simulated backend with devnet.ChainConfig, mainnet's Osaka gas schedule), in steady state
// unless its name says "first": the same accounts ran a warm-up first, as on a busy network.
// The figures are the
// gasUsed of the transactions' receipts (exact, after refunds, including the 21,000 base and
// calldata), never timings or estimates. A live tracer splits each transaction's gas into
// buckets (calldata, the called contract's storage, events and hashing, calls into the token
// and the registry, refunds) for the "Where the gas goes" section; the buckets must add up to
// each receipt or the run fails.
//
// Everything that reaches calldata is fixed (keys, chain clock, spec hashes, CIDs, salts) and
// verifier draws are re-mined until they take exactly K attempts, so two runs print the same
// numbers.
//
// Output: one JSON line per path on stdout, {"path":"happy","txs":5,"gas":G} (batch paths add
// "perJob"), and with -out a Markdown report (docs/gas.md) with its figure beside it
// (docs/gas/per-job.svg: gas per job, Brine beside the floor and the peers). Exit status: 0 when every path ran
// and every target holds; 1 when a transaction reverted or the run failed (no report written);
// 2 when a target was missed (the report is still written, marked FAIL). `go run` turns both
// into status 1, so `make gas` fails either way.
//
// Usage:
//
//	go run ./cmd/gasreport [-out docs/gas.md] [-only happy,withdraw]
package main

import (
	"crypto/rand"
	"encoding/json"
	"flag"
	"fmt"
	mathrand "math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// jsonLine is what stdout carries per path.
type jsonLine struct {
	Path   string `json:"path"`
	Txs    int    `json:"txs"`
	Gas    uint64 `json:"gas"`
	PerJob uint64 `json:"perJob,omitempty"`
}

// fixedRandom replaces crypto/rand's reader for this process. go-ethereum's simulated beacon
// draws each block's prevrandao from crypto/rand, so block hashes, and with them the appeal's
// final 41-seat draw (which candidates repeat, how far each duplicate check scans), changed
// from run to run and moved challenge_appealed by ~14,000 gas. Nothing here needs secrecy (the
// keys are fixed too); a fixed stream makes every hash, and every figure, repeat.
func fixedRandom() {
	var seed [32]byte
	copy(seed[:], "brine/gasreport/prevrandao")
	rand.Reader = mathrand.NewChaCha8(seed)
}

func main() {
	fixedRandom()
	out := flag.String("out", "", "write the Markdown report to this file (e.g. docs/gas.md)")
	only := flag.String("only", "", "comma-separated paths to run (default: all; -out needs all)")
	flag.Parse()

	want := map[string]bool{}
	for _, n := range strings.Split(*only, ",") {
		if n = strings.TrimSpace(n); n != "" {
			want[n] = true
		}
	}
	if len(want) > 0 && *out != "" {
		fatal("-out needs every path: drop -only")
	}
	filter := len(want) > 0
	var paths, dev []path
	all := scenarios()
	nmain := len(all)
	all = append(all, gethDevScenarios()...)
	for i, s := range all {
		if filter && !want[s.name] {
			continue
		}
		delete(want, s.name)
		p, err := s.run()
		if err != nil {
			fatal("path %s: %v", s.name, err)
		}
		if i < nmain {
			paths = append(paths, p)
		} else {
			dev = append(dev, p)
		}
		line := jsonLine{Path: p.Name, Txs: len(p.Steps), Gas: p.Gas()}
		if p.Jobs > 0 {
			line.PerJob = p.PerJob()
		}
		b, _ := json.Marshal(line)
		fmt.Println(string(b))
	}
	for n := range want {
		fatal("unknown path %q", n)
	}

	if *out != "" {
		md, fig, err := report(paths, dev)
		if err != nil {
			fatal("%v", err)
		}
		svg, err := perJobFigure(fig)
		if err != nil {
			fatal("%v", err)
		}
		figPath := filepath.Join(filepath.Dir(*out), filepath.FromSlash(figureFile))
		if err := os.MkdirAll(filepath.Dir(figPath), 0o755); err != nil {
			fatal("%v", err)
		}
		if err := os.WriteFile(figPath, svg, 0o644); err != nil {
			fatal("%v", err)
		}
		if err := os.WriteFile(*out, []byte(md), 0o644); err != nil {
			fatal("%v", err)
		}
		fmt.Fprintf(os.Stderr, "gasreport: wrote %s and %s\n", *out, figPath)
	}

	missed := false
	for _, p := range paths {
		if p.Target > 0 && p.Measured() > p.Target {
			missed = true
			what := "gas"
			if p.Jobs > 0 {
				what = "gas per job"
			}
			fmt.Fprintf(os.Stderr, "gasreport: TARGET MISSED: %s: %s %s > target %s\n", p.Name, what, num(p.Measured()), num(p.Target))
		}
	}
	if missed {
		os.Exit(2)
	}
}

func fatal(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "gasreport: "+format+"\n", args...)
	os.Exit(1)
}
