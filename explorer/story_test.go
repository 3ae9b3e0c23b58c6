package explorer_test

import (
	"context"
	"math/big"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/explorer"
	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/index"
	"github.com/brine-compute/brine/internal/simchain"
	"github.com/brine-compute/brine/internal/testharness"
)

func TestMain(m *testing.M) { testharness.Main(m) }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// fixture is a story's chain indexed into a database, and an explorer over it.
type fixture struct {
	chain *simchain.Chain
	db    *index.DB
	srv   *explorer.Server
	http  *httptest.Server
	// what the story did, to check the pages and the API against
	finalized, challenged, live *big.Int
	provider                    common.Address // the provider of the finalized job
	cheat                       common.Address // the provider of the challenged job
	unbound                     common.Address // a provider that bound a miner, then unbound it
	canary                      common.Address // the account served as the canary client
	epoch                       uint64
	id                          *big.Int
}

func (f *fixture) chainID(testing.TB) *big.Int { return f.id }

var (
	fixOnce sync.Once
	fix     *fixture
	fixErr  error
)

// storyFixture runs the story once per test binary: a job finalized, one reclaimed, one
// timed out, one challenged, upheld by the panel, appealed and upheld again, one left live;
// rewards funded, a root posted and a claim; a miner claimed by one provider, bound and
// unbound by another; then indexes it and serves it.
func storyFixture(t testing.TB) *fixture {
	t.Helper()
	fixOnce.Do(func() { fix, fixErr = buildFixture(t) })
	if fixErr != nil {
		t.Fatal(fixErr)
	}
	return fix
}

