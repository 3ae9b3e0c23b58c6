// Package atomicfile replaces a file whole: readers and a crash see the old bytes or the new
// ones, never a part, and a write that returned is on disk. Every small state file Brine keeps
// (deployment files, devnet and prober endpoints, a node's kept ports and claim record, a
// client's submission records) is written through it, with one durability rule.
package atomicfile
