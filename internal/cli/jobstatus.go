package cli

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
	"github.com/brine-compute/brine/p2p/providers"
	"github.com/brine-compute/brine/settlement"
)

// nodeView is the provider's node's own record of a job, as `brine job status` shows it: the
// chain says where the money is, the node says what it did: why a job failed without a
// result, or, when its result is a failure record, how the program failed in the executor's
// full words (the record holds only what every node reproduces).
type nodeView struct {
	State    string     `json:"state,omitempty"`
	Role     string     `json:"role,omitempty"`
	Reason   string     `json:"reason,omitempty"`
	Failure  string     `json:"failure,omitempty"` // set when the node's result is a failure record
	Attempts int        `json:"attempts,omitempty"`
	Updated  *time.Time `json:"updated,omitempty"`
	// Error says why the node could not be asked (unreachable, no record of the job).
	Error string `json:"error,omitempty"`
}

// nodeStatusTimeout bounds asking the provider's node.
const nodeStatusTimeout = 15 * time.Second

// nodeStatus asks the node of job's provider for its record of the job, through a libp2p host
// with a throwaway key (the status is public: nothing about the asker matters, and no file is
// written). Nil when the job has no provider.
func (s *session) nodeStatus(d providers.Directory, job settlement.Job) *nodeView {
	if job.Provider == ([20]byte{}) {
		return nil
	}
	h, err := s.askingHost()
	if err != nil {
		return &nodeView{Error: err.Error()}
	}
	ctx, cancel := context.WithTimeout(s.ctx, nodeStatusTimeout)
	defer cancel()
	if err := h.Start(ctx); err != nil {
		return &nodeView{Error: err.Error()}
	}
	defer func() {
		stop, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = h.Stop(stop)
	}()
	fmt.Fprintf(s.info, "Asking provider %s's node for its record of job %d\n", job.Provider.Hex(), job.ID)
	st, err := providers.FetchJobStatus(ctx, h, d, job)
	if err != nil {
		return &nodeView{Error: err.Error()}
	}
	return &nodeView{State: st.State, Role: st.Role, Reason: st.Reason, Failure: st.Failure, Attempts: st.Attempts, Updated: jsonTime(st.Updated)}
}

// askingHost is a libp2p host, not started, with a throwaway key: a node's record of a job is
// public, nothing about the asker matters, and no file is written.
func (s *session) askingHost() (*p2p.Host, error) {
	key, _, err := crypto.GenerateEd25519Key(rand.Reader)
	if err != nil {
		return nil, err
	}
	pid, err := peer.IDFromPrivateKey(key)
	if err != nil {
		return nil, err
	}
	return p2p.New(p2p.Config{Identity: &identity.Identity{Key: key, Peer: pid}, DisableProbe: true, Logger: s.log.With("component", "p2p")})
}

// printNode writes the node's record under a job's chain record.
func printNode(w io.Writer, v *nodeView) {
	if v == nil {
		return
	}
	if v.Error != "" {
		kv(w, "Node", "not reached: %s", v.Error)
		return
	}
	kv(w, "Node state", "%s (%s, %d run(s), at %s)", v.State, v.Role, v.Attempts, fmtPtr(v.Updated))
	if v.Failure != "" {
		lines := strings.Split(v.Failure, "\n")
		kv(w, "Node result", "a failure record: the job failed by its own program: %s", lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(w, "\t%s\n", l)
		}
	}
	if v.Reason != "" {
		lines := strings.Split(v.Reason, "\n")
		kv(w, "Node reason", "%s", lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(w, "\t%s\n", l)
		}
	}
}
