// Command hello is the wasm job of the wasm-hello example (built with GOOS=wasip1
// GOARCH=wasm): it reads /brine/inputs/name.txt and writes "hello, <name>\n" to
// /brine/outputs/greeting.txt.
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
		os.Exit(1)
	}
	greeting := fmt.Sprintf("hello, %s\n", strings.TrimSpace(string(name)))
	if err := os.WriteFile("/brine/outputs/greeting.txt", []byte(greeting), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
