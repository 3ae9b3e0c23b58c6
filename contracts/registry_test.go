package contracts_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/brine-compute/brine/bindings"
	"github.com/brine-compute/brine/chain/reverts"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/internal/simchain"
)

// ---------------------------------------------------------------- fixture

// rgReg is one ProviderRegistry (the deployed one, or a second one a test deploys) with the
// providers whose stake it holds, for the custody check.
type rgReg struct {
	t         *testing.T
	c         *simchain.Chain
	addr      common.Address
	bc        *bind.BoundContract
	providers []common.Address
}

func rgMain(t *testing.T, c *simchain.Chain) *rgReg {
	return &rgReg{t: t, c: c, addr: c.Addr.Registry, bc: c.Registry}
}

// rgDeploy deploys a second ProviderRegistry on the chain's token (minStake 100 tokens,
// unbonding 30 s) owned by the chain's owner, and makes market its market.
func rgDeploy(t *testing.T, c *simchain.Chain, market common.Address) *rgReg {
	t.Helper()
	addr, tx, err := bind.DeployContract(c.Opts(c.Owner), common.FromHex(bindings.ProviderRegistryMetaData.Bin), c.Client,
		c.RegistryABI.PackConstructor(c.Addr.Token, c.Owner.Addr, deploy.Token(100), 30))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bind.WaitDeployed(t.Context(), c.Client, tx.Hash()); err != nil {
		t.Fatal(err)
	}
	g := &rgReg{t: t, c: c, addr: addr, bc: c.RegistryABI.Instance(c.Client, addr)}
	if market != (common.Address{}) {
		g.ok(g.send(c.Owner, c.RegistryABI.PackSetMarket(market)))
	}
	return g
}

func (g *rgReg) send(from *simchain.Account, data []byte) (*types.Receipt, error) {
	return g.c.Send(from, g.bc, data)
}

func (g *rgReg) ok(r *types.Receipt, err error) *types.Receipt {
	g.t.Helper()
	if err != nil {
		g.t.Fatalf("unexpected error: %v", err)
	}
	return r
}

// revert asserts err is the named revert; want, when given, are its exact arguments.
func (g *rgReg) revert(err error, name string, want ...any) {
	g.t.Helper()
	var re *reverts.Error
	if !errors.As(err, &re) || re.Name != name {
		g.t.Fatalf("want revert %s, got %v", name, err)
	}
	if want == nil {
		return
	}
	if len(re.Args) != len(want) {
		g.t.Fatalf("%s: args %v, want %v", name, re.Args, want)
	}
	for i := range want {
		if fmt.Sprint(re.Args[i]) != fmt.Sprint(want[i]) {
			g.t.Fatalf("%s arg %d = %v, want %v", name, i, re.Args[i], want[i])
		}
	}
}

func rgCall[T any](g *rgReg, data []byte, unpack func([]byte) (T, error)) T {
	g.t.Helper()
	v, err := simchain.Call(g.c, g.bc, data, unpack)
	if err != nil {
		g.t.Fatalf("call: %v", err)
	}
	return v
}

func (g *rgReg) info(a common.Address) bindings.ProviderInfoOutput {
	g.t.Helper()
	return rgCall(g, g.c.RegistryABI.PackProviderInfo(a), g.c.RegistryABI.UnpackProviderInfo)
}

func (g *rgReg) isActive(a common.Address) bool {
	g.t.Helper()
	return rgCall(g, g.c.RegistryABI.PackIsActive(a), g.c.RegistryABI.UnpackIsActive)
}

// active is the registry's active list, in order.
func (g *rgReg) active() []common.Address {
	g.t.Helper()
	n := rgCall(g, g.c.RegistryABI.PackActiveCount(), g.c.RegistryABI.UnpackActiveCount)
	out := make([]common.Address, n.Int64())
	for i := range out {
		out[i] = rgCall(g, g.c.RegistryABI.PackActiveAt(big.NewInt(int64(i))), g.c.RegistryABI.UnpackActiveAt)
	}
	return out
}

func (g *rgReg) tokens(a common.Address) *big.Int {
	g.t.Helper()
	b, err := g.c.TokenBalance(a)
	if err != nil {
		g.t.Fatal(err)
	}
	return b
}

// books checks token.balanceOf(registry) == Σ (staked + unbonding) over its providers.
func (g *rgReg) books() {
	g.t.Helper()
	sum := new(big.Int)
	for _, p := range g.providers {
		i := g.info(p)
		sum.Add(sum, i.Staked).Add(sum, i.Unbonding)
		if i.Locked.Cmp(i.Staked) > 0 {
			g.t.Fatalf("%s: locked %s > staked %s", p.Hex(), i.Locked, i.Staked)
		}
	}
	if have := g.tokens(g.addr); have.Cmp(sum) != 0 {
		g.t.Fatalf("registry books: balance %s, Σ(staked+unbonding) %s", have, sum)
	}
}

