package lifecycle_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/brine-compute/brine/internal/lifecycle"
)

// journal records the starts and stops of fake services, in order.
type journal struct {
	mu  sync.Mutex
	all []string
}

func (j *journal) add(s string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.all = append(j.all, s)
}

func (j *journal) list() []string {
	j.mu.Lock()
	defer j.mu.Unlock()
	return slices.Clone(j.all)
}

// fake is a service that writes to a journal; startErr fails its start, and block makes its
// stop wait for the stop context.
type fake struct {
	name     string
	j        *journal
	startErr error
	block    bool
}

func (f *fake) Start(context.Context) error {
	if f.startErr != nil {
		f.j.add("fail " + f.name)
		return f.startErr
	}
	f.j.add("start " + f.name)
	return nil
}

func (f *fake) Stop(ctx context.Context) error {
	f.j.add("stop " + f.name)
	if f.block {
		<-ctx.Done()
		return ctx.Err()
	}
	return nil
}

// run starts svcs in order the way a command does (the deferred Stop for a failed start, Wait
// otherwise), in a goroutine; the returned channel gets its error.
func run(ctx context.Context, cfg lifecycle.Config, svcs ...lifecycle.Service) (<-chan error, <-chan struct{}) {
	out := make(chan error, 1)
	up := make(chan struct{})
	go func() {
		r := lifecycle.New(cfg)
		err := func() error {
			defer r.Stop()
			for _, s := range svcs {
				if err := r.Start(ctx, s); err != nil {
					return err
				}
			}
			close(up)
			return r.Wait(ctx, nil)
		}()
		out <- err
	}()
	return out, up
}

func wait(t *testing.T, errs <-chan error) error {
	t.Helper()
	select {
	case err := <-errs:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("the runner did not return")
		return nil
	}
}

func TestStartsInOrderStopsInReverseOnSignal(t *testing.T) {
	var j journal
	sigs := make(chan os.Signal, 2)
	errs, up := run(context.Background(), lifecycle.Config{Signals: sigs, Stderr: &bytes.Buffer{}},
		&fake{name: "a", j: &j}, &fake{name: "b", j: &j}, &fake{name: "c", j: &j})
	<-up
	if got := j.list(); !slices.Equal(got, []string{"start a", "start b", "start c"}) {
		t.Fatalf("before the signal: %v", got)
	}
	sigs <- syscall.SIGTERM
	if err := wait(t, errs); err != nil {
		t.Fatal(err)
	}
	want := []string{"start a", "start b", "start c", "stop c", "stop b", "stop a"}
	if got := j.list(); !slices.Equal(got, want) {
		t.Fatalf("journal %v, want %v", got, want)
	}
}

func TestContextEndStops(t *testing.T) {
	var j journal
	ctx, cancel := context.WithCancel(context.Background())
	errs, up := run(ctx, lifecycle.Config{Signals: make(chan os.Signal)}, &fake{name: "a", j: &j}, &fake{name: "b", j: &j})
	<-up
	cancel()
	if err := wait(t, errs); err != nil {
		t.Fatal(err)
	}
	if got, want := j.list(), []string{"start a", "start b", "stop b", "stop a"}; !slices.Equal(got, want) {
		t.Fatalf("journal %v, want %v", got, want)
	}
}

func TestFailedStartStopsTheEarlierOnes(t *testing.T) {
	var j journal
	boom := errors.New("port taken")
	errs, _ := run(context.Background(), lifecycle.Config{Signals: make(chan os.Signal)},
		&fake{name: "a", j: &j}, &fake{name: "b", j: &j}, &fake{name: "c", j: &j, startErr: boom}, &fake{name: "d", j: &j})
	if err := wait(t, errs); !errors.Is(err, boom) {
		t.Fatalf("run: %v, want %v", err, boom)
	}
	want := []string{"start a", "start b", "fail c", "stop b", "stop a"}
	if got := j.list(); !slices.Equal(got, want) {
		t.Fatalf("journal %v, want %v", got, want)
	}
}

func TestStopErrorsAreJoinedAndEveryServiceStops(t *testing.T) {
	var j journal
	sigs := make(chan os.Signal, 1)
	// a's stop outlasts the grace: its context ends, and b was stopped before it all the same.
	errs, up := run(context.Background(), lifecycle.Config{Signals: sigs, Grace: 50 * time.Millisecond},
		&fake{name: "a", j: &j, block: true}, &fake{name: "b", j: &j})
	<-up
	sigs <- os.Interrupt
	if err := wait(t, errs); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("run: %v, want the grace's deadline", err)
	}
	if got, want := j.list(), []string{"start a", "start b", "stop b", "stop a"}; !slices.Equal(got, want) {
		t.Fatalf("journal %v, want %v", got, want)
	}
}

func TestSecondSignalForces(t *testing.T) {
	var j journal
	var stderr syncBuffer
	sigs := make(chan os.Signal, 2)
	errs, up := run(context.Background(), lifecycle.Config{Signals: sigs, Grace: time.Hour, Stderr: &stderr},
		&fake{name: "stuck", j: &j, block: true})
	<-up
	sigs <- os.Interrupt
	for deadline := time.Now().Add(10 * time.Second); !slices.Contains(j.list(), "stop stuck"); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the first signal did not start the stop")
		}
	}
	select {
	case err := <-errs:
		t.Fatalf("returned before the second signal: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	sigs <- os.Interrupt
	if err := wait(t, errs); !errors.Is(err, lifecycle.ErrForced) {
		t.Fatalf("run: %v, want ErrForced", err)
	}
	if !strings.Contains(stderr.String(), "Second signal") {
		t.Fatalf("stderr %q does not say the second signal forced the exit", stderr.String())
	}
}

func TestStopTwiceStopsOnce(t *testing.T) {
	var j journal
	r := lifecycle.New(lifecycle.Config{Signals: make(chan os.Signal)})
	if err := r.Start(context.Background(), &fake{name: "a", j: &j}); err != nil {
		t.Fatal(err)
	}
	if err := r.Stop(); err != nil {
		t.Fatal(err)
	}
	if err := r.Stop(); err != nil {
		t.Fatal(err)
	}
	if got, want := j.list(), []string{"start a", "stop a"}; !slices.Equal(got, want) {
		t.Fatalf("journal %v, want %v", got, want)
	}
}

func TestFuncs(t *testing.T) {
	var j journal
	r := lifecycle.New(lifecycle.Config{Signals: make(chan os.Signal)})
	svc := lifecycle.Funcs{
		OnStart: func(context.Context) error { j.add("start f"); return nil },
		OnStop:  func(context.Context) error { j.add("stop f"); return nil },
	}
	if err := r.Start(context.Background(), svc); err != nil {
		t.Fatal(err)
	}
	if err := r.Start(context.Background(), lifecycle.Funcs{}); err != nil {
		t.Fatal(err)
	}
	if err := r.Stop(); err != nil {
		t.Fatal(err)
	}
	if got, want := j.list(), []string{"start f", "stop f"}; !slices.Equal(got, want) {
		t.Fatalf("journal %v, want %v", got, want)
	}
}

// syncBuffer is a bytes.Buffer safe across goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
