package main_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/internal/errtext"
	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/jobspec"
)

// The suite builds the binary once, starts one `brine devnet` subprocess on loopback with
// OS-chosen ports, and drives everything else through the binary as subprocesses.
var (
	binary string // the built brine
	net    *devnetProc
)

type devnetInfo struct {
	HTTP       string            `json:"http"`
	ChainID    uint64            `json:"chainId"`
	DataDir    string            `json:"dataDir"`
	Ephemeral  bool              `json:"ephemeral"`
	Deployment string            `json:"deployment"`
	Keystore   string            `json:"keystore"`
	Password   string            `json:"password"`
	Accounts   []string          `json:"accounts"`
	Contracts  map[string]string `json:"contracts"`
}

type devnetProc struct {
	cmd    *exec.Cmd
	info   devnetInfo
	stderr *bytes.Buffer
	home   string
}

func TestMain(m *testing.M) {
	// The stories mostly wait on chain time and on the processes they start (devnets, nodes,
	// probers), not on the CPU: the default of GOMAXPROCS parallel tests would run them in turn.
	testharness.SetParallel(4)
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "brine-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "brine")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building brine:", err)
		return 1
	}
	net, err = startDevnet(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "starting the devnet:", err)
		if net != nil {
			fmt.Fprintln(os.Stderr, net.stderr.String())
		}
		return 1
	}
	code := m.Run()
	if err := net.stop(); err != nil {
		fmt.Fprintln(os.Stderr, "stopping the devnet:", err)
		code = 1
	}
	if code != 0 {
		fmt.Fprintln(os.Stderr, "devnet stderr:\n"+net.stderr.String())
	}
	return code
}

func startDevnet(dir string) (*devnetProc, error) {
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		return nil, err
	}
	d := &devnetProc{stderr: new(bytes.Buffer), home: home}
	d.cmd = exec.Command(binary, "devnet", "--datadir", filepath.Join(dir, "chain"),
		"--http", "127.0.0.1:0", "--ws", "127.0.0.1:0", "--period", "1s", "--json")
	d.cmd.Env = append(os.Environ(), "HOME="+home)
	d.cmd.Stderr = d.stderr
	out, err := d.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := d.cmd.Start(); err != nil {
		return nil, err
	}
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		if sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	select {
	case line, ok := <-lines:
		if !ok {
			_ = d.cmd.Wait()
			return d, errors.New("the devnet exited before printing its JSON line")
		}
		if err := json.Unmarshal([]byte(line), &d.info); err != nil {
			_ = d.stop()
			return d, fmt.Errorf("devnet line %q: %w", line, err)
		}
	case <-time.After(2 * time.Minute):
		_ = d.stop()
		return d, errors.New("the devnet did not start within 2 minutes")
	}
	return d, nil
}

func (d *devnetProc) stop() error {
	_ = d.cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- d.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(30 * time.Second):
		_ = d.cmd.Process.Kill()
		return errors.New("the devnet did not stop within 30s of SIGINT")
	}
}

// result of one brine run.
type result struct {
	code           int
	stdout, stderr string
}

// brine runs the binary with the devnet's data directory, the dev password and extra
// environment, and returns its output and exit code.
func brine(t *testing.T, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append(os.Environ(), "HOME="+net.home, "BRINE_DATADIR="+net.info.DataDir, "BRINE_PASSWORD="+net.info.Password)
	cmd.Env = append(cmd.Env, env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		t.Fatalf("brine %s: %v", strings.Join(args, " "), err)
	}
	t.Logf("brine %s -> %d\n%s%s", strings.Join(args, " "), r.code, r.stderr, r.stdout)
	return r
}

