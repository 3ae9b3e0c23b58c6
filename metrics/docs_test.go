package metrics_test

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/brine-compute/brine/metrics"
)

const opsDoc = "../docs/operations.md"

func readOps(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(opsDoc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDocsListEveryMetric: docs/operations.md's table lists exactly the catalogue, with each
// metric's type and labels.
func TestDocsListEveryMetric(t *testing.T) {
	row := regexp.MustCompile("^\\| `(brine_[a-z0-9_]+)` \\| (counter|gauge|histogram) \\| ([^|]*)\\|")
	documented := map[string]metrics.Info{}
	for _, line := range strings.Split(readOps(t), "\n") {
		m := row.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var labels []string
		for _, l := range strings.Split(m[3], ",") {
			if l = strings.Trim(strings.TrimSpace(l), "`"); l != "" {
				labels = append(labels, l)
			}
		}
		if _, dup := documented[m[1]]; dup {
			t.Errorf("%s is documented twice", m[1])
		}
		documented[m[1]] = metrics.Info{Name: m[1], Type: metrics.Type(m[2]), Labels: labels}
	}
	for _, i := range metrics.Catalogue() {
		d, ok := documented[i.Name]
		switch {
		case !ok:
			t.Errorf("%s (%s) is not in %s", i.Name, i.Type, opsDoc)
		case d.Type != i.Type:
			t.Errorf("%s: documented as a %s, it is a %s", i.Name, d.Type, i.Type)
		case !slices.Equal(d.Labels, i.Labels):
			t.Errorf("%s: documented labels %v, it has %v", i.Name, d.Labels, i.Labels)
		}
		delete(documented, i.Name)
	}
	for name := range documented {
		t.Errorf("%s is documented but no code exports it", name)
	}
}

type ruleFile struct {
	Groups []struct {
		Name  string `yaml:"name"`
		Rules []struct {
			Alert       string            `yaml:"alert"`
			Expr        string            `yaml:"expr"`
			For         string            `yaml:"for"`
			Labels      map[string]string `yaml:"labels"`
			Annotations map[string]string `yaml:"annotations"`
		} `yaml:"rules"`
	} `yaml:"groups"`
}

// alertRules is the rule file operators load; docs/operations.md points to it, and
// `make rules` runs promtool's check and unit tests (docs/alerts_test.yml) on it.
const alertRules = "../docs/alerts.yml"

func readRules(t *testing.T) ruleFile {
	t.Helper()
	b, err := os.ReadFile(alertRules)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var rf ruleFile
	if err := dec.Decode(&rf); err != nil {
		t.Fatalf("the alert rules do not parse: %v", err)
	}
	return rf
}

// scrapeJobs are the job names of the scrape configuration in docs/operations.md.
func scrapeJobs(t *testing.T) map[string]bool {
	t.Helper()
	jobs := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s*- job_name: (\S+)$`).FindAllStringSubmatch(readOps(t), -1) {
		jobs[m[1]] = true
	}
	if len(jobs) == 0 {
		t.Fatal("no job_name in the scrape configuration of " + opsDoc)
	}
	return jobs
}

// TestAlertRules: docs/alerts.yml is a valid Prometheus rule file (strict YAML: no unknown
// fields), every rule is complete, every expression uses only metrics the code exports
// (histograms by their _bucket, _sum and _count series) or the scrape's own up, every job it
// names is a scrape job of docs/operations.md, and the failures the operators need are
// covered, a target that is down or missing included.
func TestAlertRules(t *testing.T) {
	rf := readRules(t)
	series := map[string]bool{"up": true} // up: Prometheus's own series for each target
	for _, i := range metrics.Catalogue() {
		series[i.Name] = true
		if i.Type == metrics.Histogram {
			for _, s := range []string{"_bucket", "_sum", "_count"} {
				series[i.Name+s] = true
			}
		}
	}
	jobs := scrapeJobs(t)
	brineName := regexp.MustCompile(`\bbrine_[a-z0-9_]+`)
	// A selector with matchers (name{...}) names a series whatever its prefix; by/on/ignoring
	// lists and functions use parentheses, not braces.
	selector := regexp.MustCompile(`\b([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{`)
	jobMatcher := regexp.MustCompile(`\bjob\s*=~?\s*"([^"]*)"`)
	alerts := map[string]bool{}
	for _, g := range rf.Groups {
		if g.Name == "" || len(g.Rules) == 0 {
			t.Errorf("group %q: a name and rules are required", g.Name)
		}
		for _, r := range g.Rules {
			if r.Alert == "" || alerts[r.Alert] {
				t.Errorf("rule %q: missing or duplicate alert name", r.Alert)
			}
			alerts[r.Alert] = true
			if r.For != "" {
				if _, err := time.ParseDuration(r.For); err != nil {
					t.Errorf("%s: for %q: %v", r.Alert, r.For, err)
				}
			}
			if s := r.Labels["severity"]; s != "page" && s != "warn" {
				t.Errorf("%s: severity %q, want page or warn", r.Alert, s)
			}
			if r.Annotations["summary"] == "" || r.Annotations["description"] == "" {
				t.Errorf("%s: summary and description are required", r.Alert)
			}
			if !balanced(r.Expr) {
				t.Errorf("%s: unbalanced brackets in %q", r.Alert, r.Expr)
			}
			used := brineName.FindAllString(r.Expr, -1)
			for _, m := range selector.FindAllStringSubmatch(r.Expr, -1) {
				used = append(used, m[1])
			}
			if len(used) == 0 {
				t.Errorf("%s: the expression uses no metric: %q", r.Alert, r.Expr)
			}
			for _, m := range used {
				if !series[m] {
					t.Errorf("%s: %s is not a metric the code exports", r.Alert, m)
				}
			}
			for _, m := range jobMatcher.FindAllStringSubmatch(r.Expr, -1) {
				if !jobs[m[1]] {
					t.Errorf("%s: job %q is not a scrape job of %s", r.Alert, m[1], opsDoc)
				}
			}
		}
	}
	for _, want := range []string{"BrineCanaryFailing", "BrineCanaryStalled", "BrineProviderUnreachable", "BrineGasLow",
		"BrineFreeStakeLow", "BrineTransactionsStuck", "BrineTransactionsFailing",
		"BrineNodeDown", "BrineNodeMissing", "BrineProberDown", "BrineProberMissing"} {
		if !alerts[want] {
			t.Errorf("no %s alert", want)
		}
	}
	// Every scrape job needs a down rule and a missing rule: a rule over a job's metrics is
	// silent when they are gone.
	for job := range jobs {
		if !hasRule(rf, `up{job="`+job+`"} == 0`) || !hasRule(rf, `absent(up{job="`+job+`"})`) {
			t.Errorf("scrape job %s: want rules on up{job=%q} == 0 and absent(up{job=%q})", job, job, job)
		}
	}
}

func hasRule(rf ruleFile, expr string) bool {
	for _, g := range rf.Groups {
		for _, r := range g.Rules {
			if strings.TrimSpace(r.Expr) == expr {
				return true
			}
		}
	}
	return false
}

// TestAlertsDocumented: docs/operations.md points to docs/alerts.yml, keeps no copy of the
// rules of its own (a copy drifts from the tested file), and its table lists exactly the
// alerts of the file.
func TestAlertsDocumented(t *testing.T) {
	doc := readOps(t)
	_, section, ok := strings.Cut(doc, "## Alert rules")
	if !ok {
		t.Fatal("no '## Alert rules' section")
	}
	if !strings.Contains(section, "(alerts.yml)") {
		t.Errorf("the alert rules section does not link docs/alerts.yml")
	}
	if strings.Contains(section, "```yaml") {
		t.Errorf("the alert rules section has a yaml block: the rules live in docs/alerts.yml only")
	}
	row := regexp.MustCompile("(?m)^\\| `(Brine[A-Za-z]+)` \\| (page|warn) \\|")
	documented := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		documented[m[1]] = m[2]
	}
	for _, g := range readRules(t).Groups {
		for _, r := range g.Rules {
			sev, ok := documented[r.Alert]
			switch {
			case !ok:
				t.Errorf("%s is not in the table of %s", r.Alert, opsDoc)
			case sev != r.Labels["severity"]:
				t.Errorf("%s: documented as %s, its severity is %s", r.Alert, sev, r.Labels["severity"])
			}
			delete(documented, r.Alert)
		}
	}
	for a := range documented {
		t.Errorf("%s is documented but not in %s", a, alertRules)
	}
}

// balanced reports whether (), [] and {} nest properly outside quoted strings.
func balanced(expr string) bool {
	var stack []rune
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	var quote rune
	for _, r := range expr {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '(' || r == '[' || r == '{':
			stack = append(stack, r)
		case pairs[r] != 0:
			if len(stack) == 0 || stack[len(stack)-1] != pairs[r] {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
	return len(stack) == 0 && quote == 0
}