// expect checks a provider's staked, locked and unbonding amounts (whole tokens).
func (g *rgReg) expect(a common.Address, staked, locked, unbonding int64) {
	g.t.Helper()
	i := g.info(a)
	if i.Staked.Cmp(deploy.Token(staked)) != 0 || i.Locked.Cmp(deploy.Token(locked)) != 0 || i.Unbonding.Cmp(deploy.Token(unbonding)) != 0 {
		g.t.Fatalf("%s: staked %s locked %s unbonding %s, want %d/%d/%d tokens", a.Hex(), i.Staked, i.Locked, i.Unbonding, staked, locked, unbonding)
	}
}

// account makes an account with tokens that this registry's books will count.
func (g *rgReg) account(name string, tokens int64) *simchain.Account {
	g.t.Helper()
	a := g.c.MustAccount(g.t, name, deploy.Token(tokens))
	g.providers = append(g.providers, a.Addr)
	return a
}

func (g *rgReg) register(a *simchain.Account, peer []byte) *types.Receipt {
	g.t.Helper()
	return g.ok(g.send(a, g.c.RegistryABI.PackRegister(peer, []byte("sig"), []byte("meta"))))
}

func (g *rgReg) stake(a *simchain.Account, amount *big.Int) *types.Receipt {
	g.t.Helper()
	g.ok(g.c.Approve(a, g.addr, amount))
	r := g.ok(g.send(a, g.c.RegistryABI.PackStake(amount)))
	g.books()
	return r
}

func (g *rgReg) unstake(a *simchain.Account, amount *big.Int) *types.Receipt {
	g.t.Helper()
	r := g.ok(g.send(a, g.c.RegistryABI.PackUnstake(amount)))
	g.books()
	return r
}

// provider registers a fresh account with a random-ish peer ID and stakes n tokens.
func (g *rgReg) provider(name string, stake int64) *simchain.Account {
	g.t.Helper()
	a := g.account(name, 1000)
	g.register(a, []byte("peer-"+name+"-"+a.Addr.Hex()))
	if stake > 0 {
		g.stake(a, deploy.Token(stake))
	}
	return a
}

func rgEvents[T any](r *types.Receipt, from common.Address, unpack func(*types.Log) (*T, error)) []*T {
	var out []*T
	for _, l := range r.Logs {
		if l.Address != from {
			continue
		}
		if ev, err := unpack(l); err == nil {
			out = append(out, ev)
		}
	}
	return out
}

// activeChanges are a receipt's ActiveChanged events as "name:true" strings.
func (g *rgReg) activeChanges(r *types.Receipt) []string {
	var out []string
	for _, ev := range rgEvents(r, g.addr, g.c.RegistryABI.UnpackActiveChangedEvent) {
		out = append(out, fmt.Sprintf("%s:%v", ev.Provider.Hex(), ev.Active))
	}
	return out
}

func (g *rgReg) wantActiveChange(r *types.Receipt, a common.Address, active bool) {
	g.t.Helper()
	got := g.activeChanges(r)
	want := fmt.Sprintf("%s:%v", a.Hex(), active)
	if len(got) != 1 || got[0] != want {
		g.t.Fatalf("ActiveChanged events %v, want [%s]", got, want)
	}
}

func (g *rgReg) wantNoActiveChange(r *types.Receipt) {
	g.t.Helper()
	if got := g.activeChanges(r); len(got) != 0 {
		g.t.Fatalf("unexpected ActiveChanged events %v", got)
	}
}

// ---------------------------------------------------------------- registration

