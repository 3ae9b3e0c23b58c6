package txmgr

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/brine-compute/brine/internal/process"
)

// ErrJournalBusy: another process holds the account's transaction journal. Every transaction
// of one account goes through one manager, so a second process sending from the same account
// and data directory must wait for the first or use another account.
var ErrJournalBusy = errors.New("txmgr: another process holds this account's transaction journal")

// JournalBusyError is ErrJournalBusy with the journal and, when it can be known, the process
// that holds it.
type JournalBusyError struct {
	Path string
	// PID and Command of the holder (0 and "" when it cannot be known: a process of an older
	// version, or one on another machine sharing the directory).
	PID     int
	Command string
	Since   time.Time
}

func (e *JournalBusyError) Error() string {
	who := "another process"
	if e.PID > 0 {
		who = fmt.Sprintf("process %d (%s, since %s)", e.PID, e.Command, e.Since.Format(time.RFC3339))
	}
	return fmt.Sprintf("the transaction journal %s is held by %s: an account's transactions go through one process at a time", e.Path, who)
}

// Is matches ErrJournalBusy.
func (e *JournalBusyError) Is(target error) bool { return target == ErrJournalBusy }

// holder is the side file that names the process holding a journal: <journal>.holder.
type holder struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`
	Since   time.Time `json:"since"`
}

func holderPath(journal string) string { return journal + ".holder" }

// writeHolder names this process as the journal's holder (best effort: it only improves the
// message another process shows).
func writeHolder(journal string) {
	cmd := filepath.Base(os.Args[0])
	if len(os.Args) > 1 {
		cmd += " " + strings.Join(os.Args[1:], " ")
	}
	if len(cmd) > 200 {
		cmd = cmd[:200] + "…"
	}
	b, err := json.Marshal(holder{PID: os.Getpid(), Command: cmd, Since: time.Now().UTC().Truncate(time.Second)})
	if err != nil {
		return
	}
	_ = os.WriteFile(holderPath(journal), b, 0o600)
}

// removeHolder removes the side file when it still names this process.
func removeHolder(journal string) {
	if h, ok := readHolder(journal); ok && h.PID == os.Getpid() {
		_ = os.Remove(holderPath(journal))
	}
}

func readHolder(journal string) (holder, bool) {
	b, err := os.ReadFile(holderPath(journal))
	if err != nil {
		return holder{}, false
	}
	var h holder
	if json.Unmarshal(b, &h) != nil || h.PID <= 0 {
		return holder{}, false
	}
	return h, true
}

// busyError describes the lock on journal: its holder when the side file names a live process.
func busyError(journal string) *JournalBusyError {
	e := &JournalBusyError{Path: journal}
	if h, ok := readHolder(journal); ok {
		if alive, _ := process.Alive(h.PID); alive {
			e.PID, e.Command, e.Since = h.PID, h.Command, h.Since
		}
	}
	return e
}
