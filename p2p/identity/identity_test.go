package identity

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/libp2p/go-libp2p/core/crypto"
)

func TestLoadOrCreate(t *testing.T) {
	dir := t.TempDir()
	path := Path(dir)
	if _, err := Load(path); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Load before create: %v", err)
	}
	id, created, err := LoadOrCreate(path)
	if err != nil || !created {
		t.Fatalf("LoadOrCreate = %v, %v", created, err)
	}
	if id.Key.Type() != crypto.Ed25519 {
		t.Errorf("key type %v", id.Key.Type())
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v", st.Mode().Perm())
	}
	dst, _ := os.Stat(filepath.Dir(path))
	if dst.Mode().Perm() != 0o700 {
		t.Errorf("key dir mode %v", dst.Mode().Perm())
	}
	again, created, err := LoadOrCreate(path)
	if err != nil || created || again.Peer != id.Peer {
		t.Fatalf("second LoadOrCreate = %v, %v, %v (peer %s want %s)", again, created, err, again.Peer, id.Peer)
	}
	// The file is libp2p's marshalled private key.
	raw, _ := os.ReadFile(path)
	k, err := crypto.UnmarshalPrivateKey(raw)
	if err != nil || !k.Equals(id.Key) {
		t.Errorf("file does not hold the key: %v", err)
	}

	digest := [32]byte{1, 2, 3}
	sig, err := id.SignDigest(digest)
	if err != nil {
		t.Fatal(err)
	}
	ok, err := VerifyRegistration(id.PeerIDBytes(), digest, sig)
	if err != nil || !ok {
		t.Errorf("VerifyRegistration = %v, %v", ok, err)
	}
	ok, _ = VerifyRegistration(id.PeerIDBytes(), [32]byte{9}, sig)
	if ok {
		t.Error("signature verified over another digest")
	}
}

func TestLoadRefuses(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "k")
	if err := os.WriteFile(path, []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); err == nil {
		t.Error("garbage key loaded")
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); err == nil {
		t.Error("world-readable key loaded")
	}
}
