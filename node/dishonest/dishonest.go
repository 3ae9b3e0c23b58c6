package dishonest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"sync"

	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/settlement"
)

// Mode is how a node lies.
type Mode string

// The modes (see the package comment).
const (
	Honest          Mode = ""
	WrongResult     Mode = "wrong-result"
	CommitAndVanish Mode = "commit-and-vanish"
	NeverCommit     Mode = "never-commit"
)

// ErrUnknownMode is the error of a mode that is none of the above.
var ErrUnknownMode = errors.New("unknown dishonest behaviour")

// ParseMode checks a mode's name ("" is Honest).
func ParseMode(s string) (Mode, error) {
	switch m := Mode(s); m {
	case Honest, WrongResult, CommitAndVanish, NeverCommit:
		return m, nil
	}
	return "", fmt.Errorf("%w %q", ErrUnknownMode, s)
}

// Apply returns cfg with the parts mode alters wrapped: cfg.Settlement always (a dishonest
// node takes no verifier duty), cfg.Executors for WrongResult, cfg.ServeResults for
// CommitAndVanish. Honest returns cfg as it is. Call it once cfg's Settlement and Executors
// are set.
func Apply(cfg node.Config, mode Mode) (node.Config, error) {
	if _, err := ParseMode(string(mode)); err != nil {
		return cfg, err
	}
	if mode == Honest {
		return cfg, nil
	}
	if cfg.Settlement == nil {
		return cfg, errors.New("dishonest: the config has no Settlement to wrap")
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	log = log.With("component", "dishonest", "mode", string(mode))
	log.Warn("dishonest node: for tests and the demo only")
	chain := liar{cfg.Settlement}
	switch mode {
	case WrongResult:
		cfg.Settlement = chain
		exs := maps.Clone(cfg.Executors)
		for e, ex := range exs {
			if ex != nil {
				exs[e] = tampering{ex}
			}
		}
		cfg.Executors = exs
	case NeverCommit:
		cfg.Settlement = neverCommit{liar: chain, log: log}
	case CommitAndVanish:
		v := &vanisher{liar: chain, log: log, hidden: make(map[cid.Cid]bool)}
		cfg.Settlement = v
		inner := cfg.ServeResults
		cfg.ServeResults = func(src p2p.ResultSource) p2p.ResultSource {
			if inner != nil {
				src = inner(src)
			}
			return hiding{ResultSource: src, v: v}
		}
	}
	return cfg, nil
}

// liar is a chain that takes no verifier duty: a node that lies is no judge.
type liar struct{ node.Chain }

func (liar) DeclinesVerifierDuty() bool { return true }

// neverCommit withholds every commitment of a result.
type neverCommit struct {
	liar
	log *slog.Logger
}

// withheldResult ends a never-commit node's job.
var withheldResult = node.Withheld{End: store.StateFailed, Reason: "dishonest (never-commit): result withheld"}

func (c neverCommit) CommitResult(_ context.Context, id settlement.JobID, _ []byte) error {
	c.log.Warn("dishonest node: not committing the result", "job", id)
	w := withheldResult
	return &w
}

func (c neverCommit) CommitReplica(_ context.Context, id settlement.JobID, _ []byte, _ [32]byte) error {
	c.log.Warn("dishonest node: not committing the replica's result", "job", id)
	w := withheldResult
	return &w
}

// vanisher commits a result and then serves it to no one (hiding) and never finalizes it; a
// replica's result it commits and never reveals.
type vanisher struct {
	liar
	log    *slog.Logger
	mu     sync.Mutex
	hidden map[cid.Cid]bool
}

func (v *vanisher) CommitResult(ctx context.Context, id settlement.JobID, result []byte) error {
	// Hidden before the commit is sent: a client that sees the commitment must already find
	// the result gone.
	if c, err := cid.Cast(result); err == nil {
		v.mu.Lock()
		v.hidden[c] = true
		v.mu.Unlock()
	}
	if err := v.liar.CommitResult(ctx, id, result); err != nil {
		return err
	}
	v.log.Warn("dishonest node: committed; the result is no longer served and the job never finalized", "job", id)
	return &node.Withheld{End: store.StateAbandoned, Reason: "dishonest (commit-and-vanish)"}
}

func (v *vanisher) RevealReplica(_ context.Context, id settlement.JobID, _ []byte, _ [32]byte) error {
	v.log.Warn("dishonest node: committed, never revealing", "job", id)
	return &node.Withheld{End: store.StateAbandoned, Reason: "dishonest (commit-and-vanish): never revealed"}
}

func (v *vanisher) isHidden(c cid.Cid) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.hidden[c]
}

// hiding serves the results a vanisher did not commit.
type hiding struct {
	p2p.ResultSource
	v *vanisher
}

func (h hiding) Open(c cid.Cid) (io.ReadCloser, int64, error) {
	if h.v.isHidden(c) {
		return nil, 0, fmt.Errorf("%w: %s", os.ErrNotExist, c)
	}
	return h.ResultSource.Open(c)
}

// tampering is an executor whose successful runs leave altered outputs. It prepares as the
// executor it wraps (the node asks for executor.Preparer).
type tampering struct{ executor.Executor }

func (t tampering) Run(ctx context.Context, job executor.Job) (executor.Result, error) {
	res, err := t.Executor.Run(ctx, job)
	if err != nil || res.Failure != nil {
		return res, err
	}
	if err := tamper(job.OutputDir, job.Spec.Outputs); err != nil {
		return executor.Result{}, err
	}
	return res, nil
}

func (t tampering) Prepare(ctx context.Context, spec *jobspec.Spec) error {
	if p, ok := t.Executor.(executor.Preparer); ok {
		return p.Prepare(ctx, spec)
	}
	return nil
}

// tamper alters the declared outputs: it appends a line to every regular file under them.
func tamper(dir string, outputs []jobspec.Output) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	for _, o := range outputs {
		err := fs.WalkDir(root.FS(), o.Path, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			f, err := root.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				return err
			}
			_, err = f.WriteString("tampered by a dishonest provider\n")
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
