//go:build unix

package results

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// withUmask runs fn with the process umask set to mask. The umask is process-wide: tests
// that use it must not run in parallel.
func withUmask(mask int, fn func()) {
	old := syscall.Umask(mask)
	defer syscall.Umask(old)
	fn()
}

func TestPackageIgnoresUmask(t *testing.T) {
	nodes := []node{file("out/a.txt", "a"), exe("out/bin/x", "x"), dir("out/empty"), file("out/sub/b", "b")}
	var results [][]byte
	for _, mask := range []int{0o022, 0o077, 0o002, 0o027} {
		root := t.TempDir()
		withUmask(mask, func() { makeTree(t, root, nodes) })
		data, _, err := Package(root, outs("out"), Limits{})
		if err != nil {
			t.Fatalf("umask %03o: %v", mask, err)
		}
		results = append(results, data)
	}
	for i := 1; i < len(results); i++ {
		if !bytes.Equal(results[i], results[0]) {
			t.Fatalf("umask changed the archive (run %d)", i)
		}
	}
}

func TestPackageRefusesFIFO(t *testing.T) {
	for _, outputs := range [][]string{{"out"}, {"out/pipe"}} {
		root := t.TempDir()
		makeTree(t, root, []node{file("out/a", "a")})
		if err := syscall.Mkfifo(filepath.Join(root, "out", "pipe"), 0o644); err != nil {
			t.Fatal(err)
		}
		// A FIFO with no writer would block a reader forever; Package must refuse it
		// without opening it.
		_, _, err := Package(root, outs(outputs...), Limits{})
		if !errors.Is(err, ErrUnsafe) || !strings.Contains(err.Error(), `"out/pipe" is a FIFO`) {
			t.Fatalf("Package of a FIFO (outputs %v): %v", outputs, err)
		}
	}
}

func TestUnpackIgnoresUmask(t *testing.T) {
	root := t.TempDir()
	makeTree(t, root, []node{file("out/a.txt", "a"), exe("out/bin/x", "x"), dir("out/empty")})
	data, _, err := Package(root, outs("out"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "dest")
	withUmask(0o077, func() { err = Unpack(data, dest, Limits{}) })
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]os.FileMode{"out": os.ModeDir | 0o755, "out/a.txt": 0o644, "out/bin": os.ModeDir | 0o755, "out/bin/x": 0o755, "out/empty": os.ModeDir | 0o755}
	for _, e := range readTree(t, dest) {
		if want[e.Path] != e.Mode {
			t.Errorf("%s has mode %v, want %v", e.Path, e.Mode, want[e.Path])
		}
	}
}
