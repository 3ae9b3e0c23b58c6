package simchain

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/brine-compute/brine/bindings"
)

// CallActorID is FEVM's call-actor-by-ID precompile, where the registry asks a miner actor for
// its peer ID. On an EVM test chain the test contract CallActorByIdMock stands there.
var CallActorID = common.HexToAddress("0xfe00000000000000000000000000000000000005")

var (
	mockCodeOnce sync.Once
	mockCode     []byte
	mockCodeErr  error
)

// CallActorMockCode is the runtime code of CallActorByIdMock, to place at CallActorID in a test
// chain's genesis. It is read from a deployment on a throwaway simulated chain (the contract
// has no immutables, so its code runs the same at any address).
func CallActorMockCode() ([]byte, error) {
	mockCodeOnce.Do(func() {
		key, err := crypto.GenerateKey()
		if err != nil {
			mockCodeErr = err
			return
		}
		from := crypto.PubkeyToAddress(key.PublicKey)
		sim := simulated.NewBackend(types.GenesisAlloc{from: {Balance: big.NewInt(1e18)}})
		defer sim.Close()
		client := sim.Client()
		ctx := context.Background()
		id, err := client.ChainID(ctx)
		if err != nil {
			mockCodeErr = err
			return
		}
		opts := bind.NewKeyedTransactor(key, id)
		addr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.CallActorByIdMockMetaData.Bin), client, nil)
		if err != nil {
			mockCodeErr = fmt.Errorf("simchain: deploy CallActorByIdMock: %w", err)
			return
		}
		sim.Commit()
		if _, err := bind.WaitMined(ctx, client, tx.Hash()); err != nil {
			mockCodeErr = err
			return
		}
		mockCode, mockCodeErr = client.CodeAt(ctx, addr, nil)
	})
	return mockCode, mockCodeErr
}

// withCode places code at addr in the genesis.
func withCode(addr common.Address, code []byte) func(*node.Config, *ethconfig.Config) {
	return func(_ *node.Config, eth *ethconfig.Config) {
		eth.Genesis.Alloc[addr] = types.Account{Code: code, Balance: new(big.Int)}
	}
}

// NewFEVM is New with CallActorByIdMock at FEVM's call-actor-by-ID precompile address, so
// the registry's on-chain miner check runs against the precompile's documented convention.
// Set the mock's miners with the returned chain's Send to CallActorID.
func NewFEVM(tb testing.TB, opts ...Option) *Chain {
	tb.Helper()
	code, err := CallActorMockCode()
	if err != nil {
		tb.Fatalf("simchain: %v", err)
	}
	ownerKey, err := crypto.GenerateKey()
	if err != nil {
		tb.Fatal(err)
	}
	treasuryKey, err := crypto.GenerateKey()
	if err != nil {
		tb.Fatal(err)
	}
	c, err := start(ownerKey, crypto.PubkeyToAddress(treasuryKey.PublicKey), []func(*node.Config, *ethconfig.Config){withCode(CallActorID, code)}, opts)
	if err != nil {
		tb.Fatalf("simchain: %v", err)
	}
	tb.Cleanup(func() { _ = c.Sim.Close() })
	return c
}
