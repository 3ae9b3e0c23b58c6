package executor

import (
	"errors"
	"sync"
)

// ErrLogLimit is what a LogCapture's Write returns once the job's output passed the limit.
var ErrLogLimit = errors.New("executor: log limit exceeded")

// LogCapture collects a job's combined stdout and stderr: it counts the bytes, keeps the
// last tail bytes, and once more than limit bytes arrived it keeps nothing more, returns
// ErrLogLimit from Write and calls onExceed (once), so the executor can stop the job.
// It is safe for concurrent use.
type LogCapture struct {
	mu       sync.Mutex
	limit    int64
	total    int64
	ring     []byte // circular buffer of the tail
	next     int    // where the next byte goes in ring
	full     bool   // ring has wrapped
	exceeded bool
	onExceed func()
}

// NewLogCapture returns a capture that accepts limit bytes and keeps a tail of tail bytes.
// onExceed may be nil.
func NewLogCapture(limit int64, tail int, onExceed func()) *LogCapture {
	return &LogCapture{limit: limit, ring: make([]byte, max(tail, 1)), onExceed: onExceed}
}

// Write records p. Past the limit it records only up to the limit and fails.
func (c *LogCapture) Write(p []byte) (int, error) {
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
	c.keep(p)
	c.mu.Unlock()
	if over {
		if c.onExceed != nil {
			c.onExceed()
		}
		return len(p), ErrLogLimit
	}
	return n, nil
}

func (c *LogCapture) keep(p []byte) {
	if len(p) >= len(c.ring) {
		copy(c.ring, p[len(p)-len(c.ring):])
		c.next, c.full = 0, true
		return
	}
	k := copy(c.ring[c.next:], p)
	if k < len(p) {
		copy(c.ring, p[k:])
		c.full = true
	}
	c.next = (c.next + len(p)) % len(c.ring)
	if c.next == 0 && len(p) > 0 {
		c.full = true
	}
}

// Tail returns a copy of the last bytes written (at most the tail size).
func (c *LogCapture) Tail() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.full {
		return append([]byte(nil), c.ring[:c.next]...)
	}
	out := make([]byte, 0, len(c.ring))
	out = append(out, c.ring[c.next:]...)
	return append(out, c.ring[:c.next]...)
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
