package filecoin_test

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/filecoin"
)

// Published pairs: the filecoin-address-tool README (npm) and the filecoin_address package's
// example (pub.dev); the t410 forms differ only in the network letter.
var vectors = []struct{ eth, f410 string }{
	{"0xccA92338Ef9535cB7655CfC347c36dd4E6F3663f", "f410fzsusgohpsu24w5svz7bupq3n2ttpgzr7s5jap4i"},
	{"0xd4c5fb16488aa48081296299d54b0c648c9333da", "f410f2tc7wfsirksibajjmkm5ksymmsgjgm62hjnomwa"},
}

func TestF410(t *testing.T) {
	for _, v := range vectors {
		a := common.HexToAddress(v.eth)
		if got := filecoin.F410(a, filecoin.Mainnet); got != v.f410 {
			t.Errorf("F410(%s) = %s, want %s", v.eth, got, v.f410)
		}
		testnet := "t" + v.f410[1:]
		if got := filecoin.F410(a, filecoin.Testnet); got != testnet {
			t.Errorf("F410(%s, testnet) = %s, want %s", v.eth, got, testnet)
		}
		for _, typed := range []string{v.eth, strings.ToLower(v.eth), v.f410, testnet} {
			got, err := filecoin.ParseAccount(typed)
			if err != nil || got != a {
				t.Errorf("ParseAccount(%s) = %s, %v; want %s", typed, got, err, v.eth)
			}
		}
	}
}

func TestParseAccountRefuses(t *testing.T) {
	for _, s := range []string{
		"",
		"0x1234",
		"f410fzsusgohpsu24w5svz7bupq3n2ttpgzr7s5jap4j", // checksum off by one letter
		"f01234", // an ID address is no account's
		"f1abjxfbp274xpdqcpuaykwkfb43omjotacm2p3za", // a secp256k1 account has no 0x form
		"x410fzsusgohpsu24w5svz7bupq3n2ttpgzr7s5jap4i",
		"f410",
		"alice",
	} {
		if a, err := filecoin.ParseAccount(s); err == nil {
			t.Errorf("ParseAccount(%q) = %s, want an error", s, a)
		}
	}
	// A delegated address in another namespace is no Ethereum account.
	if _, err := filecoin.ParseAccount("f432f77777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777"); err == nil {
		t.Error("a namespace-32 address parsed as an account")
	}
}

func TestNetworkOfChain(t *testing.T) {
	for _, tc := range []struct {
		id   uint64
		net  filecoin.Network
		isFC bool
	}{{314, filecoin.Mainnet, true}, {314159, filecoin.Testnet, true}, {1, filecoin.Mainnet, false}, {1337, filecoin.Mainnet, false}} {
		net, ok := filecoin.NetworkOfChain(tc.id)
		if ok != tc.isFC || (ok && net != tc.net) {
			t.Errorf("NetworkOfChain(%d) = %v, %v", tc.id, net, ok)
		}
	}
}
