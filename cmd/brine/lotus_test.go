package main_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/filecoin-project/lotus/api"

	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/internal/lotusstandin"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/internal/testharness"
)

// TestStoryOnLotus runs the whole CLI story against the Lotus stand-in's RPC, as an SP would
// against a Lotus node's /rpc/v1: deploy, mint, stake, provider register --miner (every bad
// input refused, then bound and checked on chain by the precompile's stand-in), node run, job
// submit --wait, a challenge drawn, voted and resolved by three more nodes, audit; with --finality finalized (the stand-in's "finalized" 3 tipsets deep, so every
// transaction and every event the node acts on waits for it), null rounds (every third height
// that has no transaction), receipts a tipset after inclusion, and eth_getLogs limits so tight
// (16 epochs, 4 results) that every log scan pages. The chain makes a tipset every 250 ms,
// empty or not, as Filecoin makes one every 30 s.
func TestStoryOnLotus(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	w, sp := startLotusWorld(t, ctx, 7, true)
	d, s, n, env, accts, start := w.d, w.s, w.n, w.env, w.accts, w.start
	owner, provider, client := accts[0], accts[1], accts[2]
	ok := func(args ...string) result {
		t.Helper()
		r := n.run(t, env, append(args, "--json")...)
		if r.code != 0 {
			t.Fatalf("brine %s exited %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
		checkJSON(t, args, r.stdout)
		return r
	}
	r := n.run(t, env, "--account", owner, "token", "mint", "200", "--to", provider)
	if r.code != 0 || !strings.Contains(r.stderr, "waiting for the finalized block") {
		t.Fatalf("token mint: exit %d; want it to wait for the finalized block:\n%s", r.code, r.stderr)
	}
	ok("--account", owner, "token", "mint", "20", "--to", client)
	ok("--account", provider, "provider", "stake", "100")
	sp.setOnChainPeers(t, ctx, d)
	// A squatter registers the SP's peer ID first (it is public: anyone can read it from the
	// miner's StateMinerInfo); a plain register is refused, and the binding takes it back.
	squatter := accts[6]
	sp.squat(t, ctx, d, w.deployment, d.Accounts()[6])
	if r := n.run(t, env, "--account", provider, "provider", "register"); r.code == 0 || !strings.Contains(r.stderr, "PeerIdTaken") {
		t.Fatalf("provider register with its peer ID squatted: exit %d, want PeerIdTaken:\n%s", r.code, r.stderr)
	}
	sigHex := sp.story(t, func(args ...string) result { return n.run(t, env, append([]string{"--account", provider}, args...)...) })
	reg := decode[struct {
		Active    bool   `json:"active"`
		F410      string `json:"f410"`
		Miner     string `json:"miner"`
		OnChain   bool   `json:"minerVerifiedOnChain"`
		Operator  string `json:"minerController"`
		Reclaimed string `json:"peerIdReclaimedFrom"`
	}](t, ok("--account", provider, "provider", "register", "--miner", "f01000", "--miner-sig", sigHex))
	if !reg.Active || !strings.HasPrefix(reg.F410, "t410f") || reg.Miner != "t01000" || !reg.OnChain || reg.Operator != "t01002" || !strings.EqualFold(reg.Reclaimed, squatter) {
		t.Fatalf("provider register --miner: %+v; want active, shown as t410f…, SP t01000 checked on chain, through its worker t01002, the peer ID taken from the squatter %s", reg, squatter)
	}
	if st := decode[struct {
		Registered bool `json:"registered"`
	}](t, ok("provider", "status", squatter)); st.Registered {
		t.Fatal("the squatter is still registered")
	}
	if st := decode[struct {
		SP string `json:"sp"`
	}](t, ok("provider", "status", provider)); st.SP != "t01000" {
		t.Fatalf("provider status: sp %q, want t01000", st.SP)
	}
	if r := n.run(t, env, "audit", "providers"); r.code != 0 || !strings.Contains(r.stdout, "t01000") {
		t.Fatalf("audit providers (exit %d) does not show SP t01000:\n%s%s", r.code, r.stdout, r.stderr)
	}
	t.Logf("deployed, funded and registered in %s", time.Since(start).Round(time.Second))

	node := n.startNode(t, "node", env, provider, "--max-collateral", "4")
	mod := greetModule(t)
	spec := greetSpec(t, mod, `{path: name.txt, content: "lotus"}`, `{payment: "2", collateral: "4"}`, "{accept_within: 2m, run_within: 4m}")
	out := filepath.Join(t.TempDir(), "out")
	res := decode[struct {
		Job struct {
			ID     uint64 `json:"id"`
			Status string `json:"status"`
		} `json:"job"`
	}](t, ok("--account", client, "job", "submit", spec, "--module", mod, "--wait", "--output", out))
	if res.Job.Status != "finalized" {
		t.Fatalf("job submit --wait ended with job %d %s, want finalized", res.Job.ID, res.Job.Status)
	}
	node.wait(t, fmt.Sprintf(`msg="result committed" .*job=%d `, res.Job.ID), 10*time.Second)
	if got, err := os.ReadFile(filepath.Join(out, "greeting.txt")); err != nil || !strings.HasPrefix(string(got), "hello, lotus\n") {
		t.Fatalf("greeting.txt: %q, %v", got, err)
	}
	t.Logf("job %d posted, run and settled by %s", res.Job.ID, time.Since(start).Round(time.Second))
	if js := decode[struct {
		ProviderSP string `json:"providerSP"`
	}](t, ok("job", "status", fmt.Sprint(res.Job.ID), "--no-node")); js.ProviderSP != "t01000" {
		t.Fatalf("job status: providerSP %q, want t01000", js.ProviderSP)
	}
	if r := n.run(t, env, "job", "status", fmt.Sprint(res.Job.ID), "--no-node"); !strings.Contains(r.stdout, "SP t01000") {
		t.Fatalf("job status does not show SP t01000:\n%s", r.stdout)
	}
	storyChallenge(t, w, mod, owner, client, provider, accts[3:6], nil)
	t.Logf("a challenge drawn, voted, resolved and the job finalized by %s", time.Since(start).Round(time.Second))

	check := decode[struct {
		Balanced bool `json:"balanced"`
	}](t, ok("audit", "check"))
	if !check.Balanced {
		t.Fatal("audit check: the books do not balance")
	}
	jobs := decode[[]struct {
		ID     uint64 `json:"id"`
		Status string `json:"status"`
	}](t, ok("audit", "jobs"))
	if len(jobs) != 2 || jobs[0].Status != "finalized" || jobs[1].ID != res.Job.ID || jobs[1].Status != "finalized" {
		t.Fatalf("audit jobs: %+v; want the challenged job and the first, both finalized", jobs)
	}
	nulls := 0
	lotus, err := ethclient.DialContext(ctx, s.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer lotus.Close()
	latest, err := lotus.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for h := uint64(1); h <= latest; h++ {
		var rerr rpc.Error
		if _, err := lotus.HeaderByNumber(ctx, new(big.Int).SetUint64(h)); errors.As(err, &rerr) && rerr.ErrorCode() == int(api.ENullRound) {
			nulls++
		}
	}
	if nulls == 0 {
		t.Fatalf("no null round among %d tipsets", latest)
	}
	t.Logf("%d null rounds among %d tipsets", nulls, latest)
	w.checkPaged(t)
}

// refusalLog is the stand-in's log, to count the requests it refused as Lotus would.
type refusalLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *refusalLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *refusalLog) count(what string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Count(l.b.String(), what)
}

// lotusWorld is a chain as the stories on the stand-in see it: the devnet (with the actor-call
// precompile's test contract in its genesis) behind the Lotus stand-in, with --finality
// finalized (3 tipsets deep), null rounds (every third height without a transaction),
// receipts a tipset after inclusion and eth_getLogs limits so tight (16 epochs, 4 results)
// that every log scan pages; a tipset every 250 ms, empty or not, as Filecoin makes one every
// 30 s; and Brine deployed through it with vote windows of a minute of chain time (which runs
// about four times faster than the clock: a block every 250 ms, a second apart).
type lotusWorld struct {
	d          *devnet.Devnet
	s          *lotusstandin.StandIn
	n          *testnet
	env        []string
	accts      []string
	deployment string
	refusals   *refusalLog
	start      time.Time
}

// startLotusWorld starts it with accounts dev accounts, the first the deployer. With sp, the
// stand-in knows the miners of an SP whose provider is the second account (spWorld).
func startLotusWorld(t *testing.T, ctx context.Context, accounts int, sp bool) (*lotusWorld, *spWorld) {
	t.Helper()
	mockCode, err := simchain.CallActorMockCode()
	if err != nil {
		t.Fatal(err)
	}
	// FEVM's actor-call precompile, stood in for by a test contract at its address.
	d, err := devnet.New(devnet.Config{Accounts: accounts, GenesisCode: map[common.Address][]byte{simchain.CallActorID: mockCode}})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Stop(context.Background()) })
	dir := t.TempDir()
	cfg := lotusstandin.Config{
		Upstream:       d.HTTPURL(),
		NetworkName:    "localnet",
		FinalizedDepth: 3,
		SafeDepth:      1,
		MaxLogRange:    16,
		MaxLogResults:  4,
		NullRound:      func(h uint64) bool { return h%3 == 0 },
	}
	var world *spWorld
	if sp {
		world = newSPWorld(t, filepath.Join(dir, "brine"), d.Accounts()[1].Address)
		cfg.Miners, cfg.IDs, cfg.AccountKeys = world.miners, world.ids, world.keys
	}
	w := &lotusWorld{d: d, refusals: &refusalLog{}, deployment: filepath.Join(dir, "brine", "deployment.json")}
	cfg.Logger = slog.New(slog.NewTextHandler(w.refusals, nil))
	if w.s, err = lotusstandin.New(cfg); err != nil {
		t.Fatal(err)
	}
	if err := w.s.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.s.Stop(context.Background()) })
	testharness.MineSteadily(t, d, 250*time.Millisecond)

	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	w.n = &testnet{devnetProc: &devnetProc{home: home, info: devnetInfo{DataDir: filepath.Join(dir, "brine"), Password: devnet.DevPassword}}}
	w.env = []string{"BRINE_RPC=" + w.s.URL(), "BRINE_KEYSTORE=" + d.KeystoreDir(), "BRINE_FINALITY=finalized", "BRINE_POLL_INTERVAL=100ms"}
	for _, a := range d.Accounts() {
		w.accts = append(w.accts, a.Address.Hex())
	}
	w.start = time.Now()
	r := w.n.run(t, w.env, "--account", w.accts[0], "deploy", "--vote-commit-window", "60s", "--vote-reveal-window", "60s", "--json")
	if r.code != 0 {
		t.Fatalf("deploy exited %d: %s", r.code, r.stderr)
	}
	dep := decode[struct {
		Chain   string `json:"chain"`
		ChainID uint64 `json:"chainId"`
	}](t, r)
	if dep.Chain != "filecoin-localnet" || dep.ChainID != d.ChainID().Uint64() {
		t.Fatalf("deploy recorded chain %q (ID %d), want filecoin-localnet (%d)", dep.Chain, dep.ChainID, d.ChainID())
	}
	return w, world
}

