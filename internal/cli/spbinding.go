package cli

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/filecoin-project/go-address"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/filecoin"
	"github.com/brine-compute/brine/settlement/onchain"
)

// minerFlags are provider register's --miner and --miner-sig, parsed.
type minerFlags struct {
	text string // as typed
	id   uint64
	sig  []byte
}

// spBinding is a miner binding that passed the off-chain check.
type spBinding struct {
	id         uint64
	miner      string // f0… / t0…
	controller string // the ID address through which the account controls the miner
	onChain    bool   // the registry checked it on chain
}

func parseMinerFlags(c *cli.Context) (*minerFlags, error) {
	text := c.String("miner")
	if text == "" {
		if c.IsSet("miner-sig") {
			return nil, badInput("--miner-sig needs --miner F0ADDR, the miner it binds")
		}
		return nil, nil
	}
	id, err := filecoin.ParseMiner(text)
	if err != nil {
		return nil, badInput("--miner %q is not a miner ID address: give its f0… (or t0…) address, as 'lotus-miner info' prints it", text)
	}
	f := &minerFlags{text: text, id: id}
	if s := strings.TrimPrefix(strings.TrimSpace(c.String("miner-sig")), "0x"); s != "" {
		if f.sig, err = hex.DecodeString(s); err != nil {
			return nil, badInput("--miner-sig is not hexadecimal: give the signature as 'lotus wallet sign' prints it")
		}
	}
	return f, nil
}

// checkMinerBinding asks Lotus whether the binding holds before anything is sent: the miner
// exists, its PeerId is the node's, and the account controls it (its f410 address, or the
// signature's key). Every refusal is bad input (exit 2) naming the fix.
func (s *session) checkMinerBinding(c *cli.Context, f *minerFlags, node peer.ID) (*spBinding, error) {
	url := c.String("lotus")
	if url == "" {
		url = s.cfg.RPC
	}
	net, _ := s.filecoinNetwork()
	miner := filecoin.MinerAddress(f.id, net)
	lotus, err := filecoin.Dial(s.ctx, filecoin.Config{URL: url, Token: s.stdio.Getenv("BRINE_LOTUS_TOKEN")})
	if err != nil {
		return nil, badInput("--miner needs a Lotus node to check the miner: %v (pass --lotus URL of a Lotus /rpc/v1)", err)
	}
	defer lotus.Close()
	if _, err := lotus.NetworkName(s.ctx); err != nil {
		return nil, badInput("--miner needs a Lotus node to check the miner, and %s does not answer Lotus's API (%v): pass --lotus URL of a Lotus /rpc/v1", url, err)
	}
	digest := onchain.MinerBindingDigest(s.chainID, s.dep.Registry, f.id, s.account, crypto.Keccak256Hash([]byte(node)))
	v, err := lotus.VerifyBinding(s.ctx, filecoin.Binding{Miner: f.id, Peer: node, Provider: s.account, Digest: digest.Bytes(), Signature: f.sig})
	switch {
	case errors.Is(err, filecoin.ErrNoMiner):
		return nil, badInput("miner %s does not exist on the chain %s follows: check the f0 address ('lotus-miner info')", miner, url)
	case errors.Is(err, filecoin.ErrPeerMismatch):
		return nil, badInput("miner %s: %v", miner, err)
	case errors.Is(err, filecoin.ErrNotController) && len(f.sig) == 0:
		return nil, badInput("%s (%s) is not the owner, worker or a control address of miner %s: have one of their keys sign the binding and pass the signature:\n   lotus wallet sign <owner, worker or control key address> %x\n   brine provider register --miner %s --miner-sig <the hex it prints>",
			s.account.Hex(), filecoin.F410(s.account, net), miner, digest.Bytes(), miner)
	case errors.Is(err, filecoin.ErrNotController), errors.Is(err, filecoin.ErrBadSignature):
		return nil, badInput("--miner-sig: %v; it must be the signature of %x by the owner, worker or a control key of %s ('lotus wallet sign <key> %x')", err, digest.Bytes(), miner, digest.Bytes())
	case err != nil:
		return nil, fmt.Errorf("checking miner %s through Lotus at %s: %w", miner, url, err)
	}
	controller := v.Controller.String()
	if n, err := address.IDFromAddress(v.Controller); err == nil {
		controller = filecoin.MinerAddress(n, net) // in the network's prefix, as the miner
	}
	return &spBinding{id: f.id, miner: miner, controller: controller}, nil
}

// spName is a bound miner as users read it (f0…, t0… on Filecoin testnets); "" for none.
func (s *session) spName(minerID uint64) string {
	if minerID == 0 {
		return ""
	}
	net, _ := s.filecoinNetwork()
	return filecoin.MinerAddress(minerID, net)
}

// spText is a bound miner for the text output, worded as the explorer words it.
func spText(sp string, verified bool) string { return filecoin.BindingText(sp, verified) }

// withSP is a provider with its storage-provider identity beside it, when it has one.
func withSP(text, sp string, verified bool) string {
	if sp == "" {
		return text
	}
	return text + " SP " + spText(sp, verified)
}
