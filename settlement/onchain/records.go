package onchain

import (
	"fmt"
	"math"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/settlement"
)

// Panel kinds of the market's commit-reveal rounds.
const (
	kindReplicas  uint8 = 0
	kindVerifiers uint8 = 1
)

// Contract limits mirrored here so bad input fails before a transaction is built.
const (
	maxCIDLength = 128 // JobMarket.MAX_CID_LENGTH
	maxBatch     = 100 // JobMarket.MAX_BATCH
)

var (
	marketABI   = bindings.NewJobMarket()
	registryABI = bindings.NewProviderRegistry()
	tokenABI    = bindings.NewBrineToken() // ERC-20 + ERC-2612: all the token calls used here

	// jobArgs encodes a Job record as abi.encode(Job) does: the argument of hashJob.
	jobArgs = marketABI.GetABI().Methods["hashJob"].Inputs

	commitArgs = mustArguments("string", "uint256", "address", "uint256", "uint8", "address", "bytes32", "bytes32")

	maxUint96 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 96), big.NewInt(1))
)

func mustArguments(types ...string) abi.Arguments {
	args := make(abi.Arguments, len(types))
	for i, t := range types {
		typ, err := abi.NewType(t, "", nil)
		if err != nil {
			panic(err)
		}
		args[i] = abi.Argument{Type: typ}
	}
	return args
}

// hashRecord is keccak256(abi.encode(job)): what the market stores in jobHash.
func hashRecord(job bindings.JobMarketJob) (common.Hash, error) {
	enc, err := jobArgs.Pack(job)
	if err != nil {
		return common.Hash{}, fmt.Errorf("encode job record: %w", err)
	}
	return crypto.Keccak256Hash(enc), nil
}

// commitment is JobMarket.commitmentFor: keccak256(abi.encode("brine/commit/v1", chainid,
// market, id, kind, account, keccak256(cid), salt)).
func commitment(chainID *big.Int, market common.Address, id settlement.JobID, kind uint8, account common.Address, cid []byte, salt [32]byte) (common.Hash, error) {
	enc, err := commitArgs.Pack("brine/commit/v1", chainID, market, jobInt(id), kind, account, crypto.Keccak256Hash(cid), salt)
	if err != nil {
		return common.Hash{}, fmt.Errorf("encode commitment: %w", err)
	}
	return crypto.Keccak256Hash(enc), nil
}

func jobInt(id settlement.JobID) *big.Int { return new(big.Int).SetUint64(uint64(id)) }

// unixTime turns contract seconds into UTC time; zero stays the zero time.
func unixTime(s uint64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	if s > math.MaxInt64 {
		s = math.MaxInt64
	}
	return time.Unix(int64(s), 0).UTC()
}

func copyInt(x *big.Int) *big.Int {
	if x == nil {
		return new(big.Int)
	}
	return new(big.Int).Set(x)
}

// toJob turns a record and what the index knows about its end into a settlement.Job.
func toJob(id settlement.JobID, rec bindings.JobMarketJob, status settlement.Status, cid []byte) settlement.Job {
	j := settlement.Job{
		ID:              id,
		Client:          rec.Client,
		Provider:        rec.Provider,
		Payment:         copyInt(rec.Payment),
		Collateral:      copyInt(rec.Collateral),
		SpecHash:        rec.SpecHash,
		Result:          rec.Result,
		AcceptBy:        unixTime(rec.AcceptBy),
		ResultBy:        unixTime(rec.ResultBy),
		CommittedAt:     unixTime(rec.CommittedAt),
		ChallengeWindow: time.Duration(rec.ChallengeWindow) * time.Second,
		ParamsID:        rec.ParamsId,
		FeeBps:          rec.FeeBps,
		Replicas:        rec.Replicas,
		Winners:         rec.Winners,
		Status:          status,
	}
	if len(cid) > 0 {
		j.ResultCID = append([]byte(nil), cid...)
	}
	return j
}

// liveStatus maps the contract's Status enum (None, Open, Accepted, Committed, Challenged,
// Cleared) to settlement's, which numbers them the same way.
func liveStatus(s uint8) settlement.Status {
	switch s {
	case 1:
		return settlement.StatusOpen
	case 2:
		return settlement.StatusAccepted
	case 3:
		return settlement.StatusCommitted
	case 4:
		return settlement.StatusChallenged
	case 5:
		return settlement.StatusCleared
	}
	return settlement.StatusUnknown
}

// toRequest checks what JobRequest.Check cannot (the contract's integer widths) and converts.
func toRequest(r settlement.JobRequest) (bindings.JobMarketJobRequest, error) {
	switch {
	case r.Payment.Cmp(maxUint96) > 0:
		return bindings.JobMarketJobRequest{}, fmt.Errorf("%w: payment exceeds 2^96-1 base units", settlement.ErrBadRequest)
	case r.Collateral.Cmp(maxUint96) > 0:
		return bindings.JobMarketJobRequest{}, fmt.Errorf("%w: collateral exceeds 2^96-1 base units", settlement.ErrBadRequest)
	case r.AcceptBy.Unix() <= 0 || r.ResultBy.Unix() <= 0:
		return bindings.JobMarketJobRequest{}, fmt.Errorf("%w: deadlines must be after 1970", settlement.ErrBadRequest)
	case r.ChallengeWindow/time.Second > math.MaxUint32:
		return bindings.JobMarketJobRequest{}, fmt.Errorf("%w: challenge window too long", settlement.ErrBadRequest)
	}
	// Deadlines are whole seconds on chain: truncating keeps them no later than asked.
	return bindings.JobMarketJobRequest{
		SpecHash:        r.SpecHash,
		Payment:         new(big.Int).Set(r.Payment),
		Collateral:      new(big.Int).Set(r.Collateral),
		Replicas:        r.Replicas,
		AcceptBy:        uint64(r.AcceptBy.Unix()),
		ResultBy:        uint64(r.ResultBy.Unix()),
		ChallengeWindow: uint32(r.ChallengeWindow / time.Second),
	}, nil
}

// checkCID refuses a result CID the market would refuse at reveal or commit.
func checkCID(cid []byte) error {
	if len(cid) == 0 || len(cid) > maxCIDLength {
		return fmt.Errorf("%w: result CID must be 1..%d bytes, got %d", settlement.ErrBadRequest, maxCIDLength, len(cid))
	}
	return nil
}
