package jobspec

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/internal/errtext"
)

const minimal = `
engine: docker
image: alpine:3.20
resources: {cpu: 1, memory: 64MiB, disk: 100MB, time: 30s}
price: {payment: "2", collateral: "1"}
deadlines: {accept_within: 1m, run_within: 2m}
challenge_window: 10s
`

const cidV1 = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"

func TestParseExample(t *testing.T) {
	data, err := os.ReadFile("testdata/wordcount.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if s.Engine != EngineDocker || !s.Pinned() || s.Replicas != 1 || s.Network {
		t.Errorf("engine %s pinned %v replicas %d network %v", s.Engine, s.Pinned(), s.Replicas, s.Network)
	}
	if s.Resources != (Resources{CPUMillis: 500, MemoryBytes: 256 << 20, DiskBytes: 1 << 30, Time: 5 * time.Minute}) {
		t.Errorf("resources = %+v", s.Resources)
	}
	if s.Price != (Price{Payment: "1.5", Collateral: "1"}) {
		t.Errorf("price = %+v (amounts must be normalized)", s.Price)
	}
	pay, col, err := s.Price.Amounts(18)
	if err != nil || pay.Cmp(new(big.Int).Mul(big.NewInt(15), big.NewInt(1e17))) != 0 || col.Cmp(big.NewInt(1e18)) != 0 {
		t.Errorf("Amounts = %v, %v, %v", pay, col, err)
	}
	want := `{"args":["wc -c /brine/inputs/data.txt > /brine/outputs/count.txt"],"challenge_window":"2m0s",` +
		`"deadlines":{"accept_within":"10m0s","run_within":"1h0m0s"},"engine":"docker","entrypoint":["/bin/sh","-c"],` +
		`"env":{"LANG":"C.UTF-8"},"image":"alpine@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1",` +
		`"inputs":[{"content":"hello, brine\n","path":"data.txt"}],"network":false,"outputs":[{"path":"count.txt"}],` +
		`"price":{"collateral":"1","payment":"1.5"},"replicas":1,` +
		`"resources":{"cpu":"0.5","disk":1073741824,"memory":268435456,"time":"5m0s"},"version":1}`
	got, err := s.Canonical()
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("canonical:\n got %s\nwant %s", got, want)
	}
	h, err := s.Hash()
	if err != nil || h != common.Hash(sha256.Sum256([]byte(want))) {
		t.Errorf("Hash = %s, %v", h, err)
	}
	acceptBy, resultBy := s.Deadlines.At(time.Unix(1000, 0))
	if acceptBy != time.Unix(1600, 0) || resultBy != time.Unix(1600+3600, 0) {
		t.Errorf("At = %v, %v", acceptBy, resultBy)
	}
}

