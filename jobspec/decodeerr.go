package jobspec

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The decoders report a value of the wrong shape in Go's terms ("cannot unmarshal !!seq into
// jobspec.wireInput", "Go struct field wireSpec.inputs of type []jobspec.wireInput"). A spec's
// author wrote YAML or JSON, not Go: these functions say which field wants what instead.

// wireWants says, for each Go type a spec's value is decoded into, what the author must write.
var wireWants = map[string]string{
	"jobspec.wireSpec":      "a mapping of the spec's fields",
	"[]jobspec.wireInput":   "a list of inputs",
	"jobspec.wireInput":     "an input: a mapping with path and one of content, content_base64 or cid",
	"[]jobspec.wireOutput":  "a list of outputs",
	"jobspec.wireOutput":    "an output: a mapping with path",
	"jobspec.wireResources": "a mapping of cpu, memory, disk and time",
	"jobspec.wirePrice":     "a mapping of payment and collateral",
	"jobspec.wireDeadlines": "a mapping of accept_within and run_within",
	"jobspec.strictBool":    "true or false",
	"jobspec.strictInt":     "a whole number",
	"jobspec.scalar":        "a string or a number",
	"map[string]string":     "a mapping of names to strings",
	"[]string":              "a list of strings",
	"string":                "a string",
	"int":                   "a whole number",
}

// wireNames names the mapping each struct type decodes, for an unknown field.
var wireNames = map[string]string{
	"jobspec.wireSpec":      "the spec",
	"jobspec.wireInput":     "an input",
	"jobspec.wireOutput":    "an output",
	"jobspec.wireResources": "resources",
	"jobspec.wirePrice":     "price",
	"jobspec.wireDeadlines": "deadlines",
}

func want(goType string) string {
	if w, ok := wireWants[goType]; ok {
		return w
	}
	return "another kind of value"
}

// jsonError rewrites a JSON decoding error in the spec's terms.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if field == "" {
			field = "the spec"
		}
		got := te.Value
		switch {
		case got == "object":
			got = "an object"
		case got == "array":
			got = "a list"
		case got == "bool":
			got = "true or false"
		case strings.HasPrefix(got, "number"):
			got = "a number" + strings.TrimPrefix(got, "number")
		default:
			got = "a " + got
		}
		return fmt.Errorf("%w: JSON: %s: want %s, got %s", ErrInvalid, field, want(te.Type.String()), got)
	}
	return fmt.Errorf("%w: JSON: %s", ErrInvalid, strings.TrimPrefix(err.Error(), "json: "))
}

var (
	// yaml.v3's type errors, one per line of a *yaml.TypeError.
	yamlWrongType = regexp.MustCompile("^line ([0-9]+): cannot unmarshal !!([a-z]+)(?: `(.*)`)? into (.+)$")
	yamlUnknown   = regexp.MustCompile(`^line ([0-9]+): field (.+) not found in type (.+)$`)
)

// yamlError rewrites a YAML decoding error of data in the spec's terms: each wrong value
// names its field (found in data's node tree by line and kind) and what the field wants.
func yamlError(data []byte, err error) error {
	var root yaml.Node
	_ = yaml.Unmarshal(data, &root) // it decoded once already; a failure leaves no paths
	var ve *valueError
	if errors.As(err, &ve) {
		field := "the spec"
		if p := yamlPathAt(&root, ve.line, ve.column); p != "" {
			field = p
		}
		return fmt.Errorf("%w: YAML: line %d: %s: %s", ErrInvalid, ve.line, field, ve.msg)
	}
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		return fmt.Errorf("%w: YAML: %s", ErrInvalid, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	msgs := make([]string, len(te.Errors))
	for i, e := range te.Errors {
		msgs[i] = e
		if m := yamlUnknown.FindStringSubmatch(e); m != nil {
			in, ok := wireNames[m[3]]
			if !ok {
				in = "this mapping"
			}
			msgs[i] = fmt.Sprintf("line %s: field %s not found in %s", m[1], m[2], in)
		} else if m := yamlWrongType.FindStringSubmatch(e); m != nil {
			line, _ := strconv.Atoi(m[1])
			field := "the spec"
			if p, ok := yamlPath(&root, line, m[2], m[3]); ok && p != "" {
				field = p
			}
			msgs[i] = fmt.Sprintf("line %s: %s: want %s, got %s", m[1], field, want(m[4]), yamlGot(m[2], m[3]))
		}
	}
	return fmt.Errorf("%w: YAML: %s", ErrInvalid, strings.Join(msgs, "; "))
}

// yamlGot describes a YAML value by its tag and text.
func yamlGot(tag, text string) string {
	switch tag {
	case "seq":
		return "a list"
	case "map":
		return "a mapping"
	case "null":
		return "nothing"
	case "int", "float":
		return "the number " + text
	case "bool":
		return text
	}
	return strconv.Quote(text)
}

// valueError is a wrong value that a field's own UnmarshalYAML found, at its node's position
// (yamlError adds the field's name).
type valueError struct {
	line, column int
	msg          string
}

func (e *valueError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// yamlPathAt is the field of the value node of root at line and column ("" if none).
func yamlPathAt(root *yaml.Node, line, column int) string {
	var found string
	walkYAML(root, "", 0, func(n *yaml.Node, path string, _ int) {
		if n.Line == line && n.Column == column && n.Kind != yaml.DocumentNode {
			found = path
		}
	})
	return found
}

// walkYAML calls visit for n and every node under it with its field path (like
// inputs[0].path) and depth; mapping keys are not visited.
func walkYAML(n *yaml.Node, path string, depth int, visit func(n *yaml.Node, path string, depth int)) {
	visit(n, path, depth)
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			walkYAML(c, path, depth, visit)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			walkYAML(c, fmt.Sprintf("%s[%d]", path, i), depth+1, visit)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			if path != "" {
				key = path + "." + key
			}
			walkYAML(n.Content[i+1], key, depth+1, visit)
		}
	}
}

// yamlPath finds the field (like inputs[0].path) of the deepest node of root on line whose
// tag is tag and, for a scalar, whose text is text.
func yamlPath(root *yaml.Node, line int, tag, text string) (string, bool) {
	best, bestDepth := "", -1
	walkYAML(root, "", 0, func(n *yaml.Node, path string, depth int) {
		if n.Line == line && n.Tag == "!!"+tag && depth > bestDepth && (n.Kind != yaml.ScalarNode || text == "" || n.Value == text) {
			best, bestDepth = path, depth
		}
	})
	return best, bestDepth >= 0
}
