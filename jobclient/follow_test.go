package jobclient_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/jobclient"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/settlement"
)

// script is a chain on which each poll reads the next (job, panel, time) step; the last
// repeats. Its jobs have a 10s accept-by, a 20s result deadline (the replicas' commit
// deadline), a 30s replica reveal deadline and a 4s challenge window.
type script struct {
	steps    []step
	replicas uint8 // 0 means 1
	i        int
}

type step struct {
	status settlement.Status
	now    int64 // chain time, unix seconds after t0
	// N>1: the replica panel's seats taken, commits and reveals; gone: the panel was deleted
	// (its job ended after the job was read).
	seats, commits, reveals int
	gone                    bool
	winners                 uint8
	committedAt             int64 // seconds after t0; zero: no result yet
	down                    bool  // the chain cannot be read (an RPC outage)
}

// at is a step of a single-replica job.
func at(s settlement.Status, now int64) step { return step{status: s, now: now} }

var (
	t0       = time.Unix(1_900_000_000, 0)
	payment  = big.NewInt(1000)
	collat   = big.NewInt(300)
	feeBps   = uint16(100)
	acceptBy = t0.Add(10 * time.Second)
	resultBy = t0.Add(20 * time.Second)
	revealBy = t0.Add(30 * time.Second)
)

func (s *script) cur() step { return s.steps[min(s.i, len(s.steps)-1)] }

// errDown is what reads of a script return while its chain is down.
var errDown = errors.New("dial tcp 127.0.0.1:8545: connect: connection refused")

func (s *script) Job(_ context.Context, id settlement.JobID) (settlement.Job, error) {
	c := s.cur()
	if c.down {
		return settlement.Job{}, errDown
	}
	j := settlement.Job{ID: id, Status: c.status, AcceptBy: acceptBy, ResultBy: resultBy, Payment: payment, Collateral: collat,
		FeeBps: feeBps, Replicas: max(s.replicas, 1), Winners: c.winners, ChallengeWindow: 4 * time.Second}
	if c.committedAt != 0 {
		j.CommittedAt = t0.Add(time.Duration(c.committedAt) * time.Second)
	}
	return j, nil
}

func (s *script) HeaderByNumber(context.Context, *big.Int) (*types.Header, error) {
	if s.cur().down {
		return nil, errDown
	}
	return &types.Header{Time: uint64(t0.Unix() + s.cur().now)}, nil
}

func (s *script) Panel(_ context.Context, id settlement.JobID, replicas bool) (settlement.Panel, error) {
	c := s.cur()
	if !replicas || c.gone {
		return settlement.Panel{}, nil
	}
	p := settlement.Panel{Committed: c.commits, Revealed: c.reveals, CommitBy: resultBy, RevealBy: revealBy}
	for i := range c.seats {
		p.Members = append(p.Members, member(i))
	}
	return p, nil
}

func member(seat int) common.Address { return common.Address{byte(seat + 1)} }

// The rest of settlement.Reader is not used by Follow.
func (s *script) Jobs(context.Context, settlement.JobFilter, int) ([]settlement.Job, error) {
	return nil, nil
}
func (s *script) Balance(context.Context, common.Address) (*big.Int, error) { return nil, nil }
func (s *script) Provider(context.Context, common.Address) (settlement.ProviderInfo, error) {
	return settlement.ProviderInfo{}, nil
}

// instant is a clock whose waits end at once; every wait moves the script on.
type instant struct{ s *script }

func (c instant) Now() time.Time { return t0 }
func (c instant) After(time.Duration) <-chan time.Time {
	c.s.i++
	ch := make(chan time.Time, 1)
	ch <- t0
	return ch
}

