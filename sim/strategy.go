package sim

import (
	"bytes"
	"fmt"
	"math/rand/v2"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// View is what an agent sees of a job when the round loop asks it to act: the spec (and so
// the true result, a deterministic function of it: agents know it without running anything),
// the result committed on chain, and who the job's parties are.
type View struct {
	Spec      [32]byte
	Truth     []byte           // the correct result CID
	Committed []byte           // the CID the job's result commits to (nil before one is committed)
	Providers []common.Address // the job's provider (N=1) or replicas (N>1)
	Client    common.Address
	Self      common.Address // the agent being asked
	// Own is the result the agent itself revealed as a replica of the job (N>1; nil otherwise).
	Own []byte
	rng *rand.Rand
}

// Coin is true with probability p, from the run's seeded generator.
func (v View) Coin(p float64) bool {
	if p <= 0 {
		return false
	}
	return v.rng.Float64() < p
}

// Correct reports whether the committed result is the true one.
func (v View) Correct() bool { return v.Committed != nil && bytes.Equal(v.Committed, v.Truth) }

// OutvotedRight reports whether the agent is a replica the job's majority outvoted although
// its own result was right (it ran the job: it knows). Its collateral stays locked until the
// job ends and is slashed at finalize unless a challenge is upheld, so it challenges.
func (v View) OutvotedRight() bool {
	return v.Own != nil && v.Committed != nil && bytes.Equal(v.Own, v.Truth) && !v.Correct()
}

// Strategy is how one agent plays. The round loop asks it at each decision it could take:
// what to commit for a job it runs, what to vote when drawn as a verifier, whether to challenge
// a committed result it sees, and whether it serves the result's bytes to the client.
type Strategy interface {
	// Name is the strategy's row in the report.
	Name() string
	// Run is the result CID the agent commits for a job it accepted (as provider or replica).
	Run(v View) []byte
	// Vote is the result CID the agent reveals when drawn as one of the job's verifiers.
	Vote(v View) []byte
	// Challenge reports whether the agent challenges the job's committed result.
	Challenge(v View) bool
	// Serves reports whether the agent, as the job's provider, lets the client fetch the bytes.
	// The contracts never see it: a withheld result is committed and paid like any other.
	Serves(v View) bool
}

// Appealer is the optional capability of a strategy that decides itself whether to appeal a
// first panel's verdict against its side (as the job's provider when upheld, as the
// challenger when rejected). A strategy without it appeals when its side is right
// (AppealsWhenRight): it knows the true result.
type Appealer interface {
	// Appeal reports whether the agent appeals; upheld says which verdict it would appeal.
	Appeal(v View, upheld bool) bool
}

// AppealsWhenRight is the default: the provider appeals an upheld verdict against a correct
// result, the challenger a rejected verdict against a wrong one; nobody appeals a verdict it
// knows is right (the appeal bond would be lost).
func AppealsWhenRight(v View, upheld bool) bool {
	if upheld {
		return v.Correct()
	}
	return !v.Correct()
}

// appeals asks a's strategy whether it appeals.
func appeals(s Strategy, v View, upheld bool) bool {
	if a, ok := s.(Appealer); ok {
		return a.Appeal(v, upheld)
	}
	return AppealsWhenRight(v, upheld)
}

// CID forms: a 36-byte CIDv1-shaped value (raw codec, 32-byte digest). The contracts store
// keccak256 of whatever bytes are committed, so only equality matters.
func cid(parts ...[]byte) []byte {
	return append([]byte{0x01, 0x55, 0x12, 0x20}, crypto.Keccak256(parts...)...)
}

// TrueResult is the correct result of the job with spec hash spec.
func TrueResult(spec [32]byte) []byte { return cid([]byte("brine/sim/true"), spec[:]) }

// lazyResult is a lazy provider's made-up result: its own, so two lazy providers never agree.
func lazyResult(spec [32]byte, who common.Address) []byte {
	return cid([]byte("brine/sim/lazy"), spec[:], who[:])
}

// cartelResult is the wrong result every cartel member commits and votes for a job.
func cartelResult(spec [32]byte) []byte { return cid([]byte("brine/sim/cartel"), spec[:]) }

// Honest computes, votes what it computed, and serves. It challenges only a job whose replica
// round outvoted its own right result (OutvotedRight), and appeals when its side is right.
type Honest struct{}

func (Honest) Name() string          { return "honest" }
func (Honest) Run(v View) []byte     { return v.Truth }
func (Honest) Vote(v View) []byte    { return v.Truth }
func (Honest) Challenge(v View) bool { return v.OutvotedRight() }
func (Honest) Serves(View) bool      { return true }

// Lazy commits a made-up result with probability P instead of computing. Drawn as a verifier
// it re-executes (laziness as a verifier is LazyVerifier's).
type Lazy struct{ P float64 }

func (Lazy) Name() string { return "lazy" }
func (l Lazy) Run(v View) []byte {
	if v.Coin(l.P) {
		return lazyResult(v.Spec, v.Self)
	}
	return v.Truth
}
func (Lazy) Vote(v View) []byte { return v.Truth }

// Challenge: a replica outvoted on a result it did compute defends it like an honest one.
func (Lazy) Challenge(v View) bool { return v.OutvotedRight() }
func (Lazy) Serves(View) bool      { return true }

// LazyVerifier computes its own jobs but, drawn as a verifier, votes the provider's public
// result without re-executing (commit-reveal stops copying other verifiers, not the provider).
type LazyVerifier struct{}

func (LazyVerifier) Name() string          { return "lazy-verifier" }
func (LazyVerifier) Run(v View) []byte     { return v.Truth }
func (LazyVerifier) Vote(v View) []byte    { return v.Committed }
func (LazyVerifier) Challenge(v View) bool { return v.OutvotedRight() }
func (LazyVerifier) Serves(View) bool      { return true }

// Withholder commits the right CID and never serves the bytes.
type Withholder struct{}

func (Withholder) Name() string          { return "withholder" }
func (Withholder) Run(v View) []byte     { return v.Truth }
func (Withholder) Vote(v View) []byte    { return v.Truth }
func (Withholder) Challenge(v View) bool { return v.OutvotedRight() }
func (Withholder) Serves(View) bool      { return false }

// Cartel is one colluding group: its members commit the same wrong result for every job they
// run, vote that result whenever drawn (so they agree with each other's wrong results and
// disagree with everyone else's), and their challenger challenges results of non-members with
// probability ChallengeRate, hoping a cartel majority of the panel upholds it. It appeals
// every first verdict it loses (its own wrong result upheld, its challenge rejected), hoping
// for a cartel majority of the final panel: the worst case for honest providers.
type Cartel struct {
	ChallengeRate float64
	members       map[common.Address]bool
}

// Member reports whether a belongs to the cartel.
func (c *Cartel) Member(a common.Address) bool { return c.members[a] }

func (*Cartel) Name() string       { return "cartel" }
func (*Cartel) Run(v View) []byte  { return cartelResult(v.Spec) }
func (*Cartel) Vote(v View) []byte { return cartelResult(v.Spec) }
func (*Cartel) Serves(View) bool   { return true }

// Appeal: the cartel appeals whatever it lost.
func (*Cartel) Appeal(View, bool) bool { return true }
func (c *Cartel) Challenge(v View) bool {
	for _, p := range v.Providers {
		if c.members[p] {
			return false
		}
	}
	return v.Coin(c.ChallengeRate)
}

// HonestClient challenges a wrong result of its own job when it detects it, with probability
// Detect. A withheld result it does not challenge: the verifiers would find the committed CID
// correct and reject the challenge (docs/protocol.md, *Withholding a result*).
type HonestClient struct{ Detect float64 }

func (HonestClient) Name() string      { return "honest-client" }
func (HonestClient) Run(v View) []byte { return v.Truth }
func (HonestClient) Vote(v View) []byte {
	return v.Truth
}
func (h HonestClient) Challenge(v View) bool {
	return v.Self == v.Client && v.Committed != nil && !v.Correct() && v.Coin(h.Detect)
}
func (HonestClient) Serves(View) bool { return true }

// Griefer challenges correct results with probability Rate, to cost their providers.
type Griefer struct{ Rate float64 }

func (Griefer) Name() string            { return "griefer" }
func (Griefer) Run(v View) []byte       { return v.Truth }
func (Griefer) Vote(v View) []byte      { return v.Truth }
func (g Griefer) Challenge(v View) bool { return v.Correct() && v.Coin(g.Rate) }
func (Griefer) Serves(View) bool        { return true }

// strategyOrder is the order of the report's rows.
var strategyOrder = []string{"honest", "lazy", "lazy-verifier", "withholder", "cartel", "honest-client", "griefer", remoteName}

func rowIndex(name string) int {
	for i, n := range strategyOrder {
		if n == name {
			return i
		}
	}
	panic(fmt.Sprintf("sim: strategy %q has no row", name))
}