// ok runs brine with --json as the world's commands do and fails unless it exits 0.
func (w *lotusWorld) ok(t *testing.T, env []string, args ...string) result {
	t.Helper()
	r := w.n.run(t, env, append(args, "--json")...)
	if r.code != 0 {
		t.Fatalf("brine %s exited %d: %s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}

// checkPaged fails unless the stand-in refused both kinds of eth_getLogs requests (so every
// scan paged around them).
func (w *lotusWorld) checkPaged(t *testing.T) {
	t.Helper()
	if ranges, results := w.refusals.count("range refused"), w.refusals.count("results refused"); ranges == 0 || results == 0 {
		t.Fatalf("the stand-in refused %d log ranges and %d result sets: the scans did not page", ranges, results)
	} else {
		t.Logf("the stand-in refused %d log ranges and %d result sets; the story took %s", ranges, results, time.Since(w.start).Round(time.Second))
	}
}

// storyChallenge: three more providers run nodes; the client posts a job with a minute's
// challenge window; once the provider's node commits, the challenger challenges it through the
// CLI; the nodes draw the verifiers, re-execute, commit and reveal their votes. An honest
// provider's result (upheld false): the verifiers wait out the appeal window and resolve, the
// challenge is rejected and the job finalizes. A lying provider's (upheld true, its node runs
// --dishonest wrong-result, given as liar): the first panel upholds the challenge; the provider, the losing
// side, appeals through the CLI (`job appeal`, depositing the appeal bond); the final panel
// (the same three, all that are eligible) re-executes and upholds it again, and the job ends
// refunded: the provider slashed, the client refunded, the challenger paid. It returns the job.
func storyChallenge(t *testing.T, w *lotusWorld, mod, challenger, client, provider string, verifiers []string, liar *nodeProc) string {
	upheld := liar != nil
	t.Helper()
	n, env := w.n, w.env
	ok := func(args ...string) result { t.Helper(); return w.ok(t, env, args...) }
	ok("--account", challenger, "token", "mint", "20", "--to", challenger)
	venvs := make([][]string, len(verifiers))
	for i, v := range verifiers {
		ok("--account", challenger, "token", "mint", "100", "--to", v)
		venvs[i] = append(append([]string{}, env...), "BRINE_DATADIR="+t.TempDir(), "BRINE_DEPLOYMENT="+w.deployment)
		if r := n.run(t, venvs[i], "--account", v, "provider", "stake", "100"); r.code != 0 {
			t.Fatalf("verifier %d stake: %s", i, r.stderr)
		}
	}
	spec := greetSpec(t, mod, `{path: name.txt, content: "challenged"}`, `{payment: "2", collateral: "4"}`, "{accept_within: 2m, run_within: 4m}")
	b, err := os.ReadFile(spec)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(spec, []byte(strings.Replace(string(b), "challenge_window: 4s", "challenge_window: 60s", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := decode[struct {
		Job struct {
			ID uint64 `json:"id"`
		} `json:"job"`
	}](t, ok("--account", client, "job", "submit", spec, "--module", mod))
	id := fmt.Sprint(sub.Job.ID)
	status := func() string {
		return decode[struct {
			Status string `json:"status"`
		}](t, ok("job", "status", id, "--no-node")).Status
	}
	waitStatus := func(want string, d time.Duration) {
		t.Helper()
		deadline := time.Now().Add(d)
		for got := status(); got != want; got = status() {
			if time.Now().After(deadline) {
				t.Fatalf("job %s is %s after %s, want %s", id, got, d, want)
			}
			time.Sleep(time.Second)
		}
	}
	waitStatus("committed", 2*time.Minute)
	// The verifiers' nodes start once the provider's node holds the job (so that it is the
	// provider's), and register themselves as they start.
	vnodes := make([]*nodeProc, len(verifiers))
	for i, v := range verifiers {
		vnodes[i] = n.startNode(t, fmt.Sprintf("verifier %d", i+1), venvs[i], v)
	}
	if v := decode[struct {
		Status string `json:"status"`
	}](t, ok("--account", challenger, "job", "challenge", id)); v.Status != "challenged" {
		t.Fatalf("after the challenge: %s", v.Status)
	}
	if !upheld {
		waitStatus("finalized", 3*time.Minute)
	} else {
		// Once the verifiers have voted (they fetched the spec and the module from the liar's
		// node, the only one that has them) the liar's node stops, so that its account's
		// transactions can go through the CLI (a node holds its account's journal). The appeal
		// window opens once the first panel has revealed; until then the market refuses an
		// appeal (TooEarly), and the command says so.
		for _, v := range vnodes {
			v.wait(t, `job/`+id+`/commit-vote/\S+: sent`, 3*time.Minute)
		}
		liar.interrupt(t)
		deadline := time.Now().Add(3 * time.Minute)
		for {
			r := n.run(t, env, "--account", provider, "job", "appeal", id, "--json")
			if r.code == 0 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("job appeal %s refused until %s: exit %d %s", id, deadline.Format(time.TimeOnly), r.code, r.stderr)
			}
			time.Sleep(time.Second)
		}
		t.Logf("job %s: the provider appealed the first verdict at %s", id, time.Since(w.start).Round(time.Second))
		// The final panel: the same three (all that are eligible) drawn again, each voting
		// a second time.
		for _, v := range vnodes {
			v.wait(t, `job/`+id+`/commit-vote/\S+: sent`, 3*time.Minute)
		}
		waitStatus("refunded", 4*time.Minute)
	}
	if check := decode[struct {
		Balanced bool `json:"balanced"`
	}](t, ok("audit", "check")); !check.Balanced {
		t.Fatal("audit check after the challenge: the books do not balance")
	}
	return id
}

// TestChallengeUpheldOnLotus: on the stand-in, as TestStoryOnLotus, a lying provider (its node
// runs --dishonest wrong-result) commits a wrong result; the challenge is upheld by the first
// panel, the provider appeals to the final panel, which upholds it again: the provider is
// slashed, the client refunded and the challenger paid, all read through eth_getLogs pages.
func TestChallengeUpheldOnLotus(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	w, _ := startLotusWorld(t, ctx, 6, false)
	owner, liar, client := w.accts[0], w.accts[1], w.accts[2]
	ok := func(args ...string) result { t.Helper(); return w.ok(t, w.env, args...) }
	// The liar needs the appeal bond besides its stake: challengeBond × 41 / 3 ≈ 137 tokens.
	ok("--account", owner, "token", "mint", "400", "--to", liar)
	ok("--account", owner, "token", "mint", "20", "--to", client)
	ok("--account", liar, "provider", "stake", "100")
	liarNode := w.n.startNode(t, "liar", w.env, liar, "--max-collateral", "4", "--dishonest", "wrong-result")
	type view struct {
		Staked  amountJSON `json:"staked"`
		Balance amountJSON `json:"marketBalance"`
	}
	provider := func(a string) view { return decode[view](t, ok("provider", "status", a)) }
	before := map[string]view{liar: provider(liar), client: provider(client), owner: provider(owner)}
	id := storyChallenge(t, w, greetModule(t), owner, client, liar, w.accts[3:6], liarNode)
	t.Logf("job %s: challenged, upheld, appealed, upheld by the final panel and refunded by %s", id, time.Since(w.start).Round(time.Second))
	after := map[string]view{liar: provider(liar), client: provider(client), owner: provider(owner)}
	if units(t, after[liar].Staked).Cmp(units(t, before[liar].Staked)) >= 0 {
		t.Errorf("the liar's stake %s, before %s: not slashed", after[liar].Staked.Decimal, before[liar].Staked.Decimal)
	}
	if units(t, after[client].Balance).Cmp(plus(units(t, before[client].Balance), 2)) < 0 {
		t.Errorf("the client's market balance %s, before %s: the payment (2) was not refunded", after[client].Balance.Decimal, before[client].Balance.Decimal)
	}
	if units(t, after[owner].Balance).Cmp(plus(units(t, before[owner].Balance), 10)) <= 0 {
		t.Errorf("the challenger's market balance %s, before %s: its bond (10) and a reward were not paid", after[owner].Balance.Decimal, before[owner].Balance.Decimal)
	}
	w.checkPaged(t)
}

// units is an amount's base units.
func units(t *testing.T, a amountJSON) *big.Int {
	t.Helper()
	v, ok := new(big.Int).SetString(a.Units, 10)
	if !ok {
		t.Fatalf("amount %+v: units are not an integer", a)
	}
	return v
}

// plus is a + n whole tokens.
func plus(a *big.Int, n int64) *big.Int {
	return new(big.Int).Add(a, new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)))
}

// TestFinalizedNeverReached: --finality finalized on a chain whose finalized block stays at
// genesis while the head runs 1,900 blocks ahead (the stand-in with a finalized depth beyond
// the chain) is refused before anything is sent, with exit 2 and the fix, instead of a command
// that waits forever. (A chain that stops making blocks is caught while waiting: go test
// ./chain/txmgr -run NotFinalizing.)
func TestFinalizedNeverReached(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	d, err := devnet.New(devnet.Config{Accounts: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Stop(context.Background()) })
	s, err := lotusstandin.New(lotusstandin.Config{Upstream: d.HTTPURL(), FinalizedDepth: 100_000})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Stop(context.Background()) })
	if err := d.Mine(ctx, 1900); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	n := &testnet{devnetProc: &devnetProc{home: home, info: devnetInfo{DataDir: filepath.Join(dir, "brine"), Password: devnet.DevPassword}}}
	env := []string{"BRINE_RPC=" + s.URL(), "BRINE_KEYSTORE=" + d.KeystoreDir()}
	owner := d.Accounts()[0].Address.Hex()
	r := n.run(t, append(env, "BRINE_FINALITY=finalized"), "--account", owner, "deploy")
	if r.code != 2 || !strings.Contains(r.stderr, "does not finalize") || !strings.Contains(r.stderr, "--finality depth:N") {
		t.Fatalf("deploy with --finality finalized: exit %d, want 2 naming the fix:\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "brine", "deployment.json")); err == nil {
		t.Fatal("a deployment was written")
	}
	t.Logf("refused: %s", strings.TrimSpace(r.stderr))
	// The fix works: a depth rule follows the chain (which makes a tipset every 50 ms now, so
	// that the stand-in's receipts, a tipset late, appear).
	testharness.MineSteadily(t, d, 50*time.Millisecond)
	if r := n.run(t, append(env, "BRINE_FINALITY=depth:2"), "--account", owner, "deploy", "--json"); r.code != 0 {
		t.Fatalf("deploy with --finality depth:2: exit %d:\n%s", r.code, r.stderr)
	}
}
