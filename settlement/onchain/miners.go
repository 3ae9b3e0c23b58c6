package onchain

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/chain/logscan"
)

// A storage provider binds its Filecoin miner actor to its account and peer ID (issue 15;
// docs/filecoin.md says how the binding is proven and checked).

var (
	evMinerBound   = registryABI.GetABI().Events["MinerBound"].ID
	evMinerUnbound = registryABI.GetABI().Events["MinerUnbound"].ID
)

// MinerBinding is a provider's current miner binding as the registry's events record it.
type MinerBinding struct {
	Provider common.Address
	MinerID  uint64
	// VerifiedOnChain: the registry read the miner's peer ID through FEVM's actor-call
	// precompile and found the provider's; false on chains without it.
	VerifiedOnChain bool
	// ControllerSig is the controlling key's signature over the binding digest; empty when the
	// provider's own account controls the miner.
	ControllerSig []byte
	// PeerIDHash is the provider's registered peer ID hash at the binding, which the digest binds.
	PeerIDHash common.Hash
	Block      uint64
}

// MinerBindingDigest is the registry's minerBindingDigest computed here, for a binding whose
// provider had registered peerIDHash: keccak256(abi.encode("brine/miner/v1", chainID, registry,
// minerID, provider, peerIDHash)). Auditors recompute it from the events alone.
func MinerBindingDigest(chainID *big.Int, registry common.Address, minerID uint64, provider common.Address, peerIDHash common.Hash) common.Hash {
	enc, err := minerDigestArgs.Pack("brine/miner/v1", chainID, registry, minerID, provider, [32]byte(peerIDHash))
	if err != nil {
		panic(err) // the types are fixed
	}
	return crypto.Keccak256Hash(enc)
}

var minerDigestArgs = func() abi.Arguments {
	ty := func(s string) abi.Type {
		t, err := abi.NewType(s, "", nil)
		if err != nil {
			panic(err)
		}
		return t
	}
	return abi.Arguments{{Type: ty("string")}, {Type: ty("uint256")}, {Type: ty("address")}, {Type: ty("uint64")}, {Type: ty("address")}, {Type: ty("bytes32")}}
}()

// MinerBindingDigest asks the registry what a controlling key signs for this account to bind
// minerID (the account must have registered: the digest binds its peer ID).
func (s *Settlement) MinerBindingDigest(ctx context.Context, minerID uint64) (common.Hash, error) {
	h, err := call(ctx, s, s.addrs.Registry, registryABI.PackMinerBindingDigest(s.account, minerID), registryABI.UnpackMinerBindingDigest)
	return common.Hash(h), err
}

// BindMiner binds minerID to the account; verified reports whether the registry checked the
// miner's peer ID on chain (FEVM). controllerSig is a controlling key's signature over
// MinerBindingDigest, or nil when the account's own f410 address controls the miner.
func (s *Settlement) BindMiner(ctx context.Context, minerID uint64, controllerSig []byte) (verified bool, err error) {
	if err := s.writable(); err != nil {
		return false, err
	}
	data, err := registryABI.TryPackBindMiner(minerID, controllerSig)
	if err != nil {
		return false, fmt.Errorf("bind miner: %w", err)
	}
	tx, ok := s.adopt("bind-miner", s.addrs.Registry, data, bytes.Equal)
	if !ok {
		id, err := s.accountTxID(ctx, "bind-miner", data)
		if err != nil {
			return false, err
		}
		tx = Tx{ID: id, To: s.addrs.Registry, Data: data}
	}
	r, err := s.send(ctx, "bind miner", tx)
	if err != nil {
		return false, err
	}
	ev, ok := findEvent(r, s.addrs.Registry, registryABI.UnpackMinerBoundEvent)
	if !ok {
		return false, errors.New("bind miner: receipt has no MinerBound event")
	}
	return ev.VerifiedOnChain, nil
}

