package executor

import (
	"errors"
	"io"
	"sync"
)

// ErrLogLimit is what a LogCapture's Write returns once the job's output passed the limit.
var ErrLogLimit = errors.New("executor: log limit exceeded")

// LogCapture collects a job's combined stdout and stderr: it counts the bytes, keeps the
// last tail bytes, and once more than limit bytes arrived it keeps nothing more, returns
// ErrLogLimit from Write and calls onExceed (once), so the executor can stop the job.
// Writing through Stdout and Stderr also keeps each stream's own tail: the order in which
// an engine delivers two streams to the combined log is not the program's, but each
// stream's bytes are exactly what the program wrote to it (a failure record quotes those).
// It is safe for concurrent use.
type LogCapture struct {
	mu       sync.Mutex
	limit    int64
	total    int64
	all      ring
	streams  [2]ring // stdout, stderr
	exceeded bool
	onExceed func()
}

// ring keeps the last len(buf) bytes written to it.
type ring struct {
	buf  []byte
	next int  // where the next byte goes
	full bool // buf has wrapped
}

func newRing(size int) ring { return ring{buf: make([]byte, max(size, 1))} }

func (r *ring) keep(p []byte) {
	if len(p) >= len(r.buf) {
		copy(r.buf, p[len(p)-len(r.buf):])
		r.next, r.full = 0, true
		return
	}
	k := copy(r.buf[r.next:], p)
	if k < len(p) {
		copy(r.buf, p[k:])
		r.full = true
	}
	r.next = (r.next + len(p)) % len(r.buf)
	if r.next == 0 && len(p) > 0 {
		r.full = true
	}
}

func (r *ring) bytes() []byte {
	if !r.full {
		return append([]byte(nil), r.buf[:r.next]...)
	}
	out := make([]byte, 0, len(r.buf))
	out = append(out, r.buf[r.next:]...)
	return append(out, r.buf[:r.next]...)
}

// NewLogCapture returns a capture that accepts limit bytes and keeps a tail of tail bytes
// (and of each stream). onExceed may be nil.
func NewLogCapture(limit int64, tail int, onExceed func()) *LogCapture {
	return &LogCapture{limit: limit, all: newRing(tail), streams: [2]ring{newRing(tail), newRing(tail)}, onExceed: onExceed}
}

// Write records p as output of neither stream in particular. Past the limit it records only
// up to the limit and fails.
func (c *LogCapture) Write(p []byte) (int, error) { return c.write(-1, p) }

// Stdout is a writer for the program's standard output: Write, also keeping StdoutTail.
func (c *LogCapture) Stdout() io.Writer { return streamWriter{c, 0} }

// Stderr is a writer for the program's standard error: Write, also keeping StderrTail.
func (c *LogCapture) Stderr() io.Writer { return streamWriter{c, 1} }

type streamWriter struct {
	c      *LogCapture
	stream int
}

func (w streamWriter) Write(p []byte) (int, error) { return w.c.write(w.stream, p) }

func (c *LogCapture) write(stream int, p []byte) (int, error) {
	c.mu.Lock()
	if c.exceeded {
		c.mu.Unlock()
		return 0, ErrLogLimit
	}
	n := len(p)
	room := c.limit - c.total
	over := int64(n) > room
	if over {
		p = p[:room]
		c.exceeded = true
	}
	c.total += int64(len(p))
	c.all.keep(p)
	if stream >= 0 {
		c.streams[stream].keep(p)
	}
	c.mu.Unlock()
	if over {
		if c.onExceed != nil {
			c.onExceed()
		}
		return len(p), ErrLogLimit
	}
	return n, nil
}

// Tail returns a copy of the last bytes written (at most the tail size).
func (c *LogCapture) Tail() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.all.bytes()
}

// StdoutTail returns a copy of the last bytes written through Stdout.
func (c *LogCapture) StdoutTail() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.streams[0].bytes()
}

// StderrTail returns a copy of the last bytes written through Stderr.
func (c *LogCapture) StderrTail() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.streams[1].bytes()
}

// Total is how many bytes were accepted.
func (c *LogCapture) Total() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.total
}

// Exceeded reports whether the job wrote more than the limit.
func (c *LogCapture) Exceeded() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.exceeded
}
