package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/brine-compute/brine/jobspec"
	"github.com/brine-compute/brine/node"
	"github.com/brine-compute/brine/node/p2p"
	"github.com/brine-compute/brine/node/results"
	"github.com/brine-compute/brine/settlement"
	"github.com/brine-compute/brine/settlement/onchain"
)

// clientNet is a client command's libp2p host: it serves the client's specs and the blobs
// (wasm modules) its jobs need, and fetches results from providers' nodes. Its key and blob
// store are <datadir>/client/identity.key and <datadir>/client/blobs, apart from a node's in
// the same directory; a client command that runs while another holds those gets its own for
// the run (claimClientHome says why).
type clientNet struct {
	home    *clientHome
	host    *p2p.Host
	blobs   *results.Store
	mu      sync.Mutex
	specMap map[common.Hash][]byte
}

func (c *clientNet) Spec(h common.Hash) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.specMap[h]
	return b, ok
}

// openClientNet starts the session's client host.
func (s *session) openClientNet(listen []string) (*clientNet, error) {
	home, err := claimClientHome(filepath.Join(s.cfg.DataDir, "client"))
	if err != nil {
		return nil, err
	}
	cn := &clientNet{home: home, specMap: map[common.Hash][]byte{}}
	if err := cn.start(s, listen); err != nil {
		if rerr := home.release(); rerr != nil {
			s.log.Warn("releasing the client's data directory", "err", rerr)
		}
		return nil, err
	}
	return cn, nil
}

func (c *clientNet) start(s *session, listen []string) error {
	var err error
	c.blobs, err = results.OpenStore(results.StoreConfig{Dir: c.home.blobsDir, MaxBytes: results.DefaultStoreBytes})
	if err != nil {
		return err
	}
	c.host, err = p2p.New(p2p.Config{Identity: c.home.id, ListenAddrs: listen, Specs: c, Results: c.blobs, DisableProbe: true,
		Logger: s.log.With("component", "p2p")})
	if err != nil {
		return err
	}
	if err := c.host.Start(s.ctx); err != nil {
		return fmt.Errorf("starting the client's libp2p host: %w", err)
	}
	return nil
}

func (c *clientNet) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = c.host.Stop(ctx)
	_ = c.home.release()
}

// serveModule checks that the --module file (path, read as module) is the spec's module and
// serves it.
func (c *clientNet) serveModule(spec *jobspec.Spec, path string, module []byte) error {
	if spec.Engine != jobspec.EngineWasm {
		return badInput("--module: the spec's engine is %s, not wasm", spec.Engine)
	}
	if got := results.CIDOf(module); got.String() != spec.Module {
		return badInput("--module %s has CID %s, but the spec names module %s: name that CID in the spec, or leave its module empty for --module to fill", path, got, spec.Module)
	}
	_, err := c.blobs.Put(module)
	return err
}

// push offers the spec to the active providers' nodes.
func (s *session) pushSpec(cn *clientNet, st *onchain.Settlement, hash common.Hash, canon []byte) {
	cn.mu.Lock()
	cn.specMap[hash] = canon
	cn.mu.Unlock()
	nodes, err := node.ProviderNodes(s.ctx, st)
	if err != nil {
		fmt.Fprintf(s.info, "warning: listing the providers' nodes: %v\n", err)
		return
	}
	took, err := node.PushSpec(s.ctx, cn.host, nodes, hash, canon)
	fmt.Fprintf(s.info, "Spec sent to %d of %d provider node(s)\n", len(took), len(nodes))
	if err != nil {
		s.log.Info("spec push refused or failed", "err", err)
	}
}

// follow reports the job's progress until it settles (or, with untilAccepted, until a
// provider accepted it: the client's host must serve the spec and module until then).
func (s *session) follow(st settlement.Reader, id settlement.JobID, untilAccepted bool, onCommitted func(settlement.Job) error) (settlement.Job, error) {
	var last settlement.Status
	windowNoted := false
	for {
		job, err := st.Job(s.ctx, id)
		if err != nil {
			return job, err
		}
		if job.Status != last {
			last = job.Status
			switch job.Status {
			case settlement.StatusOpen:
				fmt.Fprintf(s.info, "  job %d: posted, waiting for a provider (until %s)\n", id, fmtTime(job.AcceptBy))
			case settlement.StatusAccepted:
				fmt.Fprintf(s.info, "  job %d: accepted by %s; running (result due by %s)\n", id, job.Provider.Hex(), fmtTime(job.ResultBy))
			case settlement.StatusCommitted:
				fmt.Fprintf(s.info, "  job %d: result committed; challenge window until %s\n", id, fmtTime(job.ChallengeEnds()))
				if onCommitted != nil {
					if err := onCommitted(job); err != nil {
						return job, err
					}
				}
			case settlement.StatusChallenged:
				fmt.Fprintf(s.info, "  job %d: challenged; verifiers vote\n", id)
			default:
				fmt.Fprintf(s.info, "  job %d: %s\n", id, job.Status)
			}
		}
		if untilAccepted && job.Status != settlement.StatusOpen || job.Status.Terminal() {
			return job, nil
		}
		head, err := s.client.HeaderByNumber(s.ctx, nil)
		if err == nil {
			now := time.Unix(int64(head.Time), 0)
			switch {
			case job.Status == settlement.StatusOpen && !now.Before(job.AcceptBy):
				return job, badInput("job %d: no provider accepted it by %s: reclaim the payment with 'brine job reclaim %d'", id, fmtTime(job.AcceptBy), id)
			case job.Status == settlement.StatusAccepted && !now.Before(job.ResultBy):
				return job, badInput("job %d: the provider committed no result by %s: 'brine job claim-timeout %d' refunds it with the provider's collateral", id, fmtTime(job.ResultBy), id)
			case job.Status == settlement.StatusCommitted && !windowNoted && now.Add(2*time.Second).After(job.ChallengeEnds()):
				windowNoted = true
				fmt.Fprintf(s.info, "  job %d: challenge window closing\n", id)
			}
		}
		select {
		case <-s.ctx.Done():
			return job, s.ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// downloadResult fetches the committed result from the provider's node, verifies it against
// the on-chain commitment and only then unpacks it into dir.
func (s *session) downloadResult(cn *clientNet, st *onchain.Settlement, job settlement.Job, dir string) (cid.Cid, error) {
	data, c, err := node.FetchJobResult(s.ctx, cn.host, st, job, 1<<30)
	if errors.Is(err, node.ErrResultMismatch) {
		return c, fmt.Errorf("job %d: the result served by provider %s does NOT match its on-chain commitment %s; nothing was written. Dispute it within the challenge window with 'brine job challenge %d': %w",
			job.ID, job.Provider.Hex(), c, job.ID, err)
	}
	if err != nil {
		return c, fmt.Errorf("job %d: %w", job.ID, err)
	}
	if err := results.Unpack(data, dir, results.Limits{}); err != nil {
		return c, fmt.Errorf("job %d: writing the result into %s: %w", job.ID, dir, err)
	}
	fmt.Fprintf(s.info, "Result %s verified against the on-chain commitment and written to %s\n", c, dir)
	return c, nil
}
