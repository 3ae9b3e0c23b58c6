package demo_test

import (
	"bytes"
	"context"
	"log/slog"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/demo"
	"github.com/brine-compute/brine/internal/testharness"
)

// tokens is n hundredths of a token in base units (18 decimals).
func tokens(hundredths int64) *big.Int {
	return new(big.Int).Mul(big.NewInt(hundredths), big.NewInt(1e16))
}

func eq(t *testing.T, what string, got, want *big.Int) {
	t.Helper()
	if got == nil || got.Cmp(want) != 0 {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// TestDemo plays the whole demo (on WASM: deterministic, and no Docker engine needed) and
// checks every scene's outcome with exact amounts, that every participant's balances moved
// by exactly what the scenes say, that the moves add up to zero and that the books balance.
func TestDemo(t *testing.T) {
	var out, progress bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	rep, err := demo.Run(ctx, demo.Config{
		Out:      &out,
		Progress: &progress,
		Engine:   demo.EngineWasm,
		TempDir:  t.TempDir(),
		Logger:   testharness.LevelLogger(t, slog.LevelWarn, ""),
	})
	t.Logf("the story:\n%s", out.String())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Elapsed > 2*time.Minute {
		t.Errorf("the demo took %s; it promises under two minutes", rep.Elapsed)
	}
	if rep.Engine != "wasm" || !strings.Contains(out.String(), "engine: WASM") {
		t.Errorf("engine %q; the story must say which engine runs the jobs", rep.Engine)
	}

	who := map[string]demo.Participant{}
	for _, p := range rep.Participants {
		who[p.Name] = p
	}
	addr := func(name string) common.Address {
		p, ok := who[name]
		if !ok {
			t.Fatalf("no participant %q in %v", name, rep.Participants)
		}
		return p.Address
	}
	ada, bob, cy, mallory := addr("ada"), addr("bob"), addr("cy"), addr("mallory")

	// Scene 1: paid payment less the 1% fee, after the client verified the CID.
	s1 := rep.Settled
	if s1.Status != "finalized" || s1.Provider != ada || !s1.Verified || s1.Output != "hello, brine\n" {
		t.Errorf("scene 1: %+v", s1)
	}
	eq(t, "scene 1 paid", s1.Paid, tokens(198))
	eq(t, "scene 1 fee", s1.Fee, tokens(2))

	// Scene 2: upheld by every drawn verifier; the liar loses its collateral. The draw makes
	// at most 4·K attempts over the four active providers, so it may seat fewer than the
	// three eligible ones (about one run in ten).
	s2 := rep.Challenged
	k := len(s2.Verifiers)
	if s2.Liar != mallory || s2.Outcome != "upheld" || s2.Status != "refunded" || s2.Agree != 0 || s2.Disagree != k || k < 1 || k > 3 {
		t.Errorf("scene 2: %+v", s2)
	}
	for _, v := range s2.Verifiers {
		if v != ada && v != bob && v != cy {
			t.Errorf("scene 2 drew %s, not one of the honest providers", v)
		}
	}
	if s2.Output == s2.Expected || s2.Expected != "hello, mallory's client\n" || !strings.HasPrefix(s2.Output, s2.Expected) {
		t.Errorf("scene 2: served %q, expected %q", s2.Output, s2.Expected)
	}
	eq(t, "scene 2 stake before", s2.StakeBefore, tokens(20000))
	eq(t, "scene 2 stake after", s2.StakeAfter, tokens(19200))
	eq(t, "scene 2 bond", s2.Bond, tokens(1000))
	// payment 3 + bond 10 + 50% of the collateral 8
	eq(t, "scene 2 client credited", s2.ClientCredited, tokens(1700))
	// 30% of the collateral, split among the k verifiers
	eq(t, "scene 2 verifier reward", s2.VerifierReward, new(big.Int).Quo(tokens(240), big.NewInt(int64(k))))

	// Scene 3: payment and the provider's collateral back to the client.
	s3 := rep.TimedOut
	if s3.Status != "timed-out" || s3.Provider != mallory {
		t.Errorf("scene 3: %+v", s3)
	}
	eq(t, "scene 3 refund", s3.Refund, tokens(1100))
	eq(t, "scene 3 slashed", s3.Slashed, tokens(800))
	eq(t, "scene 3 stake after", s3.StakeAfter, tokens(18400))

	// Scene 4: the program fails by its own fault; ada commits a failure record and is paid
	// payment less the fee, as for any result.
	sf := rep.Failed
	if sf.Status != "finalized" || sf.Provider != ada || !sf.Verified || !strings.Contains(sf.Record, "crashed") || sf.NodeSays == "" {
		t.Errorf("scene 4: %+v", sf)
	}
	eq(t, "scene 4 paid", sf.Paid, tokens(198))
	eq(t, "scene 4 fee", sf.Fee, tokens(2))

	// Scene 5: three replicas agree; each is paid a third less the fee.
	s4 := rep.Replicated
	if s4.Skipped != "" {
		t.Fatalf("scene 5 skipped: %s", s4.Skipped)
	}
	slices.SortFunc(s4.Replicas, func(a, b common.Address) int { return a.Cmp(b) })
	want := []common.Address{ada, bob, cy}
	slices.SortFunc(want, func(a, b common.Address) int { return a.Cmp(b) })
	if !s4.Agreed || s4.Winners != 3 || s4.Status != "finalized" || !s4.Verified || s4.Output != "hello, replicas\n" || !slices.Equal(s4.Replicas, want) {
		t.Errorf("scene 5: %+v", s4)
	}
	eq(t, "scene 5 paid each", s4.PaidEach, tokens(297))
	eq(t, "scene 5 fee", s4.Fee, tokens(9))

	// Scene 6: each provider is paid the documented amount for its uptime, exactly.
	s5 := rep.Uptime
	if len(s5.Claims) != 4 || len(s5.Uptimes) != 4 || s5.Leaves != 4 {
		t.Fatalf("scene 6: %+v", s5)
	}
	eq(t, "scene 6 funded", s5.Funded, tokens(4000))
	claimed := map[common.Address]*big.Int{}
	total := new(big.Int)
	for _, c := range s5.Claims {
		claimed[c.Provider] = c.Amount
		total.Add(total, c.Amount)
	}
	eq(t, "scene 6 total claimed", total, s5.Total)
	for _, u := range s5.Uptimes {
		// floor(rewardPerProvider / reporters × ok / attempts), docs/incentives.md
		w := new(big.Int).Mul(tokens(1000), new(big.Int).SetUint64(u.OK))
		w.Quo(w, new(big.Int).SetUint64(u.Attempts))
		eq(t, "scene 6 claim of "+u.Provider.Hex(), claimed[u.Provider], w)
		if u.OK == 0 {
			t.Errorf("%s answered none of %d probes", u.Provider, u.Attempts)
		}
	}

	// Every balance moved by what the scenes say.
	verifierShare := func(a common.Address) *big.Int {
		if slices.Contains(s2.Verifiers, a) {
			return s2.VerifierReward
		}
		return new(big.Int)
	}
	sum := func(xs ...*big.Int) *big.Int {
		t := new(big.Int)
		for _, x := range xs {
			t.Add(t, x)
		}
		return t
	}
	neg := func(x *big.Int) *big.Int { return new(big.Int).Neg(x) }
	start := tokens(1000000) // 10,000 tokens per dev account
	wantAfter := map[string]demo.Balances{
		"governance": {Wallet: sum(start, neg(s5.Funded)), Credit: new(big.Int), Stake: new(big.Int)},
		"ada":        {Wallet: sum(start, tokens(-20000), claimed[ada]), Credit: sum(s1.Paid, verifierShare(ada), sf.Paid, s4.PaidEach), Stake: tokens(20000)},
		"bob":        {Wallet: sum(start, tokens(-20000), claimed[bob]), Credit: sum(verifierShare(bob), s4.PaidEach), Stake: tokens(20000)},
		"cy":         {Wallet: sum(start, tokens(-20000), claimed[cy]), Credit: sum(verifierShare(cy), s4.PaidEach), Stake: tokens(20000)},
		"mallory":    {Wallet: sum(start, tokens(-20000), claimed[mallory]), Credit: new(big.Int), Stake: tokens(18400)},
		// posted 2 + 3 + 3 + 2 + 9 and a bond of 10; credited 17 (scene 2) and 11 (scene 3)
		"client": {Wallet: sum(start, tokens(-2900)), Credit: tokens(2800), Stake: new(big.Int)},
		"prober": {Wallet: start, Credit: new(big.Int), Stake: new(big.Int)},
		// fees of scenes 1, 4 and 5, and what the challenge's split left of mallory's collateral
		"treasury": {Wallet: new(big.Int), Credit: sum(s1.Fee, sf.Fee, s4.Fee, tokens(800), tokens(-400), neg(new(big.Int).Mul(s2.VerifierReward, big.NewInt(int64(k))))), Stake: new(big.Int)},
	}
	net := new(big.Int)
	for _, p := range rep.Participants {
		w, ok := wantAfter[p.Name]
		if !ok {
			t.Errorf("unexpected participant %s", p.Name)
			continue
		}
		eq(t, p.Name+" wallet after", p.After.Wallet, w.Wallet)
		eq(t, p.Name+" credit after", p.After.Credit, w.Credit)
		eq(t, p.Name+" stake after", p.After.Stake, w.Stake)
		net.Add(net, new(big.Int).Sub(p.After.Total(), p.Before.Total()))
	}
	for _, h := range rep.Holdings {
		if h.Contract == "rewards" {
			net.Add(net, new(big.Int).Sub(h.After, h.Before))
		}
	}
	eq(t, "the sum of every participant's net change and the unclaimed rewards", net, new(big.Int))
	if !rep.BooksBalanced {
		t.Error("the books do not balance")
	}

	// The main steps' transactions are listed and succeeded.
	for _, step := range []struct{ who, step string }{
		{"ada", "stake"}, {"ada", "register"}, {"client", "post"}, {"ada", "job 1 accept"}, {"ada", "job 1 commit"},
		{"client", "job 2 challenge"}, {"client", "job 3 claim-timeout"}, {"ada", "job 4 commit"}, {"prober", "post root (epoch"}, {"ada", "rewards-claim"},
	} {
		found := false
		for _, tx := range rep.Transactions {
			if tx.Who == step.who && strings.HasPrefix(tx.Step, step.step) && !tx.Reverted && tx.Hash != (common.Hash{}) {
				found = true
			}
		}
		if !found {
			t.Errorf("no successful transaction %q by %s in %+v", step.step, step.who, rep.Transactions)
		}
	}
	for _, what := range []string{"Scene 1", "Scene 2", "Scene 3", "Scene 4", "Scene 5", "Scene 6", "Balances", "Transactions", "Audit"} {
		if !strings.Contains(out.String(), "== "+what) {
			t.Errorf("the story has no %q section", what)
		}
	}
}
