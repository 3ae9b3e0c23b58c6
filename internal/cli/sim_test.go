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
