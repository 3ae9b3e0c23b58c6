// Package errtext judges the text of error messages a user reads: the CLI's refusals and a
// job spec's problems. Tests call Flaws on the messages of every error path they walk; the
// program never inspects an error's text to decide anything (errors.Is/As do that).
package errtext

import (
	"regexp"
	"strings"
)

// goType matches what a Go decoder or %v of a Go value leaks into a message: a package-
// qualified type in camel case (jobspec.wireSpec, big.Int, common.Address; not a field path
// like env.BRINE_JOB), composite type syntax, a YAML
// tag, or encoding/json's "Go struct field".
var goType = regexp.MustCompile(`\b[a-z][a-z0-9]*\.(?:[a-z]+[A-Z]|[A-Z][a-z])[A-Za-z0-9]*\b|\bmap\[|\[\][*a-zA-Z]|\*big\.|\bstruct ?\{|\binterface ?\{|!![a-z]+\b|\bGo (struct field|value)\b`)

// prefix matches the last two words before a colon ("job 27:", "reclaim job 3:" ends in
// "job 3:"): the context one layer of wrapping adds.
var prefix = regexp.MustCompile(`([\w.-]+ [\w.-]+):`)

// numbered matches a numbered prefix ("job 27:"), whose subject should be named once.
var numbered = regexp.MustCompile(`\b([A-Za-z-]+ [0-9]+):`)

// Flaws lists what is wrong with msg as text for a user: a wrapping prefix that appears
// twice on one line (two layers both added the same context; a list of problems, one a line,
// may repeat "is required:"), a numbered prefix whose subject the rest of the line names
// again ("job 27: unknown job: job 27 (...)"), and Go type names or syntax. Empty: none.
func Flaws(msg string) []string {
	var out []string
	for _, line := range strings.Split(msg, "\n") {
		seen := map[string]bool{}
		for _, m := range prefix.FindAllStringSubmatch(line, -1) {
			p := strings.ToLower(m[1])
			if seen[p] {
				out = append(out, "repeated prefix "+`"`+m[1]+`:"`)
			}
			seen[p] = true
		}
		for _, m := range numbered.FindAllStringSubmatchIndex(line, -1) {
			subject := line[m[2]:m[3]]
			again := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(subject) + `\b`)
			if again.MatchString(line[m[1]:]) {
				out = append(out, "subject named twice "+`"`+subject+`"`)
			}
		}
	}
	for _, m := range goType.FindAllString(msg, -1) {
		out = append(out, "Go type "+`"`+m+`"`)
	}
	return out
}
