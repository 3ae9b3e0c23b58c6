package lifecycle

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// Service is a long-running part of a command.
type Service interface {
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
}

// Funcs is a Service of two functions (either may be nil), for a step that is not a type of
// its own: a clock's goroutine, a file removed at the stop.
type Funcs struct {
	OnStart func(ctx context.Context) error
	OnStop  func(ctx context.Context) error
}

// Start implements Service.
func (f Funcs) Start(ctx context.Context) error {
	if f.OnStart == nil {
		return nil
	}
	return f.OnStart(ctx)
}

// Stop implements Service.
func (f Funcs) Stop(ctx context.Context) error {
	if f.OnStop == nil {
		return nil
	}
	return f.OnStop(ctx)
}

// ErrForced is what a stop ended by a second signal returns: the services may still be
// stopping.
var ErrForced = errors.New("forced to exit by a second signal before the services stopped")

// DefaultGrace bounds a stop when Config.Grace is zero.
const DefaultGrace = 30 * time.Second

// Config shapes a Runner.
type Config struct {
	// Grace bounds the whole stop: the services' Stop get a context that ends then (default
	// DefaultGrace).
	Grace time.Duration
	// Signals are the stop requests (nil: the process's SIGINT and SIGTERM, from New on).
	Signals <-chan os.Signal
	// Stderr is where the runner says that a second signal forces the exit (default os.Stderr).
	Stderr io.Writer
}

// Runner starts services in order and stops them in reverse.
type Runner struct {
	cfg     Config
	release func() // stops the signal delivery New asked for (nil: Config.Signals)
	quit    chan struct{}
	first   chan struct{} // closed at the first signal
	second  chan struct{} // closed at the second signal

	mu       sync.Mutex
	started  []Service
	stopOnce sync.Once
	stopErr  error
}

// New returns a runner that listens for signals from now on.
func New(cfg Config) *Runner {
	if cfg.Grace <= 0 {
		cfg.Grace = DefaultGrace
	}
	if cfg.Stderr == nil {
		cfg.Stderr = os.Stderr
	}
	r := &Runner{cfg: cfg, quit: make(chan struct{}), first: make(chan struct{}), second: make(chan struct{})}
	sigs := cfg.Signals
	if sigs == nil {
		ch := make(chan os.Signal, 2)
		signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
		r.release = func() { signal.Stop(ch) }
		sigs = ch
	}
	go r.count(sigs)
	return r
}

// count closes first and second as the signals come.
func (r *Runner) count(sigs <-chan os.Signal) {
	for _, ch := range []chan struct{}{r.first, r.second} {
		select {
		case <-sigs:
			close(ch)
		case <-r.quit:
			return
		}
	}
}

// Start starts svc and keeps it for the stop. A service that fails to start is not stopped;
// the caller returns the error and its deferred Stop stops the ones before.
func (r *Runner) Start(ctx context.Context, svc Service) error {
	if err := svc.Start(ctx); err != nil {
		return err
	}
	r.mu.Lock()
	r.started = append(r.started, svc)
	r.mu.Unlock()
	return nil
}

// Wait blocks until the command is asked to stop (the first signal, or ctx ends), calls
// stopping (if set: the command says what the stop does), and stops the services (Stop).
func (r *Runner) Wait(ctx context.Context, stopping func()) error {
	select {
	case <-ctx.Done():
	case <-r.first:
	}
	if stopping != nil {
		stopping()
	}
	return r.Stop()
}

// Stop stops the started services in reverse order, within the grace time, and returns their
// errors joined; a second signal meanwhile returns ErrForced at once. Only the first call
// stops; later ones return its result.
func (r *Runner) Stop() error {
	r.stopOnce.Do(func() {
		defer r.close()
		ctx, cancel := context.WithTimeout(context.Background(), r.cfg.Grace)
		defer cancel()
		r.mu.Lock()
		svcs := append([]Service(nil), r.started...)
		r.mu.Unlock()
		done := make(chan error, 1)
		go func() {
			var errs []error
			for i := len(svcs) - 1; i >= 0; i-- {
				if err := svcs[i].Stop(ctx); err != nil {
					errs = append(errs, err)
				}
			}
			done <- errors.Join(errs...)
		}()
		select {
		case r.stopErr = <-done:
		case <-r.second:
			fmt.Fprintln(r.cfg.Stderr, "Second signal: exiting now, without waiting for the stop to finish")
			r.stopErr = ErrForced
		}
	})
	return r.stopErr
}

// close ends the signal counting and gives the signals back.
func (r *Runner) close() {
	close(r.quit)
	if r.release != nil {
		r.release()
	}
}
