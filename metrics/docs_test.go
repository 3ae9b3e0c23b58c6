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

// TestAlertRules: the alert rules in docs/operations.md are a valid Prometheus rule file
// (strict YAML: no unknown fields), every rule is complete, every expression uses only metrics
// the code exports (histograms by their _bucket, _sum and _count series), and the failures
// the operators need are covered.
func TestAlertRules(t *testing.T) {
	doc := readOps(t)
	_, after, ok := strings.Cut(doc, "## Alert rules")
	if !ok {
		t.Fatal("no '## Alert rules' section")
	}
	_, block, ok := strings.Cut(after, "```yaml\n")
	if !ok {
		t.Fatal("no yaml block in the alert rules section")
	}
	block, _, ok = strings.Cut(block, "```")
	if !ok {
		t.Fatal("unterminated yaml block")
	}
	dec := yaml.NewDecoder(bytes.NewReader([]byte(block)))
	dec.KnownFields(true)
	var rf ruleFile
	if err := dec.Decode(&rf); err != nil {
		t.Fatalf("the alert rules do not parse: %v", err)
	}

	series := map[string]bool{}
	for _, i := range metrics.Catalogue() {
		series[i.Name] = true
		if i.Type == metrics.Histogram {
			for _, s := range []string{"_bucket", "_sum", "_count"} {
				series[i.Name+s] = true
			}
		}
	}
	name := regexp.MustCompile(`\bbrine_[a-z0-9_]+`)
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
			used := name.FindAllString(r.Expr, -1)
			if len(used) == 0 {
				t.Errorf("%s: the expression uses no Brine metric: %q", r.Alert, r.Expr)
			}
			for _, m := range used {
				if !series[m] {
					t.Errorf("%s: %s is not a metric the code exports", r.Alert, m)
				}
			}
		}
	}
	for _, want := range []string{"BrineCanaryFailing", "BrineProviderUnreachable", "BrineGasLow", "BrineFreeStakeLow",
		"BrineTransactionsStuck", "BrineTransactionsFailing"} {
		if !alerts[want] {
			t.Errorf("no %s alert", want)
		}
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
