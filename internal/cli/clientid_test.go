package cli

import (
	"runtime"
	"testing"
)

// Two client commands at once in one data directory get different peer IDs; the stored key
// is the one used whenever no other command holds it.
func TestClientIdentityConcurrent(t *testing.T) {
	switch runtime.GOOS {
	case "linux", "darwin", "freebsd", "netbsd", "openbsd", "dragonfly":
	default:
		t.Skip("no flock here: every client command uses the stored key")
	}
	dir := t.TempDir()
	first, claim, err := clientIdentity(dir)
	if err != nil {
		t.Fatal(err)
	}
	second, claim2, err := clientIdentity(dir)
	if err != nil {
		t.Fatal(err)
	}
	if first.Peer == second.Peer {
		t.Fatalf("two concurrent client hosts share peer %s", first.Peer)
	}
	_ = claim2.Close()
	if err := claim.Close(); err != nil {
		t.Fatal(err)
	}
	again, claim3, err := clientIdentity(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer claim3.Close()
	if again.Peer != first.Peer {
		t.Errorf("after the first released it, got peer %s, want the stored %s", again.Peer, first.Peer)
	}
}
