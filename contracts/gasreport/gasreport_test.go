package main

import "testing"

// TestHappyPathWithinBudget guards the budget in `make test`: the steady-state happy path
// (approve + postJob + acceptJob + commitResult + finalize) must stay within 300,000 gas all-in.
func TestHappyPathWithinBudget(t *testing.T) {
	p, err := happyPath(false, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"approve", "postJob", "acceptJob", "commitResult", "finalize"}
	if len(p.Steps) != len(want) {
		t.Fatalf("measured %d transactions, want %d: %+v", len(p.Steps), len(want), p.Steps)
	}
	for i, s := range p.Steps {
		if s.Name != want[i] {
			t.Fatalf("transaction %d is %s, want %s", i+1, s.Name, want[i])
		}
		if s.B.Total() != s.Gas {
			t.Fatalf("%s: buckets add up to %d, receipt says %d", s.Name, s.B.Total(), s.Gas)
		}
		t.Logf("%-13s %7d", s.Name, s.Gas)
	}
	const budget = 300_000
	if p.Target != budget {
		t.Fatalf("happy path target is %d, the issue says %d", p.Target, budget)
	}
	if g := p.Gas(); g > budget {
		t.Fatalf("happy path costs %d gas, over the %d budget (run `make gas` and read docs/gas.md)", g, budget)
	}
}
