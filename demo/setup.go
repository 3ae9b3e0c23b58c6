package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/docker/docker/client"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/brine-compute/brine/chain/erc20"
	"github.com/brine-compute/brine/chain/txmgr"
	"github.com/brine-compute/brine/clock"
	"github.com/brine-compute/brine/deploy"
	"github.com/brine-compute/brine/devnet"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/jobclient"
	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/dishonest"
	"github.com/brine-compute/brine/node/executor"
	"github.com/brine-compute/brine/node/executor/docker"
	"github.com/brine-compute/brine/node/executor/wasm"
	"github.com/brine-compute/brine/p2p"
	"github.com/brine-compute/brine/p2p/identity"
	"github.com/brine-compute/brine/results"
	"github.com/brine-compute/brine/settlement/onchain"
	"github.com/brine-compute/brine/wallet"
)

// The demo's protocol settings: deploy.DevConfig with a short uptime epoch.
const (
	epochLength = 10 * time.Second
	stakeTokens = 200 // each provider's stake: two slashes of mallory's still leave it active
)

// show is one run of the demo: the chain, the cast and what happened.
type show struct {
	cfg   Config
	log   *slog.Logger
	dir   string
	story *story

	net    *devnet.Devnet
	eth    *ethclient.Client
	addrs  deploy.Addresses
	params deploy.Params
	token  *erc20.Token
	chain  string // "<chain ID>/<market>": what node data directories are bound to

	engine    jobspec.Engine
	docker    *client.Client
	image     string // docker: the demo image's tag
	module    []byte // wasm: the greet module
	moduleCID string
	replicas  uint8 // the most replicas the nodes take (1: this node build runs none)
	noReplica string

	gov       *actor
	treasury  common.Address
	providers []*provider // ada, bob, cy, mallory
	client    *customer
	prober    *actor

	clock *clock.Chain

	txMu   sync.Mutex
	scenes []sceneStart
	txs    []Tx

	probing *probing

	report Report
}

// actor is an account of the cast acting through its own transaction manager.
type actor struct {
	name string
	role string
	addr common.Address
	acct *onchain.Managed
}

// provider is a provider account and its node.
type provider struct {
	actor
	dataDir string
	id      *identity.Identity
	listen  string
	policy  node.Policy
	node    *node.Node
	execs   []io.Closer
}

// customer is the client: an account with a libp2p host serving its specs and its module.
type customer struct {
	actor
	host    *jobclient.Host
	results *results.Store
	submit  *jobclient.Submitter
}

// play runs the setup, the scenes and the closing tables.
func (r *show) play(ctx context.Context) error {
	start := time.Now()
	if err := r.chooseEngine(ctx); err != nil {
		return err
	}
	if err := r.startChain(ctx); err != nil {
		return err
	}
	if err := r.cast(ctx); err != nil {
		return err
	}
	if err := r.snapshotBefore(ctx); err != nil {
		return err
	}
	if err := r.stakeAndStart(ctx); err != nil {
		return err
	}
	for _, scene := range []func(context.Context) error{r.sceneSettled, r.sceneChallenged, r.sceneTimedOut, r.sceneFailed, r.sceneReplicated, r.sceneUptime} {
		if err := scene(ctx); err != nil {
			return err
		}
	}
	if err := r.closing(ctx); err != nil {
		return err
	}
	r.report.Elapsed = time.Since(start)
	r.story.say("done in %s", r.report.Elapsed.Round(100*time.Millisecond))
	return nil
}

