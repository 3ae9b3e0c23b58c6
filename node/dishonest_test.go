package node_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/internal/testharness/testchain"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// greetDoc is a spec of the greet guest with module mod; name "" leaves name.txt out (the
// guest then exits 2), rounds > 0 adds rounds.txt (that much work first).
func greetDoc(mod, name string, rounds int, extra string) string {
	var inputs []string
	if name != "" {
		inputs = append(inputs, fmt.Sprintf("{path: name.txt, content: %q}", name))
	}
	if rounds > 0 {
		inputs = append(inputs, fmt.Sprintf("{path: rounds.txt, content: \"%d\"}", rounds))
	}
	doc := fmt.Sprintf(`
engine: wasm
module: %s
inputs: [%s]
outputs: [{path: greeting.txt}]
`, mod, strings.Join(inputs, ", "))
	// The defaults, unless extra sets the field.
	for _, field := range []string{
		"resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 5s}",
		`price: {payment: "2", collateral: "4"}`,
		"deadlines: {accept_within: 30s, run_within: 60s}",
		"challenge_window: 4s",
	} {
		key := field[:strings.Index(field, ":")+1]
		if !strings.Contains(extra, key) {
			doc += field + "\n"
		}
	}
	return doc + extra
}

// module serves b from the client's host and returns its CID.
func (c *client) module(t testing.TB, b []byte) string {
	t.Helper()
	m, err := c.results.Put(b)
	if err != nil {
		t.Fatal(err)
	}
	return m.String()
}

// postDoc serves the spec doc, pushes it to the active providers' nodes and posts the job.
func (c *client) postDoc(t testing.TB, doc string) settlement.Job {
	t.Helper()
	job, err := c.postSpec(doc, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	return job
}

// postSpec is postDoc returning its error (for goroutines other than the test's).
func (c *client) postSpec(doc string, logf func(string, ...any)) (settlement.Job, error) {
	ctx := context.Background()
	spec, err := jobspec.Parse([]byte(doc))
	if err != nil {
		return settlement.Job{}, fmt.Errorf("spec: %w\n%s", err, doc)
	}
	canon, err := spec.Canonical()
	if err != nil {
		return settlement.Job{}, err
	}
	hash, err := spec.Hash()
	if err != nil {
		return settlement.Job{}, err
	}
	c.specs.mu.Lock()
	c.specs.m[hash] = canon
	c.specs.mu.Unlock()
	nodes, err := providers.ProviderNodes(ctx, c.acct)
	if err != nil {
		return settlement.Job{}, err
	}
	pushed := providers.PushSpec(ctx, c.host, nodes, hash, canon)
	logf("spec %s pushed to %d of %d node(s) (%v)", hash, len(pushed.Took()), len(nodes), pushed.Err())
	head, err := eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return settlement.Job{}, err
	}
	acceptBy, resultBy := spec.Deadlines.At(time.Unix(int64(head.Time), 0))
	payment, collateral, err := spec.Price.Amounts(18)
	if err != nil {
		return settlement.Job{}, err
	}
	job, err := c.acct.PostJob(ctx, settlement.JobRequest{SpecHash: hash, Payment: payment, Collateral: collateral,
		Replicas: spec.Replicas, AcceptBy: acceptBy, ResultBy: resultBy, ChallengeWindow: spec.ChallengeWindow})
	if err != nil {
		return settlement.Job{}, err
	}
	logf("posted job %d", job.ID)
	return job, nil
}

// waitRecord polls n's record of job id until cond holds.
func waitRecord(t testing.TB, n *node.Node, id settlement.JobID, what string, d time.Duration, cond func(store.JobRecord) bool) store.JobRecord {
	t.Helper()
	var rec store.JobRecord
	var err error
	if !testharness.Poll(d, func() bool {
		rec, err = n.Store().Get(id)
		return err == nil && cond(rec)
	}) {
		t.Fatalf("job %d: the node's record is not %s within %s (%s: %q, err %v)", id, what, d, rec.State, rec.Reason, err)
	}
	return rec
}

// waitChainTime waits until the chain's head block is later than at.
func waitChainTime(t *testing.T, at time.Time) {
	t.Helper()
	testharness.Eventually(t, time.Until(at)+30*time.Second, func() bool {
		h, err := eth.HeaderByNumber(context.Background(), nil)
		return err == nil && time.Unix(int64(h.Time), 0).After(at)
	}, "chain time did not pass %s", at.UTC())
}

