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

// TestReadingAStoredResultFromItsFile: a stored result read from its file (OpenFile) lists,
// unpacks and reads as a failure record the same as from memory, and a corrupt copy is
// refused before anything reads it.
func TestReadingAStoredResultFromItsFile(t *testing.T) {
	src := t.TempDir()
	makeTree(t, src, []node{file("shards/a", "1"), file("shards/b", "2"), file("out.txt", "x")})
	archive, c, err := Package(src, outs("shards", "out.txt"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	s := openStore(t, dir, 1<<20)
	if _, err := s.Put(archive); err != nil {
		t.Fatal(err)
	}
	f, size, err := s.OpenFile(c)
	if err != nil || size != int64(len(archive)) {
		t.Fatalf("OpenFile: %d bytes, %v", size, err)
	}
	defer f.Close()
	entries, err := EntriesFrom(f, "shards")
	if err != nil || strings.Join(entries, ",") != "a,b" {
		t.Fatalf("EntriesFrom: %v, %v", entries, err)
	}
	if _, err := f.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := UnpackFrom(f, out, Limits{}); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(out + "/shards/b"); err != nil || string(b) != "2" {
		t.Fatalf("unpacked shards/b: %q, %v", b, err)
	}
	if _, err := f.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := ReadFailureFrom(f, size); ok || err != nil {
		t.Fatalf("ReadFailureFrom of outputs: ok %v, %v", ok, err)
	}

	rec := FailureRecord{Version: FailureVersion, Reason: FailExitCode, ExitCode: 3}
	fail, fc, err := PackageFailure(rec)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(fail); err != nil {
		t.Fatal(err)
	}
	ff, fsize, err := s.OpenFile(fc)
	if err != nil {
		t.Fatal(err)
	}
	defer ff.Close()
	if got, ok, err := ReadFailureFrom(ff, fsize); !ok || err != nil || got.ExitCode != 3 {
		t.Fatalf("ReadFailureFrom of a failure record: %+v, ok %v, %v", got, ok, err)
	}

	corrupt(t, dir, c, "flip")
	if _, _, err := s.OpenFile(c); !errors.Is(err, ErrMismatch) {
		t.Fatalf("OpenFile of a corrupt copy: %v, want ErrMismatch", err)
	}
}
