package jobspec

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/brine-compute/brine/units"
)

// Parse decodes a spec in YAML or JSON (a document whose first non-blank character is '{' is
// JSON), strictly, and validates it. Errors wrap ErrInvalid and name the field.
func Parse(data []byte) (*Spec, error) { return parse(data, "") }

// ParseWithModule is Parse for a wasm spec that may leave its module field empty: module (a
// module's CID) stands in for it before validation, so the spec and its hash name that module
// (`brine job submit --module FILE`). A spec that names a module, or whose engine is not wasm,
// is parsed as written.
func ParseWithModule(data []byte, module string) (*Spec, error) { return parse(data, module) }

func parse(data []byte, module string) (*Spec, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes; a spec is at most %d (refer to large inputs by cid)", ErrInvalid, len(data), MaxSize)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%w: not UTF-8 text", ErrInvalid)
	}
	var w wireSpec
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		if err := decodeJSON(trimmed, &w); err != nil {
			return nil, err
		}
	} else if err := decodeYAML(data, &w); err != nil {
		return nil, err
	}
	if w.Module == "" && Engine(w.Engine) == EngineWasm {
		w.Module = module
	}
	var v validator
	s := w.spec(&v)
	v.check = true
	s.validate(&v)
	if err := v.err(); err != nil {
		return nil, err
	}
	return s, nil
}

func decodeJSON(data []byte, w *wireSpec) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(w); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fmt.Errorf("%w: JSON: data after the spec object", ErrInvalid)
	}
	return nil
}

func decodeYAML(data []byte, w *wireSpec) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(w); err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%w: the document is empty", ErrInvalid)
		}
		return yamlError(data, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return fmt.Errorf("%w: YAML: more than one document (one spec per file)", ErrInvalid)
	}
	return nil
}

// scalar is a YAML or JSON scalar kept as its text, so numbers such as 0.5 are read exactly
// and a field may be written as a number or a string.
type scalar struct {
	text string
	set  bool
}

func (s *scalar) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*s = scalar{}
		return nil
	case len(b) > 0 && b[0] == '"':
		var str string
		if err := json.Unmarshal(b, &str); err != nil {
			return err
		}
		*s = scalar{text: str, set: true}
		return nil
	case len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9')):
		*s = scalar{text: string(b), set: true}
		return nil
	}
	return fmt.Errorf("expected a string or a number, got %s", b)
}

func (s *scalar) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &valueError{line: n.Line, column: n.Column, msg: "want a string or a number, got " + yamlGot(strings.TrimPrefix(n.Tag, "!!"), n.Value)}
	}
	if n.Tag == "!!null" {
		*s = scalar{}
		return nil
	}
	*s = scalar{text: n.Value, set: true}
	return nil
}

// The wire form: what a document may contain, before validation.
type wireSpec struct {
	Version         *strictInt        `json:"version" yaml:"version"`
	Engine          string            `json:"engine" yaml:"engine"`
	Image           string            `json:"image" yaml:"image"`
	Module          string            `json:"module" yaml:"module"`
	Entrypoint      []string          `json:"entrypoint" yaml:"entrypoint"`
	Args            []string          `json:"args" yaml:"args"`
	Env             map[string]string `json:"env" yaml:"env"`
	Inputs          []wireInput       `json:"inputs" yaml:"inputs"`
	Resources       *wireResources    `json:"resources" yaml:"resources"`
	Outputs         []wireOutput      `json:"outputs" yaml:"outputs"`
	Network         *strictBool       `json:"network" yaml:"network"`
	Price           *wirePrice        `json:"price" yaml:"price"`
	Replicas        *strictInt        `json:"replicas" yaml:"replicas"`
	Deadlines       *wireDeadlines    `json:"deadlines" yaml:"deadlines"`
	ChallengeWindow scalar            `json:"challenge_window" yaml:"challenge_window"`
	RequiresSP      *strictBool       `json:"requires_sp" yaml:"requires_sp"`
}

