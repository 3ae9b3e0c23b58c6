package onchain_test

import (
	"bytes"
	"context"
	"math/big"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

// countingClient records the block ranges of FilterLogs calls. It drops the logs' block
// timestamps, as nodes before go-ethereum 1.16 (and Hardhat) do.
type countingClient struct {
	onchain.Client
	mu     sync.Mutex
	ranges [][2]uint64
}

func (c *countingClient) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	c.mu.Lock()
	c.ranges = append(c.ranges, [2]uint64{q.FromBlock.Uint64(), q.ToBlock.Uint64()})
	c.mu.Unlock()
	logs, err := c.Client.FilterLogs(ctx, q)
	for i := range logs {
		logs[i].BlockTimestamp = 0
	}
	return logs, err
}

func (c *countingClient) take() [][2]uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.ranges
	c.ranges = nil
	return r
}

func allEvents(t *testing.T, src settlement.EventSource, after settlement.Cursor, conf uint64) ([]settlement.Event, settlement.Cursor) {
	t.Helper()
	evs, next, err := src.Events(ctx, after, conf, 0)
	must(t, err)
	return evs, next
}

// inOrder fails unless the events' positions strictly increase.
func inOrder(t *testing.T, evs []settlement.Event) {
	t.Helper()
	for i := 1; i < len(evs); i++ {
		if !evs[i-1].Position().Before(evs[i].Position()) {
			t.Fatalf("event %d (%s) does not come after event %d (%s)", i, evs[i], i-1, evs[i-1])
		}
	}
}

func ofJob(evs []settlement.Event, id settlement.JobID) []settlement.Event {
	var out []settlement.Event
	for _, e := range evs {
		if e.Job == id {
			out = append(out, e)
		}
	}
	return out
}

func kinds(evs []settlement.Event) []settlement.EventKind {
	out := make([]settlement.EventKind, len(evs))
	for i, e := range evs {
		out[i] = e.Kind
	}
	return out
}