// chooseEngine picks Docker or WASM and prepares the job's image or module.
func (r *show) chooseEngine(ctx context.Context) error {
	r.story.heading("Setup")
	if r.cfg.Engine != EngineWasm {
		cli, err := dockerEngine(ctx)
		switch {
		case err == nil:
			r.docker = cli
			tag, err := buildImage(ctx, cli)
			if err != nil {
				return err
			}
			r.image = tag
			r.engine = jobspec.EngineDocker
			r.report.Engine, r.report.EngineReason = "docker", "a Docker engine answers"
			r.story.say("engine: Docker (a Docker engine answers); built image %s FROM scratch with %s", tag, busybox)
			return nil
		case r.cfg.Engine == EngineDocker:
			return fmt.Errorf("demo: engine docker: %v. Start Docker (as root: make docker) or use --engine wasm", err)
		default:
			r.report.EngineReason = "Docker not available: " + err.Error()
		}
	} else {
		r.report.EngineReason = "WASM asked for"
	}
	r.engine = jobspec.EngineWasm
	r.module = greetModule()
	r.moduleCID = moduleCID(r.module)
	r.report.Engine = "wasm"
	r.story.say("engine: WASM (%s); the job is a %d-byte WASI module, %s", r.report.EngineReason, len(r.module), r.moduleCID)
	return nil
}

func moduleCID(module []byte) string {
	return results.CIDOf(module).String()
}

// startChain starts the devnet and opens the token.
func (r *show) startChain(ctx context.Context) error {
	dc := deploy.DevConfig(common.Address{}, 0) // the devnet fills the treasury and epoch genesis
	dc.EpochLength = epochLength
	dn, err := devnet.New(devnet.Config{
		BlockPeriod: time.Second,
		Accounts:    7,
		Deploy:      dc,
		Logger:      r.log.With("component", "devnet"),
	})
	if err != nil {
		return err
	}
	r.net = dn
	if err := dn.Start(ctx); err != nil {
		r.net = nil
		return fmt.Errorf("demo: starting the devnet: %w", err)
	}
	if r.eth, err = ethclient.DialContext(ctx, dn.HTTPURL()); err != nil {
		return err
	}
	r.clock = clock.NewChain(func(ctx context.Context) (time.Time, error) { return jobclient.ChainTime(ctx, r.eth) }, 0)
	if err := r.clock.Start(ctx); err != nil {
		r.clock = nil
		return fmt.Errorf("demo: reading the chain's time: %w", err)
	}
	dep := dn.Deployment()
	r.addrs = *dep.Addresses()
	r.params = dep.Params
	r.chain = fmt.Sprintf("%d/%s", dn.ChainID(), dep.Market)
	r.treasury = dep.Params.Treasury
	if r.token, err = erc20.Open(ctx, r.eth, r.addrs.Token); err != nil {
		return err
	}
	r.report.ChainID = dn.ChainID().Uint64()
	r.report.Token, r.report.Decimals = r.token.Symbol, r.token.Decimals
	r.report.Contracts = map[string]string{"token": r.addrs.Token.Hex(), "registry": r.addrs.Registry.Hex(),
		"market": r.addrs.Market.Hex(), "rewards": r.addrs.Rewards.Hex()}
	r.story.say("devnet: embedded go-ethereum, chain %d, a block a second, RPC %s", r.report.ChainID, dn.HTTPURL())
	r.story.note("the chain's clock runs %s ahead of this machine's (deployment blocks come back to back);",
		r.clock.Lead().Round(100*time.Millisecond))
	r.story.note("the nodes and the prober keep time by the chain, which judges every deadline")
	r.story.note("contracts deployed: token %s, registry %s, market %s, rewards %s",
		short(r.addrs.Token), short(r.addrs.Registry), short(r.addrs.Market), short(r.addrs.Rewards))
	p := dep.Params.Market
	r.story.note("rules: fee %s, %d verifiers per challenge, bond %s, verifier collateral %s, min stake %s, %s uptime epochs",
		bpsText(p.FeeBps), p.Verifiers, r.amountText(p.ChallengeBond), r.amountText(p.VerifierCollateral), r.amountText(dep.Params.MinStake), epochLength)
	return nil
}

