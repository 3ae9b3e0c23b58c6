package results

import (
	"archive/tar"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/brine-compute/brine/jobspec"
)

// node is one thing in a test tree.
type node struct {
	path string // slash-separated, relative
	kind byte   // 'f' file 0644, 'x' executable file 0755, 'd' directory, 'l' symlink to data
	data string
}

func file(p, data string) node { return node{path: p, kind: 'f', data: data} }
func exe(p, data string) node  { return node{path: p, kind: 'x', data: data} }
func dir(p string) node        { return node{path: p, kind: 'd'} }
func link(p, to string) node   { return node{path: p, kind: 'l', data: to} }

// makeTree creates nodes under root, parents first as needed, in the order given.
func makeTree(t testing.TB, root string, nodes []node) {
	t.Helper()
	for _, n := range nodes {
		p := filepath.Join(root, filepath.FromSlash(n.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch n.kind {
		case 'f':
			err = os.WriteFile(p, []byte(n.data), 0o644)
		case 'x':
			err = os.WriteFile(p, []byte(n.data), 0o755)
		case 'd':
			err = os.MkdirAll(p, 0o755)
		case 'l':
			err = os.Symlink(n.data, p)
		default:
			t.Fatalf("node kind %q", n.kind)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func outs(paths ...string) []jobspec.Output {
	o := make([]jobspec.Output, len(paths))
	for i, p := range paths {
		o[i] = jobspec.Output{Path: p}
	}
	return o
}

// tarEntry is what a test sees of one archive entry.
type tarEntry struct {
	Name string
	Type byte
	Mode int64
	Data string
}

// readArchive lists an archive Package wrote, failing on any header field that is not the
// fixed one the format promises.
func readArchive(t testing.TB, data []byte) []tarEntry {
	t.Helper()
	var out []tarEntry
	tr := tar.NewReader(bytes.NewReader(data))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("reading archive: %v", err)
		}
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" || h.Linkname != "" ||
			h.Devmajor != 0 || h.Devminor != 0 || !h.ModTime.Equal(time.Unix(0, 0)) ||
			!h.AccessTime.IsZero() || !h.ChangeTime.IsZero() || h.Format&(tar.FormatPAX|tar.FormatUSTAR) == 0 || h.Format&tar.FormatGNU != 0 {
			t.Errorf("entry %q has variable header fields: %+v", h.Name, h)
		}
		for k := range h.PAXRecords {
			if k != "path" {
				t.Errorf("entry %q has pax record %q", h.Name, k)
			}
		}
		body, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tarEntry{Name: h.Name, Type: h.Typeflag, Mode: h.Mode, Data: string(body)})
	}
	return out
}

// treeEntry is what a test sees of one file or directory on disk.
type treeEntry struct {
	Path string
	Dir  bool
	Mode fs.FileMode
	Data string
}

// readTree lists everything under root (sorted), failing on anything but regular files and
// directories.
func readTree(t testing.TB, root string) []treeEntry {
	t.Helper()
	var out []treeEntry
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == root {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		e := treeEntry{Path: filepath.ToSlash(rel), Dir: d.IsDir(), Mode: info.Mode()}
		switch {
		case d.IsDir():
		case info.Mode().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			e.Data = string(b)
		default:
			t.Errorf("%s is %v: not a regular file or directory", rel, info.Mode())
		}
		out = append(out, e)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(out, func(a, b treeEntry) int {
		switch {
		case a.Path < b.Path:
			return -1
		case a.Path > b.Path:
			return 1
		}
		return 0
	})
	return out
}
