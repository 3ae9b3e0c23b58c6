package index

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/audit"
	"github.com/brine-compute/brine/audit/events"
	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
)

// The reads below serve the explorer. Every one is bounded (a LIMIT, or a key an index
// finds) so a request costs the same on a long chain as on a short one; the indexes they use
// are schema version 2's (db.go).

// ErrNotFound is a job, provider or epoch the index holds nothing of.
var ErrNotFound = errors.New("index: not found")

// MaxPage is the most rows any read returns at once.
const MaxPage = 100

// topic1 and topic2 are a log's first and second indexed arguments, as logs_topic1 and
// logs_topic2 index them (the expressions must match those indexes' text exactly).
const (
	topic1 = "substr(topics, 68, 66)"
	topic2 = "substr(topics, 135, 66)"
)

// JobTopic is a job ID as an indexed event argument.
func JobTopic(id *big.Int) string { return common.BigToHash(id).Hex() }

// AddressTopic is an address as an indexed event argument.
func AddressTopic(a common.Address) string { return common.BytesToHash(a.Bytes()).Hex() }

// Job is one row of the jobs table, with the times of its first and last blocks (0: unknown).
type Job struct {
	ID          string         `json:"id"`
	Client      common.Address `json:"client"`
	Provider    common.Address `json:"provider"`
	Payment     string         `json:"payment"`
	Bond        string         `json:"bond"`
	Live        bool           `json:"live"`
	Status      string         `json:"status"`
	PostedBlock uint64         `json:"postedBlock"`
	LastBlock   uint64         `json:"lastBlock"`
	PostedTime  int64          `json:"postedTime"`
	LastTime    int64          `json:"lastTime"`
}

// Statuses are the job statuses the index writes, for validating a filter.
func Statuses() []string {
	return []string{StatusOpen, StatusAccepted, StatusCommitted, StatusChallenged, StatusCleared, StatusFinalized, StatusReclaimed, StatusTimedOut, StatusNoMajority, StatusUpheld}
}

// JobKey is where a page of jobs ends: the next page starts after it (newest first).
type JobKey struct {
	Block uint64
	ID    string
}

// JobQuery filters and pages the jobs, newest first.
type JobQuery struct {
	Status    string          // "" any
	Client    *common.Address // nil any
	Provider  *common.Address // nil any
	FromBlock uint64          // posted at or after (0: any)
	ToBlock   uint64          // posted at or before (0: any)
	After     *JobKey         // the previous page's last row (nil: the first page)
	Limit     int             // 1..MaxPage
}

const jobColumns = `j.id, j.client, j.provider, j.payment, j.bond, j.live, j.status, j.posted_block, j.last_block,
	COALESCE((SELECT time FROM block_times WHERE block = j.posted_block), 0), COALESCE((SELECT time FROM block_times WHERE block = j.last_block), 0)`

func scanJob(rows interface{ Scan(...any) error }) (Job, error) {
	var j Job
	var client, provider string
	var live int
	err := rows.Scan(&j.ID, &client, &provider, &j.Payment, &j.Bond, &live, &j.Status, &j.PostedBlock, &j.LastBlock, &j.PostedTime, &j.LastTime)
	j.Client, j.Provider, j.Live = common.HexToAddress(client), common.HexToAddress(provider), live == 1
	return j, err
}

// Jobs returns a page of jobs, newest first, and the key of its last row when more may follow.
func (db *DB) Jobs(ctx context.Context, q JobQuery) ([]Job, *JobKey, error) {
	if q.Limit < 1 || q.Limit > MaxPage {
		return nil, nil, fmt.Errorf("index: a page of %d jobs: ask for 1 to %d", q.Limit, MaxPage)
	}
	var where []string
	var args []any
	if q.Status != "" {
		where, args = append(where, "j.status = ?"), append(args, q.Status)
	}
	if q.Client != nil {
		where, args = append(where, "j.client = ?"), append(args, q.Client.Hex())
	}
	if q.Provider != nil {
		where, args = append(where, "j.provider = ?"), append(args, q.Provider.Hex())
	}
	if q.FromBlock > 0 {
		where, args = append(where, "j.posted_block >= ?"), append(args, q.FromBlock)
	}
	if q.ToBlock > 0 {
		where, args = append(where, "j.posted_block <= ?"), append(args, q.ToBlock)
	}
	if q.After != nil {
		// A row value, which both databases seek in the (…, posted_block, id) indexes; an OR
		// of the two cases would scan.
		where = append(where, "(j.posted_block, j.id) < (?, ?)")
		args = append(args, q.After.Block, q.After.ID)
	}
	query := `SELECT ` + jobColumns + ` FROM jobs j`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += fmt.Sprintf(" ORDER BY j.posted_block DESC, j.id DESC LIMIT %d", q.Limit+1)
	rows, err := db.sql.QueryContext(ctx, db.q(query), args...)
	if err != nil {
		return nil, nil, fmt.Errorf("index: reading jobs: %w", err)
	}
	defer rows.Close()
	var out []Job
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, nil, fmt.Errorf("index: reading jobs: %w", err)
		}
		out = append(out, j)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("index: reading jobs: %w", err)
	}
	if len(out) <= q.Limit {
		return out, nil, nil
	}
	out = out[:q.Limit]
	last := out[len(out)-1]
	return out, &JobKey{Block: last.PostedBlock, ID: last.ID}, nil
}

