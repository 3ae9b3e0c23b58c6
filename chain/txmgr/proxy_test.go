package txmgr

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/rpc"
)

// fault is a way the proxy misbehaves.
type fault int

const (
	faultNone        fault = iota
	fault503               // refuse before forwarding
	faultLost502           // forward, then answer 502: the node acted, the client thinks not
	faultDropBefore        // close the connection without forwarding
	faultDropAfter         // forward, then close the connection without an answer
	faultLate              // hold the request until the client gives up, then forward it
	faultRateLimited       // answer a JSON-RPC "limit exceeded" error without forwarding
	numFaults
)

var faultNames = [...]string{"none", "503", "lost-502", "drop-before", "drop-after", "late", "rate-limited"}

// flakyProxy is a JSON-RPC server on loopback that forwards to the simulated node and
// misbehaves on a seeded fraction of requests, cycling through every kind of fault, up to a
// bound.
type flakyProxy struct {
	node *rpc.Client

	mu        sync.Mutex
	rng       *rand.Rand
	rate      float64
	maxFaults int
	next      fault
	counts    [numFaults]int
	wg        sync.WaitGroup // late forwards still running
}

// withIPC makes the simulated node serve JSON-RPC on a unix socket at path.
func withIPC(path string) simOption {
	return func(n *node.Config, _ *ethconfig.Config) { n.IPCPath = path }
}

// ipcPath is a socket path short enough for the unix socket limit.
func ipcPath(t *testing.T) string {
	dir, err := os.MkdirTemp("", "txmgr")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	return filepath.Join(dir, "node.ipc")
}

func newFlakyProxy(t *testing.T, ipc string, seed uint64, rate float64, maxFaults int) (*flakyProxy, *ethclient.Client) {
	t.Helper()
	nodeClient, err := rpc.Dial(ipc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nodeClient.Close)
	p := &flakyProxy{node: nodeClient, rng: rand.New(rand.NewPCG(seed, seed)), rate: rate, maxFaults: maxFaults, next: 1}
	srv := httptest.NewServer(p)
	client, err := ethclient.Dial(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		client.Close()
		srv.CloseClientConnections()
		srv.Close()
		p.wg.Wait()
	})
	return p, client
}

func (p *flakyProxy) pick() fault {
	p.mu.Lock()
	defer p.mu.Unlock()
	total := 0
	for _, n := range p.counts[1:] {
		total += n
	}
	f := faultNone
	if total < p.maxFaults && p.rng.Float64() < p.rate {
		f = p.next
		p.next++
		if p.next == numFaults {
			p.next = 1
		}
	}
	p.counts[f]++
	return f
}

func (p *flakyProxy) faults() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[string]int{}
	for f, n := range p.counts {
		out[faultNames[f]] = n
	}
	return out
}

type rpcRequest struct {
	ID     json.RawMessage   `json:"id"`
	Method string            `json:"method"`
	Params []json.RawMessage `json:"params"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    any    `json:"data,omitempty"`
}

type rpcResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

// forward executes a single (non-batch) request on the node.
func (p *flakyProxy) forward(body []byte) []byte {
	var req rpcRequest
	if err := json.Unmarshal(body, &req); err != nil {
		return []byte(`{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}`)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	args := make([]any, len(req.Params))
	for i, a := range req.Params {
		args[i] = a
	}
	var result json.RawMessage
	err := p.node.CallContext(ctx, &result, req.Method, args...)
	resp := rpcResponse{JSONRPC: "2.0", ID: req.ID}
	if err != nil {
		e := &rpcError{Code: -32000, Message: err.Error()}
		var re rpc.Error
		if errors.As(err, &re) {
			e.Code = re.ErrorCode()
		}
		var de rpc.DataError
		if errors.As(err, &de) {
			e.Data = de.ErrorData()
		}
		resp.Error = e
	} else {
		resp.Result = result
	}
	out, _ := json.Marshal(resp)
	return out
}

func (p *flakyProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	if bytes.HasPrefix(bytes.TrimSpace(body), []byte("[")) {
		http.Error(w, "batches not supported by the test proxy", http.StatusBadRequest)
		return
	}
	drop := func() {
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			_ = conn.Close()
		}
	}
	switch p.pick() {
	case fault503:
		http.Error(w, "service unavailable", http.StatusServiceUnavailable)
	case faultLost502:
		p.forward(body)
		http.Error(w, "bad gateway", http.StatusBadGateway)
	case faultDropBefore:
		drop()
	case faultDropAfter:
		p.forward(body)
		drop()
	case faultLate:
		<-r.Context().Done() // the client timed out; the node still gets the request
		p.wg.Add(1)
		go func() { defer p.wg.Done(); p.forward(body) }()
	case faultRateLimited:
		var req rpcRequest
		_ = json.Unmarshal(body, &req)
		out, _ := json.Marshal(rpcResponse{JSONRPC: "2.0", ID: req.ID, Error: &rpcError{Code: -32005, Message: "limit exceeded"}})
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(out)
	default:
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(p.forward(body))
	}
}

// Through an RPC endpoint that fails a quarter of all requests in every way a node or its
// load balancer can, every send still succeeds, exactly once.
func TestFlakyRPCSendsExactlyOnce(t *testing.T) {
	from := newAccount(t)
	ipc := ipcPath(t)
	c := newChain(t, map[common.Address]*big.Int{from.addr: ether}, withIPC(ipc))
	proxy, client := newFlakyProxy(t, ipc, 7, 0.25, 300)
	cfg := c.config(client, from, journalIn(t))
	cfg.CallTimeout = 250 * time.Millisecond // so that late answers time out quickly
	cfg.ResubmitAfter = time.Second
	m := start(t, cfg)
	c.mine(20 * time.Millisecond)

	const workers, each = 4, 5
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				k := w*each + i
				to := common.BigToAddress(big.NewInt(int64(0x2000 + k)))
				if _, err := m.Send(context.Background(), transfer(fmt.Sprintf("flaky/%d", k), to, int64(k+1))); err != nil {
					errs <- fmt.Errorf("send %d: %w", k, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if t.Failed() {
		t.FailNow()
	}
	if got := c.nonce(from.addr); got != workers*each {
		t.Fatalf("%d transactions mined, want %d", got, workers*each)
	}
	for k := range workers * each {
		if got := c.balance(common.BigToAddress(big.NewInt(int64(0x2000 + k)))); got.Cmp(big.NewInt(int64(k+1))) != 0 {
			t.Fatalf("recipient %d has %v, want %d", k, got, k+1)
		}
	}
	counts := proxy.faults()
	t.Logf("proxy: %v", counts)
	for _, name := range faultNames[1:] {
		if counts[name] == 0 {
			t.Errorf("fault %s never happened", name)
		}
	}
}
