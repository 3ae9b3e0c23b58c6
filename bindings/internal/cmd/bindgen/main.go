// Command bindgen writes the Go bindings of package bindings from
// contracts/artifacts/combined.json. It is abigen --v2 --combined-json
// (go-ethereum's accounts/abi/abigen.BindV2, pinned by go.mod) plus the
// duplicate-name handling of package bindgen. Run it through `make bindings`
// (go generate ./bindings).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/brine-compute/brine/bindings/internal/bindgen"
)

func main() {
	var (
		combined = flag.String("combined-json", "", "path of the solc --combined-json style file to bind")
		pkg      = flag.String("pkg", "bindings", "Go package name of the generated code")
		out      = flag.String("out", "", "output file (default: stdout)")
	)
	flag.Parse()
	if *combined == "" || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: bindgen -combined-json FILE [-pkg NAME] [-out FILE]")
		os.Exit(2)
	}
	data, err := os.ReadFile(*combined)
	if err != nil {
		fatalf("%v (run `make contracts` first)", err)
	}
	res, err := bindgen.Generate(data, *pkg)
	if err != nil {
		fatalf("%v", err)
	}
	for _, n := range res.Notes {
		fmt.Fprintln(os.Stderr, "bindgen: note:", n)
	}
	if *out == "" {
		os.Stdout.Write(res.Code)
		return
	}
	if err := os.WriteFile(*out, res.Code, 0o644); err != nil {
		fatalf("%v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bindgen: "+format+"\n", args...)
	os.Exit(1)
}
