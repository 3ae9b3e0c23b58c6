package txmgr

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/chain/revertdata"
)

// tracker is the driver's state for one journaled request.
type tracker struct {
	fl  *flight
	rec *record
	txs []*types.Transaction // rec.Attempts decoded; the last is the one broadcast

	sent       bool      // the latest attempt was accepted by the node (or it already had it)
	counted    bool      // TxSent was reported
	maybeSent  bool      // some attempt may have reached a node: the request can no longer be dropped
	lastSigned time.Time // when the latest attempt was signed (or the request resumed)
	needBump   bool      // the node wants higher fees before it takes the transaction
	checkNonce bool      // the node said "nonce too low": reconcile now

	included *types.Receipt // the canonical receipt last seen
	confs    uint64
	foreign  int             // consecutive checks that found the nonce used by a transaction not ours
	stall    *finality.Stall // under a tag rule: tells a chain that does not finalize
	failures int             // consecutive steps that hit RPC errors, for backoff
}

func (st *tracker) latest() *types.Transaction { return st.txs[len(st.txs)-1] }

// drive runs one journaled request until it is confirmed, dropped, or the manager stops.
func (m *Manager) drive(st *tracker) {
	defer m.wg.Done()
	for {
		done, err := m.step(st)
		if done {
			return
		}
		wait := m.cfg.PollInterval
		if err != nil {
			st.failures++
			wait = min(wait<<min(st.failures, 3), m.cfg.ResubmitAfter)
			m.log.Debug("step failed", "id", st.rec.ID, "nonce", st.rec.Nonce, "err", err)
		} else {
			st.failures = 0
		}
		select {
		case <-m.ctx.Done():
			m.land(st.fl, nil, fmt.Errorf("%w: request %q (nonce %d) stays journaled", ErrStopped, st.rec.ID, st.rec.Nonce))
			return
		case <-m.cfg.Clock.After(wait):
		}
	}
}

// step advances a request once: broadcast if needed, look for a receipt, then confirm it,
// bump, rebroadcast or reconcile its nonce. It reports whether the request has landed, and an
// RPC error that made it give up this round.
func (m *Manager) step(st *tracker) (bool, error) {
	if st.needBump {
		if done, err := m.bump(st); done || err != nil {
			return done, err
		}
	}
	if !st.sent {
		if done, err := m.broadcast(st); done || err != nil {
			return done, err
		}
	}
	r, err := m.findReceipt(st)
	if err != nil {
		return false, err
	}
	if r != nil {
		return m.confirm(st, r)
	}
	if st.included != nil {
		m.log.Warn("transaction reorged out", "id", st.rec.ID, "tx", st.included.TxHash, "block", st.included.BlockNumber)
		st.fl.emit(Progress{Stage: StageReorged, Nonce: st.rec.Nonce, Tx: st.included.TxHash, Block: st.included.BlockNumber.Uint64()})
		st.included, st.confs, st.sent = nil, 0, false
		st.lastSigned = m.cfg.Clock.Now()
		return false, nil
	}
	if !st.checkNonce && m.cfg.Clock.Now().Sub(st.lastSigned) < m.cfg.ResubmitAfter {
		return false, nil
	}
	return m.unstick(st)
}

// broadcast sends the latest attempt and acts on the node's answer.
func (m *Manager) broadcast(st *tracker) (bool, error) {
	tx := st.latest()
	err := m.call(func(ctx context.Context) error { return m.cfg.Client.SendTransaction(ctx, tx) })
	c := classify(err)
	if err == nil || c == classKnown {
		st.sent, st.maybeSent = true, true
		if !st.counted {
			st.counted = true
			m.cfg.Metrics.TxSent()
		}
		st.fl.emit(Progress{Stage: StageSent, Nonce: tx.Nonce(), Tx: tx.Hash()})
		m.log.Debug("sent", "id", st.rec.ID, "nonce", tx.Nonce(), "tx", tx.Hash())
		return false, nil
	}
	if m.ctx.Err() != nil {
		return false, err
	}
	switch c {
	case classNonceTooLow:
		// Something was mined at this nonce; the receipts tell whether it was ours.
		st.sent, st.maybeSent, st.checkNonce = true, true, true
		return false, nil
	case classReplaceUnderpriced:
		st.maybeSent, st.needBump = true, true
		return false, err
	case classFeeTooLow:
		st.needBump = true
		return false, err
	case classRejected:
		if !st.maybeSent && m.drop(st) {
			m.log.Warn("transaction rejected; request dropped", "id", st.rec.ID, "nonce", tx.Nonce(), "err", err)
			m.cfg.Metrics.TxFailed()
			m.land(st.fl, nil, fmt.Errorf("%w: request %q: %w", ErrRejected, st.rec.ID, err))
			return true, nil
		}
		m.log.Error("transaction rejected; retrying", "id", st.rec.ID, "nonce", tx.Nonce(), "err", err)
		return false, err
	default: // transient or unknown: the node may have it; try again later
		st.maybeSent = true
		return false, err
	}
}

