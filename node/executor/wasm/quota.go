package wasm

import (
	"io"
	"io/fs"
	"sync"

	experimentalsys "github.com/tetratelabs/wazero/experimental/sys"

	"github.com/brine-compute/brine/node/executor"
)

// The outputs' limits, enforced as the guest writes.
//
// Measuring the outputs now and then let a guest write hundreds of megabytes past its limit
// between two measurements. quotaFS counts, at every call that changes them, the apparent
// size of the files under the outputs (a write past a file's end, a truncate that extends
// it) and the number of entries (files and directories created), and refuses the call that
// would pass a limit: nothing beyond the limit ever reaches the host's disk. The first such
// refusal is the job's failure (output_too_large) and stops the guest.
//
// Hard links are refused (a second name would let one file's bytes be counted once and
// removed twice); symbolic links are already refused (noLinksFS). wazero's errno set has no
// ENOSPC or EFBIG: a refused call fails with EIO.

// quota is the outputs' usage and limits, shared by the file system and its files (the
// guest has one thread, but a file may outlive its directory entry).
type quota struct {
	mu       sync.Mutex
	bytes    int64
	files    int
	maxBytes int64
	maxFiles int
	exceeded func(*executor.Failure) // called once, at the first refusal
	failed   bool
	// open counts the open files by inode: a file removed while open keeps its bytes on
	// disk, so removing it gives none back (a guest could otherwise write, unlink and write
	// again through the open file past any limit).
	open map[uint64]int
}

func newQuota(maxBytes int64, maxFiles int, exceeded func(*executor.Failure)) *quota {
	return &quota{maxBytes: maxBytes, maxFiles: maxFiles, exceeded: exceeded, open: map[uint64]int{}}
}

func (q *quota) opened(ino uint64, delta int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.open[ino] += delta; q.open[ino] <= 0 {
		delete(q.open, ino)
	}
}

func (q *quota) isOpen(ino uint64) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.open[ino] > 0
}

// grow accounts for delta more bytes (negative: fewer) and entries, or refuses: false when
// the result would pass a limit.
func (q *quota) grow(bytes int64, files int) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	var fail *executor.Failure
	switch {
	case bytes > 0 && q.bytes+bytes > q.maxBytes:
		fail = executor.OutputTooLarge.Failf("outputs exceeded %s", executor.FormatBytes(uint64(q.maxBytes)))
	case files > 0 && q.files+files > q.maxFiles:
		fail = executor.OutputTooLarge.Failf("outputs exceeded %d files", q.maxFiles)
	}
	if fail != nil {
		if !q.failed {
			q.failed = true
			q.exceeded(fail)
		}
		return false
	}
	q.bytes = max(q.bytes+bytes, 0)
	q.files = max(q.files+files, 0)
	return true
}

// quotaFS counts what the guest writes under the outputs against q.
type quotaFS struct {
	experimentalsys.FS
	q *quota
}

// size is the apparent size of a regular file at path; 0 for anything else or nothing.
func (f quotaFS) size(path string) (size int64, exists bool) {
	st, errno := f.FS.Lstat(path)
	if errno != 0 {
		return 0, false
	}
	if !st.Mode.IsRegular() {
		return 0, true
	}
	return st.Size, true
}

// freed is what removing the entry at path gives back: the bytes of a regular file that is
// not open, and the entry.
func (f quotaFS) freed(path string) (bytes int64, exists bool) {
	st, errno := f.FS.Lstat(path)
	switch {
	case errno != 0:
		return 0, false
	case !st.Mode.IsRegular() || f.q.isOpen(st.Ino):
		return 0, true
	}
	return st.Size, true
}