// TestEventsStory reads the events of a challenged-and-rejected job, a replicated job, a
// reclaimed and a timed-out job, and checks each one's fields against what happened.
func TestEventsStory(t *testing.T) {
	w := newChallengeWorld(t)
	id := w.committedJob()
	vs := w.drawn(id)
	w.vote(id, vs, w.cid)
	w.passAppealWindow(id)
	_, err := w.client.S.ResolveChallenge(ctx, id)
	must(t, err)
	must(t, w.client.S.Finalize(ctx, id))

	// N=2: seats, commit-reveal, agreement.
	rep, err := w.client.S.PostJob(ctx, w.request(w.payment, w.collat, 2, 30*time.Second, 30*time.Second, 4*time.Second))
	must(t, err)
	salts := [][32]byte{simchain.Salt(), simchain.Salt()}
	for _, p := range w.ps[1:3] {
		must(t, p.S.Accept(ctx, rep.ID))
	}
	for i, p := range w.ps[1:3] {
		must(t, p.S.CommitReplica(ctx, rep.ID, w.cid, salts[i]))
	}
	for i, p := range w.ps[1:3] {
		must(t, p.S.RevealReplica(ctx, rep.ID, w.cid, salts[i]))
	}
	_, err = w.client.S.ResolveReplicas(ctx, rep.ID)
	must(t, err)

	// Reclaimed and timed out.
	a, err := w.client.S.PostJob(ctx, w.request(w.payment, w.collat, 1, 10*time.Second, 20*time.Second, 5*time.Second))
	must(t, err)
	b, err := w.client.S.PostJob(ctx, w.request(w.payment, w.collat, 1, 10*time.Second, 20*time.Second, 5*time.Second))
	must(t, err)
	must(t, w.ps[4].S.Accept(ctx, b.ID))
	w.c.Advance(31 * time.Second)
	must(t, w.challenger.S.Reclaim(ctx, a.ID))
	must(t, w.challenger.S.ClaimTimeout(ctx, b.ID))

	src := onchain.NewEventReader(w.c.Client, w.c.Addr)
	evs, next := allEvents(t, src, settlement.Cursor{}, 0)
	inOrder(t, evs)
	head, err := w.c.Client.BlockNumber(ctx)
	must(t, err)
	if next != (settlement.Cursor{Block: head + 1}) {
		t.Fatalf("next cursor %s, want %d/0", next, head+1)
	}
	// The Settlement is the same source.
	viaSettlement, _ := allEvents(t, w.client.S, settlement.Cursor{}, 0)
	if len(viaSettlement) != len(evs) {
		t.Fatalf("Settlement.Events returned %d events, the reader %d", len(viaSettlement), len(evs))
	}
	for _, e := range evs {
		h, err := w.c.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(e.Block))
		must(t, err)
		r, err := w.c.Client.TransactionReceipt(ctx, e.TxHash)
		must(t, err)
		if !e.Time.Equal(time.Unix(int64(h.Time), 0)) || r.BlockNumber.Uint64() != e.Block {
			t.Fatalf("%s: time %s tx block %s; header says %d", e, e.Time, r.BlockNumber, h.Time)
		}
	}

	// The challenged job.
	got := ofJob(evs, id)
	want := []settlement.EventKind{settlement.EventJobPosted, settlement.EventJobAccepted, settlement.EventResultCommitted,
		settlement.EventChallengeOpened, settlement.EventVerifiersDrawn}
	for range vs {
		want = append(want, settlement.EventPanelCommitted)
	}
	for range vs {
		want = append(want, settlement.EventPanelRevealed)
	}
	want = append(want, settlement.EventChallengeResolved, settlement.EventJobFinalized)
	if !slices.Equal(kinds(got), want) {
		t.Fatalf("job %d events %v, want %v", id, kinds(got), want)
	}
	posted, accepted, committed, opened, drawn := got[0], got[1], got[2], got[3], got[4]
	if posted.Account != w.client.Addr || posted.Record == nil || posted.Record.Status != settlement.StatusOpen || posted.Seat != -1 {
		t.Fatalf("posted: %+v", posted)
	}
	wantInt(t, "posted payment", posted.Record.Payment, w.payment)
	if accepted.Account != w.ps[0].Addr || accepted.Record.Provider != w.ps[0].Addr || accepted.Record.Status != settlement.StatusAccepted {
		t.Fatalf("accepted: %+v", accepted)
	}
	if committed.Account != w.ps[0].Addr || !bytes.Equal(committed.CID, w.cid) || !bytes.Equal(committed.Record.ResultCID, w.cid) ||
		committed.Record.Status != settlement.StatusCommitted || !committed.Record.CommittedAt.Equal(committed.Time) {
		t.Fatalf("committed: %+v", committed)
	}
	if opened.Account != w.challenger.Addr || opened.Anchor != opened.Block+1 || opened.Record.Status != settlement.StatusChallenged {
		t.Fatalf("opened: %+v", opened)
	}
	wantInt(t, "bond", opened.Amount, deploy.Token(10))
	voteVs := make([]common.Address, len(vs))
	for i, v := range vs {
		voteVs[i] = v.Addr
	}
	if !slices.Equal(drawn.Verifiers, voteVs) || !drawn.CommitBy.Equal(drawn.Time.Add(10*time.Second)) || !drawn.RevealBy.After(drawn.CommitBy) {
		t.Fatalf("drawn: %+v (voters %v)", drawn, voteVs)
	}
	for i := range vs {
		c, r := got[5+i], got[5+len(vs)+i]
		if c.Panel != settlement.PanelVerifiers || c.Account != vs[i].Addr || c.Seat != i || c.Commitment == (common.Hash{}) {
			t.Fatalf("vote commit %d: %+v", i, c)
		}
		if r.Panel != settlement.PanelVerifiers || r.Account != vs[i].Addr || r.Seat != i || !bytes.Equal(r.CID, w.cid) {
			t.Fatalf("vote reveal %d: %+v", i, r)
		}
	}
	resolved, finalized := got[len(got)-2], got[len(got)-1]
	if resolved.Outcome != settlement.OutcomeRejected || resolved.Agree != len(vs) || resolved.Disagree != 0 || resolved.Record.Status != settlement.StatusCleared {
		t.Fatalf("resolved: %+v", resolved)
	}
	if finalized.Account != w.ps[0].Addr || finalized.Record != nil {
		t.Fatalf("finalized: %+v", finalized)
	}
	wantInt(t, "paid", finalized.Amount, sub(w.payment, fee(w.payment)))
	wantInt(t, "fee", finalized.Fee, fee(w.payment))

	// The replicated job.
	got = ofJob(evs, rep.ID)
	want = []settlement.EventKind{settlement.EventJobPosted, settlement.EventReplicaAccepted, settlement.EventReplicaAccepted,
		settlement.EventPanelCommitted, settlement.EventPanelCommitted, settlement.EventPanelRevealed, settlement.EventPanelRevealed,
		settlement.EventReplicasResolved}
	if !slices.Equal(kinds(got), want) {
		t.Fatalf("job %d events %v, want %v", rep.ID, kinds(got), want)
	}
	for i := range 2 {
		acc, c, r := got[1+i], got[3+i], got[5+i]
		if acc.Account != w.ps[1+i].Addr || acc.Seat != i || acc.Record != nil {
			t.Fatalf("replica accepted %d: %+v", i, acc)
		}
		if c.Panel != settlement.PanelReplicas || c.Seat != i || c.Account != w.ps[1+i].Addr {
			t.Fatalf("replica commit %d: %+v", i, c)
		}
		if r.Panel != settlement.PanelReplicas || r.Seat != i || !bytes.Equal(r.CID, w.cid) {
			t.Fatalf("replica reveal %d: %+v", i, r)
		}
	}
	if rr := got[7]; !rr.Agreed || rr.Record.Status != settlement.StatusCommitted || rr.Record.Winners != 2 {
		t.Fatalf("replicas resolved: %+v", rr)
	}

	// Reclaimed and timed out.
	got = ofJob(evs, a.ID)
	if !slices.Equal(kinds(got), []settlement.EventKind{settlement.EventJobPosted, settlement.EventJobReclaimed}) || got[1].Account != w.client.Addr {
		t.Fatalf("job %d events %v", a.ID, got)
	}
	wantInt(t, "reclaim refund", got[1].Amount, w.payment)
	got = ofJob(evs, b.ID)
	if !slices.Equal(kinds(got), []settlement.EventKind{settlement.EventJobPosted, settlement.EventJobAccepted, settlement.EventJobTimedOut}) ||
		got[2].Account != w.ps[4].Addr {
		t.Fatalf("job %d events %v", b.ID, got)
	}
	wantInt(t, "timeout refund", got[2].Amount, w.payment)
	wantInt(t, "timeout slashed", got[2].Slashed, w.collat)
}

