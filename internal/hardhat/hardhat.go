// Package hardhat runs a Hardhat node (Hardhat Network, from the npm package pinned in
// tools/hardhat) on loopback as a subprocess, so that Brine can be tested against an EVM node it
// does not embed. The node serves JSON-RPC on 127.0.0.1 at a free port, with chain ID 31337,
// automine (one block per transaction) and the dev accounts of tools/hardhat/accounts.json,
// each funded with 10000 ETH.
//
// Tests call Start; other code (a demo, a tool) calls Launch and Close. Hardhat is installed by
// `make deps` (npm ci in tools/hardhat).
package hardhat

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// ChainID is the chain ID tools/hardhat/hardhat.config.js configures.
const ChainID = 31337

// ErrNotInstalled is returned by Launch when tools/hardhat/node_modules has no Hardhat (or
// Node.js is missing).
var ErrNotInstalled = errors.New("hardhat is not installed")

// Options configure a node. The zero value is automine on the default hardfork.
type Options struct {
	// Dir is the npm package with hardhat.config.js (tools/hardhat). Empty: $BRINE_HARDHAT_DIR,
	// else tools/hardhat in the Brine module that contains the working directory.
	Dir string
	// NoAutomine turns automine off: transactions wait in the mempool for Mine (or Interval).
	NoAutomine bool
	// Interval, when positive, also mines a block every Interval (whole milliseconds).
	Interval time.Duration
	// Hardfork overrides the configured hardfork ("osaka"); Brine needs "cancun" or later.
	Hardfork string
	// StartTimeout bounds how long Launch waits for the node to answer eth_chainId (default
	// 60 s). The context passed to Launch bounds it too.
	StartTimeout time.Duration
	// Output, when set, also receives the node's stdout and stderr as they come.
	Output io.Writer
}

// Node is a running Hardhat node.
type Node struct {
	// URL is the HTTP JSON-RPC endpoint (http://127.0.0.1:PORT).
	URL string
	// ChainID is the node's chain ID (31337).
	ChainID *big.Int
	// Keys are the funded dev accounts' private keys, in accounts.json order; Accounts are
	// their addresses. These keys are publicly known: dev chains only.
	Keys     []*ecdsa.PrivateKey
	Accounts []common.Address
	// Client and RPC are connections to URL, closed by Close.
	Client *ethclient.Client
	RPC    *rpc.Client

	cmd     *exec.Cmd
	exited  chan struct{} // closed when the process has exited
	waitErr error         // the process's exit status, set before exited closes
	out     *tailBuffer

	closeOnce sync.Once
	closeErr  error
}

// Launch starts a Hardhat node and waits until it answers eth_chainId with 31337. Close stops
// it. When Hardhat is not installed the error wraps ErrNotInstalled and says to run `make deps`.
func Launch(ctx context.Context, opts Options) (*Node, error) {
	dir, err := packageDir(opts.Dir)
	if err != nil {
		return nil, err
	}
	keys, addrs, err := readAccounts(filepath.Join(dir, "accounts.json"))
	if err != nil {
		return nil, err
	}
	bin := filepath.Join(dir, "node_modules", ".bin", "hardhat")
	if _, err := os.Stat(bin); err != nil {
		return nil, fmt.Errorf("%w: %s is missing: run `make deps` (npm ci in %s)", ErrNotInstalled, bin, dir)
	}
	nodeJS, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("%w: node (Node.js 20+) is not on PATH: install Node.js and run `make deps`", ErrNotInstalled)
	}
	timeout := opts.StartTimeout
	if timeout <= 0 {
		timeout = 60 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	// The port is picked by binding :0 and released for Hardhat; another process may take it
	// in between, so a node that fails to bind is started again on a new port.
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		port, err := freePort()
		if err != nil {
			return nil, err
		}
		n, err := launch(ctx, opts, dir, nodeJS, bin, port)
		if err == nil {
			n.Keys, n.Accounts = keys, addrs
			return n, nil
		}
		lastErr = err
		if !errors.Is(err, errAddrInUse) {
			break
		}
	}
	return nil, lastErr
}

var errAddrInUse = errors.New("port already in use")