func (f quotaFS) OpenFile(path string, flag experimentalsys.Oflag, perm fs.FileMode) (experimentalsys.File, experimentalsys.Errno) {
	size, exists := f.size(path)
	created := !exists && flag&experimentalsys.O_CREAT != 0
	if created && !f.q.grow(0, 1) {
		return nil, experimentalsys.EIO
	}
	file, errno := f.FS.OpenFile(path, flag, perm)
	switch {
	case errno != 0:
		if created {
			f.q.grow(0, -1)
		}
		return nil, errno
	case exists && flag&experimentalsys.O_TRUNC != 0:
		f.q.grow(-size, 0)
	}
	qf := &quotaFile{File: file, q: f.q}
	if ino, errno := file.Ino(); errno == 0 {
		qf.ino, qf.counted = ino, true
		f.q.opened(ino, 1)
	}
	return qf, 0
}

func (f quotaFS) Mkdir(path string, perm fs.FileMode) experimentalsys.Errno {
	if !f.q.grow(0, 1) {
		return experimentalsys.EIO
	}
	errno := f.FS.Mkdir(path, perm)
	if errno != 0 {
		f.q.grow(0, -1)
	}
	return errno
}

func (f quotaFS) Rmdir(path string) experimentalsys.Errno {
	errno := f.FS.Rmdir(path)
	if errno == 0 {
		f.q.grow(0, -1)
	}
	return errno
}

func (f quotaFS) Unlink(path string) experimentalsys.Errno {
	size, _ := f.freed(path)
	errno := f.FS.Unlink(path)
	if errno == 0 {
		f.q.grow(-size, -1)
	}
	return errno
}

func (f quotaFS) Rename(from, to string) experimentalsys.Errno {
	size, replaced := f.freed(to)
	errno := f.FS.Rename(from, to)
	if errno == 0 && replaced {
		f.q.grow(-size, -1)
	}
	return errno
}

func (f quotaFS) Link(string, string) experimentalsys.Errno { return experimentalsys.EPERM }

// quotaFile counts the bytes written past the file's end.
type quotaFile struct {
	experimentalsys.File
	q       *quota
	ino     uint64
	counted bool // in q.open
}

func (f *quotaFile) Close() experimentalsys.Errno {
	if f.counted {
		f.counted = false
		f.q.opened(f.ino, -1)
	}
	return f.File.Close()
}

// growth is how many bytes a write of n at off adds to the file.
func (f *quotaFile) growth(off int64, n int) (int64, experimentalsys.Errno) {
	st, errno := f.File.Stat()
	if errno != 0 {
		return 0, errno
	}
	return max(off+int64(n)-st.Size, 0), 0
}

func (f *quotaFile) write(p []byte, off int64, do func([]byte) (int, experimentalsys.Errno)) (int, experimentalsys.Errno) {
	grow, errno := f.growth(off, len(p))
	if errno != 0 {
		return 0, errno
	}
	if grow > 0 && !f.q.grow(grow, 0) {
		return 0, experimentalsys.EIO
	}
	n, errno := do(p)
	if short := int64(len(p) - n); short > 0 && grow > 0 {
		f.q.grow(-min(short, grow), 0)
	}
	return n, errno
}

func (f *quotaFile) Write(p []byte) (int, experimentalsys.Errno) {
	var off int64
	if f.File.IsAppend() {
		st, errno := f.File.Stat()
		if errno != 0 {
			return 0, errno
		}
		off = st.Size
	} else {
		var errno experimentalsys.Errno
		if off, errno = f.File.Seek(0, io.SeekCurrent); errno != 0 {
			return 0, errno
		}
	}
	return f.write(p, off, f.File.Write)
}

func (f *quotaFile) Pwrite(p []byte, off int64) (int, experimentalsys.Errno) {
	return f.write(p, off, func(p []byte) (int, experimentalsys.Errno) { return f.File.Pwrite(p, off) })
}

func (f *quotaFile) Truncate(size int64) experimentalsys.Errno {
	st, errno := f.File.Stat()
	if errno != 0 {
		return errno
	}
	delta := size - st.Size
	if delta > 0 && !f.q.grow(delta, 0) {
		return experimentalsys.EIO
	}
	errno = f.File.Truncate(size)
	switch {
	case errno != 0 && delta > 0:
		f.q.grow(-delta, 0)
	case errno == 0 && delta < 0:
		f.q.grow(delta, 0)
	}
	return errno
}