// TestNeverCommitTimesOut: a "never-commit" node accepts the job, runs it and withholds the
// result. Before the result deadline the client cannot claim the timeout (too early); after
// it, ClaimTimeout credits the client exactly payment + collateral, slashes exactly the
// collateral from the provider's stake, and the node's record says why the job failed.
func TestNeverCommitTimesOut(t *testing.T) {
	// Not parallel: the node must accept within the job's 6 s accept window, which a node
	// starved of CPU beside seven other stories (on a 2-core machine) was seen to miss.
	m := newMarket(t)
	ctx := context.Background()
	p := stakedProvider(t, m, "never-commit")
	n := p.start(t, nil, dishonest.NeverCommit)
	c := newClient(t, m)

	job := c.postDoc(t, greetDoc(c.module(t, guest(t)), "timeout", 0, "deadlines: {accept_within: 6s, run_within: 6s}\n"))
	accepted := waitJob(t, c.acct, job.ID, "accepted", 20*time.Second, status(settlement.StatusAccepted))
	if accepted.Provider != p.acct.Account() {
		t.Fatalf("provider %s, want the never-commit node %s", accepted.Provider, p.acct.Account())
	}
	rec := waitRecord(t, n, job.ID, "failed", 20*time.Second, func(r store.JobRecord) bool { return r.State == store.StateFailed })
	if rec.Attempts != 1 || !strings.Contains(rec.Reason, "never-commit") {
		t.Fatalf("the node's record: %d attempt(s), %q", rec.Attempts, rec.Reason)
	}
	if err := c.acct.ClaimTimeout(ctx, job.ID); !errors.Is(err, settlement.ErrTooEarly) {
		t.Fatalf("ClaimTimeout before the result deadline: %v, want ErrTooEarly", err)
	}

	waitChainTime(t, accepted.ResultBy)
	if err := c.acct.ClaimTimeout(ctx, job.ID); err != nil {
		t.Fatal(err)
	}
	if j, _ := c.acct.Job(ctx, job.ID); j.Status != settlement.StatusTimedOut {
		t.Fatalf("after the claim the job is %s, want timed-out", j.Status)
	}
	ev := waitEvent(t, c.acct, job.ID, settlement.EventJobTimedOut, 5*time.Second)
	others := otherCredits(t, m, ev)
	got := new(big.Int).Sub(marketBalance(t, m, c.acct.Account(), ev.Block), marketBalance(t, m, c.acct.Account(), ev.Block-1))
	got.Sub(got, others[c.acct.Account()])
	if want := new(big.Int).Add(accepted.Payment, accepted.Collateral); got.Cmp(want) != 0 {
		t.Errorf("the client was credited %s, want payment + collateral = %s", got, want)
	}
	before, after := providerInfo(t, m, p.acct.Account(), ev.Block-1), providerInfo(t, m, p.acct.Account(), ev.Block)
	if lost := new(big.Int).Sub(before.Staked, after.Staked); lost.Cmp(accepted.Collateral) != 0 {
		t.Errorf("the provider's stake fell by %s, want its collateral %s", lost, accepted.Collateral)
	}
	if freed := new(big.Int).Sub(before.Locked, after.Locked); freed.Cmp(accepted.Collateral) != 0 {
		t.Errorf("the provider's locked stake fell by %s, want its collateral %s", freed, accepted.Collateral)
	}
	if n := countEvents(t, c.acct, job.ID, settlement.EventResultCommitted); n != 0 {
		t.Errorf("%d ResultCommitted events from a never-commit node", n)
	}
	if got := waitRecord(t, n, job.ID, "failed", time.Second, func(r store.JobRecord) bool { return r.State == store.StateFailed }); got.Reason != rec.Reason {
		t.Errorf("the record's reason changed to %q", got.Reason)
	}
}

