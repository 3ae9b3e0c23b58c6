package main_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// `brine devnet` takes the protocol parameters `brine deploy` takes, and the deployment it
// writes carries them; a bad one is refused before anything starts.
func TestDevnetProtocolParameters(t *testing.T) {
	n := launch(t, "--period", "0", "--verifiers", "5", "--epoch-length", "20s", "--fee-bps", "250", "--min-stake", "12.5", "--min-collateral-bps", "15000")
	raw, err := os.ReadFile(n.info.Deployment)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Params struct {
			MinStake    string `json:"minStake"`
			EpochLength uint64 `json:"epochLengthSeconds"`
			Market      struct {
				FeeBps           int `json:"feeBps"`
				Verifiers        int `json:"verifiers"`
				MinCollateralBps int `json:"minCollateralBps"`
			} `json:"market"`
		} `json:"params"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	p := f.Params
	if p.MinStake != "12500000000000000000" || p.EpochLength != 20 || p.Market.FeeBps != 250 || p.Market.Verifiers != 5 ||
		p.Market.MinCollateralBps != 15000 {
		t.Fatalf("devnet deployed with %+v", p)
	}
	r := brine(t, nil, "devnet", "--datadir", t.TempDir(), "--verifiers", "4")
	if r.code != 2 || r.stderr == "" {
		t.Fatalf("devnet with an even verifier count: exit %d, %q", r.code, r.stderr)
	}
	r = brine(t, nil, "devnet", "--datadir", t.TempDir(), "--min-collateral-bps", "0")
	if r.code != 2 || !strings.Contains(r.stderr, "minimum collateral ratio") {
		t.Fatalf("devnet without a minimum collateral ratio: exit %d, %q", r.code, r.stderr)
	}
}
