// Command wordfreq is the wasm module of the pipeline example (built with GOOS=wasip1
// GOARCH=wasm). Its first argument picks the step:
//
//	split  reads /brine/inputs/text.txt and writes its words, lower-cased and one a line,
//	       to /brine/outputs/words.txt
//	count  reads /brine/inputs/previous/words.txt (step 1's result, by CID) and writes
//	       "<count> <word>" lines, most frequent first, to /brine/outputs/counts.txt
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fail("usage: wordfreq split|count")
	}
	var err error
	switch os.Args[1] {
	case "split":
		err = split()
	case "count":
		err = count()
	default:
		fail("unknown step " + os.Args[1])
	}
	if err != nil {
		fail(err.Error())
	}
}

func split() error {
	text, err := os.ReadFile("/brine/inputs/text.txt")
	if err != nil {
		return err
	}
	var out bytes.Buffer
	for _, w := range strings.Fields(string(text)) {
		w = strings.ToLower(strings.Trim(w, ".,;:!?\"'()"))
		if w != "" {
			out.WriteString(w + "\n")
		}
	}
	return os.WriteFile("/brine/outputs/words.txt", out.Bytes(), 0o644)
}

func count() error {
	f, err := os.Open("/brine/inputs/previous/words.txt")
	if err != nil {
		return err
	}
	defer f.Close()
	n := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n[sc.Text()]++
	}
	if err := sc.Err(); err != nil {
		return err
	}
	words := make([]string, 0, len(n))
	for w := range n {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if n[words[i]] != n[words[j]] {
			return n[words[i]] > n[words[j]]
		}
		return words[i] < words[j]
	})
	var out bytes.Buffer
	for _, w := range words {
		fmt.Fprintf(&out, "%d %s\n", n[w], w)
	}
	return os.WriteFile("/brine/outputs/counts.txt", out.Bytes(), 0o644)
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}
