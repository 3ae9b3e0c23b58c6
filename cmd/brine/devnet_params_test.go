package main_test

import (
	"encoding/json"
	"os"
	"testing"
)

// `brine devnet` takes the protocol parameters `brine deploy` takes, and the deployment it
// writes carries them; a bad one is refused before anything starts.
func TestDevnetProtocolParameters(t *testing.T) {
	n := launch(t, "--period", "0", "--verifiers", "5", "--epoch-length", "20s", "--fee-bps", "250", "--min-stake", "12.5")
	raw, err := os.ReadFile(n.info.Deployment)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Params struct {
			MinStake    string `json:"minStake"`
			EpochLength uint64 `json:"epochLengthSeconds"`
			Market      struct {
				FeeBps    int `json:"feeBps"`
				Verifiers int `json:"verifiers"`
			} `json:"market"`
		} `json:"params"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	p := f.Params
	if p.MinStake != "12500000000000000000" || p.EpochLength != 20 || p.Market.FeeBps != 250 || p.Market.Verifiers != 5 {
		t.Fatalf("devnet deployed with %+v", p)
	}
	r := brine(t, nil, "devnet", "--datadir", t.TempDir(), "--verifiers", "4")
	if r.code != 2 || r.stderr == "" {
		t.Fatalf("devnet with an even verifier count: exit %d, %q", r.code, r.stderr)
	}
}
