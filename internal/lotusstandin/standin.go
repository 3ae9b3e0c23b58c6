package lotusstandin

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/rpc"
	"github.com/filecoin-project/go-address"
	"github.com/filecoin-project/go-jsonrpc"
	"github.com/filecoin-project/lotus/api"
)

// Lotus's defaults, which the stand-in reproduces unless told otherwise.
const (
	// DefaultMaxLogRange is Lotus's Events.MaxFilterHeightRange: to − from of one eth_getLogs.
	DefaultMaxLogRange = 2880
	// DefaultMaxLogResults is Lotus's Events.MaxFilterResults.
	DefaultMaxLogResults = 10000
	// DefaultFinalizedDepth is expected-consensus finality, Lotus's fallback without F3.
	DefaultFinalizedDepth = 900
	// DefaultSafeDepth is Lotus's SafeHeightDistance.
	DefaultSafeDepth = 200
	// FilecoinGasScale is about how many Filecoin gas units FEVM charges for what costs one
	// EVM gas unit (Filecoin gas also meters the FVM's own work, and is repriced at upgrades).
	FilecoinGasScale = 200
	// DefaultNetworkName names a devnet as Lotus's local devnets do.
	DefaultNetworkName = "localnet"
)

// Config says what the stand-in forwards to and how it behaves.
type Config struct {
	// Upstream is the EVM node's JSON-RPC over HTTP URL (the devnet's HTTPURL).
	Upstream string
	// Addr is where to listen (default 127.0.0.1:0, the port chosen by the OS).
	Addr string
	// NetworkName is what StateNetworkName answers (default DefaultNetworkName).
	NetworkName string
	// MaxLogRange and MaxLogResults are eth_getLogs's limits (default Lotus's); negative
	// disables one.
	MaxLogRange   int64
	MaxLogResults int
	// FinalizedDepth and SafeDepth place the "finalized" and "safe" tags below the head
	// (default Lotus's fallbacks, 900 and 200).
	FinalizedDepth, SafeDepth uint64
	// GasScale multiplies eth_estimateGas's answers (0 or 1: as the upstream says), to mimic
	// FEVM, whose gas units are about FilecoinGasScale times the EVM's. The upstream still
	// enforces its own limits on the scaled gas limit (a devnet on Osaka rules refuses a
	// transaction over 2^24 gas), so only small calls fit under a large scale.
	GasScale uint64
	// NullRound picks the heights that have no tipset. Only heights whose upstream block
	// carries no transaction can be null (their logs would vanish otherwise); height 0 never is.
	NullRound func(height uint64) bool
	// Miners are the miner actors StateMinerInfo knows.
	Miners map[address.Address]api.MinerInfo
	// MinerInfo, when set, answers StateMinerInfo instead of Miners, at each call: for a
	// stand-in whose miners change while it runs (cmd/lotus-standin's set-peer-id).
	MinerInfo func(address.Address) (api.MinerInfo, bool)
	// IDs map account addresses to the ID addresses StateLookupID answers.
	IDs map[address.Address]address.Address
	// AccountKeys map ID addresses to the key addresses (f1…, f3…) StateAccountKey answers.
	AccountKeys map[address.Address]address.Address
	// Logger gets a line per refused request (default: discarded).
	Logger *slog.Logger
}

// Check names a bad field and its fix.
func (c Config) Check() error {
	if c.Upstream == "" {
		return errors.New("lotusstandin: Upstream is empty: give the EVM node's JSON-RPC URL (the devnet's HTTPURL)")
	}
	return nil
}

func (c Config) withDefaults() Config {
	if c.Addr == "" {
		c.Addr = "127.0.0.1:0"
	}
	if c.NetworkName == "" {
		c.NetworkName = DefaultNetworkName
	}
	if c.MaxLogRange == 0 {
		c.MaxLogRange = DefaultMaxLogRange
	}
	if c.MaxLogResults == 0 {
		c.MaxLogResults = DefaultMaxLogResults
	}
	if c.FinalizedDepth == 0 {
		c.FinalizedDepth = DefaultFinalizedDepth
	}
	if c.SafeDepth == 0 {
		c.SafeDepth = DefaultSafeDepth
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// StandIn is the running stand-in.
type StandIn struct {
	cfg Config

	mu       sync.Mutex
	up       *rpc.Client
	server   *http.Server
	listener net.Listener
	served   chan struct{}
	chain    *chainView
}

// New checks cfg; Start begins serving.
func New(cfg Config) (*StandIn, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
	}
	return &StandIn{cfg: cfg.withDefaults()}, nil
}

// Start dials the upstream and listens.
func (s *StandIn) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.server != nil {
		return errors.New("lotusstandin: already started")
	}
	up, err := rpc.DialContext(ctx, s.cfg.Upstream)
	if err != nil {
		return fmt.Errorf("lotusstandin: dial upstream %s: %w", s.cfg.Upstream, err)
	}
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", s.cfg.Addr)
	if err != nil {
		up.Close()
		return fmt.Errorf("lotusstandin: listen on %s: %w", s.cfg.Addr, err)
	}
	s.chain = &chainView{cfg: s.cfg, up: up, null: make(map[uint64]bool)}
	rpcServer := jsonrpc.NewServer(jsonrpc.WithServerErrors(api.RPCErrors))
	rpcServer.Register("Filecoin", &filecoinAPI{chain: s.chain, cfg: s.cfg})
	for alias, method := range ethAliases {
		rpcServer.AliasMethod(alias, "Filecoin."+method)
	}
	mux := http.NewServeMux()
	mux.Handle("/rpc/v1", &router{lotus: rpcServer, upstream: s.cfg.Upstream, chain: s.chain, gasScale: s.cfg.GasScale, log: s.cfg.Logger})
	s.up, s.listener = up, ln
	s.server = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	s.served = make(chan struct{})
	go func() {
		defer close(s.served)
		if err := s.server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.cfg.Logger.Warn("lotusstandin: serve", "err", err)
		}
	}()
	return nil
}

// Stop closes the listener and the upstream connection.
func (s *StandIn) Stop(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.server == nil {
		return nil
	}
	err := s.server.Shutdown(ctx)
	<-s.served
	s.up.Close()
	s.server = nil
	return err
}

// URL is the Lotus JSON-RPC v1 endpoint, as a Lotus node serves it (http://host:port/rpc/v1).
func (s *StandIn) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.listener == nil {
		return ""
	}
	return "http://" + s.listener.Addr().String() + "/rpc/v1"
}
