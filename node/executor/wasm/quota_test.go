package wasm

import (
	"testing"

	experimentalsys "github.com/tetratelabs/wazero/experimental/sys"
	experimentalsysfs "github.com/tetratelabs/wazero/experimental/sysfs"

	"github.com/brine-compute/brine/node/executor"
)

// TestQuota: what each file system call counts against the outputs' limits (100 bytes, 3
// entries), and that the call that would pass one is refused before it reaches the disk.
func TestQuota(t *testing.T) {
	const rw = experimentalsys.O_RDWR | experimentalsys.O_CREAT
	for _, tc := range []struct {
		name      string
		do        func(t *testing.T, fs quotaFS) experimentalsys.Errno // the last call's errno
		bytes     int64
		files     int
		refused   bool
		wantErrno experimentalsys.Errno
	}{
		{"write within", func(t *testing.T, fs quotaFS) experimentalsys.Errno {
			return write(t, fs, "a", rw, make([]byte, 60))
		}, 60, 1, false, 0},
		{"write past the limit", func(t *testing.T, fs quotaFS) experimentalsys.Errno {
			write(t, fs, "a", rw, make([]byte, 60))
			return write(t, fs, "b", rw, make([]byte, 41))
		}, 60, 2, true, experimentalsys.EIO},
		{"overwrite counts no growth", func(t *testing.T, fs quotaFS) experimentalsys.Errno {
			write(t, fs, "a", rw, make([]byte, 90))
			return write(t, fs, "a", experimentalsys.O_RDWR, make([]byte, 90))
		}, 90, 1, false, 0},
		{"truncate on open gives back", func(t *testing.T, fs quotaFS) experimentalsys.Errno {
			write(t, fs, "a", rw, make([]byte, 90))
			return write(t, fs, "a", rw|experimentalsys.O_TRUNC, make([]byte, 90))
		}, 90, 1, false, 0},
		{"append grows", func(t *testing.T, fs quotaFS) experimentalsys.Errno {
			write(t, fs, "a", rw, make([]byte, 50))
			return write(t, fs, "a", experimentalsys.O_RDWR|experimentalsys.O_APPEND, make([]byte, 51))
		}, 50, 1, true, experimentalsys.EIO},
		{"unlink gives back", func(t *testing.T, fs quotaFS) experimentalsys.Errno {
			write(t, fs, "a", rw, make([]byte, 90))
			if errno := fs.Unlink("a"); errno != 0 {
				t.Fatal(errno)
			}
			return write(t, fs, "b", rw, make([]byte, 90))
		}, 90, 1, false, 0},
		{"a file removed while open keeps its bytes", func(t *testing.T, fs quotaFS) experimentalsys.Errno {
			f, errno := fs.OpenFile("a", rw, 0o644)
			if errno != 0 {
				t.Fatal(errno)
			}
			defer f.Close()
			if _, errno := f.Write(make([]byte, 90)); errno != 0 {
				t.Fatal(errno)
			}
			if errno := fs.Unlink("a"); errno != 0 {
				t.Fatal(errno)
			}
			return write(t, fs, "b", rw, make([]byte, 20))
		}, 90, 1, true, experimentalsys.EIO},
		{"too many entries", func(t *testing.T, fs quotaFS) experimentalsys.Errno {
			for _, d := range []string{"d1", "d2", "d3"} {
				if errno := fs.Mkdir(d, 0o755); errno != 0 {
					t.Fatal(errno)
				}
			}
			return fs.Mkdir("d4", 0o755)
		}, 0, 3, true, experimentalsys.EIO},
		{"hard link refused", func(t *testing.T, fs quotaFS) experimentalsys.Errno {
			write(t, fs, "a", rw, make([]byte, 10))
			return fs.Link("a", "b")
		}, 10, 1, false, experimentalsys.EPERM},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var failed *executor.Failure
			q := newQuota(100, 3, func(f *executor.Failure) { failed = f })
			fs := quotaFS{FS: experimentalsysfs.DirFS(t.TempDir()), q: q}
			if errno := tc.do(t, fs); errno != tc.wantErrno {
				t.Errorf("errno %v, want %v", errno, tc.wantErrno)
			}
			if q.bytes != tc.bytes || q.files != tc.files {
				t.Errorf("counted %d bytes in %d entries, want %d in %d", q.bytes, q.files, tc.bytes, tc.files)
			}
			if (failed != nil) != tc.refused || failed != nil && failed.Reason != executor.OutputTooLarge {
				t.Errorf("failure %v, want one: %v", failed, tc.refused)
			}
		})
	}
}

// write opens path with flag, writes p and closes it; it returns the write's errno.
func write(t *testing.T, fs quotaFS, path string, flag experimentalsys.Oflag, p []byte) experimentalsys.Errno {
	t.Helper()
	f, errno := fs.OpenFile(path, flag, 0o644)
	if errno != 0 {
		t.Fatalf("open %s: %v", path, errno)
	}
	defer f.Close()
	_, errno = f.Write(p)
	return errno
}