// cast opens every account: the devnet's dev accounts, each with a transaction manager.
func (r *show) cast(ctx context.Context) error {
	w, err := wallet.Open(wallet.Config{Dir: r.net.KeystoreDir()})
	if err != nil {
		return err
	}
	accts := r.net.Accounts()
	open := func(i int, name, role string) (*actor, error) {
		a := &actor{name: name, role: role, addr: accts[i].Address}
		signer, err := w.Signer(a.addr, devnet.DevPassword, r.net.ChainID())
		if err != nil {
			return nil, err
		}
		a.acct, err = onchain.OpenManaged(ctx, onchain.ManagedConfig{
			Client:        r.eth,
			ChainID:       r.net.ChainID(),
			Addresses:     r.addrs,
			Account:       onchain.AccountSigner{Address: a.addr, SignTx: signer.SignTx},
			HashSigner:    signer,
			JournalPath:   filepath.Join(r.dir, "txjournal", name+".db"),
			Confirmations: 1,
			PollInterval:  100 * time.Millisecond,
			Progress:      r.txProgress(name, a.addr),
			Logger:        r.log.With("who", name),
		})
		if err != nil {
			return nil, fmt.Errorf("demo: opening %s's account: %w", name, err)
		}
		return a, nil
	}
	if r.gov, err = open(0, "governance", "deployer; funds the uptime epoch, appoints the prober"); err != nil {
		return err
	}
	names := []string{"ada", "bob", "cy", "mallory"}
	roles := []string{"provider (honest)", "provider (honest)", "provider (honest)", "provider (lies, then never commits)"}
	for i, name := range names {
		a, err := open(1+i, name, roles[i])
		if err != nil {
			return err
		}
		p := &provider{actor: *a, dataDir: filepath.Join(r.dir, name)}
		r.providers = append(r.providers, p)
		if p.id, _, err = identity.LoadOrCreate(identity.Path(p.dataDir)); err != nil {
			return err
		}
		// A fixed address, so that mallory's restarts keep the registration metadata current.
		port, err := freePort()
		if err != nil {
			return err
		}
		p.listen = fmt.Sprintf("/ip4/127.0.0.1/tcp/%d", port)
	}
	c, err := open(5, "client", "client (posts every job; challenges)")
	if err != nil {
		return err
	}
	r.client = &customer{actor: *c}
	cdir := filepath.Join(r.dir, "client")
	cid, _, err := identity.LoadOrCreate(identity.Path(cdir))
	if err != nil {
		return err
	}
	if r.client.results, err = results.OpenStore(results.StoreConfig{Dir: results.Dir(cdir), MaxBytes: 64 << 20}); err != nil {
		return err
	}
	host, err := jobclient.NewHost(jobclient.HostConfig{Identity: cid, Blobs: r.client.results,
		Logger: r.log.With("who", "client", "component", "p2p")})
	if err != nil {
		return err
	}
	if err := host.Start(ctx); err != nil {
		return err
	}
	r.client.host = host
	// The demo posts each scene's job and narrates it step by step itself: the submission
	// ends at the post, and a spec no node took is posted anyway (a scene may show that).
	if r.client.submit, err = jobclient.NewSubmitter(jobclient.SubmitConfig{Nodes: host, Market: r.client.acct, Chain: r.eth,
		Decimals: r.token.Decimals, PostShort: true, Logger: r.log.With("who", "client")}); err != nil {
		return err
	}
	if r.prober, err = open(6, "prober", "uptime prober (reporter)"); err != nil {
		return err
	}
	r.story.say("cast (dev accounts, funded by the devnet with ETH for gas and %s each):", r.amountText(devnet.DefaultTokensPerAccount().String()))
	for _, a := range r.actors() {
		r.story.note("%-10s %s  %s", a.name, a.addr.Hex(), a.role)
	}
	r.story.note("%-10s %s  treasury (protocol fees; the devnet's faucet)", "treasury", r.treasury.Hex())
	return nil
}