// ok runs brine and fails the test unless it exits 0.
func ok(t *testing.T, args ...string) result {
	t.Helper()
	r := brine(t, nil, args...)
	if r.code != 0 {
		t.Fatalf("brine %s exited %d: %s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}

func decode[T any](t *testing.T, r result) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatalf("decoding %q: %v", r.stdout, err)
	}
	return v
}

func client(t *testing.T) *ethclient.Client {
	t.Helper()
	c, err := ethclient.Dial(net.info.HTTP)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// nonce is the account's pending nonce: it counts transactions sent but not yet mined.
func nonce(t *testing.T, c *ethclient.Client, addr string) uint64 {
	t.Helper()
	n, err := c.PendingNonceAt(context.Background(), common.HexToAddress(addr))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func token(n int64) string { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)).String() }

type amountJSON struct {
	Units   string `json:"units"`
	Decimal string `json:"decimal"`
}

const jobSpec = `
engine: docker
image: alpine@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1
args: [sh, -c, "wc -c /brine/inputs/data.txt > /brine/outputs/count.txt"]
inputs: [{path: data.txt, content: "hello\n"}]
resources: {cpu: 0.5, memory: 128MiB, disk: 1GiB, time: 1m}
outputs: [{path: count.txt}]
price: {payment: "2.5", collateral: "5"}
deadlines: {accept_within: 10m, run_within: 1h}
challenge_window: 30s
`

// A provider stakes and registers its node, a client posts a job with a permit (one
// transaction), an auditor lists it and the books balance.
func TestProviderClientAuditor(t *testing.T) {
	c := client(t)
	provider, client := net.info.Accounts[1], net.info.Accounts[2]

	r := ok(t, "--account", provider, "--json", "provider", "stake", "150")
	st := decode[struct {
		Staked amountJSON `json:"staked"`
		Active bool       `json:"active"`
	}](t, r)
	if st.Staked.Units != token(150) || st.Staked.Decimal != "150" || st.Active {
		t.Errorf("after staking: %+v (not registered yet, so not active)", st)
	}

	r = ok(t, "provider", "register", "--account", provider, "--json")
	reg := decode[struct {
		PeerID      string `json:"peerId"`
		IdentityKey string `json:"identityKey"`
		Active      bool   `json:"active"`
	}](t, r)
	if !strings.HasPrefix(reg.PeerID, "12D3KooW") || !reg.Active {
		t.Errorf("register: %+v", reg)
	}
	if fi, err := os.Stat(filepath.Join(net.info.DataDir, "node", "identity.key")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("identity key: %v, %v", fi, err)
	}

	spec := filepath.Join(t.TempDir(), "job.yaml")
	if err := os.WriteFile(spec, []byte(jobSpec), 0o644); err != nil {
		t.Fatal(err)
	}
	parsed, err := jobspec.Parse([]byte(jobSpec))
	if err != nil {
		t.Fatal(err)
	}
	hash, _ := parsed.Hash()
	before := nonce(t, c, client)
	r = ok(t, "--account", client, "--json", "job", "submit", "--post-anyway", spec)
	if got := nonce(t, c, client); got != before+1 {
		t.Errorf("job submit sent %d transactions; the permit path sends one", got-before)
	}
	sub := decode[struct {
		Job struct {
			ID       uint64     `json:"id"`
			SpecHash string     `json:"specHash"`
			Payment  amountJSON `json:"payment"`
		} `json:"job"`
		SpecFile string `json:"specFile"`
		Note     string `json:"note"`
	}](t, r)
	if sub.Job.ID == 0 || sub.Job.SpecHash != hash.Hex() || sub.Job.Payment.Units != "2500000000000000000" {
		t.Errorf("submit: %+v (spec hash want %s)", sub, hash.Hex())
	}
	if !strings.Contains(sub.Note, "compute node") {
		t.Errorf("submit does not say execution comes with the node: %q", sub.Note)
	}
	canon, _ := parsed.Canonical()
	if saved, err := os.ReadFile(sub.SpecFile); err != nil || !bytes.Equal(saved, canon) {
		t.Errorf("saved spec %s: %v", sub.SpecFile, err)
	}

	r = ok(t, "audit", "jobs", "--json")
	jobs := decode[[]struct {
		ID       uint64 `json:"id"`
		Status   string `json:"status"`
		Client   string `json:"client"`
		SpecHash string `json:"specHash"`
	}](t, r)
	found := false
	for _, j := range jobs {
		if j.ID == sub.Job.ID {
			found = true
			if j.Status != "open" || !strings.EqualFold(j.Client, client) || j.SpecHash != hash.Hex() {
				t.Errorf("audit jobs lists %+v", j)
			}
		}
	}
	if !found {
		t.Errorf("audit jobs does not list job %d: %s", sub.Job.ID, r.stdout)
	}

	r = ok(t, "job", "status", fmt.Sprint(sub.Job.ID))
	for _, want := range []string{"open", client, "2.5 BRINE", "Accept by"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("job status does not show %q:\n%s", want, r.stdout)
		}
	}

	r = ok(t, "audit", "check", "--json")
	check := decode[struct {
		Balanced bool `json:"balanced"`
		Ledgers  []struct {
			Contract string     `json:"contract"`
			Holdings amountJSON `json:"holdings"`
			Balanced bool       `json:"balanced"`
		} `json:"ledgers"`
	}](t, r)
	if !check.Balanced || len(check.Ledgers) != 3 {
		t.Fatalf("audit check: %+v", check)
	}
	for _, l := range check.Ledgers {
		if l.Contract == "ProviderRegistry" && l.Holdings.Units != token(150) {
			t.Errorf("registry holds %s, want %s (one provider's stake)", l.Holdings.Units, token(150))
		}
	}

	r = ok(t, "audit", "providers", "--json")
	provs := decode[[]struct {
		Address    string `json:"address"`
		Registered bool   `json:"registered"`
	}](t, r)
	if len(provs) == 0 || !strings.EqualFold(provs[0].Address, provider) || !provs[0].Registered {
		t.Errorf("audit providers: %+v", provs)
	}
	r = ok(t, "audit", "events", "--json")
	if !strings.Contains(r.stdout, `"JobPosted"`) || !strings.Contains(r.stdout, `"ProviderRegistered"`) {
		t.Errorf("audit events misses JobPosted or ProviderRegistered")
	}
}

