package metrics

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Registry holds one process's collectors.
type Registry struct {
	reg     *prometheus.Registry
	sources *sources
	mu      sync.Mutex
	once    map[string]prometheus.Collector // groups, registered once by name
}

// NewRegistry returns a registry with the Go runtime and process collectors.
func NewRegistry() *Registry {
	r := &Registry{reg: prometheus.NewRegistry(), once: map[string]prometheus.Collector{},
		sources: &sources{errs: mSourceErrors.counter(), fns: map[string]source{}}}
	r.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), r.sources)
	return r
}

// Gatherer is the registry as Prometheus's Gatherer (tests, other handlers).
func (r *Registry) Gatherer() prometheus.Gatherer { return r.reg }

// Registerer lets other libraries (libp2p's resource manager, for one) add their collectors.
func (r *Registry) Registerer() prometheus.Registerer { return r.reg }

// Handler serves the registry in Prometheus's exposition formats.
func (r *Registry) Handler() http.Handler {
	return promhttp.HandlerFor(r.reg, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError, Registry: r.reg})
}

// shared registers the collector made by mk under name once and returns it every time, so
// that two groups of one kind (two accounts' transaction managers) share their vectors.
func shared[C prometheus.Collector](r *Registry, name string, mk func() C) C {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.once[name]; ok {
		return c.(C)
	}
	c := mk()
	r.reg.MustRegister(c)
	r.once[name] = c
	return c
}

// source reads state held elsewhere at scrape time and sends its samples.
type source struct {
	kind    string // the source label of brine_metrics_source_errors_total
	collect func(ch chan<- prometheus.Metric) error
}

// sources runs the scrape-time sources one after another and then sends the error counter,
// so that a failed read shows in the same scrape that misses its samples.
type sources struct {
	mu   sync.Mutex
	fns  map[string]source // by key (one per job store, one per account)
	errs *prometheus.CounterVec
}

// setSource adds or replaces the source under key.
func (r *Registry) setSource(key string, s source) {
	r.sources.mu.Lock()
	defer r.sources.mu.Unlock()
	r.sources.fns[key] = s
}

// sourcedDescs are every metric a source may send.
var sourcedDescs = []*prometheus.Desc{nodeJobsDesc, walletETHDesc, walletTokensDesc, creditedDesc, stakeDesc}

func (s *sources) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range sourcedDescs {
		ch <- d
	}
	s.errs.Describe(ch)
}

func (s *sources) Collect(ch chan<- prometheus.Metric) {
	s.mu.Lock()
	fns := make([]source, 0, len(s.fns))
	for _, f := range s.fns {
		fns = append(fns, f)
	}
	s.mu.Unlock()
	for _, f := range fns {
		if err := f.collect(ch); err != nil {
			s.errs.WithLabelValues(f.kind).Inc()
		}
	}
	s.errs.Collect(ch)
}

// ServerConfig configures a Server.
type ServerConfig struct {
	// Addr is the listen address ("127.0.0.1:9464"; port 0 picks a free port).
	Addr     string
	Registry *Registry
	Logger   *slog.Logger
	// Profiling also serves the Go runtime's profiles (net/http/pprof) under /debug/pprof/,
	// so an operator can see what holds the daemon's memory (a heap profile) or its CPU.
	// Off by default: profiles reveal the program's internals and a CPU profile or trace
	// costs the daemon while it runs, so the address must stay private.
	Profiling bool
}

// Server serves GET /metrics.
type Server struct {
	cfg ServerConfig
	srv *http.Server
	ln  net.Listener
}

// NewServer checks cfg.
func NewServer(cfg ServerConfig) (*Server, error) {
	if cfg.Registry == nil {
		return nil, errors.New("metrics: Registry is required")
	}
	if _, _, err := net.SplitHostPort(cfg.Addr); err != nil {
		return nil, fmt.Errorf("metrics: listen address %q: %w (want HOST:PORT, e.g. 127.0.0.1:9464)", cfg.Addr, err)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &Server{cfg: cfg}, nil
}

// Start listens and serves in the background; an address in use is an error here, not later.
func (s *Server) Start(ctx context.Context) error {
	if s.ln != nil {
		return errors.New("metrics: server already started")
	}
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("metrics: listening on %s: %w", s.cfg.Addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", s.cfg.Registry.Handler())
	if s.cfg.Profiling {
		// Mounted by hand: importing net/http/pprof registers on http.DefaultServeMux, which
		// this server never serves.
		mux.HandleFunc("GET /debug/pprof/", pprof.Index)
		mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("POST /debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	}
	s.ln = ln
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.cfg.Logger.Error("metrics server stopped", "err", err)
		}
	}()
	s.cfg.Logger.Info("serving metrics", "url", "http://"+ln.Addr().String()+"/metrics", "profiling", s.cfg.Profiling)
	return nil
}

// Addr is the address the server listens on (empty before Start).
func (s *Server) Addr() string {
	if s.ln == nil {
		return ""
	}
	return s.ln.Addr().String()
}

// Stop shuts the server down, waiting for scrapes in progress until ctx ends.
func (s *Server) Stop(ctx context.Context) error {
	if s.srv == nil {
		return nil
	}
	return s.srv.Shutdown(ctx)
}
