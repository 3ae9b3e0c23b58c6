package sim

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// Outside agents join a session, act between its blocks through the contracts, and the books
// (theirs included) still balance; a transaction of theirs that reverts is a note, not a failure.
func TestSessionOutsideAgents(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cfg := small(60)
	cfg.Wave = 30
	cfg.Providers = 12
	s, err := NewSession(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	prov, _, err := s.AddAgent(RoleProvider)
	if err != nil {
		t.Fatal(err)
	}
	chal, _, err := s.AddAgent(RoleChallenger)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddAgent("banker"); !errors.Is(err, ErrAction) {
		t.Fatalf("a bad role: %v, want ErrAction", err)
	}
	if err := s.Act(prov, Action{Kind: ActWithdraw}); !errors.Is(err, ErrAction) {
		t.Fatalf("acting before joining: %v, want ErrAction", err)
	}
	wrong := []byte("not the result")
	wrongJobs, challenged := map[uint64]bool{}, 0
	for {
		phase, err := s.Round(ctx)
		if errors.Is(err, ErrFinished) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", phase, err)
		}
		if s.Next() == PhasePost && s.JobsDone() == 30 { // between the waves: nothing credited yet
			if err := s.Act(chal, Action{Kind: ActWithdraw}); err != nil {
				t.Fatal(err)
			}
		}
		for _, id := range []AgentID{prov, chal} {
			v, err := s.View(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			for _, j := range v.Jobs {
				for _, d := range j.Duties {
					switch {
					case d == ActCommit && id == prov:
						if err := s.Act(id, Action{Kind: ActCommit, Job: j.ID, Result: wrong}); err != nil {
							t.Fatal(err)
						}
						wrongJobs[j.ID] = true
					case d == ActChallenge && id == chal && j.Committed == j.Truth && challenged < 3:
						if err := s.Act(id, Action{Kind: ActChallenge, Job: j.ID}); err != nil {
							t.Fatal(err)
						}
						challenged++
					}
				}
			}
		}
		if err := s.Act(chal, Action{Kind: ActVote, Job: 1, Result: wrong}); err == nil {
			t.Fatal("a vote by an agent not drawn was accepted")
		}
	}
	committedWrong := len(wrongJobs)
	if committedWrong == 0 || challenged == 0 {
		t.Fatalf("the outside agents had nothing to do: %d commits, %d challenges", committedWrong, challenged)
	}
	rep, err := s.Report(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Books.Balanced || rep.Jobs != 60 {
		t.Fatalf("books %+v, jobs %d", rep.Books, rep.Jobs)
	}
	r := row(t, rep, remoteName)
	if r.Agents != 2 || r.Wrong != committedWrong || r.Challenges != challenged {
		t.Fatalf("outside row %+v: want 2 agents, %d wrong results, %d challenges", r, committedWrong, challenged)
	}
	v, err := s.View(ctx, chal)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(v.Notes, func(n Note) bool { return strings.Contains(n.Text, "NothingToWithdraw") }) {
		t.Fatalf("the reverted withdraw is not in the challenger's notes: %+v", v.Notes)
	}
	scores := s.Scores()
	outside := 0
	for _, sc := range scores {
		if sc.Outside {
			outside++
		}
	}
	if outside != 2 || len(scores) != len(s.r.all) {
		t.Fatalf("scores: %d outside of %d", outside, len(scores))
	}
}

// An outside challenger whose challenges of correct results the first panel rejects appeals
// them through the market (AppealOpened names it, the report counts its appeals); an appeal of
// a job it may not appeal is sent too, and the market's refusal is a note, not a failure.
func TestSessionOutsideAppeal(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cfg := small(20)
	cfg.Wave = 20
	cfg.Providers = 12
	cfg.Cartel = 0
	s, err := NewSession(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	chal, addr, err := s.AddAgent(RoleChallenger)
	if err != nil {
		t.Fatal(err)
	}
	challenged, appealed := map[uint64]bool{}, map[uint64]bool{}
	var refused uint64
	for {
		phase, err := s.Round(ctx)
		if errors.Is(err, ErrFinished) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", phase, err)
		}
		v, err := s.View(ctx, chal)
		if err != nil {
			t.Fatal(err)
		}
		for _, j := range v.Jobs {
			for _, d := range j.Duties {
				switch {
				case d == ActChallenge && j.Committed == j.Truth && len(challenged) < 3:
					if err := s.Act(chal, Action{Kind: ActChallenge, Job: j.ID}); err != nil {
						t.Fatal(err)
					}
					challenged[j.ID] = true
				case d == ActChallenge && refused == 0 && !challenged[j.ID]:
					if err := s.Act(chal, Action{Kind: ActAppeal, Job: j.ID}); err != nil {
						t.Fatal(err)
					}
					refused = j.ID
				case d == ActAppeal && !appealed[j.ID]:
					if !challenged[j.ID] {
						t.Fatalf("job %d: an appeal duty on a job the agent did not challenge", j.ID)
					}
					if err := s.Act(chal, Action{Kind: ActAppeal, Job: j.ID}); err != nil {
						t.Fatal(err)
					}
					appealed[j.ID] = true
				}
			}
		}
	}
	if len(appealed) == 0 || refused == 0 {
		t.Fatalf("nothing to appeal: %d challenged, %d appealed, refused job %d", len(challenged), len(appealed), refused)
	}
	if err := s.Act(chal, Action{Kind: ActAppeal, Job: refused}); !errors.Is(err, ErrAction) {
		t.Fatalf("an appeal after the run: %v, want ErrAction", err)
	}
	rep, err := s.Report(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Books.Balanced {
		t.Fatalf("books %+v", rep.Books)
	}
	if r := row(t, rep, remoteName); r.Appeals != len(appealed) {
		t.Fatalf("outside row %+v: want %d appeals", r, len(appealed))
	}
	v, err := s.View(ctx, chal)
	if err != nil {
		t.Fatal(err)
	}
	for id := range appealed {
		if !slices.ContainsFunc(v.Notes, func(n Note) bool {
			return n.Job == id && strings.Contains(n.Text, "appealed by "+addr.Hex())
		}) {
			t.Fatalf("job %d: no note of the agent's appeal: %+v", id, v.Notes)
		}
	}
	if !slices.ContainsFunc(v.Notes, func(n Note) bool {
		return n.Job == refused && strings.Contains(n.Text, "reverted: appeal")
	}) {
		t.Fatalf("job %d: the refused appeal is not in the notes: %+v", refused, v.Notes)
	}
}
