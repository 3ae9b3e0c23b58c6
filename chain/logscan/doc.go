// Package logscan is the one way Brine reads event logs over a block range: every eth_getLogs
// scan pages through it.
//
// RPC nodes bound what one eth_getLogs call may cover. Lotus refuses a range of more than
// 2,880 epochs, and a query that matches more than 10,000 events over several tipsets, by
// default; public endpoints refuse ranges and result counts of their own. A Scanner asks for
// at most Span blocks at a time and, when a node says the request was too big (JSON-RPC code
// -32005 "limit exceeded", or the words public endpoints use for it), halves the range and
// asks again from the same block, so a scan resumes where it stopped instead of starting over
// or skipping blocks. It grows the range back after each answer, never past Span. A range of a
// single block that is still refused is an error: the scan cannot be made exact.
package logscan
