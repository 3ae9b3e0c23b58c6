package node_test

import (
	"context"
	"errors"
	"math/big"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/internal/testharness/testchain"
	"github.com/brine-compute/brine/internal/testharness/testnode"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

// TestVerifiersUpholdAChallenge: a dishonest "wrong-result" provider commits a tampered
// result, the client challenges it, and four honest provider nodes (started after the
// commit, so that the liar is the one that took the job) draw the verifiers; the drawn ones
// re-execute the wasm job, commit and reveal their vote and resolve the challenge. It is
// upheld, and the resolution moves exactly the tokens the protocol says: the liar's
// collateral slashed, the client (who is also the challenger) credited the full payment, its
// bond back and challengerRewardBps of the collateral, each disagreeing verifier its equal
// part of verifierRewardBps of it; the books balance.
func TestVerifiersUpholdAChallenge(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	ctx := context.Background()
	// The honest nodes: every other registered provider of the market runs one, so whoever
	// is drawn votes. They ask more than the job pays, so the dishonest node takes it; a
	// verifier's duty does not depend on the price.
	// The first vote commit of any of them is sent and then "crashes" its node (the call
	// fails and the next ones hang until the node stops); the test restarts that node on
	// its data directory, and it must reveal under the salt it stored before the commit.
	policy := node.Policy{MinPayment: deploy.Token(1000)}
	crash := &crashOnce{crashed: make(chan common.Address, 1)}
	honest := map[common.Address]*node.Node{}
	providers := map[common.Address]*provider{}
	for _, p := range stakedProviders(t, m, "verifier", 4) {
		providers[p.acct.Account()] = p
		honest[p.acct.Account()] = p.startWith(t, &crashing{Managed: p.acct, c: crash}, policy)
	}
	liar := stakedProvider(t, m, "liar")
	liar.start(t, nil, dishonest.WrongResult)
	c := newClient(t, m)
	job := c.post(t, "verifiers")
	committed := waitJob(t, c.acct, job.ID, "committed", 45*time.Second, status(settlement.StatusCommitted))
	if committed.Provider != liar.acct.Account() {
		t.Fatalf("provider %s, want the dishonest node %s", committed.Provider, liar.acct.Account())
	}
	if err := c.acct.Challenge(ctx, job.ID); err != nil {
		t.Fatal(err)
	}

	var crashed common.Address
	select {
	case crashed = <-crash.crashed:
	case <-time.After(30 * time.Second):
		t.Fatal("no verifier committed a vote")
	}
	stop(t, honest[crashed])
	before := record(t, providers[crashed], job.ID)
	if before.State != store.StateCommitting || before.Salt.IsZero() {
		t.Fatalf("the crashed verifier's record: %s, salt set %v; want committing with its salt", before.State, !before.Salt.IsZero())
	}
	t.Logf("verifier %s crashed after sending its commit; restarting it", crashed)
	honest[crashed] = providers[crashed].startWith(t, providers[crashed].acct, policy)

	resolved := waitEvent(t, c.acct, job.ID, settlement.EventChallengeResolved, 50*time.Second)
	drawn := waitEvent(t, c.acct, job.ID, settlement.EventVerifiersDrawn, time.Second).Verifiers
	t.Logf("drawn %v; resolved %s (%d agree, %d disagree) in block %d", drawn, resolved.Outcome, resolved.Agree, resolved.Disagree, resolved.Block)
	if len(drawn) == 0 {
		t.Fatal("no verifiers drawn")
	}
	for _, v := range drawn {
		if honest[v] == nil {
			t.Fatalf("drew %s, which runs no honest node", v)
		}
	}
	if resolved.Outcome != settlement.OutcomeUpheld || resolved.Disagree != len(drawn) || resolved.Agree != 0 {
		t.Fatalf("outcome %s with %d agree, %d disagree; want upheld with all %d disagreeing", resolved.Outcome, resolved.Agree, resolved.Disagree, len(drawn))
	}
	if n := countPanel(t, c.acct, job.ID, settlement.EventPanelCommitted); n != len(drawn) {
		t.Errorf("%d verifier commits, want %d", n, len(drawn))
	}
	if n := countPanel(t, c.acct, job.ID, settlement.EventPanelRevealed); n != len(drawn) {
		t.Errorf("%d verifier reveals, want %d", n, len(drawn))
	}
	if n := countEvents(t, c.acct, job.ID, settlement.EventChallengeResolved); n != 1 {
		t.Errorf("%d ChallengeResolved events, want 1", n)
	}

	// Exact amounts: the resolution's block against the one before, less whatever other
	// transactions of that block credited.
	params := m.Deployment.Params.Market
	bond, _ := new(big.Int).SetString(params.ChallengeBond, 10)
	collateral := committed.Collateral
	toChallenger := bps(collateral, params.ChallengerRewardBps)
	share := new(big.Int).Quo(bps(collateral, params.VerifierRewardBps), big.NewInt(int64(len(drawn))))
	want := map[common.Address]*big.Int{
		c.acct.Account():    new(big.Int).Add(committed.Payment, new(big.Int).Add(bond, toChallenger)),
		liar.acct.Account(): new(big.Int),
	}
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
	staked := func(block uint64) *big.Int { return providerInfo(t, m, liar.acct.Account(), block).Staked }
	if lost := new(big.Int).Sub(staked(resolved.Block-1), staked(resolved.Block)); lost.Cmp(collateral) != 0 {
		t.Errorf("the dishonest provider's stake fell by %s, want its collateral %s", lost, collateral)
	}

	// Each drawn node's record ends done, with the salt it committed under.
	for _, v := range drawn {
		n := honest[v]
		var rec store.JobRecord
		var err error
		if !testharness.Poll(10*time.Second, func() bool {
			rec, err = n.Store().Get(job.ID)
			return err == nil && rec.State == store.StateDone
		}) {
			t.Fatalf("%s: verifier record %s (%v), want done", v, rec.State, err)
		}
		if rec.Role != store.RoleVerifier || rec.Salt.IsZero() || len(rec.ResultCID) == 0 || slices.Equal(rec.ResultCID, committed.ResultCID) {
			t.Errorf("%s: record %+v", v, rec)
		}
		if v == crashed && (rec.Salt != before.Salt || !slices.Equal(rec.ResultCID, before.ResultCID)) {
			t.Errorf("the restarted verifier's salt or result changed across the restart")
		}
	}

	rep, err := audit.Check(ctx, eth, m.Addresses(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Balanced() {
		t.Fatalf("the books do not balance: %+v", rep.Ledgers)
	}
}

// crashOnce makes the first vote commit of a set of nodes "crash" its node.
type crashOnce struct {
	mu      sync.Mutex
	who     common.Address
	crashed chan common.Address
}

// crashing is a provider account whose first vote commit (across the crashOnce) is sent and
// then reported failed, and whose later calls to it hang until the node stops.
type crashing struct {
	*onchain.Managed
	c *crashOnce
}

func (s *crashing) CommitVote(ctx context.Context, id settlement.JobID, cid []byte, salt [32]byte) error {
	return s.c.send(ctx, s.Account(), "vote commit", func() error { return s.Managed.CommitVote(ctx, id, cid, salt) })
}

// send is one commit through a crashOnce: the first account to commit sends it and then
// reports a crash; that account's later commits hang until ctx ends; the others just send.
func (c *crashOnce) send(ctx context.Context, who common.Address, what string, commit func() error) error {
	c.mu.Lock()
	first := c.who == (common.Address{})
	crashed := c.who == who
	if first {
		c.who = who
	}
	c.mu.Unlock()
	switch {
	case first:
		if err := commit(); err != nil {
			return err
		}
		c.crashed <- who
		return errors.New("simulated crash after sending the " + what)
	case crashed:
		<-ctx.Done()
		return ctx.Err()
	}
	return commit()
}

// startWith runs a node for p acting through st, with a real wasm executor and the given
// policy.
func (p *provider) startWith(t *testing.T, st node.Chain, policy node.Policy) *node.Node {
	t.Helper()
	return p.Start(t, testnode.Options{Settlement: st, Policy: policy})
}

func bps(x *big.Int, b uint16) *big.Int {
	v := new(big.Int).Mul(x, big.NewInt(int64(b)))
	return v.Quo(v, big.NewInt(10000))
}

// waitEvent waits for job id's first event of kind.
func waitEvent(t *testing.T, src settlement.EventSource, id settlement.JobID, kind settlement.EventKind, d time.Duration) settlement.Event {
	t.Helper()
	var found settlement.Event
	var err error
	if !testharness.Poll(d, func() bool {
		var evs []settlement.Event
		if evs, _, err = src.Events(context.Background(), settlement.Cursor{}, 0, 0); err != nil {
			return true
		}
		i := slices.IndexFunc(evs, func(ev settlement.Event) bool { return ev.Job == id && ev.Kind == kind })
		if i >= 0 {
			found = evs[i]
		}
		return i >= 0
	}) {
		t.Fatalf("job %d: no %s event within %s", id, kind, d)
	}
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// countPanel counts job id's verifier-panel events of kind.
func countPanel(t *testing.T, src settlement.EventSource, id settlement.JobID, kind settlement.EventKind) int {
	t.Helper()
	evs, _, err := src.Events(context.Background(), settlement.Cursor{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ev := range evs {
		if ev.Job == id && ev.Kind == kind && ev.Panel == settlement.PanelVerifiers {
			n++
		}
	}
	return n
}

// otherCredits sums the market's Credited events of ev's block that other transactions
// emitted, by account (zero for the accounts they did not credit).
func otherCredits(t *testing.T, m *testchain.Market, ev settlement.Event) map[common.Address]*big.Int {
	t.Helper()
	jm := bindings.NewJobMarket()
	b := new(big.Int).SetUint64(ev.Block)
	logs, err := eth.FilterLogs(context.Background(), ethereum.FilterQuery{FromBlock: b, ToBlock: b, Addresses: []common.Address{m.Deployment.Market}})
	if err != nil {
		t.Fatal(err)
	}
	out := map[common.Address]*big.Int{}
	get := func(a common.Address) *big.Int {
		if out[a] == nil {
			out[a] = new(big.Int)
		}
		return out[a]
	}
	for i := range logs {
		cr, err := jm.UnpackCreditedEvent(&logs[i])
		if err != nil || logs[i].TxHash == ev.TxHash {
			continue
		}
		get(cr.Account).Add(get(cr.Account), cr.Amount)
	}
	for _, a := range m.Accounts() {
		get(a)
	}
	return out
}

// marketBalance is account's credited market balance at block.
func marketBalance(t *testing.T, m *testchain.Market, account common.Address, block uint64) *big.Int {
	t.Helper()
	jm := bindings.NewJobMarket()
	inst := jm.Instance(eth, m.Deployment.Market)
	v, err := bind.Call(inst, &bind.CallOpts{BlockNumber: new(big.Int).SetUint64(block)}, jm.PackBalances(account), jm.UnpackBalances)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// providerInfo is account's registry record at block.
func providerInfo(t *testing.T, m *testchain.Market, account common.Address, block uint64) bindings.ProviderInfoOutput {
	t.Helper()
	r := bindings.NewProviderRegistry()
	inst := r.Instance(eth, m.Deployment.Registry)
	v, err := bind.Call(inst, &bind.CallOpts{BlockNumber: new(big.Int).SetUint64(block)}, r.PackProviderInfo(account), r.UnpackProviderInfo)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