func launch(ctx context.Context, opts Options, dir, nodeJS, bin string, port int) (*Node, error) {
	out := newTailBuffer(1 << 20)
	var w io.Writer = out
	if opts.Output != nil {
		w = io.MultiWriter(out, opts.Output)
	}
	// Run the CLI script with node directly: npx would add a process and could reach for the
	// registry when the package is missing.
	cmd := exec.Command(nodeJS, bin, "node", "--hostname", "127.0.0.1", "--port", strconv.Itoa(port))
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = w, w
	cmd.Env = append(os.Environ(),
		"BRINE_HARDHAT_AUTOMINE="+strconv.FormatBool(!opts.NoAutomine),
		"BRINE_HARDHAT_INTERVAL_MS="+strconv.FormatInt(opts.Interval.Milliseconds(), 10),
		"HARDHAT_DISABLE_TELEMETRY_PROMPT=true",
		"NO_COLOR=1",
	)
	if opts.Hardfork != "" {
		cmd.Env = append(cmd.Env, "BRINE_HARDHAT_HARDFORK="+opts.Hardfork)
	}
	setProcAttr(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("hardhat: start %s: %w", bin, err)
	}
	n := &Node{
		URL:     fmt.Sprintf("http://127.0.0.1:%d", port),
		ChainID: big.NewInt(ChainID),
		cmd:     cmd,
		exited:  make(chan struct{}),
		out:     out,
	}
	go func() {
		n.waitErr = cmd.Wait()
		close(n.exited)
	}()
	if err := n.waitReady(ctx); err != nil {
		n.Close()
		if strings.Contains(out.String(), "EADDRINUSE") {
			return nil, fmt.Errorf("hardhat: %w: %d", errAddrInUse, port)
		}
		return nil, fmt.Errorf("%w\nhardhat output (last lines):\n%s", err, out.Tail(40))
	}
	return n, nil
}

// waitReady polls until the node answers eth_chainId, the process exits or ctx ends. The
// process must first have said that it listens on n.URL: a node started at the same time
// elsewhere may have taken the port, and its answers must not count.
func (n *Node) waitReady(ctx context.Context) error {
	rc, err := rpc.DialOptions(ctx, n.URL)
	if err != nil {
		return fmt.Errorf("hardhat: dial %s: %w", n.URL, err)
	}
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	listening := "JSON-RPC server at " + n.URL + "/"
	lastErr := errors.New("the node has not said it listens yet")
	for {
		var id hexutil.Big
		err := lastErr
		if strings.Contains(n.out.String(), listening) {
			cctx, cancel := context.WithTimeout(ctx, time.Second)
			err = rc.CallContext(cctx, &id, "eth_chainId")
			cancel()
		}
		if err == nil {
			if (*big.Int)(&id).Cmp(n.ChainID) != 0 {
				rc.Close()
				return fmt.Errorf("hardhat: node at %s has chain ID %v, want %v (check %s)", n.URL, (*big.Int)(&id), n.ChainID, "hardhat.config.js")
			}
			n.RPC = rc
			n.Client = ethclient.NewClient(rc)
			return nil
		}
		lastErr = err
		select {
		case <-n.exited:
			rc.Close()
			return fmt.Errorf("hardhat: node exited before answering (%v)", n.waitErr)
		case <-ctx.Done():
			rc.Close()
			return fmt.Errorf("hardhat: node at %s did not answer eth_chainId: %w (last error: %v)", n.URL, ctx.Err(), lastErr)
		case <-tick.C:
		}
	}
}

// Close stops the node (its whole process group: SIGTERM, then SIGKILL after 5 s) and closes
// the connections. It is safe to call more than once.
func (n *Node) Close() error {
	n.closeOnce.Do(func() {
		if n.Client != nil {
			n.Client.Close() // closes RPC too
		}
		n.closeErr = stopGroup(n.cmd, n.exited, 5*time.Second)
	})
	return n.closeErr
}

// Exited is closed when the node's process has exited.
func (n *Node) Exited() <-chan struct{} { return n.exited }

// Output is what the node printed lately (at least the last 512 KiB), with Hardhat's colour
// codes.
func (n *Node) Output() string { return n.out.String() }

// Key returns the i-th dev account's key and address.
func (n *Node) Key(i int) (*ecdsa.PrivateKey, common.Address) {
	return n.Keys[i], n.Accounts[i]
}

// Advance moves the chain's clock at least d past the head block and mines a block:
// evm_increaseTime(d), then evm_mine. Hardhat stamps a block max(wall clock + offset,
// parent + 1), so after many blocks in one second the head runs ahead of the wall clock and the
// increase alone falls short of head + d; then one more block is mined at exactly head + d
// (evm_setNextBlockTimestamp). It returns the new head's time (unix seconds).
func (n *Node) Advance(ctx context.Context, d time.Duration) (uint64, error) {
	if d < time.Second || d%time.Second != 0 {
		return 0, fmt.Errorf("hardhat: Advance(%v): want a positive whole number of seconds", d)
	}
	head, err := n.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("hardhat: head: %w", err)
	}
	target := head.Time + uint64(d/time.Second)
	var total json.RawMessage
	if err := n.RPC.CallContext(ctx, &total, "evm_increaseTime", hexutil.Uint64(d/time.Second)); err != nil {
		return 0, fmt.Errorf("hardhat: evm_increaseTime: %w", err)
	}
	if err := n.Mine(ctx); err != nil {
		return 0, err
	}
	if head, err = n.Client.HeaderByNumber(ctx, nil); err != nil {
		return 0, fmt.Errorf("hardhat: head: %w", err)
	}
	if head.Time >= target {
		return head.Time, nil
	}
	var res json.RawMessage
	if err := n.RPC.CallContext(ctx, &res, "evm_setNextBlockTimestamp", hexutil.Uint64(target)); err != nil {
		return 0, fmt.Errorf("hardhat: evm_setNextBlockTimestamp: %w", err)
	}
	if err := n.Mine(ctx); err != nil {
		return 0, err
	}
	return target, nil
}

