package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/ipfs/go-cid"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/results"
)

func cidCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:      "cid",
		Usage:     "print a file's content ID, the form job specs name modules and inputs by",
		ArgsUsage: "<file>",
		Description: `Prints the CID Brine gives a file's bytes: CIDv1, codec raw, sha2-256, in base32 (bafkrei…).
A wasm job spec's module field names its module this way, and an input's cid field an earlier
job's result (the CID 'brine job status' shows as Result CID is the CID of the result archive
as the provider's node packaged it). Reads only the file.

Example:
   brine cid hello.wasm
   sed "s/MODULE_CID/$(brine cid hello.wasm)/" spec.yaml.in > spec.yaml
   brine cid --json hello.wasm`,
		Action: func(c *cli.Context) error { return cidPrint(c, stdio) },
	}
}

func cidPrint(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine cid <file>")
	if err != nil {
		return err
	}
	s, err := newSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	b, id, err := readFileCID(a[0])
	if err != nil {
		return err
	}
	return s.emit(map[string]any{"file": a[0], "cid": id.String(), "bytes": len(b)}, func(w io.Writer) {
		fmt.Fprintln(w, id)
	})
}

// readFileCID reads a file named on the command line (a wasm module, an archive) and returns
// its bytes and their CID.
func readFileCID(path string) ([]byte, cid.Cid, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, cid.Undef, badInput("%s: no such file", path)
	case err != nil:
		return nil, cid.Undef, badInput("%v", err)
	case info.IsDir():
		return nil, cid.Undef, badInput("%s is a directory: a CID here names one file's bytes", path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, cid.Undef, badInput("%v", err)
	}
	return b, results.CIDOf(b), nil
}
