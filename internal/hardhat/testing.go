package hardhat

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"
)

// Start launches a node for a test and stops it in tb.Cleanup; when the test failed, the node's
// output is logged then. The node must start within a minute.
//
// When Hardhat is not installed (no `make deps`), Start fails the test under CI (the CI
// environment variable set) and skips it elsewhere, saying to run `make deps`.
func Start(tb testing.TB, opts ...func(*Options)) *Node {
	tb.Helper()
	var o Options
	for _, f := range opts {
		f(&o)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	n, err := Launch(ctx, o)
	if errors.Is(err, ErrNotInstalled) {
		if os.Getenv("CI") == "" {
			tb.Skipf("skipping the Hardhat test: %v (CI fails instead of skipping)", err)
		}
		tb.Fatalf("%v", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	tb.Logf("hardhat node at %s (chain ID %v)", n.URL, n.ChainID)
	tb.Cleanup(func() {
		if err := n.Close(); err != nil {
			tb.Errorf("stopping the hardhat node: %v", err)
		}
		if tb.Failed() {
			tb.Logf("hardhat node output (last 200 lines):\n%s", n.out.Tail(200))
		}
	})
	return n
}

// WithInterval also mines a block every d (see Options.Interval).
func WithInterval(d time.Duration) func(*Options) {
	return func(o *Options) { o.Interval = d }
}

// WithoutAutomine turns automine off (see Options.NoAutomine).
func WithoutAutomine() func(*Options) {
	return func(o *Options) { o.NoAutomine = true }
}

// WithHardfork overrides the hardfork (see Options.Hardfork).
func WithHardfork(name string) func(*Options) {
	return func(o *Options) { o.Hardfork = name }
}
