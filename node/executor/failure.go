package executor

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Reason classifies a job failure. Its text form (MarshalText) is a stable code for
// storage and the wire; String is for people.
type Reason uint8

// Reasons a job fails.
const (
	_              Reason = iota
	BadSpec               // the spec cannot run here: invalid, wrong engine, over the node's caps, bad module
	PullFailed            // the image could not be made present (absent and pulls disabled, registry error, too large)
	OutOfMemory           // the program needed more memory than its limit
	TimeLimit             // the program ran past its wall-clock limit and was killed
	ExitCode              // the program exited non-zero (or crashed)
	OutputTooLarge        // the outputs grew past the size or file-count limit
	LogTooLarge           // the program wrote more to stdout/stderr than the log limit and was stopped
	Internal              // the node failed while running the job (reported so the client is told something)
	BadModule             // the spec's wasm module cannot be a job on any node: it does not compile, is not a WASI command, imports what no node provides
	OutputMissing         // a declared output was not there after the run
	OutputUnsafe          // a declared output held a symbolic link, device, FIFO or socket, an unusable name, or a tree nested too deep
)

var reasonCodes = [...]string{
	BadSpec:        "bad_spec",
	PullFailed:     "pull_failed",
	OutOfMemory:    "out_of_memory",
	TimeLimit:      "time_limit",
	ExitCode:       "exit_code",
	OutputTooLarge: "output_too_large",
	LogTooLarge:    "log_too_large",
	Internal:       "internal",
	BadModule:      "bad_module",
	OutputMissing:  "output_missing",
	OutputUnsafe:   "output_unsafe",
}

var reasonNames = [...]string{
	BadSpec:        "bad spec",
	PullFailed:     "image pull failed",
	OutOfMemory:    "out of memory",
	TimeLimit:      "time limit exceeded",
	ExitCode:       "non-zero exit code",
	OutputTooLarge: "output too large",
	LogTooLarge:    "log output too large",
	Internal:       "internal error",
	BadModule:      "bad module",
	OutputMissing:  "output missing",
	OutputUnsafe:   "output unsafe",
}

func (r Reason) valid() bool { return r > 0 && int(r) < len(reasonCodes) }

// String describes the reason for people ("time limit exceeded").
func (r Reason) String() string {
	if !r.valid() {
		return fmt.Sprintf("Reason(%d)", uint8(r))
	}
	return reasonNames[r]
}

// Error makes a Reason usable as the target of errors.Is:
// errors.Is(err, executor.TimeLimit) is true for a *Failure with that reason.
func (r Reason) Error() string { return r.String() }

// MarshalText returns the reason's stable code ("time_limit").
func (r Reason) MarshalText() ([]byte, error) {
	if !r.valid() {
		return nil, fmt.Errorf("executor: unknown failure reason %d", uint8(r))
	}
	return []byte(reasonCodes[r]), nil
}

// UnmarshalText parses a code written by MarshalText.
func (r *Reason) UnmarshalText(b []byte) error {
	for i, c := range reasonCodes {
		if c != "" && c == string(b) {
			*r = Reason(i)
			return nil
		}
	}
	return fmt.Errorf("executor: unknown failure reason %q", b)
}

// Failf returns a failure with this reason; the message should say what happened in words
// a client understands.
func (r Reason) Failf(format string, args ...any) *Failure {
	return &Failure{Reason: r, Detail: fmt.Sprintf(format, args...)}
}

// Failure is why a job failed, for the client. It is an error so it can travel through
// error returns (Preparer); test for a reason with errors.Is(err, executor.TimeLimit).
type Failure struct {
	Reason Reason `json:"reason"`
	Detail string `json:"detail"` // the whole message, e.g. "time limit 5s exceeded"
}

// Error is the client-readable message.
func (f *Failure) Error() string {
	if f.Detail == "" {
		return f.Reason.String()
	}
	return f.Detail
}

// Is reports whether target is f's Reason.
func (f *Failure) Is(target error) bool {
	r, ok := target.(Reason)
	return ok && r == f.Reason
}

