package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Engine chooses where the demo's jobs run.
type Engine string

// Engines.
const (
	EngineAuto   Engine = ""       // Docker when an engine answers (and /bin/busybox is static), else WASM
	EngineDocker Engine = "docker" // Docker, or fail saying why not
	EngineWasm   Engine = "wasm"   // WASM even when Docker is there
)

// ParseEngine reads an engine name: auto (or empty), docker or wasm.
func ParseEngine(s string) (Engine, error) {
	switch s {
	case "", "auto":
		return EngineAuto, nil
	case string(EngineDocker):
		return EngineDocker, nil
	case string(EngineWasm):
		return EngineWasm, nil
	}
	return "", fmt.Errorf("engine %q: use auto, docker or wasm", s)
}

// Config configures Run.
type Config struct {
	// Out receives the story, scene by scene, and the closing tables.
	Out io.Writer
	// Progress receives what the demo is waiting for while it waits (nil: Out).
	Progress io.Writer
	// Engine is where jobs run (default EngineAuto).
	Engine Engine
	// Logger receives the components' logs: devnet, nodes, transaction managers, prober
	// (nil: discarded).
	Logger *slog.Logger
	// TempDir is where the demo's temporary data directory is made (default os.TempDir()).
	// Everything in it is removed when Run returns.
	TempDir string
}

// Check reports the first problem with c.
func (c Config) Check() error {
	if c.Out == nil {
		return errors.New("demo: Out is required")
	}
	if _, err := ParseEngine(string(c.Engine)); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return nil
}

// Report is what happened, for --json and for tests. Amounts are token base units.
type Report struct {
	Engine       string            `json:"engine"`     // docker or wasm
	EngineReason string            `json:"engineNote"` // why that engine
	ChainID      uint64            `json:"chainId"`
	Contracts    map[string]string `json:"contracts"`
	Token        string            `json:"token"` // symbol
	Decimals     uint8             `json:"decimals"`

	Settled    SettledScene    `json:"settled"`
	Challenged ChallengedScene `json:"challenged"`
	TimedOut   TimedOutScene   `json:"timedOut"`
	Failed     FailedScene     `json:"failed"`
	Replicated ReplicatedScene `json:"replicated"`
	Uptime     UptimeScene     `json:"uptime"`

	Participants []Participant `json:"participants"`
	// Holdings are the contracts' token balances before and after (registry: stake; market:
	// escrow, bonds and credits; rewards: unpaid budgets).
	Holdings     []Holding `json:"holdings"`
	Transactions []Tx      `json:"transactions"`
	// BooksBalanced: audit.Check found every contract's holdings cover what it owes.
	BooksBalanced bool          `json:"booksBalanced"`
	AuditBlock    uint64        `json:"auditBlock"`
	Elapsed       time.Duration `json:"elapsedNs"`
}

// SettledScene is scene 1: an honest job from post to payout.
type SettledScene struct {
	Job       uint64         `json:"job"`
	Provider  common.Address `json:"provider"`
	ResultCID string         `json:"resultCid"`
	Verified  bool           `json:"verified"` // the downloaded bytes match the on-chain CID
	Output    string         `json:"output"`   // greeting.txt
	Status    string         `json:"status"`
	Payment   *big.Int       `json:"payment"`
	Paid      *big.Int       `json:"paid"` // credited to the provider (payment - fee)
	Fee       *big.Int       `json:"fee"`
}

// ChallengedScene is scene 2: a wrong result challenged, voted down and slashed.
type ChallengedScene struct {
	Job            uint64           `json:"job"`
	Liar           common.Address   `json:"liar"`
	ResultCID      string           `json:"resultCid"`
	Output         string           `json:"output"`   // what the liar served
	Expected       string           `json:"expected"` // what the job computes
	Bond           *big.Int         `json:"bond"`
	Verifiers      []common.Address `json:"verifiers"`
	Outcome        string           `json:"outcome"`
	Agree          int              `json:"agree"`
	Disagree       int              `json:"disagree"`
	Status         string           `json:"status"`
	Collateral     *big.Int         `json:"collateral"`
	StakeBefore    *big.Int         `json:"stakeBefore"`
	StakeAfter     *big.Int         `json:"stakeAfter"`
	ClientCredited *big.Int         `json:"clientCredited"` // payment + bond + challenger's reward
	VerifierReward *big.Int         `json:"verifierReward"` // each disagreeing verifier's share
}

// TimedOutScene is scene 3: no result by the deadline; the client claims the timeout.
type TimedOutScene struct {
	Job         uint64         `json:"job"`
	Provider    common.Address `json:"provider"`
	Status      string         `json:"status"`
	Payment     *big.Int       `json:"payment"`
	Collateral  *big.Int       `json:"collateral"`
	Refund      *big.Int       `json:"refund"`  // credited to the client
	Slashed     *big.Int       `json:"slashed"` // taken from the provider's stake
	StakeBefore *big.Int       `json:"stakeBefore"`
	StakeAfter  *big.Int       `json:"stakeAfter"`
}

