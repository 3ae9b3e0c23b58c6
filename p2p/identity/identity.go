// Package identity keeps a Brine node's libp2p identity: an Ed25519 key in
// <datadir>/node/identity.key, marshalled with libp2p's crypto.MarshalPrivateKey (protobuf),
// mode 0600 in a 0700 directory. The peer ID derived from it is what a provider registers on
// chain (`brine provider register`) and what the node announces on the network, so both
// read the key through this package.
package identity

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"
)

// DirName and FileName place the key under the data directory.
const (
	DirName  = "node"
	FileName = "identity.key"
)

// maxKeyFile bounds what Load reads: a marshalled Ed25519 key is 68 bytes.
const maxKeyFile = 4096

// Path is the identity key's path under dataDir.
func Path(dataDir string) string { return filepath.Join(dataDir, DirName, FileName) }

// ErrNotFound: there is no identity key yet.
var ErrNotFound = errors.New("no node identity key")

// Identity is a node's key and the peer ID it gives.
type Identity struct {
	Key  crypto.PrivKey
	Peer peer.ID
}

// Load reads the key at path. A missing file is ErrNotFound.
func Load(path string) (*Identity, error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("identity: %s: %w", path, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("identity: %w", err)
	}
	if st.Size() > maxKeyFile {
		return nil, fmt.Errorf("identity: %s is %d bytes: not a node key", path, st.Size())
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("identity: %s is readable by others (mode %v): run chmod 600 %s", path, st.Mode().Perm(), path)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("identity: %w", err)
	}
	key, err := crypto.UnmarshalPrivateKey(raw)
	if err != nil {
		return nil, fmt.Errorf("identity: %s is not a libp2p private key: %w", path, err)
	}
	return fromKey(key)
}

// LoadOrCreate loads the key at path, or generates an Ed25519 key and writes it there
// (0600, directory 0700) when there is none. created says which happened.
func LoadOrCreate(path string) (id *Identity, created bool, err error) {
	id, err = Load(path)
	if err == nil || !errors.Is(err, ErrNotFound) {
		return id, false, err
	}
	key, _, err := crypto.GenerateEd25519Key(rand.Reader)
	if err != nil {
		return nil, false, fmt.Errorf("identity: generate: %w", err)
	}
	raw, err := crypto.MarshalPrivateKey(key)
	if err != nil {
		return nil, false, fmt.Errorf("identity: marshal: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, fmt.Errorf("identity: %w", err)
	}
	// O_EXCL: never overwrite a key another process wrote meanwhile.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			id, err := Load(path)
			return id, false, err
		}
		return nil, false, fmt.Errorf("identity: %w", err)
	}
	_, err = f.Write(raw)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return nil, false, fmt.Errorf("identity: write %s: %w", path, err)
	}
	id, err = fromKey(key)
	return id, true, err
}

func fromKey(key crypto.PrivKey) (*Identity, error) {
	pid, err := peer.IDFromPrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("identity: peer ID: %w", err)
	}
	return &Identity{Key: key, Peer: pid}, nil
}

// PeerIDBytes is the peer ID's multihash bytes, as the registry stores it.
func (id *Identity) PeerIDBytes() []byte { return []byte(id.Peer) }

// SignDigest signs a 32-byte digest (the registry's registrationDigest) with the node key.
// For Ed25519 this is a plain Ed25519 signature over the 32 bytes.
func (id *Identity) SignDigest(digest [32]byte) ([]byte, error) {
	sig, err := id.Key.Sign(digest[:])
	if err != nil {
		return nil, fmt.Errorf("identity: sign: %w", err)
	}
	return sig, nil
}

// VerifyRegistration checks a registration proof: sig by the key behind peerID over digest.
// Nodes and probers use it on ProviderRegistered events.
func VerifyRegistration(peerID []byte, digest [32]byte, sig []byte) (bool, error) {
	pid, err := peer.IDFromBytes(peerID)
	if err != nil {
		return false, fmt.Errorf("identity: peer ID: %w", err)
	}
	pub, err := pid.ExtractPublicKey()
	if err != nil {
		return false, fmt.Errorf("identity: peer ID %s does not embed its key: %w", pid, err)
	}
	return pub.Verify(digest[:], sig)
}
