package txmgr

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/params"

	"github.com/brine-compute/brine/chain/finality"
	"github.com/brine-compute/brine/chain/revertdata"
)

// Manager sends transactions from one wallet. Safe for concurrent use.
type Manager struct {
	cfg   Config
	log   *slog.Logger
	final finality.Source // the highest block whose receipts count, by cfg.Finality

	mu      sync.Mutex // guards the fields below
	running bool
	journal *journal
	flights map[string]*flight // requests being prepared or driven, by ID
	ctx     context.Context    // cancelled by Stop
	cancel  context.CancelFunc
	wg      sync.WaitGroup // one per flight

	resumed []Request // what the latest Start resumed, in nonce order

	nonceMu    sync.Mutex // held from nonce assignment until the signed transaction is journaled
	nextNonce  uint64
	nonceKnown bool

	// testHookJournaled, if set, runs after a new request is journaled and before its first
	// broadcast; returning true simulates a crash at that point.
	testHookJournaled func(id string) bool
}

// flight is one request the manager is working on. Every Send of its ID waits on done.
type flight struct {
	id   string
	req  Request // without Progress
	done chan struct{}

	receipt *types.Receipt // set before done closes
	err     error

	pmu      sync.Mutex
	watchers []func(Progress)
}

func newFlight(req Request) *flight {
	fl := &flight{id: req.ID, req: req, done: make(chan struct{})}
	fl.req.Progress = nil
	fl.watch(req.Progress)
	return fl
}

func (fl *flight) watch(f func(Progress)) {
	if f == nil {
		return
	}
	fl.pmu.Lock()
	fl.watchers = append(fl.watchers, f)
	fl.pmu.Unlock()
}

func (fl *flight) emit(p Progress) {
	p.ID = fl.id
	fl.pmu.Lock()
	ws := append([]func(Progress){}, fl.watchers...)
	fl.pmu.Unlock()
	for _, w := range ws {
		w(p)
	}
}

// New checks cfg and returns a stopped Manager.
func New(cfg Config) (*Manager, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	return &Manager{
		cfg:   cfg,
		log:   cfg.Logger.With("component", "txmgr", "from", cfg.From),
		final: finality.New(cfg.Client, cfg.Finality),
	}, nil
}

// Start checks the node's chain ID, opens the journal and resumes every journaled request that
// was not confirmed: each is rebroadcast as needed and driven to its confirmation depth. Send
// with such a request's ID waits for its outcome.
func (m *Manager) Start(ctx context.Context) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.running {
		return errors.New("txmgr: already started")
	}
	var id *big.Int
	err := m.retry(ctx, "chain id", func(ctx context.Context) (err error) {
		id, err = m.cfg.Client.ChainID(ctx)
		return err
	})
	if err != nil {
		return fmt.Errorf("txmgr: chain id: %w", err)
	}
	if id.Cmp(m.cfg.ChainID) != 0 {
		return fmt.Errorf("txmgr: node is on chain %v, configured for %v", id, m.cfg.ChainID)
	}
	j, err := openJournal(m.cfg.JournalPath, m.cfg.ChainID, m.cfg.From)
	if err != nil {
		return err
	}
	live, err := j.live()
	if err != nil {
		_ = j.close()
		return fmt.Errorf("txmgr: read journal: %w", err)
	}
	m.journal = j
	m.flights = make(map[string]*flight)
	m.ctx, m.cancel = context.WithCancel(context.Background())
	m.nonceKnown = false
	m.running = true
	m.resumed = nil
	for _, rec := range live {
		if _, err := m.resumeLocked(rec); err != nil {
			m.log.Error("cannot resume journaled request", "id", rec.ID, "nonce", rec.Nonce, "err", err)
			continue
		}
		m.resumed = append(m.resumed, Request{ID: rec.ID, To: rec.To, Data: rec.Data, Value: rec.value()})
	}
	if len(live) > 0 {
		m.log.Info("resumed journaled transactions", "count", len(live))
	}
	return nil
}

// Resumed returns the requests the latest Start found journaled but not confirmed (an earlier
// process crashed or stopped waiting) and resumed, in nonce order. Send with one of them waits
// for its outcome. Callers use it to recognise a step an earlier process already sent under an
// ID they cannot recompute (see settlement/onchain's repeatable steps).
func (m *Manager) Resumed() []Request {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Request, len(m.resumed))
	copy(out, m.resumed)
	return out
}

// Stop stops driving transactions and closes the journal. Transactions in flight stay
// journaled and are resumed by the next Start; Sends waiting on them return ErrStopped.
func (m *Manager) Stop(ctx context.Context) error {
	m.mu.Lock()
	if !m.running {
		m.mu.Unlock()
		return nil
	}
	m.running = false
	m.cancel()
	j := m.journal
	m.mu.Unlock()

	done := make(chan struct{})
	go func() {
		m.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return j.close()
	case <-ctx.Done():
		go func() { <-done; _ = j.close() }()
		return fmt.Errorf("txmgr: stop: %w", ctx.Err())
	}
}

