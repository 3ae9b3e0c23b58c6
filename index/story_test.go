package index_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/internal/testharness/testpg"
)

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// story drives every path that moves money: a job finalized, one reclaimed, one timed out,
// one challenged, upheld, appealed and upheld again, one left live; a donation and its sweep; rewards funded; a
// withdrawal and an unstake.
func story(t testing.TB, c *simchain.Chain) {
	t.Helper()
	client := c.MustAccount(t, "client", deploy.Token(1000))
	var provs []*simchain.Account
	for i := 0; i < 5; i++ {
		p, err := c.NewProvider("p", deploy.Token(1000), deploy.Token(200))
		must(t, err)
		provs = append(provs, p)
	}
	cid := []byte("\x01\x55\x12\x20honest-result")
	settled, _, err := c.Post(client, c.Request(deploy.Token(10), deploy.Token(5), 1, time.Minute, time.Minute, 10))
	must(t, err)
	_, err = c.Accept(provs[0], settled)
	must(t, err)
	_, err = c.CommitResult(provs[0], settled, cid)
	must(t, err)
	_, _, err = c.Post(client, c.Request(deploy.Token(7), deploy.Token(5), 1, time.Hour, time.Hour, 10))
	must(t, err)
	reclaimed, _, err := c.Post(client, c.Request(deploy.Token(3), deploy.Token(5), 1, 5*time.Second, time.Minute, 10))
	must(t, err)
	timedOut, _, err := c.Post(client, c.Request(deploy.Token(4), deploy.Token(5), 1, time.Minute, 10*time.Second, 10))
	must(t, err)
	_, err = c.Accept(provs[1], timedOut)
	must(t, err)
	challenged, _, err := c.Post(client, c.Request(deploy.Token(9), deploy.Token(5), 1, time.Minute, time.Hour, 100))
	must(t, err)
	_, err = c.Accept(provs[2], challenged)
	must(t, err)
	_, err = c.CommitResult(provs[2], challenged, []byte("\x01\x55\x12\x20wrong"))
	must(t, err)
	_, err = c.Challenge(client, challenged)
	must(t, err)
	_, err = c.Send(client, c.Token, c.TokenABI.PackTransfer(c.Addr.Market, big.NewInt(1)))
	must(t, err)
	epoch, err := c.CurrentEpoch()
	must(t, err)
	_, err = c.FundRewards(client, epoch+1, 2, deploy.Token(5))
	must(t, err)

	c.Advance(2 * time.Minute)
	_, err = c.Finalize(client, settled)
	must(t, err)
	_, err = c.Reclaim(client, reclaimed)
	must(t, err)
	_, err = c.ClaimTimeout(client, timedOut)
	must(t, err)
	verifiers, _, err := c.DrawVerifiers(client, challenged)
	must(t, err)
	acct := map[common.Address]*simchain.Account{}
	for _, p := range provs {
		acct[p.Addr] = p
	}
	salts := make([][32]byte, len(verifiers))
	for i, v := range verifiers {
		salts[i] = simchain.Salt()
		_, err = c.CommitVote(acct[v], challenged, uint8(i), cid, salts[i])
		must(t, err)
	}
	for i, v := range verifiers {
		_, err = c.RevealVote(acct[v], challenged, uint8(i), cid, salts[i])
		must(t, err)
	}
	// The panel upholds the challenge; the provider appeals (its bond is held with the
	// challenge's), and the final panel upholds it again.
	_, err = c.Appeal(provs[2], challenged)
	must(t, err)
	c.Mine(2)
	verifiers, _, err = c.DrawVerifiers(client, challenged)
	must(t, err)
	salts = make([][32]byte, len(verifiers))
	for i, v := range verifiers {
		salts[i] = simchain.Salt()
		_, err = c.CommitVote(acct[v], challenged, uint8(i), cid, salts[i])
		must(t, err)
	}
	for i, v := range verifiers {
		_, err = c.RevealVote(acct[v], challenged, uint8(i), cid, salts[i])
		must(t, err)
	}
	_, err = c.ResolveChallenge(client, challenged)
	must(t, err)
	_, err = c.Withdraw(provs[0])
	must(t, err)
	_, err = c.Send(client, c.Market, c.MarketABI.PackSweepSurplus())
	must(t, err)
	_, err = c.Send(provs[4], c.Registry, c.RegistryABI.PackUnstake(deploy.Token(50)))
	must(t, err)
}

