package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	_ "modernc.org/sqlite"             // database/sql driver "sqlite", pure Go
)

// Dialect is the SQL database an index lives in.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// ErrNewerSchema is a database migrated by a newer binary than this one: its tables may mean
// something this binary does not know, so it is refused rather than written.
var ErrNewerSchema = errors.New("index: the database's schema is newer than this binary")

// migrations are the schema's versions in order: migrations[i] brings version i to i+1.
// Portable SQL only (BIGINT, INTEGER, TEXT; no AUTOINCREMENT, no SERIAL); amounts are TEXT
// decimals of base units, because SQLite's NUMERIC would round them through floats.
var migrations = []string{
	`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE index_cursor (id INTEGER PRIMARY KEY, block BIGINT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE logs (
	block BIGINT NOT NULL, log_index INTEGER NOT NULL, block_hash TEXT NOT NULL,
	tx_hash TEXT NOT NULL, tx_index INTEGER NOT NULL, address TEXT NOT NULL,
	topics TEXT NOT NULL, data TEXT NOT NULL, contract TEXT NOT NULL, event TEXT NOT NULL,
	PRIMARY KEY (block, log_index));
CREATE INDEX logs_event ON logs (event, block);
CREATE TABLE jobs (
	id TEXT PRIMARY KEY, client TEXT NOT NULL, provider TEXT NOT NULL,
	payment TEXT NOT NULL, bond TEXT NOT NULL, live INTEGER NOT NULL, status TEXT NOT NULL,
	posted_block BIGINT NOT NULL, last_block BIGINT NOT NULL);
CREATE INDEX jobs_client ON jobs (client);
CREATE INDEX jobs_provider ON jobs (provider);
CREATE TABLE books (
	block BIGINT NOT NULL, contract TEXT NOT NULL, holdings TEXT NOT NULL, owed TEXT NOT NULL,
	short INTEGER NOT NULL, lines TEXT NOT NULL,
	PRIMARY KEY (block, contract));
CREATE INDEX books_short ON books (short, block);`,
	// Version 2: what the explorer's reads need (read.go): a log's first and second indexed
	// argument (a job ID, a provider, an epoch) as expressions over the topics text (topic0
	// is characters 1-66, a comma, topic1 68-133, a comma, topic2 135-200), jobs by time and
	// filter, books by ledger, and the time of every block that has a log.
	`CREATE INDEX logs_topic1 ON logs (substr(topics, 68, 66), event, block, log_index);
CREATE INDEX logs_topic2 ON logs (event, substr(topics, 135, 66), block, log_index);
CREATE INDEX jobs_posted ON jobs (posted_block, id);
CREATE INDEX jobs_status_posted ON jobs (status, posted_block, id);
CREATE INDEX jobs_client_posted ON jobs (client, posted_block, id);
CREATE INDEX jobs_provider_posted ON jobs (provider, posted_block, id);
CREATE INDEX jobs_provider_status ON jobs (provider, status, posted_block, id);
CREATE INDEX jobs_client_status ON jobs (client, status, posted_block, id);
CREATE INDEX jobs_last ON jobs (last_block, provider);
CREATE INDEX books_contract ON books (contract, block);
CREATE TABLE block_times (block BIGINT PRIMARY KEY, hash TEXT NOT NULL, time BIGINT NOT NULL);
CREATE INDEX block_times_time ON block_times (time, block);`,
	// Version 3: each provider's running sums and jobs by status, kept by the writer in the
	// transaction that stores the events (providers.go), filled from the stored logs and jobs
	// when a database of version 2 is migrated (fills); and the failure reasons the explorer
	// fetched from providers' nodes (reasons.go).
	`CREATE TABLE provider_stats (
	provider TEXT PRIMARY KEY, earned TEXT NOT NULL, staked TEXT NOT NULL, unbonding TEXT NOT NULL,
	slashed TEXT NOT NULL, slashes BIGINT NOT NULL, events BIGINT NOT NULL);
CREATE TABLE provider_jobs (provider TEXT NOT NULL, status TEXT NOT NULL, jobs BIGINT NOT NULL, PRIMARY KEY (provider, status));
CREATE TABLE failure_reasons (job TEXT PRIMARY KEY, provider TEXT NOT NULL, reason TEXT NOT NULL);`,
}

// fills compute, in the migration's transaction, what a version's new tables hold of the
// history already stored (by the version they bring the schema to).
var fills = map[int]func(db *DB, ctx context.Context, tx *sql.Tx) error{
	3: (*DB).fillStats,
}

// SchemaVersion is the version this binary writes.
func SchemaVersion() int { return len(migrations) }

// DB is an open index database.
type DB struct {
	sql     *sql.DB
	dialect Dialect
}

// OpenConfig names the database: a SQLite file, or a PostgreSQL DSN.
type OpenConfig struct {
	Path string // SQLite file (created if absent)
	DSN  string // postgres://... (wins over Path)
}

