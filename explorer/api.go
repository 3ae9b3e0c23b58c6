package explorer

import (
	"context"
	"fmt"
	"math/big"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/filecoin"
	"github.com/brine-compute/brine/index"
)

type apiHandler func(s *Server, r *http.Request) (any, error)

// param is one documented query or path parameter.
type param struct {
	name    string
	in      string // "query" or "path"
	typ     string // OpenAPI type: string or integer
	desc    string
	example string // a value the OpenAPI test sends
}

// route is one JSON endpoint: the mux serves it and /openapi.json documents it from here.
type route struct {
	pattern string
	summary string
	params  []param
	handle  apiHandler
}

var (
	pLimit    = param{name: "limit", in: "query", typ: "integer", desc: fmt.Sprintf("rows per page, 1 to %d (default 25)", index.MaxPage), example: "10"}
	pJobID    = param{name: "id", in: "path", typ: "string", desc: "the job's ID (decimal)", example: "1"}
	pAddress  = param{name: "address", in: "path", typ: "string", desc: "the provider's 0x address", example: "0x0000000000000000000000000000000000000001"}
	pProvider = param{name: "provider", in: "query", typ: "string", desc: "only this provider's (0x address)", example: "0x0000000000000000000000000000000000000001"}
)

var jobsParams = []param{
	{name: "status", in: "query", typ: "string", desc: "only jobs in this status: " + strings.Join(index.Statuses(), ", "), example: "finalized"},
	{name: "client", in: "query", typ: "string", desc: "only this client's (0x address)", example: "0x0000000000000000000000000000000000000001"},
	pProvider,
	{name: "since", in: "query", typ: "string", desc: "posted at or after (unix seconds or RFC 3339)", example: "1700000000"},
	{name: "until", in: "query", typ: "string", desc: "posted before (unix seconds or RFC 3339)", example: "2000000000"},
	{name: "cursor", in: "query", typ: "string", desc: "the `next` of the previous page", example: "100-5"},
	pLimit,
}

var providersParams = []param{
	{name: "after", in: "query", typ: "integer", desc: "the registration block of the previous page's last provider", example: "0"}, pLimit,
}

var challengesParams = []param{
	{name: "before", in: "query", typ: "integer", desc: "opened before this block (the previous page's last `block`)", example: "0"}, pLimit,
}

var epochsParams = []param{
	{name: "before", in: "query", typ: "integer", desc: "epochs below this one (the previous page's last `epoch`)", example: "0"}, pLimit,
}

var claimsParams = []param{
	pProvider,
	{name: "from", in: "query", typ: "integer", desc: "from this epoch on", example: "0"},
	{name: "limit", in: "query", typ: "integer", desc: fmt.Sprintf("at most this many, 1 to %d (default 500)", index.MaxEvents), example: "100"},
}

var totalsParams = []param{
	{name: "hours", in: "query", typ: "integer", desc: "how far back from the newest indexed block, 1 to 720 (default 48)", example: "24"},
	{name: "step", in: "query", typ: "integer", desc: "bucket width in seconds, at least 60 (default 3600); at most 400 buckets", example: "3600"},
}

var canariesParams = []param{pLimit}

var apiRoutes = []route{
	{pattern: "/api/status", summary: "What the index holds: its cursor, the chain and the deployment", handle: (*Server).apiStatus},
	{pattern: "/api/jobs", summary: "Jobs, newest first, filtered and paginated (follow `next` as `cursor`)", params: jobsParams, handle: (*Server).apiJobs},
	{pattern: "/api/jobs/{id}", summary: "One job and its whole timeline: every event with amounts, blocks, times and transactions", params: []param{pJobID}, handle: (*Server).apiJob},
	{pattern: "/api/providers", summary: "Registered providers in registration order, paginated, each with its bound storage provider (`sp`: the Filecoin miner, null for none)", params: providersParams, handle: (*Server).apiProviders},
	{pattern: "/api/providers/{address}", summary: "One provider: stake, locked, unbonding, jobs by outcome, slashes, earnings, uptime claims per epoch, and its bound storage provider (`sp`: miner f0…, minerId, verifiedOnChain, block, and text as the CLI words it, \"(claimed, not checked on chain)\" when not verified; null for none)", params: []param{pAddress}, handle: (*Server).apiProvider},
	{pattern: "/api/challenges", summary: "Challenges, newest first, each with its panel's draws, commitments, reveals, appeals and outcome", params: challengesParams, handle: (*Server).apiChallenges},
	{pattern: "/api/epochs", summary: "Uptime epochs, newest first: funded, roots posted, rolled over, claimed", params: epochsParams, handle: (*Server).apiEpochs},
	{pattern: "/api/claims", summary: "Uptime reward claims, newest first (the heat map's data)", params: claimsParams, handle: (*Server).apiClaims},
	{pattern: "/api/books", summary: "The books of docs/protocol.md at the cursor, and the first block they broke (null: never)", handle: (*Server).apiBooks},
	{pattern: "/api/totals", summary: "Network totals over time, per bucket: jobs posted, providers working, and at its end escrow, stake and fees accrued", params: totalsParams, handle: (*Server).apiTotals},
	{pattern: "/api/canaries", summary: "Canary jobs (those of the canary client, when the explorer was given one), newest first", params: canariesParams, handle: (*Server).apiCanaries},
}

