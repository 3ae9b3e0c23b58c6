package explorer_test

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/brine-compute/brine/explorer"
	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/internal/testharness/browser"
	"github.com/brine-compute/brine/units"
)

// updateScreenshotsEnv, set to 1, makes TestPagesInABrowser write its screenshots into
// docs/explorer/ (the ones docs/explorer.md shows) instead of a temporary directory.
const updateScreenshotsEnv = "BRINE_UPDATE_SCREENSHOTS"

func tokens(s string) string {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return "bad amount " + s
	}
	return units.Format(v, 18)
}

// TestPagesInABrowser opens every page of the story in headless Chromium: each loads with no
// console error, failed request or CSP violation, and shows the numbers its JSON has.
func TestPagesInABrowser(t *testing.T) {
	f := storyFixture(t)
	b := browser.New(t)
	shots := t.TempDir()
	if os.Getenv(updateScreenshotsEnv) == "1" {
		shots = filepath.Join("..", "docs", "explorer")
	}
	open := func(path, shot string) {
		t.Helper()
		must(t, b.Open(f.http.URL+path))
		if p := b.Problems(); len(p) > 0 {
			t.Errorf("%s: %s", path, strings.Join(p, "; "))
		}
		must(t, b.Screenshot(filepath.Join(shots, shot+".png")))
	}
	same := func(page, selector, want string) {
		t.Helper()
		got, err := b.Text(selector)
		if err != nil {
			t.Errorf("%s: %v", page, err)
			return
		}
		if strings.TrimSpace(got) != want {
			t.Errorf("%s: %s shows %q, the JSON %q", page, selector, got, want)
		}
	}

	open("/", "overview")
	var tot explorer.TotalsSeries
	get(t, f, "/api/totals", 200, &tot)
	posted := int64(0)
	for _, bk := range tot.Buckets {
		posted += bk.Posted
	}
	last := tot.Buckets[len(tot.Buckets)-1]
	same("/", "#jobs-posted", strconv.FormatInt(posted, 10))
	same("/", "#providers-active", strconv.FormatInt(last.Providers, 10))
	same("/", "#escrow", tokens(last.Escrow))
	same("/", "#stake", tokens(last.Stake))
	same("/", "#treasury", tokens(last.Treasury))
	same("/", "#books-state", "held")
	if n, err := b.Count("#chart-jobs rect.bar"); err != nil || n != len(tot.Buckets) {
		t.Errorf("the jobs chart has %d bars (%v), the JSON %d buckets", n, err, len(tot.Buckets))
	}

	open("/jobs", "jobs")
	var jobs explorer.JobPage
	get(t, f, "/api/jobs", 200, &jobs)
	for _, j := range jobs.Jobs {
		same("/jobs", "#job-"+j.ID+" .status", j.Status)
		same("/jobs", "#job-"+j.ID+" .payment", tokens(j.Payment))
	}

	open("/jobs/"+f.challenged.String(), "job-challenged")
	var d explorer.JobDetail
	get(t, f, "/api/jobs/"+f.challenged.String(), 200, &d)
	same("job", "#job-status", d.Job.Status)
	same("job", "#job-payment", tokens(d.Job.Payment))
	same("job", "#event-count", strconv.Itoa(len(d.Events)))
	if n, err := b.Count("#timeline li"); err != nil || n != len(d.Events) {
		t.Errorf("the timeline shows %d events (%v), the JSON %d", n, err, len(d.Events))
	}

	open("/providers", "providers")
	var ps explorer.ProviderPage
	get(t, f, "/api/providers", 200, &ps)
	for _, p := range ps.Providers {
		same("/providers", "#provider-"+p.Address.Hex()+" .jobs", strconv.FormatInt(p.Jobs, 10))
		sp := ""
		if p.SP != nil {
			sp = "SP " + p.SP.Text
		}
		same("/providers", "#provider-"+p.Address.Hex()+" .sp", sp)
	}

	open("/providers/"+f.provider.Hex(), "provider")
	var p explorer.ProviderDetail
	get(t, f, "/api/providers/"+f.provider.Hex(), 200, &p)
	if p.SP == nil {
		t.Fatalf("the API shows no SP for %s", f.provider.Hex())
	}
	same("provider", "#sp", fmt.Sprintf("SP %s bound at block %d", p.SP.Text, p.SP.Block))
	for sel, v := range map[string]string{"#staked": p.Staked, "#locked": p.Locked, "#unbonding": p.Unbonding, "#earned": p.Earned, "#slashed": p.Slashed} {
		same("provider", sel, tokens(v))
	}
	total := int64(0)
	for _, n := range p.Jobs {
		total += n
	}
	same("provider", "#jobs-total", strconv.FormatInt(total, 10))

	open("/challenges", "challenges")
	var cs explorer.ChallengePage
	get(t, f, "/api/challenges", 200, &cs)
	for _, c := range cs.Challenges {
		same("/challenges", "#challenge-"+c.Job+" .outcome", c.Outcome)
		same("/challenges", "#challenge-"+c.Job+" .event-count", strconv.Itoa(len(c.Events)))
	}

	open("/uptime", "uptime")
	var cl explorer.ClaimList
	get(t, f, "/api/claims", 200, &cl)
	same("/uptime", "#claims-count", strconv.Itoa(len(cl.Claims)))
	if n, err := b.Count("#heat-uptime rect.cell:not(.l0)"); err != nil || n != len(cl.Claims) {
		t.Errorf("the heat map has %d claimed cells (%v), the JSON %d claims", n, err, len(cl.Claims))
	}
	var es explorer.EpochPage
	get(t, f, "/api/epochs", 200, &es)
	for _, e := range es.Epochs {
		same("/uptime", fmt.Sprintf("#epoch-%d .claimed", e.Epoch), tokens(e.Claimed))
	}

	open("/canaries", "canaries")
	var can explorer.Canaries
	get(t, f, "/api/canaries", 200, &can)
	for _, j := range can.Jobs {
		same("/canaries", "#canary-"+j.ID+" .status", j.Status)
	}

	open("/books", "books")
	var bk index.Books
	get(t, f, "/api/books", 200, &bk)
	for _, l := range bk.Ledgers {
		same("/books", "#ledger-"+l.Contract+" .holdings", units.Format(l.Holdings, 18))
		same("/books", "#ledger-"+l.Contract+" .owed", units.Format(l.OwedTotal(), 18))
	}
}