// AsFailure returns the *Failure in err's chain, if any.
func AsFailure(err error) (*Failure, bool) {
	var f *Failure
	ok := errors.As(err, &f)
	return f, ok
}

// The standard failures, so that every executor words them the same.

// TimeLimitExceeded: the job ran past its wall-clock limit.
func TimeLimitExceeded(limit time.Duration) *Failure {
	return TimeLimit.Failf("time limit %s exceeded", limit)
}

// OutOfMemoryFailure: the job needed more than its memory limit.
func OutOfMemoryFailure(limit uint64) *Failure {
	return OutOfMemory.Failf("out of memory (limit %s)", FormatBytes(limit))
}

// LogLimitExceeded: the job wrote more than limit bytes to stdout and stderr.
func LogLimitExceeded(limit int64) *Failure {
	return LogTooLarge.Failf("log output exceeded %s; the job was stopped", FormatBytes(uint64(limit)))
}

// PullFailure: the image could not be made present.
func PullFailure(image string, err error) *Failure {
	return PullFailed.Failf("image pull failed: %s: %v", image, err)
}

// maxDetailTail bounds how much of the log an ExitCode failure quotes.
const maxDetailTail = 1024

// ExitFailure: the program exited with a non-zero code; the message quotes the end of its
// output (at most 1KiB, as valid UTF-8).
func ExitFailure(code int, tail []byte) *Failure {
	t := QuoteTail(tail, maxDetailTail)
	if t == "" {
		return ExitCode.Failf("exit code %d", code)
	}
	return ExitCode.Failf("exit code %d: %s", code, t)
}

// QuoteTail returns the last max bytes of a log tail as trimmed valid UTF-8, starting at a
// line boundary when one is near.
func QuoteTail(tail []byte, max int) string {
	tail = bytes.TrimSpace(tail)
	if len(tail) > max {
		tail = tail[len(tail)-max:]
		// Start at a line boundary if there is one in the first quarter; otherwise at a rune.
		if i := bytes.IndexByte(tail[:max/4], '\n'); i >= 0 {
			tail = tail[i+1:]
		} else {
			for len(tail) > 0 && !utf8.RuneStart(tail[0]) {
				tail = tail[1:]
			}
		}
	}
	return strings.ToValidUTF8(string(tail), "\uFFFD")
}

// MaxQuoted bounds a path or message quoted in a failure: a job chooses its paths (a deep
// tree's run to kilobytes) and its programs' messages, and a reason is stored, logged and
// served to clients.
const MaxQuoted = 200

// Elide returns s cut to at most max bytes of valid UTF-8 by replacing its middle with "…":
// both ends of a path (where it starts, which file) say more than its middle.
func Elide(s string, max int) string {
	const mark = "…"
	s = strings.ToValidUTF8(s, "\uFFFD")
	if len(s) <= max {
		return s
	}
	keep := max - len(mark)
	if keep < 2 {
		return mark
	}
	head, tail := s[:keep/2], s[len(s)-(keep-keep/2):]
	for len(head) > 0 && !utf8.ValidString(head) {
		head = head[:len(head)-1]
	}
	for len(tail) > 0 && !utf8.RuneStart(tail[0]) {
		tail = tail[1:]
	}
	return head + mark + tail
}

// FormatBytes writes a size in binary units ("64MiB", "1.5GiB", "512B").
func FormatBytes(n uint64) string {
	units := []struct {
		size uint64
		name string
	}{{1 << 40, "TiB"}, {1 << 30, "GiB"}, {1 << 20, "MiB"}, {1 << 10, "KiB"}}
	for _, u := range units {
		if n < u.size {
			continue
		}
		if n%u.size == 0 {
			return fmt.Sprintf("%d%s", n/u.size, u.name)
		}
		return fmt.Sprintf("%.1f%s", float64(n)/float64(u.size), u.name)
	}
	return fmt.Sprintf("%dB", n)
}
