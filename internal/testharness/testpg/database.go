package testpg

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"

	"github.com/brine-compute/brine/internal/testharness"
)

// DSNEnv names the PostgreSQL server the tests use, as a postgres:// URL of a role that may
// create databases (any database of it: the test's own are created beside it).
const DSNEnv = "BRINE_INDEX_TEST_POSTGRES_DSN"

// Database creates an empty database for t in the server DSNEnv names and returns its DSN;
// the database is dropped (connections and all) when t ends. Without the variable, or when
// the server does not answer, t is skipped (failed in CI).
func Database(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(DSNEnv)
	if dsn == "" {
		testharness.SkipOrFail(t, "%s is unset: run `make test` (it starts a PostgreSQL cluster), or set it to a postgres:// URL", DSNEnv)
	}
	u, err := url.Parse(dsn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s is not a postgres:// URL (%v): fix it or unset it", DSNEnv, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatalf("%s: %v", DSNEnv, err)
	}
	defer admin.Close()
	if err := admin.PingContext(ctx); err != nil {
		testharness.SkipOrFail(t, "PostgreSQL (%s) does not answer: %v; `make postgres` starts the project's cluster", DSNEnv, err)
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	// A name of lowercase letters, digits and underscores needs no quoting.
	name := "brine_test_" + hex.EncodeToString(b[:])
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("creating the test database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		admin, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Errorf("dropping the test database %s: %v", name, err)
			return
		}
		defer admin.Close()
		if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("dropping the test database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}
