package cli

import (
	"context"
	"time"

	"github.com/brine-compute/brine/internal/lifecycle"
)

// runner is the lifecycle runner of a long-running command: its services stop in reverse
// order within grace, and a second Ctrl-C forces the exit (said on stderr). The command defers
// its Stop at once, so a step that fails stops what already started.
func (s *session) runner(grace time.Duration) *lifecycle.Runner {
	return lifecycle.New(lifecycle.Config{Grace: grace, Stderr: s.info})
}

// quietStop is a service whose stop error the command does not return: onErr (if set) logs or
// prints it, as the command did before it had a runner.
type quietStop struct {
	lifecycle.Service
	onErr func(error)
}

func (q quietStop) Stop(ctx context.Context) error {
	if err := q.Service.Stop(ctx); err != nil && q.onErr != nil {
		q.onErr(err)
	}
	return nil
}
