package results

import (
	"archive/tar"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fuzzLimits keep fuzzed archives small.
var fuzzLimits = Limits{MaxBytes: 1 << 16, MaxEntries: 64}

// FuzzUnpack feeds Unpack arbitrary bytes. Whatever they are, nothing appears outside the
// destination; a refused archive leaves no destination at all; an accepted one gives only
// regular files and directories with safe modes, within the limits, that package and unpack
// again to the same tree.
func FuzzUnpack(f *testing.F) {
	root, outputs := goldenTree(f)
	golden, _, err := Package(root, outputs, Limits{})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(golden)
	f.Add(make([]byte, 1024))
	f.Add([]byte{})
	f.Add(buildTar(f, reg("a/b/c", "c"), tdir("a/"), reg("x", "x")))
	f.Add(buildTar(f, reg("../x", "x")))
	f.Add(buildTar(f, reg("/abs", "x")))
	f.Add(buildTar(f, th{name: "a", typ: tar.TypeSymlink, link: "/etc"}, reg("a/passwd", "x")))
	f.Add(buildTar(f, th{name: "h", typ: tar.TypeLink, link: "x"}))
	f.Add(buildTar(f, reg("a", "1"), reg("a", "2")))
	f.Add(buildTar(f, th{name: "big", typ: tar.TypeReg, mode: 0o644, size: 1 << 40}))
	f.Add(buildTar(f, th{name: "p", typ: tar.TypeFifo}))
	f.Add(rawTar("a/", tar.TypeReg, "x"))

	f.Fuzz(func(t *testing.T, archive []byte) {
		parent := t.TempDir()
		dest := filepath.Join(parent, "dest")
		err := Unpack(archive, dest, fuzzLimits)
		if entries, _ := os.ReadDir(parent); len(entries) > 1 || len(entries) == 1 && entries[0].Name() != "dest" {
			t.Fatalf("Unpack wrote outside the destination: %v", entries)
		}
		if err != nil {
			if !errors.Is(err, ErrUnsafe) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrMalformed) {
				t.Fatalf("Unpack failed without a reason it documents: %v", err)
			}
			if _, lerr := os.Lstat(dest); !errors.Is(lerr, fs.ErrNotExist) {
				t.Fatalf("refused archive (%v) created the destination", err)
			}
			return
		}
		tree := readTree(t, dest) // fails on anything but files and directories
		var total int64
		var top []string
		for _, e := range tree {
			switch {
			case e.Dir && e.Mode != fs.ModeDir|0o755, !e.Dir && e.Mode != 0o644 && e.Mode != 0o755:
				t.Fatalf("%s has mode %v", e.Path, e.Mode)
			}
			total += int64(len(e.Data))
			if !strings.Contains(e.Path, "/") {
				top = append(top, e.Path)
			}
		}
		if len(tree) > fuzzLimits.MaxEntries || total > fuzzLimits.MaxBytes {
			t.Fatalf("unpacked %d entries, %d bytes: over the limits", len(tree), total)
		}
		data, _, err := Package(dest, outs(top...), fuzzLimits)
		if err != nil {
			t.Fatalf("packaging an unpacked result: %v", err)
		}
		again := filepath.Join(t.TempDir(), "again")
		if err := Unpack(data, again, fuzzLimits); err != nil {
			t.Fatalf("unpacking a repackaged result: %v", err)
		}
		if got := readTree(t, again); !reflect.DeepEqual(got, tree) {
			t.Fatalf("round trip changed the tree:\n got %+v\nwant %+v", got, tree)
		}
	})
}

// fuzzNames are the path elements a fuzzed tree is made of: close in byte order, non-ASCII,
// long enough for a pax path record.
var fuzzNames = []string{"a", "b", "A", "a-b", "a.txt", "é", "x y", strings.Repeat("L", 101)}

// fuzzTree creates, under root, the tree that spec describes and returns its top-level
// names. Each step: an op byte (low 3 bits: kind and mode; high 2 bits: depth - 1), one byte
// per path element, a length byte and that many content bytes. Steps that conflict with the
// tree so far are skipped.
func fuzzTree(t *testing.T, root string, spec []byte) []string {
	fileModes := []fs.FileMode{0o644, 0o600, 0o664, 0o755, 0o700}
	dirModes := []fs.FileMode{0o755, 0o700, 0o775}
	next := func() (byte, bool) {
		if len(spec) == 0 {
			return 0, false
		}
		b := spec[0]
		spec = spec[1:]
		return b, true
	}
	for steps := 0; steps < 24; steps++ {
		op, ok := next()
		if !ok {
			break
		}
		var elems []string
		for range int(op>>6) + 1 {
			b, _ := next()
			elems = append(elems, fuzzNames[int(b)%len(fuzzNames)])
		}
		n, _ := next()
		content := spec[:min(int(n%32), len(spec))]
		spec = spec[len(content):]
		p := filepath.Join(root, filepath.FromSlash(path.Join(elems...)))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			continue
		}
		if _, err := os.Lstat(p); err == nil {
			continue
		}
		if kind := int(op & 7); kind < len(fileModes) {
			if os.WriteFile(p, content, 0o600) == nil {
				os.Chmod(p, fileModes[kind])
			}
		} else if os.Mkdir(p, 0o700) == nil {
			os.Chmod(p, dirModes[kind-len(fileModes)])
		}
	}
	des, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var top []string
	for _, de := range des {
		top = append(top, de.Name())
	}
	return top
}

// FuzzPackageRoundTrip: any tree of files and directories packages, unpacks to the same
// tree (modes normalized) and packages again to the same bytes.
func FuzzPackageRoundTrip(f *testing.F) {
	f.Add([]byte{0, 0, 1, 'x'})
	f.Add([]byte{5, 1, 0, 0x43, 1, 2, 3, 'a', 'b', 0x83, 2, 3, 4, 0})
	f.Add([]byte{0xc3, 7, 7, 7, 7, 5, 'h', 'e', 'l', 'l', 'o', 0x46, 5, 5, 0, 0x02, 6, 1, 'z'})
	f.Add(bytes.Repeat([]byte{0x41, 3, 1, 2, 'q', 'r'}, 10))
	f.Fuzz(func(t *testing.T, spec []byte) {
		root := t.TempDir()
		top := fuzzTree(t, root, spec)
		data, c, err := Package(root, outs(top...), fuzzLimits)
		if errors.Is(err, ErrTooLarge) {
			return
		}
		if err != nil {
			t.Fatalf("Package: %v", err)
		}
		dest := filepath.Join(t.TempDir(), "dest")
		if err := Unpack(data, dest, fuzzLimits); err != nil {
			t.Fatalf("Unpack of a packaged tree: %v", err)
		}
		var want []treeEntry
		for _, e := range readTree(t, root) {
			switch {
			case e.Dir:
				e.Mode = fs.ModeDir | 0o755
			case e.Mode&0o100 != 0:
				e.Mode = 0o755
			default:
				e.Mode = 0o644
			}
			want = append(want, e)
		}
		if got := readTree(t, dest); !reflect.DeepEqual(got, want) {
			t.Fatalf("unpacked tree differs:\n got %+v\nwant %+v", got, want)
		}
		again, c2, err := Package(dest, outs(top...), fuzzLimits)
		if err != nil || !bytes.Equal(again, data) || c2 != c {
			t.Fatalf("repackaging gave %s, want %s (%v)", c2, c, err)
		}
	})
}
