package contracts_test

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/internal/simchain"
)

// TestPropertyMinerBinding drives the registry's miner-binding paths (register and re-register,
// bindMiner, unbindMiner, registerWithMiner and its taking of a peer ID another provider holds
// without a checked binding) through random sequences on a chain whose actor-call precompile is
// the test contract, while the miners' on-chain answers change (peer IDs, exit codes, malformed
// returns). A model predicts every outcome (the revert's name, or the binding that results);
// after each step minerOf, minerOwner, peerOwner and each provider's registration must agree
// with it.
// The seed is logged (-brine.property.seed reruns one).
func TestPropertyMinerBinding(t *testing.T) {
	t.Parallel()
	seed := *propertySeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	steps := 250
	if *propertySteps > 0 {
		steps = *propertySteps
	}
	t.Logf("seed %d, %d steps (rerun with -brine.property.seed=%d)", seed, steps, seed)
	rng := rand.New(rand.NewPCG(seed, seed^0x5bd1e995))
	c := simchain.NewFEVM(t)
	g := rgMain(t, c)
	reg := c.RegistryABI
	mockABI := bindings.NewCallActorByIdMock()
	mock := mockABI.Instance(c.Client, simchain.CallActorID)

	const nProviders = 4
	var provs []*simchain.Account
	for i := range nProviders {
		provs = append(provs, g.account(fmt.Sprintf("p%d", i), 0))
	}
	peers := make([][]byte, 6)
	for i := range peers {
		peers[i] = []byte(fmt.Sprintf("peer-%d-%s", i, string(make([]byte, i*7)))) // lengths across the CBOR forms
	}
	miners := []uint64{99, 1000, 1001, 1002, 1003, 4242} // 99: a system actor; 4242 never set
	// The model.
	type minerState struct {
		exit int64 // 0: answers peer
		peer int   // index into peers; -1 with exit 0: a malformed answer
		set  bool  // the mock knows it
	}
	onChain := map[uint64]*minerState{}
	regPeer := map[common.Address]int{} // registered peer index; absent: not registered
	minerOf := map[common.Address]uint64{}
	ownerOf := map[uint64]common.Address{}
	peerOwner := map[int]common.Address{}

	unbind := func(a common.Address) {
		if m := minerOf[a]; m != 0 {
			delete(ownerOf, m)
			delete(minerOf, a)
		}
	}
	want := func(err error, name string, what string) {
		t.Helper()
		if name == "" {
			if err != nil {
				t.Fatalf("seed %d: %s: unexpected %v", seed, what, err)
			}
			return
		}
		var re *reverts.Error
		if !errors.As(err, &re) || re.Name != name {
			t.Fatalf("seed %d: %s: want revert %s, got %v", seed, what, name, err)
		}
	}
	counts := map[string]int{}
	for step := range steps {
		p := provs[rng.IntN(nProviders)]
		switch x := rng.IntN(14); {
		case x < 2: // the chain's answer for a miner changes
			m := miners[1+rng.IntN(4)]
			st := &minerState{set: true, peer: rng.IntN(len(peers))}
			var data []byte
			switch y := rng.IntN(6); {
			case y == 0:
				st.exit = -int64(1 + rng.IntN(30))
				data = mockABI.PackSetExitCode(m, big.NewInt(st.exit))
			case y == 1:
				st.peer = -1
				data = mockABI.PackSetRawReturn(m, []byte{0x82, 0x41, 0x00})
			default:
				if pi, ok := regPeer[p.Addr]; ok && rng.IntN(10) < 7 {
					st.peer = pi // mostly a registered peer: bindings must succeed often enough
				} else if len(peerOwner) > 0 && rng.IntN(2) == 0 {
					for i := range peerOwner { // or someone's: registerWithMiner may take it
						st.peer = i
						break
					}
				}
				data = mockABI.PackSetPeerId(m, peers[st.peer])
			}
			if _, err := c.Send(c.Owner, mock, data); err != nil {
				t.Fatal(err)
			}
			onChain[m] = st
			counts["set miner"]++
		case x < 5: // register (or re-register) a peer ID
			i := rng.IntN(len(peers))
			_, err := g.send(p, reg.PackRegister(peers[i], []byte("sig"), nil))
			expect := ""
			if o, ok := peerOwner[i]; ok && o != p.Addr {
				expect = "PeerIdTaken"
			}
			want(err, expect, fmt.Sprintf("step %d: %s registers peer %d", step, p.Name, i))
			if expect == "" {
				if old, ok := regPeer[p.Addr]; ok && old != i {
					delete(peerOwner, old)
					unbind(p.Addr)
				}
				regPeer[p.Addr], peerOwner[i] = i, p.Addr
			}
			counts["register/"+orOK(expect)]++
		case x < 9: // bind a miner
			m := miners[rng.IntN(len(miners))]
			if pi, ok := regPeer[p.Addr]; ok && rng.IntN(2) == 0 {
				for _, cand := range miners {
					if st := onChain[cand]; st != nil && st.exit == 0 && st.peer == pi {
						m = cand // one whose actor answers this provider's peer ID
					}
				}
			}
			_, err := g.send(p, reg.PackBindMiner(m, nil))
			expect := ""
			st := onChain[m]
			pi, registered := regPeer[p.Addr]
			switch {
			case m < 100:
				expect = "BadMinerId"
			case !registered:
				expect = "NotRegistered"
			case st == nil:
				expect = "MinerActorError" // unknown to the actor-call: the mock's not-found exit
			case st.exit != 0:
				expect = "MinerActorError"
			case st.peer < 0:
				expect = "MinerReturnMalformed"
			case st.peer != pi:
				expect = "MinerPeerIdMismatch"
			}
			want(err, expect, fmt.Sprintf("step %d: %s binds %d", step, p.Name, m))
			if expect == "" {
				if minerOf[p.Addr] != m {
					unbind(p.Addr)
				}
				if prev, ok := ownerOf[m]; ok && prev != p.Addr {
					unbind(prev) // stale: the miner now names p's peer ID
					counts["bind/evicts"]++
				}
				minerOf[p.Addr], ownerOf[m] = m, p.Addr
			}
			counts["bind/"+orOK(expect)]++
		case x >= 11: // register with a miner, maybe taking a peer ID another holds
			i := rng.IntN(len(peers))
			if rng.IntN(3) > 0 {
				for pi, o := range peerOwner { // mostly a peer ID someone else holds
					if o != p.Addr {
						i = pi
						break
					}
				}
			}
			m := miners[rng.IntN(len(miners))]
			if rng.IntN(3) > 0 {
				for _, cand := range miners {
					if st := onChain[cand]; st != nil && st.exit == 0 && st.peer == i {
						m = cand // one whose actor answers that peer ID
					}
				}
			}
			_, err := g.send(p, reg.PackRegisterWithMiner(peers[i], []byte("sig"), nil, m, nil))
			expect := ""
			st := onChain[m]
			holder, held := peerOwner[i]
			switch {
			case m < 100:
				expect = "BadMinerId"
			case st == nil || st.exit != 0:
				expect = "MinerActorError"
			case st.peer < 0:
				expect = "MinerReturnMalformed"
			case st.peer != i:
				expect = "MinerPeerIdMismatch"
			case held && holder != p.Addr && minerOf[holder] != 0: // on FEVM every binding is checked
				expect = "PeerIdHeldByCheckedMiner"
			}
			want(err, expect, fmt.Sprintf("step %d: %s registers peer %d with miner %d", step, p.Name, i, m))
			if expect == "" {
				if held && holder != p.Addr {
					delete(regPeer, holder)
					unbind(holder)
					counts["registerWithMiner/reclaims"]++
				}
				if old, ok := regPeer[p.Addr]; ok && old != i {
					delete(peerOwner, old)
					unbind(p.Addr)
				}
				regPeer[p.Addr], peerOwner[i] = i, p.Addr
				if minerOf[p.Addr] != m {
					unbind(p.Addr)
				}
				if prev, ok := ownerOf[m]; ok && prev != p.Addr {
					unbind(prev)
				}
				minerOf[p.Addr], ownerOf[m] = m, p.Addr
			}
			counts["registerWithMiner/"+orOK(expect)]++
		default: // unbind
			_, err := g.send(p, reg.PackUnbindMiner())
			expect := ""
			if minerOf[p.Addr] == 0 {
				expect = "NoMinerBound"
			}
			want(err, expect, fmt.Sprintf("step %d: %s unbinds", step, p.Name))
			unbind(p.Addr)
			counts["unbind/"+orOK(expect)]++
		}
		for _, a := range provs {
			if got := g.minerOf(a); got != minerOf[a.Addr] || (got != 0) != g.minerVerified(a) {
				t.Fatalf("seed %d step %d: minerOf(%s) = %d, model %d", seed, step, a.Name, got, minerOf[a.Addr])
			}
		}
		for _, a := range provs {
			pi, registered := regPeer[a.Addr]
			in := g.info(a.Addr)
			if in.Registered != registered || (registered && in.PeerIdHash != [32]byte(crypto.Keccak256Hash(peers[pi]))) || (!registered && in.PeerIdHash != [32]byte{}) {
				t.Fatalf("seed %d step %d: %s registered %v (peer hash %x), model %v (peer %d)", seed, step, a.Name, in.Registered, in.PeerIdHash, registered, pi)
			}
		}
		for _, m := range miners {
			if got := rgCall(g, reg.PackMinerOwner(m), reg.UnpackMinerOwner); got != ownerOf[m] {
				t.Fatalf("seed %d step %d: minerOwner(%d) = %s, model %s", seed, step, m, got.Hex(), ownerOf[m].Hex())
			}
		}
		for i, pe := range peers {
			if got := rgCall(g, reg.PackPeerOwner(crypto.Keccak256Hash(pe)), reg.UnpackPeerOwner); got != peerOwner[i] {
				t.Fatalf("seed %d step %d: peerOwner(peer %d) = %s, model %s", seed, step, i, got.Hex(), peerOwner[i].Hex())
			}
		}
	}
	t.Logf("outcomes: %v", counts)
	for _, k := range []string{"bind/ok", "bind/MinerPeerIdMismatch", "bind/MinerActorError", "register/ok",
		"registerWithMiner/ok", "registerWithMiner/reclaims", "registerWithMiner/PeerIdHeldByCheckedMiner"} {
		if counts[k] == 0 && steps >= 250 {
			t.Errorf("seed %d: no %s in %d steps: the sequence does not reach that path", seed, k, steps)
		}
	}
}

func orOK(name string) string {
	if name == "" {
		return "ok"
	}
	return name
}