// The same spec written differently (JSON instead of YAML, other key and list order, other
// unit spellings, amounts not normalized) has the same canonical encoding and hash.
func TestCanonicalIsStable(t *testing.T) {
	a := `
engine: docker
image: alpine:3.20
env: {B: "2", A: "1"}
inputs:
  - {path: z.txt, content: "z"}
  - {path: a.bin, content_base64: "/wA="}
  - {path: prev, cid: ` + cidV1 + `}
outputs: [{path: out/b}, {path: out/a}]
resources: {cpu: 1.5, memory: 1GiB, disk: 1000MB, time: 90s}
price: {payment: 01.250, collateral: "0.5"}
deadlines: {accept_within: 60s, run_within: 1h}
challenge_window: 120s
replicas: 3
network: true
`
	b := `{"version":1,"network":true,"replicas":3,"challenge_window":"2m",
	"deadlines":{"run_within":"60m","accept_within":"1m"},
	"price":{"collateral":".5","payment":"1.25"},
	"resources":{"time":"1m30s","disk":"1GB","memory":1073741824,"cpu":"1500m"},
	"outputs":[{"path":"out/a"},{"path":"out/b"}],
	"inputs":[{"path":"prev","cid":"` + cidV1 + `"},{"path":"a.bin","content_base64":"/wA="},{"path":"z.txt","content_base64":"eg=="}],
	"env":{"A":"1","B":"2"},"image":"alpine:3.20","engine":"docker"}`
	sa, err := Parse([]byte(a))
	if err != nil {
		t.Fatal(err)
	}
	sb, err := Parse([]byte(b))
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := sa.Canonical()
	cb, _ := sb.Canonical()
	if !bytes.Equal(ca, cb) {
		t.Fatalf("canonical encodings differ:\n%s\n%s", ca, cb)
	}
	// Keys are sorted at every level: re-encoding through a generic map changes nothing.
	var generic any
	dec := json.NewDecoder(bytes.NewReader(ca))
	dec.UseNumber()
	if err := dec.Decode(&generic); err != nil {
		t.Fatal(err)
	}
	var re bytes.Buffer
	enc := json.NewEncoder(&re)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(generic)
	if !bytes.Equal(bytes.TrimSpace(re.Bytes()), ca) {
		t.Errorf("canonical form is not sorted compact JSON:\n%s\n%s", ca, re.Bytes())
	}
	// The canonical encoding parses back to itself, and ParseCanonical accepts it by its hash.
	h, _ := sa.Hash()
	back, err := ParseCanonical(ca, h)
	if err != nil {
		t.Fatal(err)
	}
	cc, _ := back.Canonical()
	if !bytes.Equal(cc, ca) {
		t.Errorf("round trip changed the encoding")
	}
	if !strings.Contains(string(ca), `"content_base64":"/wA="`) || !strings.Contains(string(ca), `"content":"z"`) {
		t.Errorf("inline inputs not normalized: %s", ca)
	}
}

