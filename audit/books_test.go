package audit_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
)

func check(t *testing.T, c *simchain.Chain) *audit.Report {
	t.Helper()
	rep, err := audit.Check(context.Background(), c.Client, c.Addr, 0)
	if err != nil {
		t.Fatalf("audit: %v", err)
	}
	return rep
}

func TestBooksBalanceThroughALifecycle(t *testing.T) {
	c := simchain.New(t)
	client := c.MustAccount(t, "client", deploy.Token(1000))
	var provs []*simchain.Account
	for i := 0; i < 6; i++ {
		p, err := c.NewProvider("p", deploy.Token(1000), deploy.Token(200))
		if err != nil {
			t.Fatal(err)
		}
		provs = append(provs, p)
	}
	cid := []byte("\x01\x55\x12\x20honest-result")

	// A job that settles, one left live, one reclaimed, one timed out.
	settled, _, err := c.Post(client, c.Request(deploy.Token(10), deploy.Token(5), 1, time.Minute, time.Minute, 10))
	must(t, err)
	_, err = c.Accept(provs[0], settled)
	must(t, err)
	_, err = c.CommitResult(provs[0], settled, cid)
	must(t, err)
	live, _, err := c.Post(client, c.Request(deploy.Token(7), deploy.Token(5), 1, time.Hour, time.Hour, 10))
	must(t, err)
	reclaimed, _, err := c.Post(client, c.Request(deploy.Token(3), deploy.Token(5), 1, 5*time.Second, time.Minute, 10))
	must(t, err)
	timedOut, _, err := c.Post(client, c.Request(deploy.Token(4), deploy.Token(5), 1, time.Minute, 10*time.Second, 10))
	must(t, err)
	_, err = c.Accept(provs[1], timedOut)
	must(t, err)

	// A challenged job with an open bond at the first audit.
	challenged, _, err := c.Post(client, c.Request(deploy.Token(9), deploy.Token(5), 1, time.Minute, time.Hour, 100))
	must(t, err)
	_, err = c.Accept(provs[2], challenged)
	must(t, err)
	_, err = c.CommitResult(provs[2], challenged, []byte("\x01\x55\x12\x20wrong"))
	must(t, err)
	_, err = c.Challenge(client, challenged)
	must(t, err)

	rep := check(t, c)
	if !rep.Balanced() {
		t.Fatalf("books do not balance mid-flight: %+v", rep)
	}
	if rep.LiveJobs != 5 || rep.OpenChallenges != 1 {
		t.Fatalf("live jobs %d, open challenges %d; want 5 and 1", rep.LiveJobs, rep.OpenChallenges)
	}

	c.Advance(2 * time.Minute)
	_, err = c.Finalize(client, settled)
	must(t, err)
	_, err = c.Reclaim(client, reclaimed)
	must(t, err)
	_, err = c.ClaimTimeout(client, timedOut)
	must(t, err)
	verifiers, _, err := c.DrawVerifiers(client, challenged)
	must(t, err)
	acct := map[string]*simchain.Account{}
	for _, p := range provs {
		acct[p.Addr.Hex()] = p
	}
	salts := make([][32]byte, len(verifiers))
	for i, v := range verifiers {
		salts[i] = simchain.Salt()
		_, err = c.CommitVote(acct[v.Hex()], challenged, uint8(i), cid, salts[i])
		must(t, err)
	}
	for i, v := range verifiers {
		_, err = c.RevealVote(acct[v.Hex()], challenged, uint8(i), cid, salts[i])
		must(t, err)
	}
	// The verifiers disagree with "wrong": upheld. The provider appeals; the appeal bond is
	// held with the challenge's until the final panel's verdict (upheld again) settles.
	_, err = c.Appeal(provs[2], challenged)
	must(t, err)
	if rep := check(t, c); !rep.Balanced() || rep.OpenChallenges != 1 {
		t.Fatalf("books after the appeal: balanced=%v open challenges %d: %+v", rep.Balanced(), rep.OpenChallenges, rep)
	}
	c.Mine(2)
	verifiers, _, err = c.DrawVerifiers(client, challenged)
	must(t, err)
	salts = make([][32]byte, len(verifiers))
	for i, v := range verifiers {
		salts[i] = simchain.Salt()
		_, err = c.CommitVote(acct[v.Hex()], challenged, uint8(i), cid, salts[i])
		must(t, err)
	}
	for i, v := range verifiers {
		_, err = c.RevealVote(acct[v.Hex()], challenged, uint8(i), cid, salts[i])
		must(t, err)
	}
	_, err = c.ResolveChallenge(client, challenged)
	must(t, err)
	rep = check(t, c)
	if !rep.Balanced() {
		t.Fatalf("books do not balance after settlement: %+v", rep)
	}
	if _, err := c.Withdraw(provs[0]); err != nil {
		t.Fatal(err)
	}
	rep = check(t, c)
	if !rep.Balanced() || rep.LiveJobs != 1 || rep.OpenChallenges != 0 || live == nil {
		t.Fatalf("after withdraw: balanced=%v live=%d: %+v", rep.Balanced(), rep.LiveJobs, rep)
	}
}

