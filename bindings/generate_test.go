package bindings

import (
	"os"
	"strings"
	"testing"

	"github.com/brine-compute/brine/bindings/internal/bindgen"
)

// TestBindingsUpToDate regenerates the bindings in-process from
// contracts/artifacts/combined.json, exactly as the go:generate line in
// gen.go does, and fails when the committed brine.go differs.
func TestBindingsUpToDate(t *testing.T) {
	combined, err := os.ReadFile("../contracts/artifacts/combined.json")
	if err != nil {
		t.Fatalf("reading artifacts: %v (run `make contracts && make bindings`)", err)
	}
	res, err := bindgen.Generate(combined, "bindings")
	if err != nil {
		t.Fatalf("generating bindings: %v", err)
	}
	have, err := os.ReadFile("brine.go")
	if err != nil {
		t.Fatalf("reading committed bindings: %v (run `make bindings`)", err)
	}
	if string(have) == string(res.Code) {
		return
	}
	wantLines, haveLines := strings.Split(string(res.Code), "\n"), strings.Split(string(have), "\n")
	line := 0
	for line < len(wantLines) && line < len(haveLines) && wantLines[line] == haveLines[line] {
		line++
	}
	t.Fatalf("bindings/brine.go is stale (first difference at line %d): run `make bindings` "+
		"(and `make contracts` first if a .sol file changed)", line+1)
}
