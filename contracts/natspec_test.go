package contracts_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNatSpecOnEveryExternalMember requires documentation on every external function of the
// production contracts (inherited OpenZeppelin functions carry OpenZeppelin's docs) and on every
// event and error declared in our own sources, read from the NatSpec solc emits into the artifacts.
func TestNatSpecOnEveryExternalMember(t *testing.T) {
	for _, name := range []string{"BrineToken", "ProviderRegistry", "JobMarket", "UptimeRewards", "TokenProbe"} {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("artifacts", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var art struct {
				Source  string     `json:"sourceName"`
				ABI     []abiEntry `json:"abi"`
				UserDoc natspec    `json:"userdoc"`
				DevDoc  natspec    `json:"devdoc"`
			}
			if err := json.Unmarshal(raw, &art); err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(art.Source)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range art.ABI {
				sig := e.signature()
				if (e.Type == "event" || e.Type == "error") && !strings.Contains(string(src), e.Type+" "+e.Name+"(") {
					continue // inherited from OpenZeppelin
				}
				var ok bool
				switch e.Type {
				case "function":
					ok = documented(art.UserDoc.Methods, art.DevDoc.Methods, sig)
				case "event":
					ok = documented(art.UserDoc.Events, art.DevDoc.Events, sig)
				case "error":
					ok = documented(art.UserDoc.Errors, art.DevDoc.Errors, sig)
				default:
					continue
				}
				if !ok {
					t.Errorf("%s %s has no NatSpec (@notice or @dev): document it in contracts/src", e.Type, sig)
				}
			}
		})
	}
}

type natspec struct {
	Methods map[string]json.RawMessage `json:"methods"`
	Events  map[string]json.RawMessage `json:"events"`
	Errors  map[string]json.RawMessage `json:"errors"`
}

func documented(user, dev map[string]json.RawMessage, sig string) bool {
	for _, m := range []map[string]json.RawMessage{user, dev} {
		if v, ok := m[sig]; ok && len(v) > 2 && string(v) != "[]" {
			return true
		}
	}
	return false
}

type abiEntry struct {
	Type   string     `json:"type"`
	Name   string     `json:"name"`
	Inputs []abiParam `json:"inputs"`
}

type abiParam struct {
	Type       string     `json:"type"`
	Components []abiParam `json:"components"`
}

func (p abiParam) canonical() string {
	if !strings.HasPrefix(p.Type, "tuple") {
		return p.Type
	}
	parts := make([]string, len(p.Components))
	for i, c := range p.Components {
		parts[i] = c.canonical()
	}
	return "(" + strings.Join(parts, ",") + ")" + strings.TrimPrefix(p.Type, "tuple")
}

func (e abiEntry) signature() string {
	parts := make([]string, len(e.Inputs))
	for i, in := range e.Inputs {
		parts[i] = in.canonical()
	}
	return e.Name + "(" + strings.Join(parts, ",") + ")"
}