// actors lists the cast in the tables' order.
func (r *show) actors() []*actor {
	var out []*actor
	if r.gov != nil {
		out = append(out, r.gov)
	}
	for _, p := range r.providers {
		out = append(out, &p.actor)
	}
	if r.client != nil {
		out = append(out, &r.client.actor)
	}
	if r.prober != nil {
		out = append(out, r.prober)
	}
	return out
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// stakeAndStart stakes the providers, appoints the prober and starts the four nodes, which
// register their peer IDs on chain.
func (r *show) stakeAndStart(ctx context.Context) error {
	r.setScene(ctx, "setup")
	stake := deploy.Token(stakeTokens)
	var wg sync.WaitGroup
	errs := make([]error, len(r.providers)+1)
	for i, p := range r.providers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := p.acct.Stake(ctx, stake); err != nil {
				errs[i] = fmt.Errorf("demo: %s stakes: %w", p.name, err)
			}
		}()
	}
	rw, err := r.rewardsFor(ctx, r.gov)
	if err != nil {
		return err
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := rw.AddReporter(ctx, r.prober.addr); err != nil {
			errs[len(errs)-1] = fmt.Errorf("demo: appointing the prober: %w", err)
		}
	}()
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	r.story.say("ada, bob, cy and mallory each stake %s; governance appoints the prober as a reporter", r.amountText(stake.String()))

	// Does this node build take replicated jobs? node.Config.Check refuses MaxReplicas > 1
	// in a build that does not.
	r.replicas = 3
	probe := r.nodeConfig(r.providers[0])
	if err := probe.Check(); err != nil {
		probe.Policy.MaxReplicas = 1
		if probe.Check() != nil {
			return err
		}
		r.replicas = 1
		r.noReplica = firstLine(err.Error())
	}
	// Job collateral is at least the market's minimum ratio (twice a replica's pay): ada takes
	// 2-token jobs with 4 of collateral, bob and cy replica shares of 3 with 6; none takes
	// mallory's 3-token jobs with 8.
	r.providers[0].policy = node.Policy{MinPayment: deploy.Token(2), MaxCollateral: deploy.Token(6), MaxReplicas: r.replicas}
	r.providers[1].policy = node.Policy{MinPayment: deploy.Token(3), MaxCollateral: deploy.Token(6), MaxReplicas: r.replicas}
	r.providers[2].policy = node.Policy{MinPayment: deploy.Token(3), MaxCollateral: deploy.Token(6), MaxReplicas: r.replicas}
	r.providers[3].policy = node.Policy{MinPayment: deploy.Token(3), MaxReplicas: 1}
	for i, p := range r.providers {
		mode := dishonest.Honest
		if i == 3 {
			mode = dishonest.WrongResult
		}
		errs[i] = nil
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = r.startNode(ctx, p, mode)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	r.story.say("four nodes started in this process (%s executor, libp2p on loopback); each registered its peer ID on chain:", r.engine)
	for _, p := range r.providers {
		r.story.note("%-8s %s  %s; %s", p.name, p.node.Host().ID(), p.listen, policyText(r, p.policy))
	}
	r.story.note("who takes which job: each node's price policy above; the client posts each scene's job at a")
	r.story.note("price only that scene's provider(s) accept. Verifier duty ignores price: any honest node may be drawn.")
	if r.replicas == 1 {
		r.story.note("(this node build takes no replicated jobs: %s)", r.noReplica)
	}
	if err := r.startProbing(ctx); err != nil {
		return fmt.Errorf("demo: starting the prober: %w", err)
	}
	r.story.say("the prober starts probing the four nodes (for scene 6)")
	return nil
}

func (r *show) rewardsFor(ctx context.Context, a *actor) (*rewards.Rewards, error) {
	return rewards.New(ctx, rewards.Config{Client: r.eth, Rewards: r.addrs.Rewards, Token: r.addrs.Token,
		FromBlock: r.addrs.Block, Account: a.addr, Sender: a.acct.Sender})
}

