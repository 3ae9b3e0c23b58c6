package node_test

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/internal/testharness/testchain"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

// replicaRun is one replicated job's life as the chain recorded it.
type replicaRun struct {
	job       settlement.Job   // as posted
	final     settlement.Job   // as finalized
	resolved  settlement.Event // ReplicasResolved
	finalized settlement.Event // JobFinalized
	seated    []common.Address // the accounts that took the seats, by seat
}

// runReplicated posts an n-replica job from c and waits for it to finalize, checking on the
// way that n distinct accounts took one seat each and each committed and revealed once.
func runReplicated(t *testing.T, c *client, name string, n int) replicaRun {
	t.Helper()
	return followReplicated(t, c, c.postReplicated(t, name, n, 30*time.Second), n)
}

// followReplicated is runReplicated of a job already posted.
func followReplicated(t *testing.T, c *client, job settlement.Job, n int) replicaRun {
	t.Helper()
	r := replicaRun{job: job}
	r.resolved = waitEvent(t, c.acct, r.job.ID, settlement.EventReplicasResolved, 90*time.Second)
	r.final = waitJob(t, c.acct, r.job.ID, "finalized", 45*time.Second, status(settlement.StatusFinalized))
	r.finalized = waitEvent(t, c.acct, r.job.ID, settlement.EventJobFinalized, time.Second)

	evs, _, err := c.acct.Events(context.Background(), settlement.Cursor{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	r.seated = make([]common.Address, n)
	took := map[common.Address]int{}
	commits, reveals := map[common.Address]int{}, map[common.Address]int{}
	for _, ev := range evs {
		if ev.Job != r.job.ID {
			continue
		}
		switch {
		case ev.Kind == settlement.EventReplicaAccepted:
			took[ev.Account]++
			if ev.Seat < 0 || ev.Seat >= n || r.seated[ev.Seat] != (common.Address{}) {
				t.Fatalf("seat %d taken again (or out of range) by %s", ev.Seat, ev.Account)
			}
			r.seated[ev.Seat] = ev.Account
		case ev.Kind == settlement.EventPanelCommitted && ev.Panel == settlement.PanelReplicas:
			commits[ev.Account]++
		case ev.Kind == settlement.EventPanelRevealed && ev.Panel == settlement.PanelReplicas:
			reveals[ev.Account]++
		}
	}
	for i, a := range r.seated {
		if a == (common.Address{}) || took[a] != 1 || commits[a] != 1 || reveals[a] != 1 {
			t.Errorf("seat %d: %s with %d seat(s), %d commit(s), %d reveal(s); want one each", i, a, took[a], commits[a], reveals[a])
		}
	}
	if n := countEvents(t, c.acct, r.job.ID, settlement.EventReplicasResolved); n != 1 {
		t.Errorf("%d ReplicasResolved events, want 1", n)
	}
	return r
}

// credited is what ev's transaction credited account in the market: the balance change over
// ev's block less what the block's other transactions credited.
func credited(t *testing.T, m *testchain.Market, account common.Address, ev settlement.Event) *big.Int {
	t.Helper()
	got := new(big.Int).Sub(marketBalance(t, m, account, ev.Block), marketBalance(t, m, account, ev.Block-1))
	if o := otherCredits(t, m, ev)[account]; o != nil {
		got.Sub(got, o)
	}
	return got
}

// stakeLost is how much account's stake fell in ev's block.
func stakeLost(t *testing.T, m *testchain.Market, account common.Address, ev settlement.Event) *big.Int {
	t.Helper()
	return new(big.Int).Sub(providerInfo(t, m, account, ev.Block-1).Staked, providerInfo(t, m, account, ev.Block).Staked)
}

// waitRecordState polls n's record of job id until it is in state want.
func waitRecordState(t *testing.T, n *node.Node, id settlement.JobID, want store.State, d time.Duration) store.JobRecord {
	t.Helper()
	var rec store.JobRecord
	var err error
	if !testharness.Poll(d, func() bool {
		rec, err = n.Store().Get(id)
		return err == nil && rec.State == want
	}) {
		t.Fatalf("job %d: record %s (%s, err %v), want %s", id, rec.State, rec.Reason, err, want)
	}
	return rec
}

// replicaShare is a majority replica's pay at finalize: payment / N less the fee on it.
func replicaShare(job settlement.Job) (share, paid *big.Int) {
	share = new(big.Int).Quo(job.Payment, big.NewInt(int64(job.Replicas)))
	return share, new(big.Int).Sub(share, fee(share, job.FeeBps))
}

// TestReplicasAgree: four honest nodes race for the three seats of a replicated job; three
// take one seat each and the fourth lets the job go. The three run it, commit and reveal; the
// round agrees, the client downloads the result from the replicas' nodes, and at finalize
// each replica is credited exactly payment / 3 less the fee and the client the rounding
// remainder; finalize unlocks every replica's collateral and the books balance.
func TestReplicasAgree(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	ctx := context.Background()
	nodes := map[common.Address]*node.Node{}
	for _, p := range stakedProviders(t, m, "replica", 4) {
		nodes[p.acct.Account()] = p.start(t, nil, dishonest.Honest)
	}
	c := newClient(t, m)

	r := runReplicated(t, c, "replicas", 3)
	if !r.resolved.Agreed || r.resolved.Record == nil || r.resolved.Record.Winners != 3 {
		t.Fatalf("resolved: agreed %v, record %+v; want all 3 agreeing", r.resolved.Agreed, r.resolved.Record)
	}

	data, _, err := providers.FetchJobResult(ctx, c.host, c.acct, r.final, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := results.Unpack(data, out, results.Limits{}); err != nil {
		t.Fatal(err)
	}
	if g, _ := os.ReadFile(filepath.Join(out, "greeting.txt")); string(g) != "hello, replicas\n" {
		t.Fatalf("greeting.txt = %q", g)
	}

	share, paid := replicaShare(r.final)
	unlocked := unlockedBy(t, m, r.finalized.TxHash)
	for a, n := range nodes {
		if !slices.Contains(r.seated, a) {
			rec := waitRecordState(t, n, r.job.ID, store.StateAbandoned, 10*time.Second)
			t.Logf("%s took no seat: %s", a, rec.Reason)
			if got := credited(t, m, a, r.finalized); got.Sign() != 0 {
				t.Errorf("%s, without a seat, credited %s at finalize", a, got)
			}
			continue
		}
		if got := credited(t, m, a, r.finalized); got.Cmp(paid) != 0 {
			t.Errorf("replica %s credited %s at finalize, want %s (share %s less the fee)", a, got, paid, share)
		}
		if got := credited(t, m, a, r.resolved); got.Sign() != 0 {
			t.Errorf("replica %s credited %s at the resolution, want 0", a, got)
		}
		if u := unlocked[a]; u == nil || u.Cmp(r.final.Collateral) != 0 {
			t.Errorf("replica %s: finalize unlocked %v, want its collateral %s", a, u, r.final.Collateral)
		}
		rec := waitRecordState(t, n, r.job.ID, store.StateDone, 10*time.Second)
		if rec.Role != store.RoleReplica || rec.Seat != slices.Index(r.seated, a) || rec.Salt.IsZero() || !slices.Equal(rec.ResultCID, r.final.ResultCID) {
			t.Errorf("replica %s record: %+v", a, rec)
		}
	}
	remainder := new(big.Int).Sub(r.final.Payment, new(big.Int).Mul(share, big.NewInt(3)))
	if got := credited(t, m, c.acct.Account(), r.finalized); got.Cmp(remainder) != 0 {
		t.Errorf("client credited %s at finalize, want the remainder %s", got, remainder)
	}
	if want := new(big.Int).Mul(paid, big.NewInt(3)); r.finalized.Amount.Cmp(want) != 0 {
		t.Errorf("JobFinalized amount %s, want %s", r.finalized.Amount, want)
	}
	checkBooks(t, m)
}

// TestReplicasAgreeOnAFailureRecord: the program of a replicated job fails (it exits 2);
// each of the three replicas builds the same failure record, commits and reveals it, the
// round agrees on it, and at finalize each replica is paid its share as for any result.
func TestReplicasAgreeOnAFailureRecord(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	ctx := context.Background()
	nodes := map[common.Address]*node.Node{}
	for _, p := range stakedProviders(t, m, "replica", 3) {
		nodes[p.acct.Account()] = p.start(t, nil, dishonest.Honest)
	}
	c := newClient(t, m)
	r := followReplicated(t, c, c.postDoc(t, greetDoc(c.module(t, guest(t)), "", 0, "replicas: 3\n")), 3)
	if !r.resolved.Agreed || r.resolved.Record == nil || r.resolved.Record.Winners != 3 {
		t.Fatalf("resolved: agreed %v, record %+v; want all 3 agreeing", r.resolved.Agreed, r.resolved.Record)
	}
	data, _, err := providers.FetchJobResult(ctx, c.host, c.acct, r.final, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if fr, ok, err := results.ReadFailure(data); err != nil || !ok || fr.Reason != results.FailExitCode || fr.ExitCode != 2 {
		t.Fatalf("the agreed result: %+v (a record: %v, %v); want the exit code 2 failure record", fr, ok, err)
	}
	_, paid := replicaShare(r.final)
	for _, a := range r.seated {
		if got := credited(t, m, a, r.finalized); got.Cmp(paid) != 0 {
			t.Errorf("replica %s credited %s at finalize, want %s", a, got, paid)
		}
		rec := waitRecordState(t, nodes[a], r.job.ID, store.StateDone, 10*time.Second)
		if !slices.Equal(rec.ResultCID, r.final.ResultCID) || !strings.HasPrefix(rec.Failure, "exit code 2: ") {
			t.Errorf("replica %s record: result %x, failure %q", a, rec.ResultCID, rec.Failure)
		}
	}
	checkBooks(t, m)
}

// TestReplicaLiarLoses: two honest nodes and a "wrong-result" node take the seats; the
// honest majority's result wins; at the resolution the liar's collateral is slashed to the
// client; at finalize each honest replica is credited payment / 3 less the fee, the client
// the rest (payment − 2 shares), and the liar nothing.
func TestReplicaLiarLoses(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	all := stakedProviders(t, m, "replica", 3)
	honest, liar := all[:2], all[2]
	nodes := map[common.Address]*node.Node{}
	for _, p := range honest {
		nodes[p.acct.Account()] = p.start(t, nil, dishonest.Honest)
	}
	liarNode := liar.start(t, nil, dishonest.WrongResult)
	c := newClient(t, m)

	r := runReplicated(t, c, "majority", 3)
	if !r.resolved.Agreed || r.resolved.Record == nil || r.resolved.Record.Winners != 2 {
		t.Fatalf("resolved: agreed %v, record %+v; want 2 agreeing", r.resolved.Agreed, r.resolved.Record)
	}
	honestCID := waitRecordState(t, nodes[honest[0].acct.Account()], r.job.ID, store.StateDone, 10*time.Second).ResultCID
	if !slices.Equal(r.final.ResultCID, honestCID) {
		t.Fatalf("the job's result is %x, the honest replicas computed %x", r.final.ResultCID, honestCID)
	}

	// The outvoted liar's collateral stays locked until the job ends (it may challenge; a
	// dishonest node does not), then goes to the client at finalize.
	collateral := r.job.Collateral
	if got := credited(t, m, c.acct.Account(), r.resolved); got.Sign() != 0 {
		t.Errorf("client credited %s at the resolution, want nothing until finalize", got)
	}
	if lost := stakeLost(t, m, liar.acct.Account(), r.finalized); lost.Cmp(collateral) != 0 {
		t.Errorf("the liar's stake fell by %s at finalize, want its collateral %s", lost, collateral)
	}
	share, paid := replicaShare(r.final)
	for _, p := range honest {
		a := p.acct.Account()
		if got := credited(t, m, a, r.finalized); got.Cmp(paid) != 0 {
			t.Errorf("honest replica %s credited %s at finalize, want %s", a, got, paid)
		}
		if lost := stakeLost(t, m, a, r.resolved); lost.Sign() != 0 {
			t.Errorf("honest replica %s lost %s of stake", a, lost)
		}
		waitRecordState(t, nodes[a], r.job.ID, store.StateDone, 10*time.Second)
	}
	if got := credited(t, m, liar.acct.Account(), r.finalized); got.Sign() != 0 {
		t.Errorf("the liar credited %s at finalize, want 0", got)
	}
	rest := new(big.Int).Sub(r.final.Payment, new(big.Int).Mul(share, big.NewInt(2)))
	rest.Add(rest, collateral)
	if got := credited(t, m, c.acct.Account(), r.finalized); got.Cmp(rest) != 0 {
		t.Errorf("client credited %s at finalize, want payment − 2 shares + the liar's collateral = %s", got, rest)
	}
	rec := waitRecordState(t, liarNode, r.job.ID, store.StateFailed, 10*time.Second)
	t.Logf("the liar's record: %s (%s)", rec.State, rec.Reason)
	checkBooks(t, m)
}

// TestOutvotedReplicaChallenges: two lying nodes (the same tampered result) outvote an honest
// one in a three-replica round. The honest node, whose collateral the market now keeps locked
// until the job ends, challenges the majority's result on its own; three honest verifier nodes
// (asking more than the job pays, so they take no seat) draw, re-execute and uphold it. The
// liars are slashed, the client refunded, the honest replica unslashed and unlocked, credited
// its bond back and the challenger's reward, and its record ends done; the books balance.
func TestOutvotedReplicaChallenges(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	policy := node.Policy{MinPayment: deploy.Token(1000)}
	for _, p := range stakedProviders(t, m, "verifier", 3) {
		p.startWith(t, p.acct, policy)
	}
	honest := stakedProvider(t, m, "honest")
	hn := honest.start(t, nil, dishonest.Honest)
	liars := stakedProviders(t, m, "liar", 2)
	for _, l := range liars {
		l.start(t, nil, dishonest.WrongResult)
	}
	c := newClient(t, m)
	job := c.postReplicatedWindow(t, "outvoted", 3, 30*time.Second, 30*time.Second)

	resolved := waitEvent(t, c.acct, job.ID, settlement.EventReplicasResolved, 90*time.Second)
	if !resolved.Agreed || resolved.Record == nil || resolved.Record.Winners != 2 {
		t.Fatalf("resolved: agreed %v, record %+v; want the two liars agreeing", resolved.Agreed, resolved.Record)
	}
	opened := waitEvent(t, c.acct, job.ID, settlement.EventChallengeOpened, 30*time.Second)
	if opened.Account != honest.acct.Account() {
		t.Fatalf("challenged by %s, want the outvoted honest replica %s", opened.Account, honest.acct.Account())
	}
	res := waitEvent(t, c.acct, job.ID, settlement.EventChallengeResolved, 90*time.Second)
	if res.Outcome != settlement.OutcomeUpheld {
		t.Fatalf("challenge %s (%d agree, %d disagree), want upheld by the honest verifiers", res.Outcome, res.Agree, res.Disagree)
	}
	collateral := job.Collateral
	for _, l := range liars {
		if lost := stakeLost(t, m, l.acct.Account(), res); lost.Cmp(collateral) != 0 {
			t.Errorf("liar %s lost %s of stake at the verdict, want its collateral %s", l.acct.Account(), lost, collateral)
		}
	}
	h := honest.acct.Account()
	if lost := stakeLost(t, m, h, res); lost.Sign() != 0 {
		t.Errorf("the honest replica lost %s of stake", lost)
	}
	if info := providerInfo(t, m, h, res.Block); info.Locked.Sign() != 0 {
		t.Errorf("the honest replica still has %s locked after the verdict", info.Locked)
	}
	params := m.Deployment.Params.Market
	bond, _ := new(big.Int).SetString(params.ChallengeBond, 10)
	reward := bps(new(big.Int).Mul(collateral, big.NewInt(2)), params.ChallengerRewardBps)
	if got, want := credited(t, m, h, res), new(big.Int).Add(bond, reward); got.Cmp(want) != 0 {
		t.Errorf("the honest replica was credited %s at the verdict, want its bond and the challenger's reward %s", got, want)
	}
	if got := credited(t, m, c.acct.Account(), res); got.Cmp(job.Payment) != 0 {
		t.Errorf("the client was credited %s, want its payment %s back", got, job.Payment)
	}
	rec := waitRecordState(t, hn, job.ID, store.StateDone, 20*time.Second)
	t.Logf("the honest replica's record: %s (%s)", rec.State, rec.Reason)
	checkBooks(t, m)
}

// crashingReplica is a provider account whose first replica commit (across the crashOnce)
// is sent and then reported failed, and whose later calls to it hang until the node stops.
type crashingReplica struct {
	*onchain.Managed
	c *crashOnce
}

func (s *crashingReplica) CommitReplica(ctx context.Context, id settlement.JobID, cid []byte, salt [32]byte) error {
	return s.c.send(ctx, s.Account(), "replica commit", func() error { return s.Managed.CommitReplica(ctx, id, cid, salt) })
}

// TestReplicaRestartBetweenCommitAndReveal: the first replica to commit "crashes" right
// after sending its commitment; the test stops its node, finds the salt on disk, and starts
// it again on the same data directory: it reveals under that salt, the round agrees with all
// three, and the chain shows one commit and one reveal per replica.
func TestReplicaRestartBetweenCommitAndReveal(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	seats := stakedProviders(t, m, "replica", 3)
	crash := &crashOnce{crashed: make(chan common.Address, 1)}
	nodes := map[common.Address]*node.Node{}
	byAcct := map[common.Address]*provider{}
	for _, p := range seats {
		byAcct[p.acct.Account()] = p
		nodes[p.acct.Account()] = p.startWith(t, &crashingReplica{Managed: p.acct, c: crash}, node.Policy{})
	}
	c := newClient(t, m)

	job := c.postReplicated(t, "restart", len(seats), 30*time.Second)

	var crashed common.Address
	select {
	case crashed = <-crash.crashed:
	case <-time.After(90 * time.Second):
		t.Fatal("no replica committed")
	}
	stop(t, nodes[crashed])
	before := record(t, byAcct[crashed], job.ID)
	if before.State != store.StateCommitting || before.Salt.IsZero() {
		t.Fatalf("the crashed replica's record: %s, salt set %v; want committing with its salt", before.State, !before.Salt.IsZero())
	}
	t.Logf("replica %s crashed after sending its commit; restarting it", crashed)
	nodes[crashed] = byAcct[crashed].startWith(t, byAcct[crashed].acct, node.Policy{})

	resolved := waitEvent(t, c.acct, job.ID, settlement.EventReplicasResolved, 60*time.Second)
	if !resolved.Agreed || resolved.Record == nil || resolved.Record.Winners != 3 {
		t.Fatalf("resolved: agreed %v, record %+v; want all 3 agreeing", resolved.Agreed, resolved.Record)
	}
	waitJob(t, c.acct, job.ID, "finalized", 45*time.Second, status(settlement.StatusFinalized))
	for _, kind := range []settlement.EventKind{settlement.EventPanelCommitted, settlement.EventPanelRevealed} {
		if n := countEvents(t, c.acct, job.ID, kind); n != 3 {
			t.Errorf("%d %s events, want 3", n, kind)
		}
	}
	after := waitRecordState(t, nodes[crashed], job.ID, store.StateDone, 10*time.Second)
	if after.Salt != before.Salt || !slices.Equal(after.ResultCID, before.ResultCID) {
		t.Errorf("the restarted replica's salt or result changed across the restart")
	}
}

// TestReplicasShortOfSeatsReclaim: two nodes take two of a job's three seats and run it;
// the third seat stays empty past accept-by, so the round can never start. A node reclaims
// the job itself (anyone may): the client is refunded the payment, both seats' collateral is
// unlocked in that transaction, and both records end Abandoned with nothing committed.
func TestReplicasShortOfSeatsReclaim(t *testing.T) {
	// Not parallel: both nodes must take their seats within the job's 8 s accept window, which
	// a node starved of CPU beside seven other stories (on a 2-core machine) was seen to miss.
	m := newMarket(t)
	seats := stakedProviders(t, m, "replica", 2)
	nodes := map[common.Address]*node.Node{}
	for _, p := range seats {
		nodes[p.acct.Account()] = p.start(t, nil, dishonest.Honest)
	}
	c := newClient(t, m)
	job := c.postReplicated(t, "short", 3, 8*time.Second)

	reclaimed := waitEvent(t, c.acct, job.ID, settlement.EventJobReclaimed, 40*time.Second)
	tx, _, err := eth.TransactionByHash(context.Background(), reclaimed.TxHash)
	if err != nil {
		t.Fatal(err)
	}
	from, err := types.Sender(types.LatestSignerForChainID(dn.ChainID()), tx)
	if err != nil {
		t.Fatal(err)
	}
	if nodes[from] == nil {
		t.Errorf("the reclaim was sent by %s, want one of the replicas' nodes", from)
	}
	if got := credited(t, m, c.acct.Account(), reclaimed); got.Cmp(job.Payment) != 0 {
		t.Errorf("client credited %s by the reclaim, want the payment %s", got, job.Payment)
	}
	unlocked := unlockedBy(t, m, reclaimed.TxHash)
	for a, n := range nodes {
		if u := unlocked[a]; u == nil || u.Cmp(job.Collateral) != 0 {
			t.Errorf("%s: the reclaim unlocked %v, want its collateral %s", a, u, job.Collateral)
		}
		rec := waitRecordState(t, n, job.ID, store.StateAbandoned, 10*time.Second)
		if rec.Role != store.RoleReplica || rec.Seat < 0 || !rec.Salt.IsZero() {
			t.Errorf("%s: record %+v; want a seated replica that never committed", a, rec)
		}
		t.Logf("%s: %s", a, rec.Reason)
	}
	if n := countEvents(t, c.acct, job.ID, settlement.EventPanelCommitted); n != 0 {
		t.Errorf("%d commits, want none", n)
	}
}

// unlockedBy sums the registry's Unlocked events of transaction tx by provider.
func unlockedBy(t *testing.T, m *testchain.Market, tx common.Hash) map[common.Address]*big.Int {
	t.Helper()
	rcpt, err := eth.TransactionReceipt(context.Background(), tx)
	if err != nil {
		t.Fatal(err)
	}
	reg := bindings.NewProviderRegistry()
	out := map[common.Address]*big.Int{}
	for _, l := range rcpt.Logs {
		if l.Address != m.Deployment.Registry {
			continue
		}
		if ev, err := reg.UnpackUnlockedEvent(l); err == nil {
			if out[ev.Provider] == nil {
				out[ev.Provider] = new(big.Int)
			}
			out[ev.Provider].Add(out[ev.Provider], ev.Amount)
		}
	}
	return out
}

// checkBooks fails the test when the market's books do not balance.
func checkBooks(t *testing.T, m *testchain.Market) {
	t.Helper()
	rep, err := audit.Check(context.Background(), eth, m.Addresses(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Balanced() {
		t.Fatalf("the books do not balance: %+v", rep.Ledgers)
	}
}
