package deploy

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/internal/atomicfile"
)

// FileVersion is the deployment file format Write produces and Load accepts.
const FileVersion = 1

// Contract names: the artifact names in contracts/artifacts and the keys of
// File.CodeHashes and File.ArtifactHashes.
const (
	NameBrineToken       = "BrineToken"
	NameProviderRegistry = "ProviderRegistry"
	NameJobMarket        = "JobMarket"
	NameUptimeRewards    = "UptimeRewards"
	// NameExternalToken keys the code hash of a token that was not deployed by Deploy
	// (Config.Token set to an existing ERC-20). It has no artifact hash.
	NameExternalToken = "ExternalToken"
)

// File is a deployment file: where the contracts of one deployment live, on which chain,
// with which parameters, and fingerprints of their code. `brine deploy` and `brine devnet`
// write it; everything else loads it and checks it against the chain before use (Verify).
type File struct {
	Version int    `json:"version"`
	ChainID uint64 `json:"chainId"`
	// Chain names the chain for people ("filecoin", "filecoin-calibration", ...: ChainName).
	// Files written before it existed have none and still load.
	Chain       string         `json:"chain,omitempty"`
	Token       common.Address `json:"token"`
	Registry    common.Address `json:"registry"`
	Market      common.Address `json:"market"`
	Rewards     common.Address `json:"rewards"`
	DeployBlock uint64         `json:"deployBlock"`
	Params      Params         `json:"params"`
	// CodeHashes are keccak256 of each contract's runtime code as read from the chain right
	// after deployment. Immutables are written into the code by the constructor, so these
	// differ from any hash of the compiled artifact; they pin this deployment on this chain.
	CodeHashes map[string]common.Hash `json:"codeHashes"`
	// ArtifactHashes are hex sha256 digests of each deployed contract's creation bytecode as
	// compiled into this binary (bindings.<Name>MetaData.Bin, byte for byte the "bytecode" of
	// contracts/artifacts/<Name>.json). They say which build deployed the contracts.
	ArtifactHashes map[string]string `json:"artifactHashes"`

	path string // where it was loaded from or written to, for messages
}

// Params are the deploy-time parameters, JSON friendly: amounts are decimal strings of token
// base units, durations whole seconds. Governance may change some later; these are the values
// the contracts were constructed with.
type Params struct {
	Treasury          common.Address `json:"treasury"`
	MinStake          string         `json:"minStake"`
	UnbondingDelay    uint64         `json:"unbondingDelaySeconds"`
	EpochGenesis      uint64         `json:"epochGenesis"`
	EpochLength       uint64         `json:"epochLengthSeconds"`
	RewardPerProvider string         `json:"rewardPerProvider"`
	ClaimEpochs       uint64         `json:"claimEpochs"`
	Market            MarketParams   `json:"market"`
}

// MarketParams are the job market's first parameter set (bindings.JobMarketParams).
type MarketParams struct {
	MinCollateral       string `json:"minCollateral"`
	FeeBps              uint16 `json:"feeBps"`
	ChallengerRewardBps uint16 `json:"challengerRewardBps"`
	VerifierRewardBps   uint16 `json:"verifierRewardBps"`
	Verifiers           uint8  `json:"verifiers"`
	MinChallengeWindow  uint32 `json:"minChallengeWindowSeconds"`
	VoteCommitWindow    uint32 `json:"voteCommitWindowSeconds"`
	VoteRevealWindow    uint32 `json:"voteRevealWindowSeconds"`
	ReplicaRevealWindow uint32 `json:"replicaRevealWindowSeconds"`
	ChallengeBond       string `json:"challengeBond"`
	VerifierCollateral  string `json:"verifierCollateral"`
	MinCollateralBps    uint32 `json:"minCollateralBps"`
}

// CodeReader is what NewFile and Verify need from a chain connection; ethclient.Client and
// the simulated backend's client have it.
type CodeReader interface {
	ChainID(ctx context.Context) (*big.Int, error)
	CodeAt(ctx context.Context, contract common.Address, blockNumber *big.Int) ([]byte, error)
}

var (
	// ErrFileNotFound is returned by Load when the file does not exist (it also matches
	// fs.ErrNotExist).
	ErrFileNotFound = errors.New("deployment file not found")
	// ErrBadFile is returned by Load for a file that is not valid JSON or misses fields.
	ErrBadFile = errors.New("invalid deployment file")
	// ErrUnknownVersion is returned by Load for a format version this build does not read.
	ErrUnknownVersion = errors.New("unknown deployment file version")
)

