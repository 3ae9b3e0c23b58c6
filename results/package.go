package results

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/jobspec"
)

// Modes written to and read from result archives.
const (
	fileMode = 0o644
	execMode = 0o755
	dirMode  = 0o755
)

// epoch is every entry's mtime. time.Time{} would not fit the header's octal field.
var epoch = time.Unix(0, 0)

// readDirBatch is how many directory entries Package reads at a time, so a directory with
// millions of entries is refused after reading a bounded number of them.
const readDirBatch = 1024

// entry is one file or directory of an output tree, as Package found it.
type entry struct {
	name string      // slash-separated, relative to the output directory, clean
	info fs.FileInfo // from Lstat: the file must still be this one when it is read
	mode int64       // normalized
	size int64       // 0 for directories
}

func (e entry) dir() bool { return e.info.IsDir() }

// Package builds the result of a job: the deterministic archive of outputs (see the package
// documentation for its exact bytes) found under outputDir, and its CID.
//
// Every output must be a clean relative path; outputs must not repeat or contain one
// another. A missing output wraps ErrMissingOutput and names it. A symbolic link (whatever it
// points to, inside outputDir or not), device, FIFO or socket anywhere in an output, or a
// file name that is not valid UTF-8 or contains a backslash, wraps ErrUnsafe; Package never
// packs what a link points to and never opens anything outside outputDir (it reads through
// an os.Root, and checks that each file it opens is the one it found while walking). More entries or bytes than lim
// allows wraps ErrTooLarge, found before any file is read. A file that changes while
// Package reads it wraps ErrChanged: package outputs only after the job has stopped.
func Package(outputDir string, outputs []jobspec.Output, lim Limits) ([]byte, cid.Cid, error) {
	lim = lim.withDefaults()
	paths, err := outputPaths(outputs)
	if err != nil {
		return nil, cid.Undef, err
	}
	root, err := os.OpenRoot(outputDir)
	if err != nil {
		return nil, cid.Undef, fmt.Errorf("results: output directory: %w", err)
	}
	defer root.Close()

	p := &packer{root: root, lim: lim}
	for _, out := range paths {
		if err := p.addOutput(out); err != nil {
			return nil, cid.Undef, &OutputError{Output: out, Err: err}
		}
	}
	slices.SortFunc(p.entries, func(a, b entry) int { return strings.Compare(a.name, b.name) })

	var buf bytes.Buffer
	buf.Grow(int(min(p.bytes+int64(len(p.entries))*2*512+1024, 64<<20)))
	if err := p.write(&buf); err != nil {
		return nil, cid.Undef, err
	}
	data := buf.Bytes()
	return data, CIDOf(data), nil
}

// OutputError is a Package error within one declared output: the output is missing, or
// something in it is unsafe or over the limits. The outputs are taken in sorted order, so
// the output named is the first (in that order) with a problem.
type OutputError struct {
	Output string // the declared output's path
	Err    error
}

func (e *OutputError) Error() string { return e.Err.Error() }
func (e *OutputError) Unwrap() error { return e.Err }

// outputPaths checks the declared outputs and returns their paths sorted.
func outputPaths(outputs []jobspec.Output) ([]string, error) {
	paths := make([]string, 0, len(outputs))
	for _, o := range outputs {
		if why := checkPath(o.Path); why != "" {
			return nil, fmt.Errorf("results: output %q %s: %w", o.Path, why, ErrUnsafe)
		}
		paths = append(paths, o.Path)
	}
	slices.Sort(paths)
	for i := 1; i < len(paths); i++ {
		if a, b := paths[i-1], paths[i]; a == b || strings.HasPrefix(b, a+"/") {
			return nil, fmt.Errorf("results: outputs %q and %q overlap: %w", a, b, ErrUnsafe)
		}
	}
	return paths, nil
}

type packer struct {
	root    *os.Root
	lim     Limits
	entries []entry
	bytes   int64
}

// addOutput adds one declared output: its parents must be real directories (not links),
// and the output itself a regular file or a directory, walked.
func (p *packer) addOutput(out string) error {
	for _, dir := range parents(out) {
		info, err := p.root.Lstat(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("results: output %q: %w (no %q)", out, ErrMissingOutput, dir)
		case err != nil:
			return fmt.Errorf("results: output %q: %w", out, err)
		case info.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("results: output %q: %q is a symbolic link; results hold only regular files and directories: %w", out, dir, ErrUnsafe)
		case !info.IsDir():
			return fmt.Errorf("results: output %q: %w (%q is not a directory)", out, ErrMissingOutput, dir)
		}
	}
	info, err := p.root.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("results: output %q: %w", out, ErrMissingOutput)
	case err != nil:
		return fmt.Errorf("results: output %q: %w", out, err)
	}
	return p.add(out, info, p.root, out)
}

