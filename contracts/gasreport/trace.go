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

// The breakdown of a transaction's gas: every unit of gasUsed lands in exactly one bucket.
// Market buckets are the market's own opcodes; token, registry and rewards buckets hold
// everything spent in calls to those contracts, including the CALL itself (cold account
// access, forwarding) and any precompile they call (ecrecover in permit).
type breakdown struct {
	Base          uint64 // 21,000 per transaction
	Calldata      uint64 // intrinsic calldata gas (EIP-2028: 4 per zero byte, 16 per other byte)
	MarketStorage uint64 // SLOAD and SSTORE in the market (cold and warm access included)
	MarketEvents  uint64 // LOG0..LOG4 in the market
	MarketHashing uint64 // KECCAK256 in the market (record hashes, mapping slots)
	MarketOther   uint64 // the rest of the market's execution: dispatch, ABI decoding, memory, guard
	Token         uint64 // calls into the token (transferFrom, transfer, permit)
	Registry      uint64 // calls into the provider registry (lock, unlock, slash, candidateAt)
	Rewards       uint64 // UptimeRewards' own execution (it is the called contract in claims)
	Refund        uint64 // storage refunds (slots cleared), subtracted from the total
	Floor         uint64 // extra charged when the EIP-7623 calldata floor binds (0 otherwise)
}

// Total is what the receipt says.
func (b breakdown) Total() uint64 {
	return b.Base + b.Calldata + b.MarketStorage + b.MarketEvents + b.MarketHashing + b.MarketOther +
		b.Token + b.Registry + b.Rewards + b.Floor - b.Refund
}

func (b breakdown) add(o breakdown) breakdown {
	return breakdown{
		Base: b.Base + o.Base, Calldata: b.Calldata + o.Calldata,
		MarketStorage: b.MarketStorage + o.MarketStorage, MarketEvents: b.MarketEvents + o.MarketEvents,
		MarketHashing: b.MarketHashing + o.MarketHashing, MarketOther: b.MarketOther + o.MarketOther,
		Token: b.Token + o.Token, Registry: b.Registry + o.Registry, Rewards: b.Rewards + o.Rewards,
		Refund: b.Refund + o.Refund, Floor: b.Floor + o.Floor,
	}
}

type group int

const (
	groupOther group = iota
	groupMarket
	groupToken
	groupRegistry
	groupRewards
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
}

// collector is a live tracer: it sees every transaction the simulated chain imports.
type collector struct {
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
	collectors[id] = col
	collectorsMu.Unlock()
	return col, func(_ *node.Config, eth *ethconfig.Config) {
		eth.VMTrace = tracerName
		eth.VMTraceJsonConfig = fmt.Sprintf(`{"id":%d}`, id)
	}
}

func (c *collector) setGroups(market, token, registry, rewards common.Address) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.groups[market] = groupMarket
	c.groups[token] = groupToken
	c.groups[registry] = groupRegistry
	c.groups[rewards] = groupRewards
}

func (c *collector) hooks() *tracing.Hooks {
	return &tracing.Hooks{
		OnTxStart: func(_ *tracing.VMContext, tx *types.Transaction, _ common.Address) {
			c.mu.Lock()
			defer c.mu.Unlock()
			c.cur = &txTrace{buckets: map[group]map[string]uint64{}}
			c.curTx = tx
		},
		OnTxEnd: func(r *types.Receipt, err error) {
			c.mu.Lock()
			defer c.mu.Unlock()
			if c.cur != nil && r != nil {
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
					g = groupOther
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
			f := t.stack[len(t.stack)-1]
			switch vm.OpCode(op) {
			case vm.CALL, vm.STATICCALL, vm.DELEGATECALL, vm.CALLCODE:
				// Booked when the child frame opens (OnEnter): the overhead to the callee's
				// bucket, the forwarded gas by the child's own opcodes.
				f.pending = cost
				return
			}
			kind := opKind(vm.OpCode(op))
			f.costs[kind] += cost
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
		case groupMarket:
			b.MarketStorage += m["storage"]
			b.MarketEvents += m["events"]
			b.MarketHashing += m["hashing"]
			b.MarketOther += m["other"] + m["precompile"] + m["call"]
		case groupToken:
			b.Token += sum(m)
		case groupRegistry:
			b.Registry += sum(m)
		case groupRewards:
			b.Rewards += sum(m)
		default:
			b.MarketOther += sum(m)
		}
	}
	exec := b.MarketStorage + b.MarketEvents + b.MarketHashing + b.MarketOther + b.Token + b.Registry + b.Rewards
	if exec != t.exec {
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