// nodeConfig is p's node configuration (executors left out).
func (r *show) nodeConfig(p *provider) node.Config {
	policy := p.policy
	if policy.MaxReplicas == 0 {
		policy.MaxReplicas = r.replicas
	}
	return node.Config{
		DataDir:      p.dataDir,
		Deployment:   r.chain,
		Settlement:   p.acct,
		Events:       p.acct,
		PollInterval: 200 * time.Millisecond,
		Executors:    map[jobspec.Engine]executor.Executor{r.engine: placeholder{r.engine}},
		P2P:          p2p.Config{Identity: p.id, ListenAddrs: []string{p.listen}, Logger: r.log.With("who", p.name, "component", "p2p")},
		GracePeriod:  2 * time.Second,
		Clock:        r.clock,
		Logger:       r.log.With("who", p.name),
		Policy:       policy,
	}
}

// placeholder stands in for an executor when only checking a configuration.
type placeholder struct{ e jobspec.Engine }

func (p placeholder) Name() string { return string(p.e) }
func (p placeholder) Run(context.Context, executor.Job) (executor.Result, error) {
	return executor.Result{}, errors.New("placeholder executor")
}

// startNode starts p's node with a fresh executor, lying as mode says.
func (r *show) startNode(ctx context.Context, p *provider, mode dishonest.Mode) error {
	cfg := r.nodeConfig(p)
	var ex executor.Executor
	switch r.engine {
	case jobspec.EngineDocker:
		d, err := docker.New(docker.Config{NodeID: "brine-demo-" + p.id.Peer.String(), Client: r.docker, DisablePulls: true,
			Logger: r.log.With("who", p.name, "component", "docker")})
		if err != nil {
			return err
		}
		ex = d
		p.execs = append(p.execs, d)
	default:
		w, err := wasm.New(ctx, wasm.Config{Logger: r.log.With("who", p.name, "component", "wasm")})
		if err != nil {
			return err
		}
		ex = w
		p.execs = append(p.execs, w)
	}
	cfg.Executors = map[jobspec.Engine]executor.Executor{r.engine: ex}
	cfg, err := dishonest.Apply(cfg, mode)
	if err != nil {
		return err
	}
	n, err := node.New(cfg)
	if err != nil {
		return err
	}
	if err := n.Start(ctx); err != nil {
		return fmt.Errorf("demo: starting %s's node: %w", p.name, err)
	}
	p.node = n
	return nil
}

// stopNode stops p's node.
func (r *show) stopNode(p *provider) error {
	if p.node == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err := p.node.Stop(ctx)
	p.node = nil
	for _, c := range p.execs {
		c.Close()
	}
	p.execs = nil
	return err
}

