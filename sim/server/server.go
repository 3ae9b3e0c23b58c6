package server

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/brine-compute/brine/sim"
)

// ErrConfig is wrapped by every Check error.
var ErrConfig = errors.New("sim server: bad config")

// Config is a server: where it listens, the simulation it runs and the limits it holds
// clients to.
type Config struct {
	Listen string     // host:port; loopback by default
	Sim    sim.Config // the population and the jobs (Jobs is the whole run's)

	Round time.Duration // the longest a round waits for agents before the next block

	MaxAgents   int     // outside agents, at most sim.MaxOutside
	MaxQueued   int     // actions an agent may have queued for the next round
	AgentRate   float64 // requests per second per agent (burst: twice as many)
	PublicRate  float64 // requests per second on the anonymous routes, all clients together
	JoinRate    float64 // registrations per second, all clients together (burst 10)
	MaxBody     int64   // bytes of a request body
	MaxNotes    int     // an agent's action results kept (the latest win)
	AuditJobs   int     // audit the books after this many more settled jobs (and at the end)
	ReadHeader  time.Duration
	ReadTimeout time.Duration
	WriteTime   time.Duration
	IdleTimeout time.Duration

	Logger *slog.Logger
}

// DefaultConfig is a loopback server with a one-second round and the default population.
func DefaultConfig() Config {
	sc := sim.DefaultConfig()
	sc.Jobs = 100_000
	sc.Wave = 50
	return Config{
		Listen:      "127.0.0.1:8645",
		Sim:         sc,
		Round:       time.Second,
		MaxAgents:   64,
		MaxQueued:   64,
		AgentRate:   20,
		PublicRate:  50,
		JoinRate:    1,
		MaxBody:     4 << 10,
		MaxNotes:    100,
		AuditJobs:   1000,
		ReadHeader:  5 * time.Second,
		ReadTimeout: 10 * time.Second,
		WriteTime:   10 * time.Second,
		IdleTimeout: 60 * time.Second,
	}
}

// Check names the first bad field.
func (c Config) Check() error {
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		return fmt.Errorf("%w: listen %q: %v", ErrConfig, c.Listen, err)
	}
	if err := c.Sim.Check(); err != nil {
		return err
	}
	switch {
	case c.Round < 10*time.Millisecond || c.Round > time.Hour:
		return fmt.Errorf("%w: round = %s: want 10ms..1h", ErrConfig, c.Round)
	case c.MaxAgents < 1 || c.MaxAgents > sim.MaxOutside:
		return fmt.Errorf("%w: max agents = %d: want 1..%d", ErrConfig, c.MaxAgents, sim.MaxOutside)
	case c.MaxQueued < 1 || c.MaxQueued > 10_000:
		return fmt.Errorf("%w: max queued = %d: want 1..10000", ErrConfig, c.MaxQueued)
	case !(c.AgentRate > 0) || !(c.PublicRate > 0) || !(c.JoinRate > 0):
		return fmt.Errorf("%w: rates must be positive", ErrConfig)
	case c.MaxBody < 256 || c.MaxBody > 1<<20:
		return fmt.Errorf("%w: max body = %d: want 256..1048576 bytes", ErrConfig, c.MaxBody)
	case c.MaxNotes < 1 || c.MaxNotes > 10_000:
		return fmt.Errorf("%w: max notes = %d: want 1..10000", ErrConfig, c.MaxNotes)
	case c.AuditJobs < 1 || c.AuditJobs > 1_000_000:
		return fmt.Errorf("%w: audit jobs = %d: want 1..1000000", ErrConfig, c.AuditJobs)
	case c.ReadHeader <= 0 || c.ReadTimeout <= 0 || c.WriteTime <= 0 || c.IdleTimeout <= 0:
		return fmt.Errorf("%w: every http timeout must be positive", ErrConfig)
	}
	return nil
}

// slot is one registered agent as the server keeps it. Its ID is its sim.AgentID: agents are
// added to the session in the order they registered.
type slot struct {
	id      int
	role    string
	secret  [32]byte // sha256 of the token's secret half
	limiter *rate.Limiter
	queue   []queued
	passed  bool
	results []Result
	seq     uint64
	view    *sim.AgentView // nil until it joined
}

type queued struct {
	seq uint64
	act sim.Action
}

// Result is what became of one of an agent's actions, reported after the round that applied it.
type Result struct {
	Seq   uint64 `json:"seq"`
	Kind  string `json:"kind"`
	Job   uint64 `json:"job,omitempty"`
	Round uint64 `json:"round"`
	Error string `json:"error,omitempty"` // empty when it was taken (a revert shows in the notes)
}

