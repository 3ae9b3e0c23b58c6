package pipeline

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

const module = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"

// job is a wasm job spec in flow style with args and payment.
func job(args, payment string) string {
	return `{engine: wasm, args: [` + args + `], resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 30s},
      outputs: [{path: out}], price: {payment: "` + payment + `", collateral: "1"},
      deadlines: {accept_within: 1m, run_within: 1m}, challenge_window: 4s}`
}

var mapreduce = `
budget: "20"
steps:
  - name: split
    job: ` + job("split", "1") + `
  - name: count
    foreach: split:shards/*
    as: shard.txt
    max_fanout: 4
    retries: 1
    job: ` + job("count", "1") + `
  - name: merge
    inputs:
      - {path: counts, from: count}
      - {path: words, from: "split:meta/"}
    job: ` + job("merge", "2") + `
`

func TestParseMapReduce(t *testing.T) {
	p, err := Parse([]byte(mapreduce), module)
	if err != nil {
		t.Fatal(err)
	}
	if names := stepNames(p.Order()); names != "split count merge" {
		t.Errorf("order %s", names)
	}
	count := p.Step("count")
	if count.Foreach == nil || *count.Foreach != (Ref{"split", "shards"}) || count.As != "shard.txt" || count.MaxFanout != 4 || count.Retries != 1 {
		t.Errorf("count = %+v", count)
	}
	if m := p.Step("merge"); len(m.Inputs) != 2 || m.Inputs[1].Ref != (Ref{"split", "meta"}) || strings.Join(m.Deps(), " ") != "count split" {
		t.Errorf("merge = %+v deps %v", m, m.Deps())
	}
	if w := p.WorstCost().FloatString(0); w != "11" { // 1 + 4×1×2 + 2
		t.Errorf("worst cost %s, want 11", w)
	}
	c, err := p.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`{"budget":"20","steps":[{"as":"shard.txt","foreach":"split:shards/*","job":{`,
		`"max_fanout":4,"name":"count","retries":1}`, `"inputs":[{"from":"count","path":"counts"},{"from":"split:meta","path":"words"}]`, `"version":1}`} {
		if !bytes.Contains(c, []byte(want)) {
			t.Errorf("canonical lacks %s:\n%s", want, c)
		}
	}
	// The canonical encoding parses back to itself, and the same pipeline written as JSON or
	// in another order hashes the same.
	again, err := Parse(c, "")
	if err != nil {
		t.Fatal(err)
	}
	c2, _ := again.Canonical()
	if !bytes.Equal(c, c2) {
		t.Errorf("canonical is not stable:\n%s\n%s", c, c2)
	}
	h1, _ := p.Hash()
	h2, _ := again.Hash()
	if h1 != h2 {
		t.Error("hash changed across a round trip")
	}

	// Instances: a shard of the fan-out, and the fan-in over three entries.
	up := map[string][]Upstream{"split": {{CID: module}}}
	spec, err := count.Instance("b.txt", up)
	if err != nil {
		t.Fatal(err)
	}
	if in := spec.Inputs[len(spec.Inputs)-1]; in.Path != "shard.txt" || in.CID != module || in.Select != "shards/b.txt" {
		t.Errorf("the fan-out's input is %+v", in)
	}
	up["count"] = []Upstream{{"a.txt", module}, {"b.txt", module}, {"c.txt", module}}
	spec, err = p.Step("merge").Instance("", up)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, in := range spec.Inputs {
		paths = append(paths, in.Path+"="+in.Select)
	}
	if got := strings.Join(paths, " "); got != "counts/a.txt= counts/b.txt= counts/c.txt= words=meta" {
		t.Errorf("the fan-in's inputs: %s", got)
	}
	if _, err := count.Instance("", up); err == nil {
		t.Error("a fan-out job without its entry")
	}
}

func stepNames(steps []*Step) string {
	var n []string
	for _, s := range steps {
		n = append(n, s.Name)
	}
	return strings.Join(n, " ")
}