// FailedScene is scene 4: the client's program fails; the provider commits a failure record
// and is paid for it.
type FailedScene struct {
	Job       uint64         `json:"job"`
	Provider  common.Address `json:"provider"`
	ResultCID string         `json:"resultCid"`
	Verified  bool           `json:"verified"` // the downloaded record matches the on-chain CID
	Record    string         `json:"record"`   // what the failure record says
	NodeSays  string         `json:"nodeSays"` // the provider's node's record of the failure
	Status    string         `json:"status"`
	Payment   *big.Int       `json:"payment"`
	Paid      *big.Int       `json:"paid"` // credited to the provider (payment - fee)
	Fee       *big.Int       `json:"fee"`
}

// ReplicatedScene is scene 5: N replicas agree.
type ReplicatedScene struct {
	// Skipped says why the scene did not run ("" when it ran).
	Skipped   string           `json:"skipped,omitempty"`
	Job       uint64           `json:"job,omitempty"`
	Replicas  []common.Address `json:"replicas,omitempty"`
	Agreed    bool             `json:"agreed"`
	Winners   int              `json:"winners,omitempty"`
	ResultCID string           `json:"resultCid,omitempty"`
	Verified  bool             `json:"verified"`
	Output    string           `json:"output,omitempty"`
	Status    string           `json:"status,omitempty"`
	Payment   *big.Int         `json:"payment,omitempty"`
	PaidEach  *big.Int         `json:"paidEach,omitempty"` // credited to each replica
	Fee       *big.Int         `json:"fee,omitempty"`      // the treasury's total
}

// UptimeScene is scene 6: one epoch probed, its root posted and claimed.
type UptimeScene struct {
	Epoch    uint64      `json:"epoch"`
	Root     common.Hash `json:"root"`
	TreeURL  string      `json:"treeUrl"`
	Funded   *big.Int    `json:"funded"`
	Uptimes  []Uptime    `json:"uptimes"`
	Claims   []Claimed   `json:"claims"`
	Reporter string      `json:"reporter"`
	Probes   int         `json:"probes"` // rounds in the epoch
	Leaves   int         `json:"leaves"`
	Total    *big.Int    `json:"total"`
}

// Uptime is a provider's probes in the scene's epoch.
type Uptime struct {
	Provider common.Address `json:"provider"`
	OK       uint64         `json:"ok"`
	Attempts uint64         `json:"attempts"`
}

// Claimed is a reward claimed.
type Claimed struct {
	Provider common.Address `json:"provider"`
	Amount   *big.Int       `json:"amount"`
}

// Participant is an account of the demo with its balances before the first transaction and
// after the last.
type Participant struct {
	Name    string         `json:"name"`
	Role    string         `json:"role"`
	Address common.Address `json:"address"`
	Before  Balances       `json:"before"`
	After   Balances       `json:"after"`
}

// Balances are an account's tokens: in its wallet, credited in the market (withdrawable),
// staked in the registry.
type Balances struct {
	Wallet *big.Int `json:"wallet"`
	Credit *big.Int `json:"credit"`
	Stake  *big.Int `json:"stake"`
}

// Total is all three.
func (b Balances) Total() *big.Int {
	t := new(big.Int).Add(b.Wallet, b.Credit)
	return t.Add(t, b.Stake)
}

// Holding is a contract's token balance before and after.
type Holding struct {
	Contract string         `json:"contract"`
	Address  common.Address `json:"address"`
	Before   *big.Int       `json:"before"`
	After    *big.Int       `json:"after"`
}

// Tx is one confirmed transaction of the demo.
type Tx struct {
	Scene string         `json:"scene"`
	Who   string         `json:"who"`
	Step  string         `json:"step"`
	Hash  common.Hash    `json:"hash"`
	Block uint64         `json:"block"`
	From  common.Address `json:"from"`
	// Reverted: mined but refused by the contract (gas spent, nothing changed).
	Reverted bool   `json:"reverted"`
	GasUsed  uint64 `json:"gasUsed"`
}

// Run plays the demo and returns its report. It cleans up everything it started (nodes,
// devnet, Docker image, temporary directory) before returning, also on error.
func Run(ctx context.Context, cfg Config) (rep Report, err error) {
	if err := cfg.Check(); err != nil {
		return Report{}, err
	}
	if cfg.Progress == nil {
		cfg.Progress = cfg.Out
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	dir, err := os.MkdirTemp(cfg.TempDir, "brine-demo-")
	if err != nil {
		return Report{}, fmt.Errorf("demo: %w", err)
	}
	r := &show{cfg: cfg, log: cfg.Logger, dir: dir, story: newStory(cfg.Out, cfg.Progress)}
	defer func() {
		if cerr := r.close(); cerr != nil && err == nil {
			err = cerr
		}
		if rerr := os.RemoveAll(dir); rerr != nil && err == nil {
			err = fmt.Errorf("demo: removing %s: %w", dir, rerr)
		}
	}()
	if err := r.play(ctx); err != nil {
		return r.report, err
	}
	return r.report, nil
}
