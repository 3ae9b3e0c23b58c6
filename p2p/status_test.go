package p2p_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/libp2p/go-libp2p/core/network"

	"github.com/brine-compute/brine/p2p"
)

// statusMap is a StatusSource.
type statusMap map[uint64]p2p.JobStatus

func (m statusMap) JobStatus(id uint64) (p2p.JobStatus, bool) {
	st, ok := m[id]
	return st, ok
}

// TestStatus: a node answers its record of a job; the client gets it checked and printable,
// with the reason's line breaks; a job the node has no record of is not found; a record too
// long is cut at a rune boundary by the server.
func TestStatus(t *testing.T) {
	updated := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	long := strings.Repeat("é", p2p.MaxStatusReason) // 2 bytes a rune: twice the bound
	server := newHost(t, p2p.Config{DisableProbe: true, Status: statusMap{
		7: {Role: "provider", State: "failed", Reason: "exit code 2: open /brine/inputs/name.txt: no such file\n\x1b[2Jfake", Attempts: 1, Updated: updated},
		8: {Role: "provider", State: "failed", Reason: long},
		9: {Job: 1234, Role: "provider", State: "running"}, // the source's Job field is not trusted: the answer names the job asked for
	}})
	client := newClient(t, p2p.Limits{})
	info := server.AddrInfo()

	st, err := client.FetchStatus(t.Context(), info, 7)
	if err != nil {
		t.Fatal(err)
	}
	want := p2p.JobStatus{Job: 7, Role: "provider", State: "failed", Reason: "exit code 2: open /brine/inputs/name.txt: no such file\n\uFFFD[2Jfake", Attempts: 1, Updated: updated}
	if st != want {
		t.Fatalf("status %+v\nwant %+v", st, want)
	}

	st, err = client.FetchStatus(t.Context(), info, 8)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Reason) != p2p.MaxStatusReason || !utf8.ValidString(st.Reason) || strings.Contains(st.Reason, "\uFFFD") {
		t.Fatalf("a long reason came back as %d bytes (valid UTF-8 %v)", len(st.Reason), utf8.ValidString(st.Reason))
	}

	if st, err := client.FetchStatus(t.Context(), info, 9); err != nil || st.Job != 9 || st.State != "running" {
		t.Fatalf("status of job 9: %+v, %v", st, err)
	}

	if _, err := client.FetchStatus(t.Context(), info, 10); !errors.Is(err, p2p.ErrNotFound) {
		t.Fatalf("status of an unknown job: %v, want not found", err)
	}

	// Not offered without a source.
	plain := newHost(t, p2p.Config{DisableProbe: true})
	if _, err := client.FetchStatus(t.Context(), plain.AddrInfo(), 7); err == nil {
		t.Fatal("a host without a status source answered")
	}

	// A request that is not an 8-byte job ID is answered invalid.
	s := rawStream(t, client, info, p2p.StatusProtocol)
	if _, err := s.Write(frame([]byte{1, 2, 3})); err != nil {
		t.Fatal(err)
	}
	_ = s.CloseWrite()
	code, _, err := readResponse(bufio.NewReader(s))
	if err != nil || code != p2p.StatusInvalid {
		t.Fatalf("a 3-byte request: %v, %v; want invalid", code, err)
	}
}

// TestLyingStatusServer: answers about another job, malformed or oversize answers, and
// fields out of bounds get nothing past FetchStatus.
func TestLyingStatusServer(t *testing.T) {
	evil := newHost(t, p2p.Config{DisableProbe: true})
	client := newClient(t, p2p.Limits{})
	ok := []byte{byte(p2p.StatusOK)}
	doc := func(st p2p.JobStatus) []byte {
		b, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, tc := range []struct {
		name   string
		answer func([]byte, network.Stream)
		want   error
	}{
		{"another job", write(frame(ok, doc(p2p.JobStatus{Job: 8, Role: "provider", State: "done"}))), p2p.ErrProtocol},
		{"no state", write(frame(ok, doc(p2p.JobStatus{Job: 7, Role: "provider"}))), p2p.ErrProtocol},
		{"long state", write(frame(ok, doc(p2p.JobStatus{Job: 7, State: strings.Repeat("x", 33)}))), p2p.ErrProtocol},
		{"long reason", write(frame(ok, doc(p2p.JobStatus{Job: 7, State: "failed", Reason: strings.Repeat("x", p2p.MaxStatusReason+1)}))), p2p.ErrProtocol},
		{"negative attempts", write(frame(ok, doc(p2p.JobStatus{Job: 7, State: "failed", Attempts: -1}))), p2p.ErrProtocol},
		{"not JSON", write(frame(ok, []byte("failed"))), p2p.ErrProtocol},
		{"two documents", write(frame(ok, doc(p2p.JobStatus{Job: 7, State: "failed"}), []byte("{}"))), p2p.ErrProtocol},
		{"oversize", write(frame(ok, make([]byte, 8192))), p2p.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lie(evil, p2p.StatusProtocol, tc.answer)
			st, err := client.FetchStatus(t.Context(), evil.AddrInfo(), 7)
			if !errors.Is(err, tc.want) {
				t.Fatalf("FetchStatus: %+v, %v; want %v", st, err, tc.want)
			}
		})
	}
}
