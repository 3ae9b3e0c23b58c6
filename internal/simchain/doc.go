// Package simchain runs go-ethereum's simulated backend with Brine's contracts deployed, for
// contract tests and the gas report. Every transaction is mined in a block of its own as soon
// as it is sent, so callers get receipts synchronously and read exact gasUsed figures.
package simchain
