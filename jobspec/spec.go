package jobspec

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/units"
)

// Version is the spec format version this package reads and writes.
const Version = 1

// Limits on a spec. A node refuses anything larger before doing any work.
const (
	MaxSize          = 1 << 20   // bytes of a whole document
	MaxInlineBytes   = 512 << 10 // bytes of all inline inputs together
	MaxArgs          = 256       // entrypoint and args, each
	MaxEnv           = 256
	MaxInputs        = 64
	MaxOutputs       = 64
	MaxStringLength  = 4096 // one argument, environment value, image or CID
	MaxPathLength    = 1024
	MaxReplicas      = 9 // JobMarket.MAX_REPLICAS
	MaxDuration      = 30 * 24 * time.Hour
	MaxCPUMillis     = 1024 * 1000
	MinMemoryBytes   = 1 << 20
	MaxMemoryBytes   = 1 << 40
	MaxDiskBytes     = 1 << 44
	InputsDir        = "/brine/inputs"  // where a node places the inputs
	OutputsDir       = "/brine/outputs" // where a node collects the outputs from
	reservedEnvLabel = "BRINE_"
)

// FailureRecordPath is the one file of a failure record: the result a provider commits for a
// job that failed by its own program (results.FailureRecord). No output may be, or be
// under, this path, so a job's own outputs can never look like a failure record.
const FailureRecordPath = "brine-failure.json"

// ErrInvalid wraps every problem Parse and Validate find; test with errors.Is.
var ErrInvalid = errors.New("invalid job spec")

// ErrHashMismatch: the bytes a node received are not the ones whose hash is on chain.
var ErrHashMismatch = errors.New("job spec does not match its on-chain hash")

// Engine runs a job.
type Engine string

// Engines.
const (
	EngineDocker Engine = "docker" // an OCI image run by a container runtime
	EngineWasm   Engine = "wasm"   // a WebAssembly (WASI) module
)

// Spec is a parsed, validated job specification.
type Spec struct {
	Version         int
	Engine          Engine
	Image           string // docker: image reference
	Module          string // wasm: CID of the module
	Entrypoint      []string
	Args            []string
	Env             map[string]string
	Inputs          []Input
	Resources       Resources
	Outputs         []Output
	Network         bool
	Price           Price
	Replicas        uint8
	Deadlines       Deadlines
	ChallengeWindow time.Duration
	// RequiresSP asks for a provider that bound a Filecoin miner actor (a storage provider,
	// `brine provider register --miner`). Nodes without one do not take the job; the market
	// cannot see specs, so it is not enforced on chain (docs/filecoin.md).
	RequiresSP bool
}

// Input is one file or directory placed under InputsDir before the run: inline bytes, or the
// result of an earlier job by CID.
type Input struct {
	Path string // relative to InputsDir, slash-separated, clean
	CID  string // non-empty: fetch this CID (an earlier job's result); Data is then nil
	// Select, with CID, is a path inside that result: only that file or directory is placed
	// at Path (a pipeline's `from: step:path`, one entry of a fan-out). Empty: all of it.
	Select string
	Data   []byte // inline content (may be empty: an empty file)
}

// Inline reports whether the input's content is in the spec.
func (in Input) Inline() bool { return in.CID == "" }

// Output is a path under OutputsDir that is part of the result.
type Output struct {
	Path string // relative to OutputsDir, slash-separated, clean
}

// Resources are the limits of one run; a node enforces them and refuses a job it cannot fit.
type Resources struct {
	CPUMillis   uint64        // thousandths of a core
	MemoryBytes uint64        // memory limit
	DiskBytes   uint64        // scratch and output space
	Time        time.Duration // wall-clock limit
}

// Price is what the client pays and what each provider risks, in tokens as normalized exact
// decimals ("1.5"). Convert with Amounts once the token's decimals are known.
type Price struct {
	Payment    string
	Collateral string
}

// Deadlines are relative to posting: AcceptWithin after the post a provider must have
// accepted; RunWithin after that acceptance deadline the result must be committed.
type Deadlines struct {
	AcceptWithin time.Duration
	RunWithin    time.Duration
}

// Pinned reports whether a docker image is pinned by digest (name@sha256:…), so every
// replica and verifier runs the same bytes. Tags can move.
func (s *Spec) Pinned() bool {
	return s.Engine != EngineDocker || strings.Contains(s.Image, "@sha256:")
}

// Hash is sha256 of the canonical encoding: the spec hash posted on chain.
func (s *Spec) Hash() (common.Hash, error) {
	c, err := s.Canonical()
	if err != nil {
		return common.Hash{}, err
	}
	return sha256.Sum256(c), nil
}

// Amounts converts the price to base units of a token with the given decimals.
func (p Price) Amounts(decimals uint8) (payment, collateral *big.Int, err error) {
	if payment, err = units.ParsePositive(p.Payment, decimals); err != nil {
		return nil, nil, fmt.Errorf("price.payment: %w", err)
	}
	if collateral, err = units.ParsePositive(p.Collateral, decimals); err != nil {
		return nil, nil, fmt.Errorf("price.collateral: %w", err)
	}
	return payment, collateral, nil
}

