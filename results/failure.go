package results

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/jobspec"
)

// A failure record is the result a provider commits for a job that failed by its own fault:
// its program exited non-zero, ran out of its memory or time, wrote too much, left its
// outputs missing, unsafe or too large, or its module cannot be a job. It is a result like any
// other (a deterministic archive, committed by its CID, paid at finalize, challengeable), so
// honest verifiers and replicas that re-run the job reach the same bytes. See
// docs/protocol.md, "Failure records".
//
// # What bytes a failure record is
//
// The archive Package would write for one declared output jobspec.FailureRecordPath
// ("brine-failure.json"), a regular file of mode 0644, holding the record's canonical JSON:
// one object, the fields of FailureRecord in the order declared (sorted by key), fields that
// do not apply to the reason left out, no white space, no HTML escaping, and one "\n" at the
// end. No job output may be at that path (jobspec refuses it), so a job's own result is
// never a failure record.

// FailureVersion is the version of the failure record format written here.
const FailureVersion = 1

// Reasons a failure record gives: the job's own faults. A node-side failure (an image that
// could not be pulled, the node's own caps, an engine error) is never recorded: the node
// does not commit anything for it.
const (
	FailExitCode       = "exit_code"        // the program exited non-zero (or crashed: ExitCode -1)
	FailOutOfMemory    = "out_of_memory"    // it needed more memory than the spec's limit (LimitBytes)
	FailTimeLimit      = "time_limit"       // it ran past the spec's time limit (LimitTime)
	FailLogTooLarge    = "log_too_large"    // it wrote more than the log limit (LimitBytes) to stdout and stderr
	FailOutputTooLarge = "output_too_large" // its outputs grew past the limits in force (LimitBytes: the spec's disk; LimitFiles)
	FailOutputMissing  = "output_missing"   // a declared output (Output) was not there
	FailOutputUnsafe   = "output_unsafe"    // a declared output (Output) held a symbolic link, device, FIFO or an unusable name
	FailBadModule      = "bad_module"       // the wasm module does not compile, is not a WASI command or imports what no node provides
)

// MaxFailureTail bounds each stream's tail in a record, in bytes.
const MaxFailureTail = 1024

// maxFailureRecord bounds a record's encoding (two tails, JSON-escaped, and the rest).
const maxFailureRecord = 16 << 10

// ErrBadFailureRecord: an archive that holds jobspec.FailureRecordPath but not a failure
// record in its canonical form.
var ErrBadFailureRecord = errors.New("not a valid failure record")

// FailureRecord is what a failure record says. The fields are in the order of their keys.
type FailureRecord struct {
	Version    int    `json:"brine_failure"`         // FailureVersion
	ExitCode   int    `json:"exit_code,omitempty"`   // FailExitCode: the exit status, -1 for a crash without one
	LimitBytes uint64 `json:"limit_bytes,omitempty"` // the byte limit that was passed
	LimitFiles uint64 `json:"limit_files,omitempty"` // FailOutputTooLarge: the file-count limit in force
	LimitTime  string `json:"limit_time,omitempty"`  // FailTimeLimit: the spec's time limit as time.Duration writes it ("5s")
	Output     string `json:"output,omitempty"`      // FailOutputMissing, FailOutputUnsafe: the declared output
	Reason     string `json:"reason"`
	StderrTail string `json:"stderr_tail,omitempty"` // FailExitCode: the end of what the program wrote to stderr
	StdoutTail string `json:"stdout_tail,omitempty"` // FailExitCode: the end of what the program wrote to stdout
}

