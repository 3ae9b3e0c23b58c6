package onchain

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
)

func TestIsAccountStep(t *testing.T) {
	acct := common.HexToAddress("0x8ba1f109551bD432803012645Ac136ddd64DBA72")
	other := common.HexToAddress("0x000000000000000000000000000000000000bEEF")
	tests := []struct {
		id   string
		acct common.Address
		step string
		want bool
	}{
		{"0x8ba1f109551bd432803012645ac136ddd64dba72/stake/n5/4705e9bde097", acct, "stake", true},
		{"0x8ba1f109551bD432803012645Ac136ddd64DBA72/rewards-fund/n12/4705e9bde097", acct, "rewards-fund", true}, // checksummed prefix
		{"0x8ba1f109551bd432803012645ac136ddd64dba72/stake/n5/4705e9bde097/approve/0", acct, "stake", false},     // its approval
		{"0x8ba1f109551bd432803012645ac136ddd64dba72/stake/n5/4705e9bde097", other, "stake", false},
		{"0x8ba1f109551bd432803012645ac136ddd64dba72/unstake/n5/4705e9bde097", acct, "stake", false},
		{"0x8ba1f109551bd432803012645ac136ddd64dba72/stake/n/4705e9bde097", acct, "stake", false},
		{"0x8ba1f109551bd432803012645ac136ddd64dba72/stake/nx5/4705e9bde097", acct, "stake", false},
		{"0x8ba1f109551bd432803012645ac136ddd64dba72/stake/n5/", acct, "stake", false},
		{"0x8ba1f109551bd432803012645ac136ddd64dba72/job/5/accept/4705e9bde097", acct, "job", false},
	}
	for _, tt := range tests {
		if got := IsAccountStep(tt.id, tt.acct, tt.step); got != tt.want {
			t.Errorf("IsAccountStep(%q, %s, %q) = %v, want %v", tt.id, tt.acct, tt.step, got, tt.want)
		}
	}
}

// A post retried later has other deadlines (and, with a permit, a permit over them): the same
// post. Any other field makes it another post.
func TestSamePost(t *testing.T) {
	req := bindings.JobMarketJobRequest{
		SpecHash: common.HexToHash("0x01"), Payment: big.NewInt(25), Collateral: big.NewInt(10),
		Replicas: 1, AcceptBy: 1000, ResultBy: 2000, ChallengeWindow: 30,
	}
	plain := func(change func(*bindings.JobMarketJobRequest)) []byte {
		r := req
		if change != nil {
			change(&r)
		}
		return marketABI.PackPostJob(r)
	}
	later := req
	later.AcceptBy, later.ResultBy = 1004, 2004
	withPermit := marketABI.PackPostJobWithPermit(later, bindings.JobMarketPermit{Deadline: big.NewInt(1004), V: 27})

	tests := []struct {
		name string
		b    []byte
		want bool
	}{
		{"identical", plain(nil), true},
		{"later deadlines", plain(func(r *bindings.JobMarketJobRequest) { r.AcceptBy, r.ResultBy = 1004, 2004 }), true},
		{"later deadlines, with a permit", withPermit, true},
		{"another spec", plain(func(r *bindings.JobMarketJobRequest) { r.SpecHash = common.HexToHash("0x02") }), false},
		{"another payment", plain(func(r *bindings.JobMarketJobRequest) { r.Payment = big.NewInt(26) }), false},
		{"another collateral", plain(func(r *bindings.JobMarketJobRequest) { r.Collateral = big.NewInt(11) }), false},
		{"more replicas", plain(func(r *bindings.JobMarketJobRequest) { r.Replicas = 3 }), false},
		{"another challenge window", plain(func(r *bindings.JobMarketJobRequest) { r.ChallengeWindow = 31 }), false},
		{"not a post", marketABI.PackWithdraw(), false},
		{"short", plain(nil)[:40], false},
	}
	for _, tt := range tests {
		if got := samePost(plain(nil), tt.b); got != tt.want {
			t.Errorf("%s: samePost = %v, want %v", tt.name, got, tt.want)
		}
	}
	// Another function's calldata with the request's bytes is not a post.
	forged := bytes.Clone(plain(nil))
	copy(forged, marketABI.PackWithdraw()[:4])
	if samePost(plain(nil), forged) {
		t.Error("samePost accepts calldata of another function")
	}
}
