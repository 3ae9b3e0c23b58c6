package main

import (
	"encoding/json"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/tracing"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/tracers"
	"github.com/ethereum/go-ethereum/node"
)

// breakdown splits a transaction's gasUsed into buckets; every unit lands in exactly one.
// Storage, Events, Hashing and Other are the called contract's own opcodes (the market, or
// UptimeRewards for claims); Token and Registry hold everything spent in calls into those
// contracts, the CALL itself included (cold account access, forwarding, the caller's
// EXTCODESIZE check of the callee) and any precompile they call (ecrecover in permit). A
// transaction sent to the token itself (approve) is all Token.
type breakdown struct {
	Base     uint64 // 21,000 per transaction
	Calldata uint64 // intrinsic calldata gas (EIP-2028: 4 per zero byte, 16 per other byte)
	Storage  uint64 // SLOAD and SSTORE (cold and warm access included)
	Events   uint64 // LOG0..LOG4
	Hashing  uint64 // KECCAK256 (record hashes, mapping slots, commitments, Merkle proofs)
	Other    uint64 // the rest: dispatch, ABI decoding, memory, arithmetic, reentrancy guard
	Token    uint64 // calls into the token (transferFrom, transfer, permit)
	Registry uint64 // calls into the provider registry (lock, unlock, slash, candidateAt)
	Refund   uint64 // storage refunds (slots cleared or restored), subtracted from the total
	// Where the refund counter grew (before EIP-3529's cap of a fifth of the gas used): in the
	// token's storage (an allowance spent) or the called contract's (a job slot cleared).
	RefundToken, RefundOwn uint64
	Floor                  uint64 // extra charged when the EIP-7623 calldata floor binds (0 otherwise)
}

// Total is what the receipt says.
func (b breakdown) Total() uint64 {
	return b.Base + b.Calldata + b.Storage + b.Events + b.Hashing + b.Other + b.Token + b.Registry + b.Floor - b.Refund
}

func (b breakdown) add(o breakdown) breakdown {
	return breakdown{
		Base: b.Base + o.Base, Calldata: b.Calldata + o.Calldata, Storage: b.Storage + o.Storage,
		Events: b.Events + o.Events, Hashing: b.Hashing + o.Hashing, Other: b.Other + o.Other,
		Token: b.Token + o.Token, Registry: b.Registry + o.Registry, Refund: b.Refund + o.Refund, Floor: b.Floor + o.Floor,
		RefundToken: b.RefundToken + o.RefundToken, RefundOwn: b.RefundOwn + o.RefundOwn,
	}
}

type group int

const (
	groupOwn      group = iota // the market or UptimeRewards (and anything unknown)
	groupToken                 // the token
	groupRegistry              // the provider registry
)

// frame is one call frame being traced.
type frame struct {
	group   group
	pending uint64 // cost charged by the CALL-family opcode that is opening a child frame
	costs   map[string]uint64
}

// txTrace accumulates one transaction.
type txTrace struct {
	intrinsic uint64 // tx gas limit minus the gas handed to the top frame
	exec      uint64 // gas used by the top frame
	stack     []*frame
	buckets   map[group]map[string]uint64
	state     tracing.StateDB
	refund    uint64          // the refund counter when last looked at
	lastGroup group           // the group of the last opcode traced
	refunds   map[group]int64 // refund counter changes per group
}

// noteRefund books any change of the refund counter since the last opcode to that opcode's group.
func (t *txTrace) noteRefund() {
	if t.state == nil {
		return
	}
	if cur := t.state.GetRefund(); cur != t.refund {
		t.refunds[t.lastGroup] += int64(cur) - int64(t.refund)
		t.refund = cur
	}
}

// collector is a live tracer: it sees every transaction the simulated chain imports.
type collector struct {
	id     int
	mu     sync.Mutex
	groups map[common.Address]group
	cur    *txTrace
	curTx  *types.Transaction
	done   map[common.Hash]*txTrace
	txs    map[common.Hash]*types.Transaction
}

var (
	registerOnce sync.Once
	collectorsMu sync.Mutex
	collectors   = map[int]*collector{}
	nextID       int
)

const tracerName = "brine-gasreport"

