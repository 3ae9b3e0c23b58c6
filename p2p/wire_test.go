package p2p

import (
	"bufio"
	"bytes"
	"errors"
	"testing"
	"unicode"

	"github.com/libp2p/go-libp2p/core/peer"
)

func FuzzReadFrame(f *testing.F) {
	f.Add([]byte{0})
	f.Add(frame([]byte("hello")))
	f.Add([]byte{0x80, 0x00})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Add(append([]byte{0x40}, make([]byte, 10)...))
	const max = 64
	f.Fuzz(func(t *testing.T, data []byte) {
		var reserved int
		body, err := readFrame(bufio.NewReader(bytes.NewReader(data)), max, func(n int) error {
			reserved = n
			return nil
		})
		if err != nil {
			return
		}
		if len(body) > max || reserved != len(body) {
			t.Fatalf("frame of %d bytes (reserved %d), bound %d", len(body), reserved, max)
		}
		if enc := frame(body); !bytes.HasPrefix(data, enc) {
			t.Fatalf("frame %x does not re-encode to a prefix of %x", enc, data)
		}
	})
}

func FuzzParseResponse(f *testing.F) {
	f.Add([]byte{0, 1, 2})
	f.Add([]byte{2, 'b', 'u', 's', 'y'})
	f.Add([]byte{3, 0x1b, '[', '2', 'J', '\n', 0xff})
	f.Add([]byte{9})
	f.Fuzz(func(t *testing.T, body []byte) {
		payload, err := parseResponse(body)
		var re *RemoteError
		switch {
		case err == nil:
			if len(body) == 0 || body[0] != byte(StatusOK) || !bytes.Equal(payload, body[1:]) {
				t.Fatalf("ok response %x gave %x", body, payload)
			}
		case errors.As(err, &re):
			for _, r := range re.Message {
				if !unicode.IsPrint(r) {
					t.Fatalf("message %q has %U", re.Message, r)
				}
			}
			if re.Status == StatusOK {
				t.Fatalf("RemoteError with status ok")
			}
		case !errors.Is(err, ErrProtocol):
			t.Fatalf("error %v is neither a status nor ErrProtocol", err)
		}
	})
}

func FuzzProbeRequest(f *testing.F) {
	f.Add(make([]byte, probeRequestSize))
	f.Add(bytes.Repeat([]byte{0xff}, probeRequestSize))
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		var r ProbeRequest
		if err := r.UnmarshalBinary(data); err != nil {
			if len(data) == probeRequestSize {
				t.Fatalf("refused %d bytes: %v", len(data), err)
			}
			return
		}
		enc, err := r.MarshalBinary()
		if err != nil || !bytes.Equal(enc, data) {
			t.Fatalf("round trip %x -> %x (%v)", data, enc, err)
		}
	})
}

func TestSlots(t *testing.T) {
	s := newSlots(2, 3)
	a, b := "a", "b"
	for i, want := range []bool{true, true, false} {
		if got := s.acquire(peerID(a)); got != want {
			t.Fatalf("a acquire %d: %v", i, got)
		}
	}
	if !s.acquire(peerID(b)) || s.acquire(peerID(b)) {
		t.Fatalf("b: want one slot left in total")
	}
	s.release(peerID(a))
	if !s.acquire(peerID(b)) {
		t.Fatalf("b: a released a slot")
	}
	s.release(peerID(a))
	s.release(peerID(b))
	s.release(peerID(b))
	if s.n != 0 || len(s.byPeer) != 0 {
		t.Fatalf("after releasing all: n=%d byPeer=%v", s.n, s.byPeer)
	}
}

func peerID(s string) peer.ID { return peer.ID(s) }
