package docker

import (
	"fmt"
	"os"
	"syscall"

	"github.com/brine-compute/brine/node/executor"
)

// mountOutputs mounts a tmpfs sized for budget b on the job's (empty) outputs directory,
// owned as the directory is (or by the job's user). It has an inode for the root, one per
// allowed entry and one more: the job that takes that one tried to pass its file limit.
func (e *Executor) mountOutputs(job executor.Job, b executor.Budget) (*outputsMount, error) {
	info, err := os.Lstat(job.OutputDir)
	if err != nil {
		return nil, err
	}
	uid, gid, mode := e.uid, e.gid, os.FileMode(0o700)
	if st, ok := info.Sys().(*syscall.Stat_t); ok && uid < 0 {
		uid, gid, mode = int(st.Uid), int(st.Gid), info.Mode().Perm()
	}
	m := &outputsMount{dir: job.OutputDir, bytes: tmpfsSize(b)}
	opts := fmt.Sprintf("size=%d,nr_inodes=%d,mode=%o,uid=%d,gid=%d", m.bytes, b.OutputFiles+2, mode, uid, gid)
	if err := syscall.Mount("tmpfs", job.OutputDir, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, opts); err != nil {
		return nil, err
	}
	return m, nil
}

func unmount(dir string) error { return syscall.Unmount(dir, syscall.MNT_DETACH) }

// statFree is the free blocks and inodes of the file system at dir.
func statFree(dir string) (blocks, files uint64, err error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, 0, err
	}
	return st.Bfree, st.Ffree, nil
}

// mkfifo makes a FIFO name in dir.
func mkfifo(dir *os.Root, name string) error {
	f, err := dir.Open(".")
	if err != nil {
		return err
	}
	defer f.Close()
	return syscall.Mknodat(int(f.Fd()), name, syscall.S_IFIFO|0o644, 0)
}
