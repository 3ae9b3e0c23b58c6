package cli

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/brine-compute/brine/p2p/identity"
)

// clientHome is what one client command's libp2p host uses of <datadir>/client: its identity
// and the blob store it serves (the wasm modules of the client's jobs).
type clientHome struct {
	id       *identity.Identity
	blobsDir string
	release  func() error
}

// claimClientHome claims dir (<datadir>/client) for a client command: the stored key
// dir/identity.key and the blob store dir/blobs, unless another client command in the same
// data directory holds them right now (two `brine job submit` running at once). The second
// command then gets a key and a blob store of its own, in a temporary directory that release
// removes:
//
//   - Two hosts with one peer ID make providers' nodes reach the wrong one (asking it for the
//     other's spec or module).
//   - A results.Store assumes it is the only process in its directory: opening it removes
//     the temporary files of interrupted writes (another process's upload in flight, once two
//     submits shared it) and counts only the bytes it saw.
//
// The blob store goes with the key, rather than one store per run: a node fetches a module
// or an earlier result from the peers that pushed the job's spec, by peer ID, and only the
// stored key is the same peer on a later run. What a command holding it stored stays in
// dir/blobs, and any later client command there (such as `brine job results`) serves it again
// at that peer ID, for verifiers drawn to re-run a challenged job. What a concurrent command
// stored under its temporary key could never be found at that peer again, so it goes with it;
// the provider's node that accepted the job keeps its own copy. Results a client downloads are
// fetched from the provider's node and checked against the chain each time, so none lives
// only in a client's store.
func claimClientHome(dir string) (*clientHome, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	lock, held, err := claimFile(filepath.Join(dir, "identity.lock"))
	if err != nil {
		return nil, err
	}
	if held {
		id, _, err := identity.LoadOrCreate(filepath.Join(dir, "identity.key"))
		if err != nil {
			_ = lock.Close()
			return nil, err
		}
		return &clientHome{id: id, blobsDir: filepath.Join(dir, "blobs"), release: lock.Close}, nil
	}
	tmp, err := os.MkdirTemp("", "brine-client-")
	if err != nil {
		return nil, err
	}
	key := filepath.Join(tmp, "identity.key")
	id, _, err := identity.LoadOrCreate(key)
	if err == nil {
		err = os.Remove(key) // this run's key is needed only in memory
	}
	if err != nil {
		return nil, errors.Join(err, os.RemoveAll(tmp))
	}
	return &clientHome{id: id, blobsDir: filepath.Join(tmp, "blobs"), release: func() error { return os.RemoveAll(tmp) }}, nil
}