// TestEventsResume reads the same events one, two and three at a time from the returned
// cursors, including a cursor in the middle of a block (a finalizeBatch emits several
// JobFinalized events in one transaction): the same events, none twice.
func TestEventsResume(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100))
	p0 := w.provider("p0", deploy.Token(200))
	var jobs []settlement.JobID
	for i := range 3 {
		job, err := client.S.PostJob(ctx, w.request(deploy.Token(3), deploy.Token(1), 1, time.Minute, time.Minute, 4*time.Second))
		must(t, err)
		must(t, p0.S.Accept(ctx, job.ID))
		must(t, p0.S.CommitResult(ctx, job.ID, []byte{byte(i + 1)}))
		jobs = append(jobs, job.ID)
	}
	w.c.Advance(4 * time.Second)
	must(t, client.S.Finalize(ctx, jobs...))

	src := onchain.NewEventReader(w.c.Client, w.c.Addr)
	all, end := allEvents(t, src, settlement.Cursor{}, 0)
	if len(all) != 12 {
		t.Fatalf("%d events, want 12", len(all))
	}
	last := all[len(all)-3:]
	if last[0].Block != last[2].Block || kinds(last)[0] != settlement.EventJobFinalized {
		t.Fatalf("the batch's events are not in one block: %v", last)
	}
	for _, limit := range []int{1, 2, 3, 5} {
		var got []settlement.Event
		cur := settlement.Cursor{}
		for calls := 0; ; calls++ {
			evs, next, err := src.Events(ctx, cur, 0, limit)
			must(t, err)
			if len(evs) > limit {
				t.Fatalf("limit %d: got %d events", limit, len(evs))
			}
			if next.Before(cur) {
				t.Fatalf("limit %d: cursor went back from %s to %s", limit, cur, next)
			}
			if len(evs) > 0 && !evs[0].Position().Before(next) {
				t.Fatalf("limit %d: cursor %s is not after the events returned", limit, next)
			}
			got = append(got, evs...)
			cur = next
			if len(evs) == 0 {
				break
			}
			if calls > 20 {
				t.Fatal("no end in sight")
			}
		}
		if cur != end {
			t.Errorf("limit %d: ended at %s, want %s", limit, cur, end)
		}
		if len(got) != len(all) {
			t.Fatalf("limit %d: %d events, want %d", limit, len(got), len(all))
		}
		for i := range all {
			if got[i].Position() != all[i].Position() || got[i].Kind != all[i].Kind {
				t.Fatalf("limit %d: event %d is %s, want %s", limit, i, got[i], all[i])
			}
		}
	}

	// A cursor in the middle of the batch's block: the events at or after it.
	evs, _, err := src.Events(ctx, last[1].Position(), 0, 0)
	must(t, err)
	if len(evs) != 2 || evs[0].Position() != last[1].Position() || evs[1].Job != jobs[2] {
		t.Fatalf("from %s: %v", last[1].Position(), evs)
	}
	evs, _, err = src.Events(ctx, last[1].Next(), 0, 0)
	must(t, err)
	if len(evs) != 1 || evs[0].Job != jobs[2] {
		t.Fatalf("from %s: %v", last[1].Next(), evs)
	}
	// Nothing new: no events, the same cursor.
	evs, again, err := src.Events(ctx, end, 0, 0)
	must(t, err)
	if len(evs) != 0 || again != end {
		t.Fatalf("at the end: %v, cursor %s (want %s)", evs, again, end)
	}
}

