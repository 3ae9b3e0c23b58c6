package node

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strconv"

	ma "github.com/multiformats/go-multiaddr"

	"github.com/brine-compute/brine/internal/atomicfile"
	"github.com/brine-compute/brine/p2p"
)

// A node's addresses are its registration metadata on chain: new ports at every start
// would cost a transaction each time and leave clients dialing dead addresses until the
// update confirms. So the ports the OS chose for listen addresses of port 0 are kept in the
// data directory and asked for again at the next start; an explicit port is used as given.

// listenFile is where the node keeps the ports it bound.
func listenFile(dataDir string) string { return filepath.Join(dataDir, "node", "listen.json") }

// boundPorts maps each listen address of port 0, as configured, to the address it was
// bound to ("/ip4/127.0.0.1/tcp/0" → "/ip4/127.0.0.1/tcp/40123").
type boundPorts map[string]string

// stableListenAddrs is the listen addresses to ask for: configured (p2p's defaults when
// empty), with the port bound at an earlier start in place of each port 0 whose port is
// still free. A port taken by another process is logged and left to the OS again.
func (n *Node) stableListenAddrs(configured []string) []string {
	if len(configured) == 0 {
		configured = p2p.DefaultListenAddrs
	}
	if n.cfg.DataDir == "" {
		return configured
	}
	kept, err := readBoundPorts(listenFile(n.cfg.DataDir))
	if err != nil {
		n.log.Warn("the ports of the last start cannot be read; listening on new ones", "err", err)
		return configured
	}
	out := make([]string, len(configured))
	for i, a := range configured {
		out[i] = a
		prev, ok := kept[canonical(a)]
		if !ok {
			continue
		}
		pm, err := ma.NewMultiaddr(prev)
		if err != nil || zeroPort(pm) != canonical(a) {
			continue // written for another configuration
		}
		if err := portFree(pm); err != nil {
			n.log.Warn("the port the node listened on before is taken; listening on a new one, whose address the node publishes on chain",
				"addr", prev, "err", err)
			continue
		}
		out[i] = prev
	}
	return out
}

// keepBoundPorts records the ports the host bound for the configured addresses of port 0.
func (n *Node) keepBoundPorts(configured []string) {
	if len(configured) == 0 {
		configured = p2p.DefaultListenAddrs
	}
	if n.cfg.DataDir == "" {
		return
	}
	bound := boundPorts{}
	for _, l := range n.host.ListenAddrs() {
		z := zeroPort(l)
		for _, a := range configured {
			if a = canonical(a); a == z {
				bound[a] = l.String()
			}
		}
	}
	if err := writeBoundPorts(listenFile(n.cfg.DataDir), bound); err != nil {
		n.log.Warn("the node's ports cannot be kept for the next start", "err", err)
	}
}

func readBoundPorts(path string) (boundPorts, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return boundPorts{}, nil
	}
	if err != nil {
		return nil, err
	}
	var m boundPorts
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// writeBoundPorts replaces the file whole, so a crash leaves the old one or the new one.
func writeBoundPorts(path string, m boundPorts) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(path, b, 0o600)
}

// canonical is the multiaddr a as libp2p writes it (a itself when it does not parse).
func canonical(a string) string {
	m, err := ma.NewMultiaddr(a)
	if err != nil {
		return a
	}
	return m.String()
}

// zeroPort is a with its TCP or UDP port set to 0, as it is configured.
func zeroPort(a ma.Multiaddr) string {
	out := make(ma.Multiaddr, 0, len(a))
	for _, c := range a {
		if code := c.Code(); code == ma.P_TCP || code == ma.P_UDP {
			z, err := ma.NewComponent(c.Protocol().Name, "0")
			if err != nil {
				return ""
			}
			c = *z
		}
		out = append(out, c)
	}
	return out.String()
}

// portFree binds a's address and port for a moment: an error means another process holds it.
func portFree(a ma.Multiaddr) error {
	ip, err := a.ValueForProtocol(ma.P_IP4)
	if err != nil {
		if ip, err = a.ValueForProtocol(ma.P_IP6); err != nil {
			return err
		}
	}
	if port, err := a.ValueForProtocol(ma.P_TCP); err == nil {
		ln, err := net.Listen("tcp", net.JoinHostPort(ip, port))
		if err != nil {
			return err
		}
		return ln.Close()
	}
	port, err := a.ValueForProtocol(ma.P_UDP)
	if err != nil {
		return err
	}
	if _, err := strconv.Atoi(port); err != nil {
		return err
	}
	pc, err := net.ListenPacket("udp", net.JoinHostPort(ip, port))
	if err != nil {
		return err
	}
	return pc.Close()
}