// ChainMismatchError is returned by Verify when the file was written for another chain.
type ChainMismatchError struct {
	Path         string // the file, when known
	FileChainID  uint64
	ChainChainID uint64
}

func (e *ChainMismatchError) Error() string {
	return fmt.Sprintf("deployment file %s is for chain ID %d but the connected chain has chain ID %d: "+
		"connect to the chain it was written for, or deploy to this chain (`brine deploy`) and use the file that writes",
		fileName(e.Path), e.FileChainID, e.ChainChainID)
}

// CodeMismatchError is returned by Verify when a contract's on-chain code is missing or is not
// the code recorded in the file.
type CodeMismatchError struct {
	Path     string // the file, when known
	Contract string // NameJobMarket, ...
	Address  common.Address
	Want     common.Hash // recorded in the file
	Got      common.Hash // on chain; zero when the address has no code
}

func (e *CodeMismatchError) Error() string {
	if e.Got == (common.Hash{}) {
		return fmt.Sprintf("%s at %s has no code on the connected chain: deployment file %s does not belong to this chain "+
			"(was the chain reset? deploy again)", e.Contract, e.Address, fileName(e.Path))
	}
	return fmt.Sprintf("%s at %s has code hash %s on the connected chain, deployment file %s recorded %s: "+
		"the deployment file does not belong to this chain (deploy again)", e.Contract, e.Address, e.Got, fileName(e.Path), e.Want)
}

func fileName(path string) string {
	if path == "" {
		return "(unsaved)"
	}
	return path
}

// ChainName is the name a deployment file records for the chain with chainID: Filecoin's
// mainnet (314) is "filecoin" and Calibration (314159) "filecoin-calibration"; another
// Filecoin network is "filecoin-" and the name its Lotus node gives (lotusNetwork, Lotus's
// StateNetworkName; "" when the node is not Lotus); a few well-known EVM chains by their
// names; any other chain "chain-<ID>".
func ChainName(chainID uint64, lotusNetwork string) string {
	switch chainID {
	case 314:
		return "filecoin"
	case 314159:
		return "filecoin-calibration"
	}
	switch lotusNetwork {
	case "":
	case "mainnet":
		return "filecoin"
	case "calibrationnet":
		return "filecoin-calibration"
	default:
		return "filecoin-" + lotusNetwork
	}
	if name, ok := evmChains[chainID]; ok {
		return name
	}
	return fmt.Sprintf("chain-%d", chainID)
}

// evmChains name the chains people know by name.
var evmChains = map[uint64]string{
	1:        "ethereum",
	11155111: "sepolia",
	17000:    "holesky",
	560048:   "hoodi",
	1337:     "devnet", // geth --dev, and Brine's devnet
}

// NewFile describes the deployment at addrs, made with cfg, reading the chain ID and each
// contract's code hash from client. Call it right after Deploy.
func NewFile(ctx context.Context, client CodeReader, addrs *Addresses, cfg Config) (*File, error) {
	if addrs == nil {
		return nil, errors.New("deploy: NewFile needs the deployed addresses")
	}
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	id, err := client.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("deploy: reading chain ID: %w", err)
	}
	if !id.IsUint64() {
		return nil, fmt.Errorf("deploy: chain ID %s does not fit in 64 bits", id)
	}
	f := &File{
		Version:        FileVersion,
		ChainID:        id.Uint64(),
		Chain:          ChainName(id.Uint64(), ""),
		Token:          addrs.Token,
		Registry:       addrs.Registry,
		Market:         addrs.Market,
		Rewards:        addrs.Rewards,
		DeployBlock:    addrs.Block,
		Params:         paramsOf(cfg),
		CodeHashes:     make(map[string]common.Hash),
		ArtifactHashes: make(map[string]string),
	}
	tokenName := NameBrineToken
	if cfg.Token != (common.Address{}) {
		tokenName = NameExternalToken
	}
	for _, c := range f.contracts(tokenName) {
		code, err := client.CodeAt(ctx, c.addr, nil)
		if err != nil {
			return nil, fmt.Errorf("deploy: reading the code of %s at %s: %w", c.name, c.addr, err)
		}
		if len(code) == 0 {
			return nil, fmt.Errorf("deploy: %s at %s has no code", c.name, c.addr)
		}
		f.CodeHashes[c.name] = crypto.Keccak256Hash(code)
		if bin, ok := creationCode[c.name]; ok {
			f.ArtifactHashes[c.name] = artifactHash(bin)
		}
	}
	return f, nil
}

