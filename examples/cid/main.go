// Command cid prints the content ID Brine gives a file: CIDv1, raw codec, sha2-256, base32
// (the form a wasm job spec's "module" field takes). The examples use it to name the module
// they just built:
//
//	go run ../cid hello.wasm
package main

import (
	"fmt"
	"os"

	"github.com/brine-compute/brine/node/results"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: cid FILE")
		os.Exit(2)
	}
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(results.CIDOf(b))
}
