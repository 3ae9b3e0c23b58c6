package devnet

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
)

// errStopped is returned by seal once the devnet is stopping.
var errStopped = errors.New("devnet: stopped")

// maxSealRounds bounds the blocks sealed for one trigger while the pool still has executable
// transactions (a transaction the miner never includes must not spin the loop).
const maxSealRounds = 16

// sealer is the one goroutine that produces blocks, through go-ethereum's simulated beacon
// (the consensus-client stand-in `geth --dev` uses). It seals an empty or full block every
// period; with period 0 it seals when transactions arrive (geth --dev.period 0). seal asks for
// a block at once, which the devnet uses while deploying so that setup does not wait for the
// period. Blocks are only ever sealed by this goroutine, so sealing never races, and stop waits
// for a block being sealed to be written before the node closes its database.
type sealer struct {
	beacon *catalyst.SimulatedBeacon
	eth    *eth.Ethereum
	period time.Duration
	log    *slog.Logger

	requests chan chan struct{}
	empties  chan mineRequest
	quit     chan struct{}
	done     chan struct{}
}

func startSealer(beacon *catalyst.SimulatedBeacon, backend *eth.Ethereum, period time.Duration, log *slog.Logger) *sealer {
	s := &sealer{
		beacon:   beacon,
		eth:      backend,
		period:   period,
		log:      log,
		requests: make(chan chan struct{}),
		empties:  make(chan mineRequest),
		quit:     make(chan struct{}),
		done:     make(chan struct{}),
	}
	var newTxs chan core.NewTxsEvent
	if period == 0 {
		// Subscribe before the loop starts so no transaction slips past.
		newTxs = make(chan core.NewTxsEvent, 64)
		sub := backend.TxPool().SubscribeTransactions(newTxs, true)
		go func() {
			<-s.done
			sub.Unsubscribe()
		}()
	}
	go s.loop(newTxs)
	return s
}

func (s *sealer) loop(newTxs chan core.NewTxsEvent) {
	defer close(s.done)
	var tick <-chan time.Time
	if s.period > 0 {
		t := time.NewTicker(s.period)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case <-s.quit:
			return
		case <-tick:
			s.beacon.Commit()
		case <-newTxs:
			s.sealPending()
		case reply := <-s.requests:
			s.sealPending()
			close(reply)
		case req := <-s.empties:
			for range req.blocks {
				s.beacon.Commit()
			}
			close(req.reply)
		}
	}
}

// sealPending seals blocks until the pool has no executable transactions left.
func (s *sealer) sealPending() {
	pool := s.eth.TxPool()
	for range maxSealRounds {
		if err := pool.Sync(); err != nil {
			s.log.Warn("devnet: transaction pool sync failed", "err", err)
			return
		}
		if executable, _ := pool.Stats(); executable == 0 {
			return
		}
		select {
		case <-s.quit:
			return
		default:
		}
		s.beacon.Commit()
	}
	if executable, _ := pool.Stats(); executable > 0 {
		s.log.Warn("devnet: transactions stay pending after sealing; are their tips below the miner's minimum?", "pending", executable)
	}
}

// seal mines the pool's executable transactions now and returns once they are in blocks.
func (s *sealer) seal(ctx context.Context) error {
	reply := make(chan struct{})
	select {
	case s.requests <- reply:
	case <-s.done:
		return errStopped
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-reply:
		return nil
	case <-s.done:
		return errStopped
	case <-ctx.Done():
		return ctx.Err()
	}
}

// mineRequest asks the loop for blocks now, whatever the pool holds.
type mineRequest struct {
	blocks int
	reply  chan struct{}
}

// mine seals n blocks now (empty unless transactions are pending) and returns once they are
// written.
func (s *sealer) mine(ctx context.Context, n int) error {
	req := mineRequest{blocks: n, reply: make(chan struct{})}
	select {
	case s.empties <- req:
	case <-s.done:
		return errStopped
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-req.reply:
		return nil
	case <-s.done:
		return errStopped
	case <-ctx.Done():
		return ctx.Err()
	}
}

// stop ends the loop and waits for a block being sealed to be written.
func (s *sealer) stop() {
	close(s.quit)
	<-s.done
	_ = s.beacon.Stop() // closes its shutdown channel; its own loop never ran
}
