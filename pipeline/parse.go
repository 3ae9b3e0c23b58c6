package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/units"
)

// Parse decodes a pipeline in YAML or JSON (a document whose first non-blank character is
// '{' is JSON), strictly, and checks it. module, if not empty, is a wasm module's CID that
// fills each wasm job's empty module field (jobspec.ParseWithModule). Errors wrap ErrInvalid
// and name the step and the reason.
func Parse(data []byte, module string) (*Pipeline, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes; a pipeline is at most %d", ErrInvalid, len(data), MaxSize)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%w: not UTF-8 text", ErrInvalid)
	}
	var w wirePipeline
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&w); err != nil {
			return nil, fmt.Errorf("%w: JSON: %v", ErrInvalid, strings.TrimPrefix(err.Error(), "json: "))
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%w: JSON: data after the pipeline object", ErrInvalid)
		}
	} else {
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&w); err != nil {
			if errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("%w: the document is empty", ErrInvalid)
			}
			return nil, fmt.Errorf("%w: YAML: %v", ErrInvalid, strings.TrimPrefix(err.Error(), "yaml: "))
		}
		var extra yaml.Node
		if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%w: YAML: more than one document (one pipeline per file)", ErrInvalid)
		}
	}
	return w.pipeline(module)
}

// The wire form.
type wirePipeline struct {
	Version *wholeNumber `json:"version" yaml:"version"`
	Budget  *text        `json:"budget" yaml:"budget"`
	Steps   []wireStep   `json:"steps" yaml:"steps"`
}

type wireStep struct {
	Name      string       `json:"name" yaml:"name"`
	Job       *rawJob      `json:"job" yaml:"job"`
	Inputs    []wireFrom   `json:"inputs" yaml:"inputs"`
	Foreach   string       `json:"foreach" yaml:"foreach"`
	As        string       `json:"as" yaml:"as"`
	MaxFanout *wholeNumber `json:"max_fanout" yaml:"max_fanout"`
	Retries   *wholeNumber `json:"retries" yaml:"retries"`
}

type wireFrom struct {
	Path string `json:"path" yaml:"path"`
	From string `json:"from" yaml:"from"`
}

// rawJob is a step's job spec as written, handed to jobspec to parse strictly: JSON as it
// came, YAML re-encoded in block style (jobspec reads a document starting with '{' as JSON).
type rawJob struct{ data []byte }

func (r *rawJob) UnmarshalJSON(b []byte) error {
	r.data = bytes.Clone(b)
	return nil
}

func (r *rawJob) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: job: want a job spec (a mapping)", n.Line)
	}
	block(n)
	b, err := yaml.Marshal(n)
	if err != nil {
		return err
	}
	r.data = b
	return nil
}

// block turns flow style off in n and below.
func block(n *yaml.Node) {
	n.Style &^= yaml.FlowStyle
	for _, c := range n.Content {
		block(c)
	}
}

// wholeNumber is an int YAML may only spell as a whole number.
type wholeNumber int

func (i *wholeNumber) UnmarshalYAML(n *yaml.Node) error {
	var v int
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Decode(&v) != nil {
		return fmt.Errorf("line %d: want a whole number, got %q", n.Line, n.Value)
	}
	*i = wholeNumber(v)
	return nil
}

// text is a scalar kept as written: the budget may be a number or a string, read exactly.
type text string

func (t *text) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return fmt.Errorf("line %d: want a string or a number", n.Line)
	}
	*t = text(n.Value)
	return nil
}

func (t *text) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = text(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("want a string or a number, got %s", b)
	}
	*t = text(n)
	return nil
}

