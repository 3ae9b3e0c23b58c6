package trees

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/brine-compute/brine/incentives/merkle"
	"github.com/brine-compute/brine/incentives/rewards"
	"github.com/brine-compute/brine/p2p"
)

// Errors callers can test with errors.Is.
var (
	// ErrNotPublished: the prober has no tree for the epoch (not closed yet, or nobody earned).
	ErrNotPublished = errors.New("trees: the prober has no tree for this epoch")
	// ErrNotOnChain: the tree's root is not the root posted on chain for the epoch (a forged or
	// altered tree, or a root not posted yet).
	ErrNotOnChain = errors.New("trees: the tree's root was not posted on chain")
	// ErrNoHost: a libp2p source needs a host to fetch from.
	ErrNoHost = errors.New("trees: no libp2p host to fetch with")
	// ErrTreeMismatch: a source served a tree for another epoch than the one asked for.
	ErrTreeMismatch = errors.New("trees: tree is not for the epoch asked")
)

// Source is where one prober publishes its trees: a libp2p peer or an HTTP base URL.
type Source struct {
	// URL is the base of the prober's HTTP server: trees are at <URL>/trees/<epoch>.json.
	URL string
	// Peer is the prober's libp2p peer, serving /brine/rewards-tree/1.0.0.
	Peer *peer.AddrInfo
	// Reporter, when set, is the prober's account: a tree from this source must have the root
	// this reporter posted. Zero: any reporter's posted root will do.
	Reporter common.Address
}

// String is the source as ParseSource reads it.
func (s Source) String() string {
	if s.Peer != nil {
		addrs, err := peer.AddrInfoToP2pAddrs(s.Peer)
		if err == nil && len(addrs) > 0 {
			return addrs[0].String()
		}
		return "/p2p/" + s.Peer.ID.String()
	}
	return s.URL
}

// ParseSource reads a source: an http:// or https:// URL (the base of the prober's tree
// server; a path ending in /trees/ is taken off), or a multiaddr ending in /p2p/<peer ID>.
func ParseSource(text string) (Source, error) {
	text = strings.TrimSpace(text)
	switch {
	case strings.HasPrefix(text, "http://") || strings.HasPrefix(text, "https://"):
		u, err := url.Parse(text)
		if err != nil || u.Host == "" {
			return Source{}, fmt.Errorf("trees: %q is not a URL", text)
		}
		u.Path = strings.TrimSuffix(strings.TrimSuffix(u.Path, "/"), "/trees")
		u.RawQuery, u.Fragment = "", ""
		return Source{URL: strings.TrimSuffix(u.String(), "/")}, nil
	case strings.HasPrefix(text, "/"):
		a, err := ma.NewMultiaddr(text)
		if err != nil {
			return Source{}, fmt.Errorf("trees: %q is not a multiaddr: %v", text, err)
		}
		info, err := peer.AddrInfoFromP2pAddr(a)
		if err != nil {
			return Source{}, fmt.Errorf("trees: %q does not end in /p2p/<peer ID>: %v", text, err)
		}
		return Source{Peer: info}, nil
	}
	return Source{}, fmt.Errorf("trees: %q is neither an http(s) URL nor a multiaddr ending in /p2p/<peer ID>", text)
}

// Chain is what Fetch reads from the rewards contract (incentives/rewards.Rewards has it).
type Chain interface {
	// RootOf is the root reporter posted for epoch (zero if none).
	RootOf(ctx context.Context, epoch uint64, reporter common.Address) (common.Hash, *big.Int, error)
	// Reporter is the reporter that posted root for epoch (rewards.ErrNoRoot if none did).
	Reporter(ctx context.Context, epoch uint64, root common.Hash) (common.Address, error)
}

// Published is a tree that passed Fetch's checks.
type Published struct {
	Tree     *merkle.Tree
	Doc      []byte         // the document as served
	Reporter common.Address // a reporter that posted its root (the source's, when it names one)
	Source   Source
}

// Fetcher fetches trees and checks them against the chain.
type Fetcher struct {
	// Host fetches from libp2p sources (nil: they fail with ErrNoHost).
	Host *p2p.Host
	// HTTP fetches from URL sources (nil: a client with a 30 s timeout).
	HTTP *http.Client
	// Chain is the rewards contract the roots are checked against. Required.
	Chain Chain
	// MaxSize bounds a document (0: p2p.MaxTreeSize).
	MaxSize int64
}