// TestFollow: Follow ends at a terminal status (or, with UntilAccepted, at acceptance), and
// with ErrNotAccepted / ErrNoResult when chain time passes the job's deadlines.
func TestFollow(t *testing.T) {
	O, A, C, F := settlement.StatusOpen, settlement.StatusAccepted, settlement.StatusCommitted, settlement.StatusFinalized
	for _, c := range []struct {
		name          string
		steps         []step
		untilAccepted bool
		want          settlement.Status
		wantErr       error
		polls         int
	}{
		{"settles", []step{at(O, 1), at(A, 2), at(C, 3), at(F, 30)}, false, F, nil, 4},
		{"until accepted", []step{at(O, 1), at(O, 2), at(A, 3), at(C, 4)}, true, A, nil, 3},
		{"nobody accepts", []step{at(O, 1), at(O, 9), at(O, 10), at(O, 11)}, false, O, jobclient.ErrNotAccepted, 3},
		{"no result", []step{at(O, 1), at(A, 5), at(A, 20)}, false, A, jobclient.ErrNoResult, 3},
		{"committed past result-by is fine", []step{at(A, 5), at(C, 25), at(F, 40)}, false, F, nil, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &script{steps: c.steps}
			polls := 0
			job, err := jobclient.Follow(context.Background(), s, s, 7, jobclient.FollowConfig{
				UntilAccepted: c.untilAccepted, Clock: instant{s},
				OnPoll: func(j settlement.Job, now time.Time) error {
					polls++
					if want := t0.Unix() + s.cur().now; now.Unix() != want {
						t.Errorf("OnPoll chain time %d, want %d", now.Unix(), want)
					}
					return nil
				},
			})
			if !errors.Is(err, c.wantErr) || job.Status != c.want || polls != c.polls {
				t.Fatalf("Follow: %s after %d polls, err %v; want %s after %d, err %v", job.Status, polls, err, c.want, c.polls, c.wantErr)
			}
		})
	}
	// OnPoll's error ends Follow with it.
	s := &script{steps: []step{at(O, 1), at(A, 2)}}
	stop := errors.New("fetch failed")
	if _, err := jobclient.Follow(context.Background(), s, s, 7, jobclient.FollowConfig{Clock: instant{s},
		OnPoll: func(j settlement.Job, _ time.Time) error {
			if j.Status == A {
				return stop
			}
			return nil
		}}); !errors.Is(err, stop) {
		t.Fatalf("OnPoll error: %v", err)
	}
}

// A chain outage while following (the RPC endpoint restarting) does not end the wait: Follow
// says so, waits longer each time, and carries on once the chain answers. It used to return
// the first read error, and a client that quit posted its job again when re-run.
func TestFollowRidesOutAnOutage(t *testing.T) {
	O, A, C, F := settlement.StatusOpen, settlement.StatusAccepted, settlement.StatusCommitted, settlement.StatusFinalized
	down := step{down: true}
	s := &script{steps: []step{at(O, 1), at(A, 2), down, down, down, down, down, down, at(C, 9), down, at(F, 30)}}
	var waits []time.Duration
	var kinds []string
	job, err := jobclient.Follow(context.Background(), s, s, 7, jobclient.FollowConfig{Clock: instant{s}, Poll: time.Second, MaxBackoff: 8 * time.Second,
		OnRetry: func(err error, wait time.Duration) {
			if !errors.Is(err, errDown) {
				t.Errorf("OnRetry error %v, want the read's", err)
			}
			waits = append(waits, wait)
		},
		OnStep: func(st jobclient.Step) error { kinds = append(kinds, st.Kind.String()); return nil },
	})
	if err != nil || job.Status != F {
		t.Fatalf("Follow through an outage: %s, err %v; want finalized", job.Status, err)
	}
	want := []time.Duration{1, 2, 4, 8, 8, 8, 1}
	for i := range want {
		want[i] *= time.Second
	}
	if !slices.Equal(waits, want) {
		t.Errorf("waits %v, want %v (doubling to the cap, reset once the chain answers)", waits, want)
	}
	if got := strings.Join(kinds, " "); got != "posted accepted result window-closing ended" {
		t.Errorf("steps %q", got)
	}
	// An unknown job is not an outage.
	unknown := &unknownJob{script: s}
	if _, err := jobclient.Follow(context.Background(), unknown, unknown, 7, jobclient.FollowConfig{Clock: instant{s},
		OnRetry: func(error, time.Duration) { t.Error("retried an unknown job") }}); !errors.Is(err, settlement.ErrUnknownJob) {
		t.Errorf("unknown job: %v", err)
	}
	// Nor does it outlast its context.
	ctx, cancel := context.WithCancel(context.Background())
	s = &script{steps: []step{at(O, 1), down}}
	if _, err := jobclient.Follow(ctx, s, s, 7, jobclient.FollowConfig{Clock: instant{s},
		OnRetry: func(error, time.Duration) { cancel() }}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled during an outage: %v", err)
	}
}

