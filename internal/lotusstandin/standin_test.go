package lotusstandin_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"reflect"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/filecoin-project/go-address"
	"github.com/filecoin-project/lotus/api"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/brine-compute/brine/chain/logscan"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/filecoin"
	"github.com/brine-compute/brine/internal/lotusstandin"
)

// TestSignaturesAreLotus: every method the stand-in serves is api.FullNode's, with the same
// parameters, and the same results except the Eth answers it passes through as raw JSON.
func TestSignaturesAreLotus(t *testing.T) {
	full := reflect.TypeOf((*api.FullNode)(nil)).Elem()
	served := lotusstandin.ServedMethods()
	if served.NumMethod() == 0 {
		t.Fatal("the stand-in serves no methods")
	}
	raw := reflect.TypeOf(json.RawMessage(nil))
	for i := range served.NumMethod() {
		m := served.Method(i)
		want, ok := full.MethodByName(m.Name)
		if !ok {
			t.Errorf("%s is not a method of api.FullNode", m.Name)
			continue
		}
		got := m.Type // the receiver comes first
		if got.NumIn()-1 != want.Type.NumIn() || got.NumOut() != want.Type.NumOut() {
			t.Errorf("%s: %s, api.FullNode has %s", m.Name, got, want.Type)
			continue
		}
		for k := range want.Type.NumIn() {
			if got.In(k+1) != want.Type.In(k) {
				t.Errorf("%s parameter %d: %s, api.FullNode has %s", m.Name, k, got.In(k+1), want.Type.In(k))
			}
		}
		for k := range want.Type.NumOut() {
			if got.Out(k) != want.Type.Out(k) && got.Out(k) != raw {
				t.Errorf("%s result %d: %s, api.FullNode has %s", m.Name, k, got.Out(k), want.Type.Out(k))
			}
		}
	}
}

// emitterCode deploys a contract whose every call emits LOG1(topic = i) for i = n..1, where n
// is the call's first word: many logs for little gas (about 800 a log).
const emitterCode = "0x601880600b6000396000f3" + "6000355b80156016578060006000a1600190036003565b00"

type world struct {
	t      *testing.T
	d      *devnet.Devnet
	s      *lotusstandin.StandIn
	geth   *ethclient.Client // the devnet itself
	lotus  *ethclient.Client // through the stand-in
	ks     *keystore.KeyStore
	from   accounts.Account
	nonce  uint64
	chain  *big.Int
	ctx    context.Context
	cancel context.CancelFunc
}

