package docker_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/image"
	"github.com/docker/docker/client"

	"github.com/brine-compute/brine/internal/testharness"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/docker"
	"github.com/brine-compute/brine/node/executor/executortest"
)

// busybox is Debian's static busybox (package busybox-static), the only program in the test
// image: nothing is ever pulled from a registry.
const busybox = docker.Busybox

var (
	engineOnce sync.Once
	engine     *client.Client
	engineErr  error

	imageOnce sync.Once
	imageTag  string
	imageErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if imageTag != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_, err := engine.ImageRemove(ctx, imageTag, image.RemoveOptions{Force: true, PruneChildren: true})
		cancel()
		if err != nil {
			fmt.Fprintf(os.Stderr, "removing test image %s: %v\n", imageTag, err)
		}
	}
	if engine != nil {
		engine.Close()
	}
	os.Exit(code)
}

// unavailable fails the test when CI is set and skips it otherwise.
func unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	testharness.SkipOrFail(t, "%s. Run `make docker` as root (it installs docker.io and busybox-static and starts dockerd)", fmt.Sprintf(format, args...))
}

// requireDocker returns a client of a Docker engine that answers, with a static busybox to
// build the test image from.
func requireDocker(t testing.TB) *client.Client {
	t.Helper()
	engineOnce.Do(func() {
		cli, err := client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
		if err != nil {
			engineErr = err
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := cli.Ping(ctx); err != nil {
			cli.Close()
			engineErr = err
			return
		}
		engine = cli
	})
	if engineErr != nil {
		unavailable(t, "the Docker engine does not answer (%v)", engineErr)
	}
	if err := docker.CheckStatic(busybox); err != nil {
		unavailable(t, "no static busybox at %s (%v; apt-get install busybox-static)", busybox, err)
	}
	return engine
}

// testImage builds, once per test binary, an image FROM scratch holding busybox and a link
// per applet, under a unique tag; TestMain removes it.
func testImage(t testing.TB) string {
	t.Helper()
	cli := requireDocker(t)
	imageOnce.Do(func() {
		tag := "brine-executortest:" + randomHex(6)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if err := docker.BuildBusyboxImage(ctx, cli, tag, busybox); err != nil {
			imageErr = err
			return
		}
		imageTag = tag
	})
	if imageErr != nil {
		t.Fatalf("building the test image: %v", imageErr)
	}
	return imageTag
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// newNodeExecutor returns an executor for a fresh node ID, closed at the end of the test.
func newNodeExecutor(t testing.TB, cfg docker.Config) *docker.Executor {
	t.Helper()
	cli := requireDocker(t)
	if cfg.NodeID == "" {
		cfg.NodeID = "test-" + randomHex(6)
	}
	if cfg.Client == nil {
		cfg.Client = cli
	}
	if cfg.Logger == nil {
		cfg.Logger = testharness.Logger(t, "")
	}
	ex, err := docker.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Whatever a failing test left behind.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if n, err := ex.Reconcile(ctx); err != nil || n > 0 {
			t.Errorf("containers left after the test: removed %d, err %v", n, err)
		}
		ex.Close()
	})
	return ex
}

// sh runs a busybox shell script; the case's arguments are "$@".
func sh(image, script string) executortest.Program {
	return executortest.Program{Image: image, Entrypoint: []string{"/bin/sh", "-c"}, Args: []string{script, "sh"}}
}

const tryFunc = `try() { name=$1; shift; if "$@" 2>/dev/null; then echo "$name: allowed"; else echo "$name: refused"; fi; }
`

func programs(t testing.TB) executortest.Programs {
	img := testImage(t)
	return executortest.Programs{
		Engine: docker.Engine,
		Outputs: sh(img, `set -e
g=$(cat /brine/inputs/greeting.txt)
printf '%s world\n' "$g" > /brine/outputs/result.txt
mkdir /brine/outputs/dir
printf 'nested\n' > /brine/outputs/dir/nested.txt
echo done`),
		ArgsEnv: sh(img, `printf '%s\n' "$@" > /brine/outputs/args.txt
printf '%s\n' "$GREETING" > /brine/outputs/env.txt`),
		InputsReadOnly: sh(img, tryFunc+`{
try overwrite sh -c 'echo x > /brine/inputs/greeting.txt'
try create sh -c 'echo x > /brine/inputs/new.txt'
try remove rm /brine/inputs/greeting.txt
try mkdir mkdir /brine/inputs/newdir
} > /brine/outputs/report.txt`),
		WriteOutside: sh(img, tryFunc+`t=$1
{
try root sh -c "echo x > /escape-$t"
try brine sh -c "echo x > /brine/escape-$t"
try dotdot sh -c "echo x > /brine/outputs/../escape-$t"
try symlink sh -c "ln -s ../secret-$t /brine/outputs/link && cat /brine/outputs/link"
rm -f /brine/outputs/link
} > /brine/outputs/report.txt`),
		Fail:  sh(img, `echo "about to fail" >&2; exit 3`),
		Spin:  sh(img, `exec sleep 3600`),
		Flood: sh(img, `exec yes flood`),
		// dd allocates its block (256MiB) and fills it from /dev/zero, touching every page.
		Hog:          sh(img, `exec dd if=/dev/zero of=/dev/null bs=256M count=1`),
		Fill:         sh(img, `dd if=/dev/zero of=/brine/outputs/fill.bin bs=1M count=64 2>/dev/null; exec sleep 3600`),
		FloodOutputs: sh(img, `i=0; while :; do dd if=/dev/zero of=/brine/outputs/flood-$i.bin bs=1M count=8 2>/dev/null; i=$((i+1)); done`),
		Deterministic: sh(img, `{
hostname; id; echo "$@"; env | sort
ls -ln /brine/inputs | sed 's/ [A-Z][a-z][a-z] .*:.. / TIME /'
} > /brine/outputs/det.txt`),
	}
}

func TestConformance(t *testing.T) {
	prog := programs(t)
	executortest.Run(t, func(t *testing.T) executor.Executor {
		return newNodeExecutor(t, docker.Config{})
	}, prog)
}

// countContainers counts the containers labelled with a job, or returns -1; for goroutines.
func countContainers(nodeID, jobID string) int {
	list, err := engine.ContainerList(context.Background(), container.ListOptions{
		All:     true,
		Filters: filters.NewArgs(filters.Arg("label", docker.LabelNode+"="+nodeID), filters.Arg("label", docker.LabelJob+"="+jobID)),
	})
	if err != nil {
		return -1
	}
	return len(list)
}

// jobContainers lists the containers labelled with a job.
func jobContainers(t testing.TB, nodeID, jobID string) []container.Summary {
	t.Helper()
	list, err := requireDocker(t).ContainerList(context.Background(), container.ListOptions{
		All:     true,
		Filters: filters.NewArgs(filters.Arg("label", docker.LabelNode+"="+nodeID), filters.Arg("label", docker.LabelJob+"="+jobID)),
	})
	if err != nil {
		t.Fatal(err)
	}
	return list
}
