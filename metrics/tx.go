package metrics

import (
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
)

// Tx is the transaction managers' group: counters per sending account.
type Tx struct {
	sent, bumped, failed, confirmed, gas, fees *prometheus.CounterVec
	inFlight                                   *inFlight
}

// NewTx registers the transaction metrics (once per registry; later calls return the same group).
func NewTx(r *Registry) *Tx {
	return shared(r, "tx", func() *Tx {
		return &Tx{
			sent: mTxSent.counter(), bumped: mTxBumped.counter(), failed: mTxFailed.counter(),
			confirmed: mTxConfirmed.counter(), gas: mTxGas.counter(), fees: mTxFees.counter(),
			inFlight: &inFlight{funcs: map[string]func() int{}},
		}
	})
}

// Describe implements prometheus.Collector.
func (t *Tx) Describe(ch chan<- *prometheus.Desc) {
	for _, c := range t.collectors() {
		c.Describe(ch)
	}
}

// Collect implements prometheus.Collector.
func (t *Tx) Collect(ch chan<- prometheus.Metric) {
	for _, c := range t.collectors() {
		c.Collect(ch)
	}
}

func (t *Tx) collectors() []prometheus.Collector {
	return []prometheus.Collector{t.sent, t.bumped, t.failed, t.confirmed, t.gas, t.fees, t.inFlight}
}

// For returns the txmgr.Metrics of account's manager. Its series start at 0, so rate() and
// increase() see the first transaction.
func (t *Tx) For(account common.Address) *TxAccount {
	l := account.Hex()
	return &TxAccount{
		account:  l,
		inFlight: t.inFlight, sent: t.sent.WithLabelValues(l), bumped: t.bumped.WithLabelValues(l),
		failed: t.failed.WithLabelValues(l), confirmed: t.confirmed.WithLabelValues(l),
		gas: t.gas.WithLabelValues(l), fees: t.fees.WithLabelValues(l),
	}
}

// TxAccount is one account's txmgr.Metrics (a test checks that it implements it).
type TxAccount struct {
	account                                    string
	inFlight                                   *inFlight
	sent, bumped, failed, confirmed, gas, fees prometheus.Counter
}

func (a *TxAccount) TxSent()   { a.sent.Inc() }
func (a *TxAccount) TxBumped() { a.bumped.Inc() }
func (a *TxAccount) TxFailed() { a.failed.Inc() }

func (a *TxAccount) TxConfirmed(gasUsed uint64, fee *big.Int) {
	a.confirmed.Inc()
	a.gas.Add(float64(gasUsed))
	if fee != nil && fee.Sign() > 0 {
		f, _ := new(big.Float).SetInt(fee).Float64()
		a.fees.Add(f)
	}
}

// WatchInFlight reports f (the Manager's InFlight) as brine_tx_in_flight at every scrape. The
// manager is made with these metrics in its config, so it is handed over once it exists.
func (a *TxAccount) WatchInFlight(f func() int) {
	a.inFlight.mu.Lock()
	defer a.inFlight.mu.Unlock()
	a.inFlight.funcs[a.account] = f
}

// inFlight reads the managers' in-flight counts at scrape time.
type inFlight struct {
	mu    sync.Mutex
	funcs map[string]func() int
}

var inFlightDesc = mTxInFlight.desc()

func (f *inFlight) Describe(ch chan<- *prometheus.Desc) { ch <- inFlightDesc }

func (f *inFlight) Collect(ch chan<- prometheus.Metric) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for account, n := range f.funcs {
		ch <- prometheus.MustNewConstMetric(inFlightDesc, prometheus.GaugeValue, float64(n()), account)
	}
}
