package testharness

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Eventually polls cond until it holds, failing the test with the formatted message when
// timeout passes first.
func Eventually(t testing.TB, timeout time.Duration, cond func() bool, format string, args ...any) {
	t.Helper()
	if !Poll(timeout, cond) {
		t.Fatalf("not within %s: %s", timeout, fmt.Sprintf(format, args...))
	}
}

// Poll polls cond until it holds (true) or timeout passes (false), for a caller whose failure
// message tells the last state it saw. It polls quickly at first and then every 200 ms at
// most, so that a condition that holds at once costs nothing and one that reads the chain
// does not flood it. cond is called once more at the deadline.
func Poll(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	wait := 5 * time.Millisecond
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(min(wait, max(time.Until(deadline), time.Millisecond)))
		wait = min(2*wait, 200*time.Millisecond)
	}
	return true
}

// Logger is a text logger at level info writing to t's output, with who (when not empty) on
// every line. Writes after the test's cleanups have run are dropped: a component stopping
// late must not make the test panic.
func Logger(t testing.TB, who string) *slog.Logger {
	return LevelLogger(t, slog.LevelInfo, who)
}

// LevelLogger is Logger at level.
func LevelLogger(t testing.TB, level slog.Level, who string) *slog.Logger {
	w := &testWriter{w: t.Output()}
	t.Cleanup(w.close) // registered before the caller's cleanups: runs after them
	l := slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
	if who != "" {
		l = l.With("who", who)
	}
	return l
}

type testWriter struct {
	w    io.Writer
	done atomic.Bool
}

func (w *testWriter) Write(p []byte) (int, error) {
	if w.done.Load() {
		return len(p), nil
	}
	return w.w.Write(p)
}

func (w *testWriter) close() { w.done.Store(true) }

// InCI reports whether the tests run in CI (the CI environment variable is set), where a
// missing dependency is a failure rather than a reason to skip.
func InCI() bool { return os.Getenv("CI") != "" }

// SkipOrFail skips the test because of what the formatted message says is missing, or fails
// it when InCI: CI must run every test.
func SkipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if InCI() {
		t.Fatalf("CI is set and %s", msg)
	}
	t.Skipf("skipping: %s", msg)
}

var (
	teardownMu sync.Mutex
	teardowns  []func()
)

// AtExit registers f to run once Main's tests are done; teardowns run in reverse order of
// registration, as cleanups do. A fixture the whole test binary shares registers its stop
// here, since no single test's cleanup may end it.
func AtExit(f func()) {
	teardownMu.Lock()
	defer teardownMu.Unlock()
	teardowns = append(teardowns, f)
}

// SetParallel makes -test.parallel n unless the command line sets it. Call it from TestMain
// before Main in packages whose tests mostly wait (on chain time, deadlines, windows) rather
// than compute: the default, GOMAXPROCS, would leave them waiting in turn.
func SetParallel(n int) {
	if !flag.Parsed() {
		flag.Parse()
	}
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set {
		_ = flag.Set("test.parallel", strconv.Itoa(n))
	}
}

// Main runs the tests, then the teardowns registered with AtExit, and exits with the tests'
// code. Call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	teardownMu.Lock()
	fs := teardowns
	teardowns = nil
	teardownMu.Unlock()
	for i := len(fs) - 1; i >= 0; i-- {
		fs[i]()
	}
	os.Exit(code)
}

// Miner makes blocks on demand: devnet.Devnet, whose blocks come only with transactions or
// when asked.
type Miner interface {
	Mine(ctx context.Context, n int) error
}

// MineSteadily makes a block every `every` until the returned stop is called or the test
// ends, as Filecoin makes a tipset every epoch whether or not there are messages (the Lotus
// stand-in shows a receipt a tipset late, and its finality tags follow the head). stop waits
// for the last block; calling it twice is harmless.
func MineSteadily(t testing.TB, m Miner, every time.Duration) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ctx.Err() == nil {
			_ = m.Mine(ctx, 1)
			select {
			case <-ctx.Done():
			case <-time.After(every):
			}
		}
	}()
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); <-done }) }
	t.Cleanup(stop)
	return stop
}