func TestParseCanonicalRefuses(t *testing.T) {
	s, err := Parse([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := s.Canonical()
	h, _ := s.Hash()
	if _, err := ParseCanonical(c, common.Hash{1}); !errors.Is(err, ErrHashMismatch) {
		t.Errorf("wrong hash: %v", err)
	}
	// Valid and hashed, but not canonical (white space added): refused.
	spaced := append([]byte(" "), c...)
	if _, err := ParseCanonical(spaced, sha256.Sum256(spaced)); !errors.Is(err, ErrInvalid) {
		t.Errorf("non-canonical bytes: %v", err)
	}
	if _, err := ParseCanonical(c, h); err != nil {
		t.Errorf("canonical bytes refused: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	replace := func(old, new string) string {
		if !strings.Contains(minimal, old) {
			panic(old)
		}
		return strings.Replace(minimal, old, new, 1)
	}
	tests := []struct {
		name, doc, want string // want: a substring of the error
	}{
		{"unknown field", minimal + "gpu: 1\n", "field gpu not found in the spec"},
		{"unknown nested field", replace("time: 30s}", "time: 30s, gpus: 1}"), "field gpus not found in resources"},
		{"unknown input field", minimal + "inputs: [{path: a, content: x, mode: 1}]\n", "field mode not found in an input"},
		{"unknown JSON field", `{"engine":"docker","extra":1}`, `unknown field "extra"`},
		{"trailing JSON", `{"engine":"docker"} {}`, "data after the spec"},
		{"two YAML documents", minimal + "---\nengine: wasm\n", "more than one document"},
		{"duplicate key", minimal + "engine: wasm\n", "already defined"},
		{"empty", "", "empty"},
		{"not UTF-8", "engine: \xff\n", "not UTF-8"},
		{"too large", minimal + "# " + strings.Repeat("x", MaxSize) + "\n", "at most"},
		{"no engine", replace("engine: docker\n", ""), "engine is required"},
		{"unknown engine", replace("engine: docker", "engine: podman"), `"podman" is not an engine`},
		{"wasm with image", replace("engine: docker", "engine: wasm"), "module is required"},
		{"docker with module", minimal + "module: " + cidV1 + "\n", "module is for engine wasm"},
		{"bad image", replace("alpine:3.20", `"alpine; rm -rf /"`), "not an image reference"},
		{"bad cid", replace("engine: docker\nimage: alpine:3.20", "engine: wasm\nmodule: notacid"), "not a CID"},
		{"env name", minimal + "env: {\"1A\": x}\n", "not a variable name"},
		{"reserved env", minimal + "env: {BRINE_JOB: x}\n", "reserved prefix"},
		{"absolute input path", minimal + "inputs: [{path: /etc/passwd, content: x}]\n", "must be relative"},
		{"escaping input path", minimal + "inputs: [{path: ../x, content: x}]\n", "not a clean relative path"},
		{"unclean output path", minimal + "outputs: [{path: a//b}]\n", "not a clean relative path"},
		{"reserved output path", minimal + "outputs: [{path: brine-failure.json}]\n", "is reserved"},
		{"under the reserved output path", minimal + "outputs: [{path: brine-failure.json/x}]\n", "is reserved"},
		{"overlapping outputs", minimal + "outputs: [{path: a}, {path: a/b}]\n", "overlap"},
		{"duplicate inputs", minimal + "inputs: [{path: a, content: x}, {path: a, content: y}]\n", "overlap"},
		{"input with two sources", minimal + "inputs: [{path: a, content: x, cid: " + cidV1 + "}]\n", "exactly one of"},
		{"input with no source", minimal + "inputs: [{path: a}]\n", "exactly one of"},
		{"bad base64", minimal + "inputs: [{path: a, content_base64: '%%%'}]\n", "not standard base64"},
		{"too much inline", minimal + "inputs: [{path: a, content: " + strings.Repeat("x", MaxInlineBytes+1) + "}]\n", "inline"},
		{"no resources", replace("resources: {cpu: 1, memory: 64MiB, disk: 100MB, time: 30s}\n", ""), "resources is required"},
		{"no cpu", replace("cpu: 1, ", ""), "resources.cpu is required"},
		{"bad cpu", replace("cpu: 1", "cpu: 0.0001"), "at most 3 decimals"},
		{"bad memory unit", replace("64MiB", "64XB"), "not a size"},
		{"tiny memory", replace("64MiB", "1KiB"), "at least 1MiB"},
		{"float memory", replace("64MiB", "1.5GiB"), "not a size"},
		{"duration without unit", replace("time: 30s", "time: 30"), "has no unit"},
		{"fractional seconds", replace("time: 30s", "time: 1500ms"), "whole number of seconds"},
		{"negative duration", replace("challenge_window: 10s", "challenge_window: -10s"), "positive duration"},
		{"run longer than allowed", replace("time: 30s", "time: 3m"), "longer than deadlines.run_within"},
		{"too long", replace("run_within: 2m", "run_within: 800h"), "longer than 30 days"},
		{"no price", replace("price: {payment: \"2\", collateral: \"1\"}\n", ""), "price is required"},
		{"negative payment", replace(`payment: "2"`, `payment: "-2"`), "must not be negative"},
		{"zero payment", replace(`payment: "2"`, `payment: "0.0"`), "more than zero"},
		{"float payment", replace(`payment: "2"`, `payment: 2e18`), "not a decimal"},
		{"no collateral", replace(`, collateral: "1"`, ""), "price.collateral is required"},
		{"replicas zero", minimal + "replicas: 0\n", "must be 1 to 9"},
		{"replicas ten", minimal + "replicas: 10\n", "must be 1 to 9"},
		{"version 2", minimal + "version: 2\n", "this build reads version 1"},
		{"network not bool", minimal + "network: yes\n", `line 8: network: want true or false, got "yes"`},
		{"list for scalar", replace("cpu: 1", "cpu: [1]"), "resources.cpu: want a string or a number, got a list"},
		// Values of the wrong shape name their field and what it wants, in YAML's or JSON's
		// terms, never the Go types they decode into.
		{"list for the spec", "- engine: docker\n", "the spec: want a mapping of the spec's fields, got a list"},
		{"scalar for the spec", "hello\n", `the spec: want a mapping of the spec's fields, got "hello"`},
		{"string for args", minimal + "args: hello\n", `args: want a list of strings, got "hello"`},
		{"list for env", minimal + "env: [a]\n", "env: want a mapping of names to strings, got a list"},
		{"list in env", minimal + "env: {A: [1]}\n", "env.A: want a string, got a list"},
		{"mapping for inputs", minimal + "inputs: {path: a}\n", "inputs: want a list of inputs, got a mapping"},
		{"string for an input", minimal + "inputs: [a]\n", `inputs[0]: want an input: a mapping with path`},
		{"list for an input path", minimal + "inputs: [{path: [a], content: x}]\n", "inputs[0].path: want a string, got a list"},
		{"list for an output path", minimal + "outputs: [{path: [a]}]\n", "outputs[0].path: want a string, got a list"},
		{"number for resources", replace("resources: {cpu: 1, memory: 64MiB, disk: 100MB, time: 30s}", "resources: 5"), "resources: want a mapping of cpu, memory, disk and time, got the number 5"},
		{"list for price", replace(`price: {payment: "2", collateral: "1"}`, "price: []"), "price: want a mapping of payment and collateral, got a list"},
		{"number for deadlines", replace("deadlines: {accept_within: 1m, run_within: 2m}", "deadlines: 3"), "deadlines: want a mapping of accept_within and run_within"},
		{"word for replicas", minimal + "replicas: two\n", `replicas: want a whole number, got "two"`},
		{"word for version", minimal + "version: one\n", `version: want a whole number, got "one"`},
		// YAML used to turn these into 1 and 10 without a word.
		{"fraction for replicas", minimal + "replicas: 1.5\n", `replicas: want a whole number, got the number 1.5`},
		{"exponent for replicas", minimal + "replicas: 1e1\n", `replicas: want a whole number, got the number 1e1`},
		{"JSON list", `[1]`, "YAML: line 1: the spec: want a mapping"},
		{"JSON number for engine", `{"engine": 5}`, "JSON: engine: want a string, got a number"},
		{"JSON string for args", `{"args": "x"}`, "JSON: args: want a list of strings, got a string"},
		{"JSON fraction for replicas", `{"replicas": 1.5}`, "JSON: replicas: want a whole number, got a number 1.5"},
		{"JSON object for inputs", `{"inputs": {}}`, "JSON: inputs: want a list of inputs, got an object"},
		{"JSON number for an input", `{"inputs": [5]}`, "JSON: inputs: want an input"},
		{"JSON number for an input path", `{"inputs": [{"path": 5}]}`, "JSON: inputs.path: want a string, got a number"},
		{"JSON number in env", `{"env": {"A": 1}}`, "JSON: env: want a string, got a number"},
		{"JSON list for resources", `{"resources": []}`, "JSON: resources: want a mapping of cpu, memory, disk and time, got a list"},
		{"JSON string for network", `{"network": "yes"}`, "JSON: network: want true or false, got a string"},
		{"JSON number for price", `{"price": 5}`, "JSON: price: want a mapping of payment and collateral, got a number"},
		{"JSON bool for cpu", `{"resources": {"cpu": true}}`, "expected a string or a number, got true"},
		{"JSON unterminated", `{"engine": "docker"`, "JSON: unexpected EOF"},
		{"YAML syntax", "a: b: c\n", "YAML: mapping values are not allowed"},
		{"no deadlines", replace("deadlines: {accept_within: 1m, run_within: 2m}\n", ""), "deadlines is required"},
		{"no challenge window", replace("challenge_window: 10s\n", ""), "challenge_window is required"},
		{"NUL in arg", minimal + "args: [\"a\\0b\"]\n", "NUL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.doc))
			if err == nil {
				t.Fatalf("Parse succeeded")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error does not wrap ErrInvalid: %v", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
			for _, f := range errtext.Flaws(err.Error()) {
				t.Errorf("error %q: %s", err, f)
			}
		})
	}
}

// A wasm spec without a module takes the one given; a spec that names its module, or runs an
// image, is parsed as written.
func TestParseWithModule(t *testing.T) {
	const other = "bafkreie7q3iidccmpvszul7kudcvvuavuo7u6gzlbobczuk5nqk3b4akba"
	wasm := strings.Replace(minimal, "engine: docker\nimage: alpine:3.20", "engine: wasm", 1)
	tests := []struct {
		name, doc, module string
		want              string // the parsed module; "" with wantErr
		wantErr           string
	}{
		{"filled", wasm, cidV1, cidV1, ""},
		{"filled, empty field", wasm + "module: \"\"\n", cidV1, cidV1, ""},
		{"filled, JSON", `{"engine":"wasm","resources":{"cpu":1,"memory":"64MiB","disk":"1MiB","time":"30s"},` +
			`"price":{"payment":"2","collateral":"1"},"deadlines":{"accept_within":"1m","run_within":"2m"},"challenge_window":"10s"}`, cidV1, cidV1, ""},
		{"named in the spec", wasm + "module: " + other + "\n", cidV1, other, ""},
		{"none given", wasm, "", "", "module is required"},
		{"not a CID", wasm, "notacid", "", "not a CID"},
		{"docker", minimal, cidV1, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseWithModule([]byte(tt.doc), tt.module)
			if tt.wantErr != "" {
				if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want ErrInvalid mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Module != tt.want {
				t.Errorf("module %q, want %q", s.Module, tt.want)
			}
		})
	}
	// The filled spec is the spec that names the module: the same canonical form and hash.
	filled, err := ParseWithModule([]byte(wasm), cidV1)
	if err != nil {
		t.Fatal(err)
	}
	named, err := Parse([]byte(wasm + "module: " + cidV1 + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	h1, _ := filled.Hash()
	h2, _ := named.Hash()
	if h1 != h2 {
		t.Errorf("filled spec hash %s, want the named spec's %s", h1, h2)
	}
}

// All problems are reported at once, each naming its field.
func TestParseReportsEveryProblem(t *testing.T) {
	doc := strings.NewReplacer("cpu: 1", "cpu: 0", "64MiB", "64", `payment: "2"`, `payment: "0"`).Replace(minimal)
	_, err := Parse([]byte(doc))
	for _, field := range []string{"resources.cpu", "resources.memory", "price.payment"} {
		if err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("error %v does not name %s", err, field)
		}
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want uint64
		ok   bool
	}{
		{"1", 1, true}, {"512MiB", 512 << 20, true}, {"2GB", 2e9, true}, {"1Ki", 1024, true},
		{"3 TiB", 3 << 40, true}, {"10B", 10, true},
		{"1.5GiB", 0, false}, {"-1", 0, false}, {"1kb", 0, false}, {"99999999999999999999TiB", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v", tt.in, got, err)
		}
	}
}

// FuzzParse: the parser never panics, and whatever it accepts has a canonical encoding that
// parses back to the same encoding and passes ParseCanonical.
func FuzzParse(f *testing.F) {
	seed, _ := os.ReadFile("testdata/wordcount.yaml")
	f.Add(seed)
	f.Add([]byte(minimal))
	f.Add([]byte(`{"engine":"wasm","module":"` + cidV1 + `","resources":{"cpu":"1","memory":"1MiB","disk":"1","time":"1s"},` +
		`"price":{"payment":"1","collateral":"1"},"deadlines":{"accept_within":"1s","run_within":"1s"},"challenge_window":"1s"}`))
	f.Add([]byte("engine: [a, b]\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(data)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		c1, err := s.Canonical()
		if err != nil {
			t.Fatalf("accepted spec has no canonical encoding: %v", err)
		}
		h, _ := s.Hash()
		s2, err := ParseCanonical(c1, h)
		if err != nil {
			t.Fatalf("canonical encoding refused: %v\n%s", err, c1)
		}
		c2, _ := s2.Canonical()
		if !bytes.Equal(c1, c2) {
			t.Fatalf("canonical encoding not stable:\n%s\n%s", c1, c2)
		}
	})
}

// A cid input may select a path inside the result; the field is canonical only when set, so
// specs without it keep their hashes.
func TestInputSelect(t *testing.T) {
	doc := minimal + "inputs:\n  - {path: shard.txt, cid: " + cidV1 + ", select: shards/a.txt}\n"
	s, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if s.Inputs[0].Select != "shards/a.txt" {
		t.Fatalf("select = %q", s.Inputs[0].Select)
	}
	c, err := s.Canonical()
	if err != nil || !bytes.Contains(c, []byte(`{"cid":"`+cidV1+`","path":"shard.txt","select":"shards/a.txt"}`)) {
		t.Fatalf("canonical %s, %v", c, err)
	}
	again, err := Parse(c)
	if err != nil || again.Inputs[0].Select != "shards/a.txt" {
		t.Fatalf("reparsed: %+v %v", again, err)
	}
	for _, bad := range []string{
		"inputs:\n  - {path: x, content: a, select: y}\n",
		"inputs:\n  - {path: x, cid: " + cidV1 + ", select: ../y}\n",
		"inputs:\n  - {path: x, cid: " + cidV1 + ", select: /y}\n",
	} {
		if _, err := Parse([]byte(minimal + bad)); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "select") {
			t.Errorf("%q: %v, want an error naming select", bad, err)
		}
	}
}

// TestRequiresSP: a spec may ask for a Filecoin storage provider; a spec that does not (the
// field absent or false) keeps the canonical bytes, and so the hash, it always had.
func TestRequiresSP(t *testing.T) {
	base := `
engine: wasm
module: ` + cidV1 + `
resources: {cpu: 1, memory: 64MiB, disk: 1MiB, time: 10s}
price: {payment: "1", collateral: "1"}
deadlines: {accept_within: 1m, run_within: 2m}
challenge_window: 2m
`
	// The canonical form of base as Brine wrote it before requires_sp existed.
	const before = `{"challenge_window":"2m0s","deadlines":{"accept_within":"1m0s","run_within":"2m0s"},"engine":"wasm","module":"` + cidV1 + `","network":false,"price":{"collateral":"1","payment":"1"},"replicas":1,"resources":{"cpu":"1","disk":1048576,"memory":67108864,"time":"10s"},"version":1}`
	for _, doc := range []string{base, base + "requires_sp: false\n"} {
		s, err := Parse([]byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		c, _ := s.Canonical()
		if string(c) != before || s.RequiresSP {
			t.Fatalf("canonical form changed:\n%s\nwant\n%s", c, before)
		}
	}
	s, err := Parse([]byte(base + "requires_sp: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := s.Canonical()
	if !s.RequiresSP || !strings.Contains(string(c), `"replicas":1,"requires_sp":true,"resources"`) {
		t.Fatalf("requires_sp: %v, canonical %s", s.RequiresSP, c)
	}
	h, _ := s.Hash()
	back, err := ParseCanonical(c, h)
	if err != nil || !back.RequiresSP {
		t.Fatalf("round trip: %+v, %v", back, err)
	}
	if _, err := Parse([]byte(base + "requires_sp: yes\n")); err == nil {
		t.Fatal("requires_sp: yes accepted (YAML 1.1's boolean words are refused, as for network)")
	}
}
