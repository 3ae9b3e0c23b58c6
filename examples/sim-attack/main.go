// Command sim-attack is a cartel attacking `brine sim serve` through its HTTP API only: four
// providers and a challenger register, the challenger challenges honest providers' correct
// results, and whenever cartel members are drawn to the panel they all vote the same wrong
// result, hoping to hold the majority and get the honest provider slashed. It plays until
// every job has settled and prints what the cartel made, from the server's scoreboard.
//
//	go run . --server http://127.0.0.1:8645
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"
)

type job struct {
	ID         uint64   `json:"id"`
	Truth      string   `json:"truth"`
	Committed  string   `json:"committed"`
	Providers  []string `json:"providers"`
	Challenger string   `json:"challenger"`
	Duties     []string `json:"duties"`
}

type note struct {
	Job  uint64 `json:"job"`
	Text string `json:"text"`
}

type state struct {
	Status struct {
		Round    uint64 `json:"round"`
		Finished bool   `json:"finished"`
		Error    string `json:"error"`
	} `json:"status"`
	View *struct {
		Address string `json:"address"`
		Jobs    []job  `json:"jobs"`
		Notes   []note `json:"notes"`
	} `json:"view"`
}

type score struct {
	Name     string `json:"name"`
	Address  string `json:"address"`
	Strategy string `json:"strategy"`
	Profit   string `json:"profit"`
	Slashed  int    `json:"slashed"`
}

type member struct {
	role, token string
	addr        string
	round       uint64 // the last round it acted in
}

var base string

// call sends one request, waiting out 429s (the server's rate limit paces the game).
func call(method, path, token string, in, out any) error {
	for {
		var body io.Reader
		if in != nil {
			b, _ := json.Marshal(in)
			body = bytes.NewReader(b)
		}
		req, err := http.NewRequest(method, base+path, body)
		if err != nil {
			return err
		}
		if in != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
		resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests {
			time.Sleep(100 * time.Millisecond)
			continue
		}
		if resp.StatusCode/100 != 2 {
			return fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, strings.TrimSpace(string(b)))
		}
		if out != nil {
			return json.Unmarshal(b, out)
		}
		return nil
	}
}

func main() {
	flag.StringVar(&base, "server", "http://127.0.0.1:8645", "the attack server's URL")
	providers := flag.Int("providers", 4, "cartel providers to register")
	budget := flag.Int("challenges", 12, "honest results to challenge in all (each costs a bond)")
	flag.Parse()
	if err := attack(*providers, *budget); err != nil {
		fmt.Fprintln(os.Stderr, "sim-attack:", err)
		os.Exit(1)
	}
}

func attack(providers, budget int) error {
	var cartel []*member
	for i := 0; i <= providers; i++ {
		role := "provider"
		if i == providers {
			role = "challenger"
		}
		var reg struct {
			Token string `json:"token"`
		}
		if err := call("POST", "/v1/agents", "", map[string]string{"role": role}, &reg); err != nil {
			return err
		}
		cartel = append(cartel, &member{role: role, token: reg.Token})
	}
	challenger := cartel[providers]
	fmt.Printf("cartel: %d providers and a challenger registered\n", providers)

	ours := map[string]bool{}
	attacked := map[uint64]bool{} // jobs our challenger challenged
	var votes, wrongVotes int
	for {
		finished := false
		for _, m := range cartel {
			var st state
			if err := call("GET", "/v1/agent", m.token, nil, &st); err != nil {
				return err
			}
			if st.Status.Error != "" {
				return errors.New("the simulation stopped: " + st.Status.Error)
			}
			if st.Status.Finished {
				finished = true
				break
			}
			if st.Status.Round == m.round && m.round != 0 {
				continue // acted this round already
			}
			m.round = st.Status.Round
			if st.View != nil {
				m.addr = st.View.Address
				ours[m.addr] = true
				for _, j := range st.View.Jobs {
					if err := m.play(j, challenger, ours, attacked, budget, &votes, &wrongVotes); err != nil {
						return err
					}
				}
			}
			if err := call("POST", "/v1/actions", m.token, map[string]string{"kind": "pass"}, nil); err != nil {
				return err
			}
		}
		if finished {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}

	// The outcome of every challenge is in the challenger's notes.
	var st state
	if err := call("GET", "/v1/agent", challenger.token, nil, &st); err != nil {
		return err
	}
	upheld := 0
	for _, n := range st.View.Notes {
		if attacked[n.Job] && strings.Contains(n.Text, "challenge resolved: upheld") {
			upheld++
		}
	}
	var sb struct {
		Scores []score `json:"scores"`
	}
	if err := call("GET", "/v1/scoreboard", "", nil, &sb); err != nil {
		return err
	}
	total := new(big.Int)
	for _, s := range sb.Scores {
		if ours[s.Address] || s.Address == challenger.addr {
			p, _ := new(big.Int).SetString(s.Profit, 10)
			total.Add(total, p)
			fmt.Printf("  %-26s %s BRINE\n", s.Name, tokens(p))
		}
	}
	fmt.Printf("challenged %d honest results, %d upheld (an honest provider slashed)\n", len(attacked), upheld)
	fmt.Printf("drawn to %d panels, voted the cartel's wrong result in %d\n", votes, wrongVotes)
	fmt.Printf("cartel profit: %s BRINE\n", tokens(total))
	return nil
}

// play decides what m does about one job it sees.
func (m *member) play(j job, challenger *member, ours map[string]bool, attacked map[uint64]bool, budget int, votes, wrongVotes *int) error {
	for _, d := range j.Duties {
		switch {
		case d == "vote":
			*votes++
			if !attacked[j.ID] {
				continue // a panel we did not ask for: vote the truth (the default)
			}
			*wrongVotes++
			fake := "cafe" + fmt.Sprintf("%060x", j.ID) // every member votes the same wrong result
			if err := call("POST", "/v1/actions", m.token, map[string]any{"kind": "vote", "job": j.ID, "result": fake}, nil); err != nil {
				return err
			}
		case d == "challenge" && m == challenger && j.Committed == j.Truth && len(attacked) < budget && !attacked[j.ID]:
			if slices.ContainsFunc(j.Providers, func(p string) bool { return ours[p] }) {
				continue
			}
			if err := call("POST", "/v1/actions", m.token, map[string]any{"kind": "challenge", "job": j.ID}, nil); err != nil {
				return err
			}
			attacked[j.ID] = true
		}
	}
	return nil
}

// tokens formats base units (18 decimals) with two decimals.
func tokens(v *big.Int) string {
	r := new(big.Rat).SetFrac(v, new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil))
	return r.FloatString(2)
}
