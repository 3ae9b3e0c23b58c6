package sim

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"runtime"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/holiman/uint256"

	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/devnet"
)

// The simulated chain is an in-process go-ethereum node, as go-ethereum's simulated backend
// (ethclient/simulated) runs one, with one change: blocks are built and sealed here (build.go),
// not by its simulated beacon, because that beacon draws each block's prevrandao from
// crypto/rand and stamps blocks with the wall clock. Block hashes would
// then differ between runs, and the market seeds its verifier draw with blockhash(anchorBlock):
// the same seed would draw different panels. Here prevrandao is keccak(seed, number) and the
// timestamp is the simulator's clock, so every hash, and every draw, repeats.

const (
	// blockGasLimit lets one block carry a whole round of transactions (hundreds of jobs'
	// accepts, say) so the simulation is not paced by mainnet's 60M gas per block. The gas each
	// transaction uses is still mainnet's (devnet.ChainConfig's rules).
	blockGasLimit = 2_000_000_000
	// maxPerBlock bounds the transactions of one block; each gets a distinct tip below it so the
	// block builder's order is the order they were sent in, never a tie broken by arrival time.
	maxPerBlock = 1 << 20
)

var (
	gasTipBase = big.NewInt(1_000_000_000)            // 1 gwei, above the miner's minimum tip
	gasFeeCap  = big.NewInt(1_000_000_000_000)        // 1000 gwei: far above the base fee
	ethPerKey  = new(big.Int).Lsh(big.NewInt(1), 100) // gas money for every account, in the genesis
)

// key is an externally owned account whose nonce the simulator tracks itself (transactions
// are batched into blocks, so the chain's pending nonce is not asked for).
type key struct {
	priv  *ecdsa.PrivateKey
	addr  common.Address
	nonce uint64
	// outside marks an outside agent's key (a Session's): its transactions may revert, and a
	// revert is reported to the agent instead of failing the run.
	outside bool
}

func seededKey(seed uint64, name string) *key {
	for i := 0; ; i++ {
		k, err := crypto.ToECDSA(crypto.Keccak256([]byte(fmt.Sprintf("brine/sim/%d/%s/%d", seed, name, i))))
		if err == nil {
			return &key{priv: k, addr: crypto.PubkeyToAddress(k.PublicKey)}
		}
	}
}

// sent is a transaction waiting for its block, with what it was for (for errors and accounting).
type sent struct {
	tx   *types.Transaction // signed by seal when unsigned is set
	what string
	job  *job // nil for setup transactions
	from *key // nil for deploy transactions
	// unsigned is set by queue: seal signs a block's transactions together, on every core.
	unsigned bool
}

// chain is an in-process go-ethereum node on mainnet rules whose blocks the simulator seals.
type chain struct {
	seed    uint64
	stack   *node.Node
	eth     *eth.Ethereum
	client  *ethclient.Client
	chainID *big.Int
	signer  types.Signer
	// extra is the extra data of every block, as go-ethereum's miner would stamp it.
	extra     []byte
	processor *replayProcessor

	pending []sent
	blocks  int // sealed by the simulator
	txs     int // mined
	gasUsed uint64
}

// newChain starts the node with every key in alloc funded with gas money at genesis.
func newChain(seed uint64, genesisTime uint64, alloc []common.Address) (*chain, error) {
	nodeConf := node.DefaultConfig
	nodeConf.DataDir = ""
	nodeConf.P2P = p2p.Config{NoDiscovery: true}
	nodeConf.HTTPHost, nodeConf.WSHost, nodeConf.AuthAddr = "", "", ""

	genesisAlloc := core.SystemContractAllocs()
	accounts := types.GenesisAlloc{}
	for _, a := range alloc {
		accounts[a] = types.Account{Balance: ethPerKey}
	}
	maps.Copy(genesisAlloc, accounts)

	ethConf := ethconfig.Defaults
	ethConf.Genesis = &core.Genesis{
		Config:    devnet.ChainConfig(),
		GasLimit:  blockGasLimit,
		Timestamp: genesisTime,
		Alloc:     genesisAlloc,
	}
	ethConf.SyncMode = ethconfig.FullSync
	ethConf.LogNoHistory = true
	// The insert replays the block the simulator built (build.go): a prefetcher would run the
	// block's transactions once more only to warm caches of an in-memory database.
	ethConf.NoPrefetch = true
	ethConf.Miner.GasCeil = blockGasLimit
	// geth's default extra data names its version and the Go toolchain (runtime.Version()), and
	// it is part of every block hash, so the draws seeded by them would change with the Go
	// release that built the simulator. A fixed value makes a run repeat across toolchains.
	ethConf.Miner.ExtraData = []byte("brine-sim")
	ethConf.Miner.Recommit = time.Hour // never cut a block short: its contents must not depend on speed
	ethConf.TxPool.NoLocals = true
	ethConf.TxPool.AccountSlots = 1 << 14
	ethConf.TxPool.GlobalSlots = 1 << 18
	ethConf.TxPool.AccountQueue = 1 << 10
	ethConf.TxPool.GlobalQueue = 1 << 14

	stack, err := node.New(&nodeConf)
	if err != nil {
		return nil, fmt.Errorf("sim: node: %w", err)
	}
	backend, err := eth.New(stack, &ethConf)
	if err != nil {
		_ = stack.Close()
		return nil, fmt.Errorf("sim: eth: %w", err)
	}
	fs := filters.NewFilterSystem(backend.APIBackend, filters.Config{})
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(fs)}})
	if err := stack.Start(); err != nil {
		_ = stack.Close()
		return nil, fmt.Errorf("sim: start node: %w", err)
	}
	c := &chain{seed: seed, stack: stack, eth: backend, client: ethclient.NewClient(stack.Attach()), extra: gethExtra(ethConf.Miner.ExtraData)}
	bc := backend.BlockChain()
	c.processor = &replayProcessor{fallback: bc.Processor()}
	bc.SetBlockValidatorAndProcessorForTesting(bc.Validator(), c.processor) // before the first block
	c.chainID = bc.Config().ChainID
	c.signer = types.LatestSignerForChainID(c.chainID)
	return c, nil
}

