//go:build !linux

package docker

import (
	"os"

	"github.com/brine-compute/brine/node/executor"
)

func (e *Executor) mountOutputs(executor.Job, executor.Budget) (*outputsMount, error) {
	return nil, errNoMount
}

func unmount(string) error                    { return errNoMount }
func statFree(string) (uint64, uint64, error) { return 0, 0, errNoMount }
func mkfifo(*os.Root, string) error           { return errNoMount }
