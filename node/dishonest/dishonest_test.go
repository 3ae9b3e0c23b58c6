package dishonest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/ipfs/go-cid"
	"github.com/multiformats/go-multihash"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/settlement"
)

// chain is a fake Chain recording the steps sent through it; the source, when set, is asked
// at CommitResult whether the result is still served.
type chain struct {
	node.Chain
	sent   []string
	source p2p.ResultSource
	served bool
}

func (c *chain) CommitResult(_ context.Context, _ settlement.JobID, result []byte) error {
	c.sent = append(c.sent, "commit")
	if c.source != nil {
		k, _ := cid.Cast(result)
		_, _, err := c.source.Open(k)
		c.served = err == nil
	}
	return nil
}

func (c *chain) CommitReplica(context.Context, settlement.JobID, []byte, [32]byte) error {
	c.sent = append(c.sent, "commit replica")
	return nil
}

func (c *chain) RevealReplica(context.Context, settlement.JobID, []byte, [32]byte) error {
	c.sent = append(c.sent, "reveal replica")
	return nil
}

func (c *chain) Accept(context.Context, settlement.JobID) error {
	c.sent = append(c.sent, "accept")
	return nil
}

func cidOf(t *testing.T, data string) cid.Cid {
	t.Helper()
	c, err := cid.V1Builder{Codec: cid.Raw, MhType: multihash.SHA2_256}.Sum([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// source serves every CID.
type source struct{}

func (source) Open(cid.Cid) (io.ReadCloser, int64, error) {
	return io.NopCloser(bytes.NewReader([]byte("x"))), 1, nil
}

func withheld(t *testing.T, err error, end store.State, reason string) {
	t.Helper()
	var w *node.Withheld
	if !errors.As(err, &w) || w.End != end || w.Reason != reason {
		t.Fatalf("err %v; want withheld, ending %s with %q", err, end, reason)
	}
}

func apply(t *testing.T, c *chain, mode Mode) node.Config {
	t.Helper()
	cfg, err := Apply(node.Config{Settlement: c}, mode)
	if err != nil {
		t.Fatal(err)
	}
	if mode != Honest {
		if d, ok := cfg.Settlement.(node.DutyDecliner); !ok || !d.DeclinesVerifierDuty() {
			t.Errorf("%s: the chain takes verifier duty", mode)
		}
	}
	return cfg
}

func TestParseMode(t *testing.T) {
	for _, m := range []Mode{Honest, WrongResult, CommitAndVanish, NeverCommit} {
		if got, err := ParseMode(string(m)); err != nil || got != m {
			t.Errorf("ParseMode(%q) = %q, %v", m, got, err)
		}
	}
	if _, err := ParseMode("lazy"); !errors.Is(err, ErrUnknownMode) {
		t.Errorf("ParseMode(lazy): %v, want ErrUnknownMode", err)
	}
	if _, err := Apply(node.Config{Settlement: &chain{}}, "lazy"); !errors.Is(err, ErrUnknownMode) {
		t.Errorf("Apply(lazy): %v, want ErrUnknownMode", err)
	}
}

func TestHonestChangesNothing(t *testing.T) {
	c := &chain{}
	cfg := apply(t, c, Honest)
	if cfg.Settlement != node.Chain(c) || cfg.ServeResults != nil {
		t.Fatal("an honest config was wrapped")
	}
	if _, ok := cfg.Settlement.(node.DutyDecliner); ok {
		t.Fatal("an honest chain declines verifier duty")
	}
}

func TestNeverCommit(t *testing.T) {
	c := &chain{}
	st := apply(t, c, NeverCommit).Settlement
	ctx := context.Background()
	withheld(t, st.CommitResult(ctx, 1, []byte{1}), store.StateFailed, "dishonest (never-commit): result withheld")
	withheld(t, st.CommitReplica(ctx, 1, []byte{1}, [32]byte{}), store.StateFailed, "dishonest (never-commit): result withheld")
	if err := st.Accept(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if len(c.sent) != 1 || c.sent[0] != "accept" {
		t.Fatalf("sent %v; want the accept only", c.sent)
	}
}

func TestCommitAndVanish(t *testing.T) {
	c := &chain{}
	cfg := apply(t, c, CommitAndVanish)
	src := cfg.ServeResults(source{})
	c.source = src
	committed, other := cidOf(t, "committed"), cidOf(t, "other")
	ctx := context.Background()
	withheld(t, cfg.Settlement.CommitResult(ctx, 1, committed.Bytes()), store.StateAbandoned, "dishonest (commit-and-vanish)")
	if len(c.sent) != 1 || c.served {
		t.Fatalf("sent %v, served at the commit %v; want the commit sent with the result already hidden", c.sent, c.served)
	}
	if _, _, err := src.Open(committed); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("opening the committed result: %v, want not found", err)
	}
	if rc, _, err := src.Open(other); err != nil {
		t.Fatalf("opening another result: %v", err)
	} else {
		rc.Close()
	}

	if err := cfg.Settlement.CommitReplica(ctx, 2, []byte{1}, [32]byte{}); err != nil {
		t.Fatal(err)
	}
	withheld(t, cfg.Settlement.RevealReplica(ctx, 2, []byte{1}, [32]byte{}), store.StateAbandoned, "dishonest (commit-and-vanish): never revealed")
	if len(c.sent) != 2 || c.sent[1] != "commit replica" {
		t.Fatalf("sent %v; want the replica's commit, no reveal", c.sent)
	}
}

func TestCommitAndVanishKeepsAnEarlierSourceWrapper(t *testing.T) {
	wrapped := false
	cfg, err := Apply(node.Config{Settlement: &chain{}, ServeResults: func(s p2p.ResultSource) p2p.ResultSource {
		wrapped = true
		return s
	}}, CommitAndVanish)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ServeResults(source{})
	if !wrapped {
		t.Fatal("the config's own ServeResults was dropped")
	}
}

// writer is an executor that writes out.txt, or fails when fail is set.
type writer struct {
	fail     bool
	prepared bool
}

func (*writer) Name() string { return string(jobspec.EngineWasm) }

func (w *writer) Run(_ context.Context, job executor.Job) (executor.Result, error) {
	if err := os.WriteFile(filepath.Join(job.OutputDir, "out.txt"), []byte("right\n"), 0o644); err != nil {
		return executor.Result{}, err
	}
	if w.fail {
		return executor.Result{ExitCode: 2, Failure: executor.ExitCode.Failf("exit code 2")}, nil
	}
	return executor.Result{}, nil
}

func (w *writer) Prepare(context.Context, *jobspec.Spec) error {
	w.prepared = true
	return nil
}

func TestWrongResult(t *testing.T) {
	for _, fail := range []bool{false, true} {
		w := &writer{fail: fail}
		cfg, err := Apply(node.Config{Settlement: &chain{}, Executors: map[jobspec.Engine]executor.Executor{jobspec.EngineWasm: w}}, WrongResult)
		if err != nil {
			t.Fatal(err)
		}
		ex := cfg.Executors[jobspec.EngineWasm]
		if ex.Name() != w.Name() {
			t.Fatalf("the wrapped executor runs %q", ex.Name())
		}
		p, ok := ex.(executor.Preparer)
		if !ok || p.Prepare(context.Background(), nil) != nil || !w.prepared {
			t.Fatal("the wrapped executor does not prepare as the one it wraps")
		}
		dir := t.TempDir()
		job := executor.Job{Spec: &jobspec.Spec{Outputs: []jobspec.Output{{Path: "out.txt"}}}, OutputDir: dir}
		res, err := ex.Run(context.Background(), job)
		if err != nil || (res.Failure != nil) != fail {
			t.Fatalf("run: %+v, %v", res, err)
		}
		got, _ := os.ReadFile(filepath.Join(dir, "out.txt"))
		want := "right\ntampered by a dishonest provider\n"
		if fail {
			want = "right\n" // a failed run's failure record is the result: nothing to alter
		}
		if string(got) != want {
			t.Errorf("failed run %v: out.txt = %q, want %q", fail, got, want)
		}
	}
}
