package cli

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

// rewardsAddReporter is `brine rewards add-reporter ADDR`: governance appoints a prober.
func rewardsAddReporter(c *cli.Context, stdio IO) error {
	a, err := args(c, 1, "brine rewards add-reporter <address>")
	if err != nil {
		return err
	}
	reporter, err := parseAddress(a[0], "reporter")
	if err != nil {
		return err
	}
	s, err := writeSession(c, stdio)
	if err != nil {
		return err
	}
	defer s.close()
	if _, err := s.resolveAccount(true); err != nil {
		return err
	}
	ro, err := s.rewards(false)
	if err != nil {
		return err
	}
	owner, err := ro.Owner(s.ctx)
	if err != nil {
		return err
	}
	if owner != s.account {
		return badInput("only the rewards contract's governance (%s) appoints reporters; %s is not it: pass --account %s", owner.Hex(), s.account.Hex(), owner.Hex())
	}
	since, err := ro.ReporterSince(s.ctx, reporter)
	if err != nil {
		return err
	}
	if since.IsZero() {
		rw, err := s.rewardsToSend()
		if err != nil {
			return err
		}
		fmt.Fprintf(s.info, "Appointing %s reporter of %s\n", reporter.Hex(), s.dep.Rewards.Hex())
		if err := rw.AddReporter(s.ctx, reporter); err != nil {
			return err
		}
		if since, err = ro.ReporterSince(s.ctx, reporter); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(s.info, "%s is already a reporter; nothing sent\n", reporter.Hex())
	}
	count, err := ro.ReporterCount(s.ctx)
	if err != nil {
		return err
	}
	return s.emit(map[string]any{"reporter": reporter.Hex(), "since": jsonTime(since), "reporters": count}, func(w io.Writer) {
		kv(w, "Reporter", "%s (since %s; %d reporter(s) in all)", reporter.Hex(), fmtTime(since), count)
	})
}
