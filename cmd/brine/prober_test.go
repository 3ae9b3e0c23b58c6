package main_test

import (
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/incentives/merkle"
)

// startProber runs `brine prober run` against n as account and waits for it to say it runs. It
// is stopped (SIGINT, and must exit 0) when the test ends unless the test stopped it.
func (n *testnet) startProber(t *testing.T, account string, flags ...string) *nodeProc {
	t.Helper()
	args := append([]string{"--account", account, "--log-level", "info", "prober", "run"}, flags...)
	return n.startProc(t, "prober", nil, `^Prober running as`, args...)
}

type rewardsStatusJSON struct {
	CurrentEpoch uint64 `json:"currentEpoch"`
	Account      struct {
		Claimed amountJSON `json:"claimed"`
		Roots   []struct {
			Epoch    uint64      `json:"epoch"`
			Reporter string      `json:"reporter"`
			State    string      `json:"state"`
			Amount   *amountJSON `json:"amount"`
		} `json:"roots"`
	} `json:"account"`
}

type rewardsTreeJSON struct {
	Epoch uint64 `json:"epoch"`
	Trees []struct {
		Reporter string `json:"reporter"`
		Root     string `json:"root"`
		Source   string `json:"source"`
		Leaves   []struct {
			Provider string     `json:"provider"`
			Amount   amountJSON `json:"amount"`
		} `json:"leaves"`
		Document json.RawMessage `json:"document"`
	} `json:"trees"`
}