func TestRegistryRegister(t *testing.T) {
	t.Parallel()
	c := simchain.New(t)
	g := rgMain(t, c)
	a, b, x := g.account("a", 0), g.account("b", 0), g.account("x", 0)
	reg := c.RegistryABI

	rejects := []struct {
		name     string
		peer     []byte
		metadata []byte
		want     string
		args     []any
	}{
		{"empty peer ID", nil, nil, "BadPeerId", []any{}},
		{"129-byte peer ID", bytes.Repeat([]byte{7}, 129), nil, "BadPeerId", []any{}},
		{"1025-byte metadata", []byte("peer"), bytes.Repeat([]byte{'m'}, 1025), "MetadataTooLong", []any{1025}},
	}
	for _, tc := range rejects {
		_, err := g.send(a, reg.PackRegister(tc.peer, []byte("sig"), tc.metadata))
		g.revert(err, tc.want, tc.args...)
	}
	if i := g.info(a.Addr); i.Registered {
		t.Fatal("a refused registration registered")
	}

	// Boundaries: a 128-byte peer ID and 1024 bytes of metadata are fine. The event carries
	// peer ID, signature and metadata exactly.
	peerX := bytes.Repeat([]byte{0xab}, 128)
	sig := bytes.Repeat([]byte{0x51}, 64)
	meta := bytes.Repeat([]byte{'m'}, 1024)
	r := g.ok(g.send(a, reg.PackRegister(peerX, sig, meta)))
	evs := rgEvents(r, g.addr, reg.UnpackProviderRegisteredEvent)
	if len(evs) != 1 || evs[0].Provider != a.Addr || !bytes.Equal(evs[0].PeerId, peerX) || !bytes.Equal(evs[0].PeerSig, sig) || !bytes.Equal(evs[0].Metadata, meta) {
		t.Fatalf("ProviderRegistered %+v", evs)
	}
	hX := crypto.Keccak256Hash(peerX)
	if i := g.info(a.Addr); !i.Registered || i.PeerIdHash != hX {
		t.Fatalf("providerInfo(a) = %+v", i)
	}
	peerOwner := func(peer []byte) common.Address {
		return rgCall(g, reg.PackPeerOwner(crypto.Keccak256Hash(peer)), reg.UnpackPeerOwner)
	}
	if peerOwner(peerX) != a.Addr {
		t.Fatal("peerOwner(peerX) is not a")
	}
	// Registered but unstaked: not active.
	if g.isActive(a.Addr) || len(g.active()) != 0 {
		t.Fatal("an unstaked provider is active")
	}

	// Another account cannot take a's peer ID; a may register it again.
	_, err := g.send(b, reg.PackRegister(peerX, []byte("sig"), nil))
	g.revert(err, "PeerIdTaken", a.Addr)
	g.ok(g.send(a, reg.PackRegister(peerX, []byte("sig2"), []byte("new meta"))))
	if peerOwner(peerX) != a.Addr {
		t.Fatal("re-registering the same peer ID lost it")
	}

	// a moves to peer Y: X is free for b, and then a cannot go back to X.
	peerY := []byte("12D3KooW-peer-Y")
	g.ok(g.send(a, reg.PackRegister(peerY, []byte("sig"), nil)))
	if peerOwner(peerX) != (common.Address{}) || peerOwner(peerY) != a.Addr {
		t.Fatalf("after the move: owner(X) %s owner(Y) %s", peerOwner(peerX).Hex(), peerOwner(peerY).Hex())
	}
	if i := g.info(a.Addr); i.PeerIdHash != crypto.Keccak256Hash(peerY) {
		t.Fatal("a's peerIdHash did not move to Y")
	}
	g.ok(g.send(b, reg.PackRegister(peerX, []byte("sig"), nil)))
	if peerOwner(peerX) != b.Addr {
		t.Fatal("b did not get the freed peer ID")
	}
	_, err = g.send(a, reg.PackRegister(peerX, []byte("sig"), nil))
	g.revert(err, "PeerIdTaken", b.Addr)
	_, err = g.send(x, reg.PackRegister(peerY, []byte("sig"), nil))
	g.revert(err, "PeerIdTaken", a.Addr)

	// updateMetadata.
	_, err = g.send(x, reg.PackUpdateMetadata([]byte("m")))
	g.revert(err, "NotRegistered", x.Addr)
	_, err = g.send(a, reg.PackUpdateMetadata(bytes.Repeat([]byte{'m'}, 1025)))
	g.revert(err, "MetadataTooLong", 1025)
	r = g.ok(g.send(a, reg.PackUpdateMetadata([]byte(`{"gpu":"none"}`))))
	mu := rgEvents(r, g.addr, reg.UnpackMetadataUpdatedEvent)
	if len(mu) != 1 || mu[0].Provider != a.Addr || string(mu[0].Metadata) != `{"gpu":"none"}` {
		t.Fatalf("MetadataUpdated %+v", mu)
	}
	g.books()
}

