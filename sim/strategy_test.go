package sim

import (
	"math/rand/v2"
	"testing"
)

// TestOutvotedRight: a replica challenges the job's committed result exactly when it revealed
// the true result and the round's majority committed another; the cartel's members never
// challenge a job one of them runs.
func TestOutvotedRight(t *testing.T) {
	var spec [32]byte
	spec[0] = 7
	truth, wrong := TrueResult(spec), cartelResult(spec)
	rng := rand.New(rand.NewPCG(1, 2))
	cases := []struct {
		name           string
		own, committed []byte
		want           bool
	}{
		{"outvoted on the true result", truth, wrong, true},
		{"in the majority", truth, truth, false},
		{"outvoted on a wrong result", wrong, truth, false},
		{"two wrong results", lazyResult(spec, [20]byte{1}), wrong, false},
		{"not a replica (N = 1)", nil, wrong, false},
		{"nothing committed yet", truth, nil, false},
	}
	for _, tc := range cases {
		v := View{Spec: spec, Truth: truth, Committed: tc.committed, Own: tc.own, rng: rng}
		if got := v.OutvotedRight(); got != tc.want {
			t.Errorf("%s: OutvotedRight = %v, want %v", tc.name, got, tc.want)
		}
		for _, s := range []Strategy{Honest{}, Lazy{P: 0.5}, LazyVerifier{}, Withholder{}} {
			if got := s.Challenge(v); got != tc.want {
				t.Errorf("%s: %s challenges = %v, want %v", tc.name, s.Name(), got, tc.want)
			}
		}
	}
}
