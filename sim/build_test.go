package sim

import (
	"context"
	"math/big"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/audit"
)

// startSmall deploys the contracts and sets up a small population, and stops the chain at
// the test's end.
func startSmall(t *testing.T) *runner {
	t.Helper()
	r, err := start(context.Background(), small(1), 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.ch.close)
	return r
}

// The commitment computed in Go is the market's, and the in-process call returns what
// eth_call over JSON-RPC returns.
func TestCommitmentMatchesMarket(t *testing.T) {
	r := startSmall(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range 20 {
		var resultHash, salt [32]byte
		var member common.Address
		for k := range resultHash {
			resultHash[k], salt[k] = byte(rng.Uint32()), byte(rng.Uint32())
		}
		for k := range member {
			member[k] = byte(rng.Uint32())
		}
		id := new(big.Int).SetUint64(rng.Uint64())
		if i == 0 {
			id = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)) // the widest id
		}
		kind := uint8(i % 2)
		data := r.market.PackCommitmentFor(id, kind, member, resultHash, salt)
		viaRPC, err := r.ch.client.CallContract(ctx, ethereumCall(r.addrs.Market, data), nil)
		if err != nil {
			t.Fatal(err)
		}
		inProcess, err := r.ch.call(r.addrs.Market, data)
		if err != nil {
			t.Fatal(err)
		}
		if common.Bytes2Hex(viaRPC) != common.Bytes2Hex(inProcess) {
			t.Fatalf("in-process call %x, eth_call %x", inProcess, viaRPC)
		}
		want, err := r.market.UnpackCommitmentFor(viaRPC)
		if err != nil {
			t.Fatal(err)
		}
		if got := commitmentFor(r.ch.chainID, r.addrs.Market, id, kind, member, resultHash, salt); got != want {
			t.Fatalf("case %d: Go commitment %x, the market's %x", i, got, want)
		}
	}
}

// A replay that leaves out a write the build made fails the insert on the state root: the
// insert cannot commit a state the EVM did not produce.
func TestReplayMissingWriteFailsInsert(t *testing.T) {
	r := startSmall(t)
	ctx := context.Background()
	c := r.ch
	c.queue(r.owner, r.addrs.Token, r.token.PackMint(r.owner.addr, big.NewInt(1)), gasMint, "mint", nil)
	c.sign(c.pending, c.signer)
	txs := []*types.Transaction{c.pending[0].tx}
	c.pending = nil
	head := c.head()
	b, err := c.build(ctx, txs, func(int) string { return "mint" }, c.now()+1, crypto.Keccak256Hash([]byte("test")))
	if err != nil {
		t.Fatal(err)
	}
	dropped := false
	for _, a := range b.writes.accounts {
		if len(a.slots) > 0 {
			a.slots = a.slots[1:]
			dropped = true
			break
		}
	}
	if !dropped {
		t.Fatal("the mint wrote no storage slot")
	}
	c.processor.next = b
	defer func() { c.processor.next = nil }()
	_, err = c.eth.BlockChain().InsertBlockWithoutSetHead(ctx, b.block, false)
	if err == nil {
		t.Fatal("a replay missing a slot was inserted")
	}
	t.Logf("refused as it should be: %v", err)
	if c.head() != head {
		t.Fatalf("head moved from %d to %d", head, c.head())
	}
}

// The in-process log source returns what eth_getLogs returns.
func TestLogsMatchGetLogs(t *testing.T) {
	r := startSmall(t)
	ctx := context.Background()
	contracts := []common.Address{r.addrs.Market, r.addrs.Registry, r.addrs.Rewards, r.addrs.Token}
	want, err := audit.FetchLogs(ctx, r.ch.client, contracts, 0, r.ch.head())
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.ch.logs(ctx, contracts, 0, r.ch.head())
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("the setup logged nothing")
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("in process %d logs, eth_getLogs %d (or they differ)", len(got), len(want))
	}
}
