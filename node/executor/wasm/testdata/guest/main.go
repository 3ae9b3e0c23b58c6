// Command guest is the WebAssembly program of the wasm executor's tests (built with
// GOOS=wasip1 GOARCH=wasm at test time): os.Args[1] names the behaviour of the
// executortest.Programs contract to show.
package main

import (
	"crypto/rand"
	"fmt"
	"math/big"
	mrand "math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

const (
	in  = "/brine/inputs"
	out = "/brine/outputs"
)

func main() {
	if len(os.Args) < 2 {
		fatal("usage: guest behaviour [args]")
	}
	args := os.Args[2:]
	switch os.Args[1] {
	case "outputs":
		g, err := os.ReadFile(in + "/greeting.txt")
		check(err)
		check(os.WriteFile(out+"/result.txt", append(g, " world\n"...), 0o644))
		check(os.Mkdir(out+"/dir", 0o755))
		check(os.WriteFile(out+"/dir/nested.txt", []byte("nested\n"), 0o644))
		fmt.Println("done")
	case "args":
		check(os.WriteFile(out+"/args.txt", []byte(strings.Join(args, "\n")+"\n"), 0o644))
		check(os.WriteFile(out+"/env.txt", []byte(os.Getenv("GREETING")+"\n"), 0o644))
	case "inputs":
		var r report
		r.try("overwrite", func() error { return os.WriteFile(in+"/greeting.txt", []byte("x"), 0o644) })
		r.try("create", func() error { return os.WriteFile(in+"/new.txt", []byte("x"), 0o644) })
		r.try("remove", func() error { return os.Remove(in + "/greeting.txt") })
		r.try("mkdir", func() error { return os.Mkdir(in+"/newdir", 0o755) })
		r.write()
	case "outside":
		token := args[0]
		var r report
		r.try("root", func() error { return os.WriteFile("/escape-"+token, []byte("x"), 0o644) })
		r.try("brine", func() error { return os.WriteFile("/brine/escape-"+token, []byte("x"), 0o644) })
		r.try("dotdot", func() error { return os.WriteFile(out+"/../escape-"+token, []byte("x"), 0o644) })
		r.try("symlink", func() error {
			if err := os.Symlink("../secret-"+token, out+"/link"); err != nil {
				return err
			}
			defer os.Remove(out + "/link")
			_, err := os.ReadFile(out + "/link")
			return err
		})
		r.write()
	case "read":
		// Tries to read each argument (a path under the inputs) and reports.
		var r report
		for _, name := range args {
			r.try(name, func() error { _, err := os.ReadFile(in + "/" + name); return err })
		}
		r.write()
	case "fail":
		fmt.Fprintln(os.Stderr, "about to fail")
		os.Exit(3)
	case "spin":
		for {
		}
	case "flood":
		line := []byte(strings.Repeat("flood ", 100) + "\n")
		for {
			os.Stdout.Write(line)
		}
	case "hog":
		var keep [][]byte
		for {
			b := make([]byte, 1<<20)
			for i := range b {
				b[i] = byte(i)
			}
			keep = append(keep, b)
		}
	case "fill":
		f, err := os.Create(out + "/fill.bin")
		check(err)
		chunk := make([]byte, 1<<20)
		for range 64 {
			if _, err := f.Write(chunk); err != nil {
				break
			}
		}
		f.Close()
		for {
		}
	case "floodout":
		chunk := make([]byte, 1<<20)
		for i := 0; ; i++ {
			f, err := os.Create(fmt.Sprintf("%s/flood-%d.bin", out, i))
			if err != nil {
				continue
			}
			for range 8 {
				f.Write(chunk)
			}
			f.Close()
		}
	case "det":
		var b strings.Builder
		fmt.Fprintf(&b, "args %q\n", os.Args)
		fmt.Fprintf(&b, "env %q\n", os.Environ())
		now := time.Now()
		fmt.Fprintf(&b, "time %d %s\n", now.UnixNano(), now.Format(time.RFC3339Nano))
		start := time.Now()
		time.Sleep(10 * time.Millisecond)
		fmt.Fprintf(&b, "slept %d\n", time.Since(start))
		buf := make([]byte, 16)
		_, err := rand.Read(buf)
		check(err)
		fmt.Fprintf(&b, "crypto/rand %x\n", buf)
		n, err := rand.Int(rand.Reader, big.NewInt(1<<62))
		check(err)
		fmt.Fprintf(&b, "rand.Int %d\n", n)
		fmt.Fprintf(&b, "math/rand %d\n", mrand.Int64())
		fmt.Fprintf(&b, "pid %d ppid %d\n", os.Getpid(), os.Getppid())
		host, _ := os.Hostname()
		fmt.Fprintf(&b, "hostname %q\n", host)
		wd, _ := os.Getwd()
		fmt.Fprintf(&b, "wd %q\n", wd)
		// Directory order and file metadata, as a program that does not sort sees them.
		for _, dir := range []string{in, out} {
			f, err := os.Open(dir)
			check(err)
			names, err := f.Readdirnames(-1)
			check(err)
			f.Close()
			fmt.Fprintf(&b, "readdir %s %q\n", dir, names)
			for _, name := range names {
				describe(&b, filepath.Join(dir, name))
			}
			describe(&b, dir)
		}
		check(os.WriteFile(out+"/det.txt", []byte(b.String()), 0o644))
	default:
		fatal("unknown behaviour " + os.Args[1])
	}
}

func describe(b *strings.Builder, path string) {
	fi, err := os.Lstat(path)
	check(err)
	fmt.Fprintf(b, "stat %s mode %v size %d mtime %d", path, fi.Mode(), fi.Size(), fi.ModTime().UnixNano())
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		fmt.Fprintf(b, " dev %d ino %d nlink %d atime %d ctime %d", st.Dev, st.Ino, st.Nlink, st.Atime, st.Ctime)
	}
	b.WriteString("\n")
}

type report struct{ b strings.Builder }

func (r *report) try(name string, f func() error) {
	if err := f(); err != nil {
		fmt.Fprintf(&r.b, "%s: refused\n", name)
	} else {
		fmt.Fprintf(&r.b, "%s: allowed\n", name)
	}
}

func (r *report) write() { check(os.WriteFile(out+"/report.txt", []byte(r.b.String()), 0o644)) }

func check(err error) {
	if err != nil {
		fatal(err.Error())
	}
}

func fatal(msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}
