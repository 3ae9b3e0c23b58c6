package docker

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/brine-compute/brine/node/executor"
)

// The outputs' limits, enforced as the job writes.
//
// Measuring a bind-mounted outputs directory now and then let a job write tens of megabytes
// past its limit between two measurements. When the node may mount (it runs as root), the
// job's outputs directory is a tmpfs of its own instead, sized for the limit: the kernel
// refuses (ENOSPC) any write past it, so the outputs on the node never exceed the limit plus
// the slack below, whatever the job does. A full tmpfs means the job tried to write past its
// limit: it is stopped as output_too_large (the apparent sizes are measured too, as before:
// a sparse file takes no room but counts its length).
//
// The tmpfs holds the outputs in memory while the job runs; its pages are charged to the
// job's memory cgroup, so the container's memory limit is raised by the tmpfs size (the
// program keeps the memory its spec asks for). After the run the files are copied to the
// outputs directory on disk and the tmpfs is unmounted, so Run leaves a plain directory as
// the executor contract says.

// pageSize is the tmpfs allocation unit on the platforms the node runs on.
const pageSize = 4096

// outputsMount is a job's tmpfs outputs.
type outputsMount struct {
	dir      string
	bytes    int64 // the tmpfs size: the limit and one partly filled page per allowed file
	released bool
}

// drop unmounts the tmpfs unless release did: a run that ended in an error leaves nothing
// mounted.
func (m *outputsMount) drop() {
	if m != nil && !m.released {
		m.released = true
		_ = unmount(m.dir)
	}
}

// tmpfsSize is the size of the outputs tmpfs for budget b: every file may end in a partly
// filled page, so a job whose files' lengths add up to the limit always fits.
func tmpfsSize(b executor.Budget) int64 {
	return b.OutputBytes + int64(b.OutputFiles+1)*pageSize
}

// full reports whether the job used up its tmpfs (bytes or entries): it tried to write past
// its limit.
func (m *outputsMount) full(b executor.Budget) *executor.Failure {
	bfree, ffree, err := statFree(m.dir)
	switch {
	case err != nil:
		return nil
	case bfree == 0:
		return executor.OutputTooLarge.Failf("outputs exceeded %s", executor.FormatBytes(uint64(b.OutputBytes)))
	case ffree == 0:
		return executor.OutputTooLarge.Failf("outputs exceeded %d files", b.OutputFiles)
	}
	return nil
}

// watchOutputs is executor.WatchOutputs that also stops a job whose tmpfs is full.
func watchOutputs(ctx context.Context, dir string, m *outputsMount, b executor.Budget, every time.Duration, onExceed func(*executor.Failure)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if m != nil {
			if fail := m.full(b); fail != nil {
				onExceed(fail)
				return
			}
		}
		if _, fail, err := executor.MeasureOutputs(dir, b.OutputBytes, b.OutputFiles); err == nil && fail != nil {
			onExceed(fail)
			return
		}
	}
}

// release unmounts the tmpfs, first copying what it holds to the directory beneath when keep
// (a job that failed leaves outputs no one reads). The tmpfs is detached while a handle on
// it is held, so the copy reads the job's files and writes to the directory on disk at the
// same path.
func (m *outputsMount) release(keep bool) error {
	m.released = true
	var src *os.Root
	if keep {
		var err error
		if src, err = os.OpenRoot(m.dir); err != nil {
			return err
		}
		defer src.Close()
	}
	if err := unmount(m.dir); err != nil {
		return fmt.Errorf("unmounting the outputs tmpfs: %w", err)
	}
	if !keep {
		return nil
	}
	dst, err := os.OpenRoot(m.dir)
	if err != nil {
		return err
	}
	defer dst.Close()
	return copyTree(src, dst, 1)
}

// copyTree copies dir src into dst without following links: regular files with their
// permission bits, directories, symbolic links as links and anything else as a FIFO, so the
// packager finds what the job left and refuses what it refused before. It copies
// executor.MaxOutputDepth+1 directories deep: deeper, an output is refused as unsafe
// whatever it holds, and one level past the bound is enough for the packager to see it.
func copyTree(src, dst *os.Root, depth int) error {
	f, err := src.Open(".")
	if err != nil {
		return err
	}
	entries, err := f.ReadDir(-1)
	f.Close()
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		info, err := e.Info()
		if err != nil {
			return err
		}
		switch mode := info.Mode(); {
		case mode.IsRegular():
			err = copyFile(src, dst, name, mode.Perm())
		case mode.IsDir():
			err = dst.Mkdir(name, mode.Perm()|0o700)
			if err == nil && depth <= executor.MaxOutputDepth {
				err = copySub(src, dst, name, depth)
			}
		case mode&fs.ModeSymlink != 0:
			var target string
			if target, err = src.Readlink(name); err == nil {
				err = dst.Symlink(target, name)
			}
		default:
			err = mkfifo(dst, name)
		}
		if err != nil {
			return fmt.Errorf("copying %q: %w", name, err)
		}
	}
	return nil
}

func copySub(src, dst *os.Root, name string, depth int) error {
	s, err := src.OpenRoot(name)
	if err != nil {
		return err
	}
	defer s.Close()
	d, err := dst.OpenRoot(name)
	if err != nil {
		return err
	}
	defer d.Close()
	return copyTree(s, d, depth+1)
}

func copyFile(src, dst *os.Root, name string, perm fs.FileMode) error {
	in, err := src.OpenFile(name, os.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := dst.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	// The mode as the job left it, whatever the node's umask.
	return dst.Chmod(name, perm)
}

var errNoMount = errors.New("size-limited outputs need Linux")