func (c *chain) close() {
	c.client.Close()
	_ = c.stack.Close()
}

// now is the head block's timestamp.
func (c *chain) now() uint64 { return c.eth.BlockChain().CurrentBlock().Time }

// head is the head block's number.
func (c *chain) head() uint64 { return c.eth.BlockChain().CurrentBlock().Number.Uint64() }

// queue makes a call of `to` with data from k for the next block (seal signs it).
func (c *chain) queue(k *key, to common.Address, data []byte, gas uint64, what string, j *job) {
	tip := new(big.Int).Add(gasTipBase, big.NewInt(int64(maxPerBlock-len(c.pending))))
	tx := types.NewTx(&types.DynamicFeeTx{
		ChainID: c.chainID, Nonce: k.nonce, GasTipCap: tip, GasFeeCap: gasFeeCap, Gas: gas, To: &to, Data: data,
	})
	k.nonce++
	c.pending = append(c.pending, sent{tx: tx, what: what, job: j, from: k, unsigned: true})
}

// sign signs the batch's unsigned transactions and recovers every sender with the signer the
// block's execution uses (the transaction keeps it), split over the cores: signing and
// recovering are most of a transaction's cost after its execution, and need no order.
func (c *chain) sign(batch []sent, blockSigner types.Signer) {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(batch)/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(batch); i += workers {
				s := &batch[i]
				if s.unsigned {
					signed, err := types.SignTx(s.tx, c.signer, s.from.priv)
					if err != nil {
						panic(err) // a valid key and a fixed signer cannot fail to sign
					}
					s.tx, s.unsigned = signed, false
				}
				// A signature that does not recover fails the block's build, which
				// recovers again (nothing was cached).
				_, _ = types.Sender(blockSigner, s.tx)
			}
		})
	}
	wg.Wait()
}

// mined is one transaction's receipt with what it was for.
type mined struct {
	sent
	receipt *types.Receipt
	failed  error // an outside agent's transaction that reverted (wraps ErrReverted)
}

// ErrReverted is returned when a transaction the simulator sent fails: the simulator only
// sends what the rules allow, so a revert is a bug in the simulator or in the contracts.
var ErrReverted = errors.New("sim: transaction reverted")

// seal mines the queued transactions in one block stamped `at` (at least one second after the
// head) and returns their receipts in the order they were queued. The block is built here
// (build.go) in the order queued, which is the order go-ethereum's miner gave them (each
// transaction's tip is below the one queued before it), and inserted without executing it
// again (replayProcessor).
func (c *chain) seal(ctx context.Context, at uint64) ([]mined, error) {
	batch := c.pending
	c.pending = nil
	bc := c.eth.BlockChain()
	parent := bc.CurrentBlock()
	if at <= parent.Time {
		at = parent.Time + 1
	}
	number := parent.Number.Uint64() + 1
	c.sign(batch, types.MakeSigner(bc.Config(), new(big.Int).SetUint64(number), at))
	txs := make([]*types.Transaction, len(batch))
	for i, s := range batch {
		txs[i] = s.tx
	}
	random := crypto.Keccak256Hash([]byte(fmt.Sprintf("brine/sim/%d/prevrandao/%d", c.seed, number)))
	b, err := c.build(ctx, txs, func(i int) string { return batch[i].what }, at, random)
	if err != nil {
		return nil, err
	}
	block := b.block
	c.processor.next = b
	_, err = bc.InsertBlockWithoutSetHead(ctx, block, false)
	c.processor.next = nil
	if err != nil {
		return nil, fmt.Errorf("sim: insert block %d: %w", number, err)
	}
	if _, err := bc.SetCanonical(block); err != nil {
		return nil, fmt.Errorf("sim: head block %d: %w", number, err)
	}
	c.blocks++
	out := make([]mined, len(batch))
	for i, s := range batch {
		r := b.receipts[i]
		c.txs++
		c.gasUsed += r.GasUsed
		if r.Status != types.ReceiptStatusSuccessful && s.from != nil && s.from.outside {
			out[i] = mined{sent: s, receipt: r, failed: fmt.Errorf("%w: %s in block %d%s", ErrReverted, s.what, number, c.explain(ctx, s.tx, number))}
			continue
		}
		if r.Status != types.ReceiptStatusSuccessful {
			return nil, fmt.Errorf("%w: %s in block %d (gas %d of %d)%s", ErrReverted, s.what, number, r.GasUsed, s.tx.Gas(), c.explain(ctx, s.tx, number))
		}
		out[i] = mined{sent: s, receipt: r}
	}
	return out, nil
}

