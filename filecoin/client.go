package filecoin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/filecoin-project/go-address"
	"github.com/filecoin-project/lotus/api"
	"github.com/filecoin-project/lotus/api/client"
	"github.com/filecoin-project/lotus/chain/types"
	"github.com/libp2p/go-libp2p/core/peer"
)

// ErrNoF3 means the node runs no F3 fast finality (disabled or not yet bootstrapped): its
// finalized tipset is then expected-consensus finality, a fixed depth below the head.
var ErrNoF3 = errors.New("filecoin: F3 fast finality is not running on this node")

// ErrNoMiner means the address names no miner actor at the head.
var ErrNoMiner = errors.New("filecoin: no such miner actor")

// Config says which Lotus to talk to.
type Config struct {
	// URL is the Lotus full node's JSON-RPC v1 endpoint, e.g. http://127.0.0.1:1234/rpc/v1
	// (ws:// and wss:// work too).
	URL string
	// Token is the API token (JWT) sent as "Authorization: Bearer"; empty for public read-only
	// endpoints.
	Token string
	// Timeout bounds each call; zero means 30 seconds.
	Timeout time.Duration
}

// Check names a bad field and its fix.
func (c Config) Check() error {
	if c.URL == "" {
		return errors.New("filecoin: URL is empty: give the Lotus JSON-RPC endpoint, e.g. http://127.0.0.1:1234/rpc/v1")
	}
	u, err := url.Parse(c.URL)
	if err != nil {
		return fmt.Errorf("filecoin: URL %q: %w", c.URL, err)
	}
	switch u.Scheme {
	case "http", "https", "ws", "wss":
	default:
		return fmt.Errorf("filecoin: URL %q: scheme must be http, https, ws or wss", c.URL)
	}
	if c.Timeout < 0 {
		return fmt.Errorf("filecoin: Timeout %s is negative", c.Timeout)
	}
	return nil
}

// Tipset is what Brine needs of a tipset: its height (epoch), its key and its time.
type Tipset struct {
	Height int64
	Key    string // the tipset key as Lotus prints it: {cid,cid,...}
	Time   time.Time
}

// MinerInfo is a miner actor's identity: who controls it and which libp2p peer speaks for it.
type MinerInfo struct {
	Miner   address.Address
	Owner   address.Address
	Worker  address.Address
	Control []address.Address
	// PeerID is the miner's on-chain libp2p peer ID; empty when the miner has set none.
	PeerID peer.ID
}

// Controls reports whether a is the miner's owner, worker or one of its control addresses.
// Lotus reports them as ID addresses (f0…), so a must be resolved to its ID address first.
func (m MinerInfo) Controls(a address.Address) bool {
	if a == m.Owner || a == m.Worker {
		return true
	}
	for _, c := range m.Control {
		if a == c {
			return true
		}
	}
	return false
}

// Certificate is the latest F3 finality certificate, as far as Brine reads it.
type Certificate struct {
	Instance uint64 // the GPBFT instance that finalized it
	Height   int64  // the epoch of the last tipset it finalizes
}

// Client is a Lotus full node reached through Lotus's own API client.
type Client struct {
	cfg    Config
	node   api.FullNode
	closer func()
}

// Dial connects to the Lotus of cfg. Close releases it.
func Dial(ctx context.Context, cfg Config) (*Client, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 30 * time.Second
	}
	header := http.Header{}
	if cfg.Token != "" {
		header.Set("Authorization", "Bearer "+cfg.Token)
	}
	node, closer, err := client.NewFullNodeRPCV1(ctx, cfg.URL, header)
	if err != nil {
		return nil, fmt.Errorf("filecoin: dial %s: %w", cfg.URL, err)
	}
	return &Client{cfg: cfg, node: node, closer: closer}, nil
}

// Close ends the connection.
func (c *Client) Close() {
	if c.closer != nil {
		c.closer()
	}
}