// drop forgets a request none of whose attempts can have been broadcast, releasing its nonce,
// but only when no later nonce has been assigned, so that dropping never leaves a gap.
func (m *Manager) drop(st *tracker) bool {
	m.nonceMu.Lock()
	defer m.nonceMu.Unlock()
	if !m.nonceKnown || m.nextNonce != st.rec.Nonce+1 {
		return false
	}
	if err := m.journal.remove(st.rec); err != nil {
		m.log.Error("journal", "err", err)
		return false
	}
	m.nextNonce = st.rec.Nonce
	return true
}

// findReceipt returns the canonical receipt of any attempt, nil when there is none, or an
// error when the node could not tell.
func (m *Manager) findReceipt(st *tracker) (*types.Receipt, error) {
	var unsure error
	for i := len(st.txs) - 1; i >= 0; i-- {
		var r *types.Receipt
		err := m.call(func(ctx context.Context) (err error) {
			r, err = m.cfg.Client.TransactionReceipt(ctx, st.txs[i].Hash())
			return err
		})
		if errors.Is(err, ethereum.NotFound) {
			continue
		}
		if err != nil {
			unsure = err
			continue
		}
		if r == nil || r.BlockNumber == nil {
			unsure = errors.New("receipt without block")
			continue
		}
		// A node mid-reorg may serve a receipt from a block no longer canonical.
		var h *types.Header
		err = m.call(func(ctx context.Context) (err error) {
			h, err = m.cfg.Client.HeaderByNumber(ctx, r.BlockNumber)
			return err
		})
		if err != nil { // NotFound too: a node whose head lags its receipts
			unsure = err
			continue
		}
		if h.Hash() != r.BlockHash {
			unsure = fmt.Errorf("receipt of %s is from block %s, not canonical", r.TxHash, r.BlockHash)
			continue
		}
		return r, nil
	}
	return nil, unsure
}

// confirm follows a receipt to the confirmation depth.
func (m *Manager) confirm(st *tracker, r *types.Receipt) (bool, error) {
	block := r.BlockNumber.Uint64()
	if st.included == nil || st.included.BlockHash != r.BlockHash {
		st.included, st.confs = r, 0
		st.fl.emit(Progress{Stage: StageIncluded, Nonce: st.rec.Nonce, Tx: r.TxHash, Block: block})
	}
	st.sent, st.checkNonce, st.needBump, st.foreign = true, false, false, 0
	if !m.cfg.Finality.IsDepth() {
		return m.confirmByTag(st, r)
	}
	var head uint64
	err := m.call(func(ctx context.Context) (err error) {
		head, err = m.cfg.Client.BlockNumber(ctx)
		return err
	})
	if err != nil {
		return false, err
	}
	var confs uint64
	if head >= block {
		confs = head - block + 1
	}
	if confs > st.confs {
		st.confs = confs
		st.fl.emit(Progress{Stage: StageConfirmations, Nonce: st.rec.Nonce, Tx: r.TxHash, Block: block,
			Confirmations: min(confs, m.cfg.Confirmations), Depth: m.cfg.Confirmations})
	}
	if confs < m.cfg.Confirmations {
		return false, nil
	}
	return true, m.finish(st, r)
}