// resumeLocked starts driving a journaled, unfinished request. m.mu is held.
func (m *Manager) resumeLocked(rec *record) (*flight, error) {
	txs, err := rec.transactions()
	if err != nil {
		return nil, err
	}
	if len(txs) == 0 {
		return nil, fmt.Errorf("journal: request %q has no attempts", rec.ID)
	}
	fl := newFlight(Request{ID: rec.ID, To: rec.To, Data: rec.Data, Value: rec.value()})
	m.flights[rec.ID] = fl
	m.wg.Add(1)
	st := &tracker{fl: fl, rec: rec, txs: txs, maybeSent: true, lastSigned: m.cfg.Clock.Now()}
	go m.drive(st)
	return fl, nil
}

// Send sends req and waits until its transaction is confirmed at the configured depth, then
// returns the receipt. Errors:
//   - ErrWouldRevert, wrapping the error Config.RevertDecoder decodes: the call reverts;
//     nothing was sent;
//   - ErrReverted, with the receipt, wrapping the decoded error found by replaying the call:
//     mined with status 0;
//   - ErrPending: ctx ended while the transaction was in flight; the manager keeps driving it
//     and a later Send with the same ID returns its outcome;
//   - ErrRejected, ErrFeeCapExceeded, ErrRequestMismatch, ErrStopped: see their docs.
//
// Sending an ID that is in flight waits for it; sending one the journal remembers as finished
// returns its outcome without touching the chain.
func (m *Manager) Send(ctx context.Context, req Request) (*types.Receipt, error) {
	if req.ID == "" || len(req.ID) > MaxIDLength {
		return nil, fmt.Errorf("txmgr: request ID must be 1..%d bytes", MaxIDLength)
	}
	if req.Value != nil && req.Value.Sign() < 0 {
		return nil, errors.New("txmgr: negative value")
	}
	if req.To == nil && len(req.Data) == 0 {
		return nil, errors.New("txmgr: contract creation without code")
	}
	fl, owner, finished, err := m.claim(req)
	if err != nil {
		return nil, err
	}
	if finished != nil {
		return finished.receipt, finished.err
	}
	if owner {
		st, err := m.prepare(ctx, fl)
		if err != nil {
			m.land(fl, nil, err)
			m.wg.Done()
			return nil, err
		}
		go m.drive(st)
	}
	select {
	case <-fl.done:
		return fl.receipt, fl.err
	case <-ctx.Done():
		return nil, fmt.Errorf("%w: request %q: %w", ErrPending, req.ID, ctx.Err())
	}
}

type outcome struct {
	receipt *types.Receipt
	err     error
}

// claim finds what Send should wait on: a flight already working on req.ID, a finished
// outcome from the journal, or a new flight that this caller owns (with m.wg incremented).
func (m *Manager) claim(req Request) (fl *flight, owner bool, finished *outcome, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.running {
		return nil, false, nil, ErrStopped
	}
	if fl := m.flights[req.ID]; fl != nil {
		if !sameRequest(&fl.req, &req) {
			return nil, false, nil, fmt.Errorf("%w: %q", ErrRequestMismatch, req.ID)
		}
		fl.watch(req.Progress)
		return fl, false, nil, nil
	}
	rec, err := m.journal.get(req.ID)
	if err != nil {
		return nil, false, nil, fmt.Errorf("txmgr: journal: %w", err)
	}
	if rec != nil {
		if !rec.matches(&req) {
			return nil, false, nil, fmt.Errorf("%w: %q", ErrRequestMismatch, req.ID)
		}
		if rec.Done {
			return nil, false, &outcome{rec.Receipt, rec.outcomeErr(m.cfg.RevertDecoder)}, nil
		}
		// Journaled but not driven (its first broadcast was interrupted): resume it.
		fl, err := m.resumeLocked(rec)
		if err != nil {
			return nil, false, nil, err
		}
		fl.watch(req.Progress)
		return fl, false, nil, nil
	}
	fl = newFlight(req)
	m.flights[req.ID] = fl
	m.wg.Add(1)
	return fl, true, nil, nil
}

func sameRequest(a, b *Request) bool {
	r := record{To: a.To, Data: a.Data}
	if a.Value != nil {
		r.Value = (*hexutil.Big)(a.Value)
	}
	return r.matches(b)
}

// land finishes a flight: every Send waiting on it returns receipt and err.
func (m *Manager) land(fl *flight, receipt *types.Receipt, err error) {
	m.mu.Lock()
	if m.flights[fl.id] == fl {
		delete(m.flights, fl.id)
	}
	m.mu.Unlock()
	fl.receipt, fl.err = receipt, err
	close(fl.done)
}

