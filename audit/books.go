package audit

import (
	"context"
	"fmt"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/logscan"
	"github.com/brine-compute/brine/deploy"
)

// Reader is what an audit needs from a chain connection (an *ethclient.Client has it all).
type Reader interface {
	ethereum.LogFilterer
	bind.ContractCaller
	BlockNumber(ctx context.Context) (uint64, error)
}

// Line is one side of one equation: a named amount.
type Line struct {
	Name   string   `json:"name"`
	Amount *big.Int `json:"amount"`
}

// Ledger is one contract's inequation: Holdings must cover the sum of Owed. Holdings above it
// are a surplus (tokens sent straight to the contract, owed to nobody); below it, a shortfall.
type Ledger struct {
	Contract string         `json:"contract"`
	Address  common.Address `json:"address"`
	Holdings *big.Int       `json:"holdings"` // token.balanceOf(contract)
	Owed     []Line         `json:"owed"`
	// Swept is the surplus credited to the treasury so far (JobMarket's SurplusSwept events;
	// nil for the other contracts, which cannot sweep). Already part of "treasury accrued".
	Swept *big.Int `json:"swept,omitempty"`
	// Mismatches lists cross-checks between events and state that failed (empty when fine).
	Mismatches []string `json:"mismatches,omitempty"`
}

// OwedTotal is the sum of the Owed lines.
func (l Ledger) OwedTotal() *big.Int {
	t := new(big.Int)
	for _, o := range l.Owed {
		t.Add(t, o.Amount)
	}
	return t
}

// Surplus is what the contract holds beyond what it owes (zero when it holds no more).
func (l Ledger) Surplus() *big.Int {
	d := new(big.Int).Sub(l.Holdings, l.OwedTotal())
	if d.Sign() < 0 {
		return new(big.Int)
	}
	return d
}

// Shortfall is what the contract owes beyond what it holds (zero when its holdings cover it).
func (l Ledger) Shortfall() *big.Int {
	d := new(big.Int).Sub(l.OwedTotal(), l.Holdings)
	if d.Sign() < 0 {
		return new(big.Int)
	}
	return d
}

// Balanced reports whether the holdings cover what is owed (holdings >= owed: a surplus is
// balanced, it is owed to nobody) and every cross-check passed.
func (l Ledger) Balanced() bool {
	return l.Shortfall().Sign() == 0 && len(l.Mismatches) == 0
}

// Report is the result of an audit at one block.
type Report struct {
	Block          uint64   `json:"block"`
	Ledgers        []Ledger `json:"ledgers"`
	LiveJobs       int      `json:"liveJobs"`
	OpenChallenges int      `json:"openChallenges"`
}

// Surplus is the sum of the ledgers' surpluses.
func (r *Report) Surplus() *big.Int {
	t := new(big.Int)
	for _, l := range r.Ledgers {
		t.Add(t, l.Surplus())
	}
	return t
}

// Shortfall is the sum of the ledgers' shortfalls.
func (r *Report) Shortfall() *big.Int {
	t := new(big.Int)
	for _, l := range r.Ledgers {
		t.Add(t, l.Shortfall())
	}
	return t
}

// Balanced reports whether every ledger balances (holdings cover what is owed, cross-checks pass).
func (r *Report) Balanced() bool {
	for _, l := range r.Ledgers {
		if !l.Balanced() {
			return false
		}
	}
	return true
}

// LogSource returns the logs of the given contracts in blocks from..to, in chain order:
// FetchLogs reads them from the chain, an index (index.DB.Logs) from its database.
type LogSource func(ctx context.Context, contracts []common.Address, from, to uint64) ([]types.Log, error)

// Check audits the deployment at block `at` (0 = the latest block), its history read from
// the chain.
func Check(ctx context.Context, r Reader, addrs deploy.Addresses, at uint64) (*Report, error) {
	return CheckFrom(ctx, r, addrs, at, nil)
}

