package docker_test

import (
	"context"
	"os/exec"
	"testing"

	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/docker"
	"github.com/brine-compute/brine/node/executor/executortest"
)

// BenchmarkTrivialJob measures what one trivial job (/bin/true in the busybox test image)
// costs through the executor — create, attach, start, wait, inspect, measure the outputs,
// remove — against a plain `docker run --rm` of the same image and program (which also pays
// for starting the CLI process). Results and commands are in docs/performance.md.
func BenchmarkTrivialJob(b *testing.B) {
	img := testImage(b)
	prog := executortest.Program{Image: img, Entrypoint: []string{"/bin/true"}}
	b.Run("executor", func(b *testing.B) {
		ex := newNodeExecutor(b, docker.Config{})
		jobs := make([]executor.Job, b.N)
		for i := range jobs {
			jobs[i] = executortest.NewJob(b, docker.Engine, prog)
		}
		b.ResetTimer()
		for i := range b.N {
			res, err := ex.Run(context.Background(), jobs[i])
			if err != nil || res.Failure != nil {
				b.Fatalf("run: %v, %v", err, res.Failure)
			}
		}
	})
	b.Run("docker-run", func(b *testing.B) {
		cli, err := exec.LookPath("docker")
		if err != nil {
			b.Skip("no docker CLI")
		}
		for range b.N {
			cmd := exec.Command(cli, "run", "--rm", "--network", "none", "--entrypoint", "/bin/true", img)
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("docker run: %v: %s", err, out)
			}
		}
	})
}
