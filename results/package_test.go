package results

import (
	"archive/tar"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/brine-compute/brine/jobspec"
)

func TestPackageEntries(t *testing.T) {
	long := strings.Repeat("n", 150) + ".txt"
	tests := []struct {
		name    string
		tree    []node
		chmod   map[string]fs.FileMode
		outputs []jobspec.Output
		want    []tarEntry
	}{
		{
			name:    "single file",
			tree:    []node{file("a.txt", "hi\n")},
			outputs: outs("a.txt"),
			want:    []tarEntry{{"a.txt", tar.TypeReg, 0o644, "hi\n"}},
		},
		{
			name:    "empty file",
			tree:    []node{file("empty", "")},
			outputs: outs("empty"),
			want:    []tarEntry{{"empty", tar.TypeReg, 0o644, ""}},
		},
		{
			name: "directory walked in byte order of paths",
			tree: []node{
				file("out/b.txt", "b"), file("out/a/z", "z"), file("out/a/y", "y"),
				file("out/A", "A"), file("out/a-b", "-"), dir("out/empty"),
			},
			outputs: outs("out"),
			want: []tarEntry{
				{"out/", tar.TypeDir, 0o755, ""},
				{"out/A", tar.TypeReg, 0o644, "A"},
				{"out/a/", tar.TypeDir, 0o755, ""},
				{"out/a-b", tar.TypeReg, 0o644, "-"},
				{"out/a/y", tar.TypeReg, 0o644, "y"},
				{"out/a/z", tar.TypeReg, 0o644, "z"},
				{"out/b.txt", tar.TypeReg, 0o644, "b"},
				{"out/empty/", tar.TypeDir, 0o755, ""},
			},
		},
		{
			name: "modes normalized by the owner-execute bit",
			tree: []node{file("d/private", "p"), file("d/group", "g"), file("d/run", "r"), file("d/all", "a"), file("d/other-x", "o"), dir("d/closed")},
			chmod: map[string]fs.FileMode{
				"d/private": 0o600, "d/group": 0o664, "d/run": 0o700, "d/all": 0o777,
				"d/other-x": 0o611, "d/closed": 0o700, "d": 0o750,
			},
			outputs: outs("d"),
			want: []tarEntry{
				{"d/", tar.TypeDir, 0o755, ""},
				{"d/all", tar.TypeReg, 0o755, "a"},
				{"d/closed/", tar.TypeDir, 0o755, ""},
				{"d/group", tar.TypeReg, 0o644, "g"},
				{"d/other-x", tar.TypeReg, 0o644, "o"},
				{"d/private", tar.TypeReg, 0o644, "p"},
				{"d/run", tar.TypeReg, 0o755, "r"},
			},
		},
		{
			name:    "nested output without its parents",
			tree:    []node{file("a/b/c.txt", "c"), file("a/b/other.txt", "not declared")},
			outputs: outs("a/b/c.txt"),
			want:    []tarEntry{{"a/b/c.txt", tar.TypeReg, 0o644, "c"}},
		},
		{
			name:    "several outputs given unsorted, undeclared files left out",
			tree:    []node{file("z.txt", "z"), file("m/1", "1"), file("a.txt", "a"), file("log.txt", "secret")},
			outputs: outs("z.txt", "m", "a.txt"),
			want: []tarEntry{
				{"a.txt", tar.TypeReg, 0o644, "a"},
				{"m/", tar.TypeDir, 0o755, ""},
				{"m/1", tar.TypeReg, 0o644, "1"},
				{"z.txt", tar.TypeReg, 0o644, "z"},
			},
		},
		{
			name:    "long and non-ASCII names",
			tree:    []node{file("données/"+long, "l"), file("données/é", "é")},
			outputs: outs("données"),
			want: []tarEntry{
				{"données/", tar.TypeDir, 0o755, ""},
				{"données/" + long, tar.TypeReg, 0o644, "l"},
				{"données/é", tar.TypeReg, 0o644, "é"},
			},
		},
		{
			name:    "hard links are packed as files",
			tree:    []node{file("h/a", "same")},
			outputs: outs("h"),
			want: []tarEntry{
				{"h/", tar.TypeDir, 0o755, ""},
				{"h/a", tar.TypeReg, 0o644, "same"},
				{"h/b", tar.TypeReg, 0o644, "same"},
			},
		},
		{
			name:    "no outputs",
			outputs: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			makeTree(t, root, tt.tree)
			if strings.HasPrefix(tt.name, "hard links") {
				if err := os.Link(filepath.Join(root, "h/a"), filepath.Join(root, "h/b")); err != nil {
					t.Fatal(err)
				}
			}
			for p, m := range tt.chmod {
				if err := os.Chmod(filepath.Join(root, p), m); err != nil {
					t.Fatal(err)
				}
			}
			data, c, err := Package(root, tt.outputs, Limits{})
			if err != nil {
				t.Fatalf("Package: %v", err)
			}
			if got := readArchive(t, data); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("entries:\n got %+v\nwant %+v", got, tt.want)
			}
			if c != CIDOf(data) {
				t.Errorf("CID %s is not CIDOf(archive) %s", c, CIDOf(data))
			}
			if len(data)%512 != 0 || !bytes.Equal(data[len(data)-1024:], make([]byte, 1024)) {
				t.Errorf("archive of %d bytes does not end with two zero blocks", len(data))
			}
		})
	}
}

