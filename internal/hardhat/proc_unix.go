//go:build unix && !linux

package hardhat

import (
	"os/exec"
	"syscall"
)

// setProcAttr puts the node in a process group of its own, so Close can signal everything it
// started.
func setProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

func signalGroup(pid int, sig syscall.Signal) error { return syscall.Kill(-pid, sig) }