// Validate checks every field and returns all problems found, each naming its field.
func (s *Spec) Validate() error {
	var v validator
	s.validate(&v)
	return v.err()
}

func (s *Spec) validate(v *validator) {
	if s.Version != Version {
		v.add("version", "is %d; this build reads version %d", s.Version, Version)
	}
	switch s.Engine {
	case EngineDocker:
		switch {
		case s.Image == "":
			v.add("image", "is required for engine docker (for example alpine:3.20 or alpine@sha256:…)")
		default:
			v.imageRef("image", s.Image)
		}
		if s.Module != "" {
			v.add("module", "is for engine wasm; engine docker runs an image")
		}
	case EngineWasm:
		switch {
		case s.Module == "":
			v.add("module", "is required for engine wasm: the module's CID")
		default:
			v.cid("module", s.Module)
		}
		if s.Image != "" {
			v.add("image", "is for engine docker; engine wasm runs a module")
		}
	case "":
		v.add("engine", "is required: docker or wasm")
	default:
		v.add("engine", "%q is not an engine: use docker or wasm", string(s.Engine))
	}
	v.strings("entrypoint", s.Entrypoint, MaxArgs)
	v.strings("args", s.Args, MaxArgs)
	if len(s.Env) > MaxEnv {
		v.add("env", "has %d variables; at most %d", len(s.Env), MaxEnv)
	}
	for _, k := range sortedKeys(s.Env) {
		field := "env." + k
		switch {
		case !envName.MatchString(k):
			v.add(field, "is not a variable name: use letters, digits and _, not starting with a digit")
		case strings.HasPrefix(strings.ToUpper(k), reservedEnvLabel):
			v.add(field, "uses the reserved prefix %s (the node sets those)", reservedEnvLabel)
		}
		v.text(field, s.Env[k])
	}
	v.inputs(s.Inputs)
	v.outputs(s.Outputs)
	v.resources(s.Resources)
	if s.Price.Payment == "" {
		v.add("price.payment", "is required: the tokens paid for the job, like \"1.5\"")
	} else {
		v.amount("price.payment", s.Price.Payment)
	}
	if s.Price.Collateral == "" {
		v.add("price.collateral", "is required: the tokens each provider locks while running it, like \"1\"")
	} else {
		v.amount("price.collateral", s.Price.Collateral)
	}
	if s.Replicas < 1 || s.Replicas > MaxReplicas {
		v.add("replicas", "is %d; it must be 1 to %d", s.Replicas, MaxReplicas)
	}
	v.duration("deadlines.accept_within", s.Deadlines.AcceptWithin)
	v.duration("deadlines.run_within", s.Deadlines.RunWithin)
	v.duration("challenge_window", s.ChallengeWindow)
	if s.Resources.Time > 0 && s.Deadlines.RunWithin > 0 && s.Resources.Time > s.Deadlines.RunWithin {
		v.add("resources.time", "%s is longer than deadlines.run_within %s: no provider could finish in time",
			s.Resources.Time, s.Deadlines.RunWithin)
	}
}

// validator collects field problems. A field that already failed to convert is not reported
// again by validation.
type validator struct {
	errs   []error
	failed map[string]bool
	check  bool // validating: skip failed fields
}

func (v *validator) add(field, format string, args ...any) {
	if v.check && v.failed[field] {
		return
	}
	if !v.check {
		if v.failed == nil {
			v.failed = map[string]bool{}
		}
		v.failed[field] = true
	}
	v.errs = append(v.errs, fmt.Errorf("%s %s", field, fmt.Sprintf(format, args...)))
}

func (v *validator) err() error {
	if len(v.errs) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrInvalid, errors.Join(v.errs...))
}

var (
	envName  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	imageRef = regexp.MustCompile(`^[a-z0-9][a-z0-9._\-/:@]*[a-zA-Z0-9]$`)
)

func (v *validator) text(field, s string) {
	switch {
	case len(s) > MaxStringLength:
		v.add(field, "is %d bytes; at most %d", len(s), MaxStringLength)
	case !utf8.ValidString(s):
		v.add(field, "is not valid UTF-8")
	case strings.ContainsRune(s, 0):
		v.add(field, "contains a NUL byte")
	}
}

func (v *validator) strings(field string, list []string, max int) {
	if len(list) > max {
		v.add(field, "has %d entries; at most %d", len(list), max)
		return
	}
	for i, s := range list {
		v.text(fmt.Sprintf("%s[%d]", field, i), s)
	}
}

func (v *validator) imageRef(field, ref string) {
	switch {
	case len(ref) > 512:
		v.add(field, "is %d bytes; at most 512", len(ref))
	case !imageRef.MatchString(ref) || strings.Contains(ref, "//") || strings.Contains(ref, ".."):
		v.add(field, "%q is not an image reference (like alpine:3.20, ghcr.io/org/img@sha256:…)", ref)
	}
}

func (v *validator) cid(field, s string) {
	if len(s) > MaxStringLength {
		v.add(field, "is %d bytes; at most %d", len(s), MaxStringLength)
		return
	}
	c, err := cid.Decode(s)
	if err != nil {
		v.add(field, "%q is not a CID: %v", s, err)
		return
	}
	if c.String() != s {
		v.add(field, "%q is not in canonical form: write %s", s, c.String())
	}
}

