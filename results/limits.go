package results

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"
)

// Defaults for Limits.
const (
	DefaultMaxBytes   = 1 << 30 // bytes of file content in one result
	DefaultMaxEntries = 100_000 // files and directories in one result
)

// MaxPathLength bounds an entry's path in bytes (Linux's PATH_MAX).
const MaxPathLength = 4096

// MaxDepth bounds the number of elements in an entry's path ("a/b/c" has 3). It keeps the
// work of resolving a path, and the directories held open while walking, small.
const MaxDepth = 64

// maxNameLength bounds one path element in bytes (NAME_MAX on the usual filesystems).
const maxNameLength = 255

// Limits bound a result archive. A field ≤ 0 takes its default.
type Limits struct {
	MaxBytes   int64 // total bytes of regular-file content
	MaxEntries int   // files and directories (for Unpack, also the parent directories it creates)
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxEntries <= 0 {
		l.MaxEntries = DefaultMaxEntries
	}
	return l
}

// Errors of Package and Unpack; test with errors.Is. The wrapping error says which path and
// which limit.
var (
	// ErrUnsafe: a symbolic link, hard link, device, FIFO or socket, or a path that is absolute,
	// not clean, contains ".." or escapes the directory, or an entry given twice.
	ErrUnsafe = errors.New("unsafe result entry")
	// ErrTooLarge: more entries or bytes than the limits allow.
	ErrTooLarge = errors.New("result over its limits")
	// ErrMissingOutput: a declared output does not exist.
	ErrMissingOutput = errors.New("declared output is missing")
	// ErrChanged: an output changed while Package read it.
	ErrChanged = errors.New("output changed while it was packaged")
	// ErrMalformed: bytes that are not a tar archive, or a truncated one.
	ErrMalformed = errors.New("malformed result archive")
)

// checkPath reports why p cannot be an entry's path, or "" when it can: a clean,
// slash-separated relative path of valid UTF-8 without backslashes, ".", ".." or empty
// elements, at most MaxPathLength bytes and maxNameLength per element.
func checkPath(p string) string {
	switch {
	case p == "":
		return "is empty"
	case len(p) > MaxPathLength:
		return fmt.Sprintf("is %d bytes long; at most %d", len(p), MaxPathLength)
	case !utf8.ValidString(p):
		return "is not valid UTF-8"
	case strings.ContainsAny(p, "\x00\\"):
		return "contains NUL or a backslash"
	case strings.HasPrefix(p, "/"):
		return "is absolute"
	case p == ".." || strings.HasPrefix(p, "../") || strings.HasSuffix(p, "/..") || strings.Contains(p, "/../"):
		return "contains \"..\""
	case p == "." || path.Clean(p) != p:
		return "is not a clean relative path (no \".\", \"..\", \"//\" or trailing \"/\")"
	}
	depth := 0
	for elem := range strings.SplitSeq(p, "/") {
		if len(elem) > maxNameLength {
			return fmt.Sprintf("has an element of %d bytes; at most %d", len(elem), maxNameLength)
		}
		depth++
	}
	if depth > MaxDepth {
		return fmt.Sprintf("is %d directories deep; at most %d", depth, MaxDepth)
	}
	return ""
}

// parents lists the directories above p, outermost first: "a", "a/b" for "a/b/c".
func parents(p string) []string {
	var out []string
	for i := 0; i < len(p); i++ {
		if p[i] == '/' {
			out = append(out, p[:i])
		}
	}
	return out
}

// parentOf is the directory above p, or "" for a single element.
func parentOf(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return ""
	}
	return p[:i]
}