func newWorld(t *testing.T, cfg lotusstandin.Config) *world {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a devnet")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)
	d, err := devnet.New(devnet.Config{Accounts: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Stop(context.Background()) })
	cfg.Upstream = d.HTTPURL()
	s, err := lotusstandin.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Stop(context.Background()) })
	geth, err := ethclient.DialContext(ctx, d.HTTPURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(geth.Close)
	lotus, err := ethclient.DialContext(ctx, s.URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(lotus.Close)
	ks := keystore.NewKeyStore(d.KeystoreDir(), keystore.LightScryptN, keystore.LightScryptP)
	acct := d.Accounts()[0]
	if err := ks.Unlock(acct, devnet.DevPassword); err != nil {
		t.Fatal(err)
	}
	nonce, err := geth.PendingNonceAt(ctx, acct.Address)
	if err != nil {
		t.Fatal(err)
	}
	return &world{t: t, d: d, s: s, geth: geth, lotus: lotus, ks: ks, from: acct, nonce: nonce,
		chain: d.ChainID(), ctx: ctx, cancel: cancel}
}

// send signs and sends a transaction through the stand-in and returns its receipt.
func (w *world) send(to *common.Address, data []byte, gas uint64) *types.Receipt {
	w.t.Helper()
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: w.chain, Nonce: w.nonce, To: to, Data: data, Gas: gas,
		GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(100e9)})
	signed, err := w.ks.SignTx(w.from, tx, w.chain)
	if err != nil {
		w.t.Fatal(err)
	}
	if err := w.lotus.SendTransaction(w.ctx, signed); err != nil {
		w.t.Fatal(err)
	}
	w.nonce++
	for {
		r, err := w.geth.TransactionReceipt(w.ctx, signed.Hash())
		if err == nil {
			if r.Status != types.ReceiptStatusSuccessful {
				w.t.Fatalf("transaction %s failed", signed.Hash())
			}
			return r
		}
		if !errors.Is(err, ethereum.NotFound) {
			w.t.Fatal(err)
		}
		select {
		case <-w.ctx.Done():
			w.t.Fatal(w.ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// TestFilecoinAPI: Brine's Lotus client reads the stand-in through Lotus's own client: head,
// network name, chain ID, a miner's identity, the finalized tipset; and the Eth side shows null
// rounds and the tags at their depths.
func TestFilecoinAPI(t *testing.T) {
	miner, _ := address.NewIDAddress(1234)
	owner, _ := address.NewIDAddress(1001)
	worker, _ := address.NewIDAddress(1002)
	control, _ := address.NewIDAddress(1003)
	pid, err := peer.Decode("12D3KooWGzxzKZYveHXtpG6AsrUJBcWxHBFS2HsEoGTxrMLvKXtf")
	if err != nil {
		t.Fatal(err)
	}
	w := newWorld(t, lotusstandin.Config{
		NetworkName:    "brine-standin",
		FinalizedDepth: 20,
		SafeDepth:      5,
		NullRound:      func(h uint64) bool { return h%5 == 0 },
		Miners: map[address.Address]api.MinerInfo{miner: {
			Owner: owner, Worker: worker, ControlAddresses: []address.Address{control}, PeerId: &pid,
		}},
	})
	if err := w.d.Mine(w.ctx, 60); err != nil {
		t.Fatal(err)
	}
	gethHead, err := w.geth.BlockNumber(w.ctx)
	if err != nil {
		t.Fatal(err)
	}

	fc, err := filecoin.Dial(w.ctx, filecoin.Config{URL: w.s.URL(), Token: "ignored-by-the-stand-in"})
	if err != nil {
		t.Fatal(err)
	}
	defer fc.Close()
	head, err := fc.Head(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantHead := gethHead
	if wantHead%5 == 0 {
		wantHead-- // the newest height is a null round (the devnet mined empty blocks)
	}
	if head.Height != int64(wantHead) || head.Key == "" || head.Time.IsZero() {
		t.Fatalf("head %+v, want height %d (devnet at %d)", head, wantHead, gethHead)
	}
	if name, err := fc.NetworkName(w.ctx); err != nil || name != "brine-standin" {
		t.Fatalf("network name %q, %v", name, err)
	}
	if id, err := fc.ChainID(w.ctx); err != nil || id != w.chain.Uint64() {
		t.Fatalf("chain ID %d, %v; want %d", id, err, w.chain)
	}
	info, err := fc.MinerInfo(w.ctx, miner)
	if err != nil {
		t.Fatal(err)
	}
	if info.Owner != owner || info.Worker != worker || len(info.Control) != 1 || info.Control[0] != control || info.PeerID != pid {
		t.Fatalf("miner info %+v", info)
	}
	if !info.Controls(control) || !info.Controls(owner) || info.Controls(miner) {
		t.Fatal("Controls is wrong")
	}
	nobody, _ := address.NewIDAddress(999)
	if _, err := fc.MinerInfo(w.ctx, nobody); !errors.Is(err, filecoin.ErrNoMiner) {
		t.Fatalf("an unknown miner: %v", err)
	}
	fin, err := fc.Finalized(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantFin := wantHead - 20
	if wantFin%5 == 0 {
		wantFin--
	}
	if fin.Height != int64(wantFin) {
		t.Fatalf("finalized at %d, want %d (head %d)", fin.Height, wantFin, head.Height)
	}
	if _, err := fc.LatestCertificate(w.ctx); !errors.Is(err, filecoin.ErrNoF3) {
		t.Fatalf("F3 certificate from a stand-in without F3: %v", err)
	}

	// A Filecoin devnet is told from its node, not its chain ID; the devnet itself is no Filecoin.
	lotusRPC, err := rpc.DialContext(w.ctx, w.s.URL())
	must(t, err)
	defer lotusRPC.Close()
	if net, ok := filecoin.NetworkOf(w.ctx, lotusRPC, w.chain.Uint64()); !ok || net != filecoin.Testnet {
		t.Fatalf("the stand-in's network: %v, %v", net, ok)
	}
	gethRPC, err := rpc.DialContext(w.ctx, w.d.HTTPURL())
	must(t, err)
	defer gethRPC.Close()
	if _, ok := filecoin.NetworkOf(w.ctx, gethRPC, w.chain.Uint64()); ok {
		t.Fatal("the devnet taken for Filecoin")
	}

	// The Eth side: "latest" is the head's parent, never a null round; a null round has no
	// block; the tags lag.
	wantLatest := wantHead - 1
	if wantLatest%5 == 0 {
		wantLatest--
	}
	n, err := w.lotus.BlockNumber(w.ctx)
	if err != nil || n != wantLatest {
		t.Fatalf("eth_blockNumber %d, %v; want %d (head %d)", n, err, wantLatest, wantHead)
	}
	if _, err := w.lotus.HeaderByNumber(w.ctx, new(big.Int).SetUint64(wantHead)); err == nil {
		t.Fatal("the head's block is served before its messages ran")
	}
	var rerr rpc.Error
	_, err = w.lotus.HeaderByNumber(w.ctx, big.NewInt(50))
	if !errors.As(err, &rerr) || rerr.ErrorCode() != int(api.ENullRound) {
		t.Fatalf("block 50 (a null round): %v", err)
	}
	if h, err := w.lotus.HeaderByNumber(w.ctx, big.NewInt(51)); err != nil || h.Number.Uint64() != 51 {
		t.Fatalf("block 51: %v, %v", h, err)
	}
	if h, err := w.lotus.HeaderByNumber(w.ctx, big.NewInt(int64(rpc.FinalizedBlockNumber))); err != nil || h.Number.Uint64() != wantFin {
		t.Fatalf("finalized block %v, %v; want %d", h, err, wantFin)
	}
	wantSafe := wantHead - 5
	if wantSafe%5 == 0 {
		wantSafe--
	}
	if h, err := w.lotus.HeaderByNumber(w.ctx, big.NewInt(int64(rpc.SafeBlockNumber))); err != nil || h.Number.Uint64() != wantSafe {
		t.Fatalf("safe block %v, %v; want %d", h, err, wantSafe)
	}
	// A receipt appears once its tipset is "latest", a tipset after inclusion.
	r := w.send(nil, common.FromHex(emitterCode), 200_000)
	if _, err := w.lotus.TransactionReceipt(w.ctx, r.TxHash); !errors.Is(err, ethereum.NotFound) {
		t.Fatalf("a receipt of the head tipset: %v", err)
	}
	must(t, w.d.Mine(w.ctx, 2))
	if got, err := w.lotus.TransactionReceipt(w.ctx, r.TxHash); err != nil || got.BlockNumber.Cmp(r.BlockNumber) != 0 {
		t.Fatalf("the receipt a tipset later: %v, %v", got, err)
	}

	// A forwarded call with a tag reads at the stand-in's height, not the devnet's.
	bal, err := w.lotus.BalanceAt(w.ctx, w.from.Address, big.NewInt(int64(rpc.FinalizedBlockNumber)))
	if err != nil || bal.Sign() <= 0 {
		t.Fatalf("balance at finalized: %v, %v", bal, err)
	}
}

// TestLogLimits: a scan over more than 2,880 blocks and more than 10,000 logs through the
// stand-in is refused whole, as Lotus refuses it, and is complete and exact through logscan.
func TestLogLimits(t *testing.T) {
	w := newWorld(t, lotusstandin.Config{NullRound: func(h uint64) bool { return h%7 == 0 }})
	deployed := w.send(nil, common.FromHex(emitterCode), 200_000)
	emitter := deployed.ContractAddress
	call := func(n int64) uint64 {
		r := w.send(&emitter, common.LeftPadBytes(big.NewInt(n).Bytes(), 32), uint64(n)*1000+100_000)
		if len(r.Logs) != int(n) {
			t.Fatalf("emitted %d logs, want %d", len(r.Logs), n)
		}
		return r.BlockNumber.Uint64()
	}
	first := call(6000)
	must(t, w.d.Mine(w.ctx, 1500))
	second := call(6000)
	must(t, w.d.Mine(w.ctx, 1600))
	call(700)
	must(t, w.d.Mine(w.ctx, 10))
	head, err := w.lotus.BlockNumber(w.ctx)
	must(t, err)
	from := deployed.BlockNumber.Uint64()
	if head-from <= lotusstandin.DefaultMaxLogRange {
		t.Fatalf("only %d blocks", head-from)
	}
	q := ethereum.FilterQuery{Addresses: []common.Address{emitter}}

	// Lotus's refusals, as the stand-in makes them.
	var rerr rpc.Error
	whole := q
	whole.FromBlock, whole.ToBlock = new(big.Int).SetUint64(from), new(big.Int).SetUint64(head)
	if _, err := w.lotus.FilterLogs(w.ctx, whole); !errors.As(err, &rerr) || rerr.ErrorCode() != logscan.CodeLimitExceeded {
		t.Fatalf("a range of %d blocks: %v", head-from, err)
	}
	dense := q
	dense.FromBlock, dense.ToBlock = new(big.Int).SetUint64(first), new(big.Int).SetUint64(second)
	if _, err := w.lotus.FilterLogs(w.ctx, dense); err == nil || !logscan.TooMuch(err) {
		t.Fatalf("12,000 logs in two tipsets: %v", err)
	}
	one := q
	one.FromBlock, one.ToBlock = new(big.Int).SetUint64(first), new(big.Int).SetUint64(first)
	if logs, err := w.lotus.FilterLogs(w.ctx, one); err != nil || len(logs) != 6000 {
		t.Fatalf("one tipset may exceed the cap: %d logs, %v", len(logs), err)
	}

	// The truth, from the devnet in one request.
	want, err := w.geth.FilterLogs(w.ctx, whole)
	must(t, err)
	if len(want) != 12_700 {
		t.Fatalf("the devnet has %d logs", len(want))
	}
	for _, span := range []uint64{0, 5000} {
		scan, err := logscan.New(logscan.Config{Client: w.lotus, Span: span})
		must(t, err)
		got, err := scan.All(w.ctx, q, from, head)
		must(t, err)
		if len(got) != len(want) {
			t.Fatalf("span %d: %d logs, want %d", span, len(got), len(want))
		}
		for i := range want {
			if got[i].BlockNumber != want[i].BlockNumber || got[i].Index != want[i].Index || got[i].TxHash != want[i].TxHash || got[i].Topics[0] != want[i].Topics[0] {
				t.Fatalf("span %d: log %d is %+v, want %+v", span, i, got[i], want[i])
			}
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
