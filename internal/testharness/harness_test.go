package testharness_test

import (
	"testing"
	"time"

	"github.com/brine-compute/brine/internal/testharness"
)

func TestPoll(t *testing.T) {
	n := 0
	if !testharness.Poll(time.Second, func() bool { n++; return n == 3 }) || n != 3 {
		t.Fatalf("Poll gave up after %d calls; the condition held at the third", n)
	}
	start := time.Now()
	if testharness.Poll(50*time.Millisecond, func() bool { return false }) {
		t.Fatal("Poll of a condition that never holds returned true")
	}
	if took := time.Since(start); took < 50*time.Millisecond || took > time.Second {
		t.Fatalf("Poll with a 50ms timeout returned after %s", took)
	}
}

func TestSkipOrFail(t *testing.T) {
	t.Setenv("CI", "")
	t.Run("locally", func(t *testing.T) {
		testharness.SkipOrFail(t, "no %s here", "engine")
		t.Fatal("SkipOrFail returned")
	})
	// The subtest skipped (not failed), or this test would have failed with it.
}