// TestCommitAndVanish: a "commit-and-vanish" node commits the right result, then stops
// serving it and never finalizes. The client cannot download it (not found, nothing
// written). What the protocol offers the client is a challenge: the drawn verifiers
// re-execute the job and so hold the result. Since the committed result was right, the
// challenge is rejected and costs the client its bond, shared exactly between the provider
// and the agreeing verifiers; the client then fetches the result, verified against the
// on-chain CID, from a verifier's node. The vanished node's record ends abandoned and it
// never finalizes, but the payment is not stranded: anyone may finalize the cleared job, and
// the provider is credited exactly payment minus fee.
func TestCommitAndVanish(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	ctx := context.Background()
	vanisher := stakedProvider(t, m, "vanisher")
	panel := honestPanel(t, m, vanisher.acct.Account(), 4)
	vn := vanisher.start(t, nil, dishonest.CommitAndVanish)
	c := newClient(t, m)

	job := c.postDoc(t, greetDoc(c.module(t, guest(t)), "vanish", 0, "challenge_window: 20s\n"))
	committed := waitJob(t, c.acct, job.ID, "committed", 45*time.Second, status(settlement.StatusCommitted))
	if committed.Provider != vanisher.acct.Account() {
		t.Fatalf("provider %s, want the commit-and-vanish node %s", committed.Provider, vanisher.acct.Account())
	}
	_, _, err := providers.FetchJobResult(ctx, c.host, c.acct, committed, 1<<20)
	if !errors.Is(err, p2p.ErrNotFound) {
		t.Fatalf("fetching from the vanished provider: %v, want not found", err)
	}
	rec := waitRecord(t, vn, job.ID, "abandoned", 10*time.Second, func(r store.JobRecord) bool { return r.State == store.StateAbandoned })
	if !strings.Contains(rec.Reason, "commit-and-vanish") || !slices.Equal(rec.ResultCID, committed.ResultCID) {
		t.Fatalf("the vanished node's record: %q, result %x (committed %x)", rec.Reason, rec.ResultCID, committed.ResultCID)
	}

	if err := c.acct.Challenge(ctx, job.ID); err != nil {
		t.Fatal(err)
	}
	resolved := waitEvent(t, c.acct, job.ID, settlement.EventChallengeResolved, 60*time.Second)
	drawn := waitEvent(t, c.acct, job.ID, settlement.EventVerifiersDrawn, time.Second).Verifiers
	t.Logf("drawn %v; resolved %s (%d agree, %d disagree)", drawn, resolved.Outcome, resolved.Agree, resolved.Disagree)
	if len(drawn) == 0 || resolved.Outcome != settlement.OutcomeRejected || resolved.Agree != len(drawn) || resolved.Disagree != 0 {
		t.Fatalf("%d drawn, outcome %s with %d agree, %d disagree; want rejected with every verifier agreeing", len(drawn), resolved.Outcome, resolved.Agree, resolved.Disagree)
	}
	for _, v := range drawn {
		if panel[v] == nil {
			t.Fatalf("drew %s, which runs no honest node", v)
		}
	}

	// The bond: an equal share to the provider and each agreeing verifier (winners = 1), the
	// rest to the treasury; nothing back to the client, who challenged a right result.
	bond, _ := new(big.Int).SetString(m.Deployment.Params.Market.ChallengeBond, 10)
	share := new(big.Int).Quo(bond, big.NewInt(int64(1+len(drawn))))
	want := map[common.Address]*big.Int{c.acct.Account(): new(big.Int), vanisher.acct.Account(): share}
	for _, v := range drawn {
		want[v] = share
	}
	others := otherCredits(t, m, resolved)
	for acct, w := range want {
		got := new(big.Int).Sub(marketBalance(t, m, acct, resolved.Block), marketBalance(t, m, acct, resolved.Block-1))
		got.Sub(got, others[acct])
		if got.Cmp(w) != 0 {
			t.Errorf("%s credited %s by the resolution, want %s", acct, got, w)
		}
	}
	if j, _ := c.acct.Job(ctx, job.ID); j.Status != settlement.StatusCleared {
		t.Fatalf("after the rejected challenge the job is %s, want cleared", j.Status)
	}

	// The verifiers hold the result: the client gets it from one of them, verified.
	data, got, from, err := providers.FetchJobResultAnywhere(ctx, c.host, c.acct, committed, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := results.ParseCommitment(committed.ResultCID); !got.Equals(want) || !slices.Contains(drawn, from) {
		t.Fatalf("fetched %s from %s; want the committed %s from a verifier %v", got, from, want, drawn)
	}
	out := t.TempDir()
	if err := results.Unpack(data, out, results.Limits{}); err != nil {
		t.Fatal(err)
	}
	if greeting, _ := os.ReadFile(filepath.Join(out, "greeting.txt")); string(greeting) != "hello, vanish\n" {
		t.Fatalf("greeting.txt = %q", greeting)
	}

	// The vanished node's record is terminal, so its ticker never finalizes the job; the
	// client does, and the provider is paid what it is owed.
	if rec, _ := vn.Store().Get(job.ID); rec.State != store.StateAbandoned {
		t.Fatalf("the vanished node's record is %s", rec.State)
	}
	if n := countEvents(t, c.acct, job.ID, settlement.EventJobFinalized); n != 0 {
		t.Fatalf("%d JobFinalized events before the client finalized", n)
	}
	if err := c.acct.Finalize(ctx, job.ID); err != nil {
		t.Fatal(err)
	}
	fin := waitEvent(t, c.acct, job.ID, settlement.EventJobFinalized, 5*time.Second)
	paid := new(big.Int).Sub(marketBalance(t, m, vanisher.acct.Account(), fin.Block), marketBalance(t, m, vanisher.acct.Account(), fin.Block-1))
	paid.Sub(paid, otherCredits(t, m, fin)[vanisher.acct.Account()])
	if want := new(big.Int).Sub(committed.Payment, fee(committed.Payment, committed.FeeBps)); paid.Cmp(want) != 0 {
		t.Errorf("the provider was credited %s at finalize, want payment minus fee %s", paid, want)
	}
}

// honestPanel runs n fresh providers of m with an honest node each, which asks more than any
// test job pays (so it takes none and only serves as a verifier), and checks that they are
// every active provider of m but `except`: whoever a challenge draws then votes.
func honestPanel(t *testing.T, m *testchain.Market, except common.Address, n int) map[common.Address]*node.Node {
	t.Helper()
	policy := node.Policy{MinPayment: deploy.Token(1000)}
	nodes := map[common.Address]*node.Node{}
	var d providers.Directory
	for _, p := range stakedProviders(t, m, "verifier", n) {
		nodes[p.acct.Account()] = p.startWith(t, p.acct, policy)
		d = p.acct
	}
	dir, err := d.ProviderDirectory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range dir {
		if p.Active && p.Address != except && nodes[p.Address] == nil {
			t.Fatalf("active provider %s runs no node of the panel", p.Address)
		}
	}
	return nodes
}
