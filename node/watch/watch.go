package watch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/settlement"
)

// Clock is the watcher's source of time.
type Clock = clock.Clock

// SystemClock is the wall clock.
var SystemClock = clock.System

// CursorStore keeps the watcher's cursor. *store.Store is one.
type CursorStore interface {
	GetCursor(name string) (settlement.Cursor, bool, error)
	PutCursor(name string, c settlement.Cursor) error
}

// Finality names the highest block whose events count, and whether any does yet.
// chain/finality.Source is one (the node knows no chain package; the CLI wires it).
type Finality interface {
	Final(ctx context.Context) (block uint64, ok bool, err error)
}

// Handler receives one event. It must be idempotent (see the package documentation): an event
// whose handler did not return nil is delivered again. The context is cancelled by Stop.
type Handler func(ctx context.Context, ev settlement.Event) error

// TickHandler is called after every poll with the clock's time.
type TickHandler func(ctx context.Context, now time.Time) error

// Defaults for the zero values of Config.
const (
	DefaultCursorName   = "market"
	DefaultPollInterval = 2 * time.Second
	DefaultBatchSize    = 256
	DefaultMinBackoff   = time.Second
	DefaultMaxBackoff   = time.Minute
)

// Config configures a Watcher.
type Config struct {
	// Source reads the events.
	Source settlement.EventSource
	// Store keeps the cursor under CursorName (default "market"). Name it after the
	// deployment when one store may see several.
	Store      CursorStore
	CursorName string
	// Start is where to begin when the store has no cursor yet. The zero cursor starts at the
	// market's deploy block, delivering its whole history.
	Start settlement.Cursor
	// Confirmations is how many blocks must be built on a block before its events are
	// delivered.
	Confirmations uint64
	// Finality, if set, also holds back events above the block it names final (the chain's
	// "finalized" or "safe" block, --finality): an event is delivered only once both rules
	// let it through.
	Finality Finality
	// PollInterval is the pause between polls that found the stream drained.
	PollInterval time.Duration
	// BatchSize bounds the events one poll reads; a full batch is followed by another poll at
	// once.
	BatchSize int
	// MinBackoff and MaxBackoff bound the pause after a failed poll or handler.
	MinBackoff, MaxBackoff time.Duration
	// Clock defaults to SystemClock; Logger to discarding.
	Clock  Clock
	Logger *slog.Logger
	// Handle receives the events (required); Tick the time after each poll (optional).
	Handle Handler
	Tick   TickHandler
}

// Check reports every problem with c, after defaults.
func (c Config) Check() error {
	var errs []error
	if c.Source == nil {
		errs = append(errs, errors.New("Source is required"))
	}
	if c.Store == nil {
		errs = append(errs, errors.New("Store is required"))
	}
	if c.Handle == nil {
		errs = append(errs, errors.New("Handle is required"))
	}
	if c.PollInterval < 0 || c.MinBackoff < 0 || c.MaxBackoff < 0 || c.BatchSize < 0 {
		errs = append(errs, errors.New("PollInterval, BatchSize and backoffs cannot be negative"))
	}
	if c.MinBackoff > 0 && c.MaxBackoff > 0 && c.MinBackoff > c.MaxBackoff {
		errs = append(errs, fmt.Errorf("MinBackoff %s exceeds MaxBackoff %s", c.MinBackoff, c.MaxBackoff))
	}
	if len(errs) > 0 {
		return fmt.Errorf("watch config: %w", errors.Join(errs...))
	}
	return nil
}

func (c *Config) defaults() {
	if c.CursorName == "" {
		c.CursorName = DefaultCursorName
	}
	if c.PollInterval == 0 {
		c.PollInterval = DefaultPollInterval
	}
	if c.BatchSize == 0 {
		c.BatchSize = DefaultBatchSize
	}
	if c.MinBackoff == 0 {
		c.MinBackoff = DefaultMinBackoff
	}
	if c.MaxBackoff == 0 {
		c.MaxBackoff = max(DefaultMaxBackoff, c.MinBackoff)
	}
	if c.Clock == nil {
		c.Clock = SystemClock
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
}

// Watcher is the chain watcher service.
type Watcher struct {
	cfg Config
	log *slog.Logger

	mu      sync.Mutex
	started bool
	cancel  context.CancelFunc
	done    chan struct{}
	cursor  settlement.Cursor // the position delivered up to (and persisted)
}

// New checks cfg and returns a Watcher; Start starts it.
func New(cfg Config) (*Watcher, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	cfg.defaults()
	return &Watcher{cfg: cfg, log: cfg.Logger.With("component", "watch")}, nil
}

// Start reads the cursor from the store and starts watching in the background. ctx bounds
// only the start; Stop ends the watcher. A Watcher starts once.
func (w *Watcher) Start(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.started {
		return errors.New("watch: already started")
	}
	cur, ok, err := w.cfg.Store.GetCursor(w.cfg.CursorName)
	if err != nil {
		return fmt.Errorf("watch: read cursor %q: %w", w.cfg.CursorName, err)
	}
	if !ok {
		cur = w.cfg.Start
	}
	w.cursor = cur
	w.started = true
	runCtx, cancel := context.WithCancel(context.Background())
	w.cancel, w.done = cancel, make(chan struct{})
	w.log.Info("watching the market", "from", cur, "stored", ok, "confirmations", w.cfg.Confirmations)
	go w.run(runCtx, cur)
	return nil
}

// Stop cancels the watcher (and the context of a handler in progress) and waits for it to
// end, or for ctx.
func (w *Watcher) Stop(ctx context.Context) error {
	w.mu.Lock()
	cancel, done := w.cancel, w.done
	w.mu.Unlock()
	if cancel == nil {
		return nil
	}
	cancel()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("watch: stop: %w", ctx.Err())
	}
}

