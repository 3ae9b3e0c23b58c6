package onchain

import (
	"crypto/rand"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/settlement"
)

// contractErrors is every custom error name the Brine contracts declare.
func contractErrors() map[string]bool {
	names := make(map[string]bool)
	for _, md := range []*bind.MetaData{&bindings.JobMarketMetaData, &bindings.ProviderRegistryMetaData, &bindings.UptimeRewardsMetaData, &bindings.BrineTokenMetaData} {
		parsed, err := md.ParseABI()
		if err != nil {
			panic(err)
		}
		for name := range parsed.Errors {
			names[name] = true
		}
	}
	return names
}

func randomBytes32() [32]byte {
	var b [32]byte
	_, _ = rand.Read(b[:])
	return b
}

func randomBig(bits int) *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), uint(bits)))
	return n
}

func randomAddress() common.Address {
	var a common.Address
	_, _ = rand.Read(a[:])
	return a
}

// TestHashRecordMatchesContract checks the local keccak256(abi.encode(Job)) against the
// market's hashJob view, on extreme and random records.
func TestHashRecordMatchesContract(t *testing.T) {
	c := simchain.New(t)
	max96 := new(big.Int).Set(maxUint96)
	recs := []bindings.JobMarketJob{
		{Payment: new(big.Int), Collateral: new(big.Int)},
		{
			Client: common.HexToAddress("0xffffffffffffffffffffffffffffffffffffffff"), Payment: max96,
			Provider: common.HexToAddress("0xffffffffffffffffffffffffffffffffffffffff"), Collateral: max96,
			SpecHash: [32]byte{0: 0xff, 31: 0xff}, Result: [32]byte{0: 0xff, 31: 0xff},
			AcceptBy: ^uint64(0), ResultBy: ^uint64(0), CommittedAt: ^uint64(0), ChallengeWindow: ^uint32(0),
			ParamsId: ^uint32(0), FeeBps: ^uint16(0), Replicas: 255, Winners: 255, Status: 5,
		},
	}
	for i := 0; i < 8; i++ {
		recs = append(recs, bindings.JobMarketJob{
			Client: randomAddress(), Payment: randomBig(96), Provider: randomAddress(), Collateral: randomBig(96),
			SpecHash: randomBytes32(), Result: randomBytes32(), AcceptBy: randomBig(64).Uint64(), ResultBy: randomBig(64).Uint64(),
			CommittedAt: randomBig(64).Uint64(), ChallengeWindow: uint32(randomBig(32).Uint64()), ParamsId: uint32(randomBig(32).Uint64()),
			FeeBps: uint16(randomBig(16).Uint64()), Replicas: uint8(randomBig(8).Uint64()), Winners: uint8(randomBig(8).Uint64()),
			Status: uint8(randomBig(8).Uint64() % 6),
		})
	}
	for i, rec := range recs {
		want, err := simchain.Call(c, c.Market, c.MarketABI.PackHashJob(rec), c.MarketABI.UnpackHashJob)
		if err != nil {
			t.Fatal(err)
		}
		got, err := hashRecord(rec)
		if err != nil {
			t.Fatal(err)
		}
		if got != common.Hash(want) {
			t.Errorf("record %d: hashRecord = %s, hashJob = %s", i, got, common.Hash(want))
		}
	}
}

// TestCommitmentMatchesContract checks the local commitment against commitmentFor.
func TestCommitmentMatchesContract(t *testing.T) {
	c := simchain.New(t)
	for i := 0; i < 6; i++ {
		id := settlement.JobID(randomBig(63).Uint64())
		kind := uint8(i % 2)
		account := randomAddress()
		cid := make([]byte, 1+i*25)
		_, _ = rand.Read(cid)
		salt := randomBytes32()
		var rh [32]byte
		copy(rh[:], crypto.Keccak256(cid))
		want, err := simchain.Call(c, c.Market, c.MarketABI.PackCommitmentFor(jobInt(id), kind, account, rh, salt), c.MarketABI.UnpackCommitmentFor)
		if err != nil {
			t.Fatal(err)
		}
		got, err := commitment(c.ChainID, c.Addr.Market, id, kind, account, cid, salt)
		if err != nil {
			t.Fatal(err)
		}
		if got != common.Hash(want) {
			t.Errorf("case %d: commitment = %s, commitmentFor = %s", i, got, common.Hash(want))
		}
	}
}
