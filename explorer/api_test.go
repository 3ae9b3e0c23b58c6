package explorer_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/explorer"
	"github.com/brine-compute/brine/index"
)

// get fetches path from the fixture's server and decodes its JSON into v (when not nil),
// failing unless the status is want.
func get(t testing.TB, f *fixture, path string, want int, v any) *http.Response {
	t.Helper()
	resp, err := http.Get(f.http.URL + path)
	must(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	must(t, err)
	if resp.StatusCode != want {
		t.Fatalf("GET %s: %d %s, want %d", path, resp.StatusCode, body, want)
	}
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v in %s", path, err, body)
		}
	}
	return resp
}

func TestAPIShowsTheStory(t *testing.T) {
	f := storyFixture(t)

	var all explorer.JobPage
	get(t, f, "/api/jobs", 200, &all)
	byID := map[string]index.Job{}
	for _, j := range all.Jobs {
		byID[j.ID] = j
	}
	want := map[string]string{f.finalized.String(): index.StatusFinalized, f.challenged.String(): index.StatusUpheld, f.live.String(): index.StatusOpen}
	for id, st := range want {
		if byID[id].Status != st {
			t.Errorf("job %s: status %q, want %q", id, byID[id].Status, st)
		}
	}
	if len(all.Jobs) != 5 || all.Next != "" {
		t.Fatalf("%d jobs, next %q; want the story's 5 on one page", len(all.Jobs), all.Next)
	}
	if all.Jobs[0].PostedTime == 0 {
		t.Errorf("job %s has no posted time: the block times were not recorded", all.Jobs[0].ID)
	}

	// Pages of two, followed by their cursors, list every job once, newest first.
	var seen []string
	next := ""
	for range 10 {
		var p explorer.JobPage
		path := "/api/jobs?limit=2"
		if next != "" {
			path += "&cursor=" + next
		}
		get(t, f, path, 200, &p)
		for _, j := range p.Jobs {
			seen = append(seen, j.ID)
		}
		if next = p.Next; next == "" {
			break
		}
	}
	var ids []string
	for _, j := range all.Jobs {
		ids = append(ids, j.ID)
	}
	if !slices.Equal(seen, ids) {
		t.Errorf("paged %v, one page %v", seen, ids)
	}

	var fin explorer.JobPage
	get(t, f, "/api/jobs?status=finalized&provider="+f.provider.Hex(), 200, &fin)
	if len(fin.Jobs) != 1 || fin.Jobs[0].ID != f.finalized.String() {
		t.Errorf("finalized jobs of %s: %+v", f.provider.Hex(), fin.Jobs)
	}
	var none explorer.JobPage
	get(t, f, fmt.Sprintf("/api/jobs?since=%d", all.Jobs[0].LastTime+3600), 200, &none)
	if len(none.Jobs) != 0 {
		t.Errorf("jobs posted an hour after the last block: %+v", none.Jobs)
	}
	var since explorer.JobPage
	get(t, f, fmt.Sprintf("/api/jobs?since=%d", all.Jobs[len(all.Jobs)-1].PostedTime), 200, &since)
	if len(since.Jobs) != 5 {
		t.Errorf("jobs since the first was posted: %d, want 5", len(since.Jobs))
	}

	// The challenged job's timeline: posted to resolved, with both panels' votes and the appeal.
	var d explorer.JobDetail
	get(t, f, "/api/jobs/"+f.challenged.String(), 200, &d)
	count := map[string]int{}
	for _, e := range d.Events {
		count[e.Name]++
		if e.TxHash == (common.Hash{}) {
			t.Errorf("%s without a transaction", e.Name)
		}
	}
	for _, n := range []string{"JobPosted", "JobAccepted", "ResultCommitted", "ChallengeOpened", "VerifiersDrawn", "AppealOpened", "ChallengeResolved"} {
		if count[n] == 0 {
			t.Errorf("the challenged job's timeline lacks %s: %v", n, count)
		}
	}
	if count["PanelCommitted"] < 2 || count["PanelCommitted"] != count["PanelRevealed"] {
		t.Errorf("votes: %d committed, %d revealed", count["PanelCommitted"], count["PanelRevealed"])
	}
	if d.FailureReason != nil || d.FailureReasonNote == "" {
		t.Errorf("failure reason %v, note %q: want none and the reason why", d.FailureReason, d.FailureReasonNote)
	}

	var p explorer.ProviderDetail
	get(t, f, "/api/providers/"+f.provider.Hex(), 200, &p)
	if p.Jobs[index.StatusFinalized] != 1 || p.Earned == "0" || p.Staked != "200000000000000000000" || len(p.Claims) != 1 || p.Claims[0].Epoch != f.epoch {
		t.Errorf("provider %s: %+v", f.provider.Hex(), p.Provider)
	}
	// The simulated chain is not FEVM: the binding is recorded as a claim, worded as the CLI's.
	wantSP := explorer.SP{Miner: "f01234", MinerID: 1234, Text: "f01234 (claimed, not checked on chain)"}
	if p.SP == nil || p.SP.Block == 0 {
		t.Errorf("provider %s: SP %+v, want miner 1234 bound", f.provider.Hex(), p.SP)
	} else if wantSP.Block = p.SP.Block; *p.SP != wantSP {
		t.Errorf("provider %s: SP %+v, want %+v", f.provider.Hex(), *p.SP, wantSP)
	}
	var cheat explorer.ProviderDetail
	get(t, f, "/api/providers/"+f.cheat.Hex(), 200, &cheat)
	if cheat.Slashed == "0" || len(cheat.Slashes) != 1 || cheat.Slashes[0].Name != "CollateralSlashed" || cheat.Jobs[index.StatusUpheld] != 1 || cheat.SP != nil {
		t.Errorf("the challenged job's provider: slashed %s, slashes %+v, jobs %v, SP %+v", cheat.Slashed, cheat.Slashes, cheat.Jobs, cheat.SP)
	}
	var unbound explorer.ProviderDetail
	get(t, f, "/api/providers/"+f.unbound.Hex(), 200, &unbound)
	if unbound.SP != nil {
		t.Errorf("a provider that unbound its miner shows SP %+v", *unbound.SP)
	}
	var ps explorer.ProviderPage
	get(t, f, "/api/providers", 200, &ps)
	if len(ps.Providers) != 5 {
		t.Errorf("%d providers, want 5", len(ps.Providers))
	}
	for _, e := range ps.Providers {
		if want := e.Address == f.provider; (e.SP != nil) != want || (want && e.SP.Text != wantSP.Text) {
			t.Errorf("the list shows provider %s with SP %+v", e.Address.Hex(), e.SP)
		}
	}

	var cs explorer.ChallengePage
	get(t, f, "/api/challenges", 200, &cs)
	if len(cs.Challenges) != 1 || cs.Challenges[0].Job != f.challenged.String() || cs.Challenges[0].Outcome != "upheld" {
		t.Fatalf("challenges: %+v", cs.Challenges)
	}

	var es explorer.EpochPage
	get(t, f, "/api/epochs", 200, &es)
	if len(es.Epochs) == 0 || es.Epochs[len(es.Epochs)-1].Epoch != f.epoch || es.Epochs[len(es.Epochs)-1].Claims != 1 {
		t.Errorf("epochs: %+v", es.Epochs)
	}

	var bk index.Books
	get(t, f, "/api/books", 200, &bk)
	if bk.FirstBreak != nil || len(bk.Ledgers) != 3 {
		t.Errorf("books: %+v", bk)
	}

	var tot explorer.TotalsSeries
	get(t, f, "/api/totals?hours=24", 200, &tot)
	posted := int64(0)
	for _, b := range tot.Buckets {
		posted += b.Posted
	}
	if len(tot.Buckets) != 24 || posted != 5 {
		t.Errorf("totals: %d buckets, %d posted; want 24 and 5", len(tot.Buckets), posted)
	}
	last := tot.Buckets[len(tot.Buckets)-1]
	if last.Escrow != bk.Ledgers[0].Owed[0].Amount.String() || last.Stake != bk.Ledgers[1].Owed[0].Amount.String() {
		t.Errorf("totals' last bucket %+v, books %+v", last, bk.Ledgers)
	}

	var can explorer.Canaries
	get(t, f, "/api/canaries", 200, &can)
	if !can.Available || len(can.Jobs) != 5 {
		t.Errorf("canaries (the story's client): %+v", can)
	}
}

