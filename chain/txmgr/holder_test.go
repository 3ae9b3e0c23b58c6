package txmgr

import (
	"errors"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// A journal another process holds (a running `brine node run` for the same account) used to
// fail with bbolt's bare "timeout". It now says which process holds it, and the side file that
// says so goes away with its holder.
func TestJournalBusySaysWho(t *testing.T) {
	path := journalIn(t)
	chainID, from := big.NewInt(1337), common.Address{1}
	first, err := openJournal(path, chainID, from)
	if err != nil {
		t.Fatal(err)
	}
	_, err = openJournal(path, chainID, from)
	var busy *JournalBusyError
	if !errors.Is(err, ErrJournalBusy) || !errors.As(err, &busy) {
		t.Fatalf("second open: %v; want ErrJournalBusy", err)
	}
	if busy.PID != os.Getpid() || busy.Path != path || !strings.Contains(err.Error(), "held by process") {
		t.Errorf("busy error %+v (%v); want this process named as the holder of %s", busy, err, path)
	}
	if err := first.close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(holderPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the holder file outlives its holder: %v", err)
	}
	again, err := openJournal(path, chainID, from)
	if err != nil {
		t.Fatalf("open after the holder closed: %v", err)
	}
	_ = again.close()

	// A holder file left by a killed process does not name it.
	if err := os.WriteFile(holderPath(path), []byte(`{"pid":999999999,"command":"brine node run"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if e := busyError(path); e.PID != 0 || strings.Contains(e.Error(), "999999999") {
		t.Errorf("a dead holder is named: %v", e)
	}
}
