// Command layercheck enforces Brine's import layering: it reads the forbidden edges written in
// docs/architecture.md (the fenced block marked "layers") and fails when any package of a room
// depends on a forbidden one, directly or through any chain of imports. It is part of `make lint`.
//
// Each rule line reads
//
//	FROM... [except ROOM...] ↛ TO...
//
// where each FROM is a room (a package path relative to the module, covering its subpackages, or
// "*" for every package of the module), except spares rooms inside those, and each TO is a
// room of the module or an external import path (with a dot in its first element), also covering
// its subpackages. Chains are followed through the module's own packages only: "* ↛ X" means no
// package of ours imports X, whatever a dependency of ours does with it. Test files are not
// checked: tests may import what they exercise.
//
// A violation prints the shortest import chain that makes it, so the edge to cut is plain:
//
//	node ↛ incentives: node → node/p2p → incentives/merkle
//
// Usage:
//
//	go run ./cmd/layercheck [-rules docs/architecture.md] [packages, default ./...]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

func main() {
	rulesPath := flag.String("rules", "docs/architecture.md", "the Markdown file holding the ```layers block")
	flag.Parse()
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	doc, err := os.ReadFile(*rulesPath)
	if err != nil {
		fmt.Fprintf(os.Stderr, "layercheck: %v\n", err)
		os.Exit(2)
	}
	rules, err := parseRules(string(doc))
	if err != nil {
		fmt.Fprintf(os.Stderr, "layercheck: %s: %v\n", *rulesPath, err)
		os.Exit(2)
	}
	module, g, err := loadGraph(patterns)
	if err != nil {
		fmt.Fprintf(os.Stderr, "layercheck: %v\n", err)
		os.Exit(2)
	}
	bad := check(module, g, rules)
	for _, v := range bad {
		fmt.Println(v)
	}
	if len(bad) > 0 {
		fmt.Printf("layercheck: %d forbidden dependencies (rules in %s); cut an edge of each chain or move the code to the room it belongs in\n", len(bad), *rulesPath)
		os.Exit(1)
	}
}

// loadGraph lists the module's packages (roots) and every package they reach with its direct
// non-test imports, in one `go list -deps` call.
func loadGraph(patterns []string) (module string, g *graph, err error) {
	out, err := exec.Command("go", "list", "-m").Output()
	if err != nil {
		return "", nil, fmt.Errorf("go list -m: %w", err)
	}
	module = strings.TrimSpace(string(out))
	rootsOut, err := exec.Command("go", append([]string{"list"}, patterns...)...).Output()
	if err != nil {
		return "", nil, fmt.Errorf("go list %s: %w", strings.Join(patterns, " "), err)
	}
	args := append([]string{"list", "-deps", "-f", "{{.ImportPath}}:{{join .Imports \" \"}}"}, patterns...)
	depsOut, err := exec.Command("go", args...).Output()
	if err != nil {
		return "", nil, fmt.Errorf("go list -deps: %w", err)
	}
	g = &graph{imports: map[string][]string{}}
	for _, line := range strings.Split(strings.TrimSpace(string(depsOut)), "\n") {
		pkg, imps, _ := strings.Cut(line, ":")
		g.imports[pkg] = strings.Fields(imps)
	}
	g.roots = strings.Fields(string(rootsOut))
	return module, g, nil
}
