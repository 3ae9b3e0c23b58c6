package node_test

import (
	"context"
	"crypto/rand"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/p2p"
	"github.com/brine-compute/brine/node/store"
	"github.com/brine-compute/brine/settlement"
)

// TestFailedJobReasons: jobs that fail because of their own module or program (a module that
// does not compile, a non-zero exit, too little memory, past the time limit) are accepted,
// run, and recorded Failed with the executor's reason, and nothing is committed. The chain
// cannot say why (the protocol has no failure commitment); the client asks the provider's
// node over /brine/status and gets the reason the node recorded, word for word.
func TestFailedJobReasons(t *testing.T) {
	chain(t)
	ctx := context.Background()
	p := newProvider(t, 1)
	n := p.start(t, nil, node.Honest)
	c := newClient(t, 2)
	greet := c.module(t, guest(t))
	junk := make([]byte, 4096)
	if _, err := rand.Read(junk); err != nil {
		t.Fatal(err)
	}
	notWasm := c.module(t, junk)

	cases := []struct {
		name   string
		doc    string
		prefix string // of the reason
		has    string // and a part of it
	}{
		{"exit code", greetDoc(greet, "", 0, ""), "exit code 2: ", "name.txt"},
		{"bad module", greetDoc(notWasm, "junk", 0, ""), "bad spec: the module does not compile", ""},
		{"out of memory", greetDoc(greet, "tiny", 0, "resources: {cpu: 1, memory: 1MiB, disk: 16MiB, time: 5s}\n"), "out of memory (limit 1MiB)", ""},
		{"time limit", greetDoc(greet, "slow", 2_000_000_000, "resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 1s}\n"), "time limit 1s exceeded", ""},
	}
	jobs := make([]settlement.Job, len(cases))
	for i, tc := range cases {
		jobs[i] = c.postDoc(t, tc.doc)
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id := jobs[i].ID
			rec := waitRecord(t, n, id, "failed", 45*time.Second, func(r store.JobRecord) bool { return r.State.Terminal() })
			if rec.State != store.StateFailed || !strings.HasPrefix(rec.Reason, tc.prefix) || !strings.Contains(rec.Reason, tc.has) {
				t.Fatalf("the node's record: %s, %q; want failed with %q…%q", rec.State, rec.Reason, tc.prefix, tc.has)
			}
			job, err := c.acct.Job(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if job.Status != settlement.StatusAccepted || job.Provider != p.acct.Account() || len(job.ResultCID) != 0 {
				t.Fatalf("on chain: %s by %s with result %x; want accepted by the node, nothing committed", job.Status, job.Provider, job.ResultCID)
			}
			st, err := node.FetchJobStatus(ctx, c.host, c.acct, job)
			if err != nil {
				t.Fatal(err)
			}
			if st.Job != uint64(id) || st.Role != "provider" || st.State != "failed" || st.Reason != rec.Reason || st.Attempts != 1 {
				t.Fatalf("the client got %+v; the node recorded %s, %q after %d attempt(s)", st, rec.State, rec.Reason, rec.Attempts)
			}
			t.Logf("job %d: %s", id, st.Reason)
		})
	}

	// A job the node has no record of, and a job without a provider.
	if _, err := c.host.FetchStatus(ctx, n.Host().AddrInfo(), 1<<40); !errors.Is(err, p2p.ErrNotFound) {
		t.Errorf("status of a job the node never saw: %v, want not found", err)
	}
	if _, err := node.FetchJobStatus(ctx, c.host, c.acct, settlement.Job{ID: 1, Status: settlement.StatusOpen}); err == nil {
		t.Error("FetchJobStatus of a job without a provider asked someone")
	}
}