// unknownJob is a chain without the job.
type unknownJob struct{ *script }

func (u *unknownJob) Job(context.Context, settlement.JobID) (settlement.Job, error) {
	return settlement.Job{}, fmt.Errorf("job 7: %w", settlement.ErrUnknownJob)
}

// render is a step as the tests compare it.
func render(s jobclient.Step) string {
	switch s.Kind {
	case jobclient.StepSeatTaken:
		if s.Account != member(s.Seat) {
			return fmt.Sprintf("seat %d by %s", s.Seat, s.Account)
		}
		return fmt.Sprintf("seat %d", s.Seat)
	case jobclient.StepCommits, jobclient.StepReveals:
		return fmt.Sprintf("%s %d", s.Kind, s.Count)
	case jobclient.StepAccepted:
		return "accepted " + s.Account.Hex()
	case jobclient.StepAppealed:
		return "appealed by " + s.Account.Hex()
	case jobclient.StepEnded:
		p := s.Payout
		return fmt.Sprintf("ended %s client=%v paid=%dx%v slashed=%d", s.Job.Status, p.Client, p.Paid, p.PerProvider, p.Slashed)
	}
	return s.Kind.String()
}

// events is an event source holding a fixed list.
type events []settlement.Event

func (e events) Events(_ context.Context, after settlement.Cursor, _ uint64, _ int) ([]settlement.Event, settlement.Cursor, error) {
	var out []settlement.Event
	for _, ev := range e {
		if !ev.Position().Before(after) {
			out = append(out, ev)
		}
	}
	return out, settlement.Cursor{Block: 1000}, nil
}

