package explorer_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/brine-compute/brine/explorer"
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
	ix, err := index.New(ctx, index.Config{Chain: f.chain.Client, DB: db, Addresses: f.chain.Addr, ChainID: f.id, Span: 50})
	must(t, err)
	_, err = ix.Sync(ctx)
	must(t, err)
	times, err := explorer.NewTimes(explorer.TimesConfig{DB: db, Chain: f.chain.Client})
	must(t, err)
	must(t, times.CatchUp(ctx))
	srv, err := explorer.New(explorer.Config{DB: db, Addresses: f.chain.Addr, ChainID: f.id, CanaryClient: &f.canary})
	must(t, err)
	pg := httptest.NewServer(srv.Handler())
	t.Cleanup(pg.Close)

	var doc struct {
		Paths map[string]struct {
			Get struct {
				Parameters []struct {
					Name    string `json:"name"`
					In      string `json:"in"`
					Example string `json:"example"`
				} `json:"parameters"`
			} `json:"get"`
		} `json:"paths"`
	}
	get(t, f, "/openapi.json", 200, &doc)
	examples := map[string]string{"id": f.finalized.String(), "address": f.provider.Hex()}
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
	for path, item := range doc.Paths {
		paths := []string{explorer.ExamplePath(path, examples)}
		for _, p := range item.Get.Parameters {
			if p.In == "query" {
				paths = append(paths, explorer.ExamplePath(path, examples)+"?"+p.Name+"="+p.Example)
			}
		}
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