// TestBooksReportDonationsAsSurplus: anyone can send tokens straight to a contract. One base
// unit sent to the market (then more to the registry and the rewards contract) must not break
// the books: every ledger still balances (holdings >= owed), the excess is reported as each
// ledger's surplus, never as a shortfall. Sweeping the market's surplus credits it to the
// treasury: the market's surplus is then zero, its Swept total the amount, and it balances.
func TestBooksReportDonationsAsSurplus(t *testing.T) {
	c := simchain.New(t)
	stranger := c.MustAccount(t, "stranger", deploy.Token(10))
	if rep := check(t, c); !rep.Balanced() || rep.Surplus().Sign() != 0 {
		t.Fatalf("a fresh deployment: balanced=%v surplus=%s", rep.Balanced(), rep.Surplus())
	}
	donate := func(to common.Address, amount *big.Int) {
		t.Helper()
		if _, err := c.Send(stranger, c.Token, c.TokenABI.PackTransfer(to, amount)); err != nil {
			t.Fatal(err)
		}
	}
	donate(c.Addr.Market, big.NewInt(1))
	rep := check(t, c)
	if !rep.Balanced() {
		t.Fatalf("one base unit sent to the market breaks the books: %+v", rep)
	}
	m := rep.Ledgers[0]
	if m.Surplus().Cmp(big.NewInt(1)) != 0 || m.Shortfall().Sign() != 0 || len(m.Mismatches) != 0 {
		t.Fatalf("market: surplus %s, shortfall %s, mismatches %v; want 1, 0, none", m.Surplus(), m.Shortfall(), m.Mismatches)
	}
	donate(c.Addr.Registry, big.NewInt(2))
	donate(c.Addr.Rewards, big.NewInt(3))
	rep = check(t, c)
	for i, want := range []int64{1, 2, 3} {
		l := rep.Ledgers[i]
		if !l.Balanced() || l.Surplus().Cmp(big.NewInt(want)) != 0 {
			t.Fatalf("%s: balanced=%v surplus=%s, want balanced with %d", l.Contract, l.Balanced(), l.Surplus(), want)
		}
	}
	if !rep.Balanced() || rep.Surplus().Cmp(big.NewInt(6)) != 0 || rep.Shortfall().Sign() != 0 {
		t.Fatalf("report: balanced=%v surplus=%s shortfall=%s", rep.Balanced(), rep.Surplus(), rep.Shortfall())
	}

	if _, err := c.Send(stranger, c.Market, c.MarketABI.PackSweepSurplus()); err != nil {
		t.Fatalf("sweepSurplus: %v", err)
	}
	m = check(t, c).Ledgers[0]
	if !m.Balanced() || m.Surplus().Sign() != 0 || m.Swept == nil || m.Swept.Cmp(big.NewInt(1)) != 0 {
		t.Fatalf("market after the sweep: balanced=%v surplus=%s swept=%v mismatches=%v", m.Balanced(), m.Surplus(), m.Swept, m.Mismatches)
	}
}

// TestLedgerShortfall: a ledger that holds less than it owes is short by the difference and does
// not balance; one that holds more has a surplus and balances; a failed cross-check never balances.
func TestLedgerShortfall(t *testing.T) {
	owed := []audit.Line{{Name: "a", Amount: big.NewInt(7)}, {Name: "b", Amount: big.NewInt(3)}}
	for _, tc := range []struct {
		holdings           int64
		mismatch           bool
		surplus, shortfall int64
		balanced           bool
	}{
		{holdings: 10, surplus: 0, shortfall: 0, balanced: true},
		{holdings: 11, surplus: 1, shortfall: 0, balanced: true},
		{holdings: 9, surplus: 0, shortfall: 1, balanced: false},
		{holdings: 10, mismatch: true, balanced: false},
	} {
		l := audit.Ledger{Holdings: big.NewInt(tc.holdings), Owed: owed}
		if tc.mismatch {
			l.Mismatches = []string{"x"}
		}
		if l.Surplus().Int64() != tc.surplus || l.Shortfall().Int64() != tc.shortfall || l.Balanced() != tc.balanced {
			t.Errorf("holdings %d (mismatch %v): surplus %s shortfall %s balanced %v; want %d %d %v",
				tc.holdings, tc.mismatch, l.Surplus(), l.Shortfall(), l.Balanced(), tc.surplus, tc.shortfall, tc.balanced)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
