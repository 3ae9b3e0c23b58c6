package docker_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/docker/docker/api/types/container"

	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/docker"
	"github.com/brine-compute/brine/node/executor/executortest"
)

// A fork bomb fills its pids limit and no more, the kernel refuses its forks, the job still
// ends (its shell exits and the container's processes die with it), and the host can still
// start processes.
func TestForkBomb(t *testing.T) {
	t.Parallel()
	ex := newNodeExecutor(t, docker.Config{})
	// Only shell builtins after the bomb starts: they need no fork. The kernel's own peak
	// (pids.peak) is used where the kernel has it, else the sampled one.
	job := executortest.NewJob(t, docker.Engine, sh(testImage(t), `
if [ -r /sys/fs/cgroup/pids/pids.max ]; then d=/sys/fs/cgroup/pids; else d=/sys/fs/cgroup; fi
read max < $d/pids.max
b() { b | b & }
b &
peak=0 i=0
while [ $i -lt 20000 ]; do
	read c < $d/pids.current
	if [ "$c" -gt "$peak" ]; then peak=$c; fi
	i=$((i+1))
done
if [ -r $d/pids.peak ]; then read peak < $d/pids.peak; fi
read events < $d/pids.events
echo "$max $peak $events" > /brine/outputs/pids
exit 0`))
	job.Limits.Pids = 32
	job.Spec.Resources.Time = 20 * time.Second
	res := executortest.RunJob(t, ex, job)
	executortest.WantSuccess(t, res)
	var max, peak, refused int
	got := executortest.ReadOutput(t, job, "pids")
	if _, err := fmt.Sscanf(got, "%d %d max %d", &max, &peak, &refused); err != nil {
		t.Fatalf("pids report %q: %v", got, err)
	}
	t.Logf("pids.max %d, peak %d, forks refused %d", max, peak, refused)
	if max != 32 {
		t.Errorf("pids.max in the container = %d, want 32", max)
	}
	if peak > 32 || peak < 2 {
		t.Errorf("peak processes %d; want the bomb to run and never pass the limit 32", peak)
	}
	if refused == 0 {
		t.Errorf("pids.events counts no refused fork: the bomb never reached the limit (peak %d)", peak)
	}
	if err := exec.Command("/bin/true").Run(); err != nil {
		t.Errorf("the host cannot start a process after the bomb: %v", err)
	}
}

// Without network the container has only its own loopback: no interface reaches the host
// or anything else, and a connection to the host's loopback lands in the container's own.
func TestNoNetwork(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var accepted atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			c.Close()
		}
	}()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	script := `while read l; do case $l in *:*) echo "${l%%:*}";; esac; done < /proc/net/dev > /brine/outputs/ifaces
if nc -w 2 127.0.0.1 ` + port + ` </dev/null 2>/dev/null; then echo "loopback: allowed"; else echo "loopback: refused"; fi > /brine/outputs/report.txt`

	t.Run("none", func(t *testing.T) {
		ex := newNodeExecutor(t, docker.Config{})
		job := executortest.NewJob(t, docker.Engine, sh(testImage(t), script))
		executortest.WantSuccess(t, executortest.RunJob(t, ex, job))
		if got := executortest.ReadOutput(t, job, "ifaces"); got != "lo\n" {
			t.Errorf("interfaces %q, want only lo", got)
		}
		if got := executortest.ReadOutput(t, job, "report.txt"); got != "loopback: refused\n" {
			t.Errorf("report %q", got)
		}
		if n := accepted.Load(); n != 0 {
			t.Errorf("the host's listener accepted %d connections from the job", n)
		}
	})
	// Asked for and allowed: the container gets an interface (no traffic is sent).
	t.Run("allowed", func(t *testing.T) {
		ex := newNodeExecutor(t, docker.Config{})
		job := executortest.NewJob(t, docker.Engine, sh(testImage(t),
			`while read l; do case $l in *:*) echo "${l%%:*}";; esac; done < /proc/net/dev > /brine/outputs/ifaces`))
		job.Spec.Network = true
		job.Limits.Network = true
		executortest.WantSuccess(t, executortest.RunJob(t, ex, job))
		if got := executortest.ReadOutput(t, job, "ifaces"); !strings.Contains(got, "eth0") {
			t.Errorf("interfaces %q, want eth0 too", got)
		}
	})
}

// The job runs as nobody with no capabilities and cannot gain any.
func TestPrivileges(t *testing.T) {
	t.Parallel()
	ex := newNodeExecutor(t, docker.Config{})
	job := executortest.NewJob(t, docker.Engine, sh(testImage(t), tryFunc+`
while read k v rest; do
	case $k in Uid:|Gid:|CapInh:|CapPrm:|CapEff:|CapBnd:|CapAmb:|NoNewPrivs:) echo "$k $v";; esac
done < /proc/self/status > /brine/outputs/status
{
try chown chown 0 /brine/outputs/status
try mknod mknod /tmp/null c 1 3
try mount mount -t tmpfs none /tmp
try root-write sh -c 'echo x > /etc/x'
} > /brine/outputs/report.txt`))
	executortest.WantSuccess(t, executortest.RunJob(t, ex, job))
	want := "Uid: 65534\nGid: 65534\nCapInh: 0000000000000000\nCapPrm: 0000000000000000\nCapEff: 0000000000000000\nCapBnd: 0000000000000000\nCapAmb: 0000000000000000\nNoNewPrivs: 1\n"
	if got := executortest.ReadOutput(t, job, "status"); got != want {
		t.Errorf("/proc/self/status:\n%s\nwant:\n%s", got, want)
	}
	if got, want := executortest.ReadOutput(t, job, "report.txt"), "chown: refused\nmknod: refused\nmount: refused\nroot-write: refused\n"; got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
}

