package explorer_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/internal/testharness/testpg"
)

// TestAPIOnPostgres indexes the story's chain into PostgreSQL and asks a server over it every
// documented route, with the same examples as TestOpenAPIDocumentsEveryRoute: each answer is
// byte for byte the SQLite server's. The read queries are written once for both databases;
// this is what shows they mean the same on both.
func TestAPIOnPostgres(t *testing.T) {
	f := storyFixture(t)
	ctx := context.Background()
	db, err := index.Open(ctx, index.OpenConfig{DSN: testpg.Database(t)})
	must(t, err)
	t.Cleanup(func() { db.Close() })
	srv, err := f.indexAndServe(ctx, db)
	must(t, err)
	pg := httptest.NewServer(srv.Handler())
	t.Cleanup(pg.Close)

	var doc openAPIDoc
	get(t, f, "/openapi.json", 200, &doc)
	fetch := func(base, path string) []byte {
		t.Helper()
		resp, err := http.Get(base + path)
		must(t, err)
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		must(t, err)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s on %s: %d %s", path, base, resp.StatusCode, body)
		}
		return body
	}
	asked := 0
	for _, paths := range doc.examplePaths(f) {
		for _, p := range paths {
			lite, post := fetch(f.http.URL, p), fetch(pg.URL, p)
			if !bytes.Equal(lite, post) {
				t.Errorf("GET %s differs:\nSQLite:     %s\nPostgreSQL: %s", p, lite, post)
			}
			asked++
		}
	}
	if asked < 12 {
		t.Fatalf("asked %d paths", asked)
	}
}
