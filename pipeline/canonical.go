package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// The canonical form; fields in the order of their JSON names.
type canonPipeline struct {
	Budget  string      `json:"budget"`
	Steps   []canonStep `json:"steps"`
	Version int         `json:"version"`
}

type canonStep struct {
	As        string          `json:"as,omitempty"`
	Foreach   string          `json:"foreach,omitempty"`
	Inputs    []canonFrom     `json:"inputs,omitempty"`
	Job       json.RawMessage `json:"job"`
	MaxFanout int             `json:"max_fanout,omitempty"`
	Name      string          `json:"name"`
	Retries   int             `json:"retries,omitempty"`
}

type canonFrom struct {
	From string `json:"from"`
	Path string `json:"path"`
}

func (r Ref) String() string {
	if r.Path == "" {
		return r.Step
	}
	return r.Step + ":" + r.Path
}

// Canonical returns the canonical encoding (see the package documentation).
func (p *Pipeline) Canonical() ([]byte, error) {
	c := canonPipeline{Budget: p.Budget, Version: p.Version}
	for _, s := range p.Steps {
		job, err := s.Job.Canonical()
		if err != nil {
			return nil, fmt.Errorf("step %s: %w", s.Name, err)
		}
		cs := canonStep{Job: job, Name: s.Name, Retries: s.Retries}
		if f := s.Foreach; f != nil {
			cs.Foreach = f.Step + ":*"
			if f.Path != "" {
				cs.Foreach = f.Step + ":" + f.Path + "/*"
			}
			cs.As, cs.MaxFanout = s.As, s.MaxFanout
		}
		for _, in := range s.Inputs {
			cs.Inputs = append(cs.Inputs, canonFrom{From: in.Ref.String(), Path: in.Path})
		}
		c.Steps = append(c.Steps, cs)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("pipeline: encode: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
