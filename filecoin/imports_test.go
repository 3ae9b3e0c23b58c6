package filecoin_test

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestNoFFI fails if any Brine package, tests included, reaches filecoin-ffi: the cgo library
// Lotus's FVM and proofs need, which cannot be built here and would make every build need a
// Rust toolchain. Lotus's api package holds itself to the same (TestDoesntDependOnFFI).
func TestNoFFI(t *testing.T) {
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	out, err := exec.Command(gobin, "list", "-deps", "-test", "github.com/brine-compute/brine/...").Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list -deps: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	// The test means something only while Brine does link Lotus's API.
	if !slices.Contains(deps, "github.com/filecoin-project/lotus/api") {
		t.Fatal("github.com/filecoin-project/lotus/api is not in Brine's import graph: is go list reading the right module?")
	}
	for _, pkg := range deps {
		if pkg == "github.com/filecoin-project/filecoin-ffi" || strings.HasPrefix(pkg, "github.com/filecoin-project/filecoin-ffi/") {
			t.Fatalf("Brine's import graph contains %s; find the chain with: go list -deps -test ./... and go mod why %s", pkg, pkg)
		}
	}
}
