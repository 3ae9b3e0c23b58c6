package filecoin

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/filecoin-project/go-address"
	"github.com/filecoin-project/go-state-types/crypto"
	"github.com/filecoin-project/lotus/chain/types"
	"github.com/filecoin-project/lotus/lib/sigs"
	_ "github.com/filecoin-project/lotus/lib/sigs/secp" // registers secp256k1 verification (pure Go)
	"github.com/libp2p/go-libp2p/core/peer"
)

// Errors of the storage-provider binding check; each names what does not hold.
var (
	// ErrBadMiner means the text is not a miner's ID address (f0… or t0…).
	ErrBadMiner = errors.New("not a miner ID address")
	// ErrPeerMismatch means the miner's on-chain PeerId is not the node's peer ID.
	ErrPeerMismatch = errors.New("the miner's on-chain peer ID is not this node's")
	// ErrNotController means neither the provider's account nor the signature's key is the
	// miner's owner, worker or a control address.
	ErrNotController = errors.New("the account does not control the miner")
	// ErrBadSignature means the signature is not a Lotus-encoded signature (type byte, then
	// the signature) or does not verify.
	ErrBadSignature = errors.New("the controller signature does not verify")
)

// ParseMiner reads a miner actor's ID address, "f01234" or "t01234", and returns its number.
func ParseMiner(s string) (uint64, error) {
	s = strings.TrimSpace(s)
	a, err := address.NewFromString(s)
	if err != nil {
		return 0, fmt.Errorf("%w: %q: %v", ErrBadMiner, s, err)
	}
	if a.Protocol() != address.ID {
		return 0, fmt.Errorf("%w: %q is a protocol-%d address; give the miner's f0… ID address (lotus-miner info prints it)", ErrBadMiner, s, a.Protocol())
	}
	id, err := address.IDFromAddress(a)
	if err != nil {
		return 0, fmt.Errorf("%w: %q: %v", ErrBadMiner, s, err)
	}
	return id, nil
}

// MinerAddress is the f0… (mainnet) or t0… (testnets) form of an actor ID (a miner's, or an
// owner's, worker's or control address's).
func MinerAddress(id uint64, net Network) string {
	a, err := address.NewIDAddress(id)
	if err != nil {
		panic(err) // every uint64 is an ID
	}
	s := a.String()
	if net == Testnet {
		return address.TestnetPrefix + s[1:]
	}
	return address.MainnetPrefix + s[1:]
}

// BindingText is a bound miner as Brine words it everywhere (the CLI, the explorer): "t01000",
// or "t01000 (claimed, not checked on chain)" when the registry could not check it (any chain
// but FEVM): a claim anyone can make, which the controller's signature in its MinerBound event
// proves or not (docs/filecoin.md). "" for no miner.
func BindingText(miner string, verifiedOnChain bool) string {
	if miner == "" || verifiedOnChain {
		return miner
	}
	return miner + " (claimed, not checked on chain)"
}

// Binding is what Brine checks before it binds a miner to a provider.
type Binding struct {
	Miner    uint64         // the miner actor's ID
	Peer     peer.ID        // the node's libp2p peer ID
	Provider common.Address // the provider's 0x account
	// Digest is the registry's minerBindingDigest for this provider and miner: what a
	// controlling key signs (as Lotus's `wallet sign` signs bytes).
	Digest []byte
	// Signature is the Lotus-encoded signature (type byte, then the signature, as `lotus
	// wallet sign` prints it in hex) by the owner, worker or a control key; nil when the
	// provider's own account (its f410 address) is one of them.
	Signature []byte
}

// Verified says how a binding was proven.
type Verified struct {
	Info MinerInfo
	// Controller is the ID address (f0…) through which the provider controls the miner: its own
	// account's, or the one whose key made the signature.
	Controller address.Address
	// Key is the signing key's address (f1… or f3…); Undef when the account controls it itself.
	Key address.Address
}

// VerifyBinding checks b against the chain as this Lotus sees it: the miner exists, its PeerId
// is b.Peer, and the provider controls it, either because its own f410 account is the owner,
// worker or a control address, or because b.Signature verifies over b.Digest under the key of
// one of those. secp256k1 signatures are verified here (Lotus's own lib/sigs, pure Go); BLS
// ones by the node's WalletVerify (a pure check that needs no wallet).
func (c *Client) VerifyBinding(ctx context.Context, b Binding) (Verified, error) {
	miner, err := address.NewIDAddress(b.Miner)
	if err != nil {
		return Verified{}, fmt.Errorf("%w: %v", ErrBadMiner, err)
	}
	info, err := c.MinerInfo(ctx, miner)
	if err != nil {
		return Verified{}, err
	}
	out := Verified{Info: info}
	if info.PeerID != b.Peer {
		return out, fmt.Errorf("%w: miner %s has PeerId %q, the node is %s (set it with: lotus-miner actor set-peer-id %s)",
			ErrPeerMismatch, miner, info.PeerID, b.Peer, b.Peer)
	}
	if len(b.Signature) == 0 {
		own, err := address.NewDelegatedAddress(10, b.Provider.Bytes())
		if err != nil {
			return out, err
		}
		id, err := c.LookupID(ctx, own)
		if err == nil && info.Controls(id) {
			out.Controller = id
			return out, nil
		}
		return out, fmt.Errorf("%w: %s is not the owner, worker or a control address of %s; sign the binding with one of their keys (lotus wallet sign <key> %x) and pass the signature",
			ErrNotController, b.Provider.Hex(), miner, b.Digest)
	}
	var sig crypto.Signature
	if err := sig.UnmarshalBinary(b.Signature); err != nil {
		return out, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	if sig.Type != crypto.SigTypeSecp256k1 && sig.Type != crypto.SigTypeBLS {
		return out, fmt.Errorf("%w: signature type %d; want a secp256k1 (1) or BLS (2) signature as `lotus wallet sign` prints it", ErrBadSignature, sig.Type)
	}
	controllers := append([]address.Address{info.Owner, info.Worker}, info.Control...)
	for _, id := range controllers {
		key, err := c.AccountKey(ctx, id)
		if err != nil {
			continue // not a key account (a multisig owner, an f410 account): cannot sign this way
		}
		ok, err := c.verify(ctx, key, &sig, b.Digest)
		if err != nil {
			return out, err
		}
		if ok {
			out.Controller, out.Key = id, key
			return out, nil
		}
	}
	return out, fmt.Errorf("%w: no key of the owner, worker or control addresses of %s signed %x", ErrNotController, miner, b.Digest)
}

func (c *Client) verify(ctx context.Context, key address.Address, sig *crypto.Signature, msg []byte) (bool, error) {
	switch {
	case sig.Type == crypto.SigTypeSecp256k1 && key.Protocol() == address.SECP256K1:
		return sigs.Verify(sig, key, msg) == nil, nil
	case sig.Type == crypto.SigTypeBLS && key.Protocol() == address.BLS:
		ctx, cancel := c.call(ctx)
		defer cancel()
		ok, err := c.node.WalletVerify(ctx, key, msg, sig)
		if err != nil {
			return false, fmt.Errorf("filecoin: verify a BLS signature by %s: %w", key, err)
		}
		return ok, nil
	}
	return false, nil // the signature's type is not this key's
}

// AccountKey is the key address (f1… or f3…) behind an account's ID address.
func (c *Client) AccountKey(ctx context.Context, id address.Address) (address.Address, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	key, err := c.node.StateAccountKey(ctx, id, types.EmptyTSK)
	if err != nil {
		return address.Undef, fmt.Errorf("filecoin: key of %s: %w", id, err)
	}
	return key, nil
}