// creationCode is each contract's creation bytecode as compiled into this binary.
var creationCode = map[string]string{
	NameBrineToken:       bindings.BrineTokenMetaData.Bin,
	NameProviderRegistry: bindings.ProviderRegistryMetaData.Bin,
	NameJobMarket:        bindings.JobMarketMetaData.Bin,
	NameUptimeRewards:    bindings.UptimeRewardsMetaData.Bin,
}

func artifactHash(bin string) string {
	sum := sha256.Sum256(common.FromHex(bin))
	return hex.EncodeToString(sum[:])
}

type namedContract struct {
	name string
	addr common.Address
}

func (f *File) contracts(tokenName string) []namedContract {
	return []namedContract{
		{tokenName, f.Token},
		{NameProviderRegistry, f.Registry},
		{NameJobMarket, f.Market},
		{NameUptimeRewards, f.Rewards},
	}
}

// DevToken reports whether the deployment's token is a dev token `brine deploy` deployed (a
// BrineToken its deployer owns and may mint), not an existing ERC-20 given with --token.
func (f *File) DevToken() bool { return f.tokenName() == NameBrineToken }

// tokenName is the CodeHashes key of the token: NameBrineToken or NameExternalToken.
func (f *File) tokenName() string {
	if _, ok := f.CodeHashes[NameExternalToken]; ok {
		return NameExternalToken
	}
	return NameBrineToken
}

func paramsOf(cfg Config) Params {
	m := cfg.Market
	return Params{
		Treasury:          cfg.Treasury,
		MinStake:          cfg.MinStake.String(),
		UnbondingDelay:    uint64(cfg.UnbondingDelay / time.Second),
		EpochGenesis:      cfg.EpochGenesis,
		EpochLength:       uint64(cfg.EpochLength / time.Second),
		RewardPerProvider: cfg.RewardPerProvider.String(),
		ClaimEpochs:       cfg.ClaimEpochs,
		Market: MarketParams{
			MinCollateral:       m.MinCollateral.String(),
			FeeBps:              m.FeeBps,
			ChallengerRewardBps: m.ChallengerRewardBps,
			VerifierRewardBps:   m.VerifierRewardBps,
			Verifiers:           m.Verifiers,
			MinChallengeWindow:  m.MinChallengeWindow,
			VoteCommitWindow:    m.VoteCommitWindow,
			VoteRevealWindow:    m.VoteRevealWindow,
			ReplicaRevealWindow: m.ReplicaRevealWindow,
			ChallengeBond:       m.ChallengeBond.String(),
			VerifierCollateral:  m.VerifierCollateral.String(),
			MinCollateralBps:    m.MinCollateralBps,
		},
	}
}

// Addresses returns where the contracts live.
func (f *File) Addresses() *Addresses {
	return &Addresses{Token: f.Token, Registry: f.Registry, Market: f.Market, Rewards: f.Rewards, Block: f.DeployBlock}
}

// Config returns the configuration the contracts were deployed with, with Token set to the
// deployed token.
func (f *File) Config() (Config, error) {
	p := f.Params
	var errs []error
	amount := func(field, s string) *big.Int {
		v, ok := new(big.Int).SetString(s, 10)
		if !ok || v.Sign() < 0 {
			errs = append(errs, fmt.Errorf("params.%s: %q is not a non-negative decimal number of base units", field, s))
		}
		return v
	}
	cfg := Config{
		Token:             f.Token,
		Treasury:          p.Treasury,
		MinStake:          amount("minStake", p.MinStake),
		UnbondingDelay:    time.Duration(p.UnbondingDelay) * time.Second,
		EpochGenesis:      p.EpochGenesis,
		EpochLength:       time.Duration(p.EpochLength) * time.Second,
		RewardPerProvider: amount("rewardPerProvider", p.RewardPerProvider),
		ClaimEpochs:       p.ClaimEpochs,
		Market: bindings.JobMarketParams{
			MinCollateral:       amount("market.minCollateral", p.Market.MinCollateral),
			FeeBps:              p.Market.FeeBps,
			ChallengerRewardBps: p.Market.ChallengerRewardBps,
			VerifierRewardBps:   p.Market.VerifierRewardBps,
			Verifiers:           p.Market.Verifiers,
			MinChallengeWindow:  p.Market.MinChallengeWindow,
			VoteCommitWindow:    p.Market.VoteCommitWindow,
			VoteRevealWindow:    p.Market.VoteRevealWindow,
			ReplicaRevealWindow: p.Market.ReplicaRevealWindow,
			ChallengeBond:       amount("market.challengeBond", p.Market.ChallengeBond),
			VerifierCollateral:  amount("market.verifierCollateral", p.Market.VerifierCollateral),
			MinCollateralBps:    p.Market.MinCollateralBps,
		},
	}
	if len(errs) > 0 {
		return Config{}, errors.Join(errs...)
	}
	return cfg, nil
}