// close stops everything that was started, in reverse order.
func (r *show) close() error {
	var errs []error
	if err := r.probing.close(); err != nil {
		errs = append(errs, fmt.Errorf("demo: stopping the prober: %w", err))
	}
	for _, p := range r.providers {
		if err := r.stopNode(p); err != nil {
			errs = append(errs, fmt.Errorf("demo: stopping %s's node: %w", p.name, err))
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if r.client != nil {
		if r.client.host != nil {
			_ = r.client.host.Stop(ctx)
		}
	}
	for _, a := range r.actors() {
		if a.acct != nil {
			_ = a.acct.Close(ctx)
		}
	}
	if r.clock != nil {
		_ = r.clock.Stop(ctx)
	}
	if r.eth != nil {
		r.eth.Close()
	}
	if r.net != nil {
		if err := r.net.Stop(ctx); err != nil {
			errs = append(errs, fmt.Errorf("demo: stopping the devnet: %w", err))
		}
	}
	if r.docker != nil {
		if r.image != "" {
			if err := removeImage(r.docker, r.image); err != nil {
				errs = append(errs, fmt.Errorf("demo: removing image %s: %w", r.image, err))
			}
		}
		r.docker.Close()
	}
	return errors.Join(errs...)
}

// sceneStart is where a scene begins: its transactions are in later blocks.
type sceneStart struct {
	name string
	head uint64
}

// setScene starts a scene: transactions included after the current head belong to it.
func (r *show) setScene(ctx context.Context, s string) {
	head, err := r.eth.BlockNumber(ctx)
	if err != nil {
		head = 0 // keep the order at least: the previous scene's start
		if n := len(r.scenes); n > 0 {
			head = r.scenes[n-1].head
		}
	}
	r.txMu.Lock()
	defer r.txMu.Unlock()
	r.scenes = append(r.scenes, sceneStart{s, head})
}

// sceneOf is the scene whose transactions block b holds.
func (r *show) sceneOf(b uint64) string {
	name := ""
	for _, s := range r.scenes {
		if b > s.head || name == "" {
			name = s.name
		}
	}
	return name
}

// txProgress records every confirmed transaction of an account.
func (r *show) txProgress(name string, from common.Address) func(txmgr.Progress) {
	return func(p txmgr.Progress) {
		if p.Stage != txmgr.StageConfirmed {
			return
		}
		r.txMu.Lock()
		defer r.txMu.Unlock()
		r.txs = append(r.txs, Tx{Who: name, Step: stepName(p.ID, from), Hash: p.Tx, Block: p.Block, From: from})
	}
}

// stepName makes a transaction's idempotency ID (settlement/onchain's and rewards' formats)
// readable: "job 3 accept", "stake", "stake (approve)", "rewards-root e12".
func stepName(id string, from common.Address) string {
	approve := ""
	if i := strings.Index(id, "/approve/"); i >= 0 {
		id, approve = id[:i], " (approve)"
	}
	parts := strings.Split(id, "/")
	if len(parts) > 0 && strings.EqualFold(parts[0], from.Hex()) {
		parts = parts[1:]
	}
	var step string
	switch {
	case len(parts) >= 3 && parts[0] == "job":
		s := parts[2]
		if strings.HasPrefix(s, "draw-a") {
			s = "draw verifiers"
		}
		step = "job " + parts[1] + " " + s
	case len(parts) >= 2 && parts[0] == "rewards-root":
		step = "post root (epoch " + strings.TrimPrefix(parts[1], "e") + ")"
	case len(parts) >= 1:
		step = parts[0]
	default:
		step = id
	}
	return step + approve
}

// amountText prints base units (a decimal string) in tokens.
func (r *show) amountText(units string) string {
	v, ok := new(big.Int).SetString(units, 10)
	if !ok {
		return units
	}
	return r.token.Format(v)
}

func (r *show) fmt(v *big.Int) string {
	if v == nil {
		return "-"
	}
	return r.token.Format(v)
}

func policyText(r *show, p node.Policy) string {
	s := "takes jobs paying >= " + r.fmt(p.MinPayment)
	if p.MaxCollateral != nil {
		s += " with collateral <= " + r.fmt(p.MaxCollateral)
	}
	if p.MaxReplicas > 1 {
		s += fmt.Sprintf(", up to %d replicas", p.MaxReplicas)
	} else {
		s += ", single replica"
	}
	return s
}

func bpsText(bps uint16) string {
	return fmt.Sprintf("%d.%02d%%", bps/100, bps%100)
}

func short(a common.Address) string {
	h := a.Hex()
	return h[:6] + "…" + h[len(h)-4:]
}

// providerBy returns the provider with account a.
func (r *show) providerBy(a common.Address) *provider {
	for _, p := range r.providers {
		if p.addr == a {
			return p
		}
	}
	return nil
}

// nameOf names an account of the cast.
func (r *show) nameOf(a common.Address) string {
	for _, x := range r.actors() {
		if x.addr == a {
			return x.name
		}
	}
	if a == r.treasury {
		return "treasury"
	}
	return short(a)
}

// stakeOf is a provider's stake now.
func (r *show) stakeOf(ctx context.Context, a common.Address) (*big.Int, error) {
	info, err := r.client.acct.Provider(ctx, a)
	if err != nil {
		return nil, err
	}
	return info.Staked, nil
}