// TestProberRun is the uptime loop through the binary on a devnet of its own, with a
// deployment of 6-second epochs: `brine prober run` refuses an account that is no reporter;
// run as the appointed reporter it probes the provider's `brine node run`, posts each epoch's
// root and publishes the tree, which the node (finding the prober through its endpoint file in
// the shared data directory) claims by itself. `brine rewards status` shows the claim, `brine
// rewards tree` fetches the tree over libp2p, over HTTP and by the reporter's address, each
// checked against the chain, and refuses a forged tree; `brine rewards claim` finds nothing
// left; Ctrl-C stops the prober and removes its endpoint file.
func TestProberRun(t *testing.T) {
	t.Parallel()
	n := launch(t, "--period", "1s", "--accounts", "4")
	acc := n.info.Accounts
	gov, reporter, provider := acc[0], acc[1], acc[2]
	short := filepath.Join(t.TempDir(), "short.json")
	n.ok(t, "--account", gov, "deploy", "--token", n.info.Contracts["token"], "--out", short, "--epoch-length", "6s")
	on := []string{"--deployment", short}

	r := n.run(t, nil, append(on, "--account", reporter, "prober", "run", "--http", "127.0.0.1:0")...)
	if r.code != 2 || !strings.Contains(r.stderr, "is not a reporter") || !strings.Contains(r.stderr, "brine rewards add-reporter --account "+gov+" "+reporter) {
		t.Fatalf("prober run as a non-reporter: exit %d, %q", r.code, r.stderr)
	}
	r = n.run(t, nil, append(on, "--account", reporter, "rewards", "add-reporter", reporter)...)
	if r.code != 2 || !strings.Contains(r.stderr, "pass --account "+gov) {
		t.Fatalf("add-reporter by a non-governance account: exit %d, %q", r.code, r.stderr)
	}
	n.ok(t, append(on, "--account", gov, "rewards", "add-reporter", reporter)...)
	st := decode[rewardsStatusJSON](t, n.ok(t, append(on, "rewards", "status")...))
	n.ok(t, append(on, "--account", gov, "rewards", "fund", "--from-epoch", fmt.Sprint(st.CurrentEpoch), "--epochs", "40", "20")...)
	n.ok(t, append(on, "--account", provider, "provider", "stake", "100")...)
	n.startNode(t, "node", nil, provider, append(on, "--claim-interval", "1s")...)
	pr := n.startProber(t, reporter, append(on, "--interval", "1s", "--jitter", "100ms", "--probe-timeout", "2s", "--http", "127.0.0.1:0")...)

	endpointFile := filepath.Join(n.info.DataDir, "prober", strings.ToLower(reporter), "endpoint.json")
	var ep struct {
		HTTP  string   `json:"http"`
		Addrs []string `json:"addrs"`
	}
	data, err := os.ReadFile(endpointFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &ep); err != nil || ep.HTTP == "" || len(ep.Addrs) == 0 {
		t.Fatalf("endpoint file %s: %v", data, err)
	}

	// The node claims the first epoch the prober closes, by itself.
	var claimed uint64
	var paid string
	deadline := time.Now().Add(90 * time.Second)
	for claimed == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the node claimed no rewards within 90s")
		}
		time.Sleep(time.Second)
		st := decode[rewardsStatusJSON](t, n.ok(t, append(on, "--account", provider, "rewards", "status", "--prober", reporter)...))
		for _, root := range st.Account.Roots {
			if root.State == "claimed" && strings.EqualFold(root.Reporter, reporter) && root.Amount != nil {
				claimed, paid = root.Epoch, root.Amount.Units
			}
		}
	}

	leafOf := func(tr rewardsTreeJSON) string {
		t.Helper()
		if tr.Epoch != claimed || len(tr.Trees) != 1 || !strings.EqualFold(tr.Trees[0].Reporter, reporter) {
			t.Fatalf("tree of epoch %d: %+v", claimed, tr)
		}
		for _, l := range tr.Trees[0].Leaves {
			if strings.EqualFold(l.Provider, provider) {
				return l.Amount.Units
			}
		}
		return ""
	}
	e := fmt.Sprint(claimed)
	for _, src := range []string{ep.Addrs[0], ep.HTTP, reporter} {
		tr := decode[rewardsTreeJSON](t, n.ok(t, append(on, "rewards", "tree", "--epoch", e, "--prober", src)...))
		if got := leafOf(tr); got != paid {
			t.Errorf("tree from %s pays %s %q, the node claimed %s", src, provider, got, paid)
		}
	}
	out := filepath.Join(t.TempDir(), "tree.json")
	human := n.run(t, nil, append(on, "rewards", "tree", "--epoch", e, "--out", out)...)
	if human.code != 0 || !strings.Contains(human.stdout, "(the root it posted on chain)") || !strings.Contains(strings.ToLower(human.stdout), strings.ToLower(provider)) {
		t.Errorf("rewards tree (the local prober): exit %d\n%s%s", human.code, human.stdout, human.stderr)
	}
	doc, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := merkle.ParseTree(doc); err != nil {
		t.Errorf("--out wrote %q: %v", doc, err)
	}

	// A forged tree for the same epoch, paying the provider the whole cap: its root is not on chain.
	amt, _ := new(big.Int).SetString(paid, 10)
	forged, err := merkle.Build([]merkle.Leaf{{Epoch: claimed, Provider: common.HexToAddress(provider), Amount: new(big.Int).Add(amt, big.NewInt(1))}})
	if err != nil {
		t.Fatal(err)
	}
	forgedDoc, _ := json.Marshal(forged)
	liar := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(forgedDoc) }))
	defer liar.Close()
	r = n.run(t, nil, append(on, "rewards", "tree", "--epoch", e, "--prober", liar.URL)...)
	if r.code != 1 || !strings.Contains(r.stderr, "root was not posted on chain") {
		t.Errorf("a forged tree: exit %d, %q", r.code, r.stderr)
	}

	// Nothing is left to claim by hand, and nothing is sent trying.
	r = n.run(t, nil, append(on, "--account", provider, "rewards", "claim", "--epoch", e)...)
	if r.code != 2 || !strings.Contains(r.stderr, "nothing to claim") || !strings.Contains(r.stderr, "already claimed") {
		t.Errorf("claiming a claimed epoch: exit %d, %q", r.code, r.stderr)
	}

	pr.interrupt(t)
	if _, err := os.Stat(endpointFile); !os.IsNotExist(err) {
		t.Errorf("the endpoint file outlived the prober: %v", err)
	}
}