// JobByID returns one job (ErrNotFound when the index has none of that ID).
func (db *DB) JobByID(ctx context.Context, id string) (Job, error) {
	j, err := scanJob(db.sql.QueryRowContext(ctx, db.q(`SELECT `+jobColumns+` FROM jobs j WHERE j.id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Job{}, fmt.Errorf("%w: job %s", ErrNotFound, id)
	}
	if err != nil {
		return Job{}, fmt.Errorf("index: reading job %s: %w", id, err)
	}
	return j, nil
}

// TimedEvent is a decoded event and its block's time (0: unknown).
type TimedEvent struct {
	events.Event
	Time int64 `json:"time"`
}

// MaxEvents is the most events one read returns.
const MaxEvents = 1000

// events runs a query of logs (its WHERE clause over alias l, and its order and limit) and
// decodes them.
func (db *DB) events(ctx context.Context, dec *events.Decoder, where, tail string, args ...any) ([]TimedEvent, error) {
	rows, err := db.sql.QueryContext(ctx, db.q(`SELECT l.block, l.log_index, l.block_hash, l.tx_hash, l.tx_index, l.address, l.topics, l.data,
		COALESCE((SELECT time FROM block_times WHERE block = l.block), 0) FROM logs l WHERE `+where+` `+tail), args...)
	if err != nil {
		return nil, fmt.Errorf("index: reading events: %w", err)
	}
	defer rows.Close()
	var out []TimedEvent
	for rows.Next() {
		var l types.Log
		var blockHash, txHash, addr, topics, data string
		var index, txIndex, t int64
		if err := rows.Scan(&l.BlockNumber, &index, &blockHash, &txHash, &txIndex, &addr, &topics, &data, &t); err != nil {
			return nil, fmt.Errorf("index: reading events: %w", err)
		}
		l.Index, l.TxIndex = uint(index), uint(txIndex)
		l.BlockHash, l.TxHash, l.Address = common.HexToHash(blockHash), common.HexToHash(txHash), common.HexToAddress(addr)
		if topics != "" {
			for _, s := range strings.Split(topics, ",") {
				l.Topics = append(l.Topics, common.HexToHash(s))
			}
		}
		l.Data = common.FromHex(data)
		out = append(out, TimedEvent{Event: dec.Decode(&l), Time: t})
	}
	return out, rows.Err()
}

// JobEvents is a job's timeline: every market event about it (posted, accepted, committed,
// challenged, each panel commitment and reveal, appeals, resolved, finalized or refunded,
// slashes), in chain order, at most MaxEvents.
func (db *DB) JobEvents(ctx context.Context, addrs deploy.Addresses, id *big.Int) ([]TimedEvent, error) {
	dec, err := events.NewDecoder(addrs)
	if err != nil {
		return nil, err
	}
	return db.events(ctx, dec, topic1+` = ? AND l.event IN (`+timelineIn+`) AND l.contract = ?`,
		fmt.Sprintf(`ORDER BY l.block, l.log_index LIMIT %d`, MaxEvents), JobTopic(id), deploy.NameJobMarket)
}

// timelineEvents are the market's events whose first indexed argument is a job ID, read from
// its ABI so that a new event of a job cannot be left out. Others have a first indexed argument
// too (ParamsSet's params ID, an account), which may equal a job's ID as a word: without the
// names, job 1's timeline showed ParamsSet of params 1. timelineIn is their SQL list.
var timelineEvents, timelineIn = jobKeyedEvents()

func jobKeyedEvents() ([]string, string) {
	parsed, err := bindings.JobMarketMetaData.ParseABI()
	if err != nil {
		panic(fmt.Sprintf("index: the generated JobMarket ABI does not parse: %v", err)) // generated code, checked by bindings' tests
	}
	var names []string
	for name, ev := range parsed.Events {
		for _, in := range ev.Inputs {
			if in.Indexed {
				if in.Name == "id" && in.Type.String() == "uint256" {
					names = append(names, name)
				}
				break
			}
		}
	}
	sort.Strings(names)
	return names, "'" + strings.Join(names, "', '") + "'"
}

// Provider is what the index knows of one provider, from its events.
type Provider struct {
	Address    common.Address `json:"address"`
	Registered uint64         `json:"registeredBlock"` // 0: not registered (never: it staked or worked only; or its peer ID was reclaimed)
	// PeerIDReclaimed is the block where a storage provider whose miner the registry checked on
	// chain took this provider's peer ID (PeerIdReclaimed), leaving it unregistered until it
	// registers again with its own; 0 when that never happened.
	PeerIDReclaimed uint64           `json:"peerIdReclaimedBlock,omitempty"`
	Active          bool             `json:"active"`
	Staked          string           `json:"staked"`
	Unbonding       string           `json:"unbonding"`
	Locked          string           `json:"locked"`
	Slashed         string           `json:"slashed"` // stake slashed, all time
	Earned          string           `json:"earned"`  // paid for finalized jobs, all time
	Jobs            map[string]int64 `json:"jobs"`    // by status
	Slashes         []TimedEvent     `json:"slashes"` // CollateralSlashed: which job and why, the newest MaxPage
	Claims          []Claim          `json:"claims"`  // uptime rewards, newest MaxPage epochs
}

// Claim is a provider's uptime reward for an epoch.
type Claim struct {
	Epoch    uint64         `json:"epoch"`
	Provider common.Address `json:"provider"`
	Reporter common.Address `json:"reporter"`
	Amount   string         `json:"amount"`
	Block    uint64         `json:"block"`
}

// ProviderByAddress reads a provider's registration, its running sums (stake, earnings, jobs by
// status), locked collateral, latest slashes and uptime claims (ErrNotFound when the index
// holds no event of it): each a keyed or bounded read.
func (db *DB) ProviderByAddress(ctx context.Context, addrs deploy.Addresses, a common.Address) (*Provider, error) {
	dec, err := events.NewDecoder(addrs)
	if err != nil {
		return nil, err
	}
	p := &Provider{Address: a, Jobs: map[string]int64{}, Slashes: []TimedEvent{}, Claims: []Claim{}}
	topic := AddressTopic(a)
	// Registration and activity: a handful of events, decoded.
	reg, err := db.events(ctx, dec, topic1+` = ? AND l.event IN ('ProviderRegistered', 'ActiveChanged', 'PeerIdReclaimed') AND l.contract = ?`,
		fmt.Sprintf(`ORDER BY l.block, l.log_index LIMIT %d`, MaxEvents), topic, deploy.NameProviderRegistry)
	if err != nil {
		return nil, err
	}
	for _, e := range reg {
		switch e.Name {
		case "ProviderRegistered":
			p.Registered = e.Block
		case "PeerIdReclaimed": // topic1 is the holder that lost it
			p.Registered, p.PeerIDReclaimed = 0, e.Block
		case "ActiveChanged":
			p.Active, _ = e.Arg("active").(bool)
		}
	}
	// Stake, earnings and jobs by status: the running sums the writer keeps (providers.go),
	// not the provider's events, of which a busy one has tens of thousands.
	sums, err := db.SumsOf(ctx, a)
	if err != nil {
		return nil, err
	}
	p.Staked, p.Unbonding, p.Slashed, p.Earned, p.Jobs = sums.Staked, sums.Unbonding, sums.Slashed, sums.Earned, sums.Jobs
	// The market says which job and why (CollateralSlashed); the registry's Slashed, summed
	// above, is the same stake leaving.
	if p.Slashes, err = db.events(ctx, dec, `l.event = 'CollateralSlashed' AND `+topic2+` = ?`, fmt.Sprintf(`ORDER BY l.block DESC, l.log_index DESC LIMIT %d`, MaxPage), topic); err != nil {
		return nil, err
	}
	if p.Slashes == nil {
		p.Slashes = []TimedEvent{}
	}
	// The newer of the last Locked and the last Unlocked (two seeks; an IN would sort them all).
	p.Locked = "0"
	var newest *TimedEvent
	for _, name := range []string{"Locked", "Unlocked"} {
		last, err := db.events(ctx, dec, topic1+` = ? AND l.event = ?`, `ORDER BY l.block DESC, l.log_index DESC LIMIT 1`, topic, name)
		if err != nil {
			return nil, err
		}
		if len(last) == 1 && (newest == nil || last[0].Block > newest.Block || (last[0].Block == newest.Block && last[0].LogIndex > newest.LogIndex)) {
			newest = &last[0]
		}
	}
	if newest != nil {
		p.Locked = argInt(newest.Event, "locked").String()
	}
	if p.Claims, err = db.Claims(ctx, &a, 0, MaxPage); err != nil {
		return nil, err
	}
	if p.Registered == 0 && !sums.Found && len(p.Claims) == 0 {
		return nil, fmt.Errorf("%w: provider %s", ErrNotFound, a.Hex())
	}
	return p, nil
}

// dataWord is the i'th 32-byte word of a log's data text ("0x" and 64 hex digits a word; 0
// when the data is shorter).
func dataWord(data string, i int) *big.Int {
	start := 2 + 64*i
	if len(data) < start+64 {
		return new(big.Int)
	}
	v, ok := new(big.Int).SetString(data[start:start+64], 16)
	if !ok {
		return new(big.Int)
	}
	return v
}

func argInt(e events.Event, name string) *big.Int {
	s, _ := e.Arg(name).(string)
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return new(big.Int)
	}
	return v
}

// ProviderEntry is a provider in the list: its address, when it registered and its jobs.
type ProviderEntry struct {
	Address    common.Address `json:"address"`
	Registered uint64         `json:"registeredBlock"`
	Jobs       int64          `json:"jobs"`
}

// Providers lists registered providers in the order they registered, after the given
// registration block (0: from the first), at most limit.
func (db *DB) Providers(ctx context.Context, after uint64, limit int) ([]ProviderEntry, error) {
	if limit < 1 || limit > MaxPage {
		return nil, fmt.Errorf("index: a page of %d providers: ask for 1 to %d", limit, MaxPage)
	}
	rows, err := db.sql.QueryContext(ctx, db.q(fmt.Sprintf(`SELECT block, `+topic1+` FROM logs WHERE event = 'ProviderRegistered' AND block > ? ORDER BY block, log_index LIMIT %d`, limit)), after)
	if err != nil {
		return nil, fmt.Errorf("index: reading providers: %w", err)
	}
	var out []ProviderEntry
	for rows.Next() {
		var e ProviderEntry
		var topic string
		if err := rows.Scan(&e.Registered, &topic); err != nil {
			rows.Close()
			return nil, fmt.Errorf("index: reading providers: %w", err)
		}
		e.Address = common.HexToAddress(topic)
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		// The counts the writer keeps: a few rows a provider, not one a job.
		if err := db.sql.QueryRowContext(ctx, db.q(`SELECT COALESCE(SUM(jobs), 0) FROM provider_jobs WHERE provider = ?`), out[i].Address.Hex()).Scan(&out[i].Jobs); err != nil {
			return nil, fmt.Errorf("index: counting jobs: %w", err)
		}
	}
	return out, nil
}

// Challenge is a challenged job's panel story: opened, drawn, each commitment and reveal,
// appeals, and how it was resolved (Outcome "" while open).
type Challenge struct {
	Job     string       `json:"job"`
	Block   uint64       `json:"block"` // when it was opened
	Outcome string       `json:"outcome"`
	Events  []TimedEvent `json:"events"`
}

// Challenges lists challenges newest first, opened before block `before` (0: any), at most limit.
func (db *DB) Challenges(ctx context.Context, addrs deploy.Addresses, before uint64, limit int) ([]Challenge, error) {
	if limit < 1 || limit > MaxPage {
		return nil, fmt.Errorf("index: a page of %d challenges: ask for 1 to %d", limit, MaxPage)
	}
	if before == 0 {
		before = 1 << 62
	}
	rows, err := db.sql.QueryContext(ctx, db.q(fmt.Sprintf(`SELECT block, `+topic1+` FROM logs WHERE event = 'ChallengeOpened' AND block < ? ORDER BY block DESC, log_index DESC LIMIT %d`, limit)), before)
	if err != nil {
		return nil, fmt.Errorf("index: reading challenges: %w", err)
	}
	var out []Challenge
	for rows.Next() {
		var c Challenge
		var topic string
		if err := rows.Scan(&c.Block, &topic); err != nil {
			rows.Close()
			return nil, fmt.Errorf("index: reading challenges: %w", err)
		}
		c.Job = new(big.Int).SetBytes(common.FromHex(topic)).String()
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	dec, err := events.NewDecoder(addrs)
	if err != nil {
		return nil, err
	}
	for i := range out {
		id, _ := new(big.Int).SetString(out[i].Job, 10)
		evs, err := db.events(ctx, dec, topic1+` = ? AND l.event IN ('ChallengeOpened', 'VerifiersDrawn', 'DrawReanchored', 'PanelCommitted', 'PanelRevealed', 'AppealOpened', 'ChallengeResolved') AND l.block >= ?`,
			fmt.Sprintf(`ORDER BY l.block, l.log_index LIMIT %d`, MaxEvents), JobTopic(id), out[i].Block)
		if err != nil {
			return nil, err
		}
		out[i].Events = evs
		for _, e := range evs {
			if e.Name == "ChallengeResolved" {
				out[i].Outcome = outcomeName(e.Arg("outcome"))
			}
		}
	}
	return out, nil
}

// outcomeName names a ChallengeResolved outcome (JobMarket.Outcome).
func outcomeName(v any) string {
	s, _ := v.(string)
	switch s {
	case "0":
		return "rejected"
	case fmt.Sprint(audit.OutcomeUpheld):
		return "upheld"
	case "2":
		return "inconclusive"
	}
	return "outcome " + s
}

// Epoch is an uptime epoch's rewards story: funded, roots posted, rolled over, claims.
type Epoch struct {
	Epoch   uint64       `json:"epoch"`
	Funded  string       `json:"funded"`
	Claimed string       `json:"claimed"`
	Claims  int          `json:"claims"`
	Events  []TimedEvent `json:"events"`
}

// Epochs lists the epochs that were funded, had a root posted or were claimed from, newest
// first, below epoch `before` (0: any), at most limit, each with its events.
func (db *DB) Epochs(ctx context.Context, addrs deploy.Addresses, before uint64, limit int) ([]Epoch, error) {
	if limit < 1 || limit > MaxPage {
		return nil, fmt.Errorf("index: a page of %d epochs: ask for 1 to %d", limit, MaxPage)
	}
	// Funded and RootPosted are a few per epoch (claims are many): their epochs are all the
	// epochs there are, since no claim comes without a root.
	rows, err := db.sql.QueryContext(ctx, `SELECT DISTINCT `+topic1+` FROM logs WHERE event IN ('Funded', 'RootPosted')`)
	if err != nil {
		return nil, fmt.Errorf("index: reading epochs: %w", err)
	}
	var all []uint64
	for rows.Next() {
		var topic string
		if err := rows.Scan(&topic); err != nil {
			rows.Close()
			return nil, fmt.Errorf("index: reading epochs: %w", err)
		}
		if e := new(big.Int).SetBytes(common.FromHex(topic)).Uint64(); before == 0 || e < before {
			all = append(all, e)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.Slice(all, func(i, j int) bool { return all[i] > all[j] })
	var out []Epoch
	for _, e := range all[:min(limit, len(all))] {
		out = append(out, Epoch{Epoch: e})
	}
	dec, err := events.NewDecoder(addrs)
	if err != nil {
		return nil, err
	}
	for i := range out {
		evs, err := db.events(ctx, dec, topic1+` = ? AND l.contract = ?`, fmt.Sprintf(`ORDER BY l.block, l.log_index LIMIT %d`, MaxEvents),
			common.BigToHash(new(big.Int).SetUint64(out[i].Epoch)).Hex(), deploy.NameUptimeRewards)
		if err != nil {
			return nil, err
		}
		funded, claimed := new(big.Int), new(big.Int)
		for _, e := range evs {
			switch e.Name {
			case "Funded":
				funded.Add(funded, argInt(e.Event, "amount"))
			case "RolledOver":
				funded.Sub(funded, argInt(e.Event, "amount"))
			case "RewardClaimed":
				claimed.Add(claimed, argInt(e.Event, "amount"))
				out[i].Claims++
			}
		}
		out[i].Funded, out[i].Claimed, out[i].Events = funded.String(), claimed.String(), evs
	}
	return out, nil
}

// Claims lists uptime reward claims, newest first: of one provider (nil: all), from epoch
// `from` on, at most limit.
func (db *DB) Claims(ctx context.Context, provider *common.Address, from uint64, limit int) ([]Claim, error) {
	if limit < 1 || limit > MaxEvents {
		return nil, fmt.Errorf("index: %d claims: ask for 1 to %d", limit, MaxEvents)
	}
	where, args := `event = 'RewardClaimed' AND `+topic1+` >= ?`, []any{common.BigToHash(new(big.Int).SetUint64(from)).Hex()}
	if provider != nil {
		where = `event = 'RewardClaimed' AND ` + topic2 + ` = ? AND ` + topic1 + ` >= ?`
		args = []any{AddressTopic(*provider), args[0]}
	}
	rows, err := db.sql.QueryContext(ctx, db.q(fmt.Sprintf(`SELECT block, topics, data FROM logs WHERE `+where+` ORDER BY block DESC, log_index DESC LIMIT %d`, limit)), args...)
	if err != nil {
		return nil, fmt.Errorf("index: reading claims: %w", err)
	}
	defer rows.Close()
	out := []Claim{}
	for rows.Next() {
		var c Claim
		var topics, data string
		if err := rows.Scan(&c.Block, &topics, &data); err != nil {
			return nil, fmt.Errorf("index: reading claims: %w", err)
		}
		ts := strings.Split(topics, ",")
		if len(ts) != 4 {
			continue
		}
		c.Epoch = new(big.Int).SetBytes(common.FromHex(ts[1])).Uint64()
		c.Provider, c.Reporter = common.HexToAddress(ts[2]), common.HexToAddress(ts[3])
		c.Amount = new(big.Int).SetBytes(common.FromHex(data)).String()
		out = append(out, c)
	}
	return out, rows.Err()
}

// Books is the ledgers as the index's cursor leaves them, and the first break if ever.
type Books struct {
	Cursor     Cursor         `json:"cursor"`
	Ledgers    []audit.Ledger `json:"ledgers"`
	FirstBreak *Break         `json:"firstBreak"`
}

// BooksNow reads the books at the cursor and the first block they broke (nil: never).
func (db *DB) BooksNow(ctx context.Context, addrs deploy.Addresses) (*Books, error) {
	bk, err := newBooks(addrs)
	if err != nil {
		return nil, err
	}
	out := &Books{}
	if out.Cursor, err = db.Cursor(ctx); err != nil {
		return nil, err
	}
	for i := range bk.ledgers {
		var holdings, lines string
		err := db.sql.QueryRowContext(ctx, db.q(`SELECT holdings, lines FROM books WHERE contract = ? ORDER BY block DESC LIMIT 1`), bk.ledgers[i].Contract).Scan(&holdings, &lines)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("index: reading the books: %w", err)
		}
		if err := parseLedger(&bk.ledgers[i], holdings, lines); err != nil {
			return nil, err
		}
	}
	out.Ledgers = bk.ledgers[:]
	if out.FirstBreak, err = db.FirstBreak(ctx, addrs); err != nil {
		return nil, err
	}
	return out, nil
}

// Totals is the network in one bucket of time: jobs posted in it, providers that worked in
// it, and, at its end, escrow, stake and the treasury's accrued fees (decimal base units).
type Totals struct {
	From      int64  `json:"from"` // unix seconds, inclusive
	To        int64  `json:"to"`   // exclusive
	Posted    int64  `json:"posted"`
	Providers int64  `json:"providers"`
	Escrow    string `json:"escrow"`
	Stake     string `json:"stake"`
	Treasury  string `json:"treasury"`
}

// MaxBuckets is the most buckets TotalsOver returns.
const MaxBuckets = 400

// TotalsOver cuts [from, to) into buckets of `step` seconds (at most MaxBuckets) and reads
// each in four statements: the block times around its end (two seeks), its two indexed counts
// (jobs_posted, jobs_last), and two book rows.
func (db *DB) TotalsOver(ctx context.Context, from, to, step int64) ([]Totals, error) {
	if step <= 0 || to <= from || (to-from)/step > MaxBuckets {
		return nil, fmt.Errorf("index: %d to %d by %d s: at most %d buckets", from, to, step, MaxBuckets)
	}
	// Each of the four statements is prepared once for all the buckets: SQLite spends as long
	// parsing one of them as running it.
	ps := &prepared{db: db, m: map[string]*sql.Stmt{}}
	defer ps.close()
	var out []Totals
	_, first, err := ps.blocksAround(ctx, from)
	if err != nil {
		return nil, err
	}
	for t := from; t < to; t += step {
		b := Totals{From: t, To: min(t+step, to)}
		// end is the bucket's last block with a known time: its counts run to it, and its
		// books are the newest row at or before it; next is the next bucket's first block.
		end, next, err := ps.blocksAround(ctx, b.To)
		if err != nil {
			return nil, err
		}
		if first != 0 && end >= first {
			counts, err := ps.stmt(ctx, `SELECT
				(SELECT COUNT(*) FROM jobs WHERE posted_block >= ? AND posted_block <= ?),
				(SELECT COUNT(DISTINCT provider) FROM jobs WHERE last_block >= ? AND last_block <= ? AND provider <> ?)`)
			if err != nil {
				return nil, err
			}
			if err := counts.QueryRowContext(ctx, first, end, first, end, (common.Address{}).Hex()).Scan(&b.Posted, &b.Providers); err != nil {
				return nil, fmt.Errorf("index: totals: %w", err)
			}
		}
		b.Escrow, b.Treasury, b.Stake = "0", "0", "0"
		if end > 0 {
			market, err := ps.bookLines(ctx, deploy.NameJobMarket, end)
			if err != nil {
				return nil, err
			}
			registry, err := ps.bookLines(ctx, deploy.NameProviderRegistry, end)
			if err != nil {
				return nil, err
			}
			if len(market) > lineTreasury {
				b.Escrow, b.Treasury = market[lineEscrow].Amount.String(), market[lineTreasury].Amount.String()
			}
			if len(registry) > lineStaked {
				b.Stake = registry[lineStaked].Amount.String()
			}
		}
		out = append(out, b)
		first = next
	}
	return out, nil
}

// prepared are the statements one read runs many times, each prepared on its first use.
type prepared struct {
	db *DB
	m  map[string]*sql.Stmt
}

func (p *prepared) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st := p.m[query]; st != nil {
		return st, nil
	}
	st, err := p.db.sql.PrepareContext(ctx, p.db.q(query))
	if err != nil {
		return nil, fmt.Errorf("index: preparing a read: %w", err)
	}
	p.m[query] = st
	return st, nil
}

func (p *prepared) close() {
	for _, st := range p.m {
		st.Close()
	}
}

// blocksAround is the newest block with a known time before t and the first at or after it (0:
// none), in one statement: the boundary between two buckets.
func (p *prepared) blocksAround(ctx context.Context, t int64) (before, after uint64, err error) {
	st, err := p.stmt(ctx, `SELECT
		COALESCE((SELECT block FROM block_times WHERE time < ? ORDER BY time DESC, block DESC LIMIT 1), 0),
		COALESCE((SELECT block FROM block_times WHERE time >= ? ORDER BY time, block LIMIT 1), 0)`)
	if err != nil {
		return 0, 0, err
	}
	var b, a int64
	if err := st.QueryRowContext(ctx, t, t).Scan(&b, &a); err != nil {
		return 0, 0, fmt.Errorf("index: block times: %w", err)
	}
	return uint64(b), uint64(a), nil
}

// Block times grow with block numbers, so each lookup below is one seek in block_times_time
// (time, block) rather than MIN or MAX over a range of it.

// lastBlockBefore is the newest block with a known time before t (0: none).
func (db *DB) lastBlockBefore(ctx context.Context, t int64) (uint64, error) {
	var b int64
	err := db.sql.QueryRowContext(ctx, db.q(`SELECT block FROM block_times WHERE time < ? ORDER BY time DESC, block DESC LIMIT 1`), t).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("index: block times: %w", err)
	}
	return uint64(b), nil
}

// BlockAt is the first block at or after unix time t with a known time, or, with last set,
// the last block before t (0: none).
func (db *DB) BlockAt(ctx context.Context, t int64, last bool) (uint64, error) {
	if last {
		return db.lastBlockBefore(ctx, t)
	}
	var b int64
	err := db.sql.QueryRowContext(ctx, db.q(`SELECT block FROM block_times WHERE time >= ? ORDER BY time, block LIMIT 1`), t).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("index: block times: %w", err)
	}
	return uint64(b), nil
}

// bookLines is a ledger's lines at its newest row at or before block (nil: none yet).
func (p *prepared) bookLines(ctx context.Context, contract string, block uint64) ([]audit.Line, error) {
	empty, err := emptyBooks()
	if err != nil {
		return nil, err
	}
	st, err := p.stmt(ctx, `SELECT holdings, lines FROM books WHERE contract = ? AND block <= ? ORDER BY block DESC LIMIT 1`)
	if err != nil {
		return nil, err
	}
	var holdings, lines string
	err = st.QueryRowContext(ctx, contract, block).Scan(&holdings, &lines)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("index: reading the books: %w", err)
	}
	for _, l := range empty.ledgers {
		if l.Contract == contract {
			l.Owed = slices.Clone(l.Owed) // parseLedger sets the amounts: not the shared ones
			if err := parseLedger(&l, holdings, lines); err != nil {
				return nil, err
			}
			return l.Owed, nil
		}
	}
	return nil, nil
}

// emptyBooks is the books before any log, built once: bookLines takes the shape of each
// ledger's lines from it (building it reads four ABIs' events, some 20 µs, and the overview's
// totals read 96 book rows).
var emptyBooks = sync.OnceValues(func() (*books, error) { return newBooks(deploy.Addresses{}) })

// LatestTime is the time of the newest block with a known time (0: none).
func (db *DB) LatestTime(ctx context.Context) (int64, error) {
	var t sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT MAX(time) FROM block_times`).Scan(&t); err != nil {
		return 0, fmt.Errorf("index: block times: %w", err)
	}
	return t.Int64, nil
}

// RecordBlockTimes stores the time of every block that has a log and no time yet, reading
// its header from the chain, at most `most` blocks a call (it is called again after each
// pass). A time whose block hash the logs no longer have (a reorg rewound it) is dropped
// first, so a re-indexed block gets its new time.
func (db *DB) RecordBlockTimes(ctx context.Context, chain HeaderReader, most int) (int, error) {
	// Past the last log (rewound), or from the first of the newest 1,000 blocks whose hash the
	// logs no longer have (re-indexed after a reorg) on.
	if _, err := db.sql.ExecContext(ctx, `DELETE FROM block_times WHERE block > COALESCE((SELECT MAX(block) FROM logs), -1)
		OR block >= COALESCE((SELECT MIN(t.block) FROM block_times t WHERE t.block >= COALESCE((SELECT MAX(block) FROM block_times), 0) - 1000
		AND NOT EXISTS (SELECT 1 FROM logs l WHERE l.block = t.block AND l.block_hash = t.hash)), 9223372036854775807)`); err != nil {
		return 0, fmt.Errorf("index: dropping stale block times: %w", err)
	}
	var after int64
	if err := db.sql.QueryRowContext(ctx, `SELECT COALESCE(MAX(block), -1) FROM block_times`).Scan(&after); err != nil {
		return 0, fmt.Errorf("index: block times: %w", err)
	}
	rows, err := db.sql.QueryContext(ctx, db.q(fmt.Sprintf(`SELECT DISTINCT block, block_hash FROM logs WHERE block > ? ORDER BY block LIMIT %d`, most)), after)
	if err != nil {
		return 0, fmt.Errorf("index: block times: %w", err)
	}
	type blk struct {
		n    uint64
		hash string
	}
	var todo []blk
	for rows.Next() {
		var b blk
		if err := rows.Scan(&b.n, &b.hash); err != nil {
			rows.Close()
			return 0, fmt.Errorf("index: block times: %w", err)
		}
		todo = append(todo, b)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	sort.Slice(todo, func(i, j int) bool { return todo[i].n < todo[j].n })
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("index: block times: %w", err)
	}
	defer tx.Rollback()
	for _, b := range todo {
		h, err := chain.HeaderByNumber(ctx, new(big.Int).SetUint64(b.n))
		if err != nil {
			return 0, fmt.Errorf("index: header %d: %w", b.n, err)
		}
		if h.Hash().Hex() != b.hash {
			break // the chain moved on: the indexer rewinds, the next call goes on
		}
		if _, err := tx.ExecContext(ctx, db.q(`INSERT INTO block_times (block, hash, time) VALUES (?, ?, ?) ON CONFLICT (block) DO UPDATE SET hash = excluded.hash, time = excluded.time`), b.n, b.hash, int64(h.Time)); err != nil {
			return 0, fmt.Errorf("index: block times: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("index: block times: %w", err)
	}
	return len(todo), nil
}

// Miner is a provider's storage-provider binding as the registry's MinerBound event states it.
type Miner struct {
	ID              uint64 // the miner's actor ID (f0…)
	VerifiedOnChain bool   // the registry checked it (FEVM); otherwise a claim the event's signature proves or not
	Block           uint64 // where it was bound
}

// MinerOf is a's current miner binding, nil when it has none: the newer of its last
// MinerBound and its last MinerUnbound, if that is a MinerBound (two seeks on logs_topic1; in
// one transaction the registry unbinds the old miner before binding the new one).
func (db *DB) MinerOf(ctx context.Context, a common.Address) (*Miner, error) {
	type last struct {
		block, index uint64
		topics, data string
	}
	var bound, unbound *last
	for _, name := range []string{"MinerBound", "MinerUnbound"} {
		var l last
		err := db.sql.QueryRowContext(ctx, db.q(`SELECT block, log_index, topics, data FROM logs WHERE `+topic1+` = ? AND event = ? AND contract = ? ORDER BY block DESC, log_index DESC LIMIT 1`),
			AddressTopic(a), name, deploy.NameProviderRegistry).Scan(&l.block, &l.index, &l.topics, &l.data)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			continue
		case err != nil:
			return nil, fmt.Errorf("index: reading the miner of %s: %w", a.Hex(), err)
		}
		if name == "MinerBound" {
			bound = &l
		} else {
			unbound = &l
		}
	}
	if bound == nil || (unbound != nil && (unbound.block > bound.block || (unbound.block == bound.block && unbound.index > bound.index))) {
		return nil, nil
	}
	// minerId is the second indexed argument (topic2: characters 135-200 of the topics text);
	// verifiedOnChain the data's first word.
	if len(bound.topics) < 200 {
		return nil, fmt.Errorf("index: the MinerBound log of %s at block %d has no miner topic", a.Hex(), bound.block)
	}
	id := new(big.Int).SetBytes(common.FromHex(bound.topics[134:200]))
	if !id.IsUint64() {
		return nil, fmt.Errorf("index: the MinerBound log of %s at block %d: miner ID %s is not 64 bits", a.Hex(), bound.block, id)
	}
	return &Miner{ID: id.Uint64(), VerifiedOnChain: dataWord(bound.data, 0).Sign() != 0, Block: bound.block}, nil
}
