package explorer

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"math/big"
	"net/http"
	"net/url"
	"sort"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/audit/events"
	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/units"
)

//go:embed templates/*.html templates/style.css templates/favicon.svg
var assets embed.FS

var tmpl = template.Must(template.New("").Funcs(template.FuncMap{
	"tok":   formatTokens,
	"short": func(a common.Address) string { h := a.Hex(); return h[:8] + "…" + h[len(h)-4:] },
	"when":  formatTime,
	"args":  formatArgs,
	"zero":  func(a common.Address) bool { return a == (common.Address{}) },
}).ParseFS(assets, "templates/*.html"))

// formatTokens shows a decimal amount of base units in tokens (18 decimals), exactly.
func formatTokens(a any) string {
	switch x := a.(type) {
	case *big.Int:
		if x == nil {
			return "0"
		}
		return units.Format(x, 18)
	case string:
		v, ok := new(big.Int).SetString(x, 10)
		if !ok {
			return x
		}
		return units.Format(v, 18)
	}
	return fmt.Sprint(a)
}

func formatTime(unix int64) string {
	if unix == 0 {
		return "—"
	}
	return time.Unix(unix, 0).UTC().Format("2006-01-02 15:04:05Z")
}

// formatArgs shows an event's arguments on one line; struct arguments (the job record) are
// left to the JSON.
func formatArgs(e events.Event) string {
	var b bytes.Buffer
	for _, a := range e.Args {
		switch v := a.Value.(type) {
		case map[string]any, []any:
			continue
		case string:
			if b.Len() > 0 {
				b.WriteString("  ")
			}
			fmt.Fprintf(&b, "%s=%s", a.Name, v)
		default:
			if b.Len() > 0 {
				b.WriteString("  ")
			}
			fmt.Fprintf(&b, "%s=%v", a.Name, v)
		}
	}
	return b.String()
}

// view is what every page template gets.
type view struct {
	Title string
	Nav   string // which menu entry is current
	JSON  string // the API URL whose data the page shows
	More  []string
	Data  any
}

// page is one HTML page: a template fed by the same functions as the API.
type page struct {
	pattern string
	tmpl    string
	nav     string
	build   func(s *Server, r *http.Request) (title string, data any, json []string, err error)
}

var pages = []page{
	{pattern: "/{$}", tmpl: "overview", nav: "overview", build: (*Server).overviewPage},
	{pattern: "/jobs", tmpl: "jobs", nav: "jobs", build: (*Server).jobsPage},
	{pattern: "/jobs/{id}", tmpl: "job", nav: "jobs", build: (*Server).jobPage},
	{pattern: "/providers", tmpl: "providers", nav: "providers", build: (*Server).providersPage},
	{pattern: "/providers/{address}", tmpl: "provider", nav: "providers", build: (*Server).providerPage},
	{pattern: "/challenges", tmpl: "challenges", nav: "challenges", build: (*Server).challengesPage},
	{pattern: "/uptime", tmpl: "uptime", nav: "uptime", build: (*Server).uptimePage},
	{pattern: "/canaries", tmpl: "canaries", nav: "canaries", build: (*Server).canariesPage},
	{pattern: "/books", tmpl: "books", nav: "books", build: (*Server).booksPage},
}

func (s *Server) servePage(w http.ResponseWriter, r *http.Request, p page) {
	title, data, links, err := p.build(s, r)
	if err != nil {
		s.failPage(w, r, err)
		return
	}
	s.render(w, http.StatusOK, p.tmpl, view{Title: title, Nav: p.nav, JSON: links[0], More: links[1:], Data: data})
}

