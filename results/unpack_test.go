package results

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/brine-compute/brine/jobspec"
)

// th is one hand-made tar entry.
type th struct {
	name string
	typ  byte
	mode int64
	body string
	link string
	size int64 // > 0: declare this size and write no body, then stop (a truncated archive)
}

func reg(name, body string) th { return th{name: name, typ: tar.TypeReg, mode: 0o644, body: body} }
func tdir(name string) th      { return th{name: name, typ: tar.TypeDir, mode: 0o755} }

// buildTar writes entries with archive/tar, as a hostile provider could.
func buildTar(t testing.TB, entries ...th) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Typeflag: e.typ, Mode: e.mode, Linkname: e.link, Size: int64(len(e.body)), ModTime: time.Unix(1e9, 0), Format: tar.FormatPAX}
		if e.typ == tar.TypeXGlobalHeader {
			h = &tar.Header{Typeflag: tar.TypeXGlobalHeader, PAXRecords: map[string]string{"comment": "hi"}, Format: tar.FormatPAX}
		}
		if e.typ != tar.TypeReg {
			h.Size = 0
		}
		if e.size > 0 {
			h.Size = e.size
			if err := tw.WriteHeader(h); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes() // the header is out; its body never comes
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatalf("header %q: %v", e.name, err)
		}
		if _, err := tw.Write([]byte(e.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rawTar is a one-entry ustar archive written byte by byte, for headers archive/tar's
// writer will not produce.
func rawTar(name string, typ byte, body string) []byte {
	var blk [512]byte
	copy(blk[0:100], name)
	copy(blk[100:108], "0000644\x00")
	copy(blk[108:116], "0000000\x00")
	copy(blk[116:124], "0000000\x00")
	copy(blk[124:136], fmt.Sprintf("%011o\x00", len(body)))
	copy(blk[136:148], "00000000000\x00")
	copy(blk[148:156], "        ")
	blk[156] = typ
	copy(blk[257:263], "ustar\x00")
	copy(blk[263:265], "00")
	sum := 0
	for _, b := range blk {
		sum += int(b)
	}
	copy(blk[148:156], fmt.Sprintf("%06o\x00 ", sum))
	out := append(blk[:], body...)
	out = append(out, make([]byte, (512-len(body)%512)%512)...)
	return append(out, make([]byte, 1024)...)
}

func TestUnpackRefuses(t *testing.T) {
	valid := buildTar(t, reg("a", strings.Repeat("x", 2000)), reg("b", "b"))
	tests := []struct {
		name    string
		archive []byte
		lim     Limits
		want    error
	}{
		{"../x", buildTar(t, reg("../x", "pwned")), Limits{}, ErrUnsafe},
		{"/abs", buildTar(t, reg("/tmp/brine-pwned", "pwned")), Limits{}, ErrUnsafe},
		{"a/../../x", buildTar(t, reg("a/../../x", "pwned")), Limits{}, ErrUnsafe},
		{"a/../b", buildTar(t, reg("a/../b", "x")), Limits{}, ErrUnsafe},
		{"./a", buildTar(t, reg("./a", "x")), Limits{}, ErrUnsafe},
		{"a//b", buildTar(t, reg("a//b", "x")), Limits{}, ErrUnsafe},
		{"dir ../", buildTar(t, tdir("../")), Limits{}, ErrUnsafe},
		{"dir /", buildTar(t, tdir("/")), Limits{}, ErrUnsafe},
		{"empty name", buildTar(t, reg("", "x")), Limits{}, ErrUnsafe},
		{"backslashes", buildTar(t, reg(`a\..\..\x`, "x")), Limits{}, ErrUnsafe},
		{"not UTF-8", buildTar(t, reg("a\xff", "x")), Limits{}, ErrUnsafe},
		{"file with trailing slash", rawTar("a/", tar.TypeReg, "x"), Limits{}, ErrUnsafe},
		{"raw ../x", rawTar("../x", tar.TypeReg, "x"), Limits{}, ErrUnsafe},
		{"path too long", buildTar(t, reg(strings.Repeat("d/", MaxPathLength/2)+"x", "x")), Limits{}, ErrUnsafe},
		{"too deep", buildTar(t, reg(strings.Repeat("d/", MaxDepth)+"x", "x")), Limits{}, ErrUnsafe},
		{"element too long", buildTar(t, reg(strings.Repeat("n", 256), "x")), Limits{}, ErrUnsafe},
		{"symlink then a file through it", buildTar(t, th{name: "a", typ: tar.TypeSymlink, link: "/etc"}, reg("a/passwd", "pwned")), Limits{}, ErrUnsafe},
		{"symlink out", buildTar(t, th{name: "evil", typ: tar.TypeSymlink, link: "../../outside"}), Limits{}, ErrUnsafe},
		{"hard link", buildTar(t, th{name: "h", typ: tar.TypeLink, link: "/etc/passwd"}), Limits{}, ErrUnsafe},
		{"hard link inside", buildTar(t, reg("a", "x"), th{name: "h", typ: tar.TypeLink, link: "a"}), Limits{}, ErrUnsafe},
		{"character device", buildTar(t, th{name: "null", typ: tar.TypeChar}), Limits{}, ErrUnsafe},
		{"block device", buildTar(t, th{name: "sda", typ: tar.TypeBlock}), Limits{}, ErrUnsafe},
		{"fifo", buildTar(t, th{name: "p", typ: tar.TypeFifo}), Limits{}, ErrUnsafe},
		{"global header", buildTar(t, th{typ: tar.TypeXGlobalHeader}, reg("a", "x")), Limits{}, ErrUnsafe},
		{"duplicate file", buildTar(t, reg("a", "one"), reg("a", "two")), Limits{}, ErrUnsafe},
		{"duplicate directory", buildTar(t, tdir("d/"), tdir("d/")), Limits{}, ErrUnsafe},
		{"file then directory", buildTar(t, reg("a", "x"), tdir("a/")), Limits{}, ErrUnsafe},
		{"directory then file", buildTar(t, tdir("a/"), reg("a", "x")), Limits{}, ErrUnsafe},
		{"file then file inside it", buildTar(t, reg("a", "x"), reg("a/b", "y")), Limits{}, ErrUnsafe},
		{"file inside then the file", buildTar(t, reg("a/b", "y"), reg("a", "x")), Limits{}, ErrUnsafe},
		{"huge header size", buildTar(t, th{name: "big", typ: tar.TypeReg, mode: 0o644, size: 1 << 40}), Limits{}, ErrTooLarge},
		{"file over the byte limit", buildTar(t, reg("a", "12345678901")), Limits{MaxBytes: 10}, ErrTooLarge},
		{"files over the byte limit", buildTar(t, reg("a", "123456"), reg("b", "12345")), Limits{MaxBytes: 10}, ErrTooLarge},
		{"entries over the limit", buildTar(t, reg("a", ""), reg("b", ""), reg("c", ""), reg("d", "")), Limits{MaxEntries: 3}, ErrTooLarge},
		{"parents over the limit", buildTar(t, reg("a/b/c/d", "")), Limits{MaxEntries: 3}, ErrTooLarge},
		{"truncated", valid[:1024], Limits{}, ErrMalformed},
		{"truncated header size", buildTar(t, th{name: "big", typ: tar.TypeReg, mode: 0o644, size: 4096}), Limits{}, ErrMalformed},
		{"garbage", bytes.Repeat([]byte("garbage!"), 128), Limits{}, ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dest := filepath.Join(parent, "dest")
			err := Unpack(tt.archive, dest, tt.lim)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Unpack = %v, want %v", err, tt.want)
			}
			// Refused before anything was created.
			if _, err := os.Lstat(dest); !errors.Is(err, fs.ErrNotExist) {
				t.Fatalf("refused archive created the destination: %v", err)
			}
			if _, err := os.Lstat("/tmp/brine-pwned"); err == nil {
				t.Fatal("/tmp/brine-pwned exists")
			}
		})
	}
}

