package cli

import (
	"io"
	"os"
	"path/filepath"

	"github.com/brine-compute/brine/node/identity"
)

// clientIdentity returns the client host's identity: the key in dir/identity.key, unless
// another client command in the same data directory holds it right now (two `brine job
// submit` running at once). Two hosts with one peer ID make providers' nodes reach the wrong
// one (asking it for the other's spec or module); the second command then uses a key of its
// own, made for this run. The returned closer releases the claim on the stored key.
func clientIdentity(dir string) (*identity.Identity, io.Closer, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, err
	}
	lock, held, err := claimFile(filepath.Join(dir, "identity.lock"))
	if err != nil {
		return nil, nil, err
	}
	if held {
		id, _, err := identity.LoadOrCreate(filepath.Join(dir, "identity.key"))
		if err != nil {
			_ = lock.Close()
			return nil, nil, err
		}
		return id, lock, nil
	}
	tmp, err := os.MkdirTemp("", "brine-client-")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(tmp)
	id, _, err := identity.LoadOrCreate(filepath.Join(tmp, "identity.key"))
	if err != nil {
		return nil, nil, err
	}
	return id, io.NopCloser(nil), nil
}
