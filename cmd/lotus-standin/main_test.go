package main

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/filecoin-project/go-state-types/crypto"
	"github.com/filecoin-project/lotus/lib/sigs"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/brine-compute/brine/p2p/identity"
)

// The helper commands an SP runs against the stand-in: set-peer-id refuses what is not a peer
// ID and records one; wallet sign signs with the worker's key, in Lotus's encoding, and only
// for the worker.
func TestHelperCommands(t *testing.T) {
	dir := t.TempDir()
	cmd := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(append([]string{"lotus-standin", "--datadir", dir}, args...), &out, &errb)
		return code, strings.TrimSpace(out.String()), errb.String()
	}
	if code, _, stderr := cmd("actor", "set-peer-id", "not-a-peer"); code == 0 || !strings.Contains(stderr, "is not a libp2p peer ID") {
		t.Fatalf("set-peer-id of junk: exit %d, %s", code, stderr)
	}
	id, _, err := identity.LoadOrCreate(identity.Path(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := cmd("actor", "set-peer-id", id.Peer.String()); code != 0 {
		t.Fatalf("set-peer-id: exit %d, %s", code, stderr)
	}
	ps, err := peers(dir)
	if err != nil || ps["1000"] != id.Peer.String() {
		t.Fatalf("peers.json: %v, %v", ps, err)
	}
	if _, err := peer.Decode(ps["1000"]); err != nil {
		t.Fatal(err)
	}

	_, worker, err := workerKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	msg := []byte{0xde, 0xad, 0xbe, 0xef}
	code, out, stderr := cmd("wallet", "sign", worker.String(), hex.EncodeToString(msg))
	if code != 0 {
		t.Fatalf("wallet sign: exit %d, %s", code, stderr)
	}
	raw, err := hex.DecodeString(out)
	if err != nil {
		t.Fatal(err)
	}
	var sig crypto.Signature
	if err := sig.UnmarshalBinary(raw); err != nil || sig.Type != crypto.SigTypeSecp256k1 {
		t.Fatalf("signature %x: %v, type %v", raw, err, sig.Type)
	}
	if err := sigs.Verify(&sig, worker, msg); err != nil {
		t.Fatalf("the signature does not verify with the worker's key: %v", err)
	}
	if code, _, stderr := cmd("wallet", "sign", "t01001", "00"); code == 0 || !strings.Contains(stderr, "holds only the worker's key") {
		t.Fatalf("signing for another address: exit %d, %s", code, stderr)
	}
}