// explain replays a failed transaction as a call on the state before its block, for the
// revert's name (the state may differ from the one it met if an earlier transaction of the
// same block changed it).
func (c *chain) explain(ctx context.Context, tx *types.Transaction, number uint64) string {
	from, err := types.Sender(c.signer, tx)
	if err != nil {
		return ""
	}
	_, err = c.client.CallContract(ctx, ethereum.CallMsg{From: from, To: tx.To(), Gas: tx.Gas(), Data: tx.Data()}, new(big.Int).SetUint64(number-1))
	if err == nil {
		return " (out of gas, or a state change earlier in its block)"
	}
	return ": " + reverts.Decode(err).Error()
}

// autoMiner is the chain as a bind backend that mines each transaction in a block of its own
// as it is sent: what deploy.Deploy expects of a dev chain.
type autoMiner struct {
	*ethclient.Client
	c *chain
}

// PendingNonceAt is the head's nonce: the simulator's transactions never wait in the pool.
func (a autoMiner) PendingNonceAt(ctx context.Context, account common.Address) (uint64, error) {
	return a.Client.NonceAt(ctx, account, nil)
}

func (a autoMiner) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	a.c.pending = append(a.c.pending, sent{tx: tx, what: "deploy"})
	_, err := a.c.seal(ctx, a.c.now()+1)
	return err
}

// callGas is what a read-only call may burn: go-ethereum's default eth_call gas cap.
const callGas = 50_000_000

// errCallReverted is returned when a read-only call reverts.
var errCallReverted = errors.New("sim: call reverted")

// call runs a read-only call of `to` on the head's state, in process: what eth_call does
// (ethapi doCall: the head's block context, no base fee, none of a transaction's checks),
// without the JSON-RPC round trip.
func (c *chain) call(to common.Address, data []byte) ([]byte, error) {
	bc := c.eth.BlockChain()
	head := bc.CurrentBlock()
	st, err := bc.StateAt(head.Root, head.Number, head.Time)
	if err != nil {
		return nil, fmt.Errorf("sim: state of block %d: %w", head.Number, err)
	}
	msg := (&core.Message{
		To: &to, Value: new(uint256.Int), GasLimit: callGas, Data: data,
		GasPrice: new(uint256.Int), GasFeeCap: new(uint256.Int), GasTipCap: new(uint256.Int),
	}).SkipNonceCheck().SkipEOACheck().SkipGasLimitCapCheck().SkipExecutionGasCapCheck()
	evm := vm.NewEVM(core.NewEVMBlockContext(head, bc, nil), st, bc.Config(), vm.Config{NoBaseFee: true})
	defer evm.Release()
	res, err := core.ApplyMessage(evm, msg, core.NewGasPool(callGas))
	if err != nil {
		return nil, fmt.Errorf("sim: call %s: %w", to, err)
	}
	if res.Failed() {
		return nil, fmt.Errorf("%w: %s: %w (data %x)", errCallReverted, to, res.Err, res.Revert())
	}
	return res.Return(), nil
}

// logs returns the logs of `contracts` in blocks from..to (from > to: none), in block and log
// order, read from the receipts the chain stored: what eth_getLogs returns (audit.LogSource),
// without encoding every log as JSON and decoding it back.
func (c *chain) logs(ctx context.Context, contracts []common.Address, from, to uint64) ([]types.Log, error) {
	bc := c.eth.BlockChain()
	want := make(map[common.Address]bool, len(contracts))
	for _, a := range contracts {
		want[a] = true
	}
	var out []types.Log
	for n := from; n <= to; n++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		h := bc.GetHeaderByNumber(n)
		if h == nil {
			return nil, fmt.Errorf("sim: logs: no block %d", n)
		}
		mentioned := false
		for _, a := range contracts {
			if types.BloomLookup(h.Bloom, a) {
				mentioned = true
				break
			}
		}
		if !mentioned {
			continue
		}
		for _, r := range bc.GetReceiptsByHash(h.Hash()) {
			for _, l := range r.Logs {
				if want[l.Address] {
					out = append(out, *l)
				}
			}
		}
	}
	return out, nil
}