// Status is the simulation's progress.
type Status struct {
	Round     uint64 `json:"round"`
	Block     uint64 `json:"block"`
	Played    string `json:"played"` // the phase the last round played
	Next      string `json:"next"`   // the phase the next round plays
	JobsDone  int    `json:"jobs_done"`
	JobsTotal int    `json:"jobs_total"`
	Agents    int    `json:"agents"`
	Finished  bool   `json:"finished"`
	Error     string `json:"error,omitempty"` // why the simulation stopped, if it failed
	RoundMS   int64  `json:"round_ms"`
	Limits    Limits `json:"limits"`
	// Books is the latest audit of the contracts' books (docs/protocol.md, *The books*): taken
	// between waves every Config.AuditJobs settled jobs and when every job has settled. A
	// failed audit stops the simulation with the reason in Error.
	Books *sim.Books `json:"books,omitempty"`
}

// Limits are the limits the server holds clients to.
type Limits struct {
	MaxAgents  int     `json:"max_agents"`
	MaxQueued  int     `json:"max_queued"`
	AgentRate  float64 `json:"agent_rate"`
	PublicRate float64 `json:"public_rate"`
	JoinRate   float64 `json:"join_rate"`
	MaxBody    int64   `json:"max_body"`
}

// Server runs a session and serves it.
type Server struct {
	cfg  Config
	log  *slog.Logger
	sess *sim.Session

	mu       sync.Mutex // guards what follows
	slots    []*slot
	joining  []*slot
	status   Status
	scores   []sim.Score
	page     []byte // the scoreboard's HTML, rendered once per round
	public   *rate.Limiter
	join     *rate.Limiter
	stopped  bool
	audited  int                                // jobs settled at the latest audit
	hook     func(where string, act sim.Action) // tests: called in the handler and the round
	wake     chan struct{}
	cancel   context.CancelFunc
	loopDone chan struct{}

	ln  net.Listener
	srv *http.Server
}

// New starts the session (chain, contracts, population); Start serves it.
func New(ctx context.Context, cfg Config) (*Server, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	sess, err := sim.NewSession(ctx, cfg.Sim)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: log, sess: sess, wake: make(chan struct{}, 1),
		public: rate.NewLimiter(rate.Limit(cfg.PublicRate), int(2*cfg.PublicRate)+1),
		join:   rate.NewLimiter(rate.Limit(cfg.JoinRate), 10)}
	s.status = Status{Next: sess.Next(), Block: sess.Block(), JobsTotal: cfg.Sim.Jobs, RoundMS: cfg.Round.Milliseconds(),
		Limits: Limits{MaxAgents: cfg.MaxAgents, MaxQueued: cfg.MaxQueued, AgentRate: cfg.AgentRate,
			PublicRate: cfg.PublicRate, JoinRate: cfg.JoinRate, MaxBody: cfg.MaxBody}}
	s.scores = sess.Scores()
	s.page = s.render()
	return s, nil
}

// Start listens and starts the round loop.
func (s *Server) Start(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		s.sess.Close()
		return fmt.Errorf("sim server: listen: %w", err)
	}
	s.ln = ln
	s.srv = &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: s.cfg.ReadHeader,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTime,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    8 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelDebug),
	}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("sim server: serve", "err", err)
		}
	}()
	loopCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s.cancel = cancel
	s.loopDone = make(chan struct{})
	go s.loop(loopCtx)
	return nil
}

// Addr is the address the server listens on (with the port the OS chose for ":0").
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Stop stops serving, ends the round loop after its round, and stops the chain.
func (s *Server) Stop(ctx context.Context) error {
	err := s.srv.Shutdown(ctx)
	s.cancel()
	<-s.loopDone
	s.sess.Close()
	return err
}

// loop plays a round every cfg.Round, or as soon as every agent has passed.
func (s *Server) loop(ctx context.Context) {
	defer close(s.loopDone)
	t := time.NewTicker(s.cfg.Round)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-s.wake:
			t.Reset(s.cfg.Round)
		}
		if !s.advance(ctx) {
			<-ctx.Done()
			return
		}
	}
}

