package index_test

import (
	"context"
	"math/big"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/index"
)

// sumsMatchTheHistory: every provider's running sums, which the writer keeps page by page,
// equal sums made afresh from the stored history, the events decoded through the ABI (not the
// writer's reading of data words) and the jobs counted by status; and the story slashed and
// paid someone, so the sums are not all zeros.
func sumsMatchTheHistory(t *testing.T, db *index.DB, addrs deploy.Addresses) {
	t.Helper()
	ctx := context.Background()
	type sums struct {
		earned, staked, unbonding, slashed *big.Int
		slashes                            int64
		jobs                               map[string]int64
	}
	want := map[common.Address]*sums{}
	of := func(a common.Address) *sums {
		if want[a] == nil {
			want[a] = &sums{new(big.Int), new(big.Int), new(big.Int), new(big.Int), 0, map[string]int64{}}
		}
		return want[a]
	}
	logs, err := db.Logs(ctx, []common.Address{addrs.Market, addrs.Registry}, 0, 1<<62)
	must(t, err)
	market, registry := bindings.NewJobMarket(), bindings.NewProviderRegistry()
	for i := range logs {
		l := &logs[i]
		if ev, err := market.UnpackJobFinalizedEvent(l); err == nil && l.Address == addrs.Market {
			of(ev.Provider).earned.Add(of(ev.Provider).earned, ev.Paid)
		}
		if l.Address != addrs.Registry {
			continue
		}
		if ev, err := registry.UnpackStakedEvent(l); err == nil {
			of(ev.Provider).staked.Add(of(ev.Provider).staked, ev.Amount)
		} else if ev, err := registry.UnpackUnstakedEvent(l); err == nil {
			s := of(ev.Provider)
			s.staked.Sub(s.staked, ev.Amount)
			s.unbonding.Add(s.unbonding, ev.Amount)
		} else if ev, err := registry.UnpackStakeWithdrawnEvent(l); err == nil {
			of(ev.Provider).unbonding.Sub(of(ev.Provider).unbonding, ev.Amount)
		} else if ev, err := registry.UnpackSlashedEvent(l); err == nil {
			s := of(ev.Provider)
			s.staked.Sub(s.staked, new(big.Int).Sub(ev.Amount, ev.FromUnbonding))
			s.unbonding.Sub(s.unbonding, ev.FromUnbonding)
			s.slashed.Add(s.slashed, ev.Amount)
			s.slashes++
		}
	}
	rows, err := index.RawQuery(ctx, db, `SELECT provider, status, COUNT(*) FROM jobs GROUP BY provider, status`)
	must(t, err)
	for _, r := range rows {
		f := strings.Split(r, "\t")
		n, err := strconv.ParseInt(f[2], 10, 64)
		must(t, err)
		of(common.HexToAddress(f[0])).jobs[f[1]] = n
	}
	var paid, slashed bool
	for a, w := range want {
		got, err := db.SumsOf(ctx, a)
		must(t, err)
		if !got.Found {
			t.Errorf("%s: no sums kept", a.Hex())
		}
		if got.Earned != w.earned.String() || got.Staked != w.staked.String() || got.Unbonding != w.unbonding.String() || got.Slashed != w.slashed.String() || got.Slashes != w.slashes {
			t.Errorf("%s: sums kept earned %s staked %s unbonding %s slashed %s (%d times); from the history %s %s %s %s (%d)", a.Hex(),
				got.Earned, got.Staked, got.Unbonding, got.Slashed, got.Slashes, w.earned, w.staked, w.unbonding, w.slashed, w.slashes)
		}
		if len(got.Jobs) != len(w.jobs) {
			t.Errorf("%s: jobs kept %v, counted %v", a.Hex(), got.Jobs, w.jobs)
		}
		for s, n := range w.jobs {
			if got.Jobs[s] != n {
				t.Errorf("%s: jobs kept %v, counted %v", a.Hex(), got.Jobs, w.jobs)
			}
		}
		paid, slashed = paid || w.earned.Sign() > 0, slashed || w.slashes > 0
	}
	if !paid || !slashed {
		t.Fatalf("the story paid someone: %v, slashed someone: %v; the test wants both", paid, slashed)
	}
}

// TestMigratingFillsTheSums: a database of schema 2 (the story indexed, the sums' tables
// dropped) migrated to schema 3 gets the same sums and counts the writer keeps.
func TestMigratingFillsTheSums(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "index.db")
	db, err := index.Open(ctx, index.OpenConfig{Path: path})
	must(t, err)
	c, _ := indexesTheStory(t, db)
	want := dumpDB(t, db)
	for _, q := range []string{`DROP TABLE provider_stats`, `DROP TABLE provider_jobs`, `DROP TABLE failure_reasons`, `UPDATE schema_version SET version = 2`} {
		_, err := index.RawQuery(ctx, db, q)
		must(t, err)
	}
	must(t, db.Close())
	db = openDB(t, path)
	v, err := db.Version(ctx)
	must(t, err)
	if v != index.SchemaVersion() {
		t.Fatalf("version %d after migrating, want %d", v, index.SchemaVersion())
	}
	if got := dumpDB(t, db); got != want {
		t.Fatalf("after migrating from version 2 the index differs from the one the writer kept:\n%s\n---\n%s", got, want)
	}
	sumsMatchTheHistory(t, db, c.Addr)
}
