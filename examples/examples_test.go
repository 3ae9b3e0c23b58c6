package examples_test

// The examples' READMEs, executed as written (the convention is in README.md, "How the
// READMEs are tested"): the suite builds brine once, starts `brine devnet` and a provider's
// `brine node run` as subprocesses on loopback with OS-chosen ports and a temporary data
// directory, and runs each example's `sh test` blocks in the example's directory. The devnet's
// and the node's logs are printed when a test fails, or always with EXAMPLES_LOGS=1.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/brine-compute/brine/internal/testharness"
	dockerexec "github.com/brine-compute/brine/node/executor/docker"
)

var (
	binDir   string // holds the built brine, first on the commands' PATH
	net      devnetInfo
	provider string
	docker   bool   // a Docker engine answers and /bin/busybox is static
	noDocker string // why not
)

type devnetInfo struct {
	HTTP     string   `json:"http"`
	DataDir  string   `json:"dataDir"`
	Password string   `json:"password"`
	Accounts []string `json:"accounts"`
}

// proc is a long-running brine subprocess (the devnet, the node).
type proc struct {
	name   string
	cmd    *exec.Cmd
	stderr *syncBuffer
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (p *proc) stop() error {
	_ = p.cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(30 * time.Second):
		_ = p.cmd.Process.Kill()
		return fmt.Errorf("%s did not stop within 30s of SIGINT", p.name)
	}
}

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "brine-examples-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binDir = filepath.Join(dir, "bin")
	// lotus-standin is the filecoin-sp example's Lotus stand-in (not Lotus).
	for _, cmd := range []string{"brine", "lotus-standin"} {
		build := exec.Command("go", "build", "-o", filepath.Join(binDir, cmd), "../cmd/"+cmd)
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "building %s: %v\n", cmd, err)
			return 1
		}
	}
	docker, noDocker = dockerAvailable()

	var procs []*proc
	defer func() {
		for i := len(procs) - 1; i >= 0; i-- {
			if err := procs[i].stop(); err != nil {
				fmt.Fprintf(os.Stderr, "stopping %s: %v\n%s", procs[i].name, err, procs[i].stderr)
			}
		}
	}()
	fail := func(err error) int {
		fmt.Fprintln(os.Stderr, err)
		for _, p := range procs {
			fmt.Fprintf(os.Stderr, "%s stderr:\n%s\n", p.name, p.stderr)
		}
		return 1
	}

	// Terminal 1: the devnet.
	devnet, line, err := start("devnet", "^\\{", "devnet", "--datadir", filepath.Join(dir, "chain"),
		"--http", "127.0.0.1:0", "--ws", "127.0.0.1:0", "--period", "1s", "--json",
		"--epoch-length", "10s", "--accounts", "12") // uptime-rewards: short epochs; an account per example, and filecoin-sp's client
	if devnet != nil {
		procs = append(procs, devnet)
	}
	if err != nil {
		return fail(err)
	}
	if err := json.Unmarshal([]byte(line), &net); err != nil || len(net.Accounts) < 12 {
		return fail(fmt.Errorf("devnet line %q: %v", line, err))
	}

	// Terminal 2: the provider (the second dev account) stakes, registers and runs its node.
	provider = net.Accounts[1]
	for _, args := range [][]string{{"provider", "stake", "100"}, {"provider", "register"}} {
		cmd := exec.Command(filepath.Join(binDir, "brine"), append([]string{"--account", provider}, args...)...)
		cmd.Env = env(nil)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fail(fmt.Errorf("brine %s: %v\n%s", strings.Join(args, " "), err, out))
		}
	}
	engines := "wasm"
	if docker {
		engines = "wasm,docker"
	}
	node, _, err := start("node", `msg="node started"`, "--account", provider, "--log-level", "info",
		"node", "run", "--engines", engines, "--claim-interval", "5s")
	if node != nil {
		procs = append(procs, node)
	}
	if err != nil {
		return fail(err)
	}
	code := m.Run()
	if code != 0 || os.Getenv("EXAMPLES_LOGS") != "" {
		for _, p := range procs {
			fmt.Fprintf(os.Stderr, "%s stderr:\n%s\n", p.name, p.stderr)
		}
	}
	return code
}

