package demo

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// story prints the demo as it happens: scene headings and lines stamped with the time since
// the start on out, and what it is waiting for on progress.
type story struct {
	mu       sync.Mutex
	out      io.Writer
	progress io.Writer
	start    time.Time
}

func newStory(out, progress io.Writer) *story {
	return &story{out: out, progress: progress, start: time.Now()}
}

func (s *story) elapsed() string {
	return fmt.Sprintf("%5.1fs", time.Since(s.start).Seconds())
}

// heading starts a scene.
func (s *story) heading(title string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Fprintf(s.out, "\n== %s %s\n", title, strings.Repeat("=", max(3, 86-len(title))))
}

// say prints one line of the story.
func (s *story) say(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Fprintf(s.out, "%s  %s\n", s.elapsed(), fmt.Sprintf(format, args...))
}

// note prints an indented line without a time stamp (explanations, tables).
func (s *story) note(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Fprintf(s.out, "        %s\n", fmt.Sprintf(format, args...))
}

// raw prints text as it is.
func (s *story) raw(text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	io.WriteString(s.out, text)
}

// errTimeout is returned by wait when the condition does not hold in time.
type errTimeout struct {
	what  string
	after time.Duration
	state string
}

func (e *errTimeout) Error() string {
	msg := fmt.Sprintf("demo: %s: not done after %s", e.what, e.after.Round(time.Second))
	if e.state != "" {
		msg += " (" + e.state + ")"
	}
	return msg
}

// wait polls check until it reports done, printing what it waits for on the progress writer
// every few seconds; check's state says where things stand ("job is accepted"). Errors from
// check end the wait only when they persist to the timeout: the chain or a node may lag.
func (s *story) wait(ctx context.Context, what string, timeout time.Duration, check func(ctx context.Context) (done bool, state string, err error)) error {
	start := time.Now()
	deadline := start.Add(timeout)
	lastShown := start
	tick := time.NewTicker(150 * time.Millisecond)
	defer tick.Stop()
	var state string
	var lastErr error
	for {
		done, st, err := check(ctx)
		if err == nil && done {
			return nil
		}
		if st != "" {
			state = st
		}
		lastErr = err
		now := time.Now()
		if now.After(deadline) {
			if lastErr != nil && state == "" {
				state = lastErr.Error()
			}
			return &errTimeout{what: what, after: timeout, state: state}
		}
		if now.Sub(lastShown) >= 3*time.Second {
			lastShown = now
			s.waiting(what, now.Sub(start), state)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("demo: %s: %w", what, ctx.Err())
		case <-tick.C:
		}
	}
}

func (s *story) waiting(what string, d time.Duration, state string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	line := fmt.Sprintf("%s  ... waiting for %s (%s", s.elapsed(), what, d.Round(time.Second))
	if state != "" {
		line += "; " + state
	}
	fmt.Fprintln(s.progress, line+")")
}
