package results

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Unpack writes the files and directories of a result archive under destDir, which it
// creates if needed. It is for clients (`brine job results --output DIR`) and for nodes that
// place an earlier job's result under the inputs directory; verify the archive against its
// CID first (Verify).
//
// Unpack reads every header before it creates anything, and refuses the whole archive
// (leaving destDir as it was) when an entry is not a regular file or directory (symbolic
// links, hard links, devices, FIFOs, global headers: ErrUnsafe), when a path is absolute,
// contains "..", is not clean, is not valid UTF-8 or contains a backslash (ErrUnsafe), when
// a path appears twice or is both a file and a directory (ErrUnsafe), when the entries, the
// parent directories they need, or the declared file sizes go over lim (ErrTooLarge), and
// when the bytes are not a complete tar archive (ErrMalformed).
//
// Writing never leaves destDir (it goes through an os.Root) and never replaces anything:
// a file that already exists is an error, and so is an existing non-directory (a symbolic
// link included) where a directory is needed. Files get mode 0755 when their owner-execute
// bit is set in the archive and 0644 otherwise, directories 0755, whatever the umask; no
// owner, time or extended attribute is applied. An I/O error while writing can leave part
// of the result behind.
func Unpack(archive []byte, destDir string, lim Limits) error {
	return UnpackFrom(bytes.NewReader(archive), destDir, lim)
}

// UnpackFrom is Unpack reading the archive from r (a verified result in a file: Store.OpenFile),
// twice: once to check every header, once to write. Memory stays small whatever its size.
func UnpackFrom(r io.ReadSeeker, destDir string, lim Limits) error {
	lim = lim.withDefaults()
	if err := scanArchive(r, lim); err != nil {
		return err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("results: reading the archive again: %w", err)
	}
	if err := os.MkdirAll(destDir, dirMode); err != nil {
		return fmt.Errorf("results: destination: %w", err)
	}
	root, err := os.OpenRoot(destDir)
	if err != nil {
		return fmt.Errorf("results: destination: %w", err)
	}
	defer root.Close()

	u := unpacker{root: root, made: make(map[string]bool), dirs: dirCache{root: root}}
	defer u.dirs.close()
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("results: reading the archive: %v: %w", err, ErrMalformed)
		}
		name, dir := entryName(h)
		if dir {
			err = u.mkdirs(name)
		} else {
			err = u.writeFile(name, h, tr)
		}
		if err != nil {
			return err
		}
	}
}

// entryName is the path of h without a directory's trailing slash, and whether h is a
// directory.
func entryName(h *tar.Header) (string, bool) {
	if h.Typeflag == tar.TypeDir {
		return strings.TrimSuffix(h.Name, "/"), true
	}
	return h.Name, false
}

// scanArchive checks every header of archive against the rules of Unpack.
func scanArchive(archive io.Reader, lim Limits) error {
	const (
		isFile = 1
		isDir  = 2 // named by an entry
		isPar  = 3 // only a parent of entries
	)
	seen := make(map[string]int)
	var objects int // files and directories Unpack would create
	var total int64
	tr := tar.NewReader(archive)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("results: reading the archive: %v: %w", err, ErrMalformed)
		}
		name, dir := entryName(h)
		switch h.Typeflag {
		case tar.TypeReg: // the reader turns the legacy TypeRegA into TypeReg or TypeDir
			if strings.HasSuffix(h.Name, "/") {
				return fmt.Errorf("results: file entry %s ends in \"/\": %w", shortName(h.Name), ErrUnsafe)
			}
		case tar.TypeDir:
			if h.Size != 0 {
				return fmt.Errorf("results: directory entry %s has size %d: %w", shortName(h.Name), h.Size, ErrMalformed)
			}
		default:
			return fmt.Errorf("results: entry %s is %s; results hold only regular files and directories: %w", shortName(h.Name), typeName(h.Typeflag), ErrUnsafe)
		}
		if why := checkPath(name); why != "" {
			return fmt.Errorf("results: entry %s %s: %w", shortName(h.Name), why, ErrUnsafe)
		}
		if !filepath.IsLocal(filepath.FromSlash(name)) {
			return fmt.Errorf("results: entry %s is not a local path on this system: %w", shortName(h.Name), ErrUnsafe)
		}

		// Every path in seen has its parents in seen, so the walk up stops at the first
		// one known: each entry costs its new parents, not its depth.
	up:
		for par := parentOf(name); par != ""; par = parentOf(par) {
			switch seen[par] {
			case isFile:
				return fmt.Errorf("results: entry %s is inside %s, which is a file: %w", shortName(h.Name), shortName(par), ErrUnsafe)
			case 0:
				seen[par] = isPar
				objects++
			default:
				break up
			}
		}
		switch prev := seen[name]; {
		case prev == isFile || prev == isDir:
			return fmt.Errorf("results: entry %s appears twice: %w", shortName(h.Name), ErrUnsafe)
		case prev == isPar && !dir:
			return fmt.Errorf("results: entry %s is a file but entries are inside it: %w", shortName(h.Name), ErrUnsafe)
		case prev == 0:
			objects++
		}
		if dir {
			seen[name] = isDir
		} else {
			seen[name] = isFile
		}
		if objects > lim.MaxEntries {
			return fmt.Errorf("results: the archive has more than %d entries (files and directories, with their parents), the limit: %w", lim.MaxEntries, ErrTooLarge)
		}

		if h.Size < 0 {
			return fmt.Errorf("results: entry %s has size %d: %w", shortName(h.Name), h.Size, ErrMalformed)
		}
		if h.Size > lim.MaxBytes-total {
			return fmt.Errorf("results: the archive holds more than %d bytes, the limit (at %s, %d bytes): %w", lim.MaxBytes, shortName(h.Name), h.Size, ErrTooLarge)
		}
		total += h.Size
	}
}