// Bad input: a clear message naming the problem, exit code 2, and no transaction sent.
func TestBadInput(t *testing.T) {
	c := client(t)
	acct := net.info.Accounts[3]
	dir := t.TempDir()
	raw, err := os.ReadFile(net.info.Deployment)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(name string, change func(map[string]any)) string {
		var d map[string]any
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Fatal(err)
		}
		change(d)
		out, _ := json.Marshal(d)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	wrongChain := edit("wrong-chain.json", func(d map[string]any) { d["chainId"] = 5 })
	wrongCode := edit("wrong-code.json", func(d map[string]any) { d["market"] = "0x000000000000000000000000000000000000dEaD" })
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	expensive := write("expensive.yaml", strings.Replace(jobSpec, `payment: "2.5", collateral: "5"`, `payment: "1000000", collateral: "2000000"`, 1))
	underRatio := write("ratio.yaml", strings.Replace(jobSpec, `collateral: "5"`, `collateral: "4.99"`, 1))
	unknownField := write("unknown.yaml", jobSpec+"gpus: 2\n")
	tooPrecise := write("precise.yaml", strings.Replace(jobSpec, `payment: "2.5"`, `payment: "1.0000000000000000001"`, 1))
	wrongPassword := write("pw.txt", "not-the-password\n")
	shortWindow := write("window.yaml", strings.Replace(jobSpec, "challenge_window: 30s", "challenge_window: 1s", 1))

	tests := []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"malformed account", nil, []string{"--account", "0x1234", "provider", "stake", "1"}, `"0x1234" is not an address`},
		{"malformed address argument", nil, []string{"provider", "status", "0xnot-an-address"}, "is not an address"},
		{"malformed address in the environment", []string{"BRINE_ACCOUNT=alice"}, []string{"provider", "stake", "1"}, "$BRINE_ACCOUNT \"alice\" is not an address"},
		{"too many decimals", nil, []string{"--account", acct, "provider", "stake", "1.0000000000000000001"}, "too many decimal places"},
		{"too many decimals in a spec", nil, []string{"--account", acct, "job", "submit", tooPrecise}, "too many decimal places"},
		{"negative amount", nil, []string{"--account", acct, "provider", "stake", "-5"}, "must not be negative"},
		{"negative after --", nil, []string{"--account", acct, "provider", "stake", "--", "-5"}, "must not be negative"},
		{"zero amount", nil, []string{"--account", acct, "provider", "stake", "0"}, "must be more than zero"},
		{"zero funding", nil, []string{"--account", acct, "rewards", "fund", "0.0"}, "must be more than zero"},
		{"garbage amount", nil, []string{"--account", acct, "provider", "stake", "1e18"}, "not a decimal amount"},
		{"unknown deployment file", nil, []string{"--account", acct, "--deployment", filepath.Join(dir, "missing.json"), "provider", "stake", "1"}, "no deployment file at"},
		{"wrong chain ID", nil, []string{"--account", acct, "--deployment", wrongChain, "provider", "stake", "1"}, "is for chain 5, but"},
		{"wrong contract code", nil, []string{"--account", acct, "--deployment", wrongCode, "provider", "stake", "1"}, "JobMarket at 0x000000000000000000000000000000000000dEaD has no code"},
		{"insufficient balance to stake", nil, []string{"--account", acct, "provider", "stake", "1000000"}, "insufficient token balance: staking needs 1000000 BRINE"},
		{"insufficient balance to post", nil, []string{"--account", acct, "job", "submit", expensive}, "insufficient token balance: the job's payment needs 1000000 BRINE"},
		{"insufficient balance to fund", nil, []string{"--account", acct, "rewards", "fund", "--epochs", "2", "6000"}, "funding 2 epoch(s) needs 12000 BRINE"},
		{"insufficient free stake", nil, []string{"--account", acct, "provider", "unstake", "1"}, "cannot unstake 1 BRINE"},
		{"collateral below the market's minimum ratio", nil, []string{"--account", acct, "job", "submit", underRatio}, "price.collateral 4.99 BRINE is below this market's minimum 5 BRINE for a payment of 2.5 BRINE to 1 replica(s)"},
		{"challenge window below the market's minimum", nil, []string{"--account", acct, "job", "submit", shortWindow}, "challenge_window 1s is shorter than this market's minimum 4s"},
		{"unknown spec field", nil, []string{"--account", acct, "job", "submit", unknownField}, "field gpus not found"},
		{"unknown job", nil, []string{"--account", acct, "job", "reclaim", "999999"}, "unknown job"},
		{"wrong password", nil, []string{"--account", acct, "--password-file", wrongPassword, "provider", "stake", "1"}, "wrong password"},
		{"account not in keystore", nil, []string{"--account", "0x000000000000000000000000000000000000bEEF", "provider", "stake", "1"}, "no such account in the keystore"},
		{"bad RPC URL", []string{"BRINE_RPC=localhost:8545"}, []string{"--account", acct, "provider", "stake", "1"}, "(from $BRINE_RPC) is not an http(s):// or ws(s):// URL"},
		{"password in config file", nil, []string{"--config", write("c.toml", "password = \"x\"\n"), "audit", "jobs"}, "passwords are never read from a config file"},
		{"unknown config key", nil, []string{"--config", write("c.yaml", "rcp: http://x\n"), "audit", "jobs"}, `unknown key "rcp"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := nonce(t, c, acct)
			r := brine(t, tt.env, tt.args...)
			if r.code != 2 {
				t.Errorf("exit code %d, want 2 (bad input)", r.code)
			}
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr %q does not say %q", r.stderr, tt.want)
			}
			for _, f := range errtext.Flaws(r.stderr) {
				t.Errorf("stderr %q: %s", r.stderr, f)
			}
			if after := nonce(t, c, acct); after != before {
				t.Errorf("%d transaction(s) sent", after-before)
			}
		})
	}
}

// TestRefusalTexts walks the job commands' refusals (wrong status, unknown job, bad specs of
// many shapes) and fails on a message a user should not read: a context said twice ("reclaim
// job 3: reclaim job 3:", two layers both wrapping) or a Go type name (jobspec.wireSpec).
func TestRefusalTexts(t *testing.T) {
	c := client(t)
	acct := net.info.Accounts[3]
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// An open job (accept-by 10 minutes away, no node to take it): every step but reclaim is
	// refused for its status, and reclaim is too early.
	r := ok(t, "--account", acct, "--json", "job", "submit", "--post-anyway", write("open.yaml", jobSpec))
	open := fmt.Sprint(decode[struct {
		Job struct {
			ID uint64 `json:"id"`
		} `json:"job"`
	}](t, r).Job.ID)
	const unknown = "999999"
	spec := func(name, text string) []string {
		return []string{"--account", acct, "job", "submit", write(name, text)}
	}
	tests := []struct {
		name string
		args []string
		want string // a substring of stderr
	}{
		{"reclaim too early", []string{"--account", acct, "job", "reclaim", open}, "reclaim job " + open + ": too early"},
		{"claim-timeout of an open job", []string{"--account", acct, "job", "claim-timeout", open}, "claim-timeout job " + open + ": it is open"},
		{"challenge of an open job", []string{"--account", acct, "job", "challenge", open}, "challenge job " + open + ": it is open"},
		{"appeal of an open job", []string{"--account", acct, "job", "appeal", open}, "appeal job " + open + ": it is open; only a challenged job's verdict can be appealed"},
		{"resolve of a single-provider job", []string{"--account", acct, "job", "resolve", open}, "resolve job " + open + ": it has one provider"},
		{"result of a job without one", []string{"job", "results", open, "--output", filepath.Join(dir, "out")}, "no committed result"},
		{"reclaim of an unknown job", []string{"--account", acct, "job", "reclaim", unknown}, "unknown job: job " + unknown},
		{"claim-timeout of an unknown job", []string{"--account", acct, "job", "claim-timeout", unknown}, "unknown job"},
		{"challenge of an unknown job", []string{"--account", acct, "job", "challenge", unknown}, "unknown job"},
		{"resolve of an unknown job", []string{"--account", acct, "job", "resolve", unknown}, "unknown job"},
		{"status of an unknown job", []string{"job", "status", unknown}, "unknown job"},
		{"result of an unknown job", []string{"job", "results", unknown, "--output", filepath.Join(dir, "out2")}, "unknown job"},
		{"job ID not a number", []string{"--account", acct, "job", "reclaim", "seven"}, "seven"},
		{"bad address", []string{"provider", "status", "0xnot-an-address"}, "is not an address"},
		{"bad amount", []string{"--account", acct, "provider", "stake", "1e18"}, "not a decimal amount"},
		{"spec: unknown field", spec("unknown.yaml", jobSpec+"gpus: 2\n"), "field gpus not found in the spec"},
		{"spec: unknown nested field", spec("nested.yaml", strings.Replace(jobSpec, "time: 1m}", "time: 1m, gpus: 1}", 1)), "field gpus not found in resources"},
		{"spec: a list", spec("list.yaml", "- engine: docker\n"), "the spec: want a mapping"},
		{"spec: string for args", spec("args.yaml", strings.Replace(jobSpec, "args: [sh, -c,", "entrypoint: sh\nargs: [-c,", 1)), "entrypoint: want a list of strings"},
		{"spec: string for an input", spec("input.yaml", strings.Replace(jobSpec, "inputs: [{path: data.txt, content: \"hello\\n\"}]", "inputs: [data.txt]", 1)), "inputs[0]: want an input"},
		{"spec: word for replicas", spec("replicas.yaml", jobSpec+"replicas: two\n"), "replicas: want a whole number"},
		{"spec: list for cpu", spec("cpu.yaml", strings.Replace(jobSpec, "cpu: 0.5", "cpu: [1]", 1)), "resources.cpu: want a string or a number"},
		{"spec: JSON object for inputs", spec("inputs.json", `{"engine": "docker", "inputs": {}}`), "inputs: want a list of inputs, got an object"},
		{"spec: JSON number for engine", spec("engine.json", `{"engine": 5}`), "engine: want a string, got a number"},
		{"spec: YAML syntax", spec("syntax.yaml", "a: b: c\n"), "mapping values are not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := nonce(t, c, acct)
			r := brine(t, nil, tt.args...)
			if r.code != 2 {
				t.Errorf("exit code %d, want 2 (bad input)", r.code)
			}
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr %q does not say %q", r.stderr, tt.want)
			}
			for _, f := range errtext.Flaws(r.stderr) {
				t.Errorf("stderr %q: %s", r.stderr, f)
			}
			if after := nonce(t, c, acct); after != before {
				t.Errorf("%d transaction(s) sent", after-before)
			}
		})
	}
}

// Configuration from a file and the environment, with flags over both.
func TestConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "brine.toml")
	text := fmt.Sprintf("rpc = %q\ndeployment = %q\naccount = %q\njson = true\n", net.info.HTTP, net.info.Deployment, net.info.Accounts[1])
	if err := os.WriteFile(cfg, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	// The data directory is elsewhere: the file alone finds the chain and deployment.
	env := []string{"BRINE_DATADIR=" + dir}
	r := brine(t, env, "--config", cfg, "provider", "status")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	v := decode[struct{ Address string }](t, r)
	if !strings.EqualFold(v.Address, net.info.Accounts[1]) {
		t.Errorf("status of %s, want the config file's account %s", v.Address, net.info.Accounts[1])
	}
	// The environment overrides the file, a flag overrides both.
	r = brine(t, append(env, "BRINE_ACCOUNT="+net.info.Accounts[2]), "--config", cfg, "provider", "status")
	if v := decode[struct{ Address string }](t, r); !strings.EqualFold(v.Address, net.info.Accounts[2]) {
		t.Errorf("status of %s, want $BRINE_ACCOUNT %s", v.Address, net.info.Accounts[2])
	}
	r = brine(t, append(env, "BRINE_ACCOUNT="+net.info.Accounts[2]), "--config", cfg, "provider", "status", "--account", net.info.Accounts[3])
	if v := decode[struct{ Address string }](t, r); !strings.EqualFold(v.Address, net.info.Accounts[3]) {
		t.Errorf("status of %s, want --account %s", v.Address, net.info.Accounts[3])
	}
}

// Wallet: new and import in a fresh keystore (0600 files in a 0700 directory), list, balance.
func TestWallet(t *testing.T) {
	dir := t.TempDir()
	ks := filepath.Join(dir, "keystore")
	pw := filepath.Join(dir, "pw")
	if err := os.WriteFile(pw, []byte("correct horse\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := ok(t, "--keystore", ks, "--password-file", pw, "--json", "wallet", "new")
	created := decode[struct{ Address, KeyFile string }](t, r)
	if fi, err := os.Stat(created.KeyFile); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file: %v %v", fi, err)
	}
	if fi, err := os.Stat(ks); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("keystore dir: %v %v", fi, err)
	}
	key := filepath.Join(dir, "key.hex")
	if err := os.WriteFile(key, []byte("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = ok(t, "--keystore", ks, "--password-file", pw, "wallet", "import", key, "--json")
	imported := decode[struct{ Address string }](t, r)
	if imported.Address != "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23" {
		t.Errorf("imported %s", imported.Address)
	}
	r = ok(t, "--keystore", ks, "wallet", "list", "--json")
	list := decode[[]struct{ Address string }](t, r)
	if len(list) != 2 {
		t.Errorf("wallet list: %+v", list)
	}
	r = ok(t, "wallet", "balance", net.info.Accounts[4], "--json")
	bal := decode[struct {
		ETH   amountJSON `json:"eth"`
		Token amountJSON `json:"token"`
	}](t, r)
	if bal.Token.Units != token(10_000) || bal.ETH.Decimal != "1000" {
		t.Errorf("balance of an untouched dev account: %+v", bal)
	}
	// Importing with no password anywhere fails clearly (stdin is not a terminal).
	r = brine(t, []string{"BRINE_PASSWORD="}, "--keystore", ks, "wallet", "new")
	if r.code != 2 || !strings.Contains(r.stderr, "no password given") {
		t.Errorf("wallet new without a password: %d %q", r.code, r.stderr)
	}
}

// `brine deploy` deploys a second Brine through the transaction manager and writes a
// deployment file every other command accepts.
func TestDeploy(t *testing.T) {
	out := filepath.Join(t.TempDir(), "second.json")
	r := ok(t, "--account", net.info.Accounts[0], "deploy", "--out", out, "--fee-bps", "50", "--min-stake", "12.5", "--json")
	d := decode[struct {
		Market  string `json:"market"`
		Chain   string `json:"chain"`
		ChainID uint64 `json:"chainId"`
	}](t, r)
	if d.ChainID != net.info.ChainID || d.Market == net.info.Contracts["market"] || d.Chain != "devnet" {
		t.Errorf("deploy: %+v", d)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Params struct {
			MinStake string `json:"minStake"`
			Market   struct {
				FeeBps int `json:"feeBps"`
			} `json:"market"`
		} `json:"params"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	if f.Params.MinStake != "12500000000000000000" || f.Params.Market.FeeBps != 50 {
		t.Errorf("deployment parameters: %+v", f.Params)
	}
	ok(t, "--deployment", out, "audit", "check")

	// Its dev token has no supply: its owner, the deployer, mints it; nobody else may.
	to := net.info.Accounts[2]
	m := decode[struct {
		Balance struct {
			Units string `json:"units"`
		} `json:"balance"`
	}](t, ok(t, "--deployment", out, "--account", net.info.Accounts[0], "token", "mint", "2.5", "--to", to, "--json"))
	if m.Balance.Units != "2500000000000000000" {
		t.Errorf("after minting 2.5 the receiver holds %s base units", m.Balance.Units)
	}
	r = brine(t, nil, "--deployment", out, "--account", to, "token", "mint", "1")
	if r.code != 2 || !strings.Contains(r.stderr, "only the token's owner") {
		t.Errorf("mint by another account: %d %q", r.code, r.stderr)
	}
	r = brine(t, nil, "--account", net.info.Accounts[0], "deploy", "--out", out)
	if r.code != 2 || !strings.Contains(r.stderr, "exists") {
		t.Errorf("deploy over an existing file: %d %q", r.code, r.stderr)
	}
	r = brine(t, nil, "--account", net.info.Accounts[0], "deploy", "--out", out+".2", "--verifiers", "4")
	if r.code != 2 || !strings.Contains(r.stderr, "an odd number") {
		t.Errorf("deploy with bad parameters: %d %q", r.code, r.stderr)
	}
	r = brine(t, nil, "--account", net.info.Accounts[0], "deploy", "--out", out+".3", "--min-collateral-bps", "100001")
	if r.code != 2 || !strings.Contains(r.stderr, "minimum collateral ratio is 1 to 100000") {
		t.Errorf("deploy with a ratio above MAX_COLLATERAL_BPS: %d %q", r.code, r.stderr)
	}
}