// start runs brine with args and waits (up to a minute) for a line matching ready on its
// stdout or stderr, which it returns.
func start(name, ready string, args ...string) (*proc, string, error) {
	re := regexp.MustCompile(ready)
	p := &proc{name: name, stderr: new(syncBuffer)}
	p.cmd = exec.Command(filepath.Join(binDir, "brine"), args...)
	p.cmd.Env = env(nil)
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	stderr, err := p.cmd.StderrPipe()
	if err != nil {
		return nil, "", err
	}
	if err := p.cmd.Start(); err != nil {
		return nil, "", err
	}
	found := make(chan string, 2)
	scan := func(r *bufio.Scanner) {
		r.Buffer(make([]byte, 1<<20), 1<<20)
		for r.Scan() {
			fmt.Fprintln(p.stderr, r.Text())
			if re.MatchString(r.Text()) {
				select {
				case found <- r.Text():
				default:
				}
			}
		}
	}
	go scan(bufio.NewScanner(stdout))
	go scan(bufio.NewScanner(stderr))
	select {
	case line := <-found:
		return p, line, nil
	case <-time.After(time.Minute):
		return p, "", fmt.Errorf("%s did not print a line matching %q within a minute", name, ready)
	}
}

// env is the commands' environment: the devnet's data directory and password, the built
// brine first on PATH, and extra.
func env(extra []string) []string {
	e := []string{"PATH=" + binDir + string(os.PathListSeparator) + os.Getenv("PATH"),
		"BRINE_DATADIR=" + net.DataDir, "BRINE_PASSWORD=" + net.Password}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PATH=") && !strings.HasPrefix(kv, "BRINE_") {
			e = append(e, kv)
		}
	}
	return append(e, extra...)
}

// dockerAvailable reports whether a Docker engine answers and /bin/busybox is a static
// executable (Debian's busybox-static), and if not, why.
func dockerAvailable() (bool, string) {
	if _, err := exec.LookPath("docker"); err != nil {
		return false, "no docker command on PATH"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "docker", "info").CombinedOutput(); err != nil {
		return false, fmt.Sprintf("no Docker engine answers (docker info: %v: %s)", err, lastLine(out))
	}
	if err := dockerexec.CheckStatic(dockerexec.Busybox); err != nil {
		return false, fmt.Sprintf("no static %s (%v; apt-get install busybox-static)", dockerexec.Busybox, err)
	}
	return true, ""
}

func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return lines[len(lines)-1]
}

// The examples run in parallel, each as its own client account so that their transactions
// do not queue behind one another.
func TestExamples(t *testing.T) {
	examples := []struct {
		dir    string
		docker bool
		image  string // the local image a docker example builds, removed after it
	}{
		{"wasm-hello", false, ""},
		{"docker-wordcount", true, "brine-examples/wordcount"},
		{"pipeline", false, ""},
		{"mapreduce", false, ""},
		{"mapreduce-docker", true, "brine-examples/mapreduce"},
		{"uptime-rewards", false, ""},
		{"explorer", false, ""},
		{"sim-attack", false, ""},  // needs no devnet: it starts its own simulation
		{"filecoin-sp", false, ""}, // its own deployment, through lotus-standin in front of the devnet
	}
	dirs, err := filepath.Glob("*/README.md")
	if err != nil {
		t.Fatal(err)
	}
	// demo/README.md shows `make demo`, whose output varies run to run; go test ./demo plays
	// it and checks its outcomes.
	dirs = slices.DeleteFunc(dirs, func(d string) bool { return d == filepath.Join("demo", "README.md") })
	if len(dirs) != len(examples) {
		t.Errorf("examples with a README: %v; the test lists %d (add the new one to the table)", dirs, len(examples))
	}
	for i, ex := range examples {
		client := net.Accounts[2+i]
		t.Run(ex.dir, func(t *testing.T) {
			t.Parallel()
			if ex.docker && !docker {
				testharness.SkipOrFail(t, "the docker example cannot run: %s. Run `make docker` as root (it installs docker.io and busybox-static and starts dockerd)", noDocker)
			}
			if ex.image != "" {
				t.Cleanup(func() { _ = exec.Command("docker", "rmi", "-f", ex.image).Run() })
			}
			runExample(t, ex.dir, client)
		})
	}
}

