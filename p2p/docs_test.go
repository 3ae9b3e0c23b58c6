package p2p

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// wireDoc is the wire specification of the protocols, for implementations in other languages.
const wireDoc = "../docs/p2p.md"

// TestDocsDescribeTheWire: docs/p2p.md has a section for every protocol in Protocols, a row for
// every status code with its number and name, and a row for every limit, so a protocol, status
// or limit added to the code without its description fails here.
func TestDocsDescribeTheWire(t *testing.T) {
	b, err := os.ReadFile(wireDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, id := range Protocols {
		if !strings.Contains(doc, "### `"+string(id)+"`") {
			t.Errorf("%s has no section (### `%s`: ...) in %s", id, id, wireDoc)
		}
	}
	for s := StatusOK; ; s++ {
		name := s.String()
		if strings.HasPrefix(name, "status(") {
			break // past the last defined status
		}
		if row := fmt.Sprintf("| %d | `%s` |", s, name); !strings.Contains(doc, row) {
			t.Errorf("status %d (%s) has no row %q in %s", s, name, row, wireDoc)
		}
	}
	lt := reflect.TypeOf(Limits{})
	for i := range lt.NumField() {
		if f := lt.Field(i).Name; !strings.Contains(doc, "| `"+f+"` |") {
			t.Errorf("limit %s has no row in %s", f, wireDoc)
		}
	}
	for _, want := range []string{
		fmt.Sprintf("at most **%d bytes** (`MaxMessage`", MaxMessage),
		fmt.Sprintf("request bound %d", specRequestSize),
		fmt.Sprintf("request bound %d", maxCIDSize),
		fmt.Sprintf("request bound %d", probeRequestSize),
		fmt.Sprintf("request bound %d", statusRequestSize),
		fmt.Sprintf(`"%s"`, ProbeDomain),
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("%s does not say %q", wireDoc, want)
		}
	}
}
