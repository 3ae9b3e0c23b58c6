package node

import (
	"errors"
	"unicode/utf8"

	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/results"
)

// Failure records (docs/protocol.md, "Failure records").
//
// A job that fails by its own fault (its program exits non-zero, runs out of its memory or
// time, writes past the log limit, leaves its outputs missing, unsafe or too large, or its
// wasm module cannot be a job) gets a failure record as its result: the provider commits it
// and is paid as for any result, replicas commit-reveal it, and drawn verifiers re-run the
// job and vote on it by CID. Provider, replica and verifier all reach it through execute, and
// failureRecord below is the only place a record is made, so the same failure gives the same
// bytes on every honest node.
//
// A failure that is not the program's (an image that could not be pulled, the node's own
// caps, an engine that refused the container, the node's infrastructure) gets no record: the
// node commits nothing, as before, and the job times out at the node's expense.

// failureRecord is the record of fail, a failure of a run with result res (zero for a
// failure found while packaging the outputs; pkgErr is then the packaging error), within the
// run's budget b. ok is false for a failure that is not the job's own fault.
func failureRecord(b executor.Budget, fail *executor.Failure, res executor.Result, pkgErr error) (results.FailureRecord, bool) {
	r := results.FailureRecord{Version: results.FailureVersion}
	// The limits of the outputs in force: the executor's (the spec's disk, the file count)
	// within the packager's.
	outBytes := uint64(min(b.OutputBytes, int64(results.DefaultMaxBytes)))
	outFiles := uint64(min(b.OutputFiles, results.DefaultMaxEntries))
	if pkgErr != nil {
		var oe *results.OutputError
		switch {
		case errors.Is(pkgErr, results.ErrTooLarge):
			r.Reason, r.LimitBytes, r.LimitFiles = results.FailOutputTooLarge, outBytes, outFiles
		case errors.As(pkgErr, &oe) && errors.Is(pkgErr, results.ErrMissingOutput):
			r.Reason, r.Output = results.FailOutputMissing, oe.Output
		case errors.As(pkgErr, &oe) && errors.Is(pkgErr, results.ErrUnsafe):
			r.Reason, r.Output = results.FailOutputUnsafe, oe.Output
		default:
			return r, false
		}
		return r, r.Check() == nil
	}
	switch fail.Reason {
	case executor.ExitCode:
		r.Reason, r.ExitCode = results.FailExitCode, res.ExitCode
		if r.ExitCode == 0 {
			r.ExitCode = -1 // a crash the engine reports without a status
		}
		// Each stream on its own: the program wrote it so on every node, whereas the order
		// in which an engine interleaves the two is its own.
		r.StdoutTail, r.StderrTail = recordTail(res.StdoutTail), recordTail(res.StderrTail)
	case executor.OutOfMemory:
		// No log tail: where the program was when it was stopped depends on the machine.
		r.Reason, r.LimitBytes = results.FailOutOfMemory, b.MemoryBytes
	case executor.TimeLimit:
		r.Reason, r.LimitTime = results.FailTimeLimit, b.Time.String()
	case executor.LogTooLarge:
		r.Reason, r.LimitBytes = results.FailLogTooLarge, uint64(b.LogBytes)
	case executor.OutputTooLarge:
		r.Reason, r.LimitBytes, r.LimitFiles = results.FailOutputTooLarge, outBytes, outFiles
	case executor.BadModule:
		r.Reason = results.FailBadModule
	default:
		// BadSpec (the node's caps or engine), PullFailed, Internal: the node's problem.
		return r, false
	}
	return r, r.Check() == nil
}

// recordTail is the end of one stream as a record quotes it: at most
// results.MaxFailureTail bytes of valid UTF-8, from a line boundary when one is near.
func recordTail(b []byte) string {
	t := executor.QuoteTail(b, results.MaxFailureTail)
	for len(t) > results.MaxFailureTail { // replacement characters can make it longer
		_, size := utf8.DecodeRuneInString(t)
		t = t[size:]
	}
	return t
}
