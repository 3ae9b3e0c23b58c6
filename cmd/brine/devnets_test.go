package main_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/chain/txmgr"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/settlement/onchain"
	"github.com/brine-compute/brine/wallet"
)

// A testnet is a `brine devnet` a test starts for itself (its own block period and accounts),
// beside the suite's shared one, and stops when the test ends. Commands run against it with
// its data directory, so they find its RPC URL, keystore and deployment by themselves.
type testnet struct {
	*devnetProc
	faucet  string // the etherbase (2^255 wei), in the keystore with the dev password
	client  *ethclient.Client
	stopped bool
}

// launch starts `brine devnet` in a fresh data directory with extra flags.
func launch(t *testing.T, flags ...string) *testnet {
	t.Helper()
	return launchIn(t, t.TempDir(), flags...)
}

// launchIn starts `brine devnet` with the data directory dir/chain (new, or a stopped devnet's)
// and the home directory dir/home.
func launchIn(t *testing.T, dir string, flags ...string) *testnet {
	t.Helper()
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	d := &devnetProc{stderr: new(bytes.Buffer), home: home}
	args := append([]string{"devnet", "--datadir", filepath.Join(dir, "chain"), "--http", "127.0.0.1:0", "--ws", "127.0.0.1:0", "--json"}, flags...)
	d.cmd = exec.Command(binary, args...)
	d.cmd.Env = append(os.Environ(), "HOME="+home)
	d.cmd.Stderr = &lockedWriter{w: d.stderr}
	out, err := d.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	n := &testnet{devnetProc: d}
	t.Cleanup(func() {
		if !n.stopped {
			if err := d.stop(); err != nil {
				t.Errorf("stopping the devnet: %v", err)
			}
		}
		if t.Failed() {
			t.Logf("devnet stderr:\n%s", d.stderr)
		}
	})
	line := make(chan []byte, 1)
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		if sc.Scan() {
			line <- bytes.Clone(sc.Bytes())
		}
		close(line)
	}()
	var raw []byte
	select {
	case l, ok := <-line:
		if !ok {
			n.stopped = true
			_ = d.cmd.Wait()
			t.Fatalf("the devnet exited before printing its JSON line:\n%s", d.stderr)
		}
		raw = l
	case <-time.After(time.Minute):
		t.Fatal("the devnet did not start within a minute")
	}
	var extra struct {
		Faucet string `json:"faucet"`
	}
	if err := json.Unmarshal(raw, &d.info); err != nil {
		t.Fatalf("devnet line %q: %v", raw, err)
	}
	if err := json.Unmarshal(raw, &extra); err != nil {
		t.Fatal(err)
	}
	c, err := ethclient.Dial(d.info.HTTP)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	n.faucet, n.client = extra.Faucet, c
	return n
}

// kill stops the devnet with SIGKILL, as `kill -9` would: it removes nothing behind it.
func (n *testnet) kill(t *testing.T) {
	t.Helper()
	if err := n.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = n.cmd.Wait() // reaped: its PID no longer exists
	n.stopped = true
}

// lockedWriter lets a child's stderr be read while it is written.
type lockedWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// env is what every brine command against n runs with.
func (n *testnet) env() []string {
	return append(os.Environ(), "HOME="+n.home, "BRINE_DATADIR="+n.info.DataDir, "BRINE_PASSWORD="+n.info.Password)
}

// command returns the brine command against n, not started.
func (n *testnet) command(ctx context.Context, env []string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append(n.env(), env...)
	return cmd
}

// run runs brine against n and returns its output and exit code.
func (n *testnet) run(t *testing.T, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := n.command(ctx, env, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		t.Fatalf("brine %s: %v", strings.Join(args, " "), err)
	}
	t.Logf("brine %s -> %d\n%s%s", strings.Join(args, " "), r.code, r.stderr, r.stdout)
	return r
}

// ok runs brine against n with --json, fails the test unless it exits 0, and checks that
// stdout is one JSON document: an object or an array.
func (n *testnet) ok(t *testing.T, args ...string) result {
	t.Helper()
	r := n.run(t, nil, append(args, "--json")...)
	if r.code != 0 {
		t.Fatalf("brine %s exited %d: %s", strings.Join(args, " "), r.code, r.stderr)
	}
	checkJSON(t, args, r.stdout)
	return r
}

// checkJSON fails the test unless out is exactly one JSON object or array.
func checkJSON(t *testing.T, args []string, out string) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Errorf("brine %s --json: stdout is not JSON (%v): %q", strings.Join(args, " "), err, out)
		return
	}
	switch v.(type) {
	case map[string]any, []any:
	default:
		t.Errorf("brine %s --json: stdout is a JSON %T, want an object or an array: %q", strings.Join(args, " "), v, out)
	}
	if dec.More() {
		t.Errorf("brine %s --json: more than one JSON document on stdout: %q", strings.Join(args, " "), out)
	}
}