// shortName quotes at most the first 200 bytes of an untrusted name, for errors.
func shortName(s string) string {
	const max = 200
	if len(s) > max {
		return fmt.Sprintf("%q… (%d bytes)", s[:max], len(s))
	}
	return fmt.Sprintf("%q", s)
}

// typeName names a tar entry type for errors.
func typeName(flag byte) string {
	switch flag {
	case tar.TypeSymlink:
		return "a symbolic link"
	case tar.TypeLink:
		return "a hard link"
	case tar.TypeChar:
		return "a character device"
	case tar.TypeBlock:
		return "a block device"
	case tar.TypeFifo:
		return "a FIFO"
	case tar.TypeXGlobalHeader:
		return "a pax global header"
	case tar.TypeGNUSparse:
		return "a sparse file"
	default:
		return fmt.Sprintf("of type %q", flag)
	}
}

type unpacker struct {
	root *os.Root
	made map[string]bool // directories that exist as directories under root
	dirs dirCache
}

// mkdirs makes dir and its parents, each a real directory (never a link) inside root.
func (u *unpacker) mkdirs(dir string) error {
	// The directories to make, deepest first, up to the first one already made (whose
	// parents were made before it).
	var todo []string
	for d := dir; d != "" && !u.made[d]; d = parentOf(d) {
		todo = append(todo, d)
	}
	for i := len(todo) - 1; i >= 0; i-- {
		d := todo[i]
		err := u.root.Mkdir(d, dirMode)
		switch {
		case err == nil:
			// Mkdir's mode is filtered by the umask; the result's modes are not.
			if err := u.root.Chmod(d, dirMode); err != nil {
				return fmt.Errorf("results: %w", err)
			}
		case errors.Is(err, fs.ErrExist):
			info, lerr := u.root.Lstat(d)
			if lerr != nil {
				return fmt.Errorf("results: %w", lerr)
			}
			if !info.IsDir() {
				return fmt.Errorf("results: %q already exists in the destination and is not a directory (%v): %w", d, info.Mode().Type(), fs.ErrExist)
			}
		default:
			return fmt.Errorf("results: %w", err)
		}
		u.made[d] = true
	}
	return nil
}

// writeFile creates name (it must not exist) with the content that follows h.
func (u *unpacker) writeFile(name string, h *tar.Header, r io.Reader) error {
	if par := parentOf(name); par != "" {
		if err := u.mkdirs(par); err != nil {
			return err
		}
	}
	mode := fs.FileMode(fileMode)
	if h.Mode&0o100 != 0 {
		mode = execMode
	}
	dir, base, err := u.dirs.resolve(name)
	if err != nil {
		return fmt.Errorf("results: %w", err)
	}
	// O_EXCL: never replace a file and never follow a link at name.
	f, err := dir.OpenFile(base, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("results: %q already exists in the destination; Unpack never replaces files: %w", name, err)
		}
		return fmt.Errorf("results: %w", err)
	}
	if _, err := io.CopyN(f, r, h.Size); err != nil {
		f.Close()
		return fmt.Errorf("results: writing %q: %w", name, err)
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		return fmt.Errorf("results: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("results: writing %q: %w", name, err)
	}
	return nil
}
