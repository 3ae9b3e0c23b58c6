package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// A provider's node keeps why a job failed (its executor's words, a deadline it missed); the
// chain does not. The explorer asks the node once a job has ended and keeps the answer here
// (schema 3's failure_reasons), so a job's page asks no node twice. A rewind drops the reasons
// of the jobs it replays: on the new branch they may end otherwise, or with another provider.

// FailureReason is what provider's node said of a job, and whether it was asked (ok false: not
// yet, or it was another provider's node, which a reorg can leave behind).
func (db *DB) FailureReason(ctx context.Context, job string, provider common.Address) (reason string, ok bool, err error) {
	err = db.sql.QueryRowContext(ctx, db.q(`SELECT reason FROM failure_reasons WHERE job = ? AND provider = ?`), job, provider.Hex()).Scan(&reason)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", false, nil
	case err != nil:
		return "", false, fmt.Errorf("index: the failure reason of job %s: %w", job, err)
	}
	return reason, true, nil
}

// SetFailureReason keeps what provider's node said of an ended job ("" when it gave no reason).
func (db *DB) SetFailureReason(ctx context.Context, job string, provider common.Address, reason string) error {
	_, err := db.sql.ExecContext(ctx, db.q(`INSERT INTO failure_reasons (job, provider, reason) VALUES (?, ?, ?)
		ON CONFLICT (job) DO UPDATE SET provider = excluded.provider, reason = excluded.reason`), job, provider.Hex(), reason)
	if err != nil {
		return fmt.Errorf("index: keeping the failure reason of job %s: %w", job, err)
	}
	return nil
}