type wireInput struct {
	Path          string  `json:"path" yaml:"path"`
	Content       *string `json:"content" yaml:"content"`
	ContentBase64 *string `json:"content_base64" yaml:"content_base64"`
	CID           string  `json:"cid" yaml:"cid"`
	Select        string  `json:"select" yaml:"select"`
}

type wireOutput struct {
	Path string `json:"path" yaml:"path"`
}

type wireResources struct {
	CPU    scalar `json:"cpu" yaml:"cpu"`
	Memory scalar `json:"memory" yaml:"memory"`
	Disk   scalar `json:"disk" yaml:"disk"`
	Time   scalar `json:"time" yaml:"time"`
}

type wirePrice struct {
	Payment    scalar `json:"payment" yaml:"payment"`
	Collateral scalar `json:"collateral" yaml:"collateral"`
}

type wireDeadlines struct {
	AcceptWithin scalar `json:"accept_within" yaml:"accept_within"`
	RunWithin    scalar `json:"run_within" yaml:"run_within"`
}

// spec converts the wire form, reporting every field that does not convert; Validate then
// checks the values.
func (w *wireSpec) spec(v *validator) *Spec {
	s := &Spec{
		Version:    Version,
		Engine:     Engine(w.Engine),
		Image:      w.Image,
		Module:     w.Module,
		Entrypoint: w.Entrypoint,
		Args:       w.Args,
		Env:        w.Env,
		Replicas:   1,
	}
	if w.Version != nil {
		s.Version = int(*w.Version)
	}
	if w.Replicas != nil {
		if *w.Replicas < 1 || *w.Replicas > MaxReplicas {
			v.add("replicas", "is %d; it must be 1 to %d", *w.Replicas, MaxReplicas)
		} else {
			s.Replicas = uint8(*w.Replicas)
		}
	}
	if len(w.Inputs) > MaxInputs {
		v.add("inputs", "has %d entries; at most %d", len(w.Inputs), MaxInputs)
	} else {
		for i, in := range w.Inputs {
			field := fmt.Sprintf("inputs[%d]", i)
			out := Input{Path: in.Path, CID: in.CID, Select: in.Select}
			n := 0
			if in.Content != nil {
				n++
				out.Data = []byte(*in.Content)
			}
			if in.ContentBase64 != nil {
				n++
				b, err := base64.StdEncoding.Strict().DecodeString(*in.ContentBase64)
				if err != nil {
					v.add(field+".content_base64", "is not standard base64: %v", err)
				}
				out.Data = b
			}
			if in.CID != "" {
				n++
			}
			if n != 1 {
				v.add(field, "needs exactly one of content, content_base64 or cid")
			}
			if out.CID == "" && out.Data == nil {
				out.Data = []byte{}
			}
			s.Inputs = append(s.Inputs, out)
		}
	}
	for _, o := range w.Outputs {
		s.Outputs = append(s.Outputs, Output(o))
	}
	if r := w.Resources; r == nil {
		v.add("resources", "is required: cpu, memory, disk and time")
	} else {
		if r.CPU.set {
			if m, err := parseCPU(r.CPU.text); err != nil {
				v.add("resources.cpu", "%v", err)
			} else {
				s.Resources.CPUMillis = m
			}
		}
		s.Resources.MemoryBytes = v.size("resources.memory", r.Memory)
		s.Resources.DiskBytes = v.size("resources.disk", r.Disk)
		s.Resources.Time = v.parseDuration("resources.time", r.Time)
	}
	if p := w.Price; p == nil {
		v.add("price", "is required: payment and collateral in tokens")
	} else {
		s.Price.Payment = v.decimal("price.payment", p.Payment)
		s.Price.Collateral = v.decimal("price.collateral", p.Collateral)
	}
	if d := w.Deadlines; d == nil {
		v.add("deadlines", "is required: accept_within and run_within")
	} else {
		s.Deadlines.AcceptWithin = v.parseDuration("deadlines.accept_within", d.AcceptWithin)
		s.Deadlines.RunWithin = v.parseDuration("deadlines.run_within", d.RunWithin)
	}
	s.ChallengeWindow = v.parseDuration("challenge_window", w.ChallengeWindow)
	if w.Network != nil {
		s.Network = bool(*w.Network)
	}
	if w.RequiresSP != nil {
		s.RequiresSP = bool(*w.RequiresSP)
	}
	return s
}