// Every command's --help shows an example.
func TestHelpHasExamples(t *testing.T) {
	commands := [][]string{
		{}, {"devnet"}, {"deploy"}, {"token"}, {"token", "mint"},
		{"wallet"}, {"wallet", "new"}, {"wallet", "import"}, {"wallet", "list"}, {"wallet", "balance"},
		{"provider"}, {"provider", "stake"}, {"provider", "register"}, {"provider", "unstake"}, {"provider", "withdraw"}, {"provider", "status"},
		{"job"}, {"job", "submit"}, {"job", "status"}, {"job", "list"}, {"job", "reclaim"}, {"job", "challenge"}, {"job", "appeal"}, {"cid"},
		{"rewards"}, {"rewards", "fund"}, {"rewards", "status"}, {"rewards", "claim"}, {"rewards", "tree"}, {"rewards", "add-reporter"},
		{"prober"}, {"prober", "run"},
		{"audit"}, {"audit", "providers"}, {"audit", "jobs"}, {"audit", "job"}, {"audit", "balances"}, {"audit", "events"}, {"audit", "check"},
		{"market"}, {"market", "sweep"}, {"index"}, {"explorer"},
	}
	for _, c := range commands {
		r := brine(t, nil, append(c, "--help")...)
		if r.code != 0 || !strings.Contains(r.stdout, "Example:") {
			t.Errorf("brine %s --help (exit %d) has no example", strings.Join(c, " "), r.code)
		}
	}
}

