package explorer

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/brine-compute/brine/index"
)

// TimesConfig is what Times reads and writes.
type TimesConfig struct {
	DB    *index.DB
	Chain index.HeaderReader
	Poll  time.Duration // how often to look for newly indexed blocks (0: 2 s)
	Log   *slog.Logger
}

// Check names a bad field and its fix.
func (c TimesConfig) Check() error {
	switch {
	case c.DB == nil:
		return errors.New("explorer: TimesConfig.DB is nil: open the index with index.Open")
	case c.Chain == nil:
		return errors.New("explorer: TimesConfig.Chain is nil: give the chain client the headers come from")
	}
	return nil
}

// timesBatch is how many block headers one round of Times reads.
const timesBatch = 2000

// Times records the time of every indexed block that has a log (index.DB.RecordBlockTimes),
// so the API can filter and chart by time. It runs beside the indexer: the indexer's writer
// is left as it is.
type Times struct {
	cfg    TimesConfig
	log    *slog.Logger
	cancel context.CancelFunc
	done   chan struct{}
}

// NewTimes checks cfg.
func NewTimes(cfg TimesConfig) (*Times, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.Poll == 0 {
		cfg.Poll = 2 * time.Second
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Times{cfg: cfg, log: log}, nil
}

// CatchUp records the times of every indexed block that has none yet.
func (t *Times) CatchUp(ctx context.Context) error {
	for {
		n, err := t.cfg.DB.RecordBlockTimes(ctx, t.cfg.Chain, timesBatch)
		if err != nil || n < timesBatch {
			return err
		}
	}
}

// Start records in the background until Stop.
func (t *Times) Start(ctx context.Context) error {
	ctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	t.cancel, t.done = cancel, make(chan struct{})
	go func() {
		defer close(t.done)
		for {
			if err := t.CatchUp(ctx); err != nil && ctx.Err() == nil {
				t.log.Warn("recording block times failed; trying again", "err", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(t.cfg.Poll):
			}
		}
	}()
	return nil
}

// Stop ends the background rounds.
func (t *Times) Stop(ctx context.Context) error {
	if t.cancel == nil {
		return nil
	}
	t.cancel()
	select {
	case <-t.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