func (w *wirePipeline) pipeline(module string) (*Pipeline, error) {
	var pr problems
	p := &Pipeline{Version: Version}
	if w.Version != nil {
		p.Version = int(*w.Version)
	}
	if w.Budget != nil {
		n, err := units.NormalizeDecimal(string(*w.Budget))
		if err != nil {
			pr.add("", "budget %q: %v (write tokens as a decimal, like \"20\")", string(*w.Budget), err)
		}
		p.Budget = n
	}
	if len(w.Steps) > MaxSteps {
		pr.add("", "steps: %d; at most %d", len(w.Steps), MaxSteps)
		return nil, pr.err()
	}
	for i, ws := range w.Steps {
		name := ws.Name
		if name == "" {
			name = fmt.Sprintf("#%d", i+1)
			pr.add(name, "name is required")
		}
		s := &Step{Name: ws.Name, As: ws.As}
		if ws.Job == nil {
			pr.add(name, "job is required: the step's job spec")
		} else if job, err := jobspec.ParseWithModule(ws.Job.data, module); err != nil {
			pr.add(name, "job: %v", strings.TrimPrefix(err.Error(), jobspec.ErrInvalid.Error()+": "))
		} else {
			s.Job = job
		}
		if ws.Retries != nil {
			s.Retries = int(*ws.Retries)
		}
		if ws.Foreach != "" {
			ref, err := parseForeach(ws.Foreach)
			if err != nil {
				pr.add(name, "foreach %q: %v", ws.Foreach, err)
			} else {
				s.Foreach = &ref
			}
			if s.As == "" {
				s.As = DefaultAs
			}
			s.MaxFanout = DefaultFanout
			if ws.MaxFanout != nil {
				s.MaxFanout = int(*ws.MaxFanout)
			}
			if err := relPath(s.As); err != nil {
				pr.add(name, "as %q: %v", s.As, err)
			}
		} else if ws.As != "" || ws.MaxFanout != nil {
			pr.add(name, "as and max_fanout are for a fan-out (foreach)")
		}
		for j, in := range ws.Inputs {
			ref, err := parseFrom(in.From)
			if err != nil {
				pr.add(name, "inputs[%d].from %q: %v", j, in.From, err)
				continue
			}
			if err := relPath(in.Path); err != nil {
				pr.add(name, "inputs[%d].path %q: %v", j, in.Path, err)
				continue
			}
			s.Inputs = append(s.Inputs, From{Path: in.Path, Ref: ref})
		}
		slices.SortFunc(s.Inputs, func(a, b From) int { return strings.Compare(a.Path, b.Path) })
		p.Steps = append(p.Steps, s)
	}
	if err := pr.err(); err != nil {
		return nil, err
	}
	slices.SortFunc(p.Steps, func(a, b *Step) int { return strings.Compare(a.Name, b.Name) })
	if err := p.validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// parseFrom reads "step" or "step:path" (a trailing / allowed on a directory).
func parseFrom(s string) (Ref, error) {
	step, p, found := strings.Cut(s, ":")
	if step == "" {
		return Ref{}, errors.New(`name a step, like "split" or "split:shards/"`)
	}
	if !found {
		return Ref{Step: step}, nil
	}
	p = strings.TrimSuffix(p, "/")
	if err := relPath(p); err != nil {
		return Ref{}, err
	}
	return Ref{Step: step, Path: p}, nil
}

// parseForeach reads "step:*" or "step:dir/*".
func parseForeach(s string) (Ref, error) {
	step, p, found := strings.Cut(s, ":")
	rest, star := strings.CutSuffix(p, "*")
	if step == "" || !found || !star || (rest != "" && !strings.HasSuffix(rest, "/")) {
		return Ref{}, errors.New(`want step:dir/* (one job per entry of dir in the step's result) or step:*`)
	}
	rest = strings.TrimSuffix(rest, "/")
	if rest != "" {
		if err := relPath(rest); err != nil {
			return Ref{}, err
		}
	}
	return Ref{Step: step, Path: rest}, nil
}

// relPath checks a clean relative slash-separated path.
func relPath(p string) error {
	switch {
	case p == "":
		return errors.New("is empty")
	case len(p) > jobspec.MaxPathLength:
		return fmt.Errorf("is %d bytes; at most %d", len(p), jobspec.MaxPathLength)
	case strings.ContainsAny(p, "\x00\\*"):
		return errors.New("contains NUL, a backslash or *")
	case strings.HasPrefix(p, "/") || path.Clean(p) != p || p == "." || p == ".." || strings.HasPrefix(p, "../"):
		return errors.New("is not a clean relative path (no leading /, ., .. or //)")
	}
	return nil
}
