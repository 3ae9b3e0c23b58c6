package main_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/settlement"
)

// The success paths the shared suite does not reach, end to end through the binary on a devnet
// of their own: unstaking and withdrawing stake after the unbonding delay, withdrawing a
// market credit, challenging a committed result, claiming uptime rewards; with --json on every
// command (checked to print one JSON document). A second Brine deployment on the same chain
// (`brine deploy`, the devnet's token) has a 6 s unbonding delay and 4 s reward epochs. The
// subtests run in parallel, each as accounts of its own.
//
// Accounts: 0 governance (deploys, appoints the reporter), 1 unbonding provider, 2 client with a
// refund, 3 client / 4 provider / 5 challenger of the challenged job, 6 rewarded provider,
// 7 reporter, 8 JSON listing.
func TestFlows(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "9")
	acc := n.info.Accounts
	short := filepath.Join(t.TempDir(), "short.json")
	n.ok(t, "--account", acc[0], "deploy", "--token", n.info.Contracts["token"], "--out", short,
		"--unbonding-delay", "6s", "--epoch-length", "4s")
	dep, err := deploy.Load(short)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("unstake and withdraw stake", func(t *testing.T) {
		t.Parallel()
		p := acc[1]
		run := func(args ...string) result {
			return n.ok(t, append([]string{"--deployment", short, "--account", p}, args...)...)
		}
		run("provider", "stake", "50")
		v := decode[struct {
			Staked        amountJSON `json:"staked"`
			Free          amountJSON `json:"free"`
			Unbonding     amountJSON `json:"unbonding"`
			UnbondingEnds *time.Time `json:"unbondingEnds"`
		}](t, run("provider", "unstake", "20"))
		if v.Staked.Units != token(30) || v.Free.Units != token(30) || v.Unbonding.Units != token(20) || v.UnbondingEnds == nil {
			t.Fatalf("after unstaking 20 of 50: %+v", v)
		}

		// Before the delay: refused, nothing sent.
		before, _ := n.nonces(t, p)
		r := n.run(t, nil, "--deployment", short, "--account", p, "provider", "withdraw", "--stake")
		if r.code != 2 || !strings.Contains(r.stderr, "can be withdrawn from "+v.UnbondingEnds.Format(time.RFC3339)) {
			t.Errorf("withdraw --stake before the delay: exit %d, %q", r.code, r.stderr)
		}
		if _, pending := n.nonces(t, p); pending != before {
			t.Errorf("withdraw --stake before the delay sent %d transaction(s)", pending-before)
		}

		n.waitChainTime(t, *v.UnbondingEnds)
		held := n.tokens(t, p)
		w := decode[struct {
			Withdrawn amountJSON `json:"withdrawn"`
			What      string     `json:"what"`
		}](t, run("provider", "withdraw", "--stake"))
		if w.Withdrawn.Units != token(20) || w.What != "unbonded stake" {
			t.Errorf("withdraw --stake: %+v, want 20 tokens of unbonded stake", w)
		}
		if got, want := n.tokens(t, p), new(big.Int).Add(held, tokenUnits(token(20))); got.Cmp(want) != 0 {
			t.Errorf("wallet holds %s after withdrawing, want %s", got, want)
		}
		st := decode[struct {
			Staked    amountJSON `json:"staked"`
			Unbonding amountJSON `json:"unbonding"`
		}](t, run("provider", "status"))
		if st.Staked.Units != token(30) || st.Unbonding.Units != "0" {
			t.Errorf("after withdrawing: %+v", st)
		}
		r = n.run(t, nil, "--deployment", short, "--account", p, "provider", "withdraw", "--stake")
		if r.code != 2 || !strings.Contains(r.stderr, "has no unbonding stake") {
			t.Errorf("a second withdraw --stake: exit %d, %q", r.code, r.stderr)
		}
		n.ok(t, "--deployment", short, "audit", "check")
	})

	t.Run("withdraw a refund", func(t *testing.T) {
		t.Parallel()
		c := acc[2]
		spec := writeSpec(t, strings.Replace(jobSpec, "accept_within: 10m", "accept_within: 4s", 1))
		sub := decode[struct {
			Job struct {
				ID       uint64    `json:"id"`
				AcceptBy time.Time `json:"acceptBy"`
			} `json:"job"`
		}](t, n.ok(t, "--account", c, "job", "submit", "--post-anyway", spec))
		n.waitChainTime(t, sub.Job.AcceptBy.Add(time.Second))
		n.ok(t, "--account", c, "job", "reclaim", fmt.Sprint(sub.Job.ID))

		held := n.tokens(t, c)
		w := decode[struct {
			Withdrawn amountJSON `json:"withdrawn"`
			What      string     `json:"what"`
		}](t, n.ok(t, "--account", c, "provider", "withdraw"))
		if w.Withdrawn.Units != "2500000000000000000" || w.What != "market balance" {
			t.Errorf("withdraw: %+v, want the 2.5 token refund", w)
		}
		if got, want := n.tokens(t, c), new(big.Int).Add(held, tokenUnits("2500000000000000000")); got.Cmp(want) != 0 {
			t.Errorf("wallet holds %s after withdrawing, want %s", got, want)
		}
		st := decode[struct {
			Balance amountJSON `json:"marketBalance"`
		}](t, n.ok(t, "provider", "status", c))
		if st.Balance.Units != "0" {
			t.Errorf("market balance %s after withdrawing", st.Balance.Units)
		}
		before, _ := n.nonces(t, c)
		r := n.run(t, nil, "--account", c, "provider", "withdraw")
		if r.code != 2 || !strings.Contains(r.stderr, "nothing to withdraw: the market balance of "+c+" is 0") {
			t.Errorf("withdraw of an empty balance: exit %d, %q", r.code, r.stderr)
		}
		if _, pending := n.nonces(t, c); pending != before {
			t.Errorf("withdraw of an empty balance sent %d transaction(s)", pending-before)
		}
		n.ok(t, "audit", "check")
	})

	t.Run("challenge a committed result", func(t *testing.T) {
		t.Parallel()
		client, provider, challenger := acc[3], acc[4], acc[5]
		n.ok(t, "--account", provider, "provider", "stake", "100")
		n.ok(t, "--account", provider, "provider", "register")
		sub := decode[struct {
			Job struct {
				ID uint64 `json:"id"`
			} `json:"job"`
		}](t, n.ok(t, "--account", client, "job", "submit", "--post-anyway", writeSpec(t, jobSpec)))
		id := settlement.JobID(sub.Job.ID)

		// The provider accepts and commits from the test: that is the compute node's work.
		ps := n.settlement(t, n.info.Deployment, provider)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := ps.Accept(ctx, id); err != nil {
			t.Fatal(err)
		}
		result, err := cid.V1Builder{Codec: cid.Raw, MhType: 0x12 /* sha2-256 */}.Sum([]byte("count.txt: 6\n"))
		if err != nil {
			t.Fatal(err)
		}
		if err := ps.CommitResult(ctx, id, result.Bytes()); err != nil {
			t.Fatal(err)
		}

		// Refused before anything is sent (the bond's approval included): the job's own
		// provider, and an account with ETH for fees but fewer tokens than the bond.
		dir := t.TempDir()
		ks, pw := filepath.Join(dir, "keystore"), filepath.Join(dir, "pw")
		if err := os.WriteFile(pw, []byte("pw\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		poor := decode[struct{ Address string }](t, n.ok(t, "--keystore", ks, "--password-file", pw, "wallet", "new")).Address
		n.sender(t, n.faucet).send(t, "fund-poor", common.HexToAddress(poor), nil, ether(1))
		refusals := []struct {
			name string
			args []string
			who  string
			want string
		}{
			{"its provider", []string{"--account", provider}, provider, "is the job's provider, which cannot challenge its own result"},
			{"short of the bond", []string{"--keystore", ks, "--password-file", pw, "--account", poor}, poor,
				"insufficient token balance: the challenge bond needs 10 BRINE but " + poor + " holds 0 BRINE"},
		}
		for _, rf := range refusals {
			before, _ := n.nonces(t, rf.who)
			r := n.run(t, nil, append(rf.args, "job", "challenge", fmt.Sprint(id))...)
			if r.code != 2 || !strings.Contains(r.stderr, rf.want) {
				t.Errorf("challenge by %s: exit %d, %q, want %q", rf.name, r.code, r.stderr, rf.want)
			}
			if _, pending := n.nonces(t, rf.who); pending != before {
				t.Errorf("challenge by %s sent %d transaction(s)", rf.name, pending-before)
			}
		}

		held := n.tokens(t, challenger)
		before, _ := n.nonces(t, challenger)
		v := decode[struct {
			Status    string `json:"status"`
			ResultCID string `json:"resultCid"`
		}](t, n.ok(t, "--account", challenger, "job", "challenge", fmt.Sprint(id)))
		if v.Status != "challenged" || v.ResultCID != result.String() {
			t.Errorf("after the challenge: %+v", v)
		}
		if got, want := n.tokens(t, challenger), new(big.Int).Sub(held, tokenUnits(token(10))); got.Cmp(want) != 0 {
			t.Errorf("challenger holds %s after the challenge, want %s (the 10 token bond deposited)", got, want)
		}
		if mined, _ := n.nonces(t, challenger); mined != before+2 {
			t.Errorf("the challenge took %d transactions, want 2 (approve the bond, challenge)", mined-before)
		}
		n.ok(t, "audit", "check")
	})

	t.Run("claim rewards", func(t *testing.T) {
		t.Parallel()
		p, reporter := acc[6], acc[7]
		rw := bindings.NewUptimeRewards()
		n.sender(t, acc[0]).send(t, "add-reporter", dep.Rewards, rw.PackAddReporter(common.HexToAddress(reporter)), nil)
		status := func(epoch uint64) (cur uint64, end time.Time, paid string) {
			v := decode[struct {
				CurrentEpoch uint64 `json:"currentEpoch"`
				Epoch        struct {
					End  time.Time  `json:"end"`
					Paid amountJSON `json:"paid"`
				} `json:"epoch"`
			}](t, n.ok(t, "--deployment", short, "rewards", "status", "--epoch", fmt.Sprint(epoch)))
			return v.CurrentEpoch, v.Epoch.End, v.Epoch.Paid.Units
		}
		cur, _, _ := status(0)
		epoch := cur + 1 // ends after the reporter was appointed
		n.ok(t, "--deployment", short, "--account", p, "rewards", "fund", "--from-epoch", fmt.Sprint(epoch), "5")

		tree, err := merkle.Build([]merkle.Leaf{
			{Epoch: epoch, Provider: common.HexToAddress(p), Amount: tokenUnits(token(3))},
			{Epoch: epoch, Provider: common.HexToAddress(acc[1]), Amount: tokenUnits(token(2))},
		})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := json.Marshal(tree)
		if err != nil {
			t.Fatal(err)
		}
		treeFile := filepath.Join(t.TempDir(), "tree.json")
		if err := os.WriteFile(treeFile, doc, 0o644); err != nil {
			t.Fatal(err)
		}
		_, end, _ := status(epoch)
		n.waitChainTime(t, end)
		n.sender(t, reporter).send(t, "post-root", dep.Rewards, rw.PackPostRoot(epoch, tree.Root()), nil)

		held := n.tokens(t, p)
		v := decode[struct {
			Claimed amountJSON `json:"claimed"`
			Claims  []struct {
				Epoch    uint64 `json:"epoch"`
				Reporter string `json:"reporter"`
			} `json:"claims"`
		}](t, n.ok(t, "--deployment", short, "--account", p, "rewards", "claim", "--tree", treeFile))
		if v.Claimed.Units != token(3) || len(v.Claims) != 1 || v.Claims[0].Epoch != epoch || !strings.EqualFold(v.Claims[0].Reporter, reporter) {
			t.Errorf("claim: %+v, want 3 tokens of epoch %d from %s", v, epoch, reporter)
		}
		if got, want := n.tokens(t, p), new(big.Int).Add(held, tokenUnits(token(3))); got.Cmp(want) != 0 {
			t.Errorf("wallet holds %s after claiming, want %s", got, want)
		}
		if _, _, paid := status(epoch); paid != token(3) {
			t.Errorf("epoch %d paid %s after the claim, want %s", epoch, paid, token(3))
		}
		before, _ := n.nonces(t, p)
		r := n.run(t, nil, "--deployment", short, "--account", p, "rewards", "claim", "--tree", treeFile)
		if r.code != 2 || !strings.Contains(r.stderr, "nothing to claim") {
			t.Errorf("a second claim: exit %d, %q", r.code, r.stderr)
		}
		if _, pending := n.nonces(t, p); pending != before {
			t.Errorf("a second claim sent %d transaction(s)", pending-before)
		}
		n.ok(t, "--deployment", short, "audit", "check")
	})

	// --json on every command that prints data. The write commands are run with --json (and
	// checked) by the subtests above and the setup: deploy; provider stake, register, unstake,
	// withdraw; job submit, reclaim, challenge; rewards fund, claim. `brine devnet --json` is
	// what launch reads. Here: everything else.
	t.Run("json", func(t *testing.T) {
		t.Parallel()
		a := acc[8]
		spec := writeSpec(t, jobSpec)
		sub := decode[struct {
			Job struct {
				ID uint64 `json:"id"`
			} `json:"job"`
		}](t, n.ok(t, "--account", a, "job", "submit", "--post-anyway", spec))
		id := fmt.Sprint(sub.Job.ID)
		dir := t.TempDir()
		ks, pw, key := filepath.Join(dir, "keystore"), filepath.Join(dir, "pw"), filepath.Join(dir, "key.hex")
		if err := os.WriteFile(pw, []byte("pw\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(key, []byte("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"--keystore", ks, "--password-file", pw, "wallet", "new"},
			{"--keystore", ks, "--password-file", pw, "wallet", "import", key},
			{"wallet", "list"},
			{"wallet", "balance", a},
			{"provider", "status", a},
			{"job", "submit", "--dry-run", spec},
			{"job", "status", id},
			{"job", "list"},
			{"--account", a, "job", "list", "--mine", "--live"},
			{"rewards", "status"},
			{"audit", "providers"},
			{"audit", "jobs"},
			{"audit", "job", id},
			{"audit", "balances"},
			{"audit", "events"},
			{"audit", "check"},
		} {
			n.ok(t, args...)
		}
	})

	t.Run("default account", func(t *testing.T) {
		t.Parallel()
		// A devnet's data directory holds its faucet and dev accounts: the default is the
		// first dev account, said on stderr.
		r := n.ok(t, "provider", "status")
		if v := decode[struct{ Address string }](t, r); v.Address != acc[0] {
			t.Errorf("acting as %s by default, want the devnet's first dev account %s", v.Address, acc[0])
		}
		if !strings.Contains(r.stderr, "the devnet's first dev account") {
			t.Errorf("no note on the default account: %q", r.stderr)
		}
		list := decode[[]struct {
			Address string
			Default bool
		}](t, n.ok(t, "wallet", "list"))
		var defaults []string
		for _, e := range list {
			if e.Default {
				defaults = append(defaults, e.Address)
			}
		}
		if len(list) != len(acc)+1 || len(defaults) != 1 || defaults[0] != acc[0] {
			t.Errorf("wallet list: %d accounts, defaults %v; want %d with the default %s", len(list), defaults, len(acc)+1, acc[0])
		}

		// Another keystore: its only account is the default; with two, there is none.
		dir := t.TempDir()
		ks, pw := filepath.Join(dir, "keystore"), filepath.Join(dir, "pw")
		if err := os.WriteFile(pw, []byte("pw\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		first := decode[struct{ Address string }](t, n.ok(t, "--keystore", ks, "--password-file", pw, "wallet", "new")).Address
		if v := decode[struct{ Address string }](t, n.ok(t, "--keystore", ks, "provider", "status")); v.Address != first {
			t.Errorf("acting as %s, want the keystore's only account %s", v.Address, first)
		}
		n.ok(t, "--keystore", ks, "--password-file", pw, "wallet", "new")
		for _, args := range [][]string{{"provider", "status"}, {"--password-file", pw, "provider", "stake", "1"}, {"job", "list", "--mine"}} {
			r := n.run(t, nil, append([]string{"--keystore", ks}, args...)...)
			if r.code != 2 || !strings.Contains(r.stderr, "2 accounts in the keystore "+ks+" and no --account: pass --account ADDR") {
				t.Errorf("brine %s with two accounts: exit %d, %q", strings.Join(args, " "), r.code, r.stderr)
			}
		}
		r = n.run(t, nil, "--keystore", ks, "wallet", "list")
		if r.code != 0 || strings.Contains(r.stdout, "(default)") || !strings.Contains(r.stdout, "No default account") {
			t.Errorf("wallet list of two accounts: exit %d\n%s", r.code, r.stdout)
		}
	})
}

func writeSpec(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "job.yaml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