// newCollector registers a live tracer and returns it with the backend option that installs it.
func newCollector() (*collector, func(*node.Config, *ethconfig.Config)) {
	registerOnce.Do(func() {
		tracers.LiveDirectory.Register(tracerName, func(cfg json.RawMessage) (*tracing.Hooks, error) {
			var c struct{ ID int }
			if err := json.Unmarshal(cfg, &c); err != nil {
				return nil, err
			}
			collectorsMu.Lock()
			col := collectors[c.ID]
			collectorsMu.Unlock()
			if col == nil {
				return nil, fmt.Errorf("gasreport: no collector %d", c.ID)
			}
			return col.hooks(), nil
		})
	})
	col := &collector{groups: map[common.Address]group{}, done: map[common.Hash]*txTrace{}, txs: map[common.Hash]*types.Transaction{}}
	collectorsMu.Lock()
	nextID++
	id := nextID
	col.id = id
	collectors[id] = col
	collectorsMu.Unlock()
	return col, func(_ *node.Config, eth *ethconfig.Config) {
		eth.VMTrace = tracerName
		eth.VMTraceJsonConfig = fmt.Sprintf(`{"id":%d}`, id)
	}
}

// release forgets the collector (its chain is closed).
func (c *collector) release() {
	collectorsMu.Lock()
	delete(collectors, c.id)
	collectorsMu.Unlock()
}

func (c *collector) setGroups(market, token, registry, rewards common.Address) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.groups[market] = groupOwn
	c.groups[token] = groupToken
	c.groups[registry] = groupRegistry
	c.groups[rewards] = groupOwn
}

func (c *collector) hooks() *tracing.Hooks {
	return &tracing.Hooks{
		OnTxStart: func(vmctx *tracing.VMContext, tx *types.Transaction, _ common.Address) {
			c.mu.Lock()
			defer c.mu.Unlock()
			c.cur = &txTrace{buckets: map[group]map[string]uint64{}, refunds: map[group]int64{}}
			if vmctx != nil {
				c.cur.state = vmctx.StateDB
			}
			c.curTx = tx
		},
		OnTxEnd: func(r *types.Receipt, err error) {
			c.mu.Lock()
			defer c.mu.Unlock()
			if c.cur != nil && r != nil {
				// No noteRefund here: the counter is reset once the refund is paid out; the
				// top frame's OnExit saw its final value.
				c.done[r.TxHash] = c.cur
				c.txs[r.TxHash] = c.curTx
			}
			c.cur, c.curTx = nil, nil
		},
		OnEnter: func(depth int, typ byte, from, to common.Address, input []byte, gas uint64, value *big.Int) {
			c.mu.Lock()
			defer c.mu.Unlock()
			t := c.cur
			if t == nil {
				return
			}
			g, known := c.groups[to]
			if depth == 0 {
				t.intrinsic = c.curTx.Gas() - gas
				if !known {
					g = groupOwn
				}
				t.stack = append(t.stack, &frame{group: g, costs: map[string]uint64{}})
				return
			}
			parent := t.stack[len(t.stack)-1]
			if !known {
				g = parent.group // precompiles (ecrecover) count for the contract calling them
			}
			// The CALL opcode's cost includes the gas it forwards; what the child does not use
			// comes back. The rest is the call's own overhead, charged to the callee's bucket.
			if parent.pending >= gas {
				t.bucket(g)["call"] += parent.pending - gas
				parent.costs["call"] += parent.pending - gas
			}
			parent.pending = 0
			t.stack = append(t.stack, &frame{group: g, costs: map[string]uint64{}})
		},
		OnExit: func(depth int, output []byte, gasUsed uint64, err error, reverted bool) {
			c.mu.Lock()
			defer c.mu.Unlock()
			t := c.cur
			if t == nil || len(t.stack) == 0 {
				return
			}
			t.noteRefund()
			f := t.stack[len(t.stack)-1]
			t.stack = t.stack[:len(t.stack)-1]
			var seen uint64
			for _, v := range f.costs {
				seen += v
			}
			// Precompiles run no opcodes: their whole cost is the frame's gasUsed. Child frames
			// were accounted for by their own opcodes, so only the remainder is added here.
			if gasUsed > seen {
				t.bucket(f.group)["precompile"] += gasUsed - seen
			}
			if depth == 0 {
				t.exec = gasUsed
			} else {
				// The child's gasUsed counts toward the parent's frame total.
				t.stack[len(t.stack)-1].costs["child"] += gasUsed
			}
		},
		OnOpcode: func(pc uint64, op byte, gas, cost uint64, scope tracing.OpContext, rData []byte, depth int, err error) {
			c.mu.Lock()
			defer c.mu.Unlock()
			t := c.cur
			if t == nil || len(t.stack) == 0 {
				return
			}
			t.noteRefund()
			f := t.stack[len(t.stack)-1]
			t.lastGroup = f.group
			switch vm.OpCode(op) {
			case vm.CALL, vm.STATICCALL, vm.DELEGATECALL, vm.CALLCODE:
				// Booked when the child frame opens (OnEnter): the overhead to the callee's
				// bucket, the forwarded gas by the child's own opcodes.
				f.pending = cost
				return
			}
			kind := opKind(vm.OpCode(op))
			f.costs[kind] += cost
			switch vm.OpCode(op) {
			case vm.EXTCODESIZE, vm.EXTCODEHASH, vm.EXTCODECOPY, vm.BALANCE:
				// Solidity checks a callee's code size before calling it: that first (cold)
				// touch of the callee's account belongs to the call.
				if st := scope.StackData(); len(st) > 0 {
					addr := common.Address(st[len(st)-1].Bytes20())
					if g, ok := c.groups[addr]; ok && g != f.group {
						t.bucket(g)["call"] += cost
						return
					}
				}
			}
			t.bucket(f.group)[kind] += cost
		},
	}
}