// Cursor is the position the watcher has delivered (and persisted) up to.
func (w *Watcher) Cursor() settlement.Cursor {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.cursor
}

func (w *Watcher) setCursor(c settlement.Cursor) {
	w.mu.Lock()
	w.cursor = c
	w.mu.Unlock()
}

func (w *Watcher) run(ctx context.Context, cur settlement.Cursor) {
	defer close(w.done)
	var backoff time.Duration
	for {
		next, more, err := w.poll(ctx, cur)
		cur = next
		if ctx.Err() != nil {
			return
		}
		wait := w.cfg.PollInterval
		switch {
		case err != nil:
			backoff = min(max(2*backoff, w.cfg.MinBackoff), w.cfg.MaxBackoff)
			wait = backoff
			w.log.Warn("watch: poll failed; retrying from the cursor", "cursor", cur, "retry_in", backoff, "err", err)
		case more:
			backoff, wait = 0, 0
		default:
			backoff = 0
		}
		if w.cfg.Tick != nil {
			if err := w.cfg.Tick(ctx, w.cfg.Clock.Now()); err != nil && ctx.Err() == nil {
				w.log.Warn("watch: tick failed", "err", err)
			}
		}
		if ctx.Err() != nil {
			return
		}
		if wait > 0 {
			select {
			case <-ctx.Done():
				return
			case <-w.cfg.Clock.After(wait):
			}
		}
	}
}

// poll reads one batch after cur and delivers it. It returns the cursor persisted so far,
// whether a full batch suggests more is waiting, and the first error.
func (w *Watcher) poll(ctx context.Context, cur settlement.Cursor) (settlement.Cursor, bool, error) {
	var final *uint64
	if w.cfg.Finality != nil {
		// Read before the events, so that no event newer than this answer slips through.
		f, ok, err := w.cfg.Finality.Final(ctx)
		if err != nil {
			return cur, false, fmt.Errorf("final block: %w", err)
		}
		if !ok {
			return cur, false, nil
		}
		final = &f
	}
	evs, end, err := w.cfg.Source.Events(ctx, cur, w.cfg.Confirmations, w.cfg.BatchSize)
	if err != nil {
		return cur, false, fmt.Errorf("read events after %s: %w", cur, err)
	}
	full := len(evs) >= w.cfg.BatchSize
	if final != nil {
		evs, end = finalOnly(evs, end, *final)
	}
	for _, ev := range evs {
		if ev.Position().Before(cur) {
			// A source that goes backwards would make us deliver old events as new.
			return cur, false, fmt.Errorf("event source returned %s, before the cursor %s", ev, cur)
		}
		if err := w.cfg.Handle(ctx, ev); err != nil {
			return cur, false, fmt.Errorf("handle %s: %w", ev, err)
		}
		if err := w.persist(ev.Next()); err != nil {
			return cur, false, err
		}
		cur = ev.Next()
	}
	if cur.Before(end) {
		if err := w.persist(end); err != nil {
			return cur, false, err
		}
		cur = end
	}
	return cur, full && len(evs) >= w.cfg.BatchSize, nil
}

// finalOnly keeps the events at or below the final block, and the cursor no further than
// just after it: the blocks above are read again once they are final.
func finalOnly(evs []settlement.Event, end settlement.Cursor, final uint64) ([]settlement.Event, settlement.Cursor) {
	for i, ev := range evs {
		if ev.Block > final {
			evs = evs[:i]
			break
		}
	}
	if limit := (settlement.Cursor{Block: final + 1}); limit.Before(end) {
		end = limit
	}
	return evs, end
}

func (w *Watcher) persist(c settlement.Cursor) error {
	if err := w.cfg.Store.PutCursor(w.cfg.CursorName, c); err != nil {
		return fmt.Errorf("write cursor %s: %w", c, err)
	}
	w.setCursor(c)
	return nil
}
