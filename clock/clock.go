// Package clock is Brine's injectable source of time, the one clock type: services that wait
// or judge deadlines (the transaction manager, the chain watcher, the node and its job store,
// the executors' timestamps, the prober, the canary, jobclient's follow) take a Clock in their
// config, so tests drive epochs, windows and timeouts without sleeping. Chain is the clock of
// the contracts, which judge by block time: the wall clock moved to a chain that runs ahead.
package clock

import "time"

// Clock tells the time and waits.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type system struct{}

func (system) Now() time.Time                         { return time.Now() }
func (system) After(d time.Duration) <-chan time.Time { return time.After(d) }

// System is the wall clock.
var System Clock = system{}
