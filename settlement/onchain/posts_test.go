package onchain_test

import (
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

// managedActor is a client whose Settlement sends through a real transaction manager over the
// simulated chain, on which nothing is mined until the test commits a block: what goes out
// before a block is what a block would hold.
func managedActor(t *testing.T, w *world, name string, tokens int64) (*onchain.Settlement, func() uint64) {
	t.Helper()
	a := w.c.MustAccount(t, name, deploy.Token(tokens))
	signer := types.LatestSignerForChainID(w.c.ChainID)
	// The simulated backend's own client: w.c.Client mines each transaction as it is sent.
	raw := w.c.Sim.Client()
	sender, err := onchain.StartManagedSender(ctx, onchain.ManagedConfig{
		Client:  raw,
		ChainID: w.c.ChainID,
		Account: onchain.AccountSigner{Address: a.Addr, SignTx: func(_ context.Context, tx *types.Transaction) (*types.Transaction, error) {
			return types.SignTx(tx, signer, a.Key)
		}},
		JournalPath:   filepath.Join(t.TempDir(), "journal.db"),
		Confirmations: 1,
		PollInterval:  10 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sender.Manager.Stop(context.Background()) })
	must(t, sender.Resume(ctx, nil))
	st, err := onchain.New(ctx, onchain.Config{Client: w.c.Client, Addresses: w.c.Addr, Account: a.Addr, Sender: sender,
		Signer: keySigner{a.Key}, Logger: testharness.LevelLogger(t, slog.LevelDebug, "")})
	if err != nil {
		t.Fatal(err)
	}
	pending := func() uint64 {
		n, err := raw.PendingNonceAt(ctx, a.Addr)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	return st, pending
}

type posted struct {
	job settlement.Job
	err error
}

// postAll starts one PostJob per request and returns where their outcomes arrive.
func postAll(st *onchain.Settlement, reqs ...settlement.JobRequest) <-chan posted {
	out := make(chan posted, len(reqs))
	for _, req := range reqs {
		go func() {
			j, err := st.PostJob(ctx, req)
			out <- posted{j, err}
		}()
	}
	return out
}

// mineWhen commits one block once the account's pending nonce reaches n.
func mineWhen(t *testing.T, w *world, pending func() uint64, n uint64, what string) {
	t.Helper()
	testharness.Eventually(t, 20*time.Second, func() bool { return pending() >= n }, "%s: pending nonce %d, want %d", what, pending(), n)
	w.c.Sim.Commit()
}

func collect(t *testing.T, out <-chan posted, n int) []posted {
	t.Helper()
	var got []posted
	for range n {
		select {
		case p := <-out:
			got = append(got, p)
		case <-time.After(30 * time.Second):
			t.Fatalf("%d of %d posts returned", len(got), n)
		}
	}
	return got
}

// A fan-out's posts, its total approved first, all go out before one block is mined and land
// in it: the spend lock is held until each post is broadcast, not mined.
func TestPostsGoOutTogetherOnceApproved(t *testing.T) {
	w := newWorld(t)
	st, pending := managedActor(t, w, "fan", 100)
	const n = 4
	payment := deploy.Token(3)

	base := pending()
	approved := make(chan error, 1)
	go func() { approved <- st.ApprovePosts(ctx, mul(payment, n)) }()
	mineWhen(t, w, pending, base+1, "the approval")
	must(t, <-approved)
	// Covered already: a second approval sends nothing.
	must(t, st.ApprovePosts(ctx, mul(payment, n)))
	if got := pending(); got != base+1 {
		t.Fatalf("a covered ApprovePosts sent a transaction (pending nonce %d, want %d)", got, base+1)
	}

	var reqs []settlement.JobRequest
	for range n {
		reqs = append(reqs, w.request(payment, deploy.Token(1), 1, time.Hour, time.Hour, 10*time.Second))
	}
	out := postAll(st, reqs...)
	mineWhen(t, w, pending, base+1+n, "the posts")
	seen := map[settlement.JobID]bool{}
	for _, p := range collect(t, out, n) {
		must(t, p.err)
		seen[p.job.ID] = true
	}
	if len(seen) != n {
		t.Errorf("%d posts made %d distinct jobs", n, len(seen))
	}
	wantInt(t, "the account's balance", w.tokens(st.Account()), sub(deploy.Token(100), mul(payment, n)))
	left, err := bind.Call(w.c.TokenABI.Instance(w.c.Client, w.c.Addr.Token), nil, w.c.TokenABI.PackAllowance(st.Account(), w.c.Addr.Market), w.c.TokenABI.UnpackAllowance)
	must(t, err)
	wantInt(t, "the allowance left", left, deploy.Token(0))
}

// Without an allowance each post carries its own permit, which sets the allowance outright: a
// second post waits for the first to be mined instead of counting on an allowance the first
// takes.
func TestPermitPostsWaitForThePostAhead(t *testing.T) {
	w := newWorld(t)
	st, pending := managedActor(t, w, "permit", 100)
	payment := deploy.Token(2)
	base := pending()
	out := postAll(st,
		w.request(payment, deploy.Token(1), 1, time.Hour, time.Hour, 10*time.Second),
		w.request(payment, deploy.Token(1), 1, time.Hour, time.Hour, 10*time.Second))
	testharness.Eventually(t, 20*time.Second, func() bool { return pending() >= base+1 }, "the first post was not sent")
	if testharness.Poll(time.Second, func() bool { return pending() > base+1 }) {
		t.Fatal("the second post went out while the first, which takes the whole allowance, was not mined")
	}
	w.c.Sim.Commit()
	mineWhen(t, w, pending, base+2, "the second post")
	for _, p := range collect(t, out, 2) {
		must(t, p.err)
	}
	wantInt(t, "the account's balance", w.tokens(st.Account()), sub(deploy.Token(100), mul(payment, 2)))
}

// Posts that together overdraw the balance: those the balance covers go out at once, the
// next waits for them and is then refused before anything is sent (ErrInsufficient), instead
// of being sent to revert.
func TestPostsInFlightNeverOverdraw(t *testing.T) {
	w := newWorld(t)
	st, pending := managedActor(t, w, "tight", 10)
	payment := deploy.Token(4)
	base := pending()
	approved := make(chan error, 1)
	go func() { approved <- st.ApprovePosts(ctx, mul(payment, 3)) }()
	mineWhen(t, w, pending, base+1, "the approval")
	must(t, <-approved)

	out := postAll(st,
		w.request(payment, deploy.Token(1), 1, time.Hour, time.Hour, 10*time.Second),
		w.request(payment, deploy.Token(1), 1, time.Hour, time.Hour, 10*time.Second),
		w.request(payment, deploy.Token(1), 1, time.Hour, time.Hour, 10*time.Second))
	testharness.Eventually(t, 20*time.Second, func() bool { return pending() >= base+3 }, "the two covered posts were not sent")
	if testharness.Poll(time.Second, func() bool { return pending() > base+3 }) {
		t.Fatal("a third post went out that the balance left after the two ahead cannot pay")
	}
	w.c.Sim.Commit()
	var ok, refused int
	for _, p := range collect(t, out, 3) {
		switch {
		case p.err == nil:
			ok++
		case errors.Is(p.err, settlement.ErrInsufficient):
			refused++
		default:
			t.Errorf("post: %v", p.err)
		}
	}
	if ok != 2 || refused != 1 {
		t.Errorf("%d posts made and %d refused, want 2 and 1", ok, refused)
	}
	if got := pending(); got != base+3 {
		t.Errorf("pending nonce %d, want %d: the refused post was sent", got, base+3)
	}
	wantInt(t, "the account's balance", w.tokens(st.Account()), deploy.Token(2))
}
