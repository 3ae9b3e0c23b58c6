package lotusstandin

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/filecoin-project/go-jsonrpc"
	"github.com/filecoin-project/lotus/chain/types/ethtypes"
)

// maxBody bounds one request (Lotus's default is larger; Brine's requests are small).
const maxBody = 16 << 20

// router sends each JSON-RPC request to Lotus's plumbing when the stand-in answers it (the
// Filecoin namespace and the Eth methods with Lotus behaviour of their own), and everything else
// to the upstream, with the "finalized" and "safe" tags resolved as the stand-in places them.
type router struct {
	lotus    *jsonrpc.RPCServer
	upstream string
	chain    *chainView
	gasScale uint64
	log      *slog.Logger
}

type envelope struct {
	JSONRPC string            `json:"jsonrpc"`
	ID      json.RawMessage   `json:"id,omitempty"`
	Method  string            `json:"method"`
	Params  []json.RawMessage `json:"params,omitempty"`
}

func (rt *router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		// go-jsonrpc serves websockets on GET; Brine uses HTTP.
		rt.lotus.ServeHTTP(w, r)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var batch []json.RawMessage
		if err := json.Unmarshal(trimmed, &batch); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		out := make([]json.RawMessage, 0, len(batch))
		for _, one := range batch {
			out = append(out, bytes.TrimSpace(rt.one(r, one)))
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(rt.one(r, trimmed))
}

// one answers a single request.
func (rt *router) one(r *http.Request, body []byte) []byte {
	var req envelope
	if err := json.Unmarshal(body, &req); err != nil {
		return errorResponse(nil, -32700, "parse error: "+err.Error())
	}
	if _, ours := ethAliases[req.Method]; ours || strings.HasPrefix(req.Method, "Filecoin.") {
		rec := httptest.NewRecorder()
		inner, _ := http.NewRequestWithContext(r.Context(), http.MethodPost, r.URL.String(), bytes.NewReader(body))
		inner.Header = r.Header.Clone()
		rt.lotus.ServeHTTP(rec, inner)
		return rec.Body.Bytes()
	}
	rewritten, err := rt.resolveTags(r.Context(), req)
	if err != nil {
		return errorResponse(req.ID, -32603, err.Error())
	}
	if rewritten != nil {
		body = rewritten
	}
	resp, err := rt.forward(r.Context(), body)
	if err != nil {
		return errorResponse(req.ID, -32603, err.Error())
	}
	switch req.Method {
	case "eth_getTransactionReceipt":
		return rt.executedOnly(r.Context(), req.ID, resp)
	case "eth_estimateGas":
		return rt.scaleGas(req.ID, resp)
	}
	return resp
}

// scaleGas multiplies an upstream gas estimate by Config.GasScale: FEVM's gas units (Filecoin
// gas) are about two hundred times the EVM's for the same call, so a client that hard-codes an
// EVM-sized limit runs out of gas there. Only the estimate is scaled: the upstream still
// charges EVM gas for the transaction, so fees paid stay EVM-sized.
func (rt *router) scaleGas(id json.RawMessage, resp []byte) []byte {
	if rt.gasScale <= 1 {
		return resp
	}
	var answer struct {
		Result *hexutil.Uint64 `json:"result"`
	}
	if json.Unmarshal(resp, &answer) != nil || answer.Result == nil {
		return resp
	}
	out, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": id, "result": hexutil.Uint64(uint64(*answer.Result) * rt.gasScale)})
	return out
}

// executedOnly hides a receipt whose tipset is newer than "latest": Lotus executes a tipset's
// messages in the next one, so a receipt appears a tipset after its inclusion.
func (rt *router) executedOnly(ctx context.Context, id json.RawMessage, resp []byte) []byte {
	var answer struct {
		Result *struct {
			BlockNumber hexutil.Uint64 `json:"blockNumber"`
		} `json:"result"`
	}
	if json.Unmarshal(resp, &answer) != nil || answer.Result == nil {
		return resp
	}
	latest, err := rt.chain.latest(ctx)
	if err != nil {
		return errorResponse(id, -32603, err.Error())
	}
	if uint64(answer.Result.BlockNumber) <= latest {
		return resp
	}
	out, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": id, "result": nil})
	return out
}

// resolveTags replaces "finalized" and "safe" parameters with the heights the stand-in gives
// them (the upstream would place them its own way); nil when there are none.
func (rt *router) resolveTags(ctx context.Context, req envelope) ([]byte, error) {
	changed := false
	for i, p := range req.Params {
		var tag string
		if json.Unmarshal(p, &tag) != nil || (tag != ethtypes.BlockTagFinalized && tag != ethtypes.BlockTagSafe) {
			continue
		}
		h, err := rt.chain.resolve(ctx, tag)
		if err != nil {
			return nil, err
		}
		req.Params[i] = json.RawMessage(fmt.Sprintf("%q", fmt.Sprintf("0x%x", h)))
		changed = true
	}
	if !changed {
		return nil, nil
	}
	return json.Marshal(req)
}

func (rt *router) forward(ctx context.Context, body []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, rt.upstream, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("lotusstandin: upstream: %w", err)
	}
	defer resp.Body.Close()
	return io.ReadAll(io.LimitReader(resp.Body, 256<<20))
}

func errorResponse(id json.RawMessage, code int, msg string) []byte {
	if id == nil {
		id = json.RawMessage("null")
	}
	out, _ := json.Marshal(map[string]any{
		"jsonrpc": "2.0",
		"id":      id,
		"error":   map[string]any{"code": code, "message": msg},
	})
	return out
}
