package rewards_test

import (
	"context"
	"errors"
	"testing"

	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/internal/simchain"
)

func TestAddReporter(t *testing.T) {
	ctx := context.Background()
	c := simchain.New(t)
	reporter := c.MustAccount(t, "reporter", nil)
	stranger := c.MustAccount(t, "stranger", nil)

	srw, _ := newClient(t, c, stranger)
	if err := srw.AddReporter(ctx, stranger.Addr); !reverts.Is(err, "OwnableUnauthorizedAccount") {
		t.Errorf("a stranger appointing itself: %v, want OwnableUnauthorizedAccount", err)
	}
	gov, sender := newClient(t, c, c.Owner)
	if err := gov.AddReporter(ctx, reporter.Addr); err != nil {
		t.Fatal(err)
	}
	if n, err := gov.ReporterCount(ctx); err != nil || n != 1 {
		t.Errorf("reporterCount %d %v, want 1", n, err)
	}
	// The same appointment again is the same step: answered, nothing sent twice.
	if err := gov.AddReporter(ctx, reporter.Addr); err != nil {
		t.Fatal(err)
	}
	if len(sender.ids) != 1 || sender.ids[0] != c.Owner.Addr.Hex()+"/rewards-add-reporter/"+reporter.Addr.Hex() {
		t.Errorf("sent %v, want one rewards-add-reporter transaction", sender.ids)
	}
	if n, err := gov.ReporterCount(ctx); err != nil || n != 1 {
		t.Errorf("reporterCount %d %v after appointing again, want 1", n, err)
	}

	ro, err := rewards.New(ctx, rewards.Config{Client: c.Client, Rewards: c.Addr.Rewards, Token: c.Addr.Token})
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.AddReporter(ctx, reporter.Addr); !errors.Is(err, rewards.ErrReadOnly) {
		t.Errorf("read-only client: %v, want ErrReadOnly", err)
	}
}
