package atomicfile_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/brine-compute/brine/internal/atomicfile"
)

func TestWrite(t *testing.T) {
	for _, tc := range []struct {
		name    string
		old     []byte // nil: no file before
		data    []byte
		mode    os.FileMode
		missing bool // the directory does not exist
	}{
		{name: "new file", data: []byte("first\n"), mode: 0o600},
		{name: "replaces a file", old: []byte("old and longer\n"), data: []byte("new\n"), mode: 0o644},
		{name: "empty", old: []byte("x"), data: nil, mode: 0o600},
		{name: "no directory", data: []byte("lost"), mode: 0o600, missing: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if tc.missing {
				dir = filepath.Join(dir, "absent")
			}
			path := filepath.Join(dir, "state.json")
			if tc.old != nil {
				if err := os.WriteFile(path, tc.old, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			err := atomicfile.Write(path, tc.data, tc.mode)
			if tc.missing {
				if err == nil {
					t.Fatal("wrote into a directory that does not exist")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil || string(got) != string(tc.data) {
				t.Fatalf("file holds %q (%v), want %q", got, err, tc.data)
			}
			if st, _ := os.Stat(path); st.Mode().Perm() != tc.mode {
				t.Errorf("mode %v, want %v", st.Mode().Perm(), tc.mode)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("the directory holds %d entries, want the file alone (no temporary file left)", len(entries))
			}
		})
	}
}

// A failed write leaves the old file as it was and no temporary file.
func TestWriteFailureKeepsTheOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	// The target is a directory now: the rename over it fails.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(path, "inside"), []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.Write(path, []byte("new"), 0o600); err == nil {
		t.Fatal("replaced a non-empty directory")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "state.json" {
		t.Errorf("entries after a failed write: %v", entries)
	}
}
