// Package deploy deploys Brine's contracts (token, provider registry, job market and uptime
// rewards) to any EVM chain reachable through a go-ethereum contract backend, and wires them
// together. It is the one place that knows the deployment order and the constructor arguments;
// the devnet, the CLI's `brine deploy` and the test harnesses all call it.
package deploy
