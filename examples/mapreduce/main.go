// Command wordcount is the wasm module of the map-reduce example (built with GOOS=wasip1
// GOARCH=wasm). Its first argument picks the step:
//
//	split N  reads /brine/inputs/text.txt and writes its words, lower-cased, one a line, in N
//	         shards of about equal size: /brine/outputs/shards/shard-01.txt …
//	count    reads /brine/inputs/shard.txt (one shard, the fan-out's entry) and writes
//	         "<count> <word>" lines to /brine/outputs/counts.txt
//	merge    reads every file in /brine/inputs/counts/ (the fan-in: one per shard) and writes
//	         their sums, most frequent first, to /brine/outputs/counts.txt
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		fail("usage: wordcount split N | count | merge")
	}
	var err error
	switch os.Args[1] {
	case "split":
		n := 0
		if len(os.Args) == 3 {
			n, _ = strconv.Atoi(os.Args[2])
		}
		if n < 1 {
			fail("usage: wordcount split N (N ≥ 1)")
		}
		err = split(n)
	case "count":
		err = count()
	case "merge":
		err = merge()
	default:
		fail("unknown step " + os.Args[1])
	}
	if err != nil {
		fail(err.Error())
	}
}

func split(n int) error {
	text, err := os.ReadFile("/brine/inputs/text.txt")
	if err != nil {
		return err
	}
	var words []string
	for _, w := range strings.Fields(string(text)) {
		if w = strings.ToLower(strings.Trim(w, ".,;:!?\"'()")); w != "" {
			words = append(words, w)
		}
	}
	if err := os.MkdirAll("/brine/outputs/shards", 0o755); err != nil {
		return err
	}
	per := (len(words) + n - 1) / n
	for i := 0; i < n; i++ {
		lo, hi := min(i*per, len(words)), min((i+1)*per, len(words))
		var out bytes.Buffer
		for _, w := range words[lo:hi] {
			out.WriteString(w + "\n")
		}
		if err := os.WriteFile(fmt.Sprintf("/brine/outputs/shards/shard-%02d.txt", i+1), out.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func count() error {
	b, err := os.ReadFile("/brine/inputs/shard.txt")
	if err != nil {
		return err
	}
	n := map[string]int{}
	for _, w := range strings.Fields(string(b)) {
		n[w]++
	}
	return write(n)
}

func merge() error {
	files, err := os.ReadDir("/brine/inputs/counts")
	if err != nil {
		return err
	}
	n := map[string]int{}
	for _, f := range files {
		fh, err := os.Open(filepath.Join("/brine/inputs/counts", f.Name()))
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			var c int
			var w string
			if _, err := fmt.Sscan(sc.Text(), &c, &w); err != nil {
				fh.Close()
				return fmt.Errorf("%s: %q: %v", f.Name(), sc.Text(), err)
			}
			n[w] += c
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			return err
		}
	}
	return write(n)
}

// write writes "<count> <word>" lines, most frequent first, then by word.
func write(n map[string]int) error {
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