// CheckFrom is Check with the history read from logs (nil: the chain): state is always read
// from the chain at `at`, so only where the events come from differs.
func CheckFrom(ctx context.Context, r Reader, addrs deploy.Addresses, at uint64, logs LogSource) (*Report, error) {
	if at == 0 {
		n, err := r.BlockNumber(ctx)
		if err != nil {
			return nil, fmt.Errorf("audit: latest block: %w", err)
		}
		at = n
	}
	if logs == nil {
		logs = func(ctx context.Context, contracts []common.Address, from, to uint64) ([]types.Log, error) {
			return FetchLogs(ctx, r, contracts, from, to)
		}
	}
	history, err := logs(ctx, []common.Address{addrs.Market, addrs.Registry, addrs.Rewards}, addrs.Block, at)
	if err != nil {
		return nil, err
	}
	a := auditor{ctx: ctx, r: r, addrs: addrs, opts: &bind.CallOpts{Context: ctx, BlockNumber: new(big.Int).SetUint64(at)}}
	rep := &Report{Block: at}
	market, live, open, err := a.market(history)
	if err != nil {
		return nil, err
	}
	registry, err := a.registry(history)
	if err != nil {
		return nil, err
	}
	rewards, err := a.rewards(history)
	if err != nil {
		return nil, err
	}
	rep.Ledgers = []Ledger{market, registry, rewards}
	rep.LiveJobs, rep.OpenChallenges = live, open
	return rep, nil
}

// FetchLogs returns the logs of the given contracts in [from, to], in chain order, paged by
// logscan (bounded requests, shrunk when the node says they were too big).
func FetchLogs(ctx context.Context, r ethereum.LogFilterer, contracts []common.Address, from, to uint64) ([]types.Log, error) {
	scan, err := logscan.New(logscan.Config{Client: r})
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	out, err := scan.All(ctx, ethereum.FilterQuery{Addresses: contracts}, from, to)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	return out, nil
}

type auditor struct {
	ctx   context.Context
	r     Reader
	addrs deploy.Addresses
	opts  *bind.CallOpts
}

func (a *auditor) tokenBalance(of common.Address) (*big.Int, error) {
	tok := bindings.NewBrineToken()
	inst, err := a.bound(&bindings.BrineTokenMetaData, a.addrs.Token)
	if err != nil {
		return nil, err
	}
	v, err := bind.Call(inst, a.opts, tok.PackBalanceOf(of), tok.UnpackBalanceOf)
	if err != nil {
		return nil, fmt.Errorf("audit: token balance of %s: %w", of, err)
	}
	return v, nil
}

// bound returns a call-only handle on a contract.
func (a *auditor) bound(md *bind.MetaData, addr common.Address) (*bind.BoundContract, error) {
	parsed, err := md.ParseABI()
	if err != nil {
		return nil, err
	}
	return bind.NewBoundContract(addr, *parsed, a.r, nil, nil), nil
}

