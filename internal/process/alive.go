package process

import (
	"errors"
	"os"
	"syscall"
)

// Alive reports whether process pid exists, and whether that could be known at all: signal 0
// checks without touching the process, and a process of another user answers EPERM (it exists).
// Any other answer leaves it unknown, and callers must not act on a guess.
func Alive(pid int) (alive, known bool) {
	if pid <= 0 {
		return false, false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false, false
	}
	switch err := p.Signal(syscall.Signal(0)); {
	case err == nil, errors.Is(err, syscall.EPERM):
		return true, true
	case errors.Is(err, os.ErrProcessDone), errors.Is(err, syscall.ESRCH):
		return false, true
	}
	return false, false
}
