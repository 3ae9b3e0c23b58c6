package main

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// rule forbids every package in from (minus except) to depend on any package in to.
type rule struct {
	line   int
	text   string
	from   []string // rooms relative to the module, or "*"
	except []string
	to     []string // rooms relative to the module, or external paths
}

// graph is a package import graph: roots are the module's packages to check.
type graph struct {
	roots   []string
	imports map[string][]string
}

const arrow = "↛"

// parseRules reads the rules from the first fenced block whose info string is "layers".
func parseRules(doc string) ([]rule, error) {
	var (
		rules   []rule
		inBlock bool
		found   bool
	)
	for i, line := range strings.Split(doc, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case !inBlock && !found && trimmed == "```layers":
			inBlock, found = true, true
			continue
		case inBlock && trimmed == "```":
			inBlock = false
			continue
		case !inBlock:
			continue
		}
		if c, _, ok := strings.Cut(trimmed, "#"); ok {
			trimmed = strings.TrimSpace(c)
		}
		if trimmed == "" {
			continue
		}
		lhs, rhs, ok := strings.Cut(trimmed, arrow)
		if !ok {
			return nil, fmt.Errorf("line %d: %q has no %s (write FROM %s TO...)", i+1, trimmed, arrow, arrow)
		}
		r := rule{line: i + 1, text: trimmed, to: strings.Fields(rhs)}
		from := strings.Fields(lhs)
		if len(from) == 0 || len(r.to) == 0 {
			return nil, fmt.Errorf("line %d: %q needs a room on each side of %s", i+1, trimmed, arrow)
		}
		if k := slices.Index(from, "except"); k >= 0 {
			r.from, r.except = from[:k], from[k+1:]
			if len(r.from) == 0 || len(r.except) == 0 {
				return nil, fmt.Errorf("line %d: %q: write FROM... except ROOM... %s TO...", i+1, trimmed, arrow)
			}
		} else {
			r.from = from
		}
		rules = append(rules, r)
	}
	if !found {
		return nil, errors.New("no ```layers block found")
	}
	if inBlock {
		return nil, errors.New("the ```layers block is not closed")
	}
	if len(rules) == 0 {
		return nil, errors.New("the ```layers block holds no rules")
	}
	return rules, nil
}

// in reports whether pkg is room or one of its subpackages; a room without a dot in its first
// element is relative to the module.
func in(module, pkg, room string) bool {
	if first, _, _ := strings.Cut(room, "/"); !strings.Contains(first, ".") {
		room = module + "/" + room
	}
	return pkg == room || strings.HasPrefix(pkg, room+"/")
}

// check returns one line per (package, rule) broken, with the shortest import chain that breaks it.
func check(module string, g *graph, rules []rule) []string {
	var out []string
	for _, r := range rules {
		for _, root := range g.roots {
			if !ruleCovers(module, root, r) {
				continue
			}
			if chain := shortestChain(g, root, func(p string) bool { return in(module, p, module) }, func(p string) bool {
				for _, to := range r.to {
					if in(module, p, to) {
						return true
					}
				}
				return false
			}); chain != nil {
				for i := range chain {
					chain[i] = strings.TrimPrefix(chain[i], module+"/")
				}
				out = append(out, fmt.Sprintf("%s: %s", r.text, strings.Join(chain, " → ")))
			}
		}
	}
	sort.Strings(out)
	return out
}

func ruleCovers(module, pkg string, r rule) bool {
	covered := false
	for _, from := range r.from {
		if from == "*" {
			from = module
		}
		covered = covered || in(module, pkg, from)
	}
	if !covered {
		return false
	}
	for _, ex := range r.except {
		if in(module, pkg, ex) {
			return false
		}
	}
	return true
}

// shortestChain walks imports breadth-first from root, through the packages walk accepts, and
// returns root → ... → the first package bad accepts, or nil.
func shortestChain(g *graph, root string, walk, bad func(string) bool) []string {
	prev := map[string]string{root: ""}
	queue := []string{root}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, imp := range g.imports[p] {
			if _, seen := prev[imp]; seen {
				continue
			}
			prev[imp] = p
			if bad(imp) {
				var chain []string
				for q := imp; q != ""; q = prev[q] {
					chain = append([]string{q}, chain...)
				}
				return chain
			}
			if walk(imp) {
				queue = append(queue, imp)
			}
		}
	}
	return nil
}
