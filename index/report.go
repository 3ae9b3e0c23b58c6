package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/audit/events"
	"github.com/brine-compute/brine/deploy"
)

// Status is what the index holds.
type Status struct {
	Cursor   Cursor `json:"cursor"`
	Indexed  bool   `json:"indexed"` // a cursor is set
	Logs     int64  `json:"logs"`
	Jobs     int64  `json:"jobs"`
	LiveJobs int64  `json:"liveJobs"`
	// Ledgers are the books as of the cursor, from events alone (no cross-check with state).
	Ledgers []audit.Ledger `json:"ledgers"`
	// FirstBreak is the first block after which a contract held less than it owed (nil: none).
	FirstBreak *Break `json:"firstBreak,omitempty"`
}

// Break is the first block where the books did not hold.
type Break struct {
	Block   uint64         `json:"block"`
	Ledgers []audit.Ledger `json:"ledgers"` // the ledgers short after that block
	Events  []events.Event `json:"events"`  // the events of that block and the few before it
}

// EventsAround is how many events before a break's block Break.Events shows besides its own.
const EventsAround = 10

// Status reads the index's state for the deployment.
func (db *DB) Status(ctx context.Context, addrs deploy.Addresses) (*Status, error) {
	st := &Status{}
	var err error
	if st.Cursor, err = db.Cursor(ctx); err != nil {
		return nil, err
	}
	st.Indexed = st.Cursor.Set
	for _, c := range []struct {
		q   string
		dst *int64
	}{{`SELECT COUNT(*) FROM logs`, &st.Logs}, {`SELECT COUNT(*) FROM jobs`, &st.Jobs}, {`SELECT COUNT(*) FROM jobs WHERE live = 1`, &st.LiveJobs}} {
		if err := db.sql.QueryRowContext(ctx, c.q).Scan(c.dst); err != nil {
			return nil, fmt.Errorf("index: counting: %w", err)
		}
	}
	bk, err := newBooks(addrs)
	if err != nil {
		return nil, err
	}
	if err := db.loadBooks(ctx, bk); err != nil {
		return nil, err
	}
	st.Ledgers = bk.ledgers[:]
	if st.FirstBreak, err = db.FirstBreak(ctx, addrs); err != nil {
		return nil, err
	}
	return st, nil
}

// FirstBreak finds the first block after which a contract held less than it owed, with the
// short ledgers and the events around it (nil: the books held at every block).
func (db *DB) FirstBreak(ctx context.Context, addrs deploy.Addresses) (*Break, error) {
	var block sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT MIN(block) FROM books WHERE short = 1`).Scan(&block); err != nil {
		return nil, fmt.Errorf("index: reading the books: %w", err)
	}
	if !block.Valid {
		return nil, nil
	}
	br := &Break{Block: uint64(block.Int64)}
	bk, err := newBooks(addrs)
	if err != nil {
		return nil, err
	}
	for i := range bk.ledgers {
		var holdings, lines string
		err := db.sql.QueryRowContext(ctx, db.q(`SELECT holdings, lines FROM books WHERE contract = ? AND block = ? AND short = 1`), bk.ledgers[i].Contract, br.Block).Scan(&holdings, &lines)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("index: reading the books: %w", err)
		}
		if err := parseLedger(&bk.ledgers[i], holdings, lines); err != nil {
			return nil, err
		}
		br.Ledgers = append(br.Ledgers, bk.ledgers[i])
	}
	if br.Events, err = db.eventsBefore(ctx, addrs, br.Block, EventsAround); err != nil {
		return nil, err
	}
	return br, nil
}

// eventsBefore decodes the events of block `at` and the `before` events preceding it.
func (db *DB) eventsBefore(ctx context.Context, addrs deploy.Addresses, at uint64, before int) ([]events.Event, error) {
	var from int64
	err := db.sql.QueryRowContext(ctx, db.q(`SELECT COALESCE(MIN(block), ?) FROM (SELECT block FROM logs WHERE block < ? ORDER BY block DESC, log_index DESC LIMIT `+fmt.Sprint(before)+`) AS earlier`), at, at).Scan(&from)
	if err != nil {
		return nil, fmt.Errorf("index: reading events: %w", err)
	}
	logs, err := db.Logs(ctx, nil, uint64(from), at)
	if err != nil {
		return nil, err
	}
	dec, err := events.NewDecoder(addrs)
	if err != nil {
		return nil, err
	}
	tok := transferTopic()
	var out []events.Event
	for i := range logs {
		l := &logs[i]
		if l.Address == addrs.Token && len(l.Topics) == 3 && l.Topics[0] == tok {
			out = append(out, events.Event{Block: l.BlockNumber, TxHash: l.TxHash, LogIndex: l.Index, Contract: "Token", Address: l.Address, Name: "Transfer",
				Args: []events.Arg{{Name: "from", Value: common.BytesToAddress(l.Topics[1].Bytes()).Hex()}, {Name: "to", Value: common.BytesToAddress(l.Topics[2].Bytes()).Hex()},
					{Name: "value", Value: new(big.Int).SetBytes(l.Data).String()}}})
			continue
		}
		out = append(out, dec.Decode(l))
	}
	if len(out) > before+64 { // a block with very many events: its own, and the few before
		out = out[len(out)-before-64:]
	}
	return out, nil
}
