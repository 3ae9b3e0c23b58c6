package store_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"testing"

	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
)

// crashChildEnv makes the test binary run crashChild instead of the tests.
const crashChildEnv = "BRINE_STORE_CRASH_CHILD"

// crashChild walks replica jobs 1, 2, ... from Seen to Done as fast as it can, printing
// "<job> <state>" after each change is committed, until it is killed. Every transition sets
// Attempts to the new state's number, so a record whose Attempts disagrees with its State
// would be half applied.
func crashChild(path string) {
	s, err := store.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	path0 := paths[store.RoleReplica]
	for i := 1; ; i++ {
		id := settlement.JobID(i)
		if _, err := s.Create(store.JobRecord{Job: id, Role: store.RoleReplica, Seat: -1}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Printf("%d %d\n", i, store.StateSeen)
		for j := 1; j < len(path0); j++ {
			to := path0[j]
			err := s.Transition(id, path0[j-1], to, func(r *store.JobRecord) {
				fill(i)(to)(r)
				r.Attempts = int(to)
			})
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			fmt.Printf("%d %d\n", i, to)
		}
	}
}

func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		return
	}
	os.Exit(m.Run())
}

// TestCrashSafety kills a process in the middle of its transitions (SIGKILL: no cleanup, no
// flush) and reopens the database: every transition the process saw committed is there,
// every record is whole (its state and the fields set with it agree; the state index matches),
// and each job resumes from its stored state exactly once.
func TestCrashSafety(t *testing.T) {
	path := store.Path(t.TempDir())
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())

	acked := map[settlement.JobID]store.State{}
	lines := bufio.NewScanner(out)
	for n := 0; n < 150 && lines.Scan(); n++ {
		var id, st int
		if _, err := fmt.Sscanf(lines.Text(), "%d %d", &id, &st); err != nil {
			t.Fatalf("child said %q", lines.Text())
		}
		acked[settlement.JobID(id)] = store.State(st)
	}
	must(t, cmd.Process.Kill())
	_ = cmd.Wait()
	if len(acked) == 0 {
		t.Fatalf("the child committed nothing; stderr: %s", stderr.String())
	}

	s := open(t, path)
	all, err := s.List() // fails if the state index and the records disagree
	must(t, err)
	if len(all) < len(acked) {
		t.Fatalf("%d records, but the child saw %d jobs created", len(all), len(acked))
	}
	order := map[store.State]int{}
	for i, st := range paths[store.RoleReplica] {
		order[st] = i
	}
	for _, r := range all {
		want, seen := acked[r.Job]
		if seen && order[r.State] < order[want] {
			t.Errorf("job %d is %s; the child saw it reach %s", r.Job, r.State, want)
		}
		if r.State != store.StateSeen && r.Attempts != int(r.State) {
			t.Errorf("job %d is %s with attempts %d: half applied", r.Job, r.State, r.Attempts)
		}
		if order[r.State] >= order[store.StateCommitting] && (r.Salt != salt(int(r.Job)) || !bytes.Equal(r.ResultCID, cid(int(r.Job)))) {
			t.Errorf("job %d is %s with salt %x and CID %q", r.Job, r.State, r.Salt, r.ResultCID)
		}
		if len(r.History) != order[r.State] {
			t.Errorf("job %d is %s with %d steps of history", r.Job, r.State, len(r.History))
		}
	}

	// Resume: each unfinished job goes on from its stored state; a second resumer racing from
	// the same state loses.
	resumed := 0
	for _, r := range all {
		p := paths[store.RoleReplica]
		for j := order[r.State] + 1; j < len(p); j++ {
			must(t, s.Transition(r.Job, p[j-1], p[j], fill(int(r.Job))(p[j])))
			resumed++
			if err := s.Transition(r.Job, p[j-1], p[j], fill(int(r.Job))(p[j])); err == nil {
				t.Fatalf("job %d: the step %s → %s applied twice", r.Job, p[j-1], p[j])
			}
		}
	}
	done, err := s.List(store.StateDone)
	must(t, err)
	if len(done) != len(all) {
		t.Fatalf("%d of %d jobs done after resuming", len(done), len(all))
	}
	t.Logf("child reached %d jobs; %d records; %d steps resumed", len(acked), len(all), resumed)
}
