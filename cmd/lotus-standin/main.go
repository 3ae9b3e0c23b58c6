// Command lotus-standin serves the Lotus stand-in (internal/lotusstandin) as a process, for
// the examples and for trying Brine's Filecoin paths by hand. It is NOT Lotus: a real Lotus
// cannot run here (its FVM needs filecoin-ffi). It answers the Filecoin methods Brine calls
// with Lotus's own types over Lotus's RPC plumbing, forwards the Eth JSON-RPC to an EVM node
// (a `brine devnet`) with Lotus's behaviour applied (eth_getLogs limits, "latest" a tipset
// behind, finality tags at a depth, optional null rounds), and knows one storage provider's
// miner, t01000, whose worker key it holds. Its two helper commands stand in for what an SP
// runs on Filecoin: `actor set-peer-id` for `lotus-miner actor set-peer-id`, and `wallet sign`
// for `lotus wallet sign` with the worker's key.
package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/filecoin-project/go-address"
	"github.com/filecoin-project/go-state-types/crypto"
	"github.com/filecoin-project/lotus/api"
	"github.com/filecoin-project/lotus/lib/sigs"
	_ "github.com/filecoin-project/lotus/lib/sigs/secp" // secp256k1, pure Go
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/urfave/cli/v2"

	"github.com/brine-compute/brine/internal/atomicfile"
	"github.com/brine-compute/brine/internal/lotusstandin"
)

// The one miner the stand-in knows: t01000, whose owner and worker are t01002 (a secp256k1
// key in the data directory).
const (
	minerID  = 1000
	workerID = 1002
)

// Files in the data directory.
const (
	workerKeyFile = "worker.key"   // the worker's secp256k1 private key, hex
	peersFile     = "peers.json"   // miner ID number → the PeerId set by actor set-peer-id
	endpointFile  = "standin.json" // what run serves, for scripts
)

const notLotus = "a test stand-in for a Lotus node, NOT Lotus"

func main() {
	address.CurrentNetwork = address.Testnet // a localnet: t0…, t1…
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	dirFlag := &cli.StringFlag{Name: "datadir", Value: "lotus-standin", Usage: "`DIR` of the stand-in's state: the worker key, the miner's peer ID, the endpoint file"}
	app := &cli.App{
		Name:      "lotus-standin",
		Usage:     notLotus + ": the Filecoin methods Brine calls, in front of an EVM devnet",
		Writer:    stdout,
		ErrWriter: stderr,
		Description: `For tests and examples only. A real Lotus cannot run here (its FVM needs filecoin-ffi);
this serves what Brine asks of one, built from Lotus's own parts (docs/filecoin.md, "The Lotus
stand-in"). It knows one storage provider's miner, t01000, whose owner and worker are t01002,
a secp256k1 key kept in --datadir. Its tipsets are the devnet's blocks, not Filecoin consensus.

Example:
   brine devnet --datadir chain                          # the EVM chain behind it
   lotus-standin run --upstream http://127.0.0.1:8545 --finalized-depth 3
   lotus-standin actor set-peer-id 12D3KooW…             # as lotus-miner actor set-peer-id
   lotus-standin wallet sign t1… <digest hex>            # as lotus wallet sign`,
		Flags:          []cli.Flag{dirFlag},
		ExitErrHandler: func(*cli.Context, error) {},
		Commands: []*cli.Command{
			{
				Name:  "run",
				Usage: "serve the stand-in's /rpc/v1 in front of an EVM node until interrupted",
				Description: `Serves Lotus's /rpc/v1 (` + notLotus + `) at --listen, forwarding Eth
methods to --upstream with Lotus's behaviour. Prints the URL when it serves, and writes it to
<datadir>/standin.json with the miner and the worker's address.

Example:
   lotus-standin run --upstream http://127.0.0.1:8545 --listen 127.0.0.1:1234 --finalized-depth 3`,
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "upstream", Required: true, Usage: "the EVM node's JSON-RPC `URL` (a brine devnet's HTTP endpoint)"},
					&cli.StringFlag{Name: "listen", Value: "127.0.0.1:0", Usage: "`ADDR` to serve on (port 0: the OS chooses)"},
					&cli.Uint64Flag{Name: "finalized-depth", Value: lotusstandin.DefaultFinalizedDepth, Usage: "the \"finalized\" tag's depth below the head (Lotus without F3: 900)"},
					&cli.Uint64Flag{Name: "safe-depth", Value: lotusstandin.DefaultSafeDepth, Usage: "the \"safe\" tag's depth below the head (Lotus: 200)"},
					&cli.Int64Flag{Name: "max-log-range", Value: lotusstandin.DefaultMaxLogRange, Usage: "eth_getLogs's longest range in epochs (Lotus: 2880)"},
					&cli.IntFlag{Name: "max-log-results", Value: lotusstandin.DefaultMaxLogResults, Usage: "eth_getLogs's most results over more than one tipset (Lotus: 10000)"},
					&cli.BoolFlag{Name: "null-rounds", Usage: "make every third empty height a null round"},
				},
				Action: func(c *cli.Context) error { return serve(c, stderr) },
			},
			{
				Name:  "actor",
				Usage: "change the miner, as lotus-miner actor would",
				Subcommands: []*cli.Command{{
					Name:      "set-peer-id",
					Usage:     "set miner t01000's PeerId (what StateMinerInfo answers), as lotus-miner actor set-peer-id",
					ArgsUsage: "<peer ID>",
					Description: `Takes effect at once in a running stand-in. On Filecoin this is a message from the worker.

Example:
   lotus-standin actor set-peer-id 12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp`,
					Action: setPeerID,
				}},
			},
			{
				Name:  "wallet",
				Usage: "sign with the worker's key, as lotus wallet would",
				Subcommands: []*cli.Command{{
					Name:      "sign",
					Usage:     "sign hex bytes with the worker's key and print the signature as lotus wallet sign does (type byte, then the signature, hex)",
					ArgsUsage: "<worker address> <hex>",
					Description: `Example:
   lotus-standin wallet sign t1… 3f2a…`,
					Action: func(c *cli.Context) error { return sign(c, stdout) },
				}},
			},
		},
	}
	if err := app.Run(args); err != nil {
		fmt.Fprintf(stderr, "lotus-standin: %v\n", err)
		return 1
	}
	return 0
}