// Write stores f as indented JSON at path, atomically (a temporary file in the same directory,
// then a rename), with mode 0644.
func (f *File) Write(path string) error {
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("deployment file %s: %w", path, err)
	}
	data = append(data, '\n')
	if err := atomicfile.Write(path, data, 0o644); err != nil {
		return fmt.Errorf("deployment file %s: %w", path, err)
	}
	f.path = path
	return nil
}

// Load reads and checks the deployment file at path. It does not contact the chain: call
// Verify before trusting the addresses.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &fileError{
			msg:  fmt.Sprintf("deployment file %s not found: run `brine deploy` or `brine devnet`", path),
			kind: []error{ErrFileNotFound, err},
		}
	}
	if err != nil {
		return nil, fmt.Errorf("deployment file %s: %w", path, err)
	}
	var probe struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, &fileError{msg: fmt.Sprintf("deployment file %s is not valid JSON: %v", path, err), kind: []error{ErrBadFile, err}}
	}
	if probe.Version == nil || *probe.Version != FileVersion {
		v := "no version"
		if probe.Version != nil {
			v = fmt.Sprintf("version %d", *probe.Version)
		}
		return nil, &fileError{
			msg:  fmt.Sprintf("deployment file %s has %s; this build of brine reads version %d (write it again with this build)", path, v, FileVersion),
			kind: []error{ErrUnknownVersion},
		}
	}
	f := new(File)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(f); err != nil {
		return nil, &fileError{msg: fmt.Sprintf("deployment file %s: %v", path, err), kind: []error{ErrBadFile, err}}
	}
	if err := f.check(); err != nil {
		return nil, &fileError{msg: fmt.Sprintf("deployment file %s: %v", path, err), kind: []error{ErrBadFile, err}}
	}
	f.path = path
	return f, nil
}

// check reports the first missing or malformed field.
func (f *File) check() error {
	if f.ChainID == 0 {
		return errors.New("chainId is missing")
	}
	zero := common.Address{}
	_, brine := f.CodeHashes[NameBrineToken]
	_, external := f.CodeHashes[NameExternalToken]
	if brine == external {
		return fmt.Errorf("codeHashes must have exactly one of %s and %s", NameBrineToken, NameExternalToken)
	}
	for _, c := range f.contracts(f.tokenName()) {
		if c.addr == zero {
			return fmt.Errorf("the %s address is missing", c.name)
		}
		if f.CodeHashes[c.name] == (common.Hash{}) {
			return fmt.Errorf("codeHashes.%s is missing", c.name)
		}
	}
	if f.Params.Treasury == zero {
		return errors.New("params.treasury is missing")
	}
	_, err := f.Config()
	return err
}

// Path is where f was loaded from or last written to ("" for a file only in memory).
func (f *File) Path() string { return f.path }

// Verify checks that f describes the chain client is connected to: the chain ID matches and
// every contract has the recorded code. Failures are *ChainMismatchError or
// *CodeMismatchError; other errors come from the connection.
func (f *File) Verify(ctx context.Context, client CodeReader) error {
	id, err := client.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("verifying deployment file %s: reading chain ID: %w", fileName(f.path), err)
	}
	if !id.IsUint64() || id.Uint64() != f.ChainID {
		got := uint64(0)
		if id.IsUint64() {
			got = id.Uint64()
		}
		return &ChainMismatchError{Path: f.path, FileChainID: f.ChainID, ChainChainID: got}
	}
	for _, c := range f.contracts(f.tokenName()) {
		code, err := client.CodeAt(ctx, c.addr, nil)
		if err != nil {
			return fmt.Errorf("verifying deployment file %s: reading the code of %s at %s: %w", fileName(f.path), c.name, c.addr, err)
		}
		var got common.Hash
		if len(code) > 0 {
			got = crypto.Keccak256Hash(code)
		}
		if want := f.CodeHashes[c.name]; got != want {
			return &CodeMismatchError{Path: f.path, Contract: c.name, Address: c.addr, Want: want, Got: got}
		}
	}
	return nil
}

// fileError is an error with its own message that still matches its kinds with errors.Is.
type fileError struct {
	msg  string
	kind []error
}

func (e *fileError) Error() string   { return e.msg }
func (e *fileError) Unwrap() []error { return e.kind }
