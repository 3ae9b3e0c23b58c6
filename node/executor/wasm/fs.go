package wasm

import (
	"io"
	"io/fs"
	"slices"
	"strings"

	experimentalsys "github.com/tetratelabs/wazero/experimental/sys"
	"github.com/tetratelabs/wazero/sys"
)

// The guest's view of its directories.
//
// wazero's directory mounts hand paths to the host's filesystem calls, which follow symbolic
// links: a guest that may create a link "x -> ../../../etc" in its outputs reads (and, as the
// node's user, writes) anything on the host through it. The inputs are therefore served
// through os.Root (links may not leave the input directory), the outputs refuse to create
// links at all (they start empty, so they never hold one), and both are made deterministic:
// directory entries come sorted by name, and times, inode and device numbers and directory
// sizes — which differ between two runs of the same job — read as zero.

// noLinksFS refuses to create symbolic links.
type noLinksFS struct {
	experimentalsys.FS
}

func (noLinksFS) Symlink(oldPath, linkName string) experimentalsys.Errno {
	return experimentalsys.EPERM
}

// detFS makes what a guest can observe of a filesystem the same on every run.
type detFS struct {
	experimentalsys.FS
	// readOnly: permissions read as r-x for directories and r-- for files, whatever the
	// node's umask made them on the host.
	readOnly bool
}

func (d detFS) OpenFile(path string, flag experimentalsys.Oflag, perm fs.FileMode) (experimentalsys.File, experimentalsys.Errno) {
	f, errno := d.FS.OpenFile(path, flag, perm)
	if errno != 0 {
		return nil, errno
	}
	return &detFile[int64]{File: f, readOnly: d.readOnly}, 0
}

func (d detFS) Stat(path string) (sys.Stat_t, experimentalsys.Errno) {
	st, errno := d.FS.Stat(path)
	return normalize(st, d.readOnly), errno
}

func (d detFS) Lstat(path string) (sys.Stat_t, experimentalsys.Errno) {
	st, errno := d.FS.Lstat(path)
	return normalize(st, d.readOnly), errno
}

func (d detFS) String() string {
	if s, ok := d.FS.(interface{ String() string }); ok {
		return s.String()
	}
	return "detFS"
}

func normalize(st sys.Stat_t, readOnly bool) sys.Stat_t {
	st.Dev, st.Ino = 0, 0
	st.Atim, st.Mtim, st.Ctim = 0, 0, 0
	if st.Mode.IsDir() {
		st.Size = 0
	}
	if readOnly {
		perm := fs.FileMode(0o444)
		if st.Mode.IsDir() {
			perm = 0o555
		}
		st.Mode = st.Mode&^fs.ModePerm | perm
	}
	return st
}

// detFile serves a directory's entries sorted by name, read whole on the first Readdir after
// opening or rewinding.
//
// Its type parameter is always int64: Seek must have wazero's signature
// (int64, int) (int64, Errno), which go vet's stdmethods check takes for a misspelt
// io.Seeker unless the offset's type is spelt as a type parameter.
type detFile[Offset interface{ int64 }] struct {
	experimentalsys.File
	entries  []experimentalsys.Dirent
	loaded   bool
	readOnly bool
}

func (f *detFile[Offset]) Dev() (uint64, experimentalsys.Errno) { return 0, 0 }

func (f *detFile[Offset]) Ino() (sys.Inode, experimentalsys.Errno) { return 0, 0 }

func (f *detFile[Offset]) Stat() (sys.Stat_t, experimentalsys.Errno) {
	st, errno := f.File.Stat()
	return normalize(st, f.readOnly), errno
}

func (f *detFile[Offset]) Seek(offset Offset, whence int) (Offset, experimentalsys.Errno) {
	n, errno := f.File.Seek(int64(offset), whence)
	if errno == 0 && offset == 0 && whence == io.SeekStart {
		f.entries, f.loaded = nil, false
	}
	return Offset(n), errno
}

func (f *detFile[Offset]) Readdir(n int) ([]experimentalsys.Dirent, experimentalsys.Errno) {
	if !f.loaded {
		all, errno := f.File.Readdir(-1)
		if errno != 0 {
			return nil, errno
		}
		for i := range all {
			all[i].Ino = 0
		}
		slices.SortFunc(all, func(a, b experimentalsys.Dirent) int { return strings.Compare(a.Name, b.Name) })
		f.entries, f.loaded = all, true
	}
	if n <= 0 || n > len(f.entries) {
		n = len(f.entries)
	}
	out := f.entries[:n:n]
	f.entries = f.entries[n:]
	return out, 0
}

var _ experimentalsys.File = (*detFile[int64])(nil)
