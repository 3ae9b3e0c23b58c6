package server

import (
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"golang.org/x/time/rate"

	"github.com/brine-compute/brine/sim"
)

//go:embed openapi.json
var openAPI []byte

// actPass is the action that says "done for this round".
const actPass = "pass"

// route is one pattern the mux serves; the OpenAPI document lists exactly these.
type route struct {
	method, path string
	handle       func(*Server, http.ResponseWriter, *http.Request)
}

var routes = []route{
	{http.MethodGet, "/", (*Server).scoreboardPage},
	{http.MethodGet, "/openapi.json", (*Server).openapi},
	{http.MethodGet, "/v1/status", (*Server).getStatus},
	{http.MethodGet, "/v1/scoreboard", (*Server).scoreboard},
	{http.MethodPost, "/v1/agents", (*Server).register},
	{http.MethodGet, "/v1/agent", (*Server).agent},
	{http.MethodPost, "/v1/actions", (*Server).act},
}

// Handler is the API: every route behind the panic guard and the common headers.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range routes {
		pattern := rt.method + " " + rt.path
		if rt.path == "/" {
			pattern += "{$}"
		}
		h := rt.handle
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) { h(s, w, r) })
	}
	return s.guard(mux)
}

// guard turns a handler's panic into a 500 and sets the headers every answer carries.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("sim server: handler panicked", "path", r.URL.Path, "panic", p)
				fail(w, http.StatusInternalServerError, "internal error")
			}
		}()
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-store")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

type problem struct {
	Error string `json:"error"`
}

func fail(w http.ResponseWriter, code int, format string, args ...any) {
	reply(w, code, problem{Error: fmt.Sprintf(format, args...)})
}

func reply(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// limited answers 429 when l has no token for the request now.
func limited(w http.ResponseWriter, l *rate.Limiter, what string) bool {
	if l.Allow() {
		return false
	}
	w.Header().Set("Retry-After", "1")
	fail(w, http.StatusTooManyRequests, "%s: too many requests, slow down", what)
	return true
}

// decode reads a JSON body of at most cfg.MaxBody bytes into v: one object, no unknown fields,
// nothing after it.
func (s *Server) decode(w http.ResponseWriter, r *http.Request, v any) bool {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			fail(w, http.StatusUnsupportedMediaType, "content type %q: want application/json", truncate(ct))
			return false
		}
	}
	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(w, http.StatusRequestEntityTooLarge, "body over %d bytes", s.cfg.MaxBody)
			return false
		}
		fail(w, http.StatusBadRequest, "body: %s", truncate(err.Error()))
		return false
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		fail(w, http.StatusBadRequest, "body: one JSON object, nothing after it")
		return false
	}
	return true
}