// advance applies what was queued and plays one round; false once the simulation is over.
func (s *Server) advance(ctx context.Context) bool {
	s.mu.Lock()
	joining := s.joining
	s.joining = nil
	type batch struct {
		sl   *slot
		acts []queued
	}
	var batches []batch
	for _, sl := range s.slots {
		if len(sl.queue) > 0 {
			batches = append(batches, batch{sl, sl.queue})
			sl.queue = nil
		}
		sl.passed = false
	}
	round := s.status.Round + 1
	hook := s.hook
	s.mu.Unlock()

	for _, sl := range joining {
		id, addr, err := s.sess.AddAgent(sl.role)
		if err != nil || int(id) != sl.id {
			s.fail(fmt.Errorf("sim server: agent %d: got session ID %d: %v", sl.id, id, err))
			return false
		}
		s.log.Info("sim server: agent joins", "id", sl.id, "role", sl.role, "address", addr)
	}
	var results []Result
	var owners []*slot
	for _, b := range batches {
		for _, q := range b.acts {
			res := Result{Seq: q.seq, Kind: q.act.Kind, Job: q.act.Job, Round: round}
			if err := s.apply(sim.AgentID(b.sl.id), q.act, hook); err != nil {
				res.Error = err.Error()
			}
			results = append(results, res)
			owners = append(owners, b.sl)
		}
	}
	played, err := s.round(ctx)
	finished := errors.Is(err, sim.ErrFinished)
	if err != nil && !finished {
		s.fail(fmt.Errorf("round %d (%s): %w", round, played, err))
		return false
	}
	views := map[*slot]*sim.AgentView{}
	s.mu.Lock()
	slots := append([]*slot(nil), s.slots...)
	s.mu.Unlock()
	for _, sl := range slots {
		v, err := s.sess.View(ctx, sim.AgentID(sl.id))
		if errors.Is(err, sim.ErrAction) { // registered since the round began: joins next round
			continue
		}
		if err != nil {
			s.fail(fmt.Errorf("round %d: view of agent %d: %w", round, sl.id, err))
			return false
		}
		views[sl] = &v
	}
	scores := s.sess.Scores()
	books, err := s.audit(ctx, finished)
	if err != nil {
		s.fail(fmt.Errorf("round %d: %w", round, err))
		return false
	}

	s.mu.Lock()
	for i, r := range results {
		sl := owners[i]
		sl.results = append(sl.results, r)
		if len(sl.results) > s.cfg.MaxNotes {
			sl.results = sl.results[len(sl.results)-s.cfg.MaxNotes:]
		}
	}
	for sl, v := range views {
		sl.view = v
	}
	s.scores = scores
	s.status.Round = round
	s.status.Block = s.sess.Block()
	s.status.Played = played
	s.status.Next = s.sess.Next()
	s.status.JobsDone = s.sess.JobsDone()
	s.status.Finished = finished
	if books != nil {
		s.status.Books = books
	}
	s.page = s.render()
	s.mu.Unlock()
	if finished {
		s.log.Info("sim server: every job has settled", "round", round)
		return false
	}
	return true
}

// audit audits the books when AuditJobs more jobs have settled since the last audit, or when
// the run is over; nil when it is not time, or a wave is in flight (the next round between
// waves takes it). An audit reads the chain's whole history, so it is not done every round.
func (s *Server) audit(ctx context.Context, finished bool) (*sim.Books, error) {
	done := s.sess.JobsDone()
	if !finished && done-s.audited < s.cfg.AuditJobs {
		return nil, nil
	}
	rep, err := s.sess.Report(ctx)
	if errors.Is(err, sim.ErrAction) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	s.audited = done
	s.log.Info("sim server: books audited", "block", rep.Books.Block, "balanced", rep.Books.Balanced, "jobs", done)
	return &rep.Books, nil
}

// apply hands one action to the session; a panic in it is an error for its agent.
func (s *Server) apply(id sim.AgentID, act sim.Action, hook func(string, sim.Action)) (err error) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("sim server: action panicked", "agent", id, "kind", act.Kind, "panic", p)
			err = errors.New("internal error: the action was dropped")
		}
	}()
	if hook != nil {
		hook("round", act)
	}
	if act.Kind == actPass {
		return nil
	}
	return s.sess.Act(id, act)
}

// round plays one session round; a panic in it stops the simulation (it is a bug in the
// simulator or the contracts, not in a client's input, which apply has already taken).
func (s *Server) round(ctx context.Context) (played string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return s.sess.Round(ctx)
}

func (s *Server) fail(err error) {
	s.log.Error("sim server: the simulation stopped", "err", err)
	s.mu.Lock()
	s.status.Error = err.Error()
	s.status.Finished = true
	s.page = s.render()
	s.mu.Unlock()
}

// newToken is "<id>.<64 hex digits>" and the hash of its secret half.
func newToken(id int) (string, [32]byte, error) {
	var secret [32]byte
	if _, err := rand.Read(secret[:]); err != nil {
		return "", [32]byte{}, err
	}
	h := hex.EncodeToString(secret[:])
	return strconv.Itoa(id) + "." + h, sha256.Sum256([]byte(h)), nil
}

// authorize is the slot whose token the request bears, or nil. Every token is checked the
// same way whatever it names: the secret's hash against the slot's in constant time.
func (s *Server) authorize(r *http.Request) *slot {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || len(tok) > 100 {
		return nil
	}
	idPart, secret, ok := strings.Cut(tok, ".")
	if !ok || len(idPart) > 6 {
		return nil
	}
	id, err := strconv.Atoi(idPart)
	h := sha256.Sum256([]byte(secret))
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil || id < 0 || id >= len(s.slots) {
		return nil
	}
	sl := s.slots[id]
	if subtle.ConstantTimeCompare(h[:], sl.secret[:]) != 1 {
		return nil
	}
	return sl
}

// allPassed reports whether every registered agent has passed this round (callers hold mu).
func (s *Server) allPassed() bool {
	for _, sl := range s.slots {
		if !sl.passed {
			return false
		}
	}
	return len(s.slots) > 0
}

func (s *Server) nudge() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}