// Check names a bad field and its fix.
func (c OpenConfig) Check() error {
	if c.Path == "" && c.DSN == "" {
		return errors.New("index: neither Path nor DSN: give a SQLite file or a PostgreSQL DSN")
	}
	if c.DSN != "" && !strings.HasPrefix(c.DSN, "postgres://") && !strings.HasPrefix(c.DSN, "postgresql://") {
		return fmt.Errorf("index: DSN %q is not a postgres:// URL", redactDSN(c.DSN))
	}
	return nil
}

// Open opens (creating if needed) the database and migrates it to SchemaVersion.
func Open(ctx context.Context, cfg OpenConfig) (*DB, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	var db *DB
	if cfg.DSN != "" {
		s, err := sql.Open("pgx", cfg.DSN)
		if err != nil {
			return nil, fmt.Errorf("index: %s: %w", redactDSN(cfg.DSN), err)
		}
		db = &DB{sql: s, dialect: Postgres}
	} else {
		// WAL lets readers (brine audit) read while the indexer writes; a busy timeout waits
		// for the writer instead of failing; full sync is not needed against kill -9 (the
		// OS keeps what a killed process wrote), only against power loss. For the backfill's
		// sake (docs/explorer.md, "Measured"): the statement journal (kept while a multi-row
		// INSERT may fail half-way) in memory rather than in a temporary file; a 64 MiB page
		// cache rather than 2 MiB, since the logs' four indexes take rows all over their
		// trees; and the write-ahead log checkpointed into the database every 64 MiB rather
		// than every 4 MiB, so a hot page is copied and synced once per checkpoint, not a few
		// dozen times. None of them changes what a commit makes durable.
		dsn := "file:" + cfg.Path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-65536)&_pragma=wal_autocheckpoint(16384)"
		s, err := sql.Open("sqlite", dsn)
		if err != nil {
			return nil, fmt.Errorf("index: %s: %w", cfg.Path, err)
		}
		s.SetMaxOpenConns(1) // one writer; SQLite serialises them anyway
		db = &DB{sql: s, dialect: SQLite}
	}
	if err := db.sql.PingContext(ctx); err != nil {
		db.sql.Close()
		return nil, fmt.Errorf("index: opening the database: %w", err)
	}
	if err := db.migrate(ctx); err != nil {
		db.sql.Close()
		return nil, err
	}
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error { return db.sql.Close() }

// Dialect is the database's kind.
func (db *DB) Dialect() Dialect { return db.dialect }

// Version reads the schema version (0: an empty database).
func (db *DB) Version(ctx context.Context) (int, error) {
	var exists int
	q := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'`
	if db.dialect == Postgres {
		q = `SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'schema_version'`
	}
	if err := db.sql.QueryRowContext(ctx, q).Scan(&exists); err != nil {
		return 0, fmt.Errorf("index: reading the schema version: %w", err)
	}
	if exists == 0 {
		return 0, nil
	}
	var v int
	if err := db.sql.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return 0, nil
		}
		return 0, fmt.Errorf("index: reading the schema version: %w", err)
	}
	return v, nil
}

func (db *DB) migrate(ctx context.Context) error {
	v, err := db.Version(ctx)
	if err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("%w: it is at version %d, this binary knows up to %d: use a newer brine, or another database", ErrNewerSchema, v, len(migrations))
	}
	for ; v < len(migrations); v++ {
		tx, err := db.sql.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("index: migrating: %w", err)
		}
		if v == 0 {
			if _, err := tx.ExecContext(ctx, `CREATE TABLE schema_version (version INTEGER NOT NULL)`); err != nil {
				tx.Rollback()
				return fmt.Errorf("index: migrating to version 1: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (0)`); err != nil {
				tx.Rollback()
				return fmt.Errorf("index: migrating to version 1: %w", err)
			}
		}
		for _, stmt := range strings.Split(migrations[v], ";") {
			if strings.TrimSpace(stmt) == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				tx.Rollback()
				return fmt.Errorf("index: migrating to version %d: %w", v+1, err)
			}
		}
		if fill := fills[v+1]; fill != nil {
			if err := fill(db, ctx, tx); err != nil {
				tx.Rollback()
				return fmt.Errorf("index: migrating to version %d: %w", v+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = `+strconv.Itoa(v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("index: migrating to version %d: %w", v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("index: migrating to version %d: %w", v+1, err)
		}
	}
	return nil
}

// q rewrites a query written with ? placeholders for the database's driver.
func (db *DB) q(query string) string {
	if db.dialect != Postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// redactDSN hides a DSN's password in messages.
func redactDSN(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	creds := dsn[scheme+3 : at]
	if i := strings.Index(creds, ":"); i >= 0 {
		return dsn[:scheme+3] + creds[:i] + ":***" + dsn[at:]
	}
	return dsn
}
