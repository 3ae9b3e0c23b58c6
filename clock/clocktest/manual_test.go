package clocktest_test

import (
	"testing"
	"time"

	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/clock/clocktest"
)

var _ clock.Clock = (*clocktest.Manual)(nil)

func TestManualFiresOnlyWhatIsDue(t *testing.T) {
	c := clocktest.NewManual(time.Time{})
	if !c.Now().Equal(clocktest.Start) {
		t.Fatalf("starts at %s, want %s", c.Now(), clocktest.Start)
	}
	short, long := c.After(time.Second), c.After(3*time.Second)
	if d := c.NextWait(t); d != time.Second {
		t.Fatalf("first wait %s, want 1s", d)
	}
	if d := c.NextWait(t); d != 3*time.Second {
		t.Fatalf("second wait %s, want 3s", d)
	}
	c.Advance(time.Second)
	select {
	case got := <-short:
		if want := clocktest.Start.Add(time.Second); !got.Equal(want) {
			t.Fatalf("short timer fired at %s, want %s", got, want)
		}
	default:
		t.Fatal("a timer due now did not fire")
	}
	select {
	case <-long:
		t.Fatal("a timer due in 2s fired early")
	default:
	}
	c.Advance(2 * time.Second)
	select {
	case <-long:
	default:
		t.Fatal("the long timer did not fire when due")
	}
}

func TestManualStepReportsTheNextWait(t *testing.T) {
	c := clocktest.NewManual(time.Time{})
	go func() {
		<-c.After(time.Minute)
		<-c.After(time.Hour)
	}()
	if d := c.NextWait(t); d != time.Minute {
		t.Fatalf("wait %s, want 1m", d)
	}
	if d := c.Step(t, time.Minute); d != time.Hour {
		t.Fatalf("after the step the loop waits %s, want 1h", d)
	}
}
