package claimer

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/internal/atomicfile"
)

// Claim record states.
const (
	recordSending = "sending" // written before the claim transaction is sent
	recordClaimed = "claimed" // the bitmap is set
	recordNone    = "none"    // the reporter's tree has no leaf for this account
)

type recordEntry struct {
	State  string    `json:"state"`
	Amount string    `json:"amount,omitempty"`
	At     time.Time `json:"at"`
}

// record is the persisted record of settled (epoch, reporter) roots, a JSON file replaced
// atomically.
type record struct {
	path string
	mu   sync.Mutex
	m    map[string]recordEntry
}

func openRecord(path string) (*record, error) {
	r := &record{path: path, m: map[string]recordEntry{}}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return r, nil
	case err != nil:
		return nil, fmt.Errorf("claimer: claim record: %w", err)
	}
	if err := json.Unmarshal(data, &r.m); err != nil {
		return nil, fmt.Errorf("claimer: claim record %s: %w", path, err)
	}
	return r, nil
}

func parseKey(s string) (Key, bool) {
	e, rep, ok := strings.Cut(s, "/")
	n, err := strconv.ParseUint(e, 10, 64)
	if !ok || err != nil || !common.IsHexAddress(rep) {
		return Key{}, false
	}
	return Key{n, common.HexToAddress(rep)}, true
}

func (r *record) state(k Key) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.m[k.String()].State
}

func (r *record) set(k Key, state string, amount *big.Int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e := r.m[k.String()]
	e.State, e.At = state, time.Now().UTC()
	if amount != nil {
		e.Amount = amount.String()
	}
	r.m[k.String()] = e
}

func (r *record) drop(k Key) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.m, k.String())
}

func (r *record) sending() map[Key]bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[Key]bool{}
	for s, e := range r.m {
		if k, ok := parseKey(s); ok && e.State == recordSending {
			out[k] = true
		}
	}
	return out
}

// prune forgets epochs before from: their claim window has closed.
func (r *record) prune(from uint64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for s := range r.m {
		if k, ok := parseKey(s); !ok || k.Epoch < from {
			delete(r.m, s)
		}
	}
}

func (r *record) save() error {
	r.mu.Lock()
	data, err := json.MarshalIndent(r.m, "", "  ")
	r.mu.Unlock()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(r.path), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(r.path, data, 0o600)
}
