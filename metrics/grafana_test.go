package metrics_test

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/brine-compute/brine/metrics"
)

// dashboard is the Grafana dashboard operators import; docs/operations.md says how.
const dashboard = "../docs/grafana/brine.json"

type grafanaPanel struct {
	Type    string `json:"type"`
	Title   string `json:"title"`
	Targets []struct {
		Expr  string `json:"expr"`
		RefID string `json:"refId"`
	} `json:"targets"`
	Panels []grafanaPanel `json:"panels"` // a collapsed row's
}

// TestGrafanaDashboard: docs/grafana/brine.json is a dashboard whose every query names only
// metrics the code exports (histograms by their _bucket, _sum and _count series) or the
// scrape's up, matches only labels those metrics have, names only the scrape jobs of
// docs/operations.md, and that shows every metric of the catalogue somewhere.
func TestGrafanaDashboard(t *testing.T) {
	b, err := os.ReadFile(dashboard)
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Title  string         `json:"title"`
		UID    string         `json:"uid"`
		Panels []grafanaPanel `json:"panels"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("the dashboard is not JSON: %v", err)
	}
	if d.Title == "" || d.UID == "" || len(d.Panels) == 0 {
		t.Fatalf("the dashboard needs a title, a uid and panels")
	}
	labels := map[string][]string{"up": nil}
	for _, i := range metrics.Catalogue() {
		labels[i.Name] = i.Labels
		if i.Type == metrics.Histogram {
			labels[i.Name+"_bucket"] = append(slices.Clone(i.Labels), "le")
			labels[i.Name+"_sum"], labels[i.Name+"_count"] = i.Labels, i.Labels
		}
	}
	jobs := scrapeJobs(t)
	brineName := regexp.MustCompile(`\bbrine_[a-z0-9_]+`)
	selector := regexp.MustCompile(`\b([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{([^}]*)\}`)
	matcher := regexp.MustCompile(`([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"([^"]*)"`)
	byList := regexp.MustCompile(`\b(?:by|without)\s*\(([^)]*)\)`)
	shown := map[string]bool{}
	var walk func([]grafanaPanel)
	walk = func(ps []grafanaPanel) {
		for _, p := range ps {
			walk(p.Panels)
			if p.Type != "row" && len(p.Targets) == 0 {
				t.Errorf("panel %q has no query", p.Title)
			}
			for _, q := range p.Targets {
				if !balanced(q.Expr) {
					t.Errorf("%s: unbalanced brackets in %q", p.Title, q.Expr)
				}
				used := brineName.FindAllString(q.Expr, -1)
				for _, m := range selector.FindAllStringSubmatch(q.Expr, -1) {
					used = append(used, m[1])
					for _, lm := range matcher.FindAllStringSubmatch(m[2], -1) {
						switch {
						case lm[1] == "job":
							if !jobs[lm[3]] {
								t.Errorf("%s: job %q is not a scrape job of %s", p.Title, lm[3], opsDoc)
							}
						case !slices.Contains(labels[m[1]], lm[1]):
							t.Errorf("%s: %s has no label %s (it has %v)", p.Title, m[1], lm[1], labels[m[1]])
						}
					}
				}
				if len(used) == 0 {
					t.Errorf("%s: the query uses no metric: %q", p.Title, q.Expr)
				}
				have := map[string]bool{"job": true, "instance": true}
				for _, m := range used {
					l, ok := labels[m]
					if !ok {
						t.Errorf("%s: %s is not a metric the code exports", p.Title, m)
						continue
					}
					for _, x := range l {
						have[x] = true
					}
					shown[strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(m, "_bucket"), "_sum"), "_count")] = true
				}
				for _, m := range byList.FindAllStringSubmatch(q.Expr, -1) {
					for _, l := range strings.Split(m[1], ",") {
						if l = strings.TrimSpace(l); l != "" && !have[l] {
							t.Errorf("%s: grouped by %s, which none of its metrics has", p.Title, l)
						}
					}
				}
			}
		}
	}
	walk(d.Panels)
	for _, i := range metrics.Catalogue() {
		if !shown[i.Name] {
			t.Errorf("no panel shows %s", i.Name)
		}
	}
}
