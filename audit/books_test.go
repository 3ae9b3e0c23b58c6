package audit_test

import (
	"context"
	"math/big"
	"testing"
	"time"

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
	_, err = c.ResolveChallenge(client, challenged) // the verifiers disagree with "wrong": upheld
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

func TestBooksCatchTokensNobodyIsOwed(t *testing.T) {
	c := simchain.New(t)
	stranger := c.MustAccount(t, "stranger", deploy.Token(10))
	if !check(t, c).Balanced() {
		t.Fatal("a fresh deployment should balance")
	}
	// A plain transfer into the market is owed to no one: the audit must say so.
	if _, err := c.Send(stranger, c.Token, c.TokenABI.PackTransfer(c.Addr.Market, big.NewInt(1))); err != nil {
		t.Fatal(err)
	}
	rep := check(t, c)
	if rep.Balanced() {
		t.Fatalf("one stray token unnoticed: %+v", rep)
	}
	m := rep.Ledgers[0]
	if diff := new(big.Int).Sub(m.Holdings, m.OwedTotal()); diff.Cmp(big.NewInt(1)) != 0 {
		t.Fatalf("market holds %s more than it owes, want 1", diff)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