// workerKey loads the worker's key from dir, creating it (and dir) when missing.
func workerKey(dir string) ([]byte, address.Address, error) {
	path := filepath.Join(dir, workerKeyFile)
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		priv, a, err := lotusstandin.NewSecpKey()
		if err != nil {
			return nil, address.Undef, err
		}
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, address.Undef, err
		}
		if err := atomicfile.Write(path, []byte(hex.EncodeToString(priv)+"\n"), 0o600); err != nil {
			return nil, address.Undef, err
		}
		return priv, a, nil
	case err != nil:
		return nil, address.Undef, err
	}
	priv, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil {
		return nil, address.Undef, fmt.Errorf("%s: %w", path, err)
	}
	a, err := lotusstandin.SecpAddress(priv)
	return priv, a, err
}

func id(n uint64) address.Address { a, _ := address.NewIDAddress(n); return a }

// peers reads the PeerIds set so far (miner ID number → peer ID).
func peers(dir string) (map[string]string, error) {
	m := map[string]string{}
	b, err := os.ReadFile(filepath.Join(dir, peersFile))
	if errors.Is(err, os.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	return m, json.Unmarshal(b, &m)
}

func serve(c *cli.Context, stderr io.Writer) error {
	dir := c.String("datadir")
	_, worker, err := workerKey(dir)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	cfg := lotusstandin.Config{
		Upstream:       c.String("upstream"),
		Addr:           c.String("listen"),
		FinalizedDepth: c.Uint64("finalized-depth"),
		SafeDepth:      c.Uint64("safe-depth"),
		MaxLogRange:    c.Int64("max-log-range"),
		MaxLogResults:  c.Int("max-log-results"),
		AccountKeys:    map[address.Address]address.Address{id(workerID): worker},
		Logger:         log,
		MinerInfo: func(m address.Address) (api.MinerInfo, bool) {
			if m != id(minerID) {
				return api.MinerInfo{}, false
			}
			info := api.MinerInfo{Owner: id(workerID), Worker: id(workerID)}
			if ps, err := peers(dir); err == nil {
				if p, err := peer.Decode(ps[fmt.Sprint(minerID)]); err == nil {
					info.PeerId = &p
				}
			}
			return info, true
		},
	}
	if c.Bool("null-rounds") {
		cfg.NullRound = func(h uint64) bool { return h%3 == 0 }
	}
	s, err := lotusstandin.New(cfg)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := s.Start(ctx); err != nil {
		return err
	}
	ep := map[string]string{"url": s.URL(), "miner": id(minerID).String(), "worker": worker.String(), "workerID": id(workerID).String()}
	b, _ := json.MarshalIndent(ep, "", "  ")
	if err := atomicfile.Write(filepath.Join(dir, endpointFile), append(b, '\n'), 0o644); err != nil {
		_ = s.Stop(context.Background())
		return err
	}
	fmt.Fprintf(stderr, "lotus-standin (%s) serving %s in front of %s; miner %s, owner and worker %s (%s)\n",
		notLotus, s.URL(), cfg.Upstream, id(minerID), id(workerID), worker)
	<-ctx.Done()
	return s.Stop(context.Background())
}

func setPeerID(c *cli.Context) error {
	if c.NArg() != 1 {
		return errors.New("usage: lotus-standin actor set-peer-id <peer ID>")
	}
	p, err := peer.Decode(c.Args().First())
	if err != nil {
		return fmt.Errorf("%q is not a libp2p peer ID: %w", c.Args().First(), err)
	}
	dir := c.String("datadir")
	ps, err := peers(dir)
	if err != nil {
		return err
	}
	ps[fmt.Sprint(minerID)] = p.String()
	b, _ := json.MarshalIndent(ps, "", "  ")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, peersFile), append(b, '\n'), 0o644)
}

func sign(c *cli.Context, stdout io.Writer) error {
	if c.NArg() != 2 {
		return errors.New("usage: lotus-standin wallet sign <worker address> <hex>")
	}
	priv, worker, err := workerKey(c.String("datadir"))
	if err != nil {
		return err
	}
	a, err := address.NewFromString(c.Args().Get(0))
	if err != nil {
		return fmt.Errorf("%q: %w", c.Args().Get(0), err)
	}
	if a != worker && a != id(workerID) {
		return fmt.Errorf("the stand-in holds only the worker's key (%s, %s), not %s's", worker, id(workerID), a)
	}
	msg, err := hex.DecodeString(strings.TrimPrefix(c.Args().Get(1), "0x"))
	if err != nil {
		return fmt.Errorf("the message is not hex: %w", err)
	}
	sig, err := sigs.Sign(crypto.SigTypeSecp256k1, priv, msg)
	if err != nil {
		return err
	}
	b, err := sig.MarshalBinary()
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, hex.EncodeToString(b))
	return nil
}
