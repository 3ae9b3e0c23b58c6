package bindings

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
)

// TestBrineTokenOnSimulatedBackend is a smoke test of the whole pipeline:
// bytecode compiled by contracts/scripts/compile.js (evmVersion cancun)
// deploys and runs on geth's simulated backend through the generated
// bindings.
func TestBrineTokenOnSimulatedBackend(t *testing.T) {
	key, _ := crypto.GenerateKey()
	owner := crypto.PubkeyToAddress(key.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{owner: {Balance: big.NewInt(1e18)}})
	defer sim.Close()
	client := sim.Client()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	chainID, err := client.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	auth := bind.NewKeyedTransactor(key, chainID)
	token := NewBrineToken()

	addr, tx, err := bind.DeployContract(auth, common.FromHex(BrineTokenMetaData.Bin), client,
		token.PackConstructor("Brine", "BRN", owner))
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	sim.Commit()
	if _, err := bind.WaitDeployed(ctx, client, tx.Hash()); err != nil {
		t.Fatalf("wait deployed: %v", err)
	}
	instance := token.Instance(client, addr)

	tx, err = bind.Transact(instance, auth, token.PackMint(owner, big.NewInt(42)))
	if err != nil {
		t.Fatalf("mint: %v", err)
	}
	sim.Commit()
	receipt, err := bind.WaitMined(ctx, client, tx.Hash())
	if err != nil || receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("mint receipt: %v %+v", err, receipt)
	}
	ev, err := token.UnpackTransferEvent(receipt.Logs[0])
	if err != nil || ev.To != owner || ev.Value.Int64() != 42 {
		t.Fatalf("transfer event: %v %+v", err, ev)
	}

	bal, err := bind.Call(instance, nil, token.PackBalanceOf(owner), token.UnpackBalanceOf)
	if err != nil || bal.Int64() != 42 {
		t.Fatalf("balanceOf = %v, %v; want 42", bal, err)
	}
	dom, err := bind.Call(instance, nil, token.PackEip712Domain(), token.UnpackEip712Domain)
	if err != nil || dom.Name != "Brine" || dom.ChainId.Cmp(chainID) != 0 {
		t.Fatalf("eip712Domain = %+v, %v", dom, err)
	}
}