// confirmByTag lands a receipt once the block the node names by the finality tag ("safe",
// "finalized") reaches the receipt's block: on Filecoin, F3 or the 900-epoch fallback.
func (m *Manager) confirmByTag(st *tracker, r *types.Receipt) (bool, error) {
	block := r.BlockNumber.Uint64()
	var (
		final uint64
		ok    bool
	)
	err := m.call(func(ctx context.Context) (err error) {
		final, ok, err = m.final.Final(ctx)
		return err
	})
	if err != nil {
		return false, err
	}
	if !ok || final < block {
		// A chain that does not finalize would keep this request waiting forever: tell the
		// caller instead. The request stays journaled (it is mined); the next run resumes it.
		var head uint64
		if err := m.call(func(ctx context.Context) (err error) {
			head, err = m.cfg.Client.BlockNumber(ctx)
			return err
		}); err != nil {
			return false, err
		}
		if st.stall == nil {
			st.stall = &finality.Stall{Rule: m.cfg.Finality, StallTime: m.cfg.FinalityStall}
		}
		if err := st.stall.Observe(m.cfg.Clock.Now(), head, final, ok); err != nil {
			m.log.Warn("the chain does not finalize; stopped waiting", "id", st.rec.ID, "tx", r.TxHash, "block", block, "err", err)
			m.land(st.fl, nil, fmt.Errorf("request %q: tx %s in block %d, which the %s block does not reach: %w (it stays journaled: the next run for this account waits for it again)",
				st.rec.ID, r.TxHash, block, m.cfg.Finality.Tag, err))
			return true, nil
		}
		// st.confs keeps the last final block reported, plus one: each advance is told once.
		if ok && final+1 > st.confs {
			st.confs = final + 1
			st.fl.emit(Progress{Stage: StageConfirmations, Nonce: st.rec.Nonce, Tx: r.TxHash, Block: block,
				Tag: m.cfg.Finality.Tag, Final: final})
		}
		return false, nil
	}
	return true, m.finish(st, r)
}

// finish records a confirmed receipt and lands the request.
func (m *Manager) finish(st *tracker, r *types.Receipt) error {
	rec := *st.rec
	rec.Receipt = r
	if r.Status != types.ReceiptStatusSuccessful {
		rec.Revert, rec.RevertMsg = m.replay(st, r)
	}
	if err := m.journal.finish(&rec, m.cfg.History); err != nil {
		// The request stays live in the journal; the next Start finds the receipt again.
		m.log.Error("journal: cannot record outcome", "id", rec.ID, "err", err)
	}
	*st.rec = rec
	fee := new(big.Int)
	if r.EffectiveGasPrice != nil {
		fee.Mul(r.EffectiveGasPrice, new(big.Int).SetUint64(r.GasUsed))
	}
	if r.Status == types.ReceiptStatusSuccessful {
		m.cfg.Metrics.TxConfirmed(r.GasUsed, fee)
	} else {
		m.cfg.Metrics.TxFailed()
	}
	st.fl.emit(Progress{Stage: StageConfirmed, Nonce: st.rec.Nonce, Tx: r.TxHash, Block: r.BlockNumber.Uint64()})
	m.log.Debug("confirmed", "id", rec.ID, "tx", r.TxHash, "block", r.BlockNumber, "status", r.Status)
	m.land(st.fl, r, rec.outcomeErr(m.cfg.RevertDecoder))
	return nil
}

// replay re-executes a failed transaction's call on the state of its block to recover the
// revert data: the receipt does not carry it. The state after the block is the closest a
// plain eth_call gets to the state the transaction saw.
func (m *Manager) replay(st *tracker, r *types.Receipt) ([]byte, string) {
	var tx = st.latest()
	for _, t := range st.txs {
		if t.Hash() == r.TxHash {
			tx = t
		}
	}
	call := ethereum.CallMsg{From: m.cfg.From, To: tx.To(), Gas: tx.Gas(), Value: tx.Value(), Data: tx.Data()}
	err := m.retry(m.ctx, "replay", func(ctx context.Context) error {
		_, err := m.cfg.Client.CallContract(ctx, call, r.BlockNumber)
		return err
	})
	if err == nil {
		return nil, "the call succeeds when replayed"
	}
	if data := revertData(err); len(data) > 0 {
		return data, ""
	}
	return nil, err.Error()
}

// revertData extracts the revert data an RPC error carries (any node's shape: revertdata.Data).
func revertData(err error) []byte {
	data, _ := revertdata.Data(err)
	return data
}

