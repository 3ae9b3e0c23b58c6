package executor

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"time"
)

// errStopWalk ends a walk early once a limit is passed.
var errStopWalk = errors.New("stop")

// MaxOutputDepth is how many directories deep MeasureOutputs looks (results.MaxDepth: an
// output deeper than that is refused as unsafe when it is packaged, so what lies below is
// never part of a result). Bytes and entries below it are bounded where they are written
// (each executor's package documentation says how).
const MaxOutputDepth = 64

// Usage is what a job's outputs take.
type Usage struct {
	Bytes int64 // apparent sizes of the regular files (a sparse file counts its full length)
	Files int   // entries of any kind under the directory
}

// MeasureOutputs walks an output directory without following symbolic links and returns its
// usage, with an OutputTooLarge failure as soon as it passes maxBytes or maxFiles (the walk
// stops there, so a directory with millions of entries costs no more than the limit). It
// walks through an os.Root per directory, so a tree of any depth is measured without ever
// forming a long path (a path past PATH_MAX made the walk fail, and the node blame itself
// for the job's tree); it looks MaxOutputDepth directories deep. The error is for a
// directory that cannot be read.
func MeasureOutputs(dir string, maxBytes int64, maxFiles int) (Usage, *Failure, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return Usage{}, nil, err
	}
	defer root.Close()
	m := measurer{maxBytes: maxBytes, maxFiles: maxFiles}
	err = m.walk(root, 1)
	if err != nil && !errors.Is(err, errStopWalk) {
		return m.u, nil, err
	}
	return m.u, m.fail, nil
}

type measurer struct {
	u        Usage
	fail     *Failure
	maxBytes int64
	maxFiles int
}

// walk adds the entries of dir, depth directories below the outputs.
func (m *measurer) walk(dir *os.Root, depth int) error {
	f, err := dir.Open(".")
	if err != nil {
		return err
	}
	for {
		// In batches, so a directory with millions of entries costs no more than the limit.
		batch, err := f.ReadDir(1024)
		for _, d := range batch {
			if err := m.add(dir, d, depth); err != nil {
				f.Close()
				return err
			}
		}
		if errors.Is(err, io.EOF) || err == nil && len(batch) == 0 {
			return f.Close()
		}
		if err != nil {
			f.Close()
			return err
		}
	}
}

func (m *measurer) add(dir *os.Root, d fs.DirEntry, depth int) error {
	m.u.Files++
	if m.u.Files > m.maxFiles {
		m.fail = OutputTooLarge.Failf("outputs exceeded %d files", m.maxFiles)
		return errStopWalk
	}
	switch {
	case d.Type().IsRegular():
		info, err := d.Info()
		if errors.Is(err, fs.ErrNotExist) {
			return nil // removed by the still-running job
		}
		if err != nil {
			return err
		}
		m.u.Bytes += info.Size()
		if m.u.Bytes > m.maxBytes {
			m.fail = OutputTooLarge.Failf("outputs exceeded %s", FormatBytes(uint64(m.maxBytes)))
			return errStopWalk
		}
	case d.IsDir() && depth < MaxOutputDepth:
		sub, err := dir.OpenRoot(d.Name())
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		defer sub.Close()
		return m.walk(sub, depth+1)
	}
	return nil
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
