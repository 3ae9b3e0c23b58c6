package explorer

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/brine-compute/brine/index"
)

// Reasons asks the node of an ended job's provider why the job failed: what `brine job status`
// shows as the node's reason, or its executor's words when the result is a failure record ("":
// the node gave none). The explorer may not reach peers itself (its room does not import p2p),
// so `brine explorer --fetch-reasons` wires one in over a libp2p host.
type Reasons interface {
	FailureReason(ctx context.Context, job index.Job) (string, error)
}

// The bounds on asking nodes: a request waits at most reasonTimeout for a node, and at most
// reasonSlots nodes are asked at once; a request that finds them all taken does not wait.
const (
	reasonTimeout = 4 * time.Second
	reasonSlots   = 4
)

// Notes on a job's failure reason, when none is shown.
const (
	failureNote       = "not fetched: the explorer runs without --fetch-reasons; `brine job status ID` asks the provider's node"
	failureNoteLive   = "the job has not ended"
	failureNoteNone   = "the job has no provider whose node could say"
	failureNoteBusy   = "not fetched yet: the explorer is asking other nodes; try again"
	failureNoteEmpty  = "the provider's node gave no reason"
	failureNoteFailed = "the provider's node was not reached"
)

var errNoSlot = errors.New("explorer: every slot for asking nodes is taken")

// failureReason is a job's node-reported failure reason and, when there is none, why: from the
// index's cache, else (with Reasons) from the node, kept in the cache once answered.
func (s *Server) failureReason(ctx context.Context, j index.Job) (*string, string) {
	switch {
	case j.Live:
		return nil, failureNoteLive
	case j.Provider == ([20]byte{}):
		return nil, failureNoteNone
	}
	reason, ok, err := s.cfg.DB.FailureReason(ctx, j.ID, j.Provider)
	if err != nil {
		s.log.Warn("reading a failure reason", "job", j.ID, "err", err)
		return nil, failureNoteFailed
	}
	if !ok {
		if s.cfg.Reasons == nil {
			return nil, failureNote
		}
		if reason, err = s.askNode(ctx, j); errors.Is(err, errNoSlot) {
			return nil, failureNoteBusy
		} else if err != nil {
			s.log.Info("asking a provider's node for a failure reason", "job", j.ID, "provider", j.Provider, "err", err)
			return nil, fmt.Sprintf("%s: %v", failureNoteFailed, err)
		}
	}
	if reason == "" {
		return nil, failureNoteEmpty
	}
	return &reason, ""
}

// askNode asks the job's provider's node within the bounds, and keeps its answer.
func (s *Server) askNode(ctx context.Context, j index.Job) (string, error) {
	select {
	case s.reasonSlots <- struct{}{}:
		defer func() { <-s.reasonSlots }()
	default:
		return "", errNoSlot
	}
	ctx, cancel := context.WithTimeout(ctx, reasonTimeout)
	defer cancel()
	reason, err := s.cfg.Reasons.FailureReason(ctx, j)
	if err != nil {
		return "", err
	}
	const most = 4096 // a node's words are shown, not stored without bound
	if len(reason) > most {
		reason = reason[:most] + "…"
	}
	if err := s.cfg.DB.SetFailureReason(context.WithoutCancel(ctx), j.ID, j.Provider, reason); err != nil {
		s.log.Warn("keeping a failure reason", "job", j.ID, "err", err)
	}
	return reason, nil
}