// TestPackageDeterministic builds the same output tree twice, differently: creation order,
// timestamps, permission bits other than owner-execute, and (on Unix, see
// package_unix_test.go) the umask. The archives must be the same bytes.
func TestPackageDeterministic(t *testing.T) {
	nodes := []node{
		file("out/readme.txt", "read me\n"),
		exe("out/bin/tool", "#!/bin/sh\n"),
		file("out/data/2.csv", "a,b\n1,2\n"),
		file("out/data/10.csv", "c\n"),
		dir("out/data/empty"),
		file("summary.json", `{"ok":true}`),
	}
	a, b := t.TempDir(), t.TempDir()
	makeTree(t, a, nodes)
	reversed := make([]node, len(nodes))
	for i, n := range nodes {
		reversed[len(nodes)-1-i] = n
	}
	makeTree(t, b, reversed)
	for i, p := range []string{"out/readme.txt", "out/bin/tool", "out/data/2.csv", "out/data", "out", "summary.json"} {
		ts := time.Date(2001+i, 2, 3, 4, 5, 6, 7, time.UTC)
		if err := os.Chtimes(filepath.Join(b, p), ts, ts); err != nil {
			t.Fatal(err)
		}
	}
	for p, m := range map[string]fs.FileMode{"out/readme.txt": 0o600, "out/bin/tool": 0o700, "out/data/2.csv": 0o666, "out/data": 0o700, "out/bin": 0o711} {
		if err := os.Chmod(filepath.Join(b, p), m); err != nil {
			t.Fatal(err)
		}
	}
	outputs := outs("summary.json", "out")
	da, ca, err := Package(a, outputs, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	db, cb, err := Package(b, outs("out", "summary.json"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(da, db) || ca != cb {
		t.Fatalf("the same tree gave different results: %s (%d bytes) and %s (%d bytes)", ca, len(da), cb, len(db))
	}
	again, cagain, err := Package(a, outputs, Limits{})
	if err != nil || !bytes.Equal(again, da) || cagain != ca {
		t.Fatalf("packaging twice differs: %v", err)
	}
}

func TestPackageRefuses(t *testing.T) {
	bytes60 := strings.Repeat("x", 60)
	tests := []struct {
		name    string
		tree    []node
		outputs []jobspec.Output
		lim     Limits
		want    error    // nil: Package succeeds
		mention []string // the error names these
	}{
		{name: "symlink to /etc/passwd as output", tree: []node{link("passwd", "/etc/passwd")}, outputs: outs("passwd"), want: ErrUnsafe, mention: []string{`"passwd"`, "symbolic link"}},
		{name: "symlink to /etc/passwd inside an output", tree: []node{file("out/ok", "ok"), link("out/passwd", "/etc/passwd")}, outputs: outs("out"), want: ErrUnsafe, mention: []string{`"out/passwd"`}},
		{name: "symlinked directory as output", tree: []node{file("real/x", "x"), link("out", "real")}, outputs: outs("out"), want: ErrUnsafe, mention: []string{`"out"`}},
		{name: "symlinked directory inside an output", tree: []node{file("real/x", "x"), link("out/sub", "../real")}, outputs: outs("out"), want: ErrUnsafe, mention: []string{`"out/sub"`}},
		{name: "output through a symlinked directory", tree: []node{file("real/x", "x"), link("out", "real")}, outputs: outs("out/x"), want: ErrUnsafe, mention: []string{`"out"`}},
		{name: "output through a symlink to /etc", tree: []node{link("etc", "/etc")}, outputs: outs("etc/passwd"), want: ErrUnsafe, mention: []string{`"etc"`}},
		{name: "symlink to a sibling inside the output directory", tree: []node{file("out/a", "a"), link("out/b", "a")}, outputs: outs("out"), want: ErrUnsafe, mention: []string{`"out/b"`}},
		{name: "symlink to the parent", tree: []node{link("out/up", "..")}, outputs: outs("out"), want: ErrUnsafe, mention: []string{`"out/up"`}},
		{name: "dangling symlink", tree: []node{link("out/gone", "nowhere")}, outputs: outs("out"), want: ErrUnsafe, mention: []string{`"out/gone"`}},
		{name: "missing output", tree: []node{file("other.txt", "")}, outputs: outs("other.txt", "result.txt"), want: ErrMissingOutput, mention: []string{`"result.txt"`}},
		{name: "missing output and parent", outputs: outs("a/b.txt"), want: ErrMissingOutput, mention: []string{`"a/b.txt"`}},
		{name: "missing output under a file", tree: []node{file("a", "")}, outputs: outs("a/b"), want: ErrMissingOutput, mention: []string{`"a/b"`}},
		{name: "output ..", outputs: outs("../x"), want: ErrUnsafe, mention: []string{`"../x"`}},
		{name: "absolute output", outputs: outs("/etc/passwd"), want: ErrUnsafe, mention: []string{`"/etc/passwd"`}},
		{name: "output a/../../x", outputs: outs("a/../../x"), want: ErrUnsafe},
		{name: "unclean output", tree: []node{file("b", "")}, outputs: outs("a/../b"), want: ErrUnsafe},
		{name: "output .", outputs: outs("."), want: ErrUnsafe},
		{name: "empty output", outputs: outs(""), want: ErrUnsafe},
		{name: "output with a backslash", outputs: outs(`a\b`), want: ErrUnsafe},
		{name: "overlapping outputs", tree: []node{file("a/b", "")}, outputs: outs("a/b", "a"), want: ErrUnsafe, mention: []string{`"a"`, `"a/b"`}},
		{name: "repeated output", tree: []node{file("a", "")}, outputs: outs("a", "a"), want: ErrUnsafe},
		{name: "file name with a backslash", tree: []node{file(`out/a\b`, "")}, outputs: outs("out"), want: ErrUnsafe},
		{name: "tree too deep", tree: []node{file(strings.Repeat("d/", MaxDepth)+"x", "")}, outputs: outs("d"), want: ErrUnsafe, mention: []string{"65 directories deep"}},
		{name: "tree at the depth limit", tree: []node{file(strings.Repeat("d/", MaxDepth-1)+"x", "")}, outputs: outs("d")},
		{name: "file name not UTF-8", tree: []node{file("out/\xff", "")}, outputs: outs("out"), want: ErrUnsafe},
		{
			name:    "entries over the limit",
			tree:    []node{file("out/1", ""), file("out/2", ""), file("out/3", ""), file("out/4", ""), file("out/5", "")},
			outputs: outs("out"), lim: Limits{MaxEntries: 5}, want: ErrTooLarge, mention: []string{"5 entries"},
		},
		{
			name:    "entries at the limit",
			tree:    []node{file("out/1", ""), file("out/2", ""), file("out/3", ""), file("out/4", ""), file("out/5", "")},
			outputs: outs("out"), lim: Limits{MaxEntries: 6},
		},
		{
			name:    "bytes over the limit",
			tree:    []node{file("a", bytes60), file("b", bytes60[:41])},
			outputs: outs("a", "b"), lim: Limits{MaxBytes: 100}, want: ErrTooLarge, mention: []string{"100 bytes"},
		},
		{
			name:    "bytes at the limit",
			tree:    []node{file("a", bytes60), file("b", bytes60[:40])},
			outputs: outs("a", "b"), lim: Limits{MaxBytes: 100},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			makeTree(t, root, tt.tree)
			data, c, err := Package(root, tt.outputs, tt.lim)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Package: %v", err)
				}
				if Verify(data, c) != nil {
					t.Fatal("CID does not verify")
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Package error = %v, want %v", err, tt.want)
			}
			if data != nil || c.Defined() {
				t.Errorf("refused Package returned %d bytes and CID %s", len(data), c)
			}
			for _, m := range tt.mention {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("error %q does not mention %s", err, m)
				}
			}
			if strings.Contains(err.Error(), "root:") {
				t.Errorf("error %q leaks /etc/passwd's content", err)
			}
		})
	}
}