// Check reports what makes r not a record this version writes: an unknown reason, a field
// its reason does not use, a missing one, a tail too long or not UTF-8.
func (r FailureRecord) Check() error {
	if r.Version != FailureVersion {
		return fmt.Errorf("%w: version %d, want %d", ErrBadFailureRecord, r.Version, FailureVersion)
	}
	// Which fields the reason uses; every other must be zero.
	var exit, bytes, files, tm, output, tails bool
	switch r.Reason {
	case FailExitCode:
		exit, tails = true, true
	case FailOutOfMemory, FailLogTooLarge:
		bytes = true
	case FailTimeLimit:
		tm = true
	case FailOutputTooLarge:
		bytes, files = true, true
	case FailOutputMissing, FailOutputUnsafe:
		output = true
	case FailBadModule:
	default:
		return fmt.Errorf("%w: unknown reason %q", ErrBadFailureRecord, r.Reason)
	}
	bad := func(field string, used, set bool) error {
		switch {
		case used && !set:
			return fmt.Errorf("%w: reason %s without %s", ErrBadFailureRecord, r.Reason, field)
		case !used && set:
			return fmt.Errorf("%w: reason %s has %s", ErrBadFailureRecord, r.Reason, field)
		}
		return nil
	}
	if err := errors.Join(
		bad("exit_code", exit, r.ExitCode != 0),
		bad("limit_bytes", bytes, r.LimitBytes != 0),
		bad("limit_files", files, r.LimitFiles != 0),
		bad("limit_time", tm, r.LimitTime != ""),
		bad("output", output, r.Output != ""),
	); err != nil {
		return err
	}
	if !tails && (r.StdoutTail != "" || r.StderrTail != "") {
		return fmt.Errorf("%w: reason %s has a log tail", ErrBadFailureRecord, r.Reason)
	}
	for _, t := range []string{r.StdoutTail, r.StderrTail} {
		if len(t) > MaxFailureTail || !utf8.ValidString(t) {
			return fmt.Errorf("%w: a log tail is longer than %d bytes or not UTF-8", ErrBadFailureRecord, MaxFailureTail)
		}
	}
	if tm {
		if d, err := time.ParseDuration(r.LimitTime); err != nil || d <= 0 || d.String() != r.LimitTime {
			return fmt.Errorf("%w: limit_time %q is not a duration as Go writes it", ErrBadFailureRecord, r.LimitTime)
		}
	}
	if output {
		if why := checkPath(r.Output); why != "" {
			return fmt.Errorf("%w: output %q %s", ErrBadFailureRecord, r.Output, why)
		}
	}
	return nil
}

// Encode returns r's canonical JSON.
func (r FailureRecord) Encode() ([]byte, error) {
	if err := r.Check(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, fmt.Errorf("results: encoding a failure record: %w", err)
	}
	return buf.Bytes(), nil
}

// DecodeFailure parses a record's JSON and refuses anything but the canonical encoding of a
// valid record (unknown fields, white space, another field order, a trailing value).
func DecodeFailure(b []byte) (FailureRecord, error) {
	var r FailureRecord
	if len(b) > maxFailureRecord {
		return r, fmt.Errorf("%w: %d bytes, at most %d", ErrBadFailureRecord, len(b), maxFailureRecord)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return FailureRecord{}, fmt.Errorf("%w: %v", ErrBadFailureRecord, err)
	}
	canon, err := r.Encode()
	if err != nil {
		return FailureRecord{}, err
	}
	if !bytes.Equal(canon, b) {
		return FailureRecord{}, fmt.Errorf("%w: not in canonical form", ErrBadFailureRecord)
	}
	return r, nil
}

