package node_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/image"
	dockerclient "github.com/docker/docker/client"

	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/internal/testharness/testnode"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/docker"
	"github.com/brine-compute/brine/node/executor/wasm"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement"
)

// busybox is Debian's static busybox (package busybox-static), the only program in the test
// image: nothing is pulled from a registry.
const busybox = docker.Busybox

// dockerUnavailable fails the test when CI is set and skips it otherwise.
func dockerUnavailable(tb testing.TB, format string, args ...any) {
	tb.Helper()
	testharness.SkipOrFail(tb, "%s. Run `make docker` as root (it installs docker.io and busybox-static and starts dockerd)", fmt.Sprintf(format, args...))
}

// requireDocker returns a client of a Docker engine that answers, with a static busybox to
// build the test image from; closed when the test ends.
func requireDocker(tb testing.TB) *dockerclient.Client {
	tb.Helper()
	cli, err := dockerclient.NewClientWithOpts(dockerclient.FromEnv, dockerclient.WithAPIVersionNegotiation())
	if err != nil {
		dockerUnavailable(tb, "no Docker client (%v)", err)
	}
	tb.Cleanup(func() { cli.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := cli.Ping(ctx); err != nil {
		dockerUnavailable(tb, "the Docker engine does not answer (%v)", err)
	}
	if err := docker.CheckStatic(busybox); err != nil {
		dockerUnavailable(tb, "no static busybox at %s (%v; apt-get install busybox-static)", busybox, err)
	}
	return cli
}

// busyboxImage builds an image FROM scratch holding busybox and a link per applet under a
// unique tag, removed when the test ends.
func busyboxImage(tb testing.TB, cli *dockerclient.Client) string {
	tb.Helper()
	tag := "brine-nodetest:" + randomHex(tb, 6)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := docker.BuildBusyboxImage(ctx, cli, tag, busybox); err != nil {
		tb.Fatalf("building the test image: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := cli.ImageRemove(ctx, tag, image.RemoveOptions{Force: true, PruneChildren: true}); err != nil {
			tb.Errorf("removing the test image %s: %v", tag, err)
		}
	})
	return tag
}

func randomHex(tb testing.TB, n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		tb.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// dockerExecutor is a docker executor for a fresh node ID that never pulls; at the end of
// the test no container of that node may be left.
func dockerExecutor(tb testing.TB, cli *dockerclient.Client) *docker.Executor {
	tb.Helper()
	ex, err := docker.New(docker.Config{NodeID: "nodetest-" + randomHex(tb, 6), Client: cli, DisablePulls: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if n, err := ex.Reconcile(ctx); err != nil || n > 0 {
			tb.Errorf("containers left after the test: removed %d, err %v", n, err)
		}
		ex.Close()
	})
	return ex
}

// startEngines runs a node for p with the given executors and policy.
func (p *provider) startEngines(tb testing.TB, executors map[jobspec.Engine]executor.Executor, policy node.Policy) *node.Node {
	tb.Helper()
	return p.Start(tb, testnode.Options{Executors: executors, Policy: policy})
}

// dockerDoc is a docker job on image counting the bytes of an inline input.
func dockerDoc(image, input string) string {
	return fmt.Sprintf(`
engine: docker
image: %s
entrypoint: [/bin/sh, -c]
args: ["wc -c < /brine/inputs/data.txt > /brine/outputs/count.txt && echo counted"]
inputs: [{path: data.txt, content: %q}]
resources: {cpu: 0.5, memory: 64MiB, disk: 16MiB, time: 30s}
outputs: [{path: count.txt}]
price: {payment: "2", collateral: "4"}
deadlines: {accept_within: 30s, run_within: 60s}
challenge_window: 4s
`, image, input)
}

// TestNodeRunsADockerJob: a client posts a job on a local busybox image; a provider node with
// a real Docker Engine accepts it, runs it in a container, commits the result's CID; the
// client downloads the result and verifies it against the commitment; the job finalizes with
// the provider credited exactly payment minus fee, and no container of the node is left.
func TestNodeRunsADockerJob(t *testing.T) {
	t.Parallel()
	cli := requireDocker(t)
	img := busyboxImage(t, cli)
	m := newMarket(t)
	ctx := context.Background()
	p := stakedProvider(t, m, "provider")
	ex := dockerExecutor(t, cli)
	w := testnode.Wasm(t, wasm.Config{})
	p.startEngines(t, map[jobspec.Engine]executor.Executor{jobspec.EngineDocker: ex, jobspec.EngineWasm: w},
		node.Policy{AllowedImages: []string{"brine-nodetest:*"}})
	c := newClient(t, m)
	before, err := p.acct.Balance(ctx, p.acct.Account())
	if err != nil {
		t.Fatal(err)
	}

	const input = "hello, docker\n"
	job := c.postDoc(t, dockerDoc(img, input))
	committed := waitJob(t, c.acct, job.ID, "committed", 60*time.Second, func(j settlement.Job) bool { return j.Status >= settlement.StatusCommitted })
	if committed.Provider != p.acct.Account() {
		t.Fatalf("provider %s, want %s", committed.Provider, p.acct.Account())
	}
	data, got, err := providers.FetchJobResult(ctx, c.host, c.acct, committed, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := results.ParseCommitment(committed.ResultCID); !got.Equals(want) {
		t.Fatalf("fetched %s, committed %s", got, want)
	}
	out := t.TempDir()
	if err := results.Unpack(data, out, results.Limits{}); err != nil {
		t.Fatal(err)
	}
	count, err := os.ReadFile(filepath.Join(out, "count.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("%d\n", len(input)); string(count) != want {
		t.Fatalf("count.txt = %q, want %q", count, want)
	}

	final := waitJob(t, c.acct, job.ID, "finalized", 30*time.Second, status(settlement.StatusFinalized))
	after, err := p.acct.Balance(ctx, p.acct.Account())
	if err != nil {
		t.Fatal(err)
	}
	want := new(big.Int).Sub(final.Payment, fee(final.Payment, final.FeeBps))
	if gained := new(big.Int).Sub(after, before); gained.Cmp(want) != 0 {
		t.Fatalf("provider balance grew by %s, want %s", gained, want)
	}
	left, err := cli.ContainerList(ctx, container.ListOptions{All: true, Filters: filters.NewArgs(filters.Arg("ancestor", img))})
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Fatalf("%d container(s) of the job's image left", len(left))
	}
}

// TestDeepOutputTreeIsTheJobsFault: a docker job whose declared output is a directory tree
// 81 levels deep (8KB of path, past PATH_MAX; built from the bottom up, so the job's own
// calls never name a long path) fails by its own doing: the node commits a
// failure record output_unsafe naming the output, after one run, with a short reason, and
// removes the job's directory. Before, measuring the outputs failed on the long path, the
// node blamed itself, ran the job three times and quoted 6KB of path in its reason.
func TestDeepOutputTreeIsTheJobsFault(t *testing.T) {
	t.Parallel()
	cli := requireDocker(t)
	img := busyboxImage(t, cli)
	m := newMarket(t)
	ctx := context.Background()
	p := stakedProvider(t, m, "provider")
	n := p.startEngines(t, map[jobspec.Engine]executor.Executor{jobspec.EngineDocker: dockerExecutor(t, cli)},
		node.Policy{AllowedImages: []string{"brine-nodetest:*"}})
	c := newClient(t, m)
	doc := fmt.Sprintf(`
engine: docker
image: %s
entrypoint: [/bin/sh, -c]
args: ["d=$(printf '%%0100d' 0); cd /brine/outputs && mkdir $d && echo deep > $d/leaf.txt && i=0; while [ $i -lt 80 ]; do mkdir t && mv $d t/$d && mv t $d || exit 9; i=$((i+1)); done; mv $d out"]
resources: {cpu: 0.5, memory: 64MiB, disk: 16MiB, time: 30s}
outputs: [{path: out}]
price: {payment: "2", collateral: "4"}
deadlines: {accept_within: 30s, run_within: 60s}
challenge_window: 4s
`, img)
	job := c.postDoc(t, doc)
	committed := waitJob(t, c.acct, job.ID, "committed", 60*time.Second, func(j settlement.Job) bool { return j.Status >= settlement.StatusCommitted })
	rec := waitRecord(t, n, job.ID, "committed", 10*time.Second, func(r store.JobRecord) bool { return r.State >= store.StateCommitted })
	t.Logf("the node's record: %s after %d run(s), failure %q", rec.State, rec.Attempts, rec.Failure)
	if rec.Attempts != 1 || !strings.HasPrefix(rec.Failure, "packaging the outputs: ") || len(rec.Failure) > 256 {
		t.Errorf("record after %d run(s) with failure %q (%d bytes); want one run and a short packaging failure", rec.Attempts, rec.Failure, len(rec.Failure))
	}
	data, _, err := providers.FetchJobResult(ctx, c.host, c.acct, committed, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	fr, ok, err := results.ReadFailure(data)
	if err != nil || !ok || fr.Reason != results.FailOutputUnsafe || fr.Output != "out" {
		t.Fatalf("result %+v (failure record %v, %v); want output_unsafe of out", fr, ok, err)
	}
	if _, err := os.Stat(filepath.Join(p.dataDir, "jobs", job.ID.String())); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the job's directory is still there: %v", err)
	}
}
