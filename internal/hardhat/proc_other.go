//go:build !unix

package hardhat

import (
	"os"
	"os/exec"
	"syscall"
)

func setProcAttr(*exec.Cmd) {}

// signalGroup kills the process itself: there are no process groups to signal here.
func signalGroup(pid int, _ syscall.Signal) error {
	p, err := os.FindProcess(pid)
	if err != nil {
		return err
	}
	return p.Kill()
}
