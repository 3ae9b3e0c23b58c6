// Command greet is the wasm job of the node's end-to-end tests (built with GOOS=wasip1
// GOARCH=wasm at test time): it reads /brine/inputs/name.txt and writes
// "hello, <name>\n" to /brine/outputs/greeting.txt.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	name, err := os.ReadFile("/brine/inputs/name.txt")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	out := fmt.Sprintf("hello, %s\n", strings.TrimSpace(string(name)))
	if err := os.WriteFile("/brine/outputs/greeting.txt", []byte(out), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	fmt.Println("done")
}