func (c *Client) call(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, c.cfg.Timeout)
}

// Head returns the heaviest tipset the node knows.
func (c *Client) Head(ctx context.Context) (Tipset, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	ts, err := c.node.ChainHead(ctx)
	if err != nil {
		return Tipset{}, fmt.Errorf("filecoin: chain head: %w", err)
	}
	return toTipset(ts), nil
}

// Finalized returns the latest finalized tipset: the end of the last F3 round when F3 runs,
// else the head less expected-consensus finality (900 epochs), as Lotus decides.
func (c *Client) Finalized(ctx context.Context) (Tipset, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	ts, err := c.node.ChainGetFinalizedTipSet(ctx)
	if err != nil {
		return Tipset{}, fmt.Errorf("filecoin: finalized tipset: %w", err)
	}
	return toTipset(ts), nil
}

// LatestCertificate returns the latest F3 finality certificate; ErrNoF3 when F3 does not run.
func (c *Client) LatestCertificate(ctx context.Context) (Certificate, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	cert, err := c.node.F3GetLatestCertificate(ctx)
	if errors.Is(err, api.ErrF3Disabled) || errors.Is(err, api.ErrF3NotReady) || (err == nil && cert == nil) {
		return Certificate{}, ErrNoF3
	}
	if err != nil {
		return Certificate{}, fmt.Errorf("filecoin: latest F3 certificate: %w", err)
	}
	out := Certificate{Instance: cert.GPBFTInstance}
	if head := cert.ECChain.Head(); head != nil {
		out.Height = head.Epoch
	}
	return out, nil
}

// NetworkName returns the name of the network the node follows: "mainnet", "calibrationnet",
// or a devnet's own name.
func (c *Client) NetworkName(ctx context.Context) (string, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	name, err := c.node.StateNetworkName(ctx)
	if err != nil {
		return "", fmt.Errorf("filecoin: network name: %w", err)
	}
	return string(name), nil
}

// ChainID returns the EVM chain ID (EIP-155) of the network: 314 on mainnet, 314159 on
// calibration.
func (c *Client) ChainID(ctx context.Context) (uint64, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	id, err := c.node.EthChainId(ctx)
	if err != nil {
		return 0, fmt.Errorf("filecoin: chain ID: %w", err)
	}
	return uint64(id), nil
}

// MinerInfo returns the identity of the miner actor at the head.
func (c *Client) MinerInfo(ctx context.Context, miner address.Address) (MinerInfo, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	info, err := c.node.StateMinerInfo(ctx, miner, types.EmptyTSK)
	if notFound := (*api.ErrActorNotFound)(nil); errors.As(err, &notFound) {
		return MinerInfo{}, fmt.Errorf("%w: %s", ErrNoMiner, miner)
	}
	if err != nil {
		return MinerInfo{}, fmt.Errorf("filecoin: miner info of %s: %w", miner, err)
	}
	out := MinerInfo{Miner: miner, Owner: info.Owner, Worker: info.Worker, Control: info.ControlAddresses}
	if info.PeerId != nil {
		out.PeerID = *info.PeerId
	}
	return out, nil
}

// LookupID resolves an account or actor address (f1/f3/f4…) to its ID address (f0…), the form
// MinerInfo reports its owner, worker and control addresses in.
func (c *Client) LookupID(ctx context.Context, a address.Address) (address.Address, error) {
	ctx, cancel := c.call(ctx)
	defer cancel()
	id, err := c.node.StateLookupID(ctx, a, types.EmptyTSK)
	if err != nil {
		return address.Undef, fmt.Errorf("filecoin: ID address of %s: %w", a, err)
	}
	return id, nil
}

func toTipset(ts *types.TipSet) Tipset {
	if ts == nil {
		return Tipset{}
	}
	return Tipset{Height: int64(ts.Height()), Key: ts.Key().String(), Time: time.Unix(int64(ts.MinTimestamp()), 0).UTC()}
}
