package pipeline

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/units"
)

// Version is the pipeline format version this package reads and writes.
const Version = 1

// Limits of a pipeline.
const (
	MaxSize       = 4 << 20 // bytes of a whole document
	MaxSteps      = 64
	MaxFanout     = 32 // jobs of one fan-out; a fan-in takes them all as inputs (jobspec.MaxInputs)
	DefaultFanout = 16
	MaxRetries    = 5
	DefaultAs     = "entry"
)

// ErrInvalid wraps every problem Parse finds; test with errors.Is.
var ErrInvalid = errors.New("invalid pipeline")

// Pipeline is a parsed, checked pipeline.
type Pipeline struct {
	Version int
	Budget  string  // tokens, a normalized exact decimal
	Steps   []*Step // sorted by name
}

// Step is one node of the graph: one job, or one per entry of a fan-out.
type Step struct {
	Name string
	// Job is the step's job spec as written; Instance adds the inputs other steps give it.
	Job    *jobspec.Spec
	Inputs []From // sorted by path
	// Foreach, if set, runs the job once per entry under Foreach.Path of Foreach.Step's
	// result, with the entry placed at As.
	Foreach   *Ref
	As        string
	MaxFanout int
	Retries   int
}

// Ref names a step's result, or a path inside it ("" for all of it).
type Ref struct {
	Step string
	Path string
}

// From is an input taken from another step's result.
type From struct {
	Path string // under the inputs directory
	Ref
}

// Step returns the step named name (nil when there is none).
func (p *Pipeline) Step(name string) *Step {
	i, ok := slices.BinarySearchFunc(p.Steps, name, func(s *Step, n string) int { return strings.Compare(s.Name, n) })
	if !ok {
		return nil
	}
	return p.Steps[i]
}

// Deps are the steps s needs results of, sorted, without repeats.
func (s *Step) Deps() []string {
	var d []string
	if s.Foreach != nil {
		d = append(d, s.Foreach.Step)
	}
	for _, in := range s.Inputs {
		d = append(d, in.Step)
	}
	slices.Sort(d)
	return slices.Compact(d)
}

// Width is the most jobs s runs at once (before retries).
func (s *Step) Width() int {
	if s.Foreach == nil {
		return 1
	}
	return s.MaxFanout
}

// Order lists the steps so that each comes after every step it needs (ties by name).
func (p *Pipeline) Order() []*Step {
	done := map[string]bool{}
	var out []*Step
	for progress := true; progress && len(out) < len(p.Steps); {
		progress = false
		for _, s := range p.Steps {
			if done[s.Name] {
				continue
			}
			ready := true
			for _, d := range s.Deps() {
				ready = ready && done[d]
			}
			if ready {
				done[s.Name], progress = true, true
				out = append(out, s)
			}
		}
	}
	return out
}

// Hash is sha256 of the canonical encoding.
func (p *Pipeline) Hash() (common.Hash, error) {
	c, err := p.Canonical()
	if err != nil {
		return common.Hash{}, err
	}
	return sha256.Sum256(c), nil
}

// WorstCost is the most the pipeline's jobs may cost together: each step's payment times its
// widest fan-out times (1 + retries), in tokens.
func (p *Pipeline) WorstCost() *big.Rat {
	total := new(big.Rat)
	for _, s := range p.Steps {
		pay, ok := new(big.Rat).SetString(s.Job.Price.Payment)
		if !ok {
			continue // Validate refused it
		}
		total.Add(total, pay.Mul(pay, new(big.Rat).SetInt64(int64(s.Width()*(1+s.Retries)))))
	}
	return total
}

// Upstream is what a step's job takes from another step: the results of its jobs, one for a
// plain step, one per entry of a fan-out.
type Upstream struct {
	Entry string // the fan-out entry ("" for a plain step)
	CID   string
}

// Instance is the job spec of s for a fan-out's entry ("" for a plain step): the job as
// written with the inputs other steps give it, by CID. results maps each step s needs to its
// results; a fan-out step's results are one per entry, in entry order.
func (s *Step) Instance(entry string, results map[string][]Upstream) (*jobspec.Spec, error) {
	spec := *s.Job
	spec.Inputs = slices.Clone(s.Job.Inputs)
	one := func(step string) (Upstream, error) {
		r := results[step]
		if len(r) != 1 {
			return Upstream{}, fmt.Errorf("step %s: %d results of %s, want one", s.Name, len(r), step)
		}
		return r[0], nil
	}
	if s.Foreach != nil {
		if entry == "" {
			return nil, fmt.Errorf("step %s: a fan-out job needs its entry", s.Name)
		}
		r, err := one(s.Foreach.Step)
		if err != nil {
			return nil, err
		}
		spec.Inputs = append(spec.Inputs, jobspec.Input{Path: s.As, CID: r.CID, Select: path.Join(s.Foreach.Path, entry)})
	}
	for _, in := range s.Inputs {
		rs := results[in.Step]
		if len(rs) == 0 {
			return nil, fmt.Errorf("step %s: no result of %s yet", s.Name, in.Step)
		}
		for _, r := range rs {
			p := in.Path
			if r.Entry != "" { // fan-in: a directory of the fan-out's results
				p = path.Join(in.Path, r.Entry)
			}
			spec.Inputs = append(spec.Inputs, jobspec.Input{Path: p, CID: r.CID, Select: in.Ref.Path})
		}
	}
	if err := spec.Validate(); err != nil {
		return nil, fmt.Errorf("step %s: %w", s.Name, err)
	}
	return &spec, nil
}

var (
	stepName = regexp.MustCompile(`^[a-z][a-z0-9-]{0,31}$`)
	// placeholder stands for an upstream result's CID while the plan is checked.
	placeholder = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"
)