// RegisterWithMiner registers the account with peerID (as Register) and binds minerID (as
// BindMiner) in one transaction. On FEVM, where the registry checks the miner's peer ID on
// chain, it also takes peerID from a provider that registered it first without a checked
// miner binding of its own (a squatter); reclaimedFrom is that provider, zero when none.
// controllerSig signs MinerBindingDigest for this account and peerID (onchain.MinerBindingDigest
// computes it before the account holds peerID).
func (s *Settlement) RegisterWithMiner(ctx context.Context, peerID, peerSig, metadata []byte, minerID uint64, controllerSig []byte) (verified bool, reclaimedFrom common.Address, err error) {
	if err := s.writable(); err != nil {
		return false, common.Address{}, err
	}
	data, err := registryABI.TryPackRegisterWithMiner(peerID, peerSig, metadata, minerID, controllerSig)
	if err != nil {
		return false, common.Address{}, fmt.Errorf("register with miner: %w", err)
	}
	tx, ok := s.adopt("register-with-miner", s.addrs.Registry, data, bytes.Equal)
	if !ok {
		id, err := s.accountTxID(ctx, "register-with-miner", data)
		if err != nil {
			return false, common.Address{}, err
		}
		tx = Tx{ID: id, To: s.addrs.Registry, Data: data}
	}
	r, err := s.send(ctx, "register with miner", tx)
	if err != nil {
		return false, common.Address{}, err
	}
	ev, ok := findEvent(r, s.addrs.Registry, registryABI.UnpackMinerBoundEvent)
	if !ok {
		return false, common.Address{}, errors.New("register with miner: receipt has no MinerBound event")
	}
	if re, ok := findEvent(r, s.addrs.Registry, registryABI.UnpackPeerIdReclaimedEvent); ok {
		reclaimedFrom = re.Holder
	}
	return ev.VerifiedOnChain, reclaimedFrom, nil
}

// UnbindMiner ends the account's miner binding.
func (s *Settlement) UnbindMiner(ctx context.Context) error {
	return s.accountStep(ctx, "unbind miner", "unbind-miner", s.addrs.Registry, registryABI.PackUnbindMiner())
}

// MinerBindingOf is provider's current miner binding from the registry's events, and false
// when it has none. It scans from the deploy block (paged, as every scan).
func (s *Settlement) MinerBindingOf(ctx context.Context, provider common.Address) (MinerBinding, bool, error) {
	head, err := s.client.BlockNumber(ctx)
	if err != nil {
		return MinerBinding{}, false, fmt.Errorf("settlement/onchain: block number: %w", err)
	}
	scan, err := logscan.New(logscan.Config{Client: s.client, Span: LogChunk})
	if err != nil {
		return MinerBinding{}, false, fmt.Errorf("settlement/onchain: %w", err)
	}
	q := ethereum.FilterQuery{
		Addresses: []common.Address{s.addrs.Registry},
		Topics:    [][]common.Hash{{evMinerBound, evMinerUnbound, evProviderRegistered}, {common.BytesToHash(provider.Bytes())}},
	}
	logs, err := scan.All(ctx, q, s.addrs.Block, head)
	if err != nil {
		return MinerBinding{}, false, fmt.Errorf("settlement/onchain: registry %w", err)
	}
	var out MinerBinding
	var peerHash common.Hash
	bound := false
	for i := range logs {
		l := &logs[i]
		if l.Removed || len(l.Topics) == 0 {
			continue
		}
		switch l.Topics[0] {
		case evProviderRegistered:
			if ev, err := registryABI.UnpackProviderRegisteredEvent(l); err == nil {
				peerHash = crypto.Keccak256Hash(ev.PeerId)
			}
		case evMinerBound:
			if ev, err := registryABI.UnpackMinerBoundEvent(l); err == nil {
				out = MinerBinding{Provider: ev.Provider, MinerID: ev.MinerId, VerifiedOnChain: ev.VerifiedOnChain,
					ControllerSig: ev.ControllerSig, PeerIDHash: peerHash, Block: l.BlockNumber}
				bound = true
			}
		case evMinerUnbound:
			bound = false
		}
	}
	return out, bound, nil
}