// relPath checks a path relative to the inputs or outputs directory.
func (v *validator) relPath(field, p string) {
	switch {
	case p == "":
		v.add(field, "is required")
	case len(p) > MaxPathLength:
		v.add(field, "is %d bytes; at most %d", len(p), MaxPathLength)
	case !utf8.ValidString(p) || strings.ContainsAny(p, "\x00\\"):
		v.add(field, "%q contains NUL, a backslash or invalid UTF-8", p)
	case strings.HasPrefix(p, "/"):
		v.add(field, "%q must be relative (it is placed under the job's directory)", p)
	case path.Clean(p) != p || p == "." || p == ".." || strings.HasPrefix(p, "../"):
		v.add(field, "%q is not a clean relative path inside the directory (no ., .. or //)", p)
	}
}

// overlapping reports the first two paths of which one is the other or contains it.
func overlapping(paths []string) (string, string, bool) {
	sorted := slices.Clone(paths)
	slices.Sort(sorted)
	for i := 1; i < len(sorted); i++ {
		a, b := sorted[i-1], sorted[i]
		if a == b || strings.HasPrefix(b, a+"/") {
			return a, b, true
		}
	}
	return "", "", false
}

func (v *validator) inputs(ins []Input) {
	if len(ins) > MaxInputs {
		v.add("inputs", "has %d entries; at most %d", len(ins), MaxInputs)
		return
	}
	inline := 0
	paths := make([]string, 0, len(ins))
	for i, in := range ins {
		field := fmt.Sprintf("inputs[%d]", i)
		v.relPath(field+".path", in.Path)
		paths = append(paths, in.Path)
		if in.Select != "" {
			if in.CID == "" {
				v.add(field+".select", "is a path inside a cid input's result; give cid too")
			} else {
				v.relPath(field+".select", in.Select)
			}
		}
		if in.CID != "" {
			v.cid(field+".cid", in.CID)
			if in.Data != nil {
				v.add(field, "has both a cid and inline content; give one")
			}
		}
		inline += len(in.Data)
	}
	if inline > MaxInlineBytes {
		v.add("inputs", "carry %d bytes inline; at most %d (publish larger data and refer to it by cid)", inline, MaxInlineBytes)
	}
	if a, b, ok := overlapping(paths); ok {
		v.add("inputs", "paths %q and %q overlap", a, b)
	}
}

func (v *validator) outputs(outs []Output) {
	if len(outs) > MaxOutputs {
		v.add("outputs", "has %d entries; at most %d", len(outs), MaxOutputs)
		return
	}
	paths := make([]string, 0, len(outs))
	for i, o := range outs {
		field := fmt.Sprintf("outputs[%d].path", i)
		v.relPath(field, o.Path)
		if first, _, _ := strings.Cut(o.Path, "/"); first == FailureRecordPath {
			v.add(field, "%q is reserved: a result holding only %s is a failure record (the job failed by its own program)", o.Path, FailureRecordPath)
		}
		paths = append(paths, o.Path)
	}
	if a, b, ok := overlapping(paths); ok {
		v.add("outputs", "paths %q and %q overlap", a, b)
	}
}

func (v *validator) resources(r Resources) {
	switch {
	case r.CPUMillis == 0:
		v.add("resources.cpu", "is required: cores, like 1, 0.5 or 500m")
	case r.CPUMillis > MaxCPUMillis:
		v.add("resources.cpu", "is more than %d cores", MaxCPUMillis/1000)
	}
	switch {
	case r.MemoryBytes == 0:
		v.add("resources.memory", "is required: like 256MiB or 2GiB")
	case r.MemoryBytes < MinMemoryBytes:
		v.add("resources.memory", "is %d bytes; at least 1MiB", r.MemoryBytes)
	case r.MemoryBytes > MaxMemoryBytes:
		v.add("resources.memory", "is more than 1TiB")
	}
	switch {
	case r.DiskBytes == 0:
		v.add("resources.disk", "is required: scratch and output space, like 1GiB")
	case r.DiskBytes > MaxDiskBytes:
		v.add("resources.disk", "is more than 16TiB")
	}
	if r.Time == 0 {
		v.add("resources.time", "is required: the run's wall-clock limit, like 10m")
	} else {
		v.duration("resources.time", r.Time)
	}
}

func (v *validator) duration(field string, d time.Duration) {
	switch {
	case d <= 0:
		v.add(field, "is required: a positive duration like 90s, 10m or 1h")
	case d%time.Second != 0:
		v.add(field, "%s is not a whole number of seconds", d)
	case d > MaxDuration:
		v.add(field, "%s is longer than 30 days", d)
	}
}

func (v *validator) amount(field, s string) {
	n, err := units.NormalizeDecimal(s)
	switch {
	case err != nil:
		v.add(field, "%q: %v", s, err)
	case n == "0":
		v.add(field, "must be more than zero")
	case n != s:
		v.add(field, "%q is not normalized: write %q", s, n)
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
