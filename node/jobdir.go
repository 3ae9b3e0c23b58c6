package node

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node/results"
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

func cleanup(dir string) { _ = os.RemoveAll(dir) }

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
		b, err := n.blob(ctx, c, specHash, 1<<30)
		if err != nil {
			return fmt.Errorf("input %s: %w", in.Path, err)
		}
		if err := results.Unpack(b, filepath.Join(dir, filepath.FromSlash(in.Path)), results.Limits{}); err != nil {
			return fmt.Errorf("input %s: unpacking %s: %w", in.Path, c, err)
		}
	}
	return nil
}

// tamper alters the declared outputs (a dishonest node's wrong result): it appends a line to
// every regular file under them.
func tamper(dir string, outputs []jobspec.Output) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	for _, o := range outputs {
		err := fs.WalkDir(root.FS(), o.Path, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			f, err := root.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				return err
			}
			_, err = f.WriteString("tampered by a dishonest provider\n")
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
