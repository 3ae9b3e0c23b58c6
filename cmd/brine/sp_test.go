package main_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/filecoin-project/go-address"
	"github.com/filecoin-project/go-state-types/crypto"
	"github.com/filecoin-project/lotus/api"
	"github.com/filecoin-project/lotus/lib/sigs"
	_ "github.com/filecoin-project/lotus/lib/sigs/secp"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/internal/lotusstandin"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/p2p/identity"
)

// spWorld is the Filecoin side of a storage provider for TestStoryOnLotus: its miners as the
// stand-in's StateMinerInfo answers them, the keys behind their owner and worker, and what the
// actor-call precompile's stand-in answers on chain.
//
//	t01000: worker t01002 (a secp256k1 key), PeerId = the node's; on chain the node's too.
//	t01001: PeerId another node's.
//	t01003: the provider's own f410 account (t01100) is a control address, PeerId = the
//	        node's in Lotus, but another's on chain (the registry's check must refuse it).
type spWorld struct {
	node, other peer.ID
	worker      []byte // secp256k1 private key of t01002
	stranger    []byte
	miners      map[address.Address]api.MinerInfo
	ids         map[address.Address]address.Address
	keys        map[address.Address]address.Address
}

func idAddr(n uint64) address.Address { a, _ := address.NewIDAddress(n); return a }

func secpKey(t *testing.T) ([]byte, address.Address) {
	t.Helper()
	priv, a, err := lotusstandin.NewSecpKey()
	if err != nil {
		t.Fatal(err)
	}
	return priv, a
}

// newSPWorld creates the node identity the CLI will use (in dataDir) so that the miners can
// name its peer ID.
func newSPWorld(t *testing.T, dataDir string, provider common.Address) *spWorld {
	t.Helper()
	id, _, err := identity.LoadOrCreate(identity.Path(dataDir))
	if err != nil {
		t.Fatal(err)
	}
	other, _, err := identity.LoadOrCreate(identity.Path(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	w := &spWorld{node: id.Peer, other: other.Peer}
	var ownerKey, workerKey address.Address
	_, ownerKey = secpKey(t)
	w.worker, workerKey = secpKey(t)
	w.stranger, _ = secpKey(t)
	f410, err := address.NewDelegatedAddress(10, provider.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	owner, worker, own := idAddr(1001), idAddr(1002), idAddr(1100)
	w.miners = map[address.Address]api.MinerInfo{
		idAddr(1000): {Owner: owner, Worker: worker, PeerId: &w.node},
		idAddr(1001): {Owner: owner, Worker: worker, PeerId: &w.other},
		idAddr(1003): {Owner: owner, Worker: worker, ControlAddresses: []address.Address{own}, PeerId: &w.node},
	}
	w.ids = map[address.Address]address.Address{f410: own}
	w.keys = map[address.Address]address.Address{owner: ownerKey, worker: workerKey}
	return w
}

// setOnChainPeers tells the precompile's stand-in what the miner actors answer on chain.
func (w *spWorld) setOnChainPeers(t *testing.T, ctx context.Context, d *devnet.Devnet) {
	t.Helper()
	client, err := ethclient.DialContext(ctx, d.HTTPURL())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	ks := keystore.NewKeyStore(d.KeystoreDir(), keystore.LightScryptN, keystore.LightScryptP)
	acct := d.Accounts()[0]
	if err := ks.Unlock(acct, devnet.DevPassword); err != nil {
		t.Fatal(err)
	}
	opts := bind.NewKeyStoreTransactor(ks, acct, d.ChainID())
	opts.Context = ctx
	mock := bindings.NewCallActorByIdMock()
	inst := mock.Instance(client, simchain.CallActorID)
	for _, data := range [][]byte{mock.PackSetPeerId(1000, []byte(w.node)), mock.PackSetPeerId(1003, []byte(w.other))} {
		tx, err := bind.Transact(inst, opts, data)
		if err != nil {
			t.Fatal(err)
		}
		if r, err := bind.WaitMined(ctx, client, tx.Hash()); err != nil || r.Status != 1 {
			t.Fatalf("setting the precompile stand-in's miners: %v (status %v)", err, r)
		}
	}
}

var digestLine = regexp.MustCompile(`lotus wallet sign <[^>]*> ([0-9a-f]{64})`)

// story runs `provider register --miner` with each kind of bad input (exit 2, a clear error,
// nothing sent) and returns the worker's signature (hex) of the binding digest the CLI printed.
func (w *spWorld) story(t *testing.T, run func(args ...string) result) string {
	t.Helper()
	refuse := func(want string, args ...string) result {
		t.Helper()
		r := run(append([]string{"provider", "register"}, args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, want) {
			t.Fatalf("provider register %s: exit %d, want 2 with %q:\n%s", strings.Join(args, " "), r.code, want, r.stderr)
		}
		return r
	}
	refuse("is not a miner ID address", "--miner", "f0x1000")
	refuse("is not a miner ID address", "--miner", "f1abjxfbp274xpdqcpuaykwkfb43omjotacm2p3za") // an account, not an ID
	refuse("does not exist", "--miner", "f04242")
	refuse("peer ID is not this node's", "--miner", "f01001")
	r := refuse("is not the owner, worker or a control address", "--miner", "f01000")
	m := digestLine.FindStringSubmatch(r.stderr)
	if m == nil {
		t.Fatalf("the refusal does not print the digest to sign:\n%s", r.stderr)
	}
	digest, _ := hex.DecodeString(m[1])
	sign := func(key []byte) string {
		sig, err := sigs.Sign(crypto.SigTypeSecp256k1, key, digest)
		if err != nil {
			t.Fatal(err)
		}
		b, err := sig.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		return hex.EncodeToString(b)
	}
	refuse("--miner-sig", "--miner", "f01000", "--miner-sig", sign(w.stranger))
	refuse("--miner-sig is not hexadecimal", "--miner", "f01000", "--miner-sig", "zz")
	// Lotus says t01003 is fine (the account's own f410 is a control address), but on chain
	// the miner actor answers another peer ID: the registry refuses.
	refuse("on-chain check refused", "--miner", "f01003")
	return sign(w.worker)
}

// squat registers the SP node's peer ID for squatter, as anyone may who reads it from the
// miner's StateMinerInfo (without the peer key: its proof is junk, which only off-chain
// checks notice).
func (w *spWorld) squat(t *testing.T, ctx context.Context, d *devnet.Devnet, deployment string, squatter accounts.Account) {
	t.Helper()
	b, err := os.ReadFile(deployment)
	if err != nil {
		t.Fatal(err)
	}
	var dep struct {
		Registry common.Address `json:"registry"`
	}
	if err := json.Unmarshal(b, &dep); err != nil {
		t.Fatal(err)
	}
	client, err := ethclient.DialContext(ctx, d.HTTPURL())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	ks := keystore.NewKeyStore(d.KeystoreDir(), keystore.LightScryptN, keystore.LightScryptP)
	if err := ks.Unlock(squatter, devnet.DevPassword); err != nil {
		t.Fatal(err)
	}
	opts := bind.NewKeyStoreTransactor(ks, squatter, d.ChainID())
	opts.Context = ctx
	reg := bindings.NewProviderRegistry()
	tx, err := bind.Transact(reg.Instance(client, dep.Registry), opts, reg.PackRegister([]byte(w.node), []byte("not the peer key's"), nil))
	if err != nil {
		t.Fatal(err)
	}
	if r, err := bind.WaitMined(ctx, client, tx.Hash()); err != nil || r.Status != 1 {
		t.Fatalf("the squatter's registration: %v (status %v)", err, r)
	}
}
