package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/brine-compute/brine/sim"
)

func start(t *testing.T, mutate func(*Config)) (*Server, string) {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Listen = "127.0.0.1:0"
	cfg.Sim.Jobs = 40
	cfg.Sim.Wave = 10
	cfg.Sim.Providers = 12
	cfg.Round = 50 * time.Millisecond
	cfg.JoinRate = 100
	if mutate != nil {
		mutate(&cfg)
	}
	ctx := context.Background()
	s, err := New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := s.Stop(ctx); err != nil {
			t.Error(err)
		}
	})
	return s, "http://" + s.Addr()
}

func do(t *testing.T, method, url, token, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func register(t *testing.T, base, role string) Registered {
	t.Helper()
	code, body := do(t, "POST", base+"/v1/agents", "", `{"role":"`+role+`"}`)
	if code != http.StatusCreated {
		t.Fatalf("register %s: %d %s", role, code, body)
	}
	var r Registered
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// waitRound polls the status until its round passes n.
func waitRound(t *testing.T, base string, n uint64) Status {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		_, body := do(t, "GET", base+"/v1/status", "", "")
		var st Status
		if err := json.Unmarshal([]byte(body), &st); err == nil && (st.Round > n || st.Finished) {
			return st
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("round %d did not pass within 20s", n)
	return Status{}
}

// Every route the mux serves is in the OpenAPI document, and every path and method the
// document names is served.
func TestRoutesMatchOpenAPI(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi %q: want 3.x", doc.OpenAPI)
	}
	var documented, served []string
	for p, ops := range doc.Paths {
		for m := range ops {
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	for _, r := range routes {
		served = append(served, r.method+" "+r.path)
	}
	slices.Sort(documented)
	slices.Sort(served)
	if !slices.Equal(documented, served) {
		t.Fatalf("documented %v\nserved     %v", documented, served)
	}
}

// Hostile input is refused with the reason, and never reaches the simulation.
func TestHostileInput(t *testing.T) {
	t.Parallel()
	_, base := start(t, func(c *Config) { c.MaxAgents = 2; c.MaxQueued = 3; c.Round = time.Hour })
	a := register(t, base, "provider")
	b := register(t, base, "challenger")
	idA, secretA, _ := strings.Cut(a.Token, ".")
	_, secretB, _ := strings.Cut(b.Token, ".")
	for _, tc := range []struct {
		name, method, path, token, body string
		code                            int
		reason                          string
	}{
		{"oversize body", "POST", "/v1/actions", a.Token, `{"kind":"commit","job":1,"result":"` + strings.Repeat("a", 8000) + `"}`, 413, "body over"},
		{"malformed JSON", "POST", "/v1/actions", a.Token, `{"kind":`, 400, "body:"},
		{"not an object", "POST", "/v1/actions", a.Token, `[1,2]`, 400, "body:"},
		{"unknown field", "POST", "/v1/actions", a.Token, `{"kind":"pass","as":1}`, 400, "unknown field"},
		{"trailing data", "POST", "/v1/actions", a.Token, `{"kind":"pass"}{"kind":"pass"}`, 400, "nothing after"},
		{"bad kind", "POST", "/v1/actions", a.Token, `{"kind":"mint"}`, 400, "kind"},
		{"bad hex", "POST", "/v1/actions", a.Token, `{"kind":"vote","job":1,"result":"zz"}`, 400, "not hex"},
		{"result too long", "POST", "/v1/actions", a.Token, `{"kind":"vote","job":1,"result":"` + strings.Repeat("ab", 129) + `"}`, 400, "128 bytes"},
		{"no job", "POST", "/v1/actions", a.Token, `{"kind":"challenge"}`, 400, "job 0"},
		{"appeal without job", "POST", "/v1/actions", a.Token, `{"kind":"appeal"}`, 400, "job 0"},
		{"appeal with a result", "POST", "/v1/actions", a.Token, `{"kind":"appeal","job":1,"result":"ab"}`, 400, "appeal carries none"},
		{"withhold without job", "POST", "/v1/actions", a.Token, `{"kind":"withhold"}`, 400, "job 0"},
		{"decline with a result", "POST", "/v1/actions", a.Token, `{"kind":"decline","job":1,"result":"ab"}`, 400, "decline carries none"},
		{"negative job", "POST", "/v1/actions", a.Token, `{"kind":"challenge","job":-1}`, 400, "body:"},
		{"huge job", "POST", "/v1/actions", a.Token, `{"kind":"challenge","job":99999999999999999999}`, 400, "body:"},
		{"no token", "POST", "/v1/actions", "", `{"kind":"pass"}`, 401, "bearer"},
		{"another agent's secret", "POST", "/v1/actions", idA + "." + secretB, `{"kind":"pass"}`, 401, "bearer"},
		{"unknown agent", "POST", "/v1/actions", "7." + secretA, `{"kind":"pass"}`, 401, "bearer"},
		{"garbage token", "GET", "/v1/agent", strings.Repeat("9", 200), "", 401, "bearer"},
		{"bad role", "POST", "/v1/agents", "", `{"role":"governor"}`, 400, "role"},
		{"agent cap", "POST", "/v1/agents", "", `{"role":"client"}`, 409, "maximum of 2"},
	} {
		code, body := do(t, tc.method, base+tc.path, tc.token, tc.body)
		if code != tc.code || !strings.Contains(body, tc.reason) {
			t.Errorf("%s: %d %s; want %d with %q", tc.name, code, body, tc.code, tc.reason)
		}
	}
	req, _ := http.NewRequest("POST", base+"/v1/actions", strings.NewReader(`{"kind":"pass"}`))
	req.Header.Set("Authorization", "Bearer "+a.Token)
	req.Header.Set("Content-Type", "text/plain")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("text/plain body: %v %v; want 415", resp, err)
	}

	// A flood of actions: the queue holds three, then 429 until a round drains it.
	codes := map[int]int{}
	for i := 0; i < 10; i++ {
		code, _ := do(t, "POST", base+"/v1/actions", a.Token, fmt.Sprintf(`{"kind":"challenge","job":%d}`, i+1))
		codes[code]++
	}
	if codes[http.StatusAccepted] != 3 || codes[http.StatusTooManyRequests] != 7 {
		t.Fatalf("flood of 10 actions with a queue of 3: %v", codes)
	}
}

// A client faster than its rate limit gets 429 with Retry-After; another agent is not slowed.
func TestRateLimit(t *testing.T) {
	t.Parallel()
	_, base := start(t, func(c *Config) { c.AgentRate = 2; c.Round = time.Hour })
	a := register(t, base, "provider")
	b := register(t, base, "client")
	limited := 0
	for i := 0; i < 20; i++ {
		if code, _ := do(t, "GET", base+"/v1/agent", a.Token, ""); code == http.StatusTooManyRequests {
			limited++
		}
	}
	if limited < 10 {
		t.Fatalf("20 requests at a rate of 2/s: %d limited", limited)
	}
	if code, body := do(t, "GET", base+"/v1/agent", b.Token, ""); code != http.StatusOK {
		t.Fatalf("another agent: %d %s", code, body)
	}
}

// A panic in a handler is a 500 and a panic while applying an action is that action's error;
// the rounds go on either way.
func TestPanicDoesNotStopRounds(t *testing.T) {
	t.Parallel()
	s, base := start(t, nil)
	s.mu.Lock()
	s.hook = func(where string, act sim.Action) {
		if bytes.Equal(act.Result, []byte("boom-"+where)) {
			panic("boom in the " + where)
		}
	}
	s.mu.Unlock()
	a := register(t, base, "provider")
	code, body := do(t, "POST", base+"/v1/actions", a.Token, `{"kind":"vote","job":1,"result":"`+fmt.Sprintf("%x", "boom-handler")+`"}`)
	if code != http.StatusInternalServerError || !strings.Contains(body, "internal error") {
		t.Fatalf("a panic in the handler: %d %s; want 500", code, body)
	}
	st := waitRound(t, base, 0)
	code, body = do(t, "POST", base+"/v1/actions", a.Token, `{"kind":"vote","job":1,"result":"`+fmt.Sprintf("%x", "boom-round")+`"}`)
	if code != http.StatusAccepted {
		t.Fatalf("queueing: %d %s", code, body)
	}
	after := waitRound(t, base, st.Round+2)
	if after.Error != "" {
		t.Fatalf("the simulation stopped: %s", after.Error)
	}
	_, body = do(t, "GET", base+"/v1/agent", a.Token, "")
	var as AgentState
	if err := json.Unmarshal([]byte(body), &as); err != nil {
		t.Fatal(err)
	}
	if len(as.Results) != 1 || !strings.Contains(as.Results[0].Error, "internal error") {
		t.Fatalf("the panicking action's result: %+v", as.Results)
	}
}

// A client that sends its headers slowly (slowloris) is cut off after ReadHeaderTimeout.
func TestSlowHeadersCutOff(t *testing.T) {
	t.Parallel()
	s, _ := start(t, func(c *Config) { c.ReadHeader = 300 * time.Millisecond; c.Round = time.Hour })
	conn, err := net.Dial("tcp", s.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	if _, err := io.WriteString(conn, "GET /v1/status HTTP/1.1\r\nHost: x\r\n"); err != nil {
		t.Fatal(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		if _, err := io.WriteString(conn, "X-Slow: 1\r\n"); err != nil {
			break // the server closed the connection
		}
		time.Sleep(50 * time.Millisecond)
		if time.Since(start) > 5*time.Second {
			t.Fatal("the server kept a connection sending headers slowly for 5s")
		}
	}
	if el := time.Since(start); el > 3*time.Second {
		t.Fatalf("cut off after %s; want about the 300ms read-header timeout", el)
	}
	_, _ = bufio.NewReader(conn).ReadString('\n')
}

// The scoreboard page carries a restrictive Content-Security-Policy and the usual headers; the
// JSON scoreboard lists every agent.
func TestScoreboard(t *testing.T) {
	t.Parallel()
	_, base := start(t, nil)
	a := register(t, base, "challenger")
	deadline := time.Now().Add(20 * time.Second)
	for {
		_, body := do(t, "GET", base+"/v1/agent", a.Token, "")
		var as AgentState
		if err := json.Unmarshal([]byte(body), &as); err == nil && as.View != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the agent did not join within 20s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	resp, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	h := resp.Header
	if !strings.HasPrefix(h.Get("Content-Type"), "text/html") || !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") ||
		h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
		t.Fatalf("page headers: %v", h)
	}
	if !bytes.Contains(page, []byte("outside-0-challenger")) || bytes.Contains(page, []byte("http")) && bytes.Contains(page, []byte("src=")) {
		t.Fatalf("page:\n%s", page)
	}
	_, body := do(t, "GET", base+"/v1/scoreboard", "", "")
	var sb Scoreboard
	if err := json.Unmarshal([]byte(body), &sb); err != nil {
		t.Fatal(err)
	}
	if len(sb.Scores) != 12+20+1+1 { // providers, clients, the griefer, the outside challenger
		t.Fatalf("%d scores: %s", len(sb.Scores), body)
	}
	if code, _ := do(t, "GET", base+"/nowhere", "", ""); code != http.StatusNotFound {
		t.Fatalf("an unknown path: %d", code)
	}
	if code, _ := do(t, "DELETE", base+"/v1/agents", "", ""); code != http.StatusMethodNotAllowed {
		t.Fatalf("a wrong method: %d", code)
	}
}

// The books are audited between waves as the run goes and when every job has settled, and the
// audit is on the status and the page.
func TestBooksAudited(t *testing.T) {
	t.Parallel()
	_, base := start(t, func(c *Config) { c.AuditJobs = 10; c.Round = 10 * time.Millisecond })
	var st Status
	var audits []uint64
	deadline := time.Now().Add(60 * time.Second)
	for !st.Finished {
		if time.Now().After(deadline) {
			t.Fatalf("the run did not finish in 60s: %+v", st)
		}
		time.Sleep(20 * time.Millisecond)
		_, body := do(t, "GET", base+"/v1/status", "", "")
		st = Status{}
		if err := json.Unmarshal([]byte(body), &st); err != nil {
			t.Fatal(err)
		}
		if st.Books != nil && (len(audits) == 0 || audits[len(audits)-1] != st.Books.Block) {
			audits = append(audits, st.Books.Block)
		}
	}
	if st.Error != "" {
		t.Fatalf("the simulation stopped: %s", st.Error)
	}
	if st.Books == nil || !st.Books.Balanced || st.Books.Block != st.Block || len(st.Books.Ledgers) != 3 {
		t.Fatalf("final books: %+v at block %d", st.Books, st.Block)
	}
	if len(audits) < 2 {
		t.Fatalf("audited at blocks %v: want audits during the run (every 10 of 40 jobs) and at its end", audits)
	}
	_, page := do(t, "GET", base+"/", "", "")
	if want := fmt.Sprintf("audited at block %d: balanced", st.Block); !strings.Contains(page, want) {
		t.Fatalf("the page does not say %q:\n%s", want, page)
	}
}

// drive plays a run to its end with the agents passing every round (the server's rounds wait
// for them), each first queueing what decide says for each job of its view. It fails the test
// on a refused action of the kinds in strict or a stopped simulation.
func drive(t *testing.T, base string, agents []Registered, strict []string, decide func(a Registered, j sim.JobView) []string) {
	t.Helper()
	post := func(token, body string) {
		t.Helper()
		if code, resp := do(t, "POST", base+"/v1/actions", token, body); code != http.StatusAccepted {
			t.Fatalf("%s: %d %s", body, code, resp)
		}
	}
	seen := map[string]uint64{}
	deadline := time.Now().Add(3 * time.Minute)
	for {
		if time.Now().After(deadline) {
			t.Fatal("the run did not finish in 3 minutes")
		}
		for _, a := range agents {
			_, body := do(t, "GET", base+"/v1/agent", a.Token, "")
			var st AgentState
			if err := json.Unmarshal([]byte(body), &st); err != nil {
				t.Fatalf("%v: %s", err, body)
			}
			if st.Status.Error != "" {
				t.Fatalf("the simulation stopped: %s", st.Status.Error)
			}
			if st.Status.Finished {
				return
			}
			if st.Passed || (st.Status.Round == seen[a.Token] && st.Status.Round > 0) {
				continue
			}
			seen[a.Token] = st.Status.Round
			for _, r := range st.Results {
				if slices.Contains(strict, r.Kind) && r.Error != "" {
					t.Fatalf("%s refused: %+v", r.Kind, r)
				}
			}
			if st.View != nil {
				for _, j := range st.View.Jobs {
					for _, kind := range decide(a, j) {
						post(a.Token, fmt.Sprintf(`{"kind":%q,"job":%d}`, kind, j.ID))
					}
				}
			}
			post(a.Token, `{"kind":"pass"}`)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// finalBooks checks that the run ended with balanced books audited at its last block, and
// returns the scoreboard's row of the agent named name.
func finalBooks(t *testing.T, base, name string) sim.Score {
	t.Helper()
	_, body := do(t, "GET", base+"/v1/status", "", "")
	var st Status
	if err := json.Unmarshal([]byte(body), &st); err != nil {
		t.Fatal(err)
	}
	if st.Error != "" || st.Books == nil || !st.Books.Balanced || st.Books.Block != st.Block {
		t.Fatalf("final status: %s", body)
	}
	_, body = do(t, "GET", base+"/v1/scoreboard", "", "")
	var sb Scoreboard
	if err := json.Unmarshal([]byte(body), &sb); err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(sb.Scores, func(s sim.Score) bool { return s.Name == name })
	if i < 0 {
		t.Fatalf("no %s on the scoreboard: %s", name, body)
	}
	return sb.Scores[i]
}

// An outside provider drawn to verifiers' panels withholds every vote it committed (an outside
// challenger challenges every job so that panels are drawn, and appeals every rejection so that
// final panels are too): the market counts its seats silent and slashes them, the scoreboard shows the slashes, and the books balance between
// waves and at the end.
func TestWithholdSlashed(t *testing.T) {
	t.Parallel()
	_, base := start(t, func(c *Config) {
		c.Round = time.Hour
		c.AgentRate, c.PublicRate = 1000, 1000
		c.AuditJobs = 10
	})
	prov := register(t, base, "provider")
	chal := register(t, base, "challenger")
	withheld := map[uint64]bool{}
	drive(t, base, []Registered{prov, chal}, []string{sim.ActWithhold}, func(a Registered, j sim.JobView) []string {
		switch {
		case a == chal && slices.Contains(j.Duties, sim.ActChallenge):
			return []string{sim.ActChallenge}
		case a == chal && slices.Contains(j.Duties, sim.ActAppeal): // final panels to withhold on too
			return []string{sim.ActAppeal}
		case a == prov && slices.Contains(j.Duties, sim.ActWithhold):
			withheld[j.ID] = true
			return []string{sim.ActWithhold}
		}
		return nil
	})
	if len(withheld) == 0 {
		t.Fatal("the outside provider was never drawn to a panel: nothing withheld")
	}
	sc := finalBooks(t, base, "outside-0-provider")
	t.Logf("withheld on %d jobs; the provider: %+v", len(withheld), sc)
	if sc.Slashed < len(withheld) {
		t.Fatalf("withheld %d votes, slashed %d times: %+v", len(withheld), sc.Slashed, sc)
	}
	_, body := do(t, "GET", base+"/v1/agent", prov.Token, "")
	var st AgentState
	if err := json.Unmarshal([]byte(body), &st); err != nil {
		t.Fatal(err)
	}
	silent := 0
	for _, n := range st.View.Notes {
		if n.Text == "vote withheld: the seat is silent" {
			silent++
		}
	}
	t.Logf("%d votes withheld on %d jobs", silent, len(withheld))
	if silent <= len(withheld) { // the challenger's appeals put the provider on final panels too
		t.Fatalf("withheld on %d jobs, the notes say %d votes withheld (want some on both panels of a job): %s", len(withheld), silent, body)
	}
}

// An outside provider declines every seat it is offered: each goes to another provider, it
// commits nothing, its only jobs are the panels it is drawn to, and the books balance.
func TestDeclineReseats(t *testing.T) {
	t.Parallel()
	_, base := start(t, func(c *Config) {
		c.Round = time.Hour
		c.AgentRate, c.PublicRate = 1000, 1000
		c.AuditJobs = 10
	})
	prov := register(t, base, "provider")
	declined := map[uint64]bool{}
	drive(t, base, []Registered{prov}, []string{sim.ActDecline}, func(_ Registered, j sim.JobView) []string {
		if slices.Contains(j.Duties, sim.ActDecline) && !declined[j.ID] {
			declined[j.ID] = true
			return []string{sim.ActDecline}
		}
		return nil
	})
	if len(declined) == 0 {
		t.Fatal("the outside provider was never offered a seat: nothing declined")
	}
	_, body := do(t, "GET", base+"/v1/agent", prov.Token, "")
	var st AgentState
	if err := json.Unmarshal([]byte(body), &st); err != nil {
		t.Fatal(err)
	}
	drawn := map[uint64]bool{}
	went := 0
	for _, n := range st.View.Notes {
		switch {
		case strings.HasPrefix(n.Text, "declined: the seat went to"):
			went++
		case strings.HasPrefix(n.Text, "drawn as verifier"):
			drawn[n.Job] = true
		}
	}
	if went != len(declined) {
		t.Fatalf("declined %d seats, %d went to another provider: %s", len(declined), went, body)
	}
	sc := finalBooks(t, base, "outside-0-provider")
	t.Logf("declined %d seats, drawn on %d panels; the provider: %+v", len(declined), len(drawn), sc)
	if sc.Jobs != len(drawn) {
		t.Fatalf("the decliner has %d jobs on the scoreboard, was drawn to %d panels: it took a seat", sc.Jobs, len(drawn))
	}
}
