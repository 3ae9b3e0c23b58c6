package node_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

// drawHeld is a provider account whose draws never go out: the first attempt is reported on
// tried and every attempt hangs until the node stops.
type drawHeld struct {
	*onchain.Managed
	tried chan struct{}
	once  sync.Once
}

func (s *drawHeld) DrawVerifiers(ctx context.Context, id settlement.JobID) ([]common.Address, error) {
	s.once.Do(func() { close(s.tried) })
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestPendingDrawSurvivesRestart: a node sees a challenge opened (its watcher moves past the
// event) and is stopped before its draw goes out; restarted on the same data directory it
// draws the verifiers from the pending draw it stored: the VerifiersDrawn transaction is
// its account's. Nothing else draws here (the provider is the dishonest node, which does not
// draw, and no other node runs), so without the stored draw nobody would.
func TestPendingDrawSurvivesRestart(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	ctx := context.Background()
	ps := stakedProviders(t, m, "provider", 2)
	liar, x := ps[0], ps[1]
	liar.start(t, nil, dishonest.WrongResult)
	policy := node.Policy{MinPayment: deploy.Token(1000)} // not the job's provider
	held := &drawHeld{Managed: x.acct, tried: make(chan struct{})}
	first := x.startWith(t, held, policy)
	c := newClient(t, m)

	job := c.post(t, "pending-draw")
	waitJob(t, c.acct, job.ID, "committed", 45*time.Second, status(settlement.StatusCommitted))
	if err := c.acct.Challenge(ctx, job.ID); err != nil {
		t.Fatal(err)
	}
	select {
	case <-held.tried:
	case <-time.After(30 * time.Second):
		t.Fatal("the node never tried to draw")
	}
	stop(t, first)
	s, err := store.Open(store.Path(x.dataDir))
	if err != nil {
		t.Fatal(err)
	}
	pending, err := s.Draws()
	_ = s.Close()
	if err != nil {
		t.Fatal(err)
	}
	opened := waitEvent(t, c.acct, job.ID, settlement.EventChallengeOpened, time.Second)
	if pending[job.ID] != opened.Anchor {
		t.Fatalf("pending draws after the stop: %v, want job %d at anchor %d", pending, job.ID, opened.Anchor)
	}
	if n := countEvents(t, c.acct, job.ID, settlement.EventVerifiersDrawn); n != 0 {
		t.Fatalf("%d draws before the restart, want none", n)
	}

	x.startWith(t, x.acct, policy)
	drawn := waitEvent(t, c.acct, job.ID, settlement.EventVerifiersDrawn, 30*time.Second)
	tx, _, err := eth.TransactionByHash(ctx, drawn.TxHash)
	if err != nil {
		t.Fatal(err)
	}
	from, err := types.Sender(types.LatestSignerForChainID(dn.ChainID()), tx)
	if err != nil {
		t.Fatal(err)
	}
	if from != x.acct.Account() {
		t.Fatalf("the draw was sent by %s, want the restarted node's account %s", from, x.acct.Account())
	}
	t.Logf("drawn %v by the restarted node", drawn.Verifiers)
}

// TestVerifierOutsidePolicyDeclines: the honest nodes cap a job's memory below what the
// challenged job asks for. Drawn, each keeps running, votes nothing (no verifier commit
// appears on chain) and ends its duty Failed with the reason, instead of running a job its
// operator excluded; the market will slash its verifier collateral as a silent verifier's.
func TestVerifierOutsidePolicyDeclines(t *testing.T) {
	t.Parallel()
	m := newMarket(t)
	ctx := context.Background()
	liar := stakedProvider(t, m, "liar")
	liar.start(t, nil, dishonest.WrongResult)
	policy := node.Policy{MinPayment: deploy.Token(1000), MaxMemoryBytes: 32 << 20, Engines: []jobspec.Engine{jobspec.EngineWasm}}
	honest := map[common.Address]*node.Node{}
	for _, p := range stakedProviders(t, m, "verifier", 4) {
		honest[p.acct.Account()] = p.startWith(t, p.acct, policy)
	}
	c := newClient(t, m)
	job := c.post(t, "over-the-cap") // asks for 64MiB
	waitJob(t, c.acct, job.ID, "committed", 45*time.Second, status(settlement.StatusCommitted))
	if err := c.acct.Challenge(ctx, job.ID); err != nil {
		t.Fatal(err)
	}
	drawn := waitEvent(t, c.acct, job.ID, settlement.EventVerifiersDrawn, 30*time.Second)
	ours := 0
	for _, v := range drawn.Verifiers {
		n := honest[v]
		if n == nil {
			continue // not one of the honest nodes
		}
		ours++
		rec := waitRecordState(t, n, job.ID, store.StateFailed, 20*time.Second)
		if rec.Role != store.RoleVerifier || !strings.Contains(rec.Reason, "declined") || !strings.Contains(rec.Reason, "memory") || len(rec.ResultCID) != 0 {
			t.Errorf("%s: verifier record %s (%q), result %x; want failed, declined over the memory cap, nothing run", v, rec.State, rec.Reason, rec.ResultCID)
		}
	}
	if ours == 0 {
		t.Fatalf("drawn %v: none runs a node of this test", drawn.Verifiers)
	}
	if n := countPanel(t, c.acct, job.ID, settlement.EventPanelCommitted); n != 0 {
		t.Errorf("%d verifier commits, want none", n)
	}
}
