package process

import (
	"os"
	"os/exec"
	"testing"
)

func TestAlive(t *testing.T) {
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	running := cmd.Process.Pid
	if alive, known := Alive(running); !alive || !known {
		t.Fatalf("a running child: Alive = %v, %v; want true, true", alive, known)
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait() // reaped: the PID no longer names a process
	tests := []struct {
		name         string
		pid          int
		alive, known bool
	}{
		{"this process", os.Getpid(), true, true},
		{"a reaped child", running, false, true},
		{"no PID", 0, false, false},
		{"a negative PID (a process group to kill(2))", -1, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if alive, known := Alive(tt.pid); alive != tt.alive || known != tt.known {
				t.Fatalf("Alive(%d) = %v, %v; want %v, %v", tt.pid, alive, known, tt.alive, tt.known)
			}
		})
	}
}
