package explorer_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/brine-compute/brine/explorer"
	"github.com/brine-compute/brine/index"
)

// pagePaths are every page, with the story's IDs.
func pagePaths(f *fixture) []string {
	return []string{"/", "/jobs", "/jobs/" + f.challenged.String(), "/jobs/" + f.finalized.String(), "/providers", "/providers/" + f.provider.Hex(),
		"/challenges", "/uptime", "/canaries", "/books"}
}

func do(t *testing.T, f *fixture, method, path string, body io.Reader) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, f.http.URL+path, body)
	must(t, err)
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	must(t, err)
	return resp, string(b)
}

func checkHeaders(t *testing.T, path string, resp *http.Response) {
	t.Helper()
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("%s: CSP %q", path, csp)
	}
	for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"} {
		if resp.Header.Get(k) != v {
			t.Errorf("%s: %s %q, want %q", path, k, resp.Header.Get(k), v)
		}
	}
}

// TestRefusesWhatAReadOnlyServerMust attacks the guard: other methods, bodies, long targets,
// unknown, repeated and malformed parameters, injection and markup in parameters.
func TestRefusesWhatAReadOnlyServerMust(t *testing.T) {
	f := storyFixture(t)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"} {
		resp, _ := do(t, f, m, "/api/jobs", nil)
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /api/jobs: %d, Allow %q", m, resp.StatusCode, resp.Header.Get("Allow"))
		}
		checkHeaders(t, m, resp)
	}
	if resp, body := do(t, f, "HEAD", "/api/jobs", nil); resp.StatusCode != 200 || body != "" {
		t.Errorf("HEAD /api/jobs: %d %q", resp.StatusCode, body)
	}
	if resp, _ := do(t, f, "GET", "/api/jobs", strings.NewReader(strings.Repeat("x", 1<<20))); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("GET with a 1 MiB body: %d", resp.StatusCode)
	}
	if resp, _ := do(t, f, "GET", "/api/jobs?client="+strings.Repeat("a", explorer.MaxURLBytes), nil); resp.StatusCode != http.StatusRequestURITooLong {
		t.Errorf("a long target: %d", resp.StatusCode)
	}

	for _, c := range []struct{ path, param string }{
		{"/api/jobs?limit=0", "limit"},
		{"/api/jobs?limit=101", "limit"},
		{"/api/jobs?limit=-1", "limit"},
		{"/api/jobs?limit=1e3", "limit"},
		{"/api/jobs?limit=1&limit=2", "limit"},
		{"/api/jobs?status=done", "status"},
		{"/api/jobs?status=finalized'%20OR%20'1'='1", "status"},
		{"/api/jobs?client=0x12", "client"},
		{"/api/jobs?provider=0xZZ00000000000000000000000000000000000000", "provider"},
		{"/api/jobs?cursor=1-1%20OR%201=1", "cursor"},
		{"/api/jobs?cursor=" + strings.Repeat("9", 30) + "-1", "cursor"},
		{"/api/jobs?since=yesterday", "since"},
		{"/api/jobs?since=2000&until=1000", "until"},
		{"/api/jobs?stauts=finalized", "stauts"},
		{"/api/jobs?limit=1;status=open", ";"},
		{"/api/jobs?status=" + strings.Repeat("a", explorer.MaxParamBytes+1), "status"},
		{"/api/jobs/abc", "id"},
		{"/api/jobs/1e9", "id"},
		{"/api/jobs/" + strings.Repeat("9", 79), "id"},
		{"/api/providers/0x1234", "address"},
		{"/api/providers?after=-5", "after"},
		{"/api/challenges?before=x", "before"},
		{"/api/epochs?limit=1000", "limit"},
		{"/api/claims?limit=1001", "limit"},
		{"/api/totals?hours=721", "hours"},
		{"/api/totals?step=59", "step"},
		{"/api/totals?hours=720&step=60", "step"},
		{"/api/status?x=1", "x"},
		{"/api/books?limit=1", "limit"},
		{"/openapi.json?x=1", "x"},
	} {
		resp, body := do(t, f, "GET", c.path, nil)
		var e struct {
			Error     string `json:"error"`
			Parameter string `json:"parameter"`
		}
		if resp.StatusCode != 400 || json.Unmarshal([]byte(body), &e) != nil || e.Parameter != c.param || !strings.Contains(e.Error, c.param) {
			t.Errorf("GET %s: %d %s; want 400 naming %q", c.path, resp.StatusCode, body, c.param)
		}
		checkHeaders(t, c.path, resp)
	}

	// Markup in a parameter comes back escaped on a page, never as markup.
	resp, body := do(t, f, "GET", "/jobs?client=%3Cscript%3Ealert(1)%3C/script%3E", nil)
	if resp.StatusCode != 400 || strings.Contains(body, "<script>") || !strings.Contains(body, "&lt;script&gt;") {
		t.Errorf("markup in a page's parameter: %d %s", resp.StatusCode, body)
	}
	// A page of the hard limit is the most one request reads.
	var p explorer.JobPage
	get(t, f, "/api/jobs?limit=100", 200, &p)
	if len(p.Jobs) > 100 {
		t.Errorf("%d jobs on a page", len(p.Jobs))
	}
}