func TestImages(t *testing.T) {
	t.Parallel()
	img := testImage(t)
	for _, tc := range []struct {
		name  string
		cfg   docker.Config
		image string
		msg   string
	}{
		{"absent and pulls disabled", docker.Config{DisablePulls: true}, "brine-executortest/absent:never",
			"image pull failed: brine-executortest/absent:never: image not present and pulls disabled"},
		// The registry is a closed port on the loopback: the pull fails without leaving the host.
		{"registry unreachable", docker.Config{PullTimeout: 20 * time.Second}, "127.0.0.1:1/brine/absent:1", ""},
		{"too large", docker.Config{MaxImageBytes: 1 << 10}, img, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ex := newNodeExecutor(t, tc.cfg)
			job := executortest.NewJob(t, docker.Engine, sh(tc.image, "true"))
			err := ex.Prepare(context.Background(), job.Spec)
			f, ok := executor.AsFailure(err)
			if !ok || !errors.Is(err, executor.PullFailed) {
				t.Fatalf("Prepare: %v, want a PullFailed failure", err)
			}
			if tc.msg != "" && f.Error() != tc.msg {
				t.Errorf("Prepare: %q, want %q", f, tc.msg)
			}
			t.Logf("Prepare: %v", f)
			res := executortest.RunJob(t, ex, job)
			executortest.WantFailure(t, res, executor.PullFailed, f.Error())
			if !res.Started.IsZero() {
				t.Error("the job's clock started though its image is missing")
			}
		})
	}
	t.Run("present", func(t *testing.T) {
		ex := newNodeExecutor(t, docker.Config{DisablePulls: true, MaxImageBytes: 1 << 30})
		job := executortest.NewJob(t, docker.Engine, sh(img, "true"))
		if err := ex.Prepare(context.Background(), job.Spec); err != nil {
			t.Fatalf("Prepare of a present image: %v", err)
		}
	})
}

// A program that is not in the image is the spec's fault, not the node's.
func TestMissingEntrypoint(t *testing.T) {
	t.Parallel()
	ex := newNodeExecutor(t, docker.Config{})
	job := executortest.NewJob(t, docker.Engine, executortest.Program{Image: testImage(t), Entrypoint: []string{"/bin/nope"}})
	res := executortest.RunJob(t, ex, job)
	executortest.WantFailure(t, res, executor.BadSpec, "")
}

// Containers are removed after every run, whatever its end, and Reconcile removes this
// node's strays but neither other nodes' containers nor the ones of jobs running now.
func TestCleanupAndReconcile(t *testing.T) {
	t.Parallel()
	cli := requireDocker(t)
	img := testImage(t)
	ex := newNodeExecutor(t, docker.Config{})
	nodeID := ex.NodeID()

	for _, prog := range []executortest.Program{sh(img, "true"), sh(img, "exit 1"), sh(img, "exec sleep 60")} {
		job := executortest.NewJob(t, docker.Engine, prog)
		job.Spec.Resources.Time = time.Second
		executortest.RunJob(t, ex, job)
		if left := jobContainers(t, nodeID, job.ID); len(left) != 0 {
			t.Errorf("%v: %d containers left after the run", prog.Args, len(left))
		}
	}

	// Strays: one of this node (as a crash leaves them), one of another node.
	create := func(node, jobID string) string {
		c, err := cli.ContainerCreate(context.Background(), &container.Config{
			Image: img, Cmd: []string{"true"},
			Labels: map[string]string{docker.LabelNode: node, docker.LabelJob: jobID},
		}, &container.HostConfig{NetworkMode: "none"}, nil, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	create(nodeID, "crashed-job")
	otherNode := "other-" + randomHex(4)
	other := create(otherNode, "their-job")
	t.Cleanup(func() { _ = cli.ContainerRemove(context.Background(), other, container.RemoveOptions{Force: true}) })

	// A job running now.
	running := executortest.NewJob(t, docker.Engine, sh(img, "exec sleep 60"))
	running.Spec.Resources.Time = 5 * time.Second
	done := make(chan executor.Result, 1)
	go func() {
		res, err := ex.Run(context.Background(), running)
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	deadline := time.Now().Add(20 * time.Second)
	for len(jobContainers(t, nodeID, running.ID)) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the running job's container never appeared")
		}
		time.Sleep(20 * time.Millisecond)
	}

	removed, err := ex.Reconcile(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if removed != 1 {
		t.Errorf("Reconcile removed %d containers, want 1 (the stray)", removed)
	}
	if left := jobContainers(t, nodeID, "crashed-job"); len(left) != 0 {
		t.Error("the stray is still there")
	}
	if left := jobContainers(t, otherNode, "their-job"); len(left) != 1 {
		t.Error("Reconcile removed another node's container")
	}
	res := <-done
	executortest.WantFailure(t, res, executor.TimeLimit, "time limit 5s exceeded")
	if left := jobContainers(t, nodeID, running.ID); len(left) != 0 {
		t.Error("the running job's container is left after its run")
	}
}

// A node that stops (its context cancelled) kills and removes the job's container and
// reports an error, not a job failure.
func TestCancel(t *testing.T) {
	t.Parallel()
	ex := newNodeExecutor(t, docker.Config{})
	job := executortest.NewJob(t, docker.Engine, sh(testImage(t), "exec sleep 60"))
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		// Cancel once the container exists (or after a deadline).
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) && countContainers(ex.NodeID(), job.ID) == 0 {
			time.Sleep(20 * time.Millisecond)
		}
		cancel()
	}()
	start := time.Now()
	_, err := ex.Run(ctx, job)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run after cancel: %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("Run returned after %s", d)
	}
	if left := jobContainers(t, ex.NodeID(), job.ID); len(left) != 0 {
		t.Error("container left after a cancelled run")
	}
}
