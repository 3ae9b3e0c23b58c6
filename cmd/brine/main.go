// Command brine is Brine's command line: a local devnet, deployment, wallets, providers,
// jobs, rewards and audits. Everything is in package internal/cli; this only runs it.
package main

import (
	"os"

	"github.com/brine-compute/brine/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args, cli.IO{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