// TestEventsConfirmations: events of the newest blocks wait for the confirmation depth; a
// reorganisation within it is never delivered.
func TestEventsConfirmations(t *testing.T) {
	w := newWorld(t)
	client := w.actor("client", deploy.Token(100))
	src := onchain.NewEventReader(w.c.Client, w.c.Addr)
	_, cur := allEvents(t, src, settlement.Cursor{}, 3)

	job, err := client.S.PostJob(ctx, w.request(deploy.Token(5), deploy.Token(2), 1, time.Minute, time.Minute, 4*time.Second))
	must(t, err)
	postBlock := client.Sender.Sent()[len(client.Sender.Sent())-1].receipt.BlockNumber.Uint64()
	for depth := uint64(0); depth < 3; depth++ {
		evs, next := allEvents(t, src, cur, 3)
		if len(evs) != 0 {
			t.Fatalf("at depth %d: delivered %v", depth, evs)
		}
		if next.Block > postBlock {
			t.Fatalf("at depth %d: the cursor %s passed the post's block %d", depth, next, postBlock)
		}
		cur = next
		w.c.Mine(1)
	}
	evs, next := allEvents(t, src, cur, 3)
	if len(evs) != 1 || evs[0].Job != job.ID || evs[0].Block != postBlock {
		t.Fatalf("at depth 3: %v", evs)
	}
	head, err := w.c.Client.BlockNumber(ctx)
	must(t, err)
	if next != (settlement.Cursor{Block: head - 3 + 1}) {
		t.Fatalf("cursor %s, want %d/0", next, head-2)
	}
	cur = next

	// A post reorganised away before it is 3 deep is never delivered.
	_, err = client.S.PostJob(ctx, w.request(deploy.Token(5), deploy.Token(2), 1, time.Minute, time.Minute, 4*time.Second))
	must(t, err)
	posted := client.Sender.Sent()[len(client.Sender.Sent())-1].receipt
	evs, cur = allEvents(t, src, cur, 3)
	if len(evs) != 0 {
		t.Fatalf("delivered %v before the depth", evs)
	}
	parent, err := w.c.Client.HeaderByNumber(ctx, new(big.Int).Sub(posted.BlockNumber, big.NewInt(1)))
	must(t, err)
	must(t, w.c.Sim.Fork(parent.Hash()))
	replaceWithTransfer(t, w, client, parent)
	w.c.Mine(5)
	evs, _ = allEvents(t, src, cur, 3)
	if len(evs) != 0 {
		t.Fatalf("delivered %v from a dead branch", evs)
	}

	// A depth beyond the chain delivers nothing and keeps the cursor.
	evs, next, err = src.Events(ctx, settlement.Cursor{}, 1<<40, 0)
	must(t, err)
	if len(evs) != 0 || next != (settlement.Cursor{}) {
		t.Fatalf("depth beyond the chain: %v, %s", evs, next)
	}
}

