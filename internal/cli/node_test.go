package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
)

// TestNodeRunMaxReplicas: a replica limit outside 1..9 is bad input naming the flag, before
// anything is opened.
func TestNodeRunMaxReplicas(t *testing.T) {
	for _, v := range []string{"0", "10"} {
		var out, errb bytes.Buffer
		err := run(context.Background(), []string{"brine", "--keystore", t.TempDir(), "node", "run", "--max-replicas", v},
			IO{Stdout: &out, Stderr: &errb, Getenv: os.Getenv})
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != ExitBadInput || !strings.Contains(err.Error(), "--max-replicas") {
			t.Errorf("--max-replicas %s: %v", v, err)
		}
	}
}
