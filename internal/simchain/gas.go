package simchain

import (
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/node"
)

// Seeded makes a chain reproducible, for figures that must not change from run to run (the gas
// report): every key comes from Seed, so every address, contract address and signature repeats,
// and the clock starts at Time instead of following the wall clock.
type Seeded struct {
	// Seed names the run; the same seed gives the same owner, treasury and SeededKey accounts.
	Seed string
	// Time is the genesis timestamp (unix seconds). It must lie ahead of the wall clock: blocks
	// then follow one second apart (Advance adds its duration), whenever they are mined.
	Time uint64
	// Backend options applied after the harness's own (e.g. a live tracer).
	Backend []func(*node.Config, *ethconfig.Config)
}

// SeededKey derives a private key from a seed and a name.
func SeededKey(seed, name string) *ecdsa.PrivateKey {
	for i := 0; ; i++ {
		k, err := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("brine/simchain/%s/%s/%d", seed, name, i))))
		if err == nil {
			return k
		}
	}
}

// StartSeeded is Start on a reproducible chain: mainnet rules as in Start, keys from s.Seed,
// genesis at s.Time. Block hashes still differ between runs (the simulated beacon draws
// prevrandao at random). Close c.Sim when done.
func StartSeeded(s Seeded, opts ...Option) (*Chain, error) {
	if s.Time == 0 {
		return nil, fmt.Errorf("simchain: StartSeeded needs a genesis time")
	}
	genesis := func(_ *node.Config, eth *ethconfig.Config) { eth.Genesis.Timestamp = s.Time }
	treasury := crypto.PubkeyToAddress(SeededKey(s.Seed, "treasury").PublicKey)
	return start(SeededKey(s.Seed, "owner"), treasury, append([]func(*node.Config, *ethconfig.Config){genesis}, s.Backend...), opts)
}

// NewAccountWithKey is NewAccount for a given key (e.g. SeededKey): 1000 ETH and `tokens` dev
// tokens (nil for none).
func (c *Chain) NewAccountWithKey(name string, key *ecdsa.PrivateKey, tokens *big.Int) (*Account, error) {
	a := &Account{Name: name, Key: key, Addr: crypto.PubkeyToAddress(key.PublicKey)}
	if err := c.SendETH(c.Owner, a.Addr, new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))); err != nil {
		return nil, err
	}
	if tokens != nil && tokens.Sign() > 0 {
		if _, err := c.Send(c.Owner, c.Token, c.TokenABI.PackMint(a.Addr, tokens)); err != nil {
			return nil, fmt.Errorf("mint for %s: %w", name, err)
		}
	}
	c.mu.Lock()
	c.accounts++
	c.mu.Unlock()
	return a, nil
}