func TestPackageMissingOutputDir(t *testing.T) {
	_, _, err := Package(filepath.Join(t.TempDir(), "nope"), outs("a"), Limits{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Package of a missing directory: %v", err)
	}
}

// goldenTree is a fixed output tree whose result CID is pinned by TestGoldenCID.
func goldenTree(t testing.TB) (string, []jobspec.Output) {
	root := t.TempDir()
	var numbers strings.Builder
	for i := range 256 {
		numbers.WriteByte(byte(i))
	}
	makeTree(t, root, []node{
		file("hello.txt", "hello, brine\n"),
		exe("bin/run", "#!/bin/sh\necho ok\n"),
		dir("data/empty"),
		file("data/numbers.bin", numbers.String()),
		file("data/ünïcode.txt", "ü\n"),
		file("data/"+strings.Repeat("n", 120)+".txt", "long\n"),
		file("not-an-output.txt", "left out\n"),
	})
	return root, outs("hello.txt", "data", "bin")
}

// TestGoldenCID pins the archive format: if it fails, the bytes of a result changed, and
// nodes built before and after the change would commit different CIDs for the same output.
// That is a protocol change, not a test to update casually.
func TestGoldenCID(t *testing.T) {
	const (
		wantCID   = "bafkreia7mb33jvguudxm6llt6uuvcvwbpix47oolino6guopht5kbj6lzq"
		wantBytes = 9728
		emptyCID  = "bafkreic7oc7rriegabybn2kiwbfo2o4cca5dnpvec5k3nto7v4ikzy6g54"
	)
	root, outputs := goldenTree(t)
	data, c, err := Package(root, outputs, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if c.String() != wantCID || len(data) != wantBytes {
		t.Errorf("golden result is %s (%d bytes), want %s (%d bytes)", c, len(data), wantCID, wantBytes)
	}
	empty, ce, err := Package(t.TempDir(), nil, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(empty, make([]byte, 1024)) || ce.String() != emptyCID {
		t.Errorf("empty result is %s (%d bytes), want %s (1024 zero bytes)", ce, len(empty), emptyCID)
	}
}

func TestPackageUnpackRoundTrip(t *testing.T) {
	root, outputs := goldenTree(t)
	data, c, err := Package(root, outputs, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "result")
	if err := Unpack(data, dest, Limits{}); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, dest)
	var want []treeEntry
	for _, e := range readTree(t, root) {
		if e.Path == "not-an-output.txt" {
			continue
		}
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
	if !reflect.DeepEqual(got, want) {
		t.Errorf("unpacked tree:\n got %v\nwant %v", got, want)
	}
	again, c2, err := Package(dest, outputs, Limits{})
	if err != nil || !bytes.Equal(again, data) || c2 != c {
		t.Errorf("repackaging the unpacked tree gave %s, want %s (err %v)", c2, c, err)
	}
}

// TestPackageDetectsChanges swaps files between the walk and the read, as a process still
// running in the output directory could: Package must notice rather than pack other bytes
// or follow a link.
func TestPackageDetectsChanges(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, root string)
		want   error
	}{
		{"file replaced", func(t *testing.T, root string) {
			makeTree(t, root, []node{file("other", "other bytes")})
			if err := os.Rename(filepath.Join(root, "other"), filepath.Join(root, "out/a")); err != nil {
				t.Fatal(err)
			}
		}, ErrChanged},
		{"file grew", func(t *testing.T, root string) {
			if err := os.WriteFile(filepath.Join(root, "out/a"), []byte("longer content"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, ErrChanged},
		{"file replaced by a symlink inside", func(t *testing.T, root string) {
			makeTree(t, root, []node{file("out/b", "same size")})
			os.Remove(filepath.Join(root, "out/a"))
			makeTree(t, root, []node{link("out/a", "b")})
		}, ErrChanged},
		{"file replaced by a symlink to /etc/passwd", func(t *testing.T, root string) {
			os.Remove(filepath.Join(root, "out/a"))
			makeTree(t, root, []node{link("out/a", "/etc/passwd")})
		}, nil}, // os.Root refuses to leave the directory: an error, whichever
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			makeTree(t, root, []node{file("out/a", "content")})
			r, err := os.OpenRoot(root)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			p := &packer{root: r, lim: Limits{}.withDefaults()}
			if err := p.addOutput("out"); err != nil {
				t.Fatal(err)
			}
			tt.change(t, root)
			var buf bytes.Buffer
			err = p.write(&buf)
			if err == nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("write after %s = %v, want %v", tt.name, err, tt.want)
			}
			if bytes.Contains(buf.Bytes(), []byte("root:")) || bytes.Contains(buf.Bytes(), []byte("other bytes")) {
				t.Fatal("changed content was packed")
			}
		})
	}
}
