package sim

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"runtime"
	"sync/atomic"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/consensus/misc/eip1559"
	"github.com/ethereum/go-ethereum/consensus/misc/eip4844"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rlp"
	gethversion "github.com/ethereum/go-ethereum/version"
)

// Why the simulator builds its blocks itself: go-ethereum's engine-API path runs every
// transaction's EVM twice (the miner builds the block, then inserting it executes it again),
// recovers every sender three times (the pool, the miner's copy rebuilt from the payload, the
// insert) and runs a third, speculative execution in the insert's prefetcher. Here a block is
// built the way the miner builds it (miner/worker.go: the same header, the same system calls,
// core.ApplyTransaction per transaction, core.AssembleBlock), each sender is recovered once,
// and the insert does not run the EVM again: replayProcessor writes the values the build left
// in the accounts and slots it touched into the insert's state. The insert still validates the
// block as any other (go-ethereum's BlockValidator: gas used, bloom, receipt root, requests
// and the state root of the replayed state against the header's), so a replay that missed a
// change fails the block instead of forking the state.

// errNotReplayable is returned when a built block removed an account, which the replay does
// not write (the simulator's contracts never self-destruct).
var errNotReplayable = errors.New("sim: a built block removed an account; the replay only writes values")

// gethExtra is the extra data go-ethereum's miner stamps on a block when none is configured
// (eth/backend.go makeExtraData), so blocks built here hash as the miner's did.
func gethExtra(configured []byte) []byte {
	if len(configured) > 0 {
		return configured
	}
	extra, _ := rlp.EncodeToBytes([]interface{}{
		uint(gethversion.Major<<16 | gethversion.Minor<<8 | gethversion.Patch),
		"geth",
		runtime.Version(),
		runtime.GOOS,
	})
	if uint64(len(extra)) > params.MaximumExtraDataSize {
		return nil
	}
	return extra
}

// touched is what a build wrote: the accounts whose balance, nonce, code or storage changed,
// in the order first written, and the storage slots written in each.
type touched struct {
	order    []common.Address
	accounts map[common.Address]*touchedAccount
}

type touchedAccount struct {
	code      bool
	slots     []common.Hash
	slotsSeen map[common.Hash]struct{}
}

func newTouched() *touched {
	return &touched{accounts: make(map[common.Address]*touchedAccount)}
}

func (t *touched) account(addr common.Address) *touchedAccount {
	a := t.accounts[addr]
	if a == nil {
		a = &touchedAccount{slotsSeen: make(map[common.Hash]struct{})}
		t.accounts[addr] = a
		t.order = append(t.order, addr)
	}
	return a
}

// hooks records writes as they happen; a write later reverted is still recorded, and the
// replay then writes the value it was reverted to, which changes nothing.
func (t *touched) hooks() *tracing.Hooks {
	return &tracing.Hooks{
		OnBalanceChange: func(addr common.Address, _, _ *big.Int, _ tracing.BalanceChangeReason) { t.account(addr) },
		OnNonceChangeV2: func(addr common.Address, _, _ uint64, _ tracing.NonceChangeReason) { t.account(addr) },
		OnCodeChangeV2: func(addr common.Address, _ common.Hash, _ []byte, _ common.Hash, _ []byte, _ tracing.CodeChangeReason) {
			t.account(addr).code = true
		},
		OnStorageChange: func(addr common.Address, slot common.Hash, _, _ common.Hash) {
			a := t.account(addr)
			if _, ok := a.slotsSeen[slot]; !ok {
				a.slotsSeen[slot] = struct{}{}
				a.slots = append(a.slots, slot)
			}
		},
	}
}

// built is a block the simulator executed, with what its insert needs instead of executing it.
type built struct {
	block    *types.Block
	receipts types.Receipts
	requests [][]byte
	logs     []*types.Log
	gasUsed  uint64
	post     *state.StateDB // the state after the block
	writes   *touched
}

// replay writes the build's final values of every touched account and slot into st, the
// parent's state the insert executes on.
func (b *built) replay(st *state.StateDB) error {
	for _, addr := range b.writes.order {
		if !b.post.Exist(addr) {
			if st.Exist(addr) {
				return fmt.Errorf("%w: %s", errNotReplayable, addr)
			}
			continue // created and emptied within the block: nothing to write
		}
		a := b.writes.accounts[addr]
		st.SetBalance(addr, b.post.GetBalance(addr), tracing.BalanceChangeUnspecified)
		st.SetNonce(addr, b.post.GetNonce(addr), tracing.NonceChangeUnspecified)
		if a.code {
			st.SetCode(addr, b.post.GetCode(addr), tracing.CodeChangeUnspecified)
		}
		for _, slot := range a.slots {
			st.SetState(addr, slot, b.post.GetState(addr, slot))
		}
	}
	return nil
}

// replayProcessor is the chain's block processor: the block the simulator just built is
// replayed from its build, any other block is executed by go-ethereum's own processor.
type replayProcessor struct {
	fallback core.Processor
	next     *built // the block being inserted; blocks are built and inserted one at a time
}

