package explorer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/index"
)

// DefaultListen is a loopback port: the explorer is exposed only when asked.
const DefaultListen = "127.0.0.1:8547"

// Limits a request meets before any handler runs.
const (
	MaxURLBytes    = 2048 // the request target; longer is 414
	MaxParamBytes  = 200  // one parameter's value
	MaxInFlight    = 32   // requests being answered at once; more wait, then 503
	RequestTimeout = 10 * time.Second
)

// Config is what an explorer serves and where.
type Config struct {
	DB        *index.DB
	Addresses deploy.Addresses
	ChainID   *big.Int
	Listen    string // host:port (default DefaultListen; port 0: any free one)
	// CanaryClient is the account the prober posts its canary jobs from (nil: canaries are
	// not shown: the page says how to show them).
	CanaryClient *common.Address
	// HeaderTimeout is how long a client may take to send its request's headers (0: 5 s);
	// a slow-headers client is cut off after it.
	HeaderTimeout time.Duration
	// Reasons asks providers' nodes why ended jobs failed (nil: not asked; a job's page says
	// so). Answers are kept in the index.
	Reasons Reasons
	Log     *slog.Logger
}

// Check names a bad field and its fix.
func (c Config) Check() error {
	switch {
	case c.DB == nil:
		return errors.New("explorer: DB is nil: open the index with index.Open")
	case c.ChainID == nil:
		return errors.New("explorer: ChainID is nil: give the chain's ID")
	case c.Addresses.Market == (common.Address{}):
		return errors.New("explorer: Addresses lacks the market: give the deployment's addresses")
	}
	if c.Listen != "" {
		if _, _, err := net.SplitHostPort(c.Listen); err != nil {
			return fmt.Errorf("explorer: listen address %q: %w (want host:port, e.g. %s)", c.Listen, err, DefaultListen)
		}
	}
	return nil
}

// Server is the explorer's HTTP server.
type Server struct {
	cfg     Config
	log     *slog.Logger
	handler http.Handler
	routes  []string // every pattern served, for the OpenAPI test

	reasonSlots chan struct{} // the nodes being asked for failure reasons

	mu   sync.Mutex
	srv  *http.Server
	addr string
	done chan error
}

// New checks cfg and builds the routes.
func New(cfg Config) (*Server, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.Listen == "" {
		cfg.Listen = DefaultListen
	}
	if cfg.HeaderTimeout == 0 {
		cfg.HeaderTimeout = 5 * time.Second
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, log: log, reasonSlots: make(chan struct{}, reasonSlots)}
	mux := http.NewServeMux()
	for _, r := range apiRoutes {
		h := r.handle
		mux.HandleFunc("GET "+r.pattern, func(w http.ResponseWriter, req *http.Request) { s.serveAPI(w, req, h) })
		s.routes = append(s.routes, r.pattern)
	}
	mux.HandleFunc("GET /openapi.json", s.openAPI)
	s.routes = append(s.routes, "/openapi.json")
	for _, p := range pages {
		p := p
		mux.HandleFunc("GET "+p.pattern, func(w http.ResponseWriter, req *http.Request) { s.servePage(w, req, p) })
		s.routes = append(s.routes, p.pattern)
	}
	mux.HandleFunc("GET /static/style.css", serveStyle)
	mux.HandleFunc("GET /static/favicon.svg", serveIcon)
	mux.HandleFunc("GET /favicon.ico", serveIcon)
	s.routes = append(s.routes, "/static/style.css", "/static/favicon.svg", "/favicon.ico")
	s.handler = guard(mux)
	return s, nil
}

// Handler is the whole explorer behind its guard, for tests and embedding.
func (s *Server) Handler() http.Handler { return s.handler }

// Routes are the patterns served.
func (s *Server) Routes() []string { return append([]string(nil), s.routes...) }

// Addr is the address listened on, once started.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addr
}

// Start listens and serves in the background.
func (s *Server) Start(ctx context.Context) error {
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("explorer: listening on %s: %w", s.cfg.Listen, err)
	}
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: s.cfg.HeaderTimeout,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      RequestTimeout + 5*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelDebug),
	}
	s.mu.Lock()
	s.srv, s.addr, s.done = srv, ln.Addr().String(), make(chan error, 1)
	s.mu.Unlock()
	go func() {
		err := srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		s.done <- err
	}()
	s.log.Info("explorer serving", "addr", s.addr)
	return nil
}