// runExample runs the README's test blocks in dir as client.
func runExample(t *testing.T, dir, client string) {
	readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	steps, err := parse(string(readme))
	if err != nil {
		t.Fatalf("%s/README.md: %v", dir, err)
	}
	if len(steps) == 0 {
		t.Fatalf("%s/README.md has no `sh test` block", dir)
	}
	clean := func() {
		if err := removeGenerated(dir); err != nil {
			t.Error(err)
		}
	}
	clean()
	t.Cleanup(clean)
	vars := map[string]string{}
	for _, s := range steps {
		cmdline, err := substitute(s.cmd, vars)
		if err != nil {
			t.Fatalf("%s/README.md:%d: %v", dir, s.line, err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		cmd := exec.CommandContext(ctx, "sh", "-c", cmdline)
		cmd.Dir = dir
		// CLIENT_ACCOUNT: a second account for an example that needs one (filecoin-sp's client).
		cmd.Env = env([]string{"BRINE_ACCOUNT=" + client, "CLIENT_ACCOUNT=" + net.Accounts[len(net.Accounts)-1]})
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		start := time.Now()
		err = cmd.Run()
		cancel()
		t.Logf("$ %s  (%s)\n%s%s", cmdline, time.Since(start).Round(time.Millisecond), stderr.String(), stdout.String())
		if err != nil {
			t.Fatalf("%s/README.md:%d: `%s`: %v\nstderr:\n%s", dir, s.line, cmdline, err, stderr.String())
		}
		if err := match(s.want, splitLines(stdout.String()), vars); err != nil {
			t.Fatalf("%s/README.md:%d: `%s`: %v\nwant:\n%s\ngot:\n%s", dir, s.line, cmdline, err,
				strings.Join(s.want, "\n"), stdout.String())
		}
	}
}

// removeGenerated deletes what the example's .gitignore lists (the files its commands make).
func removeGenerated(dir string) error {
	b, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil {
		return err
	}
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.Trim(strings.TrimSpace(l), "/")
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.ContainsAny(l, "*?[") || strings.Contains(l, "..") {
			return fmt.Errorf("%s/.gitignore: %q: only plain names are supported", dir, l)
		}
		if strings.HasSuffix(l, ".pid") {
			stopStarted(filepath.Join(dir, l))
		}
		if err := os.RemoveAll(filepath.Join(dir, l)); err != nil {
			return err
		}
	}
	return nil
}

// stopStarted sends SIGTERM to the process whose ID a README's command wrote to pidFile (a
// daemon it started in the background), so a README that fails half-way leaves nothing running.
func stopStarted(pidFile string) {
	b, err := os.ReadFile(pidFile)
	if err != nil {
		return
	}
	if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 1 {
		_ = syscall.Kill(pid, syscall.SIGTERM)
	}
}

// step is one command of a README and its expected stdout.
type step struct {
	line int // of the command in the README
	cmd  string
	want []string
}

// parse returns the commands of the README's ```sh test blocks.
func parse(readme string) ([]step, error) {
	var (
		steps   []step
		inBlock bool
		blockAt int
	)
	for i, l := range strings.Split(readme, "\n") {
		trimmed := strings.TrimSpace(l)
		switch {
		case !inBlock && strings.HasPrefix(trimmed, "```"):
			info := strings.Fields(strings.TrimPrefix(trimmed, "```"))
			inBlock, blockAt = true, i+1
			if len(info) == 2 && info[0] == "sh" && info[1] == "test" {
				blockAt = -(i + 1) // a test block
			}
		case inBlock && trimmed == "```":
			inBlock = false
			if n := len(steps); n > 0 && blockAt < 0 {
				steps[n-1].want = trimBlank(steps[n-1].want)
			}
		case !inBlock || blockAt > 0:
		case strings.HasPrefix(l, "$ "):
			steps = append(steps, step{line: i + 1, cmd: strings.TrimPrefix(l, "$ ")})
		case len(steps) > 0 && steps[len(steps)-1].line > -blockAt:
			steps[len(steps)-1].want = append(steps[len(steps)-1].want, strings.TrimRight(l, " \t"))
		}
	}
	if inBlock {
		return nil, fmt.Errorf("the block opened at line %d is not closed", abs(blockAt))
	}
	return steps, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func trimBlank(lines []string) []string {
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return trimBlank(lines)
}

var placeholder = regexp.MustCompile(`<([A-Z][A-Z0-9_]*)>`)

// substitute replaces <NAME> in a command by the word captured as NAME.
func substitute(cmd string, vars map[string]string) (string, error) {
	var missing []string
	out := placeholder.ReplaceAllStringFunc(cmd, func(m string) string {
		name := m[1 : len(m)-1]
		v, ok := vars[name]
		if !ok {
			missing = append(missing, name)
		}
		return v
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("no earlier output captured %s", strings.Join(missing, ", "))
	}
	return out, nil
}

// match compares got with the expected lines: <NAME> matches one word (captured, or equal
// to the earlier capture), a line "..." any number of lines. On success it records the
// captures in vars.
func match(want, got []string, vars map[string]string) error {
	caps := map[string]string{}
	for k, v := range vars {
		caps[k] = v
	}
	if !matchFrom(want, got, caps) {
		return errors.New("the output does not match")
	}
	for k, v := range caps {
		vars[k] = v
	}
	return nil
}

func matchFrom(want, got []string, caps map[string]string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "..." {
		for skip := 0; skip <= len(got); skip++ {
			c := clone(caps)
			if matchFrom(want[1:], got[skip:], c) {
				for k, v := range c {
					caps[k] = v
				}
				return true
			}
		}
		return false
	}
	if len(got) == 0 {
		return false
	}
	c := clone(caps)
	if !matchLine(want[0], got[0], c) || !matchFrom(want[1:], got[1:], c) {
		return false
	}
	for k, v := range c {
		caps[k] = v
	}
	return true
}

func clone(m map[string]string) map[string]string {
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// matchLine matches one line, recording new captures in caps.
func matchLine(want, got string, caps map[string]string) bool {
	var re strings.Builder
	var names []string
	re.WriteString("^")
	last := 0
	for _, m := range placeholder.FindAllStringSubmatchIndex(want, -1) {
		re.WriteString(regexp.QuoteMeta(want[last:m[0]]))
		name := want[m[2]:m[3]]
		if v, ok := caps[name]; ok {
			re.WriteString(regexp.QuoteMeta(v))
		} else {
			re.WriteString(`(\S+)`)
			names = append(names, name)
		}
		last = m[1]
	}
	re.WriteString(regexp.QuoteMeta(want[last:]) + "$")
	sub := regexp.MustCompile(re.String()).FindStringSubmatch(got)
	if sub == nil {
		return false
	}
	for i, name := range names {
		if v, ok := caps[name]; ok && v != sub[i+1] { // the same name twice on one line
			return false
		}
		caps[name] = sub[i+1]
	}
	return true
}

// The README convention itself: parsing of test blocks, placeholders and "...".
func TestConvention(t *testing.T) {
	readme := "intro\n```sh\n$ not run\n```\n```sh test\nignored\n$ echo a\nJob ID: <ID>\n\n```\n" +
		"```sh test\n$ brine job status <ID>\n...\nResult: <CID>\n...\n```\n"
	steps, err := parse(readme)
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) != 2 || steps[0].cmd != "echo a" || steps[0].line != 7 ||
		strings.Join(steps[0].want, "|") != "Job ID: <ID>" || strings.Join(steps[1].want, "|") != "...|Result: <CID>|..." {
		t.Fatalf("parse: %+v", steps)
	}
	if _, err := parse("```sh test\n$ x\n"); err == nil {
		t.Error("an unclosed block parsed")
	}
	vars := map[string]string{}
	if _, err := substitute(steps[1].cmd, vars); err == nil {
		t.Error("substituted an uncaptured placeholder")
	}
	if err := match(steps[0].want, []string{"Job ID: 7"}, vars); err != nil || vars["ID"] != "7" {
		t.Fatalf("match: %v, vars %v", err, vars)
	}
	if cmd, err := substitute(steps[1].cmd, vars); err != nil || cmd != "brine job status 7" {
		t.Errorf("substitute: %q, %v", cmd, err)
	}
	for _, c := range []struct {
		want []string
		got  []string
		ok   bool
	}{
		{[]string{"Job ID: <ID>"}, []string{"Job ID: 7"}, true},
		{[]string{"Job ID: <ID>"}, []string{"Job ID: 8"}, false},    // ID is 7 already
		{[]string{"Job ID: <ID>"}, []string{"Job ID: 7 x"}, false},  // one word
		{[]string{"Job ID: <ID>"}, []string{"Job ID: 7", ""}, true}, // trailing blank lines (splitLines trims them)
		{[]string{"<A> <A>"}, []string{"x y"}, false},
		{[]string{"<A> <A>"}, []string{"x x"}, true},
		{[]string{"a", "...", "z"}, []string{"a", "b", "c", "z"}, true},
		{[]string{"a", "...", "z"}, []string{"a", "z"}, true},
		{[]string{"a", "...", "z"}, []string{"a", "b"}, false},
		{[]string{"a"}, []string{"a", "b"}, false},
		{[]string{"a.b"}, []string{"axb"}, false}, // literal text is not a regexp
	} {
		got := c.got
		if len(got) > 0 && got[len(got)-1] == "" {
			got = splitLines(strings.Join(got, "\n"))
		}
		if err := match(c.want, got, clone(vars)); (err == nil) != c.ok {
			t.Errorf("match(%q, %q) = %v, want ok=%v", c.want, c.got, err, c.ok)
		}
	}
}

// What a README quotes in ```yaml and ```dockerfile blocks is in the example's files: every
// line (comments aside) occurs in one of them, so the excerpts cannot drift from what runs.
func TestQuotedFiles(t *testing.T) {
	readmes, err := filepath.Glob("*/README.md")
	if err != nil {
		t.Fatal(err)
	}
	comment := regexp.MustCompile(`\s+#.*$`)
	for _, readme := range readmes {
		dir := filepath.Dir(readme)
		b, err := os.ReadFile(readme)
		if err != nil {
			t.Fatal(err)
		}
		files, err := filepath.Glob(filepath.Join(dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, f := range files {
			if filepath.Base(f) == "README.md" || filepath.Ext(f) == ".go" {
				continue
			}
			if c, err := os.ReadFile(f); err == nil {
				all.WriteString("\n" + string(c) + "\n")
			}
		}
		have := map[string]bool{}
		for _, l := range strings.Split(all.String(), "\n") {
			have[strings.TrimRight(comment.ReplaceAllString(l, ""), " ")] = true
		}
		quoted := false
		for i, l := range strings.Split(string(b), "\n") {
			switch trimmed := strings.TrimSpace(l); {
			case trimmed == "```yaml" || trimmed == "```dockerfile":
				quoted = true
			case strings.HasPrefix(trimmed, "```"):
				quoted = false
			case quoted && trimmed != "" && !strings.HasPrefix(trimmed, "#"):
				if line := strings.TrimRight(comment.ReplaceAllString(l, ""), " "); !have[line] {
					t.Errorf("%s:%d: %q is not in any file of %s", readme, i+1, line, dir)
				}
			}
		}
	}
}
