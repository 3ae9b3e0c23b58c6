package p2p

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/multiformats/go-varint"
)

// Status is the first byte of every response frame.
type Status byte

// Statuses. A response other than StatusOK carries a short message (at most MaxMessage
// bytes of UTF-8) after the status byte.
const (
	StatusOK       Status = 0 // the payload follows
	StatusNotFound Status = 1 // the server has no such spec or result
	StatusRefused  Status = 2 // busy, over a limit, or not wanted (a pushed spec the sink declined)
	StatusInvalid  Status = 3 // the request was malformed or failed verification
	StatusError    Status = 4 // the server failed
)

// MaxMessage bounds the message of a response that is not StatusOK.
const MaxMessage = 256

func (s Status) String() string {
	switch s {
	case StatusOK:
		return "ok"
	case StatusNotFound:
		return "not found"
	case StatusRefused:
		return "refused"
	case StatusInvalid:
		return "invalid request"
	case StatusError:
		return "error"
	}
	return fmt.Sprintf("status(%d)", byte(s))
}

// Errors of the client helpers; test with errors.Is. A remote status arrives as a
// *RemoteError, which matches the sentinel of its status.
var (
	ErrNotFound     = errors.New("p2p: not found")
	ErrRefused      = errors.New("p2p: refused")
	ErrInvalid      = errors.New("p2p: invalid request")
	ErrRemote       = errors.New("p2p: peer failed")
	ErrProtocol     = errors.New("p2p: peer broke the protocol")
	ErrTooLarge     = errors.New("p2p: too large")
	ErrCIDMismatch  = errors.New("p2p: result does not match its CID")
	ErrBadSignature = errors.New("p2p: probe answer not signed by the peer's key")
	ErrNotStarted   = errors.New("p2p: host not running")
)

// RemoteError is a peer's answer other than StatusOK. Message is the peer's text, made
// printable: it is untrusted and ends up in logs and terminals.
type RemoteError struct {
	Status  Status
	Message string
}

func (e *RemoteError) Error() string {
	if e.Message == "" {
		return "p2p: peer answered " + e.Status.String()
	}
	return fmt.Sprintf("p2p: peer answered %s: %s", e.Status, e.Message)
}

// Is makes a RemoteError match the sentinel of its status.
func (e *RemoteError) Is(target error) bool {
	switch e.Status {
	case StatusNotFound:
		return target == ErrNotFound
	case StatusRefused:
		return target == ErrRefused
	case StatusInvalid:
		return target == ErrInvalid
	case StatusError:
		return target == ErrRemote
	}
	return false
}

// Frames are an unsigned varint length (minimally encoded, as libp2p's msgio and multiformats
// write it) followed by that many bytes. A reader states the most it accepts and refuses a
// longer frame before allocating anything.

// errFrameTooLarge: a frame's announced length is over the reader's bound.
var errFrameTooLarge = fmt.Errorf("%w: frame over its bound", ErrTooLarge)

// readFrame reads one frame of at most max bytes. reserve, if not nil, is called with the
// length before the body is allocated (the resource manager's memory reservation).
func readFrame(r *bufio.Reader, max int, reserve func(int) error) ([]byte, error) {
	n, err := varint.ReadUvarint(r)
	if err != nil {
		if errors.Is(err, varint.ErrOverflow) || errors.Is(err, varint.ErrNotMinimal) {
			return nil, fmt.Errorf("%w: frame length: %v", ErrProtocol, err)
		}
		return nil, err
	}
	if n > uint64(max) {
		return nil, fmt.Errorf("%w (%d > %d)", errFrameTooLarge, n, max)
	}
	if reserve != nil {
		if err := reserve(int(n)); err != nil {
			return nil, err
		}
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(r, buf); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return buf, nil
}

// appendFrame appends the frame of body to dst.
func appendFrame(dst []byte, body ...[]byte) []byte {
	n := 0
	for _, b := range body {
		n += len(b)
	}
	dst = append(dst, varint.ToUvarint(uint64(n))...)
	for _, b := range body {
		dst = append(dst, b...)
	}
	return dst
}

// frame is the frame of the concatenated parts.
func frame(parts ...[]byte) []byte {
	n := varint.MaxLenUvarint63
	for _, p := range parts {
		n += len(p)
	}
	return appendFrame(make([]byte, 0, n), parts...)
}

// statusFrame is a response frame with a status other than ok and its message.
func statusFrame(s Status, msg string) []byte {
	if len(msg) > MaxMessage {
		msg = msg[:MaxMessage]
	}
	return frame([]byte{byte(s)}, []byte(msg))
}

// parseResponse splits a response frame into its status and payload. A non-ok status
// becomes a *RemoteError; an unknown status or an overlong message is ErrProtocol.
func parseResponse(body []byte) ([]byte, error) {
	if len(body) == 0 {
		return nil, fmt.Errorf("%w: empty response", ErrProtocol)
	}
	st, rest := Status(body[0]), body[1:]
	switch st {
	case StatusOK:
		return rest, nil
	case StatusNotFound, StatusRefused, StatusInvalid, StatusError:
		if len(rest) > MaxMessage {
			return nil, fmt.Errorf("%w: %s message of %d bytes", ErrProtocol, st, len(rest))
		}
		return nil, &RemoteError{Status: st, Message: printable(rest)}
	}
	return nil, fmt.Errorf("%w: unknown status %d", ErrProtocol, body[0])
}

// printable makes a peer's message safe to log and print: invalid UTF-8 and non-printable
// runes (escape sequences, newlines) become U+FFFD.
func printable(b []byte) string {
	var sb strings.Builder
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			r = utf8.RuneError
		}
		sb.WriteRune(r)
	}
	return sb.String()
}