// add adds the file or directory name, found with parent.Lstat(base) as info, and walks a
// directory.
func (p *packer) add(name string, info fs.FileInfo, parent *os.Root, base string) error {
	if err := checkKind(name, info.Mode()); err != nil {
		return err
	}
	if len(p.entries) >= p.lim.MaxEntries {
		return fmt.Errorf("results: the outputs have more than %d entries (files and directories), the limit: %w", p.lim.MaxEntries, ErrTooLarge)
	}
	e := entry{name: name, info: info, mode: dirMode}
	if !info.IsDir() {
		e.size = info.Size()
		e.mode = fileMode
		if info.Mode().Perm()&0o100 != 0 {
			e.mode = execMode
		}
		if e.size > p.lim.MaxBytes-p.bytes {
			return fmt.Errorf("results: the outputs hold more than %d bytes, the limit (at %q): %w", p.lim.MaxBytes, name, ErrTooLarge)
		}
		p.bytes += e.size
	}
	p.entries = append(p.entries, e)
	if !info.IsDir() {
		return nil
	}
	// Walk the directory through a root of its own, so that finding each entry costs one
	// system call whatever its depth; at most MaxDepth of them are open at once.
	dir, err := parent.OpenRoot(base)
	if err != nil {
		return fmt.Errorf("results: %q: %w", name, err)
	}
	defer dir.Close()
	if st, err := dir.Stat("."); err != nil {
		return fmt.Errorf("results: %q: %w", name, err)
	} else if !os.SameFile(st, info) {
		return fmt.Errorf("results: %q was replaced: %w", name, ErrChanged)
	}
	return p.walk(name, dir)
}

// checkKind refuses everything but regular files and directories.
func checkKind(name string, mode fs.FileMode) error {
	var kind string
	switch {
	case mode.IsRegular() || mode.IsDir():
		return nil
	case mode&fs.ModeSymlink != 0:
		kind = "a symbolic link"
	case mode&fs.ModeDevice != 0:
		kind = "a device"
	case mode&fs.ModeNamedPipe != 0:
		kind = "a FIFO"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	default:
		kind = fmt.Sprintf("not a regular file or directory (mode %v)", mode)
	}
	return fmt.Errorf("results: %q is %s; results hold only regular files and directories: %w", name, kind, ErrUnsafe)
}

// walk adds everything in the directory name, opened as dir, in name order.
func (p *packer) walk(name string, dir *os.Root) error {
	names, err := p.readDir(name, dir)
	if err != nil {
		return err
	}
	slices.Sort(names)
	for _, n := range names {
		child := name + "/" + n
		if why := checkPath(child); why != "" {
			return fmt.Errorf("results: %q %s: %w", child, why, ErrUnsafe)
		}
		info, err := dir.Lstat(n)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("results: %q vanished: %w", child, ErrChanged)
			}
			return fmt.Errorf("results: %q: %w", child, err)
		}
		if err := p.add(child, info, dir, n); err != nil {
			return err
		}
	}
	return nil
}

// readDir lists dir's names, refusing as soon as there are more than the entry limit.
func (p *packer) readDir(name string, dir *os.Root) ([]string, error) {
	f, err := dir.Open(".")
	if err != nil {
		return nil, fmt.Errorf("results: %q: %w", name, err)
	}
	defer f.Close()
	var names []string
	for {
		batch, err := f.ReadDir(readDirBatch)
		for _, de := range batch {
			names = append(names, de.Name())
		}
		if len(p.entries)+len(names) > p.lim.MaxEntries {
			return nil, fmt.Errorf("results: the outputs have more than %d entries (files and directories), the limit (in %q): %w", p.lim.MaxEntries, name, ErrTooLarge)
		}
		if errors.Is(err, io.EOF) || (err == nil && len(batch) == 0) {
			return names, nil
		}
		if err != nil {
			return nil, fmt.Errorf("results: reading %q: %w", name, err)
		}
	}
}

// header is an entry's tar header; see the package documentation.
func (e entry) header() *tar.Header {
	h := &tar.Header{
		Typeflag: tar.TypeReg,
		Name:     e.name,
		Mode:     e.mode,
		Size:     e.size,
		ModTime:  epoch,
		Format:   tar.FormatPAX,
	}
	if e.dir() {
		h.Typeflag = tar.TypeDir
		h.Name += "/"
		h.Size = 0
	}
	return h
}

// write writes the sorted entries as a tar archive.
func (p *packer) write(w io.Writer) error {
	tw := tar.NewWriter(w)
	dirs := dirCache{root: p.root}
	defer dirs.close()
	for _, e := range p.entries {
		if err := tw.WriteHeader(e.header()); err != nil {
			return fmt.Errorf("results: %q: tar header: %w", e.name, err)
		}
		if !e.dir() {
			if err := p.copyFile(tw, e, &dirs); err != nil {
				return err
			}
		}
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("results: closing the archive: %w", err)
	}
	return nil
}

// copyFile writes e's content: exactly the size Lstat saw, from the same file.
func (p *packer) copyFile(w io.Writer, e entry, dirs *dirCache) error {
	dir, base, err := dirs.resolve(e.name)
	if err != nil {
		return fmt.Errorf("results: %q: %w", e.name, err)
	}
	// O_NONBLOCK: if a FIFO took the file's place, opening it does not wait for a writer
	// (the identity check below then refuses it).
	f, err := dir.OpenFile(base, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return fmt.Errorf("results: %q: %w", e.name, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("results: %q: %w", e.name, err)
	}
	if !st.Mode().IsRegular() || !os.SameFile(st, e.info) {
		return fmt.Errorf("results: %q was replaced: %w", e.name, ErrChanged)
	}
	if st.Size() != e.size {
		return fmt.Errorf("results: %q changed size from %d to %d bytes: %w", e.name, e.size, st.Size(), ErrChanged)
	}
	if n, err := io.CopyN(w, f, e.size); err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("results: %q shrank to %d bytes: %w", e.name, n, ErrChanged)
		}
		return fmt.Errorf("results: reading %q: %w", e.name, err)
	}
	var one [1]byte
	if n, _ := f.Read(one[:]); n != 0 {
		return fmt.Errorf("results: %q grew past %d bytes: %w", e.name, e.size, ErrChanged)
	}
	return nil
}