// rgDigest is registrationDigest computed in Go:
// keccak256(abi.encode("brine/register/v1", chainid, registry, provider, keccak256(peerId))).
func rgDigest(t *testing.T, chainID *big.Int, registry, provider common.Address, peerID []byte) common.Hash {
	t.Helper()
	typ := func(s string) abi.Type {
		ty, err := abi.NewType(s, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		return ty
	}
	args := abi.Arguments{{Type: typ("string")}, {Type: typ("uint256")}, {Type: typ("address")}, {Type: typ("address")}, {Type: typ("bytes32")}}
	enc, err := args.Pack("brine/register/v1", chainID, registry, provider, crypto.Keccak256Hash(peerID))
	if err != nil {
		t.Fatal(err)
	}
	return crypto.Keccak256Hash(enc)
}

func TestRegistryRegistrationDigest(t *testing.T) {
	t.Parallel()
	c := simchain.New(t)
	main := rgMain(t, c)
	second := rgDeploy(t, c, common.Address{})
	p, q := c.MustAccount(t, "p", nil), c.MustAccount(t, "q", nil)
	peer := []byte("\x00\x24\x08\x01\x12\x20peer-id-multihash-bytes-012345")
	other := append(append([]byte{}, peer...), 0)

	seen := map[common.Hash]string{}
	for _, g := range []*rgReg{main, second} {
		for _, acct := range []*simchain.Account{p, q} {
			for _, id := range [][]byte{peer, other} {
				got := common.Hash(rgCall(g, c.RegistryABI.PackRegistrationDigest(acct.Addr, id), c.RegistryABI.UnpackRegistrationDigest))
				want := rgDigest(t, c.ChainID, g.addr, acct.Addr, id)
				if got != want {
					t.Fatalf("registry %s, %s, peer %x: contract %s, Go %s", g.addr.Hex(), acct.Name, id, got.Hex(), want.Hex())
				}
				label := fmt.Sprintf("%s/%s/%x", g.addr.Hex(), acct.Name, id)
				if prev, dup := seen[got]; dup {
					t.Fatalf("digest of %s equals that of %s", label, prev)
				}
				seen[got] = label
			}
		}
	}
	// The chain ID is bound too.
	if rgDigest(t, new(big.Int).Add(c.ChainID, big.NewInt(1)), main.addr, p.Addr, peer) == rgDigest(t, c.ChainID, main.addr, p.Addr, peer) {
		t.Fatal("digest does not depend on the chain ID")
	}
}

// ---------------------------------------------------------------- stake, active set

func TestRegistryStake(t *testing.T) {
	t.Parallel()
	c := simchain.New(t)
	g := rgMain(t, c)
	reg := c.RegistryABI
	p := g.account("p", 1000)
	g.register(p, []byte("peer-p"))

	_, err := g.send(p, reg.PackStake(big.NewInt(0)))
	g.revert(err, "ZeroAmount")
	_, err = g.send(p, reg.PackStake(deploy.Token(1)))
	g.revert(err, "ERC20InsufficientAllowance")
	max96 := new(big.Int).Lsh(big.NewInt(1), 96)
	g.ok(c.Approve(p, g.addr, max96))
	_, err = g.send(p, reg.PackStake(max96))
	g.revert(err, "AmountTooLarge", max96)
	g.ok(c.Approve(p, g.addr, big.NewInt(0)))
	g.books()

	// 99 tokens: staked, not active. One more: active.
	r := g.stake(p, deploy.Token(99))
	g.wantNoActiveChange(r)
	st := rgEvents(r, g.addr, reg.UnpackStakedEvent)
	if len(st) != 1 || st[0].Amount.Cmp(deploy.Token(99)) != 0 || st[0].Staked.Cmp(deploy.Token(99)) != 0 {
		t.Fatalf("Staked %+v", st)
	}
	if g.isActive(p.Addr) {
		t.Fatal("active below minStake")
	}
	r = g.stake(p, deploy.Token(1))
	g.wantActiveChange(r, p.Addr, true)
	if !g.isActive(p.Addr) || len(g.active()) != 1 || g.active()[0] != p.Addr {
		t.Fatalf("active set %v", g.active())
	}
	rwEq(t, "p tokens", g.tokens(p.Addr), deploy.Token(900))
	rwEq(t, "free stake", rgCall(g, reg.PackFreeStake(p.Addr), reg.UnpackFreeStake), deploy.Token(100))

	// Staking before registering: active only once registered.
	q := g.account("q", 1000)
	r = g.stake(q, deploy.Token(150))
	g.wantNoActiveChange(r)
	if g.isActive(q.Addr) {
		t.Fatal("unregistered provider active")
	}
	r = g.register(q, []byte("peer-q"))
	g.wantActiveChange(r, q.Addr, true)
	// Re-registering an active provider does not list it twice.
	r = g.register(q, []byte("peer-q2"))
	g.wantNoActiveChange(r)
	if got := g.active(); len(got) != 2 || got[0] != p.Addr || got[1] != q.Addr {
		t.Fatalf("active set %v", got)
	}
}

// rgModel mirrors the registry's swap-and-pop list.
type rgModel []common.Address

func (m *rgModel) push(a common.Address) { *m = append(*m, a) }
func (m *rgModel) remove(a common.Address) {
	s := *m
	for i, x := range s {
		if x == a {
			s[i] = s[len(s)-1]
			*m = s[:len(s)-1]
			return
		}
	}
}

func TestRegistryActiveSetSwapAndPop(t *testing.T) {
	t.Parallel()
	c := simchain.New(t)
	g := rgMain(t, c)
	const n = 6
	ps := make([]*simchain.Account, n)
	var model rgModel
	for i := range ps {
		ps[i] = g.provider(fmt.Sprintf("p%d", i), 100)
		model.push(ps[i].Addr)
	}
	check := func(when string) {
		t.Helper()
		got := g.active()
		if len(got) != len(model) {
			t.Fatalf("%s: active %d, model %d", when, len(got), len(model))
		}
		for i := range got {
			if got[i] != model[i] {
				t.Fatalf("%s: activeAt(%d) = %s, want %s", when, i, got[i].Hex(), model[i].Hex())
			}
		}
		for _, p := range ps {
			listed := false
			for _, a := range got {
				listed = listed || a == p.Addr
			}
			if listed != g.isActive(p.Addr) {
				t.Fatalf("%s: %s listed %v, isActive %v", when, p.Name, listed, !listed)
			}
		}
	}
	check("all joined")

	orders := [][]int{
		{2, 0, 5, 1, 4, 3}, // middle, first, last, ...
		{5, 4, 3, 2, 1, 0}, // always the last
		{0, 1, 2, 3, 4, 5}, // always the first
		{3, 5, 0, 4, 2, 1},
	}
	for round, order := range orders {
		// Leave one by one (unstake below minStake), checking the list after each step; every
		// other provider re-joins at once, so the list is never just shrinking.
		for k, i := range order {
			p := ps[i]
			r := g.unstake(p, deploy.Token(1))
			g.wantActiveChange(r, p.Addr, false)
			model.remove(p.Addr)
			check(fmt.Sprintf("round %d: %s left", round, p.Name))
			if k%2 == 1 {
				r = g.stake(p, deploy.Token(1))
				g.wantActiveChange(r, p.Addr, true)
				model.push(p.Addr)
				check(fmt.Sprintf("round %d: %s re-joined", round, p.Name))
			}
		}
		// Everyone who is out comes back, in order.
		for _, p := range ps {
			if !g.isActive(p.Addr) {
				g.wantActiveChange(g.stake(p, deploy.Token(1)), p.Addr, true)
				model.push(p.Addr)
			}
		}
		check(fmt.Sprintf("round %d: all back", round))
	}
	g.books()
}

// Raising minStake is checked lazily: listed providers below it stay listed but are not
// active (and candidateAt says not eligible) until their stake changes.
func TestRegistryMinStakeChangesAreLazy(t *testing.T) {
	t.Parallel()
	c := simchain.New(t)
	g := rgMain(t, c)
	reg := c.RegistryABI
	p1, p2 := g.provider("p1", 100), g.provider("p2", 200)
	g.ok(g.send(c.Owner, reg.PackSetStakingParams(deploy.Token(150), 30)))
	if got := g.active(); len(got) != 2 {
		t.Fatalf("active list after raise %v", got)
	}
	if g.isActive(p1.Addr) || !g.isActive(p2.Addr) {
		t.Fatal("isActive does not follow the new minStake")
	}
	cand := rgCall(g, reg.PackCandidateAt(big.NewInt(0), big.NewInt(1)), reg.UnpackCandidateAt)
	if cand.Provider != p1.Addr || cand.Eligible {
		t.Fatalf("candidateAt(0) = %+v", cand)
	}
	// p1 touches its stake but stays below: it leaves the list.
	r := g.stake(p1, deploy.Token(10))
	g.wantActiveChange(r, p1.Addr, false)
	if got := g.active(); len(got) != 1 || got[0] != p2.Addr {
		t.Fatalf("active list %v", got)
	}
	// Lowering minStake again makes p1 active but does not list it until it touches its
	// registration or stake (re-registering the same peer ID is enough).
	g.ok(g.send(c.Owner, reg.PackSetStakingParams(deploy.Token(100), 30)))
	if !g.isActive(p1.Addr) || len(g.active()) != 1 {
		t.Fatalf("after lowering: isActive %v, list %v", g.isActive(p1.Addr), g.active())
	}
	r = g.register(p1, []byte("peer-p1-"+p1.Addr.Hex()))
	g.wantActiveChange(r, p1.Addr, true)
	if got := g.active(); len(got) != 2 || got[1] != p1.Addr {
		t.Fatalf("active list %v", got)
	}
}

// ---------------------------------------------------------------- unstake, withdraw

func TestRegistryUnstakeAndWithdraw(t *testing.T) {
	t.Parallel()
	c := simchain.New(t)
	g := rgMain(t, c)
	reg := c.RegistryABI
	p := g.provider("p", 300)
	client := c.MustAccount(t, "client", deploy.Token(100))

	_, err := g.send(p, reg.PackUnstake(big.NewInt(0)))
	g.revert(err, "ZeroAmount")
	_, err = g.send(p, reg.PackUnstake(deploy.Token(301)))
	g.revert(err, "InsufficientFreeStake", deploy.Token(300), deploy.Token(301))
	_, err = g.send(p, reg.PackWithdrawStake())
	g.revert(err, "NotUnbonded", 0)

	// A job locks 40 tokens of collateral: those cannot leave.
	job, _, err := c.Post(client, c.Request(deploy.Token(10), deploy.Token(40), 1, time.Minute, time.Minute, 10))
	if err != nil {
		t.Fatal(err)
	}
	g.ok(c.Accept(p, job))
	g.expect(p.Addr, 300, 40, 0)
	_, err = g.send(p, reg.PackUnstake(deploy.Token(300)))
	g.revert(err, "InsufficientFreeStake", deploy.Token(260), deploy.Token(300))
	_, err = g.send(p, reg.PackUnstake(deploy.Token(261)))
	g.revert(err, "InsufficientFreeStake", deploy.Token(260), deploy.Token(261))

	// Unstake 100: staked 200, unbonding 100 until now + 30 s.
	r := g.unstake(p, deploy.Token(100))
	ev := rgEvents(r, g.addr, reg.UnpackUnstakedEvent)
	blk, err := c.Client.HeaderByNumber(t.Context(), r.BlockNumber)
	if err != nil {
		t.Fatal(err)
	}
	ends1 := blk.Time + 30
	if len(ev) != 1 || ev[0].Amount.Cmp(deploy.Token(100)) != 0 || ev[0].Staked.Cmp(deploy.Token(200)) != 0 ||
		ev[0].Unbonding.Cmp(deploy.Token(100)) != 0 || ev[0].UnbondingEnds != ends1 {
		t.Fatalf("Unstaked %+v, want ends %d", ev, ends1)
	}
	g.expect(p.Addr, 200, 40, 100)
	g.wantNoActiveChange(r)
	_, err = g.send(p, reg.PackWithdrawStake())
	g.revert(err, "NotUnbonded", ends1)

	// A second unstake restarts the clock for the whole unbonding amount.
	c.Advance(10 * time.Second)
	r = g.unstake(p, deploy.Token(60))
	g.wantNoActiveChange(r) // 140 ≥ 100
	i := g.info(p.Addr)
	if i.UnbondingEnds <= ends1 {
		t.Fatalf("unbondingEnds %d did not move past %d", i.UnbondingEnds, ends1)
	}
	ends2 := i.UnbondingEnds
	g.expect(p.Addr, 140, 40, 160)
	c.AdvanceTo(ends1 + 1)
	_, err = g.send(p, reg.PackWithdrawStake())
	g.revert(err, "NotUnbonded", ends2)

	// After the delay: exactly the unbonding amount comes back, once.
	c.AdvanceTo(ends2)
	before := g.tokens(p.Addr)
	regBefore := g.tokens(g.addr)
	r = g.ok(g.send(p, reg.PackWithdrawStake()))
	rwEq(t, "withdrawn", new(big.Int).Sub(g.tokens(p.Addr), before), deploy.Token(160))
	rwEq(t, "registry balance", new(big.Int).Sub(regBefore, g.tokens(g.addr)), deploy.Token(160))
	sw := rgEvents(r, g.addr, reg.UnpackStakeWithdrawnEvent)
	if len(sw) != 1 || sw[0].Amount.Cmp(deploy.Token(160)) != 0 {
		t.Fatalf("StakeWithdrawn %+v", sw)
	}
	g.expect(p.Addr, 140, 40, 0)
	if i := g.info(p.Addr); i.UnbondingEnds != 0 {
		t.Fatalf("unbondingEnds %d after withdrawal", i.UnbondingEnds)
	}
	_, err = g.send(p, reg.PackWithdrawStake())
	g.revert(err, "NotUnbonded", 0)
	g.books()

	// Dropping below minStake through unstake leaves the active set.
	r = g.unstake(p, deploy.Token(41))
	g.wantActiveChange(r, p.Addr, false)
	g.expect(p.Addr, 99, 40, 41)
}

// ---------------------------------------------------------------- governance and access

func TestRegistryGovernance(t *testing.T) {
	t.Parallel()
	c := simchain.New(t)
	g := rgMain(t, c)
	reg := c.RegistryABI
	stranger := c.MustAccount(t, "stranger", deploy.Token(10))
	ninety := uint64(90 * 24 * 3600)

	steps := []struct {
		name string
		g    *rgReg
		from *simchain.Account
		data []byte
		want string
		args []any
	}{
		{"stranger sets params", g, stranger, reg.PackSetStakingParams(deploy.Token(1), 1), "OwnableUnauthorizedAccount", []any{stranger.Addr}},
		{"minStake 0", g, c.Owner, reg.PackSetStakingParams(big.NewInt(0), 1), "ParamOutOfRange", []any{"minStake"}},
		{"delay over 90 days", g, c.Owner, reg.PackSetStakingParams(deploy.Token(1), ninety+1), "ParamOutOfRange", []any{"unbondingDelay"}},
		{"delay of 90 days", g, c.Owner, reg.PackSetStakingParams(deploy.Token(7), ninety), "", nil},
		{"market set twice", g, c.Owner, reg.PackSetMarket(stranger.Addr), "MarketAlreadySet", []any{c.Addr.Market}},
		{"stranger sets market", g, stranger, reg.PackSetMarket(stranger.Addr), "OwnableUnauthorizedAccount", []any{stranger.Addr}},
		{"lock from an EOA", g, stranger, reg.PackLock(stranger.Addr, big.NewInt(1)), "NotMarket", []any{stranger.Addr}},
		{"unlock from an EOA", g, stranger, reg.PackUnlock(stranger.Addr, big.NewInt(0)), "NotMarket", []any{stranger.Addr}},
		{"slash from an EOA", g, stranger, reg.PackSlash(stranger.Addr, big.NewInt(0), stranger.Addr), "NotMarket", []any{stranger.Addr}},
		{"slash from the owner", g, c.Owner, reg.PackSlash(stranger.Addr, big.NewInt(0), stranger.Addr), "NotMarket", []any{c.Owner.Addr}},
	}
	for _, s := range steps {
		_, err := s.g.send(s.from, s.data)
		if s.want == "" {
			if err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			continue
		}
		if !reverts.Is(err, s.want) {
			t.Fatalf("%s: want %s, got %v", s.name, s.want, err)
		}
		g.revert(err, s.want, s.args...)
	}
	minStake := rgCall(g, reg.PackMinStake(), reg.UnpackMinStake)
	delay := rgCall(g, reg.PackUnbondingDelay(), reg.UnpackUnbondingDelay)
	if minStake.Cmp(deploy.Token(7)) != 0 || delay != ninety {
		t.Fatalf("params %s / %d", minStake, delay)
	}

	// A second registry: setMarket is owner-only, non-zero and once.
	second := rgDeploy(t, c, common.Address{})
	if m := rgCall(second, reg.PackMarket(), reg.UnpackMarket); m != (common.Address{}) {
		t.Fatalf("fresh registry has market %s", m.Hex())
	}
	_, err := second.send(c.Owner, reg.PackLock(stranger.Addr, big.NewInt(1)))
	second.revert(err, "NotMarket", c.Owner.Addr)
	_, err = second.send(stranger, reg.PackSetMarket(stranger.Addr))
	second.revert(err, "OwnableUnauthorizedAccount", stranger.Addr)
	_, err = second.send(c.Owner, reg.PackSetMarket(common.Address{}))
	second.revert(err, "ZeroAddress")
	r := second.ok(second.send(c.Owner, reg.PackSetMarket(stranger.Addr)))
	if ms := rgEvents(r, second.addr, reg.UnpackMarketSetEvent); len(ms) != 1 || ms[0].Market != stranger.Addr {
		t.Fatalf("MarketSet %+v", ms)
	}
	_, err = second.send(c.Owner, reg.PackSetMarket(c.Owner.Addr))
	second.revert(err, "MarketAlreadySet", stranger.Addr)
	// The new delay applies to later unstakes.
	p := g.provider("p", 20)
	r = g.unstake(p, deploy.Token(5))
	blk, err := c.Client.HeaderByNumber(t.Context(), r.BlockNumber)
	if err != nil {
		t.Fatal(err)
	}
	ev := rgEvents(r, g.addr, reg.UnpackUnstakedEvent)
	if len(ev) != 1 || ev[0].UnbondingEnds != blk.Time+ninety {
		t.Fatalf("Unstaked %+v, want ends %d", ev, blk.Time+ninety)
	}
}

// ---------------------------------------------------------------- lock, unlock, slash (market = an EOA)

// A second registry whose market is an account the test controls: lock, unlock and slash
// directly, including slashes that reach unbonding stake, which the real market never asks for.
func TestRegistrySlashReachesUnbonding(t *testing.T) {
	t.Parallel()
	c := simchain.New(t)
	mk := c.MustAccount(t, "market", nil)
	to := c.MustAccount(t, "to", nil)
	g := rgDeploy(t, c, mk.Addr)
	reg := c.RegistryABI
	p := g.provider("p", 300)
	q := g.provider("q", 50) // registered, below minStake
	stranger := g.account("stranger", 0)
	tok := deploy.Token

	type step struct {
		name   string
		data   []byte
		revert string
		args   []any
		// after a success
		staked, locked, unbonding int64
		slashedTo                 int64  // cumulative tokens `to` holds
		fromUnbonding             int64  // of a slash
		active                    string // "" or "left": ActiveChanged for p
	}
	steps := []step{
		{name: "lock an inactive provider", data: reg.PackLock(q.Addr, tok(1)), revert: "NotActive", args: []any{q.Addr}},
		{name: "lock an unknown account", data: reg.PackLock(stranger.Addr, tok(1)), revert: "NotActive", args: []any{stranger.Addr}},
		{name: "lock more than free", data: reg.PackLock(p.Addr, tok(301)), revert: "InsufficientFreeStake", args: []any{tok(300), tok(301)}},
		{name: "lock 100", data: reg.PackLock(p.Addr, tok(100)), staked: 300, locked: 100},
		{name: "lock 50 more", data: reg.PackLock(p.Addr, tok(50)), staked: 300, locked: 150},
		{name: "lock past free", data: reg.PackLock(p.Addr, tok(151)), revert: "InsufficientFreeStake", args: []any{tok(150), tok(151)}},
		{name: "unlock more than locked", data: reg.PackUnlock(p.Addr, tok(151)), revert: "UnlockExceedsLocked", args: []any{tok(150), tok(151)}},
		{name: "unlock 30", data: reg.PackUnlock(p.Addr, tok(30)), staked: 300, locked: 120},
	}
	run := func(steps []step) {
		t.Helper()
		for _, s := range steps {
			beforeTo := g.tokens(to.Addr)
			r, err := g.send(mk, s.data)
			if s.revert != "" {
				g.revert(err, s.revert, s.args...)
				rwEq(t, s.name+": to", g.tokens(to.Addr), beforeTo)
				g.books()
				continue
			}
			if err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			g.expect(p.Addr, s.staked, s.locked, s.unbonding)
			rwEq(t, s.name+": to holds", g.tokens(to.Addr), tok(s.slashedTo))
			slashed := new(big.Int).Sub(tok(s.slashedTo), beforeTo)
			for _, ev := range rgEvents(r, g.addr, reg.UnpackSlashedEvent) {
				if ev.Provider != p.Addr || ev.To != to.Addr || ev.Amount.Cmp(slashed) != 0 || ev.FromUnbonding.Cmp(tok(s.fromUnbonding)) != 0 {
					t.Fatalf("%s: Slashed %+v, want amount %s from unbonding %d tokens", s.name, ev, slashed, s.fromUnbonding)
				}
			}
			for _, ev := range rgEvents(r, g.addr, reg.UnpackLockedEvent) {
				if ev.Locked.Cmp(tok(s.locked)) != 0 {
					t.Fatalf("%s: Locked %+v", s.name, ev)
				}
			}
			for _, ev := range rgEvents(r, g.addr, reg.UnpackUnlockedEvent) {
				if ev.Locked.Cmp(tok(s.locked)) != 0 {
					t.Fatalf("%s: Unlocked %+v", s.name, ev)
				}
			}
			switch s.active {
			case "":
				g.wantNoActiveChange(r)
			case "left":
				g.wantActiveChange(r, p.Addr, false)
			}
			g.books()
		}
	}
	run(steps)

	// p unstakes 100 of its 180 free tokens: still active, and the unbonding stays slashable.
	r := g.unstake(p, tok(100))
	g.wantNoActiveChange(r)
	g.expect(p.Addr, 200, 120, 100)

	run([]step{
		{name: "slash to the zero address", data: reg.PackSlash(p.Addr, tok(1), common.Address{}), revert: "ZeroAddress", args: []any{}},
		// Locked first: 70 of the 120 locked.
		{name: "slash 70", data: reg.PackSlash(p.Addr, tok(70), to.Addr), staked: 130, locked: 50, unbonding: 100, slashedTo: 70},
		// Past the locked amount, into free stake; below minStake: p leaves.
		{name: "slash 60", data: reg.PackSlash(p.Addr, tok(60), to.Addr), staked: 70, locked: 0, unbonding: 100, slashedTo: 130, active: "left"},
		// The rest of the stake, then unbonding.
		{name: "slash 100", data: reg.PackSlash(p.Addr, tok(100), to.Addr), staked: 0, locked: 0, unbonding: 70, slashedTo: 230, fromUnbonding: 30},
		{name: "slash past everything", data: reg.PackSlash(p.Addr, tok(71), to.Addr), revert: "SlashExceedsStake", args: []any{tok(70), tok(71)}},
		{name: "slash the last 70", data: reg.PackSlash(p.Addr, tok(70), to.Addr), staked: 0, locked: 0, unbonding: 0, slashedTo: 300, fromUnbonding: 70},
		{name: "slash an empty provider", data: reg.PackSlash(p.Addr, big.NewInt(1), to.Addr), revert: "SlashExceedsStake", args: []any{0, 1}},
		{name: "unlock with nothing locked", data: reg.PackUnlock(p.Addr, big.NewInt(1)), revert: "UnlockExceedsLocked", args: []any{0, 1}},
	})

	// A provider with only unbonding stake beyond its stake: the slash takes the stake, then
	// unbonding, and the unbonding rest is still withdrawn after the delay.
	p2 := g.provider("p2", 100)
	g.unstake(p2, tok(40))
	ends := g.info(p2.Addr).UnbondingEnds
	r = g.ok(g.send(mk, reg.PackSlash(p2.Addr, tok(80), to.Addr)))
	sl := rgEvents(r, g.addr, reg.UnpackSlashedEvent)
	if len(sl) != 1 || sl[0].Provider != p2.Addr || sl[0].Amount.Cmp(tok(80)) != 0 || sl[0].FromUnbonding.Cmp(tok(20)) != 0 || sl[0].To != to.Addr {
		t.Fatalf("Slashed %+v", sl)
	}
	g.expect(p2.Addr, 0, 0, 20)
	if got := g.info(p2.Addr).UnbondingEnds; got != ends {
		t.Fatalf("slash moved unbondingEnds %d -> %d", ends, got)
	}
	rwEq(t, "to holds", g.tokens(to.Addr), tok(380))
	c.AdvanceTo(ends)
	before := g.tokens(p2.Addr)
	g.ok(g.send(p2, reg.PackWithdrawStake()))
	rwEq(t, "p2 withdrew", new(big.Int).Sub(g.tokens(p2.Addr), before), tok(20))
	g.books()
}

// TestRegistrySyncFixesTheActiveListAfterAMinStakeChange: anyone may list a provider a lowered
// minimum made eligible, or unlist one a raised minimum made ineligible, without touching its
// stake; a sync that changes nothing emits nothing.
func TestRegistrySyncFixesTheActiveListAfterAMinStakeChange(t *testing.T) {
	t.Parallel()
	c := simchain.New(t)
	g := rgMain(t, c)
	reg := c.RegistryABI
	p1, p2 := g.provider("p1", 100), g.provider("p2", 200)
	stranger := c.MustAccount(t, "stranger", nil)
	g.ok(g.send(c.Owner, reg.PackSetStakingParams(deploy.Token(150), 30)))
	r := g.ok(g.send(stranger, reg.PackSync(p1.Addr)))
	g.wantActiveChange(r, p1.Addr, false)
	if got := g.active(); len(got) != 1 || got[0] != p2.Addr {
		t.Fatalf("after raise and sync: active list %v", got)
	}
	g.ok(g.send(c.Owner, reg.PackSetStakingParams(deploy.Token(100), 30)))
	r = g.ok(g.send(stranger, reg.PackSync(p1.Addr)))
	g.wantActiveChange(r, p1.Addr, true)
	if got := g.active(); len(got) != 2 {
		t.Fatalf("after lowering and sync: active list %v", got)
	}
	r = g.ok(g.send(stranger, reg.PackSync(p1.Addr)))
	if len(r.Logs) != 0 {
		t.Fatalf("a no-op sync emitted %d logs", len(r.Logs))
	}
}