func queryLimit(q map[string]string, name string, def, most int) (int, error) {
	v, ok := q[name]
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > most {
		return 0, badParam(name, "%q is not a whole number from 1 to %d", v, most)
	}
	return n, nil
}

func queryUint(q map[string]string, name string) (uint64, error) {
	v, ok := q[name]
	if !ok {
		return 0, nil
	}
	n, err := strconv.ParseUint(v, 10, 63)
	if err != nil {
		return 0, badParam(name, "%q is not a whole number", v)
	}
	return n, nil
}

var addressRE = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)

func parseAddress(name, v string) (common.Address, error) {
	if !addressRE.MatchString(v) {
		return common.Address{}, badParam(name, "%q is not a 0x address of 40 hex digits", v)
	}
	return common.HexToAddress(v), nil
}

func queryAddress(q map[string]string, name string) (*common.Address, error) {
	v, ok := q[name]
	if !ok {
		return nil, nil
	}
	a, err := parseAddress(name, v)
	return &a, err
}

func queryTime(q map[string]string, name string) (int64, bool, error) {
	v, ok := q[name]
	if !ok {
		return 0, false, nil
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && n >= 0 && n < 1<<40 {
		return n, true, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return 0, false, badParam(name, "%q is neither unix seconds nor an RFC 3339 time (2026-01-02T15:04:05Z)", v)
	}
	return t.Unix(), true, nil
}

var jobIDRE = regexp.MustCompile(`^[0-9]{1,78}$`)

func parseJobID(v string) (*big.Int, error) {
	if !jobIDRE.MatchString(v) {
		return nil, badParam("id", "%q is not a job ID (a decimal number)", v)
	}
	id, _ := new(big.Int).SetString(v, 10)
	if id.BitLen() > 256 {
		return nil, badParam("id", "%q is larger than a uint256", v)
	}
	return id, nil
}

// Status is /api/status.
type Status struct {
	ChainID    string         `json:"chainId"`
	Cursor     index.Cursor   `json:"cursor"`
	LatestTime int64          `json:"latestTime"`
	Market     common.Address `json:"market"`
	Registry   common.Address `json:"registry"`
	Rewards    common.Address `json:"rewards"`
	Token      common.Address `json:"token"`
}

func (s *Server) apiStatus(r *http.Request) (any, error) {
	if _, err := params(r, nil); err != nil {
		return nil, err
	}
	return s.status(r)
}

func (s *Server) status(r *http.Request) (*Status, error) {
	cur, err := s.cfg.DB.Cursor(r.Context())
	if err != nil {
		return nil, err
	}
	t, err := s.cfg.DB.LatestTime(r.Context())
	if err != nil {
		return nil, err
	}
	a := s.cfg.Addresses
	return &Status{ChainID: s.cfg.ChainID.String(), Cursor: cur, LatestTime: t, Market: a.Market, Registry: a.Registry, Rewards: a.Rewards, Token: a.Token}, nil
}

// JobPage is /api/jobs.
type JobPage struct {
	Jobs []index.Job `json:"jobs"`
	Next string      `json:"next"` // "" on the last page
}

var cursorRE = regexp.MustCompile(`^([0-9]{1,18})-([0-9]{1,78})$`)

func (s *Server) apiJobs(r *http.Request) (any, error) {
	q, err := params(r, jobsParams)
	if err != nil {
		return nil, err
	}
	return s.jobs(r, q)
}

func (s *Server) jobs(r *http.Request, q map[string]string) (*JobPage, error) {
	jq := index.JobQuery{Status: q["status"]}
	if jq.Status != "" && !slices.Contains(index.Statuses(), jq.Status) {
		return nil, badParam("status", "%q is not a status; one of %s", jq.Status, strings.Join(index.Statuses(), ", "))
	}
	var err error
	if jq.Client, err = queryAddress(q, "client"); err != nil {
		return nil, err
	}
	if jq.Provider, err = queryAddress(q, "provider"); err != nil {
		return nil, err
	}
	if jq.Limit, err = queryLimit(q, "limit", 25, index.MaxPage); err != nil {
		return nil, err
	}
	if c, ok := q["cursor"]; ok {
		m := cursorRE.FindStringSubmatch(c)
		if m == nil {
			return nil, badParam("cursor", "%q is not a cursor: pass the previous page's `next` as it was", c)
		}
		b, _ := strconv.ParseUint(m[1], 10, 63)
		jq.After = &index.JobKey{Block: b, ID: m[2]}
	}
	since, hasSince, err := queryTime(q, "since")
	if err != nil {
		return nil, err
	}
	until, hasUntil, err := queryTime(q, "until")
	if err != nil {
		return nil, err
	}
	if hasSince && hasUntil && until <= since {
		return nil, badParam("until", "%d is not after since (%d)", until, since)
	}
	empty := &JobPage{Jobs: []index.Job{}}
	if hasSince {
		b, err := s.cfg.DB.BlockAt(r.Context(), since, false)
		if err != nil {
			return nil, err
		}
		if b == 0 {
			return empty, nil // no block with a known time that late
		}
		jq.FromBlock = b
	}
	if hasUntil {
		b, err := s.cfg.DB.BlockAt(r.Context(), until, true)
		if err != nil {
			return nil, err
		}
		if b == 0 {
			return empty, nil
		}
		jq.ToBlock = b
	}
	jobs, next, err := s.cfg.DB.Jobs(r.Context(), jq)
	if err != nil {
		return nil, err
	}
	page := &JobPage{Jobs: jobs}
	if page.Jobs == nil {
		page.Jobs = []index.Job{}
	}
	if next != nil {
		page.Next = fmt.Sprintf("%d-%s", next.Block, next.ID)
	}
	return page, nil
}

// JobDetail is /api/jobs/{id}.
type JobDetail struct {
	Job    index.Job          `json:"job"`
	Events []index.TimedEvent `json:"events"`
	// FailureReason is what the provider's node reported of the ended job (null: not known,
	// FailureReasonNote says why).
	FailureReason     *string `json:"failureReason"`
	FailureReasonNote string  `json:"failureReasonNote"`
}

func (s *Server) apiJob(r *http.Request) (any, error) {
	if _, err := params(r, nil); err != nil {
		return nil, err
	}
	return s.job(r, r.PathValue("id"))
}

func (s *Server) job(r *http.Request, raw string) (*JobDetail, error) {
	id, err := parseJobID(raw)
	if err != nil {
		return nil, err
	}
	j, err := s.cfg.DB.JobByID(r.Context(), id.String())
	if err != nil {
		return nil, err
	}
	evs, err := s.cfg.DB.JobEvents(r.Context(), s.cfg.Addresses, id)
	if err != nil {
		return nil, err
	}
	if evs == nil {
		evs = []index.TimedEvent{}
	}
	d := &JobDetail{Job: j, Events: evs}
	d.FailureReason, d.FailureReasonNote = s.failureReason(r.Context(), j)
	return d, nil
}

// ProviderPage is /api/providers.
type ProviderPage struct {
	Providers []ProviderRow `json:"providers"`
	Next      string        `json:"next"` // the `after` of the next page; "" on the last
}

// ProviderRow is a provider in the list, with its storage-provider identity.
type ProviderRow struct {
	index.ProviderEntry
	SP *SP `json:"sp"` // null: no miner bound
}

// ProviderDetail is /api/providers/{address}: the index's provider and its storage-provider
// identity.
type ProviderDetail struct {
	*index.Provider
	SP *SP `json:"sp"` // null: no miner bound
}

// SP is the Filecoin storage provider (miner) a provider bound in the registry, from its last
// MinerBound event not ended by a MinerUnbound.
type SP struct {
	Miner           string `json:"miner"` // f0… (t0… on Calibration)
	MinerID         uint64 `json:"minerId"`
	VerifiedOnChain bool   `json:"verifiedOnChain"` // false: a claim, not checked on chain (any chain but FEVM)
	Block           uint64 `json:"block"`           // where it was bound
	Text            string `json:"text"`            // as the CLI words it: "f01000", or "f01000 (claimed, not checked on chain)"
}

// sp is a's bound miner, nil for none. Chains other than Filecoin's public ones name it in
// mainnet's f0… form, as the CLI does.
func (s *Server) sp(ctx context.Context, a common.Address) (*SP, error) {
	m, err := s.cfg.DB.MinerOf(ctx, a)
	if err != nil || m == nil {
		return nil, err
	}
	net := filecoin.Mainnet
	if s.cfg.ChainID.IsUint64() {
		net, _ = filecoin.NetworkOfChain(s.cfg.ChainID.Uint64())
	}
	miner := filecoin.MinerAddress(m.ID, net)
	return &SP{Miner: miner, MinerID: m.ID, VerifiedOnChain: m.VerifiedOnChain, Block: m.Block, Text: filecoin.BindingText(miner, m.VerifiedOnChain)}, nil
}

func (s *Server) apiProviders(r *http.Request) (any, error) {
	q, err := params(r, providersParams)
	if err != nil {
		return nil, err
	}
	return s.providers(r, q)
}

func (s *Server) providers(r *http.Request, q map[string]string) (*ProviderPage, error) {
	after, err := queryUint(q, "after")
	if err != nil {
		return nil, err
	}
	limit, err := queryLimit(q, "limit", 25, index.MaxPage)
	if err != nil {
		return nil, err
	}
	ps, err := s.cfg.DB.Providers(r.Context(), after, limit)
	if err != nil {
		return nil, err
	}
	page := &ProviderPage{Providers: make([]ProviderRow, len(ps))}
	for i, p := range ps {
		page.Providers[i].ProviderEntry = p
		if page.Providers[i].SP, err = s.sp(r.Context(), p.Address); err != nil {
			return nil, err
		}
	}
	if len(ps) == limit {
		page.Next = strconv.FormatUint(ps[len(ps)-1].Registered, 10)
	}
	return page, nil
}

func (s *Server) apiProvider(r *http.Request) (any, error) {
	if _, err := params(r, nil); err != nil {
		return nil, err
	}
	return s.provider(r, r.PathValue("address"))
}

func (s *Server) provider(r *http.Request, raw string) (*ProviderDetail, error) {
	a, err := parseAddress("address", raw)
	if err != nil {
		return nil, err
	}
	p, err := s.cfg.DB.ProviderByAddress(r.Context(), s.cfg.Addresses, a)
	if err != nil {
		return nil, err
	}
	d := &ProviderDetail{Provider: p}
	if d.SP, err = s.sp(r.Context(), a); err != nil {
		return nil, err
	}
	return d, nil
}

// ChallengePage is /api/challenges.
type ChallengePage struct {
	Challenges []index.Challenge `json:"challenges"`
	Next       string            `json:"next"` // the `before` of the next page
}

func (s *Server) apiChallenges(r *http.Request) (any, error) {
	q, err := params(r, challengesParams)
	if err != nil {
		return nil, err
	}
	return s.challenges(r, q)
}

func (s *Server) challenges(r *http.Request, q map[string]string) (*ChallengePage, error) {
	before, err := queryUint(q, "before")
	if err != nil {
		return nil, err
	}
	limit, err := queryLimit(q, "limit", 10, index.MaxPage)
	if err != nil {
		return nil, err
	}
	cs, err := s.cfg.DB.Challenges(r.Context(), s.cfg.Addresses, before, limit)
	if err != nil {
		return nil, err
	}
	page := &ChallengePage{Challenges: cs}
	if page.Challenges == nil {
		page.Challenges = []index.Challenge{}
	}
	if len(cs) == limit {
		page.Next = strconv.FormatUint(cs[len(cs)-1].Block, 10)
	}
	return page, nil
}

// EpochPage is /api/epochs.
type EpochPage struct {
	Epochs []index.Epoch `json:"epochs"`
	Next   string        `json:"next"`
}

func (s *Server) apiEpochs(r *http.Request) (any, error) {
	q, err := params(r, epochsParams)
	if err != nil {
		return nil, err
	}
	return s.epochs(r, q)
}

func (s *Server) epochs(r *http.Request, q map[string]string) (*EpochPage, error) {
	before, err := queryUint(q, "before")
	if err != nil {
		return nil, err
	}
	limit, err := queryLimit(q, "limit", 25, index.MaxPage)
	if err != nil {
		return nil, err
	}
	es, err := s.cfg.DB.Epochs(r.Context(), s.cfg.Addresses, before, limit)
	if err != nil {
		return nil, err
	}
	page := &EpochPage{Epochs: es}
	if page.Epochs == nil {
		page.Epochs = []index.Epoch{}
	}
	if len(es) == limit {
		page.Next = strconv.FormatUint(es[len(es)-1].Epoch, 10)
	}
	return page, nil
}

// ClaimList is /api/claims.
type ClaimList struct {
	Claims []index.Claim `json:"claims"`
}

func (s *Server) apiClaims(r *http.Request) (any, error) {
	q, err := params(r, claimsParams)
	if err != nil {
		return nil, err
	}
	return s.claims(r, q)
}

func (s *Server) claims(r *http.Request, q map[string]string) (*ClaimList, error) {
	p, err := queryAddress(q, "provider")
	if err != nil {
		return nil, err
	}
	from, err := queryUint(q, "from")
	if err != nil {
		return nil, err
	}
	limit, err := queryLimit(q, "limit", 500, index.MaxEvents)
	if err != nil {
		return nil, err
	}
	cs, err := s.cfg.DB.Claims(r.Context(), p, from, limit)
	if err != nil {
		return nil, err
	}
	return &ClaimList{Claims: cs}, nil
}

func (s *Server) apiBooks(r *http.Request) (any, error) {
	if _, err := params(r, nil); err != nil {
		return nil, err
	}
	return s.cfg.DB.BooksNow(r.Context(), s.cfg.Addresses)
}

// TotalsSeries is /api/totals.
type TotalsSeries struct {
	From    int64          `json:"from"`
	To      int64          `json:"to"`
	Step    int64          `json:"step"`
	Buckets []index.Totals `json:"buckets"`
}

func (s *Server) apiTotals(r *http.Request) (any, error) {
	q, err := params(r, totalsParams)
	if err != nil {
		return nil, err
	}
	return s.totals(r, q)
}

func (s *Server) totals(r *http.Request, q map[string]string) (*TotalsSeries, error) {
	hours, err := queryLimit(q, "hours", 48, 720)
	if err != nil {
		return nil, err
	}
	step := int64(3600)
	if v, ok := q["step"]; ok {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 60 || n > 30*86400 {
			return nil, badParam("step", "%q is not a number of seconds from 60 to %d", v, 30*86400)
		}
		step = n
	}
	if int64(hours)*3600/step > index.MaxBuckets {
		return nil, badParam("step", "%d s over %d hours is %d buckets, at most %d: widen the step", step, hours, int64(hours)*3600/step, index.MaxBuckets)
	}
	latest, err := s.cfg.DB.LatestTime(r.Context())
	if err != nil {
		return nil, err
	}
	// Buckets end on a whole step after the newest block, so a page reloaded a moment later
	// draws the same bars.
	to := (latest/step + 1) * step
	from := to - int64(hours)*3600
	out := &TotalsSeries{From: from, To: to, Step: step, Buckets: []index.Totals{}}
	if latest == 0 {
		return out, nil
	}
	bs, err := s.cfg.DB.TotalsOver(r.Context(), from, to, step)
	if err != nil {
		return nil, err
	}
	out.Buckets = bs
	return out, nil
}

// Canaries is /api/canaries.
type Canaries struct {
	Available bool        `json:"available"`
	Client    string      `json:"client,omitempty"`
	Note      string      `json:"note,omitempty"`
	Jobs      []index.Job `json:"jobs"`
}

// canaryNote says how to show canaries when the explorer was not told whose they are.
const canaryNote = "the prober keeps its canary runs in memory and in its Prometheus metrics (docs/operations.md); start the explorer with --canary-client ADDRESS (the prober's client account) to show its canary jobs here"

func (s *Server) apiCanaries(r *http.Request) (any, error) {
	q, err := params(r, canariesParams)
	if err != nil {
		return nil, err
	}
	return s.canaries(r, q)
}

func (s *Server) canaries(r *http.Request, q map[string]string) (*Canaries, error) {
	limit, err := queryLimit(q, "limit", 25, index.MaxPage)
	if err != nil {
		return nil, err
	}
	if s.cfg.CanaryClient == nil {
		return &Canaries{Note: canaryNote, Jobs: []index.Job{}}, nil
	}
	jobs, _, err := s.cfg.DB.Jobs(r.Context(), index.JobQuery{Client: s.cfg.CanaryClient, Limit: limit})
	if err != nil {
		return nil, err
	}
	if jobs == nil {
		jobs = []index.Job{}
	}
	return &Canaries{Available: true, Client: s.cfg.CanaryClient.Hex(), Jobs: jobs}, nil
}