// TestFollowReplicated: a replicated job (N=3) stays open on chain through its seats, commits
// and reveals until its round is resolved; Follow reports each step, is not fooled by
// accept-by passing while the round runs, and reports the refunds (too few seats, no
// majority) with what the client got back, by the market's rules.
func TestFollowReplicated(t *testing.T) {
	O, C, F := settlement.StatusOpen, settlement.StatusCommitted, settlement.StatusFinalized
	R, X := settlement.StatusRefunded, settlement.StatusReclaimed
	ch, cl := settlement.StatusChallenged, settlement.StatusCleared
	reveal := func(job settlement.JobID, panel settlement.PanelKind, block uint64) settlement.Event {
		return settlement.Event{Kind: settlement.EventPanelRevealed, Job: job, Panel: panel, Block: block, Seat: 0}
	}
	// Two reveals of job 7 from block 50 on, one of another job and a verifier's.
	twoRevealed := events{reveal(7, settlement.PanelReplicas, 40), reveal(7, settlement.PanelReplicas, 51),
		reveal(7, settlement.PanelReplicas, 52), reveal(8, settlement.PanelReplicas, 52), reveal(7, settlement.PanelVerifiers, 53)}
	for _, c := range []struct {
		name          string
		steps         []step
		untilAccepted bool
		events        settlement.EventSource
		want          settlement.Status
		wantErr       error
		wantSteps     []string
	}{
		{
			name: "seats fill, replicas agree past accept-by, settles",
			steps: []step{{status: O, now: 1}, {status: O, now: 2, seats: 2}, {status: O, now: 4, seats: 3},
				{status: O, now: 11, seats: 3, commits: 2}, {status: O, now: 12, seats: 3, commits: 3, reveals: 1},
				{status: C, now: 13, seats: 3, commits: 3, reveals: 3, winners: 2, committedAt: 13},
				{status: C, now: 15, seats: 3, commits: 3, reveals: 3, winners: 2, committedAt: 13},
				{status: F, now: 18, winners: 2, committedAt: 13}},
			want: F,
			wantSteps: []string{"posted", "seat 0", "seat 1", "seat 2", "commits 2", "commits 3", "reveals 1", "reveals 3",
				"result", "window-closing",
				// Each of the two majority replicas: share 333 less the 1% fee (3); the client:
				// 1000 - 2*333 plus the outvoted replica's collateral 300.
				"ended finalized client=634 paid=2x330 slashed=1"},
		},
		{
			name: "no majority after the reveal window: the silent replica counted from the final panel",
			steps: []step{{status: O, now: 5, seats: 3, commits: 2}, {status: O, now: 31, seats: 3, commits: 2, reveals: 2},
				{status: R, now: 32}},
			want: R,
			wantSteps: []string{"posted", "seat 0", "seat 1", "seat 2", "commits 2", "reveals 2",
				"ended refunded client=1300 paid=0x<nil> slashed=1"},
		},
		{
			name:  "no majority resolved between polls: unknown without events",
			steps: []step{{status: O, now: 21, seats: 3, commits: 3, reveals: 1}, {status: R, now: 22}},
			want:  R,
			wantSteps: []string{"posted", "seat 0", "seat 1", "seat 2", "commits 3", "reveals 1",
				"ended refunded client=<nil> paid=0x<nil> slashed=-1"},
		},
		{
			name:   "no majority resolved between polls: the events count the reveals",
			steps:  []step{{status: O, now: 21, seats: 3, commits: 3, reveals: 1}, {status: R, now: 22}},
			events: twoRevealed,
			want:   R,
			wantSteps: []string{"posted", "seat 0", "seat 1", "seat 2", "commits 3", "reveals 1",
				"ended refunded client=1300 paid=0x<nil> slashed=1"},
		},
		{
			name: "too few seats: the seat holder's node reclaims it",
			steps: []step{{status: O, now: 1, seats: 1}, {status: O, now: 10, seats: 1}, {status: O, now: 12, seats: 1},
				{status: X, now: 13, gone: true}},
			want:      X,
			wantSteps: []string{"posted", "seat 0", "seats-short", "ended reclaimed client=1000 paid=0x<nil> slashed=0"},
		},
		{
			name: "too few seats and nobody reclaims by the reveal deadline",
			steps: []step{{status: O, now: 1, seats: 2}, {status: O, now: 10, seats: 2}, {status: O, now: 20, seats: 2},
				{status: O, now: 29, seats: 2}, {status: O, now: 30, seats: 2}},
			want:      O,
			wantErr:   jobclient.ErrNotAccepted,
			wantSteps: []string{"posted", "seat 0", "seat 1", "seats-short"},
		},
		{
			name:      "no seat taken by accept-by",
			steps:     []step{{status: O, now: 1}, {status: O, now: 10}},
			want:      O,
			wantErr:   jobclient.ErrNotAccepted,
			wantSteps: []string{"posted"},
		},
		{
			name:          "until accepted: every seat taken, accept-by passed",
			steps:         []step{{status: O, now: 1, seats: 1}, {status: O, now: 11, seats: 3}, {status: O, now: 12, seats: 3, commits: 1}},
			untilAccepted: true,
			want:          O,
			wantSteps:     []string{"posted", "seat 0", "seat 1", "seat 2"},
		},
		{
			name:          "until accepted: seats short at accept-by",
			steps:         []step{{status: O, now: 1, seats: 1}, {status: O, now: 10, seats: 2}},
			untilAccepted: true,
			want:          O,
			wantErr:       jobclient.ErrNotAccepted,
			wantSteps:     []string{"posted", "seat 0", "seat 1"},
		},
		{
			name:      "no replica committed by the result deadline",
			steps:     []step{{status: O, now: 5, seats: 3}, {status: O, now: 19, seats: 3}, {status: O, now: 20, seats: 3}},
			want:      O,
			wantErr:   jobclient.ErrNoResult,
			wantSteps: []string{"posted", "seat 0", "seat 1", "seat 2"},
		},
		{
			name: "commits but no reveal by the reveal deadline",
			steps: []step{{status: O, now: 5, seats: 3, commits: 1}, {status: O, now: 25, seats: 3, commits: 1},
				{status: O, now: 30, seats: 3, commits: 1}},
			want:      O,
			wantErr:   jobclient.ErrNoResult,
			wantSteps: []string{"posted", "seat 0", "seat 1", "seat 2", "commits 1"},
		},
		{
			name: "the panel deleted between the job's read and its own is not a deadline",
			steps: []step{{status: O, now: 5, seats: 3, commits: 3, reveals: 2}, {status: O, now: 31, gone: true},
				{status: R, now: 32}},
			want: R,
			// The last panel read was not final: the count is unknown.
			wantSteps: []string{"posted", "seat 0", "seat 1", "seat 2", "commits 3", "reveals 2",
				"ended refunded client=<nil> paid=0x<nil> slashed=-1"},
		},
		{
			name: "the majority's result challenged and upheld",
			steps: []step{{status: C, now: 13, seats: 3, commits: 3, reveals: 3, winners: 2, committedAt: 13},
				{status: ch, now: 14, seats: 3, commits: 3, reveals: 3, winners: 2, committedAt: 13},
				{status: R, now: 20, winners: 2, committedAt: 13}},
			want: R,
			wantSteps: []string{"seat 0", "seat 1", "seat 2", "commits 3", "reveals 3", "result", "challenged",
				"ended refunded client=1300 paid=0x<nil> slashed=1"},
		},
		{
			name: "a challenge rejected: cleared, then settled",
			steps: []step{{status: ch, now: 14, seats: 3, commits: 3, reveals: 3, winners: 3, committedAt: 13},
				{status: cl, now: 16, seats: 3, commits: 3, reveals: 3, winners: 3, committedAt: 13},
				{status: F, now: 17, winners: 3, committedAt: 13}},
			want: F,
			wantSteps: []string{"seat 0", "seat 1", "seat 2", "commits 3", "reveals 3", "challenged", "cleared",
				"ended finalized client=1 paid=3x330 slashed=0"},
		},
		{
			name: "a challenge appealed: the appellant reported once, the final verdict rejects",
			steps: []step{{status: ch, now: 14, seats: 3, commits: 3, reveals: 3, winners: 3, committedAt: 13},
				{status: ch, now: 30, seats: 3, commits: 3, reveals: 3, winners: 3, committedAt: 13},
				{status: ch, now: 31, seats: 3, commits: 3, reveals: 3, winners: 3, committedAt: 13},
				{status: cl, now: 60, seats: 3, commits: 3, reveals: 3, winners: 3, committedAt: 13},
				{status: F, now: 61, winners: 3, committedAt: 13}},
			events: events{{Kind: settlement.EventAppealOpened, Job: 8, Block: 54, Account: member(5)},
				{Kind: settlement.EventAppealOpened, Job: 7, Block: 55, Account: member(1)}},
			want: F,
			wantSteps: []string{"seat 0", "seat 1", "seat 2", "commits 3", "reveals 3", "challenged",
				"appealed by " + member(1).Hex(), "cleared", "ended finalized client=1 paid=3x330 slashed=0"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &script{steps: c.steps, replicas: 3}
			var got []string
			job, err := jobclient.Follow(context.Background(), s, s, 7, jobclient.FollowConfig{
				UntilAccepted: c.untilAccepted, Clock: instant{s}, Events: c.events, From: settlement.Cursor{Block: 50},
				OnStep: func(st jobclient.Step) error {
					if st.Job.ID != 7 || st.Now.Unix() != t0.Unix()+s.cur().now {
						t.Errorf("step %s: job %d at %d, want job 7 at the poll's chain time", st.Kind, st.Job.ID, st.Now.Unix()-t0.Unix())
					}
					got = append(got, render(st))
					return nil
				},
			})
			if !errors.Is(err, c.wantErr) || job.Status != c.want {
				t.Fatalf("Follow: %s, err %v; want %s, err %v", job.Status, err, c.want, c.wantErr)
			}
			if !slices.Equal(got, c.wantSteps) {
				t.Fatalf("steps:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(c.wantSteps, "\n  "))
			}
		})
	}
}

// TestPayoutOf: where an ended job's payment and slashed collateral went, for each way a job
// ends (docs/protocol.md, "Money"): payment 1000, collateral 300, fee 1%.
func TestPayoutOf(t *testing.T) {
	job := func(s settlement.Status, n, winners uint8) settlement.Job {
		return settlement.Job{Status: s, Replicas: n, Winners: winners, Payment: payment, Collateral: collat, FeeBps: feeBps}
	}
	for _, c := range []struct {
		name   string
		job    settlement.Job
		silent int
		want   string
	}{
		{"finalized", job(settlement.StatusFinalized, 1, 0), 0, "client=0 paid=1x990 slashed=0"},
		{"reclaimed", job(settlement.StatusReclaimed, 1, 0), 0, "client=1000 paid=0x<nil> slashed=0"},
		{"reclaimed, replicated", job(settlement.StatusReclaimed, 3, 0), 0, "client=1000 paid=0x<nil> slashed=0"},
		{"timed out", job(settlement.StatusTimedOut, 1, 0), 0, "client=1300 paid=0x<nil> slashed=1"},
		{"challenge upheld", job(settlement.StatusRefunded, 1, 0), 0, "client=1000 paid=0x<nil> slashed=0"},
		{"replicas unanimous", job(settlement.StatusFinalized, 3, 3), 0, "client=1 paid=3x330 slashed=0"},
		{"replicas 2 of 3", job(settlement.StatusFinalized, 3, 2), 0, "client=634 paid=2x330 slashed=1"},
		{"replicas 3 of 5", job(settlement.StatusFinalized, 5, 3), 0, "client=1000 paid=3x198 slashed=2"},
		{"no majority, all revealed", job(settlement.StatusRefunded, 3, 0), 0, "client=1000 paid=0x<nil> slashed=0"},
		{"no majority, all silent", job(settlement.StatusRefunded, 3, 0), 3, "client=1900 paid=0x<nil> slashed=3"},
		{"no majority, unknown", job(settlement.StatusRefunded, 3, 0), -1, "client=<nil> paid=0x<nil> slashed=-1"},
		{"majority upheld against", job(settlement.StatusRefunded, 3, 2), 0, "client=1300 paid=0x<nil> slashed=1"},
	} {
		p := jobclient.PayoutOf(c.job, c.silent)
		if got := fmt.Sprintf("client=%v paid=%dx%v slashed=%d", p.Client, p.Paid, p.PerProvider, p.Slashed); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// TestRequest: the request carries the spec's price in base units and its deadlines from
// the chain time; a request whose price does not parse is a bad request.
func TestRequest(t *testing.T) {
	spec, err := jobspec.Parse([]byte(`engine: docker
image: alpine:3.20
args: [sh, -c, "echo ok > /brine/outputs/ok.txt"]
resources: {cpu: 1, memory: 64MiB, disk: 16MiB, time: 30s}
outputs: [{path: ok.txt}]
price: {payment: "1.5", collateral: "2"}
deadlines: {accept_within: 1m, run_within: 2m}
challenge_window: 4s
`))
	if err != nil {
		t.Fatal(err)
	}
	req, err := jobclient.Request(spec, t0, 18)
	if err != nil {
		t.Fatal(err)
	}
	hash, _ := spec.Hash()
	wantPay := new(big.Int).Div(deploy.Token(3), big.NewInt(2))
	if req.SpecHash != hash || req.Payment.Cmp(wantPay) != 0 || req.Collateral.Cmp(deploy.Token(2)) != 0 || req.Replicas != 1 ||
		!req.AcceptBy.Equal(t0.Add(time.Minute)) || !req.ResultBy.After(req.AcceptBy) || req.ChallengeWindow != 4*time.Second {
		t.Fatalf("request %+v", req)
	}
	if _, err := jobclient.Request(spec, t0, 0); !errors.Is(err, settlement.ErrBadRequest) {
		t.Fatalf("1.5 tokens of a 0-decimal token: %v, want ErrBadRequest", err)
	}
}