// unstick handles a transaction unmined for ResubmitAfter, or a "nonce too low": bump it when
// it is the next nonce to mine, rebroadcast it when an earlier nonce is in the way, and
// re-sign the request on a fresh nonce only when another transaction took this one for good.
func (m *Manager) unstick(st *tracker) (bool, error) {
	var chainNonce uint64
	err := m.call(func(ctx context.Context) (err error) {
		chainNonce, err = m.cfg.Client.NonceAt(ctx, m.cfg.From, nil)
		return err
	})
	if err != nil {
		return false, err
	}
	switch {
	case chainNonce < st.rec.Nonce: // an earlier nonce is pending: keep ours in the pool
		st.sent, st.checkNonce = false, false
		st.lastSigned = m.cfg.Clock.Now()
		return m.broadcast(st)
	case chainNonce == st.rec.Nonce: // ours is next and the block builders pass it over
		st.checkNonce = false
		if m.cfg.Clock.Now().Sub(st.lastSigned) < m.cfg.ResubmitAfter {
			return false, nil
		}
		return m.bump(st)
	}
	// The nonce is used. Ours, if its receipt is just late; someone else's otherwise. Only a
	// transaction at or below the final block (Config.Finality), with no receipt for any of
	// our attempts after it, on two separate checks, proves that none of ours can be mined
	// any more.
	var (
		final uint64
		ok    bool
	)
	err = m.call(func(ctx context.Context) (err error) {
		final, ok, err = m.final.Final(ctx)
		return err
	})
	if err != nil {
		return false, err
	}
	if !ok {
		return false, nil
	}
	var settled uint64
	err = m.call(func(ctx context.Context) (err error) {
		settled, err = m.cfg.Client.NonceAt(ctx, m.cfg.From, new(big.Int).SetUint64(final))
		return err
	})
	if err != nil {
		return false, err
	}
	if settled <= st.rec.Nonce {
		return false, nil // not deep enough yet
	}
	r, err := m.findReceipt(st)
	if err != nil {
		return false, err
	}
	if r != nil {
		return m.confirm(st, r)
	}
	st.foreign++
	if st.foreign < 2 {
		return false, nil
	}
	old := st.rec.Nonce
	f, head2, err := m.marketFees(m.ctx)
	if err != nil {
		return false, err
	}
	if f, err = capFees(f, head2.BaseFee, m.cfg.MaxFeePerGas); err != nil {
		return false, err
	}
	tx, err := m.signNew(m.ctx, st.rec, st.latest().Gas(), f, &old)
	if err != nil {
		return false, err
	}
	m.log.Warn("nonce taken by a transaction not ours; request re-signed", "id", st.rec.ID, "old", old, "nonce", tx.Nonce())
	st.txs = append(st.txs, tx)
	st.sent, st.checkNonce, st.foreign = false, false, 0
	st.lastSigned = m.cfg.Clock.Now()
	st.fl.emit(Progress{Stage: StageSigned, Nonce: tx.Nonce(), Tx: tx.Hash()})
	return m.broadcast(st)
}

// bump re-signs the latest attempt's nonce with higher fees, journals and broadcasts it.
func (m *Manager) bump(st *tracker) (bool, error) {
	market, _, err := m.marketFees(m.ctx)
	if err != nil {
		return false, err
	}
	old := st.latest()
	f, err := bumpFees(feesOf(old), market, m.cfg.FeeBumpPercent, m.cfg.MaxFeePerGas)
	if errors.Is(err, ErrFeeCapExceeded) {
		// The cap is the operator's decision: keep the current attempt and wait. Failing the
		// request would leave its nonce in flight and every later request behind it.
		st.needBump = false
		st.lastSigned = m.cfg.Clock.Now()
		m.log.Warn("fee cap reached; not bumping", "id", st.rec.ID, "nonce", old.Nonce(), "fees", feesOf(old), "cap", m.cfg.MaxFeePerGas)
		st.fl.emit(Progress{Stage: StageFeeCapReached, Nonce: old.Nonce(), Tx: old.Hash()})
		return false, nil
	}
	if err != nil {
		return false, err
	}
	tx, err := m.signReplacement(m.ctx, st.rec, old, f)
	if err != nil {
		return false, err
	}
	st.txs = append(st.txs, tx)
	st.needBump, st.sent = false, false
	st.lastSigned = m.cfg.Clock.Now()
	m.cfg.Metrics.TxBumped()
	m.log.Info("fee bump", "id", st.rec.ID, "nonce", tx.Nonce(), "old", old.Hash(), "new", tx.Hash(), "fees", f)
	st.fl.emit(Progress{Stage: StageBumped, Nonce: tx.Nonce(), Tx: tx.Hash(), Replaced: old.Hash()})
	return m.broadcast(st)
}
