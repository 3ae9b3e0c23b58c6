package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/filecoin"
)

// A published pair (the filecoin-address-tool README): the same account typed either way.
const (
	pairHex  = "0xccA92338Ef9535cB7655CfC347c36dd4E6F3663f"
	pairF410 = "f410fzsusgohpsu24w5svz7bupq3n2ttpgzr7s5jap4i"
)

func TestParseAddressForms(t *testing.T) {
	want := common.HexToAddress(pairHex)
	for _, typed := range []string{pairHex, strings.ToLower(pairHex), pairF410, "t" + pairF410[1:]} {
		got, err := parseAddress(typed, "--to")
		if err != nil || got != want {
			t.Errorf("parseAddress(%q) = %s, %v; want %s", typed, got, err, want)
		}
	}
	for _, bad := range []string{"", "0x12", "f410fzsusgohpsu24w5svz7bupq3n2ttpgzr7s5jap4j", "f01000", "bob"} {
		if _, err := parseAddress(bad, "--to"); err == nil || !strings.Contains(err.Error(), "--to") {
			t.Errorf("parseAddress(%q): %v", bad, err)
		}
	}
}

// TestAccountsShownWithF410: on a Filecoin chain an account is shown with its f410 address
// beside it; elsewhere exactly as before.
func TestAccountsShownWithF410(t *testing.T) {
	a := common.HexToAddress(pairHex)
	other := &session{fcChain: &filecoinChain{}}
	if got := other.showAccount(a); got != pairHex {
		t.Errorf("not Filecoin: %q", got)
	}
	if got := other.f410(a); got != "" {
		t.Errorf("not Filecoin: f410 %q", got)
	}
	mainnet := &session{fcChain: &filecoinChain{net: filecoin.Mainnet, ok: true}}
	if got, want := mainnet.showAccount(a), pairHex+" ("+pairF410+")"; got != want {
		t.Errorf("mainnet: %q, want %q", got, want)
	}
	calibration := &session{fcChain: &filecoinChain{net: filecoin.Testnet, ok: true}}
	if got, want := calibration.f410(a), "t"+pairF410[1:]; got != want {
		t.Errorf("calibration: %q, want %q", got, want)
	}

	var plain, fil bytes.Buffer
	printJob(&plain, jobView{Client: pairHex, Provider: pairHex})
	printJob(&fil, jobView{Client: pairHex, ClientF410: pairF410, Provider: pairHex, ProviderF410: pairF410})
	if strings.Contains(plain.String(), "f410") {
		t.Errorf("a job on another chain shows an f410 address:\n%s", plain.String())
	}
	if strings.Count(fil.String(), pairF410) != 2 {
		t.Errorf("a job on Filecoin:\n%s", fil.String())
	}
}
