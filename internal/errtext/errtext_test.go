package errtext

import "testing"

func TestFlaws(t *testing.T) {
	tests := []struct {
		msg string
		bad bool
	}{
		{"job 27: job 27: unknown job", true},
		{"reclaim job 3: reclaim job 3: job is not in the right state for this", true},
		{"reclaim job 3: send: reclaim job 3: reverted", true},
		{"job 27: unknown job: job 27 (no JobPosted up to block 9)", true},
		{"unknown job: job 27 (no JobPosted up to block 9)", false},
		{"job 27: no provider accepted it: reclaim it with 'brine job reclaim 27'", false},
		{"invalid job spec: JSON: json: cannot unmarshal number into Go struct field wireSpec.engine of type string", true},
		{"line 1: cannot unmarshal !!seq into jobspec.wireSpec", true},
		{"cannot use *big.Int", true},
		{"want map[string]string", true},
		{"got []string", true},
		{"value struct { A int }", true},
		{"settlement.JobID out of range", true},
		{"reclaim job 3: job is not in the right state for this (it is committed)", false},
		{"invalid job spec: line 2: inputs[0]: want an input, got the string \"x\"", false},
		{"no deployment file at /tmp/x/deployment.json", false},
		{"\"0x1234\" is not an address", false},
		{"too many decimal places: 1.0000000000000000001 (e.g. 1.5)", false},
		{"env.BRINE_JOB uses the reserved prefix BRINE_", false},
		{"resources is required: cpu\nresources.cpu is required: cores", false},
		{"p2p: fetch spec 0xab from 12D3Koo: p2p: peer answered not found", false},
	}
	for _, tt := range tests {
		if got := Flaws(tt.msg); (len(got) > 0) != tt.bad {
			t.Errorf("Flaws(%q) = %q, want flawed %v", tt.msg, got, tt.bad)
		}
	}
}
