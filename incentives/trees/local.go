package trees

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/brine-compute/brine/internal/atomicfile"
)

// Endpoint is what a running prober tells provider software on the same machine, in
// <datadir>/prober/<reporter>/endpoint.json: whose prober it is and where it serves its trees.
type Endpoint struct {
	Reporter common.Address `json:"reporter"`
	// HTTP is the base URL of its tree server (empty: none).
	HTTP string `json:"http,omitempty"`
	// Addrs are its libp2p addresses, each ending in /p2p/<peer ID>.
	Addrs []string `json:"addrs,omitempty"`
	// PID is the prober's process, for people reading the file.
	PID int `json:"pid,omitempty"`
}

// ProberDir is a prober's own directory under a data directory: its database, its libp2p
// identity and its endpoint file. One per reporter account, so several probers can share a
// data directory (a devnet's).
func ProberDir(dataDir string, reporter common.Address) string {
	return filepath.Join(dataDir, "prober", strings.ToLower(reporter.Hex()))
}

const endpointFile = "endpoint.json"

// WriteEndpoint writes e into its prober's directory (atomically: readers never see half).
func WriteEndpoint(dataDir string, e Endpoint) error {
	dir := ProberDir(dataDir, e.Reporter)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	data, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, endpointFile), append(data, '\n'), 0o600)
}

// RemoveEndpoint removes a stopped prober's endpoint file.
func RemoveEndpoint(dataDir string, reporter common.Address) error {
	err := os.Remove(filepath.Join(ProberDir(dataDir, reporter), endpointFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// LocalEndpoints reads the endpoint files of the probers running with dataDir, by reporter.
// A file that does not parse is skipped.
func LocalEndpoints(dataDir string) ([]Endpoint, error) {
	files, err := filepath.Glob(filepath.Join(dataDir, "prober", "*", endpointFile))
	if err != nil {
		return nil, err
	}
	var out []Endpoint
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var e Endpoint
		if json.Unmarshal(data, &e) != nil || e.Reporter == (common.Address{}) {
			continue
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Reporter.Cmp(out[j].Reporter) < 0 })
	return out, nil
}

// Sources are the endpoint's sources, libp2p first, each naming the reporter.
func (e Endpoint) Sources() []Source {
	var out []Source
	var info *peer.AddrInfo
	for _, s := range e.Addrs {
		a, err := ma.NewMultiaddr(s)
		if err != nil {
			continue
		}
		ai, err := peer.AddrInfoFromP2pAddr(a)
		if err != nil {
			continue
		}
		if info == nil {
			info = ai
		} else if ai.ID == info.ID {
			info.Addrs = append(info.Addrs, ai.Addrs...)
		}
	}
	if info != nil {
		out = append(out, Source{Peer: info, Reporter: e.Reporter})
	}
	if e.HTTP != "" {
		if s, err := ParseSource(e.HTTP); err == nil {
			s.Reporter = e.Reporter
			out = append(out, s)
		}
	}
	return out
}

// Resolve reads one prober argument: an http(s) URL or a multiaddr (ParseSource), or a
// reporter's account (0x…), which names the prober of that reporter running with dataDir (its
// endpoint file).
func Resolve(arg, dataDir string) ([]Source, error) {
	if !common.IsHexAddress(arg) {
		s, err := ParseSource(arg)
		if err != nil {
			return nil, err
		}
		return []Source{s}, nil
	}
	reporter := common.HexToAddress(arg)
	eps, err := LocalEndpoints(dataDir)
	if err != nil {
		return nil, err
	}
	for _, e := range eps {
		if e.Reporter == reporter {
			return e.Sources(), nil
		}
	}
	return nil, fmt.Errorf("trees: no prober of reporter %s runs with the data directory %s (no %s): pass its tree URL (http://HOST:PORT) or its libp2p address (/ip4/…/p2p/<peer ID>) instead",
		reporter.Hex(), dataDir, filepath.Join(ProberDir(dataDir, reporter), endpointFile))
}

// Directory lists the sources to fetch from; the node asks it again every round, so probers
// that start later are found.
type Directory interface {
	Sources(ctx context.Context) ([]Source, error)
}

// Static is a fixed list of sources.
type Static []Source

// Sources implements Directory.
func (s Static) Sources(context.Context) ([]Source, error) { return s, nil }

// Local is the given sources followed by those of the probers running with DataDir.
type Local struct {
	DataDir string
	Extra   []Source
}

// Sources implements Directory.
func (l Local) Sources(context.Context) ([]Source, error) {
	out := append([]Source(nil), l.Extra...)
	eps, err := LocalEndpoints(l.DataDir)
	if err != nil {
		return out, err
	}
	for _, e := range eps {
		out = append(out, e.Sources()...)
	}
	return out, nil
}
