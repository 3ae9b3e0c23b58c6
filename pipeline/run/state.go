package run

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/internal/atomicfile"
	"github.com/brine-compute/brine/settlement"
)

// State is a pipeline's run, as kept in its file: enough to resume it, show it and never pay
// twice for a job.
type State struct {
	Pipeline common.Hash    `json:"pipeline"`
	Account  common.Address `json:"account"`
	// Canonical is the pipeline itself (pipeline.Parse reads it back).
	Canonical json.RawMessage `json:"canonical"`
	Ready     string          `json:"ready"` // finalized or committed
	Started   time.Time       `json:"started"`
	Ended     *time.Time      `json:"ended,omitempty"`
	// Cancelled: nothing more is posted (brine pipeline cancel).
	Cancelled bool `json:"cancelled,omitempty"`
	// Output, once written: the final steps' results, verified, under this directory.
	Output  string                `json:"output,omitempty"`
	Written bool                  `json:"written,omitempty"`
	Steps   map[string]*StepState `json:"steps"`

	path string
}

// StepState is a step's run.
type StepState struct {
	// Expanded: its jobs are known (a fan-out: once the upstream result's entries are).
	Expanded bool `json:"expanded,omitempty"`
	// From is the upstream result a fan-out's entries were listed from.
	From string      `json:"from,omitempty"`
	Jobs []*Instance `json:"jobs,omitempty"`
	// Failed says why the step cannot run (a fan-out too wide, or empty).
	Failed string `json:"failed,omitempty"`
}

// Instance is one job of a step (one per entry of a fan-out), over its attempts.
type Instance struct {
	Entry    string     `json:"entry,omitempty"`
	Attempts []*Attempt `json:"attempts,omitempty"`
	// CID is the result that counts, ready and verified.
	CID string `json:"cid,omitempty"`
	// Failed says why it will not be tried again.
	Failed string `json:"failed,omitempty"`
}

// Attempt is one job posted (or about to be) for an instance.
type Attempt struct {
	SpecHash common.Hash `json:"specHash"`
	// Since is the chain's time (unix seconds) at or before the post: a resumed run looks
	// for the job among those posted since.
	Since int64 `json:"since"`
	// Job is 0 until the post is seen mined.
	Job       settlement.JobID `json:"job,omitempty"`
	Payment   string           `json:"payment"` // base units
	Status    string           `json:"status,omitempty"`
	Provider  string           `json:"provider,omitempty"`
	ResultCID string           `json:"resultCid,omitempty"`
	Posted    *time.Time       `json:"posted,omitempty"`
	Committed *time.Time       `json:"committed,omitempty"`
	Ready     *time.Time       `json:"ready,omitempty"`
	// Closed says why the attempt was given up ("" while it counts).
	Closed string `json:"closed,omitempty"`
	// Settled: a closed attempt's job needs nothing more from the client.
	Settled bool `json:"settled,omitempty"`
	// Overturned: given up because a challenge overturned its result or one it took
	// (--ready committed); it does not count against the step's retries.
	Overturned bool `json:"overturned,omitempty"`
}

// Live is the instance's attempt that counts (nil when none does).
func (in *Instance) Live() *Attempt {
	if n := len(in.Attempts); n > 0 && in.Attempts[n-1].Closed == "" {
		return in.Attempts[n-1]
	}
	return nil
}

// Path is where the state of pipeline hash run by account lives under dataDir.
func Path(dataDir string, account common.Address, hash common.Hash) string {
	return filepath.Join(dataDir, "client", "pipelines", fmt.Sprintf("%s-%s.json", account.Hex(), hash.Hex()))
}

// ErrNoState: no run of this pipeline by this account is recorded.
var ErrNoState = errors.New("no run of this pipeline is recorded")

// Load reads the state at path.
func Load(path string) (*State, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w (%s)", ErrNoState, path)
	}
	if err != nil {
		return nil, err
	}
	var s State
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("the pipeline's state %s is unreadable: %w", path, err)
	}
	if s.Steps == nil {
		s.Steps = map[string]*StepState{}
	}
	s.path = path
	return &s, nil
}

// NewState starts the state of a run at path.
func NewState(path string, account common.Address, hash common.Hash, canonical []byte, ready Ready, now time.Time) *State {
	return &State{Pipeline: hash, Account: account, Canonical: canonical, Ready: ready.String(), Started: now.UTC(),
		Steps: map[string]*StepState{}, path: path}
}

// Save writes the state durably, whole (before the step it announces).
func (s *State) Save() error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return err
	}
	return atomicfile.Write(s.path, append(b, '\n'), 0o600)
}

// FilePath is where the state is kept.
func (s *State) FilePath() string { return s.path }

// known reports whether an attempt already holds job id.
func (s *State) known(id settlement.JobID) bool {
	for _, st := range s.Steps {
		for _, in := range st.Jobs {
			for _, a := range in.Attempts {
				if a.Job == id {
					return true
				}
			}
		}
	}
	return false
}