// PackageFailure returns the result archive of record r and its CID.
func PackageFailure(r FailureRecord) ([]byte, cid.Cid, error) {
	body, err := r.Encode()
	if err != nil {
		return nil, cid.Undef, err
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	h := &tar.Header{Typeflag: tar.TypeReg, Name: jobspec.FailureRecordPath, Mode: fileMode, Size: int64(len(body)), ModTime: epoch, Format: tar.FormatPAX}
	if err := tw.WriteHeader(h); err != nil {
		return nil, cid.Undef, fmt.Errorf("results: failure record header: %w", err)
	}
	if _, err := tw.Write(body); err != nil {
		return nil, cid.Undef, fmt.Errorf("results: failure record: %w", err)
	}
	if err := tw.Close(); err != nil {
		return nil, cid.Undef, fmt.Errorf("results: failure record: %w", err)
	}
	data := buf.Bytes()
	return data, CIDOf(data), nil
}

// ReadFailure reports whether a result archive is a failure record, and which. An archive
// whose first entry is jobspec.FailureRecordPath must be exactly the archive PackageFailure
// writes for a valid record; anything else of that shape wraps ErrBadFailureRecord. Any other
// archive is a job's outputs: ok false, no error (ReadFailure does not check it further).
func ReadFailure(archive []byte) (r FailureRecord, ok bool, err error) {
	tr := tar.NewReader(bytes.NewReader(archive))
	h, err := tr.Next()
	if err != nil || strings.TrimSuffix(h.Name, "/") != jobspec.FailureRecordPath {
		return FailureRecord{}, false, nil
	}
	body, err := io.ReadAll(io.LimitReader(tr, maxFailureRecord+1))
	if err != nil {
		return FailureRecord{}, true, fmt.Errorf("%w: %v", ErrBadFailureRecord, err)
	}
	if r, err = DecodeFailure(body); err != nil {
		return FailureRecord{}, true, err
	}
	want, _, err := PackageFailure(r)
	if err != nil {
		return FailureRecord{}, true, err
	}
	if !bytes.Equal(want, archive) {
		return FailureRecord{}, true, fmt.Errorf("%w: the archive is not the record's canonical archive", ErrBadFailureRecord)
	}
	return r, true, nil
}

// ReadFailureFrom is ReadFailure of the size-byte archive r (a verified result in a file):
// only an archive small enough to be a failure record is read whole; of a larger one, only
// its first header.
func ReadFailureFrom(r io.Reader, size int64) (FailureRecord, bool, error) {
	if size <= 4*maxFailureRecord {
		archive, err := io.ReadAll(io.LimitReader(r, size))
		if err != nil {
			return FailureRecord{}, false, fmt.Errorf("results: reading the archive: %w", err)
		}
		return ReadFailure(archive)
	}
	h, err := tar.NewReader(r).Next()
	if err != nil || strings.TrimSuffix(h.Name, "/") != jobspec.FailureRecordPath {
		return FailureRecord{}, false, nil
	}
	return FailureRecord{}, true, fmt.Errorf("%w: an archive of %d bytes, too large for a record", ErrBadFailureRecord, size)
}

// String says what happened, for people: "exit code 3 (stderr: …)".
func (r FailureRecord) String() string {
	var s string
	switch r.Reason {
	case FailExitCode:
		if r.ExitCode == -1 {
			s = "the program crashed (no exit code)"
		} else {
			s = fmt.Sprintf("exit code %d", r.ExitCode)
		}
		var tails []string
		if r.StderrTail != "" {
			tails = append(tails, fmt.Sprintf("stderr: %q", lastLine(r.StderrTail)))
		}
		if r.StdoutTail != "" {
			tails = append(tails, fmt.Sprintf("stdout: %q", lastLine(r.StdoutTail)))
		}
		if len(tails) > 0 {
			s += " (" + strings.Join(tails, "; ") + ")"
		}
	case FailOutOfMemory:
		s = "out of memory (limit " + sizeText(r.LimitBytes) + ")"
	case FailTimeLimit:
		s = "time limit " + r.LimitTime + " exceeded"
	case FailLogTooLarge:
		s = "wrote more than " + sizeText(r.LimitBytes) + " to stdout and stderr"
	case FailOutputTooLarge:
		s = fmt.Sprintf("outputs over their limits (%s, %d files)", sizeText(r.LimitBytes), r.LimitFiles)
	case FailOutputMissing:
		s = fmt.Sprintf("the declared output %q is missing", r.Output)
	case FailOutputUnsafe:
		s = fmt.Sprintf("the declared output %q holds a symbolic link, device, FIFO or unusable name", r.Output)
	case FailBadModule:
		s = "the wasm module cannot run as a job (it does not compile, is not a WASI command, or imports what no node provides)"
	default:
		s = r.Reason
	}
	return s
}

// lastLine is the last non-empty line of a tail (the whole tail is in the record).
func lastLine(t string) string {
	t = strings.TrimRight(t, "\n")
	if i := strings.LastIndexByte(t, '\n'); i >= 0 {
		return t[i+1:]
	}
	return t
}

// sizeText writes n bytes in the largest binary unit that divides it ("64MiB", "1000B").
func sizeText(n uint64) string {
	for _, u := range []struct {
		size uint64
		name string
	}{{1 << 40, "TiB"}, {1 << 30, "GiB"}, {1 << 20, "MiB"}, {1 << 10, "KiB"}} {
		if n >= u.size && n%u.size == 0 {
			return fmt.Sprintf("%d%s", n/u.size, u.name)
		}
	}
	return fmt.Sprintf("%dB", n)
}