func TestUnpackAccepts(t *testing.T) {
	tests := []struct {
		name    string
		archive []byte
		want    []treeEntry
	}{
		{
			name:    "empty result",
			archive: make([]byte, 1024),
		},
		{
			name:    "parents made as needed, directory entries after their contents",
			archive: buildTar(t, reg("a/b/c.txt", "c"), tdir("a/b/"), tdir("a/"), tdir("e/")),
			want: []treeEntry{
				{Path: "a", Dir: true, Mode: fs.ModeDir | 0o755},
				{Path: "a/b", Dir: true, Mode: fs.ModeDir | 0o755},
				{Path: "a/b/c.txt", Mode: 0o644, Data: "c"},
				{Path: "e", Dir: true, Mode: fs.ModeDir | 0o755},
			},
		},
		{
			name: "modes made safe",
			archive: buildTar(t,
				th{name: "setuid", typ: tar.TypeReg, mode: 0o4755, body: "s"},
				th{name: "world-writable", typ: tar.TypeReg, mode: 0o666, body: "w"},
				th{name: "group-exec", typ: tar.TypeReg, mode: 0o610, body: "g"},
				th{name: "no-perms", typ: tar.TypeReg, mode: 0, body: "n"},
				th{name: "sticky/", typ: tar.TypeDir, mode: 0o1777},
			),
			want: []treeEntry{
				{Path: "group-exec", Mode: 0o644, Data: "g"},
				{Path: "no-perms", Mode: 0o644, Data: "n"},
				{Path: "setuid", Mode: 0o755, Data: "s"},
				{Path: "sticky", Dir: true, Mode: fs.ModeDir | 0o755},
				{Path: "world-writable", Mode: 0o644, Data: "w"},
			},
		},
		{
			name:    "directory entry without trailing slash",
			archive: buildTar(t, th{name: "d", typ: tar.TypeDir, mode: 0o755}, reg("d/x", "x")),
			want:    []treeEntry{{Path: "d", Dir: true, Mode: fs.ModeDir | 0o755}, {Path: "d/x", Mode: 0o644, Data: "x"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "dest")
			if err := Unpack(tt.archive, dest, Limits{}); err != nil {
				t.Fatal(err)
			}
			if got := readTree(t, dest); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("unpacked:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestUnpackExistingDestination: Unpack never replaces a file and never writes through a
// link that is already in the destination.
func TestUnpackExistingDestination(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret")
	if err := os.WriteFile(secret, []byte("original"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		setup   func(t *testing.T, dest string)
		archive []byte
		ok      bool
	}{
		{
			name:    "existing file",
			setup:   func(t *testing.T, dest string) { makeTree(t, dest, []node{file("a", "mine")}) },
			archive: buildTar(t, reg("a", "theirs")),
		},
		{
			name:    "existing symlink to a file outside",
			setup:   func(t *testing.T, dest string) { makeTree(t, dest, []node{link("a", secret)}) },
			archive: buildTar(t, reg("a", "pwned")),
		},
		{
			name:    "existing dangling symlink",
			setup:   func(t *testing.T, dest string) { makeTree(t, dest, []node{link("a", filepath.Join(outside, "new"))}) },
			archive: buildTar(t, reg("a", "pwned")),
		},
		{
			name:    "existing symlink to a directory outside",
			setup:   func(t *testing.T, dest string) { makeTree(t, dest, []node{link("d", outside)}) },
			archive: buildTar(t, reg("d/secret", "pwned"), reg("d/new", "pwned")),
		},
		{
			name:    "existing symlink to a directory inside",
			setup:   func(t *testing.T, dest string) { makeTree(t, dest, []node{dir("real"), link("d", "real")}) },
			archive: buildTar(t, reg("d/x", "x")),
		},
		{
			name:    "existing file where a directory is needed",
			setup:   func(t *testing.T, dest string) { makeTree(t, dest, []node{file("d", "mine")}) },
			archive: buildTar(t, reg("d/x", "x")),
		},
		{
			name:    "existing directory is merged into",
			setup:   func(t *testing.T, dest string) { makeTree(t, dest, []node{file("d/mine", "mine")}) },
			archive: buildTar(t, tdir("d/"), reg("d/x", "x")),
			ok:      true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest := t.TempDir()
			tt.setup(t, dest)
			err := Unpack(tt.archive, dest, Limits{})
			if tt.ok {
				if err != nil {
					t.Fatal(err)
				}
			} else if !errors.Is(err, fs.ErrExist) {
				t.Fatalf("Unpack = %v, want fs.ErrExist", err)
			}
			if b, err := os.ReadFile(secret); err != nil || string(b) != "original" {
				t.Fatalf("file outside the destination changed: %q, %v", b, err)
			}
			if entries, _ := os.ReadDir(outside); len(entries) != 1 {
				t.Fatalf("something was written outside the destination: %v", entries)
			}
			if b, err := os.ReadFile(filepath.Join(dest, "a")); err == nil && string(b) != "mine" && tt.name == "existing file" {
				t.Fatalf("existing file replaced: %q", b)
			}
		})
	}
}

func TestEntries(t *testing.T) {
	out := t.TempDir()
	for _, name := range []string{"shards/a.txt", "shards/b/c.txt", "top.txt"} {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	archive, _, err := Package(out, []jobspec.Output{{Path: "shards"}, {Path: "top.txt"}}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]string{"shards": "a.txt b", "shards/": "a.txt b", "": "shards top.txt", "none": ""} {
		got, err := Entries(archive, dir)
		if err != nil || strings.Join(got, " ") != want {
			t.Errorf("Entries(%q) = %v, %v; want %s", dir, got, err, want)
		}
	}
}
