// Command greet is the wasm job of the node's end-to-end tests (built with GOOS=wasip1
// GOARCH=wasm at test time): it reads /brine/inputs/name.txt and writes
// "hello, <name>\n" to /brine/outputs/greeting.txt. When /brine/inputs/rounds.txt holds a
// number N, it first hashes the name N times with sha256 and adds "work: <hex>\n": a job
// that takes as long as the test needs (a node killed while it runs), deterministically
// (the wasm executor's sleeps return at once).
package main

import (
	"crypto/sha256"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	name, err := os.ReadFile("/brine/inputs/name.txt")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	out := fmt.Sprintf("hello, %s\n", strings.TrimSpace(string(name)))
	if b, err := os.ReadFile("/brine/inputs/rounds.txt"); err == nil {
		rounds, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || rounds < 0 {
			fmt.Fprintln(os.Stderr, "rounds.txt: not a count:", strings.TrimSpace(string(b)))
			os.Exit(4)
		}
		sum := sha256.Sum256(name)
		for range rounds {
			sum = sha256.Sum256(sum[:])
		}
		out += fmt.Sprintf("work: %x\n", sum)
	}
	if err := os.WriteFile("/brine/outputs/greeting.txt", []byte(out), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	fmt.Println("done")
}