// strictInt is an int that YAML may only spell as a whole number: YAML would otherwise turn
// 1.5 or 1e1 into an int without a word.
type strictInt int

func (i *strictInt) UnmarshalYAML(n *yaml.Node) error {
	var v int
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Decode(&v) != nil {
		return &valueError{line: n.Line, column: n.Column, msg: fmt.Sprintf("want a whole number, got %s", yamlGot(strings.TrimPrefix(n.Tag, "!!"), n.Value))}
	}
	*i = strictInt(v)
	return nil
}

// strictBool is a bool that YAML may only spell true or false (not yes, on, y...).
type strictBool bool

func (b *strictBool) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || (n.Value != "true" && n.Value != "false") {
		return &valueError{line: n.Line, column: n.Column, msg: fmt.Sprintf("want true or false, got %s", yamlGot(strings.TrimPrefix(n.Tag, "!!"), n.Value))}
	}
	*b = n.Value == "true"
	return nil
}

func (v *validator) decimal(field string, s scalar) string {
	if !s.set {
		return ""
	}
	n, err := units.NormalizeDecimal(s.text)
	if err != nil {
		v.add(field, "%v (write tokens as a decimal, like \"1.5\")", err)
		return ""
	}
	return n
}

func (v *validator) parseDuration(field string, s scalar) time.Duration {
	if !s.set {
		return 0
	}
	if _, err := strconv.ParseUint(s.text, 10, 64); err == nil {
		v.add(field, "%q has no unit: write it like 90s, 10m or 1h", s.text)
		return 0
	}
	d, err := time.ParseDuration(s.text)
	if err != nil || d <= 0 {
		v.add(field, "%q is not a positive duration like 90s, 10m or 1h", s.text)
		return 0
	}
	return d
}

var sizeRE = regexp.MustCompile(`^([0-9]{1,20})\s*([KMGT]i?B?|B)?$`)

var sizeUnits = map[string]uint64{
	"": 1, "B": 1,
	"K": 1000, "KB": 1000, "M": 1e6, "MB": 1e6, "G": 1e9, "GB": 1e9, "T": 1e12, "TB": 1e12,
	"Ki": 1 << 10, "KiB": 1 << 10, "Mi": 1 << 20, "MiB": 1 << 20, "Gi": 1 << 30, "GiB": 1 << 30, "Ti": 1 << 40, "TiB": 1 << 40,
}

func (v *validator) size(field string, s scalar) uint64 {
	if !s.set {
		return 0
	}
	n, err := ParseSize(s.text)
	if err != nil {
		v.add(field, "%v", err)
		return 0
	}
	return n
}

// ParseSize parses a byte size: an integer with an optional unit (B, KB, MB, GB, TB powers of
// 1000; KiB, MiB, GiB, TiB powers of 1024; the B may be left out).
func ParseSize(s string) (uint64, error) {
	m := sizeRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, fmt.Errorf("%q is not a size: write an integer with a unit, like 512MiB or 2GB", s)
	}
	n, err := strconv.ParseUint(m[1], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is too large", s)
	}
	unit := sizeUnits[m[2]]
	if n > 0 && unit > ^uint64(0)/n {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return n * unit, nil
}

// parseCPU parses cores: "2", "0.5" (at most 3 decimals) or millicores "500m".
func parseCPU(s string) (uint64, error) {
	t := strings.TrimSpace(s)
	if m, ok := strings.CutSuffix(t, "m"); ok {
		n, err := strconv.ParseUint(m, 10, 64)
		if err != nil || n == 0 {
			return 0, fmt.Errorf("%q is not a positive number of millicores like 500m", s)
		}
		return n, nil
	}
	v, err := units.ParseAmount(t, 3)
	if err != nil || v.Sign() == 0 || !v.IsUint64() {
		return 0, fmt.Errorf("%q is not a positive number of cores like 2, 0.5 or 500m (at most 3 decimals)", s)
	}
	return v.Uint64(), nil
}
