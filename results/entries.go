package results

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Entries lists the names directly under dir ("" for the top) in a result archive, sorted:
// the files and directories a pipeline's fan-out (`foreach: step:dir/*`) runs one job for.
// The archive is checked as Unpack checks it; a dir the archive does not hold lists nothing.
func Entries(archive []byte, dir string) ([]string, error) {
	return EntriesFrom(bytes.NewReader(archive), dir)
}

// EntriesFrom is Entries reading the archive from r (twice), not from memory.
func EntriesFrom(r io.ReadSeeker, dir string) ([]string, error) {
	if err := scanArchive(r, Limits{}.withDefaults()); err != nil {
		return nil, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("results: reading the archive again: %w", err)
	}
	prefix := ""
	if dir = strings.Trim(dir, "/"); dir != "" {
		prefix = dir + "/"
	}
	seen := map[string]bool{}
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("results: reading the archive: %v: %w", err, ErrMalformed)
		}
		name, _ := entryName(h)
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || rest == "" {
			continue
		}
		first, _, _ := strings.Cut(rest, "/")
		seen[first] = true
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	return out, nil
}