// problems collects what is wrong with a pipeline, each naming its step.
type problems []error

func (p *problems) add(step, format string, args ...any) {
	where := "pipeline"
	if step != "" {
		where = "step " + step
	}
	*p = append(*p, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrInvalid, errors.Join(p...))
}

// validate checks the graph and the plan once every step parsed.
func (p *Pipeline) validate() error {
	var pr problems
	if p.Version != Version {
		pr.add("", "version is %d; this build reads version %d", p.Version, Version)
	}
	switch n, err := units.NormalizeDecimal(p.Budget); {
	case p.Budget == "":
		pr.add("", "budget is required: the most, in tokens, all its jobs may cost together, like \"20\"")
	case err != nil:
		pr.add("", "budget %q: %v", p.Budget, err)
	case n == "0":
		pr.add("", "budget must be more than zero")
	}
	switch {
	case len(p.Steps) == 0:
		pr.add("", "steps: there are none")
	case len(p.Steps) > MaxSteps:
		pr.add("", "steps: %d; at most %d", len(p.Steps), MaxSteps)
	}
	names := map[string]bool{}
	for _, s := range p.Steps {
		if !stepName.MatchString(s.Name) {
			pr.add(s.Name, "name %q: use 1 to 32 lower-case letters, digits and -, starting with a letter", s.Name)
		}
		if names[s.Name] {
			pr.add(s.Name, "the name is used by another step")
		}
		names[s.Name] = true
	}
	for _, s := range p.Steps {
		s.validate(p, &pr)
	}
	if len(pr) > 0 {
		return pr.err()
	}
	if cycle := p.cycle(); cycle != nil {
		pr.add(cycle[0], "its inputs go round in a cycle: %s", strings.Join(cycle, " → "))
		return pr.err()
	}
	for _, s := range p.Steps {
		s.trial(p, &pr)
	}
	if budget, ok := new(big.Rat).SetString(p.Budget); ok && len(pr) == 0 {
		if worst := p.WorstCost(); worst.Cmp(budget) > 0 {
			pr.add(p.widest(), "over budget: the plan may cost up to %s tokens (each job's payment × its widest fan-out × (1 + retries)), and the budget is %s; raise budget or lower payments, max_fanout or retries",
				worst.FloatString(6), p.Budget)
		}
	}
	return pr.err()
}

// widest names the step that costs the most at its worst.
func (p *Pipeline) widest() string {
	var name string
	most := new(big.Rat)
	for _, s := range p.Steps {
		pay, ok := new(big.Rat).SetString(s.Job.Price.Payment)
		if !ok {
			continue
		}
		if pay.Mul(pay, new(big.Rat).SetInt64(int64(s.Width()*(1+s.Retries)))); pay.Cmp(most) > 0 {
			name, most = s.Name, pay
		}
	}
	return name
}

func (s *Step) validate(p *Pipeline, pr *problems) {
	ref := func(what string, r Ref) {
		switch target := p.Step(r.Step); {
		case r.Step == s.Name:
			pr.add(s.Name, "%s names the step itself", what)
		case target == nil:
			pr.add(s.Name, "%s: %q is not a step of this pipeline", what, r.Step)
		}
	}
	if s.Foreach != nil {
		ref("foreach", *s.Foreach)
		if t := p.Step(s.Foreach.Step); t != nil && t.Foreach != nil {
			pr.add(s.Name, "foreach: %s is a fan-out itself; a fan-out over a fan-out is not supported (fan in first)", t.Name)
		}
		if s.MaxFanout < 1 || s.MaxFanout > MaxFanout {
			pr.add(s.Name, "max_fanout is %d; a fan-out runs 1 to %d jobs", s.MaxFanout, MaxFanout)
		}
	}
	if s.Retries < 0 || s.Retries > MaxRetries {
		pr.add(s.Name, "retries is %d; 0 to %d", s.Retries, MaxRetries)
	}
	for i, in := range s.Inputs {
		ref(fmt.Sprintf("inputs[%d].from", i), in.Ref)
	}
}

// trial checks the step's job with every input it will get, at its upstream's widest
// fan-out, standing in a placeholder for each result's CID.
func (s *Step) trial(p *Pipeline, pr *problems) {
	results := map[string][]Upstream{}
	for _, d := range s.Deps() {
		t := p.Step(d)
		if t.Foreach == nil {
			results[d] = []Upstream{{CID: placeholder}}
			continue
		}
		for i := range t.MaxFanout {
			results[d] = append(results[d], Upstream{Entry: fmt.Sprintf("entry-%02d", i), CID: placeholder})
		}
	}
	entry := ""
	if s.Foreach != nil {
		entry = "entry"
	}
	if _, err := s.Instance(entry, results); err != nil {
		pr.add(s.Name, "with its inputs from other steps (at the widest fan-out), the job is not valid: %v",
			strings.TrimPrefix(err.Error(), "step "+s.Name+": "))
	}
}

// cycle returns a cycle of steps (first repeated last), or nil.
func (p *Pipeline) cycle() []string {
	const (
		visiting = 1
		done     = 2
	)
	mark := map[string]int{}
	var stack []string
	var visit func(name string) []string
	visit = func(name string) []string {
		switch mark[name] {
		case visiting:
			i := slices.Index(stack, name)
			return append(slices.Clone(stack[i:]), name)
		case done:
			return nil
		}
		mark[name] = visiting
		stack = append(stack, name)
		for _, d := range p.Step(name).Deps() {
			if c := visit(d); c != nil {
				return c
			}
		}
		stack = stack[:len(stack)-1]
		mark[name] = done
		return nil
	}
	for _, s := range p.Steps {
		if c := visit(s.Name); c != nil {
			return c
		}
	}
	return nil
}