// Rewards: funding moves exactly amount*epochs into the contract; a claim with a tree whose
// root nobody posted sends nothing.
func TestRewards(t *testing.T) {
	c := client(t)
	funder := net.info.Accounts[4]
	r := ok(t, "rewards", "status", "--json")
	st := decode[struct {
		CurrentEpoch uint64 `json:"currentEpoch"`
	}](t, r)
	from := st.CurrentEpoch + 1
	ok(t, "--account", funder, "rewards", "fund", "--from-epoch", fmt.Sprint(from), "--epochs", "2", "2.5")
	r = ok(t, "rewards", "status", "--epoch", fmt.Sprint(from+1), "--json")
	ep := decode[struct {
		Epoch struct {
			Epoch  uint64     `json:"epoch"`
			Budget amountJSON `json:"budget"`
		} `json:"epoch"`
	}](t, r)
	if ep.Epoch.Epoch != from+1 || ep.Epoch.Budget.Units != "2500000000000000000" {
		t.Errorf("epoch %d after funding: %+v", from+1, ep)
	}
	ok(t, "audit", "check")

	tree := filepath.Join(t.TempDir(), "tree.json")
	built, err := merkle.Build([]merkle.Leaf{{Epoch: from, Provider: common.HexToAddress(funder), Amount: big.NewInt(1000)}})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := json.Marshal(built)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tree, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	before := nonce(t, c, funder)
	r = brine(t, nil, "--account", funder, "rewards", "claim", "--tree", tree)
	if r.code != 2 || !strings.Contains(r.stderr, "no reporter posted this root") || !strings.Contains(r.stderr, "nothing to claim") {
		t.Errorf("claim of an unposted root: %d %q", r.code, r.stderr)
	}
	if nonce(t, c, funder) != before {
		t.Error("a transaction was sent")
	}
}

