package hardhat

import (
	"os/exec"
	"syscall"
)

// setProcAttr puts the node in a process group of its own, so Close can signal everything it
// started, and has the kernel kill it if the process that started it dies without Close (a
// test binary killed by its timeout).
func setProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

func signalGroup(pid int, sig syscall.Signal) error { return syscall.Kill(-pid, sig) }
