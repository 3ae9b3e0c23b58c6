package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestSimBadFlags(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"--cartel", "1.5"},
		{"--cartel", "-0.1"},
		{"--jobs", "0"},
		{"--jobs", "many"},
		{"--cartel-by", "votes"},
		{"--providers", "2"},
		{"extra"},
	} {
		var out, errOut bytes.Buffer
		code := Main(append([]string{"brine", "sim"}, args...), IO{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }})
		if code != ExitBadInput || errOut.Len() == 0 {
			t.Errorf("brine sim %v: exit %d (stderr %q), want %d with a message", args, code, errOut.String(), ExitBadInput)
		}
	}
}

func TestSimJSON(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	code := Main([]string{"brine", "sim", "--seed", "3", "--jobs", "40", "--cartel", "0.2", "--json"}, IO{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var rep struct {
		Seed       uint64 `json:"seed"`
		Strategies []struct {
			Strategy     string `json:"strategy"`
			ProfitPerJob string `json:"profit_per_job"`
		} `json:"strategies"`
		Books struct {
			Balanced bool `json:"balanced"`
		} `json:"books"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if rep.Seed != 3 || len(rep.Strategies) < 6 || !rep.Books.Balanced {
		t.Fatalf("report: %+v", rep)
	}
	if !strings.Contains(errOut.String(), "40/40 jobs") {
		t.Errorf("no progress on stderr: %q", errOut.String())
	}
}

func TestSimSweepBadFlags(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--cartels", "0,0.95"}, "cartel share"},
		{[]string{"--cartels", "0,x"}, "--cartels"},
		{[]string{"--k", "2"}, "K = 2"},
		{[]string{"--bond", "0"}, "bond"},
		{[]string{"--vary", "quorum"}, "quorum"},
		{[]string{"--vary", "k", "--k", "1,1"}, "listed twice"},
		{[]string{"--jobs", "0"}, "jobs"},
		{[]string{"--parallel", "-1"}, "negative"},
		{[]string{"--challenger-reward", "9000"}, "rewardBps"},
		{[]string{"extra"}, "argument"},
	} {
		var out, errOut bytes.Buffer
		code := Main(append([]string{"brine", "sim", "sweep"}, tc.args...), IO{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }})
		if code != ExitBadInput || !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("brine sim sweep %v: exit %d (stderr %q), want %d saying %q", tc.args, code, errOut.String(), ExitBadInput, tc.want)
		}
	}
}

func TestSimSweepJSON(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	code := Main([]string{"brine", "sim", "sweep", "--jobs", "12", "--providers", "20", "--cartels", "0,0.3", "--k", "1,3", "--plots", dir, "--json"},
		IO{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var s struct {
		Jobs   int `json:"jobs_per_point"`
		Points []struct {
			Param string `json:"param"`
		} `json:"points"`
		Rows []struct {
			Strategy string `json:"strategy"`
		} `json:"rows"`
	}
	if err := json.Unmarshal(out.Bytes(), &s); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if s.Jobs != 12 || len(s.Points) != 4 || len(s.Rows) < 24 {
		t.Fatalf("sweep: %d jobs per point, %d points, %d rows", s.Jobs, len(s.Points), len(s.Rows))
	}
	for _, want := range []string{"4/4", "profit.svg", "param-k.svg"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr does not say %q: %s", want, errOut.String())
		}
	}
}