func (p *replayProcessor) Process(ctx context.Context, block *types.Block, st *state.StateDB, jumpDests vm.JumpDestCache, precompiles *vm.PrecompileCache, cfg vm.Config, execIndex *atomic.Int64) (*core.ProcessResult, error) {
	b := p.next
	if b == nil || b.block.Hash() != block.Hash() {
		return p.fallback.Process(ctx, block, st, jumpDests, precompiles, cfg, execIndex)
	}
	if err := b.replay(st); err != nil {
		return nil, err
	}
	return &core.ProcessResult{Receipts: b.receipts, Requests: b.requests, Logs: b.logs, GasUsed: b.gasUsed}, nil
}

// build executes txs in order on the head's state in a block stamped `at` with prevrandao
// random, as go-ethereum's miner would (miner/worker.go prepareWork, generateWork). A
// transaction the chain would not include (a bad nonce, say) fails the build.
func (c *chain) build(ctx context.Context, txs []*types.Transaction, what func(int) string, at uint64, random common.Hash) (*built, error) {
	bc := c.eth.BlockChain()
	cfg := bc.Config()
	parent := bc.CurrentBlock()
	number := new(big.Int).Add(parent.Number, common.Big1)
	if cfg.IsAmsterdam(number, at) {
		return nil, errors.New("sim: the block builder does not build Amsterdam blocks (access lists, slot numbers)")
	}
	header := &types.Header{
		ParentHash: parent.Hash(),
		Number:     number,
		GasLimit:   core.CalcGasLimit(parent.GasLimit, blockGasLimit),
		Time:       at,
		Coinbase:   common.Address{},
		Extra:      c.extra,
		MixDigest:  random,
		BaseFee:    eip1559.CalcBaseFee(cfg, parent),
	}
	engine := bc.Engine()
	if err := engine.Prepare(bc, header); err != nil {
		return nil, fmt.Errorf("sim: prepare block %d: %w", number, err)
	}
	if cfg.IsCancun(header.Number, header.Time) {
		var excess uint64
		if cfg.IsCancun(parent.Number, parent.Time) {
			excess = eip4844.CalcExcessBlobGas(cfg, parent, at)
		}
		header.BlobGasUsed = new(uint64)
		header.ExcessBlobGas = &excess
		header.ParentBeaconRoot = &common.Hash{}
	}
	st, err := bc.StateAtForkBoundary(parent, header)
	if err != nil {
		return nil, fmt.Errorf("sim: state of block %d: %w", parent.Number, err)
	}
	writes := newTouched()
	hooked := state.NewHookedState(st, writes.hooks())
	coinbase := header.Coinbase
	// The hooks watch the state, not the EVM: vm.Config carries no tracer, so the EVM runs its
	// untraced fast path.
	evm := vm.NewEVM(core.NewEVMBlockContext(header, bc, &coinbase), hooked, cfg, vm.Config{})
	defer evm.Release()
	evm.SetJumpDestCache(bc.JumpDestCache())
	evm.SetPrecompileCache(bc.PrecompileCache())

	core.PreExecution(ctx, header.ParentBeaconRoot, parent, cfg, evm, header.Number, header.Time)
	gp := core.NewGasPool(header.GasLimit)
	receipts := make(types.Receipts, 0, len(txs))
	var logs []*types.Log
	for i, tx := range txs {
		st.SetTxContext(tx.Hash(), i, uint32(i+1))
		receipt, _, err := core.ApplyTransaction(ctx, evm, gp, st, header, tx)
		if err != nil {
			return nil, fmt.Errorf("sim: %s: not includable in block %d: %w", what(i), number, err)
		}
		receipts = append(receipts, receipt)
		logs = append(logs, receipt.Logs...)
	}
	header.GasUsed = gp.Used()
	body := types.Body{Transactions: txs, Withdrawals: types.Withdrawals{}}
	requests, _, err := core.PostExecution(ctx, cfg, header.Number, header.Time, logs, body.Withdrawals, evm, uint32(len(txs)+1))
	if err != nil {
		return nil, fmt.Errorf("sim: block %d: %w", number, err)
	}
	if requests != nil {
		h := types.CalcRequestsHash(requests)
		header.RequestsHash = &h
	}
	engine.Finalize(bc, header, hooked, &body)
	block := core.AssembleBlock(bc, header, st, &body, receipts, nil)
	if err := st.Error(); err != nil {
		return nil, fmt.Errorf("sim: block %d: state: %w", number, err)
	}
	// The receipts were made before the block had its hash.
	hash := block.Hash()
	for _, r := range receipts {
		r.BlockHash = hash
		for _, l := range r.Logs {
			l.BlockHash = hash
		}
	}
	return &built{block: block, receipts: receipts, requests: requests, logs: logs, gasUsed: header.GasUsed, post: st, writes: writes}, nil
}
