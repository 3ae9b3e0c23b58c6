package p2p

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/libp2p/go-libp2p/core/peer"
)

// statusRequestSize: the job ID, 8 bytes big-endian.
const statusRequestSize = 8

// Bounds of a status answer. The reason quotes at most 1 KiB of a job's log (executor
// failures), so 2 KiB leaves room for the words around it.
const (
	MaxStatusReason = 2048
	maxStatusState  = 32
	maxStatusSize   = 4096
)

// JobStatus is a node's own record of a job, as /brine/status/1.0.0 carries it: where the
// node's work stands and, for a job that failed or that the node let go, why. It is the
// node's word, not the chain's: the client trusts the chain for money and uses this to learn
// what happened (a bad module, an exit code with the log tail, a time limit).
type JobStatus struct {
	Job    uint64 `json:"job"`
	Role   string `json:"role"`             // "provider", "replica", "verifier"
	State  string `json:"state"`            // the node's state name ("running", "failed", …)
	Reason string `json:"reason,omitempty"` // why it failed or was let go, or what last went wrong
	// Failure is set when the node's result is a failure record (the job failed by its own
	// program, and the record is what the node committed): how, in the executor's words.
	Failure  string    `json:"failure,omitempty"`
	Attempts int       `json:"attempts,omitempty"`
	Updated  time.Time `json:"updated"`
}

// StatusSource gives the node's record of a job; ok false when it has none.
type StatusSource interface {
	JobStatus(job uint64) (JobStatus, bool)
}

// serveStatus answers /brine/status/1.0.0: request the job ID (8 bytes, big-endian);
// response StatusOK and the JobStatus as JSON, or StatusNotFound.
func (h *Host) serveStatus(_ context.Context, in *inbound, req []byte) error {
	if len(req) != statusRequestSize {
		in.log.Debug("p2p: status request is not an 8-byte job ID", "len", len(req))
		return in.fail(StatusInvalid, "want an 8-byte job ID")
	}
	id := binary.BigEndian.Uint64(req)
	st, ok := h.cfg.Status.JobStatus(id)
	if !ok {
		return in.fail(StatusNotFound, "no record of this job")
	}
	st.Job = id
	st.Reason = truncateUTF8(st.Reason, MaxStatusReason)
	body, err := json.Marshal(st)
	if err != nil || len(body) > maxStatusSize || st.State == "" || len(st.State) > maxStatusState {
		in.log.Warn("p2p: status source returned an unusable record", "job", id, "err", err)
		return in.fail(StatusError, "internal error")
	}
	return in.write(frame([]byte{byte(StatusOK)}, body))
}

// FetchStatus asks peer info for its record of job id. The answer is checked (it names the
// job asked about, its fields are within bounds) and made printable (the reason keeps its
// line breaks; other control characters become U+FFFD). A node that has no record answers
// ErrNotFound.
func (h *Host) FetchStatus(ctx context.Context, info peer.AddrInfo, id uint64) (JobStatus, error) {
	st, err := h.fetchStatus(ctx, info, id)
	if err != nil {
		return JobStatus{}, fmt.Errorf("p2p: fetch status of job %d from %s: %w", id, info.ID, err)
	}
	return st, nil
}

func (h *Host) fetchStatus(ctx context.Context, info peer.AddrInfo, id uint64) (st JobStatus, err error) {
	var req [statusRequestSize]byte
	binary.BigEndian.PutUint64(req[:], id)
	o, err := h.exchange(ctx, info, StatusProtocol, frame(req[:]))
	if err != nil {
		return st, err
	}
	defer func() {
		if cerr := o.close(err != nil); err == nil && cerr != nil {
			h.log.Debug("p2p: closing status stream", "peer", info.ID, "err", cerr)
		}
	}()
	body, err := o.response(maxStatusSize, false)
	if err != nil {
		return st, err
	}
	if err := o.expectEOF(); err != nil {
		return st, err
	}
	return parseStatus(body, id)
}

// parseStatus decodes and checks a status answer to a request for job id.
func parseStatus(body []byte, id uint64) (JobStatus, error) {
	var st JobStatus
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&st); err != nil {
		return JobStatus{}, fmt.Errorf("%w: status: %v", ErrProtocol, err)
	}
	if dec.More() {
		return JobStatus{}, fmt.Errorf("%w: status: data after the JSON object", ErrProtocol)
	}
	switch {
	case st.Job != id:
		return JobStatus{}, fmt.Errorf("%w: status of job %d, asked for %d", ErrProtocol, st.Job, id)
	case st.State == "" || len(st.State) > maxStatusState || len(st.Role) > maxStatusState:
		return JobStatus{}, fmt.Errorf("%w: status: bad state or role", ErrProtocol)
	case len(st.Reason) > MaxStatusReason:
		return JobStatus{}, fmt.Errorf("%w: status: reason of %d bytes", ErrProtocol, len(st.Reason))
	case st.Attempts < 0:
		return JobStatus{}, fmt.Errorf("%w: status: negative attempts", ErrProtocol)
	}
	st.Role, st.State = printable([]byte(st.Role)), printable([]byte(st.State))
	st.Reason = printableText(st.Reason)
	return st, nil
}

// printableText is printable for multi-line text: line breaks and tabs stay.
func printableText(s string) string {
	var sb strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if r != '\n' && r != '\t' && !unicode.IsPrint(r) {
			r = utf8.RuneError
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// truncateUTF8 cuts s to at most n bytes at a rune boundary.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