// TestEventsChunks: a scan spanning many blocks is split into eth_getLogs requests of at most
// Chunk blocks and returns what one request would; a limit stops after the request that
// reached it. The draw's re-anchoring (260 blocks later) is delivered too.
func TestEventsChunks(t *testing.T) {
	w := newChallengeWorld(t)
	id := w.committedJob()
	must(t, w.challenger.S.Challenge(ctx, id))
	w.c.Mine(260)
	_, err := w.challenger.S.DrawVerifiers(ctx, id)
	wantErr(t, err, settlement.ErrTooEarly, "-")
	w.c.Mine(2)
	vs, err := w.challenger.S.DrawVerifiers(ctx, id)
	must(t, err)

	whole, end := allEvents(t, onchain.NewEventReader(w.c.Client, w.c.Addr), settlement.Cursor{}, 0)
	cc := &countingClient{Client: w.c.Client}
	src := &onchain.EventReader{Client: cc, Market: w.c.Addr.Market, Start: w.c.Addr.Block, Chunk: 16}
	cc.take()
	chunked, next := allEvents(t, src, settlement.Cursor{}, 0)
	if next != end || len(chunked) != len(whole) {
		t.Fatalf("chunked: %d events to %s; whole: %d to %s", len(chunked), next, len(whole), end)
	}
	for i := range whole {
		if chunked[i].Position() != whole[i].Position() || chunked[i].Kind != whole[i].Kind {
			t.Fatalf("event %d: %s, want %s", i, chunked[i], whole[i])
		}
		// Without timestamps in the logs the time comes from the headers.
		if whole[i].Time.IsZero() || !chunked[i].Time.Equal(whole[i].Time) {
			t.Fatalf("event %d at %s, want %s", i, chunked[i].Time, whole[i].Time)
		}
	}
	ranges := cc.take()
	wantRanges := int((end.Block - w.c.Addr.Block + 15) / 16)
	if len(ranges) != wantRanges {
		t.Fatalf("%d requests for blocks %d..%d, want %d", len(ranges), w.c.Addr.Block, end.Block-1, wantRanges)
	}
	for i, r := range ranges {
		if r[1]-r[0] >= 16 || (i > 0 && r[0] != ranges[i-1][1]+1) || (i == 0 && r[0] != w.c.Addr.Block) {
			t.Fatalf("request %d spans %v (all: %v)", i, r, ranges)
		}
	}

	tail := ofJob(whole, id)
	ks := kinds(tail)
	wantTail := []settlement.EventKind{settlement.EventChallengeOpened, settlement.EventDrawReanchored, settlement.EventVerifiersDrawn}
	if !slices.Equal(ks[len(ks)-3:], wantTail) {
		t.Fatalf("job %d ends with %v, want %v", id, ks[len(ks)-3:], wantTail)
	}
	re := tail[len(tail)-2]
	if re.Anchor != re.Block+1 || re.Anchor <= tail[len(tail)-3].Anchor {
		t.Fatalf("re-anchor %+v after %+v", re, tail[len(tail)-3])
	}
	if len(tail[len(tail)-1].Verifiers) != len(vs) {
		t.Fatalf("drawn %v, want %v", tail[len(tail)-1].Verifiers, vs)
	}

	// With a limit of 1, the scan from the challenge stops after the first request, which
	// found it; the cursor is the end of that request's range.
	from := tail[len(tail)-3].Position()
	evs, next, err := src.Events(ctx, from, 0, 1)
	must(t, err)
	r := cc.take()
	if len(evs) != 1 || evs[0].Kind != settlement.EventChallengeOpened || len(r) != 1 || next != (settlement.Cursor{Block: r[0][1] + 1}) {
		t.Fatalf("limit 1 from %s: %v, next %s, requests %v", from, evs, next, r)
	}
	// From there: nothing for 260 blocks, then the re-anchor; no request past its range. When
	// the draw falls in the same range, the limit cuts the list and the cursor is just after
	// the re-anchor.
	evs, next, err = src.Events(ctx, next, 0, 1)
	must(t, err)
	if len(evs) != 1 || evs[0].Kind != settlement.EventDrawReanchored {
		t.Fatalf("limit 1: %v", evs)
	}
	r = cc.take()
	last := r[len(r)-1]
	wantNext := settlement.Cursor{Block: last[1] + 1}
	if tail[len(tail)-1].Block <= last[1] {
		wantNext = evs[0].Next()
	}
	if last[0] > evs[0].Block || last[1] < evs[0].Block || next != wantNext {
		t.Fatalf("requests %v, next %s (want %s), event in block %d", r, next, wantNext, evs[0].Block)
	}
}

