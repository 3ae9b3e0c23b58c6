package main_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/brine-compute/brine/internal/testharness"
)

// TestExplorer: `brine explorer` on a devnet indexes it (the same database `brine index`
// writes), serves the pages and the JSON on the port it prints, refuses a write, and stops
// with exit 0 on Ctrl-C.
func TestExplorer(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "2")
	n.ok(t, "--account", n.info.Accounts[1], "provider", "stake", "50")
	p := n.startProc(t, "explorer", nil, `Explorer at http://(\S+)/`, "explorer", "--listen", "127.0.0.1:0")
	var addr string
	p.mu.Lock()
	for _, l := range p.lines {
		if i := strings.Index(l, "Explorer at http://"); i >= 0 {
			addr = strings.Fields(l[i+len("Explorer at http://"):])[0]
			addr = strings.TrimSuffix(addr, "/")
		}
	}
	p.mu.Unlock()
	if addr == "" {
		t.Fatal("no address printed")
	}
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	var books struct {
		Cursor struct {
			Block uint64 `json:"block"`
		} `json:"cursor"`
		Ledgers []struct {
			Contract string `json:"contract"`
		} `json:"ledgers"`
		FirstBreak any `json:"firstBreak"`
	}
	testharness.Eventually(t, time.Minute, func() bool {
		code, body := get("/api/books")
		return code == 200 && json.Unmarshal([]byte(body), &books) == nil && books.Cursor.Block > 0
	}, "the explorer indexed nothing")
	if len(books.Ledgers) != 3 || books.FirstBreak != nil {
		t.Errorf("books: %+v", books)
	}
	for _, path := range []string{"/", "/providers", "/books", "/openapi.json"} {
		if code, _ := get(path); code != 200 {
			t.Errorf("GET %s: %d", path, code)
		}
	}
	testharness.Eventually(t, time.Minute, func() bool {
		code, body := get("/api/providers/" + n.info.Accounts[1])
		return code == 200 && strings.Contains(body, `"staked": "50000000000000000000"`)
	}, "the staked provider's page does not show its 50 tokens")
	resp, err := http.Post("http://"+addr+"/api/jobs", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /api/jobs: %d", resp.StatusCode)
	}
	p.interrupt(t)
}
