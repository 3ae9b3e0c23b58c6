package executor

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"time"
)

// errStopWalk ends a walk early once a limit is passed.
var errStopWalk = errors.New("stop")

// Usage is what a job's outputs take.
type Usage struct {
	Bytes int64 // apparent sizes of the regular files (a sparse file counts its full length)
	Files int   // entries of any kind under the directory
}

// MeasureOutputs walks an output directory without following symbolic links and returns its
// usage, with an OutputTooLarge failure as soon as it passes maxBytes or maxFiles (the walk
// stops there, so a directory with millions of entries costs no more than the limit). The
// error is for a directory that cannot be read.
func MeasureOutputs(dir string, maxBytes int64, maxFiles int) (Usage, *Failure, error) {
	var u Usage
	var fail *Failure
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && path != dir {
				return nil // removed by the still-running job
			}
			return err
		}
		if path == dir {
			return nil
		}
		u.Files++
		if u.Files > maxFiles {
			fail = OutputTooLarge.Failf("outputs exceeded %d files", maxFiles)
			return errStopWalk
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			if err != nil {
				return err
			}
			u.Bytes += info.Size()
			if u.Bytes > maxBytes {
				fail = OutputTooLarge.Failf("outputs exceeded %s", FormatBytes(uint64(maxBytes)))
				return errStopWalk
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStopWalk) {
		return u, nil, err
	}
	return u, fail, nil
}

// WatchOutputs measures dir every interval until ctx ends and calls onExceed once, then
// returns, when the outputs pass the budget, so an executor can stop a job that fills the
// disk while it runs rather than only after. Measurement errors are left to the final
// measurement after the run.
func WatchOutputs(ctx context.Context, dir string, b Budget, every time.Duration, onExceed func(*Failure)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if _, fail, err := MeasureOutputs(dir, b.OutputBytes, b.OutputFiles); err == nil && fail != nil {
			onExceed(fail)
			return
		}
	}
}
