package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCIDCommand(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	hello := filepath.Join(dir, "hello.wasm")
	for p, data := range map[string]string{empty: "", hello: "\x00asm\x01\x00\x00\x00"} {
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	brine := func(args ...string) (string, error) {
		var out, errb bytes.Buffer
		err := run(context.Background(), append([]string{"brine"}, args...), IO{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }})
		return out.String(), err
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		// The well-known CIDv1 (raw, sha2-256, base32) of no bytes.
		{"empty file", []string{"cid", empty}, "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku\n"},
		{"wasm header", []string{"cid", hello}, "bafkreieturf3xfwhkeqy4taa2r46jqkdlajcuoe2zsqwebnr4tinyx4uoy\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := brine(tt.args...)
			if err != nil || got != tt.want {
				t.Errorf("brine %s = %q, %v; want %q", strings.Join(tt.args, " "), got, err, tt.want)
			}
		})
	}

	out, err := brine("cid", "--json", hello)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		File  string `json:"file"`
		CID   string `json:"cid"`
		Bytes int    `json:"bytes"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("--json: %v\n%s", err, out)
	}
	if v.File != hello || v.CID != strings.TrimSpace(tests[1].want) || v.Bytes != 8 {
		t.Errorf("--json: %+v", v)
	}

	for _, args := range [][]string{{"cid", filepath.Join(dir, "missing")}, {"cid", dir}, {"cid"}, {"cid", hello, empty}} {
		_, err := brine(args...)
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != ExitBadInput {
			t.Errorf("brine %s: %v, want a bad-input error", strings.Join(args, " "), err)
		}
	}
}
