package lotusstandin_test

import (
	"context"
	"encoding/hex"
	"errors"
	"math/big"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/filecoin-project/go-address"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/brine-compute/brine/chain/logscan"
	"github.com/brine-compute/brine/filecoin"
)

// TestRealLotus runs the stand-in's checks against a real Lotus full node, when one is given:
//
//	BRINE_LOTUS_RPC=https://api.calibration.node.glif.io/rpc/v1 \
//	BRINE_LOTUS_TOKEN=... BRINE_LOTUS_MINER=t01000 go test ./internal/lotusstandin -run RealLotus -v
//
// (BRINE_LOTUS_URL is read when BRINE_LOTUS_RPC is unset; the token and the miner are
// optional). With a miner, the SP binding's off-chain check runs against it (realBinding); with
// BRINE_LOTUS_MINER_DIGEST and BRINE_LOTUS_MINER_SIG too (hex: 32 bytes, and what `lotus wallet
// sign <owner, worker or control key> <digest>` printed), the signature must prove control. Without it the test is skipped, and a skip is not a pass: nothing here has then
// met a real Lotus.
func TestRealLotus(t *testing.T) {
	url := os.Getenv("BRINE_LOTUS_RPC")
	if url == "" {
		url = os.Getenv("BRINE_LOTUS_URL")
	}
	if url == "" {
		t.Skip("BRINE_LOTUS_RPC is not set: no real Lotus to check against (this is not a pass)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	fc, err := filecoin.Dial(ctx, filecoin.Config{URL: url, Token: os.Getenv("BRINE_LOTUS_TOKEN")})
	must(t, err)
	defer fc.Close()

	head, err := fc.Head(ctx)
	must(t, err)
	name, err := fc.NetworkName(ctx)
	must(t, err)
	chainID, err := fc.ChainID(ctx)
	must(t, err)
	fin, err := fc.Finalized(ctx)
	must(t, err)
	t.Logf("network %q, chain ID %d, head %d, finalized %d", name, chainID, head.Height, fin.Height)
	if head.Height <= 0 || name == "" || fin.Height > head.Height {
		t.Fatalf("head %+v, name %q, finalized %+v", head, name, fin)
	}
	switch cert, err := fc.LatestCertificate(ctx); {
	case errors.Is(err, filecoin.ErrNoF3):
		t.Log("F3 is not running: finality is expected-consensus depth")
	case err != nil:
		t.Fatal(err)
	default:
		t.Logf("F3 certificate: instance %d finalizes epoch %d", cert.Instance, cert.Height)
		if cert.Height > head.Height {
			t.Fatalf("a certificate past the head: %+v", cert)
		}
	}
	if m := os.Getenv("BRINE_LOTUS_MINER"); m != "" {
		miner, err := address.NewFromString(m)
		must(t, err)
		info, err := fc.MinerInfo(ctx, miner)
		must(t, err)
		t.Logf("miner %s: owner %s, worker %s, control %v, peer %s", miner, info.Owner, info.Worker, info.Control, info.PeerID)
		realBinding(ctx, t, fc, miner, info)
	}

	// The Eth side: the same chain, "latest" behind the head, the tags at or below it, and a scan
	// wider than Lotus's range limit completed by the pager.
	eth, err := ethclient.DialContext(ctx, url)
	must(t, err)
	defer eth.Close()
	id, err := eth.ChainID(ctx)
	must(t, err)
	if id.Uint64() != chainID {
		t.Fatalf("eth_chainId %d, Filecoin.EthChainId %d", id, chainID)
	}
	latest, err := eth.BlockNumber(ctx)
	must(t, err)
	if int64(latest) > head.Height+1 {
		t.Fatalf("eth_blockNumber %d past the head %d", latest, head.Height)
	}
	finHdr, err := eth.HeaderByNumber(ctx, big.NewInt(int64(rpc.FinalizedBlockNumber)))
	must(t, err)
	if finHdr.Number.Uint64() > latest {
		t.Fatalf("finalized block %d past latest %d", finHdr.Number, latest)
	}
	if latest < 3000 {
		t.Skipf("only %d epochs: too short to scan past the range limit", latest)
	}
	scan, err := logscan.New(logscan.Config{Client: eth, Span: 5000})
	must(t, err)
	// A topic nobody emits: the answer is empty, the ranges are what is tested.
	q := ethereum.FilterQuery{Topics: [][]common.Hash{{common.HexToHash("0xb71e")}}}
	logs, err := scan.All(ctx, q, latest-3000, latest)
	must(t, err)
	if len(logs) != 0 {
		t.Fatalf("%d logs of a topic nobody emits", len(logs))
	}
}

// realBinding checks the SP binding against a real miner: its own PeerId with an account that
// does not control it is refused as not the controller, another peer ID as a mismatch, and the
// worker's key is what StateAccountKey says; a given signature must prove control.
func realBinding(ctx context.Context, t *testing.T, fc *filecoin.Client, miner address.Address, info filecoin.MinerInfo) {
	t.Helper()
	id, err := address.IDFromAddress(miner)
	must(t, err)
	stranger := common.HexToAddress("0x000000000000000000000000000000000000b71e")
	digest := make([]byte, 32)
	if info.PeerID != "" {
		_, err = fc.VerifyBinding(ctx, filecoin.Binding{Miner: id, Peer: info.PeerID, Provider: stranger, Digest: digest})
		if !errors.Is(err, filecoin.ErrNotController) {
			t.Fatalf("binding %s to an account that controls nothing: %v, want ErrNotController", miner, err)
		}
	}
	other, err := peer.Decode("12D3KooWGzxzKZYveHXtpG6AsrUJBcWxHBFS2HsEoGTxrMLvKXtf")
	must(t, err)
	if other == info.PeerID {
		other, err = peer.Decode("12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN")
		must(t, err)
	}
	if _, err := fc.VerifyBinding(ctx, filecoin.Binding{Miner: id, Peer: other, Provider: stranger, Digest: digest}); !errors.Is(err, filecoin.ErrPeerMismatch) {
		t.Fatalf("binding %s to another peer ID: %v, want ErrPeerMismatch", miner, err)
	}
	key, err := fc.AccountKey(ctx, info.Worker)
	must(t, err)
	t.Logf("worker %s is key %s", info.Worker, key)
	d, s := os.Getenv("BRINE_LOTUS_MINER_DIGEST"), os.Getenv("BRINE_LOTUS_MINER_SIG")
	if d == "" || s == "" {
		t.Log("BRINE_LOTUS_MINER_DIGEST/BRINE_LOTUS_MINER_SIG not set: a controller's signature was not checked")
		return
	}
	digest, err = hex.DecodeString(d)
	must(t, err)
	sig, err := hex.DecodeString(s)
	must(t, err)
	v, err := fc.VerifyBinding(ctx, filecoin.Binding{Miner: id, Peer: info.PeerID, Provider: stranger, Digest: digest, Signature: sig})
	must(t, err)
	t.Logf("the signature proves control through %s (key %s)", v.Controller, v.Key)
}