// Fetch gets the tree src published for epoch and returns it once it rebuilds from its values
// and its root is the one posted on chain (see the package doc). An error wraps
// ErrNotPublished, ErrNotOnChain, a merkle parse error or the transport's error.
func (f *Fetcher) Fetch(ctx context.Context, src Source, epoch uint64) (*Published, error) {
	if f.Chain == nil {
		return nil, errors.New("trees: Fetcher.Chain is required")
	}
	var (
		tree *merkle.Tree
		doc  []byte
		err  error
	)
	switch {
	case src.Peer != nil:
		if f.Host == nil {
			return nil, fmt.Errorf("%s: %w", src, ErrNoHost)
		}
		doc, err = f.Host.FetchTree(ctx, *src.Peer, epoch, f.maxSize())
		if errors.Is(err, p2p.ErrNotFound) {
			err = fmt.Errorf("%w (%v)", ErrNotPublished, err)
		}
		if err == nil {
			tree, err = parse(doc, epoch)
		}
	case src.URL != "":
		tree, doc, err = f.fetchHTTP(ctx, src.URL, epoch)
	default:
		return nil, errors.New("trees: empty source")
	}
	if err != nil {
		return nil, fmt.Errorf("epoch %d from %s: %w", epoch, src, err)
	}
	reporter, err := f.verify(ctx, src, tree)
	if err != nil {
		return nil, fmt.Errorf("epoch %d from %s: %w", epoch, src, err)
	}
	return &Published{Tree: tree, Doc: doc, Reporter: reporter, Source: src}, nil
}

// verify checks the tree's root against the chain and returns whose root it is.
func (f *Fetcher) verify(ctx context.Context, src Source, tree *merkle.Tree) (common.Address, error) {
	epoch, root := tree.Epoch(), tree.Root()
	if src.Reporter != (common.Address{}) {
		posted, _, err := f.Chain.RootOf(ctx, epoch, src.Reporter)
		switch {
		case err != nil:
			return common.Address{}, err
		case posted == (common.Hash{}):
			return common.Address{}, fmt.Errorf("%w: reporter %s posted no root for epoch %d yet", ErrNotOnChain, src.Reporter, epoch)
		case posted != root:
			return common.Address{}, fmt.Errorf("%w: root %s, reporter %s posted %s", ErrNotOnChain, root, src.Reporter, posted)
		}
		return src.Reporter, nil
	}
	reporter, err := f.Chain.Reporter(ctx, epoch, root)
	if errors.Is(err, rewards.ErrNoRoot) {
		return common.Address{}, fmt.Errorf("%w: no reporter posted root %s for epoch %d", ErrNotOnChain, root, epoch)
	}
	return reporter, err
}

func (f *Fetcher) maxSize() int64 {
	if f.MaxSize <= 0 || f.MaxSize > p2p.MaxTreeSize {
		return p2p.MaxTreeSize
	}
	return f.MaxSize
}

func (f *Fetcher) fetchHTTP(ctx context.Context, base string, epoch uint64) (*merkle.Tree, []byte, error) {
	client := f.HTTP
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/trees/"+strconv.FormatUint(epoch, 10)+".json", nil)
	if err != nil {
		return nil, nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return nil, nil, fmt.Errorf("%w (HTTP 404)", ErrNotPublished)
	case resp.StatusCode != http.StatusOK:
		return nil, nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	max := f.maxSize()
	doc, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, nil, err
	}
	if int64(len(doc)) > max {
		return nil, nil, fmt.Errorf("%w: tree over %d bytes", p2p.ErrTooLarge, max)
	}
	tree, err := parse(doc, epoch)
	if err != nil {
		return nil, nil, err
	}
	return tree, doc, nil
}

// parse reads a served document as a tree once merkle.ParseTree accepts it (the values
// rebuild the tree and its root) and it is for epoch (else ErrTreeMismatch).
func parse(doc []byte, epoch uint64) (*merkle.Tree, error) {
	tree, err := merkle.ParseTree(doc)
	if err != nil {
		return nil, err
	}
	if tree.Epoch() != epoch {
		return nil, fmt.Errorf("%w: asked %d, got %d", ErrTreeMismatch, epoch, tree.Epoch())
	}
	return tree, nil
}
