// Package metrics is Brine's Prometheus instrumentation (prometheus/client_golang): the
// collectors of the node (`brine node run`), the prober (`brine prober run`) and its canaries,
// and a Server that serves them at GET /metrics.
//
// Each service takes a small Metrics interface of its own with a no-op default (txmgr.Metrics,
// node.Config.Metrics, prober.Config.Metrics, canary.Config.Metrics); the types here implement
// them, so the services do not import Prometheus and this package imports none of them. What
// the gauges read at scrape time comes in through small interfaces and funcs defined here
// (BalanceReader, TokenReader, MarketReader, JobCounts), which the command fills from the node,
// the token and the settlement. The one Brine package imported is settlement, for its types
// (ProviderInfo) alone: it imports nothing of Brine. A
// process makes one Registry, adds the groups it runs (NewTx, NewNode, NewAccount, NewProber,
// NewCanary) and serves it:
//
//	reg := metrics.NewRegistry()
//	tx := metrics.NewTx(reg).For(account)       // txmgr.Config.Metrics
//	srv, _ := metrics.NewServer(metrics.ServerConfig{Addr: "127.0.0.1:9464", Registry: reg})
//	srv.Start(ctx)
//
// Counters count events in this process since it started (Prometheus's rate and increase
// handle restarts). Gauges that mirror state elsewhere (jobs by state in the node's store,
// balances and stake on chain, transactions in flight) are read when Prometheus scrapes, so
// they are never stale; a source that fails is left out of that scrape and counted in
// brine_metrics_source_errors_total.
//
// Amounts of money are *big.Int everywhere in Brine; Prometheus only has float64 samples, so
// token amounts are exported in whole tokens (base units / 10^decimals) and gas fees in wei.
// They are for dashboards and alerts, never for accounting: the chain and `brine audit` are the
// books.
//
// Catalogue lists every metric (name, type, labels, help); docs/operations.md documents the same
// list with the alert rules, and a test keeps the two in step.
package metrics