// openAPIDoc is the part of /openapi.json the tests read: the paths and their query parameters.
type openAPIDoc struct {
	Paths map[string]struct {
		Get struct {
			Parameters []struct {
				Name    string `json:"name"`
				In      string `json:"in"`
				Example string `json:"example"`
			} `json:"parameters"`
		} `json:"get"`
	} `json:"paths"`
}

// examplePaths is, for each documented route, its path with the story's own IDs and that path
// with each query parameter alone, with its example.
func (doc openAPIDoc) examplePaths(f *fixture) map[string][]string {
	examples := map[string]string{"id": f.finalized.String(), "address": f.provider.Hex()}
	out := map[string][]string{}
	for path, item := range doc.Paths {
		base := explorer.ExamplePath(path, examples)
		out[path] = []string{base}
		for _, p := range item.Get.Parameters {
			if p.In == "query" {
				out[path] = append(out[path], base+"?"+p.Name+"="+p.Example)
			}
		}
	}
	return out
}

// TestOpenAPIDocumentsEveryRoute: every JSON route the server has is in /openapi.json, and
// every documented route answers 200 with its documented examples (the story's own IDs).
func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	f := storyFixture(t)
	var doc openAPIDoc
	get(t, f, "/openapi.json", 200, &doc)
	for _, r := range f.srv.Routes() {
		if strings.HasPrefix(r, "/api/") || r == "/openapi.json" {
			if _, ok := doc.Paths[r]; !ok {
				t.Errorf("route %s is not in /openapi.json", r)
			}
		}
	}
	for path, asked := range doc.examplePaths(f) {
		if !slices.Contains(f.srv.Routes(), path) {
			t.Errorf("/openapi.json documents %s, which is not served", path)
		}
		for _, p := range asked {
			get(t, f, p, 200, nil)
		}
	}
	if len(doc.Paths) < 12 {
		t.Errorf("%d documented paths", len(doc.Paths))
	}
}