func TestParseRefuses(t *testing.T) {
	step := func(name, extra, payment string) string {
		return "  - name: " + name + "\n" + extra + "    job: " + job("x", payment) + "\n"
	}
	doc := func(budget string, steps ...string) string {
		return "budget: \"" + budget + "\"\nsteps:\n" + strings.Join(steps, "")
	}
	for _, c := range []struct {
		name, doc string
		want      []string // each in the error
	}{
		{"cycle", doc("9", step("a", "    inputs: [{path: b, from: b}]\n", "1"), step("b", "    inputs: [{path: a, from: a}]\n", "1")),
			[]string{"step a", "cycle: a → b → a"}},
		{"unknown step", doc("9", step("a", "    inputs: [{path: b, from: nope}]\n", "1")), []string{"step a", `"nope" is not a step`}},
		{"itself", doc("9", step("a", "    foreach: a:*\n", "1")), []string{"step a", "foreach names the step itself"}},
		{"too wide", doc("99", step("a", "", "1"), step("b", "    foreach: a:*\n    max_fanout: 33\n", "1")),
			[]string{"step b", "max_fanout is 33; a fan-out runs 1 to 32 jobs"}},
		{"over budget", doc("10", step("a", "", "1"), step("b", "    foreach: a:x/*\n    retries: 1\n", "1")),
			[]string{"step b", "over budget: the plan may cost up to 33.000000 tokens", "the budget is 10"}},
		{"fan-out over fan-out", doc("99", step("a", "", "1"), step("b", "    foreach: a:*\n    max_fanout: 2\n", "1"),
			step("c", "    foreach: b:*\n    max_fanout: 2\n", "1")), []string{"step c", "a fan-out over a fan-out"}},
		{"duplicate name", doc("9", step("a", "", "1"), step("a", "", "1")), []string{"step a", "used by another step"}},
		{"bad name", doc("9", step("A", "", "1")), []string{"step A", "name \"A\""}},
		{"no budget", "steps:\n" + step("a", "", "1"), []string{"budget is required"}},
		{"no steps", "budget: \"1\"\nsteps: []\n", []string{"steps: there are none"}},
		{"unknown field", doc("9", step("a", "    retry: 1\n", "1")), []string{"field retry not found"}},
		{"unknown job field", doc("9", "  - name: a\n    job: {engine: wasm, bogus: 1}\n"), []string{"step a: job:", "bogus"}},
		{"bad foreach", doc("9", step("a", "", "1"), step("b", "    foreach: a:x\n", "1")), []string{"step b", `want step:dir/*`}},
		{"bad from path", doc("9", step("a", "", "1"), step("b", "    inputs: [{path: y, from: \"a:../x\"}]\n", "1")), []string{"step b", "inputs[0].from"}},
		{"as without foreach", doc("9", step("a", "    as: x\n", "1")), []string{"step a", "as and max_fanout are for a fan-out"}},
		{"overlapping inputs", doc("9", step("a", "", "1"), step("b", "    inputs: [{path: x, from: a}, {path: x/y, from: a}]\n", "1")),
			[]string{"step b", "overlap"}},
		{"fan-in over the input limit", doc("99", step("a", "", "1"), step("b", "    foreach: a:*\n    max_fanout: 32\n", "1"),
			step("c", "    inputs: [{path: x, from: b}, {path: y, from: b}, {path: z, from: b}]\n", "0.1")),
			[]string{"step c", "inputs has 96 entries"}},
		{"two documents", doc("9", step("a", "", "1")) + "---\nbudget: 1\n", []string{"more than one document"}},
		{"trailing JSON", `{"budget":"1","steps":[]} {}`, []string{"data after"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.doc), module)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(mapreduce))
	f.Add([]byte(`{"budget":"1","steps":[{"name":"a","job":{}}]}`))
	f.Add([]byte("budget: 1\nsteps:\n  - name: a\n    foreach: b:*\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data, module)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("an error that is not ErrInvalid: %v", err)
			}
			return
		}
		c, err := p.Canonical()
		if err != nil {
			t.Fatalf("a parsed pipeline has no canonical form: %v", err)
		}
		again, err := Parse(c, "")
		if err != nil {
			t.Fatalf("the canonical form does not parse: %v\n%s", err, c)
		}
		if c2, _ := again.Canonical(); !bytes.Equal(c, c2) {
			t.Fatalf("canonical form not stable:\n%s\n%s", c, c2)
		}
		if len(p.Order()) != len(p.Steps) {
			t.Fatal("a parsed pipeline has no order")
		}
	})
}