func chainID(t testing.TB, c *simchain.Chain) *big.Int {
	id, err := c.Client.ChainID(context.Background())
	must(t, err)
	return id
}

func openDB(t testing.TB, path string) *index.DB {
	t.Helper()
	db, err := index.Open(context.Background(), index.OpenConfig{Path: path})
	must(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// openPostgres opens a PostgreSQL database of t's own (skipped without one, failed in CI).
func openPostgres(t testing.TB) *index.DB {
	t.Helper()
	db, err := index.Open(context.Background(), index.OpenConfig{DSN: testpg.Database(t)})
	must(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// dump is a database's indexed content, in an order independent of how it was written.
func dump(t testing.TB, path string) string {
	t.Helper()
	return dumpDB(t, openDB(t, path))
}

// dumpDB is dump of an open database.
func dumpDB(t testing.TB, db *index.DB) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT block, log_index, block_hash, tx_hash, tx_index, address, topics, data, contract, event FROM logs ORDER BY block, log_index`,
		`SELECT id, client, provider, payment, bond, live, status, posted_block, last_block FROM jobs ORDER BY id`,
		`SELECT block, contract, holdings, owed, short, lines FROM books ORDER BY block, contract`,
		`SELECT block, hash FROM index_cursor`,
		`SELECT provider, earned, staked, unbonding, slashed, slashes, events FROM provider_stats ORDER BY provider`,
		`SELECT provider, status, jobs FROM provider_jobs ORDER BY provider, status`,
		`SELECT block, hash, time FROM block_times ORDER BY block`,
		`SELECT job, provider, reason FROM failure_reasons ORDER BY job`,
	} {
		rows, err := index.RawQuery(context.Background(), db, q)
		must(t, err)
		fmt.Fprintf(&b, "%s\n%s\n", q, strings.Join(rows, "\n"))
	}
	return b.String()
}

// recording is a chain's headers and logs, replayed to child processes by replay.
type recording struct {
	Headers []*types.Header `json:"headers"`
	Logs    []types.Log     `json:"logs"`
}

func record(t testing.TB, c *simchain.Chain) *recording {
	t.Helper()
	ctx := context.Background()
	head, err := c.Client.BlockNumber(ctx)
	must(t, err)
	r := &recording{}
	for n := uint64(0); n <= head; n++ {
		h, err := c.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
		must(t, err)
		r.Headers = append(r.Headers, h)
	}
	r.Logs, err = c.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), ToBlock: new(big.Int).SetUint64(head)})
	must(t, err)
	return r
}

// replay serves a recording as a chain, each log request taking `delay`, failing when
// failEvery > 0 for every failEvery-th request.
type replay struct {
	rec       *recording
	delay     time.Duration
	failEvery int64
	calls     atomic.Int64
	headers   atomic.Int64 // HeaderByNumber calls
}

func (r *replay) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	time.Sleep(r.delay)
	if n := r.calls.Add(1); r.failEvery > 0 && n%r.failEvery == 0 {
		return nil, fmt.Errorf("replay: the node timed out (call %d)", n)
	}
	from, to := q.FromBlock.Uint64(), q.ToBlock.Uint64()
	var out []types.Log
	for _, l := range r.rec.Logs {
		if l.BlockNumber < from || l.BlockNumber > to || (len(q.Addresses) > 0 && !slices.Contains(q.Addresses, l.Address)) {
			continue
		}
		ok := true
		for i, set := range q.Topics {
			if len(set) > 0 && (i >= len(l.Topics) || !slices.Contains(set, l.Topics[i])) {
				ok = false
			}
		}
		if ok {
			out = append(out, l)
		}
	}
	return out, nil
}

func (r *replay) HeaderByNumber(_ context.Context, n *big.Int) (*types.Header, error) {
	r.headers.Add(1)
	if n == nil || n.Sign() < 0 || n.Uint64() >= uint64(len(r.rec.Headers)) {
		return r.rec.Headers[len(r.rec.Headers)-1], nil
	}
	return r.rec.Headers[n.Uint64()], nil
}

func (r *replay) BlockNumber(context.Context) (uint64, error) {
	return uint64(len(r.rec.Headers) - 1), nil
}

func saveRecording(t testing.TB, r *recording, path string) {
	b, err := json.Marshal(r)
	must(t, err)
	must(t, os.WriteFile(path, b, 0o600))
}

func loadRecording(path string) (*recording, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r recording
	return &r, json.Unmarshal(b, &r)
}

func sortedKeys(m map[uint64]bool) []uint64 {
	out := make([]uint64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