func (s *Server) render(w http.ResponseWriter, code int, name string, v view) {
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, name, v); err != nil {
		s.log.Error("explorer page failed", "page", name, "err", err)
		http.Error(w, "internal error (logged by the explorer)", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

func (s *Server) failPage(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	code, msg := http.StatusInternalServerError, "internal error (logged by the explorer)"
	switch {
	case errors.As(err, &pe):
		code, msg = http.StatusBadRequest, pe.Error()
	case errors.Is(err, index.ErrNotFound):
		code, msg = http.StatusNotFound, err.Error()
	default:
		s.log.Error("explorer page failed", "path", r.URL.Path, "err", err)
	}
	s.render(w, code, "error", view{Title: http.StatusText(code), Data: msg})
}

// serveIcon answers the icon every browser asks for (a 404 there is a console error).
func serveIcon(w http.ResponseWriter, r *http.Request) {
	b, _ := assets.ReadFile("templates/favicon.svg")
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Write(b)
}

func serveStyle(w http.ResponseWriter, r *http.Request) {
	b, _ := assets.ReadFile("templates/style.css")
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Write(b)
}

// withQuery is path with the request's own (already validated) query.
func withQuery(path string, q map[string]string) string {
	v := url.Values{}
	for k, x := range q {
		v.Set(k, x)
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// Overview is the overview page's data.
type Overview struct {
	Status   *Status
	Totals   *TotalsSeries
	Books    *index.Books
	Posted   int64
	Escrow   string
	Stake    string
	Treasury string
	Active   int64 // providers working in the newest bucket
	JobsBars template.HTML
	ProvBars template.HTML
	Amounts  template.HTML
}

func (s *Server) overviewPage(r *http.Request) (string, any, []string, error) {
	if _, err := params(r, nil); err != nil {
		return "", nil, nil, err
	}
	st, err := s.status(r)
	if err != nil {
		return "", nil, nil, err
	}
	tot, err := s.totals(r, map[string]string{})
	if err != nil {
		return "", nil, nil, err
	}
	bk, err := s.cfg.DB.BooksNow(r.Context(), s.cfg.Addresses)
	if err != nil {
		return "", nil, nil, err
	}
	o := &Overview{Status: st, Totals: tot, Books: bk, Escrow: "0", Stake: "0", Treasury: "0"}
	var starts, posted, provs []int64
	ss := []series{{name: "escrow", class: "escrow"}, {name: "stake", class: "stake"}, {name: "fees accrued", class: "fees"}}
	for _, b := range tot.Buckets {
		starts, posted, provs = append(starts, b.From), append(posted, b.Posted), append(provs, b.Providers)
		o.Posted += b.Posted
		for i, v := range []string{b.Escrow, b.Stake, b.Treasury} {
			x, _ := new(big.Int).SetString(v, 10)
			if x == nil {
				x = new(big.Int)
			}
			ss[i].values = append(ss[i].values, x)
		}
	}
	if n := len(tot.Buckets); n > 0 {
		last := tot.Buckets[n-1]
		o.Escrow, o.Stake, o.Treasury, o.Active = last.Escrow, last.Stake, last.Treasury, last.Providers
	}
	o.JobsBars = barChart("chart-jobs", "jobs posted per hour", starts, posted)
	o.ProvBars = barChart("chart-providers", "providers working per hour", starts, provs)
	o.Amounts = lineChart("chart-amounts", "escrow, stake and fees accrued (tokens)", starts, ss)
	return "Overview", o, []string{"/api/totals", "/api/books", "/api/status"}, nil
}

// JobsView is the job list page's data.
type JobsView struct {
	Page     *JobPage
	Filter   map[string]string
	NextURL  string
	Statuses []string
}

func (s *Server) jobsPage(r *http.Request) (string, any, []string, error) {
	q, err := params(r, jobsParams)
	if err != nil {
		return "", nil, nil, err
	}
	p, err := s.jobs(r, q)
	if err != nil {
		return "", nil, nil, err
	}
	v := &JobsView{Page: p, Filter: q, Statuses: index.Statuses()}
	if p.Next != "" {
		next := map[string]string{}
		for k, x := range q {
			next[k] = x
		}
		next["cursor"] = p.Next
		v.NextURL = withQuery("/jobs", next)
	}
	return "Jobs", v, []string{withQuery("/api/jobs", q)}, nil
}

func (s *Server) jobPage(r *http.Request) (string, any, []string, error) {
	if _, err := params(r, nil); err != nil {
		return "", nil, nil, err
	}
	d, err := s.job(r, r.PathValue("id"))
	if err != nil {
		return "", nil, nil, err
	}
	return "Job " + d.Job.ID, d, []string{"/api/jobs/" + d.Job.ID}, nil
}

func (s *Server) providersPage(r *http.Request) (string, any, []string, error) {
	q, err := params(r, providersParams)
	if err != nil {
		return "", nil, nil, err
	}
	p, err := s.providers(r, q)
	if err != nil {
		return "", nil, nil, err
	}
	return "Providers", p, []string{withQuery("/api/providers", q)}, nil
}

// ProviderView is a provider page's data.
type ProviderView struct {
	P     *ProviderDetail
	Jobs  []statusCount
	Heat  template.HTML
	Total int64
}

type statusCount struct {
	Status string
	N      int64
}

func (s *Server) providerPage(r *http.Request) (string, any, []string, error) {
	if _, err := params(r, nil); err != nil {
		return "", nil, nil, err
	}
	p, err := s.provider(r, r.PathValue("address"))
	if err != nil {
		return "", nil, nil, err
	}
	v := &ProviderView{P: p}
	for st, n := range p.Jobs {
		v.Jobs = append(v.Jobs, statusCount{st, n})
		v.Total += n
	}
	sort.Slice(v.Jobs, func(i, j int) bool { return v.Jobs[i].Status < v.Jobs[j].Status })
	v.Heat = claimsHeat("heat-provider", p.Claims)
	return "Provider " + p.Address.Hex(), v, []string{"/api/providers/" + p.Address.Hex(), withQuery("/api/jobs", map[string]string{"provider": p.Address.Hex()})}, nil
}

// claimsHeat lays claims out as the heat map: providers by epochs, the newest 24 epochs.
func claimsHeat(id string, claims []index.Claim) template.HTML {
	cell := map[string]map[uint64]*big.Int{}
	seenE := map[uint64]bool{}
	for _, c := range claims {
		p := c.Provider.Hex()
		if cell[p] == nil {
			cell[p] = map[uint64]*big.Int{}
		}
		v, _ := new(big.Int).SetString(c.Amount, 10)
		if v == nil {
			continue
		}
		if cell[p][c.Epoch] == nil {
			cell[p][c.Epoch] = new(big.Int)
		}
		cell[p][c.Epoch].Add(cell[p][c.Epoch], v)
		seenE[c.Epoch] = true
	}
	var epochs []uint64
	for e := range seenE {
		epochs = append(epochs, e)
	}
	sort.Slice(epochs, func(i, j int) bool { return epochs[i] < epochs[j] })
	if len(epochs) > 24 {
		epochs = epochs[len(epochs)-24:]
	}
	var provs []string
	for p := range cell {
		provs = append(provs, p)
	}
	sort.Strings(provs)
	return heatMap(id, provs, epochs, cell)
}

func (s *Server) challengesPage(r *http.Request) (string, any, []string, error) {
	q, err := params(r, challengesParams)
	if err != nil {
		return "", nil, nil, err
	}
	p, err := s.challenges(r, q)
	if err != nil {
		return "", nil, nil, err
	}
	return "Challenges", p, []string{withQuery("/api/challenges", q)}, nil
}

// UptimeView is the uptime page's data.
type UptimeView struct {
	Claims *ClaimList
	Epochs *EpochPage
	Heat   template.HTML
}

func (s *Server) uptimePage(r *http.Request) (string, any, []string, error) {
	if _, err := params(r, nil); err != nil {
		return "", nil, nil, err
	}
	cl, err := s.claims(r, map[string]string{})
	if err != nil {
		return "", nil, nil, err
	}
	ep, err := s.epochs(r, map[string]string{})
	if err != nil {
		return "", nil, nil, err
	}
	return "Uptime", &UptimeView{Claims: cl, Epochs: ep, Heat: claimsHeat("heat-uptime", cl.Claims)}, []string{"/api/claims", "/api/epochs"}, nil
}

func (s *Server) canariesPage(r *http.Request) (string, any, []string, error) {
	q, err := params(r, canariesParams)
	if err != nil {
		return "", nil, nil, err
	}
	c, err := s.canaries(r, q)
	if err != nil {
		return "", nil, nil, err
	}
	return "Canaries", c, []string{withQuery("/api/canaries", q)}, nil
}

func (s *Server) booksPage(r *http.Request) (string, any, []string, error) {
	if _, err := params(r, nil); err != nil {
		return "", nil, nil, err
	}
	bk, err := s.cfg.DB.BooksNow(r.Context(), s.cfg.Addresses)
	if err != nil {
		return "", nil, nil, err
	}
	return "Books", bk, []string{"/api/books"}, nil
}
