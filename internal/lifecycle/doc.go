// Package lifecycle runs the services of a long-running command (`brine node run`, `brine
// prober run`, `brine devnet`): each has Start(ctx) and Stop(ctx); the Runner starts them in
// order and stops them in reverse, when the command is asked to stop (SIGINT or SIGTERM, or
// its context ends) or when a later start fails. The stop is bounded by a grace time, and a
// second signal during it forces the exit: the runner says so and returns ErrForced without
// waiting for the services.
//
// Services are started one by one (Runner.Start), so a command keeps its setup order: the
// metrics server before the account is unlocked, the node before the claimer that fetches over
// its host. The command defers Runner.Stop right after New, so that whatever fails later stops
// what already started; Wait is the end of a run that went well.
package lifecycle
