package finality

import (
	"errors"
	"fmt"
	"time"
)

// ErrNotFinalizing is what a Stall reports: under a tag rule the chain does not (or no longer)
// finalize, so waiting for the tag's block to reach a given block could last forever. A
// caller that waits tells the user to choose a depth rule (depth:N) or "safe" instead.
var ErrNotFinalizing = errors.New("finality: the chain does not finalize")

// Defaults of a Stall. DefaultMaxLag is twice Filecoin's expected-consensus finality (the 900
// epochs Lotus falls back to without F3) and about twenty times Ethereum's usual lag of the
// finalized checkpoint (two epochs, 64 to 96 blocks): a healthy chain's tag block never lags
// the head by more. DefaultStallTime is eight of Filecoin's 30-second epochs.
const (
	DefaultMaxLag    = 1800
	DefaultStallTime = 4 * time.Minute
)

// Stall tells a chain that finalizes slowly from one that does not finalize, from what a
// waiter sees of a tag rule over time: the head and the tag's block. Two things cannot
// happen on a chain that finalizes:
//
//   - the tag's block lags the head by more than MaxLag blocks (a chain whose finalized block
//     stays at genesis while blocks come: a client with no finalizing consensus behind it);
//   - neither the head nor the tag's block moves for StallTime while the waiter needs the tag
//     to move (a devnet that seals a block only for a transaction, as geth --dev and brine
//     devnet --period 0 do: the block the tag would finalize next never comes).
//
// A Stall is one waiter's: not safe for concurrent use. The zero Stall uses the defaults.
type Stall struct {
	Rule      Rule
	MaxLag    uint64
	StallTime time.Duration

	seen        bool
	head, final uint64
	since       time.Time // when head or final last moved
}

// Observe records what the waiter saw at now: the head, and the tag's block (ok false while
// the node names none). It returns an error wrapping ErrNotFinalizing, naming what was seen,
// when the chain cannot be finalizing.
func (s *Stall) Observe(now time.Time, head, final uint64, ok bool) error {
	maxLag, stallTime := s.MaxLag, s.StallTime
	if maxLag == 0 {
		maxLag = DefaultMaxLag
	}
	if stallTime == 0 {
		stallTime = DefaultStallTime
	}
	tag := s.Rule.Tag
	if tag == "" {
		tag = Finalized
	}
	if ok && head > final && head-final > maxLag {
		return fmt.Errorf("%w: its %s block (%d) is %d blocks behind its head (%d); a chain that finalizes stays within %d",
			ErrNotFinalizing, tag, final, head-final, head, maxLag)
	}
	if !s.seen || head != s.head || final != s.final {
		s.seen, s.head, s.final, s.since = true, head, final, now
		return nil
	}
	if now.Sub(s.since) >= stallTime {
		return fmt.Errorf("%w: neither its head (block %d) nor its %s block (%d) moved in %s: the chain makes no blocks while nothing is sent (a devnet that seals only for transactions never finalizes the last ones)",
			ErrNotFinalizing, head, tag, final, stallTime)
	}
	return nil
}