// nonces returns an account's mined and pending transaction counts.
func (n *testnet) nonces(t *testing.T, addr string) (mined, pending uint64) {
	t.Helper()
	ctx := context.Background()
	a := common.HexToAddress(addr)
	mined, err := n.client.NonceAt(ctx, a, nil)
	if err != nil {
		t.Fatal(err)
	}
	if pending, err = n.client.PendingNonceAt(ctx, a); err != nil {
		t.Fatal(err)
	}
	return mined, pending
}

// tokens is the account's balance of the deployment's token.
func (n *testnet) tokens(t *testing.T, addr string) *big.Int {
	t.Helper()
	tok := bindings.NewBrineToken()
	out, err := n.client.CallContract(context.Background(), callMsg(common.HexToAddress(n.info.Contracts["token"]), tok.PackBalanceOf(common.HexToAddress(addr))), nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := tok.UnpackBalanceOf(out)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// waitChainTime waits (polling, with a deadline) until the head block's time is at least at.
func (n *testnet) waitChainTime(t *testing.T, at time.Time) {
	t.Helper()
	deadline := time.Now().Add(time.Until(at) + 30*time.Second)
	for {
		h, err := n.client.HeaderByNumber(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if int64(h.Time) >= at.Unix() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("chain time did not reach %s", at.UTC())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// waitBlock waits (polling, with a deadline) until the chain has block number.
func (n *testnet) waitBlock(t *testing.T, number uint64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		head, err := n.client.BlockNumber(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if head >= number {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("block %d was not mined within 30s (head %d)", number, head)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// keySender sends transactions as one keystore account from the test itself (roles the CLI
// has no command for: a provider's accept and commit, governance, a reporter), through its own
// transaction manager and journal.
type keySender struct {
	mgr  *txmgr.Manager
	from common.Address
}

func (n *testnet) sender(t *testing.T, addr string) *keySender {
	t.Helper()
	ctx := context.Background()
	w, err := wallet.Open(wallet.Config{Dir: n.info.Keystore, Light: true})
	if err != nil {
		t.Fatal(err)
	}
	chainID := new(big.Int).SetUint64(n.info.ChainID)
	from := common.HexToAddress(addr)
	signer, err := w.Signer(from, n.info.Password, chainID)
	if err != nil {
		t.Fatal(err)
	}
	mgr, err := txmgr.New(txmgr.Config{
		Client:        n.client,
		ChainID:       chainID,
		From:          from,
		Signer:        signer.SignTx,
		JournalPath:   filepath.Join(t.TempDir(), "journal.db"),
		PollInterval:  100 * time.Millisecond,
		RevertDecoder: reverts.DecodeError,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := mgr.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = mgr.Stop(context.Background()) })
	return &keySender{mgr: mgr, from: from}
}

func (k *keySender) Send(ctx context.Context, tx onchain.Tx) (*types.Receipt, error) {
	to := tx.To
	return k.mgr.Send(ctx, txmgr.Request{ID: tx.ID, To: &to, Data: tx.Data})
}

// send sends one call or transfer from the test and fails the test unless it succeeds.
func (k *keySender) send(t *testing.T, id string, to common.Address, data []byte, value *big.Int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := k.mgr.Send(ctx, txmgr.Request{ID: id, To: &to, Data: data, Value: value}); err != nil {
		t.Fatalf("%s from %s: %v", id, k.from, err)
	}
}

// deployment is n's deployment and a Settlement that reads it (acting as nobody).
func (n *testnet) deployment(t *testing.T) (*deploy.File, *onchain.Settlement) {
	t.Helper()
	dep, err := deploy.Load(n.info.Deployment)
	if err != nil {
		t.Fatal(err)
	}
	st, err := onchain.New(context.Background(), onchain.Config{Client: n.client, Addresses: *dep.Addresses()})
	if err != nil {
		t.Fatal(err)
	}
	return dep, st
}

// settlement is a Settlement acting as addr, sending from the test.
func (n *testnet) settlement(t *testing.T, deployment, addr string) *onchain.Settlement {
	t.Helper()
	dep, err := deploy.Load(deployment)
	if err != nil {
		t.Fatal(err)
	}
	st, err := onchain.New(context.Background(), onchain.Config{
		Client:    n.client,
		Addresses: *dep.Addresses(),
		Account:   common.HexToAddress(addr),
		Sender:    n.sender(t, addr),
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

func tokenUnits(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(fmt.Sprintf("not an integer: %q", s))
	}
	return v
}

func callMsg(to common.Address, data []byte) ethereum.CallMsg {
	return ethereum.CallMsg{To: &to, Data: data}
}