func (t *txTrace) bucket(g group) map[string]uint64 {
	m := t.buckets[g]
	if m == nil {
		m = map[string]uint64{}
		t.buckets[g] = m
	}
	return m
}

func opKind(op vm.OpCode) string {
	switch op {
	case vm.SLOAD, vm.SSTORE:
		return "storage"
	case vm.LOG0, vm.LOG1, vm.LOG2, vm.LOG3, vm.LOG4:
		return "events"
	case vm.KECCAK256:
		return "hashing"
	}
	return "other"
}

// breakdownOf returns the breakdown of a mined transaction, checked against its receipt.
func (c *collector) breakdownOf(r *types.Receipt) (breakdown, error) {
	c.mu.Lock()
	t := c.done[r.TxHash]
	tx := c.txs[r.TxHash]
	c.mu.Unlock()
	if t == nil {
		return breakdown{}, fmt.Errorf("gasreport: transaction %s was not traced", r.TxHash)
	}
	b := breakdown{Base: 21_000}
	if t.intrinsic < 21_000 {
		return breakdown{}, fmt.Errorf("gasreport: intrinsic gas %d below 21,000", t.intrinsic)
	}
	b.Calldata = t.intrinsic - 21_000
	if want := calldataGas(tx.Data()); want != b.Calldata {
		return breakdown{}, fmt.Errorf("gasreport: calldata gas %d, expected %d (access list?)", b.Calldata, want)
	}
	sum := func(m map[string]uint64) (s uint64) {
		for _, v := range m {
			s += v
		}
		return s
	}
	for g, m := range t.buckets {
		switch g {
		case groupToken:
			b.Token += sum(m)
		case groupRegistry:
			b.Registry += sum(m)
		default:
			b.Storage += m["storage"]
			b.Events += m["events"]
			b.Hashing += m["hashing"]
			b.Other += m["other"] + m["precompile"] + m["call"]
		}
	}
	if exec := b.Storage + b.Events + b.Hashing + b.Other + b.Token + b.Registry; exec != t.exec {
		return breakdown{}, fmt.Errorf("gasreport: traced opcodes add up to %d, the top frame used %d", exec, t.exec)
	}
	pre := t.intrinsic + t.exec
	// EIP-7623: gasUsed = max(pre - refund, 21000 + 10 per calldata token).
	floor := 21_000 + 10*calldataTokens(tx.Data())
	switch {
	case r.GasUsed > pre && r.GasUsed == floor:
		b.Floor = floor - pre
	case r.GasUsed > pre:
		return breakdown{}, fmt.Errorf("gasreport: receipt gas %d above traced %d", r.GasUsed, pre)
	default:
		b.Refund = pre - r.GasUsed
	}
	for g, v := range t.refunds {
		if v < 0 {
			return breakdown{}, fmt.Errorf("gasreport: negative refund %d", v)
		}
		if g == groupToken {
			b.RefundToken += uint64(v)
		} else {
			b.RefundOwn += uint64(v)
		}
	}
	if b.Floor == 0 && b.RefundToken+b.RefundOwn < b.Refund {
		return breakdown{}, fmt.Errorf("gasreport: refund %d above the counter %d", b.Refund, b.RefundToken+b.RefundOwn)
	}
	if b.Total() != r.GasUsed {
		return breakdown{}, fmt.Errorf("gasreport: breakdown %d != receipt %d", b.Total(), r.GasUsed)
	}
	return b, nil
}

func calldataTokens(data []byte) uint64 {
	var n uint64
	for _, x := range data {
		if x == 0 {
			n++
		} else {
			n += 4
		}
	}
	return n
}

func calldataGas(data []byte) uint64 { return 4 * calldataTokens(data) }
