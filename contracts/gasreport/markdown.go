package main

import (
	"fmt"
	"strings"
)

func num(n uint64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func report(paths []path) (string, error) {
	var b strings.Builder
	for _, p := range paths {
		fmt.Fprintf(&b, "## %s %d\n", p.Name, p.Gas())
		for _, s := range p.Steps {
			fmt.Fprintf(&b, "%-28s %8d  %+v\n", s.Name, s.Gas, s.B)
		}
		for _, n := range p.Notes {
			fmt.Fprintf(&b, "note: %s\n", n)
		}
	}
	return b.String(), nil
}
