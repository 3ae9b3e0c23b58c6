package testpg_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/brine-compute/brine/internal/testharness/testpg"
)

// TestDatabasesAreTheTestsOwn: two databases are distinct and empty, a table made in one is
// not in the other, and each is gone after its test.
func TestDatabasesAreTheTestsOwn(t *testing.T) {
	// The parent's own first: it skips (or fails in CI) the whole test when there is no server.
	admin, err := sql.Open("pgx", testpg.Database(t))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var names []string
	for i := 0; i < 2; i++ {
		t.Run("db", func(t *testing.T) {
			db, err := sql.Open("pgx", testpg.Database(t))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			ctx := context.Background()
			var name string
			var tables int
			if err := db.QueryRowContext(ctx, `SELECT current_database(), (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public')`).Scan(&name, &tables); err != nil {
				t.Fatal(err)
			}
			if tables != 0 {
				t.Fatalf("database %s is not empty: %d tables", name, tables)
			}
			if _, err := db.ExecContext(ctx, `CREATE TABLE mine (x INTEGER)`); err != nil {
				t.Fatal(err)
			}
			names = append(names, name)
		})
	}
	if len(names) != 2 || names[0] == names[1] {
		t.Fatalf("databases %v, want two distinct", names)
	}
	for _, n := range names {
		var left int
		if err := admin.QueryRow(`SELECT COUNT(*) FROM pg_database WHERE datname = $1`, n).Scan(&left); err != nil {
			t.Fatal(err)
		}
		if left != 0 {
			t.Errorf("database %s is still there after its test", n)
		}
	}
}
