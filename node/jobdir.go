package node

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

func inputsDir(dir string) string  { return filepath.Join(dir, "inputs") }
func outputsDir(dir string) string { return filepath.Join(dir, "outputs") }

// prepareDirs makes a job directory with empty inputs and outputs (whatever an earlier,
// interrupted run left is removed first).
func prepareDirs(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	for _, d := range []string{inputsDir(dir), outputsDir(dir)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	return nil
}

// removeJobDir removes a job's directory, saying so when it cannot: a directory left behind
// is disk the node never gets back until reconcileJobDirs at the next start.
func (n *Node) removeJobDir(dir string) {
	if err := os.RemoveAll(dir); err != nil {
		n.log.Warn("removing a job's directory; the next start removes it", "dir", dir, "err", err)
	}
}

// reconcileJobDirs removes, at start, the job directories that no run will use: those of
// jobs the store says ended and of jobs it has no record of (a crash between a run and its
// clean-up, a store that was reset). Nothing runs yet, so none is in use; a live job's
// directory is left to its next run, which prepares it afresh. An output directory that is
// still a mount point (an executor's size-limited mount left by a crash) is detached first,
// so that removing the directory frees what it held.
func (n *Node) reconcileJobDirs() {
	root := filepath.Join(n.cfg.DataDir, "jobs")
	entries, err := os.ReadDir(root)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			n.log.Warn("listing job directories", "dir", root, "err", err)
		}
		return
	}
	removed := 0
	for _, e := range entries {
		id, err := strconv.ParseUint(e.Name(), 10, 64)
		if err != nil || e.Name() != settlement.JobID(id).String() {
			n.log.Warn("not a job directory; left alone", "dir", filepath.Join(root, e.Name()))
			continue
		}
		rec, err := n.store.Get(settlement.JobID(id))
		switch {
		case err == nil && !rec.State.Terminal():
			continue
		case err != nil && !errors.Is(err, store.ErrNotFound):
			n.log.Warn("reading a job's record; its directory is kept", "job", e.Name(), "err", err)
			continue
		}
		dir := filepath.Join(root, e.Name())
		detachMount(outputsDir(dir))
		if err := os.RemoveAll(dir); err != nil {
			n.log.Warn("removing a stray job directory", "dir", dir, "err", err)
			continue
		}
		removed++
	}
	if removed > 0 {
		n.log.Info("removed the directories of ended jobs", "removed", removed)
	}
}

// placeInputs writes the spec's inline inputs and unpacks its CID inputs (earlier results,
// checked against their CIDs when stored) under dir. Paths go through an os.Root, so none
// leaves dir.
func (n *Node) placeInputs(ctx context.Context, spec *jobspec.Spec, specHash common.Hash, dir string) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	for _, in := range spec.Inputs {
		if in.Inline() {
			if d := path.Dir(in.Path); d != "." {
				if err := root.MkdirAll(d, 0o755); err != nil {
					return fmt.Errorf("input %s: %w", in.Path, err)
				}
			}
			if err := root.WriteFile(in.Path, in.Data, 0o644); err != nil {
				return fmt.Errorf("input %s: %w", in.Path, err)
			}
			continue
		}
		c, err := cid.Decode(in.CID)
		if err != nil {
			return fmt.Errorf("input %s: %w", in.Path, err)
		}
		if err := n.storeBlob(ctx, c, specHash, 1<<30); err != nil {
			return fmt.Errorf("input %s: %w", in.Path, err)
		}
		if err := n.placeInput(dir, c, in); err != nil {
			return err
		}
	}
	return nil
}

// placeInput unpacks the stored result c (or its in.Select entry) at in.Path, reading it from
// its file in the store: an input of any size never passes through memory whole.
func (n *Node) placeInput(dir string, c cid.Cid, in jobspec.Input) error {
	f, _, err := n.results.OpenFile(c)
	if err != nil {
		return fmt.Errorf("input %s: %w", in.Path, err)
	}
	defer f.Close()
	if in.Select == "" {
		if err := results.UnpackFrom(f, filepath.Join(dir, filepath.FromSlash(in.Path)), results.Limits{}); err != nil {
			return fmt.Errorf("input %s: unpacking %s: %w", in.Path, c, err)
		}
		return nil
	}
	if err := placeSelected(f, dir, in); err != nil {
		return fmt.Errorf("input %s: %s of %s: %w", in.Path, in.Select, c, err)
	}
	return nil
}

// placeSelected unpacks the result archive b aside, inside dir (so the rename never crosses
// a file system), and moves only its in.Select entry to in.Path: one shard of a fan-out, or
// one directory of an upstream step's result.
func placeSelected(archive io.ReadSeeker, dir string, in jobspec.Input) error {
	stage, err := os.MkdirTemp(dir, ".brine-select-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	if err := results.UnpackFrom(archive, filepath.Join(stage, "r"), results.Limits{}); err != nil {
		return err
	}
	src := filepath.Join(stage, "r", filepath.FromSlash(in.Select))
	if _, err := os.Lstat(src); err != nil {
		return fmt.Errorf("the result holds no such path: %w", err)
	}
	dest := filepath.Join(dir, filepath.FromSlash(in.Path))
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return err
	}
	return os.Rename(src, dest)
}