func buildFixture(t testing.TB) (*fixture, error) {
	c, err := simchain.Start()
	if err != nil {
		return nil, err
	}
	testharness.AtExit(func() { _ = c.Sim.Close() })
	f := &fixture{chain: c}
	client, err := c.NewAccount("client", deploy.Token(1000))
	if err != nil {
		return nil, err
	}
	var provs []*simchain.Account
	for i := 0; i < 5; i++ {
		p, err := c.NewProvider("p", deploy.Token(1000), deploy.Token(200))
		if err != nil {
			return nil, err
		}
		provs = append(provs, p)
	}
	var failed error
	step := func(_ any, err error) {
		if err != nil && failed == nil {
			failed = err
		}
	}
	cid := []byte("\x01\x55\x12\x20honest-result")
	settled, _, err := c.Post(client, c.Request(deploy.Token(10), deploy.Token(5), 1, time.Minute, time.Minute, 10))
	if err != nil {
		return nil, err
	}
	step(c.Accept(provs[0], settled))
	step(c.CommitResult(provs[0], settled, cid))
	live, _, err := c.Post(client, c.Request(deploy.Token(7), deploy.Token(5), 1, time.Hour, time.Hour, 10))
	if err != nil {
		return nil, err
	}
	reclaimed, _, err := c.Post(client, c.Request(deploy.Token(3), deploy.Token(5), 1, 5*time.Second, time.Minute, 10))
	if err != nil {
		return nil, err
	}
	timedOut, _, err := c.Post(client, c.Request(deploy.Token(4), deploy.Token(5), 1, time.Minute, 10*time.Second, 10))
	if err != nil {
		return nil, err
	}
	step(c.Accept(provs[1], timedOut))
	challenged, _, err := c.Post(client, c.Request(deploy.Token(9), deploy.Token(5), 1, time.Minute, time.Hour, 100))
	if err != nil {
		return nil, err
	}
	step(c.Accept(provs[2], challenged))
	step(c.CommitResult(provs[2], challenged, []byte("\x01\x55\x12\x20wrong")))
	step(c.Challenge(client, challenged))
	reporter, err := c.NewAccount("reporter", nil)
	if err != nil {
		return nil, err
	}
	step(c.AddReporter(reporter.Addr))
	epoch, err := c.CurrentEpoch()
	if err != nil {
		return nil, err
	}
	step(c.FundRewards(client, epoch, 2, deploy.Token(5)))
	c.Advance(2 * time.Minute)
	step(c.Finalize(client, settled))
	step(c.Reclaim(client, reclaimed))
	step(c.ClaimTimeout(client, timedOut))
	acct := map[common.Address]*simchain.Account{}
	for _, p := range provs {
		acct[p.Addr] = p
	}
	panel := func() {
		verifiers, _, err := c.DrawVerifiers(client, challenged)
		if err != nil {
			step(nil, err)
			return
		}
		salts := make([][32]byte, len(verifiers))
		for i, v := range verifiers {
			salts[i] = simchain.Salt()
			step(c.CommitVote(acct[v], challenged, uint8(i), cid, salts[i]))
		}
		for i, v := range verifiers {
			step(c.RevealVote(acct[v], challenged, uint8(i), cid, salts[i]))
		}
	}
	c.Mine(2)
	panel()
	step(c.Appeal(provs[2], challenged))
	c.Mine(2)
	panel()
	step(c.ResolveChallenge(client, challenged))
	// An uptime epoch: a reporter's root and the first provider's claim.
	c.AdvancePastEpoch(epoch)
	tree, err := merkle.Build([]merkle.Leaf{{Epoch: epoch, Provider: provs[0].Addr, Amount: deploy.Token(2)}})
	if err != nil {
		return nil, err
	}
	step(c.PostRoot(reporter, epoch, tree.Root()))
	claim, err := simchain.RewardClaim(tree, reporter.Addr, provs[0].Addr)
	if err != nil {
		return nil, err
	}
	step(c.ClaimRewards(provs[0], []bindings.UptimeRewardsClaim{claim}))
	// Storage-provider identity, on the registry's recorded path (nothing at FEVM's precompile
	// here): the first provider claims miner 1234 (binding 1000 first, which that releases);
	// the second binds 5678 and unbinds it.
	step(c.Send(provs[0], c.Registry, c.RegistryABI.PackBindMiner(1000, nil)))
	step(c.Send(provs[0], c.Registry, c.RegistryABI.PackBindMiner(1234, nil)))
	step(c.Send(provs[1], c.Registry, c.RegistryABI.PackBindMiner(5678, nil)))
	step(c.Send(provs[1], c.Registry, c.RegistryABI.PackUnbindMiner()))
	f.unbound = provs[1].Addr
	if failed != nil {
		return nil, failed
	}
	f.finalized, f.challenged, f.live, f.provider, f.epoch = settled.ID, challenged.ID, live.ID, provs[0].Addr, epoch
	f.cheat = provs[2].Addr

	ctx := context.Background()
	dir, err := os.MkdirTemp("", "explorer-test-")
	if err != nil {
		return nil, err
	}
	testharness.AtExit(func() { os.RemoveAll(dir) })
	db, err := index.Open(ctx, index.OpenConfig{Path: filepath.Join(dir, "index.db")})
	if err != nil {
		return nil, err
	}
	testharness.AtExit(func() { db.Close() })
	id, err := c.Client.ChainID(ctx)
	if err != nil {
		return nil, err
	}
	f.id, f.canary = id, client.Addr
	srv, err := f.indexAndServe(ctx, db)
	if err != nil {
		return nil, err
	}
	f.db, f.srv = db, srv
	f.http = httptest.NewServer(srv.Handler())
	testharness.AtExit(f.http.Close)
	return f, nil
}

// indexAndServe indexes the story's chain into db, records its block times and returns an
// explorer over it, as `brine explorer` composes them.
func (f *fixture) indexAndServe(ctx context.Context, db *index.DB) (*explorer.Server, error) {
	c := f.chain
	ix, err := index.New(ctx, index.Config{Chain: c.Client, DB: db, Addresses: c.Addr, ChainID: f.id, Span: 50})
	if err != nil {
		return nil, err
	}
	if _, err := ix.Sync(ctx); err != nil {
		return nil, err
	}
	times, err := explorer.NewTimes(explorer.TimesConfig{DB: db, Chain: c.Client})
	if err != nil {
		return nil, err
	}
	if err := times.CatchUp(ctx); err != nil {
		return nil, err
	}
	return explorer.New(explorer.Config{DB: db, Addresses: c.Addr, ChainID: f.id, CanaryClient: &f.canary})
}