// TestPagesAreSelfContained: every page answers 200 with the headers, has no script, loads
// nothing from elsewhere, and links to the JSON it shows (which answers 200).
func TestPagesAreSelfContained(t *testing.T) {
	f := storyFixture(t)
	external := regexp.MustCompile(`(?i)(src|href)\s*=\s*"(https?:)?//`)
	jsonLink := regexp.MustCompile(`id="json-link" href="([^"]+)"`)
	for _, path := range pagePaths(f) {
		resp, body := do(t, f, "GET", path, nil)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
			continue
		}
		checkHeaders(t, path, resp)
		if strings.Contains(strings.ToLower(body), "<script") {
			t.Errorf("%s has a script", path)
		}
		if m := external.FindString(body); m != "" {
			t.Errorf("%s loads from elsewhere: %s", path, m)
		}
		m := jsonLink.FindStringSubmatch(body)
		if m == nil {
			t.Errorf("%s links to no JSON", path)
			continue
		}
		get(t, f, strings.ReplaceAll(m[1], "&amp;", "&"), 200, nil)
	}
	if resp, _ := do(t, f, "GET", "/nowhere", nil); resp.StatusCode != 404 {
		t.Errorf("/nowhere: %d", resp.StatusCode)
	} else {
		checkHeaders(t, "/nowhere", resp)
	}
}

// TestCutsOffSlowHeaders: a client that sends its headers slower than the header timeout
// (slowloris) is disconnected, not waited for.
func TestCutsOffSlowHeaders(t *testing.T) {
	f := storyFixture(t)
	srv, err := explorer.New(explorer.Config{DB: f.db, Addresses: f.chain.Addr, ChainID: f.chainID(t), Listen: "127.0.0.1:0", HeaderTimeout: 300 * time.Millisecond})
	must(t, err)
	must(t, srv.Start(context.Background()))
	defer srv.Stop(context.Background())
	conn, err := net.Dial("tcp", srv.Addr())
	must(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("GET /api/jobs HTTP/1.1\r\nHost: x\r\n"))
	must(t, err)
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	start := time.Now()
	line, err := bufio.NewReader(conn).ReadString('\n')
	// The server closes the connection (perhaps after a 408): either way not after 10 s.
	if time.Since(start) > 5*time.Second {
		t.Fatalf("a slow client held the connection %s (read %q, %v)", time.Since(start), line, err)
	}
}

// TestAnEmptyIndexServes: before anything is indexed (no jobs, no block times, no books),
// every page and every JSON route answers, and IDs are 404.
func TestAnEmptyIndexServes(t *testing.T) {
	f := storyFixture(t)
	db, err := index.Open(context.Background(), index.OpenConfig{Path: filepath.Join(t.TempDir(), "empty.db")})
	must(t, err)
	defer db.Close()
	srv, err := explorer.New(explorer.Config{DB: db, Addresses: f.chain.Addr, ChainID: f.chainID(t)})
	must(t, err)
	for _, path := range append(pagePaths(f), "/api/status", "/api/jobs", "/api/providers", "/api/challenges", "/api/epochs", "/api/claims", "/api/books", "/api/totals", "/api/canaries", "/openapi.json") {
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		want := 200
		if strings.HasPrefix(path, "/jobs/") || strings.HasPrefix(path, "/providers/") {
			want = 404
		}
		if rec.Code != want {
			t.Errorf("GET %s on an empty index: %d %s, want %d", path, rec.Code, rec.Body.String(), want)
		}
	}
}