// Stop lets requests in flight finish (until ctx ends) and closes the listener.
func (s *Server) Stop(ctx context.Context) error {
	s.mu.Lock()
	srv, done := s.srv, s.done
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	if err := srv.Shutdown(ctx); err != nil {
		srv.Close()
		return fmt.Errorf("explorer: stopping: %w", err)
	}
	return <-done
}

// securityHeaders are set on every answer. The pages have no script; styles come from
// /static/style.css only; SVG is inline markup, which default-src does not govern.
var securityHeaders = map[string]string{
	"Content-Security-Policy":      "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
	"X-Content-Type-Options":       "nosniff",
	"X-Frame-Options":              "DENY",
	"Referrer-Policy":              "no-referrer",
	"Cross-Origin-Opener-Policy":   "same-origin",
	"Cross-Origin-Resource-Policy": "same-origin",
	"Permissions-Policy":           "camera=(), microphone=(), geolocation=()",
}

// guard is what every request passes before a handler: the headers, GET and HEAD only, no
// body, a bounded target, a cap on requests in flight and a deadline.
func guard(next http.Handler) http.Handler {
	slots := make(chan struct{}, MaxInFlight)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range securityHeaders {
			w.Header().Set(k, v)
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "", fmt.Sprintf("%s is not allowed: the explorer is read-only (GET and HEAD)", r.Method))
			return
		}
		if len(r.RequestURI) > MaxURLBytes {
			writeError(w, http.StatusRequestURITooLong, "", fmt.Sprintf("the request target is %d bytes, at most %d", len(r.RequestURI), MaxURLBytes))
			return
		}
		if r.ContentLength != 0 || len(r.TransferEncoding) > 0 {
			writeError(w, http.StatusRequestEntityTooLarge, "", "a request body is not accepted: the explorer only reads")
			return
		}
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
		case <-time.After(2 * time.Second):
			w.Header().Set("Retry-After", "5")
			writeError(w, http.StatusServiceUnavailable, "", "too many requests in flight; try again shortly")
			return
		case <-r.Context().Done():
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), RequestTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// apiError is the body of every error answer.
type apiError struct {
	Error     string `json:"error"`
	Parameter string `json:"parameter,omitempty"`
}

func writeError(w http.ResponseWriter, code int, param, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(apiError{Error: msg, Parameter: param})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// serveAPI runs an API handler and turns its error into the answer it names.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, h apiHandler) {
	v, err := h(s, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, v)
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	switch {
	case errors.As(err, &pe):
		writeError(w, http.StatusBadRequest, pe.name, pe.Error())
	case errors.Is(err, index.ErrNotFound):
		writeError(w, http.StatusNotFound, "", err.Error())
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "", "the query took too long; narrow it")
	default:
		// The cause is logged, not shown: it may name files or the database.
		s.log.Error("explorer request failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "", "internal error (logged by the explorer)")
	}
}

// paramError is a bad query or path parameter: a 400 naming it.
type paramError struct {
	name, why string
}

func (e *paramError) Error() string { return fmt.Sprintf("parameter %q: %s", e.name, e.why) }

func badParam(name, format string, a ...any) error {
	return &paramError{name: name, why: fmt.Sprintf(format, a...)}
}

// params checks a request's query against the parameters its route documents: an unknown,
// repeated or oversized one is refused by name.
func params(r *http.Request, allowed []param) (map[string]string, error) {
	q := r.URL.Query()
	if strings.Contains(r.URL.RawQuery, ";") {
		return nil, badParam(";", "separate parameters with &")
	}
	out := map[string]string{}
	for k, vs := range q {
		known := false
		for _, p := range allowed {
			if p.name == k {
				known = true
			}
		}
		switch {
		case !known:
			names := make([]string, 0, len(allowed))
			for _, p := range allowed {
				names = append(names, p.name)
			}
			if len(names) == 0 {
				return nil, badParam(trim(k), "unknown: this route takes no parameters")
			}
			return nil, badParam(trim(k), "unknown: this route takes %s", strings.Join(names, ", "))
		case len(vs) > 1:
			return nil, badParam(k, "given %d times; give it once", len(vs))
		case len(vs[0]) > MaxParamBytes:
			return nil, badParam(k, "%d bytes long, at most %d", len(vs[0]), MaxParamBytes)
		}
		out[k] = vs[0]
	}
	return out, nil
}

// trim shortens a hostile parameter name before it is echoed.
func trim(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
