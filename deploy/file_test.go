package deploy_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
)

// newFile deploys on a fresh simulated chain and describes the deployment.
func newFile(t *testing.T) (*simchain.Chain, *deploy.File) {
	t.Helper()
	c := simchain.New(t)
	f, err := deploy.NewFile(context.Background(), c.Client, &c.Addr, c.Config)
	if err != nil {
		t.Fatalf("NewFile: %v", err)
	}
	return c, f
}

func TestFileDescribesDeployment(t *testing.T) {
	ctx := context.Background()
	c, f := newFile(t)

	if f.Version != deploy.FileVersion || f.ChainID != c.ChainID.Uint64() || f.ChainID != 1337 {
		t.Fatalf("version %d chain %d, want %d and %d", f.Version, f.ChainID, deploy.FileVersion, c.ChainID)
	}
	if *f.Addresses() != c.Addr {
		t.Fatalf("addresses %+v, want %+v", *f.Addresses(), c.Addr)
	}
	if f.DeployBlock == 0 || f.DeployBlock != c.Addr.Block {
		t.Fatalf("deploy block %d, want %d", f.DeployBlock, c.Addr.Block)
	}
	contracts := map[string]common.Address{
		deploy.NameBrineToken:       c.Addr.Token,
		deploy.NameProviderRegistry: c.Addr.Registry,
		deploy.NameJobMarket:        c.Addr.Market,
		deploy.NameUptimeRewards:    c.Addr.Rewards,
	}
	if len(f.CodeHashes) != len(contracts) || len(f.ArtifactHashes) != len(contracts) {
		t.Fatalf("code hashes %v, artifact hashes %v: want one per contract", f.CodeHashes, f.ArtifactHashes)
	}
	for name, addr := range contracts {
		code, err := c.Client.CodeAt(ctx, addr, nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := crypto.Keccak256Hash(code); f.CodeHashes[name] != want {
			t.Errorf("code hash of %s: %s, want %s", name, f.CodeHashes[name], want)
		}
		// The artifact hash is the sha256 of the artifact's creation bytecode.
		raw, err := os.ReadFile(filepath.Join("..", "contracts", "artifacts", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var artifact struct {
			Bytecode string `json:"bytecode"`
		}
		if err := json.Unmarshal(raw, &artifact); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(common.FromHex(artifact.Bytecode))
		if want := hex.EncodeToString(sum[:]); f.ArtifactHashes[name] != want {
			t.Errorf("artifact hash of %s: %s, want %s", name, f.ArtifactHashes[name], want)
		}
	}

	p := f.Params
	if p.Treasury != c.Config.Treasury || p.MinStake != "100000000000000000000" || p.RewardPerProvider != "10000000000000000000" ||
		p.UnbondingDelay != 30 || p.EpochLength != 60 || p.EpochGenesis != c.Config.EpochGenesis {
		t.Fatalf("params %+v", p)
	}
	m := p.Market
	if m.MinCollateral != "1000000000000000000" || m.ChallengeBond != "10000000000000000000" ||
		m.VerifierCollateral != "5000000000000000000" || m.FeeBps != 100 || m.Verifiers != 3 ||
		m.ChallengerRewardBps != 5000 || m.VerifierRewardBps != 3000 || m.MinChallengeWindow != 4 ||
		m.VoteCommitWindow != 10 || m.VoteRevealWindow != 10 || m.ReplicaRevealWindow != 10 {
		t.Fatalf("market params %+v", m)
	}
	if err := f.Verify(ctx, c.Client); err != nil {
		t.Fatalf("Verify: %v", err)
	}
}

func TestFileWriteLoadRoundTrip(t *testing.T) {
	ctx := context.Background()
	c, f := newFile(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "deployment.json")
	if err := f.Write(path); err != nil {
		t.Fatal(err)
	}
	// Overwriting goes through a temporary file too and leaves nothing else behind.
	if err := f.Write(path); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o644 {
		t.Fatalf("mode %v, want 0644", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("directory holds %d entries, want only deployment.json", len(entries))
	}

	got, err := deploy.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Path() != path {
		t.Fatalf("path %q, want %q", got.Path(), path)
	}
	if !reflect.DeepEqual(got, f) {
		t.Fatalf("loaded %+v\nwrote %+v", got, f)
	}
	if err := got.Verify(ctx, c.Client); err != nil {
		t.Fatalf("Verify: %v", err)
	}

	// Config gives back what was deployed, with the deployed token filled in.
	cfg, err := got.Config()
	if err != nil {
		t.Fatal(err)
	}
	want := c.Config
	want.Token = c.Addr.Token
	if cfg.Token != want.Token || cfg.Treasury != want.Treasury || cfg.MinStake.Cmp(want.MinStake) != 0 ||
		cfg.UnbondingDelay != want.UnbondingDelay || cfg.EpochGenesis != want.EpochGenesis ||
		cfg.EpochLength != want.EpochLength || cfg.RewardPerProvider.Cmp(want.RewardPerProvider) != 0 {
		t.Fatalf("config %+v, want %+v", cfg, want)
	}
	gm, wm := cfg.Market, want.Market
	if gm.MinCollateral.Cmp(wm.MinCollateral) != 0 || gm.ChallengeBond.Cmp(wm.ChallengeBond) != 0 ||
		gm.VerifierCollateral.Cmp(wm.VerifierCollateral) != 0 {
		t.Fatalf("market amounts %+v, want %+v", gm, wm)
	}
	gm.MinCollateral, gm.ChallengeBond, gm.VerifierCollateral = nil, nil, nil
	wm.MinCollateral, wm.ChallengeBond, wm.VerifierCollateral = nil, nil, nil
	if gm != wm {
		t.Fatalf("market params %+v, want %+v", gm, wm)
	}
}

// The JSON field names are an interface with other tools: they must not drift.
func TestFileJSONFieldNames(t *testing.T) {
	_, f := newFile(t)
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		t.Fatal(err)
	}
	var params map[string]json.RawMessage
	if err := json.Unmarshal(top["params"], &params); err != nil {
		t.Fatal(err)
	}
	var market map[string]json.RawMessage
	if err := json.Unmarshal(params["market"], &market); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		obj  map[string]json.RawMessage
		want []string
	}{
		{"file", top, []string{"artifactHashes", "chain", "chainId", "codeHashes", "deployBlock", "market", "params", "registry", "rewards", "token", "version"}},
		{"params", params, []string{"claimEpochs", "epochGenesis", "epochLengthSeconds", "market", "minStake", "rewardPerProvider", "treasury", "unbondingDelaySeconds"}},
		{"market", market, []string{"challengeBond", "challengerRewardBps", "feeBps", "minChallengeWindowSeconds", "minCollateral", "minCollateralBps",
			"replicaRevealWindowSeconds", "verifierCollateral", "verifierRewardBps", "verifiers", "voteCommitWindowSeconds", "voteRevealWindowSeconds"}},
	} {
		var keys []string
		for k := range tc.obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if !reflect.DeepEqual(keys, tc.want) {
			t.Errorf("%s keys %v, want %v", tc.name, keys, tc.want)
		}
	}
	// Amounts are decimal strings of base units.
	if string(params["minStake"]) != `"100000000000000000000"` {
		t.Errorf("minStake encodes as %s", params["minStake"])
	}
}

func TestVerifyWrongChainID(t *testing.T) {
	c, f := newFile(t)
	f.ChainID = 1
	err := f.Verify(context.Background(), c.Client)
	var mismatch *deploy.ChainMismatchError
	if !errors.As(err, &mismatch) {
		t.Fatalf("Verify: %v, want a *ChainMismatchError", err)
	}
	if mismatch.FileChainID != 1 || mismatch.ChainChainID != 1337 {
		t.Fatalf("mismatch %+v, want file 1 and chain 1337", mismatch)
	}
}

func TestVerifyCodeMismatch(t *testing.T) {
	ctx := context.Background()
	c, f := newFile(t)
	other := simchain.New(t) // another deployment on another chain with the same chain ID
	nowhere := common.HexToAddress("0x000000000000000000000000000000000000dEaD")
	marketHash := f.CodeHashes[deploy.NameJobMarket]
	registryHash := f.CodeHashes[deploy.NameProviderRegistry]

	for _, tc := range []struct {
		name     string
		tamper   func(f *deploy.File)
		client   deploy.CodeReader
		contract string
		addr     func(f *deploy.File) common.Address
		got      common.Hash
	}{
		{
			name:     "tampered code hash",
			tamper:   func(f *deploy.File) { f.CodeHashes[deploy.NameJobMarket] = common.HexToHash("0x01") },
			client:   c.Client,
			contract: deploy.NameJobMarket,
			addr:     func(f *deploy.File) common.Address { return f.Market },
			got:      marketHash,
		},
		{
			name:     "address without code",
			tamper:   func(f *deploy.File) { f.Rewards = nowhere },
			client:   c.Client,
			contract: deploy.NameUptimeRewards,
			addr:     func(f *deploy.File) common.Address { return nowhere },
		},
		{
			name:     "another contract's address",
			tamper:   func(f *deploy.File) { f.Token = f.Registry },
			client:   c.Client,
			contract: deploy.NameBrineToken,
			addr:     func(f *deploy.File) common.Address { return f.Registry },
			got:      registryHash,
		},
		{
			name:     "file of another chain",
			tamper:   func(*deploy.File) {},
			client:   other.Client,
			contract: deploy.NameBrineToken,
			addr:     func(f *deploy.File) common.Address { return f.Token },
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := *f
			g.CodeHashes = make(map[string]common.Hash)
			for k, v := range f.CodeHashes {
				g.CodeHashes[k] = v
			}
			tc.tamper(&g)
			err := g.Verify(ctx, tc.client)
			var mismatch *deploy.CodeMismatchError
			if !errors.As(err, &mismatch) {
				t.Fatalf("Verify: %v, want a *CodeMismatchError", err)
			}
			if mismatch.Contract != tc.contract || mismatch.Address != tc.addr(&g) || mismatch.Got != tc.got ||
				mismatch.Want != g.CodeHashes[tc.contract] {
				t.Fatalf("mismatch %+v, want contract %s at %s with code hash %s", mismatch, tc.contract, tc.addr(&g), tc.got)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	_, f := newFile(t)
	good, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(change func(m map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal(good, &m); err != nil {
			t.Fatal(err)
		}
		change(m)
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		data []byte // nil: no file
		want error
	}{
		{"missing file", nil, deploy.ErrFileNotFound},
		{"not JSON", []byte("{\"version\": 1,"), deploy.ErrBadFile},
		{"no version", edit(func(m map[string]any) { delete(m, "version") }), deploy.ErrUnknownVersion},
		{"future version", edit(func(m map[string]any) { m["version"] = 2 }), deploy.ErrUnknownVersion},
		{"unknown field", edit(func(m map[string]any) { m["tokne"] = "0x01" }), deploy.ErrBadFile},
		{"no market address", edit(func(m map[string]any) { delete(m, "market") }), deploy.ErrBadFile},
		{"no chain ID", edit(func(m map[string]any) { delete(m, "chainId") }), deploy.ErrBadFile},
		{"no code hash", edit(func(m map[string]any) { delete(m["codeHashes"].(map[string]any), deploy.NameJobMarket) }), deploy.ErrBadFile},
		{"fractional amount", edit(func(m map[string]any) { m["params"].(map[string]any)["minStake"] = "1.5" }), deploy.ErrBadFile},
		{"amount as number", edit(func(m map[string]any) { m["params"].(map[string]any)["minStake"] = 100 }), deploy.ErrBadFile},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "deployment.json")
			if tc.data != nil {
				if err := os.WriteFile(path, tc.data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := deploy.Load(path)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Load: %v (file %v), want %v", err, got, tc.want)
			}
			if tc.data == nil && !errors.Is(err, fs.ErrNotExist) {
				t.Fatalf("Load of a missing file: %v does not match fs.ErrNotExist", err)
			}
		})
	}
}

func TestChainName(t *testing.T) {
	for _, tc := range []struct {
		id    uint64
		lotus string
		want  string
	}{
		{314, "", "filecoin"},
		{314159, "", "filecoin-calibration"},
		{314, "mainnet", "filecoin"},
		{314159, "calibrationnet", "filecoin-calibration"},
		{1337, "localnet", "filecoin-localnet"},
		{31415926, "2k", "filecoin-2k"},
		{1, "", "ethereum"},
		{11155111, "", "sepolia"},
		{1337, "", "devnet"},
		{424242, "", "chain-424242"},
	} {
		if got := deploy.ChainName(tc.id, tc.lotus); got != tc.want {
			t.Errorf("ChainName(%d, %q) = %q, want %q", tc.id, tc.lotus, got, tc.want)
		}
	}
}

// A deployment file records its chain's name; one written before the field existed still loads.
func TestFileChainName(t *testing.T) {
	_, f := newFile(t)
	if f.Chain != "devnet" {
		t.Fatalf("chain %q, want devnet (chain ID %d)", f.Chain, f.ChainID)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "deployment.json")
	if err := f.Write(path); err != nil {
		t.Fatal(err)
	}
	if got, err := deploy.Load(path); err != nil || got.Chain != "devnet" {
		t.Fatalf("Load: %v, %v", got, err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "chain")
	old, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := deploy.Load(path)
	if err != nil || got.Chain != "" || got.ChainID != f.ChainID {
		t.Fatalf("an old file without chain: %v, %v", got, err)
	}
}
