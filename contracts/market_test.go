package contracts_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
)

func TestHappyPathSingleReplica(t *testing.T) {
	c := simchain.New(t)
	client := c.MustAccount(t, "client", deploy.Token(1000))
	prov, err := c.NewProvider("provider", deploy.Token(1000), deploy.Token(200))
	if err != nil {
		t.Fatal(err)
	}
	payment := deploy.Token(10)
	job, _, err := c.PostWithPermit(client, c.Request(payment, deploy.Token(5), 1, time.Minute, time.Minute, 10))
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	if _, err := c.Accept(prov, job); err != nil {
		t.Fatalf("accept: %v", err)
	}
	cid := []byte("\x01\x55\x12\x20result-cid-bytes-0123456789abcdef")
	if _, err := c.CommitResult(prov, job, cid); err != nil {
		t.Fatalf("commit: %v", err)
	}
	// Too early: the challenge window is still open.
	if _, err := c.Finalize(client, job); !reverts.Is(err, "TooEarly") {
		t.Fatalf("finalize inside the window: want TooEarly, got %v", err)
	}
	c.Advance(11 * time.Second)
	if _, err := c.Finalize(client, job); err != nil {
		t.Fatalf("finalize: %v", err)
	}
	bal, err := c.MarketBalance(prov.Addr)
	if err != nil {
		t.Fatal(err)
	}
	want := new(big.Int).Sub(payment, new(big.Int).Div(payment, big.NewInt(100))) // 1% fee
	if bal.Cmp(want) != 0 {
		t.Fatalf("provider credit = %s, want %s", bal, want)
	}
	// Twice: the record is gone.
	if _, err := c.Finalize(client, job); !reverts.Is(err, "UnknownJob") {
		t.Fatalf("second finalize: want UnknownJob, got %v", err)
	}
}
