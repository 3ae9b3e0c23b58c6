package results

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

func TestIncomingCommitsOnlyTheCIDsBytes(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, 1<<20)
	want := []byte("the result, as it arrives")
	in, err := s.Incoming()
	if err != nil {
		t.Fatal(err)
	}
	// A first source serves other bytes; Reset drops them before the next is asked.
	if _, err := in.Write([]byte("a wrong source's bytes, longer than the result")); err != nil {
		t.Fatal(err)
	}
	if err := in.Reset(); err != nil {
		t.Fatal(err)
	}
	for _, part := range [][]byte{want[:5], want[5:]} {
		if _, err := in.Write(part); err != nil {
			t.Fatal(err)
		}
	}
	c := CIDOf(want)
	if err := in.Commit(c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(c)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("Get after Commit: %q, %v", got, err)
	}
	assertUsage(t, s, int64(len(want)))
	if _, err := in.Write([]byte("x")); err == nil {
		t.Error("Write after Commit succeeds")
	}

	// Bytes that are not the CID's are refused and not kept.
	in, err = s.Incoming()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Write([]byte("not it")); err != nil {
		t.Fatal(err)
	}
	other := CIDOf([]byte("another result"))
	if err := in.Commit(other); !errors.Is(err, ErrMismatch) {
		t.Fatalf("Commit of other bytes: %v, want ErrMismatch", err)
	}
	if s.Has(other) {
		t.Error("a mismatched result is stored")
	}
	assertUsage(t, s, int64(len(want)))
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestIncomingCountsAgainstTheBound(t *testing.T) {
	s := openStore(t, t.TempDir(), 100)
	in, err := s.Incoming()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := in.Write(make([]byte, 60)); err != nil {
		t.Fatal(err)
	}
	// While it is written, its bytes hold room: a Put that would not fit beside it is refused.
	if _, err := s.Put(make([]byte, 50)); !errors.Is(err, ErrStoreFull) {
		t.Fatalf("Put beside a 60-byte incoming result in a 100-byte store: %v, want ErrStoreFull", err)
	}
	if _, err := in.Write(make([]byte, 41)); !errors.Is(err, ErrStoreFull) {
		t.Fatalf("writing past the bound: %v, want ErrStoreFull", err)
	}
	in.Discard()
	// Discarded, it holds nothing.
	if _, err := s.Put(make([]byte, 100)); err != nil {
		t.Fatalf("Put of 100 bytes once the incoming result is discarded: %v", err)
	}
}
