package main

import (
	"reflect"
	"strings"
	"testing"
)

const mod = "example.com/m"

func TestParseRules(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		want    []rule
		wantErr string
	}{
		{
			name: "rules, comments and except",
			doc:  "intro\n```layers\n# why\nnode ↛ bindings incentives\n\n* except cmd internal/cli ↛ github.com/spf13/viper # no config below the CLI\n```\n",
			want: []rule{
				{line: 4, text: "node ↛ bindings incentives", from: []string{"node"}, to: []string{"bindings", "incentives"}},
				{line: 6, text: "* except cmd internal/cli ↛ github.com/spf13/viper", from: []string{"*"}, except: []string{"cmd", "internal/cli"}, to: []string{"github.com/spf13/viper"}},
			},
		},
		{name: "no block", doc: "```go\nx\n```\n", wantErr: "no ```layers block"},
		{name: "unclosed", doc: "```layers\na ↛ b\n", wantErr: "not closed"},
		{name: "empty", doc: "```layers\n# only a comment\n```\n", wantErr: "no rules"},
		{name: "no arrow", doc: "```layers\nnode bindings\n```\n", wantErr: "has no ↛"},
		{name: "one side empty", doc: "```layers\nnode ↛\n```\n", wantErr: "a room on each side"},
		{name: "except with nothing after", doc: "```layers\nnode except ↛ x\n```\n", wantErr: "except ROOM"},
		{name: "except with nothing before", doc: "```layers\nexcept cmd ↛ x\n```\n", wantErr: "except ROOM"},
		{
			name: "several rooms on the left",
			doc:  "```layers\nunits jobspec ↛ node\n```\n",
			want: []rule{{line: 2, text: "units jobspec ↛ node", from: []string{"units", "jobspec"}, to: []string{"node"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseRules(tt.doc)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("rules = %+v\nwant    %+v", got, tt.want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	g := &graph{
		roots: []string{mod + "/node", mod + "/node/p2p", mod + "/incentives/merkle", mod + "/internal/cli", mod + "/cmd/brine", mod + "/nodes"},
		imports: map[string][]string{
			mod + "/node":              {mod + "/node/p2p", "fmt"},
			mod + "/node/p2p":          {mod + "/incentives/merkle"},
			mod + "/incentives/merkle": {"crypto/sha256"},
			mod + "/internal/cli":      {"github.com/spf13/viper", mod + "/node"},
			mod + "/cmd/brine":         {mod + "/internal/cli"},
			mod + "/nodes":             {mod + "/incentivesx"},
			"github.com/spf13/viper":   {"github.com/spf13/viper/internal/x"},
		},
	}
	tests := []struct {
		name  string
		rules string
		want  []string
	}{
		{
			name:  "transitive edge reported with its shortest chain, for every package of the room",
			rules: "node ↛ incentives",
			want: []string{
				"node ↛ incentives: node → node/p2p → incentives/merkle",
				"node ↛ incentives: node/p2p → incentives/merkle",
			},
		},
		{
			name:  "a room is a path prefix at a slash, not a string prefix",
			rules: "nodes ↛ incentives",
			want:  nil,
		},
		{
			name:  "except spares the named rooms; external rooms cover their subpackages",
			rules: "* except cmd ↛ github.com/spf13/viper",
			want:  []string{"* except cmd ↛ github.com/spf13/viper: internal/cli → github.com/spf13/viper"},
		},
		{
			name:  "chains run through the module only: a dependency's own imports are its business",
			rules: "* except cmd internal/cli ↛ github.com/spf13/viper/internal",
			want:  nil,
		},
		{
			name:  "every room on the left is checked",
			rules: "cmd incentives/merkle ↛ github.com/spf13/viper crypto",
			want: []string{
				"cmd incentives/merkle ↛ github.com/spf13/viper crypto: cmd/brine → internal/cli → github.com/spf13/viper",
			},
		},
		{
			name:  "kept rules are silent",
			rules: "incentives ↛ node",
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules, err := parseRules("```layers\n" + tt.rules + "\n```\n")
			if err != nil {
				t.Fatal(err)
			}
			if got := check(mod, g, rules); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("check =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
