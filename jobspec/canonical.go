package jobspec

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/units"
)

// The canonical form. Fields are declared in the order of their JSON names, so encoding/json
// writes every object's keys sorted (and sorts the env map itself).
type canonSpec struct {
	Args            []string          `json:"args,omitempty"`
	ChallengeWindow string            `json:"challenge_window"`
	Deadlines       canonDeadlines    `json:"deadlines"`
	Engine          Engine            `json:"engine"`
	Entrypoint      []string          `json:"entrypoint,omitempty"`
	Env             map[string]string `json:"env,omitempty"`
	Image           string            `json:"image,omitempty"`
	Inputs          []canonInput      `json:"inputs,omitempty"`
	Module          string            `json:"module,omitempty"`
	Network         bool              `json:"network"`
	Outputs         []wireOutput      `json:"outputs,omitempty"`
	Price           canonPrice        `json:"price"`
	Replicas        uint8             `json:"replicas"`
	RequiresSP      bool              `json:"requires_sp,omitempty"` // absent when false: older specs keep their hashes
	Resources       canonResources    `json:"resources"`
	Version         int               `json:"version"`
}

type canonDeadlines struct {
	AcceptWithin string `json:"accept_within"`
	RunWithin    string `json:"run_within"`
}

type canonInput struct {
	CID           string  `json:"cid,omitempty"`
	Content       *string `json:"content,omitempty"`
	ContentBase64 string  `json:"content_base64,omitempty"`
	Path          string  `json:"path"`
	Select        string  `json:"select,omitempty"`
}

type canonPrice struct {
	Collateral string `json:"collateral"`
	Payment    string `json:"payment"`
}

type canonResources struct {
	CPU    string `json:"cpu"`
	Disk   uint64 `json:"disk"`
	Memory uint64 `json:"memory"`
	Time   string `json:"time"`
}

// Canonical returns the canonical encoding (see the package documentation). The spec must be
// valid.
func (s *Spec) Canonical() ([]byte, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	c := canonSpec{
		Args:            s.Args,
		ChallengeWindow: s.ChallengeWindow.String(),
		Deadlines: canonDeadlines{
			AcceptWithin: s.Deadlines.AcceptWithin.String(),
			RunWithin:    s.Deadlines.RunWithin.String(),
		},
		Engine:     s.Engine,
		Entrypoint: s.Entrypoint,
		Env:        s.Env,
		Image:      s.Image,
		Module:     s.Module,
		Network:    s.Network,
		Price:      canonPrice{Collateral: s.Price.Collateral, Payment: s.Price.Payment},
		Replicas:   s.Replicas,
		RequiresSP: s.RequiresSP,
		Resources: canonResources{
			CPU:    units.Format(new(big.Int).SetUint64(s.Resources.CPUMillis), 3),
			Disk:   s.Resources.DiskBytes,
			Memory: s.Resources.MemoryBytes,
			Time:   s.Resources.Time.String(),
		},
		Version: s.Version,
	}
	for _, in := range s.Inputs {
		ci := canonInput{Path: in.Path, CID: in.CID, Select: in.Select}
		if in.CID == "" {
			if utf8.Valid(in.Data) {
				text := string(in.Data)
				ci.Content = &text
			} else {
				ci.ContentBase64 = base64.StdEncoding.EncodeToString(in.Data)
			}
		}
		c.Inputs = append(c.Inputs, ci)
	}
	slices.SortFunc(c.Inputs, func(a, b canonInput) int { return strings.Compare(a.Path, b.Path) })
	for _, o := range s.Outputs {
		c.Outputs = append(c.Outputs, wireOutput(o))
	}
	slices.SortFunc(c.Outputs, func(a, b wireOutput) int { return strings.Compare(a.Path, b.Path) })
	if len(c.Env) == 0 {
		c.Env = nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("jobspec: encode: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// ParseCanonical is what a node does with the spec bytes of a job: it checks that their
// sha256 is the on-chain spec hash before reading them, parses them, and refuses bytes that
// are not the canonical encoding of what they say.
func ParseCanonical(data []byte, want common.Hash) (*Spec, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes; a spec is at most %d", ErrInvalid, len(data), MaxSize)
	}
	if got := common.Hash(sha256.Sum256(data)); got != want {
		return nil, fmt.Errorf("%w: sha256 is %s, the job's spec hash is %s", ErrHashMismatch, got, want)
	}
	s, err := Parse(data)
	if err != nil {
		return nil, err
	}
	c, err := s.Canonical()
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(c, data) {
		return nil, fmt.Errorf("%w: the bytes are not in canonical form", ErrInvalid)
	}
	return s, nil
}

// At returns the absolute accept-by and result-by times for a job posted at now.
func (d Deadlines) At(posted time.Time) (acceptBy, resultBy time.Time) {
	acceptBy = posted.Add(d.AcceptWithin)
	return acceptBy, acceptBy.Add(d.RunWithin)
}