// truncate keeps an echo of client input short.
func truncate(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	if limited(w, s.public, "public routes") {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(openAPI)
}

func (s *Server) getStatus(w http.ResponseWriter, r *http.Request) {
	if limited(w, s.public, "public routes") {
		return
	}
	s.mu.Lock()
	st := s.status
	st.Agents = len(s.slots)
	s.mu.Unlock()
	reply(w, http.StatusOK, st)
}

// Scoreboard is every agent's profit so far, best first.
type Scoreboard struct {
	Round  uint64      `json:"round"`
	Block  uint64      `json:"block"`
	Scores []sim.Score `json:"scores"`
}

func (s *Server) scoreboard(w http.ResponseWriter, r *http.Request) {
	if limited(w, s.public, "public routes") {
		return
	}
	s.mu.Lock()
	sb := Scoreboard{Round: s.status.Round, Block: s.status.Block, Scores: ranked(s.scores)}
	s.mu.Unlock()
	reply(w, http.StatusOK, sb)
}

type registration struct {
	Role string `json:"role"`
}

// Registered is a new agent's ID and secret token (shown once; the server keeps its hash).
type Registered struct {
	ID    int    `json:"id"`
	Role  string `json:"role"`
	Token string `json:"token"`
}

func (s *Server) register(w http.ResponseWriter, r *http.Request) {
	if limited(w, s.join, "registrations") {
		return
	}
	var req registration
	if !s.decode(w, r, &req) {
		return
	}
	switch req.Role {
	case sim.RoleProvider, sim.RoleClient, sim.RoleChallenger:
	default:
		fail(w, http.StatusBadRequest, "role %q: want %s, %s or %s", truncate(req.Role), sim.RoleProvider, sim.RoleClient, sim.RoleChallenger)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.status.Finished {
		fail(w, http.StatusConflict, "the simulation is over")
		return
	}
	if len(s.slots) >= s.cfg.MaxAgents {
		fail(w, http.StatusConflict, "the server holds its maximum of %d agents", s.cfg.MaxAgents)
		return
	}
	id := len(s.slots)
	tok, hash, err := newToken(id)
	if err != nil {
		fail(w, http.StatusInternalServerError, "no token: %v", err)
		return
	}
	sl := &slot{id: id, role: req.Role, secret: hash,
		limiter: rate.NewLimiter(rate.Limit(s.cfg.AgentRate), int(math.Ceil(2*s.cfg.AgentRate)))}
	s.slots = append(s.slots, sl)
	s.joining = append(s.joining, sl)
	reply(w, http.StatusCreated, Registered{ID: id, Role: req.Role, Token: tok})
}

// authed is the request's agent, or nil after answering 401 or 429.
func (s *Server) authed(w http.ResponseWriter, r *http.Request) *slot {
	sl := s.authorize(r)
	if sl == nil {
		w.Header().Set("WWW-Authenticate", `Bearer realm="brine-sim"`)
		fail(w, http.StatusUnauthorized, "a valid bearer token is required (POST /v1/agents gives one)")
		return nil
	}
	if limited(w, sl.limiter, "agent "+strconv.Itoa(sl.id)) {
		return nil
	}
	return sl
}

// AgentState is what GET /v1/agent answers: the simulation's progress, what the agent sees
// (nil until it joined, after the next round), its queued actions and their results.
type AgentState struct {
	ID      int            `json:"id"`
	Role    string         `json:"role"`
	Status  Status         `json:"status"`
	View    *sim.AgentView `json:"view"`
	Queued  int            `json:"queued"`
	Passed  bool           `json:"passed"`
	Results []Result       `json:"results"`
}

func (s *Server) agent(w http.ResponseWriter, r *http.Request) {
	sl := s.authed(w, r)
	if sl == nil {
		return
	}
	s.mu.Lock()
	st := AgentState{ID: sl.id, Role: sl.role, Status: s.status, View: sl.view, Queued: len(sl.queue),
		Passed: sl.passed, Results: append([]Result{}, sl.results...)}
	st.Status.Agents = len(s.slots)
	s.mu.Unlock()
	reply(w, http.StatusOK, st)
}

// actionRequest is an action as a client sends it.
type actionRequest struct {
	Kind   string `json:"kind"`
	Job    uint64 `json:"job,omitempty"`
	Result string `json:"result,omitempty"` // hex, with or without 0x
}

// Queued is the answer to an accepted action: its sequence number (its Result carries it) and
// how many of the agent's actions wait for the next round.
type Queued struct {
	Seq    uint64 `json:"seq"`
	Queued int    `json:"queued"`
}

// maxJobID bounds a job ID a client may name (the session refuses IDs not in the wave anyway).
const maxJobID = 1 << 40

func (s *Server) act(w http.ResponseWriter, r *http.Request) {
	sl := s.authed(w, r)
	if sl == nil {
		return
	}
	var req actionRequest
	if !s.decode(w, r, &req) {
		return
	}
	act, err := parseAction(req)
	if err != nil {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	s.mu.Lock()
	hook := s.hook
	s.mu.Unlock()
	if hook != nil {
		hook("handler", act)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.status.Finished {
		fail(w, http.StatusConflict, "the simulation is over")
		return
	}
	if act.Kind == actPass {
		sl.passed = true
		if s.allPassed() {
			s.nudge()
		}
	}
	if len(sl.queue) >= s.cfg.MaxQueued {
		w.Header().Set("Retry-After", strconv.FormatInt(max(1, s.cfg.Round.Milliseconds()/1000), 10))
		fail(w, http.StatusTooManyRequests, "%d actions already queued for the next round", len(sl.queue))
		return
	}
	sl.seq++
	sl.queue = append(sl.queue, queued{seq: sl.seq, act: act})
	reply(w, http.StatusAccepted, Queued{Seq: sl.seq, Queued: len(sl.queue)})
}

// parseAction validates what a client sent, without the simulation's state (the round checks
// that: the job in the wave, the agent's seat, the phase).
func parseAction(req actionRequest) (sim.Action, error) {
	act := sim.Action{Kind: req.Kind, Job: req.Job}
	switch req.Kind {
	case sim.ActCommit, sim.ActVote:
		h := strings.TrimPrefix(req.Result, "0x")
		if h == "" || len(h) > 2*128 {
			return act, fmt.Errorf("result: want 1 to 128 bytes of hex, got %d characters", len(req.Result))
		}
		b, err := hex.DecodeString(h)
		if err != nil {
			return act, fmt.Errorf("result: not hex: %v", err)
		}
		act.Result = b
	case sim.ActChallenge, sim.ActAppeal, sim.ActWithhold, sim.ActDecline:
		if req.Result != "" {
			return act, fmt.Errorf("result: %s carries none", req.Kind)
		}
	case sim.ActWithdraw, actPass:
		if req.Result != "" || req.Job != 0 {
			return act, fmt.Errorf("%s: takes neither job nor result", req.Kind)
		}
		return act, nil
	default:
		return act, fmt.Errorf("kind %q: want decline, commit, vote, withhold, challenge, appeal, withdraw or pass", truncate(req.Kind))
	}
	if req.Job == 0 || req.Job > maxJobID {
		return act, fmt.Errorf("job %d: want a job ID from 1 to %d", req.Job, uint64(maxJobID))
	}
	return act, nil
}