// prepare checks the call, prices it, assigns a nonce, signs and journals the transaction.
// Nothing is broadcast yet; on error nothing was journaled.
func (m *Manager) prepare(ctx context.Context, fl *flight) (*tracker, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stop := context.AfterFunc(m.ctx, cancel) // Stop interrupts preparation
	defer stop()

	req := fl.req
	fl.emit(Progress{Stage: StageEstimating})
	call := ethereum.CallMsg{From: m.cfg.From, To: req.To, Value: req.Value, Data: req.Data, Gas: req.GasLimit}
	gas := req.GasLimit
	if gas == 0 {
		var est uint64
		err := m.retry(ctx, "estimate gas", func(ctx context.Context) (err error) {
			est, err = m.cfg.Client.EstimateGas(ctx, call)
			return err
		})
		if err != nil {
			return nil, m.callError(req.ID, "estimate gas", err)
		}
		gas = est + est*m.cfg.GasMargin/100
		if est <= params.MaxTxGas && gas > params.MaxTxGas { // EIP-7825's per-transaction cap
			gas = params.MaxTxGas
		}
	} else {
		err := m.retry(ctx, "pre-flight call", func(ctx context.Context) error {
			_, err := m.cfg.Client.CallContract(ctx, call, nil)
			return err
		})
		if err != nil {
			return nil, m.callError(req.ID, "pre-flight call", err)
		}
	}
	f, head, err := m.marketFees(ctx)
	if err != nil {
		return nil, fmt.Errorf("txmgr: request %q: fees: %w", req.ID, err)
	}
	if f, err = capFees(f, head.BaseFee, m.cfg.MaxFeePerGas); err != nil {
		return nil, fmt.Errorf("txmgr: request %q: %w", req.ID, err)
	}
	if head.GasLimit > 0 && gas > head.GasLimit {
		gas = head.GasLimit
	}

	rec := &record{ID: req.ID, To: req.To, Data: req.Data, Created: m.cfg.Clock.Now()}
	if req.Value != nil && req.Value.Sign() > 0 {
		rec.Value = (*hexutil.Big)(new(big.Int).Set(req.Value))
	}
	tx, err := m.signNew(ctx, rec, gas, f, nil)
	if err != nil {
		return nil, fmt.Errorf("txmgr: request %q: %w", req.ID, err)
	}
	fl.emit(Progress{Stage: StageSigned, Nonce: tx.Nonce(), Tx: tx.Hash()})
	m.log.Debug("journaled", "id", req.ID, "nonce", tx.Nonce(), "tx", tx.Hash(), "gas", gas, "fees", f)
	if m.testHookJournaled != nil && m.testHookJournaled(req.ID) {
		return nil, errSimulatedCrash
	}
	return &tracker{fl: fl, rec: rec, txs: []*types.Transaction{tx}, lastSigned: m.cfg.Clock.Now()}, nil
}

var errSimulatedCrash = errors.New("txmgr: simulated crash after journaling")

// callError turns a failed estimate or pre-flight call into Send's error.
func (m *Manager) callError(id, what string, err error) error {
	if classify(err) == classReverted {
		return fmt.Errorf("%w: request %q: %w", ErrWouldRevert, id, revertdata.Decode(err, m.cfg.RevertDecoder))
	}
	return fmt.Errorf("txmgr: request %q: %s: %w", id, what, err)
}