// Mine mines one block (evm_mine).
func (n *Node) Mine(ctx context.Context) error {
	var res json.RawMessage
	if err := n.RPC.CallContext(ctx, &res, "evm_mine"); err != nil {
		return fmt.Errorf("hardhat: evm_mine: %w", err)
	}
	return nil
}

// SetAutomine turns automine on or off (evm_setAutomine).
func (n *Node) SetAutomine(ctx context.Context, on bool) error {
	var res json.RawMessage
	if err := n.RPC.CallContext(ctx, &res, "evm_setAutomine", on); err != nil {
		return fmt.Errorf("hardhat: evm_setAutomine: %w", err)
	}
	return nil
}

// packageDir finds tools/hardhat.
func packageDir(dir string) (string, error) {
	if dir == "" {
		dir = os.Getenv("BRINE_HARDHAT_DIR")
	}
	if dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "hardhat.config.js")); err != nil {
			return "", fmt.Errorf("hardhat: %s has no hardhat.config.js: %w", dir, err)
		}
		return filepath.Abs(dir)
	}
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "tools", "hardhat"), nil
}

// moduleRoot walks up from the working directory to Brine's go.mod.
func moduleRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil &&
			bytes.Contains(data, []byte("module github.com/brine-compute/brine\n")) {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("hardhat: no Brine go.mod above %s: set Options.Dir or BRINE_HARDHAT_DIR to tools/hardhat", wd)
		}
		d = parent
	}
}

// readAccounts reads the dev keys that hardhat.config.js funds.
func readAccounts(path string) ([]*ecdsa.PrivateKey, []common.Address, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("hardhat: dev accounts: %w", err)
	}
	var f struct {
		Accounts []struct {
			Address    common.Address `json:"address"`
			PrivateKey string         `json:"privateKey"`
		} `json:"accounts"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, nil, fmt.Errorf("hardhat: %s: %w", path, err)
	}
	if len(f.Accounts) == 0 {
		return nil, nil, fmt.Errorf("hardhat: %s lists no accounts", path)
	}
	keys := make([]*ecdsa.PrivateKey, len(f.Accounts))
	addrs := make([]common.Address, len(f.Accounts))
	for i, a := range f.Accounts {
		k, err := crypto.HexToECDSA(strings.TrimPrefix(a.PrivateKey, "0x"))
		if err != nil {
			return nil, nil, fmt.Errorf("hardhat: %s: account %d: bad private key", path, i)
		}
		if got := crypto.PubkeyToAddress(k.PublicKey); got != a.Address {
			return nil, nil, fmt.Errorf("hardhat: %s: account %d: key is for %s, listed as %s", path, i, got, a.Address)
		}
		keys[i], addrs[i] = k, a.Address
	}
	return keys, addrs, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("hardhat: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// stopGroup signals the process group of cmd and waits for the process to exit.
func stopGroup(cmd *exec.Cmd, exited <-chan struct{}, grace time.Duration) error {
	select {
	case <-exited:
		return nil
	default:
	}
	pid := cmd.Process.Pid
	_ = signalGroup(pid, syscall.SIGTERM)
	select {
	case <-exited:
		return nil
	case <-time.After(grace):
	}
	_ = signalGroup(pid, syscall.SIGKILL)
	select {
	case <-exited:
		return nil
	case <-time.After(grace):
		return fmt.Errorf("hardhat: process %d did not exit after SIGKILL", pid)
	}
}

// tailBuffer keeps at least the last max/2 (at most max) bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func newTailBuffer(max int) *tailBuffer { return &tailBuffer{max: max} }

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if len(b.buf) > b.max { // keep the newest half: amortised, not a copy per write
		b.buf = append(b.buf[:0], b.buf[len(b.buf)-b.max/2:]...)
	}
	return len(p), nil
}

func (b *tailBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf)
}

// ansi matches the terminal colour codes Hardhat prints even when not on a terminal.
var ansi = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// Tail returns the last n lines, without colour codes.
func (b *tailBuffer) Tail(n int) string {
	lines := strings.Split(strings.TrimRight(ansi.ReplaceAllString(b.String(), ""), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