// fixedFinal is a finality.Source naming one block final (none when !ok).
type fixedFinal struct {
	block uint64
	ok    bool
}

func (f fixedFinal) Final(context.Context) (uint64, bool, error) { return f.block, f.ok, nil }

// TestEventsFinality: with a Finality source the reader delivers no event above the block it
// names, and its cursor stops just after that block; with no final block, nothing.
func TestEventsFinality(t *testing.T) {
	w := newChallengeWorld(t)
	w.committedJob()
	whole, _ := allEvents(t, onchain.NewEventReader(w.c.Client, w.c.Addr), settlement.Cursor{}, 0)
	if len(whole) < 2 || whole[0].Block == whole[len(whole)-1].Block {
		t.Fatalf("want events in two blocks at least: %v", whole)
	}
	final := whole[len(whole)-1].Block - 1
	var want []settlement.Event
	for _, ev := range whole {
		if ev.Block <= final {
			want = append(want, ev)
		}
	}
	src := onchain.NewEventReader(w.c.Client, w.c.Addr)
	src.Finality = fixedFinal{block: final, ok: true}
	got, next := allEvents(t, src, settlement.Cursor{}, 0)
	if len(got) != len(want) || next != (settlement.Cursor{Block: final + 1}) {
		t.Fatalf("finalized at %d: %d events to %s, want %d to %d", final, len(got), next, len(want), final+1)
	}
	src.Finality = fixedFinal{}
	if got, next := allEvents(t, src, settlement.Cursor{}, 0); len(got) != 0 || next != (settlement.Cursor{}) {
		t.Fatalf("nothing final: %v to %s", got, next)
	}
}
