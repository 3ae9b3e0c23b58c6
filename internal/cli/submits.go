package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/internal/atomicfile"
	"github.com/brine-compute/brine/settlement"
)

// submitRecord is what `brine job submit` keeps while a submission is unfinished, in
// <datadir>/client/submits/<account>-<spec hash>.json: written before the post, given the job
// ID as soon as the post is mined, removed when the command ends with the submission
// complete. A re-run of an interrupted submission (Ctrl-C, a crash, a lost connection) finds
// it and follows the job the first run posted instead of paying for another.
type submitRecord struct {
	Account  common.Address `json:"account"`
	SpecHash common.Hash    `json:"specHash"`
	// Job is the posted job's ID (0: the post was not seen mined).
	Job settlement.JobID `json:"job,omitempty"`
	// Block is a block at or before the post: a follower counts events from there.
	Block   uint64    `json:"block"`
	Started time.Time `json:"started"`
	// Output and Fetched: the result, verified, was written into Output (--wait --output).
	Output  string `json:"output,omitempty"`
	Fetched string `json:"fetched,omitempty"`

	path string
}

func submitPath(dataDir string, account common.Address, hash common.Hash) string {
	return filepath.Join(dataDir, "client", "submits", strings.ToLower(account.Hex())+"-"+hash.Hex()+".json")
}

// loadSubmit reads the record of an unfinished submission of hash by account (nil when there
// is none).
func loadSubmit(dataDir string, account common.Address, hash common.Hash) (*submitRecord, error) {
	path := submitPath(dataDir, account, hash)
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var r submitRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("the record of an unfinished submission %s is unreadable (%v): remove it to post again", path, err)
	}
	r.path = path
	return &r, nil
}

// newSubmit starts the record of a submission of hash by account from block.
func newSubmit(dataDir string, account common.Address, hash common.Hash, block uint64, now time.Time) *submitRecord {
	return &submitRecord{Account: account, SpecHash: hash, Block: block, Started: now.UTC(),
		path: submitPath(dataDir, account, hash)}
}

// save writes the record durably before the step it announces.
func (r *submitRecord) save() error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(r.path), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(r.path, append(b, '\n'), 0o600)
}

// finish removes the record: the submission is complete.
func (r *submitRecord) finish() error {
	if err := os.Remove(r.path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// sameDir reports whether two paths name the same directory.
func sameDir(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}