// A job nobody accepts can be reclaimed once its accept-by time passed: the payment is
// credited back to the client.
func TestReclaim(t *testing.T) {
	clientAcct := net.info.Accounts[3]
	spec := filepath.Join(t.TempDir(), "short.yaml")
	text := strings.Replace(jobSpec, "accept_within: 10m", "accept_within: 3s", 1)
	if err := os.WriteFile(spec, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r := ok(t, "--account", clientAcct, "--json", "job", "submit", "--post-anyway", spec)
	sub := decode[struct {
		Job struct {
			ID       uint64    `json:"id"`
			AcceptBy time.Time `json:"acceptBy"`
		} `json:"job"`
	}](t, r)
	id := fmt.Sprint(sub.Job.ID)
	// Too early: refused, nothing sent.
	r = brine(t, nil, "--account", clientAcct, "job", "reclaim", id)
	if r.code != 2 {
		t.Errorf("early reclaim exit %d: %s", r.code, r.stderr)
	}
	// Wait for chain time to pass accept-by (blocks come every second), polling with a deadline.
	c := client(t)
	deadline := time.Now().Add(30 * time.Second)
	for {
		h, err := c.HeaderByNumber(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if int64(h.Time) > sub.Job.AcceptBy.Unix() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("chain time did not pass accept-by within 30s")
		}
		time.Sleep(200 * time.Millisecond)
	}
	r = ok(t, "--account", clientAcct, "--json", "job", "reclaim", id)
	if v := decode[struct{ Status string }](t, r); v.Status != "reclaimed" {
		t.Errorf("after reclaim: %s", v.Status)
	}
	r = ok(t, "provider", "status", clientAcct, "--json")
	if v := decode[struct {
		Balance amountJSON `json:"marketBalance"`
	}](t, r); v.Balance.Units != "2500000000000000000" {
		t.Errorf("client's credited balance after reclaim: %+v", v.Balance)
	}
	ok(t, "audit", "check")
}
