package bindgen

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// fn builds the ABI entry of a view function with the given outputs
// ("type name" pairs).
func fn(name string, outputs ...string) map[string]any {
	var outs []map[string]string
	for _, o := range outputs {
		typ, n, _ := strings.Cut(o, " ")
		outs = append(outs, map[string]string{"internalType": typ, "name": n, "type": typ})
	}
	return map[string]any{"inputs": []any{}, "name": name, "outputs": outs, "stateMutability": "view", "type": "function"}
}

func structFn(name, structName string, fields ...string) map[string]any {
	var comps []map[string]string
	for _, f := range fields {
		typ, n, _ := strings.Cut(f, " ")
		comps = append(comps, map[string]string{"internalType": typ, "name": n, "type": typ})
	}
	return map[string]any{
		"inputs": []any{}, "name": name, "stateMutability": "view", "type": "function",
		"outputs": []any{map[string]any{"components": comps, "internalType": "struct " + structName, "name": "", "type": "tuple"}},
	}
}

func event(name string) map[string]any {
	return map[string]any{"anonymous": false, "inputs": []any{}, "name": name, "type": "event"}
}

func errorDef(name string) map[string]any {
	return map[string]any{"inputs": []any{}, "name": name, "type": "error"}
}

func combined(t *testing.T, contracts map[string][]map[string]any) []byte {
	t.Helper()
	out := map[string]any{"version": "test"}
	cs := map[string]any{}
	for name, abi := range contracts {
		cs[name] = map[string]any{"abi": abi, "bin": "6080"}
	}
	out["contracts"] = cs
	data, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// topLevel returns how many times each top-level name is declared.
func topLevel(t *testing.T, code []byte) map[string]int {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", code, 0)
	if err != nil {
		t.Fatalf("generated code does not parse: %v", err)
	}
	names := map[string]int{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				names[d.Name.Name]++
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					names[s.Name.Name]++
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.Name != "_" {
							names[n.Name]++
						}
					}
				}
			}
		}
	}
	return names
}

func TestIdenticalOutputsAreDeclaredOnce(t *testing.T) {
	data := combined(t, map[string][]map[string]any{
		"src/A.sol:A": {fn("info", "uint256 a", "bool b")},
		"src/B.sol:B": {fn("info", "uint256 a", "bool b")},
	})
	res, err := Generate(data, "p")
	if err != nil {
		t.Fatal(err)
	}
	names := topLevel(t, res.Code)
	if names["InfoOutput"] != 1 {
		t.Fatalf("InfoOutput declared %d times, want 1", names["InfoOutput"])
	}
	if len(res.Notes) != 0 {
		t.Fatalf("unexpected notes: %v", res.Notes)
	}
	if n := strings.Count(string(res.Code), "// InfoOutput serves as a container"); n != 1 {
		t.Fatalf("doc comment of InfoOutput appears %d times, want 1", n)
	}
}

func TestConflictingOutputsArePrefixed(t *testing.T) {
	data := combined(t, map[string][]map[string]any{
		"src/A.sol:A": {fn("info", "uint256 a", "bool b"), fn("other", "uint256 a", "bool b")},
		"src/B.sol:B": {fn("info", "address x", "uint8 y")},
	})
	res, err := Generate(data, "p")
	if err != nil {
		t.Fatal(err)
	}
	names := topLevel(t, res.Code)
	for _, want := range []string{"AInfoOutput", "BInfoOutput", "OtherOutput"} {
		if names[want] != 1 {
			t.Errorf("%s declared %d times, want 1", want, names[want])
		}
	}
	if names["InfoOutput"] != 0 {
		t.Errorf("InfoOutput still declared")
	}
	code := string(res.Code)
	for _, want := range []string{
		"func (a *A) UnpackInfo(data []byte) (AInfoOutput, error)",
		"func (b *B) UnpackInfo(data []byte) (BInfoOutput, error)",
		"// AInfoOutput serves as a container",
	} {
		if !strings.Contains(code, want) {
			t.Errorf("generated code lacks %q", want)
		}
	}
	if len(res.Notes) != 2 {
		t.Errorf("want 2 notes, got %v", res.Notes)
	}
}

func TestSharedStructIsDeclaredOnce(t *testing.T) {
	data := combined(t, map[string][]map[string]any{
		"src/A.sol:A": {structFn("job", "IMarket.Job", "uint256 id", "address client")},
		"src/B.sol:B": {structFn("job", "IMarket.Job", "uint256 id", "address client")},
	})
	res, err := Generate(data, "p")
	if err != nil {
		t.Fatal(err)
	}
	if n := topLevel(t, res.Code)["IMarketJob"]; n != 1 {
		t.Fatalf("IMarketJob declared %d times, want 1", n)
	}
}

func TestConflictingStructsAreReported(t *testing.T) {
	data := combined(t, map[string][]map[string]any{
		"src/A.sol:A": {structFn("job", "Job", "uint256 id")},
		"src/B.sol:B": {structFn("job", "Job", "address client")},
	})
	_, err := Generate(data, "p")
	if err == nil || !strings.Contains(err.Error(), "Go name Job is declared 2 times") {
		t.Fatalf("want a duplicate Job error, got %v", err)
	}
}

func TestEventAndErrorOfSameNameAreReported(t *testing.T) {
	data := combined(t, map[string][]map[string]any{
		"src/A.sol:A": {event("Paused"), errorDef("Paused")},
	})
	_, err := Generate(data, "p")
	if err == nil || !strings.Contains(err.Error(), "APaused") {
		t.Fatalf("want a duplicate APaused error, got %v", err)
	}
}

func TestDuplicateContractNames(t *testing.T) {
	data := combined(t, map[string][]map[string]any{
		"src/A.sol:A":      {fn("x", "uint256 a")},
		"src/test/A.sol:A": {fn("y", "uint256 a")},
	})
	_, err := Generate(data, "p")
	if err == nil || !strings.Contains(err.Error(), "contract names must be unique") {
		t.Fatalf("want a duplicate contract error, got %v", err)
	}
}

func TestDeterministic(t *testing.T) {
	data := combined(t, map[string][]map[string]any{
		"src/A.sol:A": {fn("info", "uint256 a", "bool b")},
		"src/B.sol:B": {fn("info", "address x", "uint8 y")},
		"src/C.sol:C": {structFn("job", "C.Job", "uint256 id")},
	})
	first, err := Generate(data, "p")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		again, err := Generate(data, "p")
		if err != nil {
			t.Fatal(err)
		}
		if string(again.Code) != string(first.Code) {
			t.Fatal("output differs between runs")
		}
	}
}
