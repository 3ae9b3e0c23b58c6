package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"math/big"
	"net/http"
	"slices"

	"github.com/brine-compute/brine/sim"
	"github.com/brine-compute/brine/units"
)

// pageStyle is the page's only style; the Content-Security-Policy allows it by its hash, and
// nothing else: no script, no image, no outside source (no CDN).
const pageStyle = `body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{padding:.2em .8em;text-align:right}tr.outside{font-weight:bold}td.name{text-align:left}`

var pageCSP = func() string {
	h := sha256.Sum256([]byte(pageStyle))
	return "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}()

var pageTmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"inc": func(i int) int { return i + 1 },
	"brine": func(base string) string {
		v, ok := new(big.Int).SetString(base, 10)
		if !ok {
			return base
		}
		return units.Format(v, 18)
	},
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>brine sim: scoreboard</title><style>{{.Style}}</style></head>
<body><h1>brine sim: scoreboard</h1>
<p>Round {{.Status.Round}}, block {{.Status.Block}}, next phase {{.Status.Next}}; {{.Status.JobsDone}} of {{.Status.JobsTotal}} jobs settled.{{if .Status.Error}} The simulation stopped: {{.Status.Error}}{{end}}</p>
{{with .Status.Books}}<p>The books, audited at block {{.Block}}: {{if .Balanced}}balanced{{else}}NOT balanced{{end}}{{range .Ledgers}}; {{.Contract}} holds {{brine .Holdings}} and owes {{brine .Owed}}{{end}}.</p>{{else}}<p>The books have not been audited yet (every {{.AuditJobs}} settled jobs, between waves, and at the end).</p>{{end}}
<p>Profit in BRINE: what each agent's jobs gained or lost so far. Outside agents (the API's) are in bold. JSON: <a href="/v1/scoreboard">/v1/scoreboard</a>; the API: <a href="/openapi.json">/openapi.json</a>.</p>
<table><tr><th>#</th><th>agent</th><th>strategy</th><th>profit</th><th>jobs</th><th>slashed</th></tr>
{{range $i, $s := .Scores}}<tr{{if $s.Outside}} class="outside"{{end}}><td>{{inc $i}}</td><td class="name">{{$s.Name}}</td><td>{{$s.Strategy}}</td><td>{{brine $s.Profit}}</td><td>{{$s.Jobs}}</td><td>{{$s.Slashed}}</td></tr>
{{end}}</table></body></html>
`))

// ranked is scores best first (by profit, then name).
func ranked(scores []sim.Score) []sim.Score {
	out := slices.Clone(scores)
	profit := func(s sim.Score) *big.Int {
		v, _ := new(big.Int).SetString(s.Profit, 10)
		if v == nil {
			v = new(big.Int)
		}
		return v
	}
	slices.SortStableFunc(out, func(a, b sim.Score) int {
		if c := profit(b).Cmp(profit(a)); c != 0 {
			return c
		}
		if a.Name < b.Name {
			return -1
		}
		if a.Name > b.Name {
			return 1
		}
		return 0
	})
	return out
}

// render draws the page from the current status and scores (callers hold mu).
func (s *Server) render() []byte {
	data := struct {
		Style     template.CSS
		Status    Status
		Scores    []sim.Score
		AuditJobs int
	}{template.CSS(pageStyle), s.status, ranked(s.scores), s.cfg.AuditJobs}
	var buf bytes.Buffer
	if err := pageTmpl.Execute(&buf, data); err != nil {
		s.log.Error("sim server: scoreboard page", "err", err)
	}
	return buf.Bytes()
}

func (s *Server) scoreboardPage(w http.ResponseWriter, r *http.Request) {
	if limited(w, s.public, "public routes") {
		return
	}
	s.mu.Lock()
	page := s.page
	s.mu.Unlock()
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", pageCSP)
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	_, _ = w.Write(page)
}
