package wasm

import (
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// What a compiled module holds in memory besides its bytes, per declared function type and
// per function: wazero's parsed form (measured with TestHeapAfterHostileJobs: a module of
// 2.9MB declaring 200k types held about 20MiB).
const perEntryCost = 128

// moduleCost estimates the memory a compiled module holds, for CachedBytes.
func moduleCost(module []byte) int64 {
	return int64(len(module)) + perEntryCost*int64(sectionCount(module, 1)+sectionCount(module, 3))
}

// declaredTypes is how many function types the module's type section declares (0 when it
// has none or cannot be read: such a module does not compile).
func declaredTypes(module []byte) int { return sectionCount(module, 1) }

// sectionCount is the entry count that starts the payload of the module's section id (type
// 1, function 3), read without parsing the module.
func sectionCount(module []byte, id byte) int {
	if len(module) < 8 {
		return 0
	}
	b := module[8:] // magic and version
	for len(b) > 0 {
		sid := b[0]
		size, n := binary.Uvarint(b[1:])
		if n <= 0 || size > uint64(len(b)-1-n) {
			return 0
		}
		payload := b[1+n : 1+n+int(size)]
		if sid == id {
			count, n := binary.Uvarint(payload)
			if n <= 0 || count > uint64(len(module)) {
				return 0
			}
			return int(count)
		}
		b = b[1+n+int(size):]
	}
	return 0
}

// A temporary file younger than this may be one another process is writing into the
// shared directory (wazero writes a file whole, then renames it): pruning leaves it.
const tempFileAge = 10 * time.Minute

// pruneDisk removes the oldest files of CacheDir (by the time they were written) until the
// rest fit CacheDirBytes. wazero never removes a file, and a new wazero version writes a
// directory of its own, so without this the cache grows with every module ever run.
func (e *Executor) pruneDisk() {
	e.pruneMu.Lock()
	defer e.pruneMu.Unlock()
	type file struct {
		path string
		size int64
		mod  time.Time
	}
	var files []file
	var total int64
	now := time.Now()
	_ = filepath.WalkDir(e.cfg.CacheDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil // gone under a concurrent pruning, or a directory
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		if strings.HasSuffix(path, ".tmp") && now.Sub(info.ModTime()) < tempFileAge {
			return nil
		}
		files = append(files, file{path, info.Size(), info.ModTime()})
		total += info.Size()
		return nil
	})
	if total <= e.cfg.CacheDirBytes {
		return
	}
	slices.SortFunc(files, func(a, b file) int { return a.mod.Compare(b.mod) })
	removed := 0
	for _, f := range files {
		if total <= e.cfg.CacheDirBytes {
			break
		}
		if err := os.Remove(f.path); err == nil || os.IsNotExist(err) {
			total -= f.size
			removed++
		}
	}
	e.log.Info("pruned the wasm compilation cache", "dir", e.cfg.CacheDir, "removed", removed, "bytes", total)
}

// clearDisk removes every finished file of CacheDir: one of them could not be read back,
// and which one is not known. Temporary files another process may be writing are left.
func (e *Executor) clearDisk() {
	e.pruneMu.Lock()
	defer e.pruneMu.Unlock()
	_ = filepath.WalkDir(e.cfg.CacheDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && !strings.HasSuffix(path, ".tmp") {
			_ = os.Remove(path)
		}
		return nil
	})
}
