package node

import (
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/settlement"
)

// accounts returns n distinct addresses.
func accounts(n int) []common.Address {
	out := make([]common.Address, n)
	for i := range out {
		out[i] = common.BytesToAddress([]byte{0xb1, byte(i + 1)})
	}
	return out
}

// TestRankGivesEveryCandidateItsOwnTurn: the candidates of a job take turns 0..n-1, each
// exactly once, the same whatever order they are listed in (every node computes the same
// turns), and a node that is not a candidate comes after them all.
func TestRankGivesEveryCandidateItsOwnTurn(t *testing.T) {
	cands := accounts(5)
	reversed := slices.Clone(cands)
	slices.Reverse(reversed)
	for id := settlement.JobID(1); id <= 20; id++ {
		var turns []int
		for _, a := range cands {
			r := rank(id, a, common.Address{}, cands)
			if again := rank(id, a, common.Address{}, append(reversed, a)); again != r {
				t.Fatalf("job %d, %s: turn %d listed one way, %d another (or with a duplicate)", id, a, r, again)
			}
			turns = append(turns, r)
		}
		slices.Sort(turns)
		if !slices.Equal(turns, []int{0, 1, 2, 3, 4}) {
			t.Fatalf("job %d: turns %v, want each of 0..4 once", id, turns)
		}
		if r := rank(id, common.HexToAddress("0xdead"), common.Address{}, cands); r != 5 {
			t.Errorf("job %d: a non-candidate has turn %d, want 5", id, r)
		}
	}
}

// TestRankSpreadsTheFirstTurn: over many jobs each of the candidates goes first some of the
// time, so no node always pays for the step.
func TestRankSpreadsTheFirstTurn(t *testing.T) {
	cands := accounts(4)
	first := map[common.Address]int{}
	for id := settlement.JobID(1); id <= 400; id++ {
		for _, a := range cands {
			if rank(id, a, common.Address{}, cands) == 0 {
				first[a]++
			}
		}
	}
	for _, a := range cands {
		// Each would go first 100 times of 400 if the order were uniform; 50 is far outside
		// the binomial spread (standard deviation ~8.7).
		if first[a] < 50 {
			t.Errorf("%s goes first in %d of 400 jobs: %v", a, first[a], first)
		}
	}
}

// TestRankFirstGoesFirst: the party responsible for a step has turn 0 and the others follow
// it in their usual order, one turn later.
func TestRankFirstGoesFirst(t *testing.T) {
	cands := accounts(4)
	const id = settlement.JobID(7)
	owner := cands[2]
	if r := rank(id, owner, owner, cands); r != 0 {
		t.Fatalf("the responsible party has turn %d, want 0", r)
	}
	others := slices.Delete(slices.Clone(cands), 2, 3)
	for _, a := range others {
		if got, want := rank(id, a, owner, cands), rank(id, a, common.Address{}, others)+1; got != want {
			t.Errorf("%s: turn %d, want %d", a, got, want)
		}
	}
}

func TestStagger(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	const d = 3 * time.Second
	for _, tc := range []struct {
		name     string
		rank     int
		delay    time.Duration
		deadline time.Time
		want     time.Duration
	}{
		{"first turn sends at once", 0, d, time.Time{}, 0},
		{"one turn per rank", 1, d, time.Time{}, 3 * time.Second},
		{"two turns", 2, d, time.Time{}, 6 * time.Second},
		{"capped at maxTurns", 50, d, time.Time{}, maxTurns * d},
		{"capped at half the time left", 3, d, now.Add(10 * time.Second), 5 * time.Second},
		{"far deadline does not cap", 2, d, now.Add(time.Hour), 6 * time.Second},
		{"deadline passed: no wait", 2, d, now.Add(-time.Second), 0},
		{"deadline now: no wait", 2, d, now, 0},
		{"no delay: stagger off", 3, 0, time.Time{}, 0},
		{"negative delay: stagger off", 3, -time.Second, time.Time{}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := stagger(tc.rank, tc.delay, now, tc.deadline); got != tc.want {
				t.Errorf("stagger(%d, %s, deadline %s) = %s, want %s", tc.rank, tc.delay, tc.deadline.Sub(now), got, tc.want)
			}
		})
	}
}

// TestStaggerNeverReachesTheDeadline: whatever the turn, the wait ends before the deadline.
func TestStaggerNeverReachesTheDeadline(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, left := range []time.Duration{time.Millisecond, time.Second, 7 * time.Second, time.Minute} {
		for r := range 20 {
			if w := stagger(r, 5*time.Second, now, now.Add(left)); w >= left && left > 0 {
				t.Fatalf("turn %d, %s left: waits %s", r, left, w)
			}
		}
	}
}

func TestOutside(t *testing.T) {
	a := accounts(4)
	p := settlement.Panel{Members: []common.Address{a[1], a[3]}}
	if got := outside(a, p); !slices.Equal(got, []common.Address{a[0], a[2]}) {
		t.Errorf("outside = %v, want %v", got, []common.Address{a[0], a[2]})
	}
}