// signNew assigns rec the next nonce, signs a transaction for it and journals it; the nonce
// lock is held throughout, so concurrent requests get consecutive nonces and a nonce is only
// consumed once its transaction is on disk. prevNonce is rec's nonce being abandoned, if any.
func (m *Manager) signNew(ctx context.Context, rec *record, gas uint64, f fees, prevNonce *uint64) (*types.Transaction, error) {
	var pending uint64
	err := m.retry(ctx, "pending nonce", func(ctx context.Context) (err error) {
		pending, err = m.cfg.Client.PendingNonceAt(ctx, m.cfg.From)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("pending nonce: %w", err)
	}
	m.nonceMu.Lock()
	defer m.nonceMu.Unlock()
	if !m.nonceKnown {
		n, ok, err := m.journal.maxNonce()
		if err != nil {
			return nil, fmt.Errorf("journal: %w", err)
		}
		m.nextNonce = 0
		if ok {
			m.nextNonce = n + 1
		}
		m.nonceKnown = true
	}
	nonce := max(m.nextNonce, pending)
	tx, err := m.sign(ctx, m.build(nonce, gas, f, rec))
	if err != nil {
		return nil, err
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		return nil, err
	}
	next := *rec
	next.Nonce = nonce
	next.Attempts = append(append([]hexutil.Bytes{}, rec.Attempts...), raw)
	if err := m.journal.put(&next, prevNonce); err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	*rec = next
	m.nextNonce = nonce + 1
	return tx, nil
}

// signReplacement signs and journals a replacement of rec's latest attempt with fees f.
func (m *Manager) signReplacement(ctx context.Context, rec *record, latest *types.Transaction, f fees) (*types.Transaction, error) {
	tx, err := m.sign(ctx, m.build(latest.Nonce(), latest.Gas(), f, rec))
	if err != nil {
		return nil, err
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		return nil, err
	}
	next := *rec
	next.Attempts = append(append([]hexutil.Bytes{}, rec.Attempts...), raw)
	if err := m.journal.put(&next, nil); err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	*rec = next
	return tx, nil
}

func (m *Manager) build(nonce, gas uint64, f fees, rec *record) *types.Transaction {
	if f.legacy() {
		return types.NewTx(&types.LegacyTx{Nonce: nonce, GasPrice: f.feeCap, Gas: gas, To: rec.To, Value: rec.value(), Data: rec.Data})
	}
	return types.NewTx(&types.DynamicFeeTx{ChainID: m.cfg.ChainID, Nonce: nonce, GasTipCap: f.tip, GasFeeCap: f.feeCap,
		Gas: gas, To: rec.To, Value: rec.value(), Data: rec.Data})
}

// sign asks the wallet to sign tx and checks that what comes back is tx, signed by From for
// the configured chain.
func (m *Manager) sign(ctx context.Context, tx *types.Transaction) (*types.Transaction, error) {
	signed, err := m.cfg.Signer(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	if signed == nil {
		return nil, errors.New("sign: signer returned no transaction")
	}
	from, err := types.Sender(types.LatestSignerForChainID(m.cfg.ChainID), signed)
	if err != nil {
		return nil, fmt.Errorf("sign: %w", err)
	}
	if from != m.cfg.From {
		return nil, fmt.Errorf("sign: signed by %v, want %v", from, m.cfg.From)
	}
	if signed.Nonce() != tx.Nonce() || signed.Gas() != tx.Gas() || signed.Type() != tx.Type() ||
		signed.GasFeeCap().Cmp(tx.GasFeeCap()) != 0 || signed.GasTipCap().Cmp(tx.GasTipCap()) != 0 ||
		signed.Value().Cmp(tx.Value()) != 0 || string(signed.Data()) != string(tx.Data()) ||
		(signed.To() == nil) != (tx.To() == nil) || (tx.To() != nil && *signed.To() != *tx.To()) {
		return nil, errors.New("sign: signer changed the transaction")
	}
	return signed, nil
}

// retry runs fn with a per-call timeout, retrying transient failures with exponential backoff
// for up to Config.RetryTimeout.
func (m *Manager) retry(ctx context.Context, what string, fn func(context.Context) error) error {
	delay := max(m.cfg.PollInterval/4, time.Millisecond)
	giveUp := m.cfg.Clock.Now().Add(m.cfg.RetryTimeout)
	for attempt := 1; ; attempt++ {
		cctx, cancel := context.WithTimeout(ctx, m.cfg.CallTimeout)
		err := fn(cctx)
		cancel()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("%w (last error: %v)", ctx.Err(), err)
		}
		if classify(err) != classTransient || m.cfg.Clock.Now().After(giveUp) {
			return err
		}
		m.log.Debug("retrying", "call", what, "attempt", attempt, "err", err)
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (last error: %v)", ctx.Err(), err)
		case <-m.cfg.Clock.After(delay):
		}
		delay = min(delay*2, 8*m.cfg.PollInterval)
	}
}

// call runs one RPC call with the per-call timeout.
func (m *Manager) call(fn func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(m.ctx, m.cfg.CallTimeout)
	defer cancel()
	return fn(ctx)
}

// outcomeErr is the error a finished request returns (nil when it succeeded), its revert data
// decoded by decode.
func (r *record) outcomeErr(decode revertdata.Decoder) error {
	if r.Receipt == nil || r.Receipt.Status == types.ReceiptStatusSuccessful {
		return nil
	}
	base := fmt.Errorf("%w: request %q: tx %s in block %v", ErrReverted, r.ID, r.Receipt.TxHash, r.Receipt.BlockNumber)
	if e := decode(r.Revert); e != nil {
		return fmt.Errorf("%w: %w", base, e)
	}
	if len(r.Revert) > 0 {
		return fmt.Errorf("%w: revert data %s", base, r.Revert)
	}
	if r.RevertMsg != "" {
		return fmt.Errorf("%w: %s", base, r.RevertMsg)
	}
	return base
}

// journalCount reports how many requests the journal holds (tests).
func (m *Manager) journalCount() (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.journal == nil {
		return 0, ErrStopped
	}
	return m.journal.count()
}

// From is the wallet the manager sends from.
func (m *Manager) From() common.Address { return m.cfg.From }