func TestJobIDsBeyondTheIndexAre404(t *testing.T) {
	f := storyFixture(t)
	get(t, f, "/api/jobs/"+new(big.Int).Lsh(big.NewInt(1), 255).String(), 404, nil)
	get(t, f, "/api/providers/0x00000000000000000000000000000000000000ff", 404, nil)
}

// TestBlockTimesSurviveSmallBatches: recording block times again, a few blocks a call, keeps
// every time recorded (a wrong reorg check once dropped them all on each call).
func TestBlockTimesSurviveSmallBatches(t *testing.T) {
	f := storyFixture(t)
	ctx := context.Background()
	before, err := f.db.LatestTime(ctx)
	must(t, err)
	for range 3 {
		n, err := f.db.RecordBlockTimes(ctx, f.chain.Client, 3)
		must(t, err)
		if n != 0 {
			t.Fatalf("%d blocks recorded again after a catch-up", n)
		}
	}
	var all explorer.JobPage
	get(t, f, "/api/jobs", 200, &all)
	for _, j := range all.Jobs {
		if j.PostedTime == 0 || j.LastTime == 0 {
			t.Errorf("job %s lost its times: %+v", j.ID, j)
		}
	}
	if after, err := f.db.LatestTime(ctx); err != nil || after != before {
		t.Errorf("latest time %d (%v), before %d", after, err, before)
	}
}
