package metrics

import (
	"slices"

	"github.com/prometheus/client_golang/prometheus"
)

// Type is a metric's Prometheus type.
type Type string

// Types.
const (
	Counter   Type = "counter"
	Gauge     Type = "gauge"
	Histogram Type = "histogram"
)

// Info describes one metric.
type Info struct {
	Name   string
	Type   Type
	Labels []string
	Help   string
	Group  string // who exports it: transactions, node, account, prober, canary, process
}

// The metrics, by group. Each constructor builds its collectors from these, so Catalogue is
// exactly what a process can export.
var (
	mSourceErrors = Info{"brine_metrics_source_errors_total", Counter, []string{"source"},
		"Scrapes in which a scrape-time source (jobs, account) failed; its gauges were left out.", "process"}

	mTxSent = Info{"brine_tx_sent_total", Counter, []string{"account"},
		"Transactions signed, journaled and broadcast for the first time.", "transactions"}
	mTxBumped = Info{"brine_tx_bumped_total", Counter, []string{"account"},
		"Replacement transactions with higher fees (a transaction stayed unmined for the resubmit interval).", "transactions"}
	mTxFailed = Info{"brine_tx_failed_total", Counter, []string{"account"},
		"Requests that ended without a successful receipt (reverted on chain or rejected by the node).", "transactions"}
	mTxConfirmed = Info{"brine_tx_confirmed_total", Counter, []string{"account"},
		"Transactions whose successful receipt reached the confirmation depth.", "transactions"}
	mTxGas = Info{"brine_tx_gas_used_total", Counter, []string{"account"},
		"Gas used by confirmed transactions.", "transactions"}
	mTxFees = Info{"brine_tx_fees_wei_total", Counter, []string{"account"},
		"Fees paid by confirmed transactions (gas used × effective gas price), in wei.", "transactions"}
	mTxInFlight = Info{"brine_tx_in_flight", Gauge, []string{"account"},
		"Requests the transaction manager is preparing or driving to confirmation, now.", "transactions"}

	mNodeJobs = Info{"brine_node_jobs", Gauge, []string{"state"},
		"The node's job records by state (node/store), now; terminal states count every job the store remembers.", "node"}
	mNodeExec = Info{"brine_node_execution_duration_seconds", Histogram, []string{"engine", "outcome"},
		"Executions of jobs (and verifier re-executions) by engine and outcome (succeeded, failed: the job's own fault, error: the node's, retried; interrupted: shutdown), from inputs placed to result stored.", "node"}

	mWalletETH = Info{"brine_wallet_eth", Gauge, []string{"account"},
		"The account's ETH for gas, in ether, now.", "account"}
	mWalletTokens = Info{"brine_wallet_tokens", Gauge, []string{"account"},
		"Tokens in the account's wallet, in whole tokens, now.", "account"}
	mCredited = Info{"brine_market_credited_tokens", Gauge, []string{"account"},
		"The account's credited, withdrawable market balance, in whole tokens, now.", "account"}
	mStake = Info{"brine_stake_tokens", Gauge, []string{"account", "kind"},
		"The provider's stake in whole tokens, now: kind staked (including locked), locked (collateral of running jobs), unbonding.", "account"}

	mProbes = Info{"brine_prober_probes_total", Counter, []string{"provider", "result"},
		"Probes sent to a provider's node, by result: answered (signed by the registered peer key) or unanswered (no answer, error, or a bad signature).", "prober"}
	mRootsPosted = Info{"brine_prober_roots_posted_total", Counter, nil,
		"Epoch reward roots this prober posted.", "prober"}
	mLastEpoch = Info{"brine_prober_last_posted_epoch", Gauge, nil,
		"The latest epoch whose root this prober posted.", "prober"}
	mRewards = Info{"brine_prober_rewards_posted_tokens_total", Counter, nil,
		"Rewards in the trees whose roots this prober posted, in whole tokens.", "prober"}

	mCanaryRuns = Info{"brine_canary_runs_total", Counter, []string{"result"},
		"Canary jobs by result: settled (finalized and its result verified within the deadline) or failed.", "canary"}
	mCanaryDuration = Info{"brine_canary_duration_seconds", Histogram, nil,
		"Time from a canary's start to its job settling, for settled canaries.", "canary"}
	mCanaryFailing = Info{"brine_canary_failing", Gauge, nil,
		"1 while canaries fail (from the first failed canary to the next settled one), else 0.", "canary"}
	mCanaryLastOK = Info{"brine_canary_last_success_timestamp_seconds", Gauge, nil,
		"Unix time of the latest settled canary (0: none yet).", "canary"}
	mCanaryNotes = Info{"brine_canary_notifications_total", Counter, []string{"kind", "result"},
		"Webhook notifications by kind (failure, recovery) and result (sent, error).", "canary"}
)

// Catalogue lists every metric this package defines, sorted by name. Processes also export the
// Go runtime's and the process's standard metrics (go_*, process_*).
func Catalogue() []Info {
	all := []Info{mSourceErrors, mTxSent, mTxBumped, mTxFailed, mTxConfirmed, mTxGas, mTxFees, mTxInFlight,
		mNodeJobs, mNodeExec, mWalletETH, mWalletTokens, mCredited, mStake,
		mProbes, mRootsPosted, mLastEpoch, mRewards,
		mCanaryRuns, mCanaryDuration, mCanaryFailing, mCanaryLastOK, mCanaryNotes}
	slices.SortFunc(all, func(a, b Info) int {
		switch {
		case a.Name < b.Name:
			return -1
		case a.Name > b.Name:
			return 1
		}
		return 0
	})
	return all
}

func (i Info) desc() *prometheus.Desc {
	return prometheus.NewDesc(i.Name, i.Help, i.Labels, nil)
}

func (i Info) counter() *prometheus.CounterVec {
	return prometheus.NewCounterVec(prometheus.CounterOpts{Name: i.Name, Help: i.Help}, i.Labels)
}

func (i Info) gauge() *prometheus.GaugeVec {
	return prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: i.Name, Help: i.Help}, i.Labels)
}

func (i Info) histogram(buckets []float64) *prometheus.HistogramVec {
	return prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: i.Name, Help: i.Help, Buckets: buckets}, i.Labels)
}