func (a *auditor) market(logs []types.Log) (Ledger, int, int, error) {
	m := bindings.NewJobMarket()
	escrow := map[string]*big.Int{} // live job ID -> payment
	bonds := map[string]*big.Int{}  // job ID -> open bonds (challenge and appeal)
	credited := map[common.Address]*big.Int{}
	var treasuryByEvents = new(big.Int)
	swept := new(big.Int)
	add := func(acc common.Address, v *big.Int) {
		if credited[acc] == nil {
			credited[acc] = new(big.Int)
		}
		credited[acc].Add(credited[acc], v)
	}
	for i := range logs {
		l := &logs[i]
		if l.Address != a.addrs.Market || len(l.Topics) == 0 {
			continue
		}
		if ev, err := m.UnpackJobPostedEvent(l); err == nil {
			escrow[ev.Id.String()] = ev.Job.Payment
		} else if ev, err := m.UnpackJobFinalizedEvent(l); err == nil {
			delete(escrow, ev.Id.String())
		} else if ev, err := m.UnpackJobReclaimedEvent(l); err == nil {
			delete(escrow, ev.Id.String())
		} else if ev, err := m.UnpackJobTimedOutEvent(l); err == nil {
			delete(escrow, ev.Id.String())
		} else if ev, err := m.UnpackReplicasResolvedEvent(l); err == nil {
			if !ev.Agreed {
				delete(escrow, ev.Id.String())
			}
		} else if ev, err := m.UnpackChallengeOpenedEvent(l); err == nil {
			bonds[ev.Id.String()] = ev.Bond
		} else if ev, err := m.UnpackAppealOpenedEvent(l); err == nil {
			// The appeal bond is held with the challenge's until the challenge resolves.
			if b := bonds[ev.Id.String()]; b != nil {
				bonds[ev.Id.String()] = new(big.Int).Add(b, ev.Bond)
			} else {
				bonds[ev.Id.String()] = ev.Bond
			}
		} else if ev, err := m.UnpackChallengeResolvedEvent(l); err == nil {
			delete(bonds, ev.Id.String())
			if ev.Outcome == OutcomeUpheld {
				delete(escrow, ev.Id.String())
			}
		} else if ev, err := m.UnpackCreditedEvent(l); err == nil {
			add(ev.Account, ev.Amount)
		} else if ev, err := m.UnpackWithdrawnEvent(l); err == nil {
			add(ev.Account, new(big.Int).Neg(ev.Amount))
		} else if ev, err := m.UnpackTreasuryCreditedEvent(l); err == nil {
			// Fees, slashed leftovers and swept surpluses (each SurplusSwept is followed by
			// a TreasuryCredited of the same amount).
			treasuryByEvents.Add(treasuryByEvents, ev.Amount)
		} else if ev, err := m.UnpackSurplusSweptEvent(l); err == nil {
			swept.Add(swept, ev.Amount)
		} else if ev, err := m.UnpackFeesWithdrawnEvent(l); err == nil {
			treasuryByEvents.Sub(treasuryByEvents, ev.Amount)
		}
	}
	led := Ledger{Contract: "JobMarket", Address: a.addrs.Market, Swept: swept}
	var err error
	if led.Holdings, err = a.tokenBalance(a.addrs.Market); err != nil {
		return led, 0, 0, err
	}
	inst, err := a.bound(&bindings.JobMarketMetaData, a.addrs.Market)
	if err != nil {
		return led, 0, 0, err
	}
	balances := new(big.Int)
	for _, acc := range sortedAccounts(credited) {
		v, err := bind.Call(inst, a.opts, m.PackBalances(acc), m.UnpackBalances)
		if err != nil {
			return led, 0, 0, fmt.Errorf("audit: market balance of %s: %w", acc, err)
		}
		if v.Cmp(credited[acc]) != 0 {
			led.Mismatches = append(led.Mismatches, fmt.Sprintf("balance of %s is %s but its Credited−Withdrawn events sum to %s", acc, v, credited[acc]))
		}
		balances.Add(balances, v)
	}
	treasury, err := bind.Call(inst, a.opts, m.PackTreasuryAccrued(), m.UnpackTreasuryAccrued)
	if err != nil {
		return led, 0, 0, fmt.Errorf("audit: treasuryAccrued: %w", err)
	}
	if treasury.Cmp(treasuryByEvents) != 0 {
		led.Mismatches = append(led.Mismatches, fmt.Sprintf("treasuryAccrued is %s but TreasuryCredited−FeesWithdrawn events sum to %s", treasury, treasuryByEvents))
	}
	// Every job the events call live must still have its record hash on chain, and vice versa
	// for the IDs the events know about.
	for id := range escrow {
		n, _ := new(big.Int).SetString(id, 10)
		h, err := bind.Call(inst, a.opts, m.PackJobHash(n), m.UnpackJobHash)
		if err != nil {
			return led, 0, 0, fmt.Errorf("audit: jobHash(%s): %w", id, err)
		}
		if h == ([32]byte{}) {
			led.Mismatches = append(led.Mismatches, fmt.Sprintf("job %s is live by its events but has no record on chain", id))
		}
	}
	led.Owed = []Line{
		{Name: "escrowed payments of live jobs", Amount: sum(escrow)},
		{Name: "open challenge bonds", Amount: sum(bonds)},
		{Name: "credited balances", Amount: balances},
		{Name: "treasury accrued", Amount: treasury},
	}
	// The market keeps its own running total of the same obligations (what sweepSurplus
	// trusts); it must agree with the recomputation.
	owed, err := bind.Call(inst, a.opts, m.PackOwed(), m.UnpackOwed)
	if err != nil {
		return led, 0, 0, fmt.Errorf("audit: owed: %w", err)
	}
	if total := led.OwedTotal(); owed.Cmp(total) != 0 {
		led.Mismatches = append(led.Mismatches, fmt.Sprintf("the market's owed() is %s but escrows, bonds, balances and treasury sum to %s", owed, total))
	}
	return led, len(escrow), len(bonds), nil
}

func (a *auditor) registry(logs []types.Log) (Ledger, error) {
	reg := bindings.NewProviderRegistry()
	providers := map[common.Address]bool{}
	for i := range logs {
		l := &logs[i]
		if l.Address != a.addrs.Registry {
			continue
		}
		if ev, err := reg.UnpackStakedEvent(l); err == nil {
			providers[ev.Provider] = true
		}
	}
	led := Ledger{Contract: "ProviderRegistry", Address: a.addrs.Registry}
	var err error
	if led.Holdings, err = a.tokenBalance(a.addrs.Registry); err != nil {
		return led, err
	}
	inst, err := a.bound(&bindings.ProviderRegistryMetaData, a.addrs.Registry)
	if err != nil {
		return led, err
	}
	staked, unbonding := new(big.Int), new(big.Int)
	for _, p := range sortedKeys(providers) {
		info, err := bind.Call(inst, a.opts, reg.PackProviderInfo(p), reg.UnpackProviderInfo)
		if err != nil {
			return led, fmt.Errorf("audit: providerInfo(%s): %w", p, err)
		}
		if info.Locked.Cmp(info.Staked) > 0 {
			led.Mismatches = append(led.Mismatches, fmt.Sprintf("provider %s has %s locked but only %s staked", p, info.Locked, info.Staked))
		}
		staked.Add(staked, info.Staked)
		unbonding.Add(unbonding, info.Unbonding)
	}
	led.Owed = []Line{
		{Name: "staked", Amount: staked},
		{Name: "unbonding", Amount: unbonding},
	}
	return led, nil
}

