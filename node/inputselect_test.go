package node

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/results"
)

// An input that selects a path inside an earlier result gets only that file or directory,
// under its own path, and nothing of the staging is left in the inputs directory.
func TestInputSelect(t *testing.T) {
	out := t.TempDir()
	for name, body := range map[string]string{"shards/a.txt": "a\n", "shards/b.txt": "b\n", "meta.txt": "m\n"} {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	archive, _, err := results.Package(out, []jobspec.Output{{Path: "shards"}, {Path: "meta.txt"}}, results.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := placeSelected(bytes.NewReader(archive), dir, jobspec.Input{Path: "shard.txt", Select: "shards/b.txt"}); err != nil {
		t.Fatal(err)
	}
	if err := placeSelected(bytes.NewReader(archive), dir, jobspec.Input{Path: "in/all", Select: "shards"}); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "shard.txt")); err != nil || string(b) != "b\n" {
		t.Errorf("shard.txt: %q %v", b, err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "in", "all", "a.txt")); err != nil || string(b) != "a\n" {
		t.Errorf("in/all/a.txt: %q %v", b, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the inputs directory holds %v, want shard.txt and in only", entries)
	}
	if err := placeSelected(bytes.NewReader(archive), dir, jobspec.Input{Path: "none", Select: "shards/zzz"}); err == nil {
		t.Error("a path the result does not hold was placed")
	}
}