func (a *auditor) rewards(logs []types.Log) (Ledger, error) {
	rw := bindings.NewUptimeRewards()
	funded := map[uint64]*big.Int{}
	paid := map[uint64]*big.Int{}
	bump := func(m map[uint64]*big.Int, e uint64, v *big.Int) {
		if m[e] == nil {
			m[e] = new(big.Int)
		}
		m[e].Add(m[e], v)
	}
	for i := range logs {
		l := &logs[i]
		if l.Address != a.addrs.Rewards {
			continue
		}
		if ev, err := rw.UnpackFundedEvent(l); err == nil {
			bump(funded, ev.Epoch, ev.Amount)
		} else if ev, err := rw.UnpackRewardClaimedEvent(l); err == nil {
			bump(paid, ev.Epoch, ev.Amount)
		} else if ev, err := rw.UnpackRolledOverEvent(l); err == nil {
			// The leftover left its epoch; the Funded event of the receiving epoch adds it there.
			bump(funded, ev.Epoch, new(big.Int).Neg(ev.Amount))
		}
	}
	led := Ledger{Contract: "UptimeRewards", Address: a.addrs.Rewards}
	var err error
	if led.Holdings, err = a.tokenBalance(a.addrs.Rewards); err != nil {
		return led, err
	}
	inst, err := a.bound(&bindings.UptimeRewardsMetaData, a.addrs.Rewards)
	if err != nil {
		return led, err
	}
	budget, claimed := new(big.Int), new(big.Int)
	epochs := map[uint64]bool{}
	for e := range funded {
		epochs[e] = true
	}
	for e := range paid {
		epochs[e] = true
	}
	keys := make([]uint64, 0, len(epochs))
	for e := range epochs {
		keys = append(keys, e)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, e := range keys {
		info, err := bind.Call(inst, a.opts, rw.PackEpochInfo(e), rw.UnpackEpochInfo)
		if err != nil {
			return led, fmt.Errorf("audit: epochInfo(%d): %w", e, err)
		}
		if f := orZero(funded[e]); info.Budget.Cmp(f) != 0 {
			led.Mismatches = append(led.Mismatches, fmt.Sprintf("epoch %d budget is %s but Funded−RolledOver events sum to %s", e, info.Budget, f))
		}
		if p := orZero(paid[e]); info.Paid.Cmp(p) != 0 {
			led.Mismatches = append(led.Mismatches, fmt.Sprintf("epoch %d paid is %s but RewardClaimed events sum to %s", e, info.Paid, p))
		}
		if info.Paid.Cmp(info.Budget) > 0 {
			led.Mismatches = append(led.Mismatches, fmt.Sprintf("epoch %d paid %s, more than its budget %s", e, info.Paid, info.Budget))
		}
		budget.Add(budget, info.Budget)
		claimed.Add(claimed, info.Paid)
	}
	led.Owed = []Line{
		{Name: "funded budgets", Amount: budget},
		{Name: "claimed", Amount: new(big.Int).Neg(claimed)},
	}
	return led, nil
}

// OutcomeUpheld is JobMarket.Outcome.Upheld.
const OutcomeUpheld = 1

func sum(m map[string]*big.Int) *big.Int {
	t := new(big.Int)
	for _, v := range m {
		t.Add(t, v)
	}
	return t
}

func orZero(v *big.Int) *big.Int {
	if v == nil {
		return new(big.Int)
	}
	return v
}

func sortedAccounts(m map[common.Address]*big.Int) []common.Address {
	out := make([]common.Address, 0, len(m))
	for a := range m {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Cmp(out[j]) < 0 })
	return out
}

func sortedKeys(m map[common.Address]bool) []common.Address {
	out := make([]common.Address, 0, len(m))
	for a := range m {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Cmp(out[j]) < 0 })
	return out
}
